"""Proposals: what the assistant would change, shown as a diff, carried out only on confirmation and only through
the ledger service (so every confirmed proposal is one undoable event group). Proposals expire; a transaction
changed since it was proposed is not overwritten."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kakeibo.assistant import repository
from kakeibo.assistant.intents import AddTransaction, AddTransactions, CaptureItem, Changes, SetBudget, UndoScope
from kakeibo.assistant.models import Proposal
from kakeibo.assistant.targets import rows
from kakeibo.core import clock
from kakeibo.core.actor import Actor
from kakeibo.core.errors import Conflict, NotFound, ValidationFailed
from kakeibo.core.money import minor_to_str, to_minor
from kakeibo.imports import repository as imports_repo
from kakeibo.ledger import repository as ledger_repo
from kakeibo.ledger import service as ledger
from kakeibo.ledger.errors import StaleVersion
from kakeibo.ledger.models import BALANCE_KINDS, Account, Event, Transaction, TransactionType
from kakeibo.ledger.schemas import PostingIn, TransactionCreate, TransactionUpdate
from kakeibo.planning import repository as planning_repo
from kakeibo.planning import service as budgets


class ProposalNotFound(NotFound):
    type = "/problems/proposal-not-found"
    title = "Proposal not found"


class ProposalClosed(Conflict):
    type = "/problems/proposal-closed"
    title = "Proposal no longer pending"


def _new(
    session: Session,
    *,
    actor: Actor,
    conversation_id: int | None,
    action: str,
    summary: str,
    payload: dict[str, Any],
    diff: list[dict[str, Any]],
    minutes: int,
    transaction_id: int | None = None,
) -> Proposal:
    proposal = Proposal(
        id=str(uuid.uuid4()),
        household_id=actor.household_id,
        user_id=actor.user_id,
        conversation_id=conversation_id,
        action=action,
        summary=summary,
        payload=payload,
        diff=diff,
        status="pending",
        transaction_id=transaction_id,
        expires_at=clock.now() + dt.timedelta(minutes=minutes),
    )
    session.add(proposal)
    session.flush()
    return proposal


def default_account(session: Session, *, household_id: int, name: str | None) -> Account:
    """The account a capture names, else the household's first checking account, else its first account."""
    if name:
        return ledger.find_money_account(session, household_id=household_id, name=name)
    accounts = [
        a for a in ledger_repo.list_accounts(session, household_id=household_id, kinds=BALANCE_KINDS) if not a.archived
    ]
    if not accounts:
        raise ValidationFailed("there is no account to record this in: add an account first")
    return next((a for a in accounts if a.subtype is not None and a.subtype.value == "checking"), accounts[0])


# How far back "where this payee is usually paid" looks: enough to outvote one odd payment, recent enough that a
# card the household switched to wins soon.
USUAL_HISTORY = 30


def account_for(session: Session, *, household_id: int, item: CaptureItem) -> tuple[Account, bool]:
    """(the account, whether it came from the payee's history): the account the capture names; else the one this
    payee was most often paid from lately; else the default account."""
    if item.account:
        return ledger.find_money_account(session, household_id=household_id, name=item.account), False
    default = default_account(session, household_id=household_id, name=None)
    if item.type == "transfer" or not item.description:
        return default, False
    usual = repository.usual_account_of_payee(
        session, household_id=household_id, payee=item.description, limit=USUAL_HISTORY
    )
    if usual is None or usual == default.id:
        return default, False
    account = ledger_repo.get_account(session, household_id=household_id, account_id=usual)
    return (account, True) if account is not None else (default, False)


class NeedsConversion(ValidationFailed):
    """A capture in another currency than its account's, and no rate to convert it yet: the person is asked for
    the amount in the account's currency (in words; the ledger's own refusal names an API field)."""

    def __init__(self, *, index: int, item: CaptureItem, currency: str) -> None:
        self.index, self.item, self.currency = index, item, currency
        super().__init__(f"How much was that in {currency}?")


# What a capture's conversion answers looked like: {item index (a string, as JSON keeps it): [amount, currency]}.
Conversions = Mapping[str, Sequence[str]]


