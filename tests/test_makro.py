"""The Excel buttons on the REAL xlwings remote engine (no Excel): payload from a real .xlsx, button, actions
applied to an openpyxl copy, compared with what the file backend (the CLI's library functions) writes."""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import shutil
import subprocess
import sys

import pytest

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import openpyxl
import xlwings as xw
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from gockurul_excel import makro, operations

from .conftest import TODAY, clean_example_rows, run_cli

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(T| )?(\d{2}:\d{2}:\d{2})?")


# --- payload: what an xlwings client sends -------------------------------------------------------------

def payload_from_xlsx(path, selection: tuple[str, str] | None = None, client: str = "Microsoft Excel") -> dict:
    wb = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows(min_row=1, min_col=1, max_row=ws.max_row, max_col=ws.max_column, values_only=True):
            out = []
            for v in row:
                if v is None:
                    out.append("")
                elif isinstance(v, dt.datetime):
                    out.append(v.isoformat(timespec="milliseconds") + "Z")
                elif isinstance(v, dt.date):
                    out.append(v.isoformat() + "T00:00:00.000Z")
                elif isinstance(v, dt.time):
                    out.append(v.strftime("%H:%M"))
                else:
                    out.append(v)
            rows.append(out)
        sheets.append({"name": ws.title, "values": rows or [[]], "pictures": [], "tables": []})
    names = []
    for name, dn in wb.defined_names.items():
        for title, ref in dn.destinations:
            if title in wb.sheetnames:
                names.append({"name": name, "sheet_index": wb.sheetnames.index(title),
                              "address": ref.replace("$", ""), "book_scope": True,
                              "scope_sheet_name": None, "scope_sheet_index": None})
    active = 0
    sel = "A1"
    if selection:
        active, sel = wb.sheetnames.index(selection[0]), selection[1]
    return {"client": client, "version": xw.__version__,
            "book": {"name": path.name, "active_sheet_index": active, "selection": sel},
            "names": names, "sheets": sheets}


def remote_book(path, **kw):
    return xw.Book(json=payload_from_xlsx(path, **kw))


# --- applier: what the client does with the returned actions ------------------------------------------

def _value(v):
    if isinstance(v, str) and ISO.match(v) and len(v) >= 10:
        try:
            d = dt.datetime.fromisoformat(v.replace("Z", ""))
            return d.date() if len(v) == 10 else d
        except ValueError:
            return v
    return None if v == "" else v


def _cells(ws, a):
    r0, c0 = a["start_row"] + 1, a["start_column"] + 1
    for r in range(r0, r0 + min(a["row_count"], 2000)):
        for c in range(c0, c0 + min(a["column_count"], 200)):
            yield ws.cell(r, c)


def apply_actions(wb, actions: list[dict]) -> list[str]:
    alerts = []
    thin = Side(style="thin")
    for a in actions:
        f = a["func"]
        pos = a["sheet_position"]
        ws = wb.worksheets[pos] if pos is not None and f != "addSheet" else None
        if f == "addSheet":
            wb.create_sheet(a["args"][1], index=a["args"][0])
        elif f == "sheetClear":
            title, idx = ws.title, wb.worksheets.index(ws)
            wb.remove(ws)
            wb.create_sheet(title, index=idx)
        elif f == "setValues":
            for ri, row in enumerate(a["values"]):
                for ci, v in enumerate(row):
                    ws.cell(a["start_row"] + 1 + ri, a["start_column"] + 1 + ci).value = _value(v)
        elif f == "setFontProperty":
            attr, v = a["args"]
            for c in _cells(ws, a):
                kw = {"bold": c.font.b, "italic": c.font.i, "sz": c.font.sz, "color": c.font.color}
                kw[{"bold": "bold", "italic": "italic", "size": "sz", "color": "color"}[attr]] = (
                    v.lstrip("#") if attr == "color" else v)
                c.font = Font(b=kw["bold"], i=kw["italic"], sz=kw["sz"], color=kw["color"])
        elif f == "setRangeColor":
            for c in _cells(ws, a):
                c.fill = PatternFill("solid", fgColor=a["args"][0].lstrip("#"))
        elif f == "setNumberFormat":
            for c in _cells(ws, a):
                c.number_format = a["args"][0]
        elif f == "setWrapText":
            for c in _cells(ws, a):
                c.alignment = Alignment(wrap_text=a["args"][0], horizontal=c.alignment.horizontal,
                                        vertical=c.alignment.vertical)
        elif f == "setBorderProperty":
            for c in _cells(ws, a):
                c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        elif f == "rangeMerge":
            r, col = a["start_row"] + 1, a["start_column"] + 1
            across = bool(a["args"][0])
            for top in range(r, r + a["row_count"]) if across else [r]:
                bottom = top if across else r + a["row_count"] - 1
                ws.merge_cells(start_row=top, start_column=col, end_row=bottom,
                               end_column=col + a["column_count"] - 1)
        elif f == "setColumnWidth":
            for col in range(a["start_column"] + 1, a["start_column"] + 1 + a["column_count"]):
                ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width = a["args"][0] / 5.25
        elif f == "setRowHeight":
            for r in range(a["start_row"] + 1, a["start_row"] + 1 + a["row_count"]):
                ws.row_dimensions[r].height = a["args"][0]
        elif f == "setPrintArea":
            ws.print_area = a["args"][0]
        elif f == "freezePaneAtRange":
            ws.freeze_panes = a["args"][0]
        elif f == "alert":
            alerts.append(a["args"][0])
        elif f in ("setHorizontalAlignment", "setVerticalAlignment"):
            pass
        else:
            raise AssertionError(f"applier does not know action {f}")
    return alerts


