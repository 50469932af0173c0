"""Platform upload documents built from a workbook: what the İl Göç İdaresi Müdürlüğü enters into the
Presidency's digital platform (M12(3), M12(5), M12(6), M13(3)), as JSON valid against the schemas shipped in
`schemas/`.

One document per held meeting (Ek-1 content and Ek-2 participants), the annual report (Ek-3), the action
plan, the projects and the statistics shared. Pure: `export_documents` takes a `WorkbookData` and returns the
documents. The rest of the platform package: fields.py (each document field and the column it comes from),
codes.py (document kinds, closed lists as ASCII codes and their labels, IDs, KVKK phone masking), schemas.py
(validation, Turkish messages, the format reference), csvfiles.py (the flat CSV files), bundle.py
(`render_platform`: the files and their `manifest.json`), districts.py (a district's documents read back as a
source of `birlestir`); only files/platform_folder.py touches the disk.

Contracts:
- Deterministic: the same workbook gives byte-identical files (stable IDs from province, district, year
  and meeting number; stable order; no timestamps; `sort_keys`).
- Closed lists are ASCII snake-case codes (`il_gkk`, `devam_ediyor`, `is_gucu_piyasasi` …), the same
  codes as the `takvim --json` contract; `codes.labels()` maps them back to the Turkish labels.
- KVKK: participants' phone numbers are masked unless `personal_data=True`. The workbook is only read.
- Every document is validated before anything is written; a violation names the sheet, row and cell
  it came from, in Turkish (`PlatformExportError`). `files.platform_folder.read_document` / `read_folder`
  validate documents read back.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from .. import contract, rules
from ..core import meetings, parse
from ..core.annual import DistrictRecord, Row, YearRows, board_types, origin_year
from ..core.districts import DECISIONS_SHEET as DISTRICT_DECISIONS_SHEET
from ..core.districts import PROBLEMS_SHEET as DISTRICT_PROBLEMS_SHEET
from ..core.meetings import MIGRATION_OFFICE, active_member, carried_reference, carried_year, key_order, of_meeting
from ..core.model import WorkbookData, without_gc
from ..core.records import Record
from ..errors import GocKurulError
from ..findings import ERROR
from .codes import (
    ACTION_PLAN,
    ANNUAL_REPORT,
    DATA_SHARING,
    KIND_NAMES,
    MEETING,
    PROJECTS,
    SCHEMA_VERSION,
    closed_lists,
    label_of,
    mask_phone,
    slug,
)
from .fields import (
    ACTION_FIELDS,
    AGENDA_FIELD,
    ANNUAL_DECISION_FIELDS,
    ANNUAL_PROBLEM_FIELDS,
    ANNUAL_TEXT_FIELDS,
    DECISION_FIELDS,
    EVALUATION_FIELDS,
    MEETING_FIELDS,
    NOT_DONE_FIELDS,
    PARTICIPANT_FIELDS,
    PROBLEM_FIELDS,
    PROJECT_FIELDS,
    SETTING_FIELDS,
    SHARING_FIELDS,
    SOLUTION_FIELDS,
    UNRESOLVED_DECISION_FIELDS,
    UNRESOLVED_FIELDS,
    F,
)
from .schemas import (
    PATTERN_HINTS,
    document_validator,
    expected_text,
    extra_names,
    json_path,
    required_name,
    schema_errors,
    shown_value,
)

# The identifiers `_numbered` writes as "2025/5" (a carried row) or "Nizip/5" (a district's row).
EVALUATION_NUMBERS = {"karar_no": "Karar No", "toplanti_no": "Toplantı No"}
# Sheets the documents are made of: a reading problem in one of them stops the export.
SOURCE_SHEETS = (
    contract.SETTINGS_SHEET,
    "Üyeler",
    "Toplantılar",
    "Gündem",
    "Sorunlar",
    "Kararlar",
    "Katılımcılar",
    "Eylem Planı",
    "Projeler",
    "Veri Paylaşımı",
    contract.ANNUAL_SHEET,
)


# --- provenance: which cell a document field came from ----------------------------------------------------


@dataclass
class Source:
    """Where (part of) a document comes from: a row of a sheet (or a setting)."""

    sheet: str
    label: str  # "Karar 7 (5. satır)"
    cells: Mapping[str, str]  # header -> cell
    raw: Mapping[str, Any]  # header -> what the cell holds (the record's own; never changed)
    fields: dict[str, str] = field(default_factory=dict)  # document field -> header
    header: str | None = None  # the path itself is this column's value (a string in a list, a setting)
    specs: tuple[F, ...] = ()  # more document fields, as declared (looked up only when a value is rejected)

    def header_of(self, name: str) -> str | None:
        if name in self.fields:
            return self.fields[name]
        return next((f.header for f in self.specs if f.name == name), None)


def _row_source(sheet: str, rec: Record, label: str, specs: Iterable[F] = (), header: str | None = None) -> Source:
    return Source(sheet, f"{label} ({rec.row}. satır)", rec.cells, rec.raw, {}, header, tuple(specs))


def _label(rec: Record | DistrictRecord, header: str, word: str) -> str:
    value = rec[header]
    if value is None:
        return f"{rec.row}. satırdaki {word.lower()}" if isinstance(rec, Record) else word
    year = origin_year(rec)
    return f"{word} {value}" + (f" ({year} yılından devreden)" if year is not None else "")


class _Sources(dict):
    """Document path -> the Source it is made of, for messages about a rejected document. Building them is a
    third of building the documents, and most exports are valid: a document is first built without them
    (`track` False) and built again, with them, only when its schema rejects it."""

    def __init__(self, base: dict[tuple, Source], track: bool) -> None:
        super().__init__(base if track else {})
        self.track = track

    def add(self, path: tuple, make: Callable[..., Source], *args: Any, **kwargs: Any) -> None:
        if self.track:
            self[path] = make(*args, **kwargs)


@dataclass
class _Built:
    name: str  # file name
    kind: str
    doc: dict
    sources: dict[tuple, Source]
    record: Record | None = None  # the row the file name comes from (meetings)
    rebuild: Callable[[_Context], _Built] | None = None  # the same document, with a tracking context

    def locate(self, path: tuple, missing: str | None = None) -> tuple[Source | None, str | None]:
        full = (*path, missing) if missing else path
        for k in range(len(full), -1, -1):
            src = self.sources.get(full[:k])
            if src is None:
                continue
            if src.header and k == len(full):
                return src, src.header
            rest = full[k:]
            header = src.header_of(rest[0]) if rest and isinstance(rest[0], str) else None
            if header is not None:
                return src, header
            return src, src.header if not rest else None
        return None, None


# --- values -------------------------------------------------------------------------------------------


def _raw_json(raw: Any) -> Any:
    """What an unreadable cell holds, as JSON, so the schema reports it (and the message can show it)."""
    if isinstance(raw, bool):
        return parse.text(raw)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return raw if raw == raw and abs(raw) != float("inf") else str(raw)
    return parse.text(raw)


def _value(rec: Record, f: F, mask: bool) -> Any:
    value = rec[f.header]
    if value is None:
        if f.header in rec.bad:
            return _raw_json(rec.raw.get(f.header))
        return [] if f.kind == "list" else (False if f.kind == "bool" else None)
    if f.kind == "date":
        return value.isoformat()
    if f.kind == "enum":
        return closed_lists()[f.choices].get(value, value)
    if f.kind == "bool":
        return {"Evet": True, "Hayır": False}.get(value, value)
    if f.kind == "phone":
        return mask_phone(value) if mask else value
    if f.kind == "list":
        return list(value)
    return value


_AS_IS = frozenset({"text", "key", "int", "time"})  # kinds whose parsed value is the document's value


def _item(rec: Record, specs: Iterable[F], mask: bool = False) -> dict:
    out = {}
    for f in specs:
        v = rec.get(f.header)
        out[f.name] = v if v is not None and f.kind in _AS_IS else _value(rec, f, mask)
    return out


def _ordered(records: Iterable[Record], header: str) -> list[Record]:
    return sorted(records, key=lambda r: (r[header] is None, carried_year(r) or 0, key_order(r[header]), r.row))


def _own_evaluation(item: dict, rec: Record, meeting_no: object) -> dict:
    """The minutes' item 8 as the printed Ek-1 has it: another meeting's evaluation is not this one's."""
    if not meetings.evaluation_is_of(rec, meeting_no):
        item["degerlendirme"] = None
    return item


