"""The shipped JSON Schemas of the platform documents: loading, validation and Turkish messages."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from .. import contract
from ..core.schemacheck import SchemaCheck
from ..errors import EXIT_FATAL, EXIT_FINDINGS, GocKurulError
from .codes import READABLE_SCHEMA_VERSIONS, SCHEMA_KINDS, SCHEMA_VERSION


@cache
def load_schema(kind: str) -> dict:
    """The shipped JSON Schema of a document kind (`toplanti`, …, `manifest`)."""
    if kind not in SCHEMA_KINDS:
        raise GocKurulError(f"'{kind}' bilinen bir platform belgesi türü değil (türler: {', '.join(SCHEMA_KINDS)}).")
    text = (resources.files("gockurul_excel") / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def document_validator(kind: str) -> SchemaCheck:
    return SchemaCheck(load_schema(kind))


def _path_key(err) -> tuple:
    return (
        tuple((0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in err.absolute_path),
        str(err.validator),
        err.message,
    )


def schema_errors(kind: str, doc: Any) -> list:
    return sorted(document_validator(kind).errors(doc), key=_path_key)


def json_path(parts: Iterable) -> str:
    """('kararlar', 2, 'verilen_sure') -> 'kararlar[2].verilen_sure' (indexes from 0)."""
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(belgenin kendisi)"


TYPE_WORDS = {
    "string": "metin",
    "integer": "tam sayı",
    "number": "sayı",
    "boolean": "true/false",
    "array": "liste",
    "object": "nesne",
    "null": "null",
}


PATTERN_HINTS = {
    "^([01][0-9]|2[0-3]):[0-5][0-9]$": "SS:DD biçiminde saat, ör. 10:00",
    "^[a-z0-9]+(-[a-z0-9]+)*$": "küçük harf, rakam ve tire, ör. gaziantep-2025-toplanti-3",
    "^[0-9a-f]{64}$": "64 küçük onaltılık karakterlik SHA-256 özeti",
    "^[a-z0-9]+(-[a-z0-9]+)*\\.json$": "klasörsüz bir .json dosya adı",
    "^[a-z0-9]+(-[a-z0-9]+)*\\.csv$": "klasörsüz bir .csv dosya adı",
}


def shown_value(value: Any, limit: int = 60) -> str:
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


def required_name(err) -> str:
    m = re.match(r"^'(.*)' is a required property$", err.message)
    return m.group(1) if m else "?"


def extra_names(err) -> list[str]:
    allowed = set((err.schema or {}).get("properties", {}))
    return sorted(k for k in (err.instance or {}) if k not in allowed)


def expected_text(err) -> str:
    """What the schema wanted at the error's place, in Turkish (the document's own vocabulary)."""
    v, want, got = err.validator, err.validator_value, err.instance
    found = f"; bulunan: {shown_value(got)}"
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
        allowed = ", ".join(shown_value(x) for x in want)
        return f"şu değerlerden biri olmalı: {allowed}{found}"
    if v == "const":
        return f"{shown_value(want)} olmalı{found}"
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
    for err in schema_errors(kind, doc):
        path = tuple(err.absolute_path)
        if err.validator == "required":
            problems.append(f"{json_path((*path, required_name(err)))}: {expected_text(err)}")
        elif err.validator == "additionalProperties":
            problems += [f"{json_path((*path, name))}: {expected_text(err)}" for name in extra_names(err)]
        else:
            problems.append(f"{json_path(path)}: {expected_text(err)}")
    return problems


class DocumentError(GocKurulError):
    """A platform document (or folder) that cannot be used; `problems` lists every violation. Exit code 1 for
    schema violations (like `kontrol` with errors), 2 when the file cannot be read as a document at all."""

    exit_code = EXIT_FINDINGS

    def __init__(
        self, name: str, problems: list[str], intro: str | None = None, limit: int = 50, unreadable: bool = False
    ):
        self.name = name
        self.problems = problems
        if unreadable:
            self.exit_code = EXIT_FATAL
        listed = "\n".join(f"- {p}" for p in problems[:limit])
        more = f"\n- … ve {len(problems) - limit} sorun daha." if len(problems) > limit else ""
        intro = intro or f"'{name}' platform belgesi şemaya uymuyor ({len(problems)} sorun):"
        super().__init__(f"{intro}\n{listed}{more}")


def _detect(doc: Any) -> str:
    if not isinstance(doc, dict):
        raise GocKurulError(f"Platform belgesi bir JSON nesnesi ({{…}}) olmalı; bulunan: {shown_value(doc)}.")
    kind = doc.get("belge_turu")
    version = doc.get("sema_surumu")
    if kind not in SCHEMA_KINDS:
        known = ", ".join(SCHEMA_KINDS)
        raise GocKurulError(f"Belge türü tanınmadı: 'belge_turu' {shown_value(kind)}; şunlardan biri olmalı: {known}.")
    if version not in READABLE_SCHEMA_VERSIONS:
        try:
            newer = contract.version_tuple(str(version)) > contract.version_tuple(SCHEMA_VERSION)
        except ValueError:
            newer = False
        if newer:
            raise GocKurulError(
                f"Bu belge daha yeni bir şema sürümüyle ({version}) yazılmış; bu program "
                f"{SCHEMA_VERSION} sürümünü okuyabilir. Lütfen gockurul'u güncelleyin."
            )
        raise GocKurulError(
            f"'sema_surumu' {shown_value(version)} bilinmiyor; bu program {SCHEMA_VERSION} sürümünü okur."
        )
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


def _type_text(prop: dict) -> str:
    if "const" in prop:
        return f"sabit {shown_value(prop['const'])}"
    if "enum" in prop:
        values = [v for v in prop["enum"] if v is not None]
        text = "bir değer" if len(values) > 8 else "bir değer: " + ", ".join(f"`{v}`" for v in values)
        return text + (" ya da null" if None in prop["enum"] else "")
    types = prop.get("type")
    types = types if isinstance(types, list) else [types]
    word = {
        "string": "tarih (YYYY-AA-GG)" if prop.get("format") == "date" else "metin",
        "integer": "tam sayı",
        "boolean": "true/false",
        "array": "liste",
        "object": "nesne",
    }
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
        out += [
            f"#### `{kind}` — {schema['title']}",
            "",
            schema["description"],
            "",
            "| Alan | Tür | Açıklama |",
            "|---|---|---|",
        ]

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
