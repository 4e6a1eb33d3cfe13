"""Insights tables: the anomalies a person dismissed ("that's fine"), which are not flagged again and teach their
payee's (or category's) threshold. Everything else the insights show is computed from the books."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from kakeibo.core.db import Base, BigId, TimestampMixin


class AnomalyDismissal(TimestampMixin, Base):
    """One dismissed anomaly, by its stable id, with what it teaches: its kind, the payee's key (or the category,
    for a category's month) and the amount that was fine, in the household's currency's minor units."""

    __tablename__ = "anomaly_dismissals"

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"), primary_key=True)
    anomaly_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    payee_key: Mapped[str | None] = mapped_column(String(255))
    category: Mapped[str | None] = mapped_column(String(255))
    amount_minor: Mapped[int | None] = mapped_column(BigInteger)
    transaction_id: Mapped[int | None] = mapped_column(BigInteger)  # a plain reference: the row may be deleted
