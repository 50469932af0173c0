"""Edges that a one-line bug would move (issue 26): each test sits on the last allowed day and the first late one,
on plain weekdays of 2029 where no holiday absorbs a one-day error, or injects the competing save at the exact
moment the rule guards. Each of these tests fails under one deliberate mutation named in its docstring.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from gockurul_excel import commands, contract, rules
from gockurul_excel.errors import FileChanged, GocKurulError
from gockurul_excel.files import atomic as atomic_mod
from gockurul_excel.files import writer as writer_mod
from gockurul_excel.sheetspec import Block, SheetSpec

D = dt.date
BOARD = rules.MeetingCategory.PROVINCE_BOARD.value
SUB = rules.MeetingCategory.SUBCOMMISSION.value
HEADERS = {s.name: [c.header for c in s.columns] for s in contract.sheets_for(contract.TEMPLATE_VERSION)}


def row(sheet: str, **by_header) -> list:
    """A row of `sheet` in the template's column order, from {header: value} (underscores for spaces)."""
    values = {k.replace("_", " "): v for k, v in by_header.items()}
    unknown = set(values) - set(HEADERS[sheet])
    assert not unknown, unknown
    return [values.get(h) for h in HEADERS[sheet]]


def province(year: int, population: int = 12_000) -> dict:
    return {
        contract.S_KIND: "İl",
        contract.S_PROVINCE: "Kilis",
        contract.S_YEAR: year,
        contract.S_POPULATION: population,
        rules.SETTING_COAST_GUARD: "Hayır",
        rules.SETTING_RESEARCH_CENTRE: "Hayır",
        rules.SETTING_REMOVAL_CENTRE: "Hayır",
        rules.SETTING_TEMPORARY_SHELTER: "Hayır",
    }


def meeting(no, category, planned, held=None):
    return row(
        "Toplantılar",
        Toplantı_No=no,
        Kategori=category,
        Tür="Olağan",
        Planlanan_Tarih=planned,
        Gerçekleşen_Tarih=held,
        Saat=dt.time(10),
        Yer="Valilik",
    )


def event_dates(data, kind: str, today: dt.date) -> list[dt.date]:
    return [
        e.date for e in commands.calendar(data, today).payload.schedule.events if e.kind == kind and e.meeting_no == "1"
    ]


# --- §3: the days before a meeting, on plain weekdays -------------------------------------------------------


@pytest.mark.parametrize(
    "planned, target",
    [
        (D(2029, 10, 17), D(2029, 10, 2)),  # Wednesday − 15 = Tuesday: a working day, nothing moves
        (D(2029, 10, 22), D(2029, 10, 5)),  # Monday − 15 = Sunday 7 October: moved earlier to Friday
    ],
)
def test_m10_1_agenda_preparation_starts_fifteen_days_before(memory_book, planned, target):
    """M10(1): agenda preparation starts 15 days before the board; a target on a weekend moves earlier. Fails if the
    rule's 15 becomes 14 (the first case gives Wednesday 3, the second Monday 8 October)."""
    data = memory_book(settings=province(2029), rows={"Toplantılar": [meeting(1, BOARD, planned)]})
    assert event_dates(data, "gundem_hazirlik", D(2029, 9, 1)) == [target]


@pytest.mark.parametrize(
    "planned, target",
    [
        (D(2029, 9, 6), D(2029, 9, 3)),  # Thursday − 3 = Monday
        (D(2029, 9, 4), D(2029, 8, 31)),  # Tuesday − 3 = Saturday 1 September: moved earlier to Friday 31 August
    ],
)
def test_m11_4_sub_commission_notice_three_days_before(memory_book, planned, target):
    """M11(4): sub-commission members are told the day, place and time at the latest 3 days before (the board's
    5 days of M11(3) do not apply). Fails if the 3 becomes 2 or 4."""
    data = memory_book(settings=province(2029), rows={"Toplantılar": [meeting(1, SUB, planned)]})
    assert event_dates(data, "bildirim", D(2029, 8, 1)) == [target]


