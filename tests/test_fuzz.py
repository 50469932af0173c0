"""Issue 23: hostile strings and numbers in any input cell of the demo workbook, then every command (the real
command line, in process) and every button (on a live book through xlwings' remote engine).

Whatever the cells hold: no traceback and no "Beklenmeyen"; exit 0, 1 (findings) or a Turkish refusal; no file
written outside the workbook's folder and its own output folders; no formula where a text was; no e-mail
recipient that is not one member's `E-posta` cell. Bounded for CI (a few examples); a longer run:
GOCKURUL_FUZZ=200 (examples per test)."""

from __future__ import annotations

import copy
import email
import os
import re
import tempfile
import zipfile
from email import policy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import example as case
from hypothesis import strategies as st
from typer.testing import CliRunner

from gockurul_excel import cli, contract, example, makro
from gockurul_excel.core.outbound import FORMULA_STARTS
from gockurul_excel.files.fill import fill_workbook

from .conftest import TODAY, clean_example_rows

EXAMPLES = int(os.environ.get("GOCKURUL_FUZZ") or 3)
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))

HOSTILE_TEXT = [
    '=HYPERLINK("http://evil.example","tıkla")',
    "== Önemli ==",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "1/../../../pwn",
    "..\\..\\pwn",
    "CON",
    "nul.txt",
    "a:b?c*.",
    "x.",
    " ",
    "Kemal Çeber <spy@evil.example>",
    "a@ornek.gov.tr, spy@evil.example",
    "a@ornek.gov.tr\r\nBcc: s@evil.example",
    "Ayşe\x00Yılmaz",
    "Ali\u202eliaM\u202c",
    "\u2066İğdır\u2069",
    '"; DROP',
    "ğüşıöçĞÜŞİÖÇ" * 900,
    "x" * 10_000,
    "\t\n\r",
    "Toplantı 1",
    "1",
    "3",
    "Evet",
    "Hayır",
    "31.02.2026",
    "2026-13-01",
]
_XML_OK = re.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd]")  # what an xlsx cell can hold at all
hostile_values = st.one_of(
    # what a cell can hold: a NUL typed into Excel or pasted never reaches the file (the test would fail writing it)
    st.sampled_from(HOSTILE_TEXT).map(lambda s: _XML_OK.sub("", s)),
    st.text(max_size=60).map(lambda s: _XML_OK.sub("", s)),
    st.sampled_from([1e308, -1e308, 10**20, -1, 0, 2**63, 1.5, -0.0, 100_000_001, 99_999_999]),
)
INPUT_SHEETS = [d.name for d in contract.SHEETS if d.name in clean_example_rows()]


@st.composite
def hostile_books(draw):
    """The clean demo rows and settings with 1–4 cells replaced by hostile values (a new row now and then)."""
    rows = copy.deepcopy(clean_example_rows())
    settings_values = dict(example.example_settings())
    for _ in range(draw(st.integers(1, 4))):
        value = draw(hostile_values)
        if draw(st.integers(0, 5)) == 0:
            settings_values[draw(st.sampled_from(sorted(settings_values)))] = value
            continue
        sheet = draw(st.sampled_from(INPUT_SHEETS))
        width = len(contract.SHEETS_BY_NAME[sheet].columns)
        table = rows[sheet]
        if not table or draw(st.integers(0, 4)) == 0:
            table.append([None] * width)
        row = table[draw(st.integers(0, len(table) - 1))]
        row.extend([None] * (width - len(row)))
        row[draw(st.integers(0, width - 1))] = value
    return rows, settings_values


def _with(*edits: tuple[str, int, int, object]):
    """The clean demo with these (sheet, row, column, value) edits: the cases the fuzz found, kept."""
    rows = copy.deepcopy(clean_example_rows())
    for sheet, row, col, value in edits:
        rows[sheet][row][col] = value
    return rows, dict(example.example_settings())


def _snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _formulas(path: Path) -> set[str]:
    """Every formula text (<f>) of an xlsx."""
    if not path.is_file():
        return set()
    with zipfile.ZipFile(path) as z:
        return {
            m
            for n in z.namelist()
            if n.startswith("xl/worksheets/")
            for m in re.findall(r"<f[^>]*>([^<]*)</f>", z.read(n).decode("utf-8", "replace"))
        }


def _user_formulas(rows, settings_values) -> set[str]:
    """The texts of the book that a spreadsheet would take for formulas, as an <f> would hold them."""
    cells = [v for table in rows.values() for row in table for v in row] + list(settings_values.values())
    return {v[1:] for v in cells if isinstance(v, str) and v.startswith("=")}


def _emails(rows) -> set[str]:
    return {str(r[6]).strip() for r in rows["Üyeler"] if len(r) > 6 and r[6] is not None}


def _meeting_numbers(rows) -> list[str]:
    numbers = [str(r[0]) for r in rows["Toplantılar"] if r and r[0] is not None]
    return list(dict.fromkeys(["3", *numbers[:2], *[n for n in numbers if n in HOSTILE_TEXT]]))


