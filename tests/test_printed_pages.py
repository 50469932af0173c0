"""The forms and pages as printed (issue 24 B): LibreOffice's PDF of the province example and of a district book
(Nizip, a board held at 14.00 and a second one planned and never held), read back with pdftotext -bbox as the
civil servant who signs them would.

- no text over text on Takvim, Kontrol, Ek-1, Ek-2, Ek-3 and Gündem pages (one page-layout measure of wrapped
  rows, formsheet.wrapped_height), and no heading left alone at the bottom of an Ek-3 page;
- Ek-1's signature part is the chair and the members (M12(1)); the invitee signs Ek-2 (KURALLAR §5);
- Ek-1 item 8 lists the previous decisions in decision order, the carried ones first (M5(7), M5(12));
- Ek-2 before a meeting has a row per member expected, filled in, and spare rows;
- the agenda: noun phrases, one item per topic, "ilçede" at a district board (M10(4)–(9), M5(12), M5(13));
- Ek-3 prints no instruction to the software's user and counts held meetings only; a district book's `yillik`
  refuses, saying where Ek-3 is made (M13(1)–(2)).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import subprocess

import pytest

from gockurul_excel import contract, rules
from gockurul_excel.files.fill import fill_workbook

from .conftest import input_snapshot, run_cli

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="LibreOffice ve poppler gerekir"
)

D = dt.date
YEAR = 2026
DISTRICT_BOARD = rules.MeetingCategory.DISTRICT_BOARD.value
HALL = "Nizip Kaymakamlığı Toplantı Salonu"
INVITEE = ("Nizip Ticaret ve Sanayi Odası", "Genel Sekreter", "Levent Oral")
FOOTER = re.compile(r"Sayfa (\d+) / (\d+)")
TODAY = "10.08.2026"


def _members() -> list[list]:
    people = [
        ("Nizip Kaymakamlığı", rules.ROLE_CHAIR, "Kaymakam", "Hakan Ersoy"),
        ("İl Göç İdaresi Müdürlüğü", rules.ROLE_MEMBER, "Uyum İrtibat Görevlisi", "Derya Aksu"),
        ("İlçe Milli Eğitim Müdürlüğü", rules.ROLE_MEMBER, "İlçe Milli Eğitim Müdürü", "Cem Toprak"),
        ("İlçe Sağlık Müdürlüğü", rules.ROLE_MEMBER, "İlçe Sağlık Müdürü", "Gül Yalın"),
        ("İlçe Nüfus Müdürlüğü", rules.ROLE_MEMBER, "İlçe Nüfus Müdürü", "Orhan Kılıç"),
        ("İlçe Emniyet Müdürlüğü", rules.ROLE_MEMBER, "İlçe Emniyet Müdürü", "Serkan Uysal"),
        ("İlçe Jandarma Komutanlığı", rules.ROLE_MEMBER, "Binbaşı", "Tamer Işık"),
        ("İlçe Tarım ve Orman Müdürlüğü", rules.ROLE_MEMBER, "İlçe Tarım ve Orman Müdürü", "Nail Çakır"),
        ("İlçe Müftülüğü", rules.ROLE_MEMBER, "İlçe Müftüsü", "Yusuf Ağaoğlu"),
        ("Gençlik Merkezi", rules.ROLE_MEMBER, "Gençlik Merkezi Müdürü", "Büşra Öztürk"),
    ]
    rows = [
        [k, "Daimi", role, title, name, f"0532 400 00 {i:02d}", f"uye{i}@nizip.gov.tr", "Evet"]
        for i, (k, role, title, name) in enumerate(people)
    ]
    rows.append(
        [INVITEE[0], "Davetli", rules.ROLE_MEMBER, INVITEE[1], INVITEE[2], "0532 400 00 90", "oda@nizip.org.tr", "Evet"]
    )
    return rows


def district_rows() -> dict[str, list[list]]:
    members = _members()
    attended = [m for m in members if m[7] == "Evet"]
    participants = [[1, i, m[0], m[3], m[4], m[5], "Hayır"] for i, m in enumerate(attended, start=1)]
    participants[5][4], participants[5][6] = "Ercan Tunalı", "Evet"  # the police chief's deputy (M9(2))
    return {
        "Üyeler": members,
        "Toplantılar": [
            [
                1,
                DISTRICT_BOARD,
                "Olağan",
                D(YEAR, 2, 18),
                D(YEAR, 2, 18),
                dt.time(14, 0),
                HALL,
                D(YEAR, 2, 25),
                D(YEAR, 2, 27),
                None,
            ],
            [2, DISTRICT_BOARD, "Olağan", D(YEAR, 8, 17), None, dt.time(14, 0), HALL, None, None, None],
        ],
        "Gündem": [
            [
                1,
                1,
                "Mevsimlik tarım işçisi yabancıların barınma koşullarının görüşülmesi",
                "İlçe Tarım ve Orman Müdürlüğü",
                D(YEAR, 2, 2),
            ],
            [1, 2, "Yerel Uyum Eylem Planı", "İl Göç İdaresi Müdürlüğü", D(YEAR, 2, 2)],
        ],
        "Sorunlar": [
            [
                1,
                1,
                "Sosyal Destek",
                "Mevsimlik işçi çadır alanlarında altyapı eksikliği.",
                "Belediye ile ortak altyapı çalışması.",
                "Açık",
            ]
        ],
        "Kararlar": [
            # carried from 2025, out of order in the sheet; 5 is named for meeting 2 as well
            [
                7,
                3,
                "Okul servis güzergâhlarının gözden geçirilmesine",
                "G",
                "A",
                "İlçe Milli Eğitim Müdürlüğü",
                D(YEAR, 6, 30),
                "Devam Ediyor",
                None,
                None,
                None,
                None,
                YEAR - 1,
            ],
            [
                5,
                2,
                "Mahalle bilgilendirme toplantılarının sürdürülmesine",
                "G",
                "A",
                "Nizip Kaymakamlığı",
                D(YEAR, 12, 31),
                "Bekliyor",
                None,
                None,
                2,
                None,
                YEAR - 1,
            ],
            # this year's, out of order in the sheet
            [
                2,
                1,
                "Sağlık taramalarının çadır alanlarında yapılmasına",
                "G",
                "A",
                "İlçe Sağlık Müdürlüğü",
                D(YEAR, 9, 30),
                "Devam Ediyor",
                None,
                None,
                None,
                1,
            ],
            [
                1,
                1,
                "Çadır alanlarına su ve elektrik altyapısı kurulmasına",
                "G",
                "A",
                "Nizip Kaymakamlığı",
                D(YEAR, 8, 31),
                "Bekliyor",
                None,
                None,
                None,
                1,
            ],
            [
                3,
                1,
                "Yabancı öğrencilerin okul kayıtlarının izlenmesine",
                "G",
                "A",
                "İlçe Milli Eğitim Müdürlüğü",
                D(YEAR, 10, 31),
                "Bekliyor",
                None,
                None,
                None,
                None,
            ],
        ],
        "Katılımcılar": participants,
    }


def district_settings() -> dict[str, object]:
    return {
        contract.S_KIND: rules.BoardKind.DISTRICT.value,
        contract.S_PROVINCE: "Gaziantep",
        contract.S_DISTRICT: "Nizip",
        contract.S_YEAR: YEAR,
        contract.S_POPULATION: 2_001,
        contract.S_BORDER: "Hayır",
        rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Hayır",
        rules.SETTING_DISTRICT_RED_CRESCENT: "Hayır",
        rules.SETTING_DISTRICT_UNIVERSITY: "Hayır",
        contract.S_SIGNER: "Hakan Ersoy",
        contract.S_SIGNER_TITLE: "Kaymakam",
        contract.S_ADDRESS: "Nizip Hükümet Konağı, Nizip / GAZİANTEP",
        contract.S_PHONE: "0342 500 00 00",
        contract.S_EMAIL: "nizip.gkk@ornek.gov.tr",
    }


def _ok(*args: str) -> None:
    proc = run_cli(*args)
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr, proc.stdout + proc.stderr


def _bbox_pages(pdf) -> list[list[tuple[float, float, float, float, str]]]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append(
            [
                (float(a), float(b), float(c), float(d), t)
                for a, b, c, d, t in re.findall(
                    r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page
                )
            ]
        )
    return pages


def _split(pdf, sheets: list[str]) -> dict[str, list[int]]:
    """{sheet: its page indexes}: each sheet numbers its own pages from 1 (Sayfa 1 / n)."""
    texts = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")[:-1]
    documents: list[list[int]] = []
    for i, page in enumerate(texts):
        number = FOOTER.findall(page)
        assert number, page[:300]
        if number[-1][0] == "1":
            documents.append([])
        documents[-1].append(i)
    assert len(documents) == len(sheets)
    return dict(zip(sheets, documents, strict=True))


class Printed:
    def __init__(self, pdf, sheets: list[str]) -> None:
        self.pdf = pdf
        self.words = _bbox_pages(pdf)
        self.pages = _split(pdf, sheets)
        self.layout = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split("\f")[:-1]

    def text(self, sheet: str) -> str:
        return "\n".join(self.layout[i] for i in self.pages[sheet])

    def flat(self, sheet: str) -> str:
        return " ".join(self.text(sheet).split())


def _print(book, sheets: list[str], pdf) -> Printed:
    args = [a for s in sheets for a in ("--sayfa", s)]
    proc = run_cli("pdf", str(book), *args, "--cikti", str(pdf))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return Printed(pdf, sheets)


DISTRICT_SHEETS = ["Takvim", "Kontrol", "Gündem 1", "Ek-1 1", "Ek-2 1", "Gündem 2", "Ek-1 2", "Ek-2 2"]
PROVINCE_SHEETS = ["Takvim", "Kontrol", "Gündem 1", "Ek-1 1", "Ek-1 3", "Ek-2 3", "Ek-3 2025"]


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nizip")
    book = folder / "NIZIP_2026.xlsx"
    fill_workbook(book, district_settings(), district_rows(), overwrite=True)
    _ok("kontrol", str(book), "--bugun", TODAY)
    _ok("takvim", str(book), "--bugun", TODAY)
    _ok("formlar", str(book))
    _ok("gundem", str(book), "--toplanti", "1")
    _ok("gundem", str(book), "--toplanti", "2")
    return book, _print(book, DISTRICT_SHEETS, folder / "nizip.pdf")


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    folder = tmp_path_factory.mktemp("il")
    book = folder / "ornek.xlsx"
    assert run_cli("ornek", str(book)).returncode == 0
    return book, _print(book, PROVINCE_SHEETS, folder / "il.pdf")


def overprints(words) -> list[tuple[str, str]]:
    """Pairs of words printed over each other: boxes that share more than half of a line's height (two lines of
    one wrapped cell touch only by the fonts' ascent and descent)."""
    out = []
    for a, b in itertools.combinations(words, 2):
        dx = min(a[2], b[2]) - max(a[0], b[0])
        dy = min(a[3], b[3]) - max(a[1], b[1])
        if dx > 0.5 and dy > 0.45 * min(a[3] - a[1], b[3] - b[1]):
            out.append((a[4], b[4]))
    return out


