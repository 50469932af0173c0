"""The commands layer is pure, and every entry point is one call of it.

- Purity: with `open`, `os.replace` and `zipfile.ZipFile` made to fail, every `commands` function runs on a
  province workbook held in memory that has merged district sheets (the state the core reads back).
- Parity: every Excel button calls one `commands` function, every CLI command one `operations` function.
- Every header a core/sheets/platform module reads by name exists in the contract.
"""

from __future__ import annotations

import ast
import builtins
import datetime as dt
import os
import zipfile
from pathlib import Path

import pytest

from gockurul_excel import commands, contract, example, makro, rules
from gockurul_excel.core.merge import Unusable, incoming_from_workbook
from gockurul_excel.core.model import workbook_from_rows
from gockurul_excel.sheetspec import SheetSpec

from .conftest import clean_example_rows

PACKAGE = Path(__file__).resolve().parent.parent / "gockurul_excel"
TODAY = dt.date(2026, 11, 24)
NOW = dt.datetime(2026, 11, 24, 10, 0)
BOARD = rules.MeetingCategory.DISTRICT_BOARD.value


def rows_of(spec: SheetSpec) -> list[list]:
    """The cells of a generated sheet as a reader gives them back (row 1 first, blanks as None)."""
    last_row, last_col = spec.extent()
    grid = [[None] * last_col for _ in range(last_row)]
    for b in spec.blocks:
        for i, row in enumerate(b.values):
            for j, v in enumerate(row):
                grid[b.row - 1 + i][b.col - 1 + j] = v
    return grid


def district_book(name: str, population: int, meetings: list[dt.date]):
    settings = {
        "Kurul Türü": "İlçe",
        "İl": "Gaziantep",
        "İlçe": name,
        "Yıl": example.YEAR,
        "Yabancı Nüfusu": population,
        "Hudut İlçesi": "Hayır",
        contract.S_PROVINCE_EMAIL: "gaziantep.gim@goc.gov.tr",
        rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Hayır",
        rules.SETTING_DISTRICT_RED_CRESCENT: "Hayır",
        rules.SETTING_DISTRICT_UNIVERSITY: "Hayır",
    }
    rows = {
        "Toplantılar": [
            [i, BOARD, "Olağan", day, day, dt.time(10), "Kaymakamlık", None, None]
            for i, day in enumerate(meetings, start=1)
        ],
        "Kararlar": [
            [1, 1, "Karar", "Gerekçe", "Amaç", "Nizip Kaymakamlığı", dt.date(example.YEAR, 12, 1), "Bekliyor"]
        ],
        "Katılımcılar": [[1, 1, f"{name} Kaymakamlığı", "Kaymakam", "A B", "0532 123 45 67", "Hayır"]],
    }
    return workbook_from_rows(settings, rows, path=Path(f"{name}.xlsx"))


@pytest.fixture(scope="module")
def province():
    """The example province with two districts merged (in memory: the merge's sheets become the state rows)."""
    rows = clean_example_rows()
    rows["İlçeler"] = [["Nizip", 2_000, "Hayır"], ["Şahinbey", 2_001, "Hayır"], ["Karkamış", 500, "Evet"]]
    bare = workbook_from_rows(example.example_settings(), rows, path=Path("il.xlsx"))
    sources = [
        incoming_from_workbook("nizip.xlsx", district_book("Nizip", 2_000, [dt.date(example.YEAR, 2, 20)])),
        incoming_from_workbook("sahinbey.xlsx", district_book("Şahinbey", 2_001, [dt.date(example.YEAR, 9, 10)])),
        Unusable("bozuk.xlsx", "okunamadı"),
    ]
    merged = commands.merge(bare, sources, today=TODAY, now=NOW)
    state = {s.name: rows_of(s) for s in merged.specs if s.name in contract.STATE_SHEETS}
    data = workbook_from_rows(example.example_settings(), rows, state=state, path=Path("il.xlsx"))
    return data, sources


def every_command(data, sources) -> dict[str, commands.Outcome]:
    first = next(r["Toplantı No"] for r in data.records("Toplantılar"))
    return {
        "check": commands.check(data, TODAY),
        "calendar": commands.calendar(data, TODAY, reminder_days=3),
        "minutes": commands.minutes(data, first),
        "attendance": commands.attendance(data, first),
        "agenda": commands.agenda(data, first),
        "year_forms": commands.year_forms(data),
        "annual_report": commands.annual_report(data),
        "action_plan": commands.action_plan(data, TODAY),
        "platform_files": commands.platform_files(data, csv=True),
        "merge": commands.merge(data, sources, today=TODAY, now=NOW),
        "printable": commands.printable("Ek-1 1"),
        "invitations": commands.invitations(data, first, NOW),
        "carry_over": commands.carry_over(data, foreign_population=500_000),
        "district_mail": commands.district_mail(district_book("Nizip", 2_000, [dt.date(example.YEAR, 2, 20)])),
    }


def test_the_in_memory_province_has_merged_district_state(province):
    data, _ = province
    assert set(contract.STATE_SHEETS) - {contract.INVITATION_LOG_SHEET} <= set(data.sheet_rows)
    found = commands.check(data, TODAY).payload
    # Karkamış (border district) has no merged workbook: its windows are reported once they have passed.
    assert any(f.rule == rules.DISTRICT_WINDOW_ARTICLES and "Karkamış" in f.message for f in found)
    assert not any("Şahinbey" in f.message and "Ağustos/Eylül" in f.message for f in found)


