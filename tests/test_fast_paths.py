"""The fast paths of issue 8 give the same answers as the slow ones they stand for, and their cost does not
grow faster than the work.

- jsonschema-rs (pass/fail) never accepts what jsonschema (the messages) rejects, for every schema we ship
  or generate;
- the reader parses each distinct cell value once, column by column: the result is what parsing every cell
  alone gives, booleans and 1/1.0 included;
- sheet cells are written as text: well-formed XML that reads back as the value written;
- writing N sheets costs N package lookups, not N²; forms find a meeting's rows through indexes.

No timings here (they live in bench/run.py): these count calls or compare results.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from gockurul_excel import contract
from gockurul_excel.core import checks, model, records, rowschema
from gockurul_excel.core import meetings as meetings_mod
from gockurul_excel.core.schemacheck import SchemaCheck
from gockurul_excel.files import package as package_mod
from gockurul_excel.files import reader as reader_mod
from gockurul_excel.files import styles as styles_mod
from gockurul_excel.files import worksheet
from gockurul_excel.files import writer as writer_mod
from gockurul_excel.platform import bundle, codes, schemas
from gockurul_excel.platform import documents as documents_mod
from gockurul_excel.sheets import forms as forms_mod
from gockurul_excel.sheetspec import Block, ChartSpec, PrintSetup, SheetSpec

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

TEXTS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "2026-02-30",
            "2026-02-28",
            "2026-2-3",
            "12:30",
            "12:30\n",
            "1:30",
            "0532 123 45 67",
            "a@b.co",
            "a@b",
            "Evet",
            "Hayır",
            "evet",
            "İl Göç Koordinasyon Kurulu",
            "",
            " ",
            "x" * 60,
        ]
    ),
)
JSONISH = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXTS,
    st.lists(TEXTS, max_size=3),
)


def _agree(check: SchemaCheck, instance) -> None:
    slow = list(check.slow.iter_errors(instance))
    if check.is_valid(instance):
        assert slow == [], (instance, [e.message for e in slow])
    assert [e.message for e in check.errors(instance)] == [e.message for e in slow]


@pytest.mark.parametrize("sheet", list(contract.SHEETS_BY_NAME))
def test_row_schemas_fast_check_never_accepts_what_jsonschema_rejects(sheet):
    check = SchemaCheck(rowschema.row_schema(sheet))
    headers = [c.header for c in contract.SHEETS_BY_NAME[sheet].columns]

    @SETTINGS
    @given(st.dictionaries(st.sampled_from(headers), JSONISH, max_size=len(headers)))
    def run(instance):
        _agree(check, instance)

    run()


def test_settings_schema_fast_check_agrees():
    check = SchemaCheck(rowschema.settings_schema(None))
    names = [s.name for s in contract.SETTINGS]

    @SETTINGS
    @given(st.dictionaries(st.sampled_from(names), JSONISH, max_size=len(names)))
    def run(instance):
        _agree(check, instance)

    run()


@pytest.fixture(scope="module")
def example_documents(tmp_path_factory):
    from gockurul_excel.example import example_rows, example_settings
    from gockurul_excel.files.fill import fill_workbook

    path = tmp_path_factory.mktemp("docs") / "kitap.xlsx"
    rows = example_rows()
    fill_workbook(path, example_settings(), rows, overwrite=True)
    data = reader_mod.read_workbook(path)
    return list(bundle.render_platform(data).documents.values())


def _paths(doc, prefix=()):
    yield prefix
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _paths(v, (*prefix, i))


def _replace(doc, path, value):
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(doc, dict):
        return {**doc, head: _replace(doc[head], rest, value)}
    out = list(doc)
    out[head] = _replace(doc[head], rest, value)
    return out


def test_platform_schemas_fast_check_never_accepts_what_jsonschema_rejects(example_documents):
    docs = example_documents
    assert {d["belge_turu"] for d in docs} >= {"toplanti", "eylem_plani", "projeler", "veri_paylasimi"}
    for d in docs:  # the real documents are valid for both
        assert documents_mod.document_validator(d["belge_turu"]).is_valid(d)

    @SETTINGS
    @given(st.data())
    def run(data):
        doc = data.draw(st.sampled_from(docs))
        paths = list(_paths(doc))
        path = data.draw(st.sampled_from(paths[1:]))
        mutated = _replace(doc, path, data.draw(JSONISH))
        _agree(documents_mod.document_validator(doc["belge_turu"]), mutated)

    run()


def test_many_rows_in_one_call_find_exactly_the_rejected_rows():
    check = SchemaCheck(rowschema.row_schema("Katılımcılar"))
    good = {
        "Toplantı No": "1",
        "Sıra": 1,
        "Kurum İsmi": "Valilik",
        "Unvan": "Vali Yardımcısı",
        "Ad-Soyad": "Ayşe Yılmaz",
        "Vekil": "Hayır",
    }
    assert check.errors(good) == []
    rows = [dict(good) for _ in range(50)]
    rows[7]["Sıra"] = -3
    rows[31]["Vekil"] = "Belki"
    del rows[44]["Kurum İsmi"]
    assert check.invalid_indexes(rows) == [7, 31, 44]
    assert [i for i, _ in check.errors_of_many(rows)] == [7, 31, 44]
    assert check.invalid_indexes([good] * 10) == []


def test_kontrol_explains_only_rejected_rows(make_book, monkeypatch):
    from tests.conftest import clean_example_rows

    rows = clean_example_rows()
    rows["Katılımcılar"][3][1] = "on"  # Sıra: not a number
    path = make_book(rows=rows)
    calls = []
    original = SchemaCheck.slow.fget

    def counting(self):
        slow = original(self)

        class Spy:
            def iter_errors(self, instance):
                calls.append(instance)
                return slow.iter_errors(instance)

        return Spy()

    monkeypatch.setattr(SchemaCheck, "slow", property(counting))
    rowschema._validator.cache_clear()
    try:
        findings = checks.run_checks(reader_mod.read_workbook(path), dt.date(2026, 11, 24))
    finally:
        rowschema._validator.cache_clear()
    assert any(f.sheet == "Katılımcılar" and "Sıra" in f.message for f in findings)
    assert len(calls) == 1 and calls[0]["Sıra"] == "on"


# --- the reader ----------------------------------------------------------------------------------------

CELLS = st.one_of(
    st.none(),
    st.just(""),
    st.just("  "),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([1.0, 2.5]),
    st.sampled_from(["1", "1.0", " 3 ", "12.000", "evet", "Evet", "01.02.2026", "2026-02-01", "x"]),
    st.dates(dt.date(1890, 1, 1), dt.date(2300, 1, 1)),
    st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 1, 1)),
)


@SETTINGS
@given(st.data())
def test_reader_column_parse_equals_cell_by_cell(data):
    """Any column order, a missing column, an extra one, rows shorter than the header: each record is what parsing
    its cells one by one gives (the old reader's rules: a row of blanks is skipped, a short row reads None)."""
    definition = contract.SHEETS_BY_NAME["Katılımcılar"]
    present = data.draw(st.permutations([c for c in definition.columns]))[: data.draw(st.integers(5, 7))]
    headers = [c.header for c in present] + data.draw(st.sampled_from([[], ["Not"]]))
    body = data.draw(st.lists(st.lists(CELLS, min_size=0, max_size=len(headers)), max_size=12))
    table = model.read_table("Katılımcılar", [headers, *body], definition, contract.TEMPLATE_VERSION, [], [])
    order = [c for c in definition.columns if c in present]  # the contract's order, whatever the sheet's
    expected = []
    for i, row in enumerate(body):
        raw = {c.header: row[headers.index(c.header)] if headers.index(c.header) < len(row) else None for c in order}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw.values()):
            continue
        values, bad = {}, {}
        for col in order:
            try:
                values[col.header] = model.parse_value(col, raw[col.header])
            except ValueError as exc:
                values[col.header] = None
                bad[col.header] = str(exc)
        expected.append((i + 2, values, bad, raw))
    got = [(r.row, dict(r), r.bad, r.raw) for r in table.records]
    assert got == expected
    for r in table.records:
        for c in order:
            assert r.cell(c.header) == f"{chr(65 + headers.index(c.header))}{r.row}" == r.cells[c.header]


