"""Initial schema: stories, hierarchical tags, entities, tombstones, search index.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from ngodesk.store import fts

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "stories",
        *_record_columns(),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("published", sa.String(10), nullable=False),
        sa.Column("published_start", sa.String(10), nullable=True),
        sa.Column("published_end", sa.String(10), nullable=True),
        sa.Column("language", sa.String(35), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("title_key", sa.Text, nullable=False),
        sa.Column("extra", sa.Text, nullable=False),
        sa.CheckConstraint("status IN ('draft', 'catalogued', 'reviewed')", name="ck_story_status"),
    )
    op.create_index("ix_stories_published", "stories", ["published_start", "published_end"])
    op.create_index("ix_stories_updated_at", "stories", ["updated_at"])
    op.create_index("ix_stories_title_key", "stories", ["title_key"])
    op.create_index("ix_stories_status", "stories", ["status"])
    op.create_index("ix_stories_language", "stories", [sa.text("lower(language)")])

    op.create_table(
        "tags",
        *_record_columns(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("tags.id", ondelete="CASCADE"), nullable=True),
        sa.Column("colour", sa.String(9), nullable=False),
    )
    op.create_index("ix_tags_parent_id", "tags", ["parent_id"])
    op.create_index("uq_tags_sibling_name", "tags", [sa.text("coalesce(parent_id, 0)"), "name_key"], unique=True)

    op.create_table(
        "entities",
        *_record_columns(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.CheckConstraint("kind IN ('organisation', 'person', 'place')", name="ck_entity_kind"),
    )
    op.create_index("ix_entities_kind_name_key", "entities", ["kind", "name_key"])

    op.create_table(
        "entity_names",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("language", sa.String(35), nullable=False),
    )
    op.create_index("ix_entity_names_entity_id", "entity_names", ["entity_id"])
    op.create_index("ix_entity_names_name_key", "entity_names", ["name_key"])

    op.create_table(
        "story_tags",
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("tag_id", sa.Integer, sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_story_tags_tag_story", "story_tags", ["tag_id", "story_id"])

    op.create_table(
        "story_entities",
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_story_entities_entity_story", "story_entities", ["entity_id", "story_id"])

    op.create_table(
        "tombstones",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("deleted_at", sa.DateTime, nullable=False),
        sa.Column("replaced_by", sa.String(36), nullable=True),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    for statement in fts.create_statements():
        op.execute(statement)


def downgrade() -> None:
    op.execute(f"DROP TABLE {fts.TABLE}")
    for name in ("meta", "tombstones", "story_entities", "story_tags", "entity_names", "entities", "tags", "stories"):
        op.drop_table(name)
