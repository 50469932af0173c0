"""Mutation testing of the circular's numbers (issue 26) — `rules.py` as data, which mutmut does not mutate.

mutmut 3 mutates function bodies only; the thresholds, months, days and lead times of `rules.py` are module-level
data (`Threshold(..., 10_000, Comparison.AT_LEAST)`, `Deadline(..., Direction.BEFORE, 15, ...)`). This script makes
one mutant per change of one of them and runs the rule tests against it:

- every whole number n at module level (outside functions) becomes n + 1 and n - 1 (0 only + 1);
- every True/False becomes the other;
- every `Comparison.X` and `Direction.X` becomes each other member of its enum.

Each mutant runs in its own copy of the project (one per worker, next to the project so that `../shared` is the
same), with `python -m pytest -x` over the rule tests (TESTS below), bytecode off so that a same-size edit within
the same second is never read from a stale .pyc. A mutant is *killed* when a test fails, *survived* when all pass.

    .venv/bin/python bench/mutation_rules.py                 # every mutant, 2 workers
    .venv/bin/python bench/mutation_rules.py --satir 217     # only the literals on line 217

The result goes to `bench/mutation-kurallar-sonuc.txt`: counts, score, and per mutant its line, the change, the
outcome and the first test that failed.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures as cf
import datetime as dt
import os
import queue
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = Path("gockurul_excel") / "rules.py"
TESTS = [
    "tests/kontrol/",
    "tests/test_rules.py",
    "tests/test_calendar.py",
    "tests/test_takvim.py",
    "tests/test_edges.py",
    "tests/test_first_board.py",
    "tests/test_year_boundary.py",
    "tests/test_annual_report.py",
    "tests/test_annual_districts.py",
    "tests/test_action_plan.py",
    "tests/test_commands_pure.py",
    "tests/test_consolidate.py",
    "tests/test_issue25_small.py",
    "tests/test_core_rules.py",
    "tests/test_core_windows.py",
    "tests/test_core_events.py",
]
ENUMS = {"Comparison": ("AT_LEAST", "MORE_THAN", "LESS_THAN"), "Direction": ("BEFORE", "AFTER", "MONTH_END")}
COPY = ("gockurul_excel", "tests", "sablon.xlsx", "README.md", "pyproject.toml", "makrolar", "bench", "docs")


@dataclass(frozen=True)
class Mutant:
    line: int
    start: int  # offsets in the source text
    end: int
    before: str
    after: str

    def apply(self, source: str) -> str:
        return source[: self.start] + self.after + source[self.end :]


def mutants(source: str) -> list[Mutant]:
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for text in lines:
        offsets.append(offsets[-1] + len(text))

    def span(node: ast.AST) -> tuple[int, int]:
        # ast columns are UTF-8 byte offsets; the source has Turkish letters before some literals
        def at(lineno: int, col: int) -> int:
            return offsets[lineno - 1] + len(lines[lineno - 1].encode()[:col].decode())

        return at(node.lineno, node.col_offset), at(node.end_lineno, node.end_col_offset)

    out: list[Mutant] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return  # function bodies are mutmut's
        if isinstance(node, ast.Constant) and isinstance(node.value, bool):
            start, end = span(node)
            out.append(Mutant(node.lineno, start, end, str(node.value), str(not node.value)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, int):
            start, end = span(node)
            n = node.value
            for m in [n + 1, n - 1] if n else [n + 1]:
                out.append(Mutant(node.lineno, start, end, source[start:end], str(m)))
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in ENUMS
            and node.attr in ENUMS[node.value.id]
        ):
            start, end = span(node)
            for other in ENUMS[node.value.id]:
                if other != node.attr:
                    out.append(Mutant(node.lineno, start, end, source[start:end], f"{node.value.id}.{other}"))
            return
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return sorted(out, key=lambda m: (m.start, m.after))


def prepare(target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "node_modules", "wheels", "mutants", ".venv")
    for name in COPY:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=ignore)
        elif src.exists():
            shutil.copy2(src, target / name)


def run_one(copy: Path, source: str, m: Mutant, timeout: float) -> tuple[str, str]:
    (copy / RULES).write_text(m.apply(source), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1", "CI": ""}
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *TESTS],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return "timeout", ""
    failed = re.findall(r"^(?:FAILED|ERROR) (\S+)", proc.stdout, re.M)
    if proc.returncode == 0:
        return "survived", ""
    if proc.returncode == 1 and failed:
        return "killed", failed[0]
    return "error", (failed[0] if failed else proc.stdout[-300:].replace("\n", " "))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cocuk", type=int, default=os.cpu_count() or 2, help="parallel workers")
    ap.add_argument("--satir", type=int, action="append", help="only the literals on these lines of rules.py")
    ap.add_argument("--cikti", type=Path, default=ROOT / "bench" / "mutation-kurallar-sonuc.txt")
    ap.add_argument("--zaman-asimi", type=float, default=600.0, help="seconds per mutant")
    args = ap.parse_args()

    source = (ROOT / RULES).read_text(encoding="utf-8")
    todo = [m for m in mutants(source) if not args.satir or m.line in args.satir]
    started = time.monotonic()
    copies: queue.Queue[Path] = queue.Queue()
    for i in range(args.cocuk):
        copy = ROOT.parent / f".{ROOT.name}-kurallar-mutasyon-{i}"
        prepare(copy)
        copies.put(copy)
    # The unmutated copy must pass, or every mutant would look killed.
    probe = copies.get()
    status, detail = run_one(probe, source, Mutant(0, 0, 0, "", ""), args.zaman_asimi)
    copies.put(probe)
    if status != "survived":
        sys.exit(f"the rule tests fail without a mutant ({status}: {detail}); fix them first")

    def work(m: Mutant) -> tuple[Mutant, str, str]:
        copy = copies.get()
        try:
            return (m, *run_one(copy, source, m, args.zaman_asimi))
        finally:
            copies.put(copy)

    results: list[tuple[Mutant, str, str]] = []
    with cf.ThreadPoolExecutor(args.cocuk) as pool:
        for i, res in enumerate(pool.map(work, todo), 1):
            results.append(res)
            print(
                f"[{i}/{len(todo)}] satır {res[0].line}: {res[0].before} → {res[0].after}: {res[1]} {res[2]}",
                flush=True,
            )
    while not copies.empty():
        shutil.rmtree(copies.get(), ignore_errors=True)

    counts: dict[str, int] = {}
    for _, status, _ in results:
        counts[status] = counts.get(status, 0) + 1
    ran = sum(counts.values()) - counts.get("error", 0)
    killed = counts.get("killed", 0) + counts.get("timeout", 0)
    src_lines = source.splitlines()
    lines = [
        f"Mutation testing of rules.py's data, {dt.date.today().isoformat()} (bench/mutation_rules.py, "
        f"{args.cocuk} workers, {(time.monotonic() - started) / 60:.0f} min)",
        f"Mutants: {len(results)}; " + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())),
        f"Score (killed + timeout among mutants run): {killed}/{ran} = {killed / ran if ran else 0:.1%}",
        "",
    ]
    for m, status, detail in results:
        lines.append(f"{status:8} satır {m.line}: {m.before} → {m.after}    {detail}")
        if status != "killed":
            lines.append(f"         {src_lines[m.line - 1].strip()}")
    args.cikti.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:3]))
    print(f"Written: {args.cikti}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
