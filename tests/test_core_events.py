"""A schedule event as `takvim --json` gives it (core.events.Event.to_json): the exact key set and values."""

from __future__ import annotations

import datetime as dt

from gockurul_excel import rules
from gockurul_excel.core import events as events_module
from gockurul_excel.core.events import DONE, Event
from gockurul_excel.core.windows import windows_for
from gockurul_excel.core.workdays import Due, WorkCalendar


def test_to_json_keys_and_values():
    e = Event(
        "tutanak_teblig",
        dt.date(2025, 3, 7),
        "Tutanak tebliği (M9(4))",
        "M9(4)",
        DONE,
        "k1",
        "3",
        True,
        "Seyhan",
        dt.date(2025, 3, 10),
        True,
    )
    assert e.to_json() == {
        "tur": "tutanak_teblig",
        "tarih": "2025-03-07",
        "toplanti_no": "3",
        "aciklama": "Tutanak tebliği (M9(4))",
        "madde": "M9(4)",
        "durum": "tamamlandi",
        "oneri": True,
        "ilce": "Seyhan",
        "yasal_son_tarih": "2025-03-10",
        "tahmini": True,
    }


def test_to_json_defaults_limit_is_the_date():
    e = Event("il_gkk", dt.date(2025, 1, 20), "İl GKK", "M7(1)", DONE, "k2")
    assert e.to_json() == {
        "tur": "il_gkk",
        "tarih": "2025-01-20",
        "toplanti_no": None,
        "aciklama": "İl GKK",
        "madde": "M7(1)",
        "durum": "tamamlandi",
        "oneri": False,
        "ilce": None,
        "yasal_son_tarih": "2025-01-20",
        "tahmini": False,
    }


# --- statuses and how a due date reads (KURALLAR §3: the target shown, the legal limit judged) -------------------

D = dt.date


def test_sort_key_same_day_meeting_first_unknown_kinds_last():
    """Events of one day: the meeting first, then what follows from it (KIND_ORDER), an unknown kind last; then
    by meeting number (none first) and text."""
    day = D(2025, 3, 7)
    events = [
        Event("bilinmeyen", day, "a", "", DONE, "1"),
        Event("tutanak_teblig", day, "b", "", DONE, "2", "3"),
        Event("il_gkk", day, "c", "", DONE, "3", "3"),
        Event("tutanak_teblig", day, "a", "", DONE, "4", "2"),
        Event("tutanak_teblig", day, "z", "", DONE, "5"),
        Event("il_gkk", D(2025, 3, 6), "d", "", DONE, "6"),
    ]
    assert [e.key for e in sorted(events, key=Event.sort_key)] == ["6", "3", "5", "4", "2", "1"]
    assert events[0].sort_key() == (day, len(events_module.KIND_ORDER), "", "a")
    assert events[1].sort_key() == (day, events_module.KIND_ORDER.index("tutanak_teblig"), "3", "b")


def test_statuses_on_both_sides_of_today():
    today = D(2025, 6, 10)
    for status in (events_module.meeting_status, events_module.status_by):
        assert status(D(2025, 6, 1), D(2025, 6, 1), today) == "tamamlandi"
        assert status(True, D(2025, 6, 1), today) == "tamamlandi"
        assert status(None, D(2025, 6, 9), today) == "gecikti"
        assert status(None, today, today) == "yaklasiyor"
        assert status(False, D(2025, 6, 11), today) == "yaklasiyor"
    assert events_module.untracked(D(2025, 6, 9), today) == "gecti"
    assert events_module.untracked(today, today) == "yaklasiyor"
    assert events_module.STATUS_LABELS == {
        "tamamlandi": "Tamamlandı",
        "yaklasiyor": "Yaklaşıyor",
        "gecikti": "Gecikti",
        "gecti": "Geçti (izlenmiyor)",
    }


