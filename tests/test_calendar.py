"""KURALLAR §2–§3: working days, windows, every deadline with its article, and the calendar checks."""

from __future__ import annotations

import datetime as dt

import pytest

from gockurul_excel import commands, rules
from gockurul_excel.core.model import WorkbookData
from gockurul_excel.core.schedule import windows_for
from gockurul_excel.core.workdays import WorkCalendar, add_months, deadline
from gockurul_excel.operations import check_workbook, compute_calendar
from gockurul_excel.rules import BoardKind, MeetingCategory

from .conftest import TODAY, clean_example_rows

D = dt.date
CAL = WorkCalendar()


def rule(article: str) -> rules.Deadline:
    return next(r for r in rules.MEETING_DEADLINES if r.articles == article)


# --- working days (holidays package, user leave, half days) ---------------------------------------


def test_public_holidays_come_from_the_holidays_package():
    assert not CAL.is_working_day(D(2025, 10, 29))  # Cumhuriyet Bayramı
    assert "Cumhuriyet" in CAL.why_not_working(D(2025, 10, 29))
    assert CAL.why_not_working(D(2025, 10, 25)) == "hafta sonu"
    assert CAL.is_working_day(D(2025, 10, 28)) and CAL.half_day(D(2025, 10, 28))  # arife: half day


def test_turkey_calendar_loaded_alone_equals_the_packages_entry_point(monkeypatch):
    """workdays loads only the package's Turkey module (not all 280 countries); the days are the same, and
    should the package change its layout, its own country_holidays is used."""
    import holidays

    from gockurul_excel.core import workdays as workdays_mod

    workdays_mod._turkey.cache_clear()
    turkey = workdays_mod._turkey()
    assert turkey.__name__ == "Turkey"
    for year in (2024, 2026, 2030, 2034):
        for cats in (("public",), ("half_day",)):
            assert dict(turkey(years=year, language="tr", categories=cats)) == dict(
                holidays.country_holidays("TR", years=year, language="tr", categories=cats)
            )
    workdays_mod._turkey.cache_clear()
    monkeypatch.setattr(workdays_mod.importlib.util, "spec_from_file_location", lambda *a, **k: None)
    try:
        fallback = workdays_mod._turkey()
        assert dict(fallback(years=2026, language="tr", categories=("public",))) == dict(
            turkey(years=2026, language="tr", categories=("public",))
        )
    finally:
        workdays_mod._turkey.cache_clear()


def test_estimated_islamic_holidays_are_marked():
    off = CAL.day_off(D(2034, 3, 1))
    assert off is not None and off.estimated and "Kurban" in off.name


def test_m6_9_example_2034_kurban_bayrami_moves_subcommission_to_6_march():
    """KURALLAR §2: 2034 Kurban Bayramı (estimated) 1–3 March → March sub-commission on Mon 6 March."""
    (march,) = [w for w in windows_for(rules.SUBCOMMISSION_QUARTERLY, 2034, WorkCalendar()) if w.month == 3]
    assert march.proposal == D(2034, 3, 6)


def test_m6_9_example_2027_idari_izin_moves_subcommission_to_3_march():
    """KURALLAR §2: idari izin 1–2 March 2027 → the March sub-commission on Wed 3 March 2027."""
    plain = next(w for w in windows_for(rules.SUBCOMMISSION_QUARTERLY, 2027, WorkCalendar()) if w.month == 3)
    assert plain.proposal == D(2027, 3, 1)
    leave = WorkCalendar([(D(2027, 3, 1), "İdari izin", "İdari İzin"), (D(2027, 3, 2), "İdari izin", "İdari İzin")])
    moved = next(w for w in windows_for(rules.SUBCOMMISSION_QUARTERLY, 2027, leave) if w.month == 3)
    assert moved.proposal == D(2027, 3, 3)


def test_m6_9_window_is_first_week_extended_by_the_holiday_move():
    """Days 1–7; when holidays and a weekend eat the first week, up to the first working day after."""
    june = next(w for w in windows_for(rules.SUBCOMMISSION_BIANNUAL, 2025, CAL) if w.month == 6)
    assert (june.start, june.end, june.proposal) == (D(2025, 6, 1), D(2025, 6, 7), D(2025, 6, 2))
    week_off = WorkCalendar([(D(2025, 12, d), "İdari izin", "İdari İzin") for d in range(1, 9)])
    dec = next(w for w in windows_for(rules.SUBCOMMISSION_BIANNUAL, 2025, week_off) if w.month == 12)
    assert dec.proposal == D(2025, 12, 9) and dec.end == D(2025, 12, 9)


