"""`gockurul sunucu`: the official xlwings Server (the `xlwings-server` package) with our buttons.

The project xlwings-server runs lives in `assets/server/` (made with `xlwings-server init`): the buttons as
custom scripts, the Turkish task pane, ribbon and alert box, the manifest, a token auth provider. This module
only points xlwings-server at that folder and adds what it leaves to the deployment, in front of its app:
- request bodies limited in size (413 before the body is read) and only our scripts reachable (404);
- bodies that are not a workbook (bad JSON, nested too deep, not what a client sends) are a Turkish 400,
  never a 500 (FastAPI dependency overrides of xlwings-server's own `parse_book_input` / `get_book`, which
  keep its `book.close()` after every call: the book is released, memory levels off).
- a book bounded in sheets, rows and cells (a Turkish 413 naming the limit), and each button run in a worker
  process off the event loop with a time limit (stopped, a Turkish 503, when it is exceeded), so one heavy
  request never blocks `GET /` or the other users (issue 23);
The app is stateless: more uvicorn workers or containers behind a load balancer scale it.
Needs the `sunucu` extra: pip install "gockurul-excel[sunucu]".
"""

import asyncio
import contextlib
import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Annotated, Any

from . import makro

PROJECT_DIR = Path(__file__).resolve().parent / "assets" / "server"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_BODY = 20 * 1024 * 1024
MAX_BODY_ENV = "GOCKURUL_MAX_BODY"
TOKEN_ENV = "GOCKURUL_TOKEN"
ICON_URL_ENV = "GOCKURUL_ICON_URL"  # where the ribbon icons are published (the admin centre must reach it)
LICENCE_ENV = "XLWINGS_LICENSE_KEY"
SCRIPT_PATH = "/xlwings/custom-scripts-call/"

TOO_LARGE = "İstek çok büyük: kitap verisi {limit} MB sınırını aşıyor. Yalnızca gerekli sayfaları gönderin."
UNKNOWN_SCRIPT = "Bilinmeyen düğme: '{name}'."
NOT_JSON = "İstek geçerli bir JSON değil; Excel eklentisinin gönderdiği kitap verisi bekleniyordu."
TOO_DEEP = "İstek çok iç içe (JSON derinliği sınırı aşıldı); bu bir Excel kitabının verisi değil."
NOT_A_BOOK = "İstekteki veri bir Excel kitabı değil ({why})."
NO_BOOK = "İstekte kitap verisi yok."
# What one request may carry (issue 23). A province's busiest input sheet (Katılımcılar of a year) is a few
# thousand rows; the generated sheets a button does not read come with empty values.
MAX_SHEETS = 300
MAX_ROWS = 10_000  # per sheet
MAX_CELLS = 250_000  # over the whole request
TIME_LIMIT_ENV, DEFAULT_TIME_LIMIT = "GOCKURUL_TIME_LIMIT", 120.0  # seconds a button may run
PARALLEL = 2  # buttons run at once per server process (more wait their turn, within their time limit)
TOO_MANY_SHEETS = "İstek çok büyük: {n} sayfa gönderildi, en çok {limit} sayfa kabul edilir."
TOO_MANY_ROWS = (
    "İstek çok büyük: '{sheet}' sayfasında {n} satır var, bir sayfada en çok {limit} satır kabul "
    "edilir. Boş satırları silin ya da kitabı bölün."
)
TOO_MANY_CELLS = (
    "İstek çok büyük: {n} hücre gönderildi, bir istekte en çok {limit} hücre kabul edilir. Boş "
    "satır ve sütunları silin."
)
TOO_SLOW = (
    "İşlem {limit} saniyede bitmedi ve durduruldu; kitap değiştirilmedi. Kitap bu sunucu için çok büyük "
    "olabilir: masaüstü eklentisini ya da 'gockurul' komutunu kullanın."
)
# A workbook payload is a few levels deep (book > sheets > values > row > cell); far more is an attack.
MAX_DEPTH = 32
NEEDS_EXTRA = (
    'Sunucu için xlwings-server paketi gerekli: pip install "gockurul-excel[sunucu]" (kurulum '
    "paketinde: README'deki 'Sunucu' bölümü)."
)


