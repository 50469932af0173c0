"""The server's heaviest accepted request (issue 23): a book near the request limits (server.MAX_ROWS rows per
sheet, ~200,000 cells) sent to `kontrol_et` on a real `gockurul sunucu` (ephemeral port), while `GET /` is
polled every 0.1 s: the request's time, the server's peak memory (its process and worker processes) and the
`GET /` latency meanwhile.

    python bench/server_limits.py [--tekrar 2]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import copy
import json
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gockurul_excel import example, server
from gockurul_excel.files.fill import fill_workbook
from tests.conftest import clean_example_rows
from tests.test_makro import payload_from_xlsx
from tests.test_server import TOKEN, Server


def largest_book(path: Path) -> None:
    rows = clean_example_rows()
    for sheet, col, name in (
        ("Üyeler", 4, "Üye {:05d} Yılmaz"),
        ("Katılımcılar", 4, "Katılımcı {:05d}"),
        ("Gündem", 2, "Gündem maddesi {:05d}"),
    ):
        base, n = rows[sheet], server.MAX_ROWS - 100 if sheet != "Gündem" else server.MAX_ROWS - 1000
        rows[sheet] = [copy.deepcopy(base[i % len(base)]) for i in range(n)]
        for i, r in enumerate(rows[sheet]):
            r[col] = name.format(i)
    fill_workbook(path, example.example_settings(), rows, overwrite=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tekrar", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        book = tmp / "en-buyuk.xlsx"
        largest_book(book)
        payload = payload_from_xlsx(book)
        body = json.dumps(payload).encode("utf-8")
        cells = sum(len(r) for s in payload["sheets"] for r in s["values"])
        print(f"istek: {cells:,} hücre, {len(body) / 1e6:.1f} MB")
        s = Server(tmp, max_body=20_000_000)
        headers = {"Authorization": f"Bearer {TOKEN}", "Auth-Provider": "custom", "Content-Type": "application/json"}
        try:
            for i in range(args.tekrar):
                latencies, peak = [], 0.0
                with concurrent.futures.ThreadPoolExecutor(1) as pool:
                    started = time.monotonic()
                    job = pool.submit(
                        httpx.post,
                        f"{s.url}/xlwings/custom-scripts-call/kontrol_et",
                        content=body,
                        headers=headers,
                        timeout=600,
                    )
                    while not job.done():
                        t = time.monotonic()
                        httpx.get(s.url + "/", timeout=10)
                        latencies.append(time.monotonic() - t)
                        peak = max(peak, s.rss_mb())
                        time.sleep(0.1)
                    status = job.result().status_code
                took = time.monotonic() - started
                latencies.sort()
                print(
                    f"{i + 1}. HTTP {status}: {took:.1f} s, tepe bellek {peak:.0f} MB, GET / en çok "
                    f"{latencies[-1] * 1000:.0f} ms, medyan {latencies[len(latencies) // 2] * 1000:.0f} ms "
                    f"({len(latencies)} istek)"
                )
        finally:
            s.stop()


if __name__ == "__main__":
    main()
