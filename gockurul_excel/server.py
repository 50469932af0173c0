"""`gockurul sunucu`: the official xlwings Server (the `xlwings-server` package) with our buttons.

The project xlwings-server runs lives in `assets/server/` (made with `xlwings-server init`): the buttons as
custom scripts, the Turkish task pane, ribbon and alert box, the manifest, a token auth provider. This module
only points xlwings-server at that folder and adds what it leaves to the deployment, in front of its app:
- request bodies limited in size (413 before the body is read) and only our scripts reachable (404);
- bodies that are not a workbook (bad JSON, nested too deep, not what a client sends) are a Turkish 400,
  never a 500 (FastAPI dependency overrides of xlwings-server's own `parse_book_input` / `get_book`, which
  keep its `book.close()` after every call: the book is released, memory levels off).
The app is stateless: more uvicorn workers or containers behind a load balancer scale it.
Needs the `sunucu` extra: pip install "gockurul-excel[sunucu]".
"""


import json
import os
from pathlib import Path
from typing import Annotated, Any

from . import makro

PROJECT_DIR = Path(__file__).resolve().parent / "assets" / "server"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_BODY = 20 * 1024 * 1024
MAX_BODY_ENV = "GOCKURUL_MAX_BODY"
TOKEN_ENV = "GOCKURUL_TOKEN"
LICENCE_ENV = "XLWINGS_LICENSE_KEY"
SCRIPT_PATH = "/xlwings/custom-scripts-call/"

TOO_LARGE = "İstek çok büyük: kitap verisi {limit} MB sınırını aşıyor. Yalnızca gerekli sayfaları gönderin."
UNKNOWN_SCRIPT = "Bilinmeyen düğme: '{name}'."
NOT_JSON = "İstek geçerli bir JSON değil; Excel eklentisinin gönderdiği kitap verisi bekleniyordu."
TOO_DEEP = "İstek çok iç içe (JSON derinliği sınırı aşıldı); bu bir Excel kitabının verisi değil."
NOT_A_BOOK = "İstekteki veri bir Excel kitabı değil ({why})."
NO_BOOK = "İstekte kitap verisi yok."
# A workbook payload is a few levels deep (book > sheets > values > row > cell); far more is an attack.
MAX_DEPTH = 32
NEEDS_EXTRA = ("Sunucu için xlwings-server paketi gerekli: pip install \"gockurul-excel[sunucu]\" (kurulum "
               "paketinde: README'deki 'Sunucu' bölümü).")


def configure_environment(token: str | None = None, licence: str | None = None, settings_file: Path | None = None,
                          max_body: int | None = None) -> None:
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
    if not isinstance(data, dict) or not isinstance(data.get("book"), dict) or not isinstance(data.get("sheets"),
                                                                                                list):
        raise HTTPException(status_code=400, detail=NOT_A_BOOK.format(why="'book' ve 'sheets' alanları yok"))
    return data


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
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
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

    async def parse_book_input(request: Request,
                               form_data: Annotated[str | None, Form(alias="bookData")] = None) -> dict:
        raw = form_data.encode("utf-8") if form_data else await request.body()
        return book_payload(raw)

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
    groups = [(group, [(name, makro.BUTTONS[name]) for name in names]) for group, names in makro.BUTTON_GROUPS.items()]
    templates.env.globals["gockurul_groups"] = groups
    templates.env.globals["gockurul_names"] = [name for _, names in groups for name, _ in names]
    max_body = int(os.environ.get(MAX_BODY_ENV) or DEFAULT_MAX_BODY)
    return Guard(main_app, max_body)


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *, workers: int = 1, token: str | None = None,
          licence: str | None = None, settings_file: Path | None = None, max_body: int = DEFAULT_MAX_BODY,
          ssl_keyfile: str | None = None, ssl_certfile: str | None = None, announce=None) -> None:
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
    uvicorn.run("gockurul_excel.server:create_app", factory=True, host=host, port=port, workers=workers,
                proxy_headers=True, forwarded_allow_ips="127.0.0.1", ssl_keyfile=ssl_keyfile,
                ssl_certfile=ssl_certfile, log_level="info")
