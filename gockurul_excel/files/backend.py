"""The file backend of `commands.Backend`: a workbook file read with calamine, generated sheets written into it
by package surgery in one atomic save (with a backup)."""

from __future__ import annotations

from pathlib import Path

from ..core.model import WorkbookData
from ..sheetspec import SheetSpec
from .reader import read_workbook
from .writer import write_sheets


class FileBackend:
    def __init__(self, path: str | Path, *, make_backup: bool = True) -> None:
        self.path = Path(path)
        self.make_backup = make_backup

    def read(self) -> WorkbookData:
        return read_workbook(self.path)

    def write(self, specs: list[SheetSpec]) -> Path | None:
        """The backup made of the previous file (None without one)."""
        return write_sheets(self.path, specs, make_backup=self.make_backup)
