"""The district sources of `birlestir`, read from disk: district workbooks and platform folders, each turned
into an `Incoming` (or an `Unusable` with its Turkish reason) for `core.merge.plan_merge`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..core.merge import Incoming, Refused, Unusable, incoming_from_workbook
from ..errors import GocKurulError
from ..platform.codes import MANIFEST_FILE
from ..platform.districts import incoming_from_documents
from .platform_folder import read_folder
from .reader import read_workbook


def expand_sources(sources: Iterable[Path]) -> list[Path]:
    """Files and platform folders, in the order given; a plain folder gives its .xlsx files and platform
    sub-folders (sorted), skipping Excel's `~$` lock files."""
    out: list[Path] = []
    for src in map(Path, sources):
        if src.is_dir() and not (src / MANIFEST_FILE).is_file():
            found = [p for p in src.rglob("*.xlsx") if not p.name.startswith(("~$", ".~"))]
            found += [m.parent for m in src.rglob(MANIFEST_FILE)]
            out.extend(sorted(found, key=lambda p: str(p)))
        else:
            out.append(src)
    return out


def read_source(src: Path) -> Incoming:
    """One district workbook or platform folder; Refused (or another GocKurulError) when it cannot be merged."""
    if src.is_dir():
        return incoming_from_documents(src.name, read_folder(src))
    if not src.exists():
        raise Refused(f"'{src}' bulunamadı.")
    if src.suffix.lower() not in (".xlsx", ".xlsm"):
        raise Refused("Excel kitabı (.xlsx) ya da platform klasörü değil.")
    return incoming_from_workbook(src.name, read_workbook(src))


def read_sources(sources: Iterable[Path], *, province_path: Path | None = None,
                 progress: Callable[[str], None] | None = None) -> list[Incoming | Unusable]:
    """Every source, expanded and read before anything is planned; one that cannot be used is `Unusable` with
    its reason, and the others are still read. `province_path` (the workbook merged into) is refused as a
    source."""
    paths = expand_sources(sources)
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
            out.append(Unusable(src.name, f"okunamadı: {exc.strerror or exc}"))
    return out
