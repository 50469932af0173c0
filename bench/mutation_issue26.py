"""The eight one-line bugs of issue 26, each applied to a copy of the project and run against tests/test_edges.py:
each must be caught (a behaviour test fails) — run by a developer, not by CI.

    .venv/bin/python bench/mutation_issue26.py
"""

import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent

M = [
    (
        "M10(1) agenda preparation -15 -> -14",
        "gockurul_excel/rules.py",
        'Deadline("gundem_hazirlik", "M10(1)", Direction.BEFORE, 15,',
        'Deadline("gundem_hazirlik", "M10(1)", Direction.BEFORE, 14,',
        "tests/test_edges.py",
    ),
    (
        "atomic: last re-check before the rename disabled",
        "gockurul_excel/files/atomic.py",
        "            if expect is not None and not expect.same_stat(stamp(real)):\n"
        "                raise FileChanged(_changed_message(path.name, writing=True))\n"
        "            elif expect is None",
        "            if False:\n"
        "                raise FileChanged(_changed_message(path.name, writing=True))\n"
        "            elif expect is None",
        "tests/test_edges.py",
    ),
    (
        "atomic: content comparison dropped",
        "gockurul_excel/files/atomic.py",
        "or (expect.content is not None and data != expect.content)",
        "",
        "tests/test_edges.py",
    ),
    (
        "sheet-name limit 31 -> 32",
        "gockurul_excel/files/sheetnames.py",
        "MAX_SHEET_NAME = 31",
        "MAX_SHEET_NAME = 32",
        "tests/test_edges.py",
    ),
    (
        "apostrophe rule or -> and",
        "gockurul_excel/files/sheetnames.py",
        """name.startswith("'") or name.endswith("'")""",
        """name.startswith("'") and name.endswith("'")""",
        "tests/test_edges.py",
    ),
    (
        "carried problems counted in this year's Ek-3",
        "gockurul_excel/core/annual.py",
        'p["Toplantı No"] in self.meetings and carried_year(p) is None',
        'p["Toplantı No"] in self.meetings',
        "tests/test_edges.py",
    ),
    (
        "devir no longer carries problems with a blank Durum",
        "gockurul_excel/core/carry.py",
        '"Sorunlar": lambda r, year: r["Durum"] is None or r["Durum"] in rules.CARRIED_PROBLEM_STATUSES,',
        '"Sorunlar": lambda r, year: r["Durum"] in rules.CARRIED_PROBLEM_STATUSES,',
        "tests/test_edges.py",
    ),
    (
        "GK(ç) final report 30 -> 31 days",
        "gockurul_excel/rules.py",
        "PROJECT_FINAL_REPORT_DAYS = 30",
        "PROJECT_FINAL_REPORT_DAYS = 31",
        "tests/test_edges.py",
    ),
]


def pytest(root: pathlib.Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pytest", "tests/test_edges.py", "-q", "-p", "no:cacheprovider", "--no-header", *args]
    return subprocess.run(cmd, cwd=root, capture_output=True, text=True)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="gockurul-m26-") as tmp:
        R = pathlib.Path(tmp) / "proje"
        shutil.copytree(
            ROOT, R, ignore=shutil.ignore_patterns(".git", ".venv", "mutants", "node_modules", "__pycache__")
        )
        clean = pytest(R)
        if clean.returncode != 0:  # a test failing already would make every bug look caught
            print("tests/test_edges.py fails without any bug applied:\n" + clean.stdout[-3000:])
            return 2
        print("unmutated:", clean.stdout.strip().splitlines()[-1])
        missed = 0
        for title, f, old, new, _test in M:
            p = R / f
            src = p.read_text()
            assert src.count(old) == 1, (title, src.count(old))
            p.write_text(src.replace(old, new))
            try:
                out = pytest(R, "-x", "-rf").stdout
            finally:
                p.write_text(src)
            failed = [line for line in out.splitlines() if line.startswith("FAILED")]
            print(f"{title}: {'CAUGHT by ' + failed[0].split(' - ')[0][7:] if failed else 'NOT CAUGHT'}")
            missed += not failed
        return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
