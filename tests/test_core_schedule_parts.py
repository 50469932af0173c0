"""Parts of the year's schedule in the process (core.schedule): a project's report dates (GK(ç)), a meeting's
event and its words, a carried row's key part (KURALLAR §7)."""

from __future__ import annotations

import datetime as dt

from gockurul_excel import contract, rules
from gockurul_excel.core import schedule
from gockurul_excel.core.districts import DISTRICT, MEETING_COLS, MEETINGS_SHEET, RECEIVED, SOURCE
from gockurul_excel.core.events import Event, Schedule
from gockurul_excel.core.model import workbook_from_rows
from gockurul_excel.core.workdays import Due, WorkCalendar
from gockurul_excel.example import example_settings

from .kontrol.base import book, clean, rows
from .test_core_checks_districts import merged

D = dt.date
Category = rules.MeetingCategory


def _s(today: D | None = None) -> Schedule:
    today = today or D(2025, 6, 10)
    return Schedule(2025, rules.BoardKind.PROVINCE, today, WorkCalendar())


def _project(**values) -> dict:
    base = {
        "Başlangıç": D(2025, 1, 31),
        "Bitiş": D(2025, 12, 31),
        "Başkanlık Görüşü": "Olumlu",
        "Ara Rapor Sıklığı (Ay)": 3,
        "Son Ara Rapor Tarihi": None,
        "Nihai Rapor Tarihi": None,
    }
    return {**base, **values}


def test_project_reports_interim_and_final():
    """GK(ç): the next interim report `every` months after the last one (else the start), clamped to the month's
    end (31.01 + 3 months = 30.04.2025, a Wednesday); the final report 30 days after the end (30.01.2026, a
    Friday), done once its date is written."""
    assert schedule.project_reports(_s(), _project()) == [
        ("proje_ara_rapor", D(2025, 4, 30), False),
        ("proje_nihai_rapor", D(2026, 1, 30), False),
    ]
    assert schedule.project_reports(
        _s(), _project(**{"Son Ara Rapor Tarihi": D(2025, 5, 3), "Nihai Rapor Tarihi": D(2026, 1, 5)})
    ) == [("proje_ara_rapor", D(2025, 8, 4), False), ("proje_nihai_rapor", D(2026, 1, 30), True)]
    # moved to the next working day: 31.01 + 2 months = 31.03.2025, Ramazan Bayramı (30.03–01.04): 02.04
    assert schedule.project_reports(_s(), _project(**{"Ara Rapor Sıklığı (Ay)": 2}))[0] == (
        "proje_ara_rapor",
        D(2025, 4, 2),
        False,
    )


def test_project_reports_bounds():
    """No report without a start or with an unfavourable opinion; an interval from 1 to 120 months; no interim
    report due on or after the end; no final report without an end."""
    assert schedule.project_reports(_s(), _project(**{"Başlangıç": None})) == []
    assert schedule.project_reports(_s(), _project(**{"Başkanlık Görüşü": "Olumsuz"})) == []
    final = ("proje_nihai_rapor", D(2026, 1, 30), False)
    for every in (0, -1, 121, None, "3"):
        assert schedule.project_reports(_s(), _project(**{"Ara Rapor Sıklığı (Ay)": every})) == [final]
    assert schedule.project_reports(_s(), _project(**{"Ara Rapor Sıklığı (Ay)": 1}))[0] == (
        "proje_ara_rapor",
        D(2025, 2, 28),
        False,
    )
    assert schedule.project_reports(_s(), _project(**{"Ara Rapor Sıklığı (Ay)": 120, "Bitiş": None})) == [
        ("proje_ara_rapor", D(2035, 1, 31), False)
    ]
    assert schedule.project_reports(_s(), _project(**{"Bitiş": D(2025, 4, 30)})) == [
        ("proje_nihai_rapor", D(2025, 5, 30), False)
    ]  # the interim would be due on the end: none
    assert schedule.project_reports(_s(), _project(**{"Bitiş": D(2025, 5, 1)}))[0] == (
        "proje_ara_rapor",
        D(2025, 4, 30),
        False,
    )


def test_meeting_event_words_and_status():
    s = _s(D(2025, 6, 10))
    past = schedule._meeting_event(s, Category.PROVINCE_BOARD, D(2025, 6, 9), "3", None, "M7(1)", "İl GKK", "k")
    assert past == Event(
        "il_gkk",
        D(2025, 6, 9),
        "İl GKK — tarihi geçti, gerçekleşen tarih yazılmamış",
        "M7(1)",
        "gecikti",
        "k",
        "3",
        False,
    )
    today = schedule._meeting_event(s, Category.SUBCOMMISSION, D(2025, 6, 10), "4", None, "M6(9)", "AK", "k2", True)
    assert today == Event("alt_komisyon", D(2025, 6, 10), "AK", "M6(9)", "yaklasiyor", "k2", "4", True)
    held = schedule._meeting_event(s, Category.DISTRICT_BOARD, D(2025, 6, 9), "5", D(2025, 6, 9), "M8(1)", "İ", "k3")
    assert (held.kind, held.description, held.status) == ("ilce_gkk", "İ", "tamamlandi")
    proposal = schedule._meeting_event(s, Category.PROVINCE_BOARD, D(2025, 6, 9), None, None, "M7(1)", "Ö", "k4")
    assert (proposal.description, proposal.status) == ("Ö", "gecikti")


def test_carried_key_and_category():
    assert schedule._carried_key({contract.CARRIED_COLUMN: 2024}) == "devreden-2024/"
    assert schedule._carried_key({contract.CARRIED_COLUMN: None}) == ""
    assert schedule._carried_key({}) == ""
    assert schedule._category({"Kategori": Category.SUBCOMMISSION.value}) is Category.SUBCOMMISSION
    assert schedule._category({"Kategori": "Başka"}) is None


# M13(1), M13(2): the annual report of 2024 is prepared in January 2025, and before 2025's first board, which
# approves it. January 2025: the 15th a Wednesday, the 19th a Sunday, the 20th and 27th Mondays, the 31st a Friday.
REPORT = rules.ANNUAL_DEADLINES[0]


def _first_board(planned: D, held: D | None):
    return book(
        rows={
            "Toplantılar": rows(
                "Toplantılar",
                toplanti_no="1",
                kategori=Category.PROVINCE_BOARD.value,
                tur="Olağan",
                planlanan_tarih=planned,
                gerceklesen_tarih=held,
            )
        },
        **{"Yıl": 2025},
    )


def test_annual_report_due_without_today_runs_to_the_proposed_first_board():
    """With no `today` (the calendar's view) the proposal of the first board stands for it: due the last working
    day up to it (a Sunday proposal: the Friday before, the limit the Sunday); with no proposal, January's end."""
    data = _first_board(D(2025, 1, 20), None)
    cal = WorkCalendar()
    assert schedule.annual_report_due(cal, data, 2024, REPORT, D(2025, 1, 19)) == Due(
        D(2025, 1, 17), D(2025, 1, 19), False
    )
    assert schedule.annual_report_due(cal, data, 2024, REPORT, D(2025, 1, 15)) == Due(
        D(2025, 1, 15), D(2025, 1, 15), False
    )
    assert schedule.annual_report_due(cal, data, 2024, REPORT, None) == Due(D(2025, 1, 31), D(2025, 1, 31), False)


def test_annual_report_due_before_the_planned_day_of_a_first_board_held_late():
    """KURALLAR §2: what is due before a meeting runs from its planned day. The first board, planned for Monday
    20.01 and held on Monday 27.01, is the report's limit from the 20th, not the 27th."""
    data = _first_board(D(2025, 1, 20), D(2025, 1, 27))
    due = schedule.annual_report_due(WorkCalendar(), data, 2024, REPORT, D(2025, 1, 15), D(2025, 2, 10))
    assert due == Due(D(2025, 1, 20), D(2025, 1, 20), False)


