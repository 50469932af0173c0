"""KURALLAR §3, deadlines around a meeting: the agenda (M10) and the minutes (M12) — the minutes' two dates
(one column map, core.meetings.MINUTES_COLUMNS), judged by the legal limit; the decisions and participants a
meeting's minutes hold (M12(1), M12(7)); a district's minutes sent to the province (M12(5))."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from ... import rules
from ...findings import ERROR, WARNING, Finding
from ..districts import MEETINGS_SHEET as DISTRICT_MEETINGS_SHEET
from ..districts import DistrictStatus
from ..events import judged, missed
from ..meetings import HELD, MINUTES_COLUMNS, NO, PLANNED, before_day, held
from ..records import Record
from ..text import lower_first, tr_date
from ..workdays import due
from .meetings import meeting_label
from .registry import Context, check, record_label, reference

Category = rules.MeetingCategory
SHEET = "Toplantılar"

reference("agenda_meeting_exists", "Gündem", NO, SHEET, NO, "M10(1)")
reference("decision_meeting_exists", "Kararlar", NO, SHEET, NO, rules.MINUTES_DECISIONS_ARTICLE)
reference("participant_meeting_exists", "Katılımcılar", NO, SHEET, NO, rules.PARTICIPANTS_ARTICLE)

# (deadline kind, category) -> article: M12(2)/(3) of the İl, M12(4)/(5)/(6) of the others
_ARTICLES = {
    (d.kind, cat): d.articles for d in rules.MEETING_DEADLINES if d.kind in MINUTES_COLUMNS for cat in d.categories
}


def _article(kind: str, category: Category | None) -> str:
    return (
        _ARTICLES.get((kind, category))  # the sub-commission's outputs: M12(6)
        or _ARTICLES.get(("platform_giris", category))
        or _ARTICLES[(kind, Category.PROVINCE_BOARD)]
    )


@check(*dict.fromkeys(_ARTICLES.values()), each="meeting_rows")
def minutes_after_meeting(ctx: Context, r: Record) -> Iterator[Finding]:
    """M12: the minutes are notified and entered after the meeting is held, never before."""
    day = held(r)
    category = rules.category_of(r["Kategori"])
    for kind, col in MINUTES_COLUMNS.items():
        d = r[col]
        if d and not day:
            yield Finding(
                ERROR,
                _article(kind, category),
                SHEET,
                r.cell(col),
                f"Toplantı {meeting_label(r)}: '{col}' yazılmış ama toplantının gerçekleşen tarihi boş.",
            )
        elif d and day and d < day:
            yield Finding(
                ERROR,
                _article(kind, category),
                SHEET,
                r.cell(col),
                f"Toplantı {meeting_label(r)}: '{col}' ({d:%d.%m.%Y}) toplantıdan ({day:%d.%m.%Y}) önce olamaz.",
            )


@check(rules.PARTICIPANTS_ARTICLE)
def held_meeting_has_participants(ctx: Context) -> Iterator[Finding]:
    if "Katılımcılar" not in ctx.data.tables:
        return
    counts = Counter(r[NO] for r in ctx.data.records("Katılımcılar"))
    for r in ctx.data.records(SHEET):
        if r[HELD] and not counts.get(r[NO]):
            yield Finding(
                WARNING,
                rules.PARTICIPANTS_ARTICLE,
                SHEET,
                r.cell(NO),
                f"{record_label(r, NO, 'Toplantı')} yapılmış ama 'Katılımcılar' sayfasında katılımcısı yok (Ek-2).",
            )


@check(*dict.fromkeys(_ARTICLES.values()), each="scheduled_meetings")
def minutes_in_time(ctx: Context, item: tuple[Record, Category, dt.date]) -> Iterator[Finding]:
    """M12: minutes notified and entered in the platform, judged by the legal limit. The periods run from the
    held date ("kurulu takiben", "toplandığı ay"). A meeting only planned is not judged while it may still be held
    in its window; once that has passed it is missing, and so are its minutes, from the planned date (as the
    calendar shows them)."""
    m, cat, day = item
    s = ctx.schedule
    on = held(m)
    if on is None and not missed(s, m):
        return
    for rule in rules.MEETING_DEADLINES:
        if cat not in rule.categories or rule.kind not in MINUTES_COLUMNS:
            continue
        col = MINUTES_COLUMNS[rule.kind]
        d = due(s.calendar, on or day, rule)
        done = m[col]
        if done and on and done > d.limit:
            yield Finding(
                ERROR,
                rule.articles,
                SHEET,
                m.cell(col),
                f"Toplantı {m[NO]}: {lower_first(rule.label)}; en geç {judged(d)} olmalıydı, {tr_date(done)} yazılmış.",
            )
        elif not done and d.limit < s.today:
            basis = "planlanan" if m[PLANNED] else "önerilen"
            unheld = (
                "" if on else (f" Toplantının gerçekleşen tarihi de yazılmamış (süre {basis} tarihten hesaplandı).")
            )
            yield Finding(
                ERROR,
                rule.articles,
                SHEET,
                m.cell(col),
                f"Toplantı {m[NO]}: {lower_first(rule.label)}; en geç {judged(d)} olmalıydı, "
                f"tarihi yazılmamış.{unheld}",
            )


_PROPOSAL = next(r for r in rules.MEETING_DEADLINES if r.kind == "gundem_onerisi")


@check(_PROPOSAL.articles)
def agenda_proposals_in_time(ctx: Context) -> Iterator[Finding]:
    """M10(2): an agenda item is proposed before the meeting's deadline."""
    s = ctx.schedule
    if not s.built:
        return
    rule = _PROPOSAL
    meetings = {m[NO]: m for m in ctx.data.records(SHEET) if m[NO] is not None}
    for r in ctx.data.records("Gündem"):
        proposed, no = r["Öneri Tarihi"], r[NO]
        m = meetings.get(no)
        day = s.meeting_dates.get(no)
        if not proposed or m is None or day is None or rules.category_of(m["Kategori"]) not in rule.categories:
            continue
        d = due(s.calendar, before_day(m, day), rule)
        if proposed > d.limit:
            yield Finding(
                WARNING,
                rule.articles,
                "Gündem",
                r.cell("Öneri Tarihi"),
                f"Toplantı {no} için gündem önerisi geç ({tr_date(proposed)}); en geç {judged(d)} iletilmeliydi.",
            )


@check(rules.DISTRICT_MINUTES_ARTICLE, each="district_follow_up")
def district_minutes_sent(ctx: Context, st: DistrictStatus) -> Iterator[Finding]:
    """M12(5): a district board's minutes reach the İl Göç İdaresi Müdürlüğü in time (the province sees it)."""
    for m in st.minutes:
        if m.late:
            yield Finding(
                WARNING,
                rules.DISTRICT_MINUTES_ARTICLE,
                DISTRICT_MEETINGS_SHEET,
                None,
                f"{st.district} İlçe GKK toplantı {m.meeting_no} ({tr_date(m.held)}) tutanağı İl "
                f"Göç İdaresi Müdürlüğüne en geç {tr_date(m.due)} iletilmeliydi; "
                f"{tr_date(m.sent)} ({m.basis}).",
            )
