"""live transactions by currency and date with their payee and description: reports read them from the index
alone (a merchant's figure scans its period's names; a posting finds its transaction's payee by day and id)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAME = "ix_transactions_household_date_text"


def upgrade() -> None:
    op.create_index(
        _NAME,
        "transactions",
        ["household_id", "settlement_currency", "date", "id", "payee", "description"],
        unique=False,
        postgresql_where=sa.text("deleted_at IS NULL"),
        sqlite_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index(_NAME, table_name="transactions")
