"""core.rowschema in the process: the JSON instance a row's schema sees (`_instance`, the reference that the column
by column `_instances` equals, tests/test_fast_paths.py): parsed values as JSON, and for an empty value the text its
cell held, so that an unreadable cell is reported by the schema."""

from __future__ import annotations

import datetime as dt

from gockurul_excel.core import rowschema

D = dt.date


def test_plain_values_are_as_they_are_and_dates_are_iso():
    values = {"A": "metin", "B": 12, "C": ["Valilik", "Emniyet"], "D": D(2025, 3, 1)}
    assert rowschema._instance(values, {}) == {"A": "metin", "B": 12, "C": ["Valilik", "Emniyet"], "D": "2025-03-01"}


def test_an_empty_value_is_left_out_unless_its_cell_held_something():
    values = {"A": None, "B": None, "C": None, "D": None, "E": None, "F": None}
    raw = {"A": None, "B": "", "C": "   ", "D": "XXXX", "E": 31.5, "F": " 31.02.2025 "}
    assert rowschema._instance(values, raw) == {"D": "XXXX", "E": 31.5, "F": "31.02.2025"}
    assert rowschema._instance({"G": None}, {}) == {}  # a column the raw cells lack


def test_other_parsed_values_go_through_json_value():
    """A value of no plain kind (not text, whole number, list, date): a time of day with a date is ISO, a number
    as it is; the cell's raw text is not used once a value was read."""
    values = {"A": dt.datetime(2025, 3, 1, 9, 30), "B": 2.5, "C": True}
    raw = {"A": "01.03.2025 09:30", "B": "2,5", "C": "Evet"}
    assert rowschema._instance(values, raw) == {"A": "2025-03-01T09:30:00", "B": 2.5, "C": True}


def test_json_value():
    assert rowschema._json_value(None, None) is None
    assert rowschema._json_value(None, " ") is None
    assert rowschema._json_value(None, " x ") == "x"
    assert rowschema._json_value(None, 3) == 3 and rowschema._json_value(None, 2.5) == 2.5
    assert rowschema._json_value(None, True) == "True"  # a boolean cell is text to the schema, not a number
    assert rowschema._json_value(None, D(2025, 2, 1)) == "01.02.2025"
    assert rowschema._json_value(D(2025, 2, 1), None) == "2025-02-01"
    assert rowschema._json_value(7, "yedi") == 7
