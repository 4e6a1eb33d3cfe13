"""Walks every endpoint of the API with a second household's credentials: nothing of the first one leaks.

The walk is driven by the app's own route table, so a new endpoint is covered (or fails this test until it is
given an id to try) without anyone remembering to add it here."""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.api_helpers import ApiUser, sign_up

MARKER = "Zanzibar-Secret-Payee"
INVITED = "alices-friend@example.com"
# Routes anyone may call without credentials.
PUBLIC = {("POST", "/api/v1/auth/register"), ("POST", "/api/v1/auth/token"), ("POST", "/api/v1/auth/refresh")}
# Bodies for writes, so that a handler is reached (and must answer 404) instead of a 422 for a missing field.
BODIES: dict[tuple[str, str], Any] = {
    ("PATCH", "/api/v1/accounts/{account_id}"): {"name": "Hijacked"},
    ("PATCH", "/api/v1/transactions/{transaction_id}"): {"payee": "Hijacked", "amount": "1.00"},
    ("PATCH", "/api/v1/categories/{category_id}"): {"name": "Hijacked"},
    ("PATCH", "/api/v1/households/{household_id}"): {"name": "Hijacked"},
    ("POST", "/api/v1/households/{household_id}/members"): {"email": "x@example.com", "role": "member"},
    ("POST", "/api/v1/households/{household_id}/invitations"): {"email": "x@example.com", "role": "member"},
    ("POST", "/api/v1/auth/invitations/accept"): {"invitation": "__INVITATION__"},
    ("POST", "/api/v1/undo"): {"group_id": "__GROUP__"},
    ("PATCH", "/api/v1/rules/{rule_id}"): {"status": "active"},
    ("POST", "/api/v1/review/accept"): {"transaction_ids": "__TX__"},
    ("POST", "/api/v1/review/correct"): {"transaction_ids": "__TX__", "category": "Food & Dining/Coffee"},
    ("POST", "/api/v1/assistant/conversations/{conversation_id}/messages"): {"text": "yes"},
    ("PUT", "/api/v1/budgets/{month}/categories/{category_id}"): {"amount": "1.00"},
    ("POST", "/api/v1/budgets/{month}/categories/{category_id}/average"): {"months": 3},
    ("POST", "/api/v1/goals/{goal_id}/contributions"): {"amount": "1.00"},
    ("PATCH", "/api/v1/recurring/series/{series_id}"): {"name": "Hijacked"},
}
# Path parameters that name no row (a month): Bob reading his own budget for that month is no leak.
NOT_IDS = {"month"}


def _alice_world(alice: ApiUser) -> dict[str, Any]:
    account = alice.post("/accounts", {"name": "Alice Private Checking", "opening_balance": "1234.56"}).json()
    category = alice.post("/categories", {"name": "Alice Hobby", "parent": "Entertainment"}).json()
    tx = alice.post(
        "/transactions",
        {
            "type": "expense",
            "account": account["id"],
            "amount": "77.77",
            "date": "2026-03-01",
            "payee": MARKER,
            "category": category["id"],
        },
    ).json()
    budgeted = alice.client.put(
        f"/api/v1/budgets/2026-03/categories/{category['id']}", json={"amount": "88.88"}, headers=alice.headers
    )
    assert budgeted.status_code == 200, budgeted.text
    goal = alice.post("/goals", {"name": "Alice Secret Goal", "target": "4321.09", "accounts": [account["id"]]})
    assert goal.status_code == 201, goal.text
    # A second month of the same payment: a recurring series of Alice's (its id is a digest of her account's).
    again = {"type": "expense", "account": account["id"], "amount": "77.77", "date": "2026-04-01", "payee": MARKER}
    assert alice.post("/transactions", {**again, "category": category["id"]}).status_code == 201
    [series] = [s for s in alice.get("/recurring?all=true").json() if s["payee"] == MARKER]
    # A double charge on another account of hers: an anomaly of Alice's (its id a digest of her transaction's).
    wallet = alice.post("/accounts", {"name": "Alice Wallet", "opening_balance": "100"}).json()
    for day in ("2026-11-20", "2026-11-21"):
        twice = {"type": "expense", "account": wallet["id"], "amount": "19.99", "date": day, "payee": MARKER}
        assert alice.post("/transactions", {**twice, "category": category["id"]}).status_code == 201
    [anomaly] = [a for a in alice.get("/insights/anomalies").json() if a["kind"] == "duplicate"]
    key = alice.post("/api-keys", {"name": "alice script", "scope": "read"}).json()
    rule = alice.post(
        "/rules",
        {
            "name": "Alice rule",
            "conditions": [{"field": "payee", "op": "contains", "value": MARKER}],
            "actions": {"category": category["id"]},
        },
    ).json()
    statement = f"Date,Description,Amount\n2026-03-02,{MARKER} IMPORTED,-12.34\n".encode()
    started = alice.post(
        "/imports", files={"file": ("alice.csv", statement, "text/csv")}, data={"account_id": str(account["id"])}
    ).json()
    events = alice.get("/events").json()
    invited = alice.post(f"/households/{alice.household_id}/invitations", {"email": INVITED}).json()
    me = alice.get("/auth/me").json()
    # A conversation with a pending proposal: Bob must neither read it nor confirm it.
    conversation = alice.post("/assistant/conversations", {}).json()
    said = alice.post(
        f"/assistant/conversations/{conversation['id']}/messages", {"text": f"spent 55.55 at {MARKER}"}
    ).json()
    return {
        "account_id": account["id"],
        "category_id": category["id"],
        "transaction_id": tx["id"],
        "household_id": alice.household_id,
        "key_id": key["id"],
        "api_key_id": key["id"],
        "user_id": me["id"] if "id" in me else me["user"]["id"],
        "group_id": events[0]["group_id"],
        "rule_id": rule["id"],
        "job_id": started["job"]["id"],
        "import_id": alice.get("/imports").json()[0]["id"],
        "conversation_id": conversation["id"],
        "proposal_id": said["proposal"]["id"],
        "invitation_id": invited["id"],
        "invitation": invited["token"],
        "month": "2026-03",
        "goal_id": goal.json()["id"],
        "series_id": series["id"],
        "anomaly_id": anomaly["id"],
        "secrets": [
            *(MARKER, "Alice Private Checking", "Alice Hobby", "1234.56", "77.77", "88.88", alice.email, key["key"]),
            *("Alice Secret Goal", "4321.09"),
            *(INVITED, invited["token"]),
        ],
    }


