"""One function per command and per Excel button: workbook data and arguments in, an `Outcome` out.

An outcome is what to write (sheet specs), the one Turkish message the user sees, the exit code and the
payload a caller needs (findings, the schedule, platform files...). A command never touches a file or
Excel: the CLI (operations.py, through files/) and the buttons (makro.py, through live/) read the workbook
with a `Backend`, call the same command and give its specs back to the same backend. So the year check,
the summaries and the messages exist once, here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from . import contract, rules
from .core.meetings import Meeting, find_meeting, is_first_board_of_year, meeting_day, place_name
from .core.model import WorkbookData
from .core.text import tr_date, upper_tr
from .errors import EXIT_FINDINGS, EXIT_OK, GocKurulError
from .findings import ERROR, summary
from .rules import CATEGORY_NAME
from .sheetspec import SheetSpec, sheet_key

if TYPE_CHECKING:
    from .core.events import Schedule
    from .core.merge import Incoming, Unusable
    from .sheets.invitations import Invitation

# Each command imports the sheet and document builders it uses when it runs: a button press (and a cold
# xlwings Lite or server worker) loads only what its command needs, not python-docx, e-mail and the platform.


class Backend(Protocol):
    """Where a workbook is read from and its generated sheets go: a file (files/) or a live book (live/)."""

    # Whether the sheets it writes are laid out in printed pages (headings repeated at the breaks, row breaks):
    # True for a file and desktop Excel, False where our page breaks cannot reach paper (an Office.js client).
    # The caller passes it to the commands' `paginate` (sheets/formsheet.py's module docstring).
    paginates: bool

    def read(self) -> WorkbookData: ...

    def write(self, specs: list[SheetSpec]) -> Any: ...


@dataclass
class Outcome:
    specs: list[SheetSpec] = field(default_factory=list)
    message: str = ""  # Turkish, one paragraph: what the button shows and the CLI prints
    exit_code: int = EXIT_OK
    payload: Any = None

    @property
    def sheet_names(self) -> list[str]:
        return [s.name for s in self.specs]


def sheets_text(names: list[str]) -> str:
    """ "'Ek-1 3' sayfası" or "'Gündem 3', 'Davet 3' ve 'Tebliğ 3' sayfaları"."""
    quoted = [f"'{n}'" for n in names]
    if len(quoted) == 1:
        return f"{quoted[0]} sayfası"
    return f"{', '.join(quoted[:-1])} ve {quoted[-1]} sayfaları"


def written(names: list[str]) -> str:
    return f"{sheets_text(names)} yazıldı." if names else "Yazılacak sayfa yok."


def workbook_year(data: WorkbookData, year: int | None = None, *, option: bool = True) -> int:
    """The year asked for, else the workbook's (`Ayarlar`): the one check every year-based command makes (`option`:
    the command has a --yil to mention)."""
    own = data.setting(contract.S_YEAR)
    if year is not None and isinstance(own, int) and year != own:
        # KURALLAR §7: a book holds one year; another year's report from it would be empty, not that year's
        raise GocKurulError(
            f"{year} yılı istendi ama bu kitap {own} yılının kitabı ('Ayarlar' sayfasındaki Yıl). "
            f"{year} yılı için o yılın kitabını kullanın ya da --yil vermeyin ({own} yılı). Hiçbir "
            "şey yazılmadı.",
            sheet=contract.SETTINGS_SHEET,
        )
    year = year if year is not None else own
    if not isinstance(year, int):
        hint = " (komut satırında --yil de verilebilir)" if option else ""
        raise GocKurulError(f"Yıl belirlenemedi: 'Ayarlar' sayfasına Yıl yazın{hint}.", sheet=contract.SETTINGS_SHEET)
    return year


# What each printing command reads: an unreadable cell there (a text date, a renamed header, merged cells, a
# missing sheet) stops it, for a signed form with a value silently missing is worse than no form. Only the sheets
# it reads: a typo in `Projeler` does not stop an attendance list.
ATTENDANCE_SHEETS = (contract.SETTINGS_SHEET, "Toplantılar", "Katılımcılar")
FORM_SHEETS = (contract.SETTINGS_SHEET, "Üyeler", "Toplantılar", "Gündem", "Sorunlar", "Kararlar", "Katılımcılar")
LETTER_SHEETS = (*FORM_SHEETS, "Tatiller")  # the letters state deadlines on working days
CALENDAR_SHEETS = (contract.SETTINGS_SHEET, "İlçeler", "Toplantılar", "Gündem", "Kararlar", "Projeler", "Tatiller")
ACTION_PLAN_SHEETS = (contract.SETTINGS_SHEET, "Üyeler", "Eylem Planı")
ALL_SHEETS = None  # every input sheet (the annual report draws on all of them)
_SHOWN = 10


def refuse_unreadable(data: WorkbookData, sheets: tuple[str, ...] | None, what: str) -> None:
    """Stop before anything is built when `sheets` (None: every input sheet) were not read whole."""
    wanted = None if sheets is None else set(sheets)
    problems = [
        (f.sheet, f.cell, f.message)
        for f in data.findings
        if f.level == ERROR and (wanted is None or f.sheet in wanted)
    ]
    if wanted is None or contract.SETTINGS_SHEET in wanted:
        problems += [
            (contract.SETTINGS_SHEET, s.cell, f"'{name}': {s.bad}") for name, s in data.settings.items() if s.bad
        ]
    for sheet in data.tables if wanted is None else [n for n in sheets if n in data.tables]:
        problems += [
            (sheet, r.cell(header), f"'{header}' okunamadı ({why}); hücrede '{r.raw.get(header)}' yazılı.")
            for r in data.records(sheet)
            if r.bad
            for header, why in r.bad.items()
        ]
    if not problems:
        return
    lines = [
        f"- '{sheet}' sayfası" + (f", {cell} hücresi" if cell else "") + f": {message}"
        for sheet, cell, message in problems[:_SHOWN]
    ]
    if len(problems) > _SHOWN:
        lines.append(f"- … ve {len(problems) - _SHOWN} sorun daha ('gockurul kontrol' hepsini gösterir).")
    raise GocKurulError(
        f"Kitap okunurken sorun bulundu; {what} üretilmedi ve kitaba bir şey yazılmadı. Eksik "
        "okunan bir değer çıktıda sessizce boş kalırdı; önce bunları düzeltin:\n" + "\n".join(lines)
    )


# --- kontrol, takvim -------------------------------------------------------------------------------------


def check(data: WorkbookData, today: dt.date, *, sheet: bool = True) -> Outcome:
    """Kontrol Et / `gockurul kontrol`: every check; the findings go to the `Kontrol` sheet (`sheet` False: the
    findings only, for `--json`, which writes nothing)."""
    from .core.checks import run_checks
    from .sheets.findings import findings_sheet

    findings = run_checks(data, today)
    counts = summary(findings)
    if findings:
        message = (
            f"Kontrol tamamlandı: {counts['hata']} hata, {counts['uyari']} uyarı. Ayrıntılar "
            f"'{contract.FINDINGS_SHEET}' sayfasında."
        )
    else:
        message = "Kontrol tamamlandı: sorun bulunmadı."
    return Outcome(
        [findings_sheet(findings, today)] if sheet else [],
        message,
        EXIT_FINDINGS if counts["hata"] else EXIT_OK,
        findings,
    )


@dataclass
class CalendarPayload:
    schedule: Schedule
    ics: bytes | None = None


def calendar(
    data: WorkbookData, today: dt.date, *, reminder_days: int | None = None, sheets: bool = True, paginate: bool = True
) -> Outcome:
    """Takvimi Hesapla / `gockurul takvim`: `Takvim`, `Pano` and, in a province workbook with merged district
    data, `İlçe İzleme` refreshed for `today`; with `reminder_days`, an iCalendar file as well (`sheets` False:
    the schedule only, for `--json`)."""
    from .core.events import OVERDUE
    from .core.schedule import build_schedule
    from .sheets.calendar import dashboard_sheet, schedule_sheet, to_ics
    from .sheets.merge import follow_up_spec_for

    workbook_year(data, option=False)
    refuse_unreadable(data, CALENDAR_SHEETS, "takvim")
    schedule = build_schedule(data, today)
    specs = []
    if sheets:
        specs = [schedule_sheet(schedule, data, paginate=paginate), dashboard_sheet(schedule, data)]
        follow_up = follow_up_spec_for(data, today)
        if follow_up is not None:
            specs.append(follow_up)
    late = sum(e.status == OVERDUE for e in schedule.events)
    ics = to_ics(schedule, data, reminder_days) if reminder_days is not None else None
    message = f"Takvim hesaplandı: {len(schedule.events)} olay, {late} geciken. {written([s.name for s in specs])}"
    return Outcome(specs, message, EXIT_OK, CalendarPayload(schedule, ics))


# --- forms of one meeting -----------------------------------------------------------------------------


def _meeting_forms(data: WorkbookData, meeting_no: str, specs: list[SheetSpec]) -> Outcome:
    return Outcome(specs, f"Toplantı {meeting_no}: {written([s.name for s in specs])}")


def minutes(data: WorkbookData, meeting_no: str, *, paginate: bool = True) -> Outcome:
    """Tutanak (Ek-1) / `gockurul tutanak`."""
    from .sheets.forms import minutes_sheet

    refuse_unreadable(data, FORM_SHEETS, "Ek-1 Rapor Formu")
    m = find_meeting(data, meeting_no)
    return _meeting_forms(data, meeting_no, [minutes_sheet(data, m, paginate=paginate)])


def attendance(data: WorkbookData, meeting_no: str, *, paginate: bool = True) -> Outcome:
    """Katılımcı Listesi (Ek-2) / `gockurul katilimci`."""
    from .sheets.forms import attendance_sheet

    refuse_unreadable(data, ATTENDANCE_SHEETS, "Ek-2 Katılımcı Listesi")
    m = find_meeting(data, meeting_no)
    return _meeting_forms(data, meeting_no, [attendance_sheet(data, m, paginate=paginate)])


def meeting_letters(data: WorkbookData, m: Meeting) -> list:
    """The invitation and, once the meeting is held (its `Gerçekleşen Tarih` entered), the cover letter of its
    signed minutes: a Tebliğ exists only for a held meeting (KURALLAR §5, M12(2))."""
    from .core.windows import build_calendar
    from .sheets.letters import invitation_letter, notice_letter

    cal = build_calendar(data)
    return [invitation_letter(data, m, cal), *([notice_letter(data, m, cal)] if m.held else [])]


def agenda_specs(data: WorkbookData, m: Meeting, *, paginate: bool = True) -> list[SheetSpec]:
    """Agenda, invitation, the minutes' cover letter (a held meeting's) and, at the year's first board, the
    sub-commission list."""
    from .sheets.forms import agenda_sheet, subcommission_list_sheet
    from .sheets.letters import letter_sheet

    specs = [
        agenda_sheet(data, m, paginate=paginate),
        *(letter_sheet(letter, paginate=paginate) for letter in meeting_letters(data, m)),
    ]
    if is_first_board_of_year(data, m) and m.category is rules.MeetingCategory.PROVINCE_BOARD:
        specs.append(subcommission_list_sheet(data, m.date.year, paginate=paginate))  # M5(8), M6(5): the province's
    return specs


def agenda(data: WorkbookData, meeting_no: str, *, documents: bool = True, paginate: bool = True) -> Outcome:
    """Gündem ve Davet / `gockurul gundem`; the letters also as Word documents (payload: file name -> bytes;
    `documents=False`: none, for the buttons, which show only the sheets), and their problems (an empty
    distribution, no signer) said in the message."""
    from .sheets.letters import LETTER_WARNINGS

    refuse_unreadable(data, LETTER_SHEETS, "gündem ve yazılar")
    m = find_meeting(data, meeting_no)
    outcome = _meeting_forms(data, meeting_no, agenda_specs(data, m, paginate=paginate))
    letters = meeting_letters(data, m)
    if not m.held:
        outcome.message += (
            " Tebliğ yazısı yazılmadı: toplantı henüz yapılmamış ('Toplantılar' › 'Gerçekleşen "
            "Tarih' boş); tutanak imzalandıktan sonra yeniden üretin."
        )
    warnings = [
        f"'{letter.sheet}': {note}" for letter in letters for note in letter.notes if note.startswith(LETTER_WARNINGS)
    ]
    if warnings:
        outcome.message += " Uyarı: " + " ".join(warnings)
    if documents:  # python-docx and lxml: not in xlwings Lite
        from .sheets.letter_docx import letter_docx

        outcome.payload = {f"{letter.sheet}.docx": letter_docx(letter) for letter in letters}
    return outcome


@dataclass
class InvitationFiles:
    """What `davet` makes for one meeting: the parts of the e-mail draft and the calendar request."""

    invitation: Invitation
    attachments: dict[str, bytes]  # file name -> bytes (the letter and the agenda as Word documents)
    ics: bytes
    eml: bytes
    now: dt.datetime


def invitations(data: WorkbookData, meeting_no: str, now: dt.datetime, *, cancel: bool = False) -> Outcome:
    """Toplantı Daveti / `gockurul davet`: an e-mail draft to every member with an e-mail, with the letter and
    the agenda, and an iCalendar request (or cancellation) whose SEQUENCE follows `Davet Kayıtları`."""
    from .core.windows import build_calendar
    from .sheets.forms import agenda_items
    from .sheets.invitations import eml_draft, ics_request, log_sheet, plan_invitation
    from .sheets.letter_docx import agenda_docx, letter_docx
    from .sheets.letters import invitation_letter

    refuse_unreadable(data, LETTER_SHEETS, "davet")
    m = find_meeting(data, meeting_no)
    cal = build_calendar(data)
    letter = invitation_letter(data, m, cal)
    items = agenda_items(data, m)
    inv = plan_invitation(data, m, letter, items, cancel=cancel)
    agenda_title = f"{upper_tr(CATEGORY_NAME[m.category])} TOPLANTI GÜNDEMİ"
    day = tr_date(m.date) if m.date else ""
    subtitle = f"{place_name(data)} — {m.record['Yer'] or ''} — {day} (Toplantı No: {m.no})"
    attachments = (
        {}
        if cancel
        else {
            f"{letter.sheet}.docx": letter_docx(letter),
            f"Gündem {m.no}.docx": agenda_docx(agenda_title, subtitle, items),
        }
    )
    ics = ics_request(inv, now)
    eml = eml_draft(inv, attachments, ics, now)
    what = "iptal bildirimi" if cancel else "toplantı isteği"
    message = (
        f"Toplantı {m.no}: {len(inv.recipients)} üyeye e-posta taslağı ve takvim {what} hazırlandı "
        f"(SEQUENCE {inv.sequence}); program e-posta göndermez."
    )
    if inv.without_email:
        message += f" E-postası olmayan üyeler: {', '.join(inv.without_email)}."
    if not inv.organizer:
        message += f" 'Ayarlar'da '{contract.S_EMAIL}' yok: taslağın göndereni ve toplantının düzenleyeni boş."
    return Outcome([log_sheet(inv.log, now)], message, EXIT_OK, InvitationFiles(inv, attachments, ics, eml, now))


def district_mail(data: WorkbookData, *, paginate: bool = True) -> Outcome:
    """`gockurul gonder` / İl'e Gönder: the district's mail to the İl Göç İdaresi Müdürlüğü (M12(5)). The latest
    held meeting's Tebliğ and Ek-1 are (re)written as sheets, to be printed to PDF; the payload (`DistrictMail`)
    says to whom and what, for the backend that attaches the workbook and the PDFs."""
    from .core.windows import build_calendar
    from .sheets.district_mail import latest_held_meeting, plan_district_mail
    from .sheets.forms import minutes_sheet
    from .sheets.letters import letter_sheet, notice_letter

    if data.board_kind is not rules.BoardKind.DISTRICT:
        raise GocKurulError(
            "Bu bir il kurulu kitabı: il müdürlüğüne gönderim ilçe kurulu kitaplarından yapılır "
            "(il kurulu ilçe kitaplarını 'gockurul birlestir' ile alır).",
            sheet=contract.SETTINGS_SHEET,
        )
    refuse_unreadable(data, LETTER_SHEETS, "il müdürlüğüne gönderim")
    m = latest_held_meeting(data)
    if m is None:
        raise GocKurulError(
            "Gönderilecek tutanak yok: 'Toplantılar' sayfasında 'Gerçekleşen Tarih'i yazılı bir "
            "ilçe kurulu toplantısı bulunamadı.",
            sheet="Toplantılar",
        )
    notice = letter_sheet(notice_letter(data, m, build_calendar(data)), paginate=paginate)
    minutes = minutes_sheet(data, m, paginate=paginate)
    mail = plan_district_mail(data, notice.name, minutes.name, m)
    message = (
        f"Toplantı {m.no}: il müdürlüğüne ({mail.to}) e-posta taslağı hazırlandı; ekinde kitap, "
        f"'{notice.name}' ve '{minutes.name}' (PDF). Program e-posta göndermez."
    )
    return Outcome([notice, minutes], message, EXIT_OK, mail)


def year_forms(data: WorkbookData, year: int | None = None, *, paginate: bool = True) -> Outcome:
    """`gockurul formlar`: Ek-1 and Ek-2 of every meeting held or planned in the year, by date; the payload
    says why a meeting of the year was left out (its row cannot make a form, or its forms would take
    another's sheets)."""
    from .sheets.forms import attendance_sheet, minutes_sheet

    year = workbook_year(data, year)
    refuse_unreadable(data, FORM_SHEETS, "formlar")
    dated, skipped = [], []
    for r in data.records("Toplantılar"):
        if (day := meeting_day(r)) is None or day.year != year:
            continue
        if r["Toplantı No"] is None:  # never silently: the number may sit under a merged cell, or be unreadable
            why = r.bad.get("Toplantı No", "boş (birleştirilmiş bir hücrenin altında kalmış olabilir)")
            skipped.append(
                f"Toplantılar sayfası {r.row}. satır ({tr_date(day)}): Toplantı No {why}; bu "
                "toplantının formları üretilmedi. Her satıra Toplantı No'yu ayrı yazın."
            )
            continue
        dated.append((day, r.row, r["Toplantı No"]))
    dated.sort()
    specs = []
    numbers: set[str] = set()
    owners: dict[str, str] = {}  # sheet name as Excel compares it -> the meeting whose form it is
    for _day, row, number in dated:
        if number in numbers:
            skipped.append(
                f"Toplantılar sayfası {row}. satır: Toplantı No {number} başka bir satırda da var; "
                "formları bir kez üretildi."
            )
            continue
        numbers.add(number)
        try:
            m = find_meeting(data, number)
        except GocKurulError as exc:
            skipped.append(exc.full_message())
            continue
        pair = [minutes_sheet(data, m, paginate=paginate), attendance_sheet(data, m, paginate=paginate)]
        clash = next((owners[sheet_key(s.name)] for s in pair if sheet_key(s.name) in owners), None)
        if clash is not None:
            skipped.append(
                f"Toplantı {number}: formlarının sayfa adı ('{pair[0].name}') Toplantı {clash} ile "
                "aynı (sayfa adında / \\ : * ? [ ] yerine - yazılır, büyük-küçük harf ve ı/I/i/İ "
                "ayrılmaz); Toplantı No'yu değiştirin."
            )
            continue
        owners.update({sheet_key(s.name): number for s in pair})
        specs += pair
    if not specs:
        why = "".join(f"\n- {s}" for s in skipped)
        raise GocKurulError(
            f"{year} yılında form üretilecek toplantı yok: tarihi (gerçekleşen ya da planlanan) "
            f"yazılı ve formu yapılabilen bir toplantı bulunamadı.{why}",
            sheet="Toplantılar",
        )
    message = f"{len(specs) // 2} toplantının Ek-1 ve Ek-2 formu yazıldı ({len(specs)} sayfa)."
    return Outcome(specs, message, EXIT_OK, skipped)


# --- reports ------------------------------------------------------------------------------------------


def annual_report(data: WorkbookData, year: int | None = None, *, paginate: bool = True) -> Outcome:
    """Yıllık Rapor (Ek-3) / `gockurul yillik`: the report of `year` (default: the workbook's)."""
    from .core.annual import report_gaps
    from .sheets.annual_report import annual_report_sheet

    if data.board_kind is rules.BoardKind.DISTRICT:
        # M13(1)–(2): the report is the province's; the district's boards reach it through its workbook, merged
        # at the province (M12(5)). A district page titled Ek-3 would be a form the circular does not have.
        raise GocKurulError(
            "Ek-3 Yıllık Değerlendirme Raporu ilçe kitabında üretilmez: raporu İl Göç İdaresi Müdürlüğü il ve ilçe "
            "kurullarını birlikte değerlendirerek hazırlar ve yılın ilk İl Göç Koordinasyon Kurulunda onaylanır "
            "(Genelge m. 13/1, 13/2). İlçe kurullarının toplantıları, sorunları ve kararları rapora, bu kitap il "
            "kitabına birleştirilince girer: kitabı İl Göç İdaresi Müdürlüğüne gönderin.",
            sheet=contract.SETTINGS_SHEET,
        )
    year = workbook_year(data, year)
    refuse_unreadable(data, ALL_SHEETS, "Ek-3 Yıllık Değerlendirme Raporu")
    spec = annual_report_sheet(data, year, paginate=paginate)
    gaps = "".join(f"\n- {f.message}" for f in report_gaps(data, year))
    return Outcome(
        [spec], f"{year} yılı raporu: {written([spec.name])}" + (f" Raporda eksik kalanlar:{gaps}" if gaps else "")
    )


def action_plan(data: WorkbookData, today: dt.date, *, paginate: bool = True) -> Outcome:
    """Eylem Planı İzleme / `gockurul eylem` (M5(13)–(14))."""
    from .sheets.action_plan import action_plan_sheet

    refuse_unreadable(data, ACTION_PLAN_SHEETS, "eylem planı izleme raporu")
    spec = action_plan_sheet(data, today, paginate=paginate)
    return Outcome([spec], f"Eylem planı izleme raporu: {written([spec.name])}")


def platform_files(data: WorkbookData, *, personal_data: bool = False, csv: bool = False) -> Outcome:
    """Platform Dosyaları / `gockurul platform`: every upload file, validated, in memory (payload)."""
    from .platform.bundle import render_platform

    files = render_platform(data, personal_data=personal_data, csv=csv)
    meetings = sum(d["belge_turu"] == "toplanti" for d in files.documents.values())
    message = (
        f"Platform belgeleri hazırlandı ve doğrulandı: {len(files.files)} dosya ({meetings} toplantı "
        f"belgesi; telefonlar {'maskelenmeden' if personal_data else 'maskelenerek'})."
    )
    return Outcome([], message, EXIT_OK, files)


# --- devir --------------------------------------------------------------------------------------------------

_NAME_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def carry_over(
    data: WorkbookData,
    *,
    foreign_population: int | None = None,
    target_name: str | None = None,
    other_year: bool = False,
) -> Outcome:
    """Yeni Yıla Devret / `gockurul devir`: next year's workbook from this one (KURALLAR §7). Nothing is written
    here: the payload (`CarryOver`) holds the new workbook's settings and rows; the backend makes the file.
    `target_name`: the new file's name — one that carries another year than the new book's is refused unless
    `other_year` (`--yil-farkli`), never a 2026 book written silently under a 2027 name (KURALLAR §7)."""
    from .core.carry import carried_summary
    from .core.carry import carry_over as plan_carry_over

    year = workbook_year(data, option=False)
    named = sorted({int(y) for y in _NAME_YEAR.findall(target_name or "")})
    if named and year + 1 not in named and not other_year:
        raise GocKurulError(
            f"Yeni kitap {year + 1} yılının kitabı olacak ama dosya adı '{target_name}' "
            f"{', '.join(map(str, named))} yılını gösteriyor. Adı {year + 1} yılına göre düzeltin ya "
            "da bu adla yazmak için --yil-farkli ekleyin. Hiçbir şey yazılmadı."
        )
    carried = plan_carry_over(data, year, foreign_population=foreign_population)
    message = (
        f"{carried.year} yılının kitabı {year} kitabından hazırlandı. Devredilen: "
        f"{carried_summary(carried, data)}. Devreden satırlar 'Devreden Yıl' sütununda {year} (ya da geldikleri "
        f"yıl) ile işaretlidir; yılın ilk kurulunda değerlendirilir (M5(12))."
    )
    return Outcome([], message, EXIT_OK, carried)


# --- birlestir --------------------------------------------------------------------------------------------


def merge(data: WorkbookData, sources: list[Incoming | Unusable], *, today: dt.date, now: dt.datetime) -> Outcome:
    """İlçe Kitaplarını Birleştir / `gockurul birlestir`: the sources (read by the backend) merged into the
    province's generated sheets; the merged state so far comes from the same workbook data."""
    from .core.districts import district_state_for
    from .core.merge import UNCHANGED, action_counts, plan_merge
    from .sheets.merge import follow_up_sheet, merge_sheets

    result = plan_merge(data, district_state_for(data), sources, today=today, now=now)
    counts = action_counts(result.entries)
    if result.entries and counts[UNCHANGED] == len(result.entries):
        # the same files again: nothing changes, not even the log (README: "değişiklik yok")
        n = len(result.entries)
        return Outcome(
            [],
            f"İlçe kitapları okundu ({n} dosya: {n} {UNCHANGED}); içerikleri daha önce "
            "birleştirilenle aynı, kitap yazılmadı.",
            EXIT_OK,
            result,
        )
    result.specs = [*merge_sheets(result.state, data), follow_up_sheet(data, result.state, today)]
    parts = [f"{n} {action}" for action, n in counts.items() if n]
    message = (
        f"İlçe kitapları birleştirildi ({len(result.entries)} dosya: {', '.join(parts) or 'dosya yok'}). "
        f"Ayrıntılar '{contract.MERGE_LOG_SHEET}' sayfasında; ilçe kurullarının durumu "
        f"'{contract.FOLLOW_UP_SHEET}' sayfasında."
    )
    return Outcome(result.specs, message, 1 if result.refused else EXIT_OK, result)


# --- pdf ----------------------------------------------------------------------------------------------------


def printable(sheet: str) -> Outcome:
    """PDF: only a generated sheet (a form, a report) is printed by the button."""
    if not contract.is_generated_sheet(sheet):
        raise GocKurulError(
            f"Önce PDF'e dönüştürülecek bir form ya da rapor sayfasını açın ('{sheet}' bir veri sayfası)."
        )
    return Outcome([], f"'{sheet}' sayfası PDF olarak kaydedildi", EXIT_OK, sheet)
