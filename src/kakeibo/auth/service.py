"""Use cases for people and access: registration, invitations, sign-in and token rotation, households, members,
API keys.

Hashing a password (argon2) takes about a quarter of a second on purpose. It never runs inside a write transaction
(on SQLite that would hold the database's one write lock for everyone): the functions that hash or verify take no
session (`new_password_hash`, `check_password`), and the edge runs them between a read and a brief write."""

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
    InvitationNotFound,
    InvitationNotValid,
    LastOwner,
    MemberNotFound,
    PasswordChanged,
    RefreshTokenReused,
    RegistrationClosed,
    TokenExpired,
    TokenRevoked,
    UserNotFound,
)
from kakeibo.auth.models import ApiKey, ApiKeyScope, Household, Invitation, Membership, Role, User
from kakeibo.auth.policy import check_password as check_password_policy
from kakeibo.auth.security import digest, hash_password, verify_password
from kakeibo.core import clock
from kakeibo.core.errors import Conflict, Forbidden, ValidationFailed
from kakeibo.core.hooks import Hook
from kakeibo.core.money import Currency
from kakeibo.core.settings import Settings

LOCAL_OWNER_EMAIL = "owner@localhost"
WRITING_ROLES = frozenset({Role.owner, Role.member})
INVITATION_DAYS = 7

# A new household gets its books (the ledger's chart of accounts, from the default taxonomy) in the transaction that
# creates it; the ledger is connected here by `kakeibo.tasks.connect`, so auth imports no domain above it.
household_created: Hook[[Session, int]] = Hook("a household was created", required=True)


def normalize_email(email: str) -> str:
    cleaned = email.strip().lower()
    if "@" not in cleaned or cleaned.startswith("@") or cleaned.endswith("@") or len(cleaned) > 320:
        raise ValidationFailed(f"{email!r} is not an email address", field="email")
    return cleaned


def new_password_hash(password: str, *, email: str = "", display_name: str = "", field: str = "password") -> str:
    """A new password checked against the policy (its owner's email and name count as known) and hashed.
    Slow by design: call it outside any write transaction."""
    local_part = email.split("@")[0]
    check_password_policy(password, field=field, context=(email, local_part, display_name))
    return hash_password(password)


def get_user_by_email(session: Session, email: str) -> User | None:
    return repo.get_user_by_email(session, email=normalize_email(email))


def first_users(session: Session, *, limit: int) -> list[User]:
    """The earliest-created users (the CLI decides from these who acts when it is not told)."""
    return repo.first_users(session, limit=limit)


# ---- registration and households ------------------------------------------------------------------------------
def create_household(session: Session, *, owner: User, name: str, base_currency: str) -> Household:
    household = repo.add_household(session, name=name.strip() or "Home", base_currency=Currency.of(base_currency).code)
    repo.add_membership(session, user_id=owner.id, household_id=household.id, role=Role.owner)
    household_created(session, household.id)
    if owner.default_household_id is None:
        owner.default_household_id = household.id
    session.flush()
    return household


def register(
    session: Session,
    *,
    email: str,
    password: str | None = None,
    password_hash: str | None = None,
    display_name: str = "",
    household_name: str | None = None,
    base_currency: str = "USD",
) -> tuple[User, Household]:
    """A new user with a household of their own (its owner), seeded with the default categories; 409 when the
    email is taken (for the operator's commands: the API answers alike either way, see `sign_up`).

    Give `password_hash` (from `new_password_hash`, made before the transaction), or `password` where holding the
    write lock while it is hashed does not matter (the demo, a test), or neither for a user without one."""
    address = normalize_email(email)
    if password is not None:
        password_hash = new_password_hash(password, email=address, display_name=display_name)
    user = repo.add_user_if_new(
        session, email=address, password_hash=password_hash, display_name=_display_name(address, display_name)
    )
    if user is None:
        raise Conflict("an account with this email already exists", field="email")
    return user, _own_household(session, owner=user, name=household_name, base_currency=base_currency)


def _display_name(email: str, display_name: str) -> str:
    return display_name.strip() or email.split("@")[0]


def _own_household(session: Session, *, owner: User, name: str | None, base_currency: str) -> Household:
    return create_household(
        session, owner=owner, name=name or f"{owner.display_name}'s household", base_currency=base_currency
    )