@pytest.fixture
def no_libreoffice(monkeypatch):
    """The in-process run skips the letter's PDF (LibreOffice: seconds a call; tests/test_davet.py covers it)."""
    from gockurul_excel.files import pdf

    def missing(*a, **k):
        raise pdf.LibreOfficeNotFound("yok")

    monkeypatch.setattr(pdf, "find_soffice", missing)


@FUZZ
@given(book=hostile_books())
@case(book=_with(("İlçeler", 0, 0, "\t\n\r")))  # a district of no name: `yillik` failed on it
@case(book=_with(("Üyeler", 0, 4, "Kemal Çeber <spy@evil.example>"), ("Toplantılar", 2, 0, "1/../../../pwn")))
def test_every_command_on_hostile_cells(book, no_libreoffice, monkeypatch):
    rows, settings_values = book
    with tempfile.TemporaryDirectory(prefix="gockurul-fuzz-") as tmp_name:
        root = Path(tmp_name)
        monkeypatch.setenv("HOME", str(root / "ev"))  # the error log of the CLI never goes to the real home
        folder = root / "a" / "b"
        folder.mkdir(parents=True)
        path = folder / "kitap.xlsx"
        fill_workbook(path, settings_values, rows, overwrite=True)
        province = folder / "il.xlsx"  # a clean province book that takes the hostile book and its platform files in
        fill_workbook(province, example.example_settings(), clean_example_rows(), overwrite=True)
        outside = _snapshot(root)
        runner = CliRunner()
        day = TODAY.strftime("%d.%m.%Y")
        runs = [
            ["kontrol", str(path), "--bugun", day],
            ["kontrol", str(path), "--json", "--bugun", day],
            ["takvim", str(path), "--bugun", day, "--ics", str(folder / "takvim.ics")],
            ["formlar", str(path)],
            ["yillik", str(path)],
            ["eylem", str(path), "--bugun", day],
            ["platform", str(path), "--cikti", str(folder / "platform")],
            ["devir", str(path), str(folder / "yeni.xlsx")],
        ]
        for number in _meeting_numbers(rows):
            runs += [[name, str(path), "--toplanti", number] for name in ("tutanak", "katilimci", "gundem", "davet")]
        # A district's book and platform folder received by mail: merged into the province's, and summed up.
        runs += [
            ["birlestir", str(province), str(path), str(folder / "platform"), "--bugun", day],
            ["ulusal", str(folder / "platform"), "--cikti", str(folder / "ulusal.xlsx")],
            ["guncelle", str(path)],
        ]
        for args in runs:
            result = runner.invoke(cli.app, args, prog_name="gockurul")
            shown = result.output + (result.stderr if result.stderr_bytes is not None else "")
            assert result.exit_code in (0, 1, 2), (args, shown, result.exception)
            assert "Traceback" not in shown and "beklenmeyen" not in shown.lower(), (args, shown)
            if result.exit_code == 2:
                assert "HATA: " in shown, (args, shown)
        allowed = (folder, folder / "kitap_yazilar", folder / "platform", folder / "Yedekler")
        changed = [p for p, data in _snapshot(root).items() if outside.get(p) != data]
        stray = [
            p
            for p in changed
            if p.parent not in allowed and (root / "ev") not in p.parents and (folder / "Yedekler") not in p.parents
        ]
        assert not stray, stray
        hostile = _user_formulas(rows, settings_values)
        for book_path in (path, folder / "yeni.xlsx", province, folder / "ulusal.xlsx"):
            assert not hostile & _formulas(book_path), book_path
        members = _emails(rows)
        for eml in (folder / "kitap_yazilar").glob("*.eml"):
            msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
            to = msg["To"].addresses if msg["To"] else ()
            assert all(a.addr_spec in members for a in to), (to, members)
            assert msg["Bcc"] is None and msg["Cc"] is None


@FUZZ
@given(book=hostile_books())
def test_every_button_on_a_live_book_with_hostile_cells(book, monkeypatch):
    import xlwings as xw

    from .test_makro import payload_from_xlsx

    rows, settings_values = book
    monkeypatch.setattr(makro, "_today", lambda: TODAY)
    with tempfile.TemporaryDirectory(prefix="gockurul-fuzz-") as tmp_name:
        root = Path(tmp_name)
        monkeypatch.setenv("HOME", str(root / "ev"))
        path = root / "kitap.xlsx"
        fill_workbook(path, settings_values, rows, overwrite=True)
        payload = payload_from_xlsx(path, selection=("Toplantılar", "B2"))
        hostile = {"'" + v for v in _user_formulas(rows, settings_values)}
        for button in makro.BUTTONS:
            live = xw.Book(json=copy.deepcopy(payload))
            try:
                message = getattr(makro, button)(live)
                actions = live.json()["actions"]
            finally:
                live.close()
            assert "Traceback" not in message and "beklenmeyen" not in message.lower(), (button, message)
            written = [
                v for a in actions if a["func"] == "setValues" for row in a["values"] for v in row if isinstance(v, str)
            ]
            # A text that looks like a formula goes with Excel's text prefix; the only formulas are our links.
            raw = [v for v in written if v.startswith(FORMULA_STARTS) and not v.startswith('=HYPERLINK("#')]
            assert not raw, (button, raw[:3])
            assert not [v for v in written if v.startswith('=HYPERLINK("#') and v[1:] in hostile]
