"""`gockurul sunucu`: the real xlwings-server app in a real uvicorn on 127.0.0.1, called the way its Office.js
client calls it; the manifest, the task pane in headless Chromium, a 1,000-call soak, refusals."""

from __future__ import annotations

import concurrent.futures
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import httpx
import pytest
from lxml import etree

from gockurul_excel import contract, makro

from .test_makro import payload_from_xlsx

TOKEN = "gizli-anahtar"
XLWINGS_SERVER = Path(__import__("xlwings_server").__file__).resolve().parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tmp: Path, workers: int = 1, max_body: int = 5_000_000):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(tmp / f"sunucu-{self.port}.log", "w+", encoding="utf-8")
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        env.pop("XLWINGS_LICENSE_KEY", None)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gockurul_excel",
                "sunucu",
                "--port",
                str(self.port),
                "--anahtar",
                TOKEN,
                "--lisans",
                "noncommercial",
                "--workers",
                str(workers),
                "--en-buyuk-istek",
                str(max_body),
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(self.output())
            try:
                if httpx.get(self.url + "/", timeout=2).json() == {"status": "ok"}:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise AssertionError("sunucu başlamadı:\n" + self.output())

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def pids(self) -> list[int]:
        """The server process and its uvicorn worker processes."""
        out = [self.proc.pid]
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                try:
                    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(stat[1]) == self.proc.pid:
                    out.append(int(pid))
        return out

    def rss_mb(self) -> float:
        total = 0
        for pid in self.pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            total += int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
        return total / 1024

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, 15)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, 9)
                self.proc.wait()
        self.log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("sunucu"))
    yield s
    s.stop()


def office_js_post(server: Server, book: Path, script: str, *, token: str = TOKEN, **kw) -> httpx.Response:
    """As xlwings-server's Office.js client (custom-scripts/index.js runPython): the script's `include` from
    custom-scripts-meta, excluded sheets sent by name with empty values, Authorization as getAuth() gives it."""
    meta = {m["function_name"]: m for m in httpx.get(server.url + "/xlwings/custom-scripts-meta").json()}
    include = [s.strip() for s in (meta[script].get("include") or "").split(",") if s.strip()]
    payload = payload_from_xlsx(book, **kw)
    if include:
        for sheet in payload["sheets"]:
            if sheet["name"] not in include:
                sheet["values"] = [[]]
    return httpx.post(
        f"{server.url}/xlwings/custom-scripts-call/{script}",
        json=payload,
        timeout=120,
        headers={"Authorization": f"Bearer {token}", "Auth-Provider": "custom"},
    )


def js_callbacks() -> set[str]:
    """The action names xlwings-server's JavaScript client can apply: its `funcs` map, read from the package."""
    text = (XLWINGS_SERVER / "static" / "js" / "custom-scripts" / "index.js").read_text(encoding="utf-8")
    block = re.search(r"let funcs = \{(.*?)\n\};", text, re.S).group(1)
    return set(re.findall(r"^\s*(\w+):", block, re.M))


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    from gockurul_excel import operations

    path = tmp_path_factory.mktemp("ornek") / "ornek.xlsx"
    operations.create_example(path)
    return path


def test_every_button_returns_actions_the_client_knows(server, example):
    known = js_callbacks()
    assert {"setValues", "alert", "addSheet", "freezePaneAtRange"} <= known
    meta = httpx.get(server.url + "/xlwings/custom-scripts-meta").json()
    assert {m["function_name"]: m["name"] for m in meta} == makro.BUTTONS  # Turkish names
    for name in makro.BUTTONS:
        r = office_js_post(server, example, name, selection=("Toplantılar", "A7"))
        assert r.status_code == 200, (name, r.text[:500])
        actions = r.json()["actions"]
        funcs = {a["func"] for a in actions}
        assert funcs <= known, (name, funcs - known)
        alert = [a for a in actions if a["func"] == "alert"]
        assert len(alert) == 1 and alert[0]["args"][1] == makro.TITLE, name  # shown with /xlwings/alert
        assert alert[0]["args"][0] and "beklenmeyen" not in alert[0]["args"][0], (name, alert[0]["args"][0])
    r = office_js_post(server, example, "kontrol_et")
    funcs = [a["func"] for a in r.json()["actions"]]
    assert "setValues" in funcs and "freezePaneAtRange" in funcs


