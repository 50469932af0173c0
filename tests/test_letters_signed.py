"""Issue 24 (A): letters a Valilik signs without correcting, read as they come out — the invitation's time in the
calendar request and the e-mail, Turkish suffixes, the closing formula by hierarchy (KURALLAR §5), invitees under
"Gereği", no Tebliğ before the meeting is held, the circular cited in full, and the Word documents as LibreOffice
lays them out (pdftotext). On the province demo book and on a district book (Nizip: a meeting held at 14.00 and a
second one planned and not held)."""

from __future__ import annotations

import datetime as dt
import email
import io
import subprocess
import time
import zipfile
from email import policy
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from lxml import etree

from gockurul_excel import commands, contract, example, rules
from gockurul_excel.core import meetings
from gockurul_excel.core.model import workbook_from_rows
from gockurul_excel.core.text import ABLATIVE, ACCUSATIVE, DATIVE, GENITIVE, LOCATIVE, inflect
from gockurul_excel.core.windows import build_calendar
from gockurul_excel.sheets import letters

from .conftest import clean_example_rows, libreoffice_convert

Category = rules.MeetingCategory
NOW = dt.datetime(2025, 2, 10, 9, 30)
IL = Category.PROVINCE_BOARD.value
ILCE = Category.DISTRICT_BOARD.value
HALL = "Nizip Kaymakamlığı Toplantı Salonu"


# --- the district book -----------------------------------------------------------------------------------


def nizip_settings(**extra) -> dict:
    return {
        contract.S_KIND: "İlçe",
        contract.S_PROVINCE: "Gaziantep",
        contract.S_DISTRICT: "Nizip",
        contract.S_YEAR: 2025,
        contract.S_POPULATION: 2400,
        contract.S_SIGNER: "Ali Yıldız",
        contract.S_SIGNER_TITLE: "Kaymakam",
        contract.S_EMAIL: "nizip.gkk@ornek.gov.tr",
        contract.S_ADDRESS: "Nizip Hükümet Konağı",
        contract.S_PHONE: "0342 517 00 00",
        **extra,
    }


def nizip_rows(time_1="14:00") -> dict[str, list[list]]:
    """Meeting 1 held on 19.02.2025 at 14.00 (the time typed as text, as the reader gives it); meeting 2 planned
    for 20.08.2025 and not held."""

    def member(kurum, name, role=rules.ROLE_MEMBER, kind="Daimi", title="Müdür"):
        mail = name.lower().replace(" ", ".").translate(str.maketrans("çğıöşü", "cgiosu")) + "@ornek.gov.tr"
        return [kurum, kind, role, title, name, "0342 000 00 00", mail, "Evet"]

    return {
        "Üyeler": [
            member("Nizip Kaymakamlığı", "Ali Yıldız", rules.ROLE_CHAIR, title="Kaymakam"),
            member("İl Göç İdaresi Müdürlüğü", "Umut Kurt", title="Uyum İrtibat Görevlisi"),
            member("İlçe Milli Eğitim Müdürlüğü", "Fatma Kara"),
            member("İlçe Sağlık Müdürlüğü", "Ahmet Ak"),
            member("İlçe Emniyet Müdürlüğü", "Murat Can"),
            member("İlçe Jandarma Komutanlığı", "Kemal Er", title="Binbaşı"),
            member("Nizip Belediyesi", "Ayşe Tan", title="Belediye Başkan Yardımcısı"),
            member("Nizip Ticaret Odası", "Cem Oral", kind="Davetli", title="Genel Sekreter"),
        ],
        "Toplantılar": [
            [1, ILCE, "Olağan", dt.date(2025, 2, 19), dt.date(2025, 2, 19), time_1, HALL, dt.date(2025, 2, 26), None],
            [2, ILCE, "Olağan", dt.date(2025, 8, 20), None, "10:30", HALL, None, None],
        ],
        "Katılımcılar": [
            [1, i, kurum, title, name, "0342 000 00 00", "Hayır"]
            for i, (kurum, title, name) in enumerate(
                [
                    ("Nizip Kaymakamlığı", "Kaymakam", "Ali Yıldız"),
                    ("İl Göç İdaresi Müdürlüğü", "Uyum İrtibat Görevlisi", "Umut Kurt"),
                    ("İlçe Milli Eğitim Müdürlüğü", "Müdür", "Fatma Kara"),
                    ("Nizip Ticaret Odası", "Genel Sekreter", "Cem Oral"),
                ],
                start=1,
            )
        ],
        "Kararlar": [
            [
                1,
                1,
                "Yabancı öğrencilerin okula kaydı için rehberlik masası kurulması",
                "Kayıt dışı kalan öğrenciler",
                "Okullaşma oranının artırılması",
                "İlçe Milli Eğitim Müdürlüğü; Nizip Ticaret Odası",
                dt.date(2025, 6, 30),
                "Devam Ediyor",
            ]
        ],
    }


