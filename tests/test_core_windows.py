"""Ordinary meeting windows in the process (core.windows; M6(9), M7(1), M7(2), M8(1), M8(3), KURALLAR §2–§3): each
window's first, last regular and last allowed day, its proposal day, its label, the estimate mark, the workbook's
calendar (Tatiller) and which windows a workbook must meet."""

from __future__ import annotations

import datetime as dt

from gockurul_excel import rules
from gockurul_excel.core.windows import Window, build_calendar, required_windows, windows_for
from gockurul_excel.core.workdays import WorkCalendar
from gockurul_excel.rules import MeetingCategory as Category

from .kontrol.base import book, clean, rows

D = dt.date


def _dates(ws: list[Window]) -> list[tuple]:
    return [(w.month, w.start, w.end, w.limit, w.proposal, w.limit_target, w.estimated) for w in ws]


def test_province_board_quarterly_whole_months_proposal_on_the_15th():
    """M7(1): January, April, July, October, the whole month; the proposal day is the first working day on or
    after the 15th (KURALLAR §2) — 15.07.2025 is Demokrasi ve Millî Birlik Günü: 16.07."""
    ws = windows_for(rules.PROVINCE_BOARD_QUARTERLY, 2025, WorkCalendar())
    assert _dates(ws) == [
        (1, D(2025, 1, 1), D(2025, 1, 31), D(2025, 1, 31), D(2025, 1, 15), None, False),
        (4, D(2025, 4, 1), D(2025, 4, 30), D(2025, 4, 30), D(2025, 4, 15), None, False),
        (7, D(2025, 7, 1), D(2025, 7, 31), D(2025, 7, 31), D(2025, 7, 16), None, False),
        (10, D(2025, 10, 1), D(2025, 10, 31), D(2025, 10, 31), D(2025, 10, 15), None, False),
    ]
    assert [(w.category, w.article, w.label, w.meeting) for w in ws[:2]] == [
        (Category.PROVINCE_BOARD, "M7(1)", "Ocak ayı", None),
        (Category.PROVINCE_BOARD, "M7(1)", "Nisan ayı", None),
    ]
    assert [w.label for w in windows_for(rules.PROVINCE_BOARD_BIANNUAL, 2025, WorkCalendar())] == [
        "Ocak ayı",
        "Temmuz ayı",
    ]


def test_subcommission_first_week_and_its_first_working_day():
    """M6(9): the first week (1–7) of March, June, September, December; the proposal day is the week's first
    working day (01.03.2025 a Saturday: 03.03; 01.06 a Sunday: 02.06), no estimate."""
    ws = windows_for(rules.SUBCOMMISSION_QUARTERLY, 2025, WorkCalendar())
    assert _dates(ws) == [
        (3, D(2025, 3, 1), D(2025, 3, 7), D(2025, 3, 7), D(2025, 3, 3), None, False),
        (6, D(2025, 6, 1), D(2025, 6, 7), D(2025, 6, 7), D(2025, 6, 2), None, False),
        (9, D(2025, 9, 1), D(2025, 9, 7), D(2025, 9, 7), D(2025, 9, 1), None, False),
        (12, D(2025, 12, 1), D(2025, 12, 7), D(2025, 12, 7), D(2025, 12, 1), None, False),
    ]
    assert [w.label for w in ws] == [
        "Mart ayının ilk haftası",
        "Haziran ayının ilk haftası",
        "Eylül ayının ilk haftası",
        "Aralık ayının ilk haftası",
    ]
    assert ws[0].article == "M6(9)"


def test_subcommission_first_week_lost_to_leave_moves_to_the_next_working_day():
    """M6(9), KURALLAR §2: June 2025's first week lost to leave (2–5 June) and Kurban Bayramı (6–9 June): the
    window ends on the first working day, 10.06, where it may still meet."""
    leave = [(D(2025, 6, d), "İzin", "İdari İzin") for d in (2, 3, 4, 5)]
    june = windows_for(rules.SUBCOMMISSION_QUARTERLY, 2025, WorkCalendar(leave))[1]
    assert (june.start, june.end, june.limit, june.proposal) == (
        D(2025, 6, 1),
        D(2025, 6, 10),
        D(2025, 6, 10),
        D(2025, 6, 10),
    )


def test_district_board_two_months_and_the_m8_3_late_limit():
    """M8(1): February/March and August/September; M8(3): by the last day of the following month (judged), shown
    as its last working day — 31.10.2027 is a Sunday and 29.10 Cumhuriyet Bayramı: 28.10. Proposal day the 15th
    (15.02.2025 a Saturday: 17.02)."""
    ws = windows_for(rules.DISTRICT_BOARD_WINDOW, 2025, WorkCalendar())
    assert _dates(ws) == [
        (2, D(2025, 2, 1), D(2025, 3, 31), D(2025, 4, 30), D(2025, 2, 17), D(2025, 4, 30), False),
        (8, D(2025, 8, 1), D(2025, 9, 30), D(2025, 10, 31), D(2025, 8, 15), D(2025, 10, 31), False),
    ]
    assert [(w.label, w.article) for w in ws] == [("Şubat/Mart", "M8(1)"), ("Ağustos/Eylül", "M8(1)")]
    aug = windows_for(rules.DISTRICT_BOARD_WINDOW, 2027, WorkCalendar())[1]
    assert (aug.limit, aug.limit_target, aug.shown_limit, aug.proposal, aug.estimated) == (
        D(2027, 10, 31),
        D(2027, 10, 28),
        D(2027, 10, 28),
        D(2027, 8, 16),
        False,
    )


