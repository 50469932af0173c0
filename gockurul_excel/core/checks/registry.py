"""The registry of `kontrol`'s rules: `@check(*articles)` binds a rule to the articles it enforces (every finding
it makes cites one of them), `Context` is what every rule reads (the schedule built once), and row passes let
rules of different sections judge the same rows in one walk (their findings stay in row order)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ... import contract, rules
from ...findings import ERROR, Finding
from ..events import Schedule
from ..meetings import NO, carried_year, meeting_day, number_text, reference_key, row_key
from ..model import WorkbookData
from ..records import Record
from ..schedule import build_schedule


@dataclass
class Context:
    data: WorkbookData
    today: dt.date
    kind: rules.BoardKind | None
    population: int | None

    @cached_property
    def meetings(self) -> dict[str, Record]:
        """Toplantı No -> the first row with that number."""
        out: dict[str, Record] = {}
        for r in self.data.records("Toplantılar"):
            k = r[NO]
            if k is not None:
                out.setdefault(k, r)
        return out

    @cached_property
    def schedule(self) -> Schedule:
        """The year's windows and deadlines (core.schedule), built once for every rule that judges by them."""
        return build_schedule(self.data, self.today)

    def meeting_date(self, number: str | None) -> dt.date | None:
        m = self.meetings.get(number) if number else None
        return None if m is None else meeting_day(m)

    def own_meeting_date(self, r: Record) -> dt.date | None:
        """The date of the meeting that took a row of this year (a carried row's meeting is not in this book)."""
        return None if carried_year(r) is not None else self.meeting_date(r[NO])

    def flag(self, name: str) -> bool | None:
        """A yes/no setting; None when the workbook (older template) does not have it."""
        value = self.data.setting(name)
        return None if value is None else value == "Evet"


@dataclass(frozen=True)
class Check:
    """A rule and the articles it enforces; `each`: the row pass it runs in (then `run(ctx, item)`)."""

    name: str
    articles: tuple[str, ...]
    run: Callable[..., Iterable[Finding]]
    module: str
    each: str | None = None


CHECKS: dict[str, Check] = {}
# A row pass: the items several sections' rules judge one after the other (name -> items of a context).
PASSES: dict[str, Callable[[Context], Iterable[Any]]] = {}


# Registration runs once, at import (mutmut switches a mutant in only when a test calls the function, after the
# import: it could never kill one here); tests/test_layers.py checks what registration must produce.
def check(*articles: str, each: str | None = None) -> Callable:  # pragma: no mutate block
    """Register a rule under its function's name with the articles it enforces."""

    def register(fn: Callable) -> Callable:
        if fn.__name__ in CHECKS:
            raise ValueError(f"two checks named {fn.__name__}")
        if each is not None and each not in PASSES:
            raise ValueError(f"{fn.__name__}: unknown row pass {each}")
        CHECKS[fn.__name__] = Check(fn.__name__, articles, fn, fn.__module__, each)
        return fn

    return register


def row_pass(fn: Callable[[Context], Iterable[Any]]) -> Callable[[Context], Iterable[Any]]:  # pragma: no mutate block
    PASSES[fn.__name__] = fn
    return fn


def findings_of(c: Check, ctx: Context) -> list[Finding]:
    """What one check finds on its own (a pass's check over all the pass's items)."""
    if c.each is None:
        return list(c.run(ctx))
    return [f for item in PASSES[c.each](ctx) for f in c.run(ctx, item)]


def reference(
    name: str, sheet: str, column: str, target: str, target_col: str, article: str
) -> None:  # pragma: no mutate block
    """Register the check that every `column` of `sheet` names a row of `target` (by `target_col`)."""

    def run(ctx: Context) -> Iterable[Finding]:
        return missing_references(ctx, sheet, column, target, target_col, article)

    run.__name__ = name
    run.__module__ = sys._getframe(1).f_globals["__name__"]  # the section module that declares it
    check(article)(run)


def missing_references(
    ctx: Context, sheet: str, column: str, target: str, target_col: str, article: str
) -> Iterator[Finding]:
    """The rows of `sheet` whose `column` names no row of `target` (module level, not inside `reference`: the
    registration runs once at import, this at every `kontrol`)."""
    if target not in ctx.data.tables or sheet not in ctx.data.tables:
        return
    carries = target in contract.CARRIED_SHEETS  # a row there is (year of origin, number)
    own_meeting = column == NO and sheet in contract.CARRIED_SHEETS
    keys = {row_key(r, target_col) if carries else r[target_col] for r in ctx.data.records(target)}
    for r in ctx.data.records(sheet):
        v = r[column]
        if v is None or (own_meeting and carried_year(r) is not None):
            continue  # a carried row's meeting is in the workbook of the year it came from
        if (reference_key(r, column) if carries else v) not in keys:
            yield Finding(
                ERROR, article, sheet, r.cell(column), f"'{column}' {v} için '{target}' sayfasında kayıt yok."
            )


def record_label(r: Record, header: str, word: str) -> str:
    """'Karar 7' ('Karar 7 (2025)' when carried from 2025), or '8. satırdaki karar' when the number is empty."""
    value = r[header]
    return f"{word} {number_text(r, header)}" if value is not None else f"{r.row}. satırdaki {word.lower()}"


# --- the row passes ------------------------------------------------------------------------------


@row_pass
def meeting_rows(ctx: Context) -> Iterable[Record]:
    """Every row of `Toplantılar`."""
    return ctx.data.records("Toplantılar")


@row_pass
def scheduled_meetings(ctx: Context) -> Iterable[tuple[Record, rules.MeetingCategory, dt.date]]:
    """(row, category, date the calendar uses) of each meeting number (its last row) the schedule dated; nothing
    when the schedule could not be built (no year or board kind)."""
    s = ctx.schedule
    if not s.built:
        return []
    meetings = {m[NO]: m for m in ctx.data.records("Toplantılar") if m[NO] is not None}
    out = []
    for no, m in meetings.items():
        cat, day = rules.category_of(m["Kategori"]), s.meeting_dates.get(no)
        if cat is not None and day is not None:
            out.append((m, cat, day))
    return out


@row_pass
def district_follow_up(ctx: Context) -> Iterable[Any]:
    """A province's follow-up of each district board it merged (core.districts.DistrictStatus)."""
    return ctx.schedule.follow_up
