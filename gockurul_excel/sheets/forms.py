"""The meeting forms: Ek-1 minutes, Ek-2 attendance list, agenda, invitation, the minutes' cover letter
and the sub-commission member list — each a print-ready `SheetSpec` built from the workbook's tables.

The wording of Ek-1 and Ek-2 follows the annex of the board circular; what comes from which sheet is
listed in KURALLAR §5.
"""

from __future__ import annotations

import datetime as dt

from .. import rules
from ..core import parse
from ..core.meetings import (
    Meeting,
    carried_rows,
    carried_year,
    decisions,
    decisions_to_evaluate,
    evaluation_is_of,
    is_first_board_of_year,
    number_order,
    of_meeting,
    participants,
    place_name,
)
from ..core.model import WorkbookData
from ..core.records import Record
from ..core.text import DAY_NAMES, cite_short, tr_date, tr_time, upper_tr
from ..rules import CATEGORY_NAME
from ..sheetspec import SheetSpec
from .formsheet import FormBuilder, sheet_name

Category = rules.MeetingCategory

# Ek-1 (Rapor Formu): the annex's item labels.
EK1_ITEMS = (
    "KATEGORİ ADI:",
    "İL/İLÇE ADI:",
    "YER/TARİH:",
    "KATILIMCI SAYISI:",
    "GÖRÜŞÜLEN KONU BAŞLIKLARI:",
    "TESPİT EDİLEN SORUNLAR:",
    "ÇÖZÜM ÖNERİLERİ:",
    "ALINAN KARARLAR/DİĞER HUSUSLAR:",
)
EK1_ITEM8_NOTE = (
    "Öncelikle bir önceki kurulda alınan kararların uygulanması değerlendirilme sonuçları "
    "yazılacaktır. Akabinde Kurulda alınan kararlar aşağıda yer aldığı şekliyle yazılacaktır."
)
EK1_DECISION_FIELDS = (
    ("Alınan Karar:", "Alınan Karar"),
    ("Karar Gerekçesi:", "Karar Gerekçesi"),
    ("Amaç:", "Amaç"),
    ("Sorumlu Kurum ve Kuruluşlar:", "Sorumlu Kurum ve Kuruluşlar"),
    ("Verilen Süre:", "Verilen Süre"),
)
EK2_HEADERS = ["SIRA", "KURUM İSMİ", "UNVAN", "AD-SOYAD", "TELEFON NUMARASI", "İMZA"]
EK2_SPARE_ROWS = 5  # for late arrivals, on the list printed before the meeting
EMPTY = "—"
# Printed height of a row signed by hand: room for a wet signature (at least 10 mm on paper).
SIGNATURE_ROW_MM = 10.5


def _when(m: Meeting) -> str:
    if m.date is None:
        return "tarih belirlenmedi"
    time = m.record["Saat"]
    return f"{tr_date(m.date)} {DAY_NAMES[m.date.weekday()]}" + (f", saat {tr_time(time)}" if time else "")


def _value_text(value) -> str:
    if value is None:
        return EMPTY
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, dt.date):
        return tr_date(value)
    return str(value)


def _board_roles(m: Meeting) -> tuple[str, ...]:
    """The Görev of those who make up the meeting's body: the board's chair and members, or the sub-commission."""
    if m.category is Category.SUBCOMMISSION:
        return rules.SUBCOMMISSION_ROLES
    return (rules.ROLE_CHAIR, rules.ROLE_MEMBER)


def _body(data: WorkbookData, m: Meeting) -> list[Record]:
    """The permanent members of the meeting's body (Üyelik Türü Daimi): invitees (M4(4)) and Presidency staff
    (M4(5)) take part but are not members."""
    return [r for r in data.records("Üyeler") if r["Üyelik Türü"] == "Daimi" and r["Görev"] in _board_roles(m)]


def _member_of(data: WorkbookData, m: Meeting, p: Record) -> Record | None:
    """The member a participant signs for: by name, or as the properly appointed deputy (Vekil = Evet, M9(2)) of a
    member institution. None for an invitee."""
    from ..core.identity import same_institution, same_person  # matched as M9(2) matches; loaded for held meetings

    body = _body(data, m)
    by_name = next((r for r in body if same_person(r["Ad Soyad"], p["Ad-Soyad"])), None)
    if by_name is not None or p["Vekil"] != "Evet":
        return by_name
    return next((r for r in body if same_institution(data.board_kind, r["Kurum"], p["Kurum İsmi"])), None)


