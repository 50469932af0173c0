"""core.meetings in the process: the previous meeting of the same board (the one before it by date, the first row
of a tie), and whether a held meeting already evaluated a carried decision (M5(7), KURALLAR §3, §7)."""

from __future__ import annotations

import datetime as dt

import pytest

from gockurul_excel.core import meetings
from gockurul_excel.core.meetings import find_meeting, previous_meeting
from gockurul_excel.errors import GocKurulError
from gockurul_excel.rules import MeetingCategory

from .kontrol.base import book, clean, rows

D = dt.date
IL = MeetingCategory.PROVINCE_BOARD.value
ALT = MeetingCategory.SUBCOMMISSION.value


def board(
    nos: list[str], categories: list[str], planned: list, held: list, tur="Olağan", settings=None, **sheets: list[list]
):
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar", toplanti_no=nos, kategori=categories, tur=tur, planlanan_tarih=planned, gerceklesen_tarih=held
    )
    for name, value in sheets.items():
        data[name] = value
    return book(rows=data, **(settings or {}))


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


# --- finding a meeting, naming the place, the days deadlines run from ----------------------------------------


def test_find_meeting_by_its_number_however_typed():
    data = board(["1", "2"], [IL, ALT], [D(2025, 1, 10), D(2025, 2, 1)], [D(2025, 1, 12), None])
    m = find_meeting(data, " 1.0 ")
    assert (m.no, m.category, m.date, m.held) == ("1", MeetingCategory.PROVINCE_BOARD, D(2025, 1, 12), True)
    alt = find_meeting(data, 2)
    assert (alt.no, alt.category, alt.date, alt.held) == ("2", MeetingCategory.SUBCOMMISSION, D(2025, 2, 1), False)


def test_find_meeting_names_what_there_is_when_the_number_is_not_found():
    data = board([str(i) for i in range(1, 23)], [IL] * 22, [D(2025, 1, 10)] * 22, [None] * 22)
    with pytest.raises(GocKurulError) as caught:
        find_meeting(data, "99")
    known = ", ".join(str(i) for i in range(1, 21))
    assert (
        str(caught.value)
        == f"'Toplantılar' sayfası: Toplantı 99 'Toplantılar' sayfasında bulunamadı (mevcut: {known})."
    )
    empty = clean()
    empty["Toplantılar"] = []
    with pytest.raises(GocKurulError) as caught:
        find_meeting(book(rows=empty), "1")
    assert caught.value.message == "Toplantı 1 'Toplantılar' sayfasında bulunamadı (mevcut: yok)."


def test_find_meeting_refuses_a_meeting_of_no_known_category():
    data = board(["1", "2"], ["Kurul", None], [D(2025, 1, 10)] * 2, [None] * 2)
    with pytest.raises(GocKurulError) as caught:
        find_meeting(data, "1")
    assert (caught.value.message, caught.value.sheet, caught.value.cell) == (
        "Toplantı 1: kategori 'Kurul' geçerli değil.",
        "Toplantılar",
        "B2",
    )
    with pytest.raises(GocKurulError) as caught:
        find_meeting(data, "2.0")
    assert (caught.value.message, caught.value.cell) == ("Toplantı 2: kategori '' geçerli değil.", "B3")


def test_place_name_of_a_province_and_a_district_board():
    assert meetings.place_name(book()) == "Gaziantep"
    assert meetings.place_name(book(İlçe="Nizip")) == "Gaziantep"  # a province board's place is its province
    assert meetings.place_name(book(**{"Kurul Türü": "İlçe", "İlçe": "Nizip"})) == "Gaziantep / Nizip"
    assert meetings.place_name(book(**{"Kurul Türü": "İlçe", "İlçe": None})) == "Gaziantep"
    assert meetings.place_name(book(**{"Kurul Türü": "İlçe", "İlçe": "Nizip", "İl": None})) == "Nizip"
    assert meetings.place_name(book(İl=None)) == ""


