"""Request-scoped dependencies, kept importable here; they live in `core/http.py`, which every domain's router uses."""

from kakeibo.core.http import ReadSessionDep, RequestContext, SessionDep, get_read_session, get_session

__all__ = ["ReadSessionDep", "RequestContext", "SessionDep", "get_read_session", "get_session"]
