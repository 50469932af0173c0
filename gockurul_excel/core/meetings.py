"""Meeting queries over the workbook model: a meeting's date and category, its rows, the previous meeting of the
same board, the decisions it evaluates (M5(7)), the year's first board (KURALLAR §7), the identity of rows carried
over from an earlier year, members by role. The year's meetings, decisions and problems (Ek-3): core.annual.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .. import contract, rules
from ..errors import GocKurulError
from ..rules import MeetingCategory as Category
from .model import WorkbookData
from .records import Record

# The `Toplantılar` columns the rules read, named once.
NO, CATEGORY, KIND, PLANNED, HELD = "Toplantı No", "Kategori", "Tür", "Planlanan Tarih", "Gerçekleşen Tarih"
# M12: the two dates of a meeting's minutes, by the kind of their deadline in rules.MEETING_DEADLINES.
MINUTES_COLUMNS = {"tutanak_teblig": "Tutanak Tebliğ Tarihi", "platform_giris": "Platform Giriş Tarihi"}


def held(record: Record) -> dt.date | None:
    """The day a meeting was held; None while it is only planned (KURALLAR §2: only a held one counts)."""
    return record[HELD]


def planned(record: Record) -> dt.date | None:
    return record[PLANNED]


def meeting_day(record: Record) -> dt.date | None:
    """The date a meeting row stands for: held, else planned."""
    return record[HELD] or record[PLANNED]


@dataclass
class Meeting:
    record: Record
    category: Category
    date: dt.date | None

    @property
    def no(self) -> str:
        return self.record["Toplantı No"]

    @property
    def held(self) -> bool:
        return self.record["Gerçekleşen Tarih"] is not None


def find_meeting(data: WorkbookData, number: str) -> Meeting:
    meetings = _meetings_by_no(data)
    key = str(number).strip()
    if key.endswith(".0"):
        key = key[:-2]
    r = meetings.get(key)
    if r is None:
        known = ", ".join(list(meetings)[:20]) or "yok"
        raise GocKurulError(
            f"Toplantı {number} 'Toplantılar' sayfasında bulunamadı (mevcut: {known}).", sheet="Toplantılar"
        )
    category = rules.category_of(r["Kategori"])
    if category is None:
        raise GocKurulError(
            f"Toplantı {key}: kategori '{r['Kategori'] or ''}' geçerli değil.",
            sheet="Toplantılar",
            cell=r.cell("Kategori"),
        )
    return Meeting(r, category, meeting_day(r))


def place_name(data: WorkbookData) -> str:
    """'Gaziantep', or 'Gaziantep / Nizip' for a district board: how every form and sheet names the board's place."""
    province = data.setting(contract.S_PROVINCE) or ""
    district = data.setting(contract.S_DISTRICT)
    if data.board_kind is rules.BoardKind.DISTRICT and district:
        return f"{province} / {district}".strip(" /")
    return province


CARRIED = contract.CARRIED_COLUMN


def carried_year(r: Record) -> int | None:
    """The year a row carried over by `devir` came from (`Devreden Yıl`); None for a row of this year and on the
    sheets that carry nothing over."""
    year = dict.get(r, CARRIED)  # not r[...]: most sheets have no such column
    return year if year.__class__ is int else None


def before_day(record: Record | None, day: dt.date) -> dt.date:
    """The day the deadlines *before* a meeting run from (KURALLAR §2): its planned date when set — or the held date
    when the board met earlier than planned, so no "before" falls after the meeting — else `day` (held, or the
    proposal)."""
    if record is None:
        return day
    dates = [d for d in (record["Planlanan Tarih"], record["Gerçekleşen Tarih"]) if d is not None]
    return min(dates) if dates else day


def evaluation_is_of(r: Record, meeting_no: object) -> bool:
    """Whether a decision's `Değerlendirme` is what meeting `meeting_no` said of it (Ek-1 item 8, M5(7)): the meeting
    named in `Değerlendiren Toplantı No`, or, when none is named, any meeting of this year (never last year's words,
    KURALLAR §7)."""
    evaluator = r["Değerlendiren Toplantı No"]
    return evaluator == meeting_no or (evaluator is None and carried_year(r) is None)


def carried_rows(data: WorkbookData, sheet: str) -> list[Record]:
    """A sheet's rows carried over from earlier years, by year of origin and number (built once per read)."""

    def build() -> list[Record]:
        rows = [r for r in data.records(sheet) if carried_year(r) is not None]
        number = contract.SHEETS_BY_NAME[sheet].key[0]
        return sorted(rows, key=lambda r: (carried_year(r), key_order(r[number]), r.row))

    return data.derived(("carried", sheet), build)


