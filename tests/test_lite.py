"""xlwings Lite gets our wheel without PyPI (issue 20, item 1): `gockurul lite` writes Lite's main.py and
requirements.txt naming the wheel's URL, `gockurul sunucu` serves the wheel at /lite/ with CORS, nothing else."""

from __future__ import annotations

import asyncio
import zipfile
from importlib import metadata

import pytest

from gockurul_excel.files import lite

from .conftest import ROOT, run_cli

MAKROLAR = ROOT / "makrolar" / "xlwings_lite"


def test_gockurul_lite_writes_main_requirements_and_wheel(tmp_path):
    out = tmp_path / "lite"
    proc = run_cli("lite", "--wheel-url", "https://gockurul.ornek.gov.tr/yol/", "--cikti", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    name = f"gockurul_excel-{metadata.version('gockurul-excel')}-py3-none-any.whl"
    assert sorted(p.name for p in out.iterdir()) == sorted(["main.py", "requirements.txt", name])
    lines = [x for x in (out / "requirements.txt").read_text(encoding="utf-8").splitlines() if not x.startswith("#")]
    assert lines[-1] == f"https://gockurul.ornek.gov.tr/yol/{name}"
    assert lines[:-1] == [f"{p}=={metadata.version(p)}" for p in ("xlwings", "holidays", "pycountry")]
    assert (out / "main.py").read_text(encoding="utf-8") == (MAKROLAR / "main.py").read_text(encoding="utf-8")
    with zipfile.ZipFile(out / name) as whl:
        assert "gockurul_excel/makro.py" in whl.namelist()
    again = run_cli("lite", "--wheel-url", "https://gockurul.ornek.gov.tr/yol/", "--cikti", str(out))
    assert again.returncode != 0 and "zaten var" in again.stderr and "Traceback" not in again.stderr


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://gockurul.ornek.gov.tr/lite/", "HTTPS"),  # Lite's page is HTTPS: the browser refuses plain HTTP
        ("https://gockurul.ornek.gov.tr/lite", "'/' ile bitirin"),
        ("https://gockurul.ornek.gov.tr/lite/gockurul_excel-9.9.9-py3-none-any.whl", "dosya adı"),
        ("gockurul.ornek.gov.tr/lite/", "HTTPS"),
    ],
)
def test_gockurul_lite_refuses_an_address_lite_cannot_use(tmp_path, url, says):
    proc = run_cli("lite", "--wheel-url", url, "--cikti", str(tmp_path / "lite"))
    assert proc.returncode != 0 and says in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "lite").exists()


def test_local_http_is_allowed_for_trying_out():
    assert lite.wheel_url("http://127.0.0.1:8000/lite/").endswith(lite.wheel_name())


def test_makrolar_lite_files_are_what_gockurul_lite_writes():
    assert (MAKROLAR / "main.py").read_text(encoding="utf-8") == lite.main_text()
    ours = [x.split("==")[0] for x in lite.requirements_text(None).splitlines() if not x.startswith("#")]
    text = (MAKROLAR / "requirements.txt").read_text(encoding="utf-8")
    theirs = [x.split("==")[0] for x in text.splitlines() if not x.startswith("#")]
    assert ours == theirs == list(lite.FROM_PYPI)
    assert f"xlwings=={metadata.version('xlwings')}" in text  # Lite's xlwings is the one tested


# --- the server's /lite/ route ---------------------------------------------------------------------------


def _get(app, method: str, path: str, host: bytes = b"gockurul.ornek.gov.tr", scheme: str = "https"):
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "scheme": scheme,
        "headers": [(b"host", host)],
        "root_path": "",
    }
    asyncio.run(app(scope, receive, send))
    start = sent[0]
    return start["status"], dict(start["headers"]), b"".join(m.get("body", b"") for m in sent[1:])


@pytest.fixture
def served(monkeypatch):
    async def inner(scope, receive, send):  # stands for xlwings-server's app
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b"inner"})

    monkeypatch.setitem(lite._WHEEL, "wheel", b"PK-wheel-bytes")
    return lite.LiteFiles(inner)


