"""The schedule's events of decisions, projects and district boards and build_schedule's keys, windows and
proposals, in the process (issue 26: written against the survivors of the mutation run of 8 December 2026 that only
file-writing tests had killed: tests/test_takvim.py, tests/test_year_boundary.py, tests/test_first_board.py)."""

from __future__ import annotations

from gockurul_excel import rules
from gockurul_excel.core import schedule
from gockurul_excel.core.districts import DISTRICT, MEETING_COLS, MEETINGS_SHEET, RECEIVED, SOURCE
from gockurul_excel.core.events import Event
from gockurul_excel.core.model import workbook_from_rows
from gockurul_excel.example import example_settings

from .kontrol.base import book, clean, rows
from .test_core_schedule_parts import Category, D

# The year's events of a province book in the process (build_schedule): decisions' due dates (Ek-1), projects'
# reports (GK(ç)) and the district boards the province follows (M8(1), M8(3)). The example is Gaziantep, 2025,
# with no district setting: every key starts 'Gaziantep//2025/'.
PREFIX = "Gaziantep//2025"


def _events(book_rows: dict, today: D, *kinds: str, state: dict | None = None) -> list[Event]:
    data = (
        book(rows=book_rows)
        if state is None
        else workbook_from_rows(example_settings(), book_rows, state=state, path=book().path)
    )
    return [e for e in schedule.build_schedule(data, today).events if e.kind in kinds]


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
    assert _events(r, D(2025, 6, 10), "karar_suresi") == [
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
    assert _events(r, D(2025, 6, 10), "proje_ara_rapor", "proje_nihai_rapor") == [
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
    assert _events(r, D(2025, 4, 30), "ilce_gkk") == [
        _district_event("Araban", 2, up),
        _district_event("Karkamış", 2, up),
        _district_event("Nizip", 2, up),
        _district_event("Araban", 8, up),
        _district_event("Karkamış", 8, up),
        _district_event("Nizip", 8, up),
    ]
    assert [e.status for e in _events(r, D(2025, 5, 1), "ilce_gkk")] == [past, past, past, up, up, up]


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
    assert _events(r, D(2025, 10, 31), "ilce_gkk", state=state) == [
        _district_event("Araban", 2, "gecikti"),
        _district_event("Karkamış", 2, "gecikti"),
        _district_event("Nizip", 2, "tamamlandi", done),
        _district_event("Araban", 8, "yaklasiyor"),
        _district_event("Karkamış", 8, "yaklasiyor"),
        _district_event("Nizip", 8, "yaklasiyor"),
    ]
    assert [e.status for e in _events(r, D(2025, 11, 1), "ilce_gkk", state=state)] == [
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
    assert [e for e in _events(r, D(2025, 6, 10), "il_gkk") if e.meeting_no == "10"] == [
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
    assert [e for e in _events(r, D(2025, 6, 10), "il_gkk") if e.meeting_no == "4"] == [
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


def test_a_proposal_moved_over_an_estimated_holiday_says_so():
    """KURALLAR §2's example: 2034's Kurban Bayramı (estimated, 1–3 March) moves the March sub-commission to Monday
    6 March; the proposal says it rests on an estimated holiday date."""
    events = schedule.build_schedule(book(rows={}, **{"Yıl": 2034}), D(2034, 2, 1)).events
    (march,) = [e for e in events if e.kind == "alt_komisyon" and e.date.month == 3]
    assert (march.date, march.description, march.estimated) == (
        D(2034, 3, 6),
        "Önerilen tarih: Alt Komisyon olağan toplantısı, Mart ayının ilk haftası (01.03.2034–07.03.2034) (M6(9)) — "
        "tahmini bayram tarihine göre kaydırıldı",
        True,
    )
