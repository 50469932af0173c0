"""The commands as a user runs them: yeni, sablon, ornek, guncelle, kontrol — and that none of them
changes an input sheet or drops what the user added in Excel."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from gockurul_excel import contract
from gockurul_excel.files.template import template_fingerprint

from .conftest import ROOT, TODAY, input_snapshot, kontrol_json, run_cli


def test_committed_template_equals_fresh_generation(tmp_path):
    fresh = tmp_path / "sablon.xlsx"
    proc = run_cli("sablon", str(fresh))
    assert proc.returncode == 0, proc.stderr
    assert template_fingerprint(ROOT / "sablon.xlsx") == template_fingerprint(fresh), (
        "sablon.xlsx güncel değil: `gockurul sablon sablon.xlsx --uzerine-yaz` ile yeniden üretip commit edin."
    )


def test_yeni_fills_settings(tmp_path):
    path = tmp_path / "nizip.xlsx"
    proc = run_cli(
        "yeni",
        str(path),
        "--tur",
        "ilce",
        "--il",
        "gaziantep",
        "--ilce",
        "Nizip",
        "--yil",
        "2026",
        "--yabanci-nufus",
        "2001",
    )
    assert proc.returncode == 0, proc.stderr
    ws = openpyxl.load_workbook(path)["Ayarlar"]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, ws.max_row + 1)}
    assert values["Kurul Türü"] == "İlçe" and values["İl"] == "Gaziantep" and values["İlçe"] == "Nizip"
    assert values["Yıl"] == 2026 and values["Yabancı Nüfusu"] == 2001
    assert values["Şablon Sürümü"] == contract.TEMPLATE_VERSION


def test_yeni_refuses_unknown_province_with_suggestion(tmp_path):
    proc = run_cli(
        "yeni", str(tmp_path / "x.xlsx"), "--tur", "il", "--il", "Istanbl", "--yil", "2026", "--yabanci-nufus", "5"
    )
    assert proc.returncode == 2 and "İstanbul" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_yeni_refuses_existing_file(tmp_path):
    path = tmp_path / "var.xlsx"
    path.write_bytes(b"eski")
    proc = run_cli("yeni", str(path), "--tur", "il", "--il", "Kilis", "--yil", "2026", "--yabanci-nufus", "5")
    assert proc.returncode == 2 and path.read_bytes() == b"eski"


def test_ornek_does_not_overwrite_without_flag(tmp_path):
    path = tmp_path / "ornek.xlsx"
    path.write_bytes(b"kullanicinin dosyasi")
    proc = run_cli("ornek", str(path))
    assert proc.returncode == 2 and path.read_bytes() == b"kullanicinin dosyasi"
    assert run_cli("ornek", str(path), "--uzerine-yaz").returncode == 0
    assert list((tmp_path / "Yedekler").iterdir())  # the old file was backed up first


@pytest.mark.parametrize("command", [["kontrol"], ["kontrol", "--json"]])
def test_no_command_changes_input_sheets(make_book, command):
    path = make_book()
    before = input_snapshot(path)
    proc = run_cli(*command, str(path), "--bugun", TODAY.isoformat())
    assert proc.returncode in (0, 1), proc.stderr
    assert input_snapshot(path) == before


def test_kontrol_twice_replaces_its_sheet(make_book):
    path = make_book()
    for _ in range(2):
        assert run_cli("kontrol", str(path), "--bugun", TODAY.isoformat()).returncode == 0
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames.count("Kontrol") == 1


def test_guncelle_keeps_every_typed_value(make_book):
    old = make_book(
        version="1.0",
        settings={
            "Kurul Türü": "İl",
            "İl": "Gaziantep",
            "Yıl": 2025,
            "Yabancı Nüfusu": 412_345,
            "Şablon Sürümü": "1.0",
        },
    )
    before = input_snapshot(old)
    proc = run_cli("guncelle", str(old))
    assert proc.returncode == 0, proc.stderr
    assert "Açıklama" in proc.stdout
    after = input_snapshot(old)
    for sheet, rows in before.items():
        cells_after = {c: v for row in after[sheet] for c, v, _ in row}
        for row in rows:
            for coord, value, _fmt in row:
                if sheet == "Ayarlar" and value == "1.0":
                    continue  # the version itself is what changes
                assert cells_after.get(coord) == value, (sheet, coord)
    code, found = kontrol_json(old)
    # the only findings: the new "varsa" questions of M4(2), which the office must now answer
    assert code == 1
    assert {f["hucre"] for f in found} == {"B10", "B11", "B12", "B13"}  # with Geri Gönderme, Geçici Barınma
    assert all("boş bırakılamaz" in f["mesaj"] and f["sayfa"] == "Ayarlar" for f in found)


SHAPE_DRAWING = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
    b'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    b"<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>"
    b"<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff>"
    b'<xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink="">'
    b'<xdr:nvSpPr><xdr:cNvPr id="2" name="Not"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr>'
    b'<a:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
    b"</a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Kullan\xc4\xb1c\xc4\xb1 notu</a:t></a:r></a:p>"
    b"</xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
)


def add_shape(path, sheet_part="xl/worksheets/sheet1.xml"):
    """A user's shape on the Kontrol Paneli sheet, written into the package as Excel would."""
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == sheet_part:
                data = data.replace(b"</worksheet>", b'<drawing r:id="rIdShape1"/></worksheet>')
                if b"xmlns:r=" not in data.split(b">", 2)[1]:
                    data = data.replace(
                        b"<worksheet ",
                        b'<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
                        1,
                    )
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/drawings/drawing99.xml" ContentType='
                    b'"application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
                )
            dst.writestr(info, data)
        rels = sheet_part.replace("worksheets/", "worksheets/_rels/") + ".rels"
        assert rels not in src.namelist()
        dst.writestr(
            rels,
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
            b'"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdShape1" '
            b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" '
            b'Target="../drawings/drawing99.xml"/></Relationships>',
        )
        dst.writestr("xl/drawings/drawing99.xml", SHAPE_DRAWING)
    path.write_bytes(buf.getvalue())


