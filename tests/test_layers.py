"""The layers of TASARIM.md, read from the syntax tree (imports inside functions count too).

L0 rules/contract/sheetspec/errors/findings · L1 core/ · L2 sheets/, platform/ · L3 commands · L4 files/, live/ ·
L5 operations/makro/cli/server/example. Imports go to the same or a lower layer only; sheets and platform, files
and live never import each other; no cycle; no module imports another module's private name; L0–L3 import no
library that touches a file, Excel or a terminal.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "gockurul_excel"
ROOT_LAYERS = {
    "__init__": 0,
    "rules": 0,
    "contract": 0,
    "sheetspec": 0,
    "errors": 0,
    "findings": 0,
    "commands": 3,
    "operations": 5,
    "makro": 5,
    "cli": 5,
    "server": 5,
    "example": 5,
    "example_data": 5,
    "doctor": 5,
    "__main__": 5,
    "assets": 5,
}  # assets/server: the xlwings Server project, over makro
PACKAGE_LAYERS = {"core": 1, "sheets": 2, "platform": 2, "files": 4, "live": 4}
APART = ({"sheets", "platform"}, {"files", "live"})
# Libraries that read or write files, drive Excel or a terminal: none of them below L4.
IO_LIBRARIES = {
    "openpyxl",
    "xlwings",
    "python_calamine",
    "lxml",
    "pandas",
    "typer",
    "rich",
    "starlette",
    "uvicorn",
    "zipfile",
    "tempfile",
    "shutil",
    "subprocess",
}
MAX_LINES = 900


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    name = ".".join(parts)
    return name.removesuffix(".__init__")


def layer_of(name: str) -> int:
    parts = name.split(".")[1:]
    if not parts:
        return 0
    if parts[0] in PACKAGE_LAYERS:
        return PACKAGE_LAYERS[parts[0]]
    return ROOT_LAYERS[parts[0]]


def group_of(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in PACKAGE_LAYERS) else ""


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    package = module.split(".")
    if not MODULES[module].name == "__init__.py":
        package = package[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def imports(module: str) -> list[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) of every import in `module`, at any depth."""
    out = []
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, None, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, node)
            for a in node.names:
                sub = f"{target}.{a.name}"
                out.append((sub, None, node.lineno) if sub in MODULES else (target, a.name, node.lineno))
    return out


def internal_edges() -> list[tuple[str, str, str | None, int]]:
    return [
        (m, target, name, line)
        for m in MODULES
        for target, name, line in imports(m)
        if target == "gockurul_excel" or target.startswith("gockurul_excel.")
    ]


def test_every_module_has_a_layer():
    assert all(isinstance(layer_of(m), int) for m in MODULES)


def test_imports_go_down_only():
    wrong = [
        f"{m}:{line} imports {t} (L{layer_of(m)} -> L{layer_of(t)})"
        for m, t, _, line in internal_edges()
        if t in MODULES and layer_of(t) > layer_of(m)
    ]
    assert not wrong, "\n".join(wrong)


def test_sheets_platform_and_files_live_stay_apart():
    wrong = [
        f"{m}:{line} imports {t}"
        for m, t, _, line in internal_edges()
        if t in MODULES and any({group_of(m), group_of(t)} == pair for pair in APART)
    ]
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle():
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for m, t, _, _ in internal_edges():
        if t in MODULES and t != m and not MODULES[t].name == "__init__.py":
            graph[m].add(t)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for m in sorted(graph):
        if m not in state and (cycle := visit(m)):
            pytest.fail(" -> ".join(cycle))


def test_no_private_name_crosses_a_module():
    wrong = [
        f"{m}:{line} imports {t}.{name}"
        for m, t, name, line in internal_edges()
        if name and name.startswith("_") and not name.startswith("__") and t != m
    ]
    assert not wrong, "\n".join(wrong)