@pytest.mark.parametrize("which, sheets", [("district", DISTRICT_SHEETS), ("province", PROVINCE_SHEETS)])
def test_no_text_prints_over_text(request, which, sheets):
    """Issue 24 item 9: Takvim's note over the repeated header, "Yarım gün (13.00'ten sonra)" over the next row, a
    two-line Kontrol finding over the next: every row is as tall as its wrapped text."""
    _book, printed = request.getfixturevalue(which)
    for sheet in sheets:
        for i in printed.pages[sheet]:
            assert overprints(printed.words[i]) == [], (sheet, i + 1)


def test_takvim_and_kontrol_pages_carry_wrapped_text(province):
    _book, printed = province
    takvim = printed.flat("Takvim")
    assert "Yarım gün" in takvim and "'İleride': daha sonra." in takvim
    assert len(printed.pages["Takvim"]) > 1  # the note repeats on every page, with the header under it


def test_no_ek3_page_ends_with_a_heading(province):
    _book, printed = province
    headings = (
        "KURULLARDA",
        "SORUNLARIN ÇÖZÜMÜNE",
        "ÇÖZÜLEMİYEN SORUNLARA",
        "SONUÇ, DEĞERLENDİRME",
        "a) Karar alınmasına",
        "b) Uygulanamayan",
        "Göç Koordinasyon Kurulu",
        "Alt Komisyon (",
    )
    for i in printed.pages["Ek-3 2025"]:
        lines = [line.strip() for line in printed.layout[i].splitlines() if line.strip()]
        lines = [line for line in lines if not FOOTER.search(line)]
        assert not any(h in lines[-1] for h in headings), lines[-3:]