def nizip(rows=None, state=None, **settings):
    return workbook_from_rows(nizip_settings(**settings), rows or nizip_rows(), state=state, path=Path("nizip.xlsx"))


def province(rows=None, **settings):
    return workbook_from_rows(
        {**example.example_settings(), **settings}, rows or clean_example_rows(), path=Path("il.xlsx")
    )


def letter_of(data, no: str, kind: str = "davet"):
    m = meetings.find_meeting(data, no)
    build = letters.invitation_letter if kind == "davet" else letters.notice_letter
    return build(data, m, build_calendar(data))


def ics_event(outcome):
    (ev,) = Calendar.from_ical(outcome.payload.ics).walk("VEVENT")
    return ev


def log_state(outcome) -> dict[str, list[list]]:
    from .test_davet import state_of

    return state_of(outcome)


# --- 1. the invitation's time -----------------------------------------------------------------------------


def test_the_calendar_request_is_at_the_time_the_reader_gives_as_text_and_moves_with_it():
    """M11(3): the chair sets the day, place *and time*. `Saat` comes from the reader as '14:00' (text)."""
    data = nizip()
    assert meetings.find_meeting(data, "1").record["Saat"] == "14:00"  # what the reader gives
    first = commands.invitations(data, "1", NOW)
    ev = ics_event(first)
    assert ev["dtstart"].dt == dt.datetime(2025, 2, 19, 11, 0, tzinfo=dt.UTC)  # 14.00 in Türkiye
    assert ev["dtend"].dt - ev["dtstart"].dt == dt.timedelta(hours=2)
    assert "Saat : 14.00" in first.payload.invitation.letter.printed_text()
    # the chair moves it to 14.30: the update carries the new time, with a higher SEQUENCE
    moved = commands.invitations(nizip(nizip_rows("14:30"), log_state(first)), "1", NOW)
    ev2 = ics_event(moved)
    assert int(ev2["sequence"]) == 1 and str(ev2["uid"]) == str(ev["uid"])
    assert ev2["dtstart"].dt == dt.datetime(2025, 2, 19, 11, 30, tzinfo=dt.UTC)
    msg = email.message_from_bytes(moved.payload.eml, policy=policy.default)
    assert "Saat: 14.30" in msg.get_body(("plain",)).get_content()


@pytest.mark.parametrize(
    "machine_zone, naive_now",
    [
        ("UTC", dt.datetime(2025, 2, 10, 9, 30)),
        ("Europe/Istanbul", dt.datetime(2025, 2, 10, 12, 30)),
        ("America/New_York", dt.datetime(2025, 2, 10, 4, 30)),
    ],
)
def test_dtstamp_and_the_mail_date_are_the_same_instant_whatever_the_machine_clock(
    monkeypatch, machine_zone, naive_now
):
    """A naive `now()` is the machine's clock: on a server set to UTC, 09.30 is 12.30 in Istanbul, not 09.30."""
    monkeypatch.setenv("TZ", machine_zone)
    time.tzset()
    try:
        outcome = commands.invitations(nizip(), "1", naive_now)
    finally:
        monkeypatch.undo()
        time.tzset()
    instant = dt.datetime(2025, 2, 10, 9, 30, tzinfo=dt.UTC)
    assert ics_event(outcome)["dtstamp"].dt == instant
    msg = email.message_from_bytes(outcome.payload.eml, policy=policy.default)
    date = parsedate_to_datetime(msg["Date"])
    assert date == instant and date.utcoffset() == dt.timedelta(hours=3)  # written in Türkiye's time
    log = log_state(outcome)[contract.INVITATION_LOG_SHEET]
    assert log[1][-1] == "10.02.2025 12:30"  # the office's log in its own time


