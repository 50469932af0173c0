"""Mutation testing of the rules, the core and the write rule (issue 26) — run by a developer or IT, not by CI.

    .venv/bin/pip install -e ".[test,mutation]"
    .venv/bin/python bench/mutation.py                        # everything of [tool.mutmut] only_mutate
    .venv/bin/python bench/mutation.py "gockurul_excel.rules*" # a part (mutmut's mutant-name globs)
    .venv/bin/python bench/mutation.py --yalniz-rapor         # write the report of what mutants/ holds

mutmut (3.x) is the tool: it copies the package to `mutants/`, makes every mutant of the files named in
pyproject's `[tool.mutmut]` switchable at run time (no copy per mutant), records which tests call each function,
and runs for each mutant only those tests, fastest first, in forked workers. cosmic-ray runs the whole test command
per mutant: on this suite (about 7 minutes) an hour would not reach a hundred mutants. A run resumes: mutants whose
function is unchanged keep their result in `mutants/`; named mutants are run again (after a test is written against
a survivor: `bench/mutation.py <its name>`); a change of pyproject's test selection starts everything anew.

A whole run takes about an hour on a 2-core machine (8 December 2026: 7,316 mutants in 61 minutes, set-up included)
when nothing else runs: every surviving mutant runs every selected test that reached its function, so the selection
is the in-process tests and, under mutmut, tests/conftest.py leaves out the ones that write files. On Linux a job
started from another terminal shares the CPU by session (autogroup), so `nice` alone does not keep it out of the way.

The result goes to `bench/mutation-sonuc.txt` (or `--cikti`): the date and commit, the counts by outcome (killed,
survived, timeout, not checked, ...), the score (killed + timeout among mutants that some test ran), each module's
count and test time, and every survivor with its diff — under "equivalent" with the reason written for it in
`bench/mutation-esdeger.txt` (`<mutant name>: <why no behaviour tells it apart>`), or under "to kill" when no
reason is written. A name in that file that is no longer a survivor is listed too (the code moved: renumber it).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import fnmatch
import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLED = {"killed", "timeout"}  # a timeout is a mutant that made a test hang: caught
UNRUN = {"no tests", "skipped", "not checked"}
EQUIVALENTS = ROOT / "bench" / "mutation-esdeger.txt"


def mutmut(root: Path, *args: str, check: bool = True) -> str:
    exe = Path(sys.executable).with_name("mutmut")
    proc = subprocess.run([str(exe), *args], cwd=root, capture_output=True, text=True)
    if check and proc.returncode != 0:
        sys.exit(f"mutmut {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
    return proc.stdout


def outcomes(root: Path) -> dict[str, str]:
    out = {}
    for line in mutmut(root, "results", "--all", "true").splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name:
            out[name] = status
    return out


def module_of(name: str) -> str:
    """gockurul_excel.core.text.x_inflect__mutmut_3 -> gockurul_excel.core.text"""
    return name.split(".x_")[0].split(".x\u01c1")[0]


def test_seconds(root: Path) -> dict[str, float]:
    """The seconds the tests of each mutant took (mutmut's meta files), by mutant name."""
    out: dict[str, float] = {}
    for meta in (root / "mutants").rglob("*.py.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        out.update({k: v for k, v in data.get("durations_by_key", {}).items() if v is not None})
    return out


def diffs(root: Path, names: list[str]) -> dict[str, str]:
    """Each mutant's diff, in one process (`mutmut show` per name starts mutmut anew each time)."""
    if not names:
        return {}
    code = (
        "import json, sys\n"
        "from mutmut.mutation.diff_apply import get_diff_for_mutant\n"
        "out = {}\n"
        "for n, path in json.load(sys.stdin):\n"
        "    try:\n"
        "        out[n] = get_diff_for_mutant(n, path=path)\n"
        "    except Exception as e:\n"
        "        out[n] = f'(diff unavailable: {e!r})'\n"
        "print(json.dumps(out))\n"
    )
    names = [[n, module_of(n).replace(".", "/") + ".py"] for n in names]
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=root, input=json.dumps(names), capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout)


def equivalents(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, sep, reason = line.partition(": ")
        if sep and name.strip():
            out[name.strip()] = reason.strip()
    return out


def sessions(root: Path) -> list[dict]:
    path = root / "mutants" / "gockurul-sessions.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def record_session(root: Path, session: dict) -> None:
    path = root / "mutants" / "gockurul-sessions.json"
    path.write_text(json.dumps([*sessions(root), session], indent=1), encoding="utf-8")


def commit(root: Path) -> str:
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
    dirty = subprocess.run(  # the code and tests mutated and run, not this report
        ["git", "status", "--porcelain", "--", "gockurul_excel", "tests", "pyproject.toml"],
        cwd=root,
        capture_output=True,
    )
    return proc.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def _named(globs: list[str]) -> str:
    if not globs:
        return "all mutants"
    return " ".join(globs) if len(globs) <= 3 else f"{len(globs)} named mutants or globs (survivors re-run)"


def report(root: Path, results: dict[str, str], equivalent: dict[str, str]) -> list[str]:
    counts = collections.Counter(results.values())
    ran = sum(n for status, n in counts.items() if status not in UNRUN)
    killed = sum(counts[s] for s in KILLED)
    survivors = sorted(k for k, v in results.items() if v == "survived")
    explained = [n for n in survivors if n in equivalent and not equivalent[n].startswith("NOT EQUIVALENT")]
    to_kill = [n for n in survivors if n not in explained]
    seconds = test_seconds(root)
    runs = sessions(root)
    wall = sum(
        dt.datetime.fromisoformat(r["end"]).timestamp() - dt.datetime.fromisoformat(r["start"]).timestamp()
        for r in runs
    )
    lines = [
        f"Mutation testing (mutmut {version('mutmut')}), report of {dt.datetime.now():%d.%m.%Y %H:%M}, code of "
        f"{commit(root)}.",
        "Runs that made these results (start-end, workers, mutant globs):",
        *(f"  {r['start'][:16]} - {r['end'][11:16]}, {r['workers']} workers, {_named(r['names'])}" for r in runs),
        f"Wall time of those runs: {wall / 60:.0f} min; the mutants' tests took {sum(seconds.values()) / 60:.0f} "
        "worker-minutes.",
        "",
        f"Mutants: {len(results)}; " + ", ".join(f"{s}: {n}" for s, n in sorted(counts.items())),
        f"Score (killed + timeout among mutants some test ran): {killed}/{ran} = {killed / ran if ran else 0:.1%}",
        f"Survivors: {len(survivors)}; explained as equivalent in bench/mutation-esdeger.txt: {len(explained)}; "
        f"to kill or untested: {len(to_kill)}",
        "",
        "By module (killed+timeout / run; survived; not checked; test time of its mutants):",
    ]
    by_module: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    time_by_module: dict[str, float] = collections.defaultdict(float)
    for name, status in results.items():
        by_module[module_of(name)][status] += 1
        time_by_module[module_of(name)] += seconds.get(name, 0.0)
    for module, c in sorted(by_module.items()):
        m_ran = sum(n for s, n in c.items() if s not in UNRUN)
        m_killed = sum(c[s] for s in KILLED)
        unrun = sum(c[s] for s in UNRUN)
        lines.append(
            f"  {module}: {m_killed}/{m_ran}; {m_ran - m_killed} survived; {unrun} not checked; "
            f"{time_by_module[module] / 60:.1f} min"
        )
    shown = diffs(root, survivors)
    lines += [
        "",
        f"To kill ({len(to_kill)}): survivors not explained as equivalent (a NOT EQUIVALENT note says why untested)",
        "",
    ]
    for name in to_kill:
        lines += [f"### {name}" + (f"  [{equivalent[name]}]" if name in equivalent else ""), shown[name], ""]
    lines += ["", f"Equivalent ({len(explained)}): survivors no behaviour tells apart, with the reason", ""]
    for name in explained:
        lines += [f"### {name}", f"# {equivalent[name]}", shown[name], ""]
    stale = sorted(n for n in equivalent if results.get(n) != "survived")
    if stale:
        lines += [
            "",
            "Named in bench/mutation-esdeger.txt but not a survivor of these results (killed now, not run,",
            "or renumbered by a change of the code):",
            *(f"  {n}: {results.get(n, 'no such mutant')}" for n in stale),
        ]
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="mutant-name globs (default: every mutant)")
    ap.add_argument("--cocuk", type=int, default=os.cpu_count() or 2, help="parallel workers (max-children)")
    ap.add_argument("--cikti", type=Path, default=ROOT / "bench" / "mutation-sonuc.txt")
    ap.add_argument("--esdeger", type=Path, default=EQUIVALENTS)
    ap.add_argument("--kok", type=Path, default=ROOT, help="the project whose mutants/ to run and report")
    ap.add_argument("--yalniz-rapor", action="store_true", help="do not run; report what mutants/ holds")
    args = ap.parse_args()
    names = list(args.names)

    if not args.yalniz_rapor:
        started = dt.datetime.now().isoformat(timespec="seconds")
        proc = subprocess.run(
            [str(Path(sys.executable).with_name("mutmut")), "run", "--max-children", str(args.cocuk), *names],
            cwd=args.kok,
        )
        if proc.returncode != 0:
            print(f"mutmut run exited {proc.returncode}", file=sys.stderr)
        record_session(
            args.kok,
            {
                "start": started,
                "end": dt.datetime.now().isoformat(timespec="seconds"),
                "workers": args.cocuk,
                "names": names,
            },
        )
    results = outcomes(args.kok)
    if names:
        results = {k: v for k, v in results.items() if any(fnmatch.fnmatch(k, g) for g in names)}
    lines = report(args.kok, results, equivalents(args.esdeger))
    args.cikti.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[: lines.index("") + 5]))
    print(f"Written: {args.cikti}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
