"""Use cases for people and access: registration, sign-in and token rotation, households, members, API keys."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from kakeibo.auth import repository as repo
from kakeibo.auth import tokens
from kakeibo.auth.errors import (
    AlreadyMember,
    ApiKeyNotFound,
    HouseholdNotFound,
    InvalidApiKey,
    InvalidCredentials,
    InvalidToken,
    LastOwner,
    MemberNotFound,
    RefreshTokenReused,
    TokenExpired,
    TokenRevoked,
    UserNotFound,
)
from kakeibo.auth.models import ApiKey, ApiKeyScope, Household, Membership, Role, User
from kakeibo.auth.ratelimit import LoginLimiter
from kakeibo.auth.security import digest, hash_password, verify_password
from kakeibo.core import clock
from kakeibo.core.errors import Conflict, Forbidden, ValidationFailed
from kakeibo.core.money import Currency
from kakeibo.core.settings import Settings
from kakeibo.ledger.service import seed_household

LOCAL_OWNER_EMAIL = "owner@localhost"
WRITING_ROLES = frozenset({Role.owner, Role.member})


def normalize_email(email: str) -> str:
    cleaned = email.strip().lower()
    if "@" not in cleaned or cleaned.startswith("@") or cleaned.endswith("@") or len(cleaned) > 320:
        raise ValidationFailed(f"{email!r} is not an email address", field="email")
    return cleaned


def check_password_strength(password: str) -> None:
    if len(password) < 8:
        raise ValidationFailed("password must have at least 8 characters", field="password")


def get_user_by_email(session: Session, email: str) -> User | None:
    return repo.get_user_by_email(session, email=normalize_email(email))


# ---- registration and households ------------------------------------------------------------------------------
def create_household(session: Session, *, owner: User, name: str, base_currency: str) -> Household:
    household = repo.add_household(session, name=name.strip() or "Home", base_currency=Currency.of(base_currency).code)
    repo.add_membership(session, user_id=owner.id, household_id=household.id, role=Role.owner)
    seed_household(session, household_id=household.id)
    if owner.default_household_id is None:
        owner.default_household_id = household.id
    session.flush()
    return household


def register(
    session: Session,
    *,
    email: str,
    password: str | None,
    display_name: str = "",
    household_name: str | None = None,
    base_currency: str = "USD",
) -> tuple[User, Household]:
    """A new user with a household of their own (its owner), seeded with the default categories."""
    address = normalize_email(email)
    if password is not None:
        check_password_strength(password)
    if repo.get_user_by_email(session, email=address) is not None:
        raise Conflict("an account with this email already exists", field="email")
    user = repo.add_user(
        session,
        email=address,
        password_hash=hash_password(password) if password is not None else None,
        display_name=display_name.strip() or address.split("@")[0],
    )
    household = create_household(
        session, owner=user, name=household_name or f"{user.display_name}'s household", base_currency=base_currency
    )
    return user, household


def get_or_create_local_owner(session: Session, *, base_currency: str = "USD") -> tuple[User, Household]:
    """The CLI acts as this user unless told otherwise; created (without a password) on first use."""
    user = repo.get_user_by_email(session, email=LOCAL_OWNER_EMAIL)
    if user is None:
        return register(
            session,
            email=LOCAL_OWNER_EMAIL,
            password=None,
            display_name="Owner",
            household_name="Home",
            base_currency=base_currency,
        )
    household = default_household(session, user)
    return user, household


def default_household(session: Session, user: User) -> Household:
    if user.default_household_id is not None:
        household = repo.get_household(session, household_id=user.default_household_id)
        if household is not None and membership(session, user_id=user.id, household_id=household.id) is not None:
            return household
    first = repo.first_household_of_user(session, user_id=user.id)
    if first is None:
        raise ValidationFailed(f"{user.email} belongs to no household")
    return first


def membership(session: Session, *, user_id: int, household_id: int) -> Membership | None:
    return repo.get_membership(session, user_id=user_id, household_id=household_id)


def can_write(role: Role, scope: ApiKeyScope | None = None) -> bool:
    """Owners and members write; viewers and read-scoped API keys only read."""
    return role in WRITING_ROLES and scope in (None, ApiKeyScope.write)


def households_of(session: Session, *, user_id: int) -> list[tuple[Household, Role]]:
    return repo.households_of_user(session, user_id=user_id)


def role_in(session: Session, *, user_id: int, household_id: int) -> Role:
    """The user's role in a household; a household they are not in does not exist for them (404, never 403)."""
    role = repo.get_role(session, user_id=user_id, household_id=household_id)
    if role is None:
        raise HouseholdNotFound(f"household {household_id} not found")
    return role


