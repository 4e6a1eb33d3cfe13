"""Thin HTTP over the auth domain: sign-up and tokens, the caller, households, members and invitations, API keys.

Registration, sign-in and a password change hash or verify a password (slow on purpose), so they open their own
transactions: a read, the hashing with no transaction open, then a brief write (see service.py)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response, status
from sqlalchemy.orm import Session

from kakeibo.auth import service
from kakeibo.auth.dependencies import (
    ContextDep,
    HouseholdContextDep,
    LoginLimiterDep,
    ReadContextDep,
    SessionContextDep,
    SettingsDep,
    client_address,
)
from kakeibo.auth.errors import ApiKeyNotAllowed, RefreshTokenReused
from kakeibo.auth.models import ApiKey, Household, Invitation, Membership, Role, User
from kakeibo.auth.ratelimit import password_change_keys, registration_keys, sign_in_keys
from kakeibo.auth.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyOut,
    CurrentOut,
    HouseholdCreate,
    HouseholdOut,
    HouseholdUpdate,
    InvitationAccept,
    InvitationCreate,
    InvitationCreated,
    InvitationOut,
    LogoutIn,
    MemberAdd,
    MemberOut,
    MemberUpdate,
    MeOut,
    ProfileUpdate,
    RefreshIn,
    RegisterAccepted,
    RegisterIn,
    TokenOut,
    UserOut,
)
from kakeibo.core.db import session_scope
from kakeibo.core.http import PROBLEM_SCHEMA, ReadSessionDep, SessionDep, problem_response
from kakeibo.core.types import Id

auth_router = APIRouter(prefix="/auth", tags=["auth"])
households_router = APIRouter(prefix="/households", tags=["households"])
api_keys_router = APIRouter(prefix="/api-keys", tags=["api-keys"])

_FORBIDDEN: dict[int | str, dict[str, Any]] = {403: PROBLEM_SCHEMA}
_CONFLICT: dict[int | str, dict[str, Any]] = {409: PROBLEM_SCHEMA}
_LIMITED: dict[int | str, dict[str, Any]] = {429: PROBLEM_SCHEMA}


def _transaction(request: Request, *, write: bool) -> AbstractContextManager[Session]:
    return session_scope(request.app.state.sessionmaker, write=write)


def _user_out(user: User) -> UserOut:
    return UserOut(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        default_household_id=user.default_household_id,
        created_at=user.created_at,
    )


def _household_out(household: Household, role: Role | str) -> HouseholdOut:
    return HouseholdOut(
        id=household.id,
        name=household.name,
        base_currency=household.base_currency,
        created_at=household.created_at,
        role=Role(role),
    )


def _member_out(membership: Membership, user: User) -> MemberOut:
    return MemberOut(
        user_id=user.id,
        email=user.email,
        display_name=user.display_name,
        role=membership.role,
        joined_at=membership.created_at,
    )


def _api_key_out(api_key: ApiKey) -> ApiKeyOut:
    return ApiKeyOut(
        id=api_key.id,
        name=api_key.name,
        prefix=api_key.prefix,
        scope=api_key.scope,
        household_id=api_key.household_id,
        user_id=api_key.user_id,
        created_at=api_key.created_at,
        last_used_at=api_key.last_used_at,
        revoked_at=api_key.revoked_at,
        uses=api_key.uses,
    )


def _invitation_out(invitation: Invitation) -> InvitationOut:
    return InvitationOut(
        id=invitation.id,
        household_id=invitation.household_id,
        email=invitation.email,
        role=invitation.role,
        created_at=invitation.created_at,
        expires_at=invitation.expires_at,
    )


def _token_out(pair: service.TokenPair) -> TokenOut:
    return TokenOut(
        access_token=pair.access_token,
        refresh_token=pair.refresh_token,
        expires_in=pair.expires_in,
        household_id=pair.household_id,
    )


# ---- auth -----------------------------------------------------------------------------------------------------
@auth_router.post(
    "/register",
    response_model=RegisterAccepted,
    status_code=status.HTTP_202_ACCEPTED,
    responses={**_FORBIDDEN, **_LIMITED},
)
def register(data: RegisterIn, request: Request, settings: SettingsDep, limiter: LoginLimiterDep) -> RegisterAccepted:
    """Create an account (`email`, `password`) and a household it owns, or join the household of an `invitation`.
    The answer is the same whether or not the email already had an account; sign in to go on. Attempts are
    limited per client address, and KAKEIBO_REGISTRATION may require an invitation or close registration."""
    service.check_registration(mode=settings.registration, invitation=data.invitation)
    keys = registration_keys(client=client_address(request))
    limiter.acquire(keys.keys, ceilings=keys.ceilings)  # every registration counts, made or not
    address = service.normalize_email(data.email)
    password_hash = service.new_password_hash(data.password, email=address, display_name=data.display_name)
    with _transaction(request, write=True) as session:
        service.sign_up(
            session,
            email=address,
            password_hash=password_hash,
            display_name=data.display_name,
            household_name=data.household_name,
            base_currency=data.base_currency or settings.base_currency,
            invitation=data.invitation,
        )
    return RegisterAccepted(detail="sign in with this email and password")


@auth_router.post("/token", response_model=TokenOut, responses=_LIMITED)
def token(
    request: Request,
    settings: SettingsDep,
    limiter: LoginLimiterDep,
    username: Annotated[str, Form(description="The account's email")],
    password: Annotated[str, Form()],
    grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
    household_id: Annotated[Id | None, Form(description="Act in this household; default: the user's")] = None,
) -> TokenOut:
    """Sign in with the OAuth2 password flow; failed attempts are limited per email and client address, per
    client address, and (with a higher ceiling) per email."""
    keys = sign_in_keys(email=username, client=client_address(request), limit=limiter.limit)
    attempt = limiter.acquire(keys.keys, ceilings=keys.ceilings)
    with _transaction(request, write=False) as session:
        stored = service.stored_password(session, email=username)
    service.check_password(stored, password=password)  # a failure keeps the attempt counted
    limiter.release(attempt)  # only failures count, so a busy household behind one address is never locked out
    with _transaction(request, write=True) as session:
        pair = service.sign_in(session, settings=settings, checked=stored, household_id=household_id)
    return _token_out(pair)


@auth_router.post("/refresh", response_model=TokenOut)
def refresh(data: RefreshIn, session: SessionDep, settings: SettingsDep) -> Response | TokenOut:
    """Exchange a refresh token for a new pair; presenting a spent one again ends that whole sign-in."""
    try:
        pair = service.refresh(session, settings=settings, refresh_token=data.refresh_token)
    except RefreshTokenReused as exc:
        # Answered here rather than raised: a raised error rolls the request back, and the family's revocation
        # must be committed.
        return problem_response(exc.status_code, exc.problem(), {"WWW-Authenticate": "Bearer"})
    return _token_out(pair)


@auth_router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=_FORBIDDEN)
def logout(request: Request, session: SessionDep, ctx: ContextDep, data: LogoutIn | None = None) -> Response:
    """End this sign-in: its refresh tokens and access tokens stop working."""
    if ctx.via == "api_key":
        raise ApiKeyNotAllowed("an API key cannot sign out; revoke it instead")
    service.logout(
        session,
        user_id=ctx.user,
        family=getattr(request.state, "token_family", None),
        refresh_token=data.refresh_token if data else None,
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@auth_router.get("/me", response_model=MeOut)
def me(session: SessionDep, ctx: ContextDep) -> MeOut:
    user = service.get_user(session, user_id=ctx.user)
    households = service.households_of(session, user_id=ctx.user)
    if ctx.via == "api_key":  # a key sees only the household it is bound to
        households = [(h, role) for h, role in households if h.id == ctx.household_id]
    return MeOut(
        user=_user_out(user),
        memberships=[_household_out(h, role) for h, role in households],
        current=CurrentOut(household_id=ctx.household_id, role=Role(ctx.role), can_write=ctx.can_write, via=ctx.via),
    )


@auth_router.patch("/me", response_model=UserOut, responses={**_FORBIDDEN, **_CONFLICT, **_LIMITED})
def update_me(
    data: ProfileUpdate,
    request: Request,
    session: ReadSessionDep,
    ctx: ReadContextDep,
    limiter: LoginLimiterDep,
) -> UserOut:
    """Change your name, or your password (with the current one; every other sign-in is signed out, and your API
    keys are revoked too with `revoke_api_keys`). Wrong current passwords are limited like sign-ins."""
    if ctx.via == "api_key":
        raise ApiKeyNotAllowed("sign in as a user to do this; API keys cannot")
    new_hash = current_hash = None
    if data.new_password is not None:
        user = service.get_user(session, user_id=ctx.user)
        current_hash = user.password_hash
        keys = password_change_keys(user_id=ctx.user)
        attempt = limiter.acquire(keys.keys, ceilings=keys.ceilings)
        service.check_current_password(current_hash, password=data.current_password)
        limiter.release(attempt)
        new_hash = service.new_password_hash(
            data.new_password, email=user.email, display_name=user.display_name, field="new_password"
        )
    with _transaction(request, write=True) as writing:
        changed = service.update_profile(
            writing,
            user_id=ctx.user,
            keep_family=getattr(request.state, "token_family", None),
            display_name=data.display_name,
            password_hash=new_hash,
            replacing=current_hash,
            revoke_api_keys=data.revoke_api_keys,
        )
        return _user_out(changed)


@auth_router.post("/invitations/accept", response_model=HouseholdOut, responses={**_FORBIDDEN, **_CONFLICT})
def accept_invitation(data: InvitationAccept, session: SessionDep, ctx: SessionContextDep) -> HouseholdOut:
    """Join the household that invited your email, in the role it chose."""
    household, role = service.accept_invitation(session, user_id=ctx.user, token=data.invitation)
    return _household_out(household, role)


# ---- households -----------------------------------------------------------------------------------------------
@households_router.get("", response_model=list[HouseholdOut])
def list_households(session: SessionDep, ctx: ContextDep) -> list[HouseholdOut]:
    households = service.households_of(session, user_id=ctx.user)
    if ctx.via == "api_key":
        households = [(h, role) for h, role in households if h.id == ctx.household_id]
    return [_household_out(h, role) for h, role in households]


@households_router.post("", response_model=HouseholdOut, status_code=status.HTTP_201_CREATED, responses=_FORBIDDEN)
def create_household(
    data: HouseholdCreate, session: SessionDep, settings: SettingsDep, ctx: SessionContextDep
) -> HouseholdOut:
    """A new household, with the caller as its owner and the default categories."""
    household = service.create_household_for(
        session, user_id=ctx.user, name=data.name, base_currency=data.base_currency or settings.base_currency
    )
    return _household_out(household, Role.owner)


@households_router.get("/{household_id:int}", response_model=HouseholdOut)
def get_household(household_id: Id, session: SessionDep, ctx: HouseholdContextDep) -> HouseholdOut:
    household, role = service.get_household(session, user_id=ctx.user, household_id=household_id)
    return _household_out(household, role)


@households_router.patch("/{household_id:int}", response_model=HouseholdOut, responses=_FORBIDDEN)
def update_household(
    household_id: Id, data: HouseholdUpdate, session: SessionDep, ctx: HouseholdContextDep
) -> HouseholdOut:
    ctx.require_write()
    ctx.require_owner()
    household = service.update_household(
        session, household_id=household_id, name=data.name, base_currency=data.base_currency
    )
    return _household_out(household, ctx.role)


@households_router.get("/{household_id:int}/members", response_model=list[MemberOut])
def list_members(household_id: Id, session: SessionDep, ctx: HouseholdContextDep) -> list[MemberOut]:
    return [_member_out(m, u) for m, u in service.members_of(session, household_id=household_id)]


@households_router.post(
    "/{household_id:int}/members",
    response_model=MemberOut,
    status_code=status.HTTP_201_CREATED,
    responses={**_FORBIDDEN, **_CONFLICT},
)
def add_member(household_id: Id, data: MemberAdd, session: SessionDep, ctx: HouseholdContextDep) -> MemberOut:
    """Give an existing user a role in this household (owner only)."""
    ctx.require_write()
    ctx.require_owner()
    membership, user = service.add_member(session, household_id=household_id, email=data.email, role=data.role)
    return _member_out(membership, user)


@households_router.patch(
    "/{household_id:int}/members/{user_id:int}", response_model=MemberOut, responses={**_FORBIDDEN, **_CONFLICT}
)
def update_member(
    household_id: Id, user_id: Id, data: MemberUpdate, session: SessionDep, ctx: HouseholdContextDep
) -> MemberOut:
    """Change a member's role (owner only); the last owner cannot step down."""
    ctx.require_write()
    ctx.require_owner()
    membership, user = service.change_member_role(session, household_id=household_id, user_id=user_id, role=data.role)
    return _member_out(membership, user)


