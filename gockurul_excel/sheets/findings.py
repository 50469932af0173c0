"""The `Kontrol` sheet: the findings of `kontrol`, each linked to its cell."""

from __future__ import annotations

import datetime as dt

from .. import contract
from ..findings import ERROR, WARNING, Finding
from ..sheetspec import Block, PrintSetup, SheetSpec, quote_sheet
from .formsheet import wrapped_height

LEVEL_LABELS = {ERROR: "Hata", WARNING: "Uyarı"}


FINDING_HEADERS = ("Düzey", "Kural", "Sayfa", "Hücre", "Açıklama")
FINDING_WIDTHS = (9, 16, 18, 9, 90)


def findings_sheet(findings: list[Finding], today: dt.date) -> SheetSpec:
    errors = sum(f.level == ERROR for f in findings)
    warnings = sum(f.level == WARNING for f in findings)
    title = [["Kontrol Sonuçları"]]
    if findings:
        status = f"{today:%d.%m.%Y} tarihli kontrol: {errors} hata, {warnings} uyarı."
    else:
        status = f"{today:%d.%m.%Y} tarihli kontrol: sorun bulunmadı."
    spec = SheetSpec(
        name=contract.FINDINGS_SHEET,
        col_widths=dict(enumerate(FINDING_WIDTHS, start=1)),
        freeze="A4",
        merges=["A1:E1", "A2:E2"],
        print_setup=PrintSetup(orientation="landscape", title_rows=(3, 3)),
        tab_color="C00000" if errors else "00B050",
    )
    spec.blocks.append(Block(1, 1, title, style="title"))
    spec.blocks.append(Block(2, 1, [[status]], style="hata" if errors else ("uyari" if warnings else "ok")))
    spec.blocks.append(Block(3, 1, [list(FINDING_HEADERS)], style="header"))
    rows, links, levels = [], {}, []
    for i, f in enumerate(findings):
        rows.append([LEVEL_LABELS.get(f.level, f.level), f.rule, f.sheet or "", f.cell or "", f.message])
        if f.sheet:
            links[(i, 3)] = f"{quote_sheet(f.sheet)}!{f.cell or 'A1'}"
        levels.append(f.level)
    if rows:
        spec.blocks.append(Block(4, 1, rows, col_styles=[None, "text", "text", "link", "text"], links=links))
        # Level cells coloured per level: one block per run of equal levels keeps writes few.
        start = 0
        for i in range(1, len(levels) + 1):
            if i == len(levels) or levels[i] != levels[start]:
                spec.blocks.append(
                    Block(4 + start, 1, [[LEVEL_LABELS[lv]] for lv in levels[start:i]], style=levels[start])
                )
                start = i
        spec.autofilter = f"A3:E{3 + len(rows)}"
        # A finding of two or more lines gets the rows' height for them (no program grows a row for written text).
        # On a live book Excel fits these unmerged rows itself: one autofit call for the run.
        for i, values in enumerate(rows):
            spec.row_heights[4 + i] = wrapped_height(list(zip(values, FINDING_WIDTHS, strict=True)))
            spec.autofit_rows.add(4 + i)
    spec.row_heights[2] = wrapped_height([(status, sum(FINDING_WIDTHS))])
    return spec
