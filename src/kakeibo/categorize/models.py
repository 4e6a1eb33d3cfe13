"""Categorization tables: user rules, the learned model per household, and the corrections it learns from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from kakeibo.core.db import Base, BigId, IdMixin, JSONType, TimestampMixin, UTCDateTime


class Rule(IdMixin, TimestampMixin, Base):
    """If every condition holds, the actions apply. Rules run first, before the model and the knowledge base."""

    __tablename__ = "rules"
    __table_args__ = (Index("ix_rules_household_priority", "household_id", "priority"),)

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    # [{"field": "payee"|"description"|"amount"|"account", "op": "contains"|"equals"|"regex"|"between", "value": ...}]
    conditions: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    # {"category_id": int | None, "payee": str | None, "tags": [str]}
    actions: Mapped[dict[str, Any]] = mapped_column(JSONType)
    priority: Mapped[int] = mapped_column(Integer, default=100)
    # Active rules apply; proposed ones (made after repeated corrections) wait for the user's yes or no.
    status: Mapped[str] = mapped_column(String(16), default="active")
    hits: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id", ondelete="SET NULL"))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class CategoryModelRecord(Base):
    """The household's trained model, serialized; refreshed by a job and by corrections."""

    __tablename__ = "category_models"

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    n_examples: Mapped[int] = mapped_column(Integer, default=0)
    trained_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class CategoryCorrection(IdMixin, TimestampMixin, Base):
    """A category the user set on a transaction the categorizer had filed elsewhere (or not at all)."""

    __tablename__ = "category_corrections"
    __table_args__ = (Index("ix_category_corrections_household_payee", "household_id", "payee_key"),)

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    transaction_id: Mapped[int] = mapped_column(BigId, ForeignKey("transactions.id", ondelete="CASCADE"))
    payee_key: Mapped[str] = mapped_column(String(255))
    from_category_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("accounts.id", ondelete="SET NULL"))
    to_category_id: Mapped[int] = mapped_column(BigId, ForeignKey("accounts.id", ondelete="CASCADE"))
