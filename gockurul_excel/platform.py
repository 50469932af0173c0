"""Platform upload files: the documents the İl Göç İdaresi Müdürlüğü enters into the Presidency's digital
platform (M12(3), M12(5), M12(6), M13(3)), as JSON valid against the schemas shipped in `schemas/`.

One document per held meeting (Ek-1 content and Ek-2 participants), the annual report (Ek-3), the action
plan, the projects and the statistics shared; a `manifest.json` lists them with their SHA-256. Optional flat
CSV files for Excel. Pure where it can be: `export_documents` and `render_platform` take a `WorkbookData`
and return documents / file contents; only `write_platform` and `install_files` touch the disk.

Contracts:
- Deterministic: the same workbook gives byte-identical files (stable IDs from province, district, year
  and meeting number; stable order; no timestamps; `sort_keys`).
- Closed lists are ASCII snake-case codes (`il_gkk`, `devam_ediyor`, `is_gucu_piyasasi` …), the same
  codes as the `takvim --json` contract; `LABELS` maps them back to the Turkish labels.
- KVKK: participants' phone numbers are masked unless `personal_data=True`. The workbook is only read.
- Every document is validated before anything is written; a violation names the sheet, row and cell
  it came from, in Turkish. `read_document` / `read_folder` validate documents read back.
"""

from __future__ import annotations

import contextlib
import csv as csvlib
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__, contract, forms, parse, rules
from .annual_report import (
    ANNUAL_SHEET,
    COL_CONCLUSION,
    COL_SUPPORT,
    MIGRATION_OFFICE,
    _board_types,
    _person,
    _year_decisions,
    _year_meetings,
    key_order,
    unresolved_problems,
)
from .errors import EXIT_FATAL, EXIT_FINDINGS, GocKurulError
from .findings import ERROR
from .reader import Record, WorkbookData, without_gc
from .schedule import MEETING_KIND
from .schemacheck import SchemaCheck

SCHEMA_VERSION = "1.0"
MEETING, ANNUAL_REPORT, ACTION_PLAN, PROJECTS, DATA_SHARING = (
    "toplanti", "yillik_rapor", "eylem_plani", "projeler", "veri_paylasimi")
MANIFEST = "manifest"
DOCUMENT_KINDS = (MEETING, ANNUAL_REPORT, ACTION_PLAN, PROJECTS, DATA_SHARING)
SCHEMA_KINDS = (*DOCUMENT_KINDS, MANIFEST)
MANIFEST_FILE = "manifest.json"
KIND_NAMES = {MEETING: "toplantı", ANNUAL_REPORT: "yıllık değerlendirme raporu (Ek-3)",
              ACTION_PLAN: "Yerel Uyum Eylem Planı", PROJECTS: "projeler", DATA_SHARING: "veri paylaşımı",
              MANIFEST: "dosya listesi (manifest)"}
PRODUCER = f"gockurul-excel {__version__}"
TEMP_PREFIX = ".~gockurul-platform-"
SAFE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.(json|csv)$")

# CSV for Excel: UTF-8 with BOM (Excel then reads Turkish letters right) and ';' — the list separator of
# Turkish Windows, where ',' is the decimal comma; Excel opens such a file in columns on a double click.
CSV_DELIMITER = ";"
CSV_ENCODING = "utf-8-sig"
# A cell starting with one of these is a formula to Excel / LibreOffice (OWASP "CSV injection"); the
# full-width forms count too in East Asian Excel.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


# --- closed lists as codes -----------------------------------------------------------------------------

def code(label: str) -> str:
    """ASCII snake-case code of a Turkish label: 'İş Gücü Piyasası' -> 'is_gucu_piyasasi'."""
    return re.sub(r"[^a-z0-9]+", "_", parse.ascii_fold(label)).strip("_")


def slug(text: Any) -> str:
    """ID part: 'Şanlıurfa' -> 'sanliurfa', 'Toplantı 3/A' -> 'toplanti-3-a'."""
    return re.sub(r"[^a-z0-9]+", "-", parse.ascii_fold(str(text or ""))).strip("-")


CODED_LISTS = ("KurulTuru", "Kategori", "ToplantiTuru", "Alan", "SorunDurumu", "KararDurumu", "EylemDurumu",
               "Kapsam", "Gorus")


@cache
def closed_lists() -> dict[str, dict[str, str]]:
    """Closed list name (contract.lists()) -> {Turkish label: code}. Meeting categories use the codes of the
    `takvim --json` contract (`alt_komisyon`, `il_gkk`, `ilce_gkk`)."""
    out = {name: {label: code(label) for label in contract.lists()[name]} for name in CODED_LISTS}
    out["Kategori"] = {c.value: MEETING_KIND[c] for c in rules.MeetingCategory}
    return out


@cache
def labels() -> dict[str, dict[str, str]]:
    """Closed list name -> {code: Turkish label}."""
    return {name: {c: label for label, c in codes.items()} for name, codes in closed_lists().items()}


def label_of(code_value: Any) -> str:
    """The Turkish label of a code of any closed list (codes mean the same in every list)."""
    for table in labels().values():
        if code_value in table:
            return table[code_value]
    return str(code_value)


# --- phone masking (KVKK) --------------------------------------------------------------------------

_TR_NUMBER = re.compile(r"^0[0-9]{10}$")
_SEPARATORS = re.compile(r"[\s().-]")


@lru_cache(maxsize=65536)  # a member's number comes back in every meeting they attend
def mask_phone(text: str | None) -> str | None:
    """'0532 123 45 67' -> '0532 *** ** 67': a Turkish number (0 and ten digits) keeps its first four and last
    two digits; any other text keeps only its last two digits. Separators and grouping stay."""
    if text is None:
        return None
    positions = [i for i, ch in enumerate(text) if ch.isdigit()]
    head = 4 if _TR_NUMBER.match(_SEPARATORS.sub("", text)) else 0
    keep = set(positions[:head]) | set(positions[-2:])
    hidden = set(positions) - keep
    return "".join("*" if i in hidden else ch for i, ch in enumerate(text))


# --- what each document field is made of --------------------------------------------------------------

@dataclass(frozen=True)
class F:
    """A document field and the workbook column it comes from."""

    name: str
    header: str
    kind: str = "text"  # text, key, int, date, time, list, enum, bool, phone
    choices: str | None = None  # closed list (enum)


MEETING_FIELDS = (F("toplanti_no", "Toplantı No", "key"), F("kategori", "Kategori", "enum", "Kategori"),
                  F("tur", "Tür", "enum", "ToplantiTuru"), F("tarih", "Gerçekleşen Tarih", "date"),
                  F("saat", "Saat", "time"), F("yer", "Yer"))
