"""KURALLAR §2, meetings and their windows: the ordinary meetings held in their windows (M6(9), M7, M8), the
dates a meeting is set on (M11(3)), extra meetings (M7(3), M8(4)), the district boards a province follows up
(M8(1), M8(3)) and the İl Göç İdaresi Müdürlüğü at every district board (M8(1), M11(3)). The dates a row holds
are checked here too (the template's own rule)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ... import contract, rules
from ...findings import ERROR, WARNING, Finding
from ...rules import CATEGORY_NAME, EXTRA_MEETING_ARTICLE
from ..districts import MISSING, DistrictStatus, district_state_for
from ..identity import contains_any
from ..meetings import HELD, NO, PLANNED, held, meeting_day, planned
from ..model import TEMPLATE_RULE
from ..records import Record
from ..text import tr_date
from .registry import Context, check

Category = rules.MeetingCategory
SHEET = "Toplantılar"


def meeting_label(r: Record) -> str:
    """'4', or '(7. satır)' for a row without its number."""
    return r[NO] if r[NO] is not None else f"({r.row}. satır)"


# --- what a row of Toplantılar holds -----------------------------------------------------------------


@check(TEMPLATE_RULE, each="meeting_rows")
def held_not_in_future(ctx: Context, r: Record) -> Iterator[Finding]:
    day = held(r)
    if day and day > ctx.today:
        yield Finding(
            ERROR,
            TEMPLATE_RULE,
            SHEET,
            r.cell(HELD),
            f"Toplantı {meeting_label(r)}: gerçekleşen tarih ({day:%d.%m.%Y}) ileri bir tarih olamaz.",
        )


@check(TEMPLATE_RULE, each="meeting_rows")
def meeting_dated(ctx: Context, r: Record) -> Iterator[Finding]:
    if not held(r) and not planned(r) and PLANNED in r.cells:
        yield Finding(
            WARNING,
            TEMPLATE_RULE,
            SHEET,
            r.cell(PLANNED),
            f"Toplantı {meeting_label(r)}: ne planlanan ne gerçekleşen tarih yazılmış.",
        )


@check(TEMPLATE_RULE, each="meeting_rows")
def meeting_in_book_year(ctx: Context, r: Record) -> Iterator[Finding]:
    """TASARIM: a book is of one year; a meeting of another year belongs to that year's book."""
    year = ctx.data.setting(contract.S_YEAR)
    when = meeting_day(r)
    if when and isinstance(year, int) and when.year != year:
        yield Finding(
            WARNING,
            TEMPLATE_RULE,
            SHEET,
            r.cell(HELD if held(r) else PLANNED),
            f"Toplantı {meeting_label(r)}, {when.year} yılında; bu kitap {year} yılı için.",
        )


@check(*dict.fromkeys(article for _, article in rules.BOARD_MEETING_CATEGORIES.values()))
def meeting_category_fits_board(ctx: Context) -> Iterator[Finding]:
    if ctx.kind is None:
        return
    allowed, article = rules.BOARD_MEETING_CATEGORIES[ctx.kind]
    names = [c.value for c in allowed]
    for r in ctx.data.records(SHEET):
        cat = r["Kategori"]
        if cat in contract.lists()["Kategori"] and cat not in names:
            yield Finding(
                ERROR,
                article,
                SHEET,
                r.cell("Kategori"),
                f"Toplantı {r[NO]}: '{cat}' bir {ctx.kind.value} kurulu kitabında tutulmaz "
                f"(bu kitapta: {', '.join(names)}).",
            )


# --- the İl Göç İdaresi Müdürlüğü at district boards ---------------------------------------------------


@check(rules.DISTRICT_BOARD_PARTICIPANT[1])
def migration_office_at_district_boards(ctx: Context) -> Iterator[Finding]:
    """M8(1), M11(3): the İl Göç İdaresi Müdürlüğü takes part in every district board."""
    institution, article = rules.DISTRICT_BOARD_PARTICIPANT
    if ctx.kind is rules.BoardKind.PROVINCE:
        yield from _migration_office_at_merged_boards(ctx)
        return
    if "Katılımcılar" not in ctx.data.tables:
        return
    people = ctx.data.grouped("Katılımcılar", NO)
    for r in ctx.data.records(SHEET):
        if r["Kategori"] != Category.DISTRICT_BOARD.value or not held(r):
            continue
        present = people.get(r[NO], [])
        if present and not any(contains_any(p["Kurum İsmi"] or "", (institution,)) for p in present):
            yield Finding(
                WARNING,
                article,
                SHEET,
                r.cell(NO),
                f"Toplantı {r[NO]} ({held(r):%d.%m.%Y}): katılımcılar arasında "
                f"{institution} yok; İlçe Göç Koordinasyon Kurullarına {institution} katılım sağlar.",
            )