@pytest.mark.parametrize(
    "population, window, months",
    [(9_999, rules.PROVINCE_BOARD_BIANNUAL, (1, 7)), (10_000, rules.PROVINCE_BOARD_QUARTERLY, (1, 4, 7, 10))],
)
def test_m7_province_board_whole_month_and_proposal_on_15th(population, window, months):
    """M7(1)/M7(2): the whole month; proposal = first working day on or after the 15th (KURALLAR §2)."""
    assert rules.ordinary_windows(BoardKind.PROVINCE, population)[0] == window
    ws = windows_for(window, 2025, CAL)
    assert tuple(w.month for w in ws) == months
    july = next(w for w in ws if w.month == 7)
    assert (july.start, july.end) == (D(2025, 7, 1), D(2025, 7, 31))
    assert july.proposal == D(2025, 7, 16)  # 15 July 2025 is Demokrasi ve Millî Birlik Günü


def test_m8_district_windows_and_m8_3_limit():
    """M8(1) Feb/Mar and Aug/Sep; M8(3) by the last (working) day of the following month."""
    feb, aug = windows_for(rules.DISTRICT_BOARD_WINDOW, 2025, CAL)
    assert (feb.start, feb.end, feb.limit) == (D(2025, 2, 1), D(2025, 3, 31), D(2025, 4, 30))
    assert (aug.start, aug.end, aug.limit) == (D(2025, 8, 1), D(2025, 9, 30), D(2025, 10, 31))
    assert feb.proposal == D(2025, 2, 17)  # 15 Feb 2025 is a Saturday
    # 2027: 31 October is a Sunday and Friday 29th Cumhuriyet Bayramı → shown as Thursday 28th (a half day); the
    # text's limit, by which a late meeting is judged, stays the calendar last day (KURALLAR §3).
    aug_2027 = windows_for(rules.DISTRICT_BOARD_WINDOW, 2027, CAL)[1]
    assert (aug_2027.shown_limit, aug_2027.limit) == (D(2027, 10, 28), D(2027, 10, 31))


# --- §3 deadlines, each with its article and direction --------------------------------------------


@pytest.mark.parametrize(
    "article, meeting, expected",
    [
        ("M10(1)", D(2025, 4, 15), D(2025, 3, 31)),  # 31 March 2025 (Ramazan Bayramı) → earlier: Fri 28 March
        ("M10(2)", D(2025, 1, 15), D(2024, 12, 31)),
        ("M11(3)", D(2025, 1, 16), D(2025, 1, 10)),  # Sat 11 Jan → earlier: Fri 10 Jan
        ("M11(3)", D(2025, 5, 6), D(2025, 4, 30)),  # 1 May holiday → earlier: 30 April
        ("M11(4)", D(2025, 3, 3), D(2025, 2, 28)),
        ("M12(2)", D(2025, 1, 17), D(2025, 2, 3)),  # Sat 1 Feb → later: Mon 3 Feb
        ("M12(2)", D(2025, 10, 14), D(2025, 10, 30)),  # 29 Oct holiday → later: 30 Oct
        ("M12(4), M12(5)", D(2025, 2, 20), D(2025, 3, 7)),
        ("M12(3)", D(2025, 11, 10), D(2025, 11, 28)),  # 30 Nov 2025 is a Sunday → Friday 28th
        ("M12(5)", D(2025, 8, 5), D(2025, 8, 29)),  # 30 Aug holiday, 31 Aug Sunday
        ("M12(6)", D(2025, 3, 3), D(2025, 3, 28)),  # 31 March 2025 is Ramazan Bayramı
    ],
)
def test_meeting_deadlines(article, meeting, expected):
    r = rule(article)
    got = deadline(CAL, meeting, r)
    if article == "M10(1)":
        expected = D(2025, 3, 28)
    assert got == expected
    assert CAL.is_working_day(got)


def test_before_deadline_never_moves_later_and_after_never_earlier():
    for day in (D(2025, 1, 1) + dt.timedelta(days=i) for i in range(365)):
        assert deadline(CAL, day, rule("M11(3)")) <= day - dt.timedelta(days=5)
        assert deadline(CAL, day, rule("M12(2)")) >= day + dt.timedelta(days=15)


