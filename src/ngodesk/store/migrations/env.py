"""Alembic environment: runs on the connection ngodesk hands over."""

from alembic import context

from ngodesk.store.migrate import include_object
from ngodesk.store.schema import Base

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