def _numbered(item: dict, rec: Row, fields: dict[str, str]) -> dict:
    """Numbers as the documents write them without a field of their own for it: a row carried over from 2025 is
    "2025/5" (the workbook's notation for it, KURALLAR §7), a district's row in the province's report "Nizip/5"."""
    district = rec.district if isinstance(rec, DistrictRecord) else None
    year = origin_year(rec)
    for name, header in fields.items():
        value = rec[header]
        if value is not None and name in item:
            value = carried_reference(value, year)
            item[name] = f"{district}/{value}" if district else value
    return item


def _occurs(rec: Record, header: str) -> bool:
    """The cell holds something (a value or something unreadable)."""
    return rec[header] is not None or header in rec.bad


# --- building the documents ------------------------------------------------------------------------------


@dataclass
class _Context:
    data: WorkbookData
    mask: bool
    header: dict
    sources: dict[tuple, Source]
    base: str  # "gaziantep-2025", "gaziantep-nizip-2025"
    track: bool = True  # keep where each part comes from (see _Sources)

    def start(self, kind: str, ident: str) -> tuple[dict, _Sources]:
        doc = {"sema_surumu": SCHEMA_VERSION, "belge_turu": kind, "kimlik": ident, **self.header}
        return doc, _Sources(self.sources, self.track)


