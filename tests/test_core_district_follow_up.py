"""The province's follow-up of its district boards in the process (core.districts; M8(1), M8(2), M8(3), M12(4),
M12(5)): which districts must meet, which windows they met (in time, late, missed, pending, not required), whose
minutes came late, their open and overdue decisions; the values as merged and compared."""

from __future__ import annotations

import datetime as dt

from gockurul_excel import rules
from gockurul_excel.core import districts
from gockurul_excel.core.districts import (
    DECISIONS_SHEET,
    MEETINGS_SHEET,
    DistrictRows,
    MergedState,
    MinutesStatus,
    WindowStatus,
    district_follow_up,
    district_key,
    required_district_boards,
    required_reason,
    typed_value,
)

from .kontrol.base import book, clean

D = dt.date
BOARD = rules.MeetingCategory.DISTRICT_BOARD.value


def test_district_key_and_merged_state_lookup():
    assert district_key("  Şehit   Kamil ") == "şehit kamil"
    assert district_key("İSLAHİYE") == "islahiye"
    state = MergedState({"nizip": DistrictRows("Nizip")})
    assert state.get(" NİZİP ") is state.districts["nizip"]
    assert state.get("Araban") is None


def test_norm_as_compared_across_runs():
    assert [
        districts._norm(v) for v in (None, dt.datetime(2025, 3, 5, 10, 30), D(2025, 3, 5), 3.0, 3.5, " a  b ", 7)
    ] == ["", "2025-03-05", "2025-03-05", "3", "3.5", "a b", "7"]


def test_typed_value_by_column():
    """A merged cell read back: dates and integers by column, blanks and unreadable values as None, text folded."""
    assert typed_value("Planlanan Tarih", None) is None
    assert typed_value("Alan", "   ") is None
    assert typed_value("Verilen Süre", "05.03.2025") == D(2025, 3, 5)
    assert typed_value("İle Ulaşma Tarihi", "yarın") is None
    assert typed_value("Sıra", "3") == 3
    assert typed_value("Sıra", "üç") is None
    assert typed_value("Toplantı No", 3.0) == "3"
    assert typed_value("Toplantı No", 3.5) == "3.5"
    assert typed_value("Toplantı No", 4) == "4"
    assert typed_value("Alan", "  Eğitim   ve  sağlık ") == "Eğitim ve sağlık"


def test_required_reason_m8_1_m8_2():
    assert required_reason(2_000, False) == (True, "Zorunlu: yabancı nüfusu 2.000 ve üzeri (M8(1))")
    assert required_reason(1_999, True) == (True, "Zorunlu: düzensiz göçe konu hudut ilçesi (M8(1))")
    assert required_reason(1_999, False) == (
        False,
        "Zorunlu değil: yabancı nüfusu 2.000'in altında, hudut ilçesi değil (M8(2): kaymakamın takdiri)",
    )


def test_required_district_boards_of_the_example():
    """M8(1): the example's districts of 2.000 and over (İslahiye exactly 2.000) or on the border (Karkamış, 850);
    Oğuzeli (1.999), Nurdağı, Yavuzeli need not."""
    assert [d["İlçe"] for d in required_district_boards(book())] == [
        "Şahinbey",
        "Şehitkamil",
        "Nizip",
        "İslahiye",
        "Karkamış",
        "Araban",
    ]


def test_window_and_minutes_status_words():
    s = WindowStatus("Şubat/Mart", D(2025, 2, 1), D(2025, 3, 31), D(2025, 4, 30), districts.IN_TIME, "3", D(2025, 3, 5))
    assert s.text() == "Yapıldı: 05.03.2025 (toplantı 3)"
    s.status, s.held = districts.LATE, D(2025, 4, 10)
    assert s.text() == "Yapıldı: 10.04.2025 (toplantı 3) — geç, M8(3) süresi içinde"
    bare = WindowStatus("Şubat/Mart", D(2025, 2, 1), D(2025, 3, 31), D(2025, 4, 30), districts.MISSING)
    assert bare.text() == "Yapılmadı — son gün 30.04.2025 geçti"
    bare.status = districts.NOT_REQUIRED
    assert bare.text() == "Zorunlu değil"
    bare.status = districts.PENDING
    assert bare.text() == "Bekleniyor: 01.02.2025–31.03.2025, en geç 30.04.2025"
    assert not MinutesStatus("1", D(2025, 3, 5), D(2025, 3, 20), None, "x").late
    assert not MinutesStatus("1", D(2025, 3, 5), D(2025, 3, 20), D(2025, 3, 20), "x").late
    assert MinutesStatus("1", D(2025, 3, 5), D(2025, 3, 20), D(2025, 3, 21), "x").late


