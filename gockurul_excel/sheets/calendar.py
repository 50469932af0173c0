"""What `takvim` writes from a `Schedule`: the `Takvim` and `Pano` sheet specs and an iCalendar file."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from .. import contract, rules
from ..core.events import DONE, OVERDUE, PAST, STATUS_LABELS, UPCOMING, Event, Schedule
from ..core.meetings import place_name
from ..core.model import WorkbookData
from ..core.text import DAY_NAMES, cite_short, tr_date
from ..rules import CATEGORY_SHORT
from ..sheetspec import Block, ChartSpec, PrintSetup, SheetSpec
from .formsheet import wrapped_height

KIND_LABELS = {
    "il_gkk": "İl GKK",
    "ilce_gkk": "İlçe GKK",
    "alt_komisyon": "Alt Komisyon",
    "ilk_kurul": "Yılın ilk kurulu",
    "gundem_hazirlik": "Gündem hazırlığı",
    "gundem_onerisi": "Gündem önerileri",
    "bildirim": "Toplantı bildirimi",
    "tutanak_teblig": "Tutanak tebliği",
    "platform_giris": "Platform girişi",
    "karar_suresi": "Karar süresi",
    "eylem_plani_guncelleme": "Eylem planı güncellemesi",
    "yillik_rapor": "Yıllık rapor",
    "yillik_rapor_platform": "Yıllık rapor platform girişi",
    "proje_ara_rapor": "Proje ara raporu",
    "proje_nihai_rapor": "Proje nihai raporu",
}
STATUS_STYLES = {DONE: "ok", UPCOMING: "uyari", OVERDUE: "hata", PAST: "text", "ileride": "text"}
DAYOFF_LABELS = {"resmi_tatil": "Resmi tatil", "arife": "Yarım gün (13.00'ten sonra)"}
SOON_DAYS = 30
# What the sheets show for a task not done yet whose date is further than SOON_DAYS away: it is not "coming up"
# (the JSON contract keeps `yaklasiyor`; only the label differs).
LATER, LATER_LABEL = "ileride", "İleride"
SHEET_STATUS_LABELS = {**STATUS_LABELS, LATER: LATER_LABEL}


def shown_status(e: Event, today: dt.date) -> str:
    """The event's status as the sheets show it: 'Yaklaşıyor' only within SOON_DAYS, 'İleride' beyond."""
    if e.status == UPCOMING and e.date > today + dt.timedelta(days=SOON_DAYS):
        return LATER
    return e.status


def board_title(data: WorkbookData) -> str:
    year = data.setting(contract.S_YEAR) or ""
    return f"{place_name(data)} {year}".strip()


def _status_runs(spec: SheetSpec, first_row: int, col: int, statuses: list[str]) -> None:
    """Colour the status column with one block per run of equal statuses."""
    start = 0
    for i in range(1, len(statuses) + 1):
        if i == len(statuses) or statuses[i] != statuses[start]:
            spec.blocks.append(
                Block(
                    first_row + start,
                    col,
                    [[SHEET_STATUS_LABELS[s]] for s in statuses[start:i]],
                    style=STATUS_STYLES[statuses[start]],
                )
            )
            start = i


