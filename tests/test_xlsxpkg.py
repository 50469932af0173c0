"""The package writer: checks before reading, atomic saves and backups, sheet surgery, openpyxl losses."""

from __future__ import annotations

import colorsys
import datetime as dt
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from openpyxl.chart import BarChart, Reference
from openpyxl.workbook.protection import WorkbookProtection
from python_calamine import CalamineWorkbook

from gockurul_excel.errors import GocKurulError, UnreadableWorkbook, WorkbookLocked, WouldLoseContent
from gockurul_excel.files import atomic as atomic_mod
from gockurul_excel.files import fidelity, safety
from gockurul_excel.files import writer as writer_mod
from gockurul_excel.sheetspec import Block, ChartSpec, PrintSetup, SheetSpec

from .conftest import libreoffice_convert

ROOT = Path(__file__).resolve().parent.parent
M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
CT = "application/vnd.openxmlformats-officedocument."
CHANGED = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"}
DECISION_DATE = dt.date(2025, 3, 14)
CHECKED_AT = dt.datetime(2025, 3, 15, 9, 30)


# --- workbooks ----------------------------------------------------------------------------------


def make_plain(path: Path, sheets: tuple[str, ...] = ("Ayarlar", "Kararlar")) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in sheets:
        ws = wb.create_sheet(name)
        ws.append(["Karar No", "Alınan Karar", "Verilen Süre"])
        ws.append([1, "Okul kayıtları izlenecek", DECISION_DATE])
        ws["C2"].number_format = "dd.mm.yyyy"
        ws.merge_cells("A4:B4")
    wb.save(path)
    return path


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def rewrite(path: Path, edit) -> None:
    """Let `edit(files)` change the members (a dict in zip order) and write the package back."""
    files = members(path)
    edit(files)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)


def sheet_part(files: dict[str, bytes], name: str) -> str:
    book = etree.fromstring(files["xl/workbook.xml"])
    rid = next(s.get(f"{{{R}}}id") for s in book.iter(f"{{{M}}}sheet") if s.get("name") == name)
    rels = etree.fromstring(files["xl/_rels/workbook.xml.rels"])
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def add_override(files: dict[str, bytes], part: str, content_type: str) -> None:
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'.encode()
    )


def add_rels(files: dict[str, bytes], rels_part: str, *rels: tuple[str, str, str]) -> None:
    body = "".join(f'<Relationship Id="{i}" Type="{R}/{t}" Target="{target}"/>' for i, t, target in rels)
    if rels_part in files:
        files[rels_part] = files[rels_part].replace(b"</Relationships>", body.encode() + b"</Relationships>")
    else:
        files[rels_part] = (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_R}">{body}</Relationships>'.encode()
        )


def add_to_sheet(files: dict[str, bytes], part: str, xml: str) -> None:
    files[part] = files[part].replace(b"</worksheet>", xml.encode() + b"</worksheet>")