@dataclass(frozen=True, slots=True)
class _Planned:
    """One capture item, validated into what the ledger will be asked to create, with what the person is shown."""

    item: CaptureItem
    data: TransactionCreate
    account: Account
    to_account: Account | None
    usual: bool
    amount: str  # in the item's currency, as the ledger will store it ("38.00")
    converted: str | None  # in the account's currency, when that differs


def _signed(amount: str, currency: str, sign: int) -> str:
    return minor_to_str(sign * to_minor(amount, currency), currency)


def _plan(
    cache: ledger.AccountCache,
    *,
    actor: Actor,
    index: int,
    item: CaptureItem,
    conversions: Conversions,
) -> _Planned:
    session, household_id = cache.session, actor.household_id
    account, usual = account_for(session, household_id=household_id, item=item)
    to_account = (
        ledger.find_money_account(session, household_id=household_id, name=item.to_account) if item.to_account else None
    )
    transfer = item.type == "transfer"
    converted: str | None = None
    if not transfer and account.currency is not None and item.currency != account.currency:
        said = conversions.get(str(index))
        if said is None or said[1] != account.currency:
            raise NeedsConversion(index=index, item=item, currency=account.currency)
        converted = minor_to_str(to_minor(said[0], account.currency), account.currency)
    payee = item.description or ""
    # A refund is money back into the account, credited to the purchase's (expense) category.
    sign = -1 if item.type == "expense" else 1
    if item.splits is not None or (item.type == "refund" and item.category is None):
        # The postings form: a split over categories, or a refund of nothing named, which goes back to the
        # expense side's Uncategorized (the friendly form would file it as uncategorized income).
        if converted is not None and item.splits is not None:
            raise ValidationFailed(
                f"a purchase split over categories must be in the account's currency ({account.currency}) for now"
            )
        lines = item.splits or []
        uncategorized = cache.category(None, income=False).id if not lines else None
        money_amount = converted or item.amount
        postings = [
            PostingIn(account=account.id, amount=_signed(money_amount, account.currency or item.currency, sign))
        ]
        if lines:
            postings += [
                PostingIn(account=line.category, amount=_signed(line.amount, item.currency, -sign)) for line in lines
            ]
        else:
            assert uncategorized is not None
            postings.append(
                PostingIn(
                    account=uncategorized,
                    amount=_signed(item.amount, item.currency, -sign),
                    currency=item.currency,
                    converted_amount=_signed(converted, account.currency or item.currency, -sign)
                    if converted is not None
                    else None,
                )
            )
        data = TransactionCreate(date=item.date, payee=payee, postings=postings)
    else:
        data = TransactionCreate(
            type="income" if item.type == "refund" else item.type,
            account=account.id,
            to_account=to_account.id if to_account else None,
            category=None if transfer else item.category,
            amount=item.amount,
            currency=item.currency,
            converted_amount=converted,
            date=item.date,
            payee=payee,
        )
    # Validate now, so a proposal that could not be carried out is never shown as if it could.
    ledger.build_transaction(cache, data, base_currency=actor.base_currency)
    amount = minor_to_str(to_minor(item.amount, item.currency), item.currency)
    return _Planned(item, data, account, to_account, usual, amount, converted)


def _where(planned: _Planned) -> str:
    """The account, and why when it came from the payee's history ("Amex, where Blue Bottle is usually paid")."""
    if planned.to_account is not None:
        return f"{planned.account.name} → {planned.to_account.name}"
    if not planned.usual:
        return planned.account.name
    how = "usually pays in" if planned.item.type == "income" else "is usually paid"
    return f"{planned.account.name}, where {planned.item.description} {how}"


def _money(planned: _Planned) -> str:
    shown = f"{planned.amount} {planned.item.currency}"
    if planned.converted is not None:
        shown += f" ({planned.converted} {planned.account.currency})"
    return shown


def _split_lines(item: CaptureItem) -> list[str]:
    return [f"{minor_to_str(to_minor(s.amount, item.currency), item.currency)} {s.category}" for s in item.splits or []]


def _filed_under(item: CaptureItem) -> str:
    if item.splits:
        return " + ".join(_split_lines(item))
    return item.category or "Uncategorized"


