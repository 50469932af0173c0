"""`ulusal`: the Presidency's roll-up of many provinces' platform documents into one summary workbook.

Reads every platform folder (a folder with `manifest.json`) under a folder, recursively, each validated by
`platform.read_folder` (schema and SHA-256). The documents are flattened once into pandas tables; every
count is a group-by over them. A folder that cannot be used is listed in `Okunamayanlar`, the rest are
summed.

What is required is not in the documents: the province's foreign population is not exported. Without
`populations`, the minimum of the circular counts (M7(2), M6(9)); with `populations` (province -> foreign
population) each province's own number (M7(1), M6(9)): `rules` declares both. The sheets are built by
sheets/national.py and written by the package writer, like every other generated sheet.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .. import contract, rules
from ..errors import GocKurulError, InvalidArgument, os_reason
from ..platform.codes import ANNUAL_REPORT, MANIFEST_FILE, MEETING
from ..sheets.national import national_sheets
from .atomic import save_atomic
from .platform_folder import read_folder
from .sources import choose_sources
from .writer import write_sheets

STATUS_CODES = {"bekliyor": "Bekliyor", "devam_ediyor": "Devam Ediyor", "uygulandi": "Uygulandı",
                "uygulanamadi": "Uygulanamadı"}
OPEN_CODES = ("bekliyor", "devam_ediyor")
assert set(STATUS_CODES.values()) == set(rules.DECISION_STATUSES)

UNKNOWN_POPULATION = "nüfus bilinmiyor"  # a province whose documents (schema 1.0) carry no foreign population
SUMMARY_COLUMNS = {
    "il": "İl", "yil": "Yıl", "yabanci_nufusu": "Yabancı nüfusu",
    "il_gkk_olagan": "İl GKK olağan (yapılan)", "il_gkk_gereken": "İl GKK olağan (gereken)",
    "alt_komisyon_olagan": "Alt Komisyon olağan (yapılan)", "alt_komisyon_gereken": "Alt Komisyon olağan (gereken)",
    "ek_toplanti": "Ek toplantı", "ilce_gkk": "İlçe GKK toplantısı", "karar": "Karar",
    **{f"karar_{c}": label for c, label in STATUS_CODES.items()},
    "karar_suresi_gecen": "Süresi geçen karar", "yillik_rapor": "Yıllık rapor (Ek-3) geldi",
    "durum": "Olağan toplantılar",
}


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


def _read_one(folder: Path) -> tuple[list[tuple], list[tuple], list[tuple], str | None]:
    """The rows of one platform folder (validated by `read_folder`), or the reason it cannot be used."""

    meetings: list[tuple] = []
    decisions: list[tuple] = []
    annual: list[tuple] = []
    try:
        docs = read_folder(folder)
    except GocKurulError as exc:  # one unusable document: its folder is listed, the run goes on
        lines = exc.full_message().splitlines()
        return [], [], [], " ".join(lines[:2]) if len(lines) > 1 else lines[0]
    except OSError as exc:
        return [], [], [], f"okunamadı: {os_reason(exc)}"
    for d in docs:
        head = (d["il"], d["ilce"] or "", d["kurul_turu"], d["yil"])
        if d["belge_turu"] == MEETING:
            # a 1.0 document has no foreign population: None, and the province's requirement is unknown
            meetings.append((*head, d["kimlik"], d["kategori"], d["tur"], d["tarih"], d.get("yabanci_nufusu")))
            decisions.extend((*head, d["kimlik"], k["no"], k["durum"], k["verilen_sure"]) for k in d["kararlar"])
        elif d["belge_turu"] == ANNUAL_REPORT:
            annual.append((*head, d["kimlik"]))
    return meetings, decisions, annual, None


PARALLEL_FROM = 40  # folders; below this a process pool costs more than it saves


def load_documents(root: Path, progress: Callable[[str], None] | None = None, workers: int | None = None,
                   skipped: list[tuple[Path, str]] | None = None, taken: list[Path] | None = None
                   ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list[tuple[str, str]]]:
    """(meetings, decisions, annual reports, problems) as DataFrames from every platform folder under `root`.

    Folders are read in a process pool: reading, hashing and validating (jsonschema-rs, see schemacheck) 9,348
    documents takes 1.35 s in one process and 1.17 s with two (bench/national_bench.py, 2 cores)."""
    from concurrent.futures import ProcessPoolExecutor

    root = Path(root)
    meetings: list[tuple] = []
    decisions: list[tuple] = []
    annual: list[tuple] = []
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
    for folder, (m, k, a, problem) in zip(folders, parts, strict=True):
        if problem is not None:
            problems.append((str(folder.relative_to(root)) if folder != root else folder.name, problem))
        meetings += m
        decisions += k
        annual += a
    head_cols = ["il", "ilce", "kurul_turu", "yil"]
    m = pd.DataFrame(meetings, columns=[*head_cols, "kimlik", "kategori", "tur", "tarih", "yabanci_nufusu"])
    k = pd.DataFrame(decisions, columns=[*head_cols, "kimlik", "no", "durum", "verilen_sure"])
    a = pd.DataFrame(annual, columns=[*head_cols, "kimlik"])
    # The same export found twice (a copy in another folder) counts once.
    m = m.drop_duplicates("kimlik")
    k = k.drop_duplicates(["kimlik", "no"])
    a = a.drop_duplicates("kimlik")
    return m, k, a, problems


def summarise(meetings: pd.DataFrame, decisions: pd.DataFrame, annual: pd.DataFrame, *, today: dt.date,
              populations: dict[str, int] | None = None) -> pd.DataFrame:
    """One row per province and year (the table of `Özet`)."""
    keys = ["il", "yil"]
    prov = meetings[meetings["kurul_turu"] == "il"]
    ordinary = prov[prov["tur"] == "olagan"]
    counts = (ordinary.groupby([*keys, "kategori"]).size().unstack("kategori")
              .reindex(columns=["il_gkk", "alt_komisyon"]).rename(columns=lambda c: f"{c}_olagan"))
    extra = prov[prov["tur"] != "olagan"].groupby(keys).size().rename("ek_toplanti")
    district = meetings[meetings["kategori"] == "ilce_gkk"].groupby(keys).size().rename("ilce_gkk")

    dec = decisions.copy()
    due = pd.to_datetime(dec["verilen_sure"], errors="coerce")
    dec["gecen"] = dec["durum"].isin(OPEN_CODES) & (due < pd.Timestamp(today))
    by_status = (dec.groupby([*keys, "durum"]).size().unstack("durum")
                 .reindex(columns=list(STATUS_CODES)).rename(columns=lambda c: f"karar_{c}"))
    totals = dec.groupby(keys).agg(karar=("no", "size"), karar_suresi_gecen=("gecen", "sum"))
    reports = annual[annual["kurul_turu"] == "il"].groupby(keys).size().rename("yillik_rapor")

    seen = pd.concat([meetings[keys], decisions[keys], annual[keys]]).drop_duplicates()
    out = (seen.set_index(keys).join([counts, extra, district, by_status, totals, reports], how="left")
           .fillna(0).astype("int64").reset_index())
    # The foreign population the province's own documents carry (schema 1.1), unless given for the province.
    carried = (prov.dropna(subset=["yabanci_nufusu"]).groupby(keys)["yabanci_nufusu"].max()
               if "yabanci_nufusu" in prov else pd.Series(dtype="float64"))
    big = pd.Series([(populations or {}).get(il, carried.get((il, yil))) for il, yil in zip(out["il"], out["yil"],
                                                                                             strict=True)],
                    index=out.index, dtype="float64")
    quarterly = big.ge(rules.THRESHOLDS["province_quarterly"].value).fillna(False).astype(bool)
    out["il_gkk_gereken"] = quarterly.map({True: len(rules.PROVINCE_BOARD_QUARTERLY.months),
                                           False: len(rules.PROVINCE_BOARD_BIANNUAL.months)})
    sub_quarterly = big.ge(rules.THRESHOLDS["subcommission_quarterly"].value).fillna(False).astype(bool)
    out["alt_komisyon_gereken"] = sub_quarterly.map({True: len(rules.SUBCOMMISSION_QUARTERLY.months),
                                                     False: len(rules.SUBCOMMISSION_BIANNUAL.months)})
    ok = (out["il_gkk_olagan"] >= out["il_gkk_gereken"]) & (out["alt_komisyon_olagan"] >= out["alt_komisyon_gereken"])
    out["durum"] = ok.map({True: "Tamam", False: "Eksik"}).where(big.notna(), UNKNOWN_POPULATION)
    out["yabanci_nufusu"] = [None if pd.isna(v) else int(v) for v in big]
    out["yillik_rapor"] = (out["yillik_rapor"] > 0).map({True: "Evet", False: "Hayır"})
    order = out["il"].map(contract.turkish_sort_key)
    out = out.assign(_o=order).sort_values(["_o", "yil"]).drop(columns="_o").reset_index(drop=True)
    return out[list(SUMMARY_COLUMNS)]


def by_year(summary: pd.DataFrame) -> pd.DataFrame:
    g = summary.groupby("yil")
    out = pd.DataFrame({
        "İl sayısı": g.size(),
        "İl GKK olağan (yapılan)": g["il_gkk_olagan"].sum(),
        "İl GKK olağan (gereken)": g["il_gkk_gereken"].sum(),
        "Alt Komisyon olağan (yapılan)": g["alt_komisyon_olagan"].sum(),
        "Alt Komisyon olağan (gereken)": g["alt_komisyon_gereken"].sum(),
        "Eksik il": g["durum"].agg(lambda s: int((s == "Eksik").sum())),
        "Nüfusu bilinmeyen il": g["durum"].agg(lambda s: int((s == UNKNOWN_POPULATION).sum())),
        "Karar": g["karar"].sum(),
        **{label: g[f"karar_{c}"].sum() for c, label in STATUS_CODES.items()},
        "Süresi geçen karar": g["karar_suresi_gecen"].sum(),
        "Yıllık rapor gelen il": g["yillik_rapor"].agg(lambda s: int((s == "Evet").sum())),
    })
    out.index.name = "Yıl"
    return out.reset_index()


def _rows(frame: pd.DataFrame) -> tuple[list[str], list[list]]:
    """(headers, rows) of a frame, with numpy scalars as plain Python values."""
    return [str(c) for c in frame.columns], [[v.item() if hasattr(v, "item") else v for v in row]
                                             for row in frame.itertuples(index=False)]


def national_rollup(folder: Path, output: Path, *, today: dt.date | None = None,
                    populations: dict[str, int] | None = None,
                    progress: Callable[[str], None] | None = None, workers: int | None = None,
                    skipped: list[tuple[Path, str]] | None = None, taken: list[Path] | None = None) -> Path:
    """Write the summary workbook `output` (a new file, written atomically) and return its path."""
    folder, output = Path(folder), Path(output)
    today = today or dt.date.today()
    if not folder.is_dir():
        raise InvalidArgument(f"'{folder}' bir klasör değil.")
    if not _folders(folder):
        raise InvalidArgument(f"'{folder}' altında platform klasörü (manifest.json içeren klasör) bulunamadı.")
    meetings, decisions, annual, problems = load_documents(folder, progress, workers, skipped, taken)
    summary = summarise(meetings, decisions, annual, today=today, populations=populations)
    specs = national_sheets(_rows(summary.rename(columns=SUMMARY_COLUMNS)), _rows(by_year(summary)), problems,
                            today=today, with_population=True)
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
