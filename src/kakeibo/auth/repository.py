"""All SQL of the auth domain: users, households, memberships, invitations, refresh-token chains and API keys."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from sqlalchemy import CursorResult, delete, exists, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kakeibo.auth.models import ApiKey, ApiKeyScope, Household, Invitation, Membership, RefreshToken, Role, User


# ---- users ----------------------------------------------------------------------------------------------------
def get_user(session: Session, *, user_id: int) -> User | None:
    return session.get(User, user_id)


def get_user_by_email(session: Session, *, email: str) -> User | None:
    """`email` must already be normalized (stripped, lower case)."""
    return session.scalars(select(User).where(User.email == email)).first()


def first_users(session: Session, *, limit: int) -> list[User]:
    """The earliest-created users, at most `limit` of them."""
    return list(session.scalars(select(User).order_by(User.created_at, User.id).limit(limit)))


def add_user(session: Session, *, email: str, password_hash: str | None, display_name: str) -> User:
    user = User(email=email, password_hash=password_hash, display_name=display_name)
    session.add(user)
    session.flush()
    return user


def add_user_if_new(session: Session, *, email: str, password_hash: str | None, display_name: str) -> User | None:
    """The new user, or None when the email is taken, also by a registration committed a moment ago (the unique
    email decides, in a savepoint, so the surrounding transaction goes on)."""
    if get_user_by_email(session, email=email) is not None:
        return None
    try:
        with session.begin_nested():
            return add_user(session, email=email, password_hash=password_hash, display_name=display_name)
    except IntegrityError:
        return None


# ---- households and memberships -------------------------------------------------------------------------------
def add_household(session: Session, *, name: str, base_currency: str) -> Household:
    household = Household(name=name, base_currency=base_currency, ledger_version=0)
    session.add(household)
    session.flush()
    return household


def get_household(session: Session, *, household_id: int) -> Household | None:
    return session.get(Household, household_id)


def lock_household(session: Session, *, household_id: int) -> Household | None:
    """The household row, locked until commit, so membership changes of one household happen one at a time.

    (SQLite has no row locks; there every writer already holds the database's write lock.)"""
    return session.scalars(select(Household).where(Household.id == household_id).with_for_update()).first()


def add_membership(session: Session, *, user_id: int, household_id: int, role: Role) -> Membership:
    membership = Membership(user_id=user_id, household_id=household_id, role=role)
    session.add(membership)
    session.flush()
    return membership


def get_membership(session: Session, *, user_id: int, household_id: int) -> Membership | None:
    return session.scalars(
        select(Membership).where(Membership.user_id == user_id, Membership.household_id == household_id)
    ).first()


def get_role(session: Session, *, user_id: int, household_id: int) -> Role | None:
    return session.scalars(
        select(Membership.role).where(Membership.user_id == user_id, Membership.household_id == household_id)
    ).first()


def role_and_currency(session: Session, *, user_id: int, household_id: int) -> tuple[Role, str] | None:
    """The user's role in a household and the household's base currency, in one round trip."""
    row = session.execute(
        select(Membership.role, Household.base_currency)
        .join(Household, Household.id == Membership.household_id)
        .where(Membership.user_id == user_id, Membership.household_id == household_id)
    ).first()
    return None if row is None else (Role(row[0]), str(row[1]))


def first_household_of_user(session: Session, *, user_id: int) -> Household | None:
    return session.scalars(
        select(Household)
        .join(Membership, Membership.household_id == Household.id)
        .where(Membership.user_id == user_id)
        .order_by(Household.id)
    ).first()


def households_of_user(session: Session, *, user_id: int) -> list[tuple[Household, Role]]:
    rows = session.execute(
        select(Household, Membership.role)
        .join(Membership, Membership.household_id == Household.id)
        .where(Membership.user_id == user_id)
        .order_by(Household.id)
    )
    return [(household, role) for household, role in rows]


def members_of_household(session: Session, *, household_id: int) -> list[tuple[Membership, User]]:
    rows = session.execute(
        select(Membership, User)
        .join(User, User.id == Membership.user_id)
        .where(Membership.household_id == household_id)
        .order_by(Membership.id)
    )
    return [(membership, user) for membership, user in rows]


def count_owners(session: Session, *, household_id: int) -> int:
    stmt = select(func.count()).where(Membership.household_id == household_id, Membership.role == Role.owner)
    return session.scalars(stmt).one()


def delete_membership(session: Session, *, membership: Membership) -> None:
    session.delete(membership)
    session.flush()


def clear_default_household(session: Session, *, user_id: int, household_id: int) -> None:
    session.execute(
        update(User)
        .where(User.id == user_id, User.default_household_id == household_id)
        .values(default_household_id=None)
        .execution_options(synchronize_session="fetch")
    )


# ---- invitations ----------------------------------------------------------------------------------------------
def add_invitation(
    session: Session,
    *,
    household_id: int,
    email: str,
    role: Role,
    token_hash: str,
    invited_by: int | None,
    expires_at: dt.datetime,
) -> Invitation:
    invitation = Invitation(
        household_id=household_id,
        email=email,
        role=role,
        token_hash=token_hash,
        invited_by=invited_by,
        expires_at=expires_at,
    )
    session.add(invitation)
    session.flush()
    return invitation


def get_invitation_by_hash(session: Session, *, token_hash: str) -> Invitation | None:
    return session.scalars(select(Invitation).where(Invitation.token_hash == token_hash)).first()


def get_invitation(session: Session, *, household_id: int, invitation_id: int) -> Invitation | None:
    return session.scalars(
        select(Invitation).where(Invitation.household_id == household_id, Invitation.id == invitation_id)
    ).first()


def pending_invitations(session: Session, *, household_id: int, now: dt.datetime) -> list[Invitation]:
    stmt = select(Invitation).where(
        Invitation.household_id == household_id,
        Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None),
        Invitation.expires_at > now,
    )
    return list(session.scalars(stmt.order_by(Invitation.id)))


