"""The sheets of `ulusal`: the Presidency's national summary (Özet), the totals by year with two charts (Yıllara
Göre) and the platform folders that could not be used (Okunamayanlar). Pure: tables in, specs out; the counting
is done by files/national.py."""

from __future__ import annotations

import datetime as dt

from .. import contract, rules
from ..core.text import tr_date
from ..sheetspec import Block, ChartSpec, PrintSetup, SheetSpec, Value, cell_ref, col_letter

Table = tuple[list[str], list[list[Value]]]  # headers, rows
FIRST_ROW = 3  # header row of every table (row 1: title, row 2: note)


def _table_sheet(
    name: str, title: str, note: str | None, table: Table, widths: dict[int, float], frozen_cols: int
) -> SheetSpec:
    headers, rows = table
    spec = SheetSpec(
        name,
        col_widths={c: widths.get(c, 14) for c in range(1, len(headers) + 1)},
        freeze=cell_ref(FIRST_ROW + 1, frozen_cols + 1),
        print_setup=PrintSetup(orientation="landscape", title_rows=(FIRST_ROW, FIRST_ROW)),
    )
    spec.blocks.append(Block(1, 1, [[title]], style="title"))
    if note:
        spec.blocks.append(Block(2, 1, [[note]], style="plain"))
        spec.merges.append(f"A2:{col_letter(max(len(headers), 1))}2")
    spec.blocks.append(Block(FIRST_ROW, 1, [headers], style="header"))
    spec.row_heights[FIRST_ROW] = 45.0  # the headers wrap over three lines
    if rows:
        styles = ["text" if isinstance(rows[0][c], str) else "number" for c in range(len(headers))]
        spec.blocks.append(Block(FIRST_ROW + 1, 1, rows, col_styles=styles))
        spec.autofilter = f"A{FIRST_ROW}:{col_letter(len(headers))}{FIRST_ROW + len(rows)}"
    return spec


def required_basis(with_population: bool) -> str:
    """How 'gereken' was counted: by each province's foreign population (M7(1)/(2), M6(9)), or the minimum."""
    t = rules.THRESHOLDS["province_quarterly"]
    quarterly, biannual = len(rules.PROVINCE_BOARD_QUARTERLY.months), len(rules.PROVINCE_BOARD_BIANNUAL.months)
    if with_population:
        return (
            f"gereken: ilin platform belgelerindeki yabancı nüfusuna göre ({t.text} {quarterly}, {t.below_text} "
            f"{biannual}); belgelerinde nüfus olmayan il (şema 1.0) 'nüfus bilinmiyor'"
        )
    return f"gereken: genelgedeki en az sayı ({biannual}); il yabancı nüfusu platform belgelerinde yok"


def national_sheets(
    summary: Table, years: Table, problems: list[tuple[str, str]], *, today: dt.date, with_population: bool
) -> list[SheetSpec]:
    note = (
        f"Tarih: {tr_date(today)}. Kaynak: platform belgeleri; {required_basis(with_population)}. Süresi "
        "geçen karar: verilen süresi geçmiş, durumu Bekliyor / Devam Ediyor."
    )
    specs = [
        _table_sheet(
            contract.NATIONAL_SUMMARY_SHEET, "Göç Koordinasyon Kurulları — il ve yıl özeti", note, summary, {1: 18}, 2
        ),
        _table_sheet(contract.NATIONAL_YEARS_SHEET, "Yıllara göre toplamlar", None, years, {1: 18}, 1),
    ]
    headers, rows = years
    n = len(rows)
    if n:
        cats = f"A{FIRST_ROW + 1}:A{FIRST_ROW + n}"

        def series(col: int) -> tuple[str, str]:
            letter = col_letter(col)
            return headers[col - 1], f"{letter}{FIRST_ROW + 1}:{letter}{FIRST_ROW + n}"

        first_status = headers.index(rules.DECISION_STATUSES[0]) + 1
        specs[1].charts = [
            ChartSpec(
                "column",
                "İl GKK olağan toplantıları: gereken ve yapılan",
                cats,
                [series(3), series(4)],
                f"A{n + 6}",
                18.0,
                8.0,
            ),
            ChartSpec(
                "stacked_column",
                "Kararların durumu",
                cats,
                [series(c) for c in range(first_status, first_status + len(rules.DECISION_STATUSES))],
                f"K{n + 6}",
                18.0,
                8.0,
            ),
        ]
    if problems:
        specs.append(
            _table_sheet(
                contract.NATIONAL_PROBLEMS_SHEET,
                "Kullanılamayan platform klasörleri (toplamlara girmedi)",
                None,
                (["Klasör", "Sebep"], [list(p) for p in problems]),
                {1: 30, 2: 100},
                0,
            )
        )
    return specs
