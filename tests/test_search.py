"""Text searches are about the user's text: "%" and "_" are characters to find, never LIKE wildcards, on SQLite and
PostgreSQL alike; and a category's subtree is its own children, whatever characters its name has."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api_helpers import ApiUser, sign_up

PAYEES = ["Blue Bottle", "100% Juice Bar", "snake_case Deli", "AC/DC Tickets", "Plain Grocer"]


def _spend(user: ApiUser, account: int, payee: str, category: str = "Food & Dining/Coffee") -> int:
    created = user.post(
        "/transactions",
        {
            "type": "expense",
            "account": account,
            "amount": "1.00",
            "date": "2026-11-02",
            "payee": payee,
            "category": category,
        },
    )
    assert created.status_code == 201, created.text
    tx_id: int = created.json()["id"]
    return tx_id


def _found(user: ApiUser, **params: str) -> list[str]:
    listed = user.get("/transactions", params=params)
    assert listed.status_code == 200, listed.text
    return sorted(row["payee"] for row in listed.json()["items"])


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("%", ["100% Juice Bar"]),
        ("_", ["snake_case Deli"]),
        ("0%", ["100% Juice Bar"]),
        ("e_c", ["snake_case Deli"]),
        ("/", ["AC/DC Tickets"]),  # SQLAlchemy's escape character is text too
        ("%%", []),
        ("b_ue", []),
        ("bottle", ["Blue Bottle"]),
    ],
)
def test_search_text_is_literal(client: TestClient, q: str, expected: list[str]) -> None:
    user = sign_up(client)
    account = user.post("/accounts", {"name": "Checking", "opening_balance": "100"}).json()["id"]
    for payee in PAYEES:
        _spend(user, account, payee)
    assert _found(user, q=q) == expected


def test_a_category_subtree_is_its_own_children_whatever_its_name(client: TestClient) -> None:
    """ "Kid_s" as a LIKE prefix also matched "Kids/..."; renaming it moved the other group's children too."""
    user = sign_up(client)
    account = user.post("/accounts", {"name": "Checking", "opening_balance": "100"}).json()["id"]
    for group, child in (("Kid_s", "Toys"), ("Kids", "Books"), ("100%", "Gifts"), ("100x", "Games")):
        assert user.post("/categories", {"name": group}).status_code == 201
        assert user.post("/categories", {"name": child, "parent": group}).status_code == 201
    _spend(user, account, "toy shop", "Kid_s/Toys")
    _spend(user, account, "book shop", "Kids/Books")
    _spend(user, account, "gift shop", "100%/Gifts")
    _spend(user, account, "game shop", "100x/Games")
    assert _found(user, category="Kid_s") == ["toy shop"]
    assert _found(user, category="100%") == ["gift shop"]

    kid_s = next(c for c in user.get("/categories").json() if c["path"] == "Kid_s")
    renamed = user.patch(f"/categories/{kid_s['id']}", {"name": "Children"})
    assert renamed.status_code == 200, renamed.text
    paths = {c["path"] for c in user.get("/categories").json()}
    assert {"Children/Toys", "Kids/Books"} <= paths
    assert "Children/Books" not in paths
