"""KURALLAR §7 (M5(12), M13(2), GK(c), GK(ç)): what `devir` carries, in the process — core.carry on a book held
in memory, so that each rule of which rows go (and how they are written) is seen by the mutation run too
(tests/test_year_boundary.py drives the same through the command line and the files)."""

from __future__ import annotations

import datetime as dt

import pytest

from gockurul_excel import contract, example
from gockurul_excel.core.carry import carried_summary, carry_over
from gockurul_excel.errors import GocKurulError
from gockurul_excel.findings import Finding

from .kontrol.base import book, clean, rows

D = dt.date
YEAR = example.YEAR


def headers(sheet: str) -> list[str]:
    return [c.header for c in contract.SHEETS_BY_NAME[sheet].columns]


def column(carried, sheet: str, header: str) -> list:
    i = headers(sheet).index(header)
    return [r[i] for r in carried.rows[sheet]]


def with_rows(**sheets: list[list]) -> dict:
    """The clean example with some sheets replaced (the others as they are)."""
    data = clean()
    for name, value in sheets.items():
        data[name.replace("_", " ")] = value
    return data


def test_settings_go_to_the_next_year_without_the_template_version():
    data = book()
    c = carry_over(data, YEAR)
    assert c.year == YEAR + 1 and c.settings["Yıl"] == YEAR + 1
    assert contract.S_VERSION not in c.settings
    assert c.settings["İl"] == data.setting("İl") and c.settings["Kurul Türü"] == "İl"
    assert c.settings[contract.S_POPULATION] == data.setting(contract.S_POPULATION)
    assert carry_over(data, YEAR, foreign_population=1234).settings[contract.S_POPULATION] == 1234


def test_a_setting_that_could_not_be_read_is_carried_as_typed_and_a_blank_one_as_nothing():
    assert carry_over(book(**{contract.S_POPULATION: "çok"}), YEAR).settings[contract.S_POPULATION] == "çok"
    assert carry_over(book(**{contract.S_POPULATION: "  "}), YEAR).settings[contract.S_POPULATION] is None
    assert carry_over(book(**{contract.S_POPULATION: None}), YEAR).settings[contract.S_POPULATION] is None


def test_decisions_open_or_blank_are_carried_and_the_evaluation_cleared():
    kararlar = rows(
        "Kararlar",
        karar_no=[1, 2, 3, 4, 5],
        toplanti_no="1",
        alinan_karar="Karar metni",
        durum=[None, "Bekliyor", "Devam Ediyor", "Uygulandı", "Uygulanamadı"],
        degerlendirme="Değerlendirildi",
        degerlendiren_toplanti_no="1",
    )
    c = carry_over(book(rows=with_rows(Kararlar=kararlar)), YEAR)
    assert column(c, "Kararlar", "Karar No") == ["1", "2", "3"]  # a key is read as text
    assert column(c, "Kararlar", "Durum") == [None, "Bekliyor", "Devam Ediyor"]
    assert column(c, "Kararlar", "Değerlendirme") == [None] * 3
    assert column(c, "Kararlar", "Değerlendiren Toplantı No") == [None] * 3
    assert column(c, "Kararlar", "Alınan Karar") == ["Karar metni"] * 3
    assert column(c, "Kararlar", contract.CARRIED_COLUMN) == [YEAR] * 3
    assert c.counts["Kararlar"] == 3


def test_a_row_carried_before_keeps_its_year_of_origin():
    kararlar = rows(
        "Kararlar",
        karar_no=[1, 1],
        toplanti_no=[None, "1"],
        alinan_karar="K",
        durum="Bekliyor",
        devreden_yil=[YEAR - 2, None],
    )
    c = carry_over(book(rows=with_rows(Kararlar=kararlar)), YEAR)
    assert column(c, "Kararlar", contract.CARRIED_COLUMN) == [YEAR - 2, YEAR]


