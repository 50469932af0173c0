"""One library function per CLI command: read the workbook file (files/), call the `commands` function, write
what it made back into the file. The CLI only wraps these; the Excel buttons (makro.py) call the same
`commands` functions on a live book.

Heavy modules are imported inside the functions: `import gockurul_excel.operations` stays cheap.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .findings import ERROR, Finding

if TYPE_CHECKING:
    from .commands import Outcome


def _run_file(path: str | Path, command, *args, write: bool = True, **kwargs) -> tuple[Outcome, Path | None]:
    """Read `path`, run `command` on it, write its sheets back (when `write`); (outcome, backup). A command that
    lays out printed pages gets the backend's `paginates` (a file: True)."""
    import inspect

    from .files.backend import FileBackend

    with FileBackend(path, lock=write) as backend:  # a writer holds our lock from reading to writing
        if "paginate" in inspect.signature(command).parameters:
            kwargs.setdefault("paginate", backend.paginates)
        outcome = command(backend.read(), *args, **kwargs)
        backup = backend.write(outcome.specs) if write and outcome.specs else None
    return outcome, backup


@dataclass
class CheckResult:
    findings: list[Finding]
    written: bool = False
    backup: Path | None = None
    message: str = ""

    @property
    def exit_code(self) -> int:
        from .errors import EXIT_FINDINGS, EXIT_OK

        return EXIT_FINDINGS if any(f.level == ERROR for f in self.findings) else EXIT_OK

    def to_json(self) -> list[dict]:
        return [f.to_json() for f in self.findings]


def check_workbook(path: str | Path, *, write: bool = True, today: dt.date | None = None) -> CheckResult:
    """`gockurul kontrol`: run every check; with `write`, put the findings on the `Kontrol` sheet."""
    from . import commands
    from .core.model import without_gc

    # Reading and checking build a few hundred thousand objects and no cycle: the collector would walk them all
    # once the reader turned it back on (0.1–0.2 s of a large book's kontrol).
    with without_gc():
        outcome, backup = _run_file(path, commands.check, today or dt.date.today(), write=write, sheet=write)
    return CheckResult(outcome.payload, write, backup, outcome.message)


@dataclass
class CalendarResult:
    schedule: object  # core.events.Schedule
    written: bool = False
    backup: Path | None = None
    ics: Path | None = None
    message: str = ""
    ics_backup: Path | None = None  # the .ics that was there before, when it was replaced

    def to_json(self) -> list[dict]:
        return [e.to_json() for e in self.schedule.events]


def compute_calendar(
    path: str | Path,
    *,
    write: bool = True,
    today: dt.date | None = None,
    ics: str | Path | None = None,
    reminder_days: int = 3,
) -> CalendarResult:
    """`gockurul takvim`: the year's schedule; with `write`, the `Takvim` and `Pano` sheets; with `ics`,
    an iCalendar file for Outlook."""
    from . import commands
    from .errors import InvalidArgument
    from .files.atomic import ICS, check_output, save_atomic

    if ics is not None:  # checked before the workbook is written: never an .ics over a workbook or another file
        ics = Path(ics)
        if ics.suffix.lower() != ".ics":
            raise InvalidArgument(f"--ics '{ics.name}': takvim dosyasının adı .ics ile bitmeli (ör. takvim.ics).")
        check_output(ics, ICS)
    outcome, backup = _run_file(
        path,
        commands.calendar,
        today or dt.date.today(),
        write=write,
        sheets=write,
        reminder_days=reminder_days if ics is not None else None,
    )
    result = CalendarResult(outcome.payload.schedule, write, backup, message=outcome.message)
    if ics is not None:
        payload = outcome.payload.ics
        result.ics_backup = save_atomic(ics, lambda f: f.write(payload), kind=ICS)
        result.ics = ics
    return result


@dataclass
class FormsResult:
    sheets: list[str]
    backup: Path | None = None
    message: str = ""


@dataclass
class YearFormsResult(FormsResult):
    skipped: list[str] | None = None


def _forms(path: str | Path, command, *args) -> FormsResult:
    outcome, backup = _run_file(path, command, *args)
    return FormsResult(outcome.sheet_names, backup, outcome.message)


def write_minutes(path: str | Path, meeting_no: str) -> FormsResult:
    """`gockurul tutanak`: the Ek-1 minutes of one meeting."""
    from . import commands

    return _forms(path, commands.minutes, meeting_no)


def write_attendance(path: str | Path, meeting_no: str) -> FormsResult:
    """`gockurul katilimci`: the Ek-2 attendance list of one meeting."""
    from . import commands

    return _forms(path, commands.attendance, meeting_no)


