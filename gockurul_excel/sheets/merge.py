"""The sheets of `birlestir`: the merged district tables, the merge log and `İlçe İzleme`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import contract
from ..contract import FOLLOW_UP_SHEET
from ..core.districts import (
    DATE_COLS,
    DECISIONS_SHEET,
    DISTRICT,
    IN_TIME,
    INT_COLS,
    LATE,
    LOG_COLS,
    LOG_SHEET,
    MEETINGS_SHEET,
    MISSING,
    NOT_REQUIRED,
    PARTICIPANTS_SHEET,
    PENDING,
    PROBLEMS_SHEET,
    RECEIVED,
    SOURCE,
    TABLES,
    MergedState,
    district_follow_up,
    district_state_for,
)
from ..core.merge import ADDED, REFUSED, REPLACED, UNCHANGED
from ..core.model import WorkbookData
from ..core.text import tr_date
from ..sheetspec import Block, PrintSetup, SheetSpec, col_letter

LOG_STYLES = {ADDED: "ok", REPLACED: "uyari", UNCHANGED: "text", REFUSED: "hata"}


def _table_spec(
    name: str,
    title: str,
    note: str,
    headers: list[str],
    rows: list[list[Any]],
    widths: list[float],
    styles: list[str],
    tab: str,
) -> SheetSpec:
    spec = SheetSpec(
        name,
        col_widths={i + 1: w for i, w in enumerate(widths)},
        freeze="A4",
        tab_color=tab,
        print_setup=PrintSetup(orientation="landscape", title_rows=(3, 3)),
    )
    last = len(headers)

    spec.merges = [f"A1:{col_letter(last)}1", f"A2:{col_letter(last)}2"]
    spec.blocks.append(Block(1, 1, [[title]], style="title"))
    spec.blocks.append(Block(2, 1, [[note]], style="plain"))
    spec.blocks.append(Block(3, 1, [headers], style="header"))
    if rows:
        spec.blocks.append(Block(4, 1, rows, col_styles=styles))
        spec.autofilter = f"A3:{col_letter(last)}{3 + len(rows)}"
    return spec


READ_ONLY_NOTE = (
    "Program yazar, elle değiştirmeyin: ilçe kitaplarından 'gockurul birlestir' ile gelir; "
    "ilçenin yeni kitabı birleştirilince ilçenin satırları yenilenir."
)


def merge_sheets(state: MergedState, data: WorkbookData | None = None) -> list[SheetSpec]:
    """The four merged tables and the log, from a merged state."""
    districts = sorted(state.districts.values(), key=lambda d: contract.turkish_sort_key(d.district))
    specs = []
    widths = {
        "Toplantı No": 11,
        "Karar No": 10,
        "Sorun No": 10,
        "Sıra": 6,
        "Kategori": 28,
        "Tür": 9,
        "Alınan Karar": 44,
        "Tespit Edilen Sorun": 44,
        "Çözüm Önerisi": 36,
        "Değerlendirme": 30,
        "Sorumlu Kurum ve Kuruluşlar": 32,
        "Kurum İsmi": 34,
        "Ad-Soyad": 22,
        "Unvan": 20,
    }
    titles = {
        MEETINGS_SHEET: "İlçe kurullarının toplantıları",
        DECISIONS_SHEET: "İlçe kurullarının kararları",
        PROBLEMS_SHEET: "İlçe kurullarının tespit ettiği sorunlar",
        PARTICIPANTS_SHEET: "İlçe kurulu toplantılarının katılımcıları",
    }
    tabs = {MEETINGS_SHEET: "7F7F7F", DECISIONS_SHEET: "7F7F7F", PROBLEMS_SHEET: "7F7F7F", PARTICIPANTS_SHEET: "7F7F7F"}
    for sheet, (cols, _) in TABLES.items():
        extra = (RECEIVED, SOURCE) if sheet == MEETINGS_SHEET else ()
        headers = [DISTRICT, *cols, *extra]
        rows = []
        for d in districts:
            for r in d.tables[sheet]:
                row = [d.district, *(r.get(c) for c in cols)]
                if extra:
                    row += [d.received.get(r["Toplantı No"]), d.source]
                rows.append(row)
        styles = ["date" if h in DATE_COLS else "number" if h in INT_COLS else "text" for h in headers]
        specs.append(
            _table_spec(
                sheet,
                titles[sheet],
                READ_ONLY_NOTE,
                headers,
                rows,
                [widths.get(h, 14 if h in DATE_COLS else 18) for h in headers],
                styles,
                tabs[sheet],
            )
        )
    log = _table_spec(
        LOG_SHEET,
        "Birleştirme günlüğü",
        "Her 'gockurul birlestir' çalışmasında okunan dosyalar: eklenen, değiştirilen, değişmeyen ve reddedilen.",
        list(LOG_COLS),
        state.log,
        [17, 30, 18, 16, 90],
        ["text", "text", "text", "text", "text"],
        "7F7F7F",
    )
    # colour the action column
    log.blocks = log.blocks[:3]
    for i, row in enumerate(state.log):
        log.blocks.append(
            Block(4 + i, 1, [row], col_styles=["text", "text", "text", LOG_STYLES.get(row[3], "text"), "text"])
        )
    if state.log:
        log.autofilter = f"A3:E{3 + len(state.log)}"
    specs.append(log)
    return specs


def follow_up_sheet(data: WorkbookData, state: MergedState, today: dt.date) -> SheetSpec:

    year = data.setting(contract.S_YEAR) or ""
    headers = [
        "İlçe",
        "Yabancı Nüfusu",
        "Hudut İlçesi",
        "Zorunlu mu",
        "Gerekçe",
        "Şubat/Mart",
        "Ağustos/Eylül",
        "Tutanaklar (M12(5))",
        "Açık Karar",
        "Süresi Geçen Karar",
        "Son Dosya",
    ]
    spec = SheetSpec(
        FOLLOW_UP_SHEET,
        col_widths={1: 18, 2: 11, 3: 9, 4: 10, 5: 40, 6: 36, 7: 36, 8: 40, 9: 9, 10: 11, 11: 26},
        freeze="B4",
        tab_color="C00000",
        print_setup=PrintSetup(orientation="landscape", title_rows=(3, 3)),
    )
    spec.merges = ["A1:K1", "A2:K2"]
    spec.blocks.append(
        Block(
            1, 1, [[f"İlçe kurullarının izlenmesi — {data.setting(contract.S_PROVINCE) or ''} {year}"]], style="title"
        )
    )
    spec.blocks.append(
        Block(
            2,
            1,
            [
                [
                    f"Bugün: {tr_date(today)}. Olağan toplantılar Şubat/Mart ve Ağustos/Eylül "
                    "aylarında, yapılamazsa izleyen ayın son gününe kadar (M8(1), M8(3)); tutanak "
                    "15 gün içinde İl Göç İdaresi Müdürlüğüne (M12(5)): Tutanak Tebliğ Tarihi, "
                    "yazılmamışsa ile ulaşma (birleştirme) tarihi esas alınır."
                ]
            ],
            style="plain",
        )
    )
    spec.blocks.append(Block(3, 1, [headers], style="header"))
    style_of = {IN_TIME: "ok", LATE: "uyari", MISSING: "hata", PENDING: "text", NOT_REQUIRED: "text"}
    for i, st in enumerate(district_follow_up(data, state, today)):
        row = 4 + i
        late = [m for m in st.minutes if m.late]
        if not st.minutes:
            minutes, m_style = ("Kitap birleştirilmedi" if not st.merged else "Yapılan toplantı yok"), "text"
        elif late:
            minutes = f"{len(late)}/{len(st.minutes)} geç: " + ", ".join(
                f"toplantı {m.meeting_no} (son gün {tr_date(m.due)}, iletildi {tr_date(m.sent)})" for m in late
            )
            m_style = "uyari"
        else:
            minutes, m_style = f"{len(st.minutes)}/{len(st.minutes)} zamanında", "ok"
        wins = st.windows + [None] * (2 - len(st.windows))
        cells = [
            st.district,
            st.population,
            "Evet" if st.border else "Hayır",
            "Evet" if st.required else "Hayır",
            st.reason,
        ]
        spec.blocks.append(
            Block(row, 1, [cells], col_styles=["text", "number", "text", "bold" if st.required else "text", "text"])
        )
        for j, w in enumerate(wins):
            text = w.text() if w else ""
            if w and not st.merged and w.status in (MISSING, PENDING):
                text += " (kitap birleştirilmedi)"
            spec.blocks.append(Block(row, 6 + j, [[text]], style=style_of.get(w.status, "text") if w else "text"))
        spec.blocks.append(Block(row, 8, [[minutes]], style=m_style))
        spec.blocks.append(
            Block(
                row,
                9,
                [[st.open_decisions, st.overdue_decisions]],
                col_styles=["number", "hata" if st.overdue_decisions else "number"],
            )
        )
        spec.blocks.append(Block(row, 11, [[st.source or None]], style="text"))
    return spec


def follow_up_spec_for(data: WorkbookData, today: dt.date) -> SheetSpec | None:
    """`İlçe İzleme` refreshed for `today` (for `takvim`), or None when no district data was merged."""
    state = district_state_for(data)
    return follow_up_sheet(data, state, today) if state is not None else None
