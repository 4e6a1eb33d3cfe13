"""recurring: what people said about detected recurring series (dismissed, confirmed, renamed)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kakeibo.core.db

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.INTEGER(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "recurring_notes",
        sa.Column("household_id", _ID, nullable=False),
        sa.Column("series_key", sa.String(length=300), nullable=False),
        sa.Column("dismissed", sa.Boolean(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=True),
        sa.Column("created_at", kakeibo.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_recurring_notes_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("household_id", "series_key", name=op.f("pk_recurring_notes")),
    )


def downgrade() -> None:
    op.drop_table("recurring_notes")