def _context(data: WorkbookData, mask: bool) -> _Context:
    header: dict = {}
    sources: dict[tuple, Source] = {}
    for f in SETTING_FIELDS:
        s = data.settings.get(f.header)
        if s is None:
            value = None
        elif s.value is None and s.bad:
            value = _raw_json(s.raw)
        elif s.value is None:
            value = None
        elif f.kind == "enum":
            value = closed_lists()[f.choices].get(s.value, s.value)
        else:
            value = s.value
        header[f.name] = value
        cells = {f.header: s.cell} if s is not None and s.cell else {}
        sources[(f.name,)] = Source(
            contract.SETTINGS_SHEET,
            f"'{f.header}' ayarı",
            cells,
            {f.header: s.raw if s is not None else None},
            {},
            f.header,
        )
    if header["kurul_turu"] != "ilce":
        header["ilce"] = None  # a province board has no district (a stray value in İlçe is not exported)
    parts = [slug(header["il"]) or "il"]
    if header["ilce"]:
        parts.append(slug(header["ilce"]) or "ilce")
    parts.append(str(header["yil"]) if isinstance(header["yil"], int) else "yil")
    return _Context(data, mask, header, sources, "-".join(parts))


def _held_meetings(data: WorkbookData) -> list[Record]:
    held = [r for r in data.records("Toplantılar") if _occurs(r, "Gerçekleşen Tarih")]
    far = dt.date.max
    return sorted(held, key=lambda r: (r["Gerçekleşen Tarih"] or far, key_order(r["Toplantı No"]), r.row))