def manifest_version(version: str) -> str:
    """The package version as the manifest's four-part `Version` (digits only, as its XSD pattern allows):
    a new release changes it, so Office and centrally deployed clients reload the ribbon."""
    import re

    release = re.match(r"\d+(?:\.\d+)*", version)  # "1.2.0rc1" -> 1.2.0: pre-release tags have no place
    parts = [str(int(p)) for p in release.group(0).split(".")[:4]] if release else ["0"]
    return ".".join(parts + ["0"] * (4 - len(parts)))


def configure_environment(
    token: str | None = None, licence: str | None = None, settings_file: Path | None = None, max_body: int | None = None
) -> None:
    """Environment variables xlwings-server reads at import (workers inherit them)."""
    os.environ["XLWINGS_PROJECT_DIR"] = str(PROJECT_DIR)
    os.environ["XLWINGS_ON_SERVER"] = "true"
    if token:
        os.environ[TOKEN_ENV] = token
    if licence:
        os.environ[LICENCE_ENV] = licence
    if settings_file:
        os.environ["DOTENV_PATH"] = str(Path(settings_file).resolve())
    if max_body:
        os.environ[MAX_BODY_ENV] = str(max_body)


def _depth(value: Any, limit: int) -> bool:
    """Whether `value` nests deeper than `limit` (iterative: a deep body must not exhaust the stack)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item if isinstance(v, (dict, list)))
    return False


def book_payload(raw: bytes) -> dict:
    """The JSON body of a button call, checked: what `xw.Book(json=...)` gets, or a Turkish HTTP 400."""
    from fastapi import HTTPException

    if not raw:
        raise HTTPException(status_code=400, detail=NO_BOOK)
    try:
        data = json.loads(raw)
    except RecursionError:
        raise HTTPException(status_code=400, detail=TOO_DEEP) from None
    except ValueError:
        raise HTTPException(status_code=400, detail=NOT_JSON) from None
    if _depth(data, MAX_DEPTH):
        raise HTTPException(status_code=400, detail=TOO_DEEP)
    if not isinstance(data, dict) or not isinstance(data.get("book"), dict) or not isinstance(data.get("sheets"), list):
        raise HTTPException(status_code=400, detail=NOT_A_BOOK.format(why="'book' ve 'sheets' alanları yok"))
    check_size(data["sheets"])
    return data


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def check_size(sheets: list) -> None:
    """Sheets, rows per sheet and cells per request within the limits, or a Turkish 413 naming the limit."""
    from fastapi import HTTPException

    if len(sheets) > MAX_SHEETS:
        raise HTTPException(
            status_code=413, detail=TOO_MANY_SHEETS.format(n=_number(len(sheets)), limit=_number(MAX_SHEETS))
        )
    cells = 0
    for sheet in sheets:
        values = sheet.get("values") if isinstance(sheet, dict) else None
        if not isinstance(values, list):
            continue
        if len(values) > MAX_ROWS:
            name = str(sheet.get("name", "?"))[:40]
            raise HTTPException(
                status_code=413,
                detail=TOO_MANY_ROWS.format(sheet=name, n=_number(len(values)), limit=_number(MAX_ROWS)),
            )
        cells += sum(len(row) if isinstance(row, list) else 1 for row in values)
    if cells > MAX_CELLS:
        raise HTTPException(status_code=413, detail=TOO_MANY_CELLS.format(n=_number(cells), limit=_number(MAX_CELLS)))


_POOL: ProcessPoolExecutor | None = None
BUSY = "Sunucu bu sırada yeniden başlatıldı; düğmeye tekrar basın."


def time_limit() -> float:
    try:
        return float(os.environ.get(TIME_LIMIT_ENV) or DEFAULT_TIME_LIMIT)
    except ValueError:
        return DEFAULT_TIME_LIMIT


def _pool() -> ProcessPoolExecutor:
    global _POOL
    if _POOL is None:
        # spawn: a clean interpreter, as on Windows (no fork of a process that runs threads and an event loop)
        _POOL = ProcessPoolExecutor(max_workers=PARALLEL, mp_context=multiprocessing.get_context("spawn"))
    return _POOL


def _kill_pool() -> None:
    """A run past its time limit: its process is stopped (with the other runs of the pool, answered 503)."""
    global _POOL
    pool, _POOL = _POOL, None
    if pool is None:
        return
    for proc in list(getattr(pool, "_processes", {}).values()):
        with contextlib.suppress(Exception):
            proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def run_in_worker(name: str, raw: bytes) -> tuple[int, str]:
    """In a worker process: the body the client sent, checked (book_payload), the button `name` run on it, and
    the HTTP status and JSON text of the answer (the actions; a Turkish detail otherwise). Parsing and encoding
    happen here too, so the server process's event loop does no work in proportion to the book."""
    import xlwings as xw
    from fastapi import HTTPException

    try:
        data = book_payload(raw)
    except HTTPException as exc:
        return exc.status_code, json.dumps({"detail": exc.detail}, ensure_ascii=False)
    if data.pop("args", None):
        return 400, json.dumps({"detail": f"Script '{name}' received extra argument(s)"})
    try:
        book = xw.Book(json=data)
    except Exception as exc:  # a client of another xlwings version, or not a workbook at all
        why = str(exc) if isinstance(exc, xw.XlwingsError) else type(exc).__name__
        return 400, json.dumps({"detail": NOT_A_BOOK.format(why=why[:300])}, ensure_ascii=False)
    try:
        getattr(makro, name)(book)  # a button never raises (makro._run): its message is in the actions
        return 200, json.dumps(book.json(), ensure_ascii=False, default=str)
    finally:
        book.close()