# A reference to a carried row from a row of this year: "2025/3" (year of origin / its number).
_CARRIED_REF = re.compile(r"(\d{4})\s*/\s*(\S.*)")


def row_key(r: Record, number: str) -> tuple[int | None, str | None]:
    """A row's identity on a sheet that carries rows over: (year of origin or None, its number)."""
    return carried_year(r), r[number]


def reference_key(r: Record, header: str) -> tuple[int | None, str] | None:
    """The identity a reference cell names: a plain number names a row of the referring row's own year (so a
    carried decision's Sorun No names the problem carried with it); "2025/3" names the row carried from 2025."""
    value = r[header]
    if value is None:
        return None
    return split_reference(value) or (carried_year(r), value)


def split_reference(value: object) -> tuple[int, str] | None:
    """ "2025/3" -> (2025, "3"): a row carried from another year, named the same way everywhere; else None."""
    m = _CARRIED_REF.fullmatch(str(value).strip())
    return (int(m.group(1)), m.group(2).strip()) if m else None


def carried_reference(value: object, year: int | None) -> str:
    """How a row of `year` is named from another year's rows: "2025/3" (unchanged when it already is one)."""
    text = str(value)
    return text if year is None or _CARRIED_REF.fullmatch(text) else f"{year}/{text}"


def number_text(r: Record, number: str) -> str:
    """How a row's number is shown: '5', or '5 (2025)' for a row carried from 2025."""
    year = carried_year(r)
    value = r[number] if r[number] is not None else "?"
    return f"{value} ({year})" if year is not None else str(value)


def of_meeting(data: WorkbookData, sheet: str, no: str, order: str) -> list[Record]:
    """The rows of one of this workbook's meetings (a carried row's Toplantı No names a meeting of its own year's
    workbook, not this one)."""
    rows = [r for r in data.grouped(sheet, "Toplantı No").get(no, []) if carried_year(r) is None]
    return sorted(rows, key=lambda r: (r[order] is None, number_order(r[order]), r.row))


def number_order(value) -> tuple:
    text = str(value or "")
    return (0, int(text), "") if text.isdigit() else (1, 0, text)


def participants(data: WorkbookData, m: Meeting) -> list[Record]:
    return of_meeting(data, "Katılımcılar", m.no, "Sıra")


def decisions(data: WorkbookData, m: Meeting) -> list[Record]:
    return of_meeting(data, "Kararlar", m.no, "Karar No")


def _dated_meetings(data: WorkbookData) -> dict[str, list[tuple[dt.date, int, Record]]]:
    """Category -> (held or planned date, row order, record) of its dated meetings, by date."""

    def build() -> dict[str, list[tuple[dt.date, int, Record]]]:
        out: dict[str, list[tuple[dt.date, int, Record]]] = {}
        for i, r in enumerate(data.records("Toplantılar")):
            day = meeting_day(r)
            if day and r["Kategori"]:
                out.setdefault(r["Kategori"], []).append((day, i, r))
        for entries in out.values():
            entries.sort(key=lambda e: (e[0], e[1]))
        return out

    return data.derived("dated_meetings", build)


def previous_meeting(data: WorkbookData, m: Meeting) -> Meeting | None:
    """The meeting of the same category held (or planned) last before this one (the first row on a tie)."""
    if m.date is None:
        return None
    entries = _dated_meetings(data).get(m.category.value, [])
    best: tuple[dt.date, Record] | None = None
    for k in range(bisect_left(entries, m.date, key=lambda e: e[0]) - 1, -1, -1):
        day, _, r = entries[k]
        if best is not None and day < best[0]:
            break
        if r["Toplantı No"] != m.no:
            best = (day, r)  # walking back over a tie ends on its first row
    if best is None:
        return None
    return Meeting(best[1], m.category, best[0])


def _meetings_by_no(data: WorkbookData) -> dict:
    return data.derived(
        "meetings_by_no",
        lambda: {r["Toplantı No"]: r for r in data.records("Toplantılar") if r["Toplantı No"] is not None},
    )


def _evaluation(data: WorkbookData, d: Record) -> tuple[object, dt.date | None]:
    """(the meeting named in `Değerlendiren Toplantı No`, the day it was held — None when it was not, or names the
    meeting that took the decision)."""
    evaluator = d["Değerlendiren Toplantı No"]
    if evaluator is None or (carried_year(d) is None and evaluator == d["Toplantı No"]):
        return evaluator, None
    r = _meetings_by_no(data).get(evaluator)
    return evaluator, (r["Gerçekleşen Tarih"] if r is not None else None)