def test_add_months_clamps():
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2025, 11, 15), 3) == D(2026, 2, 15)


# --- the year's schedule on a workbook -------------------------------------------------------------


def events(book, today=TODAY):
    """The schedule of a workbook in memory (commands.calendar) or of a file (operations.compute_calendar)."""
    if isinstance(book, WorkbookData):
        return commands.calendar(book, today).payload.schedule.events
    return compute_calendar(book, write=False, today=today).schedule.events


def test_schedule_of_example(make_book):
    ev = events(make_book())
    kinds = {e.kind for e in ev}
    assert {
        "il_gkk",
        "alt_komisyon",
        "gundem_hazirlik",
        "gundem_onerisi",
        "bildirim",
        "tutanak_teblig",
        "platform_giris",
        "yillik_rapor",
        "yillik_rapor_platform",
        "karar_suresi",
        "ilce_gkk",
    } <= kinds
    assert [e.date for e in ev] == sorted(e.date for e in ev)
    # annual report: last working day of January of the following year (M13(1), M13(3))
    annual = [e for e in ev if e.kind == "yillik_rapor_platform"]
    assert [e.date for e in annual] == [D(2025, 1, 31), D(2026, 1, 30)]
    # first board duties at meeting 1 (M5(12), M5(8), M5(13), M13(2))
    first = {e.article for e in ev if e.meeting_no == "1" and e.kind in ("ilk_kurul", "yillik_rapor")}
    assert first == {"M5(12)", "M5(8), M6(1), M6(5)", "M5(13)", "M13(2), M5(12)"}


def test_proposals_for_missing_meetings(memory_book):
    rows = clean_example_rows()
    rows["Toplantılar"] = [m for m in rows["Toplantılar"] if m[0] not in (6, 8)]
    ev = events(memory_book(rows=rows), today=D(2025, 6, 20))
    proposals = [e for e in ev if e.proposal and e.kind == "il_gkk"]
    assert [(e.date, e.meeting_no) for e in proposals] == [(D(2025, 7, 16), None), (D(2025, 10, 15), None)]
    assert all(e.status == "yaklasiyor" for e in proposals)
    # before the proposal: agenda preparation and notification are proposed too
    assert any(e.kind == "bildirim" and e.date == D(2025, 7, 11) for e in ev)


@pytest.mark.parametrize(
    "population, border, required",
    [(1_999, "Hayır", False), (2_000, "Hayır", True), (2_001, "Hayır", True), (850, "Evet", True)],
)
def test_m8_1_districts_that_must_hold_boards(memory_book, population, border, required):
    rows = clean_example_rows()
    rows["İlçeler"] = [["Testilçe", population, border]]
    ev = [e for e in events(memory_book(rows=rows)) if e.kind == "ilce_gkk"]
    assert bool(ev) is required
    if required:
        assert [e.date for e in ev] == [D(2025, 3, 31), D(2025, 9, 30)]


def test_decision_due_dates_and_status(memory_book):
    rows = clean_example_rows()
    rows["Kararlar"][4][6] = D(2025, 12, 31)  # decision 5, Devam Ediyor
    ev = [e for e in events(memory_book(rows=rows), today=D(2026, 1, 5)) if e.kind == "karar_suresi"]
    five = next(e for e in ev if "Karar 5 " in e.description)
    assert five.status == "gecikti" and five.article == "Ek-1"
    assert all("Karar 1 " not in e.description for e in ev)  # implemented: not in the calendar


def test_project_reports(memory_book):
    """GK(ç): the next interim report every N months, the final report after the end."""
    rows = clean_example_rows()
    ev = [e for e in events(memory_book(rows=rows), today=D(2025, 6, 1)) if e.kind.startswith("proje")]
    p2 = [e for e in ev if "Proje 2 " in e.description]
    # start 03.03.2025, every 3 months from the last report (02.12.2025) → 02.03.2026 is after the end
    assert [e.kind for e in p2] == ["proje_nihai_rapor"]
    rows["Projeler"][1][10] = D(2025, 6, 2)
    ev = [e for e in events(memory_book(rows=rows), today=D(2025, 10, 1)) if "Proje 2 " in e.description]
    interim = next(e for e in ev if e.kind == "proje_ara_rapor")
    assert interim.date == D(2025, 9, 2) and interim.status == "gecikti"


