"""Runtime settings, read from `KAKEIBO_*` environment variables (and a `.env` file when present)."""

from __future__ import annotations

import ipaddress
import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from kakeibo.core.errors import ConfigurationError
from kakeibo.core.files import create_private_file

# Values that must never be accepted as a real secret, and the beginnings of placeholders ("changeme-in-prod").
_UNSAFE_SECRETS = {"", "changeme", "change-me", "secret", "dev", "default"}
_PLACEHOLDER_PREFIXES = ("changeme", "change-me", "change_me", "replaceme", "replace-me", "replace_me", "your-")
MIN_SECRET_LENGTH = 16
MIN_SECRET_DISTINCT = 8  # "aaaaaaaaaaaaaaaa" and "abababababababab" are long but guessable


def secret_key_problem(key: str) -> str | None:
    """Why `key` cannot sign tokens, or None when it can. The same rules for the variable and the file."""
    cleaned = key.strip()
    folded = cleaned.lower()
    if folded in _UNSAFE_SECRETS or folded.startswith(_PLACEHOLDER_PREFIXES):
        return "is empty or a placeholder"
    if len(cleaned) < MIN_SECRET_LENGTH:
        return f"is shorter than {MIN_SECRET_LENGTH} characters"
    if len(set(cleaned)) < MIN_SECRET_DISTINCT:
        return f"has fewer than {MIN_SECRET_DISTINCT} different characters"
    return None


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KAKEIBO_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default=Path("~/.local/share/kakeibo"), description="Where the SQLite file and the generated secret live."
    )
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default: a SQLite file in data_dir.")
    redis_url: str | None = Field(
        default=None, description="Redis URL; enables shared counters, rate limits and Celery."
    )
    secret_key: str | None = Field(
        default=None, description="Signs access tokens; generated in data_dir in embedded mode."
    )
    base_currency: str = Field(default="USD", description="Currency of new households and of reports.")
    access_token_minutes: int = Field(default=15, ge=1)
    refresh_token_days: int = Field(default=30, ge=1)
    login_attempts_per_minute: int = Field(default=10, ge=1)
    host: str = "127.0.0.1"
    port: int = 8000

    # Jobs (imports): how they survive a stop or a crash.
    shutdown_grace_seconds: float = Field(
        default=30, ge=0, description="On SIGTERM, how long a running job may finish before it is handed back."
    )
    job_lease_seconds: float = Field(
        default=60, ge=1, description="PostgreSQL: a running job not heard of for this long was interrupted."
    )
    schedule_tick_seconds: float = Field(
        default=30, gt=0, description="How often due schedules are looked for (the server in embedded mode, beat)."
    )
    job_visibility_timeout_seconds: int = Field(
        default=3600, ge=60, description="Celery: a message a worker took and never acknowledged goes to another."
    )

    # Who may sign up and who the CLI acts as; which proxies' X-Forwarded-For is believed.
    registration: Literal["open", "invite", "closed"] = Field(
        default="open", description="open: anyone may register; invite: only with an invitation; closed: nobody."
    )
    cli_user: str | None = Field(default=None, description="The user CLI commands act as when --user is not given.")
    trusted_proxies: str = Field(
        default="",
        description="Comma-separated addresses or networks of reverse proxies whose X-Forwarded-For is believed.",
    )

    # The assistant. Offline by default; an OpenAI-compatible endpoint makes it better when configured.
    proposal_minutes: int = Field(default=10, ge=1, description="How long an assistant proposal can be confirmed.")
    llm_base_url: str | None = Field(
        default=None, description="OpenAI-compatible API base URL (e.g. an Ollama or OpenRouter /v1); unset = offline."
    )
    llm_api_key: str | None = Field(default=None, description="API key for the LLM endpoint, if it needs one.")
    llm_model: str | None = Field(default=None, description="Chat model name at the LLM endpoint.")
    llm_timeout_seconds: float = Field(default=30.0, gt=0, description="Per-request timeout for the LLM endpoint.")
    llm_max_retries: int = Field(default=2, ge=0, description="Retries on 429 and 5xx answers.")
    llm_prices: str = Field(
        default="{}",
        description='Prices per million tokens by model, JSON: {"model": {"input": "0.15", "output": "0.60"}}.',
    )
    llm_household_daily_cap: str = Field(
        default="0.50", description="Most a household may spend on the LLM per day, in USD (decimal string)."
    )
    llm_global_monthly_cap: str = Field(
        default="20.00", description="Most the whole instance may spend on the LLM per month, in USD."
    )
    llm_user_daily_requests: int = Field(default=200, ge=0, description="LLM requests per user per day.")
    llm_concurrency: int = Field(default=4, ge=1, description="LLM requests in flight at once.")
    transcription_model: str | None = Field(
        default=None,
        description="Model for the endpoint's /audio/transcriptions; unset = offline pocketsphinx.",
    )

    @field_validator("data_dir")
    @classmethod
    def _expand(cls, value: Path) -> Path:
        return value.expanduser()

    @field_validator("base_currency")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: str) -> str:
        for item in _split(value):
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"{item!r} is not an IP address or network (such as 10.0.0.5 or 10.0.0.0/8)") from None
        return value

    @property
    def proxy_networks(self) -> list[str]:
        return _split(self.trusted_proxies)

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)

    @property
    def embedded(self) -> bool:
        """Embedded mode: no external database URL was given, so kakeibo owns its SQLite file."""
        return self.database_url is None

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'kakeibo.sqlite3'}"

    def resolved_secret_key(self) -> str:
        """The signing key. Embedded mode generates one on first use; otherwise it must be configured."""
        if self.secret_key is not None:
            problem = secret_key_problem(self.secret_key)
            if problem:
                raise ConfigurationError(f"KAKEIBO_SECRET_KEY {problem}; generate one with `{_GENERATE}`.")
            return self.secret_key
        if not self.embedded:
            raise ConfigurationError(
                "KAKEIBO_SECRET_KEY must be set when KAKEIBO_DATABASE_URL points at a shared database."
            )
        path = self.data_dir / "secret_key"
        if not path.exists():
            _write_new_key(path)
        # Checked like the variable: an empty file would break every sign-in, a short one lets anyone forge tokens.
        key = path.read_text().strip()
        problem = secret_key_problem(key)
        if problem:
            raise ConfigurationError(
                f"the secret key in {path} {problem}; delete the file to have a new one generated (everyone is "
                f"signed out), or write a key made with `{_GENERATE}` into it."
            )
        return key


def _write_new_key(path: Path) -> None:
    """A new random key at `path`, 0600 from the start and complete when it appears: written aside, then linked
    into place, so a process starting at the same moment reads either nothing or the whole key (and the first
    link wins)."""
    aside = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    with os.fdopen(create_private_file(aside), "w") as handle:
        handle.write(secrets.token_urlsafe(48))
    try:
        os.link(aside, path)
    except FileExistsError:
        pass
    finally:
        aside.unlink()


_GENERATE = "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'"


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


@lru_cache
def get_settings() -> Settings:
    return Settings()
