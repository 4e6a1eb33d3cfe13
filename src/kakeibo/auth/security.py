"""Password hashing (argon2id) and token digests."""

from __future__ import annotations

import functools
import hashlib
import os
import secrets
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher


# argon2id with the library's recommended memory and time (RFC 9106's 64 MiB, 3 passes) in one lane: more lanes
# buy no speed here, only take every core at once from everyone else. Hashes made with other parameters (older
# ones) still verify: the parameters are part of the hash.
@functools.cache
def _argon2() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher(parallelism=1)


class _Hasher:
    """The hasher, made on first use: a command that never touches a password does not load argon2."""

    def hash(self, password: str) -> str:
        return _argon2().hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        return _argon2().verify(password_hash, password)


_hasher = _Hasher()


# At most this many hashes at once, so sign-ins in a loop cannot take all the cores from the server's writers.
_working = threading.BoundedSemaphore(max(1, (os.cpu_count() or 2) // 2))


@functools.cache
def _dummy_hash() -> str:
    """Verifying against this when the user does not exist keeps response times alike (no user enumeration by
    timing). Made on first use, so commands that never check a password do not pay for it."""
    return _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    with _working:
        return _hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    against = password_hash or _dummy_hash()
    try:
        with _working:
            return _hasher.verify(against, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def digest(token: str) -> str:
    """Refresh tokens and API keys are stored as SHA-256 digests: they are long random strings, not passwords."""
    return hashlib.sha256(token.encode()).hexdigest()
