"""`gockurul gonder`: a district's mail to the province (M12(5)). The İlçe Göç İdaresi Müdürlüğü (or the
kaymakamlık) sends the district board's minutes to the İl Göç İdaresi Müdürlüğü within the 15 days, and the
province merges the district's workbook (`birlestir`). One e-mail draft (.eml, `X-Unsent: 1`: Outlook opens it
ready to send) to the province's address in `Ayarlar`, with the workbook and the latest held meeting's Tebliğ and
Ek-1 as PDF attached, and a subject naming district, year and meeting. Nothing is sent by the program.

Pure: workbook data in, the plan and the e-mail's bytes out (the standard library's `email`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime

from .. import contract, rules
from ..core.meetings import Meeting, find_meeting
from ..core.model import WorkbookData
from ..core.outbound import MAX_SUBJECT_CHARS, SERIALIZE, address_field, header_text, mail_address
from ..core.text import DATIVE, in_istanbul, inflect, tr_date
from ..errors import GocKurulError

XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@dataclass
class DistrictMail:
    to: str
    sender: str | None
    sender_name: str
    subject: str
    body: str
    meeting: Meeting
    notice_sheet: str  # the sheets printed to PDF and attached
    minutes_sheet: str


def latest_held_meeting(data: WorkbookData) -> Meeting | None:
    """The district board's meeting held last (by `Gerçekleşen Tarih`), or None."""
    held = [
        r
        for r in data.records("Toplantılar")
        if r["Gerçekleşen Tarih"]
        and r["Toplantı No"] is not None
        and r["Kategori"] == rules.MeetingCategory.DISTRICT_BOARD.value
    ]
    if not held:
        return None
    last = max(held, key=lambda r: (r["Gerçekleşen Tarih"], r.row))
    return find_meeting(data, last["Toplantı No"])


def plan_district_mail(data: WorkbookData, notice_sheet: str, minutes_sheet: str, meeting: Meeting) -> DistrictMail:
    province = data.setting(contract.S_PROVINCE) or ""
    district = data.setting(contract.S_DISTRICT) or ""
    year = data.setting(contract.S_YEAR)
    to = data.setting(contract.S_PROVINCE_EMAIL)
    if not to:
        cell = data.settings.get(contract.S_PROVINCE_EMAIL)
        raise GocKurulError(
            f"İl Göç İdaresi Müdürlüğünün e-posta adresi yok: '{contract.S_PROVINCE_EMAIL}' "
            "ayarına il müdürlüğünün e-posta adresini yazın (şablon 1.5'ten eski bir kitapta önce "
            "'gockurul guncelle').",
            sheet=contract.SETTINGS_SHEET,
            cell=cell.cell if cell is not None else None,
        )
    # the same rule as every address that leaves the workbook: one address per cell, or the cell is named
    to = mail_address(to, contract.SETTINGS_SHEET, _cell_of(data, contract.S_PROVINCE_EMAIL))
    sender = data.setting(contract.S_EMAIL)
    if sender:
        sender = mail_address(sender, contract.SETTINGS_SHEET, _cell_of(data, contract.S_EMAIL))
    own_office = data.setting(rules.SETTING_DISTRICT_MIGRATION_OFFICE) == "Evet"
    sender_name = f"{district} İlçe Göç İdaresi Müdürlüğü" if own_office else f"{district} Kaymakamlığı"
    day = tr_date(meeting.date) if meeting.date else ""
    subject = (
        f"{district} İlçe Göç Koordinasyon Kurulu {year} — Toplantı {meeting.no} ({day}): tutanak ve çalışma kitabı"
    )
    addressee = inflect(f"{province} Valiliği (İl Göç İdaresi Müdürlüğü)", DATIVE)
    body = (
        f"{addressee}\n\n"
        f"{district} İlçe Göç Koordinasyon Kurulunun {day} tarihinde yapılan toplantısının (Toplantı "
        f"{meeting.no}) tutanağı (Rapor Formu, Ek-1) ve tebliğ yazısı, İl ve İlçe Göç Koordinasyon "
        "Kurullarının Çalışma Usul ve Esasları Hakkında Genelgenin 12 nci maddesinin beşinci fıkrası uyarınca "
        f"ekte gönderilmiştir. Kurulun {year} yılı çalışma kitabı da il kurulu kitabına aktarılmak üzere "
        f"ektedir.\n\nBilgilerinize arz ederim.\n\n{sender_name}\n{province} / {district}\n"
    )
    return DistrictMail(to, sender, sender_name, subject, body, meeting, notice_sheet, minutes_sheet)


def _cell_of(data: WorkbookData, setting: str) -> str | None:
    held = data.settings.get(setting)
    return held.cell if held is not None else None


def district_mail_eml(mail: DistrictMail, attachments: dict[str, bytes], now: dt.datetime) -> bytes:
    """The draft with its attachments (file name -> bytes: the workbook, the PDFs)."""
    msg = EmailMessage()
    msg.add_header("Subject", header_text(mail.subject, MAX_SUBJECT_CHARS))
    if mail.sender:
        msg.set_raw("From", address_field("From", [(mail.sender_name, mail.sender)]))
    msg.set_raw("To", address_field("To", [("İl Göç İdaresi Müdürlüğü", mail.to)]))
    msg.add_header("Date", format_datetime(in_istanbul(now)))
    msg.add_header("X-Unsent", "1")
    msg.set_content(mail.body)
    for name, payload in attachments.items():
        lower = name.lower()
        maintype, subtype = (
            XLSX_TYPE
            if lower.endswith((".xlsx", ".xlsm"))
            else ("application", "pdf")
            if lower.endswith(".pdf")
            else ("application", "octet-stream")
        )
        msg.add_attachment(payload, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes(policy=SERIALIZE)
