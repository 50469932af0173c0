"""kontrol's rules on the district boards a province merged (`birlestir`), in the process, every finding whole: the
İl Göç İdaresi Müdürlüğü at each district board (M8(1), M11(3)), the district's minutes reaching the province within
fifteen days (M12(4), M12(5)), each required district's ordinary boards in their windows (M8(1), M8(3)) — a
district not merged yet said to be so. Mardin of 2033 (tests/test_annual_districts.py): Kızıltepe (12,000, merged
here) and Nusaybin (2,000, a border district, never merged) must hold boards."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from gockurul_excel import commands, contract, rules
from gockurul_excel.core.checks import CHECKS, Context, findings_of
from gockurul_excel.core.merge import incoming_from_workbook
from gockurul_excel.core.model import workbook_from_rows
from gockurul_excel.findings import ERROR, WARNING, Finding

from .test_annual_districts import YEAR, province_book
from .test_commands_pure import rows_of

D = dt.date
BOARD = rules.MeetingCategory.DISTRICT_BOARD.value
TODAY = D(YEAR, 12, 1)


@cache
def merged(with_august: bool = True):
    """Kızıltepe: 1 (21.02, no İl Göç İdaresi among its participants, minutes notified 20.03), 2 (22.08, with it,
    notified 01.09), 3 (extra, 03.10, no participants, no notification date: reached the province with the merge)."""
    settings = {
        contract.S_KIND: "İlçe",
        contract.S_PROVINCE: "Mardin",
        contract.S_DISTRICT: "Kızıltepe",
        contract.S_YEAR: YEAR,
        contract.S_POPULATION: 12_000,
        contract.S_BORDER: "Evet",
    }
    meetings = [
        [1, BOARD, "Olağan", D(YEAR, 2, 21), D(YEAR, 2, 21), dt.time(10), "K", D(YEAR, 3, 20)],
        [2, BOARD, "Olağan", D(YEAR, 8, 22), D(YEAR, 8, 22), dt.time(10), "K", D(YEAR, 9, 1)],
        [3, BOARD, "Ek", D(YEAR, 10, 3), D(YEAR, 10, 3), dt.time(10), "K"],
    ]
    rows = {
        "Toplantılar": meetings if with_august else [meetings[0], meetings[2]],
        "Katılımcılar": [
            [1, 1, "Kızıltepe Kaymakamlığı", "Kaymakam", "A"],
            [2, 1, "Mardin İl Göç İdaresi Müdürlüğü", "Uzman", "B"],
        ],
    }
    district = workbook_from_rows(settings, rows, path=Path("kiziltepe.xlsx"))
    merge = commands.merge(
        province_book(),
        [incoming_from_workbook("kiziltepe.xlsx", district)],
        today=TODAY,
        now=dt.datetime(YEAR, 12, 1, 9),
    )
    return province_book({s.name: rows_of(s) for s in merge.specs if s.name in contract.STATE_SHEETS})


def run(name: str, data, today: dt.date = TODAY) -> list[Finding]:
    return findings_of(CHECKS[name], Context(data, today, data.board_kind, None))


def test_the_il_goc_idaresi_at_each_merged_district_board():
    assert run("migration_office_at_district_boards", merged()) == [
        Finding(
            WARNING,
            "M8(1), M11(3)",
            "İlçe Katılımcıları",
            None,
            "Kızıltepe İlçe GKK toplantı 1 (21.02.2033): katılımcılar arasında İl Göç İdaresi Müdürlüğü yok; İlçe "
            "Göç Koordinasyon Kurullarına İl Göç İdaresi Müdürlüğü katılım sağlar.",
        )
    ]
    assert run("migration_office_at_district_boards", province_book()) == []
    next_year = province_book(dict(merged().sheet_rows))
    next_year.settings[contract.S_YEAR] = type(next_year.settings[contract.S_YEAR])(
        contract.S_YEAR, YEAR + 1, YEAR + 1, "B4"
    )
    assert run("migration_office_at_district_boards", next_year) == []  # only the book's year's boards


def test_a_district_boards_minutes_reach_the_province_within_fifteen_days():
    """M12(4), M12(5): 21.02 → 08.03 (sent 20.03); the extra board of 03.10 → 18.10, reached it with the merge."""
    assert run("district_minutes_sent", merged()) == [
        Finding(
            WARNING,
            "M12(5)",
            "İlçe Toplantıları",
            None,
            "Kızıltepe İlçe GKK toplantı 1 (21.02.2033) tutanağı İl Göç İdaresi Müdürlüğüne en geç 08.03.2033 "
            "iletilmeliydi; 20.03.2033 (Tutanak Tebliğ Tarihi).",
        ),
        Finding(
            WARNING,
            "M12(5)",
            "İlçe Toplantıları",
            None,
            "Kızıltepe İlçe GKK toplantı 3 (03.10.2033) tutanağı İl Göç İdaresi Müdürlüğüne en geç 18.10.2033 "
            "iletilmeliydi; 01.12.2033 (İle Ulaşma Tarihi).",
        ),
    ]


def test_each_required_district_holds_its_ordinary_boards():
    """M8(1), M8(3): Nusaybin's book was never merged; Kızıltepe without its August board misses that window."""
    never = " (ilçenin kitabı henüz birleştirilmedi)"
    nusaybin = [
        Finding(
            ERROR,
            "M8(1), M8(3)",
            "İlçeler",
            "A3",
            f"Nusaybin İlçe GKK olağan toplantısı (Şubat/Mart 2033) yapılmamış{never}; son gün 30.04.2033 geçti.",
        ),
        Finding(
            ERROR,
            "M8(1), M8(3)",
            "İlçeler",
            "A3",
            f"Nusaybin İlçe GKK olağan toplantısı (Ağustos/Eylül 2033) yapılmamış{never}; son gün 31.10.2033 geçti.",
        ),
    ]
    assert run("district_boards_held", merged()) == nusaybin
    assert run("district_boards_held", merged(with_august=False)) == [
        Finding(
            ERROR,
            "M8(1), M8(3)",
            "İlçeler",
            "A2",
            "Kızıltepe İlçe GKK olağan toplantısı (Ağustos/Eylül 2033) yapılmamış; son gün 31.10.2033 geçti.",
        ),
        *nusaybin,
    ]
    assert run("district_boards_held", province_book()) == []  # nothing merged: kontrol cannot see them


