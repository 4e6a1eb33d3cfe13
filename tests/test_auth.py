"""Sign-up, sign-in, rotating refresh tokens, logout and the login rate limit, over real HTTP."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import jwt
import pytest
import redis
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from kakeibo.auth import service, tokens
from kakeibo.auth.models import RefreshToken
from kakeibo.auth.ratelimit import MemoryLoginLimiter, RedisLoginLimiter, limiter_for_app
from kakeibo.auth.security import digest
from kakeibo.core import clock
from kakeibo.core.errors import RateLimited
from tests.conftest import service_unavailable

PASSWORD = "correct horse battery"
SECRET = "test-secret-key-that-is-long-enough"


def _email() -> str:
    return f"{uuid.uuid4().hex[:10]}@example.com"


def _register(client: TestClient, email: str | None = None, **extra: Any) -> dict[str, Any]:
    """Register, then read who was made (the registration's own answer says nothing about the account)."""
    email = email or _email()
    response = client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD, **extra})
    assert response.status_code == 202, response.text
    assert response.json() == {"status": "accepted", "detail": "sign in with this email and password"}
    me = _me(client, _tokens(client, email.lower())["access_token"]).json()
    return {"user": me["user"], "household": me["memberships"][0]}


def _login(client: TestClient, email: str, password: str = PASSWORD, **extra: Any) -> Any:
    return client.post("/api/v1/auth/token", data={"username": email, "password": password, **extra})


def _tokens(client: TestClient, email: str) -> dict[str, Any]:
    response = _login(client, email)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def _me(client: TestClient, access_token: str) -> Any:
    return client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {access_token}"})


def _refresh(client: TestClient, refresh_token: str) -> Any:
    return client.post("/api/v1/auth/refresh", json={"refresh_token": refresh_token})


# ---- register, sign in, me ------------------------------------------------------------------------------------
def test_register_then_token_then_me(client: TestClient) -> None:
    email = _email()
    created = _register(client, email.upper(), display_name="Alex", household_name="Casa", base_currency="eur")
    assert created["user"]["email"] == email
    assert created["household"] == {**created["household"], "name": "Casa", "base_currency": "EUR", "role": "owner"}

    pair = _tokens(client, email)
    assert pair["token_type"] == "bearer"
    assert pair["expires_in"] == 15 * 60
    assert pair["household_id"] == created["household"]["id"]
    claims = jwt.decode(pair["access_token"], SECRET, algorithms=["HS256"])
    assert claims["sub"] == str(created["user"]["id"]) and claims["hh"] == created["household"]["id"]
    assert {"fam", "jti", "exp", "iat"} <= claims.keys()

    me = _me(client, pair["access_token"])
    assert me.status_code == 200, me.text
    body = me.json()
    assert body["user"]["id"] == created["user"]["id"] and body["user"]["display_name"] == "Alex"
    assert [(m["id"], m["role"]) for m in body["memberships"]] == [(created["household"]["id"], "owner")]
    assert body["current"] == {
        "household_id": created["household"]["id"],
        "role": "owner",
        "can_write": True,
        "via": "token",
    }


def test_registration_answers_a_taken_email_as_a_free_one_and_refuses_weak_passwords(client: TestClient) -> None:
    email = _email()
    _register(client, email)
    again = client.post("/api/v1/auth/register", json={"email": email.upper(), "password": "another long password"})
    assert again.status_code == 202  # the same answer as for a free email: registering tells nobody who has an account
    assert _login(client, email, "another long password").status_code == 401  # and nothing changed
    assert _login(client, email).status_code == 200
    weak = client.post("/api/v1/auth/register", json={"email": _email(), "password": "short"})
    assert weak.status_code == 422 and weak.json()["errors"][0]["field"] == "password"
    not_email = client.post("/api/v1/auth/register", json={"email": "nobody", "password": PASSWORD})
    assert not_email.status_code == 422
    currency = client.post(
        "/api/v1/auth/register", json={"email": _email(), "password": PASSWORD, "base_currency": "XYZ"}
    )
    assert currency.status_code == 422


def test_wrong_credentials_get_one_generic_answer(client: TestClient) -> None:
    email = _email()
    _register(client, email)
    wrong_password = _login(client, email, "not the password")
    unknown_email = _login(client, _email())
    for response in (wrong_password, unknown_email):
        assert response.status_code == 401
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.json()["type"] == "/problems/invalid-credentials"
    assert wrong_password.json() == unknown_email.json()


