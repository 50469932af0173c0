"""core.rowschema in the process: the JSON instance a row's schema sees (`_instance`, the reference that the column
by column `_instances` equals, tests/test_fast_paths.py): parsed values as JSON, and for an empty value the text its
cell held, so that an unreadable cell is reported by the schema."""

from __future__ import annotations

import datetime as dt

from gockurul_excel import contract, rules
from gockurul_excel.core import rowschema
from gockurul_excel.core.model import TEMPLATE_RULE, build_workbook_data, workbook_from_rows
from gockurul_excel.core.records import Layout, Record
from gockurul_excel.findings import ERROR, WARNING, Finding

from .kontrol.base import book, clean, rows

D = dt.date


def test_plain_values_are_as_they_are_and_dates_are_iso():
    values = {"A": "metin", "B": 12, "C": ["Valilik", "Emniyet"], "D": D(2025, 3, 1)}
    assert rowschema._instance(values, {}) == {"A": "metin", "B": 12, "C": ["Valilik", "Emniyet"], "D": "2025-03-01"}


def test_an_empty_value_is_left_out_unless_its_cell_held_something():
    values = {"A": None, "B": None, "C": None, "D": None, "E": None, "F": None}
    raw = {"A": None, "B": "", "C": "   ", "D": "XXXX", "E": 31.5, "F": " 31.02.2025 "}
    assert rowschema._instance(values, raw) == {"D": "XXXX", "E": 31.5, "F": "31.02.2025"}
    assert rowschema._instance({"G": None}, {}) == {}  # a column the raw cells lack


def test_other_parsed_values_go_through_json_value():
    """A value of no plain kind (not text, whole number, list, date): a time of day with a date is ISO, a number
    as it is; the cell's raw text is not used once a value was read."""
    values = {"A": dt.datetime(2025, 3, 1, 9, 30), "B": 2.5, "C": True}
    raw = {"A": "01.03.2025 09:30", "B": "2,5", "C": "Evet"}
    assert rowschema._instance(values, raw) == {"A": "2025-03-01T09:30:00", "B": 2.5, "C": True}


def test_json_value():
    assert rowschema._json_value(None, None) is None
    assert rowschema._json_value(None, " ") is None
    assert rowschema._json_value(None, " x ") == "x"
    assert rowschema._json_value(None, 3) == 3 and rowschema._json_value(None, 2.5) == 2.5
    assert rowschema._json_value(None, True) == "True"  # a boolean cell is text to the schema, not a number
    assert rowschema._json_value(None, D(2025, 2, 1)) == "01.02.2025"
    assert rowschema._json_value(D(2025, 2, 1), None) == "2025-02-01"
    assert rowschema._json_value(7, "yedi") == 7


def test_column_schema_of_each_kind():
    sheet = contract.SHEETS_BY_NAME
    col = {c.header: c for s in sheet.values() for c in s.columns}
    setting = {s.name: s for s in contract.SETTINGS}
    assert rowschema._column_schema(sheet["Toplantılar"].column("Tür")) == {"enum": ["Olağan", "Ek"]}
    assert rowschema._column_schema(col["Sıra"]) == {"type": "integer", "minimum": 0, "maximum": 10000}
    assert rowschema._column_schema(col["Devreden Yıl"]) == {"type": "integer", "minimum": 2000, "maximum": 2100}
    assert rowschema._column_schema(setting["Yıl"]) == {"type": "integer", "minimum": 2000, "maximum": 2100}
    assert rowschema._column_schema(contract.Column("Adet", "int")) == {"type": "integer", "minimum": 0}
    assert rowschema._column_schema(setting["Yabancı Nüfusu"]) == {
        "type": "integer",
        "minimum": 0,
        "maximum": 100_000_000,
    }
    assert rowschema._column_schema(col["Öneri Tarihi"]) == {"type": "string", "format": "date"}
    assert rowschema._column_schema(col["Saat"]) == {"type": "string", "pattern": r"^\d{2}:\d{2}$"}
    assert rowschema._column_schema(col["Sorumlu Kurum ve Kuruluşlar"]) == {
        "type": "array",
        "items": {"type": "string", "maxLength": 32767},
        "minItems": 1,
    }
    assert rowschema._column_schema(col["Telefon"]) == {
        "type": "string",
        "pattern": r"^[0-9 +()./-]{7,24}$",
        "x-duzey": WARNING,
    }
    assert rowschema._column_schema(col["E-posta"]) == {
        "type": "string",
        "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
        "x-duzey": WARNING,
    }
    assert rowschema._column_schema(col["Toplantı No"]) == {"type": "string", "maxLength": 50}
    assert rowschema._column_schema(col["Konu Başlığı"]) == {"type": "string", "maxLength": 32767}