def _meeting_document(ctx: _Context, rec: Record) -> _Built:
    data, no = ctx.data, rec["Toplantı No"]
    ident = f"{ctx.base}-toplanti-{slug(no) or f'satir-{rec.row}'}"
    doc, sources = ctx.start(MEETING, ident)
    sources.add((), _row_source, "Toplantılar", rec, _label(rec, "Toplantı No", "Toplantı"), MEETING_FIELDS)
    doc.update(_item(rec, MEETING_FIELDS))
    doc["telefon_maskeli"] = ctx.mask

    agenda = _ordered(data.grouped("Gündem", "Toplantı No").get(no, []) if no is not None else [], "Sıra")
    doc["konu_basliklari"] = [_value(r, AGENDA_FIELD, False) for r in agenda]
    for i, r in enumerate(agenda):
        sources.add(
            ("konu_basliklari", i),
            _row_source,
            "Gündem",
            r,
            f"Toplantı {no} gündem maddesi {r['Sıra']}",
            header=AGENDA_FIELD.header,
        )

    problems = _ordered(of_meeting(data, "Sorunlar", no, "Sorun No") if no is not None else [], "Sorun No")
    doc["tespit_edilen_sorunlar"] = []
    doc["cozum_onerileri"] = []
    for r in problems:
        label = _label(r, "Sorun No", "Sorun")
        sources.add(
            ("tespit_edilen_sorunlar", len(doc["tespit_edilen_sorunlar"])),
            _row_source,
            "Sorunlar",
            r,
            label,
            PROBLEM_FIELDS,
        )
        doc["tespit_edilen_sorunlar"].append(_item(r, PROBLEM_FIELDS))
        if _occurs(r, "Çözüm Önerisi"):
            sources.add(
                ("cozum_onerileri", len(doc["cozum_onerileri"])), _row_source, "Sorunlar", r, label, SOLUTION_FIELDS
            )
            doc["cozum_onerileri"].append(_item(r, SOLUTION_FIELDS))

    category = rules.category_of(rec["Kategori"])
    meeting = meetings.Meeting(rec, category, rec["Gerçekleşen Tarih"])
    evaluated = meetings.decisions_to_evaluate(data, meeting) if category is not None and no is not None else []
    doc["onceki_kararlarin_degerlendirmesi"] = [
        _own_evaluation(_numbered(_item(r, EVALUATION_FIELDS), r, EVALUATION_NUMBERS), r, no) for r in evaluated
    ]
    for i, r in enumerate(evaluated):
        sources.add(
            ("onceki_kararlarin_degerlendirmesi", i),
            _row_source,
            "Kararlar",
            r,
            _label(r, "Karar No", "Karar"),
            EVALUATION_FIELDS,
        )

    taken = meetings.decisions(data, meeting) if no is not None else []
    doc["kararlar"] = [_item(r, DECISION_FIELDS) for r in taken]
    for i, r in enumerate(taken):
        sources.add(("kararlar", i), _row_source, "Kararlar", r, _label(r, "Karar No", "Karar"), DECISION_FIELDS)

    people = meetings.participants(data, meeting) if no is not None else []
    doc["katilimcilar"] = [_item(r, PARTICIPANT_FIELDS, ctx.mask) for r in people]
    for i, r in enumerate(people):
        sources.add(
            ("katilimcilar", i),
            _row_source,
            "Katılımcılar",
            r,
            f"Toplantı {no} katılımcısı {r['Sıra']}",
            PARTICIPANT_FIELDS,
        )
    doc["katilimci_sayisi"] = len(people)
    return _Built(f"{ident}.json", MEETING, doc, sources, rec)


def _annual_row(data: WorkbookData, year: Any) -> Record | None:
    if not isinstance(year, int):
        return None
    return next((r for r in data.records(contract.ANNUAL_SHEET) if r["Yıl"] == year), None)


def _source_of(sheet: str, r: Row, label: str, specs: Iterable[F]) -> Source:
    """Where an annual report row comes from: a row of this workbook, or a province's merged district sheet."""
    if isinstance(r, DistrictRecord):
        merged = DISTRICT_PROBLEMS_SHEET if sheet == "Sorunlar" else DISTRICT_DECISIONS_SHEET
        return Source(merged, f"{r.district} {label}", {}, r.values, {}, None, tuple(specs))
    return _row_source(sheet, r, f"{label}", specs)


