"""Translations: story fields (title, summary, body) in other languages,
each with a status and its translator.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "translations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("language", sa.String(35), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("translator", sa.Text, nullable=False),
        sa.UniqueConstraint("story_id", "field", "language", name="uq_translations_story_field_language"),
        sa.CheckConstraint("field IN ('title', 'summary', 'body')", name="ck_translation_field"),
        sa.CheckConstraint("status IN ('draft', 'reviewed')", name="ck_translation_status"),
    )


def downgrade() -> None:
    op.drop_table("translations")
