"""`gockurul pdf`: the named sheets of a workbook as one PDF, through LibreOffice headless.

The workbook is never touched: for each wanted sheet a copy in a temporary folder shows only that sheet (the
others are hidden) and LibreOffice converts the copies in one run; the PDFs are then joined in the order asked.
So each sheet's pages are numbered on their own ("Sayfa 1 / 2" of the Ek-2, not "Sayfa 3 / 3" of the file),
as each form is a document of its own. LibreOffice prints a hidden sheet anyway when it has a print area, so
a copy also drops the print areas and print titles of the hidden sheets. In Excel, the macros use Excel's own
PDF export instead.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from .. import contract
from ..core import parse
from ..errors import GocKurulError, InvalidArgument
from ..sheetspec import sheet_key
from .atomic import PDF, check_output, save_atomic
from .package import NS_MAIN
from .safety import WORKBOOK, check_package

TIMEOUT_SECONDS = 180
WINDOWS_CANDIDATES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
# Defined names that make LibreOffice print a sheet even when it is hidden.
PRINT_NAMES = ("_xlnm.print_area", "_xlnm.print_titles")
# Characters Windows does not allow in a file name (sheet names may hold some of them).
_BAD_FILE_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
NOT_INSTALLED = "LibreOffice bulunamadı; PDF için LibreOffice kurun ya da Excel'de 'PDF' düğmesini kullanın."


class LibreOfficeNotFound(GocKurulError):
    """Neither `soffice` nor `libreoffice` is installed (or on PATH)."""


class SheetNotFound(InvalidArgument):
    """A sheet asked for is not in the workbook."""


class PdfConversionFailed(GocKurulError):
    """LibreOffice failed, produced nothing, or took too long."""


def find_soffice() -> str:
    """The LibreOffice program: `soffice`/`libreoffice` on PATH, else the usual Windows install folders."""
    for name in ("soffice", "libreoffice"):
        exe = shutil.which(name)
        if exe:
            return exe
    for candidate in windows_candidates():
        if Path(candidate).is_file():
            return candidate
    raise LibreOfficeNotFound(NOT_INSTALLED)


def windows_candidates() -> list[str]:
    """Where the LibreOffice installer puts soffice.exe (it does not add itself to PATH)."""
    if os.name != "nt":
        return []
    roots = [os.environ.get(v) for v in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
    found = [str(Path(r) / "LibreOffice" / "program" / "soffice.exe") for r in roots if r]
    return list(dict.fromkeys([*found, *WINDOWS_CANDIDATES]))


def _m(tag: str) -> str:
    return f"{{{NS_MAIN}}}{tag}"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def sheet_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read(WORKBOOK), _parser())
    return [s.get("name", "") for s in root.iter(_m("sheet"))]


def _resolve(wanted: list[str], existing: list[str]) -> list[str]:
    """The workbook's own spelling of each wanted sheet: Excel compares sheet names without case, and a
    name typed without Turkish letters ("Eylem Plani Izleme") is accepted when it matches one sheet."""
    out, missing = [], []
    for name in wanted:
        actual = _match(str(name), existing)
        if actual is None:
            missing.append(name)
        elif actual not in out:
            out.append(actual)
    if missing:
        generated = [n for n in existing if contract.is_generated_sheet(n)]
        listed = ", ".join(f"'{n}'" for n in generated)
        which = ", ".join(f"'{n}'" for n in missing)
        hint = (
            f"Kitaptaki üretilmiş sayfalar: {listed}."
            if generated
            else "Kitapta henüz üretilmiş bir form sayfası yok; önce formu üretin (ör. 'gockurul yillik')."
        )
        raise SheetNotFound(f"{which} adlı sayfa kitapta yok. {hint}")
    return out


def _match(name: str, existing: list[str]) -> str | None:
    if name in existing:
        return name
    for fold in (sheet_key, parse.normalize_header, parse.ascii_fold):
        found = [n for n in existing if fold(n) == fold(name)]
        if len(found) == 1:
            return found[0]
    return None


def _show_only(workbook_xml: bytes, keep: list[str]) -> bytes:
    """workbook.xml with every sheet but `keep` hidden and without their print areas/titles."""
    root = etree.fromstring(workbook_xml, _parser())
    sheets = list(root.iter(_m("sheet")))
    hidden_ids = set()
    first_visible = None
    for i, s in enumerate(sheets):
        if s.get("name") in keep:
            s.attrib.pop("state", None)  # visible, even when the user had hidden it
            if first_visible is None:
                first_visible = i
        else:
            s.set("state", "hidden")
            hidden_ids.add(str(i))
    for view in root.iter(_m("workbookView")):
        view.set("activeTab", str(first_visible or 0))
        view.set("firstSheet", str(first_visible or 0))
    for dn in list(root.iter(_m("definedName"))):
        if dn.get("localSheetId") in hidden_ids and (dn.get("name") or "").lower() in PRINT_NAMES:
            dn.getparent().remove(dn)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _write_copy(source: Path, target: Path, keep: list[str]) -> None:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == WORKBOOK:
                data = _show_only(data, keep)
            zout.writestr(info, data)


def default_output(path: Path, first_sheet: str) -> Path:
    name = _BAD_FILE_CHARS.sub("-", f"{path.stem} - {first_sheet}").strip(" .")
    return path.with_name(name + ".pdf")


def _run(cmd: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess:
    """Run LibreOffice; on timeout end it and everything it started (its own process group)."""
    kwargs: dict = {
        "cwd": cwd,
        "stdout": subprocess.PIPE,
        "stderr": subprocess.PIPE,
        "text": True,
        "encoding": "utf-8",
        "errors": "replace",
    }
    if os.name == "posix":
        kwargs["start_new_session"] = True
    else:
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
    proc = subprocess.Popen(cmd, **kwargs)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        if os.name == "posix":
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                proc.kill()
        else:  # soffice.exe starts soffice.bin: end the whole tree
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True, check=False)
            proc.kill()
        proc.communicate()
        raise PdfConversionFailed(
            f"LibreOffice PDF dönüştürmesi {int(timeout)} saniyede bitmedi ve durduruldu. Açık LibreOffice "
            "pencerelerini kapatıp tekrar deneyin."
        ) from None
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def export_pdf(path: Path, sheets: list[str], output: Path | None = None, *, timeout: float = TIMEOUT_SECONDS) -> Path:
    """Convert only `sheets` of the workbook at `path` to one PDF, in the order given, each sheet's pages numbered
    on their own; return the PDF's path.

    Sheet names are matched as Excel does (without case; Turkish letters may be typed plainly). `output` defaults
    to `<stem> - <first sheet>.pdf` beside the workbook; its folder is created if needed. The workbook is only read.
    """
    path = Path(path)
    if isinstance(sheets, str):
        sheets = [sheets]
    if not sheets:
        raise InvalidArgument("PDF'e dönüştürülecek en az bir sayfa adı verin (--sayfa).")
    check_package(path)
    keep = _resolve(list(sheets), sheet_names(path))
    exe = find_soffice()
    output = Path(output) if output is not None else default_output(path, keep[0])
    if output.suffix.lower() != ".pdf":
        output = output.with_name(output.name + ".pdf")
    if output.parent.is_dir():
        check_output(output, PDF)  # a target the PDF may not replace is refused before LibreOffice runs

    with tempfile.TemporaryDirectory(prefix="gockurul-pdf-") as tmp_name:
        tmp = Path(tmp_name)
        copies = []
        for i, sheet in enumerate(keep, start=1):
            copy = tmp / f"sayfa{i:03d}.xlsx"  # ASCII names: LibreOffice names its output after them
            _write_copy(path, copy, [sheet])
            copies.append(copy)
        produced = convert(exe, copies, tmp, timeout, what=path.name)
        payload = join_pdfs(produced)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GocKurulError(f"'{output.parent}' klasörü oluşturulamadı: {exc.strerror or exc}.") from exc
    save_atomic(output, lambda f: f.write(payload), kind=PDF)  # an existing file: a PDF only, backed up first
    return output


def convert(exe: str, files: list[Path], tmp: Path, timeout: float = TIMEOUT_SECONDS, *, what: str = "") -> list[Path]:
    """Each file (a workbook, a .docx) as a PDF, in one LibreOffice run; the PDFs in the same order."""
    profile = tmp / "profil"  # a private profile: a running LibreOffice does not take the job over
    outdir = tmp / "pdf"
    cmd = [
        exe,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, files),
    ]
    try:
        proc = _run(cmd, tmp, timeout)
    except OSError as exc:
        raise PdfConversionFailed(f"LibreOffice çalıştırılamadı ({exe}): {exc.strerror or exc}.") from exc
    produced = [outdir / (f.stem + ".pdf") for f in files]
    if proc.returncode != 0 or not all(p.is_file() and p.stat().st_size for p in produced):
        detail = " ".join((proc.stderr or proc.stdout or "").split())[-300:]
        raise PdfConversionFailed(
            f"LibreOffice '{what or files[0].name}' dosyasını PDF'e dönüştüremedi (çıkış kodu {proc.returncode})."
            + (f" Ayrıntı: {detail}" if detail else "")
        )
    return produced


def join_pdfs(files: list[Path]) -> bytes:
    """The PDFs one after the other, as one file."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for f in files:
        writer.append(str(f))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
