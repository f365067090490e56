"""Merge conflicts: a field both libraries changed (or a record one
deleted and the other edited), kept until the user settles it.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "merge_conflicts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("record_uuid", sa.String(36), nullable=False),
        sa.Column("label", sa.Text, nullable=False, server_default=""),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("mine", sa.Text, nullable=True),
        sa.Column("theirs", sa.Text, nullable=True),
        sa.Column("mine_who", sa.Text, nullable=False, server_default=""),
        sa.Column("mine_at", sa.String(32), nullable=False, server_default=""),
        sa.Column("theirs_who", sa.Text, nullable=False, server_default=""),
        sa.Column("theirs_at", sa.String(32), nullable=False, server_default=""),
        sa.Column("source", sa.Text, nullable=False, server_default=""),
        sa.Column("found_at", sa.DateTime, nullable=False),
        sa.Column("resolved", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_merge_conflicts_record", "merge_conflicts", ["record_uuid", "field"])


def downgrade() -> None:
    op.drop_table("merge_conflicts")
