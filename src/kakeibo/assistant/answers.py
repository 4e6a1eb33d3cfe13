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

from kakeibo.assistant.insight_answers import anomaly_answer, forecast_answer, health_answer
from kakeibo.assistant.intents import Query
from kakeibo.assistant.parsing.questions import complete_months
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.money import minor_to_str, percentage
from kakeibo.core.periods import Period, month_of, month_start, months_between, shift_months, year_of
from kakeibo.ledger import queries
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger.models import BALANCE_KINDS, CATEGORY_KINDS, Account, AccountKind, AccountSubtype

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


# Questions whose unnamed period is this month so far: a budget or a forecast is about the month under way.
_THIS_MONTH_METRICS = frozenset({"budget_remaining", "forecast"})


def _period(intent: Query, today: dt.date) -> tuple[dt.date | None, dt.date]:
    """The period asked about. None named: all time (start None) for figures, rankings, counts and last/first;
    the last 12 complete months for an average; this month for budgets and forecasts."""
    if intent.start is None and intent.end is None:
        if intent.metric in _THIS_MONTH_METRICS:
            return month_start(today), today
        if intent.metric == "average_spending":
            return complete_months(None, None, today)
        return None, today
    start = intent.start
    end = intent.end or today
    if intent.metric == "average_spending":
        return complete_months(start, end, today)
    return start, end


def _label(start: dt.date | None, end: dt.date) -> str:
    if start is None:
        return "in all (since your first transaction)"
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
    session: Session, household_id: int, intent: Query, start: dt.date | None, end: dt.date, currency: str
) -> list[dict[str, Any]]:
    """Spending (or income) split by category, month or merchant, largest first (months in order)."""
    if intent.group_by is None or intent.account or intent.merchant:
        # The rollup split has no merchant or account filter: a breakdown of a filtered figure would not add up.
        return []
    if start is None:
        start = _first_day(session, household_id, currency, end)
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


def _first_day(session: Session, household_id: int, currency: str, end: dt.date) -> dt.date:
    """Where "all time" starts: the household's first transaction (a summary reads whole months from a start)."""
    spec = queries.QuerySpec(measure="net", start=None, end=end, currency=currency)
    first = queries.edge_transaction(session, household_id=household_id, spec=spec, oldest=True)
    return first.date if first else end


RANKING_ORDER_ASC = "asc"


def _ranking(session: Session, household_id: int, intent: Query, spec: queries.QuerySpec, where: str) -> Answer:
    """Top N merchants or categories: the spec's summary grouped by payee or category, largest first (smallest
    first when asked), each row keyed so that the spec with that payee or category gives its figure."""
    currency = spec.currency
    start = spec.start or _first_day(session, household_id, currency, spec.end)
    group_by: queries.GroupBy = "payee" if intent.group_by == "merchant" else "category"
    spec = spec.model_copy(update={"start": start, "group_by": group_by})
    result = queries.summary_of(session, household_id=household_id, spec=spec)
    income = spec.measure == "income"
    groups = [g for g in result.groups if (g.income_minor if income else g.expenses_minor) > 0]
    groups.sort(
        key=lambda g: ((g.income_minor if income else g.expenses_minor) * (1 if intent.order == "asc" else -1), g.key)
    )
    if intent.limit is not None:
        groups = groups[: intent.limit]
    rows = [
        {
            "key": g.key,
            "amount": minor_to_str(g.income_minor if income else g.expenses_minor, currency),
            "count": g.count,
        }
        for g in groups
    ]
    what = "merchants" if intent.group_by == "merchant" else "categories"
    end_word = "smallest" if intent.order == "asc" else "top"
    when = _label(start if intent.start else None, spec.end)
    if not rows:
        text = f"No {'income' if income else 'spending'}{where} {when}."
        return Answer(text, None, currency, spec, {"count": 0, "transactions": [], "breakdown": []})
    listed = "; ".join(f"{r['key']} {r['amount']}" for r in rows)
    text = f"Your {end_word} {len(rows)} {what}{where} {when}: {listed} {currency}."
    evidence = {"count": sum(g.count for g in groups), "transactions": [], "breakdown": rows}
    return Answer(text, str(rows[0]["amount"]), currency, spec, evidence)


