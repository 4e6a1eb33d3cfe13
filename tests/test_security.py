"""What the server promises about headers, the API docs, proxies, the secret key and the modes of its files."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from kakeibo.core.errors import ConfigurationError
from kakeibo.core.settings import Settings
from tests.api_helpers import sign_up
from tests.cli_helpers import Cli, environment
from tests.test_server import running_server

PASSWORD = "correct horse battery"


# ---- headers --------------------------------------------------------------------------------------------------
def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    user = sign_up(client)
    for response in (client.get("/"), client.get("/docs"), user.get("/accounts"), client.get("/api/v1/auth/me")):
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["x-frame-options"] == "DENY"


def test_api_and_token_answers_are_never_cached(client: TestClient) -> None:
    user = sign_up(client)
    token = client.post("/api/v1/auth/token", data={"username": user.email, "password": PASSWORD})
    refreshed = client.post("/api/v1/auth/refresh", json={"refresh_token": token.json()["refresh_token"]})
    for response in (token, refreshed, user.get("/auth/me"), user.get("/accounts"), client.get("/api/v1/nothing")):
        assert response.headers["cache-control"] == "no-store", response.request.url


def test_the_docs_are_served_from_this_server_with_no_inline_script(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.text
    assert not re.search(r"https?://", html)  # nothing from a CDN
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    assert scripts and all('src="/docs/' in attributes and not body.strip() for attributes, body in scripts)
    for path in re.findall(r'(?:src|href)="(/docs/[^"]+)"', html):
        asset = client.get(path)
        assert asset.status_code == 200 and len(asset.content) > 0, path
    assert "SwaggerUIBundle" in client.get("/docs/init.js").text
    assert client.get("/docs/index.html").status_code == 404  # only Swagger UI's own files
    assert client.get("/docs/secret_key").status_code == 404
    assert "redoc" not in client.get("/redoc").text.lower()  # ReDoc (a CDN script) is off


# ---- proxies --------------------------------------------------------------------------------------------------
def _failed_sign_ins(url: str, forwarded_for: list[str]) -> list[int]:
    with httpx.Client(base_url=f"{url}/api/v1", timeout=30) as client:
        return [
            client.post(
                "/auth/token",
                data={"username": f"{uuid.uuid4().hex[:8]}@example.com", "password": "wrong password"},
                headers={"X-Forwarded-For": address},
            ).status_code
            for address in forwarded_for
        ]


def test_x_forwarded_for_is_ignored_unless_the_proxy_is_trusted(tmp_path: Path) -> None:
    addresses = ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"]
    for name in ("untrusted", "trusted"):
        (tmp_path / name).mkdir()
    # uvicorn's default would believe the header from 127.0.0.1, so each made-up address would get its own
    # allowance; without KAKEIBO_TRUSTED_PROXIES every attempt counts against the real peer.
    with running_server(tmp_path / "untrusted", KAKEIBO_LOGIN_ATTEMPTS_PER_MINUTE="3") as url:
        assert _failed_sign_ins(url, addresses) == [401, 401, 401, 429]
    with running_server(
        tmp_path / "trusted", KAKEIBO_LOGIN_ATTEMPTS_PER_MINUTE="3", KAKEIBO_TRUSTED_PROXIES="127.0.0.0/8"
    ) as url:
        assert _failed_sign_ins(url, addresses) == [401, 401, 401, 401]
        assert _failed_sign_ins(url, ["198.51.100.9"] * 4) == [401, 401, 401, 429]


def test_trusted_proxies_must_be_addresses() -> None:
    with pytest.raises(ValueError, match="not an IP address or network"):
        Settings(trusted_proxies="10.0.0.0/8, proxy.internal")
    assert Settings(trusted_proxies="10.0.0.0/8, ::1").proxy_networks == ["10.0.0.0/8", "::1"]


# ---- the secret key -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "content",
    ["", "\n", "a", "short-key", "a" * 64, "ab" * 32, "changeme-in-production-please", "your-secret-here-123"],
)
def test_a_secret_key_file_that_is_empty_short_or_guessable_is_refused(tmp_path: Path, content: str) -> None:
    (tmp_path / "secret_key").write_text(content)
    with pytest.raises(ConfigurationError, match="secret key in"):
        Settings(data_dir=tmp_path, secret_key=None).resolved_secret_key()


@pytest.mark.parametrize("key", ["a" * 40, "abababababababababab", "changeme-in-production-please", "secret"])
def test_a_secret_key_variable_that_is_guessable_is_refused(tmp_path: Path, key: str) -> None:
    with pytest.raises(ConfigurationError, match="KAKEIBO_SECRET_KEY"):
        Settings(data_dir=tmp_path, secret_key=key).resolved_secret_key()


def test_the_server_refuses_to_start_with_a_bad_key_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "secret_key").write_text("a\n")
    env = {k: v for k, v in environment(data).items() if k != "KAKEIBO_SECRET_KEY"}
    started = subprocess.run(
        [sys.executable, "-m", "kakeibo.cli.app", "serve", "--port", "1"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert started.returncode == 1
    assert started.stderr.startswith(f"error: the secret key in {data / 'secret_key'} is shorter than 16")


# ---- file modes -----------------------------------------------------------------------------------------------
@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)  # the worst case: everything would be world-writable
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_uploads_backups_and_key_are_private_whatever_the_umask(tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "deep" / "data"
    cli = Cli(cwd=tmp_path, env={k: v for k, v in environment(data).items() if k != "KAKEIBO_SECRET_KEY"})
    cli("account", "add", "Checking", "--opening", "10")
    cli("backup", "--output", str(data / "backups" / "copy.sqlite3"))
    from kakeibo.api.app import create_app

    with TestClient(create_app(Settings(data_dir=data, secret_key=None))) as client:  # generates the key
        user = sign_up(client)
        account = user.post("/accounts", {"name": "Visa", "opening_balance": "0"}).json()
        statement = b"Date,Description,Amount\n2026-10-02,COFFEE,-3.50\n"
        started = user.post(
            "/imports", files={"file": ("s.csv", statement, "text/csv")}, data={"account_id": str(account["id"])}
        )
        assert started.status_code == 202, started.text
    files = [data / "kakeibo.sqlite3", data / "secret_key", data / "backups" / "copy.sqlite3"]
    files += [p for p in (data / "kakeibo.sqlite3-wal", data / "kakeibo.sqlite3-shm") if p.exists()]
    files += list((data / "uploads").iterdir())
    folders = [tmp_path / "deep", data, data / "backups", data / "uploads"]
    assert {str(p): oct(_mode(p)) for p in files} == {str(p): oct(0o600) for p in files}
    assert {str(p): oct(_mode(p)) for p in folders} == {str(p): oct(0o700) for p in folders}
