"""`birlestir`: district workbooks (or their platform documents) into the province workbook (M12(5)), and
the province's follow-up of its district boards (M8(1), M8(3), M12(5)).

The merged rows live only in generated sheets of the province workbook (`İlçe Toplantıları`,
`İlçe Kararları`, `İlçe Sorunları`, `İlçe Katılımcıları`, `Birleştirme Günlüğü`, `İlçe İzleme`): the
province's input sheets are never touched. The merged state of the previous run is read back from those
sheets, so there is no hidden state to get out of step with what staff see.

Safe by construction:
- every source is read before anything is written, and all sheets go out in ONE `write_sheets` call
  (atomic package surgery): a corrupt file is refused and logged, the others merge; a crash writes nothing;
- keyed by district and meeting number: the same file twice gives the same sheets ("değişiklik yok");
- a district's newer file replaces all that district's rows; the log says which meetings were added,
  removed or changed;
- a file of another province or year, a province workbook, a template or schema newer than ours, an
  unreadable file: refused with a Turkish reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import contract, parse, rules
from .annual_report import key_order
from .errors import GocKurulError, InvalidArgument
from .findings import ERROR, WARNING, Finding
from .reader import WorkbookData, read_workbook
from .sheetspec import Block, PrintSetup, SheetSpec
from .workdays import WorkCalendar, deadline

MEETINGS_SHEET = "İlçe Toplantıları"
DECISIONS_SHEET = "İlçe Kararları"
PROBLEMS_SHEET = "İlçe Sorunları"
PARTICIPANTS_SHEET = "İlçe Katılımcıları"
LOG_SHEET = "Birleştirme Günlüğü"
FOLLOW_UP_SHEET = "İlçe İzleme"
# For contract.GENERATED_SHEETS (the lead adds them there).
MERGE_SHEETS = (MEETINGS_SHEET, DECISIONS_SHEET, PROBLEMS_SHEET, PARTICIPANTS_SHEET, LOG_SHEET, FOLLOW_UP_SHEET)

DISTRICT = "İlçe"
RECEIVED = "İle Ulaşma Tarihi"  # first merge that brought the meeting: the date the province received it
SOURCE = "Kaynak Dosya"
# Content columns (compared to decide "değişiklik yok"); the district comes first in every table.
MEETING_COLS = ("Toplantı No", "Kategori", "Tür", "Planlanan Tarih", "Gerçekleşen Tarih", "Tutanak Tebliğ Tarihi",
                "Platform Giriş Tarihi")
DECISION_COLS = ("Karar No", "Toplantı No", "Alınan Karar", "Sorumlu Kurum ve Kuruluşlar", "Verilen Süre", "Durum",
                 "Uygulanamama Sebebi", "Değerlendirme", "Değerlendiren Toplantı No")
PROBLEM_COLS = ("Sorun No", "Toplantı No", "Alan", "Tespit Edilen Sorun", "Çözüm Önerisi", "Durum")
# KVKK: no phone numbers in the province's copy.
PARTICIPANT_COLS = ("Toplantı No", "Sıra", "Kurum İsmi", "Unvan", "Ad-Soyad", "Vekil")
TABLES = {  # sheet -> (content columns, sort key columns)
    MEETINGS_SHEET: (MEETING_COLS, ("Toplantı No",)),
    DECISIONS_SHEET: (DECISION_COLS, ("Karar No",)),
    PROBLEMS_SHEET: (PROBLEM_COLS, ("Sorun No",)),
    PARTICIPANTS_SHEET: (PARTICIPANT_COLS, ("Toplantı No", "Sıra")),
}
DATE_COLS = {"Planlanan Tarih", "Gerçekleşen Tarih", "Tutanak Tebliğ Tarihi", "Platform Giriş Tarihi",
             "Verilen Süre", RECEIVED}
INT_COLS = {"Sıra"}
LOG_COLS = ("Zaman", "Dosya", "İlçe", "İşlem", "Açıklama")
ADDED, REPLACED, UNCHANGED, REFUSED = "eklendi", "değiştirildi", "değişiklik yok", "reddedildi"
LOG_STYLES = {ADDED: "ok", REPLACED: "uyari", UNCHANGED: "text", REFUSED: "hata"}


def district_key(name: str) -> str:
    return contract.turkish_lower(" ".join(str(name).split()))


# --- the merged state ---------------------------------------------------------------------------------

@dataclass
class DistrictRows:
    """One district's rows: every table as dicts over its content columns (values typed)."""

    district: str
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {s: [] for s in TABLES})
    received: dict[str, dt.date] = field(default_factory=dict)  # Toplantı No -> İle Ulaşma Tarihi
    source: str = ""

    def meetings(self) -> list[dict[str, Any]]:
        return self.tables[MEETINGS_SHEET]

    def fingerprint(self) -> tuple:
        return tuple(tuple(sorted(_row_key(r, TABLES[s][0]) for r in self.tables[s])) for s in TABLES)

    def per_meeting(self) -> dict[str, tuple]:
        """Toplantı No -> everything that belongs to it (for the change log)."""
        out: dict[str, list] = {}
        for sheet, (cols, _) in TABLES.items():
            for r in self.tables[sheet]:
                no = _norm(r.get("Toplantı No"))
                out.setdefault(no, []).append((sheet, _row_key(r, cols)))
        return {no: tuple(sorted(v)) for no, v in out.items()}


