"""Where a payee is usually paid from, on a generated ledger (bench.generate): p50 of the query per payee, and the
plan each database chose for it (it must read the payee index, not the payee's whole history)."""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from sqlalchemy import event, select

from bench.generate import PAYEES
from kakeibo.assistant import repository
from kakeibo.assistant.proposals import USUAL_HISTORY
from kakeibo.core.db import make_engine, session_factory, session_scope
from kakeibo.ledger.models import Transaction


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True, help="a database bench.generate filled")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    engine = make_engine(args.url)
    factory = session_factory(engine)
    with session_scope(factory, write=False) as session:
        household_id = session.scalar(select(Transaction.household_id).limit(1))
        total = session.query(Transaction).filter(Transaction.household_id == household_id).count()
        assert household_id is not None
        print(f"{total:,} transactions in household {household_id}, latest {USUAL_HISTORY} per payee")
        seen: list[tuple[str, Any]] = []

        def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
            seen.append((statement, parameters))

        for payee in [*PAYEES[:3], "nobody at all"]:
            timings = []
            for _ in range(args.runs):
                started = time.perf_counter()
                repository.usual_account_of_payee(session, household_id=household_id, payee=payee, limit=USUAL_HISTORY)
                timings.append((time.perf_counter() - started) * 1000)
            print(f"  {payee:<14} p50 {statistics.median(timings):6.2f} ms  max {max(timings):6.2f} ms")
        event.listen(engine, "before_cursor_execute", record)
        repository.usual_account_of_payee(session, household_id=household_id, payee=PAYEES[0], limit=USUAL_HISTORY)
        event.remove(engine, "before_cursor_execute", record)
        statement, parameters = seen[-1]
        explain = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN ANALYZE "
        for row in session.connection().exec_driver_sql(explain + statement, parameters):
            print("  plan:", row[-1])
    engine.dispose()


if __name__ == "__main__":
    main()
