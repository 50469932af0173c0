"""Package checks before anything is read or written: zip bombs, XML entity tricks, encrypted or foreign
formats, and files locked by Excel or LibreOffice.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from ..errors import UnreadableWorkbook, WorkbookLocked
from .package import WORKBOOK, PathLike

MAX_TOTAL_UNCOMPRESSED = 512 * 2**20



MAX_RATIO = 1000



RATIO_MIN_SIZE = 50 * 2**20



MAX_PROLOG = 2**20  # Excel writes the root element within the first bytes; a megabyte of prolog is hostile



OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and password-protected .xlsx



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
