"""KURALLAR §4 and §3 as `kontrol` reads them: who may attend (M9(2)), the İl Göç İdaresi Müdürlüğü at district
boards (M8(1), M11(3)), the sub-commission's seats and titles (M6(3), M6(4)), the "varsa" centres (M4(2), ruling
on M3(e)/(f)), and the evaluation of the previous meeting's decisions (M5(7), Ek-1 item 8). Each rule on both
sides of its edge, on the clean example (which has no finding at all).
"""

from __future__ import annotations

import datetime as dt

import pytest

from gockurul_excel import commands, example, rules
from gockurul_excel.core.meetings import decisions_to_evaluate, find_meeting

from ..conftest import TODAY, clean_example_rows
from . import base

D = dt.date


def findings(data, rule, today=TODAY):
    """base.findings of one article, without the article."""
    return [(f.level, f.sheet, f.cell, f.message) for f in base.findings(data, today) if f.rule == rule]


# --- M9(2): a member, a deputy, a stranger ---------------------------------------------------------------


def _with_participant(name: str, deputy: str):
    rows = clean_example_rows()
    member = next(
        m for m in rows["Üyeler"] if m[0] == "İl Sağlık Müdürlüğü" and m[2] == rules.ROLE_MEMBER and m[7] == "Evet"
    )
    rows["Katılımcılar"].append([3, 99, "İl Sağlık Müdürlüğü", "Müdür", name or member[4], None, deputy])
    return rows


@pytest.mark.parametrize(
    "name, deputy, reported",
    [
        (None, "Hayır", False),  # the member in Üyeler
        ("Kemal Vekiloğlu", "Evet", False),  # a properly appointed deputy
        ("Kemal Vekiloğlu", "Hayır", True),  # someone else sent in the member's place
        ("Eski Üye", "Hayır", False),  # a member who has since left still attended as a member
    ],
)
def test_m9_2_only_members_and_deputies_attend_for_a_member_institution(memory_book, name, deputy, reported):
    found = findings(memory_book(rows=_with_participant(name, deputy)), rules.DEPUTY_ARTICLE)
    assert bool(found) is reported
    if reported:
        row = len(clean_example_rows()["Katılımcılar"]) + 2
        assert found == [("uyari", "Katılımcılar", f"E{row}", found[0][3])]
        assert f"{row}. satır" in found[0][3] and "Kemal Vekiloğlu" in found[0][3] and "Vekil" in found[0][3]


def test_m9_2_a_guest_of_an_institution_that_is_no_member_is_not_a_deputy_question(memory_book):
    rows = clean_example_rows()
    rows["Katılımcılar"].append([3, 99, "Gaziantep Barosu", "Baro Başkanı", "Av. Deniz Er", None, "Hayır"])
    assert findings(memory_book(rows=rows), rules.DEPUTY_ARTICLE) == []


@pytest.mark.parametrize(
    "institution",
    [
        "Gaziantep İl Sağlık Müdürlüğü",
        "GAZİANTEP İL SAĞLIK MÜDÜRLÜĞÜ",
        "Gaziantep Valiliği",
        "Gaziantep İl Emniyet Müdürlüğü",
    ],
)
def test_m9_2_the_institution_spelled_with_the_province_name_is_the_same_institution(memory_book, institution):
    """M9(2): Kurum İsmi is free text; the institution is matched the way the composition check (M4(2)) matches it."""
    rows = clean_example_rows()
    rows["Katılımcılar"].append([3, 99, institution, "Müdür", "Kemal Yabancı", None, "Hayır"])
    found = findings(memory_book(rows=rows), rules.DEPUTY_ARTICLE)
    assert len(found) == 1 and "Kemal Yabancı" in found[0][3]
    rows["Katılımcılar"][-1][6] = "Evet"
    assert findings(memory_book(rows=rows), rules.DEPUTY_ARTICLE) == []


# --- M8(1), M11(3): the İl Göç İdaresi Müdürlüğü takes part in every district board --------------------------


@pytest.mark.parametrize(
    "institution, reported", [("Kilis İl Göç İdaresi Müdürlüğü", False), ("İlçe Göç İdaresi Müdürlüğü", True)]
)
def test_district_board_without_the_il_goc_idaresi_mudurlugu(memory_book, institution, reported):
    settings = {
        "Kurul Türü": "İlçe",
        "İl": "Kilis",
        "İlçe": "Elbeyli",
        "Yıl": 2028,
        "Yabancı Nüfusu": 2_200,
        rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Evet",
    }
    day = D(2028, 2, 21)
    rows = {
        "Toplantılar": [
            [1, rules.MeetingCategory.DISTRICT_BOARD.value, "Olağan", day, day, dt.time(10), "Kaymakamlık", None, None]
        ],
        "Katılımcılar": [
            [1, 1, "Elbeyli Kaymakamlığı", "Kaymakam", "A B", None, "Hayır"],
            [1, 2, institution, "Müdür", "C D", None, "Hayır"],
        ],
    }
    found = findings(memory_book(settings=settings, rows=rows), rules.DISTRICT_BOARD_PARTICIPANT[1], D(2028, 3, 1))
    assert bool(found) is reported
    if reported:
        assert found[0][:3] == ("uyari", "Toplantılar", "A2") and "İl Göç İdaresi Müdürlüğü" in found[0][3]


