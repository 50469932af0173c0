"""A generated sheet's part: cells, merges, widths, heights, print setup, written as worksheet XML text."""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from dataclasses import dataclass, replace

from lxml import etree

from ..errors import GocKurulError
from ..sheetspec import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    STYLES,
    TIME_FORMAT,
    SheetSpec,
    Style,
    abs_range,
    cell_ref,
    col_letter,
    parse_cell,
    parse_range,
)
from .package import NS_MAIN, NS_R, main_tag, serialize, xml_number
from .styles import Styles, argb

MAX_CELL_CHARS = 32767


_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_EXCEL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


MAX_ROW, MAX_COL = 1_048_576, 16_384


def clean_text(text: str) -> str:
    return _ILLEGAL_XML.sub("", text)


def _cell_text(value: str) -> str:
    text = value if value.isprintable() else clean_text(value)  # what clean_text removes is never printable
    if len(text) > MAX_CELL_CHARS // 2:  # measure in UTF-16 units, as Excel does
        raw = text.encode("utf-16-le")
        if len(raw) > 2 * MAX_CELL_CHARS:
            text = raw[: 2 * MAX_CELL_CHARS].decode("utf-16-le", errors="ignore")
    # Excel reads "_x0041_" as an escaped character; escape the underscore so the text stays literal.
    return _EXCEL_ESCAPE.sub(r"_x005F_\1", text) if "_" in text else text


def _is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def _excel_serial(value: dt.date | dt.datetime | dt.time, date1904: bool) -> float | None:
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    fraction = 0.0
    if isinstance(value, dt.datetime):
        fraction = _excel_serial(value.time(), date1904)
        value = value.date()
    if date1904:
        days = (value - dt.date(1904, 1, 1)).days
        if days < 0:
            return None
    else:
        days = (value - dt.date(1899, 12, 31)).days
        if days < 1:
            return None
        if days >= 60:  # Excel counts the non-existent 29 February 1900
            days += 1
    return days + fraction


def _date_format(value) -> str:
    if isinstance(value, dt.datetime):
        return DATETIME_FORMAT if value.time() != dt.time() else DATE_FORMAT
    return TIME_FORMAT if isinstance(value, dt.time) else DATE_FORMAT


def _style(name: str | None) -> Style | None:
    if name is None:
        return None
    try:
        return STYLES[name]
    except KeyError:
        raise ValueError(f"unknown style {name!r}; known: {', '.join(STYLES)}") from None


def collect_cells(spec: SheetSpec):
    """{(row, col): (value, Style | None)} and {(row, col): location}; later blocks win.

    A None value writes no value, but a styled None still gets its format: a block formats its whole
    rectangle (as the live-Excel backend does), so bordered forms keep empty bordered cells.
    """
    cells: dict[tuple[int, int], tuple[object, Style | None]] = {}
    links: dict[tuple[int, int], str] = {}
    for block in spec.blocks:
        width = block.width
        if block.row < 1 or block.col < 1 or block.row + block.height - 1 > MAX_ROW or block.col + width - 1 > MAX_COL:
            raise GocKurulError("yazılacak tablo Excel'in satır/sütun sınırını aşıyor.", sheet=spec.name)
        for r_off, row in enumerate(block.values):
            for c_off in range(width):
                value = row[c_off] if c_off < len(row) else None
                if _is_missing(value):
                    value = None
                style = _style(block.style_at(c_off))
                if value is None and style is None:
                    continue
                cells[(block.row + r_off, block.col + c_off)] = (value, style)
        for (r_off, c_off), target in block.links.items():
            links[(block.row + r_off, block.col + c_off)] = target
    return cells, links


_XML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})  # as lxml writes text


def _cell_xml(ref: str, value, xf: int, date1904: bool) -> str:
    """One <c> element as text, byte for byte what lxml would write for it, without an lxml node per cell
    (a year's forms are half a million cells)."""
    s = f' s="{xf}"' if xf else ""
    if value is None:
        return f'<c r="{ref}"{s}/>'
    if value.__class__ is not str:  # most cells are text: the other kinds are tested only for the rest
        if isinstance(value, (dt.date, dt.time)):
            serial = _excel_serial(value, date1904)
            if serial is not None:
                return f'<c r="{ref}"{s}><v>{xml_number(serial)}</v></c>'
            value = f"{value.day:02d}.{value.month:02d}.{value.year:04d}"  # before Excel's first date
        elif isinstance(value, bool):
            return f'<c r="{ref}"{s} t="b"><v>{"1" if value else "0"}</v></c>'
        elif isinstance(value, numbers.Integral):
            return f'<c r="{ref}"{s}><v>{int(value)}</v></c>'
        elif isinstance(value, numbers.Real):
            number = float(value)
            if not math.isfinite(number):  # "inf" / "nan" would be a cell Excel has to repair
                return f'<c r="{ref}"{s} t="e"><v>#NUM!</v></c>'
            return f'<c r="{ref}"{s}><v>{number!r}</v></c>'
        else:
            value = str(value)
    text = _cell_text(value)
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{text.translate(_XML_TEXT)}</t></is></c>'


