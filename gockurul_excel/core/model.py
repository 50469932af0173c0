"""The workbook model: every input sheet as a table of records (core.records.Record), by header name, whoever
read the cells (files.reader with python-calamine for a file's FileBackend, live.backend with xlwings for an open
book's LiveBackend; both call `build_workbook_data`).

Tolerates column order, extra columns, blank rows, headers with stray spaces or case, a title row above the
header, dates and numbers typed as text. What it cannot use becomes a `Finding` naming the sheet and cell — it
never raises for content, only for a template newer than this program. Pure: the rows come in, nothing here
opens a file.
"""

from __future__ import annotations

import contextlib
import difflib
import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from .. import contract, rules
from ..errors import NewerTemplate
from ..findings import ERROR, Finding
from ..sheetspec import cell_ref, col_letter, sheet_key
from . import parse
from .records import Layout, Record

TEMPLATE_RULE = "Şablon"

PARSERS = {
    "text": parse.text,
    "key": parse.key,
    "int": parse.integer,
    "date": parse.date,
    "time": parse.time,
    "phone": parse.text,
    "email": parse.text,
    "list": parse.text_list,
}


@dataclass
class Table:
    sheet: str
    definition: contract.SheetDef
    header_row: int
    columns: dict[str, int]  # contract header -> 1-based column
    records: list[Record]
    extra_columns: dict[str, int] = field(default_factory=dict)

    def has(self, header: str) -> bool:
        return header in self.columns


@dataclass
class Setting:
    name: str
    value: Any
    raw: Any
    cell: str | None
    bad: str | None = None  # why the value could not be read


@dataclass
class WorkbookData:
    path: Path
    sheet_names: list[str]
    settings: dict[str, Setting]
    tables: dict[str, Table]
    template_version: str | None
    findings: list[Finding]  # problems met while reading (missing sheets, headers, merged cells...)
    # The rows of the generated sheets the core reads back (contract.STATE_SHEETS: a province's merged district
    # rows), read by the backend with the input sheets, so that no core function opens the file again.
    sheet_rows: dict[str, list[list[Any]]] = field(default_factory=dict, repr=False, compare=False)
    _derived: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)  # see derived()

    def table(self, name: str) -> Table | None:
        return self.tables.get(name)

    def records(self, name: str) -> list[Record]:
        t = self.tables.get(name)
        return t.records if t else []

    def derived(self, key: Any, build: Callable[[], Any]) -> Any:
        """`build()`, made once per workbook read: an index that per-meeting lookups share."""
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]

    def grouped(self, name: str, header: str) -> dict[Any, list[Record]]:
        """The sheet's records by one column's value, built once (forms look rows up per meeting)."""

        def build() -> dict[Any, list[Record]]:
            groups: dict[Any, list[Record]] = {}
            for r in self.records(name):
                groups.setdefault(r[header], []).append(r)
            return groups

        return self.derived(("grouped", name, header), build)

    @property
    def board_kind(self) -> rules.BoardKind | None:
        """İl or İlçe, from the `Kurul Türü` setting; None when it cannot be read."""
        return rules.board_kind_of(self.setting(contract.S_KIND))

    def setting(self, name: str, default: Any = None) -> Any:
        s = self.settings.get(name)
        return default if s is None or s.value is None else s.value


def parse_value(column: contract.Column | contract.Setting, raw: Any) -> Any:
    """Typed value for a column; raises ValueError with a Turkish reason."""
    if column.kind == "enum":
        if column.choices == "Iller":
            alias = {parse.ascii_fold(a): n for a, n in contract.PROVINCE_ALIASES.items()}.get(
                parse.ascii_fold(parse.text(raw) or "")
            )
            raw = alias or raw
        return parse.choice(raw, contract.lists()[column.choices])
    value = PARSERS[column.kind](raw)
    if value is not None and column.kind == "int":
        name = column.header if isinstance(column, contract.Column) else column.name
        if name in contract.INT_MINIMA and not contract.INT_MINIMA[name] <= value <= contract.INT_MAXIMA[name]:
            raise ValueError(f"{contract.INT_MINIMA[name]}–{contract.INT_MAXIMA[name]} arasında bir yıl değil")
    if column.choices and column.kind == "text" and value is not None:
        # A suggested list (strict_choices False): canonical spelling when it matches.
        value = parse.choice(value, contract.lists()[column.choices])
    return value


