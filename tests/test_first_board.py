"""Issue 25 items 1, 3, 4, 5: the year's first board (KURALLAR §7), the decisions a board evaluates (M5(7),
KURALLAR §3), what `devir` carries by status and the days before a board that met early (KURALLAR §7, §2), and a
command asked for another year (KURALLAR §7). In years other than the demo's, on both sides of each edge."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from gockurul_excel import commands, contract, example, rules
from gockurul_excel.core.carry import carry_over
from gockurul_excel.core.meetings import decisions_to_evaluate, find_meeting, first_board_of, is_first_board_of_year
from gockurul_excel.errors import GocKurulError
from gockurul_excel.sheets import forms

from .conftest import run_cli

D = dt.date
BOARD = rules.MeetingCategory.PROVINCE_BOARD.value
SUB = rules.MeetingCategory.SUBCOMMISSION.value
DISTRICT_BOARD = rules.MeetingCategory.DISTRICT_BOARD.value
DECISION_COLUMNS = [c.header for c in contract.SHEETS_BY_NAME["Kararlar"].columns]


def province(year: int, population: int = 5_000) -> dict:
    """Fewer than 10,000 foreigners: boards in January and July (M7(2))."""
    return {
        contract.S_KIND: "İl",
        contract.S_PROVINCE: "Kilis",
        contract.S_YEAR: year,
        contract.S_POPULATION: population,
        rules.SETTING_COAST_GUARD: "Hayır",
        rules.SETTING_RESEARCH_CENTRE: "Hayır",
        rules.SETTING_REMOVAL_CENTRE: "Hayır",
        rules.SETTING_TEMPORARY_SHELTER: "Hayır",
    }


def district(year: int) -> dict:
    return {
        contract.S_KIND: "İlçe",
        contract.S_PROVINCE: "Hatay",
        contract.S_DISTRICT: "Reyhanlı",
        contract.S_YEAR: year,
        contract.S_POPULATION: 60_000,
        contract.S_BORDER: "Evet",
        rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Evet",
    }


def meeting(no, category, planned, held=None, kind="Olağan"):
    return [no, category, kind, planned, held, dt.time(10), "Valilik", None, None, None, None]


def decision(no, meeting_no, status="Bekliyor", evaluated_at=None, carried=None):
    row = [no, meeting_no, f"Karar {no}", "G", "A", "Valilik", None, status, None, None, evaluated_at, None, carried]
    if status == "Uygulanamadı":
        row[8] = "Bütçe yok"
    return row


def events(data, today):
    return commands.calendar(data, today).payload.schedule.events


def first_board_events(data, today):
    return [e for e in events(data, today) if e.description.startswith("Yılın ilk kurulu")]


def report_due(data, today, report_year):
    return next(e for e in events(data, today) if e.kind == "yillik_rapor" and f"{report_year} yılı" in e.description)


# --- item 1: the first board of the year (KURALLAR §7; M5(8), M5(12), M5(13), M6(1), M13(2)) -----------------


@pytest.mark.parametrize(
    "today, first_is_proposal",
    [
        (D(2031, 1, 6), True),
        (D(2031, 1, 31), True),  # the January window's last day: the ordinary board can still be held (M7(2))
        (D(2031, 2, 1), False),  # January has passed without it: the extra board of March is the first
    ],
)
def test_an_extra_board_in_march_is_not_the_first_while_januarys_can_be_held(memory_book, today, first_is_proposal):
    data = memory_book(settings=province(2031), rows={"Toplantılar": [meeting(1, BOARD, D(2031, 3, 12), kind="Ek")]})
    first = first_board_of(data, 2031, today)
    duties = first_board_events(data, today)
    assert {e.article for e in duties} == {d.article for d in rules.first_board_duties(rules.BoardKind.PROVINCE)}
    if first_is_proposal:
        # the schedule proposes Wednesday 15 January 2031; the duties and last year's Ek-3 go with it
        assert first.meeting is None and first.day == D(2031, 1, 15)
        assert {(e.date, e.meeting_no) for e in duties} == {(D(2031, 1, 15), None)}
        assert report_due(data, today, 2030).date == D(2031, 1, 15)
    else:
        assert first.meeting.no == "1"
        assert {(e.date, e.meeting_no) for e in duties} == {(D(2031, 3, 12), "1")}
        assert report_due(data, today, 2030).date == D(2031, 1, 31)  # M13(1): January's end comes first


def test_kontrol_and_takvim_agree_on_the_first_board(memory_book):
    """kontrol's carried-decision check (M5(12)) waits for the first board takvim shows: the held extra board of
    10 March is not it while the January board can be held, and is once January has passed."""
    rows = {
        "Toplantılar": [meeting(1, BOARD, D(2031, 3, 10), D(2031, 3, 10), kind="Ek")],
        "Kararlar": [decision(4, 7, carried=2030)],
    }
    data = memory_book(settings=province(2031), rows=rows)

    def carried_findings(today):
        return [f for f in commands.check(data, today).payload if f.rule == rules.CARRIED_EVALUATION_ARTICLE]

    # (a held board dated after today cannot be; the rule is read the same way on any day)
    assert first_board_of(data, 2031, D(2031, 1, 20)).meeting is None
    assert carried_findings(D(2031, 1, 20)) == []
    assert first_board_of(data, 2031, D(2031, 3, 11)).meeting.no == "1"
    assert len(carried_findings(D(2031, 3, 11))) == 1


def test_an_extra_board_before_the_proposal_is_the_first(memory_book):
    """The earliest board wins: an extra board planned on 8 January (before the proposed 15th), or one held on
    20 January while the January window is still open, is the first board."""
    early = memory_book(settings=province(2031), rows={"Toplantılar": [meeting(1, BOARD, D(2031, 1, 8), kind="Ek")]})
    assert first_board_of(early, 2031, D(2031, 1, 6)).meeting.no == "1"
    held = memory_book(
        settings=province(2031), rows={"Toplantılar": [meeting(1, BOARD, D(2031, 1, 20), D(2031, 1, 20), kind="Ek")]}
    )
    assert first_board_of(held, 2031, D(2031, 1, 22)).meeting.no == "1"
    assert {e.meeting_no for e in first_board_events(held, D(2031, 1, 22))} == {"1"}


@pytest.mark.parametrize("today, first", [(D(2031, 1, 31), "1"), (D(2031, 2, 3), "2")])
def test_a_planned_ordinary_board_not_held_is_missed_once_its_window_has_passed(memory_book, today, first):
    """KURALLAR §2, §7: the January board planned for the 21st and never held is the first board until
    31 January; from 1 February it was missed and the March extra board is the first."""
    data = memory_book(
        settings=province(2031),
        rows={"Toplantılar": [meeting(1, BOARD, D(2031, 1, 21)), meeting(2, BOARD, D(2031, 3, 12), kind="Ek")]},
    )
    assert first_board_of(data, 2031, today).meeting.no == first


@pytest.mark.parametrize("today, first_is_proposal", [(D(2033, 4, 30), True), (D(2033, 5, 2), False)])
def test_a_district_board_can_be_held_until_the_m8_3_late_limit(memory_book, today, first_is_proposal):
    """M8(1), M8(3), KURALLAR §7: a district board required in February/March may still be held until 30 April;
    till then an extra board of 10 May is not the district's first board (M5(12))."""
    data = memory_book(
        settings=district(2033), rows={"Toplantılar": [meeting(1, DISTRICT_BOARD, D(2033, 5, 10), kind="Ek")]}
    )
    first = first_board_of(data, 2033, today)
    assert (first.meeting is None) is first_is_proposal
    duty = first_board_events(data, today)
    assert [e.article for e in duty] == ["M5(12)"]
    assert duty[0].meeting_no == (None if first_is_proposal else "1")


