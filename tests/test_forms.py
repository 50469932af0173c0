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
    assert "İMZALAR (M12(1)): kurul başkanı ve üyelerin adı, soyadı, unvanı ve imzası" in t
    # each signer: name (the chair marked) over title and institution, in one cell beside the signature cell
    signers = [s for s in t if "(Kurul Başkanı)\n" in s]
    assert len(signers) == 1 and " — " in signers[0].split("\n")[1]
    assert spec.col_widths == {1: 10, 2: 34, 3: 53}


def test_ek1_default_evaluation_is_previous_meetings_open_decisions(make_book):
    rows = clean_example_rows()
    for d in rows["Kararlar"]:
        d[10] = None  # nobody marked which meeting evaluates what
    data, m = meeting(make_book(rows=rows), "3")
    prev_open = [r for r in data.records("Kararlar") if r["Toplantı No"] == "1" and r["Durum"] in
                 rules.DECISION_OPEN]
    assert prev_open
    assert [r["Karar No"] for r in forms_mod.decisions_to_evaluate(data, m)] == [r["Karar No"] for r in prev_open]


def test_ek2_one_row_per_participant_with_empty_signature(book):
    data, m = meeting(book, "2")
    spec = forms_mod.attendance_sheet(data, m)
    t = texts(spec)
    for h in forms_mod.EK2_HEADERS:
        assert h in t
    people = [r for r in data.records("Katılımcılar") if r["Toplantı No"] == "2"]
    body = next(b for b in spec.blocks if b.col_styles and b.col_styles[-1] == "signature")
    assert len(body.values) == len(people) + forms_mod.EK2_SPARE_ROWS
    assert all(row[-1] is None for row in body.values)
    assert [row[0] for row in body.values] == list(range(1, len(people) + forms_mod.EK2_SPARE_ROWS + 1))
    for p in people:
        assert any(p["Ad-Soyad"] in str(v) for row in body.values for v in row)


def test_agenda_has_proposals_standing_items_and_first_board_duties(book):
    data, m = meeting(book, "1")
    items = [text for text, _ in forms_mod.agenda_items(data, m)]
    proposals = [r["Konu Başlığı"] for r in data.records("Gündem") if r["Toplantı No"] == "1"]
    assert items[1] == rules.AGENDA_OPENING[1]
    for p in proposals:
        assert p in items
    for _article, text in rules.AGENDA_STANDING_ITEMS:
        assert text in items
    for duty in rules.FIRST_BOARD_DUTIES:
        assert duty.label in items  # meeting 1 is the year's first board (M5(8), M5(12), M5(13), M13(2))
    data, later = meeting(book, "3")
    assert rules.FIRST_BOARD_DUTIES[1].label not in [t for t, _ in forms_mod.agenda_items(data, later)]


def test_invitation_and_cover_letter(book):
    data, m = meeting(book, "3")
    cal = build_calendar(data)
    invitation = text_of(forms_mod.invitation_sheet(data, m, cal))
    assert "15.04.2025 Salı, saat 10:00" in invitation and "Gaziantep Valiliği Toplantı Salonu" in invitation
    assert "10.04.2025" in invitation and "M11(3)" in invitation  # notified at least 5 days before
    assert "GAZİANTEP VALİLİĞİ" in invitation
    letter = text_of(forms_mod.notice_sheet(data, m, cal))
    assert "30.04.2025" in letter and "M12(2)" in letter  # within 15 days
    assert "İl Sosyal Yardımlaşma ve Dayanışma Vakfı" in letter  # responsible in decision 4


def test_subcommission_list_asil_and_yedek(book):
    data, _ = meeting(book, "1")
    t = text_of(forms_mod.subcommission_list_sheet(data, 2025))
    assert "2025 YILI ALT KOMİSYON ÜYE LİSTESİ" in t and "M5(8), M6(5)" in t
    asil = [r for r in data.records("Üyeler") if r["Görev"] == rules.ROLE_SUB_PRIMARY]
    yedek = [r for r in data.records("Üyeler") if r["Görev"] == rules.ROLE_SUB_SUBSTITUTE]
    for r in asil + yedek:
        assert r["Ad Soyad"] in t


def test_forms_written_by_cli_twice_identical_and_inputs_untouched(book):
    before = input_snapshot(book)
    for command in ("tutanak", "katilimci", "gundem"):
        assert run_cli(command, str(book), "--toplanti", "1").returncode == 0
    first = {n: [[c.value for c in r] for r in ws.iter_rows()] for n, ws in
             ((n, openpyxl.load_workbook(book)[n]) for n in ("Ek-1 1", "Ek-2 1", "Gündem 1", "Davet 1", "Tebliğ 1",
                                                             "Alt Komisyon Listesi 2025"))}
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
        rows["Kararlar"].append([100 + i, 8, f"Uzun bir karar metni {i} " + "çığ gibi büyüyen işler " * 12,
                                 "Gerekçe", "Amaç", "İl Göç İdaresi Müdürlüğü", dt.date(2025, 12, 31),
                                 "Uygulandı", None, None, None, None])
    rows["Katılımcılar"] = [p for p in rows["Katılımcılar"] if p[0] != 8]
    rows["Katılımcılar"] += [[8, i, "İl Sağlık Müdürlüğü", "Uzman", f"Katılımcı Şükrü {i}", None, "Hayır"]
                             for i in range(1, 61)]
    path = make_book(rows=rows)
    data, m = meeting(path, "8")
    ek1 = forms_mod.minutes_sheet(data, m)
    assert any(t.startswith("KARAR-40 ") for t in texts(ek1))
    long_rows = [b.row for b in ek1.blocks if any("Uzun bir karar" in str(v) for r in b.values for v in r)]
    assert all(ek1.row_heights[r] >= 30 for r in long_rows)  # wrapped text gets its height
    ek2 = forms_mod.attendance_sheet(data, m)
    assert ek2.print_setup.title_rows == (1, 3)
    assert sum(1 for t in texts(ek2) if t.startswith("Katılımcı Şükrü")) == 60


def test_formlar_writes_every_form_of_the_year_in_one_write(book):
    """`gockurul formlar`: the same Ek-1/Ek-2 sheets the per-meeting commands write, for every meeting of the
    year, by date; a meeting of another year is left out, one that cannot make a form is named."""
    import shutil

    from gockurul_excel import contract

    data = read_workbook(book)
    year = data.setting(contract.S_YEAR)
    in_year = [r for r in data.records("Toplantılar")
               if (r["Gerçekleşen Tarih"] or r["Planlanan Tarih"]) and
               (r["Gerçekleşen Tarih"] or r["Planlanan Tarih"]).year == year]
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
        assert [[c.value for c in r] for r in one[name].iter_rows()] == \
               [[c.value for c in r] for r in wb[name].iter_rows()]



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
    assert proc.returncode == 2 and "2031 yılında" in proc.stderr and "Traceback" not in proc.stderr


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