def test_row_schema_requires_only_the_required_columns_the_sheet_has():
    schema = rowschema.row_schema("Gündem")
    assert schema == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:gockurul:satir:tblGundem",
        "title": "'Gündem' satırı",
        "type": "object",
        "properties": {c.header: rowschema._column_schema(c) for c in contract.SHEETS_BY_NAME["Gündem"].columns},
        "required": ["Toplantı No", "Sıra", "Konu Başlığı"],
    }
    assert rowschema.row_schema("Gündem", ("Sıra", "Öneren Kurum"))["required"] == ["Sıra"]


def test_settings_schema_requires_the_settings_of_the_board_kind():
    """The settings each board kind must fill (a district board also its İlçe)."""
    every = [s.name for s in contract.SETTINGS if s.required]
    province = rowschema.settings_schema("İl")
    assert province["required"] == [
        s.name for s in contract.SETTINGS if s.required and rules.BoardKind.PROVINCE in s.applies_to
    ]
    assert set(province) == {"$schema", "type", "properties", "required"} and province["type"] == "object"
    assert list(province["properties"]) == [s.name for s in contract.SETTINGS]
    district = rowschema.settings_schema("İlçe")["required"]
    assert district == [
        s.name for s in contract.SETTINGS if s.required and rules.BoardKind.DISTRICT in s.applies_to
    ] + ["İlçe"]
    assert rowschema.settings_schema(None)["required"] == every


def col(kind: str, header: str = "X", choices: str | None = None):
    return contract.Column(header, kind, choices=choices)


def passes(column, values, raws=None, required=False) -> bool:
    return rowschema._column_passes(
        column, values, lambda: raws if raws is not None else [None] * len(values), required
    )


def test_column_passes_empty_cells_only_when_not_required_and_truly_empty():
    assert passes(col("text"), [None, "a"], [None, "a"])
    assert not passes(col("text"), [None, "a"], [None, "a"], required=True)
    assert passes(col("text"), [None, None], [None, ""]) and passes(col("date"), [], [])
    assert not passes(col("date"), [None, D(2025, 1, 1)], ["31.02.2025", None])  # the schema must see the text
    assert passes(col("date"), [None, D(2025, 1, 1)], ["", D(2025, 1, 1)])


def test_column_passes_each_kind_at_its_limits():
    assert passes(col("enum", choices="EvetHayir"), ["Evet", "Hayır"])
    assert not passes(col("enum", choices="EvetHayir"), ["Evet", "Belki"])
    assert not passes(col("enum", choices="ToplantiTuru"), ["Olağan", 1])
    assert passes(col("int"), [0, 5]) and not passes(col("int"), [-1, 5]) and not passes(col("int"), [1, "2"])
    assert passes(col("int", "Sıra"), [10000]) and not passes(col("int", "Sıra"), [10001])
    assert passes(col("int", "Devreden Yıl"), [2000, 2100])
    assert not passes(col("int", "Devreden Yıl"), [1999]) and not passes(col("int", "Devreden Yıl"), [2101])
    assert passes(col("date"), [D(2025, 1, 1)]) and not passes(col("date"), [dt.datetime(2025, 1, 1)])
    assert passes(col("key"), ["x" * 50]) and not passes(col("key"), ["x" * 51]) and not passes(col("key"), [5])
    assert passes(col("text"), ["x" * 32767]) and not passes(col("text"), ["x" * 32768])
    assert passes(col("time"), ["09:30"]) and not passes(col("time"), ["9:30"]) and not passes(col("time"), [930])
    assert passes(col("phone"), ["0342 000"]) and not passes(col("phone"), ["034200"])  # 7 characters at least
    assert passes(col("phone"), ["1" * 24]) and not passes(col("phone"), ["1" * 25])
    assert passes(col("email"), ["a@b.co"]) and not passes(col("email"), ["a@b"])
    assert not passes(col("email"), ["ç@b.co"])  # not ASCII: left to the validator
    assert passes(col("list"), [["Valilik"], ["a", "b"]]) and not passes(col("list"), [["a"], []])
    assert not passes(col("list"), [["a", 1]]) and not passes(col("list"), ["a"])
    assert passes(col("list"), [["x" * 32767]]) and not passes(col("list"), [["x" * 32768]])
    assert not passes(col("başka"), ["x"])