HYPERLINK = re.compile(r'^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$')


def shown(v):
    """What the cell shows: a HYPERLINK formula shows its text."""
    if isinstance(v, str):
        m = HYPERLINK.match(v)
        if m:
            return m.group(1).replace('""', '"') or None
    if isinstance(v, dt.datetime) and v.time() == dt.time(0):
        return v.date()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def sheet_values(ws) -> dict[str, object]:
    return {c.coordinate: shown(c.value) for row in ws.iter_rows() for c in row if shown(c.value) not in (None, "")}


def run_button(path, func, tmp_path, **kw):
    book = remote_book(path, **kw)
    message = func(book)
    actions = book.json()["actions"]
    out = tmp_path / ("remote_" + path.name)
    shutil.copy(path, out)
    wb = openpyxl.load_workbook(out)
    alerts = apply_actions(wb, actions)
    wb.save(out)
    return message, actions, openpyxl.load_workbook(out), alerts


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(makro, "_today", lambda: TODAY)


def _file_result(path, tmp_path, write):
    ref = tmp_path / ("file_" + path.name)
    shutil.copy(path, ref)
    write(ref)
    return openpyxl.load_workbook(ref)


def _compare(remote_wb, file_wb, names):
    for name in names:
        assert name in remote_wb.sheetnames, (name, remote_wb.sheetnames)
        assert sheet_values(remote_wb[name]) == sheet_values(file_wb[name]), name
        assert sorted(map(str, remote_wb[name].merged_cells.ranges)) == \
            sorted(map(str, file_wb[name].merged_cells.ranges)), name


def _first_meeting(path):
    from gockurul_excel.reader import read_workbook

    rec = read_workbook(path).records("Toplantılar")[0]
    return str(rec["Toplantı No"]), rec.row


CASES = {
    "kontrol_et": (lambda p, no: operations.check_workbook(p, today=TODAY), ["Kontrol"]),
    "takvimi_hesapla": (lambda p, no: operations.compute_calendar(p, today=TODAY), ["Takvim", "Pano"]),
    "tutanak": (lambda p, no: operations.write_minutes(p, no), None),
    "katilimci_listesi": (lambda p, no: operations.write_attendance(p, no), None),
    "gundem_ve_davet": (lambda p, no: operations.write_agenda(p, no), None),
    "yillik_rapor": (lambda p, no: operations.write_annual_report(p), None),
    "eylem_plani": (lambda p, no: operations.write_action_plan(p, TODAY), None),
}


@pytest.mark.parametrize("button", list(CASES))
def test_button_equals_file_backend(button, make_book, tmp_path):
    path = make_book()
    number, row = _first_meeting(path)
    message, _actions, remote_wb, alerts = run_button(path, getattr(makro, button), tmp_path,
                                                     selection=("Toplantılar", f"B{row}"))
    assert "yapılamadı" not in message, message
    assert alerts == [message]
    assert "Traceback" not in message
    write, names = CASES[button]
    before = set(openpyxl.load_workbook(path).sheetnames)
    file_wb = _file_result(path, tmp_path, lambda p: write(p, number))
    names = names or [n for n in file_wb.sheetnames if n not in before]
    assert names
    _compare(remote_wb, file_wb, names)
    # The status cell on Kontrol Paneli says the same.
    assert message in remote_wb["Kontrol Paneli"]["A2"].value


