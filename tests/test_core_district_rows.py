"""The district merge's rows in the process (core.districts, core.merge, core.annual; M12(5)): what counts as the
same content, how a replaced district's change is described in the log, how a merged row is read and which
problem a merged decision names (KURALLAR §7: "2025/3" names the problem carried from 2025)."""

from __future__ import annotations

import datetime as dt

from gockurul_excel import contract
from gockurul_excel.core.annual import DistrictRecord, _district_ref
from gockurul_excel.core.districts import DECISIONS_SHEET, MEETINGS_SHEET, DistrictRows, _row_key
from gockurul_excel.core.merge import _describe_change

D = dt.date


def _rows(*meetings: tuple[str | None, D], decisions: tuple[tuple[str, str], ...] = ()) -> DistrictRows:
    rows = DistrictRows("Seyhan")
    for no, day in meetings:
        rows.tables[MEETINGS_SHEET].append(
            {
                "Toplantı No": no,
                "Kategori": "İlçe GKK",
                "Tür": "Olağan",
                "Planlanan Tarih": day,
                "Gerçekleşen Tarih": day,
            }
        )
    for karar, no in decisions:
        rows.tables[DECISIONS_SHEET].append({"Karar No": karar, "Toplantı No": no, "Durum": "Bekliyor"})
    return rows


def test_row_key_reads_each_column_normalised():
    """A row's content as compared across runs: each column's value, dates as ISO, 3.0 as '3', spaces folded."""
    row = {"a": "  İki   boşluk ", "b": D(2025, 3, 4), "c": 3.0, "d": None}
    assert _row_key(row, ("a", "b", "c", "d", "e")) == ("İki boşluk", "2025-03-04", "3", "", "")


def test_fingerprint_compares_content_not_only_the_numbers():
    """M12(5) 'değişiklik yok' only for the same content: the same meeting number held on another day differs."""
    assert _rows(("1", D(2025, 3, 4))).fingerprint() == _rows(("1", D(2025, 3, 4))).fingerprint()
    assert _rows(("1", D(2025, 3, 4))).fingerprint() != _rows(("1", D(2025, 3, 5))).fingerprint()
    # the same rows in another order are the same content
    assert (
        _rows(("1", D(2025, 3, 4)), ("2", D(2025, 9, 4))).fingerprint()
        == _rows(("2", D(2025, 9, 4)), ("1", D(2025, 3, 4))).fingerprint()
    )


def test_describe_change_lists_added_removed_changed_in_number_order():
    """The log names the meetings added, removed and changed, each list in number order (2 before 10), a meeting
    without a number as '(numarasız)', parts separated by '; '."""
    old = _rows(
        ("1", D(2025, 1, 5)),
        ("3", D(2025, 3, 5)),
        ("20", D(2025, 4, 5)),
        ("4", D(2025, 5, 5)),
        ("30", D(2025, 6, 5)),
        ("5", D(2025, 7, 5)),
    )
    new = _rows(
        ("1", D(2025, 1, 5)),
        ("10", D(2025, 2, 5)),
        ("2", D(2025, 2, 6)),
        (None, D(2025, 2, 7)),
        ("30", D(2025, 6, 6)),
        ("5", D(2025, 7, 5)),
        decisions=(("1", "5"),),
    )
    assert _describe_change(old, new) == (
        "eklenen toplantı: (numarasız), 2, 10; çıkarılan toplantı: 3, 4, 20; değişen toplantı: 5, 30"
    )


def test_describe_change_single_part_and_order_only():
    assert _describe_change(_rows(("1", D(2025, 1, 5))), _rows()) == "çıkarılan toplantı: 1"
    assert (
        _describe_change(
            _rows(("1", D(2025, 1, 5)), ("2", D(2025, 2, 5))), _rows(("2", D(2025, 2, 5)), ("1", D(2025, 1, 5)))
        )
        == "satırların sırası değişti"
    )


def test_district_record_get_default_only_when_empty():
    r = DistrictRecord("Seyhan", {"Alan": "Eğitim", "Durum": None, "Sıra": 0})
    assert r.get("Alan") == "Eğitim"
    assert r.get("Alan", "yok") == "Eğitim"
    assert r.get("Sıra", 5) == 0
    assert r.get("Durum", "Açık") == "Açık"
    assert r.get("Sorun No", "yok") == "yok"
    assert r.get("Sorun No") is None
    assert (r["Alan"], r["Sorun No"]) == ("Eğitim", None)


def _ref(value, carried=None):
    return _district_ref(DistrictRecord("Seyhan", {"Sorun No": value, contract.CARRIED_COLUMN: carried}))


def test_district_ref_carried_reference():
    """KURALLAR §7 (as meetings.reference_key): '2025/3' names problem 3 carried from 2025 — four digits, a
    slash, a number; split at the first slash."""
    assert _ref("2025/3") == ("Seyhan", 2025, "3")
    assert _ref("2025 / 3") == ("Seyhan", 2025, "3")
    assert _ref("2025/3/1") == ("Seyhan", 2025, "3/1")


def test_district_ref_plain_number_names_the_rows_own_year():
    """A plain number (or anything not 'YYYY/n') names a problem of the decision's own year: its Devreden Yıl."""
    assert _ref(None) is None
    assert _ref("3") == ("Seyhan", None, "3")
    assert _ref("3", 2024) == ("Seyhan", 2024, "3")
    assert _ref("12/5", 2024) == ("Seyhan", 2024, "12/5")  # a year of two digits is no year
    assert _ref("20251/5") == ("Seyhan", None, "20251/5")  # nor one of five
    assert _ref("abcd/5") == ("Seyhan", None, "abcd/5")
    assert _ref("2025/") == ("Seyhan", None, "2025/")
    assert _ref("2025") == ("Seyhan", None, "2025")
