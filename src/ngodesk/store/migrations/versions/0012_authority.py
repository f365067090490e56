"""Authority records get a type (e.g. foundation), a country, an external
identifier (e.g. a Wikidata id, as text) and "see also" links; rejected
suggestions are remembered so they are not proposed again.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name in ("type", "country", "external_id"):
        op.add_column("entities", sa.Column(name, sa.Text, nullable=False, server_default=""))
    op.create_table(
        "entity_see_also",
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("other_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
        sa.CheckConstraint("entity_id < other_id", name="ck_entity_see_also_order"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_entity_see_also_other", "entity_see_also", ["other_id"])
    op.create_table(
        "rejected_suggestions",
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("rejected_suggestions")
    op.drop_table("entity_see_also")
    for name in ("external_id", "country", "type"):
        op.drop_column("entities", name)
