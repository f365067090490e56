"""Alembic environment: runs on the connection ngodesk hands over."""

from alembic import context

from ngodesk.store import fts
from ngodesk.store.schema import Base


def _include(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # The FTS5 index and its shadow tables are not SQLAlchemy tables.
    return not (type_ == "table" and name is not None and name.startswith(fts.TABLE))


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=_include,
)
with context.begin_transaction():
    context.run_migrations()