def test_reader_keeps_true_and_one_apart():
    definition = contract.SHEETS_BY_NAME["Katılımcılar"]
    headers = [c.header for c in definition.columns]
    body = [
        ["1", True, "K", None, "A", None, None],
        ["1", 1, "K", None, "B", None, None],
        ["1", 1.0, "K", None, "C", None, None],
    ]
    table = model.read_table("Katılımcılar", [headers, *body], definition, contract.TEMPLATE_VERSION, [], [])
    assert [r["Sıra"] for r in table.records] == [None, 1, 1]
    assert "Sıra" in table.records[0].bad and not table.records[1].bad


# --- writing cells as text ------------------------------------------------------------------------------

TEXT_CELLS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40) | st.sampled_from(
    ["a\r\nb", " lead", "trail ", "_x0041_", "&<>\"'", "ğüşİıÇÖ", "\x01\x02ok", "line\nline"]
)


@SETTINGS
@given(
    st.lists(
        st.one_of(
            TEXT_CELLS,
            st.integers(-(10**15), 10**15),
            st.floats(),
            st.booleans(),
            st.dates(dt.date(1900, 3, 1), dt.date(2200, 1, 1)),
            st.none(),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_sheet_cells_written_as_text_read_back(values):
    spec = SheetSpec("Kontrol", blocks=[Block(1, 1, [values], style="text")], row_heights={3: 21.5})
    styles = styles_mod.Styles(etree.fromstring(styles_mod.MINIMAL_STYLES))
    root = etree.fromstring(worksheet.render_sheet(spec, styles, False, worksheet.Kept()))
    ns = {"m": package_mod.NS_MAIN}
    cells = root.findall("m:sheetData/m:row/m:c", ns)
    assert [c.get("r") for c in cells] == [f"{chr(65 + i)}1" for i in range(len(values))]
    assert root.find("m:sheetData/m:row[@r='3']", ns).get("ht") == "21.5"
    for c, v in zip(cells, values, strict=True):
        if v is None or v != v:  # None and NaN (pandas' missing value) leave the cell empty
            assert c.find("m:v", ns) is None and c.find("m:is", ns) is None
        elif isinstance(v, str):
            t = c.find("m:is/m:t", ns)
            assert c.get("t") == "inlineStr" and (t.text or "") == worksheet._cell_text(v)
        elif isinstance(v, bool):
            assert c.get("t") == "b" and c.find("m:v", ns).text == ("1" if v else "0")
        elif isinstance(v, dt.date):
            assert float(c.find("m:v", ns).text) == worksheet._excel_serial(v, False)
        elif v in (float("inf"), float("-inf")):  # an error cell, not "inf"
            assert c.get("t") == "e" and c.find("m:v", ns).text == "#NUM!"
        else:
            assert float(c.find("m:v", ns).text) == float(v)


def test_text_cells_through_a_real_workbook(make_book):
    from python_calamine import CalamineWorkbook

    path = make_book()
    texts = ["a & b < c > d", " boşlukla", "_x0041_ kalsın", "satır\nsatır", "İĞÜŞÖÇ ığüşöç", "a\r\nb"]
    writer_mod.write_sheets(path, [SheetSpec("Kontrol", blocks=[Block(1, 1, [[t] for t in texts])])], make_backup=False)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Kontrol").to_python()
    assert [r[0] for r in rows] == texts  # calamine reads _x005F_ back as Excel does


# --- cost that grows with the work, counted -----------------------------------------------------------------


def _count_package_lookups(monkeypatch, path, n: int) -> int:
    calls = [0]
    local, find = package_mod.local_name, package_mod.Package.find

    def counted_local(el):
        calls[0] += 1
        return local(el)

    def counted_find(self, name):
        calls[0] += 1
        return find(self, name)

    from gockurul_excel.files import charts, fidelity, styles

    for module in (package_mod, writer_mod, styles, charts, fidelity):  # each imported the helper by name
        if hasattr(module, "local_name"):
            monkeypatch.setattr(module, "local_name", counted_local)
    monkeypatch.setattr(package_mod.Package, "find", counted_find)
    # every per-sheet part: cells, print names (defined names), a chart (drawing and chart parts), merges
    specs = [
        SheetSpec(
            f"Ek-2 {i}",
            blocks=[Block(1, 1, [["a", 1], ["b", 2]])],
            merges=["A4:B4"],
            print_setup=PrintSetup(title_rows=(1, 1)),
            charts=[ChartSpec("column", "Grafik", "A1:A2", [("Sayı", "B1:B2")], "D1")],
        )
        for i in range(n)
    ]
    try:
        writer_mod.write_sheets(path, specs, make_backup=False)
    finally:
        monkeypatch.undo()
    return calls[0]


def test_writing_n_sheets_costs_n_lookups(make_book, monkeypatch):
    c20, c100, c200 = (_count_package_lookups(monkeypatch, make_book(name=f"k{n}.xlsx"), n) for n in (20, 100, 200))
    first, second = (c100 - c20) / 80, (c200 - c100) / 100  # lookups per added sheet
    # constant per sheet: with a scan per sheet the second hundred would cost twice the first eighty
    # measured: 8 per sheet here; the scanning writer of 8cc82af took 1,569 for sheets 21–100 and 3,549 after
    assert second <= first * 1.05 + 1 and second < 20, (c20, c100, c200)


def test_forms_find_rows_through_indexes(tmp_path, monkeypatch):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import generate

    counts = {}
    for size in (0.25, 1.0):
        path = tmp_path / f"k{size}.xlsx"
        generate.generate(path, size)
        data = reader_mod.read_workbook(path)
        meetings = [meetings_mod.find_meeting(data, r["Toplantı No"]) for r in data.records("Toplantılar")]
        looked = [0]
        getitem = records.Record.__getitem__

        def counted(self, header, getitem=getitem, looked=looked):
            looked[0] += 1
            return getitem(self, header)

        monkeypatch.setattr(records.Record, "__getitem__", counted)
        for m in meetings:
            forms_mod.decisions_to_evaluate(data, m)
            meetings_mod.previous_meeting(data, m)
            meetings_mod.find_meeting(data, m.no)
        monkeypatch.undo()
        counts[size] = looked[0] / len(meetings)
    # per meeting: the same few lookups whatever the size (a scan would be 4× the lookups at 4× the rows)
    assert counts[1.0] < counts[0.25] * 1.5 + 20, counts


def test_without_the_compiled_libraries_the_answers_are_the_same(monkeypatch, example_documents):
    """xlwings Lite (Pyodide) has no jsonschema-rs or orjson wheel: the pure-Python paths give the same result."""
    import sys

    check = SchemaCheck(rowschema.row_schema("Katılımcılar"))
    rows = [
        {"Toplantı No": "1", "Sıra": n, "Kurum İsmi": "Valilik", "Unvan": "Vali", "Ad-Soyad": "A"}
        for n in (1, -2, 3, "x")
    ]
    doc = example_documents[0]
    fast = (check.invalid_indexes(rows), [e.message for e in check.errors(rows[1])], bundle.dumps(doc))
    monkeypatch.setitem(sys.modules, "jsonschema_rs", None)  # import now raises ImportError
    monkeypatch.setitem(sys.modules, "orjson", None)
    plain = SchemaCheck(rowschema.row_schema("Katılımcılar"))
    assert plain._fast is None
    assert (plain.invalid_indexes(rows), [e.message for e in plain.errors(rows[1])], bundle.dumps(doc)) == fast
    assert fast[0] == [1, 3] and plain.is_valid(rows[0]) and not plain.is_valid(rows[3])


def test_schemas_with_definitions_check_many_rows_too():
    """A schema that refers to its own $defs keeps working when its rows are checked in one call."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:test:defs",
        "type": "object",
        "$defs": {"no": {"type": "integer", "minimum": 1}},
        "properties": {"n": {"$ref": "#/$defs/no"}},
        "required": ["n"],
    }
    check = SchemaCheck(schema)
    assert check.invalid_indexes([{"n": 1}, {"n": 0}, {"n": "x"}, {}]) == [1, 2, 3]
    assert [i for i, _ in check.errors_of_many([{"n": 2}, {"n": 0}])] == [1]


def test_no_schema_admits_a_float_so_orjson_writes_what_json_would():
    """bundle.dumps relies on it: floats are where orjson and json.dumps spell numbers differently."""

    def types(node):
        if isinstance(node, dict):
            t = node.get("type")
            yield from ([t] if isinstance(t, str) else t or [])
            for v in node.values():
                yield from types(v)
        elif isinstance(node, list):
            for v in node:
                yield from types(v)

    for kind in codes.SCHEMA_KINDS:
        assert "number" not in set(types(schemas.load_schema(kind))), kind
    tricky = {"b": [], "a": {"x": None, "y": True, "z": 10**15}, "s": 'ığüşöçİ \\u2028 "\\\\ \t\n\x00'}
    import json

    assert bundle.dumps(tricky) == (json.dumps(tricky, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    assert bundle.dumps({"n": 10**30}) == b'{\n  "n": 1000000000000000000000000000000\n}\n'  # beyond orjson


@SETTINGS
@given(st.sets(st.tuples(st.integers(1, 40), st.integers(1, 8)), max_size=200))
def test_live_styling_rectangles_cover_exactly_the_cells(cells):
    """live.backend styles a live sheet one rectangle at a time: every cell once, nothing else."""
    from gockurul_excel.live.backend import rectangles

    covered = [
        (r, c) for r0, c0, r1, c1 in rectangles(set(cells)) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
    ]
    assert sorted(covered) == sorted(cells)


def test_live_styling_rectangles_of_a_large_sheet_join_rows():
    from gockurul_excel.live.backend import rectangles

    cells = {(r, c) for r in range(1, 4001) for c in range(1, 9)}  # one style over 4,000 rows × 8 columns
    assert rectangles(cells) == [(1, 1, 4000, 8)]


def test_row_instances_built_by_column_equal_the_row_by_row_ones(memory_book):
    """kontrol's schema instances are built column by column (rowschema._instances): the same as one row at a time
    (rowschema._instance), unreadable cells included (the schema must see what they hold)."""
    import copy

    from gockurul_excel import example

    rows = copy.deepcopy(example.example_rows())
    rows["Toplantılar"][0][3] = "31.02.2025"  # no such day: value None, the text kept for the message
    rows["Toplantılar"][1][5] = "25:99"
    rows["Kararlar"][0][6] = "yarın"
    rows["Katılımcılar"][0][1] = "bir"
    rows["Projeler"][0][9] = -3
    data = memory_book(rows=rows)
    for table in data.tables.values():
        by_row = [rowschema._instance(r, r.raw) for r in table.records]
        assert rowschema._instances(table.records) == by_row, table.sheet
    assert any("31.02.2025" in str(i) for i in rowschema._instances(data.tables["Toplantılar"].records))


def test_columns_passed_as_a_whole_change_no_schema_finding(monkeypatch):
    """Issue 22: a column whose every cell passes its schema (decided in C for the whole column) is left out of the
    rows the validator sees; the findings are those of validating every column, on the golden test's books (the
    example changed at random: wrong kinds, texts in number and date columns, blank required cells)."""
    from tests.kontrol import golden

    books = [book() for name, book, _days in golden.cases() if name.startswith(("degisik/", "ornek"))][:60]
    passed = [rowschema.schema_findings(b) for b in books]
    calls = []

    def never(*args):
        calls.append(args)
        return False

    monkeypatch.setattr(rowschema, "_column_passes", never)
    assert [rowschema.schema_findings(b) for b in books] == passed
    assert calls and any(passed)  # the whole-column path was taken, and the books do break the schemas


@pytest.mark.parametrize(
    "kind, value, passes",
    [
        ("time", "09:30", True),
        ("time", "9:30", False),
        ("time", "09:30\n", False),
        ("time", "٠٩:٣٠", False),
        ("phone", "0532 000 00 00", True),
        ("phone", "053", False),
        ("phone", "0532 000 00 00 ext", False),
        ("email", "a.b@ornek.gov.tr", True),
        ("email", "a b@ornek.gov.tr", False),
        ("email", "ayşe@ornek.gov.tr", False),
        ("email", "a@b", False),
    ],
)
def test_the_whole_column_patterns_are_narrower_than_the_schema(kind, value, passes):
    """What the column check lets through, the schema's own pattern accepts (jsonschema-rs, ECMA regex)."""
    col = contract.Column("X", kind)
    assert rowschema._column_passes(col, [value], list, False) is passes
    if passes:
        schema = {"type": "object", "properties": {"X": rowschema._column_schema(col)}}
        assert SchemaCheck(schema).is_valid({"X": value})
