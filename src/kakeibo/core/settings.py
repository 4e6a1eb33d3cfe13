"""Runtime settings, read from `KAKEIBO_*` environment variables (and a `.env` file when present)."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from kakeibo.core.errors import ConfigurationError

# Values that must never be accepted as a real secret.
_UNSAFE_SECRETS = {"", "changeme", "change-me", "secret", "dev", "default"}


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
    job_visibility_timeout_seconds: int = Field(
        default=3600, ge=60, description="Celery: a message a worker took and never acknowledged goes to another."
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
            if self.secret_key.strip().lower() in _UNSAFE_SECRETS or len(self.secret_key) < 16:
                raise ConfigurationError("KAKEIBO_SECRET_KEY is empty, a default, or shorter than 16 characters.")
            return self.secret_key
        if not self.embedded:
            raise ConfigurationError(
                "KAKEIBO_SECRET_KEY must be set when KAKEIBO_DATABASE_URL points at a shared database."
            )
        path = self.data_dir / "secret_key"
        if path.exists():
            return path.read_text().strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        path.write_text(key)
        path.chmod(0o600)
        return key


@lru_cache
def get_settings() -> Settings:
    return Settings()
