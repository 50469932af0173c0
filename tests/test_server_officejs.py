"""The xlwings Server end to end through xlwings' own JavaScript (issue 20, item 3).

Headless Chromium (Debian's, driven by Playwright for Python with `executable_path`; no browser download) loads
the task pane from a real `gockurul sunucu` on a free port. `office.js` is answered with tests/officejs/excel-mock.js,
an in-memory Office.js workbook loaded from our `.xlsx` (values per sheet read with python-calamine; dates and
times as Excel serials with their number format). Each task-pane button is clicked: xlwings-server's own client
(static/js/custom-scripts) reads the mock book with getBookData, posts to /xlwings/custom-scripts-call/<button>
and applies the returned actions to the mock with its own action handlers. The mock's generated sheets are then
compared with what the file backend writes for the same command on the same book, written unpaginated as an
Office.js client's book is (`UnpaginatedFileBackend`: no heading repeated at an estimated page break; that the
paginated file differs from it exactly by those headings is checked too), cell by cell over every cell
that holds a value on either side: values (formulas: HYPERLINK as its text and target), fills, bold, font colour,
number formats, hyperlinks; per sheet: merges, the frozen cell, the number of charts. Conditional formats are
applied as Excel would (the one kind the live backend adds: cell equals a text -> bold / colour) before comparing.
All 13 buttons are pressed on `ornek` (its generated sheets there: cleared and rewritten); the seven
sheet-writing ones again on a district book without its generated sheets (the client adds them; where Ek-3 is
refused, the refusal must be the file backend's message). Every button's message box and status cell agree.

Fails on: a member of the Excel object model the mock does not model (it throws and records it), an action the
client does not know (the client's error box), a request to another URL than the button's own script, a request
leaving 127.0.0.1, a difference from the file backend.

What the mock does NOT model (stays on the Windows checklist, makrolar/README.md item 16): rendering (fonts,
row auto-fit, column widths in pixels, how borders look, page breaks, print preview; widths, heights, borders,
alignment and print areas are only recorded), formula evaluation (HYPERLINK is compared as its text and target,
not clicked), conditional formats beyond the one kind the live backend adds, charts beyond recording their
source, series and title, Office's request limits and error codes (payload size, 5 million cells), the alert
box's rendering (its URL is recorded and checked), Entra ID sign-in, tables, shapes, names, notes, pivots
(answered empty), calculation mode (always "Automatic"). It assumes, as xlwings' remote engine does, that Excel
types an ISO date string written with `Range.values` ("2025-01-15") as a date.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import urllib.parse
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, get_column_letter
from playwright.sync_api import sync_playwright
from python_calamine import CalamineWorkbook

from gockurul_excel import commands, contract, makro
from gockurul_excel.files.backend import FileBackend

from .test_server import TOKEN, Server

MOCK = Path(__file__).parent / "officejs" / "excel-mock.js"
SELECTION = ("Toplantılar", "A7")
# Buttons whose sheets the file backend writes through the same `commands` function (the rest write files or
# mail, which the Server refuses and reports in the status cell; those are checked for their message only).
RENDERING = {
    "kontrol_et": lambda data, today, no, paginate: commands.check(data, today),
    "takvimi_hesapla": lambda data, today, no, paginate: commands.calendar(data, today, paginate=paginate),
    "tutanak": lambda data, today, no, paginate: commands.minutes(data, no, paginate=paginate),
    "katilimci_listesi": lambda data, today, no, paginate: commands.attendance(data, no, paginate=paginate),
    "gundem_ve_davet": lambda data, today, no, paginate: commands.agenda(data, no, documents=False, paginate=paginate),
    "yillik_rapor": lambda data, today, no, paginate: commands.annual_report(data, paginate=paginate),
    "eylem_plani": lambda data, today, no, paginate: commands.action_plan(data, today, paginate=paginate),
}


class UnpaginatedFileBackend(FileBackend):
    """The file backend writing a command's sheets as the LiveBackend of an Office.js client does: unpaginated
    (live.backend.LiveBackend.paginates), so that the two can be compared cell by cell."""

    paginates = False


EPOCH = dt.datetime(1899, 12, 30)


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium CI'da kurulu olmalı: .ci/run kurar.")
        pytest.skip("chromium yok")
    return found


def _serial(v) -> float:
    if isinstance(v, dt.datetime):
        return round((v - EPOCH).total_seconds() / 86400, 6)
    if isinstance(v, dt.date):
        return float((dt.datetime(v.year, v.month, v.day) - EPOCH).days)
    if isinstance(v, dt.time):
        return round((v.hour * 3600 + v.minute * 60 + v.second) / 86400, 6)
    raise TypeError(v)


def book_json(path: Path, selection: tuple[str, str], *, generated: bool = True) -> dict:
    """The mock's book: python-calamine's values per sheet; dates and times as Excel keeps them (serial + format).
    `generated=False` leaves out the sheets our commands write, so the client has to add them (addSheet)."""
    wb = CalamineWorkbook.from_path(str(path))
    fmt = openpyxl.load_workbook(path, read_only=False)
    sheets = []
    for name in wb.sheet_names:
        if not generated and contract.is_generated_sheet(name):
            continue
        rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        out = []
        for r, row in enumerate(rows):
            cells = []
            for c, v in enumerate(row):
                if isinstance(v, (dt.date, dt.time)):
                    cells.append([_serial(v), fmt[name].cell(r + 1, c + 1).number_format])
                else:
                    cells.append(v)
            out.append(cells)
        sheets.append({"name": name, "values": out})
    active = wb.sheet_names.index(selection[0])
    return {"name": path.name, "sheets": sheets, "active": active, "selection": selection[1]}


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    from gockurul_excel import operations

    path = tmp_path_factory.mktemp("ornek") / "ornek.xlsx"
    operations.create_example(path)
    return path


@pytest.fixture(scope="module")
def district(example):
    """A district book `ornek` writes beside it (İlçe Kitapları/), with its own meetings and generated sheets."""
    return sorted((example.parent / contract.DISTRICT_FOLDER).glob("*.xlsx"))[0]


def _last_meeting_row(path: Path) -> tuple[str, str]:
    data = FileBackend(path).read()
    rows = [r.row for r in data.table(makro.MEETINGS_SHEET).records if r[makro.MEETING_KEY] is not None]
    return (makro.MEETINGS_SHEET, f"A{rows[-1]}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("sunucu"))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def pressed(server, example, district):
    """Every task-pane button clicked once on the mock book loaded from `example` (Toplantılar!A7 selected), in
    the order of the pane; then the sheet-writing buttons on a district book (its last meeting selected).
    Returns {button or ("ilce", button): {"posts", "error", "unknown", "dialogs", "sheets", "selection"}}."""
    chromium = _chromium()
    mock = MOCK.read_text(encoding="utf-8")
    results: dict[str, dict] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        try:
            page = browser.new_page(viewport={"width": 420, "height": 900})
            outside: list[str] = []
            posts: list[tuple[str, dict]] = []
            console_errors: list[str] = []

            def route(r):
                url = r.request.url
                if urllib.parse.urlsplit(url).hostname != "127.0.0.1":
                    outside.append(url)
                    return r.abort()
                if url.split("?")[0].endswith("/office.js"):
                    return r.fulfill(status=200, content_type="text/javascript", body=mock)
                return r.continue_()

            page.route("**/*", route)
            page.on(
                "request", lambda req: posts.append((req.url, req.post_data_json)) if req.method == "POST" else None
            )
            page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: console_errors.append(str(e)))
            page.add_init_script(f"localStorage.setItem('gockurulToken', {json.dumps(TOKEN)});")
            page.goto(server.url + "/taskpane.html", wait_until="load", timeout=60_000)
            page.wait_for_selector('button[xw-click][xw-click-initialized="true"]', timeout=60_000)
            results["__days__"] = [dt.date.today()]  # the server's today (makro._today) while the buttons run
            order = page.eval_on_selector_all("button[xw-click]", "els => els.map(e => e.getAttribute('xw-click'))")
            assert sorted(order) == sorted(makro.BUTTONS), order
            runs = [(name, example, SELECTION) for name in order]
            runs += [(("ilce", name), district, _last_meeting_row(district)) for name in order if name in RENDERING]
            loaded = {}
            for key, path, selection in runs:
                name = key[1] if isinstance(key, tuple) else key
                posts.clear()
                console_errors.clear()
                if (path, selection) not in loaded:  # the district book without our sheets: they are added
                    loaded[(path, selection)] = book_json(path, selection, generated=path == example)
                # each button on the book as saved
                page.evaluate("data => __mock.load(data)", loaded[(path, selection)])
                before = page.evaluate("__mock.dialogs.length")
                page.click(f'button[xw-click="{name}"]')
                page.wait_for_function(
                    f"""() => {{ const b = document.querySelector('button[xw-click="{name}"]');
                                 return !b.hasAttribute('disabled') && !b.querySelector('.spinner-border'); }}""",
                    timeout=60_000,
                )
                error = page.evaluate("""() => { const a = document.querySelector('#global-error-alert');
                                           return a.classList.contains('d-none') ? '' : a.textContent.trim(); }""")
                results[key] = {
                    "selection": selection,
                    "posts": list(posts),
                    "error": error,
                    "console": list(console_errors),
                    "unknown": page.evaluate("__mock.unknown.splice(0)"),
                    "dialogs": page.evaluate(f"__mock.dialogs.slice({before})"),
                    "added": page.evaluate("__mock.log.splice(0).filter(e => e[0] === 'add').map(e => e[1])"),
                    "sheets": page.evaluate("""() => Object.fromEntries(
                        __mock.sheetNames().map(n => [n, __mock.dump(n)]))"""),
                }
            results["__outside__"] = outside
            results["__days__"].append(dt.date.today())
            # The harness's own teeth: an action the client does not know, a member the mock does not model.
            results["__unknown_action__"] = page.evaluate("""async () => {
                try { await xlwings.runActions({actions: [{func: "yokBoyleBirEylem", args: [], values: null,
                      sheet_position: 0, start_row: 0, start_column: 0, row_count: 1, column_count: 1}]});
                      return ""; } catch (e) { return String(e.message || e); } }""")
            results["__unknown_member__"] = page.evaluate("""async () => {
                try { await Excel.run(async ctx => { ctx.workbook.worksheets.getItem(__mock.sheetNames()[0])
                      .protection.protect(); }); return ""; }
                catch (e) { return String(e.message || e) + " | " + __mock.unknown.splice(0).join(","); } }""")
        finally:
            browser.close()
    return results


def test_every_button_posts_its_own_script_and_the_client_applies_every_action(pressed):
    assert pressed["__outside__"] == []  # nothing left 127.0.0.1 (office.js itself is the mock)
    keys = [*makro.BUTTONS, *(("ilce", name) for name in RENDERING)]
    for key in keys:
        got, name = pressed[key], key[1] if isinstance(key, tuple) else key
        urls = [u for u, _ in got["posts"]]
        assert [urllib.parse.urlsplit(u).path for u in urls] == [f"/xlwings/custom-scripts-call/{name}"], (name, urls)
        body = got["posts"][0][1]
        assert body["client"] == "Office.js" and body["book"]["selection"] == got["selection"][1], key
        assert got["unknown"] == [], (name, got["unknown"])
        assert got["error"] == "", (name, got["error"])
        assert got["console"] == [], (key, got["console"])  # no error logged by the client while it ran
        # Exactly one message box, titled as ours, with a Turkish message that is not an unexpected error.
        assert len(got["dialogs"]) == 1, (name, got["dialogs"])
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(got["dialogs"][0]).query)
        assert query["title"] == [makro.TITLE], name
        assert query["prompt"][0] and "beklenmeyen" not in query["prompt"][0], (name, query["prompt"])
        # The status cell on Kontrol Paneli says the same message, stamped (makro._tell), on every button.
        panel = got["sheets"][contract.CONTROL_PANEL_SHEET]["cells"][makro.STATUS_CELL]["value"]
        assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d — (.*)", panel, re.S).group(1) == query["prompt"][0], key
        if name in RENDERING and key == name:  # the buttons that write sheets did so (on the province's book)
            assert "yapılamadı" not in query["prompt"][0], (name, query["prompt"])


def _meeting_number(data, selection: tuple[str, str]) -> str:
    """The meeting the mock's selection names, as makro._meeting_number reads it."""
    row = int(selection[1][1:])
    for record in data.table(makro.MEETINGS_SHEET).records:
        if record.row == row:
            return str(record[makro.MEETING_KEY])
    raise AssertionError(f"{selection} boş")


