"""`ulusal`: the national roll-up on a small generated set, numbers checked by hand.

The template is the example's export (Gaziantep 2025): meetings 1, 3, 6, 8 ordinary İl GKK, 4 an extra
İl GKK, 2, 5, 7, 9 ordinary Alt Komisyon; 15 decisions: 8 Uygulandı, 4 Devam Ediyor, 2 Bekliyor,
1 Uygulanamadı; the six open ones are due 30.06 two years after the meetings' year.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path

import openpyxl
import pytest

from gockurul_excel.files import national, platform_folder

BENCH = Path(__file__).resolve().parent.parent / "bench" / "national_bench.py"
TODAY = dt.date(2026, 11, 24)


def _bench():
    spec = importlib.util.spec_from_file_location("national_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("national_bench", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    bench = _bench()
    work = tmp_path_factory.mktemp("ulusal")
    template = bench.template_export(work)
    root = work / "belgeler"
    bench.write_folder(template, root / "adana" / "2024", "Adana", 2024)
    # meeting 3 (ordinary İl GKK, decisions 3 and 4 Uygulandı) and 4 (extra, decision 5 Devam Ediyor) missing,
    # no annual report
    bench.write_folder(template, root / "adana" / "2025", "Adana", 2025, drop_meetings={"3", "4"}, annual=False)
    # a small province (under 10.000: two boards a year suffice) and one whose documents are of schema 1.0
    bench.write_folder(
        template, root / "kilis" / "2025", "Kilis", 2025, drop_meetings={"3", "4", "6"}, population=9_999
    )
    bench.write_folder(template, root / "eski" / "2025", "Düzce", 2025, old_schema=True)
    bolu = bench.write_folder(template, root / "bolu" / "2025", "Bolu", 2025)
    tampered = next(bolu.glob("*toplanti-1.json"))
    tampered.write_bytes(tampered.read_bytes().replace(b"Valilik", b"Valilik!"))
    # the same export copied twice counts once
    bench.write_folder(template, root / "kopya" / "adana-2024", "Adana", 2024)
    return root


def test_rollup_numbers(documents, tmp_path):
    out = national.national_rollup(documents, tmp_path / "ULUSAL.xlsx", today=TODAY)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Özet", "Yıllara Göre", "Okunamayanlar"]
    ws = wb["Özet"]
    headers = [c.value for c in ws[3]]
    rows = [dict(zip(headers, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=4)]
    assert [(r["İl"], r["Yıl"]) for r in rows] == [("Adana", 2024), ("Adana", 2025), ("Düzce", 2025), ("Kilis", 2025)]
    a24, a25, old, small = rows
    # the documents carry the foreign population (412.345: four boards and four sub-commissions a year, M7(1), M6(9))
    assert a24["Yabancı nüfusu"] == 412_345
    assert (
        a24["İl GKK olağan (yapılan)"],
        a24["İl GKK olağan (gereken)"],
        a24["Alt Komisyon olağan (yapılan)"],
        a24["Alt Komisyon olağan (gereken)"],
        a24["Ek toplantı"],
    ) == (4, 4, 4, 4, 1)
    assert (a24["Karar"], a24["Bekliyor"], a24["Devam Ediyor"], a24["Uygulandı"], a24["Uygulanamadı"]) == (
        15,
        2,
        4,
        8,
        1,
    )
    assert a24["Süresi geçen karar"] == 6  # due 30.06.2026 < 24.11.2026, still open
    assert (a24["Yıllık rapor (Ek-3) geldi"], a24["Olağan toplantılar"]) == ("Evet", "Tamam")
    assert (
        a25["İl GKK olağan (yapılan)"],
        a25["Ek toplantı"],
        a25["Karar"],
        a25["Uygulandı"],
        a25["Devam Ediyor"],
        a25["Süresi geçen karar"],
    ) == (3, 0, 12, 6, 3, 0)
    # three boards of four: not "Tamam" (it was, when 'gereken' could only be the minimum of two)
    assert (a25["Yıllık rapor (Ek-3) geldi"], a25["Olağan toplantılar"]) == ("Hayır", "Eksik")
    assert (
        small["Yabancı nüfusu"],
        small["İl GKK olağan (gereken)"],
        small["Alt Komisyon olağan (gereken)"],
        small["İl GKK olağan (yapılan)"],
        small["Olağan toplantılar"],
    ) == (9_999, 2, 2, 2, "Tamam")
    assert (old["Yabancı nüfusu"], old["Olağan toplantılar"]) == (None, "nüfus bilinmiyor")  # schema 1.0, still read

    years = wb["Yıllara Göre"]
    assert [c.value for c in years[4]][:4] == [2024, 1, 4, 4]
    assert len(years._charts) == 2
    problems = [r[0].value for r in wb["Okunamayanlar"].iter_rows(min_row=4)]
    assert problems == [str(Path("bolu") / "2025")]


def test_rollup_with_populations(documents, tmp_path):
    out = national.national_rollup(documents, tmp_path / "u.xlsx", today=TODAY, populations={"Adana": 10_000})
    ws = openpyxl.load_workbook(out)["Özet"]
    headers = [c.value for c in ws[3]]
    a25 = dict(zip(headers, (c.value for c in ws[5]), strict=True))
    assert (a25["İl GKK olağan (gereken)"], a25["Alt Komisyon olağan (gereken)"]) == (4, 4)
    assert a25["Olağan toplantılar"] == "Eksik"  # 3 of 4
    old = dict(zip(headers, (c.value for c in ws[6]), strict=True))
    assert old["İl"] == "Düzce" and old["Olağan toplantılar"] == "nüfus bilinmiyor"


def test_generated_folder_is_valid(documents):

    docs = platform_folder.read_folder(documents / "adana" / "2025")
    assert {d["il"] for d in docs} == {"Adana"} and {d["yil"] for d in docs} == {2025}
    manifest = json.loads((documents / "adana" / "2024" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["kimlik"] == "adana-2024"


def test_process_pool_gives_the_same_tables(documents, monkeypatch):
    serial = national.load_documents(documents, workers=1)
    monkeypatch.setattr(national, "PARALLEL_FROM", 1)
    pooled = national.load_documents(documents, workers=2)
    assert serial == pooled
    assert serial[0].meetings and serial[0].decisions and serial[0].annual and serial[1]


def test_no_platform_folder_is_refused(tmp_path):
    from gockurul_excel.errors import InvalidArgument

    with pytest.raises(InvalidArgument, match="platform klasörü"):
        national.national_rollup(tmp_path, tmp_path / "u.xlsx", today=TODAY)
    assert not (tmp_path / "u.xlsx").exists()


GOLDEN = Path(__file__).resolve().parent / "data" / "ulusal_golden.json"
# (today, populations): the counting's edges — overdue decisions before/after their due date, provinces above
# and below both thresholds, a population given for a province whose documents carry none (schema 1.0)
VARIANTS = {
    "bugun": (TODAY, None),
    "erken": (dt.date(2025, 1, 2), None),
    "nufus": (TODAY, {"Adana": 10_000, "Düzce": 400_000, "Kilis": 1_000_000}),
    "sinir_alti": (TODAY, {"Adana": 9_999, "Kilis": 1}),
}


def _workbook_values(path: Path) -> dict[str, list[list]]:
    """Every cell's value; numbers compare as numbers (Excel keeps every number as a double: 412345 == 412345.0)."""
    wb = openpyxl.load_workbook(path)
    return {
        ws.title: [
            [v.isoformat() if isinstance(v, dt.date) else v for v in row] for row in ws.iter_rows(values_only=True)
        ]
        for ws in wb.worksheets
    }