# --- M6(3), M6(4): the sub-commission --------------------------------------------------------------------


def test_m6_3_a_second_asil_of_one_institution(memory_book):
    rows = clean_example_rows()
    assert findings(memory_book(rows=rows), "M6(3)") == []
    rows["Üyeler"].append(
        ["İl Sağlık Müdürlüğü", "Daimi", rules.ROLE_SUB_PRIMARY, "Şube Müdürü", "İkinci Asil", None, None, "Evet"]
    )
    found = findings(memory_book(rows=rows), "M6(3)")
    assert [(f[0], f[2]) for f in found] == [("hata", f"C{len(rows['Üyeler']) + 1}")]
    assert "ikinci aktif asil" in found[0][3] and "İkinci Asil" in found[0][3]
    rows["Üyeler"][-1][7] = "Hayır"  # the one whose term ended
    assert findings(memory_book(rows=rows), "M6(3)") == []


def test_m6_3_a_second_asil_spelled_with_the_province_name(memory_book):
    """M6(3): "Gaziantep İl Müftülüğü" is the İl Müftülüğü, both as its asil and as a second asil."""
    rows = clean_example_rows()
    rows["Üyeler"].append(
        ["Gaziantep İl Müftülüğü", "Daimi", rules.ROLE_SUB_PRIMARY, "Şube Müdürü", "İkinci Asil", None, None, "Evet"]
    )
    found = findings(memory_book(rows=rows), "M6(3)")
    assert len(found) == 1 and "ikinci aktif asil" in found[0][3]


def test_units_under_the_valilik_are_their_own_institutions(memory_book):
    """ "Gaziantep Valiliği İl Göç İdaresi Müdürlüğü" is the İl Göç İdaresi Müdürlüğü (the most specific listed name
    wins), not a second Valilik: no false M6(3) duplicates, no false M9(2) strangers."""
    rows = clean_example_rows()
    for m in rows["Üyeler"]:
        if m[0] in ("İl Göç İdaresi Müdürlüğü", "İl Afet ve Acil Durum Müdürlüğü"):
            m[0] = "Gaziantep Valiliği " + m[0]
    for p in rows["Katılımcılar"]:
        if p[2] == "İl Göç İdaresi Müdürlüğü":
            p[2] = "Gaziantep Valiliği İl Göç İdaresi Müdürlüğü"
    data = memory_book(rows=rows)
    assert findings(data, "M6(3)") == [] and findings(data, rules.DEPUTY_ARTICLE) == []


def test_each_migration_research_centre_sends_its_own_asil(memory_book):
    """M4(2) "Göç Araştırma Merkezleri", like the universities, are several institutions."""
    rows = clean_example_rows()
    rows["Üyeler"] += [
        ["Hasan Kalyoncu Üniversitesi Göç Araştırma Merkezi", "Daimi", role, "Şube Müdürü", name, None, None, "Evet"]
        for role, name in ((rules.ROLE_SUB_PRIMARY, "Merkez Asil"), (rules.ROLE_SUB_SUBSTITUTE, "Merkez Y"))
    ]
    assert findings(memory_book(rows=rows), "M6(3)") == []


def test_m6_3_one_person_cannot_be_asil_and_yedek(memory_book):
    rows = clean_example_rows()
    asil = next(m for m in rows["Üyeler"] if m[2] == rules.ROLE_SUB_PRIMARY)
    yedek = next(m for m in rows["Üyeler"] if m[2] == rules.ROLE_SUB_SUBSTITUTE and m[0] == asil[0])
    yedek[4] = asil[4]
    found = findings(memory_book(rows=rows), "M6(3)")
    assert len(found) == 1 and "hem asil" in found[0][3]


@pytest.mark.parametrize(
    "title, warned", [("Uyum Çalışma Grubu Başkanı", False), ("Uyum İrtibat Görevlisi", False), ("Şube Müdürü", True)]
)
def test_m6_2_the_chair_is_the_integration_lead(memory_book, title, warned):
    rows = clean_example_rows()
    chair = next(m for m in rows["Üyeler"] if m[2] == rules.ROLE_SUB_CHAIR)
    chair[3] = title
    found = findings(memory_book(rows=rows), rules.SUBCOMMISSION_CHAIR_INSTITUTION[1])
    assert bool(found) is warned and all(f[0] == "uyari" for f in found)


