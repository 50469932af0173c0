"""`gockurul eklenti`: build `gockurul.xlam` from xlwings' own add-in template, configured for this Python.

The template is xlwings' `quickstart_addin_ribbon.xlam` of the installed xlwings, so the add-in's VBA always
matches the xlwings it calls. Its VBA (`PROJECT_NAME = "myaddin"`) reads its settings from a sheet named
`myaddin.conf` inside the add-in before any file, so the add-in carries its own settings: the interpreter of
this Python and ADD_WORKBOOK_TO_PYTHONPATH=False (a OneDrive/SharePoint workbook has a web address, not a
folder, and a stray .py beside a workbook must not shadow a module).

Two steps:
1. the VBA module (GocKurul.bas) is imported through Excel's object model: Windows, Excel and "Trust access
   to the VBA project object model" are needed (`import_vba`);
2. package surgery, on any system: the config sheet gets the settings and the ribbon part is replaced
   (`configure`). `check` runs step 2 on a copy of the template: every asset is found and works.
A failed build leaves no file behind.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import GocKurulError
from .package import NS_MAIN, NS_PKG_REL, NS_R, RT_WORKSHEET, resolve_target, xml_parser

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "addin"
VBA_MODULE = ASSETS / "GocKurul.bas"
RIBBON = ASSETS / "customUI14.xml"
TEMPLATE_NAME = "quickstart_addin_ribbon.xlam"
# PROJECT_NAME in the template's VBA (xlwings.bas); tests/test_addin.py reads it from vbaProject.bin.
PROJECT_NAME = "myaddin"
CONFIG_SHEET = f"{PROJECT_NAME}.conf"
DISABLED_CONFIG_SHEET = f"_{CONFIG_SHEET}"  # how the template ships it: ignored by the VBA
RIBBON_PART = "customUI/customUI.xml"
ADDIN_FILE = "gockurul.xlam"
# Our own key beside xlwings' keys (the VBA ignores keys it does not ask for): which xlwings built it.
VERSION_KEY = "GOCKURUL_XLWINGS_VERSION"

NEEDS = ("Eklentinin VBA modülü Excel üzerinden eklenir; bunun için (1) Windows, (2) Microsoft Excel ve "
         "(3) Excel'de Dosya > Seçenekler > Güven Merkezi > Güven Merkezi Ayarları > Makro Ayarları'nda "
         "'VBA proje nesne modeline güvenilir erişim' kutusunun işaretli olması gerekir (kurulum betiği kur.ps1 "
         "bunu kurulum süresince kendisi açar ve sonra kapatır).")


def xlstart_folder() -> Path:
    """Excel's per-user start-up folder: an add-in there opens with every Excel."""
    appdata = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
    return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"


def template_path() -> Path:
    import xlwings as xw

    return Path(xw.__file__).parent / TEMPLATE_NAME


def interpreter_for(executable: str | os.PathLike | None = None) -> str:
    """The interpreter the add-in starts: pythonw.exe beside python.exe (no console window flashes)."""
    exe = Path(executable or sys.executable)
    windowed = exe.with_name("pythonw.exe")
    if exe.name.lower() == "python.exe" and windowed.exists():
        return str(windowed)
    return str(exe)


def settings_for(interpreter: str) -> list[tuple[str, str]]:
    """The rows of the add-in's config sheet (key, value), read by the template's VBA `GetConfig`."""
    import xlwings as xw

    return [
        ("INTERPRETER_WIN" if (sys.platform == "win32" or interpreter.lower().endswith(".exe"))
         else "INTERPRETER_MAC", interpreter),
        ("ADD_WORKBOOK_TO_PYTHONPATH", "False"),
        ("SHOW CONSOLE", "False"),
        (VERSION_KEY, xw.__version__),
    ]


# --- package surgery (any system) ---------------------------------------------------------------------

def _config_sheet_part(members: dict[str, bytes]) -> tuple[str, etree._Element, etree._Element]:
    """(sheet part name, workbook.xml root, the <sheet> element) of the config sheet, enabled or not."""
    workbook = etree.fromstring(members["xl/workbook.xml"], xml_parser())
    rels = etree.fromstring(members["xl/_rels/workbook.xml.rels"], xml_parser())
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{NS_PKG_REL}}}Relationship")
               if r.get("Type") == RT_WORKSHEET}
    for sheet in workbook.iter(f"{{{NS_MAIN}}}sheet"):
        if sheet.get("name") in (CONFIG_SHEET, DISABLED_CONFIG_SHEET):
            target = targets.get(sheet.get(f"{{{NS_R}}}id"))
            if target:
                return resolve_target("xl/workbook.xml", target), workbook, sheet
    raise GocKurulError(f"Eklenti şablonunda '{DISABLED_CONFIG_SHEET}' ayar sayfası yok; xlwings'in bu sürümü "
                        "desteklenmiyor olabilir.")


