"""An export's files in memory: every document as canonical JSON, the optional CSV files and the manifest
with their SHA-256, all validated; nothing is written here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from ..core import jsontext
from ..core.model import WorkbookData
from ..errors import GocKurulError
from .codes import (
    ACTION_PLAN,
    ANNUAL_REPORT,
    DATA_SHARING,
    KIND_NAMES,
    MANIFEST,
    MANIFEST_FILE,
    MEETING,
    PRODUCER,
    PROJECTS,
    SCHEMA_VERSION,
    label_of,
)
from .csvfiles import csv_files
from .documents import build_export
from .schemas import document_problems, load_schema


def dumps(doc: dict) -> bytes:
    """The canonical bytes of a document: UTF-8, two-space indent, sorted keys, final newline (core.jsontext).
    Every document is validated before it is written and no shipped schema admits a number that is not an
    integer, so the compiled encoder's bytes are those of the standard library."""
    return jsontext.dumps(doc, sort_keys=True)


def _counts(doc: dict) -> dict[str, int]:
    return {k: len(v) for k, v in sorted(doc.items()) if isinstance(v, list)}


def sha256_hex(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


@dataclass
class PlatformFiles:
    files: dict[str, bytes]  # file name -> content, manifest.json last
    documents: dict[str, dict]
    manifest: dict


def render_platform(data: WorkbookData, *, personal_data: bool = False, csv: bool = False) -> PlatformFiles:
    """Every file of an export (documents, optional CSV, manifest), validated; nothing is written."""
    ctx, documents = build_export(data, personal_data)
    files = {name: dumps(doc) for name, doc in documents.items()}
    base = ctx.base
    csv_entries = []
    if csv:
        for name, (payload, n) in csv_files(base, documents).items():
            files[name] = payload
            csv_entries.append({"dosya": name, "sha256": sha256_hex(payload), "bayt": len(payload), "satir_sayisi": n})
    manifest = {
        "sema_surumu": SCHEMA_VERSION,
        "belge_turu": MANIFEST,
        "kimlik": base,
        **ctx.header,
        "uretici": PRODUCER,
        "telefon_maskeli": not personal_data,
        "belgeler": [
            {
                "dosya": name,
                "belge_turu": doc["belge_turu"],
                "sema": load_schema(doc["belge_turu"])["$id"],
                "sha256": sha256_hex(files[name]),
                "bayt": len(files[name]),
                "toplanti_no": doc.get("toplanti_no") if doc["belge_turu"] == MEETING else None,
                "kayit_sayilari": _counts(doc),
            }
            for name, doc in documents.items()
        ],
        "csv_dosyalari": csv_entries,
    }
    problems = document_problems(manifest, MANIFEST)
    if problems:  # a bug, not the user's data
        raise GocKurulError("manifest.json şemaya uymuyor: " + "; ".join(problems))
    files[MANIFEST_FILE] = dumps(manifest)
    return PlatformFiles(files, documents, manifest)


def summary(doc: dict) -> str:
    """One Turkish line about a valid document (for `platform-oku`)."""
    kind = doc["belge_turu"]
    place = doc["il"] + (f" / {doc['ilce']}" if doc.get("ilce") else "")
    if kind == MEETING:
        day = dt.date.fromisoformat(doc["tarih"])
        return (
            f"Toplantı {doc['toplanti_no']} ({label_of(doc['kategori'])}, {place}, {day:%d.%m.%Y}): "
            f"{doc['katilimci_sayisi']} katılımcı, {len(doc['konu_basliklari'])} konu, "
            f"{len(doc['tespit_edilen_sorunlar'])} sorun, {len(doc['kararlar'])} karar"
            + ("; telefonlar maskeli." if doc["telefon_maskeli"] else "; telefonlar tam (kişisel veri).")
        )
    if kind == ANNUAL_REPORT:
        return (
            f"{doc['yil']} yılı Yıllık Değerlendirme Raporu ({place}): {len(doc['temel_sorunlar'])} sorun, "
            f"{doc['karar_ozeti']['toplam']} karar, {len(doc['cozulemeyen_sorunlar'])} çözülemeyen sorun."
        )
    if kind == MANIFEST:
        return f"Dosya listesi ({place}, {doc['yil']}): {len(doc['belgeler'])} belge, {len(doc['csv_dosyalari'])} CSV."
    lists = {ACTION_PLAN: ("eylemler", "eylem"), PROJECTS: ("projeler", "proje"), DATA_SHARING: ("kayitlar", "kayıt")}
    list_name, word = lists[kind]
    return f"{KIND_NAMES[kind][0].upper()}{KIND_NAMES[kind][1:]} ({place}, {doc['yil']}): {len(doc[list_name])} {word}."
