"""`kakeibo assistant parse` as a user runs it: the household's own accounts and payees shape the intent."""

from __future__ import annotations

import json

from tests.cli_helpers import Cli


def test_parse_one_and_many_with_the_households_vocabulary(cli: Cli) -> None:
    cli("account", "add", "Checking", "--subtype", "checking", "--opening", "1000")
    cli("account", "add", "Visa", "--subtype", "credit_card")
    cli(
        "tx", "add", "--account", "Visa", "--category", "Food & Dining/Restaurants", "--amount", "30", "--payee", "Nopa"
    )
    one = cli.json("assistant", "parse", "fifty dollars at the gas station for fuel", "--today", "2026-11-23")
    assert one == {
        "kind": "add_transaction",
        "type": "expense",
        "amount": "50",
        "currency": "USD",
        "date": "2026-11-23",
        "description": "gas station",
        "category": "Transportation/Fuel",
        "account": None,
        "to_account": None,
    }
    lines = "\n".join(
        [
            "twenty bucks for lunch yesterday with my visa",
            "moved 500 from checking to visa",
            "how much did I spend on groceries last month?",
            "wipe the database",
        ]
    )
    finished = cli("assistant", "parse", "-", "--today", "2026-11-23", stdin=lines + "\n")
    intents = [json.loads(line) for line in finished.stdout.splitlines()]
    assert [i["kind"] for i in intents] == ["add_transaction", "add_transaction", "query", "unsupported"]
    assert (intents[0]["account"], intents[0]["date"], intents[0]["amount"]) == ("Visa", "2026-11-22", "20")
    assert (intents[1]["type"], intents[1]["account"], intents[1]["to_account"]) == ("transfer", "Checking", "Visa")
    assert (intents[2]["start"], intents[2]["end"]) == ("2026-10-01", "2026-10-31")
