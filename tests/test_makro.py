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

from gockurul_excel import contract, makro, operations

from .conftest import TODAY, clean_example_rows, run_cli

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(T| )?(\d{2}:\d{2}:\d{2})?")


# --- payload: what an xlwings client sends -------------------------------------------------------------


def payload_from_xlsx(path, selection: tuple[str, str] | None = None, client: str = "Office.js") -> dict:
    """What a client sends: "Office.js" (xlwings Lite, the Server add-in) or "VBA" (RunRemotePython)."""
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
        sheet = {"name": ws.title, "values": rows or [[]], "pictures": [], "tables": []}
        if client == "Office.js":  # the VBA client sends no charts (Remote.bas)
            sheet["charts"] = []
        sheets.append(sheet)
    names = []
    for name, dn in wb.defined_names.items():
        for title, ref in dn.destinations:
            if title in wb.sheetnames:
                names.append(
                    {
                        "name": name,
                        "sheet_index": wb.sheetnames.index(title),
                        "address": ref.replace("$", ""),
                        "book_scope": True,
                        "scope_sheet_name": None,
                        "scope_sheet_index": None,
                    }
                )
    active = 0
    sel = "A1"
    if selection:
        active, sel = wb.sheetnames.index(selection[0]), selection[1]
    return {
        "client": client,
        "version": xw.__version__,
        "book": {"name": path.name, "active_sheet_index": active, "selection": sel},
        "names": names,
        "sheets": sheets,
    }


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


CHARTS: dict[str, list[dict]] = {}  # sheet title -> charts the last apply_actions drew (openpyxl drops charts)


def apply_actions(wb, actions: list[dict]) -> list[str]:
    alerts = []
    CHARTS.clear()
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
                kw = {"bold": c.font.b, "italic": c.font.i, "sz": c.font.sz, "color": c.font.color, "name": c.font.name}
                kw[{"bold": "bold", "italic": "italic", "size": "sz", "color": "color", "name": "name"}[attr]] = (
                    v.lstrip("#") if attr == "color" else v
                )
                c.font = Font(b=kw["bold"], i=kw["italic"], sz=kw["sz"], color=kw["color"], name=kw["name"])
        elif f == "setRangeColor":
            for c in _cells(ws, a):
                c.fill = PatternFill("solid", fgColor=a["args"][0].lstrip("#"))
        elif f == "setRangeColors":  # set_colors: one colour (or "keep", or None for no fill) per cell
            matrix = a["args"][0]
            assert len(matrix) == a["row_count"] and all(len(row) == a["column_count"] for row in matrix)
            for ri, row in enumerate(matrix):
                for ci, colour in enumerate(row):
                    cell = ws.cell(a["start_row"] + 1 + ri, a["start_column"] + 1 + ci)
                    if colour is None:
                        cell.fill = PatternFill()
                    elif colour != "keep":
                        cell.fill = PatternFill("solid", fgColor=colour.lstrip("#"))
        elif f == "addConditionalFormat":  # "cell equals text": applied as Excel shows it, to the cells that match
            rule = a["args"][0]
            assert rule["type"] == "CellValue" and rule["operator"] == "EqualTo", rule
            text = rule["formula1"][2:-1].replace('""', '"')
            assert rule["formula1"] == '="' + text.replace('"', '""') + '"'
            for c in _cells(ws, a):
                if c.value != text:
                    continue
                f0 = c.font
                c.font = Font(
                    b=rule["font_bold"] or f0.b,
                    i=rule["font_italic"] or f0.i,
                    sz=f0.sz,
                    name=f0.name,
                    color=rule["font_color"].lstrip("#") if rule["font_color"] else f0.color,
                )
                if rule["fill_color"]:
                    c.fill = PatternFill("solid", fgColor=rule["fill_color"].lstrip("#"))
        elif f == "setNumberFormat":
            for c in _cells(ws, a):
                c.number_format = a["args"][0]
        elif f == "setWrapText":
            for c in _cells(ws, a):
                c.alignment = Alignment(
                    wrap_text=a["args"][0], horizontal=c.alignment.horizontal, vertical=c.alignment.vertical
                )
        elif f == "setBorderProperty":
            for c in _cells(ws, a):
                c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        elif f == "rangeMerge":
            r, col = a["start_row"] + 1, a["start_column"] + 1
            across = bool(a["args"][0])
            for top in range(r, r + a["row_count"]) if across else [r]:
                bottom = top if across else r + a["row_count"] - 1
                ws.merge_cells(start_row=top, start_column=col, end_row=bottom, end_column=col + a["column_count"] - 1)
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
        elif f in ("setHorizontalAlignment", "setVerticalAlignment", "setAutofit"):
            pass  # no effect on values or merges (openpyxl cannot measure text for an autofit)
        elif f == "addChart":
            _name, kind, _sheet, source, *_rest = a["args"]
            CHARTS.setdefault(ws.title, []).append(
                {"type": kind, "source": source, "anchor": a["args"][9], "plot_by": a["args"][8]}
            )
        elif f == "setChartXAxisValues":
            CHARTS[ws.title][a["args"][0]]["categories"] = a["args"][2]
        elif f == "setChartTitle":
            CHARTS[ws.title][a["args"][0]]["title"] = a["args"][1]
        elif f == "deleteChart":
            del CHARTS.setdefault(ws.title, [])[a["args"][0]]
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


