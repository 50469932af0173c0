"""The year's rows of the annual evaluation report (Ek-3 items 2–4, M13): the meetings, problems and decisions of
this workbook's boards and, in a province workbook, of the district boards merged into it (`birlestir`) — M13(1)
evaluates "İl ve İlçe Göç Koordinasyon Kurulları". The Ek-3 sheet and the platform's annual document read the
same rows. Rows carried over from an earlier year (KURALLAR §7) belong to the year they came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .. import contract, rules
from ..findings import WARNING, Finding
from ..rules import CATEGORY_SHORT
from ..rules import MeetingCategory as Category
from .districts import DECISIONS_SHEET, PROBLEMS_SHEET, district_state_for, required_district_boards
from .meetings import carried_year, key_order, meeting_day, reference_key, row_key, split_reference
from .model import WorkbookData
from .records import Record
from .text import tr_date

# --- this workbook's boards ------------------------------------------------------------------------------

# Board types in the order the report lists them (item 2).
BOARD_ORDER = (Category.PROVINCE_BOARD, Category.SUBCOMMISSION, Category.DISTRICT_BOARD)
UNRESOLVED_PROBLEM_STATUSES = ("Çözülemedi", "Açık")


@dataclass(frozen=True)
class YearMeeting:
    no: str
    category: Category | None
    day: dt.date
    district: str | None = None  # a district's board, merged into a province workbook
    held: bool = True  # Gerçekleşen Tarih set: only a held meeting is a meeting of the year (KURALLAR §5, Ek-3)

    @property
    def label(self) -> str:
        kind = CATEGORY_SHORT[self.category] if self.category else "Toplantı"
        where = f"{self.district} " if self.district else ""
        return f"{where}{kind} {self.no}\n{tr_date(self.day)}"


def year_meetings(data: WorkbookData, year: int) -> dict[str, YearMeeting]:
    """The meetings held (or planned, when not yet held) in `year`, by Toplantı No, in date order."""
    out = []
    for m in data.records("Toplantılar"):
        no, day = m["Toplantı No"], meeting_day(m)
        if no is None or not isinstance(day, dt.date) or day.year != year:
            continue
        out.append(
            YearMeeting(no, rules.category_of(m["Kategori"]), day, held=isinstance(m["Gerçekleşen Tarih"], dt.date))
        )
    out.sort(key=lambda x: (x.day, key_order(x.no)))
    return {m.no: m for m in out}


def board_types(data: WorkbookData, meetings: dict[str, YearMeeting]) -> list[Category]:
    kind = data.board_kind or rules.BoardKind.PROVINCE
    own = set(rules.BOARD_MEETING_CATEGORIES[kind][0])
    held = {m.category for m in meetings.values()}
    # A province report covers the province's and districts' boards (M13(1)): every type is listed.
    return [c for c in BOARD_ORDER if kind is rules.BoardKind.PROVINCE or c in own or c in held]


def year_decisions(data: WorkbookData, meetings: dict[str, YearMeeting]) -> list[Record]:
    """The decisions taken at the year's meetings (carried ones were taken in an earlier year)."""
    decisions = [d for d in data.records("Kararlar") if d["Toplantı No"] in meetings and carried_year(d) is None]
    decisions.sort(
        key=lambda d: (meetings[d["Toplantı No"]].day, key_order(d["Toplantı No"]), key_order(d["Karar No"]))
    )
    return decisions


