"""core.annual in the process: the year's meetings, decisions and unresolved problems of the annual evaluation report
(Ek-3 items 2–4, M13), the district boards merged into a province (M13(1)), and what the report would print without
(items 5–6, unmerged districts that must hold boards, M8(1)). Rows carried over belong to their own year (KURALLAR
§7); a meeting only planned is no meeting of the year (KURALLAR §5)."""

from __future__ import annotations

import datetime as dt
from functools import cache

from gockurul_excel import contract
from gockurul_excel.core import annual, districts
from gockurul_excel.core.annual import Category, DistrictRecord, YearMeeting
from gockurul_excel.findings import WARNING, Finding

from .kontrol.base import book, clean, rows
from .test_annual_districts import YEAR as MERGED_YEAR
from .test_annual_districts import merged as merge_kiziltepe
from .test_annual_districts import province_book

D = dt.date
IL, ALT, ILCE = Category.PROVINCE_BOARD.value, Category.SUBCOMMISSION.value, Category.DISTRICT_BOARD.value


merged = cache(merge_kiziltepe)  # a merge is most of this file's time: once, read only


def decisions(**columns) -> list[list]:
    base = dict(
        alinan_karar="Karar",
        karar_gerekcesi="G",
        amac="A",
        sorumlu_kurum_ve_kuruluslar="Valilik",
        verilen_sure=D(2025, 12, 1),
        durum="Bekliyor",
    )
    return rows("Kararlar", **{**base, **columns})


def year_book(**settings):
    return book(rows=year_rows(), **settings)


def year_rows() -> dict[str, list[list]]:
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar",
        toplanti_no=["10", "1", "2", "3", "4", None, "5"],
        kategori=[IL, IL, ALT, IL, IL, IL, "Kurul"],
        tur="Olağan",
        planlanan_tarih=[None, D(2025, 1, 10), D(2025, 3, 3), None, None, D(2025, 2, 2), None],
        gerceklesen_tarih=[D(2025, 1, 15), D(2025, 1, 15), None, D(2024, 12, 20), None, None, D(2025, 6, 1)],
    )
    data["Sorunlar"] = rows(
        "Sorunlar",
        sorun_no=["8", "1", "2", "3", "4", "5", "6", "7"],
        toplanti_no=["2", "1", "1", "3", "1", "7", "1", "10"],
        alan="Eğitim",
        tespit_edilen_sorun="Sorun",
        durum=["Açık", "Açık", "Çözüldü", "Çözülemedi", "Açık", "Açık", "Açık", "Açık"],
        devreden_yil=[None, None, None, None, None, 2024, 2024, None],
    )
    data["Kararlar"] = decisions(
        karar_no=["2", "1", "1", "5", "7", "8", "3"],
        toplanti_no=["10", "10", "1", "3", "1", "1", "10"],
        sorun_no=["2024/5", "3", "1", "2", "5", "6", "2"],
        devreden_yil=[None, None, None, None, 2024, 2024, None],
    )
    return data


def test_year_meetings_held_or_planned_in_the_year_in_date_then_number_order():
    meetings = annual.year_meetings(year_book(), 2025)
    assert list(meetings) == ["1", "10", "2", "5"]
    assert meetings["1"] == YearMeeting("1", Category.PROVINCE_BOARD, D(2025, 1, 15), None, True)
    assert meetings["2"] == YearMeeting("2", Category.SUBCOMMISSION, D(2025, 3, 3), None, False)
    assert meetings["5"].category is None
    assert list(annual.year_meetings(year_book(), 2024)) == ["3"]
    assert annual.year_meetings(year_book(), 2026) == {}


def test_a_meetings_label():
    assert YearMeeting("1", Category.PROVINCE_BOARD, D(2025, 1, 15)).label == "İl GKK 1\n15.01.2025"
    assert YearMeeting("2", Category.DISTRICT_BOARD, D(2025, 3, 3), "Nizip").label == "Nizip İlçe GKK 2\n03.03.2025"
    assert YearMeeting("5", None, D(2025, 6, 1)).label == "Toplantı 5\n01.06.2025"
    assert YearMeeting("5", None, D(2025, 6, 1)).held is True