def test_m6_2_one_chair(memory_book):
    rows = clean_example_rows()
    chair = next(m for m in rows["Üyeler"] if m[2] == rules.ROLE_SUB_CHAIR)
    rows["Üyeler"].append(
        [chair[0], "Daimi", rules.ROLE_SUB_CHAIR, "Uyum İrtibat Görevlisi", "İkinci Başkan", None, None, "Evet"]
    )
    found = findings(memory_book(rows=rows), rules.SUBCOMMISSION_CHAIR_INSTITUTION[1])
    assert len(found) == 1 and "İkinci Başkan" in found[0][3] and found[0][2] == f"C{len(rows['Üyeler']) + 1}"


def test_m4_2_a_district_kizilay_branch_is_not_the_province_representation(memory_book):
    rows = clean_example_rows()
    kizilay = next(m for m in rows["Üyeler"] if "Kızılay" in m[0] and m[2] == rules.ROLE_MEMBER)
    kizilay[0] = "Türk Kızılay Nizip İlçe Temsilciliği"
    found = findings(memory_book(rows=rows), "M4(2)")
    assert any("Türk Kızılay İl Temsilciliği" in f[3] for f in found)


def test_m6_3_each_public_university_sends_its_own_asil(memory_book):
    rows = clean_example_rows()
    rows["Üyeler"] += [
        ["Hasan Kalyoncu Üniversitesi", "Daimi", role, "Şube Müdürü", name, None, None, "Evet"]
        for role, name in ((rules.ROLE_SUB_PRIMARY, "Üni Asil"), (rules.ROLE_SUB_SUBSTITUTE, "Üni Y"))
    ]
    assert findings(memory_book(rows=rows), "M6(3)") == []


@pytest.mark.parametrize(
    "title, warned",
    [
        ("Jandarma Binbaşı", False),
        ("Müftü Yardımcısı", False),
        ("İl Müdür Yardımcısı", False),
        ("Kıdemli Yüzbaşı", False),
        ("Memur", True),
        ("Astsubay", True),
        ("Uzman", True),
        ("İlçe Müftüsü", False),
        ("Yüzbaşı", False),
        ("Üsteğmen", True),
        ("Tuğgeneral", False),
        ("Jandarma Tümgeneral", False),
        ("Tuğamiral", False),
        ("Müdürlük Memuru", True),
        ("Müftülük Uzmanı", True),
        ("Yüzbaşılık", True),
    ],
)
def test_m6_4_equivalent_titles_are_a_list(memory_book, title, warned):
    rows = clean_example_rows()
    yedek = next(m for m in rows["Üyeler"] if m[2] == rules.ROLE_SUB_SUBSTITUTE)
    yedek[3] = title
    found = findings(memory_book(rows=rows), rules.SUBCOMMISSION_TITLE_ARTICLE)
    assert bool(found) is warned and all(f[0] == "uyari" for f in found)


# --- M4(2): Geri Gönderme and Geçici Barınma Merkezi only where they exist -----------------------------------


def _without_centres(answer):
    rows = clean_example_rows()
    rows["Üyeler"] = [m for m in rows["Üyeler"] if m[0] not in ("Geri Gönderme Merkezi", "Geçici Barınma Merkezi")]
    settings = {
        **example.example_settings(),
        rules.SETTING_REMOVAL_CENTRE: answer,
        rules.SETTING_TEMPORARY_SHELTER: answer,
    }
    return settings, rows


@pytest.mark.parametrize("answer, errors", [("Hayır", 0), ("Evet", 6)])
def test_removal_and_shelter_centres_are_members_only_where_they_exist(memory_book, answer, errors):
    """A province without the centres has no finding (formerly six permanent ones: two board members, two asil,
    two yedek); one that has them must have them on the board and in the sub-commission."""
    settings, rows = _without_centres(answer)
    found = [
        f
        for f in commands.check(memory_book(settings=settings, rows=rows), TODAY).payload
        if "Merkezi" in f.message and f.rule in ("M4(2)", "M6(3)")
    ]
    assert len(found) == errors and all(f.level == "hata" for f in found)


def test_an_unanswered_centre_question_asks_the_office(memory_book):
    settings, rows = _without_centres(None)
    found = [
        f for f in commands.check(memory_book(settings=settings, rows=rows), TODAY).payload if f.sheet == "Ayarlar"
    ]
    assert {f.message.split("'")[1] for f in found} == {rules.SETTING_REMOVAL_CENTRE, rules.SETTING_TEMPORARY_SHELTER}
    assert not [
        f
        for f in commands.check(memory_book(settings=settings, rows=rows), TODAY).payload
        if "Merkezi" in f.message and f.rule == "M4(2)"
    ]