def _file_result(path, tmp_path, write, *, paginate: bool = False):
    """What the file backend writes for the same command, as the Office.js client's book gets it: unpaginated
    (live.backend.LiveBackend.paginates; the CLI's file is paginated, `paginate=True`)."""
    from unittest import mock

    from gockurul_excel.files.backend import FileBackend

    ref = tmp_path / ("file_" + path.name)
    shutil.copy(path, ref)
    with mock.patch.object(FileBackend, "paginates", paginate):
        write(ref)
    return openpyxl.load_workbook(ref)


def _compare(remote_wb, file_wb, names):
    for name in names:
        assert name in remote_wb.sheetnames, (name, remote_wb.sheetnames)
        assert sheet_values(remote_wb[name]) == sheet_values(file_wb[name]), name
        assert sorted(map(str, remote_wb[name].merged_cells.ranges)) == sorted(
            map(str, file_wb[name].merged_cells.ranges)
        ), name


def _first_meeting(path):
    from gockurul_excel.files.reader import read_workbook

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
    message, _actions, remote_wb, alerts = run_button(
        path, getattr(makro, button), tmp_path, selection=("Toplantılar", f"B{row}")
    )
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
    # Ek-1 and Ek-3 print one line per decision/item: those lines are unmerged and left to one autofit call. On an
    # Office.js client the forms are unpaginated (no table heading repeated per printed page): no call per page
    # either (tests/test_action_counts.py holds every button to this on three books).
    assert counts[1] <= 1.25 * counts[0] + 10, counts


@pytest.mark.parametrize("button", ["tutanak", "yillik_rapor"])
def test_form_lines_are_autofit_not_sized_one_by_one(button, make_book):
    """The rows that repeat per item are fitted by ONE autofit over their span instead of one height each; the
    form's fixed heights are set after it, so they win."""
    path = make_book(rows=_bigger(10))
    _, row = _first_meeting(path)
    book = remote_book(path, selection=("Toplantılar", f"B{row}"))
    getattr(makro, button)(book)
    actions = book.json()["actions"]
    autofit = [i for i, a in enumerate(actions) if a["func"] == "setAutofit"]
    heights = [i for i, a in enumerate(actions) if a["func"] == "setRowHeight"]
    assert len(autofit) == 1 and actions[autofit[0]]["args"] == ["rows"]
    assert len(heights) < 20  # the fixed lines of the form only
    assert all(i > autofit[0] for i in heights)
    fitted = actions[autofit[0]]["row_count"]
    assert fitted > 40  # the decisions' lines (10× the example)


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

    monkeypatch.setattr("gockurul_excel.core.checks.run_checks", boom)
    message = makro.kontrol_et(book)
    assert "beklenmeyen bir hata" in message and "RuntimeError" in message