def test_requests_without_a_valid_credential_are_401(client: TestClient) -> None:
    created = _register(client)
    user_id, household_id = created["user"]["id"], created["household"]["id"]
    missing = client.get("/api/v1/auth/me")
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert missing.json()["type"] == "/problems/unauthorized"

    now = clock.now()
    expired = tokens.issue_access_token(
        secret=SECRET,
        user_id=user_id,
        household_id=household_id,
        family=tokens.new_family(),
        now=now - dt.timedelta(hours=1),
        lifetime=dt.timedelta(minutes=15),
    )
    assert _me(client, expired).json()["type"] == "/problems/token-expired"

    forged = tokens.issue_access_token(
        secret="someone-elses-secret-key-0123456789",
        user_id=user_id,
        household_id=household_id,
        family=tokens.new_family(),
        now=now,
        lifetime=dt.timedelta(minutes=15),
    )
    unsigned = jwt.encode({"sub": str(user_id), "hh": household_id, "fam": "x", "jti": "x", "iat": 0}, None, "none")
    for bad in (forged, unsigned, "not-a-jwt"):
        response = _me(client, bad)
        assert response.status_code == 401, bad
        assert response.json()["type"] == "/problems/invalid-token"


# ---- refresh rotation and reuse -------------------------------------------------------------------------------
def test_refresh_rotates_the_pair(client: TestClient) -> None:
    email = _email()
    _register(client, email)
    first = _tokens(client, email)
    second = _refresh(client, first["refresh_token"])
    assert second.status_code == 200, second.text
    second_pair = second.json()
    assert second_pair["refresh_token"] != first["refresh_token"]
    assert second_pair["access_token"] != first["access_token"]
    fam = jwt.decode(second_pair["access_token"], SECRET, algorithms=["HS256"])["fam"]
    assert fam == jwt.decode(first["access_token"], SECRET, algorithms=["HS256"])["fam"]
    assert _me(client, second_pair["access_token"]).status_code == 200
    third = _refresh(client, second_pair["refresh_token"])
    assert third.status_code == 200, third.text


def test_reusing_a_refresh_token_revokes_the_whole_family(client: TestClient) -> None:
    email = _email()
    _register(client, email)
    first = _tokens(client, email)
    other_sign_in = _tokens(client, email)  # another device: a family of its own
    second = _refresh(client, first["refresh_token"]).json()

    reused = _refresh(client, first["refresh_token"])
    assert reused.status_code == 401
    assert reused.json()["type"] == "/problems/token-revoked"

    # The revocation was kept (not rolled back with the 401): the newer tokens of the family are dead too.
    newer = _refresh(client, second["refresh_token"])
    assert newer.status_code == 401 and newer.json()["type"] == "/problems/token-revoked"
    for access in (first["access_token"], second["access_token"]):
        response = _me(client, access)
        assert response.status_code == 401 and response.json()["type"] == "/problems/token-revoked"
    # Another sign-in of the same user is untouched.
    assert _me(client, other_sign_in["access_token"]).status_code == 200
    assert _refresh(client, other_sign_in["refresh_token"]).status_code == 200


def test_unknown_refresh_token_is_401(client: TestClient) -> None:
    response = _refresh(client, tokens.new_refresh_token())
    assert response.status_code == 401 and response.json()["type"] == "/problems/invalid-token"


# ---- logout ---------------------------------------------------------------------------------------------------
def test_logout_ends_the_sign_in(client: TestClient) -> None:
    email = _email()
    _register(client, email)
    pair = _tokens(client, email)
    elsewhere = _tokens(client, email)
    headers = {"Authorization": f"Bearer {pair['access_token']}"}
    out = client.post("/api/v1/auth/logout", headers=headers)
    assert out.status_code == 204, out.text
    after = _me(client, pair["access_token"])
    assert after.status_code == 401 and after.json()["type"] == "/problems/token-revoked"
    assert _refresh(client, pair["refresh_token"]).status_code == 401
    assert _me(client, elsewhere["access_token"]).status_code == 200