def test_every_command_runs_without_touching_a_file(province, monkeypatch):
    data, sources = province
    every_command(data, sources)  # once with the disk, so libraries load their own data files first

    import docx

    real_open = builtins.open
    library_data = str(Path(docx.__file__).resolve().parent)  # python-docx reads its own blank document

    def forbidden(*args, **kwargs):
        raise AssertionError(f"dosyaya dokunuldu: {args[:1]}")

    def only_library_data(file, *args, **kwargs):
        if isinstance(file, str | Path) and str(Path(file).resolve()).startswith(library_data):
            return real_open(file, *args, **kwargs)
        return forbidden(file)

    monkeypatch.setattr(builtins, "open", only_library_data)
    monkeypatch.setattr(os, "replace", forbidden)
    monkeypatch.setattr(zipfile, "ZipFile", forbidden)
    monkeypatch.setattr(Path, "open", forbidden)
    outcomes = every_command(data, sources)
    monkeypatch.undo()
    assert set(outcomes) == {name for name in dir(commands) if name in outcomes}  # every name is a command
    calendar = outcomes["calendar"]
    assert calendar.payload.ics.startswith(b"BEGIN:VCALENDAR")
    assert contract.FOLLOW_UP_SHEET in calendar.sheet_names  # the merged state was read from memory
    assert outcomes["merge"].payload.entries[-1].action == "reddedildi"
    assert outcomes["invitations"].payload.eml.startswith(b"Subject:")  # e-mail and calendar made in memory
    assert set(outcomes["agenda"].payload) == {"Davet 1.docx", "Tebliğ 1.docx"}
    assert all(o.message for o in outcomes.values())


def test_commands_are_the_only_functions_buttons_and_cli_need():
    """The list above covers every public command of commands.py (a new command must be added there)."""
    tree = ast.parse((PACKAGE / "commands.py").read_text(encoding="utf-8"))
    public = {
        n.name
        for n in tree.body
        if isinstance(n, ast.FunctionDef) and not n.name.startswith("_") and ast.unparse(n.returns) == "Outcome"
    }
    covered = {
        "check",
        "calendar",
        "minutes",
        "attendance",
        "agenda",
        "year_forms",
        "annual_report",
        "action_plan",
        "platform_files",
        "merge",
        "printable",
        "invitations",
        "carry_over",
        "district_mail",
    }
    assert public == covered


def _calls(fn: ast.FunctionDef, module: str) -> set[str]:
    return {
        node.attr
        for node in ast.walk(fn)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == module
    }


def test_every_button_is_one_commands_function():
    tree = ast.parse((PACKAGE / "makro.py").read_text(encoding="utf-8"))
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert set(makro.BUTTONS) <= set(functions)
    for button in makro.BUTTONS:
        used = _calls(functions[button], "commands")
        assert len(used) == 1, (button, used)


def test_every_cli_command_is_one_operations_function():
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    commands_ = [
        n
        for n in tree.body
        if isinstance(n, ast.FunctionDef)
        and any(isinstance(d, ast.Call) and ast.unparse(d.func) == "app.command" for d in n.decorator_list)
    ]
    assert len(commands_) >= 18
    for fn in commands_:
        used = _calls(fn, "operations")
        assert len(used) == 1, (fn.name, used)


def _header_literals(path: Path) -> set[str]:
    """String literals a module reads a record or a sheet with: r["X"], r.get("X"), r.cell("X"), records("X"),
    grouped("S", "X")."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Subscript)
            and not isinstance(node.value, ast.Call)  # not lists()["KurulTuru"]
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str)
        ):
            out.add(node.slice.value)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get", "cell", "records", "grouped", "table")
        ):
            first = node.args[:1] if node.func.attr in ("get", "cell") else node.args  # f.cell(1, "Sayı :") is no read
            out.update(a.value for a in first if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return {s for s in out if s[:1].isupper() or s[:1] in "ÇĞİÖŞÜ"}


def test_every_header_read_by_name_is_in_the_contract():
    from gockurul_excel.core import districts

    known = {c.header for s in contract.SHEETS for c in s.columns} | {s.name for s in contract.SHEETS}
    known |= {s.name for s in contract.SETTINGS} | {contract.SETTINGS_SHEET}
    # The merged district tables add these columns of their own (core/districts.py declares them).
    known |= {districts.DISTRICT, districts.RECEIVED, districts.SOURCE, *districts.LOG_COLS}
    unknown = {}
    for sub in ("core", "sheets", "platform"):
        for path in sorted((PACKAGE / sub).glob("*.py")):
            missing = sorted(h for h in _header_literals(path) if h not in known)
            if missing:
                unknown[path.name] = missing
    assert not unknown, unknown


def test_a_header_typo_is_an_error_not_an_empty_cell(province):
    data, _ = province
    record = data.records("Toplantılar")[0]
    assert record["Açıklama"] is None or isinstance(record["Açıklama"], str)  # a real, empty column
    with pytest.raises(KeyError):
        _ = record["Toplanti No"]  # dotless: a typo
