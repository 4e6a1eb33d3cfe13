"""Security headers on every response, and the API docs (Swagger UI) served from this server's own files."""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Scripts and styles only from files on this origin: no inline script, nothing from a CDN (the tokens live in
# the web app's localStorage, on this origin). Nobody may frame a page (clickjacking).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "media-src 'self' blob:",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), geolocation=(), payment=(), usb=(), microphone=(self)",
}
# API answers carry tokens, keys and the books: no cache, shared or private, may keep them.
API_CACHE_CONTROL = "no-store"


class SecurityHeaders:
    """Adds HEADERS to every HTTP response (a handler's own value wins), and no-store to the API's."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = scope["path"].startswith("/api/") or scope["path"] == "/openapi.json"

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if api:
                    headers.setdefault("Cache-Control", API_CACHE_CONTROL)
            await send(message)

        await self.app(scope, receive, sending)


# Swagger UI's own files, from a package that ships them (no CDN at run time).
SWAGGER_FILES = Path(fastapi_offline.__file__).resolve().parent / "static"
_ASSETS = {"swagger-ui-bundle.js", "swagger-ui.css", "favicon.png"}
# FastAPI's page starts Swagger UI with an inline script, which the policy above refuses: the same start, as a file.
_INIT_SCRIPT = """window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
});
"""
_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - API docs</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
<link rel="icon" href="/docs/favicon.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
"""


def install_docs(app: FastAPI) -> None:
    """/docs: Swagger UI from local files, started by a script file (create the app with docs_url=None)."""
    page = _PAGE.format(title=app.title)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(page, headers={"Cache-Control": "no-cache"})

    @app.get("/docs/init.js", include_in_schema=False)
    def docs_init() -> Response:
        return Response(_INIT_SCRIPT, media_type="text/javascript", headers={"Cache-Control": "no-cache"})

    @app.get("/docs/{name}", include_in_schema=False)
    def docs_asset(name: str) -> Response:
        if name not in _ASSETS:
            return Response(status_code=404)
        return FileResponse(SWAGGER_FILES / name, headers={"Cache-Control": "public, max-age=86400"})