def test_board_types_a_province_lists_every_type_a_district_its_own_and_what_it_held():
    """M13(1): a province's report covers the province's and the districts' boards."""
    every = [Category.PROVINCE_BOARD, Category.SUBCOMMISSION, Category.DISTRICT_BOARD]
    assert annual.board_types(year_book(), {}) == every
    assert annual.board_types(year_book(**{"Kurul Türü": None}), {}) == every
    district = year_book(**{"Kurul Türü": "İlçe", "İlçe": "Nizip"})
    assert annual.board_types(district, {}) == [Category.DISTRICT_BOARD]
    assert annual.board_types(district, annual.year_meetings(district, 2025)) == [
        Category.PROVINCE_BOARD,
        Category.SUBCOMMISSION,
        Category.DISTRICT_BOARD,
    ]
    sub = {"2": YearMeeting("2", Category.SUBCOMMISSION, D(2025, 3, 3))}
    assert annual.board_types(district, sub) == [Category.SUBCOMMISSION, Category.DISTRICT_BOARD]


def test_year_decisions_of_the_years_meetings_not_carried_by_meeting_then_number():
    data = year_book()
    got = annual.year_decisions(data, annual.year_meetings(data, 2025))
    assert [(d["Toplantı No"], d["Karar No"]) for d in got] == [("1", "1"), ("10", "1"), ("10", "2"), ("10", "3")]


def test_unresolved_problems_open_or_unsolved_with_a_decision_of_the_year():
    """Ek-3 item 4 (M13(4)): 1 raised and decided this year; 3 raised last year, decided this year; carried 5
    named "2024/5" by a decision of this year. Not 2 (solved), 4 (no decision), 6 (carried, only last year's
    decision on it)."""
    data = year_book()
    meetings = annual.year_meetings(data, 2025)
    unresolved, by_problem = annual.unresolved_problems(data, meetings, annual.year_decisions(data, meetings))
    assert [(p["Sorun No"], annual.origin_year(p)) for p in unresolved] == [("1", None), ("3", None), ("5", 2024)]
    assert {k: [(d["Toplantı No"], d["Karar No"]) for d in v] for k, v in by_problem.items()} == {
        (None, "1"): [("1", "1")],
        (None, "2"): [("10", "3"), ("3", "5")],
        (None, "3"): [("10", "1")],
        (2024, "5"): [("10", "2"), ("1", "7")],
        (2024, "6"): [("1", "8")],
    }


def test_a_problem_of_an_earlier_year_decided_only_then_is_not_this_years_unresolved_problem():
    """M13(4): item 4 lists the problems the year's boards took decisions on. Problem 1, raised and decided at
    last year's meeting 3 and still open, had no decision this year; problem 2, raised and decided this year, is
    listed."""
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar",
        toplanti_no=["3", "1"],
        kategori=IL,
        tur="Olağan",
        gerceklesen_tarih=[D(2024, 12, 20), D(2025, 1, 15)],
    )
    data["Sorunlar"] = rows(
        "Sorunlar", sorun_no=["1", "2"], toplanti_no=["3", "1"], alan="Eğitim", tespit_edilen_sorun="S", durum="Açık"
    )
    data["Kararlar"] = decisions(karar_no=["1", "1"], toplanti_no=["3", "1"], sorun_no=["1", "2"])
    data = book(rows=data)
    meetings = annual.year_meetings(data, 2025)
    unresolved, _ = annual.unresolved_problems(data, meetings, annual.year_decisions(data, meetings))
    assert [(p["Sorun No"], p.row) for p in unresolved] == [("2", 3)]
    meetings = annual.year_meetings(data, 2024)
    unresolved, _ = annual.unresolved_problems(data, meetings, annual.year_decisions(data, meetings))
    assert [(p["Sorun No"], p.row) for p in unresolved] == [("1", 2)]