def test_kontrol_equals_real_cli(make_book, tmp_path):
    rows = clean_example_rows()
    rows["Kararlar"][0][6] = "yarın"  # one finding at least
    path = make_book(rows=rows)
    message, _, remote_wb, _ = run_button(path, makro.kontrol_et, tmp_path)
    ref = tmp_path / "cli.xlsx"
    shutil.copy(path, ref)
    proc = run_cli("kontrol", str(ref), "--bugun", TODAY.isoformat())
    assert "Traceback" not in proc.stderr
    _compare(remote_wb, openpyxl.load_workbook(ref), ["Kontrol"])
    assert "hata" in message or "uyarı" in message


def _bigger(factor: int) -> dict:
    rows = clean_example_rows()
    big = copy.deepcopy(rows)
    for sheet in ("Kararlar", "Projeler", "Veri Paylaşımı"):
        base = rows[sheet]
        for k in range(1, factor):
            for r in base:
                r2 = list(r)
                if isinstance(r2[0], int):
                    r2[0] = r2[0] + 1000 * k
                big[sheet].append(r2)
    return big


@pytest.mark.parametrize("button", list(CASES))
def test_action_count_does_not_grow_with_rows(button, make_book, tmp_path):
    counts = []
    for name, rows in (("kucuk.xlsx", clean_example_rows()), ("buyuk.xlsx", _bigger(10))):
        path = make_book(rows=rows, name=name)
        _, row = _first_meeting(path)
        book = remote_book(path, selection=("Toplantılar", f"B{row}"))
        message = getattr(makro, button)(book)
        assert "beklenmeyen" not in message, message
        counts.append(len(book.json()["actions"]))
    if button in FORM_LINES:
        # The minutes and Ek-3 print one line per decision/item: merges, bold labels and row heights of
        # those lines grow with the items shown (not with cells: values are still one write per sheet).
        assert counts[1] < 3 * counts[0], counts
    else:
        assert counts[1] == counts[0], counts


FORM_LINES = {"tutanak", "yillik_rapor"}


def test_meeting_buttons_without_selection(make_book, tmp_path):
    path = make_book()
    book = remote_book(path)  # selection A1 of the first sheet, SeciliToplantiNo empty
    message = makro.tutanak(book)
    assert message.startswith("Tutanak (Ek-1): Toplantı seçilmedi.")
    funcs = [a["func"] for a in book.json()["actions"]]
    assert "addSheet" not in funcs and "alert" in funcs


def test_meeting_from_panel_name(make_book, tmp_path):
    path = make_book()
    number, _ = _first_meeting(path)
    wb = openpyxl.load_workbook(path)
    wb["Kontrol Paneli"]["B3"] = number
    wb.save(path)
    message = makro.katilimci_listesi(remote_book(path))
    assert message.startswith(f"Toplantı {number}: 'Ek-2 "), message


def test_unknown_meeting_is_a_turkish_message(make_book):
    path = make_book()
    wb = openpyxl.load_workbook(path)
    wb["Kontrol Paneli"]["B3"] = "999"
    wb.save(path)
    message = makro.tutanak(remote_book(path))
    assert "yapılamadı" in message and "999" in message and "Traceback" not in message


def test_unexpected_error_never_raises(make_book, monkeypatch):
    path = make_book()
    book = remote_book(path)

    def boom(*a, **k):
        raise RuntimeError("x")

    monkeypatch.setattr("gockurul_excel.validate.run_checks", boom)
    message = makro.kontrol_et(book)
    assert "beklenmeyen bir hata" in message and "RuntimeError" in message


def test_input_sheet_is_never_overwritten(make_book):
    from gockurul_excel.errors import GocKurulError
    from gockurul_excel.sheetspec import Block, SheetSpec
    from gockurul_excel.xw_backend import render_sheet

    book = remote_book(make_book())
    with pytest.raises(GocKurulError):
        render_sheet(book, SheetSpec(name="Üyeler", blocks=[Block(1, 1, [["x"]])]))


def test_consolidation_and_pdf_say_so(make_book):
    book = remote_book(make_book())
    assert "henüz hazır değil" in makro.ilce_kitaplarini_birlestir(book)
    assert "PDF yapılamaz" in makro.pdf(book)
    msg = makro.platform_dosyalari(book)
    assert "doğrulandı" in msg, msg


def test_import_is_light():
    code = ("import time,sys; t=time.perf_counter(); import gockurul_excel.makro; "
            "d=time.perf_counter()-t; heavy=[m for m in ('xlwings','openpyxl','python_calamine','lxml') "
            "if m in sys.modules]; print(d, heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    elapsed, heavy = out.split(" ", 1)
    assert heavy.strip() == "[]"
    assert float(elapsed) < 0.3