def shape_drawing(text: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{A}"><xdr:twoCellAnchor>\
<xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>\
<xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>\
<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="Dikdörtgen 1"/><xdr:cNvSpPr/></xdr:nvSpPr>\
<xdr:spPr><a:xfrm><a:off x="600000" y="200000"/><a:ext cx="1800000" cy="900000"/></a:xfrm>\
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r>\
<a:t>{text}</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>""".encode()


X14_CONDITIONAL_FORMAT = f"""<extLst><ext uri="{{78C0D931-6437-407d-A8EE-F0AAD7539E65}}" xmlns:x14="{X14}">\
<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="{XM}"><x14:cfRule type="dataBar" \
id="{{00000000-000E-0000-0000-000001000000}}"><x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="autoMin"/>\
<x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>A2:A3</xm:sqref></x14:conditionalFormatting>\
</x14:conditionalFormattings></ext></extLst>"""

PIVOT_CACHE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="{M}" xmlns:r="{R}" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet">\
<worksheetSource ref="A1:C2" sheet="Kararlar"/></cacheSource><cacheFields count="1"><cacheField name="Karar No" \
numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" \
minValue="1" maxValue="1"/></cacheField></cacheFields></pivotCacheDefinition>""".encode()

# As Excel 2010+ writes it: with the x14 extension that openpyxl silently drops.
PIVOT_TABLE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotTableDefinition xmlns="{M}" name="ÖzetTablo1" cacheId="7" dataCaption="Değerler" updatedVersion="6" \
minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1" applyNumberFormats="0" \
applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" \
applyWidthHeightFormats="1"><location ref="A3:A4" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/>\
<pivotFields count="1"><pivotField showAll="0"/></pivotFields><extLst>\
<ext uri="{{962EF5D1-5CA2-4c93-8EF4-DBF5C05439D2}}" xmlns:x14="{X14}">\
<x14:pivotTableDefinition hideValuesRow="1" xmlns:xm="{XM}"/></ext></extLst>\
</pivotTableDefinition>""".encode()

CTRL_PROP = f'<?xml version="1.0" encoding="UTF-8"?><formControlPr xmlns="{X14}" objectType="Button" lockText="1"/>'


def make_exotic(path: Path) -> tuple[Path, set[str]]:
    """A workbook with what openpyxl cannot carry, written into the XML; returns it and the added members."""
    make_plain(path, ("Ayarlar", "Kararlar", "Notlar", "Özet"))
    added = {
        "xl/drawings/drawing1.xml",
        "xl/ctrlProps/ctrlProp1.xml",
        "xl/pivotTables/pivotTable1.xml",
        "xl/pivotTables/_rels/pivotTable1.xml.rels",
        "xl/pivotCache/pivotCacheDefinition1.xml",
    }

    def edit(files):
        notes, summary = sheet_part(files, "Notlar"), sheet_part(files, "Özet")
        files["xl/drawings/drawing1.xml"] = shape_drawing("Bu şekil kaybolmamalı")
        files["xl/ctrlProps/ctrlProp1.xml"] = CTRL_PROP.encode()
        add_to_sheet(
            files,
            notes,
            f'<drawing xmlns:r="{R}" r:id="rIdD"/><controls xmlns:r="{R}"><control '
            f'shapeId="1025" r:id="rIdC" name="Düğme 1"/></controls>{X14_CONDITIONAL_FORMAT}',
        )
        notes_rels = "xl/worksheets/_rels/" + notes.rsplit("/", 1)[1] + ".rels"
        add_rels(
            files,
            notes_rels,
            ("rIdD", "drawing", "../drawings/drawing1.xml"),
            ("rIdC", "ctrlProp", "../ctrlProps/ctrlProp1.xml"),
        )
        added.add(notes_rels)
        add_override(files, "xl/drawings/drawing1.xml", CT + "drawing+xml")
        add_override(files, "xl/ctrlProps/ctrlProp1.xml", "application/vnd.ms-excel.controlproperties+xml")

        files["xl/pivotCache/pivotCacheDefinition1.xml"] = PIVOT_CACHE
        files["xl/pivotTables/pivotTable1.xml"] = PIVOT_TABLE
        add_rels(
            files,
            "xl/pivotTables/_rels/pivotTable1.xml.rels",
            ("rId1", "pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml"),
        )
        summary_rels = "xl/worksheets/_rels/" + summary.rsplit("/", 1)[1] + ".rels"
        add_rels(files, summary_rels, ("rId1", "pivotTable", "../pivotTables/pivotTable1.xml"))
        added.add(summary_rels)
        add_rels(
            files,
            "xl/_rels/workbook.xml.rels",
            ("rIdP", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml"),
        )
        files["xl/workbook.xml"] = files["xl/workbook.xml"].replace(
            b"</workbook>",
            f'<pivotCaches><pivotCache xmlns:r="{R}" cacheId="7" r:id="rIdP"/></pivotCaches></workbook>'.encode(),
        )
        add_override(files, "xl/pivotCache/pivotCacheDefinition1.xml", CT + "spreadsheetml.pivotCacheDefinition+xml")
        add_override(files, "xl/pivotTables/pivotTable1.xml", CT + "spreadsheetml.pivotTable+xml")

    rewrite(path, edit)
    return path, added


def control_spec(title: str = "Kontrol Sonuçları", extra_rows: int = 0) -> SheetSpec:
    rows = [
        ["hata", "M8(1)", "Kararlar", DECISION_DATE, "Verilen süre geçti;\nkarar hâlâ 'Bekliyor'."],
        ["uyari", "M11(3)", "Toplantılar", CHECKED_AT, "İlçe kurulu toplantısı eksik: Şırnak, Iğdır, Çorum"],
        ["ok", "M4(2)", None, None, 42],
        *([["uyari", "M5", "Üyeler", None, 3.25]] * extra_rows),
    ]
    return SheetSpec(
        name="Kontrol",
        blocks=[
            Block(1, 1, [[title]], style="title"),
            Block(2, 1, [["Denetim tarihi", CHECKED_AT.date()]], col_styles=["label", "date"]),
            Block(3, 1, [["Düzey", "Kural", "Sayfa", "Tarih", "Açıklama"]], style="header"),
            Block(
                4,
                1,
                rows,
                col_styles=["hata", "text", "link", "date", "text"],
                links={(0, 2): "'Kararlar'!B2", (1, 2): "#'Toplantılar'!A1"},
            ),
        ],
        col_widths={1: 10, 2: 12, 3: 16, 4: 14, 5: 60},
        row_heights={1: 24, 4: 30},
        merges=["A1:E1"],
        freeze="A4",
        print_setup=PrintSetup(orientation="landscape", title_rows=(3, 3)),
        tab_color="C00000",
    )


# --- write_sheets -------------------------------------------------------------------------------


def test_write_sheets_appends_a_generated_sheet(tmp_path):
    path = make_plain(tmp_path / "KITAP.xlsx")
    original = path.read_bytes()
    before = members(path)

    backup_path = writer_mod.write_sheets(path, [control_spec()])

    assert backup_path.parent == tmp_path / "Yedekler" and backup_path.read_bytes() == original
    after = members(path)
    assert list(after)[: len(before)] == list(before), "member order kept, new members at the end"
    for name, data in before.items():
        if name not in CHANGED:
            assert after[name] == data, name

    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Ayarlar", "Kararlar", "Kontrol"]
    ws = wb["Kontrol"]
    assert ws["A1"].value == "Kontrol Sonuçları" and ws["A1"].font.b and ws["A1"].font.sz == 14
    assert ws["B2"].value == dt.datetime(2025, 3, 15) and ws["B2"].number_format == "dd.mm.yyyy"
    assert [c.value for c in ws[3]] == ["Düzey", "Kural", "Sayfa", "Tarih", "Açıklama"]
    assert ws["A3"].fill.fgColor.rgb == "FFD9E1F2" and ws["A3"].border.left.style == "thin"
    assert ws["A3"].alignment.horizontal == "center" and ws["A3"].alignment.wrap_text
    assert ws["E4"].value == "Verilen süre geçti;\nkarar hâlâ 'Bekliyor'."
    assert ws["D4"].value == dt.datetime(2025, 3, 14)
    assert ws["D5"].value == CHECKED_AT and ws["D5"].number_format == "dd.mm.yyyy"
    assert ws["E6"].value == 42 and ws["C6"].value is None and ws["C6"].border.left.style == "thin"
    assert ws["A4"].font.color.rgb == "FF9C0006"
    assert ws["C4"].hyperlink.location == "'Kararlar'!B2" and ws["C5"].hyperlink.location == "'Toplantılar'!A1"
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:E1"]
    assert ws.freeze_panes == "A4"
    assert ws.print_title_rows == "$3:$3"
    assert ws.print_area == "'Kontrol'!$A$1:$E$6"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
    assert ws.oddFooter.center.text == "Sayfa &P / &N"
    assert ws.sheet_properties.tabColor.rgb == "FFC00000"
    assert ws.column_dimensions["E"].width == pytest.approx(60.71, abs=0.01)
    assert ws.row_dimensions[4].height == 30
    assert ws.page_margins.top == pytest.approx(1.8 / 2.54, abs=1e-3)

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Kontrol").to_python()
    assert rows[0][0] == "Kontrol Sonuçları"
    assert rows[1][:2] == ["Denetim tarihi", dt.date(2025, 3, 15)]
    assert rows[3][:4] == ["hata", "M8(1)", "Kararlar", dt.date(2025, 3, 14)]
    assert rows[4][3] == CHECKED_AT and rows[4][4] == "İlçe kurulu toplantısı eksik: Şırnak, Iğdır, Çorum"
    assert rows[5][4] == 42

    # the input sheets are untouched, and openpyxl could carry the result
    assert wb["Kararlar"]["C2"].value == dt.datetime(2025, 3, 14)
    assert fidelity.openpyxl_losses(path) == []


def test_rewriting_is_stable_and_keeps_position(tmp_path):
    path = make_plain(tmp_path / "kitap.xlsx", ("Ayarlar", "Takvim", "Kararlar"))
    writer_mod.write_sheets(path, [control_spec()], make_backup=False)
    first = members(path)

    writer_mod.write_sheets(path, [control_spec("İkinci çalıştırma", extra_rows=3)], make_backup=False)
    second = members(path)
    assert second["xl/styles.xml"] == first["xl/styles.xml"], "styles re-used, not appended again"
    assert set(second) == set(first)
    sheet = sheet_part(second, "Kontrol")
    assert sheet == sheet_part(first, "Kontrol")
    for name in first:
        if name not in CHANGED | {sheet}:
            assert second[name] == first[name], name

    # a generated sheet that already exists is replaced where it stands
    writer_mod.write_sheets(
        path, [SheetSpec("Takvim", [Block(1, 1, [["Takvim", dt.date(2025, 1, 6)]])])], make_backup=False
    )
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Ayarlar", "Takvim", "Kararlar", "Kontrol"]
    takvim = wb["Takvim"]
    assert takvim["A1"].value == "Takvim" and takvim["B1"].value == dt.datetime(2025, 1, 6)
    assert takvim["A2"].value is None and not takvim.merged_cells.ranges, "the old content is gone"
    assert wb["Kontrol"]["A1"].value == "İkinci çalıştırma" and wb["Kontrol"].max_row == 9
    book = etree.fromstring(members(path)["xl/workbook.xml"])
    ids = [s.get("sheetId") for s in book.iter(f"{{{M}}}sheet")]
    assert ids == ["1", "2", "3", "4"]
    names = {(d.get("name"), d.get("localSheetId")): d.text for d in book.iter(f"{{{M}}}definedName")}
    assert names[("_xlnm.Print_Area", "3")] == "'Kontrol'!$A$1:$E$9"
    assert names[("_xlnm.Print_Area", "1")] == "'Takvim'!$A$1:$B$1"
    assert len(names) == 3 and len(list(book.iter(f"{{{M}}}definedName"))) == 3
    order = [etree.QName(c).localname for c in book]
    assert order.index("sheets") < order.index("definedNames") < order.index("calcPr")


def test_refuses_to_overwrite_an_input_sheet(tmp_path):
    path = make_plain(tmp_path / "kitap.xlsx")
    original = path.read_bytes()
    for name in ("Kararlar", "kararlar"):
        with pytest.raises(GocKurulError, match="'Kararlar' sayfası: bu programın ürettiği bir sayfa değil"):
            writer_mod.write_sheets(path, [SheetSpec(name, [Block(1, 1, [["x"]])])])
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kitap.xlsx"], "no backup, no temporary file"


@pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")
def test_replacing_a_generated_sheet_drops_only_its_own_parts(tmp_path):
    path, _ = make_exotic(tmp_path / "kitap.xlsx")

    def edit(files):
        pano = "xl/worksheets/sheet5.xml"
        files[pano] = files[sheet_part(files, "Ayarlar")]
        add_to_sheet(files, pano, f'<drawing xmlns:r="{R}" r:id="rId1"/>')
        add_rels(files, "xl/worksheets/_rels/sheet5.xml.rels", ("rId1", "drawing", "../drawings/drawing2.xml"))
        files["xl/drawings/drawing2.xml"] = shape_drawing("Eski pano şekli")
        add_override(files, "xl/drawings/drawing2.xml", CT + "drawing+xml")
        add_override(files, pano, CT + "spreadsheetml.worksheet+xml")
        add_rels(
            files,
            "xl/_rels/workbook.xml.rels",
            ("rIdPano", "worksheet", "worksheets/sheet5.xml"),
            ("rIdCalc", "calcChain", "calcChain.xml"),
        )
        files["xl/workbook.xml"] = files["xl/workbook.xml"].replace(
            b'name="Notlar"', f'name="Pano" sheetId="9" r:id="rIdPano"/><sheet xmlns:r="{R}" name="Notlar"'.encode()
        )
        files["xl/calcChain.xml"] = f'<calcChain xmlns="{M}"><c r="A1" i="9"/></calcChain>'.encode()
        add_override(files, "xl/calcChain.xml", CT + "spreadsheetml.calcChain+xml")

    rewrite(path, edit)
    before = members(path)
    assert openpyxl.load_workbook(path).sheetnames == ["Ayarlar", "Kararlar", "Pano", "Notlar", "Özet"]

    writer_mod.write_sheets(path, [SheetSpec("Pano", [Block(1, 1, [["Yeni pano"]], style="title")])])

    after = members(path)
    gone = {"xl/drawings/drawing2.xml", "xl/worksheets/_rels/sheet5.xml.rels", "xl/calcChain.xml"}
    assert set(before) - set(after) == gone and set(after) <= set(before)
    for name in set(after) - CHANGED - {"xl/worksheets/sheet5.xml"}:
        assert after[name] == before[name], name
    types = after["[Content_Types].xml"].decode()
    assert "drawing2" not in types and "calcChain" not in types and "drawing1.xml" in types
    assert b"calcChain" not in after["xl/_rels/workbook.xml.rels"]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Ayarlar", "Kararlar", "Pano", "Notlar", "Özet"]
    assert wb["Pano"]["A1"].value == "Yeni pano"


def test_content_openpyxl_cannot_carry_survives_and_is_named(tmp_path):
    plain = make_plain(tmp_path / "sade.xlsx")
    assert fidelity.openpyxl_losses(plain) == []
    fidelity.refuse_if_lossy(plain, "güncelleme")

    path, added = make_exotic(tmp_path / "kitap.xlsx")
    before = members(path)
    losses = fidelity.openpyxl_losses(path)
    text = "\n".join(losses)
    assert "'Notlar' sayfasındaki şekil/çizim" in losses
    assert "'Notlar' sayfasındaki form denetimi (düğme)" in losses
    assert "'Notlar' sayfasındaki x14 koşullu biçimlendirme uzantısı" in losses
    assert "'Özet' sayfasındaki pivot tablo ayarları (uzantı)" in losses, text

    writer_mod.write_sheets(path, [control_spec()])
    after = members(path)
    for name in before.keys() - CHANGED:
        assert after[name] == before[name], name
    assert added <= after.keys()
    assert fidelity.openpyxl_losses(path) == losses, "the surgery itself lost nothing"

    written = path.read_bytes()
    with pytest.raises(WouldLoseContent) as info:
        fidelity.refuse_if_lossy(path, "güncelleme")
    message = str(info.value)
    assert message.startswith("Güncelleme yapılamadı: 'kitap.xlsx'")
    assert "şekil/çizim" in message and "Dosyaya hiçbir şey yazılmadı." in message
    assert path.read_bytes() == written


def test_libreoffice_converts_written_workbooks_to_pdf(tmp_path):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) CI'da kurulu olmalı.")
        pytest.skip("LibreOffice yok")
    plain = make_plain(tmp_path / "sade.xlsx")
    exotic, _ = make_exotic(tmp_path / "zengin.xlsx")
    for path in (plain, exotic):
        writer_mod.write_sheets(path, [control_spec(extra_rows=60)], make_backup=False)
    profile = Path(f"/tmp/lo_profile_{uuid.uuid4().hex}")
    outdir = tmp_path / "pdf"
    try:
        proc = subprocess.run(
            [
                exe,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(plain),
                str(exotic),
            ],
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    for path in (plain, exotic):
        pdf = outdir / (path.stem + ".pdf")
        assert pdf.exists(), proc.stdout + proc.stderr
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000


def test_values_are_cleaned_and_dates_follow_the_workbook_epoch(tmp_path):
    path = make_plain(tmp_path / "kitap.xlsx")
    rewrite(
        path,
        lambda files: files.update(
            {"xl/workbook.xml": files["xl/workbook.xml"].replace(b"<workbookPr/>", b'<workbookPr date1904="1"/>')}
        ),
    )
    long_text = "ş" * 40_000
    spec = SheetSpec(
        "Kontrol",
        [Block(1, 1, [["zil\x07sesi", long_text, dt.date(2025, 3, 14), True, float("nan"), "  boşluk  ", "_x0041_"]])],
        print_setup=None,
    )
    writer_mod.write_sheets(path, [spec], make_backup=False)
    ws = openpyxl.load_workbook(path)["Kontrol"]
    assert ws["A1"].value == "zilsesi"
    assert ws["B1"].value == "ş" * 32_767
    assert ws["C1"].value == dt.datetime(2025, 3, 14)
    assert ws["D1"].value is True and ws["E1"].value is None and ws["F1"].value == "  boşluk  "
    assert b"_x005F_x0041_" in members(path)["xl/worksheets/sheet3.xml"]  # Excel would read "A" otherwise
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Kontrol").to_python()
    assert rows[0][2] == dt.date(2025, 3, 14) and rows[0][6] == "_x0041_"


def test_sheet_names_excel_cannot_hold_are_refused(tmp_path):
    path = make_plain(tmp_path / "kitap.xlsx")
    original = path.read_bytes()
    for bad in ("Ek-1 2025/3", "Ek-1 " + "x" * 40, "History"):
        with pytest.raises(GocKurulError, match="sayfa adı olarak kullanılamaz"):
            writer_mod.write_sheets(path, [SheetSpec(bad)])
    assert path.read_bytes() == original


def test_a_workbook_without_styles_gets_one(tmp_path):
    path = make_plain(tmp_path / "kitap.xlsx")

    def edit(files):
        del files["xl/styles.xml"]
        files["xl/_rels/workbook.xml.rels"] = re.sub(
            rb"<Relationship[^>]*styles[^>]*/>", b"", files["xl/_rels/workbook.xml.rels"]
        )
        files["[Content_Types].xml"] = re.sub(rb"<Override[^>]*styles[^>]*/>", b"", files["[Content_Types].xml"])

    rewrite(path, edit)
    writer_mod.write_sheets(path, [control_spec()], make_backup=False)
    ws = openpyxl.load_workbook(path)["Kontrol"]
    assert ws["A3"].font.b and ws["D4"].number_format == "dd.mm.yyyy"


def test_a_chart_sheet_becomes_a_worksheet_and_a_locked_structure_gets_no_new_sheet(tmp_path):
    path = tmp_path / "kitap.xlsx"
    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "Veri"
    for i in range(1, 5):
        data.append([i, i * i])
    chart = BarChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=4))
    wb.create_chartsheet("Pano").add_chart(chart)
    wb.create_sheet("Kararlar")
    wb.save(path)

    writer_mod.write_sheets(path, [SheetSpec("Pano", [Block(1, 1, [["Yeni pano"]])])], make_backup=False)
    files = members(path)
    assert not [n for n in files if "chart" in n or "drawing" in n]
    assert b"chart" not in files["[Content_Types].xml"]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Veri", "Pano", "Kararlar"] and wb["Pano"]["A1"].value == "Yeni pano"

    wb.security = WorkbookProtection(lockStructure=True)
    wb.save(path)
    original = path.read_bytes()
    with pytest.raises(GocKurulError, match="yapısı korumalı"):
        writer_mod.write_sheets(path, [control_spec()])
    assert path.read_bytes() == original
    writer_mod.write_sheets(path, [SheetSpec("Pano", [Block(1, 1, [["Yine pano"]])])])  # replacing is allowed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=60))
