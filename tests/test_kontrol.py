"""`kontrol`: each rule of KURALLAR.md that needs no calendar, with its article, on real workbooks.

The baseline is the example with its deliberate mistakes put right: it must be clean, and each test
changes one thing and expects exactly the finding of that rule.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gockurul_excel import commands, example, operations, rules
from gockurul_excel.core.model import WorkbookData
from gockurul_excel.operations import check_workbook

from .conftest import TODAY, clean_example_rows

D = dt.date


def findings(book, today=TODAY):
    """Findings of a workbook in memory (commands.check) or of a file (operations.check_workbook)."""
    found = (commands.check(book, today).payload if isinstance(book, WorkbookData)
             else check_workbook(book, write=False, today=today).findings)
    return [(f.level, f.rule, f.sheet, f.cell, f.message) for f in found]


def only(found, rule):
    return [f for f in found if f[1] == rule]


@pytest.fixture
def rows():
    return clean_example_rows()


def test_clean_baseline_has_no_findings(make_book):
    assert findings(make_book()) == []


def test_held_date_in_future_is_error(memory_book, rows):
    rows["Toplantılar"][0][4] = D(2027, 1, 15)
    rows["Toplantılar"][0][3] = D(2027, 1, 15)
    found = findings(memory_book(rows=rows))
    assert any(f[0] == "hata" and "ileri bir tarih" in f[4] and f[3] == "E2" for f in found)


def test_decision_due_before_meeting(memory_book, rows):
    """Ek-1: Verilen Süre comes after the meeting that took the decision."""
    rows["Kararlar"][0][6] = D(example.YEAR, 1, 14)  # meeting 1 on 15.01
    found = only(findings(memory_book(rows=rows)), "Ek-1")
    assert [(f[0], f[2], f[3]) for f in found] == [("hata", "Kararlar", "G2")]
    # the same day is not "before"
    rows["Kararlar"][0][6] = D(example.YEAR, 1, 15)
    assert only(findings(memory_book(rows=rows)), "Ek-1") == []


@pytest.mark.parametrize("sheet, col, article", [
    ("Kararlar", 1, "M12(1)"), ("Kararlar", 10, "M5(7)"), ("Katılımcılar", 0, "M12(7)"),
    ("Gündem", 0, "M10(1)"), ("Sorunlar", 1, "Ek-1"),
])
def test_references_to_meetings(memory_book, rows, sheet, col, article):
    rows[sheet][0][col] = 77
    found = [f for f in findings(memory_book(rows=rows)) if "77" in f[4]]
    assert found and found[0][:3] == ("hata", article, sheet)


def test_decision_problem_reference(memory_book, rows):
    rows["Kararlar"][0][11] = 404
    found = [f for f in findings(memory_book(rows=rows)) if "404" in f[4]]
    assert found[0][2:4] == ("Kararlar", "L2")


def test_evaluated_by_earlier_meeting_is_error(memory_book, rows):
    """M5(7): earlier decisions are evaluated at a later meeting."""
    rows["Kararlar"][2][10] = 1  # decision of meeting 3 "evaluated" at meeting 1
    assert [f[3] for f in only(findings(memory_book(rows=rows)), "M5(7)")] == ["K4"]


def test_not_implemented_needs_reason_warning(memory_book, rows):
    """M13(4): decisions not implemented, with their reasons."""
    rows["Kararlar"][5][8] = None
    found = only(findings(memory_book(rows=rows)), "M13(4)")
    assert [(f[0], f[3]) for f in found] == [("uyari", "I7")]


def test_required_and_closed_lists_and_types(memory_book, rows):
    rows["Kararlar"][0][2] = None  # Alınan Karar required
    rows["Kararlar"][1][7] = "Bitti"  # not a status
    rows["Sorunlar"][0][2] = "Ulaşım"  # not an M6(7) area
    rows["Toplantılar"][1][4] = "32.13.2025"  # not a date
    rows["İlçeler"][0][1] = "çok"  # not a number
    found = findings(memory_book(rows=rows))
    cells = {(f[2], f[3]) for f in found if f[0] == "hata"}
    assert {("Kararlar", "C2"), ("Kararlar", "H3"), ("Sorunlar", "C2"), ("Toplantılar", "E3"),
            ("İlçeler", "B2")} <= cells
    msg = next(f[4] for f in found if f[3] == "H3")
    assert "Bitti" in msg and "Uygulandı" in msg


def test_text_dates_and_numbers_are_read(make_book, rows):
    rows["Toplantılar"][0][4] = "15.01.2025"
    rows["Toplantılar"][0][3] = "15.01.2025"
    rows["İlçeler"][0][1] = "182.400"
    assert findings(make_book(rows=rows)) == []


def test_unique_keys(memory_book, rows):
    rows["Kararlar"][1][0] = 1
    found = [f for f in findings(memory_book(rows=rows)) if "birden çok" in f[4]]
    assert found[0][2:4] == ("Kararlar", "A3")


def test_category_must_fit_board_kind(memory_book, rows):
    """M8(1): a province workbook does not hold district boards; M6(1): no sub-commission in a district."""
    rows["Toplantılar"][0][1] = rules.MeetingCategory.DISTRICT_BOARD.value
    found = [f for f in findings(memory_book(rows=rows)) if f[2] == "Toplantılar"]
    assert found and found[0][:2] == ("hata", "M6(1), M7(1)")


def test_m4_2_missing_institution(memory_book, rows):
    rows["Üyeler"] = [m for m in rows["Üyeler"] if not (m[0] == "İl Müftülüğü" and m[2] == rules.ROLE_MEMBER)]
    found = only(findings(memory_book(rows=rows)), "M4(2)")
    assert len(found) == 1 and "İl Müftülüğü" in found[0][4]


def test_m4_2_inactive_member_does_not_count(memory_book, rows):
    for m in rows["Üyeler"]:
        if m[0] == "İl Müftülüğü" and m[2] == rules.ROLE_MEMBER:
            m[7] = "Hayır"
    assert len(only(findings(memory_book(rows=rows)), "M4(2)")) == 1


@pytest.mark.parametrize("population, required", [(1_999, False), (2_000, False), (2_001, True)])
def test_m4_2_kaymakam_by_district_population(memory_book, rows, population, required):
    """M4(2): a district's kaymakam is a member when its population is more than 2,000."""
    rows["İlçeler"].append(["Yeniilçe", population, "Hayır"])
    found = [f for f in only(findings(memory_book(rows=rows)), "M4(2)") if "Yeniilçe" in f[4]]
    assert bool(found) is required