def test_before_day_is_the_earlier_of_planned_and_held_else_the_day_given():
    """KURALLAR §2: deadlines before a meeting run from its planned date, or from the held date when it met
    earlier than planned."""
    data = board(
        ["1", "2", "3", "4"],
        [IL] * 4,
        [D(2025, 1, 10), D(2025, 1, 10), None, None],
        [None, D(2025, 1, 8), D(2025, 1, 12), None],
    )
    r1, r2, r3, r4 = data.records("Toplantılar")
    day = D(2025, 3, 3)
    assert meetings.before_day(r1, day) == D(2025, 1, 10) and meetings.before_day(r2, day) == D(2025, 1, 8)
    assert meetings.before_day(r3, day) == D(2025, 1, 12) and meetings.before_day(r4, day) == day
    assert meetings.before_day(None, day) == day
    later = board(["1"], [IL], [D(2025, 1, 10)], [D(2025, 1, 20)]).records("Toplantılar")[0]
    assert meetings.before_day(later, day) == D(2025, 1, 10)
    assert meetings.held(r2) == D(2025, 1, 8) and meetings.planned(r2) == D(2025, 1, 10)
    assert meetings.meeting_day(r1) == D(2025, 1, 10) and meetings.meeting_day(r2) == D(2025, 1, 8)


# --- rows carried over from an earlier year (KURALLAR §7) ----------------------------------------------------


def decisions(**columns) -> list[list]:
    base = dict(
        alinan_karar="Karar",
        karar_gerekcesi="G",
        amac="A",
        sorumlu_kurum_ve_kuruluslar="Valilik",
        verilen_sure=D(2025, 12, 1),
    )
    return rows("Kararlar", **{**base, **columns})


def test_carried_rows_by_year_then_number_and_how_they_are_named():
    kararlar = decisions(
        karar_no=["10", "2", "1", "3", "1"],
        toplanti_no="1",
        durum="Bekliyor",
        devreden_yil=[2024, 2024, None, 2023, 2024],
    )
    data = board(["1"], [IL], [D(2025, 1, 10)], [None], Kararlar=kararlar)
    carried = meetings.carried_rows(data, "Kararlar")
    assert [(r["Karar No"], meetings.carried_year(r)) for r in carried] == [
        ("3", 2023),
        ("1", 2024),
        ("2", 2024),
        ("10", 2024),
    ]
    assert meetings.carried_rows(data, "Kararlar") is carried
    own = data.records("Kararlar")[2]
    assert meetings.number_text(own, "Karar No") == "1"
    assert meetings.number_text(carried[0], "Karar No") == "3 (2023)"
    assert meetings.row_key(carried[0], "Karar No") == (2023, "3") and meetings.row_key(own, "Karar No") == (None, "1")
    assert meetings.carried_year(data.records("Toplantılar")[0]) is None  # a sheet that carries nothing
    assert meetings.carried_reference("3", None) == "3" and meetings.carried_reference(3, 2024) == "2024/3"
    assert meetings.carried_reference("2023/3", 2024) == "2023/3"


def test_carried_rows_of_each_sheet_are_that_sheets_own():
    # KURALLAR §7: decisions and problems are carried on their own sheets; the index built for one sheet is not
    # the other's (asked in both orders, each once the other's index is built)
    kararlar = decisions(karar_no=["4"], toplanti_no="1", durum="Bekliyor", devreden_yil=[2024])
    sorunlar = rows(
        "Sorunlar",
        sorun_no=["9", "1"],
        toplanti_no="1",
        alan="Eğitim",
        tespit_edilen_sorun="Sorun",
        durum="Açık",
        devreden_yil=[2023, None],
    )
    for first in ("Kararlar", "Sorunlar"):
        data = board(["1"], [IL], [D(2025, 1, 10)], [None], Kararlar=kararlar, Sorunlar=sorunlar)
        meetings.carried_rows(data, first)
        assert [(r["Karar No"], r.row) for r in meetings.carried_rows(data, "Kararlar")] == [("4", 2)]
        assert [(r["Sorun No"], r.row) for r in meetings.carried_rows(data, "Sorunlar")] == [("9", 2)]


def test_number_text_of_a_row_without_a_number():
    kararlar = decisions(karar_no=[None, None], toplanti_no="1", durum="Bekliyor", devreden_yil=[None, 2024])
    data = board(["1"], [IL], [D(2025, 1, 10)], [None], Kararlar=kararlar)
    assert [meetings.number_text(r, "Karar No") for r in data.records("Kararlar")] == ["?", "? (2024)"]


