"""Native Excel charts (DrawingML) of a sheet spec's `ChartSpec`s: the chart part, its drawing and relationships."""

from __future__ import annotations

import datetime as dt
import math
import numbers

from lxml import etree

from ..sheetspec import ChartSpec, SheetSpec, abs_range, parse_cell, parse_range, quote_sheet
from .package import NS_A, NS_C, NS_PKG_REL, NS_R, NS_XDR, serialize, xml_number
from .worksheet import MAX_COL, MAX_ROW, clean_text, excel_width

CHART_KINDS = ("column", "stacked_column", "bar", "pie")


EMU_PER_CM = 360_000


EMU_PER_PIXEL = 9525


EMU_PER_POINT = 12_700


# The narrower and lower of Excel's and LibreOffice's default cells: a chart's cells are never underestimated.
DEFAULT_COL_PIXELS = 64  # Excel's 8.43 characters of Calibri 11 (LibreOffice's default column is wider)


DEFAULT_ROW_POINTS = 12.75  # LibreOffice's 0.45 cm (Excel's rows are 15 pt)


CAT_AX_ID, VAL_AX_ID = "500000001", "500000002"


def _c(tag: str) -> str:
    return f"{{{NS_C}}}{tag}"


def _a(tag: str) -> str:
    return f"{{{NS_A}}}{tag}"


def _xdr(tag: str) -> str:
    return f"{{{NS_XDR}}}{tag}"


def _cval(parent, tag: str, val) -> etree._Element:
    return etree.SubElement(parent, _c(tag), val=str(val))


def check_chart(chart: ChartSpec) -> None:
    if chart.kind not in CHART_KINDS:
        raise ValueError(f"unknown chart kind {chart.kind!r}; known: {', '.join(CHART_KINDS)}")
    if not chart.series:
        raise ValueError(f"chart {chart.title!r} has no series")
    if not (chart.width_cm > 0 and chart.height_cm > 0):
        raise ValueError(f"chart {chart.title!r} needs a positive size")
    row, col = parse_cell(chart.anchor)
    if not (1 <= row <= MAX_ROW and 1 <= col <= MAX_COL):
        raise ValueError(f"chart anchor outside the sheet: {chart.anchor!r}")


