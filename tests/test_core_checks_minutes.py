"""kontrol's agenda and minutes rules in the process (core.checks.minutes), every finding whole — KURALLAR §3:
the minutes' dates after the meeting (M12(2), M12(3), M12(6)); the minutes notified within fifteen days of the
board (M12(2)) and entered in the platform by the end of its month (M12(3)), a planned board's from its planned
date once missed; participants of a held meeting (M12(7)); agenda proposals fifteen days before (M10(2)); a
reference to a meeting that is not there (M10(1))."""

from __future__ import annotations

import datetime as dt

from gockurul_excel.core.checks import CHECKS, Context, findings_of
from gockurul_excel.findings import ERROR, WARNING, Finding

from .kontrol.base import book, clean, rows

D = dt.date
IL, ALT = "İl Göç Koordinasyon Kurulu", "Alt Komisyon Toplantısı"
TODAY = D(2025, 6, 30)


def run(name: str, data, today: dt.date = TODAY) -> list[Finding]:
    return findings_of(CHECKS[name], Context(data, today, data.board_kind, None))


def minutes_book():
    """1 (15.01, held), 2 (planned 15.04, never held), 3 (subcommission, 03.03), 4 (extra, 20.05), a subcommission
    row without a number (planned 02.06)."""
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar",
        toplanti_no=["1", "2", "3", "4", None],
        kategori=[IL, IL, ALT, IL, ALT],
        tur=["Olağan", "Olağan", "Olağan", "Ek", "Olağan"],
        planlanan_tarih=[D(2025, 1, 15), D(2025, 4, 15), D(2025, 3, 3), D(2025, 5, 20), D(2025, 6, 2)],
        gerceklesen_tarih=[D(2025, 1, 15), None, D(2025, 3, 3), D(2025, 5, 20), None],
        tutanak_teblig_tarihi=[D(2025, 1, 14), D(2025, 4, 20), D(2025, 3, 31), None, D(2025, 6, 3)],
        platform_giris_tarihi=[D(2025, 1, 15), None, D(2025, 3, 2), None, None],
    )
    data["Katılımcılar"] = rows(
        "Katılımcılar", toplanti_no=["1", "3"], sira=1, kurum_ismi="Valilik", unvan="V", ad_soyad="A"
    )
    data["Gündem"] = rows(
        "Gündem",
        toplanti_no=["1", "1", "2", "9", "1", "3"],
        sira=[1, 2, 1, 1, 3, 1],
        konu_basligi="K",
        oneri_tarihi=[D(2024, 12, 31), D(2025, 1, 10), D(2025, 4, 1), D(2025, 1, 1), None, D(2025, 3, 1)],
    )
    return book(rows=data)


def test_the_minutes_dates_come_after_the_meeting():
    """M12(2) for a province board's minutes, M12(6) for the subcommission's; the meeting's own day is fine."""
    assert run("minutes_after_meeting", minutes_book()) == [
        Finding(
            ERROR,
            "M12(2)",
            "Toplantılar",
            "H2",
            "Toplantı 1: 'Tutanak Tebliğ Tarihi' (14.01.2025) toplantıdan (15.01.2025) önce olamaz.",
        ),
        Finding(
            ERROR,
            "M12(2)",
            "Toplantılar",
            "H3",
            "Toplantı 2: 'Tutanak Tebliğ Tarihi' yazılmış ama toplantının gerçekleşen tarihi boş.",
        ),
        Finding(
            ERROR,
            "M12(6)",
            "Toplantılar",
            "I4",
            "Toplantı 3: 'Platform Giriş Tarihi' (02.03.2025) toplantıdan (03.03.2025) önce olamaz.",
        ),
        Finding(
            ERROR,
            "M12(6)",
            "Toplantılar",
            "H6",
            "Toplantı (6. satır): 'Tutanak Tebliğ Tarihi' yazılmış ama toplantının gerçekleşen tarihi boş.",
        ),
    ]


def test_a_held_meeting_has_its_participants():
    """M12(7), Ek-2: 4 was held and nobody is listed (2 was not held)."""
    assert run("held_meeting_has_participants", minutes_book()) == [
        Finding(
            WARNING,
            "M12(7)",
            "Toplantılar",
            "A5",
            "Toplantı 4 yapılmış ama 'Katılımcılar' sayfasında katılımcısı yok (Ek-2).",
        )
    ]
    data = book(rows=clean())
    del data.tables["Katılımcılar"]
    assert run("held_meeting_has_participants", data) == []