def test_logout_with_a_refresh_token_ends_that_sign_in_too(client: TestClient) -> None:
    email = _email()
    _register(client, email)
    pair, stale = _tokens(client, email), _tokens(client, email)
    out = client.post(
        "/api/v1/auth/logout",
        json={"refresh_token": stale["refresh_token"]},
        headers={"Authorization": f"Bearer {pair['access_token']}"},
    )
    assert out.status_code == 204, out.text
    assert _me(client, pair["access_token"]).status_code == 401
    assert _me(client, stale["access_token"]).status_code == 401
    assert _refresh(client, stale["refresh_token"]).status_code == 401


def test_logout_ignores_someone_elses_refresh_token(client: TestClient) -> None:
    email = _email()
    _register(client, email)
    mine = _tokens(client, email)
    someone_else = _register(client)
    theirs = _tokens(client, someone_else["user"]["email"])
    out = client.post(
        "/api/v1/auth/logout",
        json={"refresh_token": theirs["refresh_token"]},
        headers={"Authorization": f"Bearer {mine['access_token']}"},
    )
    assert out.status_code == 204
    assert _me(client, theirs["access_token"]).status_code == 200
    assert _refresh(client, theirs["refresh_token"]).status_code == 200


# ---- login rate limit -----------------------------------------------------------------------------------------
def test_too_many_failed_logins_per_email_get_429(make_client: Callable[..., TestClient]) -> None:
    client = make_client(login_attempts_per_minute=3)
    email = _email()
    _register(client, email)
    assert _login(client, email).status_code == 200  # successes do not use up the allowance
    for _ in range(3):
        assert _login(client, email, "wrong password").status_code == 401
    limited = _login(client, email)  # even the right password waits now
    assert limited.status_code == 429
    assert limited.headers["content-type"].startswith("application/problem+json")
    body = limited.json()
    assert body["type"] == "/problems/rate-limited"
    assert 1 <= body["retry_after"] <= 60
    assert limited.headers["retry-after"] == str(body["retry_after"])


def test_too_many_failed_logins_per_address_get_429(make_client: Callable[..., TestClient]) -> None:
    client = make_client(login_attempts_per_minute=3)
    for _ in range(3):
        assert _login(client, _email(), "wrong password").status_code == 401
    assert _login(client, _email(), "wrong password").status_code == 429


def test_in_memory_limits_belong_to_one_app(make_client: Callable[..., TestClient]) -> None:
    first, second = make_client(login_attempts_per_minute=1), make_client(login_attempts_per_minute=1)
    email = _email()
    assert _login(first, email, "wrong password").status_code == 401
    assert _login(first, email, "wrong password").status_code == 429
    assert _login(second, email, "wrong password").status_code == 401


def test_memory_limiter_window_slides() -> None:
    now = [1000.0]
    limiter = MemoryLoginLimiter(limit=2, window=60, clock=lambda: now[0])
    limiter.acquire(["email:a"])
    now[0] += 30
    kept = limiter.acquire(["email:a", "ip:1"])
    with pytest.raises(RateLimited) as raised:
        limiter.acquire(["email:a"])
    assert raised.value.extra["retry_after"] == 30
    limiter.acquire(["ip:1"])  # the refused attempt recorded nothing under "ip:1"
    now[0] += 31  # the first attempt left the window
    limiter.acquire(["email:a"])
    limiter.release(kept)
    limiter.acquire(["email:a"])
    with pytest.raises(RateLimited):
        limiter.acquire(["email:a"])


# ---- the Redis-backed limiter ---------------------------------------------------------------------------------
@pytest.fixture
def redis_client() -> Iterator[redis.Redis]:
    client = redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_timeout=2, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        service_unavailable("Redis", exc)
    yield client
    client.close()


@pytest.fixture
def redis_prefix(redis_client: redis.Redis) -> Iterator[str]:
    prefix = f"kakeibo-test:{uuid.uuid4().hex}:"
    yield prefix
    for key in redis_client.scan_iter(match=f"{prefix}*"):
        redis_client.delete(key)