AGENDA_FIELD = F("konu", "Konu Başlığı")
PROBLEM_FIELDS = (F("no", "Sorun No", "key"), F("alan", "Alan", "enum", "Alan"), F("sorun", "Tespit Edilen Sorun"),
                  F("durum", "Durum", "enum", "SorunDurumu"))
SOLUTION_FIELDS = (F("sorun_no", "Sorun No", "key"), F("oneri", "Çözüm Önerisi"))
DECISION_FIELDS = (F("no", "Karar No", "key"), F("karar", "Alınan Karar"), F("gerekce", "Karar Gerekçesi"),
                   F("amac", "Amaç"), F("sorumlu_kurumlar", "Sorumlu Kurum ve Kuruluşlar", "list"),
                   F("verilen_sure", "Verilen Süre", "date"), F("durum", "Durum", "enum", "KararDurumu"),
                   F("uygulanamama_sebebi", "Uygulanamama Sebebi"), F("degerlendirme", "Değerlendirme"),
                   F("degerlendiren_toplanti_no", "Değerlendiren Toplantı No", "key"), F("sorun_no", "Sorun No", "key"))
EVALUATION_FIELDS = (F("karar_no", "Karar No", "key"), F("toplanti_no", "Toplantı No", "key"),
                     F("karar", "Alınan Karar"), F("durum", "Durum", "enum", "KararDurumu"),
                     F("degerlendirme", "Değerlendirme"), F("uygulanamama_sebebi", "Uygulanamama Sebebi"))
PARTICIPANT_FIELDS = (F("sira", "Sıra", "int"), F("kurum", "Kurum İsmi"), F("unvan", "Unvan"),
                      F("ad_soyad", "Ad-Soyad"), F("telefon", "Telefon Numarası", "phone"),
                      F("vekil", "Vekil", "bool"))
ANNUAL_PROBLEM_FIELDS = (F("toplanti_no", "Toplantı No", "key"), F("no", "Sorun No", "key"),
                         F("alan", "Alan", "enum", "Alan"), F("sorun", "Tespit Edilen Sorun"),
                         F("cozum_onerisi", "Çözüm Önerisi"), F("durum", "Durum", "enum", "SorunDurumu"))
ANNUAL_DECISION_FIELDS = (F("no", "Karar No", "key"), F("toplanti_no", "Toplantı No", "key"),
                          F("karar", "Alınan Karar"), F("durum", "Durum", "enum", "KararDurumu"),
                          F("degerlendirme", "Değerlendirme"), F("uygulanamama_sebebi", "Uygulanamama Sebebi"))
UNRESOLVED_FIELDS = (F("no", "Sorun No", "key"), F("alan", "Alan", "enum", "Alan"),
                     F("sorun", "Tespit Edilen Sorun"), F("durum", "Durum", "enum", "SorunDurumu"))
UNRESOLVED_DECISION_FIELDS = (F("karar_no", "Karar No", "key"), F("durum", "Durum", "enum", "KararDurumu"))
NOT_DONE_FIELDS = (F("no", "Karar No", "key"), F("toplanti_no", "Toplantı No", "key"), F("karar", "Alınan Karar"),
                   F("uygulanamama_sebebi", "Uygulanamama Sebebi"))
ANNUAL_TEXT_FIELDS = (F("beklenen_destekler", COL_SUPPORT), F("sonuc_degerlendirme_ve_oneriler", COL_CONCLUSION))
ACTION_FIELDS = (F("no", "Eylem No", "key"), F("alan", "Alan", "enum", "Alan"), F("eylem", "Eylem"),
                 F("sorumlu_kurum", "Sorumlu Kurum"),
                 F("is_birligi_kurumlari", "İş Birliği Yapılacak Kurumlar", "list"),
                 F("baslangic", "Başlangıç", "date"), F("bitis", "Bitiş", "date"), F("gosterge", "Gösterge"),
                 F("hedef", "Hedef"), F("gerceklesen", "Gerçekleşen"), F("durum", "Durum", "enum", "EylemDurumu"),
                 F("son_izleme_tarihi", "Son İzleme Tarihi", "date"))
PROJECT_FIELDS = (F("no", "Proje No", "key"), F("ad", "Proje Adı"), F("yurutucu_kurum", "Yürütücü Kurum"),
                  F("kapsam", "Kapsam", "enum", "Kapsam"), F("gorus_talep_tarihi", "Görüş Talep Tarihi", "date"),
                  F("baskanlik_gorusu", "Başkanlık Görüşü", "enum", "Gorus"),
                  F("gorus_tarihi", "Görüş Tarihi", "date"), F("baslangic", "Başlangıç", "date"),
                  F("bitis", "Bitiş", "date"), F("ara_rapor_sikligi_ay", "Ara Rapor Sıklığı (Ay)", "int"),
                  F("son_ara_rapor_tarihi", "Son Ara Rapor Tarihi", "date"),
                  F("nihai_rapor_tarihi", "Nihai Rapor Tarihi", "date"))
SHARING_FIELDS = (F("no", "Kayıt No", "key"), F("veri_adi", "Veri Adı"), F("ureten_kurum", "Üreten Kurum"),
                  F("donem", "Dönem"), F("baskanlikla_paylasim_tarihi", "Başkanlıkla Paylaşım Tarihi", "date"),
                  F("koordinasyon_tarihi", "Koordinasyon Tarihi", "date"), F("yayin_tarihi", "Yayın Tarihi", "date"))
# The header of every document, from the Ayarlar sheet.
SETTING_FIELDS = (F("kurul_turu", contract.S_KIND, "enum", "KurulTuru"), F("il", contract.S_PROVINCE),
                  F("ilce", contract.S_DISTRICT), F("yil", contract.S_YEAR, "int"))
# Sheets the documents are made of: a reading problem in one of them stops the export.
SOURCE_SHEETS = (contract.SETTINGS_SHEET, "Üyeler", "Toplantılar", "Gündem", "Sorunlar", "Kararlar", "Katılımcılar",
                 "Eylem Planı", "Projeler", "Veri Paylaşımı", ANNUAL_SHEET)


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


def _label(rec: Record, header: str, word: str) -> str:
    value = rec[header]
    return f"{word} {value}" if value is not None else f"{rec.row}. satırdaki {word.lower()}"


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
    values = rec.values
    out = {}
    for f in specs:
        v = values.get(f.header)
        out[f.name] = v if v is not None and f.kind in _AS_IS else _value(rec, f, mask)
    return out


