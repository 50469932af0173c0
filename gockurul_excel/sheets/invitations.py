"""`gockurul davet`: a meeting's invitation straight into the members' calendars.

Per meeting, an e-mail draft (.eml, `X-Unsent: 1` so that Outlook opens it ready to send) addressed to every
member of the meeting's body with an e-mail in `Üyeler`, with the invitation letter and the agenda attached, and
an iCalendar meeting request (RFC 5545/5546: METHOD:REQUEST; the office as ORGANIZER, the members as ATTENDEEs;
a cancellation is METHOD:CANCEL). Nothing is sent by the program.

The request's UID is the meeting's identity (province, district, year, Toplantı No: never its date), so a moved
meeting updates the event already in the calendars. Its SEQUENCE grows when the day, time or place change or the
meeting is cancelled: what was sent last is kept in the generated sheet `Davet Kayıtları`, read back on the next
run like the merged district sheets (contract.STATE_SHEETS), so there is no hidden state.

Pure: workbook data in, bytes and a sheet spec out (the standard library's `email` and `icalendar`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime

from .. import contract, rules
from ..core.meetings import Meeting
from ..core.model import WorkbookData
from ..core.outbound import (
    MAX_SUBJECT_CHARS,
    SERIALIZE,
    address_field,
    calendar_param,
    calendar_text,
    file_name,
    header_text,
    mail_address,
)
from ..core.parse import text as parse_text
from ..core.text import ISTANBUL, clock_time, in_istanbul, tr_date, tr_time
from ..rules import CATEGORY_NAME
from ..sheetspec import Block, PrintSetup, SheetSpec
from .letters import Letter

Category = rules.MeetingCategory

LOG_SHEET = contract.INVITATION_LOG_SHEET
LOG_HEADERS = ["Toplantı No", "UID", "SEQUENCE", "Yöntem", "Tarih", "Saat", "Yer", "Alıcı", "Üretildi"]
REQUEST, CANCEL = "REQUEST", "CANCEL"
MEETING_HOURS = 2  # the event's length when the workbook says nothing of it
DEFAULT_TIME = dt.time(10, 0)  # only when `Saat` is empty (the letter then says "belirlenecek")
PRODID = "-//gockurul_excel//Göç Koordinasyon Kurulu Davetleri//TR"


@dataclass(frozen=True)
class Sent:
    """One line of `Davet Kayıtları`: what was issued for a meeting."""

    meeting_no: str
    uid: str
    sequence: int
    method: str
    date: str
    time: str
    place: str
    recipients: str = ""
    issued: str = ""

    @property
    def fingerprint(self) -> tuple[str, str, str]:
        return self.date, self.time, self.place


@dataclass
class Invitation:
    meeting: Meeting
    letter: Letter
    uid: str
    sequence: int
    method: str
    recipients: list[tuple[str, str]]  # (name, e-mail)
    without_email: list[str]  # members the office must reach otherwise
    organizer: str | None
    start: dt.datetime | None  # aware, Türkiye's time
    agenda: list[tuple[str, str]] = field(default_factory=list)
    log: list[Sent] = field(default_factory=list)  # every line of the log, this one last


def meeting_uid(data: WorkbookData, m: Meeting) -> str:
    key = "/".join(
        str(x or "")
        for x in (
            data.setting(contract.S_PROVINCE),
            data.setting(contract.S_DISTRICT),
            data.setting(contract.S_YEAR),
            m.no,
        )
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:24] + "@gockurul-toplanti"


def sent_log(data: WorkbookData) -> list[Sent]:
    """The lines of `Davet Kayıtları` (header first, as written by `log_sheet`)."""
    rows = data.sheet_rows.get(LOG_SHEET) or []
    if not rows or [parse_text(v) for v in rows[0][: len(LOG_HEADERS)]] != LOG_HEADERS:
        return []
    out = []
    for row in rows[1:]:
        row = [*row, *[None] * len(LOG_HEADERS)][: len(LOG_HEADERS)]
        no, uid, seq, method = (parse_text(v) for v in row[:4])
        try:
            sequence = int(float(seq))
        except (TypeError, ValueError):
            continue
        if no and uid and method in (REQUEST, CANCEL):
            out.append(Sent(no, uid, sequence, method, *(parse_text(v) or "" for v in row[4:9])))
    return out


def _members(data: WorkbookData, m: Meeting) -> list:
    roles = rules.SUBCOMMISSION_ROLES if m.category is Category.SUBCOMMISSION else (rules.ROLE_CHAIR, rules.ROLE_MEMBER)
    return [r for r in data.records("Üyeler") if r["Aktif"] != "Hayır" and r["Görev"] in roles]


def _start(m: Meeting) -> dt.datetime | None:
    if m.date is None:
        return None
    return dt.datetime.combine(m.date, clock_time(m.record["Saat"]) or DEFAULT_TIME, tzinfo=ISTANBUL)


def plan_invitation(
    data: WorkbookData, m: Meeting, letter: Letter, agenda: list[tuple[str, str]], *, cancel: bool = False
) -> Invitation:
    """Who gets it, and the UID, SEQUENCE and method from what was issued before."""
    people = _members(data, m)
    # Every address checked before anything is made (core/outbound.py): one address per cell, or the cell is named.
    recipients = list(
        dict.fromkeys(
            (r["Ad Soyad"] or "", mail_address(r["E-posta"], "Üyeler", r.cell("E-posta")))
            for r in people
            if r["E-posta"]
        )
    )
    without = list(dict.fromkeys(f"{r['Ad Soyad'] or ''} ({r['Kurum'] or ''})" for r in people if not r["E-posta"]))
    uid = meeting_uid(data, m)
    log = sent_log(data)
    last = next((s for s in reversed(log) if s.meeting_no == str(m.no)), None)
    now_print = (
        tr_date(m.date) if m.date else "",
        tr_time(m.record["Saat"]) if m.record["Saat"] else "",
        str(m.record["Yer"] or ""),
    )
    method = CANCEL if cancel else REQUEST
    if last is None:
        sequence = 0
    elif cancel or last.method == CANCEL or last.fingerprint != now_print:
        sequence = last.sequence + 1  # moved, cancelled or called again: the calendars must take the change
    else:
        sequence = last.sequence  # the same invitation issued again
    entry = Sent(str(m.no), uid, sequence, method, *now_print, str(len(recipients)))
    organizer = data.setting(contract.S_EMAIL)
    if organizer:
        held = data.settings.get(contract.S_EMAIL)
        organizer = mail_address(organizer, contract.SETTINGS_SHEET, held.cell if held else None)
    return Invitation(
        m, letter, uid, sequence, method, recipients, without, organizer, _start(m), agenda, [*log, entry]
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    return in_istanbul(moment).astimezone(dt.UTC)


def ics_request(inv: Invitation, now: dt.datetime) -> bytes:
    """The iCalendar meeting request (or cancellation) of the invitation."""
    from icalendar import Calendar, Event, vCalAddress, vText

    m = inv.meeting
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", inv.method)
    ev = Event()
    ev.add("uid", inv.uid)
    ev.add("sequence", inv.sequence)
    ev.add("dtstamp", _utc(now))
    if inv.start is not None:
        ev.add("dtstart", _utc(inv.start))
        ev.add("dtend", _utc(inv.start + dt.timedelta(hours=MEETING_HOURS)))
    ev.add("summary", calendar_text(f"{CATEGORY_NAME[m.category]} Toplantısı (Toplantı {m.no})"))
    if m.record["Yer"]:
        ev.add("location", calendar_text(m.record["Yer"]))
    items = "\n".join(f"{i}. {text}" for i, (text, _source) in enumerate(inv.agenda, start=1))
    ev.add("description", calendar_text(f"{inv.letter.subject}\n\nGündem:\n{items}" if items else inv.letter.subject))
    ev.add("status", "CANCELLED" if inv.method == CANCEL else "CONFIRMED")
    if inv.organizer:
        organizer = vCalAddress(f"mailto:{inv.organizer}")
        organizer.params["cn"] = vText(calendar_param(inv.letter.unit or inv.letter.authority))
        ev["organizer"] = organizer
    for name, email in inv.recipients:
        attendee = vCalAddress(f"mailto:{email}")
        attendee.params.update(
            {
                "cn": vText(calendar_param(name)),
                "role": vText("REQ-PARTICIPANT"),
                "partstat": vText("NEEDS-ACTION"),
                "rsvp": vText("TRUE"),
            }
        )
        ev.add("attendee", attendee, encode=0)
    cal.add_component(ev)
    return cal.to_ical()


def _body(inv: Invitation) -> str:
    m, letter = inv.meeting, inv.letter
    if inv.method == CANCEL:
        head = (
            f"{tr_date(m.date) if m.date else ''} tarihinde yapılması planlanan {CATEGORY_NAME[m.category]} "
            f"toplantısı (Toplantı {m.no}) iptal edilmiştir. Takviminizdeki toplantı bu iletiyle kaldırılır."
        )
        return f"Sayın Üye,\n\n{head}\n\nBilgilerinize sunarım.\n\n{letter.signer}\n" + "\n".join(letter.signer_title)
    details = "\n".join(f"{label}: {value}" for label, value in letter.details)
    return (
        f"Sayın Üye,\n\n{letter.paragraphs[0]}\n\n{details}\n\n{letter.closing}\n\n"
        "Toplantı davet yazısı ve gündemi ekte; toplantı isteği takviminize eklenebilir.\n\n"
        f"{letter.signer}\n" + "\n".join(letter.signer_title) + "\n" + "\n".join(letter.contact)
    )


def eml_draft(inv: Invitation, attachments: dict[str, bytes], ics: bytes, now: dt.datetime) -> bytes:
    """The e-mail draft: Outlook opens it as a new message ready to send (X-Unsent), the letter and the agenda
    attached, the meeting request as its calendar part."""
    msg = EmailMessage()
    m = inv.meeting
    when = f" — {tr_date(m.date)}" if m.date else ""
    prefix = "İPTAL: " if inv.method == CANCEL else ""
    msg.add_header("Subject", header_text(f"{prefix}{inv.letter.subject}{when}", MAX_SUBJECT_CHARS))
    if inv.organizer:
        msg.set_raw("From", address_field("From", [(inv.letter.unit or inv.letter.authority, inv.organizer)]))
    if inv.recipients:
        msg.set_raw("To", address_field("To", inv.recipients))
    msg.add_header("Date", format_datetime(in_istanbul(now)))
    msg.add_header("X-Unsent", "1")
    msg.set_content(_body(inv))
    for name, payload in attachments.items():
        maintype, subtype = _mime(name)
        msg.add_attachment(payload, maintype=maintype, subtype=subtype, filename=file_name(name))
    msg.add_attachment(
        ics,
        maintype="text",
        subtype="calendar",
        filename=file_name(f"Toplantı {m.no}.ics"),
        params={"method": inv.method},
    )
    return msg.as_bytes(policy=SERIALIZE)


def _mime(name: str) -> tuple[str, str]:
    if name.endswith(".docx"):
        return "application", "vnd.openxmlformats-officedocument.wordprocessingml.document"
    if name.endswith(".pdf"):
        return "application", "pdf"
    return "application", "octet-stream"


def log_sheet(log: list[Sent], now: dt.datetime) -> SheetSpec:
    """`Davet Kayıtları`: every invitation and cancellation issued, the last line of a meeting being what its
    members' calendars hold (read back by `sent_log`)."""
    spec = SheetSpec(
        LOG_SHEET,
        col_widths={1: 12, 2: 40, 3: 11, 4: 10, 5: 12, 6: 8, 7: 36, 8: 8, 9: 18},
        freeze="A2",
        print_setup=PrintSetup(orientation="landscape", title_rows=(1, 1)),
        tab_color="A5A5A5",
    )
    spec.blocks.append(Block(1, 1, [LOG_HEADERS], style="header"))
    stamp = f"{in_istanbul(now):%d.%m.%Y %H:%M}"
    rows = [
        [
            s.meeting_no,
            s.uid,
            s.sequence,
            s.method,
            s.date,
            s.time,
            s.place,
            s.recipients,
            stamp if i == len(log) - 1 else s.issued,
        ]
        for i, s in enumerate(log)
    ]
    if rows:
        spec.blocks.append(Block(2, 1, rows, style="text"))
    return spec
