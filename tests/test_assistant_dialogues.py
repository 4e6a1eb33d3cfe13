"""The assistant's dialogue scenarios (tests/data/assistant_dialogues.yaml) that pass keep passing: each is said turn
by turn over real HTTP in a household of its own (tests/dialogues.py). A scenario not in PASSING that now passes
is reported as a warning, not failed: add it to the list."""

from __future__ import annotations

import copy
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from tests.dialogues import Dialogues, ScenarioResult, load, plan, runner

DOCUMENT = load()
SCENARIOS = {scenario["name"]: scenario for scenario in DOCUMENT["scenarios"]}

# The scenarios that pass: a regression in any of them fails its test.
PASSING = (
    "make it 25 amends the pending proposal",
    "no, 25 amends the pending proposal",
    "wrong card before confirming",
    "that was yesterday before confirming",
    "two corrections in a row still make one transaction",
    "change that to twenty after confirming",
    "wrong card after confirming",
    "that was yesterday after confirming",
    "no, 15 after confirming",
    "undo in a conversation that did nothing",
    "undo after a confirmed capture removes only that capture",
    "undo after an import made elsewhere does not touch the import",
    "undo after own capture and a later import elsewhere removes the capture only",
    "undo after a bulk recategorization elsewhere does nothing",
    "undo the last import names the file and count",
    "undo the last import declined",
    "undo the last import with no import",
    "undo the bulk recategorize names the count",
    "undo the last change in the household",
    "the same month last year",
    "the week before",
    "so far this year",
    "and q3 keeps the metric",
    "what about the amex keeps the period",
    "accounts by kind follow-up",
    "a capture without an amount asks, then the answer completes it",
    "a sub-cent amount asks again instead of failing",
    "two undos go newest first",
    "foreign currency with no known rate asks for the amount in USD",
    "several items become several proposals confirmed together",
    "a split is one transaction",
)


@pytest.fixture(scope="module")
def dialogues() -> Iterator[Dialogues]:
    with runner(DOCUMENT) as run:
        yield run


def _explained(result: ScenarioResult) -> str:
    lines = [f"{result.name}: {result.turns_passed}/{result.total_turns} turns"]
    lines += [f"setup not built: {clause}" for clause in result.unbuilt]
    lines += [result.error] if result.error else []
    for number, turn in enumerate(result.turns, start=1):
        if turn.problems:
            lines.append(f"turn {number} {turn.say!r}: {'; '.join(turn.problems)} (the reply: {turn.actual['text']!r})")
    return "\n".join(lines)


def test_every_listed_scenario_is_in_the_set_and_every_setup_is_built() -> None:
    assert set(PASSING) <= set(SCENARIOS), set(PASSING) - set(SCENARIOS)
    unbuilt = {name: plan(str(s.get("setup") or ""))[1] for name, s in SCENARIOS.items()}
    assert {name: clauses for name, clauses in unbuilt.items() if clauses} == {}


@pytest.mark.parametrize("name", PASSING)
def test_a_passing_scenario_keeps_passing(dialogues: Dialogues, name: str) -> None:
    result = dialogues.run(SCENARIOS[name])
    assert result.passed, _explained(result)


def test_a_scenario_that_newly_passes_is_reported(dialogues: Dialogues) -> None:
    others = [dialogues.run(scenario) for name, scenario in SCENARIOS.items() if name not in PASSING]
    for result in others:
        assert result.error is None, _explained(result)  # failing is expected; a setup that breaks is not
    newly = [result.name for result in others if result.passed]
    if newly:
        warnings.warn(f"dialogue scenarios now pass (add them to PASSING): {newly}", stacklevel=1)


def _changed(name: str, turn: int, **expect: Any) -> dict[str, Any]:
    scenario: dict[str, Any] = copy.deepcopy(SCENARIOS[name])
    scenario["turns"][turn]["expect"].update(expect)
    return scenario


def test_a_reply_that_does_not_show_what_is_expected_fails_its_turn(dialogues: Dialogues) -> None:
    # The same scenario with one expectation the assistant does not meet: 26 where it proposes 25.
    result = dialogues.run(_changed("make it 25 amends the pending proposal", 1, amount="26"))
    assert not result.passed
    assert [turn.passed for turn in result.turns] == [True, False, True]
    assert result.turns[1].problems == ["amount: expected '26', got '25.00'"]
    # What a turn changed is counted from the books, not taken from the reply's words.
    result = dialogues.run(_changed("undo after own capture and a later import elsewhere removes the capture only", 2,
                                    transactions_removed=1649))  # fmt: skip
    assert result.turns[2].problems == ["transactions_removed: expected 1649, got 1"]
    # A pending count that a second proposal would raise.
    result = dialogues.run(_changed("two corrections in a row still make one transaction", 2, pending=2))
    assert result.turns[2].problems == ["pending: expected 2, got 1"]


def test_a_setup_nobody_built_is_reported_and_nothing_is_said(dialogues: Dialogues) -> None:
    scenario = {
        **SCENARIOS["undo the last import declined"],
        "setup": "the household moved to Mars; a new conversation",
    }
    result = dialogues.run(scenario)
    assert result.unbuilt == ["the household moved to Mars"]
    assert result.turns == [] and not result.passed
