"""Turkish working days in the process (core.workdays; KURALLAR §2, §3): which days are working days, how a
date moves, the two dates of a §3 deadline (target and legal limit) and the estimate mark. Holidays as the
`holidays` package gives them: 2025 Ramazan Bayramı 30.03–01.04 (arife 29.03, a Saturday), 1 May, Zafer Bayramı
30.08 (a Saturday); 2033 Ramazan Bayramı 02–04.01 and Kurban Bayramı 11–14.03, estimated."""

from __future__ import annotations

import datetime as dt

import pytest

from gockurul_excel import rules
from gockurul_excel.core import workdays
from gockurul_excel.core.workdays import DayOff, Due, WorkCalendar, add_months, deadline, due, month_end

D = dt.date


def _rule(kind: str, direction: rules.Direction) -> rules.Deadline:
    return next(r for r in rules.MEETING_DEADLINES if r.kind == kind and r.direction is direction)


HAZIRLIK = _rule("gundem_hazirlik", rules.Direction.BEFORE)  # M10(1): 15 days before
TEBLIG = _rule("tutanak_teblig", rules.Direction.AFTER)  # M12(2): 15 days after
PLATFORM = _rule("platform_giris", rules.Direction.MONTH_END)  # M12(3): by the month's end


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar(
        [
            (D(2025, 5, 2), "Köprü izni", "İdari İzin"),
            (D(2025, 1, 1), "Yılbaşı izni", "İdari İzin"),
            (D(2026, 1, 2), "Yeni yıl izni", "İdari İzin"),
        ]
    )


def test_working_days_weekdays_holidays_leave(cal):
    """Monday–Friday minus public holidays and the Tatiller sheet's days; an arife (half day) is a working day."""
    assert cal.is_working_day(D(2025, 3, 28))  # Friday
    assert not cal.is_working_day(D(2025, 5, 31))  # Saturday
    assert not cal.is_working_day(D(2025, 8, 31))  # Sunday
    assert not cal.is_working_day(D(2025, 4, 1))  # Ramazan Bayramı, a Tuesday
    assert not cal.is_working_day(D(2025, 5, 2))  # listed leave, a Friday
    assert cal.is_working_day(D(2025, 6, 5))  # Kurban Bayramı arife, a Thursday
    assert cal.is_working_day(D(2025, 4, 2))
    assert not cal.is_working_day(D(2025, 4, 1))  # asked again: the same answer


def test_day_off_and_half_day(cal):
    assert cal.day_off(D(2025, 4, 1)) == DayOff(D(2025, 4, 1), "Ramazan Bayramı", "resmi_tatil", False)
    assert cal.day_off(D(2025, 1, 1)) == DayOff(D(2025, 1, 1), "Yılbaşı izni", "İdari İzin")  # the sheet's wins
    assert cal.day_off(D(2025, 5, 31)) is None  # a weekend is no listed day off
    assert cal.day_off(D(2025, 6, 5)) is None  # the arife is a half day, not a day off
    assert cal.half_day(D(2025, 6, 5)) == DayOff(D(2025, 6, 5), "Kurban Bayramı (saat 13.00'ten)", "arife", False)
    assert cal.half_day(D(2025, 6, 5)).half_day
    assert cal.half_day(D(2025, 6, 6)) is None
    assert not cal.day_off(D(2025, 6, 6)).half_day


def test_half_day_of_a_fresh_calendar_loads_its_year():
    assert WorkCalendar().half_day(D(2025, 10, 28)).name == "Cumhuriyet Bayramı (saat 13.00'ten)"
    assert WorkCalendar().day_off(D(2025, 10, 29)).name == "Cumhuriyet Bayramı"


