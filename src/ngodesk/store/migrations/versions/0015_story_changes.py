"""Story history: every change to a story's fields and links, with when
and who (written by triggers, see ``store.history``).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("story_uuid", sa.String(36), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("old", sa.Text, nullable=True),
        sa.Column("new", sa.Text, nullable=True),
        sa.Column("ref", sa.String(36), nullable=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("who", sa.Text, nullable=False, server_default=""),
        sa.Column("revision", sa.Integer, nullable=False),
    )
    op.create_index("ix_story_changes_story", "story_changes", ["story_uuid", "id"])


def downgrade() -> None:
    op.drop_table("story_changes")