def test_any_text_reads_back_as_written(tmp_path, text):
    path = make_plain(tmp_path / "kitap.xlsx", ("Ayarlar",))
    writer_mod.write_sheets(path, [SheetSpec("Kontrol", [Block(1, 1, [[text, 1]])])], make_backup=False)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Kontrol").to_python()
    assert rows[0][0] == re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", text)


# --- check_package ------------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
"""


def _bomb(files):
    files["xl/workbook.xml"] = BILLION_LAUGHS + files["xl/workbook.xml"].split(b"?>", 1)[-1].replace(
        b"<sheets>", b"<sheets>&lol9;", 1
    )


def _padded_bomb(files):
    # a comment pushes the DOCTYPE past the first 4 KiB
    files["xl/styles.xml"] = (
        b"<!--" + b"x" * 10_000 + b"-->" + BILLION_LAUGHS.split(b"?>", 1)[1] + files["xl/styles.xml"]
    )


def _utf16_bomb(files):
    files["xl/_rels/workbook.xml.rels"] = (
        (BILLION_LAUGHS.replace(b'version="1.0"', b'version="1.0" encoding="UTF-16"') + b"<Relationships/>")
        .decode()
        .encode("utf-16")
    )


def _no_workbook(files):
    for name in [n for n in files if n.startswith("xl/")]:
        del files[name]
    files["word/document.xml"] = b"<document/>"


@pytest.mark.parametrize(
    "damage, expected",
    [
        (lambda p: p.write_bytes(b"Karar No;Tarih\n1;14.03.2025\n"), "bir Excel çalışma kitabı (.xlsx) değil"),
        (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), "bozuk ya da eksik"),
        (lambda p: p.write_bytes(safety.OLE2_MAGIC + b"\0" * 600), "eski Excel 97-2003 (.xls)"),
        (lambda p: rewrite(p, _bomb), "güvenlik nedeniyle açılmadı"),
        (lambda p: rewrite(p, _padded_bomb), "güvenlik nedeniyle açılmadı"),
        (lambda p: rewrite(p, _utf16_bomb), "güvenlik nedeniyle açılmadı"),
        (lambda p: rewrite(p, _no_workbook), "bir Excel çalışma kitabı (.xlsx) değil (bir Word belgesi)"),
    ],
    ids=["not-a-zip", "truncated", "xls", "billion-laughs", "dtd-after-padding", "utf16-dtd", "docx"],
)
def test_check_package_refuses_unreadable_files(tmp_path, damage, expected):
    path = make_plain(tmp_path / "KITAP.xlsx")
    damage(path)
    original = path.read_bytes()
    with pytest.raises(UnreadableWorkbook, match=re.escape(expected)) as info:
        safety.check_package(path)
    assert "'KITAP.xlsx'" in str(info.value)
    with pytest.raises(UnreadableWorkbook):
        writer_mod.write_sheets(path, [control_spec()])
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["KITAP.xlsx"]


def test_check_package_catches_crc_errors_missing_files_and_zip_bombs(tmp_path, monkeypatch):
    path = make_plain(tmp_path / "kitap.xlsx")
    safety.check_package(path)
    with pytest.raises(UnreadableWorkbook, match=re.escape("'yok.xlsx' dosyası bulunamadı")):
        safety.check_package(tmp_path / "yok.xlsx")

    stored = tmp_path / "crc.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as dst:
        for name in src.namelist():
            dst.writestr(name, src.read(name))
    data = bytearray(stored.read_bytes())
    at = data.index(b"Okul kay")  # inside the shared strings, stored uncompressed
    data[at] = ord("o")
    stored.write_bytes(bytes(data))
    with pytest.raises(UnreadableWorkbook, match="bozuk ya da eksik"):
        safety.check_package(stored)

    monkeypatch.setattr(safety, "MAX_TOTAL_UNCOMPRESSED", 1000)
    with pytest.raises(UnreadableWorkbook, match="zip bombası"):
        safety.check_package(path)
    monkeypatch.undo()
    ratio = Path(shutil.copy(path, tmp_path / "oran.xlsx"))
    rewrite(ratio, lambda files: files.update({"xl/media/x.bin": b"\0" * 2_000_000}))
    monkeypatch.setattr(safety, "RATIO_MIN_SIZE", 1_000_000)
    monkeypatch.setattr(safety, "MAX_RATIO", 100)
    with pytest.raises(UnreadableWorkbook, match="zip bombası"):
        safety.check_package(ratio)


# --- locks, atomic saves, backups ---------------------------------------------------------------


@pytest.mark.parametrize("lock_name", ["~$KITAP.xlsx", "~$TAP.xlsx"])
def test_an_open_workbook_is_not_written(tmp_path, lock_name):
    path = make_plain(tmp_path / "KITAP.xlsx")
    original = path.read_bytes()
    (tmp_path / lock_name).write_bytes(b"\x0bkullanici")
    assert safety.lock_file(path) == tmp_path / lock_name
    with pytest.raises(WorkbookLocked, match=re.escape(f"kilit dosyası {lock_name} var")):
        writer_mod.write_sheets(path, [control_spec()])
    with pytest.raises(WorkbookLocked, match="Excel'de açık görünüyor"):
        atomic_mod.save_atomic(path, lambda f: f.write(b"x"))
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["KITAP.xlsx", lock_name])


def test_a_failing_write_leaves_the_original_and_no_temporary_file(tmp_path):
    path = make_plain(tmp_path / "kitap.xlsx")
    original = path.read_bytes()

    def failing(f):
        f.write(b"PK half")
        raise RuntimeError("disk dolu")

    with pytest.raises(RuntimeError, match="disk dolu"):
        atomic_mod.save_atomic(path, failing)
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kitap.xlsx"]


KILLED_SAVE = r"""
import io, os, sys, time
from pathlib import Path
from gockurul_excel.files import writer as writer_mod
from gockurul_excel.sheetspec import Block, SheetSpec

