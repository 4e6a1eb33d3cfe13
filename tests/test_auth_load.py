"""Passwords are hashed and checked (argon2, slow on purpose) with no write transaction open, so sign-ins and
registrations never hold SQLite's one write lock while they wait on the hasher, and many of them at once all pass."""

from __future__ import annotations

import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from kakeibo.auth import security
from kakeibo.core.db import make_engine, migrate
from kakeibo.core.settings import Settings
from tests.conftest import postgres_database

PASSWORD = "correct horse battery"
SECRET = "test-secret-key-that-is-long-enough"


class LockProbe:
    """The real argon2 hasher, which each time it is asked to work first checks, from a connection of its own,
    whether SQLite's write lock can be had at once (BEGIN IMMEDIATE with no busy timeout)."""

    def __init__(self, real: Any, database: Path) -> None:
        self.real = real
        self.database = database
        self.free = 0
        self.held: list[str] = []
        self._lock = threading.Lock()

    def _probe(self, what: str) -> None:
        connection = sqlite3.connect(self.database, timeout=0, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
            with self._lock:
                self.free += 1
        except sqlite3.OperationalError:
            with self._lock:
                self.held.append(what)
        finally:
            connection.close()

    def hash(self, password: str) -> str:
        self._probe("hash")
        return str(self.real.hash(password))

    def verify(self, password_hash: str, password: str) -> bool:
        self._probe("verify")
        return bool(self.real.verify(password_hash, password))


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "auth.sqlite3"
    migrate(f"sqlite:///{path}")
    return path


@pytest.fixture
def client(database: Path, tmp_path: Path) -> Iterator[TestClient]:
    """The app on its own SQLite file with real transactions (not the rolled-back test connection)."""
    from kakeibo.api.app import create_app

    url = f"sqlite:///{database}"
    engine = make_engine(url)
    settings = Settings(data_dir=tmp_path, database_url=url, secret_key=SECRET, login_attempts_per_minute=100)
    with TestClient(create_app(settings, engine=engine)) as test_client:
        yield test_client
    engine.dispose()


def _register(client: TestClient, email: str) -> None:
    response = client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})
    assert response.status_code in (201, 202), response.text


def _sign_in(client: TestClient, email: str, password: str = PASSWORD) -> Any:
    return client.post("/api/v1/auth/token", data={"username": email, "password": password})


def test_no_write_lock_is_held_while_a_password_is_hashed_or_checked(
    client: TestClient, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    probe = LockProbe(security._hasher, database)
    monkeypatch.setattr(security, "_hasher", probe)
    email = f"{uuid.uuid4().hex[:8]}@example.com"
    _register(client, email)
    assert _sign_in(client, email, "not the password").status_code == 401
    signed_in = _sign_in(client, email)
    assert signed_in.status_code == 200, signed_in.text
    headers = {"Authorization": f"Bearer {signed_in.json()['access_token']}"}
    changed = client.patch(
        "/api/v1/auth/me", json={"current_password": PASSWORD, "new_password": "a new long password"}, headers=headers
    )
    assert changed.status_code == 200, changed.text
    wrong = client.patch(
        "/api/v1/auth/me", json={"current_password": "not it", "new_password": "yet another password"}, headers=headers
    )
    assert wrong.status_code == 422
    # register: hash; two sign-ins: verify each; a change: verify and hash; a wrong change: verify.
    assert probe.free >= 6 and probe.held == []


def test_eight_sign_ins_at_once_all_succeed(client: TestClient) -> None:
    emails = [f"{uuid.uuid4().hex[:8]}@example.com" for _ in range(8)]
    for email in emails:
        _register(client, email)
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda email: _sign_in(client, email), emails * 2))
    assert [a.status_code for a in answers] == [200] * 16, [a.text for a in answers if a.status_code != 200]


def test_eight_registrations_at_once_all_land(client: TestClient) -> None:
    emails = [f"{uuid.uuid4().hex[:8]}@example.com" for _ in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda email: _register(client, email), emails))
    assert all(_sign_in(client, email).status_code == 200 for email in emails)


@pytest.mark.postgres
def test_the_same_email_registered_eight_times_at_once_is_one_account(tmp_path: Path) -> None:
    """PostgreSQL runs the eight writes side by side: the unique email decides, and every answer is the same 202."""
    from kakeibo.api.app import create_app

    with postgres_database("kakeibo_register") as url:
        engine = make_engine(url)
        settings = Settings(data_dir=tmp_path, database_url=url, secret_key=SECRET, login_attempts_per_minute=100)
        try:
            with TestClient(create_app(settings, engine=engine)) as client:
                body = {"email": "twice@example.com", "password": PASSWORD}
                with ThreadPoolExecutor(max_workers=8) as pool:
                    answers = list(pool.map(lambda _: client.post("/api/v1/auth/register", json=body), range(8)))
                assert [a.status_code for a in answers] == [202] * 8, [a.text for a in answers]
                with engine.connect() as connection:
                    users = connection.execute(text("SELECT count(*) FROM users")).scalar()
                    households = connection.execute(text("SELECT count(*) FROM households")).scalar()
                assert (users, households) == (1, 1)
        finally:
            engine.dispose()


class Overlap:
    """The real hasher, counting how many of its calls run at the same moment."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.now = 0
        self.most = 0
        self._lock = threading.Lock()

    def hash(self, password: str) -> str:
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)
        try:
            return str(self.real.hash(password))
        finally:
            with self._lock:
                self.now -= 1


def test_password_hashing_leaves_cores_to_the_writers(monkeypatch: pytest.MonkeyPatch) -> None:
    overlap = Overlap(security._hasher)
    monkeypatch.setattr(security, "_hasher", overlap)
    with ThreadPoolExecutor(max_workers=8) as pool:
        hashes = list(pool.map(security.hash_password, [f"password {n}" for n in range(8)]))
    assert 1 <= overlap.most <= max(1, (os.cpu_count() or 2) // 2)  # half the cores at most
    assert all(",p=1$" in h for h in hashes)  # one lane each: more lanes took every core and were no faster
    monkeypatch.undo()
    assert all(security.verify_password(f"password {n}", h) for n, h in enumerate(hashes))
