"""The master template, `gockurul yeni` (new_workbook) and `gockurul guncelle` (upgrade).

Every sheet, column, list and setting is taken from contract.py, never written out here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.dimensions import ColumnDimension

from gockurul_excel import contract, rules, sheetspec
from gockurul_excel.core import parse
from gockurul_excel.errors import InvalidArgument, NewerTemplate, UnreadableWorkbook, WouldLoseContent
from gockurul_excel.files import columns, template

from .conftest import input_snapshot, libreoffice_convert

OLDEST = contract.TEMPLATE_VERSIONS[0]
LATEST = contract.TEMPLATE_VERSION


def _dv_for(ws, cell: str):
    """The data validations covering a cell."""
    return [dv for dv in ws.data_validations.dataValidation if cell in dv.sqref]


def _headers(ws, row: int = 1) -> list:
    return [ws.cell(row, c).value for c in range(1, ws.max_column + 1)]


def _setting_rows(ws) -> dict[str, int]:
    return {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}


def _name_values(wb, name: str) -> list:
    dests = list(wb.defined_names[name].destinations)
    assert len(dests) == 1
    sheet, ref = dests[0]
    return [row[0].value for row in wb[sheet][ref.replace("$", "")]]


def _column_dimension(ws, col: int):
    """The <col> element covering a column (LibreOffice and Excel write one for a run of columns)."""
    for dim in ws.column_dimensions.values():
        dim.reindex()
        if dim.min <= col <= dim.max:
            return dim
    raise AssertionError(f"{ws.title}: no <col> for column {col}")


def _check_table(ws, table, header_row: int = 1) -> None:
    """What Excel demands of a table: one tableColumn per column of ref, named as the header cell."""
    min_col, min_row, max_col, _ = range_boundaries(table.ref)
    assert min_row == header_row
    assert [c.name for c in table.tableColumns] == [ws.cell(header_row, c).value for c in range(min_col, max_col + 1)]
    assert len({c.id for c in table.tableColumns}) == len(table.tableColumns)
    assert table.autoFilter is None or table.autoFilter.ref == table.ref


# --- the template ------------------------------------------------------------------------------


@pytest.mark.parametrize("version", contract.TEMPLATE_VERSIONS)
def test_template_sheets_in_order(version):
    wb = template.build_template(version)
    assert wb.sheetnames == [
        contract.CONTROL_PANEL_SHEET,
        contract.SETTINGS_SHEET,
        *(s.name for s in contract.sheets_for(version)),
        contract.LISTS_SHEET,
    ]
    assert wb.active.title == contract.CONTROL_PANEL_SHEET
    assert wb[contract.LISTS_SHEET].sheet_state == "hidden"
    assert all(wb[n].sheet_state == "visible" for n in wb.sheetnames if n != contract.LISTS_SHEET)
    assert wb.properties.creator == template.CREATOR


@pytest.mark.parametrize("version", contract.TEMPLATE_VERSIONS)
def test_input_sheets_follow_the_contract(version):
    wb = template.build_template(version)
    for sheet in contract.sheets_for(version):
        ws = wb[sheet.name]
        headers = [c.header for c in sheet.columns]
        assert _headers(ws) == headers, sheet.name
        assert ws.freeze_panes == "A2"
        assert list(ws.tables) == [sheet.table]
        table = ws.tables[sheet.table]
        assert table.ref == f"A1:{get_column_letter(len(headers))}{1 + template.TABLE_BODY_ROWS}"
        assert table.tableStyleInfo.name == "TableStyleMedium2"
        _check_table(ws, table)
        for col, column in enumerate(sheet.columns, start=1):
            letter = get_column_letter(col)
            where = f"{sheet.name}!{letter} ({column.header})"
            header = ws.cell(1, col)
            assert header.font.bold and header.alignment.wrap_text, where
            assert ws.column_dimensions[letter].width == column.width, where
            expected_format = {
                "date": sheetspec.DATE_FORMAT,
                "time": sheetspec.TIME_FORMAT,
                "int": "#,##0",
                "phone": "@",
            }.get(column.kind, "General")
            assert ws.column_dimensions[letter].number_format == expected_format, where
            dvs = _dv_for(ws, f"{letter}2")
            assert dvs == _dv_for(ws, f"{letter}{columns.VALIDATION_LAST_ROW}"), where
            assert not _dv_for(ws, f"{letter}1"), where
            if column.choices:
                (dv,) = dvs
                assert (dv.type, dv.formula1) == ("list", f"Liste_{column.choices}"), where
                assert dv.formula1.removeprefix(columns.LIST_NAME_PREFIX) in contract.lists()
                assert dv.errorStyle == ("stop" if column.strict_choices else "information"), where
                assert dv.showErrorMessage and dv.error and dv.errorTitle, where
            elif column.kind == "date":
                (dv,) = dvs
                assert (dv.type, dv.operator) == ("date", "between"), where
                low, high = (openpyxl.utils.datetime.from_excel(int(f)).date() for f in (dv.formula1, dv.formula2))
                assert (low, high) == (dt.date(2000, 1, 1), dt.date(2100, 12, 31))
                assert "GG.AA.YYYY" in dv.error
            elif column.kind == "int" and column.header == contract.S_YEAR:  # a year: between 2000 and 2100
                (dv,) = dvs
                assert (dv.type, dv.operator, dv.formula1, dv.formula2) == ("whole", "between", "2000", "2100"), where
            elif column.kind == "int":
                (dv,) = dvs
                assert (dv.type, dv.operator, dv.formula1) == ("whole", "greaterThanOrEqual", "0"), where
            if column.note:
                (dv,) = dvs
                assert dv.showInputMessage and dv.prompt == column.note, where
            if not (column.choices or column.note or column.kind in ("date", "int", "time")):
                assert not dvs, where


@pytest.mark.parametrize("version", contract.TEMPLATE_VERSIONS)
def test_settings_sheet(version):
    wb = template.build_template(version)
    ws = wb[contract.SETTINGS_SHEET]
    assert _headers(ws) == [*contract.SETTING_COLUMNS, template.SETTING_NOTE_HEADER]
    assert ws.freeze_panes == "A2"
    settings = contract.settings_for(version)
    assert [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)] == [s.name for s in settings]
    (table,) = ws.tables.values()
    assert table.ref == f"A1:C{len(settings) + 1}"
    _check_table(ws, table)
    for row, setting in enumerate(settings, start=2):
        value = ws.cell(row, 2)
        assert ws.cell(row, 3).value == (setting.note or None)
        if setting.name == contract.S_VERSION:
            assert value.value == version and isinstance(value.value, str)
        else:
            assert value.value == setting.default, setting.name
        assert value.number_format == ("General" if setting.kind == "int" else "@"), setting.name
        dvs = _dv_for(ws, value.coordinate)
        if setting.choices:
            (dv,) = dvs
            assert (dv.type, dv.formula1, dv.errorStyle) == ("list", f"Liste_{setting.choices}", "stop")
        if setting.kind == "int":
            (dv,) = dvs
            assert dv.type == "whole"
    (year_dv,) = _dv_for(ws, f"B{_setting_rows(ws)[contract.S_YEAR]}")
    assert (year_dv.formula1, year_dv.formula2) == ("2000", "2100")


def test_lists_and_names():
    wb = template.build_template()
    ws = wb[contract.LISTS_SHEET]
    lists = contract.lists()
    assert len(lists["Iller"]) == 81
    assert [ws.cell(1, c).value for c in range(1, len(lists) + 1)] == list(lists)
    for key, values in lists.items():
        assert _name_values(wb, f"Liste_{key}") == list(values), key
    assert wb.defined_names["Liste_Iller"].attr_text == "Listeler!$A$2:$A$82"
    assert {"İstanbul", "Şanlıurfa", "Hakkâri", "Iğdır"} <= set(_name_values(wb, "Liste_Iller"))
    # every list a validation uses exists
    used = {
        dv.formula1 for name in wb.sheetnames for dv in wb[name].data_validations.dataValidation if dv.type == "list"
    }
    assert used and used <= {f"Liste_{k}" for k in lists}


def test_control_panel():
    wb = template.build_template()
    ws = wb[contract.CONTROL_PANEL_SHEET]
    assert ws["A1"].value == "Göç Koordinasyon Kurulu Çalışma Kitabı"
    ((sheet, ref),) = wb.defined_names["SeciliToplantiNo"].destinations
    assert sheet == contract.CONTROL_PANEL_SHEET
    cell = ws[ref.replace("$", "")]
    assert ws.cell(cell.row, cell.column - 1).value == "Toplantı No"
    assert cell.value is None
    assert any(template.MEETING_NO_LABEL in s.key for s in contract.SHEETS)  # the label is a real key
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    for button in (
        "Kontrol Et",
        "Takvimi Hesapla",
        "Tutanak (Ek-1)",
        "Katılımcı Listesi (Ek-2)",
        "Yıllık Rapor (Ek-3)",
        "Gündem ve Davet",
        "Platform Dosyaları",
        "İlçe Kitaplarını Birleştir",
    ):
        assert button in text
    for needed in (
        "gockurul kontrol",
        "gockurul takvim",
        contract.SETTINGS_SHEET,
        *contract.GENERATED_SHEETS,
        *(s.name for s in contract.SHEETS),
    ):
        assert needed in text, needed


def test_two_generations_are_identical(tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    template.save_template(a)
    template.save_template(b)
    fp = template.template_fingerprint(a)
    assert fp == template.template_fingerprint(b)
    assert "xl/workbook.xml" in fp and "docProps/core.xml" not in fp
    assert a.read_bytes() == b.read_bytes()  # document dates and zip times are fixed too
    with zipfile.ZipFile(a) as zf:
        core = zf.read("docProps/core.xml").decode()
    assert "2025-01-01T00:00:00Z" in core and "gockurul" in core
    assert openpyxl.load_workbook(a).properties.modified == template.FIXED_TIME
    assert template.template_fingerprint(a) != _fingerprint_of_version(tmp_path, OLDEST)


def _fingerprint_of_version(tmp_path: Path, version: str) -> dict[str, bytes]:
    path = tmp_path / f"v{version}.xlsx"
    template.save_template(path, version)
    return template.template_fingerprint(path)


def test_template_converts_with_libreoffice(tmp_path):
    src = tmp_path / "sablon.xlsx"
    template.save_template(src)
    pdf = libreoffice_convert(src, "pdf", tmp_path / "pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    # LibreOffice's own xlsx keeps the tables, the lists and the column formats.
    back = openpyxl.load_workbook(libreoffice_convert(src, "xlsx", tmp_path / "lo"))
    for sheet in contract.sheets_for(LATEST):
        ws = back[sheet.name]
        assert sheet.table in ws.tables
        assert {dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"} == {
            f"Liste_{c.choices}" for c in sheet.columns if c.choices
        }
        for col, column in enumerate(sheet.columns, start=1):
            if column.kind == "date":
                fmt = _column_dimension(ws, col).number_format
                assert fmt.replace("\\", "") == sheetspec.DATE_FORMAT, (sheet.name, column.header)
    assert _name_values(back, "Liste_Iller") == list(contract.lists()["Iller"])


# --- gockurul yeni -----------------------------------------------------------------------------


def _settings_of(path: Path) -> dict:
    ws = openpyxl.load_workbook(path)[contract.SETTINGS_SHEET]
    return {name: ws.cell(r, 2).value for name, r in _setting_rows(ws).items()}


def test_new_workbook_fills_settings(tmp_path):
    path = tmp_path / "ilce.xlsx"
    template.new_workbook(
        path,
        kind="İlçe",
        province="sanliurfa",
        district="  Akçakale ",
        year=2026,
        foreign_population=2000,
        border_district=True,
    )
    s = _settings_of(path)
    assert s[contract.S_KIND] == rules.BoardKind.DISTRICT.value
    assert s[contract.S_PROVINCE] == "Şanlıurfa"
    assert s[contract.S_DISTRICT] == "Akçakale"
    assert (s[contract.S_YEAR], s[contract.S_POPULATION]) == (2026, 2000)
    assert s[contract.S_BORDER] == "Evet"
    assert s[contract.S_VERSION] == LATEST
    assert set(s) == {x.name for x in contract.settings_for(LATEST)}
    assert openpyxl.load_workbook(path).sheetnames == template.build_template().sheetnames

    path = tmp_path / "il.xlsx"
    template.new_workbook(path, kind="il", province="HAKKARI", district=None, year=2025, foreign_population=0)
    s = _settings_of(path)
    assert (s[contract.S_KIND], s[contract.S_PROVINCE], s[contract.S_DISTRICT]) == ("İl", "Hakkâri", None)
    assert s[contract.S_BORDER] == "Hayır"


def test_provinces_read_from_pycountrys_file_equal_its_api(monkeypatch):
    """contract reads pycountry's ISO 3166-2 file for speed; its API must give the same 81 names, and is what a
    changed layout falls back to."""
    import importlib.util

    import pycountry

    api = tuple(
        sorted(
            (s.name for s in pycountry.subdivisions.get(country_code="TR") if s.type == "Province"),
            key=contract.turkish_sort_key,
        )
    )
    assert contract._province_names() == api and len(api) == contract.PROVINCE_COUNT
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)  # no file where we look
    assert contract._province_names() == api


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("istanbul", "İstanbul"),
        ("İSTANBUL", "İstanbul"),
        ("Sanliurfa", "Şanlıurfa"),
        ("igdir", "Iğdır"),
        ("IĞDIR", "Iğdır"),
        ("Hakkari", "Hakkâri"),
        (" Çanakkale ", "Çanakkale"),
    ],
)
def test_province_names(typed, expected):
    assert template.province_name(typed) == expected


@pytest.mark.parametrize("kind", ["il", "IL", "İl", "ilce", "İlçe", "ILÇE", "ilçe"])
def test_board_kinds(kind, tmp_path):
    """Any spelling of il/ilçe makes a workbook of that kind, read back as such (Ayarlar!Kurul Türü)."""
    from gockurul_excel.files.reader import read_workbook

    district = None if parse.ascii_fold(kind) == "il" else "Merkez"
    template.new_workbook(
        tmp_path / "k.xlsx", kind=kind, province="Kilis", district=district, year=2025, foreign_population=10
    )
    data = read_workbook(tmp_path / "k.xlsx")
    expected = rules.BoardKind.PROVINCE if district is None else rules.BoardKind.DISTRICT
    assert data.board_kind is expected
    assert data.setting(contract.S_KIND) == ("İl" if district is None else "İlçe")
    assert data.setting(contract.S_DISTRICT) == district


def test_new_workbook_refusals(tmp_path):
    path = tmp_path / "k.xlsx"
    ok = {"kind": "il", "province": "Kilis", "district": None, "year": 2025, "foreign_population": 100}
    with pytest.raises(InvalidArgument) as exc:
        template.new_workbook(path, **{**ok, "province": "Istanbl"})
    assert str(exc.value) == "'Istanbl' bir il adı değil. Bunu mu demek istediniz: İstanbul?"
    with pytest.raises(InvalidArgument, match="bir il adı değil"):
        template.new_workbook(path, **{**ok, "province": "Xyzzy"})
    for bad in (
        {"kind": "köy"},
        {"kind": "ilce"},
        {"year": 1999},
        {"year": 2101},
        {"foreign_population": -1},
        {"district": "Merkez"},
    ):
        with pytest.raises(InvalidArgument):
            template.new_workbook(path, **{**ok, **bad})
    assert not path.exists()

    template.new_workbook(path, **ok)
    before = path.read_bytes()
    with pytest.raises(InvalidArgument, match="zaten var"):
        template.new_workbook(path, **{**ok, "province": "Adana"})
    assert path.read_bytes() == before
    template.new_workbook(path, **{**ok, "province": "Adana"}, overwrite=True)
    assert _settings_of(path)[contract.S_PROVINCE] == "Adana"
    assert not list(tmp_path.glob(".~*"))  # no temporary file left behind
    (saved,) = (tmp_path / "Yedekler").iterdir()  # the overwritten book was backed up
    assert _settings_of(saved)[contract.S_PROVINCE] == "Kilis"


# --- gockurul guncelle -------------------------------------------------------------------------

EXTRA_HEADER = "Notlarım"


def _typed_value(column: contract.Column, row: int):
    if column.choices:
        return contract.lists()[column.choices][-1]
    return {
        "key": row,
        "int": 12_000 + row,
        "date": dt.datetime(2025, 3, row),
        "time": dt.time(14, 30),
        "phone": "0532 123 45 6" + str(row),
        "email": f"ığüşöç{row}@ornek.gov.tr",
        "list": "İl Emniyet Müdürlüğü; İl Sağlık Müdürlüğü",
    }.get(column.kind, f"Çığ düşüşü İĞÜŞÖÇ satır {row} " + "uzun metin " * 30)


def _old_book(tmp_path: Path, name: str = "eski.xlsx") -> Path:
    """A workbook of the oldest template with something typed in every column of every sheet, a
    formula, and a column of the user's own."""
    wb = template.build_template(OLDEST)
    ws = wb[contract.SETTINGS_SHEET]
    rows = _setting_rows(ws)
    for name_, value in {
        contract.S_KIND: "İl",
        contract.S_PROVINCE: "Şanlıurfa",
        contract.S_YEAR: 2025,
        contract.S_POPULATION: 420_000,
    }.items():
        ws.cell(rows[name_], 2, value)
    for sheet in contract.sheets_for(OLDEST):
        ws = wb[sheet.name]
        for row in range(2, 5):
            for col, column in enumerate(sheet.columns, start=1):
                ws.cell(row, col, _typed_value(column, row))
        extra = len(sheet.columns) + 1
        ws.cell(1, extra, EXTRA_HEADER)
        ws.cell(2, extra, "kendi notum")
        ws.cell(3, extra, "=1+1")
    path = tmp_path / name
    wb.save(path)
    return path