@dataclass
class MergedState:
    districts: dict[str, DistrictRows] = field(default_factory=dict)  # district_key -> rows
    log: list[list[Any]] = field(default_factory=list)

    def get(self, district: str) -> DistrictRows | None:
        return self.districts.get(district_key(district))


def _norm(value: Any) -> str:
    """A value as compared across runs (what the sheet gives back equals what was written)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _row_key(row: dict[str, Any], cols: Iterable[str]) -> tuple[str, ...]:
    return tuple(_norm(row.get(c)) for c in cols)


def _typed(col: str, value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if col in DATE_COLS:
        try:
            return parse.date(value)
        except ValueError:
            return None
    if col in INT_COLS:
        try:
            return parse.integer(value)
        except ValueError:
            return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def load_state(path: Path) -> MergedState | None:
    """The merged state read back from the province workbook file's generated sheets; None when never merged."""
    from .reader import _open, _sheet_rows

    path = Path(path)
    wb = _open(path)
    try:
        return state_from_rows(list(wb.sheet_names), lambda name: _sheet_rows(wb, path, name)[0])
    finally:
        close = getattr(wb, "close", None)
        if close:
            close()


def state_from_rows(names: list[str], rows_of: Callable[[str], list[list[Any]]]) -> MergedState | None:
    """The merged state from the generated sheets, whatever reads their cells (`rows_of(name)`: calamine for a
    file, xlwings for a book open in Excel); None when never merged."""
    if MEETINGS_SHEET not in names:
        return None
    state = MergedState()
    for sheet, (cols, _) in TABLES.items():
        if sheet not in names:
            continue
        extra = (RECEIVED, SOURCE) if sheet == MEETINGS_SHEET else ()
        headers = (DISTRICT, *cols, *extra)
        rows = rows_of(sheet)
        header_row, found = parse.locate_header(rows, headers)
        if DISTRICT not in found:
            continue
        for row in rows[header_row:]:
            values = {h: (row[c - 1] if c - 1 < len(row) else None) for h, c in found.items()}
            name = parse.text(values.get(DISTRICT))
            if not name:
                continue
            d = state.districts.setdefault(district_key(name), DistrictRows(name))
            rec = {c: _typed(c, values.get(c)) for c in cols}
            d.tables[sheet].append(rec)
            if sheet == MEETINGS_SHEET:
                got = _typed(RECEIVED, values.get(RECEIVED))
                if got and rec["Toplantı No"]:
                    d.received[rec["Toplantı No"]] = got
                d.source = parse.text(values.get(SOURCE)) or d.source
    if LOG_SHEET in names:
        rows = rows_of(LOG_SHEET)
        header_row, found = parse.locate_header(rows, LOG_COLS)
        if len(found) == len(LOG_COLS):
            for row in rows[header_row:]:
                values = [row[found[h] - 1] if found[h] - 1 < len(row) else None for h in LOG_COLS]
                if any(not parse.is_blank(v) for v in values):
                    state.log.append([_norm(v) if v is not None else None for v in values])
    return state


# --- reading one source -------------------------------------------------------------------------------

class Refused(GocKurulError):
    """A source that is not merged; the message is the Turkish reason written to the log."""


@dataclass
class Incoming:
    name: str  # shown in the log
    district: str
    province: str | None
    year: int | None
    rows: DistrictRows
    note: str = ""