def _ordered(records: Iterable[Record], header: str) -> list[Record]:
    return sorted(records, key=lambda r: (r[header] is None, key_order(r[header]), r.row))


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
        sources[(f.name,)] = Source(contract.SETTINGS_SHEET, f"'{f.header}' ayarı", cells,
                                    {f.header: s.raw if s is not None else None}, {}, f.header)
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
        sources.add(("konu_basliklari", i), _row_source, "Gündem", r,
                    f"Toplantı {no} gündem maddesi {r['Sıra']}", header=AGENDA_FIELD.header)

    problems = _ordered(data.grouped("Sorunlar", "Toplantı No").get(no, []) if no is not None else [], "Sorun No")
    doc["tespit_edilen_sorunlar"] = []
    doc["cozum_onerileri"] = []
    for r in problems:
        label = _label(r, "Sorun No", "Sorun")
        sources.add(("tespit_edilen_sorunlar", len(doc["tespit_edilen_sorunlar"])), _row_source,
                    "Sorunlar", r, label, PROBLEM_FIELDS)
        doc["tespit_edilen_sorunlar"].append(_item(r, PROBLEM_FIELDS))
        if _occurs(r, "Çözüm Önerisi"):
            sources.add(("cozum_onerileri", len(doc["cozum_onerileri"])), _row_source, "Sorunlar", r, label,
                        SOLUTION_FIELDS)
            doc["cozum_onerileri"].append(_item(r, SOLUTION_FIELDS))

    category = next((c for c in rules.MeetingCategory if c.value == rec["Kategori"]), None)
    meeting = forms.Meeting(rec, category, rec["Gerçekleşen Tarih"])
    evaluated = forms.decisions_to_evaluate(data, meeting) if category is not None and no is not None else []
    doc["onceki_kararlarin_degerlendirmesi"] = [_item(r, EVALUATION_FIELDS) for r in evaluated]
    for i, r in enumerate(evaluated):
        sources.add(("onceki_kararlarin_degerlendirmesi", i), _row_source, "Kararlar", r,
                    _label(r, "Karar No", "Karar"), EVALUATION_FIELDS)

    taken = forms.decisions(data, meeting) if no is not None else []
    doc["kararlar"] = [_item(r, DECISION_FIELDS) for r in taken]
    for i, r in enumerate(taken):
        sources.add(("kararlar", i), _row_source, "Kararlar", r, _label(r, "Karar No", "Karar"), DECISION_FIELDS)

    people = forms.participants(data, meeting) if no is not None else []
    doc["katilimcilar"] = [_item(r, PARTICIPANT_FIELDS, ctx.mask) for r in people]
    for i, r in enumerate(people):
        sources.add(("katilimcilar", i), _row_source, "Katılımcılar", r, f"Toplantı {no} katılımcısı {r['Sıra']}",
                    PARTICIPANT_FIELDS)
    doc["katilimci_sayisi"] = len(people)
    return _Built(f"{ident}.json", MEETING, doc, sources, rec)


def _annual_row(data: WorkbookData, year: Any) -> Record | None:
    if not isinstance(year, int):
        return None
    return next((r for r in data.records(ANNUAL_SHEET) if r["Yıl"] == year), None)


def _annual_document(ctx: _Context, year: int, row: Record) -> _Built:
    data = ctx.data
    doc, sources = ctx.start(ANNUAL_REPORT, f"{ctx.base}-yillik-rapor")
    meetings = _year_meetings(data, year)
    categories = _board_types(data, meetings)
    kinds = closed_lists()["Kategori"]

    problems = [p for p in data.records("Sorunlar") if p["Toplantı No"] in meetings]
    doc["kurul_turleri"] = []
    doc["temel_sorunlar"] = []
    for category in categories:
        own = [p for p in problems if meetings[p["Toplantı No"]].category is category]
        own.sort(key=lambda p: (meetings[p["Toplantı No"]].day, key_order(p["Toplantı No"]), key_order(p["Sorun No"])))
        doc["kurul_turleri"].append({"kategori": kinds[category.value],
                                     "toplanti_sayisi": sum(m.category is category for m in meetings.values()),
                                     "sorun_sayisi": len(own)})
        for p in own:
            sources.add(("temel_sorunlar", len(doc["temel_sorunlar"])), _row_source,
                        "Sorunlar", p, _label(p, "Sorun No", "Sorun"), ANNUAL_PROBLEM_FIELDS)
            doc["temel_sorunlar"].append({"kategori": kinds[category.value], **_item(p, ANNUAL_PROBLEM_FIELDS)})

    decisions = _year_decisions(data, meetings)
    statuses = Counter(d["Durum"] for d in decisions)
    doc["karar_ozeti"] = {"toplam": len(decisions), "durumu_yazilmamis": statuses[None],
                          **{c: statuses[label] for label, c in closed_lists()["KararDurumu"].items()}}
    doc["kararlar"] = []
    for d in decisions:
        category = meetings[d["Toplantı No"]].category
        sources.add(("kararlar", len(doc["kararlar"])), _row_source, "Kararlar", d, _label(d, "Karar No", "Karar"),
                    ANNUAL_DECISION_FIELDS)
        doc["kararlar"].append({"kategori": kinds[category.value] if category else None,
                                **_item(d, ANNUAL_DECISION_FIELDS)})

    # Item 4, as the Ek-3 sheet reads it: unresolved problems that had decisions, and decisions not implemented.
    unresolved, by_problem = unresolved_problems(data, meetings, decisions)
    doc["cozulemeyen_sorunlar"] = []
    for i, p in enumerate(unresolved):
        sources.add(("cozulemeyen_sorunlar", i), _row_source, "Sorunlar", p, _label(p, "Sorun No", "Sorun"),
                    UNRESOLVED_FIELDS)
        taken = by_problem[p["Sorun No"]]
        for j, d in enumerate(taken):
            sources.add(("cozulemeyen_sorunlar", i, "kararlar", j), _row_source,
                        "Kararlar", d, _label(d, "Karar No", "Karar"), UNRESOLVED_DECISION_FIELDS)
        doc["cozulemeyen_sorunlar"].append({**_item(p, UNRESOLVED_FIELDS),
                                            "kararlar": [_item(d, UNRESOLVED_DECISION_FIELDS) for d in taken]})
    not_done = [d for d in decisions if d["Durum"] == rules.DECISION_NOT_IMPLEMENTED]
    doc["uygulanamayan_kararlar"] = [_item(d, NOT_DONE_FIELDS) for d in not_done]
    for i, d in enumerate(not_done):
        sources.add(("uygulanamayan_kararlar", i), _row_source, "Kararlar", d, _label(d, "Karar No", "Karar"),
                    NOT_DONE_FIELDS)

    for f in ANNUAL_TEXT_FIELDS:
        doc[f.name] = _value(row, f, False)
        sources.add((f.name,), _row_source, ANNUAL_SHEET, row, f"{year} yılı satırı", header=f.header)
    preparer = _person(data, role=rules.ROLE_MEMBER, institution=MIGRATION_OFFICE)
    chair = _person(data, role=rules.ROLE_CHAIR)
    doc["hazirlayan"] = {"kurum": MIGRATION_OFFICE, "ad_soyad": preparer["Ad Soyad"] if preparer else None,
                         "unvan": preparer["Unvan"] if preparer else None}
    doc["onaylayan"] = {"kurul": rules.MeetingCategory.PROVINCE_BOARD.value,
                        "kurul_baskani": chair["Ad Soyad"] if chair else None,
                        "unvan": chair["Unvan"] if chair else None}
    for key, person, fields in (("hazirlayan", preparer, {"ad_soyad": "Ad Soyad", "unvan": "Unvan"}),
                                ("onaylayan", chair, {"kurul_baskani": "Ad Soyad", "unvan": "Unvan"})):
        if person is not None:
            sources.add((key,), Source, "Üyeler", f"{person['Ad Soyad'] or 'üye'} ({person.row}. satır)",
                        dict(person.cells), dict(person.raw), fields)
    return _Built(f"{doc['kimlik']}.json", ANNUAL_REPORT, doc, sources)


