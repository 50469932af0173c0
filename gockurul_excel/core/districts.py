"""The province's view of its district boards (M8(1), M8(3), M12(5)): the merged state read back from the
province workbook's generated sheets (`birlestir` writes them: sheets.merge, core.merge), and the follow-up
rules — which districts must hold boards, which windows they met, whose minutes came late. Their boards in the
province's annual report: core.annual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import contract, rules
from . import parse
from .model import WorkbookData
from .records import Record
from .text import tr_date
from .windows import build_calendar, windows_for
from .workdays import WorkCalendar, deadline

MEETINGS_SHEET = contract.DISTRICT_MEETINGS_SHEET
DECISIONS_SHEET = contract.DISTRICT_DECISIONS_SHEET
PROBLEMS_SHEET = contract.DISTRICT_PROBLEMS_SHEET
PARTICIPANTS_SHEET = contract.DISTRICT_PARTICIPANTS_SHEET
LOG_SHEET = contract.MERGE_LOG_SHEET
FOLLOW_UP_SHEET = contract.FOLLOW_UP_SHEET

DISTRICT = "İlçe"
RECEIVED = "İle Ulaşma Tarihi"  # first merge that brought the meeting: the date the province received it
SOURCE = "Kaynak Dosya"
# Content columns (compared to decide "değişiklik yok"); the district comes first in every table.
MEETING_COLS = (
    "Toplantı No",
    "Kategori",
    "Tür",
    "Planlanan Tarih",
    "Gerçekleşen Tarih",
    "Tutanak Tebliğ Tarihi",
    "Platform Giriş Tarihi",
)
# The decision's problem (Ek-3 item 4) and the year a carried row came from (KURALLAR §7: its Toplantı No names a
# meeting of that year) come last, so that sheets merged before they were added still read.
DECISION_COLS = (
    "Karar No",
    "Toplantı No",
    "Alınan Karar",
    "Sorumlu Kurum ve Kuruluşlar",
    "Verilen Süre",
    "Durum",
    "Uygulanamama Sebebi",
    "Değerlendirme",
    "Değerlendiren Toplantı No",
    "Sorun No",
    contract.CARRIED_COLUMN,
)
PROBLEM_COLS = (
    "Sorun No",
    "Toplantı No",
    "Alan",
    "Tespit Edilen Sorun",
    "Çözüm Önerisi",
    "Durum",
    contract.CARRIED_COLUMN,
)
# KVKK: no phone numbers in the province's copy.
PARTICIPANT_COLS = ("Toplantı No", "Sıra", "Kurum İsmi", "Unvan", "Ad-Soyad", "Vekil")
TABLES = {  # sheet -> (content columns, sort key columns)
    MEETINGS_SHEET: (MEETING_COLS, ("Toplantı No",)),
    DECISIONS_SHEET: (DECISION_COLS, ("Karar No",)),
    PROBLEMS_SHEET: (PROBLEM_COLS, ("Sorun No",)),
    PARTICIPANTS_SHEET: (PARTICIPANT_COLS, ("Toplantı No", "Sıra")),
}
DATE_COLS = {
    "Planlanan Tarih",
    "Gerçekleşen Tarih",
    "Tutanak Tebliğ Tarihi",
    "Platform Giriş Tarihi",
    "Verilen Süre",
    RECEIVED,
}
INT_COLS = {"Sıra", contract.CARRIED_COLUMN}
LOG_COLS = ("Zaman", "Dosya", "İlçe", "İşlem", "Açıklama")


def district_key(name: str) -> str:
    return contract.turkish_lower(" ".join(str(name).split()))


# --- the merged state ---------------------------------------------------------------------------------


@dataclass
class DistrictRows:
    """One district's rows: every table as dicts over its content columns (values typed)."""

    district: str
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {s: [] for s in TABLES})
    received: dict[str, dt.date] = field(default_factory=dict)  # Toplantı No -> İle Ulaşma Tarihi
    source: str = ""

    def meetings(self) -> list[dict[str, Any]]:
        return self.tables[MEETINGS_SHEET]

    def fingerprint(self) -> tuple:
        return tuple(tuple(sorted(_row_key(r, TABLES[s][0]) for r in self.tables[s])) for s in TABLES)

    def per_meeting(self) -> dict[str, tuple]:
        """Toplantı No -> everything that belongs to it (for the change log)."""
        out: dict[str, list] = {}
        for sheet, (cols, _) in TABLES.items():
            for r in self.tables[sheet]:
                no = _norm(r.get("Toplantı No"))
                out.setdefault(no, []).append((sheet, _row_key(r, cols)))
        return {no: tuple(sorted(v)) for no, v in out.items()}


