"""A small builder for print-ready form sheets (Ek-1, Ek-2, Ek-3, agenda, letters).

Forms are laid out row by row on a fixed grid of columns; the builder keeps the current row, merges
label/value cells, estimates row heights so that wrapped text shows whole when printed (neither Excel
nor LibreOffice grows a row for wrapped text written by a program), and sets A4 portrait printing.

Rows that repeat once per item (a decision's fields, a table's lines) are written with `fields` or `table`:
unmerged cells only, so that on a live book Excel fits their height itself (`SheetSpec.autofit_rows`: one
autofit call however many rows; Excel's autofit ignores merged cells). Merged rows are for the fixed parts
of a form (titles, item headings), whose number does not depend on the data.
"""

from __future__ import annotations

import re

from ..sheetspec import Block, PrintSetup, SheetSpec, Value, cell_ref

LINE_HEIGHT = 15.0  # points per line of 11 pt text
MAX_ROW_HEIGHT = 409.0  # Excel's limit for one row
# Characters a column of width w holds per line; a little under w, for proportional fonts.
CHARS_PER_WIDTH = 1.05
INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_name(prefix: str, key: str) -> str:
    """A valid Excel sheet name: no []:*?/\\ and at most 31 characters ("Ek-1 2025/3" -> "Ek-1 2025-3")."""
    return (prefix + INVALID_SHEET_CHARS.sub("-", str(key)))[:31]


def lines_needed(text: str, width: float) -> int:
    """Printed lines of `text` wrapped at word boundaries in a column of `width` (Excel and LibreOffice move
    a word that does not fit to the next line; a word longer than a line is cut)."""
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    total = 0
    for part in str(text).split("\n"):
        if len(part) <= per_line:  # most cells: one line, no need to wrap word by word
            total += 1
            continue
        lines, used = 1, 0
        for word in part.split():
            size = len(word)
            if used and used + 1 + size <= per_line:
                used += 1 + size
                continue
            if used:
                lines += 1
            lines += (size - 1) // per_line if size else 0
            used = size % per_line or (per_line if size else 0)
        total += lines
    return total


class FormBuilder:
    """Rows of a form on columns of fixed widths (1-based)."""

    def __init__(self, name: str, widths: list[float], *, title_rows: tuple[int, int] | None = None,
                 landscape: bool = False):
        self.spec = SheetSpec(name, col_widths={i + 1: w for i, w in enumerate(widths)},
                              print_setup=PrintSetup(orientation="landscape" if landscape else "portrait",
                                                     title_rows=title_rows))
        self.widths = widths
        self.row = 1

    @property
    def ncols(self) -> int:
        return len(self.widths)

    def _span_width(self, col: int, span: int) -> float:
        return sum(self.widths[col - 1: col - 1 + span])

    def _fit(self, row: int, text: Value, width: float, min_lines: int = 1) -> None:
        if text is None:
            lines = min_lines
        else:
            lines = max(min_lines, lines_needed(str(text), width))
        height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + 3)
        self.spec.row_heights[row] = max(self.spec.row_heights.get(row, 0), height)

    def cell(self, col: int, value: Value, style: str | None, span: int = 1, row: int | None = None,
             min_lines: int = 1) -> None:
        """One value at (row, col), merged over `span` columns."""
        r = self.row if row is None else row
        self.spec.blocks.append(Block(r, col, [[value] + [None] * (span - 1)], style=style))
        if span > 1:
            self.spec.merges.append(f"{cell_ref(r, col)}:{cell_ref(r, col + span - 1)}")
        self._fit(r, value, self._span_width(col, span), min_lines)

    def fields(self, cells: list[tuple[Value, str | None]]) -> None:
        """One row of unmerged cells from column A, one per grid column, its height left to Excel live."""
        for col, (value, style) in enumerate(cells, start=1):
            self.cell(col, value, style)
        self.spec.autofit_rows.add(self.row)
        self.row += 1

    def line(self, value: Value, style: str | None = "plain", min_lines: int = 1) -> None:
        """A full-width line."""
        self.cell(1, value, style, span=self.ncols, min_lines=min_lines)
        self.row += 1

    def table(self, headers: list[str], rows: list[list[Value]], styles: list[str | None],
              min_lines: int = 1, uniform: bool = False) -> int:
        """A header row and data rows on the grid; returns the header row number. Rows without a minimum
        height are left to Excel on a live book; with `uniform`, every data row gets the tallest row's
        height (one height for the whole run, e.g. room for signatures)."""
        header_row = self.row
        self.spec.blocks.append(Block(self.row, 1, [headers], style="header"))
        self._fit(self.row, max(headers, key=len), min(self.widths))
        self.row += 1
        if rows:
            self.spec.blocks.append(Block(self.row, 1, rows, col_styles=styles))
            for i, r in enumerate(rows):
                for c, v in enumerate(r):
                    self._fit(self.row + i, v, self.widths[c], min_lines)
            body = range(self.row, self.row + len(rows))
            if min_lines == 1:
                self.spec.autofit_rows.update(body)
            if uniform:
                tallest = max(self.spec.row_heights[r] for r in body)
                self.spec.row_heights.update({r: tallest for r in body})
            self.row += len(rows)
        return header_row

    def blank(self, n: int = 1) -> None:
        self.row += n

    def finish(self) -> SheetSpec:
        last = max(self.row - 1, 1)
        self.spec.print_setup.area = f"A1:{cell_ref(last, self.ncols)}"
        return self.spec
