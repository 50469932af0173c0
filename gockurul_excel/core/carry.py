"""`devir`: next year's workbook made from this year's (KURALLAR §7, TASARIM "From one year to the next").

The first meeting of a year evaluates last year's decisions (M5(12)) and approves last year's annual report
(M13(2)); the sub-commission is formed again and the action plan approved (M5(8), M5(13)). So the new workbook
starts with what the old one still has open: the settings (year + 1), the districts, the active members and the
sub-commission, the action plan's open actions, the projects still running or with reports due, and every open
decision and problem. Each carried row keeps its number and is marked with its year of origin (`Devreden Yıl`):
the sheet's key is (number, Devreden Yıl), so no number the office types for the new year can clash with it.

Pure: the old workbook's data in, the new workbook's settings and rows (in the contract's column order) out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import contract, rules
from ..errors import GocKurulError
from ..findings import ERROR
from . import parse
from .meetings import carried_year, reference_key, row_key
from .model import WorkbookData
from .records import Record


@dataclass
class CarryOver:
    year: int  # the new workbook's year
    settings: dict[str, Any]
    rows: dict[str, list[list[Any]]]  # sheet -> rows in the columns of contract.TEMPLATE_VERSION
    counts: dict[str, int] = field(default_factory=dict)  # sheet -> rows carried


def _project_open(r: Record, year: int) -> bool:
    """GK(c), GK(ç): a project still running next year, or whose final report is still due (not refused)."""
    if r["Başkanlık Görüşü"] == rules.OPINION_UNFAVOURABLE:
        return False
    end = r["Bitiş"]
    return end is None or end.year > year or r["Nihai Rapor Tarihi"] is None


# Which rows of each sheet go to the new workbook (the sheets not named here start empty).
KEEP: dict[str, Callable[[Record, int], bool]] = {
    "İlçeler": lambda r, year: True,
    "Üyeler": lambda r, year: r["Aktif"] != "Hayır",
    "Eylem Planı": lambda r, year: r["Durum"] not in rules.CLOSED_ACTION_STATUSES,
    "Projeler": _project_open,
    "Kararlar": lambda r, year: r["Durum"] is None or r["Durum"] in rules.DECISION_OPEN,
    "Sorunlar": lambda r, year: r["Durum"] is None or r["Durum"] in rules.CARRIED_PROBLEM_STATUSES,
}
# Cleared on a carried row: they belong to a meeting of the old workbook (its number, and what that meeting said);
# the new year's first meeting evaluates the decision afresh and writes both here (M5(12)). The old book keeps them.
CLEARED = {"Kararlar": ("Değerlendiren Toplantı No", "Değerlendirme")}
# Sheets whose reading must be sound before anything is carried (an unreadable column could lose open rows).
READ = (contract.SETTINGS_SHEET, *KEEP)


def _cell(r: Record, header: str) -> Any:
    """A carried cell: its typed value; what the cell held when it could not be read (nothing is lost)."""
    value = r[header]
    if value is None:
        raw = r.raw.get(header)
        return None if parse.is_blank(raw) else raw
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


def _refuse_unreadable(data: WorkbookData) -> None:
    found = [f for f in data.findings if f.level == ERROR and f.sheet in READ]
    if found:
        first = found[0]
        where = f"'{first.sheet}' sayfası" + (f", {first.cell} hücresi" if first.cell else "")
        raise GocKurulError(
            f"Kitap okunurken sorun bulundu ({where}: {first.message}). Devredilecek satırlar "
            "eksik okunabilir; önce 'gockurul kontrol' ile düzeltin. Yeni kitap yazılmadı."
        )


def _refuse_duplicates(sheet: str, definition, records: list[Record], rows: list[list[Any]]) -> None:
    """KURALLAR §7: two carried rows with one key are refused with the sheet and rows named, never written twice
    (the new book would fail `kontrol` at once, and which of the two is the real one is the office's call)."""
    if not definition.key:
        return
    headers = [c.header for c in definition.columns]
    where = [headers.index(h) for h in definition.key]
    seen: dict[tuple, int] = {}
    for r, row in zip(records, rows, strict=True):
        key = tuple(_key_part(row[i]) for i in where)
        # a row without a number of its own is not a duplicate (the year of origin is filled in on every row)
        if all(part is None for h, part in zip(definition.key, key, strict=True) if h != contract.CARRIED_COLUMN):
            continue
        if key in seen:
            label = " / ".join(
                f"{h} {row[i]}" for h, i in zip(definition.key, where, strict=True) if row[i] is not None
            )
            raise GocKurulError(
                f"{label} {seen[key]}. ve {r.row}. satırlarda iki kez yazılmış; yeni yıla ikisi "
                "birden devredilemez. Hangisinin doğru olduğuna karar verip birini düzeltin ya da "
                "silin. Yeni kitap yazılmadı.",
                sheet=sheet,
            )
        seen[key] = r.row


def _key_part(value: Any) -> Any:
    """Keys compare as the check of unique keys reads them: '3' and 3, ' Nizip' and 'Nizip' are one."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = " ".join(value.split())
        return int(text) if text.isdecimal() else text.casefold()
    return value


def carry_over(data: WorkbookData, year: int, *, foreign_population: int | None = None) -> CarryOver:
    """The next year's workbook of `data` (of `year`): settings and carried rows."""
    _refuse_unreadable(data)
    if data.board_kind is None:
        raise GocKurulError(
            "'Kurul Türü' okunamadı (İl ya da İlçe olmalı); yeni yılın kitabı yapılamadı.",
            sheet=contract.SETTINGS_SHEET,
        )
    new_year = year + 1
    settings: dict[str, Any] = {}
    for s in contract.SETTINGS:
        if s.name == contract.S_VERSION:
            continue  # the new workbook is made from the current template
        held = data.settings.get(s.name)
        if held is not None:
            settings[s.name] = (
                held.value if held.value is not None else (None if parse.is_blank(held.raw) else held.raw)
            )
    settings[contract.S_YEAR] = new_year
    if foreign_population is not None:
        settings[contract.S_POPULATION] = foreign_population

    kept = {sheet: [r for r in data.records(sheet) if keep(r, year)] for sheet, keep in KEEP.items()}
    # A carried decision's problem comes along, whatever its state, so that its Sorun No still names it.
    wanted = {reference_key(d, "Sorun No") for d in kept["Kararlar"]}
    chosen = {id(p) for p in kept["Sorunlar"]}
    kept["Sorunlar"] += [
        p for p in data.records("Sorunlar") if id(p) not in chosen and row_key(p, "Sorun No") in wanted
    ]
    kept["Sorunlar"].sort(key=lambda p: p.row)

    definitions = {d.name: d for d in contract.sheets_for(contract.TEMPLATE_VERSION)}
    rows: dict[str, list[list[Any]]] = {}
    for sheet, records in kept.items():
        cleared = CLEARED.get(sheet, ())
        out = []
        for r in records:
            row = []
            for c in definitions[sheet].columns:
                if c.header == contract.CARRIED_COLUMN:
                    row.append(carried_year(r) or year)  # the year it first came from
                elif c.header in cleared:
                    row.append(None)
                else:
                    row.append(_cell(r, c.header))
            out.append(row)
        _refuse_duplicates(sheet, definitions[sheet], records, out)
        rows[sheet] = out
    return CarryOver(new_year, settings, rows, {sheet: len(v) for sheet, v in rows.items()})


def carried_summary(c: CarryOver, data: WorkbookData) -> str:
    """What was carried, in Turkish: '9 ilçe, 52 aktif üye (Alt Komisyonda 24), 6 açık eylem, …'."""
    members = c.rows["Üyeler"]
    role = [col.header for col in contract.SHEETS_BY_NAME["Üyeler"].columns].index("Görev")
    sub = sum(1 for m in members if m[role] in rules.SUBCOMMISSION_ROLES)
    parts = []
    if data.board_kind is rules.BoardKind.PROVINCE:
        parts.append(f"{c.counts['İlçeler']} ilçe")
    parts.append(f"{len(members)} aktif üye" + (f" (Alt Komisyonda {sub})" if sub else ""))
    parts += [
        f"{c.counts['Eylem Planı']} açık eylem",
        f"{c.counts['Projeler']} süren ya da raporu beklenen proje",
        f"{c.counts['Kararlar']} açık karar",
        f"{c.counts['Sorunlar']} sorun (açık olanlar ve devreden kararların sorunları)",
    ]
    return ", ".join(parts)