async def run_button(name: str, raw: bytes) -> tuple[int, str]:
    """Run a button in a worker process, never on the event loop (nor in a thread of this process, whose
    interpreter lock would slow every other request), within the time limit. A run past the limit is stopped
    and answered with a Turkish 503: the client applies nothing, so the book is unchanged."""
    limit = time_limit()
    try:
        future = asyncio.get_running_loop().run_in_executor(_pool(), run_in_worker, name, raw)
        return await asyncio.wait_for(future, timeout=limit)
    except TimeoutError:
        _kill_pool()
        return 503, json.dumps({"detail": TOO_SLOW.format(limit=round(limit, 1))}, ensure_ascii=False)
    except BrokenProcessPool:
        _kill_pool()
        return 503, json.dumps({"detail": BUSY}, ensure_ascii=False)


def _button_route(app: Any) -> None:
    """Our own `POST …/xlwings/custom-scripts-call/{name}`, ahead of xlwings-server's: the same authentication
    (its `User` dependency), the body handed unparsed to a worker process, and the worker's JSON text sent as
    it is (xlwings-server's route would parse the book on the event loop and encode the answer there with
    FastAPI's jsonable_encoder: about a second for a large book's findings, during which nothing else runs)."""
    from fastapi import Form, Request, Response
    from fastapi.routing import APIRoute
    from xlwings_server import dependencies
    from xlwings_server.config import settings

    async def custom_scripts_call(
        script_name: str,
        request: Request,
        current_user: dependencies.User,
        form_data: Annotated[str | None, Form(alias="bookData")] = None,
    ) -> Response:
        raw = form_data.encode("utf-8") if form_data else await request.body()
        status, body = await run_button(script_name, raw)
        return Response(body.encode("utf-8"), status_code=status, media_type="application/json")

    route = APIRoute(
        f"{settings.app_path}/xlwings/custom-scripts-call/{{script_name}}", custom_scripts_call, methods=["POST"]
    )
    app.router.routes.insert(0, route)


