"""The assistant's records: conversations and their messages (history and follow-up context), and proposals —
changes the assistant understood, waiting for the user's confirmation before the ledger carries them out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kakeibo.core import clock
from kakeibo.core.db import Base, BigId, IdMixin, JSONType, TimestampMixin, UTCDateTime


class Conversation(IdMixin, TimestampMixin, Base):
    __tablename__ = "assistant_conversations"
    __table_args__ = (Index("ix_assistant_conversations_household_user", "household_id", "user_id", "id"),)

    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(120), default="")
    # What follow-ups resolve against: the last question's intent and the transactions last talked about.
    context: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=clock.now, nullable=False)


class Message(IdMixin, TimestampMixin, Base):
    __tablename__ = "assistant_messages"
    __table_args__ = (Index("ix_assistant_messages_conversation", "conversation_id", "id"),)

    conversation_id: Mapped[int] = mapped_column(BigId, ForeignKey("assistant_conversations.id", ondelete="CASCADE"))
    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))  # user | assistant
    text: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSONType)


class Proposal(TimestampMixin, Base):
    """A change the assistant would make: pending until confirmed, cancelled or expired; confirming executes it
    through the ledger service as one undoable event group."""

    __tablename__ = "assistant_proposals"
    __table_args__ = (Index("ix_assistant_proposals_household_created", "household_id", "created_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    household_id: Mapped[int] = mapped_column(BigId, ForeignKey("households.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id", ondelete="SET NULL"))
    conversation_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("assistant_conversations.id", ondelete="SET NULL")
    )
    action: Mapped[str] = mapped_column(String(16))  # create | update | delete | undo | budget
    summary: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType)  # what the ledger call needs
    diff: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    # pending | confirmed | cancelled; "expired" is derived from expires_at (proposals.status_of)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    transaction_id: Mapped[int | None] = mapped_column(BigId)
    event_group: Mapped[str | None] = mapped_column(String(36))
    ledger_version: Mapped[int] = mapped_column(BigId, default=0)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
