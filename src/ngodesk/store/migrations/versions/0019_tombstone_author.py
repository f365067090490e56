"""Who deleted a record: a conflict about a record one side of a merge
deleted and the other edited says who did each, and when.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tombstones") as table:
        table.add_column(sa.Column("deleted_by", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("tombstones") as table:
        table.drop_column("deleted_by")
