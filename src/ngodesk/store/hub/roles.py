"""Who may do what on a hub: PostgreSQL's roles. ``team create`` makes two
group roles per hub database, editors (pull and push) and readers (pull
only); ``team grant`` makes a login role a member of one of them."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from sqlalchemy import text

from ngodesk.domain.errors import HubError
from ngodesk.domain.i18n import translate
from ngodesk.store.hub.schema import VERSION_SEQUENCE

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

#: The hub's tables (and Alembic's) everyone on the team reads.
_READ = ("hub_meta", "objects", "blobs", "ngodesk_hub_schema")
#: The tables editors write (never delete from: a deletion is a tombstone).
_WRITE = ("objects", "blobs")


class Role(enum.StrEnum):
    EDITOR = "editor"
    READER = "reader"


def group_name(database: str, role: Role) -> str:
    """The group role of ``role`` on the hub in ``database`` (roles are the
    whole server's, so the database's name is in it; at most 63 bytes)."""
    suffix = "_editors" if role is Role.EDITOR else "_readers"
    return f"ngodesk_{database}"[: 63 - len(suffix)] + suffix


def _quoted(connection: Connection, name: str) -> str:
    return str(connection.execute(text("SELECT quote_ident(:name)"), {"name": name}).scalar_one())


def _exists(connection: Connection, role: str) -> bool:
    return connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first() is not None


def make(connection: Connection) -> dict[Role, str]:
    """Make (or complete) the two group roles of the hub in the current
    database and give them their rights; no one else may connect. Their
    names by role. HubError if the user may not create roles."""
    database = str(connection.execute(text("SELECT current_database()")).scalar_one())
    groups = {role: group_name(database, role) for role in Role}
    if not all(_exists(connection, name) for name in groups.values()):
        allowed = connection.execute(
            text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
        ).scalar_one()
        if not allowed:
            raise HubError(
                translate(
                    "Messages",
                    "Making a hub makes its editors' and readers' roles: connect as a user who may create roles "
                    "(CREATEROLE)",
                )
            )
    q = {role: _quoted(connection, name) for role, name in groups.items()}
    db = _quoted(connection, database)
    for role in Role:
        if not _exists(connection, groups[role]):
            connection.execute(text(f"CREATE ROLE {q[role]} NOLOGIN"))
    both = f"{q[Role.EDITOR]}, {q[Role.READER]}"
    for statement in (
        f"REVOKE ALL ON DATABASE {db} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {db} TO {both}",
        f"GRANT USAGE ON SCHEMA public TO {both}",
        f"GRANT SELECT ON {', '.join(_READ)} TO {both}",
        f"GRANT SELECT ON SEQUENCE {VERSION_SEQUENCE} TO {both}",
        f"GRANT INSERT, UPDATE ON {', '.join(_WRITE)} TO {q[Role.EDITOR]}",
        f"GRANT USAGE, UPDATE ON SEQUENCE {VERSION_SEQUENCE} TO {q[Role.EDITOR]}",
    ):
        connection.execute(text(statement))
    return groups


def grant(connection: Connection, member: str, role: Role) -> str:
    """Make login role ``member`` an editor or a reader of the hub in the
    current database (and no longer the other); the group's name."""
    database = str(connection.execute(text("SELECT current_database()")).scalar_one())
    if not _exists(connection, member):
        raise HubError(
            translate(
                "Messages",
                "There is no role {role} on the hub's server: make it first (CREATE ROLE {role} LOGIN PASSWORD '…'), "
                "then grant it",
            ).format(role=member)
        )
    chosen, other = (
        group_name(database, role),
        group_name(database, Role.READER if role is Role.EDITOR else Role.EDITOR),
    )
    if not _exists(connection, chosen):
        raise HubError(
            translate(
                "Messages", "{database} has no team roles: is it a hub? (make one with ngodesk team create URL)"
            ).format(database=database)
        )
    who = _quoted(connection, member)
    connection.execute(text(f"GRANT {_quoted(connection, chosen)} TO {who}"))
    connection.execute(text(f"REVOKE {_quoted(connection, other)} FROM {who}"))
    return chosen


def role_of(connection: Connection) -> Role | None:
    """What the connected user may do on this hub: EDITOR if it may push
    (an editor, or the hub's owner), READER if it may only pull."""
    may = connection.execute(
        text("SELECT has_table_privilege('objects', 'INSERT'), has_table_privilege('objects', 'SELECT')")
    ).one()
    return Role.EDITOR if may[0] else Role.READER if may[1] else None
