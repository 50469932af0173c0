"""The file backend's safe writer: package checks, atomic saves with backups, and sheet surgery.

An .xlsx is a zip of XML parts (OPC). openpyxl's load-and-save round trip drops whatever it cannot model
(shapes, form controls, slicers, x14 extensions...), so generated sheets are written by *package
surgery* instead: the sheet's own part is (re)written, workbook.xml, its relationships, the content
types and styles.xml are edited with lxml, and every other member is copied byte for byte.

Writes go to a temporary file in the same folder that replaces the workbook only when complete, after
a backup copy was made in `Yedekler/`: a crash or a killed process never leaves a half-written workbook.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import math
import numbers
import os
import posixpath
import re
import secrets
import shutil
import tempfile
import time
import warnings
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote

from lxml import etree

from .contract import is_generated_sheet
from .errors import GocKurulError, UnreadableWorkbook, WorkbookLocked, WouldLoseContent
from .sheetspec import DATE_FORMAT, STYLES, ChartSpec, SheetSpec, Style, cell_ref, col_letter, quote_sheet

PathLike = str | os.PathLike

MAX_TOTAL_UNCOMPRESSED = 512 * 2**20
MAX_RATIO = 1000
RATIO_MIN_SIZE = 50 * 2**20
MAX_PROLOG = 2**20  # Excel writes the root element within the first bytes; a megabyte of prolog is hostile
BACKUP_DIR = "Yedekler"
TEMP_PREFIX = ".~gockurul-"
STALE_TEMP_SECONDS = 3600
MAX_CELL_CHARS = 32767
DATETIME_FORMAT = "dd.mm.yyyy hh:mm"
TIME_FORMAT = "hh:mm"

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
RT_WORKSHEET = NS_R + "/worksheet"
RT_STYLES = NS_R + "/styles"
RT_CALC_CHAIN = NS_R + "/calcChain"
RT_SHARED_STRINGS = NS_R + "/sharedStrings"
RT_DRAWING = NS_R + "/drawing"
RT_CHART = NS_R + "/chart"
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
WORKBOOK = "xl/workbook.xml"
CONTENT_TYPES = "[Content_Types].xml"
XML_DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and password-protected .xlsx
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _m(tag: str) -> str:
    return f"{{{NS_MAIN}}}{tag}"


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


# --- checks -------------------------------------------------------------------------------------


def check_package(path: PathLike) -> None:
    """Raise `UnreadableWorkbook` unless `path` is an intact, safe-to-parse .xlsx package.

    Reads the central directory, every member once (zipfile verifies each CRC at its end) and, in the
    XML parts, only the prolog before the root element: that is where a DTD would have to be.
    """
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise UnreadableWorkbook(f"'{name}' dosyası bulunamadı.")
    corrupt = (f"'{name}' bozuk ya da eksik; açılamadı (kopyalama ya da indirme yarıda kalmış olabilir). "
               "Dosyanın sağlam bir kopyasını kullanın.")
    try:
        with path.open("rb") as f:
            head = f.read(8)
        if not zipfile.is_zipfile(path):
            if head.startswith(OLE2_MAGIC):
                raise UnreadableWorkbook(
                    f"'{name}' eski Excel 97-2003 (.xls) biçiminde ya da parola korumalı. Excel'de açıp "
                    "parolasız olarak 'Excel Çalışma Kitabı (.xlsx)' biçiminde kaydedin.")
            if head.startswith(b"PK"):
                raise UnreadableWorkbook(corrupt)
            raise UnreadableWorkbook(f"'{name}' bir Excel çalışma kitabı (.xlsx) değil.")
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_members(name, infos)
            names = {i.filename for i in infos}
            if WORKBOOK not in names:
                raise UnreadableWorkbook(_not_a_workbook_message(name, names, zf))
            for info in infos:
                if info.is_dir():
                    continue
                with zf.open(info) as member:
                    if info.filename.lower().endswith((".xml", ".rels", ".vml")) and _prolog_has_dtd(member):
                        raise UnreadableWorkbook(
                            f"'{name}' güvenlik nedeniyle açılmadı: '{info.filename}' bölümünde DTD/varlık "
                            "tanımı var (XML bombası olabilir). Excel dosyalarında bu bulunmaz.")
                    while member.read(1 << 20):
                        pass
    except UnreadableWorkbook:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, ValueError) as exc:
        raise UnreadableWorkbook(corrupt) from exc
    except OSError as exc:
        raise UnreadableWorkbook(f"'{name}' okunamadı: {exc.strerror or exc}.") from exc


def _check_members(name: str, infos: list[zipfile.ZipInfo]) -> None:
    lowered = [i.filename.lower() for i in infos]
    if len(set(lowered)) != len(lowered):
        raise zipfile.BadZipFile("duplicate member names")
    bomb = (f"'{name}' güvenlik nedeniyle açılmadı: sıkıştırılmış içeriği olağan dışı büyük "
            "(zip bombası olabilir).")
    if sum(i.file_size for i in infos) > MAX_TOTAL_UNCOMPRESSED:
        raise UnreadableWorkbook(bomb)
    for i in infos:
        if i.file_size > RATIO_MIN_SIZE and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise UnreadableWorkbook(bomb)


def _not_a_workbook_message(name: str, names: set[str], zf: zipfile.ZipFile) -> str:
    if "word/document.xml" in names:
        kind = "bir Word belgesi"
    elif "ppt/presentation.xml" in names:
        kind = "bir PowerPoint sunusu"
    elif "mimetype" in names and zf.getinfo("mimetype").file_size < 200 and \
            b"opendocument" in zf.read("mimetype"):
        kind = "bir OpenDocument (.ods/.odt) dosyası"
    elif "xl/workbook.bin" in names:
        kind = "ikili Excel (.xlsb) biçiminde"
    else:
        kind = "bir zip arşivi"
    return (f"'{name}' bir Excel çalışma kitabı (.xlsx) değil ({kind}). Dosyayı Excel'de açıp "
            "'Excel Çalışma Kitabı (.xlsx)' olarak kaydedin.")


def _prolog_has_dtd(stream: BinaryIO) -> bool:
    """Whether the XML prolog (everything before the root element) holds a DOCTYPE.

    NULs are dropped so UTF-16/32 markup reads as ASCII. Comments and processing instructions are
    skipped, so padding cannot push a DOCTYPE past the scanned window.
    """
    buf = b""
    pos = 0
    eof = False

    def more() -> bool:
        nonlocal buf, eof
        if eof:
            return False
        chunk = stream.read(4096)
        if not chunk:
            eof = True
            return False
        buf += chunk.replace(b"\x00", b"")
        return True

    while True:
        while pos < len(buf) and buf[pos] in b" \t\r\n\xef\xbb\xbf\xff\xfe":  # whitespace and BOMs
            pos += 1
        if pos > MAX_PROLOG:
            return True
        if len(buf) - pos < 9 and more():
            continue
        if pos >= len(buf):
            return False
        if buf.startswith((b"<?", b"<!--"), pos):
            end_mark = b"?>" if buf.startswith(b"<?", pos) else b"-->"
            end = buf.find(end_mark, pos + 2)
            while end < 0:
                if len(buf) > MAX_PROLOG:
                    return True
                if not more():
                    return False
                end = buf.find(end_mark, pos + 2)
            pos = end + len(end_mark)
            continue
        # "<!DOCTYPE", or any other "<!" before the root (never valid there): refuse.
        return buf.startswith(b"<!", pos)


def lock_file(path: PathLike) -> Path | None:
    """Excel's owner file (`~$NAME`) beside the workbook, if there is one: the book is open in Excel."""
    path = Path(path)
    name = path.name
    candidates = ["~$" + name]
    if len(name) > 2:
        candidates.append("~$" + name[2:])  # Excel shortens the owner file of long names
    for lock_name in candidates:
        lock = path.parent / lock_name
        if lock.exists():
            return lock
    return None


def check_not_locked(path: PathLike) -> None:
    """Raise `WorkbookLocked` when the workbook is open in Excel."""
    lock = lock_file(path)
    if lock is not None:
        raise WorkbookLocked(
            f"'{Path(path).name}' Excel'de açık görünüyor (kilit dosyası {lock.name} var). Dosyayı Excel'de "
            "kaydedip kapatın, sonra tekrar deneyin.")


# --- backup and atomic save -------------------------------------------------------------------


def backup(path: PathLike, keep: int = 5) -> Path:
    """Copy the workbook to `Yedekler/<stem>_YYYYMMDD-HHMMSS<suffix>`; keep its newest `keep` backups."""
    if keep < 1:
        raise ValueError("keep must be at least 1")
    path = Path(path)
    folder = path.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    _remove_stale_temps(folder)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}_{stamp}{path.suffix}"
    n = 2
    while target.exists():
        target = folder / f"{path.stem}_{stamp}-{n}{path.suffix}"
        n += 1
    tmp = folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}.tmp"
    try:
        shutil.copy2(path, tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _prune_backups(folder, path, keep)
    return target


def _prune_backups(folder: Path, path: Path, keep: int) -> None:
    pattern = re.compile(re.escape(path.stem) + r"_(\d{8}-\d{6})(?:-(\d+))?" + re.escape(path.suffix))
    found = []
    for p in folder.iterdir():
        match = pattern.fullmatch(p.name)
        if match and p.is_file():
            found.append(((match[1], int(match[2] or 1)), p))
    found.sort()
    for _, p in found[:-keep]:
        p.unlink(missing_ok=True)


def _remove_stale_temps(folder: Path) -> None:
    limit = time.time() - STALE_TEMP_SECONDS
    for p in folder.glob(TEMP_PREFIX + "*.tmp"):
        try:
            if p.stat().st_mtime < limit:
                p.unlink()
        except OSError:
            pass


def save_atomic(path: PathLike, write: Callable[[BinaryIO], None], *, make_backup: bool = True) -> Path | None:
    """Write a new version of `path` through `write(file)`; return the backup of the old one, if any.

    The data goes to `.~gockurul-<random>.tmp` beside the workbook and replaces it with one rename once
    complete and on disk; the original is never opened for writing.
    """
    path = Path(path)
    check_not_locked(path)
    folder = path.parent
    _remove_stale_temps(folder)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=folder)
    except OSError as exc:
        raise GocKurulError(f"'{folder}' klasörüne yazılamıyor: {exc.strerror or exc}.") from exc
    tmp = Path(tmp_name)
    try:
        try:
            with os.fdopen(fd, "wb") as f:
                write(f)
                f.flush()
                os.fsync(f.fileno())
            _copy_mode(path, tmp)
            backup_path = backup(path) if make_backup and path.exists() else None
        except OSError as exc:  # disk full, backup folder not writable...
            raise GocKurulError(f"'{path.name}' kaydedilemedi: {exc.strerror or exc}. Dosyanın önceki hâli "
                                "değişmedi.") from exc
        check_not_locked(path)  # Excel may have opened it while we were writing
        _replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(folder)
    return backup_path


