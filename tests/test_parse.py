"""Values as office staff type them."""

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gockurul_excel.core import parse


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("21.02.2023", dt.date(2023, 2, 21)),
        ("21/02/2023", dt.date(2023, 2, 21)),
        ("1.3.2027", dt.date(2027, 3, 1)),
        ("2023-02-21", dt.date(2023, 2, 21)),
        (" 21.02.23 ", dt.date(2023, 2, 21)),
        (44978, dt.date(2023, 2, 21)),
        (dt.datetime(2023, 2, 21, 10, 30), dt.date(2023, 2, 21)),
        (None, None),
        ("  ", None),
    ],
)
def test_dates(raw, expected):
    assert parse.date(raw) == expected


@pytest.mark.parametrize("raw", ["31.02.2023", "yarın", 5, "21.02", True])
def test_bad_dates(raw):
    with pytest.raises(ValueError):
        parse.date(raw)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("12.000", 12_000),
        ("1.250.000", 1_250_000),
        ("12 000", 12_000),
        ("2000", 2_000),
        (2001.0, 2_001),
        ("12,0", 12),
        (" 1.999 ", 1_999),
    ],
)
def test_integers_turkish(raw, expected):
    assert parse.integer(raw) == expected


@pytest.mark.parametrize("raw", ["12,5", "on iki", 12.5, "12.00"])
def test_bad_integers(raw):
    with pytest.raises(ValueError):
        parse.integer(raw)


def test_choice_canonical():
    assert parse.choice(" evet ", ("Evet", "Hayır")) == "Evet"
    assert parse.choice("HAYIR", ("Evet", "Hayır")) == "Hayır"
    assert parse.choice("Sanliurfa", ("Şanlıurfa", "İstanbul")) == "Şanlıurfa"
    assert parse.choice("istanbul", ("Şanlıurfa", "İstanbul")) == "İstanbul"


def test_time_and_keys():
    assert parse.time(dt.time(9, 5)) == "09:05"
    assert parse.time("14.30") == "14:30"
    assert parse.time(0.5) == "12:00"
    assert parse.key(3.0) == "3" and parse.key(" 2025/1 ") == "2025/1"
    assert parse.text_list("A; B ;\nC;") == ["A", "B", "C"]


cell_values = st.one_of(
    st.none(),
    st.text(max_size=60),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)


PARSED_KIND = {
    parse.date: dt.date,
    parse.integer: int,
    parse.time: str,
    parse.text: str,
    parse.key: str,
    parse.text_list: list,
}


@given(cell_values)
def test_parsers_return_their_kind_or_explain(value):
    """Whatever a cell holds, a parser returns nothing for a blank, a value of its kind, or a ValueError whose
    message a finding can print; never another exception."""
    for fn, kind in PARSED_KIND.items():
        try:
            out = fn(value)
        except ValueError as exc:
            assert str(exc).strip(), fn.__name__
            continue
        if parse.is_blank(value):
            assert out is None, (fn.__name__, value, out)
        else:
            assert out is None or isinstance(out, kind), (fn.__name__, value, out)
        if kind is int:
            assert not isinstance(out, bool)
        if fn is parse.time and out is not None:
            assert re.fullmatch(r"[0-2]\d:[0-5]\d", out), out