def test_the_il_goc_idaresi_is_asked_only_at_held_district_boards_and_at_each_of_them():
    """M8(1), M11(3) ask the İl Göç İdaresi Müdürlüğü at district boards: a sub-commission row of the district and a
    board only planned are passed over (both without it among their participants), and the held board after them
    is still judged."""
    settings = {
        contract.S_KIND: "İlçe",
        contract.S_PROVINCE: "Mardin",
        contract.S_DISTRICT: "Kızıltepe",
        contract.S_YEAR: YEAR,
        contract.S_POPULATION: 12_000,
        contract.S_BORDER: "Evet",
    }
    sub = rules.MeetingCategory.SUBCOMMISSION.value
    rows = {
        "Toplantılar": [
            [1, sub, "Ek", D(YEAR, 2, 21), D(YEAR, 2, 21), dt.time(10), "K"],
            [2, BOARD, "Olağan", D(YEAR, 2, 24), None, dt.time(10), "K"],
            [3, BOARD, "Ek", D(YEAR, 10, 3), D(YEAR, 10, 3), dt.time(10), "K"],
        ],
        "Katılımcılar": [[no, 1, "Kızıltepe Kaymakamlığı", "Kaymakam", "A"] for no in (1, 2, 3)],
    }
    district = workbook_from_rows(settings, rows, path=Path("kiziltepe.xlsx"))
    merge = commands.merge(
        province_book(),
        [incoming_from_workbook("kiziltepe.xlsx", district)],
        today=TODAY,
        now=dt.datetime(YEAR, 12, 1, 9),
    )
    data = province_book({s.name: rows_of(s) for s in merge.specs if s.name in contract.STATE_SHEETS})
    assert run("migration_office_at_district_boards", data) == [
        Finding(
            WARNING,
            "M8(1), M11(3)",
            "İlçe Katılımcıları",
            None,
            "Kızıltepe İlçe GKK toplantı 3 (03.10.2033): katılımcılar arasında İl Göç İdaresi Müdürlüğü yok; İlçe "
            "Göç Koordinasyon Kurullarına İl Göç İdaresi Müdürlüğü katılım sağlar.",
        )
    ]


def test_the_merged_state_is_a_province_books_only():
    """M12(5): only the province merges its districts' boards. The same merged sheets in a book whose Kurul Türü
    is İlçe are no merged state; in the province's book they are, and without them there is none."""
    from gockurul_excel.core.districts import district_state_for

    state = district_state_for(merged())
    assert state is not None and [d.district for d in state.districts.values()] == ["Kızıltepe"]
    district = province_book(dict(merged().sheet_rows))
    district.settings[contract.S_KIND] = type(district.settings[contract.S_KIND])(contract.S_KIND, "İlçe", "İlçe", "B2")
    assert district.board_kind is rules.BoardKind.DISTRICT
    assert district_state_for(district) is None
    assert district_state_for(province_book()) is None
