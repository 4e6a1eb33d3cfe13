"""`kakeibo assistant`: the assistant's parser from the command line (answering and changes come next)."""

from __future__ import annotations

import json as jsonlib
import sys
from typing import Annotated, Any

import typer

from kakeibo.assistant.answers import answer
from kakeibo.assistant.intents import AddTransaction, Clarify, IntentAdapter, Query, Undo, Unsupported
from kakeibo.assistant.parsing import parse
from kakeibo.assistant.service import vocabulary_for
from kakeibo.cli import output as out
from kakeibo.cli.context import Ledger, open_ledger
from kakeibo.cli.options import JsonOption, TodayOption, UserOption, options
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.errors import ValidationFailed
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger import service as ledger
from kakeibo.ledger.models import BALANCE_KINDS, Account
from kakeibo.ledger.schemas import TransactionCreate

assistant_app = typer.Typer(help="The assistant: plain language in, intents out.", no_args_is_help=True)


@assistant_app.command("parse")
def parse_command(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help='What you would say; "-" reads one utterance per line from stdin.')],
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Show the intent an utterance parses to, without doing anything (offline parser)."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=False) as books:
        vocabulary = vocabulary_for(
            books.session, household_id=books.household_id, base_currency=books.household.base_currency
        )
    day = clock.today()
    lines = (line.strip() for line in sys.stdin) if text == "-" else iter([text])
    for line in lines:
        if not line:
            continue
        document = IntentAdapter.dump_python(parse(line, today=day, vocabulary=vocabulary), mode="json")
        if opts.json or text == "-":
            # One JSON object per line, so a large test set runs through one process.
            sys.stdout.write(jsonlib.dumps(document, ensure_ascii=False) + "\n")
        else:
            out.echo(f"{line}\n  " + "\n  ".join(f"{k}: {v}" for k, v in document.items() if v not in (None, [], {})))


def _default_account(books: Ledger, name: str | None) -> Account:
    """The account a capture names, else the household's first checking account, else its first account."""
    if name:
        return ledger.find_money_account(books.session, household_id=books.household_id, name=name)
    accounts = [
        a
        for a in ledger_repo.list_accounts(books.session, household_id=books.household_id, kinds=BALANCE_KINDS)
        if not a.archived
    ]
    if not accounts:
        raise ValidationFailed("there is no account to record this in: add one with `kakeibo account add`")
    return next((a for a in accounts if a.subtype is not None and a.subtype.value == "checking"), accounts[0])


def ask(
    ctx: typer.Context,
    text: Annotated[
        str, typer.Argument(help='A question or a change, e.g. "how much did I spend on coffee last month?"')
    ],
    yes: Annotated[bool, typer.Option("--yes", help="Carry out a proposed change without asking.")] = False,
    user: UserOption = None,
    json: JsonOption = False,
    today: TodayOption = None,
) -> None:
    """Ask about your money or say what happened, in plain language (offline)."""
    opts = options(ctx, user=user, json=json, today=today)
    with open_ledger(opts, write=True) as books:
        currency = books.household.base_currency
        vocabulary = vocabulary_for(books.session, household_id=books.household_id, base_currency=currency)
        intent = parse(text, today=clock.today(), vocabulary=vocabulary)
        document: dict[str, Any] = {"intent": IntentAdapter.dump_python(intent, mode="json")}
        if isinstance(intent, Query):
            result = answer(books.session, household_id=books.household_id, base_currency=currency, intent=intent)
            document |= result.as_dict()
        elif isinstance(intent, AddTransaction):
            document |= _capture(books, intent, yes=yes)
        elif isinstance(intent, Undo):
            if yes:
                undone = ledger.undo(
                    books.session,
                    actor=Actor(household_id=books.household_id, user_id=books.user.id, source="assistant"),
                )
                document["answer"] = "Undone: " + "; ".join(undone.summaries)
            else:
                document["answer"] = "Undo the latest change? Run again with --yes."
        elif isinstance(intent, Clarify):
            document["answer"] = intent.question
        elif isinstance(intent, Unsupported):
            document["answer"] = intent.reason
        else:
            document["answer"] = (
                "Edits and deletes by description are not done from here yet: use `kakeibo tx list` to find the "
                "transaction, then the API's PATCH or `kakeibo tx delete ID`."
            )
    if opts.json:
        out.print_json(document)
        return
    out.echo(document["answer"])
    evidence = document.get("evidence") or {}
    for row in evidence.get("transactions", [])[:10]:
        out.echo(f"  {row['date']}  {out.truncate(row['payee'], 30):<30} {row['amount']:>12}")
    if evidence.get("count", 0) > 10:
        out.echo(f"  ... {evidence['count']} transactions in all")


def _capture(books: Ledger, intent: AddTransaction, *, yes: bool) -> dict[str, Any]:
    account = _default_account(books, intent.account)
    to_account = (
        ledger.find_money_account(books.session, household_id=books.household_id, name=intent.to_account)
        if intent.to_account
        else None
    )
    if intent.type == "transfer" and to_account is None:
        return {"answer": "Which account did the money go to?", "proposal": None}
    data = TransactionCreate(
        type=intent.type,
        account=account.id,
        to_account=to_account.id if to_account else None,
        category=intent.category if intent.type != "transfer" else None,
        amount=intent.amount,
        currency=intent.currency,
        date=intent.date,
        payee=intent.description or "",
    )
    where = f"{account.name} → {to_account.name}" if to_account else account.name
    article = "a" if intent.type == "transfer" else "an"
    what = f"{article} {intent.type} of {intent.amount} {intent.currency} on {intent.date} ({where})"
    what += f", {intent.category}" if intent.category and intent.type != "transfer" else ""
    what += f", {intent.description}" if intent.description else ""
    proposal = data.model_dump(mode="json", exclude_none=True)
    if not yes:
        return {"answer": f"Record {what}? Run again with --yes.", "proposal": proposal}
    actor = Actor(household_id=books.household_id, user_id=books.user.id, source="assistant")
    transaction = ledger.create_transaction(
        books.session, actor=actor, data=data, base_currency=books.household.base_currency
    )
    return {
        "answer": f"Recorded {what} as transaction {transaction.id}. Undo with: kakeibo undo",
        "proposal": proposal,
        "transaction_id": transaction.id,
    }
