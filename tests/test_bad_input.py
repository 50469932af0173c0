"""Bad input as users produce it: each gets a Turkish message, the right exit code, no traceback,
and the file's bytes unchanged."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile

import openpyxl
import pytest

from gockurul_excel import contract
from gockurul_excel.files.fill import Formula

from .conftest import TODAY, clean_example_rows, kontrol_json, libreoffice_convert, run_cli

TURKISH = set("ıİşŞğĞçÇöÖüÜ")


def assert_user_error(proc, code, *words):
    assert proc.returncode == code, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr + proc.stdout
    msg = proc.stderr
    assert msg.startswith("HATA:") and TURKISH & set(msg), msg
    for w in words:
        assert w in msg, msg


def rewrite_member(path, member, transform):
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == member:
                data = transform(data)
            dst.writestr(info, data)
    path.write_bytes(buf.getvalue())


@pytest.mark.parametrize("command", [["kontrol"], ["kontrol", "--json"], ["guncelle"]])
def test_not_an_xlsx(tmp_path, command):
    path = tmp_path / "rapor.xlsx"
    path.write_bytes("Bu bir metin dosyasıdır.".encode())
    before = path.read_bytes()
    assert_user_error(run_cli(*command, str(path)), 2, "rapor.xlsx")
    assert path.read_bytes() == before


def test_truncated_file(make_book):
    path = make_book()
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    before = path.read_bytes()
    assert_user_error(run_cli("kontrol", str(path)), 2)
    assert path.read_bytes() == before


def test_missing_file(tmp_path):
    assert_user_error(run_cli("kontrol", str(tmp_path / "yok.xlsx")), 2, "yok.xlsx")


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;'
    b'&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
)


@pytest.mark.parametrize(
    "member", ["xl/workbook.xml", "xl/styles.xml", "xl/tables/table1.xml", "xl/worksheets/sheet3.xml"]
)
@pytest.mark.parametrize("command", [["kontrol"], ["kontrol", "--json"]])
def test_xml_entity_bomb_refused(make_book, member, command):
    path = make_book()

    def inject(data):
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        body = body.replace(b"</", b"&lol4;</", 1) if member.endswith("sheet3.xml") else body
        return BOMB + body

    assert member in zipfile.ZipFile(path).namelist()
    rewrite_member(path, member, inject)
    before = path.read_bytes()
    assert_user_error(run_cli(*command, str(path)), 2, "güvenlik")
    assert path.read_bytes() == before


def test_missing_sheet(make_book):
    path = make_book()
    wb = openpyxl.load_workbook(path)
    del wb["Kararlar"]
    wb.save(path)
    before = path.read_bytes()
    code, found = kontrol_json(path)
    assert code == 1
    assert any(f["sayfa"] == "Kararlar" and "bulunamadı" in f["mesaj"] for f in found)
    assert path.read_bytes() == before


def _edit(path, sheet, fn):
    wb = openpyxl.load_workbook(path)
    fn(wb[sheet])
    wb.save(path)


def test_renamed_header_named_with_cell(make_book):
    path = make_book()
    _edit(path, "Kararlar", lambda ws: setattr(ws["G1"], "value", "Verilen Sure"))
    code, found = kontrol_json(path)
    assert code == 1
    hit = [f for f in found if f["sayfa"] == "Kararlar" and f["hucre"] == "G1"]
    assert hit and "Verilen Sure" in hit[0]["mesaj"] and "Verilen Süre" in hit[0]["mesaj"]


def test_missing_header(make_book):
    path = make_book()
    _edit(path, "Toplantılar", lambda ws: setattr(ws["B1"], "value", None))
    code, found = kontrol_json(path)
    assert code == 1
    assert any(f["sayfa"] == "Toplantılar" and "'Kategori'" in f["mesaj"] for f in found)


def test_header_with_spaces_and_reordered_columns_and_extra_column(make_book):
    path = make_book()

    def edit(ws):
        ws["G1"].value = "  verilen  süre "
        ws.insert_cols(1)
        ws["A1"].value = "Benim Notum"
        ws["A2"].value = "serbest metin"

    _edit(path, "Kararlar", edit)
    code, found = kontrol_json(path)
    assert (code, found) == (0, [])


def test_blank_rows_and_title_row_tolerated(make_book):
    path = make_book()

    def edit(ws):
        ws.insert_rows(3, amount=2)
        ws.insert_rows(1)
        ws["A1"].value = "2025 YILI KARARLARI"

    _edit(path, "Kararlar", edit)
    code, found = kontrol_json(path)
    assert (code, found) == (0, [])


def test_merged_cells_in_table(make_book):
    path = make_book()
    _edit(path, "Kararlar", lambda ws: ws.merge_cells("C3:D3"))
    code, found = kontrol_json(path)
    assert code == 1
    hit = [f for f in found if f["sayfa"] == "Kararlar" and "birleştir" in f["mesaj"]]
    assert hit and hit[0]["hucre"] == "C3"


def test_formulas_cached_values_are_read(make_book, tmp_path):
    """Formulas count by their cached result: LibreOffice computes and stores it."""
    rows = clean_example_rows()
    rows["İlçeler"].append(["Formülilçe", Formula("=1000*2+1"), "Hayır"])  # a text "=…" would stay text
    path = make_book(rows=rows)
    recalculated = libreoffice_convert(path, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    code, found = kontrol_json(recalculated)
    assert code == 1
    assert [f["mesaj"] for f in found if f["kural"] == "M4(2)"] == [
        "Formülilçe Kaymakamı kurul üyesi olmalı: ilçenin yabancı nüfusu 2.001 (2.000'den fazla)."
    ]


def test_empty_workbook(tmp_path):
    path = tmp_path / "bos.xlsx"
    openpyxl.Workbook().save(path)
    before = path.read_bytes()
    code, found = kontrol_json(path)
    assert code == 1
    assert found[0]["sayfa"] == "Ayarlar" and "bulunamadı" in found[0]["mesaj"]
    assert {f["sayfa"] for f in found} >= set(contract.INPUT_SHEETS)
    assert path.read_bytes() == before


def test_very_long_text_and_turkish_letters_everywhere(make_book, tmp_path):
    rows = clean_example_rows()
    long_text = ("Çığ gibi büyüyen sorunlar; ĞÜŞİÖÇ ığüşöç. " * 250)[:10_000]
    rows["Kararlar"][0][2] = long_text
    rows["Sorunlar"][0][3] = long_text
    rows["Katılımcılar"][0][4] = "Şükrü Gümüşoğlu İçöz"
    rows["Katılımcılar"][0][6] = "Evet"  # not the member of Üyeler: a deputy (M9(2))
    path = make_book(rows=rows, name="Şanlıurfa_İlçe_Ğüz.xlsx")
    code, found = kontrol_json(path)
    assert (code, found) == (0, [])
    proc = run_cli("kontrol", str(path), "--bugun", TODAY.isoformat())
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    wb = openpyxl.load_workbook(path)
    assert wb["Kararlar"]["C2"].value == long_text and "Kontrol" in wb.sheetnames


def test_text_too_long_for_excel_is_reported(make_book):
    rows = clean_example_rows()
    rows["Kararlar"][0][3] = "x" * 32_767
    path = make_book(rows=rows)
    assert kontrol_json(path) == (0, [])  # at Excel's own limit: fine


def test_locked_file_refused_for_writing(make_book):
    path = make_book()
    lock = path.with_name("~$" + path.name)
    lock.write_bytes(b"\x00" * 165)
    before = path.read_bytes()
    assert_user_error(run_cli("kontrol", str(path)), 2, "Excel")
    assert path.read_bytes() == before
    proc = run_cli("kontrol", str(path), "--json", "--bugun", TODAY.isoformat())
    assert proc.returncode == 0 and "açık" in proc.stderr and "Traceback" not in proc.stderr


def test_newer_template_refused(make_book):
    path = make_book(
        settings={**__import__("gockurul_excel.example", fromlist=["x"]).example_settings(), "Şablon Sürümü": "9.0"}
    )
    before = path.read_bytes()
    assert_user_error(run_cli("kontrol", str(path)), 2, "güncelleyin")
    assert path.read_bytes() == before


def test_bad_today_argument(make_book):
    proc = run_cli("kontrol", str(make_book()), "--json", "--bugun", "31.02.2026")
    assert_user_error(proc, 2, "GG.AA.YYYY")


def test_date_typed_as_text_is_read(make_book):
    rows = clean_example_rows()
    rows["Kararlar"][0][6] = "31.03.2025"
    assert kontrol_json(make_book(rows=rows)) == (0, [])
    rows["Kararlar"][0][6] = "31.03.2024"  # before its meeting: the text date really was read
    code, found = kontrol_json(make_book(rows=rows))
    assert code == 1 and found[0]["hucre"] == "G2"


def test_cli_json_is_deterministic(make_book):
    """The example with its deliberate mistakes, checked twice in fresh processes with different hash seeds: the
    same findings in the same order (sets and dicts never decide the order)."""
    from gockurul_excel import example

    path = make_book(rows=example.example_rows())
    runs = []
    for seed in ("1", "2"):
        proc = subprocess.run(
            [sys.executable, "-m", "gockurul_excel", "kontrol", str(path), "--json", "--bugun", "2026-01-01"],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"},
        )
        assert proc.returncode == 1, proc.stderr
        runs.append(json.loads(proc.stdout))
    assert len(runs[0]) > 5 and runs[0] == runs[1]


def test_huge_number_in_date_column(make_book):
    """A number no date can hold, in a date-formatted cell: reported, no crash, no native noise."""
    rows = clean_example_rows()
    rows["Kararlar"][0][6] = 1e15
    path = make_book(rows=rows)
    proc = run_cli("kontrol", str(path), "--json", "--bugun", TODAY.isoformat())
    assert proc.returncode == 1, proc.stderr
    assert "panicked" not in proc.stderr and "Traceback" not in proc.stderr
    found = __import__("json").loads(proc.stdout)
    assert [(f["sayfa"], f["hucre"]) for f in found] == [("Kararlar", "G2")]
