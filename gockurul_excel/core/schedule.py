"""The year's schedule: ordinary meetings and their windows, every §3 deadline, decisions' and
projects' due dates, annual-report deadlines. It builds events only; `kontrol`'s rules judge by it
(core.checks.meetings, .minutes, .decisions, .coordination).

Pure: takes a `WorkbookData` and "today", returns a `Schedule` of `Event`s (both in core.events, with the
statuses and how a due date reads). Everything it computes comes from rules.py (months, windows, lead times) and
core.workdays (how dates move).
"""

from __future__ import annotations

import datetime as dt

from .. import contract, rules
from ..rules import CATEGORY_CODE, CATEGORY_NAME, CATEGORY_SHORT, EXTRA_MEETING_ARTICLE
from .districts import district_follow_up, district_state_for, required_district_boards
from .events import (
    DONE,
    ESTIMATED_NOTE,
    OVERDUE,
    PAST,
    UPCOMING,
    Event,
    Schedule,
    due_event,
    late_limit,
    meeting_status,
    missed,
    status_by,
    untracked,
)
from .meetings import HELD, MINUTES_COLUMNS, NO, before_day, carried_year, first_board_of, meeting_day, number_text
from .model import WorkbookData
from .records import Record
from .text import tr_date
from .windows import build_calendar, required_windows, windows_for
from .workdays import Due, WorkCalendar, add_months, due, month_end

Category = rules.MeetingCategory


def _category(record: Record) -> Category | None:
    return rules.category_of(record["Kategori"])


def _meeting_event(
    s: Schedule,
    category: Category,
    day: dt.date,
    no: str | None,
    held: dt.date | None,
    article: str,
    text: str,
    key: str,
    proposal: bool = False,
) -> Event:
    if held is None and no is not None and day < s.today:
        text += " — tarihi geçti, gerçekleşen tarih yazılmamış"
    return Event(CATEGORY_CODE[category], day, text, article, meeting_status(held, day, s.today), key, no, proposal)


def _deadline_events(
    s: Schedule, category: Category, day: dt.date, meeting: Record | None, key: str, only_before: bool = False
) -> None:
    no = meeting[NO] if meeting else None
    held = meeting[HELD] if meeting else None
    for rule in rules.MEETING_DEADLINES:
        if category not in rule.categories:
            continue
        before = rule.direction is rules.Direction.BEFORE
        if only_before and not before:
            continue
        base = before_day(meeting, day) if before else held
        if base is None:  # M12 runs from the held date; a meeting ahead shows it from its planned date
            if day < s.today and not missed(s, meeting):
                continue  # past, not held, still in its window: "was it held?" is asked instead
            base = day
        if rule.kind in MINUTES_COLUMNS:
            done = bool(meeting and meeting[MINUTES_COLUMNS[rule.kind]])
        else:
            done = bool(held)
        whose = f"toplantı {no}" if no else f"önerilen {CATEGORY_SHORT[category]} toplantısı"
        text = f"{rule.label} — {whose} ({tr_date(base)}) ({rule.articles})"
        s.events.append(
            due_event(
                s,
                rule.kind,
                due(s.calendar, base, rule),
                text,
                rule.articles,
                done,
                f"{key}/{rule.kind}/{rule.articles}",
                no,
                no is None,
            )
        )
    if meeting is not None and held and meeting[contract.ACTION_PLAN_UPDATE_COLUMN] == "Evet":
        rule = rules.ACTION_PLAN_UPDATE
        d = due(s.calendar, held, rule)
        text = f"{rule.label} — toplantı {no} ({tr_date(held)}) {rule.days} gün süre verdi ({rule.articles})"
        s.events.append(
            due_event(
                s,
                rule.kind,
                d,
                text,
                rule.articles,
                False,
                f"{key}/{rule.kind}",
                no,
                status=untracked(d.limit, s.today),
            )
        )


