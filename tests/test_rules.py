"""Rules meet hostile patterns: regexes run on a linear-time engine, what it cannot run is refused when the rule is
saved, and a saved rule that no longer compiles is passed over (with its reason) instead of failing imports."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from kakeibo.categorize.models import Rule
from tests.api_helpers import ApiUser, poll_job, sign_up


def _rule(pattern: str, *, category: str = "Food & Dining/Coffee", field: str = "payee") -> dict[str, Any]:
    return {
        "name": f"regex {pattern[:40]}",
        "conditions": [{"field": field, "op": "regex", "value": pattern}],
        "actions": {"category": category},
    }


def _import(user: ApiUser, account_id: int, lines: list[str]) -> dict[str, Any]:
    statement = ("Date,Description,Amount\n" + "".join(f"{line}\n" for line in lines)).encode()
    started = user.post(
        "/imports", files={"file": ("statement.csv", statement, "text/csv")}, data={"account_id": str(account_id)}
    )
    assert started.status_code == 202, started.text
    job, _ = poll_job(user, started.json()["job"]["id"], timeout=60)
    assert job["status"] == "succeeded", job
    result: dict[str, Any] = job["result"]
    return result


def _checking(user: ApiUser) -> int:
    account: int = user.post("/accounts", {"name": "Checking", "opening_balance": "100"}).json()["id"]
    return account


def test_a_catastrophic_pattern_runs_in_linear_time(client: TestClient) -> None:
    """`(a+)+$` backtracks exponentially in Python's engine: a 60-character payee would take centuries there."""
    user = sign_up(client)
    created = user.post("/rules", _rule("(a+)+$"))
    assert created.status_code == 201, created.text
    user.post("/rules", _rule("^café", category="Food & Dining/Restaurants"))
    result = _import(
        user,
        _checking(user),
        [f"2026-10-01,{'a' * 60}!,-1.00", "2026-10-02,AAAA,-2.00", "2026-10-03,CAFÉ DU MONDE,-3.00"],
    )
    by_payee = {row["payee"].casefold(): row for row in result["rows"]}
    assert by_payee["aaaa"]["source"] == "rule"  # matched, case-insensitively
    assert by_payee[f"{'a' * 60}!"]["source"] != "rule"
    assert by_payee["café du monde"]["category"] == "Food & Dining/Restaurants"  # Unicode case folding


@pytest.mark.parametrize(
    ("pattern", "says"),
    [
        ("star(?=bucks)", "lookahead and lookbehind"),
        ("(?<!not )starbucks", "lookahead and lookbehind"),
        (r"(a)\1", "backreferences"),
        ("(?P<shop>a)(?P=shop)", "backreferences"),
        ("(?>star)bucks", "atomic groups"),
        ("a++", "possessive repeats"),
        (r"bucks\Z", r"write \z (or $)"),
        (r"[\pL]{1000}", "too large"),
        ("(unclosed", "not a regular expression rules can use: missing )"),
        ("x" * 301, "1 to 300 characters"),
    ],
)
def test_a_pattern_the_engine_cannot_run_is_refused_when_saved(client: TestClient, pattern: str, says: str) -> None:
    user = sign_up(client)
    refused = user.post("/rules", _rule(pattern))
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    [error] = refused.json()["errors"]
    assert error["field"] == "conditions.0.value"
    assert says in error["message"]
    # Changing a good rule into such a one is refused the same way, and the rule stays as it was.
    rule = user.post("/rules", _rule("starbucks")).json()
    changed = user.patch(f"/rules/{rule['id']}", {"conditions": _rule(pattern)["conditions"]})
    assert changed.status_code == 422, changed.text
    assert user.get("/rules").json()[0]["conditions"][0]["value"] == "starbucks"


def test_a_saved_rule_that_no_longer_compiles_is_skipped_with_its_reason(client: TestClient, session: Session) -> None:
    """A rule written when rules ran on Python's `re` may use lookahead: imports go on without it and say so."""
    user = sign_up(client)
    checking = _checking(user)
    user.post("/rules", _rule("blue bottle"))
    session.add(
        Rule(
            household_id=user.household_id,
            name="Old lookahead",
            conditions=[{"field": "payee", "op": "regex", "value": "netflix(?!.*refund)"}],
            actions={"category_id": None, "payee": "Netflix", "tags": []},
            priority=1,
            status="active",
            hits=0,
            deleted=False,
        )
    )
    session.commit()

    result = _import(user, checking, ["2026-10-01,NETFLIX.COM,-15.49", "2026-10-02,BLUE BOTTLE,-4.75"])
    assert result["imported"] == 2
    [skipped] = result["rules_skipped"]
    assert skipped["name"] == "Old lookahead"
    assert skipped["reason"].startswith("conditions.0.value: lookahead and lookbehind")
    by_payee = {row["payee"]: row for row in result["rows"]}
    assert by_payee["Blue Bottle"]["source"] == "rule"  # the other rules still run

    statement = b"Date,Description,Amount\n2026-10-03,NETFLIX.COM,-15.49\n"
    preview = user.post("/imports/preview", files={"file": ("s.csv", statement, "text/csv")})
    assert preview.status_code == 200, preview.text
    assert [r["name"] for r in preview.json()["rules_skipped"]] == ["Old lookahead"]
    rules = {r["name"]: r for r in user.get("/rules").json()}
    assert "lookahead" in rules["Old lookahead"]["problem"]
    assert rules["regex blue bottle"]["problem"] is None
    applied = user.post("/rules/apply", {})
    assert applied.status_code == 200, applied.text
