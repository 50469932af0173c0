"""`ulusal`: the Presidency's roll-up of many provinces' platform documents into one summary workbook.

Reads every platform folder (a folder with `manifest.json`) under a folder, recursively, each validated by
`platform.read_folder` (schema and SHA-256), into the rows core/national.py counts. A folder that cannot be
used is listed in `Okunamayanlar`, the rest are summed. The sheets are built by sheets/national.py and written
by the package writer, like every other generated sheet.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..core.national import (
    BY_YEAR_COLUMNS,
    SUMMARY_COLUMNS,
    Decision,
    Documents,
    Meeting,
    Report,
    by_year,
    combine,
    summarise,
)
from ..errors import GocKurulError, InvalidArgument, os_reason
from ..platform.codes import ANNUAL_REPORT, MANIFEST_FILE, MEETING
from ..sheets.national import national_sheets
from .atomic import save_atomic
from .platform_folder import read_folder
from .sources import choose_sources
from .writer import write_sheets


def _progress(results, folders: list[Path], progress: Callable[[str], None] | None):
    for i, (folder, r) in enumerate(zip(folders, results, strict=False), start=1):
        if progress and (i == 1 or i % 50 == 0 or i == len(folders)):
            progress(f"[{i}/{len(folders)}] {folder.name}")
        yield r


def _folders(root: Path, skipped: list[tuple[Path, str]] | None = None) -> list[Path]:
    """The platform folders under `root`, chosen as `birlestir` chooses its sources: never in `Yedekler/`, hidden
    or lock folders; what was left out goes to `skipped`."""
    taken, left_out = choose_sources([Path(root)])
    if skipped is not None:
        skipped.extend(left_out)
    folders = [p for p in taken if p.is_dir() and (p / MANIFEST_FILE).is_file()]
    if (Path(root) / MANIFEST_FILE).is_file():
        folders = [Path(root)]
    return sorted(folders, key=str)


def _read_one(folder: Path) -> tuple[Documents, str | None]:
    """The rows of one platform folder (validated by `read_folder`), or the reason it cannot be used."""
    try:
        docs = read_folder(folder)
    except GocKurulError as exc:  # one unusable document: its folder is listed, the run goes on
        lines = exc.full_message().splitlines()
        return Documents([], [], []), " ".join(lines[:2]) if len(lines) > 1 else lines[0]
    except OSError as exc:
        return Documents([], [], []), f"okunamadı: {os_reason(exc)}"
    return document_rows(docs), None


def document_rows(docs: list[dict]) -> Documents:
    """The rows core.national counts, from one folder's documents (as platform.read_folder returns them)."""
    out = Documents([], [], [])
    for d in docs:
        head = (d["il"], d["ilce"] or "", d["kurul_turu"], d["yil"])
        if d["belge_turu"] == MEETING:
            # a 1.0 document has no foreign population: None, and the province's requirement is unknown
            out.meetings.append(
                Meeting(*head, d["kimlik"], d["kategori"], d["tur"], d["tarih"], d.get("yabanci_nufusu"))
            )
            out.decisions.extend(
                Decision(*head, d["kimlik"], k["no"], k["durum"], k["verilen_sure"]) for k in d["kararlar"]
            )
        elif d["belge_turu"] == ANNUAL_REPORT:
            out.annual.append(Report(*head, d["kimlik"]))
    return out


PARALLEL_FROM = 40  # folders; below this a process pool costs more than it saves


def load_documents(
    root: Path,
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
    skipped: list[tuple[Path, str]] | None = None,
    taken: list[Path] | None = None,
) -> tuple[Documents, list[tuple[str, str]]]:
    """(the rows of every platform folder under `root`, each export once; problems).

    Folders are read in a process pool: reading, hashing and validating (jsonschema-rs, see schemacheck) 9,348
    documents takes 1.35 s in one process and 1.17 s with two (bench/national_bench.py, 2 cores)."""
    from concurrent.futures import ProcessPoolExecutor

    root = Path(root)
    problems: list[tuple[str, str]] = []
    folders = _folders(root, skipped)
    if taken is not None:
        taken.extend(folders)
    workers = workers if workers is not None else min(os.cpu_count() or 1, 8)
    if workers > 1 and len(folders) >= PARALLEL_FROM:
        with ProcessPoolExecutor(workers) as pool:
            results = pool.map(_read_one, folders, chunksize=max(1, len(folders) // (workers * 4)))
            parts = list(_progress(results, folders, progress))
    else:
        parts = list(_progress(map(_read_one, folders), folders, progress))
    for folder, (_, problem) in zip(folders, parts, strict=True):
        if problem is not None:
            problems.append((str(folder.relative_to(root)) if folder != root else folder.name, problem))
    return combine(rows for rows, _ in parts), problems


def national_rollup(
    folder: Path,
    output: Path,
    *,
    today: dt.date | None = None,
    populations: dict[str, int] | None = None,
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
    skipped: list[tuple[Path, str]] | None = None,
    taken: list[Path] | None = None,
) -> Path:
    """Write the summary workbook `output` (a new file, written atomically) and return its path."""
    folder, output = Path(folder), Path(output)
    today = today or dt.date.today()
    if not folder.is_dir():
        raise InvalidArgument(f"'{folder}' bir klasör değil.")
    if not _folders(folder):
        raise InvalidArgument(f"'{folder}' altında platform klasörü (manifest.json içeren klasör) bulunamadı.")
    documents, problems = load_documents(folder, progress, workers, skipped, taken)
    summary = summarise(documents, today=today, populations=populations)
    table = (list(SUMMARY_COLUMNS.values()), [[row[c] for c in SUMMARY_COLUMNS] for row in summary])
    specs = national_sheets(
        table, (list(BY_YEAR_COLUMNS), by_year(summary)), problems, today=today, with_population=True
    )
    _write_new(output, specs)
    return output


def _write_new(output: Path, specs: list) -> None:
    """A workbook of generated sheets only, as a new file: an empty package (its one sheet named as the first
    spec, so that the spec replaces it), the specs written into it by the package writer, then moved into place
    in one atomic save."""
    from openpyxl import Workbook

    fd, name = tempfile.mkstemp(prefix=".~gockurul-ulusal-", suffix=".xlsx", dir=output.absolute().parent)
    os.close(fd)
    scratch = Path(name)
    try:
        wb = Workbook()
        wb.active.title = specs[0].name
        wb.save(scratch)
        write_sheets(scratch, specs, make_backup=False, owned=frozenset({specs[0].name}))
        payload = scratch.read_bytes()
    finally:
        scratch.unlink(missing_ok=True)
    save_atomic(output, lambda f: f.write(payload), make_backup=output.exists())