def _from_workbook(path: Path) -> Incoming:
    data = read_workbook(path)  # UnreadableWorkbook / NewerTemplate propagate as refusals
    kind = data.setting(contract.S_KIND)
    if kind == rules.BoardKind.PROVINCE.value:
        raise Refused("Bu bir il kurulu kitabı; yalnız ilçe kurulu kitapları birleştirilir.")
    if kind != rules.BoardKind.DISTRICT.value:
        raise Refused("Ayarlar sayfasında 'Kurul Türü' okunamadı; ilçe kurulu kitabı olduğu anlaşılamadı.")
    if data.table("Toplantılar") is None:
        raise Refused("'Toplantılar' sayfası okunamadı.")
    district = parse.text(data.setting(contract.S_DISTRICT))
    if not district:
        raise Refused("Ayarlar sayfasında 'İlçe' boş; hangi ilçenin kitabı olduğu bilinmiyor.")
    rows = DistrictRows(district)
    tables = {MEETINGS_SHEET: "Toplantılar", DECISIONS_SHEET: "Kararlar", PROBLEMS_SHEET: "Sorunlar",
              PARTICIPANTS_SHEET: "Katılımcılar"}
    for sheet, source_sheet in tables.items():
        cols, _ = TABLES[sheet]
        first = cols[0]
        for r in data.records(source_sheet):
            if r[first] is None:
                continue
            rec = {}
            for c in cols:
                v = r[c]
                if isinstance(v, list):
                    v = "; ".join(str(x) for x in v)
                rec[c] = v if isinstance(v, (dt.date, int)) or v is None else _typed(c, v)
            rows.tables[sheet].append(rec)
    year = data.setting(contract.S_YEAR)
    bad = sum(1 for f in data.findings if f.level == ERROR) + sum(
        1 for t in data.tables.values() for r in t.records if r.bad)
    note = f" (Uyarı: kitapta {bad} okunamayan değer ya da sayfa sorunu var; ilçe 'gockurul kontrol' " \
           "çalıştırmalı.)" if bad else ""
    return Incoming(path.name, district, data.setting(contract.S_PROVINCE), year if isinstance(year, int) else None,
                    rows, note)


def _from_folder(folder: Path) -> Incoming:
    from .platform import MEETING, label_of, read_folder

    docs = read_folder(folder)  # DocumentError / GocKurulError: refused
    if not docs:
        raise Refused("Klasörde belge yok.")
    head = docs[0]
    if head.get("kurul_turu") != "ilce":
        raise Refused("Bunlar il kurulunun platform belgeleri; yalnız ilçe kurullarınınkiler birleştirilir.")
    district = head.get("ilce")
    if not district:
        raise Refused("Belgelerde 'ilce' boş; hangi ilçenin belgeleri olduğu bilinmiyor.")
    rows = DistrictRows(district)

    def lab(v: Any) -> Any:
        return label_of(v) if isinstance(v, str) else v

    def day(v: Any) -> dt.date | None:
        return dt.date.fromisoformat(v) if isinstance(v, str) else None

    meetings = sorted((d for d in docs if d["belge_turu"] == MEETING),
                      key=lambda d: (d.get("tarih") or "", key_order(d.get("toplanti_no"))))
    decisions: dict[str, dict] = {}
    for d in meetings:
        no = d["toplanti_no"]
        rows.tables[MEETINGS_SHEET].append({
            "Toplantı No": no, "Kategori": lab(d.get("kategori")), "Tür": lab(d.get("tur")),
            "Planlanan Tarih": None, "Gerçekleşen Tarih": day(d.get("tarih")), "Tutanak Tebliğ Tarihi": None,
            "Platform Giriş Tarihi": None})
        solutions = {s["sorun_no"]: s.get("oneri") for s in d.get("cozum_onerileri") or []}
        for p in d.get("tespit_edilen_sorunlar") or []:
            rows.tables[PROBLEMS_SHEET].append({
                "Sorun No": p["no"], "Toplantı No": no, "Alan": lab(p.get("alan")),
                "Tespit Edilen Sorun": p.get("sorun"), "Çözüm Önerisi": solutions.get(p["no"]),
                "Durum": lab(p.get("durum"))})
        for k in d.get("kararlar") or []:
            decisions[k["no"]] = {
                "Karar No": k["no"], "Toplantı No": no, "Alınan Karar": k.get("karar"),
                "Sorumlu Kurum ve Kuruluşlar": "; ".join(k.get("sorumlu_kurumlar") or []) or None,
                "Verilen Süre": day(k.get("verilen_sure")), "Durum": lab(k.get("durum")),
                "Uygulanamama Sebebi": k.get("uygulanamama_sebebi"), "Değerlendirme": k.get("degerlendirme"),
                "Değerlendiren Toplantı No": k.get("degerlendiren_toplanti_no")}
        for e in d.get("onceki_kararlarin_degerlendirmesi") or []:  # a later meeting's evaluation wins
            if e["karar_no"] in decisions:
                decisions[e["karar_no"]].update({"Durum": lab(e.get("durum")), "Değerlendiren Toplantı No": no,
                                                 "Değerlendirme": e.get("degerlendirme"),
                                                 "Uygulanamama Sebebi": e.get("uygulanamama_sebebi")})
        for p in d.get("katilimcilar") or []:
            vekil = p.get("vekil")
            rows.tables[PARTICIPANTS_SHEET].append({
                "Toplantı No": no, "Sıra": p.get("sira"), "Kurum İsmi": p.get("kurum"), "Unvan": p.get("unvan"),
                "Ad-Soyad": p.get("ad_soyad"), "Vekil": None if vekil is None else ("Evet" if vekil else "Hayır")})
    rows.tables[DECISIONS_SHEET] = list(decisions.values())
    for sheet, (cols, _) in TABLES.items():
        rows.tables[sheet] = [{c: _typed(c, r.get(c)) if not isinstance(r.get(c), (dt.date, int)) else r.get(c)
                               for c in cols} for r in rows.tables[sheet]]
    year = head.get("yil")
    return Incoming(folder.name, district, head.get("il"), year if isinstance(year, int) else None, rows)