def _annual_document(ctx: _Context, year: int, row: Record) -> _Built:
    data = ctx.data
    doc, sources = ctx.start(ANNUAL_REPORT, f"{ctx.base}-yillik-rapor")
    y = YearRows(data, year)
    categories = board_types(data, y.meetings)
    kinds = closed_lists()["Kategori"]

    def numbered(item: dict, r: Row) -> dict:
        return _numbered(item, r, {"no": "Sorun No" if "sorun" in item else "Karar No", "toplanti_no": "Toplantı No"})

    doc["kurul_turleri"] = []
    doc["temel_sorunlar"] = []
    for category in categories:
        own = [p for p in y.problems if y.meeting(p).category is category]
        doc["kurul_turleri"].append(
            {"kategori": kinds[category.value], "toplanti_sayisi": y.count(category), "sorun_sayisi": len(own)}
        )
        for p in own:
            sources.add(
                ("temel_sorunlar", len(doc["temel_sorunlar"])),
                _source_of,
                "Sorunlar",
                p,
                _label(p, "Sorun No", "Sorun"),
                ANNUAL_PROBLEM_FIELDS,
            )
            doc["temel_sorunlar"].append(
                {"kategori": kinds[category.value], **numbered(_item(p, ANNUAL_PROBLEM_FIELDS), p)}
            )

    decisions = y.decisions
    statuses = Counter(d["Durum"] for d in decisions)
    doc["karar_ozeti"] = {
        "toplam": len(decisions),
        "durumu_yazilmamis": statuses[None],
        **{c: statuses[label] for label, c in closed_lists()["KararDurumu"].items()},
    }
    doc["kararlar"] = []
    for d in decisions:
        category = y.meeting(d).category
        sources.add(
            ("kararlar", len(doc["kararlar"])),
            _source_of,
            "Kararlar",
            d,
            _label(d, "Karar No", "Karar"),
            ANNUAL_DECISION_FIELDS,
        )
        doc["kararlar"].append(
            {"kategori": kinds[category.value] if category else None, **numbered(_item(d, ANNUAL_DECISION_FIELDS), d)}
        )

    # Item 4, as the Ek-3 sheet reads it: unresolved problems that had decisions, and decisions not implemented.
    doc["cozulemeyen_sorunlar"] = []
    for i, p in enumerate(y.unresolved):
        sources.add(
            ("cozulemeyen_sorunlar", i), _source_of, "Sorunlar", p, _label(p, "Sorun No", "Sorun"), UNRESOLVED_FIELDS
        )
        taken = y.decisions_on(p)
        for j, d in enumerate(taken):
            sources.add(
                ("cozulemeyen_sorunlar", i, "kararlar", j),
                _source_of,
                "Kararlar",
                d,
                _label(d, "Karar No", "Karar"),
                UNRESOLVED_DECISION_FIELDS,
            )
        doc["cozulemeyen_sorunlar"].append(
            {
                **_numbered(_item(p, UNRESOLVED_FIELDS), p, {"no": "Sorun No"}),
                "kararlar": [
                    _numbered(_item(d, UNRESOLVED_DECISION_FIELDS), d, {"karar_no": "Karar No"}) for d in taken
                ],
            }
        )
    not_done = [d for d in decisions if d["Durum"] == rules.DECISION_NOT_IMPLEMENTED]
    doc["uygulanamayan_kararlar"] = [numbered(_item(d, NOT_DONE_FIELDS), d) for d in not_done]
    for i, d in enumerate(not_done):
        sources.add(
            ("uygulanamayan_kararlar", i), _source_of, "Kararlar", d, _label(d, "Karar No", "Karar"), NOT_DONE_FIELDS
        )

    for f in ANNUAL_TEXT_FIELDS:
        doc[f.name] = _value(row, f, False)
        sources.add((f.name,), _row_source, contract.ANNUAL_SHEET, row, f"{year} yılı satırı", header=f.header)
    preparer = active_member(data, role=rules.ROLE_MEMBER, institution=MIGRATION_OFFICE)
    chair = active_member(data, role=rules.ROLE_CHAIR)
    doc["hazirlayan"] = {
        "kurum": MIGRATION_OFFICE,
        "ad_soyad": preparer["Ad Soyad"] if preparer else None,
        "unvan": preparer["Unvan"] if preparer else None,
    }
    doc["onaylayan"] = {
        "kurul": rules.MeetingCategory.PROVINCE_BOARD.value,
        "kurul_baskani": chair["Ad Soyad"] if chair else None,
        "unvan": chair["Unvan"] if chair else None,
    }
    for key, person, fields in (
        ("hazirlayan", preparer, {"ad_soyad": "Ad Soyad", "unvan": "Unvan"}),
        ("onaylayan", chair, {"kurul_baskani": "Ad Soyad", "unvan": "Unvan"}),
    ):
        if person is not None:
            sources.add(
                (key,),
                Source,
                "Üyeler",
                f"{person['Ad Soyad'] or 'üye'} ({person.row}. satır)",
                dict(person.cells),
                dict(person.raw),
                fields,
            )
    return _Built(f"{doc['kimlik']}.json", ANNUAL_REPORT, doc, sources)


