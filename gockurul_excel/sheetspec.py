"""Sheet specs: a declarative description of a generated sheet, independent of any backend.

Operations return `SheetSpec`s; the file backend (package writer) and the xlwings backend render
them. A spec is a list of rectangular `Block`s so that a live-Excel backend writes each block in one
call; styles are named (see `STYLES`) so both backends map a name once, not per cell.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Style:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float = 11
    color: str | None = None  # font colour, "RRGGBB"
    fill: str | None = None  # background, "RRGGBB"
    wrap: bool = False
    halign: str | None = None  # left / center / right
    valign: str | None = "top"
    border: bool = False  # thin border on all sides
    number_format: str | None = None
    font: str | None = None  # font name; None = the workbook's (Calibri)
    top_border: bool = False  # a thin line above the cell only (a letter's contact footer)


# Number formats of dates and times, shown as GG.AA.YYYY and SS:DD in every sheet, generated or input.
DATE_FORMAT = "dd.mm.yyyy"
TIME_FORMAT = "hh:mm"
DATETIME_FORMAT = "dd.mm.yyyy hh:mm"

LETTER_FONT = "Arial"

STYLES: dict[str, Style] = {
    "title": Style(bold=True, size=14, valign="center"),
    "subtitle": Style(bold=True, size=12, valign="center"),
    "header": Style(bold=True, fill="D9E1F2", wrap=True, border=True, valign="center", halign="center"),
    "label": Style(bold=True, underline=True, wrap=True, border=True),
    "text": Style(wrap=True, border=True),
    "plain": Style(wrap=True),
    "bold": Style(bold=True, wrap=True),
    "italic": Style(italic=True, wrap=True, border=True),
    "number": Style(border=True, halign="right"),
    "date": Style(border=True, number_format=DATE_FORMAT, halign="center"),
    "link": Style(color="0563C1", underline=True, border=True),
    "hata": Style(bold=True, color="9C0006", fill="FFC7CE", border=True),
    # The same inside a table of wrapped text (wraps like its neighbours, so only its colours and weight differ).
    "hata_text": Style(bold=True, color="9C0006", fill="FFC7CE", border=True, wrap=True),
    "uyari": Style(bold=True, color="9C5700", fill="FFEB9C", border=True),
    "ok": Style(bold=True, color="006100", fill="C6EFCE", border=True),
    "signature": Style(border=True, valign="bottom"),
    # Official letters (Resmî Yazışma Yönetmeliği: Arial 11; the header centred; the text justified).
    "letter": Style(font=LETTER_FONT, wrap=True),
    "letter_bold": Style(font=LETTER_FONT, bold=True, wrap=True),
    "letter_head": Style(font=LETTER_FONT, bold=True, halign="center", valign="center"),
    "letter_center": Style(font=LETTER_FONT, halign="center", wrap=True),
    "letter_right": Style(font=LETTER_FONT, halign="right"),
    "letter_body": Style(font=LETTER_FONT, wrap=True, halign="justify"),
    "letter_small": Style(font=LETTER_FONT, size=8, wrap=True, top_border=True),
    # On screen only: a reminder for the office, written outside the print area.
    "note": Style(italic=True, color="595959", fill="FFF2CC"),
}

Value = str | int | float | dt.date | dt.datetime | None


@dataclass
class Block:
    """A rectangle of values whose top-left cell is (row, col), 1-based."""

    row: int
    col: int
    values: list[list[Value]]
    style: str | None = None  # one named style for the whole block
    col_styles: list[str | None] | None = None  # or one per column of the block
    # Internal hyperlinks: (row offset, col offset) inside the block -> "'Sayfa'!B7"
    links: dict[tuple[int, int], str] = field(default_factory=dict)

    @property
    def height(self) -> int:
        return len(self.values)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.values), default=0)

    def style_at(self, col_offset: int) -> str | None:
        if self.col_styles is not None and col_offset < len(self.col_styles):
            return self.col_styles[col_offset] or self.style
        return self.style


@dataclass
class PrintSetup:
    orientation: str = "portrait"
    paper: str = "A4"
    fit_to_width: bool = True
    title_rows: tuple[int, int] | None = None  # rows repeated on every printed page
    area: str | None = None  # "A1:F40"; None = every written cell
    margins_cm: tuple[float, float, float, float] = (1.8, 1.5, 1.5, 1.5)  # top, right, bottom, left
    footer: str = "Sayfa &P / &N"
    footer_left: str = ""  # left part of the footer (a letter's contact lines), in 8 pt
    footer_right: bool = False  # the page number on the right (beside a left part) instead of the centre
    # Rows after which a new page starts (manual page breaks): the builder keeps headings with what follows
    # them and signature blocks whole by breaking before them.
    row_breaks: list[int] = field(default_factory=list)


@dataclass
class ChartSpec:
    """A native Excel chart over cells of the same sheet."""

    kind: str  # "column" | "stacked_column" | "bar" | "pie"
    title: str
    categories: str  # "A5:A8" on this sheet
    series: list[tuple[str, str]]  # (series name, values range "B5:B8")
    anchor: str  # top-left cell, e.g. "F3"
    width_cm: float = 14.0
    height_cm: float = 7.5


@dataclass
class SheetSpec:
    name: str
    blocks: list[Block] = field(default_factory=list)
    col_widths: dict[int, float] = field(default_factory=dict)  # 1-based column -> width (chars)
    row_heights: dict[int, float] = field(default_factory=dict)  # 1-based row -> points
    # Rows whose wrapped text sits in unmerged cells: a live book lets Excel fit their height (one autofit
    # call over their span); files get the estimate in `row_heights` (Excel does not fit rows on opening).
    autofit_rows: set[int] = field(default_factory=set)
    merges: list[str] = field(default_factory=list)  # "A1:F1"
    freeze: str | None = None  # top-left cell of the scrolling pane, e.g. "A2"
    autofilter: str | None = None
    print_setup: PrintSetup | None = field(default_factory=PrintSetup)
    tab_color: str | None = None
    charts: list[ChartSpec] = field(default_factory=list)

    def extent(self) -> tuple[int, int]:
        """(last row, last column) covered by the blocks."""
        rows = [b.row + b.height - 1 for b in self.blocks if b.values]
        cols = [b.col + b.width - 1 for b in self.blocks if b.values]
        return (max(rows, default=1), max(cols, default=1))

    def styles_used(self) -> set[str]:
        out: set[str] = set()
        for b in self.blocks:
            if b.style:
                out.add(b.style)
            out.update(s for s in (b.col_styles or []) if s)
        return out


def col_letter(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def cell_ref(row: int, col: int) -> str:
    return f"{col_letter(col)}{row}"


# Excel compares sheet names without case, and a Turkish Excel takes ı, I, i and İ for one letter: a user's
# "EYLEM PLANI İZLEME" is the generated "Eylem Planı İzleme". str.casefold keeps ı apart from I.
_EXCEL_I = str.maketrans({"ı": "i", "I": "i", "İ": "i"})


def sheet_key(name: str) -> str:
    """The key under which Excel takes two sheet names for the same sheet: every sheet-name comparison of
    the program (writer, commands, reader, PDF) goes through it."""
    return unicodedata.normalize("NFC", str(name)).translate(_EXCEL_I).lower()


def same_sheet(a: str, b: str) -> bool:
    return sheet_key(a) == sheet_key(b)


def quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


def parse_cell(ref: str) -> tuple[int, int]:
    match = _CELL.fullmatch(ref.strip())
    if not match:
        raise ValueError(f"not a cell reference: {ref!r}")
    col = 0
    for ch in match[1].upper():
        col = col * 26 + ord(ch) - 64
    return int(match[2]), col


def parse_range(ref: str) -> tuple[int, int, int, int]:
    first, _, last = ref.partition(":")
    r1, c1 = parse_cell(first)
    r2, c2 = parse_cell(last or first)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def abs_range(ref: str) -> str:
    r1, c1, r2, c2 = parse_range(ref)
    return f"${col_letter(c1)}${r1}:${col_letter(c2)}${r2}"
