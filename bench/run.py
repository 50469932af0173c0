"""Büyük kitaplarda performans: her işlemi dosya okuma tabanına (python-calamine) göre ölçer (issue 8).

    python bench/run.py                  # 1×, 4×, 16×; her ölçüm 3 kez, medyan
    python bench/run.py --hizli          # yalnız 1× ve 4×
    python bench/run.py --boyutlar 1,16 --tekrar 5 --klasor /tmp/kitaplar

Her ölçüm yeni bir Python sürecinde yapılır (önceki ölçümün önbelleği, belleği taşınmaz). "Süre", süreç
içinde işlemin kendisidir (paketin ilk içe aktarımı hariç; işlemin tembel içe aktardığı kütüphaneler — ör.
jsonschema, holidays, lxml — dahil); "Süreç", Python'un açılışından kapanışına duvar saatidir. "Tepe RSS",
sürecin /proc/self/status VmHWM değeridir (Linux; başka yerde ru_maxrss). Kitaba yazan işlemler her ölçümde
kitabın taze bir kopyasında çalışır; kopyalama ölçüme girmez.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# (kod, etiket, kitaba yazar mı)
OPERATIONS = (
    ("taban", "Taban: calamine, tüm girdi sayfaları", False),
    ("kontrol", "kontrol --json (yalnız okur)", False),
    ("takvim", "takvim --json (yalnız okur)", False),
    ("formlar", "Yılın tüm Ek-1/Ek-2'si, tek yazım (formlar)", True),
    ("formlar_cli", "Yılın tüm Ek-1/Ek-2'si, toplantı başına (tutanak + katilimci)", True),
    ("ek3", "Ek-3 (yillik)", True),
    ("platform", "platform", False),
    ("import_makro", "import gockurul_excel.makro", False),
    ("import_operations", "import gockurul_excel.operations (makro yerine)", False),
    ("import_cli", "import gockurul_excel.cli (makro yerine)", False),
    ("taban_surec", "Taban süreci: python -c, calamine okuması (dışarıdan)", False),
    ("kontrol_cli", "gockurul kontrol --json süreci (dışarıdan)", False),
)
LABELS = {code: label for code, label, _ in OPERATIONS}
PER_MEETING_LABEL = "Bir toplantının Ek-1/Ek-2'si, CLI yolu (tutanak + katilimci)"
WRITES = {code for code, _, writes in OPERATIONS if writes}
IMPORTS = {
    "import_makro": "gockurul_excel.makro",
    "import_operations": "gockurul_excel.operations",
    "import_cli": "gockurul_excel.cli",
}
# Whole processes as a user waits for them (issue 22): Python's start and every import included. Their "Süre" is
# the process's wall time; the ratio is to the floor read the same way.
FLOOR_SNIPPET = """
import sys
from python_calamine import CalamineWorkbook
from gockurul_excel import contract
wb = CalamineWorkbook.from_path(sys.argv[1])
for name in contract.INPUT_SHEETS:
    if name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
"""
PROCESSES = {
    "taban_surec": lambda book, today: [sys.executable, "-c", FLOOR_SNIPPET, str(book)],
    "kontrol_cli": lambda book, today: [
        sys.executable,
        "-m",
        "gockurul_excel",
        "kontrol",
        str(book),
        "--json",
        "--bugun",
        f"{today:%d.%m.%Y}",
    ],
}
# Toplantı başına CLI yolu çok yavaş olabilir: 1×'ta her toplantı, büyük kitapta bir örneklem ölçülür ve
# toplantı sayısına oranlanır (tabloda ≈).
PER_MEETING_SAMPLE = 40
LINEAR_TOLERANCE = 1.1  # büyüme (süre oranı / satır oranı) bundan küçükse "doğrusal"
TARGETS_MB = 500


# --- the child: one measurement in a fresh process ---------------------------------------------------------


def _peak_rss_kb() -> int:
    with contextlib.suppress(OSError):
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss


def _year_meetings(data) -> list[str]:
    from gockurul_excel import contract
    from gockurul_excel.core.meetings import meeting_day

    year = data.setting(contract.S_YEAR)
    return [
        r["Toplantı No"]
        for r in data.records("Toplantılar")
        if r["Toplantı No"] is not None and (day := meeting_day(r)) is not None and day.year == year
    ]


def all_forms_specs(data) -> list:
    """Ek-1 and Ek-2 of every meeting of the workbook's year, built in memory (what `gockurul formlar` writes)."""
    from gockurul_excel import commands

    return commands.year_forms(data).specs


