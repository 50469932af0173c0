"""A letter (sheets.letters.Letter) as a Word document, for the office's document system (EBYS), which takes
letters from Word: the same parts in the Yönetmelik's layout — A4, 1.5 cm margins, Arial 11, the header centred,
Sayı and Tarih on one line, justified paragraphs indented 1.25 cm, the signature block on the right, Ek, Dağıtım
(Gereği / Bilgi side by side) and the contact lines in the page footer in 8 pt.

Pure: a Letter in, the .docx bytes out.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..sheetspec import LETTER_FONT
from .letters import Letter, columns, distribution_parts

NORMAL_STYLE = "Normal"  # Word's base paragraph style
FONT_SIZE = Pt(11)
CONTACT_SIZE = Pt(8)
MARGIN = Cm(1.5)
TEXT_WIDTH = Cm(21.0 - 2 * 1.5)
INDENT = Cm(1.25)
SIGNATURE_INDENT = Cm(11.0)  # the signature block's column on the right
FIXED_TIME = dt.datetime(2025, 1, 1)  # document properties: not the time of the run


def _font(run, size=FONT_SIZE, bold: bool = False) -> None:
    run.font.name = LETTER_FONT
    run.font.size = size
    run.bold = bold or None
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), LETTER_FONT)


def _paragraph(
    container,
    text: str = "",
    *,
    bold: bool = False,
    align=None,
    space_after: float = 0,
    first_line: Cm | None = None,
    left: Cm | None = None,
    size=FONT_SIZE,
):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(space_after)
    if align is not None:
        p.alignment = align
    if first_line is not None:
        fmt.first_line_indent = first_line
    if left is not None:
        fmt.left_indent = left
    if text:
        _font(p.add_run(text), size, bold)
    return p


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _repeat_header(row) -> None:
    """The table's heading row again on every page."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _top_rule(paragraph) -> None:
    """A thin line above the contact lines."""
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "auto")):
        top.set(qn(key), value)
    bdr.append(top)
    ppr.append(bdr)


def _field(paragraph, instruction: str, size=CONTACT_SIZE) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out the pages."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    fld.append(run)
    paragraph._p.append(fld)
    from docx.text.run import Run

    _font(Run(run, paragraph), size)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)


def _page_numbers(section) -> None:
    """ "Sayfa 1 / 2" on the right of the page footer, under the contact lines."""
    p = section.footer.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _font(p.add_run("Sayfa "), CONTACT_SIZE)
    _field(p, "PAGE")
    _font(p.add_run(" / "), CONTACT_SIZE)
    _field(p, "NUMPAGES")


def _new_document(title: str) -> tuple[Any, Any]:
    """An A4 document in the letter's font and margins, with fixed properties (the same letter, the same bytes)."""
    doc = Document()
    normal = doc.styles[NORMAL_STYLE]
    normal.font.name, normal.font.size = LETTER_FONT, FONT_SIZE
    normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), LETTER_FONT)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, MARGIN)
    props = doc.core_properties
    props.created = props.modified = FIXED_TIME
    props.author = props.last_modified_by = "gockurul"
    props.title = title
    return doc, section