def test_input_sheet_is_never_overwritten(make_book):
    from gockurul_excel.errors import GocKurulError
    from gockurul_excel.live.backend import render_sheet
    from gockurul_excel.sheetspec import Block, SheetSpec

    book = remote_book(make_book())
    with pytest.raises(GocKurulError):
        render_sheet(book, SheetSpec(name="Üyeler", blocks=[Block(1, 1, [["x"]])]))


def test_consolidation_and_pdf_say_so(make_book):
    book = remote_book(make_book())
    message = makro.ilce_kitaplarini_birlestir(book)
    assert makro.MERGE_REMOTE in message and "gockurul birlestir" in message and "masaüstü Excel" in message
    assert "addSheet" not in {a["func"] for a in book.json()["actions"]}
    assert "PDF yapılamaz" in makro.pdf(book)
    msg = makro.platform_dosyalari(book)
    assert "doğrulandı" in msg, msg


def test_import_is_light():
    code = (
        "import time,sys; t=time.perf_counter(); import gockurul_excel.makro; "
        "d=time.perf_counter()-t; heavy=[m for m in ('xlwings','openpyxl','python_calamine','lxml') "
        "if m in sys.modules]; print(d, heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    elapsed, heavy = out.split(" ", 1)
    assert heavy.strip() == "[]"
    assert float(elapsed) < 0.3


# --- native charts -------------------------------------------------------------------------------------


def file_charts(path, sheet_name: str) -> list[dict]:
    """The charts the file backend wrote on a sheet: type, title, categories, series names and values."""
    import posixpath
    import zipfile

    from lxml import etree

    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "p": "http://schemas.openxmlformats.org/package/2006/relationships",
    }

    def rels(zf, part):
        folder, name = posixpath.split(part)
        rel = posixpath.join(folder, "_rels", name + ".rels")
        if rel not in zf.namelist():
            return {}
        out = {}
        for r in etree.fromstring(zf.read(rel)).findall("p:Relationship", ns):
            out[r.get("Id")] = posixpath.normpath(posixpath.join(folder, r.get("Target")))
        return out

    with zipfile.ZipFile(path) as zf:
        wb = etree.fromstring(zf.read("xl/workbook.xml"))
        rid = next(s.get(f"{{{ns['r']}}}id") for s in wb.findall("m:sheets/m:sheet", ns) if s.get("name") == sheet_name)
        sheet_part = rels(zf, "xl/workbook.xml")[rid]
        drawing = etree.fromstring(zf.read(sheet_part)).find("m:drawing", ns)
        if drawing is None:
            return []
        drawing_part = rels(zf, sheet_part)[drawing.get(f"{{{ns['r']}}}id")]
        out = []
        for chart_part in sorted(rels(zf, drawing_part).values()):
            x = etree.fromstring(zf.read(chart_part))
            plot = x.find("c:chart/c:plotArea", ns)
            if plot.find("c:pieChart", ns) is not None:
                kind = "Pie"
            else:
                bar_dir = plot.find("c:barChart/c:barDir", ns).get("val")
                grouping = plot.find("c:barChart/c:grouping", ns)
                stacked = grouping is not None and grouping.get("val") == "stacked"
                kind = {"col": "ColumnStacked" if stacked else "ColumnClustered", "bar": "BarClustered"}[bar_dir]
            sers = plot.findall(".//c:ser", ns)

            def ref(el):
                return el.text.split("!")[1].replace("$", "")

            out.append(
                {
                    "type": kind,
                    "title": "".join(x.find("c:chart/c:title", ns).itertext()),
                    "categories": ref(sers[0].find("c:cat//c:f", ns)),
                    "names": [s.find("c:tx/c:v", ns).text for s in sers],
                    "values": [ref(s.find("c:val//c:f", ns)) for s in sers],
                }
            )
        return out


