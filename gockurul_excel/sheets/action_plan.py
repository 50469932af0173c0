"""What `eylem` writes: `Eylem Planı İzleme`, the sub-commission's monitoring report on the Local
Integration Action Plan to the board (M5(13)–(14)).

The actions of the `Eylem Planı` sheet grouped by the M6(7) areas (in `rules.AREAS` order), each with
its responsible institution, period, indicator, target and achievement, status and an overdue flag;
a summary per area with a native column chart of progress. Pure: depends only on the data and "today".
"""

from __future__ import annotations

import datetime as dt

from .. import contract, rules
from ..core.meetings import key_order, place_name
from ..core.model import Record, WorkbookData
from ..core.text import tr_date
from ..sheetspec import Block, ChartSpec, SheetSpec, Value, col_letter
from .formsheet import FormBuilder

SHEET = "Eylem Planı İzleme"
SOURCE = "Eylem Planı"
DONE = "Tamamlandı"
CANCELLED = "İptal"
IN_PROGRESS = "Devam Ediyor"
CLOSED = (DONE, CANCELLED)  # never overdue
OVERDUE = "Gecikti"
NO_AREA = "Alanı belirtilmemiş"

HEADERS = ["Eylem No", "Eylem", "Sorumlu Kurum", "Başlangıç", "Bitiş", "Gösterge", "Hedef", "Gerçekleşen",
           "Durum", "Gecikme"]
WIDTHS = [9.0, 40.0, 30.0, 11.5, 11.5, 22.0, 11.0, 12.0, 13.0, 10.0]
STYLES = ["text", "text", "text", "date", "date", "text", "text", "text", "text", "text"]
FLAG_COL = HEADERS.index("Gecikme") + 1
SUMMARY_HEADERS = ["Toplam", "Tamamlanan", "Devam Eden", "Geciken"]
CHART_SERIES = ("Tamamlanan", "Devam Eden", "Geciken")
CHART_ROWS = 17  # rows of default height kept free under the summary for the chart (7.5 cm)


def is_overdue(action: Record, today: dt.date) -> bool:
    """Its end date has passed and it is neither completed nor cancelled."""
    end = action["Bitiş"]
    return isinstance(end, dt.date) and end < today and action["Durum"] not in CLOSED


def _responsible(action: Record) -> str | None:
    partners = action["İş Birliği Yapılacak Kurumlar"]
    if not partners:
        return action["Sorumlu Kurum"]
    partners = "; ".join(partners) if isinstance(partners, list) else str(partners)
    return f"{action['Sorumlu Kurum'] or ''}\n(İş birliği: {partners})".lstrip()


def grouped_actions(data: WorkbookData) -> list[tuple[str, list[Record]]]:
    """(area, its actions by Eylem No) in `rules.AREAS` order; actions without a known area last."""
    by_area: dict[str, list[Record]] = {}
    for a in data.records(SOURCE):
        area = a["Alan"] if a["Alan"] in rules.AREAS else NO_AREA
        by_area.setdefault(area, []).append(a)
    return [(area, sorted(by_area[area], key=lambda a: key_order(a["Eylem No"])))
            for area in (*rules.AREAS, NO_AREA) if area in by_area]


def area_summary(data: WorkbookData, today: dt.date) -> list[list[Value]]:
    """[area, total, completed, in progress, overdue] for every M6(7) area (and unknown areas, if any)."""
    groups = dict(grouped_actions(data))
    areas = [*rules.AREAS, *([NO_AREA] if NO_AREA in groups else [])]
    out: list[list[Value]] = []
    for area in areas:
        actions = groups.get(area, [])
        out.append([area, len(actions), sum(a["Durum"] == DONE for a in actions),
                    sum(a["Durum"] == IN_PROGRESS for a in actions), sum(is_overdue(a, today) for a in actions)])
    return out


class _Report(FormBuilder):
    def rows(self, rows: list[list[Value]], styles: list[str | None]) -> int:
        """Data rows on the grid (one block); returns the first row."""
        first = self.row
        if rows:
            self.spec.blocks.append(Block(first, 1, rows, col_styles=styles))
            for i, r in enumerate(rows):
                for c, v in enumerate(r):
                    self._fit(first + i, v, self.widths[c])
            self.row += len(rows)
        return first


def _board(data: WorkbookData) -> str:

    return place_name(data)


def action_plan_sheet(data: WorkbookData, today: dt.date) -> SheetSpec:
    """The `Eylem Planı İzleme` sheet (landscape A4, one page wide, the table header on every page)."""
    r = _Report(SHEET, WIDTHS, landscape=True)
    year = data.setting(contract.S_YEAR)
    title = f"Yerel Uyum Eylem Planı İzleme Raporu — {_board(data)} {year or ''}".rstrip(" —")
    r.line(title, "title")
    r.spec.row_heights[1] = 22.0
    r.line(f"İzleme tarihi: {tr_date(today)}. Alt Komisyonun Kurula sunduğu izleme raporu (M5(13), M5(14)); "
           f"eylemler M6(7) çalışma alanlarına göre. '{OVERDUE}': bitiş tarihi geçmiş, durumu {DONE} ya da "
           f"{CANCELLED} olmayan eylem.", "plain")
    r.blank()

    actions = data.records(SOURCE)
    r.line("Alanlara göre özet", "subtitle")
    summary = area_summary(data, today)
    # Area names over columns A–B (the first column is narrow); the counts in C–F.
    r.cell(1, "Alan", "header", span=2)
    for i, h in enumerate(SUMMARY_HEADERS):
        r.cell(3 + i, h, "header")
    r.row += 1
    first = r.row
    r.spec.blocks.append(Block(first, 3, [counts for _, *counts in summary], style="number"))
    for area, *_ in summary:
        r.cell(1, area, "text", span=2)
        r.row += 1
    last = r.row - 1
    totals = [sum(row[i] for row in summary) for i in range(1, 5)]
    r.cell(1, "Toplam", "label", span=2)
    r.spec.blocks.append(Block(r.row, 3, [totals], style="number"))
    r.row += 1
    if actions:
        r.blank()
        series = [(name, f"{col_letter(4 + i)}{first}:{col_letter(4 + i)}{last}")
                  for i, name in enumerate(CHART_SERIES)]
        r.spec.charts.append(ChartSpec("column", "Alanlara göre ilerleme (eylem sayısı)", f"A{first}:A{last}",
                                       series, f"A{r.row}", width_cm=22.0, height_cm=7.5))
        r.blank(CHART_ROWS)
    r.blank()

    r.line("Eylemler", "subtitle")
    header = r.table(HEADERS, [], STYLES)
    if not actions:
        r.line(f"'{SOURCE}' sayfasında eylem yok.", "text")
    for area, group in grouped_actions(data):
        late = sum(is_overdue(a, today) for a in group)
        done = sum(a["Durum"] == DONE for a in group)
        r.line(f"{area} — {len(group)} eylem, {done} tamamlandı" + (f", {late} gecikti" if late else ""), "label")
        rows = [[a["Eylem No"], a["Eylem"], _responsible(a), a["Başlangıç"], a["Bitiş"], a["Gösterge"], a["Hedef"],
                 a["Gerçekleşen"], a["Durum"], OVERDUE if is_overdue(a, today) else None] for a in group]
        start = r.rows(rows, STYLES)
        for i, row in enumerate(rows):
            if row[-1] == OVERDUE:
                r.spec.blocks.append(Block(start + i, FLAG_COL, [[OVERDUE]], style="hata"))
    spec = r.finish()
    spec.print_setup.title_rows = (header, header)
    spec.tab_color = "ED7D31"
    return spec
