"""The year's schedule: ordinary meetings and their windows, every §3 deadline, decisions' and
projects' due dates, annual-report deadlines — and the calendar checks of `kontrol`.

Pure: takes a `WorkbookData` and "today", returns `Event`s and `Finding`s. Everything it computes
comes from rules.py (months, windows, lead times) and core.workdays (how dates move).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import contract, rules
from ..findings import ERROR, WARNING, Finding
from ..rules import CATEGORY_CODE, CATEGORY_NAME, CATEGORY_SHORT
from .districts import district_follow_up, district_state_for, follow_up_findings, required_district_boards
from .meetings import meeting_day
from .model import Record, WorkbookData
from .text import tr_date
from .windows import Window, build_calendar, required_windows, windows_for
from .workdays import WorkCalendar, add_months, deadline

Category = rules.MeetingCategory

# Status of an event relative to "today".
DONE, UPCOMING, OVERDUE, PAST = "tamamlandi", "yaklasiyor", "gecikti", "gecti"
STATUS_LABELS = {DONE: "Tamamlandı", UPCOMING: "Yaklaşıyor", OVERDUE: "Gecikti",
                 PAST: "Geçti (izlenmiyor)"}

# The articles the calendar checks cite (core.checks registers them with `calendar_checks`).
FINDING_ARTICLES = tuple(dict.fromkeys([
    *(w.article for w in (rules.PROVINCE_BOARD_QUARTERLY, rules.PROVINCE_BOARD_BIANNUAL, rules.SUBCOMMISSION_QUARTERLY,
                          rules.SUBCOMMISSION_BIANNUAL, rules.DISTRICT_BOARD_WINDOW)),
    rules.DISTRICT_WINDOW_ARTICLES, *rules.MEETING_DATE_ARTICLE.values(),
    *(d.articles for d in rules.MEETING_DEADLINES), "Ek-1", rules.PROJECT_REPORTS_ARTICLE,
    rules.DISTRICT_MINUTES_ARTICLE]))
# Order of events on the same day: the meeting first, then what follows from it.
KIND_ORDER = ("il_gkk", "ilce_gkk", "alt_komisyon", "ilk_kurul", "gundem_hazirlik", "gundem_onerisi", "bildirim",
              "tutanak_teblig", "platform_giris", "karar_suresi", "yillik_rapor", "yillik_rapor_platform",
              "proje_ara_rapor", "proje_nihai_rapor")


@dataclass(frozen=True)
class Event:
    kind: str  # `tur`
    date: dt.date
    description: str  # Turkish, citing the article
    article: str
    status: str
    key: str  # stable identity (iCalendar UID): never contains the date
    meeting_no: str | None = None
    proposal: bool = False
    district: str | None = None

    def sort_key(self) -> tuple:
        order = KIND_ORDER.index(self.kind) if self.kind in KIND_ORDER else len(KIND_ORDER)
        return (self.date, order, self.meeting_no or "", self.description)

    def to_json(self) -> dict:
        return {"tur": self.kind, "tarih": self.date.isoformat(), "toplanti_no": self.meeting_no,
                "aciklama": self.description, "madde": self.article, "durum": self.status,
                "oneri": self.proposal, "ilce": self.district}


@dataclass
class Schedule:
    year: int | None
    kind: rules.BoardKind | None
    today: dt.date
    calendar: WorkCalendar
    windows: list[Window] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    meeting_dates: dict[str, dt.date] = field(default_factory=dict)  # Toplantı No -> date used


def _category(record: Record) -> Category | None:
    return rules.category_of(record["Kategori"])


def _status_meeting(held: dt.date | None, day: dt.date, today: dt.date) -> str:
    if held:
        return DONE
    return OVERDUE if day < today else UPCOMING


def _status_by(done: bool, day: dt.date, today: dt.date) -> str:
    if done:
        return DONE
    return OVERDUE if day < today else UPCOMING


def _meeting_event(s: Schedule, category: Category, day: dt.date, no: str | None, held: dt.date | None,
                   article: str, text: str, key: str, proposal: bool = False) -> Event:
    return Event(CATEGORY_CODE[category], day, text, article, _status_meeting(held, day, s.today), key, no,
                 proposal)


def _deadline_events(s: Schedule, category: Category, day: dt.date, meeting: Record | None,
                     key: str, only_before: bool = False) -> None:
    no = meeting["Toplantı No"] if meeting else None
    held = meeting["Gerçekleşen Tarih"] if meeting else None
    done_fields = {"tutanak_teblig": "Tutanak Tebliğ Tarihi", "platform_giris": "Platform Giriş Tarihi"}
    for rule in rules.MEETING_DEADLINES:
        if category not in rule.categories:
            continue
        if only_before and rule.direction is not rules.Direction.BEFORE:
            continue
        due = deadline(s.calendar, day, rule)
        if rule.kind in done_fields:
            done = bool(meeting and meeting[done_fields[rule.kind]])
        else:
            done = bool(held)
        whose = f"toplantı {no}" if no else f"önerilen {CATEGORY_SHORT[category]} toplantısı"
        text = f"{rule.label} — {whose} ({tr_date(day)}) ({rule.articles})"
        s.events.append(Event(rule.kind, due, text, rule.articles, _status_by(done, due, s.today),
                              f"{key}/{rule.kind}/{rule.articles}", no, no is None))


def _assign_meetings(s: Schedule, meetings: list[Record]) -> list[Record]:
    """Put each ordinary meeting into its window; return the ordinary meetings outside every window."""
    outside = []
    undated = []
    for m in meetings:
        cat = _category(m)
        if cat is None or m["Tür"] != "Olağan":
            continue
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
        free = [w for w in s.windows if w.category is cat and w.meeting is None]
        if free:
            free[0].meeting = m
            s.meeting_dates[m["Toplantı No"]] = free[0].proposal
    return outside


def build_schedule(data: WorkbookData, today: dt.date) -> Schedule:
    year = data.setting(contract.S_YEAR)
    kind = data.board_kind
    cal = build_calendar(data)
    s = Schedule(year if isinstance(year, int) else None, kind, today, cal)
    meetings = [m for m in data.records("Toplantılar") if m["Toplantı No"] is not None]
    for m in meetings:
        day = meeting_day(m)
        if day:
            s.meeting_dates[m["Toplantı No"]] = day
    if s.year is None or kind is None:
        return s
    s.windows = required_windows(data, kind, s.year, cal)
    outside = _assign_meetings(s, meetings)
    outside_ids = {id(m) for m in outside}
    prefix = f"{data.setting(contract.S_PROVINCE) or ''}/{data.setting(contract.S_DISTRICT) or ''}/{s.year}"

    keys: dict[str, str] = {}  # an ordinary meeting keeps its window's identity (stable calendar UIDs)
    for w in s.windows:
        key = f"{prefix}/olagan/{CATEGORY_CODE[w.category]}/{w.month:02d}"
        if w.meeting is not None:
            m = w.meeting
            keys[m["Toplantı No"]] = key
            day = s.meeting_dates[m["Toplantı No"]]
            text = f"{CATEGORY_NAME[w.category]} olağan toplantısı, {w.label} (toplantı {m['Toplantı No']}) ({w.article})"
            s.events.append(_meeting_event(s, w.category, day, m["Toplantı No"], m["Gerçekleşen Tarih"],
                                           w.article, text, key))
        else:
            limit = f"; en geç {tr_date(w.limit)} ({rules.DISTRICT_BOARD_WINDOW.late_limit_article})" \
                if w.limit != w.end else ""
            text = (f"Önerilen tarih: {CATEGORY_NAME[w.category]} olağan toplantısı, {w.label} "
                    f"({tr_date(w.start)}–{tr_date(w.end)}{limit}) ({w.article})")
            status = OVERDUE if w.limit < today else UPCOMING
            s.events.append(Event(CATEGORY_CODE[w.category], w.proposal, text, w.article, status, key, None, True))
            if status == UPCOMING:
                _deadline_events(s, w.category, w.proposal, None, key, only_before=True)

    for m in meetings:
        cat = _category(m)
        no = m["Toplantı No"]
        day = s.meeting_dates.get(no)
        if cat is None or day is None:
            continue
        key = keys.get(no, f"{prefix}/toplanti/{no}")
        if m["Tür"] != "Olağan":
            text = f"{CATEGORY_NAME[cat]} ek toplantısı (toplantı {no}) (M7(3), M8(4))"
            s.events.append(_meeting_event(s, cat, day, no, m["Gerçekleşen Tarih"], "M7(3), M8(4)", text, key))
        elif id(m) in outside_ids:
            text = f"{CATEGORY_NAME[cat]} olağan toplantısı (toplantı {no}) — olağan dönemin dışında"
            article = next((w.article for w in s.windows if w.category is cat), "")
            s.events.append(_meeting_event(s, cat, day, no, m["Gerçekleşen Tarih"], article, text, key))
        _deadline_events(s, cat, day, m, key)

    _first_board_events(s, meetings, prefix)
    _annual_report_events(s, prefix)
    _decision_events(s, data, prefix)
    _project_events(s, data, prefix)
    district_findings = _district_obligations(s, data, prefix)
    s.events.sort(key=Event.sort_key)
    s.findings = _calendar_findings(s, data, outside) + district_findings
    return s


def _first_board_events(s: Schedule, meetings: list[Record], prefix: str) -> None:
    if s.kind is not rules.BoardKind.PROVINCE:
        return
    boards = sorted(((s.meeting_dates[m["Toplantı No"]], m) for m in meetings
                     if _category(m) is Category.PROVINCE_BOARD and m["Toplantı No"] in s.meeting_dates),
                    key=lambda x: x[0])
    boards = [(d, m) for d, m in boards if d.year == s.year]
    if boards:
        day, m = boards[0]
        no, held = m["Toplantı No"], m["Gerçekleşen Tarih"]
    else:
        proposals = [w for w in s.windows if w.category is Category.PROVINCE_BOARD]
        if not proposals:
            return
        day, no, held = proposals[0].proposal, None, None
    for kind, article, label in rules.FIRST_BOARD_DUTIES:
        where = f"toplantı {no}" if no else "önerilen ilk kurul"
        s.events.append(Event(kind, day, f"Yılın ilk kurulu ({where}): {label} ({article})", article,
                              _status_meeting(held, day, s.today), f"{prefix}/ilk_kurul/{article}", no, no is None))


def _annual_report_events(s: Schedule, prefix: str) -> None:
    if s.kind is not rules.BoardKind.PROVINCE:
        return  # the İl Göç İdaresi Müdürlüğü reports for the province and its districts (M13(1))
    for report_year in (s.year - 1, s.year):
        for d in rules.ANNUAL_DEADLINES:
            due = s.calendar.last_working_day_of_month(report_year + 1, d.month)
            status = PAST if due < s.today else UPCOMING
            s.events.append(Event(d.kind, due, f"{report_year} yılı: {d.label} ({d.article})", d.article, status,
                                  f"{prefix}/yillik/{report_year}/{d.kind}"))


def _decision_events(s: Schedule, data: WorkbookData, prefix: str) -> None:
    for r in data.records("Kararlar"):
        due = r["Verilen Süre"]
        if due is None or r["Durum"] not in rules.DECISION_OPEN:
            continue
        text = f"Karar {r['Karar No']} için verilen süre doluyor: {r['Alınan Karar'] or ''}".rstrip(": ")
        s.events.append(Event("karar_suresi", due, text + " (Ek-1)", "Ek-1", _status_by(False, due, s.today),
                              f"{prefix}/karar/{r['Karar No']}", r["Toplantı No"]))


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
        for kind, due, done in project_reports(s, r):
            text = f"Proje {r['Proje No']} ({r['Proje Adı'] or ''}) {words[kind]} Başkanlığa gönderilir " \
                   f"({rules.PROJECT_REPORTS_ARTICLE})"
            s.events.append(Event(kind, due, text, rules.PROJECT_REPORTS_ARTICLE, _status_by(done, due, s.today),
                                  f"{prefix}/proje/{r['Proje No']}/{kind}"))


def _district_obligations(s: Schedule, data: WorkbookData, prefix: str) -> list[Finding]:
    """District boards the province follows up. Without merged district data (`birlestir`) the province
    cannot see them: past ones are "gecti". With it, done / overdue, and the follow-up findings."""
    if s.kind is not rules.BoardKind.PROVINCE:
        return []

    state = district_state_for(data)
    merged = state is not None and bool(state.districts)
    follow = {st.district: st for st in district_follow_up(data, state, s.today, s.calendar)} if merged else {}
    for d in required_district_boards(data):
        _required, why, _sentence = rules.district_board_duty(d["Yabancı Nüfusu"], d["Hudut İlçesi"] == "Evet")
        for i, w in enumerate(windows_for(rules.DISTRICT_BOARD_WINDOW, s.year, s.calendar)):
            text = (f"{d['İlçe']} İlçe GKK olağan toplantısı ({w.label}, {tr_date(w.start)}–{tr_date(w.end)}; "
                    f"en geç {tr_date(w.limit)}) — {why} ({rules.DISTRICT_WINDOW_ARTICLES})")
            status = PAST if w.limit < s.today else UPCOMING
            st = follow.get(d["İlçe"])
            if st is not None and i < len(st.windows):
                held = st.windows[i].held
                status = DONE if held else (OVERDUE if w.limit < s.today else UPCOMING)
                if held:
                    text += f" — yapıldı: {tr_date(held)} (toplantı {st.windows[i].meeting_no})"
            s.events.append(Event("ilce_gkk", w.end, text, rules.DISTRICT_WINDOW_ARTICLES, status,
                                  f"{prefix}/ilce/{d['İlçe']}/{w.month:02d}", None, False, d["İlçe"]))
    return follow_up_findings(data, state, s.today, s.calendar) if merged else []


# --- calendar checks of `kontrol` ----------------------------------------------------------------

def _calendar_findings(s: Schedule, data: WorkbookData, outside: list[Record]) -> list[Finding]:
    out: list[Finding] = []
    sheet = "Toplantılar"
    for w in s.windows:
        if w.meeting is None and w.limit < s.today:
            out.append(Finding(ERROR, w.article, sheet, None,
                               f"{CATEGORY_NAME[w.category]} olağan toplantısı ({w.label} {s.year}) yapılmamış; son gün "
                               f"{tr_date(w.limit)} geçti."))
    for m in outside:
        cat = _category(m)
        day = meeting_day(m)
        col = "Gerçekleşen Tarih" if m["Gerçekleşen Tarih"] else "Planlanan Tarih"
        same = [w for w in s.windows if w.category is cat]
        if not same:
            continue
        if cat is Category.DISTRICT_BOARD:
            allowed = "; ".join(f"{tr_date(w.start)}–{tr_date(w.end)}, en geç {tr_date(w.limit)}" for w in same)
            article = rules.DISTRICT_WINDOW_ARTICLES
        else:
            allowed = ", ".join(f"{tr_date(w.start)}–{tr_date(w.end)}" for w in same)
            article = same[0].article
        out.append(Finding(ERROR, article, sheet, m.cell(col),
                           f"Toplantı {m['Toplantı No']} ({tr_date(day)}) olağan toplantı döneminin dışında; "
                           f"{CATEGORY_NAME[cat]} olağan toplantıları: {allowed}."))
    meetings = {m["Toplantı No"]: m for m in data.records("Toplantılar") if m["Toplantı No"] is not None}
    for no, m in meetings.items():
        cat = _category(m)
        day = s.meeting_dates.get(no)
        if cat is None or day is None:
            continue
        out.extend(_meeting_day_findings(s, m, cat))
        out.extend(_minutes_findings(s, m, cat, day))
    out.extend(_agenda_findings(s, data, meetings))
    for r in data.records("Kararlar"):
        due = r["Verilen Süre"]
        if due and due < s.today and r["Durum"] in rules.DECISION_OPEN:
            out.append(Finding(WARNING, "Ek-1", "Kararlar", r.cell("Durum"),
                               f"Karar {r['Karar No']}: verilen süre {tr_date(due)} geçti, durumu '{r['Durum']}'."))
    for r in data.records("Projeler"):
        for kind, due, done in project_reports(s, r):
            if not done and due < s.today:
                col = "Son Ara Rapor Tarihi" if kind == "proje_ara_rapor" else "Nihai Rapor Tarihi"
                what = "ara raporu" if kind == "proje_ara_rapor" else "nihai raporu"
                out.append(Finding(ERROR, rules.PROJECT_REPORTS_ARTICLE, "Projeler", r.cell(col),
                                   f"Proje {r['Proje No']}: {what} {tr_date(due)} tarihine kadar Başkanlığa "
                                   "gönderilmeliydi; gönderildiği tarih yazılmamış."))
    return out


def _meeting_day_findings(s: Schedule, m: Record, cat: Category) -> list[Finding]:
    out = []
    for col in ("Planlanan Tarih", "Gerçekleşen Tarih"):
        day = m[col]
        if day is None:
            continue
        reason = s.calendar.why_not_working(day)
        if reason:
            out.append(Finding(WARNING, rules.MEETING_DATE_ARTICLE[cat], "Toplantılar",
                               m.cell(col), f"Toplantı {m['Toplantı No']}: {tr_date(day)} iş günü değil ({reason})."))
        elif (half := s.calendar.half_day(day)) is not None:
            out.append(Finding(WARNING, rules.MEETING_DATE_ARTICLE[cat], "Toplantılar",
                               m.cell(col), f"Toplantı {m['Toplantı No']}: {tr_date(day)} yarım gün ({half.name})."))
        if col == "Planlanan Tarih" and m["Gerçekleşen Tarih"]:
            break  # what was planned matters less once the meeting is held
    return out


def _minutes_findings(s: Schedule, m: Record, cat: Category, day: dt.date) -> list[Finding]:
    out = []
    held = m["Gerçekleşen Tarih"]
    if not held:
        return out
    fields = {"tutanak_teblig": "Tutanak Tebliğ Tarihi", "platform_giris": "Platform Giriş Tarihi"}
    for rule in rules.MEETING_DEADLINES:
        if cat not in rule.categories or rule.kind not in fields:
            continue
        col = fields[rule.kind]
        due = deadline(s.calendar, held, rule)
        done = m[col]
        if done and done > due:
            out.append(Finding(ERROR, rule.articles, "Toplantılar", m.cell(col),
                               f"Toplantı {m['Toplantı No']}: {rule.label.lower()} en geç {tr_date(due)} olmalıydı; "
                               f"{tr_date(done)} yazılmış."))
        elif not done and due < s.today:
            out.append(Finding(ERROR, rule.articles, "Toplantılar", m.cell(col),
                               f"Toplantı {m['Toplantı No']}: {rule.label.lower()} en geç {tr_date(due)} olmalıydı; "
                               "tarihi yazılmamış."))
    return out


def _agenda_findings(s: Schedule, data: WorkbookData, meetings: dict[str, Record]) -> list[Finding]:
    out = []
    rule = next(r for r in rules.MEETING_DEADLINES if r.kind == "gundem_onerisi")
    for r in data.records("Gündem"):
        proposed, no = r["Öneri Tarihi"], r["Toplantı No"]
        m = meetings.get(no)
        day = s.meeting_dates.get(no)
        if not proposed or m is None or day is None or _category(m) not in rule.categories:
            continue
        due = deadline(s.calendar, day, rule)
        if proposed > due:
            out.append(Finding(WARNING, rule.articles, "Gündem", r.cell("Öneri Tarihi"),
                               f"Toplantı {no} için gündem önerisi geç ({tr_date(proposed)}); en geç {tr_date(due)} "
                               "iletilmeliydi."))
    return out
