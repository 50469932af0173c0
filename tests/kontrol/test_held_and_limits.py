"""KURALLAR §2 "Only a held meeting counts" and §3 "target versus legal limit", on years not used elsewhere
(2029–2034), some of them with Ramazan or Kurban Bayramı on a deadline.

`kontrol` judges by the legal limit (the text's own date); `takvim` shows the target (moved to a working day) and
gives every event the status `kontrol` would: the two never disagree.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gockurul_excel import commands, contract, rules
from gockurul_excel.core.workdays import WorkCalendar, due

from .base import findings

D = dt.date
CAL = WorkCalendar()
BOARD = rules.MeetingCategory.PROVINCE_BOARD.value
SUB = rules.MeetingCategory.SUBCOMMISSION.value


def rule(article: str) -> rules.Deadline:
    return next(r for r in rules.MEETING_DEADLINES if r.articles == article)


def province(year: int, population: int = 5_000, **extra) -> dict:
    """A province with fewer than 10,000 foreigners: boards in January and July (M7(2)), the sub-commission in
    June and December (M6(9))."""
    return {
        contract.S_KIND: "İl",
        contract.S_PROVINCE: "Kilis",
        contract.S_YEAR: year,
        contract.S_POPULATION: population,
        rules.SETTING_COAST_GUARD: "Hayır",
        rules.SETTING_RESEARCH_CENTRE: "Hayır",
        rules.SETTING_REMOVAL_CENTRE: "Hayır",
        rules.SETTING_TEMPORARY_SHELTER: "Hayır",
        **extra,
    }


def meeting(no, category, planned, held=None, notice=None, platform=None, kind="Olağan", update=None):
    return [no, category, kind, planned, held, dt.time(10), "Valilik", notice, platform, None, update]


def events(data, today):
    return commands.calendar(data, today).payload.schedule.events


# --- §2: only a held meeting counts ---------------------------------------------------------------------


def _planned_only_book(memory_book, held=None):
    """A January 2032 board planned for Monday 19 January (Ramazan Bayramı is 14–16 January), held or not."""
    return memory_book(settings=province(2032), rows={"Toplantılar": [meeting(1, BOARD, D(2032, 1, 19), held)]})


def test_a_planned_date_alone_is_reported_before_its_window_closes(memory_book):
    """M7(2): 20 January 2032, the planned day passed with no held date: "was it held?" (warning), the window not
    closed yet (no missing meeting); the calendar marks the meeting "gecikti" too."""
    data = _planned_only_book(memory_book)
    found = findings(data, D(2032, 1, 20))
    held_asked = [f for f in found if f[1] == "M7(2)" and "gerçekleşen tarih yazılmamış" in f[4]]
    assert [(f[0], f[2], f[3]) for f in held_asked] == [("uyari", "Toplantılar", "E2")]
    assert not [f for f in found if "yapılmamış; son gün" in f[4]]
    board = next(e for e in events(data, D(2032, 1, 20)) if e.kind == "il_gkk" and e.meeting_no == "1")
    assert board.status == "gecikti" and "gerçekleşen tarih yazılmamış" in board.description


def test_no_minutes_are_due_for_a_meeting_that_may_still_be_held(memory_book):
    """KURALLAR §2: M12 runs from the held date. A district board planned for 10 March 2026 and not held by 10
    April is asked about ("was it held?"), but its M8(3) late limit (30 April) has not passed: no minutes are
    demanded of it, by `kontrol` or by the calendar."""
    settings = {
        contract.S_KIND: "İlçe",
        contract.S_PROVINCE: "Kilis",
        contract.S_DISTRICT: "Elbeyli",
        contract.S_YEAR: 2026,
        contract.S_POPULATION: 2_000,
    }
    data = memory_book(
        settings=settings,
        rows={"Toplantılar": [meeting(1, rules.MeetingCategory.DISTRICT_BOARD.value, D(2026, 3, 10))]},
    )
    found = findings(data, D(2026, 4, 10))
    assert not [f for f in found if f[1].startswith("M12")]
    assert [f[0] for f in found if "gerçekleşen tarih yazılmamış" in f[4]] == ["uyari"]
    assert not [e for e in events(data, D(2026, 4, 10)) if e.kind in ("tutanak_teblig", "platform_giris")]
    # once the late limit has passed the board is missing, and so are its minutes (judged from the planned day)
    late = findings(data, D(2026, 5, 1))
    assert {f[1] for f in late if f[0] == "hata" and f[1].startswith("M12")} == {"M12(4), M12(5)", "M12(5)"}


def test_the_district_minutes_message_keeps_the_institutions_capitals(memory_book):
    settings = {
        contract.S_KIND: "İlçe",
        contract.S_PROVINCE: "Kilis",
        contract.S_DISTRICT: "Elbeyli",
        contract.S_YEAR: 2026,
        contract.S_POPULATION: 2_000,
    }
    data = memory_book(
        settings=settings,
        rows={"Toplantılar": [meeting(1, rules.MeetingCategory.DISTRICT_BOARD.value, D(2026, 3, 10), D(2026, 3, 10))]},
    )
    notice = next(f for f in findings(data, D(2026, 4, 10)) if f[1] == "M12(4), M12(5)")
    assert "İl Göç İdaresi Müdürlüğüne" in notice[4] and "\u0307" not in notice[4]
    assert notice[4].startswith("Toplantı 1: tutanak")


@pytest.mark.parametrize("column", [7, 8])  # Tutanak Tebliğ Tarihi, Platform Giriş Tarihi
def test_a_district_books_minutes_dates_cite_the_district_articles(memory_book, column):
    """M12(4), M12(5): a district board's minutes dates written without a held date cite the district's
    articles, not the province's M12(2)/M12(3)."""
    settings = {
        contract.S_KIND: "İlçe",
        contract.S_PROVINCE: "Kilis",
        contract.S_DISTRICT: "Elbeyli",
        contract.S_YEAR: 2026,
        contract.S_POPULATION: 2_000,
    }
    row = meeting(1, rules.MeetingCategory.DISTRICT_BOARD.value, D(2026, 3, 10))
    row[column] = D(2026, 3, 12)
    found = [
        f
        for f in findings(memory_book(settings=settings, rows={"Toplantılar": [row]}), D(2026, 3, 20))
        if "yazılmış ama toplantının gerçekleşen tarihi boş" in f[4]
    ]
    assert [f[1] for f in found] == ["M12(4), M12(5)" if column == 7 else "M12(5)"]


