"""The template's own rules (TASARIM's workbook contract): row schemas, keys once, dates in order, the Kontrol sheet;
and the registry's promise that a check cites only its articles.

Each article on both sides of its edge; the baseline is the clean example (no finding at all).
"""

from __future__ import annotations

import datetime as dt

from gockurul_excel import example, operations, rules

from .base import TODAY, D, findings

# --- moved from tests/test_kontrol.py ---


def test_clean_baseline_has_no_findings(make_book):
    assert findings(make_book()) == []


def test_required_and_closed_lists_and_types(memory_book, example_rows):
    example_rows["Kararlar"][0][2] = None  # Alınan Karar required
    example_rows["Kararlar"][1][7] = "Bitti"  # not a status
    example_rows["Sorunlar"][0][2] = "Ulaşım"  # not an M6(7) area
    example_rows["Toplantılar"][1][4] = "32.13.2025"  # not a date
    example_rows["İlçeler"][0][1] = "çok"  # not a number
    found = findings(memory_book(rows=example_rows))
    cells = {(f[2], f[3]) for f in found if f[0] == "hata"}
    assert {
        ("Kararlar", "C2"),
        ("Kararlar", "H3"),
        ("Sorunlar", "C2"),
        ("Toplantılar", "E3"),
        ("İlçeler", "B2"),
    } <= cells
    msg = next(f[4] for f in found if f[3] == "H3")
    assert "Bitti" in msg and "Uygulandı" in msg


def test_text_dates_and_numbers_are_read(make_book, example_rows):
    example_rows["Toplantılar"][0][4] = "15.01.2025"
    example_rows["Toplantılar"][0][3] = "15.01.2025"
    example_rows["İlçeler"][0][1] = "182.400"
    assert findings(make_book(rows=example_rows)) == []


def test_unique_keys(memory_book, example_rows):
    example_rows["Kararlar"][1][0] = 1
    found = [f for f in findings(memory_book(rows=example_rows)) if "birden çok" in f[4]]
    assert found[0][2:4] == ("Kararlar", "A3")


def test_settings_checked(memory_book, example_rows):
    settings = {**example.example_settings(), "İl": "Gazi Antep", "Yabancı Nüfusu": "çok"}
    found = [f for f in findings(memory_book(settings=settings, rows=example_rows)) if f[2] == "Ayarlar"]
    assert len(found) == 2 and all(f[0] == "hata" for f in found)


def test_kontrol_sheet_written_with_links(make_book, example_rows):
    import openpyxl

    example_rows["Kararlar"][0][6] = D(example.YEAR, 1, 14)
    path = make_book(rows=example_rows)
    result = operations.check_workbook(path, write=True, today=TODAY)
    assert result.written and result.exit_code == 1
    ws = openpyxl.load_workbook(path)["Kontrol"]
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert values[0][:4] == ["Hata", "Ek-1", "Kararlar", "G2"]
    assert ws["D4"].hyperlink.location == "'Kararlar'!G2"


def test_older_template_is_read_without_complaint(memory_book, example_rows):
    """A 1.0 workbook lacks the 1.1 column and settings: not an error, `guncelle` adds them."""
    settings = {
        k: v
        for k, v in example.example_settings().items()
        if k not in (rules.SETTING_COAST_GUARD, rules.SETTING_RESEARCH_CENTRE)
    }
    example_rows["Toplantılar"] = [r[:9] for r in example_rows["Toplantılar"]]
    path = memory_book(settings={**settings, "Şablon Sürümü": "1.0"}, rows=example_rows, version="1.0")
    found = findings(path)
    # Without the "varsa" setting, the research centre is not demanded; nothing else is missing.
    assert found == []


def test_blank_number_named_by_row(memory_book, example_rows):
    example_rows["Kararlar"][6][0] = None  # Karar 7's number cleared
    example_rows["Kararlar"][6][6] = D(example.YEAR, 1, 2)
    msgs = [f[4] for f in findings(memory_book(rows=example_rows))]
    assert any(m.startswith("8. satırdaki karar: Verilen Süre") for m in msgs)
    assert not any("None" in m for m in msgs)


def test_every_check_cites_only_the_articles_it_declares(memory_book, example_rows):
    """The registry's articles are what each check enforces: every finding it makes cites one of them."""
    from gockurul_excel.core import checks

    example_rows["Kararlar"][0][6] = D(example.YEAR, 1, 14)  # an Ek-1 error
    example_rows["Üyeler"] = example_rows["Üyeler"][3:]  # chair and members missing: M4(1), M4(2), M6(3)
    example_rows["Kararlar"].append(list(example_rows["Kararlar"][0]))  # a number twice
    example_rows["Kararlar"][1][7], example_rows["Kararlar"][1][8] = rules.DECISION_NOT_IMPLEMENTED, None  # M13(4)
    example_rows["Toplantılar"][0][4] = TODAY + dt.timedelta(days=3)  # held in the future
    plan = example_rows["Eylem Planı"][0]
    plan[6] = plan[5] - dt.timedelta(days=1)  # ends before it starts
    district = {**example.example_settings(), "Kurul Türü": "İlçe", "İlçe": "Nizip"}
    books = [
        memory_book(settings=example.example_settings(), rows=example.example_rows()),
        memory_book(rows=example_rows),
        memory_book(settings=district, rows=example_rows),
    ]
    seen = set()
    for data in books:
        ctx = checks.Context(data, TODAY, data.board_kind, data.setting("Yabancı Nüfusu"))
        for c in checks.CHECKS.values():
            for f in checks.findings_of(c, ctx):
                assert f.rule in c.articles, (c.name, f.rule, c.articles)
                seen.add(c.name)
    assert len(seen) >= 12, seen  # the books above exercise most checks


# --- a year cell the calendar can be computed for (contract.INT_MINIMA / INT_MAXIMA) ---

import pytest  # noqa: E402

from gockurul_excel import commands  # noqa: E402
from gockurul_excel.errors import GocKurulError  # noqa: E402

from .base import book  # noqa: E402


@pytest.mark.parametrize(
    "year, finds",
    [
        (1999, "en az 2000"),
        (2000, None),
        (2100, None),
        (2101, "en çok 2.100"),
        (0, "en az 2000"),
        (10**20, "en çok 2.100"),
        (1e308, "en çok 2.100"),
    ],
)
def test_the_books_year_is_2000_to_2100_else_a_finding_and_no_calendar(year, finds):
    """A year outside 2000–2100 (Excel dates are read in that span) is a finding on Ayarlar's Yıl cell, and no
    command computes with it: `takvim` says the year is missing instead of failing (Yıl = 10**20 or 0 once ended
    in an unexpected OverflowError / ValueError)."""
    data = book(**{"Yıl": year})
    on_year = [f for f in findings(data) if f.sheet == "Ayarlar" and "'Yıl'" in f.message]
    if finds is None:
        assert on_year == [] and data.setting("Yıl") == year
        commands.calendar(data, TODAY)
    else:
        assert [f.level for f in on_year] == ["hata"] and finds in on_year[0].message, on_year
        assert data.setting("Yıl") is None
        with pytest.raises(GocKurulError, match="Yıl belirlenemedi"):
            commands.calendar(data, TODAY)
