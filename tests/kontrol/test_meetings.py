"""KURALLAR §2, meetings and their windows (M6(9), M7, M8, M11): the dates a meeting row holds, the windows, working
days, extra meetings, district boards.

Each article on both sides of its edge; the baseline is the clean example (no finding at all).
"""

from __future__ import annotations

import datetime as dt

import pytest

from gockurul_excel import rules

from .base import TODAY, D, assert_finds, assert_not_finds, book, change, findings, only

# --- moved from tests/test_kontrol.py ---


def test_held_date_in_future_is_error(memory_book, example_rows):
    example_rows["Toplantılar"][0][4] = D(2027, 1, 15)
    example_rows["Toplantılar"][0][3] = D(2027, 1, 15)
    found = findings(memory_book(rows=example_rows))
    assert any(f[0] == "hata" and "ileri bir tarih" in f[4] and f[3] == "E2" for f in found)


def test_category_must_fit_board_kind(memory_book, example_rows):
    """M8(1): a province workbook does not hold district boards; M6(1): no sub-commission in a district."""
    example_rows["Toplantılar"][0][1] = rules.MeetingCategory.DISTRICT_BOARD.value
    found = [f for f in findings(memory_book(rows=example_rows)) if f[2] == "Toplantılar"]
    assert found and found[0][:2] == ("hata", "M6(1), M7(1)")


def test_province_with_empty_districts_warns(memory_book, example_rows):
    example_rows["İlçeler"] = []
    assert [f[0] for f in only(findings(memory_book(rows=example_rows)), "M8(1)")] == ["uyari"]


# --- each article on both sides of its edge (issue 22) ---


def test_a_meeting_held_today_is_not_in_the_future(example_rows):
    change(example_rows, "Toplantılar", {"Toplantı No": 1}, gerceklesen_tarih=TODAY, planlanan_tarih=TODAY)
    assert not [f for f in findings(book(rows=example_rows)) if "ileri bir tarih" in f.message]
    change(example_rows, "Toplantılar", {"Toplantı No": 1}, gerceklesen_tarih=TODAY + dt.timedelta(days=1))
    assert_finds(
        book(rows=example_rows), "Şablon", sheet="Toplantılar", cell="E2", level="hata", text="ileri bir tarih"
    )


@pytest.mark.parametrize(
    "no, article, working, off",
    [
        (4, "M11(3)", D(2025, 5, 23), D(2025, 5, 24)),  # a board (extra): Friday, Saturday
        (7, "M6(9)", D(2025, 9, 2), D(2025, 9, 6)),  # the sub-commission, in its window: Tuesday, Saturday
    ],
)
def test_a_meeting_is_set_on_a_working_day(example_rows, no, article, working, off):
    """M11(3) (the chair sets the date), M6(9): a meeting on a day off is pointed out; a held one by the day it was
    held (a meeting moved from its planned day off to a working day is fine, one moved onto a day off is not)."""
    change(example_rows, "Toplantılar", {"Toplantı No": no}, planlanan_tarih=working, gerceklesen_tarih=working)
    assert not [f for f in findings(book(rows=example_rows)) if f.rule == article and "iş günü değil" in f.message]
    change(example_rows, "Toplantılar", {"Toplantı No": no}, planlanan_tarih=off, gerceklesen_tarih=working)
    assert not [f for f in findings(book(rows=example_rows)) if f.rule == article and "iş günü değil" in f.message]
    change(example_rows, "Toplantılar", {"Toplantı No": no}, planlanan_tarih=working, gerceklesen_tarih=off)
    assert_finds(
        book(rows=example_rows),
        article,
        sheet="Toplantılar",
        cell=f"E{no + 1}",
        level="uyari",
        text="iş günü değil (hafta sonu)",
    )
    change(example_rows, "Toplantılar", {"Toplantı No": no}, planlanan_tarih=off, gerceklesen_tarih=None)
    assert_finds(
        book(rows=example_rows),
        article,
        sheet="Toplantılar",
        cell=f"D{no + 1}",
        level="uyari",
        text="iş günü değil (hafta sonu)",
        today=working - dt.timedelta(days=1),
    )


def test_an_extra_meeting_past_its_planned_day_is_asked_about(example_rows):
    """M7(3), M8(4): an extra meeting planned for a day now past, with no held date — was it held?"""
    change(
        example_rows,
        "Toplantılar",
        {"Toplantı No": 4},
        gerceklesen_tarih=None,
        tutanak_teblig_tarihi=None,
        platform_giris_tarihi=None,
    )
    data = book(rows=example_rows)
    assert_not_finds(data, rules.EXTRA_MEETING_ARTICLE, today=D(2025, 5, 20))
    assert_finds(
        data,
        rules.EXTRA_MEETING_ARTICLE,
        sheet="Toplantılar",
        cell="E5",
        today=D(2025, 5, 21),
        text="gerçekleşen tarih yazılmamış",
    )


def test_an_ordinary_window_with_no_meeting_held_is_reported_once_its_last_day_has_passed(example_rows):
    """KURALLAR §2, M7(1): the April board (meeting 3) is missing; its window's last day is the edge."""
    from gockurul_excel.core.schedule import build_schedule

    change(
        example_rows,
        "Toplantılar",
        {"Toplantı No": 3},
        gerceklesen_tarih=None,
        planlanan_tarih=None,
        tutanak_teblig_tarihi=None,
        platform_giris_tarihi=None,
    )
    data = book(rows=example_rows)
    board = rules.MeetingCategory.PROVINCE_BOARD
    window = next(w for w in build_schedule(data, TODAY).windows if w.category is board and w.month == 4)
    missing = f"({window.label} 2025) yapılmamış"
    assert not [f for f in findings(data, window.limit) if missing in f.message]
    assert_finds(
        data, window.article, sheet="Toplantılar", level="hata", text=missing, today=window.limit + dt.timedelta(days=1)
    )


def test_an_ordinary_meeting_outside_every_window_is_reported(example_rows):
    """KURALLAR §2: an ordinary board held in May is in no window of its kind (extra meetings may be)."""
    change(example_rows, "Toplantılar", {"Toplantı No": 4}, tur="Olağan")
    assert_finds(
        book(rows=example_rows), "M7(1)", sheet="Toplantılar", cell="E5", text="olağan toplantı döneminin dışında"
    )
    change(example_rows, "Toplantılar", {"Toplantı No": 4}, tur="Ek")
    assert not [f for f in findings(book(rows=example_rows)) if "döneminin dışında" in f.message]


def test_a_meeting_of_another_year_is_pointed_out(example_rows):
    """TASARIM: a book holds one year; the last day of the year is in it, the next day is not."""
    change(
        example_rows,
        "Toplantılar",
        {"Toplantı No": 4},
        tur="Ek",
        planlanan_tarih=D(2025, 12, 31),
        gerceklesen_tarih=None,
        tutanak_teblig_tarihi=None,
        platform_giris_tarihi=None,
    )
    assert not [f for f in findings(book(rows=example_rows)) if "yılında; bu kitap" in f.message]
    change(example_rows, "Toplantılar", {"Toplantı No": 4}, planlanan_tarih=D(2026, 1, 1))
    assert_finds(book(rows=example_rows), "Şablon", cell="D5", text="2026 yılında; bu kitap 2025 yılı için")