def test_reference_key_names_a_row_of_the_referring_rows_year_or_the_year_written():
    kararlar = decisions(
        karar_no=["1", "2", "3", "4"],
        toplanti_no="1",
        durum="Bekliyor",
        sorun_no=["3", "3", "2023 / 5a", None],
        devreden_yil=[None, 2024, None, None],
    )
    data = board(["1"], [IL], [D(2025, 1, 10)], [None], Kararlar=kararlar)
    r1, r2, r3, r4 = data.records("Kararlar")
    assert meetings.reference_key(r1, "Sorun No") == (None, "3")
    assert meetings.reference_key(r2, "Sorun No") == (2024, "3")
    assert meetings.reference_key(r3, "Sorun No") == (2023, "5a")
    assert meetings.reference_key(r4, "Sorun No") is None


def test_evaluation_is_of_the_meeting_named_or_any_of_this_year_when_none_is():
    """Ek-1 item 8, M5(7): never last year's words (KURALLAR §7)."""
    kararlar = decisions(
        karar_no=["1", "2", "3"],
        toplanti_no="1",
        durum="Bekliyor",
        degerlendiren_toplanti_no=["2", None, None],
        devreden_yil=[None, None, 2024],
    )
    data = board(["1"], [IL], [D(2025, 1, 10)], [None], Kararlar=kararlar)
    named, blank, carried = data.records("Kararlar")
    assert meetings.evaluation_is_of(named, "2") and not meetings.evaluation_is_of(named, "3")
    assert meetings.evaluation_is_of(blank, "3") and not meetings.evaluation_is_of(carried, "3")


# --- a meeting's rows -----------------------------------------------------------------------------------------


def test_of_meeting_gives_this_years_rows_in_number_order_the_unnumbered_last():
    kararlar = decisions(
        karar_no=["10", "2", None, "b", "a", "3", "1"],
        toplanti_no=["1", "1", "1", "1", "1", "2", "1"],
        durum="Bekliyor",
        devreden_yil=[None, None, None, None, None, None, 2024],
    )
    data = board(["1", "2"], [IL, IL], [D(2025, 1, 10), D(2025, 4, 10)], [None, None], Kararlar=kararlar)
    got = meetings.decisions(data, find_meeting(data, "1"))
    assert [r["Karar No"] for r in got] == ["2", "10", "a", "b", None]
    assert [r["Karar No"] for r in meetings.of_meeting(data, "Kararlar", "2", "Karar No")] == ["3"]
    assert meetings.of_meeting(data, "Kararlar", "9", "Karar No") == []
    assert meetings.number_order("7") == (0, 7, "") and meetings.number_order("7a") == (1, 0, "7a")
    assert meetings.number_order(None) == (1, 0, "")


def test_participants_in_their_order():
    katilimcilar = rows(
        "Katılımcılar", toplanti_no="1", sira=[3, 1, 2], kurum_ismi="Valilik", unvan="U", ad_soyad=["C", "A", "B"]
    )
    data = board(["1"], [IL], [D(2025, 1, 10)], [None], Katılımcılar=katilimcilar)
    assert [r["Ad-Soyad"] for r in meetings.participants(data, find_meeting(data, "1"))] == ["A", "B", "C"]


def test_key_order_puts_2_before_10_and_text_after_numbers():
    assert sorted(["K10", "K2", "10", "2", "a", None], key=meetings.key_order) == [None, "2", "10", "K2", "K10", "a"]
    assert meetings.key_order("3/2a") == ((0, 3, ""), (1, 0, "/"), (0, 2, ""), (1, 0, "a"))
    assert meetings.key_order(None) == () and meetings.key_order(12) == ((0, 12, ""),)


def test_key_order_sorts_a_superscript_digit_as_text():
    """ "²" is a digit to Python's isdigit but no number to int(): sorting a Karar No "3²" must not crash."""
    assert meetings.key_order("²") == ((1, 0, "²"),)
    assert meetings.key_order("3²") == ((0, 3, ""), (1, 0, "²"))
    assert sorted(["3²", "10", "3"], key=meetings.key_order) == ["3", "3²", "10"]


def test_a_carried_reference_reads_the_same_everywhere():
    """KURALLAR §7: "2025/3" names row 3 carried from 2025 (spaces around the slash allowed); anything else is a
    plain number of the row's own year. Read alike in a workbook's rows and in merged district rows."""
    assert meetings.split_reference("2025/3") == (2025, "3")
    assert meetings.split_reference("2025 / 3a ") == (2025, "3a")
    assert meetings.split_reference("25/3") is None
    assert meetings.split_reference("2025/") is None
    assert meetings.split_reference(" 2025/3") == (2025, "3")
    assert meetings.split_reference(3) is None


