"""Job records: long work (imports, retraining) that clients poll for progress."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
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
