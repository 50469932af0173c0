"""The template's own rules across rows (TASARIM, the workbook contract): a key once per sheet, dates in order.
The rules of one row are its JSON Schema (core.rowschema)."""

from __future__ import annotations

from collections.abc import Iterator
from operator import itemgetter

from ...findings import ERROR, Finding
from ..model import TEMPLATE_RULE
from ..records import Record
from .registry import Context, check, record_label


@check(TEMPLATE_RULE)
def unique_keys(ctx: Context) -> Iterator[Finding]:
    for name, table in ctx.data.tables.items():
        # A key part that may be blank (Devreden Yıl: blank for the year's own rows) is part of the identity.
        required = [h for h in table.definition.key if table.definition.column(h).required]
        if not required or not all(table.has(h) for h in required):
            continue
        key = tuple(h for h in table.definition.key if table.has(h))
        keys = list(map(itemgetter(*key), table.records)) if len(key) > 1 else [(r[key[0]],) for r in table.records]
        if len(set(keys)) == len(keys):
            continue  # the common case, in C: no key twice
        seen: dict[tuple, Record] = {}
        for r, k in zip(table.records, keys, strict=True):
            if any(r[h] is None for h in required):
                continue
            if k in seen:
                label = " / ".join(f"{h} {v}" for h, v in zip(key, k, strict=True) if v is not None)
                yield Finding(
                    ERROR,
                    TEMPLATE_RULE,
                    name,
                    r.cell(required[-1]),
                    f"{label} birden çok kez yazılmış (ilki {seen[k].row}. satırda).",
                )
            else:
                seen[k] = r


@check(TEMPLATE_RULE)
def date_ranges(ctx: Context) -> Iterator[Finding]:
    for r in ctx.data.records("Eylem Planı"):
        if r["Başlangıç"] and r["Bitiş"] and r["Bitiş"] < r["Başlangıç"]:
            yield Finding(
                ERROR,
                TEMPLATE_RULE,
                "Eylem Planı",
                r.cell("Bitiş"),
                f"{record_label(r, 'Eylem No', 'Eylem')}: bitiş tarihi başlangıçtan önce.",
            )
