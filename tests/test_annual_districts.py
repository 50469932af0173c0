"""Ek-3 of a province covers its district boards (M13(1): "İl ve İlçe Göç Koordinasyon Kurulları"; KURALLAR §5):
before the districts' workbooks are merged it says so, naming the districts that must hold boards; after
`birlestir` items 2–4 carry the district boards' meetings, problems, decisions and unresolved items, and the
platform's annual document the same. A province of 2033 (not used elsewhere), in memory.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gockurul_excel import commands, contract, rules
from gockurul_excel.core.merge import incoming_from_workbook
from gockurul_excel.core.model import workbook_from_rows
from gockurul_excel.platform.documents import export_documents
from gockurul_excel.sheets import annual_report

from .test_commands_pure import rows_of

D = dt.date
YEAR = 2033
BOARD, DISTRICT_BOARD = rules.MeetingCategory.PROVINCE_BOARD.value, rules.MeetingCategory.DISTRICT_BOARD.value


def province_book(state=None):
    settings = {
        contract.S_KIND: "İl",
        contract.S_PROVINCE: "Mardin",
        contract.S_YEAR: YEAR,
        contract.S_POPULATION: 90_000,
    }
    rows = {
        "İlçeler": [["Kızıltepe", 12_000, "Evet"], ["Nusaybin", 2_000, "Evet"], ["Savur", 300, "Hayır"]],
        "Toplantılar": [
            [1, BOARD, "Olağan", D(YEAR, 1, 17), D(YEAR, 1, 17), dt.time(10), "Valilik"],
            # planned and never held: not a meeting of the year (KURALLAR §5)
            [2, BOARD, "Ek", D(YEAR, 11, 20), None, dt.time(14), "Valilik"],
        ],
        "Sorunlar": [[1, 1, "Eğitim", "İl sorunu", None, "Açık"]],
        "Kararlar": [[1, 1, "İl kararı", "G", "A", "Valilik", D(YEAR, 6, 1), "Bekliyor", None, None, None, 1]],
        "Yıllık Rapor": [[YEAR, "Destek", "Sonuç"]],
    }
    return workbook_from_rows(settings, rows, state=state, path=Path("mardin.xlsx"))


def kiziltepe():
    settings = {
        contract.S_KIND: "İlçe",
        contract.S_PROVINCE: "Mardin",
        contract.S_DISTRICT: "Kızıltepe",
        contract.S_YEAR: YEAR,
        contract.S_POPULATION: 12_000,
        contract.S_BORDER: "Evet",
    }
    rows = {
        "Toplantılar": [
            [1, DISTRICT_BOARD, "Olağan", D(YEAR, 2, 21), D(YEAR, 2, 21), dt.time(10), "Kaymakamlık"],
            [2, DISTRICT_BOARD, "Olağan", D(YEAR, 8, 22), D(YEAR, 8, 22), dt.time(10), "Kaymakamlık"],
            [3, DISTRICT_BOARD, "Ek", D(YEAR, 11, 14), None, dt.time(14), "Kaymakamlık"],
        ],
        "Sorunlar": [
            [1, 1, "Sağlık", "İlçede tercüman eksikliği", "Tercüman", "Çözülemedi"],
            [2, 2, "Kamu Düzeni", "Sınır kapısında yoğunluk", None, "Çözüldü"],
            [1, 1, "Diğer", "Geçen yıldan gelen sorun", None, "Açık", YEAR - 1],
        ],
        "Kararlar": [
            [
                1,
                1,
                "Tercüman istenmesine",
                "G",
                "A",
                "İlçe Sağlık Müdürlüğü",
                D(YEAR, 5, 1),
                "Uygulanamadı",
                "Kadro yok",
                None,
                None,
                1,
            ],
            [
                2,
                2,
                "Ortak denetime",
                "G",
                "A",
                "İlçe Emniyet Müdürlüğü",
                D(YEAR, 10, 1),
                "Uygulandı",
                None,
                "Yapıldı",
                None,
                2,
            ],
            [
                1,
                1,
                "Geçen yıldan gelen karar",
                "G",
                "A",
                "Kaymakamlık",
                D(YEAR, 3, 1),
                "Bekliyor",
                None,
                None,
                None,
                1,
                YEAR - 1,
            ],
        ],
    }
    return workbook_from_rows(settings, rows, path=Path("kiziltepe.xlsx"))


def merged():
    merge = commands.merge(
        province_book(),
        [incoming_from_workbook("kiziltepe.xlsx", kiziltepe())],
        today=D(YEAR, 12, 1),
        now=dt.datetime(YEAR, 12, 1, 9),
    )
    return province_book({s.name: rows_of(s) for s in merge.specs if s.name in contract.STATE_SHEETS})


def texts(data) -> list[str]:
    spec = annual_report.annual_report_sheet(data, YEAR)
    return [str(v) for b in spec.blocks for row in b.values for v in row if v is not None]


INSTRUCTIONS = ("gockurul", "düğme", "Bu kitap", "bu kitap", "sayfasında", "sütununa", "[", "birleştir")


def test_before_the_merge_ek3_names_the_districts_it_does_not_cover_and_instructs_nobody():
    t = texts(province_book())
    assert "İlçe Göç Koordinasyon Kurulu" in t  # no meeting count claimed for boards the report cannot see
    assert not any(x.startswith("İlçe Göç Koordinasyon Kurulu (") for x in t)
    note = next(x for x in t if "bu rapora girmeyen ilçeler" in x)
    assert "Kızıltepe" in note and "Nusaybin" in note and "Savur" not in note  # M8(1): 2.000 and border districts
    # KURALLAR §5: the signed page tells the software's user nothing; kontrol and yillik do
    assert not [x for x in t if any(word in x for word in INSTRUCTIONS)]


def test_ek3_item_2_counts_only_held_meetings_province_and_districts():
    """KURALLAR §5 (M13(1)): the province's board 2 and Kızıltepe's board 3 were planned and never held."""
    t = texts(merged())
    assert "İl Göç Koordinasyon Kurulu (1 toplantı, 1 sorun)" in t
    assert "İlçe Göç Koordinasyon Kurulu (2 toplantı, 2 sorun)" in t
    doc = next(d for d in export_documents(merged()).values() if d["belge_turu"] == "yillik_rapor")
    counts = {k["kategori"]: k["toplanti_sayisi"] for k in doc["kurul_turleri"]}
    assert counts["ilce_gkk"] == 2 and counts["il_gkk"] == 1
    # on the edge: once the date it was held is entered, the meeting counts
    book = province_book()
    book.records("Toplantılar")[1]["Gerçekleşen Tarih"] = D(YEAR, 11, 20)
    assert "İl Göç Koordinasyon Kurulu (2 toplantı, 1 sorun)" in texts(book)


def test_missing_parts_of_ek3_are_kontrol_findings_in_january_and_yillik_says_them():
    """M13(1): prepared in January of the following year. Items 5–6 empty and districts not merged are warnings
    then (not notes on the signed page); the year before, nothing."""
    from gockurul_excel.core.checks import run_checks

    book = province_book()
    book.records("Yıllık Rapor")[0]["Beklenen Destekler"] = None
    found = [f for f in run_checks(book, D(YEAR + 1, 1, 10)) if f.rule == "M13(1)"]
    # before any merge kontrol says nothing of district boards (it cannot see them); yillik does, below
    assert len(found) == 1 and found[0].level == "uyari"
    assert "madde 5" in found[0].message and found[0].sheet == "Yıllık Rapor"
    after = [f for f in run_checks(merged(), D(YEAR + 1, 1, 10)) if f.rule == "M13(1)"]
    assert len(after) == 1 and "Nusaybin" in after[0].message and "Kızıltepe" not in after[0].message
    assert not [f for f in run_checks(book, D(YEAR, 12, 31)) if f.rule == "M13(1)"]
    assert not [f for f in run_checks(book, D(YEAR + 1, 2, 1)) if f.rule == "M13(1)"]
    message = commands.annual_report(book).message
    assert "madde 5 yazılmamış" in message and "Nusaybin" in message and "Kızıltepe" in message
    t = texts(book)
    assert not [x for x in t if any(word in x for word in INSTRUCTIONS)]


def test_a_district_book_refuses_ek3_saying_where_it_is_made():
    """M13(1)–(2): the annual report is the province's; the district's boards reach it through the merge."""
    import pytest

    from gockurul_excel.errors import GocKurulError

    with pytest.raises(GocKurulError) as refused:
        commands.annual_report(kiziltepe())
    text = str(refused.value)
    assert "İl Göç İdaresi Müdürlüğü" in text and "m. 13/1" in text and "birleştir" in text


def test_after_the_merge_ek3_carries_the_district_boards():
    t = texts(merged())
    assert "İlçe Göç Koordinasyon Kurulu (2 toplantı, 2 sorun)" in t
    assert "İlçede tercüman eksikliği" in t and "Sınır kapısında yoğunluk" in t
    assert f"Kızıltepe İlçe GKK 1\n21.02.{YEAR}" in t
    assert "Geçen yıldan gelen sorun" not in t and "Geçen yıldan gelen karar" not in t  # last year's business
    assert any(x.startswith(f"{YEAR} yılında kurullarda 3 karar alındı (1 il, 2 ilçe kurullarında)") for x in t)
    assert "Kızıltepe 1" in t and "Karar 1 (Uygulanamadı)" in t  # item 4 a): unresolved despite a decision
    assert "Kadro yok" in t  # item 4 b): not implemented, with its reason
    note = next(x for x in t if "bu rapora girmeyen ilçeler" in x)
    assert "Nusaybin" in note and "Kızıltepe" not in note


def test_the_annual_platform_document_carries_the_district_boards():
    doc = next(d for d in export_documents(merged()).values() if d["belge_turu"] == "yillik_rapor")
    counts = {k["kategori"]: (k["toplanti_sayisi"], k["sorun_sayisi"]) for k in doc["kurul_turleri"]}
    assert counts["ilce_gkk"] == (2, 2) and counts["il_gkk"] == (1, 1)
    assert {d["no"] for d in doc["kararlar"]} == {"1", "Kızıltepe/1", "Kızıltepe/2"}
    assert [p["no"] for p in doc["cozulemeyen_sorunlar"]] == ["1", "Kızıltepe/1"]
    assert doc["uygulanamayan_kararlar"][0]["toplanti_no"] == "Kızıltepe/1"


def test_a_merged_district_board_without_the_il_goc_idaresi_is_reported_by_the_province():
    """M8(1), M11(3): the İl Göç İdaresi Müdürlüğü takes part in every district board. The province sees the
    merged boards' participants: Kızıltepe's board 1 without it is reported, board 2 with it is not."""
    district = kiziltepe()
    people = [
        [1, 1, "Kızıltepe Kaymakamlığı", "Kaymakam", "A B", None, "Hayır"],
        [2, 1, "Kızıltepe Kaymakamlığı", "Kaymakam", "A B", None, "Hayır"],
        [2, 2, "Mardin İl Göç İdaresi Müdürlüğü", "Uyum İrtibat Görevlisi", "C D", None, "Hayır"],
    ]
    district = workbook_from_rows(
        {k: s.value for k, s in district.settings.items()},
        {
            **{
                name: [list(r.raw_cells) for r in district.records(name)]
                for name in ("Toplantılar", "Sorunlar", "Kararlar")
            },
            "Katılımcılar": people,
        },
        path=Path("kiziltepe.xlsx"),
    )
    merge = commands.merge(
        province_book(),
        [incoming_from_workbook("kiziltepe.xlsx", district)],
        today=D(YEAR, 12, 1),
        now=dt.datetime(YEAR, 12, 1, 9),
    )
    data = province_book({s.name: rows_of(s) for s in merge.specs if s.name in contract.STATE_SHEETS})
    found = [f for f in commands.check(data, D(YEAR, 12, 1)).payload if f.rule == rules.DISTRICT_BOARD_PARTICIPANT[1]]
    assert [(f.level, f.sheet) for f in found] == [("uyari", contract.DISTRICT_PARTICIPANTS_SHEET)]
    assert "Kızıltepe İlçe GKK toplantı 1 (21.02.2033)" in found[0].message