def test_active_member_by_role_and_institution():
    uyeler = rows(
        "Üyeler",
        kurum=["İl Göç İdaresi Müdürlüğü", "Gaziantep İL GÖÇ İDARESİ Müdürlüğü", "Valilik"],
        uyelik_turu="Daimi",
        gorev=["Kurul Üyesi", "Kurul Üyesi", "Kurul Başkanı"],
        unvan="U",
        ad_soyad=["A", "B", "C"],
        aktif=["Hayır", "Evet", None],
    )
    data = board(["1"], [IL], [D(2025, 1, 10)], [None], Üyeler=uyeler)
    assert meetings.active_member(data, role="Kurul Üyesi")["Ad Soyad"] == "B"
    assert meetings.active_member(data, role="Kurul Üyesi", institution="il göç idaresi")["Ad Soyad"] == "B"
    assert meetings.active_member(data, role="Kurul Üyesi", institution="Valilik") is None
    assert meetings.active_member(data, role="Kurul Başkanı")["Ad Soyad"] == "C"  # an empty Aktif is not "Hayır"
    assert meetings.active_member(data, role="Kurul Başkanı", institution="")["Ad Soyad"] == "C"
    assert meetings.active_member(data, role="Alt Komisyon Asil") is None


def test_active_member_of_an_institution_listed_after_other_members_of_that_role():
    # the letters' and Ek-3's preparer is the İl Göç İdaresi member wherever it stands among the Kurul Üyeleri
    uyeler = rows(
        "Üyeler",
        kurum=["Valilik", "İl Milli Eğitim Müdürlüğü", "İl Göç İdaresi Müdürlüğü"],
        uyelik_turu="Daimi",
        gorev="Kurul Üyesi",
        unvan="U",
        ad_soyad=["A", "B", "C"],
        aktif="Evet",
    )
    data = board(["1"], [IL], [D(2025, 1, 10)], [None], Üyeler=uyeler)
    found = meetings.active_member(data, role="Kurul Üyesi", institution="İl Göç İdaresi Müdürlüğü")
    assert (found["Ad Soyad"], found.row) == ("C", 4)


# --- the year's first board (KURALLAR §7; M7(1): the province board's windows are January, April, July, October) ---


def first(data, today, year=2025):
    f = meetings.first_board_of(data, year, today)
    return None if f is None else (f.day, None if f.meeting is None else f.meeting.no)


def test_a_planned_ordinary_board_is_the_first_until_its_window_closes():
    data = board(["1"], [IL], [D(2025, 1, 20)], [None])
    assert first(data, D(2025, 1, 25)) == (D(2025, 1, 20), "1")
    assert first(data, D(2025, 1, 31)) == (D(2025, 1, 20), "1")  # the window's last day: still to be held
    assert first(data, D(2025, 2, 1)) == (D(2025, 4, 15), None)  # missed: the April window's proposal
    assert meetings.first_board(data, 2025, D(2025, 2, 1)) is None
    assert meetings.first_board(data, 2025, D(2025, 1, 25)).no == "1"
    assert first(data, D(2025, 11, 1)) is None  # every window closed and nothing held


def test_an_extra_board_is_not_the_first_while_the_january_board_can_still_be_held():
    data = board(["1"], [IL], [D(2025, 3, 10)], [None], tur="Ek")
    assert first(data, D(2025, 1, 5)) == (D(2025, 1, 15), None)
    assert first(data, D(2025, 2, 1)) == (D(2025, 3, 10), "1")
    assert first(data, D(2025, 3, 10)) == (D(2025, 3, 10), "1")  # its own day: not missed yet
    assert first(data, D(2025, 3, 11)) == (D(2025, 4, 15), None)  # passed unheld: missed


def test_each_years_first_board_by_that_years_windows():
    """M7(1): each year has its own four windows; once 2025's are built, 2026's first board is still the
    proposal of 2026's January window (the 15th), and the entered board found is the province board's meeting."""
    data = board(["1"], [IL], [D(2025, 1, 20)], [None])
    found = meetings.first_board_of(data, 2025, D(2025, 1, 5))
    assert (found.day, found.meeting.no, found.meeting.category, found.meeting.date) == (
        D(2025, 1, 20),
        "1",
        MeetingCategory.PROVINCE_BOARD,
        D(2025, 1, 20),
    )
    assert first(data, D(2026, 1, 5), year=2026) == (D(2026, 1, 15), None)
    assert [(w.month, w.start) for w in meetings._board_windows(data, 2026)] == [
        (1, D(2026, 1, 1)),
        (4, D(2026, 4, 1)),
        (7, D(2026, 7, 1)),
        (10, D(2026, 10, 1)),
    ]


