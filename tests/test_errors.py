"""Every failure is a problem+json answer: a bug is a logged 500 that keeps the connection open, a database that
cannot be had in time is a 503 with Retry-After, and neither changes anything."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from kakeibo.api.app import create_app
from kakeibo.core import db
from kakeibo.core.db import make_engine, migrate
from kakeibo.core.settings import Settings
from tests.api_helpers import sign_up


@pytest.fixture
def file_engine(tmp_path: Path) -> Iterator[Engine]:
    """A real SQLite file and its own engine: these tests need the server's real transactions, not a test's."""
    url = f"sqlite:///{tmp_path / 'errors.sqlite3'}"
    migrate(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


def _app(settings: Settings, engine: Engine) -> FastAPI:
    app = create_app(settings, engine=engine)

    @app.get("/api/v1/test-bug")
    def bug() -> None:
        raise RuntimeError("a bug")

    # Before the web app's catch-all route, like every API route.
    app.router.routes.insert(0, app.router.routes.pop())
    return app


@contextmanager
def _serving(app: FastAPI) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_a_bug_is_a_problem_500_and_the_connection_stays_open(
    settings: Settings, file_engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    with _serving(_app(settings, file_engine)) as url:
        with httpx.Client(base_url=url) as client:
            answer = client.get("/api/v1/test-bug")
            assert answer.status_code == 500
            assert answer.headers["content-type"] == "application/problem+json"
            assert answer.json()["type"] == "/problems/internal"
            assert "a bug" not in answer.text  # the traceback is logged, never sent
        # One keep-alive connection for a bug and the next request (uvicorn closes it if the application raises,
        # and a client reusing it then finds it reset).
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as raw:
            for path in ("/api/v1/test-bug", "/healthz", "/api/v1/test-bug", "/healthz"):
                raw.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
                status, body = _read_response(raw)
                assert status == (500 if "bug" in path else 200), body
    assert any("unhandled error in GET /api/v1/test-bug" in r.message for r in caplog.records)


def _read_response(raw: socket.socket) -> tuple[int, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = raw.recv(65536)
        assert chunk, "the server closed the connection"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")
    )
    while len(body) < length:
        chunk = raw.recv(65536)
        assert chunk, "the server closed the connection"
        body += chunk
    return int(head.split(b" ")[1]), body


def test_a_writer_that_cannot_get_its_turn_is_told_to_retry(
    settings: Settings, file_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(settings, file_engine)
    with TestClient(app) as client:
        user = sign_up(client)
        monkeypatch.setattr(db, "WRITE_WAIT_SECONDS", 0.2)
        queue = db._writer_queue(app.state.sessionmaker())
        assert queue is not None and queue.acquire(1)  # another writer of this process holds the turn
        try:
            answer = user.post("/accounts", {"name": "Checking"})
        finally:
            queue.release()
        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"] == "1"
        assert (answer.headers["content-type"], answer.json()["type"]) == ("application/problem+json", "/problems/busy")
        assert user.get("/accounts").json() == []  # nothing was written
        assert user.post("/accounts", {"name": "Checking"}).status_code == 201  # and the retry goes through


def test_a_lock_held_by_another_process_is_a_503_too(
    settings: Settings, file_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process (a CLI command, a second server) holds SQLite's write lock past the busy timeout."""
    monkeypatch.setattr(db, "WRITE_WAIT_SECONDS", 0.2)  # read as each new connection sets its busy timeout
    file_engine.dispose()
    with TestClient(_app(settings, file_engine)) as client:
        user = sign_up(client)
        path = file_engine.url.database
        assert path is not None
        with closing(sqlite3.connect(path, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")
            answer = user.post("/accounts", {"name": "Checking"})
            other.execute("ROLLBACK")
        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"] == "1"
        assert answer.json()["type"] == "/problems/busy"
        assert user.get("/accounts").json() == []


@pytest.mark.parametrize(
    "method, path, status, allow",
    [
        ("put", "/api/v1/accounts", 405, "GET, HEAD, POST"),  # two routes (GET and POST) share the path
        ("put", "/api/v1/transactions/5", 405, "DELETE, GET, HEAD, PATCH"),
        ("get", "/api/v1/auth/register", 405, "POST"),  # not the web app's 404
        ("patch", "/api/v1/rules/apply", 405, "POST"),  # not /rules/{rule_id} with a bad id
        ("get", "/api/v1/imports/preview", 405, "POST"),
        ("post", "/api/v1/no-such-thing", 404, None),  # not the web app's "GET only"
        ("get", "/api/v1/transactions/abc", 404, None),
        ("post", "/some/page", 405, "GET, HEAD"),  # the web app answers GET
    ],
)
def test_wrong_methods_name_every_allowed_one_and_unknown_api_paths_are_404(
    client: TestClient, method: str, path: str, status: int, allow: str | None
) -> None:
    answer = getattr(client, method)(path)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.headers.get("allow") == allow
