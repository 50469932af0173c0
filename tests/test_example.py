"""`gockurul ornek`: realistic, and `kontrol` finds exactly its deliberate mistakes."""

from __future__ import annotations

from collections import Counter

from gockurul_excel import example, rules

from .conftest import kontrol_json, libreoffice_convert, run_cli


def test_example_lists_exactly_its_deliberate_mistakes(tmp_path):
    path = tmp_path / "ornek.xlsx"
    proc = run_cli("ornek", str(path))
    assert proc.returncode == 0, proc.stderr
    code, found = kontrol_json(path)
    assert code == 1
    assert Counter((f["kural"], f["sayfa"]) for f in found) == Counter(
        (rule, sheet) for rule, sheet, _ in example.DELIBERATE_MISTAKES
    )
    assert [f["duzey"] for f in found if f["kural"] == "M6(4)"] == ["uyari"]


def test_example_is_realistic():
    rows = example.example_rows()
    populations = {d[1] for d in rows["İlçeler"]}
    assert {1_999, 2_000, 2_001} <= populations
    assert any(d[2] == "Evet" and d[1] < 2_000 for d in rows["İlçeler"])  # border district under 2,000
    assert rules.THRESHOLDS["province_quarterly"].applies(example.FOREIGN_POPULATION)
    statuses = {d[7] for d in rows["Kararlar"]}
    assert statuses == set(rules.DECISION_STATUSES)
    categories = Counter(m[1] for m in rows["Toplantılar"])
    assert categories[rules.MeetingCategory.PROVINCE_BOARD.value] == 5
    assert categories[rules.MeetingCategory.SUBCOMMISSION.value] == 4
    assert all(rows[s] for s in ("Gündem", "Sorunlar", "Katılımcılar", "Eylem Planı", "Projeler", "Veri Paylaşımı"))


def test_libreoffice_opens_example(tmp_path):
    path = tmp_path / "ornek.xlsx"
    assert run_cli("ornek", str(path)).returncode == 0
    pdf = libreoffice_convert(path, "pdf", tmp_path / "pdf")
    assert pdf.stat().st_size > 10_000


def test_example_is_clean_apart_from_its_mistakes_today(tmp_path):
    """Without a fixed date: the example must not drift (open decisions' deadlines stay ahead)."""
    path = tmp_path / "ornek.xlsx"
    assert run_cli("ornek", str(path)).returncode == 0
    proc = run_cli("kontrol", str(path), "--json")
    found = __import__("json").loads(proc.stdout)
    assert Counter((f["kural"], f["sayfa"]) for f in found) == Counter(
        (rule, sheet) for rule, sheet, _ in example.DELIBERATE_MISTAKES
    )