def test_m4_optional_institution_follows_setting(memory_book, rows):
    """M4(2) "varsa İl Sahil Güvenlik Komutanlığı": required only where it exists."""
    settings = {**example.example_settings(), rules.SETTING_COAST_GUARD: "Evet"}
    found = only(findings(memory_book(settings=settings, rows=rows)), "M4(2)")
    assert len(found) == 1 and "Sahil Güvenlik" in found[0][4]


def test_m4_1_chair(memory_book, rows):
    rows["Üyeler"] = [m for m in rows["Üyeler"] if m[2] != rules.ROLE_CHAIR]
    found = only(findings(memory_book(rows=rows)), "M4(1)")
    assert found and "Vali" in found[0][4]


def test_m6_3_subcommission_primary_and_substitute(memory_book, rows):
    rows["Üyeler"] = [m for m in rows["Üyeler"] if not (m[0] == "İl Sağlık Müdürlüğü" and
                                                         m[2] == rules.ROLE_SUB_SUBSTITUTE)]
    found = only(findings(memory_book(rows=rows)), "M6(3)")
    assert len(found) == 1 and "İl Sağlık Müdürlüğü" in found[0][4] and "yedek" in found[0][4]


def test_m6_4_title_level_warning(memory_book, rows):
    sub = next(m for m in rows["Üyeler"] if m[2] == rules.ROLE_SUB_PRIMARY)
    sub[3] = "Veri Hazırlama ve Kontrol İşletmeni"
    found = only(findings(memory_book(rows=rows)), "M6(4)")
    assert len(found) == 1 and found[0][0] == "uyari" and found[0][2] == "Üyeler"


def test_district_workbook_composition(memory_book):
    """M4(3) for an İlçe GKK; the migration office depends on the setting; no sub-commission (M6(1))."""
    settings = {"Kurul Türü": "İlçe", "İl": "Gaziantep", "İlçe": "Nizip", "Yıl": 2025, "Yabancı Nüfusu": 2_001,
                "Hudut İlçesi": "Hayır", rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Hayır",
                rules.SETTING_DISTRICT_RED_CRESCENT: "Hayır", rules.SETTING_DISTRICT_UNIVERSITY: "Hayır"}
    members = [["Nizip Kaymakamlığı", "Daimi", rules.ROLE_CHAIR, "Kaymakam", "A B", None, None, "Evet"]]
    for req in rules.DISTRICT_MEMBERS:
        if req.optional_setting is None:
            members.append([req.kurum, "Daimi", rules.ROLE_MEMBER, "Müdür", "C D", None, None, "Evet"])
    rows = {"Üyeler": members}
    found = findings(memory_book(settings=settings, rows=rows))
    assert [f[4] for f in only(found, "M4(3)")] == ["Zorunlu üye eksik: İl Göç İdaresi Müdürlüğü (M4(3))."]
    settings[rules.SETTING_DISTRICT_MIGRATION_OFFICE] = "Evet"
    found = findings(memory_book(settings=settings, rows=rows))
    assert [f[4] for f in only(found, "M4(3)")] == ["Zorunlu üye eksik: İlçe Göç İdaresi Müdürlüğü (M4(3))."]
    rows["Üyeler"].append(["İl Göç İdaresi Müdürlüğü", "Daimi", rules.ROLE_SUB_PRIMARY, "Şube Müdürü", "E F",
                           None, None, "Evet"])
    assert only(findings(memory_book(settings=settings, rows=rows)), "M6(1)")