def _parse_one(column: contract.Column, raw: Any) -> tuple[Any, str | None]:
    try:
        return parse_value(column, raw), None
    except ValueError as exc:
        return None, str(exc)


_NEVER_FAILS = frozenset({"text", "key", "phone", "email", "list"})  # parsers that read any value (None for blank)


def _blank_cell(v: Any) -> bool:
    return v is None or (v.__class__ is str and not v.strip())


def _parse_column(column: contract.Column, cells: list[Any]) -> tuple[list[Any], list[bool], dict[int, str]]:
    """(values, non-blank flags, position -> why unreadable) of one column's cells. Each distinct cell value is
    parsed once (institution names, statuses, dates and meeting numbers repeat down a column), and the column is
    mapped through the results in C, not cell by cell."""
    try:
        if bool in set(map(type, cells)):
            raise TypeError  # True == 1 in a set, but they parse differently
        distinct = set(cells)
    except TypeError:  # an unhashable value from an unusual reader, or booleans: one by one
        parsed = [_parse_one(column, v) for v in cells]
        whys = {i: why for i, (_, why) in enumerate(parsed) if why is not None}
        return [v for v, _ in parsed], [not _blank_cell(v) for v in cells], whys
    filled_of = {v: not _blank_cell(v) for v in distinct}
    bad_of: dict[Any, str] = {}
    if column.kind in _NEVER_FAILS and not column.choices:  # most text columns: one call per distinct value
        values = list(distinct)
        value_of = dict(zip(values, map(PARSERS[column.kind], values), strict=True))
    else:
        value_of = {}
        for v in distinct:
            if v is None or v == "":
                value_of[v] = None
                continue
            value_of[v], why = _parse_one(column, v)
            if why is not None:
                bad_of[v] = why
    whys = {i: bad_of[v] for i, v in enumerate(cells) if v in bad_of} if bad_of else {}
    return list(map(value_of.__getitem__, cells)), list(map(filled_of.__getitem__, cells)), whys


def _range_text(r0: int, c0: int, r1: int, c1: int) -> str:
    return f"{cell_ref(r0, c0)}:{cell_ref(r1, c1)}"