def test_a_proposal_already_past_counts_from_today():
    """The January proposal (15th) seen on the 20th can only be held from the 20th: an extra board planned for
    the 25th comes after it, one planned for the 20th itself is the first (an entered board wins a tie)."""
    assert first(board(["1"], [IL], [D(2025, 1, 25)], [None], tur="Ek"), D(2025, 1, 20)) == (D(2025, 1, 15), None)
    assert first(board(["1"], [IL], [D(2025, 1, 20)], [None], tur="Ek"), D(2025, 1, 20)) == (D(2025, 1, 20), "1")


def test_a_held_board_is_the_first_and_other_years_do_not_count():
    data = board(
        ["0", "1", "2"],
        [IL, IL, IL],
        [D(2024, 10, 1), D(2025, 4, 20), None],
        [D(2024, 10, 1), D(2025, 4, 20), D(2025, 2, 3)],
        tur=["Olağan", "Olağan", "Ek"],
    )
    assert first(data, D(2025, 12, 31)) == (D(2025, 2, 3), "2")
    assert first(data, D(2024, 12, 31), year=2024) == (D(2024, 10, 1), "0")
    assert meetings.first_board_of(data, "2025", D(2025, 5, 1)) is None
    assert meetings.first_board_of(book(**{"Kurul Türü": None}), 2025, D(2025, 5, 1)) is None


def test_is_first_board_of_year_as_seen_on_the_meetings_day():
    """M5(12), M13(2): on 15 April the January board planned and never held was missed, so the April board is the
    year's first; seen on 25 January it was not."""
    data = board(
        ["1", "2", "A"],
        [IL, IL, ALT],
        [D(2025, 1, 20), D(2025, 4, 15), D(2025, 1, 2)],
        [None, D(2025, 4, 15), D(2025, 1, 2)],
    )
    m1, m2, alt = (find_meeting(data, n) for n in ("1", "2", "A"))
    assert meetings.is_first_board_of_year(data, m1) and meetings.is_first_board_of_year(data, m2)
    assert not meetings.is_first_board_of_year(data, m2, D(2025, 1, 25))
    assert not meetings.is_first_board_of_year(data, alt)  # a subcommission is no board
    assert not meetings.is_first_board_of_year(data, meetings.Meeting(m2.record, m2.category, None))


def test_is_first_board_of_year_of_another_kinds_board_by_its_previous_meeting():
    ilce = MeetingCategory.DISTRICT_BOARD.value
    data = board(["1", "2", "3"], [ilce] * 3, [D(2024, 11, 1), D(2025, 2, 1), D(2025, 5, 1)], [None] * 3)
    m1, m2, m3 = (find_meeting(data, n) for n in ("1", "2", "3"))
    assert meetings.is_first_board_of_year(data, m1)  # none before it
    assert meetings.is_first_board_of_year(data, m2)  # the one before it is of 2024
    assert not meetings.is_first_board_of_year(data, m3)


def test_missed_a_board_only_planned():
    """M7, M8(3): an ordinary board counts until its window's limit; an extra one, or one outside every window,
    until its planned day (KURALLAR §2, §7)."""
    data = board(
        ["1", "2", "3", "4"],
        [IL] * 4,
        [D(2025, 1, 20), D(2025, 2, 10), D(2025, 2, 10), D(2025, 1, 20)],
        [None, None, None, D(2025, 1, 20)],
        tur=["Olağan", "Olağan", "Ek", "Olağan"],
    )
    windows = meetings._board_windows(data, 2025)
    r1, r2, r3, r4 = data.records("Toplantılar")
    assert not meetings._missed(r1, windows, D(2025, 1, 31)) and meetings._missed(r1, windows, D(2025, 2, 1))
    assert not meetings._missed(r2, windows, D(2025, 2, 10)) and meetings._missed(r2, windows, D(2025, 2, 11))
    assert not meetings._missed(r3, windows, D(2025, 2, 10)) and meetings._missed(r3, windows, D(2025, 2, 11))
    assert not meetings._missed(r4, windows, D(2025, 12, 31))
    assert meetings._board_windows(data, 2025) is windows
    assert [w.month for w in windows] == [1, 4, 7, 10]
    assert meetings._board_windows(book(**{"Kurul Türü": None}), 2025) == []