def _copy_mode(original: Path, tmp: Path) -> None:
    # mkstemp makes the file private (0600); the workbook keeps the permissions it had.
    try:
        if original.exists():
            shutil.copymode(original, tmp)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
    except OSError:
        pass


def _replace(tmp: Path, path: Path) -> None:
    for attempt in range(5):
        try:
            os.replace(tmp, path)
            return
        except PermissionError as exc:
            # Windows: the target is open in another program, or a virus scanner holds the new file.
            if attempt == 4:
                raise WorkbookLocked(
                    f"'{path.name}' başka bir program tarafından kullanılıyor; kaydedilemedi. Dosyayı açık "
                    "tutan programı kapatıp tekrar deneyin. Dosyanın önceki hâli değişmedi.") from exc
            time.sleep(0.2)
        except OSError as exc:
            raise GocKurulError(f"'{path.name}' kaydedilemedi: {exc.strerror or exc}. Dosyanın önceki hâli "
                                "değişmedi.") from exc


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


# --- the package in memory ----------------------------------------------------------------------


def _parser() -> etree.XMLParser:
    # One parser per call: lxml parsers must not be shared between threads.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _serialize(root) -> bytes:
    return XML_DECL + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _resolve(source: str, target: str) -> str:
    target = target.split("#", 1)[0]
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _relative(source: str, part: str) -> str:
    return posixpath.relpath(part, posixpath.dirname(source) or ".")


class _Package:
    """The members of an .xlsx in their order, with parsed XML parts edited in place."""

    def __init__(self, source: PathLike | BinaryIO):
        with zipfile.ZipFile(source) as zf:
            infos = zf.infolist()
            self.data: dict[str, bytes] = {i.filename: zf.read(i) for i in infos}
        self.order = [i.filename for i in infos]
        self.infos = {i.filename: i for i in infos}
        self._lower = {n.lower(): n for n in self.order}
        self._trees: dict[str, etree._Element] = {}
        self.dirty: set[str] = set()
        # Lookups that writing many sheets repeats once per sheet, made once (a year's forms are 1,000+ sheets).
        self._types: tuple[dict[str, Any], dict[str, str]] | None = None  # overrides by part, defaults by ext
        self.next_free: dict[tuple[str, str, str], int] = {}  # new part names: the number to try first

    def find(self, name: str) -> str | None:
        """The member named `name`, compared as OPC does (case-insensitive, percent-decoded)."""
        found = self._lower.get(name.lower())
        if found is None and "%" in name:
            found = self._lower.get(unquote(name).lower())
        return found

    def xml(self, name: str):
        if name not in self._trees:
            try:
                self._trees[name] = etree.fromstring(self.data[name], _parser())
            except etree.XMLSyntaxError as exc:
                raise UnreadableWorkbook(f"Çalışma kitabının '{name}' bölümü bozuk; okunamadı.") from exc
        return self._trees[name]

    def touch(self, name: str) -> None:
        self.dirty.add(name)

    def put(self, name: str, data: bytes) -> None:
        if name == CONTENT_TYPES:
            self._types = None
        if name not in self.data:
            self.order.append(name)
            self._lower[name.lower()] = name
        self.data[name] = data
        self._trees.pop(name, None)
        self.dirty.discard(name)

    def put_xml(self, name: str, root) -> None:
        self.put(name, b"")
        self._trees[name] = root
        self.dirty.add(name)

    def delete(self, name: str) -> None:
        self.next_free.clear()  # a freed name is used again, as a rewrite frees and re-creates its parts
        if name == CONTENT_TYPES:
            self._types = None
        if name in self.data:
            del self.data[name]
            self.order.remove(name)
            self._lower.pop(name.lower(), None)
            self._trees.pop(name, None)
            self.dirty.discard(name)

    def write_to(self, f: BinaryIO) -> None:
        for name in self.dirty:
            self.data[name] = _serialize(self._trees[name])
        with zipfile.ZipFile(f, "w") as out:
            for name in self.order:
                old = self.infos.get(name)
                info = zipfile.ZipInfo(name, date_time=old.date_time if old else ZIP_EPOCH)
                keep_method = old is not None and old.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
                info.compress_type = old.compress_type if keep_method else zipfile.ZIP_DEFLATED
                info.external_attr = old.external_attr if old else 0o644 << 16
                out.writestr(info, self.data[name])

    # relationships ------------------------------------------------------------------------------

    def rels(self, part: str):
        name = self.find(_rels_name(part))
        return self.xml(name) if name else None

    def relationships(self, part: str) -> list[tuple[etree._Element, str | None]]:
        """(relationship element, the member it targets or None if external/missing) of `part`."""
        root = self.rels(part)
        if root is None:
            return []
        out = []
        for rel in root:
            if _local(rel) != "Relationship":
                continue
            target = None
            if rel.get("TargetMode") != "External" and rel.get("Target"):
                target = self.find(_resolve(part, rel.get("Target")))
            out.append((rel, target))
        return out

    def reachable(self, start: str = "", stop: Callable[[str], bool] | None = None) -> set[str]:
        """Members reachable through relationships from `start` ("" = the package root)."""
        seen: set[str] = set()
        stack = [start]
        while stack:
            for _, target in self.relationships(stack.pop()):
                if target and target not in seen:
                    seen.add(target)
                    if stop is None or not stop(target):
                        stack.append(target)
        return seen

    def drop_unreachable(self, candidates: Iterable[str]) -> None:
        alive = self.reachable()
        for part in candidates:
            if part not in alive and part in self.data:
                self.delete(part)
                rels = self.find(_rels_name(part))
                if rels:
                    self.delete(rels)
                self.remove_override(part)

    # content types ------------------------------------------------------------------------------

    def _type_index(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(first Override element by lower-case part name, first Default content type by extension)."""
        if self._types is None:
            overrides: dict[str, Any] = {}
            defaults: dict[str, str] = {}
            for el in self.xml(CONTENT_TYPES):
                kind = _local(el)
                if kind == "Override":
                    overrides.setdefault(el.get("PartName", "").lower(), el)
                elif kind == "Default":
                    defaults.setdefault(el.get("Extension", "").lower(), el.get("ContentType"))
            self._types = (overrides, defaults)
        return self._types

    def content_type(self, part: str) -> str | None:
        overrides, defaults = self._type_index()
        o = overrides.get("/" + part.lower())
        if o is not None:
            return o.get("ContentType")
        return defaults.get(posixpath.splitext(part)[1].lstrip(".").lower())

    def set_content_type(self, part: str, content_type: str) -> None:
        overrides, _ = self._type_index()
        want = "/" + part.lower()
        o = overrides.get(want)
        if o is not None:
            if o.get("ContentType") != content_type:
                o.set("ContentType", content_type)
                self.touch(CONTENT_TYPES)
            return
        if self.content_type(part) != content_type:
            overrides[want] = etree.SubElement(self.xml(CONTENT_TYPES), f"{{{NS_CT}}}Override", PartName="/" + part,
                                               ContentType=content_type)
            self.touch(CONTENT_TYPES)

    def remove_override(self, part: str) -> None:
        types = self.xml(CONTENT_TYPES)
        want = "/" + part.lower()
        self._types = None
        for o in list(types):
            if _local(o) == "Override" and o.get("PartName", "").lower() == want:
                types.remove(o)
                self.touch(CONTENT_TYPES)


def _insert_ordered(parent, tag: str, order: tuple[str, ...]):
    """Insert a new child `tag` where the schema's sequence `order` puts it; unknown siblings are skipped."""
    rank = order.index(etree.QName(tag).localname)
    new = parent.makeelement(tag)
    for i, child in enumerate(parent):
        name = _local(child)
        if name in order and order.index(name) > rank:
            parent.insert(i, new)
            return new
    parent.append(new)
    return new


WORKBOOK_ORDER = (
    "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets",
    "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews",
    "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects",
    "extLst")
STYLES_ORDER = (
    "numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles",
    "colors", "extLst")


# --- styles -------------------------------------------------------------------------------------

BUILTIN_NUMBER_FORMATS = {
    "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11,
    "h:mm": 20, "h:mm:ss": 21, "@": 49,
}

MINIMAL_STYLES = f"""<styleSheet xmlns="{NS_MAIN}"><fonts count="1"><font><sz val="11"/><color theme="1"/>\
<name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill>\
<patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs \
count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf \
numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle \
name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""".encode()


def _canon(el) -> tuple:
    """A comparable form of an element; children sorted (font children are an unordered choice)."""
    return (
        _local(el),
        tuple(sorted(el.attrib.items())),
        tuple(sorted(_canon(c) for c in el if isinstance(c.tag, str))),
    )


def _argb(rgb: str) -> str:
    rgb = rgb.lstrip("#").upper()
    return rgb if len(rgb) == 8 else "FF" + rgb


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


class _Styles:
    """Appends to styles.xml the fonts/fills/borders/number formats/cell formats a sheet needs,
    re-using an identical existing entry so that repeated writes leave the part unchanged."""

    def __init__(self, root):
        self.root = root
        self.ns = etree.QName(root).namespace
        self.changed = False
        self._xfs: dict[Style, int] = {}

    def _tag(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def _section(self, name: str):
        section = self.root.find(self._tag(name))
        if section is None:
            section = _insert_ordered(self.root, self._tag(name), STYLES_ORDER)
            section.set("count", "0")
            self.changed = True
        return section

    def _index(self, section_name: str, item) -> int:
        section = self._section(section_name)
        items = [c for c in section if isinstance(c.tag, str)]
        key = _canon(item)
        for i, existing in enumerate(items):
            if _canon(existing) == key:
                return i
        section.append(item)
        section.set("count", str(len(items) + 1))
        self.changed = True
        return len(items)

    def _number_format(self, code: str | None) -> int:
        if not code:
            return 0
        if code in BUILTIN_NUMBER_FORMATS:
            return BUILTIN_NUMBER_FORMATS[code]
        section = self.root.find(self._tag("numFmts"))
        used = set()
        for nf in section if section is not None else ():
            try:
                nf_id = int(nf.get("numFmtId"))
            except (TypeError, ValueError):
                continue
            if nf.get("formatCode") == code:
                return nf_id
            used.add(nf_id)
        new_id = max([163, *used]) + 1
        section = self._section("numFmts")
        etree.SubElement(section, self._tag("numFmt"), numFmtId=str(new_id), formatCode=code)
        section.set("count", str(len(section)))
        self.changed = True
        return new_id

    def _font(self, st: Style) -> int:
        fonts = self.root.find(self._tag("fonts"))
        base = fonts[0] if fonts is not None and len(fonts) else etree.fromstring(MINIMAL_STYLES)[0][0]
        font = etree.Element(self._tag("font"))
        for flag, tag in ((st.bold, "b"), (st.italic, "i"), (st.underline, "u")):
            if flag:
                etree.SubElement(font, self._tag(tag))
        etree.SubElement(font, self._tag("sz"), val=_num(st.size))
        if st.color:
            etree.SubElement(font, self._tag("color"), rgb=_argb(st.color))
        for tag in (() if st.color else ("color",)) + ("name", "family", "charset", "scheme"):
            child = base.find(f"{{{etree.QName(base).namespace}}}{tag}")
            if child is not None:
                font.append(copy.deepcopy(child))
        return self._index("fonts", font)

    def _fill(self, st: Style) -> int:
        if not st.fill:
            return 0
        fill = etree.Element(self._tag("fill"))
        pattern = etree.SubElement(fill, self._tag("patternFill"), patternType="solid")
        etree.SubElement(pattern, self._tag("fgColor"), rgb=_argb(st.fill))
        etree.SubElement(pattern, self._tag("bgColor"), indexed="64")
        return self._index("fills", fill)

    def _border(self, st: Style) -> int:
        if not st.border:
            return 0
        border = etree.Element(self._tag("border"))
        for side in ("left", "right", "top", "bottom"):
            edge = etree.SubElement(border, self._tag(side), style="thin")
            etree.SubElement(edge, self._tag("color"), indexed="64")
        etree.SubElement(border, self._tag("diagonal"))
        return self._index("borders", border)

    def xf(self, st: Style) -> int:
        """Index into cellXfs of a cell format for `st`."""
        if st in self._xfs:
            return self._xfs[st]
        ids = {
            "numFmtId": self._number_format(st.number_format),
            "fontId": self._font(st),
            "fillId": self._fill(st),
            "borderId": self._border(st),
        }
        xf = etree.Element(self._tag("xf"), {k: str(v) for k, v in ids.items()}, xfId="0")
        for key, apply in (("numFmtId", "applyNumberFormat"), ("fontId", "applyFont"),
                           ("fillId", "applyFill"), ("borderId", "applyBorder")):
            if ids[key]:
                xf.set(apply, "1")
        align = {}
        if st.halign:
            align["horizontal"] = st.halign
        if st.valign and st.valign != "bottom":
            align["vertical"] = st.valign
        if st.wrap:
            align["wrapText"] = "1"
        if align:
            xf.set("applyAlignment", "1")
            etree.SubElement(xf, self._tag("alignment"), align)
        self._xfs[st] = self._index("cellXfs", xf)
        return self._xfs[st]


# --- cells --------------------------------------------------------------------------------------

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EXCEL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
MAX_ROW, MAX_COL = 1_048_576, 16_384


def _clean(text: str) -> str:
    return _ILLEGAL_XML.sub("", text)


def _cell_text(value: str) -> str:
    text = value if value.isprintable() else _clean(value)  # what _clean removes is never printable
    if len(text) > MAX_CELL_CHARS // 2:  # measure in UTF-16 units, as Excel does
        raw = text.encode("utf-16-le")
        if len(raw) > 2 * MAX_CELL_CHARS:
            text = raw[: 2 * MAX_CELL_CHARS].decode("utf-16-le", errors="ignore")
    # Excel reads "_x0041_" as an escaped character; escape the underscore so the text stays literal.
    return _EXCEL_ESCAPE.sub(r"_x005F_\1", text) if "_" in text else text


def _parse_cell(ref: str) -> tuple[int, int]:
    match = _CELL.fullmatch(ref.strip())
    if not match:
        raise ValueError(f"not a cell reference: {ref!r}")
    col = 0
    for ch in match[1].upper():
        col = col * 26 + ord(ch) - 64
    return int(match[2]), col


def _parse_range(ref: str) -> tuple[int, int, int, int]:
    first, _, last = ref.partition(":")
    r1, c1 = _parse_cell(first)
    r2, c2 = _parse_cell(last or first)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def _abs_range(ref: str) -> str:
    r1, c1, r2, c2 = _parse_range(ref)
    return f"${col_letter(c1)}${r1}:${col_letter(c2)}${r2}"


def _is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def _excel_serial(value: dt.date | dt.datetime | dt.time, date1904: bool) -> float | None:
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    fraction = 0.0
    if isinstance(value, dt.datetime):
        fraction = _excel_serial(value.time(), date1904)
        value = value.date()
    if date1904:
        days = (value - dt.date(1904, 1, 1)).days
        if days < 0:
            return None
    else:
        days = (value - dt.date(1899, 12, 31)).days
        if days < 1:
            return None
        if days >= 60:  # Excel counts the non-existent 29 February 1900
            days += 1
    return days + fraction


def _date_format(value) -> str:
    if isinstance(value, dt.datetime):
        return DATETIME_FORMAT if value.time() != dt.time() else DATE_FORMAT
    return TIME_FORMAT if isinstance(value, dt.time) else DATE_FORMAT


def _style(name: str | None) -> Style | None:
    if name is None:
        return None
    try:
        return STYLES[name]
    except KeyError:
        raise ValueError(f"unknown style {name!r}; known: {', '.join(STYLES)}") from None


def _collect_cells(spec: SheetSpec):
    """{(row, col): (value, Style | None)} and {(row, col): location}; later blocks win.

    A None value writes no value, but a styled None still gets its format: a block formats its whole
    rectangle (as the live-Excel backend does), so bordered forms keep empty bordered cells.
    """
    cells: dict[tuple[int, int], tuple[object, Style | None]] = {}
    links: dict[tuple[int, int], str] = {}
    for block in spec.blocks:
        width = block.width
        if block.row < 1 or block.col < 1 or block.row + block.height - 1 > MAX_ROW or \
                block.col + width - 1 > MAX_COL:
            raise GocKurulError("yazılacak tablo Excel'in satır/sütun sınırını aşıyor.", sheet=spec.name)
        for r_off, row in enumerate(block.values):
            for c_off in range(width):
                value = row[c_off] if c_off < len(row) else None
                if _is_missing(value):
                    value = None
                style = _style(block.style_at(c_off))
                if value is None and style is None:
                    continue
                cells[(block.row + r_off, block.col + c_off)] = (value, style)
        for (r_off, c_off), target in block.links.items():
            links[(block.row + r_off, block.col + c_off)] = target
    return cells, links


_XML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})  # as lxml writes text


