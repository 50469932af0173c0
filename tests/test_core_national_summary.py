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


def _board_year(il: str, olagan: int, alt: int, yil: int = 2025) -> list[Meeting]:
    """`olagan` ordinary İl GKK meetings and `alt` ordinary Alt Komisyon meetings of one province and year."""
    return [_meeting(il, yil, f"{il}{yil}g{n}") for n in range(olagan)] + [
        _meeting(il, yil, f"{il}{yil}a{n}", "alt_komisyon") for n in range(alt)
    ]


def test_status_complete_only_when_both_boards_met_their_number():
    """M7(2) and M6(9): under 10.000 foreigners two ordinary İl GKK and two ordinary Alt Komisyon meetings a year;
    exactly two of each is 'Tamam', one short of either is 'Eksik'."""
    docs = Documents(_board_year("Adana", 2, 2) + _board_year("Bolu", 2, 1) + _board_year("Çorum", 1, 2), [], [])
    rows = national.summarise(docs, today=TODAY, populations={"Adana": 9_999, "Bolu": 9_999, "Çorum": 9_999})
    assert [(r["il"], r["il_gkk_olagan"], r["il_gkk_gereken"], r["alt_komisyon_olagan"], r["durum"]) for r in rows] == [
        ("Adana", 2, 2, 2, "Tamam"),
        ("Bolu", 2, 2, 1, "Eksik"),
        ("Çorum", 1, 2, 2, "Eksik"),
    ]
    assert {r["alt_komisyon_gereken"] for r in rows} == {2}


def test_by_year_totals_count_short_unknown_and_reported_provinces():
    """`Yıllara Göre`: per year the provinces, the meetings held and asked, the provinces short of their number
    (Eksik), those without a population, and those whose İl GKK sent its Ek-3."""
    docs = Documents(
        _board_year("Adana", 2, 2) + _board_year("Bolu", 2, 1) + _board_year("Çorum", 1, 2),
        [Decision("Adana", "", "il", 2025, "Adana2025g0", 1, "bekliyor", "2025-03-01")],
        [Report("Adana", "", "il", 2025, "r1")],
    )
    summary = national.summarise(docs, today=TODAY, populations={"Adana": 9_999, "Bolu": 9_999})
    assert [r["durum"] for r in summary] == ["Tamam", "Eksik", "nüfus bilinmiyor"]
    assert national.by_year(summary) == [[2025, 3, 5, 6, 5, 6, 1, 1, 1, 1, 0, 0, 0, 1, 1]]
    assert len(national.BY_YEAR_COLUMNS) == 15


def test_overdue_only_while_open():
    """Only a decision still open ('bekliyor', 'devam_ediyor') can be past its Verilen Süre; one carried out or
    given up is not overdue, however old its date."""
    past = "2026-11-23"
    decisions = [
        Decision("Adana", "", "il", 2025, "a1", n, durum, past)
        for n, durum in enumerate(["bekliyor", "devam_ediyor", "uygulandi", "uygulanamadi"], 1)
    ]
    assert [national._overdue(k, TODAY) for k in decisions] == [True, True, False, False]
    (row,) = national.summarise(Documents([], decisions, []), today=TODAY)
    assert row["karar_suresi_gecen"] == 2


def test_combine_counts_a_copied_annual_report_once_and_keeps_each_other():
    """The same Ek-3 export found in two folders counts once; another province's report stays."""
    adana, bolu = Report("Adana", "", "il", 2025, "r1"), Report("Bolu", "", "il", 2025, "r2")
    copy = Report("Adana", "", "il", 2025, "r1")
    combined = national.combine([Documents([], [], [adana]), Documents([], [], [copy, bolu])])
    assert combined.annual == [adana, bolu]
    assert combined.annual[0] is adana


def test_status_complete_only_when_both_boards_reach_their_number():
    """M7(2), M6(9): under 10.000 the province board and the subcommission each owe two ordinary meetings.
    Exactly two of each is 'Tamam' (the requirement met, not exceeded); one short on either side is 'Eksik'."""

    def status(il_gkk: int, alt: int) -> tuple:
        meetings = [_meeting("Adana", 2025, f"i{n}") for n in range(il_gkk)]
        meetings += [_meeting("Adana", 2025, f"a{n}", "alt_komisyon") for n in range(alt)]
        (row,) = national.summarise(Documents(meetings, [], []), today=TODAY, populations={"Adana": 9_999})
        return row["il_gkk_olagan"], row["alt_komisyon_olagan"], row["durum"]

    assert status(2, 2) == (2, 2, "Tamam")
    assert status(3, 3) == (3, 3, "Tamam")
    assert status(2, 1) == (2, 1, "Eksik")
    assert status(1, 2) == (1, 2, "Eksik")


