"""The file backend's reader: a workbook file read with python-calamine (read-only, the fastest xlsx reader;
it reads cached formula results and never opens the file for writing) into the workbook model.

It never raises for content (`core.model.build_workbook_data` turns what it cannot use into findings), only
for a file it cannot open at all (`UnreadableWorkbook`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any

from ..core.model import WorkbookData, build_workbook_data, without_gc
from ..errors import NewerTemplate, UnreadableWorkbook
from .safety import check_package


def _merged_ranges(sheet: Any) -> list[tuple[int, int, int, int]]:
    try:
        ranges = sheet.merged_cell_ranges or []
    except Exception:  # older calamine or a format without merge info
        return []
    return [(r0 + 1, c0 + 1, r1 + 1, c1 + 1) for (r0, c0), (r1, c1) in ranges]


def _open(path: Path) -> Any:
    import python_calamine

    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for corrupt content
        # the library's error type is no message for a user; it goes to the error log as the cause, for IT
        raise UnreadableWorkbook(f"'{path.name}' okunamadı: dosya bozuk ya da bir Excel (.xlsx) kitabı değil.") from exc


@contextlib.contextmanager
def _quiet_native_stderr():
    """Keep a Rust panic message of calamine off the user's screen (we handle the panic)."""
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        yield
        return
    saved = os.dup(fd)
    with open(os.devnull, "wb") as devnull:
        os.dup2(devnull.fileno(), fd)
        try:
            yield
        finally:
            os.dup2(saved, fd)
            os.close(saved)


def _is_panic(exc: BaseException) -> bool:
    return type(exc).__name__ == "PanicException"


def _openpyxl_rows(path: Path, name: str) -> list[list[Any]]:
    """Slow path for a sheet calamine cannot convert (e.g. 1e15 in a date-formatted cell)."""
    import warnings

    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns about the very cells we report
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return [list(r) for r in wb[name].iter_rows(values_only=True)]
        finally:
            wb.close()


def _sheet_rows(wb: Any, path: Path, name: str) -> tuple[list[list[Any]], list[tuple[int, int, int, int]]]:
    try:
        with _quiet_native_stderr():
            sheet = wb.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=False)
            merged = _merged_ranges(sheet)
    except BaseException as exc:
        if _is_panic(exc):
            return _openpyxl_rows(path, name), []
        if isinstance(exc, Exception) and not isinstance(exc, (UnreadableWorkbook, NewerTemplate)):
            raise UnreadableWorkbook(
                f"'{path.name}' okunamadı: '{name}' sayfası bozuk ya da eksik (kopyalama ya da "
                "indirme yarıda kalmış olabilir). Dosyanın sağlam bir kopyasını kullanın."
            ) from exc  # the cause goes to the log for IT, never to the screen
        raise
    return rows, merged


def read_workbook(path: str | Path) -> WorkbookData:
    """Read every input sheet. Raises UnreadableWorkbook only when the file cannot be read at all."""

    path = Path(path)
    check_package(path)
    wb = _open(path)
    try:
        with without_gc():
            data = build_workbook_data(path, list(wb.sheet_names), lambda name: _sheet_rows(wb, path, name))
    except (UnreadableWorkbook, NewerTemplate):
        raise
    except Exception as exc:
        raise UnreadableWorkbook(
            f"'{path.name}' okunamadı: içeriği bozuk. Dosyanın sağlam bir kopyasını kullanın."
        ) from exc
    finally:
        close = getattr(wb, "close", None)
        if close:
            close()
    return data
