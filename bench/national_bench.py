"""Benchmark of `ulusal`: 81 provinces × 10 years of platform documents, generated into a temporary folder
(nothing is committed), then the national roll-up timed with its peak memory (ru_maxrss).

    python bench/national_bench.py [--iller 81] [--yillar 10] [--klasor DIR] [--tohum 1]

The documents are the example workbook's export, re-stamped per province and year (dates shifted to the
year, IDs and SHA-256 recomputed), with some meetings and annual reports left out at random so that the
totals differ from province to province. Every folder is a valid platform export (`read_folder` accepts it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gockurul_excel import contract, example, operations  # noqa: E402
from gockurul_excel.files.fill import fill_workbook  # noqa: E402
from gockurul_excel.platform import bundle, codes  # noqa: E402

TEMPLATE_YEAR = example.YEAR
_DATE = re.compile(r'"(20\d\d)-(\d\d)-(\d\d)')


def template_export(work: Path) -> Path:
    """The example workbook (its deliberate mistakes put right) exported to platform documents."""
    sys.path.insert(0, str(ROOT))
    from tests.conftest import clean_example_rows

    book = work / "ornek.xlsx"
    fill_workbook(book, example.example_settings(), clean_example_rows(), overwrite=True)
    out = work / "sablon-belgeler"
    operations.export_platform(book, out)
    return out


def _shift(text: str, delta: int) -> str:
    def sub(m: re.Match) -> str:
        y, mo, d = int(m.group(1)) + delta, int(m.group(2)), int(m.group(3))
        if (mo, d) == (2, 29) and not (y % 4 == 0 and (y % 100 or y % 400 == 0)):
            d = 28
        return f'"{y:04d}-{mo:02d}-{d:02d}'

    return _DATE.sub(sub, text)


def write_folder(
    template: Path,
    out: Path,
    province: str,
    year: int,
    *,
    drop_meetings: set[str] = frozenset(),
    annual: bool = True,
    population: int | None = None,
    old_schema: bool = False,
) -> Path:
    """One province-year export from the template: meetings in `drop_meetings` (by Toplantı No) and, when
    `annual` is False, the annual report are left out; `population` replaces the foreign population; with
    `old_schema` the documents are as schema 1.0 wrote them (no foreign population)."""

    def age(d: dict) -> dict:
        if population is not None:
            d["yabanci_nufusu"] = population
        if old_schema:
            d.pop("yabanci_nufusu", None)
            d["sema_surumu"] = "1.0"
        return d

    manifest = json.loads((template / codes.MANIFEST_FILE).read_text(encoding="utf-8"))
    old_base, new_base = manifest["kimlik"], f"{codes.slug(province)}-{year}"
    delta = year - manifest["yil"]
    out.mkdir(parents=True, exist_ok=True)
    entries = []
    for e in manifest["belgeler"]:
        if e["belge_turu"] == codes.MEETING and e.get("toplanti_no") in drop_meetings:
            continue
        if e["belge_turu"] == codes.ANNUAL_REPORT and not annual:
            continue
        doc = json.loads((template / e["dosya"]).read_text(encoding="utf-8"))
        doc["il"], doc["yil"] = province, year
        doc["kimlik"] = doc["kimlik"].replace(old_base, new_base, 1)
        doc = age(doc)
        payload = _shift(bundle.dumps(doc).decode("utf-8"), delta).encode("utf-8")
        name = f"{doc['kimlik']}.json"
        (out / name).write_bytes(payload)
        entries.append({**e, "dosya": name, "sha256": hashlib.sha256(payload).hexdigest(), "bayt": len(payload)})
    manifest.update(il=province, yil=year, kimlik=new_base, belgeler=entries, csv_dosyalari=[])
    manifest = age(manifest)
    (out / codes.MANIFEST_FILE).write_bytes(bundle.dumps(manifest))
    return out


def generate(root: Path, provinces: int = 81, years: int = 10, seed: int = 1, last_year: int = 2025) -> int:
    """Write provinces × years folders under `root`; returns the number of documents written."""
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="gockurul-ulusal-sablon-"))
    try:
        template = template_export(work)
        meeting_nos = [
            e["toplanti_no"]
            for e in json.loads((template / codes.MANIFEST_FILE).read_text(encoding="utf-8"))["belgeler"]
            if e["belge_turu"] == codes.MEETING
        ]
        count = 0
        for province in contract.lists()["Iller"][:provinces]:
            for year in range(last_year - years + 1, last_year + 1):
                drop = {n for n in meeting_nos if rng.random() < 0.15}
                folder = write_folder(
                    template,
                    root / codes.slug(province) / str(year),
                    province,
                    year,
                    drop_meetings=drop,
                    annual=rng.random() > 0.1,
                )
                count += len(list(folder.glob("*.json"))) - 1
        return count
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    rss = resource.getrusage(who).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB on Linux


def rollup_only(root: Path) -> None:
    """The roll-up alone, in this process: its time and this process's peak memory."""
    from gockurul_excel.files.national import national_rollup

    rss_before = _maxrss_mb()
    t0 = time.perf_counter()
    out = national_rollup(root, root / "ULUSAL.xlsx", today=dt.date(2026, 11, 24))
    t1 = time.perf_counter()
    print(
        f"Ulusal özet: {t1 - t0:.2f} sn; {out.stat().st_size / 1e3:.0f} kB; en yüksek bellek (ru_maxrss): "
        f"ana süreç {_maxrss_mb():.0f} MB (içe aktarmalardan sonra {rss_before:.0f} MB), en büyük alt süreç "
        f"{_maxrss_mb(resource.RUSAGE_CHILDREN):.0f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    import subprocess

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iller", type=int, default=81)
    ap.add_argument("--yillar", type=int, default=10)
    ap.add_argument("--tohum", type=int, default=1)
    ap.add_argument("--klasor", type=Path, default=None, help="belgelerin yazılacağı klasör (varsayılan: geçici)")
    ap.add_argument("--yalniz-ozet", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.yalniz_ozet:
        rollup_only(args.yalniz_ozet)
        return 0
    root = args.klasor or Path(tempfile.mkdtemp(prefix="gockurul-ulusal-"))
    try:
        t0 = time.perf_counter()
        docs = generate(root, args.iller, args.yillar, args.tohum)
        t1 = time.perf_counter()
        print(
            f"Belgeler: {args.iller} il × {args.yillar} yıl = {args.iller * args.yillar} klasör, {docs} belge "
            f"({sum(p.stat().st_size for p in root.rglob('*.json')) / 1e6:.1f} MB); üretim {t1 - t0:.1f} sn"
        )
        # A fresh process, so that the peak memory is the roll-up's, not the generator's.
        subprocess.run([sys.executable, __file__, "--yalniz-ozet", str(root)], check=True)
    finally:
        if args.klasor is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