def _signers(data: WorkbookData, m: Meeting) -> list[tuple[str, str, str]]:
    """(role, name, title and institution) of those who sign the minutes: the chair and the members (M12(1)),
    the chair first. Invited participants sign Ek-2, not Ek-1 (KURALLAR §5)."""
    out = []
    people = participants(data, m)
    chair_role = rules.ROLE_SUB_CHAIR if m.category is Category.SUBCOMMISSION else rules.ROLE_CHAIR
    if people:
        for p in people:
            member = _member_of(data, m, p)
            if member is None:
                continue
            role = "Kurul Başkanı" if member["Görev"] == rules.ROLE_CHAIR else "Üye"
            if m.category is Category.SUBCOMMISSION:
                role = "Alt Komisyon Başkanı" if member["Görev"] == chair_role else "Üye"
            deputy = " (vekil)" if p["Vekil"] == "Evet" else ""
            out.append((role, (p["Ad-Soyad"] or "") + deputy, f"{p['Unvan'] or ''} — {p['Kurum İsmi'] or ''}"))
    else:  # not held yet: the permanent members, to be signed on the day
        for r in _expected(data, m):
            role = (
                "Kurul Başkanı"
                if r["Görev"] == rules.ROLE_CHAIR
                else ("Alt Komisyon Başkanı" if r["Görev"] == rules.ROLE_SUB_CHAIR else "Üye")
            )
            out.append((role, r["Ad Soyad"] or "", f"{r['Unvan'] or ''} — {r['Kurum'] or ''}"))
    out.sort(key=lambda x: not x[0].endswith("Başkanı"))
    return out


def _expected(data: WorkbookData, m: Meeting) -> list[Record]:
    """The active permanent members expected at a meeting, the chair first: a sub-commission's substitutes
    (yedek) come only in their primary's place (M6(3)), so they are not expected."""
    body = [r for r in _body(data, m) if r["Aktif"] != "Hayır" and r["Görev"] != rules.ROLE_SUB_SUBSTITUTE]
    return sorted(body, key=lambda r: r["Görev"] not in (rules.ROLE_CHAIR, rules.ROLE_SUB_CHAIR))


def _expected_guests(data: WorkbookData, m: Meeting) -> list[Record]:
    """Invitees (M4(4)) and Presidency staff (M4(5)) listed in Üyeler: asked to the board's meetings, they sign
    Ek-2."""
    if m.category is Category.SUBCOMMISSION:
        return []
    return [
        r
        for r in data.records("Üyeler")
        if r["Aktif"] != "Hayır" and r["Üyelik Türü"] in ("Davetli", "Başkanlık Personeli")
    ]


# number / KARAR-n | label | value, as the annex's two-column form; the value keeps the whole right side so that
# each repeated line is one unmerged, boxed row (signatures: Sıra | Ad Soyad, Unvan — Kurum | İmza).
EK1_WIDTHS = [10, 34, 53]