@pytest.mark.parametrize("days_before, late", [(15, False), (16, False), (14, True)])
def test_deadlines_before_a_postponed_meeting_run_from_its_planned_date(memory_book, days_before, late):
    """KURALLAR §2: deadlines before a meeting are computed from its planned date when set. Planned for Wednesday
    15 April 2026, held a week later: a proposal 14 days before the planned date is late, though it was three weeks
    before the day the board met."""
    proposed = D(2026, 4, 15) - dt.timedelta(days=days_before)
    data = memory_book(
        settings=province(2026, 12_000),
        rows={
            "Toplantılar": [meeting(1, BOARD, D(2026, 4, 15), D(2026, 4, 22), D(2026, 4, 24), D(2026, 4, 24))],
            "Gündem": [[1, 1, "Eğitim", "İl Milli Eğitim Müdürlüğü", proposed]],
        },
    )
    assert bool([f for f in findings(data, D(2026, 5, 1)) if f[1] == "M10(2)"]) is late
    notify = next(e for e in events(data, D(2026, 3, 1)) if e.kind == "bildirim" and e.meeting_no == "1")
    assert notify.date == D(2026, 4, 10)


def test_a_board_held_earlier_than_planned_has_no_before_deadline_after_it(memory_book):
    """Planned for Monday 20 January 2031, held on Thursday 9 January: the notice (M11(3)) and the annual report
    (M13(2), approved there) are due before the day the board met, not before the day it was planned for."""
    data = memory_book(
        settings=province(2031), rows={"Toplantılar": [meeting(1, BOARD, D(2031, 1, 20), D(2031, 1, 9))]}
    )
    evs = events(data, D(2031, 1, 2))
    notify = next(e for e in evs if e.kind == "bildirim" and e.meeting_no == "1")
    report = next(e for e in evs if e.kind == "yillik_rapor" and "2030 yılı" in e.description)
    assert notify.date == D(2031, 1, 3) and report.date == D(2031, 1, 9)  # 4 January is a Saturday