def _routes(app: FastAPI) -> list[tuple[str, str]]:
    # The OpenAPI document lists every operation, including those of nested routers.
    result = [
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        if path.startswith("/api/v1")
        for method in operations
        if method in ("get", "post", "put", "patch", "delete")
    ]
    # Logging out ends Bob's session, so it goes last.
    return sorted(result, key=lambda r: r[1].endswith("/logout"))


def test_second_household_sees_and_changes_nothing(client: TestClient, app: FastAPI) -> None:
    alice, bob = sign_up(client), sign_up(client)
    world = _alice_world(alice)
    before = {
        "tx": alice.get(f"/transactions/{world['transaction_id']}").json(),
        "accounts": alice.get("/accounts").json(),
        "categories": alice.get("/categories").json(),
        "household": alice.get(f"/households/{alice.household_id}").json(),
    }
    walked = 0
    for method, template in _routes(app):
        if (method, template) in PUBLIC:
            continue
        params = re.findall(r"{(\w+)}", template)
        missing = [p for p in params if p not in world]
        assert not missing, f"{method} {template}: give this test an id of Alice's for {missing}"
        path = template
        for name in params:
            path = path.replace("{" + name + "}", str(world[name]))
        body = BODIES.get((method, template))
        if isinstance(body, dict) and body.get("group_id") == "__GROUP__":
            body = {"group_id": world["group_id"]}
        if isinstance(body, dict) and body.get("invitation") == "__INVITATION__":
            body = {"invitation": world["invitation"]}  # Alice's own invitation, for someone who is not Bob
        if isinstance(body, dict) and body.get("transaction_ids") == "__TX__":
            body = {**body, "transaction_ids": [world["transaction_id"]]}
        kwargs: dict[str, Any] = {"headers": bob.headers}
        if method in ("POST", "PATCH", "PUT"):
            kwargs["json"] = body if body is not None else {}
        response = client.request(method, path, **kwargs)
        walked += 1
        assert response.status_code < 500, f"{method} {path}: {response.status_code} {response.text}"
        if set(params) - NOT_IDS:
            # Someone else's id answers 404, never 403 (which would confirm it exists).
            assert response.status_code in (404, 422), f"{method} {path} answered {response.status_code}"
            if response.status_code == 422:
                assert (method, template) not in BODIES, f"{method} {path}: {response.text}"
        elif (method, template) in BODIES and "transaction_ids" in (body or {}):
            assert response.status_code == 404, f"{method} {path} answered {response.status_code}"
        text = response.text
        for secret in world["secrets"]:
            assert secret not in text, f"{method} {path} leaked {secret!r}"
    assert walked >= 25
    after = {
        "tx": alice.get(f"/transactions/{world['transaction_id']}").json(),
        "accounts": alice.get("/accounts").json(),
        "categories": alice.get("/categories").json(),
        "household": alice.get(f"/households/{alice.household_id}").json(),
    }
    assert after == before
    assert alice.get("/budgets/2026-03").json()["categories"][0]["budgeted"] == "88.88"
    [series] = [s for s in alice.get("/recurring?all=true").json() if s["id"] == world["series_id"]]
    assert (series["payee"], series["status"] != "dismissed") == (MARKER, True)
    assert alice.get("/events").json()[0]["group_id"] == world["group_id"]
    [goal] = alice.get("/goals").json()
    assert (goal["name"], goal["target"], goal["saved"]) == (
        "Alice Secret Goal",
        "4321.09",
        "1066.68",
    )  # her balance (after both of her payments)
    assert alice.get(f"/assistant/proposals/{world['proposal_id']}").json()["status"] == "pending"
    assert world["anomaly_id"] in {a["id"] for a in alice.get("/insights/anomalies").json()}  # not dismissed