def minutes_sheet(data: WorkbookData, m: Meeting, *, paginate: bool = True) -> SheetSpec:
    """Ek-1 Rapor Formu (M12(1)–(2), M12(6)).

    Every line that repeats per entry (agenda topics, problems, evaluations, each decision's fields) is
    number | label | value in unmerged cells, so that Excel fits its height on a live book (one call for
    all of them); only the fixed lines of the form are merged. `paginate`: formsheet's module docstring."""
    f = FormBuilder(sheet_name("Ek-1 ", m.no), EK1_WIDTHS, title_rows=(1, 2), paginate=paginate)
    f.line("RAPOR FORMU", "title")
    f.line(f"Ek-1 — Toplantı No: {m.no}", "subtitle")
    problems = of_meeting(data, "Sorunlar", m.no, "Sorun No")
    place = m.record["Yer"] or EMPTY
    values = [
        m.category.value,
        place_name(data),
        f"{place} / {_when(m)}",
        # not held and nobody entered: written in on the day, not "0"
        len(participants(data, m)) or (0 if m.record["Gerçekleşen Tarih"] else None),
    ]
    for i, value in enumerate(values, start=1):
        f.fields([(i, "label"), (EK1_ITEMS[i - 1], "label"), (value, "text")])
    # Item 5 lists what the agenda lists (the same items, proposals merged into the standing items they restate).
    _list_item(f, 5, EK1_ITEMS[4], [text for text, _source in agenda_items(data, m)])
    _list_item(f, 6, EK1_ITEMS[5], [f"[{r['Alan'] or EMPTY}] {r['Tespit Edilen Sorun'] or ''}" for r in problems])
    _list_item(f, 7, EK1_ITEMS[6], [r["Çözüm Önerisi"] for r in problems if r["Çözüm Önerisi"]])
    # In decision order, those carried from an earlier year first (their year, then number): the order the board
    # took them in, whatever rule brought each to this meeting.
    earlier = sorted(
        decisions_to_evaluate(data, m),
        key=lambda r: (carried_year(r) is None, carried_year(r) or 0, number_order(r["Karar No"]), r.row),
    )
    heading = f"Bir önceki kurulda alınan kararların değerlendirilmesi ({cite_short('M5(7)')})"
    if any(carried_year(r) is not None for r in earlier):  # the year's first board (M5(12), KURALLAR §7)
        heading += f" ve bir önceki yılda alınan kararların değerlendirilmesi ({cite_short('M5(12)')})"
    for number, text, style in (
        (8, EK1_ITEMS[7], "label"),
        (None, EK1_ITEM8_NOTE, "italic"),
        (None, heading + ":", "label"),
    ):
        f.cell(1, number, "label")
        f.cell(2, text, style, span=f.ncols - 1)
        f.row += 1
    for r in earlier:
        own = evaluation_is_of(r, m.no)  # another meeting's words are not this meeting's minutes
        text = (
            f"{r['Alınan Karar'] or ''} — Durum: {r['Durum'] or EMPTY}."
            + (f" Değerlendirme: {r['Değerlendirme']}" if r["Değerlendirme"] and own else "")
            + (f" Uygulanamama sebebi: {r['Uygulanamama Sebebi']}" if r["Uygulanamama Sebebi"] else "")
        )
        year = carried_year(r)
        origin = f"{year} yılından devreden, toplantı" if year is not None else "toplantı"
        f.fields([(None, "label"), (f"Karar {r['Karar No']} ({origin} {r['Toplantı No']}):", "italic"), (text, "text")])
    if not earlier:
        f.fields([(None, "label"), (None, "italic"), ("Değerlendirilecek önceki karar yok.", "text")])
    taken = decisions(data, m)
    for i, r in enumerate(taken, start=1):
        # The decision's number stands in the number column, as the items' numbers do.
        number = f"KARAR-{i}" + (f" (No {r['Karar No']})" if str(r["Karar No"]) != str(i) else "")
        f.need(
            sum(
                f.row_height([(number, 1), (label, 1), (_value_text(r[header]), 1)])  # a decision on one page
                for label, header in EK1_DECISION_FIELDS
            )
            + f.row_height([(None, 1)])
        )
        for label, header in EK1_DECISION_FIELDS:
            f.fields([(number, "label"), (label, "italic"), (_value_text(r[header]), "text")])
            number = None
        f.fields([(None, "label"), ("Karar Tarihi:", "italic"), (tr_date(m.date) if m.date else EMPTY, "text")])
    if not taken:
        f.fields([(None, "label"), (None, "italic"), ("Bu toplantıda karar alınmadı.", "text")])
    f.line("(Her karar için yukarıdaki başlıklarda raporlama yapılmıştır.)", "plain")
    f.blank()
    _signature_block(f, _signers(data, m))
    return f.finish()


def _list_item(f: FormBuilder, number: int, label: str, entries: list) -> None:
    entries = [e for e in entries if e]
    f.fields([(number, "label"), (label, "label"), (f"1. {entries[0]}" if entries else EMPTY, "text")])
    for i, entry in enumerate(entries[1:], start=2):
        f.fields([(None, "label"), (None, "label"), (f"{i}. {entry}", "text")])


def _signature_block(f: FormBuilder, signers: list[tuple[str, str, str]]) -> None:
    """The signatures (M12(1)): a heading kept with the table, the table's heading repeated on every page it
    continues on, rows tall enough to sign."""
    names = [f"{name} ({role})" if role == "Kurul Başkanı" else name for role, name, _title in signers]
    if f.ncols == 3:  # Ek-1's grid: name and title share a cell, the signature gets the wide one
        headers, styles = ["Sıra", "Ad Soyad — Unvan — Kurum", "İmza"], ["number", "text", "signature"]
        rows = [
            [i, f"{name}\n{title}", None]
            for i, (name, (_, _, title)) in enumerate(zip(names, signers, strict=True), start=1)
        ]
    else:
        headers, styles = ["Sıra", "Ad Soyad", "Unvan — Kurum", "İmza"], ["number", "text", "text", "signature"]
        rows = [
            [i, name, title, None] for i, (name, (_, _, title)) in enumerate(zip(names, signers, strict=True), start=1)
        ]
    # One height for all signature lines: room to sign, and one call on a live book.
    f.table(
        headers,
        rows,
        styles,
        min_lines=2,
        uniform=True,
        min_height=f.mm(SIGNATURE_ROW_MM),
        keep_whole=True,
        caption="İMZALAR: kurul başkanı ve üyelerin adı, soyadı, unvanı ve imzası",
    )


