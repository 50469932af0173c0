"""`guncelle` on workbooks saved by LibreOffice Calc (Pardus, offices without Excel).

LibreOffice writes an empty `<headerFooter>` on every sheet and its own calculation settings
(`loext:extCalcPr`) into workbook.xml; openpyxl drops both, and neither holds anything. Real headers
and footers must survive the upgrade, and real user content (shapes...) must still be refused.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from gockurul_excel import contract, example, rules
from gockurul_excel.files import fidelity
from gockurul_excel.files import package as package_mod
from gockurul_excel.files.fill import fill_workbook
from gockurul_excel.files.template import read_template_version

from .conftest import clean_example_rows, input_snapshot, kontrol_json, libreoffice_convert, run_cli
from .test_commands import add_shape

NS = {"m": package_mod.NS_MAIN}
USER_HEADER_SHEET = "Üyeler"


def _fill_old(path: Path) -> Path:
    """A 1.0 workbook with the clean example typed into its input sheets (what 1.0 has of it)."""
    settings = {
        k: v
        for k, v in example.example_settings().items()
        if k not in (rules.SETTING_COAST_GUARD, rules.SETTING_RESEARCH_CENTRE)
    }
    rows = clean_example_rows()
    rows["Toplantılar"] = [r[:9] for r in rows["Toplantılar"]]  # 1.0 has no 'Açıklama' column
    fill_workbook(path, {**settings, contract.S_VERSION: "1.0"}, rows, overwrite=True, version="1.0")
    return path


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, Path]:
    """The 1.0 workbook as gockurul wrote it, the same saved by LibreOffice, and a LibreOffice-saved one
    whose user gave a sheet a page header (set in openpyxl before the conversion)."""
    folder = tmp_path_factory.mktemp("lo_books")
    plain = _fill_old(folder / "eski.xlsx")
    lo = libreoffice_convert(plain, "xlsx", folder / "lo")
    headed = folder / "baslikli.xlsx"
    wb = openpyxl.load_workbook(plain)
    wb[USER_HEADER_SHEET].oddHeader.center.text = "Gizli"
    wb["Kararlar"].oddFooter.left.text = "Sayfa &P / &N"
    wb["Kararlar"].oddFooter.left.font = "Arial,Bold"
    wb["Kararlar"].oddFooter.left.size = 14
    wb.save(headed)
    lo_headed = libreoffice_convert(headed, "xlsx", folder / "lo")
    return {"plain": plain, "lo": lo, "lo_headed": lo_headed}


def _copy(src: Path, tmp_path: Path, name: str = "KITAP.xlsx") -> Path:
    dst = tmp_path / name
    shutil.copyfile(src, dst)
    return dst


def _values(path: Path) -> dict[str, dict[str, object]]:
    return {
        sheet: {coord: value for row in rows for coord, value, _fmt in row if value is not None}
        for sheet, rows in input_snapshot(path).items()
    }


def _sheet_part(path: Path, sheet: str) -> str:
    with zipfile.ZipFile(path) as z:
        book = etree.fromstring(z.read("xl/workbook.xml"))
        rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    rid = book.find(f"m:sheets/m:sheet[@name='{sheet}']", NS).get(f"{{{package_mod.NS_R}}}id")
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def _rewrite(path: Path, part: str, edit) -> None:
    """Replace one XML part of the package with `edit(root)` applied (everything else copied)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == part:
                root = etree.fromstring(data)
                edit(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, data)
    path.write_bytes(buf.getvalue())


def _set_header_footer(path: Path, sheet: str, texts: dict[str, str], **switches: str) -> None:
    def edit(root):
        hf = root.find("m:headerFooter", NS)
        assert hf is not None, "LibreOffice writes a headerFooter on every sheet"
        for child in list(hf):
            hf.remove(child)
        for name, value in switches.items():
            hf.set(name, value)
        for tag in fidelity.HF_TEXTS:  # schema order
            if tag in texts:
                etree.SubElement(hf, f"{{{package_mod.NS_MAIN}}}{tag}").text = texts[tag]

    _rewrite(path, _sheet_part(path, sheet), edit)


