"""core.meetings in the process: the previous meeting of the same board (the one before it by date, the first row
of a tie), and whether a held meeting already evaluated a carried decision (M5(7), KURALLAR §3, §7)."""

from __future__ import annotations

import datetime as dt

from gockurul_excel.core import meetings
from gockurul_excel.core.meetings import find_meeting, previous_meeting
from gockurul_excel.rules import MeetingCategory

from .kontrol.base import book, clean, rows

D = dt.date
IL = MeetingCategory.PROVINCE_BOARD.value
ALT = MeetingCategory.SUBCOMMISSION.value


def board(nos: list[str], categories: list[str], planned: list, held: list, **sheets: list[list]):
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar",
        toplanti_no=nos,
        kategori=categories,
        tur="Olağan",
        planlanan_tarih=planned,
        gerceklesen_tarih=held,
    )
    for name, value in sheets.items():
        data[name] = value
    return book(rows=data)


def test_previous_meeting_is_the_one_just_before_by_date_of_the_same_category():
    # row order is not date order; a subcommission in between is another category; 5 is later
    data = board(
        ["5", "1", "2", "A", "3"],
        [IL, IL, IL, ALT, IL],
        [None, D(2025, 1, 10), D(2025, 4, 10), D(2025, 5, 1), None],
        [D(2025, 12, 1), D(2025, 1, 12), D(2025, 4, 10), D(2025, 5, 2), D(2025, 7, 1)],
    )
    prev = previous_meeting(data, find_meeting(data, "3"))
    assert prev is not None
    assert prev.no == "2" and prev.record["Toplantı No"] == "2"
    assert prev.category is MeetingCategory.PROVINCE_BOARD
    assert prev.date == D(2025, 4, 10)
    assert previous_meeting(data, find_meeting(data, "2")).no == "1"  # the first dated row of its category
    assert previous_meeting(data, find_meeting(data, "5")).no == "3"
    assert previous_meeting(data, find_meeting(data, "1")) is None  # the first: nothing later is "previous"
    assert previous_meeting(data, find_meeting(data, "A")) is None  # the only subcommission


def test_previous_meeting_dates_a_planned_one_by_its_plan_and_skips_the_same_day():
    data = board(["1", "2", "3"], [IL, IL, IL], [D(2025, 1, 10), D(2025, 4, 10), D(2025, 4, 10)], [None, None, None])
    prev = previous_meeting(data, find_meeting(data, "3"))
    assert (prev.no, prev.date) == ("1", D(2025, 1, 10))  # 2, on the same day, is not before it


def test_previous_meeting_on_a_tie_is_the_first_row_of_that_day():
    data = board(
        ["1", "2", "3", "4"],
        [IL, IL, IL, IL],
        [D(2025, 1, 10), D(2025, 3, 1), D(2025, 3, 1), D(2025, 6, 1)],
        [None, None, None, None],
    )
    prev = previous_meeting(data, find_meeting(data, "4"))
    assert (prev.no, prev.date) == ("2", D(2025, 3, 1))
    assert previous_meeting(data, find_meeting(data, "2")).no == "1"


def test_previous_meeting_passes_over_a_row_that_repeats_the_meetings_own_number():
    # a duplicated Toplantı No (a kontrol finding of its own) is not its own previous meeting
    data = board(["1", "2", "2"], [IL, IL, IL], [D(2025, 1, 10), D(2025, 3, 1), D(2025, 6, 1)], [None, None, None])
    m = meetings.Meeting(data.records("Toplantılar")[2], MeetingCategory.PROVINCE_BOARD, D(2025, 6, 1))
    assert previous_meeting(data, m).no == "1"


def test_a_meeting_without_a_date_or_of_a_category_with_no_dated_meeting_has_no_previous():
    data = board(["1", "2"], [IL, IL], [D(2025, 1, 10), None], [None, None])
    assert previous_meeting(data, find_meeting(data, "2")) is None  # no date: nothing is before it
    no_date = meetings.Meeting(data.records("Toplantılar")[0], MeetingCategory.PROVINCE_BOARD, None)
    assert previous_meeting(data, no_date) is None
    alt = meetings.Meeting(data.records("Toplantılar")[0], MeetingCategory.SUBCOMMISSION, D(2025, 6, 1))
    assert previous_meeting(data, alt) is None  # no subcommission is dated


def decisions_evaluated_by(evaluator: str):
    """A decision carried from 2024, open, evaluated by meeting `evaluator`."""
    return rows(
        "Kararlar",
        karar_no="7",
        toplanti_no="9",
        alinan_karar="Karar",
        karar_gerekcesi="G",
        amac="A",
        sorumlu_kurum_ve_kuruluslar="Valilik",
        verilen_sure=D(2025, 12, 1),
        durum="Bekliyor",
        degerlendiren_toplanti_no=evaluator,
        devreden_yil=2024,
    )


def test_a_carried_decision_evaluated_by_a_board_held_before_this_one_is_evaluated_before_it():
    """M5(7), KURALLAR §3: an evaluation at a meeting held strictly before `m` takes the decision off `m`'s list;
    one held on the same day, or later, or not held, does not."""
    data = board(
        ["1", "2", "3", "4"],
        [IL, IL, IL, IL],
        [D(2025, 1, 10), D(2025, 3, 1), D(2025, 3, 1), D(2025, 9, 1)],
        [D(2025, 1, 10), D(2025, 3, 1), D(2025, 3, 1), None],
        Kararlar=decisions_evaluated_by("2"),
    )
    d = data.records("Kararlar")[0]
    assert meetings._evaluated_before(data, d, find_meeting(data, "4")) is True
    assert meetings._evaluated_before(data, d, find_meeting(data, "3")) is False  # held the same day as 3
    assert meetings._evaluated_before(data, d, find_meeting(data, "2")) is False  # its own evaluator
    assert meetings._evaluated_before(data, d, find_meeting(data, "1")) is False  # evaluated later
    undated = meetings.Meeting(data.records("Toplantılar")[3], MeetingCategory.PROVINCE_BOARD, None)
    assert meetings._evaluated_before(data, d, undated) is False
    for no, listed in (("1", True), ("2", True), ("3", True), ("4", False)):
        assert (d in meetings.decisions_to_evaluate(data, find_meeting(data, no))) is listed, no


def test_a_carried_decision_whose_evaluator_was_not_held_is_not_evaluated_before():
    data = board(
        ["1", "2"],
        [IL, IL],
        [D(2025, 1, 10), D(2025, 3, 1)],
        [D(2025, 1, 10), None],
        Kararlar=decisions_evaluated_by("2"),
    )
    d = data.records("Kararlar")[0]
    later = meetings.Meeting(data.records("Toplantılar")[0], MeetingCategory.PROVINCE_BOARD, D(2025, 6, 1))
    assert meetings._evaluated_before(data, d, later) is False