def attendance_sheet(data: WorkbookData, m: Meeting, *, paginate: bool = True) -> SheetSpec:
    """Ek-2 Katılımcı Listesi (M12(7), M14(3)): one row per participant, an empty İMZA cell each."""
    f = FormBuilder(sheet_name("Ek-2 ", m.no), [6, 32, 20, 22, 16, 18], title_rows=(1, 2), paginate=paginate)
    f.line("KATILIMCI LİSTESİ", "title")
    f.line(
        f"{m.category.value} — {place_name(data)} — {m.record['Yer'] or EMPTY} — {_when(m)} (Toplantı No: {m.no})",
        "plain",
    )
    people = participants(data, m)
    rows = [
        [
            p["Kurum İsmi"],
            p["Unvan"],
            (p["Ad-Soyad"] or "") + (" (vekil)" if p["Vekil"] == "Evet" else ""),
            p["Telefon Numarası"],
        ]
        for p in people
    ]
    if not m.record["Gerçekleşen Tarih"]:
        # Printed to be signed at the door: one row per member expected (and the invitees in Üyeler), filled in,
        # then blank rows for deputies and late invitees; once held, only who attended.
        if not people:
            rows = [
                [r["Kurum"], r["Unvan"], r["Ad Soyad"], r["Telefon"]]
                for r in [*_expected(data, m), *_expected_guests(data, m)]
            ]
        rows += [[None, None, None, None] for _ in range(EK2_SPARE_ROWS)]
    rows = [[i, *r, None] for i, r in enumerate(rows, start=1)]
    f.table(
        EK2_HEADERS,
        rows,
        ["number", "text", "text", "text", "text", "signature"],
        min_lines=2,
        min_height=f.mm(SIGNATURE_ROW_MM),
    )
    return f.finish()


def _standing_items(data: WorkbookData, m: Meeting) -> list[tuple[str, str]]:
    if m.category is Category.SUBCOMMISSION:
        return list(rules.SUBCOMMISSION_STANDING_ITEMS)
    return list(rules.agenda_standing_items(data.board_kind))


def restated_item(topic: object, articles: list[str]) -> str | None:
    """The standing item (its article) a proposal's topic restates, if any (rules.AGENDA_TOPIC_WORDS)."""
    folded = parse.ascii_fold(str(topic or ""))
    return next((a for a in articles if any(w in folded for w in rules.AGENDA_TOPIC_WORDS.get(a, ()))), None)


def _source(articles: list[str], proposals: list) -> str:
    proposers = list(dict.fromkeys(r["Öneren Kurum"] for r in proposals if r["Öneren Kurum"]))
    cited = cite_short(", ".join(articles)) if articles else ""
    return "; ".join(([cited] if cited else []) + ([f"öneren: {', '.join(proposers)}"] if proposers else []))


def _carried_numbers(data: WorkbookData) -> str:
    """The decisions carried over from last year and still open, for the M5(12) item (§7)."""
    carried = [r for r in carried_rows(data, "Kararlar") if r["Durum"] in rules.DECISION_OPEN]
    carried.sort(key=lambda r: (carried_year(r) or 0, number_order(r["Karar No"]), r.row))
    return ", ".join(f"{r['Karar No']} ({carried_year(r)})" for r in carried)


def agenda_items(data: WorkbookData, m: Meeting) -> list[tuple[str, str]]:
    """(item, Dayanak / Öneren) in order: opening and the M5(7) evaluation, the first board's duties, the proposals
    (M10(2)), the standing items (M10(4)–(9)), closing. Items are noun phrases; each topic is one item: a proposal
    that restates a standing item is that item (its proposer named), and a first-board duty on a standing item's
    topic (M5(12) on M5(7), M5(13) on M10(4)) replaces its wording, the articles merged in its Dayanak."""
    opening = [rules.AGENDA_OPENING] if m.category is not Category.SUBCOMMISSION else []
    standing = [*opening, *_standing_items(data, m)]
    restating: dict[str, list] = {}
    proposals = []
    for r in of_meeting(data, "Gündem", m.no, "Sıra"):
        article = restated_item(r["Konu Başlığı"], [a for a, _ in standing])
        if article is None:
            proposals.append(r)
        else:
            restating.setdefault(article, []).append(r)
    # article -> [text, articles cited]
    topics = {article: [text, [article]] for article, text in standing}
    duties = []
    if is_first_board_of_year(data, m):
        for duty in rules.first_board_duties(data.board_kind):
            text = duty.agenda or duty.label
            if duty.article == rules.CARRIED_EVALUATION_ARTICLE and (numbers := _carried_numbers(data)):
                text += f" (önceki yıldan devreden açık kararlar: {numbers})"
            if duty.joins in topics:
                topics[duty.joins][0] = text
                topics[duty.joins][1].append(duty.article)
            else:
                duties.append((text, cite_short(duty.article)))

    def item(article: str) -> tuple[str, str]:
        text, articles = topics[article]
        return text, _source(articles, restating.get(article, []))

    items: list[tuple[str, str]] = [("Açılış", "")]
    items += [item(article) for article, _ in opening]
    items += duties
    for r in proposals:
        source = f"Öneren: {r['Öneren Kurum']}" if r["Öneren Kurum"] else cite_short("M10(2)")
        items.append((r["Konu Başlığı"] or EMPTY, source))
    items += [item(article) for article, _ in _standing_items(data, m)]
    items.append((rules.AGENDA_CLOSING, ""))
    return items