def test_an_older_template_without_the_centre_questions_asks_the_office(memory_book):
    """KURALLAR §4: unanswered = a finding asking the office to answer; a 1.2 book never had the question."""
    settings, rows = _without_centres(None)
    settings = {
        k: v for k, v in settings.items() if k not in (rules.SETTING_REMOVAL_CENTRE, rules.SETTING_TEMPORARY_SHELTER)
    }
    found = [
        f
        for f in commands.check(memory_book(settings=settings, rows=rows, version="1.2"), TODAY).payload
        if f.sheet == "Ayarlar" and "guncelle" in f.message
    ]
    assert sorted(f.message.split("'")[1] for f in found) == sorted(
        [rules.SETTING_REMOVAL_CENTRE, rules.SETTING_TEMPORARY_SHELTER]
    )
    assert all(f.rule == "M4(2)" for f in found)


# --- M5(7), Ek-1 item 8: the previous meeting's decisions ----------------------------------------------------


def test_ek1_item_8_keeps_the_previous_meetings_open_decisions_when_another_names_the_meeting(memory_book):
    """Issue 15 item 5: decision 5 (meeting 4, open) and the decisions that name meeting 6 are all evaluated there;
    naming one no longer hides the others."""
    rows = clean_example_rows()
    for d in rows["Kararlar"]:
        if d[0] == 5:
            d[10] = None
    data = memory_book(rows=rows)
    listed = [r["Karar No"] for r in decisions_to_evaluate(data, find_meeting(data, "6"))]
    assert listed == ["5", "3", "4"]


@pytest.mark.parametrize("evaluated_at, shown", [("6", True), ("8", False)])
def test_ek1_item_8_prints_an_evaluation_only_in_the_minutes_of_the_meeting_that_made_it(
    memory_book, evaluated_at, shown
):
    """Decision 5 (meeting 4) is listed at meeting 6; its 'Değerlendirme' text is that meeting's words only when
    meeting 6 made the evaluation — written at meeting 8, it does not belong in meeting 6's minutes."""
    from gockurul_excel.sheets.forms import minutes_sheet

    rows = clean_example_rows()
    decision = next(d for d in rows["Kararlar"] if d[0] == 5)
    decision[9], decision[10], decision[7] = "Uygulama sürüyor, yeni süre verildi.", evaluated_at, "Devam Ediyor"
    data = memory_book(rows=rows)
    spec = minutes_sheet(data, find_meeting(data, "6"))
    text = " ".join(str(v) for b in spec.blocks for row in b.values for v in row if v is not None)
    assert "Karar 5 (toplantı 4):" in text
    assert ("Uygulama sürüyor, yeni süre verildi." in text) is shown


@pytest.mark.parametrize("evaluated_at, shown", [("6", True), ("8", False)])
def test_the_platform_document_carries_the_evaluation_the_minutes_print(memory_book, evaluated_at, shown):
    """The meeting's platform document is the digital copy of its Ek-1: the same rule for item 8's evaluation."""
    from gockurul_excel.platform.documents import export_documents

    rows = clean_example_rows()
    decision = next(d for d in rows["Kararlar"] if d[0] == 5)
    decision[9], decision[10], decision[7] = "Uygulama sürüyor.", evaluated_at, "Devam Ediyor"
    docs = export_documents(memory_book(rows=rows))
    doc = next(d for d in docs.values() if d.get("belge_turu") == "toplanti" and d["toplanti_no"] == "6")
    item = next(e for e in doc["onceki_kararlarin_degerlendirmesi"] if e["karar_no"] == "5")
    assert (item["degerlendirme"] == "Uygulama sürüyor.") is shown


@pytest.mark.parametrize("evaluated_at, warned", [(None, True), ("6", False), ("8", False)])
def test_m5_7_a_meeting_held_without_evaluating_the_previous_ones_decisions(memory_book, evaluated_at, warned):
    """Decision 5 of the extra board 4 is open; board 6 is held. With no 'Değerlendiren Toplantı No' it was never
    evaluated (warning on its cell); named at 6 — or at a later board, the latest evaluation — it was."""
    rows = clean_example_rows()
    index = next(i for i, d in enumerate(rows["Kararlar"]) if d[0] == 5)
    rows["Kararlar"][index][10] = evaluated_at
    found = findings(memory_book(rows=rows), "M5(7)")
    assert bool(found) is warned
    if warned:
        assert found == [("uyari", "Kararlar", f"K{index + 2}", found[0][3])]
        assert "toplantı 6" in found[0][3] and "Karar 5" in found[0][3]
