"""Issue 23 case 7: one authenticated request must not block the server. The real xlwings-server app in uvicorn on
an ephemeral port: a book over the limits is a Turkish 413 naming the limit; the largest accepted book is checked
in a thread while `GET /` answers within a second; a run past the time limit is a Turkish 503."""

from __future__ import annotations

import concurrent.futures
import copy
import json
import os
import time

import httpx
import pytest

from gockurul_excel import rules, server

from .conftest import clean_example_rows
from .test_makro import payload_from_xlsx
from .test_server import TOKEN, Server, office_js_post


def _members(n: int) -> list[list]:
    """`n` distinct active members, as pasted from a long list."""
    base = clean_example_rows()["Üyeler"]
    out = []
    for i in range(n):
        row = copy.deepcopy(base[i % len(base)])
        row[2] = rules.ROLE_MEMBER if row[2] not in (rules.ROLE_CHAIR,) else row[2]
        row[4] = f"Üye {i:05d} Yılmaz"
        row[6] = f"uye{i}@ornek.gov.tr"
        out.append(row)
    return out


def _book(make_book, members: int, name: str):
    rows = clean_example_rows()
    rows["Üyeler"] = _members(members)
    return make_book(rows=rows, name=name)


@pytest.fixture(scope="module")
def limited(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("sinirli"), max_body=20_000_000)
    yield s
    s.stop()


def test_a_book_over_the_row_limit_is_a_turkish_413_naming_the_limit(limited, make_book):
    book = _book(make_book, server.MAX_ROWS + 1, "cok-satir.xlsx")
    r = office_js_post(limited, book, "kontrol_et")
    assert r.status_code == 413, r.text
    detail = r.json()["detail"]
    assert "'Üyeler' sayfasında" in detail and "en çok 10.000 satır" in detail
    assert httpx.get(limited.url + "/", timeout=2).status_code == 200


def test_too_many_cells_or_sheets_is_a_turkish_413(limited):
    row = [""] * 100
    payload = {
        "client": "Office.js",
        "version": "0.0.0",
        "book": {"name": "x.xlsx", "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": [{"name": f"S{i}", "values": [row] * 9_000, "pictures": [], "tables": []} for i in range(3)],
    }
    headers = {"Authorization": f"Bearer {TOKEN}", "Auth-Provider": "custom"}
    r = httpx.post(f"{limited.url}/xlwings/custom-scripts-call/kontrol_et", json=payload, headers=headers, timeout=60)
    assert r.status_code == 413 and "en çok 250.000 hücre" in r.json()["detail"], r.text
    payload["sheets"] = [
        {"name": f"S{i}", "values": [[]], "pictures": [], "tables": []} for i in range(server.MAX_SHEETS + 1)
    ]
    r = httpx.post(f"{limited.url}/xlwings/custom-scripts-call/kontrol_et", json=payload, headers=headers, timeout=60)
    assert r.status_code == 413 and "en çok 300 sayfa" in r.json()["detail"], r.text


def test_get_answers_within_a_second_while_the_largest_accepted_book_is_checked(limited, make_book, record_property):
    book = _book(make_book, server.MAX_ROWS - 100, "en-buyuk.xlsx")  # Üyeler plus a full header row of Listeler
    # The body made beforehand: building it here (openpyxl) would hold this process's GIL and slow our own GETs.
    body = json.dumps(payload_from_xlsx(book)).encode("utf-8")
    headers = {"Authorization": f"Bearer {TOKEN}", "Auth-Provider": "custom", "Content-Type": "application/json"}
    latencies: list[float] = []
    peak = 0.0
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        job = pool.submit(
            httpx.post,
            f"{limited.url}/xlwings/custom-scripts-call/kontrol_et",
            content=body,
            headers=headers,
            timeout=300,
        )
        while not job.done():
            t = time.monotonic()
            assert httpx.get(limited.url + "/", timeout=5).json() == {"status": "ok"}
            latencies.append(time.monotonic() - t)
            peak = max(peak, limited.rss_mb())
            time.sleep(0.1)
        response = job.result()
        took = time.monotonic() - started
    assert response.status_code == 200, response.text
    assert latencies and max(latencies) < 1.0, latencies
    record_property("largest_request_s", round(took, 1))
    record_property("largest_request_peak_rss_mb", round(peak))
    record_property("get_max_latency_s", round(max(latencies), 3))
    print(
        f"\nen büyük kabul edilen istek: {took:.1f} s, en yüksek bellek {peak:.0f} MB, GET / en çok "
        f"{max(latencies) * 1000:.0f} ms ({len(latencies)} istek)"
    )


def test_a_button_past_the_time_limit_is_a_turkish_503(tmp_path, make_book, monkeypatch):
    monkeypatch.setenv(server.TIME_LIMIT_ENV, "0.05")
    s = Server(tmp_path)
    try:
        r = office_js_post(s, _book(make_book, 2000, "yavas.xlsx"), "kontrol_et")
        assert r.status_code == 503, r.text
        assert "saniyede bitmedi" in r.json()["detail"]
        assert httpx.get(s.url + "/", timeout=2).status_code == 200
    finally:
        s.stop()
    assert os.environ.get(server.TIME_LIMIT_ENV) == "0.05"