path, marker = Path(sys.argv[1]), Path(sys.argv[2])
real_save_atomic = writer_mod.save_atomic

def save_half_then_hang(target, write, **kwargs):
    def half(f):
        whole = io.BytesIO()
        write(whole)
        data = whole.getvalue()
        f.write(data[: len(data) // 2])
        f.flush()
        os.fsync(f.fileno())
        marker.touch()
        time.sleep(600)
    return real_save_atomic(target, half, **kwargs)

writer_mod.save_atomic = save_half_then_hang
writer_mod.write_sheets(path, [SheetSpec("Kontrol", [Block(1, 1, [["yarım kalacak"]])])])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_save_killed_half_way_leaves_the_original_intact(tmp_path):
    path = make_plain(tmp_path / "kitap.xlsx")
    original = path.read_bytes()
    marker = tmp_path / "yarida"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_SAVE, str(path), str(marker)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, proc.communicate()[1].decode()
            assert time.monotonic() < deadline, "the save never reached half-way"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()

    assert path.read_bytes() == original
    assert openpyxl.load_workbook(path).sheetnames == ["Ayarlar", "Kararlar"]
    (leftover,) = tmp_path.glob(".~gockurul-*.tmp")
    assert 0 < leftover.stat().st_size < len(original) * 2

    # the next save clears the temporary file and the lock the killed run left: at once, its process is gone
    writer_mod.write_sheets(path, [control_spec()])
    assert not leftover.exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")]
    assert "Kontrol" in openpyxl.load_workbook(path).sheetnames


def test_backups_keep_the_newest_five_the_first_of_each_recent_day_and_the_oldest(tmp_path):
    path = make_plain(tmp_path / "KITAP.xlsx")
    folder = tmp_path / "Yedekler"
    folder.mkdir()
    # two backups a day on ten days of 2020, in the names older versions wrote (-2 within one second)
    old = [folder / f"KITAP_202001{d:02d}-0{h}0000{n}.xlsx" for d in range(1, 11) for h, n in ((8, ""), (8, "-2"))]
    others = [folder / "DIGER_20200101-080000.xlsx", folder / "KITAP_2024_20200101-080000.xlsx"]
    for p in old + others:
        p.write_bytes(b"eski")

    made = [atomic_mod.backup(path) for _ in range(6)]

    kept = sorted(p for p in folder.iterdir() if p not in others)
    first_of_days = [folder / f"KITAP_202001{d:02d}-080000.xlsx" for d in range(5, 11)]  # 6 old days + today
    assert kept == sorted({old[0], *first_of_days, made[0], *made[-5:]})
    assert all(p.exists() for p in others)
    assert all(p.read_bytes() == path.read_bytes() for p in made if p.exists())
    assert re.fullmatch(r"KITAP_\d{8}-\d{6}-\d{6}\.xlsx", made[-1].name)
    # names sort in time order, also within one second
    assert [p.name for p in made] == sorted(p.name for p in made) and len({p.name for p in made}) == 6

    data = path.read_bytes()
    assert atomic_mod.save_atomic(path, lambda f: f.write(data)) is None  # the same bytes: no write, no backup
    saved = atomic_mod.save_atomic(path, lambda f: f.write(data + b"\0"))
    assert saved.parent == folder and saved.read_bytes() == data


# --- charts -------------------------------------------------------------------------------------

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
CHART_SHEET = "Ek-1 İlçe Özeti"
DISTRICTS = ["Merkez", "Şehitkamil", "Nizip", "İslahiye"]


def chart_spec(name: str = CHART_SHEET, charts: list[ChartSpec] | None = None) -> SheetSpec:
    rows = [[d, k, p] for d, k, p in zip(DISTRICTS, (12, 7, 4, 9), (3, 5, 1, 2), strict=True)]
    if charts is None:
        charts = [
            ChartSpec("column", "Karar ve proje sayıları", "A5:A8", [("Karar", "B5:B8"), ("Proje", "C5:C8")], "E3"),
            ChartSpec("pie", "Kararların ilçelere dağılımı", "A5:A8", [("Karar", "B5:B8")], "E20", 12, 7.5),
        ]
    return SheetSpec(
        name,
        [
            Block(1, 1, [["İlçe özeti"]], style="title"),
            Block(4, 1, [["İlçe", "Karar", "Proje"]], style="header"),
            Block(5, 1, rows, col_styles=["text", "number", "number"]),
        ],
        col_widths={1: 14},
        charts=charts,
    )


def chart_parts(files: dict[str, bytes]) -> tuple[list[str], list[str]]:
    return (
        [n for n in files if n.startswith("xl/drawings/") and n.endswith(".xml")],
        [n for n in files if n.startswith("xl/charts/")],
    )


def part_rels(files: dict[str, bytes], part: str) -> list[tuple[str, str, str]]:
    folder, base = part.rsplit("/", 1)
    rels = etree.fromstring(files[f"{folder}/_rels/{base}.rels"])
    return [(r.get("Id"), r.get("Type").rsplit("/", 1)[-1], r.get("Target")) for r in rels]


def test_charts_are_written_as_native_excel_charts(tmp_path):
    path = make_plain(tmp_path / "kitap.xlsx")
    before = members(path)
    writer_mod.write_sheets(path, [chart_spec()], make_backup=False)
    after = members(path)
    for name, data in before.items():
        if name not in CHANGED:
            assert after[name] == data, name

    # the package: sheet -> one drawing -> one chart part per chart, each with its content type
    sheet = sheet_part(after, CHART_SHEET)
    root = etree.fromstring(after[sheet])
    assert root.nsmap["r"] == R
    children = [etree.QName(c).localname for c in root]
    assert children[-3:] == ["pageSetup", "headerFooter", "drawing"]
    assert part_rels(after, sheet) == [("rId1", "drawing", "../drawings/drawing1.xml")]
    assert root.find(f"{{{M}}}drawing").get(f"{{{R}}}id") == "rId1"
    assert chart_parts(after) == (["xl/drawings/drawing1.xml"], ["xl/charts/chart1.xml", "xl/charts/chart2.xml"])
    assert part_rels(after, "xl/drawings/drawing1.xml") == [
        ("rId1", "chart", "../charts/chart1.xml"),
        ("rId2", "chart", "../charts/chart2.xml"),
    ]
    types = etree.fromstring(after["[Content_Types].xml"])
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/xl/drawings/drawing1.xml"] == CT + "drawing+xml"
    assert overrides["/xl/charts/chart1.xml"] == overrides["/xl/charts/chart2.xml"] == CT + "drawingml.chart+xml"

    # the drawing anchors each chart at its cell with its size in EMU (1 cm = 360000)
    drawing = etree.fromstring(after["xl/drawings/drawing1.xml"])
    anchors = drawing.findall(f"{{{XDR}}}oneCellAnchor")
    assert [
        (a.findtext(f"{{{XDR}}}from/{{{XDR}}}col"), a.findtext(f"{{{XDR}}}from/{{{XDR}}}row")) for a in anchors
    ] == [("4", "2"), ("4", "19")]
    assert [a.find(f"{{{XDR}}}ext").attrib for a in anchors] == [
        {"cx": "5040000", "cy": "2700000"},
        {"cx": "4320000", "cy": "2700000"},
    ]
    assert [a.find(f".//{{{C}}}chart").get(f"{{{R}}}id") for a in anchors] == ["rId1", "rId2"]

    # the chart parts: formulas point at the sheet, caches hold what the blocks wrote
    column, pie = (etree.fromstring(after[f"xl/charts/chart{i}.xml"]) for i in (1, 2))
    for chart in (column, pie):
        assert chart.find(f"{{{C}}}date1904").get("val") == "0"
        assert chart.find(f"{{{C}}}roundedCorners").get("val") == "0"
        body = chart.find(f"{{{C}}}chart")
        assert [etree.QName(c).localname for c in body] == [
            "title",
            "autoTitleDeleted",
            "plotArea",
            "legend",
            "plotVisOnly",
            "dispBlanksAs",
        ]
        for ser in chart.iter(f"{{{C}}}ser"):
            cat = ser.find(f"{{{C}}}cat/{{{C}}}strRef")
            assert cat.findtext(f"{{{C}}}f") == "'Ek-1 İlçe Özeti'!$A$5:$A$8"
            assert [v.text for v in cat.iter(f"{{{C}}}v")] == DISTRICTS
            val = ser.find(f"{{{C}}}val/{{{C}}}numRef")
            assert re.fullmatch(r"'Ek-1 İlçe Özeti'!\$[BC]\$5:\$[BC]\$8", val.findtext(f"{{{C}}}f"))
            assert val.findtext(f"{{{C}}}numCache/{{{C}}}formatCode") == "General"
    plot = column.find(f"{{{C}}}chart/{{{C}}}plotArea")
    assert [etree.QName(c).localname for c in plot] == ["layout", "barChart", "catAx", "valAx"]
    assert plot.find(f"{{{C}}}barChart/{{{C}}}barDir").get("val") == "col"
    sers = plot.findall(f"{{{C}}}barChart/{{{C}}}ser")
    assert [s.findtext(f"{{{C}}}tx/{{{C}}}v") for s in sers] == ["Karar", "Proje"]
    assert [v.text for v in sers[1].find(f"{{{C}}}val").iter(f"{{{C}}}v")] == ["3", "5", "1", "2"]
    assert plot.find(f"{{{C}}}valAx/{{{C}}}numFmt").get("formatCode") == "0"
    assert plot.find(f"{{{C}}}valAx/{{{C}}}majorGridlines") is not None
    assert column.find(f".//{{{C}}}legendPos").get("val") == "b"
    assert [etree.QName(c).localname for c in pie.find(f"{{{C}}}chart/{{{C}}}plotArea")] == ["layout", "pieChart"]
    assert pie.find(f".//{{{C}}}pieChart/{{{C}}}varyColors").get("val") == "1"
    assert pie.find(f".//{{{C}}}legendPos").get("val") == "r"
    assert "".join(pie.find(f"{{{C}}}chart/{{{C}}}title").itertext()) == "Kararların ilçelere dağılımı"

    # openpyxl reads both charts back, with their types and references
    ws = openpyxl.load_workbook(path)[CHART_SHEET]
    assert len(ws._charts) == 2
    col_chart, pie_chart = ws._charts
    assert (col_chart.tagname, col_chart.type, col_chart.grouping) == ("barChart", "col", "clustered")
    assert pie_chart.tagname == "pieChart"
    assert [s.val.numRef.f for s in col_chart.series] == ["'Ek-1 İlçe Özeti'!$B$5:$B$8", "'Ek-1 İlçe Özeti'!$C$5:$C$8"]
    assert [s.tx.v for s in col_chart.series] == ["Karar", "Proje"]
    assert pie_chart.series[0].cat.strRef.f == "'Ek-1 İlçe Özeti'!$A$5:$A$8"
    assert (col_chart.anchor._from.col, col_chart.anchor._from.row) == (4, 2)

    # the print area reaches the charts' cells (E3 + 14 cm of 64 px columns = M; E20 + 7.5 cm of 0.45 cm rows)
    book = etree.fromstring(after["xl/workbook.xml"])
    area = next(d.text for d in book.iter(f"{{{M}}}definedName") if d.get("name") == "_xlnm.Print_Area")
    assert area == "'Ek-1 İlçe Özeti'!$A$1:$M$36"
    assert fidelity.openpyxl_losses(path) == [], "openpyxl carries these charts"


def test_rewriting_a_sheet_with_charts_leaves_no_orphans(tmp_path):
    path = make_plain(tmp_path / "kitap.xlsx")
    writer_mod.write_sheets(path, [chart_spec()], make_backup=False)
    first = members(path)
    writer_mod.write_sheets(path, [chart_spec()], make_backup=False)
    assert members(path) == first, "the same sheet again gives the same bytes, parts and names"
    assert chart_parts(first) == (["xl/drawings/drawing1.xml"], ["xl/charts/chart1.xml", "xl/charts/chart2.xml"])

    # two chart sheets in one call get their own drawings; one chart fewer leaves one part fewer
    one_bar = [ChartSpec("bar", "Projeler", "A5:A8", [("Proje", "C5:C8")], "E3", 10, 6)]
    writer_mod.write_sheets(path, [chart_spec(charts=one_bar), chart_spec("Pano")], make_backup=False)
    files = members(path)
    drawings, charts = chart_parts(files)
    assert len(drawings) == 2 and len(charts) == 3
    ws = openpyxl.load_workbook(path)
    assert [len(ws[n]._charts) for n in (CHART_SHEET, "Pano")] == [1, 2]
    bar = etree.fromstring(files[part_rels(files, drawings[0])[0][2].replace("../", "xl/")])
    assert bar.find(f".//{{{C}}}barDir").get("val") == "bar"
    assert bar.find(f".//{{{C}}}legend") is None, "a single series needs no legend"

    # a sheet written without charts drops its drawing, charts, relationships and content types
    writer_mod.write_sheets(path, [chart_spec(charts=[]), chart_spec("Pano", charts=[])], make_backup=False)
    files = members(path)
    assert chart_parts(files) == ([], [])
    assert not [n for n in files if "_rels/sheet" in n or "drawings/" in n]
    assert b"drawing" not in files["[Content_Types].xml"] and b"chart" not in files["[Content_Types].xml"]
    assert b"<drawing" not in files[sheet_part(files, CHART_SHEET)]
    assert not openpyxl.load_workbook(path)[CHART_SHEET]._charts


@pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")
def test_charts_take_free_part_names_beside_the_users_drawings(tmp_path):
    path, _ = make_exotic(tmp_path / "kitap.xlsx")
    before = members(path)
    losses = fidelity.openpyxl_losses(path)
    for _ in range(2):
        writer_mod.write_sheets(path, [chart_spec("Pano")], make_backup=False)
    after = members(path)
    for name in before.keys() - CHANGED:
        assert after[name] == before[name], name
    assert chart_parts(after) == (
        ["xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml"],
        ["xl/charts/chart1.xml", "xl/charts/chart2.xml"],
    )
    assert part_rels(after, sheet_part(after, "Pano")) == [("rId1", "drawing", "../drawings/drawing2.xml")]
    assert fidelity.openpyxl_losses(path) == losses, "the user's shapes and controls are still named, nothing more"
    assert len(openpyxl.load_workbook(path)["Pano"]._charts) == 2


def test_chart_specs_excel_cannot_draw_are_refused(tmp_path):
    path = make_plain(tmp_path / "kitap.xlsx")
    original = path.read_bytes()
    for chart, message in (
        (ChartSpec("line", "Çizgi", "A5:A8", [("Karar", "B5:B8")], "E3"), "unknown chart kind"),
        (ChartSpec("column", "Boş", "A5:A8", [], "E3"), "no series"),
        (ChartSpec("column", "Alan", "A5:A8", [("Karar", "B5:C8")], "E3"), "one row or one column"),
        (ChartSpec("pie", "Yer", "A5:A8", [("Karar", "B5:B8")], "E0"), "outside the sheet"),
        (ChartSpec("pie", "Yer", "A5:A8", [("Karar", "B5:B8")], "sağ üst"), "not a cell reference"),
        (ChartSpec("pie", "Boyut", "A5:A8", [("Karar", "B5:B8")], "E3", 0), "positive size"),
    ):
        with pytest.raises(ValueError, match=message):
            writer_mod.write_sheets(path, [chart_spec(charts=[chart])])
    assert path.read_bytes() == original


def poppler(tool: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} (poppler-utils) CI'da kurulu olmalı.")
        pytest.skip(f"{tool} yok")
    return exe


def last_page(pdf: Path, dpi: int = 40) -> tuple[str, int, int, bytes]:
    """The text and the (width, height, RGB bytes) rendering of a PDF's last page, by poppler."""
    info = subprocess.run([poppler("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    page = re.search(r"^Pages:\s+(\d+)", info, re.M)[1]
    text = subprocess.run(
        [poppler("pdftotext"), "-f", page, "-l", page, str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    ppm = subprocess.run(
        [poppler("pdftoppm"), "-r", str(dpi), "-f", page, "-l", page, str(pdf)],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", ppm)
    return text, int(header[1]), int(header[2]), ppm[header.end() :]


def test_libreoffice_draws_the_charts(tmp_path):
    path = make_plain(tmp_path / "kitap.xlsx", ("Ayarlar",))
    writer_mod.write_sheets(path, [chart_spec()], make_backup=False)
    pdf = libreoffice_convert(path, "pdf", tmp_path / "pdf")
    text, width, height, rgb = last_page(pdf)

    # titles, legends, axis labels and the pie's percentages are drawn as text
    for expected in ("Karar ve proje sayıları", "Kararların ilçelere dağılımı", "Proje", "14"):
        assert expected in text, text
    assert re.search(r"38\s?%|%\s?38", text), text  # Merkez: 12 of 32 decisions

    # the sheet has only black text and a pale header; saturated colours are bars and slices
    hues: Counter = Counter()
    rows_with_colour = set()
    for i in range(0, len(rgb), 3):
        r, g, b = rgb[i], rgb[i + 1], rgb[i + 2]
        high, low = max(r, g, b), min(r, g, b)
        if high > 80 and high - low > 0.3 * high:
            hues[int(colorsys.rgb_to_hsv(r / 255, g / 255, b / 255)[0] * 12) % 12] += 1
            rows_with_colour.add(i // 3 // width)
    assert sum(hues.values()) > 0.01 * width * height, hues
    assert len([n for n in hues.values() if n > 50]) >= 4, f"a pie of four slices in four colours: {hues}"
    assert max(rows_with_colour) - min(rows_with_colour) > 0.2 * height, "two charts, one above the other"