def test_status_complete_at_the_quarterly_number():
    """M7(1), M6(9): from 10.000 on four of each are owed; four and four is 'Tamam', four and three 'Eksik'."""
    meetings = [_meeting("Bolu", 2025, f"i{n}") for n in range(4)]
    meetings += [_meeting("Bolu", 2025, f"a{n}", "alt_komisyon") for n in range(3)]
    (short,) = national.summarise(Documents(meetings, [], []), today=TODAY, populations={"Bolu": 10_000})
    assert (short["il_gkk_gereken"], short["alt_komisyon_gereken"], short["durum"]) == (4, 4, "Eksik")
    meetings.append(_meeting("Bolu", 2025, "a3", "alt_komisyon"))
    (done,) = national.summarise(Documents(meetings, [], []), today=TODAY, populations={"Bolu": 10_000})
    assert done["durum"] == "Tamam"


def test_by_year_totals_every_column():
    """`Yıllara Göre`: per year, the provinces' counts summed; 'Eksik il' counts the provinces short of their
    ordinary meetings, 'Nüfusu bilinmeyen il' those without a population, 'Yıllık rapor gelen il' those whose
    province board's Ek-3 came (not the complete ones, nor the unknown ones, nor the 'Hayır' ones)."""
    meetings = [
        # Adana 2025: complete (2 + 2 under 10.000), its Ek-3 came
        *(_meeting("Adana", 2025, f"ad{n}") for n in range(2)),
        *(_meeting("Adana", 2025, f"aa{n}", "alt_komisyon") for n in range(2)),
        # Bolu 2025: short (one İl GKK), no Ek-3
        _meeting("Bolu", 2025, "b1"),
        # Kilis 2025: no population, its Ek-3 came
        _meeting("Kilis", 2025, "k1"),
        # Adana 2024: short (nothing ordinary), one extra meeting
        _meeting("Adana", 2024, "x1", tur="ek"),
    ]
    decisions = [
        Decision("Bolu", "", "il", 2025, "b1", 1, "bekliyor", "2026-01-01"),
        Decision("Bolu", "", "il", 2025, "b1", 2, "uygulandi", None),
        Decision("Kilis", "", "il", 2025, "k1", 1, "uygulanamadi", None),
        Decision("Adana", "", "il", 2024, "x1", 1, "devam_ediyor", "2030-01-01"),
    ]
    annual = [Report("Adana", "", "il", 2025, "r1"), Report("Kilis", "", "il", 2025, "r2")]
    summary = national.summarise(
        Documents(meetings, decisions, annual), today=TODAY, populations={"Adana": 5_000, "Bolu": 20_000}
    )
    assert len(national.BY_YEAR_COLUMNS) == 15
    assert national.by_year(summary) == [
        # Yıl, il, İl GKK yapılan/gereken, Alt Komisyon yapılan/gereken, Eksik, bilinmeyen, Karar,
        # Bekliyor, Devam Ediyor, Uygulandı, Uygulanamadı, Süresi geçen, Ek-3 gelen
        [2024, 1, 0, 2, 0, 2, 1, 0, 1, 0, 1, 0, 0, 0, 0],
        [2025, 3, 4, 2 + 4 + 2, 2, 2 + 4 + 2, 1, 1, 3, 1, 0, 1, 1, 1, 2],
    ]


def test_combine_keeps_each_annual_report_once_and_every_distinct_one():
    """The same Ek-3 export found in two folders counts once; two different ones (another kimlik) stay two."""
    r1 = Report("Adana", "", "il", 2025, "r1")
    r2 = Report("Bolu", "", "il", 2025, "r2")
    r1_copy = Report("Adana", "", "il", 2025, "r1")
    docs = national.combine([Documents([], [], [r1]), Documents([], [], [r1_copy, r2])])
    assert docs.annual == [r1, r2]
    assert docs.annual[0] is r1  # the first one found is kept


def test_overdue_only_while_open_and_not_on_its_due_day():
    """A decision past its Verilen Süre is overdue only while open ('bekliyor', 'devam_ediyor'); one applied
    or found inapplicable is never overdue, whatever its due date. The due day itself is not yet overdue."""

    def overdue(durum: str, due: str | None) -> bool:
        return national._overdue(Decision("Adana", "", "il", 2025, "a1", 1, durum, due), TODAY)

    assert overdue("bekliyor", "2026-11-23") is True
    assert overdue("devam_ediyor", "2026-11-23") is True
    assert overdue("bekliyor", "2026-11-24") is False
    assert overdue("uygulandi", "2026-11-23") is False
    assert overdue("uygulanamadi", "2020-01-01") is False
    assert overdue("bekliyor", None) is False