def config_sheet_xml(rows: list[tuple[str, str]]) -> bytes:
    """Keys in A, values in B from row 1 without gaps (the VBA reads A1 down to the first empty cell)."""
    root = etree.Element(f"{{{NS_MAIN}}}worksheet", nsmap={None: NS_MAIN})
    etree.SubElement(root, f"{{{NS_MAIN}}}dimension", ref=f"A1:B{max(len(rows), 1)}")
    cols = etree.SubElement(root, f"{{{NS_MAIN}}}cols")
    etree.SubElement(cols, f"{{{NS_MAIN}}}col", min="1", max="1", width="32", customWidth="1")
    etree.SubElement(cols, f"{{{NS_MAIN}}}col", min="2", max="2", width="80", customWidth="1")
    data = etree.SubElement(root, f"{{{NS_MAIN}}}sheetData")
    for i, (key, value) in enumerate(rows, start=1):
        row = etree.SubElement(data, f"{{{NS_MAIN}}}row", r=str(i))
        for col, text in (("A", key), ("B", value)):
            cell = etree.SubElement(row, f"{{{NS_MAIN}}}c", r=f"{col}{i}", t="inlineStr")
            t = etree.SubElement(etree.SubElement(cell, f"{{{NS_MAIN}}}is"), f"{{{NS_MAIN}}}t")
            t.text = text
            if text != text.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def ribbon_xml() -> bytes:
    # The template's part uses the 2006 ribbon schema; ours only uses tabs and buttons, which it has too.
    return RIBBON.read_bytes().replace(b"office/2009/07/customui", b"office/2006/01/customui")


