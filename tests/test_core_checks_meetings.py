"""kontrol's meeting rules in the process (core.checks.meetings), every finding whole — KURALLAR §2: the dates a
row holds, the categories a board's book keeps (M6(1), M7(1), M8(1)), the İl Göç İdaresi Müdürlüğü at district
boards (M8(1), M11(3)), the ordinary windows (M6(9), M7(1), M8(1), M8(3)), working days (M11(3)), a past planned
meeting. 01.02.2025 is a Saturday, 15.07 Demokrasi ve Millî Birlik Günü, 28.10 a half day."""

from __future__ import annotations

import datetime as dt

from gockurul_excel.core.checks import CHECKS, Context, findings_of
from gockurul_excel.core.model import TEMPLATE_RULE
from gockurul_excel.findings import ERROR, WARNING, Finding

from .kontrol.base import book, clean, rows

D = dt.date
IL, ALT, ILCE = "İl Göç Koordinasyon Kurulu", "Alt Komisyon Toplantısı", "İlçe Göç Koordinasyon Kurulu"
TODAY = D(2025, 6, 1)
DISTRICT = {"Kurul Türü": "İlçe", "İlçe": "Nizip"}


def run(name: str, data, today: dt.date = TODAY) -> list[Finding]:
    return findings_of(CHECKS[name], Context(data, today, data.board_kind, None))


def province():
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar",
        toplanti_no=["1", "2", "3", None, "5", "6", "7", "8"],
        kategori=[IL, IL, IL, ALT, IL, ILCE, IL, IL],
        tur=["Olağan"] * 4 + ["Ek", "Olağan", "Olağan", "Ek"],
        planlanan_tarih=[
            D(2025, 1, 15),
            D(2025, 2, 1),
            D(2025, 4, 15),
            None,
            D(2025, 10, 28),
            None,
            D(2025, 7, 15),
            None,
        ],
        gerceklesen_tarih=[D(2025, 1, 15), None, None, D(2025, 6, 2), None, D(2024, 12, 2), None, None],
    )
    return book(rows=data)


def test_a_held_date_is_not_in_the_future():
    assert run("held_not_in_future", province()) == [
        Finding(
            ERROR,
            TEMPLATE_RULE,
            "Toplantılar",
            "E5",
            "Toplantı (5. satır): gerçekleşen tarih (02.06.2025) ileri bir tarih olamaz.",
        )
    ]
    assert run("held_not_in_future", province(), D(2025, 6, 2)) == []  # held today


def test_a_meeting_has_a_date():
    assert run("meeting_dated", province()) == [
        Finding(WARNING, TEMPLATE_RULE, "Toplantılar", "D9", "Toplantı 8: ne planlanan ne gerçekleşen tarih yazılmış.")
    ]


def test_a_meeting_of_another_year_belongs_to_that_years_book():
    assert run("meeting_in_book_year", province()) == [
        Finding(WARNING, TEMPLATE_RULE, "Toplantılar", "E7", "Toplantı 6, 2024 yılında; bu kitap 2025 yılı için.")
    ]
    data = clean()
    data["Toplantılar"] = rows("Toplantılar", toplanti_no="1", kategori=IL, tur="Ek", planlanan_tarih=D(2026, 1, 5))
    assert run("meeting_in_book_year", book(rows=data)) == [
        Finding(WARNING, TEMPLATE_RULE, "Toplantılar", "D2", "Toplantı 1, 2026 yılında; bu kitap 2025 yılı için.")
    ]
    assert run("meeting_in_book_year", book(rows=data, Yıl=None)) == []


def test_a_province_book_keeps_its_own_boards_and_the_subcommission():
    """M6(1), M7(1): a district board belongs to the district's book."""
    assert run("meeting_category_fits_board", province()) == [
        Finding(
            ERROR,
            "M6(1), M7(1)",
            "Toplantılar",
            "B7",
            "Toplantı 6: 'İlçe Göç Koordinasyon Kurulu' bir İl kurulu kitabında tutulmaz (bu kitapta: İl Göç "
            "Koordinasyon Kurulu, Alt Komisyon Toplantısı).",
        )
    ]
    assert run("meeting_category_fits_board", book(rows=clean(), **{"Kurul Türü": None})) == []


def test_the_windows_of_a_province_board_and_its_subcommission():
    """M7(1): the April board planned for 15.04 was not held by 30.04; M6(9): no subcommission in March's first
    week; M7(1): an ordinary board on 01.02 is in no window."""
    assert run("ordinary_meetings_held", province()) == [
        Finding(
            ERROR,
            "M7(1)",
            "Toplantılar",
            "E4",
            "İl Göç Koordinasyon Kurulu olağan toplantısı (Nisan ayı 2025) yapılmamış; son gün 30.04.2025 geçti. "
            "Toplantı 3 15.04.2025 için planlanmış ama gerçekleşen tarihi yazılmamış: yapıldıysa 'Gerçekleşen "
            "Tarih'i yazın.",
        ),
        Finding(
            ERROR,
            "M6(9)",
            "Toplantılar",
            None,
            "Alt Komisyon olağan toplantısı (Mart ayının ilk haftası 2025) yapılmamış; son gün 07.03.2025 geçti.",
        ),
    ]
    assert len(run("ordinary_meetings_held", province(), D(2025, 4, 30))) == 1  # April's last day: still open
    assert run("ordinary_meetings_in_window", province()) == [
        Finding(
            ERROR,
            "M7(1)",
            "Toplantılar",
            "D3",
            "Toplantı 2 (01.02.2025) olağan toplantı döneminin dışında; İl Göç Koordinasyon Kurulu olağan "
            "toplantıları: 01.01.2025–31.01.2025, 01.04.2025–30.04.2025, 01.07.2025–31.07.2025, "
            "01.10.2025–31.10.2025.",
        )
    ]


