"""Shared helpers: build workbooks from the template, run the CLI, snapshot input sheets."""

from __future__ import annotations

import atexit
import copy
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

# The tests run the buttons on xlwings' remote engine (xlwings.pro, noncommercial use), registered only if the key
# is set before the first `import xlwings`, whichever test module imports it first.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

from gockurul_excel import contract, example, rules
from gockurul_excel.files.fill import fill_workbook

# Tests never touch the real home folder: what the program writes there (the error log `~/gockurul-hata.log`) goes
# to a folder of this run, for the tests themselves and every command they start (issue 25 item 8).
REAL_HOME = os.environ.get("HOME")
TEST_HOME = tempfile.mkdtemp(prefix="gockurul-test-ev-")
os.environ["HOME"] = os.environ["USERPROFILE"] = TEST_HOME
atexit.register(shutil.rmtree, TEST_HOME, True)

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 24)


def clean_example_rows() -> dict[str, list[list]]:
    """The example with its deliberate mistakes put right: `kontrol` must find nothing."""
    rows = copy.deepcopy(example.example_rows())
    members = rows["Üyeler"]
    members.append(
        [
            example.MISSING_BOARD_MEMBER,
            "Daimi",
            rules.ROLE_MEMBER,
            "Müdür",
            "Afet Müdürü",
            "0532 000 00 00",
            "afet@ornek.gov.tr",
            "Evet",
        ]
    )
    members.append(
        [
            f"{example.MISSING_GOVERNOR} Kaymakamlığı",
            "Daimi",
            rules.ROLE_MEMBER,
            "Kaymakam",
            "Araban Kaymakamı",
            "0532 000 00 01",
            "araban@ornek.gov.tr",
            "Evet",
        ]
    )
    for m in members:
        if m[3] == "Memur":
            m[3] = "Şube Müdürü"
    for d in rows["Kararlar"]:
        if d[0] == 7:
            d[6] = dt.date(example.YEAR, 12, 31)
        if d[0] == 15:
            d[1] = 8
    for p in rows["Projeler"]:
        if p[0] == 4:
            p[6] = dt.date(example.YEAR, 1, 20)
    for s in rows["Veri Paylaşımı"]:
        if s[0] == 3:
            s[5] = dt.date(example.YEAR, 5, 2)
    return rows


@pytest.fixture
def make_book(tmp_path):
    """make_book(settings=..., rows=..., name=...) -> Path of a workbook made from the template."""

    def _make(
        settings: dict | None = None,
        rows: dict | None = None,
        name: str = "kitap.xlsx",
        version: str = contract.TEMPLATE_VERSION,
    ) -> Path:
        path = tmp_path / name
        s = example.example_settings() if settings is None else settings
        r = clean_example_rows() if rows is None else rows
        fill_workbook(path, s, r, overwrite=True, version=version)
        return path

    return _make


@pytest.fixture
def memory_book():
    """memory_book(settings=..., rows=..., state=...) -> WorkbookData held in memory, read as a file would be:
    for rule tests (no xlsx written; core.model.workbook_from_rows)."""
    from gockurul_excel.core.model import workbook_from_rows

    def _make(
        settings: dict | None = None,
        rows: dict | None = None,
        name: str = "kitap.xlsx",
        version: str = contract.TEMPLATE_VERSION,
        state: dict | None = None,
    ):
        s = example.example_settings() if settings is None else settings
        r = clean_example_rows() if rows is None else rows
        return workbook_from_rows(s, r, state=state, version=version, path=Path(name))

    return _make


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command line, in a fresh process: what a user or batch job sees."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "gockurul_excel", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


def kontrol_json(path: Path, today: dt.date = TODAY) -> tuple[int, list[dict]]:
    proc = run_cli("kontrol", str(path), "--json", "--bugun", today.isoformat())
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, (json.loads(proc.stdout) if proc.stdout.strip() else [])


def input_snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every cell value and number format of every input sheet (formulas as written)."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    out = {}
    for name in contract.INPUT_SHEETS:
        if name in wb.sheetnames:
            ws = wb[name]
            out[name] = [tuple((c.coordinate, c.value, c.number_format) for c in row) for row in ws.iter_rows()]
    return out


def soffice() -> str | None:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) CI'da kurulu olmalı: .ci/run kurar.")
        pytest.skip("LibreOffice yok")
    return exe


def libreoffice_convert(path: Path, fmt: str, outdir: Path) -> Path:
    exe = soffice()
    profile = f"file:///tmp/lo_profile_{uuid.uuid4().hex}"
    outdir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    out = outdir / (path.stem + "." + fmt.split(":")[0])
    assert proc.returncode == 0 and out.exists(), proc.stdout + proc.stderr
    return out


# Under mutmut (bench/mutation.py), a test that writes files is left out, except the atomic write's own: every
# surviving mutant runs every test that reached its function, and the ones that write workbooks, calendars and
# backups cost seconds each while what they check of the core is checked by in-process tests (issue 26: one run
# in about an hour on two cores).
MUTATION_KEEPS_FILE_TESTS = ("tests/test_core_atomic.py", "tests/test_file_safety.py", "tests/test_edges.py")


def pytest_collection_modifyitems(config, items):
    if "MUTANT_UNDER_TEST" not in os.environ:
        return
    kept, left = [], []
    for item in items:
        writes = "tmp_path" in getattr(item, "fixturenames", ())
        own = item.nodeid.startswith(MUTATION_KEEPS_FILE_TESTS)
        (left if writes and not own else kept).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