# --- the decisions a meeting evaluates (Ek-1 item 8, M5(7), KURALLAR §3) ---------------------------------------


def evaluated_book(carried_evaluator=None):
    """Province board: 1 held 10 Jan, A (subcommission) held 1 Feb, 2 held 10 Apr, 3 planned 10 Jul. Decisions of 1:
    K1 open, not evaluated; K2 implemented; K3 open, evaluated at 2; of A: K4 open; carried from 2024: K9 open."""
    kararlar = decisions(
        karar_no=["1", "2", "3", "4", "9"],
        toplanti_no=["1", "1", "1", "A", "7"],
        durum=["Bekliyor", "Uygulandı", "Devam Ediyor", "Bekliyor", "Bekliyor"],
        degerlendiren_toplanti_no=[None, None, "2", None, carried_evaluator],
        devreden_yil=[None, None, None, None, 2024],
    )
    return board(
        ["1", "A", "2", "3"],
        [IL, ALT, IL, IL],
        [D(2025, 1, 10), D(2025, 2, 1), D(2025, 4, 10), D(2025, 7, 10)],
        [D(2025, 1, 10), D(2025, 2, 1), D(2025, 4, 10), None],
        Kararlar=kararlar,
    )


def to_evaluate(data, no: str) -> list[str]:
    return [r["Karar No"] for r in meetings.decisions_to_evaluate(data, find_meeting(data, no))]


def test_decisions_to_evaluate_are_the_open_ones_of_earlier_meetings_of_the_same_board():
    data = evaluated_book()
    assert to_evaluate(data, "1") == ["9"]  # only last year's open decision (M5(12))
    assert to_evaluate(data, "2") == ["9", "1", "3"]  # 3 is evaluated here
    assert to_evaluate(data, "3") == ["9", "1"]  # 3 was evaluated at 2, held before it
    assert to_evaluate(data, "A") == []  # the subcommission's own earlier decisions: none


def test_a_carried_decision_evaluated_at_an_earlier_board_is_not_listed_again():
    data = evaluated_book(carried_evaluator="1")
    assert to_evaluate(data, "1") == ["9"]  # named: evaluated here
    assert to_evaluate(data, "2") == ["1", "3"]


def test_unevaluated_decisions_pair_each_with_the_first_board_held_after_it():
    """M5(7) for kontrol: K1 (of 10 Jan, no evaluation) was due at the next held board, 2 (10 Apr); K3 has its
    evaluation; the subcommission's K4 is no board's."""
    data = evaluated_book()
    assert [(d["Karar No"], m["Toplantı No"]) for d, m in meetings.unevaluated_decisions(data)] == [("1", "2")]
    late = board(
        ["1"],
        [IL],
        [D(2025, 1, 10)],
        [D(2025, 1, 10)],
        Kararlar=decisions(karar_no="1", toplanti_no="1", durum="Bekliyor"),
    )
    assert meetings.unevaluated_decisions(late) == []  # no board held after it yet


def test_unevaluated_decisions_in_the_order_of_the_boards_held_after_them_not_of_their_rows():
    """M5(7): K1 of 10 Jan was due at the board of 10 Apr (entered last), K2 of 10 Apr at the board of 10 Jul
    (entered second): the pairs come in the order those boards were held."""
    data = board(
        ["1", "3", "2"],
        [IL] * 3,
        [D(2025, 1, 10), D(2025, 7, 10), D(2025, 4, 10)],
        [D(2025, 1, 10), D(2025, 7, 10), D(2025, 4, 10)],
        Kararlar=decisions(karar_no=["1", "2"], toplanti_no=["1", "2"], durum="Bekliyor"),
    )
    assert [(d["Karar No"], m["Toplantı No"]) for d, m in meetings.unevaluated_decisions(data)] == [
        ("1", "2"),
        ("2", "3"),
    ]


def test_the_proposal_stands_on_its_windows_last_day_and_other_years_boards_do_not_count():
    data = board(["A", "9"], [ALT, IL], [D(2025, 1, 2), D(2026, 1, 10)], [None, D(2026, 1, 10)])
    assert first(data, D(2025, 1, 31)) == (D(2025, 1, 15), None)
    assert first(data, D(2025, 11, 1)) is None  # a board of 2026 is not 2025's first


