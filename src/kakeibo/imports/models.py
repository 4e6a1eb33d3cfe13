"""Import tables: one row per imported file, the mapping saved per account, and the fingerprints that make
re-imports add nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kakeibo.core.db import Base, BigId, IdMixin, JSONType, TimestampMixin


class ImportBatch(IdMixin, TimestampMixin, Base):
    __tablename__ = "imports"
    __table_args__ = (Index("ix_imports_household_created", "household_id", "created_at"),)

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    account_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("accounts.id", ondelete="SET NULL"))
    job_id: Mapped[str | None] = mapped_column(String(36))
    filename: Mapped[str] = mapped_column(String(255), default="")
    sha256: Mapped[str] = mapped_column(String(64))
    format: Mapped[str] = mapped_column(String(8))
    profile: Mapped[str | None] = mapped_column(String(32))
    # rows read, imported, duplicates skipped, flagged, transfers matched, by categorization source
    figures: Mapped[dict[str, Any]] = mapped_column(JSONType)
    issues: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    group_id: Mapped[str] = mapped_column(String(36))  # the event group: undoing it removes the whole import
    created_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id", ondelete="SET NULL"))


class ImportProfile(IdMixin, TimestampMixin, Base):
    """The column mapping last used for an account's CSV files, reused for the next one."""

    __tablename__ = "import_profiles"
    __table_args__ = (UniqueConstraint("household_id", "account_id"),)

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(BigId, ForeignKey("accounts.id", ondelete="CASCADE"))
    profile: Mapped[str | None] = mapped_column(String(32))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSONType)


class ImportFingerprint(IdMixin, Base):
    """A statement row already imported: the same row in a later file is skipped. A matched transfer carries
    two (one per account's statement)."""

    __tablename__ = "import_fingerprints"
    __table_args__ = (UniqueConstraint("household_id", "account_id", "fingerprint"),)

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(BigId, ForeignKey("accounts.id", ondelete="CASCADE"))
    fingerprint: Mapped[str] = mapped_column(String(40))
    transaction_id: Mapped[int] = mapped_column(BigId, ForeignKey("transactions.id", ondelete="CASCADE"))