def read_table(
    sheet_name: str,
    rows: list[list[Any]],
    definition: contract.SheetDef,
    version: str,
    merged: list[tuple[int, int, int, int]],
    findings: list[Finding],
) -> Table:
    expected = [c.header for c in definition.columns]
    header_row, columns = parse.locate_header(rows, expected)
    hrow = header_row - 1
    header_cells = rows[hrow] if rows else []
    known = {parse.normalize_header(h) for h in expected}
    extra = {
        str(v).strip(): ci + 1
        for ci, v in enumerate(header_cells)
        if isinstance(v, str) and v.strip() and parse.normalize_header(v) not in known
    }
    current = contract.version_tuple(version)
    for col in definition.columns:
        if col.header in columns:
            continue
        if contract.version_tuple(col.since) > current:
            continue  # an older template could not have it; `guncelle` adds it
        guess = difflib.get_close_matches(
            parse.normalize_header(col.header), [parse.normalize_header(h) for h in extra], n=1, cutoff=0.75
        )
        if guess:
            original, ci = next((h, c) for h, c in extra.items() if parse.normalize_header(h) == guess[0])
            findings.append(
                Finding(
                    ERROR,
                    TEMPLATE_RULE,
                    sheet_name,
                    cell_ref(hrow + 1, ci),
                    f"'{original}' başlığı '{col.header}' olmalı; sütun okunamadı.",
                )
            )
        else:
            findings.append(
                Finding(
                    ERROR,
                    TEMPLATE_RULE,
                    sheet_name,
                    None,
                    f"'{col.header}' başlıklı sütun bulunamadı (başlık satırı {hrow + 1}).",
                )
            )
    table_cols = set(columns.values())
    for r0, c0, r1, c1 in merged:
        if r1 > hrow + 1 and any(c0 <= c <= c1 for c in table_cols):
            findings.append(
                Finding(
                    ERROR,
                    TEMPLATE_RULE,
                    sheet_name,
                    cell_ref(r0, c0),
                    f"{_range_text(r0, c0, r1, c1)} hücreleri birleştirilmiş; tabloda hücre "
                    "birleştirmeyin, her satıra değeri ayrı yazın.",
                )
            )
    present = [col for col in definition.columns if col.header in columns]
    headers = [col.header for col in present]
    layout = Layout(
        {h: i for i, h in enumerate(headers)},
        {h: col_letter(c) for h, c in columns.items()},
        contract.known_headers(definition.name),
    )
    body = rows[hrow + 1 :]
    rectangular = not body or min(map(len, body)) >= max(columns.values(), default=0)
    raw_cols, value_cols, filled_cols, whys = [], [], [], []
    for col in present:
        ci = columns[col.header] - 1
        cells = list(map(itemgetter(ci), body)) if rectangular else [r[ci] if ci < len(r) else None for r in body]
        values, filled, bad = _parse_column(col, cells)
        raw_cols.append(cells)
        value_cols.append(values)
        filled_cols.append(filled)
        whys.append(bad)
    bad_rows: dict[int, dict[str, str]] = {}
    for h, bad in zip(headers, whys, strict=True):
        for i, why in bad.items():
            bad_rows.setdefault(i, {})[h] = why
    records: list[Record] = []
    if headers:  # rows back from the columns, in C (zip/dict), skipping rows with nothing in them
        filled_rows = map(any, zip(*filled_cols, strict=True))
        rows_of = zip(filled_rows, zip(*raw_cols, strict=True), zip(*value_cols, strict=True), strict=True)
        for i, (keep, raw, values) in enumerate(rows_of):
            if keep:
                records.append(
                    Record(hrow + 2 + i, zip(headers, values, strict=True), raw, layout, bad_rows.get(i, {}))
                )
    return Table(sheet_name, definition, hrow + 1, columns, records, extra)


def _read_settings(rows: list[list[Any]], findings: list[Finding]) -> dict[str, Setting]:
    header_row, found = parse.locate_header(rows, contract.SETTING_COLUMNS)
    if len(found) < len(contract.SETTING_COLUMNS):
        findings.append(
            Finding(ERROR, TEMPLATE_RULE, contract.SETTINGS_SHEET, None, "'Ayar' ve 'Değer' başlıkları bulunamadı.")
        )
        return {}
    hrow = header_row - 1
    c_name, c_value = (found[h] - 1 for h in contract.SETTING_COLUMNS)
    by_name = {parse.normalize_header(s.name): s for s in contract.SETTINGS}
    out: dict[str, Setting] = {}
    for ri in range(hrow + 1, len(rows)):
        row = rows[ri]
        name = row[c_name] if c_name < len(row) else None
        definition = by_name.get(parse.normalize_header(name))
        if definition is None:
            continue
        raw = row[c_value] if c_value < len(row) else None
        cell = cell_ref(ri + 1, c_value + 1)
        try:
            value, bad = parse_value(definition, raw), None
        except ValueError as exc:  # reported by the settings schema, with this reason
            value, bad = None, str(exc)
        out[definition.name] = Setting(definition.name, value, raw, cell, bad)
    return out