def test_unresolved_problems_of_last_year_decided_last_year_are_not_this_years():
    """M13(4): problem 9, raised at a board held in 2024 and decided there, still open, not carried: it is in the
    2024 report (raised and decided that year), not in the 2025 one (no board of 2025 raised or decided it)."""
    data = year_rows()
    data["Sorunlar"] += rows(
        "Sorunlar", sorun_no="9", toplanti_no="3", alan="Eğitim", tespit_edilen_sorun="S", durum="Açık"
    )
    data["Kararlar"] += decisions(karar_no="9", toplanti_no="3", sorun_no="9")
    data = book(rows=data)

    def unresolved(year: int) -> list:
        meetings = annual.year_meetings(data, year)
        found, _ = annual.unresolved_problems(data, meetings, annual.year_decisions(data, meetings))
        return [p["Sorun No"] for p in found]

    assert unresolved(2025) == ["1", "3", "5"]
    assert unresolved(2024) == ["3", "9"]


def test_year_rows_count_only_held_meetings_and_find_each_rows_meeting_and_decisions():
    data = year_book()
    year = annual.YearRows(data, 2025)
    assert year.year == 2025
    assert year.count(Category.PROVINCE_BOARD) == 2 and year.count(Category.SUBCOMMISSION) == 0
    assert year.count(Category.DISTRICT_BOARD) == 0
    assert [p["Sorun No"] for p in year.problems] == ["1", "2", "4", "7", "8"]  # by meeting date: 1 and 10, then 2
    assert [(d["Toplantı No"], d["Karar No"]) for d in year.decisions][:2] == [("1", "1"), ("10", "1")]
    assert [p["Sorun No"] for p in year.unresolved] == ["1", "3", "5"]
    assert year.meeting(year.decisions[1]).no == "10"
    assert [d["Karar No"] for d in year.decisions_on(year.unresolved[2])] == ["2", "7"]
    assert annual.YearRows(year_book(**{"Kurul Türü": "İlçe", "İlçe": "Nizip"}), 2025).districts is None


def test_year_rows_of_a_province_with_a_district_merged():
    """M13(1): the merged district's held boards count with the province's own district boards (none here)."""
    year = annual.YearRows(merged(), MERGED_YEAR)

    def named(rs, number):
        return [(getattr(r, "district", None), r[number]) for r in rs]

    assert named(year.problems, "Sorun No") == [(None, "1"), ("Kızıltepe", "1"), ("Kızıltepe", "2")]  # own first
    assert named(year.decisions, "Karar No") == [(None, "1"), ("Kızıltepe", "1"), ("Kızıltepe", "2")]
    assert named(year.unresolved, "Sorun No") == [(None, "1"), ("Kızıltepe", "1")]
    assert year.count(Category.DISTRICT_BOARD) == 2 and year.count(Category.PROVINCE_BOARD) == 1
    district_problem = next(p for p in year.unresolved if isinstance(p, DistrictRecord))
    assert (district_problem.district, district_problem["Sorun No"]) == ("Kızıltepe", "1")
    assert [d["Alınan Karar"] for d in year.decisions_on(district_problem)] == ["Tercüman istenmesine"]
    assert year.meeting(district_problem) == YearMeeting(
        "1", Category.DISTRICT_BOARD, D(MERGED_YEAR, 2, 21), "Kızıltepe", True
    )


def test_district_year_of_a_merged_province():
    dy = annual.district_year(merged(), MERGED_YEAR)
    assert [(k, m.held) for k, m in dy.meetings.items()] == [
        (("Kızıltepe", "1"), True),
        (("Kızıltepe", "2"), True),
        (("Kızıltepe", "3"), False),
    ]
    assert [(r["Sorun No"], r["Durum"]) for r in dy.problems] == [("1", "Çözülemedi"), ("2", "Çözüldü")]
    assert [r["Karar No"] for r in dy.decisions] == ["1", "2"]
    assert [(r["Sorun No"], r[contract.CARRIED_COLUMN]) for r in dy.unresolved] == [("1", None)]
    assert {k: [r["Karar No"] for r in v] for k, v in dy.by_problem.items()} == {
        ("Kızıltepe", None, "1"): ["1"],
        ("Kızıltepe", MERGED_YEAR - 1, "1"): ["1"],
        ("Kızıltepe", None, "2"): ["2"],
    }
    assert dy.not_merged == ["Nusaybin"] and dy.merged is True
    assert annual.district_year(merged(), MERGED_YEAR + 1).meetings == {}
    unmerged = annual.district_year(province_book(), MERGED_YEAR)
    assert (unmerged.meetings, unmerged.not_merged, unmerged.merged) == ({}, ["Kızıltepe", "Nusaybin"], False)


