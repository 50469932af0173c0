"""Excel calls bounded by blocks, not rows: every button on the real xlwings remote engine (Office.js client),
counted on the demo book, the 16x bench book and a book with about 10,000 findings.

On a live book each action is a COM call (desktop) or an Office.js range operation. A sheet laid out as a table
costs the same number of actions at any size. The printed reports (Ek-1, Ek-2, Ek-3, Eylem Planı İzleme, the agenda,
the letters' distribution, the sub-commission list) are written unpaginated on an Office.js client (no heading
repeated per estimated page: live.backend.LiveBackend.paginates), so they too cost the same at any size: no
allowance per printed page. Desktop Excel still pays a few calls per printed page (not counted here: no COM on
this machine). The counts are in bench/README.md ("Excel çağrıları")."""

from __future__ import annotations

import collections
import os
import sys
from pathlib import Path

import openpyxl
import pytest

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

from gockurul_excel import makro, operations

from .test_makro import _first_meeting, remote_book

ROOT = Path(__file__).resolve().parent.parent
SLACK = 1.25  # a bigger book may add a table or a chart, not rows' or pages' worth of calls
EXTRA = 10  # actions a bigger book may add on top: a conditional format or a sheet more (2-action buttons)


def _counts(path: Path) -> dict[str, tuple[int, collections.Counter]]:
    _, row = _first_meeting(path)
    out = {}
    for name in makro.BUTTONS:
        book = remote_book(path, selection=("Toplantılar", f"B{row}"))
        message = getattr(makro, name)(book)
        assert "beklenmeyen" not in message, (name, message)
        actions = book.json()["actions"]
        out[name] = (len(actions), collections.Counter(a["func"] for a in actions))
    return out


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sayim")
    demo = folder / "ornek.xlsx"
    operations.create_example(demo)
    # ~10,000 findings: 5,000 member rows pasted with an unknown institution, a phone and an e-mail that are
    # not ones (the book: the demo with 5,000 pasted member rows).
    findings = folder / "bulgu.xlsx"
    wb = openpyxl.load_workbook(demo)
    ws = wb["Üyeler"]
    for i in range(5000):
        ws.append([f"Uzay Kurumu {i}", "Daimi", "Kurul Üyesi", "Müdür", f"Ad{i} Soyad", "x", "y", "Evet"])
    wb.save(findings)
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    big = folder / "kitap-16x.xlsx"
    generate.generate(big, size=16)
    return {"ornek": demo, "bulgu": findings, "16x": big}


@pytest.fixture(scope="module")
def counts(books) -> dict[str, dict[str, tuple[int, collections.Counter]]]:
    return {label: _counts(path) for label, path in books.items()}


def test_the_findings_book_has_ten_thousand_findings(books):
    book = remote_book(books["bulgu"])
    makro.kontrol_et(book)
    rows = max(len(a["values"]) for a in book.json()["actions"] if a["func"] == "setValues")
    assert rows >= 10_000, rows  # one row per finding on the Kontrol sheet


@pytest.mark.parametrize("button", list(makro.BUTTONS))
def test_actions_do_not_grow_with_rows_or_pages(button, books, counts):
    """The issue's "done when": the same order on the demo book, the ≈10,000-finding book (5,000 members: Davet
    and Tebliğ of 64 printed pages each, the sub-commission list of 389) and the 16x book (Ek-3 of 806 printed
    pages, Eylem Planı İzleme of 245), as the file backend paginates them. Paginated on Office.js too, Ek-3 took
    2,871 actions on the 16x book and Gündem ve Davet 3,335 on the findings book."""
    base, _ = counts["ornek"][button]
    for label in ("bulgu", "16x"):
        n, funcs = counts[label][button]
        allowed = SLACK * base + EXTRA
        assert n <= allowed, (label, n, allowed, funcs.most_common(6))
    # The findings book's Kontrol sheet: 10,000 rows, the same calls as the demo's dozen.
    if button == "kontrol_et":
        assert counts["bulgu"][button][0] <= SLACK * base, counts["bulgu"][button]


def test_one_set_colors_and_value_rules_replace_per_row_formats(counts):
    """Eylem Planı İzleme on the 16x book: the overdue flags are one conditional format on their column, the fills
    a few `set_colors` matrices; Takvim's wrapped rows one autofit."""
    _, funcs = counts["16x"]["eylem_plani"]
    assert funcs["addConditionalFormat"] >= 1 and funcs["setRangeColor"] == 0 and funcs["setRangeColors"] >= 1
    _, funcs = counts["16x"]["takvimi_hesapla"]
    assert funcs["setRowHeight"] < 20 and funcs["setAutofit"] <= 4


def test_counts_table(counts, record_property):
    """The table of bench/README.md ("Excel çağrıları"): pytest tests/test_action_counts.py -s."""
    lines = ["| Düğme | örnek | ≈10.000 bulgu | 16× |", "|---|---:|---:|---:|"]
    for name, label in makro.BUTTONS.items():
        lines.append(f"| {label} | " + " | ".join(str(counts[k][name][0]) for k in ("ornek", "bulgu", "16x")) + " |")
    record_property("counts", {k: {n: c[0] for n, c in v.items()} for k, v in counts.items()})
    print("\n" + "\n".join(lines))
    assert len(lines) == 2 + len(makro.BUTTONS)
