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

from sqlalchemy import and_, false, func, select
from sqlalchemy.orm import Session, aliased

from kakeibo.assistant.intents import Query
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.money import minor_to_str, percentage
from kakeibo.core.periods import Period, month_of, month_start, months_between, shift_months, year_of
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
    start = intent.start or month_start(today)
    end = intent.end or today
    return start, end


def _label(start: dt.date, end: dt.date) -> str:
    period = Period.inclusive(start, end)
    if period == month_of(start):
        return start.strftime("in %B %Y")
    if period == year_of(start):
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


@dataclass
class Matches:
    """Postings on the asked-about categories: their total, how many transactions, and the latest of them."""

    total: int = 0
    count: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)
    largest: dict[str, Any] | None = None

    def evidence(self, *others: Matches) -> dict[str, Any]:
        rows = sorted([r for m in (self, *others) for r in m.rows], key=lambda r: (r["date"], r["id"]), reverse=True)
        return {"count": self.count + sum(m.count for m in others), "transactions": rows[:EVIDENCE_ROWS]}


def _matches(
    session: Session,
    *,
    household_id: int,
    categories: list[Account],
    start: dt.date,
    end: dt.date,
    currency: str,
    merchant: str | None,
    account: Account | None,
    totals: tuple[int, int] | None = None,
    largest: bool = False,
) -> Matches:
    """Sums in SQL (or `totals` from the monthly rollups), then only the latest rows, and the largest when asked."""
    if not categories:
        return Matches()
    conditions = [
        Transaction.household_id == household_id,
        Transaction.deleted_at.is_(None),
        Transaction.settlement_currency == currency,
        # The postings index leads with household and date, and covers only live postings.
        Posting.household_id == household_id,
        Posting.deleted == false(),
        Posting.date >= start,
        Posting.date <= end,
        Posting.account_id.in_([c.id for c in categories]),
    ]
    if merchant:
        needle = merchant.lower()  # autoescape: a "%" or "_" in the name is text, not a LIKE wildcard
        conditions.append(
            func.lower(Transaction.payee).contains(needle, autoescape=True)
            | func.lower(Transaction.description).contains(needle, autoescape=True)
        )

    def scoped(stmt: Any) -> Any:
        stmt = stmt.select_from(Posting).join(Transaction, Transaction.id == Posting.transaction_id).where(*conditions)
        if account is not None:
            money = aliased(Posting)
            stmt = stmt.join(money, and_(money.transaction_id == Transaction.id, money.account_id == account.id))
        return stmt

    if totals is None:
        totals = session.execute(
            scoped(
                select(func.coalesce(func.sum(Posting.converted_minor), 0), func.count(func.distinct(Transaction.id)))
            )
        ).one()
    total, count = totals
    columns = (Transaction.id, Transaction.date, Transaction.payee, Transaction.description, Posting.converted_minor)

    def as_row(row: Any) -> dict[str, Any]:
        return {
            "id": row[0],
            "date": row[1].isoformat(),
            "payee": row[2] or row[3],
            "amount": minor_to_str(abs(int(row[4])), currency),
        }

    latest = session.execute(
        # Newest first along the postings index, so only the rows shown are read.
        scoped(select(*columns)).order_by(Posting.date.desc(), Posting.id.desc()).limit(EVIDENCE_ROWS)
    ).all()
    top = (
        session.execute(scoped(select(*columns)).order_by(Posting.converted_minor.desc()).limit(1)).first()
        if largest
        else None
    )
    return Matches(
        total=int(total),
        count=int(count),
        rows=[as_row(r) for r in latest],
        largest=as_row(top) if top is not None else None,
    )


def _rollup_totals(
    session: Session,
    household_id: int,
    categories: list[Account],
    kind: AccountKind,
    start: dt.date,
    end: dt.date,
    currency: str,
) -> tuple[int, int]:
    """(total, count) from the ledger's monthly rollups: the same figure as summing postings, at any size."""
    if not categories:
        return 0, 0
    ids = {c.id for c in categories}
    result = queries.summary(
        session, household_id=household_id, start=start, end=end, currency=currency, group_by="category"
    )
    groups = [g for g in result.groups if g.category_id in ids]
    if kind == AccountKind.income:
        return -sum(g.income_minor for g in groups), sum(g.count for g in groups)
    return sum(g.expenses_minor for g in groups), sum(g.count for g in groups)


def _count(n: int) -> str:
    return f"{n} transaction" if n == 1 else f"{n} transactions"


def _months(start: dt.date, end: dt.date) -> int:
    return max(1, months_between(start, end) + 1)