def _comparison(session: Session, household_id: int, intent: Query, spec: queries.QuerySpec, where: str) -> Answer:
    """The figure over two periods, both said with the difference; the answer's spec is the first period's."""
    currency = spec.currency
    other_spec = spec.model_copy(update={"start": intent.compare_start, "end": intent.compare_end or spec.end})
    first = queries.figure(session, household_id=household_id, spec=spec)
    other = queries.figure(session, household_id=household_id, spec=other_spec, rows=0)
    if intent.metric == "savings_rate":
        rates = [percentage(f.income_minor - f.spending_minor, f.income_minor) for f in (first, other)]
        shown = [f"{r}%" if r is not None else "no income" for r in rates]
        text = (
            f"You saved {shown[0]} of your income {_label(spec.start, spec.end)}, against {shown[1]} "
            f"{_label(other_spec.start, other_spec.end)}."
        )
        value = str(rates[0]) if rates[0] is not None else None
        comparison = [
            {"key": _label(f.spec.start, f.spec.end), "amount": minor_to_str(f.total_minor, currency), "count": f.count}
            for f in (first, other)
        ]
        return Answer(text, value, "%", first.spec, _evidence(first) | {"comparison": comparison})
    a, b = first.total_minor, other.total_minor
    diff = a - b
    verb = "received" if spec.measure == "income" else "spent"
    other_when = _label(other_spec.start, other_spec.end).removeprefix("in ")  # "September 2026's 61.25"
    if diff == 0:
        relation = f"the same as {other_when}"
    else:
        relation = f"{minor_to_str(abs(diff), currency)} {'more' if diff > 0 else 'less'} than {other_when}'s"
        relation += f" {minor_to_str(b, currency)}"
    text = f"You {verb} {minor_to_str(a, currency)} {currency}{where} {_label(spec.start, spec.end)}, {relation}."
    comparison = [
        {"key": _label(f.spec.start, f.spec.end), "amount": minor_to_str(f.total_minor, currency), "count": f.count}
        for f in (first, other)
    ]
    evidence = _evidence(first) | {"comparison": comparison, "difference": minor_to_str(diff, currency)}
    return Answer(text, minor_to_str(diff, currency), currency, first.spec, evidence)


# What each kind of account a question may name is, among the ledger's account subtypes.
_KIND_SUBTYPES: dict[str, tuple[AccountSubtype, ...]] = {
    "cash": (AccountSubtype.cash,),
    "checking": (AccountSubtype.checking,),
    "savings": (AccountSubtype.savings,),
    "credit_card": (AccountSubtype.credit_card,),
    "investment": (AccountSubtype.brokerage,),
    "loan": (AccountSubtype.loan,),
}
_KIND_WORDS = {
    "cash": "cash accounts",
    "checking": "checking accounts",
    "savings": "savings accounts",
    "credit_card": "credit cards",
    "investment": "investments",
    "loan": "loans",
    "liabilities": "debts",
}


