"""The xlwings backend: read input tables from, and render sheet specs into, a live `xw.Book`.

The same two things the file backend offers (reader.read_workbook / xlsxpkg.write_sheets), on a book
open in Excel (desktop engine) or sent by a remote client (xlwings Lite, xlwings Server: remote engine).

Cost model (each xlwings call is a COM round trip on desktop or one JSON action remotely):
- reading: one value read per input sheet, over A1..last used cell (so header rows found by the file
  reader are found at the same addresses);
- rendering: one `.value =` per block, formats per block (or per column run of a block), column widths
  per run of equal widths, so the number of calls does not grow with the number of rows.

Only API that both the desktop engine and xlwings' remote engine implement is used; print options that
only the desktop engine has (orientation, fit to page, repeated title rows) go through `sheet.api` and
are skipped elsewhere. Merged-cell information is not read (no cheap call for it): the merged-cell
finding of the file reader does not appear when a button runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import contract
from .errors import GocKurulError
from .sheetspec import STYLES, SheetSpec, Style, cell_ref, col_letter

REMOTE = "remote"


def engine_name(book: Any) -> str:
    try:
        return book.app.engine.name
    except Exception:  # pragma: no cover - an unusual engine without a name
        return ""


def is_remote(book: Any) -> bool:
    return engine_name(book) == REMOTE


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


def read_book(book: Any) -> Any:
    """Like reader.read_workbook, on a live book: WorkbookData with tables read by reader.read_table."""
    from . import reader

    names = [s.name for s in book.sheets]
    # merged ranges are not read live (one call per sheet is the budget); the file reader reports them
    return reader.build_workbook_data(book_path(book), names, lambda name: (sheet_rows(book.sheets[name]), []))


# --- rendering -----------------------------------------------------------------------------------------

def _points(chars: float) -> float:
    """Remote clients (Office.js) take column widths in points; desktop Excel in characters.
    Calibri 11: 7 px per character plus 5 px padding, 0.75 pt per px (as xlsxpkg._excel_width)."""
    return round((chars * 7 + 5) * 0.75, 2)


def _hex(rgb: str) -> str:
    return "#" + rgb.upper()


def _xl_value(value: Any) -> Any:
    if isinstance(value, float) and value != value:  # NaN
        return None
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
    """Cover `cells` with few rectangles (r0, c0, r1, c1): runs along each row, then equal runs of
    consecutive rows joined. Repeated row layouts (a form's lines) become one rectangle."""
    by_row: dict[int, list[tuple[int, int]]] = {}
    for r in sorted({r for r, _ in cells}):
        cols = sorted(c for rr, c in cells if rr == r)
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
_PROPERTIES = ("bold", "italic", "size", "color", "fill", "wrap", "number_format", "border", "underline",
               "halign", "valign")


def _property_value(st: Style, prop: str) -> Any:
    value = getattr(st, prop)
    if prop == "valign" and value == "bottom":
        return None  # Excel's default
    if value == getattr(_DEFAULT, prop) and prop != "valign":
        return None
    return value or None


def _set(rng: Any, prop: str, value: Any, *, office_js: bool, desktop: bool) -> None:
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


def _apply_styles(sheet: Any, styles: dict, *, office_js: bool, desktop: bool) -> None:
    """One call per (property, value) per rectangle of cells sharing it — not per block or cell."""
    groups: dict[tuple[str, Any], set] = {}
    for key, st in styles.items():
        for prop in _PROPERTIES:
            value = _property_value(st, prop)
            if value is not None:
                groups.setdefault((prop, value), set()).add(key)
    for (prop, value), cells in sorted(groups.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        for r0, c0, r1, c1 in rectangles(cells):
            _set(sheet.range((r0, c0), (r1, c1)), prop, value, office_js=office_js, desktop=desktop)


def _merge_groups(merges: list[str]) -> list[tuple[str, bool]]:
    """Single-row merges of the same columns on consecutive rows become one `merge(across=True)`."""
    from .xlsxpkg import _parse_range

    spans: dict[tuple[int, int], set[int]] = {}
    out: list[tuple[str, bool]] = []
    for ref in merges:
        r0, c0, r1, c1 = _parse_range(ref)
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
    existing = {s.name.casefold(): s for s in book.sheets}
    sheet = existing.get(name.casefold())
    if sheet is not None:
        if not contract.is_generated_sheet(sheet.name):
            raise GocKurulError("bu programın ürettiği bir sayfa değil (veri girilen bir sayfa); üzerine "
                                "yazılmadı.", sheet=sheet.name)
        sheet.clear()
        if sheet.name != name:
            sheet.name = name
        return sheet
    return book.sheets.add(name, after=book.sheets[len(book.sheets) - 1])


def render_sheet(book: Any, spec: SheetSpec) -> Any:
    """Write `spec` into the book: the existing generated sheet of that name is cleared and rewritten,
    otherwise a new sheet is added after the last one. Returns the xlwings sheet."""
    remote = is_remote(book)
    desktop = not remote
    office_js = remote and book.api.get("client") == "Office.js" if remote else False
    sheet = _target_sheet(book, spec.name)
    values, styles = _grid(spec)
    if values:
        rows = [r for r, _ in values]
        cols = [c for _, c in values]
        r0, c0, r1, c1 = min(rows), min(cols), max(rows), max(cols)
        # The whole sheet in one write: the sheet is empty, so the gaps stay empty.
        sheet.range((r0, c0), (r1, c1)).value = [[values.get((r, c)) for c in range(c0, c1 + 1)]
                                                 for r in range(r0, r1 + 1)]
    _apply_styles(sheet, styles, office_js=office_js, desktop=desktop)
    for first, last, width in _runs(spec.col_widths):
        cols = sheet.range(f"{col_letter(first)}:{col_letter(last)}")
        cols.column_width = _points(width) if remote else width
    for first, last, height in _runs(spec.row_heights):
        sheet.range(f"{first}:{last}").row_height = height
    for ref, across in _merge_groups(spec.merges):
        sheet.range(ref).merge(across)
    if spec.freeze:
        try:
            sheet.freeze_panes.freeze_at(spec.freeze)
        except (AttributeError, NotImplementedError):
            pass
    _print_setup(sheet, spec, desktop)
    return sheet


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
        api.CenterFooter = ps.footer
    except Exception:
        pass


def render_sheets(book: Any, specs: list[SheetSpec]) -> list[str]:
    return [render_sheet(book, spec).name for spec in specs]
