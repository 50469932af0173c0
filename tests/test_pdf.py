"""`export_pdf`: only the named sheets, through LibreOffice headless, the workbook untouched.

The Ek-3 and the action plan are written into a real workbook and converted; `pdftotext` and `pdfinfo`
(poppler-utils) check the text and the pages: A4, one page wide, titles repeated, nothing cut.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from gockurul_excel import example
from gockurul_excel.errors import GocKurulError
from gockurul_excel.files import pdf
from gockurul_excel.files.fill import fill_workbook
from gockurul_excel.files.package import NS_MAIN
from gockurul_excel.files.reader import read_workbook
from gockurul_excel.files.safety import WORKBOOK
from gockurul_excel.files.writer import write_sheets
from gockurul_excel.sheets import annual_report as annual_report_mod
from gockurul_excel.sheets.action_plan import action_plan_sheet

from .conftest import clean_example_rows, soffice

YEAR = example.YEAR
EK3 = f"Ek-3 {YEAR}"
PLAN = "Eylem Planı İzleme"
TODAY = dt.date(2025, 11, 24)
SUPPORT = "Tercüman kadrosu için Göç İdaresi Başkanlığından ödenek desteği beklenmektedir."
CONCLUSION = "Kurulların etkinliği arttı; ilçelerle iş birliği güçlendirilmelidir."
LONG_DECISION = (
    "Göçmen yoğun mahallelerde okul, sağlık merkezi ve sosyal hizmet birimlerinin ortak çalışmasıyla "
    "hane ziyaretleri yapılması, ziyaret sonuçlarının aylık olarak Alt Komisyona raporlanması ve tespit "
    "edilen ihtiyaçlar için ilgili kurumların görevlendirilmesine; çalışmanın yıl sonunda "
    "değerlendirilerek gerekirse genişletilmesine SONKELİMEDİR"
)
INPUT_ONLY_TEXTS = ("Hudut İlçesi", "Şablon Sürümü", "Yabancı Nüfusu")


def poppler() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext/pdfinfo (poppler-utils) CI'da kurulu olmalı.")
        pytest.skip("pdftotext yok")


def pdf_pages(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr
    pages = out.stdout.decode("utf-8").split("\f")
    return [" ".join(p.split()) for p in pages if p.strip()]


def page_sizes(path: Path) -> list[tuple[int, int]]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, timeout=60).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    sizes = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(count), str(path)], capture_output=True, text=True, timeout=60
    ).stdout
    found = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", sizes)
    assert len(found) == count
    return [(round(float(w)), round(float(h))) for w, h in found]


def in_reading_order(text: str, page_text: str) -> bool:
    """Every word of `text`, in order, in `page_text` (pdftotext may interleave cells of one line)."""
    words = iter(page_text.split())
    return all(any(w == x for x in words) for w in text.split())


def rows_with_report(extra_decisions: list[list] | None = None) -> dict[str, list[list]]:
    rows = clean_example_rows()
    rows["Yıllık Rapor"] = [[YEAR, SUPPORT, CONCLUSION]]
    rows["Kararlar"].append(
        [
            50,
            8,
            LONG_DECISION,
            "Sahada tespit",
            "Uyum",
            "İl Göç İdaresi Müdürlüğü",
            dt.date(YEAR, 12, 31),
            "Uygulanamadı",
            "Personel yetersizliği nedeniyle başlanamadı.",
            None,
            None,
            None,
        ]
    )
    rows["Kararlar"].extend(extra_decisions or [])
    return rows


def make_workbook(path: Path, rows: dict[str, list[list]]) -> Path:
    fill_workbook(path, example.example_settings(), rows, overwrite=True)
    data = read_workbook(path)
    write_sheets(
        path, [annual_report_mod.annual_report_sheet(data, YEAR), action_plan_sheet(data, TODAY)], make_backup=False
    )
    return path


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    soffice()
    poppler()
    folder = tmp_path_factory.mktemp("pdf")
    book = make_workbook(folder / "KİTAP 2025.xlsx", rows_with_report())
    before = book.read_bytes()
    ek3_pdf = pdf.export_pdf(book, [EK3])
    plan_pdf = pdf.export_pdf(book, [PLAN], folder / "çıktı" / "eylem")
    both = pdf.export_pdf(book, [PLAN.upper(), EK3], folder / "ikisi.pdf")
    return {"book": book, "before": before, "ek3": ek3_pdf, "plan": plan_pdf, "both": both}


def test_workbook_is_never_modified(converted):
    assert converted["book"].read_bytes() == converted["before"]
    assert sorted(p.name for p in converted["book"].parent.iterdir() if p.is_file()) == sorted(
        ["KİTAP 2025.xlsx", "KİTAP 2025 - Ek-3 2025.pdf", "ikisi.pdf"]
    )


def test_default_output_is_beside_the_workbook(converted):
    assert converted["ek3"] == converted["book"].with_name(f"KİTAP 2025 - {EK3}.pdf")
    assert converted["plan"].name == "eylem.pdf" and converted["plan"].parent.name == "çıktı"


def test_ek3_pdf_holds_the_forms_fields_and_only_that_sheet(converted):
    text = " ".join(pdf_pages(converted["ek3"]))
    for expected in (
        f"{YEAR} YILI",
        annual_report_mod.HEADING,
        annual_report_mod.ITEM_2,
        annual_report_mod.ITEM_3,
        annual_report_mod.ITEM_4,
        annual_report_mod.ITEM_5,
        annual_report_mod.ITEM_6,
        annual_report_mod.NOTE_2,
        "HAZIRLAYAN",
        "ONAYLAYAN",
        annual_report_mod.PREPARED_BY_BODY,
        annual_report_mod.APPROVED_BY_BODY,
        example.PROVINCE,
        "Mobil aşı ekiplerinin kurulmasına",
        "Uygulanamadı",
        "Ekip için yeterli personel bulunamadı.",
        "Göçmen sağlığı merkezlerinde tercüman eksikliği.",
        SUPPORT,
        CONCLUSION,
    ):
        assert expected in text, expected
    assert "Yerel Uyum Eylem Planı İzleme Raporu" not in text  # the other generated sheet
    for other in INPUT_ONLY_TEXTS:
        assert other not in text


def test_ek3_pages_are_a4_portrait_one_page_wide_and_nothing_cut(converted):
    sizes = page_sizes(converted["ek3"])
    assert len(sizes) >= 1 and all(size == (595, 842) for size in sizes)
    pages = pdf_pages(converted["ek3"])
    text = " ".join(pages)
    assert LONG_DECISION.split()[-1] in text and in_reading_order(LONG_DECISION, text)  # nothing cut
    # One page wide: the leftmost and rightmost columns of the decisions table print on the same page.
    table_page = next(p for p in pages if "Alınan Karar" in p)
    assert "Karar No" in table_page and "Yaşanan Sıkıntılar" in table_page
    assert all(p.startswith(f"{YEAR} YILI {annual_report_mod.HEADING}") for p in pages)  # title rows on every page
    assert all(f"Sayfa {i} / {len(pages)}" in p for i, p in enumerate(pages, start=1))


def test_action_plan_pdf_is_landscape_with_only_the_plan(converted):
    sizes = page_sizes(converted["plan"])
    assert all(size == (842, 595) for size in sizes)
    pages = pdf_pages(converted["plan"])
    text = " ".join(pages)
    assert "Yerel Uyum Eylem Planı İzleme Raporu — Gaziantep 2025" in text
    assert "Alanlara göre özet" in text and "Gecikti" in text and "Mobil aşı ekipleri" in text
    assert annual_report_mod.HEADING not in text
    for other in INPUT_ONLY_TEXTS:
        assert other not in text
    assert all("Eylem No" in p for p in pages[1:])  # the list's header repeats on later pages


def test_two_sheets_in_one_pdf_in_the_order_asked_each_numbered_on_its_own(converted):
    pages = pdf_pages(converted["both"])
    text = " ".join(pages)
    assert annual_report_mod.HEADING in text and "Yerel Uyum Eylem Planı İzleme Raporu" in text
    assert text.index("Yerel Uyum Eylem Planı İzleme Raporu") < text.index(annual_report_mod.HEADING)  # as asked
    plan = len(pdf_pages(converted["plan"]))
    assert f"Sayfa 1 / {plan}" in pages[0] and f"Sayfa 1 / {len(pages) - plan}" in pages[plan]
    sizes = page_sizes(converted["both"])
    assert (595, 842) in sizes and (842, 595) in sizes


def test_forty_decisions_print_on_several_pages_with_titles(tmp_path):
    soffice()
    poppler()
    extra = [
        [
            100 + i,
            8,
            f"Ek karar {i}: ÖRNEKKARAR{i:02d} uygulanmasına ilişkin ayrıntılı açıklama metni",
            "Gerekçe",
            "Amaç",
            "İl Göç İdaresi Müdürlüğü",
            dt.date(YEAR, 12, 31),
            "Devam Ediyor",
            None,
            "Çalışmalar sürüyor.",
            None,
            None,
        ]
        for i in range(1, 41)
    ]
    book = make_workbook(tmp_path / "buyuk.xlsx", rows_with_report(extra))
    ws = openpyxl.load_workbook(book)[EK3]
    assert ws.print_title_rows.replace("$", "") == "1:2"
    out = pdf.export_pdf(book, [EK3])
    pages = pdf_pages(out)
    assert len(pages) > 1
    assert all(p.startswith(f"{YEAR} YILI {annual_report_mod.HEADING}") for p in pages)
    text = " ".join(pages)
    assert all(f"ÖRNEKKARAR{i:02d}" in text for i in range(1, 41))
    assert LONG_DECISION.split()[-1] in text and in_reading_order(LONG_DECISION, text)
    assert all(size == (595, 842) for size in page_sizes(out))


# --- errors and the workbook copy (no LibreOffice needed) -------------------------------------------


@pytest.fixture
def book_with_forms(make_book) -> Path:
    path = make_book(rows=rows_with_report())
    data = read_workbook(path)
    write_sheets(
        path, [annual_report_mod.annual_report_sheet(data, YEAR), action_plan_sheet(data, TODAY)], make_backup=False
    )
    return path


def test_unknown_sheet_lists_the_generated_sheets(book_with_forms):
    before = book_with_forms.read_bytes()
    with pytest.raises(pdf.SheetNotFound) as err:
        pdf.export_pdf(book_with_forms, ["Ek-3 2024"])
    message = str(err.value)
    assert "'Ek-3 2024' adlı sayfa kitapta yok" in message
    assert f"'{EK3}'" in message and f"'{PLAN}'" in message and "'Üyeler'" not in message
    assert isinstance(err.value, GocKurulError)
    assert book_with_forms.read_bytes() == before


def test_unknown_sheet_without_generated_sheets(make_book):
    with pytest.raises(pdf.SheetNotFound, match="henüz üretilmiş bir form sayfası yok"):
        pdf.export_pdf(make_book(), ["Ek-1 1"])


def test_no_sheet_named(book_with_forms):
    with pytest.raises(GocKurulError, match="en az bir sayfa"):
        pdf.export_pdf(book_with_forms, [])


def test_libreoffice_missing(book_with_forms, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.setattr(pdf, "windows_candidates", lambda: [])
    with pytest.raises(pdf.LibreOfficeNotFound) as err:
        pdf.export_pdf(book_with_forms, [EK3])
    assert str(err.value) == (
        "LibreOffice bulunamadı; PDF için LibreOffice kurun ya da Excel'de 'PDF' düğmesini kullanın."
    )


def _fake_soffice(tmp_path: Path, body: str) -> str:
    if os.name != "posix":
        pytest.skip("sahte soffice betiği POSIX kabuğu ister")
    exe = tmp_path / "soffice"
    exe.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    exe.chmod(0o755)
    return str(exe)


def test_conversion_failure_is_reported(book_with_forms, tmp_path, monkeypatch):
    exe = _fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2\nexit 1")
    monkeypatch.setattr(pdf, "find_soffice", lambda: exe)
    with pytest.raises(pdf.PdfConversionFailed, match=r"PDF.e dönüştüremedi.*source file could not be loaded"):
        pdf.export_pdf(book_with_forms, [EK3])
    assert not list(book_with_forms.parent.glob("*.pdf"))


def test_timeout_stops_libreoffice(book_with_forms, tmp_path, monkeypatch):
    exe = _fake_soffice(tmp_path, "sleep 60 &\nwait")
    monkeypatch.setattr(pdf, "find_soffice", lambda: exe)
    start = time.monotonic()
    with pytest.raises(pdf.PdfConversionFailed, match="saniyede bitmedi"):
        pdf.export_pdf(book_with_forms, [EK3], timeout=1)
    assert time.monotonic() - start < 20


def test_copy_shows_only_the_wanted_sheets_without_other_print_areas(book_with_forms):
    with zipfile.ZipFile(book_with_forms) as zf:
        original = zf.read(WORKBOOK)
    root = etree.fromstring(pdf._show_only(original, [PLAN]))
    ns = {"m": NS_MAIN}
    sheets = root.findall("m:sheets/m:sheet", ns)
    states = {s.get("name"): s.get("state", "visible") for s in sheets}
    assert states[PLAN] == "visible" and all(st == "hidden" for n, st in states.items() if n != PLAN)
    index = [s.get("name") for s in sheets].index(PLAN)
    view = root.find("m:bookViews/m:workbookView", ns)
    assert view.get("activeTab") == str(index) and view.get("firstSheet") == str(index)
    names = [(d.get("name").lower(), d.get("localSheetId")) for d in root.iter(f"{{{NS_MAIN}}}definedName")]
    assert ("_xlnm.print_area", str(index)) in names and ("_xlnm.print_titles", str(index)) in names
    printed = {sid for name, sid in names if name in ("_xlnm.print_area", "_xlnm.print_titles")}
    assert printed == {str(index)}
    # Everything else (the template's named ranges) is kept.
    assert any(name == "liste_iller" for name, _ in names)


@pytest.fixture(scope="module")
def meeting_pdfs(tmp_path_factory) -> dict[str, Path]:
    """Ek-1 and Ek-2 of a meeting, written and converted through the command line."""
    from .conftest import run_cli

    soffice()
    poppler()
    folder = tmp_path_factory.mktemp("toplanti")
    book = folder / "kitap.xlsx"
    fill_workbook(book, example.example_settings(), clean_example_rows(), overwrite=True)
    for command in ("tutanak", "katilimci"):
        assert run_cli(command, str(book), "--toplanti", "6").returncode == 0
    out = {}
    for sheet, name in (("Ek-1 6", "ek1.pdf"), ("Ek-2 6", "ek2.pdf")):
        proc = run_cli("pdf", str(book), "--sayfa", sheet, "--cikti", str(folder / name))
        assert proc.returncode == 0, proc.stderr
        out[sheet] = folder / name
    return out


def test_ek1_pdf_holds_items_and_decisions_one_page_wide(meeting_pdfs):
    pdf_path = meeting_pdfs["Ek-1 6"]
    assert all(size == (595, 842) for size in page_sizes(pdf_path))
    pages = pdf_pages(pdf_path)
    text = " ".join(pages)
    for label in (
        "RAPOR FORMU",
        "KATEGORİ ADI:",
        "KATILIMCI SAYISI:",
        "ALINAN KARARLAR/DİĞER HUSUSLAR:",
        "KARAR-1",
        "Mobil aşı ekiplerinin kurulmasına",
        "Sorumlu Kurum ve Kuruluşlar:",
        "30.09.2025",
    ):
        assert label in text, label
    assert text.index("Bir önceki kurulda alınan kararların değerlendirilmesi") < text.index("KARAR-1")
    # one page wide: the signature column ("İmza") prints beside the names on the same page
    signature_page = next(p for p in pages if "Ad Soyad" in p)
    assert "İmza" in signature_page and "Unvan — Kurum" in signature_page
    assert all(p.startswith("RAPOR FORMU") for p in pages)  # title rows repeated


def test_ek2_pdf_lists_participants_one_page_wide(meeting_pdfs):
    pdf_path = meeting_pdfs["Ek-2 6"]
    assert all(size == (595, 842) for size in page_sizes(pdf_path))
    pages = pdf_pages(pdf_path)
    for page in pages:
        assert "KATILIMCI LİSTESİ" in page and "TELEFON NUMARASI" in page and "İMZA" in page
    text = " ".join(pages)
    names = [p[4] for p in clean_example_rows()["Katılımcılar"] if p[0] == 6]
    assert names and all(in_reading_order(n, text) for n in names)
