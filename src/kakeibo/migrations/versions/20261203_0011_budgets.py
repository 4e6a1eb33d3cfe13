"""budgets: a household's budget mode, its amounts per month and line, and each line's rollover options

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kakeibo.core.db

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.INTEGER(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "budget_settings",
        sa.Column("household_id", _ID, nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_budget_settings_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("household_id", name=op.f("pk_budget_settings")),
    )
    op.create_table(
        "budgets",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("household_id", _ID, nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("category_id", _ID, nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("created_at", kakeibo.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"], ["accounts.id"], name=op.f("fk_budgets_category_id_accounts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["households.id"], name=op.f("fk_budgets_household_id_households"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budgets")),
        sa.UniqueConstraint(
            "household_id", "month", "category_id", name=op.f("uq_budgets_household_id_month_category_id")
        ),
    )
    op.create_table(
        "budget_lines",
        sa.Column("household_id", _ID, nullable=False),
        sa.Column("category_id", _ID, nullable=False),
        sa.Column("rollover", sa.Boolean(), nullable=False),
        sa.Column("rollover_cap_minor", sa.BigInteger(), nullable=True),
        sa.Column("sweep", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"], ["accounts.id"], name=op.f("fk_budget_lines_category_id_accounts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_budget_lines_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("household_id", "category_id", name=op.f("pk_budget_lines")),
    )


def downgrade() -> None:
    op.drop_table("budget_lines")
    op.drop_table("budgets")
    op.drop_table("budget_settings")
