"""The offline parser's exact-match score on the assistant's evaluation sets (issue 11), per set and per family.

Every sentence of the old set (tuned on), round two and the held-back set is parsed and compared with its expected
intent (tests/intent_compare.py, the comparison the parser's tests use), and so is the planning set of issue 12 (budgets,
goals, recurring payments) with its own held-back part; a sentence that raises counts as a failure
and as a crash. "Right kind" is the share parsed to the expected kind of intent, whatever its fields. The dialogue
set's scenarios are said turn by turn over real HTTP, each in a household of its own (tests/dialogues.py), and
scored per turn and per scenario; a scenario whose setup has no builder is "setup not built", never a pass.
`--failures` lists the failing sentences of the old set, round two, the planning and the insights sets, and the failing dialogue turns (expected
against what the reply showed), never those of the held-back sets: reading them is how a set gets tuned on.
`--no-dialogues` skips the dialogues (they take about a minute).

PYTHONPATH=src .venv/bin/python -m bench.assistant_sets [--failures] [--no-dialogues]
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from tests.dialogues import ScenarioResult
from tests.dialogues import load as load_dialogues
from tests.dialogues import runner as dialogue_runner
from tests.intent_compare import differences

from kakeibo.assistant.intents import IntentAdapter
from kakeibo.assistant.parsing import Vocabulary, parse

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
OLD = DATA / "assistant_utterances.yaml"
ROUND2 = DATA / "assistant_round2.yaml"
HELDBACK = DATA / "assistant_heldback.yaml"
PLANNING = DATA / "assistant_planning.yaml"
PLANNING_HELDBACK = DATA / "assistant_planning_heldback.yaml"
INSIGHTS = DATA / "assistant_insights.yaml"
INSIGHTS_HELDBACK = DATA / "assistant_insights_heldback.yaml"
DIALOGUES = DATA / "assistant_dialogues.yaml"


@dataclass
class Score:
    """One set's result by family: sentences, exact matches, the right kind of intent, and crashes."""

    name: str
    total: Counter[str] = field(default_factory=Counter)
    passed: Counter[str] = field(default_factory=Counter)
    right_kind: Counter[str] = field(default_factory=Counter)
    crashed: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str, list[str]]] = field(default_factory=list)

    def lines(self) -> list[str]:
        rows = [
            (family, self.total[family], self.passed[family], self.right_kind[family], self.crashed[family])
            for family in sorted(self.total)
        ]
        counts = (self.total, self.passed, self.right_kind, self.crashed)
        total, passed, kind, crashed = (sum(count.values()) for count in counts)
        rows.insert(0, ("all", total, passed, kind, crashed))
        return [
            f"  {label:<18} {passed:>4}/{total:<4} {100 * passed / total:5.1f} %   "
            f"right kind {100 * kind / total:5.1f} %   crashes {crashed}"
            for label, total, passed, kind, crashed in rows
        ]


def score(path: Path, name: str) -> Score:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    today = dt.date.fromisoformat(str(document["today"]))
    vocabulary = Vocabulary.default(accounts=tuple(document["accounts"]), base_currency=document["base_currency"])
    result = Score(name)
    for case in document["utterances"]:
        family, text, expected = case["family"], case["text"], case["expect"]
        result.total[family] += 1
        try:
            actual = IntentAdapter.dump_python(parse(text, today=today, vocabulary=vocabulary), mode="json")
        except Exception as exc:  # a sentence that raises is the failure being counted, not a bug in the bench
            result.crashed[family] += 1
            problems = [f"raised {type(exc).__name__}: {exc}"]
        else:
            problems = differences(expected, actual)
            if actual["kind"] == expected["kind"]:
                result.right_kind[family] += 1
        if problems:
            result.failures.append((family, text, problems))
        else:
            result.passed[family] += 1
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--failures", action="store_true", help="print the failing sentences of the sets one may tune on"
    )
    parser.add_argument("--no-dialogues", action="store_true", help="score the single-sentence sets only")
    args = parser.parse_args()
    results = [
        score(OLD, "old set (tuned on)"),
        score(ROUND2, "round two"),
        score(HELDBACK, "held back (never tune on)"),
        score(PLANNING, "planning (issue 12)"),
        score(PLANNING_HELDBACK, "planning, held back (never tune on)"),
        score(INSIGHTS, "insights (issue 13)"),
        score(INSIGHTS_HELDBACK, "insights, held back (never tune on)"),
    ]
    print("offline parser, exact match (and the right kind of intent) per set and family:")
    for result in results:
        print(result.name)
        print("\n".join(result.lines()))
    dialogues = [] if args.no_dialogues else score_dialogues()
    if dialogues:
        print("\n".join(dialogue_lines(dialogues)))
    if args.failures:
        for result in (results[0], results[1], results[3], results[5]):
            print(f"\nfailures, {result.name}:")
            for family, text, problems in result.failures:
                print(f"  [{family}] {text!r}: {'; '.join(problems)}")
        if dialogues:
            print("\nfailures, dialogues:")
            print("\n".join(dialogue_failures(dialogues)))


def score_dialogues() -> list[ScenarioResult]:
    document = load_dialogues(DIALOGUES)
    with dialogue_runner(document) as run:
        return [run.run(scenario) for scenario in document["scenarios"]]


def dialogue_lines(results: list[ScenarioResult]) -> list[str]:
    """Turns and scenarios passed; a turn never said (its setup not built, or an earlier step failed) counts as
    failed."""
    turns = sum(r.total_turns for r in results)
    turns_passed = sum(r.turns_passed for r in results)
    passed = sum(r.passed for r in results)
    unbuilt = [r.name for r in results if r.unbuilt]
    lines = [
        "dialogues (real HTTP, a household per scenario):",
        f"  turns              {turns_passed:>4}/{turns:<4} {100 * turns_passed / turns:5.1f} %",
        f"  scenarios          {passed:>4}/{len(results):<4} {100 * passed / len(results):5.1f} %   "
        f"setup not built {len(unbuilt)}",
    ]
    for result in results:
        verdict = "pass" if result.passed else ("setup not built" if result.unbuilt else "FAIL")
        lines.append(f"    {verdict:<15} {result.turns_passed}/{result.total_turns}  {result.name}")
    return lines


def dialogue_failures(results: list[ScenarioResult]) -> list[str]:
    lines: list[str] = []
    for result in results:
        if result.passed:
            continue
        lines.append(f"  {result.name}:")
        lines += [f"    setup not built: {clause!r}" for clause in result.unbuilt]
        if result.error:
            lines.append(f"    {result.error}")
        for number, turn in enumerate(result.turns, start=1):
            if turn.passed:
                continue
            lines.append(f"    turn {number} {turn.say!r}: {'; '.join(turn.problems)}")
            lines.append(f"      the reply ({turn.actual['reply']}): {turn.actual['text'][:160]!r}")
    return lines


if __name__ == "__main__":
    main()