def test_gk_c_project_before_favourable_opinion(memory_book, rows):
    """Coordination circular (c): the Presidency's favourable opinion at the preparation stage."""
    rows["Projeler"][1][6] = D(2025, 3, 4)  # opinion a day after the 03.03 start
    found = only(findings(memory_book(rows=rows)), "GK(c)")
    assert [(f[0], f[3]) for f in found] == [("hata", "H3")]
    rows["Projeler"][1][6] = D(2025, 3, 3)  # same day: not before
    assert only(findings(memory_book(rows=rows)), "GK(c)") == []
    rows["Projeler"][1][5] = "Bekliyor"
    rows["Projeler"][1][6] = None
    assert [f[3] for f in only(findings(memory_book(rows=rows)), "GK(c)")] == ["H3"]


def test_gk_c_pending_project_not_started_is_fine(memory_book, rows):
    assert rows["Projeler"][2][5] == "Bekliyor" and rows["Projeler"][2][7] is None
    assert only(findings(memory_book(rows=rows)), "GK(c)") == []


def test_gk_b_statistics_published_before_coordination(memory_book, rows):
    """Coordination circular (b): coordinate with the Presidency before publishing."""
    rows["Veri Paylaşımı"][0][5] = D(2025, 3, 4)  # coordination after the 03.03 publication
    assert [f[3] for f in only(findings(memory_book(rows=rows)), "GK(b)")] == ["G2"]
    rows["Veri Paylaşımı"][0][5] = None
    assert [f[3] for f in only(findings(memory_book(rows=rows)), "GK(b)")] == ["G2"]


def test_gk_a_sharing_date_warning(memory_book, rows):
    rows["Veri Paylaşımı"][3][4] = None
    found = only(findings(memory_book(rows=rows)), "GK(a)")
    assert [(f[0], f[3]) for f in found] == [("uyari", "E5")]


def test_notice_and_platform_before_meeting(memory_book, rows):
    """M12(2)/M12(3): notification and platform entry come after the meeting."""
    rows["Toplantılar"][0][7] = D(2025, 1, 10)
    rows["Toplantılar"][0][8] = D(2025, 1, 14)
    found = findings(memory_book(rows=rows))
    assert {(f[1], f[3]) for f in found} == {("M12(2)", "H2"), ("M12(3)", "I2")}


def test_held_meeting_without_participants_warning(memory_book, rows):
    rows["Katılımcılar"] = [p for p in rows["Katılımcılar"] if p[0] != 9]
    found = only(findings(memory_book(rows=rows)), "M12(7)")
    assert [(f[0], f[2]) for f in found] == [("uyari", "Toplantılar")]


def test_settings_checked(memory_book, rows):
    settings = {**example.example_settings(), "İl": "Gazi Antep", "Yabancı Nüfusu": "çok"}
    found = [f for f in findings(memory_book(settings=settings, rows=rows)) if f[2] == "Ayarlar"]
    assert len(found) == 2 and all(f[0] == "hata" for f in found)


def test_province_with_empty_districts_warns(memory_book, rows):
    rows["İlçeler"] = []
    assert [f[0] for f in only(findings(memory_book(rows=rows)), "M8(1)")] == ["uyari"]


def test_kontrol_sheet_written_with_links(make_book, rows):
    import openpyxl

    rows["Kararlar"][0][6] = D(example.YEAR, 1, 14)
    path = make_book(rows=rows)
    result = operations.check_workbook(path, write=True, today=TODAY)
    assert result.written and result.exit_code == 1
    ws = openpyxl.load_workbook(path)["Kontrol"]
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert values[0][:4] == ["Hata", "Ek-1", "Kararlar", "G2"]
    assert ws["D4"].hyperlink.location == "'Kararlar'!G2"