def _table_document(ctx: _Context, kind: str, sheet: str, key_header: str, word: str, list_name: str,
                    specs: tuple[F, ...], summary: Callable[[list[dict]], dict] | None = None) -> _Built:
    doc, sources = ctx.start(kind, f"{ctx.base}-{kind.replace('_', '-')}")
    rows = _ordered(ctx.data.records(sheet), key_header)
    doc[list_name] = [_item(r, specs) for r in rows]
    for i, r in enumerate(rows):
        sources.add((list_name, i), _row_source, sheet, r, _label(r, key_header, word), specs)
    if summary:
        doc.update(summary(doc[list_name]))
    return _Built(f"{doc['kimlik']}.json", kind, doc, sources)


def _action_summary(actions: list[dict]) -> dict:
    statuses = Counter(a["durum"] for a in actions)
    return {"izleme_ozeti": {"toplam": len(actions), "durumu_yazilmamis": statuses[None],
                             **{c: statuses[c] for c in closed_lists()["EylemDurumu"].values()}}}


def _build(ctx: _Context) -> list[_Built]:
    data = ctx.data
    makers: list[Callable[[_Context], _Built]] = [partial(_meeting_document, rec=r) for r in _held_meetings(data)]
    row = _annual_row(data, ctx.header["yil"])
    if row is not None:
        makers.append(partial(_annual_document, year=ctx.header["yil"], row=row))
    makers += [partial(_table_document, kind=ACTION_PLAN, sheet="Eylem Planı", key_header="Eylem No", word="Eylem",
                       list_name="eylemler", specs=ACTION_FIELDS, summary=_action_summary),
               partial(_table_document, kind=PROJECTS, sheet="Projeler", key_header="Proje No", word="Proje",
                       list_name="projeler", specs=PROJECT_FIELDS),
               partial(_table_document, kind=DATA_SHARING, sheet="Veri Paylaşımı", key_header="Kayıt No",
                       word="Kayıt", list_name="kayitlar", specs=SHARING_FIELDS)]
    built = []
    for make in makers:
        b = make(ctx)
        b.rebuild = make
        built.append(b)
    return built


# --- schemas and validation --------------------------------------------------------------------------------

