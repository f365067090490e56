"""The team hub's first schema: hub_meta, objects (every record as a JSON
document with the hub's version), blobs (attachments' content), the
version sequence, and the trigger that stamps each change and notifies
listeners (LISTEN ngodesk_hub) when the change is committed.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE SEQUENCE hub_version")
    op.create_table(
        "hub_meta",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "objects",
        sa.Column("kind", sa.Text, primary_key=True),
        sa.Column("uuid", postgresql.UUID(as_uuid=False), primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("data", postgresql.JSONB),
        sa.Column("changed_by", sa.Text, nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_objects_version", "objects", ["version"])
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.Text, primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name="ck_blobs_sha256"),
    )
    op.create_index("ix_blobs_version", "blobs", ["version"])
    # Every change takes the next version; who and when are the server's
    # to say, not the client's.
    op.execute(
        """
        CREATE FUNCTION hub_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.version := nextval('hub_version');
            IF TG_TABLE_NAME = 'objects' THEN
                NEW.changed_by := session_user;
                NEW.changed_at := now();
            END IF;
            RETURN NEW;
        END $$
        """
    )
    op.execute(
        """
        CREATE FUNCTION hub_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('ngodesk_hub', (SELECT last_value FROM hub_version)::text);
            RETURN NULL;
        END $$
        """
    )
    for table in ("objects", "blobs"):
        op.execute(
            f"CREATE TRIGGER {table}_stamp BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION hub_stamp()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION hub_notify()"
        )


def downgrade() -> None:
    op.drop_table("blobs")
    op.drop_table("objects")
    op.drop_table("hub_meta")
    op.execute("DROP FUNCTION hub_notify")
    op.execute("DROP FUNCTION hub_stamp")
    op.execute("DROP SEQUENCE hub_version")
