"""What the year's schedule is made of (core.schedule builds it): an `Event` and its status on "today", the
`Schedule` that holds them with the year's windows, and how a due date reads — its target and legal limit
(`shown`, `judged`), a window's late limit — and whether a meeting only planned was missed. `kontrol`'s rules
judge by the same helpers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import rules
from .districts import DistrictStatus
from .meetings import HELD
from .records import Record
from .text import tr_date
from .windows import Window
from .workdays import Due, WorkCalendar

# Status of an event relative to "today".
DONE, UPCOMING, OVERDUE, PAST = "tamamlandi", "yaklasiyor", "gecikti", "gecti"
STATUS_LABELS = {DONE: "Tamamlandı", UPCOMING: "Yaklaşıyor", OVERDUE: "Gecikti", PAST: "Geçti (izlenmiyor)"}

# How a moved date says it rests on an estimated holiday (KURALLAR §2: estimated Islamic dates are marked).
ESTIMATED_NOTE = "tahmini bayram tarihine göre kaydırıldı"

# Order of events on the same day: the meeting first, then what follows from it.
KIND_ORDER = (
    "il_gkk",
    "ilce_gkk",
    "alt_komisyon",
    "ilk_kurul",
    "gundem_hazirlik",
    "gundem_onerisi",
    "bildirim",
    "tutanak_teblig",
    "platform_giris",
    "eylem_plani_guncelleme",
    "karar_suresi",
    "yillik_rapor",
    "yillik_rapor_platform",
    "proje_ara_rapor",
    "proje_nihai_rapor",
)


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
    limit: dt.date | None = None  # the legal limit, when it is not `date` (the target shown)
    estimated: bool = False  # `date` rests on a holiday whose date is only estimated

    def sort_key(self) -> tuple:
        order = KIND_ORDER.index(self.kind) if self.kind in KIND_ORDER else len(KIND_ORDER)
        return (self.date, order, self.meeting_no or "", self.description)

    def to_json(self) -> dict:
        return {
            "tur": self.kind,
            "tarih": self.date.isoformat(),
            "toplanti_no": self.meeting_no,
            "aciklama": self.description,
            "madde": self.article,
            "durum": self.status,
            "oneri": self.proposal,
            "ilce": self.district,
            "yasal_son_tarih": (self.limit or self.date).isoformat(),
            "tahmini": self.estimated,
        }


@dataclass
class Schedule:
    year: int | None
    kind: rules.BoardKind | None
    today: dt.date
    calendar: WorkCalendar
    windows: list[Window] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meeting_dates: dict[str, dt.date] = field(default_factory=dict)  # Toplantı No -> date used
    built: bool = False  # False without a year or a board kind: no windows, no deadlines
    outside: list[Record] = field(default_factory=list)  # ordinary meetings outside every window of their kind
    follow_up: list[DistrictStatus] = field(default_factory=list)  # merged district boards (a province)


def meeting_status(held: dt.date | None, day: dt.date, today: dt.date) -> str:
    if held:
        return DONE
    return OVERDUE if day < today else UPCOMING


def status_by(done: bool, day: dt.date, today: dt.date) -> str:
    if done:
        return DONE
    return OVERDUE if day < today else UPCOMING


def shown(d: Due) -> str:
    """What the calendar adds to a target date: the legal limit where it differs, and the estimate mark."""
    return (f"; yasal son gün {tr_date(d.limit)}" if d.differs else "") + (
        f" — {ESTIMATED_NOTE}" if d.estimated else ""
    )


def judged(d: Due) -> str:
    """How a finding names a deadline: the legal limit it judges by, and the calendar's target where it differs."""
    return tr_date(d.limit) + (f" (takvimdeki hedef: {tr_date(d.target)})" if d.differs else "")


def due_event(
    s: Schedule,
    kind: str,
    d: Due,
    text: str,
    article: str,
    done: bool,
    key: str,
    no: str | None = None,
    proposal: bool = False,
    status: str | None = None,
) -> Event:
    """An event at the target date; its status judged by the legal limit (as `kontrol` judges it)."""
    return Event(
        kind,
        d.target,
        text + shown(d),
        article,
        status or status_by(done, d.limit, s.today),
        key,
        no,
        proposal,
        None,
        d.limit if d.differs else None,
        d.estimated,
    )


def missed(s: Schedule, meeting: Record | None) -> bool:
    """An ordinary meeting only planned whose window (or M8(3) late limit) has passed: it counts as not held
    (KURALLAR §2), and its minutes, judged from the planned date, as not sent either."""
    return (
        meeting is not None
        and meeting[HELD] is None
        and any(w.meeting is meeting and w.limit < s.today for w in s.windows)
    )


def untracked(limit: dt.date, today: dt.date) -> str:
    """A deadline whose completion no column records: "geçti" once its limit has passed."""
    return PAST if limit < today else UPCOMING


def late_limit(w: Window) -> str:
    """'; en geç 28.10.2027 (M8(3); yasal son gün 31.10.2027)' for a window with a late limit, else ''."""
    if w.limit == w.end:
        return ""
    legal = f"; yasal son gün {tr_date(w.limit)}" if w.shown_limit != w.limit else ""
    return f"; en geç {tr_date(w.shown_limit)} ({rules.DISTRICT_BOARD_WINDOW.late_limit_article}{legal})"
