"""Answering a question: a query intent becomes a QuerySpec, `figure(spec)` in the ledger queries computes the
figure from postings, and the answer carries the figure, the spec and the evidence (how many transactions, and
the latest of them: the first page of the listing the spec opens). The model never makes up a number, and this
module has no SQL of its own: every figure here comes from a ledger query.

Spending is what went to expense categories (a refund lowers it), income what came from income categories;
transfers between the household's own accounts, and transfer-kind categories, are neither."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.assistant.intents import Query
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.money import minor_to_str, percentage
from kakeibo.core.periods import Period, month_of, month_start, months_between, shift_months, year_of
from kakeibo.ledger import queries
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger.models import BALANCE_KINDS, CATEGORY_KINDS, Account, AccountKind

EVIDENCE_ROWS = queries.FIGURE_ROWS


@dataclass
class Answer:
    answer: str
    value: str | None
    currency: str
    query: queries.QuerySpec
    evidence: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "value": self.value,
            "currency": self.currency,
            "query": self.query.model_dump(mode="json"),
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


def _money_account(session: Session, household_id: int, name: str | None) -> Account | None:
    if not name:
        return None
    return ledger_repo.get_account_by_path(session, household_id=household_id, kinds=BALANCE_KINDS, path=name)


def _row(row: queries.FigureRow, currency: str) -> dict[str, Any]:
    return {
        "id": row.transaction_id,
        "date": row.date.isoformat(),
        "payee": row.payee,
        "category": ", ".join(row.categories) or None,
        "amount": minor_to_str(row.amount_minor, currency),
    }


def _evidence(found: queries.Figure) -> dict[str, Any]:
    """How many transactions make up the figure and the latest of them: the first page of the listing that the
    spec opens, so the rows shown and the rows behind the number are the same rows."""
    return {"count": found.count, "transactions": [_row(r, found.currency) for r in found.rows]}


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
    session: Session, household_id: int, intent: Query, today: dt.date, spec: queries.QuerySpec, where: str
) -> Answer:
    """Forecast and budget questions for a period under way. kakeibo keeps no budgets yet, so the yardstick is the
    household's own usual spending: the average of the last three whole months, said plainly as such."""
    if intent.start is None:
        this_month = month_of(today)
        start, end = this_month.start, this_month.last
    else:
        start, end = intent.start, intent.end or today
    currency = spec.currency
    so_far_end = min(end, today)
    # The spec answered is the spending so far: its evidence is what has been spent.
    spec = spec.model_copy(update={"start": start, "end": so_far_end, "measure": "spending"})
    so_far = queries.figure(session, household_id=household_id, spec=spec)
    base_end = start - dt.timedelta(days=1)
    base_start = shift_months(month_start(base_end), -(BASELINE_MONTHS - 1))
    baseline = queries.figure(
        session,
        household_id=household_id,
        spec=spec.model_copy(update={"start": base_start, "end": base_end}),
        rows=0,
    )
    usual = int((Decimal(baseline.total_minor) / BASELINE_MONTHS).to_integral_value())
    days = (end - start).days + 1
    elapsed = max(1, (so_far_end - start).days + 1)
    evidence = _evidence(so_far) | {"baseline_months": BASELINE_MONTHS, "usual_monthly": minor_to_str(usual, currency)}
    spent = so_far.total_minor

    def money(minor: int) -> str:
        return minor_to_str(minor, currency)

    when = _label(start, end)
    if intent.metric == "forecast":
        # What is spent so far, plus the rest of the period at the usual daily pace.
        rest = 0 if so_far_end >= end else int(Decimal(usual) * 12 / 365 * (days - elapsed))
        projected = spent + rest
        text = (
            f"At your usual pace you will spend about {money(projected)} {currency}{where} {when}: "
            f"{money(spent)} so far, and about {money(rest)} more over the remaining {days - elapsed} days."
        )
        return Answer(text, money(projected), currency, spec, evidence)
    left = usual - spent
    if usual == 0:
        text = (
            f"There is no budget set{where}, and nothing spent there in the previous {BASELINE_MONTHS} months to "
            f"compare with; so far {when} you have spent {money(spent)} {currency}."
        )
        return Answer(text, None, currency, spec, evidence)
    state = f"{money(left)} {currency} left" if left >= 0 else f"{money(-left)} {currency} over"
    text = (
        f"No budget is set{where}, so I compared with what you usually spend: {money(usual)} {currency} a month "
        f"(the average of the last {BASELINE_MONTHS} months). So far {when} you have spent {money(spent)}: "
        f"{state}."
    )
    return Answer(text, money(left), currency, spec, evidence)


