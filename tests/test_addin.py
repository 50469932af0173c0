"""The desktop add-in, built without Excel (MS-OVBA): oletools and LibreOffice read our module back from the
shipped gockurul.xlam, byte for byte; the PROJECT and dir streams list it; no compiled cache is carried; the
config sheet holds every key xlwings' VBA asks for and keeps its code name; the VBA is guarded when no
workbook is open; `gockurul eklenti` only writes the config sheet."""

from __future__ import annotations

import io
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import olefile
import pytest
import python_calamine
import xlwings as xw
from lxml import etree
from oletools.olevba import VBA_Parser, decompress_stream

from gockurul_excel import makro
from gockurul_excel.errors import GocKurulError
from gockurul_excel.files import addin, vbaproject
from gockurul_excel.live import backend

from .conftest import run_cli, soffice

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def olevba_sources(data: bytes) -> dict[str, str]:
    parser = VBA_Parser("vbaProject.bin", data=data)
    try:
        return {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


@pytest.fixture(scope="module")
def template_vba() -> str:
    return olevba_sources(zipfile.ZipFile(addin.template_path()).read(addin.VBA_PART))["xlwings"]


@pytest.fixture(scope="module")
def shipped() -> dict[str, bytes]:
    with zipfile.ZipFile(addin.SHIPPED) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_template_names_the_project_and_version_we_replace(template_vba):
    name = re.search(r'Const PROJECT_NAME As String = "(\w+)"', template_vba).group(1)
    version = re.search(r'Const XLWINGS_VERSION As String = "([\w.]+)"', template_vba).group(1)
    assert name == addin.TEMPLATE_PROJECT_NAME and version == xw.__version__
    # The VBA reads the add-in's own sheet (ThisWorkbook) before any file.
    assert 'SheetExists(ThisWorkbook, PROJECT_NAME & ".conf")' in template_vba


# --- MS-OVBA: compression checked against oletools' own decompressor ---------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"a",
        b"abc" * 3000,
        bytes(range(256)) * 16,
        os.urandom(4096) * 2 + b"x",
        b"Sub A()\r\n" * 500 + os.urandom(3000),
    ],
)
def test_compression_round_trips_through_olevba(data):
    packed = vbaproject.compress(data)
    assert bytes(decompress_stream(bytearray(packed))) == data
    assert vbaproject.decompress(packed) == data


def test_dir_stream_records_round_trip():
    raw = zipfile.ZipFile(addin.template_path()).read(addin.VBA_PART)
    with olefile.OleFileIO(raw) as ole:
        dir_bytes = bytes(decompress_stream(bytearray(ole.openstream("VBA/dir").read())))
    assert vbaproject.write_dir(vbaproject.parse_dir(dir_bytes)) == dir_bytes


# --- the shipped add-in -------------------------------------------------------------------------------


def test_shipped_addin_is_the_build_of_these_sources(tmp_path):
    """The committed gockurul.xlam is exactly what the build makes from xlwings' template and GocKurul.bas:
    edit the .bas (or update xlwings) and this fails until `python -m gockurul_excel.files.addin` is run."""
    fresh = addin.build_from_template(tmp_path / "gockurul.xlam")
    assert fresh.read_bytes() == addin.SHIPPED.read_bytes()


def test_olevba_reads_every_module_back_byte_for_byte(shipped, template_vba):
    ours = olevba_sources(shipped[addin.VBA_PART])
    template = olevba_sources(zipfile.ZipFile(addin.template_path()).read(addin.VBA_PART))
    assert set(ours) == {*template, addin.MODULE_NAME}
    assert ours[addin.MODULE_NAME] == addin.module_source()
    assert ours[addin.MODULE_NAME].encode("ascii")  # the module stays ASCII
    for name, code in template.items():
        if name == "xlwings":  # only its project name changes
            code = code.replace(
                f'PROJECT_NAME As String = "{addin.TEMPLATE_PROJECT_NAME}"',
                f'PROJECT_NAME As String = "{addin.PROJECT_NAME}"',
            )
        assert ours[name] == code, name
    assert f'Public Const PROJECT_NAME As String = "{addin.PROJECT_NAME}"' in ours["xlwings"]


