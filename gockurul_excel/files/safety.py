"""Package checks before anything is read or written: zip bombs, XML entity tricks, encrypted or foreign
formats; the lock files of Excel and LibreOffice, and our own lock that makes two gockurul writers of one
file take turns.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import socket
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import GocKurulError, UnreadableWorkbook, WorkbookLocked

PathLike = str | os.PathLike
WORKBOOK = "xl/workbook.xml"  # the part every workbook package has

MAX_TOTAL_UNCOMPRESSED = 512 * 2**20


MAX_RATIO = 1000


RATIO_MIN_SIZE = 50 * 2**20


MAX_PROLOG = 2**20  # Excel writes the root element within the first bytes; a megabyte of prolog is hostile


OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and password-protected .xlsx


def check_package(path: PathLike, data: bytes | None = None) -> None:
    """Raise `UnreadableWorkbook` unless `path` is an intact, safe-to-parse .xlsx package.

    Reads the central directory, every member once (zipfile verifies each CRC at its end) and, in the
    XML parts, only the prolog before the root element: that is where a DTD would have to be. With `data`
    (the file's bytes, already read), the file is not opened again.
    """
    path = Path(path)
    name = path.name
    if data is None and not path.is_file():
        if path.is_dir():
            raise UnreadableWorkbook(f"'{name}' bir klasör, Excel dosyası değil; kitabın kendisini (.xlsx) verin.")
        raise UnreadableWorkbook(f"'{name}' dosyası bulunamadı.")
    corrupt = (
        f"'{name}' bozuk ya da eksik; açılamadı (kopyalama ya da indirme yarıda kalmış olabilir). "
        "Dosyanın sağlam bir kopyasını kullanın."
    )
    try:
        if data is None:
            with path.open("rb") as f:
                head = f.read(8)
            source: PathLike | BinaryIO = path
        else:
            head = data[:8]
            source = io.BytesIO(data)
        if not zipfile.is_zipfile(source):
            if head.startswith(OLE2_MAGIC):
                raise UnreadableWorkbook(
                    f"'{name}' eski Excel 97-2003 (.xls) biçiminde ya da parola korumalı. Excel'de açıp "
                    "parolasız olarak 'Excel Çalışma Kitabı (.xlsx)' biçiminde kaydedin."
                )
            if head.startswith(b"PK"):
                raise UnreadableWorkbook(corrupt)
            raise UnreadableWorkbook(f"'{name}' bir Excel çalışma kitabı (.xlsx) değil.")
        with zipfile.ZipFile(source) as zf:
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
                            "tanımı var (XML bombası olabilir). Excel dosyalarında bu bulunmaz."
                        )
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
    bomb = f"'{name}' güvenlik nedeniyle açılmadı: sıkıştırılmış içeriği olağan dışı büyük (zip bombası olabilir)."
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
    elif "mimetype" in names and zf.getinfo("mimetype").file_size < 200 and b"opendocument" in zf.read("mimetype"):
        kind = "bir OpenDocument (.ods/.odt) dosyası"
    elif "xl/workbook.bin" in names:
        kind = "ikili Excel (.xlsb) biçiminde"
    else:
        kind = "bir zip arşivi"
    return (
        f"'{name}' bir Excel çalışma kitabı (.xlsx) değil ({kind}). Dosyayı Excel'de açıp "
        "'Excel Çalışma Kitabı (.xlsx)' olarak kaydedin."
    )


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


# --- lock files: Excel's, LibreOffice's and our own ---------------------------------------------------


def _places(path: Path) -> list[Path]:
    """The path as given and, through a symlink, the file it points to: a program may have opened either."""
    places = [path]
    try:
        real = Path(os.path.realpath(path))
    except OSError:
        return places
    if real != path.absolute():
        places.append(real)
    return places


def lock_file(path: PathLike) -> Path | None:
    """The lock file of a program that has the workbook open: Excel's owner file (`~$NAME`; Excel shortens it
    for long names) or LibreOffice's `.~lock.NAME#`."""
    for place in _places(Path(path)):
        name = place.name
        candidates = ["~$" + name]
        if len(name) > 2:
            candidates.append("~$" + name[2:])
        candidates.append(f".~lock.{name}#")
        for lock_name in candidates:
            lock = place.parent / lock_name
            if lock.exists():
                return lock
    return None


def check_not_locked(path: PathLike) -> None:
    """Raise `WorkbookLocked` when the file is open in Excel or LibreOffice."""
    lock = lock_file(path)
    if lock is not None:
        program = "LibreOffice'te" if lock.name.startswith(".~lock.") else "Excel'de"
        raise WorkbookLocked(
            f"'{Path(path).name}' {program} açık görünüyor (kilit dosyası {lock.name} var). Dosyayı {program} "
            "kaydedip kapatın, sonra tekrar deneyin. Dosya değiştirilmedi."
        )


def is_lock_or_temp(name: str) -> bool:
    """A lock or temporary file of Excel, LibreOffice or this program: never a user's document."""
    return name.startswith(("~$", ".~lock.", OWN_PREFIX))


OWN_PREFIX = ".~gockurul"  # our temporary files and locks start with this (hidden on Linux and macOS)
LOCK_WAIT_SECONDS = 120.0  # how long a second writer waits for the first before it refuses
LOCK_STALE_SECONDS = 3600.0  # a lock of another computer older than this was left by a run that died
_POLL = 0.1


