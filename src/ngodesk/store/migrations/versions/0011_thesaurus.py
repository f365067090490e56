"""Tags become a thesaurus: a scope note per tag, synonyms (non-preferred
labels that redirect to their tag) and related tags.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("tags", sa.Column("scope_note", sa.Text, nullable=False, server_default=""))
    op.create_table(
        "tag_synonyms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("tag_id", sa.Integer, sa.ForeignKey("tags.id", ondelete="CASCADE"), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("label_key", sa.Text, nullable=False, unique=True),
    )
    op.create_index("ix_tag_synonyms_tag_id", "tag_synonyms", ["tag_id"])
    op.create_table(
        "tag_relations",
        sa.Column("tag_id", sa.Integer, sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("related_id", sa.Integer, sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
        sa.CheckConstraint("tag_id < related_id", name="ck_tag_relation_order"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_tag_relations_related", "tag_relations", ["related_id"])


def downgrade() -> None:
    op.drop_table("tag_relations")
    op.drop_table("tag_synonyms")
    op.drop_column("tags", "scope_note")
