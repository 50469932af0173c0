"""The letters' files beside the workbook: the Word documents of `gundem` and the e-mail draft and calendar
request of `davet`, in `<kitap>_yazilar` (the CLI and the desktop button share this)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..core.outbound import file_name
from .atomic import DOCX, EML, ICS, save_atomic


def letters_folder(path: str | Path) -> Path:
    """Where the letters' documents go: `<kitap>_yazilar` beside the workbook."""
    path = Path(path)
    return path.with_name(f"{path.stem}_yazilar")


def write_documents(folder: Path, documents: dict[str, bytes]) -> list[Path]:
    """The Word documents into `folder`; a document already there (perhaps edited in Word) is backed up first."""
    folder.mkdir(exist_ok=True)
    written = []
    for name, payload in documents.items():
        target = folder / file_name(name)  # one name inside the folder, whatever the cell it came from held
        save_atomic(target, lambda f, data=payload: f.write(data), kind=DOCX)
        written.append(target)
    return written


def invitation_files(outcome, folder: Path) -> tuple[Path, Path, bool]:
    """Write a `davet` outcome's e-mail draft and calendar request into `folder`; with LibreOffice, the letter is
    attached as a PDF too (the draft is rebuilt with it). Desktop buttons and the CLI share this."""
    from ..sheets.invitations import eml_draft

    files = outcome.payload
    attachments = dict(files.attachments)
    pdf = _letter_pdf(attachments)
    if pdf is not None:
        attachments = {**attachments, **pdf}
    eml = eml_draft(files.invitation, attachments, files.ics, files.now) if pdf else files.eml
    folder.mkdir(exist_ok=True)
    stem = f"Toplantı {files.invitation.meeting.no} - {'iptal' if files.invitation.method == 'CANCEL' else 'davet'}"
    targets = (folder / file_name(f"{stem}.eml"), folder / file_name(f"{stem}.ics"))
    for target, payload, kind in zip(targets, (eml, files.ics), (EML, ICS), strict=True):
        save_atomic(target, lambda f, data=payload: f.write(data), kind=kind)
    return targets[0], targets[1], pdf is not None


def _letter_pdf(attachments: dict[str, bytes]) -> dict[str, bytes] | None:
    """The invitation letter's .docx as a PDF through LibreOffice; None when LibreOffice is not installed."""
    from .pdf import LibreOfficeNotFound, convert, find_soffice

    letters = [name for name in attachments if name.startswith("Davet ") and name.endswith(".docx")]
    if not letters:
        return None
    try:
        exe = find_soffice()
    except LibreOfficeNotFound:
        return None
    with tempfile.TemporaryDirectory(prefix="gockurul-davet-") as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "yazi.docx"
        source.write_bytes(attachments[letters[0]])
        (produced,) = convert(exe, [source], tmp)
        return {letters[0].removesuffix(".docx") + ".pdf": produced.read_bytes()}


def district_mail_file(
    workbook: Path, mail, folder: Path, now, *, book_bytes: bytes | None = None, pdfs: dict[str, bytes] | None = None
) -> tuple[Path, list[str]]:
    """The district's mail to the province (sheets.district_mail) as an .eml in `folder`: the workbook's bytes
    (`book_bytes`, else the file as saved), and its Tebliğ and Ek-1 sheets as one PDF each (`pdfs` made by Excel,
    else by LibreOffice from the saved file; each numbered on its own)."""
    from ..sheets.district_mail import district_mail_eml
    from .pdf import export_pdf

    attachments = {workbook.name: workbook.read_bytes() if book_bytes is None else book_bytes}
    if pdfs is None:
        pdfs = {}
        with tempfile.TemporaryDirectory(prefix="gockurul-gonder-") as tmp_name:
            for sheet in (mail.notice_sheet, mail.minutes_sheet):
                pdfs[f"{sheet}.pdf"] = export_pdf(workbook, [sheet], Path(tmp_name) / f"{sheet}.pdf").read_bytes()
    attachments.update(pdfs)
    eml = district_mail_eml(mail, attachments, now)
    folder.mkdir(exist_ok=True)
    target = folder / f"Toplantı {mail.meeting.no} - il müdürlüğüne.eml"
    save_atomic(target, lambda f: f.write(eml), kind=EML)
    return target, list(attachments)