def test_problems_open_or_blank_are_carried_and_a_carried_decisions_problem_whatever_its_state():
    sorunlar = rows(
        "Sorunlar",
        sorun_no=[1, 2, 3, 4, 5],
        toplanti_no="1",
        alan="Eğitim",
        tespit_edilen_sorun="S",
        durum=[None, "Açık", "Çözüldü", "Çözülemedi", "Çözüldü"],
    )
    kararlar = rows(
        "Kararlar", karar_no=[1, 2], toplanti_no="1", alinan_karar="K", durum=["Bekliyor", "Uygulandı"], sorun_no=[5, 3]
    )
    c = carry_over(book(rows=with_rows(Sorunlar=sorunlar, Kararlar=kararlar)), YEAR)
    # 1 and 2 are open; 5 is named by the carried decision 1; 3 by a decision that is not carried; 4 is closed
    assert column(c, "Sorunlar", "Sorun No") == ["1", "2", "5"]
    assert column(c, "Sorunlar", "Durum") == [None, "Açık", "Çözüldü"]
    assert c.counts["Sorunlar"] == 3


def test_members_inactive_are_left_and_districts_all_go():
    data = book()
    c = carry_over(data, YEAR)
    active = [r for r in data.records("Üyeler") if r["Aktif"] != "Hayır"]
    assert len(c.rows["Üyeler"]) == len(active) and c.counts["İlçeler"] == len(data.records("İlçeler"))
    members = rows(
        "Üyeler",
        kurum="Valilik",
        uyelik_turu="Daimi",
        gorev="Kurul Üyesi",
        unvan="Vali Yardımcısı",
        ad_soyad=["A Bir", "B İki", "C Üç"],
        aktif=["Evet", "Hayır", None],
    )
    c = carry_over(book(rows=with_rows(Üyeler=members)), YEAR)
    assert column(c, "Üyeler", "Ad Soyad") == ["A Bir", "C Üç"]


def test_actions_closed_are_left():
    actions = rows(
        "Eylem Planı",
        eylem_no=[1, 2, 3, 4, 5, 6],
        alan="Eğitim",
        eylem="E",
        sorumlu_kurum="Valilik",
        durum=["Başlamadı", "Devam Ediyor", "Tamamlandı", "Ertelendi", "İptal", None],
    )
    c = carry_over(book(rows=with_rows(**{"Eylem_Planı": actions})), YEAR)
    assert column(c, "Eylem Planı", "Eylem No") == ["1", "2", "4", "6"]


def test_projects_running_or_with_a_final_report_due_are_carried_gk_c_gk_c():
    """GK(c), GK(ç): refused projects stay; a project ending after this year, or with no final report yet, goes."""
    projects = rows(
        "Projeler",
        proje_no=[1, 2, 3, 4, 5, 6],
        proje_adi="P",
        yurutucu_kurum="Valilik",
        kapsam="Ulusal",
        baskanlik_gorusu=["Olumsuz", "Olumlu", "Olumlu", "Olumlu", "Bekliyor", "Olumlu"],
        bitis=[D(YEAR + 1, 6, 1), D(YEAR + 1, 1, 1), D(YEAR, 12, 31), D(YEAR, 6, 30), None, D(YEAR, 12, 31)],
        nihai_rapor_tarihi=[None, D(YEAR, 12, 1), D(YEAR + 1, 1, 10), None, None, None],
    )
    c = carry_over(book(rows=with_rows(Projeler=projects)), YEAR)
    # 1 refused; 2 ends next year; 3 ended this year, report given; 4, 6 report due; 5 no end date
    assert column(c, "Projeler", "Proje No") == ["2", "4", "5", "6"]


def test_a_cell_that_could_not_be_read_is_carried_as_typed_and_a_list_as_text():
    kararlar = rows(
        "Kararlar",
        karar_no=[1, 2],
        toplanti_no="1",
        alinan_karar="K",
        durum="Bekliyor",
        verilen_sure=["32.13.2025", D(YEAR, 3, 1)],
        sorumlu_kurum_ve_kuruluslar=["Valilik; Belediye", None],
    )
    c = carry_over(book(rows=with_rows(Kararlar=kararlar)), YEAR)
    assert column(c, "Kararlar", "Verilen Süre") == ["32.13.2025", D(YEAR, 3, 1)]
    responsible = column(c, "Kararlar", "Sorumlu Kurum ve Kuruluşlar")
    assert responsible[1] is None and isinstance(responsible[0], str) and "; " in responsible[0]
    assert [p.strip() for p in responsible[0].split(";")] == ["Valilik", "Belediye"]