def _sheet_xml(path: Path, sheet: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(_sheet_part(path, sheet)).decode("utf-8")


def _new_setting_findings(found: list[dict], upgrade_output: str) -> list[dict]:
    """The findings about settings `guncelle` added blank (the office must now answer them)."""
    added = set(re.findall(r"'([^']+)' ayarı eklendi", upgrade_output))
    return [
        f
        for f in found
        if f["sayfa"] == contract.SETTINGS_SHEET
        and "boş bırakılamaz" in f["mesaj"]
        and any(f["mesaj"].startswith(f"'{name}'") for name in added)
    ]


def test_libreoffice_writes_what_openpyxl_drops(books):
    """The reproduction: an empty headerFooter on every sheet and LibreOffice's calculation settings."""
    with zipfile.ZipFile(books["lo"]) as z:
        workbook = z.read("xl/workbook.xml")
        sheet = z.read(_sheet_part(books["lo"], USER_HEADER_SHEET))
    assert b"extCalcPr" in workbook and b"schemas.libreoffice.org" in workbook
    assert b"<headerFooter" in sheet
    assert not any(fidelity.header_footers(books["lo"]).values()), "no header/footer text in it"
    assert fidelity.openpyxl_losses(books["lo"]) == []


def test_libreoffice_book_is_upgraded_without_loss(books, tmp_path):
    path = _copy(books["lo"], tmp_path)
    before = _values(path)
    code_before, found_before = kontrol_json(path)

    proc = run_cli("guncelle", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr

    assert read_template_version(path) == contract.TEMPLATE_VERSION
    after = _values(path)
    for sheet, cells in before.items():
        for coord, value in cells.items():
            if sheet == contract.SETTINGS_SHEET and value == "1.0":
                continue  # the version itself is what changes
            assert after[sheet].get(coord) == value, (sheet, coord, value, after[sheet].get(coord))

    code_after, found_after = kontrol_json(path)
    new = _new_setting_findings(found_after, proc.stdout)
    # the questions an older template never asked (KURALLAR §4) are now its new settings' findings
    asked = [f for f in found_before if "ayarı bu kitapta yok" in f["mesaj"]]
    assert len(asked) == len(rules.MUST_ANSWER_SETTINGS)
    assert [f for f in found_after if f not in new] == [f for f in found_before if f not in asked]
    assert code_after == (1 if new else code_before)

    # Exactly what the same workbook gets when it was never opened in LibreOffice.
    plain = _copy(books["plain"], tmp_path, "excel.xlsx")
    proc_plain = run_cli("guncelle", str(plain))
    assert proc_plain.returncode == 0, proc_plain.stderr

    def changes(out: str) -> list[str]:  # the backup's name is the book's own
        return [line for line in out.splitlines() if "Önceki hali yedeklendi" not in line]

    assert changes(proc.stdout) == changes(proc_plain.stdout)
    assert "Önceki hali yedeklendi" in proc.stdout  # guncelle says where the old book went
    assert kontrol_json(plain) == (code_after, found_after)


def test_user_header_of_libreoffice_book_survives_guncelle(books, tmp_path):
    path = _copy(books["lo_headed"], tmp_path)
    headers = fidelity.header_footers(path)
    assert headers[USER_HEADER_SHEET].texts[0] == "&CGizli"
    assert headers["Kararlar"].texts[1].endswith("Sayfa &P / &N")
    assert fidelity.openpyxl_losses(path) == []

    proc = run_cli("guncelle", str(path))
    assert proc.returncode == 0, proc.stderr
    after = fidelity.header_footers(path)
    assert {name: after[name] for name in headers} == headers
    wb = openpyxl.load_workbook(path)
    assert wb[USER_HEADER_SHEET].oddHeader.center.text == "Gizli"
    assert "Sayfa &P / &N" in wb["Kararlar"].oddFooter.left.text


# Headers openpyxl cannot carry as they are: a text without a section code (Excel and LibreOffice put it
# in the centre; openpyxl drops it with a warning), two sizes in one section (openpyxl keeps one), a
# size right before the text (openpyxl adds a space), a first-page header with its own footer.
AWKWARD = {
    "oddHeader": "Gizli — kurum içi",
    "oddFooter": '&L&"Arial,Bold"&14Toplantı &10tutanağı&RSayfa &P / &N',
    "firstHeader": "&C&14Göç Kurulu",
    "firstFooter": "&R&D",
}


def test_headers_openpyxl_would_rewrite_are_put_back(books, tmp_path):
    path = _copy(books["lo"], tmp_path)
    _set_header_footer(path, USER_HEADER_SHEET, AWKWARD, differentFirst="true")
    wanted = fidelity.header_footers(path)
    assert wanted[USER_HEADER_SHEET].texts[0] == "&CGizli — kurum içi"  # read as Excel reads it
    assert wanted[USER_HEADER_SHEET].switches[1] is True
    assert fidelity.openpyxl_losses(path) == []

    proc = run_cli("guncelle", str(path))
    assert proc.returncode == 0, proc.stderr
    after = fidelity.header_footers(path)
    assert {name: after[name] for name in wanted} == wanted
    # written as it was, byte for byte, but for the centre code the first text now states
    hf = etree.fromstring(_sheet_xml(path, USER_HEADER_SHEET).encode()).find("m:headerFooter", NS)
    written = {etree.QName(child).localname: child.text for child in hf if child.text}
    assert written == {**AWKWARD, "oddHeader": "&C" + AWKWARD["oddHeader"]}
    assert hf.get("differentFirst") in ("1", "true")


def test_header_texts_are_still_compared(books, tmp_path, monkeypatch):
    """Without putting the headers back, the one real header is a loss; LibreOffice's empty ones are not."""
    path = _copy(books["lo"], tmp_path)
    _set_header_footer(path, USER_HEADER_SHEET, {"oddHeader": AWKWARD["oddHeader"]})
    monkeypatch.setattr(fidelity, "restore_header_footers", lambda workbook, originals: [])
    assert fidelity.openpyxl_losses(path) == [f"'{USER_HEADER_SHEET}' sayfasındaki üst/alt bilgi"]


def test_only_libreoffice_calc_settings_are_ignored(books, tmp_path):
    """Another extension in workbook.xml, LibreOffice's own or not, is still named."""
    path = _copy(books["lo"], tmp_path)

    def edit(root):
        ext_list = root.find("m:extLst", NS)
        etree.SubElement(
            etree.SubElement(ext_list, f"{{{package_mod.NS_MAIN}}}ext", uri="{00000000-0000-0000-0000-0}"),
            f"{{{fidelity.NS_LIBREOFFICE}}}someUserThing",
        ).text = "x"

    _rewrite(path, "xl/workbook.xml", edit)
    assert fidelity.openpyxl_losses(path) == ["uzantı (someUserThing)"]
    before = path.read_bytes()
    proc = run_cli("guncelle", str(path))
    assert proc.returncode == 2 and "someUserThing" in proc.stderr, proc.stderr
    assert path.read_bytes() == before


def test_user_shape_in_libreoffice_book_is_still_refused(books, tmp_path):
    path = _copy(books["lo"], tmp_path)
    add_shape(path, _sheet_part(path, contract.CONTROL_PANEL_SHEET))
    before = path.read_bytes()
    proc = run_cli("guncelle", str(path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "şekil" in proc.stderr.lower(), proc.stderr
    assert "üst/alt bilgi" not in proc.stderr and "extCalcPr" not in proc.stderr, proc.stderr
    assert path.read_bytes() == before