def finding(sheet: str, cell: str, message: str, level: str = ERROR) -> Finding:
    return Finding(level, TEMPLATE_RULE, sheet, cell, message)


def test_schema_findings_say_what_is_wrong_with_each_cell():
    data = clean()
    data["Gündem"] = rows(
        "Gündem",
        toplanti_no=["1", "1", "1", "x" * 51, "2"],
        sira=[-1, 10001, 10000, 1, 2],
        konu_basligi=["a", None, "c", "d", "e"],
        oneri_tarihi=[None, None, None, "31.02.2025", None],
    )
    data["Toplantılar"] += rows(
        "Toplantılar", toplanti_no="99", kategori="İl Göç Koordinasyon Kurulu", tur="Yok", planlanan_tarih="2025-01-10"
    )
    last = len(data["Katılımcılar"]) + 2
    data["Katılımcılar"] += rows(
        "Katılımcılar", toplanti_no="1", sira=50, kurum_ismi="Valilik", unvan="V", ad_soyad="A", telefon_numarasi="abc"
    )
    found = rowschema.schema_findings(book(rows=data, **{"Yabancı Nüfusu": 100_000_001, "Hudut İlçesi": "Belki"}))
    assert found == [
        finding("Ayarlar", "B6", "'Yabancı Nüfusu' en çok 100.000.000 olabilir; '100000001' yazılmış."),
        finding("Ayarlar", "B7", "'Hudut İlçesi' için 'Belki' geçerli değil; seçenekler: Evet, Hayır."),
        finding(
            "Toplantılar", f"C{len(data['Toplantılar']) + 1}", "'Tür' için 'Yok' geçerli değil; seçenekler: Olağan, Ek."
        ),
        finding("Gündem", "B2", "'Sıra' negatif olamaz ('-1')."),
        finding("Gündem", "B3", "'Sıra' en çok 10.000 olabilir; '10001' yazılmış."),
        finding("Gündem", "C3", "'Konu Başlığı' boş bırakılamaz."),
        finding("Gündem", "A5", "'Toplantı No' çok uzun (en çok 50 karakter); 51 karakter yazılmış."),
        finding("Gündem", "E5", "'Öneri Tarihi' geçerli bir tarih değil: '31.02.2025'."),
        finding("Katılımcılar", f"F{last}", "'Telefon Numarası' telefon numarası gibi görünmüyor: 'abc'.", WARNING),
    ]
    assert rowschema.schema_findings(book()) == []


def test_a_text_cell_over_excels_limit_is_too_long_by_its_length():
    """A text cell longer than Excel's 32.767 characters is refused with how many were written."""
    data = clean()
    data["Gündem"] = rows("Gündem", toplanti_no="1", sira=1, konu_basligi="x" * 32_768)
    assert rowschema.schema_findings(book(rows=data)) == [
        finding("Gündem", "C2", "'Konu Başlığı' çok uzun (en çok 32.767 karakter); 32768 karakter yazılmış.")
    ]


def test_schema_findings_of_a_value_below_a_minimum_other_than_zero_and_of_an_unknown_column():
    """A year below 2000 (parse refuses it first in a book, so the schema's words are met here directly)."""
    schema = rowschema.row_schema("Kararlar")
    check = rowschema.SchemaCheck(schema)
    instance = {"Devreden Yıl": 1999, "Karar No": "x" * 51}
    errors = check.errors(instance)
    columns = {"Devreden Yıl": contract.SHEETS_BY_NAME["Kararlar"].column("Devreden Yıl")}  # Karar No not given
    found = list(rowschema._schema_findings("Kararlar", columns, instance, {"Devreden Yıl": "M2"}.get, {}, errors))
    assert finding("Kararlar", "M2", "'Devreden Yıl' en az 2000 olabilir; '1999' yazılmış.") in found
    assert all(f.cell is None or f.cell == "M2" for f in found) and not any(
        "Karar No'" in f.message[:11] for f in found
    )


