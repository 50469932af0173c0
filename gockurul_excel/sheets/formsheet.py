"""A small builder for print-ready form sheets (Ek-1, Ek-2, Ek-3, agenda, letters).

Forms are laid out row by row on a fixed grid of columns; the builder keeps the current row, merges
label/value cells, estimates row heights so that wrapped text shows whole when printed (neither Excel
nor LibreOffice grows a row for wrapped text written by a program), and sets A4 portrait printing.

Rows that repeat once per item (a decision's fields, a table's lines) are written with `fields` or `table`:
unmerged cells only, so that on a live book Excel fits their height itself (`SheetSpec.autofit_rows`: one
autofit call however many rows; Excel's autofit ignores merged cells). Merged rows are for the fixed parts
of a form (titles, item headings), whose number does not depend on the data.

Printing: the builder lays out pages itself, as the printer will, from the row heights it estimates and the
fit-to-width scale of its columns. It breaks the page before a heading whose first lines would not fit under
it, before a signature block that would be cut, and repeats a table's heading row at the top of every page the
table continues on (Excel and LibreOffice repeat only one fixed band of rows, `title_rows`). The estimate is
kept on the safe side (`PAGE_FILL`): a page may end a little early, never a row too late.

Unpaginated (`paginate=False`): the same rows without any of that: each table's heading once at its start, no
repeated headings, no row breaks, nothing moved to a next page. For a backend that cannot put our page breaks on
paper (live.backend.LiveBackend.paginates: xlwings Lite, the xlwings Server add-in), where a heading repeated at
an estimated page boundary would print at an arbitrary place and each one would cost Excel calls; Excel breaks
the pages itself there. The file backend and desktop Excel get the paginated sheet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from ..sheetspec import Block, PrintSetup, SheetSpec, Value, cell_ref

LINE_HEIGHT = 15.0  # points per line of 11 pt text
MAX_ROW_HEIGHT = 409.0  # Excel's limit for one row
# Characters a column of width w holds per line; a little under w, for proportional fonts.
CHARS_PER_WIDTH = 1.05
INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
DEFAULT_ROW_HEIGHT = 15.0  # a row the builder gives no height (Excel's default for 11 pt)
PAGE_SIZE_PT = {"portrait": (595.28, 841.89), "landscape": (841.89, 595.28)}  # A4
PT_PER_CM = 72 / 2.54
PT_PER_MM = PT_PER_CM / 10
FOOTER_ALLOWANCE_PT = 14.0  # the footer line inside the bottom margin
PAGE_FILL = 0.96  # use at most this share of a page's height (rounding of the printer's zoom)


def sheet_name(prefix: str, key: str) -> str:
    """A valid Excel sheet name: no []:*?/\\ and at most 31 characters ("Ek-1 2025/3" -> "Ek-1 2025-3")."""
    return (prefix + INVALID_SHEET_CHARS.sub("-", str(key)))[:31]


def column_points(width: float) -> float:
    """Printed width in points of a column `width` characters wide (7 px a character and 5 px of padding at
    the default font, as files/worksheet.excel_width stores it)."""
    return (width * 7 + 5) * 0.75


# LibreOffice prints a column about 8.5 % wider than Excel does (measured on its PDFs: an 11 mm row asked at
# Excel's zoom printed 10.2 mm), so "fit to one page wide" shrinks the same sheet more there.
LIBREOFFICE_WIDTH_SPREAD = 1.085


def fit_scale(widths: list[float], ps: PrintSetup, spread: float = 1.0) -> float:
    """The zoom "fit to one page wide" prints at (never above 100 %); with `spread`, as a program that prints
    columns that much wider does."""
    page_w, _ = PAGE_SIZE_PT[ps.orientation]
    _top, right, _bottom, left = ps.margins_cm
    printable = page_w - (left + right) * PT_PER_CM
    total = sum(column_points(w) for w in widths) * spread
    return min(1.0, printable / total) if ps.fit_to_width and total else 1.0


# Calibri 11 (LibreOffice: Carlito, the same widths) prints a capital about 0.6 em wide, 1.3 times the average
# character CHARS_PER_WIDTH assumes: headings and labels in capitals take that much more of a line.
CAPITAL_EXTRA = 0.3


def _size(word: str) -> float:
    return len(word) + CAPITAL_EXTRA * sum(c.isupper() for c in word)


@lru_cache(maxsize=65536)  # labels and repeated texts (institutions, statuses) are measured again and again
def lines_needed(text: str, width: float) -> int:
    """Printed lines of `text` wrapped at word boundaries in a column of `width` (Excel and LibreOffice move
    a word that does not fit to the next line; a word longer than a line is cut)."""
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    total = 0
    for part in str(text).split("\n"):
        if _size(part) <= per_line:  # most cells: one line, no need to wrap word by word
            total += 1
            continue
        lines, used = 1, 0.0
        for word in part.split():
            size = _size(word)
            if used and used + 1 + size <= per_line:
                used += 1 + size
                continue
            if used:
                lines += 1
            lines += int((size - 1) // per_line) if size else 0
            used = size % per_line or (per_line if size else 0)
        total += lines
    return total


def wrapped_height(cells: list[tuple[object, float]], min_lines: int = 1) -> float:
    """The one page-layout measure of a row of wrapped cells (value, printed column width in characters): the
    points the row needs so that neither Excel nor LibreOffice prints a cell's last lines over the next row.
    Neither program grows a row for wrapped text a program wrote; both print Calibri 11 (LibreOffice its
    metric twin Carlito) at LINE_HEIGHT a line. Sheets laid out without a FormBuilder (Takvim, Pano, Kontrol)
    use this too."""
    lines = max((lines_needed(str(v), w) for v, w in cells if v is not None and str(v) != ""), default=1)
    return min(MAX_ROW_HEIGHT, LINE_HEIGHT * max(min_lines, lines) + 3)


class FormBuilder:
    """Rows of a form on columns of fixed widths (1-based), laid out in pages."""

    def __init__(
        self,
        name: str,
        widths: list[float],
        *,
        title_rows: tuple[int, int] | None = None,
        landscape: bool = False,
        chars_per_width: float = CHARS_PER_WIDTH,
        margins_cm: tuple[float, float, float, float] | None = None,
        paginate: bool = True,
    ):
        setup = PrintSetup(orientation="landscape" if landscape else "portrait", title_rows=title_rows)
        if margins_cm is not None:
            setup.margins_cm = margins_cm
        self.spec = SheetSpec(name, col_widths={i + 1: w for i, w in enumerate(widths)}, print_setup=setup)
        self.widths = widths
        self.paginate = paginate  # False: no page is laid out (see the module's docstring)
        self.chars_per_width = chars_per_width
        self.row = 1
        # Pages are counted at Excel's zoom (the larger one: a page holds fewer rows); a printed length is made
        # at LibreOffice's (the smaller one: a row is never printed shorter than asked).
        self.scale = fit_scale(widths, setup)
        self.smallest_scale = fit_scale(widths, setup, LIBREOFFICE_WIDTH_SPREAD)
        # Page state, computed lazily by `_simulate`: the first row of the current page and the rows up to
        # `_scanned` already placed on pages.
        self._page_start = title_rows[1] + 1 if title_rows else 1
        self._scanned = self._page_start
        self._used = 0.0
        self._repeat: Callable[[], None] | None = None  # re-writes the running table heading on a new page
        self._holding = 0  # inside `together`: the group decides where the page breaks
        self._capacity: tuple[tuple[float, ...], float] | None = None  # (title rows' heights, capacity)
        # (first row, row after) of the heading rows just written: they go to the page of what follows them
        self._keep: tuple[int, int] | None = None

    @property
    def ncols(self) -> int:
        return len(self.widths)

    def _span_width(self, col: int, span: int) -> float:
        return sum(self.widths[col - 1 : col - 1 + span])

    def height_of(self, text: Value, width: float, min_lines: int = 1) -> float:
        """The height (points) a row needs for `text` in a column of `width`."""
        if text is None:
            return wrapped_height([], min_lines)
        return wrapped_height([(text, width * self.chars_per_width / CHARS_PER_WIDTH)], min_lines)

    def _fit(self, row: int, text: Value, width: float, min_lines: int = 1) -> None:
        height = self.height_of(text, width, min_lines)
        self.spec.row_heights[row] = max(self.spec.row_heights.get(row, 0), height)

    def mm(self, millimetres: float) -> float:
        """A printed length as a row height: rows print at the fit-to-width scale."""
        return millimetres * PT_PER_MM / self.smallest_scale

    # --- pages ------------------------------------------------------------------------------------

    @property
    def page_capacity(self) -> float:
        """Row points a page holds under the repeated title rows (computed again only when their heights change)."""
        ps = self.spec.print_setup
        key = tuple(self._height(r) for r in range(ps.title_rows[0], ps.title_rows[1] + 1)) if ps.title_rows else ()
        if self._capacity is None or self._capacity[0] != key:
            self._capacity = (key, self._page_capacity(ps))
        return self._capacity[1]

    def _page_capacity(self, ps: PrintSetup) -> float:
        _, page_h = PAGE_SIZE_PT[ps.orientation]
        top, _right, bottom, _left = ps.margins_cm
        printable = (page_h - (top + bottom) * PT_PER_CM - FOOTER_ALLOWANCE_PT) / self.scale * PAGE_FILL
        if ps.title_rows:
            printable -= sum(self._height(r) for r in range(ps.title_rows[0], ps.title_rows[1] + 1))
        return printable

    def _height(self, row: int) -> float:
        return self.spec.row_heights.get(row, DEFAULT_ROW_HEIGHT)

    def _simulate(self) -> float:
        """Points used on the current page by the rows written so far, breaking where the printer would."""
        capacity = self.page_capacity
        while self._scanned < self.row:
            h = self._height(self._scanned)
            if self._used and self._used + h > capacity:  # the printer starts a page at this row
                self._page_start, self._used = self._scanned, 0.0
            self._used += h
            self._scanned += 1
        return self._used

    def break_page(self) -> None:
        """Start a new page at the current row (nothing happens at the top of a page, nor unpaginated)."""
        if not self.paginate:
            return
        self._simulate()
        if self.row <= self._page_start:
            return
        self.spec.print_setup.row_breaks.append(self.row - 1)
        self._page_start = self._scanned = self.row
        self._used = 0.0
        if self._repeat is not None:
            repeat, self._repeat = self._repeat, None  # the heading itself must not trigger a repeat
            repeat()
            self._repeat = repeat

    def need(self, height: float) -> bool:
        """Make room for `height` points on this page: a new page when they would not fit (a block taller than
        a page starts on a page of its own). A heading written just before (`keep_with_next`) moves to the new
        page with them, so that no heading ends a page. True when a page was started (never unpaginated)."""
        if not self.paginate:
            return False
        used = self._simulate()
        if self._keep is not None and self._keep[1] != self.row:
            self._keep = None  # something was written under the heading already
        if self._holding:
            return False
        capacity = self.page_capacity
        if used and used + min(height, capacity) > capacity:
            keep = self._keep
            if keep is not None and keep[0] > self._page_start and self._repeat is None:
                self.spec.print_setup.row_breaks.append(keep[0] - 1)
                self._page_start = self._scanned = keep[0]
                self._used = 0.0
                self._simulate()
            else:
                self.break_page()
            return True
        return False

    def keep_with_next(self, start: int) -> None:
        """Rows `start`..the current row (a heading, written) print on the page of the first row written after
        them; a heading right under another heading joins it."""
        if self._keep is not None and self._keep[1] == start:
            start = self._keep[0]
        self._keep = (start, self.row)

    @contextmanager
    def together(self) -> Iterator[None]:
        """Rows that must print on one page (a signature block): when they would cross a page, the page breaks
        before them. Nothing inside may start pages itself."""
        if not self.paginate:
            yield
            return
        self._simulate()
        start, used = self.row, self._used
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
        height = sum(self._height(r) for r in range(start, self.row))
        if used and used + height > self.page_capacity and height <= self.page_capacity:
            self.spec.print_setup.row_breaks.append(start - 1)
            self._page_start = self._scanned = start
            self._used = 0.0

    @contextmanager
    def repeating(self, write_heading: Callable[[], None]) -> Iterator[None]:
        """Inside, a page that starts under a table begins with its heading again (`write_heading` writes it at
        the current row)."""
        previous, self._repeat = self._repeat, write_heading
        try:
            yield
        finally:
            self._repeat = previous

    # --- rows -------------------------------------------------------------------------------------

    def cell(
        self, col: int, value: Value, style: str | None, span: int = 1, row: int | None = None, min_lines: int = 1
    ) -> None:
        """One value at (row, col), merged over `span` columns."""
        r = self.row if row is None else row
        self.spec.blocks.append(Block(r, col, [[value] + [None] * (span - 1)], style=style))
        if span > 1:
            self.spec.merges.append(f"{cell_ref(r, col)}:{cell_ref(r, col + span - 1)}")
        self._fit(r, value, self._span_width(col, span), min_lines)

    def row_height(self, cells: list[tuple[Value, int]], min_lines: int = 1) -> float:
        """The height a row of (value, span) cells will get."""
        heights, col = [], 1
        for value, span in cells:
            heights.append(self.height_of(value, self._span_width(col, span), min_lines))
            col += span
        return max(heights, default=DEFAULT_ROW_HEIGHT)

    def fields(self, cells: list[tuple[Value, str | None]]) -> None:
        """One row of unmerged cells from column A, one per grid column, its height left to Excel live."""
        heights = [self.height_of(value, self.widths[col]) for col, (value, _) in enumerate(cells)]
        self.need(max(heights, default=DEFAULT_ROW_HEIGHT))
        r = self.row
        # One block for the row (a style per cell): one write on a live book, and fewer objects for a long form.
        self.spec.blocks.append(Block(r, 1, [[value for value, _ in cells]], col_styles=[s for _, s in cells]))
        self.spec.row_heights[r] = max(self.spec.row_heights.get(r, 0), *heights)
        self.spec.autofit_rows.add(r)
        self.row += 1

    def line(self, value: Value, style: str | None = "plain", min_lines: int = 1, keep_next: float = 0) -> None:
        """A full-width line; `keep_next` points of what follows stay on its page (a heading)."""
        self.need(self.height_of(value, sum(self.widths), min_lines) + keep_next)
        self.cell(1, value, style, span=self.ncols, min_lines=min_lines)
        self.row += 1
        if keep_next:
            self.keep_with_next(self.row - 1)

    def table(
        self,
        headers: list[str],
        rows: list[list[Value]],
        styles: list[str | None],
        min_lines: int = 1,
        uniform: bool = False,
        min_height: float = 0,
        keep_whole: bool = False,
        caption: str | None = None,
    ) -> int:
        """A header row and data rows on the grid; returns the header row number. Paginated, the heading is
        repeated on every page the rows continue on and never ends a page alone. Rows without a minimum height
        are left to Excel on a live book; with `uniform`, every data row gets the tallest row's height (one
        height for the whole run, e.g. room for signatures); `min_height` in points. With `keep_whole` the table
        starts on a new page when it would otherwise be cut (and fits on one). A `caption` is a full-width label
        line above the heading, kept on its page."""
        heights = [
            max(min_height, *(self.height_of(v, self.widths[c], min_lines) for c, v in enumerate(r))) for r in rows
        ]
        if uniform and heights:
            heights = [max(heights)] * len(heights)
        header_h = max(self.height_of(h, self.widths[c]) for c, h in enumerate(headers))
        caption_h = self.height_of(caption, sum(self.widths)) if caption else 0
        whole = caption_h + header_h + sum(heights)
        # a table that fits on a page is not cut when asked; any other keeps its heading with two rows
        self.need(whole if keep_whole and whole <= self.page_capacity else caption_h + header_h + sum(heights[:2]))
        if caption:
            self.cell(1, caption, "label", span=self.ncols)
            self.row += 1
        header_row = self.row

        def heading() -> None:
            self.spec.blocks.append(Block(self.row, 1, [headers], style="header"))
            self.spec.row_heights[self.row] = max(self.spec.row_heights.get(self.row, 0), header_h)
            self.row += 1

        heading()
        with self.repeating(heading):
            start = 0
            while start < len(rows):
                self.need(heights[start])
                capacity = self.page_capacity - self._simulate() if self.paginate else float("inf")
                end, used = start, 0.0
                while end < len(rows) and (end == start or used + heights[end] <= capacity):
                    used += heights[end]
                    end += 1
                chunk = rows[start:end]
                self.spec.blocks.append(Block(self.row, 1, chunk, col_styles=styles))
                for i, h in enumerate(heights[start:end]):
                    self.spec.row_heights[self.row + i] = h
                    if min_lines == 1 and not min_height and not uniform:
                        self.spec.autofit_rows.add(self.row + i)
                self.row += len(chunk)
                start = end
                if start < len(rows):
                    self.break_page()
        return header_row

    def blank(self, n: int = 1) -> None:
        self.row += n

    def finish(self) -> SheetSpec:
        last = max(self.row - 1, 1)
        self.spec.print_setup.area = f"A1:{cell_ref(last, self.ncols)}"
        return self.spec
