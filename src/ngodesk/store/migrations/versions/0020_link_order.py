"""Author order: a story's people, organisations and places keep the
order the file or the user gave them (a ``position`` on the story-record
link). Links already there get positions in the order they were shown
until now (by kind, then by name), so nothing moves on upgrading.

The column is added in place (no table rebuild: the links' covering index
and the history triggers stay as they are) and only links that are not
first in their story are written.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("story_entities", sa.Column("position", sa.Integer, nullable=False, server_default="0"))
    op.execute(
        "CREATE TEMP TABLE ngodesk_link_order (story_id INTEGER, entity_id INTEGER, position INTEGER,"
        " PRIMARY KEY (story_id, entity_id)) WITHOUT ROWID"
    )
    op.execute(
        "INSERT INTO temp.ngodesk_link_order SELECT story_id, entity_id, position FROM"
        " (SELECT l.story_id, l.entity_id, row_number() OVER"
        "  (PARTITION BY l.story_id ORDER BY e.kind, lower(e.name), e.id) - 1 AS position"
        "  FROM story_entities AS l JOIN entities AS e ON e.id = l.entity_id)"
        " WHERE position > 0"
    )
    op.execute(
        "UPDATE story_entities SET position = (SELECT o.position FROM temp.ngodesk_link_order AS o"
        " WHERE o.story_id = story_entities.story_id AND o.entity_id = story_entities.entity_id)"
        " WHERE (story_id, entity_id) IN (SELECT story_id, entity_id FROM temp.ngodesk_link_order)"
    )
    op.execute("DROP TABLE temp.ngodesk_link_order")


def downgrade() -> None:
    op.drop_column("story_entities", "position")