def get_household(session: Session, *, user_id: int, household_id: int) -> tuple[Household, Role]:
    role = role_in(session, user_id=user_id, household_id=household_id)
    household = repo.get_household(session, household_id=household_id)
    if household is None:
        raise HouseholdNotFound(f"household {household_id} not found")
    return household, role


def create_household_for(session: Session, *, user_id: int, name: str, base_currency: str) -> Household:
    owner = repo.get_user(session, user_id=user_id)
    if owner is None:
        raise UserNotFound(f"user {user_id} not found")
    return create_household(session, owner=owner, name=name, base_currency=base_currency)


def update_household(
    session: Session, *, household_id: int, name: str | None = None, base_currency: str | None = None
) -> Household:
    household = repo.get_household(session, household_id=household_id)
    if household is None:
        raise HouseholdNotFound(f"household {household_id} not found")
    if name is not None:
        household.name = name.strip() or household.name
    if base_currency is not None:
        code = Currency.of(base_currency, field="base_currency").code
        if code != household.base_currency:
            household.base_currency = code
            # Reports are in the base currency, so cached answers are stale now.
            household.ledger_version += 1
    session.flush()
    return household


# ---- members --------------------------------------------------------------------------------------------------
def members_of(session: Session, *, household_id: int) -> list[tuple[Membership, User]]:
    return repo.members_of_household(session, household_id=household_id)


def add_member(session: Session, *, household_id: int, email: str, role: Role) -> tuple[Membership, User]:
    """Give an existing user a role in the household (invitations by email are a later feature)."""
    user = repo.get_user_by_email(session, email=normalize_email(email))
    if user is None:
        raise UserNotFound("no user has this email; they must register first", field="email")
    repo.lock_household(session, household_id=household_id)
    if repo.get_membership(session, user_id=user.id, household_id=household_id) is not None:
        raise AlreadyMember(f"{user.email} is already a member of this household", field="email")
    created = repo.add_membership(session, user_id=user.id, household_id=household_id, role=role)
    if user.default_household_id is None:
        user.default_household_id = household_id
        session.flush()
    return created, user


def _member(session: Session, *, household_id: int, user_id: int) -> tuple[Membership, User]:
    # Locked first: two owners demoting or removing each other at once must not leave the household ownerless.
    repo.lock_household(session, household_id=household_id)
    found = repo.get_membership(session, user_id=user_id, household_id=household_id)
    user = repo.get_user(session, user_id=user_id)
    if found is None or user is None:
        raise MemberNotFound(f"user {user_id} is not a member of this household")
    return found, user


def _keep_an_owner(session: Session, *, household_id: int, leaving: Membership) -> None:
    if leaving.role == Role.owner and repo.count_owners(session, household_id=household_id) <= 1:
        raise LastOwner("a household must keep at least one owner; make someone else owner first")


def change_member_role(session: Session, *, household_id: int, user_id: int, role: Role) -> tuple[Membership, User]:
    found, user = _member(session, household_id=household_id, user_id=user_id)
    if role != Role.owner:
        _keep_an_owner(session, household_id=household_id, leaving=found)
    found.role = role
    session.flush()
    return found, user


def remove_member(session: Session, *, household_id: int, user_id: int) -> None:
    """Remove a member; their sign-ins and API keys for this household stop working with it."""
    found, _user = _member(session, household_id=household_id, user_id=user_id)
    _keep_an_owner(session, household_id=household_id, leaving=found)
    repo.delete_membership(session, membership=found)
    now = clock.now()
    repo.clear_default_household(session, user_id=user_id, household_id=household_id)
    repo.revoke_refresh_tokens_in_household(session, user_id=user_id, household_id=household_id, now=now)
    # Otherwise their old keys would come back to life if they were ever added again.
    repo.revoke_api_keys_in_household(session, user_id=user_id, household_id=household_id, now=now)


# ---- sign-in and tokens ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int  # seconds until the access token expires
    household_id: int


