"""Flat CSV files of an export, for Excel (UTF-8 with BOM, ';', formula-like cells neutralised)."""

from __future__ import annotations

import csv as csvlib
import io
from collections.abc import Iterable
from typing import Any

from .codes import ACTION_PLAN, DATA_SHARING, MEETING, PROJECTS
from .fields import ACTION_FIELDS, DECISION_FIELDS, PARTICIPANT_FIELDS, PROJECT_FIELDS, SHARING_FIELDS

# CSV for Excel: UTF-8 with BOM (Excel then reads Turkish letters right) and ';' — the list separator of
# Turkish Windows, where ',' is the decimal comma; Excel opens such a file in columns on a double click.
CSV_DELIMITER = ";"


CSV_ENCODING = "utf-8-sig"


# A cell starting with one of these is a formula to Excel / LibreOffice (OWASP "CSV injection"); the
# full-width forms count too in East Asian Excel.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


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
            rows.append(
                {
                    k: d[k]
                    for k in ("kimlik", "toplanti_no", "kategori", "tur", "tarih", "saat", "yer", "katilimci_sayisi")
                }
            )
        elif part == "konu-basliklari":
            rows += [{"toplanti_no": no, "sira": i, "konu": t} for i, t in enumerate(d["konu_basliklari"], start=1)]
        elif part == "sorunlar":
            solutions = {s["sorun_no"]: s["oneri"] for s in d["cozum_onerileri"]}
            rows += [
                {"toplanti_no": no, **p, "cozum_onerisi": solutions.get(p["no"])} for p in d["tespit_edilen_sorunlar"]
            ]
        else:  # kararlar, katilimcilar
            rows += [{"toplanti_no": no, **item} for item in d[part]]
    return rows


# (file part, document kind, list in the document or None for meeting rows, columns)
CSV_TABLES = (
    (
        "toplantilar",
        MEETING,
        None,
        ("kimlik", "toplanti_no", "kategori", "tur", "tarih", "saat", "yer", "katilimci_sayisi"),
    ),
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


def csv_files(base: str, documents: dict[str, dict]) -> dict[str, tuple[bytes, int]]:
    by_kind: dict[str, list[dict]] = {}
    for doc in documents.values():
        by_kind.setdefault(doc["belge_turu"], []).append(doc)
    out = {}
    for part, kind, list_name, columns in CSV_TABLES:
        docs = by_kind.get(kind, [])
        rows = _meeting_rows(docs, part) if list_name is None else [r for d in docs for r in d[list_name]]
        out[f"{base}-{part}.csv"] = (csv_bytes(columns, rows), len(rows))
    return out
