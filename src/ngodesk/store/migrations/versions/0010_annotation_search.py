"""Annotations get search_key (their comment and quoted passage folded:
simplified, case and accents), for ``note:`` searches that find 走出去 in a
note written in traditional characters.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from ngodesk.search.text import fold

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("annotations", sa.Column("search_key", sa.Text, nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.exec_driver_sql("SELECT id, body, exact FROM annotations").fetchall()
    if rows:
        connection.exec_driver_sql(
            "UPDATE annotations SET search_key = ? WHERE id = ?",
            [(fold(f"{body}\n{exact}"), annotation_id) for annotation_id, body, exact in rows],
        )


def downgrade() -> None:
    op.drop_column("annotations", "search_key")
