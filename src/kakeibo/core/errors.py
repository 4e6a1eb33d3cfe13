"""The one error hierarchy: every error carries a stable type, a title and an HTTP status."""

from __future__ import annotations

from typing import Any


class KakeiboError(Exception):
    """Base of every expected error. The API answers it as RFC 9457 problem+json."""

    status_code: int = 400
    type: str = "about:blank"
    title: str = "Bad request"

    def __init__(self, message: str, *, field: str | None = None, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.extra = extra or {}

    def problem(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": self.type,
            "title": self.title,
            "status": self.status_code,
            "detail": self.message,
        }
        if self.field:
            body["errors"] = [{"field": self.field, "message": self.message}]
        body.update(self.extra)
        return body


class ValidationFailed(KakeiboError):
    status_code = 422
    type = "/problems/validation"
    title = "Invalid input"


class NotFound(KakeiboError):
    status_code = 404
    type = "/problems/not-found"
    title = "Not found"


class Conflict(KakeiboError):
    status_code = 409
    type = "/problems/conflict"
    title = "Conflict"


class Unauthorized(KakeiboError):
    status_code = 401
    type = "/problems/unauthorized"
    title = "Not authenticated"


class Forbidden(KakeiboError):
    status_code = 403
    type = "/problems/forbidden"
    title = "Not allowed"


class RateLimited(KakeiboError):
    status_code = 429
    type = "/problems/rate-limited"
    title = "Too many requests"


class ConfigurationError(KakeiboError):
    status_code = 500
    type = "/problems/configuration"
    title = "Misconfigured"


class ServiceBusy(KakeiboError):
    """The database could not be had in time (SQLite's write lock, a PostgreSQL lock or connection): try again."""

    status_code = 503
    type = "/problems/busy"
    title = "Busy, try again"