def _diff_of(planned: _Planned, prefix: str = "") -> list[dict[str, Any]]:
    item = planned.item
    diff = [
        {"field": f"{prefix}type", "before": None, "after": item.type},
        {"field": f"{prefix}date", "before": None, "after": item.date.isoformat()},
        {"field": f"{prefix}amount", "before": None, "after": f"{planned.amount} {item.currency}"},
        {"field": f"{prefix}account", "before": None, "after": _where(planned)},
    ]
    if planned.converted is not None:
        # What the account is charged, and what was paid in the other currency.
        diff[2] = {
            "field": f"{prefix}amount",
            "before": None,
            "after": f"{planned.converted} {planned.account.currency}",
        }
        diff.insert(3, {"field": f"{prefix}paid", "before": None, "after": f"{planned.amount} {item.currency}"})
    if planned.to_account:
        diff.append({"field": f"{prefix}to_account", "before": None, "after": planned.to_account.name})
    elif item.splits:
        # One row per part, each with a field of its own (a client keys its rows by field).
        lines = _split_lines(item)
        diff += [{"field": f"{prefix}split {n}", "before": None, "after": line} for n, line in enumerate(lines, 1)]
    else:
        diff.append({"field": f"{prefix}category", "before": None, "after": item.category or "Uncategorized"})
    if item.description:
        diff.append({"field": f"{prefix}payee", "before": None, "after": item.description})
    return diff


def _summary_of_one(planned: _Planned) -> str:
    item = planned.item
    transfer = item.type == "transfer"
    article = "an" if item.type in ("expense", "income") else "a"
    summary = f"Record {article} {item.type} of {_money(planned)} on {item.date} ({_where(planned)})"
    if item.splits:
        summary += f", {item.description}" if item.description else ""
        return summary + f", split {_filed_under(item)}"
    summary += f", {item.category}" if item.category and not transfer else ""
    summary += f", {item.description}" if item.description else ""
    return summary


_PLURAL = {"expense": "expenses", "income": "income payments", "refund": "refunds", "transfer": "transfers"}


def _summary_of_many(planned: Sequence[_Planned]) -> str:
    """ "Record 2 expenses: 38.00 USD Trader Joe's (Food & Dining/Groceries), 12.00 USD pharmacy (Health/Pharmacy);
    on 2026-11-23 (Checking)": the date and account once when every item shares them, else with each item."""
    types = {p.item.type for p in planned}
    noun = _PLURAL[next(iter(types))] if len(types) == 1 else "transactions"
    shared = len({(p.item.date, p.account.id) for p in planned}) == 1 and not any(p.usual for p in planned)
    parts = []
    for p in planned:
        said = "" if len(types) == 1 else f"{p.item.type} "
        if p.item.type == "transfer":
            said += f"{_money(p)} {p.account.name} → {p.to_account.name if p.to_account else ''}"
            parts.append(said if shared else f"{said} ({p.item.date})")
            continue
        said += f"{_money(p)} {p.item.description or 'no payee'} ({_filed_under(p.item)}"
        parts.append(said + (")" if shared else f"; {p.item.date}, {_where(p)})"))
    summary = f"Record {len(planned)} {noun}: " + ", ".join(parts)
    if shared:
        summary += f"; on {planned[0].item.date} ({planned[0].account.name})"
    return summary


def propose_create(
    session: Session,
    *,
    actor: Actor,
    conversation_id: int | None,
    intent: AddTransaction | AddTransactions,
    minutes: int,
    conversions: Conversions | None = None,
) -> Proposal:
    """One proposal for a capture, or for several said together (one yes records them all as one undoable group).
    Every item is validated first; an item in another currency than its account's raises NeedsConversion until
    `conversions` gives its amount in the account's currency."""
    cache = ledger.AccountCache(session, actor.household_id)
    items: list[CaptureItem] = intent.items if isinstance(intent, AddTransactions) else [intent]
    planned = [
        _plan(cache, actor=actor, index=index, item=item, conversions=conversions or {})
        for index, item in enumerate(items)
    ]
    if isinstance(intent, AddTransaction):
        (one,) = planned
        summary, diff = _summary_of_one(one), _diff_of(one)
        payload: dict[str, Any] = {"data": one.data.model_dump(mode="json", exclude_none=True)}
    else:
        summary = _summary_of_many(planned)
        diff = [line for n, p in enumerate(planned, start=1) for line in _diff_of(p, prefix=f"{n}. ")]
        payload = {"items": [p.data.model_dump(mode="json", exclude_none=True) for p in planned]}
    return _new(
        session,
        actor=actor,
        conversation_id=conversation_id,
        action="create",
        summary=summary,
        payload=payload,
        diff=diff,
        minutes=minutes,
    )


