"""KURALLAR §6, the coordination circular: projects (GK(a), GK(ç)) and statistics (GK(b), GK(c)).

Each article on both sides of its edge; the baseline is the clean example (no finding at all).
"""

from __future__ import annotations

from .base import D, findings, only

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