def _all_values(path: Path) -> dict[tuple[str, str], object]:
    wb = openpyxl.load_workbook(path)
    return {
        (ws.title, c.coordinate): c.value
        for ws in wb.worksheets
        if ws.title != contract.LISTS_SHEET
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    }


def test_upgrade_keeps_every_typed_value(tmp_path):
    path = _old_book(tmp_path)
    values, formats = _all_values(path), input_snapshot(path)

    changes = template.upgrade(path)

    after = _all_values(path)
    version_cell = None
    wb = openpyxl.load_workbook(path)
    settings = wb[contract.SETTINGS_SHEET]
    version_cell = (settings.title, f"B{_setting_rows(settings)[contract.S_VERSION]}")
    for where, value in values.items():
        if where != version_cell:
            assert after.get(where) == value, where
    after_formats = input_snapshot(path)
    for sheet, rows in formats.items():
        cells = {c for row in after_formats[sheet] for c in row}
        for row in rows:
            for coord, value, fmt in row:
                if value is not None and (sheet, coord) != version_cell:
                    assert (coord, value, fmt) in cells, (sheet, coord)
    assert after[version_cell] == LATEST

    # what was added: the new columns, after the user's own column, inside the table
    for sheet in contract.sheets_for(LATEST):
        ws = wb[sheet.name]
        headers = _headers(ws)
        if sheet.since != OLDEST:  # a sheet the old template did not have is added whole
            assert headers == [c.header for c in sheet.columns]
            assert any(f"'{sheet.name}'" in line for line in changes), changes
            continue
        old = [c.header for c in contract.SHEETS_BY_NAME[sheet.name].columns if c.since == OLDEST]
        new = [c.header for c in sheet.columns if c.header not in old]
        assert headers == [*old, EXTRA_HEADER, *new], sheet.name
        _check_table(ws, ws.tables[sheet.table])
        assert ws.tables[sheet.table].ref.endswith(str(1 + template.TABLE_BODY_ROWS))
        for header in new:
            assert f"'{sheet.name}' sayfasına '{header}' sütunu eklendi" in "\n".join(changes)
            column = sheet.column(header)
            letter = get_column_letter(headers.index(header) + 1)
            assert ws.column_dimensions[letter].width == column.width
            assert ws[f"{letter}1"].font.bold
    assert any(c.since != OLDEST for s in contract.SHEETS for c in s.columns)  # the test covers a column

    added_settings = [s for s in contract.settings_for(LATEST) if s not in contract.settings_for(OLDEST)]
    assert added_settings
    rows = _setting_rows(settings)
    assert set(rows) == {s.name for s in contract.settings_for(LATEST)}
    for setting in added_settings:
        assert settings.cell(rows[setting.name], 2).value == setting.default
        assert settings.cell(rows[setting.name], 3).value == setting.note
        assert f"'{setting.name}' ayarı eklendi" in "\n".join(changes)
        if setting.choices:
            (dv,) = _dv_for(settings, f"B{rows[setting.name]}")
            assert dv.formula1 == f"Liste_{setting.choices}"
    _check_table(settings, next(iter(settings.tables.values())))
    assert next(iter(settings.tables.values())).ref == f"A1:C{max(rows.values())}"
    assert wb.calculation.fullCalcOnLoad
    assert changes[-2] == f"Şablon sürümü {OLDEST} → {LATEST} yapıldı."
    assert changes[-1].startswith("Önceki hali yedeklendi: ")  # guncelle says where it backed the book up

    # the upgraded book has what a fresh template has, apart from the user's own column
    fresh = template.build_template(LATEST)
    assert wb.sheetnames == fresh.sheetnames
    assert set(wb.defined_names) == set(fresh.defined_names)

    before = path.read_bytes()
    assert template.upgrade(path) == []
    assert path.read_bytes() == before