def expand_sources(sources: Iterable[Path]) -> list[Path]:
    """Files and platform folders, in the order given; a plain folder gives its .xlsx files and platform
    sub-folders (sorted), skipping Excel's `~$` lock files."""
    from .platform import MANIFEST_FILE

    out: list[Path] = []
    for src in map(Path, sources):
        if src.is_dir() and not (src / MANIFEST_FILE).is_file():
            found = [p for p in src.rglob("*.xlsx") if not p.name.startswith(("~$", ".~"))]
            found += [m.parent for m in src.rglob(MANIFEST_FILE)]
            out.extend(sorted(found, key=lambda p: str(p)))
        else:
            out.append(src)
    return out


# --- merging ------------------------------------------------------------------------------------------

@dataclass
class LogEntry:
    time: str
    file: str
    district: str | None
    action: str
    reason: str

    def row(self) -> list[Any]:
        return [self.time, self.file, self.district, self.action, self.reason]


@dataclass
class MergeResult:
    entries: list[LogEntry]  # this run's log lines, in the order of the sources
    state: MergedState
    specs: list[SheetSpec] = field(default_factory=list)  # what to write: merged tables, log, İlçe İzleme
    backup: Path | None = None
    written: bool = False

    @property
    def refused(self) -> list[LogEntry]:
        return [e for e in self.entries if e.action == REFUSED]

    @property
    def changed(self) -> list[LogEntry]:
        return [e for e in self.entries if e.action in (ADDED, REPLACED)]


def _province_districts(data: WorkbookData) -> dict[str, str]:
    return {district_key(r["İlçe"]): r["İlçe"] for r in data.records("İlçeler") if r["İlçe"]}


def _describe_change(old: DistrictRows, new: DistrictRows) -> str:
    a, b = old.per_meeting(), new.per_meeting()
    added = sorted((n for n in b if n not in a), key=key_order)
    removed = sorted((n for n in a if n not in b), key=key_order)
    changed = sorted((n for n in a if n in b and a[n] != b[n]), key=key_order)
    parts = []
    for label, nos in (("eklenen toplantı", added), ("çıkarılan toplantı", removed), ("değişen toplantı", changed)):
        if nos:
            parts.append(f"{label}: {', '.join(n or '(numarasız)' for n in nos)}")
    return "; ".join(parts) or "satırların sırası değişti"


def _read_source(src: Path) -> Incoming:
    if src.is_dir():
        return _from_folder(src)
    if not src.exists():
        raise Refused(f"'{src}' bulunamadı.")
    if src.suffix.lower() not in (".xlsx", ".xlsm"):
        raise Refused("Excel kitabı (.xlsx) ya da platform klasörü değil.")
    return _from_workbook(src)


def merge_districts(province_path: Path, sources: list[Path], *, today: dt.date,
                    progress: Callable[[str], None] | None = None,
                    now: dt.datetime | None = None) -> MergeResult:
    """`gockurul birlestir`: plan the merge from the province file (see `plan_merge`), then write its sheets
    in ONE package write.

    Raises (nothing written) when the province workbook itself cannot be used; a bad source is only
    refused and logged."""
    province_path = Path(province_path)
    data = read_workbook(province_path)
    _require_province(data, province_path.name)
    result = plan_merge(data, load_state(province_path), sources, today=today, progress=progress, now=now,
                        province_path=province_path)
    if progress:
        progress("Sayfalar yazılıyor…")
    from .xlsxpkg import write_sheets

    result.backup = write_sheets(province_path, result.specs)
    result.written = True
    return result


def _require_province(data: WorkbookData, name: str) -> None:
    if data.setting(contract.S_KIND) != rules.BoardKind.PROVINCE.value:
        raise InvalidArgument(f"'{name}' bir il kurulu kitabı değil; ilçe kitapları il kurulu "
                              "kitabına birleştirilir.")