@cache
def load_schema(kind: str) -> dict:
    """The shipped JSON Schema of a document kind (`toplanti`, …, `manifest`)."""
    if kind not in SCHEMA_KINDS:
        raise GocKurulError(f"'{kind}' bilinen bir platform belgesi türü değil (türler: {', '.join(SCHEMA_KINDS)}).")
    text = (resources.files(__package__) / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _validator(kind: str) -> SchemaCheck:
    return SchemaCheck(load_schema(kind))


def _path_key(err) -> tuple:
    return (tuple((0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in err.absolute_path),
            str(err.validator), err.message)


def _errors(kind: str, doc: Any) -> list:
    return sorted(_validator(kind).errors(doc), key=_path_key)


def json_path(parts: Iterable) -> str:
    """('kararlar', 2, 'verilen_sure') -> 'kararlar[2].verilen_sure' (indexes from 0)."""
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(belgenin kendisi)"


TYPE_WORDS = {"string": "metin", "integer": "tam sayı", "number": "sayı", "boolean": "true/false",
              "array": "liste", "object": "nesne", "null": "null"}
PATTERN_HINTS = {
    "^([01][0-9]|2[0-3]):[0-5][0-9]$": "SS:DD biçiminde saat, ör. 10:00",
    "^[a-z0-9]+(-[a-z0-9]+)*$": "küçük harf, rakam ve tire, ör. gaziantep-2025-toplanti-3",
    "^[0-9a-f]{64}$": "64 küçük onaltılık karakterlik SHA-256 özeti",
    "^[a-z0-9]+(-[a-z0-9]+)*\\.json$": "klasörsüz bir .json dosya adı",
    "^[a-z0-9]+(-[a-z0-9]+)*\\.csv$": "klasörsüz bir .csv dosya adı",
}


def _shown(value: Any, limit: int = 60) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return "'" + (value if len(value) <= limit else value[: limit - 1] + "…") + "'"
    return TYPE_WORDS.get(_json_type(value), "değer")


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _required_name(err) -> str:
    m = re.match(r"^'(.*)' is a required property$", err.message)
    return m.group(1) if m else "?"


def _extra_names(err) -> list[str]:
    allowed = set((err.schema or {}).get("properties", {}))
    return sorted(k for k in (err.instance or {}) if k not in allowed)


def _expected(err) -> str:
    """What the schema wanted at the error's place, in Turkish (the document's own vocabulary)."""
    v, want, got = err.validator, err.validator_value, err.instance
    found = f"; bulunan: {_shown(got)}"
    if v == "required":
        return "zorunlu alan eksik"
    if v == "additionalProperties":
        return "şemada olmayan alan; bu alan yazılmamalı"
    if v == "type":
        types = want if isinstance(want, list) else [want]
        words = [TYPE_WORDS.get(t, t) for t in types]
        if isinstance(err.schema, dict) and err.schema.get("format") == "date":
            words = ["YYYY-AA-GG biçiminde tarih" if t == "string" else w for t, w in zip(types, words, strict=True)]
        return " ya da ".join(words) + f" olmalı{found}"
    if v == "enum":
        if len(want) > 12:
            return f"izin verilen {len(want)} değerden biri olmalı (şemadaki listeye bakın){found}"
        allowed = ", ".join(_shown(x) for x in want)
        return f"şu değerlerden biri olmalı: {allowed}{found}"
    if v == "const":
        return f"{_shown(want)} olmalı{found}"
    if v == "format":
        if want == "date":
            return f"YYYY-AA-GG biçiminde geçerli bir tarih olmalı (ör. 2025-03-31){found}"
        return f"{want} biçiminde olmalı{found}"
    if v == "pattern":
        return f"biçimi uygun değil (beklenen: {PATTERN_HINTS.get(want, want)}){found}"
    if v == "minLength":
        return "boş olamaz" if want == 1 else f"en az {want} karakter olmalı{found}"
    if v == "maxLength":
        return f"en çok {want} karakter olabilir ({len(got)} karakter)"
    if v == "minItems":
        return "boş liste olamaz" if want == 1 else f"en az {want} öğe içermeli"
    if v == "maxItems":
        return f"en çok {want} öğe içerebilir"
    if v == "minimum":
        return f"en az {want} olmalı{found}"
    if v == "maximum":
        return f"en çok {want} olmalı{found}"
    if v == "uniqueItems":
        return "öğeler birbirini tekrar etmemeli"
    return f"şemaya uymuyor ({err.message})"


def document_problems(doc: Any, kind: str | None = None) -> list[str]:
    """Every schema violation of a document as 'json.path: what was expected' (Turkish); [] when valid."""
    if kind is None:
        kind = _detect(doc)
    problems = []
    for err in _errors(kind, doc):
        path = tuple(err.absolute_path)
        if err.validator == "required":
            problems.append(f"{json_path((*path, _required_name(err)))}: {_expected(err)}")
        elif err.validator == "additionalProperties":
            problems += [f"{json_path((*path, name))}: {_expected(err)}" for name in _extra_names(err)]
        else:
            problems.append(f"{json_path(path)}: {_expected(err)}")
    return problems


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
            message += f"\nBaşka {len(problems) - 1} sorun daha:\n" + "\n".join(rest) + (
                f"\n- … ve {more} sorun daha." if more > 0 else "")
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
        shown = _shown(label_of(got) if isinstance(got, str) else got)
        options = [label_of(x) for x in want if x is not None]
        if len(options) > 12:
            return f"için {shown} geçerli değil; izin verilen {len(options)} değerden biri olmalı"
        return f"için {shown} geçerli değil; seçenekler: {', '.join(options)}"
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
        return f"{_shown(want)} olmalı"
    return _expected(err) + held


def _export_problems(built: _Built) -> list[Problem]:
    out = []
    for err in _errors(built.kind, built.doc):
        path = tuple(err.absolute_path)
        missing = _required_name(err) if err.validator == "required" else None
        names = _extra_names(err) if err.validator == "additionalProperties" else [None]
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
            message = (f"{what} platform belgesine ({built.name}) yazılamadı: {where} "
                       f"{_expected_in_workbook(err, src, header)}.")
            cell = src.cells.get(header) if src and header else None
            if src and cell is None and not header:
                cell = next(iter(src.cells.values()), None)  # the row, at least
            out.append(Problem(message, src.sheet if src else None, cell,
                               f"{where} {_expected_in_workbook(err, src, header)}"))
    return out


def _refuse_unreadable(data: WorkbookData) -> None:
    found = [f for f in data.findings if f.level == ERROR and f.sheet in SOURCE_SHEETS]
    if found:
        raise PlatformExportError([Problem(f"kitap okunurken sorun bulundu: {f.message} Önce bunu düzeltin "
                                           "('gockurul kontrol').", f.sheet, f.cell) for f in found])


def _check_names(built: list[_Built]) -> None:
    seen: dict[str, _Built] = {}
    problems = []
    for b in built:
        if b.name in seen:
            rec = b.record
            first = seen[b.name].record
            where = f" ({first.row}. satırdaki ile aynı)" if first is not None else ""
            problems.append(Problem(f"Toplantı {rec['Toplantı No'] if rec else ''} platform belgesine yazılamadı: "
                                    f"'{b.name}' dosya adını başka bir toplantı da alıyor{where}. Toplantı No "
                                    "her toplantıda farklı olmalı.", "Toplantılar",
                                    rec.cell("Toplantı No") if rec else None))
        seen.setdefault(b.name, b)
    if problems:
        raise PlatformExportError(problems)


def _export(data: WorkbookData, personal_data: bool) -> tuple[_Context, dict[str, dict]]:
    _refuse_unreadable(data)
    ctx = _context(data, mask=not personal_data)
    with without_gc():
        built = _build(replace(ctx, track=False))
    problems: dict[tuple, Problem] = {}
    for b in built:
        if _validator(b.kind).is_valid(b.doc):
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
    return _export(data, personal_data)[1]


# --- files: JSON, CSV, manifest ---------------------------------------------------------------------------

def dumps(doc: dict) -> bytes:
    """The canonical bytes of a document: UTF-8, two-space indent, sorted keys, final newline.

    For what documents hold (strings, integers, booleans, null, lists, objects) orjson writes exactly the bytes
    of `json.dumps(ensure_ascii=False, indent=2, sort_keys=True)`, 15× faster (the standard library falls back
    to its pure-Python encoder when indenting). Floats, which the two spell differently (1e-07 / 1e-7, NaN /
    null), cannot occur: every document is validated before it is written and no shipped schema admits a
    number that is not an integer (tests/test_fast_paths.py). An integer beyond 64 bits, or a platform without
    orjson, goes through the standard library."""
    try:
        import orjson

        return orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)
    except (ImportError, TypeError):  # TypeError: orjson.JSONEncodeError
        return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def neutralise(text: str) -> str:
    """A cell text that Excel would take for a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Evet" if value else "Hayır"
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str):
        return neutralise(value)
    return value


def _meeting_rows(docs: list[dict], part: str) -> list[dict]:
    rows = []
    for d in docs:
        no = d["toplanti_no"]
        if part == "toplantilar":
            rows.append({k: d[k] for k in ("kimlik", "toplanti_no", "kategori", "tur", "tarih", "saat", "yer",
                                           "katilimci_sayisi")})
        elif part == "konu-basliklari":
            rows += [{"toplanti_no": no, "sira": i, "konu": t} for i, t in enumerate(d["konu_basliklari"], start=1)]
        elif part == "sorunlar":
            solutions = {s["sorun_no"]: s["oneri"] for s in d["cozum_onerileri"]}
            rows += [{"toplanti_no": no, **p, "cozum_onerisi": solutions.get(p["no"])}
                     for p in d["tespit_edilen_sorunlar"]]
        else:  # kararlar, katilimcilar
            rows += [{"toplanti_no": no, **item} for item in d[part]]
    return rows


# (file part, document kind, list in the document or None for meeting rows, columns)
CSV_TABLES = (
    ("toplantilar", MEETING, None, ("kimlik", "toplanti_no", "kategori", "tur", "tarih", "saat", "yer",
                                    "katilimci_sayisi")),
    ("konu-basliklari", MEETING, None, ("toplanti_no", "sira", "konu")),
    ("sorunlar", MEETING, None, ("toplanti_no", "no", "alan", "sorun", "durum", "cozum_onerisi")),
    ("kararlar", MEETING, None, ("toplanti_no", *(f.name for f in DECISION_FIELDS))),
    ("katilimcilar", MEETING, None, ("toplanti_no", *(f.name for f in PARTICIPANT_FIELDS))),
    ("eylem-plani", ACTION_PLAN, "eylemler", tuple(f.name for f in ACTION_FIELDS)),
    ("projeler", PROJECTS, "projeler", tuple(f.name for f in PROJECT_FIELDS)),
    ("veri-paylasimi", DATA_SHARING, "kayitlar", tuple(f.name for f in SHARING_FIELDS)),
)


def csv_bytes(columns: Iterable[str], rows: Iterable[dict]) -> bytes:
    """A CSV file for Excel: UTF-8 with BOM, ';', CRLF, formula-like cells neutralised."""
    buf = io.StringIO()
    writer = csvlib.writer(buf, delimiter=CSV_DELIMITER, lineterminator="\r\n", quoting=csvlib.QUOTE_MINIMAL)
    columns = list(columns)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(c)) for c in columns])
    return buf.getvalue().encode(CSV_ENCODING)


def _csv_files(base: str, documents: dict[str, dict]) -> dict[str, tuple[bytes, int]]:
    by_kind: dict[str, list[dict]] = {}
    for doc in documents.values():
        by_kind.setdefault(doc["belge_turu"], []).append(doc)
    out = {}
    for part, kind, list_name, columns in CSV_TABLES:
        docs = by_kind.get(kind, [])
        rows = _meeting_rows(docs, part) if list_name is None else [r for d in docs for r in d[list_name]]
        out[f"{base}-{part}.csv"] = (csv_bytes(columns, rows), len(rows))
    return out


def _counts(doc: dict) -> dict[str, int]:
    return {k: len(v) for k, v in sorted(doc.items()) if isinstance(v, list)}


def _sha(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


@dataclass
class PlatformFiles:
    files: dict[str, bytes]  # file name -> content, manifest.json last
    documents: dict[str, dict]
    manifest: dict


def render_platform(data: WorkbookData, *, personal_data: bool = False, csv: bool = False) -> PlatformFiles:
    """Every file of an export (documents, optional CSV, manifest), validated; nothing is written."""
    ctx, documents = _export(data, personal_data)
    files = {name: dumps(doc) for name, doc in documents.items()}
    base = ctx.base
    csv_entries = []
    if csv:
        for name, (payload, n) in _csv_files(base, documents).items():
            files[name] = payload
            csv_entries.append({"dosya": name, "sha256": _sha(payload), "bayt": len(payload), "satir_sayisi": n})
    manifest = {
        "sema_surumu": SCHEMA_VERSION, "belge_turu": MANIFEST, "kimlik": base, **ctx.header, "uretici": PRODUCER,
        "telefon_maskeli": not personal_data,
        "belgeler": [{"dosya": name, "belge_turu": doc["belge_turu"], "sema": load_schema(doc["belge_turu"])["$id"],
                      "sha256": _sha(files[name]), "bayt": len(files[name]),
                      "toplanti_no": doc.get("toplanti_no") if doc["belge_turu"] == MEETING else None,
                      "kayit_sayilari": _counts(doc)} for name, doc in documents.items()],
        "csv_dosyalari": csv_entries,
    }
    problems = document_problems(manifest, MANIFEST)
    if problems:  # a bug, not the user's data
        raise GocKurulError("manifest.json şemaya uymuyor: " + "; ".join(problems))
    files[MANIFEST_FILE] = dumps(manifest)
    return PlatformFiles(files, documents, manifest)


# --- writing: all or nothing ---------------------------------------------------------------------------

def _write_file(path: Path, payload: bytes, *, fsync: bool = True) -> None:
    with open(path, "wb") as f:
        f.write(payload)
        if fsync:
            f.flush()
            os.fsync(f.fileno())


def _write_files(folder: Path, files: dict[str, bytes]) -> None:
    """Every file written and on disk before the set is moved into place. On Linux one sync() for all of them
    (it returns when the data is written; 645 fsyncs took 0.29 s, one sync 0.05 s); elsewhere each file is
    fsynced, several at a time (fsync waits for the disk without holding the GIL)."""
    if sys.platform.startswith("linux"):
        for name, payload in files.items():
            _write_file(folder / name, payload, fsync=False)
        os.sync()
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8) as pool:
        for done in [pool.submit(_write_file, folder / name, payload) for name, payload in files.items()]:
            done.result()  # the first OSError, raised here


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _previous_set(out_dir: Path) -> list[str]:
    """The files of the export already in `out_dir` (from its manifest.json); [] when there is none."""
    try:
        old = json.loads((out_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
        entries = [*old.get("belgeler", []), *old.get("csv_dosyalari", [])]
        names = [e.get("dosya") for e in entries if isinstance(e, dict)]
    except (OSError, ValueError, AttributeError):
        return []
    return [n for n in names if isinstance(n, str) and SAFE_NAME.match(n)]


def _os_message(exc: OSError) -> str:
    name = Path(exc.filename).name if getattr(exc, "filename", None) else None
    if isinstance(exc, PermissionError) and name:
        return f"'{name}' başka bir programda (ör. Excel'de) açık ya da yazma izni yok"
    return f"{exc.strerror or exc}" + (f" ('{name}')" if name else "")


def install_files(out_dir: Path, files: dict[str, bytes]) -> list[str]:
    """Put `files` into `out_dir` all or nothing; return the files of the previous export that were removed.

    Everything is written to a temporary folder beside `out_dir` first. A new folder is then renamed into
    place in one step; into an existing folder the files are moved one by one (manifest.json last), and on
    a failure every moved file is put back, so the folder holds either the old set or the new one. Files
    of the previous export (its manifest.json) that the new set no longer has are removed; other files in
    the folder are never touched."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise GocKurulError(f"'{out_dir}' bir klasör değil; platform dosyaları yazılamadı.")
    parent = out_dir.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=parent))
    except OSError as exc:
        raise GocKurulError(f"'{parent}' klasörüne yazılamıyor: {_os_message(exc)}. Hiçbir dosya yazılmadı.") from exc
    try:
        staged = tmp / "yeni"
        try:
            staged.mkdir()
            _write_files(staged, files)
            if not out_dir.exists():
                os.replace(staged, out_dir)
                _fsync_dir(parent)
                return []
        except OSError as exc:
            raise GocKurulError(f"Platform dosyaları yazılamadı: {_os_message(exc)}. Hiçbir dosya yazılmadı.") from exc
        return _swap(out_dir, staged, tmp / "eski", files)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _swap(out_dir: Path, staged: Path, old: Path, files: dict[str, bytes]) -> list[str]:
    stale = [n for n in _previous_set(out_dir) if n not in files and (out_dir / n).is_file()]
    data_files = [n for n in files if n != MANIFEST_FILE]
    moved_out: list[str] = []
    moved_in: list[str] = []
    try:
        old.mkdir()
        if (out_dir / MANIFEST_FILE).exists():  # while the set changes, no manifest describes it
            os.replace(out_dir / MANIFEST_FILE, old / MANIFEST_FILE)
            moved_out.append(MANIFEST_FILE)
        for name in data_files:
            target = out_dir / name
            if target.exists():
                os.replace(target, old / name)
                moved_out.append(name)
            os.replace(staged / name, target)
            moved_in.append(name)
        for name in stale:
            os.replace(out_dir / name, old / name)
            moved_out.append(name)
        if MANIFEST_FILE in files:
            os.replace(staged / MANIFEST_FILE, out_dir / MANIFEST_FILE)
            moved_in.append(MANIFEST_FILE)
    except OSError as exc:
        for name in reversed(moved_in):
            with contextlib.suppress(OSError):
                (out_dir / name).unlink()
        for name in reversed(moved_out):
            with contextlib.suppress(OSError):
                os.replace(old / name, out_dir / name)
        raise GocKurulError(f"Platform dosyaları '{out_dir}' klasörüne yazılamadı: {_os_message(exc)}. Klasördeki "
                            "önceki dosyalar geri konuldu; yeni dosyalardan hiçbiri kalmadı.") from exc
    _fsync_dir(out_dir)
    return stale