def accept_invitation(session: Session, *, invitation_id: int, user_id: int, now: dt.datetime) -> bool:
    """Use an invitation up; False when it was used, revoked or expired meanwhile (by a concurrent request too)."""
    result = session.execute(
        update(Invitation)
        .where(
            Invitation.id == invitation_id,
            Invitation.accepted_at.is_(None),
            Invitation.revoked_at.is_(None),
            Invitation.expires_at > now,
        )
        .values(accepted_at=now, accepted_by=user_id)
        .execution_options(synchronize_session="fetch")
    )
    return cast(CursorResult[object], result).rowcount == 1


# ---- access checks (one query per request) --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TokenAccess:
    role: Role | None  # None: not a member of the household
    family_revoked: bool
    base_currency: str | None


def token_access(session: Session, *, user_id: int, household_id: int, family: str) -> TokenAccess:
    """The caller's role in a household and whether the token's sign-in family was revoked, in one round trip."""
    role = (
        select(Membership.role)
        .where(Membership.user_id == user_id, Membership.household_id == household_id)
        .scalar_subquery()
    )
    revoked = exists().where(RefreshToken.family == family, RefreshToken.revoked_at.is_not(None))
    currency = select(Household.base_currency).where(Household.id == household_id).scalar_subquery()
    row = session.execute(select(role, revoked, currency)).one()
    return TokenAccess(
        role=Role(row[0]) if row[0] is not None else None,
        family_revoked=bool(row[1]),
        base_currency=None if row[2] is None else str(row[2]),
    )


# ---- refresh tokens -------------------------------------------------------------------------------------------
def add_refresh_token(
    session: Session,
    *,
    user_id: int,
    household_id: int,
    family: str,
    token_hash: str,
    expires_at: dt.datetime,
) -> RefreshToken:
    token = RefreshToken(
        user_id=user_id, household_id=household_id, family=family, token_hash=token_hash, expires_at=expires_at
    )
    session.add(token)
    session.flush()
    return token


def get_refresh_token_by_hash(session: Session, *, token_hash: str) -> RefreshToken | None:
    return session.scalars(select(RefreshToken).where(RefreshToken.token_hash == token_hash)).first()


def mark_refresh_token_used(session: Session, *, token_id: int, now: dt.datetime) -> bool:
    """Spend a refresh token; False when it was already spent or revoked (by a concurrent request, too)."""
    result = session.execute(
        update(RefreshToken)
        .where(RefreshToken.id == token_id, RefreshToken.used_at.is_(None), RefreshToken.revoked_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session="fetch")
    )
    return cast(CursorResult[object], result).rowcount == 1