def test_estimated_proposal_or_limit_marks_the_window():
    """KURALLAR §2: the 2034 March sub-commission's proposal day moves across Kurban Bayramı (estimated, 1–3 March)
    to Monday 6 March; the 2038 August district window's late limit (31.10) is shown across Ramazan Bayramı
    (estimated): both are estimates. The other windows of those years are not."""
    ws = windows_for(rules.SUBCOMMISSION_QUARTERLY, 2034, WorkCalendar())
    assert [(w.proposal, w.estimated) for w in ws[:2]] == [(D(2034, 3, 6), True), (D(2034, 6, 1), False)]
    ws = windows_for(rules.DISTRICT_BOARD_WINDOW, 2038, WorkCalendar())
    assert [(w.limit, w.shown_limit, w.estimated) for w in ws] == [
        (D(2038, 4, 30), D(2038, 4, 30), False),
        (D(2038, 10, 31), D(2038, 10, 28), True),
    ]


def test_window_contains_both_ends_and_held_only_inside():
    """KURALLAR §2: only a meeting held inside its window (to its last allowed day) satisfies it."""
    w = windows_for(rules.DISTRICT_BOARD_WINDOW, 2025, WorkCalendar())[0]
    assert [w.contains(d) for d in (D(2025, 1, 31), D(2025, 2, 1), D(2025, 4, 30), D(2025, 5, 1))] == [
        False,
        True,
        True,
        False,
    ]
    assert w.held is None
    for day, held in ((D(2025, 4, 30), D(2025, 4, 30)), (D(2025, 5, 1), None), (None, None)):
        w.meeting = {"Gerçekleşen Tarih": day}
        assert w.held == held
    assert w.shown_limit == D(2025, 4, 30)
    province = windows_for(rules.PROVINCE_BOARD_BIANNUAL, 2025, WorkCalendar())[0]
    assert (province.limit_target, province.shown_limit) == (None, D(2025, 1, 31))


def test_build_calendar_from_tatiller():
    """The Tatiller sheet's days are days off: named by Açıklama, else by Tür, else 'İdari izin'; a row without a
    date is no day."""
    book_rows = clean()
    book_rows["Tatiller"] = rows(
        "Tatiller",
        tarih=[D(2025, 6, 2), D(2025, 6, 3), D(2025, 6, 4), None],
        aciklama=["Bayram öncesi izin", None, None, "Tarihsiz"],
        tur=["Ek Tatil", "İdari İzin", None, "Ek Tatil"],
    )
    cal = build_calendar(book(rows=book_rows))
    assert [
        (d.date, d.name, d.kind)
        for d in cal.days_off(2025)
        if d.date.month == 6 and d.kind != "resmi_tatil" and d.kind != "arife"
    ] == [
        (D(2025, 6, 2), "Bayram öncesi izin", "Ek Tatil"),
        (D(2025, 6, 3), "İdari İzin", "İdari İzin"),
        (D(2025, 6, 4), "İdari izin", "İdari İzin"),
    ]
    assert not cal.is_working_day(D(2025, 6, 4))


def _months(ws: list[Window]) -> list[tuple]:
    return [(w.category, w.month) for w in ws]


def test_required_windows_province_by_population():
    """M7(1)/M7(2), M6(9): 10.000 and over four İl GKK and four Alt Komisyon meetings, under it two each; no
    population, no windows."""
    cal = WorkCalendar()
    assert _months(required_windows(book(**{"Yabancı Nüfusu": 10_000}), rules.BoardKind.PROVINCE, 2025, cal)) == [
        *((Category.PROVINCE_BOARD, m) for m in (1, 4, 7, 10)),
        *((Category.SUBCOMMISSION, m) for m in (3, 6, 9, 12)),
    ]
    assert _months(required_windows(book(**{"Yabancı Nüfusu": 9_999}), rules.BoardKind.PROVINCE, 2025, cal)) == [
        (Category.PROVINCE_BOARD, 1),
        (Category.PROVINCE_BOARD, 7),
        (Category.SUBCOMMISSION, 6),
        (Category.SUBCOMMISSION, 12),
    ]
    assert required_windows(book(**{"Yabancı Nüfusu": None}), rules.BoardKind.PROVINCE, 2025, cal) == []
    assert required_windows(book(**{"Yabancı Nüfusu": "çok"}), rules.BoardKind.PROVINCE, 2025, cal) == []


def test_required_windows_district_m8_1_and_m8_2():
    """M8(1): a district of 2.000 foreigners and over, or a border district, holds its board in February/March
    and August/September; M8(2): under 2.000 and not on the border, no window is required."""
    cal = WorkCalendar()
    district = {"Kurul Türü": "İlçe", "İlçe": "Nizip"}
    kind = rules.BoardKind.DISTRICT
    both = [(Category.DISTRICT_BOARD, 2), (Category.DISTRICT_BOARD, 8)]
    assert _months(required_windows(book(**district, **{"Yabancı Nüfusu": 2_000}), kind, 2025, cal)) == both
    assert required_windows(book(**district, **{"Yabancı Nüfusu": 1_999}), kind, 2025, cal) == []
    assert (
        required_windows(book(**district, **{"Yabancı Nüfusu": 1_999, "Hudut İlçesi": "Hayır"}), kind, 2025, cal) == []
    )
    assert (
        _months(required_windows(book(**district, **{"Yabancı Nüfusu": 5, "Hudut İlçesi": "Evet"}), kind, 2025, cal))
        == both
    )