# --- 2. suffixes ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, dative, locative, genitive, accusative",
    [
        (
            "İl Göç İdaresi Müdürlüğü",
            "İl Göç İdaresi Müdürlüğüne",
            "İl Göç İdaresi Müdürlüğünde",
            "İl Göç İdaresi Müdürlüğünün",
            "İl Göç İdaresi Müdürlüğünü",
        ),
        ("Müdürlüğümüz", "Müdürlüğümüze", "Müdürlüğümüzde", "Müdürlüğümüzün", "Müdürlüğümüzü"),
        ("Kaymakamlığımız", "Kaymakamlığımıza", "Kaymakamlığımızda", "Kaymakamlığımızın", "Kaymakamlığımızı"),
        (
            "Nizip Kaymakamlığı",
            "Nizip Kaymakamlığına",
            "Nizip Kaymakamlığında",
            "Nizip Kaymakamlığının",
            "Nizip Kaymakamlığını",
        ),
        ("Kaymakamlık", "Kaymakamlığa", "Kaymakamlıkta", "Kaymakamlığın", "Kaymakamlığı"),  # k softens, t after k
        ("Valilik", "Valiliğe", "Valilikte", "Valiliğin", "Valiliği"),
        (
            "İl Göç Koordinasyon Kurulu",
            "İl Göç Koordinasyon Kuruluna",
            "İl Göç Koordinasyon Kurulunda",
            "İl Göç Koordinasyon Kurulunun",
            "İl Göç Koordinasyon Kurulunu",
        ),
        ("Nizip Belediyesi", "Nizip Belediyesine", "Nizip Belediyesinde", "Nizip Belediyesinin", "Nizip Belediyesini"),
        ("Belediye", "Belediyeye", "Belediyede", "Belediyenin", "Belediyeyi"),  # buffer y / n after a vowel
        ("Jandarma", "Jandarmaya", "Jandarmada", "Jandarmanın", "Jandarmayı"),
        ("İl Müftülüğü", "İl Müftülüğüne", "İl Müftülüğünde", "İl Müftülüğünün", "İl Müftülüğünü"),
        ("Kurul", "Kurula", "Kurulda", "Kurulun", "Kurulu"),
        (
            "İçişleri Bakanlığı (Göç İdaresi Başkanlığı)",
            "İçişleri Bakanlığına (Göç İdaresi Başkanlığı)",
            "İçişleri Bakanlığında (Göç İdaresi Başkanlığı)",
            "İçişleri Bakanlığının (Göç İdaresi Başkanlığı)",
            "İçişleri Bakanlığını (Göç İdaresi Başkanlığı)",
        ),
        (
            "GAZİANTEP VALİLİĞİ",
            "GAZİANTEP VALİLİĞİNE",
            "GAZİANTEP VALİLİĞİNDE",
            "GAZİANTEP VALİLİĞİNİN",
            "GAZİANTEP VALİLİĞİNİ",
        ),
        ("SGK", "SGK'ye", "SGK'de", "SGK'nin", "SGK'yi"),  # read letter by letter (ke)
        ("AFAD", "AFAD'a", "AFAD'da", "AFAD'ın", "AFAD'ı"),  # read as a word
        ("Kontrol", "Kontrole", "Kontrolde", "Kontrolün", "Kontrolü"),  # a palatal l
    ],
)
def test_case_suffixes_follow_vowel_harmony_and_buffer_consonants(name, dative, locative, genitive, accusative):
    """KURALLAR §5: "Müdürlüğümüze", "Kaymakamlığımıza" — never "Müdürlüğümüzne"."""
    assert [inflect(name, c) for c in (DATIVE, LOCATIVE, GENITIVE, ACCUSATIVE)] == [
        dative,
        locative,
        genitive,
        accusative,
    ]


