"""KURALLAR §4, composition: the board (M4), the sub-commission (M6(1)–(4)), who attends (M9(2)).

Each article on both sides of its edge; the baseline is the clean example (no finding at all).
"""

from __future__ import annotations

import pytest

from gockurul_excel import example, rules

from .base import assert_finds, assert_not_finds, book, findings, only, rows


def _rename(example_rows, old, new, role=None):
    for m in example_rows["Üyeler"]:
        if m[0] == old and (role is None or m[2] == role):
            m[0] = new


# --- moved from tests/test_kontrol.py ---


def test_m4_2_missing_institution(memory_book, example_rows):
    example_rows["Üyeler"] = [
        m for m in example_rows["Üyeler"] if not (m[0] == "İl Müftülüğü" and m[2] == rules.ROLE_MEMBER)
    ]
    found = only(findings(memory_book(rows=example_rows)), "M4(2)")
    assert len(found) == 1 and "İl Müftülüğü" in found[0][4]


def test_m4_2_inactive_member_does_not_count(memory_book, example_rows):
    for m in example_rows["Üyeler"]:
        if m[0] == "İl Müftülüğü" and m[2] == rules.ROLE_MEMBER:
            m[7] = "Hayır"
    assert len(only(findings(memory_book(rows=example_rows)), "M4(2)")) == 1


@pytest.mark.parametrize("population, required", [(1_999, False), (2_000, False), (2_001, True)])
def test_m4_2_kaymakam_by_district_population(memory_book, example_rows, population, required):
    """M4(2): a district's kaymakam is a member when its population is more than 2,000."""
    example_rows["İlçeler"].append(["Yeniilçe", population, "Hayır"])
    found = [f for f in only(findings(memory_book(rows=example_rows)), "M4(2)") if "Yeniilçe" in f[4]]
    assert bool(found) is required


def test_m4_optional_institution_follows_setting(memory_book, example_rows):
    """M4(2) "varsa İl Sahil Güvenlik Komutanlığı": required only where it exists."""
    settings = {**example.example_settings(), rules.SETTING_COAST_GUARD: "Evet"}
    found = only(findings(memory_book(settings=settings, rows=example_rows)), "M4(2)")
    assert len(found) == 1 and "Sahil Güvenlik" in found[0][4]


def test_m4_1_chair(memory_book, example_rows):
    example_rows["Üyeler"] = [m for m in example_rows["Üyeler"] if m[2] != rules.ROLE_CHAIR]
    found = only(findings(memory_book(rows=example_rows)), "M4(1)")
    assert found and "Vali" in found[0][4]


def test_m6_3_subcommission_primary_and_substitute(memory_book, example_rows):
    example_rows["Üyeler"] = [
        m for m in example_rows["Üyeler"] if not (m[0] == "İl Sağlık Müdürlüğü" and m[2] == rules.ROLE_SUB_SUBSTITUTE)
    ]
    found = only(findings(memory_book(rows=example_rows)), "M6(3)")
    assert len(found) == 1 and "İl Sağlık Müdürlüğü" in found[0][4] and "yedek" in found[0][4]


def test_m6_4_title_level_warning(memory_book, example_rows):
    sub = next(m for m in example_rows["Üyeler"] if m[2] == rules.ROLE_SUB_PRIMARY)
    sub[3] = "Veri Hazırlama ve Kontrol İşletmeni"
    found = only(findings(memory_book(rows=example_rows)), "M6(4)")
    assert len(found) == 1 and found[0][0] == "uyari" and found[0][2] == "Üyeler"


def test_district_workbook_composition(memory_book):
    """M4(3) for an İlçe GKK; the migration office depends on the setting; no sub-commission (M6(1))."""
    settings = {
        "Kurul Türü": "İlçe",
        "İl": "Gaziantep",
        "İlçe": "Nizip",
        "Yıl": 2025,
        "Yabancı Nüfusu": 2_001,
        "Hudut İlçesi": "Hayır",
        rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Hayır",
        rules.SETTING_DISTRICT_RED_CRESCENT: "Hayır",
        rules.SETTING_DISTRICT_UNIVERSITY: "Hayır",
    }
    members = [["Nizip Kaymakamlığı", "Daimi", rules.ROLE_CHAIR, "Kaymakam", "A B", None, None, "Evet"]]
    for req in rules.DISTRICT_MEMBERS:
        if req.optional_setting is None:
            members.append([req.kurum, "Daimi", rules.ROLE_MEMBER, "Müdür", "C D", None, None, "Evet"])
    example_rows = {"Üyeler": members}
    found = findings(memory_book(settings=settings, rows=example_rows))
    assert [f[4] for f in only(found, "M4(3)")] == ["Zorunlu üye eksik: İl Göç İdaresi Müdürlüğü (M4(3))."]
    settings[rules.SETTING_DISTRICT_MIGRATION_OFFICE] = "Evet"
    found = findings(memory_book(settings=settings, rows=example_rows))
    assert [f[4] for f in only(found, "M4(3)")] == ["Zorunlu üye eksik: İlçe Göç İdaresi Müdürlüğü (M4(3))."]
    example_rows["Üyeler"].append(
        ["İl Göç İdaresi Müdürlüğü", "Daimi", rules.ROLE_SUB_PRIMARY, "Şube Müdürü", "E F", None, None, "Evet"]
    )
    assert only(findings(memory_book(settings=settings, rows=example_rows)), "M6(1)")


