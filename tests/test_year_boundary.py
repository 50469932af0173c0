"""KURALLAR §7, M5(12), M13(2): `gockurul devir` makes next year's workbook from this year's, and the first
meeting of the new year evaluates what was carried over.

Real files where files matter (the old workbook's bytes, the new file, LibreOffice opening it); the rules on the
workbook read back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gockurul_excel import commands, contract, rules
from gockurul_excel.core.meetings import find_meeting
from gockurul_excel.files.reader import read_workbook
from gockurul_excel.platform.documents import export_documents
from gockurul_excel.sheets import forms

from .conftest import libreoffice_convert, run_cli

D = dt.date
OLD, NEW = 2027, 2028
BOARD = rules.MeetingCategory.PROVINCE_BOARD.value
DISTRICT_BOARD = rules.MeetingCategory.DISTRICT_BOARD.value
CARRIED = contract.CARRIED_COLUMN


def province_settings(year: int = OLD) -> dict:
    return {
        contract.S_KIND: "İl",
        contract.S_PROVINCE: "Hatay",
        contract.S_YEAR: year,
        contract.S_POPULATION: 230_000,
        rules.SETTING_COAST_GUARD: "Evet",
        rules.SETTING_RESEARCH_CENTRE: "Hayır",
        rules.SETTING_REMOVAL_CENTRE: "Evet",
        rules.SETTING_TEMPORARY_SHELTER: "Hayır",
    }


def district_settings(year: int = OLD) -> dict:
    return {
        contract.S_KIND: "İlçe",
        contract.S_PROVINCE: "Hatay",
        contract.S_DISTRICT: "Reyhanlı",
        contract.S_YEAR: year,
        contract.S_POPULATION: 60_000,
        contract.S_BORDER: "Evet",
        rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Evet",
    }


def old_rows(category: str = BOARD, province: bool = True) -> dict[str, list[list]]:
    """Every kind of row `devir` carries — and every kind it leaves behind (marked 'kalır')."""
    long = D(OLD + 1, 6, 30)
    rows = {
        "Üyeler": [
            ["Valilik", "Daimi", rules.ROLE_CHAIR, "Vali", "Mustafa Masatlı", None, None, "Evet"],
            [
                "İl Sağlık Müdürlüğü",
                "Daimi",
                rules.ROLE_MEMBER,
                "Müdür",
                "Selim Aydın",
                "0326 000 00 00",
                "selim@ornek.gov.tr",
                "Evet",
            ],
            ["İl Sağlık Müdürlüğü", "Daimi", rules.ROLE_MEMBER, "Müdür", "Eski Müdür (kalır)", None, None, "Hayır"],
        ],
        "Toplantılar": [
            [
                1,
                category,
                "Olağan",
                D(OLD, 2, 15) if not province else D(OLD, 1, 18),
                D(OLD, 2, 15) if not province else D(OLD, 1, 18),
                dt.time(10),
                "Salon",
                None,
                None,
            ]
        ],
        "Sorunlar": [
            [1, 1, "Sağlık", "Tercüman eksikliği", "Tercüman alımı", "Açık"],
            [2, 1, "Eğitim", "Okul kaydı (kalır)", None, "Çözüldü"],
            [3, 1, "Kamu Düzeni", "Gerginlik riski", "Muhtarlarla toplantı", "Çözüldü"],
            [4, 1, "Diğer", "Çözülemeyen (kalır)", None, "Çözülemedi"],
        ],
        "Kararlar": [
            [
                1,
                1,
                "Tercüman alınmasına",
                "Eksiklik",
                "Erişim",
                "İl Sağlık Müdürlüğü",
                long,
                "Bekliyor",
                None,
                None,
                None,
                1,
            ],
            [
                2,
                1,
                "Muhtarlarla toplantılar yapılmasına",
                "Risk",
                "Kamu düzeni",
                "İl Emniyet Müdürlüğü; İl Jandarma Komutanlığı",
                long,
                "Devam Ediyor",
                None,
                "Sürüyor",
                1,
                3,
            ],
            [
                3,
                1,
                "Okul kayıt kampanyasına (kalır)",
                "Okullaşma",
                "Eğitim",
                "İl Milli Eğitim Müdürlüğü",
                D(OLD, 3, 31),
                "Uygulandı",
                None,
                "Yapıldı",
                1,
                2,
            ],
            [
                4,
                1,
                "Aşı ekiplerine (kalır)",
                "Aşı",
                "Sağlık",
                "İl Sağlık Müdürlüğü",
                D(OLD, 9, 30),
                "Uygulanamadı",
                "Personel yok",
                None,
                None,
                None,
            ],
            # carried into this book from 2026 already: it keeps its year of origin
            [
                4,
                "3",
                "Önceki yıldan gelen karara",
                "Gerekçe",
                "Amaç",
                "Valilik",
                long,
                "Bekliyor",
                None,
                None,
                None,
                None,
                OLD - 1,
            ],
        ],
        "Eylem Planı": [
            [
                1,
                "Eğitim",
                "Tamamlanan (kalır)",
                "İl Milli Eğitim Müdürlüğü",
                None,
                D(OLD, 1, 1),
                D(OLD, 6, 30),
                "Kayıt",
                "100",
                "120",
                "Tamamlandı",
                D(OLD, 7, 1),
            ],
            [
                2,
                "Sağlık",
                "Süren eylem",
                "İl Sağlık Müdürlüğü",
                "Kızılay; Valilik",
                D(OLD, 2, 1),
                D(OLD + 1, 6, 30),
                "Tercüman",
                "20",
                "8",
                "Devam Ediyor",
                D(OLD, 12, 1),
            ],
            [3, "Diğer", "İptal edilen (kalır)", "Valilik", None, None, None, None, None, None, "İptal", None],
            [
                4,
                "Diğer",
                "Ertelenen eylem",
                "Valilik",
                None,
                D(OLD, 5, 1),
                D(OLD, 9, 1),
                None,
                None,
                None,
                "Ertelendi",
                None,
            ],
            [5, "Diğer", "Başlamayan eylem", "Valilik", None, None, None, None, None, None, "Başlamadı", None],
        ],
        "Projeler": [
            [
                1,
                "Süren proje",
                "Valilik",
                "Ulusal",
                D(OLD - 1, 10, 1),
                "Olumlu",
                D(OLD - 1, 11, 1),
                D(OLD, 1, 10),
                D(OLD + 1, 12, 31),
                6,
                D(OLD, 7, 10),
                None,
            ],
            [
                2,
                "Nihai raporu verilmiş (kalır)",
                "Valilik",
                "Ulusal",
                D(OLD - 1, 10, 1),
                "Olumlu",
                D(OLD - 1, 11, 1),
                D(OLD, 1, 10),
                D(OLD, 10, 31),
                None,
                None,
                D(OLD, 11, 20),
            ],
            [
                3,
                "Nihai raporu beklenen proje",
                "Valilik",
                "Uluslararası",
                D(OLD - 1, 10, 1),
                "Olumlu",
                D(OLD - 1, 11, 1),
                D(OLD, 1, 10),
                D(OLD, 12, 15),
                None,
                None,
                None,
            ],
            [
                4,
                "Olumsuz görüş (kalır)",
                "Valilik",
                "Ulusal",
                D(OLD, 2, 1),
                "Olumsuz",
                D(OLD, 3, 1),
                None,
                None,
                None,
                None,
                None,
            ],
            [
                5,
                "Görüş bekleyen proje",
                "Valilik",
                "Uluslararası",
                D(OLD, 11, 1),
                "Bekliyor",
                None,
                None,
                None,
                None,
                None,
                None,
            ],
        ],
        "Katılımcılar": [[1, 1, "Valilik", "Vali", "Mustafa Masatlı", None, "Hayır"]],
        "Gündem": [[1, 1, "Açılış (kalır)", "Valilik", D(OLD, 1, 2)]],
        "Tatiller": [[D(OLD, 4, 30), "İdari izin (kalır)", "İdari İzin"]],
    }
    if province:
        rows["İlçeler"] = [["Reyhanlı", 60_000, "Evet"], ["Yayladağı", 1_500, "Evet"]]
        rows["Yıllık Rapor"] = [[OLD, "Destek (kalır)", "Sonuç (kalır)"]]
    return rows


CARRIED_ROWS = {  # what must reach the new book (by the first column: numbers kept)
    "Üyeler": ["Valilik", "İl Sağlık Müdürlüğü"],
    "Eylem Planı": ["2", "4", "5"],
    "Projeler": ["1", "3", "5"],
    "Kararlar": ["1", "2", "4"],  # 4 is the one carried from 2026; the 2027 decision 4 stays
    "Sorunlar": ["1", "3"],  # 1 open; 3 solved but named by the carried decision 2
}


def _key(header_values: dict, sheet: str) -> tuple:
    number = contract.SHEETS_BY_NAME[sheet].key[0] if sheet != "Üyeler" else "Ad Soyad"
    return header_values[number], dict.get(header_values, CARRIED)


def _devir(make_book, tmp_path, settings, rows, *extra) -> tuple[Path, Path, bytes, object]:
    old = make_book(settings=settings, rows=rows, name=f"kitap_{OLD}.xlsx")
    before = old.read_bytes()
    new = tmp_path / f"kitap_{NEW}.xlsx"
    proc = run_cli("devir", str(old), str(new), *extra)
    assert proc.returncode == 0, proc.stderr
    return old, new, before, proc


@pytest.mark.parametrize("kind", ["il", "ilce"])
def test_devir_carries_every_open_row_cell_by_cell_and_leaves_the_old_book_alone(make_book, tmp_path, kind):
    """KURALLAR §7: settings (year + 1), districts, active members with the sub-commission, open actions, running
    projects and those with reports due, open decisions and problems — each carried row equal to the old one cell
    by cell, marked with its year of origin; the old workbook's bytes unchanged."""
    province = kind == "il"
    settings = province_settings() if province else district_settings()
    rows = old_rows(BOARD if province else DISTRICT_BOARD, province)
    old, new, before, proc = _devir(make_book, tmp_path, settings, rows, "--yabanci-nufus", "240.000")
    assert old.read_bytes() == before
    assert "açık karar" in proc.stdout and "Traceback" not in proc.stderr

    old_data, new_data = read_workbook(old), read_workbook(new)
    assert new_data.template_version == contract.TEMPLATE_VERSION
    assert new_data.setting(contract.S_YEAR) == NEW and new_data.setting(contract.S_POPULATION) == 240_000
    for name in (
        contract.S_KIND,
        contract.S_PROVINCE,
        contract.S_DISTRICT,
        contract.S_BORDER,
        rules.SETTING_COAST_GUARD,
        rules.SETTING_REMOVAL_CENTRE,
        rules.SETTING_DISTRICT_MIGRATION_OFFICE,
    ):
        assert new_data.setting(name) == old_data.setting(name), name
    if province:
        assert [r["İlçe"] for r in new_data.records("İlçeler")] == ["Reyhanlı", "Yayladağı"]
    for sheet, wanted in CARRIED_ROWS.items():
        got = new_data.records(sheet)
        first = contract.SHEETS_BY_NAME[sheet].columns[0].header
        assert sorted(str(r[first]) for r in got) == sorted(wanted), sheet
        olds = {_key(r, sheet): r for r in old_data.records(sheet)}
        for r in got:
            year = dict.get(r, CARRIED)
            if sheet in contract.CARRIED_SHEETS:
                assert year in (OLD, OLD - 1), (sheet, r.row)  # marked with where it came from
                source = olds[(_key(r, sheet)[0], None if year == OLD else year)]
            else:
                source = olds[_key(r, sheet)]
            for header, value in source.items():
                if header in ("Değerlendiren Toplantı No", "Değerlendirme"):
                    assert r[header] is None  # a meeting of the old book and what it said (M5(12): evaluated anew)
                elif header != CARRIED:
                    assert r[header] == value, (sheet, header)
    for sheet in ("Toplantılar", "Gündem", "Katılımcılar", "Tatiller", "Veri Paylaşımı", "Yıllık Rapor"):
        assert new_data.records(sheet) == [], sheet
    # the new book is clean where the carry-over could have broken it: keys and references
    found = commands.check(new_data, D(NEW, 1, 5)).payload
    assert not [f for f in found if f.rule in ("Şablon", "M12(1)", "Ek-1", "M5(7)") and f.sheet != "Ayarlar"]


