"""The desktop add-in: what its VBA reads (from xlwings' real template, with oletools) is what we write; the
ribbon calls Subs that exist; the build cleans up after a failure; the buttons find their book and are never
silent; frozen panes through the desktop object model."""

from __future__ import annotations

import io
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
import python_calamine
import xlwings as xw
from lxml import etree
from oletools.olevba import VBA_Parser

from gockurul_excel import makro
from gockurul_excel.errors import GocKurulError
from gockurul_excel.files import addin
from gockurul_excel.live import backend

from .conftest import run_cli


@pytest.fixture(scope="module")
def template_vba() -> str:
    parser = VBA_Parser(str(addin.template_path()))
    try:
        return "\n".join(code for _, _, _, code in parser.extract_macros())
    finally:
        parser.close()


def test_project_name_and_version_are_read_from_the_template(template_vba):
    name = re.search(r'Const PROJECT_NAME As String = "(\w+)"', template_vba).group(1)
    version = re.search(r'Const XLWINGS_VERSION As String = "([\w.]+)"', template_vba).group(1)
    assert name == addin.PROJECT_NAME and addin.CONFIG_SHEET == f"{name}.conf"
    assert version == xw.__version__
    # The VBA reads the add-in's own sheet (ThisWorkbook) before any file.
    assert 'SheetExists(ThisWorkbook, PROJECT_NAME & ".conf")' in template_vba


def test_config_sheet_holds_the_keys_its_vba_reads(tmp_path, template_vba):
    xlam = tmp_path / "gockurul.xlam"
    shutil.copyfile(addin.template_path(), xlam)
    addin.configure(xlam, r"C:\GocKurul\venv\Scripts\pythonw.exe")
    config = addin.read_config(xlam)
    assert config["INTERPRETER_WIN"] == r"C:\GocKurul\venv\Scripts\pythonw.exe"
    assert config["ADD_WORKBOOK_TO_PYTHONPATH"] == "False"
    assert config[addin.VERSION_KEY] == xw.__version__
    asked = set(re.findall(r'GetConfig\("([A-Z_ ]+)"', template_vba))
    assert {k for k in config if k != addin.VERSION_KEY} <= asked, asked
    # A real reader sees the enabled sheet with keys from A1 down, without gaps (the VBA stops at a gap).
    with zipfile.ZipFile(xlam) as z:
        names = [s.get("name") for s in etree.fromstring(z.read("xl/workbook.xml")).iter(
            "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet")]
        ribbon = z.read(addin.RIBBON_PART).decode("utf-8")
    assert names == [addin.CONFIG_SHEET]
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(xlam.read_bytes()))
    rows = book.get_sheet_by_name(addin.CONFIG_SHEET).to_python()
    assert [r[0] for r in rows] == list(config) and all(r[0] for r in rows)
    assert "Göç Kurulu" in ribbon and "office/2006/01/customui" in ribbon
    assert addin.ribbon_callbacks(ribbon) <= addin.vba_subs(addin.VBA_MODULE.read_text(encoding="ascii"))


def test_template_as_shipped_has_no_active_config():
    assert addin.read_config(addin.template_path()) == {}


def test_ribbon_subs_call_existing_buttons():
    text = addin.VBA_MODULE.read_text(encoding="ascii")  # ASCII: the VBA editor imports in the ANSI code page
    calls = dict(re.findall(r'^Sub (\w+)\(.*?\)\s*\n\s*RunPython "import gockurul_excel\.makro as m; m\.(\w+)\(\)"',
                            text, re.M))
    assert set(calls.values()) == set(makro.BUTTONS)
    assert addin.ribbon_callbacks(addin.RIBBON.read_text(encoding="utf-8")) == set(calls)


def test_vba_module_is_imported_with_crlf(tmp_path):
    copy = addin._crlf_copy(addin.VBA_MODULE, tmp_path)
    data = copy.read_bytes()
    assert data.startswith(b'Attribute VB_Name = "GocKurul"\r\n') and b"\n" not in data.replace(b"\r\n", b"")


def test_interpreter_is_pythonw_beside_python_exe(tmp_path):
    (tmp_path / "python.exe").write_bytes(b"")
    assert addin.interpreter_for(tmp_path / "python.exe") == str(tmp_path / "python.exe")
    (tmp_path / "pythonw.exe").write_bytes(b"")
    assert addin.interpreter_for(tmp_path / "python.exe") == str(tmp_path / "pythonw.exe")


