"""core.parse in the process: cell values as office staff type them (GG.AA.YYYY dates, Turkish thousands, SS:DD
times, loosely typed closed-list values), each boundary from both sides and each refusal's exact Turkish words."""

from __future__ import annotations

import datetime as dt

import pytest

from gockurul_excel.core import parse

D = dt.date
NOT_INT = "tam sayı değil"
NOT_DATE = "tarih değil (GG.AA.YYYY biçiminde yazın)"
BAD_DATE = "geçerli bir tarih değil"
NOT_TIME = "saat değil (SS:DD biçiminde yazın)"


def refuses(fn, value, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        fn(value)
    assert str(caught.value) == message, value


def test_normalize_header_trims_single_spaces_and_lowers_turkish_letters():
    assert parse.normalize_header(None) == ""
    assert parse.normalize_header("  Toplantı\u00a0  No\t") == "toplantı no"
    assert parse.normalize_header("IŞIK İL") == "ışık il"
    assert parse.normalize_header("O\u0308zel") == "özel"  # NFC: a decomposed Ö is Ö
    assert parse.normalize_header(12) == "12"


def test_locate_header_finds_the_row_matching_most_headers_within_the_first_ten():
    headers = ["Toplantı No", "Kategori", "Tür"]
    title = ["Toplantılar", None, None]
    assert parse.locate_header(
        [title, ["toplantı  no", "KATEGORİ", 5], ["Toplantı No", "Kategori", "Tür"]], headers
    ) == (3, {"Toplantı No": 1, "Kategori": 2, "Tür": 3})
    # a tie keeps the earlier row; a repeated header keeps its first column; non-text cells are no header
    assert parse.locate_header([["Tür", "Tür", 1], ["Kategori", None]], headers) == (1, {"Tür": 1})
    row10 = [[None]] * 9 + [["Tür"]]
    assert parse.locate_header(row10, headers) == (10, {"Tür": 1})
    assert parse.locate_header([[None]] * 10 + [["Tür"]], headers) == (1, {})  # the eleventh row is not looked at
    assert parse.locate_header([], headers) == (1, {})
    assert parse.HEADER_SCAN_ROWS == 10


def test_ascii_fold_matches_names_typed_without_turkish_letters():
    assert parse.ascii_fold("Şanlıurfa") == "sanliurfa"
    assert parse.ascii_fold("ĞÜÖÇ âîû İI") == "guoc aiu ii"
    assert parse.ascii_fold("Müdürlüğü Café") == "mudurlugu cafe"


def test_is_blank():
    assert parse.is_blank(None) and parse.is_blank("") and parse.is_blank(" \t\n")
    assert not parse.is_blank("x") and not parse.is_blank(0) and not parse.is_blank(False)


def test_text_of_every_kind_of_cell():
    assert parse.text("  Valilik  ") == "Valilik"
    assert parse.text("") is None and parse.text("   ") is None and parse.text(None) is None
    assert parse.text("Göç\u00a0İdaresi ") == "Göç İdaresi"
    assert parse.text("a\x01b\x1fc\tç") == "abc\tç"  # what XML forbids goes; a tab stays
    assert parse.text("\x01\x02") is None
    assert parse.text(3.0) == "3" and parse.text(3.5) == "3.5" and parse.text(12) == "12"
    assert parse.text(D(2025, 2, 1)) == "01.02.2025" and parse.text(dt.datetime(2025, 2, 1, 10)) == "01.02.2025"
    assert parse.text(dt.time(9, 5)) == "09:05" and parse.text(dt.time(9, 5, 7)) == "09:05:07"
    assert parse.text(True) == "True"


def test_key_reads_3_3_0_and_spaced_3_as_the_same_identifier():
    assert parse.key(3) == "3" and parse.key(3.0) == "3" and parse.key(" 3 ") == "3"
    assert parse.key(3.5) == "3.5"
    assert parse.key("  2025 /\t 3  ") == "2025 / 3"
    assert parse.key(None) is None and parse.key("  ") is None


def test_integer_reads_turkish_thousands_and_a_zero_decimal():
    assert parse.integer(None) is None and parse.integer("  ") is None
    assert parse.integer(12) == 12 and parse.integer(12.0) == 12
    assert parse.integer(" 12 ") == 12 and parse.integer("+12") == 12 and parse.integer("-3") == -3
    assert parse.integer("12.000") == 12000 and parse.integer("1.250.000") == 1250000
    assert parse.integer("12 000") == 12000 and parse.integer("12\u00a0000") == 12000
    assert parse.integer("12,0") == 12 and parse.integer("12,00") == 12 and parse.integer("-7,0") == -7
    for bad in (True, False, 12.5, "12,5", "1234.000", "12.00", "12 00", "on iki", [1]):
        refuses(parse.integer, bad, NOT_INT)


def test_date_from_a_date_a_serial_number_or_text():
    assert parse.date(None) is None and parse.date(" ") is None
    assert parse.date(dt.datetime(2025, 2, 1, 23, 59)) == D(2025, 2, 1)
    assert parse.date(D(2025, 2, 1)) == D(2025, 2, 1)
    # Excel serials from 2000-01-01 to 2100-12-31, a fraction of a day dropped
    assert parse.date(36526) == D(2000, 1, 1) and parse.date(73415) == D(2100, 12, 31)
    assert parse.date(45000.75) == D(2023, 3, 15)
    refuses(parse.date, 36525, "tarih değil")
    refuses(parse.date, 73416, "tarih değil")
    refuses(parse.date, True, NOT_DATE)
    refuses(
        parse.date,
        dt.time(0, 0),
        "tarih değil: hücrede tarih yerine 0, eksi bir sayı ya da saat var (Excel'de "
        "tarihler 01.01.1900'de başlar; GG.AA.YYYY biçiminde yazın)",
    )
    assert parse.date(" 1.2.2025 ") == D(2025, 2, 1) and parse.date("01/02/2025") == D(2025, 2, 1)
    assert parse.date("01-02-25") == D(2025, 2, 1) and parse.date("01.02.2025 10:30") == D(2025, 2, 1)
    assert parse.date("01.02.2025T10.30.15") == D(2025, 2, 1)
    assert parse.date("01.01.0099") == D(2099, 1, 1)  # a year under 100 is this century's
    assert parse.date("2025-02-01") == D(2025, 2, 1) and parse.date("2025-2-1 10:30:15.25") == D(2025, 2, 1)
    for bad in ("31.02.2025", "2025-13-01", "00.01.2025"):
        refuses(parse.date, bad, BAD_DATE)
    for bad in ("1 Şubat 2025", "01.02.202", "01.02.2025 10", [2025]):
        refuses(parse.date, bad, NOT_DATE)


def test_date_outside_1900_to_2200_is_a_typo():
    out = "geçerli bir tarih değil (1900–2200 dışında)"
    assert parse.date("01.01.1900") == D(1900, 1, 1) and parse.date("31.12.2200") == D(2200, 12, 31)
    refuses(parse.date, "31.12.1899", out)
    refuses(parse.date, "01.01.2201", out)
    refuses(parse.date, "01.01.0100", out)  # three digits of year are not two
    refuses(parse.date, D(1899, 12, 31), out)
    assert parse.YEAR_RANGE == (1900, 2200)


def test_time_as_hours_and_minutes():
    assert parse.time(None) is None and parse.time("") is None
    assert parse.time(dt.time(9, 5, 59)) == "09:05" and parse.time(dt.datetime(2025, 1, 1, 23, 59)) == "23:59"
    assert parse.time(0) == "00:00" and parse.time(0.5) == "12:00" and parse.time(0.4375) == "10:30"
    assert parse.time(10 / 1440 + 0.4 / 1440) == "00:10" and parse.time(10 / 1440 + 0.6 / 1440) == "00:11"
    assert parse.time(0.9999) == "23:59" and parse.time((23 * 60 + 59.6) / 1440) == "23:59"  # not "24:00"
    assert parse.time((23 * 60 + 58.6) / 1440) == "23:59"
    assert parse.time(" 9:05 ") == "09:05" and parse.time("9.05") == "09:05" and parse.time("09:05:30") == "09:05"
    assert parse.time("23:59") == "23:59" and parse.time("00:00") == "00:00"
    for bad in (1, 1.5, -0.1, True, "24:00", "23:60", "9:5", "9", "saat 9", [9]):
        refuses(parse.time, bad, NOT_TIME)


def test_text_list_splits_on_semicolons_and_new_lines():
    assert parse.text_list(" Valilik ; Emniyet\nJandarma;; ") == ["Valilik", "Emniyet", "Jandarma"]
    assert parse.text_list("Valilik") == ["Valilik"]
    assert parse.text_list(" ; \n") is None and parse.text_list(None) is None


def test_choice_is_the_canonical_spelling_or_the_text_as_typed():
    yes_no = ("Evet", "Hayır")
    assert parse.choice("Evet", yes_no) == "Evet"
    assert parse.choice(" evet ", yes_no) == "Evet" and parse.choice("HAYIR", yes_no) == "Hayır"
    assert parse.choice("hayir", yes_no) == "Hayır"  # typed without Turkish letters
    assert parse.choice("belki", yes_no) == "belki" and parse.choice("  ", yes_no) is None
    assert parse.choice("AB", ("Ab", "ab")) == "Ab" and parse.choice("ab ", ("aB", "AB")) == "aB"  # first wins


def test_preview_cuts_at_the_limit_with_an_ellipsis():
    assert parse.preview(None) == ""
    assert parse.preview("x" * 40) == "x" * 40
    assert parse.preview("x" * 41) == "x" * 39 + "…"
    assert parse.preview("abcdef", limit=5) == "abcd…" and parse.preview("abcde", limit=5) == "abcde"
    assert parse.preview(3.0) == "3"


def test_text_of_a_value_of_another_kind_is_its_text_cleaned_like_a_string():
    """What is neither text, a number nor a date (whatever str() gives) is cleaned as a string cell is: a
    no-break space is a space, the ends are trimmed, characters an .xlsx cannot hold are dropped."""

    class Other:
        def __str__(self) -> str:
            return " a\u00a0b\x01c "

    assert parse.text(Other()) == "a bc"