def schedule_sheet(s: Schedule, data: WorkbookData, *, paginate: bool = True) -> SheetSpec:
    headers = ["Tarih", "Gün", "Tür", "Olay", "Toplantı No", "Madde", "Durum"]
    widths = {1: 12, 2: 11, 3: 22, 4: 80, 5: 10, 6: 20, 7: 14}
    spec = SheetSpec(
        "Takvim",
        col_widths=widths,
        freeze="A4",
        print_setup=PrintSetup(orientation="landscape", title_rows=(1, 3)),
        tab_color="4472C4",
    )
    spec.merges = ["A1:G1", "A2:G2"]
    spec.blocks.append(Block(1, 1, [[f"Takvim — {board_title(data)}"]], style="title"))
    note = (
        f"Bugün: {tr_date(s.today)}. Süreler genelgedeki maddelere göre. Tarih, hedef tarihtir: tatile denk "
        "gelen süre iş gününe kaydırılmıştır; genelgenin kendi son günü farklıysa olayda 'yasal son gün' olarak "
        f"yazılıdır ve gecikme ona göre değerlendirilir. 'Yaklaşıyor': {SOON_DAYS} gün içinde; 'İleride': "
        "daha sonra."
    )
    spec.blocks.append(Block(2, 1, [[note]], style="plain"))
    # The note wraps over the merged A2:G2 and prints on every page (title rows): its row holds all its lines.
    spec.row_heights[2] = wrapped_height([(note, sum(widths.values()))])
    spec.blocks.append(Block(3, 1, [headers], style="header"))
    rows = [
        [
            e.date,
            DAY_NAMES[e.date.weekday()],
            KIND_LABELS.get(e.kind, e.kind),
            e.description,
            e.meeting_no or ("öneri" if e.proposal else ""),
            cite_short(e.article),
            None,
        ]
        for e in s.events
    ]
    if rows:
        spec.blocks.append(Block(4, 1, rows, col_styles=["date", "text", "text", "text", "text", "text", "text"]))
        _status_runs(spec, 4, 7, [shown_status(e, s.today) for e in s.events])
        spec.autofilter = f"A3:G{3 + len(rows)}"
        for i, row in enumerate(rows):  # the event's sentence wraps in its column: its row gets the height
            spec.row_heights[4 + i] = wrapped_height([(row[2], widths[3]), (row[3], widths[4]), (row[5], widths[6])])
        spec.autofit_rows.update(range(4, 4 + len(rows)))  # unmerged: a live book fits them itself, in one call
    # The year's holidays and leave, so staff see why a date moved: on a page of their own (the heading never ends
    # a page of events), in the events' columns (Tarih, Gün, Tür, Olay), under the header the page repeats.
    row = 4 + len(rows) + 1
    year = s.year or s.today.year
    if paginate:  # unpaginated (an Office.js client): Excel breaks the pages (formsheet's module docstring)
        spec.print_setup.row_breaks.append(row - 1)
    spec.blocks.append(Block(row, 1, [[f"{year} yılı tatilleri ve idari izinler"]], style="subtitle"))
    days = [
        [
            d.date,
            DAY_NAMES[d.date.weekday()],
            DAYOFF_LABELS.get(d.kind, d.kind),
            d.name + (" — tahmini tarih" if d.estimated else ""),
        ]
        for d in s.calendar.days_off(year)
    ]
    if days:
        spec.blocks.append(Block(row + 1, 1, days, col_styles=["date", "text", "text", "text"]))
        for i, values in enumerate(days):  # "Yarım gün (13.00'ten sonra)" wraps in its column
            spec.row_heights[row + 1 + i] = wrapped_height(
                [(v, widths[c + 1]) for c, v in enumerate(values) if isinstance(v, str)]
            )
            spec.autofit_rows.add(row + 1 + i)
    return spec


def dashboard_sheet(s: Schedule, data: WorkbookData) -> SheetSpec:
    spec = SheetSpec(
        "Pano",
        col_widths={1: 14, 2: 56, 3: 16, 4: 14},
        tab_color="70AD47",
        print_setup=PrintSetup(orientation="landscape"),
    )
    spec.merges = ["A1:D1", "A2:D2"]
    spec.blocks.append(Block(1, 1, [[f"Pano — {board_title(data)}"]], style="title"))
    spec.blocks.append(Block(2, 1, [[f"Bugün: {tr_date(s.today)}"]], style="plain"))
    row = 4

    def table(title: str, headers: list[str], rows: list[list], styles: list[str | None], empty: str) -> int:
        nonlocal row
        spec.blocks.append(Block(row, 1, [[title]], style="subtitle"))
        spec.blocks.append(Block(row + 1, 1, [headers], style="header"))
        body = rows or [[None, empty] + [None] * (len(headers) - 2)]
        spec.blocks.append(Block(row + 2, 1, body, col_styles=styles if rows else ["text"] * len(headers)))
        first = row + 2
        for i, values in enumerate(body):  # the event's sentence wraps: its row gets the height
            spec.row_heights[first + i] = wrapped_height(
                [(v, widths.get(c + 1, 10)) for c, v in enumerate(values) if isinstance(v, str)]
            )
        spec.autofit_rows.update(range(first, first + len(body)))
        row += 2 + len(body) + 1
        return first

    horizon = s.today + dt.timedelta(days=SOON_DAYS)
    soon = [e for e in s.events if s.today <= e.date <= horizon and e.status == UPCOMING]
    widths = spec.col_widths
    table(
        f"Önümüzdeki {SOON_DAYS} gün",
        ["Tarih", "Olay", "Tür", "Toplantı No"],
        [[e.date, e.description, KIND_LABELS.get(e.kind, e.kind), e.meeting_no] for e in soon],
        ["date", "text", "text", "text"],
        "Önümüzdeki 30 günde süresi dolan iş yok.",
    )
    late = [e for e in s.events if e.status == OVERDUE]
    table(
        "Gecikenler",
        ["Tarih", "Olay", "Tür", "Toplantı No"],
        [[e.date, e.description, KIND_LABELS.get(e.kind, e.kind), e.meeting_no] for e in late],
        ["date", "text", "text", "text"],
        "Geciken iş yok.",
    )

    counts = Counter(r["Durum"] for r in data.records("Kararlar") if r["Durum"])
    overdue = sum(1 for e in s.events if e.kind == "karar_suresi" and e.status == OVERDUE)
    status_rows = [[st, counts.get(st, 0)] for st in rules.DECISION_STATUSES]
    first = table("Kararların durumu", ["Durum", "Karar sayısı"], status_rows, ["text", "number"], "")
    spec.blocks.append(Block(row - 1, 1, [["Süresi geçen", overdue]], col_styles=["label", "number"]))
    row += 1
    if sum(counts.values()):
        spec.charts.append(
            ChartSpec(
                "pie",
                "Kararların durumu",
                f"A{first}:A{first + len(status_rows) - 1}",
                [("Karar sayısı", f"B{first}:B{first + len(status_rows) - 1}")],
                "F4",
            )
        )

    meeting_rows = _meetings_held_vs_required(s, data)
    first = table(
        f"Toplantılar {s.year or ''}: yapılan / gereken".strip(),
        ["Toplantı", "Gereken olağan", "Yapılan olağan", "Ek toplantı"],
        meeting_rows,
        ["text", "number", "number", "number"],
        "",
    )
    if meeting_rows:
        last = first + len(meeting_rows) - 1
        # Series named as the header cells above them: a chart drawn live (live.backend) takes its names there.
        series = [("Gereken olağan", f"B{first}:B{last}"), ("Yapılan olağan", f"C{first}:C{last}")]
        spec.charts.append(
            ChartSpec("column", "Olağan toplantılar: gereken ve yapılan", f"A{first}:A{last}", series, "F21")
        )
    return spec


