"""The master template (`sablon.xlsx`), new board workbooks made from it, and their upgrade.

Everything a workbook holds is declared in `contract.py`; this module only lays it out. One function
(`files.columns.format_column`) styles and validates an input column, so a column added by `upgrade` looks and
checks exactly like the one `build_template` writes.

Layout decisions (see also TASARIM.md):
- Each input sheet is an Excel table covering the header and `TABLE_BODY_ROWS` empty rows. Excel
  grows a table when one types just below it, LibreOffice does not: with room for 500 rows, what a
  LibreOffice user types stays inside the table, and Excel users see where to type.
- Number formats are set on whole columns (`<col style=…>`), which Excel and LibreOffice both apply
  to a cell when it is typed in. Formatting 999 empty cells per column instead would create ~85,000
  cells, make every openpyxl load about 0.8 s slower and set every sheet's `max_row` to 1000.
- Validations (dropdowns, date, number checks) cover rows 2..`columns.VALIDATION_LAST_ROW`.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import io
import os
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableColumn
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from .. import contract, rules
from ..contract import TEMPLATE_VERSION
from ..core import parse
from ..errors import InvalidArgument, NewerTemplate, UnreadableWorkbook
from .atomic import XLSX, Stamp, check_output, save_atomic, stamp
from .columns import (
    GENERAL_FORMAT,
    INPUT_FILL,
    TEXT_FORMAT,
    THIN,
    YEAR_MAX,
    YEAR_MIN,
    font,
    format_column,
    header_style,
    int_bounds,
    list_name,
    new_table,
    unique_table_name,
    validation,
)
from .fidelity import openpyxl_load, refuse_if_lossy
from .safety import check_package, own_lock

# Fixed document dates: two generations of the template are byte-identical.
FIXED_TIME = dt.datetime(2025, 1, 1)
CREATOR = "gockurul"

TABLE_BODY_ROWS = 500  # empty rows inside each input table (see the module docstring)
POPULATION_MAX = contract.POPULATION_MAX  # plausibility: more than Türkiye's whole population is a typing mistake
SELECTED_MEETING_NAME = contract.SELECTED_MEETING_NAME
DISTRICT_FOLDER_NAME = contract.DISTRICT_FOLDER_NAME
DISTRICT_FOLDER_LABEL = contract.DISTRICT_FOLDER_LABEL
DISTRICT_FOLDER = contract.DISTRICT_FOLDER
# Not (yet) in contract.py: the third Ayarlar column, the Ayarlar table, the panel's meeting label.
SETTING_NOTE_HEADER = "Açıklama"
SETTINGS_TABLE = "tblAyarlar"
SETTINGS_WIDTHS = (36, 22, 70)
MEETING_NO_LABEL = "Toplantı No"  # the key of the meetings sheet; the panel's input cell label

PANEL_TITLE = "Göç Koordinasyon Kurulu Çalışma Kitabı"
PANEL_INPUT_ROW = 3
# (button, what it does). The buttons themselves live in the add-in (assets/addin, `gockurul eklenti`).
PANEL_BUTTONS: tuple[tuple[str, str], ...] = (
    (
        "Kontrol Et",
        (
            "Kitabı genelgelere göre denetler; hataları ve uyarıları, sayfa ve hücresiyle birlikte "
            f"'{contract.FINDINGS_SHEET}' sayfasına yazar. Komut satırında: gockurul kontrol"
        ),
    ),
    (
        "Takvimi Hesapla",
        (
            "Yılın olağan toplantılarını, gündem, bildirim, tutanak tebliği ve platform girişi "
            "sürelerini iş günlerine göre hesaplar. Komut satırında: gockurul takvim"
        ),
    ),
    ("Tutanak (Ek-1)", "Seçili toplantının Rapor Formunu (Ek-1) yazdırılıp imzalanmaya hazır olarak üretir."),
    ("Katılımcı Listesi (Ek-2)", "Seçili toplantının katılımcı listesini (Ek-2) imza sütunuyla üretir."),
    ("Yıllık Rapor (Ek-3)", "Yılın verilerinden Yıllık Değerlendirme Raporu (Ek-3) taslağını üretir."),
    (
        "Gündem ve Davet",
        (
            "Seçili toplantının gündemini, üyelere gidecek davet yazısını ve tutanağın tebliğ yazısını "
            "üretir (yazılar Word belgesi olarak da). Komut satırında: gockurul gundem"
        ),
    ),
    (
        "Toplantı Daveti (e-posta)",
        (
            "Seçili toplantının davetini üyelerin e-postasına ve takvimine hazırlar: Outlook'ta "
            "açılıp gönderilecek e-posta taslağı ve takvim isteği. Komut satırında: "
            "gockurul davet"
        ),
    ),
    ("Eylem Planı İzleme", "Yerel Uyum Eylem Planı izleme raporunu üretir. Komut satırında: gockurul eylem"),
    ("Platform Dosyaları", "Başkanlığın dijital platformuna girilecek bilgileri dosya olarak hazırlar."),
    (
        "Yeni Yıla Devret",
        (
            "Yılın sonunda: gelecek yılın kitabını bu kitaptan yapar (ayarlar, ilçeler, aktif üyeler "
            "ve Alt Komisyon, açık eylemler, süren projeler, açık kararlar ve sorunlar devredilir; bu "
            "kitap değişmez). Komut satırında: gockurul devir"
        ),
    ),
    (
        "İlçe Kitaplarını Birleştir",
        (
            "İl kurulunda: ilçelerden gelen çalışma kitaplarını (ve platform klasörlerini) "
            f"'{DISTRICT_FOLDER_LABEL}' hücresindeki klasörden, boşsa kitabın yanındaki "
            f"'{DISTRICT_FOLDER}' klasöründen okuyup il kitabının ilçe sayfalarında bir arada "
            "gösterir. Komut satırında: gockurul birlestir"
        ),
    ),
    (
        "İl Müdürlüğüne Gönder",
        (
            "İlçe kurulunda: son yapılan toplantının tebliğ yazısını ve tutanağını (Ek-1) PDF "
            "olarak, kitapla birlikte İl Göç İdaresi Müdürlüğüne gönderilecek e-posta taslağına "
            "ekler (M12(5)). Komut satırında: gockurul gonder"
        ),
    ),
    ("PDF", "Açık form sayfasını kitabın yanına PDF olarak kaydeder. Komut satırında: gockurul pdf"),
)

# ---------------------------------------------------------------------------------------------
# Sheets
# ---------------------------------------------------------------------------------------------


def _sheet_ref(name: str) -> str:
    """A sheet name as formulas need it: quoted only when it is not a plain word."""
    if re.fullmatch(r"[^\W\d]\w*", name):
        return name
    return "'" + name.replace("'", "''") + "'"


def _set_name(wb: Workbook, name: str, sheet: str, ref: str) -> None:
    if name in wb.defined_names:
        del wb.defined_names[name]
    wb.defined_names[name] = DefinedName(name, attr_text=f"{_sheet_ref(sheet)}!{ref}")


def _print_setup(ws: Worksheet, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _fit_row_height(ws: Worksheet, row: int, text: str, width_chars: float) -> None:
    """Wrapped text shows whole only with a row height: neither openpyxl nor LibreOffice sets it on load."""
    lines = max(1, -(-len(text) // max(1, int(width_chars * 0.95))))
    ws.row_dimensions[row].height = 15 * lines + 2


def _panel_input(wb: Workbook, ws: Worksheet, row: int, label_text: str, name: str, prompt: str, hint: str) -> None:
    """A labelled input cell of the panel, with a workbook name the buttons read, and a hint below it."""
    label = ws.cell(row, 1, label_text)
    label.font = font(bold=True)
    label.alignment = Alignment(vertical="center")
    box = ws.cell(row, 2)
    box.fill = INPUT_FILL
    box.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
    box.alignment = Alignment(horizontal="left", vertical="center")
    dv = DataValidation(allow_blank=True, showInputMessage=True, promptTitle=label_text[:32], prompt=prompt)
    dv.add(box.coordinate)
    ws.add_data_validation(dv)
    _set_name(wb, name, ws.title, f"${get_column_letter(box.column)}${box.row}")
    ws.cell(row + 1, 2, hint).font = font(italic=True, color="FF595959")


def _write_panel(wb: Workbook, ws: Worksheet, version: str) -> None:
    """`Kontrol Paneli`: what to do, what each button does, and the selected meeting."""
    ws.sheet_view.showGridLines = False
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 100
    ws["A1"] = PANEL_TITLE
    ws["A1"].font = font(bold=True, size=16)

    _panel_input(
        wb,
        ws,
        PANEL_INPUT_ROW,
        MEETING_NO_LABEL,
        SELECTED_MEETING_NAME,
        "Toplantıya özel düğmelerin çalışacağı toplantının numarasını yazın.",
        "Tutanak (Ek-1), Katılımcı Listesi (Ek-2) ve Gündem ve Davet düğmeleri bu toplantı için çalışır.",
    )
    _panel_input(
        wb,
        ws,
        PANEL_INPUT_ROW + 2,
        DISTRICT_FOLDER_LABEL,
        DISTRICT_FOLDER_NAME,
        f"İlçe kitaplarının bulunduğu klasörün yolu; boş bırakılırsa kitabın yanındaki '{DISTRICT_FOLDER}' klasörü.",
        f"İl kitabında: ilçelerden gelen kitapların klasörü (ör. C:\\Kurul\\{DISTRICT_FOLDER}). Boşsa "
        f"kitabın yanındaki '{DISTRICT_FOLDER}' klasörü kullanılır.",
    )

    sheets = contract.sheets_for(version)
    province_only = [s.name for s in sheets if s.province_only]
    generated = [*contract.GENERATED_SHEETS, *(p + "…" for p in contract.GENERATED_PREFIXES)]
    steps = (
        (
            "1. Ayarlar",
            (
                f"Önce '{contract.SETTINGS_SHEET}' sayfasını doldurun: {contract.S_KIND}, "
                f"{contract.S_PROVINCE}, {contract.S_DISTRICT} (ilçe kurulunda), {contract.S_YEAR}, "
                f"{contract.S_POPULATION} ve Evet/Hayır soruları. Her ayarın açıklaması yanındadır."
            ),
        ),
        (
            "2. Veri sayfaları",
            "Sonra veri sayfalarını doldurun: "
            + ", ".join(s.name for s in sheets)
            + "."
            + (f" {', '.join(province_only)} yalnızca il kurulunda doldurulur." if province_only else ""),
        ),
        (
            "3. Nasıl yazılır",
            (
                "Her satır bir kayıttır. Tarihleri GG.AA.YYYY biçiminde yazın; listeli sütunlarda "
                "açılır listeden seçin. Başlıkları değiştirmeyin; kendi sütunlarınızı tablonun "
                "sağına ekleyebilirsiniz."
            ),
        ),
        (
            f"4. {MEETING_NO_LABEL}",
            (
                "Toplantıya özel bir düğmeye basmadan önce yukarıdaki "
                f"'{MEETING_NO_LABEL}' hücresine toplantının numarasını yazın."
            ),
        ),
        (
            "5. Üretilen sayfalar",
            "Yazılımın ürettiği sayfalar (" + ", ".join(generated) + ") her basışta "
            "yeniden yazılır; bu sayfalara veri girmeyin, yazdıklarınız silinir.",
        ),
        (
            "6. Listeler, güncelleme",
            (
                f"Gizli '{contract.LISTS_SHEET}' sayfası açılır listeleri tutar; "
                "değiştirmeyin. Eski bir şablonla yapılmış kitabı 'gockurul guncelle' "
                "komutu yeni şablona getirir; yazdığınız değerler değişmez."
            ),
        ),
    )
    row = PANEL_INPUT_ROW + 5
    ws.cell(row, 1, "Nasıl kullanılır").font = font(bold=True, size=12)
    for label, text in steps:
        row += 1
        ws.cell(row, 1, label).font = font(bold=True)
        ws.cell(row, 1).alignment = Alignment(vertical="top")  # beside the first line of its text
        ws.cell(row, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
        _fit_row_height(ws, row, text, ws.column_dimensions["B"].width)
    row += 2
    for col, text in enumerate(("Düğme", "Ne yapar"), start=1):
        header_style(ws.cell(row, col, text))
    for name, what in PANEL_BUTTONS:
        row += 1
        ws.cell(row, 1, name).font = font(bold=True)
        ws.cell(row, 1).alignment = Alignment(vertical="top")
        ws.cell(row, 2, what).alignment = Alignment(wrap_text=True, vertical="top")
        _fit_row_height(ws, row, what, ws.column_dimensions["B"].width)
    _print_setup(ws, landscape=False)


def _setting_columns() -> tuple[str, ...]:
    return (*contract.SETTING_COLUMNS, SETTING_NOTE_HEADER)


def _write_setting(ws: Worksheet, row: int, setting: contract.Setting, value: Any, cols: dict[str, int]) -> None:
    """One Ayarlar row: name, value (formatted and validated by the setting's kind) and its note."""
    name_col, value_col = (cols[h] for h in contract.SETTING_COLUMNS)
    ws.cell(row, name_col, setting.name)
    cell = ws.cell(row, value_col, value)
    cell.number_format = GENERAL_FORMAT if setting.kind == "int" else TEXT_FORMAT
    cell.fill = INPUT_FILL  # the place to type, as on the panel
    cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
    if SETTING_NOTE_HEADER in cols:
        ws.cell(row, cols[SETTING_NOTE_HEADER], setting.note or None).alignment = Alignment(wrap_text=True)
    dv = validation(setting.kind, setting.choices, bounds=int_bounds(setting.name), title=setting.name)
    if dv is not None:
        dv.add(cell.coordinate)
        ws.add_data_validation(dv)


def _write_settings(wb: Workbook, ws: Worksheet, version: str) -> None:
    headers = _setting_columns()
    cols = {h: i for i, h in enumerate(headers, start=1)}
    for (h, i), width in zip(cols.items(), SETTINGS_WIDTHS, strict=True):
        header_style(ws.cell(1, i, h))
        ws.column_dimensions[get_column_letter(i)].width = width
    settings = contract.settings_for(version)
    for row, setting in enumerate(settings, start=2):
        _write_setting(ws, row, setting, contract.default_setting(setting, version), cols)
    ref = f"A1:{get_column_letter(len(headers))}{len(settings) + 1}"
    ws.add_table(new_table(unique_table_name(wb, SETTINGS_TABLE), ref, headers))
    ws.freeze_panes = "A2"
    _print_setup(ws, landscape=False)


def _header_height(columns: Iterable[contract.Column]) -> float:
    """The header row's height: the tallest wrapped title (a title wraps at its column's width)."""
    lines = max((-(-len(c.header) // max(1, int(c.width * 0.9))) for c in columns), default=1)
    return 15.0 * lines + 4


def _write_input_sheet(wb: Workbook, ws: Worksheet, sheet: contract.SheetDef) -> None:
    for col, column in enumerate(sheet.columns, start=1):
        format_column(ws, col, column)
    ws.row_dimensions[1].height = _header_height(sheet.columns)
    ref = f"A1:{get_column_letter(len(sheet.columns))}{1 + TABLE_BODY_ROWS}"
    ws.add_table(new_table(unique_table_name(wb, sheet.table), ref, (c.header for c in sheet.columns)))
    ws.freeze_panes = "A2"
    _print_setup(ws)
    ws.print_title_rows = "1:1"


def _write_lists(wb: Workbook, ws: Worksheet) -> None:
    """Every closed list of the contract in its own column of `Listeler`, each a workbook name."""
    ws.sheet_state = "hidden"
    for col, (key, values) in enumerate(contract.lists().items(), start=1):
        letter = get_column_letter(col)
        ws.cell(1, col, key).font = font(bold=True)
        for row, value in enumerate(values, start=2):
            ws.cell(row, col, value)
        ws.column_dimensions[letter].width = max([len(key), *(len(v) for v in values)]) + 2
        _set_name(wb, list_name(key), ws.title, f"${letter}$2:${letter}${len(values) + 1}")


def build_template(version: str = TEMPLATE_VERSION) -> Workbook:
    """The master template of a template version (see the module docstring for the layout)."""
    if version not in contract.TEMPLATE_VERSIONS:
        raise InvalidArgument(
            f"Bilinmeyen şablon sürümü: {version} (bilinenler: {', '.join(contract.TEMPLATE_VERSIONS)})."
        )
    wb = Workbook()
    panel = wb.active
    panel.title = contract.CONTROL_PANEL_SHEET
    _write_panel(wb, panel, version)
    _write_settings(wb, wb.create_sheet(contract.SETTINGS_SHEET), version)
    for sheet in contract.sheets_for(version):
        _write_input_sheet(wb, wb.create_sheet(sheet.name), sheet)
    _write_lists(wb, wb.create_sheet(contract.LISTS_SHEET))
    wb.active = 0
    wb.properties.creator = CREATOR
    wb.properties.created = wb.properties.modified = FIXED_TIME
    return wb


# ---------------------------------------------------------------------------------------------
# Writing files
# ---------------------------------------------------------------------------------------------

CORE_PART = "docProps/core.xml"


def _workbook_bytes(wb: Workbook, timestamp: dt.datetime) -> bytes:
    """The saved workbook with its document dates and zip entry times set to `timestamp`.

    openpyxl stamps `modified` with the current time while saving and zip entries with the local
    time; both are rewritten here so equal workbooks give equal bytes."""
    raw = io.BytesIO()
    wb.save(raw)
    props = copy.copy(wb.properties)
    props.created = props.modified = timestamp
    core = tostring(props.to_tree())
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = core if info.filename == CORE_PART else src.read(info.filename)
            entry = zipfile.ZipInfo(info.filename, date_time=timestamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, data)
    return out.getvalue()


def _save(path: Path, data: bytes, *, overwrite: bool) -> None:
    """A new workbook file, by the rule of atomic.py: an existing file only with `overwrite`, backed up."""
    save_atomic(path, lambda fh: fh.write(data), kind=XLSX, create=True, overwrite=overwrite)


def save_template(path: str | os.PathLike, version: str = TEMPLATE_VERSION, *, overwrite: bool = False) -> None:
    """Write the master template; the same version always gives the same bytes. An existing file is replaced
    only with `overwrite` (and backed up first)."""
    path = Path(path)
    _check_folder(path)
    check_output(path, XLSX, create=True, overwrite=overwrite)
    _save(path, _workbook_bytes(build_template(version), FIXED_TIME), overwrite=overwrite)


def template_fingerprint(path: str | os.PathLike) -> dict[str, bytes]:
    """Zip member -> uncompressed bytes, without `docProps/core.xml` (document dates)."""
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist() if name != CORE_PART}


def _check_folder(path: Path) -> None:
    if not path.parent.is_dir():
        raise InvalidArgument(f"'{path.parent}' klasörü bulunamadı.")


# ---------------------------------------------------------------------------------------------
# gockurul yeni
# ---------------------------------------------------------------------------------------------


def _board_kind(kind: str) -> rules.BoardKind:
    folded = parse.ascii_fold(kind or "")
    for bk in rules.BoardKind:
        if folded == parse.ascii_fold(bk.value):
            return bk
    raise InvalidArgument(f"Kurul türü '{kind}' anlaşılamadı: 'il' veya 'ilce' yazın.")


def province_name(text: str) -> str:
    """The province's spelling in the list (`Iller`): Turkish-case-insensitive, letters folded to
    ASCII allowed ('sanliurfa' -> 'Şanlıurfa'). Raises InvalidArgument with a suggestion."""
    names = contract.lists()["Iller"]
    by_fold = {parse.ascii_fold(n): n for n in names}
    by_fold.update({parse.ascii_fold(alias): name for alias, name in contract.PROVINCE_ALIASES.items()})
    folded = parse.ascii_fold(text or "")
    if folded in by_fold:
        return by_fold[folded]
    guess = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=0.6)
    hint = f" Bunu mu demek istediniz: {by_fold[guess[0]]}?" if guess else f" {len(names)} ilden birini yazın."
    raise InvalidArgument(f"'{text}' bir il adı değil.{hint}")


def _settings_cells(ws: Worksheet) -> tuple[int, dict[str, int], dict[str, int]]:
    """(header row, header -> column, normalized setting name -> row) of an Ayarlar sheet."""
    rows = list(ws.iter_rows(min_row=1, max_row=ws.max_row, values_only=True))
    header_row, cols = parse.locate_header(rows, _setting_columns())
    by_name: dict[str, int] = {}
    if all(h in cols for h in contract.SETTING_COLUMNS):
        name_col = cols[contract.SETTING_COLUMNS[0]]
        for r in range(header_row + 1, len(rows) + 1):
            row = rows[r - 1]
            value = row[name_col - 1] if name_col - 1 < len(row) else None
            if not parse.is_blank(value):
                by_name.setdefault(parse.normalize_header(value), r)
    return header_row, cols, by_name


def new_workbook(
    path: str | os.PathLike,
    *,
    kind: str,
    province: str,
    district: str | None,
    year: int,
    foreign_population: int,
    border_district: bool = False,
    overwrite: bool = False,
) -> None:
    """`gockurul yeni`: the current template with Ayarlar filled, written atomically."""
    path = Path(path)
    board = _board_kind(kind)
    province = province_name(province)
    district = (district or "").strip() or None
    if board is rules.BoardKind.DISTRICT and district is None:
        raise InvalidArgument("İlçe kurulu için ilçe adını verin.")
    if board is rules.BoardKind.PROVINCE and district is not None:
        raise InvalidArgument(f"İl kurulunun kitabında ilçe verilmez ('{district}' verildi).")
    if isinstance(year, bool) or not isinstance(year, int) or not YEAR_MIN <= year <= YEAR_MAX:
        raise InvalidArgument(f"Yıl {YEAR_MIN} ile {YEAR_MAX} arasında olmalı ('{year}' verildi).")
    if (
        isinstance(foreign_population, bool)
        or not isinstance(foreign_population, int)
        or not 0 <= foreign_population <= POPULATION_MAX
    ):
        most = f"{POPULATION_MAX:_}".replace("_", ".")
        raise InvalidArgument(
            f"Yabancı nüfusu 0 ile {most} arasında bir tam sayı olmalı ('{foreign_population}' verildi)."
        )
    _check_folder(path)
    check_output(path, XLSX, create=True, overwrite=overwrite)

    yes, no = rules.YES_NO
    values = {
        contract.S_KIND: board.value,
        contract.S_PROVINCE: province,
        contract.S_DISTRICT: district,
        contract.S_YEAR: year,
        contract.S_POPULATION: foreign_population,
        contract.S_BORDER: yes if border_district else no,
    }
    wb = build_template(TEMPLATE_VERSION)
    ws = wb[contract.SETTINGS_SHEET]
    _, cols, rows = _settings_cells(ws)
    value_col = cols[contract.SETTING_COLUMNS[1]]
    for name, value in values.items():
        cell = ws.cell(rows[parse.normalize_header(name)], value_col, value)
        if isinstance(value, str):
            cell.data_type = "s"  # a name typed as '=…' stays that text, never a formula (issue 23)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    _save(path, _workbook_bytes(wb, now), overwrite=overwrite)  # a backup only when overwriting


# ---------------------------------------------------------------------------------------------
# gockurul guncelle
# ---------------------------------------------------------------------------------------------


def _version_of(value: Any) -> tuple[int, ...]:
    v = contract.version_tuple(value)
    while len(v) > 1 and v[-1] == 0:
        v = v[:-1]
    return v


def read_template_version(path: str | os.PathLike) -> str:
    """`Şablon Sürümü` of a workbook, "1.0" when it has none (read-only, openpyxl)."""

    path = Path(path)
    check_package(path)  # missing, corrupt or unsafe (XML bomb) files are refused before parsing
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        # the library's error type is no message for a user; it goes to the error log as the cause, for IT
        raise UnreadableWorkbook(f"'{path.name}' okunamadı: dosya bozuk ya da bir Excel (.xlsx) kitabı değil.") from exc
    try:
        if contract.SETTINGS_SHEET not in wb.sheetnames:
            return contract.TEMPLATE_VERSIONS[0]
        rows = list(wb[contract.SETTINGS_SHEET].iter_rows(values_only=True))
    finally:
        wb.close()
    header_row, cols = parse.locate_header(rows, contract.SETTING_COLUMNS)
    if len(cols) < len(contract.SETTING_COLUMNS):
        return contract.TEMPLATE_VERSIONS[0]
    name_col, value_col = (cols[h] - 1 for h in contract.SETTING_COLUMNS)
    wanted = parse.normalize_header(contract.S_VERSION)
    for row in rows[header_row:]:
        if name_col < len(row) and parse.normalize_header(row[name_col]) == wanted:
            value = parse.text(row[value_col]) if value_col < len(row) else None
            return value or contract.TEMPLATE_VERSIONS[0]
    return contract.TEMPLATE_VERSIONS[0]


def _table_at(ws: Worksheet, header_row: int, cols: Iterable[int], preferred: str) -> Table | None:
    """The sheet's table whose header row holds the contract columns (the contract's name first)."""
    cols = set(cols)
    candidates = []
    for table in ws.tables.values():
        min_col, min_row, max_col, _ = range_boundaries(table.ref)
        if min_row == header_row and any(min_col <= c <= max_col for c in cols):
            candidates.append(table)
    candidates.sort(key=lambda t: t.name != preferred)
    return candidates[0] if candidates else None


def _extend_table(ws: Worksheet, table: Table, header_row: int, new_col: int) -> bool:
    """Widen `table` to end at `new_col`; every column in between needs a unique header text."""
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    if new_col <= max_col:
        return True
    names = {parse.normalize_header(c.name) for c in table.tableColumns}
    added: list[str] = []
    for c in range(max_col + 1, new_col + 1):
        value = ws.cell(header_row, c).value
        key = parse.normalize_header(value)
        if not isinstance(value, str) or not key or key in names:
            return False
        names.add(key)
        added.append(value)
    next_id = max((c.id for c in table.tableColumns), default=0) + 1
    for i, name in enumerate(added):
        table.tableColumns.append(TableColumn(id=next_id + i, name=name))
    table.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(new_col)}{max_row}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
    return True


def _free_column_after(ws: Worksheet, header_row: int, last_col: int) -> int:
    """First column after `last_col` with nothing in it below the header (stray data is left alone)."""
    col = last_col + 1
    while any(ws.cell(r, col).value is not None for r in range(header_row, ws.max_row + 1)):
        col += 1
    return col


def _add_columns(ws: Worksheet, sheet: contract.SheetDef) -> list[str]:
    rows = list(ws.iter_rows(min_row=1, max_row=min(ws.max_row, parse.HEADER_SCAN_ROWS), values_only=True))
    header_row, found = parse.locate_header(rows, [c.header for c in contract.SHEETS_BY_NAME[sheet.name].columns])
    if not found:
        return [f"'{sheet.name}' sayfasında başlık satırı bulunamadı; eksik sütunlar eklenmedi."]
    missing = [c for c in sheet.columns if c.header not in found]
    if not missing:
        return []
    table = _table_at(ws, header_row, found.values(), sheet.table)
    changes = []
    for column in missing:
        used = [c for c in range(1, ws.max_column + 1) if not parse.is_blank(ws.cell(header_row, c).value)]
        last = max([*used, range_boundaries(table.ref)[2] if table else 0])
        col = _free_column_after(ws, header_row, last)
        format_column(ws, col, column, header_row)
        where = f"{get_column_letter(col)} sütunu"
        if table is not None and not _extend_table(ws, table, header_row, col):
            where += ", tablonun dışında"
        changes.append(f"'{sheet.name}' sayfasına '{column.header}' sütunu eklendi ({where}).")
    return changes


def _add_settings(ws: Worksheet) -> list[str]:
    header_row, cols, rows = _settings_cells(ws)
    table = _table_at(ws, header_row, cols.values(), SETTINGS_TABLE)
    changes = []
    for setting in contract.settings_for(TEMPLATE_VERSION):
        if parse.normalize_header(setting.name) in rows:
            continue
        used = [
            r
            for r in range(header_row + 1, ws.max_row + 1)
            if any(not parse.is_blank(ws.cell(r, c).value) for c in cols.values())
        ]
        row = max([header_row, *used, range_boundaries(table.ref)[3] if table else 0]) + 1
        value = contract.default_setting(setting, TEMPLATE_VERSION)
        _write_setting(ws, row, setting, value, cols)
        rows[parse.normalize_header(setting.name)] = row
        if table is not None:
            min_col, min_row, max_col, _ = range_boundaries(table.ref)
            table.ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{row}"
            if table.autoFilter is not None:
                table.autoFilter.ref = table.ref
        shown = f" (değeri: {value})" if value is not None else ""
        changes.append(f"'{ws.title}' sayfasına '{setting.name}' ayarı eklendi{shown}.")
    return changes


def _list_values(ws: Worksheet) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def upgrade(path: str | os.PathLike) -> list[str]:
    """`gockurul guncelle`: bring a workbook of an older template to TEMPLATE_VERSION.

    Adds what the newer template has (sheets, columns, settings, lists) and changes no value the
    user typed. Returns the changes in Turkish; [] (and nothing written) when already current. Our lock is held
    from reading to writing, and a save by someone else in between is not overwritten."""
    path = Path(path)
    with own_lock(path):
        return _upgrade(path, stamp(path))


def _upgrade(path: Path, read_as: Stamp | None) -> list[str]:
    found = read_template_version(path)
    try:
        current, latest = _version_of(found), _version_of(TEMPLATE_VERSION)
    except ValueError:
        raise InvalidArgument(f"Şablon sürümü '{found}' anlaşılamadı.", sheet=contract.SETTINGS_SHEET) from None
    if current > latest:
        raise NewerTemplate(
            f"Bu kitap daha yeni bir şablonla (sürüm {found}) yapılmış; lütfen gockurul'u güncelleyin.",
            sheet=contract.SETTINGS_SHEET,
        )
    if current == latest:
        return []

    # The check performs this very load (headers/footers put back as written, macros kept in .xlsm/.xltm)
    # and a save in memory: what it lets through survives the save below.
    refuse_if_lossy(path, "güncelleme")
    wb = openpyxl_load(path)
    if contract.SETTINGS_SHEET in wb.sheetnames:
        _, cols, _ = _settings_cells(wb[contract.SETTINGS_SHEET])
        if not all(h in cols for h in contract.SETTING_COLUMNS):
            raise InvalidArgument(
                f"'{contract.SETTING_COLUMNS[0]}' ve '{contract.SETTING_COLUMNS[1]}' başlıkları "
                "bulunamadı; kitap güncellenmedi.",
                sheet=contract.SETTINGS_SHEET,
            )
    changes: list[str] = []

    if contract.CONTROL_PANEL_SHEET not in wb.sheetnames:
        _write_panel(wb, wb.create_sheet(contract.CONTROL_PANEL_SHEET, 0), TEMPLATE_VERSION)
        changes.append(f"'{contract.CONTROL_PANEL_SHEET}' sayfası eklendi.")
    if contract.LISTS_SHEET not in wb.sheetnames:
        wb.create_sheet(contract.LISTS_SHEET)
    if contract.SETTINGS_SHEET not in wb.sheetnames:
        index = wb.sheetnames.index(contract.CONTROL_PANEL_SHEET) + 1
        _write_settings(wb, wb.create_sheet(contract.SETTINGS_SHEET, index), TEMPLATE_VERSION)
        changes.append(f"'{contract.SETTINGS_SHEET}' sayfası eklendi.")
    else:
        changes += _add_settings(wb[contract.SETTINGS_SHEET])

    previous = contract.SETTINGS_SHEET
    for sheet in contract.sheets_for(TEMPLATE_VERSION):
        if sheet.name in wb.sheetnames:
            changes += _add_columns(wb[sheet.name], sheet)
        else:
            # at its place in the contract: after the sheet that precedes it there
            at = (
                wb.sheetnames.index(previous) + 1
                if previous in wb.sheetnames
                else wb.sheetnames.index(contract.LISTS_SHEET)
            )
            ws = wb.create_sheet(sheet.name, at)
            _write_input_sheet(wb, ws, sheet)
            changes.append(f"'{sheet.name}' sayfası eklendi.")
        previous = sheet.name

    lists = wb[contract.LISTS_SHEET]
    before = _list_values(lists)
    lists.delete_rows(1, lists.max_row)
    _write_lists(wb, lists)
    if _list_values(lists) != before:
        changes.append(f"Açılır listeler ('{contract.LISTS_SHEET}' sayfası) yenilendi.")

    ws = wb[contract.SETTINGS_SHEET]
    _, cols, rows = _settings_cells(ws)
    cell = ws.cell(rows[parse.normalize_header(contract.S_VERSION)], cols[contract.SETTING_COLUMNS[1]])
    cell.value, cell.number_format = TEMPLATE_VERSION, TEXT_FORMAT
    changes.append(f"Şablon sürümü {found} → {TEMPLATE_VERSION} yapıldı.")

    wb.calculation.fullCalcOnLoad = True  # openpyxl keeps formulas but not their cached results
    backup = save_atomic(path, wb.save, expect=read_as)
    if backup is not None:
        changes.append(f"Önceki hali yedeklendi: {backup}")
    return changes