@pytest.mark.parametrize("january_held", [True, False])
def test_the_march_boards_agenda_has_the_first_board_duties_only_without_a_january_board(memory_book, january_held):
    """An agenda and Ek-1 are made for their meeting's day: the March extra board carries the first-board duties
    (M13(2), M5(8), M5(13)) when no January board was held by then, and not when one was."""
    rows = [meeting(2, BOARD, D(2031, 3, 12), kind="Ek")]
    if january_held:
        rows.append(meeting(1, BOARD, D(2031, 1, 15), D(2031, 1, 15)))
    data = memory_book(settings=province(2031), rows={"Toplantılar": rows})
    m = find_meeting(data, "2")
    assert is_first_board_of_year(data, m) is not january_held
    items = [text for text, _ in forms.agenda_items(data, m)]
    assert (rules.FIRST_BOARD_DUTIES[1].agenda in items) is not january_held


# --- item 3: M5(7), Ek-1 item 8 — every still-open decision not evaluated since -----------------------------


def _three_boards(memory_book, **extra):
    """2032, ≥ 10,000 foreigners: the January board (1), an extra board in March (2), the April board (3), and a
    sub-commission (4) in March. Decisions of meeting 1: 1 open and never evaluated, 2 open and evaluated at the
    March board, 3 open and evaluated at the April board, 4 implemented; 5 taken at the March board, open;
    6 of the sub-commission, open."""
    rows = {
        "Toplantılar": [
            meeting(1, BOARD, D(2032, 1, 14), D(2032, 1, 14)),
            meeting(2, BOARD, D(2032, 3, 10), D(2032, 3, 10), kind="Ek"),
            meeting(4, SUB, D(2032, 3, 1), D(2032, 3, 1)),
            meeting(3, BOARD, D(2032, 4, 14), D(2032, 4, 14)),
        ],
        "Kararlar": [
            decision(1, 1),
            decision(2, 1, "Devam Ediyor", 2),
            decision(3, 1, evaluated_at=3),
            decision(4, 1, "Uygulandı", 2),
            decision(5, 2),
            decision(6, 4),
        ],
    }
    for name, more in extra.items():
        rows[name] += more
    return memory_book(settings=province(2032, 20_000), rows=rows)