def test_a_meeting_is_set_on_a_working_day():
    """M11(3): a weekend or a holiday is pointed out, and so is a half day."""
    assert run("meeting_on_working_day", province()) == [
        Finding(WARNING, "M11(3)", "Toplantılar", "D3", "Toplantı 2: 01.02.2025 iş günü değil (hafta sonu)."),
        Finding(
            WARNING,
            "M11(3)",
            "Toplantılar",
            "D6",
            "Toplantı 5: 28.10.2025 yarım gün (Cumhuriyet Bayramı (saat 13.00'ten)).",
        ),
        Finding(
            WARNING,
            "M11(3)",
            "Toplantılar",
            "D8",
            "Toplantı 7: 15.07.2025 iş günü değil (Demokrasi ve Millî Birlik Günü).",
        ),
    ]


def test_a_meeting_held_on_the_day_planned_is_pointed_out_once():
    """M11(3): planned and held on Saturday 01.02.2025: one finding, on the held date."""
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar",
        toplanti_no="1",
        kategori=IL,
        tur="Ek",
        planlanan_tarih=D(2025, 2, 1),
        gerceklesen_tarih=D(2025, 2, 1),
    )
    assert run("meeting_on_working_day", book(rows=data)) == [
        Finding(WARNING, "M11(3)", "Toplantılar", "E2", "Toplantı 1: 01.02.2025 iş günü değil (hafta sonu).")
    ]


def test_a_held_meeting_is_judged_by_the_day_it_was_held():
    """M11(3), M6(9): planned on Friday 31.01.2025 but held on Saturday 01.02.2025 is pointed out at the held date;
    planned on Saturday 01.03.2025 and held on Monday 03.03.2025 is not; a half day held is pointed out too."""
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar",
        toplanti_no=["1", "2", "3"],
        kategori=[IL, ALT, IL],
        tur=["Ek", "Ek", "Ek"],
        planlanan_tarih=[D(2025, 1, 31), D(2025, 3, 1), D(2025, 10, 27)],
        gerceklesen_tarih=[D(2025, 2, 1), D(2025, 3, 3), D(2025, 10, 28)],
    )
    assert run("meeting_on_working_day", book(rows=data)) == [
        Finding(WARNING, "M11(3)", "Toplantılar", "E2", "Toplantı 1: 01.02.2025 iş günü değil (hafta sonu)."),
        Finding(
            WARNING,
            "M11(3)",
            "Toplantılar",
            "E4",
            "Toplantı 3: 28.10.2025 yarım gün (Cumhuriyet Bayramı (saat 13.00'ten)).",
        ),
    ]


def test_a_category_not_in_the_list_is_the_schemas_not_this_rules():
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar", toplanti_no="1", kategori="Kurul", tur="Ek", planlanan_tarih=D(2025, 2, 3)
    )
    assert run("meeting_category_fits_board", book(rows=data)) == []


def test_a_planned_meeting_past_its_day_asks_whether_it_was_held():
    message = (
        "Toplantı {} {} için planlanmıştı; gerçekleşen tarih yazılmamış. Toplantı yapıldıysa 'Gerçekleşen "
        "Tarih'i yazın (yapılmamış bir toplantı olağan toplantı yükümlülüğünü karşılamaz); yapılmadıysa yeni "
        "tarihini 'Planlanan Tarih'e yazın."
    )
    assert run("past_meeting_recorded", province()) == [
        Finding(WARNING, "M7(1)", "Toplantılar", "E3", message.format(2, "01.02.2025")),
        Finding(WARNING, "M7(1)", "Toplantılar", "E4", message.format(3, "15.04.2025")),
    ]
    late = run("past_meeting_recorded", province(), D(2025, 10, 29))
    assert [(f.rule, f.cell) for f in late] == [
        ("M7(1)", "E3"),
        ("M7(1)", "E4"),
        ("M7(3), M8(4)", "E6"),
        ("M7(1)", "E8"),
    ]  # 5 is an extra board; 28.10 itself is not past
    assert [f.cell for f in run("past_meeting_recorded", province(), D(2025, 10, 28))] == ["E3", "E4", "E8"]