def test_redis_limiter_is_shared_between_replicas(redis_client: redis.Redis, redis_prefix: str) -> None:
    replica_a = RedisLoginLimiter(redis_client, limit=2, prefix=redis_prefix)
    replica_b = RedisLoginLimiter(redis_client, limit=2, prefix=redis_prefix)
    replica_a.acquire(["email:a@example.com", "ip:10.0.0.1"])
    good = replica_b.acquire(["email:a@example.com", "ip:10.0.0.1"])
    with pytest.raises(RateLimited) as raised:
        replica_a.acquire(["email:a@example.com"])
    assert 1 <= raised.value.extra["retry_after"] <= 60
    with pytest.raises(RateLimited):
        replica_b.acquire(["email:b@example.com", "ip:10.0.0.1"])  # full through the address
    replica_b.acquire(["email:b@example.com"])  # the refusal above recorded nothing for b
    replica_a.release(good)
    replica_b.acquire(["email:a@example.com"])
    assert all(b"@" not in key for key in redis_client.scan_iter(match=f"{redis_prefix}*"))


def test_redis_limiter_over_http(
    make_client: Callable[..., TestClient], redis_client: redis.Redis, redis_prefix: str
) -> None:
    client = make_client(redis_url="redis://127.0.0.1:6379/15", login_attempts_per_minute=2)
    assert isinstance(limiter_for_app(client.app.state), RedisLoginLimiter)  # type: ignore[attr-defined]
    # The same Redis, under this test's own prefix so that nothing is left behind.
    client.app.state.login_limiter = RedisLoginLimiter(redis_client, limit=2, prefix=redis_prefix)  # type: ignore[attr-defined]
    email = _email()
    _register(client, email)
    for _ in range(2):
        assert _login(client, email, "wrong password").status_code == 401
    limited = _login(client, email)
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    # A second replica (another app over the same Redis) sees the same window.
    replica = make_client(redis_url="redis://127.0.0.1:6379/15", login_attempts_per_minute=2)
    replica.app.state.login_limiter = RedisLoginLimiter(redis_client, limit=2, prefix=redis_prefix)  # type: ignore[attr-defined]
    assert _login(replica, email).status_code == 429


def test_refresh_tokens_are_stored_as_digests_and_purged_after_expiry(client: TestClient, session: Session) -> None:
    email = _email()
    _register(client, email)
    pair = _tokens(client, email)
    stored = session.scalars(select(RefreshToken).where(RefreshToken.token_hash == digest(pair["refresh_token"]))).one()
    assert stored.used_at is None and stored.revoked_at is None
    assert session.scalars(select(RefreshToken).where(RefreshToken.token_hash == pair["refresh_token"])).first() is None

    stored.expires_at = clock.now() - dt.timedelta(seconds=1)
    session.flush()
    expired = _refresh(client, pair["refresh_token"])
    assert expired.status_code == 401 and expired.json()["type"] == "/problems/token-expired"
    assert service.purge_expired_refresh_tokens(session) >= 1
    assert session.scalars(select(RefreshToken.id).where(RefreshToken.id == stored.id)).first() is None


def test_changing_the_password_needs_the_old_one_and_signs_out_other_sign_ins(client: TestClient) -> None:
    email = _email()
    _register(client, email)
    here, elsewhere = _tokens(client, email), _tokens(client, email)
    headers = {"Authorization": f"Bearer {here['access_token']}"}
    named = client.patch("/api/v1/auth/me", json={"display_name": " Alex "}, headers=headers)
    assert named.status_code == 200 and named.json()["display_name"] == "Alex"
    wrong = client.patch(
        "/api/v1/auth/me", json={"current_password": "not it", "new_password": "a new long password"}, headers=headers
    )
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "current_password"
    assert _login(client, email).status_code == 200  # nothing changed
    weak = client.patch(
        "/api/v1/auth/me", json={"current_password": PASSWORD, "new_password": "short"}, headers=headers
    )
    assert weak.status_code == 422
    changed = client.patch(
        "/api/v1/auth/me", json={"current_password": PASSWORD, "new_password": "a new long password"}, headers=headers
    )
    assert changed.status_code == 200, changed.text
    assert _login(client, email).status_code == 401
    assert _login(client, email, "a new long password").status_code == 200
    assert _me(client, here["access_token"]).status_code == 200  # this sign-in stays
    assert _me(client, elsewhere["access_token"]).status_code == 401  # the other one is over
    assert _refresh(client, elsewhere["refresh_token"]).status_code == 401
    assert _refresh(client, here["refresh_token"]).status_code == 200
    key = client.post("/api/v1/api-keys", json={"name": "script", "scope": "write"}, headers=headers).json()["key"]
    by_key = client.patch("/api/v1/auth/me", json={"display_name": "Mallory"}, headers={"X-API-Key": key})
    assert by_key.status_code == 403


