"""Stories get title_sort (the title with Chinese spelled in pinyin), so
that sorting by title puts Chinese titles where a reader of pinyin looks.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from ngodesk.search.chinese import sort_key

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("stories", sa.Column("title_sort", sa.Text, nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.exec_driver_sql("SELECT id, title FROM stories").fetchall()
    if rows:
        connection.exec_driver_sql(
            "UPDATE stories SET title_sort = ? WHERE id = ?", [(sort_key(title), story_id) for story_id, title in rows]
        )
    op.create_index("ix_stories_title_sort", "stories", ["title_sort"])


def downgrade() -> None:
    op.drop_index("ix_stories_title_sort", "stories")
    op.drop_column("stories", "title_sort")
