"""What every domain's HTTP edge shares: the request's database session (the edge owns the transaction) and the
problem document errors are answered with. Here rather than in `api/` so that a domain's router imports only `core`
and the domains below it; `api/` assembles the app on top."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.core.db import session_scope

PROBLEM_MEDIA_TYPE = "application/problem+json"

# The problem document, once, as a component every error response refers to (see `document_problems`).
PROBLEM_COMPONENT: dict[str, Any] = {
    "title": "Problem",
    "description": "An RFC 9457 problem document",
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
PROBLEM_SCHEMA: dict[str, Any] = {
    "description": "An RFC 9457 problem document",
    "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
}


def problem_response(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def get_session(request: Request) -> Iterator[Session]:
    """One session per request: committed when the handler returns, rolled back when it raises. The commit
    happens before the response is sent (scope "function"), so a client that got a 2xx reads its own write and
    a failed commit is an error response, never a success that was lost."""
    with session_scope(
        request.app.state.sessionmaker, write=request.method not in ("GET", "HEAD", "OPTIONS")
    ) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def get_read_session(request: Request) -> Iterator[Session]:
    """A session that only reads, whatever the method: for handlers that open their own short write transactions
    (so SQLite's write lock is not held while they wait on something slow, such as a language model)."""
    with session_scope(request.app.state.sessionmaker, write=False) as session:
        yield session


ReadSessionDep = Annotated[Session, Depends(get_read_session, scope="function")]


# The caller of a request is an Actor (core/actor.py), built once by the auth dependency; the old name stays.
RequestContext = Actor
