"""xlwings Lite without PyPI: Lite's `main.py` and `requirements.txt` naming where our wheel is, the wheel itself,
and the route `gockurul sunucu` serves them on (`/lite/...`, with the CORS header Lite's fetch needs).

`gockurul-excel` is not on PyPI (and must not be installed from there by name: anyone could register it), so
Lite gets our wheel by its URL. What Lite takes from PyPI besides it is pinned to the versions installed here
(the ones the tests ran); what Pyodide ships itself (jsonschema and what it needs) comes from Pyodide's
distribution, as micropip prefers it.
"""

from __future__ import annotations

import threading
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import GocKurulError

DISTRIBUTION = "gockurul-excel"
ROUTE = "/lite/"
MAIN_PY = Path(__file__).resolve().parent.parent / "assets" / "lite" / "main.py"
# Not in Pyodide's distribution: Lite installs these from PyPI (pure Python; xlwings has a wasm wheel).
FROM_PYPI = ("xlwings", "holidays", "pycountry")
PLACEHOLDER = "# gockurul_excel tekerleğinin adresi buraya: 'gockurul lite --wheel-url ADRES' bu dosyayı adresle yazar."


def version() -> str:
    return metadata.version(DISTRIBUTION)


def wheel_name() -> str:
    return f"gockurul_excel-{version()}-py3-none-any.whl"


def wheel_url(url: str) -> str:
    """The wheel's full address: `url` itself when it names this version's wheel, `url` + the wheel's name when
    it ends with '/'. micropip takes the package's name and version from the file name, and Lite's page is
    HTTPS, so the browser fetches only HTTPS addresses (or this computer's)."""
    url = url.strip()
    parts = urlsplit(url)
    local = parts.hostname in ("localhost", "127.0.0.1")
    if parts.scheme not in ("https", "http") or not parts.netloc or (parts.scheme == "http" and not local):
        raise GocKurulError(
            f"'{url}' bir HTTPS adresi değil. xlwings Lite HTTPS bir sayfadır; tekerleği yalnızca "
            "HTTPS adreslerinden indirebilir (ör. https://gockurul.il.gov.tr/lite/)."
        )
    if parts.path.endswith("/"):
        return url + wheel_name()
    if not parts.path.endswith(".whl"):
        raise GocKurulError(
            f"'{url}' bir tekerlek (.whl) adresi değil: klasör adresini '/' ile bitirin ya da "
            f"dosyanın tam adresini verin (dosya adı: {wheel_name()})."
        )
    name = parts.path.rsplit("/", 1)[-1]
    if name != wheel_name():
        raise GocKurulError(
            f"Adresteki dosya adı '{name}', bu sürümün tekerleği '{wheel_name()}'. Lite paketin "
            "sürümünü dosya adından okur: tekerleği bu adla yayımlayın."
        )
    return url


def requirements_text(url: str | None) -> str:
    """Lite's requirements.txt: the PyPI packages pinned to the versions installed here, then our wheel's URL."""
    lines = [
        f"# xlwings Lite: Göç Kurulu düğmeleri (gockurul-excel {version()}). 'gockurul lite' yazdı; README, "
        "'xlwings Lite'.",
        "# jsonschema ve bağımlılıkları Pyodide'in kendi paketlerinden gelir; gockurul-excel PyPI'da yoktur, "
        "adıyla kurulmaz.",
    ]
    lines += [f"{name}=={metadata.version(name)}" for name in FROM_PYPI]
    lines.append(wheel_url(url) if url is not None else PLACEHOLDER)
    return "\n".join(lines) + "\n"


def main_text() -> str:
    return MAIN_PY.read_text(encoding="utf-8")


# --- our wheel ------------------------------------------------------------------------------------------

_WHEEL: dict[str, bytes] = {}
_WHEEL_LOCK = threading.Lock()


def wheel_bytes() -> bytes:
    """This package's wheel (made once per process: from the checkout, else from the installed copy)."""
    import tempfile

    from .offline import own_wheel

    with _WHEEL_LOCK:
        if "wheel" not in _WHEEL:
            with tempfile.TemporaryDirectory(prefix="gockurul-lite-") as tmp:
                _WHEEL["wheel"] = own_wheel(None, Path(tmp)).read_bytes()
        return _WHEEL["wheel"]


def write_lite(folder: Path, url: str, *, overwrite: bool = False) -> list[Path]:
    """Lite's main.py and requirements.txt naming `url`, and the wheel to publish there, into `folder`."""
    full = wheel_url(url)
    targets = {"main.py": main_text().encode("utf-8"), "requirements.txt": requirements_text(full).encode("utf-8")}
    existing = [name for name in (*targets, wheel_name()) if (folder / name).exists()]
    if existing and not overwrite:
        raise GocKurulError(
            f"'{folder}' klasöründe {', '.join(existing)} zaten var; üzerine yazılmadı (--uzerine-yaz ile değiştirin)."
        )
    targets[wheel_name()] = wheel_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in targets.items():
        tmp = folder / f".{name}.yaziliyor"
        tmp.write_bytes(data)
        tmp.replace(folder / name)
        written.append(folder / name)
    return written


# --- the server's route ---------------------------------------------------------------------------------

CORS = [
    (b"access-control-allow-origin", b"*"),
    (b"access-control-allow-methods", b"GET, HEAD, OPTIONS"),
    (b"access-control-allow-headers", b"*"),
    (b"access-control-max-age", b"86400"),
]


class LiteFiles:
    """ASGI middleware: GET /lite/<the wheel's name>, /lite/requirements.txt, /lite/main.py, from memory (no
    path reaches the file system); every other path goes to `app`."""

    def __init__(self, app) -> None:
        self.app = app

    async def _content(self, name: str, scope: dict) -> tuple[bytes, bytes] | None:
        if name == wheel_name():  # made once, off the event loop (from a checkout it is a pip build)
            import asyncio

            return await asyncio.to_thread(wheel_bytes), b"application/octet-stream"
        if name == "requirements.txt":
            headers = dict(scope.get("headers", []))
            host = headers.get(b"host", b"").decode("latin-1") or "localhost"
            url = f"{scope.get('scheme', 'https')}://{host}{scope.get('root_path', '')}{ROUTE}"
            try:
                return requirements_text(url).encode("utf-8"), b"text/plain; charset=utf-8"
            except GocKurulError as exc:  # served over plain HTTP to another computer: Lite could not fetch it
                return f"# {exc}\n".encode(), b"text/plain; charset=utf-8"
        if name == "main.py":
            return main_text().encode("utf-8"), b"text/x-python; charset=utf-8"
        return None

    async def __call__(self, scope: dict, receive, send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(ROUTE):
            await self.app(scope, receive, send)
            return
        method = scope.get("method", "GET")
        if method == "OPTIONS":
            await _respond(send, 204, b"", b"text/plain")
            return
        found = await self._content(path[len(ROUTE) :], scope) if method in ("GET", "HEAD") else None
        if found is None:
            status = 404 if method in ("GET", "HEAD") else 405
            await _respond(send, status, "Bulunamadı.".encode(), b"text/plain; charset=utf-8")
            return
        body, kind = found
        await _respond(send, 200, b"" if method == "HEAD" else body, kind, length=len(body))


async def _respond(send, status: int, body: bytes, kind: bytes, length: int | None = None) -> None:
    headers = [
        (b"content-type", kind),
        (b"content-length", str(len(body) if length is None else length).encode()),
        (b"cache-control", b"no-cache"),
        *CORS,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
