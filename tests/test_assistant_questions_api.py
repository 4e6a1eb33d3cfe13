"""Round-two questions over real HTTP on SQLite and PostgreSQL: rankings, comparisons, counts, last/first,
averages over complete months, income against spending, what recurs and balances by kind of account, each
answered from ledger queries whose rows and figures agree with the register."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api_helpers import ApiUser, sign_up
from tests.test_assistant_api import Chat, _books


def _more_books(user: ApiUser) -> dict[str, int]:
    """The assistant tests' books, plus a monthly Netflix, a grocery run in the month under way, cash and savings."""
    ids = _books(user)
    for name, subtype, opening in (("Cash", "cash", "150"), ("Savings", "savings", "5000")):
        created = user.post(
            "/accounts", {"name": name, "subtype": subtype, "opening_balance": opening, "opening_date": "2026-01-01"}
        )
        assert created.status_code == 201, created.text
    rows = [
        ("Entertainment/Streaming Services", "15.49", "2026-08-05", "Netflix"),
        ("Entertainment/Streaming Services", "15.49", "2026-09-05", "Netflix"),
        ("Entertainment/Streaming Services", "15.49", "2026-10-05", "Netflix"),
        ("Food & Dining/Groceries", "100.00", "2026-11-22", "Safeway"),
    ]
    for category, amount, day, payee in rows:
        created = user.post(
            "/transactions",
            {"type": "expense", "account": ids["checking"], "category": category, "amount": amount, "date": day,
             "payee": payee},
        )  # fmt: skip
        assert created.status_code == 201, created.text
    return ids


def _asked(chat: Chat, text: str) -> dict[str, Any]:
    reply = chat.say(text)
    assert reply["kind"] == "query", reply
    return reply


def test_rankings_list_rows_whose_keys_give_their_figures(client: TestClient) -> None:
    user = sign_up(client)
    _more_books(user)
    chat = Chat(user)
    top = _asked(chat, "top 2 stores this year")
    assert top["evidence"]["breakdown"] == [
        {"key": "Safeway", "amount": "243.35", "count": 3},
        {"key": "Netflix", "amount": "46.47", "count": 3},
    ]
    assert top["query"]["group_by"] == "payee"
    assert top["text"].startswith("Your top 2 merchants in 2026: Safeway 243.35; Netflix 46.47")
    # Each row's key, put back in the spec, is the figure of that row.
    assert _asked(chat, "how much did i spend at safeway this year")["value"] == "243.35"
    smallest = _asked(chat, "what's my smallest spending category this year")
    assert smallest["evidence"]["breakdown"] == [{"key": "Food & Dining/Coffee", "amount": "9.75", "count": 2}]
    money_goes = _asked(chat, "where does most of my money go")  # no period: all time
    assert [row["key"] for row in money_goes["evidence"]["breakdown"]] == [
        "Food & Dining/Groceries",
        "Entertainment/Streaming Services",
        "Food & Dining/Coffee",
    ]
    largest = _asked(chat, "list my 2 largest purchases this year")
    assert [(t["payee"], t["amount"]) for t in largest["evidence"]["transactions"]] == [
        ("Safeway", "100.00"),
        ("Safeway", "82.10"),
    ]


def test_comparisons_give_both_figures_and_the_difference(client: TestClient) -> None:
    user = sign_up(client)
    _more_books(user)
    chat = Chat(user)
    groceries = _asked(chat, "did we spend more on groceries in october than september?")
    assert groceries["text"] == (
        "You spent 122.10 USD on Food & Dining/Groceries in October 2026, 60.85 more than September 2026's 61.25."
    )
    assert groceries["value"] == "60.85"
    assert groceries["evidence"]["difference"] == "60.85"
    assert [side["amount"] for side in groceries["evidence"]["comparison"]] == ["122.10", "61.25"]
    # The evidence rows are the first period's rows.
    assert {t["payee"] for t in groceries["evidence"]["transactions"]} == {"Safeway", "Whole Foods"}
    assert (groceries["query"]["start"], groceries["query"]["end"]) == ("2026-10-01", "2026-10-31")
    both = _asked(chat, "income vs spending in october")
    assert both["value"] == "2862.41"
    assert both["evidence"]["comparison"] == [
        {"key": "income", "amount": "3000.00", "count": 0},
        {"key": "spending", "amount": "137.59", "count": 0},
    ]
    assert "you earned 2862.41 more than you spent" in both["text"]


def test_counts_and_the_last_and_first_transaction(client: TestClient) -> None:
    user = sign_up(client)
    _more_books(user)
    chat = Chat(user)
    trips = _asked(chat, "how many grocery trips this year")
    assert (trips["value"], trips["evidence"]["count"]) == ("4", 4)
    assert trips["text"].startswith("4 times")
    everything = _asked(chat, "how many transactions do i have")  # all time; opening balances are not spending
    assert everything["value"] == "10"
    assert everything["query"]["start"] is None
    last = _asked(chat, "when did i last go to safeway")
    assert last["value"] == "2026-11-22"
    assert [(t["payee"], t["amount"]) for t in last["evidence"]["transactions"]] == [("Safeway", "100.00")]
    first = _asked(chat, "when was my first grocery run")
    assert first["value"] == "2026-09-12"
    assert first["evidence"]["transactions"][0]["amount"] == "61.25"
    nothing = _asked(chat, "when did i last pay the dentist")
    assert nothing["value"] is None


def test_averages_are_over_complete_months(client: TestClient) -> None:
    user = sign_up(client)
    _more_books(user)
    chat = Chat(user)
    # The 100.00 of the month under way is not counted, and that month is not a zero month either.
    usual = _asked(chat, "average monthly grocery spend")
    assert (usual["query"]["start"], usual["query"]["end"]) == ("2025-11-01", "2026-10-31")
    assert usual["value"] == "15.28"  # 183.35 over 12 complete months
    this_year = _asked(chat, "average monthly grocery spending this year")
    assert (this_year["query"]["end"], this_year["value"]) == ("2026-10-31", "18.34")  # 183.35 over 10 months


def test_what_recurs_and_balances_by_kind_of_account(client: TestClient) -> None:
    user = sign_up(client)
    _more_books(user)
    chat = Chat(user)
    monthly = _asked(chat, "what do I pay every month")
    # With the planning domain, the answer is the household's recurring series (Netflix, three months running).
    assert [(s["payee"], s["amount"], s["cadence"]) for s in monthly["evidence"]["series"]] == [
        ("Netflix", "-15.49", "monthly")
    ]
    assert (monthly["evidence"]["monthly_total"], monthly["evidence"]["yearly_total"]) == ("15.49", "185.88")
    assert monthly["text"].startswith("1 recurring payment: Netflix 15.49 monthly")
    cash = _asked(chat, "how much cash do I have")
    assert (cash["value"], cash["evidence"]["accounts"]) == ("150.00", ["Cash"])
    owed = _asked(chat, "what do I owe in total")
    assert (owed["value"], owed["evidence"]["accounts"]) == ("40.00", ["Visa"])
    assert owed["text"].startswith("You owe 40.00 USD in all on your debts (Visa)")
    assert _asked(chat, "total credit card debt")["value"] == "40.00"
    savings = _asked(chat, "what's in my savings")
    assert (savings["value"], savings["evidence"]["breakdown"]) == (
        "5000.00",
        [{"key": "Savings", "amount": "5000.00", "count": 1}],
    )