def propose_update(
    session: Session,
    *,
    actor: Actor,
    conversation_id: int | None,
    transaction: Transaction,
    changes: Changes,
    minutes: int,
) -> Proposal:
    (current,) = rows(session, household_id=actor.household_id, transactions=[transaction])
    patch: dict[str, Any] = {}
    diff: list[dict[str, Any]] = []
    if transaction.type == TransactionType.split_ and (changes.amount is not None or changes.category is not None):
        patch, diff = _split_part_changed(session, household_id=actor.household_id, transaction=transaction,
                                          changes=changes)  # fmt: skip
        changes = changes.model_copy(update={"amount": None, "category": None})
    if changes.amount is not None:
        patch["amount"] = changes.amount
        shown = minor_to_str(to_minor(changes.amount, current["currency"]), current["currency"])
        diff.append({"field": "amount", "before": current["amount"], "after": shown})
    if changes.category is not None:
        patch["category"] = changes.category
        diff.append({"field": "category", "before": current["category"], "after": changes.category})
    if changes.date is not None:
        patch["date"] = changes.date.isoformat()
        diff.append({"field": "date", "before": current["date"], "after": changes.date.isoformat()})
    if changes.description is not None:
        patch["payee"] = changes.description
        diff.append({"field": "payee", "before": current["payee"], "after": changes.description})
    if changes.account is not None:
        account = ledger.find_money_account(session, household_id=actor.household_id, name=changes.account)
        patch["account"] = account.id
        diff.append({"field": "account", "before": current["account"], "after": account.name})
    if not patch:
        raise ValidationFailed("say what to change: the amount, category, date, payee or account")
    # Validate against the ledger's rules before showing it (a split cannot take a friendly amount, etc.).
    ledger.check_update(session, actor=actor, transaction=transaction, data=TransactionUpdate.model_validate(patch))
    changed = ", ".join(f"{d['field']} {d['before']} → {d['after']}" for d in diff)
    summary = f"Change {current['payee'] or 'transaction'} of {current['date']} ({current['amount']}): {changed}"
    return _new(
        session,
        actor=actor,
        conversation_id=conversation_id,
        action="update",
        summary=summary,
        payload={"transaction_id": transaction.id, "version": transaction.version, "patch": patch},
        diff=diff,
        minutes=minutes,
        transaction_id=transaction.id,
    )


class SplitPartUnclear(ValidationFailed):
    """A change of a recorded split purchase that does not say which part: a question back, not a failure."""