def _migration_office_at_merged_boards(ctx: Context) -> Iterator[Finding]:
    """The same rule on the district boards a province merged (`birlestir`): their participants are in the merged
    sheets, so the province sees a district board held without its İl Göç İdaresi Müdürlüğü."""
    institution, article = rules.DISTRICT_BOARD_PARTICIPANT
    state = district_state_for(ctx.data)
    if state is None:
        return
    board = Category.DISTRICT_BOARD.value
    year = ctx.data.setting(contract.S_YEAR)
    for rows in state.districts.values():
        people: dict[object, list[dict]] = {}
        for p in rows.tables[contract.DISTRICT_PARTICIPANTS_SHEET]:
            people.setdefault(p[NO], []).append(p)
        for r in rows.meetings():
            day = r[HELD]
            present = people.get(r[NO], [])
            if r["Kategori"] != board or not isinstance(day, dt.date) or not present or day.year != year:
                continue
            if not any(contains_any(p["Kurum İsmi"] or "", (institution,)) for p in present):
                yield Finding(
                    WARNING,
                    article,
                    contract.DISTRICT_PARTICIPANTS_SHEET,
                    None,
                    f"{rows.district} İlçe GKK toplantı {r[NO]} ({day:%d.%m.%Y}): "
                    f"katılımcılar arasında {institution} yok; İlçe Göç Koordinasyon Kurullarına "
                    f"{institution} katılım sağlar.",
                )


@check("M8(1)")
def districts_sheet(ctx: Context) -> Iterator[Finding]:
    if ctx.kind is rules.BoardKind.PROVINCE and "İlçeler" in ctx.data.tables and not ctx.data.records("İlçeler"):
        yield Finding(
            WARNING,
            "M8(1)",
            "İlçeler",
            None,
            "İlçeler boş: hangi kaymakamların üye olacağı (M4(2)) ve hangi ilçelerin kurul "
            "toplayacağı (M8(1)) hesaplanamaz.",
        )


# --- the windows (by the schedule) -------------------------------------------------------------------

_WINDOWS = (
    rules.PROVINCE_BOARD_QUARTERLY,
    rules.PROVINCE_BOARD_BIANNUAL,
    rules.SUBCOMMISSION_QUARTERLY,
    rules.SUBCOMMISSION_BIANNUAL,
    rules.DISTRICT_BOARD_WINDOW,
)


@check(*dict.fromkeys(w.article for w in _WINDOWS))
def ordinary_meetings_held(ctx: Context) -> Iterator[Finding]:
    """KURALLAR §2: each window of the year has a meeting held in it once its last day has passed."""
    s = ctx.schedule
    for w in s.windows:
        if w.held is None and w.limit < s.today:
            note = ""
            if w.meeting is not None and planned(w.meeting) is not None:
                note = (
                    f" Toplantı {w.meeting[NO]} {tr_date(planned(w.meeting))} için "
                    "planlanmış ama gerçekleşen tarihi yazılmamış: yapıldıysa 'Gerçekleşen Tarih'i yazın."
                )
            cell = w.meeting.cell(HELD) if w.meeting is not None else None
            yield Finding(
                ERROR,
                w.article,
                SHEET,
                cell,
                f"{CATEGORY_NAME[w.category]} olağan toplantısı ({w.label} {s.year}) yapılmamış; "
                f"son gün {tr_date(w.limit)} geçti.{note}",
            )