def _sheet_data_xml(spec: SheetSpec, cells: dict, styles: Styles, date1904: bool) -> str:
    """The <sheetData> element of a sheet, as text (see _cell_xml)."""
    xfs: dict[int, tuple[Style, int]] = {}  # by id: hashing a Style dataclass per cell costs more than the cell

    def xf_of(style: Style) -> int:
        hit = xfs.get(id(style))
        if hit is None:
            hit = xfs[id(style)] = (style, styles.xf(style))
        return hit[1]

    by_row: dict[int, list[int]] = {}
    for row, col in cells:
        by_row.setdefault(row, []).append(col)
    letters: dict[int, str] = {}
    parts = ["<sheetData>"]
    for row in sorted(set(by_row) | set(spec.row_heights)):
        height = f' ht="{xml_number(spec.row_heights[row])}" customHeight="1"' if row in spec.row_heights else ""
        if row not in by_row:
            parts.append(f'<row r="{row}"{height}/>')
            continue
        parts.append(f'<row r="{row}"{height}>')
        for col in sorted(by_row[row]):
            value, style = cells[(row, col)]
            if (
                value is not None
                and isinstance(value, (dt.date, dt.time))
                and (style is None or not style.number_format)
            ):
                style = replace(style or Style(), number_format=_date_format(value))
                xf = styles.xf(style)
            else:
                xf = xf_of(style) if style else 0
            letter = letters.get(col)
            if letter is None:
                letter = letters[col] = col_letter(col)
            parts.append(_cell_xml(f"{letter}{row}", value, xf, date1904))
        parts.append("</row>")
    parts.append("</sheetData>")
    return "".join(parts) if len(parts) > 2 else "<sheetData/>"


def excel_width(chars: float) -> float:
    # Excel stores widths with 5 px of padding at the default font's 7 px digit width; this makes the
    # column show `chars` digits, as setting ColumnWidth does in the live-Excel backend.
    return math.floor((chars * 7 + 5) / 7 * 256) / 256


PAPER_SIZES = {"letter": 1, "legal": 5, "a3": 8, "a4": 9, "a5": 11}


@dataclass
class Kept:
    """What a replaced generated sheet hands on to its successor."""

    code_name: str | None = None  # links the sheet to its VBA module
    protection: etree._Element | None = None
    tab_selected: bool = False