@households_router.delete(
    "/{household_id:int}/members/{user_id:int}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={**_FORBIDDEN, **_CONFLICT},
)
def remove_member(household_id: Id, user_id: Id, session: SessionDep, ctx: HouseholdContextDep) -> Response:
    """Remove a member (owner), or leave (anyone); the last owner can do neither."""
    if user_id == ctx.user:
        # Anyone may leave, viewers too (it writes nothing to the ledger), but only in person.
        if ctx.via == "api_key":
            raise ApiKeyNotAllowed("sign in as a user to leave a household")
    else:
        ctx.require_write()
        ctx.require_owner()
    service.remove_member(session, household_id=household_id, user_id=user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@households_router.post(
    "/{household_id}/invitations",
    response_model=InvitationCreated,
    status_code=status.HTTP_201_CREATED,
    responses={**_FORBIDDEN, **_CONFLICT},
)
def create_invitation(
    household_id: Id, data: InvitationCreate, session: SessionDep, ctx: HouseholdContextDep
) -> InvitationCreated:
    """Invite an email into this household with a role (owner only): the token, and a sign-up link with it, are in
    this response and nowhere else. It works once, for that email, for seven days."""
    ctx.require_write()
    ctx.require_owner()
    invitation, token = service.create_invitation(
        session, household_id=household_id, invited_by=ctx.user, email=data.email, role=data.role
    )
    return InvitationCreated(
        **_invitation_out(invitation).model_dump(), token=token, link=f"/signup?invitation={token}"
    )


@households_router.get("/{household_id}/invitations", response_model=list[InvitationOut], responses=_FORBIDDEN)
def list_invitations(household_id: Id, session: SessionDep, ctx: HouseholdContextDep) -> list[InvitationOut]:
    """Invitations not yet used, withdrawn or expired (owner only)."""
    ctx.require_owner()
    return [_invitation_out(i) for i in service.pending_invitations(session, household_id=household_id)]


@households_router.delete(
    "/{household_id}/invitations/{invitation_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_FORBIDDEN
)
def revoke_invitation(household_id: Id, invitation_id: Id, session: SessionDep, ctx: HouseholdContextDep) -> Response:
    """Withdraw an invitation (owner only)."""
    ctx.require_write()
    ctx.require_owner()
    service.revoke_invitation(session, household_id=household_id, invitation_id=invitation_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# ---- API keys -------------------------------------------------------------------------------------------------
@api_keys_router.post("", response_model=ApiKeyCreated, status_code=status.HTTP_201_CREATED, responses=_FORBIDDEN)
def create_api_key(data: ApiKeyCreate, session: SessionDep, ctx: SessionContextDep) -> ApiKeyCreated:
    """A key for scripts, bound to the current household; the full key is in this response and nowhere else."""
    api_key, key = service.create_api_key(
        session,
        user_id=ctx.user,
        household_id=ctx.household_id,
        role=Role(ctx.role),
        name=data.name,
        scope=data.scope,
    )
    return ApiKeyCreated(**_api_key_out(api_key).model_dump(), key=key)


@api_keys_router.get("", response_model=list[ApiKeyOut], responses=_FORBIDDEN)
def list_api_keys(session: SessionDep, ctx: SessionContextDep) -> list[ApiKeyOut]:
    """Your keys in the current household (an owner sees everyone's)."""
    keys = service.list_api_keys(session, user_id=ctx.user, household_id=ctx.household_id, role=Role(ctx.role))
    return [_api_key_out(k) for k in keys]


@api_keys_router.delete("/{api_key_id:int}", status_code=status.HTTP_204_NO_CONTENT, responses=_FORBIDDEN)
def revoke_api_key(api_key_id: Id, session: SessionDep, ctx: SessionContextDep) -> Response:
    service.revoke_api_key(
        session, user_id=ctx.user, household_id=ctx.household_id, role=Role(ctx.role), api_key_id=api_key_id
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


router = APIRouter()
for _sub in (auth_router, households_router, api_keys_router):
    router.include_router(_sub)

__all__ = ["router"]