def test_route_serves_the_wheel_with_cors(served):
    status, headers, body = _get(served, "GET", lite.ROUTE + lite.wheel_name())
    assert status == 200 and body == b"PK-wheel-bytes"
    assert headers[b"access-control-allow-origin"] == b"*"
    status, headers, body = _get(served, "HEAD", lite.ROUTE + lite.wheel_name())
    assert status == 200 and body == b"" and headers[b"content-length"] == str(len(b"PK-wheel-bytes")).encode()
    status, headers, _ = _get(served, "OPTIONS", lite.ROUTE + lite.wheel_name())  # a preflight
    assert status == 204 and b"GET" in headers[b"access-control-allow-methods"]


def test_route_requirements_name_this_servers_wheel(served):
    status, _, body = _get(served, "GET", lite.ROUTE + "requirements.txt")
    assert status == 200
    assert body.decode().splitlines()[-1] == f"https://gockurul.ornek.gov.tr/lite/{lite.wheel_name()}"
    _, _, body = _get(served, "GET", lite.ROUTE + "main.py")
    assert body.decode() == lite.main_text()


@pytest.mark.parametrize(
    "path",
    [
        "/lite/../pyproject.toml",
        "/lite/%2e%2e/pyproject.toml",
        "/lite/makro.py",
        "/lite/gockurul_excel/makro.py",
        "/lite/",
        "/lite/gockurul_excel-0.0.0-py3-none-any.whl",
    ],
)
def test_route_serves_nothing_else(served, path):
    status, _, body = _get(served, "GET", path)
    assert status == 404 and b"PK" not in body


def test_route_leaves_other_paths_to_xlwings_server(served):
    assert _get(served, "GET", "/taskpane.html")[0] == 299
    assert _get(served, "POST", lite.ROUTE + "requirements.txt")[0] == 405


def test_server_app_has_the_route(monkeypatch):
    from gockurul_excel import server

    for key in ("XLWINGS_PROJECT_DIR", "XLWINGS_ON_SERVER"):  # create_app sets them: restored after the test
        monkeypatch.setenv(key, "")
        monkeypatch.delenv(key)

    assert isinstance(server.create_app(), lite.LiteFiles)


def test_every_schema_we_validate_with_is_valid_for_its_metaschema():
    """SchemaCheck no longer checks its schema at run time (a cost of every first press in Lite): here instead."""
    from jsonschema import validators

    from gockurul_excel import contract, rules
    from gockurul_excel.core import rowschema
    from gockurul_excel.platform.codes import SCHEMA_KINDS
    from gockurul_excel.platform.schemas import load_schema

    schemas = [rowschema.row_schema(sheet) for sheet in contract.SHEETS_BY_NAME]
    schemas += [rowschema.settings_schema(kind) for kind in (None, *(k.value for k in rules.BoardKind))]
    schemas += [load_schema(kind) for kind in SCHEMA_KINDS]
    for schema in schemas:
        validators.validator_for(schema).check_schema(schema)
    broken = {**rowschema.row_schema("Üyeler"), "type": "satır"}  # the test can fail
    with pytest.raises(Exception, match="satır"):
        validators.validator_for(broken).check_schema(broken)


def test_warm_up_loads_what_the_buttons_use_and_nothing_lite_lacks():
    """makro.warm_up (Lite's main.py runs it at start): the buttons' modules and holidays, never the desktop's
    libraries (Lite has none of them: a warm-up importing one would break Lite's start)."""
    import subprocess
    import sys

    code = (
        "import sys; from gockurul_excel import makro; names = makro.warm_up(); "
        "lacking = ('pandas', 'python_calamine', 'lxml', 'docx', 'openpyxl', 'icalendar', 'gockurul_excel.files'); "
        "print(sorted(m for m in sys.modules if m.startswith(lacking))); "
        "print('holidays' in sys.modules, 'jsonschema' in sys.modules, 'gockurul_excel.core.checks' in names)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["[]", "True True True"], proc.stdout