def _cell_xml(ref: str, value, xf: int, date1904: bool) -> str:
    """One <c> element as text, byte for byte what lxml would write for it, without an lxml node per cell
    (a year's forms are half a million cells)."""
    s = f' s="{xf}"' if xf else ""
    if value is None:
        return f'<c r="{ref}"{s}/>'
    if value.__class__ is not str:  # most cells are text: the other kinds are tested only for the rest
        if isinstance(value, (dt.date, dt.time)):
            serial = _excel_serial(value, date1904)
            if serial is not None:
                return f'<c r="{ref}"{s}><v>{_num(serial)}</v></c>'
            value = f"{value.day:02d}.{value.month:02d}.{value.year:04d}"  # before Excel's first date
        elif isinstance(value, bool):
            return f'<c r="{ref}"{s} t="b"><v>{"1" if value else "0"}</v></c>'
        elif isinstance(value, numbers.Integral):
            return f'<c r="{ref}"{s}><v>{int(value)}</v></c>'
        elif isinstance(value, numbers.Real):
            number = float(value)
            if not math.isfinite(number):  # "inf" / "nan" would be a cell Excel has to repair
                return f'<c r="{ref}"{s} t="e"><v>#NUM!</v></c>'
            return f'<c r="{ref}"{s}><v>{number!r}</v></c>'
        else:
            value = str(value)
    text = _cell_text(value)
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{text.translate(_XML_TEXT)}</t></is></c>'


def _sheet_data_xml(spec: SheetSpec, cells: dict, styles: _Styles, date1904: bool) -> str:
    """The <sheetData> element of a sheet, as text (see _cell_xml)."""
    xfs: dict[int, tuple[Style, int]] = {}  # by id: hashing a Style dataclass per cell costs more than the cell

    def xf_of(style: Style) -> int:
        hit = xfs.get(id(style))
        if hit is None:
            hit = xfs[id(style)] = (style, styles.xf(style))
        return hit[1]

    by_row: dict[int, list[int]] = {}
    for row, col in cells:
        by_row.setdefault(row, []).append(col)
    letters: dict[int, str] = {}
    parts = ["<sheetData>"]
    for row in sorted(set(by_row) | set(spec.row_heights)):
        height = f' ht="{_num(spec.row_heights[row])}" customHeight="1"' if row in spec.row_heights else ""
        if row not in by_row:
            parts.append(f'<row r="{row}"{height}/>')
            continue
        parts.append(f'<row r="{row}"{height}>')
        for col in sorted(by_row[row]):
            value, style = cells[(row, col)]
            if value is not None and isinstance(value, (dt.date, dt.time)) and \
                    (style is None or not style.number_format):
                style = replace(style or Style(), number_format=_date_format(value))
                xf = styles.xf(style)
            else:
                xf = xf_of(style) if style else 0
            letter = letters.get(col)
            if letter is None:
                letter = letters[col] = col_letter(col)
            parts.append(_cell_xml(f"{letter}{row}", value, xf, date1904))
        parts.append("</row>")
    parts.append("</sheetData>")
    return "".join(parts) if len(parts) > 2 else "<sheetData/>"


def _excel_width(chars: float) -> float:
    # Excel stores widths with 5 px of padding at the default font's 7 px digit width; this makes the
    # column show `chars` digits, as setting ColumnWidth does in the live-Excel backend.
    return math.floor((chars * 7 + 5) / 7 * 256) / 256


PAPER_SIZES = {"letter": 1, "legal": 5, "a3": 8, "a4": 9, "a5": 11}


@dataclass
class _Kept:
    """What a replaced generated sheet hands on to its successor."""

    code_name: str | None = None  # links the sheet to its VBA module
    protection: etree._Element | None = None
    tab_selected: bool = False