CHART_CASES = {
    "takvimi_hesapla": ("Pano", lambda p: operations.compute_calendar(p, today=TODAY)),
    "eylem_plani": ("Eylem Planı İzleme", lambda p: operations.write_action_plan(p, TODAY)),
}


@pytest.mark.parametrize("button", list(CHART_CASES))
def test_live_charts_equal_the_file_charts(button, make_book, tmp_path):
    from openpyxl.utils.cell import range_boundaries

    path = make_book()
    sheet, write = CHART_CASES[button]
    message, actions, remote_wb, _ = run_button(path, getattr(makro, button), tmp_path)
    assert "yapılamadı" not in message
    ref = _file_result(path, tmp_path, write)
    expected = file_charts(tmp_path / ("file_" + path.name), sheet)
    live = CHARTS[sheet]
    assert expected and len(live) == len(expected)
    ws = remote_wb[sheet]
    for got, want in zip(live, expected, strict=True):
        assert got["type"] == want["type"] and got["title"] == want["title"]
        assert got["categories"].replace("$", "") == want["categories"] and got["plot_by"] == "Columns"
        c0, r0, c1, r1 = range_boundaries(got["source"].replace("$", ""))
        cols = [range_boundaries(v)[0] for v in want["values"]]
        rows = {(range_boundaries(v)[1], range_boundaries(v)[3]) for v in want["values"]}
        assert (c0, c1) == (cols[0], cols[-1]) and len(rows) == 1
        first, last = rows.pop()
        assert r1 == last and r0 == first - 1  # the series names' row on top
        assert [ws.cell(r0, c).value for c in cols] == want["names"] == [ref[sheet].cell(r0, c).value for c in cols]
        assert got["anchor"]
    # Calls do not depend on the data: add, source, categories, title per chart.
    assert sum(a["func"].startswith(("addChart", "setChart")) for a in actions) == 3 * len(expected)


def test_rerun_replaces_the_live_charts(make_book):
    """Clearing a sheet keeps its charts: the button deletes the old ones before drawing new ones."""
    path = make_book()
    payload = payload_from_xlsx(path)
    pano = {
        "name": "Pano",
        "values": [[""]],
        "pictures": [],
        "tables": [],
        "charts": [
            {"name": "Chart", "chart_type": "Pie", "left": 0, "top": 0, "width": 10, "height": 10},
            {"name": "Chart 2", "chart_type": "ColumnClustered", "left": 0, "top": 0, "width": 10, "height": 10},
        ],
    }
    payload["sheets"].append(pano)
    book = xw.Book(json=payload)
    makro.takvimi_hesapla(book)
    funcs = [(a["func"], a["args"]) for a in book.json()["actions"] if "Chart" in a["func"]]
    assert funcs[:2] == [("deleteChart", [1]), ("deleteChart", [0])]
    assert sum(f == "addChart" for f, _ in funcs) == 2


# --- clients that apply only some actions (xlwings' VBA client, Office Scripts) ---------------------------


def _client_callbacks(kind: str) -> set[str]:
    """The actions xlwings' own client code implements: Subs of addin/Remote.bas (VBA RunRemotePython) or
    registerCallback(...) of js/xlwings.ts (Office Scripts)."""
    root = os.path.dirname(xw.__file__)
    if kind == "VBA":
        text = open(os.path.join(root, "addin", "Remote.bas"), encoding="utf-8", errors="replace").read()
        return set(re.findall(r"^Sub (\w+)\(wb As Workbook, action As Dictionary\)", text, re.M))
    text = open(os.path.join(root, "js", "xlwings.ts"), encoding="utf-8").read()
    return set(re.findall(r"^registerCallback\((\w+)\);", text, re.M))