def _write_members(path: Path, infos: list[zipfile.ZipInfo], members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in infos:
            dst.writestr(info, members[info.filename])


def configure(path: Path, interpreter: str, *, ribbon: bool = True) -> None:
    """Write the settings into the add-in's config sheet (enabling it) and, with `ribbon`, our ribbon."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as src:
            infos = src.infolist()
            members = {i.filename: src.read(i.filename) for i in infos}
    except (OSError, zipfile.BadZipFile) as exc:
        raise GocKurulError(f"'{path.name}' okunamadı: bir Excel eklentisi (.xlam) değil ({type(exc).__name__}).") \
            from None
    part, workbook, sheet = _config_sheet_part(members)
    sheet.set("name", CONFIG_SHEET)
    members["xl/workbook.xml"] = etree.tostring(workbook, xml_declaration=True, encoding="UTF-8", standalone=True)
    members[part] = config_sheet_xml(settings_for(interpreter))
    if ribbon:
        if RIBBON_PART not in members:
            raise GocKurulError(f"Eklenti şablonunda şerit parçası ({RIBBON_PART}) yok.")
        members[RIBBON_PART] = ribbon_xml()
    tmp = path.with_name(path.name + ".tmp")
    try:
        _write_members(tmp, infos, members)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def read_config(path: Path) -> dict[str, str]:
    """The add-in's config sheet as {KEY: value} (keys upper-cased as the VBA does); {} when disabled."""
    with zipfile.ZipFile(path) as src:
        members = {n: src.read(n) for n in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")}
        part, _, sheet = _config_sheet_part(members)
        if sheet.get("name") != CONFIG_SHEET:
            return {}
        xml = src.read(part)
        strings: list[str] = []
        if "xl/sharedStrings.xml" in src.namelist():
            sst = etree.fromstring(src.read("xl/sharedStrings.xml"), xml_parser())
            strings = ["".join(si.itertext()) for si in sst.iter(f"{{{NS_MAIN}}}si")]
    cells: dict[str, str] = {}
    for c in etree.fromstring(xml, xml_parser()).iter(f"{{{NS_MAIN}}}c"):
        kind = c.get("t")
        if kind == "inlineStr":
            text = "".join(c.find(f"{{{NS_MAIN}}}is").itertext())
        else:
            v = c.find(f"{{{NS_MAIN}}}v")
            text = "" if v is None else (v.text or "")
            if kind == "s" and text.isdigit():
                text = strings[int(text)]
        cells[c.get("r")] = text
    out: dict[str, str] = {}
    row = 1
    while cells.get(f"A{row}"):
        out[cells[f"A{row}"].upper()] = cells.get(f"B{row}", "")
        row += 1
    return out


def vba_subs(text: str) -> set[str]:
    """The Sub names a VBA module defines."""
    return set(re.findall(r"^\s*(?:Public\s+)?Sub\s+(\w+)\s*\(", text, re.M | re.I))


def ribbon_callbacks(xml: str) -> set[str]:
    """The macro names the ribbon's buttons call (onAction)."""
    root = etree.fromstring(xml.encode("utf-8"), xml_parser())
    return {el.get("onAction") for el in root.iter() if el.get("onAction")}


# --- the VBA step (Windows + Excel) -------------------------------------------------------------------

def _crlf_copy(source: Path, folder: Path) -> Path:
    """VBA imports a module with LF line endings wrongly (the Attribute line becomes code)."""
    text = source.read_text(encoding="ascii")
    target = folder / source.name
    target.write_bytes(text.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii"))
    return target


def import_vba(path: Path) -> None:  # pragma: no cover - needs Windows and Excel
    """Import GocKurul.bas into the add-in at `path` through Excel (hidden), then save it."""
    if sys.platform != "win32":
        raise GocKurulError("Eklenti yalnızca Windows'ta yapılabilir. " + NEEDS)
    import xlwings as xw

    try:
        app = xw.App(visible=False, add_book=False)
    except Exception as exc:
        raise GocKurulError(f"Microsoft Excel başlatılamadı ({type(exc).__name__}). " + NEEDS) from None
    try:
        app.display_alerts = False
        book = app.books.open(str(path))
        try:
            project = book.api.VBProject
            components = project.VBComponents
        except Exception:
            raise GocKurulError("Excel VBA projesine erişim vermedi. " + NEEDS) from None
        with tempfile.TemporaryDirectory() as folder:
            components.Import(_crlf_copy(VBA_MODULE, Path(folder)))
        book.save()
        book.close()
    finally:
        try:
            app.quit()
        except Exception:
            pass


# --- the whole build ----------------------------------------------------------------------------------

@dataclass
class Check:
    ok: bool
    lines: list[str]


def check(interpreter: str | None = None) -> Check:
    """Every asset the build needs is found and the package step works (on a copy; nothing is kept)."""
    lines: list[str] = []
    ok = True
    for label, path in (("VBA modülü", VBA_MODULE), ("Şerit (ribbon)", RIBBON), ("xlwings eklenti şablonu",
                                                                                  template_path())):
        found = path.is_file()
        ok &= found
        lines.append(f"{'[TAMAM]' if found else '[HATA] '} {label}: {path}")
    if not ok:
        return Check(False, lines)
    missing = ribbon_callbacks(RIBBON.read_text(encoding="utf-8")) - vba_subs(VBA_MODULE.read_text(encoding="ascii"))
    if missing:
        ok = False
        lines.append(f"[HATA]  Şeridin çağırdığı ama VBA modülünde olmayan makrolar: {', '.join(sorted(missing))}")
    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / ADDIN_FILE
        shutil.copyfile(template_path(), trial)
        try:
            configure(trial, interpreter or interpreter_for())
            config = read_config(trial)
        except GocKurulError as exc:
            return Check(False, [*lines, f"[HATA]  Eklenti paketi hazırlanamadı: {exc}"])
        lines.append(f"[TAMAM] Ayar sayfası '{CONFIG_SHEET}': " + ", ".join(f"{k}={v}" for k, v in config.items()))
    if sys.platform != "win32":
        lines.append("[BİLGİ] VBA modülü yalnızca Windows'ta Excel ile eklenir; bu bilgisayarda eklentinin o adımı "
                     "yapılamaz.")
    return Check(ok, lines)


def build_addin(output: Path, interpreter: str | None = None) -> Path:
    """Build `output` (.xlam): template copy, VBA imported through Excel, settings and ribbon written.
    A failure leaves neither `output` nor a temporary file."""
    if sys.platform != "win32":
        raise GocKurulError("Eklenti (gockurul.xlam) yalnızca Windows'ta yapılabilir. " + NEEDS)
    output = Path(output).resolve()
    if output.suffix.lower() != ".xlam":
        raise GocKurulError(f"'{output.name}': eklenti dosyasının uzantısı .xlam olmalı.")
    template = template_path()
    if not template.is_file():
        raise GocKurulError(f"xlwings'in eklenti şablonu bulunamadı: {template}. xlwings'i yeniden kurun.")
    output.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="gockurul-eklenti-"))
    try:
        staged = work / ADDIN_FILE
        shutil.copyfile(template, staged)
        import_vba(staged)
        configure(staged, interpreter or interpreter_for())
        try:
            shutil.copyfile(staged, output)
        except PermissionError:
            raise GocKurulError(f"'{output}' yazılamadı: dosya Excel'de açık olabilir. Excel'i kapatıp yeniden "
                                "deneyin.") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return output


def installed_addin() -> Path:
    return xlstart_folder() / ADDIN_FILE
