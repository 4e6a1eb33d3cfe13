"""Figures from their spec, over real HTTP: what the assistant answers, the transactions its spec lists and the
month report agree to the cent — a category last month, a payee this year, income, a refund and a split."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from kakeibo.assistant.models import Message
from tests.api_helpers import ApiUser, sign_up

TODAY = "2026-11-23"
SPEC_PARAMS = ("measure", "start", "end", "currency", "category", "account", "payee")


def _books(user: ApiUser) -> dict[str, int]:
    checking = user.post(
        "/accounts",
        {"name": "Checking", "subtype": "checking", "opening_balance": "5000", "opening_date": "2026-01-01"},
    ).json()
    visa = user.post("/accounts", {"name": "Visa", "subtype": "credit_card"}).json()
    rows = [
        ("expense", checking, "Food & Dining/Groceries", "82.10", "2026-10-04", "Safeway"),
        ("expense", visa, "Food & Dining/Groceries", "40.00", "2026-10-19", "Whole Foods"),
        ("expense", checking, "Food & Dining/Groceries", "61.25", "2026-09-12", "Safeway"),
        ("expense", visa, "Food & Dining/Groceries", "17.45", "2026-11-02", "Safeway Fuel"),
        ("expense", checking, "Food & Dining/Coffee", "4.50", "2026-10-20", "Blue Bottle"),
        ("expense", visa, "Shopping/Online Shopping", "120.00", "2026-10-08", "Amazon"),
        ("expense", visa, "Shopping/Clothing", "35.99", "2026-10-09", "Uniqlo"),
        # A return: money back on a spending category lowers the spending, it is not income.
        ("income", visa, "Shopping/Online Shopping", "45.50", "2026-10-21", "Amazon"),
        ("income", checking, "Income/Salary", "3000", "2026-10-15", "Acme Corp"),
        ("income", checking, "Income/Interest", "1.07", "2026-10-31", "Bank"),
        ("transfer", checking, None, "500", "2026-10-16", "To the card"),
    ]
    for kind, account, category, amount, day, payee in rows:
        body: dict[str, Any] = {"type": kind, "account": account["id"], "amount": amount, "date": day, "payee": payee}
        if kind == "transfer":
            body["to_account"] = visa["id"]
        else:
            body["category"] = category
        created = user.post("/transactions", body)
        assert created.status_code == 201, created.text
    # One shop split over two food categories: one transaction, two postings that the food figure counts.
    split = user.post(
        "/transactions",
        {
            "date": "2026-10-25",
            "payee": "Safeway",
            "postings": [
                {"account": checking["id"], "amount": "-30.00"},
                {"account": "Food & Dining/Groceries", "amount": "22.75"},
                {"account": "Food & Dining/Coffee", "amount": "7.25"},
            ],
        },
    )
    assert split.status_code == 201, split.text
    return {"checking": checking["id"], "visa": visa["id"]}


def _ask(user: ApiUser, text: str) -> dict[str, Any]:
    conversation = user.post("/assistant/conversations", {"title": "figures"}).json()
    said = user.post(f"/assistant/conversations/{conversation['id']}/messages", {"text": text, "today": TODAY})
    assert said.status_code == 200, said.text
    return dict(said.json())


def _listed(user: ApiUser, query: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every transaction the answer's spec lists, paged two at a time, and the figure the first page carries."""
    params: dict[str, Any] = {k: query[k] for k in SPEC_PARAMS if query.get(k) is not None}
    params["limit"] = 2
    items: list[dict[str, Any]] = []
    figure: dict[str, Any] | None = None
    cursor = None
    while True:
        page = user.get("/transactions", params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        if cursor is None:
            figure = body["figure"]
        else:
            assert body["figure"] is None
        items.extend(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert figure is not None
    return items, figure


def _check_evidence(user: ApiUser, answer: dict[str, Any]) -> list[dict[str, Any]]:
    """The listing behind the answer holds exactly `count` transactions, newest first, summing to the figure."""
    items, figure = _listed(user, answer["query"])
    assert len(items) == answer["evidence"]["count"] == figure["count"]
    assert len({t["id"] for t in items}) == len(items)
    assert sum(Decimal(t["counted"]) for t in items) == Decimal(answer["value"]) == Decimal(figure["total"])
    # The rows the answer shows are the listing's first rows.
    shown = [t["id"] for t in answer["evidence"]["transactions"]]
    assert shown == [t["id"] for t in items][: len(shown)]
    assert [(t["date"], t["id"]) for t in items] == sorted(((t["date"], t["id"]) for t in items), reverse=True)
    return items


def _report(user: ApiUser, **params: str) -> dict[str, Any]:
    response = user.get("/reports/summary", params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


def _group(report: dict[str, Any], key: str) -> dict[str, Any]:
    return next(g for g in report["groups"] if g["key"] == key)


def test_a_category_last_month_is_its_evidence_and_its_report_line(client: TestClient) -> None:
    user = sign_up(client)
    _books(user)
    groceries = _ask(user, "how much did I spend on groceries last month?")
    # 82.10 + 40.00 + the split's 22.75; September's and November's trips are other months.
    assert (groceries["value"], groceries["evidence"]["count"]) == ("144.85", 3)
    query = groceries["query"]
    assert (query["measure"], query["start"], query["end"]) == ("spending", "2026-10-01", "2026-10-31")
    listed = _check_evidence(user, groceries)
    assert {t["payee"] for t in listed} == {"Safeway", "Whole Foods"}
    report = _report(user, start="2026-10-01", end="2026-10-31", group_by="category")
    assert _group(report, "Food & Dining/Groceries")["expenses"] == groceries["value"]
    # The group: both food categories, the split counted once with both of its food legs.
    food = _ask(user, "how much did I spend on food last month?")
    assert (food["value"], food["evidence"]["count"]) == ("156.60", 4)
    split = next(t for t in _check_evidence(user, food) if t["date"] == "2026-10-25")
    assert (split["counted"], split["amount"]) == ("30.00", "-30.00")
    # The answer's own rows say where each went: the split under both of its food categories.
    shown = {t["id"]: t["category"] for t in food["evidence"]["transactions"]}
    assert shown[split["id"]] == "Food & Dining/Coffee, Food & Dining/Groceries"
    # Asked about groceries only, the same split shows its grocery leg, the one that figure counts.
    assert {t["category"] for t in groceries["evidence"]["transactions"]} == {"Food & Dining/Groceries"}
    by_group = _report(user, start="2026-10-01", end="2026-10-31", group_by="group")
    assert _group(by_group, "Food & Dining")["expenses"] == food["value"]


def test_a_payee_this_year_is_its_evidence_and_its_report_line(client: TestClient) -> None:
    user = sign_up(client)
    _books(user)
    safeway = _ask(user, "how much did I spend at safeway this year")
    # 82.10 + 61.25 + 30.00 (the split) + 17.45 ("Safeway Fuel" has the name in it).
    assert (safeway["value"], safeway["evidence"]["count"]) == ("190.80", 4)
    assert (safeway["query"]["payee"], safeway["query"]["start"]) == ("Safeway", "2026-01-01")
    listed = _check_evidence(user, safeway)
    assert all("Safeway" in t["payee"] for t in listed)
    report = _report(user, start=safeway["query"]["start"], end=safeway["query"]["end"], group_by="payee")
    payees = {g["key"]: Decimal(g["expenses"]) for g in report["groups"]}
    assert payees["Safeway"] + payees["Safeway Fuel"] == Decimal(safeway["value"])


def test_income_is_its_evidence_and_the_reports_income(client: TestClient) -> None:
    user = sign_up(client)
    _books(user)
    earned = _ask(user, "how much did I earn in october?")
    assert (earned["value"], earned["evidence"]["count"], earned["query"]["measure"]) == ("3001.07", 2, "income")
    listed = _check_evidence(user, earned)
    assert {t["payee"] for t in listed} == {"Acme Corp", "Bank"}  # the refund and the transfer are not income
    assert _report(user, start="2026-10-01", end="2026-10-31")["income"] == earned["value"]


def test_a_refund_lowers_the_figure_its_rows_and_the_report_alike(client: TestClient) -> None:
    user = sign_up(client)
    _books(user)
    shopping = _ask(user, "how much did I spend on shopping last month?")
    # 120.00 + 35.99 - 45.50 returned.
    assert (shopping["value"], shopping["evidence"]["count"]) == ("110.49", 3)
    listed = _check_evidence(user, shopping)
    assert sorted(t["counted"] for t in listed) == ["-45.50", "120.00", "35.99"]
    report = _report(user, start="2026-10-01", end="2026-10-31", group_by="group")
    assert _group(report, "Shopping")["expenses"] == shopping["value"]
    online = _report(user, start="2026-10-01", end="2026-10-31", category="Shopping/Online Shopping")
    online_answer = _ask(user, "how much did I spend on online shopping last month?")
    assert online["expenses"] == online_answer["value"] == "74.50"
    _check_evidence(user, online_answer)
    # All spending in October, refund and split included; the transfer to the card is not spending.
    month = _ask(user, "how much did I spend last month?")
    assert month["value"] == _report(user, start="2026-10-01", end="2026-10-31")["expenses"] == "267.09"
    _check_evidence(user, month)


def test_a_net_figure_lists_income_and_spending_signed(client: TestClient) -> None:
    user = sign_up(client)
    _books(user)
    net = _ask(user, "what was my net last month?")
    report = _report(user, start="2026-10-01", end="2026-10-31")
    assert (net["query"]["measure"], net["value"]) == ("net", report["net"])
    listed = _check_evidence(user, net)
    assert sum(1 for t in listed if Decimal(t["counted"]) > 0) == 3  # two incomes and the refund


def test_a_figures_listing_takes_only_its_specs_fields(client: TestClient) -> None:
    user = sign_up(client)
    _books(user)
    assert user.get("/transactions", params={"measure": "spending", "q": "safeway"}).status_code == 422
    assert user.get("/transactions", params={"payee": "safeway"}).status_code == 422
    cursor = "not-a-cursor"
    assert user.get("/transactions", params={"measure": "spending", "cursor": cursor}).status_code == 422
    other = sign_up(client)
    accounts = _books(other)
    # Another household's account answers 404, as everywhere.
    mine = user.get("/transactions", params={"measure": "spending", "account": accounts["visa"]})
    assert mine.status_code == 404


def test_an_answer_stored_before_specs_had_a_measure_still_opens_its_rows(
    client: TestClient, bind_sessions: sessionmaker[Session]
) -> None:
    user = sign_up(client)
    _books(user)
    conversation = user.post("/assistant/conversations", {"title": "old"}).json()
    said = user.post(
        f"/assistant/conversations/{conversation['id']}/messages",
        {"text": "how much did I spend on groceries last month?", "today": TODAY},
    ).json()
    with bind_sessions() as session:
        stored = session.get(Message, said["id"])
        assert stored is not None and stored.payload is not None
        old = {k: v for k, v in stored.payload["query"].items() if k not in ("measure", "account", "payee")}
        session.execute(
            update(Message).where(Message.id == said["id"]).values(payload={**stored.payload, "query": old})
        )
        session.commit()
    [_, shown] = user.get(f"/assistant/conversations/{conversation['id']}").json()["messages"]
    assert shown["query"]["measure"] == "spending"
    _check_evidence(user, shown)