def test_alert_box_is_turkish(server):
    r = httpx.get(
        server.url + "/xlwings/alert",
        params={"prompt": "Kontrol tamamlandı", "title": makro.TITLE, "buttons": "ok", "mode": "info", "callback": ""},
    )
    assert r.status_code == 200 and "Tamam" in r.text and "Kontrol tamamlandı" in r.text


def test_manifest_names_every_button(server):
    r = httpx.get(server.url + "/manifest")
    assert r.status_code == 200
    root = etree.fromstring(r.content)  # well-formed XML
    ns = {
        "o": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
        "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
    }
    functions = [f.text for f in root.iterfind(".//o:FunctionName", ns)]
    assert functions == [b for names in makro.BUTTON_GROUPS.values() for b in names]
    strings = {s.get("id"): s.get("DefaultValue") for s in root.iterfind(".//bt:ShortStrings/bt:String", ns)}
    for name, label in makro.BUTTONS.items():
        assert strings[f"{name}.L"] == label
    assert strings["Tab.Label"] == "Göç Kurulu" and set(makro.BUTTON_GROUPS) <= set(strings.values())
    # Air-gapped: every address in the manifest is this server's.
    urls = re.findall(r'(?:DefaultValue="|<AppDomain>)(https?://[^"<]+)', r.text)
    assert urls and all(u.startswith(server.url) for u in urls), urls


def test_taskpane_loads_nothing_from_the_internet(server):
    html = httpx.get(server.url + "/taskpane.html").text
    for label in makro.BUTTONS.values():
        assert label in html
    external = [u for u in re.findall(r'(?:src|href)="([^"]+)"', html) if re.match(r"https?://", u)]
    assert external == []


