"""An input column's look and checks, one definition for the template and its upgrade (files.template): the
header style, the number format, the data validation (closed lists, dates, whole numbers, times, notes), the
column's own `<col>` width and format, and the Excel table around a sheet's columns. A column added by `upgrade`
looks and checks exactly like the one `build_template` writes.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.dimensions import ColumnDimension
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from .. import contract
from ..sheetspec import DATE_FORMAT, STYLES, TIME_FORMAT

TABLE_STYLE = "TableStyleMedium2"
VALIDATION_LAST_ROW = 1000
TEXT_FORMAT = "@"
GENERAL_FORMAT = "General"

YEAR_MIN, YEAR_MAX = 2000, 2100
DATE_MIN, DATE_MAX = dt.date(YEAR_MIN, 1, 1), dt.date(YEAR_MAX, 12, 31)

LIST_NAME_PREFIX = "Liste_"

THIN = Side(style="thin", color="FF8EA9DB")
INPUT_FILL = PatternFill("solid", fgColor="FFFFF2CC")  # where to type: the panel's inputs, the settings' values
FONT_NAME = "Calibri"  # every font names it: LibreOffice shows a serif for a font without a name


def font(**kwargs) -> Font:
    return Font(name=FONT_NAME, size=kwargs.pop("size", 11), **kwargs)


def header_style(cell: Any) -> None:
    s = STYLES["header"]  # the same look as the headers of generated sheets
    cell.font = font(bold=s.bold, color="FF" + (s.color or "000000"))
    cell.fill = PatternFill("solid", fgColor="FF" + s.fill) if s.fill else PatternFill()
    cell.alignment = Alignment(wrap_text=s.wrap, horizontal=s.halign, vertical=s.valign)
    if s.border:
        cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def list_name(key: str) -> str:
    """Workbook name of a closed list: `Liste_Iller`."""
    return LIST_NAME_PREFIX + key


def number_format(kind: str) -> str:
    if kind == "date":
        return DATE_FORMAT
    if kind == "time":
        return TIME_FORMAT
    if kind == "int":
        return "#,##0"  # 12.000 in a Turkish Excel
    if kind == "phone":
        return TEXT_FORMAT  # keeps a leading 0 and spaces as typed
    return GENERAL_FORMAT  # keys stay General: staff type 1, 2, 3


# What a whole number means in each column that takes one: its validation message says it (not one message for all).
INT_MESSAGES = {
    contract.S_POPULATION: "Yabancı nüfusunu sıfır veya daha büyük bir tam sayı olarak yazın (ör. 12000).",
    "Sıra": "Sıra numarasını 1, 2, 3 gibi bir tam sayı olarak yazın.",
    "Ara Rapor Sıklığı (Ay)": "Ara raporun kaç ayda bir verileceğini ay olarak yazın (ör. 6).",
}
YEAR_HEADERS = (contract.S_YEAR,)


def int_bounds(name: str) -> tuple[int, int] | None:
    return (YEAR_MIN, YEAR_MAX) if name in YEAR_HEADERS else None


def validation(
    kind: str,
    choices: str | None,
    strict: bool = True,
    *,
    bounds: tuple[int, int] | None = None,
    title: str = "",
    note: str = "",
) -> DataValidation | None:
    """The data validation for a value of this kind, or None when nothing is checked or shown."""
    dv: DataValidation | None
    if choices:
        dv = DataValidation(type="list", formula1=list_name(choices), allow_blank=True)
        if strict:
            dv.errorStyle, dv.errorTitle = "stop", "Geçersiz değer"
            dv.error = "Lütfen açılır listeden bir değer seçin."
        else:
            dv.errorStyle, dv.errorTitle = "information", "Listede olmayan değer"
            dv.error = "Bu değer listede yok. Doğruysa Tamam'a basın; listeden seçmek için İptal'e basın."
    elif kind == "date":
        dv = DataValidation(
            type="date",
            operator="between",
            formula1=str(int(to_excel(DATE_MIN))),
            formula2=str(int(to_excel(DATE_MAX))),
            allow_blank=True,
        )
        dv.errorStyle, dv.errorTitle = "stop", "Geçersiz tarih"
        dv.error = f"Tarihi GG.AA.YYYY biçiminde girin ({DATE_MIN:%d.%m.%Y} ile {DATE_MAX:%d.%m.%Y} arasında)."
    elif kind == "int":
        if bounds:
            dv = DataValidation(
                type="whole", operator="between", formula1=str(bounds[0]), formula2=str(bounds[1]), allow_blank=True
            )
            message = f"Yılı {bounds[0]} ile {bounds[1]} arasında dört haneli olarak yazın (ör. 2026)."
        else:
            dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
            message = INT_MESSAGES.get(title, f"'{title}' için sıfır veya daha büyük bir tam sayı girin.")
        dv.errorStyle, dv.errorTitle, dv.error = "stop", "Geçersiz sayı", message
    elif kind == "time":
        dv = DataValidation(
            type="time", operator="between", formula1="0", formula2="0.999305555555556", allow_blank=True
        )
        dv.errorStyle, dv.errorTitle = "stop", "Geçersiz saat"
        dv.error = "Saati SS:DD biçiminde girin (ör. 14:30)."
    elif note:
        dv = DataValidation(allow_blank=True)  # any value; only shows the note
    else:
        return None
    dv.showErrorMessage = dv.type is not None
    if note:
        dv.showInputMessage = True
        dv.promptTitle = title[:32]  # Excel's limits: title 32, message 255 characters
        dv.prompt = note[:255]
    return dv


def _own_column(ws: Worksheet, col: int) -> Any:
    """The column's own ColumnDimension; a `<col min..max>` group covering it is split first, so
    formatting one column never formats its neighbours (nor writes overlapping `<col>` elements)."""
    for key, dim in list(ws.column_dimensions.items()):
        dim.reindex()
        if dim.min <= col <= dim.max and dim.min != dim.max:
            del ws.column_dimensions[key]
            for lo, hi in ((dim.min, col - 1), (col, col), (col + 1, dim.max)):
                if lo > hi:
                    continue
                part = ColumnDimension(
                    ws,
                    index=get_column_letter(lo),
                    width=dim.width,
                    bestFit=dim.bestFit,
                    hidden=dim.hidden,
                    outlineLevel=dim.outlineLevel,
                    collapsed=dim.collapsed,
                    min=lo,
                    max=hi,
                )
                part._style = copy.copy(dim._style)
                ws.column_dimensions[part.index] = part
            break
    return ws.column_dimensions[get_column_letter(col)]


def format_column(ws: Worksheet, col: int, column: contract.Column, header_row: int = 1) -> None:
    """Header, width, number format and validation of one input column (template and upgrade)."""
    cell = ws.cell(header_row, col, column.header)
    header_style(cell)
    dim = _own_column(ws, col)
    dim.width = column.width
    fmt = number_format(column.kind)
    if fmt != GENERAL_FORMAT:
        dim.number_format = fmt
    dv = validation(
        column.kind,
        column.choices,
        column.strict_choices,
        title=column.header,
        note=column.note,
        bounds=int_bounds(column.header),
    )
    if dv is not None:
        letter = get_column_letter(col)
        dv.add(f"{letter}{header_row + 1}:{letter}{max(VALIDATION_LAST_ROW, header_row + 1)}")
        ws.add_data_validation(dv)


def new_table(name: str, ref: str, headers: Iterable[str]) -> Table:
    table = Table(displayName=name, ref=ref, autoFilter=AutoFilter(ref=ref))
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
    for i, header in enumerate(headers, start=1):
        table.tableColumns.append(TableColumn(id=i, name=header))
    return table


def unique_table_name(wb: Workbook, wanted: str) -> str:
    taken = {t.lower() for ws in wb.worksheets for t in ws.tables}
    taken |= {n.lower() for n in wb.defined_names}
    name, n = wanted, 2
    while name.lower() in taken:
        name, n = f"{wanted}{n}", n + 1
    return name
