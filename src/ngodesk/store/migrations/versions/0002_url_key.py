"""Stories get url_key (the address reduced to what identifies the page),
indexed, for duplicate detection on import.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from ngodesk.domain.text import url_key

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("stories", sa.Column("url_key", sa.Text, nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.exec_driver_sql("SELECT id, url FROM stories WHERE url != ''").fetchall()
    if rows:
        connection.exec_driver_sql(
            "UPDATE stories SET url_key = ? WHERE id = ?", [(url_key(url), story_id) for story_id, url in rows]
        )
    op.create_index("ix_stories_url_key", "stories", ["url_key"])


def downgrade() -> None:
    op.drop_index("ix_stories_url_key", "stories")
    op.drop_column("stories", "url_key")
