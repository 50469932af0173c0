"""What `eylem` writes: `Eylem Planı İzleme`, the sub-commission's monitoring report on the Local
Integration Action Plan to the board (M5(13)–(14)).

The actions of the `Eylem Planı` sheet grouped by the M6(7) areas (in `rules.AREAS` order), each with
its responsible institution, period, indicator, target and achievement, status and an overdue flag;
a summary per area with a native column chart of progress. Pure: depends only on the data and "today".
"""

from __future__ import annotations

import datetime as dt

from .. import contract, rules
from ..core.meetings import active_member, key_order, place_name
from ..core.model import WorkbookData
from ..core.records import Record
from ..core.text import tr_date
from ..sheetspec import Block, ChartSpec, SheetSpec, Value, col_letter
from .formsheet import LINE_HEIGHT, FormBuilder

SHEET = "Eylem Planı İzleme"
SOURCE = "Eylem Planı"
DONE = "Tamamlandı"
CANCELLED = "İptal"
IN_PROGRESS = "Devam Ediyor"
CLOSED = (DONE, CANCELLED)  # never overdue
OVERDUE = "Gecikti"
NO_AREA = "Alanı belirtilmemiş"

HEADERS = [
    "Eylem No",
    "Eylem",
    "Sorumlu Kurum",
    "Başlangıç",
    "Bitiş",
    "Gösterge",
    "Hedef",
    "Gerçekleşen",
    "Durum",
    "Gecikme",
]
WIDTHS = [9.0, 40.0, 30.0, 11.5, 11.5, 22.0, 11.0, 12.0, 13.0, 10.0]
STYLES = ["text", "text", "text", "date", "date", "text", "text", "text", "text", "text"]
FLAG_COL = HEADERS.index("Gecikme") + 1
NO_STATUS = "Durumu yazılmamış"
# The summary's columns: the total, then every status (they add up to the total), then the overdue among them.
STATUS_COLUMNS = (*rules.ACTION_STATUSES, NO_STATUS)
OVERDUE_COLUMN = "İçinden geciken"
SUMMARY_HEADERS = ["Toplam", *STATUS_COLUMNS, OVERDUE_COLUMN]
CHART_SERIES = STATUS_COLUMNS  # a stacked column per area: its height is the area's total
CHART_ROWS = 17  # rows of default height kept free under the summary for the chart (7.5 cm)
SIGNATURE_MM = 12.0


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
    return [
        (area, sorted(by_area[area], key=lambda a: key_order(a["Eylem No"])))
        for area in (*rules.AREAS, NO_AREA)
        if area in by_area
    ]


def _status(action: Record) -> str:
    return action["Durum"] if action["Durum"] in rules.ACTION_STATUSES else NO_STATUS


def area_summary(data: WorkbookData, today: dt.date) -> list[list[Value]]:
    """[area, total, one count per status (STATUS_COLUMNS, adding up to the total), overdue] for every M6(7) area
    (and unknown areas, if any)."""
    groups = dict(grouped_actions(data))
    areas = [*rules.AREAS, *([NO_AREA] if NO_AREA in groups else [])]
    out: list[list[Value]] = []
    for area in areas:
        actions = groups.get(area, [])
        out.append(
            [
                area,
                len(actions),
                *(sum(_status(a) == st for a in actions) for st in STATUS_COLUMNS),
                sum(is_overdue(a, today) for a in actions),
            ]
        )
    return out


class _Report(FormBuilder):
    def rows(self, rows: list[list[Value]], styles: list[str | None]) -> int:
        """Data rows on the grid (one block); returns the first row."""
        if rows:
            self.need(self.row_height([(v, 1) for v in rows[0]]))
        first = self.row
        if rows:
            self.spec.blocks.append(Block(first, 1, rows, col_styles=styles))
            for i, r in enumerate(rows):
                for c, v in enumerate(r):
                    self._fit(first + i, v, self.widths[c])
                self.spec.autofit_rows.add(first + i)  # unmerged cells: a live book fits the height itself
            self.row += len(rows)
        return first


def _board(data: WorkbookData) -> str:

    return place_name(data)