def test_devir_refuses_an_existing_target_unless_told_and_then_backs_it_up(make_book, tmp_path):
    old = make_book(settings=province_settings(), rows=old_rows(), name="eski.xlsx")
    target = tmp_path / "yeni.xlsx"
    target.write_bytes(b"ofisin dosyasi")
    proc = run_cli("devir", str(old), str(target))
    assert proc.returncode == 2 and "--uzerine-yaz" in proc.stderr and target.read_bytes() == b"ofisin dosyasi"
    proc = run_cli("devir", str(old), str(old), "--uzerine-yaz")
    assert proc.returncode == 2 and "devredilen kitabın kendisi" in proc.stderr
    proc = run_cli("devir", str(old), str(target), "--uzerine-yaz")
    assert proc.returncode == 0, proc.stderr
    assert read_workbook(target).setting(contract.S_YEAR) == NEW
    backups = list((tmp_path / "Yedekler").iterdir())
    assert [b.read_bytes() for b in backups] == [b"ofisin dosyasi"]


def test_devir_again_with_nothing_changed_writes_nothing(make_book, tmp_path):
    """The same carry-over twice (`--uzerine-yaz`): only the save time in docProps/core.xml would differ, so the
    file is left as it was and no backup is made ("içerik değişmiyorsa hiç yazmaz")."""
    import time

    old = make_book(settings=province_settings(), rows=old_rows(), name="eski.xlsx")
    target = tmp_path / "yeni.xlsx"
    assert run_cli("devir", str(old), str(target)).returncode == 0
    first = target.read_bytes()
    time.sleep(1.1)  # a second later: another save time
    proc = run_cli("devir", str(old), str(target), "--uzerine-yaz")
    assert proc.returncode == 0, proc.stderr
    assert target.read_bytes() == first and not (tmp_path / "Yedekler").exists()


