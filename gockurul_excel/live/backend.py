"""The xlwings backend (`LiveBackend`): read input tables from, and render sheet specs into, a live `xw.Book`.

The same two things the file backend offers (files.reader.read_workbook / files.writer.write_sheets), on a book
open in Excel (desktop engine) or sent by a remote client (xlwings Lite, xlwings Server: remote engine).

Cost model (each xlwings call is a COM round trip on desktop or one JSON action remotely):
- reading: one value read per input sheet, over A1..last used cell (so header rows found by the file
  reader are found at the same addresses);
- rendering: one `.value =` per sheet, each format once per rectangle of cells sharing it (row- or
  column-wise, whichever needs fewer), column widths per run of equal widths, the rows a spec marks
  `autofit_rows` by ONE autofit call over their span (the file backend writes their estimated heights
  instead), an Office.js client's fill colours as `set_colors` matrices (one per 10,000 cells) when that
  is fewer calls. Sheets laid out as tables then cost the same number of calls at any number of rows.
  Printed reports (Ek-1, Ek-2, Ek-3, Eylem Planı İzleme, the agenda, letters, the sub-commission list) are
  paginated on desktop Excel only (`LiveBackend.paginates`): there each table heading repeated at a page
  break still costs a few calls per printed page (its alignment, height, bold and wrap rectangles), plus
  one `HPageBreaks.Add` per break; on the remote clients they are one continuous table, no call per page.

What each client gets (see `client_kind`):
- desktop Excel (Windows/macOS, classic xlwings `RunPython`): everything, plus print options through
  `sheet.api.PageSetup` (orientation, fit to one page wide, repeated title rows, footer) and native charts;
- Office.js clients (xlwings Lite, the xlwings Server Office.js add-in): values, formats, merges, widths,
  heights, freeze panes, print area, alignment and native charts (`charts.add` + `set_source_data`);
- xlwings' VBA client (`RunRemotePython` / `RunServerPython`) and Office Scripts: only the actions their
  client code implements (xlwings/addin/Remote.bas, xlwings/js/xlwings.ts): values, number formats, fill
  colours and sheets. Fonts, borders, merges, widths, heights, print area and charts are skipped there
  (the client would stop at the first action it does not know); `LIMITED_NOTE` says so to the user.
Merged-cell information is not read (no cheap call for it): the merged-cell finding of the file reader
does not appear when a button runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import contract
from ..core.model import WorkbookData, build_workbook_data
from ..core.outbound import needs_text_prefix
from ..errors import GocKurulError
from ..sheetspec import STYLES, ChartSpec, SheetSpec, Style, cell_ref, col_letter, sheet_key

REMOTE = "remote"
DESKTOP, OFFICE_JS, LIMITED = "desktop", "office_js", "limited"
LIMITED_NOTE = (
    "Bu bağlantı (VBA RunRemotePython ya da Office Scripts) yalnızca değerleri, sayı biçimlerini ve "
    "renkleri yazabilir; kenarlık, birleştirme, sütun genişliği ve grafikler için masaüstü Excel'deki "
    "düğmeleri, xlwings Lite'ı ya da Office.js eklentisini kullanın."
)
CM_TO_POINTS = 72 / 2.54
CHART_TYPES = {"column": "column_clustered", "stacked_column": "column_stacked", "bar": "bar_clustered", "pie": "pie"}


def engine_name(book: Any) -> str:
    try:
        return book.app.engine.name
    except Exception:  # pragma: no cover - an unusual engine without a name
        return ""


def is_remote(book: Any) -> bool:
    return engine_name(book) == REMOTE


def client_kind(book: Any) -> str:
    """DESKTOP (desktop engine), OFFICE_JS (remote engine, Office.js client: xlwings Lite or the Server
    add-in) or LIMITED (remote engine, any other client: VBA RunRemotePython, Office Scripts...)."""
    if not is_remote(book):
        return DESKTOP
    try:
        client = book.api.get("client")
    except Exception:  # pragma: no cover
        client = None
    return OFFICE_JS if client == "Office.js" else LIMITED


def has_message_box(book: Any) -> bool:
    """Whether `book.app.alert` shows something: desktop Excel, and the Office.js and VBA remote clients."""
    if not is_remote(book):
        return True
    try:
        return book.api.get("client") in ("Office.js", "VBA")
    except Exception:  # pragma: no cover
        return False


def caller_name(argv: list[str]) -> str | None:
    """The workbook name RunPython passes (`--wb=<name>`), unchanged."""
    for arg in argv:
        if arg.startswith("--wb="):
            return arg[len("--wb=") :].strip().strip('"') or None
    return None


def find_open_book(name: str, apps: Any) -> Any | None:
    """The one open book, over every Excel instance, whose full name or name is exactly `name` (no case
    folding: Python's lower() of 'İ' is not Excel's); None when there is none or more than one."""
    found = []
    for app in apps:
        try:
            books = list(app.books)
        except Exception:  # an instance that is busy or closing
            continue
        for book in books:
            try:
                if name in (book.fullname, book.name):
                    found.append(book)
            except Exception:
                continue
    return found[0] if len(found) == 1 else None


def book_path(book: Any) -> Path:
    try:
        return Path(book.fullname)
    except Exception:  # pragma: no cover
        return Path(book.name)


# --- reading -------------------------------------------------------------------------------------------


def sheet_rows(sheet: Any) -> list[list[Any]]:
    """Every value from A1 to the last used cell, in one read (rows of equal length)."""
    used = sheet.used_range
    last = used.last_cell
    if last.row == 1 and last.column == 1:
        value = sheet.range("A1").value
        return [[value]] if value is not None else []
    rows = sheet.range((1, 1), (last.row, last.column)).options(ndim=2).value
    return [list(row) for row in rows or []]


def read_book(book: Any) -> WorkbookData:
    """Like reader.read_workbook, on a live book: WorkbookData with tables read by reader.read_table."""
    names = [s.name for s in book.sheets]
    # Merged ranges are not read live (one call per sheet is the budget); the file reader reports them. The
    # generated sheets the core reads back (a province's merged district rows) come from this open book too,
    # never from the file on disk, which may be older than what Excel shows.
    return build_workbook_data(book_path(book), names, lambda name: (sheet_rows(book.sheets[name]), []))


# --- rendering -----------------------------------------------------------------------------------------


def _points(chars: float) -> float:
    """Remote clients (Office.js) take column widths in points; desktop Excel in characters.
    Calibri 11: 7 px per character plus 5 px padding, 0.75 pt per px (as files.worksheet.excel_width)."""
    return round((chars * 7 + 5) * 0.75, 2)


def _hex(rgb: str) -> str:
    return "#" + rgb.upper()


def _xl_value(value: Any) -> Any:
    if isinstance(value, float) and value != value:  # NaN
        return None
    if needs_text_prefix(value):
        # Excel (and Office.js) read a value set as '=…', '+…', '-…' or '@…' as typed: a formula. The apostrophe
        # prefix keeps it the text the user wrote (it is not part of the cell's value).
        return "'" + value
    return value


def _hyperlink_formula(target: str, text: Any) -> str:
    shown = "" if text is None else str(text)
    return '=HYPERLINK("#{}","{}")'.format(target.replace('"', '""'), shown.replace('"', '""'))


def _grid(spec: SheetSpec) -> tuple[dict, dict]:
    """{(row, col): value} and {(row, col): Style}; later blocks win (as in the file backend)."""
    values: dict[tuple[int, int], Any] = {}
    styles: dict[tuple[int, int], Style] = {}
    for block in spec.blocks:
        width = block.width
        for r_off, row in enumerate(block.values):
            for c_off in range(width):
                value = _xl_value(row[c_off]) if c_off < len(row) else None
                key = (block.row + r_off, block.col + c_off)
                name = block.style_at(c_off)
                if name is not None:
                    try:
                        styles[key] = STYLES[name]
                    except KeyError:
                        raise ValueError(f"unknown style {name!r}") from None
                if value is not None or key in values:
                    values[key] = value
        for (r_off, c_off), target in block.links.items():
            key = (block.row + r_off, block.col + c_off)
            # One formula inside the single write instead of one hyperlink call per cell.
            values[key] = _hyperlink_formula(target, values.get(key))
    return values, styles


def rectangles(cells: set[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Cover `cells` with few rectangles (r0, c0, r1, c1): the fewer of row runs joined down the rows and
    column runs joined across the columns. A cell that differs in one column (a flag, a status) breaks
    the row runs of every row it is on, not the column runs of the other columns."""
    by_rows = _row_rectangles(cells)
    if len(by_rows) <= 1:
        return by_rows
    by_cols = [(r0, c0, r1, c1) for c0, r0, c1, r1 in _row_rectangles({(c, r) for r, c in cells})]
    return by_rows if len(by_rows) <= len(by_cols) else sorted(by_cols)


