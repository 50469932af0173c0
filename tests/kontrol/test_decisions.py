"""KURALLAR §7 and Ek-1, decisions and the year boundary: a decision's meeting, time and problem (Ek-1), its evaluation
(M5(7), M5(12)), the reason it was not carried out (M13(4)).

Each article on both sides of its edge; the baseline is the clean example (no finding at all).
"""

from __future__ import annotations

import pytest

from gockurul_excel import example

from .base import D, findings, only

# --- moved from tests/test_kontrol.py ---

def test_decision_due_before_meeting(memory_book, example_rows):
    """Ek-1: Verilen Süre comes after the meeting that took the decision."""
    example_rows["Kararlar"][0][6] = D(example.YEAR, 1, 14)  # meeting 1 on 15.01
    found = only(findings(memory_book(rows=example_rows)), "Ek-1")
    assert [(f[0], f[2], f[3]) for f in found] == [("hata", "Kararlar", "G2")]
    # the same day is not "before"
    example_rows["Kararlar"][0][6] = D(example.YEAR, 1, 15)
    assert only(findings(memory_book(rows=example_rows)), "Ek-1") == []


@pytest.mark.parametrize("sheet, col, article", [
    ("Kararlar", 10, "M5(7)"), ("Sorunlar", 1, "Ek-1"),
])
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