def test_user_shape_survives_kontrol_and_guncelle_refuses(make_book):
    path = make_book(
        version="1.0",
        settings={
            "Kurul Türü": "İl",
            "İl": "Gaziantep",
            "Yıl": 2025,
            "Yabancı Nüfusu": 412_345,
            "Şablon Sürümü": "1.0",
        },
    )
    add_shape(path)
    proc = run_cli("kontrol", str(path), "--bugun", TODAY.isoformat())
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(path) as z:
        assert z.read("xl/drawings/drawing99.xml") == SHAPE_DRAWING
        assert b"rIdShape1" in z.read("xl/worksheets/sheet1.xml")
    before = path.read_bytes()
    proc = run_cli("guncelle", str(path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "şekil" in proc.stderr.lower() or "çizim" in proc.stderr.lower(), proc.stderr
    assert path.read_bytes() == before


def test_yeni_accepts_turkish_thousands_and_common_province_names(tmp_path):
    path = tmp_path / "urfa.xlsx"
    proc = run_cli("yeni", str(path), "--tur", "il", "--il", "Urfa", "--yil", "2026", "--yabanci-nufus", "12.000")
    assert proc.returncode == 0, proc.stderr
    ws = openpyxl.load_workbook(path)["Ayarlar"]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, ws.max_row + 1)}
    assert values["İl"] == "Şanlıurfa" and values["Yabancı Nüfusu"] == 12_000


def test_yeni_and_ornek_want_xlsx(tmp_path):
    for args in (
        ["yeni", str(tmp_path / "k.xlsm"), "--tur", "il", "--il", "Kilis", "--yil", "2026", "--yabanci-nufus", "5"],
        ["ornek", str(tmp_path / "o.ods")],
    ):
        proc = run_cli(*args)
        assert proc.returncode == 2 and ".xlsx" in proc.stderr
    assert not list(tmp_path.iterdir())


def test_takvim_does_not_change_input_sheets(make_book):
    path = make_book()
    before = input_snapshot(path)
    assert run_cli("takvim", str(path), "--bugun", TODAY.isoformat()).returncode == 0
    assert input_snapshot(path) == before


def test_platform_commands_and_reference_doc(make_book, tmp_path):
    from gockurul_excel.platform.schemas import format_reference

    path = make_book()
    out = tmp_path / "platform"
    proc = run_cli("platform", str(path), "--cikti", str(out), "--csv")
    assert proc.returncode == 0, proc.stderr
    doc = next(out.glob("*toplanti-1.json"))
    assert run_cli("platform-oku", str(doc)).returncode == 0
    broken = tmp_path / "bozuk.json"
    text = doc.read_text(encoding="utf-8").replace('"tarih": "2025-01-15"', '"tarih": "15.01.2025"')
    broken.write_text(text, encoding="utf-8")
    proc = run_cli("platform-oku", str(broken))
    assert proc.returncode == 1 and "tarih" in proc.stderr and "Traceback" not in proc.stderr
    reference = (ROOT / "docs" / "platform-belgeleri.md").read_text(encoding="utf-8")
    assert format_reference().rstrip() in reference, "docs/platform-belgeleri.md güncel değil"