BASELINE_MONTHS = 3
BREAKDOWN_ROWS = 12


def _breakdown(
    session: Session, household_id: int, intent: Query, start: dt.date, end: dt.date, currency: str
) -> list[dict[str, Any]]:
    """Spending (or income) split by category, month or merchant, largest first (months in order)."""
    if intent.group_by is None or intent.account or intent.merchant:
        # The rollup split has no merchant or account filter: a breakdown of a filtered figure would not add up.
        return []
    scope = None
    if intent.category:
        scope = ledger_repo.get_account_by_path(
            session, household_id=household_id, kinds=CATEGORY_KINDS, path=intent.category
        )
    group_by: queries.GroupBy = "payee" if intent.group_by == "merchant" else intent.group_by
    result = queries.summary(
        session, household_id=household_id, start=start, end=end, currency=currency, group_by=group_by, category=scope
    )
    income = intent.metric == "income"
    rows = [
        {
            "key": g.key,
            "amount": minor_to_str(g.income_minor if income else g.expenses_minor, currency),
            "count": g.count,
        }
        for g in result.groups
        if (g.income_minor if income else g.expenses_minor)
    ]
    return rows[:BREAKDOWN_ROWS] if intent.group_by != "month" else rows


def _outlook(
    session: Session,
    household_id: int,
    intent: Query,
    categories: list[Account],
    today: dt.date,
    currency: str,
    spec: dict[str, Any],
    where: str,
) -> Answer:
    """Forecast and budget questions for a period under way. kakeibo keeps no budgets yet, so the yardstick is the
    household's own usual spending: the average of the last three whole months, said plainly as such."""
    if intent.start is None:
        this_month = month_of(today)
        start, end = this_month.start, this_month.last
    else:
        start, end = intent.start, intent.end or today
    spec.update(start=start.isoformat(), end=end.isoformat())
    so_far_end = min(end, today)
    so_far = _rollup_totals(session, household_id, categories, AccountKind.expense, start, so_far_end, currency)
    base_end = start - dt.timedelta(days=1)
    base_start = shift_months(month_start(base_end), -(BASELINE_MONTHS - 1))
    baseline = _rollup_totals(session, household_id, categories, AccountKind.expense, base_start, base_end, currency)
    usual = int((Decimal(baseline[0]) / BASELINE_MONTHS).to_integral_value())
    days = (end - start).days + 1
    elapsed = max(1, (so_far_end - start).days + 1)
    evidence = {"count": so_far[1], "baseline_months": BASELINE_MONTHS, "usual_monthly": minor_to_str(usual, currency)}

    def money(minor: int) -> str:
        return minor_to_str(minor, currency)

    when = _label(start, end)
    if intent.metric == "forecast":
        # What is spent so far, plus the rest of the period at the usual daily pace.
        rest = 0 if so_far_end >= end else int(Decimal(usual) * 12 / 365 * (days - elapsed))
        projected = so_far[0] + rest
        text = (
            f"At your usual pace you will spend about {money(projected)} {currency}{where} {when}: "
            f"{money(so_far[0])} so far, and about {money(rest)} more over the remaining {days - elapsed} days."
        )
        return Answer(text, money(projected), currency, spec, evidence)
    left = usual - so_far[0]
    if usual == 0:
        text = (
            f"There is no budget set{where}, and nothing spent there in the previous {BASELINE_MONTHS} months to "
            f"compare with; so far {when} you have spent {money(so_far[0])} {currency}."
        )
        return Answer(text, None, currency, spec, evidence)
    state = f"{money(left)} {currency} left" if left >= 0 else f"{money(-left)} {currency} over"
    text = (
        f"No budget is set{where}, so I compared with what you usually spend: {money(usual)} {currency} a month "
        f"(the average of the last {BASELINE_MONTHS} months). So far {when} you have spent {money(so_far[0])}: "
        f"{state}."
    )
    return Answer(text, money(left), currency, spec, evidence)