def _line_cells(ref: str) -> list[tuple[int, int]]:
    """The cells of a one-row or one-column range, in order."""
    r1, c1, r2, c2 = parse_range(ref)
    if r1 != r2 and c1 != c2:
        raise ValueError(f"a chart range must be one row or one column: {ref!r}")
    return [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def _chart_text(value) -> str | None:
    """A category as Excel shows it in the chart's cache."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "DOĞRU" if value else "YANLIŞ"
    if isinstance(value, dt.datetime) and value.time() != dt.time():
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, numbers.Real):
        return xml_number(value) if math.isfinite(value) else None
    return clean_text(str(value))


def _chart_number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        return None
    return float(value)


def _data_ref(parent, formula: str, points: list, numeric: bool) -> None:
    """<c:strRef>/<c:numRef> with its formula and a cache of the values the cells hold."""
    ref = etree.SubElement(parent, _c("numRef" if numeric else "strRef"))
    etree.SubElement(ref, _c("f")).text = formula
    cache = etree.SubElement(ref, _c("numCache" if numeric else "strCache"))
    if numeric:
        etree.SubElement(cache, _c("formatCode")).text = "General"
    _cval(cache, "ptCount", len(points))
    for i, point in enumerate(points):
        if point is not None:
            pt = etree.SubElement(cache, _c("pt"), idx=str(i))
            etree.SubElement(pt, _c("v")).text = xml_number(point) if numeric else point


def _chart_title(parent, text: str) -> None:
    title = etree.SubElement(parent, _c("title"))
    rich = etree.SubElement(etree.SubElement(title, _c("tx")), _c("rich"))
    etree.SubElement(rich, _a("bodyPr"))
    etree.SubElement(rich, _a("lstStyle"))
    p = etree.SubElement(rich, _a("p"))
    etree.SubElement(etree.SubElement(p, _a("pPr")), _a("defRPr"), sz="1400", b="1")
    run = etree.SubElement(p, _a("r"))
    etree.SubElement(run, _a("rPr"), lang="tr-TR", sz="1400", b="1")
    etree.SubElement(run, _a("t")).text = clean_text(text)
    _cval(title, "overlay", 0)


def _chart_axes(plot, horizontal: bool, plotted: list[float]) -> None:
    """Category and value axes of a bar chart. Horizontal bars list the categories top down, as read."""
    cat = etree.SubElement(plot, _c("catAx"))
    _cval(cat, "axId", CAT_AX_ID)
    _cval(etree.SubElement(cat, _c("scaling")), "orientation", "maxMin" if horizontal else "minMax")
    _cval(cat, "delete", 0)
    _cval(cat, "axPos", "l" if horizontal else "b")
    _cval(cat, "majorTickMark", "out")
    _cval(cat, "minorTickMark", "none")
    _cval(cat, "tickLblPos", "nextTo")
    _cval(cat, "crossAx", VAL_AX_ID)
    _cval(cat, "crosses", "autoZero")
    _cval(cat, "auto", 1)
    _cval(cat, "lblAlgn", "ctr")
    _cval(cat, "lblOffset", 100)
    _cval(cat, "noMultiLvlLbl", 0)

    whole = all(x.is_integer() for x in plotted)
    val = etree.SubElement(plot, _c("valAx"))
    _cval(val, "axId", VAL_AX_ID)
    _cval(etree.SubElement(val, _c("scaling")), "orientation", "minMax")
    _cval(val, "delete", 0)
    _cval(val, "axPos", "b" if horizontal else "l")
    etree.SubElement(val, _c("majorGridlines"))
    # Counts get whole-number labels; "0" would round the labels of fractional values.
    etree.SubElement(val, _c("numFmt"), formatCode="0" if whole else "General", sourceLinked="0")
    _cval(val, "majorTickMark", "out")
    _cval(val, "minorTickMark", "none")
    _cval(val, "tickLblPos", "nextTo")
    _cval(val, "crossAx", CAT_AX_ID)
    _cval(val, "crosses", "max" if horizontal else "autoZero")  # keep the value axis below the bars
    _cval(val, "crossBetween", "between")
    if whole and max((abs(x) for x in plotted), default=0) <= 10:
        _cval(val, "majorUnit", 1)  # Excel would step small counts by 0.5 and print 0, 1, 1, 2...


def render_chart(chart: ChartSpec, sheet_name: str, cells: dict) -> bytes:
    """The chart part (c:chartSpace) of `chart`; the caches hold the values `cells` put on the sheet."""
    pie = chart.kind == "pie"
    root = etree.Element(_c("chartSpace"), nsmap={"c": NS_C, "a": NS_A, "r": NS_R})
    _cval(root, "date1904", 0)
    _cval(root, "lang", "tr-TR")
    _cval(root, "roundedCorners", 0)
    chart_el = etree.SubElement(root, _c("chart"))
    _chart_title(chart_el, chart.title)
    _cval(chart_el, "autoTitleDeleted", 0)
    plot = etree.SubElement(chart_el, _c("plotArea"))
    etree.SubElement(plot, _c("layout"))
    if pie:
        group = etree.SubElement(plot, _c("pieChart"))
        _cval(group, "varyColors", 1)
    else:
        group = etree.SubElement(plot, _c("barChart"))
        _cval(group, "barDir", "bar" if chart.kind == "bar" else "col")
        _cval(group, "grouping", "stacked" if chart.kind == "stacked_column" else "clustered")
        _cval(group, "varyColors", 0)

    prefix = quote_sheet(sheet_name) + "!"
    categories = [_chart_text(cells.get(rc, (None,))[0]) for rc in _line_cells(chart.categories)]
    plotted: list[float] = []
    for i, (name, values_ref) in enumerate(chart.series):
        ser = etree.SubElement(group, _c("ser"))
        _cval(ser, "idx", i)
        _cval(ser, "order", i)
        etree.SubElement(etree.SubElement(ser, _c("tx")), _c("v")).text = clean_text(name)
        if not pie:
            _cval(ser, "invertIfNegative", 0)
        _data_ref(etree.SubElement(ser, _c("cat")), prefix + abs_range(chart.categories), categories, False)
        values = [_chart_number(cells.get(rc, (None,))[0]) for rc in _line_cells(values_ref)]
        plotted += [v for v in values if v is not None]
        _data_ref(etree.SubElement(ser, _c("val")), prefix + abs_range(values_ref), values, True)

    if pie:
        labels = etree.SubElement(group, _c("dLbls"))
        for tag, on in (
            ("showLegendKey", 0),
            ("showVal", 0),
            ("showCatName", 0),
            ("showSerName", 0),
            ("showPercent", 1),
            ("showBubbleSize", 0),
            ("showLeaderLines", 1),
        ):
            _cval(labels, tag, on)
        _cval(group, "firstSliceAng", 0)
    else:
        _cval(group, "gapWidth", 150)
        if chart.kind == "stacked_column":
            _cval(group, "overlap", 100)  # the series stand on each other, not side by side
        _cval(group, "axId", CAT_AX_ID)
        _cval(group, "axId", VAL_AX_ID)
        _chart_axes(plot, chart.kind == "bar", plotted)

    if pie or len(chart.series) > 1:  # one bar series needs no legend: the title names it
        legend = etree.SubElement(chart_el, _c("legend"))
        _cval(legend, "legendPos", "r" if pie else "b")
        _cval(legend, "overlay", 0)
    _cval(chart_el, "plotVisOnly", 1)
    _cval(chart_el, "dispBlanksAs", "gap")
    return serialize(root)


def render_drawing(charts: list[ChartSpec], rids: list[str]) -> bytes:
    """The drawing part placing each chart at its anchor cell with its size (a oneCellAnchor)."""
    root = etree.Element(_xdr("wsDr"), nsmap={"xdr": NS_XDR, "a": NS_A})
    for i, (chart, rid) in enumerate(zip(charts, rids, strict=True), start=1):
        row, col = parse_cell(chart.anchor)
        anchor = etree.SubElement(root, _xdr("oneCellAnchor"))
        start = etree.SubElement(anchor, _xdr("from"))
        for tag, value in (("col", col - 1), ("colOff", 0), ("row", row - 1), ("rowOff", 0)):
            etree.SubElement(start, _xdr(tag)).text = str(value)
        etree.SubElement(
            anchor, _xdr("ext"), cx=str(round(chart.width_cm * EMU_PER_CM)), cy=str(round(chart.height_cm * EMU_PER_CM))
        )
        frame = etree.SubElement(anchor, _xdr("graphicFrame"), macro="")
        names = etree.SubElement(frame, _xdr("nvGraphicFramePr"))
        etree.SubElement(names, _xdr("cNvPr"), id=str(i + 1), name=f"Grafik {i}", descr=clean_text(chart.title))
        etree.SubElement(names, _xdr("cNvGraphicFramePr"))
        xfrm = etree.SubElement(frame, _xdr("xfrm"))
        etree.SubElement(xfrm, _a("off"), x="0", y="0")
        etree.SubElement(xfrm, _a("ext"), cx="0", cy="0")
        data = etree.SubElement(etree.SubElement(frame, _a("graphic")), _a("graphicData"), uri=NS_C)
        etree.SubElement(data, _c("chart"), nsmap={"c": NS_C, "r": NS_R}).set(f"{{{NS_R}}}id", rid)
        etree.SubElement(anchor, _xdr("clientData"))
    return serialize(root)


def rels_xml(rels: list[tuple[str, str, str]]) -> bytes:
    root = etree.Element(f"{{{NS_PKG_REL}}}Relationships", nsmap={None: NS_PKG_REL})
    for rid, rel_type, target in rels:
        etree.SubElement(root, f"{{{NS_PKG_REL}}}Relationship", Id=rid, Type=rel_type, Target=target)
    return serialize(root)


def used_extent(spec: SheetSpec) -> tuple[int, int]:
    """(last row, last column) covered by the blocks and the charts: the default print area.

    A chart's cells are estimated from the sheet's column widths and row heights (Excel's defaults
    elsewhere); a printout that left a chart out would lose it.
    """
    last_row, last_col = spec.extent()
    for chart in spec.charts:
        row, col = parse_cell(chart.anchor)
        size = round(chart.width_cm * EMU_PER_CM)
        while col < MAX_COL:
            pixels = excel_width(spec.col_widths[col]) * 7 if col in spec.col_widths else DEFAULT_COL_PIXELS
            size -= round(pixels * EMU_PER_PIXEL)
            if size <= 0:
                break
            col += 1
        size = round(chart.height_cm * EMU_PER_CM)
        while row < MAX_ROW:
            size -= round(spec.row_heights.get(row, DEFAULT_ROW_POINTS) * EMU_PER_POINT)
            if size <= 0:
                break
            row += 1
        last_row, last_col = max(last_row, row), max(last_col, col)
    return last_row, last_col
