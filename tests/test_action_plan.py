"""Eylem Planı İzleme (M5(13)–(14)): grouping by the M6(7) areas, overdue flag, summary and chart."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl

from gockurul_excel import example, rules
from gockurul_excel.files.reader import read_workbook
from gockurul_excel.files.writer import write_sheets
from gockurul_excel.sheets import action_plan as action_plan_mod
from gockurul_excel.sheetspec import SheetSpec

from .conftest import clean_example_rows

D = dt.date
TODAY = D(2025, 11, 24)
START = D(2025, 1, 6)


def cells(spec: SheetSpec) -> dict[tuple[int, int], object]:
    out = {}
    for b in spec.blocks:
        for r, row in enumerate(b.values):
            for c, v in enumerate(row):
                if v is not None:
                    out[(b.row + r, b.col + c)] = v
    return out


def action(no, area, status, end, start=START, name=None):
    return [
        no,
        area,
        name or f"Eylem {no}",
        "İl Göç İdaresi Müdürlüğü",
        None,
        start,
        end,
        "Gösterge",
        "10",
        "5",
        status,
        None,
    ]


def build(make_book, actions=None, today=TODAY) -> SheetSpec:
    rows = clean_example_rows()
    if actions is not None:
        rows["Eylem Planı"] = actions
    return action_plan_mod.action_plan_sheet(read_workbook(make_book(rows=rows)), today)


def header_row(spec: SheetSpec) -> int:
    """The action list's heading (the first of its copies: it starts every page the list continues on)."""
    return min(b.row for b in spec.blocks if b.values == [action_plan_mod.HEADERS])


def group_rows(spec: SheetSpec) -> dict[str, int]:
    """Area -> row of its group heading in the action list."""
    heads = {}
    for b in spec.blocks:
        if b.style == "label" and b.values and isinstance(b.values[0][0], str) and " — " in b.values[0][0]:
            heads[b.values[0][0].split(" — ")[0]] = b.row
    return heads


def test_example_actions_grouped_by_area_in_rules_order(make_book):
    spec = build(make_book)
    assert spec.name == "Eylem Planı İzleme"
    heads = group_rows(spec)
    areas = [a[1] for a in example.ACTIONS]
    assert list(heads) == [a for a in rules.AREAS if a in areas]
    assert [heads[a] for a in heads] == sorted(heads.values())
    grid = cells(spec)
    header = header_row(spec)
    assert [grid[(header, c)] for c in range(1, len(action_plan_mod.HEADERS) + 1)] == action_plan_mod.HEADERS
    for no, area, name, who, _partners, start, end, indicator, target, achieved, status, _ in example.ACTIONS:
        r = next(r for (r, c), v in grid.items() if c == 2 and v == name)
        after = [h for h in heads.values() if h < r]
        assert max(after) == heads[area]  # under its own area
        assert grid[(r, 1)] == str(no) and str(grid[(r, 3)]).startswith(who)
        assert (grid[(r, 4)], grid[(r, 5)]) == (start, end)
        assert (grid[(r, 6)], grid[(r, 7)], grid[(r, 8)], grid[(r, 9)]) == (indicator, target, achieved, status)


def test_overdue_flag(make_book):
    actions = [
        action(1, "Eğitim", "Devam Ediyor", D(2025, 11, 23)),  # ended yesterday: late
        action(2, "Eğitim", "Devam Ediyor", TODAY),  # ends today: not yet late
        action(3, "Eğitim", "Tamamlandı", D(2025, 3, 1)),
        action(4, "Sağlık", "İptal", D(2025, 3, 1)),
        action(5, "Sağlık", "Ertelendi", D(2025, 3, 1)),  # postponed past its end: late
        action(6, "Sağlık", "Başlamadı", D(2025, 10, 1)),
        action(7, "Sağlık", None, D(2025, 10, 1)),  # no status written: late
        action(8, "Sağlık", "Devam Ediyor", None),  # no end date: never late
    ]
    spec = build(make_book, actions)
    grid = cells(spec)
    flags = {
        grid[(r, 1)]: grid.get((r, action_plan_mod.FLAG_COL))
        for (r, c), v in grid.items()
        if c == 2 and str(v).startswith("Eylem ")
    }
    assert flags == {
        "1": "Gecikti",
        "2": None,
        "3": None,
        "4": None,
        "5": "Gecikti",
        "6": "Gecikti",
        "7": "Gecikti",
        "8": None,
    }
    red = [(b.row, b.col) for b in spec.blocks if b.style == "hata_text"]  # red, wrapped as its row
    assert len(red) == 4 and all(c == action_plan_mod.FLAG_COL for _, c in red)
    assert list(group_rows(spec)) == ["Eğitim", "Sağlık"]