def unresolved_problems(
    data: WorkbookData, meetings: dict[str, YearMeeting], decisions: list[Record]
) -> tuple[list[Record], dict[tuple, list[Record]]]:
    """Ek-3 item 4 (M13(4)): problems still open or unsolved although the year's boards took decisions on
    them, in Sorun No order, and each problem's decisions (keyed by `row_key`)."""
    by_problem: dict[tuple, list[Record]] = {}
    for d in sorted(data.records("Kararlar"), key=lambda d: (carried_year(d) or 0, key_order(d["Karar No"]))):
        ref = reference_key(d, "Sorun No")
        if ref is not None:
            by_problem.setdefault(ref, []).append(d)
    linked = {reference_key(d, "Sorun No") for d in decisions}
    unresolved = [
        p
        for p in data.records("Sorunlar")
        if p["Durum"] in UNRESOLVED_PROBLEM_STATUSES
        and row_key(p, "Sorun No") in by_problem
        and ((p["Toplantı No"] in meetings and carried_year(p) is None) or row_key(p, "Sorun No") in linked)
    ]
    return sorted(unresolved, key=lambda p: (carried_year(p) or 0, key_order(p["Sorun No"]))), by_problem


# --- the districts' boards in the province's annual report (M13(1): "İl ve İlçe Göç Koordinasyon Kurulları") ---


@dataclass(frozen=True)
class DistrictRecord:
    """A merged district row, read as a workbook row is (r["Alan"]), naming its district."""

    district: str
    values: dict[str, Any]

    def __getitem__(self, header: str) -> Any:
        return self.values.get(header)

    def get(self, header: str, default: Any = None) -> Any:
        v = self.values.get(header)
        return default if v is None else v

    @property
    def bad(self) -> dict[str, str]:
        return {}

    @property
    def raw(self) -> dict[str, Any]:
        return self.values


@dataclass
class DistrictYear:
    """What the merged district sheets say about a year's district boards, for Ek-3 items 2–4."""

    meetings: dict[tuple[str, str], YearMeeting]  # (district, Toplantı No) -> the meeting, by date
    problems: list[DistrictRecord]  # raised at the year's meetings
    decisions: list[DistrictRecord]  # taken at the year's meetings
    unresolved: list[DistrictRecord]  # still open or unsolved although decisions were taken on them
    by_problem: dict[tuple, list[DistrictRecord]]  # (district, year of origin, Sorun No) -> its decisions
    not_merged: list[str]  # districts that must hold boards (M8(1)) whose workbook has not been merged
    merged: bool  # any district workbook merged at all

    def meeting_of(self, r: DistrictRecord) -> YearMeeting:
        return self.meetings[(r.district, r["Toplantı No"])]


def _district_ref(r: DistrictRecord) -> tuple | None:
    """The problem a merged decision names: (district, year of origin, Sorun No); see meetings.reference_key."""
    value = r["Sorun No"]
    if value is None:
        return None
    if carried := split_reference(value):
        return r.district, *carried
    return r.district, r[contract.CARRIED_COLUMN], value