# The year's schedule in the process (build_schedule) on a small province book: Yıl 2025, 5,000 foreigners, so
# the İl GKK meets in January and July (M7(2)) and the Alt Komisyon in the first week of June and December
# (M6(9)). 2025: 15 July is a public holiday (Demokrasi ve Milli Birlik Günü), so the July board is proposed for
# Wednesday 16 July (KURALLAR §2: the first working day on or after the 15th).
PREFIX = "Gaziantep//2025"
BOARD, SUB = Category.PROVINCE_BOARD.value, Category.SUBCOMMISSION.value


def _book(year: int = 2025, **meetings):
    r = {"Toplantılar": rows("Toplantılar", **meetings)} if meetings else {}
    return book(rows=r, **{"Yıl": year, "Yabancı Nüfusu": 5000})


def _events(data, today: D, kind: str | None = None, no: str | None = None) -> list[Event]:
    return [
        e
        for e in schedule.build_schedule(data, today).events
        if (kind is None or e.kind == kind) and (no is None or e.meeting_no == no)
    ]


def _held_board_and_planned_subcommission():
    """Toplantı 1: the January board, held Monday 20.01, asked for the action plan's update; toplantı 2: the June
    sub-commission planned for Tuesday 03.06, not held yet. No minutes dates written."""
    return _book(
        toplanti_no=["1", "2"],
        kategori=[BOARD, SUB],
        tur="Olağan",
        planlanan_tarih=[D(2025, 1, 20), D(2025, 6, 3)],
        gerceklesen_tarih=[D(2025, 1, 20), None],
        eylem_plani_guncellemesi=["Evet", None],
    )


def test_deadlines_of_a_held_board_and_its_action_plan_update():
    """KURALLAR §3 around the board held on 20.01.2025, seen on 10.05.2025. Before it (M10(1), M10(2): −15 days =
    Sunday 05.01, shown on Friday 03.01; M11(3): −5 days = Wednesday 15.01): done, the board was held. After it:
    the minutes by +15 days (M12(2): Tuesday 04.02) and in the platform by January's end (M12(3): Friday 31.01),
    late with no date written. M5(13): the update asked for gets 15 days (04.02), which no column records: past."""
    events = _events(_held_board_and_planned_subcommission(), D(2025, 5, 10), no="1")
    key = f"{PREFIX}/olagan/il_gkk/01"
    deadlines = [e for e in events if e.kind not in ("il_gkk", "ilk_kurul", "yillik_rapor")]
    assert deadlines == [
        Event(
            "gundem_hazirlik",
            D(2025, 1, 3),
            "Gündem hazırlığına başlanır — toplantı 1 (20.01.2025) (M10(1)); yasal son gün 05.01.2025",
            "M10(1)",
            "tamamlandi",
            f"{key}/gundem_hazirlik/M10(1)",
            "1",
            False,
            None,
            D(2025, 1, 5),
        ),
        Event(
            "gundem_onerisi",
            D(2025, 1, 3),
            "Kurumlar gündem önerilerini İl Göç İdaresi Müdürlüğüne iletir — toplantı 1 (20.01.2025) (M10(2)); "
            "yasal son gün 05.01.2025",
            "M10(2)",
            "tamamlandi",
            f"{key}/gundem_onerisi/M10(2)",
            "1",
            False,
            None,
            D(2025, 1, 5),
        ),
        Event(
            "bildirim",
            D(2025, 1, 15),
            "Toplantı günü, yeri ve saati kurul üyelerine bildirilir — toplantı 1 (20.01.2025) (M11(3))",
            "M11(3)",
            "tamamlandi",
            f"{key}/bildirim/M11(3)",
            "1",
            False,
        ),
        Event(
            "platform_giris",
            D(2025, 1, 31),
            "Tutanak dijital platforma girilir — toplantı 1 (20.01.2025) (M12(3))",
            "M12(3)",
            "gecikti",
            f"{key}/platform_giris/M12(3)",
            "1",
            False,
        ),
        Event(
            "tutanak_teblig",
            D(2025, 2, 4),
            "Tutanak kurul üyesi kurumlara resmi yazı ile tebliğ edilir — toplantı 1 (20.01.2025) (M12(2))",
            "M12(2)",
            "gecikti",
            f"{key}/tutanak_teblig/M12(2)",
            "1",
            False,
        ),
        Event(
            "eylem_plani_guncelleme",
            D(2025, 2, 4),
            "Güncellenen Yerel Uyum Eylem Planı kurul başkanının onayına sunulur — toplantı 1 (20.01.2025) 15 gün "
            "süre verdi (M5(13))",
            "M5(13)",
            "gecti",
            f"{key}/eylem_plani_guncelleme",
            "1",
            False,
        ),
    ]
    # before its limit the update is still to come
    update = _events(_held_board_and_planned_subcommission(), D(2025, 2, 4), "eylem_plani_guncelleme")
    assert [(e.date, e.status) for e in update] == [(D(2025, 2, 4), "yaklasiyor")]


def test_deadlines_of_a_planned_subcommission():
    """The sub-commission's own deadlines (not the boards'): M11(4) −3 days = Saturday 31.05, shown on Friday
    30.05, and M12(6) by June's end (Monday 30.06), from the planned day while it is ahead — or today."""
    data = _held_board_and_planned_subcommission()
    key = f"{PREFIX}/olagan/alt_komisyon/06"
    expected = [
        Event(
            "bildirim",
            D(2025, 5, 30),
            "Toplantı günü, yeri ve saati Alt Komisyon üyelerine bildirilir — toplantı 2 (03.06.2025) (M11(4)); "
            "yasal son gün 31.05.2025",
            "M11(4)",
            "yaklasiyor",
            f"{key}/bildirim/M11(4)",
            "2",
            False,
            None,
            D(2025, 5, 31),
        ),
        Event(
            "platform_giris",
            D(2025, 6, 30),
            "Alt Komisyon çıktıları dijital platforma girilir — toplantı 2 (03.06.2025) (M12(6))",
            "M12(6)",
            "yaklasiyor",
            f"{key}/platform_giris/M12(6)",
            "2",
            False,
        ),
    ]
    meeting = Event(
        "alt_komisyon",
        D(2025, 6, 3),
        "Alt Komisyon olağan toplantısı, Haziran ayının ilk haftası (toplantı 2) (M6(9))",
        "M6(9)",
        "yaklasiyor",
        key,
        "2",
        False,
    )
    assert _events(data, D(2025, 5, 10), no="2") == [expected[0], meeting, expected[1]]
    # on the planned day itself the meeting is not past: M12(6) still runs from it
    on_the_day = _events(data, D(2025, 6, 3), no="2")
    assert [(e.kind, e.article, e.date) for e in on_the_day] == [
        ("bildirim", "M11(4)", D(2025, 5, 30)),
        ("alt_komisyon", "M6(9)", D(2025, 6, 3)),
        ("platform_giris", "M12(6)", D(2025, 6, 30)),
    ]
    # a day later, not held and still in its window: "was it held?" is asked instead of the M12(6) deadline
    after = _events(data, D(2025, 6, 4), no="2")
    assert [(e.kind, e.article) for e in after] == [("bildirim", "M11(4)"), ("alt_komisyon", "M6(9)")]