@dataclass
class PlatformResult:
    out_dir: Path
    files: list[str]  # written, manifest.json last
    documents: dict[str, dict]
    manifest: dict
    removed: list[str]  # files of the previous export that the new one no longer has

    @property
    def meeting_count(self) -> int:
        return sum(d["belge_turu"] == MEETING for d in self.documents.values())


def write_platform(path: Path, out_dir: Path, *, personal_data: bool = False, csv: bool = False) -> PlatformResult:
    """`gockurul platform KITAP.xlsx --cikti KLASOR [--kisisel-veri] [--csv]`: read the workbook (never written),
    make and validate every document, then write them all (or, on any problem, nothing)."""
    from .reader import read_workbook

    data = read_workbook(path)
    rendered = render_platform(data, personal_data=personal_data, csv=csv)
    removed = install_files(Path(out_dir), rendered.files)
    return PlatformResult(Path(out_dir), list(rendered.files), rendered.documents, rendered.manifest, removed)


# --- reading back -----------------------------------------------------------------------------------------

class DocumentError(GocKurulError):
    """A platform document (or folder) that cannot be used; `problems` lists every violation. Exit code 1 for
    schema violations (like `kontrol` with errors), 2 when the file cannot be read as a document at all."""

    exit_code = EXIT_FINDINGS

    def __init__(self, name: str, problems: list[str], intro: str | None = None, limit: int = 50,
                 unreadable: bool = False):
        self.name = name
        self.problems = problems
        if unreadable:
            self.exit_code = EXIT_FATAL
        shown = "\n".join(f"- {p}" for p in problems[:limit])
        more = f"\n- … ve {len(problems) - limit} sorun daha." if len(problems) > limit else ""
        intro = intro or f"'{name}' platform belgesi şemaya uymuyor ({len(problems)} sorun):"
        super().__init__(f"{intro}\n{shown}{more}")