def district_year(data: WorkbookData, year: int) -> DistrictYear | None:
    """The district boards of `year` as merged into a province workbook (`birlestir`); None for a district's own
    workbook. Carried rows (Devreden Yıl) belong to the year they came from."""
    if data.board_kind is not rules.BoardKind.PROVINCE:
        return None
    state = district_state_for(data)
    districts = (
        sorted(state.districts.values(), key=lambda d: contract.turkish_sort_key(d.district))
        if state is not None
        else []
    )
    meetings: dict[tuple[str, str], YearMeeting] = {}
    problems, decisions, all_decisions, all_problems = [], [], [], []
    for d in districts:
        for m in d.meetings():
            day = m["Gerçekleşen Tarih"] or m["Planlanan Tarih"]
            if (
                m["Kategori"] == rules.MeetingCategory.DISTRICT_BOARD.value
                and isinstance(day, dt.date)
                and day.year == year
                and m["Toplantı No"] is not None
            ):
                meetings[(d.district, m["Toplantı No"])] = YearMeeting(
                    m["Toplantı No"],
                    rules.MeetingCategory.DISTRICT_BOARD,
                    day,
                    d.district,
                    held=isinstance(m["Gerçekleşen Tarih"], dt.date),
                )
        for sheet, out, every in (
            (PROBLEMS_SHEET, problems, all_problems),
            (DECISIONS_SHEET, decisions, all_decisions),
        ):
            for row in d.tables[sheet]:
                r = DistrictRecord(d.district, row)
                every.append(r)
                if r[contract.CARRIED_COLUMN] is None and (d.district, r["Toplantı No"]) in meetings:
                    out.append(r)
    order = list(meetings)
    meetings = dict(sorted(meetings.items(), key=lambda kv: (kv[1].day, order.index(kv[0]))))
    position = {k: i for i, k in enumerate(meetings)}

    def by_meeting(r: DistrictRecord, number: str) -> tuple:
        return position[(r.district, r["Toplantı No"])], key_order(r[number])

    problems.sort(key=lambda r: by_meeting(r, "Sorun No"))
    decisions.sort(key=lambda r: by_meeting(r, "Karar No"))
    by_problem: dict[tuple, list[DistrictRecord]] = {}
    for r in sorted(all_decisions, key=lambda r: (r.district, key_order(r["Karar No"]))):
        ref = _district_ref(r)
        if ref is not None:
            by_problem.setdefault(ref, []).append(r)
    linked = {_district_ref(r) for r in decisions}
    raised = {id(p) for p in problems}
    unresolved = []
    for p in all_problems:
        key = (p.district, p[contract.CARRIED_COLUMN], p["Sorun No"])
        if p["Durum"] in UNRESOLVED_PROBLEM_STATUSES and key in by_problem and (id(p) in raised or key in linked):
            unresolved.append(p)
    unresolved.sort(key=lambda p: (contract.turkish_sort_key(p.district), key_order(p["Sorun No"])))
    # A district row without a name (a blank or whitespace-only cell) is named by its row, never dropped or None.
    not_merged = [
        r["İlçe"] or f"'İlçeler' {r.row}. satırdaki adsız ilçe"
        for r in required_district_boards(data)
        if state is None or r["İlçe"] is None or state.get(r["İlçe"]) is None
    ]
    return DistrictYear(meetings, problems, decisions, unresolved, by_problem, not_merged, bool(districts))


# --- the year's rows, this workbook's and its districts' -------------------------------------------------

Row = Record | DistrictRecord


class YearRows:
    def __init__(self, data: WorkbookData, year: int) -> None:
        self.year = year
        self.meetings: dict[str, YearMeeting] = year_meetings(data, year)
        self.districts: DistrictYear | None = district_year(data, year)
        own_decisions = year_decisions(data, self.meetings)
        own_unresolved, self._own_by_problem = unresolved_problems(data, self.meetings, own_decisions)
        own_problems = [
            p for p in data.records("Sorunlar") if p["Toplantı No"] in self.meetings and carried_year(p) is None
        ]
        own_problems.sort(
            key=lambda p: (self.meetings[p["Toplantı No"]].day, key_order(p["Toplantı No"]), key_order(p["Sorun No"]))
        )
        extra = self.districts
        self.problems: list[Row] = [*own_problems, *(extra.problems if extra else [])]
        self.decisions: list[Row] = [*own_decisions, *(extra.decisions if extra else [])]
        self.unresolved: list[Row] = [*own_unresolved, *(extra.unresolved if extra else [])]

    def meeting(self, r: Row) -> YearMeeting:
        if isinstance(r, DistrictRecord):
            return self.districts.meeting_of(r)
        return self.meetings[r["Toplantı No"]]

    def count(self, category: rules.MeetingCategory) -> int:
        """The year's held meetings of a board type (a province's district boards from the merged sheets): a
        meeting planned and never held is not a meeting of the year (KURALLAR §5, Ek-3 item 2)."""
        own = sum(1 for m in self.meetings.values() if m.category is category and m.held)
        merged = self.districts is not None and category is rules.MeetingCategory.DISTRICT_BOARD
        return own + (sum(m.held for m in self.districts.meetings.values()) if merged else 0)

    def decisions_on(self, p: Row) -> list[Row]:
        """The decisions taken on an unresolved problem (Ek-3 item 4)."""
        if isinstance(p, DistrictRecord):
            return self.districts.by_problem[(p.district, p[contract.CARRIED_COLUMN], p["Sorun No"])]
        return self._own_by_problem[row_key(p, "Sorun No")]


