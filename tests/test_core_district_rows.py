"""The district merge's rows in the process (core.districts, core.merge, core.annual; M12(5)): what counts as the
same content, how a replaced district's change is described in the log, how a merged row is read and which
problem a merged decision names (KURALLAR §7: "2025/3" names the problem carried from 2025). And the merged state
read back from the province's generated sheets (state_from_rows; `rows_of` a plain dict here, as calamine or xlwings
would give the cells): each table read on its own (a missing or headerless sheet costs only itself), a row without a
district skipped, a row shorter than the header read as blanks past its end (a reader drops trailing empty cells),
and the merge log keeping a blank cell blank."""

from __future__ import annotations

import datetime as dt

from gockurul_excel import contract, rules
from gockurul_excel.core.annual import DistrictRecord, _district_ref
from gockurul_excel.core.districts import (
    DECISIONS_SHEET,
    DISTRICT,
    LOG_COLS,
    LOG_SHEET,
    MEETING_COLS,
    MEETINGS_SHEET,
    PARTICIPANTS_SHEET,
    PROBLEM_COLS,
    PROBLEMS_SHEET,
    RECEIVED,
    SOURCE,
    DistrictRows,
    _row_key,
    state_from_rows,
)
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


# --- the merged state read back: state_from_rows ------------------------------------------------------------
BOARD = rules.MeetingCategory.DISTRICT_BOARD.value
MEETING_HEADER = [DISTRICT, *MEETING_COLS, RECEIVED, SOURCE]
PROBLEM_HEADER = [DISTRICT, *PROBLEM_COLS]


def meeting(district, no, received=None, source=None) -> list:
    return [district, no, BOARD, "Olağan", D(2033, 2, 21), D(2033, 2, 21), None, None, received, source]


def problem(district, no, meeting_no="1") -> list:
    return [district, no, meeting_no, "Sağlık", "Sorun", None, "Açık", None]


def state(sheets: dict[str, list[list]]):
    return state_from_rows(list(sheets), sheets.__getitem__)


def problems_of(s, district="nizip") -> list:
    return [(r["Sorun No"], r["Toplantı No"]) for r in s.districts[district].tables[PROBLEMS_SHEET]]


def test_never_merged_is_none():
    assert state({PROBLEMS_SHEET: [PROBLEM_HEADER, problem("Nizip", "1")]}) is None


def test_a_missing_sheet_costs_only_itself():
    """No İlçe Kararları sheet: the problems after it in the table order are still read."""
    s = state(
        {
            MEETINGS_SHEET: [MEETING_HEADER, meeting("Nizip", "1")],
            PROBLEMS_SHEET: [PROBLEM_HEADER, problem("Nizip", "5")],
        }
    )
    assert problems_of(s) == [("5", "1")]
    assert s.districts["nizip"].tables[DECISIONS_SHEET] == [] and s.districts["nizip"].tables[PARTICIPANTS_SHEET] == []


def test_a_sheet_without_the_district_column_is_skipped_and_the_next_one_read():
    s = state(
        {
            MEETINGS_SHEET: [MEETING_HEADER, meeting("Nizip", "1")],
            DECISIONS_SHEET: [["Karar No", "Toplantı No"], ["1", "1"]],
            PROBLEMS_SHEET: [PROBLEM_HEADER, problem("Nizip", "5")],
        }
    )
    assert s.districts["nizip"].tables[DECISIONS_SHEET] == []
    assert problems_of(s) == [("5", "1")]


def test_a_row_without_a_district_is_skipped_and_the_rows_after_it_read():
    rows = [PROBLEM_HEADER, problem("Nizip", "1"), problem(None, "2"), problem("  ", "3"), problem("Nizip", "4")]
    s = state({MEETINGS_SHEET: [MEETING_HEADER, meeting("Nizip", "1")], PROBLEMS_SHEET: rows})
    assert problems_of(s) == [("1", "1"), ("4", "1")]
    assert list(s.districts) == ["nizip"]