def _open_decisions(data: WorkbookData) -> dict[str, list[tuple[dt.date, int, object, dt.date | None, Record]]]:
    """Category -> (its meeting's date, row order, evaluator, evaluator's held day, decision) of this year's open
    decisions, by meeting date (built once: each meeting's Ek-1 item 8 then looks nothing up again)."""

    def build() -> dict[str, list[tuple[dt.date, int, object, dt.date | None, Record]]]:
        out: dict[str, list[tuple[dt.date, int, object, dt.date | None, Record]]] = {}
        for category, entries in _dated_meetings(data).items():
            out[category] = [
                (day, i, *_evaluation(data, d), d)
                for day, i, r in entries
                for d in of_meeting(data, "Kararlar", r["Toplantı No"], "Karar No")
                if d["Durum"] in rules.DECISION_OPEN
            ]
        return out

    return data.derived("open_decisions", build)


def _evaluated_before(data: WorkbookData, d: Record, m: Meeting) -> bool:
    """Whether a held meeting before `m` evaluated decision `d` (its `Değerlendiren Toplantı No`, other than `m` and
    the meeting that took it): then `m` no longer lists it (M5(7), KURALLAR §3)."""
    evaluator, held = _evaluation(data, d)
    return evaluator != m.no and held is not None and m.date is not None and held < m.date


def unevaluated_decisions(data: WorkbookData) -> list[tuple[Record, Record]]:
    """M5(7) for `kontrol`: (decision, meeting) for each open decision of this year with no evaluation recorded, and
    the first board meeting of its kind held after it — where its Ek-1 item 8 first listed it — in the order of
    those meetings. The same pairs `decisions_to_evaluate` gives meeting by meeting, found once per decision."""
    out: list[tuple[tuple, Record, Record]] = []
    for category in rules.BOARD_CATEGORIES.values():
        held = sorted(
            (r["Gerçekleşen Tarih"], i, r)
            for i, r in enumerate(data.records("Toplantılar"))
            if r["Gerçekleşen Tarih"] is not None and r["Toplantı No"] is not None and r["Kategori"] == category.value
        )
        for day, i, evaluator, _, d in _open_decisions(data).get(category.value, []):
            k = bisect_right(held, day, key=lambda e: e[0])  # the first held strictly after its meeting
            if evaluator is None and k < len(held):
                out.append(((held[k][0], held[k][1], day, i), d, held[k][2]))
    out.sort(key=lambda e: e[0])
    return [(d, m) for _, d, m in out]


def decisions_to_evaluate(data: WorkbookData, m: Meeting) -> list[Record]:
    """Ek-1 item 8 / M5(7), KURALLAR §3: every still-open decision of an earlier meeting of the same board that no
    held meeting has evaluated since (an extra board in between does not drop it) — at the workbook's own board
    first the open decisions carried over from last year (M5(12), KURALLAR §7) — then every other decision whose
    'Değerlendiren Toplantı No' is this meeting."""
    named = data.grouped("Kararlar", "Değerlendiren Toplantı No").get(m.no, []) if m.no is not None else []
    out: list[Record] = []
    own = rules.BOARD_CATEGORIES.get(data.board_kind) if data.board_kind is not None else None
    if m.date is not None and (m.category is own or (own is None and is_first_board_of_year(data, m))):
        named_ids = {id(r) for r in named}
        out += [
            r
            for r in carried_rows(data, "Kararlar")
            if id(r) in named_ids or (r["Durum"] in rules.DECISION_OPEN and not _evaluated_before(data, r, m))
        ]
    if m.date is not None:
        entries = _open_decisions(data).get(m.category.value, [])
        out += [
            d
            for _, _, evaluator, held, d in entries[: bisect_left(entries, m.date, key=lambda e: e[0])]
            if held is None or held >= m.date or evaluator == m.no
        ]
    out += sorted(named, key=lambda r: (carried_year(r) or 0, number_order(r["Karar No"]), r.row))
    return list({id(r): r for r in out}.values())


def _board_windows(data: WorkbookData, year: int) -> list:
    """The ordinary windows of the workbook's own board (İl or İlçe GKK) in `year`, made once per read."""
    from .windows import build_calendar, required_windows  # windows imports nothing of this module

    def build() -> list:
        kind = data.board_kind
        category = rules.BOARD_CATEGORIES.get(kind) if kind is not None else None
        if category is None:
            return []
        return [w for w in required_windows(data, kind, year, build_calendar(data)) if w.category is category]

    return data.derived(("board_windows", year), build)


