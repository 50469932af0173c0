"""A district book read for the merge (core.merge.incoming_from_workbook; M12(5)): the books it refuses, with their
Turkish reasons word for word (a province book, an unreadable Kurul Türü, no Toplantılar sheet, a blank İlçe),
the rows it takes — every table over its content columns, a row without its key skipped wherever it stands, a list
cell joined with "; ", text on one line — and the note that tells the province the book has unreadable values."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gockurul_excel import contract
from gockurul_excel.core.districts import DECISIONS_SHEET, MEETINGS_SHEET, PARTICIPANTS_SHEET, PROBLEMS_SHEET
from gockurul_excel.core.merge import Refused, incoming_from_workbook
from gockurul_excel.core.model import WorkbookData, build_workbook_data, workbook_from_rows

from .kontrol.base import rows

D = dt.date
ILCE = "İlçe Göç Koordinasyon Kurulu"
SETTINGS = {"Kurul Türü": "İlçe", "İl": "Gaziantep", "İlçe": "Nizip", "Yıl": 2025}


def district(settings: dict | None = None, sheets: dict | None = None) -> WorkbookData:
    return workbook_from_rows({**SETTINGS, **(settings or {})}, sheets or {})


def without_sheet(missing: str, sheets: dict[str, list[list[Any]]]) -> WorkbookData:
    """The district book read as a file that lacks the sheet `missing` would be."""
    values = {
        s.name: contract.default_setting(s, contract.TEMPLATE_VERSION)
        for s in contract.settings_for(contract.TEMPLATE_VERSION)
    }
    values.update(SETTINGS)
    grid = {contract.SETTINGS_SHEET: [list(contract.SETTING_COLUMNS), *([k, v] for k, v in values.items())]}
    for definition in contract.sheets_for(contract.TEMPLATE_VERSION):
        if definition.name != missing:
            grid[definition.name] = [[c.header for c in definition.columns], *sheets.get(definition.name, [])]
    return build_workbook_data(None, list(grid), lambda name: (grid[name], []))


def refusal(data: WorkbookData) -> str:
    with pytest.raises(Refused) as caught:
        incoming_from_workbook("nizip.xlsx", data)
    return str(caught.value)


def test_a_province_book_is_refused():
    """Only district books are merged into the province's book (M12(5))."""
    assert refusal(district({"Kurul Türü": "İl"})) == (
        "Bu bir il kurulu kitabı; yalnız ilçe kurulu kitapları birleştirilir."
    )


@pytest.mark.parametrize("kind", [None, "Mahalle"])
def test_a_book_whose_board_kind_cannot_be_read_is_refused(kind):
    assert refusal(district({"Kurul Türü": kind})) == (
        "Ayarlar sayfasında 'Kurul Türü' okunamadı; ilçe kurulu kitabı olduğu anlaşılamadı."
    )


def test_a_book_without_its_toplantilar_sheet_is_refused():
    assert refusal(without_sheet("Toplantılar", {})) == "'Toplantılar' sayfası okunamadı."


@pytest.mark.parametrize("name", [None, "", "   "])
def test_a_book_that_does_not_name_its_district_is_refused(name):
    """Rows of an unnamed district cannot be kept apart from the others' (neither as 'None' nor as any name)."""
    assert refusal(district({"İlçe": name})) == (
        "Ayarlar sayfasında 'İlçe' boş; hangi ilçenin kitabı olduğu bilinmiyor."
    )


