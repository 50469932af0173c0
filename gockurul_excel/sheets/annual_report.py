"""What `yillik` writes: the `Ek-3 <YIL>` sheet, the circular's Yıllık Değerlendirme Raporu Formu (M13).

Items 2–4 are drafted from the year's meetings, problems and decisions; items 5–6 are the office's own
words, kept in the `Yıllık Rapor` input sheet so that regenerating never erases them; item 7 is the
prepared-by / approved-by block. The form's headings, numbering and notes follow the circular's annex
(Ek-3) letter for letter. Pure and deterministic: the same workbook gives the same sheet.
"""

from __future__ import annotations

from collections import Counter

from .. import contract, rules
from ..core.annual import DistrictRecord, Row, YearRows, board_types, origin_year, user_text
from ..core.meetings import MIGRATION_OFFICE, active_member, place_name
from ..core.model import WorkbookData
from ..core.records import Record
from ..core.text import cite_short
from ..rules import CATEGORY_NAME
from ..sheetspec import SheetSpec, Value
from .formsheet import LINE_HEIGHT, FormBuilder, lines_needed, sheet_name

Category = rules.MeetingCategory

PREFIX = "Ek-3 "
ANNUAL_SHEET = contract.ANNUAL_SHEET
COL_SUPPORT = contract.ANNUAL_SUPPORT_COLUMN
COL_CONCLUSION = contract.ANNUAL_CONCLUSION_COLUMN

# The annex's text (Ek-3), with its spelling ("ÇÖZÜLEMİYEN" as printed in the circular).
HEADING = "GÖÇ KOORDİNASYON KURULLARI YILLIK DEĞERLENDİRME RAPORU"
ITEM_1 = "İL ADI:"
ITEM_2 = "KURULLARDA GÜNDEME ALINAN TEMEL SORUNLAR:"
NOTE_2 = "(İL VE İLÇE GÖÇ KOORDİNASYON KURULLARININ TÜRÜ DÜŞÜNÜLEREK HAZIRLANACAKTIR.)"
ITEM_3 = "SORUNLARIN ÇÖZÜMÜNE YÖNELİK ALINAN KARARLAR VE ÇÖZÜMLERİNİN DEĞERLENDİRİLMESİ:"
NOTE_3 = (
    "(HANGİ KARARLAR ALINDI VE ALINAN KARARLAR YERİNE GETİRİLDİ Mİ? KARARLAR YERİNE GETİRİLİRKEN "
    "SIKINTILAR YAŞANDI MI? İSTENİLEN SONUCA ULAŞILDI MI?)"
)
ITEM_4 = "KURULLARDA KARAR ALINMASINA RAĞMEN ÇÖZÜLEMİYEN SORUNLAR:"
ITEM_5 = "ÇÖZÜLEMİYEN SORUNLARA YÖNELİK GÖÇ İDARESİ BAŞKANLIĞINDAN BEKLENEN DESTEKLER:"
ITEM_6 = "SONUÇ, DEĞERLENDİRME VE ÖNERİLER:"
NOTE_6 = "(KURULLARIN ETKİNLİĞİ HAKKINDA DEĞERLENDİRME VE ÖNERİLER YER ALIR.)"
PREPARED_BY, PREPARED_BY_BODY = "HAZIRLAYAN", "İL GÖÇ İDARESİ MÜDÜRLÜĞÜ"
APPROVED_BY, APPROVED_BY_BODY = "ONAYLAYAN", "İL GÖÇ KOORDİNASYON KURULU"


# The column grid (A4 portrait, about 18 cm of printable width at 100 %); fit to one page wide. The tables of
# items 2–4 put one field in each column, unmerged, so that Excel fits their rows' height on a live book (one
# call for all rows; Excel's autofit ignores merged cells); their wide text columns are C and D.
WIDTHS = [7.0, 12.0, 26.0, 26.0, 13.0, 15.0]
NCOLS = len(WIDTHS)
# A paragraph longer than this many printed lines goes on to the next row (a row holds at most 409 pt).
MAX_LINES_PER_ROW = 24


def paragraphs(text: str, width: float, max_lines: int = MAX_LINES_PER_ROW) -> list[str]:
    """`text` cut into printable pieces: one per paragraph, a long paragraph at word boundaries, so that
    no piece needs more than `max_lines` lines (Excel cannot make a row taller than 409 pt)."""
    out: list[str] = []
    for para in str(text).splitlines():
        para = para.strip()
        if not para:
            continue
        piece = ""
        for word in para.split(" "):
            candidate = f"{piece} {word}" if piece else word
            if piece and lines_needed(candidate, width) > max_lines:
                out.append(piece)
                piece = word
            else:
                piece = candidate
        if piece:
            out.append(piece)
    return out


