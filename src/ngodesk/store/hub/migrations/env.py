"""Alembic environment of the team hub: runs on the connection ngodesk
hands over (``migrate.HUB``)."""

from alembic import context

from ngodesk.store.hub.schema import VERSION_TABLE, metadata

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=metadata,
    version_table=VERSION_TABLE,
)
with context.begin_transaction():
    context.run_migrations()