def _table_document(
    ctx: _Context,
    kind: str,
    sheet: str,
    key_header: str,
    word: str,
    list_name: str,
    specs: tuple[F, ...],
    summary: Callable[[list[dict]], dict] | None = None,
) -> _Built:
    doc, sources = ctx.start(kind, f"{ctx.base}-{kind.replace('_', '-')}")
    rows = _ordered(ctx.data.records(sheet), key_header)
    doc[list_name] = [_numbered(_item(r, specs), r, {"no": key_header}) for r in rows]
    for i, r in enumerate(rows):
        sources.add((list_name, i), _row_source, sheet, r, _label(r, key_header, word), specs)
    if summary:
        doc.update(summary(doc[list_name]))
    return _Built(f"{doc['kimlik']}.json", kind, doc, sources)


def _action_summary(actions: list[dict]) -> dict:
    statuses = Counter(a["durum"] for a in actions)
    return {
        "izleme_ozeti": {
            "toplam": len(actions),
            "durumu_yazilmamis": statuses[None],
            **{c: statuses[c] for c in closed_lists()["EylemDurumu"].values()},
        }
    }


def _build(ctx: _Context) -> list[_Built]:
    data = ctx.data
    makers: list[Callable[[_Context], _Built]] = [partial(_meeting_document, rec=r) for r in _held_meetings(data)]
    row = _annual_row(data, ctx.header["yil"])
    if row is not None:
        makers.append(partial(_annual_document, year=ctx.header["yil"], row=row))
    makers += [
        partial(
            _table_document,
            kind=ACTION_PLAN,
            sheet="Eylem Planı",
            key_header="Eylem No",
            word="Eylem",
            list_name="eylemler",
            specs=ACTION_FIELDS,
            summary=_action_summary,
        ),
        partial(
            _table_document,
            kind=PROJECTS,
            sheet="Projeler",
            key_header="Proje No",
            word="Proje",
            list_name="projeler",
            specs=PROJECT_FIELDS,
        ),
        partial(
            _table_document,
            kind=DATA_SHARING,
            sheet="Veri Paylaşımı",
            key_header="Kayıt No",
            word="Kayıt",
            list_name="kayitlar",
            specs=SHARING_FIELDS,
        ),
    ]
    built = []
    for make in makers:
        b = make(ctx)
        b.rebuild = make
        built.append(b)
    return built


# --- export errors: back to the workbook --------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    message: str
    sheet: str | None = None
    cell: str | None = None
    reason: str = ""  # the same cell with the same reason, met in several documents, is reported once

    def text(self) -> str:
        return GocKurulError(self.message, self.sheet, self.cell).full_message()


class PlatformExportError(GocKurulError):
    """A document could not be made from the workbook; nothing was written. `problems` lists them all."""

    def __init__(self, problems: list[Problem], limit: int = 20):
        self.problems = problems
        first = problems[0]
        message = first.message
        if len(problems) > 1:
            rest = [f"- {p.text()}" for p in problems[1:limit]]
            more = len(problems) - limit
            message += (
                f"\nBaşka {len(problems) - 1} sorun daha:\n"
                + "\n".join(rest)
                + (f"\n- … ve {more} sorun daha." if more > 0 else "")
            )
        message += "\nPlatform dosyalarından hiçbiri yazılmadı."
        super().__init__(message, first.sheet, first.cell)


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == []


def _expected_in_workbook(err, src: Source | None, header: str | None) -> str:
    """The same in the workbook's words: Turkish labels, GG.AA.YYYY, Evet/Hayır, what the cell holds."""
    v, want, got = err.validator, err.validator_value, err.instance
    raw = src.raw.get(header) if src and header else None
    held = "" if parse.is_blank(raw) else f"; hücrede '{parse.preview(raw, 60)}' yazılı"
    if v == "required" or (v in ("type", "minLength", "minItems", "enum") and _blank(got)):
        return "boş olamaz" + held
    if v == "enum":
        text = shown_value(label_of(got) if isinstance(got, str) else got)
        options = [label_of(x) for x in want if x is not None]
        if len(options) > 12:
            return f"için {text} geçerli değil; izin verilen {len(options)} değerden biri olmalı"
        return f"için {text} geçerli değil; seçenekler: {', '.join(options)}"
    if v == "format" and want == "date":
        return "tarih olmalı (GG.AA.YYYY)" + held
    if v == "type":
        types = want if isinstance(want, list) else [want]
        if "boolean" in types:
            return "Evet ya da Hayır olmalı" + held
        if "integer" in types:
            return "tam sayı olmalı" + held
        if "string" in types:
            return "metin olmalı" + held
    if v == "pattern":
        return f"{PATTERN_HINTS.get(want, want)} olmalı" + held
    if v == "maxLength":
        return f"çok uzun: en çok {want} karakter olabilir ({len(got)} karakter yazılmış)"
    if v == "const":
        return f"{shown_value(want)} olmalı"
    return expected_text(err) + held