def measure_of(metric: str) -> queries.Measure:
    """What a question's figure counts: income, net (net and savings rate) or spending (all the others)."""
    if metric == "income":
        return "income"
    if metric in ("net", "savings_rate"):
        return "net"
    return "spending"


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
        measure=measure_of(intent.metric),
        start=start,
        end=end,
        currency=currency,
        category=intent.category,
        account=account.id if account else None,
        payee=intent.merchant,
        group_by="payee" if intent.group_by == "merchant" else intent.group_by,
    )

    def money(minor: int) -> str:
        return minor_to_str(minor, currency)

    when = _label(start, end)
    where = "".join(
        [f" on {intent.category}" if intent.category else "", f" at {intent.merchant}" if intent.merchant else ""]
    ) + (f" from {account.name}" if account else "")

    if intent.metric in ("balance", "net_worth"):
        at = intent.end or today
        spec = spec.model_copy(update={"start": None, "end": at})
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

    if intent.metric in ("budget_remaining", "forecast"):
        return _outlook(session, household_id, intent, today, spec, where)
    if spec.measure == "net" and spec.category is not None:
        # Net or a savings rate "on groceries": the category narrows the spending; income is all of it, as the
        # question is about what was kept of what came in. Such a figure is two specs, so it is said without one
        # listing: the answer carries the spending's spec and evidence.
        spending_spec = spec.model_copy(update={"measure": "spending"})
        income_spec = spec.model_copy(update={"measure": "income", "category": None})
        spent_figure = queries.figure(session, household_id=household_id, spec=spending_spec)
        earned = queries.figure(session, household_id=household_id, spec=income_spec, rows=0).total_minor
        found, spent = spent_figure, spent_figure.total_minor
    else:
        found = queries.figure(
            session, household_id=household_id, spec=spec, largest=1 if intent.metric == "largest_expense" else 0
        )
        earned, spent = found.income_minor, found.spending_minor
    if intent.metric in ("income", "net", "savings_rate"):
        if intent.metric == "income":
            text = f"You received {money(earned)} {currency}{where} {when}."
            evidence = _evidence(found)
            breakdown = _breakdown(session, household_id, intent, start, end, currency)
            if breakdown:
                evidence["breakdown"] = breakdown
                text += f" By {intent.group_by}: " + "; ".join(f"{b['key']} {b['amount']}" for b in breakdown) + "."
            return Answer(text, money(earned), currency, spec, evidence)
        if intent.metric == "net":
            net = earned - spent
            text = f"Income {money(earned)} minus spending {money(spent)}: {money(net)} {currency} {when}."
            return Answer(text, money(net), currency, found.spec, _evidence(found))
        if earned <= 0:
            return Answer(f"There was no income {when}, so no savings rate.", None, currency, spec, {"count": 0})
        rate = percentage(earned - spent, earned)
        text = f"You saved {rate}% of your income {when} ({money(earned - spent)} of {money(earned)} {currency})."
        return Answer(text, str(rate), "%", found.spec, _evidence(found))

    if intent.metric == "largest_expense":
        if not found.largest:
            return Answer(f"No spending{where} {when}.", None, currency, spec, {"count": 0, "transactions": []})
        top = _row(found.largest[0], currency)
        text = f"Your largest expense{where} {when} was {top['payee']} on {top['date']}: {top['amount']} {currency}."
        return Answer(text, top["amount"], currency, spec, {"count": found.count, "transactions": [top]})

    evidence = _evidence(found)
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
