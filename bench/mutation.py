"""Mutation testing of the rules, the core and the write rule (issue 26) — run by a developer or IT, not by CI.

    .venv/bin/pip install -e ".[test,mutation]"
    .venv/bin/python bench/mutation.py                        # everything of [tool.mutmut] only_mutate
    .venv/bin/python bench/mutation.py "gockurul_excel.rules*" # a part (mutmut's mutant-name globs)

mutmut (3.x) is the tool: it copies the package to `mutants/`, makes every mutant of the files named in
pyproject's `[tool.mutmut]` switchable at run time (no copy per mutant), records which tests call each function,
and runs for each mutant only those tests, in forked workers. cosmic-ray runs the whole test command per mutant:
on this suite (about 7 minutes) an hour would not reach a hundred mutants.

The result goes to `bench/mutation-sonuc.txt` (or `--cikti`): the date, the counts by outcome (killed, survived,
timeout, no tests, ...), the score (killed + timeout among mutants that some test ran), and the diff of every
survivor, so each one can be killed by a new test or written down as equivalent.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLED = {"killed", "timeout"}  # a timeout is a mutant that made a test hang: caught
UNRUN = {"no tests", "skipped", "not checked"}


def mutmut(*args: str, check: bool = True) -> str:
    exe = Path(sys.executable).with_name("mutmut")
    proc = subprocess.run([str(exe), *args], cwd=ROOT, capture_output=True, text=True)
    if check and proc.returncode != 0:
        sys.exit(f"mutmut {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
    return proc.stdout


def outcomes() -> dict[str, str]:
    out = {}
    for line in mutmut("results", "--all", "true").splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name:
            out[name] = status
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="mutant-name globs (default: every mutant)")
    ap.add_argument("--cocuk", type=int, default=os.cpu_count() or 2, help="parallel workers (max-children)")
    ap.add_argument("--cikti", type=Path, default=ROOT / "bench" / "mutation-sonuc.txt")
    ap.add_argument("--yalniz-rapor", action="store_true", help="do not run; report the last run's results")
    args = ap.parse_args()

    started = dt.datetime.now()
    if not args.yalniz_rapor:
        proc = subprocess.run(
            [str(Path(sys.executable).with_name("mutmut")), "run", "--max-children", str(args.cocuk), *args.names],
            cwd=ROOT,
        )
        if proc.returncode != 0:
            print(f"mutmut run exited {proc.returncode}", file=sys.stderr)
    results = outcomes()
    if args.names:
        import fnmatch

        results = {k: v for k, v in results.items() if any(fnmatch.fnmatch(k, g) for g in args.names)}
    counts = collections.Counter(results.values())
    ran = sum(n for status, n in counts.items() if status not in UNRUN)
    killed = sum(counts[s] for s in KILLED)
    score = killed / ran if ran else 0.0
    survivors = sorted(k for k, v in results.items() if v == "survived")

    lines = [
        f"Mutation testing, {dt.date.today().isoformat()} (mutmut 3, {args.cocuk} workers, "
        f"{(dt.datetime.now() - started).total_seconds() / 60:.0f} min)",
        f"Mutants: {len(results)}; " + ", ".join(f"{s}: {n}" for s, n in sorted(counts.items())),
        f"Score (killed + timeout among mutants some test ran): {killed}/{ran} = {score:.1%}",
        "",
    ]
    by_module = collections.defaultdict(collections.Counter)
    for name, status in results.items():
        by_module[name.split(".x")[0].split(".x_")[0]][status] += 1
    for module, c in sorted(by_module.items()):
        m_ran = sum(n for s, n in c.items() if s not in UNRUN)
        m_killed = sum(c[s] for s in KILLED)
        lines.append(f"  {module}: {m_killed}/{m_ran} killed" + (f" ({m_ran - m_killed} survived)" if m_ran else ""))
    lines += ["", "Survivors (each: kill it with a test, or explain why it is equivalent):", ""]
    for name in survivors:
        lines.append(mutmut("show", name, check=False).rstrip())
        lines.append("")
    args.cikti.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:3]))
    print(f"Written: {args.cikti}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