def write_year_forms(path: str | Path, year: int | None = None) -> YearFormsResult:
    """`gockurul formlar`: every Ek-1 and Ek-2 of the year, read once and written in one package write."""
    from . import commands

    outcome, backup = _run_file(path, commands.year_forms, year)
    return YearFormsResult(outcome.sheet_names, backup, outcome.message, outcome.payload)


@dataclass
class AgendaResult(FormsResult):
    documents: list[Path] | None = None  # the letters as Word documents


def write_agenda(path: str | Path, meeting_no: str) -> AgendaResult:
    """`gockurul gundem`: agenda, invitation, the minutes' cover letter and, at the year's first board,
    the sub-commission member list; the two letters also as .docx in `letters_folder`."""
    from . import commands
    from .files.letters import letters_folder, write_documents

    outcome, backup = _run_file(path, commands.agenda, meeting_no)
    written = write_documents(letters_folder(path), outcome.payload)
    return AgendaResult(outcome.sheet_names, backup, outcome.message, written)


@dataclass
class InvitationResult:
    message: str
    eml: Path
    ics: Path
    pdf: bool  # the letter is attached as a PDF as well (LibreOffice was found)
    backup: Path | None = None


def send_invitations(
    path: str | Path, meeting_no: str, *, cancel: bool = False, now: dt.datetime | None = None
) -> InvitationResult:
    """`gockurul davet`: the meeting's e-mail draft (.eml) and calendar request (.ics) in `letters_folder`;
    `Davet Kayıtları` records what was issued. Nothing is sent."""
    from . import commands
    from .files.letters import invitation_files, letters_folder

    outcome, backup = _run_file(path, commands.invitations, meeting_no, now or dt.datetime.now(), cancel=cancel)
    eml, ics, pdf = invitation_files(outcome, letters_folder(path))
    return InvitationResult(outcome.message, eml, ics, pdf, backup)


@dataclass
class DistrictMailResult:
    message: str
    eml: Path
    attachments: list[str]
    backup: Path | None = None


def mail_to_province(path: str | Path, *, now: dt.datetime | None = None) -> DistrictMailResult:
    """`gockurul gonder`: the district's e-mail draft to the İl Göç İdaresi Müdürlüğü (M12(5)) in `letters_folder`,
    with the workbook (as saved, with the Tebliğ and Ek-1 sheets just written) and those two sheets as PDF."""
    from . import commands
    from .files.letters import district_mail_file, letters_folder

    outcome, backup = _run_file(path, commands.district_mail)
    eml, names = district_mail_file(Path(path), outcome.payload, letters_folder(path), now or dt.datetime.now())
    return DistrictMailResult(outcome.message, eml, names, backup)


def write_annual_report(path: str | Path, year: int | None = None) -> FormsResult:
    """`gockurul yillik`: Ek-3 of a year (default: the workbook's year)."""
    from . import commands

    return _forms(path, commands.annual_report, year)


def write_action_plan(path: str | Path, today: dt.date | None = None) -> FormsResult:
    """`gockurul eylem`: the action plan monitoring report (M5(13)–(14))."""
    from . import commands

    return _forms(path, commands.action_plan, today or dt.date.today())


def export_pdf(path: str | Path, sheets: list[str], output: str | Path | None = None) -> Path:
    """`gockurul pdf`: the named sheets as one PDF (LibreOffice)."""
    from .files.pdf import export_pdf as export

    return export(Path(path), sheets, Path(output) if output else None)


def export_platform(path: str | Path, out_dir: str | Path, *, personal_data: bool = False, csv: bool = False):
    """`gockurul platform`: the upload documents for the Presidency's platform, validated, with a manifest."""
    from . import commands
    from .files.platform_folder import PlatformResult, install_files

    outcome, _ = _run_file(path, commands.platform_files, personal_data=personal_data, csv=csv, write=False)
    files = outcome.payload
    removed = install_files(Path(out_dir), files.files)
    return PlatformResult(Path(out_dir), list(files.files), files.documents, files.manifest, removed)


def read_platform_document(path: str | Path) -> dict:
    """`gockurul platform-oku`: load and validate one upload document."""
    from .files.platform_folder import read_document

    return read_document(Path(path))


def platform_folder(path: str | Path) -> Path:
    """Where `ornek` and the Platform Dosyaları button put the platform files: beside the workbook."""
    from .files.platform_folder import beside

    return beside(Path(path))