def _row_rectangles(cells: set[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Runs along each row, then equal runs of consecutive rows joined. Repeated row layouts (a form's
    lines) become one rectangle."""
    cols_of: dict[int, list[int]] = {}
    for r, c in cells:  # one pass: scanning all cells for each row would be rows × cells
        cols_of.setdefault(r, []).append(c)
    by_row: dict[int, list[tuple[int, int]]] = {}
    for r in sorted(cols_of):
        cols = sorted(cols_of[r])
        runs: list[list[int]] = []
        for c in cols:
            if runs and runs[-1][1] == c - 1:
                runs[-1][1] = c
            else:
                runs.append([c, c])
        by_row[r] = [tuple(x) for x in runs]
    open_: dict[tuple[int, int], list[int]] = {}  # (c0, c1) -> [r0, r1]
    out: list[tuple[int, int, int, int]] = []
    for r in sorted(by_row):
        current = set(by_row[r])
        for span in list(open_):
            r0, r1 = open_[span]
            if span in current and r1 == r - 1:
                open_[span][1] = r
                current.discard(span)
            else:
                out.append((r0, span[0], r1, span[1]))
                del open_[span]
        for span in current:
            open_[span] = [r, r]
    out.extend((r0, span[0], r1, span[1]) for span, (r0, r1) in open_.items())
    return sorted(out)


_DEFAULT = Style()

# (property, how to read it from a Style, whether the default value means "set nothing")
_PROPERTIES = (
    "bold",
    "italic",
    "size",
    "color",
    "fill",
    "wrap",
    "number_format",
    "border",
    "underline",
    "halign",
    "valign",
    "font",
    "top_border",
)


def _property_value(st: Style, prop: str) -> Any:
    value = getattr(st, prop)
    if prop == "valign" and value == "bottom":
        return None  # Excel's default
    if value == getattr(_DEFAULT, prop) and prop != "valign":
        return None
    return value or None


# What xlwings' VBA and Office Scripts clients can apply (the actions their client code implements).
LIMITED_PROPERTIES = ("fill", "number_format")


def _set(rng: Any, prop: str, value: Any, *, kind: str) -> None:
    desktop, office_js = kind == DESKTOP, kind == OFFICE_JS
    if prop == "bold":
        rng.font.bold = True
    elif prop == "italic":
        rng.font.italic = True
    elif prop == "size":
        rng.font.size = value
    elif prop == "color":
        rng.font.color = _hex(value)
    elif prop == "fill":
        rng.color = _hex(value)
    elif prop == "wrap":
        rng.wrap_text = True
    elif prop == "number_format":
        rng.number_format = value
    elif prop == "border":
        rng.borders.line_style = "continuous"
    elif prop == "top_border":
        if desktop:
            try:
                rng.api.Borders(8).LineStyle = 1  # xlEdgeTop, xlContinuous
            except Exception:
                pass
    elif prop == "font":
        rng.font.name = value
    elif prop == "underline":
        if desktop:  # no portable underline property in xlwings
            try:
                rng.api.Font.Underline = 2  # xlUnderlineStyleSingle
            except Exception:
                pass
    elif prop in ("halign", "valign") and (office_js or desktop):
        # Desktop and Office.js clients only (VBA RunRemotePython has no alignment action).
        if prop == "halign":
            rng.horizontal_alignment = value
        else:
            rng.vertical_alignment = value


def _apply_styles(sheet: Any, styles: dict, *, kind: str, values: dict | None = None) -> None:
    """One call per (property, value) per rectangle of cells sharing it — not per block or cell."""
    groups: dict[tuple[str, Any], set] = {}
    props = LIMITED_PROPERTIES if kind == LIMITED else _PROPERTIES
    for key, st in styles.items():
        for prop in props:
            value = _property_value(st, prop)
            if value is not None:
                groups.setdefault((prop, value), set()).add(key)
    if kind == OFFICE_JS and values:
        _value_keyed(sheet, groups, values)
    fills = {key: value for (prop, value), cells in groups.items() if prop == "fill" for key in cells}
    if kind == OFFICE_JS and _fill_matrix(sheet, fills):
        groups = {k: v for k, v in groups.items() if k[0] != "fill"}
    for (prop, value), cells in sorted(groups.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        for r0, c0, r1, c1 in rectangles(cells):
            _set(sheet.range((r0, c0), (r1, c1)), prop, value, kind=kind)


# Font properties a conditional format can carry (xlwings' add_cell_value spec keys).
_CONDITIONAL = {"bold": "font_bold", "italic": "font_italic", "color": "font_color"}


def _value_keyed(sheet: Any, groups: dict[tuple[str, Any], set], values: dict) -> None:
    """A font property that marks, in one column, exactly the cells holding one text (a status flag such as
    'Gecikti' on scattered rows) becomes one conditional format on that column ("cell equals the text")
    instead of one call per run of flagged rows. Cells handled so are removed from `groups`."""
    # In a fixed order (property, column, first row): a set's order differs between Python builds (Lite's
    # Pyodide and a desktop CPython must send the same actions for the same book).
    for (prop, value), cells in sorted(groups.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        if prop not in _CONDITIONAL:
            continue
        by_col: dict[int, list[int]] = {}
        for r, c in sorted(cells):
            by_col.setdefault(c, []).append(r)
        for col, col_rows in sorted(by_col.items()):
            by_text: dict[Any, list[int]] = {}
            for r in col_rows:
                by_text.setdefault(values.get((r, col)), []).append(r)
            for text, rows in by_text.items():
                if not isinstance(text, str) or not text or text.startswith("="):
                    continue
                rows.sort()
                if len(_row_rectangles({(r, 0) for r in rows})) <= 2:
                    continue
                top, bottom = rows[0], rows[-1]
                if [r for r in range(top, bottom + 1) if values.get((r, col)) == text] != rows:
                    continue  # the text also stands unmarked in this column: not a rule on the value
                rng = sheet.range((top, col), (bottom, col))
                formats = getattr(rng, "conditional_formats", None)
                if formats is None or not hasattr(formats, "add_cell_value"):
                    return
                formats.add_cell_value(
                    "equal_to",
                    '="{}"'.format(text.replace('"', '""')),
                    **{_CONDITIONAL[prop]: _hex(value) if prop == "color" else True},
                )
                cells.difference_update((r, col) for r in rows)
        if not cells:
            del groups[(prop, value)]


# xlwings-server's client writes at most this many cells per `set_colors` (static/js/custom-scripts/
# range-colors.js, MAX_SET_COLOR_CELLS: one Office.js setCellProperties call).
SET_COLORS_MAX_CELLS = 10_000


def _fill_matrix(sheet: Any, fills: dict[tuple[int, int], str]) -> bool:
    """Fill colours as `set_colors` matrices (one action per band of at most SET_COLORS_MAX_CELLS cells) when
    that takes fewer actions than one `color` per rectangle; False (nothing done) otherwise, or when the
    xlwings in use has no `set_colors`."""
    if not fills:
        return False
    rects = rectangles(set(fills))
    rows = [r for r, _ in fills]
    cols = [c for _, c in fills]
    r0, c0, r1, c1 = min(rows), min(cols), max(rows), max(cols)
    width = c1 - c0 + 1
    band = max(1, SET_COLORS_MAX_CELLS // width)
    bands = -(-(r1 - r0 + 1) // band)
    if bands >= len(rects) or not hasattr(sheet.range((r0, c0)), "set_colors"):
        return False
    for top in range(r0, r1 + 1, band):
        bottom = min(r1, top + band - 1)
        # "keep" (Ellipsis) where the spec sets no fill: the sheet was just cleared.
        matrix = [
            [_hex(fills[(r, c)]) if (r, c) in fills else ... for c in range(c0, c1 + 1)] for r in range(top, bottom + 1)
        ]
        sheet.range((top, c0), (bottom, c1)).set_colors(matrix)
    return True


def _merge_groups(merges: list[str]) -> list[tuple[str, bool]]:
    """Single-row merges of the same columns on consecutive rows become one `merge(across=True)`."""
    from ..sheetspec import parse_range

    spans: dict[tuple[int, int], set[int]] = {}
    out: list[tuple[str, bool]] = []
    for ref in merges:
        r0, c0, r1, c1 = parse_range(ref)
        if r0 == r1:
            spans.setdefault((c0, c1), set()).add(r0)
        else:
            out.append((ref, False))
    for (c0, c1), rows in spans.items():
        for r0, _, r1, _ in rectangles({(r, 0) for r in rows}):
            ref = f"{cell_ref(r0, c0)}:{cell_ref(r1, c1)}"
            out.append((ref, r0 != r1))
    return out


def _runs(mapping: dict[int, float]) -> list[tuple[int, int, float]]:
    out: list[list] = []
    for key in sorted(mapping):
        value = mapping[key]
        if out and out[-1][1] == key - 1 and out[-1][2] == value:
            out[-1][1] = key
        else:
            out.append([key, key, value])
    return [tuple(r) for r in out]


def _target_sheet(book: Any, name: str) -> Any:
    existing = {sheet_key(s.name): s for s in book.sheets}  # as Excel compares names (ı/I/i/İ)
    sheet = existing.get(sheet_key(name))
    if sheet is not None:
        if not contract.is_generated_sheet(sheet.name):
            raise GocKurulError(
                "bu programın ürettiği bir sayfa değil (veri girilen bir sayfa); üzerine yazılmadı.", sheet=sheet.name
            )
        sheet.clear()
        if sheet.name != name:
            sheet.name = name
        return sheet
    return book.sheets.add(name, after=book.sheets[len(book.sheets) - 1])


def render_sheet(book: Any, spec: SheetSpec) -> Any:
    """Write `spec` into the book: the existing generated sheet of that name is cleared and rewritten,
    otherwise a new sheet is added after the last one. Returns the xlwings sheet."""
    kind = client_kind(book)
    full = kind != LIMITED
    sheet = _target_sheet(book, spec.name)
    values, styles = _grid(spec)
    if values:
        rows = [r for r, _ in values]
        cols = [c for _, c in values]
        r0, c0, r1, c1 = min(rows), min(cols), max(rows), max(cols)
        # The whole sheet in one write: the sheet is empty, so the gaps stay empty.
        sheet.range((r0, c0), (r1, c1)).value = [
            [values.get((r, c)) for c in range(c0, c1 + 1)] for r in range(r0, r1 + 1)
        ]
    _apply_styles(sheet, styles, kind=kind, values=values)
    if not full:
        return sheet
    for first, last, width in _runs(spec.col_widths):
        cols = sheet.range(f"{col_letter(first)}:{col_letter(last)}")
        cols.column_width = width if kind == DESKTOP else _points(width)
    for ref, across in _merge_groups(spec.merges):
        sheet.range(ref).merge(across)
    # Rows left to Excel: one autofit per run (after values, wrap and widths, which it depends on).
    # One autofit over the span of the rows left to Excel (rows in between without a height of their own
    # fit to their content, as they would anyway), then the fixed heights, which win.
    auto = set(spec.autofit_rows)
    if auto:
        sheet.range(f"{min(auto)}:{max(auto)}").rows.autofit()
    for first, last, height in _runs({r: h for r, h in spec.row_heights.items() if r not in auto}):
        sheet.range(f"{first}:{last}").row_height = height
    if spec.freeze:
        freeze_panes(sheet, spec.freeze, kind)
    _print_setup(sheet, spec, kind == DESKTOP)
    render_charts(sheet, spec, values)
    return sheet


def freeze_panes(sheet: Any, ref: str, kind: str) -> bool:
    """Freeze the rows above and the columns left of `ref`. xlwings' `freeze_panes` exists for remote
    (Office.js) books only; desktop Excel freezes through the sheet's window: activate the sheet, split at
    the cell, freeze, then give the user back the sheet they were on. Returns whether panes were frozen."""
    from ..sheetspec import parse_cell

    if kind == OFFICE_JS:
        sheet.freeze_panes.freeze_at(ref)
        return True
    if kind != DESKTOP:
        return False
    row, col = parse_cell(ref)
    try:
        book = sheet.book
        previous = book.sheets.active
        sheet.activate()
        window = book.app.api.ActiveWindow
        window.FreezePanes = False
        window.ScrollRow, window.ScrollColumn = 1, 1
        window.SplitRow, window.SplitColumn = row - 1, col - 1
        window.FreezePanes = True
        if previous.name != sheet.name:
            previous.activate()
        return True
    except Exception:  # macOS' object model differs; a missing frozen header is no reason to fail a button
        import logging

        logging.getLogger(__name__).debug("bölmeler dondurulamadı", exc_info=True)
        return False


def _chart_source(chart: ChartSpec, values: dict) -> tuple[str, str] | None:
    """(values range with the series names' row when it holds them, categories range), or None when the
    series are not side by side (xlwings sets one rectangle of source data)."""
    from ..sheetspec import parse_range

    refs = [parse_range(ref) for _, ref in chart.series]
    r0, r1 = refs[0][0], refs[0][2]
    cols = [c0 for _, c0, _, _ in refs]
    one_column = all((a, c) == (r0, r1) and c0 == c1 for a, c0, c, c1 in refs)
    if not one_column or cols != list(range(cols[0], cols[0] + len(cols))):
        return None
    named = r0 > 1 and all(values.get((r0 - 1, c)) == name for c, (name, _) in zip(cols, chart.series, strict=True))
    top = r0 - 1 if named else r0
    return f"{cell_ref(top, cols[0])}:{cell_ref(r1, cols[-1])}", chart.categories


def render_charts(sheet: Any, spec: SheetSpec, values: dict) -> int:
    """The spec's native charts, a fixed number of calls each (add, source data, categories, title); the
    sheet's earlier charts are deleted first (clearing cells leaves charts). Returns the charts drawn."""
    existing = list(sheet.charts)
    for chart in reversed(existing):  # from the last: indexes of the others stay valid
        chart.delete()
    drawn = 0
    for c in spec.charts:
        source = _chart_source(c, values)
        if source is None:
            continue
        data_ref, categories = source
        chart = sheet.charts.add(
            anchor=sheet.range(c.anchor),
            width=round(c.width_cm * CM_TO_POINTS, 1),
            height=round(c.height_cm * CM_TO_POINTS, 1),
            chart_type=CHART_TYPES[c.kind],
        )
        chart.set_source_data(sheet.range(data_ref), plot_by="columns")
        chart.set_x_axis_values(sheet.range(categories))
        chart.title = c.title
        drawn += 1
    return drawn


def _print_setup(sheet: Any, spec: SheetSpec, desktop: bool) -> None:
    ps = spec.print_setup
    if ps is None:
        return
    last_row, last_col = spec.extent()
    sheet.page_setup.print_area = ps.area or f"A1:{cell_ref(last_row, last_col)}"
    if not desktop:
        return
    try:  # Windows/macOS Excel object model; not available to remote clients.
        api = sheet.api.PageSetup
        api.Orientation = 2 if ps.orientation == "landscape" else 1
        if ps.fit_to_width:
            api.Zoom = False
            api.FitToPagesWide = 1
            api.FitToPagesTall = False
        if ps.title_rows:
            api.PrintTitleRows = f"${ps.title_rows[0]}:${ps.title_rows[1]}"
        if ps.footer_right:
            api.RightFooter = "&8" + ps.footer
        else:
            api.CenterFooter = ps.footer
        if ps.footer_left:
            api.LeftFooter = "&8" + ps.footer_left
        if ps.row_breaks:
            sheet.api.ResetAllPageBreaks()
            for row in sorted(set(ps.row_breaks)):
                sheet.api.HPageBreaks.Add(sheet.range(f"A{row + 1}").api)
    except Exception:
        pass


def render_sheets(book: Any, specs: list[SheetSpec]) -> list[str]:
    return [render_sheet(book, spec).name for spec in specs]


class LiveBackend:
    """The live backend of `commands.Backend`, beside files.backend.FileBackend: an open `xw.Book` read with one
    value read per sheet and written one block per call. Nothing to lock or stamp: Excel holds the book, and the
    user saves it."""

    def __init__(self, book: Any) -> None:
        self.book = book

    @property
    def paginates(self) -> bool:
        """Whether sheets written here are laid out in printed pages: desktop Excel only (`sheet.api.PageSetup`,
        `HPageBreaks`). The remote engine cannot set page breaks or print titles: xlwings 0.37's
        `pro/_xlremote.py` PageSetup has `print_area` alone (action `setPrintArea`), and the clients run nothing
        else of the kind (xlwings-server 1.20's static/js/custom-scripts/index.js `funcs`: `setPrintArea` is the
        one page action; xlwings Lite runs the same engine's actions; xlwings/addin/Remote.bas and
        xlwings/js/xlwings.ts have none). There a heading repeated at an estimated page boundary would print
        anywhere on the paper, at a few calls a page: the reports are written unpaginated, one continuous
        table, and Excel breaks the pages itself."""
        return client_kind(self.book) == DESKTOP

    def read(self) -> WorkbookData:
        return read_book(self.book)

    def write(self, specs: list[SheetSpec]) -> list[str]:
        """The names of the sheets written, in the order of `specs`."""
        return render_sheets(self.book, specs)
