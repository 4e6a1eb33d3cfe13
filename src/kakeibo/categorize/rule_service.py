"""The rule use cases beside the pure rules engine (`rules.py`): create, change, delete, list and apply a
household's rules."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kakeibo.categorize import repository as repo
from kakeibo.categorize.engine import Categorizer, RowToCategorize
from kakeibo.categorize.errors import RuleNotFound
from kakeibo.categorize.models import Rule
from kakeibo.categorize.rules import compile_rule
from kakeibo.categorize.schemas import RuleCreate, RuleUpdate
from kakeibo.core.actor import Actor
from kakeibo.ledger import service as ledger
from kakeibo.ledger.models import CategorySource
from kakeibo.ledger.schemas import TransactionUpdate


def _rule_actions(session: Session, *, household_id: int, actions: dict[str, Any]) -> dict[str, Any]:
    category = actions.get("category")
    category_id = None
    if category is not None:
        category_id = ledger.resolve_category(
            session, household_id=household_id, ref=category, field="actions.category"
        ).id
    return {"category_id": category_id, "payee": actions.get("payee"), "tags": list(actions.get("tags") or [])}


def create_rule(session: Session, *, actor: Actor, data: RuleCreate) -> Rule:
    conditions = [c.model_dump() for c in data.conditions]
    actions = _rule_actions(session, household_id=actor.household_id, actions=data.actions.model_dump())
    compile_rule(rule_id=0, name=data.name, conditions=conditions, actions=actions)  # refuses a malformed rule
    return repo.add_rule(
        session,
        household_id=actor.household_id,
        user_id=actor.user_id,
        name=data.name.strip(),
        conditions=conditions,
        actions=actions,
        priority=data.priority,
        status="active",
    )


def get_rule(session: Session, *, household_id: int, rule_id: int) -> Rule:
    rule = repo.get_rule(session, household_id=household_id, rule_id=rule_id)
    if rule is None:
        raise RuleNotFound(f"no rule {rule_id} in this household", field="rule_id")
    return rule


def list_rules(session: Session, *, household_id: int) -> list[Rule]:
    return repo.list_rules(session, household_id=household_id)


def update_rule(session: Session, *, actor: Actor, rule_id: int, data: RuleUpdate) -> Rule:
    rule = get_rule(session, household_id=actor.household_id, rule_id=rule_id)
    conditions = [c.model_dump() for c in data.conditions] if data.conditions is not None else rule.conditions
    actions = (
        _rule_actions(session, household_id=actor.household_id, actions=data.actions.model_dump())
        if data.actions is not None
        else rule.actions
    )
    name = data.name.strip() if data.name else rule.name
    compile_rule(rule_id=rule.id, name=name, conditions=conditions, actions=actions)
    rule.name, rule.conditions, rule.actions = name, conditions, actions
    if data.priority is not None:
        rule.priority = data.priority
    if data.status is not None:
        rule.status = data.status
    session.flush()
    return rule


def delete_rule(session: Session, *, actor: Actor, rule_id: int) -> None:
    rule = get_rule(session, household_id=actor.household_id, rule_id=rule_id)
    rule.deleted = True
    session.flush()


def record_rule_hits(session: Session, *, household_id: int, hits: dict[int, int]) -> None:
    repo.add_rule_hits(session, household_id=household_id, hits=hits)


def apply_rules(session: Session, *, actor: Actor, limit: int = 50_000) -> list[int]:
    """Run the active rules over the household's transactions whose category nobody set by hand; returns the ids
    whose category changed (one event group: one undo reverts the run)."""
    categorizer = Categorizer.load(session, actor=actor)
    if not categorizer.rules:
        return []
    rows = repo.unlocked_transactions(session, household_id=actor.household_id, limit=limit)
    changed: list[int] = []
    sides = repo.sides_of(session, household_id=actor.household_id, transactions=rows)
    for transaction in rows:
        decision = categorizer.by_rule(RowToCategorize(sides[transaction.id].text))
        if decision is None or decision.category_id is None:
            continue
        if sides[transaction.id].category_id == decision.category_id:
            continue
        ledger.update_transaction(
            session,
            actor=actor,
            transaction_id=transaction.id,
            data=TransactionUpdate(category=decision.category_id),
            guess=ledger.CategoryGuess(CategorySource.rule, 1.0, decision.reason),
        )
        changed.append(transaction.id)
    record_rule_hits(session, household_id=actor.household_id, hits=categorizer.rule_hits)
    session.flush()
    return changed
