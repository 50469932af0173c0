"""`kontrol`: the checks of KURALLAR.md that need no calendar computation.

Row-level structure (required, kinds, closed lists) is a JSON Schema per sheet, generated from the
contract and checked with jsonschema. Rules across rows and sheets are small functions registered
with the article they enforce. Input: a `WorkbookData`; output: `Finding`s. Pure: no file access.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from operator import itemgetter

from .. import contract, rules
from ..findings import ERROR, WARNING, Finding
from . import parse
from .annual import ANNUAL_ARTICLE, report_gaps, report_in_preparation
from .districts import district_state_for
from .meetings import (
    carried_rows,
    carried_year,
    first_board,
    meeting_day,
    number_text,
    reference_key,
    row_key,
    unevaluated_decisions,
)
from .model import TEMPLATE_RULE, Record, WorkbookData
from .schedule import FINDING_ARTICLES, build_schedule
from .schemacheck import SchemaCheck

LEVEL_KEY = "x-duzey"  # schema annotation: a violation of this property is only a warning


def _column_schema(col: contract.Column | contract.Setting) -> dict:
    kind = col.kind
    if kind == "enum":
        return {"enum": list(contract.lists()[col.choices])}
    if kind == "int":
        name = col.header if isinstance(col, contract.Column) else col.name
        maximum = contract.INT_MAXIMA.get(name)
        return {"type": "integer", "minimum": 0, **({"maximum": maximum} if maximum is not None else {})}
    if kind == "date":
        return {"type": "string", "format": "date"}
    if kind == "time":
        return {"type": "string", "pattern": r"^\d{2}:\d{2}$"}
    if kind == "list":
        return {"type": "array", "items": {"type": "string", "maxLength": 32767}, "minItems": 1}
    if kind == "phone":
        return {"type": "string", "pattern": r"^[0-9 +()./-]{7,24}$", LEVEL_KEY: WARNING}
    if kind == "email":
        return {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$", LEVEL_KEY: WARNING}
    if kind == "key":
        return {"type": "string", "maxLength": 50}
    return {"type": "string", "maxLength": 32767}


@cache
def row_schema(sheet: str, present: tuple[str, ...] | None = None) -> dict:
    """JSON Schema (2020-12) of one row of an input sheet, from the contract. `present`: the columns the
    sheet has (a missing column is reported once for the sheet, not once per row)."""
    definition = contract.SHEETS_BY_NAME[sheet]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:gockurul:satir:{definition.table}",
        "title": f"'{sheet}' satırı",
        "type": "object",
        "properties": {c.header: _column_schema(c) for c in definition.columns},
        "required": [c.header for c in definition.columns if c.required and (present is None or c.header in present)],
    }


@cache
def settings_schema(kind: str | None) -> dict:
    applies = [s for s in contract.SETTINGS if kind is None or any(k.value == kind for k in s.applies_to)]
    required = [s.name for s in applies if s.required]
    if kind == rules.BoardKind.DISTRICT.value:
        required.append(contract.S_DISTRICT)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {s.name: _column_schema(s) for s in contract.SETTINGS},
        "required": required,
    }


@cache
def _validator(schema_key: tuple) -> SchemaCheck:
    schema = row_schema(*schema_key[1:]) if schema_key[0] == "row" else settings_schema(schema_key[1])
    return SchemaCheck(schema)


def _json_value(value, raw):
    if value is None:
        if parse.is_blank(raw):
            return None
        return parse.text(raw) if not isinstance(raw, (int, float)) or isinstance(raw, bool) else raw
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


_PLAIN = (str, int, list)  # parsed values that are JSON as they are


def _instance(values: dict, raw: dict) -> dict:
    out = {}
    for header, value in values.items():
        if value.__class__ in _PLAIN:  # the common cases first, without a call per cell
            out[header] = value
        elif value is None:
            r = raw.get(header)
            if r is not None and r != "":
                v = _json_value(None, r)
                if v is not None:
                    out[header] = v
        elif value.__class__ is dt.date:
            out[header] = value.isoformat()
        else:
            v = _json_value(value, raw.get(header))
            if v is not None:
                out[header] = v
    return out


def _instances(records: list[Record]) -> list[dict]:
    """`_instance` of every record, built column by column: a column of plain values (text, whole numbers,
    lists: most of them) is taken as it is, in C, and only the other cells are looked at one by one."""
    if not records:
        return []
    layout = records[0].layout
    headers = list(layout.index)
    columns = []
    for header in headers:
        values = list(map(itemgetter(header), records))
        if not set(map(type, values)) <= _PLAIN_KINDS:  # dates, and empty values whose cell held something
            i = layout.index[header]
            raw = [r.raw_cells[i] for r in records]
            values = [v if v.__class__ in _PLAIN else
                      (v.isoformat() if v.__class__ is dt.date else
                       None if v is None and (c is None or c == "") else _json_value(v, c))
                      for v, c in zip(values, raw, strict=True)]
        columns.append(values)
    return [{h: v for h, v in zip(headers, row, strict=True) if v is not None}
            for row in zip(*columns, strict=True)]


_PLAIN_KINDS = {str, int, list}


_KIND_WORDS = {
    "int": "tam sayı olmalı",
    "date": "tarih olmalı (GG.AA.YYYY)",
    "time": "saat olmalı (SS:DD)",
    "phone": "telefon numarası gibi görünmüyor",
    "email": "e-posta adresi gibi görünmüyor",
    "key": "çok uzun (en çok 50 karakter)",
    "text": "çok uzun (en çok 32.767 karakter)",
    "list": "kurum adları ; ile ayrılmalı",
}


def _schema_findings(sheet: str, columns: dict, instance: dict, cells: Callable[[str], str | None],
                     bad: dict[str, str], errors: list) -> Iterator[Finding]:
    for err in errors:
        if err.validator == "required":
            missing = err.message.split("'")[1] if "'" in err.message else "?"
            yield Finding(ERROR, TEMPLATE_RULE, sheet, cells(missing), f"'{missing}' boş bırakılamaz.")
            continue
        header = err.absolute_path[0] if err.absolute_path else None
        col = columns.get(header)
        if col is None:
            continue
        level = err.schema.get(LEVEL_KEY, ERROR) if isinstance(err.schema, dict) else ERROR
        shown = parse.preview(instance.get(header))
        if err.validator == "enum":
            options = ", ".join(contract.lists()[col.choices])
            msg = f"'{header}' için '{shown}' geçerli değil; seçenekler: {options}."
        elif err.validator == "minimum":
            msg = f"'{header}' negatif olamaz ('{shown}')."
        elif err.validator == "maximum":
            most = f"{err.validator_value:,}".replace(",", ".")
            msg = f"'{header}' en çok {most} olabilir; '{shown}' yazılmış."
        elif err.validator == "maxLength" and col.kind in ("text", "key", "list"):
            length = len(str(instance.get(header)))
            msg = f"'{header}' {_KIND_WORDS[col.kind]}; {length} karakter yazılmış."
        else:
            reason = bad.get(header) or _KIND_WORDS.get(col.kind, "geçerli değil")
            msg = f"'{header}' {reason}: '{shown}'."
        yield Finding(level, TEMPLATE_RULE, sheet, cells(header), msg)


# --- registry of cross-row rules ------------------------------------------------------------------

@dataclass
class Context:
    data: WorkbookData
    today: dt.date
    kind: rules.BoardKind | None
    population: int | None

    @cached_property
    def meetings(self) -> dict[str, Record]:
        return _index(self.data.records("Toplantılar"), "Toplantı No")

    def meeting_date(self, number: str | None) -> dt.date | None:
        m = self.meetings.get(number) if number else None
        if m is None:
            return None
        return meeting_day(m)

    def flag(self, name: str) -> bool | None:
        """A yes/no setting; None when the workbook (older template) does not have it."""
        value = self.data.setting(name)
        return None if value is None else value == "Evet"


def _index(records: list[Record], header: str) -> dict[str, Record]:
    out: dict[str, Record] = {}
    for r in records:
        k = r[header]
        if k is not None:
            out.setdefault(k, r)
    return out


CheckFn = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """A rule across rows and sheets and the articles it enforces: every finding it makes cites one of them
    (tests/test_kontrol.py holds each check to its declaration)."""

    articles: tuple[str, ...]
    run: CheckFn


CHECKS: list[Check] = []


def check(*articles: str) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        CHECKS.append(Check(articles, fn))
        return fn
    return register


@check(TEMPLATE_RULE)
def unique_keys(ctx: Context) -> Iterator[Finding]:
    for name, table in ctx.data.tables.items():
        # A key part that may be blank (Devreden Yıl: blank for the year's own rows) is part of the identity.
        required = [h for h in table.definition.key if table.definition.column(h).required]
        if not required or not all(table.has(h) for h in required):
            continue
        key = tuple(h for h in table.definition.key if table.has(h))
        keys = list(map(itemgetter(*key), table.records)) if len(key) > 1 else [(r[key[0]],) for r in table.records]
        if len(set(keys)) == len(keys):
            continue  # the common case, in C: no key twice
        seen: dict[tuple, Record] = {}
        for r, k in zip(table.records, keys, strict=True):
            if any(r[h] is None for h in required):
                continue
            if k in seen:
                label = " / ".join(f"{h} {v}" for h, v in zip(key, k, strict=True) if v is not None)
                yield Finding(ERROR, TEMPLATE_RULE, name, r.cell(required[-1]),
                              f"{label} birden çok kez yazılmış (ilki {seen[k].row}. satırda).")
            else:
                seen[k] = r


# (sheet, column, target sheet, target column, article)
REFERENCES = (
    ("Gündem", "Toplantı No", "Toplantılar", "Toplantı No", "M10(1)"),
    ("Sorunlar", "Toplantı No", "Toplantılar", "Toplantı No", "Ek-1"),
    ("Kararlar", "Toplantı No", "Toplantılar", "Toplantı No", "M12(1)"),
    ("Kararlar", "Değerlendiren Toplantı No", "Toplantılar", "Toplantı No", "M5(7)"),
    ("Kararlar", "Sorun No", "Sorunlar", "Sorun No", "Ek-1"),
    ("Katılımcılar", "Toplantı No", "Toplantılar", "Toplantı No", "M12(7)"),
)


@check(*dict.fromkeys(r[4] for r in REFERENCES))
def references(ctx: Context) -> Iterator[Finding]:
    for sheet, column, target, target_col, article in REFERENCES:
        if target not in ctx.data.tables or sheet not in ctx.data.tables:
            continue
        carries = target in contract.CARRIED_SHEETS  # a row there is (year of origin, number)
        keys = {row_key(r, target_col) if carries else r[target_col] for r in ctx.data.records(target)}
        for r in ctx.data.records(sheet):
            v = r[column]
            if v is None or (column == "Toplantı No" and carried_year(r) is not None):
                continue  # a carried row's meeting is in the workbook of the year it came from
            if (reference_key(r, column) if carries else v) not in keys:
                yield Finding(ERROR, article, sheet, r.cell(column),
                              f"'{column}' {v} için '{target}' sayfasında kayıt yok.")


def own_meeting_date(ctx: Context, r: Record) -> dt.date | None:
    """The date of the meeting that took a row of this year (a carried row's meeting is not in this workbook)."""
    return None if carried_year(r) is not None else ctx.meeting_date(r["Toplantı No"])


@check("Ek-1")
def decision_due_after_meeting(ctx: Context) -> Iterator[Finding]:
    for r in ctx.data.records("Kararlar"):
        due, held = r["Verilen Süre"], own_meeting_date(ctx, r)
        if due and held and due < held:
            yield Finding(ERROR, "Ek-1", "Kararlar", r.cell("Verilen Süre"),
                          f"{record_label(r, 'Karar No', 'Karar')}: Verilen Süre ({due:%d.%m.%Y}) kararın alındığı "
                          "toplantıdan "
                          f"({held:%d.%m.%Y}) önce olamaz.")


@check("M5(7)")
def evaluated_by_later_meeting(ctx: Context) -> Iterator[Finding]:
    for r in ctx.data.records("Kararlar"):
        own, later = own_meeting_date(ctx, r), ctx.meeting_date(r["Değerlendiren Toplantı No"])
        if own and later and later <= own:
            yield Finding(ERROR, "M5(7)", "Kararlar", r.cell("Değerlendiren Toplantı No"),
                          f"{record_label(r, 'Karar No', 'Karar')}, kendisinden sonraki bir toplantıda "
                          "değerlendirilmeli; "
                          f"toplantı {r['Değerlendiren Toplantı No']} kararın toplantısından sonra değil.")


@check("M13(4)")
def not_implemented_reason(ctx: Context) -> Iterator[Finding]:
    for r in ctx.data.records("Kararlar"):
        if r["Durum"] == rules.DECISION_NOT_IMPLEMENTED and not r["Uygulanamama Sebebi"]:
            yield Finding(WARNING, "M13(4)", "Kararlar", r.cell("Uygulanamama Sebebi"),
                          f"{record_label(r, 'Karar No', 'Karar')} uygulanamadı; yıllık raporda sebebi yazılmalı.")


_MINUTES_COLUMNS = (("tutanak_teblig", "Tutanak Tebliğ Tarihi"), ("platform_giris", "Platform Giriş Tarihi"))
_MINUTES_ARTICLES = {(kind, cat): d.articles for kind, _col in _MINUTES_COLUMNS for d in rules.MEETING_DEADLINES
                     if d.kind == kind for cat in d.categories}  # M12(2)/(3) of the İl, M12(4)/(5)/(6) of others


@check(TEMPLATE_RULE, *dict.fromkeys(_MINUTES_ARTICLES.values()))
def meeting_dates(ctx: Context) -> Iterator[Finding]:
    year = ctx.data.setting(contract.S_YEAR)
    for r in ctx.data.records("Toplantılar"):
        held, planned = r["Gerçekleşen Tarih"], r["Planlanan Tarih"]
        no = r["Toplantı No"] if r["Toplantı No"] is not None else f"({r.row}. satır)"
        if held and held > ctx.today:
            yield Finding(ERROR, TEMPLATE_RULE, "Toplantılar", r.cell("Gerçekleşen Tarih"),
                          f"Toplantı {no}: gerçekleşen tarih ({held:%d.%m.%Y}) ileri bir tarih olamaz.")
        if not held and not planned and "Planlanan Tarih" in r.cells:
            yield Finding(WARNING, TEMPLATE_RULE, "Toplantılar", r.cell("Planlanan Tarih"),
                          f"Toplantı {no}: ne planlanan ne gerçekleşen tarih yazılmış.")
        when = held or planned
        if when and isinstance(year, int) and when.year != year:
            yield Finding(WARNING, TEMPLATE_RULE, "Toplantılar", r.cell("Gerçekleşen Tarih" if held else
                                                                       "Planlanan Tarih"),
                          f"Toplantı {no}, {when.year} yılında; bu kitap {year} yılı için.")
        category = rules.category_of(r["Kategori"])
        for kind, col in _MINUTES_COLUMNS:
            article = (_MINUTES_ARTICLES.get((kind, category))  # the sub-commission's outputs: M12(6)
                       or _MINUTES_ARTICLES.get(("platform_giris", category))
                       or _MINUTES_ARTICLES[(kind, rules.MeetingCategory.PROVINCE_BOARD)])
            d = r[col]
            if d and not held:
                yield Finding(ERROR, article, "Toplantılar", r.cell(col),
                              f"Toplantı {no}: '{col}' yazılmış ama toplantının gerçekleşen tarihi boş.")
            elif d and held and d < held:
                yield Finding(ERROR, article, "Toplantılar", r.cell(col),
                              f"Toplantı {no}: '{col}' ({d:%d.%m.%Y}) toplantıdan ({held:%d.%m.%Y}) önce olamaz.")


@check(*dict.fromkeys(article for _, article in rules.BOARD_MEETING_CATEGORIES.values()))
def meeting_category_fits_board(ctx: Context) -> Iterator[Finding]:
    if ctx.kind is None:
        return
    allowed, article = rules.BOARD_MEETING_CATEGORIES[ctx.kind]
    names = [c.value for c in allowed]
    for r in ctx.data.records("Toplantılar"):
        cat = r["Kategori"]
        if cat in contract.lists()["Kategori"] and cat not in names:
            yield Finding(ERROR, article, "Toplantılar", r.cell("Kategori"),
                          f"Toplantı {r['Toplantı No']}: '{cat}' bir {ctx.kind.value} kurulu kitabında tutulmaz "
                          f"(bu kitapta: {', '.join(names)}).")


@check("M12(7)")
def held_meeting_has_participants(ctx: Context) -> Iterator[Finding]:
    if "Katılımcılar" not in ctx.data.tables:
        return
    counts = Counter(r["Toplantı No"] for r in ctx.data.records("Katılımcılar"))
    for r in ctx.data.records("Toplantılar"):
        if r["Gerçekleşen Tarih"] and not counts.get(r["Toplantı No"]):
            yield Finding(WARNING, "M12(7)", "Toplantılar", r.cell("Toplantı No"),
                          f"{record_label(r, 'Toplantı No', 'Toplantı')} yapılmış ama 'Katılımcılar' sayfasında "
                          "katılımcısı yok "
                          "(Ek-2).")


@lru_cache(maxsize=65536)  # the same names and institutions come back in every meeting
def _person(text: object) -> str:
    """A name or an institution as compared across sheets: Turkish letters folded, spaces collapsed."""
    return " ".join(parse.ascii_fold(str(text or "")).split())


def institution_key(ctx: Context, kurum: object) -> str:
    """One key per institution however the office spells it ("Gaziantep İl Sağlık Müdürlüğü" is the İl Sağlık
    Müdürlüğü, "Gaziantep Valiliği" the Valilik): the listed institution it matches, the way the composition check
    matches it, else the name itself. Universities and research centres stay apart (M4(2) names them in the
    plural: each is an institution of its own)."""
    return _institution_key(ctx.kind, _person(kurum))


def same_institution(kind: rules.BoardKind | None, a: object, b: object) -> bool:
    """Two spellings of one institution, matched as the M9(2) check matches them."""
    return _institution_key(kind, _person(a)) == _institution_key(kind, _person(b))


def same_person(a: object, b: object) -> bool:
    return bool(a) and _person(a) == _person(b)


@lru_cache(maxsize=4096)
def _institution_key(kind: rules.BoardKind | None, folded: str) -> str:
    """The most specific listed name in `folded` wins: "Gaziantep Valiliği İl Göç İdaresi Müdürlüğü" is the İl
    Göç İdaresi Müdürlüğü (a unit under the Valilik), not the Valilik."""
    best, length = folded, 0
    for req, spellings in _listed_spellings(kind):
        for spelling in spellings:
            if len(spelling) > length and spelling in folded and not (
                    req.excludes and _contains_any(folded, req.excludes)):
                best, length = "\x00" + _person(req.kurum), len(spelling)
    return best


@cache
def _listed_spellings(kind: rules.BoardKind | None) -> tuple[tuple[rules.RequiredMember, tuple[str, ...]], ...]:
    listed = ((rules.PROVINCE_CHAIR, *rules.PROVINCE_MEMBERS) if kind is rules.BoardKind.PROVINCE
              else (rules.DISTRICT_CHAIR, *rules.DISTRICT_MEMBERS) if kind is rules.BoardKind.DISTRICT else ())
    return tuple((req, tuple(parse.ascii_fold(w) for w in (req.kurum, *req.also_matches)))
                 for req in listed if not req.plural)


@check(rules.DEPUTY_ARTICLE)
def deputies(ctx: Context) -> Iterator[Finding]:
    """M9(2): whoever attends for a member institution is one of its members in `Üyeler` (by name; a member who
    has since left still counts for the meetings they attended) or its properly appointed deputy (Vekil = Evet)."""
    if "Katılımcılar" not in ctx.data.tables or "Üyeler" not in ctx.data.tables:
        return
    members: dict[str, set[str]] = {}
    for m in ctx.data.records("Üyeler"):
        if m["Kurum"]:
            members.setdefault(institution_key(ctx, m["Kurum"]), set()).add(_person(m["Ad Soyad"]))
    for p in ctx.data.records("Katılımcılar"):
        names = members.get(institution_key(ctx, p["Kurum İsmi"])) if p["Kurum İsmi"] else None
        if names is None or p["Vekil"] == "Evet" or _person(p["Ad-Soyad"]) in names:
            continue
        yield Finding(WARNING, rules.DEPUTY_ARTICLE, "Katılımcılar", p.cell("Ad-Soyad"),
                      f"Toplantı {p['Toplantı No']}, {p.row}. satır: {p['Ad-Soyad'] or '(adı yazılmamış)'} "
                      f"{p['Kurum İsmi']} adına katılmış ama 'Üyeler' sayfasında bu kurumun üyesi değil ve vekil "
                      "olarak işaretlenmemiş. Üye yerine başkasını görevlendiremez; usulüne uygun atanmış vekilse "
                      "'Vekil' sütununa Evet yazın.")


@check(rules.DISTRICT_BOARD_PARTICIPANT[1])
def migration_office_at_district_boards(ctx: Context) -> Iterator[Finding]:
    """M8(1), M11(3): the İl Göç İdaresi Müdürlüğü takes part in every district board."""
    institution, article = rules.DISTRICT_BOARD_PARTICIPANT
    if ctx.kind is rules.BoardKind.PROVINCE:
        yield from _migration_office_at_merged_boards(ctx)
        return
    if "Katılımcılar" not in ctx.data.tables:
        return
    people = ctx.data.grouped("Katılımcılar", "Toplantı No")
    for r in ctx.data.records("Toplantılar"):
        if r["Kategori"] != rules.MeetingCategory.DISTRICT_BOARD.value or not r["Gerçekleşen Tarih"]:
            continue
        present = people.get(r["Toplantı No"], [])
        if present and not any(_contains_any(p["Kurum İsmi"] or "", (institution,)) for p in present):
            yield Finding(WARNING, article, "Toplantılar", r.cell("Toplantı No"),
                          f"Toplantı {r['Toplantı No']} ({r['Gerçekleşen Tarih']:%d.%m.%Y}): katılımcılar arasında "
                          f"{institution} yok; İlçe Göç Koordinasyon Kurullarına {institution} katılım sağlar.")


def _migration_office_at_merged_boards(ctx: Context) -> Iterator[Finding]:
    """The same rule on the district boards a province merged (`birlestir`): their participants are in the merged
    sheets, so the province sees a district board held without its İl Göç İdaresi Müdürlüğü."""
    institution, article = rules.DISTRICT_BOARD_PARTICIPANT
    state = district_state_for(ctx.data)
    if state is None:
        return
    board = rules.MeetingCategory.DISTRICT_BOARD.value
    year = ctx.data.setting(contract.S_YEAR)
    for rows in state.districts.values():
        people: dict[object, list[dict]] = {}
        for p in rows.tables[contract.DISTRICT_PARTICIPANTS_SHEET]:
            people.setdefault(p["Toplantı No"], []).append(p)
        for r in rows.meetings():
            held = r["Gerçekleşen Tarih"]
            present = people.get(r["Toplantı No"], [])
            if r["Kategori"] != board or not isinstance(held, dt.date) or not present or held.year != year:
                continue
            if not any(_contains_any(p["Kurum İsmi"] or "", (institution,)) for p in present):
                yield Finding(WARNING, article, contract.DISTRICT_PARTICIPANTS_SHEET, None,
                              f"{rows.district} İlçe GKK toplantı {r['Toplantı No']} ({held:%d.%m.%Y}): "
                              f"katılımcılar arasında {institution} yok; İlçe Göç Koordinasyon Kurullarına "
                              f"{institution} katılım sağlar.")


# --- M5(7), M5(12): earlier decisions evaluated ----------------------------------------------------

@check("M5(7)", rules.CARRIED_EVALUATION_ARTICLE)
def decisions_evaluated(ctx: Context) -> Iterator[Finding]:
    """M5(7): a board meeting held evaluates the previous meeting's open decisions (recorded as 'Değerlendiren
    Toplantı No'; a later meeting named there is the latest evaluation). M5(12), KURALLAR §7: once the year's first
    board is held, every decision carried over from last year names the meeting of this year that evaluated it."""
    # once per decision, at the first board held after it (decisions_to_evaluate lists it there and later)
    for d, r in unevaluated_decisions(ctx.data):
        no = r["Toplantı No"]
        yield Finding(WARNING, "M5(7)", "Kararlar", d.cell("Değerlendiren Toplantı No"),
                      f"{record_label(d, 'Karar No', 'Karar')} (toplantı {d['Toplantı No']}) açık; bir sonraki "
                      f"kurul olan toplantı {no} ({r['Gerçekleşen Tarih']:%d.%m.%Y}) yapılmış ama kararın orada "
                      "değerlendirildiği yazılmamış. Değerlendirildiyse 'Değerlendiren Toplantı No'ya "
                      f"{no} yazın (Ek-1 madde 8).")
    year = ctx.data.setting(contract.S_YEAR)
    first = first_board(ctx.data, year, ctx.today) if isinstance(year, int) else None
    if first is None or not first.record["Gerçekleşen Tarih"]:
        return
    held = {r["Toplantı No"] for r in ctx.data.records("Toplantılar") if r["Gerçekleşen Tarih"]}
    for d in carried_rows(ctx.data, "Kararlar"):
        if d["Değerlendiren Toplantı No"] not in held:
            yield Finding(WARNING, rules.CARRIED_EVALUATION_ARTICLE, "Kararlar", d.cell("Değerlendiren Toplantı No"),
                          f"Karar {d['Karar No']} ({carried_year(d)} yılından devreden): yılın ilk kurulu (toplantı "
                          f"{first.no}, {first.record['Gerçekleşen Tarih']:%d.%m.%Y}) yapıldı ama bu yılın yapılmış "
                          "bir toplantısında değerlendirildiği yazılmamış. Değerlendirildiği toplantının numarasını "
                          "'Değerlendiren Toplantı No'ya yazın.")


# --- §4 composition ------------------------------------------------------------------------------

def _active_members(ctx: Context) -> list[Record]:
    return [r for r in ctx.data.records("Üyeler") if r["Aktif"] != "Hayır"]


def _contains_any(text: str, words: tuple[str, ...]) -> bool:
    folded = parse.ascii_fold(text)
    return any(parse.ascii_fold(w) in folded for w in words)


def _matches(member: Record, required: rules.RequiredMember) -> bool:
    kurum = member["Kurum"] or ""
    if not _contains_any(kurum, (required.kurum, *required.also_matches)):
        return False
    if required.excludes and _contains_any(kurum, required.excludes):
        return False
    if required.unvan:
        unvan = member["Unvan"] or ""
        if not _contains_any(unvan, (required.unvan,)):
            return False
        if required.unvan_excludes and _contains_any(unvan, required.unvan_excludes):
            return False
    return True


def _governor_of(member: Record, district: str) -> bool:
    """M4(2): the member is the kaymakam of `district` (named in Kurum or Unvan)."""
    word, _article = rules.DISTRICT_GOVERNOR_MEMBER
    text = f"{member['Kurum'] or ''} {member['Unvan'] or ''}"
    return bool(district) and _contains_any(text, (district,)) and _contains_any(text, (word,))


def record_label(r: Record, header: str, word: str) -> str:
    """'Karar 7' ('Karar 7 (2025)' when carried from 2025), or '8. satırdaki karar' when the number is empty."""
    value = r[header]
    return f"{word} {number_text(r, header)}" if value is not None else f"{r.row}. satırdaki {word.lower()}"


def _is_required(ctx: Context, required: rules.RequiredMember) -> bool:
    if required.optional_setting is None:
        return True
    name = required.optional_setting.lstrip("!")
    value = ctx.flag(name)
    if value is None:
        return False  # older template without the setting: cannot tell, do not demand
    return (not value) if required.optional_setting.startswith("!") else value


def required_members(ctx: Context) -> list[rules.RequiredMember]:
    if ctx.kind is rules.BoardKind.PROVINCE:
        base = [rules.PROVINCE_CHAIR, *rules.PROVINCE_MEMBERS]
    elif ctx.kind is rules.BoardKind.DISTRICT:
        base = [rules.DISTRICT_CHAIR, *rules.DISTRICT_MEMBERS]
    else:
        return []
    return [m for m in base if _is_required(ctx, m)]


def member_governors_required(ctx: Context) -> list[Record]:
    """M4(2): districts whose kaymakam must sit on the province board."""
    return [d for d in ctx.data.records("İlçeler")
            if isinstance(d["Yabancı Nüfusu"], int) and rules.district_governor_is_member(d["Yabancı Nüfusu"])]


@check(rules.PROVINCE_CHAIR.article, "M4(2)", "M4(3)")
def composition(ctx: Context) -> Iterator[Finding]:
    if "Üyeler" not in ctx.data.tables or ctx.kind is None:
        return
    members = [m for m in _active_members(ctx) if m["Üyelik Türü"] == "Daimi"]
    chairs = [m for m in _active_members(ctx) if m["Görev"] == rules.ROLE_CHAIR]
    chair_rule = rules.PROVINCE_CHAIR if ctx.kind is rules.BoardKind.PROVINCE else rules.DISTRICT_CHAIR
    if not chairs:
        yield Finding(ERROR, chair_rule.article, "Üyeler", None,
                      f"Kurul Başkanı ({chair_rule.name}) üye listesinde yok.")
    elif len(chairs) > 1:
        yield Finding(ERROR, chair_rule.article, "Üyeler", chairs[1].cell("Görev"),
                      f"Birden çok aktif Kurul Başkanı var; kurula {chair_rule.name} başkanlık eder.")
    elif not _matches(chairs[0], chair_rule):
        yield Finding(ERROR, chair_rule.article, "Üyeler", chairs[0].cell("Unvan"),
                      f"Kurul Başkanı {chair_rule.name} olmalı; yazılan: {chairs[0]['Unvan'] or 'boş'} "
                      f"({chairs[0]['Kurum'] or 'kurum boş'}).")
    board = [m for m in members if m["Görev"] in (rules.ROLE_CHAIR, rules.ROLE_MEMBER)]
    listed = rules.PROVINCE_MEMBERS if ctx.kind is rules.BoardKind.PROVINCE else rules.DISTRICT_MEMBERS
    asked = dict.fromkeys(req.optional_setting.lstrip("!") for req in listed if req.optional_setting)
    for name in asked:
        if name in rules.MUST_ANSWER_SETTINGS and name not in ctx.data.settings:  # never asked (KURALLAR §4)
            req = next(r for r in listed if (r.optional_setting or "").lstrip("!") == name)
            yield Finding(WARNING, req.article, contract.SETTINGS_SHEET, None,
                          f"'{name}' ayarı bu kitapta yok (şablonun eski bir sürümünde bu soru yoktu); yanıtlanmadan "
                          f"{req.name} üyeliği denetlenemez. 'Ayarlar' sayfasına bu adla bir satır ekleyip Evet ya "
                          "da Hayır yazın (komut satırında 'gockurul guncelle' yeni ayarları kendisi ekler).")
    for req in required_members(ctx):
        if req.article == "M4(1)":
            continue
        if not any(_matches(m, req) for m in board):
            yield Finding(ERROR, req.article, "Üyeler", None,
                          f"Zorunlu üye eksik: {req.name} ({req.article}).")
    if ctx.kind is rules.BoardKind.PROVINCE:
        threshold = rules.THRESHOLDS["district_governor_member"]
        for d in member_governors_required(ctx):
            if not any(_governor_of(m, d["İlçe"] or "") for m in board):
                yield Finding(ERROR, threshold.article, "Üyeler", None,
                              f"{d['İlçe']} Kaymakamı kurul üyesi olmalı: ilçenin yabancı nüfusu "
                              f"{rules.tr_number(d['Yabancı Nüfusu'])} ({threshold.text}).")


@check("M6(1)", rules.SUBCOMMISSION_CHAIR_INSTITUTION[1], "M6(3)", rules.SUBCOMMISSION_TITLE_ARTICLE)
def subcommission(ctx: Context) -> Iterator[Finding]:
    if "Üyeler" not in ctx.data.tables or ctx.kind is None:
        return
    active = _active_members(ctx)
    sub = [m for m in active if m["Görev"] in rules.SUBCOMMISSION_ROLES]
    if ctx.kind is rules.BoardKind.DISTRICT:
        for m in sub:
            yield Finding(ERROR, "M6(1)", "Üyeler", m.cell("Görev"),
                          f"Alt Komisyon yalnız İl GKK bünyesinde kurulur; '{m['Görev']}' bu kitapta olamaz.")
        return
    seats = rules.SUBCOMMISSION_SEATS_ARTICLE
    for req in required_members(ctx):
        if req.article != "M4(2)" or not req.subcommission:
            continue
        for role, word in ((rules.ROLE_SUB_PRIMARY, "asil"), (rules.ROLE_SUB_SUBSTITUTE, "yedek")):
            if not any(m["Görev"] == role and _matches(m, req) for m in sub):
                yield Finding(ERROR, seats, "Üyeler", None,
                              f"Alt Komisyonda {req.name} için {word} üye yok.")
    # exactly one asil and one yedek per institution (by its name: "kamu üniversiteleri" are several institutions)
    for role, word in ((rules.ROLE_SUB_PRIMARY, "asil"), (rules.ROLE_SUB_SUBSTITUTE, "yedek")):
        first: dict[str, Record] = {}
        for m in sub:
            if m["Görev"] != role or not m["Kurum"]:
                continue
            other = first.setdefault(institution_key(ctx, m["Kurum"]), m)
            if other is not m:
                yield Finding(ERROR, seats, "Üyeler", m.cell("Görev"),
                              f"{m['Kurum']} için Alt Komisyonda ikinci aktif {word} üye: {m['Ad Soyad']} "
                              f"({other.row}. satırda {other['Ad Soyad']} var). Her kurumun bir asil ve bir yedek "
                              "üyesi olur; görevi biten üyenin 'Aktif' sütununa Hayır yazın.")
    primaries = {(institution_key(ctx, m["Kurum"]), _person(m["Ad Soyad"])): m for m in sub
                 if m["Görev"] == rules.ROLE_SUB_PRIMARY and m["Kurum"] and m["Ad Soyad"]}
    for m in sub:
        if m["Görev"] != rules.ROLE_SUB_SUBSTITUTE or not m["Kurum"] or not m["Ad Soyad"]:
            continue
        other = primaries.get((institution_key(ctx, m["Kurum"]), _person(m["Ad Soyad"])))
        if other is not None:
            yield Finding(ERROR, seats, "Üyeler", m.cell("Ad Soyad"),
                          f"{m['Ad Soyad']} ({m['Kurum']}) Alt Komisyonda hem asil ({other.row}. satır) hem yedek "
                          "üye yazılmış; asil ve yedek ayrı kişilerdir.")
    for m in sub:
        if m["Görev"] == rules.ROLE_SUB_CHAIR:
            continue
        if m["Unvan"] and not branch_manager_level(m["Unvan"]):
            yield Finding(WARNING, rules.SUBCOMMISSION_TITLE_ARTICLE, "Üyeler", m.cell("Unvan"),
                          f"{m['Ad Soyad']} ({m['Kurum']}): Alt Komisyon üyesi şube müdürü düzeyinde olmalı; "
                          f"unvanı '{m['Unvan']}'.")
    chairs = [m for m in sub if m["Görev"] == rules.ROLE_SUB_CHAIR]
    inst, article = rules.SUBCOMMISSION_CHAIR_INSTITUTION
    if not chairs:
        yield Finding(WARNING, article, "Üyeler", None,
                      "Alt Komisyon Başkanı (Uyum Çalışma Grubu Başkanı / Uyum İrtibat Görevlisi) belirtilmemiş.")
    for m in chairs[1:]:
        yield Finding(WARNING, article, "Üyeler", m.cell("Görev"),
                      f"Alt Komisyonun bir başkanı olur: {m['Ad Soyad']} ikinci aktif Alt Komisyon Başkanı "
                      f"({chairs[0].row}. satırda {chairs[0]['Ad Soyad']} var).")
    for m in chairs:
        if parse.ascii_fold(inst) not in parse.ascii_fold(m["Kurum"] or ""):
            yield Finding(WARNING, article, "Üyeler", m.cell("Kurum"),
                          f"Alt Komisyona {inst} Uyum Çalışma Grubu Başkanı / Uyum İrtibat Görevlisi başkanlık "
                          "eder.")
        elif m["Unvan"] and not _contains_any(m["Unvan"], rules.SUBCOMMISSION_CHAIR_TITLES):
            yield Finding(WARNING, article, "Üyeler", m.cell("Unvan"),
                          f"Alt Komisyon Başkanı {m['Ad Soyad']}: unvanı '{m['Unvan']}'. Alt Komisyona {inst} "
                          "Uyum Çalışma Grubu Başkanı veya Uyum İrtibat Görevlisi başkanlık eder.")


@cache
def _title_patterns() -> tuple[re.Pattern, ...]:
    # whole words, a possessive ending allowed (Müdür/Müdürü, Müftü/Müftüsü), never a longer word (Müdürlük)
    return tuple(re.compile(r"(?:^|[^a-z0-9])" + re.escape(parse.ascii_fold(t)) + r"(?:s?[iu])?(?![a-z0-9])")
                 for t in rules.SUBCOMMISSION_TITLES)


def branch_manager_level(title: str) -> bool:
    """M6(4): the title is one of the listed ones (şube müdürü or an equivalent or higher), as a word of it."""
    folded = parse.ascii_fold(title)
    return any(p.search(folded) for p in _title_patterns())


@check("M8(1)")
def districts_sheet(ctx: Context) -> Iterator[Finding]:
    if ctx.kind is rules.BoardKind.PROVINCE and "İlçeler" in ctx.data.tables and not ctx.data.records("İlçeler"):
        yield Finding(WARNING, "M8(1)", "İlçeler", None,
                      "İlçeler boş: hangi kaymakamların üye olacağı (M4(2)) ve hangi ilçelerin kurul "
                      "toplayacağı (M8(1)) hesaplanamaz.")


# --- the coordination circular -------------------------------------------------------------------

@check(rules.PROJECT_OPINION_ARTICLE, TEMPLATE_RULE)
def projects(ctx: Context) -> Iterator[Finding]:
    art = rules.PROJECT_OPINION_ARTICLE
    for r in ctx.data.records("Projeler"):
        no, start, opinion, when = (record_label(r, "Proje No", "Proje"), r["Başlangıç"], r["Başkanlık Görüşü"],
                                    r["Görüş Tarihi"])
        if opinion in (rules.OPINION_FAVOURABLE, rules.OPINION_UNFAVOURABLE) and not when:
            yield Finding(WARNING, art, "Projeler", r.cell("Görüş Tarihi"),
                          f"{no}: Başkanlık görüşü '{opinion}' ama görüş tarihi boş.")
        if start and start <= ctx.today:
            if opinion != rules.OPINION_FAVOURABLE:
                yield Finding(ERROR, art, "Projeler", r.cell("Başlangıç"),
                              f"{no} {start:%d.%m.%Y} tarihinde başlamış ama Başkanlığın uygun görüşü yok "
                              f"(görüş: {opinion or 'boş'}); görüş hazırlık aşamasında alınır.")
            elif when and start < when:
                yield Finding(ERROR, art, "Projeler", r.cell("Başlangıç"),
                              f"{no} uygun görüşten ({when:%d.%m.%Y}) önce başlamış ({start:%d.%m.%Y}).")
        end = r["Bitiş"]
        if start and end and end < start:
            yield Finding(ERROR, TEMPLATE_RULE, "Projeler", r.cell("Bitiş"),
                          f"{no}: bitiş tarihi başlangıçtan önce.")


@check(rules.STATISTICS_COORDINATED_ARTICLE, rules.STATISTICS_SHARED_ARTICLE)
def statistics(ctx: Context) -> Iterator[Finding]:
    for r in ctx.data.records("Veri Paylaşımı"):
        no, published, coordinated = (record_label(r, "Kayıt No", "Kayıt"), r["Yayın Tarihi"],
                                      r["Koordinasyon Tarihi"])
        if published and not coordinated:
            yield Finding(ERROR, rules.STATISTICS_COORDINATED_ARTICLE, "Veri Paylaşımı", r.cell("Yayın Tarihi"),
                          f"{no}: yayın tarihi ({published:%d.%m.%Y}) yazılmış ama Başkanlıkla koordinasyon "
                          "tarihi yok; yayından önce koordinasyon gerekir.")
        elif published and coordinated and published < coordinated:
            yield Finding(ERROR, rules.STATISTICS_COORDINATED_ARTICLE, "Veri Paylaşımı", r.cell("Yayın Tarihi"),
                          f"{no}: yayın ({published:%d.%m.%Y}) Başkanlıkla koordinasyondan "
                          f"({coordinated:%d.%m.%Y}) önce.")
        if not r["Başkanlıkla Paylaşım Tarihi"] and "Başkanlıkla Paylaşım Tarihi" in r.cells:
            yield Finding(WARNING, rules.STATISTICS_SHARED_ARTICLE, "Veri Paylaşımı",
                          r.cell("Başkanlıkla Paylaşım Tarihi"),
                          f"{no}: verinin Başkanlıkla paylaşıldığı tarih yazılmamış.")


@check(ANNUAL_ARTICLE)
def annual_report_gaps(ctx: Context) -> Iterator[Finding]:
    """While the province prepares last year's Ek-3 (January, M13(1)), what its signed page would lack."""
    year = ctx.data.setting(contract.S_YEAR)
    if ctx.kind is rules.BoardKind.PROVINCE and report_in_preparation(year, ctx.today):
        yield from report_gaps(ctx.data, year, unmerged=False)


@check(TEMPLATE_RULE)
def date_ranges(ctx: Context) -> Iterator[Finding]:
    for r in ctx.data.records("Eylem Planı"):
        if r["Başlangıç"] and r["Bitiş"] and r["Bitiş"] < r["Başlangıç"]:
            yield Finding(ERROR, TEMPLATE_RULE, "Eylem Planı", r.cell("Bitiş"),
                          f"{record_label(r, 'Eylem No', 'Eylem')}: bitiş tarihi başlangıçtan önce.")


# --- §2–§3: checks that need the calendar (core.schedule computes them) --------------------------------

@check(*FINDING_ARTICLES)
def calendar_checks(ctx: Context) -> Iterable[Finding]:

    return build_schedule(ctx.data, ctx.today).findings


# --- entry point ---------------------------------------------------------------------------------

def _settings_findings(data: WorkbookData) -> Iterator[Finding]:
    if not data.settings and contract.SETTINGS_SHEET not in data.sheet_names:
        return
    kind = data.setting(contract.S_KIND)
    instance = {name: _json_value(s.value, s.raw) for name, s in data.settings.items()}
    instance = {k: v for k, v in instance.items() if v is not None}
    settings_cells = {name: s.cell for name, s in data.settings.items()}
    defs = {s.name: s for s in contract.SETTINGS}
    version = data.template_version or "1.0"
    present = {s.name for s in contract.settings_for(version if _valid_version(version) else "1.0")}
    validator = _validator(("settings", kind if kind in contract.lists()["KurulTuru"] else None))
    bad = {name: s.bad for name, s in data.settings.items() if s.bad}
    for f in _schema_findings(contract.SETTINGS_SHEET, defs, instance, settings_cells.get, bad,
                              validator.errors(instance)):
        # A setting an older template did not have is not missing.
        if f.message.endswith("boş bırakılamaz.") and not any(f.message.startswith(f"'{n}'") for n in present):
            continue
        yield f
    if contract.S_VERSION in data.settings and not _valid_version(version):
        yield Finding(ERROR, TEMPLATE_RULE, contract.SETTINGS_SHEET, data.settings[contract.S_VERSION].cell,
                      f"Şablon Sürümü '{version}' okunamadı.")


def _valid_version(version: str) -> bool:
    try:
        contract.version_tuple(version)
        return True
    except ValueError:
        return False


def run_checks(data: WorkbookData, today: dt.date) -> list[Finding]:
    findings = list(data.findings)
    findings.extend(_settings_findings(data))
    for name, table in data.tables.items():
        validator = _validator(("row", name, tuple(sorted(table.columns))))
        columns = {h: table.definition.column(h) for h in table.columns}
        records = table.records
        instances = _instances(records)
        for i, errors in validator.errors_of_many(instances):
            r = records[i]
            findings.extend(_schema_findings(name, columns, instances[i], r.cell, r.bad, errors))
    kind = data.board_kind
    pop = data.setting(contract.S_POPULATION)
    ctx = Context(data, today, kind, pop if isinstance(pop, int) else None)
    for c in CHECKS:
        findings.extend(c.run(ctx))
    return _dedupe(findings)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return out
