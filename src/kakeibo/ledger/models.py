"""Ledger tables: accounts (incl. categories), transactions, postings, tags, monthly rollups, events."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from kakeibo.core.db import Base, BigId, IdMixin, JSONType, TimestampMixin, UTCDateTime
from kakeibo.ledger.kinds import AccountSubtype as AccountSubtype  # defined without SQLAlchemy (the CLI's options)


class AccountKind(enum.StrEnum):
    asset = "asset"
    liability = "liability"
    equity = "equity"
    income = "income"
    expense = "expense"
    # Category-only: money leaving to somewhere we do not track as an account ("Transfers/Savings").
    # Neither income nor spending in any report.
    transfer = "transfer"


CATEGORY_KINDS = (AccountKind.income, AccountKind.expense, AccountKind.transfer)
BALANCE_KINDS = (AccountKind.asset, AccountKind.liability)


class TransactionType(enum.StrEnum):
    expense = "expense"
    income = "income"
    transfer = "transfer"
    split_ = "split"  # `split` would shadow str.split
    opening = "opening"


class CategorySource(enum.StrEnum):
    user = "user"
    rule = "rule"
    model = "model"
    knowledge_base = "knowledge_base"
    import_file = "import"
    llm = "llm"
    none = "none"


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(cls, name=name, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class Account(IdMixin, TimestampMixin, Base):
    """An asset/liability account, the opening-balance equity account, or a category (income/expense/transfer)."""

    __tablename__ = "accounts"
    __table_args__ = (
        # Unique among live accounts only: a deleted "Visa" leaves its name free (undoing that delete checks it).
        Index(
            "uq_accounts_household_kind_path_live",
            "household_id",
            "kind",
            "path",
            unique=True,
            postgresql_where=text("deleted_at IS NULL"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index("ix_accounts_household_kind", "household_id", "kind"),
    )

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    kind: Mapped[AccountKind] = mapped_column(_enum(AccountKind, "account_kind"))
    subtype: Mapped[AccountSubtype | None] = mapped_column(_enum(AccountSubtype, "account_subtype"))
    name: Mapped[str] = mapped_column(String(120))
    # "Group/Category" for categories, the name for everything else; kept in step with renames.
    path: Mapped[str] = mapped_column(String(255))
    parent_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("accounts.id", ondelete="RESTRICT"))
    currency: Mapped[str | None] = mapped_column(String(3))
    institution: Mapped[str | None] = mapped_column(String(120))
    opening_balance_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    opening_date: Mapped[dt.date | None] = mapped_column(Date)
    opening_transaction_id: Mapped[int | None] = mapped_column(BigId)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


TRANSACTION_TEXT_INDEX = "ix_transactions_household_date_text"


class Transaction(IdMixin, TimestampMixin, Base):
    __tablename__ = "transactions"
    __table_args__ = (
        # Keyset pagination and date filters: newest first within a household.
        Index("ix_transactions_household_date_id", "household_id", "date", "id"),
        Index(
            "ix_transactions_household_fingerprint",
            "household_id",
            "fingerprint",
            postgresql_where=text("fingerprint IS NOT NULL"),
            sqlite_where=text("fingerprint IS NOT NULL"),
        ),
        # A payee's latest live rows (where a merchant is usually paid from: assistant.repository).
        Index(
            "ix_transactions_household_payee_live",
            "household_id",
            text("lower(payee)"),
            "date",
            "id",
            postgresql_where=text("deleted_at IS NULL"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
        # Reports (ledger.queries) read transactions from this index alone, not row by row: a merchant's figure
        # scans its period's payees and descriptions; a posting finds its transaction's payee in the index entries
        # of its own day, which the postings of a period, read in date order, visit in order too.
        Index(
            TRANSACTION_TEXT_INDEX,
            "household_id",
            "settlement_currency",
            "date",
            "id",
            "payee",
            "description",
            postgresql_where=text("deleted_at IS NULL"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    type: Mapped[TransactionType] = mapped_column(_enum(TransactionType, "transaction_type"))
    payee: Mapped[str] = mapped_column(String(255), default="")
    description: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="cleared")
    source: Mapped[str] = mapped_column(String(16), default="api")
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    settlement_currency: Mapped[str] = mapped_column(String(3))
    # The one signed figure a register shows: the money side, in the settlement currency's minor units.
    amount_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    category_source: Mapped[CategorySource] = mapped_column(
        _enum(CategorySource, "category_source"), default=CategorySource.none
    )
    category_confidence: Mapped[float | None] = mapped_column(Float)  # a model score, never money
    category_reason: Mapped[str | None] = mapped_column(String(255))
    category_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set on rows that wait for a person: "possible_duplicate" (review_ref: the look-alike transaction).
    review_flag: Mapped[str | None] = mapped_column(String(32))
    review_ref: Mapped[int | None] = mapped_column(BigInteger)
    # The import that brought the row in (a plain reference: a foreign key here would make SQLite rebuild the table).
    import_id: Mapped[int | None] = mapped_column(BigInteger)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    # Every UPDATE of a transaction is conditional on the version it read ("WHERE version = :read"); the ledger
    # service sets the next version itself. A writer that lost a race updates no row and gets StaleDataError
    # (answered 409), so two changes made from one version can never both land.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}  # noqa: RUF012 (SQLAlchemy reads it once)


class Posting(IdMixin, Base):
    """One leg of a transaction. `date`, `household_id` and `deleted` repeat the transaction's for fast reports."""

    __tablename__ = "postings"
    __table_args__ = (
        Index(
            "ix_postings_household_date_account",
            "household_id",
            "date",
            "account_id",
            "amount_minor",
            "converted_minor",
            "transaction_id",  # so a figure counts its transactions from the index alone
            postgresql_where=text("deleted = false"),
            sqlite_where=text("deleted = 0"),
        ),
    )

    transaction_id: Mapped[int] = mapped_column(BigId, ForeignKey("transactions.id", ondelete="CASCADE"), index=True)
    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(BigId, ForeignKey("accounts.id", ondelete="RESTRICT"))
    date: Mapped[dt.date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    # The same amount in the transaction's settlement currency (equal to amount_minor when the currencies match).
    converted_minor: Mapped[int] = mapped_column(BigInteger)
    memo: Mapped[str] = mapped_column(String(255), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class TransactionTag(Base):
    __tablename__ = "transaction_tags"
    __table_args__ = (Index("ix_transaction_tags_household_tag", "household_id", "tag"),)

    transaction_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("transactions.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(64), primary_key=True)
    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))


class MonthlyTotal(Base):
    """Per account, month and currency pair: the sum of live postings. Kept in step by the ledger service,
    so balances and period summaries read a few rows per month instead of every posting."""

    __tablename__ = "monthly_totals"

    account_id: Mapped[int] = mapped_column(BigId, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    month: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    settlement_currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"), index=True)
    amount_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    converted_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    postings: Mapped[int] = mapped_column(BigInteger, default=0)


class Event(IdMixin, TimestampMixin, Base):
    """The audit trail: one row per create/update/delete, with before/after images. Undo reverses a group."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_household_group", "household_id", "group_id"),
        Index("ix_events_household_id", "household_id", "id"),
    )

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    group_id: Mapped[str] = mapped_column(String(36))
    actor_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(16))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    summary: Mapped[str] = mapped_column(String(255), default="")
    undone_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    undo_of: Mapped[str | None] = mapped_column(String(36))

    @property
    def undone(self) -> bool:
        return self.undone_at is not None