def _file_sheet(path: Path, name: str) -> dict:
    """What the file backend wrote on one sheet, in the mock's terms: cell -> value (calamine; formulas as their
    text, as setValues sends them), fill, bold, number format (of cells with values); merges; frozen cell."""
    values = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python(skip_empty_area=False)
    ws = openpyxl.load_workbook(path)[name]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            v = values[c.row - 1][c.column - 1] if c.row <= len(values) and c.column <= len(values[0]) else ""
            if isinstance(c.value, str) and c.value.startswith("="):
                v = c.value
            fill = None
            if c.fill is not None and c.fill.fill_type == "solid":
                fill = "#" + str(c.fill.fgColor.rgb)[-6:].upper()
            link = c.hyperlink.location if c.hyperlink is not None else None
            color = c.font.color.rgb if c.font.color is not None and isinstance(c.font.color.rgb, str) else None
            color = "#" + color[-6:].upper() if color and color[-6:].upper() != "000000" else None
            cells[c.coordinate] = {
                "value": _plain(v),
                "fill": fill,
                "bold": bool(c.font.b),
                "color": color,
                "numberFormat": c.number_format,
                "link": link,
            }
    frozen = ws.freeze_panes
    return {"cells": cells, "merges": sorted(str(m) for m in ws.merged_cells.ranges), "frozen": frozen}


