"""KURALLAR §7 and Ek-1, decisions and the year boundary: a decision's meeting, due date and problem (Ek-1), its
evaluation at a later meeting (M5(7)), last year's decisions evaluated at the year's first board (M5(12)), the
reason a decision could not be carried out (M13(4))."""

from __future__ import annotations

from collections.abc import Iterator

from ... import contract, rules
from ...findings import ERROR, WARNING, Finding
from ..annual import ANNUAL_ARTICLE, report_gaps, report_in_preparation
from ..meetings import NO, carried_rows, carried_year, first_board, held, number_text, unevaluated_decisions
from ..text import tr_date
from .registry import Context, check, record_label, reference

EVALUATOR = "Değerlendiren Toplantı No"
EK1, EVALUATION = rules.DECISION_FORM_ARTICLE, rules.EVALUATION_ARTICLE

reference("problem_meeting_exists", "Sorunlar", NO, "Toplantılar", NO, EK1)
reference("evaluating_meeting_exists", "Kararlar", EVALUATOR, "Toplantılar", NO, EVALUATION)
reference("decision_problem_exists", "Kararlar", "Sorun No", "Sorunlar", "Sorun No", EK1)


@check(EK1)
def decision_due_after_meeting(ctx: Context) -> Iterator[Finding]:
    for r in ctx.data.records("Kararlar"):
        due, day = r["Verilen Süre"], ctx.own_meeting_date(r)
        if due and day and due < day:
            yield Finding(
                ERROR,
                EK1,
                "Kararlar",
                r.cell("Verilen Süre"),
                f"{record_label(r, 'Karar No', 'Karar')}: Verilen Süre ({due:%d.%m.%Y}) kararın alındığı "
                f"toplantıdan ({day:%d.%m.%Y}) önce olamaz.",
            )


@check(EVALUATION)
def evaluated_by_later_meeting(ctx: Context) -> Iterator[Finding]:
    for r in ctx.data.records("Kararlar"):
        own, later = ctx.own_meeting_date(r), ctx.meeting_date(r[EVALUATOR])
        if own and later and later <= own:
            yield Finding(
                ERROR,
                EVALUATION,
                "Kararlar",
                r.cell(EVALUATOR),
                f"{record_label(r, 'Karar No', 'Karar')}, kendisinden sonraki bir toplantıda "
                f"değerlendirilmeli; toplantı {r[EVALUATOR]} kararın toplantısından sonra değil.",
            )


@check(rules.NOT_IMPLEMENTED_REASON_ARTICLE)
def not_implemented_reason(ctx: Context) -> Iterator[Finding]:
    for r in ctx.data.records("Kararlar"):
        if r["Durum"] == rules.DECISION_NOT_IMPLEMENTED and not r["Uygulanamama Sebebi"]:
            yield Finding(
                WARNING,
                rules.NOT_IMPLEMENTED_REASON_ARTICLE,
                "Kararlar",
                r.cell("Uygulanamama Sebebi"),
                f"{record_label(r, 'Karar No', 'Karar')} uygulanamadı; yıllık raporda sebebi yazılmalı.",
            )


@check(EVALUATION)
def open_decisions_evaluated(ctx: Context) -> Iterator[Finding]:
    """M5(7): a board meeting held evaluates the previous meeting's open decisions (recorded as 'Değerlendiren
    Toplantı No'; a later meeting named there is the latest evaluation) — said once per decision, at the first
    board held after it (core.meetings.unevaluated_decisions)."""
    for d, r in unevaluated_decisions(ctx.data):
        no = r[NO]
        yield Finding(
            WARNING,
            EVALUATION,
            "Kararlar",
            d.cell(EVALUATOR),
            f"{record_label(d, 'Karar No', 'Karar')} (toplantı {d[NO]}) açık; bir sonraki "
            f"kurul olan toplantı {no} ({held(r):%d.%m.%Y}) yapılmış ama kararın orada "
            "değerlendirildiği yazılmamış. Değerlendirildiyse 'Değerlendiren Toplantı No'ya "
            f"{no} yazın (Ek-1 madde 8).",
        )


@check(rules.CARRIED_EVALUATION_ARTICLE)
def carried_decisions_evaluated(ctx: Context) -> Iterator[Finding]:
    """M5(12), KURALLAR §7: once the year's first board is held, every decision carried over from last year names
    the meeting of this year that evaluated it."""
    year = ctx.data.setting(contract.S_YEAR)
    first = first_board(ctx.data, year, ctx.today) if isinstance(year, int) else None
    if first is None or not held(first.record):
        return
    done = {r[NO] for r in ctx.data.records("Toplantılar") if held(r)}
    for d in carried_rows(ctx.data, "Kararlar"):
        if d[EVALUATOR] not in done:
            yield Finding(
                WARNING,
                rules.CARRIED_EVALUATION_ARTICLE,
                "Kararlar",
                d.cell(EVALUATOR),
                f"Karar {d['Karar No']} ({carried_year(d)} yılından devreden): yılın ilk kurulu (toplantı "
                f"{first.no}, {held(first.record):%d.%m.%Y}) yapıldı ama bu yılın yapılmış "
                "bir toplantısında değerlendirildiği yazılmamış. Değerlendirildiği toplantının numarasını "
                "'Değerlendiren Toplantı No'ya yazın.",
            )


@check(EK1)
def decisions_in_time(ctx: Context) -> Iterator[Finding]:
    """Ek-1: a decision still open after the time it was given."""
    if not ctx.schedule.built:
        return
    for r in ctx.data.records("Kararlar"):
        due_day = r["Verilen Süre"]
        if due_day and due_day < ctx.today and r["Durum"] in rules.DECISION_OPEN:
            yield Finding(
                WARNING,
                EK1,
                "Kararlar",
                r.cell("Durum"),
                f"Karar {number_text(r, 'Karar No')}: verilen süre {tr_date(due_day)} geçti, durumu '{r['Durum']}'.",
            )


@check(ANNUAL_ARTICLE)
def annual_report_gaps(ctx: Context) -> Iterator[Finding]:
    """While the province prepares last year's Ek-3 (January, M13(1)), what its signed page would lack."""
    year = ctx.data.setting(contract.S_YEAR)
    if ctx.kind is rules.BoardKind.PROVINCE and report_in_preparation(year, ctx.today):
        yield from report_gaps(ctx.data, year, unmerged=False)
