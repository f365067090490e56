"""The hub's tables, as SQLAlchemy Core sees them (the migrations in
``migrations/versions`` make them; these name them for queries)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Index, LargeBinary, MetaData, Table, Text
from sqlalchemy.dialects.postgresql import JSONB, UUID

#: The table in which Alembic keeps the hub's schema revision (not
#: ``alembic_version``: a hub's database says what it is).
VERSION_TABLE = "ngodesk_hub_schema"
#: The sequence every change on the hub takes its number from.
VERSION_SEQUENCE = "hub_version"
#: The channel a push notifies, with the hub's new version as payload.
CHANNEL = "ngodesk_hub"

metadata = MetaData()

#: Facts about the hub itself: who made it and when, the team's name.
hub_meta = Table(
    "hub_meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

#: Every record of the team's catalogue, one row per (kind, uuid): the
#: record as a JSON document, or a tombstone (``deleted``, ``data`` null).
#: ``version``, ``changed_by`` and ``changed_at`` are stamped by a trigger.
objects = Table(
    "objects",
    metadata,
    Column("kind", Text, primary_key=True),
    Column("uuid", UUID(as_uuid=False), primary_key=True),
    Column("version", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False, server_default="false"),
    Column("data", JSONB),
    Column("changed_by", Text, nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Index("ix_objects_version", "version"),
)

#: Attachments' content, stored once by its SHA-256 whatever links to it.
blobs = Table(
    "blobs",
    metadata,
    Column("sha256", Text, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("version", BigInteger, nullable=False),
    Index("ix_blobs_version", "version"),
)

#: What the migrations make (``team create`` refuses a database holding others).
TABLES = frozenset(metadata.tables) | {VERSION_TABLE}
