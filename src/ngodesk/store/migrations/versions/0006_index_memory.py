"""The search index may hold 64 MB of changes in memory before writing them
out (FTS5's default of 1 MB made a 100k-story import write hundreds of
small segments and merge them again: a third of the index's time).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("INSERT INTO story_fts(story_fts, rank) VALUES ('hashsize', 67108864)")


def downgrade() -> None:
    op.execute("DELETE FROM story_fts_config WHERE k = 'hashsize'")
