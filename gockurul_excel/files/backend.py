"""The file backend of `commands.Backend`: a workbook file read with calamine, generated sheets written into it
by package surgery in one atomic save (with a backup).

Used as a context manager with `lock=True` by a command that reads and then writes: our own lock on the
workbook is held from the read to the write, so two gockurul writers take turns; and the stamp taken at the read
goes to the write, which refuses if someone else saved the file in between."""

from __future__ import annotations

import contextlib
from pathlib import Path
from types import TracebackType

from ..core.model import WorkbookData
from ..sheetspec import SheetSpec
from .atomic import Stamp, stamp
from .reader import read_workbook
from .safety import own_lock


class FileBackend:
    paginates = True  # a file keeps its page breaks and print titles: the print-ready, paginated sheets

    def __init__(self, path: str | Path, *, make_backup: bool = True, lock: bool = False) -> None:
        self.path = Path(path)
        self.make_backup = make_backup
        self.lock = lock
        self.stamp: Stamp | None = None  # the file as read() found it
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> FileBackend:
        if self.lock:
            self._stack.enter_context(own_lock(self.path))
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._stack.close()

    def read(self) -> WorkbookData:
        self.stamp = stamp(self.path)  # before reading: a save landing while calamine reads is caught too
        return read_workbook(self.path)

    def write(self, specs: list[SheetSpec]) -> Path | None:
        """The backup made of the previous file (None without one, or when nothing changed)."""
        from .writer import write_sheets  # lxml and the package writer: not for a command that only reads

        return write_sheets(self.path, specs, make_backup=self.make_backup, expect=self.stamp)
