"""`gockurul sunucu`: the buttons over HTTP for xlwings' remote clients (VBA RunRemotePython, Office.js).

POST /xlwings/<button> with the workbook JSON the client sends; the answer is the xlwings actions to
apply. Bound to 127.0.0.1 by default, a bearer token required, request bodies limited in size.
Needs `starlette` (and `uvicorn` to serve); the remote engine needs XLWINGS_LICENSE_KEY (noncommercial).
"""

from __future__ import annotations

import hmac
import json
import os

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_BODY = 20 * 1024 * 1024


def create_app(token: str, max_body: int = DEFAULT_MAX_BODY):
    if not token:
        raise ValueError("Sunucu için bir erişim anahtarı (token) gerekli.")
    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from . import makro

    def error(status: int, text: str) -> JSONResponse:
        return JSONResponse({"hata": text}, status_code=status)

    async def run(request):
        header = request.headers.get("authorization", "")
        given = header[7:] if header.lower().startswith("bearer ") else header
        if not hmac.compare_digest(given.encode(), token.encode()):
            return error(401, "Yetkisiz: geçerli bir erişim anahtarı (Bearer token) gönderin.")
        name = request.path_params["button"]
        if name not in makro.BUTTONS:
            return error(404, f"Bilinmeyen düğme: {name}")
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_body:
            return error(413, "İstek çok büyük.")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > max_body:
                return error(413, "İstek çok büyük.")
        try:
            payload = json.loads(body)
        except ValueError:
            return error(400, "İstek geçerli bir JSON değil.")
        import xlwings as xw

        try:
            book = xw.Book(json=payload)
        except Exception as exc:
            return error(400, f"Kitap verisi okunamadı ({type(exc).__name__}).")
        getattr(makro, name)(book)
        return JSONResponse(book.json())

    async def health(request):
        return JSONResponse({"durum": "çalışıyor"})

    return Starlette(routes=[Route("/xlwings/{button}", run, methods=["POST"]),
                             Route("/saglik", health, methods=["GET"])])


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, token: str | None = None,
          max_body: int = DEFAULT_MAX_BODY) -> None:
    import uvicorn

    token = token or os.environ.get("GOCKURUL_TOKEN", "")
    uvicorn.run(create_app(token, max_body), host=host, port=port)