def _plain(v):
    if isinstance(v, (dt.date, dt.time)):
        return _serial(v)
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


HYPERLINK = re.compile(r'^=HYPERLINK\("#((?:[^"]|"")*)","((?:[^"]|"")*)"\)$')


def _cells_of(ref: str):
    first, _, last = ref.partition(":")
    (c0, r0), (c1, r1) = coordinate_from_string(first), coordinate_from_string(last or first)
    for r in range(r0, r1 + 1):
        for c in range(column_index_from_string(c0), column_index_from_string(c1) + 1):
            yield f"{get_column_letter(c)}{r}"


def _mock_sheet(dump: dict) -> dict:
    """The mock's sheet as Excel would show it: HYPERLINK formulas as their text and target (Excel evaluates
    them; the file backend writes the text with a hyperlink), and the one conditional-format kind our live
    backend adds ("cell value equals a text": bold or colour) applied to the cells it matches."""
    cells = {}
    for ref, x in dump["cells"].items():
        v, link = x["value"], None
        m = HYPERLINK.match(v) if isinstance(v, str) else None
        if m:
            link, v = m.group(1).replace('""', '"'), m.group(2).replace('""', '"')
        color = x["font"].get("color")
        color = color.upper() if color and color.upper() != "#000000" else None
        cells[ref] = {
            "value": _plain(v),
            "fill": x["fill"],
            "bold": bool(x["font"].get("bold")),
            "color": color,
            "numberFormat": x["numberFormat"],
            "link": link,
        }
    for rule in dump["cf"]:
        assert rule["type"] == "CellValue", rule  # the only kind the live backend adds
        spec = rule["cellValue"]
        m = re.fullmatch(r'="((?:[^"]|"")*)"', spec["rule"]["formula1"])
        assert spec["rule"]["operator"] == "EqualTo" and m, rule
        text = m.group(1).replace('""', '"')
        for ref in _cells_of(rule["range"]):
            if ref in cells and cells[ref]["value"] == text:
                if spec["format"]["font"].get("bold"):
                    cells[ref]["bold"] = True
                if spec["format"]["font"].get("color"):
                    cells[ref]["color"] = spec["format"]["font"]["color"].upper()
    return {"cells": cells, "merges": sorted(dump["merges"]), "frozen": dump["frozen"]}


