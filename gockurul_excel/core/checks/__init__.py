"""`kontrol`: the rules of KURALLAR.md, one module per section of it.

- registry: `@check(*articles)`, `Context` (the schedule built once), row passes
- tables: the template's rules across rows · composition: §4 (M4, M6, M9) · meetings: §2 (M6(9), M7, M8, M11)
- minutes: §3 (M10, M12) · decisions: §7 and Ek-1 (M5(7), M5(12), M13) · coordination: §6 (the second circular)
- runner: `run_checks`, in the order of `kontrol --json`

Row schemas are core.rowschema, who is who core.identity. Pure: no file access.
"""

from __future__ import annotations

from . import composition, coordination, decisions, meetings, minutes, tables
from .registry import CHECKS, PASSES, Check, Context, check, findings_of
from .runner import ORDER, run_checks

SECTIONS = (tables, composition, meetings, minutes, decisions, coordination)

__all__ = ["CHECKS", "ORDER", "PASSES", "SECTIONS", "Check", "Context", "check", "findings_of", "run_checks"]
