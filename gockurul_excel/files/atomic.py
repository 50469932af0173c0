"""The one rule for every file the program writes (workbook, template, national summary, .ics, PDF):

- the data goes to a temporary file beside the target and replaces it with one rename once complete and on
  disk: a crash or a killed process never leaves half a file (a killed run's temporary file goes at the next);
- a symlink is written through to the file it points to;
- refused, with a Turkish message and the file unchanged: a read-only file, a file open in Excel or LibreOffice,
  a file of another kind (an .ics over a workbook), a folder, and an existing file where the command creates
  one, unless told to overwrite (`--uzerine-yaz`);
- the file as it was is copied to `Yedekler/` before it is replaced — unless the new content is the same: then
  nothing is written and no backup is taken;
- what the file was (identity, size, time, bytes) is noted when it is read and checked again just before the
  rename: a save by someone else in between is kept, ours is dropped, and the user is told (`FileChanged`);
- two gockurul processes writing one file take turns (`safety.own_lock`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import stat as stat_mod
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import FileChanged, GocKurulError, InvalidArgument, WorkbookLocked, os_reason
from .safety import OLE2_MAGIC, OWN_PREFIX, PathLike, check_not_locked, host_tag, own_lock, pid_alive

BACKUP_DIR = "Yedekler"
TEMP_PREFIX = OWN_PREFIX + "-"
STALE_TEMP_SECONDS = 3600  # a temporary file of another computer older than this was left by a run that died
KEEP_LAST = 5  # backups of a file: the newest five,
KEEP_DAYS = 7  # the first of each of the last seven days with a backup, and the oldest (the file as it was
#                before the program first wrote it)

# The kinds of file the program writes, by what their bytes start with (the name's extension proves nothing).
XLSX, PDF, ICS, DOCX, EML = "xlsx", "pdf", "ics", "docx", "eml"
KIND_NAMES = {
    XLSX: "bir Excel çalışma kitabı",
    PDF: "bir PDF belgesi",
    ICS: "bir iCalendar takvimi (.ics)",
    DOCX: "bir Word belgesi",
    EML: "bir e-posta taslağı (.eml)",
    "zip": "bir zip arşivi (Word, PowerPoint ya da OpenDocument dosyası olabilir)",
    "ole2": "eski biçimde bir Office dosyası (.xls/.doc) ya da parola korumalı bir dosya",
    None: "başka türden bir dosya",
}
EMPTY = "empty"
# An e-mail message begins with a header field ("MIME-Version: 1.0", "Subject: …", "X-Unsent: 1"…).
EML_START = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*: ")


def resolve(path: PathLike) -> Path:
    """The file a write lands in: through symlinks (each link followed to its end), absolute."""
    return Path(os.path.realpath(path))


# --- what a file was ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stamp:
    """A file as it was read: identity (device, inode), size and modification time; `content` its bytes, when
    they were read (they are compared just before the rename: a save of the same size within the file
    system's time resolution changes no stat field)."""

    dev: int
    ino: int
    size: int
    mtime_ns: int
    content: bytes | None = None

    def same_stat(self, other: Stamp | None) -> bool:
        return other is not None and (self.dev, self.ino, self.size, self.mtime_ns) == (
            other.dev,
            other.ino,
            other.size,
            other.mtime_ns,
        )


def stamp(path: PathLike, content: bytes | None = None) -> Stamp | None:
    """The stamp of `path` now (through symlinks); None when there is no such file."""
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return Stamp(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, content)


def read_stamped(path: PathLike, expect: Stamp | None = None) -> tuple[bytes, Stamp]:
    """The bytes of `path` and the stamp they belong to; FileChanged when the file changes while read, or
    when it is no longer what `expect` (taken when it was read before) says."""
    path = Path(path)
    for _ in range(3):
        before = stamp(path)
        if before is None:
            raise FileNotFoundError(2, "No such file or directory", str(path))
        data = path.read_bytes()
        after = stamp(path, data)
        if before.same_stat(after) and len(data) == after.size:
            if expect is not None and not expect.same_stat(after):
                break
            return data, after
        time.sleep(0.05)
    raise FileChanged(_changed_message(path.name, writing=False))


def _changed_message(name: str, *, writing: bool) -> str:
    if writing:
        return (
            f"'{name}' bu işlem sürerken başka bir kullanıcı ya da program tarafından kaydedildi. O kayıt "
            "korundu; bu işlemin yazdıkları kaydedilmedi. Dosyayı kontrol edip işlemi yeniden çalıştırın."
        )
    return (
        f"'{name}' okunurken ya da okunduktan sonra başka bir kullanıcı ya da program tarafından "
        "değiştirildi; üzerine yazılmadı. İşlemi yeniden çalıştırın."
    )


# --- kinds, and the checks before a write -------------------------------------------------------------------


def kind_of(path: PathLike) -> str | None:
    """What the file holds: XLSX, PDF, ICS, EMPTY, "zip", "ole2", or None (something else)."""
    with open(path, "rb") as f:
        head = f.read(64)
    if not head:
        return EMPTY
    if head.startswith(b"%PDF-"):
        return PDF
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VCALENDAR"):
        return ICS
    if head.startswith(OLE2_MAGIC):
        return "ole2"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = {n.lower() for n in zf.namelist()}
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return "zip"
        return XLSX if "xl/workbook.xml" in names else DOCX if "word/document.xml" in names else "zip"
    if EML_START.match(head):
        return EML
    return None


def _is_read_only(st: os.stat_result, path: Path) -> bool:
    # No write bit for anyone (Windows' read-only attribute reads so too), or not writable for this user.
    # Checked before writing: a rename over a read-only file succeeds on Linux and macOS.
    return not st.st_mode & 0o222 or not os.access(path, os.W_OK)


def check_output(path: PathLike, kind: str | None, *, create: bool = False, overwrite: bool = False) -> Path:
    """The checks every write makes before anything is written; returns the file the write lands in.

    `kind` None skips the kind check (the caller read the file and knows what it is); `create` marks a command
    that makes a new file: an existing one is replaced only with `overwrite`."""
    path = Path(path)
    real = resolve(path)
    name = path.name
    try:
        st = os.stat(real)
    except (FileNotFoundError, NotADirectoryError):
        st = None
    except OSError as exc:
        raise GocKurulError(f"'{name}' okunamadı: {os_reason(exc)}. Dosya değiştirilmedi.") from exc
    if st is not None:
        if stat_mod.S_ISDIR(st.st_mode):
            raise InvalidArgument(f"'{name}' bir klasör; dosya olarak yazılamaz. Bir dosya adı verin.")
        if not stat_mod.S_ISREG(st.st_mode):
            raise InvalidArgument(f"'{name}' sıradan bir dosya değil; üzerine yazılmadı.")
        if create and not overwrite:
            raise InvalidArgument(
                f"'{path}' zaten var; üzerine yazılmadı. Değiştirmek için --uzerine-yaz verin "
                f"(önceki hâli '{BACKUP_DIR}' klasörüne yedeklenir)."
            )
        if kind is not None:
            try:
                found = kind_of(real)
            except OSError as exc:
                raise GocKurulError(f"'{name}' okunamadı: {os_reason(exc)}. Dosya değiştirilmedi.") from exc
            # Told to overwrite, a file of no kind known here is replaced (after a backup); a known other
            # kind never is: a workbook is not replaced by a calendar, a PDF or a Word file by a workbook.
            if found not in (kind, EMPTY) and not (overwrite and found is None):
                raise InvalidArgument(
                    f"'{name}' {KIND_NAMES.get(found, KIND_NAMES[None])}; üzerine "
                    f"{KIND_NAMES[kind].removeprefix('bir ')} yazılmadı. Başka bir dosya adı "
                    "verin."
                )
        if _is_read_only(st, real):
            raise GocKurulError(
                f"'{name}' salt okunur; değiştirilmedi. Dosyanın Özellikler penceresinde 'Salt "
                "okunur' işaretini kaldırın (ya da yazma izni alın) ve tekrar deneyin."
            )
    elif not real.parent.is_dir():
        raise InvalidArgument(f"'{real.parent}' klasörü bulunamadı.")
    check_not_locked(path)
    return real


# --- backups ------------------------------------------------------------------------------------------------


def _backup_pattern(path: Path) -> re.Pattern:
    # <stem>_YYYYMMDD-HHMMSS-ffffff<suffix>; older versions wrote <stem>_YYYYMMDD-HHMMSS[-n]<suffix>.
    return re.compile(re.escape(path.stem) + r"_(\d{8})-(\d{6})(?:-(\d+))?" + re.escape(path.suffix))


def backup(path: PathLike, keep: int = KEEP_LAST, *, data: bytes | None = None) -> Path:
    """Copy the file (or `data`, its bytes already read) to `Yedekler/<stem>_YYYYMMDD-HHMMSS-ffffff<suffix>`
    beside it: names sort in time order. Kept: the newest `keep`, the first of each of the last KEEP_DAYS
    days, and the oldest of all."""
    if keep < 1:
        raise ValueError("keep must be at least 1")
    path = resolve(path)
    folder = path.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    remove_stale_temps(folder)
    pattern = _backup_pattern(path)
    now = dt.datetime.now()
    newest = max((_backup_key(m) for p in folder.iterdir() if (m := pattern.fullmatch(p.name))), default=None)
    if newest is not None and _time_key(now) <= newest:  # after every backup there, even if the clock went back
        now = _key_time(newest) + dt.timedelta(microseconds=1)
    while (target := folder / f"{path.stem}_{now:%Y%m%d-%H%M%S-%f}{path.suffix}").exists():
        now += dt.timedelta(microseconds=1)
    tmp = _new_temp(folder)
    try:
        with open(tmp, "wb") as f:
            if data is None:
                with open(path, "rb") as src:
                    while chunk := src.read(1 << 20):
                        f.write(chunk)
            else:
                f.write(data)
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(OSError):  # the backup keeps the file's permissions and time
            st = os.stat(path)
            os.chmod(tmp, stat_mod.S_IMODE(st.st_mode))
            os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _prune_backups(folder, pattern, keep)
    return target


def _backup_key(match: re.Match) -> tuple[str, str, int]:
    return match[1], match[2], int(match[3] or 0)


def _time_key(t: dt.datetime) -> tuple[str, str, int]:
    return t.strftime("%Y%m%d"), t.strftime("%H%M%S"), t.microsecond


def _key_time(key: tuple[str, str, int]) -> dt.datetime:
    return dt.datetime.strptime(key[0] + key[1], "%Y%m%d%H%M%S").replace(microsecond=min(key[2], 999_999))


def _prune_backups(folder: Path, pattern: re.Pattern, keep: int) -> None:
    found = sorted((_backup_key(m), p) for p in folder.iterdir() if (m := pattern.fullmatch(p.name)) and p.is_file())
    if len(found) <= keep:
        return
    kept = {p for _, p in found[-keep:]}
    kept.add(found[0][1])  # the oldest: the file before the program's first write
    first_of_day: dict[str, Path] = {}
    for key, p in found:
        first_of_day.setdefault(key[0], p)
    kept.update(first_of_day[day] for day in sorted(first_of_day)[-KEEP_DAYS:])
    for _, p in found:
        if p not in kept:
            p.unlink(missing_ok=True)


# --- temporary files ----------------------------------------------------------------------------------------

_TEMP_NAME = re.compile(re.escape(TEMP_PREFIX) + r"(\d+)@([0-9a-f]{8})-.*\.tmp")


def _new_temp(folder: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}@{host_tag()}-", suffix=".tmp", dir=folder)
    os.close(fd)
    return Path(name)


def left_by_dead_runs(folder: Path, glob: str, name: re.Pattern) -> Iterator[Path]:
    """What runs that died left in `folder` (`name` captures the run's pid and host): at once when the run was on
    this computer (its process is gone), after an hour otherwise."""
    limit = time.time() - STALE_TEMP_SECONDS
    here = host_tag()
    try:
        candidates = list(folder.glob(glob))
    except OSError:
        return
    for p in candidates:
        m = name.fullmatch(p.name)
        try:
            if (m and m[2] == here and not pid_alive(int(m[1]))) or p.stat().st_mtime < limit:
                yield p
        except (OSError, ValueError):
            continue


def remove_stale_temps(folder: Path) -> None:
    """Remove the temporary files runs that died left in `folder`."""
    for p in left_by_dead_runs(folder, TEMP_PREFIX + "*.tmp", _TEMP_NAME):
        with contextlib.suppress(OSError):
            p.unlink()


# --- the save -----------------------------------------------------------------------------------------------


def save_atomic(
    path: PathLike,
    write: Callable[[BinaryIO], None],
    *,
    kind: str | None = XLSX,
    make_backup: bool = True,
    expect: Stamp | None = None,
    create: bool = False,
    overwrite: bool = False,
) -> Path | None:
    """Write a new version of `path` through `write(file)` by the rule above; return the backup of the old one
    (None when there was no file, no backup was asked for, or the content did not change).

    `expect` is what the caller read (`Stamp` with its bytes): the file must still be that when it is replaced.
    Without it, the file is stamped here, before `write` runs. `kind` is what `write` makes; an existing file of
    another kind is refused. `make_backup` False only for a file this run made itself."""
    path = Path(path)
    with own_lock(path):
        real = check_output(path, None if expect is not None else kind, create=create, overwrite=overwrite)
        if expect is None:
            with contextlib.suppress(FileNotFoundError):  # gone meanwhile: then it must stay gone
                _, expect = read_stamped(real)
        elif not expect.same_stat(stamp(real)):
            raise FileChanged(_changed_message(path.name, writing=False))
        folder = real.parent
        remove_stale_temps(folder)
        try:
            tmp = _new_temp(folder)
        except OSError as exc:
            raise GocKurulError(f"'{folder}' klasörüne yazılamıyor: {os_reason(exc)}.") from exc
        try:
            try:
                with open(tmp, "wb") as f:
                    write(f)
                    f.flush()
                    os.fsync(f.fileno())
                _copy_mode(real, tmp)
                old = None
                if expect is not None:
                    old = _still(real, expect, path.name)
                    if _same_bytes(tmp, old) or (create and _same_package(tmp, old)):  # nothing changed
                        tmp.unlink()
                        return None
                backup_path = backup(real, data=old) if make_backup and expect is not None else None
            except OSError as exc:  # disk full, backup folder not writable...
                raise GocKurulError(
                    f"'{path.name}' kaydedilemedi: {os_reason(exc)}. Dosyanın önceki hâli değişmedi."
                ) from exc
            check_not_locked(path)  # Excel may have opened it while we were writing
            if expect is not None and not expect.same_stat(stamp(real)):
                raise FileChanged(_changed_message(path.name, writing=True))
            elif expect is None and real.exists():
                raise FileChanged(_changed_message(path.name, writing=True))
            _replace(tmp, real)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        fsync_dir(folder)
        return backup_path


def _still(real: Path, expect: Stamp, name: str) -> bytes:
    """The file's bytes, checked to be what was read: same identity, size, time and content."""
    try:
        data, now = read_stamped(real)
    except FileNotFoundError:
        raise FileChanged(_changed_message(name, writing=True)) from None
    if not expect.same_stat(now) or (expect.content is not None and data != expect.content):
        raise FileChanged(_changed_message(name, writing=True))
    return data


def _same_bytes(tmp: Path, old: bytes) -> bool:
    if os.path.getsize(tmp) != len(old):
        return False
    return tmp.read_bytes() == old


# Parts that say when a package was saved, not what it holds.
_TIMESTAMP_PARTS = frozenset({"docProps/core.xml"})


def _same_package(tmp: Path, old: bytes) -> bool:
    """A file made afresh (`yeni`, `devir`, `sablon`) equal to the one it would replace but for the save time in
    docProps/core.xml: the same content, so no write and no backup."""
    try:
        with zipfile.ZipFile(tmp) as new_zip, zipfile.ZipFile(io.BytesIO(old)) as old_zip:
            names = new_zip.namelist()
            if names != old_zip.namelist():
                return False
            return all(n in _TIMESTAMP_PARTS or new_zip.read(n) == old_zip.read(n) for n in names)
    except (zipfile.BadZipFile, OSError, KeyError, EOFError):
        return False


def _copy_mode(original: Path, tmp: Path) -> None:
    # mkstemp makes the file private (0600); the file keeps the permissions it had.
    try:
        if original.exists():
            os.chmod(tmp, stat_mod.S_IMODE(os.stat(original).st_mode))
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
                    "tutan programı kapatıp tekrar deneyin. Dosyanın önceki hâli değişmedi."
                ) from exc
            time.sleep(0.2)
        except OSError as exc:
            raise GocKurulError(
                f"'{path.name}' kaydedilemedi: {os_reason(exc)}. Dosyanın önceki hâli değişmedi."
            ) from exc


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); nothing elsewhere, and never an error."""
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