def test_project_and_dir_streams_list_the_module_without_compiled_cache(shipped):
    with olefile.OleFileIO(shipped[addin.VBA_PART]) as ole:
        names = ["/".join(p) for p in ole.listdir()]
        project = ole.openstream("PROJECT").read().decode("latin-1")
        dir_bytes = bytes(decompress_stream(bytearray(ole.openstream("VBA/dir").read())))
        vba_project = ole.openstream("VBA/_VBA_PROJECT").read()
        wm = ole.openstream("PROJECTwm").read()
    assert "Module=GocKurul\r\n" in project and f'Name="{addin.VBA_PROJECT_NAME}"' in project
    records = vbaproject.parse_dir(dir_bytes)
    mods = vbaproject.modules(records, vbaproject.codepage_of(records))
    assert [m.name for m in mods][-1] == addin.MODULE_NAME and "VBA/GocKurul" in names
    count = next(struct.unpack("<H", p)[0] for r, p in records if r == vbaproject.PROJECTMODULES)
    assert count == len(mods) == 6
    assert next(p for r, p in records if r == vbaproject.PROJECTNAME) == addin.VBA_PROJECT_NAME.encode()
    # No compiled cache: source only in every module stream, the _VBA_PROJECT header of MS-OVBA 2.3.4.1 with
    # version 0xFFFF and no PerformanceCache, no __SRP_ streams.
    assert all(m.offset == 0 for m in mods)
    assert vba_project == bytes.fromhex("CC61FFFF000000")
    assert not [n for n in names if "__SRP_" in n]
    assert b"GocKurul\0" + "GocKurul".encode("utf-16-le") + b"\0\0" in wm


def test_libreoffice_opens_the_addin_and_lists_the_module(tmp_path):
    """A real office program (LibreOffice, through Python-UNO) opens the .xlam and lists our module in the
    VBA library it imported, with our Subs."""
    exe = soffice()
    if exe is None:
        pytest.skip("LibreOffice yok")
    script = Path(__file__).with_name("lo_vba_modules.py")
    done = subprocess.run(
        ["/usr/bin/python3", str(script), exe, str(addin.SHIPPED), str(tmp_path / "profile")],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    listing = done.stdout
    lib = addin.VBA_PROJECT_NAME  # LibreOffice names the library after the VBA project
    assert f"MODULE {lib}/GocKurul" in listing and f"MODULE {lib}/xlwings" in listing, listing[:2000]
    ours = listing.split(f"MODULE {lib}/GocKurul", 1)[1].split("MODULE ", 1)[0]
    for sub in addin.vba_subs(addin.VBA_MODULE.read_text(encoding="ascii")):
        assert f"Sub {sub}(" in ours, sub


def test_config_sheet_holds_every_key_xlwings_asks_for(tmp_path, shipped):
    vba = olevba_sources(shipped[addin.VBA_PART])["xlwings"]
    asked = set(re.findall(r'GetConfig\("([A-Z_ ]+)"', vba))
    xlam = tmp_path / "gockurul.xlam"
    shutil.copyfile(addin.SHIPPED, xlam)
    addin.configure(xlam, r"C:\GocKurul\venv\Scripts\pythonw.exe")
    config = addin.read_config(xlam)
    assert config["INTERPRETER_WIN"] == r"C:\GocKurul\venv\Scripts\pythonw.exe"
    assert config["ADD_WORKBOOK_TO_PYTHONPATH"] == "False" and config[addin.VERSION_KEY] == xw.__version__
    # Every key the VBA asks for is on our sheet, so GetConfig stops there and never reads a gockurul.conf
    # file; TEMP DIR keeps xlwings' default (an empty one would put the log at the drive's root).
    assert set(config) - {addin.VERSION_KEY} == asked
    assert config["TEMP DIR"] == "%TEMP%" and config["SHOW_ERROR_POPUPS"] == "True"
    with zipfile.ZipFile(xlam) as z:
        workbook = etree.fromstring(z.read("xl/workbook.xml"))
        sheet_xml = etree.fromstring(z.read("xl/worksheets/sheet1.xml"))
        ribbon = z.read(addin.RIBBON_PART).decode("utf-8")
        vba_after = z.read(addin.VBA_PART)
    assert [s.get("name") for s in workbook.iter(f"{NS}sheet")] == [addin.CONFIG_SHEET]
    # The sheet keeps its code name: vbaProject.bin has the document module Sheet2 for it.
    assert sheet_xml.find(f"{NS}sheetPr").get("codeName") == "Sheet2"
    assert "Document=Sheet2/" in vbaproject.project_text(vba_after)
    assert vba_after == shipped[addin.VBA_PART]  # configuring touches only the sheet
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(xlam.read_bytes()))
    rows = book.get_sheet_by_name(addin.CONFIG_SHEET).to_python()
    assert [r[0] for r in rows] == list(config) and all(r[0] for r in rows)  # A1 down without a gap
    assert "Göç Kurulu" in ribbon and "office/2006/01/customui" in ribbon
    assert addin.ribbon_callbacks(ribbon) <= addin.vba_subs(addin.VBA_MODULE.read_text(encoding="ascii"))


