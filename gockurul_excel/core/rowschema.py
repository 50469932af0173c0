"""Row-level structure of the input sheets (required, kinds, closed lists) as one JSON Schema per sheet, generated
from the contract, and the template findings of rows and settings that break it. Pure: no file access."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import cache, partial
from itertools import chain, compress, repeat
from operator import attrgetter, is_, is_not, itemgetter

from .. import contract, rules
from ..findings import ERROR, WARNING, Finding
from . import parse
from .model import TEMPLATE_RULE, WorkbookData
from .records import Record
from .schemacheck import SchemaCheck

LEVEL_KEY = "x-duzey"  # schema annotation: a violation of this property is only a warning


def _column_schema(col: contract.Column | contract.Setting) -> dict:
    kind = col.kind
    if kind == "enum":
        return {"enum": list(contract.lists()[col.choices])}
    if kind == "int":
        name = col.header if isinstance(col, contract.Column) else col.name
        maximum = contract.INT_MAXIMA.get(name)
        return {
            "type": "integer",
            "minimum": contract.INT_MINIMA.get(name, 0),
            **({"maximum": maximum} if maximum is not None else {}),
        }
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


def _instances(records: list[Record], headers: list[str] | None = None) -> list[dict]:
    """`_instance` of every record (of its `headers` only, when given), built column by column: a column of plain
    values (text, whole numbers, lists: most of them) is taken as it is, in C, and only the other cells are looked
    at one by one."""
    if not records:
        return []
    layout = records[0].layout
    headers = list(layout.index) if headers is None else headers
    columns = []
    for header in headers:
        values = list(map(itemgetter(header), records))
        if not set(map(type, values)) <= _PLAIN_KINDS:  # dates, and empty values whose cell held something
            i = layout.index[header]
            raw = [r.raw_cells[i] for r in records]
            values = [
                v
                if v.__class__ in _PLAIN
                else (
                    v.isoformat()
                    if v.__class__ is dt.date
                    else None
                    if v is None and (c is None or c == "")
                    else _json_value(v, c)
                )
                for v, c in zip(values, raw, strict=True)
            ]
        columns.append(values)
    return [{h: v for h, v in zip(headers, row, strict=True) if v is not None} for row in zip(*columns, strict=True)]


_PLAIN_KINDS = {str, int, list}
_NONE = type(None)
_LENGTHS = {"key": 50, "text": 32767}
# Narrower than the schema's patterns (_column_schema), in ASCII: a value matching one matches the schema's.
_SAFE_PATTERNS = {
    "time": re.compile(r"[0-9]{2}:[0-9]{2}"),
    "phone": re.compile(r"[0-9 +()./-]{7,24}"),
    "email": re.compile(r"[!-?A-~]+@[!-?A-~]+\.[!-?A-~]+"),
}


def _column_passes(col: contract.Column, values: list, raws: Callable[[], list], required: bool) -> bool:
    """Whether no cell of a column can break its schema, decided for the whole column in C (sets, min/max): such a
    column need not be put in the rows the validator sees (most columns of a large book). Kinds whose schema is a
    regular expression (time, phone, e-mail) pass only what a stricter, ASCII-only Python pattern accepts (whatever
    it lets through the schema's own pattern accepts too); the rest is left to the validator."""
    kinds = set(map(type, values))
    if _NONE in kinds:
        if required:
            return False
        # an empty value whose cell held something is text the schema sees
        if not set(compress(raws(), map(is_, values, repeat(None)))) <= {None, ""}:
            return False
        kinds.discard(_NONE)
        values = list(filter(partial(is_not, None), values))
    if not values:
        return True
    kind = col.kind
    if kind == "enum":
        return kinds <= {str} and set(values) <= _choices(col.choices)
    if kind == "int":
        name = col.header if isinstance(col, contract.Column) else col.name
        most = contract.INT_MAXIMA.get(name)
        return (
            kinds <= {int} and min(values) >= contract.INT_MINIMA.get(name, 0) and (most is None or max(values) <= most)
        )
    if kind == "date":
        return kinds <= {dt.date}
    if kind in _LENGTHS:
        return kinds <= {str} and max(map(len, values)) <= _LENGTHS[kind]
    if kind in _SAFE_PATTERNS:
        return kinds <= {str} and all(map(_SAFE_PATTERNS[kind].fullmatch, values))
    if kind == "list":
        items = list(chain.from_iterable(values))
        return (
            kinds <= {list}
            and min(map(len, values)) >= 1
            and set(map(type, items)) <= {str}
            and max(map(len, items), default=0) <= _LENGTHS["text"]
        )
    return False


@cache
def _choices(name: str) -> frozenset[str]:
    return frozenset(contract.lists()[name])


def _raw_column(records: list[Record], i: int) -> list:
    return list(map(itemgetter(i), map(attrgetter("raw_cells"), records)))


def _to_validate(table, required: set[str]) -> list[str]:
    """The columns of a table (in sheet order) some cell of which the schema might refuse."""
    records = table.records
    layout = records[0].layout
    out = []
    for header, i in layout.index.items():
        values = list(map(itemgetter(header), records))
        raws = partial(_raw_column, records, i)
        if not _column_passes(table.definition.column(header), values, raws, header in required):
            out.append(header)
    return out


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


def _schema_findings(
    sheet: str, columns: dict, instance: dict, cells: Callable[[str], str | None], bad: dict[str, str], errors: list
) -> Iterator[Finding]:
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
        elif err.validator == "minimum" and err.validator_value:
            msg = f"'{header}' en az {err.validator_value} olabilir; '{shown}' yazılmış."
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
    kind_key = kind if kind in contract.lists()["KurulTuru"] else None
    required = settings_schema(kind_key)["required"]
    if all(name in data.settings for name in required) and all(
        _column_passes(defs[name], [s.value], partial(list, (s.raw,)), name in required)
        for name, s in data.settings.items()
    ):
        errors = []  # every setting passes on its own: no validator to load (most books)
    else:
        errors = _validator(("settings", kind_key)).errors(instance)
    bad = {name: s.bad for name, s in data.settings.items() if s.bad}
    for f in _schema_findings(contract.SETTINGS_SHEET, defs, instance, settings_cells.get, bad, errors):
        # A setting an older template did not have is not missing.
        if f.message.endswith("boş bırakılamaz.") and not any(f.message.startswith(f"'{n}'") for n in present):
            continue
        yield f
    if contract.S_VERSION in data.settings and not _valid_version(version):
        yield Finding(
            ERROR,
            TEMPLATE_RULE,
            contract.SETTINGS_SHEET,
            data.settings[contract.S_VERSION].cell,
            f"Şablon Sürümü '{version}' okunamadı.",
        )


def _valid_version(version: str) -> bool:
    try:
        contract.version_tuple(version)
        return True
    except ValueError:
        return False


def schema_findings(data: WorkbookData) -> list[Finding]:
    """What the schemas find in the settings and in every row of every input sheet, in sheet and row order."""
    findings = list(_settings_findings(data))
    for name, table in data.tables.items():
        records = table.records
        if not records:
            continue
        required = {c.header for c in table.definition.columns if c.required and c.header in table.columns}
        headers = _to_validate(table, required)
        if not headers:
            continue  # every column passes as a whole
        validator = _validator(("row", name, tuple(sorted(headers))))
        columns = {h: table.definition.column(h) for h in table.columns}
        instances = _instances(records, headers)
        for i, errors in validator.errors_of_many(instances):
            r = records[i]
            findings.extend(_schema_findings(name, columns, instances[i], r.cell, r.bad, errors))
    return findings