def _assign_meetings(s: Schedule, meetings: list[Record]) -> list[Record]:
    """Put each ordinary meeting into its window — held meetings by their held date first, then meetings only
    planned, by their planned date (KURALLAR §2: only the held ones satisfy a window); return the ordinary
    meetings outside every window."""
    outside = []
    undated = []
    ordinary = [m for m in meetings if _category(m) is not None and m["Tür"] == "Olağan"]
    for held in (True, False):
        for m in ordinary:
            if (m[HELD] is not None) is not held:
                continue
            cat = _category(m)
            day = meeting_day(m)
            if day is None:
                undated.append(m)
                continue
            candidates = [w for w in s.windows if w.category is cat and w.contains(day)]
            free = [w for w in candidates if w.meeting is None]
            if free:
                free[0].meeting = m
            elif not candidates and s.year is not None and day.year == s.year:
                outside.append(m)
    for m in undated:  # "else the proposal": the first window of its kind still open
        cat = _category(m)
        free = [w for w in s.windows if w.category is cat and w.meeting is None and w.limit >= s.today]
        if free:
            free[0].meeting = m
            s.meeting_dates[m[NO]] = free[0].proposal
    return outside


def build_schedule(data: WorkbookData, today: dt.date) -> Schedule:
    year = data.setting(contract.S_YEAR)
    kind = data.board_kind
    cal = build_calendar(data)
    s = Schedule(year if isinstance(year, int) else None, kind, today, cal)
    meetings = [m for m in data.records("Toplantılar") if m[NO] is not None]
    for m in meetings:
        day = meeting_day(m)
        if day:
            s.meeting_dates[m[NO]] = day
    if s.year is None or kind is None:
        return s
    s.windows = required_windows(data, kind, s.year, cal)
    s.built = True
    s.outside = outside = _assign_meetings(s, meetings)
    outside_ids = {id(m) for m in outside}
    prefix = f"{data.setting(contract.S_PROVINCE) or ''}/{data.setting(contract.S_DISTRICT) or ''}/{s.year}"

    keys: dict[str, str] = {}  # an ordinary meeting keeps its window's identity (stable calendar UIDs)
    for w in s.windows:
        key = f"{prefix}/olagan/{CATEGORY_CODE[w.category]}/{w.month:02d}"
        if w.meeting is not None:
            m = w.meeting
            keys[m[NO]] = key
            day = s.meeting_dates[m[NO]]
            text = (
                f"{CATEGORY_NAME[w.category]} olağan toplantısı, {w.label} (toplantı {m['Toplantı No']}) ({w.article})"
            )
            s.events.append(_meeting_event(s, w.category, day, m[NO], m[HELD], w.article, text, key))
        else:
            text = (
                f"Önerilen tarih: {CATEGORY_NAME[w.category]} olağan toplantısı, {w.label} "
                f"({tr_date(w.start)}–{tr_date(w.end)}{late_limit(w)}) ({w.article})"
            )
            if w.estimated:
                text += f" — {ESTIMATED_NOTE}"
            status = OVERDUE if w.limit < today else UPCOMING
            s.events.append(
                Event(
                    CATEGORY_CODE[w.category],
                    w.proposal,
                    text,
                    w.article,
                    status,
                    key,
                    None,
                    True,
                    None,
                    None,
                    w.estimated,
                )
            )
            if status == UPCOMING:
                _deadline_events(s, w.category, w.proposal, None, key, only_before=True)

    for m in meetings:
        cat = _category(m)
        no = m[NO]
        day = s.meeting_dates.get(no)
        if cat is None or day is None:
            continue
        key = keys.get(no, f"{prefix}/toplanti/{no}")
        if m["Tür"] != "Olağan":
            text = f"{CATEGORY_NAME[cat]} ek toplantısı (toplantı {no}) ({EXTRA_MEETING_ARTICLE})"
            s.events.append(_meeting_event(s, cat, day, no, m[HELD], EXTRA_MEETING_ARTICLE, text, key))
        elif id(m) in outside_ids:
            text = f"{CATEGORY_NAME[cat]} olağan toplantısı (toplantı {no}) — olağan dönemin dışında"
            article = next((w.article for w in s.windows if w.category is cat), "")
            s.events.append(_meeting_event(s, cat, day, no, m[HELD], article, text, key))
        _deadline_events(s, cat, day, m, key)

    _first_board_events(s, data, prefix)
    _annual_report_events(s, data, prefix)
    _decision_events(s, data, prefix)
    _project_events(s, data, prefix)
    _district_obligations(s, data, prefix)
    s.events.sort(key=Event.sort_key)
    return s