@pytest.mark.parametrize("planned, target", [(D(2029, 10, 17), D(2029, 10, 12)), (D(2029, 10, 22), D(2029, 10, 17))])
def test_m11_3_board_notice_five_days_before(memory_book, planned, target):
    """M11(3): board members are told at the latest 5 days before: Wednesday 17 → Friday 12 October, Monday 22 →
    Wednesday 17 October."""
    data = memory_book(settings=province(2029), rows={"Toplantılar": [meeting(1, BOARD, planned)]})
    assert event_dates(data, "bildirim", D(2029, 9, 1)) == [target]


# --- GK(ç): the final project report, 30 days after the end -------------------------------------------------


def test_gk_c_final_report_is_late_on_the_thirty_first_day(memory_book):
    """GK(ç), our reading (KURALLAR): the final report is due 30 days after the project's end. Ended Wednesday 14
    March 2029: due Friday 13 April (a working day); on the 13th nothing is late, on the 14th it is. Fails if the 30
    becomes 31 (due Monday 16 April) or 29."""
    project = row(
        "Projeler",
        Proje_No=1,
        Proje_Adı="Uyum kursları",
        Yürütücü_Kurum="Valilik",
        Kapsam="Ulusal",
        Görüş_Talep_Tarihi=D(2028, 10, 1),
        Başkanlık_Görüşü="Olumlu",
        Görüş_Tarihi=D(2028, 11, 1),
        Başlangıç=D(2029, 1, 10),
        Bitiş=D(2029, 3, 14),
        **{"Ara Rapor Sıklığı (Ay)": 6},
    )
    data = memory_book(settings=province(2029), rows={"Projeler": [project]})

    def late(today):
        return [
            f
            for f in commands.check(data, today).payload
            if f.rule == rules.PROJECT_REPORTS_ARTICLE and "nihai raporu" in f.message
        ]

    assert late(D(2029, 4, 13)) == []
    found = late(D(2029, 4, 14))
    assert [(f.level, f.sheet) for f in found] == [("hata", "Projeler")] and "13.04.2029" in found[0].message
    final = [
        e.date for e in commands.calendar(data, D(2029, 3, 1)).payload.schedule.events if e.kind == "proje_nihai_rapor"
    ]
    assert final == [D(2029, 4, 13)]


# --- §7: what the year boundary carries, and what the year's report counts ------------------------------------


def _texts(specs) -> str:
    out = []
    for spec in specs:
        for block in spec.blocks:
            for values in block.values:
                out.extend(str(v) for v in values if isinstance(v, str))
    return "\n".join(out)


def test_a_problem_carried_from_last_year_is_not_this_years_problem_in_ek3(memory_book):
    """KURALLAR §7 / M13(1): a problem carried from 2029 (Devreden Yıl) is 2029's; the 2030 Ek-3 lists only the
    problems its own meetings found — even when the carried row's old meeting number equals a 2030 meeting's."""
    rows = {
        "Toplantılar": [meeting(1, BOARD, D(2030, 1, 16), D(2030, 1, 16))],
        "Sorunlar": [
            row(
                "Sorunlar",
                Sorun_No=1,
                Toplantı_No=1,
                Alan="Sağlık",
                Tespit_Edilen_Sorun="Yeni yılın sorunu",
                Durum="Açık",
            ),
            row(
                "Sorunlar",
                Sorun_No=7,
                Toplantı_No=1,
                Alan="Eğitim",
                Tespit_Edilen_Sorun="Geçen yıldan devreden sorun",
                Durum="Açık",
                **{"Devreden Yıl": 2029},
            ),
        ],
    }
    data = memory_book(settings=province(2030), rows=rows)
    text = _texts(commands.annual_report(data, 2030).specs)
    assert "Yeni yılın sorunu" in text
    assert "Geçen yıldan devreden sorun" not in text


def test_devir_carries_a_problem_whose_status_is_blank(memory_book):
    """KURALLAR §7: a problem with no Durum is not known to be solved, so it is carried (as an open one is); a
    solved one is not."""
    rows = {
        "Toplantılar": [meeting(1, BOARD, D(2029, 1, 16), D(2029, 1, 16))],
        "Sorunlar": [
            row("Sorunlar", Sorun_No=1, Toplantı_No=1, Alan="Sağlık", Tespit_Edilen_Sorun="Durumu boş"),
            row("Sorunlar", Sorun_No=2, Toplantı_No=1, Alan="Sağlık", Tespit_Edilen_Sorun="Çözülen", Durum="Çözüldü"),
        ],
    }
    carried = commands.carry_over(memory_book(settings=province(2029), rows=rows)).payload.rows["Sorunlar"]
    problem = HEADERS["Sorunlar"].index("Tespit Edilen Sorun")
    year = HEADERS["Sorunlar"].index(contract.CARRIED_COLUMN)
    assert [(r[problem], r[year]) for r in carried] == [("Durumu boş", 2029)]


