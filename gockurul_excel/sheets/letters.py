"""The secretariat's official letters: the invitation (`Davet`, M11(3)–(4)) and the cover letter that sends
the signed minutes (`Tebliğ`, M12(2), M12(4)–(6)).

A letter is built once as data (`Letter`) in the layout of the Resmî Yazışmalarda Uygulanacak Usul ve Esaslar
Hakkında Yönetmelik: a centred header (T.C., the authority, the unit), Sayı with the date on the same line,
Konu, the addressee, justified paragraphs that cite the circular in words, the signature block on the right
with the signer's name and title, Ek, Dağıtım (Gereği / Bilgi, never the sender) and the office's contact
lines at the foot. `letter_sheet` lays it out as a print-ready sheet; `letter_docx` (sheets/docx.py) as a Word
document. What the office must remember (the notification deadline, an empty distribution) is written beside
the letter, outside its print area, never in it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import contract, rules
from ..core.meetings import Meeting, active_member, before_day, decisions
from ..core.model import WorkbookData
from ..core.text import (
    CIRCULAR_NAME,
    DATIVE,
    DAY_NAMES,
    GENITIVE,
    cite,
    inflect,
    ordinal,
    ordinal_word,
    signature_name,
    tr_date,
    tr_time,
    upper_tr,
)
from ..core.workdays import WorkCalendar, deadline
from ..rules import CATEGORY_NAME
from ..sheetspec import Block, SheetSpec
from .formsheet import FormBuilder, sheet_name

Category = rules.MeetingCategory

ADDRESSEE = "DAĞITIM YERLERİNE"
CIRCULAR_OWNER = "İçişleri Bakanlığının"
MIGRATION_OFFICE = "İl Göç İdaresi Müdürlüğü"
DISTRICT_MIGRATION_OFFICE = "İlçe Göç İdaresi Müdürlüğü"
# Paragraphs start 1.25 cm in (Yönetmelik); a cell has no first-line indent, so non-breaking spaces make it.
INDENT = "\u00a0" * 10
# A4 with 1.5 cm on every side (Yönetmelik: yazı alanı); label, label, text, the signature's column on the right.
# Columns A–C and D are the two halves of a long distribution list.
WIDTHS = [14.0, 14.0, 20.0, 48.0]
MARGINS_CM = (1.5, 1.5, 1.5, 1.5)
NOTE_COLUMN = 6  # F: one empty column between the letter and the notes
FOOTER_LIMIT = 255  # Excel's limit for a page footer's code
ARIAL_CHARS_PER_WIDTH = 0.92  # Arial 11 is wider than the workbook's Calibri 11
SIGNATURE_SPACE_ROWS = 3  # blank lines above the signer's name for the wet signature (2–4 in the Yönetmelik)


COLUMN_AFTER = 8  # a distribution list longer than this is laid in two columns, so a board's letter keeps one page


@dataclass
class Letter:
    sheet: str
    authority: str  # "GAZİANTEP VALİLİĞİ"
    unit: str | None  # "İl Göç İdaresi Müdürlüğü"
    subject: str
    paragraphs: list[str]
    closing: str
    signer: str
    signer_title: list[str]
    attachments: list[str]
    action: list[str]  # Dağıtım — Gereği
    info: list[str] = field(default_factory=list)  # Dağıtım — Bilgi
    details: list[tuple[str, str]] = field(default_factory=list)  # after the first paragraph: Tarih, Saat, Yer
    date: dt.date | None = None  # the day it is signed; None: left for the signer (or the document system)
    year: int | None = None
    number: str = ""  # Sayı: given by the document system
    addressee: str = ADDRESSEE
    contact: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for the office, on screen only

    @property
    def date_text(self) -> str:
        return tr_date(self.date) if self.date else f"..../..../{self.year or '....'}"

    @property
    def all_paragraphs(self) -> list[str]:
        return [*self.paragraphs, self.closing]

    def printed_text(self) -> str:
        """Every printed word, in reading order (tests and the e-mail body read it)."""
        lines = [
            "T.C.",
            self.authority,
            *([self.unit] if self.unit else []),
            f"Sayı : {self.number}",
            f"Tarih : {self.date_text}",
            f"Konu : {self.subject}",
            self.addressee,
            self.paragraphs[0],
            *(f"{k} : {v}" for k, v in self.details),
            *self.paragraphs[1:],
            self.closing,
            self.signer,
            *self.signer_title,
            *self.attachment_lines(),
            "Dağıtım:",
            *(x for title, names in distribution_parts(self) for x in ([title] if title else []) + names),
            *self.contact,
        ]
        return "\n".join(lines)

    def attachment_lines(self) -> list[str]:
        if len(self.attachments) == 1:
            return [f"Ek : {self.attachments[0]}"]
        return ["Ekler :", *(f"{i}- {a}" for i, a in enumerate(self.attachments, start=1))]


def distribution_parts(letter: Letter) -> list[tuple[str | None, list[str]]]:
    """Gereği, then Bilgi, each under its heading; a letter with only Gereği lists it without a heading. Each
    recipient is written as it is addressed, in the dative ("İl Milli Eğitim Müdürlüğüne", "İçişleri Bakanlığına
    (Göç İdaresi Başkanlığı)", "Gaziantep Valiliğine (İl Göç İdaresi Müdürlüğü)")."""

    def addressed(names: list[str]) -> list[str]:
        return [inflect(name, DATIVE) for name in names]

    if letter.info:
        return [("Gereği:", addressed(letter.action)), ("Bilgi:", addressed(letter.info))]
    return [(None, addressed(letter.action))]


def columns(names: list[str]) -> list[tuple[str, str | None]]:
    """Rows of a distribution list: one name a row, or two when it is long (read down the left column first)."""
    if len(names) <= COLUMN_AFTER:
        return [(name, None) for name in names]
    half = (len(names) + 1) // 2
    return [(names[i], names[i + half] if i + half < len(names) else None) for i in range(half)]


# --- who writes, who signs, who receives -------------------------------------------------------------


def _sender(data: WorkbookData) -> tuple[str, str | None, tuple[str, ...]]:
    """(authority, unit, names of the sender as a member institution) — M11(1)–(3): the İl Göç İdaresi
    Müdürlüğü for the province; in a district its own office where there is one, else the kaymakamlık."""
    if data.board_kind is rules.BoardKind.DISTRICT:
        district = data.setting(contract.S_DISTRICT) or ""
        own_office = data.setting(rules.SETTING_DISTRICT_MIGRATION_OFFICE) == "Evet"
        names = ("Kaymakamlık", "Kaymakamlığı", *((DISTRICT_MIGRATION_OFFICE,) if own_office else ()))
        return f"{upper_tr(district)} KAYMAKAMLIĞI", DISTRICT_MIGRATION_OFFICE if own_office else None, names
    province = data.setting(contract.S_PROVINCE) or ""
    return f"{upper_tr(province)} VALİLİĞİ", MIGRATION_OFFICE, ("Valilik", "Valiliği", MIGRATION_OFFICE)


def _is_sender(institution: str, data: WorkbookData, sender_names: tuple[str, ...]) -> bool:
    low = contract.turkish_lower(institution)
    if data.board_kind is rules.BoardKind.DISTRICT:
        district = contract.turkish_lower(data.setting(contract.S_DISTRICT) or "")
        # "Kaymakamlık" or "Nizip Kaymakamlığı" is the sender, another district's kaymakamlık is not
        if "kaymakamlı" in low and (low in ("kaymakamlık", "kaymakamlığı") or (district and district in low)):
            return True
        return any(low == contract.turkish_lower(n) for n in sender_names if "aymakam" not in n)
    if "valilik" in low or low.endswith("valiliği"):
        return True
    return any(low == contract.turkish_lower(n) for n in sender_names)


def _recipient_name(institution: str, data: WorkbookData) -> str:
    """A district letter names the province's migration office with its authority; the Presidency is written to
    through its Ministry: "İçişleri Bakanlığı (Göç İdaresi Başkanlığı)"."""
    low = contract.turkish_lower(institution)
    if data.board_kind is rules.BoardKind.DISTRICT and low == contract.turkish_lower(MIGRATION_OFFICE):
        return f"{data.setting(contract.S_PROVINCE) or ''} Valiliği ({MIGRATION_OFFICE})".strip()
    if any(name in low for name in rules.PRESIDENCY_NAMES):
        return rules.PRESIDENCY_ADDRESS
    return institution


def is_superior(recipient: str, data: WorkbookData) -> bool:
    """A recipient above the sender (KURALLAR §5): the Ministry (the Presidency) for every letter; the Valilik
    and its units for a kaymakamlık's letter."""
    low = contract.turkish_lower(recipient)
    if any(name in low for name in rules.PRESIDENCY_NAMES):
        return True
    return data.board_kind is rules.BoardKind.DISTRICT and "valili" in low


def closing_formula(data: WorkbookData, recipients: list[str]) -> str:
    """ "arz ve rica ederim" when a superior is among the recipients, else "rica ederim"."""
    superior = any(is_superior(r, data) for r in recipients)
    return rules.CLOSING_TO_SUPERIOR if superior else rules.CLOSING_TO_EQUALS


def distribution(data: WorkbookData, m: Meeting, *, minutes: bool = False) -> tuple[list[str], list[str]]:
    """(Gereği, Bilgi) of a meeting's letter, without the sender. An invitation asks the members and the invited
    bodies (M4(4), M9(1): they are asked to attend, KURALLAR §5) to act; the Presidency, whose staff may attend
    (M4(5)), is informed. The minutes go to the member institutions and to invited bodies made responsible by a
    decision (M12(2), M12(4)); a district's also to the İl Göç İdaresi Müdürlüğü (M12(5)), which takes part in
    every district board (M11(3))."""
    _, _, sender_names = _sender(data)
    members = [r for r in data.records("Üyeler") if r["Aktif"] != "Hayır" and r["Kurum"]]
    if m.category is Category.SUBCOMMISSION:
        wanted = (rules.ROLE_SUB_PRIMARY, rules.ROLE_SUB_SUBSTITUTE, rules.ROLE_SUB_CHAIR)
        action = [r["Kurum"] for r in members if r["Görev"] in wanted]
        info: list[str] = []
    else:
        board = [r for r in members if r["Görev"] in (rules.ROLE_CHAIR, rules.ROLE_MEMBER)]
        presidency = [r for r in board if r["Üyelik Türü"] == "Başkanlık Personeli"]
        action = [r["Kurum"] for r in board if r["Üyelik Türü"] == "Daimi"]
        action += [r["Kurum"] for r in board if r not in presidency and r["Üyelik Türü"] != "Daimi"]
        info = [r["Kurum"] for r in presidency]
        if minutes:
            responsible = [x for d in decisions(data, m) for x in (d["Sorumlu Kurum ve Kuruluşlar"] or [])]
            action += responsible
            info = []
        if m.category is Category.DISTRICT_BOARD:
            action.append(MIGRATION_OFFICE)
    action = [x for x in dict.fromkeys(action) if not _is_sender(x, data, sender_names)]
    info = [x for x in dict.fromkeys(info) if x not in action and not _is_sender(x, data, sender_names)]
    return [_recipient_name(x, data) for x in action], [_recipient_name(x, data) for x in info]


def _signer(data: WorkbookData, m: Meeting) -> tuple[str | None, list[str]]:
    """(name, title lines): for the sub-commission the İl Göç İdaresi Müdürü (M11(4)); for a board `Ayarlar`'s
    signer, else its chair. "Vali a. Vali Yardımcısı" prints on two lines, as the Yönetmelik writes it."""
    name, title = data.setting(contract.S_SIGNER), data.setting(contract.S_SIGNER_TITLE)
    office = active_member(data, role=rules.ROLE_MEMBER, institution=MIGRATION_OFFICE)
    if m.category is Category.SUBCOMMISSION and office is not None:
        name, title = None, None  # M11(4): the İl Göç İdaresi Müdürlüğü calls the sub-commission itself
    if not name:
        person = office if m.category is Category.SUBCOMMISSION else None
        person = person or active_member(data, role=rules.ROLE_CHAIR)
        if person is not None:
            name, title = person["Ad Soyad"], title or person["Unvan"]
    lines = []
    if title:
        head, sep, rest = str(title).partition(" a. ")
        lines = [f"{head} a.", rest.strip()] if sep and rest.strip() else [str(title).strip()]
    return (signature_name(name) if name else None), lines


def _contact(data: WorkbookData) -> list[str]:
    address = data.setting(contract.S_ADDRESS)
    parts = [
        f"{label}: {value}"
        for label, value in (
            ("Telefon", data.setting(contract.S_PHONE)),
            ("E-posta", data.setting(contract.S_EMAIL)),
            ("KEP", data.setting(contract.S_KEP)),
        )
        if value
    ]
    return ([f"Adres: {address}"] if address else []) + (["  ".join(parts)] if parts else [])


def _common_notes(data: WorkbookData, letter: Letter) -> None:
    if not letter.action:
        letter.notes.append(
            "Dağıtım listesi boş: 'Üyeler' sayfasında bu toplantının üyelerini (Kurum, Görev, "
            "Aktif) yazın ve yazıyı yeniden üretin."
        )
    if letter.signer == PLACEHOLDER_SIGNER:
        letter.notes.append(
            f"İmzalayan belli değil: 'Ayarlar' sayfasına '{contract.S_SIGNER}' ve "
            f"'{contract.S_SIGNER_TITLE}' yazın (ya da 'Üyeler'e Kurul Başkanını)."
        )
    if not letter.contact:
        letter.notes.append(
            f"İletişim bilgileri yok: 'Ayarlar' sayfasına '{contract.S_ADDRESS}', "
            f"'{contract.S_PHONE}', '{contract.S_EMAIL}' ve '{contract.S_KEP}' yazın."
        )


PLACEHOLDER_SIGNER = "Ad SOYAD"
# Notes that say a letter cannot go out as it is: the command's message repeats them.
LETTER_WARNINGS = ("Dağıtım listesi boş", "İmzalayan belli değil")


def _first_citation(data: WorkbookData, article: str) -> str:
    """The circular named in full, with its date and number (`Ayarlar`), and the article: the first mention in a
    letter ("İçişleri Bakanlığının … tarihli ve … sayılı İl ve İlçe … Hakkında Genelgenin 11 inci maddesinin …")."""
    reference = str(data.setting(contract.S_CIRCULAR_REFERENCE) or "").strip()
    named = " ".join(x for x in (CIRCULAR_OWNER, reference, inflect(CIRCULAR_NAME, GENITIVE)) if x)
    return cite(article).replace("Genelgenin", named, 1)


def _meeting_kind(m: Meeting) -> str:
    return "ek" if m.record["Tür"] == "Ek" else "olağan"


def _base(
    data: WorkbookData,
    m: Meeting,
    sheet: str,
    subject: str,
    paragraphs: list[str],
    closing: str,
    attachments: list[str],
    *,
    minutes: bool,
) -> Letter:
    """`closing` is the last paragraph up to its formula, which follows the distribution's hierarchy."""
    authority, unit, _ = _sender(data)
    name, title = _signer(data, m)
    action, info = distribution(data, m, minutes=minutes)
    closing = f"{closing} {closing_formula(data, action + info)}."
    year = m.date.year if m.date else data.setting(contract.S_YEAR)
    letter = Letter(
        sheet,
        authority,
        unit,
        subject,
        paragraphs,
        closing,
        name or PLACEHOLDER_SIGNER,
        title or ["Unvan"],
        attachments,
        action,
        info,
        year=year if isinstance(year, int) else None,
        contact=_contact(data),
    )
    _common_notes(data, letter)
    if not data.setting(contract.S_CIRCULAR_REFERENCE):
        letter.notes.append(
            f"Genelgenin tarihi ve sayısı yazıda yok: 'Ayarlar' sayfasına "
            f"'{contract.S_CIRCULAR_REFERENCE}' yazın (ör. 'GG.AA.2023 tarihli ve … sayılı')."
        )
    return letter


def invitation_letter(data: WorkbookData, m: Meeting, cal: WorkCalendar) -> Letter:
    """The invitation: day, place and time, notified at least 5 (sub-commission: 3) days before (M11(3), M11(4))."""
    rule = next(r for r in rules.MEETING_DEADLINES if r.kind == "bildirim" and m.category in r.categories)
    name = CATEGORY_NAME[m.category]
    if m.category is Category.SUBCOMMISSION:
        first = (
            f"{_first_citation(data, rule.articles)} uyarınca, Alt Komisyonun {_meeting_kind(m)} toplantısı "
            f"{MIGRATION_OFFICE}nce belirlenen aşağıdaki gün, saat ve yerde yapılacaktır."
        )
        closing = (
            "Toplantı gündemi ekte gönderilmiştir. Toplantıya kurumunuzun Alt Komisyon asil üyesinin, "
            "mazereti hâlinde yedek üyesinin katılımı hususunda bilgilerinizi ve gereğini"
        )
    else:
        first = (
            f"{_first_citation(data, rule.articles)} uyarınca, {inflect(name, GENITIVE)} {_meeting_kind(m)} "
            "toplantısı Kurul "
            "Başkanınca belirlenen aşağıdaki gün, saat ve yerde yapılacaktır."
        )
        closing = (
            f"Toplantı gündemi ekte gönderilmiştir. {cite('M9(2)')} uyarınca kurul üyeleri yerlerine "
            "başkasını görevlendiremeyeceğinden, toplantıya kurumunuzu temsilen kurul üyesinin, görevinden "
            "geçici veya sürekli olarak ayrılmış olması hâlinde usulüne uygun olarak atanmış vekilinin "
            "katılımı hususunda bilgilerinizi ve gereğini"
        )
    letter = _base(
        data,
        m,
        sheet_name(contract.INVITATION_PREFIX, m.no),
        f"{name} Toplantısı",
        [first],
        closing,
        ["Toplantı Gündemi"],
        minutes=False,
    )
    time = m.record["Saat"]
    letter.details = [
        ("Tarih", f"{tr_date(m.date)} {DAY_NAMES[m.date.weekday()]}" if m.date else "belirlenecek"),
        ("Saat", tr_time(time) if time else "belirlenecek"),
        ("Yer", m.record["Yer"] or "belirlenecek"),
    ]
    if m.date:
        due = deadline(cal, before_day(m.record, m.date), rule)
        letter.notes.insert(
            0,
            f"Bu yazı {'Alt Komisyon' if m.category is Category.SUBCOMMISSION else 'kurul'} "
            f"üyelerine en geç {tr_date(due)} tarihinde bildirilmelidir "
            f"({rule.articles}: toplantıdan en az {rule.days} gün önce).",
        )
    else:
        letter.notes.insert(0, "Toplantının tarihi yok: 'Toplantılar' sayfasına Planlanan Tarih yazın.")
    return letter


def notice_letter(data: WorkbookData, m: Meeting, cal: WorkCalendar) -> Letter:
    """The cover letter of the signed minutes, within 15 days (M12(2), M12(4)); a district's also to the
    İl Göç İdaresi Müdürlüğü (M12(5)). The sub-commission's report is kept and entered in the platform by the
    İl Göç İdaresi Müdürlüğü (M12(6)): its letter informs the member institutions."""
    rule = next((r for r in rules.MEETING_DEADLINES if r.kind == "tutanak_teblig" and m.category in r.categories), None)
    held = f"{tr_date(m.date)} tarihinde yapılan" if m.date else "Yapılan"
    _, unit, _ = _sender(data)
    if m.category is Category.SUBCOMMISSION:
        subject = "Alt Komisyon Toplantı Raporu"
        paragraphs = [
            f"{held} Alt Komisyon toplantısının çıktılarının işlendiği rapor formunun (Ek-1) ve "
            "katılımcı listesinin (Ek-2) birer örneği bilgi için ekte gönderilmiştir. Bu çıktılar "
            f"{_first_citation(data, 'M12(6)')} uyarınca {MIGRATION_OFFICE}nce muhafaza edilmekte ve dijital "
            f"platforma girilmekte; {ordinal(10)} maddesinin {ordinal_word(3)} fıkrası uyarınca kurul "
            "gündemine sunulmaktadır."
        ]
        closing = "Rapor formunda kurumunuzun sorumlu olarak yer aldığı hususların takibi hususunda bilgilerinizi"
        attachments = ["Alt Komisyon Toplantı Raporu (Rapor Formu, Ek-1)", "Katılımcı Listesi (Ek-2)"]
    else:
        article = "M12(2)" if m.category is Category.PROVINCE_BOARD else "M12(4)"
        name = CATEGORY_NAME[m.category]
        paragraphs = [
            f"{held} {name} toplantısında alınan kararların yer aldığı, kurul başkanı ve üyelerince "
            "imzalanarak onaylanan toplantı tutanağının (Rapor Formu, Ek-1) ve katılımcı listesinin (Ek-2) "
            f"birer örneği, {_first_citation(data, article)} uyarınca ekte gönderilmiştir."
        ]
        reporter = "Müdürlüğümüz" if unit else "Kaymakamlığımız"
        closing = (
            "Tutanakta kurumunuzun sorumlu kurum ve kuruluşlar arasında yer aldığı kararların verilen süreler "
            f"içinde uygulanması ve uygulama sonuçlarının {inflect(reporter, DATIVE)} bildirilmesi hususunda "
            "bilgilerinizi ve gereğini"
        )
        subject = f"{name} Toplantı Tutanağı"
        attachments = ["Toplantı Tutanağı (Rapor Formu, Ek-1)", "Katılımcı Listesi (Ek-2)"]
    letter = _base(
        data, m, sheet_name(contract.NOTICE_PREFIX, m.no), subject, paragraphs, closing, attachments, minutes=True
    )
    letter.date = m.record["Tutanak Tebliğ Tarihi"]
    if not m.held:
        letter.notes.insert(
            0,
            "Toplantı henüz yapılmamış ('Gerçekleşen Tarih' boş): tebliğ yazısı tutanak "
            "imzalandıktan sonra gönderilir.",
        )
    elif rule is not None:
        due = deadline(cal, m.date, rule)
        letter.notes.insert(
            0,
            f"Tutanak kurulu takiben {rule.days} gün içinde, en geç {tr_date(due)} tarihinde "
            f"resmî yazı ile tebliğ edilmelidir ({rule.articles}).",
        )
    return letter


# --- the sheet ----------------------------------------------------------------------------------------


def letter_sheet(letter: Letter, *, paginate: bool = True) -> SheetSpec:
    """The letter on A4 portrait, one page wide; the office's notes beside it, outside the print area."""
    f = FormBuilder(
        letter.sheet, WIDTHS, chars_per_width=ARIAL_CHARS_PER_WIDTH, margins_cm=MARGINS_CM, paginate=paginate
    )
    for text in ("T.C.", letter.authority, letter.unit):
        if text:
            f.cell(1, text, "letter_head", span=f.ncols)
            f.row += 1
    f.blank(2)
    f.cell(1, "Sayı :", "letter_bold")
    f.cell(2, letter.number or None, "letter", span=2)
    f.cell(4, f"Tarih : {letter.date_text}", "letter_right")
    f.row += 1
    f.cell(1, "Konu :", "letter_bold")
    f.cell(2, letter.subject, "letter", span=3)
    f.row += 1
    f.blank(2)
    f.cell(1, letter.addressee, "letter_head", span=f.ncols)
    f.row += 2
    body = f.ncols

    def paragraph(text: str) -> None:
        f.need(f.height_of(INDENT + text, sum(WIDTHS)))
        f.cell(1, INDENT + text, "letter_body", span=body)
        f.row += 1

    paragraph(letter.paragraphs[0])
    if letter.details:
        for label, value in letter.details:
            f.cell(2, label, "letter_bold")
            f.cell(3, f": {value}", "letter", span=2)
            f.row += 1
    for text in letter.paragraphs[1:]:
        paragraph(text)
    paragraph(letter.closing)
    with f.together():  # the signature block and the attachments never part from each other
        f.blank(SIGNATURE_SPACE_ROWS)
        f.cell(4, letter.signer, "letter_center")
        f.row += 1
        for line in letter.signer_title:
            f.cell(4, line, "letter_center")
            f.row += 1
        f.blank()
        lines = letter.attachment_lines()
        f.cell(1, lines[0].split(" :")[0] + " :", "letter_bold")
        if len(lines) == 1:
            f.cell(2, lines[0].split(" : ", 1)[1], "letter", span=3)
            f.row += 1
        else:
            f.row += 1
            for line in lines[1:]:
                f.cell(1, line, "letter", span=f.ncols)
                f.row += 1
    f.blank()
    f.need(f.height_of("Dağıtım:", 20) * 3)
    f.cell(1, "Dağıtım:", "letter_bold", span=3)
    f.row += 1
    for title, names in distribution_parts(letter):
        if title:
            f.cell(1, title, "letter_bold", span=3)
            f.row += 1
        rows = columns(names)
        two = any(right is not None for _, right in rows)
        for left, right in rows:
            if two:
                f.need(f.row_height([(left, 3), (right, 1)]))
                f.cell(1, left, "letter", span=3)
                f.cell(4, right, "letter")
            else:  # one name a line, over the whole width
                f.need(f.row_height([(left, f.ncols)]))
                f.cell(1, left, "letter", span=f.ncols)
            f.row += 1
    contact = "\n".join(letter.contact)
    if contact and len(contact) + len(f.spec.print_setup.footer) + 8 > FOOTER_LIMIT:
        # too long for a page footer: the contact lines close the letter instead
        f.blank()
        for line in letter.contact:
            f.cell(1, line, "letter_small", span=f.ncols)
            f.row += 1
    else:
        f.spec.print_setup.footer_left = contact
        f.spec.print_setup.footer_right = True
    spec = f.finish()
    _notes(spec, letter.notes)
    spec.tab_color = "A5A5A5"
    return spec


def _notes(spec: SheetSpec, notes: list[str]) -> None:
    """One line each, unwrapped (it runs on to the right on screen without changing the letter's rows)."""
    if notes:
        spec.blocks.append(Block(1, NOTE_COLUMN, [["Büronun notu (yazdırılmaz)"], *([n] for n in notes)], style="note"))
