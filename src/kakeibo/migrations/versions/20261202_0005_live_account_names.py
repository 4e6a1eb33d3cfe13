"""account and category names are unique among live ones: a deleted "Visa" does not block a new "Visa"

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # SQLite cannot drop a table's UNIQUE constraint: batch mode rebuilds the table (foreign keys are off while
    # migrations run; see migrations/env.py).
    with op.batch_alter_table('accounts', schema=None, recreate='auto') as batch_op:
        batch_op.drop_constraint('uq_accounts_household_id_kind_path', type_='unique')
    op.create_index(
        'uq_accounts_household_kind_path_live',
        'accounts',
        ['household_id', 'kind', 'path'],
        unique=True,
        postgresql_where=sa.text('deleted_at IS NULL'),
        sqlite_where=sa.text('deleted_at IS NULL'),
    )


def downgrade() -> None:
    op.drop_index('uq_accounts_household_kind_path_live', table_name='accounts')
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_accounts_household_id_kind_path', ['household_id', 'kind', 'path'])