def _meetings_held_vs_required(s: Schedule, data: WorkbookData) -> list[list]:
    out = []
    for category in rules.MeetingCategory:
        windows = [w for w in s.windows if w.category is category]
        meetings = [
            m
            for m in data.records("Toplantılar")
            if m["Kategori"] == category.value
            and m["Gerçekleşen Tarih"]
            and (s.year is None or m["Gerçekleşen Tarih"].year == s.year)
        ]
        held_ordinary = sum(1 for m in meetings if m["Tür"] == "Olağan")
        extra = sum(1 for m in meetings if m["Tür"] != "Olağan")
        if windows or meetings:
            out.append([CATEGORY_SHORT[category], len(windows), held_ordinary, extra])
    return out


def to_ics(s: Schedule, data: WorkbookData, reminder_days: int = 3) -> bytes:
    """RFC 5545 calendar: all-day events, stable UIDs (a newer file updates, not duplicates, in
    Outlook), a reminder `reminder_days` before each event that is not done yet."""
    from icalendar import Alarm, Calendar
    from icalendar import Event as IcsEvent

    cal = Calendar()
    cal.add("prodid", "-//gockurul_excel//Göç Koordinasyon Kurulu Takvimi//TR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"Göç Kurulu Takvimi — {board_title(data)}")
    cal.add("x-wr-timezone", "Europe/Istanbul")
    stamp = dt.datetime.combine(s.today, dt.time(0, 0), tzinfo=dt.UTC)
    # Outlook replaces an event with the same UID when the SEQUENCE is not lower: use the day of issue.
    sequence = (s.today - dt.date(2020, 1, 1)).days
    seen: Counter[str] = Counter()
    for e in s.events:
        uid = _uid(e)
        seen[uid] += 1
        ev = IcsEvent()
        ev.add("uid", uid if seen[uid] == 1 else uid.replace("@", f"-{seen[uid]}@"))
        ev.add("dtstamp", stamp)
        ev.add("sequence", sequence)
        ev.add("dtstart", e.date)
        ev.add("dtend", e.date + dt.timedelta(days=1))
        ev.add("summary", _summary(e))
        ev.add("description", f"{e.description}\nDurum: {STATUS_LABELS[e.status]}")
        ev.add("categories", [KIND_LABELS.get(e.kind, e.kind)])
        ev.add("transp", "TRANSPARENT")
        if e.status not in (DONE, PAST) and reminder_days >= 0:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", _summary(e))
            alarm.add("trigger", dt.timedelta(days=-reminder_days))
            ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()


def _summary(e: Event) -> str:
    label = KIND_LABELS.get(e.kind, e.kind)
    if e.meeting_no:
        return f"{label} — toplantı {e.meeting_no}"
    if e.district:
        return f"{label} — {e.district}"
    return f"{label} (öneri)" if e.proposal else label


def _uid(e: Event) -> str:
    import hashlib

    return hashlib.sha1(e.key.encode("utf-8")).hexdigest()[:24] + "@gockurul"
