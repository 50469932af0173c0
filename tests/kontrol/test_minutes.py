"""KURALLAR §3, deadlines around a meeting: the agenda (M10) and the minutes (M12).

Each article on both sides of its edge; the baseline is the clean example (no finding at all).
"""

from __future__ import annotations

import datetime as dt

import pytest

from gockurul_excel import rules

from .base import TODAY, D, assert_finds, assert_not_finds, book, change, findings, only, rows

# --- moved from tests/test_kontrol.py ---


@pytest.mark.parametrize(
    "sheet, col, article", [("Kararlar", 1, "M12(1)"), ("Katılımcılar", 0, "M12(7)"), ("Gündem", 0, "M10(1)")]
)
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


# --- each article on both sides of its edge (issue 22) ---


def _limit(data, no: int, kind: str) -> dt.date:
    """The legal limit of meeting `no`'s deadline of `kind` (core.workdays.due on the book's calendar)."""
    from gockurul_excel.core.meetings import before_day
    from gockurul_excel.core.schedule import build_schedule
    from gockurul_excel.core.workdays import due

    m = next(r for r in data.records("Toplantılar") if r["Toplantı No"] == str(no))
    category = rules.category_of(m["Kategori"])
    rule = next(r for r in rules.MEETING_DEADLINES if r.kind == kind and category in r.categories)
    base = before_day(m, m["Gerçekleşen Tarih"]) if rule.direction is rules.Direction.BEFORE else m["Gerçekleşen Tarih"]
    return due(build_schedule(data, TODAY).calendar, base, rule).limit


@pytest.mark.parametrize(
    "column, kind, article, cell",
    [
        ("Tutanak Tebliğ Tarihi", "tutanak_teblig", "M12(2)", "H2"),
        ("Platform Giriş Tarihi", "platform_giris", "M12(3)", "I2"),
    ],
)
def test_minutes_are_judged_by_the_legal_limit(example_rows, column, kind, article, cell):
    """M12(2), M12(3): the board's minutes notified and entered by the limit — on it is in time, a day after late."""
    limit = _limit(book(rows=example_rows), 1, kind)
    change(example_rows, "Toplantılar", {"Toplantı No": 1}, **{column: limit})
    assert_not_finds(book(rows=example_rows), article)
    change(example_rows, "Toplantılar", {"Toplantı No": 1}, **{column: limit + dt.timedelta(days=1)})
    assert_finds(book(rows=example_rows), article, sheet="Toplantılar", cell=cell, level="hata", text="olmalıydı")


def test_a_missing_minutes_date_is_late_only_after_the_limit(example_rows):
    """M12(2): no notification date is a finding once the limit has passed, not before."""
    limit = _limit(book(rows=example_rows), 1, "tutanak_teblig")
    change(example_rows, "Toplantılar", {"Toplantı No": 1}, tutanak_teblig_tarihi=None)
    data = book(rows=example_rows)
    assert_not_finds(data, "M12(2)", today=limit)
    assert_finds(data, "M12(2)", cell="H2", text="tarihi yazılmamış", today=limit + dt.timedelta(days=1))


def test_the_sub_commission_minutes_come_after_its_meeting(example_rows):
    """M12(6): the sub-commission's outputs are entered after it met (meeting 2, 03.03.2025)."""
    change(example_rows, "Toplantılar", {"Toplantı No": 2}, platform_giris_tarihi=D(2025, 3, 3))
    assert_not_finds(book(rows=example_rows), "M12(6)")
    change(example_rows, "Toplantılar", {"Toplantı No": 2}, platform_giris_tarihi=D(2025, 3, 2))
    assert_finds(book(rows=example_rows), "M12(6)", cell="I3", text="toplantıdan (03.03.2025) önce olamaz")


def test_agenda_proposals_arrive_by_their_limit(example_rows):
    """M10(2): an item proposed on the limit is in time, a day later is late."""
    limit = _limit(book(rows=example_rows), 3, "gundem_onerisi")
    change(example_rows, "Gündem", {"Toplantı No": 3, "Sıra": 1}, oneri_tarihi=limit)
    assert_not_finds(book(rows=example_rows), "M10(2)")
    change(example_rows, "Gündem", {"Toplantı No": 3, "Sıra": 1}, oneri_tarihi=limit + dt.timedelta(days=1))
    assert_finds(book(rows=example_rows), "M10(2)", sheet="Gündem", level="uyari", count=1, text="geç")


def test_participants_of_a_held_meeting(example_rows):
    """M12(7): a held meeting has its participants (Ek-2); one row is enough."""
    keep = [p for p in example_rows["Katılımcılar"] if p[0] != 3]
    example_rows["Katılımcılar"] = keep + rows(
        "Katılımcılar", toplanti_no=3, sira=1, kurum_ismi="Valilik", unvan="Vali", ad_soyad="Kemal Çelik", vekil="Hayır"
    )
    assert_not_finds(book(rows=example_rows), "M12(7)", sheet="Toplantılar")
    example_rows["Katılımcılar"] = keep
    assert_finds(book(rows=example_rows), "M12(7)", sheet="Toplantılar", cell="A4", text="katılımcısı yok")