def _export_problems(built: _Built) -> list[Problem]:
    out = []
    for err in schema_errors(built.kind, built.doc):
        path = tuple(err.absolute_path)
        missing = required_name(err) if err.validator == "required" else None
        names = extra_names(err) if err.validator == "additionalProperties" else [None]
        for extra in names:
            src, header = built.locate(path, missing)
            named = missing or extra
            full = (*path, named) if named else path
            leaf = next((p for p in reversed(full) if isinstance(p, str)), None)
            if header:
                where = f"'{header}' ({leaf})" if leaf else f"'{header}'"
            else:
                where = f"'{json_path(full)}'"
            what = src.label if src else f"{KIND_NAMES[built.kind]} belgesi"
            message = (
                f"{what} platform belgesine ({built.name}) yazılamadı: {where} "
                f"{_expected_in_workbook(err, src, header)}."
            )
            cell = src.cells.get(header) if src and header else None
            if src and cell is None and not header:
                cell = next(iter(src.cells.values()), None)  # the row, at least
            out.append(
                Problem(message, src.sheet if src else None, cell, f"{where} {_expected_in_workbook(err, src, header)}")
            )
    return out


def _refuse_unreadable(data: WorkbookData) -> None:
    found = [f for f in data.findings if f.level == ERROR and f.sheet in SOURCE_SHEETS]
    if found:
        raise PlatformExportError(
            [
                Problem(
                    f"kitap okunurken sorun bulundu: {f.message} Önce bunu düzeltin ('gockurul kontrol').",
                    f.sheet,
                    f.cell,
                )
                for f in found
            ]
        )


def _check_names(built: list[_Built]) -> None:
    seen: dict[str, _Built] = {}
    problems = []
    for b in built:
        if b.name in seen:
            rec = b.record
            first = seen[b.name].record
            where = f" ({first.row}. satırdaki ile aynı)" if first is not None else ""
            problems.append(
                Problem(
                    f"Toplantı {rec['Toplantı No'] if rec else ''} platform belgesine yazılamadı: "
                    f"'{b.name}' dosya adını başka bir toplantı da alıyor{where}. Toplantı No "
                    "her toplantıda farklı olmalı.",
                    "Toplantılar",
                    rec.cell("Toplantı No") if rec else None,
                )
            )
        seen.setdefault(b.name, b)
    if problems:
        raise PlatformExportError(problems)


def build_export(data: WorkbookData, personal_data: bool) -> tuple[_Context, dict[str, dict]]:
    _refuse_unreadable(data)
    ctx = _context(data, mask=not personal_data)
    with without_gc():
        built = _build(replace(ctx, track=False))
    problems: dict[tuple, Problem] = {}
    for b in built:
        if document_validator(b.kind).is_valid(b.doc):
            continue
        for p in _export_problems(b.rebuild(ctx)):  # built again, knowing where each part comes from
            problems.setdefault((p.sheet, p.cell, p.reason), p)
    if problems:
        raise PlatformExportError(list(problems.values()))
    _check_names(built)
    return ctx, {b.name: b.doc for b in built}


def export_documents(data: WorkbookData, *, personal_data: bool = False) -> dict[str, dict]:
    """File name -> document, each valid against its schema, in a stable order: held meetings by date, the
    annual report (when the `Yıllık Rapor` sheet has a row for the workbook's year), the action plan, the
    projects, the statistics shared. Raises `PlatformExportError` (sheet, row, cell, Turkish) otherwise."""
    return build_export(data, personal_data)[1]
