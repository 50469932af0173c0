"""KURALLAR §6, the coordination circular: projects (GK(a), GK(ç)) and statistics (GK(b), GK(c)).

Each article on both sides of its edge; the baseline is the clean example (no finding at all).
"""

from __future__ import annotations

import datetime as dt

from gockurul_excel import rules

from .base import TODAY, D, assert_finds, assert_not_finds, book, change, findings, only

# --- moved from tests/test_kontrol.py ---


def test_gk_c_project_before_favourable_opinion(memory_book, example_rows):
    """Coordination circular (c): the Presidency's favourable opinion at the preparation stage."""
    example_rows["Projeler"][1][6] = D(2025, 3, 4)  # opinion a day after the 03.03 start
    found = only(findings(memory_book(rows=example_rows)), "GK(c)")
    assert [(f[0], f[3]) for f in found] == [("hata", "H3")]
    example_rows["Projeler"][1][6] = D(2025, 3, 3)  # same day: not before
    assert only(findings(memory_book(rows=example_rows)), "GK(c)") == []
    example_rows["Projeler"][1][5] = "Bekliyor"
    example_rows["Projeler"][1][6] = None
    assert [f[3] for f in only(findings(memory_book(rows=example_rows)), "GK(c)")] == ["H3"]


def test_gk_c_pending_project_not_started_is_fine(memory_book, example_rows):
    assert example_rows["Projeler"][2][5] == "Bekliyor" and example_rows["Projeler"][2][7] is None
    assert only(findings(memory_book(rows=example_rows)), "GK(c)") == []


def test_gk_b_statistics_published_before_coordination(memory_book, example_rows):
    """Coordination circular (b): coordinate with the Presidency before publishing."""
    example_rows["Veri Paylaşımı"][0][5] = D(2025, 3, 4)  # coordination after the 03.03 publication
    assert [f[3] for f in only(findings(memory_book(rows=example_rows)), "GK(b)")] == ["G2"]
    example_rows["Veri Paylaşımı"][0][5] = None
    assert [f[3] for f in only(findings(memory_book(rows=example_rows)), "GK(b)")] == ["G2"]


def test_gk_a_sharing_date_warning(memory_book, example_rows):
    example_rows["Veri Paylaşımı"][3][4] = None
    found = only(findings(memory_book(rows=example_rows)), "GK(a)")
    assert [(f[0], f[3]) for f in found] == [("uyari", "E5")]


# --- each article on both sides of its edge (issue 22) ---


def test_a_project_starts_on_or_after_its_favourable_opinion(example_rows):
    """GK(c): project 1's opinion is dated 16.12.2024; starting that day is fine, the day before is not."""
    change(example_rows, "Projeler", {"Proje No": 1}, baslangic=D(2024, 12, 16))
    assert_not_finds(book(rows=example_rows), rules.PROJECT_OPINION_ARTICLE)
    change(example_rows, "Projeler", {"Proje No": 1}, baslangic=D(2024, 12, 15))
    assert_finds(
        book(rows=example_rows),
        rules.PROJECT_OPINION_ARTICLE,
        sheet="Projeler",
        cell="H2",
        level="hata",
        text="uygun görüşten (16.12.2024) önce başlamış",
    )


def test_statistics_are_published_on_or_after_coordination(example_rows):
    """GK(b): published the day of the coordination is fine, the day before is not."""
    change(example_rows, "Veri Paylaşımı", {"Kayıt No": 2}, yayin_tarihi=D(2025, 4, 14))
    assert_not_finds(book(rows=example_rows), rules.STATISTICS_COORDINATED_ARTICLE)
    change(example_rows, "Veri Paylaşımı", {"Kayıt No": 2}, yayin_tarihi=D(2025, 4, 13))
    assert_finds(book(rows=example_rows), rules.STATISTICS_COORDINATED_ARTICLE, cell="G3", level="hata")


def test_statistics_are_shared_with_the_presidency(example_rows):
    """GK(a): the date shared with the Presidency is written."""
    assert_not_finds(book(rows=example_rows), rules.STATISTICS_SHARED_ARTICLE)
    change(example_rows, "Veri Paylaşımı", {"Kayıt No": 2}, baskanlikla_paylasim_tarihi=None)
    assert_finds(book(rows=example_rows), rules.STATISTICS_SHARED_ARTICLE, cell="E3", level="uyari")


def test_a_final_report_is_due_after_the_project_ends(example_rows):
    """GK(ç): the final report of project 4 (ended 28.11.2025) without its date is late only after its due day."""
    from gockurul_excel.core.schedule import build_schedule, project_reports

    change(example_rows, "Projeler", {"Proje No": 4}, nihai_rapor_tarihi=None)
    data = book(rows=example_rows)
    s = build_schedule(data, TODAY)
    project = next(r for r in data.records("Projeler") if r["Proje No"] == "4")
    due_day = next(d for kind, d, _ in project_reports(s, project) if kind == "proje_nihai_rapor")
    assert due_day >= D(2025, 11, 28) + dt.timedelta(days=rules.PROJECT_FINAL_REPORT_DAYS)
    late = [f for f in findings(data, due_day) if f.rule == rules.PROJECT_REPORTS_ARTICLE and "Proje 4:" in f.message]
    assert not late
    assert_finds(
        data,
        rules.PROJECT_REPORTS_ARTICLE,
        sheet="Projeler",
        cell="L5",
        level="hata",
        text="Proje 4: nihai raporu",
        today=due_day + dt.timedelta(days=1),
    )
