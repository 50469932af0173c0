"""KURALLAR §3, deadlines around a meeting: the agenda (M10) and the minutes (M12).

Each article on both sides of its edge; the baseline is the clean example (no finding at all).
"""

from __future__ import annotations

import pytest

from .base import D, findings, only

# --- moved from tests/test_kontrol.py ---

@pytest.mark.parametrize("sheet, col, article", [
    ("Kararlar", 1, "M12(1)"), ("Katılımcılar", 0, "M12(7)"), ("Gündem", 0, "M10(1)"),
])
def test_references_to_meetings(memory_book, example_rows, sheet, col, article):
    example_rows[sheet][0][col] = 77
    found = [f for f in findings(memory_book(rows=example_rows)) if "77" in f[4]]
    assert found and found[0][:3] == ("hata", article, sheet)


def test_notice_and_platform_before_meeting(memory_book, example_rows):
    """M12(2)/M12(3): notification and platform entry come after the meeting."""
    example_rows["Toplantılar"][0][7] = D(2025, 1, 10)
    example_rows["Toplantılar"][0][8] = D(2025, 1, 14)
    found = findings(memory_book(rows=example_rows))
    assert {(f[1], f[3]) for f in found} == {("M12(2)", "H2"), ("M12(3)", "I2")}


def test_held_meeting_without_participants_warning(memory_book, example_rows):
    example_rows["Katılımcılar"] = [p for p in example_rows["Katılımcılar"] if p[0] != 9]
    found = only(findings(memory_book(rows=example_rows)), "M12(7)")
    assert [(f[0], f[2]) for f in found] == [("uyari", "Toplantılar")]