@pytest.mark.parametrize("book", ["il", "ilce"])
@pytest.mark.parametrize("name", sorted(RENDERING))
def test_mock_book_after_the_button_equals_the_file_backend(pressed, example, district, tmp_path, name, book):
    from gockurul_excel.errors import GocKurulError

    source, key = (example, name) if book == "il" else (district, ("ilce", name))
    copy = tmp_path / source.name
    shutil.copyfile(source, copy)
    backend = UnpaginatedFileBackend(copy, make_backup=False)
    data = backend.read()
    first, last = pressed["__days__"]
    if first != last:  # midnight passed while the buttons ran: the server's dates are not one day
        pytest.skip("gece yarısı düğmeler basılırken geçti")
    try:
        outcome = RENDERING[name](data, first, _meeting_number(data, pressed[key]["selection"]), backend.paginates)
    except GocKurulError as exc:  # refused on this book (Ek-3 is the province's): the same refusal in Excel
        prompt = urllib.parse.parse_qs(urllib.parse.urlsplit(pressed[key]["dialogs"][0]).query)["prompt"][0]
        assert exc.full_message() in prompt, (key, prompt)
        assert pressed[key]["sheets"].keys() == {
            s["name"] for s in book_json(source, SELECTION, generated=book == "il")["sheets"]
        }
        return
    assert outcome.specs, name
    backend.write(outcome.specs)
    for spec in outcome.specs:
        live = pressed[key]["sheets"].get(spec.name)
        assert live is not None, (name, spec.name, "the client did not write this sheet")
        # On the district book the sheet was not there: the client added it; on ornek it was cleared and rewritten.
        assert (spec.name in pressed[key]["added"]) == (book == "ilce"), (key, spec.name, pressed[key]["added"])
        want, got = _file_sheet(copy, spec.name), _mock_sheet(live)
        assert got["merges"] == want["merges"], (name, spec.name)
        assert got["frozen"] == want["frozen"], (name, spec.name)
        refs = {r for r, x in want["cells"].items() if x["value"] not in ("", None)}
        refs |= {r for r, x in got["cells"].items() if x["value"] not in ("", None)}
        assert refs, (name, spec.name)
        diffs = []
        for ref in sorted(refs):
            empty = {"value": "", "fill": None, "bold": False, "color": None, "numberFormat": "General", "link": None}
            w, g = want["cells"].get(ref, empty), got["cells"].get(ref, empty)
            for prop in ("value", "fill", "bold", "color", "numberFormat", "link"):
                if w[prop] != g[prop]:
                    diffs.append((ref, prop, w[prop], g[prop]))
        assert diffs == [], (name, spec.name, len(diffs), diffs[:15])
        assert len(live["charts"]) == len(spec.charts), (name, spec.name)