def test_the_rows_of_every_table_over_the_content_columns():
    """Every sheet's rows in order, over the columns the province keeps (no Saat, Yer or phone: KVKK); a row
    without its key is skipped wherever it stands, even before rows that have one; a row with its key but an empty
    second column is kept; a list cell is joined with "; "; a text's line breaks and runs of blanks become one
    blank; the district is named without its blanks."""
    sheets = {
        "Toplantılar": rows(
            "Toplantılar",
            toplanti_no=[None, "2", "3"],
            kategori=[ILCE, None, ILCE],
            tur="Olağan",
            gerceklesen_tarih=[D(2025, 2, 3), D(2025, 2, 4), D(2025, 8, 5)],
            saat=dt.time(10, 0),
            yer="Kaymakamlık",
        ),
        "Kararlar": rows(
            "Kararlar",
            karar_no=["2025/1", None],
            toplanti_no="3",
            alinan_karar="Okul  kayıtları\nizlensin",
            sorumlu_kurum_ve_kuruluslar="Nizip Kaymakamlığı\nNizip SGK",
            verilen_sure=D(2025, 9, 30),
            durum="Devam Ediyor",
        ),
        "Sorunlar": rows("Sorunlar", sorun_no="S1", toplanti_no="3", alan="Eğitim", devreden_yil=2024),
        "Katılımcılar": rows(
            "Katılımcılar",
            toplanti_no="3",
            sira=1,
            kurum_ismi="Nizip Kaymakamlığı",
            ad_soyad="A B",
            telefon_numarasi="0342 000 00 00",
            vekil="Hayır",
        ),
    }
    inc = incoming_from_workbook("nizip.xlsx", district({"İlçe": "  Nizip "}, sheets))
    assert (inc.name, inc.district, inc.province, inc.year, inc.note) == ("nizip.xlsx", "Nizip", "Gaziantep", 2025, "")
    assert inc.rows.district == "Nizip"
    meeting = {"Planlanan Tarih": None, "Tutanak Tebliğ Tarihi": None, "Platform Giriş Tarihi": None}
    assert inc.rows.tables == {
        MEETINGS_SHEET: [
            {"Toplantı No": "2", "Kategori": None, "Tür": "Olağan", "Gerçekleşen Tarih": D(2025, 2, 4), **meeting},
            {"Toplantı No": "3", "Kategori": ILCE, "Tür": "Olağan", "Gerçekleşen Tarih": D(2025, 8, 5), **meeting},
        ],
        DECISIONS_SHEET: [
            {
                "Karar No": "2025/1",
                "Toplantı No": "3",
                "Alınan Karar": "Okul kayıtları izlensin",
                "Sorumlu Kurum ve Kuruluşlar": "Nizip Kaymakamlığı; Nizip SGK",
                "Verilen Süre": D(2025, 9, 30),
                "Durum": "Devam Ediyor",
                "Uygulanamama Sebebi": None,
                "Değerlendirme": None,
                "Değerlendiren Toplantı No": None,
                "Sorun No": None,
                contract.CARRIED_COLUMN: None,
            }
        ],
        PROBLEMS_SHEET: [
            {
                "Sorun No": "S1",
                "Toplantı No": "3",
                "Alan": "Eğitim",
                "Tespit Edilen Sorun": None,
                "Çözüm Önerisi": None,
                "Durum": None,
                contract.CARRIED_COLUMN: 2024,
            }
        ],
        PARTICIPANTS_SHEET: [
            {
                "Toplantı No": "3",
                "Sıra": 1,
                "Kurum İsmi": "Nizip Kaymakamlığı",
                "Unvan": None,
                "Ad-Soyad": "A B",
                "Vekil": "Hayır",
            }
        ],
    }


def test_a_book_with_unreadable_values_is_taken_with_a_note_counting_them():
    """One sheet missing (an ERROR of the read) and one unreadable date: two problems; the values are taken as
    empty and the district is told to run kontrol."""
    data = without_sheet(
        "Sorunlar",
        {"Toplantılar": rows("Toplantılar", toplanti_no="1", kategori=ILCE, tur="Olağan", planlanan_tarih="yarın")},
    )
    inc = incoming_from_workbook("nizip.xlsx", data)
    assert inc.note == (
        " (Uyarı: kitapta 2 okunamayan değer ya da sayfa sorunu var; ilçe 'gockurul kontrol' çalıştırmalı.)"
    )
    assert [r["Planlanan Tarih"] for r in inc.rows.tables[MEETINGS_SHEET]] == [None]


def test_three_unreadable_values_are_counted_as_three():
    """The note counts values, as it says: two unreadable dates in one row and one in another are three."""
    data = district(
        sheets={
            "Toplantılar": rows(
                "Toplantılar",
                toplanti_no=["1", "2"],
                kategori=ILCE,
                tur="Olağan",
                planlanan_tarih=["yarın", D(1800, 1, 1)],
                gerceklesen_tarih=["dün", None],
            )
        }
    )
    assert incoming_from_workbook("nizip.xlsx", data).note == (
        " (Uyarı: kitapta 3 okunamayan değer ya da sayfa sorunu var; ilçe 'gockurul kontrol' çalıştırmalı.)"
    )
