"""The Trash: a deleted story is kept as it was for 30 days, to restore
with its tags, records, translations, notes and attachments
(``services.trash``). A new table; nothing else changes.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-12
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trash",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("story_uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("story_id", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("deleted_at", sa.DateTime, nullable=False),
        sa.Column("deleted_by", sa.Text, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
    )
    op.create_index("ix_trash_deleted_at", "trash", ["deleted_at"])


def downgrade() -> None:
    op.drop_table("trash")