def test_the_minutes_are_notified_and_entered_in_time():
    """M12(2): 4 (20.05) notified by 04.06; M12(3): entered by the end of May (31.05, a Saturday: the calendar aims
    at Friday 30.05); 2, planned for 15.04 and missed, by the end of April, from its planned date."""
    assert run("minutes_in_time", minutes_book()) == [
        Finding(
            ERROR,
            "M12(3)",
            "Toplantılar",
            "I3",
            "Toplantı 2: tutanak dijital platforma girilir; en geç 30.04.2025 olmalıydı, tarihi yazılmamış. "
            "Toplantının gerçekleşen tarihi de yazılmamış (süre planlanan tarihten hesaplandı).",
        ),
        Finding(
            ERROR,
            "M12(2)",
            "Toplantılar",
            "H5",
            "Toplantı 4: tutanak kurul üyesi kurumlara resmi yazı ile tebliğ edilir; en geç 04.06.2025 "
            "olmalıydı, tarihi yazılmamış.",
        ),
        Finding(
            ERROR,
            "M12(3)",
            "Toplantılar",
            "I5",
            "Toplantı 4: tutanak dijital platforma girilir; en geç 31.05.2025 (takvimdeki hedef: 30.05.2025) "
            "olmalıydı, tarihi yazılmamış.",
        ),
    ]
    assert [f.cell for f in run("minutes_in_time", minutes_book(), D(2025, 6, 4))] == ["I3", "I5"]  # 04.06: in time


def test_minutes_written_after_their_limit():
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar",
        toplanti_no="1",
        kategori=IL,
        tur="Ek",
        planlanan_tarih=D(2025, 5, 20),
        gerceklesen_tarih=D(2025, 5, 20),
        tutanak_teblig_tarihi=D(2025, 6, 5),
        platform_giris_tarihi=D(2025, 5, 31),
    )
    assert run("minutes_in_time", book(rows=data)) == [
        Finding(
            ERROR,
            "M12(2)",
            "Toplantılar",
            "H2",
            "Toplantı 1: tutanak kurul üyesi kurumlara resmi yazı ile tebliğ edilir; en geç 04.06.2025 "
            "olmalıydı, 05.06.2025 yazılmış.",
        )
    ]


def test_agenda_proposals_reach_the_office_fifteen_days_before():
    """M10(2): for 15.01 by 31.12.2024 (that day is in time); for 15.04 by 31.03 (a holiday: the calendar aims at
    Friday 28.03); a proposal for a meeting not on the sheet, or without a date, or for the subcommission (M10(2)
    is of the boards: "her kuruldan"), is not judged."""
    assert run("agenda_proposals_in_time", minutes_book()) == [
        Finding(
            WARNING,
            "M10(2)",
            "Gündem",
            "E3",
            "Toplantı 1 için gündem önerisi geç (10.01.2025); en geç 31.12.2024 iletilmeliydi.",
        ),
        Finding(
            WARNING,
            "M10(2)",
            "Gündem",
            "E4",
            "Toplantı 2 için gündem önerisi geç (01.04.2025); en geç 31.03.2025 (takvimdeki hedef: 28.03.2025) "
            "iletilmeliydi.",
        ),
    ]
    assert run("agenda_proposals_in_time", book(rows=clean(), Yıl=None)) == []


def test_an_agenda_item_names_a_meeting_on_the_sheet():
    """M10(1): the agenda is prepared for a board of the sheet."""
    assert run("agenda_meeting_exists", minutes_book()) == [
        Finding(ERROR, "M10(1)", "Gündem", "A5", "'Toplantı No' 9 için 'Toplantılar' sayfasında kayıt yok.")
    ]


def test_the_minutes_article_of_a_meeting_of_no_known_category_is_the_provinces():
    data = clean()
    data["Toplantılar"] = rows(
        "Toplantılar",
        toplanti_no="1",
        kategori="Kurul",
        tur="Ek",
        planlanan_tarih=D(2025, 5, 5),
        tutanak_teblig_tarihi=D(2025, 5, 6),
        platform_giris_tarihi=D(2025, 5, 6),
    )
    assert [(f.rule, f.cell) for f in run("minutes_after_meeting", book(rows=data))] == [
        ("M12(2)", "H2"),
        ("M12(3)", "I2"),
    ]