def _render_sheet(spec: SheetSpec, styles: _Styles, date1904: bool, kept: _Kept,
                  drawing_rid: str | None = None) -> bytes:
    """The worksheet part for `spec`, children in CT_Worksheet order; `drawing_rid` links its charts."""
    cells, links = _collect_cells(spec)
    ps = spec.print_setup
    root = etree.Element(_m("worksheet"), nsmap={None: NS_MAIN, "r": NS_R} if drawing_rid else {None: NS_MAIN})

    if spec.tab_color or (ps and ps.fit_to_width) or kept.code_name:
        pr = etree.SubElement(root, _m("sheetPr"))
        if kept.code_name:
            pr.set("codeName", kept.code_name)
        if spec.tab_color:
            etree.SubElement(pr, _m("tabColor"), rgb=_argb(spec.tab_color))
        if ps and ps.fit_to_width:
            etree.SubElement(pr, _m("pageSetUpPr"), fitToPage="1")

    if cells:
        rows = [r for r, _ in cells]
        cols = [c for _, c in cells]
        first, last = cell_ref(min(rows), min(cols)), cell_ref(max(rows), max(cols))
        etree.SubElement(root, _m("dimension"), ref=first if first == last else f"{first}:{last}")
    else:
        etree.SubElement(root, _m("dimension"), ref="A1")

    view = etree.SubElement(etree.SubElement(root, _m("sheetViews")), _m("sheetView"))
    if kept.tab_selected:
        view.set("tabSelected", "1")
    view.set("workbookViewId", "0")
    if spec.freeze:
        row, col = _parse_cell(spec.freeze)
        top_left = cell_ref(row, col)
        if row > 1 or col > 1:
            pane = etree.SubElement(view, _m("pane"))
            if col > 1:
                pane.set("xSplit", str(col - 1))
            if row > 1:
                pane.set("ySplit", str(row - 1))
            active = "bottomRight" if row > 1 and col > 1 else ("topRight" if col > 1 else "bottomLeft")
            pane.attrib.update({"topLeftCell": top_left, "activePane": active, "state": "frozen"})
            etree.SubElement(view, _m("selection"), pane=active, activeCell=top_left, sqref=top_left)

    if spec.col_widths:
        cols_el = etree.SubElement(root, _m("cols"))
        for col in sorted(spec.col_widths):
            etree.SubElement(cols_el, _m("col"), min=str(col), max=str(col),
                             width=_num(_excel_width(spec.col_widths[col])), customWidth="1")

    etree.SubElement(root, _m("sheetData"))  # an empty placeholder: the rows are spliced in as text below
    sheet_data = _sheet_data_xml(spec, cells, styles, date1904)

    if kept.protection is not None:
        root.append(kept.protection)
    if spec.autofilter:
        etree.SubElement(root, _m("autoFilter"), ref=_abs_range(spec.autofilter).replace("$", ""))

    merges = _merge_ranges(spec.merges)
    if merges:
        merge_el = etree.SubElement(root, _m("mergeCells"), count=str(len(merges)))
        for ref in merges:
            etree.SubElement(merge_el, _m("mergeCell"), ref=ref)

    if links:
        links_el = etree.SubElement(root, _m("hyperlinks"))
        for (row, col), target in sorted(links.items()):
            etree.SubElement(links_el, _m("hyperlink"), ref=cell_ref(row, col),
                             location=_clean(target).lstrip("#"))

    if ps is not None:
        etree.SubElement(root, _m("printOptions"), horizontalCentered="1")
        top, right, bottom, left = (m / 2.54 for m in ps.margins_cm)
        etree.SubElement(root, _m("pageMargins"), left=_num(round(left, 4)), right=_num(round(right, 4)),
                         top=_num(round(top, 4)), bottom=_num(round(bottom, 4)),
                         header=_num(round(min(0.3, top / 2), 4)), footer=_num(round(min(0.3, bottom / 2), 4)))
        setup = etree.SubElement(root, _m("pageSetup"), paperSize=str(PAPER_SIZES.get(ps.paper.lower(), 9)),
                                 orientation=ps.orientation)
        if ps.fit_to_width:
            setup.attrib.update({"fitToWidth": "1", "fitToHeight": "0"})
        if ps.footer:
            footer = etree.SubElement(etree.SubElement(root, _m("headerFooter")), _m("oddFooter"))
            footer.text = ("&C" + _clean(ps.footer))[:255]  # Excel rejects longer headers/footers
    if drawing_rid:
        etree.SubElement(root, _m("drawing")).set(f"{{{NS_R}}}id", drawing_rid)
    head, placeholder, tail = _serialize(root).partition(b"<sheetData/>")
    assert placeholder, "sheetData placeholder missing"
    return head + sheet_data.encode("utf-8") + tail


def _merge_ranges(merges: list[str]) -> list[str]:
    ranges = []
    by_row: dict[int, list[tuple[int, int]]] = {}  # row -> column spans merged on it (forms merge row by row)
    for ref in merges:
        r1, c1, r2, c2 = _parse_range(ref)
        if (r1, c1) == (r2, c2):
            continue  # a one-cell merge is meaningless and Excel repairs it away
        for r in range(r1, r2 + 1):
            spans = by_row.setdefault(r, [])
            if any(c1 <= d2 and d1 <= c2 for d1, d2 in spans):
                raise ValueError(f"overlapping merged ranges: {ref}")
            spans.append((c1, c2))
        ranges.append((r1, c1, r2, c2))
    return [f"{cell_ref(r1, c1)}:{cell_ref(r2, c2)}" for r1, c1, r2, c2 in ranges]


# --- charts -------------------------------------------------------------------------------------

CHART_KINDS = ("column", "bar", "pie")
EMU_PER_CM = 360_000
EMU_PER_PIXEL = 9525
EMU_PER_POINT = 12_700
# The narrower and lower of Excel's and LibreOffice's default cells: a chart's cells are never underestimated.
DEFAULT_COL_PIXELS = 64  # Excel's 8.43 characters of Calibri 11 (LibreOffice's default column is wider)
DEFAULT_ROW_POINTS = 12.75  # LibreOffice's 0.45 cm (Excel's rows are 15 pt)
CAT_AX_ID, VAL_AX_ID = "500000001", "500000002"


def _c(tag: str) -> str:
    return f"{{{NS_C}}}{tag}"


def _a(tag: str) -> str:
    return f"{{{NS_A}}}{tag}"


def _xdr(tag: str) -> str:
    return f"{{{NS_XDR}}}{tag}"


def _cval(parent, tag: str, val) -> etree._Element:
    return etree.SubElement(parent, _c(tag), val=str(val))


def _check_chart(chart: ChartSpec) -> None:
    if chart.kind not in CHART_KINDS:
        raise ValueError(f"unknown chart kind {chart.kind!r}; known: {', '.join(CHART_KINDS)}")
    if not chart.series:
        raise ValueError(f"chart {chart.title!r} has no series")
    if not (chart.width_cm > 0 and chart.height_cm > 0):
        raise ValueError(f"chart {chart.title!r} needs a positive size")
    row, col = _parse_cell(chart.anchor)
    if not (1 <= row <= MAX_ROW and 1 <= col <= MAX_COL):
        raise ValueError(f"chart anchor outside the sheet: {chart.anchor!r}")