def test_summary_counts_per_area_and_chart(make_book):
    actions = [
        action(1, "Eğitim", "Tamamlandı", D(2025, 3, 1)),
        action(2, "Eğitim", "Devam Ediyor", D(2025, 3, 1)),  # in progress and late
        action(3, "Eğitim", "Devam Ediyor", D(2026, 3, 1)),
        action(10, "Kamu Sağlığı", "Başlamadı", D(2025, 5, 1)),
        action(11, "Diğer", "İptal", D(2025, 5, 1)),
    ]
    spec = build(make_book, actions)
    grid = cells(spec)
    n = len(action_plan_mod.SUMMARY_HEADERS)
    summary = {
        grid[(r, 1)]: [grid[(r, c)] for c in range(3, 3 + n)]
        for (r, c), v in grid.items()
        if c == 1 and (r, 3) in grid and isinstance(grid[(r, 3)], int)
    }
    assert list(summary)[: len(rules.AREAS)] == list(rules.AREAS)  # every M6(7) area, in order
    # Toplam, Başlamadı, Devam Ediyor, Tamamlandı, Ertelendi, İptal, Durumu yazılmamış, İçinden geciken
    assert action_plan_mod.SUMMARY_HEADERS[1:-1] == [*rules.ACTION_STATUSES, action_plan_mod.NO_STATUS]
    assert summary["Eğitim"] == [3, 0, 2, 1, 0, 0, 0, 1]
    assert summary["Kamu Sağlığı"] == [1, 1, 0, 0, 0, 0, 0, 1]
    assert summary["Diğer"] == [1, 0, 0, 0, 0, 1, 0, 0]
    assert summary["Sağlık"] == [0] * n
    assert summary["Toplam"] == [5, 1, 2, 1, 0, 1, 0, 2]
    for counts in summary.values():  # the statuses add up to the total
        assert sum(counts[1:-1]) == counts[0]
    (chart,) = spec.charts
    assert chart.kind == "stacked_column" and [name for name, _ in chart.series] == list(action_plan_mod.STATUS_COLUMNS)
    first = next(r for (r, c), v in grid.items() if c == 1 and v == rules.AREAS[0])
    last = next(r for (r, c), v in grid.items() if c == 1 and v == rules.AREAS[-1])
    assert chart.categories == f"A{first}:A{last}"
    assert [ref for _, ref in chart.series][:2] == [f"D{first}:D{last}", f"E{first}:E{last}"]
    # The chart sits between the summary and the action list, inside the print area.
    anchor_row = int(chart.anchor[1:])
    assert last < anchor_row < header_row(spec)


def test_report_ends_with_the_sub_commission_chairs_signature(make_book):
    spec = build(make_book)
    grid = cells(spec)
    chair = next(m for m in example.example_rows()["Üyeler"] if m[2] == rules.ROLE_SUB_CHAIR)
    where = next(r for (r, c), v in grid.items() if v == f"Ad Soyad: {chair[4]}")
    assert where > header_row(spec) and grid[(where - 1, 1)].startswith("HAZIRLAYAN")
    sign = next(r for (r, c), v in grid.items() if v == "İmza:")
    assert spec.row_heights[sign] >= 30  # room to sign


def test_unknown_area_listed_last(make_book):
    actions = [action(1, "Diğer", "Tamamlandı", D(2025, 3, 1)), action(2, "Eğitim", "Tamamlandı", D(2025, 3, 1))]
    rows = clean_example_rows()
    rows["Eylem Planı"] = [*actions, action(3, "Uzay", "Devam Ediyor", D(2025, 3, 1))]
    spec = action_plan_mod.action_plan_sheet(read_workbook(make_book(rows=rows)), TODAY)
    assert list(group_rows(spec)) == ["Eğitim", "Diğer", action_plan_mod.NO_AREA]


def test_empty_plan_has_no_chart(make_book):
    spec = build(make_book, [])
    assert not spec.charts
    assert "'Eylem Planı' sayfasında eylem yok." in cells(spec).values()


def test_written_sheet_is_landscape_with_native_chart_and_repeated_header(make_book):
    path = make_book()
    spec = action_plan_mod.action_plan_sheet(read_workbook(path), TODAY)
    assert spec == action_plan_mod.action_plan_sheet(read_workbook(path), TODAY)  # deterministic for a given day
    write_sheets(path, [spec], make_backup=False)
    with zipfile.ZipFile(path) as zf:
        charts = [n for n in zf.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        chart = zf.read(charts[0])
    assert b"barChart" in chart and b'barDir val="col"' in chart
    ws = openpyxl.load_workbook(path)["Eylem Planı İzleme"]
    header = header_row(spec)
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows.replace("$", "") == "1:1"
    assert ws.cell(header, 1).value == "Eylem No" and ws.cell(1, 1).value.startswith("Yerel Uyum Eylem Planı")
    assert "İzleme tarihi: 24.11.2025" in ws.cell(2, 1).value