def _missed(r: Record, windows: list, today: dt.date) -> bool:
    """A board only planned is missed once the last day it could still count has passed: its ordinary window's
    limit (M7, M8(3)), else — an extra board, or one outside every window — its planned date (KURALLAR §2, §7)."""
    if r["Gerçekleşen Tarih"] is not None:
        return False
    day = r["Planlanan Tarih"]
    if r["Tür"] == "Olağan":
        limits = [w.limit for w in windows if w.contains(day)]
        if limits:
            return max(limits) < today
    return day < today


@dataclass(frozen=True)
class FirstBoard:
    """The year's first board (KURALLAR §7): an entered meeting, or the schedule's proposal (`meeting` None)."""

    day: dt.date  # held, else planned, else proposed
    meeting: Meeting | None


def first_board_of(data: WorkbookData, year: int, today: dt.date) -> FirstBoard | None:
    """KURALLAR §7 (M5(8), M5(12), M5(13), M6(1), M13(2)): as seen on `today`, the earliest board of the workbook's
    own kind in `year` that is held, or planned and not yet missed, or — while its window is open and nothing is
    entered in it — the schedule's proposed ordinary board. An extra board planned for March is not the first
    while the January ordinary board can still be held."""
    category = rules.BOARD_CATEGORIES.get(data.board_kind) if data.board_kind is not None else None
    if category is None or not isinstance(year, int):
        return None
    windows = _board_windows(data, year)
    entries = [e for e in _dated_meetings(data).get(category.value, []) if e[0].year == year]
    candidates: list[tuple[dt.date, int, FirstBoard]] = []
    entered = next(((day, r) for day, _, r in entries if not _missed(r, windows, today)), None)
    if entered is not None:
        day, r = entered
        candidates.append((day, 0, FirstBoard(day, Meeting(r, category, day))))
    ordinary = [e[0] for e in entries if e[2]["Tür"] == "Olağan"]
    proposal = next((w for w in windows if w.limit >= today and not any(w.contains(d) for d in ordinary)), None)
    if proposal is not None:
        # a proposal already past is still to come: it can only be held from today on
        candidates.append((max(proposal.proposal, today), 1, FirstBoard(proposal.proposal, None)))
    return min(candidates, key=lambda c: (c[0], c[1]))[2] if candidates else None


def is_first_board_of_year(data: WorkbookData, m: Meeting, today: dt.date | None = None) -> bool:
    """Whether `m` is the year's first meeting of its board (M5(12) for İl and İlçe; the province's first-board
    duties, M13(2), M5(8), M5(13)) — as seen on `today`, by default on the meeting's own day (its forms are for that
    day: a board only planned before it and not held by then was missed)."""
    if m.category not in rules.BOARD_CATEGORIES.values() or m.date is None:
        return False
    if data.board_kind is not None and m.category is rules.BOARD_CATEGORIES.get(data.board_kind):
        first = first_board_of(data, m.date.year, today or m.date)
        return first is not None and first.meeting is not None and first.meeting.record is m.record
    prev = previous_meeting(data, m)
    return prev is None or prev.date is None or prev.date.year < m.date.year


def first_board(data: WorkbookData, year: int, today: dt.date) -> Meeting | None:
    """The year's first board as entered (held or planned), None while it is only the schedule's proposal."""
    first = first_board_of(data, year, today)
    return first.meeting if first is not None else None


MIGRATION_OFFICE = "İl Göç İdaresi Müdürlüğü"


def key_order(value: object) -> tuple:
    """Sort key for identifiers such as Karar No: 2 before 10, text after numbers."""
    return _key_order(str(value or ""))


@lru_cache(maxsize=65536)  # identifiers repeat: every row of a meeting carries its Toplantı No
def _key_order(text: str) -> tuple:
    parts = re.split(r"(\d+)", text)
    # isdecimal, not isdigit: "²" is a digit that int() refuses
    return tuple((0, int(p), "") if p.isdecimal() else (1, 0, p) for p in parts if p != "")


def active_member(data: WorkbookData, *, role: str, institution: str | None = None) -> Record | None:
    for m in data.records("Üyeler"):
        if m["Görev"] != role or m["Aktif"] == "Hayır":
            continue
        if institution and contract.turkish_lower(institution) not in contract.turkish_lower(m["Kurum"] or ""):
            continue
        return m
    return None