def test_shown_and_judged_words():
    """KURALLAR §3: the calendar shows the target and adds the legal limit where it differs, and the estimate
    mark (§2); a finding names the legal limit and adds the calendar's target where it differs."""
    same, moved = Due(D(2025, 4, 2), D(2025, 4, 2)), Due(D(2025, 3, 28), D(2025, 4, 1))
    est, both = Due(D(2033, 1, 5), D(2033, 1, 5), True), Due(D(2032, 12, 31), D(2033, 1, 4), True)
    assert events_module.shown(same) == ""
    assert events_module.shown(moved) == "; yasal son gün 01.04.2025"
    assert events_module.shown(est) == " — tahmini bayram tarihine göre kaydırıldı"
    assert events_module.shown(both) == "; yasal son gün 04.01.2033 — tahmini bayram tarihine göre kaydırıldı"
    assert events_module.judged(same) == "02.04.2025"
    assert events_module.judged(moved) == "01.04.2025 (takvimdeki hedef: 28.03.2025)"


def _schedule(today: D, windows=()) -> events_module.Schedule:
    return events_module.Schedule(2025, None, today, WorkCalendar(), list(windows))


def test_due_event_at_the_target_judged_by_the_limit():
    moved = Due(D(2025, 3, 28), D(2025, 4, 1))
    s = _schedule(D(2025, 3, 31))  # after the target, not after the limit: not late
    e = events_module.due_event(s, "gundem_hazirlik", moved, "Gündem", "M10(1)", False, "k", "3")
    assert e == Event(
        "gundem_hazirlik",
        D(2025, 3, 28),
        "Gündem; yasal son gün 01.04.2025",
        "M10(1)",
        "yaklasiyor",
        "k",
        "3",
        False,
        None,
        D(2025, 4, 1),
        False,
    )
    late = events_module.due_event(_schedule(D(2025, 4, 2)), "gundem_hazirlik", moved, "G", "M10(1)", False, "k")
    assert (late.status, late.meeting_no, late.proposal) == ("gecikti", None, False)
    same = events_module.due_event(
        s, "bildirim", Due(D(2025, 4, 2), D(2025, 4, 2), True), "B", "M11(3)", True, "k2", None, True, status="gecti"
    )
    assert (same.status, same.limit, same.estimated, same.proposal, same.district) == ("gecti", None, True, True, None)
    assert events_module.due_event(s, "x", moved, "X", "", True, "k").status == "tamamlandi"


def test_missed_only_planned_and_past_its_window():
    """KURALLAR §2: an ordinary meeting only planned whose window's last allowed day has passed counts as not held."""
    w = windows_for(rules.DISTRICT_BOARD_WINDOW, 2025, WorkCalendar())[0]  # last allowed day 30.04.2025
    planned = {"Gerçekleşen Tarih": None}
    w.meeting = planned
    assert events_module.missed(_schedule(D(2025, 5, 1), [w]), planned)
    assert not events_module.missed(_schedule(D(2025, 4, 30), [w]), planned)
    assert not events_module.missed(_schedule(D(2025, 5, 1), [w]), {"Gerçekleşen Tarih": None})  # not its meeting
    held = {"Gerçekleşen Tarih": D(2025, 3, 1)}
    w.meeting = held
    assert not events_module.missed(_schedule(D(2025, 5, 1), [w]), held)
    assert not events_module.missed(_schedule(D(2025, 5, 1), [w]), None)


def test_late_limit_words():
    """M8(3): a district window's late limit, with the legal last day where the shown one differs (2027: 31.10 a
    Sunday, 29.10 Cumhuriyet Bayramı: 28.10 shown); none for a window without one."""
    feb, aug = windows_for(rules.DISTRICT_BOARD_WINDOW, 2027, WorkCalendar())
    assert events_module.late_limit(aug) == "; en geç 28.10.2027 (M8(3); yasal son gün 31.10.2027)"
    assert events_module.late_limit(feb) == "; en geç 30.04.2027 (M8(3))"
    assert events_module.late_limit(windows_for(rules.PROVINCE_BOARD_QUARTERLY, 2027, WorkCalendar())[0]) == ""