def _detect(doc: Any) -> str:
    if not isinstance(doc, dict):
        raise GocKurulError(f"Platform belgesi bir JSON nesnesi ({{…}}) olmalı; bulunan: {_shown(doc)}.")
    kind = doc.get("belge_turu")
    version = doc.get("sema_surumu")
    if kind not in SCHEMA_KINDS:
        known = ", ".join(SCHEMA_KINDS)
        raise GocKurulError(f"Belge türü tanınmadı: 'belge_turu' {_shown(kind)}; şunlardan biri olmalı: {known}.")
    if version != SCHEMA_VERSION:
        try:
            newer = contract.version_tuple(str(version)) > contract.version_tuple(SCHEMA_VERSION)
        except ValueError:
            newer = False
        if newer:
            raise GocKurulError(f"Bu belge daha yeni bir şema sürümüyle ({version}) yazılmış; bu program "
                                f"{SCHEMA_VERSION} sürümünü okuyabilir. Lütfen gockurul'u güncelleyin.")
        raise GocKurulError(f"'sema_surumu' {_shown(version)} bilinmiyor; bu program {SCHEMA_VERSION} sürümünü okur.")
    return kind


def validate_document(doc: Any, name: str = "belge") -> dict:
    """`doc` itself when it is a valid platform document; DocumentError (Turkish, per violation) otherwise."""
    try:
        kind = _detect(doc)
    except GocKurulError as exc:
        raise DocumentError(name, [exc.message], f"'{name}' platform belgesi okunamadı:", unreadable=True) from None
    problems = document_problems(doc, kind)
    if problems:
        raise DocumentError(name, problems)
    return doc


