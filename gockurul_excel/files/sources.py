"""The district sources of `birlestir`, read from disk: district workbooks and platform folders, each turned
into an `Incoming` (or an `Unusable` with its Turkish reason) for `core.merge.plan_merge`.

Sources are chosen, not globbed: a folder gives its workbooks and platform folders, but never the program's
backups (`Yedekler/`), hidden files and folders, or the lock and temporary files of Excel, LibreOffice and
this program; what was left out is said, with the reason.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from ..core.merge import Incoming, Refused, Unusable, incoming_from_workbook
from ..errors import GocKurulError, os_reason
from ..platform.codes import MANIFEST_FILE
from ..platform.districts import incoming_from_documents
from ..sheetspec import sheet_key
from .atomic import BACKUP_DIR
from .platform_folder import read_folder
from .reader import read_workbook
from .safety import is_lock_or_temp

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")  # named as a source; a folder gives its .xlsx files
MAIL_SUFFIX = ".eml"  # a saved e-mail (a district's `gonder`): its workbook attachment is the source
BACKUPS = "programın yedekleri klasöründe (Yedekler)"
HIDDEN = "gizli dosya ya da klasör"
LOCK = "Excel, LibreOffice ya da bu programın kilit/geçici dosyası"


def _hidden(entry: os.DirEntry) -> bool:
    if entry.name.startswith("."):
        return True
    try:
        attributes = entry.stat(follow_symlinks=False).st_file_attributes  # Windows only
    except (AttributeError, OSError):
        return False
    return bool(attributes & stat.FILE_ATTRIBUTE_HIDDEN)


def _left_out(entry: os.DirEntry) -> str | None:
    """Why a file or folder found in a source folder is not a source, or None."""
    if is_lock_or_temp(entry.name):
        return LOCK
    if _hidden(entry):
        return HIDDEN
    return None


def choose_sources(sources: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """(taken, left out with the reason). Files and platform folders named are taken as they are, in the order
    given; a plain folder gives its workbooks and platform folders (sorted, sub-folders too), leaving out
    `Yedekler/`, hidden files and folders, and lock/temporary files — each said, once per folder or file. Symlinked
    folders are not followed (no loops)."""
    taken: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for src in map(Path, sources):
        if not src.is_dir() or (src / MANIFEST_FILE).is_file():
            taken.append(src)
            continue
        found: list[Path] = []
        stack = [src]
        while stack:
            folder = stack.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError as exc:
                skipped.append((folder, f"okunamadı: {os_reason(exc)}"))
                continue
            for entry in entries:
                path = Path(entry.path)
                try:
                    is_dir = entry.is_dir(follow_symlinks=False)
                    is_file = entry.is_file()
                except OSError:
                    continue
                if is_dir:
                    if sheet_key(entry.name) == sheet_key(BACKUP_DIR):
                        skipped.append((path, BACKUPS))
                    elif (why := _left_out(entry)) is not None:
                        skipped.append((path, why))
                    elif (path / MANIFEST_FILE).is_file():
                        found.append(path)
                    else:
                        stack.append(path)
                elif is_file and entry.name.lower().endswith((".xlsx", MAIL_SUFFIX)):
                    if (why := _left_out(entry)) is not None:
                        skipped.append((path, why))
                    else:
                        found.append(path)
        taken.extend(sorted(found, key=str))
    return taken, sorted(skipped, key=lambda s: str(s[0]))


def expand_sources(sources: Iterable[Path]) -> list[Path]:
    """The sources `choose_sources` takes."""
    return choose_sources(sources)[0]


def read_source(src: Path) -> Incoming:
    """One district workbook or platform folder; Refused (or another GocKurulError) when it cannot be merged."""
    if src.is_dir():
        return incoming_from_documents(src.name, read_folder(src))
    if not src.exists():
        raise Refused(f"'{src}' bulunamadı.")
    if src.suffix.lower() == MAIL_SUFFIX:
        return _from_mail(src)
    if src.suffix.lower() not in WORKBOOK_SUFFIXES:
        raise Refused("Excel kitabı (.xlsx), kaydedilmiş e-posta (.eml) ya da platform klasörü değil.")
    return incoming_from_workbook(src.name, read_workbook(src))


def _from_mail(src: Path) -> Incoming:
    """A saved e-mail: its one workbook attachment, by the rules of a workbook named as a source (an .xlsx or
    .xlsm, never a lock or temporary file), read as a file would be."""
    import email
    import tempfile
    from email import policy

    try:
        msg = email.message_from_bytes(src.read_bytes(), policy=policy.default)
    except (ValueError, TypeError, LookupError, IndexError) as exc:  # the email parser's failures on a damaged file
        raise Refused(f"e-posta okunamadı ({type(exc).__name__}).") from exc
    books = []
    for part in msg.iter_attachments():
        name = Path(part.get_filename() or "").name
        if name.lower().endswith(WORKBOOK_SUFFIXES) and not is_lock_or_temp(name):
            books.append((name, part))
    if not books:
        raise Refused("e-postada Excel kitabı (.xlsx) eki yok.")
    if len(books) > 1:
        raise Refused(
            f"e-postada birden çok Excel kitabı var ({', '.join(n for n, _ in books)}); her kitabı ayrı "
            "e-postayla ya da dosya olarak verin."
        )
    name, part = books[0]
    payload = part.get_payload(decode=True)
    if not payload:
        raise Refused(f"e-postadaki '{name}' eki boş.")
    with tempfile.TemporaryDirectory(prefix="gockurul-eposta-") as tmp:
        book = Path(tmp) / name
        book.write_bytes(payload)
        return incoming_from_workbook(f"{src.name} › {name}", read_workbook(book))


def read_sources(
    sources: Iterable[Path],
    *,
    province_path: Path | None = None,
    progress: Callable[[str], None] | None = None,
    skipped: list[tuple[Path, str]] | None = None,
) -> list[Incoming | Unusable]:
    """Every source, chosen and read before anything is planned; one that cannot be used is `Unusable` with
    its reason, and the others are still read. `province_path` (the workbook merged into) is refused as a
    source. `skipped` receives what the folders held but was not taken, with the reason."""
    paths, left_out = choose_sources(sources)
    if skipped is not None:
        skipped.extend(left_out)
    same_file: set[Path] = set()
    if province_path is not None:
        try:
            same_file = {Path(province_path).resolve()}
        except OSError:
            pass
    out: list[Incoming | Unusable] = []
    for i, src in enumerate(paths, start=1):
        if progress:
            progress(f"[{i}/{len(paths)}] {src.name}")
        try:
            if src.resolve() in same_file:
                raise Refused("Bu, birleştirilen il kurulu kitabının kendisi.")
            out.append(read_source(src))
        except GocKurulError as exc:
            out.append(Unusable(src.name, exc.full_message().replace("\n", " ")))
        except OSError as exc:
            out.append(Unusable(src.name, f"okunamadı: {os_reason(exc)}"))
    return out