def district():
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar",
        toplanti_no=["1", "2", "3", "4", "5"],
        kategori=ILCE,
        tur=["Olağan", "Olağan", "Olağan", "Olağan", "Ek"],
        planlanan_tarih=[D(2025, 2, 20), D(2025, 6, 16), D(2025, 8, 20), None, None],
        gerceklesen_tarih=[D(2025, 2, 20), D(2025, 6, 16), None, None, D(2025, 9, 1)],
    )
    data["Katılımcılar"] = rows(
        "Katılımcılar",
        toplanti_no=["1", "1", "2", "3"],
        sira=[1, 2, 1, 1],
        unvan="U",
        ad_soyad="A",
        kurum_ismi=[
            "Nizip Kaymakamlığı",
            "Gaziantep İl Göç İdaresi Müdürlüğü",
            "Nizip Kaymakamlığı",
            "Nizip Kaymakamlığı",
        ],
    )
    return book(rows=data, **DISTRICT)


def test_the_il_goc_idaresi_takes_part_in_every_district_board():
    """M8(1), M11(3): 2 was held without it (3, not held, is not judged; 5, held, has no participants at all:
    another rule's finding, M12(7))."""
    assert run("migration_office_at_district_boards", district()) == [
        Finding(
            WARNING,
            "M8(1), M11(3)",
            "Toplantılar",
            "A3",
            "Toplantı 2 (16.06.2025): katılımcılar arasında İl Göç İdaresi Müdürlüğü yok; İlçe Göç Koordinasyon "
            "Kurullarına İl Göç İdaresi Müdürlüğü katılım sağlar.",
        )
    ]
    assert run("migration_office_at_district_boards", province()) == []  # nothing merged


def test_the_district_boards_windows():
    """M8(1), M8(3): February/March, at the latest April; August/September, at the latest October."""
    assert run("ordinary_meetings_in_window", district(), D(2025, 12, 1)) == [
        Finding(
            ERROR,
            "M8(1), M8(3)",
            "Toplantılar",
            "E3",
            "Toplantı 2 (16.06.2025) olağan toplantı döneminin dışında; İlçe Göç Koordinasyon Kurulu olağan "
            "toplantıları: 01.02.2025–31.03.2025, en geç 30.04.2025; 01.08.2025–30.09.2025, en geç 31.10.2025.",
        )
    ]
    assert run("ordinary_meetings_held", district(), D(2025, 12, 1)) == [
        Finding(
            ERROR,
            "M8(1)",
            "Toplantılar",
            "E4",
            "İlçe Göç Koordinasyon Kurulu olağan toplantısı (Ağustos/Eylül 2025) yapılmamış; son gün 31.10.2025 "
            "geçti. Toplantı 3 20.08.2025 için planlanmış ama gerçekleşen tarihi yazılmamış: yapıldıysa "
            "'Gerçekleşen Tarih'i yazın.",
        )
    ]
    assert run("ordinary_meetings_held", district(), D(2025, 10, 31)) == []


def test_a_province_needs_its_districts():
    data = clean()
    data["İlçeler"] = []
    assert run("districts_sheet", book(rows=data)) == [
        Finding(
            WARNING,
            "M8(1)",
            "İlçeler",
            None,
            "İlçeler boş: hangi kaymakamların üye olacağı (M4(2)) ve hangi ilçelerin kurul toplayacağı (M8(1)) "
            "hesaplanamaz.",
        )
    ]
    assert run("districts_sheet", book(rows=data, **DISTRICT)) == [] and run("districts_sheet", book()) == []


def test_the_article_a_meeting_is_judged_under():
    """M6(9): the subcommission's ordinary meeting, by its window's article; a district board in a province book has
    no window there: M11(3), the article that sets a meeting's date."""
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar",
        toplanti_no=["1", "2", "3"],
        kategori=[ALT, ILCE, ALT],
        tur=["Olağan", "Olağan", "Ek"],
        planlanan_tarih=[D(2025, 3, 1), D(2025, 5, 5), D(2025, 5, 10)],
    )
    message = (
        "Toplantı {} {} için planlanmıştı; gerçekleşen tarih yazılmamış. Toplantı yapıldıysa 'Gerçekleşen "
        "Tarih'i yazın (yapılmamış bir toplantı olağan toplantı yükümlülüğünü karşılamaz); yapılmadıysa yeni "
        "tarihini 'Planlanan Tarih'e yazın."
    )
    found = run("past_meeting_recorded", book(rows=data))
    assert found[:2] == [
        Finding(WARNING, "M6(9)", "Toplantılar", "E2", message.format(1, "01.03.2025")),
        Finding(WARNING, "M11(3)", "Toplantılar", "E3", message.format(2, "05.05.2025")),
    ]
    assert [f.cell for f in found] == ["E2", "E3", "E4"]
    assert run("meeting_on_working_day", book(rows=data)) == [
        Finding(WARNING, "M6(9)", "Toplantılar", "D2", "Toplantı 1: 01.03.2025 iş günü değil (hafta sonu)."),
        Finding(WARNING, "M6(9)", "Toplantılar", "D4", "Toplantı 3: 10.05.2025 iş günü değil (hafta sonu)."),
    ]
