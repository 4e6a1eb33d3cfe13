"""RFC 9457 problem+json answers for every error, with a stable `type` per kind of failure."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kakeibo.core.errors import Conflict, KakeiboError, NotFound, ServiceBusy, ValidationFailed
from kakeibo.core.http import PROBLEM_COMPONENT, PROBLEM_SCHEMA, problem_response

log = logging.getLogger("kakeibo.api")

COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: PROBLEM_SCHEMA,  # a body that is not JSON (or not a form) at all
    401: PROBLEM_SCHEMA,
    403: PROBLEM_SCHEMA,
    409: PROBLEM_SCHEMA,
    429: PROBLEM_SCHEMA,
    404: PROBLEM_SCHEMA,
    422: PROBLEM_SCHEMA,
    500: PROBLEM_SCHEMA,
    503: PROBLEM_SCHEMA,
}
# Seconds a client is told to wait when the database is busy: SQLite's writers take turns in milliseconds.
RETRY_AFTER_SECONDS = 1
# SQLSTATEs of PostgreSQL that mean "this could not be had now; the same request later will do": lock not
# available, serialization failure, deadlock, too many connections, cannot connect now, statement timeout.
_PG_BUSY = {"55P03", "40001", "40P01", "53300", "57P03", "57014"}


def allowed_methods(app: FastAPI, scope: Scope) -> set[str]:
    """Every method the API answers at this request's path, from its OpenAPI document (all its routes, not the
    first one matched: GET and POST /accounts are two routes)."""
    table: list[tuple[re.Pattern[str], set[str]]] | None = getattr(app.state, "allowed_methods", None)
    if table is None:
        table = [
            (compile_path(_with_converters(path, operations))[0], {method.upper() for method in operations})
            for path, operations in app.openapi().get("paths", {}).items()
        ]
        app.state.allowed_methods = table
    methods: set[str] = set()
    for pattern, answered in table:
        if pattern.match(scope["path"]):
            methods |= answered
    if "GET" in methods:
        methods.add("HEAD")
    return methods


def _with_converters(path: str, operations: dict[str, Any]) -> str:
    """The route's own path pattern: integer ids match digits only ("/rules/{rule_id:int}", so "/rules/apply" is
    another resource); the OpenAPI document drops the converter."""
    integers = {
        parameter["name"]
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if parameter.get("in") == "path" and parameter.get("schema", {}).get("type") == "integer"
    }
    return re.sub(r"\{(\w+)\}", lambda m: f"{{{m.group(1)}:int}}" if m.group(1) in integers else m.group(0), path)


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or "body"


def document_problems(app: FastAPI) -> None:
    """Put the Problem component into the app's OpenAPI document, where every error response refers to it."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = generate()
            document.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_COMPONENT
        return app.openapi_schema or {}

    app.openapi = openapi  # type: ignore[method-assign]


def install_problem_handlers(app: FastAPI) -> None:
    app.add_middleware(CatchAll)
    document_problems(app)

    @app.exception_handler(KakeiboError)
    async def _kakeibo(_request: Request, exc: KakeiboError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status_code == 401 else None
        if exc.status_code == 429 and "retry_after" in exc.extra:
            headers = {"Retry-After": str(exc.extra["retry_after"])}
        if exc.status_code == 503:
            headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        return problem_response(exc.status_code, exc.problem(), headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _invalid(exc.errors())

    @app.exception_handler(ValidationError)
    async def _model_validation(_request: Request, exc: ValidationError) -> JSONResponse:
        # A model built inside a service from what the caller sent (a change merged into a transaction): the
        # caller's input was wrong, so it is answered like any invalid request, not as a bug.
        return _invalid(exc.errors())

    def _invalid(found: Sequence[Any]) -> JSONResponse:
        errors = []
        for err in found:
            message = str(err.get("msg", "invalid"))
            ctx = err.get("ctx") or {}
            inner = ctx.get("error") if isinstance(ctx, dict) else None
            if isinstance(inner, KakeiboError):
                message = inner.message
            errors.append(
                {"field": _field_name(tuple(err.get("loc", ()))), "message": message.removeprefix("Value error, ")}
            )
        detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
        body = ValidationFailed(detail).problem()
        body["errors"] = errors
        return problem_response(422, body)

    @app.exception_handler(DBAPIError)
    async def _database(request: Request, exc: DBAPIError) -> JSONResponse:
        if is_busy(exc):
            body = ServiceBusy("the database is busy; try again in a moment").problem()
            return problem_response(503, body, {"Retry-After": str(RETRY_AFTER_SECONDS)})
        if isinstance(exc, IntegrityError):
            # The services check what they can before writing, so this is a check that was missed: logged as a
            # bug, but the database refused the write, nothing was changed, and the caller can be told why.
            log.warning("constraint refused %s %s", request.method, request.url.path, exc_info=exc)
            body = Conflict("this conflicts with something already recorded; nothing was changed").problem()
            return problem_response(409, body)
        return _server_error(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 405:
            # Starlette names the methods of the first route matched; the path may have several (GET and POST
            # /accounts are two routes). Outside the API only the web app answers, to GET.
            api = request.url.path.startswith("/api/")
            allowed = allowed_methods(request.app, request.scope) if api else {"GET", "HEAD"}
            if not allowed:  # only the web app's catch-all matched: the API has no such path
                return problem_response(404, NotFound(request.url.path).problem())
            exc.headers = {"Allow": ", ".join(sorted(allowed))}
        kinds = {404: "/problems/not-found", 405: "/problems/method-not-allowed", 401: "/problems/unauthorized"}
        body = {
            "type": kinds.get(exc.status_code, "/problems/http"),
            "title": str(exc.detail) if exc.status_code != 404 else "Not found",
            "status": exc.status_code,
            "detail": str(exc.detail),
        }
        return problem_response(exc.status_code, body, dict(exc.headers or {}) or None)


def is_busy(exc: DBAPIError) -> bool:
    """Whether a database error means "busy, try again" rather than a bug."""
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate in _PG_BUSY:
        return True
    if isinstance(exc, OperationalError):
        message = str(exc.orig).lower()
        # SQLite's busy timeout ran out, or a PostgreSQL server that cannot be reached right now.
        return "database is locked" in message or "database table is locked" in message or exc.connection_invalidated
    return False


INTERNAL_ERROR = {
    "type": "/problems/internal",
    "title": "Internal error",
    "status": 500,
    "detail": "something went wrong on our side; nothing was changed",
}


def _server_error(request: Request, exc: BaseException) -> JSONResponse:
    """A bug: logged with its traceback, answered as a problem (never a bare text 500 or a dropped connection)."""
    log.error("unhandled error in %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(500, dict(INTERNAL_ERROR))


class CatchAll:
    """The last word on a bug: a problem+json 500, logged, and the exception ends here.

    Starlette's own handler for `Exception` answers and then re-raises, and uvicorn closes a connection whose
    application raised, so a keep-alive client's next request on it would find it reset. The request's
    transaction has already been rolled back by its session scope when the exception reaches this far."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception as exc:  # a bug by definition: every expected error has a handler
            if started:  # the status line is out: nothing left to answer with but closing
                raise
            await _server_error(Request(scope), exc)(scope, receive, send)