def floor_read(path: Path) -> int:
    """The floor: python-calamine reads every input sheet of the contract; returns the data rows read."""
    from python_calamine import CalamineWorkbook

    from gockurul_excel import contract

    wb = CalamineWorkbook.from_path(str(path))
    rows = 0
    for name in contract.INPUT_SHEETS:
        if name in wb.sheet_names:
            rows += max(0, len(wb.get_sheet_by_name(name).to_python(skip_empty_area=False)) - 1)
    return rows


def measure(op: str, path: Path, work: Path, sample: int) -> dict:
    """Run one operation, timed; return what the parent prints."""
    import generate

    today = generate.BUGUN
    info: dict = {}
    if op == "taban":
        import python_calamine  # noqa: F401

        import gockurul_excel.contract  # noqa: F401  (the sheet names; not part of the floor)

        t0 = time.perf_counter()
        info["satir"] = floor_read(path)
    elif op == "kontrol":
        from gockurul_excel import operations
        from gockurul_excel.core.jsontext import dumps

        t0 = time.perf_counter()
        result = operations.check_workbook(path, write=False, today=today)
        dumps(result.to_json())  # what `kontrol --json` prints
        info["bulgu"] = len(result.findings)
    elif op == "takvim":
        from gockurul_excel import operations
        from gockurul_excel.core.jsontext import dumps

        t0 = time.perf_counter()
        result = operations.compute_calendar(path, write=False, today=today)
        dumps(result.to_json())
    elif op == "formlar":
        from gockurul_excel import operations

        t0 = time.perf_counter()
        result = operations.write_year_forms(path)
        info["sayfa"] = len(result.sheets)
    elif op == "formlar_cli":
        from gockurul_excel import operations
        from gockurul_excel.files.reader import read_workbook

        numbers = _year_meetings(read_workbook(path))
        chosen = numbers if len(numbers) <= sample else [numbers[(k * len(numbers)) // sample] for k in range(sample)]
        t0 = time.perf_counter()
        for no in chosen:
            operations.write_minutes(path, no)
            operations.write_attendance(path, no)
        info["olculen"], info["toplanti"] = len(chosen), len(numbers)
    elif op == "ek3":
        from gockurul_excel import operations

        t0 = time.perf_counter()
        operations.write_annual_report(path, None)
    elif op == "platform":
        from gockurul_excel import operations

        t0 = time.perf_counter()
        result = operations.export_platform(path, work / "platform")
        info["dosya"] = len(result.files)
    else:
        raise SystemExit(f"bilinmeyen işlem: {op}")
    elapsed = time.perf_counter() - t0
    info["sure_olculen"] = elapsed
    if op == "formlar_cli" and info["olculen"] < info["toplanti"]:
        info["tahmini"] = True  # the sample, scaled to every meeting of the year
        elapsed = elapsed / info["olculen"] * info["toplanti"]
    return {"sure": elapsed, "rss_kb": _peak_rss_kb(), **info}


# Import time: a bare interpreter, so that nothing the measuring code imports is counted as already loaded.
IMPORT_SNIPPET = """
import sys, time
t0 = time.perf_counter()
try:
    __import__({module!r})
except ModuleNotFoundError as exc:
    if exc.name != {module!r}:
        raise
    print('{{"yok": true}}')
    sys.exit(0)
elapsed = time.perf_counter() - t0
rss = 0
with open("/proc/self/status", encoding="ascii") as f:
    for line in f:
        if line.startswith("VmHWM:"):
            rss = int(line.split()[1])
print('{{"sure": %r, "rss_kb": %d}}' % (elapsed, rss))
"""


# --- the parent ---------------------------------------------------------------------------------------


def run_process(op: str, book: Path, timeout: float) -> dict:
    """A whole process from outside: wall time, and its peak RSS from the OS."""
    import generate

    with tempfile.TemporaryDirectory(prefix="gockurul-bench-") as tmp:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            PROCESSES[op](book, generate.BUGUN),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=tmp,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # kontrol exits 1 when it finds errors
        raise RuntimeError(f"{op} başarısız ({code}):\n{err[-3000:]}")
    # CPU time too: on a shared machine the wall clock of a process waits for the others, its CPU time does not.
    # (No peak RSS: the child's counts the parent's pages it had before exec.)
    return {"sure": wall, "surec": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_kb": None}


def run_child(op: str, book: Path, sample: int, timeout: float) -> dict:
    if op in PROCESSES:
        return run_process(op, book, timeout)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    with tempfile.TemporaryDirectory(prefix="gockurul-bench-") as tmp:
        work = Path(tmp)
        if op in IMPORTS:
            cmd = [sys.executable, "-c", IMPORT_SNIPPET.format(module=IMPORTS[op])]
        else:
            target = book
            if op in WRITES:
                target = work / book.name
                shutil.copyfile(book, target)
            cmd = [
                sys.executable,
                str(Path(__file__).resolve()),
                "--_olc",
                op,
                "--_kitap",
                str(target),
                "--_is",
                str(work),
                "--_ornek",
                str(sample),
            ]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout, cwd=tmp)
        wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{op} başarısız ({proc.returncode}):\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["surec"] = wall + out.get("sure", 0) - out.get("sure_olculen", out.get("sure", 0))
    return out


def median_of(runs: list[dict]) -> dict:
    if any(r.get("yok") for r in runs):
        return {"yok": True}
    out = dict(runs[-1])
    for key in ("sure", "surec", "cpu"):
        if key in out:
            out[key] = statistics.median(r[key] for r in runs)
    out["rss_kb"] = None if out["rss_kb"] is None else max(r["rss_kb"] for r in runs)
    return out


def _fmt_s(x: float) -> str:
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def _tr_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _fmt_size(size: float) -> str:
    return f"{size:g}×"


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return (
            "| "
            + " | ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            )
            + " |"
        )

    sep = "|" + "|".join(("-" * (w + 2)) if i == 0 else ("-" * (w + 1) + ":") for i, w in enumerate(widths)) + "|"
    return "\n".join([line(headers), sep, *(line(r) for r in rows)])


def size_table(results: dict[str, dict]) -> str:
    floor = results["taban"]["sure"]
    rows = []
    for code, label, _ in OPERATIONS:
        r = results.get(code)
        if r is None:
            continue
        if r.get("yok"):
            rows.append([label, "—", "—", "—", "—"])
            continue
        approx = "≈" if r.get("tahmini") else ""
        ratio = "—" if code in IMPORTS else f"{r['sure'] / floor:.1f}×"
        if code in PROCESSES and "taban_surec" in results:
            base = results["taban_surec"]
            ratio = f"{r['sure'] / base['sure']:.1f}× (süreç; CPU {r['cpu'] / base['cpu']:.1f}×)"
        rss = "—" if r["rss_kb"] is None else f"{r['rss_kb'] / 1024:.0f}"
        rows.append([label, approx + _fmt_s(r["sure"]), ratio, _fmt_s(r["surec"]), rss])
    return table(["İşlem", "Süre (s)", "Tabana oran", "Süreç (s)", "Tepe RSS (MB)"], rows)


def growth_rows(all_results: dict[float, dict], rows_of: dict[float, int]) -> tuple[float, float, list]:
    sizes = sorted(all_results)
    lo, hi = sizes[0], sizes[-1]
    row_ratio = rows_of[hi] / rows_of[lo]
    out = []
    for code, label, _ in OPERATIONS:
        if code in IMPORTS:
            continue
        a, b = all_results[lo].get(code), all_results[hi].get(code)
        if not a or not b or a.get("yok") or b.get("yok"):
            continue
        ta, tb = a["sure"], b["sure"]
        if code == "formlar_cli":  # N commands on an N-times larger book: what grows is one command's time
            label = PER_MEETING_LABEL
            ta, tb = ta / a["toplanti"], tb / b["toplanti"]
        time_ratio = tb / ta
        out.append((code, label, ta, tb, time_ratio, time_ratio / row_ratio))
    return lo, hi, [(row_ratio, *r) for r in out]


def growth_table(all_results: dict[float, dict], rows_of: dict[float, int]) -> str:
    lo, hi, rows = growth_rows(all_results, rows_of)
    body = [
        [label, _fmt_s(a), _fmt_s(b), f"{tr:.1f}", f"{rr:.1f}", f"{g:.2f}"] for rr, _code, label, a, b, tr, g in rows
    ]
    return table(["İşlem", f"{_fmt_size(lo)} (s)", f"{_fmt_size(hi)} (s)", "Süre oranı", "Satır oranı", "Büyüme"], body)


def targets(all_results: dict[float, dict], rows_of: dict[float, int]) -> list[str]:
    def verdict(ok: bool | None) -> str:
        return "ölçülmedi" if ok is None else ("karşılandı" if ok else "KARŞILANMADI")

    sizes = sorted(all_results)
    out = []
    big = all_results.get(16.0)
    one = all_results.get(1.0)
    if big:
        k = big["kontrol"]["sure"] / big["taban"]["sure"]
        out.append(f"- kontrol ≤ 3× taban (16×): {k:.1f}× — {verdict(k <= 3)}")
        if "kontrol_cli" in big and "taban_surec" in big:
            q = big["kontrol_cli"]["sure"] / big["taban_surec"]["sure"]
            c = big["kontrol_cli"]["cpu"] / big["taban_surec"]["cpu"]
            out.append(
                f"- gockurul kontrol --json süreci ≤ 2,5× taban süreci (16×): {q:.1f}× (CPU {c:.1f}×) — "
                f"{verdict(q <= 2.5)}"
            )
        p = big.get("platform", {})
        if p.get("yok"):
            out.append("- platform ≤ 4× taban (16×): — (platform yok)")
        else:
            pr = p["sure"] / big["taban"]["sure"]
            out.append(f"- platform ≤ 4× taban (16×): {pr:.1f}× — {verdict(pr <= 4)}")
        measured = [c for c in big if not big[c].get("yok") and big[c]["rss_kb"] is not None]
        peak = max(big[c]["rss_kb"] for c in measured) / 1024
        worst = max(measured, key=lambda c: big[c]["rss_kb"])
        out.append(
            f"- tepe bellek ≤ {TARGETS_MB} MB (16×): {peak:.0f} MB ({LABELS[worst]}) — {verdict(peak <= TARGETS_MB)}"
        )
    else:
        out.append("- kontrol ≤ 3×, platform ≤ 4× taban ve tepe bellek ≤ 500 MB (16×): ölçülmedi (16× yok)")
    if one:
        f = one["formlar"]["sure"]
        out.append(f"- yılın tüm formları ≤ 2 s (1×, tek yazım): {f:.2f} s — {verdict(f <= 2)}")
        c = one["formlar_cli"]
        out.append(
            f"  (toplantı başına CLI yolu: {'≈' if c.get('tahmini') else ''}{c['sure']:.1f} s — "
            f"{verdict(c['sure'] <= 2)})"
        )
    makro = [
        all_results[s]["import_makro"]["sure"]
        for s in sizes
        if not all_results[s].get("import_makro", {"yok": True}).get("yok")
    ]
    if makro:
        m = statistics.median(makro)
        out.append(f"- import gockurul_excel.makro ≤ 0,3 s: {m:.3f} s — {verdict(m <= 0.3)}")
    else:
        stand = max(
            statistics.median(all_results[s][c]["sure"] for s in sizes) for c in ("import_operations", "import_cli")
        )
        out.append(
            f"- import gockurul_excel.makro ≤ 0,3 s: makro henüz yok; yerine operations/cli, en yavaşı "
            f"{stand:.3f} s — {verdict(stand <= 0.3)}"
        )
    if len(sizes) > 1:
        _lo, _hi, rows = growth_rows(all_results, rows_of)
        bad = [f"{label} ({g:.2f})" for _rr, _c, label, _a, _b, _tr, g in rows if g > LINEAR_TOLERANCE]
        out.append(
            f"- doğrusal büyüme (büyüme ≤ {LINEAR_TOLERANCE:g}): "
            + (f"KARŞILANMADI: {', '.join(bad)}" if bad else "karşılandı")
        )
    return out


def parse_sizes(text: str) -> list[float]:
    sizes = sorted({float(p.strip().rstrip("x×")) for p in text.split(",") if p.strip()})
    if not sizes or any(s <= 0 for s in sizes):
        raise argparse.ArgumentTypeError("boyutlar pozitif sayılar olmalı, ör. 1,4,16")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="gockurul işlemlerini büyük kitaplarda calamine tabanına göre ölçer.")
    parser.add_argument("--boyutlar", type=parse_sizes, default=[1.0, 4.0, 16.0], help="ör. 1,4,16 (varsayılan)")
    parser.add_argument("--hizli", action="store_true", help="yalnız 1× ve 4×")
    parser.add_argument("--tekrar", type=int, default=3, help="her ölçümün tekrar sayısı; medyan (varsayılan 3)")
    parser.add_argument("--klasor", type=Path, help="kitapların üretileceği klasör (varsayılan: geçici, sonra silinir)")
    parser.add_argument("--islemler", help="yalnız bu işlemler, virgülle: " + ",".join(LABELS))
    parser.add_argument(
        "--ornek",
        type=int,
        default=PER_MEETING_SAMPLE,
        help="toplantı başına yolda 1×'ta ölçülen toplantı sayısı; N×'ta bunun 1/N'i, en az 4 "
        f"(varsayılan {PER_MEETING_SAMPLE})",
    )
    parser.add_argument("--zaman-asimi", type=float, default=3600, help="bir ölçümün en uzun süresi (s)")
    parser.add_argument(
        "--yillar",
        type=int,
        default=1,
        help="her kitapta kaç yılın satırı (varsayılan 1; 10: on yıllık geçmiş, bulgu dolu kitap)",
    )
    parser.add_argument(
        "--uye-disi",
        action="store_true",
        help="katılımcılar üye olmayan kişiler: bulgu yoğun kitap (ör. --boyutlar 1.6 --yillar 10)",
    )
    parser.add_argument("--_olc", help=argparse.SUPPRESS)
    parser.add_argument("--_kitap", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_is", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_ornek", type=int, default=PER_MEETING_SAMPLE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args._olc:
        print(json.dumps(measure(args._olc, args._kitap, args._is, args._ornek)))
        return 0

    # The package as an installed copy has it: compiled to bytecode (pip compiles on install). An editable checkout
    # under PYTHONDONTWRITEBYTECODE would compile every module again in each measured process.
    import compileall

    import generate

    import gockurul_excel

    compileall.compile_dir(str(Path(gockurul_excel.__file__).parent), quiet=1)

    sizes = [1.0, 4.0] if args.hizli else args.boyutlar
    ops = [c for c, _, _ in OPERATIONS]
    if args.islemler:
        wanted = {w.strip() for w in args.islemler.split(",")}
        unknown = wanted - set(ops)
        if unknown:
            parser.error(f"bilinmeyen işlem: {', '.join(sorted(unknown))}")
        ops = [c for c in ops if c in wanted or c == "taban" or (c == "taban_surec" and "kontrol_cli" in wanted)]
    own_folder = args.klasor is None
    folder = Path(tempfile.mkdtemp(prefix="gockurul-kitaplar-")) if own_folder else args.klasor
    folder.mkdir(parents=True, exist_ok=True)
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} çekirdek; her ölçüm {args.tekrar} kez, medyan. "
        f"Bugün: {generate.BUGUN:%d.%m.%Y}.\n"
    )
    all_results: dict[float, dict] = {}
    rows_of: dict[float, int] = {}
    try:
        for size in sizes:
            book = folder / (
                f"kitap-{size:g}x{'-uye-disi' if args.uye_disi else ''}.xlsx"
                if args.yillar == 1
                else f"kitap-{size:g}x-{args.yillar}y{'-uye-disi' if args.uye_disi else ''}.xlsx"
            )
            t0 = time.perf_counter()
            counts = generate.generate(book, size, years=args.yillar, outsiders=args.uye_disi)
            made = time.perf_counter() - t0
            rows_of[size] = sum(counts.values())
            sample = max(4, round(args.ornek / size))
            runs: dict[str, list[dict]] = {c: [] for c in ops}
            for _ in range(args.tekrar):
                for code in ops:
                    runs[code].append(run_child(code, book, sample, args.zaman_asimi))
            results = {c: median_of(r) for c, r in runs.items()}
            all_results[size] = results
            meetings = counts["Toplantılar"]
            span = f", {args.yillar} yıl" if args.yillar > 1 else ""
            print(
                f"## Boyut {_fmt_size(size)}{span}: {_tr_int(rows_of[size])} satır, {_tr_int(meetings)} toplantı, "
                f"{_tr_int(counts['Kararlar'])} karar, {_tr_int(counts['Katılımcılar'])} katılımcı; dosya "
                f"{_tr_int(round(book.stat().st_size / 1024))} KB (üretim {made:.1f} s)\n"
            )
            print(size_table(results))
            print(flush=True)
        if len(sizes) > 1:
            lo, hi = sizes[0], sizes[-1]
            print(
                f"## Büyüme {_fmt_size(lo)} → {_fmt_size(hi)} (süre oranı / satır oranı; 1'e yakın ya da altı "
                "doğrusal)\n"
            )
            print(growth_table(all_results, rows_of))
            print()
        if len(ops) == len(OPERATIONS):
            print("## Hedefler\n")
            print("\n".join(targets(all_results, rows_of)))
        elif "kontrol" in ops:  # the one target every book shape must meet
            for size, results in all_results.items():
                k = results["kontrol"]["sure"] / results["taban"]["sure"]
                print(
                    f"- kontrol ≤ 3× taban ({_fmt_size(size)}): {k:.1f}× — {'karşılandı' if k <= 3 else 'KARŞILANMADI'}"
                )
                if "kontrol_cli" in results:
                    p = results["kontrol_cli"]["sure"] / results["taban_surec"]["sure"]
                    c = results["kontrol_cli"]["cpu"] / results["taban_surec"]["cpu"]
                    print(
                        f"- gockurul kontrol --json süreci ≤ 2,5× taban süreci ({_fmt_size(size)}): {p:.1f}× "
                        f"(CPU {c:.1f}×) — {'karşılandı' if p <= 2.5 else 'KARŞILANMADI'}"
                    )
    finally:
        if own_folder:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