# ---- lockouts that a stranger cannot use against the owner ------------------------------------------------------
def _from(client: TestClient, address: str) -> TestClient:
    """The same app, reached from another client address (what a trusted proxy or the peer would give)."""
    return TestClient(client.app, client=(address, 50000))


def test_a_guesser_elsewhere_does_not_lock_the_owner_out(make_client: Callable[..., TestClient]) -> None:
    client = make_client(login_attempts_per_minute=3)
    email = _email()
    _register(client, email)
    guesser, home = _from(client, "203.0.113.7"), _from(client, "192.0.2.10")
    for _ in range(3):
        assert _login(guesser, email, "wrong password").status_code == 401
    assert _login(guesser, email, "wrong password").status_code == 429  # the guesser is stopped
    assert _login(home, email).status_code == 200  # the owner, from their own network, is not
    # Many addresses guessing at one account reach the email's own, higher ceiling (10 times the limit): 30.
    for n in range(9):
        many = _from(client, f"198.51.100.{n}")
        assert [_login(many, email, "wrong password").status_code for _ in range(3)] == [401, 401, 401]
    assert _login(_from(client, "198.51.100.99"), email, "wrong password").status_code == 429
    assert _login(home, email).status_code == 429


def test_registration_is_rate_limited_per_address(make_client: Callable[..., TestClient]) -> None:
    client = make_client(login_attempts_per_minute=3)
    answers = [
        client.post("/api/v1/auth/register", json={"email": _email(), "password": PASSWORD}).status_code
        for _ in range(4)
    ]
    assert answers == [202, 202, 202, 429]
    assert (
        _from(client, "192.0.2.10")
        .post("/api/v1/auth/register", json={"email": _email(), "password": PASSWORD})
        .status_code
        == 202
    )


def test_password_change_guesses_are_rate_limited(make_client: Callable[..., TestClient]) -> None:
    client = make_client(login_attempts_per_minute=3)
    email = _email()
    _register(client, email)
    headers = {"Authorization": f"Bearer {_tokens(client, email)['access_token']}"}

    def change(current: str) -> int:
        body = {"current_password": current, "new_password": "a new long password"}
        return client.patch("/api/v1/auth/me", json=body, headers=headers).status_code

    assert [change("guess one"), change("guess two"), change("guess three"), change(PASSWORD)] == [422, 422, 422, 429]
    assert _login(client, email).status_code == 200  # unchanged


@pytest.mark.parametrize("password", ["password123", "        ", "qwertyuiop", "iloveyou1", "12345678"])
def test_common_and_blank_passwords_are_refused(client: TestClient, password: str) -> None:
    refused = client.post("/api/v1/auth/register", json={"email": _email(), "password": password})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "password"
    email = _email()
    _register(client, email)
    headers = {"Authorization": f"Bearer {_tokens(client, email)['access_token']}"}
    change = client.patch(
        "/api/v1/auth/me", json={"current_password": PASSWORD, "new_password": password}, headers=headers
    )
    assert change.status_code == 422 and change.json()["errors"][0]["field"] == "new_password"


def test_a_password_built_from_the_email_is_refused(client: TestClient) -> None:
    refused = client.post("/api/v1/auth/register", json={"email": "robin.hood@example.com", "password": "robinhood1"})
    assert refused.status_code == 422 and "guess" in refused.json()["detail"]


def test_api_keys_survive_a_password_change_unless_revoked_with_it(client: TestClient) -> None:
    email = _email()
    _register(client, email)
    headers = {"Authorization": f"Bearer {_tokens(client, email)['access_token']}"}
    key = client.post("/api/v1/api-keys", json={"name": "script"}, headers=headers).json()["key"]
    kept = client.patch(
        "/api/v1/auth/me", json={"current_password": PASSWORD, "new_password": "a new long password"}, headers=headers
    )
    assert kept.status_code == 200
    assert client.get("/api/v1/auth/me", headers={"X-API-Key": key}).status_code == 200
    revoked = client.patch(
        "/api/v1/auth/me",
        json={"current_password": "a new long password", "new_password": PASSWORD, "revoke_api_keys": True},
        headers=headers,
    )
    assert revoked.status_code == 200
    assert client.get("/api/v1/auth/me", headers={"X-API-Key": key}).status_code == 401
