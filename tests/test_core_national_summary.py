"""`ulusal`'s counting in the process (core.national.summarise, _due): the counts per province and year, the
population a province's own documents carry (the largest), M7(1)/M7(2) and M6(9)'s requirement, Turkish order."""

from __future__ import annotations

import datetime as dt

from gockurul_excel.core import national
from gockurul_excel.core.national import Decision, Documents, Meeting, Report

TODAY = dt.date(2026, 11, 24)


def _meeting(
    il: str,
    yil: int,
    kimlik: str,
    kategori: str = "il_gkk",
    tur: str = "olagan",
    *,
    kurul: str = "il",
    ilce: str = "",
    nufus: int | None = None,
) -> Meeting:
    return Meeting(il, ilce, kurul, yil, kimlik, kategori, tur, f"{yil}-03-10", nufus)


def _row(rows: list[dict], il: str, yil: int) -> dict:
    return next(r for r in rows if (r["il"], r["yil"]) == (il, yil))


def test_extra_meetings_counted_one_by_one():
    """Every İl GKK meeting that is not ordinary is one more 'Ek toplantı' (two give 2, not 1)."""
    docs = Documents(
        [
            _meeting("Adana", 2025, "a1", tur="olaganustu"),
            _meeting("Adana", 2025, "a2", tur="ek"),
            _meeting("Adana", 2025, "a3"),
        ],
        [],
        [],
    )
    row = _row(national.summarise(docs, today=TODAY), "Adana", 2025)
    assert (row["ek_toplanti"], row["il_gkk_olagan"]) == (2, 1)


def test_district_board_meetings_counted_one_by_one():
    """Each İlçe GKK meeting of the province's districts counts once in 'İlçe GKK toplantısı'; its category is
    matched exactly, and it is no İl GKK meeting (neither ordinary nor extra)."""
    docs = Documents(
        [_meeting("Adana", 2025, f"i{n}", "ilce_gkk", kurul="ilce", ilce="Seyhan") for n in range(3)]
        + [_meeting("Adana", 2025, "x", "ILCE_GKK", kurul="ilce", ilce="Seyhan")],
        [],
        [],
    )
    row = _row(national.summarise(docs, today=TODAY), "Adana", 2025)
    assert (row["ilce_gkk"], row["il_gkk_olagan"], row["ek_toplanti"]) == (3, 0, 0)


def test_carried_population_is_the_largest_of_the_provinces_documents():
    """M7(1): the province's own documents (schema 1.1) carry its foreign population; of several, the largest
    counts — 12.000 then 8.000 still asks four İl GKK and four Alt Komisyon meetings (10.000 and over)."""
    docs = Documents(
        [
            _meeting("Adana", 2025, "a1", nufus=12_000),
            _meeting("Adana", 2025, "a2", nufus=8_000),
            _meeting("Adana", 2025, "a3", nufus=None),
        ],
        [],
        [],
    )
    row = _row(national.summarise(docs, today=TODAY), "Adana", 2025)
    assert (row["yabanci_nufusu"], row["il_gkk_gereken"], row["alt_komisyon_gereken"]) == (12_000, 4, 4)
    docs = Documents([_meeting("Adana", 2025, "a1", nufus=8_000), _meeting("Adana", 2025, "a2", nufus=12_000)], [], [])
    assert _row(national.summarise(docs, today=TODAY), "Adana", 2025)["yabanci_nufusu"] == 12_000


def test_given_population_wins_and_threshold_both_sides():
    """M7(1)/M7(2), M6(9): 10.000 asks four, 9.999 two; a population given wins over the carried one."""
    docs = Documents([_meeting("Adana", 2025, "a1", nufus=50_000), _meeting("Bolu", 2025, "b1")], [], [])
    rows = national.summarise(docs, today=TODAY, populations={"Adana": 9_999, "Bolu": 10_000})
    assert [(r["il"], r["yabanci_nufusu"], r["il_gkk_gereken"], r["alt_komisyon_gereken"]) for r in rows] == [
        ("Adana", 9_999, 2, 2),
        ("Bolu", 10_000, 4, 4),
    ]


def test_annual_report_yes_no():
    """Ek-3 came from the province board: 'Evet' (one or two documents alike); a district's report is not it."""
    docs = Documents(
        [_meeting("Adana", 2025, "a1"), _meeting("Bolu", 2025, "b1")],
        [],
        [
            Report("Adana", "", "il", 2025, "r1"),
            Report("Adana", "", "il", 2025, "r2"),
            Report("Bolu", "Merkez", "ilce", 2025, "r3"),
        ],
    )
    rows = national.summarise(docs, today=TODAY)
    assert [(r["il"], r["yillik_rapor"]) for r in rows] == [("Adana", "Evet"), ("Bolu", "Hayır")]


def test_rows_in_turkish_order_then_year():
    """Provinces in Turkish alphabetical order (Ç after C, before D; İ after I), then by year."""
    names = ["Denizli", "Çorum", "Ceyhan", "İzmir", "Isparta", "Zonguldak"]
    docs = Documents([_meeting(il, y, f"{il}{y}") for il in names for y in (2025, 2024)], [], [])
    rows = national.summarise(docs, today=TODAY)
    assert [(r["il"], r["yil"]) for r in rows] == [
        (il, y) for il in ("Ceyhan", "Çorum", "Denizli", "Isparta", "İzmir", "Zonguldak") for y in (2024, 2025)
    ]


def test_row_keys_and_status_words():
    """The row is keyed exactly as SUMMARY_COLUMNS; without a population 'nüfus bilinmiyor', else Tamam/Eksik."""
    docs = Documents([_meeting("Adana", 2025, "a1"), _meeting("Adana", 2025, "a2", "alt_komisyon")], [], [])
    (unknown,) = national.summarise(docs, today=TODAY)
    assert list(unknown) == list(national.SUMMARY_COLUMNS)
    assert unknown["durum"] == "nüfus bilinmiyor"
    (short,) = national.summarise(docs, today=TODAY, populations={"Adana": 9_999})
    assert (short["il_gkk_olagan"], short["alt_komisyon_olagan"], short["durum"]) == (1, 1, "Eksik")


def test_decisions_overdue_and_due_dates():
    """A decision open ('bekliyor', 'devam_ediyor') past its Verilen Süre is overdue; no or an unreadable due
    date is no due date (never an error)."""
    decisions = [
        Decision("Adana", "", "il", 2025, "a1", 1, "bekliyor", "2026-11-23"),
        Decision("Adana", "", "il", 2025, "a1", 2, "devam_ediyor", "2026-11-24"),
        Decision("Adana", "", "il", 2025, "a1", 3, "uygulandi", "2020-01-01"),
        Decision("Adana", "", "il", 2025, "a1", 4, "bekliyor", None),
        Decision("Adana", "", "il", 2025, "a1", 5, "bekliyor", "30.06.2026"),
    ]
    (row,) = national.summarise(Documents([], decisions, []), today=TODAY)
    assert (
        row["karar"],
        row["karar_bekliyor"],
        row["karar_devam_ediyor"],
        row["karar_uygulandi"],
        row["karar_suresi_gecen"],
    ) == (5, 3, 1, 1, 1)


def test_due_reads_iso_only():
    assert national._due("2026-06-30") == dt.datetime(2026, 6, 30)
    assert national._due("2026-06-30T10:00:00") == dt.datetime(2026, 6, 30, 10)
    assert national._due(None) is None
    assert national._due(20260630) is None  # type: ignore[arg-type]
    assert national._due("30.06.2026") is None