def host_tag() -> str:
    """A short tag of this computer, in the names of our temporary files and in our locks."""
    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def pid_alive(pid: int) -> bool:
    """Whether process `pid` of this computer still runs (True when it cannot be told)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill would end the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.GetLastError() == 5  # access denied: it exists  # type: ignore[attr-defined]
        code = ctypes.c_ulong()
        try:
            ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return not ok or code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def own_lock_path(path: PathLike) -> Path:
    path = Path(os.path.realpath(path))
    return path.parent / f"{OWN_PREFIX}.{path.name}.kilit"


_held: dict[str, list[int]] = {}  # lock file -> [owning thread, depth]: a process re-enters its own lock
_held_guard = threading.Lock()


@contextlib.contextmanager
def own_lock(path: PathLike, *, wait: float | None = None) -> Iterator[None]:
    """Our own lock on `path` (a file or a folder the program writes), held from reading to the last write: two
    gockurul processes writing one workbook take turns instead of undoing each other's sheets. The second waits
    up to `wait` seconds (LOCK_WAIT_SECONDS), then refuses. A lock whose process died (this computer) or that is
    older than an hour (another computer) is taken over. Re-entrant within a thread."""
    lock = own_lock_path(path)
    key = str(lock)
    me = threading.get_ident()
    with _held_guard:
        held = _held.get(key)
        if held is not None and held[0] == me:
            held[1] += 1
            nested = True
        else:
            nested = False
    if nested:
        try:
            yield
        finally:
            with _held_guard:
                _held[key][1] -= 1
        return
    mine = _acquire(lock, Path(path).name, LOCK_WAIT_SECONDS if wait is None else wait)
    with _held_guard:
        _held[key] = [me, 1]
    try:
        yield
    finally:
        with _held_guard:
            del _held[key]
        with contextlib.suppress(OSError):
            if _read_small(lock) == mine:  # never another's, had ours been judged abandoned and taken over
                lock.unlink()


def _acquire(lock: Path, name: str, wait: float) -> bytes:
    """Create the lock file (with who holds it); its content."""
    deadline = time.monotonic() + wait
    info = json.dumps(
        {
            "pid": os.getpid(),
            "bilgisayar": socket.gethostname(),
            "makine": host_tag(),
            "baslangic": dt.datetime.now().isoformat(timespec="seconds"),
        }
    ).encode()
    while True:
        with _held_guard:  # another thread of this process
            busy = str(lock) in _held
        if not busy:
            try:
                fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                pass
            except PermissionError as exc:  # Windows: the previous holder's lock is being deleted
                if os.name != "nt" or not lock.parent.is_dir():
                    raise GocKurulError(
                        f"'{lock.parent}' klasörüne yazılamıyor: {exc.strerror or exc}. '{name}' değiştirilmedi."
                    ) from exc
            except OSError as exc:
                raise GocKurulError(
                    f"'{lock.parent}' klasörüne yazılamıyor: {exc.strerror or exc}. '{name}' değiştirilmedi."
                ) from exc
            else:
                with os.fdopen(fd, "wb") as f:
                    f.write(info)
                return info
            seen = _read_small(lock)
            if seen is not None and _stale(lock, seen):
                _break(lock, seen)
                continue
        if time.monotonic() >= deadline:
            raise WorkbookLocked(_busy_message(name, _read_small(lock)))
        time.sleep(_POLL)


def _read_small(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read(4096)
    except OSError:
        return None


def _owner(content: bytes | None) -> dict:
    try:
        owner = json.loads(content or b"")
    except ValueError:
        return {}
    return owner if isinstance(owner, dict) else {}


def _stale(lock: Path, content: bytes) -> bool:
    owner = _owner(content)
    pid = owner.get("pid")
    if owner.get("makine") == host_tag() and isinstance(pid, int) and not pid_alive(pid):
        return True
    try:
        return time.time() - lock.stat().st_mtime > LOCK_STALE_SECONDS
    except OSError:
        return False


def _break(lock: Path, seen: bytes) -> None:
    """Remove a dead run's lock, unless it changed since it was judged (another process broke it and took it):
    only one process at a time does this, through a guard file."""
    guard = lock.with_name(lock.name + ".kir")
    try:
        fd = os.open(guard, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        with contextlib.suppress(OSError):
            if time.time() - guard.stat().st_mtime > 60:  # left by a process killed in these few lines
                guard.unlink()
        return
    except OSError:
        return
    os.close(fd)
    try:
        if _read_small(lock) == seen:
            lock.unlink()
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            guard.unlink()


def _busy_message(name: str, content: bytes | None) -> str:
    owner = _owner(content)
    who = ""
    if owner.get("bilgisayar") or owner.get("baslangic"):
        since = str(owner.get("baslangic", ""))[11:16]
        who = f" ({owner.get('bilgisayar', '?')} bilgisayarında{', ' + since + ' itibarıyla' if since else ''})"
    return (
        f"'{name}' şu anda başka bir gockurul işlemi tarafından yazılıyor{who}. O işlem bitince tekrar "
        "deneyin. Dosya değiştirilmedi."
    )
