"""User rules as plain data: conditions on payee, description, amount and account; actions that set the category,
the payee and tags. Compiled once per import, then matched row by row."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from kakeibo.core.errors import ValidationFailed

TEXT_FIELDS = ("payee", "description", "account")
OPS = ("contains", "equals", "regex", "starts_with")
MAX_PATTERN = 300


@dataclass(frozen=True, slots=True)
class RuleInput:
    """What a rule sees of a row."""

    payee: str
    description: str
    amount_minor: int  # signed, money out negative
    account: str


@dataclass(frozen=True, slots=True)
class RuleAction:
    rule_id: int
    rule_name: str
    category_id: int | None
    payee: str | None
    tags: tuple[str, ...] = ()


@dataclass(slots=True)
class CompiledRule:
    id: int
    name: str
    action: RuleAction
    tests: list[Callable[[RuleInput], bool]] = field(default_factory=list)

    def matches(self, row: RuleInput) -> bool:
        return all(test(row) for test in self.tests)


def _minor(value: Any, field_name: str) -> int:
    try:
        amount = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValidationFailed(f"{value!r} is not an amount", field=field_name) from exc
    if not amount.is_finite():
        raise ValidationFailed(f"{value!r} is not an amount", field=field_name)
    return int((amount * 100).to_integral_value())


def compile_condition(condition: dict[str, Any], index: int) -> Callable[[RuleInput], bool]:
    """One condition as a predicate; a malformed one is a validation error naming it."""
    where = f"conditions.{index}"
    name, op, value = condition.get("field"), condition.get("op", "contains"), condition.get("value")
    if name == "amount":
        # Amount conditions compare the absolute amount in major units ("between 10 and 20" dollars).
        if op == "between":
            if not isinstance(value, list | tuple) or len(value) != 2:
                raise ValidationFailed("between takes [low, high]", field=f"{where}.value")
            low, high = _minor(value[0], f"{where}.value"), _minor(value[1], f"{where}.value")
            return lambda row: low <= abs(row.amount_minor) <= high
        if op == "equals":
            exact = _minor(value, f"{where}.value")
            return lambda row: abs(row.amount_minor) == exact
        if op in ("less_than", "greater_than"):
            bound = _minor(value, f"{where}.value")
            if op == "less_than":
                return lambda row: abs(row.amount_minor) < bound
            return lambda row: abs(row.amount_minor) > bound
        raise ValidationFailed(
            f"amount conditions use between, equals, less_than or greater_than, not {op!r}", field=f"{where}.op"
        )
    if name == "direction":
        if value not in ("in", "out"):
            raise ValidationFailed('direction is "in" or "out"', field=f"{where}.value")
        return (lambda row: row.amount_minor > 0) if value == "in" else (lambda row: row.amount_minor < 0)
    if name not in TEXT_FIELDS:
        raise ValidationFailed(
            f"a condition's field is payee, description, account, amount or direction, not {name!r}",
            field=f"{where}.field",
        )
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_PATTERN:
        raise ValidationFailed(
            f"a {name} condition needs a text of 1 to {MAX_PATTERN} characters", field=f"{where}.value"
        )
    if op not in OPS:
        raise ValidationFailed(f"a text condition's op is one of {', '.join(OPS)}, not {op!r}", field=f"{where}.op")

    def text_of(row: RuleInput) -> str:
        return str(getattr(row, name))

    if op == "regex":
        try:
            pattern = re.compile(value, re.IGNORECASE)
        except re.error as exc:
            raise ValidationFailed(f"not a regular expression: {exc}", field=f"{where}.value") from exc
        return lambda row: pattern.search(text_of(row)) is not None
    needle = value.strip().casefold()
    if op == "equals":
        return lambda row: text_of(row).strip().casefold() == needle
    if op == "starts_with":
        return lambda row: text_of(row).strip().casefold().startswith(needle)
    return lambda row: needle in text_of(row).casefold()


def compile_rule(
    *, rule_id: int, name: str, conditions: Sequence[dict[str, Any]], actions: dict[str, Any]
) -> CompiledRule:
    if not conditions:
        raise ValidationFailed("a rule needs at least one condition", field="conditions")
    tests = [compile_condition(c, i) for i, c in enumerate(conditions)]
    category_id = actions.get("category_id")
    payee = actions.get("payee")
    tags = tuple(str(t) for t in actions.get("tags") or ())
    if category_id is None and not payee and not tags:
        raise ValidationFailed("a rule needs an action: category, payee or tags", field="actions")
    action = RuleAction(rule_id=rule_id, rule_name=name, category_id=category_id, payee=payee or None, tags=tags)
    return CompiledRule(id=rule_id, name=name, action=action, tests=tests)


def first_match(rules: Sequence[CompiledRule], row: RuleInput) -> RuleAction | None:
    for rule in rules:
        if rule.matches(row):
            return rule.action
    return None