def check_registration(*, mode: str, invitation: str | None) -> None:
    """Whether the server takes registrations at all (KAKEIBO_REGISTRATION); says nothing about any email."""
    if mode == "closed":
        raise RegistrationClosed("registration is closed on this server; ask its operator for an account")
    if mode == "invite" and not invitation:
        raise RegistrationClosed("registration needs an invitation on this server; ask a household's owner for one")


def sign_up(
    session: Session,
    *,
    email: str,
    password_hash: str,
    display_name: str = "",
    household_name: str | None = None,
    base_currency: str = "USD",
    invitation: str | None = None,
) -> None:
    """Registration over the API. It answers the same whether or not the email was free, so it cannot be used to
    find out who has an account: a taken email changes nothing (and leaves an invitation unused).

    Without an invitation the new user owns a new household; with one, they join the inviting household in the
    invited role, and the invitation is used up."""
    address = normalize_email(email)
    invited = _usable_invitation(session, token=invitation, email=address) if invitation else None
    user = repo.add_user_if_new(
        session, email=address, password_hash=password_hash, display_name=_display_name(address, display_name)
    )
    if user is None:  # taken, also by a registration a moment ago: the same answer, nothing changed
        return
    if invited is None:
        _own_household(session, owner=user, name=household_name, base_currency=base_currency)
    else:
        _join(session, invitation=invited, user=user)


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


def membership_in(session: Session, *, user_id: int, household_id: int) -> tuple[Role, str]:
    """The user's role in a household and its base currency (404 when they are not in it, like `role_in`)."""
    found = repo.role_and_currency(session, user_id=user_id, household_id=household_id)
    if found is None:
        raise HouseholdNotFound(f"household {household_id} not found")
    return found


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
    """Give an existing user a role in the household (someone without an account gets an invitation)."""
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


# ---- invitations ----------------------------------------------------------------------------------------------
def create_invitation(
    session: Session, *, household_id: int, invited_by: int, email: str, role: Role
) -> tuple[Invitation, str]:
    """An invitation of `email` into the household with `role`, valid for INVITATION_DAYS days; the token is
    returned once and only its digest is kept."""
    address = normalize_email(email)
    repo.lock_household(session, household_id=household_id)
    existing = repo.get_user_by_email(session, email=address)
    if existing is not None and repo.get_membership(session, user_id=existing.id, household_id=household_id):
        raise AlreadyMember(f"{address} is already a member of this household", field="email")
    token = tokens.new_invitation_token()
    invitation = repo.add_invitation(
        session,
        household_id=household_id,
        email=address,
        role=role,
        token_hash=digest(token),
        invited_by=invited_by,
        expires_at=clock.now() + dt.timedelta(days=INVITATION_DAYS),
    )
    return invitation, token


def pending_invitations(session: Session, *, household_id: int) -> list[Invitation]:
    return repo.pending_invitations(session, household_id=household_id, now=clock.now())


def revoke_invitation(session: Session, *, household_id: int, invitation_id: int) -> None:
    invitation = repo.get_invitation(session, household_id=household_id, invitation_id=invitation_id)
    if invitation is None or invitation.accepted_at is not None:
        raise InvitationNotFound(f"invitation {invitation_id} not found")
    if invitation.revoked_at is None:
        invitation.revoked_at = clock.now()
        session.flush()


def accept_invitation(session: Session, *, user_id: int, token: str) -> tuple[Household, Role]:
    """A signed-in user joins the household that invited their email."""
    user = get_user(session, user_id=user_id)
    invitation = _usable_invitation(session, token=token, email=user.email)
    repo.lock_household(session, household_id=invitation.household_id)
    if repo.get_membership(session, user_id=user.id, household_id=invitation.household_id) is not None:
        raise AlreadyMember("you are already a member of this household", field="invitation")
    _join(session, invitation=invitation, user=user)
    household = repo.get_household(session, household_id=invitation.household_id)
    if household is None:  # deleted with its invitations (cascade); kept for the type checker
        raise InvitationNotValid("the invitation is not valid", field="invitation")
    return household, invitation.role


def _usable_invitation(session: Session, *, token: str, email: str) -> Invitation:
    invitation = repo.get_invitation_by_hash(session, token_hash=digest(token))
    if (
        invitation is None
        or invitation.accepted_at is not None
        or invitation.revoked_at is not None
        or invitation.expires_at <= clock.now()
    ):
        raise InvitationNotValid(
            "the invitation is not valid: it was used, withdrawn or has expired", field="invitation"
        )
    if invitation.email != email:
        raise InvitationNotValid(f"the invitation was made for another email address than {email}", field="email")
    return invitation