def _nizip() -> DistrictRows:
    rows = DistrictRows("Nizip", source="nizip-2025.xlsx")

    def meeting(no, kind, held, sent=None, category=BOARD):
        rows.tables[MEETINGS_SHEET].append(
            {
                "Toplantı No": no,
                "Kategori": category,
                "Tür": kind,
                "Planlanan Tarih": held,
                "Gerçekleşen Tarih": held,
                "Tutanak Tebliğ Tarihi": sent,
            }
        )

    meeting("0", "Olağan", D(2024, 12, 20))  # last year's
    meeting("1", "Olağan", D(2025, 3, 5), D(2025, 3, 25))
    meeting("3", "Olağanüstü", D(2025, 5, 5), D(2025, 5, 20))
    meeting("2", "Olağan", D(2025, 10, 10))
    meeting("4", "Olağan", None)  # only planned
    meeting("5", "Olağan", D(2025, 3, 6), category="Alt Komisyon")
    rows.received = {"2": D(2025, 10, 20)}
    for no, status, due in (
        ("1", "Bekliyor", D(2025, 6, 1)),
        ("2", "Devam Ediyor", D(2025, 11, 1)),
        ("3", "Uygulandı", D(2025, 1, 1)),
        ("4", "Devam Ediyor", None),
    ):
        rows.tables[DECISIONS_SHEET].append({"Karar No": no, "Toplantı No": "1", "Durum": status, "Verilen Süre": due})
    return rows


def test_follow_up_of_a_merged_district():
    """Nizip (2.001, merged): Şubat/Mart met on 05.03 in time; Ağustos/Eylül met on 10.10, late but by M8(3)'s
    31.10. Minutes (M12(4), M12(5): 15 days after the meeting, moved to a working day): meeting 1's sent 25.03,
    due 20.03 — late; meeting 3 (extra) sent 20.05, due 20.05 — in time; meeting 2's not sent, so judged by the
    date the province received it (20.10, due Monday 27.10). Open decisions 1, 2, 4; overdue on 01.11 only 1
    (2's Verilen Süre is that very day)."""
    (status,) = [
        s for s in district_follow_up(book(), MergedState({"nizip": _nizip()}), D(2025, 11, 1)) if s.district == "Nizip"
    ]
    assert (
        status.population,
        status.border,
        status.required,
        status.reason,
        status.merged,
        status.cell,
        status.open_decisions,
        status.overdue_decisions,
        status.source,
    ) == (2_001, False, True, "Zorunlu: yabancı nüfusu 2.000 ve üzeri (M8(1))", True, "A4", 3, 1, "nizip-2025.xlsx")
    assert [(w.label, w.status, w.meeting_no, w.held, w.start, w.end, w.limit) for w in status.windows] == [
        ("Şubat/Mart", "zamaninda", "1", D(2025, 3, 5), D(2025, 2, 1), D(2025, 3, 31), D(2025, 4, 30)),
        ("Ağustos/Eylül", "gec", "2", D(2025, 10, 10), D(2025, 8, 1), D(2025, 9, 30), D(2025, 10, 31)),
    ]
    assert status.minutes == [
        MinutesStatus("1", D(2025, 3, 5), D(2025, 3, 20), D(2025, 3, 25), "Tutanak Tebliğ Tarihi"),
        MinutesStatus("3", D(2025, 5, 5), D(2025, 5, 20), D(2025, 5, 20), "Tutanak Tebliğ Tarihi"),
        MinutesStatus("2", D(2025, 10, 10), D(2025, 10, 27), D(2025, 10, 20), "İle Ulaşma Tarihi"),
    ]
    assert [m.late for m in status.minutes] == [True, False, False]


def test_follow_up_window_ends_and_districts_not_merged():
    """A window's last allowed day: held on it is late but counted, a day after is not; a required district not
    merged misses a window the day after its limit (M8(3)), is pending on it; one not required is 'gerekmiyor'."""
    rows = DistrictRows("Nizip")
    for no, held in (("1", D(2025, 4, 30)), ("2", D(2025, 11, 1)), ("3", D(2025, 8, 1))):
        rows.tables[MEETINGS_SHEET].append(
            {
                "Toplantı No": no,
                "Kategori": BOARD,
                "Tür": "Olağan",
                "Gerçekleşen Tarih": held,
                "Tutanak Tebliğ Tarihi": None,
            }
        )
    found = {s.district: s for s in district_follow_up(book(), MergedState({"nizip": rows}), D(2025, 4, 30))}
    assert [(w.status, w.meeting_no) for w in found["Nizip"].windows] == [("gec", "1"), ("zamaninda", "3")]
    assert [w.status for w in found["Araban"].windows] == ["bekleniyor", "bekleniyor"]
    assert (
        found["Araban"].merged,
        found["Araban"].minutes,
        found["Araban"].open_decisions,
        found["Araban"].source,
    ) == (False, [], 0, "")
    assert [w.status for w in found["Oğuzeli"].windows] == ["gerekmiyor", "gerekmiyor"]
    assert (found["Oğuzeli"].required, found["Karkamış"].required, found["Karkamış"].border) == (False, True, True)
    later = {s.district: s for s in district_follow_up(book(), MergedState(), D(2025, 5, 1))}
    assert [w.status for w in later["Araban"].windows] == ["yapilmadi", "bekleniyor"]
    assert list(later) == [
        "Şahinbey",
        "Şehitkamil",
        "Nizip",
        "İslahiye",
        "Oğuzeli",
        "Karkamış",
        "Nurdağı",
        "Araban",
        "Yavuzeli",
    ]