@contextlib.contextmanager
def without_gc():
    """For building many objects and no reference cycles (rows, records, documents): the cyclic collector would
    walk the growing heap again and again (a fifth of the reading time on a large book). Nothing is lost: it
    runs again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _sheet_lookup(name: str) -> str:
    return sheet_key(" ".join(str(name).replace("\u00a0", " ").split()))


def build_workbook_data(
    path: Path | None,
    names: list[str],
    sheet_rows: Callable[[str], tuple[list[list[Any]], list[tuple[int, int, int, int]]]],
) -> WorkbookData:
    """Every input sheet as a table, whatever reads the cells: `sheet_rows(name)` gives a sheet's rows and
    merged ranges (calamine for files, xlwings for a live book)."""
    findings: list[Finding] = []
    by_norm = {_sheet_lookup(n): n for n in names}  # as Excel compares sheet names; spaces tolerated
    settings: dict[str, Setting] = {}
    actual = by_norm.get(_sheet_lookup(contract.SETTINGS_SHEET))
    if actual is None:
        findings.append(
            Finding(
                ERROR,
                TEMPLATE_RULE,
                contract.SETTINGS_SHEET,
                None,
                "'Ayarlar' sayfası bulunamadı; bu kitap şablondan yapılmamış olabilir.",
            )
        )
    else:
        settings = _read_settings(sheet_rows(actual)[0], findings)
    version_setting = settings.get(contract.S_VERSION)
    version = parse.text(version_setting.value) if version_setting else None
    _refuse_newer(version)
    read_as = version if _known_version(version) else contract.TEMPLATE_VERSION
    tables: dict[str, Table] = {}
    for definition in contract.sheets_for(read_as):
        actual = by_norm.get(_sheet_lookup(definition.name))
        if actual is None:
            kind = settings.get(contract.S_KIND)
            district = kind is not None and rules.board_kind_of(kind.value) is rules.BoardKind.DISTRICT
            if not (definition.province_only and district):
                findings.append(
                    Finding(ERROR, TEMPLATE_RULE, definition.name, None, f"'{definition.name}' sayfası bulunamadı.")
                )
            continue
        rows, merged = sheet_rows(actual)
        tables[definition.name] = read_table(definition.name, rows, definition, read_as, merged, findings)
    state = {name: sheet_rows(name)[0] for name in contract.STATE_SHEETS if name in names}
    return WorkbookData(path, names, settings, tables, version, findings, state)


def _refuse_newer(version: str | None) -> None:
    try:
        newer = version is not None and contract.version_tuple(version) > contract.version_tuple(
            contract.TEMPLATE_VERSION
        )
    except ValueError:
        return
    if newer:
        raise NewerTemplate(
            f"Bu kitap daha yeni bir şablonla (sürüm {version}) yapılmış; bu program en çok "
            f"{contract.TEMPLATE_VERSION} sürümünü okuyabilir. Lütfen gockurul'u güncelleyin.",
            sheet=contract.SETTINGS_SHEET,
        )


def _known_version(version: str | None) -> bool:
    try:
        return version is not None and contract.version_tuple(version) <= contract.version_tuple(
            contract.TEMPLATE_VERSION
        )
    except ValueError:
        return False


def workbook_from_rows(
    settings: dict[str, Any],
    rows: dict[str, list[list[Any]]],
    *,
    state: dict[str, list[list[Any]]] | None = None,
    version: str = contract.TEMPLATE_VERSION,
    path: Path | None = None,
) -> WorkbookData:
    """A workbook held in memory, read exactly as a file would be: `settings` by name, `rows[sheet]` in the
    contract's column order for `version` (as files.fill writes them), `state` the rows (header first) of
    generated sheets the core reads back. For tests and callers that have no file; nothing touches the disk."""
    values = {s.name: contract.default_setting(s, version) for s in contract.settings_for(version)}
    values.update(settings)
    sheets: dict[str, list[list[Any]]] = {
        contract.SETTINGS_SHEET: [list(contract.SETTING_COLUMNS), *([name, v] for name, v in values.items())]
    }
    for definition in contract.sheets_for(version):
        headers = [c.header for c in definition.columns]
        body = [list(r) + [None] * (len(headers) - len(r)) for r in rows.get(definition.name, [])]
        sheets[definition.name] = [headers, *body]
    sheets.update(state or {})
    return build_workbook_data(path, list(sheets), lambda name: (sheets[name], []))