def test_moves_to_working_days(cal):
    """KURALLAR §3: before an event a date moves earlier, after one later, a month's end to its last working day."""
    assert cal.next_working_day(D(2025, 4, 2)) == D(2025, 4, 2)
    assert cal.previous_working_day(D(2025, 4, 2)) == D(2025, 4, 2)
    assert cal.next_working_day(D(2025, 3, 29)) == D(2025, 4, 2)  # arife Saturday, Sunday + three bayram days
    assert cal.previous_working_day(D(2025, 4, 1)) == D(2025, 3, 28)
    assert cal.next_working_day(D(2025, 8, 30)) == D(2025, 9, 1)
    assert cal.last_working_day_of_month(2025, 5) == D(2025, 5, 30)  # 31 May is a Saturday
    assert cal.last_working_day_of_month(2025, 11) == D(2025, 11, 28)
    assert cal.last_working_day_of_month(2025, 12) == D(2025, 12, 31)
    assert cal.move(D(2025, 5, 2), rules.Direction.BEFORE) == D(2025, 4, 30)  # 1 May and the leave day
    assert cal.move(D(2025, 5, 2), rules.Direction.AFTER) == D(2025, 5, 5)
    assert cal.move(D(2025, 5, 2), rules.Direction.MONTH_END) == D(2025, 5, 30)


def test_why_not_working_exact_words(cal):
    assert cal.why_not_working(D(2025, 4, 1)) == "Ramazan Bayramı"
    assert cal.why_not_working(D(2025, 8, 30)) == "Zafer Bayramı"  # a holiday on a Saturday is named as such
    assert cal.why_not_working(D(2025, 5, 31)) == "hafta sonu"
    assert cal.why_not_working(D(2025, 8, 31)) == "hafta sonu"
    assert cal.why_not_working(D(2025, 5, 2)) == "Köprü izni"
    assert cal.why_not_working(D(2025, 5, 30)) is None  # a Friday
    assert cal.why_not_working(D(2025, 6, 5)) is None  # an arife is a working day
    # an estimated date already says so in its name: not marked twice
    assert cal.why_not_working(D(2033, 1, 3)) == "Ramazan Bayramı (tahmini)"


def test_estimated_between_inclusive_either_order():
    """KURALLAR §2: a date moved across an estimated bayram is an estimate; both ends count, in either order."""
    cal = WorkCalendar()
    assert cal.estimated_between(D(2033, 1, 4), D(2033, 1, 4))
    assert cal.estimated_between(D(2032, 12, 28), D(2033, 1, 2))
    assert cal.estimated_between(D(2033, 1, 4), D(2033, 1, 20))
    assert cal.estimated_between(D(2033, 1, 5), D(2032, 12, 30))
    assert not cal.estimated_between(D(2033, 1, 5), D(2033, 1, 10))
    assert not cal.estimated_between(D(2032, 12, 31), D(2032, 12, 28))
    assert not cal.estimated_between(D(2025, 3, 28), D(2025, 4, 2))  # a known bayram is no estimate


def test_days_off_of_a_year_sorted_by_date_then_kind(cal):
    days = cal.days_off(2025)
    assert len(days) == 19  # 17 of the package (3 arife) and the sheet's two of 2025, not its 2026 one
    assert [(d.date, d.kind) for d in days[:6]] == [
        (D(2025, 1, 1), "resmi_tatil"),
        (D(2025, 1, 1), "İdari İzin"),
        (D(2025, 3, 29), "arife"),
        (D(2025, 3, 30), "resmi_tatil"),
        (D(2025, 3, 31), "resmi_tatil"),
        (D(2025, 4, 1), "resmi_tatil"),
    ]
    assert (days[8].date, days[8].name) == (D(2025, 5, 2), "Köprü izni")
    assert days == sorted(days, key=lambda d: (d.date, d.kind))
    assert WorkCalendar().days_off(2026)[0] == DayOff(D(2026, 1, 1), "Yılbaşı", "resmi_tatil", False)


