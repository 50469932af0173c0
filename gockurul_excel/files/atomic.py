"""Atomic saves with backups: a temporary file in the same folder replaces the target only when complete,
after a copy of the old file was put in `Yedekler/`; a crash or a killed process never leaves half a file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..errors import GocKurulError, WorkbookLocked
from .package import PathLike
from .safety import check_not_locked

BACKUP_DIR = "Yedekler"



TEMP_PREFIX = ".~gockurul-"



STALE_TEMP_SECONDS = 3600



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