def test_ablative_takes_t_after_a_voiceless_consonant():
    assert inflect("Kaymakamlık", ABLATIVE) == "Kaymakamlıktan"
    assert inflect("Kurul", ABLATIVE) == "Kuruldan"
    assert inflect("İl Göç İdaresi Müdürlüğü", ABLATIVE) == "İl Göç İdaresi Müdürlüğünden"


def test_the_minutes_letter_asks_for_results_with_the_right_suffix():
    district = letter_of(nizip(), "1", "teblig").printed_text()
    assert "sonuçlarının Kaymakamlığımıza bildirilmesi" in district  # no İlçe Göç İdaresi Müdürlüğü in Nizip
    own_office = letter_of(nizip(**{rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Evet"}), "1", "teblig").printed_text()
    assert "sonuçlarının Müdürlüğümüze bildirilmesi" in own_office
    assert "sonuçlarının Müdürlüğümüze bildirilmesi" in letter_of(province(), "3", "teblig").printed_text()
    for text in (district, own_office):
        assert "ımızne" not in text and "ümüzne" not in text


# --- 3. closing formula by hierarchy --------------------------------------------------------------------------


def test_a_district_letter_to_the_valilik_closes_arz_ve_rica_ederim():
    for kind in ("davet", "teblig"):
        letter = letter_of(nizip(), "1", kind)
        assert "Gaziantep Valiliği (İl Göç İdaresi Müdürlüğü)" in letter.action
        assert letter.closing.endswith("bilgilerinizi ve gereğini arz ve rica ederim.")


def test_a_province_letter_closes_rica_ederim_unless_the_presidency_is_in_its_distribution():
    rows = clean_example_rows()
    rows["Üyeler"] = [r for r in rows["Üyeler"] if r[1] != "Başkanlık Personeli"]
    plain = letter_of(province(rows), "3")
    assert plain.closing.endswith("bilgilerinizi ve gereğini rica ederim.") and "arz" not in plain.closing
    with_presidency = letter_of(province(), "3")
    assert with_presidency.info == ["İçişleri Bakanlığı (Göç İdaresi Başkanlığı)"]  # addressed through the Ministry
    assert with_presidency.closing.endswith("arz ve rica ederim.")
    printed = with_presidency.printed_text().splitlines()
    assert printed[printed.index("Bilgi:") + 1] == "İçişleri Bakanlığına (Göç İdaresi Başkanlığı)"
    assert "İl Milli Eğitim Müdürlüğüne" in printed[printed.index("Gereği:") :]
    assert "Göç İdaresi Başkanlığı" not in with_presidency.action


# --- 4. invitees under Gereği -------------------------------------------------------------------------------


def test_an_invited_body_is_asked_to_attend_under_gereği():
    """M4(4), M9(1): the invitee is called to the meeting; KURALLAR §5: under "Gereği", not "Bilgi"."""
    letter = letter_of(nizip(), "1")
    assert "Nizip Ticaret Odası" in letter.action and "Nizip Ticaret Odası" not in letter.info
    printed = letter.printed_text().splitlines()
    assert printed.index("Nizip Ticaret Odasına") > printed.index("Dağıtım:")  # addressed in the dative
    assert "Nizip Kaymakamlığı" not in letter.action  # the sender is not in its own distribution


# --- 5. no Tebliğ before the meeting is held -------------------------------------------------------------------


def test_no_tebliğ_is_written_for_a_meeting_not_held():
    data = nizip()
    planned = commands.agenda(data, "2")
    assert "Tebliğ 2" not in planned.sheet_names and "Davet 2" in planned.sheet_names
    assert set(planned.payload) == {"Davet 2.docx"}
    assert "Tebliğ yazısı yazılmadı" in planned.message and "Gerçekleşen Tarih" in planned.message
    held = commands.agenda(data, "1")
    assert "Tebliğ 1" in held.sheet_names and "Tebliğ 1.docx" in held.payload


# --- 13. the circular cited in full, once -----------------------------------------------------------------------


def test_the_circular_is_cited_with_its_full_title_date_and_number_at_its_first_mention():
    reference = "01.02.2023 tarihli ve E-12345678-010-99 sayılı"
    for data in (
        province(**{contract.S_CIRCULAR_REFERENCE: reference}),
        nizip(**{contract.S_CIRCULAR_REFERENCE: reference}),
    ):
        no = "3" if data.board_kind is rules.BoardKind.PROVINCE else "1"
        for kind in ("davet", "teblig"):
            letter = letter_of(data, no, kind)
            text = letter.printed_text()
            full = (
                f"İçişleri Bakanlığının {reference} İl ve İlçe Göç Koordinasyon Kurullarının Çalışma Usul ve "
                "Esasları Hakkında Genelgenin"
            )
            assert text.count(full) == 1 and full in letter.paragraphs[0]
            assert "Esasları Genelgesi" not in text
            assert not any("Genelgenin tarihi ve sayısı" in n for n in letter.notes)
    # without them the letter names the circular in full and the office is told, beside the letter
    letter = letter_of(nizip(), "1")
    assert "Çalışma Usul ve Esasları Hakkında Genelgenin 11 inci maddesinin" in letter.paragraphs[0]
    assert any(contract.S_CIRCULAR_REFERENCE in n for n in letter.notes)


# --- 6. the Word documents as LibreOffice prints them -----------------------------------------------------------


def _pdf_text(docx_bytes: bytes, name: str, tmp: Path) -> tuple[str, int]:
    src = tmp / name
    src.write_bytes(docx_bytes)
    pdf = libreoffice_convert(src, "pdf", tmp / "pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.count("\f") + (0 if text.endswith("\f") else 1)
    return text, pages


def test_province_letters_in_word_fit_one_page_with_page_numbers_and_a_plain_ekler(tmp_path):
    data = province()
    docs = commands.agenda(data, "3").payload
    invitation = letter_of(data, "3")
    assert len(invitation.action) + len(invitation.info) >= 27  # the board's whole distribution
    text, pages = _pdf_text(docs["Davet 3.docx"], "Davet 3.docx", tmp_path)
    assert pages == 1, text  # 27+ recipients and nothing spills onto a second page
    assert "Sayfa 1 / 1" in text
    assert "Şehitkamil Kaymakamlığı" in text and "Gaziantep Ticaret Odası" in text
    assert text.index("Gereği:") < text.index("Gaziantep Ticaret Odası") < text.index("Bilgi:")
    notice, pages = _pdf_text(docs["Tebliğ 3.docx"], "Tebliğ 3.docx", tmp_path)
    assert "Ekler :" in notice and "Ekler : :" not in notice and "1- Toplantı Tutanağı" in notice
    assert "Sayfa 1 / 1" in notice and pages == 1


def test_the_agenda_in_word_has_its_grid_as_its_cells_an_ek_mark_and_a_page_number(tmp_path):
    outcome = commands.invitations(province(), "3", NOW)
    agenda = outcome.payload.attachments["Gündem 3.docx"]
    with zipfile.ZipFile(io.BytesIO(agenda)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    w = f"{{{ns['w']}}}w"
    grid = [int(c.get(w)) for c in root.iterfind(".//w:tblGrid/w:gridCol", ns)]
    first_row = [int(c.get(w)) for c in root.find(".//w:tr", ns).iterfind(".//w:tcW", ns)]
    assert grid == first_row and len(set(grid)) == 3  # three different widths, said the same twice
    text, _ = _pdf_text(agenda, "Gündem 3.docx", tmp_path)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[0] == "Ek" and "Sayfa 1 / 1" in text
    # LibreOffice draws the widths: the number column is narrow, so "Sıra" and "Gündem Maddesi" sit close
    head = next(line for line in text.splitlines() if "Sıra" in line)
    assert head.index("Gündem Maddesi") - head.index("Sıra") < 12


def test_the_district_invitation_mail_carries_the_afternoon_time_and_a_numbered_pdf(tmp_path):
    from gockurul_excel.files.letters import invitation_files

    outcome = commands.invitations(nizip(), "1", NOW)
    eml, _ics, with_pdf = invitation_files(outcome, tmp_path / "yazilar")
    assert with_pdf
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    parts = {p.get_filename(): p.get_content() for p in msg.iter_attachments()}
    pdf = tmp_path / "davet.pdf"
    pdf.write_bytes(parts["Davet 1.pdf"])
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "NİZİP KAYMAKAMLIĞI" in text and "14.00" in text and "19.02.2025 Çarşamba" in text
    assert "arz ve rica ederim" in text and "Sayfa 1 / 1" in text
    assert text.index("Dağıtım:") < text.index("Nizip Ticaret Odası")  # no Bilgi: the whole list is Gereği


# --- 14. the district's mail to the province, both ends --------------------------------------------------------


def _district_book(make_book, **settings):
    return make_book(
        nizip_settings(**{contract.S_PROVINCE_EMAIL: "gaziantep.gim@goc.gov.tr", **settings}),
        nizip_rows(),
        name="Nizip_2025.xlsx",
    )


def test_gonder_writes_a_draft_to_the_province_with_the_book_and_the_minutes_as_pdf(make_book, tmp_path):
    from .conftest import run_cli

    book = _district_book(make_book)
    proc = run_cli("gonder", str(book))
    assert proc.returncode == 0, proc.stderr
    eml = book.with_name("Nizip_2025_yazilar") / "Toplantı 1 - il müdürlüğüne.eml"
    msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert msg["X-Unsent"] == "1" and msg["To"].addresses[0].addr_spec == "gaziantep.gim@goc.gov.tr"
    assert msg["From"].addresses[0].addr_spec == "nizip.gkk@ornek.gov.tr"
    subject = msg["Subject"]
    assert "Nizip" in subject and "2025" in subject and "Toplantı 1" in subject and "19.02.2025" in subject
    parts = {p.get_filename(): p for p in msg.iter_attachments()}
    assert set(parts) == {"Nizip_2025.xlsx", "Tebliğ 1.pdf", "Ek-1 1.pdf"}
    assert parts["Nizip_2025.xlsx"].get_content() == book.read_bytes()  # the workbook as saved
    body = msg.get_body(("plain",)).get_content()
    assert "12 nci maddesinin beşinci fıkrası" in body
    texts = {}
    for name in ("Tebliğ 1.pdf", "Ek-1 1.pdf"):
        pdf = tmp_path / name
        pdf.write_bytes(parts[name].get_content())
        texts[name] = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    assert "NİZİP KAYMAKAMLIĞI" in texts["Tebliğ 1.pdf"] and "Kaymakamlığımıza" in texts["Tebliğ 1.pdf"]
    assert "arz ve rica ederim" in " ".join(texts["Tebliğ 1.pdf"].split())
    assert "RAPOR FORMU" in texts["Ek-1 1.pdf"] and "Sayfa 1 /" in texts["Ek-1 1.pdf"]
    # the province merges the saved e-mail, and a folder of them, as it merges the workbook itself
    province_book = make_book(name="il.xlsx")
    inbox = tmp_path / "gelen"
    inbox.mkdir()
    (inbox / "nizip.eml").write_bytes(eml.read_bytes())
    (inbox / "not.txt").write_text("x")
    for source in (eml, inbox):
        proc = run_cli("birlestir", str(province_book), str(source))
        assert proc.returncode == 0, proc.stdout + proc.stderr
        import openpyxl

        wb = openpyxl.load_workbook(province_book)
        meetings_sheet = [tuple(c.value for c in row) for row in wb[contract.DISTRICT_MEETINGS_SHEET].iter_rows()]
        assert any("Nizip" in str(row) for row in meetings_sheet)


def test_birlestir_says_why_a_saved_email_cannot_be_merged(make_book, tmp_path):
    from email.message import EmailMessage

    from gockurul_excel.files.sources import read_sources

    plain = EmailMessage()
    plain["Subject"] = "ek yok"
    plain.set_content("merhaba")
    (tmp_path / "bos.eml").write_bytes(bytes(plain))
    two = EmailMessage()
    two.set_content("iki kitap")
    for name in ("a.xlsx", "b.xlsx"):
        two.add_attachment(b"PK", maintype="application", subtype="octet-stream", filename=name)
    (tmp_path / "iki.eml").write_bytes(bytes(two))
    bad = EmailMessage()
    bad.set_content("bozuk kitap")
    bad.add_attachment(b"not a zip", maintype="application", subtype="octet-stream", filename="Nizip.xlsx")
    (tmp_path / "bozuk.eml").write_bytes(bytes(bad))
    found = {u.name: u.reason for u in read_sources([tmp_path / n for n in ("bos.eml", "iki.eml", "bozuk.eml")])}
    assert "Excel kitabı (.xlsx) eki yok" in found["bos.eml"]
    assert "birden çok Excel kitabı" in found["iki.eml"] and "a.xlsx" in found["iki.eml"]
    assert "Nizip.xlsx" in found["bozuk.eml"] and "değil" in found["bozuk.eml"]  # the reader's own reason


def test_gonder_refuses_a_province_book_and_a_book_without_the_province_address(make_book):
    from .conftest import run_cli

    proc = run_cli("gonder", str(make_book(name="il.xlsx")))
    assert proc.returncode == 2 and "il kurulu kitabı" in proc.stderr + proc.stdout
    book = _district_book(make_book, **{contract.S_PROVINCE_EMAIL: None})
    before = book.read_bytes()
    proc = run_cli("gonder", str(book))
    assert proc.returncode == 2 and contract.S_PROVINCE_EMAIL in proc.stderr + proc.stdout
    assert "Traceback" not in proc.stderr and book.read_bytes() == before


def test_the_button_on_a_remote_client_says_where_to_send_from_and_writes_nothing(make_book):
    """xlwings Lite / the server have no folder of the user's: the button says to use desktop Excel or the CLI."""
    from gockurul_excel import makro

    from .test_makro import remote_book

    book = remote_book(_district_book(make_book))
    message = makro.il_mudurlugune_gonder(book)
    assert "gockurul gonder" in message and "masaüstü Excel" in message
    assert "addSheet" not in {a["func"] for a in book.json()["actions"]}
    assert makro.BUTTONS["il_mudurlugune_gonder"] == "İl Müdürlüğüne Gönder"


def test_the_district_letter_sheets_print_the_time_the_formula_and_the_invitee(make_book, tmp_path):
    """The sheets as LibreOffice prints them (`gockurul pdf`): Davet 1 (held, 14.00) and Davet 2 (planned, no
    Tebliğ 2 sheet), Tebliğ 1 with its suffix and formula."""
    import openpyxl

    from .conftest import run_cli

    book = _district_book(make_book)
    for no in ("1", "2"):
        proc = run_cli("gundem", str(book), "--toplanti", no)
        assert proc.returncode == 0, proc.stderr
    assert "Tebliğ 2" not in openpyxl.load_workbook(book, read_only=True).sheetnames
    texts = {}
    for sheet in ("Davet 1", "Tebliğ 1", "Davet 2"):
        pdf = tmp_path / f"{sheet}.pdf"
        assert run_cli("pdf", str(book), "--sayfa", sheet, "--cikti", str(pdf)).returncode == 0
        raw = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        texts[sheet] = " ".join(raw.split())
    assert "Saat : 14.00" in texts["Davet 1"] and "Saat : 10.30" in texts["Davet 2"]
    for sheet, text in texts.items():
        assert "arz ve rica ederim" in text, sheet
        assert "Gaziantep Valiliğine (İl Göç İdaresi Müdürlüğü)" in text, sheet
        assert "Hakkında Genelgenin" in text and "Genelgesinin" not in text, sheet
    assert "Nizip Ticaret Odasına" in texts["Davet 1"]  # the invitee, called to the meeting
    assert "Kaymakamlığımıza bildirilmesi" in texts["Tebliğ 1"]
