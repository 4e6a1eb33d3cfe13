"""Password hashing (argon2id) and token digests."""

from __future__ import annotations

import functools
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


@functools.cache
def _dummy_hash() -> str:
    """Verifying against this when the user does not exist keeps response times alike (no user enumeration by
    timing). Made on first use, so commands that never check a password do not pay for it."""
    return _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    try:
        return _hasher.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def digest(token: str) -> str:
    """Refresh tokens and API keys are stored as SHA-256 digests: they are long random strings, not passwords."""
    return hashlib.sha256(token.encode()).hexdigest()