def origin_year(r: Row) -> int | None:
    """The year a row was carried over from (Devreden Yıl), for a workbook row or a merged district row."""
    return r[contract.CARRIED_COLUMN] if isinstance(r, DistrictRecord) else carried_year(r)


# Ek-3 items 5 and 6 are the office's own words, kept in the `Yıllık Rapor` sheet (item, column).
USER_ITEMS = ((5, contract.ANNUAL_SUPPORT_COLUMN), (6, contract.ANNUAL_CONCLUSION_COLUMN))
ANNUAL_ARTICLE = "M13(1)"


def user_text(data: WorkbookData, year: int, column: str) -> str | None:
    for r in data.records(contract.ANNUAL_SHEET):
        if r["Yıl"] == year and r[column]:
            return str(r[column])
    return None


def report_gaps(data: WorkbookData, year: int, *, unmerged: bool = True) -> list[Finding]:
    """What the province's Ek-3 of `year` would print without (M13(1), M13(4)): items 5–6 not written, districts
    that must hold boards (M8(1)) whose workbooks were not merged. Said by `yillik` and by `kontrol`, never on
    the signed page (KURALLAR §5). Without `unmerged`, the districts only once some district book was merged
    (`kontrol` says nothing of district boards before any merge: it cannot see them, core.districts)."""
    out = []
    table = data.table(contract.ANNUAL_SHEET)
    for item, column in USER_ITEMS:
        if table is None:
            out.append(
                Finding(
                    WARNING,
                    ANNUAL_ARTICLE,
                    contract.ANNUAL_SHEET,
                    None,
                    f"Ek-3 madde {item} yazılamaz: kitapta '{contract.ANNUAL_SHEET}' sayfası yok; kitabı "
                    "'gockurul guncelle' ile güncelleyin. Yazılmazsa madde boş basılır.",
                )
            )
        elif user_text(data, year, column) is None:
            row = next((r for r in data.records(contract.ANNUAL_SHEET) if r["Yıl"] == year), None)
            out.append(
                Finding(
                    WARNING,
                    ANNUAL_ARTICLE,
                    contract.ANNUAL_SHEET,
                    row.cell(column) if row is not None else None,
                    f"{year} yılı Ek-3 madde {item} yazılmamış: metni '{contract.ANNUAL_SHEET}' sayfasında "
                    f"{year} satırının '{column}' sütununa yazın; yazılmazsa madde elle doldurulmak üzere "
                    "boş basılır.",
                )
            )
    districts = district_year(data, year)
    if districts is not None and districts.not_merged and (unmerged or districts.merged):
        names = ", ".join(districts.not_merged)
        out.append(
            Finding(
                WARNING,
                ANNUAL_ARTICLE,
                "İlçeler",
                None,
                f"Kurul toplaması zorunlu (M8(1)) ilçelerden {names} kitabı il kitabına "
                f"birleştirilmemiş: {year} yılı Ek-3'ünde bu ilçelerin kurulları yer almaz. İlçe "
                "kitaplarını 'İlçe Kitaplarını Birleştir' düğmesi ya da 'gockurul birlestir' ile "
                "birleştirin.",
            )
        )
    return out


def report_in_preparation(year: object, today: dt.date) -> bool:
    """January of the following year: when the İl Göç İdaresi Müdürlüğü prepares Ek-3 (M13(1)) and enters it in
    the platform (M13(3), by the end of January)."""
    return isinstance(year, int) and today.year == year + 1 and today.month == 1