def authenticate(session: Session, *, email: str, password: str) -> User:
    """The user with these credentials; one generic error for an unknown email and a wrong password alike."""
    user = repo.get_user_by_email(session, email=email.strip().lower())
    # verify_password checks a dummy hash when there is no user, so both failures take as long.
    if not verify_password(password, user.password_hash if user is not None else None) or user is None:
        raise InvalidCredentials("incorrect email or password")
    return user


def update_profile(
    session: Session,
    *,
    user_id: int,
    keep_family: str | None,
    display_name: str | None = None,
    current_password: str | None = None,
    new_password: str | None = None,
) -> User:
    """Change one's name or password. A new password needs the current one, and signs out every other sign-in
    (their refresh and access tokens stop working); this one stays signed in."""
    user = get_user(session, user_id=user_id)
    if new_password is not None:
        if current_password is None or not verify_password(current_password, user.password_hash):
            raise ValidationFailed("the current password is not right", field="current_password")
        check_password_strength(new_password)
        user.password_hash = hash_password(new_password)
        repo.revoke_other_families(session, user_id=user_id, keep=keep_family, now=clock.now())
    if display_name is not None:
        user.display_name = display_name.strip()
    session.flush()
    return user


def _issue_pair(session: Session, *, settings: Settings, user_id: int, household_id: int, family: str) -> TokenPair:
    now = clock.now()
    refresh_token = tokens.new_refresh_token()
    repo.add_refresh_token(
        session,
        user_id=user_id,
        household_id=household_id,
        family=family,
        token_hash=digest(refresh_token),
        expires_at=now + dt.timedelta(days=settings.refresh_token_days),
    )
    lifetime = dt.timedelta(minutes=settings.access_token_minutes)
    access_token = tokens.issue_access_token(
        secret=settings.resolved_secret_key(),
        user_id=user_id,
        household_id=household_id,
        family=family,
        now=now,
        lifetime=lifetime,
    )
    return TokenPair(
        access_token=access_token,
        refresh_token=refresh_token,
        expires_in=int(lifetime.total_seconds()),
        household_id=household_id,
    )


def login(
    session: Session,
    *,
    settings: Settings,
    limiter: LoginLimiter,
    email: str,
    password: str,
    client_ip: str,
    household_id: int | None = None,
) -> TokenPair:
    """Sign in: a new refresh-token family and its first pair, acting in `household_id` or the default one."""
    attempt = limiter.acquire([f"email:{email.strip().lower()}", f"ip:{client_ip}"])
    user = authenticate(session, email=email, password=password)  # a failure keeps the attempt counted
    limiter.release(attempt)  # only failures count, so a busy household behind one address is never locked out
    if household_id is None:
        household_id = default_household(session, user).id
    else:
        role_in(session, user_id=user.id, household_id=household_id)
    return _issue_pair(
        session, settings=settings, user_id=user.id, household_id=household_id, family=tokens.new_family()
    )


def refresh(session: Session, *, settings: Settings, refresh_token: str) -> TokenPair:
    """Exchange a refresh token for a new pair in the same family; a second use of one revokes the family.

    Raises RefreshTokenReused after flushing that revocation: the caller must commit it, not roll it back."""
    now = clock.now()
    link = repo.get_refresh_token_by_hash(session, token_hash=digest(refresh_token))
    if link is None:
        raise InvalidToken("the refresh token is not valid")
    if link.revoked_at is not None:
        raise TokenRevoked("this sign-in was ended; sign in again")
    if link.expires_at <= now:
        raise TokenExpired("the refresh token has expired; sign in again")
    if link.used_at is not None or not repo.mark_refresh_token_used(session, token_id=link.id, now=now):
        # Someone holds a copy of a spent token: either side may be the thief, so end the whole sign-in.
        repo.revoke_family(session, family=link.family, now=now)
        session.flush()
        raise RefreshTokenReused("this refresh token was already used; every token of this sign-in is now revoked")
    if repo.get_role(session, user_id=link.user_id, household_id=link.household_id) is None:
        raise TokenRevoked("you are no longer a member of this household; sign in again")
    return _issue_pair(
        session, settings=settings, user_id=link.user_id, household_id=link.household_id, family=link.family
    )


def logout(session: Session, *, user_id: int, family: str | None, refresh_token: str | None = None) -> None:
    """End a sign-in: every refresh token of the family, and the access tokens carrying it, stop working."""
    now = clock.now()
    families = {family} if family is not None else set()
    if refresh_token is not None:
        link = repo.get_refresh_token_by_hash(session, token_hash=digest(refresh_token))
        # Someone else's token is ignored, not reported: logout must not become a way to probe tokens.
        if link is not None and link.user_id == user_id:
            families.add(link.family)
    for each in families:
        if repo.family_belongs_to(session, family=each, user_id=user_id):
            repo.revoke_family(session, family=each, now=now)
    session.flush()


