"""Planning tables: a household's budget mode, its budget amounts per month and line, each line's rollover
options, its savings goals with their linked accounts and contributions, and what people said about
recurring series."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kakeibo.core.db import Base, BigId, IdMixin, TimestampMixin
from kakeibo.planning.kinds import BudgetMode


class BudgetSettings(Base):
    """A household's budget mode (a household without a row tracks)."""

    __tablename__ = "budget_settings"

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"), primary_key=True)
    mode: Mapped[str] = mapped_column(String(16), default=BudgetMode.tracking.value)


class Budget(IdMixin, TimestampMixin, Base):
    """The amount assigned to one line (an expense category or a whole group) for one month, in the household's
    base currency's minor units. `month` is the month's first day."""

    __tablename__ = "budgets"
    __table_args__ = (UniqueConstraint("household_id", "month", "category_id"),)

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    month: Mapped[dt.date] = mapped_column(Date)
    category_id: Mapped[int] = mapped_column(BigId, ForeignKey("accounts.id", ondelete="CASCADE"))
    amount_minor: Mapped[int] = mapped_column(BigInteger, default=0)


class BudgetLine(Base):
    """A line's rollover options, the same in every month: whether it rolls over in tracking mode (in envelope
    mode every line does), the most surplus that carries (none: all of it), and whether surplus is swept back to
    "To budget" instead of carrying."""

    __tablename__ = "budget_lines"

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"), primary_key=True)
    category_id: Mapped[int] = mapped_column(BigId, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    rollover: Mapped[bool] = mapped_column(Boolean, default=False)
    rollover_cap_minor: Mapped[int | None] = mapped_column(BigInteger)
    sweep: Mapped[bool] = mapped_column(Boolean, default=False)


class Goal(IdMixin, TimestampMixin, Base):
    """A savings goal: a target in the household's base currency's minor units, by an optional date. `name_key`
    is the name casefolded, so two goals cannot differ only in case."""

    __tablename__ = "goals"
    __table_args__ = (UniqueConstraint("household_id", "name_key"),)

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(120))
    target_minor: Mapped[int] = mapped_column(BigInteger)
    target_date: Mapped[dt.date | None] = mapped_column(Date)


class GoalAccount(Base):
    """A money account whose balance is a goal's progress (a goal without any counts its contributions)."""

    __tablename__ = "goal_accounts"

    goal_id: Mapped[int] = mapped_column(BigId, ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True)
    account_id: Mapped[int] = mapped_column(BigId, ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))


class GoalContribution(IdMixin, TimestampMixin, Base):
    """Money earmarked for a goal on a day: a planning record, not a ledger transaction (no account moves)."""

    __tablename__ = "goal_contributions"

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    goal_id: Mapped[int] = mapped_column(BigId, ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(BigInteger)


# --- Recurring series: only what people said about a detected series (detection itself is computed) -----------


class RecurringNote(TimestampMixin, Base):
    """A person's word on one detected series, keyed by its stable key (kind, account and payee): dismissed (a
    tombstone: the series is never shown as detected again), confirmed, renamed, or ended on a day (a cancelled
    subscription: shown as ended until a payment after that day brings it back)."""

    __tablename__ = "recurring_notes"

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"), primary_key=True)
    series_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    dismissed: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    name: Mapped[str | None] = mapped_column(String(120))
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