def test_an_extra_board_in_between_does_not_drop_an_open_decision(memory_book):
    data = _three_boards(memory_book)
    listed = lambda no: [r["Karar No"] for r in decisions_to_evaluate(data, find_meeting(data, no))]  # noqa: E731
    assert listed("2") == ["1", "2", "3", "4"]  # 4, implemented, because it names the March board
    # the April board: 1 (never evaluated) and 3 (evaluated there) still, 2 no longer (the March board evaluated
    # it), 5 of the March board; never the implemented 4 nor the sub-commission's 6
    assert listed("3") == ["1", "3", "5"]
    assert listed("1") == []


def test_the_april_minutes_print_the_january_decision(memory_book):
    data = _three_boards(memory_book)
    spec = forms.minutes_sheet(data, find_meeting(data, "3"))
    text = " ".join(str(v) for b in spec.blocks for row in b.values for v in row if v is not None)
    assert "Karar 1 (toplantı 1):" in text and "Karar 2 (toplantı 1):" not in text


def test_an_evaluation_by_a_board_not_yet_held_does_not_count(memory_book):
    """Decision 7 names the extra board 5 planned for 20 April but not held: at the April board of the 14th it is
    still unevaluated."""
    data = _three_boards(
        memory_book,
        **{"Toplantılar": [meeting(5, BOARD, D(2032, 3, 20), kind="Ek")], "Kararlar": [decision(7, 1, evaluated_at=5)]},
    )
    assert "7" in [r["Karar No"] for r in decisions_to_evaluate(data, find_meeting(data, "3"))]