def _accounts_by_kind(session: Session, household_id: int, kind: str, at: dt.date, currency: str) -> Answer:
    """The sum of the balances of the household's accounts of one kind (in its currency), with each listed."""
    spec = queries.QuerySpec(metric="balance", measure="net", start=None, end=at, currency=currency)
    found = [
        row
        for row in queries.balances(session, household_id=household_id, at=at, include_archived=False)
        if (
            row.account.kind == AccountKind.liability
            if kind == "liabilities"
            else row.account.subtype in _KIND_SUBTYPES[kind]
        )
    ]
    same = [row for row in found if (row.account.currency or currency) == currency]
    total = sum(row.balance_minor for row in same)
    rows = [{"key": row.account.name, "amount": minor_to_str(row.balance_minor, currency), "count": 1} for row in same]
    evidence: dict[str, Any] = {"count": len(same), "accounts": [row.account.name for row in same], "breakdown": rows}
    word = _KIND_WORDS[kind]
    if not same:
        return Answer(f"You have no {word} in {currency}.", None, currency, spec, evidence)
    names = ", ".join(row.account.name for row in same)
    owed = kind in ("liabilities", "credit_card", "loan")
    if owed:
        text = f"You owe {minor_to_str(-total, currency)} {currency} in all on your {word} ({names}) as of {at.isoformat()}."
        value = minor_to_str(-total, currency)
    else:
        text = f"Your {word} hold {minor_to_str(total, currency)} {currency} in all ({names}) on {at.isoformat()}."
        value = minor_to_str(total, currency)
    others = len(found) - len(same)
    if others:
        text += f" {others} account{'s' if others > 1 else ''} in other currencies not counted."
    return Answer(text, value, currency, spec, evidence)


def _recurring(session: Session, household_id: int, intent: Query, spec: queries.QuerySpec, today: dt.date) -> Answer:
    """What is paid every month: payees paid once in each of the last three complete months, with last month's
    amount (each month's figure is the spec's summary by payee)."""
    currency = spec.currency
    this_month = month_start(today)
    months = [shift_months(this_month, -n) for n in range(RECURRING_MONTHS, 0, -1)]
    per_month: list[dict[str, queries.SummaryGroup]] = []
    last_spec = spec
    for first in months:
        last_spec = spec.model_copy(
            update={"start": first, "end": shift_months(first, 1) - dt.timedelta(days=1), "group_by": "payee"}
        )
        result = queries.summary_of(session, household_id=household_id, spec=last_spec)
        # A bill is paid once a month: a payee paid several times a month (groceries) is a habit, not a bill.
        per_month.append({g.key: g for g in result.groups if g.expenses_minor > 0 and g.count == 1})
    keys = set(per_month[0]).intersection(*per_month[1:])
    latest = sorted((per_month[-1][k] for k in keys), key=lambda g: (-g.expenses_minor, g.key))
    rows = [{"key": g.key, "amount": minor_to_str(g.expenses_minor, currency), "count": g.count} for g in latest]
    evidence = {"count": sum(g.count for g in latest), "transactions": [], "breakdown": rows}
    if not rows:
        text = f"Nothing was paid in each of the last {RECURRING_MONTHS} months."
        return Answer(text, None, currency, last_spec, evidence)
    total = sum(g.expenses_minor for g in latest)
    listed = "; ".join(f"{r['key']} {r['amount']}" for r in rows)
    text = (
        f"Paid in each of the last {RECURRING_MONTHS} months ({_label(last_spec.start, last_spec.end)}'s amounts): "
        f"{listed} {currency}, {minor_to_str(total, currency)} in all."
    )
    return Answer(text, minor_to_str(total, currency), currency, last_spec, evidence)


