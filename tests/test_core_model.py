"""core.model in the process: a sheet's rows read as a table whatever its layout (a title row, headers in another
order, case or spacing, extra and missing columns, merged cells, blank and short rows), the settings, the sheets a
template must have, and the template version this program can read — each finding's Turkish words whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gockurul_excel import contract
from gockurul_excel.core import model
from gockurul_excel.core.model import TEMPLATE_RULE, read_table
from gockurul_excel.errors import NewerTemplate
from gockurul_excel.findings import ERROR, Finding

D = dt.date
GUNDEM = contract.SHEETS_BY_NAME["Gündem"]  # Toplantı No, Sıra, Konu Başlığı, Öneren Kurum, Öneri Tarihi
TOPLANTI = contract.SHEETS_BY_NAME["Toplantılar"]
V = contract.TEMPLATE_VERSION


def missing(header: str, row: int) -> Finding:
    return Finding(ERROR, TEMPLATE_RULE, "Gündem", None, f"'{header}' başlıklı sütun bulunamadı (başlık satırı {row}).")


def test_a_table_under_a_title_row_with_its_columns_in_any_order_and_an_extra_one():
    rows = [
        ["Gündem listesi", None, None, None, None, None],
        ["  sıra ", "Not", "TOPLANTI NO", "Konu  Başlığı", "Öneri Tarihi", "Öneren Kurum"],
        [1, "x", 3.0, "Göç", "01.02.2025", "Valilik"],
        [None, "  ", None, None, None, None],  # nothing in the table's columns but spaces in the extra one
        [None, None, None, None, None, None],
        ["iki", None, "4", "Uyum", "31.02.2025", None],
    ]
    findings: list[Finding] = []
    t = read_table("Gündem", rows, GUNDEM, V, [], findings)
    assert findings == []
    assert (t.sheet, t.header_row, t.definition) == ("Gündem", 2, GUNDEM)
    assert t.columns == {"Toplantı No": 3, "Sıra": 1, "Konu Başlığı": 4, "Öneren Kurum": 6, "Öneri Tarihi": 5}
    assert t.extra_columns == {"Not": 2}
    assert t.has("Sıra") and not t.has("Not")
    assert [r.row for r in t.records] == [3, 6]
    first, second = t.records
    assert dict(first) == {
        "Toplantı No": "3",
        "Sıra": 1,
        "Konu Başlığı": "Göç",
        "Öneren Kurum": "Valilik",
        "Öneri Tarihi": D(2025, 2, 1),
    }
    assert first.bad == {} and first.cell("Öneri Tarihi") == "E3" and first.cell("Sıra") == "A3"
    assert dict(first.raw) == {
        "Toplantı No": 3.0,
        "Sıra": 1,
        "Konu Başlığı": "Göç",
        "Öneren Kurum": "Valilik",
        "Öneri Tarihi": "01.02.2025",
    }
    assert second["Sıra"] is None and second["Öneri Tarihi"] is None and second["Öneren Kurum"] is None
    assert second.bad == {"Sıra": "tam sayı değil", "Öneri Tarihi": "geçerli bir tarih değil"}
    assert second.raw["Sıra"] == "iki" and second.layout is first.layout
    assert first.layout.known == contract.known_headers("Gündem")


def test_short_rows_read_their_missing_cells_as_empty():
    rows = [["Toplantı No", "Sıra", "Konu Başlığı", "Öneren Kurum", "Öneri Tarihi"], ["1", 2], ["2", 1, "Konu"]]
    t = read_table("Gündem", rows, GUNDEM, V, [], [])
    assert [dict(r) for r in t.records] == [
        {"Toplantı No": "1", "Sıra": 2, "Konu Başlığı": None, "Öneren Kurum": None, "Öneri Tarihi": None},
        {"Toplantı No": "2", "Sıra": 1, "Konu Başlığı": "Konu", "Öneren Kurum": None, "Öneri Tarihi": None},
    ]
    assert t.records[0].raw["Öneri Tarihi"] is None and [r.row for r in t.records] == [2, 3]


def test_a_missing_column_is_named_or_a_misspelt_one_pointed_at():
    rows = [["Toplanti Noo", "Sıra", "Konu", "Öneri Tarihi"], ["1", 1, "x", None]]
    findings: list[Finding] = []
    t = read_table("Gündem", rows, GUNDEM, V, [], findings)
    assert findings == [
        Finding(ERROR, TEMPLATE_RULE, "Gündem", "A1", "'Toplanti Noo' başlığı 'Toplantı No' olmalı; sütun okunamadı."),
        missing("Konu Başlığı", 1),
        missing("Öneren Kurum", 1),
    ]
    assert t.columns == {"Sıra": 2, "Öneri Tarihi": 4} and t.extra_columns == {"Toplanti Noo": 1, "Konu": 3}
    assert dict(t.records[0]) == {"Sıra": 1, "Öneri Tarihi": None}
    assert t.records[0].cell("Öneri Tarihi") == "D2" and t.records[0]["Toplantı No"] is None


def test_an_empty_sheet_misses_every_column_on_row_one():
    findings: list[Finding] = []
    t = read_table("Gündem", [], GUNDEM, V, [], findings)
    assert findings == [missing(c.header, 1) for c in GUNDEM.columns]
    assert (t.header_row, t.columns, t.records, t.extra_columns) == (1, {}, [], {})


def test_a_sheet_with_rows_but_none_of_its_headers_misses_every_column():
    """Rows under no known header: every column is missing (on row one), nothing is read, nothing fails."""
    findings: list[Finding] = []
    t = read_table("Gündem", [["Notlar", "Ek"], ["x", "y"], ["z"]], GUNDEM, V, [], findings)
    assert findings == [missing(c.header, 1) for c in GUNDEM.columns]
    assert (t.columns, t.records, t.extra_columns) == ({}, [], {"Notlar": 1, "Ek": 2})


def test_a_header_only_somewhat_like_a_missing_one_is_not_taken_for_it():
    """'Öneren' is too far from 'Öneren Kurum' (a similarity of 2/3, under the 0.75 asked) to be pointed at as its
    misspelling: the column is reported missing, and 'Öneren' stays an extra column."""
    findings: list[Finding] = []
    rows = [["Toplantı No", "Sıra", "Konu Başlığı", "Öneren", "Öneri Tarihi"], ["1", 1, "x", "V", None]]
    t = read_table("Gündem", rows, GUNDEM, V, [], findings)
    assert findings == [missing("Öneren Kurum", 1)]
    assert t.extra_columns == {"Öneren": 4}


def test_a_column_newer_than_the_books_template_is_not_missing():
    headers = [c.header for c in TOPLANTI.columns if c.since == "1.0"]
    findings: list[Finding] = []
    read_table("Toplantılar", [headers], TOPLANTI, "1.0", [], findings)
    assert findings == []
    read_table("Toplantılar", [headers], TOPLANTI, "1.1", [], findings)
    assert [f.message for f in findings] == ["'Açıklama' başlıklı sütun bulunamadı (başlık satırı 1)."]


def test_merged_cells_in_the_table_body_are_refused():
    rows = [
        ["Başlık", None, None, None, None, None],
        ["Toplantı No", "Sıra", "Konu Başlığı", "Öneren Kurum", "Öneri Tarihi", None],
        ["1", 1, "x", None, None, None],
        ["1", 2, None, None, None, None],
    ]
    merged = [
        (1, 1, 1, 5),  # the title row: allowed
        (1, 1, 2, 2),  # ends on the header row: allowed
        (3, 6, 4, 6),  # outside the table's columns
        (3, 3, 4, 3),  # Konu Başlığı over two rows
        (2, 5, 3, 7),
    ]  # reaches the body from the header, its first column in the table
    findings: list[Finding] = []
    read_table("Gündem", rows, GUNDEM, V, merged, findings)
    tail = " hücreleri birleştirilmiş; tabloda hücre birleştirmeyin, her satıra değeri ayrı yazın."
    assert findings == [
        Finding(ERROR, TEMPLATE_RULE, "Gündem", "C3", "C3:C4" + tail),
        Finding(ERROR, TEMPLATE_RULE, "Gündem", "E2", "E2:G3" + tail),
    ]
    findings.clear()
    read_table("Gündem", rows, GUNDEM, V, [(3, 6, 4, 9), (3, 0, 4, 0)], findings)
    assert findings == []


def test_parse_column_reads_each_kind_and_reports_unreadable_cells():
    int_col = GUNDEM.column("Sıra")
    assert model._parse_column(int_col, [1, "2", None, "", "  ", "x", 1]) == (
        [1, 2, None, None, None, None, 1],
        [True, True, False, False, False, True, True],
        {5: "tam sayı değil"},
    )
    # booleans and unhashable values are read one by one (True is not 1)
    assert model._parse_column(int_col, [True, 1]) == ([None, 1], [True, True], {0: "tam sayı değil"})
    assert model._parse_column(int_col, [[1], None]) == ([None, None], [True, False], {0: "tam sayı değil"})
    text_col = GUNDEM.column("Konu Başlığı")
    assert model._parse_column(text_col, [" a ", None, "a", "  "]) == (
        ["a", None, "a", None],
        [True, False, True, False],
        {},
    )
    enum = TOPLANTI.column("Tür")
    assert model._parse_column(enum, ["olağan", "Yok", ""]) == (["Olağan", "Yok", None], [True, True, False], {})
    kurum = GUNDEM.column("Öneren Kurum")  # a suggested list: the canonical spelling when one matches
    assert model._parse_column(kurum, ["valilik", "Başka Kurum"])[0] == ["Valilik", "Başka Kurum"]


def test_parse_value_of_settings():
    by_name = {s.name: s for s in contract.SETTINGS}
    assert model.parse_value(by_name["İl"], "sanliurfa") == "Şanlıurfa"
    assert model.parse_value(by_name["İl"], "Antep") == contract.PROVINCE_ALIASES["Antep"]
    assert model.parse_value(by_name["Yıl"], "2025") == 2025
    assert model.parse_value(by_name["Yıl"], 2000) == 2000 and model.parse_value(by_name["Yıl"], 2100) == 2100
    for year in (1999, 2101):
        with pytest.raises(ValueError) as caught:
            model.parse_value(by_name["Yıl"], year)
        assert str(caught.value) == "2000–2100 arasında bir yıl değil"
    assert model.parse_value(by_name["Yıl"], None) is None
    assert model.parse_value(by_name["Yabancı Nüfusu"], "12.000") == 12000


def settings_rows(*pairs) -> list[list]:
    return [["Ayar", "Değer"], *map(list, pairs)]


def test_settings_are_read_by_name_with_their_cell_and_why_one_could_not_be_read():
    findings: list[Finding] = []
    rows = [
        ["Ayarlar"],
        *settings_rows(("  kurul türü ", "İl"), ("Bilinmeyen", 1), (None,), ("Yıl", "iki bin"), ("İl",)),
    ]
    s = model._read_settings(rows, findings)
    assert findings == [] and list(s) == ["Kurul Türü", "Yıl", "İl"]
    assert s["Kurul Türü"] == model.Setting("Kurul Türü", "İl", "İl", "B3", None)
    assert s["Yıl"] == model.Setting("Yıl", None, "iki bin", "B6", "tam sayı değil")
    assert s["İl"] == model.Setting("İl", None, None, "B7", None)
    assert model._read_settings([["Ayar"], ["Yıl", 2025]], findings) == {}
    assert findings == [Finding(ERROR, TEMPLATE_RULE, "Ayarlar", None, "'Ayar' ve 'Değer' başlıkları bulunamadı.")]


def test_settings_are_read_only_below_their_header_and_a_short_row_is_no_setting():
    """A title row above the Ayar/Değer header is not read, even when it names a setting; an empty row below it is
    skipped (it names nothing)."""
    findings: list[Finding] = []
    rows = [["Yıl", 2024], ["Ayar", "Değer"], [], ["Kurul Türü", "İl"]]
    assert model._read_settings(rows, findings) == {"Kurul Türü": model.Setting("Kurul Türü", "İl", "İl", "B4", None)}
    assert findings == []


def test_a_books_template_findings_name_their_rule_and_sheet():
    """The settings sheet without its header, the sheets not there and the columns not found are each a finding of
    the template rule, on their own sheet."""
    data = build({"Ayarlar": [["x", "y"]], "Toplantılar": [["Toplantı No"]]})
    expected = [Finding(ERROR, TEMPLATE_RULE, "Ayarlar", None, "'Ayar' ve 'Değer' başlıkları bulunamadı.")]
    for d in contract.sheets_for(V):
        if d.name != "Toplantılar":
            expected.append(Finding(ERROR, TEMPLATE_RULE, d.name, None, f"'{d.name}' sayfası bulunamadı."))
            continue
        expected += [
            Finding(ERROR, TEMPLATE_RULE, d.name, None, f"'{c.header}' başlıklı sütun bulunamadı (başlık satırı 1).")
            for c in d.columns
            if c.header != "Toplantı No"
        ]
    assert data.findings == expected
    assert data.table("Toplantılar").sheet == "Toplantılar"


def build(sheets: dict[str, list[list]]) -> model.WorkbookData:
    return model.build_workbook_data(Path("k.xlsx"), list(sheets), lambda name: (sheets[name], []))


def test_missing_settings_and_sheets_are_named():
    data = build({"Toplantılar": [[c.header for c in TOPLANTI.columns]]})
    assert data.findings[0] == Finding(
        ERROR, TEMPLATE_RULE, "Ayarlar", None, "'Ayarlar' sayfası bulunamadı; bu kitap şablondan yapılmamış olabilir."
    )
    assert [f.message for f in data.findings[1:]] == [
        f"'{d.name}' sayfası bulunamadı." for d in contract.sheets_for(V) if d.name != "Toplantılar"
    ]
    assert data.settings == {} and list(data.tables) == ["Toplantılar"] and data.template_version is None
    assert data.path == Path("k.xlsx") and data.sheet_names == ["Toplantılar"] and data.sheet_rows == {}


def test_a_district_book_needs_no_districts_sheet():
    district = build({"Ayarlar": settings_rows(("Kurul Türü", "İlçe"), ("Şablon Sürümü", V))})
    assert "'İlçeler' sayfası bulunamadı." not in [f.message for f in district.findings]
    assert "'Üyeler' sayfası bulunamadı." in [f.message for f in district.findings]
    province = build({"Ayarlar": settings_rows(("Kurul Türü", "İl"), ("Şablon Sürümü", V))})
    assert "'İlçeler' sayfası bulunamadı." in [f.message for f in province.findings]
    unknown = build({"Ayarlar": settings_rows(("Şablon Sürümü", V))})
    assert "'İlçeler' sayfası bulunamadı." in [f.message for f in unknown.findings]


def test_sheet_names_are_found_as_excel_compares_them_and_state_sheets_are_kept():
    state = contract.STATE_SHEETS[0]
    data = build(
        {
            " toplantilar ".replace("i", "ı").upper(): [["Toplantı No"], ["5"]],
            "Ayarlar": settings_rows(),
            "GÜNDEM\u00a0": [["Toplantı No", "Sıra"], ["5", 1]],
            state: [["a"], [1]],
            "Başka": [["x"]],
        }
    )
    assert [r["Toplantı No"] for r in data.records("Toplantılar")] == ["5"]
    assert data.table("Gündem").records[0]["Sıra"] == 1
    assert data.sheet_rows == {state: [["a"], [1]]}
    assert data.records("Kararlar") == [] and data.table("Kararlar") is None
    assert model._sheet_lookup("  Toplantı\u00a0 Listesi ") == "toplanti listesi"  # as Excel: ı and i alike


def test_a_newer_template_is_refused_and_an_unreadable_version_read_as_the_current_one():
    newer = ".".join(map(str, (*contract.version_tuple(V)[:-1], contract.version_tuple(V)[-1] + 1)))
    with pytest.raises(NewerTemplate) as caught:
        build({"Ayarlar": settings_rows(("Şablon Sürümü", newer))})
    assert str(caught.value) == (
        f"'Ayarlar' sayfası: Bu kitap daha yeni bir şablonla (sürüm {newer}) yapılmış; "
        f"bu program en çok {V} sürümünü okuyabilir. Lütfen gockurul'u güncelleyin."
    )
    assert caught.value.sheet == "Ayarlar"
    assert build({"Ayarlar": settings_rows(("Şablon Sürümü", V))}).template_version == V
    odd = build({"Ayarlar": settings_rows(("Şablon Sürümü", "bir"))})
    assert odd.template_version == "bir" and "Eylem Planı" in odd.tables.keys() | {
        f.sheet for f in odd.findings
    }  # read as the current template: every sheet is asked for
    old = build({"Ayarlar": settings_rows(("Şablon Sürümü", "1.0"))})
    assert not any("Açıklama" in f.message for f in old.findings)
    assert model._known_version(V) and model._known_version("1.0") and not model._known_version(newer)
    assert not model._known_version(None) and not model._known_version("x")


def test_grouped_and_setting_defaults():
    data = model.workbook_from_rows(
        {"Yıl": 2025, "İlçe": None}, {"Gündem": [["1", 1, "a"], ["2", 1, "b"], ["1", 2, "c"]]}
    )
    groups = data.grouped("Gündem", "Toplantı No")
    assert {k: [r["Konu Başlığı"] for r in v] for k, v in groups.items()} == {"1": ["a", "c"], "2": ["b"]}
    assert data.grouped("Gündem", "Toplantı No") is groups
    assert data.grouped("Kararlar", "Toplantı No") == {}
    assert data.setting("Yıl") == 2025 and data.setting("İlçe", "yok") == "yok"
    assert data.setting("Olmayan", 3) == 3 and data.setting("Olmayan") is None
    assert data.derived("k", lambda: [1]) == [1] and data.derived("k", lambda: [2]) == [1]


def test_settings_are_read_below_their_header_only_and_an_empty_row_is_no_setting():
    """A row above the Ayar/Değer header (a title, a note naming a setting) is no setting; an empty row between
    settings is skipped; a row with only the name reads an empty value."""
    findings: list = []
    rows = [["Ayarlar"], ["Yıl", 2024], ["Ayar", "Değer"], [], ["Kurul Türü", "İl"], ["İl"]]
    s = model._read_settings(rows, findings)
    assert s == {
        "Kurul Türü": model.Setting("Kurul Türü", "İl", "İl", "B5"),
        "İl": model.Setting("İl", None, None, "B6"),
    }
    assert findings == []


def test_a_header_near_a_column_name_but_under_the_cutoff_is_not_taken_for_it():
    # 'Konu Adı' is 0.70 alike to 'Konu Başlığı': under the 0.75 cutoff, so the column is reported as missing
    rows = [["Toplantı No", "Sıra", "Konu Adı", "Öneren Kurum", "Öneri Tarihi"], ["1", 1, "x", None, None]]
    findings: list[Finding] = []
    t = read_table("Gündem", rows, GUNDEM, V, [], findings)
    assert findings == [missing("Konu Başlığı", 1)]
    assert t.extra_columns == {"Konu Adı": 3}


def test_a_sheet_with_rows_but_none_of_the_headers_reads_no_records():
    findings: list[Finding] = []
    t = read_table("Gündem", [["x"], ["y"]], GUNDEM, V, [], findings)
    assert findings == [missing(c.header, 1) for c in GUNDEM.columns]
    assert t.records == [] and t.columns == {} and t.header_row == 1


def test_an_unreadable_cell_is_reported_whatever_its_text():
    sira, tarih = GUNDEM.column("Sıra"), GUNDEM.column("Öneri Tarihi")
    assert model._parse_column(sira, ["XXXX", None, ""]) == (
        [None, None, None],
        [True, False, False],
        {0: "tam sayı değil"},
    )
    assert model._parse_column(tarih, ["XXXX", None, ""]) == (
        [None, None, None],
        [True, False, False],
        {0: "tarih değil (GG.AA.YYYY biçiminde yazın)"},
    )


def test_settings_above_the_header_row_and_empty_rows_are_not_read():
    findings: list[Finding] = []
    rows = [["Yıl", 2020], ["Ayar", "Değer"], [], ["İl", "Van"]]
    s = model._read_settings(rows, findings)
    assert findings == [] and list(s) == ["İl"]
    assert s["İl"] == model.Setting("İl", "Van", "Van", "B4", None)


def test_a_settings_sheet_without_its_headers_and_a_missing_sheet_are_template_findings():
    data = build({"Ayarlar": [["Ayarlar"], ["Yıl", 2025]], "Gündem": [["Toplantı No", "Sıra"], ["5", 1]]})
    assert data.settings == {}
    assert data.findings[0] == Finding(
        ERROR, TEMPLATE_RULE, "Ayarlar", None, "'Ayar' ve 'Değer' başlıkları bulunamadı."
    )
    assert Finding(ERROR, TEMPLATE_RULE, "Kararlar", None, "'Kararlar' sayfası bulunamadı.") in data.findings
    assert Finding(ERROR, TEMPLATE_RULE, "Gündem", None, missing("Konu Başlığı", 1).message) in data.findings
    assert data.table("Gündem").sheet == "Gündem"


def test_a_sheet_name_with_a_no_break_space_is_looked_up_with_a_space():
    assert model._sheet_lookup("XX\u00a0XX") == "xx xx"