def test_upgrade_adds_a_missing_sheet_and_splits_column_groups(tmp_path):
    wb = template.build_template(OLDEST)
    meetings = next(s for s in contract.sheets_for(LATEST) if any(c.since != OLDEST for c in s.columns))
    ws = wb[meetings.name]
    first_free = ws.max_column + 1
    # Excel writes one <col min max> for a run of equally formatted columns.
    ws.column_dimensions[get_column_letter(first_free)] = ColumnDimension(
        ws, index=get_column_letter(first_free), min=first_free, max=first_free + 5, width=9
    )
    removed = contract.sheets_for(LATEST)[-1].name
    del wb[removed]
    wb[contract.LISTS_SHEET]["A2"] = None  # a damaged list is rewritten
    path = tmp_path / "eksik.xlsx"
    wb.save(path)

    changes = template.upgrade(path)

    assert f"'{removed}' sayfası eklendi." in changes
    assert f"Açılır listeler ('{contract.LISTS_SHEET}' sayfası) yenilendi." in changes
    wb = openpyxl.load_workbook(path)
    assert _name_values(wb, "Liste_Iller") == list(contract.lists()["Iller"])
    assert wb[contract.LISTS_SHEET].sheet_state == "hidden"
    assert wb.sheetnames == template.build_template().sheetnames
    ws = wb[meetings.name]
    spans = sorted((d.min, d.max) for d in ws.column_dimensions.values())
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans)), spans  # no overlapping <col>
    added = [c for c in meetings.columns if c.since != OLDEST]
    for i, new in enumerate(added):
        assert ws.cell(1, first_free + i).value == new.header
        assert ws.column_dimensions[get_column_letter(first_free + i)].width == new.width
    assert ws.column_dimensions[get_column_letter(first_free + len(added))].width == 9  # the rest of the group