def test_template_as_shipped_by_xlwings_has_no_active_config():
    assert addin.read_config(addin.template_path()) == {}


def _vba_string(expr: str) -> str:
    """The value of a VBA string expression of "literals" and ChrW(n) joined by &."""
    out = ""
    for token in re.findall(r'"[^"]*"|ChrW\(\d+\)', expr):
        out += token[1:-1] if token.startswith('"') else chr(int(token[5:-1]))
    return out


def test_every_button_is_guarded_when_no_workbook_is_open():
    text = addin.module_source()
    subs = re.findall(r"^Sub (\w+)\(Optional control As Variant\)\r\n(.*?)\r\nEnd Sub", text, re.M | re.S)
    assert len(subs) == len(makro.BUTTONS)
    for name, body in subs:
        first = body.split("\r\n")[0].strip()
        assert first == "If ActiveWorkbook Is Nothing Then NoWorkbook: Exit Sub", name
    box = re.search(r"Private Sub NoWorkbook\(\)\r\n(?:\s*'.*\r\n)*\s*MsgBox (.*?)\r\nEnd Sub", text, re.S).group(1)
    message, _, title = re.sub(r" _\r\n\s*", " ", box).rpartition(", vbExclamation, ")
    assert _vba_string(message) == addin.NO_WORKBOOK_MESSAGE and _vba_string(title) == "Göç Kurulu"


def test_ribbon_subs_call_existing_buttons():
    text = addin.VBA_MODULE.read_text(encoding="ascii")  # ASCII: the VBA editor imports in the ANSI code page
    calls = dict(
        re.findall(
            r'^Sub (\w+)\(.*?\)\s*\n.*\n\s*RunPython "import gockurul_excel\.makro as m; m\.(\w+)\(\)"', text, re.M
        )
    )
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


def test_eklenti_writes_only_the_config_sheet_on_any_system(tmp_path):
    out = tmp_path / "gockurul.xlam"
    proc = run_cli("eklenti", "--cikti", str(out), "--python", r"%LOCALAPPDATA%\X\pythonw.exe")
    assert proc.returncode == 0, proc.stderr
    assert addin.read_config(out)["INTERPRETER_WIN"] == r"%LOCALAPPDATA%\X\pythonw.exe"
    with zipfile.ZipFile(out) as z, zipfile.ZipFile(addin.SHIPPED) as s:
        changed = [n for n in s.namelist() if z.read(n) != s.read(n)]
    assert changed == ["xl/worksheets/sheet1.xml"]
    check = run_cli("eklenti", "--kontrol")
    assert check.returncode == 0 and addin.CONFIG_SHEET in check.stdout, check.stdout + check.stderr


def test_eklenti_refuses_a_shipped_addin_of_another_xlwings(tmp_path, monkeypatch):
    monkeypatch.setattr(xw, "__version__", "0.0.1")
    with pytest.raises(GocKurulError, match="xlwings"):
        addin.build_addin(tmp_path / "gockurul.xlam")
    assert list(tmp_path.iterdir()) == []


# --- doktor tells the truth ---------------------------------------------------------------------------


def _addin_for(tmp_path: Path, interpreter: str, name: str = "gockurul.xlam") -> Path:
    xlam = tmp_path / name
    shutil.copyfile(addin.SHIPPED, xlam)
    addin.configure(xlam, interpreter)
    return xlam


