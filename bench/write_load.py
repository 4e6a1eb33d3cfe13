"""Writers under load on a real `kakeibo serve`: 16 clients adding transactions for a minute, two more signing in.

Target (issue 9): on SQLite, 16 concurrent writers with 0 errors and p99 under 1 s, while two clients sign in
in a loop (argon2 runs outside any write transaction, so sign-ins must not slow the writers down much). Prints
requests, errors by status, throughput and latency percentiles; `--database postgres` runs the same against a
fresh PostgreSQL database."""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

from bench.run import p

PG_ADMIN = os.environ.get("PG_TEST_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
PASSWORD = "load test password 1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _database(kind: str) -> Iterator[str | None]:
    if kind == "sqlite":
        yield None
        return
    name = f"kakeibo_load_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def _server(data_dir: Path, database_url: str | None) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAKEIBO_")}
    env.update(KAKEIBO_DATA_DIR=str(data_dir), KAKEIBO_PORT=str(port), KAKEIBO_SECRET_KEY="load-" + "x1y2z3" * 8)
    # Every writer registers from 127.0.0.1, and registrations per address are limited like failed sign-ins.
    env["KAKEIBO_LOGIN_ATTEMPTS_PER_MINUTE"] = "1000"
    if database_url:
        env["KAKEIBO_DATABASE_URL"] = database_url
    log = (data_dir / "server.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "kakeibo.cli.app", "serve"], env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        errors = [line for line in (data_dir / "server.log").read_text().splitlines() if "Error" in line]
        if errors:
            print("    server errors (last 5):\n      " + "\n      ".join(errors[-5:]))


def _sign_up(url: str, email: str) -> dict[str, str]:
    with httpx.Client(base_url=f"{url}/api/v1", timeout=60) as client:
        client.post("/auth/register", json={"email": email, "password": PASSWORD})
        token = client.post("/auth/token", data={"username": email, "password": PASSWORD}).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        client.post("/accounts", json={"name": "Checking", "opening_balance": "1000"}, headers=headers)
        return headers


def run(*, database: str, writers: int, signins: int, seconds: float, households: int) -> None:
    with (
        tempfile.TemporaryDirectory() as tmp,
        _database(database) as database_url,
        _server(Path(tmp), database_url) as url,
    ):
        homes = [_sign_up(url, f"writer{i}@example.com") for i in range(households)]
        accounts = []
        for headers in homes:
            with httpx.Client(base_url=f"{url}/api/v1", timeout=60, headers=headers) as client:
                accounts.append(client.get("/accounts").json()[0]["id"])
        stop = time.monotonic() + seconds
        latencies: list[float] = []
        statuses: Counter[int | str] = Counter()
        signin_count = [0]
        lock = threading.Lock()

        def writer(index: int) -> None:
            headers, account = homes[index % households], accounts[index % households]
            with httpx.Client(base_url=f"{url}/api/v1", timeout=60, headers=headers) as client:
                n = 0
                while time.monotonic() < stop:
                    n += 1
                    body = {"type": "expense", "account": account, "amount": f"{1 + n % 50}.25",
                            "date": "2026-11-20", "category": "Food & Dining/Coffee", "payee": f"Writer {index}"}  # fmt: skip
                    started = time.perf_counter()
                    try:
                        status: int | str = client.post("/transactions", json=body).status_code
                    except httpx.HTTPError as exc:
                        status = type(exc).__name__
                    elapsed = time.perf_counter() - started
                    with lock:
                        latencies.append(elapsed)
                        statuses[status] += 1

        def signer(index: int) -> None:
            with httpx.Client(base_url=f"{url}/api/v1", timeout=60) as client:
                while time.monotonic() < stop:
                    answer = client.post("/auth/token", data={"username": "writer0@example.com", "password": PASSWORD})
                    with lock:
                        signin_count[0] += 1
                        if answer.status_code != 200:
                            statuses[f"sign-in {answer.status_code}"] += 1

        threads = [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
        threads += [threading.Thread(target=signer, args=(i,)) for i in range(signins)]
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        took = time.monotonic() - began
        errors = sum(count for status, count in statuses.items() if status != 201)
        ms = sorted(x * 1000 for x in latencies)
        print(
            f"  {database}: {writers} writers, {signins} sign-in loops, {households} households, {took:.0f} s: "
            f"{len(ms):,} writes ({len(ms) / took:,.0f}/s), {signin_count[0]:,} sign-ins"
        )
        print(f"    statuses {dict(statuses)}; errors {errors}" + ("  ok" if errors == 0 else "  ERRORS"))
        p99 = p(ms, 0.99)
        print(
            f"    latency p50 {statistics.median(ms):.0f} ms, p95 {p(ms, 0.95):.0f} ms, p99 {p99:.0f} ms, "
            f"max {ms[-1]:.0f} ms" + ("  ok" if p99 < 1000 else "  OVER 1000 ms")
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--signins", type=int, default=2, help="clients signing in in a loop meanwhile")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--households", type=int, default=4)
    args = parser.parse_args()
    print("write load (issue 9: 16 writers on SQLite, 0 errors, p99 < 1 s)")
    for database in ("sqlite", "postgres") if args.database == "both" else (args.database,):
        run(
            database=database,
            writers=args.writers,
            signins=args.signins,
            seconds=args.seconds,
            households=args.households,
        )


if __name__ == "__main__":
    main()
