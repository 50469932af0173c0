"""KURALLAR §7 and Ek-1, decisions and the year boundary: a decision's meeting, time and problem (Ek-1), its evaluation
(M5(7), M5(12)), the reason it was not carried out (M13(4)).

Each article on both sides of its edge; the baseline is the clean example (no finding at all).
"""

from __future__ import annotations

import pytest

from gockurul_excel import example, rules

from .base import D, assert_finds, assert_not_finds, book, change, findings, only

# --- moved from tests/test_kontrol.py ---


def test_decision_due_before_meeting(memory_book, example_rows):
    """Ek-1: Verilen Süre comes after the meeting that took the decision."""
    example_rows["Kararlar"][0][6] = D(example.YEAR, 1, 14)  # meeting 1 on 15.01
    found = only(findings(memory_book(rows=example_rows)), "Ek-1")
    assert [(f[0], f[2], f[3]) for f in found] == [("hata", "Kararlar", "G2")]
    # the same day is not "before"
    example_rows["Kararlar"][0][6] = D(example.YEAR, 1, 15)
    assert only(findings(memory_book(rows=example_rows)), "Ek-1") == []


@pytest.mark.parametrize("sheet, col, article", [("Kararlar", 10, "M5(7)"), ("Sorunlar", 1, "Ek-1")])
def test_references_to_meetings(memory_book, example_rows, sheet, col, article):
    example_rows[sheet][0][col] = 77
    found = [f for f in findings(memory_book(rows=example_rows)) if "77" in f[4]]
    assert found and found[0][:3] == ("hata", article, sheet)


def test_decision_problem_reference(memory_book, example_rows):
    example_rows["Kararlar"][0][11] = 404
    found = [f for f in findings(memory_book(rows=example_rows)) if "404" in f[4]]
    assert found[0][2:4] == ("Kararlar", "L2")


def test_evaluated_by_earlier_meeting_is_error(memory_book, example_rows):
    """M5(7): earlier decisions are evaluated at a later meeting."""
    example_rows["Kararlar"][2][10] = 1  # decision of meeting 3 "evaluated" at meeting 1
    assert [f[3] for f in only(findings(memory_book(rows=example_rows)), "M5(7)")] == ["K4"]


def test_not_implemented_needs_reason_warning(memory_book, example_rows):
    """M13(4): decisions not implemented, with their reasons."""
    example_rows["Kararlar"][5][8] = None
    found = only(findings(memory_book(rows=example_rows)), "M13(4)")
    assert [(f[0], f[3]) for f in found] == [("uyari", "I7")]


# --- each article on both sides of its edge (issue 22) ---


def test_an_open_decision_is_reported_after_its_time(example_rows):
    """Ek-1: an open decision (Devam Ediyor, Bekliyor) past its Verilen Süre; on the day itself it is not late."""
    change(example_rows, "Kararlar", {"Karar No": 2}, verilen_sure=D(2026, 6, 30), durum="Devam Ediyor")
    data = book(rows=example_rows)
    assert_not_finds(data, "Ek-1", today=D(2026, 6, 30))
    assert_finds(
        data,
        "Ek-1",
        sheet="Kararlar",
        cell="H3",
        level="uyari",
        text="verilen süre 30.06.2026 geçti",
        today=D(2026, 7, 1),
    )


def test_a_decision_done_is_not_late(example_rows):
    change(
        example_rows,
        "Kararlar",
        {"Karar No": 2},
        verilen_sure=D(2026, 6, 30),
        durum="Uygulandı",
        degerlendirme="Yapıldı.",
        degerlendiren_toplanti_no=3,
    )
    assert not [f for f in findings(book(rows=example_rows), D(2026, 7, 1)) if "Karar 2:" in f.message]


def test_a_decision_is_evaluated_at_a_later_meeting(example_rows):
    """M5(7): decision 3 (meeting 3, 15.04) evaluated at meeting 6 (16.07) is fine; at meeting 3 itself it is not."""
    change(example_rows, "Kararlar", {"Karar No": 3}, degerlendiren_toplanti_no=6)
    assert not [f for f in findings(book(rows=example_rows)) if f.rule == "M5(7)" and f.cell == "K4"]
    change(example_rows, "Kararlar", {"Karar No": 3}, degerlendiren_toplanti_no=3)
    assert_finds(
        book(rows=example_rows),
        "M5(7)",
        sheet="Kararlar",
        cell="K4",
        level="hata",
        text="kendisinden sonraki bir toplantıda",
    )


def test_a_decision_not_carried_out_gives_its_reason(example_rows):
    """M13(4): with a reason, nothing; without one, a warning on the empty cell."""
    assert_not_finds(book(rows=example_rows), rules.NOT_IMPLEMENTED_REASON_ARTICLE)
    change(example_rows, "Kararlar", {"Karar No": 6}, uygulanamama_sebebi="   ")
    assert_finds(book(rows=example_rows), rules.NOT_IMPLEMENTED_REASON_ARTICLE, cell="I7", level="uyari")


def test_a_decision_names_a_problem_that_exists(example_rows):
    """Ek-1: Sorun No names a row of Sorunlar."""
    change(example_rows, "Kararlar", {"Karar No": 1}, sorun_no=1)
    assert_not_finds(book(rows=example_rows), "Ek-1", sheet="Kararlar")
    change(example_rows, "Kararlar", {"Karar No": 1}, sorun_no=999)
    assert_finds(book(rows=example_rows), "Ek-1", sheet="Kararlar", cell="L2", text="'Sorun No' 999")