def test_follow_up_without_a_year_has_no_windows():
    (nizip,) = [
        s
        for s in district_follow_up(book(**{"Yıl": None}), MergedState({"nizip": _nizip()}), D(2025, 11, 1))
        if s.district == "Nizip"
    ]
    assert nizip.windows == []
    assert [m.meeting_no for m in nizip.minutes] == ["0", "1", "3", "2"]  # every year's, by date


def test_minutes_rule_is_the_district_boards():
    """M12(4), M12(5): a district board's minutes go to the member institutions and the province (not M12(2))."""
    rule = districts._minutes_rule()
    assert (rule.kind, rule.articles, rule.direction, rule.days) == (
        "tutanak_teblig",
        "M12(4), M12(5)",
        rules.Direction.AFTER,
        15,
    )


def test_follow_up_skips_a_nameless_district_row_and_goes_on():
    book_rows = clean()
    book_rows["İlçeler"].insert(2, [None, 5_000, "Hayır"])
    statuses = district_follow_up(book(rows=book_rows), MergedState(), D(2025, 5, 1))
    assert [s.district for s in statuses] == [
        "Şahinbey",
        "Şehitkamil",
        "Nizip",
        "İslahiye",
        "Oğuzeli",
        "Karkamış",
        "Nurdağı",
        "Araban",
        "Yavuzeli",
    ]
    assert [s.cell for s in statuses][:4] == ["A2", "A3", "A5", "A6"]


def test_only_an_ordinary_meeting_meets_a_window():
    """M8(1), M8(3): an extra meeting inside a window does not meet it, nor does an ordinary one held outside every
    window (May); each window is met by an ordinary meeting held inside it."""
    rows = DistrictRows("Nizip")
    for no, kind, held in (
        ("7", "Olağanüstü", D(2025, 2, 10)),
        ("8", "Olağan", D(2025, 5, 15)),
        ("9", "Olağan", D(2025, 9, 10)),
    ):
        rows.tables[MEETINGS_SHEET].append(
            {
                "Toplantı No": no,
                "Kategori": BOARD,
                "Tür": kind,
                "Gerçekleşen Tarih": held,
                "Tutanak Tebliğ Tarihi": None,
            }
        )
    (nizip,) = [
        s for s in district_follow_up(book(), MergedState({"nizip": rows}), D(2025, 11, 1)) if s.district == "Nizip"
    ]
    assert [(w.status, w.meeting_no) for w in nizip.windows] == [("yapilmadi", None), ("zamaninda", "9")]


def test_not_required_windows_keep_their_dates():
    (oguzeli,) = [s for s in district_follow_up(book(), MergedState(), D(2025, 5, 1)) if s.district == "Oğuzeli"]
    assert oguzeli.windows == [
        WindowStatus("Şubat/Mart", D(2025, 2, 1), D(2025, 3, 31), D(2025, 4, 30), "gerekmiyor"),
        WindowStatus("Ağustos/Eylül", D(2025, 8, 1), D(2025, 9, 30), D(2025, 10, 31), "gerekmiyor"),
    ]


def test_missed_and_pending_windows_keep_their_dates():
    (araban,) = [s for s in district_follow_up(book(), MergedState(), D(2025, 5, 1)) if s.district == "Araban"]
    assert araban.windows == [
        WindowStatus("Şubat/Mart", D(2025, 2, 1), D(2025, 3, 31), D(2025, 4, 30), "yapilmadi"),
        WindowStatus("Ağustos/Eylül", D(2025, 8, 1), D(2025, 9, 30), D(2025, 10, 31), "bekleniyor"),
    ]


def test_held_on_the_windows_last_regular_day_is_in_time():
    """M8(1): held on 31.03 (the window's last regular day) is in time; M8(3) lateness starts the day after."""
    rows = DistrictRows("Nizip")
    rows.tables[MEETINGS_SHEET].append(
        {
            "Toplantı No": "1",
            "Kategori": BOARD,
            "Tür": "Olağan",
            "Gerçekleşen Tarih": D(2025, 3, 31),
            "Tutanak Tebliğ Tarihi": None,
        }
    )
    (nizip,) = [
        s for s in district_follow_up(book(), MergedState({"nizip": rows}), D(2025, 5, 1)) if s.district == "Nizip"
    ]
    assert nizip.windows[0].status == "zamaninda"