def test_build_leaves_nothing_behind_when_excel_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(addin.tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()

    def refuse(path):
        raise GocKurulError("Excel VBA projesine erişim vermedi. " + addin.NEEDS)

    monkeypatch.setattr(addin, "import_vba", refuse)
    out = tmp_path / "out" / "gockurul.xlam"
    with pytest.raises(GocKurulError, match="güvenilir erişim"):
        addin.build_addin(out)
    assert not out.exists() and list((tmp_path / "tmp").iterdir()) == []
    assert list((tmp_path / "out").iterdir()) == []


def test_build_writes_a_configured_addin(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    imported = []
    monkeypatch.setattr(addin, "import_vba", imported.append)
    out = addin.build_addin(tmp_path / "gockurul.xlam", interpreter=r"C:\P\pythonw.exe")
    assert len(imported) == 1 and out.is_file()
    assert addin.read_config(out)["INTERPRETER_WIN"] == r"C:\P\pythonw.exe"


def test_eklenti_says_what_it_needs_off_windows(tmp_path):
    if sys.platform == "win32":
        pytest.skip("Windows builds the add-in")
    proc = run_cli("eklenti", "--cikti", str(tmp_path / "gockurul.xlam"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "Windows" in proc.stderr and "güvenilir erişim" in proc.stderr
    assert list(tmp_path.iterdir()) == []
    check = run_cli("eklenti", "--kontrol")
    assert check.returncode == 0 and addin.CONFIG_SHEET in check.stdout, check.stdout + check.stderr


# --- the buttons on desktop: caller, message box, frozen panes ---------------------------------------

class FakeBook:
    def __init__(self, name, folder="C:\\Kurul"):
        self.name = name
        self.fullname = f"{folder}\\{name}"


class FakeApp:
    def __init__(self, *books):
        self.books = list(books)


def test_find_open_book_matches_exact_names_only():
    istanbul = FakeBook("İSTANBUL_İLÇE_2026.xlsx")
    apps = [FakeApp(FakeBook("Kitap1.xlsx")), FakeApp(istanbul)]
    assert backend.find_open_book("İSTANBUL_İLÇE_2026.xlsx", apps) is istanbul
    assert backend.find_open_book("C:\\Kurul\\İSTANBUL_İLÇE_2026.xlsx", apps) is istanbul
    # Book.caller() looks names up lower-cased: Python's 'İ'.lower() is not what Excel has.
    assert backend.find_open_book("İSTANBUL_İLÇE_2026.xlsx".lower(), apps) is None
    assert backend.find_open_book("Kitap1.xlsx", [*apps, FakeApp(FakeBook("Kitap1.xlsx", "D:\\"))]) is None
    assert backend.caller_name(["-c", '--wb="İLÇE.xlsx"', "--from_xl=1"]) == "İLÇE.xlsx"


def test_caller_falls_back_to_the_open_book_of_that_name(monkeypatch):
    book = FakeBook("İLÇE.xlsx")
    monkeypatch.setattr(xw.Book, "caller", classmethod(lambda cls: (_ for _ in ()).throw(KeyError("i̇lçe.xlsx"))))
    monkeypatch.setattr(xw, "apps", [FakeApp(book)])
    monkeypatch.setattr(sys, "argv", ["-c", "--wb=İLÇE.xlsx", "--from_xl=1"])
    assert makro._caller(None) is book


def test_caller_failure_is_never_silent(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(xw.Book, "caller", classmethod(lambda cls: (_ for _ in ()).throw(RuntimeError("yok"))))
    monkeypatch.setattr(xw, "apps", [])
    monkeypatch.setattr(makro, "_fallback_log", lambda: tmp_path / "gockurul-hata.log")
    monkeypatch.setattr(sys, "argv", ["-c", "--wb=Yok.xlsx", "--from_xl=1"])
    # Under RunPython the message goes to stderr with a non-zero exit: xlwings' VBA shows it in a message box.
    with pytest.raises(SystemExit) as stop:
        makro.kontrol_et()
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert "Kontrol Et yapılamadı" in err and "gockurul doktor" in err
    assert "Kontrol Et yapılamadı" in (tmp_path / "gockurul-hata.log").read_text(encoding="utf-8")


class FakeWindow:
    def __init__(self):
        self.calls = []

    def __setattr__(self, key, value):
        if key != "calls":
            self.calls.append((key, value))
        object.__setattr__(self, key, value)


class FakeSheet:
    def __init__(self, name, book):
        self.name, self.book = name, book

    def activate(self):
        self.book.active = self


class FakeDesktopBook:
    def __init__(self):
        self.window = FakeWindow()
        self.app = type("App", (), {"api": type("Api", (), {"ActiveWindow": self.window})()})()
        self.active = FakeSheet("Toplantılar", self)
        self.sheets = type("Sheets", (), {"active": property(lambda s: self.active)})()


def test_desktop_freezes_panes_through_the_window():
    book = FakeDesktopBook()
    sheet = FakeSheet("Kontrol", book)
    assert backend.freeze_panes(sheet, "B4", backend.DESKTOP)
    calls = book.window.calls
    assert ("SplitRow", 3) in calls and ("SplitColumn", 1) in calls and calls[-1] == ("FreezePanes", True)
    assert book.active.name == "Toplantılar"  # the user is given back the sheet they were on
    assert not backend.freeze_panes(sheet, "B4", backend.LIMITED)


def test_lite_and_server_send_only_the_sheets_a_button_reads():
    from gockurul_excel import contract

    assert set(makro.SHEETS_READ) == set(makro.BUTTONS)
    for name, sheets in makro.SHEETS_READ.items():
        assert contract.CONTROL_PANEL_SHEET in sheets
        assert not any(contract.is_generated_sheet(s) and s not in contract.STATE_SHEETS for s in sheets), name
    assert set(contract.INPUT_SHEETS) <= set(makro.SHEETS_READ["kontrol_et"])
    grouped = [b for names in makro.BUTTON_GROUPS.values() for b in names]
    assert sorted(grouped) == sorted(makro.BUTTONS) and len(grouped) == len(set(grouped))


def test_assets_are_package_data():
    root = Path(addin.__file__).resolve().parent.parent / "assets"
    for part in ("addin/GocKurul.bas", "addin/customUI14.xml", "offline/kur.ps1", "server/templates/manifest.xml"):
        assert (root / part).is_file(), part


def test_doctor_presses_a_button_without_a_box_nobody_can_click(make_book):
    from .test_makro import remote_book

    book = remote_book(make_book())
    quiet = makro.MESSAGE_BOX.set(False)
    try:
        makro.kontrol_et(book)
    finally:
        makro.MESSAGE_BOX.reset(quiet)
    funcs = [a["func"] for a in book.json()["actions"]]
    assert "alert" not in funcs and "setValues" in funcs  # the status cell still says it
    book.close()
    loud = remote_book(make_book(name="ikinci.xlsx"))
    makro.kontrol_et(loud)
    assert "alert" in [a["func"] for a in loud.json()["actions"]]
    loud.close()