def action_plan_sheet(data: WorkbookData, today: dt.date, *, paginate: bool = True) -> SheetSpec:
    """The `Eylem Planı İzleme` sheet (landscape A4, one page wide, the title on every page, the action list's
    heading on every page it continues on, the sub-commission chair's signature at the end; `paginate` False: the
    heading once, no page laid out, as formsheet's module docstring says)."""
    r = _Report(SHEET, WIDTHS, landscape=True, title_rows=(1, 1), paginate=paginate)
    year = data.setting(contract.S_YEAR)
    title = f"Yerel Uyum Eylem Planı İzleme Raporu — {_board(data)} {year or ''}".rstrip(" —")
    r.spec.row_heights[1] = 22.0
    r.line(title, "title")
    r.line(
        f"İzleme tarihi: {tr_date(today)}. Alt Komisyonun Kurula sunduğu izleme raporu (Genelge m. 5/13, 5/14); "
        f"eylemler çalışma alanlarına göre (Genelge m. 6/7). '{OVERDUE}': bitiş tarihi geçmiş, durumu {DONE} ya "
        f"da {CANCELLED} olmayan eylem.",
        "plain",
    )
    r.blank()

    actions = data.records(SOURCE)
    r.line("Alanlara göre özet", "subtitle", keep_next=3 * LINE_HEIGHT)
    summary = area_summary(data, today)
    # Area names over columns A–B (the first column is narrow); the counts in C–J.
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
    totals = [sum(row[i] for row in summary) for i in range(1, len(SUMMARY_HEADERS) + 1)]
    r.cell(1, "Toplam", "label", span=2)
    r.spec.blocks.append(Block(r.row, 3, [totals], style="number"))
    r.row += 1
    if actions:
        r.blank()
        r.need(CHART_ROWS * LINE_HEIGHT)
        series = [
            (name, f"{col_letter(4 + i)}{first}:{col_letter(4 + i)}{last}") for i, name in enumerate(CHART_SERIES)
        ]
        r.spec.charts.append(
            ChartSpec(
                "stacked_column",
                "Alanlara göre eylemlerin durumu (eylem sayısı)",
                f"A{first}:A{last}",
                series,
                f"A{r.row}",
                width_cm=22.0,
                height_cm=7.5,
            )
        )
        r.blank(CHART_ROWS)
    r.blank()

    r.line("Eylemler", "subtitle", keep_next=3 * LINE_HEIGHT)
    header = r.table(HEADERS, [], STYLES)
    if not actions:
        r.line(f"'{SOURCE}' sayfasında eylem yok.", "text")

    def heading() -> None:
        r.spec.blocks.append(Block(r.row, 1, [HEADERS], style="header"))
        r.spec.row_heights[r.row] = r.spec.row_heights[header]
        r.row += 1

    with r.repeating(heading):
        for area, group in grouped_actions(data):
            late = sum(is_overdue(a, today) for a in group)
            done = sum(a["Durum"] == DONE for a in group)
            rows = [
                [
                    a["Eylem No"],
                    a["Eylem"],
                    _responsible(a),
                    a["Başlangıç"],
                    a["Bitiş"],
                    a["Gösterge"],
                    a["Hedef"],
                    a["Gerçekleşen"],
                    a["Durum"],
                    OVERDUE if is_overdue(a, today) else None,
                ]
                for a in group
            ]
            r.line(
                f"{area} — {len(group)} eylem, {done} tamamlandı" + (f", {late} gecikti" if late else ""),
                "label",
                keep_next=r.row_height([(v, 1) for v in rows[0]]),
            )
            for row in rows:
                start = r.rows([row], STYLES)
                if row[-1] == OVERDUE:
                    r.spec.blocks.append(Block(start, FLAG_COL, [[OVERDUE]], style="hata_text"))
    _signature(r, data)
    spec = r.finish()
    spec.tab_color = "ED7D31"
    return spec


def _signature(r: _Report, data: WorkbookData) -> None:
    """Prepared by the sub-commission's chair (M6(2)), presented to the board (M5(14)): name, title, date, signature,
    on one page."""
    chair = active_member(data, role=rules.ROLE_SUB_CHAIR)
    r.blank()
    with r.together():
        r.cell(1, "HAZIRLAYAN: Alt Komisyon Başkanı", "label", span=5)
        r.cell(6, "KURULA SUNULDUĞU TOPLANTI", "label", span=5)
        r.row += 1
        r.cell(1, f"Ad Soyad: {(chair['Ad Soyad'] or '') if chair else ''}".rstrip(), "text", span=5)
        r.cell(6, "Toplantı No: ........   Tarih: ..../..../........", "text", span=5)
        r.row += 1
        r.cell(1, f"Unvan: {(chair['Unvan'] or '') if chair else ''}".rstrip(), "text", span=5)
        r.cell(6, None, "text", span=5)
        r.row += 1
        r.cell(1, "Tarih: ..../..../........", "text", span=5)
        r.cell(6, None, "text", span=5)
        r.row += 1
        r.cell(1, "İmza:", "signature", span=5)
        r.cell(6, None, "signature", span=5)
        r.spec.row_heights[r.row] = r.mm(SIGNATURE_MM)
        r.row += 1