def test_upgrade_refuses_a_newer_template(tmp_path):
    wb = template.build_template()
    ws = wb[contract.SETTINGS_SHEET]
    ws.cell(_setting_rows(ws)[contract.S_VERSION], 2, "9.0")
    path = tmp_path / "yeni.xlsx"
    wb.save(path)
    before = path.read_bytes()
    with pytest.raises(NewerTemplate, match=r"daha yeni bir şablonla \(sürüm 9\.0\)"):
        template.upgrade(path)
    assert path.read_bytes() == before


def test_upgrade_without_version_is_treated_as_oldest(tmp_path):
    wb = template.build_template(OLDEST)
    ws = wb[contract.SETTINGS_SHEET]
    ws.delete_rows(_setting_rows(ws)[contract.S_VERSION])
    path = tmp_path / "surumsuz.xlsx"
    wb.save(path)
    assert template.read_template_version(path) == OLDEST
    changes = template.upgrade(path)
    assert f"'{contract.S_VERSION}' ayarı eklendi" in "\n".join(changes)
    assert template.read_template_version(path) == LATEST


def test_upgrade_refuses_what_openpyxl_would_drop(tmp_path):
    """A cross-sheet dropdown Excel stores as an x14 extension: openpyxl would drop it, so nothing is written."""
    plain = tmp_path / "duz.xlsx"
    template.build_template(OLDEST).save(plain)
    ext = (
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
        'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
        '<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Listeler!$C$2:$C$3</xm:f>'
        "</x14:formula1><xm:sqref>Z2:Z10</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>"
    )
    path = tmp_path / "uzantili.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet3.xml":
                data = data.replace(b"</worksheet>", ext.encode() + b"</worksheet>")
            dst.writestr(info, data)
    before = path.read_bytes()
    with pytest.raises(WouldLoseContent, match="x14"):
        template.upgrade(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "Yedekler").exists()


