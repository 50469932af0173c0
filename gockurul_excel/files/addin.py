"""`gockurul eklenti`: the desktop add-in `gockurul.xlam`, built once without Excel, configured on each PC.

The add-in is xlwings' own `quickstart_addin_ribbon.xlam` of the pinned xlwings (its VBA always matches the
xlwings it calls), with our module GocKurul.bas put into its `vbaProject.bin` by `vbaproject` (MS-OVBA, no
Excel, no "Trust access to the VBA project object model"), our ribbon, and its config sheet. It is built here
(`python -m gockurul_excel.files.addin`) and shipped in the wheel as `assets/addin/gockurul.xlam`; on a PC
`gockurul eklenti` only copies it and writes the config sheet (the interpreter of that PC's Python).

The project is renamed from xlwings' `myaddin` (every quickstart add-in's name) to `gockurul`: xlwings' VBA
looks its settings up in a `<PROJECT_NAME>.conf` sheet of the active workbook, of the add-in, then
`<PROJECT_NAME>.conf` files beside the workbook and in %USERPROFILE%; every key it asks for is written on our
sheet, so the lookup stops there. Building through Excel (`import_vba`) stays as IT's fallback.
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
MODULE_NAME = "GocKurul"
RIBBON = ASSETS / "customUI14.xml"
SHIPPED = ASSETS / "gockurul.xlam"
TEMPLATE_NAME = "quickstart_addin_ribbon.xlam"
TEMPLATE_PROJECT_NAME = "myaddin"  # PROJECT_NAME in xlwings' template (tests read it from its VBA)
PROJECT_NAME = "gockurul"  # ours: the config sheet is gockurul.conf
VBA_PROJECT_NAME = "GocKurulEklentisi"  # the VBA project (not GocKurul: a module has that name)
CONFIG_SHEET = f"{PROJECT_NAME}.conf"
TEMPLATE_CONFIG_SHEET = f"_{TEMPLATE_PROJECT_NAME}.conf"  # how the template ships it: ignored by its VBA
RIBBON_PART = "customUI/customUI.xml"
VBA_PART = "xl/vbaProject.bin"
ADDIN_FILE = "gockurul.xlam"
# Our own key beside xlwings' keys (the VBA ignores keys it does not ask for): which xlwings built it.
VERSION_KEY = "GOCKURUL_XLWINGS_VERSION"
# Where kur.ps1 installs the program: the shipped add-in points there until `gockurul eklenti` rewrites it.
DEFAULT_INTERPRETER = r"%LOCALAPPDATA%\GocKurul\venv\Scripts\pythonw.exe"
# What the VBA shows when a button is pressed with no workbook open (GocKurul.bas builds it from ChrW codes).
NO_WORKBOOK_MESSAGE = "Önce bir Göç Kurulu kitabı açın: düğmeler açık olan kitap üzerinde çalışır."

# Every key xlwings' VBA asks GetConfig for, with the value that keeps xlwings' own default where the
# default matters (an empty TEMP DIR would put the error log at the drive's root) and empty/False elsewhere.
# tests/test_addin.py checks this list against the GetConfig calls of the add-in's VBA.
XLWINGS_KEYS = {
    "INTERPRETER_MAC": "",
    "INTERPRETER": "",
    "ADD_WORKBOOK_TO_PYTHONPATH": "False",
    "PYTHONPATH": "",
    "ONEDRIVE_CONSUMER_WIN": "",
    "ONEDRIVE_COMMERCIAL_WIN": "",
    "SHAREPOINT_WIN": "",
    "ONEDRIVE_CONSUMER_MAC": "",
    "ONEDRIVE_COMMERCIAL_MAC": "",
    "SHAREPOINT_MAC": "",
    "USE UDF SERVER": "False",
    "LICENSE_KEY": "",
    "SHOW CONSOLE": "False",
    "TEMP DIR": "%TEMP%",
    "CONDA PATH": "",
    "CONDA ENV": "",
    "UDF MODULES": "",
    "DEBUG UDFS": "False",
    "SHOW_ERROR_POPUPS": "True",
}

NEEDS = (
    "Eklentiyi Excel üzerinden yapmak (bilgi işlem için yedek yol) için (1) Windows, (2) Microsoft Excel ve "
    "(3) Excel'de Dosya > Seçenekler > Güven Merkezi > Güven Merkezi Ayarları > Makro Ayarları'nda "
    "'VBA proje nesne modeline güvenilir erişim' kutusunun işaretli olması gerekir. Olağan kurulum buna "
    "gerek duymaz: eklenti paketle hazır gelir."
)


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


def settings_for(interpreter: str, xlwings_version: str | None = None) -> list[tuple[str, str]]:
    """The rows of the add-in's config sheet (key, value), read by xlwings' VBA `GetConfigFromSheet`:
    INTERPRETER_WIN first, then every other key xlwings asks for, then which xlwings built the add-in."""
    if xlwings_version is None:
        import xlwings as xw

        xlwings_version = xw.__version__
    return [("INTERPRETER_WIN", interpreter), *XLWINGS_KEYS.items(), (VERSION_KEY, xlwings_version)]


# --- package surgery (any system) ---------------------------------------------------------------------


def _read_members(path: Path) -> tuple[list[zipfile.ZipInfo], dict[str, bytes]]:
    try:
        with zipfile.ZipFile(path) as src:
            infos = src.infolist()
            return infos, {i.filename: src.read(i.filename) for i in infos}
    except (OSError, zipfile.BadZipFile) as exc:
        raise GocKurulError(
            f"'{Path(path).name}' okunamadı: bir Excel eklentisi (.xlam) değil ({type(exc).__name__})."
        ) from None


def _config_sheet_part(members: dict[str, bytes]) -> tuple[str, etree._Element, etree._Element]:
    """(sheet part name, workbook.xml root, the <sheet> element) of the config sheet, ours or the template's."""
    workbook = etree.fromstring(members["xl/workbook.xml"], xml_parser())
    rels = etree.fromstring(members["xl/_rels/workbook.xml.rels"], xml_parser())
    targets = {
        r.get("Id"): r.get("Target")
        for r in rels.iter(f"{{{NS_PKG_REL}}}Relationship")
        if r.get("Type") == RT_WORKSHEET
    }
    for sheet in workbook.iter(f"{{{NS_MAIN}}}sheet"):
        if sheet.get("name") in (CONFIG_SHEET, TEMPLATE_CONFIG_SHEET):
            target = targets.get(sheet.get(f"{{{NS_R}}}id"))
            if target:
                return resolve_target("xl/workbook.xml", target), workbook, sheet
    raise GocKurulError(f"Eklentide '{CONFIG_SHEET}' ayar sayfası yok; eklenti bozuk ya da başka bir eklenti.")


