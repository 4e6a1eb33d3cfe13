"""The FastAPI application factory: routers under /api/v1, health checks, problem+json, security headers, the
API docs and the built web app."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy import Engine, text
from starlette.exceptions import HTTPException as StarletteHTTPException

import kakeibo
from kakeibo.api.guards import reject_nul
from kakeibo.api.problems import COMMON_RESPONSES, allowed_methods, install_problem_handlers
from kakeibo.api.security import SecurityHeaders, install_docs
from kakeibo.core.db import get_engine, session_factory
from kakeibo.core.errors import NotFound
from kakeibo.core.settings import Settings, get_settings

WEB_DIST = Path(__file__).resolve().parent.parent / "web" / "dist"


def _operation_id(route: APIRoute) -> str:
    """Clean operation ids ("accounts-list", "households-add_member") so generated clients read well."""
    tag = str(route.tags[0]) if route.tags else "default"
    name = route.name
    noun = tag.replace("-", "_")
    for suffix in (noun, noun.removesuffix("s")):
        if name.endswith("_" + suffix):
            name = name.removesuffix("_" + suffix)
            break
    return f"{tag}-{name}"


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # The job runner recovers what a crash left before the first request, and on shutdown (SIGTERM) gives the
    # running job its grace period; both block, so they run off the event loop.
    runner = app.state.job_runner
    await asyncio.to_thread(runner.start)
    try:
        yield
    finally:
        await asyncio.to_thread(runner.shutdown)


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    settings = settings or get_settings()
    settings.resolved_secret_key()  # refuse to start without a usable signing key
    engine = engine or get_engine(settings.resolved_database_url)

    app = FastAPI(
        title="kakeibo",
        version=kakeibo.__version__,
        description="A household's double-entry ledger. Amounts are decimal strings; errors are problem+json.",
        generate_unique_id_function=_operation_id,
        responses=COMMON_RESPONSES,
        dependencies=[Depends(reject_nul)],
        lifespan=_lifespan,
        # Swagger UI is served from local files (install_docs); ReDoc would need a CDN script and inline styles.
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = session_factory(engine)
    # Jobs run in the server's own threads (embedded) or on Celery workers (with Redis); every kind of job is
    # registered in one place.
    from kakeibo.jobs.runners import runner_for
    from kakeibo.tasks import register_all

    register_all(settings)
    app.state.job_runner = runner_for(settings, app.state.sessionmaker)
    # The assistant's language model when one is configured (an OpenAI-compatible endpoint); None = offline.
    from kakeibo.assistant.llm.service import llm_for

    app.state.language_model = llm_for(settings)
    install_problem_handlers(app)
    app.add_middleware(SecurityHeaders)
    if settings.proxy_networks:
        # Only then is X-Forwarded-For believed, and only from these addresses (`kakeibo serve` turns uvicorn's
        # own handling off, which would trust 127.0.0.1 by default).
        from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.proxy_networks)

    from kakeibo.api.router import api_router

    app.include_router(api_router, prefix="/api/v1")

    @app.get("/healthz", tags=["health"], include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"], include_in_schema=False)
    def readyz(request: Request) -> Any:
        try:
            with request.app.state.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:  # readiness reports the failure instead of raising
            return JSONResponse({"status": "unavailable", "database": str(exc)[:200]}, status_code=503)
        return {"status": "ok", "database": "ok"}

    install_docs(app)
    _mount_web(app)
    return app


def _mount_web(app: FastAPI) -> None:
    index = WEB_DIST / "index.html"

    @app.get("/{path:path}", include_in_schema=False)
    def web(path: str, request: Request) -> Any:
        if path.startswith("api/"):
            # Under /api this route only stands in for the API's: a path the API has with other methods is a 405
            # naming them, any other is a 404 (both answered as problem+json like every other error).
            allowed = allowed_methods(request.app, request.scope)
            if allowed:
                raise StarletteHTTPException(405, headers={"Allow": ", ".join(sorted(allowed))})
            raise NotFound(f"/{path}")
        candidate = (WEB_DIST / path).resolve()
        if path and candidate.is_file() and WEB_DIST.resolve() in candidate.parents:
            # Vite names assets by content hash, so they never change; the page and the service worker must be
            # checked on every load, or a browser keeps an old app after an upgrade.
            immutable = path.startswith("assets/")
            cache = "public, max-age=31536000, immutable" if immutable else "no-cache"
            return FileResponse(candidate, headers={"Cache-Control": cache})
        if index.exists():
            return FileResponse(index, headers={"Cache-Control": "no-cache"})
        return JSONResponse(
            {"name": "kakeibo", "api": "/api/v1", "docs": "/docs", "web": "the web app is not built yet"}
        )
