"""The glossary: terms with their renderings, readings and status.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "terms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("source_language", sa.String(35), nullable=False),
        sa.Column("term", sa.Text, nullable=False),
        sa.Column("term_key", sa.Text, nullable=False),
        sa.Column("traditional", sa.Text, nullable=False),
        sa.Column("pinyin", sa.Text, nullable=False),
        sa.Column("target_language", sa.String(35), nullable=False),
        sa.Column("rendering", sa.Text, nullable=False),
        sa.Column("alternatives", sa.Text, nullable=False),
        sa.Column("forbidden", sa.Text, nullable=False),
        sa.Column("definition", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("subjects", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("extra", sa.Text, nullable=False),
        sa.CheckConstraint("status IN ('draft', 'approved', 'deprecated')", name="ck_term_status"),
    )
    op.create_index("ix_terms_identity", "terms", ["source_language", "term_key", "target_language"])


def downgrade() -> None:
    op.drop_index("ix_terms_identity", "terms")
    op.drop_table("terms")