# --- the write rule at its last moments ---------------------------------------------------------------------


@pytest.fixture
def book(make_book) -> Path:
    return make_book()


def test_a_save_landing_between_the_backup_and_the_rename_is_kept(book, monkeypatch):
    """A competing save that lands after our temporary file and backup are written, just before the rename: theirs
    is kept, ours is dropped (FileChanged). Injected at that moment (the lock check right before the last stat
    comparison), not hoped for by timing. Fails if the last re-check before the rename is removed."""
    theirs = book.read_bytes() + b"\0" * 10  # another size: only the last stat comparison can see it
    real_check = atomic_mod.check_not_locked

    def competing_save_then_check(path):
        # the lock is checked twice: before anything is read and just before the rename; the second time our
        # finished temporary file lies beside the book
        if any(p.name.startswith(atomic_mod.TEMP_PREFIX) for p in book.parent.iterdir()):
            Path(path).write_bytes(theirs)
        real_check(path)

    monkeypatch.setattr(atomic_mod, "check_not_locked", competing_save_then_check)
    with pytest.raises(FileChanged):
        writer_mod.write_sheets(book, [SheetSpec("Kontrol", [Block(1, 1, [["yeni"]])])])
    assert book.read_bytes() == theirs
    assert not [p for p in book.parent.iterdir() if p.name.startswith(atomic_mod.TEMP_PREFIX)]


def test_a_save_that_changes_no_stat_field_is_seen_by_its_content(book):
    """A save of the same size, in place, whose modification time is set back (a file system with coarse times
    does this by itself): identity, size and time all match, only the bytes differ. It is kept; ours is dropped.
    Fails if the content comparison before the rename is removed."""
    data, expect = atomic_mod.read_stamped(book)
    middle = len(data) // 2
    theirs = data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]

    def write(f):
        f.write(b"ours")
        st = os.stat(book)
        with open(book, "r+b") as other:  # the competitor writes the same file in place
            other.write(theirs)
        os.utime(book, ns=(st.st_atime_ns, st.st_mtime_ns))

    with pytest.raises(FileChanged):
        atomic_mod.save_atomic(book, write, expect=expect)
    assert book.read_bytes() == theirs


# --- Excel's sheet-name rule ---------------------------------------------------------------------------------

LENGTH = "1 ile 31 karakter arasında olmalı"
APOSTROPHE = "kesme işaretiyle (') başlayıp bitemez"


@pytest.mark.parametrize(
    "name, problem",
    [
        ("E" * 31, None),
        ("E" * 32, LENGTH),
        ("", LENGTH),
        ("Ek-1 " + "9" * 26, None),
        ("Ek-1 " + "9" * 27, LENGTH),
        ("'Ek-1 3", APOSTROPHE),
        ("Ek-1 3'", APOSTROPHE),
        ("Ek-1 3'ün", None),
        ("Ek-1 2025/3", "[ ] : * ? / \\ karakterlerini içeremez"),
        ("History", "Excel'e ayrılmış bir ad"),
    ],
)
def test_sheet_names_at_excels_limits(book, name, problem):
    """Excel: 1–31 characters, none of [ ] : * ? / \\, no apostrophe at the start or the end (inside one is
    allowed), not 'History'; the refusal says which rule, and nothing is written."""
    before = book.read_bytes()
    spec = SheetSpec(name, [Block(1, 1, [["x"]])])
    if problem is None:
        writer_mod.write_sheets(book, [spec], make_backup=False)
        from python_calamine import CalamineWorkbook

        assert name in CalamineWorkbook.from_path(str(book)).sheet_names
    else:
        with pytest.raises(GocKurulError) as err:
            writer_mod.write_sheets(book, [spec])
        assert str(err.value) == f"'{name}' sayfa adı olarak kullanılamaz: {problem}."
        assert book.read_bytes() == before
