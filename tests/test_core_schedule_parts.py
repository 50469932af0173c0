"""Parts of the year's schedule in the process (core.schedule): a project's report dates (GK(ç)), a meeting's
event and its words, a carried row's key part (KURALLAR §7)."""

from __future__ import annotations

import datetime as dt

from gockurul_excel import contract, rules
from gockurul_excel.core import schedule
from gockurul_excel.core.events import Event, Schedule
from gockurul_excel.core.workdays import Due, WorkCalendar

from .kontrol.base import book, rows

D = dt.date
Category = rules.MeetingCategory


def _s(today: D | None = None) -> Schedule:
    today = today or D(2025, 6, 10)
    return Schedule(2025, rules.BoardKind.PROVINCE, today, WorkCalendar())


def _project(**values) -> dict:
    base = {
        "Başlangıç": D(2025, 1, 31),
        "Bitiş": D(2025, 12, 31),
        "Başkanlık Görüşü": "Olumlu",
        "Ara Rapor Sıklığı (Ay)": 3,
        "Son Ara Rapor Tarihi": None,
        "Nihai Rapor Tarihi": None,
    }
    return {**base, **values}


def test_project_reports_interim_and_final():
    """GK(ç): the next interim report `every` months after the last one (else the start), clamped to the month's
    end (31.01 + 3 months = 30.04.2025, a Wednesday); the final report 30 days after the end (30.01.2026, a
    Friday), done once its date is written."""
    assert schedule.project_reports(_s(), _project()) == [
        ("proje_ara_rapor", D(2025, 4, 30), False),
        ("proje_nihai_rapor", D(2026, 1, 30), False),
    ]
    assert schedule.project_reports(
        _s(), _project(**{"Son Ara Rapor Tarihi": D(2025, 5, 3), "Nihai Rapor Tarihi": D(2026, 1, 5)})
    ) == [("proje_ara_rapor", D(2025, 8, 4), False), ("proje_nihai_rapor", D(2026, 1, 30), True)]
    # moved to the next working day: 31.01 + 2 months = 31.03.2025, Ramazan Bayramı (30.03–01.04): 02.04
    assert schedule.project_reports(_s(), _project(**{"Ara Rapor Sıklığı (Ay)": 2}))[0] == (
        "proje_ara_rapor",
        D(2025, 4, 2),
        False,
    )


def test_project_reports_bounds():
    """No report without a start or with an unfavourable opinion; an interval from 1 to 120 months; no interim
    report due on or after the end; no final report without an end."""
    assert schedule.project_reports(_s(), _project(**{"Başlangıç": None})) == []
    assert schedule.project_reports(_s(), _project(**{"Başkanlık Görüşü": "Olumsuz"})) == []
    final = ("proje_nihai_rapor", D(2026, 1, 30), False)
    for every in (0, -1, 121, None, "3"):
        assert schedule.project_reports(_s(), _project(**{"Ara Rapor Sıklığı (Ay)": every})) == [final]
    assert schedule.project_reports(_s(), _project(**{"Ara Rapor Sıklığı (Ay)": 1}))[0] == (
        "proje_ara_rapor",
        D(2025, 2, 28),
        False,
    )
    assert schedule.project_reports(_s(), _project(**{"Ara Rapor Sıklığı (Ay)": 120, "Bitiş": None})) == [
        ("proje_ara_rapor", D(2035, 1, 31), False)
    ]
    assert schedule.project_reports(_s(), _project(**{"Bitiş": D(2025, 4, 30)})) == [
        ("proje_nihai_rapor", D(2025, 5, 30), False)
    ]  # the interim would be due on the end: none
    assert schedule.project_reports(_s(), _project(**{"Bitiş": D(2025, 5, 1)}))[0] == (
        "proje_ara_rapor",
        D(2025, 4, 30),
        False,
    )


def test_meeting_event_words_and_status():
    s = _s(D(2025, 6, 10))
    past = schedule._meeting_event(s, Category.PROVINCE_BOARD, D(2025, 6, 9), "3", None, "M7(1)", "İl GKK", "k")
    assert past == Event(
        "il_gkk",
        D(2025, 6, 9),
        "İl GKK — tarihi geçti, gerçekleşen tarih yazılmamış",
        "M7(1)",
        "gecikti",
        "k",
        "3",
        False,
    )
    today = schedule._meeting_event(s, Category.SUBCOMMISSION, D(2025, 6, 10), "4", None, "M6(9)", "AK", "k2", True)
    assert today == Event("alt_komisyon", D(2025, 6, 10), "AK", "M6(9)", "yaklasiyor", "k2", "4", True)
    held = schedule._meeting_event(s, Category.DISTRICT_BOARD, D(2025, 6, 9), "5", D(2025, 6, 9), "M8(1)", "İ", "k3")
    assert (held.kind, held.description, held.status) == ("ilce_gkk", "İ", "tamamlandi")
    proposal = schedule._meeting_event(s, Category.PROVINCE_BOARD, D(2025, 6, 9), None, None, "M7(1)", "Ö", "k4")
    assert (proposal.description, proposal.status) == ("Ö", "gecikti")


def test_carried_key_and_category():
    assert schedule._carried_key({contract.CARRIED_COLUMN: 2024}) == "devreden-2024/"
    assert schedule._carried_key({contract.CARRIED_COLUMN: None}) == ""
    assert schedule._carried_key({}) == ""
    assert schedule._category({"Kategori": Category.SUBCOMMISSION.value}) is Category.SUBCOMMISSION
    assert schedule._category({"Kategori": "Başka"}) is None


# M13(1), M13(2): the annual report of 2024 is prepared in January 2025, and before 2025's first board, which
# approves it. January 2025: the 15th a Wednesday, the 19th a Sunday, the 20th and 27th Mondays, the 31st a Friday.
REPORT = rules.ANNUAL_DEADLINES[0]


def _first_board(planned: D, held: D | None):
    return book(
        rows={
            "Toplantılar": rows(
                "Toplantılar",
                toplanti_no="1",
                kategori=Category.PROVINCE_BOARD.value,
                tur="Olağan",
                planlanan_tarih=planned,
                gerceklesen_tarih=held,
            )
        },
        **{"Yıl": 2025},
    )


def test_annual_report_due_without_today_runs_to_the_proposed_first_board():
    """With no `today` (the calendar's view) the proposal of the first board stands for it: due the last working
    day up to it (a Sunday proposal: the Friday before, the limit the Sunday); with no proposal, January's end."""
    data = _first_board(D(2025, 1, 20), None)
    cal = WorkCalendar()
    assert schedule.annual_report_due(cal, data, 2024, REPORT, D(2025, 1, 19)) == Due(
        D(2025, 1, 17), D(2025, 1, 19), False
    )
    assert schedule.annual_report_due(cal, data, 2024, REPORT, D(2025, 1, 15)) == Due(
        D(2025, 1, 15), D(2025, 1, 15), False
    )
    assert schedule.annual_report_due(cal, data, 2024, REPORT, None) == Due(D(2025, 1, 31), D(2025, 1, 31), False)


def test_annual_report_due_before_the_planned_day_of_a_first_board_held_late():
    """KURALLAR §2: what is due before a meeting runs from its planned day. The first board, planned for Monday
    20.01 and held on Monday 27.01, is the report's limit from the 20th, not the 27th."""
    data = _first_board(D(2025, 1, 20), D(2025, 1, 27))
    due = schedule.annual_report_due(WorkCalendar(), data, 2024, REPORT, D(2025, 1, 15), D(2025, 2, 10))
    assert due == Due(D(2025, 1, 20), D(2025, 1, 20), False)