class _Form(FormBuilder):
    """FormBuilder with rows of cells spanning several grid columns."""

    def spanned(
        self,
        cells: list[tuple[Value, int]],
        styles: list[str],
        min_lines: int = 1,
        autofit: bool | None = None,
        keep_next: float = 0,
    ) -> None:
        """One row of cells over `span` grid columns each. Its height is left to Excel on a live book when no
        cell is merged (or `autofit`: the merged cells hold one short line) and no minimum height is asked for
        (as FormBuilder.table decides)."""
        self.need(self.row_height(cells, min_lines) + keep_next)
        col = 1
        for (value, span), style in zip(cells, styles, strict=True):
            self.cell(col, value, style, span=span, min_lines=min_lines)
            col += span
        unmerged = autofit if autofit is not None else all(span == 1 for _, span in cells)
        if unmerged and min_lines == 1:
            self.spec.autofit_rows.add(self.row)
        self.row += 1
        if keep_next:
            self.keep_with_next(self.row - 1)

    def heading(self, number: int, label: str, note: str | None = None) -> None:
        """An item of the form: its number and underlined label, then the annex's italic note; kept on the page
        of the first lines under it."""
        width = sum(self.widths[1:])
        self.need(self.height_of(label, width) + (self.height_of(note, width) if note else 0) + 3 * LINE_HEIGHT)
        start = self.row
        self.cell(1, str(number), "label")
        self.cell(2, label, "label", span=self.ncols - 1)
        self.row += 1
        if note:
            self.cell(1, None, "text")
            self.cell(2, note, "italic", span=self.ncols - 1)
            self.row += 1
        self.keep_with_next(start)

    def table_rows(
        self,
        headers: tuple[str, ...],
        spans: tuple[int, ...],
        rows: list[tuple],
        styles: list[str],
        autofit: bool | None = None,
    ) -> None:
        """A table of `spanned` rows whose heading row starts every page the rows continue on (and never ends a
        page alone)."""

        def heading() -> None:
            self.spanned(list(zip(headers, spans, strict=True)), ["header"] * len(spans))

        first = self.row_height(list(zip(headers, spans, strict=True)))
        if rows:
            first += self.row_height(list(zip(rows[0], spans, strict=True)))
        self.need(first)
        heading()
        with self.repeating(heading):
            for values in rows:
                self.spanned(list(zip(values, spans, strict=True)), styles, autofit=autofit)

    def text_rows(self, text: str, style: str = "text") -> None:
        """Free text under an item: one row per paragraph, indented to the label column."""
        for piece in paragraphs(text, sum(self.widths[1:])):
            self.need(self.height_of(piece, sum(self.widths[1:])))
            self.cell(1, None, "text")
            self.cell(2, piece, style, span=self.ncols - 1)
            self.row += 1

    def note(self, text: str, style: str = "text") -> None:
        self.need(self.height_of(text, sum(self.widths[1:])))
        self.cell(1, None, "text")
        self.cell(2, text, style, span=self.ncols - 1)
        self.row += 1


def _number(r: Row, header: str) -> object:
    """A row's number as the report shows it: '5 (2025)' for a row carried over from 2025."""
    year = origin_year(r)
    return f"{r[header]} ({year})" if year is not None else r[header]


def _district_note(f: _Form, y: YearRows, year: int) -> None:
    """Which districts' boards the report does not cover, said as a fact of the report (what to do about it is a
    `kontrol` finding, never printed on the signed page: KURALLAR §5)."""
    d = y.districts
    if d is None or not d.not_merged:
        return
    f.note(
        f"Kurul toplaması zorunlu olup {year} yılı kurul kayıtları bu rapora girmeyen ilçeler "
        f"({cite_short('M8(1)')}): {', '.join(d.not_merged)}.",
        "italic",
    )
    f.keep_with_next(f.row - 1)  # with the heading above it, on the page of the table below


# --- item 2 --------------------------------------------------------------------------------------

PROBLEM_SPANS = (1, 1, 1, 1, 1, 1)
PROBLEM_HEADERS = ("Sorun No", "Alan", "Tespit Edilen Sorun", "Çözüm Önerisi", "Toplantı", "Durum")