# --- calendar checks in kontrol -----------------------------------------------------------------


def found(book, today=TODAY):
    """Findings of a workbook in memory (commands.check) or of a file (operations.check_workbook)."""
    result = (
        commands.check(book, today).payload
        if isinstance(book, WorkbookData)
        else check_workbook(book, write=False, today=today).findings
    )
    return [(f.level, f.rule, f.sheet, f.cell, f.message) for f in result]


def test_missing_ordinary_meeting_once_its_window_passed(memory_book):
    rows = clean_example_rows()
    rows["Toplantılar"] = [m for m in rows["Toplantılar"] if m[0] != 3]  # the April board
    for table in ("Gündem", "Katılımcılar", "Kararlar", "Sorunlar"):
        rows[table] = [r for r in rows[table] if r[1 if table in ("Kararlar", "Sorunlar") else 0] != 3]
    for d in rows["Kararlar"]:
        if d[10] == 3:
            d[10] = 6
    path = memory_book(rows=rows)
    assert [f for f in found(path, D(2025, 4, 30)) if f[1] == "M7(1)"] == []
    missing = [f for f in found(path, D(2025, 5, 2)) if f[1] == "M7(1)"]
    assert len(missing) == 1 and missing[0][0] == "hata" and "Nisan" in missing[0][4]


@pytest.mark.parametrize("day, outside", [(D(2025, 3, 7), False), (D(2025, 3, 10), True)])
def test_subcommission_outside_first_week(memory_book, day, outside):
    """M6(9): a sub-commission meeting after the first week is outside its window."""
    rows = clean_example_rows()
    m = rows["Toplantılar"][1]
    m[3] = m[4] = day
    m[7], m[8] = D(2025, 3, 14), D(2025, 3, 28)
    hits = [f for f in found(memory_book(rows=rows)) if f[1] == "M6(9)" and "dışında" in f[4]]
    assert bool(hits) is outside
    if outside:
        assert hits[0][3] == "E3"


def district_book(make_book, meetings, population=2_001, border="Hayır"):
    settings = {
        "Kurul Türü": "İlçe",
        "İl": "Gaziantep",
        "İlçe": "Nizip",
        "Yıl": 2025,
        "Yabancı Nüfusu": population,
        "Hudut İlçesi": border,
        rules.SETTING_DISTRICT_MIGRATION_OFFICE: "Hayır",
        rules.SETTING_DISTRICT_RED_CRESCENT: "Hayır",
        rules.SETTING_DISTRICT_UNIVERSITY: "Hayır",
    }
    members = [
        ["Nizip Kaymakamlığı", "Daimi", rules.ROLE_CHAIR, "Kaymakam", "A B", None, None, "Evet"],
        ["İl Göç İdaresi Müdürlüğü", "Daimi", rules.ROLE_MEMBER, "Müdür", "C D", None, None, "Evet"],
    ]
    members += [
        [r.kurum, "Daimi", rules.ROLE_MEMBER, "Müdür", "E F", None, None, "Evet"]
        for r in rules.DISTRICT_MEMBERS
        if r.optional_setting is None
    ]
    rows = {
        "Üyeler": members,
        "Toplantılar": meetings,
        "Katılımcılar": [[m[0], 1, "Nizip Kaymakamlığı", "Kaymakam", "A B", None, "Hayır"] for m in meetings],
    }
    return make_book(settings=settings, rows=rows, name="nizip.xlsx")


def _district_meeting(no, day):
    notice = deadline(CAL, day, rule("M12(4), M12(5)"))
    return [
        no,
        MeetingCategory.DISTRICT_BOARD.value,
        "Olağan",
        day,
        day,
        dt.time(10),
        "Kaymakamlık",
        notice,
        CAL.last_working_day_of_month(day.year, day.month),
    ]


@pytest.mark.parametrize("day, error", [(D(2025, 3, 27), False), (D(2025, 4, 30), False), (D(2025, 5, 2), True)])
def test_m8_3_district_board_beyond_limit(memory_book, day, error):
    path = district_book(memory_book, [_district_meeting(1, day), _district_meeting(2, D(2025, 9, 10))])
    hits = [f for f in found(path) if "dışında" in f[4]]
    assert bool(hits) is error
    assert [f for f in found(path) if f[0] == "hata" and "dışında" not in f[4] and "yapılmamış" not in f[4]] == []
    if error:
        assert hits[0][1] == "M8(1), M8(3)"
        # the February/March board is then missing, its limit (30.04) having passed
        assert any("yapılmamış" in f[4] and f[1] == "M8(1)" for f in found(path))


