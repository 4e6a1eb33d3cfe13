"""RFC 9457 problem+json answers for every error, with a stable `type` per kind of failure."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from kakeibo.core.errors import KakeiboError, ValidationFailed

PROBLEM_MEDIA_TYPE = "application/problem+json"

PROBLEM_SCHEMA: dict[str, Any] = {
    "description": "An RFC 9457 problem document",
    "content": {
        PROBLEM_MEDIA_TYPE: {
            "schema": {
                "type": "object",
                "properties": {
                    "type": {"type": "string"},
                    "title": {"type": "string"},
                    "status": {"type": "integer"},
                    "detail": {"type": "string"},
                    "errors": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
                        },
                    },
                },
                "required": ["type", "title", "status"],
            }
        }
    },
}
COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: PROBLEM_SCHEMA,
    404: PROBLEM_SCHEMA,
    422: PROBLEM_SCHEMA,
}


def problem_response(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or "body"


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(KakeiboError)
    async def _kakeibo(_request: Request, exc: KakeiboError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status_code == 401 else None
        if exc.status_code == 429 and "retry_after" in exc.extra:
            headers = {"Retry-After": str(exc.extra["retry_after"])}
        return problem_response(exc.status_code, exc.problem(), headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = []
        for err in exc.errors():
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

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        kinds = {404: "/problems/not-found", 405: "/problems/method-not-allowed", 401: "/problems/unauthorized"}
        body = {
            "type": kinds.get(exc.status_code, "/problems/http"),
            "title": str(exc.detail) if exc.status_code != 404 else "Not found",
            "status": exc.status_code,
            "detail": str(exc.detail),
        }
        return problem_response(exc.status_code, body, dict(exc.headers or {}) or None)