def test_due_before_target_moves_earlier_limit_is_the_text_day(cal):
    """KURALLAR §3, M10(1): 15 days before 16.04.2025 is 01.04 (a bayram): target 28.03, limit 01.04."""
    assert due(cal, D(2025, 4, 16), HAZIRLIK) == Due(D(2025, 3, 28), D(2025, 4, 1), False)
    assert due(cal, D(2025, 4, 16), HAZIRLIK).differs
    assert deadline(cal, D(2025, 4, 16), HAZIRLIK) == D(2025, 3, 28)
    assert due(cal, D(2025, 4, 17), HAZIRLIK) == Due(D(2025, 4, 2), D(2025, 4, 2), False)
    assert not due(cal, D(2025, 4, 17), HAZIRLIK).differs


def test_due_after_runs_to_the_next_working_day(cal):
    """KURALLAR §3, M12(2): 15 days after 15.08.2025 is Saturday 30.08: met on Monday 01.09 (target and limit)."""
    assert due(cal, D(2025, 8, 15), TEBLIG) == Due(D(2025, 9, 1), D(2025, 9, 1), False)
    assert due(cal, D(2025, 3, 10), TEBLIG) == Due(D(2025, 3, 25), D(2025, 3, 25), False)
    assert deadline(cal, D(2025, 8, 15), TEBLIG) == D(2025, 9, 1)


def test_due_month_end(cal):
    """M12(3): by the month's end — the last working day shown, the calendar last day judged."""
    assert due(cal, D(2025, 5, 10), PLATFORM) == Due(D(2025, 5, 30), D(2025, 5, 31), False)
    assert month_end(cal, 2025, 12) == Due(D(2025, 12, 31), D(2025, 12, 31), False)
    assert month_end(cal, 2024, 2) == Due(D(2024, 2, 29), D(2024, 2, 29), False)


def test_due_across_an_estimated_bayram_is_estimated():
    """KURALLAR §2: 15 days before 19.01.2033 is 04.01 (estimated Ramazan Bayramı): target Friday 31.12.2032,
    estimated; 15 days after 20.12.2032 is 04.01 too: met on 05.01, estimated."""
    cal = WorkCalendar()
    assert due(cal, D(2033, 1, 19), HAZIRLIK) == Due(D(2032, 12, 31), D(2033, 1, 4), True)
    assert due(cal, D(2032, 12, 20), TEBLIG) == Due(D(2033, 1, 5), D(2033, 1, 5), True)
    assert workdays._due(cal, D(2033, 1, 20), HAZIRLIK) == Due(D(2033, 1, 5), D(2033, 1, 5), False)


def test_due_is_computed_once_per_day_and_rule(cal):
    first = due(cal, D(2025, 4, 16), HAZIRLIK)
    assert due(cal, D(2025, 4, 16), HAZIRLIK) is first
    assert due(cal, D(2025, 4, 17), HAZIRLIK) != first
    assert due(cal, D(2025, 4, 16), TEBLIG) == Due(D(2025, 5, 5), D(2025, 5, 5), False)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2025, 12, 15), 1, D(2026, 1, 15)),
        (D(2025, 3, 31), -1, D(2025, 2, 28)),
        (D(2025, 1, 15), -1, D(2024, 12, 15)),
        (D(2025, 5, 10), 12, D(2026, 5, 10)),
        (D(2025, 5, 10), 0, D(2025, 5, 10)),
        (D(2025, 11, 30), 3, D(2026, 2, 28)),
        (D(2025, 10, 31), 2, D(2025, 12, 31)),
        (D(2025, 1, 28), 1, D(2025, 2, 28)),
        (D(2025, 1, 1), 11, D(2025, 12, 1)),
    ],
)
def test_add_months_clamped_to_the_months_end(day, months, expected):
    assert add_months(day, months) == expected


def test_month_end_across_an_estimated_bayram_is_estimated():
    """M12(3), KURALLAR §2: October 2038 ends in Ramazan Bayramı (estimated, 29–31.10, with Cumhuriyet Bayramı):
    the last working day 28.10 is shown, 31.10 judged, and the date is an estimate."""
    assert month_end(WorkCalendar(), 2038, 10) == Due(D(2038, 10, 28), D(2038, 10, 31), True)
