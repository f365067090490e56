"""Reading and writing the hub's objects (``schema.objects``): what
changed after a version, and a push that is applied whole or not at all."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import func, select, text
from sqlalchemy.dialects.postgresql import insert

from ngodesk.store.hub.schema import objects
from ngodesk.store.replica import Change

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

#: Objects written per statement.
BATCH = 1000


class Stale(Exception):
    """Someone changed an object of the push after the version it was
    based on: pull, merge, push again."""


#: The advisory lock a push holds: pushes commit one at a time, so every
#: change numbered below a committed one is committed too (a pull that has
#: seen version N has seen everything up to N).
PUSH_LOCK = 0x6E676F_6875_62  # ("ngohub")


def version(connection: Connection) -> int:
    """The hub's version as ``connection`` sees it: the number of its
    latest committed change (0 for none)."""
    return int(connection.execute(select(func.coalesce(func.max(objects.c.version), 0))).scalar_one())


def changes_after(connection: Connection, after: int, upto: int) -> Iterator[tuple[Change, int]]:
    """The objects changed after version ``after`` up to ``upto``, oldest
    first, each with its version."""
    statement = (
        select(objects.c.kind, objects.c.uuid, objects.c.data, objects.c.deleted, objects.c.version)
        .where(objects.c.version > after, objects.c.version <= upto)
        .order_by(objects.c.version)
        .execution_options(yield_per=BATCH)
    )
    for kind, uuid, data, deleted, number in connection.execute(statement):
        yield Change(kind, str(uuid), data, bool(deleted)), int(number)


def push(connection: Connection, changes: Sequence[Change], based_on: int) -> set[int]:
    """Write ``changes`` (in the caller's transaction); the versions they
    were given. Stale if any of them was changed on the hub after version
    ``based_on`` (the caller rolls back: nothing of the push stays)."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": PUSH_LOCK})
    versions: set[int] = set()
    for start in range(0, len(changes), BATCH):
        batch = changes[start : start + BATCH]
        values = [{"kind": c.table, "uuid": c.uuid, "data": dict(c.data), "deleted": c.deleted} for c in batch]
        adding = insert(objects).values(values)
        upsert = adding.on_conflict_do_update(
            index_elements=[objects.c.kind, objects.c.uuid],
            set_={"data": adding.excluded.data, "deleted": adding.excluded.deleted},
            where=objects.c.version <= based_on,
        ).returning(objects.c.version)
        written = connection.execute(upsert).scalars().all()
        if len(written) < len(batch):
            raise Stale
        versions.update(int(v) for v in written)
    return versions
