"""`kontrol`'s entry point: what the read found, the row schemas, then every rule in ORDER.

ORDER is the order of `kontrol --json` (its output is a contract: tests/kontrol/test_golden.py). A name is a check
or a row pass; a pass runs each of its checks on an item before the next item (section modules in SECTIONS
order), so findings about one row stay together whichever section judges them."""

from __future__ import annotations

import datetime as dt

from ... import contract
from ...findings import Finding
from ..model import WorkbookData
from ..rowschema import schema_findings
from .registry import CHECKS, PASSES, Check, Context

ORDER = (
    "unique_keys",
    "agenda_meeting_exists",
    "problem_meeting_exists",
    "decision_meeting_exists",
    "evaluating_meeting_exists",
    "decision_problem_exists",
    "participant_meeting_exists",
    "decision_due_after_meeting",
    "evaluated_by_later_meeting",
    "not_implemented_reason",
    "meeting_rows",
    "meeting_category_fits_board",
    "held_meeting_has_participants",
    "deputies",
    "migration_office_at_district_boards",
    "open_decisions_evaluated",
    "carried_decisions_evaluated",
    "board_chair",
    "membership_settings_asked",
    "required_members_present",
    "district_governors",
    "subcommission_only_in_province",
    "subcommission_seats",
    "subcommission_titles",
    "subcommission_chair",
    "districts_sheet",
    "projects",
    "statistics",
    "annual_report_gaps",
    "date_ranges",
    # by the schedule
    "ordinary_meetings_held",
    "ordinary_meetings_in_window",
    "scheduled_meetings",
    "agenda_proposals_in_time",
    "decisions_in_time",
    "project_reports_sent",
    "district_follow_up",
)


# The section modules in the order a row pass runs their checks (within a module: the order they are declared).
SECTION_ORDER = ("tables", "composition", "meetings", "minutes", "decisions", "coordination")


def pass_checks(name: str) -> list[Check]:
    def rank(c: Check) -> int:
        return SECTION_ORDER.index(c.module.rsplit(".", 1)[-1])

    return sorted((c for c in CHECKS.values() if c.each == name), key=rank)


def run_checks(data: WorkbookData, today: dt.date) -> list[Finding]:
    findings = list(data.findings)
    findings.extend(schema_findings(data))
    pop = data.setting(contract.S_POPULATION)
    ctx = Context(data, today, data.board_kind, pop if isinstance(pop, int) else None)
    for step in ORDER:
        if step in PASSES:
            members = [c.run for c in pass_checks(step)]
            for item in PASSES[step](ctx):
                for run in members:
                    findings.extend(run(ctx, item))
        else:
            findings.extend(CHECKS[step].run(ctx))
    return _dedupe(findings)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    return list(dict.fromkeys(findings))  # the first of each, in order