def test_older_template_is_read_without_complaint(memory_book, rows):
    """A 1.0 workbook lacks the 1.1 column and settings: not an error, `guncelle` adds them."""
    settings = {k: v for k, v in example.example_settings().items()
                if k not in (rules.SETTING_COAST_GUARD, rules.SETTING_RESEARCH_CENTRE)}
    rows["Toplantılar"] = [r[:9] for r in rows["Toplantılar"]]
    path = memory_book(settings={**settings, "Şablon Sürümü": "1.0"}, rows=rows, version="1.0")
    found = findings(path)
    # Without the "varsa" setting, the research centre is not demanded; nothing else is missing.
    assert found == []


def _rename(rows, old, new, role=None):
    for m in rows["Üyeler"]:
        if m[0] == old and (role is None or m[2] == role):
            m[0] = new


def test_realistic_institution_spellings_are_recognised(memory_book, rows):
    """M4(2) names as offices really type them: 'Gaziantep Valiliği', 'Türk Kızılay Gaziantep Şubesi'."""
    _rename(rows, "Valilik", "Gaziantep Valiliği")
    _rename(rows, "Türk Kızılay İl Temsilciliği", "Türk Kızılay Gaziantep Şubesi")
    _rename(rows, "İl Milli Eğitim Müdürlüğü", "Gaziantep İl Millî Eğitim Müdürlüğü")
    for m in rows["Üyeler"]:
        if m[0] == "Nizip Kaymakamlığı":
            m[0], m[3] = "Kaymakamlık", "Nizip Kaymakamı"  # the district named in the title only
    assert findings(memory_book(rows=rows)) == []


def test_research_centre_does_not_count_as_the_university(memory_book, rows):
    rows["Üyeler"] = [m for m in rows["Üyeler"] if m[0] != "Gaziantep Üniversitesi"]
    found = only(findings(memory_book(rows=rows)), "M4(2)")
    assert [f[4] for f in found] == ["Zorunlu üye eksik: Kamu üniversitesi (M4(2))."]


def test_m4_1_chair_must_be_the_governor(memory_book, rows):
    """M4(1): the Vali chairs the İl GKK; a Vali Yardımcısı as 'Kurul Başkanı' is an error."""
    chair = next(m for m in rows["Üyeler"] if m[2] == rules.ROLE_CHAIR)
    chair[3] = "Vali Yardımcısı"
    found = only(findings(memory_book(rows=rows)), "M4(1)")
    assert len(found) == 1 and found[0][3] == "D2" and "Vali olmalı" in found[0][4]


def test_blank_number_named_by_row(memory_book, rows):
    rows["Kararlar"][6][0] = None  # Karar 7's number cleared
    rows["Kararlar"][6][6] = D(example.YEAR, 1, 2)
    msgs = [f[4] for f in findings(memory_book(rows=rows))]
    assert any(m.startswith("8. satırdaki karar: Verilen Süre") for m in msgs)
    assert not any("None" in m for m in msgs)


def test_every_check_cites_only_the_articles_it_declares(memory_book, rows):
    """The registry's articles are what each check enforces: every finding it makes cites one of them."""
    from gockurul_excel.core import checks

    rows["Kararlar"][0][6] = D(example.YEAR, 1, 14)  # an Ek-1 error
    rows["Üyeler"] = rows["Üyeler"][3:]  # chair and members missing: M4(1), M4(2), M6(3)
    rows["Kararlar"].append(list(rows["Kararlar"][0]))  # a number twice
    rows["Kararlar"][1][7], rows["Kararlar"][1][8] = rules.DECISION_NOT_IMPLEMENTED, None  # M13(4)
    rows["Toplantılar"][0][4] = TODAY + dt.timedelta(days=3)  # held in the future
    rows["Eylem Planı"][0][6] = rows["Eylem Planı"][0][5] - dt.timedelta(days=1)  # ends before it starts
    books = [memory_book(settings=example.example_settings(), rows=example.example_rows()), memory_book(rows=rows),
             memory_book(settings={**example.example_settings(), "Kurul Türü": "İlçe", "İlçe": "Nizip"}, rows=rows)]
    seen = set()
    for data in books:
        ctx = checks.Context(data, TODAY, data.board_kind, data.setting("Yabancı Nüfusu"))
        for c in checks.CHECKS.values():
            for f in checks.findings_of(c, ctx):
                assert f.rule in c.articles, (c.name, f.rule, c.articles)
                seen.add(c.name)
    assert len(seen) >= 12, seen  # the books above exercise most checks