RECURRING_MONTHS = 3


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
    """What a question's figure counts: income, net (net, savings rate, income against spending, and counts and
    last/first, which cover both) or spending (all the others)."""
    if metric == "income":
        return "income"
    if metric in ("net", "savings_rate", "income_vs_spending", "count", "last_transaction", "first_transaction"):
        return "net"  # both sides: a count, or the last transaction, of income as well as of spending
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

    if intent.metric == "health":
        scored = health_answer(session, actor=actor, intent=intent, today=today, spec=spec)
        return Answer(scored.text, scored.value or None, currency, scored.spec, scored.evidence)
    if intent.metric == "anomalies":
        flagged = anomaly_answer(session, actor=actor, intent=intent, today=today, spec=spec)
        return Answer(flagged.text, flagged.value, currency, flagged.spec, flagged.evidence)
    if intent.metric == "balance" and intent.account_kind is not None:
        return _accounts_by_kind(session, household_id, intent.account_kind, intent.end or today, currency)
    if intent.metric == "recurring":
        return _recurring(session, household_id, intent, spec.model_copy(update={"measure": "spending"}), today)
    if intent.compare_start is not None and intent.metric not in (
        "balance",
        "net_worth",
        "budget_remaining",
        "forecast",
    ):
        return _comparison(session, household_id, intent, spec, where)
    if (
        intent.metric in ("spending", "income")
        and intent.group_by in ("merchant", "category")
        and (intent.limit is not None or intent.order is not None)
    ):
        return _ranking(session, household_id, intent, spec, where)
    if intent.metric == "income_vs_spending":
        both = queries.figure(session, household_id=household_id, spec=spec)
        earned, spent = both.income_minor, both.spending_minor
        gap = earned - spent
        relation = (
            f"you earned {money(gap)} more than you spent"
            if gap > 0
            else f"you spent {money(-gap)} more than you earned"
            if gap < 0
            else "you earned exactly what you spent"
        )
        text = f"Income {money(earned)} {currency}, spending {money(spent)} {currency} {when}: {relation}."
        evidence = _evidence(both) | {
            "comparison": [
                {"key": "income", "amount": money(earned), "count": 0},
                {"key": "spending", "amount": money(spent), "count": 0},
            ],
            "difference": money(gap),
        }
        return Answer(text, money(gap), currency, spec, evidence)
    if intent.metric in ("count", "last_transaction", "first_transaction") and (intent.category or intent.merchant):
        # Of a category or a merchant: counted in its own sense (a payment to the dentist is spending, a paycheck
        # income), so the rows show what was paid or received; with neither, both sides (net) are counted.
        as_spending = spec.model_copy(update={"measure": "spending"})
        has_spending = bool(queries.spec_categories(session, household_id=household_id, spec=as_spending))
        spec = as_spending if has_spending or intent.merchant else spec.model_copy(update={"measure": "income"})
    if intent.metric == "count":
        counted = queries.figure(session, household_id=household_id, spec=spec)
        n = counted.count
        text = f"{n} time{'' if n == 1 else 's'}{where} {when} ({_count(n)})."
        return Answer(text, str(n), "", spec, _evidence(counted))
    if intent.metric in ("last_transaction", "first_transaction"):
        oldest = intent.metric == "first_transaction"
        edge = queries.edge_transaction(session, household_id=household_id, spec=spec, oldest=oldest)
        if edge is None:
            return Answer(f"No transactions{where} {when}.", None, currency, spec, {"count": 0, "transactions": []})
        shown = _row(edge, currency)
        which = "first" if oldest else "last"
        text = f"The {which} one{where} {when} was {shown['payee']} on {shown['date']}: {shown['amount']} {currency}."
        return Answer(text, shown["date"], currency, spec, {"count": 1, "transactions": [shown]})

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

    if intent.metric == "forecast":
        ahead = forecast_answer(session, household_id=household_id, intent=intent, today=today, spec=spec, where=where)
        if ahead is not None:
            return Answer(ahead.text, ahead.value, spec.currency, ahead.spec, ahead.evidence)
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

    if intent.metric == "largest_expense" and intent.limit is not None and intent.limit > 1:
        many = queries.figure(session, household_id=household_id, spec=spec, rows=0, largest=intent.limit)
        tops = [_row(r, currency) for r in many.largest]
        if not tops:
            return Answer(f"No spending{where} {when}.", None, currency, spec, {"count": 0, "transactions": []})
        listed = "; ".join(f"{t['payee']} {t['date']} {t['amount']}" for t in tops)
        text = f"Your {len(tops)} largest expenses{where} {when}: {listed} {currency}."
        return Answer(text, tops[0]["amount"], currency, spec, {"count": many.count, "transactions": tops})
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
        assert start is not None  # an average's period is always named or defaulted to complete months
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