def test_a_sub_commission_minutes_date_without_a_held_date_cites_m12_6(memory_book):
    row = meeting(1, SUB, D(2026, 6, 1))
    row[7] = D(2026, 6, 3)
    found = [
        f
        for f in findings(memory_book(settings=province(2026), rows={"Toplantılar": [row]}), D(2026, 6, 5))
        if "yazılmış ama toplantının gerçekleşen tarihi boş" in f[4]
    ]
    assert [f[1] for f in found] == ["M12(6)"]


def test_a_planned_date_alone_never_satisfies_the_window(memory_book):
    """KURALLAR §2: once January has passed, the January board is missing (hata, M7(2)) although it was planned;
    its minutes' notice (M12(2)) and platform entry (M12(3)) are missing as well — as the calendar shows them."""
    data = _planned_only_book(memory_book)
    today = D(2032, 2, 4)  # 19 January + 15 days = 3 February: the notice is late from the 4th
    found = findings(data, today)
    missing = [f for f in found if f[1] == "M7(2)" and "yapılmamış; son gün" in f[4]]
    assert [f[0] for f in missing] == ["hata"] and "Toplantı 1 19.01.2032 için planlanmış" in missing[0][4]
    assert {f[1] for f in found if f[0] == "hata" and f[1].startswith("M12")} == {"M12(2)", "M12(3)"}
    late = {e.kind for e in events(data, today) if e.meeting_no == "1" and e.status == "gecikti"}
    assert {"il_gkk", "tutanak_teblig", "platform_giris"} <= late


def test_a_held_meeting_satisfies_the_window(memory_book):
    data = memory_book(
        settings=province(2032),
        rows={"Toplantılar": [meeting(1, BOARD, D(2032, 1, 19), D(2032, 1, 19), D(2032, 1, 27), D(2032, 1, 30))]},
    )
    found = findings(data, D(2032, 2, 3))
    assert not [f for f in found if f[1] in ("M7(2)", "M12(2)", "M12(3)")]
    assert all(
        e.status == "tamamlandi"
        for e in events(data, D(2032, 2, 3))
        if e.meeting_no == "1" and e.kind in ("il_gkk", "tutanak_teblig", "platform_giris")
    )


def test_kontrol_and_takvim_agree_on_every_status(memory_book):
    """For every event the calendar marks "gecikti" that an input column records, `kontrol` has a finding of the
    same article, and an on-time event has none."""
    data = _planned_only_book(memory_book)
    for today in (D(2032, 1, 18), D(2032, 1, 20), D(2032, 2, 3), D(2032, 2, 16), D(2032, 8, 1)):
        found = findings(data, today)
        for e in events(data, today):
            if e.kind in ("tutanak_teblig", "platform_giris"):
                assert (e.status == "gecikti") is any(f[1] == e.article for f in found), (today, e.kind)
            elif e.kind == "il_gkk" and e.meeting_no == "1":  # the planned meeting: "was it held?"
                assert (e.status == "gecikti") is any(f[1] == "M7(2)" and "Toplantı 1" in f[4] for f in found)
            elif e.kind == "il_gkk":  # the July proposal: missing once July has passed
                assert (e.status == "gecikti") is any("Temmuz" in f[4] for f in found), today


# --- §3: the target is shown, the legal limit judges ------------------------------------------------------


@pytest.mark.parametrize(
    "article, meeting_day, target, limit",
    [
        # Ramazan Bayramı 2031 (24–26 January): 9 January + 15 days falls on its first day → Monday 27 January
        ("M12(2)", D(2031, 1, 9), D(2031, 1, 27), D(2031, 1, 27)),
        # Kurban Bayramı 2029 (24–27 April): 10 April + 15 → Monday 30 April
        ("M12(2)", D(2029, 4, 10), D(2029, 4, 30), D(2029, 4, 30)),
        # a proposal 15 days before Monday 16 April 2029 is due on Sunday 1 April: shown Friday 30 March
        ("M10(2)", D(2029, 4, 16), D(2029, 3, 30), D(2029, 4, 1)),
        # "ayın son gününe kadar": May 2031 ends on a Saturday
        ("M12(3)", D(2031, 5, 20), D(2031, 5, 30), D(2031, 5, 31)),
    ],
)
def test_every_deadline_has_a_target_and_a_legal_limit(article, meeting_day, target, limit):
    d = due(CAL, meeting_day, rule(article))
    assert (d.target, d.limit) == (target, limit)
    assert CAL.is_working_day(d.target)


