"""KURALLAR §2, meetings and their windows (M6(9), M7, M8, M11): the dates a meeting row holds, the windows, working
days, extra meetings, district boards.

Each article on both sides of its edge; the baseline is the clean example (no finding at all).
"""

from __future__ import annotations

from gockurul_excel import rules

from .base import D, findings, only

# --- moved from tests/test_kontrol.py ---

def test_held_date_in_future_is_error(memory_book, example_rows):
    example_rows["Toplantılar"][0][4] = D(2027, 1, 15)
    example_rows["Toplantılar"][0][3] = D(2027, 1, 15)
    found = findings(memory_book(rows=example_rows))
    assert any(f[0] == "hata" and "ileri bir tarih" in f[4] and f[3] == "E2" for f in found)


def test_category_must_fit_board_kind(memory_book, example_rows):
    """M8(1): a province workbook does not hold district boards; M6(1): no sub-commission in a district."""
    example_rows["Toplantılar"][0][1] = rules.MeetingCategory.DISTRICT_BOARD.value
    found = [f for f in findings(memory_book(rows=example_rows)) if f[2] == "Toplantılar"]
    assert found and found[0][:2] == ("hata", "M6(1), M7(1)")


def test_province_with_empty_districts_warns(memory_book, example_rows):
    example_rows["İlçeler"] = []
    assert [f[0] for f in only(findings(memory_book(rows=example_rows)), "M8(1)")] == ["uyari"]
