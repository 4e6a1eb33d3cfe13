"""User rules as plain data: conditions on payee, description, amount and account; actions that set the category,
the payee and tags. Compiled once per import, then matched row by row.

Regex conditions run on RE2, whose matching time is linear in the text whatever the pattern: with Python's
backtracking engine, `(a+)+$` against a 28-character payee took seconds, inside an import that holds the
database's write lock. RE2 has no backreferences or lookaround; such patterns are refused when the rule is saved,
with a message that says what to write instead."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import re2

from kakeibo.core.errors import ValidationFailed

TEXT_FIELDS = ("payee", "description", "account")
OPS = ("contains", "equals", "regex", "starts_with")
# A condition tests one field of one row: a payee (at most 255 characters) or a description (500). 300 characters
# hold an alternation of twenty-odd merchant names, more than anyone writes by hand, and keep any pattern's RE2
# program small (RE2 refuses one whose compiled form outgrows its 8 MiB budget, e.g. a huge repetition count).
MAX_PATTERN = 300
# What Python's `re` has and RE2 lacks, told by how RE2's complaint (the text after its colon) begins.
_UNSUPPORTED: tuple[tuple[tuple[str, ...], str], ...] = (
    (("(?=", "(?!", "(?<=", "(?<!"), "lookahead and lookbehind ((?=...), (?!...), (?<=...), (?<!...))"),
    (("(?>",), "atomic groups ((?>...))"),
    (("(?#",), "comments ((?#...))"),
    (("++", "*+", "?+", "}+"), "possessive repeats (a++, a*+)"),
)
_BACKREFERENCES = "backreferences (\\1, (?P=name))"


def _options() -> re2.Options:
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False  # a refused pattern is the user's 422, not a line on the server's stderr
    return options


_RE2_OPTIONS = _options()


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
        pattern = compile_pattern(value, field=f"{where}.value")
        return lambda row: pattern.search(text_of(row)) is not None
    needle = value.strip().casefold()
    if op == "equals":
        return lambda row: text_of(row).strip().casefold() == needle
    if op == "starts_with":
        return lambda row: text_of(row).strip().casefold().startswith(needle)
    return lambda row: needle in text_of(row).casefold()


def compile_pattern(value: str, *, field: str) -> re2._Regexp:
    """A regex condition's pattern, case-insensitive, on RE2; a pattern RE2 cannot run is a validation error that
    names what to change."""
    try:
        return re2.compile(value, _RE2_OPTIONS)
    except re2.error as exc:
        raise ValidationFailed(_refusal(value, exc), field=field) from None


def _refusal(pattern: str, exc: re2.error) -> str:
    reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
    culprit = reason.partition(": ")[2]
    feature = next((name for markers, name in _UNSUPPORTED if culprit.startswith(markers)), None)
    # RE2 calls "\1" an invalid escape and "(?P=name)" an invalid "(?P" operator.
    if (culprit[:1] == "\\" and culprit[1:].isdigit()) or (culprit == "(?P" and "(?P=" in pattern):
        feature = _BACKREFERENCES
    if feature is not None:
        return f"{feature} are not supported: rules run on RE2, a linear-time regex engine ({reason})"
    if culprit == "\\Z":
        return "write \\z (or $) for the end of the text: RE2 has no \\Z"
    if "too large" in reason:
        return "the pattern is too large once compiled (a long repetition such as {1000} multiplies its size)"
    return f"not a regular expression rules can use: {reason}"


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