def _first_board_events(s: Schedule, data: WorkbookData, prefix: str) -> None:
    """The duties of the year's first board (M5(12) for İl and İlçe; the province's M13(2), M5(8), M5(13)) on the
    day of that board, else of its proposal."""
    duties = rules.first_board_duties(s.kind)
    category = rules.BOARD_CATEGORIES.get(s.kind)
    if not duties or category is None:
        return
    first = first_board_of(data, s.year, s.today)  # KURALLAR §7: an entered board, else the open proposal
    if first is not None and first.meeting is not None:
        m = first.meeting
        day, no, held = s.meeting_dates.get(m.no, m.date), m.no, m.record[HELD]
    elif first is not None:
        day, no, held = first.day, None, None
    else:
        proposals = [w for w in s.windows if w.category is category]
        if not proposals:
            return
        day, no, held = proposals[0].proposal, None, None
    for duty in duties:
        where = f"toplantı {no}" if no else "önerilen ilk kurul"
        s.events.append(
            Event(
                duty.kind,
                day,
                f"Yılın ilk kurulu ({where}): {duty.label} ({duty.article})",
                duty.article,
                meeting_status(held, day, s.today),
                f"{prefix}/ilk_kurul/{duty.article}",
                no,
                no is None,
            )
        )


def annual_report_due(
    cal: WorkCalendar,
    data: WorkbookData,
    report_year: int,
    rule: rules.YearlyDeadline,
    proposal: dt.date | None = None,
    today: dt.date | None = None,
) -> Due:
    """M13: a task of January after `report_year`; the report's preparation is due by the next year's first board
    when that comes first (it approves the report, M13(2)) — known when this workbook is of that year: the first
    board as seen on `today` (KURALLAR §7: held or planned and not missed, its earlier date; or the open proposal),
    else (for the calendar) the `proposal` of the first board (KURALLAR §2)."""
    d = month_end(cal, report_year + 1, rule.month)
    year = data.setting(contract.S_YEAR)
    if rule.before_first_board and year == report_year + 1:
        board = first_board_of(data, year, today) if today is not None else None
        if board is not None:
            m = board.meeting
            day = before_day(m.record, m.date) if m is not None else board.day
        else:
            day = proposal
        if day is not None and day < d.limit:
            target = cal.previous_working_day(day)
            return Due(target, day, target != day and cal.estimated_between(target, day))
    return d


def _annual_report_events(s: Schedule, data: WorkbookData, prefix: str) -> None:
    if s.kind is not rules.BoardKind.PROVINCE:
        return  # the İl Göç İdaresi Müdürlüğü reports for the province and its districts (M13(1))
    category = rules.BOARD_CATEGORIES.get(s.kind)
    proposal = next((w.proposal for w in s.windows if w.category is category), None)
    for report_year in (s.year - 1, s.year):
        for rule in rules.ANNUAL_DEADLINES:
            d = annual_report_due(s.calendar, data, report_year, rule, proposal, s.today)
            text = f"{report_year} yılı: {rule.label} ({rule.article})"
            if d.limit < month_end(s.calendar, report_year + 1, rule.month).limit:
                text += " — onaylayacak olan yılın ilk kurulundan önce"
            s.events.append(
                due_event(
                    s,
                    rule.kind,
                    d,
                    text,
                    rule.article,
                    False,
                    f"{prefix}/yillik/{report_year}/{rule.kind}",
                    status=untracked(d.limit, s.today),
                )
            )


def _carried_key(r: Record) -> str:
    """A carried row's part of an event key ('devreden-2025/'): its number may repeat one of this year's."""
    year = carried_year(r)
    return f"devreden-{year}/" if year is not None else ""


