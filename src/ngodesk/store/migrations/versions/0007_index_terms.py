"""The search index's vocabulary becomes a table (FTS5's fts5vocab): which
terms the index holds and in how many stories, for reading pinyin queries.
It stores nothing of its own.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE story_fts_terms USING fts5vocab(story_fts, 'row')")


def downgrade() -> None:
    op.execute("DROP TABLE story_fts_terms")