def _split_part_changed(
    session: Session, *, household_id: int, transaction: Transaction, changes: Changes
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A recorded split purchase whose part is named with its new amount ("groceries were 70"): that part changes
    and the total follows it (a patch of postings). A new total, or a category alone, would leave the parts not
    adding up or is ambiguous: it is asked about in words (never with the ledger's "change it with postings")."""
    postings = [p for p in ledger_repo.postings_of(session, [transaction.id])[transaction.id] if not p.deleted]
    accounts = ledger_repo.accounts_by_id(session, household_id=household_id, ids=[p.account_id for p in postings])
    money = [p for p in postings if accounts[p.account_id].kind in BALANCE_KINDS]
    parts = [p for p in postings if accounts[p.account_id].kind not in BALANCE_KINDS]
    settlement = transaction.settlement_currency
    shown = " + ".join(f"{minor_to_str(abs(p.amount_minor), p.currency)} {accounts[p.account_id].path}" for p in parts)
    named = [
        p
        for p in parts
        if changes.category is not None and accounts[p.account_id].path.casefold() == changes.category.casefold()
    ]
    simple = len(money) == 1 and all(p.currency == settlement for p in postings)
    if changes.amount is None or len(named) != 1 or not simple:
        raise SplitPartUnclear(
            f"That purchase is split ({shown}): say which part changes and its amount, "
            f"such as “{accounts[parts[0].account_id].name.lower()} was 20”."
        )
    (part,) = named
    sign = 1 if part.amount_minor > 0 else -1
    new_minor = sign * to_minor(changes.amount, settlement)
    legs = {p.id: (new_minor if p.id == part.id else p.amount_minor) for p in parts}
    total = sum(legs.values())
    entries = [
        {"account": p.account_id, "amount": minor_to_str(legs.get(p.id, -total), settlement),
         "memo": p.memo}
        for p in postings
    ]  # fmt: skip
    path = accounts[part.account_id].path
    diff = [
        {
            "field": "split",
            "before": f"{minor_to_str(abs(part.amount_minor), settlement)} {path}",
            "after": f"{minor_to_str(abs(new_minor), settlement)} {path}",
        },
        {
            "field": "amount",
            "before": minor_to_str(money[0].amount_minor, settlement),
            "after": minor_to_str(-total, settlement),
        },
    ]
    return {"postings": entries}, diff


def propose_delete(
    session: Session, *, actor: Actor, conversation_id: int | None, transaction: Transaction, minutes: int
) -> Proposal:
    (current,) = rows(session, household_id=actor.household_id, transactions=[transaction])
    summary = (
        f"Delete {current['payee'] or 'the transaction'} of {current['date']}: {current['amount']} "
        f"{current['currency']} ({current['category'] or current['account']})"
    )
    diff = [{"field": key, "before": current[key], "after": None} for key in ("date", "payee", "amount", "category")]
    return _new(
        session,
        actor=actor,
        conversation_id=conversation_id,
        action="delete",
        summary=summary,
        payload={"transaction_id": transaction.id, "version": transaction.version},
        diff=diff,
        minutes=minutes,
        transaction_id=transaction.id,
    )


def _budget_now(session: Session, *, household_id: int, month: dt.date, category_id: int) -> int | None:
    row = planning_repo.get_budget(session, household_id=household_id, month=month, category_id=category_id)
    return row.amount_minor if row is not None else None


def propose_budget(
    session: Session, *, actor: Actor, conversation_id: int | None, intent: SetBudget, minutes: int
) -> Proposal:
    """A month's budget for a category or group, as the planning service will set it: refused now (an unknown,
    income or transfer category, a group and its categories both budgeted, less than zero) rather than on yes."""
    line = budgets.budget_line(session, actor=actor, ref=intent.category)
    code = actor.base_currency
    month = intent.month
    current = _budget_now(session, household_id=actor.household_id, month=month, category_id=line.id)
    said = budgets.amount_minor(intent.amount, currency=code)
    if intent.change == "increase":
        minor = (current or 0) + said
    elif intent.change == "decrease":
        minor = (current or 0) - said
        if minor < 0:
            shown = minor_to_str(current or 0, code)
            raise ValidationFailed(
                f"the {line.path} budget is {shown} {code}; it cannot go down by more than that", field="amount"
            )
    else:
        minor = said
    amount = minor_to_str(minor, code)
    # What the service would refuse on yes (a group and its own categories both budgeted) is refused now: the
    # write is tried and rolled back.
    trial = session.begin_nested()
    try:
        budgets.set_budget(session, actor=actor, category=line.id, amount=amount, month=month)
    finally:
        trial.rollback()
    label = month.strftime("%B %Y")
    before = minor_to_str(current, code) if current is not None else None
    now = f"now {before}" if before is not None else "none yet"
    summary = f"Set the {label} budget of {line.path} to {amount} {code} ({now})"
    return _new(
        session,
        actor=actor,
        conversation_id=conversation_id,
        action="budget",
        summary=summary,
        payload={
            "category_id": line.id,
            "category": line.path,
            "month": month.isoformat(),
            "amount": amount,
            "before_minor": current,
        },
        diff=[{"field": f"budget {line.path} {budgets.month_label(month)}", "before": before, "after": amount}],
        minutes=minutes,
    )


def _confirm_budget(session: Session, *, actor: Actor, payload: Mapping[str, Any]) -> None:
    month, category_id = dt.date.fromisoformat(str(payload["month"])), int(payload["category_id"])
    if (
        _budget_now(session, household_id=actor.household_id, month=month, category_id=category_id)
        != payload["before_minor"]
    ):
        raise ProposalClosed("that budget changed since this was proposed; ask again")
    budgets.set_budget(session, actor=actor, category=category_id, amount=str(payload["amount"]), month=month)


def _transactions_in(events: list[Event]) -> int:
    """How many transactions a group's events touch: a batch event names its transactions, others are one each."""
    touched = 0
    for event in events:
        if event.entity != "transaction":
            continue
        image = event.after if event.after is not None and "ids" in event.after else event.before
        touched += len(image["ids"]) if image is not None and "ids" in image else 1
    return touched


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def own_undoable_group(session: Session, *, household_id: int, conversation_id: int) -> str | None:
    """The event group of the newest change this conversation made (a confirmed capture, change or delete) that
    is not undone yet; undos themselves are not offered again (that would be a redo nobody asked for)."""
    groups = repository.confirmed_groups_of_conversation(
        session, household_id=household_id, conversation_id=conversation_id
    )
    live = ledger_repo.live_groups(session, household_id=household_id, group_ids=groups)
    return next((group for group in groups if group in live), None)


def _undo_target(
    session: Session, *, household_id: int, what: UndoScope | None, conversation_id: int | None
) -> tuple[str, str] | None:
    """(event group, what undoing it reverses, in words) for a bare undo (this conversation's own last change) or
    a named one; None when there is nothing of that kind to undo."""
    if what is None:
        if conversation_id is None:
            return None
        group = own_undoable_group(session, household_id=household_id, conversation_id=conversation_id)
        if group is None:
            return None
        summaries = [e.summary for e in ledger_repo.events_of_group(session, household_id=household_id, group_id=group)]
        shown = "; ".join(summaries[:3]) + (f" and {len(summaries) - 3} more" if len(summaries) > 3 else "")
        return group, f"Undo: {shown}"
    if what == "import":
        batches = imports_repo.list_batches(session, household_id=household_id, limit=50)
        live = ledger_repo.live_groups(session, household_id=household_id, group_ids=[b.group_id for b in batches])
        batch = next((b for b in batches if b.group_id in live), None)
        if batch is None:
            return None
        events = ledger_repo.events_of_group(session, household_id=household_id, group_id=batch.group_id)
        name = batch.filename or f"import #{batch.id}"
        return batch.group_id, f"Undo the import of {name}: {_plural(_transactions_in(events), 'transaction')}"
    if what == "recategorization":
        group = ledger_repo.latest_bulk_update_group(session, household_id=household_id)
        if group is None:
            return None
        events = ledger_repo.events_of_group(session, household_id=household_id, group_id=group)
        return group, f"Undo the recategorization of {_plural(_transactions_in(events), 'transaction')}"
    group = ledger_repo.latest_undoable_group(session, household_id=household_id)
    if group is None:
        return None
    events = ledger_repo.events_of_group(session, household_id=household_id, group_id=group)
    summaries = [e.summary for e in events]
    shown = "; ".join(summaries[:3]) + (f" and {len(summaries) - 3} more" if len(summaries) > 3 else "")
    return group, f"Undo the household's last change ({_plural(_transactions_in(events), 'transaction')}): {shown}"


def propose_undo(
    session: Session,
    *,
    actor: Actor,
    conversation_id: int | None,
    minutes: int,
    what: UndoScope | None = None,
) -> Proposal | None:
    """An undo as a proposal that says what and how much it reverses; None when there is nothing to undo. A bare
    undo (`what` None) reaches only what this conversation did; anything made elsewhere must be named."""
    found = _undo_target(session, household_id=actor.household_id, what=what, conversation_id=conversation_id)
    if found is None:
        return None
    group, summary = found
    events = ledger_repo.events_of_group(session, household_id=actor.household_id, group_id=group)
    return _new(
        session,
        actor=actor,
        conversation_id=conversation_id,
        action="undo",
        summary=summary,
        payload={"group_id": group, "what": what},
        diff=[{"field": "change", "before": e.summary, "after": None} for e in events[:20]],
        minutes=minutes,
    )


def last_recorded_transactions(session: Session, *, household_id: int, conversation_id: int) -> list[Transaction]:
    """The transactions this conversation recorded or changed last, those still live: what a correction after the
    confirmation ("actually that was 45") amends. One, or several when the last capture had several items (then
    the correction must say which)."""
    for ids in repository.recorded_by_conversation(session, household_id=household_id, conversation_id=conversation_id):
        found = [
            t
            for t in (ledger_repo.get_transaction(session, household_id=household_id, transaction_id=i) for i in ids)
            if t is not None
        ]
        if found:
            return found
    return []


def get(session: Session, *, household_id: int, proposal_id: str) -> Proposal:
    proposal = session.get(Proposal, proposal_id)
    if proposal is None or proposal.household_id != household_id:
        raise ProposalNotFound(f"no proposal {proposal_id} in this household")
    return proposal


def status_of(proposal: Proposal) -> str:
    """Its status now: a pending proposal past its expiry is expired (derived, never written)."""
    if proposal.status == "pending" and proposal.expires_at <= clock.now():
        return "expired"
    return proposal.status


def _decide(session: Session, *, household_id: int, proposal_id: str, status: str) -> Proposal:
    """The pending proposal, now marked `status` (in this transaction: a failure below rolls the mark back)."""
    proposal = get(session, household_id=household_id, proposal_id=proposal_id)
    if not repository.decide_proposal(
        session, household_id=household_id, proposal_id=proposal_id, status=status, at=clock.now()
    ):
        session.refresh(proposal)
        raise ProposalClosed(f"this proposal is {status_of(proposal)}; ask again to make a new one")
    return proposal


def confirm(session: Session, *, actor: Actor, proposal_id: str) -> Proposal:
    """Carry the proposal out through the ledger service, as one event group of its own."""
    proposal = _decide(session, household_id=actor.household_id, proposal_id=proposal_id, status="confirmed")
    payload = proposal.payload
    if proposal.action == "create" and "items" in payload:
        # Several captures said together: created with one actor, so they share its event group (one undo).
        ids = [
            ledger.create_transaction(session, actor=actor, data=TransactionCreate.model_validate(item)).id
            for item in payload["items"]
        ]
        proposal.payload = {**payload, "transaction_ids": ids}
        proposal.transaction_id, proposal.event_group = ids[0], actor.group_id
    elif proposal.action == "create":
        data = TransactionCreate.model_validate(payload["data"])
        created = ledger.create_transaction(session, actor=actor, data=data)
        proposal.transaction_id, proposal.event_group = created.id, actor.group_id
    elif proposal.action == "update":
        patch = TransactionUpdate.model_validate({**payload["patch"], "version": payload["version"]})
        try:
            ledger.update_transaction(
                session,
                actor=actor,
                transaction_id=int(payload["transaction_id"]),
                data=patch,
            )
        except StaleVersion:
            raise ProposalClosed("the transaction changed since this was proposed; ask again") from None
        proposal.event_group = actor.group_id
    elif proposal.action == "delete":
        transaction = ledger.get_transaction(
            session, household_id=actor.household_id, transaction_id=int(payload["transaction_id"])
        )
        if transaction.version != payload["version"]:
            raise ProposalClosed("the transaction changed since this was proposed; ask again")
        ledger.delete_transaction(session, actor=actor, transaction_id=transaction.id)
        proposal.event_group = actor.group_id
    elif proposal.action == "budget":
        _confirm_budget(session, actor=actor, payload=payload)
        proposal.event_group = actor.group_id
    else:
        result = ledger.undo(session, actor=actor, group_id=str(payload["group_id"]))
        proposal.event_group = result.undo_group_id
    session.flush()
    return proposal


def cancel(session: Session, *, household_id: int, proposal_id: str) -> Proposal:
    proposal = _decide(session, household_id=household_id, proposal_id=proposal_id, status="cancelled")
    session.flush()
    return proposal


_DONE = {
    "create": ("Record", "Recorded"),
    "update": ("Change", "Changed"),
    "delete": ("Delete", "Deleted"),
    "budget": ("Set", "Set"),
}


def done_text(proposal: Proposal) -> str:
    """The proposal's summary as what was done: "Record an expense…" → "Recorded an expense…"."""
    if proposal.action == "undo":
        if proposal.summary.startswith("Undo: "):
            return "Undone: " + proposal.summary.removeprefix("Undo: ")
        return "Undid" + proposal.summary.removeprefix("Undo")
    verb, past = _DONE[proposal.action]
    return past + proposal.summary.removeprefix(verb)


def as_dict(proposal: Proposal) -> dict[str, Any]:
    return {
        "id": proposal.id,
        "action": proposal.action,
        "summary": proposal.summary,
        "diff": proposal.diff,
        "status": status_of(proposal),
        "expires_at": proposal.expires_at.isoformat(),
        "transaction_id": proposal.transaction_id,
        "event_group": proposal.event_group,
    }
