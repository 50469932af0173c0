"""Issue 22: `kontrol --json` is the same before and after the checks were reorganised by the circular's
sections — on the demo book, the bench books, the books of the tests and a few hundred seeded variants
(tests/kontrol/golden.py names them; data/golden.json.gz holds what the code before the reorganisation printed)."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from ..conftest import kontrol_json, run_cli
from . import golden


def differences(expected: dict[str, list[dict]], actual: dict[str, list[dict]]) -> list[str]:
    """Each case whose findings differ, with the first finding that differs (order counts: it is the JSON)."""
    out = []
    for name in sorted(expected.keys() | actual.keys()):
        want, got = expected.get(name), actual.get(name)
        if want == got:
            continue
        if want is None or got is None:
            out.append(f"{name}: {'yeni durum' if want is None else 'durum yok'}")
            continue
        i = next((i for i, (a, b) in enumerate(zip(want, got, strict=False)) if a != b), min(len(want), len(got)))
        out.append(
            f"{name}: {len(want)} bulgu bekleniyordu, {len(got)} çıktı; ilk fark #{i}: "
            f"{want[i] if i < len(want) else '-'} != {got[i] if i < len(got) else '-'}"
        )
    return out


@pytest.fixture(scope="module")
def recorded():
    return golden.recorded()


def test_kontrol_prints_what_it_printed_before_the_reorganisation(recorded):
    found = differences(recorded, golden.compute())
    assert not found, "\n".join(found[:20])


def test_the_comparison_sees_a_finding_changed_dropped_or_moved(recorded):
    name = next(n for n, v in recorded.items() if len(v) > 2)
    changed = copy.deepcopy(recorded)
    changed[name][1]["mesaj"] += " "
    assert differences(recorded, changed) and name in differences(recorded, changed)[0]
    changed = copy.deepcopy(recorded)
    changed[name].pop()
    assert differences(recorded, changed)
    changed = copy.deepcopy(recorded)
    changed[name][0], changed[name][1] = changed[name][1], changed[name][0]
    assert differences(recorded, changed)


def test_the_golden_books_reach_the_rules():
    """Not a set of clean books: findings of most articles, of both levels, in every family of cases."""
    rec = golden.recorded()
    articles = {f["kural"] for v in rec.values() for f in v}
    assert len(articles) >= 25
    assert {f["duzey"] for v in rec.values() for f in v} == {"hata", "uyari"}
    for family in ("ornek@", "bench/1x@", "bench/uye-disi@", "yil-siniri/", "ilceler/", "degisik/", "degisik-sinir/"):
        assert any(rec[n] for n in rec if n.startswith(family)), family


def test_the_demo_file_gives_the_recorded_findings_through_the_command_line(tmp_path):
    """The same book written by `gockurul ornek` and checked by `gockurul kontrol --json` in a new process."""
    path = tmp_path / "ornek.xlsx"
    proc = run_cli("ornek", str(path))
    assert proc.returncode == 0, proc.stderr
    today = dt.date(2026, 1, 20)
    _code, found = kontrol_json(path, today)
    assert json.loads(json.dumps(found)) == golden.recorded()[f"ornek@{today.isoformat()}"]
