"""The district merge planned in the process (core.merge.plan_merge, action_counts, require_province; M12(5)):
every source's log line word for word — refused (another province or year, unusable), added, unchanged,
replaced —, the district named as the province's İlçeler sheet names it, and the dates the province received
each meeting."""

from __future__ import annotations

import datetime as dt

import pytest

from gockurul_excel.core.districts import MEETINGS_SHEET, DistrictRows, MergedState
from gockurul_excel.core.merge import Incoming, LogEntry, Unusable, action_counts, plan_merge, require_province
from gockurul_excel.errors import InvalidArgument

from .kontrol.base import book

D = dt.date
NOW = dt.datetime(2026, 11, 24, 10, 5)
STAMP = "24.11.2026 10:05"


def _rows(district: str, *nos: str) -> DistrictRows:
    rows = DistrictRows(district)
    for no in nos:
        rows.tables[MEETINGS_SHEET].append(
            {
                "Toplantı No": no,
                "Kategori": "İlçe Göç Koordinasyon Kurulu",
                "Tür": "Olağan",
                "Gerçekleşen Tarih": D(2025, 3, int(no)),
            }
        )
    return rows


def _inc(
    name: str, district: str, *nos: str, province: str | None = "Gaziantep", year: int | None = 2025, note: str = ""
) -> Incoming:
    return Incoming(name, district, province, year, _rows(district, *nos), note)


def test_refusals_word_for_word():
    """A file of another province or year, or one the backend could not use, is refused with its reason."""
    sources = [
        Unusable("bozuk.xlsx", "Dosya açılamadı."),
        _inc("kilis.xlsx", "Elbeyli", "1", province="Kilis"),
        _inc("ilsiz.xlsx", "Nizip", "1", province=None),
        _inc("eski.xlsx", "Nizip", "1", year=2024),
        _inc("yilsiz.xlsx", "Nizip", "1", year=None),
    ]
    result = plan_merge(book(), None, sources, today=D(2026, 11, 24), now=NOW)
    assert [e.row() for e in result.entries] == [
        [STAMP, "bozuk.xlsx", None, "reddedildi", "Dosya açılamadı."],
        [STAMP, "kilis.xlsx", None, "reddedildi", "Başka ilin dosyası: Kilis; bu kitap Gaziantep ili için."],
        [STAMP, "ilsiz.xlsx", None, "reddedildi", "Başka ilin dosyası: (il boş); bu kitap Gaziantep ili için."],
        [STAMP, "eski.xlsx", None, "reddedildi", "Başka yılın dosyası: 2024; bu kitap 2025 yılı için."],
        [STAMP, "yilsiz.xlsx", None, "reddedildi", "Başka yılın dosyası: (yıl boş); bu kitap 2025 yılı için."],
    ]
    assert result.state.districts == {}
    assert result.state.log == [e.row() for e in result.entries]
    assert len(result.refused) == 5 and result.changed == []
    assert action_counts(result.entries) == {"eklendi": 0, "değiştirildi": 0, "değişiklik yok": 0, "reddedildi": 5}


def test_added_then_unchanged_then_replaced():
    """M12(5): a district's first file is added (named as İlçeler names it, its meetings received today); the same
    content again is 'değişiklik yok' (the first source kept); a newer file replaces all its rows, the log saying
    what changed, and a meeting keeps the day the province first received it."""
    first = plan_merge(
        book(),
        None,
        [_inc("nizip-1.xlsx", " NİZİP ", "2", "1", note=" (not)"), _inc("yok.xlsx", "Bilinmez")],
        today=D(2025, 4, 1),
        now=NOW,
    )
    assert [e.row() for e in first.entries] == [
        [STAMP, "nizip-1.xlsx", "Nizip", "eklendi", "2 toplantı eklendi. (not)"],
        [
            STAMP,
            "yok.xlsx",
            "Bilinmez",
            "eklendi",
            "0 toplantı eklendi. (Uyarı: bu ilçe İlçeler sayfasında yok; izleme görünümünde yer almaz.)",
        ],
    ]
    nizip = first.state.districts["nizip"]
    assert (nizip.district, nizip.source, nizip.received) == (
        "Nizip",
        "nizip-1.xlsx",
        {"1": D(2025, 4, 1), "2": D(2025, 4, 1)},
    )
    assert [m["Toplantı No"] for m in nizip.meetings()] == ["1", "2"]  # sorted by number
    assert len(first.changed) == 2

    again = plan_merge(book(), first.state, [_inc("nizip-2.xlsx", "Nizip", "1", "2")], today=D(2025, 5, 1), now=NOW)
    assert [e.row() for e in again.entries] == [
        [STAMP, "nizip-2.xlsx", "Nizip", "değişiklik yok", "Aynı içerik (2 toplantı)."]
    ]
    assert again.state.districts["nizip"].source == "nizip-1.xlsx"
    assert first.state.log == [e.row() for e in first.entries]  # the state given is not changed
    assert again.state.log == [*first.state.log, *(e.row() for e in again.entries)]

    newer = plan_merge(book(), again.state, [_inc("nizip-3.xlsx", "Nizip", "1", "3")], today=D(2025, 6, 1), now=NOW)
    assert [e.row() for e in newer.entries] == [
        [
            STAMP,
            "nizip-3.xlsx",
            "Nizip",
            "değiştirildi",
            "İlçenin önceki satırları bu dosyayla değiştirildi — eklenen toplantı: 3; çıkarılan toplantı: 2.",
        ]
    ]
    assert newer.state.districts["nizip"].received == {"1": D(2025, 4, 1), "3": D(2025, 6, 1)}
    assert newer.state.districts["nizip"].source == "nizip-3.xlsx"
    assert action_counts(newer.entries) == {"eklendi": 0, "değiştirildi": 1, "değişiklik yok": 0, "reddedildi": 0}


