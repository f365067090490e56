"""The story-tag and story-entity link tables become WITHOUT ROWID tables:
the primary key (story, tag) is the table itself, so each link is stored
twice instead of three times (a seventh of a library of 100,000 stories
went to links; benchmarks/README.md).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: table, linked column, referenced table, covering index
_LINKS = (
    ("story_tags", "tag_id", "tags", "ix_story_tags_tag_story"),
    ("story_entities", "entity_id", "entities", "ix_story_entities_entity_story"),
)


def _rebuild(without_rowid: bool) -> None:
    for table, column, target, index in _LINKS:
        op.create_table(
            f"{table}_new",
            sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
            sa.Column(column, sa.Integer, sa.ForeignKey(f"{target}.id", ondelete="CASCADE"), primary_key=True),
            sqlite_with_rowid=not without_rowid,
        )
        op.execute(f"INSERT INTO {table}_new SELECT story_id, {column} FROM {table} ORDER BY story_id, {column}")
        op.drop_table(table)
        op.rename_table(f"{table}_new", table)
        op.create_index(index, table, [column, "story_id"])


def upgrade() -> None:
    _rebuild(without_rowid=True)


def downgrade() -> None:
    _rebuild(without_rowid=False)