def test_ek1_is_signed_by_the_chair_and_members_and_the_invitee_signs_ek2(district):
    _book, printed = district
    ek1 = printed.text("Ek-1 1")
    signatures = ek1[ek1.index("İMZALAR") :]
    assert "Hakan Ersoy (Kurul Başkanı)" in signatures and "Derya Aksu" in signatures
    assert "Ercan Tunalı (vekil)" in signatures  # the police chief's deputy signs for him (M9(2))
    assert INVITEE[2] not in signatures and INVITEE[0] not in signatures
    assert INVITEE[2] in printed.flat("Ek-2 1")


def test_ek1_item_8_lists_earlier_decisions_in_decision_order_carried_first(district):
    _book, printed = district
    first = printed.flat("Ek-1 1")
    assert first.index("Karar 5 (2025") < first.index("Karar 7 (2025")  # the sheet has 7 first
    second = printed.flat("Ek-1 2")
    # KURALLAR §3, M5(7): 7 is still open and no held meeting has evaluated it, so meeting 2 names it too
    order = [second.index(f"Karar {n} (") for n in ("5", "7", "1", "2", "3")]
    assert order == sorted(order), order


def test_ek2_before_the_meeting_lists_the_members_expected_and_spare_rows(district):
    _book, printed = district
    held, planned = printed.flat("Ek-2 1"), printed.flat("Ek-2 2")
    members = [m for m in _members() if m[1] == "Daimi"]
    for m in members:  # name, title and institution filled in (a long one wraps inside its cell)
        assert m[4] in planned and all(word in planned for word in (*m[3].split(), *m[0].split()))
    assert INVITEE[2] in planned  # the invitee in Üyeler is expected too
    expected = len(members) + 1
    rows = re.findall(r"^\s*(\d+)\s", printed.text("Ek-2 2"), re.M)
    numbers = [int(n) for n in rows if int(n) <= 40]
    assert max(numbers) >= expected + 3, numbers  # spare rows after the expected ones, numbered on
    assert "Ercan Tunalı" in held and "Ercan Tunalı" not in planned  # held: who attended; before: who is expected