def _doktor(xlam: Path, tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PYTHONIOENCODING": "utf-8", "HOME": str(tmp_path), **env}
    return subprocess.run(
        [sys.executable, "-m", "gockurul_excel", "doktor", "--eklenti", str(xlam)],
        capture_output=True,
        text=True,
        env=environ,
        timeout=300,
    )


def _line(out: str, name: str) -> str:
    return next(line for line in out.splitlines() if f"] {name}:" in line)


def test_doktor_passes_on_a_correct_install(tmp_path):
    """The add-in names this Python through a %VAR% (as kur.ps1's default does); doktor expands it, finds our
    module in the PROJECT stream and runs xlwings' RunPython command line on the example book."""
    folder = Path(addin.interpreter_for()).parent
    xlam = _addin_for(tmp_path, "%GOCKURUL_TEST_PY%" + os.sep + Path(addin.interpreter_for()).name)
    proc = _doktor(xlam, tmp_path, GOCKURUL_TEST_PY=str(folder))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _line(proc.stdout, "Kurulu eklenti").startswith("[TAMAM")
    button = _line(proc.stdout, "Örnek kitapta düğme")
    assert button.startswith("[TAMAM") and "RunPython" in button and "Kontrol tamamlandı" in button
    assert "Traceback" not in proc.stdout + proc.stderr


def test_doktor_fails_in_turkish_for_a_wrong_interpreter(tmp_path):
    xlam = _addin_for(tmp_path, r"%LOCALAPPDATA%\Yok\venv\Scripts\pythonw.exe")
    proc = _doktor(xlam, tmp_path, LOCALAPPDATA=str(tmp_path / "yerel"))
    assert proc.returncode == 1, proc.stdout
    installed = _line(proc.stdout, "Kurulu eklenti")
    assert installed.startswith("[HATA") and "diye bir dosya yok" in installed
    assert str(tmp_path / "yerel") in installed  # shown after expansion
    assert "Could not find Interpreter!" in installed
    assert _line(proc.stdout, "Örnek kitapta düğme").startswith("[HATA")
    assert "Traceback" not in proc.stdout + proc.stderr


def test_doktor_fails_in_turkish_for_an_addin_without_our_module(tmp_path):
    """An .xlam whose VBA project is xlwings' own (no GocKurul module): the ribbon's macros do not exist."""
    xlam = _addin_for(tmp_path, addin.interpreter_for())
    infos, members = addin._read_members(xlam)
    members[addin.VBA_PART] = zipfile.ZipFile(addin.template_path()).read(addin.VBA_PART)
    addin._replace(xlam, infos, members)
    proc = _doktor(xlam, tmp_path)
    assert proc.returncode == 1, proc.stdout
    installed = _line(proc.stdout, "Kurulu eklenti")
    assert installed.startswith("[HATA") and "'GocKurul' modülü yok" in installed
    assert _line(proc.stdout, "Örnek kitapta düğme").startswith("[HATA")


def test_runpython_call_is_the_line_xlwings_builds(tmp_path, template_vba):
    """The cmd.exe line ExecuteWindows builds, from xlwings' VBA: interpreter in quotes, -B -c with
    prepare_sys_path of the escaped PYTHONPATH, then --wb/--from_xl/--app/--hwnd and stderr to the log."""
    from gockurul_excel import doctor

    assert 'PYTHONPATH = Replace(PYTHONPATH, "\\", "\\\\")' in template_vba
    assert '" -B -c ""import xlwings.utils;xlwings.utils.prepare_sys_path(\\""" & PYTHONPATH' in template_vba
    call = doctor.runpython_call(
        r"C:\P Q\pythonw.exe",
        "import m; m.f()",
        {"ADD_WORKBOOK_TO_PYTHONPATH": "False"},
        Path(r"C:\K\A&B.xlsx"),
        Path(r"C:\X\gockurul.xlam"),
        Path(r"C:\T\x.log"),
        app=r"C:\O\EXCEL.EXE",
        hwnd="42",
    )
    assert call.line.startswith(r'cmd.exe /C C: & cd "C:\P Q" & "C:\P Q\pythonw.exe" -B -c "import xlwings.utils;')
    assert r'prepare_sys_path(\"False;C:\\K\\A^&B.xlsx;C:\\X\\gockurul.xlam;;;;\"); import m; m.f()"' in call.line
    assert call.line.endswith(r' --wb="A&B.xlsx" --from_xl=1 --app="C:\O\EXCEL.EXE" --hwnd="42" 2> "C:\T\x.log" ')
    assert call.argv[1:3] == ["-B", "-c"] and call.argv[4:] == [
        "--wb=A&B.xlsx",
        "--from_xl=1",
        r"--app=C:\O\EXCEL.EXE",
        "--hwnd=42",
    ]
    assert doctor.kontrol_command(addin.SHIPPED) == "import gockurul_excel.makro as m; m.kontrol_et()"


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
    for part in (
        "addin/GocKurul.bas",
        "addin/customUI14.xml",
        "addin/gockurul.xlam",
        "offline/kur.ps1",
        "server/templates/manifest.xml",
    ):
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