def test_a_district_rows_problem_reference():
    def ref(value, carried=None):
        return annual._district_ref(DistrictRecord("Nizip", {"Sorun No": value, contract.CARRIED_COLUMN: carried}))

    assert ref("2024/3") == ("Nizip", 2024, "3") and ref(" 2024 / 3a ") == ("Nizip", 2024, "3a")
    assert ref("24/3") == ("Nizip", None, "24/3") and ref("abcd/3", 2023) == ("Nizip", 2023, "abcd/3")
    assert ref("2024/") == ("Nizip", None, "2024/") and ref("3", 2023) == ("Nizip", 2023, "3")
    assert ref("2024/3/1") == ("Nizip", 2024, "3/1")  # the year is what comes before the first slash
    assert ref(None) is None


def test_a_district_record_reads_as_a_workbook_row():
    r = DistrictRecord("Nizip", {"Alan": "Eğitim", "Durum": None, contract.CARRIED_COLUMN: 2024})
    assert r["Alan"] == "Eğitim" and r["Yok"] is None and r.get("Durum", "x") == "x" and r.get("Alan") == "Eğitim"
    assert r.bad == {} and r.raw is r.values and annual.origin_year(r) == 2024


def gap(item: int, year: int, column: str, cell=None) -> Finding:
    return Finding(
        WARNING,
        "M13(1)",
        "Yıllık Rapor",
        cell,
        f"{year} yılı Ek-3 madde {item} yazılmamış: metni 'Yıllık Rapor' sayfasında {year} satırının "
        f"'{column}' sütununa yazın; yazılmazsa madde elle doldurulmak üzere boş basılır.",
    )


SUPPORT, CONCLUSION = contract.ANNUAL_SUPPORT_COLUMN, contract.ANNUAL_CONCLUSION_COLUMN


def test_report_gaps_items_5_and_6_not_written():
    district = {"Kurul Türü": "İlçe", "İlçe": "Nizip"}  # no districts to merge
    assert annual.report_gaps(book(**district), 2025) == []
    assert annual.report_gaps(book(**district), 2024) == [gap(5, 2024, SUPPORT), gap(6, 2024, CONCLUSION)]
    data = clean()
    data["Yıllık Rapor"] = rows(
        "Yıllık Rapor",
        yil=[2024, 2025, 2025],
        beklenen_destekler=["Destek", "  ", None],
        **{CONCLUSION: [None, "Sonuç", "Sonuç 2"]},
    )
    written = book(rows=data, **district)
    assert annual.report_gaps(written, 2025) == [gap(5, 2025, SUPPORT, "B3")]  # the first row of the year
    assert annual.user_text(written, 2024, SUPPORT) == "Destek" and annual.user_text(written, 2025, SUPPORT) is None
    assert annual.user_text(written, 2025, CONCLUSION) == "Sonuç" and annual.user_text(written, 2026, SUPPORT) is None
    del written.tables["Yıllık Rapor"]
    message = (
        "Ek-3 madde {} yazılamaz: kitapta 'Yıllık Rapor' sayfası yok; kitabı 'gockurul guncelle' ile "
        "güncelleyin. Yazılmazsa madde boş basılır."
    )
    assert annual.report_gaps(written, 2025) == [
        Finding(WARNING, "M13(1)", "Yıllık Rapor", None, message.format(5)),
        Finding(WARNING, "M13(1)", "Yıllık Rapor", None, message.format(6)),
    ]