def test_kontrol_says_an_unevaluated_decision_once(memory_book):
    """M5(7): decision 1 is left open through two boards: one warning, at the first board that met after it."""
    data = _three_boards(memory_book)
    found = [
        f
        for f in commands.check(data, D(2032, 5, 1)).payload
        if f.rule == "M5(7)" and f.sheet == "Kararlar" and f.message.startswith("Karar 1 ")
    ]
    assert len(found) == 1 and "toplantı 2" in found[0].message


def test_a_carried_decision_not_evaluated_at_the_first_board_stays_on_the_next(memory_book):
    """KURALLAR §3 ('this year's or carried'), §7: a decision carried from 2031 that the January board did not
    evaluate is still in the April board's item 8; one the January board evaluated is not."""
    data = _three_boards(
        memory_book, Kararlar=[decision(8, 6, carried=2031), decision(9, 6, "Devam Ediyor", 1, carried=2031)]
    )

    def at(no):
        return [
            (r["Karar No"], dict.get(r, contract.CARRIED_COLUMN))
            for r in decisions_to_evaluate(data, find_meeting(data, no))
        ]

    assert ("8", 2031) in at("1") and ("9", 2031) in at("1")
    assert ("8", 2031) in at("3") and ("9", 2031) not in at("3")


# --- item 4: what devir carries, by status (KURALLAR §7) ------------------------------------------------------


@pytest.mark.parametrize(
    "sheet, status, carried",
    [
        ("Kararlar", "Bekliyor", True),
        ("Kararlar", "Devam Ediyor", True),
        ("Kararlar", "Uygulandı", False),
        ("Kararlar", "Uygulanamadı", False),
        ("Sorunlar", "Açık", True),
        ("Sorunlar", "Çözüldü", False),
        ("Sorunlar", "Çözülemedi", False),
        ("Eylem Planı", "Ertelendi", True),
        ("Eylem Planı", "Başlamadı", True),
        ("Eylem Planı", "Devam Ediyor", True),
        ("Eylem Planı", "Tamamlandı", False),
        ("Eylem Planı", "İptal", False),
    ],
)
def test_devir_carries_by_status(memory_book, sheet, status, carried):
    row = {
        "Kararlar": decision(1, 1, status),
        "Sorunlar": [1, 1, "Sağlık", "Sorun", None, status],
        "Eylem Planı": [1, "Sağlık", "Eylem", "Valilik", None, None, None, None, None, None, status],
    }[sheet]
    data = memory_book(
        settings=province(2029), rows={"Toplantılar": [meeting(1, BOARD, D(2029, 1, 15), D(2029, 1, 15))], sheet: [row]}
    )
    assert len(carry_over(data, 2029).rows[sheet]) == (1 if carried else 0)


# --- item 4: the days before a board that met earlier than planned (KURALLAR §2, M10, M11(3)) -----------------


@pytest.mark.parametrize("held, notice", [(D(2031, 7, 8), D(2031, 7, 3)), (D(2031, 7, 24), D(2031, 7, 16))])
def test_deadlines_before_a_board_run_from_the_earlier_of_planned_and_held(memory_book, held, notice):
    """Planned for Monday 21 July 2031: met early on the 8th, members were to be notified by the 3rd (− 5 days,
    M11(3)); met late on the 24th, by the 16th (from the planned date: a late meeting does not move it)."""
    data = memory_book(settings=province(2031), rows={"Toplantılar": [meeting(1, BOARD, D(2031, 7, 21), held)]})
    e = next(e for e in events(data, D(2031, 6, 1)) if e.kind == "bildirim" and e.meeting_no == "1")
    assert (e.limit or e.date) == notice


# --- item 5: a command asked for another year refuses (KURALLAR §7) ------------------------------------------


def test_yillik_for_another_year_refuses_naming_both(memory_book):
    data = memory_book(settings=province(2029), rows={"Toplantılar": [meeting(1, BOARD, D(2029, 1, 15))]})
    with pytest.raises(GocKurulError) as err:
        commands.annual_report(data, 2030)
    assert "2030" in str(err.value) and "2029" in str(err.value)
    assert commands.annual_report(data, 2029).specs  # its own year, asked or not
    assert commands.annual_report(data).specs


