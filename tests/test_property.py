"""Random cell values in every input column: `kontrol` reports, it never crashes."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gockurul_excel import contract, example
from gockurul_excel.core.checks import run_checks
from gockurul_excel.core.model import Setting, WorkbookData, read_table

from .conftest import TODAY, clean_example_rows

_XML_OK = re.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd]")
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40).map(lambda s: _XML_OK.sub("", s))
# What python-calamine hands over for a cell.
calamine_values = st.one_of(
    st.none(),
    texts,
    st.sampled_from(["12.000", "21.02.2023", "Evet", "hayır", "32.13.2025", "1", "=A1", "", " "]),
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1)),
    st.datetimes(dt.datetime(1900, 1, 1)),
    st.times(),
)


@st.composite
def sheets(draw):
    out = {}
    for definition in contract.SHEETS:
        headers = [c.header for c in definition.columns]
        n = draw(st.integers(0, 4))
        out[definition.name] = [headers] + [[draw(calamine_values) for _ in headers] for _ in range(n)]
    settings_values = {s.name: draw(calamine_values) for s in contract.SETTINGS}
    return out, settings_values


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheets())
def test_kontrol_never_crashes_on_random_cells(data):
    tables_rows, settings_values = data
    findings = []
    tables = {
        name: read_table(name, rows, contract.SHEETS_BY_NAME[name], contract.TEMPLATE_VERSION, [], findings)
        for name, rows in tables_rows.items()
    }
    from gockurul_excel.core.model import parse_value

    settings_map = {}
    for s in contract.SETTINGS:
        raw = settings_values[s.name]
        try:
            value = parse_value(s, raw)
        except ValueError:
            value = None
        settings_map[s.name] = Setting(s.name, value, raw, "B2")
    wb = WorkbookData(
        path=None,
        sheet_names=list(contract.INPUT_SHEETS),
        settings=settings_map,
        tables=tables,
        template_version=contract.TEMPLATE_VERSION,
        findings=findings,
    )
    result = run_checks(wb, TODAY)
    for f in result:
        assert f.level in ("hata", "uyari") and f.message


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_kontrol_never_crashes_on_random_workbook_files(make_book, data):
    """The same through a real file and the real reader."""
    rows = clean_example_rows()
    file_values = st.one_of(
        st.none(),
        texts,
        st.integers(-(10**6), 10**6),
        st.floats(allow_nan=False, allow_infinity=False),
        st.dates(dt.date(1950, 1, 1), dt.date(2150, 1, 1)),
    )
    for sheet in rows:
        width = len(contract.SHEETS_BY_NAME[sheet].columns)
        for _ in range(data.draw(st.integers(0, 3))):
            rows[sheet].append([data.draw(file_values) for _ in range(width)])
        if rows[sheet]:
            i = data.draw(st.integers(0, len(rows[sheet]) - 1))
            j = data.draw(st.integers(0, width - 1))
            rows[sheet][i] = list(rows[sheet][i]) + [None] * (width - len(rows[sheet][i]))
            rows[sheet][i][j] = data.draw(file_values)
    settings_values = {**example.example_settings(), "Yabancı Nüfusu": data.draw(file_values)}
    from gockurul_excel.operations import check_workbook

    result = check_workbook(make_book(settings=settings_values, rows=rows), write=False, today=TODAY)
    assert result.exit_code in (0, 1)