def test_a_decision_evaluated_at_a_board_held_the_same_day_is_still_listed():
    """M5(7): only a meeting held before this one takes the decision off its list."""
    kararlar = decisions(karar_no=["1"], toplanti_no="1", durum="Bekliyor", degerlendiren_toplanti_no="2b")
    data = board(
        ["1", "2", "2b"],
        [IL] * 3,
        [D(2025, 1, 10), D(2025, 4, 10), D(2025, 4, 10)],
        [D(2025, 1, 10), D(2025, 4, 10), D(2025, 4, 10)],
        Kararlar=kararlar,
    )
    assert to_evaluate(data, "2") == ["1"] and to_evaluate(data, "2b") == ["1"]


def test_a_carried_decision_evaluated_here_is_listed_with_the_carried_ones_even_when_closed():
    """M5(12), KURALLAR §7: last year's decisions first, then this year's; one this meeting evaluated (and closed)
    keeps that place."""
    kararlar = decisions(
        karar_no=["9", "1"],
        toplanti_no=["7", "1"],
        durum=["Uygulandı", "Bekliyor"],
        degerlendiren_toplanti_no=["2", None],
        devreden_yil=[2024, None],
    )
    data = board(
        ["1", "2"], [IL, IL], [D(2025, 1, 10), D(2025, 4, 10)], [D(2025, 1, 10), D(2025, 4, 10)], Kararlar=kararlar
    )
    assert to_evaluate(data, "2") == ["9", "1"] and to_evaluate(data, "1") == []


def test_an_evaluation_at_the_decisions_own_meeting_or_a_closed_decision():
    """M5(7): a decision "evaluated" at the meeting that took it (a kontrol finding of its own) is still due at the
    next board; one that could not be carried out (Uygulanamadı) is closed and listed nowhere."""
    kararlar = decisions(
        karar_no=["1", "2"], toplanti_no="1", durum=["Bekliyor", "Uygulanamadı"], degerlendiren_toplanti_no=["1", None]
    )
    data = board(
        ["1", "2", "3"],
        [IL] * 3,
        [D(2025, 1, 10), D(2025, 4, 10), D(2025, 7, 10)],
        [D(2025, 1, 10), D(2025, 4, 10), None],
        Kararlar=kararlar,
    )
    assert to_evaluate(data, "2") == ["1"] and to_evaluate(data, "3") == ["1"]
    assert meetings.unevaluated_decisions(data) == []  # an evaluator is written (wrongly): nothing to pair


def test_without_a_board_kind_last_years_decisions_go_to_the_years_first_board_only():
    """M5(12): with no Kurul Türü the year's first board is the first of its category by date."""
    kararlar = decisions(karar_no=["9"], toplanti_no="7", durum="Bekliyor", devreden_yil=2024)
    data = board(
        ["1", "2"],
        [IL, IL],
        [D(2025, 1, 10), D(2025, 4, 10)],
        [D(2025, 1, 10), None],
        settings={"Kurul Türü": None},
        Kararlar=kararlar,
    )
    assert to_evaluate(data, "1") == ["9"] and to_evaluate(data, "2") == []
    province = board(["1", "2"], [IL, IL], [D(2025, 1, 10), D(2025, 4, 10)], [D(2025, 1, 10), None], Kararlar=kararlar)
    assert to_evaluate(province, "2") == ["9"]  # at the province's own board: still open, never evaluated
    ilce = MeetingCategory.DISTRICT_BOARD.value
    other = board(["5"], [ilce], [D(2025, 2, 10)], [None], Kararlar=kararlar)
    assert to_evaluate(other, "5") == []  # a district board in a province book is not the province's board


def test_the_decisions_a_meeting_is_named_to_evaluate_come_in_number_order():
    """Ek-1 item 8, M5(7): every decision whose 'Değerlendiren Toplantı No' is this meeting (here a subcommission's
    B, closed decisions of A and one carried from 2024, KURALLAR §7) — this year's in number order, not row order."""
    kararlar = decisions(
        karar_no=["2", "1", "9"],
        toplanti_no=["A", "A", "7"],
        durum="Uygulandı",
        degerlendiren_toplanti_no="B",
        devreden_yil=[None, None, 2024],
    )
    data = board(
        ["A", "B"], [ALT, ALT], [D(2025, 2, 1), D(2025, 3, 3)], [D(2025, 2, 1), D(2025, 3, 3)], Kararlar=kararlar
    )
    named = to_evaluate(data, "B")
    assert sorted(named) == ["1", "2", "9"]
    assert [n for n in named if n != "9"] == ["1", "2"]
    assert to_evaluate(data, "A") == []


