"""A real `kakeibo serve` as a subprocess, with its process at hand (to stop it, or to kill it mid-way)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def errors(self) -> str:
        return "\n".join(line for line in self.log.read_text().splitlines() if "Error" in line)


@contextmanager
def serving(cwd: Path, env: dict[str, str], *, log_name: str = "server.log") -> Iterator[Server]:
    """Migrate, start `kakeibo serve` on a free port and wait until it answers; stop it afterwards (if the test
    has not stopped or killed it already)."""
    port = free_port()
    env = env | {"KAKEIBO_PORT": str(port)}
    subprocess.run([sys.executable, "-m", "kakeibo.cli.app", "migrate"], env=env, cwd=cwd, check=True)
    log = cwd / log_name
    process = subprocess.Popen(
        [sys.executable, "-m", "kakeibo.cli.app", "serve"],
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),  # read by a failing test's report
    )
    server = Server(url=f"http://127.0.0.1:{port}", process=process, log=log)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{server.url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail(f"kakeibo serve did not start\n{log.read_text()[-3000:]}")
        yield server
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        print(server.errors()[-4000:])


def _retrying(send: Callable[[], httpx.Response], *, within: float = 120) -> httpx.Response:
    deadline = time.monotonic() + within
    while True:
        answer = send()
        if answer.status_code != 503 or time.monotonic() > deadline:
            return answer
        time.sleep(float(answer.headers.get("retry-after", "1")))


def signed_in(url: str, email: str, password: str = "a long enough password") -> httpx.Client:
    """A client of the server's API, registered (if it is not yet) and signed in as `email`. Like a real client it
    tries again when told to (503 with Retry-After): on SQLite a long import holds the one write lock, and a
    sign-in writes (its refresh token)."""
    client = httpx.Client(base_url=f"{url}/api/v1", timeout=30)
    _retrying(lambda: client.post("/auth/register", json={"email": email, "password": password}))
    token = _retrying(lambda: client.post("/auth/token", data={"username": email, "password": password}))
    assert token.status_code == 200, token.text
    client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
    return client