def answer(session: Session, *, actor: Actor, intent: Query, today: dt.date | None = None) -> Answer:
    """The figure a question asks for, in the household's currency; `today` is the conversation's (the caller's
    `--today` or the clock)."""
    household_id = actor.household_id
    today = today or clock.today()
    start, end = _period(intent, today)
    currency = actor.base_currency
    account = _money_account(session, household_id, intent.account)
    spec = queries.QuerySpec(
        metric=intent.metric,
        start=start,
        end=end,
        currency=currency,
        category=intent.category,
        account=account.id if account else None,
        payee=intent.merchant,
        group_by="payee" if intent.group_by == "merchant" else intent.group_by,
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
            if account.kind == AccountKind.liability:
                # A card or loan: a negative balance is money owed, a positive one a credit in your favour.
                text = (
                    f"You owe {money(-value)} {account.currency} on {account.name} as of {at.isoformat()}."
                    if value <= 0
                    else f"{account.name} is {money(value)} {account.currency} in credit on {at.isoformat()}."
                )
            else:
                text = f"{account.name} holds {money(value)} {account.currency} on {at.isoformat()}."
            return Answer(
                text, money(value), account.currency or currency, spec, {"count": 1, "accounts": [account.name]}
            )
        worth = queries.net_worth(session, household_id=household_id, base_currency=currency, at=at)
        text = (
            f"Your net worth on {at.isoformat()} is {money(worth.net_minor)} {currency} "
            f"(assets {money(worth.assets_minor)} less debts {money(-worth.liabilities_minor)})."
        )
        return Answer(text, money(worth.net_minor), currency, spec, {"count": 0})

    kind = AccountKind.income if intent.metric == "income" else AccountKind.expense

    def matches_for(categories: list[Account], kind: AccountKind) -> Matches:
        totals = None
        if not intent.merchant and account is None:
            totals = _rollup_totals(session, household_id, categories, kind, start, end, currency)
        return _matches(
            session,
            household_id=household_id,
            categories=categories,
            start=start,
            end=end,
            currency=currency,
            merchant=intent.merchant,
            account=account,
            totals=totals,
            largest=intent.metric == "largest_expense",
        )

    expense_categories = _categories(session, household_id, intent.category, AccountKind.expense)
    if intent.metric in ("budget_remaining", "forecast"):
        return _outlook(session, household_id, intent, expense_categories, today, currency, spec, where)
    spending = matches_for(expense_categories, AccountKind.expense)
    spent = spending.total
    if intent.metric in ("income", "net", "savings_rate"):
        income_category = intent.category if kind == AccountKind.income else None
        income = matches_for(
            _categories(session, household_id, income_category, AccountKind.income), AccountKind.income
        )
        earned = -income.total
        if intent.metric == "income":
            text = f"You received {money(earned)} {currency}{where} {when}."
            found = income.evidence()
            breakdown = _breakdown(session, household_id, intent, start, end, currency)
            if breakdown:
                found["breakdown"] = breakdown
                text += f" By {intent.group_by}: " + "; ".join(f"{b['key']} {b['amount']}" for b in breakdown) + "."
            return Answer(text, money(earned), currency, spec, found)
        if intent.metric == "net":
            net = earned - spent
            text = f"Income {money(earned)} minus spending {money(spent)}: {money(net)} {currency} {when}."
            return Answer(text, money(net), currency, spec, income.evidence(spending))
        if earned <= 0:
            return Answer(f"There was no income {when}, so no savings rate.", None, currency, spec, {"count": 0})
        rate = percentage(earned - spent, earned)
        text = f"You saved {rate}% of your income {when} ({money(earned - spent)} of {money(earned)} {currency})."
        return Answer(text, str(rate), "%", spec, income.evidence(spending))

    if intent.metric == "largest_expense":
        top = spending.largest
        if top is None:
            return Answer(f"No spending{where} {when}.", None, currency, spec, {"count": 0, "transactions": []})
        text = f"Your largest expense{where} {when} was {top['payee']} on {top['date']}: {top['amount']} {currency}."
        return Answer(text, top["amount"], currency, spec, {"count": spending.count, "transactions": [top]})

    evidence = spending.evidence()
    breakdown = _breakdown(session, household_id, intent, start, end, currency)
    if breakdown:
        evidence["breakdown"] = breakdown
    if intent.metric == "average_spending":
        months = _months(start, end)
        average = (Decimal(spent) / months).to_integral_value()
        text = f"You spent {money(int(average))} {currency} a month on average{where} {when} ({months} months)."
        return Answer(text, money(int(average)), currency, spec, evidence)
    if intent.metric == "transactions":
        text = f"{_count(evidence['count'])}{where} {when}, {money(spent)} {currency} in all."
        return Answer(text, money(spent), currency, spec, evidence)
    text = f"You spent {money(spent)} {currency}{where} {when} ({_count(evidence['count'])})."
    if breakdown:
        text += " By " + str(intent.group_by) + ": " + "; ".join(f"{b['key']} {b['amount']}" for b in breakdown) + "."
    return Answer(text, money(spent), currency, spec, evidence)