def test_settings_findings():
    assert list(rowschema._settings_findings(book(Yıl="iki bin"))) == [
        finding("Ayarlar", "B5", "'Yıl' tam sayı değil: 'iki bin'.")
    ]
    assert list(rowschema._settings_findings(book(Yıl=None))) == [finding("Ayarlar", "B5", "'Yıl' boş bırakılamaz.")]
    assert list(rowschema._settings_findings(book(**{"Şablon Sürümü": "bir"}))) == [
        finding("Ayarlar", "B23", "Şablon Sürümü 'bir' okunamadı.")
    ]
    assert finding("Ayarlar", "B2", "'Kurul Türü' için 'Bölge' geçerli değil; seçenekler: İl, İlçe.") in list(
        rowschema._settings_findings(book(**{"Kurul Türü": "Bölge"}))
    )
    district = list(rowschema._settings_findings(book(**{"Kurul Türü": "İlçe", "İlçe": None})))
    assert finding("Ayarlar", "B4", "'İlçe' boş bırakılamaz.") in district


def test_a_district_books_only_blank_setting_is_its_district():
    """A district board's book must name its district (İlçe is required for the İlçe kind only): when that is its
    only fault, it is still found."""
    district = {"Kurul Türü": "İlçe", "İlçe": None}
    district |= {"İlçede Türk Kızılay Temsilciliği Var": "Hayır", "İlçede Kamu Üniversitesi Var": "Hayır"}
    assert list(rowschema._settings_findings(book(**district))) == [finding("Ayarlar", "B4", "'İlçe' boş bırakılamaz.")]
    assert list(rowschema._settings_findings(book(**{**district, "İlçe": "Nizip"}))) == []


def test_settings_findings_when_only_one_setting_is_wrong():
    """Each fault found on its own, and nothing more: a blank Şablon Sürümü is missing, not unreadable; a Yıl typed
    as text ('2025') is read as the year it is while another setting is refused; an unknown answer to a setting
    not required of a province is refused all the same; a blank Yıl is missing although every setting a province
    need not give is given."""

    def found(**settings) -> list:
        return list(rowschema._settings_findings(book(**settings)))

    assert found(**{"Şablon Sürümü": None}) == [finding("Ayarlar", "B23", "'Şablon Sürümü' boş bırakılamaz.")]
    assert found(Yıl="2025", **{"Hudut İlçesi": "Belki"}) == [
        finding("Ayarlar", "B7", "'Hudut İlçesi' için 'Belki' geçerli değil; seçenekler: Evet, Hayır.")
    ]
    assert found(**{"İlçede Kamu Üniversitesi Var": "Belki"}) == [
        finding("Ayarlar", "B14", "'İlçede Kamu Üniversitesi Var' için 'Belki' geçerli değil; seçenekler: Evet, Hayır.")
    ]
    given = {"İlçe": "Merkez", "İlçede Kamu Üniversitesi Var": "Hayır", "İlçede Türk Kızılay Temsilciliği Var": "Hayır"}
    given |= {"Genelge Tarih ve Sayısı": "12.02.2025 tarihli ve 1 sayılı", "İl Göç İdaresi E-postası": "a@b.gov.tr"}
    assert found(Yıl=None, **given) == [finding("Ayarlar", "B5", "'Yıl' boş bırakılamaz.")]
    # a kind that is neither İl nor İlçe: every setting a board of either kind must give is asked for
    assert found(**{"Kurul Türü": "Bölge", "Yıl": None}) == [
        finding("Ayarlar", "B2", "'Kurul Türü' için 'Bölge' geçerli değil; seçenekler: İl, İlçe."),
        finding("Ayarlar", "B5", "'Yıl' boş bırakılamaz."),
        finding("Ayarlar", "B13", "'İlçede Türk Kızılay Temsilciliği Var' boş bırakılamaz."),
        finding("Ayarlar", "B14", "'İlçede Kamu Üniversitesi Var' boş bırakılamaz."),
    ]