def test_deadlines_before_a_proposed_board():
    """KURALLAR §2: with no July board entered, the deadlines before it run from its proposal (Wednesday 16.07):
    M10(1), M10(2) on Tuesday 01.07, M11(3) on Friday 11.07, each a proposal of no meeting; none after it. Seen
    on 20.07, the proposal is past but its window open: they stay, late."""
    data = _held_board_and_planned_subcommission()
    key = f"{PREFIX}/olagan/il_gkk/07"
    whose = "önerilen İl GKK toplantısı (16.07.2025)"

    def expected(status: str) -> list[Event]:
        return [
            Event(
                "gundem_hazirlik",
                D(2025, 7, 1),
                f"Gündem hazırlığına başlanır — {whose} (M10(1))",
                "M10(1)",
                status,
                f"{key}/gundem_hazirlik/M10(1)",
                None,
                True,
            ),
            Event(
                "gundem_onerisi",
                D(2025, 7, 1),
                f"Kurumlar gündem önerilerini İl Göç İdaresi Müdürlüğüne iletir — {whose} (M10(2))",
                "M10(2)",
                status,
                f"{key}/gundem_onerisi/M10(2)",
                None,
                True,
            ),
            Event(
                "bildirim",
                D(2025, 7, 11),
                f"Toplantı günü, yeri ve saati kurul üyelerine bildirilir — {whose} (M11(3))",
                "M11(3)",
                status,
                f"{key}/bildirim/M11(3)",
                None,
                True,
            ),
        ]

    for today, status in ((D(2025, 5, 10), "yaklasiyor"), (D(2025, 7, 20), "gecikti")):
        events = [e for e in _events(data, today) if e.key.startswith(f"{key}/")]
        assert events == expected(status)


FIRST_BOARD = [(d.kind, d.article, d.label) for d in rules.first_board_duties(rules.BoardKind.PROVINCE)]


def _duty_order(e: Event) -> int:
    return [article for _, article, _ in FIRST_BOARD].index(e.article)


def test_first_board_duties_on_the_held_first_board():
    """KURALLAR §7 (M5(12), M13(2), M5(8), M5(13)): the duties of the year's first board stand on the day of the
    board held on 20.01.2025, as done, as that meeting's and not a proposal."""
    events = _events(_held_board_and_planned_subcommission(), D(2025, 5, 10), no="1")
    duties = [e for e in events if e.key.startswith(f"{PREFIX}/ilk_kurul/")]
    assert sorted(duties, key=_duty_order) == [
        Event(
            kind,
            D(2025, 1, 20),
            f"Yılın ilk kurulu (toplantı 1): {label} ({article})",
            article,
            "tamamlandi",
            f"{PREFIX}/ilk_kurul/{article}",
            "1",
            False,
        )
        for kind, article, label in FIRST_BOARD
    ]


def test_first_board_duties_on_the_january_proposal_when_no_board_can_still_be_held():
    """No board entered and both windows of 2025 past (seen on 20.12.2025): no first board as seen that day
    (KURALLAR §7), so its duties stand on the first proposal of the İl GKK (Wednesday 15.01.2025), the board's and
    not the sub-commission's (Monday 02.06), late, a proposal of no meeting."""
    duties = [e for e in _events(_book(), D(2025, 12, 20)) if e.key.startswith(f"{PREFIX}/ilk_kurul/")]
    assert sorted(duties, key=_duty_order) == [
        Event(
            kind,
            D(2025, 1, 15),
            f"Yılın ilk kurulu (önerilen ilk kurul): {label} ({article})",
            article,
            "gecikti",
            f"{PREFIX}/ilk_kurul/{article}",
            None,
            True,
        )
        for kind, article, label in FIRST_BOARD
    ]


def _window_meetings(s: Schedule) -> list[tuple[str, int, str | None, D]]:
    """(category code, month, meeting number, date) of each window's event."""
    return [
        (schedule.CATEGORY_CODE[w.category], w.month, e.meeting_no, e.date)
        for w in s.windows
        for e in s.events
        if e.key == f"{PREFIX}/olagan/{schedule.CATEGORY_CODE[w.category]}/{w.month:02d}"
    ]


def test_a_held_board_takes_its_window_before_a_board_only_planned_in_it():
    """KURALLAR §2, only a held meeting satisfies a window: of two January boards, toplantı 1 planned for 10.01 and
    never held (listed first) and toplantı 2 held on 20.01, the window is toplantı 2's."""
    data = _book(
        toplanti_no=["1", "2"],
        kategori=BOARD,
        tur="Olağan",
        planlanan_tarih=[D(2025, 1, 10), D(2025, 1, 20)],
        gerceklesen_tarih=[None, D(2025, 1, 20)],
    )
    s = schedule.build_schedule(data, D(2025, 5, 10))
    assert [w.meeting[schedule.NO] if w.meeting else None for w in s.windows[:2]] == ["2", None]
    board = [e for e in s.events if e.key == f"{PREFIX}/olagan/il_gkk/01"]
    assert [(e.meeting_no, e.date, e.status) for e in board] == [("2", D(2025, 1, 20), "tamamlandi")]


def test_a_board_with_no_date_takes_the_first_window_still_open():
    """`_assign_meetings`: a board with neither date goes to the first window of its kind still open, on its
    proposal; a board listed after it keeps its own window. On 05.01.2025: toplantı 3 (no date) January's, on
    Wednesday 15.01; toplantı 4 (planned 10.07) July's."""
    data = _book(
        toplanti_no=["3", "4"],
        kategori=BOARD,
        tur="Olağan",
        planlanan_tarih=[None, D(2025, 7, 10)],
        gerceklesen_tarih=None,
    )
    s = schedule.build_schedule(data, D(2025, 1, 5))
    assert s.meeting_dates == {"3": D(2025, 1, 15), "4": D(2025, 7, 10)}
    assert _window_meetings(s)[:2] == [("il_gkk", 1, "3", D(2025, 1, 15)), ("il_gkk", 7, "4", D(2025, 7, 10))]


def test_a_board_with_no_date_and_the_last_day_of_a_window():
    """A window is still open on its last day (January's: Friday 31.01.2025): a board with no date takes it then,
    on its proposal 15.01; from 01.02 on, July's, on Wednesday 16.07."""
    data = _book(toplanti_no="3", kategori=BOARD, tur="Olağan")
    on_the_last_day = schedule.build_schedule(data, D(2025, 1, 31))
    assert on_the_last_day.meeting_dates == {"3": D(2025, 1, 15)}
    assert _window_meetings(on_the_last_day)[:2] == [
        ("il_gkk", 1, "3", D(2025, 1, 15)),
        ("il_gkk", 7, None, D(2025, 7, 16)),
    ]
    a_day_later = schedule.build_schedule(data, D(2025, 2, 1))
    assert a_day_later.meeting_dates == {"3": D(2025, 7, 16)}
    assert _window_meetings(a_day_later)[:2] == [
        ("il_gkk", 1, None, D(2025, 1, 15)),
        ("il_gkk", 7, "3", D(2025, 7, 16)),
    ]


def test_annual_report_due_crossing_an_estimated_bayram():
    """M13(2), KURALLAR §2-§3: a first board of 2033 on Monday 03.01.2033, a day of the Ramazan Bayramı the
    holidays package only estimates (02–04.01.2033, after Yılbaşı on Saturday 01.01): the 2032 report is due on
    the working day before, Friday 31.12.2032, a date that rests on the estimate; one on the board's day itself is
    not (Wednesday 05.01.2033)."""
    data = _book(2033)
    cal = WorkCalendar()
    assert schedule.annual_report_due(cal, data, 2032, REPORT, D(2033, 1, 3)) == Due(
        D(2032, 12, 31), D(2033, 1, 3), True
    )
    assert schedule.annual_report_due(cal, data, 2032, REPORT, D(2033, 1, 5)) == Due(
        D(2033, 1, 5), D(2033, 1, 5), False
    )