def agenda_sheet(data: WorkbookData, m: Meeting, *, paginate: bool = True) -> SheetSpec:
    f = FormBuilder(sheet_name("Gündem ", m.no), [6, 66, 26], title_rows=(1, 2), paginate=paginate)
    f.line(f"{upper_tr(CATEGORY_NAME[m.category])} TOPLANTI GÜNDEMİ", "title")
    f.line(f"{place_name(data)} — {m.record['Yer'] or EMPTY} — {_when(m)} (Toplantı No: {m.no})", "plain")
    f.blank()
    f.table(
        ["Sıra", "Gündem Maddesi", "Dayanak / Öneren"],
        [[i, text, source] for i, (text, source) in enumerate(agenda_items(data, m), start=1)],
        ["number", "text", "text"],
    )
    return f.finish()


def subcommission_list_sheet(data: WorkbookData, year: int, *, paginate: bool = True) -> SheetSpec:
    """The sub-commission members (asil and yedek per institution) signed at the year's first board
    (M5(8), M6(5))."""
    f = FormBuilder(sheet_name("Alt Komisyon Listesi ", year), [6, 34, 26, 26], title_rows=(1, 1), paginate=paginate)
    f.line(f"{year} YILI ALT KOMİSYON ÜYE LİSTESİ", "title")
    f.line(
        f"{place_name(data)} — Alt Komisyon üyeleri yılın ilk İl Göç Koordinasyon Kurulunda kurul üyelerinin "
        "imzası ile görevlendirilir (Genelge m. 5/8, 6/5). Alt Komisyon üyeleri kurumlarının irtibat "
        "görevlisidir (Genelge m. 6/6).",
        "plain",
        min_lines=2,
    )
    f.blank()
    members = [r for r in data.records("Üyeler") if r["Aktif"] != "Hayır"]
    by_institution: dict[str, dict[str, str]] = {}
    for r in members:
        if r["Görev"] in (rules.ROLE_SUB_PRIMARY, rules.ROLE_SUB_SUBSTITUTE) and r["Kurum"]:
            slot = "asil" if r["Görev"] == rules.ROLE_SUB_PRIMARY else "yedek"
            by_institution.setdefault(r["Kurum"], {})[slot] = f"{r['Ad Soyad'] or ''} ({r['Unvan'] or ''})"
    rows = [
        [i, kurum, slots.get("asil", EMPTY), slots.get("yedek", EMPTY)]
        for i, (kurum, slots) in enumerate(by_institution.items(), start=1)
    ]
    f.table(["Sıra", "Kurum", "Asil Üye", "Yedek Üye"], rows, ["number", "text", "text", "text"], min_lines=2)
    chair = next((r for r in members if r["Görev"] == rules.ROLE_SUB_CHAIR), None)
    if chair:
        f.line(f"Alt Komisyon Başkanı: {chair['Ad Soyad']} — {chair['Unvan']}, {chair['Kurum']}", "plain")
    f.blank()
    board = [
        (
            "Kurul Başkanı" if r["Görev"] == rules.ROLE_CHAIR else "Üye",
            r["Ad Soyad"] or "",
            f"{r['Unvan'] or ''} — {r['Kurum'] or ''}",
        )
        for r in members
        if r["Görev"] in (rules.ROLE_CHAIR, rules.ROLE_MEMBER) and r["Üyelik Türü"] == "Daimi"
    ]
    board.sort(key=lambda x: x[0] != "Kurul Başkanı")
    _signature_block(f, board)
    return f.finish()