def merge_district_workbooks(
    province: str | Path,
    sources: list[str | Path],
    *,
    today: dt.date | None = None,
    progress=None,
    now: dt.datetime | None = None,
    skipped: list | None = None,
):
    """`gockurul birlestir`: district workbooks (or their platform folders) into the province workbook. Every
    source is read before anything is written; the sheets go out in one package write. `skipped` receives
    (file, reason) for what the folders held but was not taken (backups, hidden and lock files)."""
    from . import commands
    from .core.merge import require_province
    from .files.backend import FileBackend
    from .files.sources import read_sources

    with FileBackend(province, lock=True) as backend:
        data = backend.read()
        require_province(data, backend.path.name)
        found = read_sources([Path(s) for s in sources], province_path=backend.path, progress=progress, skipped=skipped)
        outcome = commands.merge(data, found, today=today or dt.date.today(), now=now or dt.datetime.now())
        if progress:
            progress("Sayfalar yazılıyor…")
        result = outcome.payload
        result.backup = backend.write(outcome.specs)
    result.written = True
    return result


def national_summary(
    folder: str | Path,
    output: str | Path,
    *,
    today: dt.date | None = None,
    progress=None,
    skipped: list | None = None,
    taken: list | None = None,
) -> Path:
    """`gockurul ulusal`: the Presidency's roll-up of many provinces' platform documents. `taken` receives the
    platform folders read, `skipped` (folder, reason) for what was not taken (backups, hidden folders)."""
    from .files.atomic import XLSX, check_output
    from .files.national import national_rollup

    check_output(Path(output), XLSX)  # before the reading: a target the summary may not replace is refused
    return national_rollup(Path(folder), Path(output), today=today, progress=progress, skipped=skipped, taken=taken)


def make_template(path: str | Path, *, overwrite: bool = False) -> Path:
    """`gockurul sablon`: write the master template (an existing file only with `overwrite`, backed up)."""
    from .files.template import save_template

    save_template(Path(path), overwrite=overwrite)
    return Path(path)


def create_workbook(
    path: str | Path,
    *,
    kind: str,
    province: str,
    district: str | None,
    year: int,
    foreign_population: int,
    border_district: bool = False,
    overwrite: bool = False,
) -> Path:
    """`gockurul yeni` (an existing file only with `overwrite`, backed up)."""
    from .files.template import new_workbook

    new_workbook(
        Path(path),
        kind=kind,
        province=province,
        district=district,
        year=year,
        foreign_population=foreign_population,
        border_district=border_district,
        overwrite=overwrite,
    )
    return Path(path)


def upgrade_workbook(path: str | Path) -> list[str]:
    """`gockurul guncelle`."""
    from .files.template import upgrade

    return upgrade(Path(path))


@dataclass
class CarryOverResult:
    path: Path  # the new workbook
    year: int
    counts: dict[str, int]
    message: str
    backup: Path | None = None  # of a file --uzerine-yaz replaced


def carry_over_workbook(
    old: str | Path,
    new: str | Path,
    *,
    foreign_population: int | None = None,
    overwrite: bool = False,
    other_year: bool = False,
) -> CarryOverResult:
    """`gockurul devir`: next year's workbook from this year's (KURALLAR §7). The old workbook is only read."""
    from . import commands
    from .files.backend import FileBackend
    from .files.fill import write_new_year

    outcome = commands.carry_over(
        FileBackend(old).read(),
        foreign_population=foreign_population,
        target_name=Path(new).name,
        other_year=other_year,
    )
    carried = outcome.payload
    backup = write_new_year(Path(new), carried.settings, carried.rows, source=Path(old), overwrite=overwrite)
    return CarryOverResult(Path(new), carried.year, carried.counts, outcome.message, backup)


def build_addin(
    output: str | Path | None, interpreter: str | None = None, *, check_only: bool = False, with_excel: bool = False
) -> Any:
    """`gockurul eklenti`: the shipped add-in with its config sheet naming this Python (or `interpreter`); its
    path. With `check_only` (`--kontrol`): whether the shipped add-in is whole and configurable, as a report.
    With `with_excel` (`--excel-ile`, IT's fallback): the add-in made again from xlwings' template through
    Excel first."""
    from .files import addin

    if check_only:
        return addin.check()
    return addin.build_addin(Path(output), interpreter, with_excel=with_excel)


def check_installation(addin: str | Path | None = None, *, press: bool = True) -> list:
    """`gockurul doktor`: what the buttons need on this PC, checked one by one (doctor.Result each)."""
    from . import doctor

    return doctor.run(Path(addin) if addin else None, press=press)