def test_the_previous_report_is_due_by_the_january_proposal_when_no_board_can_still_be_held():
    """KURALLAR §7, M13(2): no board entered, the year's windows past (20.12.2025): the 2024 report is due by the
    January proposal of the board (Wednesday 15.01.2025), earlier than January's end, and says so; past. Its
    platform entry (M13(3)) and 2025's two are due by January's end (31.01.2025 a Friday; 31.01.2026 a Saturday,
    shown on Friday 30.01.2026), which no column records: past, or to come."""
    events = [e for e in _events(_book(), D(2025, 12, 20)) if e.key.startswith(f"{PREFIX}/yillik/")]
    report, platform = (
        "Yıllık Değerlendirme Raporu (Ek-3) hazırlanır",
        "Yıllık değerlendirme raporu dijital platforma girilir",
    )
    assert events == [
        Event(
            "yillik_rapor",
            D(2025, 1, 15),
            f"2024 yılı: {report} (M13(1), M13(2)) — onaylayacak olan yılın ilk kurulundan önce",
            "M13(1), M13(2)",
            "gecti",
            f"{PREFIX}/yillik/2024/yillik_rapor",
        ),
        Event(
            "yillik_rapor_platform",
            D(2025, 1, 31),
            f"2024 yılı: {platform} (M13(3))",
            "M13(3)",
            "gecti",
            f"{PREFIX}/yillik/2024/yillik_rapor_platform",
        ),
        Event(
            "yillik_rapor",
            D(2026, 1, 30),
            f"2025 yılı: {report} (M13(1), M13(2)); yasal son gün 31.01.2026",
            "M13(1), M13(2)",
            "yaklasiyor",
            f"{PREFIX}/yillik/2025/yillik_rapor",
            limit=D(2026, 1, 31),
        ),
        Event(
            "yillik_rapor_platform",
            D(2026, 1, 30),
            f"2025 yılı: {platform} (M13(3)); yasal son gün 31.01.2026",
            "M13(3)",
            "yaklasiyor",
            f"{PREFIX}/yillik/2025/yillik_rapor_platform",
            limit=D(2026, 1, 31),
        ),
    ]


DEADLINE_KINDS = {"gundem_hazirlik", "gundem_onerisi", "bildirim", "tutanak_teblig", "platform_giris"}
YEARLY_KINDS = {"ilk_kurul", "yillik_rapor", "yillik_rapor_platform"}


def _whole_book():
    """Toplantı 1: the January board, held 20.01 (its minutes sent); 5: an extra board planned for Monday 10.03,
    not held; 6: an ordinary board held on Wednesday 12.03, outside every window. Decisions 1 and 2 of toplantı 1
    open, 3 implemented, 1 carried from 2024 open; project P1 from 31.01 to 31.12.2025, a report every 3 months;
    districts Nizip (2,000 foreigners), İslahiye (1,999) and Oğuzeli (500, a border district)."""
    return book(
        rows={
            "Toplantılar": rows(
                "Toplantılar",
                toplanti_no=["1", "5", "6"],
                kategori=BOARD,
                tur=["Olağan", "Ek", "Olağan"],
                planlanan_tarih=[D(2025, 1, 20), D(2025, 3, 10), D(2025, 3, 12)],
                gerceklesen_tarih=[D(2025, 1, 20), None, D(2025, 3, 12)],
            ),
            "Kararlar": rows(
                "Kararlar",
                karar_no=["1", "2", "3", "1"],
                toplanti_no=["1", "1", "1", "4"],
                alinan_karar=["Okul kayıtları izlenir", None, "Kapandı", "Eski karar"],
                verilen_sure=[D(2025, 4, 30), D(2025, 6, 30), D(2025, 4, 30), D(2025, 2, 28)],
                durum=["Bekliyor", "Devam Ediyor", "Uygulandı", "Bekliyor"],
                devreden_yil=[None, None, None, 2024],
            ),
            "Projeler": rows(
                "Projeler",
                proje_no="P1",
                proje_adi="Dil kursu",
                baskanlik_gorusu="Olumlu",
                baslangic=D(2025, 1, 31),
                bitis=D(2025, 12, 31),
                ara_rapor_sikligi_ay=3,
            ),
            "İlçeler": rows(
                "İlçeler",
                ilce=["Nizip", "Islahiye", "Oğuzeli"],
                yabanci_nufusu=[2000, 1999, 500],
                hudut_ilcesi=["Hayır", "Hayır", "Evet"],
            ),
        },
        **{"Yıl": 2025, "Yabancı Nüfusu": 5000},
    )


def test_the_year_s_meetings_decisions_projects_and_district_boards():
    """Seen on 10.05.2025, in date order: the January board in its window (M7(2)); the carried decision's
    time (Ek-1, numbered with its year, no meeting of this book); the extra board, past and not held (M7(3), M8(4));
    the board outside every window, cited by its kind's window article; the district boards the province follows
    (M8(1): 2,000 and over, or a border district — not İslahiye), Şubat/Mart past with no merged data, Ağustos/Eylül
    to come, each with its M8(3) late limit; decision 1's time and P1's interim report (31.01 + 3 months = 30.04,
    GK(ç)), late; the proposals still open (June's sub-commission on Monday 02.06, July's board on Wednesday 16.07,
    December's sub-commission on Monday 01.12); decision 2's time, with no words; P1's final report 30 days after
    its end (30.01.2026, a Friday). A closed decision has none."""
    events = [
        e
        for e in schedule.build_schedule(_whole_book(), D(2025, 5, 10)).events
        if e.kind not in DEADLINE_KINDS | YEARLY_KINDS
    ]
    board = "İl Göç Koordinasyon Kurulu"
    district = "İlçe GKK olağan toplantısı ({}, {}; en geç {} (M8(3))) — {} (M8(1), M8(3))"
    spring = ("Şubat/Mart", "01.02.2025–31.03.2025", "30.04.2025")
    autumn = ("Ağustos/Eylül", "01.08.2025–30.09.2025", "31.10.2025")
    population, border = "yabancı nüfusu 2.000 ve üzeri", "düzensiz göçe konu hudut ilçesi"
    assert events == [
        Event(
            "il_gkk",
            D(2025, 1, 20),
            f"{board} olağan toplantısı, Ocak ayı (toplantı 1) (M7(2))",
            "M7(2)",
            "tamamlandi",
            f"{PREFIX}/olagan/il_gkk/01",
            "1",
        ),
        Event(
            "karar_suresi",
            D(2025, 2, 28),
            "Karar 1 (2024) için verilen süre doluyor: Eski karar (Ek-1)",
            "Ek-1",
            "gecikti",
            f"{PREFIX}/karar/devreden-2024/1",
        ),
        Event(
            "il_gkk",
            D(2025, 3, 10),
            f"{board} ek toplantısı (toplantı 5) (M7(3), M8(4)) — tarihi geçti, gerçekleşen tarih yazılmamış",
            "M7(3), M8(4)",
            "gecikti",
            f"{PREFIX}/toplanti/5",
            "5",
        ),
        Event(
            "il_gkk",
            D(2025, 3, 12),
            f"{board} olağan toplantısı (toplantı 6) — olağan dönemin dışında",
            "M7(2)",
            "tamamlandi",
            f"{PREFIX}/toplanti/6",
            "6",
        ),
        Event(
            "ilce_gkk",
            D(2025, 3, 31),
            "Nizip " + district.format(*spring, population),
            "M8(1), M8(3)",
            "gecti",
            f"{PREFIX}/ilce/Nizip/02",
            district="Nizip",
        ),
        Event(
            "ilce_gkk",
            D(2025, 3, 31),
            "Oğuzeli " + district.format(*spring, border),
            "M8(1), M8(3)",
            "gecti",
            f"{PREFIX}/ilce/Oğuzeli/02",
            district="Oğuzeli",
        ),
        Event(
            "karar_suresi",
            D(2025, 4, 30),
            "Karar 1 için verilen süre doluyor: Okul kayıtları izlenir (Ek-1)",
            "Ek-1",
            "gecikti",
            f"{PREFIX}/karar/1",
            "1",
        ),
        Event(
            "proje_ara_rapor",
            D(2025, 4, 30),
            "Proje P1 (Dil kursu) ara raporu Başkanlığa gönderilir (GK(ç))",
            "GK(ç)",
            "gecikti",
            f"{PREFIX}/proje/P1/proje_ara_rapor",
        ),
        Event(
            "alt_komisyon",
            D(2025, 6, 2),
            "Önerilen tarih: Alt Komisyon olağan toplantısı, Haziran ayının ilk haftası "
            "(01.06.2025–07.06.2025) (M6(9))",
            "M6(9)",
            "yaklasiyor",
            f"{PREFIX}/olagan/alt_komisyon/06",
            proposal=True,
        ),
        Event(
            "karar_suresi",
            D(2025, 6, 30),
            "Karar 2 için verilen süre doluyor (Ek-1)",
            "Ek-1",
            "yaklasiyor",
            f"{PREFIX}/karar/2",
            "1",
        ),
        Event(
            "il_gkk",
            D(2025, 7, 16),
            f"Önerilen tarih: {board} olağan toplantısı, Temmuz ayı (01.07.2025–31.07.2025) (M7(2))",
            "M7(2)",
            "yaklasiyor",
            f"{PREFIX}/olagan/il_gkk/07",
            proposal=True,
        ),
        Event(
            "ilce_gkk",
            D(2025, 9, 30),
            "Nizip " + district.format(*autumn, population),
            "M8(1), M8(3)",
            "yaklasiyor",
            f"{PREFIX}/ilce/Nizip/08",
            district="Nizip",
        ),
        Event(
            "ilce_gkk",
            D(2025, 9, 30),
            "Oğuzeli " + district.format(*autumn, border),
            "M8(1), M8(3)",
            "yaklasiyor",
            f"{PREFIX}/ilce/Oğuzeli/08",
            district="Oğuzeli",
        ),
        Event(
            "alt_komisyon",
            D(2025, 12, 1),
            "Önerilen tarih: Alt Komisyon olağan toplantısı, Aralık ayının ilk haftası (01.12.2025–07.12.2025) (M6(9))",
            "M6(9)",
            "yaklasiyor",
            f"{PREFIX}/olagan/alt_komisyon/12",
            proposal=True,
        ),
        Event(
            "proje_nihai_rapor",
            D(2026, 1, 30),
            "Proje P1 (Dil kursu) nihai raporu ve uygulama sonuçları Başkanlığa gönderilir (GK(ç))",
            "GK(ç)",
            "yaklasiyor",
            f"{PREFIX}/proje/P1/proje_nihai_rapor",
        ),
    ]