def plan_merge(data: WorkbookData, state: MergedState | None, sources: list[Path], *, today: dt.date,
               progress: Callable[[str], None] | None = None, now: dt.datetime | None = None,
               province_path: Path | None = None) -> MergeResult:
    """The merge without writing anything: the province's data and its merged state so far (read from its
    generated sheets — by the CLI from the file, by the Excel button from the open book), the sources read
    and checked, and the sheets to write (`result.specs`: the merged tables, the log and `İlçe İzleme`).

    `province_path` is the province workbook's own file, refused if it is among the sources."""
    _require_province(data, data.path.name if data.path else "kitap")
    province = data.setting(contract.S_PROVINCE)
    year = data.setting(contract.S_YEAR)
    known = _province_districts(data)
    # A copy: the state given may be the one cached on `data` (district_state_for), which must stay as read.
    state = MergedState(dict(state.districts), list(state.log)) if state else MergedState()
    stamp = (now or dt.datetime.now()).strftime("%d.%m.%Y %H:%M")
    entries: list[LogEntry] = []
    paths = expand_sources(sources)
    same_file: set[Path] = set()
    if province_path is not None:
        try:
            same_file = {Path(province_path).resolve()}
        except OSError:
            pass
    for i, src in enumerate(paths, start=1):
        if progress:
            progress(f"[{i}/{len(paths)}] {src.name}")
        try:
            if src.resolve() in same_file:
                raise Refused("Bu, birleştirilen il kurulu kitabının kendisi.")
            inc = _read_source(src)
            if inc.province != province:
                raise Refused(f"Başka ilin dosyası: {inc.province or '(il boş)'}; bu kitap {province} ili için.")
            if inc.year != year:
                raise Refused(f"Başka yılın dosyası: {inc.year or '(yıl boş)'}; bu kitap {year} yılı için.")
        except GocKurulError as exc:
            entries.append(LogEntry(stamp, src.name, None, REFUSED, exc.full_message().replace("\n", " ")))
            continue
        except OSError as exc:
            entries.append(LogEntry(stamp, src.name, None, REFUSED, f"okunamadı: {exc.strerror or exc}"))
            continue
        dkey = district_key(inc.district)
        name = known.get(dkey, inc.district)
        note = inc.note + ("" if dkey in known else
                           " (Uyarı: bu ilçe İlçeler sayfasında yok; izleme görünümünde yer almaz.)")
        new = inc.rows
        new.district, new.source = name, src.name
        for r in new.tables.values():
            r.sort(key=lambda row: tuple(key_order(row.get(c)) for c in ("Toplantı No", "Karar No", "Sorun No",
                                                                          "Sıra")))
        old = state.districts.get(dkey)
        for m in new.meetings():
            no = m["Toplantı No"]
            new.received[no] = (old.received.get(no) if old else None) or today
        n = len(new.meetings())
        if old is None:
            entries.append(LogEntry(stamp, src.name, name, ADDED, f"{n} toplantı eklendi.{note}"))
        elif old.fingerprint() == new.fingerprint():
            new.source = old.source or new.source
            entries.append(LogEntry(stamp, src.name, name, UNCHANGED, f"Aynı içerik ({n} toplantı).{note}"))
        else:
            entries.append(LogEntry(stamp, src.name, name, REPLACED,
                                    f"İlçenin önceki satırları bu dosyayla değiştirildi — "
                                    f"{_describe_change(old, new)}.{note}"))
        state.districts[dkey] = new
    state.log.extend(e.row() for e in entries)
    result = MergeResult(entries, state)
    result.specs = [*merge_sheets(state, data), follow_up_sheet(data, state, today)]
    return result


# --- the generated sheets -----------------------------------------------------------------------------

def _table_spec(name: str, title: str, note: str, headers: list[str], rows: list[list[Any]],
                widths: list[float], styles: list[str], tab: str) -> SheetSpec:
    spec = SheetSpec(name, col_widths={i + 1: w for i, w in enumerate(widths)}, freeze="A4", tab_color=tab,
                     print_setup=PrintSetup(orientation="landscape", title_rows=(3, 3)))
    last = len(headers)
    from .sheetspec import col_letter

    spec.merges = [f"A1:{col_letter(last)}1", f"A2:{col_letter(last)}2"]
    spec.blocks.append(Block(1, 1, [[title]], style="title"))
    spec.blocks.append(Block(2, 1, [[note]], style="plain"))
    spec.blocks.append(Block(3, 1, [headers], style="header"))
    if rows:
        spec.blocks.append(Block(4, 1, rows, col_styles=styles))
        spec.autofilter = f"A3:{col_letter(last)}{3 + len(rows)}"
    return spec