def test_a_meeting_without_a_number_is_named_by_no_decision():
    """A decision with no 'Değerlendiren Toplantı No' names no meeting: a meeting row without a number does not
    take it (a closed decision of A, so no open-decision rule lists it either)."""
    kararlar = decisions(karar_no=["1"], toplanti_no="A", durum="Uygulandı", degerlendiren_toplanti_no=None)
    data = board(
        ["A", None], [ALT, ALT], [D(2025, 2, 1), D(2025, 3, 3)], [D(2025, 2, 1), D(2025, 3, 3)], Kararlar=kararlar
    )
    unnumbered = data.records("Toplantılar")[1]
    m = meetings.Meeting(unnumbered, MeetingCategory.SUBCOMMISSION, meetings.meeting_day(unnumbered))
    assert m.no is None and m.date == D(2025, 3, 3)
    assert meetings.decisions_to_evaluate(data, m) == []


def test_place_name_keeps_a_district_name_ending_in_a_capital_x():
    """Only the blanks and slash of an empty province are trimmed; the district's own letters stay."""
    assert meetings.place_name(book(**{"Kurul Türü": "İlçe", "İlçe": "Bölge X"})) == "Gaziantep / Bölge X"
    assert meetings.place_name(book(**{"Kurul Türü": "İlçe", "İlçe": "Bölge X", "İl": None})) == "Bölge X"


def test_active_member_of_an_institution_is_looked_for_past_the_others_of_the_role():
    """The member of the institution asked for is found even after active members of the same role from other
    institutions (the İl Göç İdaresi Müdürlüğü's member listed after the Valilik's)."""
    uyeler = rows(
        "Üyeler",
        kurum=["Valilik", "İl Göç İdaresi Müdürlüğü"],
        uyelik_turu="Daimi",
        gorev="Kurul Üyesi",
        unvan="U",
        ad_soyad=["A", "B"],
        aktif="Evet",
    )
    data = board(["1"], [IL], [D(2025, 1, 10)], [None], Üyeler=uyeler)
    assert meetings.active_member(data, role="Kurul Üyesi")["Ad Soyad"] == "A"
    assert meetings.active_member(data, role="Kurul Üyesi", institution="İl Göç İdaresi")["Ad Soyad"] == "B"


def test_first_board_of_each_year_by_that_years_windows():
    """M7(1)/M7(2): each year has its own windows. With 2025's windows all closed and nothing entered, 2025 has no
    first board; 2026's, seen on 5 January 2026, is the proposal of its January window (the 15th) — asked of the
    same read, after 2025."""
    data = board(["1"], [IL], [D(2024, 1, 10)], [D(2024, 1, 10)])
    assert first(data, D(2025, 12, 31)) is None
    assert first(data, D(2026, 1, 5), year=2026) == (D(2026, 1, 15), None)
    assert first(data, D(2024, 12, 31), year=2024) == (D(2024, 1, 10), "1")


def test_first_board_entered_is_the_meeting_of_the_books_board():
    """The first board found among the entries is given as a meeting of the workbook's own board (İl GKK), dated
    by its day."""
    data = board(["1"], [IL], [D(2025, 1, 20)], [None])
    f = meetings.first_board_of(data, 2025, D(2025, 1, 5))
    assert f.meeting == meetings.Meeting(f.meeting.record, MeetingCategory.PROVINCE_BOARD, D(2025, 1, 20))
    assert (f.day, f.meeting.no, f.meeting.category, f.meeting.date) == (
        D(2025, 1, 20),
        "1",
        MeetingCategory.PROVINCE_BOARD,
        D(2025, 1, 20),
    )


def test_unevaluated_decisions_in_the_order_of_their_boards_dates_not_rows():
    """M5(7): the pairs come in the order of the boards that should have evaluated them, by date: the row of the
    July board (3) comes first in the sheet, yet K1's board (2, April) comes before K2's (3, July)."""
    data = board(
        ["3", "1", "2"],
        [IL, IL, IL],
        [D(2025, 7, 10), D(2025, 1, 10), D(2025, 4, 10)],
        [D(2025, 7, 10), D(2025, 1, 10), D(2025, 4, 10)],
        Kararlar=decisions(karar_no=["2", "1"], toplanti_no=["2", "1"], durum="Bekliyor"),
    )
    assert [(d["Karar No"], m["Toplantı No"]) for d, m in meetings.unevaluated_decisions(data)] == [
        ("1", "2"),
        ("2", "3"),
    ]