def test_upgrade_refuses_settings_without_headers(tmp_path):
    wb = template.build_template(OLDEST)
    ws = wb[contract.SETTINGS_SHEET]
    ws["A1"] = ws["B1"] = None
    path = tmp_path / "basliksiz.xlsx"
    wb.save(path)
    before = path.read_bytes()
    with pytest.raises(InvalidArgument, match="başlıkları bulunamadı"):
        template.upgrade(path)
    assert path.read_bytes() == before


def test_upgrade_errors(tmp_path):
    with pytest.raises(UnreadableWorkbook, match="bulunamadı"):
        template.upgrade(tmp_path / "yok.xlsx")
    bad = tmp_path / "bozuk.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(UnreadableWorkbook):
        template.upgrade(bad)


def test_template_polish_fonts_heights_inputs_messages_and_buttons(tmp_path):
    """Header cells name their font (LibreOffice otherwise shows a serif), header rows fit wrapped titles, the
    Ayarlar values are marked as the place to type, each whole-number column says what it wants, and the panel lists
    every button."""
    from gockurul_excel import makro
    from gockurul_excel.files.template import PANEL_BUTTONS, build_template

    wb = build_template()
    for name in ("Toplantılar", "Kararlar", "Üyeler"):
        ws = wb[name]
        assert ws["A1"].font.name == "Calibri"
        widths = {c: ws.column_dimensions[c].width for c in ws.column_dimensions}
        longest = max(len(str(c.value)) / max(1, widths.get(c.column_letter, 10)) for c in ws[1] if c.value)
        assert ws.row_dimensions[1].height >= 15 * (int(longest) + (longest > int(longest)))
    settings = wb["Ayarlar"]
    values = [settings.cell(r, 2) for r in range(2, settings.max_row + 1) if settings.cell(r, 1).value]
    assert all(c.fill.fgColor.rgb.endswith("FFF2CC") for c in values)
    messages = {}
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            if dv.type == "whole":
                messages.setdefault(dv.error, set()).add((ws.title, str(dv.sqref)))
    assert len(messages) >= 4  # Yıl, Yabancı Nüfusu, Sıra, Ara Rapor Sıklığı: each its own words
    order = next(dv for dv in wb["Gündem"].data_validations.dataValidation if str(dv.sqref).startswith("B2"))
    assert "Sıra numarası" in order.error and "12000" not in order.error
    panel = [c.value for c in wb["Kontrol Paneli"]["A"] if c.value in makro.BUTTONS.values()]
    assert set(panel) == set(makro.BUTTONS.values()) == {name for name, _ in PANEL_BUTTONS}
    label = next(c for c in wb["Kontrol Paneli"]["A"] if c.value == "Kontrol Et")
    assert label.alignment.vertical == "top"
