"""bench/: the generator makes a valid workbook, and run.py's measuring and table code works on it.

A smoke test at a tiny size, not a timing test: the numbers themselves are checked by nobody here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from gockurul_excel import contract
from gockurul_excel.files.reader import read_workbook
from gockurul_excel.operations import check_workbook

BENCH = Path(__file__).resolve().parent.parent / "bench"
TINY = 0.05


def _load(name: str):
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _load("generate")
run = _load("run")


@pytest.fixture(scope="module")
def tiny_book(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("bench") / "kitap.xlsx"
    counts = generate.generate(path, TINY)
    return path, counts


def test_generator_is_deterministic_and_scales():
    assert generate.generate_rows(TINY) == generate.generate_rows(TINY)
    one = generate.row_counts(generate.generate_rows(1))
    assert one["Toplantılar"] == 40 and one["Kararlar"] == 400 and one["Katılımcılar"] == 1_500
    assert one["Eylem Planı"] == 150 and one["Projeler"] == 50
    four = generate.row_counts(generate.generate_rows(4))
    assert four["Toplantılar"] == 160 and four["Katılımcılar"] == 6_000
    with pytest.raises(ValueError):
        generate.generate_rows(0)


def test_generated_workbook_is_clean(tiny_book):
    path, counts = tiny_book
    data = read_workbook(path)
    assert data.findings == []
    for sheet, n in counts.items():
        assert len(data.records(sheet)) == n, sheet
    result = check_workbook(path, write=False, today=generate.BUGUN)
    assert result.findings == [], [str(f) for f in result.findings]


def test_generator_cli(tmp_path, capsys):
    out = tmp_path / "cli.xlsx"
    assert generate.main(["--boyut", str(TINY), "--cikti", str(out)]) == 0
    assert out.exists() and "satır" in capsys.readouterr().out


def test_floor_and_forms_on_tiny_book(tiny_book):
    path, counts = tiny_book
    assert run.floor_read(path) >= sum(counts.values())
    specs = run.all_forms_specs(read_workbook(path))
    assert len(specs) == 2 * counts["Toplantılar"]
    assert {s.name.split(" ")[0] for s in specs} == {"Ek-1", "Ek-2"}


def test_child_measurement_and_tables(tiny_book, tmp_path):
    path, _counts = tiny_book
    floor = run.run_child("taban", path, 4, timeout=120)
    assert floor["sure"] > 0 and floor["rss_kb"] > 0 and floor["satir"] > 0
    ek3 = run.run_child("ek3", path, 4, timeout=300)  # writes a copy, never the book itself
    assert ek3["sure"] > 0
    assert not any(n.startswith("Ek-3") for n in read_workbook(path).sheet_names)
    kontrol = run.measure("kontrol", path, tmp_path, 4)
    assert kontrol["bulgu"] == 0
    process = run.run_child("kontrol_cli", path, 4, timeout=300)  # the CLI as a user runs it, from outside
    assert process["sure"] > 0 and process["cpu"] > 0 and process["rss_kb"] is None
    fake = {code: {"sure": 0.5, "surec": 0.7, "rss_kb": 40_960} for code, _label, _w in run.OPERATIONS}
    fake["taban"] = {"sure": 0.1, "surec": 0.2, "rss_kb": 20_480}
    fake["taban_surec"] = {"sure": 0.4, "surec": 0.4, "cpu": 0.2, "rss_kb": None}
    fake["kontrol_cli"] = {"sure": 1.2, "surec": 1.2, "cpu": 0.6, "rss_kb": None}
    fake["import_makro"] = {"yok": True}
    fake["formlar_cli"] = {"sure": 3.0, "surec": 3.2, "rss_kb": 40_960, "tahmini": True, "toplanti": 40}
    text = run.size_table(fake)
    assert "5.0×" in text and "≈3.000" in text and "—" in text
    big = {k: dict(v) for k, v in fake.items()}
    big["kontrol"] = {"sure": 9.6, "surec": 9.7, "rss_kb": 600 * 1024}
    results, rows = {1.0: fake, 16.0: big}, {1.0: 1_000, 16.0: 16_000}
    growth = run.growth_table(results, rows)
    assert " 1.20 |" in growth  # kontrol: 19.2× the time for 16× the rows
    verdicts = "\n".join(run.targets(results, rows))
    assert "kontrol ≤ 3× taban (16×): 96.0× — KARŞILANMADI" in verdicts
    assert "doğrusal büyüme (büyüme ≤ 1.1): KARŞILANMADI: kontrol" in verdicts
    assert "tepe bellek ≤ 500 MB (16×): 600 MB" in verdicts
    assert "makro henüz yok" in verdicts
    assert "kontrol --json süreci ≤ 2,5× taban süreci (16×): 3.0× (CPU 3.0×) — KARŞILANMADI" in verdicts
    assert run.parse_sizes("16, 1x,4") == [1.0, 4.0, 16.0]
    assert contract.SETTINGS_SHEET in contract.INPUT_SHEETS
