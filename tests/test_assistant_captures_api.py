"""The assistant's round-two captures carried out, over real HTTP on SQLite and PostgreSQL: several purchases in one
sentence (one proposal, one yes, one undo), a purchase split over categories (stored as a split), a refund (it
lowers the purchase's category), the account a payee is usually paid from, and an amount in another currency than
the account's (asked for in words, never an error naming an API field).

The intents come from a language model: a local server that speaks the chat-completions protocol answers each
turn with the tool call the test scripts, so the real prompts, the real validation of the model's answer and the
real conversation carry it out. What the model is not scripted for ("yes", "2", "16,40") gets no tool call, and
the assistant reads it itself, as it would with a model that did not help."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kakeibo.assistant.intents import AddTransaction, AddTransactions
from kakeibo.assistant.llm.gateway import Completion, ToolCall
from kakeibo.assistant.llm.prompts import intent_from
from kakeibo.assistant.llm.service import llm_for
from kakeibo.assistant.parsing import Vocabulary
from kakeibo.core.settings import Settings
from tests.api_helpers import ApiUser, sign_up
from tests.llm_server import ChatServer, Reply, chat_server
from tests.test_assistant_api import TODAY, Chat
from tests.test_llm import llm_settings

NOVEMBER = {"start": "2026-11-01", "end": "2026-11-30"}


@pytest.fixture
def model() -> Iterator[ChatServer]:
    with chat_server() as server:
        server.fallback = lambda body: Reply(text="(no tool call)")
        yield server


@pytest.fixture
def settings(tmp_path: Path, model: ChatServer) -> Settings:
    """The app's settings with the model at this test's server (overrides conftest's)."""
    return llm_settings(model, tmp_path)


@pytest.fixture
def user(app: FastAPI, settings: Settings, client: TestClient) -> ApiUser:
    app.state.language_model = llm_for(settings)
    return sign_up(client)


def _understood(model: ChatServer, tool: str, arguments: dict[str, Any]) -> None:
    """The model's reading of the next message."""
    model.script(Reply.tool_call(tool, arguments))


def _item(amount: str, payee: str | None, category: str | None = None, **more: Any) -> dict[str, Any]:
    return {"amount": amount, "currency": "USD", "date": TODAY, "description": payee, "category": category, **more}


def _account(user: ApiUser, name: str, *, subtype: str = "checking", opening: str = "1000") -> dict[str, Any]:
    body = {"name": name, "subtype": subtype, "opening_balance": opening, "opening_date": "2026-01-01"}
    created = user.post("/accounts", body)
    assert created.status_code == 201, created.text
    return dict(created.json())


def _spend(user: ApiUser, account: dict[str, Any], amount: str, payee: str, category: str, day: str) -> None:
    body = {"type": "expense", "account": account["id"], "category": category, "amount": amount, "date": day,
            "payee": payee}  # fmt: skip
    created = user.post("/transactions", body)
    assert created.status_code == 201, created.text


def _transactions(user: ApiUser) -> list[dict[str, Any]]:
    """The household's live transactions but the accounts' openings."""
    page = user.get("/transactions?limit=500").json()
    return [t for t in page["items"] if t["type"] != "opening"]


def _balance(user: ApiUser, account: dict[str, Any]) -> str:
    return str(user.get(f"/accounts/{account['id']}").json()["balance"])


def _diff(message: dict[str, Any]) -> dict[str, list[Any]]:
    lines: dict[str, list[Any]] = {}
    for line in message["proposal"]["diff"]:
        lines.setdefault(line["field"], []).append(line["after"])
    return lines


def _spending(user: ApiUser, category: str) -> str:
    """November's spending on one category, from the month report."""
    report = user.get("/reports/summary", params={**NOVEMBER, "category": category})
    assert report.status_code == 200, report.text
    return str(report.json()["expenses"])


def _never_an_api_field(*replies: dict[str, Any]) -> None:
    for reply in replies:
        text = reply["text"]
        assert "could not be done" not in text and "converted_amount" not in text and "postings" not in text, text


# ---- several captures in one sentence --------------------------------------------------------------------------
TWO_SHOPS = {
    "items": [
        _item("38", "Trader Joe's", "Food & Dining/Groceries"),
        _item("12", "pharmacy", "Health/Pharmacy"),
    ]
}


def test_several_captures_are_one_proposal_recorded_by_one_yes_and_taken_back_by_one_undo(
    user: ApiUser, model: ChatServer
) -> None:
    checking = _account(user, "Checking")
    chat = Chat(user)
    _understood(model, "add_transactions", TWO_SHOPS)

    proposed = chat.say("38 at trader joe's and 12 at the pharmacy")

    summary = (
        "Record 2 expenses: 38.00 USD Trader Joe's (Food & Dining/Groceries), 12.00 USD pharmacy (Health/Pharmacy); "
        "on 2026-11-23 (Checking)"
    )
    assert (proposed["kind"], proposed["text"]) == ("add_transactions", f"{summary}?")
    assert (proposed["proposal"]["action"], proposed["proposal"]["summary"]) == ("create", summary)
    diff = _diff(proposed)
    assert (diff["1. amount"], diff["1. category"], diff["1. payee"]) == (
        ["38.00 USD"],
        ["Food & Dining/Groceries"],
        ["Trader Joe's"],
    )
    assert (diff["2. amount"], diff["2. category"], diff["2. account"]) == (
        ["12.00 USD"],
        ["Health/Pharmacy"],
        ["Checking"],
    )
    assert _transactions(user) == []  # proposed, not recorded

    done = chat.say("yes")
    assert done["proposal"]["status"] == "confirmed"
    assert done["text"].startswith("Recorded 2 expenses: 38.00 USD Trader Joe's")
    recorded = _transactions(user)
    assert sorted((t["payee"], t["amount"], t["category"]["name"]) for t in recorded) == [
        ("Trader Joe's", "-38.00", "Food & Dining/Groceries"),
        ("pharmacy", "-12.00", "Health/Pharmacy"),
    ]
    assert _balance(user, checking) == "950.00"
    created = [e for e in user.get("/events").json() if e["entity"] == "transaction" and e["source"] == "assistant"]
    assert len(created) == 2 and {e["group_id"] for e in created} == {done["proposal"]["event_group"]}  # one change

    undone = chat.say("undo")
    assert undone["proposal"]["status"] == "confirmed" and undone["text"].startswith("Undone:")
    assert _transactions(user) == []
    assert _balance(user, checking) == "1000.00"


def test_a_capture_of_several_with_one_item_the_ledger_refuses_is_never_proposed(
    user: ApiUser, model: ChatServer
) -> None:
    _account(user, "Checking")
    chat = Chat(user)
    refused = {"items": [_item("38", "Trader Joe's", "Food & Dining/Groceries"),
                         _item("20", None, type="transfer", account="Checking", to_account="Checking")]}  # fmt: skip
    _understood(model, "add_transactions", refused)

    reply = chat.say("38 at trader joe's and move 20 to checking")

    assert reply["proposal"] is None
    assert "two different accounts" in reply["text"]
    assert chat.say("yes")["proposal"] is None  # nothing was waiting
    assert _transactions(user) == []


def test_a_correction_of_several_asks_which_one_and_a_date_said_for_all_applies_to_all(
    user: ApiUser, model: ChatServer
) -> None:
    _account(user, "Checking")
    chat = Chat(user)
    _understood(model, "add_transactions", TWO_SHOPS)
    first = chat.say("38 at trader joe's and 12 at the pharmacy")

    _understood(model, "correct_last", {"changes": {"amount": "25"}})
    asked = chat.say("make it 25")
    assert asked["proposal"] is None
    assert asked["text"].startswith("Which one is 25?")
    assert "1. 38.00 USD Trader Joe's" in asked["text"] and "2. 12.00 USD pharmacy" in asked["text"]
    # Nothing was picked by guess: the first proposal still waits, unchanged.
    assert user.get(f"/assistant/proposals/{first['proposal']['id']}").json()["status"] == "pending"

    amended = chat.say("the pharmacy one")
    assert amended["text"].startswith("Amended: Record 2 expenses: 38.00 USD Trader Joe's")
    assert "25.00 USD pharmacy" in amended["proposal"]["summary"]
    assert user.get(f"/assistant/proposals/{first['proposal']['id']}").json()["status"] == "cancelled"

    _understood(model, "correct_last", {"changes": {"date": "2026-11-22"}})
    moved = chat.say("that was yesterday")
    assert moved["proposal"]["summary"].endswith("; on 2026-11-22 (Checking)"), moved["text"]

    assert chat.say("yes")["proposal"]["status"] == "confirmed"
    recorded = sorted((t["payee"], t["amount"], t["date"]) for t in _transactions(user))
    assert recorded == [("Trader Joe's", "-38.00", "2026-11-22"), ("pharmacy", "-25.00", "2026-11-22")]

    # After the yes, a correction still says which of the two it means.
    _understood(model, "correct_last", {"changes": {"amount": "30"}})
    which = chat.say("actually it was 30")
    assert which["proposal"] is None and [c["payee"] for c in which["candidates"]] == ["Trader Joe's", "pharmacy"]
    update = chat.say("1")
    assert update["proposal"]["action"] == "update"
    assert _diff(update)["amount"] == ["30.00"]
    chat.say("yes")
    assert sorted(t["amount"] for t in _transactions(user)) == ["-25.00", "-30.00"]


# ---- splits -----------------------------------------------------------------------------------------------------
COSTCO = _item(
    "90",
    "Costco",
    splits=[
        {"category": "Food & Dining/Groceries", "amount": "60"},
        {"category": "Shopping/Household Supplies", "amount": "30"},
    ],
)


def test_a_split_purchase_is_stored_as_a_split_and_a_new_total_asks_which_part(
    user: ApiUser, model: ChatServer
) -> None:
    checking = _account(user, "Checking")
    chat = Chat(user)
    _understood(model, "add_transaction", COSTCO)

    proposed = chat.say("costco 90, 60 groceries 30 household")
    assert proposed["proposal"]["summary"] == (
        "Record an expense of 90.00 USD on 2026-11-23 (Checking), Costco, "
        "split 60.00 Food & Dining/Groceries + 30.00 Shopping/Household Supplies"
    )
    diff = _diff(proposed)
    assert (diff["split 1"], diff["split 2"]) == (
        ["60.00 Food & Dining/Groceries"],
        ["30.00 Shopping/Household Supplies"],
    )

    _understood(model, "correct_last", {"changes": {"amount": "100"}})
    asked = chat.say("make it 100")
    assert asked["proposal"] is None and asked["text"].startswith("That purchase is split (90.00 USD in all)")
    amended = chat.say("groceries")
    assert amended["proposal"]["summary"].startswith("Record an expense of 130.00 USD"), amended["text"]

    # A part named with its amount is not ambiguous: it changes, and the total follows.
    _understood(model, "correct_last", {"changes": {"amount": "70", "category": "Food & Dining/Groceries"}})
    named = chat.say("no, groceries were 70")
    assert named["proposal"]["summary"].startswith("Record an expense of 100.00 USD"), named["text"]
    diff = _diff(named)
    assert (diff["split 1"], diff["split 2"]) == (
        ["70.00 Food & Dining/Groceries"],
        ["30.00 Shopping/Household Supplies"],
    )

    done = chat.say("yes")
    stored = user.get(f"/transactions/{done['proposal']['transaction_id']}").json()
    assert (stored["type"], stored["amount"], stored["payee"]) == ("split", "-100.00", "Costco")
    assert sorted((p["account"]["name"], p["amount"]) for p in stored["postings"]) == [
        ("Checking", "-100.00"),
        ("Food & Dining/Groceries", "70.00"),
        ("Shopping/Household Supplies", "30.00"),
    ]
    assert _balance(user, checking) == "900.00"
    assert _spending(user, "Food & Dining/Groceries") == "70.00"
    assert _spending(user, "Shopping/Household Supplies") == "30.00"

    # Once recorded: a new total is asked about in words; a part named with its amount is proposed as an update.
    _understood(model, "correct_last", {"changes": {"amount": "120"}})
    asked = chat.say("actually it was 120")
    assert asked["proposal"] is None and asked["text"].startswith("That purchase is split (70.00 Food"), asked["text"]
    _never_an_api_field(asked)
    _understood(model, "correct_last", {"changes": {"amount": "40", "category": "Shopping/Household Supplies"}})
    update = chat.say("household stuff was 40")
    assert (update["proposal"]["action"], _diff(update)["amount"]) == ("update", ["-110.00"]), update["text"]
    assert _diff(update)["split"] == ["40.00 Shopping/Household Supplies"]
    chat.say("yes")
    assert _balance(user, checking) == "890.00"
    assert _spending(user, "Shopping/Household Supplies") == "40.00"
    assert user.get(f"/transactions/{stored['id']}").json()["type"] == "split"


# ---- refunds ----------------------------------------------------------------------------------------------------
def test_a_refund_lowers_the_purchases_category_and_never_counts_as_income(user: ApiUser, model: ChatServer) -> None:
    checking = _account(user, "Checking")
    _spend(user, checking, "80.00", "Zara", "Shopping/Clothing", "2026-11-10")
    chat = Chat(user)
    _understood(model, "add_transaction", _item("30", "Zara", "Shopping/Clothing", type="refund"))

    proposed = chat.say("zara refunded me 30 for the jacket")
    assert proposed["proposal"]["summary"] == (
        "Record a refund of 30.00 USD on 2026-11-23 (Checking), Shopping/Clothing, Zara"
    )
    chat.say("yes")

    assert _balance(user, checking) == "950.00"
    assert _spending(user, "Shopping/Clothing") == "50.00"
    november = user.get("/reports/summary", params=NOVEMBER).json()
    assert (november["income"], november["expenses"]) == ("0.00", "50.00")
    # The figure the assistant answers with nets it too.
    _understood(
        model,
        "query",
        {"metric": "spending", "category": "Shopping/Clothing", "start": "2026-11-01", "end": "2026-11-30"},
    )
    asked = chat.say("how much did clothes cost me this month")
    assert (asked["kind"], asked["value"]) == ("query", "50.00")

    # Money back for nothing named goes back against spending (Uncategorized), not into income.
    _understood(model, "add_transaction", _item("5", "Corner Shop", type="refund"))
    chat.say("the corner shop gave me 5 back")
    chat.say("yes")
    november = user.get("/reports/summary", params=NOVEMBER).json()
    assert (november["income"], november["expenses"]) == ("0.00", "45.00")
    assert _balance(user, checking) == "955.00"


# ---- the account a payee is usually paid from --------------------------------------------------------------------
def test_a_capture_without_an_account_uses_the_one_its_payee_is_usually_paid_from(
    user: ApiUser, model: ChatServer
) -> None:
    checking = _account(user, "Checking")
    amex = _account(user, "Amex", subtype="credit_card", opening="0")
    for day in ("2026-11-02", "2026-11-09", "2026-11-16"):
        _spend(user, amex, "4.50", "Blue Bottle", "Food & Dining/Coffee", day)
    _spend(user, checking, "4.50", "Blue Bottle", "Food & Dining/Coffee", "2026-11-20")
    chat = Chat(user)

    _understood(model, "add_transaction", _item("5.25", "blue bottle", "Food & Dining/Coffee"))
    proposed = chat.say("5.25 at blue bottle")
    assert proposed["proposal"]["summary"] == (
        "Record an expense of 5.25 USD on 2026-11-23 (Amex, where blue bottle is usually paid), "
        "Food & Dining/Coffee, blue bottle"
    )
    done = chat.say("yes")
    stored = user.get(f"/transactions/{done['proposal']['transaction_id']}").json()
    assert stored["account"]["name"] == "Amex"
    assert _balance(user, amex) == "-18.75"

    # A payee with no history, and a named account, are as before.
    _understood(model, "add_transaction", _item("9", "Noodle Bar", "Food & Dining/Restaurants"))
    assert "(Checking)" in chat.say("9 at the noodle bar")["proposal"]["summary"]
    _understood(model, "add_transaction", _item("5", "Blue Bottle", "Food & Dining/Coffee", account="Checking"))
    assert "(Checking)" in chat.say("5 at blue bottle on checking")["proposal"]["summary"]


# ---- another currency ----------------------------------------------------------------------------------------
MUSEUM = {**_item("15", "museum ticket", "Entertainment/Movies & Events"), "currency": "EUR"}


@pytest.mark.parametrize(("answer", "usd"), [("16,40", "16.40"), ("about 16 dollars", "16.00"), ("$16.40", "16.40")])
def test_an_amount_in_another_currency_asks_for_the_accounts_amount_and_records_both(
    user: ApiUser, model: ChatServer, answer: str, usd: str
) -> None:
    checking = _account(user, "Checking")
    chat = Chat(user)
    _understood(model, "add_transaction", MUSEUM)

    asked = chat.say("15 euros for a museum ticket")
    assert (asked["text"], asked["proposal"]) == ("How much was that in USD?", None)
    proposed = chat.say(answer)
    assert proposed["proposal"]["summary"] == (
        f"Record an expense of 15.00 EUR ({usd} USD) on 2026-11-23 (Checking), Entertainment/Movies & Events, "
        "museum ticket"
    )
    done = chat.say("yes")
    _never_an_api_field(asked, proposed, done)

    stored = user.get(f"/transactions/{done['proposal']['transaction_id']}").json()
    assert (stored["amount"], stored["currency"]) == (f"-{usd}", "USD")
    legs = {p["account"]["name"]: (p["amount"], p["currency"], p["converted_amount"]) for p in stored["postings"]}
    assert legs == {"Checking": (f"-{usd}", "USD", f"-{usd}"), "Entertainment/Movies & Events": ("15.00", "EUR", usd)}
    assert _balance(user, checking) == str(Decimal("1000.00") - Decimal(usd))


def test_an_answer_that_is_not_an_amount_drops_the_currency_question(user: ApiUser, model: ChatServer) -> None:
    _account(user, "Checking")
    chat = Chat(user)
    _understood(model, "add_transaction", MUSEUM)
    asked = chat.say("15 euros for a museum ticket")
    assert asked["text"] == "How much was that in USD?"

    _understood(model, "query", {"metric": "spending", "start": "2026-11-01", "end": "2026-11-30"})
    other = chat.say("how much did I spend this month")
    assert other["kind"] == "query" and other["proposal"] is None
    later = chat.say("16.40")  # no longer an answer to the dropped question
    assert later["proposal"] is None or "EUR" not in later["proposal"]["summary"]
    assert _transactions(user) == []


def test_one_of_several_items_in_another_currency_is_asked_about_by_name(user: ApiUser, model: ChatServer) -> None:
    _account(user, "Checking")
    chat = Chat(user)
    _understood(model, "add_transactions", {"items": [_item("12", "lunch", "Food & Dining/Restaurants"), MUSEUM]})

    asked = chat.say("12 for lunch and 15 euros for a museum ticket")
    assert (asked["text"], asked["proposal"]) == ("How much was the 15.00 EUR museum ticket in USD?", None)
    proposed = chat.say("16.40")
    assert "15.00 EUR (16.40 USD) museum ticket" in proposed["proposal"]["summary"], proposed["text"]
    chat.say("yes")
    assert sorted(t["amount"] for t in _transactions(user)) == ["-12.00", "-16.40"]


# ---- what the model is told ------------------------------------------------------------------------------------
def test_the_model_is_offered_several_captures_and_splits_with_the_households_categories(
    user: ApiUser, model: ChatServer
) -> None:
    _account(user, "Checking")
    chat = Chat(user)
    _understood(model, "add_transactions", {"items": [_item("38", "Trader Joe's", "Groceries from Mars"),
                                                      _item("12", "pharmacy", "Health/Pharmacy")]})  # fmt: skip
    reply = chat.say("38 at trader joe's and 12 at the pharmacy please")

    tools = {t["function"]["name"]: t["function"]["parameters"] for t in model.requests[0]["tools"]}
    item = tools["add_transactions"]["properties"]["items"]["items"]
    assert "Health/Pharmacy" in item["properties"]["category"]["anyOf"][0]["enum"]
    split = tools["add_transaction"]["properties"]["splits"]["anyOf"][0]["items"]
    assert "Food & Dining/Groceries" in split["properties"]["category"]["anyOf"][0]["enum"]
    assert "refund" in tools["add_transaction"]["properties"]["type"]["enum"]
    # A category outside the household's list makes the model's answer unusable: the offline parser reads it.
    assert reply["proposal"] is None or "Groceries from Mars" not in reply["proposal"]["summary"]


def test_a_capture_in_another_currency_read_offline_asks_the_same_question(user: ApiUser) -> None:
    """No model reading: the offline parser's capture of "15 euros" takes the same road."""
    _account(user, "Checking")
    chat = Chat(user)
    asked = chat.say("15 euros for a museum ticket")
    assert (asked["kind"], asked["text"], asked["proposal"]) == ("clarify", "How much was that in USD?", None)
    proposed = chat.say("it was about 16.40 usd")
    assert proposed["proposal"]["summary"].startswith("Record an expense of 15.00 EUR (16.40 USD) on 2026-11-23")


def _vocabulary() -> Vocabulary:
    return Vocabulary.default(accounts=("Checking", "Amex"))


def _completion(tool: str, arguments: dict[str, Any]) -> Completion:
    return Completion(text="", tool_calls=[ToolCall(name=tool, arguments=json.dumps(arguments))])


def test_the_models_several_captures_splits_and_refunds_become_intents_in_the_households_spelling() -> None:
    several = _completion("add_transactions", {"items": [
        _item("38", "Trader Joe's", "food & dining/groceries", account="amex"),
        _item("12", "pharmacy", "Health/Pharmacy", type="refund"),
    ]})  # fmt: skip
    intent = intent_from(several, _vocabulary())
    assert isinstance(intent, AddTransactions)
    assert [(i.category, i.account, i.type) for i in intent.items] == [
        ("Food & Dining/Groceries", "Amex", "expense"),
        ("Health/Pharmacy", None, "refund"),
    ]
    split = _completion("add_transaction", {**COSTCO, "splits": [
        {"category": "food & dining/groceries", "amount": "60"},
        {"category": "Shopping/Household Supplies", "amount": "30"},
    ]})  # fmt: skip
    read = intent_from(split, _vocabulary())
    assert isinstance(read, AddTransaction) and read.splits is not None
    assert [s.category for s in read.splits] == ["Food & Dining/Groceries", "Shopping/Household Supplies"]


@pytest.mark.parametrize(
    "arguments",
    [
        # a split's category outside the household's list
        {**COSTCO, "splits": [{"category": "Costco stuff", "amount": "60"},
                              {"category": "Shopping/Household Supplies", "amount": "30"}]},
        # splits that do not add up to the amount
        {**COSTCO, "amount": "95"},
        # a split with a category of its own as well
        {**COSTCO, "category": "Food & Dining/Groceries"},
    ],
)  # fmt: skip
def test_a_split_the_ledger_could_not_keep_is_not_an_intent(arguments: dict[str, Any]) -> None:
    assert intent_from(_completion("add_transaction", arguments), _vocabulary()) is None


def test_several_captures_with_one_unknown_account_are_not_an_intent() -> None:
    items = [_item("38", "Trader Joe's", "Food & Dining/Groceries"), _item("12", "pharmacy", account="Diners Club")]
    assert intent_from(_completion("add_transactions", {"items": items}), _vocabulary()) is None