def unmerged(names: str, year: int) -> Finding:
    return Finding(
        WARNING,
        "M13(1)",
        "İlçeler",
        None,
        f"Kurul toplaması zorunlu (M8(1)) ilçelerden {names} kitabı il kitabına birleştirilmemiş: {year} "
        "yılı Ek-3'ünde bu ilçelerin kurulları yer almaz. İlçe kitaplarını 'İlçe Kitaplarını Birleştir' "
        "düğmesi ya da 'gockurul birlestir' ile birleştirin.",
    )


def test_report_gaps_districts_that_must_hold_boards_and_were_not_merged():
    """M8(1): 2,000 foreigners or more, or a border district (KURALLAR: 1,999 / 2,000 / 2,001)."""
    assert annual.report_gaps(book(), 2025) == [
        unmerged("Şahinbey, Şehitkamil, Nizip, İslahiye, Karkamış, Araban", 2025)
    ]
    assert annual.report_gaps(book(), 2025, unmerged=False) == []  # nothing merged yet: kontrol is silent
    assert annual.report_gaps(merged(), MERGED_YEAR, unmerged=False) == [unmerged("Nusaybin", MERGED_YEAR)]
    assert annual.report_gaps(province_book(), MERGED_YEAR) == [unmerged("Kızıltepe, Nusaybin", MERGED_YEAR)]


def test_report_in_preparation_in_january_of_the_next_year():
    """M13(1), M13(3): prepared in January and entered in the platform by its end."""
    assert annual.report_in_preparation(2025, D(2026, 1, 1)) and annual.report_in_preparation(2025, D(2026, 1, 31))
    assert not annual.report_in_preparation(2025, D(2026, 2, 1))
    assert not annual.report_in_preparation(2025, D(2025, 12, 31))
    assert not annual.report_in_preparation(2025, D(2027, 1, 15))
    assert not annual.report_in_preparation("2025", D(2026, 1, 15))


# --- order and selection of the merged districts' rows, on a merged state written out here -----------------------

MEETING_HEADER = ["İlçe", *districts.MEETING_COLS, districts.RECEIVED, districts.SOURCE]
PROBLEM_HEADER = ["İlçe", *districts.PROBLEM_COLS]
DECISION_HEADER = ["İlçe", *districts.DECISION_COLS]


def _meeting(district: str, no: str, day: dt.date) -> list:
    return [district, no, ILCE, "Olağan", day, day, None, None, day, None]


def _problem(district: str, no: str, meeting: str, status: str, carried=None) -> list:
    return [district, no, meeting, "Sağlık", "Sorun", None, status, carried]


def _decision(district: str, no: str, meeting: str | None, problem: str) -> list:
    return [district, no, meeting, "Karar", "Kaymakamlık", D(2033, 12, 1), "Bekliyor", None, None, None, problem, None]


def merged_state_book():
    """Mardin 2033 with Kızıltepe and Nusaybin merged; the sheets list Nusaybin first and each district's rows out
    of number order, as an office may have sorted them by hand."""
    y = MERGED_YEAR
    state = {
        districts.MEETINGS_SHEET: [
            MEETING_HEADER,
            _meeting("Nusaybin", "1", D(y, 2, 21)),
            _meeting("Nusaybin", "2", D(y, 3, 10)),
            _meeting("Kızıltepe", "1", D(y, 2, 21)),
            _meeting("Kızıltepe", "2", D(y, 8, 22)),
        ],
        districts.PROBLEMS_SHEET: [
            PROBLEM_HEADER,
            _problem("Kızıltepe", "5", "1", "Açık", y - 1),  # carried, decided on this year (linked)
            _problem("Kızıltepe", "10", "1", "Çözüldü"),
            _problem("Kızıltepe", "9", "1", "Açık"),  # raised this year; its decision has no meeting yet
            _problem("Kızıltepe", "1", "1", "Çözülemedi"),
            _problem("Nusaybin", "1", "1", "Çözülemedi"),
        ],
        districts.DECISIONS_SHEET: [
            DECISION_HEADER,
            _decision("Kızıltepe", "2", "1", "1"),
            _decision("Kızıltepe", "1", "1", "1"),
            _decision("Kızıltepe", "3", "2", f"{y - 1}/5"),
            _decision("Kızıltepe", "4", None, "9"),
            _decision("Nusaybin", "1", "1", "1"),
        ],
    }
    return province_book(state=state)