def test_a_setting_an_older_template_did_not_have_is_not_missing():
    old = {
        "Kurul Türü": "İl",
        "İl": "Gaziantep",
        "Yıl": 2025,
        "Yabancı Nüfusu": 5,
        "Hudut İlçesi": "Hayır",
        "İlçe Göç İdaresi Müdürlüğü Var": "Hayır",
        "Şablon Sürümü": "1.0",
    }
    assert list(rowschema._settings_findings(workbook_from_rows(old, {}, version="1.0"))) == []
    no_version = build_workbook_data(None, ["Ayarlar"], lambda n: ([["Ayar", "Değer"]], []))
    assert [f.message for f in rowschema._settings_findings(no_version)] == [
        f"'{s.name}' boş bırakılamaz." for s in contract.settings_for("1.0") if s.required
    ]
    assert list(rowschema._settings_findings(build_workbook_data(None, ["X"], lambda n: ([[]], [])))) == []


def test_instances_are_the_instance_of_each_record_column_by_column():
    data = clean()
    data["Gündem"] = rows(
        "Gündem", toplanti_no=["1", "2"], sira=[1, "bir"], konu_basligi=["a", None], oneri_tarihi=[D(2025, 1, 2), ""]
    )
    records = book(rows=data).records("Gündem")
    assert rowschema._instances(records) == [
        {"Toplantı No": "1", "Sıra": 1, "Konu Başlığı": "a", "Öneri Tarihi": "2025-01-02"},
        {"Toplantı No": "2", "Sıra": "bir"},
    ]
    assert rowschema._instances(records, ["Sıra"]) == [{"Sıra": 1}, {"Sıra": "bir"}]
    assert rowschema._instances([]) == []
    assert rowschema._to_validate(book(rows=data).tables["Gündem"], {"Toplantı No", "Sıra", "Konu Başlığı"}) == [
        "Sıra",
        "Konu Başlığı",
    ]


def test_instances_of_values_of_no_plain_kind_are_each_records_instance():
    """`_instances` equals `_instance` of each record (its contract) also for values the sheets' parsers do not
    give today: a datetime and a bool go through `_json_value` (not the cell's text), a value read from a blank
    cell is kept, and an empty value keeps the text its cell held, whatever that text is."""
    layout = Layout(index={"A": 0, "B": 1, "C": 2, "D": 3}, letters={"A": "A", "B": "B", "C": "C", "D": "D"})
    records = [
        Record(
            2,
            [("A", dt.datetime(2025, 3, 1, 9, 30)), ("B", 2.5), ("C", True), ("D", None)],
            ("01.03.2025 09:30", None, "Evet", "XXXX"),
            layout,
        ),
        Record(3, [("A", None), ("B", None), ("C", False), ("D", None)], (None, "", None, " "), layout),
    ]
    want = [{"A": "2025-03-01T09:30:00", "B": 2.5, "C": True, "D": "XXXX"}, {"C": False}]
    assert rowschema._instances(records) == want
    assert [rowschema._instance(dict(r), r.raw) for r in records] == want


def test_the_words_of_a_too_long_text_or_institution_and_of_a_list_that_is_no_list():
    """Excel holds at most 32.767 characters in a cell: one more is 'çok uzun' with its length, in a text column
    and in an institution of a list column; a list cell with no institution is told how to separate them."""
    kararlar = rows(
        "Kararlar",
        karar_no=["1", "2"],
        toplanti_no="1",
        alinan_karar=["x" * 32768, "K"],
        karar_gerekcesi="G",
        amac="A",
        sorumlu_kurum_ve_kuruluslar=["Valilik;" + "y" * 32768, ";"],
        verilen_sure="2025-12-01",
        durum="Bekliyor",
    )
    data = book(rows={**clean(), "Kararlar": kararlar})
    assert [f for f in rowschema.schema_findings(data) if f.sheet == "Kararlar"] == [
        finding("Kararlar", "C2", "'Alınan Karar' çok uzun (en çok 32.767 karakter); 32768 karakter yazılmış."),
        finding(
            "Kararlar", "F2", "'Sorumlu Kurum ve Kuruluşlar' kurum adları ; ile ayrılmalı; 32783 karakter yazılmış."
        ),
        finding("Kararlar", "F3", "'Sorumlu Kurum ve Kuruluşlar' kurum adları ; ile ayrılmalı: ';'."),
    ]


