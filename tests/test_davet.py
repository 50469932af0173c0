"""`gockurul davet`: the e-mail draft read back with `email`, the calendar request with `icalendar`; the UID stays
when the meeting moves, the SEQUENCE grows; a cancellation; the letters as Word documents."""

from __future__ import annotations

import datetime as dt
import email
import io
import shutil
from email import policy
from pathlib import Path

import pytest
from icalendar import Calendar

from gockurul_excel import commands, contract, example, rules
from gockurul_excel.core.model import workbook_from_rows
from gockurul_excel.sheets.invitations import LOG_HEADERS

from .conftest import clean_example_rows, run_cli

NOW = dt.datetime(2025, 4, 1, 9, 30)


def province(rows=None, state=None):
    return workbook_from_rows(
        example.example_settings(), rows or clean_example_rows(), state=state, path=Path("il.xlsx")
    )


def state_of(outcome) -> dict[str, list[list]]:
    """The log sheet as the next run reads it back (header first)."""
    (spec,) = outcome.specs
    grid: dict[tuple[int, int], object] = {}
    for b in spec.blocks:
        for i, row in enumerate(b.values):
            for j, v in enumerate(row):
                grid[(b.row + i, b.col + j)] = v
    last = max(r for r, _ in grid)
    return {spec.name: [[grid.get((r, c)) for c in range(1, len(LOG_HEADERS) + 1)] for r in range(1, last + 1)]}


def event(outcome):
    cal = Calendar.from_ical(outcome.payload.ics)
    (ev,) = cal.walk("VEVENT")
    return cal, ev


def test_the_draft_is_addressed_to_every_member_with_an_email_and_carries_the_letter_and_agenda():
    data = province()
    outcome = commands.invitations(data, "3", NOW)
    msg = email.message_from_bytes(outcome.payload.eml, policy=policy.default)
    assert msg["X-Unsent"] == "1"  # Outlook opens it as a new message, ready to send
    board = [
        r
        for r in data.records("Üyeler")
        if r["Aktif"] != "Hayır" and r["E-posta"] and r["Görev"] in (rules.ROLE_CHAIR, rules.ROLE_MEMBER)
    ]
    sent_to = {a.addr_spec for a in msg["To"].addresses}
    assert sent_to == {r["E-posta"] for r in board}
    assert "Eski Üye" not in str(msg["To"])  # an inactive member is not invited
    assert msg["From"].addresses[0].addr_spec == data.setting(contract.S_EMAIL)
    names = {part.get_filename(): part for part in msg.iter_attachments()}
    assert set(names) == {"Davet 3.docx", "Gündem 3.docx", "Toplantı 3.ics"}
    assert names["Toplantı 3.ics"].get_content_type() == "text/calendar"
    assert names["Toplantı 3.ics"].get_param("method") == "REQUEST"
    body = msg.get_body(("plain",)).get_content()
    assert "15.04.2025 Salı" in body and "Gaziantep Valiliği Toplantı Salonu" in body
    import docx

    letter = docx.Document(io.BytesIO(names["Davet 3.docx"].get_content()))
    text = "\n".join(p.text for p in letter.paragraphs)
    assert "GAZİANTEP VALİLİĞİ" in text and "Seda AKSOY" in text and "Vali a." in text
    assert "11 inci maddesinin üçüncü fıkrası" in text and "M11(3)" not in text
    footer = "\n".join(p.text for p in letter.sections[0].footer.paragraphs)
    assert data.setting(contract.S_KEP) in footer and data.setting(contract.S_PHONE) in footer


