"""kontrol's decision rules in the process (core.checks.decisions), each finding compared whole: Ek-1 (a due date
not before its meeting; open past it), M5(7) (evaluated at a later meeting; at the next board held), M13(4) (why
one could not be carried out), M5(12) (last year's decisions evaluated once the first board is held), M13(1)
(what January's Ek-3 would lack). The clean example's meetings: 1 (İl GKK, 15.01.2025), 3 (15.04), 4 (Ek, 20.05)."""

from __future__ import annotations

import datetime as dt

from gockurul_excel import contract
from gockurul_excel.core.checks import CHECKS, Context, findings_of
from gockurul_excel.findings import ERROR, WARNING, Finding

from .conftest import TODAY
from .kontrol.base import book, change, clean, rows

D = dt.date


def run(name: str, data, today: dt.date = TODAY) -> list[Finding]:
    return findings_of(CHECKS[name], Context(data, today, data.board_kind, None))


def with_decisions(**columns):
    base = dict(
        alinan_karar="Karar",
        karar_gerekcesi="G",
        amac="A",
        sorumlu_kurum_ve_kuruluslar="Valilik",
        verilen_sure=D(2025, 12, 1),
        durum="Uygulandı",
        degerlendirme="Yapıldı",
    )
    data = clean()
    data["Kararlar"] = rows("Kararlar", **{**base, **columns})
    return data


def test_a_due_date_is_not_before_the_meeting_that_gave_it():
    """Ek-1: 14.01 is before meeting 1 (15.01); the meeting's own day is not; a carried decision's meeting is last
    year's, not this book's."""
    data = with_decisions(
        karar_no=["1", "2", "3", None],
        toplanti_no="1",
        verilen_sure=[D(2025, 1, 14), D(2025, 1, 15), D(2024, 1, 1), D(2025, 1, 1)],
        devreden_yil=[None, None, 2024, None],
    )
    assert run("decision_due_after_meeting", book(rows=data)) == [
        Finding(
            ERROR,
            "Ek-1",
            "Kararlar",
            "G2",
            "Karar 1: Verilen Süre (14.01.2025) kararın alındığı toplantıdan (15.01.2025) önce olamaz.",
        ),
        Finding(
            ERROR,
            "Ek-1",
            "Kararlar",
            "G5",
            "5. satırdaki karar: Verilen Süre (01.01.2025) kararın alındığı toplantıdan (15.01.2025) önce olamaz.",
        ),
    ]


def test_a_decision_is_evaluated_at_a_later_meeting():
    """M5(7): evaluated at meeting 1 or at its own meeting 3 is not later; at 4 it is; a carried decision is
    evaluated at any meeting of this year."""
    data = with_decisions(
        karar_no=["1", "2", "3", "4"],
        toplanti_no="3",
        degerlendiren_toplanti_no=["1", "3", "4", "1"],
        devreden_yil=[None, None, None, 2024],
    )
    message = (
        "Karar {}, kendisinden sonraki bir toplantıda değerlendirilmeli; toplantı {} kararın toplantısından "
        "sonra değil."
    )
    assert run("evaluated_by_later_meeting", book(rows=data)) == [
        Finding(ERROR, "M5(7)", "Kararlar", "K2", message.format(1, 1)),
        Finding(ERROR, "M5(7)", "Kararlar", "K3", message.format(2, 3)),
    ]


def test_a_decision_not_carried_out_says_why():
    """M13(4): the annual report gives the reason of each decision that could not be carried out."""
    data = with_decisions(
        karar_no=["1", "2", None, "4"],
        toplanti_no="1",
        durum=["Uygulanamadı", "Uygulanamadı", "Uygulanamadı", "Uygulandı"],
        uygulanamama_sebebi=[None, "Bütçe yok", "  ", None],
    )
    assert run("not_implemented_reason", book(rows=data)) == [
        Finding(WARNING, "M13(4)", "Kararlar", "I2", "Karar 1 uygulanamadı; yıllık raporda sebebi yazılmalı."),
        Finding(
            WARNING, "M13(4)", "Kararlar", "I4", "4. satırdaki karar uygulanamadı; yıllık raporda sebebi yazılmalı."
        ),
    ]


