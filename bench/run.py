"""`make bench`: the ledger's speed and memory targets, measured and printed (never asserted in unit tests).

Targets (issue 2): batch insert >= 20,000 tx/s on SQLite at N=100k; period summary by category and balance sheet
p50 <= 50 ms at N=1M on SQLite and PostgreSQL; GET /api/v1/transactions?limit=100 (any page) p95 <= 50 ms at
N=1M; server peak memory <= 400 MB. Generated ledgers are cached in bench/out and reused."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx
from sqlalchemy import Engine, create_engine, func, select, text

from bench.generate import generate
from kakeibo.core.db import make_engine, migrate, unit_of_work
from kakeibo.ledger import queries
from kakeibo.ledger.models import Transaction

OUT = Path(__file__).resolve().parent / "out"
PG_ADMIN = os.environ.get("PG_TEST_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
EMAIL = "bench@kakeibo.local"
PASSWORD = "bench-password"


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm-up
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def row(label: str, samples: list[float], target: float | None = None) -> None:
    p50, p95 = statistics.median(samples), p(samples, 0.95)
    verdict = "" if target is None else ("  ok" if p50 <= target else f"  OVER {target:.0f} ms")
    print(f"  {label:<44} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms{verdict}")


def bench_insert(n: int) -> None:
    path = OUT / f"insert-{uuid.uuid4().hex[:6]}.sqlite3"
    url = f"sqlite:///{path}"
    migrate(url)
    result = generate(make_engine(url), n=n)
    print(f"batch insert (SQLite, N={n:,}): {result.rate:,.0f} transactions/s  (target >= 20,000)")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def ledger_db(backend: str, n: int) -> tuple[str, Engine]:
    if backend == "sqlite":
        url = f"sqlite:///{OUT / f'ledger-{n}.sqlite3'}"
    else:
        name = f"kakeibo_bench_{n}"
        admin = create_engine(
            PG_ADMIN.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
        )
        with admin.connect() as conn:
            if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first():
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    migrate(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        have = conn.scalar(select(func.count()).select_from(Transaction)) or 0
    if have < n:
        if have:
            raise SystemExit(f"{url} holds a partial ledger ({have} rows); delete it and run again")
        print(f"  generating {n:,} transactions on {backend} (cached for next time)...", flush=True)
        made = generate(engine, n=n, email=EMAIL)
        print(f"  generated at {made.rate:,.0f}/s")
        if backend == "postgresql":
            with engine.connect() as conn:
                conn.execute(text("ANALYZE"))
                conn.commit()
    return url, engine


def bench_queries(backend: str, engine: Engine, runs: int) -> None:
    with unit_of_work(engine) as session:
        from kakeibo.auth.models import User

        user = session.scalars(select(User).where(User.email == EMAIL)).one()
        household_id = user.default_household_id
        assert household_id is not None
        month = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
        year = (dt.date(2025, 11, 1), dt.date(2026, 10, 31))
        ragged = (dt.date(2025, 11, 17), dt.date(2026, 10, 9))
        for label, (start, end) in (("month", month), ("year", year), ("ragged 11 months", ragged)):
            samples = timed(
                lambda s=start, e=end: queries.summary(
                    session, household_id=household_id, start=s, end=e, currency="USD", group_by="category"
                ),
                runs,
            )
            row(f"summary by category, {label}", samples, 50)
        samples = timed(lambda: queries.balances(session, household_id=household_id, at=dt.date(2026, 10, 31)), runs)
        row("balance sheet (every account, today)", samples, 50)
        samples = timed(
            lambda: queries.net_worth(session, household_id=household_id, base_currency="USD", at=dt.date(2024, 6, 15)),
            runs,
        )
        row("net worth at a past date", samples, 50)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def bench_api(url: str, engine: Engine, requests: int) -> None:
    port = free_port()
    env = {**os.environ, "KAKEIBO_DATABASE_URL": url, "KAKEIBO_SECRET_KEY": "bench-secret-key-0123456789-0123456789"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "kakeibo.api.app:create_app",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(100):
                try:
                    if client.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            token = client.post("/api/v1/auth/token", data={"username": EMAIL, "password": PASSWORD}).json()
            headers = {"Authorization": f"Bearer {token['access_token']}"}
            with engine.connect() as conn:
                keys = conn.execute(
                    select(Transaction.date, Transaction.id).order_by(func.random()).limit(requests)
                ).all()
            cursors = [None] + [queries.encode_cursor("-date", d.isoformat(), i) for d, i in keys]
            samples = []
            for cursor in cursors[:requests]:
                params: dict[str, str | int] = {"limit": 100}
                if cursor:
                    params["cursor"] = cursor
                started = time.perf_counter()
                response = client.get("/api/v1/transactions", params=params, headers=headers)
                samples.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.text
                assert len(response.json()["items"]) == 100 or cursor is not None
            row(f"GET /transactions?limit=100, {len(samples)} random pages", samples)
            print(f"    p95 {p(samples, 0.95):.1f} ms (target <= 50 ms)")
            other = []
            for path in (
                "/api/v1/reports/summary?start=2025-11-01&end=2026-10-31&group_by=category",
                "/api/v1/reports/net-worth?at=2026-10-31",
                "/api/v1/accounts",
            ):
                for _ in range(10):
                    started = time.perf_counter()
                    assert client.get(path, headers=headers).status_code == 200
                    other.append((time.perf_counter() - started) * 1000)
            row("reports and accounts over HTTP", other)
        print(f"  server peak memory (VmHWM): {peak_rss_mb(server.pid):.0f} MB  (target <= 400 MB)")
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--insert-n", type=int, default=100_000)
    parser.add_argument("--n", type=int, default=1_000_000, help="ledger size for the query benchmarks")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    if args.insert_n > 0:
        bench_insert(args.insert_n)
    for backend in args.backends.split(","):
        print(f"{backend}, N={args.n:,}:")
        try:
            url, engine = ledger_db(backend, args.n)
        except Exception as exc:  # a missing PostgreSQL is reported, not fatal, for `make bench`
            print(f"  skipped: {exc}")
            continue
        bench_queries(backend, engine, args.runs)
        bench_api(url, engine, args.requests)
        engine.dispose()


if __name__ == "__main__":
    main()