@check(
    *dict.fromkeys(w.article for w in _WINDOWS if w is not rules.DISTRICT_BOARD_WINDOW), rules.DISTRICT_WINDOW_ARTICLES
)
def ordinary_meetings_in_window(ctx: Context) -> Iterator[Finding]:
    """KURALLAR §2: an ordinary meeting of the book's year falls in a window of its kind."""
    s = ctx.schedule
    for m in s.outside:
        cat = rules.category_of(m["Kategori"])
        same = [w for w in s.windows if w.category is cat]
        if not same:
            continue
        if cat is Category.DISTRICT_BOARD:
            allowed = "; ".join(f"{tr_date(w.start)}–{tr_date(w.end)}, en geç {tr_date(w.limit)}" for w in same)
            article = rules.DISTRICT_WINDOW_ARTICLES
        else:
            allowed = ", ".join(f"{tr_date(w.start)}–{tr_date(w.end)}" for w in same)
            article = same[0].article
        yield Finding(
            ERROR,
            article,
            SHEET,
            m.cell(HELD if held(m) else PLANNED),
            f"Toplantı {m[NO]} ({tr_date(meeting_day(m))}) olağan toplantı döneminin dışında; "
            f"{CATEGORY_NAME[cat]} olağan toplantıları: {allowed}.",
        )


@check(*dict.fromkeys(rules.MEETING_DATE_ARTICLE.values()), each="scheduled_meetings")
def meeting_on_working_day(ctx: Context, item: tuple[Record, Category, dt.date]) -> Iterator[Finding]:
    """M11(3), M6(9): a meeting is set on a working day (a half day is pointed out).

    A held meeting is judged by the day it was held (the planned day no longer matters); one not yet held by the day
    it is planned for."""
    m, cat, _day = item
    cal = ctx.schedule.calendar
    col = HELD if held(m) else PLANNED
    day = m[col]
    if day is None:
        return
    if reason := cal.why_not_working(day):
        text = f"Toplantı {m[NO]}: {tr_date(day)} iş günü değil ({reason})."
    elif (half := cal.half_day(day)) is not None:
        text = f"Toplantı {m[NO]}: {tr_date(day)} yarım gün ({half.name})."
    else:
        return
    yield Finding(WARNING, rules.MEETING_DATE_ARTICLE[cat], SHEET, m.cell(col), text)


def meeting_article(ctx: Context, m: Record, cat: Category) -> str:
    """The article a meeting is held under: its window's for an ordinary one, M7(3)/M8(4) for an extra one."""
    if m["Tür"] == "Olağan":
        return next((w.article for w in ctx.schedule.windows if w.category is cat), rules.MEETING_DATE_ARTICLE[cat])
    return EXTRA_MEETING_ARTICLE


@check(
    *dict.fromkeys(w.article for w in _WINDOWS),
    *dict.fromkeys(rules.MEETING_DATE_ARTICLE.values()),
    EXTRA_MEETING_ARTICLE,
    each="scheduled_meetings",
)
def past_meeting_recorded(ctx: Context, item: tuple[Record, Category, dt.date]) -> Iterator[Finding]:
    """KURALLAR §2: a planned date in the past with no held date — was it held?"""
    m, cat, _day = item
    day = planned(m)
    if held(m) is not None or day is None or day >= ctx.today:
        return
    yield Finding(
        WARNING,
        meeting_article(ctx, m, cat),
        SHEET,
        m.cell(HELD),
        f"Toplantı {m[NO]} {tr_date(day)} için planlanmıştı; gerçekleşen tarih yazılmamış. "
        "Toplantı yapıldıysa 'Gerçekleşen Tarih'i yazın (yapılmamış bir toplantı olağan toplantı "
        "yükümlülüğünü karşılamaz); yapılmadıysa yeni tarihini 'Planlanan Tarih'e yazın.",
    )


@check(rules.DISTRICT_WINDOW_ARTICLES, each="district_follow_up")
def district_boards_held(ctx: Context, st: DistrictStatus) -> Iterator[Finding]:
    """M8(1), M8(3): a province sees each required district board held in its window (once merged)."""
    for w in st.windows:
        if w.status == MISSING:
            why = "" if st.merged else " (ilçenin kitabı henüz birleştirilmedi)"
            yield Finding(
                ERROR,
                rules.DISTRICT_WINDOW_ARTICLES,
                "İlçeler",
                st.cell,
                f"{st.district} İlçe GKK olağan toplantısı ({w.label} {ctx.schedule.year}) "
                f"yapılmamış{why}; son gün {tr_date(w.limit)} geçti.",
            )
