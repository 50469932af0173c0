"""Turkish working days: Monday–Friday, minus public holidays (from the `holidays` package, Turkish
names), minus the days the office lists in `Tatiller` (idari izin, extra holidays).

Half-day eves (arife, from 13:00) are working days, but known as half days so that a meeting planned
on one gets a warning (KURALLAR §2). Dates the package only estimates (Islamic holidays in future
years) are marked as estimates.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from calendar import monthrange
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

from .. import rules

ONE_DAY = dt.timedelta(days=1)
ESTIMATE_MARK = "tahmini"  # the package's Turkish label for an estimated date


@dataclass(frozen=True)
class DayOff:
    date: dt.date
    name: str
    kind: str  # "resmi_tatil" | "arife" | leave type from the Tatiller sheet
    estimated: bool = False

    @property
    def half_day(self) -> bool:
        return self.kind == "arife"


@cache
def _turkey() -> Callable[..., Any]:
    """The holidays package's Turkey calendar. `holidays.country_holidays` first imports the module of every
    country it knows (280 of them, 0.12 s: a third of `kontrol` on a small book); the Turkey module alone
    loads in 0.01 s. Should the package ever be laid out differently, country_holidays is used."""
    import holidays

    try:
        path = Path(holidays.__file__).parent / "countries" / "turkey.py"
        spec = importlib.util.spec_from_file_location("gockurul_excel._holidays_turkey", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.Turkey
    except Exception:  # any layout this loader does not know: the package's own entry point
        return partial(holidays.country_holidays, "TR")


@cache
def _package_days(year: int) -> tuple[DayOff, ...]:
    turkey = _turkey()
    full = turkey(years=year, language="tr", categories=("public",))
    half = turkey(years=year, language="tr", categories=("half_day",))
    out = [DayOff(d, n, "resmi_tatil", ESTIMATE_MARK in n) for d, n in full.items()]
    out += [DayOff(d, n, "arife", ESTIMATE_MARK in n) for d, n in half.items() if d not in full]
    return tuple(sorted(out, key=lambda x: x.date))


class WorkCalendar:
    """Which days are working days, and how a date moves when it is not one (KURALLAR §3)."""

    def __init__(self, extra_days: Iterable[tuple[dt.date, str, str]] = ()):
        self._full: dict[dt.date, DayOff] = {}
        self._half: dict[dt.date, DayOff] = {}
        self._extra = {d: DayOff(d, name, kind) for d, name, kind in extra_days}
        self._years: set[int] = set()
        self._working: dict[dt.date, bool] = {}  # asked again and again: every deadline walks the same days
        self.dues: dict[tuple[dt.date, rules.Deadline], Due] = {}  # several meetings a day share their deadlines

    def _load(self, year: int) -> None:
        if year in self._years:
            return
        self._years.add(year)
        for day in _package_days(year):
            (self._half if day.half_day else self._full)[day.date] = day

    def day_off(self, day: dt.date) -> DayOff | None:
        """The holiday or leave that makes `day` a non-working day (weekends are not listed)."""
        self._load(day.year)
        return self._extra.get(day) or self._full.get(day)

    def half_day(self, day: dt.date) -> DayOff | None:
        self._load(day.year)
        return self._half.get(day)

    def is_working_day(self, day: dt.date) -> bool:
        known = self._working.get(day)
        if known is None:
            known = self._working[day] = day.weekday() < 5 and self.day_off(day) is None
        return known

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself when it is a working day, else the first one after it."""
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def previous_working_day(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day -= ONE_DAY
        return day

    def last_working_day_of_month(self, year: int, month: int) -> dt.date:
        return self.previous_working_day(dt.date(year, month, monthrange(year, month)[1]))

    def move(self, day: dt.date, direction: rules.Direction) -> dt.date:
        if direction is rules.Direction.BEFORE:
            return self.previous_working_day(day)
        if direction is rules.Direction.AFTER:
            return self.next_working_day(day)
        return self.last_working_day_of_month(day.year, day.month)

    def why_not_working(self, day: dt.date) -> str | None:
        """Turkish reason a day is not a working day, or None."""
        off = self.day_off(day)
        if off is not None:
            return off.name + (" (tahmini tarih)" if off.estimated and ESTIMATE_MARK not in off.name else "")
        if day.weekday() >= 5:
            return "hafta sonu"
        return None

    def estimated_between(self, first: dt.date, last: dt.date) -> bool:
        """Whether a day off in `first`..`last` has a date the package only estimates (a bayram of a future year):
        a date moved across it is an estimate too."""
        day = min(first, last)
        while day <= max(first, last):
            off = self.day_off(day)
            if off is not None and off.estimated:
                return True
            day += ONE_DAY
        return False

    def days_off(self, year: int) -> list[DayOff]:
        """Every holiday, half day and listed leave of a year, for the Takvim sheet."""
        self._load(year)
        days = [d for d in (*self._full.values(), *self._half.values(), *self._extra.values()) if d.date.year == year]
        return sorted(days, key=lambda d: (d.date, d.kind))


@dataclass(frozen=True)
class Due:
    """The two dates of a §3 deadline (KURALLAR §3): `target`, shown in the calendar, the dashboard and reminders
    (moved to a working day so that the office is never caught by a weekend), and `limit`, the text's own date,
    by which lateness is judged. `estimated`: the move crosses a holiday whose date is only estimated."""

    target: dt.date
    limit: dt.date
    estimated: bool = False

    @property
    def differs(self) -> bool:
        return self.target != self.limit


def due(calendar: WorkCalendar, meeting_day: dt.date, rule: rules.Deadline) -> Due:
    """A §3 deadline of a meeting, with its target and its legal limit."""
    known = calendar.dues.get((meeting_day, rule))
    if known is None:
        known = calendar.dues[(meeting_day, rule)] = _due(calendar, meeting_day, rule)
    return known


def _due(calendar: WorkCalendar, meeting_day: dt.date, rule: rules.Deadline) -> Due:
    if rule.direction is rules.Direction.MONTH_END:
        return month_end(calendar, meeting_day.year, meeting_day.month)
    sign = -1 if rule.direction is rules.Direction.BEFORE else 1
    text = meeting_day + sign * dt.timedelta(days=rule.days)
    target = calendar.move(text, rule.direction)
    # After an event, a period that ends on a non-working day is met on the next working day (the general rule for
    # time limits): the target is then the limit too. Before an event, the text's day itself is the limit.
    limit = target if rule.direction is rules.Direction.AFTER else text
    return Due(target, limit, target != text and calendar.estimated_between(text, target))


def month_end(calendar: WorkCalendar, year: int, month: int) -> Due:
    """ "Ayın son gününe kadar": the last working day (target), the calendar last day (limit)."""
    last = dt.date(year, month, monthrange(year, month)[1])
    target = calendar.previous_working_day(last)
    return Due(target, last, target != last and calendar.estimated_between(target, last))


def deadline(calendar: WorkCalendar, meeting_day: dt.date, rule: rules.Deadline) -> dt.date:
    """The target date of a §3 deadline (what letters and the calendar show)."""
    return due(calendar, meeting_day, rule).target


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))