def test_a_proposal_past_its_window_is_late_and_has_no_deadlines():
    """Seen on 01.08.2025, July's window (to 31.07) has passed with no board: its proposal is late, and no deadline
    before it is listed any more; on 31.07 it is still to come."""
    for today, status, deadlines in ((D(2025, 7, 31), "yaklasiyor", 3), (D(2025, 8, 1), "gecikti", 0)):
        events = [e for e in schedule.build_schedule(_whole_book(), today).events if "/olagan/il_gkk/07" in e.key]
        assert [(e.kind, e.date, e.status) for e in events if e.kind == "il_gkk"] == [
            ("il_gkk", D(2025, 7, 16), status)
        ]
        assert len(events) == 1 + deadlines


def test_a_proposal_moved_across_an_estimated_bayram_says_so():
    """KURALLAR §2's example: in 2034 the Kurban Bayramı (estimated, 01–04.03, its arife the 28.02 afternoon) takes
    the first days of March, so the quarterly sub-commission (10,000 foreigners, M6(9)) is proposed for Monday
    06.03.2034, marked as resting on the estimate; so is its M11(4) notice, −3 days = Friday 03.03 (a bayram day),
    shown on Tuesday 28.02 (a half day is a working day)."""
    data = book(rows={}, **{"Yıl": 2034, "Yabancı Nüfusu": 10000})
    events = [e for e in schedule.build_schedule(data, D(2034, 1, 10)).events if "/olagan/alt_komisyon/03" in e.key]
    key, moved = "Gaziantep//2034/olagan/alt_komisyon/03", "tahmini bayram tarihine göre kaydırıldı"
    assert events == [
        Event(
            "bildirim",
            D(2034, 2, 28),
            "Toplantı günü, yeri ve saati Alt Komisyon üyelerine bildirilir — önerilen Alt Komisyon toplantısı "
            f"(06.03.2034) (M11(4)); yasal son gün 03.03.2034 — {moved}",
            "M11(4)",
            "yaklasiyor",
            f"{key}/bildirim/M11(4)",
            None,
            True,
            None,
            D(2034, 3, 3),
            True,
        ),
        Event(
            "alt_komisyon",
            D(2034, 3, 6),
            "Önerilen tarih: Alt Komisyon olağan toplantısı, Mart ayının ilk haftası (01.03.2034–07.03.2034) "
            f"(M6(9)) — {moved}",
            "M6(9)",
            "yaklasiyor",
            key,
            None,
            True,
            None,
            None,
            True,
        ),
    ]


def test_no_schedule_without_a_board_kind_or_a_year():
    """Without a board kind or a year there are no windows and no deadlines (`Schedule.built` False); with both,
    there are."""
    for settings in ({contract.S_KIND: None}, {contract.S_YEAR: None}):
        s = schedule.build_schedule(book(rows={}, **{"Yabancı Nüfusu": 5000, "Yıl": 2025, **settings}), D(2025, 5, 10))
        assert (s.built, s.windows, s.events) == (False, [], [])
    s = schedule.build_schedule(_book(), D(2025, 5, 10))
    assert s.built is True
    assert [(w.category, w.month) for w in s.windows] == [
        (Category.PROVINCE_BOARD, 1),
        (Category.PROVINCE_BOARD, 7),
        (Category.SUBCOMMISSION, 6),
        (Category.SUBCOMMISSION, 12),
    ]


def _district(population: int, **meetings):
    r = {"Toplantılar": rows("Toplantılar", **meetings)} if meetings else {}
    settings = {contract.S_KIND: "İlçe", contract.S_DISTRICT: "Nizip", "Yıl": 2025, "Yabancı Nüfusu": population}
    return book(rows=r, **settings)


def test_a_district_book_s_windows_and_keys():
    """A district of 2,000 foreigners holds its own boards (M8(1)) in Şubat/Mart and Ağustos/Eylül, proposed on
    the first working day from the 15th (15.02.2025 a Saturday: Monday 17.02; Friday 15.08), late limit the end of
    the month after (M8(3)); its keys name the province and the district."""
    events = [e for e in _events(_district(2000), D(2025, 1, 10)) if e.kind == "ilce_gkk"]
    board = "Önerilen tarih: İlçe Göç Koordinasyon Kurulu olağan toplantısı"
    assert events == [
        Event(
            "ilce_gkk",
            D(2025, 2, 17),
            f"{board}, Şubat/Mart (01.02.2025–31.03.2025; en geç 30.04.2025 (M8(3))) (M8(1))",
            "M8(1)",
            "yaklasiyor",
            "Gaziantep/Nizip/2025/olagan/ilce_gkk/02",
            None,
            True,
        ),
        Event(
            "ilce_gkk",
            D(2025, 8, 15),
            f"{board}, Ağustos/Eylül (01.08.2025–30.09.2025; en geç 31.10.2025 (M8(3))) (M8(1))",
            "M8(1)",
            "yaklasiyor",
            "Gaziantep/Nizip/2025/olagan/ilce_gkk/08",
            None,
            True,
        ),
    ]