def test_devir_output_opens_in_libreoffice(make_book, tmp_path):
    """The new workbook is a real one: LibreOffice opens and saves it, and the carried rows read back the same."""
    _, new, _, _ = _devir(make_book, tmp_path, province_settings(), old_rows())
    converted = read_workbook(libreoffice_convert(new, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo"))
    original = read_workbook(new)
    assert converted.setting(contract.S_YEAR) == NEW
    for sheet in contract.CARRIED_SHEETS:
        assert [dict(r) for r in converted.records(sheet)] == [dict(r) for r in original.records(sheet)], sheet


def test_the_carried_key_never_clashes_with_a_new_number(memory_book):
    """A new decision 1 of 2028 beside the decision 1 carried from 2027: two rows, no duplicate key; a second
    row carried from 2027 with number 1 is one."""
    rows = {
        "Kararlar": [
            [1, 1, "Yeni", "G", "A", "Valilik", D(NEW, 6, 1), "Bekliyor"],
            [1, 1, "Devreden", "G", "A", "Valilik", D(NEW, 6, 1), "Bekliyor", None, None, None, None, OLD],
        ]
    }
    dupes = lambda data: [f for f in commands.check(data, D(NEW, 1, 5)).payload if "birden çok" in f.message]  # noqa: E731
    assert dupes(memory_book(settings=province_settings(NEW), rows=rows)) == []
    rows["Kararlar"].append(list(rows["Kararlar"][1]))
    found = dupes(memory_book(settings=province_settings(NEW), rows=rows))
    assert [(f.sheet, f.cell) for f in found] == [("Kararlar", "A4")] and f"Devreden Yıl {OLD}" in found[0].message


# --- the first meeting of the new year ------------------------------------------------------------------


def _new_year(tmp_path, make_book, province: bool = True, evaluated: bool | None = None):
    """The carried book with its first board (held on 17 January 2028 when `evaluated` is not None): with the
    carried decisions evaluated there, or not."""
    settings = province_settings() if province else district_settings()
    _, new, _, _ = _devir(make_book, tmp_path, settings, old_rows(BOARD if province else DISTRICT_BOARD, province))
    data = read_workbook(new)

    def cell(value):
        return "; ".join(value) if isinstance(value, list) else value

    rows = {
        name: [[cell(dict.get(r, c.header)) for c in contract.SHEETS_BY_NAME[name].columns] for r in data.records(name)]
        for name in contract.SHEETS_BY_NAME
    }
    day = D(NEW, 1, 17) if province else D(NEW, 2, 21)
    held = day if evaluated is not None else None
    rows["Toplantılar"] = [
        [1, BOARD if province else DISTRICT_BOARD, "Olağan", day, held, dt.time(10), "Salon", None, None]
    ]
    if evaluated:
        column = [c.header for c in contract.SHEETS_BY_NAME["Kararlar"].columns].index("Değerlendiren Toplantı No")
        for r in rows["Kararlar"]:
            r[column] = 1
    settings = {s: data.setting(s) for s in data.settings}
    return make_book(settings=settings, rows=rows, name=f"ilk_kurul_{evaluated}.xlsx")


def test_first_board_agenda_and_ek1_evaluate_last_years_decisions(make_book, tmp_path):
    """M5(12), M13(2): the agenda of the year's first board lists the evaluation of the carried decisions (with
    their numbers) and the approval of last year's Ek-3; its Ek-1 item 8 evaluates them."""
    data = read_workbook(_new_year(tmp_path, make_book))
    m = find_meeting(data, "1")
    items = [text for text, _ in forms.agenda_items(data, m)]
    evaluation = next(t for t in items if t.startswith(rules.FIRST_BOARD_DUTIES[0].agenda))
    assert f"4 ({OLD - 1}), 1 ({OLD}), 2 ({OLD})" in evaluation
    assert rules.FIRST_BOARD_DUTIES[1].agenda in items  # M13(2)
    sheet = forms.minutes_sheet(data, m)
    texts = [str(v) for b in sheet.blocks for row in b.values for v in row if v is not None]
    assert any("bir önceki yılda alınan kararların değerlendirilmesi (Genelge m. 5/12)" in t for t in texts)
    for label in (
        f"Karar 1 ({OLD} yılından devreden, toplantı 1):",
        f"Karar 4 ({OLD - 1} yılından devreden, toplantı 3):",
    ):
        assert label in texts
    assert "Değerlendirilecek önceki karar yok." not in texts


def test_district_first_board_has_only_the_m5_12_duty(make_book, tmp_path):
    data = read_workbook(_new_year(tmp_path, make_book, province=False))
    items = [text for text, _ in forms.agenda_items(data, find_meeting(data, "1"))]
    assert any(t.startswith(rules.FIRST_BOARD_DUTIES[0].agenda) for t in items)
    assert not any(duty.agenda in items for duty in rules.FIRST_BOARD_DUTIES[1:])
    evs = commands.calendar(data, D(NEW, 1, 5)).payload.schedule.events
    assert {e.article for e in evs if e.kind == "ilk_kurul"} == {"M5(12)"}


@pytest.mark.parametrize("evaluated", [None, False, True])
def test_kontrol_reports_carried_decisions_not_evaluated_once_the_first_board_is_held(make_book, tmp_path, evaluated):
    """M5(12): before the first board is held nothing is reported; held without the evaluation, each carried
    decision is (warning on its 'Değerlendiren Toplantı No'); held with it, none."""
    data = read_workbook(_new_year(tmp_path, make_book, evaluated=evaluated))
    found = [f for f in commands.check(data, D(NEW, 1, 24)).payload if f.rule == rules.CARRIED_EVALUATION_ARTICLE]
    if evaluated is False:
        assert len(found) == 3 and all(
            f.level == "uyari" and f.sheet == "Kararlar" and f.cell.startswith("K") for f in found
        )
        assert any(f"{OLD - 1} yılından devreden" in f.message for f in found)
    else:
        assert found == []


def test_the_platform_document_carries_the_evaluation(make_book, tmp_path):
    data = read_workbook(_new_year(tmp_path, make_book, evaluated=True))
    doc = export_documents(data)[f"hatay-{NEW}-toplanti-1.json"]
    listed = [(d["karar_no"], d["toplanti_no"]) for d in doc["onceki_kararlarin_degerlendirmesi"]]
    assert listed == [(f"{OLD - 1}/4", f"{OLD - 1}/3"), (f"{OLD}/1", f"{OLD}/1"), (f"{OLD}/2", f"{OLD}/1")]
    assert doc["kararlar"] == []  # carried decisions were not taken at this meeting


def test_a_new_decision_names_a_carried_problem_with_its_year(memory_book):
    """Sorun No "2027/1" names the problem carried from 2027; a plain 1 names this year's problem 1."""
    rows = {
        "Toplantılar": [[1, BOARD, "Olağan", D(NEW, 1, 17), D(NEW, 1, 17), dt.time(10), "Salon"]],
        "Sorunlar": [[1, 1, "Sağlık", "Devreden sorun", None, "Açık", OLD]],
        "Kararlar": [[1, 1, "Yeni karar", "G", "A", "Valilik", D(NEW, 6, 1), "Bekliyor", None, None, None, f"{OLD}/1"]],
    }
    refs = lambda data: [f for f in commands.check(data, D(NEW, 1, 20)).payload if "Sorun No" in f.message]  # noqa: E731
    assert refs(memory_book(settings=province_settings(NEW), rows=rows)) == []
    rows["Kararlar"][0][11] = 1
    assert [(f.rule, f.cell) for f in refs(memory_book(settings=province_settings(NEW), rows=rows))] == [("Ek-1", "L2")]


def test_guncelle_adds_the_year_boundary_columns_to_an_older_book(make_book):
    path = make_book(settings=province_settings(), rows=old_rows(), version="1.2")
    proc = run_cli("guncelle", str(path))
    assert proc.returncode == 0, proc.stderr
    for sheet in contract.CARRIED_SHEETS:
        assert f"'{sheet}' sayfasına '{CARRIED}' sütunu eklendi" in proc.stdout
    assert f"'{contract.ACTION_PLAN_UPDATE_COLUMN}' sütunu eklendi" in proc.stdout
    data = read_workbook(path)
    assert data.template_version == contract.TEMPLATE_VERSION
    assert all(data.table(s).has(CARRIED) for s in contract.CARRIED_SHEETS)
    assert all(r[CARRIED] is None for r in data.records("Kararlar"))