@pytest.mark.parametrize("client", ["VBA", "Microsoft Office Scripts"])
@pytest.mark.parametrize("button", [*CASES, "ilce_kitaplarini_birlestir"])
def test_limited_clients_get_only_actions_they_implement(client, button, make_book, tmp_path):
    path = make_book()
    callbacks = _client_callbacks("VBA" if client == "VBA" else "ts")
    assert {"setValues", "addSheet", "setNumberFormat", "setRangeColor", "alert"} <= callbacks
    assert "rangeMerge" not in callbacks  # what the full clients get and these would stop at
    _, row = _first_meeting(path)
    book = remote_book(path, selection=("Toplantılar", f"B{row}"), client=client)
    kw = {"sources": []} if button == "ilce_kitaplarini_birlestir" else {}
    message = getattr(makro, button)(book, **kw)
    assert "beklenmeyen" not in message, message
    used = {a["func"] for a in book.json()["actions"]}
    assert used <= callbacks, used - callbacks
    # every button that wrote sheets says what this client could not draw; Platform Dosyaları writes none
    assert ("renkleri yazabilir" in message) == (button != "platform_dosyalari"), (button, message)


def test_full_clients_keep_the_form_layout(make_book):
    """Office.js (xlwings Lite, the Server add-in) gets merges, widths and borders."""
    path = make_book()
    _, row = _first_meeting(path)
    book = remote_book(path, selection=("Toplantılar", f"B{row}"), client="Office.js")
    makro.tutanak(book)
    used = {a["func"] for a in book.json()["actions"]}
    assert {"rangeMerge", "setColumnWidth", "setBorderProperty", "setWrapText", "setPrintArea"} <= used


# --- İlçe Kitaplarını Birleştir ------------------------------------------------------------------------

MERGE_NOW = dt.datetime(2026, 11, 24, 10, 0)


def _province_book(tmp_path):
    from .test_consolidate import DISTRICTS

    rows = clean_example_rows()
    rows["İlçeler"] = [list(d) for d in DISTRICTS]
    path = tmp_path / "il.xlsx"
    from gockurul_excel import example
    from gockurul_excel.files.fill import fill_workbook

    fill_workbook(path, example.example_settings(), rows)
    return path


def _district_books(tmp_path, factor: int = 1):
    from .test_consolidate import D, district, meeting, sahinbey

    folder = tmp_path / f"gelen{factor}"
    folder.mkdir()
    decisions = [
        [k, 1 + k % 2, f"Karar {k}", "Gerekçe", "Amaç", "İlçe Milli Eğitim Müdürlüğü", D(2025, 6, 30), "Devam Ediyor"]
        for k in range(1, 1 + 3 * factor)
    ]
    meetings = [meeting(1, D(2025, 3, 12), D(2025, 3, 20)), meeting(2, D(2025, 10, 15), D(2025, 11, 20))]
    meetings += [meeting(2 + k, D(2025, 4, 1 + k % 20), kind="Ek") for k in range(1, 2 * factor)]
    return [district(folder, "Nizip", meetings, decisions=decisions), sahinbey(folder)]


@pytest.fixture
def fixed_now(monkeypatch):
    monkeypatch.setattr(makro, "_now", lambda: MERGE_NOW)


def test_merge_button_equals_cli(tmp_path, fixed_now):

    province = _province_book(tmp_path)
    sources = _district_books(tmp_path)
    message, actions, remote_wb, alerts = run_button(
        province, lambda b: makro.ilce_kitaplarini_birlestir(b, sources=sources), tmp_path
    )
    assert message.startswith("İlçe kitapları birleştirildi (2 dosya: 2 eklendi)."), message
    assert alerts == [message]
    file_wb = _file_result(
        province, tmp_path, lambda p: operations.merge_district_workbooks(p, sources, today=TODAY, now=MERGE_NOW)
    )
    merged = [s for s in contract.STATE_SHEETS if s != contract.INVITATION_LOG_SHEET]  # `davet` writes that one
    _compare(remote_wb, file_wb, (*merged, contract.FOLLOW_UP_SHEET))
    assert [s for s in remote_wb.sheetnames if s not in file_wb.sheetnames] == []
    # The province's input sheets are untouched: only generated sheets were added or cleared.
    touched = {remote_wb.worksheets[a["sheet_position"]].title for a in actions if a["sheet_position"] is not None}
    assert all(contract.is_generated_sheet(n) or n == contract.CONTROL_PANEL_SHEET for n in touched), touched


