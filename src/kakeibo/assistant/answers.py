"""Answering a question: a query intent becomes a QuerySpec, the ledger computes the figure from postings, and the
answer carries the figure, the spec and the evidence (how many transactions, and which). The model never makes
up a number: every figure here comes from a query.

Spending is what went to expense categories (a refund lowers it), income what came from income categories;
transfers between the household's own accounts, and transfer-kind categories, are neither."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from kakeibo.assistant.intents import Query
from kakeibo.core import clock
from kakeibo.core.money import minor_to_str
from kakeibo.ledger import queries
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger.models import BALANCE_KINDS, CATEGORY_KINDS, Account, AccountKind, Posting, Transaction

EVIDENCE_ROWS = 20


@dataclass
class Answer:
    answer: str
    value: str | None
    currency: str
    query: dict[str, Any]
    evidence: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "value": self.value,
            "currency": self.currency,
            "query": self.query,
            "evidence": self.evidence,
        }


def _period(intent: Query, today: dt.date) -> tuple[dt.date, dt.date]:
    start = intent.start or today.replace(day=1)
    end = intent.end or today
    return start, end


def _label(start: dt.date, end: dt.date) -> str:
    if start.day == 1 and end == queries.next_month(start) - dt.timedelta(days=1):
        return start.strftime("in %B %Y")
    if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31):
        return f"in {start.year}"
    return f"from {start.isoformat()} to {end.isoformat()}"


def _categories(session: Session, household_id: int, ref: str | None, kind: AccountKind) -> list[Account]:
    """The categories a question is about: a group with its categories, one category, or all of a kind."""
    all_categories = [
        a for a in ledger_repo.list_accounts(session, household_id=household_id, kinds=CATEGORY_KINDS) if a.kind == kind
    ]
    if ref is None:
        return all_categories
    wanted = ref.casefold()
    return [a for a in all_categories if a.path.casefold() == wanted or a.path.casefold().startswith(wanted + "/")]


def _money_account(session: Session, household_id: int, name: str | None) -> Account | None:
    if not name:
        return None
    return ledger_repo.get_account_by_path(session, household_id=household_id, kinds=BALANCE_KINDS, path=name)


def _postings(
    session: Session,
    *,
    household_id: int,
    categories: list[Account],
    start: dt.date,
    end: dt.date,
    currency: str,
    merchant: str | None,
    account: Account | None,
) -> list[tuple[Transaction, int]]:
    """(transaction, converted amount on the categories) for every matching posting, newest first."""
    if not categories:
        return []
    stmt = (
        select(Transaction, Posting.converted_minor)
        .join(Posting, Posting.transaction_id == Transaction.id)
        .where(
            Transaction.household_id == household_id,
            Transaction.deleted_at.is_(None),
            Transaction.settlement_currency == currency,
            Posting.deleted.is_(False),
            Posting.account_id.in_([c.id for c in categories]),
            Posting.date.between(start, end),
        )
        .order_by(Transaction.date.desc(), Transaction.id.desc())
    )
    if merchant:
        like = f"%{merchant.lower()}%"
        stmt = stmt.where(func.lower(Transaction.payee).like(like) | func.lower(Transaction.description).like(like))
    if account is not None:
        money = aliased(Posting)
        stmt = stmt.join(money, and_(money.transaction_id == Transaction.id, money.account_id == account.id))
    return [(t, int(c)) for t, c in session.execute(stmt).all()]


def _evidence(rows: list[tuple[Transaction, int]], currency: str) -> dict[str, Any]:
    seen: dict[int, tuple[Transaction, int]] = {}
    for transaction, amount in rows:
        previous = seen.get(transaction.id)
        seen[transaction.id] = (transaction, amount + (previous[1] if previous else 0))
    return {
        "count": len(seen),
        "transactions": [
            {
                "id": t.id,
                "date": t.date.isoformat(),
                "payee": t.payee or t.description,
                "amount": minor_to_str(amount, currency),
            }
            for t, amount in list(seen.values())[:EVIDENCE_ROWS]
        ],
    }


def _months(start: dt.date, end: dt.date) -> int:
    return max(1, (end.year - start.year) * 12 + end.month - start.month + 1)


def answer(session: Session, *, household_id: int, base_currency: str, intent: Query) -> Answer:
    today = clock.today()
    start, end = _period(intent, today)
    currency = base_currency
    account = _money_account(session, household_id, intent.account)
    spec = queries.QuerySpec(
        metric=intent.metric,
        start=start,
        end=end,
        currency=currency,
        category=intent.category,
        account=account.id if account else None,
        payee=intent.merchant,
        group_by=intent.group_by,
    ).model_dump(mode="json")

    def money(minor: int) -> str:
        return minor_to_str(minor, currency)

    when = _label(start, end)
    where = "".join(
        [f" on {intent.category}" if intent.category else "", f" at {intent.merchant}" if intent.merchant else ""]
    ) + (f" from {account.name}" if account else "")

    if intent.metric in ("balance", "net_worth"):
        at = intent.end or today
        spec.update(start=None, end=at.isoformat())
        if intent.metric == "balance" and account is not None:
            row = next(
                r for r in queries.balances(session, household_id=household_id, at=at) if r.account.id == account.id
            )
            value = row.balance_minor
            text = f"{account.name} holds {money(value)} {account.currency} on {at.isoformat()}."
            return Answer(
                text, money(value), account.currency or currency, spec, {"count": 1, "accounts": [account.name]}
            )
        worth = queries.net_worth(session, household_id=household_id, base_currency=currency, at=at)
        text = (
            f"Your net worth on {at.isoformat()} is {money(worth.net_minor)} {currency} "
            f"(assets {money(worth.assets_minor)}, liabilities {money(worth.liabilities_minor)})."
        )
        return Answer(text, money(worth.net_minor), currency, spec, {"count": 0})

    if intent.metric in ("budget_remaining", "forecast"):
        text = "Budgets and forecasts are not answered yet; ask what you spent instead."
        return Answer(text, None, currency, spec, {"count": 0})

    kind = AccountKind.income if intent.metric == "income" else AccountKind.expense

    def rows_for(categories: list[Account]) -> list[tuple[Transaction, int]]:
        return _postings(
            session,
            household_id=household_id,
            categories=categories,
            start=start,
            end=end,
            currency=currency,
            merchant=intent.merchant,
            account=account,
        )

    spend_rows = rows_for(_categories(session, household_id, intent.category, AccountKind.expense))
    spent = sum(amount for _, amount in spend_rows)
    if intent.metric in ("income", "net", "savings_rate"):
        income_category = intent.category if kind == AccountKind.income else None
        income_rows = rows_for(_categories(session, household_id, income_category, AccountKind.income))
        earned = -sum(amount for _, amount in income_rows)
        if intent.metric == "income":
            text = f"You received {money(earned)} {currency}{where} {when}."
            return Answer(text, money(earned), currency, spec, _evidence(income_rows, currency))
        if intent.metric == "net":
            net = earned - spent
            text = f"Income {money(earned)} minus spending {money(spent)}: {money(net)} {currency} {when}."
            return Answer(text, money(net), currency, spec, _evidence(income_rows + spend_rows, currency))
        if earned <= 0:
            return Answer(f"There was no income {when}, so no savings rate.", None, currency, spec, {"count": 0})
        rate = (Decimal(earned - spent) * 100 / Decimal(earned)).quantize(Decimal("0.1"))
        text = f"You saved {rate}% of your income {when} ({money(earned - spent)} of {money(earned)} {currency})."
        return Answer(text, str(rate), "%", spec, _evidence(income_rows + spend_rows, currency))

    if intent.metric == "largest_expense":
        evidence = _evidence(spend_rows, currency)
        if not evidence["transactions"]:
            return Answer(f"No spending{where} {when}.", None, currency, spec, evidence)
        all_rows = _evidence(spend_rows, currency) | {"transactions": []}
        totals: dict[int, tuple[Transaction, int]] = {}
        for transaction, amount in spend_rows:
            previous = totals.get(transaction.id)
            totals[transaction.id] = (transaction, amount + (previous[1] if previous else 0))
        top, amount = max(totals.values(), key=lambda pair: pair[1])
        all_rows["transactions"] = [
            {"id": top.id, "date": top.date.isoformat(), "payee": top.payee or top.description, "amount": money(amount)}
        ]
        text = f"Your largest expense{where} {when} was {top.payee or top.description} on {top.date}: {money(amount)} {currency}."
        return Answer(text, money(amount), currency, spec, all_rows)

    evidence = _evidence(spend_rows, currency)
    if intent.metric == "average_spending":
        months = _months(start, end)
        average = (Decimal(spent) / months).to_integral_value()
        text = f"You spent {money(int(average))} {currency} a month on average{where} {when} ({months} months)."
        return Answer(text, money(int(average)), currency, spec, evidence)
    if intent.metric == "transactions":
        text = f"{evidence['count']} transactions{where} {when}, {money(spent)} {currency} in all."
        return Answer(text, money(spent), currency, spec, evidence)
    text = f"You spent {money(spent)} {currency}{where} {when} ({evidence['count']} transactions)."
    return Answer(text, money(spent), currency, spec, evidence)
