"""Reading and writing the hub's objects (``schema.objects``): what
changed after a version, and a push that is applied whole or not at all."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import func, select, text
from sqlalchemy.dialects.postgresql import insert

from ngodesk.store.hub.schema import blobs, hub_meta, objects
from ngodesk.store.replica import Change, Read, Uncopyable

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

#: Objects read at a time.
BATCH = 1000


#: The ``hub_meta`` key of the hub's identity (made once, by ``team create``).
IDENTITY = "hub_id"


def identity(connection: Connection) -> str:
    """Which hub this is: its identity (a hub made before identities: when
    it was made)."""
    found: dict[str, str] = {key: value for key, value in connection.execute(select(hub_meta.c.key, hub_meta.c.value))}
    return found.get(IDENTITY) or found.get("created_at", "")


def describe(connection: Connection, facts: dict[str, str]) -> None:
    """Keep ``facts`` about the hub (who made it, when, its identity); a
    fact it has already keeps its value."""
    connection.execute(
        insert(hub_meta).values([{"key": k, "value": v} for k, v in facts.items()]).on_conflict_do_nothing()
    )


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


def read_after(connection: Connection, after: int, upto: int) -> Iterator[tuple[Read, int]]:
    """The objects changed after version ``after`` up to ``upto``, oldest
    first, each with its version: their values as the JSON text the server
    gives (``Read.change`` parses it), ``BATCH`` rows at a time through the
    driver's own cursor (SQLAlchemy's rows took two thirds of the time)."""
    driver: Any = connection.connection.driver_connection
    with driver.cursor(name="ngodesk_read_after") as cursor:
        cursor.execute(
            "SELECT kind, uuid::text, data::text, deleted, version FROM objects "
            "WHERE version > %s AND version <= %s ORDER BY version",
            (after, upto),
        )
        while rows := cursor.fetchmany(BATCH):
            for kind, uuid, data, deleted, number in rows:
                yield Read(kind, uuid, data, deleted), number


class Pushed(NamedTuple):
    """The versions a push gave its changes, and the hub's version just
    before it (no push came between that and them)."""

    versions: set[int]
    before: int


def push(connection: Connection, changes: Sequence[Change], based_on: int) -> Pushed:
    """Write ``changes`` (in the caller's transaction). Stale if any of
    them was changed on the hub after version ``based_on`` (the caller
    rolls back: nothing of the push stays). The rows go in through COPY,
    then one statement writes them all (into an empty hub, COPY alone:
    there is nothing to be stale against)."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": PUSH_LOCK})
    before = version(connection)
    if not changes:
        return Pushed(set(), before)
    driver: Any = connection.connection.driver_connection
    if before == 0:  # (an empty hub, a first join's: nothing to clash with, the rows go straight in)
        with driver.cursor() as cursor, cursor.copy("COPY objects (kind, uuid, deleted, data) FROM STDIN") as copy:
            _copy_rows(copy, changes)
        return Pushed(set(connection.execute(select(objects.c.version)).scalars()), before)
    connection.execute(
        text("CREATE TEMP TABLE incoming (kind text, uuid uuid, deleted boolean, data jsonb) ON COMMIT DROP")
    )
    with driver.cursor() as cursor, cursor.copy("COPY incoming (kind, uuid, deleted, data) FROM STDIN") as copy:
        _copy_rows(copy, changes)
    written = (
        connection.execute(
            text(
                "INSERT INTO objects (kind, uuid, deleted, data) SELECT kind, uuid, deleted, data FROM incoming "
                "ON CONFLICT (kind, uuid) DO UPDATE SET data = EXCLUDED.data, deleted = EXCLUDED.deleted "
                "WHERE objects.version <= :based_on RETURNING version"
            ),
            {"based_on": based_on},
        )
        .scalars()
        .all()
    )
    if len(written) < len(changes):
        raise Stale
    return Pushed({int(v) for v in written}, before)


def push_whole(connection: Connection, rows: Iterable[tuple[str, str, str]]) -> Pushed | None:
    """Write objects given as (kind, uuid, JSON text) into an empty hub by
    COPY alone (a first join's; in the caller's transaction); None,
    nothing written, when the hub holds objects (then ``push``).
    Uncopyable when the server refuses one's text."""
    import psycopg

    connection.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": PUSH_LOCK})
    if version(connection) != 0:
        return None
    driver: Any = connection.connection.driver_connection
    try:
        with driver.cursor() as cursor, cursor.copy("COPY objects (kind, uuid, deleted, data) FROM STDIN") as copy:
            _write_rows(copy, ((kind, uuid, False, data) for kind, uuid, data in rows))
    except psycopg.DataError as error:
        raise Uncopyable(str(error)) from error
    return Pushed(set(connection.execute(select(objects.c.version)).scalars()), 0)


def _copy_rows(copy: Any, changes: Sequence[Change]) -> None:
    """``changes`` written as COPY's rows, their data as JSON text made here."""
    _write_rows(copy, ((c.table, c.uuid, c.deleted, json.dumps(dict(c.data), ensure_ascii=False)) for c in changes))


def _write_rows(copy: Any, rows: Iterable[tuple[str, str, bool, str]]) -> None:
    """Rows (kind, uuid, deleted, data as JSON text) in COPY's text format,
    written a block at a time: made here, each row costs a join (psycopg's
    ``write_row`` took twice the time of the server's work)."""
    lines: list[str] = []
    for kind, uuid, deleted, data in rows:
        escaped = data.replace("\\", "\\\\")  # (COPY's escape character)
        lines.append(f"{kind}\t{uuid}\t{'t' if deleted else 'f'}\t{escaped}\n")
        if len(lines) == BATCH:
            copy.write("".join(lines))
            lines.clear()
    if lines:
        copy.write("".join(lines))


def missing_blobs(connection: Connection, hashes: set[str]) -> set[str]:
    """Which of the contents ``hashes`` (SHA-256) the hub lacks."""
    have: set[str] = set()
    for start in range(0, len(ordered := sorted(hashes)), BATCH):
        chunk = ordered[start : start + BATCH]
        have.update(connection.execute(select(blobs.c.sha256).where(blobs.c.sha256.in_(chunk))).scalars())
    return hashes - have


def put_blob(connection: Connection, sha256: str, content: bytes) -> None:
    """Keep ``content`` on the hub under its SHA-256 (once, whoever sends it)."""
    connection.execute(insert(blobs).values(sha256=sha256, size=len(content), content=content).on_conflict_do_nothing())


def blob(connection: Connection, sha256: str) -> bytes | None:
    """The content the hub keeps under ``sha256``, if it has it."""
    found = connection.execute(select(blobs.c.content).where(blobs.c.sha256 == sha256)).scalar()
    return None if found is None else bytes(found)
