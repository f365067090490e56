"""Which schema a hub's database holds, and bringing it to this program's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from ngodesk.domain.errors import HubError
from ngodesk.store import migrate
from ngodesk.store.hub.schema import TABLES, VERSION_TABLE

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def stored(connection: Connection) -> str | None:
    """The hub schema's revision in this database; None if it holds no hub."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one_or_none()


def refuse_unusable(connection: Connection, where: str) -> str:
    """The revision of the hub at ``where``; HubError if the database holds
    no hub or one made by a newer ngodesk (left untouched) or an older one
    (``team create`` brings it up to date)."""
    revision = stored(connection)
    if revision is None:
        raise HubError(f"{where} is not a team hub (make one with `ngodesk team create URL`)")
    if revision not in migrate.HUB.known_revisions():
        raise HubError(
            f"The hub {where} was made by a newer ngodesk (schema {revision}; this one knows up to "
            f"{migrate.HUB.head_revision()}): update ngodesk to use it; the hub was not changed"
        )
    if revision != migrate.HUB.head_revision():
        raise HubError(
            f"The hub {where} has an older schema ({revision}): its owner brings it up to date with "
            "`ngodesk team create URL`"
        )
    return revision


def make(connection: Connection, where: str) -> bool:
    """Make the hub's schema in ``connection``'s database, or bring an
    older one up to date; False if it was already this program's. HubError
    (nothing changed) if the database holds other tables or a newer hub."""
    revision = stored(connection)
    if revision is None:
        others = sorted(set(inspect(connection).get_table_names()) - TABLES)
        if others:
            listed = ", ".join(others[:5]) + (", …" if len(others) > 5 else "")
            raise HubError(f"{where} already holds other tables ({listed}): a hub needs an empty database of its own")
    elif revision not in migrate.HUB.known_revisions():
        refuse_unusable(connection, where)
    elif revision == migrate.HUB.head_revision():
        return False
    migrate.HUB.upgrade(connection)
    return True
