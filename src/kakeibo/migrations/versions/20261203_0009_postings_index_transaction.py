"""the live postings index also holds the transaction, so a figure counts its transactions from the index alone

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAME = "ix_postings_household_date_account"
_COLUMNS = ["household_id", "date", "account_id", "amount_minor", "converted_minor"]


def _create(columns: list[str]) -> None:
    op.create_index(
        _NAME,
        "postings",
        columns,
        unique=False,
        postgresql_where=sa.text("deleted = false"),
        sqlite_where=sa.text("deleted = 0"),
    )


def upgrade() -> None:
    op.drop_index(_NAME, table_name="postings")
    _create([*_COLUMNS, "transaction_id"])


def downgrade() -> None:
    op.drop_index(_NAME, table_name="postings")
    _create(_COLUMNS)