def test_merge_button_reads_the_state_from_the_open_book(tmp_path, fixed_now):
    """Second press on the book as Excel shows it: the merged rows come from its generated sheets (the file
    on disk is never read; here it does not even exist under the name the client sends)."""

    province = _province_book(tmp_path)
    sources = _district_books(tmp_path)
    _, _, remote_wb, _ = run_button(province, lambda b: makro.ilce_kitaplarini_birlestir(b, sources=sources), tmp_path)
    after = tmp_path / "canli.xlsx"
    remote_wb.save(after)
    payload = payload_from_xlsx(after)
    payload["book"]["name"] = "başka-adla-kayıtlı.xlsx"
    book = xw.Book(json=payload)
    message = makro.ilce_kitaplarini_birlestir(book, sources=sources)
    assert "2 değişiklik yok" in message, message
    # the same books again: nothing is written, not even a log row (issue 25 item 8, "değişiklik yok")
    assert not [
        a
        for a in book.json()["actions"]
        if a["func"] == "setValues" and any("Birleştirme günlüğü" == row[0] for row in a["values"])
    ]
    assert "kaydetmeyi unutmayın" not in message
    # Takvimi Hesapla on the live province book refreshes 'İlçe İzleme' from the same live state.
    message = makro.takvimi_hesapla(book)
    assert f"'{contract.FOLLOW_UP_SHEET}'" in message, message
    assert f"'{contract.FOLLOW_UP_SHEET}'" not in makro.takvimi_hesapla(remote_book(province))


def test_merge_button_call_count_does_not_grow_with_district_rows(tmp_path, fixed_now):
    counts = []
    for factor in (1, 10):
        base = tmp_path / f"x{factor}"
        base.mkdir()
        province = _province_book(base)
        sources = _district_books(base, factor)
        book = remote_book(province)
        message = makro.ilce_kitaplarini_birlestir(book, sources=sources)
        assert "2 eklendi" in message, message
        counts.append(len(book.json()["actions"]))
    assert counts[0] == counts[1], counts


def test_merge_button_on_a_district_workbook_says_so(make_book):
    from gockurul_excel import example

    settings = example.example_settings()
    settings["Kurul Türü"] = "İlçe"
    settings["İlçe"] = "Nizip"
    message = makro.ilce_kitaplarini_birlestir(remote_book(make_book(settings=settings)), sources=[])
    assert "il kurulu kitabı değil" in message and "Traceback" not in message


def test_district_folder_from_the_panel_cell_or_beside_the_workbook(tmp_path):

    book = tmp_path / "Kurul" / "il.xlsx"
    assert makro.district_folder(book, None) == tmp_path / "Kurul" / "İlçe Kitapları"
    assert makro.district_folder(book, "  ") == tmp_path / "Kurul" / "İlçe Kitapları"
    assert makro.district_folder(book, "Gelenler") == tmp_path / "Kurul" / "Gelenler"
    assert makro.district_folder(book, f'"{tmp_path / "x"}"') == tmp_path / "x"
    # the same names as the template's panel cell
    from gockurul_excel.files import template

    assert (makro.DISTRICT_FOLDER_NAME, makro.DISTRICT_FOLDER) == (
        template.DISTRICT_FOLDER_NAME,
        template.DISTRICT_FOLDER,
    )
    wb = template.build_template()
    ((sheet, ref),) = wb.defined_names[makro.DISTRICT_FOLDER_NAME].destinations
    ws = wb[sheet]
    cell = ws[ref.replace("$", "")]
    assert ws.cell(cell.row, cell.column - 1).value == template.DISTRICT_FOLDER_LABEL


