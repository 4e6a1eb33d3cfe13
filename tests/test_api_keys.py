"""API keys over real HTTP: shown once, stored as a digest, scoped to read or write, bound to one household."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from kakeibo.auth.models import ApiKey
from kakeibo.auth.security import digest
from tests.api_helpers import ApiUser, sign_up


@pytest.fixture
def owner(client: TestClient) -> ApiUser:
    return sign_up(client)


def _create(user: ApiUser, scope: str = "read", name: str = "budget script") -> dict[str, Any]:
    response = user.post("/api-keys", {"name": name, "scope": scope})
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def _with_key(client: TestClient, key: str, method: str, path: str, *, header: str = "bearer", **kwargs: Any) -> Any:
    sent = {"Authorization": f"Bearer {key}"} if header == "bearer" else {"X-API-Key": key}
    return client.request(method, f"/api/v1{path}", headers={**sent, **kwargs.pop("headers", {})}, **kwargs)


def test_key_is_shown_once_and_stored_as_a_digest(owner: ApiUser, session: Session) -> None:
    created = _create(owner)
    key = created["key"]
    assert key.startswith(f"kk_{created['prefix']}_") and len(created["prefix"]) == 8
    assert created["scope"] == "read" and created["household_id"] == owner.household_id
    assert created["revoked_at"] is None and created["uses"] == 0

    listed = owner.get("/api-keys").json()
    assert [k["id"] for k in listed] == [created["id"]]
    assert "key" not in listed[0] and key not in owner.get("/api-keys").text

    stored = session.scalars(select(ApiKey).where(ApiKey.id == created["id"])).one()
    assert stored.key_hash == digest(key) and stored.prefix == created["prefix"]
    assert key not in {stored.key_hash, stored.prefix, stored.name}


@pytest.mark.parametrize("header", ["bearer", "x-api-key"])
def test_a_key_authenticates_and_counts_its_uses(client: TestClient, owner: ApiUser, header: str) -> None:
    key = _create(owner)["key"]
    for _ in range(2):
        me = _with_key(client, key, "GET", "/auth/me", header=header)
        assert me.status_code == 200, me.text
    current = me.json()["current"]
    assert current == {"household_id": owner.household_id, "role": "owner", "can_write": False, "via": "api_key"}
    listed = owner.get("/api-keys").json()[0]
    assert listed["uses"] == 2 and listed["last_used_at"] is not None


def test_read_key_cannot_write(client: TestClient, owner: ApiUser) -> None:
    key = _create(owner, "read")["key"]
    assert _with_key(client, key, "GET", "/accounts").status_code == 200
    assert _with_key(client, key, "GET", f"/households/{owner.household_id}").status_code == 200
    for method, path, body in (
        ("PATCH", f"/households/{owner.household_id}", {"name": "Renamed by a script"}),
        ("POST", "/accounts", {"name": "Script account"}),
        ("POST", "/households", {"name": "Another", "base_currency": "USD"}),
        ("POST", "/api-keys", {"name": "more keys", "scope": "write"}),
    ):
        response = _with_key(client, key, method, path, json=body)
        assert response.status_code == 403, f"{method} {path}: {response.text}"
    assert owner.get(f"/households/{owner.household_id}").json()["name"] != "Renamed by a script"


def test_write_key_writes_in_its_household(client: TestClient, owner: ApiUser) -> None:
    key = _create(owner, "write")["key"]
    renamed = _with_key(client, key, "PATCH", f"/households/{owner.household_id}", json={"name": "Scripted"})
    assert renamed.status_code == 200, renamed.text
    account = _with_key(client, key, "POST", "/accounts", json={"name": "Script account"})
    assert account.status_code == 201, account.text
    # Keys never mint keys, nor end sign-ins.
    assert _with_key(client, key, "POST", "/api-keys", json={"name": "child", "scope": "write"}).status_code == 403
    assert _with_key(client, key, "POST", "/auth/logout").status_code == 403


def test_revoked_key_is_refused(client: TestClient, owner: ApiUser) -> None:
    created = _create(owner, "write")
    assert _with_key(client, created["key"], "GET", "/auth/me").status_code == 200
    assert owner.delete(f"/api-keys/{created['id']}").status_code == 204
    refused = _with_key(client, created["key"], "GET", "/auth/me")
    assert refused.status_code == 401 and refused.json()["type"] == "/problems/invalid-api-key"
    assert refused.headers["www-authenticate"] == "Bearer"
    assert owner.get("/api-keys").json()[0]["revoked_at"] is not None
    assert owner.delete(f"/api-keys/{created['id']}").status_code == 204  # revoking twice is harmless
    assert owner.delete("/api-keys/999999999").status_code == 404


def test_malformed_and_unknown_keys_are_401(client: TestClient, owner: ApiUser) -> None:
    real = _create(owner)["key"]
    for bad in ("kk_short_secret", "kk_abcdefgh_" + "x" * 43, real[:-1] + ("A" if real[-1] != "A" else "B")):
        response = _with_key(client, bad, "GET", "/auth/me", header="x-api-key")
        assert response.status_code == 401, bad
        assert response.json()["type"] == "/problems/invalid-api-key"


def test_a_key_is_bound_to_its_household(client: TestClient, owner: ApiUser) -> None:
    second = owner.post("/households", {"name": "Second", "base_currency": "EUR"}).json()
    key = _create(owner, "write")["key"]
    elsewhere = _with_key(client, key, "GET", "/auth/me", headers={"X-Household-Id": str(second["id"])})
    assert elsewhere.status_code == 404
    assert _with_key(client, key, "GET", f"/households/{second['id']}").status_code == 404
    assert [h["id"] for h in _with_key(client, key, "GET", "/households").json()] == [owner.household_id]
    assert [h["id"] for h in _with_key(client, key, "GET", "/auth/me").json()["memberships"]] == [owner.household_id]

    # Created while acting in the second household, a key belongs there.
    in_second = {**owner.headers, "X-Household-Id": str(second["id"])}
    there = client.post("/api/v1/api-keys", json={"name": "second's", "scope": "read"}, headers=in_second).json()
    assert there["household_id"] == second["id"]
    assert _with_key(client, there["key"], "GET", "/auth/me").json()["current"]["household_id"] == second["id"]
    assert there["id"] not in [k["id"] for k in owner.get("/api-keys").json()]
    assert [k["id"] for k in client.get("/api/v1/api-keys", headers=in_second).json()] == [there["id"]]


def test_members_keys_follow_their_role_and_membership(client: TestClient, owner: ApiUser) -> None:
    helper = sign_up(client)
    hh = owner.household_id
    added = owner.post(f"/households/{hh}/members", {"email": helper.email, "role": "viewer"})
    assert added.status_code == 201
    helper_user_id = added.json()["user_id"]
    in_shared = {**helper.headers, "X-Household-Id": str(hh)}
    refused = client.post("/api/v1/api-keys", json={"name": "w", "scope": "write"}, headers=in_shared)
    assert refused.status_code == 403 and refused.json()["errors"][0]["field"] == "scope"
    read_key = client.post("/api/v1/api-keys", json={"name": "r", "scope": "read"}, headers=in_shared).json()
    mine = _create(owner)

    # A non-owner sees and revokes only their own keys; the owner sees all of them.
    helper_keys = client.get("/api/v1/api-keys", headers=in_shared).json()
    assert [k["id"] for k in helper_keys] == [read_key["id"]]
    assert {k["id"] for k in owner.get("/api-keys").json()} == {read_key["id"], mine["id"]}
    assert client.delete(f"/api/v1/api-keys/{mine['id']}", headers=in_shared).status_code == 404

    assert _with_key(client, read_key["key"], "GET", "/accounts").status_code == 200
    assert owner.delete(f"/households/{hh}/members/{helper_user_id}").status_code == 204
    gone = _with_key(client, read_key["key"], "GET", "/accounts")
    assert gone.status_code == 401