def test_district_agenda_speaks_in_noun_phrases_at_its_own_level(district):
    _book, printed = district
    text = printed.flat("Gündem 1")
    assert "İlçede yaşanan" in text and "İlde/ilçede" not in text and "ilde/ilçede" not in text
    assert "İlçe Göç Koordinasyon Kurullarından" not in text  # a district board has no district boards under it
    for verb in ("değerlendirilir", "onaylanır", "yapılır", "alınır"):
        assert verb not in text, verb
    assert text.count("Bir önceki") == 1  # the first board: M5(7) and M5(12) are one item
    assert "5/7, 5/12" in text
    assert text.count("Eylem Planı") == 1  # the proposal restates M10(4): one item, its proposer named
    assert "İl Göç İdaresi Müdürlüğü" in text


def test_province_first_agenda_has_each_topic_once(province):
    _book, printed = province
    text = printed.flat("Gündem 1")
    assert text.count("Yerel Uyum Eylem Planı") == 1 and "10/4, 5/13" in text
    assert text.count("Bir önceki") == 1 and "İlde yaşanan" in text
    assert "onaylanır" not in text and "değerlendirilir" not in text


def test_ek3_has_no_instruction_to_the_user(province):
    _book, printed = province
    text = printed.flat("Ek-3 2025")
    for instruction in ("gockurul", "düğme", "Bu kitapta", "sayfasında", "sütununa", "yeniden üretin", "["):
        assert instruction not in text, instruction
    assert "İl Göç Koordinasyon Kurulu (5 toplantı" in text  # five boards held in 2025


def test_district_yillik_refuses_saying_where_ek3_is_made(district, tmp_path):
    book, _printed = district
    before = input_snapshot(book)
    proc = run_cli("yillik", str(book))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    message = proc.stdout + proc.stderr
    assert "İl Göç İdaresi Müdürlüğü" in message and "13/1" in message
    assert input_snapshot(book) == before