def test_pure_layers_import_no_io_library():
    wrong = [
        f"{m}:{line} imports {t}"
        for m in MODULES
        if layer_of(m) <= 3
        for t, _, line in imports(m)
        if t.split(".")[0] in IO_LIBRARIES
    ]
    assert not wrong, "\n".join(wrong)


def test_no_module_is_too_long():
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def test_the_checker_sees_what_it_must():
    """The walk finds function-level imports and resolves relative ones (a check that saw nothing would pass)."""
    found = {(t, n) for t, n, _ in imports("gockurul_excel.operations")}
    assert ("gockurul_excel.files.backend", "FileBackend") in found  # inside a function
    assert ("gockurul_excel.findings", "ERROR") in found  # at the top
    assert layer_of("gockurul_excel.core.model") == 1 and layer_of("gockurul_excel.files.writer") == 4


# --- issue 22: kontrol by the circular's sections ----------------------------------------------------------

MAX_CORE_LINES = 450


def test_no_core_module_is_over_450_lines():
    long = {
        m: n
        for m, p in MODULES.items()
        if layer_of(m) == 1 and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_CORE_LINES
    }
    assert not long, long


def _checks():
    from gockurul_excel.core import checks

    return checks


def test_every_article_a_check_declares_is_in_rules_py():
    """An article a rule cites is written in rules.py next to its data (each part of 'M8(1), M8(3)')."""
    from gockurul_excel.core.model import TEMPLATE_RULE

    text = (PACKAGE / "rules.py").read_text(encoding="utf-8")
    checks = _checks()
    missing = {
        (c.name, part)
        for c in checks.CHECKS.values()
        for article in c.articles
        if article != TEMPLATE_RULE
        for part in article.split(", ")
        if part not in text
    }
    assert not missing, missing
    assert len(checks.CHECKS) >= 30  # the registry was read, not an empty dict


def test_every_article_has_exactly_one_section_module():
    from gockurul_excel.core.model import TEMPLATE_RULE

    checks = _checks()
    homes: dict[str, set[str]] = {}
    for c in checks.CHECKS.values():
        for article in c.articles:
            if article != TEMPLATE_RULE:  # the template's own rule, not an article of the circular
                homes.setdefault(article, set()).add(c.module.rsplit(".", 1)[-1])
    shared = {a: m for a, m in homes.items() if len(m) != 1}
    assert not shared, shared
    assert {m.__name__.rsplit(".", 1)[-1] for m in checks.SECTIONS} >= {
        "composition",
        "meetings",
        "minutes",
        "decisions",
        "coordination",
    }
    assert all(c.module in {m.__name__ for m in checks.SECTIONS} for c in checks.CHECKS.values())


def test_every_check_runs_once_in_the_order_of_kontrol():
    """Each registered check is in ORDER, itself or through its row pass, and ORDER names nothing else."""
    checks = _checks()
    named = [n for n in checks.ORDER if n not in checks.PASSES]
    passes = [n for n in checks.ORDER if n in checks.PASSES]
    assert len(set(checks.ORDER)) == len(checks.ORDER)
    assert set(named) <= set(checks.CHECKS) and set(passes) == set(checks.PASSES)
    assert {c.name for c in checks.CHECKS.values() if c.each is None} == set(named)
    assert all(c.each in passes for c in checks.CHECKS.values() if c.each is not None)


def test_no_header_of_toplantilar_is_written_in_the_checks_of_the_schedule():
    """The meeting columns a rule reads are named once (core.meetings): no rule module spells them again."""
    spelled = (
        '"Gerçekleşen Tarih"',
        '"Planlanan Tarih"',
        '"Toplantı No"',
        '"Tutanak Tebliğ Tarihi"',
        '"Platform Giriş Tarihi"',
    )
    modules = [
        m
        for m in MODULES
        if m.startswith("gockurul_excel.core.checks.")
        or m in ("gockurul_excel.core.schedule", "gockurul_excel.core.events")
    ]
    wrong = [(m, s) for m in modules for s in spelled if s in MODULES[m].read_text(encoding="utf-8")]
    assert not wrong, wrong
