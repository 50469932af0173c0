"""One library function per command and per Excel button; the CLI and makro.py only wrap these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import contract
from .errors import EXIT_FINDINGS, EXIT_OK
from .findings import ERROR, WARNING, Finding
from .sheetspec import Block, PrintSetup, SheetSpec, quote_sheet


@dataclass
class CheckResult:
    findings: list[Finding]
    written: bool = False
    backup: Path | None = None

    @property
    def exit_code(self) -> int:
        return EXIT_FINDINGS if any(f.level == ERROR for f in self.findings) else EXIT_OK

    def to_json(self) -> list[dict]:
        return [f.to_json() for f in self.findings]


def check_workbook(path: str | Path, *, write: bool = True, today: dt.date | None = None) -> CheckResult:
    """`gockurul kontrol`: run every check; with `write`, put the findings on the `Kontrol` sheet."""
    from .reader import read_workbook
    from .validate import run_checks

    today = today or dt.date.today()
    data = read_workbook(path)
    findings = run_checks(data, today)
    result = CheckResult(findings)
    if write:
        from .xlsxpkg import write_sheets

        result.backup = write_sheets(Path(path), [findings_sheet(findings, today)])
        result.written = True
    return result


@dataclass
class CalendarResult:
    schedule: object  # schedule.Schedule
    written: bool = False
    backup: Path | None = None
    ics: Path | None = None

    def to_json(self) -> list[dict]:
        return [e.to_json() for e in self.schedule.events]


def compute_calendar(path: str | Path, *, write: bool = True, today: dt.date | None = None,
                     ics: str | Path | None = None, reminder_days: int = 3) -> CalendarResult:
    """`gockurul takvim`: the year's schedule; with `write`, the `Takvim` and `Pano` sheets; with `ics`,
    an iCalendar file for Outlook."""
    from .calendar_outputs import to_ics
    from .reader import read_workbook
    from .schedule import build_schedule

    today = today or dt.date.today()
    data = read_workbook(path)
    schedule = build_schedule(data, today)
    result = CalendarResult(schedule)
    if ics is not None:
        from .xlsxpkg import save_atomic

        payload = to_ics(schedule, data, reminder_days)
        save_atomic(Path(ics), lambda f: f.write(payload), make_backup=False)
        result.ics = Path(ics)
    if write:
        from .xlsxpkg import write_sheets

        result.backup = write_sheets(Path(path), calendar_specs(data, schedule, today))
        result.written = True
    return result


def calendar_specs(data, schedule, today: dt.date) -> list[SheetSpec]:
    """The sheets `takvim` writes (and the Takvimi Hesapla button renders): `Takvim`, `Pano` and, in a province
    workbook with merged district data, `İlçe İzleme` refreshed for `today`."""
    from .calendar_outputs import dashboard_sheet, schedule_sheet
    from .consolidate import follow_up_spec_for

    specs = [schedule_sheet(schedule, data), dashboard_sheet(schedule, data)]
    follow_up = follow_up_spec_for(data, today)
    if follow_up is not None:
        specs.append(follow_up)
    return specs


@dataclass
class FormsResult:
    sheets: list[str]
    backup: Path | None = None


def _write(path: str | Path, specs: list) -> FormsResult:
    from .xlsxpkg import write_sheets

    backup = write_sheets(Path(path), specs)
    return FormsResult([s.name for s in specs], backup)


def _meeting(path: str | Path, number: str):
    from .forms import find_meeting
    from .reader import read_workbook

    data = read_workbook(path)
    return data, find_meeting(data, number)


def write_minutes(path: str | Path, meeting_no: str) -> FormsResult:
    """`gockurul tutanak`: the Ek-1 minutes of one meeting."""
    from .forms import minutes_sheet

    data, m = _meeting(path, meeting_no)
    return _write(path, [minutes_sheet(data, m)])


def write_attendance(path: str | Path, meeting_no: str) -> FormsResult:
    """`gockurul katilimci`: the Ek-2 attendance list of one meeting."""
    from .forms import attendance_sheet

    data, m = _meeting(path, meeting_no)
    return _write(path, [attendance_sheet(data, m)])


def year_forms_specs(data, year: int | None = None) -> tuple[list[SheetSpec], list[str]]:
    """Ek-1 and Ek-2 of every meeting held or planned in `year` (default: the workbook's), by date; and why a
    meeting of the year was left out (its row cannot make a form, or its forms would take another's sheets)."""
    from .errors import GocKurulError
    from .forms import attendance_sheet, find_meeting, minutes_sheet
    from .schedule import meeting_day

    year = year if year is not None else data.setting(contract.S_YEAR)
    if not isinstance(year, int):
        raise GocKurulError("Yıl belirlenemedi: 'Ayarlar' sayfasına Yıl yazın ya da --yil verin.",
                            sheet=contract.SETTINGS_SHEET)
    dated = sorted((day, r.row, r["Toplantı No"]) for r in data.records("Toplantılar")
                   if r["Toplantı No"] is not None and (day := meeting_day(r)) is not None and day.year == year)
    specs, skipped = [], []
    numbers: set[str] = set()
    owners: dict[str, str] = {}  # sheet name as Excel compares it -> the meeting whose form it is
    for _day, row, number in dated:
        if number in numbers:
            skipped.append(f"Toplantılar sayfası {row}. satır: Toplantı No {number} başka bir satırda da var; "
                           "formları bir kez üretildi.")
            continue
        numbers.add(number)
        try:
            m = find_meeting(data, number)
        except GocKurulError as exc:
            skipped.append(exc.full_message())
            continue
        pair = [minutes_sheet(data, m), attendance_sheet(data, m)]
        clash = next((owners[s.name.casefold()] for s in pair if s.name.casefold() in owners), None)
        if clash is not None:
            skipped.append(f"Toplantı {number}: formlarının sayfa adı ('{pair[0].name}') Toplantı {clash} ile "
                           "aynı (sayfa adında / \\ : * ? [ ] yerine - yazılır, büyük-küçük harf ayrılmaz); "
                           "Toplantı No'yu değiştirin.")
            continue
        owners.update({s.name.casefold(): number for s in pair})
        specs += pair
    if not specs:
        why = "".join(f"\n- {s}" for s in skipped)
        raise GocKurulError(f"{year} yılında form üretilecek toplantı yok: tarihi (gerçekleşen ya da planlanan) "
                            f"yazılı ve formu yapılabilen bir toplantı bulunamadı.{why}", sheet="Toplantılar")
    return specs, skipped


@dataclass
class YearFormsResult(FormsResult):
    skipped: list[str] | None = None


def write_year_forms(path: str | Path, year: int | None = None) -> YearFormsResult:
    """`gockurul formlar`: every Ek-1 and Ek-2 of the year, read once and written in one package write."""
    from .reader import read_workbook

    specs, skipped = year_forms_specs(read_workbook(path), year)
    written = _write(path, specs)
    return YearFormsResult(written.sheets, written.backup, skipped)


def agenda_specs(data, m) -> list:
    from .forms import (
        agenda_sheet,
        invitation_sheet,
        is_first_board_of_year,
        notice_sheet,
        subcommission_list_sheet,
    )
    from .schedule import build_calendar

    cal = build_calendar(data)
    specs = [agenda_sheet(data, m), invitation_sheet(data, m, cal), notice_sheet(data, m, cal)]
    if is_first_board_of_year(data, m):
        specs.append(subcommission_list_sheet(data, m.date.year))
    return specs


def write_agenda(path: str | Path, meeting_no: str) -> FormsResult:
    """`gockurul gundem`: agenda, invitation, the minutes' cover letter and, at the year's first board,
    the sub-commission member list."""
    data, m = _meeting(path, meeting_no)
    return _write(path, agenda_specs(data, m))


def write_annual_report(path: str | Path, year: int | None = None) -> FormsResult:
    """`gockurul yillik`: Ek-3 of a year (default: the workbook's year)."""
    from . import contract
    from .annual_report import annual_report_sheet
    from .errors import GocKurulError
    from .reader import read_workbook

    data = read_workbook(path)
    year = year or data.setting(contract.S_YEAR)
    if not isinstance(year, int):
        raise GocKurulError("Yıl belirlenemedi: --yil verin ya da 'Ayarlar' sayfasına Yıl yazın.", sheet="Ayarlar")
    return _write(path, [annual_report_sheet(data, year)])


def write_action_plan(path: str | Path, today: dt.date | None = None) -> FormsResult:
    """`gockurul eylem`: the action plan monitoring report (M5(13)–(14))."""
    from .action_plan import action_plan_sheet
    from .reader import read_workbook

    data = read_workbook(path)
    return _write(path, [action_plan_sheet(data, today or dt.date.today())])


def export_pdf(path: str | Path, sheets: list[str], output: str | Path | None = None) -> Path:
    """`gockurul pdf`: the named sheets as one PDF (LibreOffice)."""
    from .pdf import export_pdf as export

    return export(Path(path), sheets, Path(output) if output else None)


def export_platform(path: str | Path, out_dir: str | Path, *, personal_data: bool = False, csv: bool = False):
    """`gockurul platform`: the upload documents for the Presidency's platform, validated, with a manifest."""
    from .platform import write_platform

    return write_platform(Path(path), Path(out_dir), personal_data=personal_data, csv=csv)


def read_platform_document(path: str | Path) -> dict:
    """`gockurul platform-oku`: load and validate one upload document."""
    from .platform import read_document

    return read_document(Path(path))


def platform_folder(path: str | Path) -> Path:
    """Where `ornek` puts its platform files: beside the workbook."""
    path = Path(path)
    return path.with_name(path.stem + "_platform")


def merge_district_workbooks(province: str | Path, sources: list[str | Path], *, today: dt.date | None = None,
                             progress=None):
    """`gockurul birlestir`: district workbooks (or their platform folders) into the province workbook."""
    from .consolidate import merge_districts

    return merge_districts(Path(province), [Path(s) for s in sources], today=today or dt.date.today(),
                           progress=progress)


def national_summary(folder: str | Path, output: str | Path, *, today: dt.date | None = None, progress=None) -> Path:
    """`gockurul ulusal`: the Presidency's roll-up of many provinces' platform documents."""
    from .national import national_rollup

    return national_rollup(Path(folder), Path(output), today=today, progress=progress)


LEVEL_LABELS = {ERROR: "Hata", WARNING: "Uyarı"}
FINDING_HEADERS = ("Düzey", "Kural", "Sayfa", "Hücre", "Açıklama")


def findings_sheet(findings: list[Finding], today: dt.date) -> SheetSpec:
    errors = sum(f.level == ERROR for f in findings)
    warnings = sum(f.level == WARNING for f in findings)
    title = [["Kontrol Sonuçları"]]
    if findings:
        status = f"{today:%d.%m.%Y} tarihli kontrol: {errors} hata, {warnings} uyarı."
    else:
        status = f"{today:%d.%m.%Y} tarihli kontrol: sorun bulunmadı."
    spec = SheetSpec(
        name=contract.FINDINGS_SHEET,
        col_widths={1: 9, 2: 16, 3: 18, 4: 9, 5: 90},
        freeze="A4",
        merges=["A1:E1", "A2:E2"],
        print_setup=PrintSetup(orientation="landscape", title_rows=(3, 3)),
        tab_color="C00000" if errors else "00B050",
    )
    spec.blocks.append(Block(1, 1, title, style="title"))
    spec.blocks.append(Block(2, 1, [[status]], style="hata" if errors else ("uyari" if warnings else "ok")))
    spec.blocks.append(Block(3, 1, [list(FINDING_HEADERS)], style="header"))
    rows, links, levels = [], {}, []
    for i, f in enumerate(findings):
        rows.append([LEVEL_LABELS.get(f.level, f.level), f.rule, f.sheet or "", f.cell or "", f.message])
        if f.sheet:
            links[(i, 3)] = f"{quote_sheet(f.sheet)}!{f.cell or 'A1'}"
        levels.append(f.level)
    if rows:
        spec.blocks.append(Block(4, 1, rows, col_styles=[None, "text", "text", "link", "text"], links=links))
        # Level cells coloured per level: one block per run of equal levels keeps writes few.
        start = 0
        for i in range(1, len(levels) + 1):
            if i == len(levels) or levels[i] != levels[start]:
                spec.blocks.append(Block(4 + start, 1, [[LEVEL_LABELS[lv]] for lv in levels[start:i]],
                                         style=levels[start]))
                start = i
        spec.autofilter = f"A3:E{3 + len(rows)}"
    return spec


def make_template(path: str | Path) -> Path:
    """`gockurul sablon`: write the master template."""
    from .template import save_template

    save_template(Path(path))
    return Path(path)


def create_workbook(path: str | Path, *, kind: str, province: str, district: str | None, year: int,
                    foreign_population: int, border_district: bool = False) -> Path:
    """`gockurul yeni`."""
    from .template import new_workbook

    new_workbook(Path(path), kind=kind, province=province, district=district, year=year,
                 foreign_population=foreign_population, border_district=border_district)
    return Path(path)


def upgrade_workbook(path: str | Path) -> list[str]:
    """`gockurul guncelle`."""
    from .template import upgrade

    return upgrade(Path(path))


@dataclass
class ExampleResult:
    path: Path
    findings: list[Finding]
    sheets: list[str]


def create_example(path: str | Path, *, overwrite: bool = False, today: dt.date | None = None) -> ExampleResult:
    """`gockurul ornek`: a realistic province workbook with a few deliberate mistakes, and every sheet the
    operations generate from it (forms of each meeting, Ek-3, action plan, calendar, dashboard, findings)
    — written in one go."""
    from . import contract
    from .action_plan import action_plan_sheet
    from .annual_report import annual_report_sheet
    from .calendar_outputs import dashboard_sheet, schedule_sheet
    from .example import write_example
    from .forms import attendance_sheet, find_meeting, minutes_sheet
    from .reader import read_workbook
    from .schedule import build_schedule
    from .validate import run_checks
    from .xlsxpkg import write_sheets

    path = Path(path)
    today = today or dt.date.today()
    write_example(path, overwrite=overwrite)
    data = read_workbook(path)
    findings = run_checks(data, today)
    schedule = build_schedule(data, today)
    specs = [findings_sheet(findings, today), schedule_sheet(schedule, data), dashboard_sheet(schedule, data)]
    for record in data.records("Toplantılar"):
        m = find_meeting(data, record["Toplantı No"])
        specs += [minutes_sheet(data, m), attendance_sheet(data, m), *agenda_specs(data, m)]
    specs += [annual_report_sheet(data, data.setting(contract.S_YEAR)), action_plan_sheet(data, today)]
    write_sheets(path, specs, make_backup=False)
    export_platform(path, platform_folder(path))
    return ExampleResult(path, findings, [s.name for s in specs])