def build_offline_bundle(output: str | Path, source: str | Path | None = None, *, overwrite: bool = False) -> Any:
    """`gockurul paket`: the offline bundle for IT."""
    import os
    import re

    from .errors import InvalidArgument
    from .files.offline import build_bundle

    if os.name != "nt" and re.match(r"[A-Za-z]:", str(output)):
        # `--cikti D:\gockurul-kurulum` typed on Linux/macOS: the shell drops the backslash and a folder named
        # 'D:gockurul-kurulum' would appear here
        raise InvalidArgument(
            f"'{output}' bir Windows sürücü yolu gibi görünüyor; bu bilgisayarda sürücü harfi "
            "yok ve paket bulunduğunuz klasörde bu adla bir klasöre yazılırdı. Bu bilgisayardaki "
            "bir klasör verin (ör. --cikti gockurul-kurulum), sonra klasörü USB belleğe kopyalayın. "
            "Hiçbir şey yazılmadı."
        )
    return build_bundle(Path(output), Path(source) if source else None, overwrite=overwrite)


def write_lite(wheel_url: str, output: str | Path, *, overwrite: bool = False) -> list[Path]:
    """`gockurul lite`: xlwings Lite's main.py and requirements.txt naming `wheel_url`, and the wheel to put
    there, into `output`."""
    from .files.lite import write_lite as write

    return write(Path(output), wheel_url, overwrite=overwrite)


def serve(
    host: str,
    port: int,
    *,
    workers: int,
    token: str,
    licence: str,
    settings_file: Path | None,
    max_body: int,
    ssl_keyfile: str | None = None,
    ssl_certfile: str | None = None,
    announce=None,
) -> None:
    """`gockurul sunucu`: the official xlwings Server with our buttons."""
    from .server import serve as run

    run(
        host,
        port,
        workers=workers,
        token=token,
        licence=licence,
        settings_file=settings_file,
        max_body=max_body,
        ssl_keyfile=ssl_keyfile,
        ssl_certfile=ssl_certfile,
        announce=announce,
    )


@dataclass
class ExampleResult:
    path: Path
    findings: list[Finding]
    sheets: list[str]
    platform: Path | None = None  # the platform folder written beside it
    backup: Path | None = None  # the file it replaced (--uzerine-yaz), kept in Yedekler/
    districts: list[Path] = field(default_factory=list)  # the district books written in 'İlçe Kitapları/'


def _example_sheets(commands, data, today: dt.date, checked) -> list:
    """Every sheet the buttons make from an example book: findings, calendar, each meeting's forms and letters,
    the annual report (a province's) and the action plan's monitoring."""
    from . import rules

    outcomes = [checked, commands.calendar(data, today)]
    for record in data.records("Toplantılar"):
        no = record["Toplantı No"]
        outcomes += [commands.minutes(data, no), commands.attendance(data, no), commands.agenda(data, no)]
    if data.board_kind is rules.BoardKind.PROVINCE:
        outcomes.append(commands.annual_report(data))
    outcomes.append(commands.action_plan(data, today))
    return [s for o in outcomes for s in o.specs]


def create_example(path: str | Path, *, overwrite: bool = False, today: dt.date | None = None) -> ExampleResult:
    """`gockurul ornek`: a realistic province workbook with a few deliberate mistakes, and every sheet the
    commands generate from it (forms of each meeting, Ek-3, action plan, calendar, dashboard, findings)
    — written in one go."""
    from . import commands, contract
    from .example import EXAMPLE_DISTRICTS, district_file_name, write_district_examples, write_example
    from .files.atomic import XLSX, check_output
    from .files.backend import FileBackend

    path = Path(path)
    today = today or dt.date.today()
    # the district books go where the button 'İlçe Kitaplarını Birleştir' looks by default; every target is checked
    # before anything is written (an existing one is refused without --uzerine-yaz)
    districts = path.parent / contract.DISTRICT_FOLDER
    for name in EXAMPLE_DISTRICTS if districts.is_dir() else ():
        check_output(districts / district_file_name(name), XLSX, create=True, overwrite=overwrite)
    check_output(path, XLSX, create=True, overwrite=overwrite)
    replaced = write_example(path, overwrite=overwrite)
    district_books = write_district_examples(districts, overwrite=overwrite)
    with FileBackend(path, make_backup=False, lock=True) as backend:  # the file this run just made
        data = backend.read()
        checked = commands.check(data, today)
        specs = _example_sheets(commands, data, today, checked)
        backend.write(specs)
    # The district books get their own sheets too (forms, letters, calendar; Ek-3 is the province's), so the
    # district documents are seen as often as the province's.
    for book in district_books:
        with FileBackend(book, make_backup=False, lock=True) as backend:
            district = backend.read()
            backend.write(_example_sheets(commands, district, today, commands.check(district, today)))
    exported = export_platform(path, platform_folder(path))
    return ExampleResult(path, checked.payload, [s.name for s in specs], exported.out_dir, replaced, district_books)