READ_ONLY_NOTE = ("Program yazar, elle değiştirmeyin: ilçe kitaplarından 'gockurul birlestir' ile gelir; "
                  "ilçenin yeni kitabı birleştirilince ilçenin satırları yenilenir.")


def merge_sheets(state: MergedState, data: WorkbookData | None = None) -> list[SheetSpec]:
    """The four merged tables and the log, from a merged state."""
    districts = sorted(state.districts.values(), key=lambda d: contract.turkish_sort_key(d.district))
    specs = []
    widths = {"Toplantı No": 11, "Karar No": 10, "Sorun No": 10, "Sıra": 6, "Kategori": 28, "Tür": 9,
              "Alınan Karar": 44, "Tespit Edilen Sorun": 44, "Çözüm Önerisi": 36, "Değerlendirme": 30,
              "Sorumlu Kurum ve Kuruluşlar": 32, "Kurum İsmi": 34, "Ad-Soyad": 22, "Unvan": 20}
    titles = {MEETINGS_SHEET: "İlçe kurullarının toplantıları", DECISIONS_SHEET: "İlçe kurullarının kararları",
              PROBLEMS_SHEET: "İlçe kurullarının tespit ettiği sorunlar",
              PARTICIPANTS_SHEET: "İlçe kurulu toplantılarının katılımcıları"}
    tabs = {MEETINGS_SHEET: "7F7F7F", DECISIONS_SHEET: "7F7F7F", PROBLEMS_SHEET: "7F7F7F",
            PARTICIPANTS_SHEET: "7F7F7F"}
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
        specs.append(_table_spec(sheet, titles[sheet], READ_ONLY_NOTE, headers, rows,
                                 [widths.get(h, 14 if h in DATE_COLS else 18) for h in headers], styles, tabs[sheet]))
    log = _table_spec(LOG_SHEET, "Birleştirme günlüğü", "Her 'gockurul birlestir' çalışmasında okunan dosyalar: "
                      "eklenen, değiştirilen, değişmeyen ve reddedilen.", list(LOG_COLS), state.log,
                      [17, 30, 18, 16, 90], ["text", "text", "text", "text", "text"], "7F7F7F")
    # colour the action column
    log.blocks = log.blocks[:3]
    for i, row in enumerate(state.log):
        log.blocks.append(Block(4 + i, 1, [row], col_styles=["text", "text", "text",
                                                             LOG_STYLES.get(row[3], "text"), "text"]))
    if state.log:
        log.autofilter = f"A3:E{3 + len(state.log)}"
    specs.append(log)
    return specs


# --- follow-up of the district boards (M8(1), M8(3), M12(5)) -------------------------------------------

IN_TIME, LATE, MISSING, PENDING, NOT_REQUIRED = "zamaninda", "gec", "yapilmadi", "bekleniyor", "gerekmiyor"


@dataclass
class WindowStatus:
    label: str
    start: dt.date
    end: dt.date
    limit: dt.date
    status: str
    meeting_no: str | None = None
    held: dt.date | None = None

    def text(self) -> str:
        from .schedule import tr_date

        if self.held:
            late = " — geç, M8(3) süresi içinde" if self.status == LATE else ""
            return f"Yapıldı: {tr_date(self.held)} (toplantı {self.meeting_no}){late}"
        if self.status == MISSING:
            return f"Yapılmadı — son gün {tr_date(self.limit)} geçti"
        if self.status == NOT_REQUIRED:
            return "Zorunlu değil"
        return f"Bekleniyor: {tr_date(self.start)}–{tr_date(self.end)}, en geç {tr_date(self.limit)}"


@dataclass
class MinutesStatus:
    meeting_no: str
    held: dt.date
    due: dt.date
    sent: dt.date | None
    basis: str  # "Tutanak Tebliğ Tarihi" or RECEIVED

    @property
    def late(self) -> bool:
        return self.sent is not None and self.sent > self.due


@dataclass
class DistrictStatus:
    district: str
    population: int | None
    border: bool
    required: bool
    reason: str
    merged: bool
    cell: str | None
    windows: list[WindowStatus]
    minutes: list[MinutesStatus]
    open_decisions: int
    overdue_decisions: int
    source: str = ""


def required_reason(population: int | None, border: bool) -> tuple[bool, str]:
    """M8(1): (required, Turkish reason)."""
    t = rules.THRESHOLDS["district_board_required"]
    over = isinstance(population, int) and t.applies(population)
    if over and border:
        return True, "Zorunlu: yabancı nüfusu 2.000 ve üzeri; hudut ilçesi (M8(1))"
    if over:
        return True, "Zorunlu: yabancı nüfusu 2.000 ve üzeri (M8(1))"
    if border:
        return True, "Zorunlu: düzensiz göçe konu hudut ilçesi (M8(1))"
    if not isinstance(population, int):
        return False, "Yabancı nüfusu yazılmamış: belirlenemedi"
    return False, "Zorunlu değil: yabancı nüfusu 2.000'in altında, hudut ilçesi değil (M8(2): kaymakamın takdiri)"


