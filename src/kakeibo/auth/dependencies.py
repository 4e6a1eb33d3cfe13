"""Who is calling: the request's context from a bearer token or an API key, and the household it acts in."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import APIKeyHeader, OAuth2PasswordBearer
from sqlalchemy.orm import Session

from kakeibo.auth import service
from kakeibo.auth.errors import ApiKeyNotAllowed, HouseholdNotFound, InvalidToken
from kakeibo.auth.ratelimit import LoginLimiter, limiter_for_app
from kakeibo.auth.tokens import looks_like_api_key
from kakeibo.core.actor import Actor
from kakeibo.core.db import is_writing, lock_household
from kakeibo.core.errors import Unauthorized
from kakeibo.core.http import ReadSessionDep, RequestContext, SessionDep
from kakeibo.core.settings import Settings
from kakeibo.core.types import Id

# auto_error=False: a missing credential is answered by get_context as a problem, not by FastAPI's default error.
bearer_scheme = OAuth2PasswordBearer(
    tokenUrl="/api/v1/auth/token",
    auto_error=False,
    description="An access token from /auth/token, or an API key (kk_…)",
)
api_key_scheme = APIKeyHeader(name="X-API-Key", auto_error=False, description="An API key (kk_…)")


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_login_limiter(request: Request) -> LoginLimiter:
    return limiter_for_app(request.app.state)


def client_address(request: Request) -> str:
    """The caller's address, the key of rate limits. X-Forwarded-For counts only when it came through a proxy in
    KAKEIBO_TRUSTED_PROXIES (the app's ProxyHeadersMiddleware then sets the client; see api/app.py)."""
    return request.client.host if request.client else "unknown"


SettingsDep = Annotated[Settings, Depends(get_settings)]
LoginLimiterDep = Annotated[LoginLimiter, Depends(get_login_limiter)]


def _signing_key(request: Request) -> str:
    # Embedded mode keeps the key in a file: read it once per app, not on every request.
    key: str | None = getattr(request.app.state, "signing_key", None)
    if key is None:
        key = get_settings(request).resolved_secret_key()
        request.app.state.signing_key = key
    return key


BearerDep = Annotated[str | None, Depends(bearer_scheme)]
ApiKeyDep = Annotated[str | None, Depends(api_key_scheme)]
HouseholdHeader = Annotated[
    Id | None, Header(description="Act in this household instead of the token's (you must be a member)")
]


def get_context(
    request: Request,
    session: SessionDep,
    bearer: BearerDep = None,
    api_key: ApiKeyDep = None,
    x_household_id: HouseholdHeader = None,
) -> RequestContext:
    """The caller and their household; 401 when the credential is missing, invalid, expired or revoked."""
    return _context(request, session, bearer, api_key, x_household_id)


def get_read_context(
    request: Request,
    session: ReadSessionDep,
    bearer: BearerDep = None,
    api_key: ApiKeyDep = None,
    x_household_id: HouseholdHeader = None,
) -> RequestContext:
    """The caller, checked in a reading transaction (for handlers that write in transactions of their own)."""
    return _context(request, session, bearer, api_key, x_household_id)


def _context(
    request: Request, session: Session, bearer: str | None, api_key: str | None, x_household_id: int | None
) -> RequestContext:
    if bearer and api_key and bearer != api_key:
        raise InvalidToken("send either a bearer token or an API key, not both")
    key = api_key or (bearer if bearer and looks_like_api_key(bearer) else None)
    if key is not None:
        access = service.access_by_api_key(session, key=key, household_id=x_household_id)
    elif bearer:
        access = service.access_by_token(
            session, secret=_signing_key(request), token=bearer, household_id=x_household_id
        )
    else:
        raise Unauthorized("sign in, or send an API key")
    # Logout needs the sign-in family, which the Actor does not carry.
    request.state.token_family = access.family
    if is_writing(session):
        # Every write of a request is serialized with the household's other writers (see lock_household).
        lock_household(session, household_id=access.household_id)
    return Actor(
        household_id=access.household_id,
        user_id=access.user_id,
        base_currency=access.base_currency,
        role=access.role.value,
        can_write=access.can_write,
        via=access.via,
    )


def get_write_context(context: Annotated[RequestContext, Depends(get_context)]) -> RequestContext:
    """The caller, who must be allowed to write: viewers and read-scoped API keys get 403."""
    context.require_write()
    return context


ContextDep = Annotated[RequestContext, Depends(get_context)]
ReadContextDep = Annotated[RequestContext, Depends(get_read_context)]
WriteContextDep = Annotated[RequestContext, Depends(get_write_context)]


def get_session_context(context: ContextDep) -> RequestContext:
    """The caller, signed in as a user: managing keys and households is refused to API keys, which act only
    in their own household and must not be able to mint more credentials."""
    if context.via == "api_key":
        raise ApiKeyNotAllowed("sign in as a user to do this; API keys cannot")
    return context


SessionContextDep = Annotated[RequestContext, Depends(get_session_context)]


def get_household_context(household_id: Id, context: ContextDep, session: SessionDep) -> RequestContext:
    """The caller's context in the household named by the path (404 when they are not a member of it)."""
    if household_id == context.household_id:
        return context
    if context.via == "api_key":
        raise HouseholdNotFound(f"household {household_id} not found")
    role, base_currency = service.membership_in(session, user_id=context.user, household_id=household_id)
    return Actor(
        household_id=household_id,
        user_id=context.user,
        base_currency=base_currency,
        role=role.value,
        can_write=service.can_write(role),
        via=context.via,
    )


HouseholdContextDep = Annotated[RequestContext, Depends(get_household_context)]
