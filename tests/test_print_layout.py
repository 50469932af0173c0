"""The printed pages, read back from LibreOffice's PDF (pdftotext) as the civil servant who signs them would:
letters with Tarih and the signer, no office reminders or internal shorthand, Dağıtım without the sender; an
agenda without repeats; signature tables whose heading tops every page; Ek-3 item 7 whole; each sheet's pages
numbered on their own; rows tall enough to sign."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess

import pytest

from .conftest import run_cli

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="LibreOffice ve poppler gerekir"
)

SHEETS = [
    "Davet 3",
    "Tebliğ 3",
    "Gündem 3",
    "Ek-1 3",
    "Ek-2 3",
    "Alt Komisyon Listesi 2025",
    "Ek-3 2025",
    "Takvim",
    "Eylem Planı İzleme",
    "Davet 2",
]
FOOTER = re.compile(r"Sayfa (\d+) / (\d+)")


def pdftotext(pdf, *args) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """{sheet: [text of each of its pages]} and the PDF, from one `gockurul pdf` of the example's sheets."""
    folder = tmp_path_factory.mktemp("baski")
    book = folder / "ornek.xlsx"
    assert run_cli("ornek", str(book)).returncode == 0
    pdf = folder / "baski.pdf"
    args = [a for s in SHEETS for a in ("--sayfa", s)]
    proc = run_cli("pdf", str(book), *args, "--cikti", str(pdf))
    assert proc.returncode == 0, proc.stderr
    pages = pdftotext(pdf, "-layout").split("\f")[:-1]
    documents, current = [], []
    for page in pages:
        number = FOOTER.findall(page)
        assert number, page[:300]
        if number[-1][0] == "1" and current:
            documents.append(current)
            current = []
        current.append(page)
    documents.append(current)
    assert len(documents) == len(SHEETS)
    return dict(zip(SHEETS, documents, strict=True)), pdf, pages


def test_each_sheet_numbers_its_own_pages_in_the_order_asked(printed):
    by_sheet, _, _ = printed
    assert "T.C." in by_sheet["Davet 3"][0] and "KATILIMCI LİSTESİ" in by_sheet["Ek-2 3"][0]
    assert "RAPOR FORMU" in by_sheet["Ek-1 3"][0] and "Takvim" in by_sheet["Takvim"][0]
    for sheet, pages in by_sheet.items():
        assert [FOOTER.findall(p)[-1] for p in pages] == [
            (str(i), str(len(pages))) for i in range(1, len(pages) + 1)
        ], sheet


@pytest.mark.parametrize("sheet", ["Davet 3", "Tebliğ 3", "Davet 2"])
def test_letters_are_ready_to_sign_and_send(printed, sheet):
    text = "\n".join(printed[0][sheet])
    flat = " ".join(text.split())
    assert "Tarih :" in flat and "Sayı :" in flat and "Konu :" in flat and "DAĞITIM YERLERİNE" in flat
    for internal in ("M11(3)", "M11(4)", "M12(", "M9(2)", "KURALLAR", "Bu yazının", "Büronun notu"):
        assert internal not in flat, internal
    assert "Hakkında Genelgenin" in flat and "fıkrası" in flat  # the circular cited in words
    if sheet == "Davet 2":  # the sub-commission is called by the İl Göç İdaresi Müdürlüğü (M11(4))
        assert "Ümit KURT" in flat and "Müdür" in flat
    else:
        assert "Seda AKSOY" in flat and "Vali a." in flat
    assert "gaziantep.gkk@ornek.kep.tr" in flat  # the contact footer
    distribution = text[text.index("Dağıtım:") :]
    lines = [line.strip() for line in distribution.splitlines()]
    assert "Valilik" not in lines and "İl Göç İdaresi Müdürlüğü" not in lines  # never the sender


def test_invitation_splits_distribution_into_action_and_information(printed):
    text = "\n".join(printed[0]["Davet 3"])
    assert "Gereği:" in text and "Bilgi:" in text and "Gaziantep Ticaret Odası" in text


def test_agenda_repeats_no_item(printed):
    text = "\n".join(printed[0]["Gündem 3"])
    items = [" ".join(m.group(1).split()) for m in re.finditer(r"^\s*\d+ (\S.*?)(?:\s{2,}|$)", text, re.M)]
    assert len(items) >= 8 and len(items) == len(set(items)), items
    assert sum("Eylem Planı" in i for i in items) == 1


@pytest.mark.parametrize(
    "sheet, heading", [("Ek-1 3", "Ad Soyad — Unvan — Kurum"), ("Alt Komisyon Listesi 2025", "Unvan — Kurum")]
)
def test_signature_table_heading_tops_every_page_with_signature_rows(printed, sheet, heading):
    pages = printed[0][sheet]
    started = False
    for page in pages:
        if "İMZALAR" in page:
            started = True
            assert page.index("İMZALAR") < page.index(heading)
        if started:
            assert heading in page, page[:400]
            assert "Yedek Üye" not in page[page.index(heading) :]  # not the member table's heading
    assert started


def test_annual_report_item_7_prints_whole_on_one_page(printed):
    pages = printed[0]["Ek-3 2025"]
    page = next(p for p in pages if "HAZIRLAYAN" in p)
    assert "ONAYLAYAN" in page and "İmza:" in page and "Kurul Başkanı:" in page
    assert "(M13(2))" not in "".join(pages)


@pytest.mark.parametrize(
    "sheet, title",
    [("Takvim", "Takvim — Gaziantep 2025"), ("Eylem Planı İzleme", "Yerel Uyum Eylem Planı İzleme Raporu")],
)
def test_long_sheets_keep_their_title_on_every_page(printed, sheet, title):
    pages = printed[0][sheet]
    assert len(pages) > 1
    assert all(title in p for p in pages)
    assert "KURALLAR" not in "".join(pages)


def test_signature_rows_give_room_to_sign(printed):
    """Ek-2's rows are at least 10 mm on paper: the distance between consecutive row numbers in the SIRA column."""
    by_sheet, pdf, pages = printed
    first = pages.index(by_sheet["Ek-2 3"][0]) + 1
    bbox = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(first), "-l", str(first), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = [
        (float(m[1]), float(m[2]), m[3]) for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<', bbox)
    ]
    left = min(x for x, _, _ in words)
    numbers = sorted(y for x, y, w in words if w.isdigit() and x < left + 40 and 1 <= int(w) <= 12)
    gaps = [b - a for a, b in itertools.pairwise(numbers)]
    assert len(gaps) >= 5 and min(gaps) >= 10 * 72 / 25.4, gaps
