"""One row per language-model call: who asked, which model, tokens, cost and outcome — the record behind the
spend caps and the usage endpoint."""

from __future__ import annotations

import enum

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kakeibo.core.db import Base, BigId, IdMixin, TimestampMixin


class Outcome(enum.StrEnum):
    ok = "ok"  # the provider answered (whether or not the answer then validated)
    cached = "cached"  # answered from the cache; no provider call, no cost
    error = "error"  # the provider failed (5xx after retries, bad answer, connection)
    timeout = "timeout"
    refused = "refused"  # the gateway refused it (cap, quota, duplicate, busy); no provider call


# Outcomes that reached the provider: they count as requests against a user's quota.
PROVIDER_OUTCOMES = (Outcome.ok, Outcome.error, Outcome.timeout)


class LLMUsage(IdMixin, TimestampMixin, Base):
    __tablename__ = "llm_usage"
    __table_args__ = (
        Index("ix_llm_usage_household_created", "household_id", "created_at"),
        Index("ix_llm_usage_user_created", "user_id", "created_at"),
        Index("ix_llm_usage_created", "created_at"),
    )

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id", ondelete="SET NULL"))
    model: Mapped[str] = mapped_column(String(120))
    purpose: Mapped[str] = mapped_column(String(16))  # parse | narrate | categorize
    outcome: Mapped[str] = mapped_column(String(16))
    tokens_in: Mapped[int] = mapped_column(Integer, default=0)
    tokens_out: Mapped[int] = mapped_column(Integer, default=0)
    # US dollars × 10⁶: exact integers, never a float.
    cost_micro: Mapped[int] = mapped_column(BigInteger, default=0)
    latency_ms: Mapped[int] = mapped_column(Integer, default=0)
    detail: Mapped[str] = mapped_column(String(255), default="")