def test_cli_yillik_and_devir_refuse_another_year_and_leave_files_alone(make_book, tmp_path):
    book = make_book(
        settings=province(2029), rows={"Toplantılar": [meeting(1, BOARD, D(2029, 1, 15))]}, name="KILIS_2029.xlsx"
    )
    before = book.read_bytes()
    proc = run_cli("yillik", str(book), "--yil", "2030")
    assert proc.returncode != 0 and "2030" in proc.stderr + proc.stdout and "Traceback" not in proc.stderr
    assert book.read_bytes() == before
    wrong = tmp_path / "KILIS_2031.xlsx"
    proc = run_cli("devir", str(book), str(wrong))
    assert proc.returncode != 0 and "2030" in proc.stderr + proc.stdout and not wrong.exists()
    proc = run_cli("devir", str(book), str(wrong), "--yil-farkli")
    assert proc.returncode == 0, proc.stderr
    right = tmp_path / "KILIS_2030.xlsx"
    assert run_cli("devir", str(book), str(right)).returncode == 0 and right.exists()


def test_devir_refuses_two_rows_with_one_key_naming_the_sheet_and_rows(memory_book):
    """KURALLAR §7: two open decisions numbered 3 (both of 2029) would be carried twice: refused, the sheet and
    both rows named; a closed duplicate is not carried, so it does not stop the carry-over."""
    rows = {
        "Toplantılar": [meeting(1, BOARD, D(2029, 1, 15), D(2029, 1, 15))],
        "Kararlar": [decision(3, 1), decision(3, 1, "Devam Ediyor")],
    }
    data = memory_book(settings=province(2029), rows=rows)
    with pytest.raises(GocKurulError) as err:
        carry_over(data, 2029)
    assert err.value.sheet == "Kararlar" and "Karar No 3" in str(err.value)
    assert re.search(r"\d+\. ve \d+\. satırlarda", str(err.value))
    rows["Kararlar"][1] = decision(3, 1, "Uygulandı")
    assert len(carry_over(memory_book(settings=province(2029), rows=rows), 2029).rows["Kararlar"]) == 1


@pytest.mark.parametrize("book", ["three_boards", "example"])
def test_kontrol_reports_each_decision_at_the_first_meeting_that_listed_it(memory_book, book):
    """kontrol finds the M5(7) pairs in one pass (unevaluated_decisions); they are exactly the first held board
    whose Ek-1 item 8 lists each decision without an evaluation."""
    from gockurul_excel.core.meetings import Meeting, meeting_day, unevaluated_decisions

    if book == "three_boards":
        data = _three_boards(memory_book)
    else:
        rows = {k: [list(r) for r in v] for k, v in example.example_rows().items()}
        for d in rows["Kararlar"]:
            d[10] = None  # nothing evaluated: every open decision is reported
        data = memory_book(rows=rows)
    boards = {c.value for c in rules.BOARD_CATEGORIES.values()}
    held = sorted(
        (r["Gerçekleşen Tarih"], i, r)
        for i, r in enumerate(data.records("Toplantılar"))
        if r["Gerçekleşen Tarih"] and r["Kategori"] in boards
    )
    expected, seen = [], set()
    for _, _, r in held:
        m = Meeting(r, rules.category_of(r["Kategori"]), meeting_day(r))
        for d in decisions_to_evaluate(data, m):
            if (
                dict.get(d, contract.CARRIED_COLUMN) is None
                and d["Değerlendiren Toplantı No"] is None
                and id(d) not in seen
            ):
                seen.add(id(d))
                expected.append((d["Karar No"], r["Toplantı No"]))
    got = [(d["Karar No"], r["Toplantı No"]) for d, r in unevaluated_decisions(data)]
    assert got == expected and got
