"""xlwings Lite in real Pyodide (Node + npm `pyodide`): Lite's start and each button's first and second press
(issue 20). Needs what .ci/run installs: `npm ci --prefix tests/pyodide` and the wheels of tests/pyodide/wheels.txt.

    python bench/lite_bench.py                      # demo book (gockurul ornek)
    python bench/lite_bench.py --boyut 4            # the 4x bench book as well
    python bench/lite_bench.py --isinmasiz          # also main.py without makro.warm_up() (the "before")
    python bench/lite_bench.py --profil 40          # cProfile of the first press, 40 lines

"Press" is our own time: xlwings' custom_scripts_call (as Lite calls a script) and book.json(), not Pyodide's
start, not the book's transfer from Excel. Each figure: the median of --tekrar fresh Pyodide sessions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tests import lite_harness as harness  # noqa: E402
from tests.test_makro import payload_from_xlsx  # noqa: E402


def _books(folder: Path, sizes: list[float]) -> dict[str, Path]:
    from generate import generate

    from gockurul_excel import operations

    books = {"ornek": folder / "ornek.xlsx"}
    operations.create_example(books["ornek"])
    for size in sizes:
        books[f"{size:g}x"] = folder / f"kitap-{size:g}x.xlsx"
        generate(books[f"{size:g}x"], size=size)
    return books


def _session(payload: dict, built: list[Path], main_py: str, buttons: list[str], profile: int | None) -> dict:
    jobs = []
    for i, b in enumerate(buttons):
        jobs += [
            {"button": b, "payload": payload, "profile": profile if i == 0 else None},
            {"button": b, "payload": payload},
        ]
    return harness.press_in_pyodide(jobs, built, main_py=main_py)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--boyut", type=float, action="append", default=[], help="bench kitabı boyutu (tekrarlanabilir)"
    )
    parser.add_argument("--tekrar", type=int, default=3)
    parser.add_argument("--isinmasiz", action="store_true", help="main.py makro.warm_up() olmadan da ölç")
    parser.add_argument("--profil", type=int, default=None)
    args = parser.parse_args(argv)
    lacking = harness.missing()
    if lacking:
        sys.exit(f"Eksik: {lacking}")
    with tempfile.TemporaryDirectory(prefix="lite-bench-") as tmp:
        built = harness.build_wheels(Path(tmp))
        books = _books(Path(tmp), args.boyut)
        main_py = harness.MAIN_PY.read_text(encoding="utf-8")
        variants = {"warm_up ile": main_py}
        if args.isinmasiz:
            variants["warm_up olmadan"] = main_py.replace("makro.warm_up()", "pass")
        from tests.test_lite_pyodide import lite_buttons

        buttons = lite_buttons()
        for label, path in books.items():
            payload = payload_from_xlsx(path, selection=("Toplantılar", "A7"))
            for variant, text in variants.items():
                runs = [_session(payload, built, text, buttons, args.profil) for _ in range(args.tekrar)]
                first = runs[0]
                version = first["log"].split()[1]
                print(
                    f"\n### {label}, {variant} (Pyodide {version}, Python {first['python'].split()[0]}; "
                    f"medyan, {args.tekrar} oturum)\n"
                )
                print(
                    f"Lite'ın açılışı: kurulum (micropip, yerel tekerlekler) "
                    f"{statistics.median(r['install_s'] for r in runs):.2f} s, main.py içe aktarımı "
                    f"{statistics.median(r['import_s'] for r in runs):.2f} s\n"
                )
                print("| Düğme | İlk basış (s) | İkinci basış (s) | Eylem sayısı |")
                print("|---|---:|---:|---:|")
                for i, b in enumerate(buttons):
                    one = statistics.median(r["results"][2 * i]["seconds"] for r in runs)
                    two = statistics.median(r["results"][2 * i + 1]["seconds"] for r in runs)
                    count = len(first["results"][2 * i]["actions"]["actions"])
                    print(f"| {b} | {one:.3f} | {two:.3f} | {count} |")
                if args.profil:
                    print("\n```\n" + (first["results"][0]["profile"] or "") + "\n```")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