def _minutes_rule() -> rules.Deadline:
    return next(r for r in rules.MEETING_DEADLINES
                if r.kind == "tutanak_teblig" and rules.MeetingCategory.DISTRICT_BOARD in r.categories)


def district_follow_up(data: WorkbookData, state: MergedState, today: dt.date,
                       cal: WorkCalendar | None = None) -> list[DistrictStatus]:
    """One status per district of the province's `İlçeler` sheet."""
    from .schedule import build_calendar, windows_for

    cal = cal or build_calendar(data)
    year = data.setting(contract.S_YEAR)
    rule = _minutes_rule()
    out = []
    for d in data.records("İlçeler"):
        name = d["İlçe"]
        if not name:
            continue
        population, border = d["Yabancı Nüfusu"], d["Hudut İlçesi"] == "Evet"
        required, reason = required_reason(population, border)
        rows = state.get(name)
        meetings = rows.meetings() if rows else []
        held = sorted((m for m in meetings if m["Kategori"] == rules.MeetingCategory.DISTRICT_BOARD.value
                       and isinstance(m["Gerçekleşen Tarih"], dt.date)
                       and (not isinstance(year, int) or m["Gerçekleşen Tarih"].year == year)),
                      key=lambda m: m["Gerçekleşen Tarih"])
        windows: list[WindowStatus] = []
        if isinstance(year, int):
            used: set[int] = set()
            for w in windows_for(rules.DISTRICT_BOARD_WINDOW, year, cal):
                m = next((m for m in held if m["Tür"] == "Olağan" and id(m) not in used
                          and w.start <= m["Gerçekleşen Tarih"] <= w.limit), None)
                if m is not None:
                    used.add(id(m))
                    day = m["Gerçekleşen Tarih"]
                    windows.append(WindowStatus(w.label, w.start, w.end, w.limit, IN_TIME if day <= w.end else LATE,
                                                m["Toplantı No"], day))
                elif not required:
                    windows.append(WindowStatus(w.label, w.start, w.end, w.limit, NOT_REQUIRED))
                else:
                    windows.append(WindowStatus(w.label, w.start, w.end, w.limit,
                                                MISSING if w.limit < today else PENDING))
        minutes = []
        for m in held:
            due = deadline(cal, m["Gerçekleşen Tarih"], rule)
            sent, basis = m["Tutanak Tebliğ Tarihi"], "Tutanak Tebliğ Tarihi"
            if sent is None:
                sent, basis = rows.received.get(m["Toplantı No"]), RECEIVED
            minutes.append(MinutesStatus(m["Toplantı No"], m["Gerçekleşen Tarih"], due, sent, basis))
        decisions = rows.tables[DECISIONS_SHEET] if rows else []
        open_ = [k for k in decisions if k["Durum"] in rules.DECISION_OPEN]
        overdue = [k for k in open_ if isinstance(k["Verilen Süre"], dt.date) and k["Verilen Süre"] < today]
        out.append(DistrictStatus(name, population if isinstance(population, int) else None, border, required,
                                  reason, rows is not None, d.cell("İlçe"), windows, minutes, len(open_),
                                  len(overdue), rows.source if rows else ""))
    return out


def follow_up_findings(data: WorkbookData, state: MergedState | None, today: dt.date,
                       cal: WorkCalendar | None = None) -> list[Finding]:
    """`kontrol` of the province: missing required district boards (hata) and late minutes (uyari). Nothing
    when no district data has been merged (the province cannot see the district boards then)."""
    from .schedule import tr_date

    if state is None or not state.districts:
        return []
    year = data.setting(contract.S_YEAR)
    out = []
    for st in district_follow_up(data, state, today, cal):
        for w in st.windows:
            if w.status == MISSING:
                why = "" if st.merged else " (ilçenin kitabı henüz birleştirilmedi)"
                out.append(Finding(ERROR, "M8(1), M8(3)", "İlçeler", st.cell,
                                   f"{st.district} İlçe GKK olağan toplantısı ({w.label} {year}) yapılmamış{why}; "
                                   f"son gün {tr_date(w.limit)} geçti."))
        for m in st.minutes:
            if m.late:
                out.append(Finding(WARNING, "M12(5)", MEETINGS_SHEET, None,
                                   f"{st.district} İlçe GKK toplantı {m.meeting_no} ({tr_date(m.held)}) tutanağı İl "
                                   f"Göç İdaresi Müdürlüğüne en geç {tr_date(m.due)} iletilmeliydi; "
                                   f"{tr_date(m.sent)} ({m.basis})."))
    return out


