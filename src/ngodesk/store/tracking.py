"""Which shared objects a library joined to a team hub changed since its
last sync, kept by SQLite itself, so that a sync compares those with the
hub's copy instead of the whole library.

While a library is joined, triggers on every shared table
(``replica.SHARED``) note the *owner* of each row written or deleted
(``replica.Shared.owner``: the record itself, or the record a link or a
history row belongs to) in the table ``team_pending``. The triggers live
in the file, not on ngodesk's connections: whatever writes to it (a
script, the sqlite3 shell) is noted too. A sync ``claim``s what is noted,
compares the claimed owners' rows and, once the hub and the hub's copy
hold them, ``settle``s them; an owner written again meanwhile is noted
anew and stays.

Nothing here is certain to have seen every change since the library
joined (the triggers came later, a schema upgrade may have rebuilt a
table without them): whoever starts the noting sets the library's meta key
``COMPARE_ALL``, and the next sync compares everything and clears it.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, text

from ngodesk.store import replica, rows
from ngodesk.store.hub import HUB_KEY, SYNCED_KEY

TABLE = "team_pending"
#: The library's meta key set while the next sync must compare everything.
COMPARE_ALL = "team.compare_all"
_PREFIX = "ngodesk_team_"


def _owners_of(shared: replica.Shared, row: str) -> str:
    """A SELECT of the owner's uuid of the row ``row`` (NEW or OLD) of
    ``shared`` (no row when the owner is gone: its own deletion was noted)."""
    owner = shared.owner
    target = shared.references.get(owner)
    if target is None:
        return f"SELECT {row}.{owner}, 0 WHERE {row}.{owner} IS NOT NULL"
    return f"SELECT uuid, 0 FROM main.{target} WHERE id = {row}.{owner}"


def _triggers() -> dict[str, str]:
    """Each trigger's name and its CREATE statement."""
    made = {}
    for shared in replica.SHARED:
        for event, versions in (("INSERT", ("new",)), ("UPDATE", ("old", "new")), ("DELETE", ("old",))):
            name = f"{_PREFIX}{shared.name}_{event.lower()}"
            notes = " ".join(
                f"INSERT INTO {TABLE} (owner, claimed) {_owners_of(shared, row)}"
                " ON CONFLICT (owner) DO UPDATE SET claimed = 0 WHERE claimed = 1;"
                for row in versions
            )
            made[name] = f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON main.{shared.name} BEGIN {notes} END"
    return made


def start(connection: Connection) -> None:
    """Note changes from now on (in the caller's transaction). What
    changed before is not known: the caller sets ``COMPARE_ALL``."""
    connection.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS main.{TABLE} (owner TEXT PRIMARY KEY, claimed INTEGER NOT NULL) WITHOUT ROWID"
    )
    for create in _triggers().values():
        connection.exec_driver_sql(create)


def stop(connection: Connection) -> None:
    """Note nothing any more and forget what was noted."""
    for name in _triggers():
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS main.{name}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS main.{TABLE}")


def before_upgrade(connection: Connection) -> None:
    """Stop noting before a schema upgrade (in its transaction): SQLite
    refuses to drop a column a trigger names, and a rebuilt table loses its
    triggers. The next sync compares everything and notes again."""
    if connection.exec_driver_sql("SELECT 1 FROM main.sqlite_master WHERE name = ?", (TABLE,)).first() is None:
        return
    stop(connection)
    connection.exec_driver_sql("INSERT OR REPLACE INTO main.meta (key, value) VALUES (?, '1')", (COMPARE_ALL,))


def disown(connection: Connection) -> None:
    """Make the library joined to no hub (in the caller's transaction):
    its hub's URL and last sync forgotten, nothing noted any more."""
    stop(connection)
    meta = rows.raw("meta")
    connection.execute(delete(meta).where(meta.c.key.in_([HUB_KEY, SYNCED_KEY, COMPARE_ALL])))


def started(connection: Connection) -> bool:
    """Whether changes are noted: the table and every trigger are there."""
    wanted = [TABLE, *_triggers()]
    marks = ", ".join("?" for _ in wanted)
    found = connection.exec_driver_sql(
        f"SELECT count(*) FROM main.sqlite_master WHERE name IN ({marks})", tuple(wanted)
    ).scalar()
    return found == len(wanted)


def claim(connection: Connection) -> None:
    """Mark what is noted as being synced (in the caller's transaction)."""
    connection.exec_driver_sql(f"UPDATE main.{TABLE} SET claimed = 1 WHERE claimed = 0")


def settle(connection: Connection, kept: set[str]) -> None:
    """Forget the claimed owners, but ``kept`` (not sent: records with an
    open conflict) and those written again since the claim."""
    connection.exec_driver_sql(f"DELETE FROM main.{TABLE} WHERE claimed = 1")
    if kept:
        again = text(f"INSERT INTO main.{TABLE} (owner, claimed) VALUES (:owner, 0) ON CONFLICT (owner) DO NOTHING")
        connection.execute(again, [{"owner": owner} for owner in sorted(kept)])