def _join(session: Session, *, invitation: Invitation, user: User) -> None:
    if not repo.accept_invitation(session, invitation_id=invitation.id, user_id=user.id, now=clock.now()):
        raise InvitationNotValid("the invitation was used a moment ago", field="invitation")
    repo.add_membership(session, user_id=user.id, household_id=invitation.household_id, role=invitation.role)
    if user.default_household_id is None:
        user.default_household_id = invitation.household_id
    session.flush()


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


@dataclass(frozen=True, slots=True)
class StoredPassword:
    """What a password is checked against, read in one transaction and checked outside it."""

    user_id: int | None  # None: no such user
    password_hash: str | None


def stored_password(session: Session, *, email: str) -> StoredPassword:
    user = repo.get_user_by_email(session, email=email.strip().lower())
    return StoredPassword(user.id, user.password_hash) if user is not None else StoredPassword(None, None)


def check_password(stored: StoredPassword, *, password: str) -> int:
    """The user id when `password` is right; one generic error for an unknown email and a wrong password alike.
    Slow by design (argon2): call it outside any write transaction."""
    # verify_password checks a dummy hash when there is no user, so both failures take as long.
    if not verify_password(password, stored.password_hash) or stored.user_id is None:
        raise InvalidCredentials("incorrect email or password")
    return stored.user_id


def authenticate(session: Session, *, email: str, password: str) -> User:
    """The user with these credentials (for callers that hold no write transaction)."""
    return get_user(session, user_id=check_password(stored_password(session, email=email), password=password))


def update_profile(
    session: Session,
    *,
    user_id: int,
    keep_family: str | None,
    display_name: str | None = None,
    password_hash: str | None = None,
    replacing: str | None = None,
    revoke_api_keys: bool = False,
) -> User:
    """Change one's name or password. `password_hash` is the new password's (see `new_password_hash`), checked
    by the caller against the current one, whose hash is `replacing`: if the password changed since, nothing is
    written. A new password signs out every other sign-in (their refresh and access tokens stop working; this one
    stays signed in), and with `revoke_api_keys` revokes the user's API keys too (otherwise they keep working)."""
    user = get_user(session, user_id=user_id)
    if password_hash is not None:
        if user.password_hash != replacing:
            raise PasswordChanged("the password was changed a moment ago; sign in again", field="current_password")
        user.password_hash = password_hash
        now = clock.now()
        repo.revoke_other_families(session, user_id=user_id, keep=keep_family, now=now)
        if revoke_api_keys:
            repo.revoke_api_keys_of_user(session, user_id=user_id, now=now)
    if display_name is not None:
        user.display_name = display_name.strip()
    session.flush()
    return user


def check_current_password(password_hash: str | None, *, password: str | None) -> None:
    """The password a change is made with must be the current one (slow: outside any write transaction)."""
    if password is None or not verify_password(password, password_hash) or password_hash is None:
        raise ValidationFailed("the current password is not right", field="current_password")


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


def sign_in(
    session: Session, *, settings: Settings, checked: StoredPassword, household_id: int | None = None
) -> TokenPair:
    """A new refresh-token family and its first pair for a user whose password was just checked (`checked`),
    acting in `household_id` or their default one. Refused if the password changed since it was read."""
    user = repo.get_user(session, user_id=checked.user_id) if checked.user_id is not None else None
    if user is None or user.password_hash != checked.password_hash:
        raise InvalidCredentials("incorrect email or password")
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
    base_currency: str  # the household's
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
    if found.role is None or found.base_currency is None:
        if household_id is not None:
            raise HouseholdNotFound(f"household {household_id} not found")
        raise TokenRevoked("you are no longer a member of this token's household; sign in again")
    return Access(
        user_id=claims.user_id,
        household_id=target,
        role=found.role,
        base_currency=found.base_currency,
        via="token",
        family=claims.family,
    )


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
    membership = repo.role_and_currency(session, user_id=used.user_id, household_id=used.household_id)
    if membership is None:
        raise InvalidApiKey("the API key's owner is no longer a member of its household")
    role, base_currency = membership
    return Access(
        user_id=used.user_id,
        household_id=used.household_id,
        role=role,
        base_currency=base_currency,
        via="api_key",
        scope=used.scope,
    )


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