def purge_expired_refresh_tokens(session: Session) -> int:
    """Housekeeping for a scheduled job: drop refresh tokens past their expiry.

    Safe because every access token of a family expires long before the family's newest refresh token does, so a
    revoked family's revocation outlives its access tokens."""
    return repo.delete_expired_refresh_tokens(session, before=clock.now())


# ---- resolving a request's caller -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Access:
    """Who a credential acts for, and where."""

    user_id: int
    household_id: int
    role: Role
    via: str  # "token" | "api_key"
    scope: ApiKeyScope | None = None
    family: str | None = None  # the sign-in family of an access token

    @property
    def can_write(self) -> bool:
        return can_write(self.role, self.scope)


def access_by_token(session: Session, *, secret: str, token: str, household_id: int | None = None) -> Access:
    """Check an access token (signature, expiry, revoked family, membership) and pick its household:
    `household_id` when given and the user is a member of it, else the token's own."""
    claims = tokens.decode_access_token(token, secret=secret)
    target = household_id if household_id is not None else claims.household_id
    found = repo.token_access(session, user_id=claims.user_id, household_id=target, family=claims.family)
    if found.family_revoked:
        raise TokenRevoked("this sign-in was ended; sign in again")
    if found.role is None:
        if household_id is not None:
            raise HouseholdNotFound(f"household {household_id} not found")
        raise TokenRevoked("you are no longer a member of this token's household; sign in again")
    return Access(user_id=claims.user_id, household_id=target, role=found.role, via="token", family=claims.family)


def access_by_api_key(session: Session, *, key: str, household_id: int | None = None) -> Access:
    """Check an API key and count its use; a key only ever acts in the household it was created in."""
    prefix = tokens.api_key_prefix(key)
    if prefix is None:
        raise InvalidApiKey("the API key is malformed")
    used = repo.use_api_key(session, key_hash=digest(key), now=clock.now())
    if used is None or used.prefix != prefix:
        raise InvalidApiKey("the API key is not valid or was revoked")
    if household_id is not None and household_id != used.household_id:
        raise HouseholdNotFound(f"household {household_id} not found")
    role = repo.get_role(session, user_id=used.user_id, household_id=used.household_id)
    if role is None:
        raise InvalidApiKey("the API key's owner is no longer a member of its household")
    return Access(user_id=used.user_id, household_id=used.household_id, role=role, via="api_key", scope=used.scope)


# ---- API keys -------------------------------------------------------------------------------------------------
def create_api_key(
    session: Session, *, user_id: int, household_id: int, role: Role, name: str, scope: ApiKeyScope
) -> tuple[ApiKey, str]:
    """A new key bound to this household; the full key is returned once and only its digest is kept."""
    if scope == ApiKeyScope.write and role not in WRITING_ROLES:
        raise Forbidden("a viewer may only create read-scoped keys", field="scope")
    new = tokens.new_api_key()
    api_key = repo.add_api_key(
        session,
        user_id=user_id,
        household_id=household_id,
        name=name.strip(),
        prefix=new.prefix,
        key_hash=digest(new.key),
        scope=scope,
    )
    return api_key, new.key


def list_api_keys(session: Session, *, user_id: int, household_id: int, role: Role) -> list[ApiKey]:
    """Owners see every key of the household; others see their own."""
    return repo.list_api_keys(session, household_id=household_id, user_id=None if role == Role.owner else user_id)


def revoke_api_key(session: Session, *, user_id: int, household_id: int, role: Role, api_key_id: int) -> ApiKey:
    api_key = repo.get_api_key(session, household_id=household_id, api_key_id=api_key_id)
    if api_key is None or (api_key.user_id != user_id and role != Role.owner):
        raise ApiKeyNotFound(f"API key {api_key_id} not found")
    if api_key.revoked_at is None:
        api_key.revoked_at = clock.now()
        session.flush()
    return api_key


def get_user(session: Session, *, user_id: int) -> User:
    user = repo.get_user(session, user_id=user_id)
    if user is None:
        raise UserNotFound(f"user {user_id} not found")
    return user
