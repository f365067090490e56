"""Annotations: notes on passages of story fields (original or translated),
anchored by quote, context and offsets.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("language", sa.String(35), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("term_id", sa.Integer, sa.ForeignKey("terms.id", ondelete="SET NULL"), nullable=True),
        sa.Column("exact", sa.Text, nullable=False),
        sa.Column("prefix", sa.Text, nullable=False),
        sa.Column("suffix", sa.Text, nullable=False),
        sa.Column("quote_start", sa.Integer, nullable=False),
        sa.Column("quote_end", sa.Integer, nullable=False),
        sa.Column("orphaned", sa.Boolean, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.CheckConstraint("field IN ('title', 'summary', 'body')", name="ck_annotation_field"),
        sa.CheckConstraint("kind IN ('comment', 'rendering', 'term')", name="ck_annotation_kind"),
    )
    op.create_index("ix_annotations_story", "annotations", ["story_id"])


def downgrade() -> None:
    op.drop_index("ix_annotations_story", "annotations")
    op.drop_table("annotations")
