"""An authority record's alternative name can be its preferred name in
its language (中国扶贫基金会 is preferred; in English, "China Foundation
for Poverty Alleviation"; CFPA is an alternative).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("entity_names", sa.Column("preferred", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("entity_names") as batch:
        batch.drop_column("preferred")