def revoke_family(session: Session, *, family: str, now: dt.datetime) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.family == family, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session="fetch")
    )


def revoke_other_families(session: Session, *, user_id: int, keep: str | None, now: dt.datetime) -> None:
    """Sign the user out everywhere but the sign-in `keep`."""
    conditions = [RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None)]
    if keep is not None:
        conditions.append(RefreshToken.family != keep)
    session.execute(
        update(RefreshToken).where(*conditions).values(revoked_at=now).execution_options(synchronize_session="fetch")
    )


def family_belongs_to(session: Session, *, family: str, user_id: int) -> bool:
    stmt = select(exists().where(RefreshToken.family == family, RefreshToken.user_id == user_id))
    return bool(session.scalars(stmt).one())


def revoke_refresh_tokens_in_household(session: Session, *, user_id: int, household_id: int, now: dt.datetime) -> None:
    session.execute(
        update(RefreshToken)
        .where(
            RefreshToken.user_id == user_id,
            RefreshToken.household_id == household_id,
            RefreshToken.revoked_at.is_(None),
        )
        .values(revoked_at=now)
        .execution_options(synchronize_session="fetch")
    )


def delete_expired_refresh_tokens(session: Session, *, before: dt.datetime) -> int:
    """Housekeeping: refresh tokens that expired before `before`."""
    result = session.execute(
        delete(RefreshToken).where(RefreshToken.expires_at < before).execution_options(synchronize_session=False)
    )
    return cast(CursorResult[object], result).rowcount


# ---- API keys -------------------------------------------------------------------------------------------------
def add_api_key(
    session: Session,
    *,
    user_id: int,
    household_id: int,
    name: str,
    prefix: str,
    key_hash: str,
    scope: ApiKeyScope,
) -> ApiKey:
    key = ApiKey(
        user_id=user_id, household_id=household_id, name=name, prefix=prefix, key_hash=key_hash, scope=scope, uses=0
    )
    session.add(key)
    session.flush()
    return key


@dataclass(frozen=True, slots=True)
class ApiKeyUse:
    api_key_id: int
    user_id: int
    household_id: int
    prefix: str
    scope: ApiKeyScope


def use_api_key(session: Session, *, key_hash: str, now: dt.datetime) -> ApiKeyUse | None:
    """Count one use of a live key and return who it acts for; None for unknown or revoked keys.

    Lookup and count are one UPDATE … RETURNING, so concurrent uses never lose a count and a key revoked a moment
    ago is refused."""
    row = session.execute(
        update(ApiKey)
        .where(ApiKey.key_hash == key_hash, ApiKey.revoked_at.is_(None))
        .values(uses=ApiKey.uses + 1, last_used_at=now)
        .returning(ApiKey.id, ApiKey.user_id, ApiKey.household_id, ApiKey.prefix, ApiKey.scope)
        .execution_options(synchronize_session=False)
    ).first()
    if row is None:
        return None
    return ApiKeyUse(api_key_id=row[0], user_id=row[1], household_id=row[2], prefix=row[3], scope=ApiKeyScope(row[4]))


def list_api_keys(session: Session, *, household_id: int, user_id: int | None) -> list[ApiKey]:
    """Keys of a household, or only one user's keys in it."""
    stmt = select(ApiKey).where(ApiKey.household_id == household_id)
    if user_id is not None:
        stmt = stmt.where(ApiKey.user_id == user_id)
    return list(session.scalars(stmt.order_by(ApiKey.id)))


def get_api_key(session: Session, *, household_id: int, api_key_id: int) -> ApiKey | None:
    return session.scalars(select(ApiKey).where(ApiKey.household_id == household_id, ApiKey.id == api_key_id)).first()


def revoke_api_keys_of_user(session: Session, *, user_id: int, now: dt.datetime) -> int:
    """Revoke every live key of a user, in every household; how many there were."""
    result = session.execute(
        update(ApiKey)
        .where(ApiKey.user_id == user_id, ApiKey.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session="fetch")
    )
    return cast(CursorResult[object], result).rowcount


def revoke_api_keys_in_household(session: Session, *, user_id: int, household_id: int, now: dt.datetime) -> None:
    session.execute(
        update(ApiKey)
        .where(ApiKey.user_id == user_id, ApiKey.household_id == household_id, ApiKey.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session="fetch")
    )
