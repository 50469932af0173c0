"""Fill a fresh workbook from the template with settings and rows (for `ornek`, `devir`, tests and benchmarks)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import contract
from ..core import parse
from ..errors import InvalidArgument
from .atomic import XLSX, check_output, save_atomic
from .columns import number_format
from .template import build_template


def fill_template(settings: dict[str, Any], rows: dict[str, list[list[Any]]], version: str = contract.TEMPLATE_VERSION):
    """The template as an openpyxl Workbook with `settings` and `rows` written in.

    `rows[sheet]` holds lists in the contract's column order for that version (shorter lists leave
    the remaining columns empty; columns, sheets and settings the version does not have are left out).
    """

    wb = build_template(version)
    ws = wb[contract.SETTINGS_SHEET]
    by_name = {parse.normalize_header(ws.cell(r, 1).value): r for r in range(2, ws.max_row + 1)}
    newer = {s.name for s in contract.SETTINGS} - {s.name for s in contract.settings_for(version)}
    for name, value in settings.items():
        r = by_name.get(parse.normalize_header(name))
        if r is None and name in newer:
            continue  # a setting a later template added: an older workbook could not have it
        if r is None:
            raise KeyError(f"Ayarlar has no row {name!r} in template {version}")
        _put(ws.cell(r, 2), value)
    defs = {s.name: s for s in contract.sheets_for(version)}
    for sheet, data in rows.items():
        if sheet not in defs:
            continue
        ws = wb[sheet]
        headers = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
        columns = [(headers[c.header], number_format(c.kind)) for c in defs[sheet].columns]
        for i, row in enumerate(data, start=2):
            for (col, fmt), value in zip(columns, row, strict=False):
                if value is not None:
                    cell = ws.cell(i, col)
                    _put(cell, value)
                    cell.number_format = fmt  # openpyxl would stamp its own format on dates
        _grow_table(ws, defs[sheet].table, len(data) + 1)
    return wb


class Formula(str):
    """A formula a caller means to write (tests of how formulas are read); any other text is written as text."""


def _put(cell, value: Any) -> None:
    """A value into a cell; a text stays a text cell even when it starts with '=' (openpyxl would make it a
    formula): a value that came from a user is never a formula (issue 23), only a `Formula` is."""
    cell.value = str(value) if isinstance(value, Formula) else value
    if isinstance(value, str) and not isinstance(value, Formula):
        cell.data_type = "s"


def _grow_table(ws, table_name: str, last_row: int) -> None:
    table = ws.tables.get(table_name)
    if table is None:
        return
    start, end = table.ref.split(":")
    end_col = end.rstrip("0123456789")
    end_row = int(end[len(end_col) :])
    if last_row > end_row:
        table.ref = f"{start}:{end_col}{last_row}"
        if table.autoFilter is not None:
            table.autoFilter.ref = table.ref


def fill_workbook(
    path: Path,
    settings: dict[str, Any],
    rows: dict[str, list[list[Any]]],
    *,
    overwrite: bool = False,
    version: str = contract.TEMPLATE_VERSION,
) -> Path | None:

    path = Path(path)
    check_output(path, XLSX, create=True, overwrite=overwrite)  # before the work: refused at once
    wb = fill_template(settings, rows, version)
    return save_atomic(path, wb.save, kind=XLSX, create=True, overwrite=overwrite)  # the backup of a file written over


def write_new_year(
    path: Path,
    settings: dict[str, Any],
    rows: dict[str, list[list[Any]]],
    *,
    source: Path | None = None,
    overwrite: bool = False,
) -> Path | None:
    """`devir`: the next year's workbook, on the current template, by the one write rule (files/atomic.py): an
    existing file is refused unless `overwrite` (then it is backed up first, as `yeni` does), and never the
    workbook it is made from. Returns the backup of a file it replaced."""
    path = Path(path)
    if source is not None and path.exists() and path.resolve() == Path(source).resolve():
        raise InvalidArgument(
            f"'{path.name}' devredilen kitabın kendisi; yeni yılın kitabı için başka bir ad "
            "verin. Hiçbir dosya değişmedi."
        )
    check_output(path, XLSX, create=True, overwrite=overwrite)  # before the work: refused at once
    wb = fill_template(settings, rows)
    return save_atomic(path, wb.save, kind=XLSX, create=True, overwrite=overwrite)


def next_year_path(path: Path, year: int, new_year: int) -> Path:
    """Where the button puts next year's workbook: beside this one, the year in its name replaced
    ('GAZIANTEP_2026.xlsx' -> 'GAZIANTEP_2027.xlsx'), else added ('Kurul.xlsx' -> 'Kurul_2027.xlsx')."""
    stem, count = re.subn(rf"(?<!\d){year}(?!\d)", str(new_year), path.stem)
    return path.with_name(f"{stem if count else f'{path.stem}_{new_year}'}{path.suffix or '.xlsx'}")