@dataclass
class MergedState:
    districts: dict[str, DistrictRows] = field(default_factory=dict)  # district_key -> rows
    log: list[list[Any]] = field(default_factory=list)

    def get(self, district: str) -> DistrictRows | None:
        return self.districts.get(district_key(district))


def _norm(value: Any) -> str:
    """A value as compared across runs (what the sheet gives back equals what was written)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _row_key(row: dict[str, Any], cols: Iterable[str]) -> tuple[str, ...]:
    return tuple(_norm(row.get(c)) for c in cols)


def typed_value(col: str, value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if col in DATE_COLS:
        try:
            return parse.date(value)
        except ValueError:
            return None
    if col in INT_COLS:
        try:
            return parse.integer(value)
        except ValueError:
            return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def state_from_rows(names: list[str], rows_of: Callable[[str], list[list[Any]]]) -> MergedState | None:
    """The merged state from the generated sheets, whatever reads their cells (`rows_of(name)`: calamine for a
    file, xlwings for a book open in Excel); None when never merged."""
    if MEETINGS_SHEET not in names:
        return None
    state = MergedState()
    for sheet, (cols, _) in TABLES.items():
        if sheet not in names:
            continue
        extra = (RECEIVED, SOURCE) if sheet == MEETINGS_SHEET else ()
        headers = (DISTRICT, *cols, *extra)
        rows = rows_of(sheet)
        header_row, found = parse.locate_header(rows, headers)
        if DISTRICT not in found:
            continue
        for row in rows[header_row:]:
            values = {h: (row[c - 1] if c - 1 < len(row) else None) for h, c in found.items()}
            name = parse.text(values.get(DISTRICT))
            if not name:
                continue
            d = state.districts.setdefault(district_key(name), DistrictRows(name))
            rec = {c: typed_value(c, values.get(c)) for c in cols}
            d.tables[sheet].append(rec)
            if sheet == MEETINGS_SHEET:
                got = typed_value(RECEIVED, values.get(RECEIVED))
                if got and rec["Toplantı No"]:
                    d.received[rec["Toplantı No"]] = got
                d.source = parse.text(values.get(SOURCE)) or d.source
    if LOG_SHEET in names:
        rows = rows_of(LOG_SHEET)
        header_row, found = parse.locate_header(rows, LOG_COLS)
        if len(found) == len(LOG_COLS):
            for row in rows[header_row:]:
                values = [row[found[h] - 1] if found[h] - 1 < len(row) else None for h in LOG_COLS]
                if any(not parse.is_blank(v) for v in values):
                    state.log.append([_norm(v) if v is not None else None for v in values])
    return state


# --- follow-up of the district boards (M8(1), M8(3), M12(5)) -------------------------------------------

IN_TIME, LATE, MISSING, PENDING, NOT_REQUIRED = "zamaninda", "gec", "yapilmadi", "bekleniyor", "gerekmiyor"


@dataclass
class WindowStatus:
    label: str
    start: dt.date
    end: dt.date
    limit: dt.date
    status: str
    meeting_no: str | None = None
    held: dt.date | None = None

    def text(self) -> str:

        if self.held:
            late = " — geç, M8(3) süresi içinde" if self.status == LATE else ""
            return f"Yapıldı: {tr_date(self.held)} (toplantı {self.meeting_no}){late}"
        if self.status == MISSING:
            return f"Yapılmadı — son gün {tr_date(self.limit)} geçti"
        if self.status == NOT_REQUIRED:
            return "Zorunlu değil"
        return f"Bekleniyor: {tr_date(self.start)}–{tr_date(self.end)}, en geç {tr_date(self.limit)}"


@dataclass
class MinutesStatus:
    meeting_no: str
    held: dt.date
    due: dt.date
    sent: dt.date | None
    basis: str  # "Tutanak Tebliğ Tarihi" or RECEIVED

    @property
    def late(self) -> bool:
        return self.sent is not None and self.sent > self.due


@dataclass
class DistrictStatus:
    district: str
    population: int | None
    border: bool
    required: bool
    reason: str
    merged: bool
    cell: str | None
    windows: list[WindowStatus]
    minutes: list[MinutesStatus]
    open_decisions: int
    overdue_decisions: int
    source: str = ""


def required_reason(population: int | None, border: bool) -> tuple[bool, str]:
    """M8(1): (required, Turkish reason)."""
    required, _short, sentence = rules.district_board_duty(population, border)
    return required, sentence


def _minutes_rule() -> rules.Deadline:
    return next(
        r
        for r in rules.MEETING_DEADLINES
        if r.kind == "tutanak_teblig" and rules.MeetingCategory.DISTRICT_BOARD in r.categories
    )


def district_follow_up(
    data: WorkbookData, state: MergedState, today: dt.date, cal: WorkCalendar | None = None
) -> list[DistrictStatus]:
    """One status per district of the province's `İlçeler` sheet."""

    cal = cal or build_calendar(data)
    year = data.setting(contract.S_YEAR)
    rule = _minutes_rule()
    out = []
    for d in data.records("İlçeler"):
        name = d["İlçe"]
        if not name:
            continue
        population, border = d["Yabancı Nüfusu"], d["Hudut İlçesi"] == "Evet"
        required, reason = required_reason(population, border)
        rows = state.get(name)
        meetings = rows.meetings() if rows else []
        held = sorted(
            (
                m
                for m in meetings
                if m["Kategori"] == rules.MeetingCategory.DISTRICT_BOARD.value
                and isinstance(m["Gerçekleşen Tarih"], dt.date)
                and (not isinstance(year, int) or m["Gerçekleşen Tarih"].year == year)
            ),
            key=lambda m: m["Gerçekleşen Tarih"],
        )
        windows: list[WindowStatus] = []
        if isinstance(year, int):
            used: set[int] = set()
            for w in windows_for(rules.DISTRICT_BOARD_WINDOW, year, cal):
                m = next(
                    (
                        m
                        for m in held
                        if m["Tür"] == "Olağan" and id(m) not in used and w.start <= m["Gerçekleşen Tarih"] <= w.limit
                    ),
                    None,
                )
                if m is not None:
                    used.add(id(m))
                    day = m["Gerçekleşen Tarih"]
                    windows.append(
                        WindowStatus(
                            w.label, w.start, w.end, w.limit, IN_TIME if day <= w.end else LATE, m["Toplantı No"], day
                        )
                    )
                elif not required:
                    windows.append(WindowStatus(w.label, w.start, w.end, w.limit, NOT_REQUIRED))
                else:
                    windows.append(
                        WindowStatus(w.label, w.start, w.end, w.limit, MISSING if w.limit < today else PENDING)
                    )
        minutes = []
        for m in held:
            due = deadline(cal, m["Gerçekleşen Tarih"], rule)
            sent, basis = m["Tutanak Tebliğ Tarihi"], "Tutanak Tebliğ Tarihi"
            if sent is None:
                sent, basis = rows.received.get(m["Toplantı No"]), RECEIVED
            minutes.append(MinutesStatus(m["Toplantı No"], m["Gerçekleşen Tarih"], due, sent, basis))
        decisions = rows.tables[DECISIONS_SHEET] if rows else []
        open_ = [k for k in decisions if k["Durum"] in rules.DECISION_OPEN]
        overdue = [k for k in open_ if isinstance(k["Verilen Süre"], dt.date) and k["Verilen Süre"] < today]
        out.append(
            DistrictStatus(
                name,
                population if isinstance(population, int) else None,
                border,
                required,
                reason,
                rows is not None,
                d.cell("İlçe"),
                windows,
                minutes,
                len(open_),
                len(overdue),
                rows.source if rows else "",
            )
        )
    return out


def district_state_for(data: WorkbookData) -> MergedState | None:
    """The merged state of a province workbook already read (None when never merged): for `kontrol`,
    `takvim`, `Pano` and the next merge. The backend read its sheets with the input sheets (`sheet_rows`)."""
    if MEETINGS_SHEET not in data.sheet_rows or data.board_kind is not rules.BoardKind.PROVINCE:
        return None

    def read() -> MergedState | None:
        return state_from_rows(list(data.sheet_rows), data.sheet_rows.__getitem__)

    return data.derived("district_state", read)  # kontrol and takvim ask for it more than once


def required_district_boards(data: WorkbookData) -> list[Record]:
    """M8(1): the districts of a province that must hold their own boards."""
    out = []
    for d in data.records("İlçeler"):
        population = d["Yabancı Nüfusu"]
        if isinstance(population, int) and rules.district_board_required(population, d["Hudut İlçesi"] == "Evet"):
            out.append(d)
    return out
