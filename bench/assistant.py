"""The assistant's targets (issue 4): offline parse p50 <= 10 ms on the project's own utterance set
(`tests/data/assistant_utterances.yaml`); `ask` p50 <= 50 ms at 100k transactions (a whole conversation turn:
vocabulary, parse, query, the stored messages and commit), on SQLite.

.venv/bin/python -m bench.assistant [--n 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

import yaml
from sqlalchemy import select

from kakeibo.assistant.parsing import Vocabulary, parse
from kakeibo.core.actor import Actor

SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "assistant_utterances.yaml"


QUESTIONS = [
    "how much did I spend on groceries last month?",
    "and the month before?",
    "what did I spend in 2025",
    "how much did I spend at Whole Foods this year",
    "what was my largest expense last month",
    "what's my savings rate this year",
    "how much do I have in Account 1",
    "what's my net worth",
    "average monthly spending on dining this year",
    "how much income did I get in q3",
    "transactions on coffee last week",
    "twenty bucks for lunch yesterday",
]


def bench_ask(n: int) -> None:
    from bench.run import EMAIL, ledger_db
    from kakeibo.assistant import conversation as chat
    from kakeibo.auth.models import Membership, User
    from kakeibo.core.db import unit_of_work
    from kakeibo.core.settings import Settings

    _, engine = ledger_db("sqlite", n)
    settings = Settings(secret_key="bench-only-secret-key-long-enough")
    with unit_of_work(engine) as session:
        user = session.scalars(select(User).where(User.email == EMAIL)).one()
        household_id = session.scalars(select(Membership.household_id).where(Membership.user_id == user.id)).one()
        speaker = Actor(household_id=household_id, user_id=user.id, base_currency="USD", source="assistant")
        conversation_id = chat.start(session, speaker=speaker, title="bench").id
    today = dt.date(2026, 11, 23)

    def turn(text: str) -> None:
        with unit_of_work(engine) as session:
            conversation = chat.get(session, speaker=speaker, conversation_id=conversation_id)
            chat.say(session, speaker=speaker, conversation=conversation, text=text, settings=settings, today=today)

    for text in QUESTIONS:  # warm-up: the first turn reads the taxonomy and warms SQLite's cache
        turn(text)
    samples = []
    for _ in range(5):
        for text in QUESTIONS:
            started = time.perf_counter()
            turn(text)
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[int(len(samples) * 0.95)]
    print(
        f"ask (SQLite, N={n:,}), {len(QUESTIONS)} utterances x 5: p50 {statistics.median(samples):.1f} ms, "
        f"p95 {p95:.1f} ms  (target p50 <= 50 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000, help="transactions in the ledger `ask` runs against")
    args = parser.parse_args()
    bench_parse()
    bench_ask(args.n)


def bench_parse() -> None:
    document = yaml.safe_load(SET.read_text(encoding="utf-8"))
    today = dt.date.fromisoformat(str(document["today"]))
    texts = [case["text"] for case in document["utterances"]]
    vocabulary = Vocabulary.default(accounts=tuple(document["accounts"]), base_currency=document["base_currency"])
    for text in texts:  # warm-up
        parse(text, today=today, vocabulary=vocabulary)
    samples = []
    for _ in range(5):
        for text in texts:
            started = time.perf_counter()
            parse(text, today=today, vocabulary=vocabulary)
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[int(len(samples) * 0.95)]
    print(
        f"offline parse, {len(texts)} utterances x 5: p50 {statistics.median(samples):.2f} ms, p95 {p95:.2f} ms  (target p50 <= 10 ms)"
    )


if __name__ == "__main__":
    main()