def test_the_calendar_request_keeps_its_uid_and_raises_its_sequence_when_the_meeting_moves():
    first = commands.invitations(province(), "3", NOW)
    cal, ev = event(first)
    assert str(cal["method"]) == "REQUEST" and int(ev["sequence"]) == 0
    assert ev["dtstart"].dt == dt.datetime(2025, 4, 15, 7, 0, tzinfo=dt.UTC)  # 10.00 in Türkiye (UTC+3)
    assert str(ev["organizer"]) == "mailto:gaziantep.gkk@ornek.gov.tr"
    attendees = {str(a) for a in ev.get("attendee")}
    assert "mailto:kemal.ceber@ornek.gov.tr" in attendees
    # the same meeting issued again: nothing changed, the same SEQUENCE
    again = commands.invitations(province(state=state_of(first)), "3", NOW)
    assert (str(event(again)[1]["uid"]), int(event(again)[1]["sequence"])) == (str(ev["uid"]), 0)
    # the chair moves it: same UID, a higher SEQUENCE
    rows = clean_example_rows()
    meeting = next(r for r in rows["Toplantılar"] if r[0] == 3)
    meeting[3] = meeting[4] = dt.date(2025, 4, 17)
    moved = commands.invitations(province(rows, state_of(again)), "3", NOW + dt.timedelta(hours=1))
    _, ev2 = event(moved)
    assert str(ev2["uid"]) == str(ev["uid"]) and int(ev2["sequence"]) == 1
    assert ev2["dtstart"].dt.date() == dt.date(2025, 4, 17)
    # then it is cancelled: METHOD:CANCEL, the same UID, the SEQUENCE grows again
    cancelled = commands.invitations(province(rows, state_of(moved)), "3", NOW + dt.timedelta(hours=2), cancel=True)
    cal3, ev3 = event(cancelled)
    assert str(cal3["method"]) == "CANCEL" and str(ev3["status"]) == "CANCELLED"
    assert str(ev3["uid"]) == str(ev["uid"]) and int(ev3["sequence"]) == 2
    msg = email.message_from_bytes(cancelled.payload.eml, policy=policy.default)
    assert msg["Subject"].startswith("İPTAL:")
    log = state_of(cancelled)[contract.INVITATION_LOG_SHEET]
    assert [row[3] for row in log[1:]] == ["REQUEST", "REQUEST", "REQUEST", "CANCEL"]


def test_another_meeting_has_another_uid_and_members_without_email_are_named():
    rows = clean_example_rows()
    for m in rows["Üyeler"]:
        if m[4] == "Nur Erdem":
            m[6] = None
    a = commands.invitations(province(rows), "2", NOW)  # a sub-commission meeting
    b = commands.invitations(province(rows), "3", NOW)
    assert str(event(a)[1]["uid"]) != str(event(b)[1]["uid"])
    assert "Nur Erdem" in a.message  # the sub-commission's chair has no e-mail: the office is told
    msg = email.message_from_bytes(a.payload.eml, policy=policy.default)
    assert "kemal.ceber@ornek.gov.tr" not in str(msg["To"])  # the board's chair is not a sub-commission member


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice yok")
def test_davet_command_writes_the_draft_and_the_request_beside_the_workbook(make_book):
    path = make_book()
    proc = run_cli("davet", str(path), "--toplanti", "3")
    assert proc.returncode == 0, proc.stderr
    folder = path.with_name(f"{path.stem}_yazilar")
    eml = folder / "Toplantı 3 - davet.eml"
    assert eml.is_file() and (folder / "Toplantı 3 - davet.ics").is_file()
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert {p.get_filename() for p in msg.iter_attachments()} >= {"Davet 3.docx", "Davet 3.pdf", "Gündem 3.docx"}
    assert "e-posta göndermez" in proc.stdout
    proc = run_cli("davet", str(path), "--toplanti", "3", "--iptal")
    assert proc.returncode == 0 and "SEQUENCE 1" in proc.stdout
    import openpyxl

    ws = openpyxl.load_workbook(path)[contract.INVITATION_LOG_SHEET]
    assert [c.value for c in ws[1]][: len(LOG_HEADERS)] == LOG_HEADERS and ws.max_row == 3


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice yok")
def test_gundem_writes_the_letters_as_word_documents_libreoffice_converts(make_book, tmp_path):
    import subprocess

    import docx

    path = make_book()
    proc = run_cli("gundem", str(path), "--toplanti", "3")
    assert proc.returncode == 0, proc.stderr
    folder = path.with_name(f"{path.stem}_yazilar")
    for name in ("Davet 3.docx", "Tebliğ 3.docx"):
        document = docx.Document(folder / name)
        text = "\n".join(p.text for p in document.paragraphs)
        assert "Tarih :" in text and "Dağıtım:" in text and "Seda AKSOY" in text
        assert "Bu yazının" not in text and "M12(" not in text
    out = tmp_path / "pdf"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(folder / "Davet 3.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(out / "Davet 3.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "T.C." in text and "Tarih :" in text and "Seda AKSOY" in text and "Gereği:" in text
    assert "Bilgi:" in text and "Gaziantep Ticaret Odası" in text
