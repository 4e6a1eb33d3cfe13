"""The offline parser's exact-match score on the assistant's evaluation sets (issue 11), per set and per family.

Every sentence of the old set (tuned on), round two and the held-back set is parsed and compared with its expected
intent (tests/intent_compare.py, the comparison the parser's tests use); a sentence that raises counts as a failure
and as a crash. "Right kind" is the share parsed to the expected kind of intent, whatever its fields. The dialogue
set is counted but not scored yet. `--failures` lists the failing sentences of the old set and round two, never
those of the held-back set: reading them is how a set gets tuned on.

PYTHONPATH=src .venv/bin/python -m bench.assistant_sets [--failures]
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from tests.intent_compare import differences

from kakeibo.assistant.intents import IntentAdapter
from kakeibo.assistant.parsing import Vocabulary, parse

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
OLD = DATA / "assistant_utterances.yaml"
ROUND2 = DATA / "assistant_round2.yaml"
HELDBACK = DATA / "assistant_heldback.yaml"
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
    args = parser.parse_args()
    results = [
        score(OLD, "old set (tuned on)"),
        score(ROUND2, "round two"),
        score(HELDBACK, "held back (never tune on)"),
    ]
    print("offline parser, exact match (and the right kind of intent) per set and family:")
    for result in results:
        print(result.name)
        print("\n".join(result.lines()))
    scenarios = yaml.safe_load(DIALOGUES.read_text(encoding="utf-8"))["scenarios"]
    turns = sum(len(scenario["turns"]) for scenario in scenarios)
    print(f"dialogues: {len(scenarios)} scenarios, {turns} turns: not scored yet (no multi-turn runner)")
    if args.failures:
        for result in results[:2]:
            print(f"\nfailures, {result.name}:")
            for family, text, problems in result.failures:
                print(f"  [{family}] {text!r}: {'; '.join(problems)}")


if __name__ == "__main__":
    main()
