"""The whole API fuzzed from its own OpenAPI document (schemathesis), in process, on SQLite and on PostgreSQL:
no server errors, and every response matches what the schema promises (status, content type, body, headers).

Bounded: KAKEIBO_FUZZ_EXAMPLES examples per operation (default 10, about 2 minutes a database) keep `make test` short; raise it for a long
hunt, e.g. `KAKEIBO_FUZZ_EXAMPLES=500 pytest tests/test_schemathesis.py`."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from tests.api_helpers import sign_up

EXAMPLES = int(os.environ.get("KAKEIBO_FUZZ_EXAMPLES", "10"))


def _schema_app() -> FastAPI:
    """An app only to read the OpenAPI document from (at import, as schemathesis wants it); the cases are sent to
    each test's own app, which runs on the test's database."""
    from kakeibo.api.app import create_app
    from kakeibo.core.db import migrate
    from kakeibo.core.settings import Settings

    folder = Path(tempfile.mkdtemp(prefix="kakeibo-schema-"))
    url = f"sqlite:///{folder / 'schema.sqlite3'}"
    migrate(url)  # the app's start-up looks for interrupted jobs
    return create_app(Settings(data_dir=folder, database_url=url, secret_key="schema-only-signing-key-0123456789"))


schema = schemathesis.openapi.from_asgi("/openapi.json", _schema_app())
# HTTP allows headers the schema does not name (a proxy adds them): an extra one is not invalid input.
schema.config.generation.allow_extra_parameters = False


@pytest.fixture
def signed_in(client: TestClient) -> dict[str, str]:
    """A user with a little data, so that generated requests meet real rows as well as missing ones."""
    user = sign_up(client)
    account = user.post("/accounts", {"name": "Checking", "opening_balance": "100"}).json()
    user.post(
        "/transactions",
        {"type": "expense", "account": account["id"], "amount": "4.50", "date": "2026-11-20", "payee": "Cafe",
         "category": "Food & Dining/Coffee"},
    )  # fmt: skip
    return user.headers


# A multipart form carries text: the "boolean" a negative case puts in a file or text field arrives as the word
# "true", which is a valid value there, so such a case is not the invalid input it is meant to be.
_TEXT_ON_THE_WIRE = {"multipart/form-data": [negative_data_rejection]}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,  # the same cases on every run: a failure here is reproducible, not a flake
)
def test_the_api_never_errs_and_always_answers_as_documented(
    case: Any, app: FastAPI, signed_in: dict[str, str]
) -> None:
    case.call_and_validate(
        app=app,
        headers={**signed_in, **(case.headers or {})},
        # A request can fit the schema and still be refused, rightly, with a 422: an unknown currency code, a
        # weak password, a transfer without its other account, an amount past a trillion. A JSON schema cannot
        # say all of that, so "schema-valid input must be accepted" is not a promise this API makes.
        excluded_checks=[positive_data_acceptance, *_TEXT_ON_THE_WIRE.get(case.media_type, [])],
    )
