"""The year's rows of the annual evaluation report (Ek-3 items 2–4, M13): the meetings, problems and decisions of
this workbook's boards and, in a province workbook, of the district boards merged into it (`birlestir`) — M13(1)
evaluates "İl ve İlçe Göç Koordinasyon Kurulları". The Ek-3 sheet and the platform's annual document read the
same rows. Rows carried over from an earlier year (KURALLAR §7) belong to the year they came from.
"""

from __future__ import annotations

from .. import contract, rules
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
from .model import Record, WorkbookData

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
        """The year's meetings of a board type (a province's district boards from the merged sheets)."""
        own = sum(1 for m in self.meetings.values() if m.category is category)
        merged = self.districts is not None and category is rules.MeetingCategory.DISTRICT_BOARD
        return own + (len(self.districts.meetings) if merged else 0)

    def decisions_on(self, p: Row) -> list[Row]:
        """The decisions taken on an unresolved problem (Ek-3 item 4)."""
        if isinstance(p, DistrictRecord):
            return self.districts.by_problem[(p.district, p[contract.CARRIED_COLUMN], p["Sorun No"])]
        return self._own_by_problem[row_key(p, "Sorun No")]


def origin_year(r: Row) -> int | None:
    """The year a row was carried over from (Devreden Yıl), for a workbook row or a merged district row."""
    return r[contract.CARRIED_COLUMN] if isinstance(r, DistrictRecord) else carried_year(r)
