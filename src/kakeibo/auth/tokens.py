"""Credentials as plain values: signed access tokens (JWT), opaque refresh tokens, invitation tokens and API keys."""

from __future__ import annotations

import datetime as dt
import secrets
import string
import uuid
from dataclasses import dataclass

from kakeibo.auth.errors import InvalidToken, TokenExpired

ALGORITHM = "HS256"
API_KEY_PREFIX = "kk_"
API_KEY_PREFIX_LENGTH = 8
# No "_" in the prefix alphabet, so `kk_<prefix>_<secret>` splits unambiguously (the secret may contain "_").
_PREFIX_ALPHABET = string.ascii_lowercase + string.digits


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: int
    household_id: int
    family: str
    jti: str
    expires_at: dt.datetime


def new_family() -> str:
    return str(uuid.uuid4())


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


def issue_access_token(
    *, secret: str, user_id: int, household_id: int, family: str, now: dt.datetime, lifetime: dt.timedelta
) -> str:
    claims = {
        "sub": str(user_id),  # RFC 7519: `sub` is a string
        "hh": household_id,
        "fam": family,
        "jti": uuid.uuid4().hex,
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
    }
    import jwt  # loaded by the server, not by every CLI command

    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def decode_access_token(token: str, *, secret: str) -> AccessClaims:
    """The claims of a token this server signed; expired, altered or malformed tokens raise 401 errors."""
    import jwt

    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],  # pinned, so a token cannot pick its own algorithm ("none", RS256 with our key)
            options={"require": ["sub", "hh", "fam", "jti", "exp", "iat"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise TokenExpired("the access token has expired; refresh it or sign in again") from exc
    except jwt.InvalidTokenError as exc:
        raise InvalidToken("the access token is not valid") from exc
    try:
        return AccessClaims(
            user_id=int(claims["sub"]),
            household_id=int(claims["hh"]),
            family=str(claims["fam"]),
            jti=str(claims["jti"]),
            expires_at=dt.datetime.fromtimestamp(int(claims["exp"]), dt.UTC),
        )
    except (TypeError, ValueError) as exc:
        raise InvalidToken("the access token is not valid") from exc


@dataclass(frozen=True, slots=True)
class NewApiKey:
    key: str  # shown to the user once, never stored
    prefix: str


def new_api_key() -> NewApiKey:
    prefix = "".join(secrets.choice(_PREFIX_ALPHABET) for _ in range(API_KEY_PREFIX_LENGTH))
    return NewApiKey(key=f"{API_KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}", prefix=prefix)


def looks_like_api_key(credential: str) -> bool:
    return credential.startswith(API_KEY_PREFIX)


def api_key_prefix(key: str) -> str | None:
    """The public prefix of a well-formed key, else None."""
    parts = key.split("_", 2)
    if len(parts) != 3 or f"{parts[0]}_" != API_KEY_PREFIX or not parts[2]:
        return None
    prefix = parts[1]
    if len(prefix) != API_KEY_PREFIX_LENGTH or any(c not in _PREFIX_ALPHABET for c in prefix):
        return None
    return prefix
