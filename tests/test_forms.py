"""Ek-1, Ek-2, agenda, invitation, cover letter, sub-commission list: content from the workbook."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from gockurul_excel import rules
from gockurul_excel.core import meetings
from gockurul_excel.core.schedule import build_calendar
from gockurul_excel.files.reader import read_workbook
from gockurul_excel.sheets import forms as forms_mod
from gockurul_excel.sheets import letters

from .conftest import clean_example_rows, input_snapshot, run_cli


def texts(spec) -> list[str]:
    out = []
    for b in sorted(spec.blocks, key=lambda b: (b.row, b.col)):
        for row in b.values:
            out += [v if isinstance(v, str) else str(v) for v in row if v is not None]
    return out


def text_of(spec) -> str:
    return "\n".join(texts(spec))


@pytest.fixture
def book(make_book):
    return make_book()


def meeting(path, no):
    data = read_workbook(path)
    return data, meetings.find_meeting(data, no)


def test_ek1_items_and_decisions(book):
    data, m = meeting(book, "6")
    spec = forms_mod.minutes_sheet(data, m)
    t = texts(spec)
    joined = "\n".join(t)
    for label in forms_mod.EK1_ITEMS:
        assert label in t
    assert "İl Göç Koordinasyon Kurulu" in t and "Gaziantep" in t
    participants = [r for r in data.records("Katılımcılar") if r["Toplantı No"] == "6"]
    assert str(len(participants)) in t  # item 4, counted from Katılımcılar
    decided = [r for r in data.records("Kararlar") if r["Toplantı No"] == "6"]
    assert decided
    for r in decided:
        assert r["Alınan Karar"] in t and r["Karar Gerekçesi"] in t and r["Amaç"] in t
        assert "; ".join(r["Sorumlu Kurum ve Kuruluşlar"]) in t
        assert f"{r['Verilen Süre']:%d.%m.%Y}" in t
    # item 8: the evaluation of earlier decisions comes before KARAR-1
    evaluation = joined.index("Bir önceki kurulda alınan kararların değerlendirilmesi")
    assert evaluation < joined.index("KARAR-1") < joined.index(f"KARAR-{len(decided)}")
    evaluated = [r for r in data.records("Kararlar") if r["Değerlendiren Toplantı No"] == "6"]
    for r in evaluated:
        assert joined.index(f"Karar {r['Karar No']} (toplantı") < joined.index("KARAR-1")
    assert "İMZALAR: kurul başkanı ve üyelerin adı, soyadı, unvanı ve imzası" in t
    # each signer: name (the chair marked) over title and institution, in one cell beside the signature cell
    signers = [s for s in t if "(Kurul Başkanı)\n" in s]
    assert len(signers) == 1 and " — " in signers[0].split("\n")[1]
    assert spec.col_widths == {1: 10, 2: 34, 3: 53}


def test_ek1_default_evaluation_is_previous_meetings_open_decisions(make_book):
    rows = clean_example_rows()
    for d in rows["Kararlar"]:
        d[10] = None  # nobody marked which meeting evaluates what
    data, m = meeting(make_book(rows=rows), "3")
    prev_open = [r for r in data.records("Kararlar") if r["Toplantı No"] == "1" and r["Durum"] in rules.DECISION_OPEN]
    assert prev_open
    assert [r["Karar No"] for r in forms_mod.decisions_to_evaluate(data, m)] == [r["Karar No"] for r in prev_open]


def test_ek2_one_row_per_participant_with_empty_signature(book):
    data, m = meeting(book, "2")
    spec = forms_mod.attendance_sheet(data, m)
    t = texts(spec)
    for h in forms_mod.EK2_HEADERS:
        assert h in t
    people = [r for r in data.records("Katılımcılar") if r["Toplantı No"] == "2"]
    body = [row for b in spec.blocks if b.col_styles and b.col_styles[-1] == "signature" for row in b.values]
    # a held meeting: as many rows as there were participants (KURALLAR §5), over pages, the heading on each
    assert m.record["Gerçekleşen Tarih"]
    assert len(body) == len(people)
    assert all(row[-1] is None for row in body)
    assert [row[0] for row in body] == list(range(1, len(people) + 1))
    for p in people:
        assert any(p["Ad-Soyad"] in str(v) for row in body for v in row)
    rows = [
        b.row + i for b in spec.blocks if b.col_styles and b.col_styles[-1] == "signature" for i in range(len(b.values))
    ]
    # room for a wet signature: at least 10 mm on paper at the sheet's print scale
    from gockurul_excel.sheets.formsheet import LIBREOFFICE_WIDTH_SPREAD, PT_PER_MM, fit_scale

    scale = fit_scale(list(spec.col_widths.values()), spec.print_setup, LIBREOFFICE_WIDTH_SPREAD)
    assert min(spec.row_heights[r] for r in rows) * scale >= 10 * PT_PER_MM


def test_agenda_has_proposals_standing_items_and_first_board_duties(book):
    data, m = meeting(book, "1")
    agenda = forms_mod.agenda_items(data, m)
    items = [text for text, _ in agenda]
    proposals = [r for r in data.records("Gündem") if r["Toplantı No"] == "1"]
    # the year's first board: the previous board is last year's, M5(7) and M5(12) are one item (M5(12)'s wording)
    assert items[1] == rules.FIRST_BOARD_DUTIES[0].agenda and "5/7, 5/12" in agenda[1][1]
    standing = rules.agenda_standing_items(data.board_kind)
    articles = [a for a, _ in (rules.AGENDA_OPENING, *standing)]
    for p in proposals:  # each proposal is an item of its own or named beside the standing item it restates
        if forms_mod.restated_item(p["Konu Başlığı"], articles) is None:
            assert p["Konu Başlığı"] in items
        else:
            assert p["Konu Başlığı"] not in items
            assert any(p["Öneren Kurum"] in source for _, source in agenda)
    for article, text in standing:
        assert text in items or any(d.joins == article and d.agenda in items for d in rules.FIRST_BOARD_DUTIES)
    for duty in rules.FIRST_BOARD_DUTIES:
        assert duty.agenda in items  # meeting 1 is the year's first board (M5(8), M5(12), M5(13), M13(2))
    data, later = meeting(book, "3")
    assert rules.FIRST_BOARD_DUTIES[1].agenda not in [t for t, _ in forms_mod.agenda_items(data, later)]


def test_agenda_lists_a_restated_standing_item_once_with_its_proposer(book):
    """Gündem 3 had four pairs (M5(7), M10(4), M10(6), M10(7)): each topic is one item, its proposer named."""
    data, m = meeting(book, "3")
    agenda = forms_mod.agenda_items(data, m)
    items = [text for text, _ in agenda]
    assert len(items) == len(set(items))
    from gockurul_excel.core.parse import ascii_fold

    for phrase in ("onceki kurul", "eylem plan", "yerel veri", "ilce goc koordinasyon kurullarindan"):
        assert sum(phrase in ascii_fold(t) for t in items) == 1, phrase
    proposals = {r["Konu Başlığı"]: r["Öneren Kurum"] for r in data.records("Gündem") if r["Toplantı No"] == "3"}
    plan = next(source for text, source in agenda if text == "Yerel Uyum Eylem Planının görüşülmesi")
    assert proposals["Yerel Uyum Eylem Planı izleme sonuçları"] in plan and "Genelge m. 10/4" in plan
    assert "Alt Komisyon raporunun sunulması" in items  # not a standing item of the board: stays a proposal
    # Ek-1 item 5 lists what the agenda lists
    t = texts(forms_mod.minutes_sheet(data, m))
    numbered = [x for x in t if x[:1].isdigit() and ". " in x[:4]]
    assert [x.split(". ", 1)[1] for x in numbered[: len(items)]] == items


def test_restated_item_is_the_rule_of_the_words():
    standing = ["M5(7)", "M10(4)", "M10(5)", "M10(9)"]
    assert forms_mod.restated_item("Eylem Planı izleme sonuçları", standing) == "M10(4)"
    assert forms_mod.restated_item("Bir önceki kurul kararlarının değerlendirilmesi", standing) == "M5(7)"
    assert forms_mod.restated_item("Mahallelerde sosyal gerginlik", standing) == "M10(9)"
    assert forms_mod.restated_item("Düzensiz göçle mücadelede ortak denetimler", standing) is None
    assert forms_mod.restated_item(None, standing) is None


def test_invitation_and_cover_letter(book):
    data, m = meeting(book, "3")
    cal = build_calendar(data)
    invitation = letters.invitation_letter(data, m, cal)
    printed = invitation.printed_text()
    assert "15.04.2025 Salı" in printed and "10.00" in printed and "Gaziantep Valiliği Toplantı Salonu" in printed
    assert "11 inci maddesinin üçüncü fıkrası" in printed and "9 uncu maddesinin ikinci fıkrası" in printed
    assert "M11(3)" not in printed and "Bu yazının" not in printed and "KURALLAR" not in printed
    assert "GAZİANTEP VALİLİĞİ" in printed and invitation.unit == "İl Göç İdaresi Müdürlüğü"
    assert any("10.04.2025" in n for n in invitation.notes)  # the deadline stays on screen (M11(3))
    assert "Valilik" not in invitation.action and "İl Göç İdaresi Müdürlüğü" not in invitation.action
    # an invitee (M4(4)) is asked to attend: under Gereği (KURALLAR §5); the Presidency, through its Ministry, informed
    assert "Gaziantep Ticaret Odası" in invitation.action and "Gaziantep Ticaret Odası" not in invitation.info
    assert invitation.info == ["İçişleri Bakanlığı (Göç İdaresi Başkanlığı)"]
    assert invitation.signer == "Seda AKSOY" and invitation.signer_title == ["Vali a.", "Vali Yardımcısı"]
    from gockurul_excel import contract, example
    from gockurul_excel.core.model import workbook_from_rows

    unsigned = {**example.example_settings(), contract.S_SIGNER: None, contract.S_SIGNER_TITLE: None}
    data2 = workbook_from_rows(unsigned, clean_example_rows())
    chair = letters.invitation_letter(data2, meetings.find_meeting(data2, "3"), cal)
    assert chair.signer == "Kemal ÇEBER" and chair.signer_title == ["Vali"]  # no signer set: the chair signs
    letter = letters.notice_letter(data, m, cal)
    assert any("30.04.2025" in n for n in letter.notes)  # within 15 days (M12(2))
    assert "12 nci maddesinin ikinci fıkrası" in letter.printed_text()
    assert "İl Sosyal Yardımlaşma ve Dayanışma Vakfı" in letter.action  # responsible in decision 4
    assert letter.date == dt.date(2025, 4, 22)  # the recorded Tutanak Tebliğ Tarihi
    sheet = letters.letter_sheet(invitation)
    area_cols = sheet.print_setup.area.split(":")[1]
    assert area_cols.startswith("D") and any(b.col > 4 for b in sheet.blocks)  # notes outside the print area


def test_subcommission_notice_is_not_a_board_minutes_letter(book):
    data, m = meeting(book, "2")
    letter = letters.notice_letter(data, m, build_calendar(data))
    text = letter.printed_text()
    assert "Kurul başkanı ve üyelerince" not in text and "kurul başkanı ve üyelerince" not in text
    assert "12 nci maddesinin altıncı fıkrası" in text
    assert letter.signer_title and "İl Göç İdaresi Müdürlüğü" not in letter.action


def test_district_letter_header_and_empty_distribution_warning(make_book):
    from gockurul_excel import commands
    from gockurul_excel.core.model import workbook_from_rows

    data = workbook_from_rows(
        {"Kurul Türü": "İlçe", "İl": "Gaziantep", "İlçe": "Nizip", "Yıl": 2025, "Yabancı Nüfusu": 2001},
        {
            "Toplantılar": [
                [
                    1,
                    rules.MeetingCategory.DISTRICT_BOARD.value,
                    "Olağan",
                    dt.date(2025, 2, 17),
                    None,
                    dt.time(10),
                    "Kaymakamlık",
                ]
            ]
        },
    )
    m = meetings.find_meeting(data, "1")
    letter = letters.invitation_letter(data, m, build_calendar(data))
    assert letter.authority == "NİZİP KAYMAKAMLIĞI" and letter.unit is None  # no "Kaymakamlık" line under it
    # M11(3): the İl Göç İdaresi Müdürlüğü takes part in every district board, named with its authority
    assert letter.action == ["Gaziantep Valiliği (İl Göç İdaresi Müdürlüğü)"]
    assert letter.signer == letters.PLACEHOLDER_SIGNER
    outcome = commands.agenda(data, "1")
    assert "İmzalayan belli değil" in outcome.message
    data = workbook_from_rows(
        {"Kurul Türü": "İl", "İl": "Gaziantep", "Yıl": 2025, "Yabancı Nüfusu": 5000},
        {
            "Toplantılar": [
                [
                    1,
                    rules.MeetingCategory.SUBCOMMISSION.value,
                    "Olağan",
                    dt.date(2025, 6, 2),
                    None,
                    dt.time(10),
                    "Salon",
                ]
            ]
        },
    )
    outcome = commands.agenda(data, "1")
    assert "Dağıtım listesi boş" in outcome.message


def test_subcommission_list_asil_and_yedek(book):
    data, _ = meeting(book, "1")
    t = text_of(forms_mod.subcommission_list_sheet(data, 2025))
    assert "2025 YILI ALT KOMİSYON ÜYE LİSTESİ" in t and "Genelge m. 5/8, 6/5" in t
    asil = [r for r in data.records("Üyeler") if r["Görev"] == rules.ROLE_SUB_PRIMARY]
    yedek = [r for r in data.records("Üyeler") if r["Görev"] == rules.ROLE_SUB_SUBSTITUTE]
    for r in asil + yedek:
        assert r["Ad Soyad"] in t


def test_forms_written_by_cli_twice_identical_and_inputs_untouched(book):
    before = input_snapshot(book)
    for command in ("tutanak", "katilimci", "gundem"):
        assert run_cli(command, str(book), "--toplanti", "1").returncode == 0
    first = {
        n: [[c.value for c in r] for r in ws.iter_rows()]
        for n, ws in (
            (n, openpyxl.load_workbook(book)[n])
            for n in ("Ek-1 1", "Ek-2 1", "Gündem 1", "Davet 1", "Tebliğ 1", "Alt Komisyon Listesi 2025")
        )
    }
    for command in ("tutanak", "katilimci", "gundem"):
        assert run_cli(command, str(book), "--toplanti", "1").returncode == 0
    wb = openpyxl.load_workbook(book)
    for name, values in first.items():
        assert [[c.value for c in r] for r in wb[name].iter_rows()] == values
        assert wb.sheetnames.count(name) == 1
    assert input_snapshot(book) == before
    ws = wb["Ek-1 1"]
    assert ws.print_title_rows == "$1:$2" and ws.page_setup.orientation == "portrait"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_area


def test_unknown_meeting_is_a_clear_error(book):
    proc = run_cli("tutanak", str(book), "--toplanti", "99")
    assert proc.returncode == 2 and "Toplantı 99" in proc.stderr and "Traceback" not in proc.stderr


def test_sheet_names_are_made_valid():
    assert forms_mod.sheet_name("Ek-1 ", "2025/3") == "Ek-1 2025-3"
    assert len(forms_mod.sheet_name("Alt Komisyon Listesi ", "2025" * 10)) == 31


def test_big_meeting_prints_with_repeated_titles(make_book):
    """40 decisions and 60 participants: row heights set, title rows repeated on every page."""
    rows = clean_example_rows()
    rows["Kararlar"] = [d for d in rows["Kararlar"] if d[1] != 8]
    for i in range(40):
        rows["Kararlar"].append(
            [
                100 + i,
                8,
                f"Uzun bir karar metni {i} " + "çığ gibi büyüyen işler " * 12,
                "Gerekçe",
                "Amaç",
                "İl Göç İdaresi Müdürlüğü",
                dt.date(2025, 12, 31),
                "Uygulandı",
                None,
                None,
                None,
                None,
            ]
        )
    rows["Katılımcılar"] = [p for p in rows["Katılımcılar"] if p[0] != 8]
    rows["Katılımcılar"] += [
        [8, i, "İl Sağlık Müdürlüğü", "Uzman", f"Katılımcı Şükrü {i}", None, "Hayır"] for i in range(1, 61)
    ]
    path = make_book(rows=rows)
    data, m = meeting(path, "8")
    ek1 = forms_mod.minutes_sheet(data, m)
    assert any(t.startswith("KARAR-40 ") for t in texts(ek1))
    long_rows = [b.row for b in ek1.blocks if any("Uzun bir karar" in str(v) for r in b.values for v in r)]
    assert all(ek1.row_heights[r] >= 30 for r in long_rows)  # wrapped text gets its height
    ek2 = forms_mod.attendance_sheet(data, m)
    assert ek2.print_setup.title_rows == (1, 2)
    assert ek2.print_setup.row_breaks  # 65 rows of 11 mm take pages; each page starts with the heading again
    headings = [b.row for b in ek2.blocks if b.style == "header"]
    assert len(headings) == len(ek2.print_setup.row_breaks) + 1
    assert all(r - 1 in ek2.print_setup.row_breaks for r in headings[1:])
    assert sum(1 for t in texts(ek2) if t.startswith("Katılımcı Şükrü")) == 60
    # Unpaginated (an Office.js client's book): the heading once, no row break, the same 60 participants; only the
    # repeated headings' texts are gone.
    flat = forms_mod.attendance_sheet(data, m, paginate=False)
    assert flat.print_setup.row_breaks == [] and [b.row for b in flat.blocks if b.style == "header"] == headings[:1]
    assert sum(1 for t in texts(flat) if t.startswith("Katılımcı Şükrü")) == 60
    assert len(texts(flat)) == len(texts(ek2)) - (len(headings) - 1) * len(
        next(b for b in ek2.blocks if b.style == "header").values[0]
    )


def test_formlar_writes_every_form_of_the_year_in_one_write(book):
    """`gockurul formlar`: the same Ek-1/Ek-2 sheets the per-meeting commands write, for every meeting of the
    year, by date; a meeting of another year is left out, one that cannot make a form is named."""
    import shutil

    from gockurul_excel import contract

    data = read_workbook(book)
    year = data.setting(contract.S_YEAR)
    in_year = [
        r
        for r in data.records("Toplantılar")
        if (r["Gerçekleşen Tarih"] or r["Planlanan Tarih"])
        and (r["Gerçekleşen Tarih"] or r["Planlanan Tarih"]).year == year
    ]
    assert len(in_year) >= 3
    single = book.with_name("tek.xlsx")
    shutil.copyfile(book, single)
    before = input_snapshot(book)
    proc = run_cli("formlar", str(book))
    assert proc.returncode == 0, proc.stderr
    assert f"{len(in_year)} toplantının Ek-1 ve Ek-2 formu yazıldı ({2 * len(in_year)} sayfa)" in proc.stdout
    wb = openpyxl.load_workbook(book)
    order = sorted(in_year, key=lambda r: (r["Gerçekleşen Tarih"] or r["Planlanan Tarih"], r.row))
    written = [n for n in wb.sheetnames if n.startswith(("Ek-1 ", "Ek-2 "))]
    assert written == [f"Ek-{k} {r['Toplantı No']}" for r in order for k in (1, 2)]
    assert input_snapshot(book) == before
    for command in ("tutanak", "katilimci"):  # the per-meeting commands write the same sheets
        assert run_cli(command, str(single), "--toplanti", order[0]["Toplantı No"]).returncode == 0
    one = openpyxl.load_workbook(single)
    for name in (f"Ek-1 {order[0]['Toplantı No']}", f"Ek-2 {order[0]['Toplantı No']}"):
        assert [[c.value for c in r] for r in one[name].iter_rows()] == [
            [c.value for c in r] for r in wb[name].iter_rows()
        ]


def test_formlar_names_a_meeting_it_cannot_form_and_refuses_an_empty_year(make_book):
    from gockurul_excel import commands

    rows = clean_example_rows()
    bad = rows["Toplantılar"][0]
    bad[1] = "Kurultay"  # not a category: no form can say what board met
    path = make_book(rows=rows)
    outcome = commands.year_forms(read_workbook(path))
    specs, skipped = outcome.specs, outcome.payload
    assert len(skipped) == 1 and f"Toplantı {bad[0]}" in skipped[0] and "Kurultay" in skipped[0]
    assert f"Ek-1 {bad[0]}" not in {s.name for s in specs} and specs
    proc = run_cli("formlar", str(path))
    assert proc.returncode == 0 and "Atlandı:" in proc.stdout and "Kurultay" in proc.stdout
    proc = run_cli("formlar", str(path), "--yil", "2031")
    # KURALLAR §7: another year than the book's is refused, naming both, never an empty set of forms
    assert proc.returncode == 2 and "2031 yılı istendi" in proc.stderr and "2025 yılının kitabı" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_formlar_never_lets_two_meetings_share_a_sheet(make_book):
    """'5/1' and '5-1' (or 'a' and 'A') would both be 'Ek-1 5-1': the later one is named, not written over."""
    from gockurul_excel import commands

    rows = clean_example_rows()
    first, second = rows["Toplantılar"][0], rows["Toplantılar"][1]
    old_first, old_second = first[0], second[0]
    first[0], second[0] = "5/1", "5-1"
    for sheet in ("Gündem", "Sorunlar", "Kararlar", "Katılımcılar"):
        key = 0 if sheet in ("Gündem", "Katılımcılar") else 1
        for r in rows[sheet]:
            r[key] = {old_first: "5/1", old_second: "5-1"}.get(r[key], r[key])
    path = make_book(rows=rows)
    outcome = commands.year_forms(read_workbook(path))
    specs, skipped = outcome.specs, outcome.payload
    names = [s.name.casefold() for s in specs]
    assert len(names) == len(set(names)) and "ek-1 5-1" in names
    assert any("Toplantı 5-1" in why and "Toplantı 5/1" in why for why in skipped), skipped