def read_document(path: Path) -> dict:
    """Load a platform document, find its schema from `belge_turu` / `sema_surumu`, validate it. Raises
    DocumentError with one Turkish line per violation ('kararlar[2].verilen_sure: YYYY-AA-GG …')."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GocKurulError(f"'{path}' bulunamadı.") from None
    except UnicodeDecodeError:
        raise DocumentError(path.name, ["dosya UTF-8 değil"], f"'{path.name}' okunamadı:", unreadable=True) from None
    except OSError as exc:
        raise GocKurulError(f"'{path}' okunamadı: {exc.strerror or exc}.") from None
    try:
        doc = json.loads(text)
    except ValueError as exc:
        line, col = getattr(exc, "lineno", "?"), getattr(exc, "colno", "?")
        raise DocumentError(path.name, [f"geçerli bir JSON değil (satır {line}, sütun {col})"],
                            f"'{path.name}' okunamadı:", unreadable=True) from None
    return validate_document(doc, path.name)


def read_folder(folder: Path) -> list[dict]:
    """The documents of an export folder, in its manifest's order: the manifest is validated, every file it
    lists must exist with the same SHA-256, and every document must be valid. One DocumentError lists all
    problems."""
    folder = Path(folder)
    if not (folder / MANIFEST_FILE).is_file():
        raise GocKurulError(f"'{folder}' klasöründe {MANIFEST_FILE} yok: bu bir platform klasörü değil ya da "
                            "dışa aktarma tamamlanmamış.")
    manifest = read_document(folder / MANIFEST_FILE)
    if manifest["belge_turu"] != MANIFEST:
        raise GocKurulError(f"'{MANIFEST_FILE}' bir dosya listesi değil (belge_turu {manifest['belge_turu']!r}).")
    problems: list[str] = []
    documents = []

    def payload(entry: dict) -> bytes | None:
        p = folder / entry["dosya"]
        if not p.is_file():
            problems.append(f"{entry['dosya']}: dosya yok ({MANIFEST_FILE} listeliyor)")
            return None
        content = p.read_bytes()
        if _sha(content) != entry["sha256"]:
            problems.append(f"{entry['dosya']}: SHA-256 özeti {MANIFEST_FILE} ile uyuşmuyor — dosya dışa aktarmadan "
                            "sonra değiştirilmiş ya da bozulmuş")
            return None
        return content

    for entry in manifest["belgeler"]:
        content = payload(entry)
        if content is None:
            continue
        try:
            doc = validate_document(json.loads(content.decode("utf-8-sig")), entry["dosya"])
        except DocumentError as exc:
            problems += [f"{entry['dosya']}: {p}" for p in exc.problems]
            continue
        except ValueError:
            problems.append(f"{entry['dosya']}: geçerli bir JSON değil")
            continue
        if doc["belge_turu"] != entry["belge_turu"]:
            problems.append(f"{entry['dosya']}: belge_turu {doc['belge_turu']!r}, {MANIFEST_FILE} "
                            f"{entry['belge_turu']!r} diyor")
        if f"{doc['kimlik']}.json" != entry["dosya"]:
            problems.append(f"{entry['dosya']}: kimlik {doc['kimlik']!r} dosya adıyla uyuşmuyor")
        documents.append(doc)
    for entry in manifest["csv_dosyalari"]:
        payload(entry)
    if problems:
        raise DocumentError(folder.name, problems, f"'{folder}' platform klasörü kullanılamıyor ({len(problems)} "
                                                   "sorun):")
    return documents


def summary(doc: dict) -> str:
    """One Turkish line about a valid document (for `platform-oku`)."""
    kind = doc["belge_turu"]
    place = doc["il"] + (f" / {doc['ilce']}" if doc.get("ilce") else "")
    if kind == MEETING:
        day = dt.date.fromisoformat(doc["tarih"])
        return (f"Toplantı {doc['toplanti_no']} ({label_of(doc['kategori'])}, {place}, {day:%d.%m.%Y}): "
                f"{doc['katilimci_sayisi']} katılımcı, {len(doc['konu_basliklari'])} konu, "
                f"{len(doc['tespit_edilen_sorunlar'])} sorun, {len(doc['kararlar'])} karar"
                + ("; telefonlar maskeli." if doc["telefon_maskeli"] else "; telefonlar tam (kişisel veri)."))
    if kind == ANNUAL_REPORT:
        return (f"{doc['yil']} yılı Yıllık Değerlendirme Raporu ({place}): {len(doc['temel_sorunlar'])} sorun, "
                f"{doc['karar_ozeti']['toplam']} karar, {len(doc['cozulemeyen_sorunlar'])} çözülemeyen sorun.")
    if kind == MANIFEST:
        return f"Dosya listesi ({place}, {doc['yil']}): {len(doc['belgeler'])} belge, {len(doc['csv_dosyalari'])} CSV."
    lists = {ACTION_PLAN: ("eylemler", "eylem"), PROJECTS: ("projeler", "proje"), DATA_SHARING: ("kayitlar", "kayıt")}
    list_name, word = lists[kind]
    return f"{KIND_NAMES[kind][0].upper()}{KIND_NAMES[kind][1:]} ({place}, {doc['yil']}): {len(doc[list_name])} {word}."


# --- the format, for the README ------------------------------------------------------------------------

def _type_text(prop: dict) -> str:
    if "const" in prop:
        return f"sabit {_shown(prop['const'])}"
    if "enum" in prop:
        values = [v for v in prop["enum"] if v is not None]
        text = "bir değer" if len(values) > 8 else "bir değer: " + ", ".join(f"`{v}`" for v in values)
        return text + (" ya da null" if None in prop["enum"] else "")
    types = prop.get("type")
    types = types if isinstance(types, list) else [types]
    word = {"string": "tarih (YYYY-AA-GG)" if prop.get("format") == "date" else "metin", "integer": "tam sayı",
            "boolean": "true/false", "array": "liste", "object": "nesne"}
    if types == ["array"] and prop.get("items", {}).get("type") == "string":
        return "metin listesi"
    if types == ["array"]:
        return "nesne listesi"
    main = [word.get(t, str(t)) for t in types if t != "null"]
    return " / ".join(main) + (" ya da null" if "null" in types else "")


def format_reference() -> str:
    """Markdown tables (Turkish) of every document's fields, from the shipped schemas (for the README)."""
    out = []
    for kind in SCHEMA_KINDS:
        schema = load_schema(kind)
        out += [f"#### `{kind}` — {schema['title']}", "", schema["description"], "",
                "| Alan | Tür | Açıklama |", "|---|---|---|"]

        out += _field_rows(schema["properties"], "")
        out.append("")
    return "\n".join(out)


def _field_rows(props: dict, prefix: str) -> list[str]:
    rows = []
    for name, prop in props.items():
        text = prop.get("description", "").replace("*", "\\*").replace("|", "\\|")  # Markdown
        rows.append(f"| `{prefix}{name}` | {_type_text(prop)} | {text} |")
        items = prop.get("items")
        if prop.get("type") == "array" and isinstance(items, dict) and "properties" in items:
            rows += _field_rows(items["properties"], f"{prefix}{name}[].")
        elif prop.get("type") == "object" and "properties" in prop:
            rows += _field_rows(prop["properties"], f"{prefix}{name}.")
    return rows