def test_a_row_shorter_than_the_header_reads_blanks_past_its_end():
    """A reader drops trailing empty cells: a meeting row one cell short has no Kaynak Dosya, two short no İle
    Ulaşma Tarihi either."""
    s = state(
        {
            MEETINGS_SHEET: [
                MEETING_HEADER,
                meeting("Nizip", "1", D(2033, 3, 1))[:-1],
                meeting("Nizip", "2")[:-2],
                meeting("Nizip", "3", D(2033, 9, 1), "nizip.xlsx"),
            ]
        }
    )
    rows = s.districts["nizip"]
    assert [m["Toplantı No"] for m in rows.meetings()] == ["1", "2", "3"]
    assert rows.received == {"1": D(2033, 3, 1), "3": D(2033, 9, 1)}
    assert rows.source == "nizip.xlsx"


def test_received_only_for_a_numbered_meeting_with_a_date():
    """İle Ulaşma Tarihi by Toplantı No: a meeting without the date, or a row without a number, adds nothing."""
    s = state(
        {
            MEETINGS_SHEET: [
                MEETING_HEADER,
                meeting("Nizip", "1"),
                meeting("Nizip", None, D(2033, 3, 1)),
                meeting("Nizip", "2", D(2033, 9, 1), "a.xlsx"),
                meeting("Nizip", "3", None, None),
            ]
        }
    )
    rows = s.districts["nizip"]
    assert rows.received == {"2": D(2033, 9, 1)}
    assert rows.source == "a.xlsx"  # a later row without a source keeps the last one named


def test_the_header_is_the_row_naming_most_of_the_tables_own_columns():
    """A note row above the header that names the meetings sheet's İle Ulaşma Tarihi and Kaynak Dosya: those are
    not columns of İlçe Sorunları, so the row below, with more of the problems' own columns, is the header."""
    s = state(
        {
            MEETINGS_SHEET: [MEETING_HEADER, meeting("Nizip", "1")],
            PROBLEMS_SHEET: [
                [DISTRICT, "Sorun No", "Toplantı No", RECEIVED, SOURCE],
                [DISTRICT, "Sorun No", "Toplantı No", "Alan"],
                ["Nizip", "7", "1", "Eğitim"],
            ],
        }
    )
    assert list(s.districts) == ["nizip"]
    assert [(r["Sorun No"], r["Toplantı No"], r["Alan"]) for r in s.districts["nizip"].tables[PROBLEMS_SHEET]] == [
        ("7", "1", "Eğitim")
    ]


def test_the_merge_log_rows_short_or_with_blanks():
    """A log row missing its last cells reads them as blank; a blank cell stays None (not "") and a fully blank
    row is no entry."""
    log = [
        list(LOG_COLS),
        ["2033-03-01 10:00", "nizip.xlsx", "Nizip", "eklendi", "2 toplantı"],
        ["2033-03-02 10:00", "nizip.xlsx", "Nizip", "değişiklik yok"],
        ["2033-03-03 10:00", None, "Nizip", "eklendi"],
        [None, None, "  "],
    ]
    s = state({MEETINGS_SHEET: [MEETING_HEADER], LOG_SHEET: log})
    assert s.log == [
        ["2033-03-01 10:00", "nizip.xlsx", "Nizip", "eklendi", "2 toplantı"],
        ["2033-03-02 10:00", "nizip.xlsx", "Nizip", "değişiklik yok", None],
        ["2033-03-03 10:00", None, "Nizip", "eklendi", None],
    ]
    assert s.districts == {}


def test_district_state_for_only_a_province_workbook():
    """M13(1): only a province workbook merges its districts' boards. The same sheets in a workbook whose Kurul
    Türü is İlçe (a province's copy turned into a district's) are no merged state; in the province's they are."""
    from gockurul_excel.core import districts
    from gockurul_excel.core.model import workbook_from_rows

    sheets = {MEETINGS_SHEET: [MEETING_HEADER, meeting("Nizip", "1")]}
    province = workbook_from_rows({contract.S_KIND: "İl"}, {}, state=sheets)
    district = workbook_from_rows({contract.S_KIND: "İlçe", contract.S_DISTRICT: "Nizip"}, {}, state=sheets)
    assert list(districts.district_state_for(province).districts) == ["nizip"]
    assert districts.district_state_for(district) is None
    assert districts.district_state_for(workbook_from_rows({contract.S_KIND: "İl"}, {})) is None