class _DesktopBook:
    """What _district_sources asks of a desktop book: its file and its names."""

    def __init__(self, path, typed=None):
        self.fullname = str(path)
        self.typed = typed

    @property
    def names(self):
        typed = self.typed

        class Names:
            def __getitem__(self, name):
                if typed is None:
                    raise KeyError(name)
                return type("N", (), {"refers_to_range": type("R", (), {"value": typed})()})()

        return Names()


def test_district_sources_on_desktop(tmp_path):
    from .test_consolidate import sahinbey

    book = tmp_path / "il.xlsx"
    book.write_bytes(b"")
    with pytest.raises(makro._UserMessage, match="İlçe Kitapları' klasörü bulunamadı"):
        makro._district_sources(_DesktopBook(book))
    (tmp_path / "İlçe Kitapları").mkdir()
    with pytest.raises(makro._UserMessage, match="birleştirilecek ilçe kitabı"):
        makro._district_sources(_DesktopBook(book))
    sahinbey(tmp_path / "İlçe Kitapları")
    assert makro._district_sources(_DesktopBook(book)) == [tmp_path / "İlçe Kitapları"]
    other = tmp_path / "Diğer"
    other.mkdir()
    sahinbey(other)
    assert makro._district_sources(_DesktopBook(book, "Diğer")) == [other]
    with pytest.raises(makro._UserMessage, match="kaydedilmemiş"):
        makro._district_sources(_DesktopBook("Kitap1"))
    # a book on OneDrive has a web address for a name: an absolute folder typed on the panel still works
    web = "https://kurum-my.sharepoint.com/personal/x/Documents/il.xlsx"
    with pytest.raises(makro._UserMessage, match="OneDrive/SharePoint"):
        makro._district_sources(_DesktopBook(web))
    assert makro._district_sources(_DesktopBook(web, str(other))) == [other]


# --- Yeni Yıla Devret ---------------------------------------------------------------------------------


def test_new_year_button_on_a_remote_client_writes_nothing(make_book):
    book = remote_book(make_book())
    message = makro.yeni_yila_devret(book)
    assert "gockurul devir" in message and "masaüstü Excel" in message
    assert "addSheet" not in {a["func"] for a in book.json()["actions"]}


def test_new_year_button_equals_cli_and_never_replaces_a_file(make_book, tmp_path, monkeypatch):
    """On desktop Excel the button writes next year's workbook beside this one ('kitap.xlsx', 2025 ->
    'kitap_2026.xlsx'), with what `gockurul devir` writes; an existing file is left as it is."""
    from gockurul_excel.files.reader import read_workbook
    from gockurul_excel.live import backend

    path = make_book()
    before = path.read_bytes()
    monkeypatch.setattr(backend, "is_remote", lambda book: False)
    monkeypatch.setattr(backend, "book_path", lambda book: path)
    message = makro.yeni_yila_devret(remote_book(path))
    target = tmp_path / "kitap_2026.xlsx"
    assert "Yeni kitap" in message and str(target) in message, message
    assert path.read_bytes() == before
    cli = tmp_path / "cli.xlsx"
    assert run_cli("devir", str(path), str(cli)).returncode == 0
    button, command = read_workbook(target), read_workbook(cli)
    for sheet in (*contract.CARRIED_SHEETS, "Üyeler", "İlçeler"):
        assert [dict(r) for r in button.records(sheet)] == [dict(r) for r in command.records(sheet)], sheet
    assert button.setting(contract.S_YEAR) == 2026
    written = target.read_bytes()
    message = makro.yeni_yila_devret(remote_book(path))
    assert "zaten var" in message and "--uzerine-yaz" in message and target.read_bytes() == written