def config_sheet_xml(rows: list[tuple[str, str]], sheet_pr: etree._Element | None = None) -> bytes:
    """Keys in A, values in B from row 1 without gaps (the VBA reads A1 down to the first empty cell). The
    sheet's <sheetPr codeName=…> is kept: vbaProject.bin has a document module of that name for it."""
    root = etree.Element(f"{{{NS_MAIN}}}worksheet", nsmap={None: NS_MAIN})
    if sheet_pr is not None:
        root.append(etree.fromstring(etree.tostring(sheet_pr)))
    etree.SubElement(root, f"{{{NS_MAIN}}}dimension", ref=f"A1:B{max(len(rows), 1)}")
    cols = etree.SubElement(root, f"{{{NS_MAIN}}}cols")
    etree.SubElement(cols, f"{{{NS_MAIN}}}col", min="1", max="1", width="32", customWidth="1")
    etree.SubElement(cols, f"{{{NS_MAIN}}}col", min="2", max="2", width="80", customWidth="1")
    data = etree.SubElement(root, f"{{{NS_MAIN}}}sheetData")
    for i, (key, value) in enumerate(rows, start=1):
        row = etree.SubElement(data, f"{{{NS_MAIN}}}row", r=str(i))
        for col, text in (("A", key), ("B", value)):
            if not text:  # an empty value is an empty cell: the VBA reads it as ""
                continue
            cell = etree.SubElement(row, f"{{{NS_MAIN}}}c", r=f"{col}{i}", t="inlineStr")
            t = etree.SubElement(etree.SubElement(cell, f"{{{NS_MAIN}}}is"), f"{{{NS_MAIN}}}t")
            t.text = text
            if text != text.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    etree.cleanup_namespaces(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _sheet_pr(xml: bytes) -> etree._Element | None:
    return etree.fromstring(xml, xml_parser()).find(f"{{{NS_MAIN}}}sheetPr")


def ribbon_xml() -> bytes:
    # The template's part uses the 2006 ribbon schema; ours only uses tabs and buttons, which it has too.
    return RIBBON.read_bytes().replace(b"office/2009/07/customui", b"office/2006/01/customui")


def _write_members(path: Path, infos: list[zipfile.ZipInfo], members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in infos:
            dst.writestr(info, members[info.filename])


def _replace(path: Path, infos: list[zipfile.ZipInfo], members: dict[str, bytes]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        _write_members(tmp, infos, members)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def configure(path: Path, interpreter: str, *, xlwings_version: str | None = None) -> None:
    """Write the settings into the add-in's config sheet (its code name kept). Only this sheet changes."""
    path = Path(path)
    infos, members = _read_members(path)
    part, _, sheet = _config_sheet_part(members)
    if sheet.get("name") != CONFIG_SHEET:
        raise GocKurulError(f"'{path.name}' Göç Kurulu eklentisi değil (ayar sayfası '{CONFIG_SHEET}' yok).")
    if xlwings_version is None:
        xlwings_version = read_config(path).get(VERSION_KEY) or None
    members[part] = config_sheet_xml(settings_for(interpreter, xlwings_version), _sheet_pr(members[part]))
    _replace(path, infos, members)


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


def vba_project(path: Path) -> bytes:
    """The add-in's vbaProject.bin."""
    with zipfile.ZipFile(path) as src:
        return src.read(VBA_PART)


def vba_subs(text: str) -> set[str]:
    """The Sub names a VBA module defines (public ones: the ribbon can call only those)."""
    return set(re.findall(r"^\s*(?:Public\s+)?Sub\s+(\w+)\s*\(", text, re.M | re.I))


def ribbon_callbacks(xml: str) -> set[str]:
    """The macro names the ribbon's buttons call (onAction)."""
    root = etree.fromstring(xml.encode("utf-8"), xml_parser())
    return {el.get("onAction") for el in root.iter() if el.get("onAction")}


def module_source() -> str:
    """GocKurul.bas as the VBA project stores it: ASCII, CRLF."""
    return VBA_MODULE.read_text(encoding="ascii").replace("\r\n", "\n").replace("\n", "\r\n")


# --- the build (once, here; no Excel) -----------------------------------------------------------------


def build_from_template(output: Path, template: Path | None = None) -> Path:
    """`output` (.xlam): xlwings' template with our module in its VBA project (MS-OVBA), the project renamed,
    no compiled cache, our ribbon, and the config sheet enabled for the default install folder. The same
    template and sources give the same bytes."""
    from . import vbaproject

    template = Path(template or template_path())
    infos, members = _read_members(template)
    text = vbaproject.sources(members[VBA_PART])["xlwings"]
    found = re.search(r'Public Const XLWINGS_VERSION As String = "([^"]+)"', text)
    old_const = f'Public Const PROJECT_NAME As String = "{TEMPLATE_PROJECT_NAME}"'
    members[VBA_PART] = vbaproject.add_module(
        members[VBA_PART],
        MODULE_NAME,
        module_source(),
        project_name=VBA_PROJECT_NAME,
        edit={"xlwings": [(old_const, f'Public Const PROJECT_NAME As String = "{PROJECT_NAME}"')]},
    )
    part, workbook, sheet = _config_sheet_part(members)
    sheet.set("name", CONFIG_SHEET)
    members["xl/workbook.xml"] = etree.tostring(workbook, xml_declaration=True, encoding="UTF-8", standalone=True)
    members[part] = config_sheet_xml(
        settings_for(DEFAULT_INTERPRETER, found.group(1) if found else None), _sheet_pr(members[part])
    )
    if RIBBON_PART not in members:
        raise GocKurulError(f"Eklenti şablonunda şerit parçası ({RIBBON_PART}) yok.")
    members[RIBBON_PART] = ribbon_xml()
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    _replace(output, infos, members)
    return output


def contains_our_module(path: Path) -> tuple[bool, str]:
    """Whether the add-in's VBA project lists our module (its PROJECT stream, [MS-OVBA] 2.3.1), and a
    Turkish sentence saying what was found."""
    from . import vbaproject

    try:
        names = vbaproject.project_modules(vbaproject.project_text(vba_project(path)))
    except (KeyError, OSError, ValueError, zipfile.BadZipFile) as exc:
        return False, f"VBA projesi okunamadı ({type(exc).__name__})"
    if MODULE_NAME not in names:
        return False, (
            f"VBA projesinde '{MODULE_NAME}' modülü yok (modüller: {', '.join(names) or 'hiç'}); "
            "şerit düğmeleri çalışmaz"
        )
    return True, f"VBA modülleri: {', '.join(names)}"


# --- the Excel fallback (IT, Windows + Excel + AccessVBOM) --------------------------------------------


def _crlf_copy(source: Path, folder: Path) -> Path:
    """VBA imports a module with LF line endings wrongly (the Attribute line becomes code)."""
    text = source.read_text(encoding="ascii")
    target = folder / source.name
    target.write_bytes(text.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii"))
    return target


def import_vba(path: Path) -> None:  # pragma: no cover - needs Windows and Excel
    """IT's fallback: the template at `path` made into our add-in through Excel (hidden): the module imported,
    the project and PROJECT_NAME renamed as the MS-OVBA build does, then saved. Needs AccessVBOM."""
    if sys.platform != "win32":
        raise GocKurulError("Eklenti Excel ile yalnızca Windows'ta yapılabilir. " + NEEDS)
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
        project.Name = VBA_PROJECT_NAME
        code = components("xlwings").CodeModule
        old = f'Public Const PROJECT_NAME As String = "{TEMPLATE_PROJECT_NAME}"'
        for line in range(1, code.CountOfDeclarationLines + 1):
            if code.Lines(line, 1).strip() == old:
                code.ReplaceLine(line, f'Public Const PROJECT_NAME As String = "{PROJECT_NAME}"')
        with tempfile.TemporaryDirectory() as folder:
            components.Import(_crlf_copy(VBA_MODULE, Path(folder)))
        book.save()
        book.close()
    finally:
        try:
            app.quit()
        except Exception:
            pass


def build_with_excel(output: Path) -> Path:  # pragma: no cover - needs Windows and Excel
    """The fallback build: template copy, module imported through Excel, then the same package surgery."""
    work = Path(tempfile.mkdtemp(prefix="gockurul-eklenti-"))
    try:
        staged = work / ADDIN_FILE
        shutil.copyfile(template_path(), staged)
        import_vba(staged)
        infos, members = _read_members(staged)
        part, workbook, sheet = _config_sheet_part(members)
        sheet.set("name", CONFIG_SHEET)
        members["xl/workbook.xml"] = etree.tostring(workbook, xml_declaration=True, encoding="UTF-8", standalone=True)
        members[part] = config_sheet_xml(settings_for(DEFAULT_INTERPRETER), _sheet_pr(members[part]))
        members[RIBBON_PART] = ribbon_xml()
        _replace(staged, infos, members)
        shutil.copyfile(staged, output)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Path(output)


# --- on a PC: copy the shipped add-in, write its config sheet ----------------------------------------


@dataclass
class Check:
    ok: bool
    lines: list[str]


def shipped_version() -> str:
    return read_config(SHIPPED).get(VERSION_KEY, "")


def check(interpreter: str | None = None) -> Check:
    """The shipped add-in is there, carries our module, its ribbon calls Subs that exist, it was built for
    the xlwings installed here, and its config sheet can be written (on a copy; nothing is kept)."""
    import xlwings as xw

    lines: list[str] = []
    ok = True
    for label, path in (("VBA modülü", VBA_MODULE), ("Şerit (ribbon)", RIBBON), ("Hazır eklenti", SHIPPED)):
        found = path.is_file()
        ok &= found
        lines.append(f"{'[TAMAM]' if found else '[HATA] '} {label}: {path}")
    if not ok:
        return Check(False, lines)
    has_module, detail = contains_our_module(SHIPPED)
    ok &= has_module
    lines.append(f"{'[TAMAM]' if has_module else '[HATA] '} Eklentinin VBA projesi: {detail}")
    missing = ribbon_callbacks(RIBBON.read_text(encoding="utf-8")) - vba_subs(VBA_MODULE.read_text(encoding="ascii"))
    if missing:
        ok = False
        lines.append(f"[HATA]  Şeridin çağırdığı ama VBA modülünde olmayan makrolar: {', '.join(sorted(missing))}")
    if shipped_version() != xw.__version__:
        ok = False
        lines.append(
            f"[HATA]  Hazır eklenti xlwings {shipped_version() or '?'} ile yapılmış, kurulu xlwings "
            f"{xw.__version__}: aynı sürüm olmalı."
        )
    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / ADDIN_FILE
        shutil.copyfile(SHIPPED, trial)
        try:
            configure(trial, interpreter or interpreter_for())
            config = read_config(trial)
        except GocKurulError as exc:
            return Check(False, [*lines, f"[HATA]  Ayar sayfası yazılamadı: {exc}"])
        lines.append(
            f"[TAMAM] Ayar sayfası '{CONFIG_SHEET}': INTERPRETER_WIN={config['INTERPRETER_WIN']} "
            f"({len(config)} anahtar)"
        )
    return Check(ok, lines)


def build_addin(output: Path, interpreter: str | None = None, *, with_excel: bool = False) -> Path:
    """`output` (.xlam): the shipped add-in with its config sheet naming `interpreter` (default: this Python's
    pythonw.exe). No Excel and no VBA access needed (`with_excel`: IT's fallback, made again through Excel).
    A failure leaves neither `output` nor a temporary file."""
    import xlwings as xw

    output = Path(output).resolve()
    if output.suffix.lower() != ".xlam":
        raise GocKurulError(f"'{output.name}': eklenti dosyasının uzantısı .xlam olmalı.")
    if with_excel:  # pragma: no cover - needs Windows and Excel
        made = build_with_excel(output)
        configure(made, interpreter or interpreter_for())
        return made
    if not SHIPPED.is_file():
        raise GocKurulError(f"Hazır eklenti bulunamadı: {SHIPPED}. Programı yeniden kurun.")
    if shipped_version() != xw.__version__:
        raise GocKurulError(
            f"Hazır eklenti xlwings {shipped_version() or '?'} içindir, kurulu olan xlwings "
            f"{xw.__version__}. Programı kurulum paketiyle (kur.ps1) yeniden kurun."
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="gockurul-eklenti-"))
    try:
        staged = work / ADDIN_FILE
        shutil.copyfile(SHIPPED, staged)
        configure(staged, interpreter or interpreter_for())
        try:
            shutil.copyfile(staged, output)
        except PermissionError:
            raise GocKurulError(
                f"'{output}' yazılamadı: dosya Excel'de açık olabilir. Excel'i kapatıp yeniden deneyin."
            ) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return output


def installed_addin() -> Path:
    return xlstart_folder() / ADDIN_FILE


if __name__ == "__main__":  # the build, on the developer's machine: python -m gockurul_excel.files.addin
    print(build_from_template(Path(sys.argv[1]) if len(sys.argv) > 1 else SHIPPED))