class Guard:
    """ASGI middleware: body size limit and known script names, before xlwings-server sees the request."""

    def __init__(self, app: Any, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") != "POST":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if SCRIPT_PATH in path:
            name = path.split(SCRIPT_PATH, 1)[1].strip("/")
            if name not in makro.BUTTONS:
                await _plain(send, 404, UNKNOWN_SCRIPT.format(name=name[:80]))
                return
        limit_text = TOO_LARGE.format(limit=round(self.max_body / 1024 / 1024, 1))
        for key, value in scope.get("headers", []):
            if key == b"content-length" and value.isdigit() and int(value) > self.max_body:
                await _plain(send, 413, limit_text)
                return
        # The body is read here (up to the limit) and replayed to the app.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _plain(send, 413, limit_text)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> dict:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _plain(send: Any, status: int, text: str) -> None:
    body = json.dumps({"detail": text}, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def create_app() -> Any:
    """The ASGI app: xlwings-server's, with our project, overrides and guard (uvicorn factory)."""
    configure_environment()
    try:
        from fastapi import Depends, Form, HTTPException, Request
        from xlwings_server import dependencies
        from xlwings_server.main import app, main_app
        from xlwings_server.templates import templates
    except ImportError as exc:
        raise RuntimeError(NEEDS_EXTRA) from exc
    import xlwings as xw

    async def parse_book_input(
        request: Request, form_data: Annotated[str | None, Form(alias="bookData")] = None
    ) -> dict:
        raw = form_data.encode("utf-8") if form_data else await request.body()
        return await asyncio.to_thread(book_payload, raw)  # parsing 20 MB of JSON must not stall the loop

    async def get_book(book_data: Annotated[dict, Depends(parse_book_input)]):
        try:
            book = xw.Book(json=book_data)
        except Exception as exc:  # a client of another xlwings version, or not a workbook at all
            why = str(exc) if isinstance(exc, xw.XlwingsError) else type(exc).__name__
            raise HTTPException(status_code=400, detail=NOT_A_BOOK.format(why=why[:300])) from None
        try:
            yield book
        finally:
            book.close()  # as xlwings-server's own get_book: the remote book leaves xlwings' book list

    app.dependency_overrides[dependencies.parse_book_input] = parse_book_input
    app.dependency_overrides[dependencies.get_book] = get_book
    _button_route(app)
    groups = [(group, [(name, makro.BUTTONS[name]) for name in names]) for group, names in makro.BUTTON_GROUPS.items()]
    templates.env.globals["gockurul_groups"] = groups
    templates.env.globals["gockurul_names"] = [name for _, names in groups for name, _ in names]
    from . import __version__

    templates.env.globals["gockurul_version"] = manifest_version(__version__)
    templates.env.globals["gockurul_icon_url"] = (os.environ.get(ICON_URL_ENV) or "").rstrip("/")
    max_body = int(os.environ.get(MAX_BODY_ENV) or DEFAULT_MAX_BODY)
    return _with_lite(Guard(main_app, max_body))


def _with_lite(app: Any) -> Any:
    """/lite/: our wheel, Lite's requirements.txt and main.py for xlwings Lite (files/lite.py; README, 'xlwings
    Lite')."""
    from .files.lite import LiteFiles

    return LiteFiles(app)


def serve(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    workers: int = 1,
    token: str | None = None,
    licence: str | None = None,
    settings_file: Path | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    ssl_keyfile: str | None = None,
    ssl_certfile: str | None = None,
    announce=None,
) -> None:
    """`announce()` is called once the server can start: an address and "Ctrl+C" are never printed before a
    refusal (issue 25 item 8)."""
    # Before anything imports xlwings_server: its settings are read at import, from this environment.
    configure_environment(token, licence, settings_file, max_body)
    import importlib.util

    if importlib.util.find_spec("xlwings_server") is None or importlib.util.find_spec("uvicorn") is None:
        from .errors import GocKurulError

        raise GocKurulError(NEEDS_EXTRA)
    import uvicorn

    if announce is not None:
        announce()
    uvicorn.run(
        "gockurul_excel.server:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
        ssl_keyfile=ssl_keyfile,
        ssl_certfile=ssl_certfile,
        log_level="info",
    )
