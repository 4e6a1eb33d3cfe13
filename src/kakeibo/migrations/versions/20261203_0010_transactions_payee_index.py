"""live transactions by payee, newest first: where a merchant is usually paid from, read from its latest rows

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAME = "ix_transactions_household_payee_live"


def upgrade() -> None:
    # lower(payee): a capture's "blue bottle" finds the "Blue Bottle" the ledger stores; both dialects index it.
    op.create_index(
        _NAME,
        "transactions",
        ["household_id", sa.text("lower(payee)"), "date", "id"],
        unique=False,
        postgresql_where=sa.text("deleted_at IS NULL"),
        sqlite_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index(_NAME, table_name="transactions")