@pytest.mark.parametrize("entry, late", [(D(2031, 5, 30), False), (D(2031, 5, 31), False), (D(2031, 6, 1), True)])
def test_platform_entry_on_the_calendar_last_day_is_on_time(memory_book, entry, late):
    """M12(3): May 2031 ends on Saturday 31st. An entry that day is on time (the text: "ayın son gününe kadar"),
    1 June is late; the message names the legal limit and the calendar's target."""
    data = memory_book(
        settings=province(2031),
        rows={
            "Toplantılar": [
                meeting(1, BOARD, D(2031, 1, 20), D(2031, 1, 20), D(2031, 1, 28), D(2031, 1, 30)),
                meeting(2, BOARD, D(2031, 5, 20), D(2031, 5, 20), D(2031, 5, 27), entry, kind="Ek"),
            ]
        },
    )
    hits = [f for f in findings(data, D(2031, 6, 10)) if f[1] == "M12(3)"]
    assert bool(hits) is late
    if late:
        assert hits[0][3] == "I3" and "en geç 31.05.2031 (takvimdeki hedef: 30.05.2031)" in hits[0][4]
    shown = next(e for e in events(data, D(2031, 5, 21)) if e.kind == "platform_giris" and e.meeting_no == "2")
    assert shown.date == D(2031, 5, 30) and shown.limit == D(2031, 5, 31)
    assert "yasal son gün 31.05.2031" in shown.description
    assert shown.to_json()["yasal_son_tarih"] == "2031-05-31"


@pytest.mark.parametrize("days_before, late", [(14, True), (15, False), (16, False)])
def test_agenda_proposal_on_a_weekend_before_the_limit_is_on_time(memory_book, days_before, late):
    """M10(2): the board is on Monday 16 April 2029; 15 days before is Sunday 1 April, 16 days Saturday 31 March —
    both allowed by the text, though the calendar asks for Friday 30 March. 14 days before (Monday) is late."""
    proposed = D(2029, 4, 16) - dt.timedelta(days=days_before)
    data = memory_book(
        settings=province(2029, 12_000),
        rows={
            "Toplantılar": [meeting(1, BOARD, D(2029, 4, 16), None, kind="Ek")],
            "Gündem": [[1, 1, "Eğitim", "İl Milli Eğitim Müdürlüğü", proposed]],
        },
    )
    hits = [f for f in findings(data, D(2029, 4, 10)) if f[1] == "M10(2)"]
    assert bool(hits) is late
    if late:
        assert hits[0][0] == "uyari" and "en geç 01.04.2029 (takvimdeki hedef: 30.03.2029)" in hits[0][4]


def test_the_m8_3_limit_is_judged_by_the_calendar_last_day(memory_book):
    """M8(3): a district board of 2027 not held in August/September must meet by 31 October; the calendar shows
    Thursday 28th (29th is Cumhuriyet Bayramı, 30–31 a weekend), but the board is missing only from 1 November."""
    settings = {
        contract.S_KIND: "İlçe",
        contract.S_PROVINCE: "Kilis",
        contract.S_DISTRICT: "Elbeyli",
        contract.S_YEAR: 2027,
        contract.S_POPULATION: 2_400,
    }
    data = memory_book(
        settings=settings,
        rows={"Toplantılar": [meeting(1, rules.MeetingCategory.DISTRICT_BOARD.value, D(2027, 2, 15), D(2027, 2, 15))]},
    )
    assert not [f for f in findings(data, D(2027, 10, 31)) if "yapılmamış" in f[4]]
    assert [f[1] for f in findings(data, D(2027, 11, 1)) if "yapılmamış" in f[4]] == ["M8(1)"]
    proposal = next(e for e in events(data, D(2027, 9, 1)) if e.kind == "ilce_gkk" and e.proposal)
    assert "en geç 28.10.2027 (M8(3); yasal son gün 31.10.2027)" in proposal.description