def test_district_under_2000_has_no_required_boards(memory_book):
    path = district_book(memory_book, [], population=1_999)
    assert [f for f in found(path) if "yapılmamış" in f[4]] == []
    path = district_book(memory_book, [], population=1_999, border="Evet")
    assert len([f for f in found(path) if "yapılmamış" in f[4]]) == 2


def test_agenda_proposal_after_15_days_is_a_warning(memory_book):
    rows = clean_example_rows()
    rows["Gündem"][0][4] = D(2025, 1, 2)  # meeting 1 on 15.01 → deadline 31.12.2024
    hits = [f for f in found(memory_book(rows=rows)) if f[1] == "M10(2)"]
    assert [(f[0], f[2], f[3]) for f in hits] == [("uyari", "Gündem", "E2")]
    rows["Gündem"][0][4] = D(2024, 12, 31)
    assert [f for f in found(memory_book(rows=rows)) if f[1] == "M10(2)"] == []


@pytest.mark.parametrize("notice, late", [(D(2025, 1, 30), False), (D(2025, 1, 31), True), (None, True)])
def test_minutes_notified_within_15_days(memory_book, notice, late):
    """M12(2): 15 Jan + 15 = 30 Jan."""
    rows = clean_example_rows()
    rows["Toplantılar"][0][7] = notice
    hits = [f for f in found(memory_book(rows=rows)) if f[1] == "M12(2)"]
    assert bool(hits) is late and all(f[3] == "H2" for f in hits)


@pytest.mark.parametrize("entry, late", [(D(2025, 11, 28), False), (D(2025, 11, 30), False), (D(2025, 12, 1), True)])
def test_platform_entry_by_the_last_day_of_the_month(memory_book, entry, late):
    """M12(6): November 2025 ends on a Sunday. The calendar's target is Friday 28th; lateness is judged by the
    text, "ayın son gününe kadar": an entry on Sunday 30th is on time, 1 December late (KURALLAR §3)."""
    rows = clean_example_rows()
    m = rows["Toplantılar"][8]  # sub-commission of 01.12 → move it into November? keep December: use an extra
    rows["Toplantılar"].append(
        [
            10,
            MeetingCategory.SUBCOMMISSION.value,
            "Ek",
            D(2025, 11, 10),
            D(2025, 11, 10),
            dt.time(10),
            "Salon",
            D(2025, 11, 14),
            entry,
        ]
    )
    rows["Katılımcılar"].append([10, 1, "İl Göç İdaresi Müdürlüğü", "Müdür", "X Y", None, "Hayır"])
    assert m[0] == 9
    hits = [f for f in found(memory_book(rows=rows)) if f[1] == "M12(6)"]
    assert bool(hits) is late


def test_meeting_on_non_working_or_half_day_warns(memory_book):
    rows = clean_example_rows()
    rows["Toplantılar"].append(
        [10, MeetingCategory.PROVINCE_BOARD.value, "Ek", D(2025, 10, 28), None, dt.time(10), "Salon", None, None]
    )
    rows["Toplantılar"].append(
        [11, MeetingCategory.PROVINCE_BOARD.value, "Ek", D(2025, 11, 1), None, dt.time(10), "Salon", None, None]
    )
    hits = {f[3]: f for f in found(memory_book(rows=rows), D(2025, 10, 1)) if f[1] == "M11(3)"}
    assert hits["D11"][0] == "uyari" and "yarım gün" in hits["D11"][4]
    assert hits["D12"][0] == "uyari" and "hafta sonu" in hits["D12"][4]


def test_decision_past_due_not_implemented_warns(memory_book):
    rows = clean_example_rows()
    rows["Kararlar"][4][6] = D(2025, 12, 31)
    hits = [f for f in found(memory_book(rows=rows)) if "verilen süre" in f[4]]
    assert [(f[0], f[3]) for f in hits] == [("uyari", "H6")]


def test_missing_project_final_report_is_an_error(memory_book):
    rows = clean_example_rows()
    rows["Projeler"][1][11] = None
    hits = [f for f in found(memory_book(rows=rows)) if f[1] == "GK(ç)"]
    assert [(f[0], f[3]) for f in hits] == [("hata", "L3")]