def _png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Rows of RGB(A) pixels of a non-interlaced 8-bit PNG (what Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and color in (2, 6)
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, bpp, rows


def test_taskpane_in_headless_chromium_shows_the_turkish_buttons(server, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("chromium CI'da kurulu olmalı: .ci/run kurar.")
        pytest.skip("chromium yok")
    args = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profil'}",
        "--window-size=420,900",
        "--virtual-time-budget=2000",
    ]
    url = server.url + "/taskpane.html"
    dom = subprocess.run([*args, "--dump-dom", url], capture_output=True, text=True, timeout=120).stdout
    for name, label in makro.BUTTONS.items():  # rendered, with xlwings' click handler attached by its script
        assert re.search(rf'<button xw-click="{name}"[^>]*xw-click-initialized="true"[^>]*>{re.escape(label)}<', dom), (
            name
        )
    assert "Erişim anahtarı" in dom
    # Outside Office, office.js resolves without a host and xlwings' watchdog covers the pane with its (Turkish)
    # reload box; the screenshot is therefore of the rendered DOM above, scripts removed, that box hidden and
    # the server's stylesheets inlined (its Cross-Origin-Resource-Policy keeps them from a file:// page).
    assert "Eklenti düzgün yüklenmedi." in dom
    snapshot = re.sub(r"<script\b.*?</script>", "", dom, flags=re.S)
    overlay = 'id="xlwings-office-ready-error" class='
    snapshot = re.sub(overlay + r'"[^"]*"', overlay + '"d-none"', snapshot)

    def inline(m):
        return "<style>" + httpx.get(server.url + m.group(1)).text + "</style>"

    snapshot = re.sub(r'<link rel="stylesheet" href="([^"]+)"[^>]*>', inline, snapshot)
    page = tmp_path / "gorev-bolmesi.html"
    page.write_text(snapshot, encoding="utf-8")
    shot = tmp_path / "gorev-bolmesi.png"
    subprocess.run([*args, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120)
    width, bpp, rows = _png_pixels(shot)
    assert width == 420 and len(rows) == 900

    # The buttons are Bootstrap's filled primary buttons: ten bands of one saturated colour down the pane.
    def saturated(row: bytes) -> int:
        return sum(1 for i in range(0, len(row), bpp) if max(row[i : i + 3]) - min(row[i : i + 3]) > 60)

    band_rows = [y for y, row in enumerate(rows) if saturated(row) > width // 2]
    bands = sum(1 for i, y in enumerate(band_rows) if i == 0 or y != band_rows[i - 1] + 1)
    assert bands == len(makro.BUTTONS), bands


def test_refusals_are_clear_4xx_without_traceback(tmp_path, make_book):
    s = Server(tmp_path, max_body=2_000_000)
    try:
        book = make_book()
        bad = office_js_post(s, book, "kontrol_et", token="yanlis")
        assert bad.status_code == 401 and "Yetkisiz" in bad.json()["detail"]
        auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
        big = httpx.post(
            f"{s.url}/xlwings/custom-scripts-call/kontrol_et", content=b"[" + b"0," * 1_100_000 + b"0]", headers=auth
        )
        assert big.status_code == 413 and "çok büyük" in big.json()["detail"]
        for body in (b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 5_000 + b"1" + b"}" * 5_000):
            deep = httpx.post(f"{s.url}/xlwings/custom-scripts-call/kontrol_et", content=body, headers=auth)
            assert deep.status_code == 400 and "iç içe" in deep.json()["detail"]
        for body in (b"{", b'{"book": [], "sheets": {}}', b'"x"'):
            r = httpx.post(f"{s.url}/xlwings/custom-scripts-call/kontrol_et", content=body, headers=auth)
            assert r.status_code == 400, (body, r.text)
        unknown = httpx.post(f"{s.url}/xlwings/custom-scripts-call/makro", content=b"{}", headers=auth)
        assert unknown.status_code == 404
        assert s.proc.poll() is None
        assert "Traceback" not in s.output()
    finally:
        s.stop()


def test_soak_memory_levels_off(server, make_book, record_property):
    """1,000 button calls on one worker: resident memory after the first 200 calls (warm-up) grows by less
    than 20 MB over the next 800 (the old server grew by ≈0.35–1 MB a call)."""
    book = make_book()
    payload = payload_from_xlsx(book)
    url = f"{server.url}/xlwings/custom-scripts-call/kontrol_et"
    headers = {"Authorization": f"Bearer {TOKEN}"}
    body = json.dumps(payload).encode()
    samples = {}
    started = time.monotonic()
    with httpx.Client(timeout=60) as client:
        for i in range(1, 1001):
            r = client.post(url, content=body, headers={**headers, "Content-Type": "application/json"})
            assert r.status_code == 200, r.text[:300]
            if i in (200, 400, 600, 800, 1000):
                samples[i] = server.rss_mb()
            assert time.monotonic() - started < 600, "soak too slow"
    growth = samples[1000] - samples[200]
    record_property("rss_mb", samples)
    print(
        f"RSS (MB) after calls: {samples}; growth 200→1000: {growth:.1f} MB; "
        f"{(time.monotonic() - started) / 1000 * 1000:.0f} ms a call"
    )
    assert growth < 20, samples


def test_two_workers_serve_concurrently(tmp_path, make_book):
    s = Server(tmp_path, workers=2)
    try:
        assert len(s.pids()) >= 3  # the supervisor and two workers
        body = json.dumps(payload_from_xlsx(make_book())).encode()

        def call(_):
            return httpx.post(
                f"{s.url}/xlwings/custom-scripts-call/takvimi_hesapla",
                content=body,
                timeout=120,
                headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
            )

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            results = list(pool.map(call, range(24)))
        assert [r.status_code for r in results] == [200] * 24
        assert all(any(a["func"] == "setValues" for a in r.json()["actions"]) for r in results)
        assert "Traceback" not in s.output()
    finally:
        s.stop()


def test_server_needs_token_and_licence():
    from .conftest import run_cli

    env_less = run_cli("sunucu", "--port", "1")
    assert env_less.returncode == 2 and "anahtar" in env_less.stderr and "Traceback" not in env_less.stderr
    assert contract.CONTROL_PANEL_SHEET in makro.SHEETS_READ["pdf"]


# --- the manifest against the constraints of Microsoft's add-in manifest XSDs ----------------------------
# OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd and OfficeAppBasicTypesV1_0.xsd ([MS-OWEMXML]
# appendix A). No npm or PyPI package ships them, so every constraint they state for the elements our manifest
# uses is checked here; GOCKURUL_OFFICE_XSD (a folder holding those three files) adds a full lxml validation.
OFFICE = "http://schemas.microsoft.com/office/appforoffice/1.1"
OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides"
BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0"
UUID = re.compile(
    r"(urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}"
)
VERSION = re.compile(r"([0-9]{1,5})(\.[0-9]{1,5}){0,3}")
CULTURE = re.compile(
    r"[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(-[a-zA-Z]{2,3})?"
    r"|[a-zA-Z]{2,3}(-[a-zA-Z]{2,3}(_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?"
)
SHORT, LONG, URL, REFERENCE_ID = 125, 250, 2048, 32
# OfficeApp's sequence (TaskPaneApp) up to VersionOverrides, in the XSD's order.
OFFICE_ORDER = (
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "VersionOverrides",
)
# Which resource list each reference points into.
RESOURCE_OF = {
    "Label": "ShortStrings",
    "Title": "ShortStrings",
    "Description": "LongStrings",
    "Image": "Images",
    "SourceLocation": "Urls",
    "FunctionFile": "Urls",
    "Runtime": "Urls",
}


def manifest_problems(xml: bytes) -> list[str]:
    """Every violation of the XSD constraints for the elements we use (empty: valid)."""
    root = etree.fromstring(xml)
    out: list[str] = []

    def length(what: str, value: str | None, maximum: int) -> None:
        if value is None or not 1 <= len(value) <= maximum:
            out.append(f"{what}: {value!r} length not in 1..{maximum}")

    def local(el) -> str:
        return etree.QName(el).localname

    if root.tag != f"{{{OFFICE}}}OfficeApp":
        return ["root is not OfficeApp 1.1"]
    names = [local(el) for el in root if isinstance(el.tag, str)]
    positions = [OFFICE_ORDER.index(n) if n in OFFICE_ORDER else -1 for n in names]
    if -1 in positions or positions != sorted(positions) or len(set(names)) != len(names):
        out.append(f"OfficeApp children out of the XSD's order: {names}")
    for required in ("Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings"):
        if required not in names:
            out.append(f"missing {required}")
    text = {local(el): (el.text or "").strip() for el in root if isinstance(el.tag, str)}
    if not UUID.fullmatch(text.get("Id", "")):
        out.append(f"Id is not a UUID: {text.get('Id')!r}")
    if not VERSION.fullmatch(text.get("Version", "")):
        out.append(f"Version does not match the XSD pattern: {text.get('Version')!r}")
    if not CULTURE.fullmatch(text.get("DefaultLocale", "")):
        out.append("DefaultLocale is not a culture name")
    length("ProviderName", text.get("ProviderName"), SHORT)
    length("DisplayName", root.find(f"{{{OFFICE}}}DisplayName").get("DefaultValue"), SHORT)
    length("Description", root.find(f"{{{OFFICE}}}Description").get("DefaultValue"), LONG)
    for tag in ("IconUrl", "HighResolutionIconUrl", "SupportUrl"):
        for el in root.iterfind(f"{{{OFFICE}}}{tag}"):
            length(tag, el.get("DefaultValue"), URL)
    for el in root.iterfind(f".//{{{OFFICE}}}SourceLocation"):
        length("SourceLocation", el.get("DefaultValue"), URL)
    for el in root.iterfind(f".//{{{OFFICE}}}AppDomain"):
        length("AppDomain", (el.text or "").strip(), URL)
    # Resources: ids are ReferenceIds (1..32), unique per list; values within their type's length.
    resources: dict[str, set[str]] = {}
    for kind, maximum in (("Images", URL), ("Urls", URL), ("ShortStrings", SHORT), ("LongStrings", LONG)):
        ids = resources.setdefault(kind, set())
        for el in root.iterfind(f".//{{{OV}}}Resources/{{{BT}}}{kind}/*"):
            rid = el.get("id")
            length(f"{kind} id", rid, REFERENCE_ID)
            length(f"{kind} {rid} value", el.get("DefaultValue"), maximum)
            if rid in ids:
                out.append(f"{kind}: id {rid!r} twice")
            ids.add(rid)
    for el in root.iter():
        if not isinstance(el.tag, str) or el.get("resid") is None:
            continue
        rid = el.get("resid")
        length(f"resid of {local(el)}", rid, REFERENCE_ID)
        kind = RESOURCE_OF.get(local(el))
        if kind is None or rid not in resources.get(kind, set()):
            out.append(f"resid {rid!r} of {local(el)} names no {kind} resource")
    # Controls, groups, tabs: ids are ShortStrings, unique; icons in the mandatory sizes 16, 32 and 80.
    ids = [el.get("id") for el in root.iter(f"{{{OV}}}Control", f"{{{OV}}}Group", f"{{{OV}}}CustomTab")]
    for cid in ids:
        length("control id", cid, SHORT)
    if len(set(ids)) != len(ids):
        out.append("control ids repeat")
    for icon in root.iter(f"{{{OV}}}Icon"):
        sizes = sorted(int(img.get("size")) for img in icon)
        if not {16, 32, 80} <= set(sizes):
            out.append(f"icon without the mandatory sizes: {sizes}")
    for el in root.iter(f"{{{OV}}}FunctionName"):
        length("FunctionName", (el.text or "").strip(), LONG)
    for el in root.iter(f"{{{OV}}}TaskpaneId"):
        length("TaskpaneId", (el.text or "").strip(), SHORT)
    for el in root.iter(f"{{{OV}}}Supertip"):
        if [local(c) for c in el] != ["Title", "Description"]:
            out.append("Supertip needs Title then Description")
    xsd = os.environ.get("GOCKURUL_OFFICE_XSD")
    if xsd:  # Microsoft's own files, when a machine has them
        schema = etree.XMLSchema(etree.parse(str(Path(xsd) / "OfficeAppManifestV1_1.xsd")))
        if not schema.validate(etree.fromstring(xml)):
            out.extend(f"XSD: {e.message}" for e in schema.error_log)
    return out


def test_manifest_meets_the_xsd_constraints(server):
    from gockurul_excel import __version__
    from gockurul_excel.files import icons
    from gockurul_excel.server import manifest_version

    xml = httpx.get(server.url + "/manifest").content
    assert manifest_problems(xml) == []
    root = etree.fromstring(xml)
    # Version follows the package, so a release reloads the ribbon of centrally deployed clients.
    assert root.findtext(f"{{{OFFICE}}}Version") == manifest_version(__version__)
    assert manifest_version("1.2.0rc1") == "1.2.0.0" and manifest_version("3") == "3.0.0.0"
    assert manifest_version("1.2.3.4.5") == "1.2.3.4"
    # One icon per button, served by this server as a PNG of the size the manifest states, all different.
    images = {el.get("id"): el.get("DefaultValue") for el in root.iterfind(f".//{{{BT}}}Images/{{{BT}}}Image")}
    seen = set()
    for name in makro.BUTTONS:
        for size in icons.SIZES:
            r = httpx.get(images[f"{name}.{size}"])
            assert r.status_code == 200 and r.content[:8] == b"\x89PNG\r\n\x1a\n", (name, size)
            assert struct.unpack(">II", r.content[16:24]) == (size, size)
            seen.add(r.content)
        icon = root.find(f".//{{{OV}}}Control[@id='Button.{name}']/{{{OV}}}Icon")
        assert {img.get("resid") for img in icon} == {f"{name}.{s}" for s in icons.SIZES}
    assert len(seen) == len(makro.BUTTONS) * len(icons.SIZES)
    # The committed PNGs are what the generator draws (python -m gockurul_excel.files.icons).
    folder = Path(makro.__file__).parent / "assets" / "server" / "static" / "images" / "icons"
    assert {p.name: p.read_bytes() for p in folder.glob("gk-*.png")} == icons.all_icons()


def test_manifest_check_catches_a_33_character_id(server):
    xml = httpx.get(server.url + "/manifest").text
    assert manifest_problems(xml.encode()) == []
    name = "ilce_kitaplarini_birlestir"
    long_id = "x" * 31 + ".L"  # 33 characters, as 'Button.platform_dosyalari.Tooltip' was
    bad = xml.replace(f'"{name}.L"', f'"{long_id}"')
    problems = manifest_problems(bad.encode())
    assert problems and all("length not in 1..32" in p for p in problems), problems
    ok = xml.replace(f'"{name}.L"', f'"{"x" * 30}.L"')  # 32: allowed
    assert manifest_problems(ok.encode()) == []
    # Other constraints the check enforces.
    assert any("Version" in p for p in manifest_problems(re.sub(r"<Version>[^<]*", "<Version>1.0.0.0.0", xml).encode()))
    assert any("names no" in p for p in manifest_problems(xml.replace(f'resid="{name}.T"', 'resid="yok.T"').encode()))
    assert any(
        "mandatory sizes" in p
        for p in manifest_problems(re.sub(r'<bt:Image size="80" resid="pdf\.80" />', "", xml).encode())
    )


def test_icon_url_for_the_admin_centre(tmp_path, monkeypatch):
    """GOCKURUL_ICON_URL: the icons named at the address IT publishes them (the admin centre fetches them)."""
    monkeypatch.setenv("GOCKURUL_ICON_URL", "https://simge.ornek.gov.tr/gockurul/")
    s = Server(tmp_path)
    try:
        xml = httpx.get(s.url + "/manifest").content
    finally:
        s.stop()
    assert manifest_problems(xml) == []
    root = etree.fromstring(xml)
    urls = [el.get("DefaultValue") for el in root.iterfind(f".//{{{BT}}}Images/{{{BT}}}Image")]
    urls += [root.find(f"{{{OFFICE}}}IconUrl").get("DefaultValue")]
    assert urls and all(u.startswith("https://simge.ornek.gov.tr/gockurul/gk-") for u in urls), urls