def test_a_board_of_a_district_with_no_windows_is_outside_them_under_no_article():
    """M8(2): a district of 500 foreigners, not a border district, has no windows; an ordinary board it held on
    10.03.2025 is outside every window, and no window article is cited."""
    data = _district(
        500, toplanti_no="1", kategori=Category.DISTRICT_BOARD.value, tur="Olağan", gerceklesen_tarih=D(2025, 3, 10)
    )
    board = [e for e in _events(data, D(2025, 5, 10)) if e.kind == "ilce_gkk"]
    assert board == [
        Event(
            "ilce_gkk",
            D(2025, 3, 10),
            "İlçe Göç Koordinasyon Kurulu olağan toplantısı (toplantı 1) — olağan dönemin dışında",
            "",
            "tamamlandi",
            "Gaziantep/Nizip/2025/toplanti/1",
            "1",
        )
    ]


def test_keys_of_a_book_with_no_province_written():
    events = _events(book(rows={}, **{contract.S_PROVINCE: None, "Yıl": 2025, "Yabancı Nüfusu": 5000}), D(2025, 5, 10))
    assert [e.key for e in events if e.kind == "il_gkk"] == ["//2025/olagan/il_gkk/01", "//2025/olagan/il_gkk/07"]


def test_meetings_of_no_known_category_or_no_date_have_no_events_and_stop_nothing():
    """Toplantı 9 (a Kategori that is none of the three) and toplantı 8 (an extra board with no date), listed
    first, have no events; toplantı 1, the January board held on 20.01, still has all of its own."""
    data = _book(
        toplanti_no=["9", "8", "1"],
        kategori=["Başka", BOARD, BOARD],
        tur=["Ek", "Ek", "Olağan"],
        planlanan_tarih=[D(2025, 3, 10), None, D(2025, 1, 20)],
        gerceklesen_tarih=[D(2025, 3, 10), None, D(2025, 1, 20)],
    )
    events = _events(data, D(2025, 5, 10))
    assert {e.meeting_no for e in events} == {None, "1"}
    assert [(e.kind, e.article) for e in events if e.meeting_no == "1" and e.kind in DEADLINE_KINDS] == [
        ("gundem_hazirlik", "M10(1)"),
        ("gundem_onerisi", "M10(2)"),
        ("bildirim", "M11(3)"),
        ("platform_giris", "M12(3)"),
        ("tutanak_teblig", "M12(2)"),
    ]


def test_a_held_extra_board_is_done():
    """An extra board (M7(3), M8(4)) held on 10.03.2025 is done, and not asked for its held date."""
    data = _book(
        toplanti_no="5", kategori=BOARD, tur="Ek", planlanan_tarih=D(2025, 3, 10), gerceklesen_tarih=D(2025, 3, 10)
    )
    assert [e for e in _events(data, D(2025, 5, 10)) if e.kind == "il_gkk" and e.meeting_no == "5"] == [
        Event(
            "il_gkk",
            D(2025, 3, 10),
            "İl Göç Koordinasyon Kurulu ek toplantısı (toplantı 5) (M7(3), M8(4))",
            "M7(3), M8(4)",
            "tamamlandi",
            f"{PREFIX}/toplanti/5",
            "5",
        )
    ]


def test_decision_and_project_words_kept_whole():
    """A decision's words ending in a Roman numeral are kept whole (only the ': ' of no words is cut, Ek-1); a
    project with no name has empty brackets; a final report whose date is written is done (GK(ç))."""
    data = book(
        rows={
            "Kararlar": rows(
                "Kararlar",
                karar_no="1",
                toplanti_no="1",
                alinan_karar="Genelge madde IX",
                verilen_sure=D(2025, 6, 30),
                durum="Bekliyor",
            ),
            "Projeler": rows(
                "Projeler",
                proje_no="P2",
                baskanlik_gorusu="Olumlu",
                baslangic=D(2025, 1, 31),
                bitis=D(2025, 3, 31),
                nihai_rapor_tarihi=D(2025, 4, 15),
            ),
        },
        **{"Yıl": 2025, "Yabancı Nüfusu": 5000},
    )
    events = _events(data, D(2025, 5, 10))
    assert [e.description for e in events if e.kind == "karar_suresi"] == [
        "Karar 1 için verilen süre doluyor: Genelge madde IX (Ek-1)"
    ]
    assert [(e.date, e.description, e.status) for e in events if e.kind.startswith("proje_")] == [
        (D(2025, 4, 30), "Proje P2 () nihai raporu ve uygulama sonuçları Başkanlığa gönderilir (GK(ç))", "tamamlandi")
    ]


def test_district_boards_the_province_follows_on_the_last_day_of_their_late_limit():
    """M8(1), M8(3): without merged data, Nizip's Şubat/Mart board may still be held on 30.04.2025, its late
    limit; from 01.05 it is past (not followed: "gecti")."""
    for today, status in ((D(2025, 4, 30), "yaklasiyor"), (D(2025, 5, 1), "gecti")):
        nizip = [e for e in _events(_whole_book(), today) if e.key == f"{PREFIX}/ilce/Nizip/02"]
        assert [e.status for e in nizip] == [status]


def test_merged_district_boards_done_late_or_to_come_by_their_late_limit():
    """Mardin 2033 with Kızıltepe merged (its Şubat/Mart board held on 21.02, no Ağustos/Eylül board yet) and
    Nusaybin not: M8(3)'s late limit of Şubat/Mart is Saturday 30.04.2033 (shown as Friday 29.04). On 30.04 only
    Kızıltepe's held board is done; on 01.05 Nusaybin's is late; Ağustos/Eylül is still to come."""
    spring = (
        "İlçe GKK olağan toplantısı (Şubat/Mart, 01.02.2033–31.03.2033; en geç 29.04.2033 (M8(3); yasal son gün "
        "30.04.2033)) — yabancı nüfusu 2.000 ve üzeri; düzensiz göçe konu hudut ilçesi (M8(1), M8(3))"
    )
    for today, late in ((D(2033, 4, 30), "yaklasiyor"), (D(2033, 5, 1), "gecikti")):
        events = [e for e in schedule.build_schedule(merged(False), today).events if e.kind == "ilce_gkk"]
        assert [(e.key.split("/ilce/")[1], e.status) for e in events] == [
            ("Kızıltepe/02", "tamamlandi"),
            ("Nusaybin/02", late),
            ("Kızıltepe/08", "yaklasiyor"),
            ("Nusaybin/08", "yaklasiyor"),
        ]
        assert [e.description for e in events[:2]] == [
            f"Kızıltepe {spring} — yapıldı: 21.02.2033 (toplantı 1)",
            f"Nusaybin {spring}",
        ]


# --- decisions, projects, district boards, build_schedule's keys (issue 26: what only file-writing tests killed)


# The year's events of a province book in the process (build_schedule): decisions' due dates (Ek-1), projects'
# reports (GK(ç)) and the district boards the province follows (M8(1), M8(3)). The example is Gaziantep, 2025,
# with no district setting: every key starts 'Gaziantep//2025/'.
PREFIX = "Gaziantep//2025"


def _kind_events(book_rows: dict, today: D, *kinds: str, state: dict | None = None) -> list[Event]:
    data = (
        book(rows=book_rows)
        if state is None
        else workbook_from_rows(example_settings(), book_rows, state=state, path=book().path)
    )
    return [e for e in _events(data, today) if e.kind in kinds]