def render_sheet(spec: SheetSpec, styles: Styles, date1904: bool, kept: Kept, drawing_rid: str | None = None) -> bytes:
    """The worksheet part for `spec`, children in CT_Worksheet order; `drawing_rid` links its charts."""
    cells, links = collect_cells(spec)
    ps = spec.print_setup
    root = etree.Element(main_tag("worksheet"), nsmap={None: NS_MAIN, "r": NS_R} if drawing_rid else {None: NS_MAIN})

    if spec.tab_color or (ps and ps.fit_to_width) or kept.code_name:
        pr = etree.SubElement(root, main_tag("sheetPr"))
        if kept.code_name:
            pr.set("codeName", kept.code_name)
        if spec.tab_color:
            etree.SubElement(pr, main_tag("tabColor"), rgb=argb(spec.tab_color))
        if ps and ps.fit_to_width:
            etree.SubElement(pr, main_tag("pageSetUpPr"), fitToPage="1")

    if cells:
        rows = [r for r, _ in cells]
        cols = [c for _, c in cells]
        first, last = cell_ref(min(rows), min(cols)), cell_ref(max(rows), max(cols))
        etree.SubElement(root, main_tag("dimension"), ref=first if first == last else f"{first}:{last}")
    else:
        etree.SubElement(root, main_tag("dimension"), ref="A1")

    view = etree.SubElement(etree.SubElement(root, main_tag("sheetViews")), main_tag("sheetView"))
    if kept.tab_selected:
        view.set("tabSelected", "1")
    view.set("workbookViewId", "0")
    if spec.freeze:
        row, col = parse_cell(spec.freeze)
        top_left = cell_ref(row, col)
        if row > 1 or col > 1:
            pane = etree.SubElement(view, main_tag("pane"))
            if col > 1:
                pane.set("xSplit", str(col - 1))
            if row > 1:
                pane.set("ySplit", str(row - 1))
            active = "bottomRight" if row > 1 and col > 1 else ("topRight" if col > 1 else "bottomLeft")
            pane.attrib.update({"topLeftCell": top_left, "activePane": active, "state": "frozen"})
            etree.SubElement(view, main_tag("selection"), pane=active, activeCell=top_left, sqref=top_left)

    if spec.col_widths:
        cols_el = etree.SubElement(root, main_tag("cols"))
        for col in sorted(spec.col_widths):
            etree.SubElement(
                cols_el,
                main_tag("col"),
                min=str(col),
                max=str(col),
                width=xml_number(excel_width(spec.col_widths[col])),
                customWidth="1",
            )

    etree.SubElement(root, main_tag("sheetData"))  # an empty placeholder: the rows are spliced in as text below
    sheet_data = _sheet_data_xml(spec, cells, styles, date1904)

    if kept.protection is not None:
        root.append(kept.protection)
    if spec.autofilter:
        etree.SubElement(root, main_tag("autoFilter"), ref=abs_range(spec.autofilter).replace("$", ""))

    merges = _merge_ranges(spec.merges)
    if merges:
        merge_el = etree.SubElement(root, main_tag("mergeCells"), count=str(len(merges)))
        for ref in merges:
            etree.SubElement(merge_el, main_tag("mergeCell"), ref=ref)

    if links:
        links_el = etree.SubElement(root, main_tag("hyperlinks"))
        for (row, col), target in sorted(links.items()):
            etree.SubElement(
                links_el, main_tag("hyperlink"), ref=cell_ref(row, col), location=clean_text(target).lstrip("#")
            )

    if ps is not None:
        etree.SubElement(root, main_tag("printOptions"), horizontalCentered="1")
        top, right, bottom, left = (m / 2.54 for m in ps.margins_cm)
        etree.SubElement(
            root,
            main_tag("pageMargins"),
            left=xml_number(round(left, 4)),
            right=xml_number(round(right, 4)),
            top=xml_number(round(top, 4)),
            bottom=xml_number(round(bottom, 4)),
            header=xml_number(round(min(0.3, top / 2), 4)),
            footer=xml_number(round(min(0.3, bottom / 2), 4)),
        )
        setup = etree.SubElement(
            root, main_tag("pageSetup"), paperSize=str(PAPER_SIZES.get(ps.paper.lower(), 9)), orientation=ps.orientation
        )
        if ps.fit_to_width:
            setup.attrib.update({"fitToWidth": "1", "fitToHeight": "0"})
        if ps.footer or ps.footer_left:
            footer = etree.SubElement(etree.SubElement(root, main_tag("headerFooter")), main_tag("oddFooter"))
            footer.text = footer_text(ps.footer, ps.footer_left, right=ps.footer_right)
        if ps.row_breaks:
            breaks = sorted(set(ps.row_breaks))
            count = str(len(breaks))
            el = etree.SubElement(root, main_tag("rowBreaks"), count=count, manualBreakCount=count)
            for row in breaks:
                etree.SubElement(el, main_tag("brk"), id=str(row), max=str(MAX_COL - 1), man="1")
    if drawing_rid:
        etree.SubElement(root, main_tag("drawing")).set(f"{{{NS_R}}}id", drawing_rid)
    head, placeholder, tail = serialize(root).partition(b"<sheetData/>")
    assert placeholder, "sheetData placeholder missing"
    return head + sheet_data.encode("utf-8") + tail


FOOTER_LIMIT = 255  # Excel rejects longer headers/footers


def footer_text(centre: str, left: str = "", *, right: bool = False) -> str:
    """The `oddFooter` code: the contact lines on the left in 8 pt (dropped when they would not fit), the page
    number in the centre (or, beside contact lines, on the right)."""
    text = ("&R&8" if right else "&C") + clean_text(centre) if centre else ""
    if left:
        with_left = "&L&8" + clean_text(left) + text
        if len(with_left) <= FOOTER_LIMIT:
            return with_left
    return text[:FOOTER_LIMIT]


def _merge_ranges(merges: list[str]) -> list[str]:
    ranges = []
    by_row: dict[int, list[tuple[int, int]]] = {}  # row -> column spans merged on it (forms merge row by row)
    for ref in merges:
        r1, c1, r2, c2 = parse_range(ref)
        if (r1, c1) == (r2, c2):
            continue  # a one-cell merge is meaningless and Excel repairs it away
        for r in range(r1, r2 + 1):
            spans = by_row.setdefault(r, [])
            if any(c1 <= d2 and d1 <= c2 for d1, d2 in spans):
                raise ValueError(f"overlapping merged ranges: {ref}")
            spans.append((c1, c2))
        ranges.append((r1, c1, r2, c2))
    return [f"{cell_ref(r1, c1)}:{cell_ref(r2, c2)}" for r1, c1, r2, c2 in ranges]