def test_an_open_decision_past_its_due_date():
    """Ek-1: still open after the time it was given (the day itself is still in time)."""
    data = with_decisions(
        karar_no=["1", "2", "3", "4"],
        toplanti_no="1",
        verilen_sure=[D(2025, 6, 1), D(2025, 6, 2), D(2025, 6, 1), D(2025, 5, 1)],
        durum=["Bekliyor", "Devam Ediyor", "Uygulandı", "Devam Ediyor"],
        devreden_yil=[None, None, None, 2024],
    )
    assert run("decisions_in_time", book(rows=data), D(2025, 6, 2)) == [
        Finding(WARNING, "Ek-1", "Kararlar", "H2", "Karar 1: verilen süre 01.06.2025 geçti, durumu 'Bekliyor'."),
        Finding(
            WARNING, "Ek-1", "Kararlar", "H5", "Karar 4 (2024): verilen süre 01.05.2025 geçti, durumu 'Devam Ediyor'."
        ),
    ]
    assert run("decisions_in_time", book(rows=data, Yıl=None), D(2025, 6, 2)) == []  # no schedule, no judging


def test_an_open_decision_is_evaluated_at_the_next_board_held():
    """M5(7): decision 1 of meeting 1 (15.01) is open and no evaluation is written: the next board held is 3."""
    data = with_decisions(
        karar_no=["1", "2"],
        toplanti_no="1",
        durum=["Bekliyor", "Bekliyor"],
        degerlendiren_toplanti_no=[None, "3"],
        degerlendirme=None,
    )
    assert run("open_decisions_evaluated", book(rows=data)) == [
        Finding(
            WARNING,
            "M5(7)",
            "Kararlar",
            "K2",
            "Karar 1 (toplantı 1) açık; bir sonraki kurul olan toplantı 3 (15.04.2025) yapılmış ama kararın "
            "orada değerlendirildiği yazılmamış. Değerlendirildiyse 'Değerlendiren Toplantı No'ya 3 yazın "
            "(Ek-1 madde 8).",
        )
    ]


def test_last_years_decisions_are_evaluated_once_the_first_board_is_held():
    """M5(12), KURALLAR §7: the year's first board (meeting 1, held 15.01.2025) evaluates each carried decision
    at a held meeting of this year; before it is held nothing is said."""
    data = with_decisions(
        karar_no=["7", "8", "9"],
        toplanti_no="5",
        devreden_yil=2024,
        durum="Bekliyor",
        degerlendiren_toplanti_no=[None, "3", "12"],
    )
    found = run("carried_decisions_evaluated", book(rows=data))
    message = (
        "Karar {} (2024 yılından devreden): yılın ilk kurulu (toplantı 1, 15.01.2025) yapıldı ama bu yılın "
        "yapılmış bir toplantısında değerlendirildiği yazılmamış. Değerlendirildiği toplantının numarasını "
        "'Değerlendiren Toplantı No'ya yazın."
    )
    assert found == [
        Finding(WARNING, "M5(12)", "Kararlar", "K2", message.format(7)),
        Finding(WARNING, "M5(12)", "Kararlar", "K4", message.format(9)),
    ]
    assert run("carried_decisions_evaluated", book(rows=data, Yıl=None)) == []
    change(data, "Toplantılar", {"Toplantı No": 1}, gerceklesen_tarih=None)
    assert run("carried_decisions_evaluated", book(rows=data), D(2025, 1, 14)) == []  # not held yet


def test_januarys_annual_report_gaps_of_a_province():
    """M13(1): in January of the next year the province's Ek-3 of the year is prepared; kontrol says what it lacks
    (items 5–6 here), and nothing of districts never merged."""
    data = clean()
    data["Yıllık Rapor"] = []
    gaps = run("annual_report_gaps", book(rows=data), D(2026, 1, 10))
    message = (
        "2025 yılı Ek-3 madde {} yazılmamış: metni 'Yıllık Rapor' sayfasında 2025 satırının '{}' sütununa "
        "yazın; yazılmazsa madde elle doldurulmak üzere boş basılır."
    )
    assert gaps == [
        Finding(WARNING, "M13(1)", "Yıllık Rapor", None, message.format(5, contract.ANNUAL_SUPPORT_COLUMN)),
        Finding(WARNING, "M13(1)", "Yıllık Rapor", None, message.format(6, contract.ANNUAL_CONCLUSION_COLUMN)),
    ]
    assert run("annual_report_gaps", book(rows=data), D(2026, 2, 1)) == []
    district = book(rows=data, **{contract.S_KIND: "İlçe", contract.S_DISTRICT: "Nizip"})
    assert run("annual_report_gaps", district, D(2026, 1, 10)) == []