def _names(doc, names: list[str]) -> None:
    """Names one a line; a long list in two columns (sheets.letters.columns)."""
    rows = columns(names)
    if all(right is None for _, right in rows):
        for name, _ in rows:
            _paragraph(doc, name)
        return
    table = doc.add_table(rows=len(rows), cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _no_borders(table)
    for column in table.columns:
        column.width = TEXT_WIDTH // 2
    for row, pair in zip(table.rows, rows, strict=True):
        for cell, name in zip(row.cells, pair, strict=True):
            cell.width = TEXT_WIDTH // 2
            if name:
                _font(cell.paragraphs[0].add_run(name))


def letter_docx(letter: Letter) -> bytes:
    doc, section = _new_document(f"{letter.subject}")

    for text in ("T.C.", letter.authority, letter.unit):
        if text:
            _paragraph(doc, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(doc)
    _paragraph(doc)
    number = _paragraph(doc)
    number.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    _font(number.add_run("Sayı\t: "), bold=True)
    number.paragraph_format.tab_stops.add_tab_stop(Cm(1.5))
    _font(number.add_run(letter.number))
    _font(number.add_run(f"\tTarih : {letter.date_text}"))
    subject = _paragraph(doc)
    subject.paragraph_format.tab_stops.add_tab_stop(Cm(1.5))
    _font(subject.add_run("Konu\t: "), bold=True)
    _font(subject.add_run(letter.subject))
    _paragraph(doc)
    _paragraph(doc)
    _paragraph(doc, letter.addressee, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=12)

    def body(text: str) -> None:
        _paragraph(doc, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line=INDENT, space_after=6)

    body(letter.paragraphs[0])
    for label, value in letter.details:
        p = _paragraph(doc, left=Cm(2.5))
        p.paragraph_format.tab_stops.add_tab_stop(Cm(5.0))
        _font(p.add_run(label), bold=True)
        _font(p.add_run(f"\t: {value}"))
    if letter.details:
        _paragraph(doc, space_after=0)
    for text in letter.paragraphs[1:]:
        body(text)
    body(letter.closing)

    for _ in range(3):  # room for the wet signature
        _paragraph(doc)
    for line in [letter.signer, *letter.signer_title]:
        p = _paragraph(doc, line, align=WD_ALIGN_PARAGRAPH.CENTER, left=SIGNATURE_INDENT)
        p.paragraph_format.keep_with_next = True
    _paragraph(doc)
    for i, line in enumerate(letter.attachment_lines()):
        p = _paragraph(doc)
        label, sep, rest = line.partition(" : ")
        if i == 0:  # "Ek : Toplantı Gündemi" or the heading "Ekler :" of a numbered list
            _font(p.add_run(f"{label} :" if sep else line), bold=True)
            if sep:
                _font(p.add_run(" " + rest))
        else:
            _font(p.add_run(line))
    _paragraph(doc)
    _paragraph(doc, "Dağıtım:", bold=True)
    for i, (title, names) in enumerate(distribution_parts(letter)):
        if title:
            p = _paragraph(doc, title, bold=True)
            if i:  # Bilgi apart from the Gereği list above it
                p.paragraph_format.space_before = Pt(6)
        _names(doc, names)

    footer = section.footer
    first = True
    for line in letter.contact:
        p = footer.paragraphs[0] if first else footer.add_paragraph()
        if first:
            _top_rule(p)
            first = False
        _font(p.add_run(line), CONTACT_SIZE)
    _page_numbers(section)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


AGENDA_WIDTHS = (Cm(1.3), Cm(10.7), Cm(6.0))  # Sıra, Gündem Maddesi, Dayanak / Öneren: the text width, 18 cm


def agenda_docx(title: str, subtitle: str, items: list[tuple[str, str]], mark: str = "Ek") -> bytes:
    """The meeting's agenda as a Word document (the invitation's attachment, marked "Ek" at the top right): a
    numbered table whose grid (`tblGrid`) and cells (`tcW`) say the same widths, fixed, so Word and LibreOffice
    draw the same columns; the page number in the footer."""
    doc, section = _new_document(title)
    _paragraph(doc, mark, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT, space_after=6)
    _paragraph(doc, title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=6)
    _paragraph(doc, subtitle, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=12)
    table = doc.add_table(rows=1 + len(items), cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Sıra", "Gündem Maddesi", "Dayanak / Öneren"), strict=True):
        _font(cell.paragraphs[0].add_run(text), bold=True)
    for i, (text, source) in enumerate(items, start=1):
        for cell, value in zip(table.rows[i].cells, (str(i), text, source), strict=True):
            _font(cell.paragraphs[0].add_run(value))
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, AGENDA_WIDTHS, strict=True):
        column.width = width  # the grid
    for row in table.rows:
        for cell, width in zip(row.cells, AGENDA_WIDTHS, strict=True):
            cell.width = width  # each cell
    _repeat_header(table.rows[0])
    _page_numbers(section)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