def _item_2(f: _Form, data: WorkbookData, year: int, y: YearRows) -> None:
    f.heading(2, ITEM_2, NOTE_2)
    for category in board_types(data, y.meetings):
        own = [p for p in y.problems if y.meeting(p).category is category]
        count = y.count(category)  # held meetings only (KURALLAR §5)
        merged_districts = category is not Category.DISTRICT_BOARD or y.districts is None or y.districts.merged
        title = CATEGORY_NAME[category] + (f" ({count} toplantı, {len(own)} sorun)" if merged_districts else "")
        f.spanned([(None, 1), (title, NCOLS - 1)], ["text", "label"], keep_next=3 * LINE_HEIGHT)
        if category is Category.DISTRICT_BOARD:
            _district_note(f, y, year)
        if not merged_districts:
            if not (y.districts and y.districts.not_merged):
                f.note(f"İlçe göç koordinasyon kurullarının {year} yılı kayıtları bu rapora girmemiştir.")
            continue
        if not count:
            f.note(f"{year} yılında {CATEGORY_NAME[category]} toplantısı yapılmamıştır.")
            continue
        if not own:
            f.note(f"{year} yılında {CATEGORY_NAME[category]} toplantılarında sorun tespit edilmemiştir.")
            continue
        f.table_rows(
            PROBLEM_HEADERS,
            PROBLEM_SPANS,
            [
                (p["Sorun No"], p["Alan"], p["Tespit Edilen Sorun"], p["Çözüm Önerisi"], y.meeting(p).label, p["Durum"])
                for p in own
            ],
            ["text"] * len(PROBLEM_SPANS),
        )


# --- item 3 --------------------------------------------------------------------------------------

DECISION_SPANS = (1, 1, 1, 1, 1, 1)
DECISION_HEADERS = ("Karar No", "Toplantı", "Alınan Karar", "Sonuç (Değerlendirme)", "Durum", "Yaşanan Sıkıntılar")


def _item_3(f: _Form, year: int, y: YearRows) -> None:
    f.heading(3, ITEM_3, NOTE_3)
    decisions = y.decisions
    if not decisions:
        f.note(f"{year} yılında kurullarda alınan karar kayıtlı değil.")
        return
    counts = Counter(d["Durum"] for d in decisions)
    parts = [f"{counts[s]} {s.lower()}" for s in rules.DECISION_STATUSES if counts[s]]
    if counts[None]:
        parts.append(f"{counts[None]} kararın durumu yazılmamış")
    district = sum(isinstance(d, DistrictRecord) for d in decisions)
    where = f" ({len(decisions) - district} il, {district} ilçe kurullarında)" if district else ""
    f.note(f"{year} yılında kurullarda {len(decisions)} karar alındı{where}: {', '.join(parts)}.")
    f.table_rows(
        DECISION_HEADERS,
        DECISION_SPANS,
        [
            (
                d["Karar No"],
                y.meeting(d).label,
                d["Alınan Karar"],
                d["Değerlendirme"],
                d["Durum"],
                d["Uygulanamama Sebebi"],
            )
            for d in decisions
        ],
        ["text"] * len(DECISION_SPANS),
    )


# --- item 4 --------------------------------------------------------------------------------------

UNRESOLVED_SPANS = (1, 1, 1, 1, 2)  # the problem's status (one word) over E–F
UNRESOLVED_HEADERS = ("Sorun No", "Alan", "Sorun", "Alınan Kararlar (durumu)", "Sorunun Durumu")
NOT_DONE_SPANS = (1, 1, 1, 1, 1, 1)
NOT_DONE_HEADERS = (
    "Karar No",
    "Toplantı",
    "Alınan Karar",
    "Uygulanamama Sebebi",
    "Verilen Süre",
    "Sorumlu Kurum ve Kuruluşlar",
)


def _institutions(value: object) -> str | None:
    return "; ".join(map(str, value)) if isinstance(value, list) else value  # type: ignore[return-value]


def _item_4(f: _Form, year: int, y: YearRows) -> None:
    f.heading(4, ITEM_4)
    f.spanned(
        [(None, 1), ("a) Karar alınmasına rağmen çözülemeyen sorunlar", NCOLS - 1)],
        ["text", "label"],
        keep_next=3 * LINE_HEIGHT,
    )
    if y.unresolved:
        rows = []
        for p in y.unresolved:
            taken = "\n".join(
                f"Karar {_number(d, 'Karar No')} ({d['Durum'] or 'durumu yazılmamış'})" for d in y.decisions_on(p)
            )
            number = _number(p, "Sorun No")
            if isinstance(p, DistrictRecord):
                number = f"{p.district} {number}"
            rows.append((number, p["Alan"], p["Tespit Edilen Sorun"], taken, p["Durum"]))
        f.table_rows(UNRESOLVED_HEADERS, UNRESOLVED_SPANS, rows, ["text"] * len(UNRESOLVED_SPANS), autofit=True)
    else:
        f.note(f"{year} yılında karar alınmasına rağmen çözülemeyen sorun kayıtlı değil.")

    not_done = [d for d in y.decisions if d["Durum"] == rules.DECISION_NOT_IMPLEMENTED]
    f.spanned(
        [(None, 1), ("b) Uygulanamayan kararlar ve sebepleri", NCOLS - 1)], ["text", "label"], keep_next=3 * LINE_HEIGHT
    )
    if not_done:
        f.table_rows(
            NOT_DONE_HEADERS,
            NOT_DONE_SPANS,
            [
                (
                    d["Karar No"],
                    y.meeting(d).label,
                    d["Alınan Karar"],
                    d["Uygulanamama Sebebi"] or "Sebep yazılmamış.",
                    d["Verilen Süre"],
                    _institutions(d["Sorumlu Kurum ve Kuruluşlar"]),
                )
                for d in not_done
            ],
            ["text", "text", "text", "text", "date", "text"],
        )
    else:
        f.note(f"{year} yılında uygulanamayan karar kayıtlı değil.")