def test_decision_due_dates_words_keys_and_meetings():
    """Ek-1: an open decision (Bekliyor, Devam Ediyor) is due on its Verilen Süre — overdue the day after, due on
    the day itself; a closed one or one without a date has no event. Its words end with the decision's text
    (a Roman numeral's 'X' included), or with 'doluyor' when it has none. A decision carried from 2024 (KURALLAR
    §7) shows '7 (2024)', keys 'devreden-2024/7' and names no meeting: its Toplantı No is of 2024's workbook."""
    r = clean()
    r["Kararlar"] = rows(
        "Kararlar",
        karar_no=[5, 6, 7, 8, 9],
        toplanti_no=[3, 3, 2, 3, 3],
        alinan_karar=["Eylem planının Bölüm IX", None, "Devreden", "Kapalı", "Süresiz"],
        verilen_sure=[D(2025, 6, 9), D(2025, 6, 10), D(2025, 6, 11), D(2025, 6, 9), None],
        durum=["Bekliyor", "Devam Ediyor", "Bekliyor", "Uygulandı", "Bekliyor"],
        devreden_yil=[None, None, 2024, None, None],
    )
    assert _kind_events(r, D(2025, 6, 10), "karar_suresi") == [
        Event(
            "karar_suresi",
            D(2025, 6, 9),
            "Karar 5 için verilen süre doluyor: Eylem planının Bölüm IX (Ek-1)",
            "Ek-1",
            "gecikti",
            f"{PREFIX}/karar/5",
            "3",
        ),
        Event(
            "karar_suresi",
            D(2025, 6, 10),
            "Karar 6 için verilen süre doluyor (Ek-1)",
            "Ek-1",
            "yaklasiyor",
            f"{PREFIX}/karar/6",
            "3",
        ),
        Event(
            "karar_suresi",
            D(2025, 6, 11),
            "Karar 7 (2024) için verilen süre doluyor: Devreden (Ek-1)",
            "Ek-1",
            "yaklasiyor",
            f"{PREFIX}/karar/devreden-2024/7",
            None,
        ),
    ]


def test_project_report_events_words_and_status():
    """GK(ç): the interim reports ('ara raporu') and the final report with the implementation results ('nihai
    raporu ve uygulama sonuçları') go to the Presidency. Project 1 (31.01–31.12.2025, every 3 months): interim due
    30.04.2025, final 30.01.2026; project 2 (no name, ended 30.04.2025, final report sent 20.05.2025): its final
    report of 30.05.2025 is done."""
    r = clean()
    r["Projeler"] = rows(
        "Projeler",
        proje_no=[1, 2],
        proje_adi=["Uyum", None],
        baskanlik_gorusu="Olumlu",
        baslangic=[D(2025, 1, 31), D(2025, 2, 3)],
        bitis=[D(2025, 12, 31), D(2025, 4, 30)],
        ara_rapor_sikligi_ay=[3, None],
        nihai_rapor_tarihi=[None, D(2025, 5, 20)],
    )
    article = rules.PROJECT_REPORTS_ARTICLE
    assert article == "GK(ç)"
    assert _kind_events(r, D(2025, 6, 10), "proje_ara_rapor", "proje_nihai_rapor") == [
        Event(
            "proje_ara_rapor",
            D(2025, 4, 30),
            "Proje 1 (Uyum) ara raporu Başkanlığa gönderilir (GK(ç))",
            article,
            "gecikti",
            f"{PREFIX}/proje/1/proje_ara_rapor",
        ),
        Event(
            "proje_nihai_rapor",
            D(2025, 5, 30),
            "Proje 2 () nihai raporu ve uygulama sonuçları Başkanlığa gönderilir (GK(ç))",
            article,
            "tamamlandi",
            f"{PREFIX}/proje/2/proje_nihai_rapor",
        ),
        Event(
            "proje_nihai_rapor",
            D(2026, 1, 30),
            "Proje 1 (Uyum) nihai raporu ve uygulama sonuçları Başkanlığa gönderilir (GK(ç))",
            article,
            "yaklasiyor",
            f"{PREFIX}/proje/1/proje_nihai_rapor",
        ),
    ]


DISTRICTS = [
    ["Nizip", 2_000, "Hayır"],
    ["Karkamış", 850, "Evet"],
    ["Yavuzeli", 400, "Hayır"],
    ["Araban", 2_500, "Evet"],
]


WINDOWS = {
    2: ("Şubat/Mart, 01.02.2025–31.03.2025; en geç 30.04.2025 (M8(3))", D(2025, 3, 31)),
    8: ("Ağustos/Eylül, 01.08.2025–30.09.2025; en geç 31.10.2025 (M8(3))", D(2025, 9, 30)),
}


WHY = {
    "Nizip": "yabancı nüfusu 2.000 ve üzeri",
    "Karkamış": "düzensiz göçe konu hudut ilçesi",
    "Araban": "yabancı nüfusu 2.000 ve üzeri; düzensiz göçe konu hudut ilçesi",
}


def _district_event(district: str, month: int, status: str, held: str = "") -> Event:
    words, end = WINDOWS[month]
    return Event(
        "ilce_gkk",
        end,
        f"{district} İlçe GKK olağan toplantısı ({words}) — {WHY[district]} (M8(1), M8(3)){held}",
        "M8(1), M8(3)",
        status,
        f"{PREFIX}/ilce/{district}/{month:02d}",
        None,
        False,
        district,
    )


def test_district_boards_without_merged_data_pass_after_their_late_limit():
    """M8(1): a district of 2.000 foreigners and over, or a border district whatever its population, holds a board
    in Şubat/Mart and in Ağustos/Eylül; M8(3): by the end of the next month at the latest (30.04, 31.10). Yavuzeli
    (400, not on the border) need not. Without merged district data the province cannot tell whether they met:
    on 30.04 the first window is still ahead ('yaklasiyor'), on 01.05 it has passed ('gecti', not 'gecikti')."""
    r = clean()
    r["İlçeler"] = [list(d) for d in DISTRICTS]
    up, past = "yaklasiyor", "gecti"
    assert _kind_events(r, D(2025, 4, 30), "ilce_gkk") == [
        _district_event("Araban", 2, up),
        _district_event("Karkamış", 2, up),
        _district_event("Nizip", 2, up),
        _district_event("Araban", 8, up),
        _district_event("Karkamış", 8, up),
        _district_event("Nizip", 8, up),
    ]
    assert [e.status for e in _kind_events(r, D(2025, 5, 1), "ilce_gkk")] == [past, past, past, up, up, up]


def test_district_boards_with_merged_data_done_or_overdue():
    """With merged district data (the merge's İlçe Toplantıları), a window met by an ordinary board is done and
    says when and which meeting (Nizip, 05.03.2025, toplantı 1); one not met is due up to its M8(3) limit (31.10)
    and overdue from the next day — also for a required district not merged (Araban)."""
    held = {"Toplantı No": "1", "Kategori": Category.DISTRICT_BOARD.value, "Tür": "Olağan"}
    held |= {"Planlanan Tarih": D(2025, 3, 5), "Gerçekleşen Tarih": D(2025, 3, 5)}
    state = {
        MEETINGS_SHEET: [
            [DISTRICT, *MEETING_COLS, RECEIVED, SOURCE],
            ["Nizip", *(held.get(c) for c in MEETING_COLS), D(2025, 3, 20), "nizip.xlsx"],
        ]
    }
    r = clean()
    r["İlçeler"] = [list(d) for d in DISTRICTS]
    done = " — yapıldı: 05.03.2025 (toplantı 1)"
    assert _kind_events(r, D(2025, 10, 31), "ilce_gkk", state=state) == [
        _district_event("Araban", 2, "gecikti"),
        _district_event("Karkamış", 2, "gecikti"),
        _district_event("Nizip", 2, "tamamlandi", done),
        _district_event("Araban", 8, "yaklasiyor"),
        _district_event("Karkamış", 8, "yaklasiyor"),
        _district_event("Nizip", 8, "yaklasiyor"),
    ]
    assert [e.status for e in _kind_events(r, D(2025, 11, 1), "ilce_gkk", state=state)] == [
        "gecikti",
        "gecikti",
        "tamamlandi",
        "gecikti",
        "gecikti",
        "gecikti",
    ]


