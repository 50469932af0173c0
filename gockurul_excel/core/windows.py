"""Ordinary meeting windows (M6(9), M7, M8(1), M8(3)) and the working-day calendar of a workbook."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass

from .. import contract, rules
from ..rules import MeetingCategory as Category
from .model import WorkbookData
from .records import Record
from .text import MONTHS
from .workdays import WorkCalendar, month_end


@dataclass
class Window:
    """One ordinary meeting that must take place, and the dates it may take place on."""

    category: Category
    article: str
    month: int
    start: dt.date
    end: dt.date  # last regular day (after the holiday move for the sub-commission)
    limit: dt.date  # last allowed day, as the text reads it (M8(3) for district boards: the calendar last day)
    proposal: dt.date
    meeting: Record | None = None  # the ordinary meeting of this window: held in it, else planned in it
    limit_target: dt.date | None = None  # the limit as shown: its last working day (KURALLAR §3); None = limit
    estimated: bool = False  # the proposal or the shown limit moved across a holiday whose date is an estimate

    @property
    def shown_limit(self) -> dt.date:
        return self.limit_target or self.limit

    @property
    def held(self) -> dt.date | None:
        """The day its meeting was held (KURALLAR §2: only a held meeting satisfies a window)."""
        day = self.meeting["Gerçekleşen Tarih"] if self.meeting is not None else None
        return day if day is not None and self.contains(day) else None

    @property
    def label(self) -> str:
        if self.category is Category.DISTRICT_BOARD:
            return f"{MONTHS[self.month - 1]}/{MONTHS[self.month]}"
        if self.category is Category.SUBCOMMISSION:
            return f"{MONTHS[self.month - 1]} ayının ilk haftası"
        return f"{MONTHS[self.month - 1]} ayı"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.limit


def windows_for(category_window: rules.MeetingWindow, year: int, cal: WorkCalendar) -> list[Window]:
    out = []
    w = category_window
    for month in w.months:
        start = dt.date(year, month, w.first_day)
        last_month = month + w.span_months - 1
        if w.last_day is None:
            end = dt.date(year, last_month, monthrange(year, last_month)[1])
        else:
            # M6(9): a first week lost to holidays or leave moves to the next working day.
            end = max(dt.date(year, last_month, w.last_day), cal.next_working_day(start))
        limit, limit_target, estimated = end, None, False
        if w.late_limit_months:
            # "takip eden ayın son gününe kadar": judged by the calendar last day, shown as its last working day
            shown = month_end(cal, year, last_month + w.late_limit_months)
            limit, limit_target, estimated = shown.limit, shown.target, shown.estimated
        wanted = dt.date(year, month, w.proposal_day)
        proposal = cal.next_working_day(wanted)
        estimated = estimated or (proposal != wanted and cal.estimated_between(wanted, proposal))
        out.append(Window(w.category, w.article, month, start, end, limit, proposal, None, limit_target, estimated))
    return out


def build_calendar(data: WorkbookData) -> WorkCalendar:
    extra = [
        (r["Tarih"], r["Açıklama"] or r["Tür"] or "İdari izin", r["Tür"] or "İdari İzin")
        for r in data.records("Tatiller")
        if r["Tarih"]
    ]
    return WorkCalendar(extra)


def required_windows(data: WorkbookData, kind: rules.BoardKind, year: int, cal: WorkCalendar) -> list[Window]:
    population = data.setting(contract.S_POPULATION)
    if not isinstance(population, int):
        return []
    if kind is rules.BoardKind.DISTRICT:
        border = data.setting(contract.S_BORDER) == "Evet"
        if not rules.district_board_required(population, border):
            return []  # M8(2): at the kaymakam's discretion
    out: list[Window] = []
    for w in rules.ordinary_windows(kind, population):
        out.extend(windows_for(w, year, cal))
    return out
