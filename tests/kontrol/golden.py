"""The books whose `kontrol --json` must not change when the checks are reorganised (issue 22), and the recorder
of their findings.

`python -m tests.kontrol.golden` records the findings of every case into data/golden.json.gz; test_golden.py
computes them again and compares. Record again only for a deliberate rule change, and say which findings changed.

Cases: the demo book (`gockurul ornek`) and the clean example; the bench books (bench/generate.py: one year, a
history of several years, the findings-heavy shape whose participants are not members); the books of the tests
(year boundary, merged districts, district boards); and the example changed at random, a few cells at a time,
seeded (every rule's edge is reached by some of them), each judged on several days of the year.
"""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import importlib.util
import json
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from gockurul_excel import commands, contract, example, rules
from gockurul_excel.core.model import WorkbookData, workbook_from_rows

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data" / "golden.json.gz"
D = dt.date

# The days each book is judged on: before and inside the year's windows, after the year, long after.
EXAMPLE_DAYS = (D(2025, 2, 3), D(2025, 6, 16), D(2025, 10, 27), D(2026, 1, 20), D(2026, 11, 24))
MUTANTS = 120


def _bench():
    spec = importlib.util.spec_from_file_location("bench_generate_golden", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _example_settings() -> dict:
    return example.example_settings()


def _mutate(rows: dict[str, list[list]], rng: random.Random, changes: int) -> None:
    """Change `changes` cells or rows of the example: blank a cell, copy a value from another row of the column,
    move a date or time, drop or repeat a row."""
    sheets = [s for s, r in rows.items() if r]
    for _ in range(changes):
        sheet = rng.choice(sheets)
        body = rows[sheet]
        if not body:
            continue
        i = rng.randrange(len(body))
        op = rng.random()
        if op < 0.06:
            body.pop(i)
            continue
        if op < 0.1:
            body.insert(i, list(body[i]))
            continue
        row = body[i]
        j = rng.randrange(len(row))
        value = row[j]
        if op < 0.3:
            row[j] = None
        elif op < 0.55:
            other = body[rng.randrange(len(body))]
            row[j] = other[j] if j < len(other) else None
        elif isinstance(value, dt.date):
            row[j] = value + dt.timedelta(days=rng.choice((-400, -60, -20, -7, -3, -1, 1, 2, 5, 9, 30, 90, 365)))
        elif isinstance(value, int) and not isinstance(value, bool):
            row[j] = value + rng.choice((-1, 1, 5, 1000))
        elif isinstance(value, str):
            row[j] = rng.choice(
                (
                    value.upper(),
                    value + " x",
                    "Hayır",
                    "Evet",
                    "Bekliyor",
                    "Uygulanamadı",
                    "İlçe GKK",
                    "Alt Komisyon",
                    "Ek",
                    value[: len(value) // 2],
                )
            )
        else:
            row[j] = rng.choice(("metin", 0, D(2025, 5, 1)))


def _test_books() -> Iterator[tuple[str, Callable[[], WorkbookData], tuple[dt.date, ...]]]:
    from tests.test_annual_districts import kiziltepe, merged, province_book
    from tests.test_year_boundary import OLD, district_settings, old_rows, province_settings

    yield (
        "yil-siniri/il",
        lambda: workbook_from_rows(province_settings(), old_rows()),
        (D(OLD, 3, 1), D(OLD, 12, 31), D(OLD + 1, 3, 1)),
    )
    yield (
        "yil-siniri/ilce",
        lambda: workbook_from_rows(
            district_settings(), old_rows(rules.MeetingCategory.DISTRICT_BOARD.value, province=False)
        ),
        (D(OLD, 3, 1), D(OLD, 12, 31), D(OLD + 1, 3, 1)),
    )
    days = (D(2033, 3, 1), D(2033, 12, 1), D(2034, 2, 1))
    yield "ilceler/il", province_book, days
    yield "ilceler/kiziltepe", kiziltepe, days
    yield "ilceler/birlestirilmis", merged, days


def cases() -> Iterator[tuple[str, Callable[[], WorkbookData], tuple[dt.date, ...]]]:
    """(name, book, days): every book of the golden test."""
    from tests.conftest import clean_example_rows

    yield "ornek", lambda: workbook_from_rows(_example_settings(), example.example_rows()), EXAMPLE_DAYS
    yield "ornek-temiz", lambda: workbook_from_rows(_example_settings(), clean_example_rows()), EXAMPLE_DAYS
    bench = _bench()
    bench_days = (D(2025, 3, 10), D(2025, 7, 1), D(2025, 10, 20), bench.BUGUN)
    settings = bench.generate_settings()
    yield "bench/1x", lambda: workbook_from_rows(settings, bench.generate_rows(1)), bench_days
    yield "bench/yillar-4", lambda: workbook_from_rows(settings, bench.generate_history_rows(4, 0.5)), (bench.BUGUN,)
    yield (
        "bench/uye-disi",
        lambda: workbook_from_rows(settings, bench.generate_history_rows(3, 0.3, outsiders=True)),
        (D(2025, 7, 1), bench.BUGUN),
    )
    yield from _test_books()
    for k in range(MUTANTS):

        def book(k=k):
            rng = random.Random(2200 + k)
            rows = copy.deepcopy(example.example_rows() if k % 2 else clean_example_rows())
            _mutate(rows, rng, 1 + k % 7)
            settings = _example_settings()
            if k % 5 == 4:  # a board kind or a setting changed too
                name = rng.choice([s.name for s in contract.SETTINGS if s.name in settings])
                settings[name] = rng.choice((None, "Hayır", "Evet", "İlçe"))
            return workbook_from_rows(settings, rows)

        yield f"degisik/{k:03d}", book, (EXAMPLE_DAYS[k % len(EXAMPLE_DAYS)], EXAMPLE_DAYS[(k + 2) % 5])
    from tests.test_year_boundary import OLD, district_settings, old_rows, province_settings

    boundary_days = (D(OLD, 3, 1), D(OLD, 8, 1), D(OLD, 12, 31), D(OLD + 1, 3, 1))
    for k in range(MUTANTS // 3):

        def boundary_book(k=k):
            rng = random.Random(2300 + k)
            district = k % 2 == 0
            rows = old_rows(rules.MeetingCategory.DISTRICT_BOARD.value, province=False) if district else old_rows()
            _mutate(rows, rng, 1 + k % 4)
            return workbook_from_rows(district_settings() if district else province_settings(), rows)

        yield f"degisik-sinir/{k:03d}", boundary_book, (boundary_days[k % 4], boundary_days[(k + 1) % 4])


def findings_of(data: WorkbookData, today: dt.date) -> list[dict]:
    """What `kontrol --json` prints for the book on that day (commands.check is its one function)."""
    return [f.to_json() for f in commands.check(data, today, sheet=False).payload]


def compute() -> dict[str, list[dict]]:
    out = {}
    for name, book, days in cases():
        data = book()
        for today in days:
            out[f"{name}@{today.isoformat()}"] = findings_of(data, today)
    return out


def recorded() -> dict[str, list[dict]]:
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        return json.load(f)


def changes(before: dict[str, list[dict]], after: dict[str, list[dict]]) -> dict[str, tuple[int, int]]:
    """Per article: (findings only before, findings only after), over every case (order aside)."""
    from collections import Counter

    out: dict[str, list[int]] = {}
    for name in before.keys() | after.keys():
        old = Counter(json.dumps(f, ensure_ascii=False, sort_keys=True) for f in before.get(name, []))
        new = Counter(json.dumps(f, ensure_ascii=False, sort_keys=True) for f in after.get(name, []))
        for text, n in (old - new).items():
            out.setdefault(json.loads(text)["kural"], [0, 0])[0] += n
        for text, n in (new - old).items():
            out.setdefault(json.loads(text)["kural"], [0, 0])[1] += n
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def main() -> int:
    result = compute()
    if "--fark" in sys.argv:  # what a deliberate rule change changed, before recording it
        before = recorded()
        moved = [
            n
            for n in before
            if n in result and before[n] != result[n] and sorted(map(str, before[n])) == sorted(map(str, result[n]))
        ]
        print(f"sırası değişen durum: {len(moved)}")
        for article, (gone, new) in changes(before, result).items():
            print(f"{article}: {gone} bulgu gitti, {new} bulgu geldi")
        return 0
    DATA.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(DATA, "wb", mtime=0) as f:  # the same findings give the same bytes
        f.write(json.dumps(result, ensure_ascii=False, indent=0, sort_keys=True).encode())
    total = sum(map(len, result.values()))
    print(f"{DATA}: {len(result)} durum, {total} bulgu")
    return 0


if __name__ == "__main__":
    sys.exit(main())
