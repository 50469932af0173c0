"""The province's merged state read back from its generated sheets (core.districts.state_from_rows; M12(5)), in the
process: `rows_of` is a plain dict here, as calamine or xlwings would give the cells. Each table is read on its
own (a missing or headerless sheet costs only itself), a row without a district is skipped, a row shorter than the
header reads blanks past its end (a reader drops trailing empty cells), and the merge log keeps a blank cell blank.
"""

from __future__ import annotations

import datetime as dt

from gockurul_excel import rules
from gockurul_excel.core.districts import (
    DECISIONS_SHEET,
    DISTRICT,
    LOG_COLS,
    LOG_SHEET,
    MEETING_COLS,
    MEETINGS_SHEET,
    PARTICIPANTS_SHEET,
    PROBLEM_COLS,
    PROBLEMS_SHEET,
    RECEIVED,
    SOURCE,
    state_from_rows,
)

D = dt.date
BOARD = rules.MeetingCategory.DISTRICT_BOARD.value
MEETING_HEADER = [DISTRICT, *MEETING_COLS, RECEIVED, SOURCE]
PROBLEM_HEADER = [DISTRICT, *PROBLEM_COLS]


def meeting(district, no, received=None, source=None) -> list:
    return [district, no, BOARD, "Olağan", D(2033, 2, 21), D(2033, 2, 21), None, None, received, source]


def problem(district, no, meeting_no="1") -> list:
    return [district, no, meeting_no, "Sağlık", "Sorun", None, "Açık", None]


def state(sheets: dict[str, list[list]]):
    return state_from_rows(list(sheets), sheets.__getitem__)


def problems_of(s, district="nizip") -> list:
    return [(r["Sorun No"], r["Toplantı No"]) for r in s.districts[district].tables[PROBLEMS_SHEET]]


def test_never_merged_is_none():
    assert state({PROBLEMS_SHEET: [PROBLEM_HEADER, problem("Nizip", "1")]}) is None


def test_a_missing_sheet_costs_only_itself():
    """No İlçe Kararları sheet: the problems after it in the table order are still read."""
    s = state(
        {
            MEETINGS_SHEET: [MEETING_HEADER, meeting("Nizip", "1")],
            PROBLEMS_SHEET: [PROBLEM_HEADER, problem("Nizip", "5")],
        }
    )
    assert problems_of(s) == [("5", "1")]
    assert s.districts["nizip"].tables[DECISIONS_SHEET] == [] and s.districts["nizip"].tables[PARTICIPANTS_SHEET] == []


def test_a_sheet_without_the_district_column_is_skipped_and_the_next_one_read():
    s = state(
        {
            MEETINGS_SHEET: [MEETING_HEADER, meeting("Nizip", "1")],
            DECISIONS_SHEET: [["Karar No", "Toplantı No"], ["1", "1"]],
            PROBLEMS_SHEET: [PROBLEM_HEADER, problem("Nizip", "5")],
        }
    )
    assert s.districts["nizip"].tables[DECISIONS_SHEET] == []
    assert problems_of(s) == [("5", "1")]


def test_a_row_without_a_district_is_skipped_and_the_rows_after_it_read():
    rows = [PROBLEM_HEADER, problem("Nizip", "1"), problem(None, "2"), problem("  ", "3"), problem("Nizip", "4")]
    s = state({MEETINGS_SHEET: [MEETING_HEADER, meeting("Nizip", "1")], PROBLEMS_SHEET: rows})
    assert problems_of(s) == [("1", "1"), ("4", "1")]
    assert list(s.districts) == ["nizip"]


def test_a_row_shorter_than_the_header_reads_blanks_past_its_end():
    """A reader drops trailing empty cells: a meeting row one cell short has no Kaynak Dosya, two short no İle
    Ulaşma Tarihi either."""
    s = state(
        {
            MEETINGS_SHEET: [
                MEETING_HEADER,
                meeting("Nizip", "1", D(2033, 3, 1))[:-1],
                meeting("Nizip", "2")[:-2],
                meeting("Nizip", "3", D(2033, 9, 1), "nizip.xlsx"),
            ]
        }
    )
    rows = s.districts["nizip"]
    assert [m["Toplantı No"] for m in rows.meetings()] == ["1", "2", "3"]
    assert rows.received == {"1": D(2033, 3, 1), "3": D(2033, 9, 1)}
    assert rows.source == "nizip.xlsx"


def test_received_only_for_a_numbered_meeting_with_a_date():
    """İle Ulaşma Tarihi by Toplantı No: a meeting without the date, or a row without a number, adds nothing."""
    s = state(
        {
            MEETINGS_SHEET: [
                MEETING_HEADER,
                meeting("Nizip", "1"),
                meeting("Nizip", None, D(2033, 3, 1)),
                meeting("Nizip", "2", D(2033, 9, 1), "a.xlsx"),
                meeting("Nizip", "3", None, None),
            ]
        }
    )
    rows = s.districts["nizip"]
    assert rows.received == {"2": D(2033, 9, 1)}
    assert rows.source == "a.xlsx"  # a later row without a source keeps the last one named


def test_the_header_is_the_row_naming_most_of_the_tables_own_columns():
    """A note row above the header that names the meetings sheet's İle Ulaşma Tarihi and Kaynak Dosya: those are
    not columns of İlçe Sorunları, so the row below, with more of the problems' own columns, is the header."""
    s = state(
        {
            MEETINGS_SHEET: [MEETING_HEADER, meeting("Nizip", "1")],
            PROBLEMS_SHEET: [
                [DISTRICT, "Sorun No", "Toplantı No", RECEIVED, SOURCE],
                [DISTRICT, "Sorun No", "Toplantı No", "Alan"],
                ["Nizip", "7", "1", "Eğitim"],
            ],
        }
    )
    assert list(s.districts) == ["nizip"]
    assert [(r["Sorun No"], r["Toplantı No"], r["Alan"]) for r in s.districts["nizip"].tables[PROBLEMS_SHEET]] == [
        ("7", "1", "Eğitim")
    ]


def test_the_merge_log_rows_short_or_with_blanks():
    """A log row missing its last cells reads them as blank; a blank cell stays None (not "") and a fully blank
    row is no entry."""
    log = [
        list(LOG_COLS),
        ["2033-03-01 10:00", "nizip.xlsx", "Nizip", "eklendi", "2 toplantı"],
        ["2033-03-02 10:00", "nizip.xlsx", "Nizip", "değişiklik yok"],
        ["2033-03-03 10:00", None, "Nizip", "eklendi"],
        [None, None, "  "],
    ]
    s = state({MEETINGS_SHEET: [MEETING_HEADER], LOG_SHEET: log})
    assert s.log == [
        ["2033-03-01 10:00", "nizip.xlsx", "Nizip", "eklendi", "2 toplantı"],
        ["2033-03-02 10:00", "nizip.xlsx", "Nizip", "değişiklik yok", None],
        ["2033-03-03 10:00", None, "Nizip", "eklendi", None],
    ]
    assert s.districts == {}
