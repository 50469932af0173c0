"""KURALLAR.md §1–§2 as data: the thresholds and their strictness, the windows."""

import pytest

from gockurul_excel import rules
from gockurul_excel.rules import BoardKind, MeetingCategory


@pytest.mark.parametrize("population, member", [(1_999, False), (2_000, False), (2_001, True)])
def test_m4_2_kaymakam_member_only_above_2000(population, member):
    """M4(2): "yabancı nüfusu 2.000'den fazla olan ilçe kaymakamları" — strictly more than."""
    assert rules.district_governor_is_member(population) is member


@pytest.mark.parametrize("population, required", [(1_999, False), (2_000, True), (2_001, True)])
def test_m8_1_district_board_from_2000(population, required):
    """M8(1): "2.000 ve üzeri" — 2,000 itself must hold boards."""
    assert rules.district_board_required(population, border_district=False) is required


@pytest.mark.parametrize("population", [0, 850, 1_999])
def test_m8_1_border_district_whatever_population(population):
    """M8(1): border districts with irregular migration hold boards whatever their population."""
    assert rules.district_board_required(population, border_district=True)


def test_m8_2_small_district_optional():
    assert not rules.district_board_required(1_500, border_district=False)


@pytest.mark.parametrize("population, months", [(9_999, (1, 7)), (10_000, (1, 4, 7, 10)), (10_001, (1, 4, 7, 10))])
def test_m7_province_board_months(population, months):
    """M7(1) ≥ 10,000: Ocak, Nisan, Temmuz, Ekim; M7(2) < 10,000: Ocak, Temmuz."""
    board = rules.ordinary_windows(BoardKind.PROVINCE, population)[0]
    assert board.category is MeetingCategory.PROVINCE_BOARD
    assert board.months == months
    assert board.article == ("M7(1)" if population >= 10_000 else "M7(2)")


@pytest.mark.parametrize("population, months", [(9_999, (6, 12)), (10_000, (3, 6, 9, 12))])
def test_m6_9_subcommission_months_first_week(population, months):
    """M6(9): Mart/Haziran/Eylül/Aralık (≥ 10,000) or Haziran/Aralık, in the first week (days 1–7)."""
    sub = rules.ordinary_windows(BoardKind.PROVINCE, population)[1]
    assert sub.category is MeetingCategory.SUBCOMMISSION
    assert sub.months == months and (sub.first_day, sub.last_day) == (1, 7)


def test_m8_district_window_and_late_limit():
    """M8(1) Şubat/Mart and Ağustos/Eylül; M8(3) at the latest the last day of the following month."""
    (w,) = rules.ordinary_windows(BoardKind.DISTRICT, 5_000)
    assert w.months == (2, 8) and w.span_months == 2
    assert w.late_limit_months == 1 and w.late_limit_article == "M8(3)"


def test_deadlines_declared_with_articles():
    """§3: every deadline carries its article and direction."""
    by_article = {d.articles: d for d in rules.MEETING_DEADLINES}
    assert by_article["M10(2)"].days == 15 and by_article["M10(2)"].direction is rules.Direction.BEFORE
    assert by_article["M11(3)"].days == 5 and by_article["M11(4)"].days == 3
    assert by_article["M12(2)"].days == 15 and by_article["M12(2)"].direction is rules.Direction.AFTER
    assert by_article["M12(3)"].direction is rules.Direction.MONTH_END


def test_m4_lists_cover_the_circular():
    """M4(2) / M4(3) institution lists, with the "varsa" ones conditional."""
    province = {m.kurum for m in rules.PROVINCE_MEMBERS}
    assert {
        "İl Göç İdaresi Müdürlüğü",
        "İl Müftülüğü",
        "Geri Gönderme Merkezi",
        "İl Sahil Güvenlik Komutanlığı",
        "Tarım ve Orman İl Müdürlüğü",
    } <= province
    assert len(rules.PROVINCE_MEMBERS) == 26
    optional = {m.kurum for m in rules.PROVINCE_MEMBERS if m.optional_setting}
    # KURALLAR §4 ruling: Geri Gönderme and Geçici Barınma Merkezi (M3(e)/(f) facilities) are "varsa" too
    assert optional == {
        "İl Sahil Güvenlik Komutanlığı",
        "Göç Araştırma Merkezi",
        "Geri Gönderme Merkezi",
        "Geçici Barınma Merkezi",
    }
    district = {m.kurum for m in rules.DISTRICT_MEMBERS}
    assert {"İlçe Müftülüğü", "Gençlik Merkezi", "İlçe Tarım ve Orman Müdürlüğü"} <= district
