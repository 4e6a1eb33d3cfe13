"""Households and their members over real HTTP: roles, switching households, and 404 for strangers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api_helpers import ApiUser, sign_up

PASSWORD = "correct horse battery"


@pytest.fixture
def owner(client: TestClient) -> ApiUser:
    return sign_up(client)


@pytest.fixture
def other(client: TestClient) -> ApiUser:
    return sign_up(client)


def _add(owner: ApiUser, household_id: int, who: ApiUser, role: str) -> dict[str, Any]:
    response = owner.post(f"/households/{household_id}/members", {"email": who.email, "role": role})
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def _user_id(user: ApiUser) -> int:
    return user.get("/auth/me").json()["user"]["id"]  # type: ignore[no-any-return]


@dataclass
class ActingIn(ApiUser):
    """The same user, sending `X-Household-Id` to act in another of their households."""

    acting_in: int = 0

    @property
    def headers(self) -> dict[str, str]:
        return {**super().headers, "X-Household-Id": str(self.acting_in)}


def _in(user: ApiUser, household_id: int) -> ActingIn:
    return ActingIn(
        client=user.client, email=user.email, token=user.token, household_id=user.household_id, acting_in=household_id
    )


def test_list_create_get_and_update(owner: ApiUser) -> None:
    assert [h["id"] for h in owner.get("/households").json()] == [owner.household_id]
    created = owner.post("/households", {"name": "Summer house", "base_currency": "JPY"})
    assert created.status_code == 201, created.text
    house = created.json()
    assert house["role"] == "owner" and house["base_currency"] == "JPY"
    assert [h["id"] for h in owner.get("/households").json()] == [owner.household_id, house["id"]]
    assert owner.get(f"/households/{house['id']}").json() == house

    renamed = owner.patch(f"/households/{house['id']}", {"name": "Beach house", "base_currency": "eur"})
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "Beach house" and renamed.json()["base_currency"] == "EUR"
    bad = owner.patch(f"/households/{house['id']}", {"base_currency": "ABC"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "base_currency"
    # A new household comes with the default categories, like a registered one.
    categories = _in(owner, house["id"]).get("/categories")
    assert categories.status_code == 200 and len(categories.json()) > 10


def test_someone_elses_household_is_404_never_403(owner: ApiUser, other: ApiUser) -> None:
    hh = owner.household_id
    for response in (
        other.get(f"/households/{hh}"),
        other.patch(f"/households/{hh}", {"name": "Mine now"}),
        other.get(f"/households/{hh}/members"),
        other.post(f"/households/{hh}/members", {"email": other.email, "role": "owner"}),
        other.delete(f"/households/{hh}/members/{_user_id(owner)}"),
        _in(other, hh).get("/auth/me"),
        other.get("/households/999999999"),
    ):
        assert response.status_code == 404, response.text
        assert response.json()["type"] == "/problems/household-not-found"
    assert owner.get(f"/households/{hh}").json()["name"] != "Mine now"


def test_x_household_id_switches_households(owner: ApiUser) -> None:
    second = owner.post("/households", {"name": "Second", "base_currency": "EUR"}).json()
    here = owner.get("/auth/me").json()["current"]
    there = _in(owner, second["id"]).get("/auth/me").json()["current"]
    assert here["household_id"] == owner.household_id
    assert there == {"household_id": second["id"], "role": "owner", "can_write": True, "via": "token"}
    not_a_number = owner.client.get("/api/v1/auth/me", headers={**owner.headers, "X-Household-Id": "abc"})
    assert not_a_number.status_code == 422


def test_token_can_pick_the_household_at_login(client: TestClient, owner: ApiUser, other: ApiUser) -> None:
    second = owner.post("/households", {"name": "Second", "base_currency": "USD"}).json()
    picked = client.post(
        "/api/v1/auth/token", data={"username": owner.email, "password": PASSWORD, "household_id": second["id"]}
    )
    assert picked.status_code == 200, picked.text
    assert picked.json()["household_id"] == second["id"]
    me = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {picked.json()['access_token']}"})
    assert me.json()["current"]["household_id"] == second["id"]
    refused = client.post(
        "/api/v1/auth/token",
        data={"username": owner.email, "password": PASSWORD, "household_id": other.household_id},
    )
    assert refused.status_code == 404


def test_owner_adds_members_who_then_see_the_household(owner: ApiUser, other: ApiUser) -> None:
    hh = owner.household_id
    added = _add(owner, hh, other, "member")
    assert added["email"] == other.email and added["role"] == "member"
    members = owner.get(f"/households/{hh}/members").json()
    assert sorted((m["email"], m["role"]) for m in members) == sorted([(owner.email, "owner"), (other.email, "member")])
    assert {h["id"]: h["role"] for h in other.get("/households").json()}[hh] == "member"
    assert other.get(f"/households/{hh}").status_code == 200
    # A member writes to the ledger but does not manage the household.
    account = _in(other, hh).post("/accounts", {"name": "Shared card", "kind": "liability", "subtype": "credit_card"})
    assert account.status_code == 201, account.text
    assert other.patch(f"/households/{hh}", {"name": "Taken over"}).status_code == 403


def test_adding_unknown_users_or_members_twice_is_refused(owner: ApiUser, other: ApiUser) -> None:
    hh = owner.household_id
    unknown = owner.post(f"/households/{hh}/members", {"email": "nobody-here@example.com", "role": "member"})
    assert unknown.status_code == 404 and unknown.json()["type"] == "/problems/user-not-found"
    _add(owner, hh, other, "viewer")
    again = owner.post(f"/households/{hh}/members", {"email": other.email, "role": "member"})
    assert again.status_code == 409 and again.json()["type"] == "/problems/already-member"
    bad_role = owner.post(f"/households/{hh}/members", {"email": other.email, "role": "admin"})
    assert bad_role.status_code == 422


def test_viewer_reads_but_cannot_write(owner: ApiUser, other: ApiUser) -> None:
    hh = owner.household_id
    _add(owner, hh, other, "viewer")
    viewer = _in(other, hh)
    current = viewer.get("/auth/me").json()["current"]
    assert current == {"household_id": hh, "role": "viewer", "can_write": False, "via": "token"}
    assert viewer.get("/accounts").status_code == 200
    for response in (
        viewer.post("/accounts", {"name": "Sneaky"}),
        other.patch(f"/households/{hh}", {"name": "Viewer's"}),
        other.post(f"/households/{hh}/members", {"email": other.email, "role": "owner"}),
        other.patch(f"/households/{hh}/members/{_user_id(other)}", {"role": "owner"}),
    ):
        assert response.status_code == 403, response.text
        assert response.json()["type"] == "/problems/forbidden"
    # Their own household is still theirs to write in.
    assert other.post("/accounts", {"name": "My own"}).status_code == 201


def test_a_household_always_keeps_an_owner(owner: ApiUser, other: ApiUser) -> None:
    hh, owner_id, other_id = owner.household_id, _user_id(owner), _user_id(other)
    leave = owner.delete(f"/households/{hh}/members/{owner_id}")
    assert leave.status_code == 409 and leave.json()["type"] == "/problems/last-owner"
    step_down = owner.patch(f"/households/{hh}/members/{owner_id}", {"role": "member"})
    assert step_down.status_code == 409

    _add(owner, hh, other, "member")
    promoted = owner.patch(f"/households/{hh}/members/{other_id}", {"role": "owner"})
    assert promoted.status_code == 200 and promoted.json()["role"] == "owner"
    assert owner.delete(f"/households/{hh}/members/{owner_id}").status_code == 204
    # Their sign-in was made in that household, so leaving it ended the sign-in.
    assert owner.get(f"/households/{hh}").status_code == 401
    assert [(m["user_id"], m["role"]) for m in other.get(f"/households/{hh}/members").json()] == [(other_id, "owner")]
    last = other.delete(f"/households/{hh}/members/{other_id}")
    assert last.status_code == 409


def test_removed_member_loses_access_at_once(client: TestClient, owner: ApiUser, other: ApiUser) -> None:
    hh = owner.household_id
    _add(owner, hh, other, "member")
    # A sign-in made inside the shared household.
    signed_in = client.post(
        "/api/v1/auth/token", data={"username": other.email, "password": PASSWORD, "household_id": hh}
    ).json()
    assert owner.delete(f"/households/{hh}/members/{_user_id(other)}").status_code == 204
    assert _in(other, hh).get("/auth/me").status_code == 404
    assert other.get(f"/households/{hh}").status_code == 404
    stale = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {signed_in['access_token']}"})
    assert stale.status_code == 401
    assert client.post("/api/v1/auth/refresh", json={"refresh_token": signed_in["refresh_token"]}).status_code == 401
    # Their own household is unaffected.
    assert other.get("/auth/me").status_code == 200


def test_a_member_may_leave(owner: ApiUser, other: ApiUser) -> None:
    hh = owner.household_id
    _add(owner, hh, other, "viewer")
    assert other.delete(f"/households/{hh}/members/{_user_id(other)}").status_code == 204
    assert [m["email"] for m in owner.get(f"/households/{hh}/members").json()] == [owner.email]
    missing = owner.delete(f"/households/{hh}/members/{_user_id(other)}")
    assert missing.status_code == 404 and missing.json()["type"] == "/problems/member-not-found"