def test_province_invitee_and_presidency_staff_sign_ek2_not_ek1(province):
    """M4(4), M4(5): the Ticaret Odası's invitee and the Presidency's expert attend meeting 3; M12(1): the chair and
    members sign the minutes."""
    _book, printed = province
    ek1 = printed.flat("Ek-1 3")
    signatures = ek1[ek1.index("İMZALAR") :]
    assert "Kemal Çeber (Kurul Başkanı)" in signatures
    for name in ("Burak Tunç", "Selin Kaplan"):
        assert name not in signatures and name in printed.flat("Ek-2 3")


@pytest.mark.parametrize("keep", [True, False])
def test_a_heading_moves_to_the_page_of_what_follows_it(monkeypatch, keep):
    """FormBuilder.keep_with_next: a heading whose first content does not fit under it starts the next page with
    it (issue 24 item 9: "a heading left alone at the bottom of a page"); without it the heading ends the page."""
    from gockurul_excel.sheets.annual_report import WIDTHS, _Form

    if not keep:
        monkeypatch.setattr(_Form, "keep_with_next", lambda self, start: None)
    f = _Form("Deneme", WIDTHS, title_rows=(1, 1))
    f.line("Başlık", "title")
    while f.page_capacity - f._simulate() > 70:  # fill the page to four lines from its foot
        f.line("Bir satır", "text")
    f.heading(4, "KURULLARDA KARAR ALINMASINA RAĞMEN ÇÖZÜLEMİYEN SORUNLAR:")
    heading_row = f.row - 1
    f.table_rows(
        ("A", "B", "C", "D", "E", "F"), (1, 1, 1, 1, 1, 1), [("1", "x", "y " * 60, "z", "t", "u")], ["text"] * 6
    )
    assert (heading_row - 1 in f.spec.print_setup.row_breaks) is keep


def test_capitals_take_more_of_a_line_than_small_letters():
    from gockurul_excel.sheets.formsheet import lines_needed, wrapped_height

    assert lines_needed("TELEFON NUMARASI", 16) == 2 and lines_needed("telefon numaras", 16) == 1
    assert wrapped_height([("a " * 60, 20), (None, 5)]) > wrapped_height([("a", 20)])


def _a_year_earlier(value):
    if isinstance(value, dt.date):
        return value.replace(year=value.year - 1)
    return value - 1 if value in (YEAR, YEAR - 1) else value


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    """The province example with Nizip's 2025 book merged (`birlestir`): its board of 18.02 held, the one of 17.08
    planned and never held."""
    folder = tmp_path_factory.mktemp("birlesik")
    district_book = folder / "NIZIP_2025.xlsx"
    rows = {sheet: [[_a_year_earlier(v) for v in r] for r in table] for sheet, table in district_rows().items()}
    fill_workbook(district_book, {**district_settings(), contract.S_YEAR: YEAR - 1}, rows, overwrite=True)
    book = folder / "ornek.xlsx"
    assert run_cli("ornek", str(book)).returncode == 0
    _ok("birlestir", str(book), str(district_book))
    proc = run_cli("yillik", str(book))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return book, _print(book, ["Ek-3 2025"], folder / "ek3.pdf"), proc.stdout


def test_merged_province_ek3_counts_held_district_boards_without_overprint(merged):
    _book, printed, message = merged
    text = printed.flat("Ek-3 2025")
    assert "İlçe Göç Koordinasyon Kurulu (1 toplantı, 1 sorun)" in text  # Nizip's 17.08 board never met
    assert "Nizip İlçe GKK 1" in text
    for i in printed.pages["Ek-3 2025"]:
        assert overprints(printed.words[i]) == [], i + 1
    # the district heading and its note print on the page of their table (never alone at a page's foot)
    page = next(
        printed.layout[i] for i in printed.pages["Ek-3 2025"] if "İlçe Göç Koordinasyon Kurulu (" in printed.layout[i]
    )
    assert "Nizip İlçe GKK 1" in page[page.index("İlçe Göç Koordinasyon Kurulu (") :]
    for instruction in ("gockurul", "düğme", "Bu kitapta", "sütununa"):
        assert instruction not in text
    assert "Şahinbey" in message and "birleştirilmemiş" in message  # yillik says what the page does not
