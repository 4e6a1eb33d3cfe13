"""Request-scoped dependencies: the database session (the edge owns the transaction) and the caller's context."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from kakeibo.core.actor import Actor
from kakeibo.core.db import session_scope


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