def follow_up_sheet(data: WorkbookData, state: MergedState, today: dt.date) -> SheetSpec:
    from .schedule import tr_date

    year = data.setting(contract.S_YEAR) or ""
    headers = ["İlçe", "Yabancı Nüfusu", "Hudut İlçesi", "Zorunlu mu", "Gerekçe", "Şubat/Mart", "Ağustos/Eylül",
               "Tutanaklar (M12(5))", "Açık Karar", "Süresi Geçen Karar", "Son Dosya"]
    spec = SheetSpec(FOLLOW_UP_SHEET, col_widths={1: 18, 2: 11, 3: 9, 4: 10, 5: 40, 6: 36, 7: 36, 8: 40, 9: 9,
                                                  10: 11, 11: 26},
                     freeze="B4", tab_color="C00000", print_setup=PrintSetup(orientation="landscape",
                                                                              title_rows=(3, 3)))
    spec.merges = ["A1:K1", "A2:K2"]
    spec.blocks.append(Block(1, 1, [[f"İlçe kurullarının izlenmesi — {data.setting(contract.S_PROVINCE) or ''} "
                                     f"{year}"]], style="title"))
    spec.blocks.append(Block(2, 1, [[f"Bugün: {tr_date(today)}. Olağan toplantılar Şubat/Mart ve Ağustos/Eylül "
                                     "aylarında, yapılamazsa izleyen ayın son gününe kadar (M8(1), M8(3)); tutanak "
                                     "15 gün içinde İl Göç İdaresi Müdürlüğüne (M12(5)): Tutanak Tebliğ Tarihi, "
                                     "yazılmamışsa ile ulaşma (birleştirme) tarihi esas alınır."]], style="plain"))
    spec.blocks.append(Block(3, 1, [headers], style="header"))
    style_of = {IN_TIME: "ok", LATE: "uyari", MISSING: "hata", PENDING: "text", NOT_REQUIRED: "text"}
    for i, st in enumerate(district_follow_up(data, state, today)):
        row = 4 + i
        late = [m for m in st.minutes if m.late]
        if not st.minutes:
            minutes, m_style = ("Kitap birleştirilmedi" if not st.merged else "Yapılan toplantı yok"), "text"
        elif late:
            minutes = f"{len(late)}/{len(st.minutes)} geç: " + ", ".join(
                f"toplantı {m.meeting_no} (son gün {tr_date(m.due)}, iletildi {tr_date(m.sent)})" for m in late)
            m_style = "uyari"
        else:
            minutes, m_style = f"{len(st.minutes)}/{len(st.minutes)} zamanında", "ok"
        wins = st.windows + [None] * (2 - len(st.windows))
        cells = [st.district, st.population, "Evet" if st.border else "Hayır", "Evet" if st.required else "Hayır",
                 st.reason]
        spec.blocks.append(Block(row, 1, [cells], col_styles=["text", "number", "text",
                                                              "bold" if st.required else "text", "text"]))
        for j, w in enumerate(wins):
            text = w.text() if w else ""
            if w and not st.merged and w.status in (MISSING, PENDING):
                text += " (kitap birleştirilmedi)"
            spec.blocks.append(Block(row, 6 + j, [[text]], style=style_of.get(w.status, "text") if w else "text"))
        spec.blocks.append(Block(row, 8, [[minutes]], style=m_style))
        spec.blocks.append(Block(row, 9, [[st.open_decisions, st.overdue_decisions]],
                                 col_styles=["number", "hata" if st.overdue_decisions else "number"]))
        spec.blocks.append(Block(row, 11, [[st.source or None]], style="text"))
    return spec


def district_state_for(data: WorkbookData) -> MergedState | None:
    """The merged state of a province workbook already read (None when never merged): for `kontrol`,
    `takvim` and `Pano`. A book open in Excel is read through its own sheets, never from the file on disk."""
    if MEETINGS_SHEET not in data.sheet_names or data.setting(contract.S_KIND) != rules.BoardKind.PROVINCE.value:
        return None
    def read() -> MergedState | None:
        try:
            return state_from_rows(data.sheet_names, data.rows_of) if data.rows_of else load_state(data.path)
        except GocKurulError:
            return None

    return data.derived("district_state", read)  # kontrol and takvim ask for it more than once


def follow_up_spec_for(data: WorkbookData, today: dt.date) -> SheetSpec | None:
    """`İlçe İzleme` refreshed for `today` (for `takvim`), or None when no district data was merged."""
    state = district_state_for(data)
    return follow_up_sheet(data, state, today) if state is not None else None
