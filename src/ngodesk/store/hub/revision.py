"""Which schema a hub's database holds, and bringing it to this program's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from ngodesk.domain.errors import HubError
from ngodesk.domain.i18n import translate
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
        raise HubError(
            translate("Messages", "{hub} is not a team hub (make one with ngodesk team create URL)").format(hub=where)
        )
    if revision not in migrate.HUB.known_revisions():
        raise HubError(
            translate(
                "Messages",
                "The hub {hub} was made by a newer ngodesk (schema {revision}; this one knows up to {known}): "
                "update ngodesk to use it; the hub was not changed",
            ).format(hub=where, revision=revision, known=migrate.HUB.head_revision())
        )
    if revision != migrate.HUB.head_revision():
        raise HubError(
            translate(
                "Messages",
                "The hub {hub} has an older schema ({revision}): its owner brings it up to date with "
                "ngodesk team create URL",
            ).format(hub=where, revision=revision)
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
            raise HubError(
                translate(
                    "Messages", "{hub} already holds other tables ({tables}): a hub needs an empty database of its own"
                ).format(hub=where, tables=listed)
            )
    elif revision not in migrate.HUB.known_revisions():
        refuse_unusable(connection, where)
    elif revision == migrate.HUB.head_revision():
        return False
    migrate.HUB.upgrade(connection)
    return True
