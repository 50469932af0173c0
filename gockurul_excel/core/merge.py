"""The district merge planned without touching a file (M12(5)): the province's data, its merged state so far
and the sources a backend has read give the new merged state and this run's log lines.

Safe by construction:
- every source is read (by the backend) before anything is planned, and the sheets go out in one write: a
  corrupt file is refused and logged, the others merge;
- keyed by district and meeting number: the same file twice gives the same state ("değişiklik yok");
- a district's newer file replaces all that district's rows; the log says which meetings were added,
  removed or changed;
- a file of another province or year, a province workbook, an unreadable file: refused with a Turkish reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .. import contract, rules
from ..errors import GocKurulError, InvalidArgument
from ..findings import ERROR
from .districts import (
    DECISIONS_SHEET,
    MEETINGS_SHEET,
    PARTICIPANTS_SHEET,
    PROBLEMS_SHEET,
    TABLES,
    DistrictRows,
    MergedState,
    district_key,
    typed_value,
)
from .meetings import key_order
from .model import WorkbookData

ADDED, REPLACED, UNCHANGED, REFUSED = "eklendi", "değiştirildi", "değişiklik yok", "reddedildi"
# The district workbook's sheet each merged table is copied from.
SOURCE_SHEETS = {
    MEETINGS_SHEET: "Toplantılar",
    DECISIONS_SHEET: "Kararlar",
    PROBLEMS_SHEET: "Sorunlar",
    PARTICIPANTS_SHEET: "Katılımcılar",
}


class Refused(GocKurulError):
    """A source that is not merged; the message is the Turkish reason written to the log."""


@dataclass
class Incoming:
    name: str  # shown in the log
    district: str
    province: str | None
    year: int | None
    rows: DistrictRows
    note: str = ""


@dataclass
class Unusable:
    """A source the backend could not use; `reason` (Turkish) goes to the log."""

    name: str
    reason: str


@dataclass
class LogEntry:
    time: str
    file: str
    district: str | None
    action: str
    reason: str

    def row(self) -> list[Any]:
        return [self.time, self.file, self.district, self.action, self.reason]


@dataclass
class MergeResult:
    entries: list[LogEntry]  # this run's log lines, in the order of the sources
    state: MergedState
    specs: list = field(default_factory=list)  # what to write (commands.merge): merged tables, log, İlçe İzleme
    backup: Any = None
    written: bool = False

    @property
    def refused(self) -> list[LogEntry]:
        return [e for e in self.entries if e.action == REFUSED]

    @property
    def changed(self) -> list[LogEntry]:
        return [e for e in self.entries if e.action in (ADDED, REPLACED)]


def incoming_from_workbook(name: str, data: WorkbookData) -> Incoming:
    """A district workbook already read; Refused when it is not one."""
    kind = rules.board_kind_of(data.setting(contract.S_KIND))
    if kind is rules.BoardKind.PROVINCE:
        raise Refused("Bu bir il kurulu kitabı; yalnız ilçe kurulu kitapları birleştirilir.")
    if kind is not rules.BoardKind.DISTRICT:
        raise Refused("Ayarlar sayfasında 'Kurul Türü' okunamadı; ilçe kurulu kitabı olduğu anlaşılamadı.")
    if data.table("Toplantılar") is None:
        raise Refused("'Toplantılar' sayfası okunamadı.")
    district = data.setting(contract.S_DISTRICT)
    district = str(district).strip() if district is not None else ""
    if not district:
        raise Refused("Ayarlar sayfasında 'İlçe' boş; hangi ilçenin kitabı olduğu bilinmiyor.")
    rows = DistrictRows(district)
    for sheet, source_sheet in SOURCE_SHEETS.items():
        cols, _ = TABLES[sheet]
        first = cols[0]
        for r in data.records(source_sheet):
            if r[first] is None:
                continue
            rec = {}
            for c in cols:
                v = r[c]
                if isinstance(v, list):
                    v = "; ".join(str(x) for x in v)
                rec[c] = v if isinstance(v, (dt.date, int)) or v is None else typed_value(c, v)
            rows.tables[sheet].append(rec)
    year = data.setting(contract.S_YEAR)
    bad = sum(1 for f in data.findings if f.level == ERROR) + sum(
        len(r.bad) for t in data.tables.values() for r in t.records
    )
    note = (
        f" (Uyarı: kitapta {bad} okunamayan değer ya da sayfa sorunu var; ilçe 'gockurul kontrol' çalıştırmalı.)"
        if bad
        else ""
    )
    return Incoming(
        name, district, data.setting(contract.S_PROVINCE), year if isinstance(year, int) else None, rows, note
    )


def _province_districts(data: WorkbookData) -> dict[str, str]:
    return {district_key(r["İlçe"]): r["İlçe"] for r in data.records("İlçeler") if r["İlçe"]}


def _describe_change(old: DistrictRows, new: DistrictRows) -> str:
    a, b = old.per_meeting(), new.per_meeting()
    added = sorted((n for n in b if n not in a), key=key_order)
    removed = sorted((n for n in a if n not in b), key=key_order)
    changed = sorted((n for n in a if n in b and a[n] != b[n]), key=key_order)
    parts = []
    for label, nos in (("eklenen toplantı", added), ("çıkarılan toplantı", removed), ("değişen toplantı", changed)):
        if nos:
            parts.append(f"{label}: {', '.join(n or '(numarasız)' for n in nos)}")
    return "; ".join(parts) or "satırların sırası değişti"


def require_province(data: WorkbookData, name: str) -> None:
    if rules.board_kind_of(data.setting(contract.S_KIND)) is not rules.BoardKind.PROVINCE:
        raise InvalidArgument(f"'{name}' bir il kurulu kitabı değil; ilçe kitapları il kurulu kitabına birleştirilir.")


def plan_merge(
    data: WorkbookData,
    state: MergedState | None,
    sources: list[Incoming | Unusable],
    *,
    today: dt.date,
    now: dt.datetime,
) -> MergeResult:
    """The merge without writing anything: the province's data, its merged state so far (read from its
    generated sheets) and the sources as read give the new state and this run's log lines."""
    require_province(data, data.path.name if data.path else "kitap")
    province = data.setting(contract.S_PROVINCE)
    year = data.setting(contract.S_YEAR)
    known = _province_districts(data)
    # A copy: the state given may be the one cached on `data` (district_state_for), which must stay as read.
    state = MergedState(dict(state.districts), list(state.log)) if state else MergedState()
    stamp = now.strftime("%d.%m.%Y %H:%M")
    entries: list[LogEntry] = []
    for inc in sources:
        if isinstance(inc, Unusable):
            entries.append(LogEntry(stamp, inc.name, None, REFUSED, inc.reason))
            continue
        if inc.province != province:
            reason = f"Başka ilin dosyası: {inc.province or '(il boş)'}; bu kitap {province} ili için."
        elif inc.year != year:
            reason = f"Başka yılın dosyası: {inc.year or '(yıl boş)'}; bu kitap {year} yılı için."
        else:
            reason = None
        if reason:
            entries.append(LogEntry(stamp, inc.name, None, REFUSED, reason))
            continue
        dkey = district_key(inc.district)
        name = known.get(dkey, inc.district)
        note = inc.note + (
            "" if dkey in known else " (Uyarı: bu ilçe İlçeler sayfasında yok; izleme görünümünde yer almaz.)"
        )
        new = inc.rows
        new.district, new.source = name, inc.name
        for r in new.tables.values():
            r.sort(
                key=lambda row: tuple(key_order(row.get(c)) for c in ("Toplantı No", "Karar No", "Sorun No", "Sıra"))
            )
        old = state.districts.get(dkey)
        if old is None and any(
            len(row) > 3
            and row[2] is not None
            and district_key(row[2]) == dkey
            and row[3] in (ADDED, REPLACED, UNCHANGED)
            for row in state.log
        ):
            old = DistrictRows(name)  # merged before with no rows: the merged sheets hold nothing of it
        for m in new.meetings():
            no = m["Toplantı No"]
            new.received[no] = (old.received.get(no) if old else None) or today
        n = len(new.meetings())
        if old is None:
            entries.append(LogEntry(stamp, inc.name, name, ADDED, f"{n} toplantı eklendi.{note}"))
        elif old.fingerprint() == new.fingerprint():
            new.source = old.source or new.source
            entries.append(LogEntry(stamp, inc.name, name, UNCHANGED, f"Aynı içerik ({n} toplantı).{note}"))
        else:
            entries.append(
                LogEntry(
                    stamp,
                    inc.name,
                    name,
                    REPLACED,
                    f"İlçenin önceki satırları bu dosyayla değiştirildi — {_describe_change(old, new)}.{note}",
                )
            )
        state.districts[dkey] = new
    state.log.extend(e.row() for e in entries)
    return MergeResult(entries, state)


def action_counts(entries: list[LogEntry]) -> dict[str, int]:
    """How many sources were added, replaced, unchanged and refused, in that order."""
    return {a: sum(e.action == a for e in entries) for a in (ADDED, REPLACED, UNCHANGED, REFUSED)}