def test_district_year_orders_meetings_by_date_then_district_in_turkish_order():
    """Item 2: the year's district boards by date; two on one day in the districts' alphabetical order."""
    dy = annual.district_year(merged_state_book(), MERGED_YEAR)
    assert list(dy.meetings) == [("Kızıltepe", "1"), ("Nusaybin", "1"), ("Nusaybin", "2"), ("Kızıltepe", "2")]
    assert (dy.not_merged, dy.merged) == ([], True)


def test_district_year_orders_problems_and_decisions_by_meeting_then_number():
    """Items 3 and 4: a meeting's rows in number order (9 before 10), meetings in date order; a decision without a
    meeting of the year is not one of the year's decisions."""
    dy = annual.district_year(merged_state_book(), MERGED_YEAR)
    named = [(r.district, r["Sorun No"]) for r in dy.problems]
    assert named == [("Kızıltepe", "1"), ("Kızıltepe", "9"), ("Kızıltepe", "10"), ("Nusaybin", "1")]
    named = [(r.district, r["Karar No"]) for r in dy.decisions]
    assert named == [("Kızıltepe", "1"), ("Kızıltepe", "2"), ("Nusaybin", "1"), ("Kızıltepe", "3")]


def test_district_year_each_problems_decisions_in_number_order():
    dy = annual.district_year(merged_state_book(), MERGED_YEAR)
    assert {k: [r["Karar No"] for r in v] for k, v in dy.by_problem.items()} == {
        ("Kızıltepe", None, "1"): ["1", "2"],
        ("Kızıltepe", MERGED_YEAR - 1, "5"): ["3"],
        ("Kızıltepe", None, "9"): ["4"],
        ("Nusaybin", None, "1"): ["1"],
    }


def test_district_year_unresolved_raised_this_year_or_decided_on_this_year():
    """Item 4 (M13(4)): open or unsolved with a decision on it, and either raised at the year's meeting (9: its
    decision has no meeting of the year) or named by a decision of the year (5, carried from last year); solved 10
    is not. By district in Turkish order, then Sorun No."""
    dy = annual.district_year(merged_state_book(), MERGED_YEAR)
    assert [(r.district, r["Sorun No"], r[contract.CARRIED_COLUMN]) for r in dy.unresolved] == [
        ("Kızıltepe", "1", None),
        ("Kızıltepe", "5", MERGED_YEAR - 1),
        ("Kızıltepe", "9", None),
        ("Nusaybin", "1", None),
    ]


def test_year_rows_own_problems_by_meeting_date_meeting_number_then_problem_number():
    """Meetings 10 and 1 on one day: meeting 1's problems first (2 before 3), then meeting 10's. Unresolved in Sorun
    No order whatever the sheet's order."""
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar",
        toplanti_no=["10", "1"],
        kategori=IL,
        tur="Olağan",
        planlanan_tarih=D(2025, 1, 15),
        gerceklesen_tarih=D(2025, 1, 15),
    )
    data["Sorunlar"] = rows(
        "Sorunlar",
        sorun_no=["3", "1", "2"],
        toplanti_no=["1", "10", "1"],
        alan="Eğitim",
        tespit_edilen_sorun="Sorun",
        durum="Açık",
    )
    data["Kararlar"] = decisions(karar_no=["1", "2"], toplanti_no="1", sorun_no=["3", "1"])
    year = annual.YearRows(book(rows=data), 2025)
    assert [(p["Toplantı No"], p["Sorun No"]) for p in year.problems] == [("1", "2"), ("1", "3"), ("10", "1")]
    assert [p["Sorun No"] for p in year.unresolved] == ["1", "3"]