def test_an_ordinary_board_outside_every_window_is_shown_as_such():
    """KURALLAR §2, M7(1): a province of 10.000 foreigners and over holds its ordinary boards in January, April,
    July and October. An ordinary board held on 14.05.2025 fills no window: the year still shows it, held, as
    outside the ordinary period, under the first window's article and its own meeting key."""
    r = clean()
    r["Toplantılar"].append(
        rows(
            "Toplantılar",
            toplanti_no=10,
            kategori=Category.PROVINCE_BOARD.value,
            tur="Olağan",
            planlanan_tarih=D(2025, 5, 14),
            gerceklesen_tarih=D(2025, 5, 14),
        )[0]
    )
    assert [e for e in _kind_events(r, D(2025, 6, 10), "il_gkk") if e.meeting_no == "10"] == [
        Event(
            "il_gkk",
            D(2025, 5, 14),
            "İl Göç Koordinasyon Kurulu olağan toplantısı (toplantı 10) — olağan dönemin dışında",
            "M7(1)",
            "tamamlandi",
            f"{PREFIX}/toplanti/10",
            "10",
            False,
        )
    ]


def test_event_keys_name_the_province_the_district_and_the_year():
    """An event's key (its calendar UID) starts 'İl/İlçe/Yıl': a district's workbook names its district
    ('Gaziantep/Nizip/2025/…'); a part not set stays empty ('//2025/…' without a province)."""
    r = clean()
    r["Kararlar"] = rows(
        "Kararlar", karar_no=1, toplanti_no=1, alinan_karar="K", verilen_sure=D(2025, 6, 30), durum="Bekliyor"
    )
    district = {
        "Kurul Türü": "İlçe",
        "İl": "Gaziantep",
        "İlçe": "Nizip",
        "Yıl": 2025,
        "Yabancı Nüfusu": 2_001,
        "Hudut İlçesi": "Hayır",
    }
    keys = [
        [e.key for e in schedule.build_schedule(data, D(2025, 6, 10)).events if e.kind == "karar_suresi"]
        for data in (
            workbook_from_rows(district, {"Kararlar": r["Kararlar"]}, path=book().path),
            book(rows=r, **{"İl": None}),
        )
    ]
    assert keys == [["Gaziantep/Nizip/2025/karar/1"], ["//2025/karar/1"]]


def _without_october_board() -> dict:
    r = clean()
    r["Toplantılar"] = [m for m in r["Toplantılar"] if m[0] != 8]
    return r


def test_a_free_window_is_proposed_until_its_last_day_and_every_key_is_the_windows_or_the_meetings():
    """M7(1), KURALLAR §2: with October's board removed the October window is free: proposed for the first working
    day from the 15th (Wednesday 15.10.2025), 'yaklasiyor' up to the window's last day 31.10 and 'gecikti' on
    01.11. Every event's key is this book's ('Gaziantep//2025/…') and unique; an ordinary meeting and what follows
    from it keep its window's key ('olagan/il_gkk/04' for meeting 3), an extra one its own ('toplanti/4'), and the
    proposal's deadlines the free window's ('olagan/il_gkk/10')."""
    proposal = Event(
        "il_gkk",
        D(2025, 10, 15),
        "Önerilen tarih: İl Göç Koordinasyon Kurulu olağan toplantısı, Ekim ayı (01.10.2025–31.10.2025) (M7(1))",
        "M7(1)",
        "yaklasiyor",
        f"{PREFIX}/olagan/il_gkk/10",
        None,
        True,
    )
    events = schedule.build_schedule(book(rows=_without_october_board()), D(2025, 10, 31)).events
    assert [e for e in events if e.proposal and e.kind == "il_gkk"] == [proposal]
    keys = [e.key for e in events]
    assert len(set(keys)) == len(keys) and all(k.startswith(f"{PREFIX}/") for k in keys)
    assert sorted(
        {"/".join(e.key.split("/")[3:6]) for e in events if e.meeting_no == "3" and e.kind != "karar_suresi"}
    ) == ["olagan/il_gkk/04"]
    assert sorted(
        {"/".join(e.key.split("/")[3:5]) for e in events if e.meeting_no == "4" and e.kind != "karar_suresi"}
    ) == ["toplanti/4"]
    deadlines = [e.key for e in events if e.proposal and e.kind != "il_gkk" and e.date.month in (9, 10)]
    assert deadlines and all(k.startswith(f"{PREFIX}/olagan/il_gkk/10/") for k in deadlines)
    later = schedule.build_schedule(book(rows=_without_october_board()), D(2025, 11, 1)).events
    assert [e.status for e in later if e.proposal and e.kind == "il_gkk"] == ["gecikti"]


def test_an_extra_board_is_shown_after_a_row_the_schedule_cannot_place():
    """M7(3), M8(4): an extra board has no window; it is shown as held, under its own number and key. A meeting
    row of no known category, first on the sheet, is skipped and the rows after it are still read."""
    r = clean()
    r["Toplantılar"].insert(0, rows("Toplantılar", toplanti_no=20, tur="Olağan", planlanan_tarih=D(2025, 5, 2))[0])
    assert [e for e in _kind_events(r, D(2025, 6, 10), "il_gkk") if e.meeting_no == "4"] == [
        Event(
            "il_gkk",
            D(2025, 5, 20),
            f"İl Göç Koordinasyon Kurulu ek toplantısı (toplantı 4) ({rules.EXTRA_MEETING_ARTICLE})",
            rules.EXTRA_MEETING_ARTICLE,
            "tamamlandi",
            f"{PREFIX}/toplanti/4",
            "4",
            False,
        )
    ]


def test_a_district_that_need_not_meet_has_no_window_and_its_ordinary_board_no_article():
    """M8(2): a district of 400 foreigners, not on the border, need not hold boards (at the kaymakam's discretion):
    it has no window, so an ordinary board it holds is outside every ordinary period, under no window's article."""
    district = {
        "Kurul Türü": "İlçe",
        "İl": "Gaziantep",
        "İlçe": "Yavuzeli",
        "Yıl": 2025,
        "Yabancı Nüfusu": 400,
        "Hudut İlçesi": "Hayır",
    }
    meeting = rows(
        "Toplantılar",
        toplanti_no=1,
        kategori=Category.DISTRICT_BOARD.value,
        tur="Olağan",
        planlanan_tarih=D(2025, 3, 10),
        gerceklesen_tarih=D(2025, 3, 10),
    )
    data = workbook_from_rows(district, {"Toplantılar": meeting}, path=book().path)
    events = [e for e in schedule.build_schedule(data, D(2025, 6, 10)).events if e.kind == "ilce_gkk"]
    assert events == [
        Event(
            "ilce_gkk",
            D(2025, 3, 10),
            "İlçe Göç Koordinasyon Kurulu olağan toplantısı (toplantı 1) — olağan dönemin dışında",
            "",
            "tamamlandi",
            "Gaziantep/Yavuzeli/2025/toplanti/1",
            "1",
            False,
        )
    ]