# --- items 5 and 6 --------------------------------------------------------------------------------

# Lines left for the office's own words when items 5–6 were not written in the book: the report is signed as
# printed, so an empty item gets room to write by hand, never a note to the software's user (KURALLAR §5; `kontrol`
# reports the missing text, checks.annual_report_text).
BLANK_LINES = 4


def _user_item(f: _Form, data: WorkbookData, year: int, number: int, label: str, note: str | None, column: str) -> None:
    f.heading(number, label, note)
    text = user_text(data, year, column)
    if text:
        f.text_rows(text)
    else:
        f.spanned([(None, 1), (None, NCOLS - 1)], ["text", "text"], min_lines=BLANK_LINES)


# --- item 7 --------------------------------------------------------------------------------------


def _item_7(f: _Form, data: WorkbookData, year: int) -> None:
    with f.together():  # the prepared-by / approved-by block and its signature lines print on one page
        _signatures(f, data, year)


def _signatures(f: _Form, data: WorkbookData, year: int) -> None:
    left, right = 2, NCOLS - 3  # HAZIRLAYAN over columns B–C, ONAYLAYAN over D–F
    f.spanned([("7", 1), (PREPARED_BY, left), (APPROVED_BY, right)], ["label", "label", "label"])
    f.spanned([(None, 1), (PREPARED_BY_BODY, left), (APPROVED_BY_BODY, right)], ["text", "italic", "italic"])
    preparer = active_member(data, role=rules.ROLE_MEMBER, institution=MIGRATION_OFFICE)
    chair = active_member(data, role=rules.ROLE_CHAIR)

    def field(person: Record | None, column: str) -> str:
        return (person[column] or "") if person is not None else ""

    f.spanned(
        [
            (None, 1),
            (f"Ad Soyad: {field(preparer, 'Ad Soyad')}".rstrip(), left),
            (f"Kurul Başkanı: {field(chair, 'Ad Soyad')}".rstrip(), right),
        ],
        ["text", "text", "text"],
    )
    f.spanned(
        [
            (None, 1),
            (f"Unvan: {field(preparer, 'Unvan')}".rstrip(), left),
            (f"Unvan: {field(chair, 'Unvan')}".rstrip(), right),
        ],
        ["text", "text", "text"],
    )
    f.spanned(
        [
            (None, 1),
            ("Tarih: ..../..../........", left),
            (f"Onay: {year + 1} yılının ilk kurulu, tarih: ..../..../........", right),
        ],
        ["text", "text", "text"],
    )
    f.spanned([(None, 1), ("İmza:", left), ("İmza:", right)], ["signature", "signature", "signature"], min_lines=4)


# --- the sheet -----------------------------------------------------------------------------------


def annual_report_sheet(data: WorkbookData, year: int, *, paginate: bool = True) -> SheetSpec:
    """The `Ek-3 <YIL>` sheet: the Yıllık Değerlendirme Raporu Formu of `year`, print-ready on A4 (`paginate`:
    formsheet's module docstring)."""
    f = _Form(sheet_name(PREFIX, str(year)), WIDTHS, title_rows=(1, 2), paginate=paginate)
    f.line(f"{year} YILI", "title")
    f.line(HEADING, "subtitle")
    f.spec.row_heights[1] = 22.0
    f.spec.row_heights[2] = 20.0
    f.blank()
    y = YearRows(data, year)
    f.cell(1, "1", "label")
    f.cell(2, ITEM_1, "label", span=2)
    f.cell(4, place_name(data) or None, "text", span=NCOLS - 3)
    f.row += 1
    _item_2(f, data, year, y)
    _item_3(f, year, y)
    _item_4(f, year, y)
    _user_item(f, data, year, 5, ITEM_5, None, COL_SUPPORT)
    _user_item(f, data, year, 6, ITEM_6, NOTE_6, COL_CONCLUSION)
    _item_7(f, data, year)
    spec = f.finish()
    spec.tab_color = "7030A0"
    return spec
