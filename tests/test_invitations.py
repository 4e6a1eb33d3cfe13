"""Who may sign up (KAKEIBO_REGISTRATION open, invite or closed) and invitations into a household, over real HTTP
and through the CLI."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session

from kakeibo.auth.models import Invitation
from kakeibo.core import clock
from tests.api_helpers import ApiUser, sign_up
from tests.cli_helpers import Cli

PASSWORD = "correct horse battery"


def _email() -> str:
    return f"{uuid.uuid4().hex[:10]}@example.com"


def _register(client: TestClient, email: str, **extra: Any) -> Any:
    return client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD, **extra})


def _sign_in(client: TestClient, email: str) -> ApiUser:
    token = client.post("/api/v1/auth/token", data={"username": email, "password": PASSWORD})
    assert token.status_code == 200, token.text
    body = token.json()
    return ApiUser(client=client, email=email, token=body["access_token"], household_id=body["household_id"])


def _invite(owner: ApiUser, email: str, role: str = "member") -> dict[str, Any]:
    created = owner.post(f"/households/{owner.household_id}/invitations", {"email": email, "role": role})
    assert created.status_code == 201, created.text
    return created.json()  # type: ignore[no-any-return]


def test_an_invitation_lets_someone_register_into_the_household(make_client: Callable[..., TestClient]) -> None:
    client = make_client(registration="invite")
    owner_email = _email()
    # The server's first owner is made by the operator (`kakeibo user create`); here, while it was open.
    assert _register(make_client(), owner_email).status_code == 202
    owner = _sign_in(client, owner_email)

    refused = _register(client, _email())
    assert refused.status_code == 403 and refused.json()["type"] == "/problems/registration-closed"
    guest = _email()
    invitation = _invite(owner, guest.upper(), role="viewer")
    assert invitation["email"] == guest and invitation["role"] == "viewer"
    assert invitation["link"] == f"/signup?invitation={invitation['token']}"
    listed = owner.get(f"/households/{owner.household_id}/invitations").json()
    assert [i["id"] for i in listed] == [invitation["id"]] and "token" not in listed[0]

    someone_else = _register(client, _email(), invitation=invitation["token"])
    assert someone_else.status_code == 422 and someone_else.json()["type"] == "/problems/invitation-not-valid"
    joined = _register(client, guest, invitation=invitation["token"])
    assert joined.status_code == 202, joined.text
    viewer = _sign_in(client, guest)
    assert viewer.household_id == owner.household_id  # no household of their own: the one they were invited to
    me = viewer.get("/auth/me").json()
    assert [(m["id"], m["role"]) for m in me["memberships"]] == [(owner.household_id, "viewer")]
    assert viewer.post("/accounts", {"name": "Mine", "opening_balance": "1"}).status_code == 403

    used = _register(client, _email(), invitation=invitation["token"])
    assert used.status_code == 422  # once only
    assert owner.get(f"/households/{owner.household_id}/invitations").json() == []


def test_closed_registration_takes_nobody(make_client: Callable[..., TestClient]) -> None:
    open_client, closed = make_client(), make_client(registration="closed")
    owner_email = _email()
    assert _register(open_client, owner_email).status_code == 202
    owner = _sign_in(open_client, owner_email)
    invitation = _invite(owner, "guest@example.com")
    for body in ({}, {"invitation": invitation["token"]}):
        refused = _register(closed, "guest@example.com", **body)
        assert refused.status_code == 403 and "closed" in refused.json()["detail"]


def test_an_existing_user_accepts_an_invitation_while_signed_in(client: TestClient) -> None:
    owner, friend, stranger = sign_up(client), sign_up(client), sign_up(client)
    invitation = _invite(owner, friend.email)
    taken = _register(client, friend.email, invitation=invitation["token"])
    assert taken.status_code == 202  # the same answer, and the invitation is left for them to accept
    not_theirs = stranger.post("/auth/invitations/accept", {"invitation": invitation["token"]})
    assert not_theirs.status_code == 422 and friend.email not in not_theirs.text
    accepted = friend.post("/auth/invitations/accept", {"invitation": invitation["token"]})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["id"] == owner.household_id and accepted.json()["role"] == "member"
    members = owner.get(f"/households/{owner.household_id}/members").json()
    assert {m["email"]: m["role"] for m in members} == {owner.email: "owner", friend.email: "member"}
    again = friend.post("/auth/invitations/accept", {"invitation": invitation["token"]})
    assert again.status_code == 422
    # A member already in the household is not invited twice.
    assert owner.post(f"/households/{owner.household_id}/invitations", {"email": friend.email}).status_code == 409


def test_only_owners_invite_and_invitations_can_be_withdrawn_or_expire(client: TestClient, session: Session) -> None:
    owner, member = sign_up(client), sign_up(client)
    owner.post(f"/households/{owner.household_id}/members", {"email": member.email, "role": "member"})
    as_member = ApiUser(client=client, email=member.email, token=member.token, household_id=owner.household_id)
    forbidden = client.post(
        f"/api/v1/households/{owner.household_id}/invitations",
        json={"email": _email()},
        headers={**as_member.headers, "X-Household-Id": str(owner.household_id)},
    )
    assert forbidden.status_code == 403

    withdrawn = _invite(owner, "late@example.com")
    assert owner.delete(f"/households/{owner.household_id}/invitations/{withdrawn['id']}").status_code == 204
    assert _register(client, "late@example.com", invitation=withdrawn["token"]).status_code == 422

    expired = _invite(owner, "slow@example.com")
    session.execute(
        update(Invitation)
        .where(Invitation.id == expired["id"])
        .values(expires_at=clock.now() - dt.timedelta(seconds=1))
    )
    session.flush()
    assert _register(client, "slow@example.com", invitation=expired["token"]).status_code == 422
    assert owner.get(f"/households/{owner.household_id}/invitations").json() == []


def test_kakeibo_user_invite(cli: Cli) -> None:
    cli("account", "add", "Checking")  # the local owner, made by the first command
    invited = cli.json("user", "invite", "sam@example.com", "--role", "viewer")
    assert (invited["email"], invited["role"], invited["household"]["name"]) == ("sam@example.com", "viewer", "Home")
    assert invited["link"] == f"/signup?invitation={invited['token']}"
    shown = cli("user", "invite", "kim@example.com")
    assert "sign-up link  /signup?invitation=" in shown.stdout
    assert shown.stderr == "acting as owner@localhost in Home\n"