def test_settings_findings_of_a_clean_book_changed_in_one_setting():
    """With every other setting right: an unreadable optional answer, a blank required year, and a district book
    that does not name its district (the İlçe setting is required of a district board's book only)."""
    assert rowschema.schema_findings(book()) == []
    assert rowschema.schema_findings(book(**{"Hudut İlçesi": "belki"})) == [
        finding("Ayarlar", "B7", "'Hudut İlçesi' için 'belki' geçerli değil; seçenekler: Evet, Hayır.")
    ]
    assert rowschema.schema_findings(book(**{"Yıl": None})) == [finding("Ayarlar", "B5", "'Yıl' boş bırakılamaz.")]
    assert rowschema.schema_findings(book(**{"Kurul Türü": "İlçe"})) == [
        finding("Ayarlar", "B13", "'İlçede Türk Kızılay Temsilciliği Var' boş bırakılamaz."),
        finding("Ayarlar", "B14", "'İlçede Kamu Üniversitesi Var' boş bırakılamaz."),
        finding("Ayarlar", "B4", "'İlçe' boş bırakılamaz."),
    ]


def test_a_district_book_with_every_district_setting_but_its_district():
    """The İlçe setting is required of a district board's book (its other settings answered): its blank is found
    even where every other setting passes on its own."""
    data = book(
        **{
            "Kurul Türü": "İlçe",
            "İlçede Türk Kızılay Temsilciliği Var": "Hayır",
            "İlçede Kamu Üniversitesi Var": "Hayır",
        }
    )
    assert rowschema.schema_findings(data) == [finding("Ayarlar", "B4", "'İlçe' boş bırakılamaz.")]


OPTIONAL_SETTINGS = {
    "İlçe": "Merkez",
    "İmzalayan Ad Soyad": "A",
    "İmzalayan Unvanı": "V",
    "Adres": "A",
    "Telefon": "0312 000 00 00",
    "E-posta": "a@b.gov.tr",
    "KEP Adresi": "k",
    "Genelge Tarih ve Sayısı": "g",
    "İl Göç İdaresi E-postası": "a@b.gov.tr",
    "İlçede Türk Kızılay Temsilciliği Var": "Hayır",
    "İlçede Kamu Üniversitesi Var": "Hayır",
}


def test_settings_findings_of_an_empty_required_setting_when_every_other_setting_is_filled():
    assert list(rowschema._settings_findings(book(**OPTIONAL_SETTINGS, İl=None))) == [
        finding("Ayarlar", "B3", "'İl' boş bırakılamaz.")
    ]


def test_settings_findings_of_an_unknown_board_kind_ask_for_every_required_setting():
    assert list(rowschema._settings_findings(book(**{"Kurul Türü": "Bölge"}))) == [
        finding("Ayarlar", "B2", "'Kurul Türü' için 'Bölge' geçerli değil; seçenekler: İl, İlçe."),
        finding("Ayarlar", "B13", "'İlçede Türk Kızılay Temsilciliği Var' boş bırakılamaz."),
        finding("Ayarlar", "B14", "'İlçede Kamu Üniversitesi Var' boş bırakılamaz."),
    ]


def test_settings_findings_judge_the_read_value_not_the_cell_text():
    """'12.000' is read as 12000 (Turkish thousands): no finding for it when another setting is wrong."""
    data = book(**{"Yabancı Nüfusu": "12.000", "Hudut İlçesi": "Belki"})
    assert list(rowschema._settings_findings(data)) == [
        finding("Ayarlar", "B7", "'Hudut İlçesi' için 'Belki' geçerli değil; seçenekler: Evet, Hayır.")
    ]


def test_an_empty_template_version_is_missing_not_unreadable():
    assert list(rowschema._settings_findings(book(**{"Şablon Sürümü": None}))) == [
        finding("Ayarlar", "B23", "'Şablon Sürümü' boş bırakılamaz.")
    ]