def test_an_error_in_reading_a_carried_sheet_refuses_with_its_sheet_cell_and_message():
    data = book()
    data.findings.append(Finding("hata", "Şablon", "Kararlar", "H2", "Birleştirilmiş hücre."))
    with pytest.raises(GocKurulError) as exc:
        carry_over(data, YEAR)
    assert str(exc.value) == (
        "Kitap okunurken sorun bulundu ('Kararlar' sayfası, H2 hücresi: Birleştirilmiş hücre.). "
        "Devredilecek satırlar eksik okunabilir; önce 'gockurul kontrol' ile düzeltin. "
        "Yeni kitap yazılmadı."
    )
    data = book()
    data.findings.append(Finding("hata", "Şablon", "Ayarlar", None, "'Ayar' ve 'Değer' başlıkları bulunamadı."))
    with pytest.raises(GocKurulError, match=r"^Kitap okunurken sorun bulundu \('Ayarlar' sayfası: 'Ayar'"):
        carry_over(data, YEAR)


def test_a_warning_or_an_error_outside_the_carried_sheets_does_not_refuse():
    data = book()
    data.findings += [
        Finding("hata", "Şablon", "Toplantılar", "E2", "x"),
        Finding("uyari", "Şablon", "Kararlar", "H2", "y"),
    ]
    assert carry_over(data, YEAR).year == YEAR + 1


def test_without_a_board_kind_nothing_is_carried():
    with pytest.raises(GocKurulError) as exc:
        carry_over(book(**{"Kurul Türü": None}), YEAR)
    assert str(exc.value) == (
        "'Ayarlar' sayfası: 'Kurul Türü' okunamadı (İl ya da İlçe olmalı); yeni yılın kitabı yapılamadı."
    )
    assert exc.value.sheet == "Ayarlar"


def test_a_setting_read_is_carried_as_its_value_not_as_typed():
    """ "90.000" in the cell is the number 90000 (the thousands dot); the new book gets the number."""
    settings = carry_over(book(**{contract.S_POPULATION: "90.000", "Kurul Türü": " il "}), YEAR).settings
    assert settings[contract.S_POPULATION] == 90000 and settings["Kurul Türü"] == "İl"


def test_a_blank_cell_of_a_carried_row_is_carried_as_nothing():
    """Spaces only are no value: the new book's cell is empty, not three spaces."""
    kararlar = rows(
        "Kararlar", karar_no=[1], toplanti_no="1", alinan_karar="K", durum="Bekliyor", uygulanamama_sebebi="   "
    )
    c = carry_over(book(rows=with_rows(Kararlar=kararlar)), YEAR)
    assert column(c, "Kararlar", "Uygulanamama Sebebi") == [None]


@pytest.mark.parametrize(
    "first, second, shown",
    [(3, "3", "3"), ("3", 3.0, "3"), (" 3 ", 3, "3"), ("A-1", "a-1", "a-1"), ("A  1", "A 1", "A 1")],
)
def test_two_rows_with_one_key_refuse_naming_both_rows(first, second, shown):
    """KURALLAR §7: keys compare as the check of unique keys reads them."""
    actions = rows(
        "Eylem Planı",
        eylem_no=[first, 7, second],
        alan="Eğitim",
        eylem="E",
        sorumlu_kurum="Valilik",
        durum="Devam Ediyor",
    )
    with pytest.raises(GocKurulError) as exc:
        carry_over(book(rows=with_rows(**{"Eylem_Planı": actions})), YEAR)
    assert exc.value.sheet == "Eylem Planı"
    assert (
        f"Eylem No {shown} / Devreden Yıl {YEAR} 2. ve 4. satırlarda iki kez yazılmış; yeni yıla ikisi "
        "birden devredilemez."
    ) in str(exc.value)
    assert str(exc.value).endswith(
        "Hangisinin doğru olduğuna karar verip birini düzeltin ya da silin. Yeni kitap yazılmadı."
    )