def test_realistic_institution_spellings_are_recognised(memory_book, example_rows):
    """M4(2) names as offices really type them: 'Gaziantep Valiliği', 'Türk Kızılay Gaziantep Şubesi'."""
    _rename(example_rows, "Valilik", "Gaziantep Valiliği")
    _rename(example_rows, "Türk Kızılay İl Temsilciliği", "Türk Kızılay Gaziantep Şubesi")
    _rename(example_rows, "İl Milli Eğitim Müdürlüğü", "Gaziantep İl Millî Eğitim Müdürlüğü")
    for m in example_rows["Üyeler"]:
        if m[0] == "Nizip Kaymakamlığı":
            m[0], m[3] = "Kaymakamlık", "Nizip Kaymakamı"  # the district named in the title only
    assert findings(memory_book(rows=example_rows)) == []


def test_research_centre_does_not_count_as_the_university(memory_book, example_rows):
    example_rows["Üyeler"] = [m for m in example_rows["Üyeler"] if m[0] != "Gaziantep Üniversitesi"]
    found = only(findings(memory_book(rows=example_rows)), "M4(2)")
    assert [f[4] for f in found] == ["Zorunlu üye eksik: Kamu üniversitesi (M4(2))."]


def test_m4_1_chair_must_be_the_governor(memory_book, example_rows):
    """M4(1): the Vali chairs the İl GKK; a Vali Yardımcısı as 'Kurul Başkanı' is an error."""
    chair = next(m for m in example_rows["Üyeler"] if m[2] == rules.ROLE_CHAIR)
    chair[3] = "Vali Yardımcısı"
    found = only(findings(memory_book(rows=example_rows)), "M4(1)")
    assert len(found) == 1 and found[0][3] == "D2" and "Vali olmalı" in found[0][4]


# --- each article on both sides of its edge (issue 22) ---


def test_the_sub_commission_has_its_chair(example_rows):
    """M6(2): the İl Göç İdaresi Müdürlüğü's Uyum Çalışma Grubu Başkanı chairs; without one, a warning."""
    assert_not_finds(book(rows=example_rows), rules.SUBCOMMISSION_CHAIR_INSTITUTION[1])
    example_rows["Üyeler"] = [m for m in example_rows["Üyeler"] if m[2] != rules.ROLE_SUB_CHAIR]
    assert_finds(
        book(rows=example_rows),
        rules.SUBCOMMISSION_CHAIR_INSTITUTION[1],
        sheet="Üyeler",
        level="uyari",
        text="belirtilmemiş",
    )


def test_a_sub_commission_only_in_a_province_book(example_rows):
    """M6(1): a district book holds no sub-commission member."""
    district = {**example.example_settings(), "Kurul Türü": "İlçe", "İlçe": "Nizip"}
    subs = [m for m in example_rows["Üyeler"] if m[2] in rules.SUBCOMMISSION_ROLES]
    assert subs
    assert_finds(book(district, example_rows), "M6(1)", sheet="Üyeler", level="hata", count=len(subs))
    example_rows["Üyeler"] = [m for m in example_rows["Üyeler"] if m[2] not in rules.SUBCOMMISSION_ROLES]
    assert_not_finds(book(district, example_rows), "M6(1)")


def test_someone_attends_for_a_member_institution_only_as_its_member_or_deputy(example_rows):
    """M9(2): the same participant row is fine as a member's name or as a deputy, reported as someone else."""
    member = next(m for m in example_rows["Üyeler"] if m[0] == "İl Sağlık Müdürlüğü" and m[2] == rules.ROLE_MEMBER)
    extra = rows(
        "Katılımcılar",
        toplanti_no=3,
        sira=99,
        kurum_ismi="İl Sağlık Müdürlüğü",
        unvan="Müdür",
        ad_soyad=[member[4], "Kemal Vekiloğlu", "Kemal Vekiloğlu"],
        vekil=["Hayır", "Evet", "Hayır"],
    )
    base = list(example_rows["Katılımcılar"])
    for row, reported in zip(extra, (False, False, True), strict=True):
        example_rows["Katılımcılar"] = [*base, row]
        found = [f for f in findings(book(rows=example_rows)) if f.rule == rules.DEPUTY_ARTICLE]
        assert bool(found) is reported, (row, found)