def rollup_values(documents: Path, tmp_path: Path) -> dict[str, dict[str, list[list]]]:
    out = {}
    for name, (today, populations) in VARIANTS.items():
        path = national.national_rollup(documents, tmp_path / f"{name}.xlsx", today=today, populations=populations)
        text = json.dumps(_workbook_values(path), ensure_ascii=False).replace(str(documents), "<belgeler>")
        out[name] = json.loads(text)  # the folder a problem names, wherever the documents were written
    return out


def test_ulusal_output_is_what_it_was(documents, tmp_path):
    """Every cell of `ulusal`'s workbook as recorded before its counting moved from pandas to core.national."""
    assert rollup_values(documents, tmp_path) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_counting_is_pure_and_at_its_edges():
    """core.national on rows alone (no file): M7(1)/M6(9) four ordinary meetings from 10.000 foreigners, two
    below (M7(2)); an open decision is overdue from the day after its due date; a copy counts once."""
    from gockurul_excel.core.national import Decision, Documents, Meeting, by_year, combine, summarise

    def meeting(kimlik, kategori="il_gkk", tur="olagan", population=None, il="Bolu"):
        return Meeting(il, "", "il", 2025, kimlik, kategori, tur, "2025-03-01", population)

    rows = Documents(
        [
            meeting("a", population=10_000),
            meeting("b"),
            meeting("c", "alt_komisyon"),
            meeting("d", tur="ek"),
            meeting("e", il="Kilis", population=9_999),
        ],
        [
            Decision("Bolu", "", "il", 2025, "a", 1, "bekliyor", "2026-03-01"),
            Decision("Bolu", "", "il", 2025, "a", 2, "devam_ediyor", "2026-02-28"),
            Decision("Bolu", "", "il", 2025, "a", 3, "uygulandi", "2026-01-01"),
        ],
        [],
    )
    twice = combine([rows, rows])
    assert twice == rows
    bolu, kilis = summarise(twice, today=dt.date(2026, 3, 1))
    assert (bolu["il"], bolu["il_gkk_olagan"], bolu["il_gkk_gereken"], bolu["alt_komisyon_gereken"]) == (
        "Bolu",
        2,
        4,
        4,
    )
    assert (bolu["ek_toplanti"], bolu["karar"], bolu["karar_suresi_gecen"], bolu["durum"]) == (1, 3, 1, "Eksik")
    assert (kilis["il_gkk_gereken"], kilis["alt_komisyon_gereken"], kilis["yabanci_nufusu"]) == (2, 2, 9_999)
    unknown = summarise(twice, today=dt.date(2026, 3, 1), populations={"Kilis": 12_000})
    assert unknown[1]["il_gkk_gereken"] == 4
    assert by_year([bolu, kilis])[0][:3] == [2025, 2, 3]
