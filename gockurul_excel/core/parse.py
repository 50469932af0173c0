"""Cell values as office staff type them, turned into typed values.

Excel hands us real dates and numbers when the cell is formatted; when it is not, staff type
`21.02.2023` or `12.000` (Turkish thousands separator) as text. Each parser returns the typed value,
or raises `ValueError` so the caller can report the cell. `None` always means an empty cell.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import Any

_WS = re.compile(r"\s+")
# Characters XML 1.0 forbids; they sneak in from pasted text.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def normalize_header(text: Any) -> str:
    """Header comparison key: trimmed, single spaces, Turkish-aware lower case, NFC."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFC", str(text))
    s = _WS.sub(" ", s.replace("\u00a0", " ")).strip()
    return s.replace("I", "ı").replace("İ", "i").lower()


HEADER_SCAN_ROWS = 10  # a title row or two above the header is tolerated


def locate_header(rows: list, headers) -> tuple[int, dict[str, int]]:
    """(1-based header row, wanted header -> 1-based column): the row among the first
    HEADER_SCAN_ROWS that matches most of `headers`; row 1 and {} when none matches."""
    wanted = {normalize_header(h): h for h in headers}
    best_row, best = 1, {}
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS], start=1):
        found: dict[str, int] = {}
        for c, value in enumerate(row, start=1):
            h = wanted.get(normalize_header(value)) if isinstance(value, str) else None
            if h is not None and h not in found:
                found[h] = c
        if len(found) > len(best):
            best_row, best = r, found
    return best_row, best


@lru_cache(maxsize=8192)
def ascii_fold(text: str) -> str:
    """For matching names typed without Turkish letters ('Sanliurfa' ~ 'Şanlıurfa')."""
    s = normalize_header(text)
    for a, b in (
        ("ı", "i"),
        ("ş", "s"),
        ("ğ", "g"),
        ("ü", "u"),
        ("ö", "o"),
        ("ç", "c"),
        ("â", "a"),
        ("î", "i"),
        ("û", "u"),
    ):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: Any) -> str | None:
    if value.__class__ is str:
        s = value if value.isascii() else unicodedata.normalize("NFC", value).replace("\u00a0", " ")
        s = s.strip()
        if not s.isprintable():
            s = _ILLEGAL.sub("", s)
        return s or None
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M" if not value.second else "%H:%M:%S")  # SS:DD, as the sheets show times
    s = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ").strip()
    return _ILLEGAL.sub("", s) or None


def key(value: Any) -> str | None:
    """An identifier such as Toplantı No: 3, 3.0 and ' 3 ' are the same key."""
    if value.__class__ is int or (value.__class__ is float and value.is_integer()):
        return str(int(value))  # a number cell (most keys): what text() and the spaces below would leave
    s = text(value)
    return _WS.sub(" ", s) if s is not None else None


_INT_PLAIN = re.compile(r"^[+-]?\d+$")
_INT_TR_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")  # 12.000 / 1.250.000
_INT_SPACED = re.compile(r"^[+-]?\d{1,3}( \d{3})+$")  # 12 000
_INT_TR_DECIMAL_ZERO = re.compile(r"^[+-]?\d+,0+$")  # 12,0


def integer(value: Any) -> int | None:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError("tam sayı değil")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ValueError("tam sayı değil")
    if isinstance(value, str):
        s = value.replace("\u00a0", " ").strip()
        if _INT_PLAIN.match(s):
            return int(s)
        if _INT_TR_THOUSANDS.match(s):
            return int(s.replace(".", ""))
        if _INT_SPACED.match(s):
            return int(s.replace(" ", ""))
        if _INT_TR_DECIMAL_ZERO.match(s):
            return int(s.split(",")[0])
    raise ValueError("tam sayı değil")


# Excel's 1900 date system: serial 1 = 1900-01-01, with the phantom 29 Feb 1900 (hence 1899-12-30).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_RANGE = (36526, 73415)  # 2000-01-01 .. 2100-12-31
_DATE_TEXT = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$")
_ISO_TEXT = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")


YEAR_RANGE = (1900, 2200)  # outside it a "date" is a typo, and date arithmetic would overflow


def date(value: Any) -> dt.date | None:
    day = _date(value)
    if day is not None and not YEAR_RANGE[0] <= day.year <= YEAR_RANGE[1]:
        raise ValueError(f"geçerli bir tarih değil ({YEAR_RANGE[0]}–{YEAR_RANGE[1]} dışında)")
    return day


def _date(value: Any) -> dt.date | None:
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, dt.time):  # what a reader gives for a date cell holding 0, a negative number or a time
        raise ValueError(
            "tarih değil: hücrede tarih yerine 0, eksi bir sayı ya da saat var (Excel'de tarihler "
            "01.01.1900'de başlar; GG.AA.YYYY biçiminde yazın)"
        )
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise ValueError("tarih değil")
    if isinstance(value, str):
        s = value.strip()
        m = _DATE_TEXT.match(s)
        try:
            if m:
                day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
                if year < 100:
                    year += 2000
                return dt.date(year, month, day)
            m = _ISO_TEXT.match(s)
            if m:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise ValueError("geçerli bir tarih değil") from None
    raise ValueError("tarih değil (GG.AA.YYYY biçiminde yazın)")


_TIME_TEXT = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?$")


def time(value: Any) -> str | None:
    """Meeting time as 'SS:DD'."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        value = value.time()
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1:
        minutes = min(round(value * 24 * 60), 24 * 60 - 1)  # 23:59:45 is 23:59, never "24:00"
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    if isinstance(value, str):
        m = _TIME_TEXT.match(value.strip())
        if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
            return f"{int(m.group(1)):02d}:{m.group(2)}"
    raise ValueError("saat değil (SS:DD biçiminde yazın)")


def text_list(value: Any) -> list[str] | None:
    """Several institutions in one cell, separated by ';' (or new lines)."""
    s = text(value)
    if s is None:
        return None
    items = [p.strip() for p in re.split(r"[;\n]", s)]
    return [p for p in items if p] or None


@lru_cache(maxsize=64)
def _choice_keys(choices: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    # reversed: on a clash the first choice in the list wins, as in a linear search
    return ({normalize_header(c): c for c in reversed(choices)}, {ascii_fold(c): c for c in reversed(choices)})


@lru_cache(maxsize=65536)
def _canonical(s: str, choices: tuple[str, ...]) -> str:
    by_norm, by_fold = _choice_keys(choices)
    return by_norm.get(normalize_header(s)) or by_fold.get(ascii_fold(s)) or s


def choice(value: Any, choices: tuple[str, ...]) -> str | None:
    """The canonical spelling of a closed-list value typed loosely ('evet ' -> 'Evet')."""
    s = text(value)
    if s is None:
        return None
    if s in choices:
        return s
    return _canonical(s, choices)  # left as typed when nothing matches; the schema's enum reports it


def preview(value: Any, limit: int = 40) -> str:
    s = text(value) or ""
    return s if len(s) <= limit else s[: limit - 1] + "…"