def test_a_row_without_a_key_does_not_end_the_search_for_duplicates():
    actions = rows(
        "Eylem Planı", eylem_no=[None, 4, 4], alan="Eğitim", eylem="E", sorumlu_kurum="Valilik", durum="Başlamadı"
    )
    with pytest.raises(
        GocKurulError, match=rf"^'Eylem Planı' sayfası: Eylem No 4 / Devreden Yıl {YEAR} 3\. ve 4\. satırlarda iki kez"
    ):
        carry_over(book(rows=with_rows(**{"Eylem_Planı": actions})), YEAR)


def test_a_number_with_a_leading_zero_is_the_same_number():
    """'03' and '3' are one key: digits compare as the number they write (as '3' and 3 do)."""
    actions = rows(
        "Eylem Planı", eylem_no=["03", "3"], alan="Eğitim", eylem="E", sorumlu_kurum="Valilik", durum="Başlamadı"
    )
    with pytest.raises(
        GocKurulError, match=rf"^'Eylem Planı' sayfası: Eylem No 3 / Devreden Yıl {YEAR} 2\. ve 3\. satırlarda iki kez"
    ):
        carry_over(book(rows=with_rows(**{"Eylem_Planı": actions})), YEAR)


def test_a_superscript_digit_is_text_not_a_number():
    """'²' counts as a digit for str.isdigit but is no decimal number: the key is the text, and nothing crashes."""
    actions = rows(
        "Eylem Planı", eylem_no=["²", "2"], alan="Eğitim", eylem="E", sorumlu_kurum="Valilik", durum="Başlamadı"
    )
    c = carry_over(book(rows=with_rows(**{"Eylem_Planı": actions})), YEAR)
    assert column(c, "Eylem Planı", "Eylem No") == ["²", "2"]


def test_different_keys_and_rows_without_a_key_are_not_duplicates():
    actions = rows(
        "Eylem Planı",
        eylem_no=[None, None, 1, 2, "12", "1 2"],
        alan="Eğitim",
        eylem="E",
        sorumlu_kurum="Valilik",
        durum="Devam Ediyor",
    )
    c = carry_over(book(rows=with_rows(**{"Eylem_Planı": actions})), YEAR)
    assert c.counts["Eylem Planı"] == 6


def test_summary_names_every_count_in_turkish():
    members = rows(
        "Üyeler",
        kurum="Valilik",
        uyelik_turu="Daimi",
        gorev=["Kurul Başkanı", "Alt Komisyon Asil", "Alt Komisyon Yedek", "Kurul Üyesi"],
        unvan="Vali",
        ad_soyad=["A", "B", "C", "D"],
        aktif="Evet",
    )
    data = book(rows=with_rows(Üyeler=members))
    c = carry_over(data, YEAR)
    n = c.counts
    assert carried_summary(c, data) == (
        f"{n['İlçeler']} ilçe, 4 aktif üye (Alt Komisyonda 2), {n['Eylem Planı']} açık eylem, "
        f"{n['Projeler']} süren ya da raporu beklenen proje, {n['Kararlar']} açık karar, "
        f"{n['Sorunlar']} sorun (açık olanlar ve devreden kararların sorunları)"
    )


def test_a_district_summary_has_no_districts_and_no_subcommission_count_when_none():
    members = rows(
        "Üyeler",
        kurum="Kaymakamlık",
        uyelik_turu="Daimi",
        gorev="Kurul Üyesi",
        unvan="Kaymakam",
        ad_soyad=["A", "B"],
        aktif="Evet",
    )
    data = book(rows=with_rows(Üyeler=members, İlçeler=[]), **{"Kurul Türü": "İlçe", "İlçe": "Nizip"})
    c = carry_over(data, YEAR)
    assert carried_summary(c, data).startswith("2 aktif üye, ")