def _decision_events(s: Schedule, data: WorkbookData, prefix: str) -> None:
    for r in data.records("Kararlar"):
        due_day = r["Verilen Süre"]
        if due_day is None or r["Durum"] not in rules.DECISION_OPEN:
            continue
        text = f"Karar {number_text(r, 'Karar No')} için verilen süre doluyor: {r['Alınan Karar'] or ''}".rstrip(": ")
        # a carried decision's meeting is in its own year's workbook, not this one
        no = r[NO] if carried_year(r) is None else None
        s.events.append(
            Event(
                "karar_suresi",
                due_day,
                text + " (Ek-1)",
                "Ek-1",
                status_by(False, due_day, s.today),
                f"{prefix}/karar/{_carried_key(r)}{r['Karar No']}",
                no,
            )
        )


MAX_REPORT_INTERVAL_MONTHS = 120


def project_reports(s: Schedule, r: Record) -> list[tuple[str, dt.date, bool]]:
    """(kind, due date, done) of a project's next interim report and its final report (GK(ç))."""
    start, end = r["Başlangıç"], r["Bitiş"]
    if start is None or r["Başkanlık Görüşü"] == rules.OPINION_UNFAVOURABLE:
        return []
    out = []
    every = r["Ara Rapor Sıklığı (Ay)"]
    if isinstance(every, int) and 0 < every <= MAX_REPORT_INTERVAL_MONTHS:
        due = add_months(r["Son Ara Rapor Tarihi"] or start, every)
        if end is None or due < end:
            out.append(("proje_ara_rapor", s.calendar.next_working_day(due), False))
    if end is not None:
        due = s.calendar.next_working_day(end + dt.timedelta(days=rules.PROJECT_FINAL_REPORT_DAYS))
        out.append(("proje_nihai_rapor", due, bool(r["Nihai Rapor Tarihi"])))
    return out


def _project_events(s: Schedule, data: WorkbookData, prefix: str) -> None:
    words = {"proje_ara_rapor": "ara raporu", "proje_nihai_rapor": "nihai raporu ve uygulama sonuçları"}
    for r in data.records("Projeler"):
        for kind, due_day, done in project_reports(s, r):
            text = (
                f"Proje {number_text(r, 'Proje No')} ({r['Proje Adı'] or ''}) {words[kind]} Başkanlığa "
                f"gönderilir ({rules.PROJECT_REPORTS_ARTICLE})"
            )
            s.events.append(
                Event(
                    kind,
                    due_day,
                    text,
                    rules.PROJECT_REPORTS_ARTICLE,
                    status_by(done, due_day, s.today),
                    f"{prefix}/proje/{_carried_key(r)}{r['Proje No']}/{kind}",
                )
            )


def _district_obligations(s: Schedule, data: WorkbookData, prefix: str) -> None:
    """District boards the province follows up. Without merged district data (`birlestir`) the province
    cannot see them: past ones are "gecti". With it, done / overdue (`s.follow_up`, which `kontrol` judges)."""
    if s.kind is not rules.BoardKind.PROVINCE:
        return
    state = district_state_for(data)
    merged = state is not None and bool(state.districts)
    s.follow_up = district_follow_up(data, state, s.today, s.calendar) if merged else []
    follow = {st.district: st for st in s.follow_up}
    for d in required_district_boards(data):
        _required, why, _sentence = rules.district_board_duty(d["Yabancı Nüfusu"], d["Hudut İlçesi"] == "Evet")
        for i, w in enumerate(windows_for(rules.DISTRICT_BOARD_WINDOW, s.year, s.calendar)):
            text = (
                f"{d['İlçe']} İlçe GKK olağan toplantısı ({w.label}, {tr_date(w.start)}–{tr_date(w.end)}"
                f"{late_limit(w)}) — {why} ({rules.DISTRICT_WINDOW_ARTICLES})"
            )
            status = PAST if w.limit < s.today else UPCOMING
            st = follow.get(d["İlçe"])
            if st is not None and i < len(st.windows):
                held = st.windows[i].held
                status = DONE if held else (OVERDUE if w.limit < s.today else UPCOMING)
                if held:
                    text += f" — yapıldı: {tr_date(held)} (toplantı {st.windows[i].meeting_no})"
            s.events.append(
                Event(
                    "ilce_gkk",
                    w.end,
                    text,
                    rules.DISTRICT_WINDOW_ARTICLES,
                    status,
                    f"{prefix}/ilce/{d['İlçe']}/{w.month:02d}",
                    None,
                    False,
                    d["İlçe"],
                )
            )