def _line_cells(ref: str) -> list[tuple[int, int]]:
    """The cells of a one-row or one-column range, in order."""
    r1, c1, r2, c2 = _parse_range(ref)
    if r1 != r2 and c1 != c2:
        raise ValueError(f"a chart range must be one row or one column: {ref!r}")
    return [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def _chart_text(value) -> str | None:
    """A category as Excel shows it in the chart's cache."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "DOĞRU" if value else "YANLIŞ"
    if isinstance(value, dt.datetime) and value.time() != dt.time():
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, numbers.Real):
        return _num(value) if math.isfinite(value) else None
    return _clean(str(value))


def _chart_number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        return None
    return float(value)


def _data_ref(parent, formula: str, points: list, numeric: bool) -> None:
    """<c:strRef>/<c:numRef> with its formula and a cache of the values the cells hold."""
    ref = etree.SubElement(parent, _c("numRef" if numeric else "strRef"))
    etree.SubElement(ref, _c("f")).text = formula
    cache = etree.SubElement(ref, _c("numCache" if numeric else "strCache"))
    if numeric:
        etree.SubElement(cache, _c("formatCode")).text = "General"
    _cval(cache, "ptCount", len(points))
    for i, point in enumerate(points):
        if point is not None:
            pt = etree.SubElement(cache, _c("pt"), idx=str(i))
            etree.SubElement(pt, _c("v")).text = _num(point) if numeric else point


def _chart_title(parent, text: str) -> None:
    title = etree.SubElement(parent, _c("title"))
    rich = etree.SubElement(etree.SubElement(title, _c("tx")), _c("rich"))
    etree.SubElement(rich, _a("bodyPr"))
    etree.SubElement(rich, _a("lstStyle"))
    p = etree.SubElement(rich, _a("p"))
    etree.SubElement(etree.SubElement(p, _a("pPr")), _a("defRPr"), sz="1400", b="1")
    run = etree.SubElement(p, _a("r"))
    etree.SubElement(run, _a("rPr"), lang="tr-TR", sz="1400", b="1")
    etree.SubElement(run, _a("t")).text = _clean(text)
    _cval(title, "overlay", 0)


def _chart_axes(plot, horizontal: bool, plotted: list[float]) -> None:
    """Category and value axes of a bar chart. Horizontal bars list the categories top down, as read."""
    cat = etree.SubElement(plot, _c("catAx"))
    _cval(cat, "axId", CAT_AX_ID)
    _cval(etree.SubElement(cat, _c("scaling")), "orientation", "maxMin" if horizontal else "minMax")
    _cval(cat, "delete", 0)
    _cval(cat, "axPos", "l" if horizontal else "b")
    _cval(cat, "majorTickMark", "out")
    _cval(cat, "minorTickMark", "none")
    _cval(cat, "tickLblPos", "nextTo")
    _cval(cat, "crossAx", VAL_AX_ID)
    _cval(cat, "crosses", "autoZero")
    _cval(cat, "auto", 1)
    _cval(cat, "lblAlgn", "ctr")
    _cval(cat, "lblOffset", 100)
    _cval(cat, "noMultiLvlLbl", 0)

    whole = all(x.is_integer() for x in plotted)
    val = etree.SubElement(plot, _c("valAx"))
    _cval(val, "axId", VAL_AX_ID)
    _cval(etree.SubElement(val, _c("scaling")), "orientation", "minMax")
    _cval(val, "delete", 0)
    _cval(val, "axPos", "b" if horizontal else "l")
    etree.SubElement(val, _c("majorGridlines"))
    # Counts get whole-number labels; "0" would round the labels of fractional values.
    etree.SubElement(val, _c("numFmt"), formatCode="0" if whole else "General", sourceLinked="0")
    _cval(val, "majorTickMark", "out")
    _cval(val, "minorTickMark", "none")
    _cval(val, "tickLblPos", "nextTo")
    _cval(val, "crossAx", CAT_AX_ID)
    _cval(val, "crosses", "max" if horizontal else "autoZero")  # keep the value axis below the bars
    _cval(val, "crossBetween", "between")
    if whole and max((abs(x) for x in plotted), default=0) <= 10:
        _cval(val, "majorUnit", 1)  # Excel would step small counts by 0.5 and print 0, 1, 1, 2...


def _render_chart(chart: ChartSpec, sheet_name: str, cells: dict) -> bytes:
    """The chart part (c:chartSpace) of `chart`; the caches hold the values `cells` put on the sheet."""
    pie = chart.kind == "pie"
    root = etree.Element(_c("chartSpace"), nsmap={"c": NS_C, "a": NS_A, "r": NS_R})
    _cval(root, "date1904", 0)
    _cval(root, "lang", "tr-TR")
    _cval(root, "roundedCorners", 0)
    chart_el = etree.SubElement(root, _c("chart"))
    _chart_title(chart_el, chart.title)
    _cval(chart_el, "autoTitleDeleted", 0)
    plot = etree.SubElement(chart_el, _c("plotArea"))
    etree.SubElement(plot, _c("layout"))
    if pie:
        group = etree.SubElement(plot, _c("pieChart"))
        _cval(group, "varyColors", 1)
    else:
        group = etree.SubElement(plot, _c("barChart"))
        _cval(group, "barDir", "col" if chart.kind == "column" else "bar")
        _cval(group, "grouping", "clustered")
        _cval(group, "varyColors", 0)

    prefix = quote_sheet(sheet_name) + "!"
    categories = [_chart_text(cells.get(rc, (None,))[0]) for rc in _line_cells(chart.categories)]
    plotted: list[float] = []
    for i, (name, values_ref) in enumerate(chart.series):
        ser = etree.SubElement(group, _c("ser"))
        _cval(ser, "idx", i)
        _cval(ser, "order", i)
        etree.SubElement(etree.SubElement(ser, _c("tx")), _c("v")).text = _clean(name)
        if not pie:
            _cval(ser, "invertIfNegative", 0)
        _data_ref(etree.SubElement(ser, _c("cat")), prefix + _abs_range(chart.categories), categories, False)
        values = [_chart_number(cells.get(rc, (None,))[0]) for rc in _line_cells(values_ref)]
        plotted += [v for v in values if v is not None]
        _data_ref(etree.SubElement(ser, _c("val")), prefix + _abs_range(values_ref), values, True)

    if pie:
        labels = etree.SubElement(group, _c("dLbls"))
        for tag, on in (("showLegendKey", 0), ("showVal", 0), ("showCatName", 0), ("showSerName", 0),
                        ("showPercent", 1), ("showBubbleSize", 0), ("showLeaderLines", 1)):
            _cval(labels, tag, on)
        _cval(group, "firstSliceAng", 0)
    else:
        _cval(group, "gapWidth", 150)
        _cval(group, "axId", CAT_AX_ID)
        _cval(group, "axId", VAL_AX_ID)
        _chart_axes(plot, chart.kind == "bar", plotted)

    if pie or len(chart.series) > 1:  # one bar series needs no legend: the title names it
        legend = etree.SubElement(chart_el, _c("legend"))
        _cval(legend, "legendPos", "r" if pie else "b")
        _cval(legend, "overlay", 0)
    _cval(chart_el, "plotVisOnly", 1)
    _cval(chart_el, "dispBlanksAs", "gap")
    return _serialize(root)


def _render_drawing(charts: list[ChartSpec], rids: list[str]) -> bytes:
    """The drawing part placing each chart at its anchor cell with its size (a oneCellAnchor)."""
    root = etree.Element(_xdr("wsDr"), nsmap={"xdr": NS_XDR, "a": NS_A})
    for i, (chart, rid) in enumerate(zip(charts, rids, strict=True), start=1):
        row, col = _parse_cell(chart.anchor)
        anchor = etree.SubElement(root, _xdr("oneCellAnchor"))
        start = etree.SubElement(anchor, _xdr("from"))
        for tag, value in (("col", col - 1), ("colOff", 0), ("row", row - 1), ("rowOff", 0)):
            etree.SubElement(start, _xdr(tag)).text = str(value)
        etree.SubElement(anchor, _xdr("ext"), cx=str(round(chart.width_cm * EMU_PER_CM)),
                         cy=str(round(chart.height_cm * EMU_PER_CM)))
        frame = etree.SubElement(anchor, _xdr("graphicFrame"), macro="")
        names = etree.SubElement(frame, _xdr("nvGraphicFramePr"))
        etree.SubElement(names, _xdr("cNvPr"), id=str(i + 1), name=f"Grafik {i}", descr=_clean(chart.title))
        etree.SubElement(names, _xdr("cNvGraphicFramePr"))
        xfrm = etree.SubElement(frame, _xdr("xfrm"))
        etree.SubElement(xfrm, _a("off"), x="0", y="0")
        etree.SubElement(xfrm, _a("ext"), cx="0", cy="0")
        data = etree.SubElement(etree.SubElement(frame, _a("graphic")), _a("graphicData"), uri=NS_C)
        etree.SubElement(data, _c("chart"), nsmap={"c": NS_C, "r": NS_R}).set(f"{{{NS_R}}}id", rid)
        etree.SubElement(anchor, _xdr("clientData"))
    return _serialize(root)


def _rels_xml(rels: list[tuple[str, str, str]]) -> bytes:
    root = etree.Element(f"{{{NS_PKG_REL}}}Relationships", nsmap={None: NS_PKG_REL})
    for rid, rel_type, target in rels:
        etree.SubElement(root, f"{{{NS_PKG_REL}}}Relationship", Id=rid, Type=rel_type, Target=target)
    return _serialize(root)


def _used_extent(spec: SheetSpec) -> tuple[int, int]:
    """(last row, last column) covered by the blocks and the charts: the default print area.

    A chart's cells are estimated from the sheet's column widths and row heights (Excel's defaults
    elsewhere); a printout that left a chart out would lose it.
    """
    last_row, last_col = spec.extent()
    for chart in spec.charts:
        row, col = _parse_cell(chart.anchor)
        size = round(chart.width_cm * EMU_PER_CM)
        while col < MAX_COL:
            pixels = _excel_width(spec.col_widths[col]) * 7 if col in spec.col_widths else DEFAULT_COL_PIXELS
            size -= round(pixels * EMU_PER_PIXEL)
            if size <= 0:
                break
            col += 1
        size = round(chart.height_cm * EMU_PER_CM)
        while row < MAX_ROW:
            size -= round(spec.row_heights.get(row, DEFAULT_ROW_POINTS) * EMU_PER_POINT)
            if size <= 0:
                break
            row += 1
        last_row, last_col = max(last_row, row), max(last_col, col)
    return last_row, last_col


# --- workbook surgery ---------------------------------------------------------------------------

_BAD_SHEET_CHARS = set("[]:*?/\\")
MANAGED_NAMES = ("_xlnm.print_area", "_xlnm.print_titles", "_xlnm._filterdatabase")


def _check_sheet_name(name: str) -> None:
    problem = None
    if not name or len(name) > 31:
        problem = "1 ile 31 karakter arasında olmalı"
    elif any(ch in _BAD_SHEET_CHARS or ord(ch) < 32 for ch in name):
        problem = "[ ] : * ? / \\ karakterlerini içeremez"
    elif name.startswith("'") or name.endswith("'"):
        problem = "kesme işaretiyle (') başlayıp bitemez"
    elif name.casefold() == "history":
        problem = "Excel'e ayrılmış bir ad"
    if problem:
        raise GocKurulError(f"'{name}' sayfa adı olarak kullanılamaz: {problem}.")


class _Book:
    def __init__(self, pkg: _Package, file_name: str):
        self.pkg = pkg
        self.file_name = file_name
        self.root = pkg.xml(WORKBOOK)
        namespace = etree.QName(self.root).namespace
        if namespace == NS_STRICT:
            raise GocKurulError(
                f"'{file_name}' 'Katı Open XML Elektronik Tablosu' biçiminde kaydedilmiş; bu biçime yazılamıyor. "
                "Excel'de 'Excel Çalışma Kitabı (.xlsx)' olarak kaydedin.")
        if namespace != NS_MAIN or pkg.rels(WORKBOOK) is None:
            raise UnreadableWorkbook(f"'{file_name}' bozuk: çalışma kitabı bölümü okunamadı.")
        self.sheets = self.root.find(_m("sheets"))
        if self.sheets is None:
            raise UnreadableWorkbook(f"'{file_name}' bozuk: sayfa listesi yok.")
        # Indexes kept up to date by put_sheet, so that writing N sheets costs N, not N².
        self.entries = [s for s in self.sheets if _local(s) == "sheet"]
        self.entry_index: dict[str, int] = {}
        for i, s in enumerate(self.entries):
            self.entry_index.setdefault(s.get("name", "").casefold(), i)
        self._rels_by_id: dict[str, Any] | None = None
        self._sheet_names: dict[str, list] | None = None  # localSheetId -> its definedName elements
        self.max_sheet_id: int | None = None
        self._calc_chain_dropped = False
        pr = self.root.find(_m("workbookPr"))
        self.date1904 = pr is not None and pr.get("date1904", "").lower() in ("1", "true")
        self._styles: _Styles | None = None
        self._styles_part: str | None = None

    # pieces -------------------------------------------------------------------------------------

    def _workbook_rels(self) -> dict[str, Any]:
        """The workbook's relationship elements by Id (the first of an Id, as a scan would find)."""
        if self._rels_by_id is None:
            self._rels_by_id = {}
            for rel in self.pkg.rels(WORKBOOK):
                if _local(rel) == "Relationship":
                    self._rels_by_id.setdefault(rel.get("Id"), rel)
        return self._rels_by_id

    def _rel(self, rid: str):
        rel = self._workbook_rels().get(rid)
        if rel is None:
            raise UnreadableWorkbook(f"'{self.file_name}' bozuk: bir sayfanın bölümü bulunamadı.")
        target = None
        if rel.get("TargetMode") != "External" and rel.get("Target"):
            target = self.pkg.find(_resolve(WORKBOOK, rel.get("Target")))
        return rel, target

    def _new_rel(self, rel_type: str, target: str) -> str:
        rels = self.pkg.rels(WORKBOOK)
        ids = self._workbook_rels()
        n = len(ids) + 1
        while f"rId{n}" in ids:
            n += 1
        ids[f"rId{n}"] = etree.SubElement(rels, f"{{{NS_PKG_REL}}}Relationship", Id=f"rId{n}", Type=rel_type,
                                          Target=_relative(WORKBOOK, target))
        self.pkg.touch(self.pkg.find(_rels_name(WORKBOOK)))
        return f"rId{n}"

    def _new_part(self, folder: str, stem: str, ext: str) -> str:
        key = (folder, stem, ext)
        n = self.pkg.next_free.get(key, 1)
        while self.pkg.find(f"{folder}/{stem}{n}.{ext}") or self.pkg.find(_rels_name(f"{folder}/{stem}{n}.{ext}")):
            n += 1
        self.pkg.next_free[key] = n + 1
        return f"{folder}/{stem}{n}.{ext}"

    def styles(self) -> _Styles:
        if self._styles is None:
            part = next((t for rel, t in self.pkg.relationships(WORKBOOK) if rel.get("Type") == RT_STYLES and t),
                        None)
            if part is None:
                part = "xl/styles.xml" if not self.pkg.find("xl/styles.xml") else self._new_part("xl", "styles", "xml")
                self.pkg.put_xml(part, etree.fromstring(MINIMAL_STYLES, _parser()))
                self.pkg.set_content_type(part, CT_STYLES)
                self._new_rel(RT_STYLES, part)
            self._styles_part = part
            self._styles = _Styles(self.pkg.xml(part))
        return self._styles

    def _drop_calc_chain(self) -> None:
        if self._calc_chain_dropped:
            return
        self._calc_chain_dropped = True
        for rel, target in self.pkg.relationships(WORKBOOK):
            if rel.get("Type") == RT_CALC_CHAIN:
                rel.getparent().remove(rel)
                self._rels_by_id = None
                self.pkg.touch(self.pkg.find(_rels_name(WORKBOOK)))
                if target:
                    self.pkg.delete(target)
                    self.pkg.remove_override(target)

    def _kept(self, part: str) -> _Kept:
        kept = _Kept()
        root = self.pkg.xml(part)
        ns = etree.QName(root).namespace
        pr = root.find(f"{{{ns}}}sheetPr")
        if pr is not None:
            kept.code_name = pr.get("codeName")
        kept.protection = root.find(f"{{{ns}}}sheetProtection")
        view = root.find(f"{{{ns}}}sheetViews/{{{ns}}}sheetView")
        kept.tab_selected = view is not None and view.get("tabSelected", "").lower() in ("1", "true")
        return kept

    # the operation ------------------------------------------------------------------------------

    def put_sheet(self, spec: SheetSpec) -> None:
        _check_sheet_name(spec.name)
        entries = self.entries
        wanted = spec.name.casefold()
        index = self.entry_index.get(wanted)
        kept = _Kept()
        garbage: set[str] = set()
        if index is not None:
            entry = entries[index]
            existing = entry.get("name")
            if not is_generated_sheet(existing):
                raise GocKurulError(
                    "bu programın ürettiği bir sayfa değil (veri girilen bir sayfa); üzerine yazılmadı. "
                    f"'{self.file_name}' dosyası değiştirilmedi.", sheet=existing)
            rel, old_part = self._rel(entry.get(f"{{{NS_R}}}id"))
            if old_part:
                garbage = self.pkg.reachable(old_part)
                old_rels = self.pkg.find(_rels_name(old_part))
                if old_rels:
                    self.pkg.delete(old_rels)
            if rel.get("Type") == RT_WORKSHEET and old_part:
                part = old_part
                kept = self._kept(part)
            else:  # a chart sheet (or a missing part) becomes a worksheet
                part = self._new_part("xl/worksheets", "sheet", "xml")
                rel.set("Type", RT_WORKSHEET)
                rel.set("Target", _relative(WORKBOOK, part))
                self.pkg.touch(self.pkg.find(_rels_name(WORKBOOK)))
                if old_part:
                    garbage.add(old_part)
            if existing != spec.name:
                entry.set("name", spec.name)
            self._drop_calc_chain()
        else:
            protection = self.root.find(_m("workbookProtection"))
            if protection is not None and protection.get("lockStructure", "").lower() in ("1", "true"):
                raise GocKurulError(
                    f"'{self.file_name}' çalışma kitabının yapısı korumalı; '{spec.name}' sayfası eklenemedi. "
                    "Excel'de Gözden Geçir > Çalışma Kitabını Koru ile korumayı kaldırıp tekrar deneyin.")
            index = len(entries)
            part = self._new_part("xl/worksheets", "sheet", "xml")
            rid = self._new_rel(RT_WORKSHEET, part)
            if self.max_sheet_id is None:
                self.max_sheet_id = max((int(s.get("sheetId")) for s in entries
                                         if (s.get("sheetId") or "").isdigit()), default=0)
            self.max_sheet_id += 1
            entry = etree.Element(_m("sheet"), nsmap={"r": NS_R})
            entry.set("name", spec.name)
            entry.set("sheetId", str(self.max_sheet_id))
            entry.set(f"{{{NS_R}}}id", rid)
            if len(entries):
                entries[-1].addnext(entry)
            else:
                self.sheets.append(entry)
            entries.append(entry)
            self.entry_index[wanted] = index
        self.pkg.touch(WORKBOOK)
        if garbage:  # before new parts are named, so a rewrite re-uses the names (and bytes) it frees
            self.pkg.drop_unreachable(garbage)

        styles = self.styles()
        drawing_rid = "rId1" if spec.charts else None  # the sheet's old relationships were dropped
        self.pkg.put(part, _render_sheet(spec, styles, self.date1904, kept, drawing_rid))
        if styles.changed:
            self.pkg.touch(self._styles_part)
        self.pkg.set_content_type(part, CT_WORKSHEET)
        if drawing_rid:
            self._put_charts(part, spec, drawing_rid)
        self._set_defined_names(index, spec)

    def _put_charts(self, sheet_part: str, spec: SheetSpec, drawing_rid: str) -> None:
        """One drawing part for the sheet's charts and one chart part per chart, with their links."""
        for chart in spec.charts:
            _check_chart(chart)
        cells, _ = _collect_cells(spec)
        drawing = self._new_part("xl/drawings", "drawing", "xml")
        rids = [f"rId{i}" for i in range(1, len(spec.charts) + 1)]
        self.pkg.put(drawing, _render_drawing(spec.charts, rids))
        self.pkg.set_content_type(drawing, CT_DRAWING)
        chart_rels = []
        for rid, chart in zip(rids, spec.charts, strict=True):
            part = self._new_part("xl/charts", "chart", "xml")
            self.pkg.put(part, _render_chart(chart, spec.name, cells))
            self.pkg.set_content_type(part, CT_CHART)
            chart_rels.append((rid, RT_CHART, _relative(drawing, part)))
        self.pkg.put(_rels_name(drawing), _rels_xml(chart_rels))
        self.pkg.put(_rels_name(sheet_part),
                     _rels_xml([(drawing_rid, RT_DRAWING, _relative(sheet_part, drawing))]))

    def _names_of_sheet(self, local_id: str) -> list:
        if self._sheet_names is None:
            self._sheet_names = {}
            names = self.root.find(_m("definedNames"))
            for dn in names if names is not None else ():
                self._sheet_names.setdefault(dn.get("localSheetId"), []).append(dn)
        return self._sheet_names.setdefault(local_id, [])

    def _set_defined_names(self, index: int, spec: SheetSpec) -> None:
        names = self.root.find(_m("definedNames"))
        local_id = str(index)
        own = self._names_of_sheet(local_id)
        if names is not None:
            for dn in list(own):
                if (dn.get("name") or "").lower() in MANAGED_NAMES:
                    names.remove(dn)
                    own.remove(dn)
        sheet = quote_sheet(spec.name)
        new: list[tuple[str, str, bool]] = []
        ps = spec.print_setup
        if ps is not None:
            if ps.area:
                area = ",".join(f"{sheet}!{_abs_range(part)}" for part in ps.area.split(","))
            else:
                last_row, last_col = _used_extent(spec)
                area = f"{sheet}!$A$1:${col_letter(last_col)}${last_row}"
            new.append(("_xlnm.Print_Area", area, False))
            if ps.title_rows:
                first, last = ps.title_rows
                new.append(("_xlnm.Print_Titles", f"{sheet}!${first}:${last}", False))
        if spec.autofilter:
            new.append(("_xlnm._FilterDatabase", f"{sheet}!{_abs_range(spec.autofilter)}", True))
        if new and names is None:
            names = _insert_ordered(self.root, _m("definedNames"), WORKBOOK_ORDER)
        for name, value, hidden in new:
            dn = etree.SubElement(names, _m("definedName"), name=name, localSheetId=local_id)
            if hidden:
                dn.set("hidden", "1")
            dn.text = value
            own.append(dn)
        if names is not None and not len(names):
            self.root.remove(names)


def write_sheets(path: PathLike, specs: list[SheetSpec], *, make_backup: bool = True) -> Path | None:
    """Put each generated sheet into the workbook, copying every other part unchanged.

    An existing sheet of the same name is replaced in place (it must be a generated sheet); a new one
    is appended after the last sheet. Returns the backup of the previous file (None without backup).
    """
    path = Path(path)
    check_package(path)
    check_not_locked(path)
    if not specs:
        return None
    pkg = _Package(path)
    book = _Book(pkg, path.name)
    for spec in specs:
        book.put_sheet(spec)
    return save_atomic(path, pkg.write_to, make_backup=make_backup)


# --- what openpyxl would lose -------------------------------------------------------------------

# Content types by their last dotted segment (lower case) -> what the user would call the content.
_CONTENT_LABELS = {
    "pivottable+xml": "pivot tablo",
    "pivotcachedefinition+xml": "pivot tablo önbelleği",
    "pivotcacherecords+xml": "pivot tablo önbelleği",
    "slicer+xml": "dilimleyici (slicer)",
    "slicercache+xml": "dilimleyici (slicer)",
    "timeline+xml": "zaman çizelgesi (timeline)",
    "timelinecache+xml": "zaman çizelgesi (timeline)",
    "controlproperties+xml": "form denetimi (düğme)",
    "chart+xml": "grafik",
    "chartstyle+xml": "grafik stili/renkleri",
    "chartcolorstyle+xml": "grafik stili/renkleri",
    "themeoverride+xml": "grafik stili/renkleri",
    "chartshapes+xml": "grafik içindeki şekil",
    "diagramdata+xml": "SmartArt grafiği",
    "diagramlayout+xml": "SmartArt grafiği",
    "diagramstyle+xml": "SmartArt grafiği",
    "diagramcolors+xml": "SmartArt grafiği",
    "diagramdrawing+xml": "SmartArt grafiği",
    "vmldrawing": "eski tür (VML) çizim: form denetimi, şekil ya da not kutusu",
    "comments+xml": "açıklama (not)",
    "threadedcomments+xml": "yazışmalı açıklama",
    "person+xml": "yazışmalı açıklama kişileri",
    "vbaproject": "makro (VBA)",
    "vbaprojectsignature": "makro imzası",
    "table+xml": "tablo (ListObject)",
    "tablesinglecells+xml": "XML eşlemesi",
    "xmlmaps+xml": "XML eşlemesi",
    "querytable+xml": "sorgu tablosu",
    "connections+xml": "veri bağlantısı",
    "externallink+xml": "dış başvuru (başka dosyaya bağlantı)",
    "sheetmetadata+xml": "dinamik dizi formülü / veri türü bilgisi",
    "rdrichvalue+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "rdrichvaluestructure+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "rdrichvaluetypes+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "rdarray+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "rdsupportingpropertybag+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "rdsupportingpropertybagstructure+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "richvaluerel+xml": "zengin veri türleri (hücre içi resim, hisse, coğrafya)",
    "featurepropertybag+xml": "hücre içi onay kutusu",
    "activex+xml": "ActiveX denetimi",
    "activex": "ActiveX denetimi",
    "oleobject": "gömülü nesne (OLE)",
    "package": "gömülü nesne (OLE)",
    "sheet": "gömülü nesne (OLE)",
    "model+data": "veri modeli (Power Pivot)",
    "webextension+xml": "Office eklentisi",
    "webextensiontaskpanes+xml": "Office eklentisi",
    "namedsheetview+xml": "adlandırılmış sayfa görünümü",
    "revisionheaders+xml": "değişiklik geçmişi (paylaşılan çalışma kitabı)",
    "revisionlog+xml": "değişiklik geçmişi (paylaşılan çalışma kitabı)",
    "usernames+xml": "değişiklik geçmişi (paylaşılan çalışma kitabı)",
    "labelinfo+xml": "duyarlılık etiketi",
    "classificationlabels+xml": "duyarlılık etiketi",
    "dialogsheet+xml": None, "macrosheet+xml": None, "chartsheet+xml": None, "worksheet+xml": None,
    "drawing+xml": None,  # judged by the objects its anchors hold
    "main+xml": None, "styles+xml": None, "sharedstrings+xml": None, "theme+xml": None,
    "calcchain+xml": None,  # Excel rebuilds it
    "printersettings": None,  # printer driver blob; paper and orientation live in pageSetup
    "relationships+xml": None, "core-properties+xml": None, "extended-properties+xml": None,
    "custom-properties+xml": None, "xml": None, "volatiledependencies+xml": None,
}
_BOOK_LEVEL = {"pivot tablo önbelleği", "dilimleyici (slicer)", "zaman çizelgesi (timeline)"}

_SHEET_CHILD_LABELS = {
    "sheetProtection": "sayfa koruması", "protectedRanges": "korumalı aralıklar", "scenarios": "senaryolar",
    "autoFilter": "otomatik filtre", "sortState": "sıralama ayarı", "dataConsolidate": "veri birleştirme ayarı",
    "customSheetViews": "özel görünümler", "mergeCells": "birleştirilmiş hücreler",
    "conditionalFormatting": "koşullu biçimlendirme", "dataValidations": "veri doğrulama (açılır liste)",
    "hyperlinks": "köprüler", "headerFooter": "üst/alt bilgi", "rowBreaks": "sayfa sonları",
    "colBreaks": "sayfa sonları", "customProperties": "özel sayfa özellikleri",
    "cellWatches": "izleme penceresi hücreleri", "smartTags": "akıllı etiketler",
    "legacyDrawing": "eski tür (VML) çizim: form denetimi, şekil ya da not kutusu",
    "legacyDrawingHF": "üst/alt bilgideki resim", "drawingHF": "üst/alt bilgideki resim",
    "picture": "sayfa arka plan resmi", "oleObjects": "gömülü nesne (OLE)", "controls": "form denetimi (düğme)",
    "webPublishItems": "web'de yayımlama ayarı", "tableParts": "tablo (ListObject)",
}
_SHEET_CHILD_IGNORED = {
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "phoneticPr",
    "ignoredErrors", "printOptions", "pageMargins", "pageSetup", "drawing", "extLst",
}
_EXT_LABELS = {
    "conditionalFormattings": "x14 koşullu biçimlendirme uzantısı",
    "dataValidations": "x14 veri doğrulama uzantısı (başka sayfadaki listeden açılır liste)",
    "sparklineGroups": "mini grafik (sparkline)",
    "slicerList": "dilimleyici (slicer)",
    "timelineRefs": "zaman çizelgesi (timeline)",
    "protectedRanges": "korumalı aralıklar",
    "webExtensions": "Office eklentisi",
    "slicerCaches": "dilimleyici (slicer)",
    "timelineCacheRefs": "zaman çizelgesi (timeline)",
    "pivotCaches": "pivot tablo önbelleği (veri modeli)",
    "timelineCachePivotCaches": "zaman çizelgesi (timeline)",
    "dataModel": "veri modeli (Power Pivot)",
    "definedNames": "tanımlı ad uzantısı",
}
_EXT_IGNORED = {"workbookPr", "calcFeatures", "ignoredErrors"}  # trivial settings Excel adds to most files
NS_LIBREOFFICE = "http://schemas.libreoffice.org/"
# (namespace, element) of extensions that hold no content: LibreOffice's own calculation settings
# (`loext:extCalcPr stringRefSyntax=...`, written into every workbook it saves), read by LibreOffice alone.
_EXT_IGNORED_QNAMES = {(NS_LIBREOFFICE, "extCalcPr")}
_BOOK_CHILD_LABELS = {
    "fileSharing": "dosya paylaşım ayarı (yazma parolası / salt okunur önerisi)",
    "customWorkbookViews": "özel görünümler", "functionGroups": "özel işlev grupları",
    "smartTagPr": "akıllı etiketler", "smartTagTypes": "akıllı etiketler",
    "webPublishing": "web'de yayımlama ayarı", "webPublishObjects": "web'de yayımlama ayarı",
    "definedNames": "tanımlı adlar", "pivotCaches": "pivot tablo önbelleği",
    "externalReferences": "dış başvuru (başka dosyaya bağlantı)",
}


def _part_label(part: str, content_type: str | None) -> str | None:
    low = part.lower()
    if low.startswith("customxml/"):
        return "özel XML verisi (customXml)"
    if low.startswith("customui/"):
        return "özel şerit (ribbon) sekmesi"
    if low.startswith("docprops/thumbnail") or not content_type:
        return None
    if content_type.startswith("image/"):
        return "resim"
    short = content_type.rsplit("/", 1)[-1].rsplit(".", 1)[-1].lower()
    if short in _CONTENT_LABELS:
        return _CONTENT_LABELS[short]
    return f"tanınmayan içerik ({content_type})"


def _drawing_objects(root) -> Counter:
    out: Counter = Counter()
    for anchor in root:
        if _local(anchor) == "AlternateContent":
            anchor = next((a for choice in anchor for a in choice if isinstance(a.tag, str)), None)
            if anchor is None:
                continue
        for obj in anchor:
            name = _local(obj)
            if name in ("sp", "grpSp", "cxnSp"):
                is_control = any(_local(e) == "compatExt" for e in obj.iter())
                out["form denetimi (düğme)" if is_control else "şekil/çizim"] += 1
            elif name == "pic":
                out["resim"] += 1
            elif name == "graphicFrame":
                kinds = {_local(e) for e in obj.iter()}
                out["grafik" if "chart" in kinds else "SmartArt grafiği" if "relIds" in kinds
                    else "grafik nesnesi"] += 1
            elif name == "contentPart":
                out["mürekkep çizimi"] += 1
    return out


def _ext_labels(ext_list) -> set[str]:
    out = set()
    for ext in ext_list if ext_list is not None else ():
        for child in ext:
            name = _local(child)
            if not name or (etree.QName(child).namespace, name) in _EXT_IGNORED_QNAMES:
                continue
            if name not in _EXT_IGNORED:
                out.add(_EXT_LABELS.get(name, f"uzantı ({name})"))
    return out


def _ext_uris(root) -> Counter:
    return Counter(e.get("uri") for e in root.iter() if _local(e) == "ext" and e.get("uri"))


# --- page headers and footers ------------------------------------------------------------------
# openpyxl parses a header/footer into left/centre/right parts with one font, size and colour each,
# and writes it back from those: an empty `<headerFooter>` (LibreOffice writes one on every sheet)
# disappears, which is nothing; but a text without a section code ("Gizli") is dropped with a warning,
# a part with two fonts or sizes is rewritten with one, and "&12Sayfa" becomes "&12 Sayfa". So headers
# are compared by their text, and `openpyxl_load` puts back any text openpyxl would not write as it was.

HF_TEXTS = ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter")
HF_SWITCHES = (("differentOddEven", False), ("differentFirst", False), ("scaleWithDoc", True),
               ("alignWithMargins", True))
_XSTRING_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_HF_ONLY_SECTIONS = re.compile(r"(?:&[LCR])*")


@dataclass(frozen=True)
class HeaderFooterTexts:
    """A sheet's page headers/footers as Excel reads them: the six texts (`HF_TEXTS`; "" = none) and
    the four switches (`HF_SWITCHES`). Without any text the switches change nothing: they are dropped."""

    texts: tuple[str, ...] = ("",) * len(HF_TEXTS)
    switches: tuple[bool, ...] = tuple(default for _, default in HF_SWITCHES)

    def __bool__(self) -> bool:
        return any(self.texts)

    @classmethod
    def of(cls, texts: Iterable[str | None], switches: Iterable[bool | None]) -> HeaderFooterTexts:
        norm = tuple(_hf_text(t) for t in texts)
        if not any(norm):
            return cls()
        return cls(norm, tuple(default if value is None else bool(value)
                               for (_, default), value in zip(HF_SWITCHES, switches, strict=True)))


def _hf_text(text: str | None) -> str:
    """Header/footer text as Excel reads it: `_xHHHH_` escapes decoded, a text before any section
    code belongs to the centre section, section codes with nothing after them are nothing."""
    text = _XSTRING_ESCAPE.sub(lambda m: chr(int(m[1], 16)), text or "")
    if _HF_ONLY_SECTIONS.fullmatch(text):
        return ""
    if not text.startswith(("&L", "&C", "&R")):
        text = "&C" + text
    return text


def _xml_bool(value: str | None) -> bool | None:
    if value is None:
        return None
    return value.strip().lower() in ("1", "true", "on")


def _header_footer_of(element) -> HeaderFooterTexts:
    """The `<headerFooter>` element of a sheet part (None: the sheet has none)."""
    if element is None:
        return HeaderFooterTexts()
    texts = {_local(child): child.text for child in element}
    return HeaderFooterTexts.of((texts.get(tag) for tag in HF_TEXTS),
                                (_xml_bool(element.get(name)) for name, _ in HF_SWITCHES))


def _sheet_parts(pkg: _Package) -> list[tuple[str, str]]:
    """(sheet name, its part) for every sheet of the workbook, in tab order."""
    book = pkg.xml(WORKBOOK)
    sheets = book.find(f"{{{etree.QName(book).namespace}}}sheets")
    targets = {rel.get("Id"): t for rel, t in pkg.relationships(WORKBOOK)}
    out = []
    for entry in sheets if sheets is not None else ():
        part = targets.get(entry.get(f"{{{NS_R}}}id"))
        if _local(entry) == "sheet" and part:
            out.append((entry.get("name"), part))
    return out


def _package_header_footers(pkg: _Package) -> dict[str, HeaderFooterTexts]:
    out = {}
    for name, part in _sheet_parts(pkg):
        element = next((child for child in pkg.xml(part) if _local(child) == "headerFooter"), None)
        out[name] = _header_footer_of(element)
    return out


def header_footers(path: PathLike) -> dict[str, HeaderFooterTexts]:
    """Sheet name -> its headers/footers as written in the file."""
    path = Path(path)
    check_package(path)
    return _package_header_footers(_Package(path))


def _openpyxl_header_footer(hf) -> HeaderFooterTexts:
    """What openpyxl will write for a sheet's `HeaderFooter` object (nothing when it is falsy)."""
    if hf is None or not hf:
        return HeaderFooterTexts()
    return HeaderFooterTexts.of((str(item) if item is not None else "" for item in
                                 (getattr(hf, tag) for tag in HF_TEXTS)),
                                (getattr(hf, name) for name, _ in HF_SWITCHES))


def _openpyxl_item(text: str):
    """An openpyxl HeaderFooterItem that writes `text` (normalized by `_hf_text`) unchanged."""
    from openpyxl.worksheet.header_footer import HeaderFooterItem

    item = HeaderFooterItem()
    if text:
        # All of it in the part of its first section code: the part writes "&<code>" + its text, and
        # without font, size or colour its text goes out exactly as given.
        part = {"L": item.left, "C": item.center, "R": item.right}[text[1]]
        part.text = text[2:]
    return item


def restore_header_footers(workbook, originals: dict[str, HeaderFooterTexts]) -> list[str]:
    """Put back each sheet's headers/footers where openpyxl would not write them as they were.

    `originals` as `header_footers` returns; returns the names of the sheets that were repaired."""
    from openpyxl.worksheet.header_footer import HeaderFooter

    repaired = []
    for ws in workbook.worksheets:
        original = originals.get(ws.title)
        if original is None or _openpyxl_header_footer(getattr(ws, "HeaderFooter", None)) == original:
            continue
        hf = HeaderFooter(**{name: (value if original else None)
                             for (name, _), value in zip(HF_SWITCHES, original.switches, strict=True)})
        for tag, text in zip(HF_TEXTS, original.texts, strict=True):
            setattr(hf, tag, _openpyxl_item(text))
        ws.HeaderFooter = hf
        repaired.append(ws.title)
    return repaired


def _openpyxl_load(data: bytes, pkg: _Package, keep_vba: bool):
    import openpyxl

    with warnings.catch_warnings():
        # openpyxl warns about what it does not read (header texts, extensions): openpyxl_losses
        # names what is lost, and the headers are put back below.
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(io.BytesIO(data), keep_links=True, keep_vba=keep_vba)
    restore_header_footers(workbook, _package_header_footers(pkg))
    return workbook


def openpyxl_load(path: PathLike, *, keep_vba: bool | None = None):
    """The workbook as openpyxl loads it for rewriting (links kept), with its headers and footers
    as written in the file. Check `refuse_if_lossy` first: this is the load it judges."""
    path = Path(path)
    check_package(path)
    if keep_vba is None:
        keep_vba = path.suffix.lower() in (".xlsm", ".xltm")
    data = path.read_bytes()
    return _openpyxl_load(data, _Package(io.BytesIO(data)), keep_vba)


@dataclass
class _SheetInventory:
    children: set[str] = field(default_factory=set)
    header_footer: HeaderFooterTexts = field(default_factory=HeaderFooterTexts)
    extensions: set[str] = field(default_factory=set)
    kinds: Counter = field(default_factory=Counter)
    exts: Counter = field(default_factory=Counter)
    drawn: Counter = field(default_factory=Counter)


@dataclass
class _Inventory:
    sheets: dict[str, _SheetInventory] = field(default_factory=dict)
    kinds: Counter = field(default_factory=Counter)
    exts: Counter = field(default_factory=Counter)
    book_children: set[str] = field(default_factory=set)
    book_extensions: set[str] = field(default_factory=set)
    rich_runs: int = 0


def _inventory(pkg: _Package) -> _Inventory:
    inv = _Inventory()
    labels = {p: _part_label(p, pkg.content_type(p)) for p in pkg.order if not p.endswith("/")}

    def add_part(part: str, kinds: Counter, exts: Counter) -> None:
        label = labels.get(part)
        if not label:
            return
        kinds[label] += 1
        if part.lower().endswith(".xml") and label not in ("özel XML verisi (customXml)",):
            exts.update((label, uri) for uri in _ext_uris(pkg.xml(part)))

    for part in labels:
        add_part(part, inv.kinds, inv.exts)

    book = pkg.xml(WORKBOOK)
    for child in book:
        name = _local(child)
        if name == "extLst":
            inv.book_extensions = _ext_labels(child)
        elif name in _BOOK_CHILD_LABELS and (name != "definedNames" or len(child)):
            inv.book_children.add(name)
    for name, part in _sheet_parts(pkg):
        sheet = inv.sheets[name] = _SheetInventory()
        root = pkg.xml(part)
        for child in root:
            if _local(child) == "AlternateContent":
                sheet.children.update(_local(e) for branch in child for e in branch)
            elif _local(child) == "extLst":
                sheet.extensions = _ext_labels(child)
            elif _local(child) == "headerFooter":
                sheet.header_footer = _header_footer_of(child)  # compared by its text, see above
            else:
                sheet.children.add(_local(child))
        related = pkg.reachable(part, stop=lambda p: labels.get(p) in _BOOK_LEVEL)
        for rel_part in related:
            if labels.get(rel_part) in _BOOK_LEVEL:
                continue
            add_part(rel_part, sheet.kinds, sheet.exts)
            if (pkg.content_type(rel_part) or "").endswith(".drawing+xml"):
                sheet.drawn.update(_drawing_objects(pkg.xml(rel_part)))

    shared = next((t for rel, t in pkg.relationships(WORKBOOK) if rel.get("Type") == RT_SHARED_STRINGS and t),
                  None)
    if shared:
        inv.rich_runs = sum(1 for e in pkg.xml(shared).iter() if _local(e) == "r")
    return inv


def _losses(before: _Inventory, after: _Inventory) -> list[str]:
    out: list[str] = []
    on_sheets: set[str] = set()
    for name, b in before.sheets.items():
        a = after.sheets.get(name)
        if a is None:
            out.append(f"'{name}' sayfasının tamamı")
            continue
        labels = [_SHEET_CHILD_LABELS.get(n, f"<{n}> öğesi") for n in sorted(b.children - a.children)
                  if n not in _SHEET_CHILD_IGNORED]
        if b.header_footer != a.header_footer:
            labels.append(_SHEET_CHILD_LABELS["headerFooter"])
        labels += sorted(b.extensions - a.extensions)
        labels += list(b.drawn - a.drawn)
        labels += list(b.kinds - a.kinds)
        labels += [f"{label} ayarları (uzantı)" for label, _ in b.exts - a.exts]
        for label in dict.fromkeys(labels):
            out.append(f"'{name}' sayfasındaki {label}")
            on_sheets.add(label)
    out += [label for label in before.kinds - after.kinds if label not in on_sheets]
    out += [f"{label} ayarları (uzantı)" for label, _ in before.exts - after.exts
            if f"{label} ayarları (uzantı)" not in on_sheets]
    out += [_BOOK_CHILD_LABELS[n] for n in sorted(before.book_children - after.book_children)]
    out += sorted(before.book_extensions - after.book_extensions)
    if after.rich_runs < before.rich_runs:
        out.append("hücre içi zengin metin biçimlendirmesi (aynı hücrede farklı yazı biçimleri)")
    return list(dict.fromkeys(out))


def openpyxl_losses(path: PathLike, *, keep_vba: bool | None = None) -> list[str]:
    """Turkish names of what an `openpyxl_load` + save round trip would drop from this workbook.

    The round trip is actually performed in memory and the two packages compared: part kinds that
    became fewer, worksheet elements and extensions that vanished, drawing objects, workbook extensions,
    header/footer texts that changed. `keep_vba` as passed to openpyxl; None = keep it for macro-enabled
    files (.xlsm, .xltm).
    """
    path = Path(path)
    check_package(path)
    if keep_vba is None:
        keep_vba = path.suffix.lower() in (".xlsm", ".xltm")
    original = path.read_bytes()
    before = _Package(io.BytesIO(original))
    try:
        workbook = _openpyxl_load(original, before, keep_vba)
        result = io.BytesIO()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook.save(result)
    except UnreadableWorkbook:
        raise
    except Exception as exc:
        return [f"dosyanın tamamı (openpyxl bu dosyayı işleyemiyor: {type(exc).__name__})"]
    return _losses(_inventory(before), _inventory(_Package(result)))


def refuse_if_lossy(path: PathLike, action: str, *, keep_vba: bool | None = None) -> None:
    """Raise `WouldLoseContent` if an openpyxl round trip would drop content; `action` is a Turkish noun
    such as "güncelleme"."""
    losses = openpyxl_losses(path, keep_vba=keep_vba)
    if losses:
        items = "\n".join(f"• {loss}" for loss in losses)
        action = action.strip()
        action = {"i": "İ", "ı": "I"}.get(action[:1], action[:1].upper()) + action[1:]
        raise WouldLoseContent(
            f"{action} yapılamadı: '{Path(path).name}' dosyasındaki şu içerikler bu işlemde kaybolurdu:\n"
            f"{items}\nDosyaya hiçbir şey yazılmadı.")