def test_a_move_across_an_estimated_bayram_is_marked_estimated(memory_book):
    """KURALLAR §2: 2034's Kurban Bayramı (1–4 March) is an estimate; the March sub-commission it moves to Monday
    6 March, and a notice due on Ramazan Bayramı (12 December 2034) moved to the 15th, say so; a date moved by a
    weekend alone does not."""
    moved = due(CAL, D(2034, 11, 27), rule("M12(2)"))
    assert (moved.target, moved.estimated) == (D(2034, 12, 15), True)
    assert due(CAL, D(2034, 11, 24), rule("M12(2)")).estimated is False  # 9 December, a Saturday
    data = memory_book(
        settings=province(2034, 12_000),
        rows={"Toplantılar": [meeting(1, BOARD, D(2034, 11, 27), D(2034, 11, 27), kind="Ek")]},
    )
    evs = events(data, D(2034, 11, 28))
    notice = next(e for e in evs if e.kind == "tutanak_teblig" and e.meeting_no == "1")
    assert notice.estimated and "tahmini bayram tarihine göre kaydırıldı" in notice.description
    march = next(e for e in evs if e.kind == "alt_komisyon" and e.proposal and e.date.month == 3)
    assert march.date == D(2034, 3, 6) and march.estimated and march.to_json()["tahmini"] is True
    june = next(e for e in evs if e.kind == "alt_komisyon" and e.proposal and e.date.month == 6)
    assert not june.estimated


# --- M13: the annual report is prepared before the first board that approves it ---------------------------


@pytest.mark.parametrize(
    "board, today, due_day",
    [
        (
            D(2030, 1, 8),
            D(2030, 1, 2),
            D(2030, 1, 8),
        ),  # the first board comes first: the report is due that day (M13(2))
        (D(2030, 1, 28), D(2030, 1, 2), D(2030, 1, 28)),
        # KURALLAR §7: a board entered for February is not the first while January's can still be held: the proposed
        # January board (Tuesday 15 January) is, and the report is due then ...
        (D(2030, 2, 7), D(2030, 1, 2), D(2030, 1, 15)),
        (
            D(2030, 2, 7),
            D(2030, 2, 1),
            D(2030, 1, 31),
        ),  # ... once January has passed, a late first board: January's end
    ],
)
def test_annual_report_is_due_by_the_first_board(memory_book, board, today, due_day):
    data = memory_book(settings=province(2030), rows={"Toplantılar": [meeting(1, BOARD, board)]})
    evs = [e for e in events(data, today) if e.kind == "yillik_rapor" and "2029 yılı" in e.description]
    assert [e.date for e in evs] == [due_day] and evs[0].article == "M13(1), M13(2)"
    # entered in the platform by the end of January whatever the board's day (M13(3))
    platform = next(
        e for e in events(data, today) if e.kind == "yillik_rapor_platform" and "2029 yılı" in e.description
    )
    assert platform.date == D(2030, 1, 31)


def test_annual_report_is_due_by_the_proposed_first_board_when_none_is_entered(memory_book):
    """KURALLAR §2/§3: with no board entered, the calendar proposes Thursday 15 January 2026 for the first board,
    which approves the report (M13(2)): the report is due then, not at the end of January."""
    data = memory_book(settings=province(2026, 12_000), rows={})
    evs = events(data, D(2026, 1, 2))
    prepare = [e for e in evs if e.kind == "yillik_rapor" and "2025 yılı" in e.description]
    approve = [e for e in evs if e.kind == "yillik_rapor" and "onaylanır" in e.description]
    assert [e.date for e in prepare] == [D(2026, 1, 15)] and [e.date for e in approve] == [D(2026, 1, 15)]


# --- M5(13): fifteen days to update the action plan ----------------------------------------------------------


@pytest.mark.parametrize("update", ["Evet", None])
def test_action_plan_update_gets_fifteen_days(memory_book, update):
    """M5(13): a board held on Monday 9 July 2029 that gave 15 days to update the plan: the updated plan goes to
    the chair by 24 July (a Tuesday); without the request there is no such event."""
    data = memory_book(
        settings=province(2029), rows={"Toplantılar": [meeting(1, BOARD, D(2029, 7, 9), D(2029, 7, 9), update=update)]}
    )
    evs = [e for e in events(data, D(2029, 7, 10)) if e.kind == "eylem_plani_guncelleme"]
    if update:
        assert [(e.date, e.article, e.meeting_no) for e in evs] == [(D(2029, 7, 24), "M5(13)", "1")]
    else:
        assert evs == []