def test_a_district_merged_before_without_rows_is_unchanged():
    """A district whose earlier file had no rows is in the log only: the same empty file again changes nothing."""
    state = MergedState(
        {},
        [
            ["01.05.2025 09:00", "araban.xlsx", "Araban", "eklendi", "0 toplantı eklendi."],
            ["01.05.2025 09:00", "x.xlsx", "Nizip", "reddedildi", "Başka yılın dosyası"],
        ],
    )
    result = plan_merge(
        book(), state, [_inc("araban.xlsx", "araban"), _inc("nizip.xlsx", "Nizip")], today=D(2025, 6, 1), now=NOW
    )
    assert [(e.district, e.action, e.reason) for e in result.entries] == [
        ("Araban", "değişiklik yok", "Aynı içerik (0 toplantı)."),
        ("Nizip", "eklendi", "0 toplantı eklendi."),
    ]
    assert LogEntry("t", "f", None, "a", "r").row() == ["t", "f", None, "a", "r"]


def test_require_province():
    require_province(book(), "il.xlsx")
    with pytest.raises(InvalidArgument) as e:
        require_province(book(**{"Kurul Türü": "İlçe", "İlçe": "Nizip"}), "nizip.xlsx")
    assert str(e.value) == ("'nizip.xlsx' bir il kurulu kitabı değil; ilçe kitapları il kurulu kitabına birleştirilir.")


def test_plan_merge_refuses_a_district_book_by_its_name():
    district = {"Kurul Türü": "İlçe", "İlçe": "Nizip"}
    with pytest.raises(InvalidArgument) as e:
        plan_merge(book(**district), None, [], today=D(2025, 6, 1), now=NOW)
    assert str(e.value).startswith("'kitap.xlsx' bir il kurulu kitabı değil")
    unnamed = book(**district)
    unnamed.path = None
    with pytest.raises(InvalidArgument) as e:
        plan_merge(unnamed, None, [], today=D(2025, 6, 1), now=NOW)
    assert str(e.value) == "'kitap' bir il kurulu kitabı değil; ilçe kitapları il kurulu kitabına birleştirilir."


def test_merged_rows_sorted_by_number_and_short_log_rows_ignored():
    """Each merged table in number order (2 before 10): decisions by Karar No, problems by Sorun No, participants
    by Sıra within their meeting; a log row too short to name an action is no earlier merge."""
    from gockurul_excel.core.districts import DECISIONS_SHEET, PARTICIPANTS_SHEET, PROBLEMS_SHEET

    inc = _inc("nizip.xlsx", "Nizip", "1")
    inc.rows.tables[DECISIONS_SHEET] = [{"Karar No": n, "Toplantı No": "1"} for n in ("10", "2", "1")]
    inc.rows.tables[PROBLEMS_SHEET] = [{"Sorun No": n, "Toplantı No": "1"} for n in ("10", "2")]
    inc.rows.tables[PARTICIPANTS_SHEET] = [{"Toplantı No": "1", "Sıra": n} for n in (10, 2, 1)]
    state = MergedState({}, [["01.05.2025 09:00", "nizip.xlsx", "Nizip"]])
    result = plan_merge(book(), state, [inc], today=D(2025, 6, 1), now=NOW)
    assert [(e.action, e.reason) for e in result.entries] == [("eklendi", "1 toplantı eklendi.")]
    tables = result.state.districts["nizip"].tables
    assert [r["Karar No"] for r in tables[DECISIONS_SHEET]] == ["1", "2", "10"]
    assert [r["Sorun No"] for r in tables[PROBLEMS_SHEET]] == ["2", "10"]
    assert [r["Sıra"] for r in tables[PARTICIPANTS_SHEET]] == [1, 2, 10]
