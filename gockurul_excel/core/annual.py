"""The year's rows of the annual evaluation report (Ek-3 items 2–4, M13): the meetings, problems and decisions of
this workbook's boards and, in a province workbook, of the district boards merged into it (`birlestir`) — M13(1)
evaluates "İl ve İlçe Göç Koordinasyon Kurulları". The Ek-3 sheet and the platform's annual document read the
same rows. Rows carried over from an earlier year (KURALLAR §7) belong to the year they came from.
"""

from __future__ import annotations

import datetime as dt

from .. import contract, rules
from ..findings import WARNING, Finding
from .districts import DistrictRecord, DistrictYear, district_year
from .meetings import (
    YearMeeting,
    carried_year,
    key_order,
    row_key,
    unresolved_problems,
    year_decisions,
    year_meetings,
)
from .model import WorkbookData
from .records import Record

Row = Record | DistrictRecord


class YearRows:
    def __init__(self, data: WorkbookData, year: int) -> None:
        self.year = year
        self.meetings: dict[str, YearMeeting] = year_meetings(data, year)
        self.districts: DistrictYear | None = district_year(data, year)
        own_decisions = year_decisions(data, self.meetings)
        own_unresolved, self._own_by_problem = unresolved_problems(data, self.meetings, own_decisions)
        own_problems = [p for p in data.records("Sorunlar")
                        if p["Toplantı No"] in self.meetings and carried_year(p) is None]
        own_problems.sort(key=lambda p: (self.meetings[p["Toplantı No"]].day, key_order(p["Toplantı No"]),
                                         key_order(p["Sorun No"])))
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
            out.append(Finding(WARNING, ANNUAL_ARTICLE, contract.ANNUAL_SHEET, None,
                               f"Ek-3 madde {item} yazılamaz: kitapta '{contract.ANNUAL_SHEET}' sayfası yok; kitabı "
                               "'gockurul guncelle' ile güncelleyin. Yazılmazsa madde boş basılır."))
        elif user_text(data, year, column) is None:
            row = next((r for r in data.records(contract.ANNUAL_SHEET) if r["Yıl"] == year), None)
            out.append(Finding(WARNING, ANNUAL_ARTICLE, contract.ANNUAL_SHEET,
                               row.cell(column) if row is not None else None,
                               f"{year} yılı Ek-3 madde {item} yazılmamış: metni '{contract.ANNUAL_SHEET}' sayfasında "
                               f"{year} satırının '{column}' sütununa yazın; yazılmazsa madde elle doldurulmak üzere "
                               "boş basılır."))
    districts = district_year(data, year)
    if districts is not None and districts.not_merged and (unmerged or districts.merged):
        names = ", ".join(districts.not_merged)
        out.append(Finding(WARNING, ANNUAL_ARTICLE, "İlçeler", None,
                           f"Kurul toplaması zorunlu (M8(1)) ilçelerden {names} kitabı il kitabına "
                           f"birleştirilmemiş: {year} yılı Ek-3'ünde bu ilçelerin kurulları yer almaz. İlçe "
                           "kitaplarını 'İlçe Kitaplarını Birleştir' düğmesi ya da 'gockurul birlestir' ile "
                           "birleştirin."))
    return out


def report_in_preparation(year: object, today: dt.date) -> bool:
    """January of the following year: when the İl Göç İdaresi Müdürlüğü prepares Ek-3 (M13(1)) and enters it in
    the platform (M13(3), by the end of January)."""
    return isinstance(year, int) and today.year == year + 1 and today.month == 1
