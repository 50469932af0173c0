"""xlwings Lite in real Pyodide: every button of makrolar/xlwings_lite/main.py pressed under Node on the demo book
and on the 4x bench book, its actions equal to CPython's for the same book (issue 20, items 1-2).

Pyodide is the npm package pinned in tests/pyodide/package.json (the version xlwings Lite runs, README "xlwings
Lite"); the wheels are local files (tests/pyodide/wheels, from `pip download` in .ci/run), our wheel is built from
the checkout, and micropip installs it WITH dependency resolution and no network: a requirement of ours that
Pyodide cannot meet fails here. Stand-ins, each because the npm package has no package files:
- rpds-py (compiled, under jsonschema -> referencing): real Lite loads Pyodide's build from its CDN; here a
  pure-Python package of the same name and API (tests/pyodide/rpds_standin) takes its place.
- xlwings: the PyPI wasm wheel of the same version as CPython's (with its compiled xlwingslib); Lite's own
  xlwings gets the licence key and XLWINGS_ON_SERVER from Lite, the harness sets them (press.mjs).
"""

from __future__ import annotations

import ast
import re
import socket
import sys
import threading
import time

import pytest

from gockurul_excel import makro

from . import lite_harness as harness
from .test_makro import payload_from_xlsx

ROOT = harness.ROOT
# What Lite must never import (not in its dependency set: pyproject.toml's emscripten markers).
NOT_IN_LITE = {"pandas", "python_calamine", "lxml", "docx", "openpyxl", "icalendar", "numpy"}
FILE_CODE = "gockurul_excel.files"  # no button imports file code before it knows it can write files


def lite_buttons() -> list[str]:
    """Every @script function of Lite's main.py, in file order."""
    tree = ast.parse(harness.MAIN_PY.read_text(encoding="utf-8"))
    return [
        f.name
        for f in tree.body
        if isinstance(f, ast.FunctionDef)
        and any(isinstance(d, ast.Call) and getattr(d.func, "id", None) == "script" for d in f.decorator_list)
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    lacking = harness.missing()
    if lacking:  # .ci/run installs these; a skipped harness proves nothing
        pytest.fail(f"Pyodide harness incomplete: {lacking}")
    return harness.build_wheels(tmp_path_factory.mktemp("tekerlek"))


def _demo(tmp_path_factory):
    from gockurul_excel import operations

    path = tmp_path_factory.mktemp("ornek") / "ornek.xlsx"
    operations.create_example(path)
    return path


def _bench4(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    path = tmp_path_factory.mktemp("bench") / "kitap-4x.xlsx"
    generate(path, size=4)
    return path


@pytest.mark.parametrize("make", [_demo, _bench4], ids=["ornek", "bench-4x"])
def test_every_lite_button_in_pyodide_equals_cpython(make, built, tmp_path_factory):
    buttons = lite_buttons()
    assert len(buttons) == len(makro.BUTTONS)  # every button of the ribbon is in main.py
    payload = payload_from_xlsx(make(tmp_path_factory), selection=("Toplantılar", "A7"))
    jobs = [{"button": b, "payload": payload} for b in buttons]
    out = harness.press_in_pyodide(jobs, built)
    assert out["platform"] == "emscripten" and out["python"].startswith("3.14")
    assert not set(out["modules"]) & NOT_IN_LITE, out["modules"]
    assert not [m for m in out["modules"] if m.startswith(FILE_CODE)], out["modules"]
    expected = harness.press_in_cpython(jobs)
    for got, want in zip(out["results"], expected, strict=True):
        assert got["button"] == want["button"]
        actions = harness.comparable(got["actions"])
        assert actions == harness.comparable(want["actions"]), got["button"]
        status = [
            v
            for a in got["actions"]["actions"]
            if a["func"] == "setValues"
            for row in a["values"]
            for v in row
            if isinstance(v, str) and harness.STAMP.match(v)
        ]
        assert len(status) == 1, got["button"]  # the button's message in Kontrol Paneli!A2
        assert "beklenmeyen" not in status[0] and "yapılamadı" not in status[0], status


def test_lite_requirements_name_no_pypi_package_we_do_not_publish():
    text = (ROOT / "makrolar" / "xlwings_lite" / "requirements.txt").read_text(encoding="utf-8")
    lines = [line.split("#")[0].strip() for line in text.splitlines() if line.split("#")[0].strip()]
    assert not any(re.match(r"gockurul[-_.]excel\b", line, re.I) for line in lines), lines


@pytest.fixture
def lite_server(built, monkeypatch):
    """`gockurul sunucu`'s /lite/ route (files/lite.LiteFiles) on an ephemeral port, over our built wheel; the
    rest of the app stands aside (404)."""
    import uvicorn

    from gockurul_excel.files import lite

    async def rest(scope, receive, send):
        await send({"type": "http.response.start", "status": 404, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    monkeypatch.setitem(lite._WHEEL, "wheel", built[-1].read_bytes())
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(lite.LiteFiles(rest), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(10)


def test_lite_installs_our_wheel_from_the_servers_requirements(lite_server, built, tmp_path_factory):
    """What an office with a province server pastes into Lite: /lite/requirements.txt, whose last line is the
    server's own wheel URL; micropip installs from it (HTTP, this computer) and the button runs."""
    from gockurul_excel.files import lite

    payload = payload_from_xlsx(_demo(tmp_path_factory), selection=("Toplantılar", "A7"))
    out = harness.press_in_pyodide(
        [{"button": "kontrol_et", "payload": payload}],
        built[:-1],
        requirements_url=f"{lite_server}/lite/requirements.txt",
    )
    assert out["requirements"][-1] == f"{lite_server}/lite/{lite.wheel_name()}"
    assert out["gockurul_excel"] == lite.version()
    expected = harness.press_in_cpython([{"button": "kontrol_et", "payload": payload}])
    assert harness.comparable(out["results"][0]["actions"]) == harness.comparable(expected[0]["actions"])