def test_an_unknown_action_or_unmodelled_member_fails(pressed):
    assert "unknown function: yokBoyleBirEylem" in pressed["__unknown_action__"]
    assert "Worksheet.protection is not modelled" in pressed["__unknown_member__"]
    assert pressed["__unknown_member__"].endswith("| Worksheet.protection")


def _rows(path: Path, sheet: str) -> list[tuple]:
    ws = openpyxl.load_workbook(path)[sheet]
    return [tuple(c.value for c in row) for row in ws.iter_rows(max_col=ws.max_column)]


@pytest.mark.parametrize("name", ["tutanak", "gundem_ve_davet", "yillik_rapor", "eylem_plani"])
def test_the_paginated_file_differs_from_the_unpaginated_one_by_the_repeated_headings_only(example, tmp_path, name):
    """The comparison above is with the file backend unpaginated. The file the CLI writes (paginated) holds the
    same rows plus, right after some of its row breaks, a table heading written again; nothing else differs. On
    `ornek` Ek-1, Ek-3, Eylem Planı İzleme and the sub-commission list (the year's first board's, with its
    agenda) continue a table over a page break."""
    data = FileBackend(example).read()
    number = str(data.records(makro.MEETINGS_SHEET)[0][makro.MEETING_KEY])  # the year's first board
    written: dict[bool, tuple[Path, list]] = {}
    for backend_class in (FileBackend, UnpaginatedFileBackend):
        path = tmp_path / f"{backend_class.__name__}.xlsx"
        shutil.copyfile(example, path)
        backend = backend_class(path, make_backup=False)
        outcome = RENDERING[name](backend.read(), dt.date.today(), number, backend.paginates)
        backend.write(outcome.specs)
        written[backend.paginates] = (path, outcome.specs)
    repeated = 0
    for paged, flat in zip(written[True][1], written[False][1], strict=True):
        assert paged.name == flat.name and flat.print_setup.row_breaks == []
        rows_paged, rows_flat = _rows(written[True][0], paged.name), _rows(written[False][0], flat.name)
        page_starts = {b + 1 for b in paged.print_setup.row_breaks}  # 1-based first rows of the pages after a break
        i = 0
        for r, row in enumerate(rows_paged, start=1):
            if i < len(rows_flat) and row == rows_flat[i]:
                i += 1
                continue
            # an extra row: a heading repeated at the top of a page, the same as a row the flat sheet has once
            assert r in page_starts and row in rows_flat[:i], (paged.name, r, row)
            repeated += 1
        assert i == len(rows_flat), (paged.name, i, len(rows_flat))
    assert repeated > 0, name
