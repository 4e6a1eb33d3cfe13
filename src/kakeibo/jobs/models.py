"""Job records: long work (imports, retraining) that clients poll for progress."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kakeibo.core.db import Base, BigId, JSONType, TimestampMixin, UTCDateTime


class Job(TimestampMixin, Base):
    __tablename__ = "jobs"
    __table_args__ = (
        Index("ix_jobs_household_created", "household_id", "created_at"),
        Index("ix_jobs_status", "status"),  # start-up and lease sweeps look for the unfinished ones
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    created_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(32))
    # queued -> running -> succeeded | failed; an interrupted run goes back to queued (or to failed).
    status: Mapped[str] = mapped_column(String(16), default="queued")
    progress_done: Mapped[int] = mapped_column(Integer, default=0)
    progress_total: Mapped[int | None] = mapped_column(Integer)
    message: Mapped[str] = mapped_column(String(255), default="")
    params: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # Each claim of the job counts one attempt; a runner writes to the row only while the attempt is still its own.
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The lease of a running job on PostgreSQL: its runner renews it; a job whose lease ran out was interrupted.
    heartbeat_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Schedule(TimestampMixin, Base):
    """A job a household's books run by themselves, at the times a cron expression names (in UTC).

    `next_run_at` is the one state every process agrees on: a ticker fires a schedule by moving it to the following
    time with a conditional UPDATE (see `schedules.fire_due`), so however many processes tick, each time fires once."""

    __tablename__ = "schedules"
    __table_args__ = (
        UniqueConstraint("household_id", "name"),
        Index("ix_schedules_due", "enabled", "next_run_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))  # the job kind it starts (see kakeibo/tasks.py)
    cron: Mapped[str] = mapped_column(String(120))
    params: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    next_run_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    last_fired_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_job_id: Mapped[str | None] = mapped_column(String(36))
