"""Platform folders on disk: an export written all or nothing beside the workbook, and documents and
folders read back (validated against the shipped schemas, with their SHA-256 checked).

A folder belongs to one workbook: an export goes into a folder that is new, or holds only other files, or holds
the previous export of the same workbook (its manifest.json says which); it replaces and removes only what that
manifest listed. JSON is read with limits on size and depth before it is parsed: a hostile document is refused
with a Turkish message naming the file, never an interpreter error.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GocKurulError, os_error_message, os_reason
from ..platform.bundle import sha256_hex
from ..platform.codes import MANIFEST, MANIFEST_FILE, MEETING
from ..platform.schemas import DocumentError, validate_document
from .atomic import KEEP_LAST, fsync_dir, left_by_dead_runs, resolve
from .safety import OWN_PREFIX, host_tag, own_lock

TEMP_PREFIX = OWN_PREFIX + "-platform-"
MAX_JSON_BYTES = 20 * 2**20  # a meeting's document is a few kilobytes; a year's manifest well under a megabyte


def _unreadable(name: str, why: str) -> DocumentError:
    return DocumentError(name, [why], f"'{name}' okunamadı:", unreadable=True)


def _too_deep(name: str) -> DocumentError:
    return _unreadable(
        name, "iç içe liste/nesne düzeyi çok fazla; bozuk ya da kasıtlı olarak hazırlanmış bir dosya olabilir"
    )


def _not_json(token: str) -> Any:
    raise ValueError(f"{token} JSON'da geçerli değil")  # NaN, Infinity: Python reads them, JSON has no such thing


_DECODER = json.JSONDecoder(parse_constant=_not_json)  # made once: json.loads with an argument makes one a call


def load_json(data: bytes | str, name: str) -> Any:
    """JSON from an outside file, within limits: at most MAX_JSON_BYTES, checked before parsing; the depth is
    limited by the parser's recursion guard (a hostile `[` × 100,000 stops with RecursionError, turned here into
    the Turkish message), and a platform document's closed schema limits it further (`_validated`). NaN and
    Infinity, which Python reads and JSON has not, are refused. DocumentError (Turkish, naming the file)."""
    if len(data) > MAX_JSON_BYTES:
        raise _unreadable(
            name,
            f"dosya çok büyük ({len(data) / 2**20:.1f} MB; bir platform belgesi en çok "
            f"{MAX_JSON_BYTES // 2**20} MB olabilir)",
        )
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _unreadable(name, "dosya UTF-8 değil") from None
    try:
        return _DECODER.decode(data)
    except RecursionError:
        raise _too_deep(name) from None
    except ValueError as exc:
        if hasattr(exc, "lineno"):
            where = f"satır {exc.lineno}, sütun {exc.colno}"
        elif "JSON'da geçerli değil" in str(exc):
            where = str(exc)
        else:  # Python's own limits (an integer of thousands of digits): its English sentence stays in the log
            where = "bir sayı ya da değer okunamayacak kadar uzun"
        raise _unreadable(name, f"geçerli bir JSON değil ({where})") from None


def _validated(doc: Any, name: str) -> dict:
    """`validate_document`; a document nested almost as deep as the parser allows may still exhaust the
    recursion of the error report (a valid one cannot: every schema is closed and shallow)."""
    try:
        return validate_document(doc, name)
    except RecursionError:
        raise _too_deep(name) from None


def read_json_file(path: Path, name: str | None = None) -> Any:
    """`load_json` of a file, its size checked before it is read."""
    name = name or path.name
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):  # a folder, a pipe or a device: nothing to read (a pipe would never end)
        raise _unreadable(name, "bu bir dosya değil (klasör ya da özel bir dosya)")
    size = st.st_size
    if size > MAX_JSON_BYTES:
        raise _unreadable(
            name,
            f"dosya çok büyük ({size / 2**20:.1f} MB; bir platform belgesi en çok "
            f"{MAX_JSON_BYTES // 2**20} MB olabilir)",
        )
    return load_json(path.read_bytes(), name)


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


IDENTITY = ("kimlik", "kurul_turu", "il", "ilce", "yil")  # the workbook an export belongs to (its manifest)


def _board(manifest: dict) -> str:
    where = manifest.get("il") or "?"
    if manifest.get("ilce"):
        where += f" / {manifest['ilce']}"
    return f"{where} {manifest.get('yil', '')}".strip()


def _previous_export(out_dir: Path, files: dict[str, bytes]) -> list[str]:
    """The files of this workbook's previous export in `out_dir` (from its manifest.json): the only ones an
    export replaces or removes. Refused: a folder holding another workbook's export, a manifest.json this
    program did not write, a file of the new set's names that the previous manifest did not list, a read-only
    file."""
    manifest_path = out_dir / MANIFEST_FILE
    previous: list[str] = []
    if manifest_path.exists():
        try:
            old = read_document(manifest_path)
            if old.get("belge_turu") != MANIFEST:
                raise GocKurulError("dosya listesi değil")
        except GocKurulError:
            raise GocKurulError(
                f"'{out_dir}' klasöründeki {MANIFEST_FILE} bu programın yazdığı bir dosya listesi değil; klasördeki "
                "hiçbir dosyaya dokunulmadı, platform dosyaları yazılmadı. Platform dosyaları için yeni ya da boş "
                "bir klasör verin."
            ) from None
        new = json.loads(files[MANIFEST_FILE]) if MANIFEST_FILE in files else {}
        if any(old.get(k) != new.get(k) for k in IDENTITY):
            raise GocKurulError(
                f"'{out_dir}' klasöründe başka bir kitabın platform dosyaları var ({_board(old)}, "
                f"{old.get('kurul_turu', '?')} kurulu); üzerlerine yazılmadı ve hiçbiri silinmedi. Bu kitabın "
                f"({_board(new)}) dosyaları için başka bir klasör verin."
            )
        previous = _unchanged(out_dir, [*old["belgeler"], *old["csv_dosyalari"]])
    foreign = sorted(n for n in files if n != MANIFEST_FILE and n not in previous and (out_dir / n).exists())
    if foreign:
        shown = ", ".join(f"'{n}'" for n in foreign[:5]) + (
            f" ve {len(foreign) - 5} dosya daha" if len(foreign) > 5 else ""
        )
        raise GocKurulError(
            f"'{out_dir}' klasöründe bu programın bu kitap için yazmadığı, yeni dosyalarla aynı adlı dosyalar var "
            f"({shown}); üzerlerine yazılmadı, platform dosyaları yazılmadı. Başka bir klasör verin ya da bu "
            "dosyaları taşıyın."
        )
    read_only = [n for n in {*previous, *files} if _read_only(out_dir / n)]
    if read_only:
        raise GocKurulError(
            f"'{out_dir}' klasöründe salt okunur dosyalar var ({', '.join(sorted(read_only)[:5])}); "
            "platform dosyaları yazılmadı. 'Salt okunur' işaretini kaldırıp tekrar deneyin."
        )
    return previous


def _unchanged(out_dir: Path, entries: list) -> list[str]:
    """The manifest's files that are one name inside `out_dir` and still hold the bytes it recorded (sha256): the
    only ones an export may replace or remove. A forged or stale line, or a file edited since, is left alone."""
    out = []
    for e in entries:
        name = e.get("dosya") if isinstance(e, dict) else None
        if (
            not isinstance(name, str)
            or name in ("", ".", "..", MANIFEST_FILE)
            or Path(name).name != name
            or "\\" in name
            or "/" in name
            or ":" in name
        ):
            continue
        path = out_dir / name
        try:
            if path.is_symlink() or not path.is_file() or path.stat().st_size > 4 * MAX_JSON_BYTES:
                continue
            if sha256_hex(path.read_bytes()) == e.get("sha256"):
                out.append(name)
        except OSError:
            continue
    return out


def _keep_backup(old: Path, out_dir: Path) -> Path | None:
    """The files an export replaced or removed, kept in `Yedekler/<klasör>_<zaman>` beside the folder."""
    import datetime as dt

    if not old.is_dir() or not any(old.iterdir()):
        return None
    target = out_dir.parent / "Yedekler" / f"{out_dir.name}_{dt.datetime.now():%Y%m%d-%H%M%S-%f}"
    try:
        target.parent.mkdir(exist_ok=True)
        os.replace(old, target)
    except OSError:
        shutil.copytree(old, target, dirs_exist_ok=True)
    earlier = sorted(p for p in target.parent.glob(f"{out_dir.name}_*") if p.is_dir())
    for p in earlier[:-KEEP_LAST]:  # the stamps sort by time
        shutil.rmtree(p, ignore_errors=True)
    return target


def _read_only(path: Path) -> bool:
    try:
        return path.is_file() and (not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK))
    except OSError:
        return False


_STAGING_NAME = re.compile(re.escape(TEMP_PREFIX) + r"(\d+)@([0-9a-f]{8})-.*")


def _remove_stale_temps(parent: Path) -> None:
    """The staging folders runs that died left beside platform folders."""
    for p in left_by_dead_runs(parent, TEMP_PREFIX + "*", _STAGING_NAME):
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)


def _os_message(exc: OSError) -> str:
    name = Path(exc.filename).name if getattr(exc, "filename", None) else None
    if isinstance(exc, PermissionError) and name:
        return f"'{name}' başka bir programda (ör. Excel'de) açık ya da yazma izni yok"
    return f"{os_reason(exc)}" + (f" ('{name}')" if name else "")


def beside(workbook: Path) -> Path:
    """The platform folder of a workbook: `<kitap>_platform` beside it (ornek, the Platform Dosyaları button)."""
    return workbook.with_name(workbook.stem + "_platform")


def install_files(out_dir: Path, files: dict[str, bytes]) -> list[str]:
    """Put `files` into `out_dir` all or nothing; return the files of the previous export that were removed.

    Everything is written to a temporary folder beside `out_dir` first. A new folder is then renamed into
    place in one step; into an existing folder the files are moved one by one (manifest.json last), and on
    a failure every moved file is put back, so the folder holds either the old set or the new one. Files
    of the previous export of the same workbook (its manifest.json) that the new set no longer has are
    removed; other files in the folder are never touched, and a folder of another workbook's export, with a
    manifest.json not of this program, or with files of the new names this program did not write there, is
    refused (`_previous_export`)."""
    out_dir = resolve(out_dir)  # a symlinked folder: its target (the staging folder must be on its disk)
    if out_dir.exists() and not out_dir.is_dir():
        raise GocKurulError(f"'{out_dir}' bir klasör değil; platform dosyaları yazılamadı.")
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GocKurulError(f"'{parent}' klasörüne yazılamıyor: {_os_message(exc)}. Hiçbir dosya yazılmadı.") from exc
    with own_lock(out_dir):  # two exports into one folder take turns
        previous = _previous_export(out_dir, files) if out_dir.exists() else []
        _remove_stale_temps(parent)
        try:
            tmp = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}@{host_tag()}-", dir=parent))
        except OSError as exc:
            raise GocKurulError(
                f"'{parent}' klasörüne yazılamıyor: {_os_message(exc)}. Hiçbir dosya yazılmadı."
            ) from exc
        try:
            staged = tmp / "yeni"
            try:
                staged.mkdir()
                _write_files(staged, files)
                if not out_dir.exists():
                    os.replace(staged, out_dir)
                    fsync_dir(parent)
                    return []
            except OSError as exc:
                raise GocKurulError(
                    f"Platform dosyaları yazılamadı: {_os_message(exc)}. Hiçbir dosya yazılmadı."
                ) from exc
            stale = _swap(out_dir, staged, tmp / "eski", files, previous)
            _keep_backup(tmp / "eski", out_dir)
            return stale
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _swap(out_dir: Path, staged: Path, old: Path, files: dict[str, bytes], previous: list[str]) -> list[str]:
    stale = [n for n in previous if n not in files and (out_dir / n).is_file()]
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
        raise GocKurulError(
            f"Platform dosyaları '{out_dir}' klasörüne yazılamadı: {_os_message(exc)}. Klasördeki "
            "önceki dosyalar geri konuldu; yeni dosyalardan hiçbiri kalmadı."
        ) from exc
    fsync_dir(out_dir)
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


def read_document(path: Path) -> dict:
    """Load a platform document (within the limits of `load_json`), find its schema from `belge_turu` /
    `sema_surumu`, validate it. Raises DocumentError with one Turkish line per violation
    ('kararlar[2].verilen_sure: YYYY-AA-GG …')."""
    path = Path(path)
    try:
        doc = read_json_file(path)
    except FileNotFoundError:
        raise GocKurulError(f"'{path}' bulunamadı.") from None
    except OSError as exc:
        raise GocKurulError(os_error_message(exc, unchanged=False)) from None
    return _validated(doc, path.name)


def read_folder(folder: Path) -> list[dict]:
    """The documents of an export folder, in its manifest's order: the manifest is validated, every file it
    lists must exist with the same SHA-256, and every document must be valid. One DocumentError lists all
    problems."""
    folder = Path(folder)
    if not (folder / MANIFEST_FILE).is_file():
        raise GocKurulError(
            f"'{folder}' klasöründe {MANIFEST_FILE} yok: bu bir platform klasörü değil ya da "
            "dışa aktarma tamamlanmamış."
        )
    manifest = read_document(folder / MANIFEST_FILE)
    if manifest["belge_turu"] != MANIFEST:
        raise GocKurulError(f"'{MANIFEST_FILE}' bir dosya listesi değil (belge_turu {manifest['belge_turu']!r}).")
    problems: list[str] = []
    documents = []

    def payload(entry: dict) -> bytes | None:
        p = folder / entry["dosya"]
        try:
            st = p.stat()  # one stat: is it there, a file, and not too big to read
        except OSError:
            st = None
        if st is None or not stat.S_ISREG(st.st_mode):
            problems.append(f"{entry['dosya']}: dosya yok ({MANIFEST_FILE} listeliyor)")
            return None
        if st.st_size > MAX_JSON_BYTES:
            problems.append(f"{entry['dosya']}: dosya çok büyük ({st.st_size / 2**20:.1f} MB)")
            return None
        content = p.read_bytes()
        if sha256_hex(content) != entry["sha256"]:
            problems.append(
                f"{entry['dosya']}: SHA-256 özeti {MANIFEST_FILE} ile uyuşmuyor — dosya dışa aktarmadan "
                "sonra değiştirilmiş ya da bozulmuş"
            )
            return None
        return content

    for entry in manifest["belgeler"]:
        content = payload(entry)
        if content is None:
            continue
        try:
            doc = _validated(load_json(content, entry["dosya"]), entry["dosya"])
        except DocumentError as exc:
            problems += [f"{entry['dosya']}: {p}" for p in exc.problems]
            continue
        if doc["belge_turu"] != entry["belge_turu"]:
            problems.append(
                f"{entry['dosya']}: belge_turu {doc['belge_turu']!r}, {MANIFEST_FILE} {entry['belge_turu']!r} diyor"
            )
        if f"{doc['kimlik']}.json" != entry["dosya"]:
            problems.append(f"{entry['dosya']}: kimlik {doc['kimlik']!r} dosya adıyla uyuşmuyor")
        documents.append(doc)
    for entry in manifest["csv_dosyalari"]:
        payload(entry)
    if problems:
        raise DocumentError(
            folder.name, problems, f"'{folder}' platform klasörü kullanılamıyor ({len(problems)} sorun):"
        )
    return documents
