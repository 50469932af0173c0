"""The shared base of the section tests (tests/kontrol/test_<section>.py), in the spirit of `holidays`' common
country tests: a book changed by column name, not by position, and one way to ask what `kontrol` found.

    data = book(rows=change(clean(), "Kararlar", {"Karar No": 1}, verilen_sure=D(2025, 1, 14)))
    assert_finds(data, "Ek-1", sheet="Kararlar", cell="G2")
    assert_not_finds(data, "M13(4)")

Column names are the contract's headers or their ASCII snake-case form (`verilen_sure` for 'Verilen Süre').
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

from gockurul_excel import commands, contract, example
from gockurul_excel.core import parse
from gockurul_excel.core.model import WorkbookData, workbook_from_rows
from gockurul_excel.findings import Finding

from ..conftest import TODAY, clean_example_rows

D = dt.date


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", parse.ascii_fold(header).lower()).strip("_")


def header_of(sheet: str, name: str) -> str:
    """The contract header `name` stands for on `sheet` ('Verilen Süre' or 'verilen_sure')."""
    headers = [c.header for c in contract.SHEETS_BY_NAME[sheet].columns]
    if name in headers:
        return name
    found = [h for h in headers if _key(h) == name]
    if not found:
        raise KeyError(f"'{sheet}' sayfasında '{name}' sütunu yok: {headers}")
    return found[0]


def rows(sheet: str, **by_header: Any) -> list[list]:
    """Rows of `sheet` in the contract's column order, built by column: a list gives one value per row, anything
    else is the same in every row (one row when no column is a list)."""
    headers = [c.header for c in contract.SHEETS_BY_NAME[sheet].columns]
    columns = {header_of(sheet, k): v for k, v in by_header.items()}
    count = max((len(v) for v in columns.values() if isinstance(v, list)), default=1)
    out = []
    for i in range(count):
        out.append(
            [(columns[h][i] if isinstance(columns[h], list) else columns[h]) if h in columns else None for h in headers]
        )
    return out


def clean() -> dict[str, list[list]]:
    """The example with its deliberate mistakes put right: `kontrol` finds nothing in it."""
    return clean_example_rows()


def change(
    book_rows: dict[str, list[list]], sheet: str, where: dict[str, Any] | None = None, **values: Any
) -> dict[str, list[list]]:
    """Set `values` (by column name) in the rows of `sheet` whose columns equal `where` (every row when None)."""
    headers = [c.header for c in contract.SHEETS_BY_NAME[sheet].columns]
    index = {header_of(sheet, k): headers.index(header_of(sheet, k)) for k in (*values, *(where or {}))}
    hit = 0
    for r in book_rows.setdefault(sheet, []):
        r.extend([None] * (len(headers) - len(r)))
        if all(r[index[header_of(sheet, k)]] == v for k, v in (where or {}).items()):
            for k, v in values.items():
                r[index[header_of(sheet, k)]] = v
            hit += 1
    assert hit, f"'{sheet}' sayfasında {where} satırı yok"
    return book_rows


def book(settings: dict | None = None, rows: dict | None = None, **overrides: Any) -> WorkbookData:
    """A workbook in memory, read as a file would be; `overrides` change settings by name."""
    s = copy.deepcopy(example.example_settings() if settings is None else settings)
    s.update(overrides)
    return workbook_from_rows(s, clean() if rows is None else rows, path=Path("kitap.xlsx"))


def findings(data: WorkbookData | Path, today: dt.date = TODAY) -> list[Finding]:
    """What `kontrol` finds: in a book in memory (commands.check) or in a file (operations.check_workbook)."""
    if isinstance(data, WorkbookData):
        return list(commands.check(data, today).payload)
    from gockurul_excel.operations import check_workbook

    return list(check_workbook(data, write=False, today=today).findings)


def only(found: list, article: str) -> list:
    return [f for f in found if f[1] == article]


def assert_finds(
    data,
    article: str,
    *,
    sheet: str | None = None,
    cell: str | None = None,
    level: str | None = None,
    text: str | None = None,
    today: dt.date = TODAY,
    count: int | None = None,
) -> list[Finding]:
    """`kontrol` reports `article` (on that sheet and cell, at that level, saying `text`); returns those findings."""
    found = [f for f in findings(data, today) if f.rule == article]
    match = [
        f
        for f in found
        if (sheet is None or f.sheet == sheet)
        and (cell is None or f.cell == cell)
        and (level is None or f.level == level)
        and (text is None or text in f.message)
    ]
    assert match, f"{article} bulunmadı ({sheet}, {cell}, {level}, {text!r}); bulunan: {found}"
    if count is not None:
        assert len(match) == count, match
    return match


def assert_not_finds(data, article: str, *, sheet: str | None = None, today: dt.date = TODAY) -> None:
    found = [f for f in findings(data, today) if f.rule == article and (sheet is None or f.sheet == sheet)]
    assert not found, found
