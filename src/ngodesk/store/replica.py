"""A library's rows as the team hub keeps them: one object per row of
every table the team shares, named by a uuid, its references to other rows
by their uuids (integer ids are each library's own).

``SHARED`` lists those tables, parents before children. A row with a uuid
of its own is that object; a row without (a story's link to a tag, an
alternative name) is named by a uuid made from its table and natural key,
the same in every library. ``read`` gives a library's objects; ``apply``
writes objects (or their deletions) into a library's tables, as stored:
the hub's copy kept beside a library (``services.team``) is written by it.
Local matters (the Trash, merge conflicts, settings) are not shared.
"""

from __future__ import annotations

import uuid as uuids
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Connection, Select, select

from ngodesk.store import rows
from ngodesk.store.schema import Base

#: The namespace of the uuids made from a row's natural key.
NAMESPACE = uuids.UUID("6f1b7c36-52a4-4a0e-9a55-1d2a8f0c3e71")
#: Columns that say when and how often a row was written here: sent, but
#: not compared (a merge that adds a record or takes a field renews them;
#: comparing them would send every merged record back).
BOOKKEEPING = frozenset({"revision", "created_at", "updated_at"})


@dataclass(frozen=True)
class Shared:
    """A table the team shares: ``key`` names a row across libraries when
    it has no uuid of its own (empty when it has)."""

    name: str
    key: tuple[str, ...] = ()

    @property
    def references(self) -> dict[str, str]:
        """Its columns that refer to another table's rows, and that table."""
        return _references(self.name)

    @property
    def own_uuid(self) -> bool:
        return not self.key

    @property
    def columns(self) -> list[str]:
        """The columns an object carries (all but the integer id)."""
        return [c.name for c in Base.metadata.tables[self.name].columns if c.name != "id"]


#: Parents before children: a row's references are written before it.
SHARED: tuple[Shared, ...] = (
    Shared("tags"),
    Shared("entities"),
    Shared("terms"),
    Shared("collections"),
    Shared("stories"),
    Shared("story_tags", ("story_id", "tag_id")),
    Shared("story_entities", ("story_id", "entity_id")),
    Shared("tag_synonyms", ("label_key",)),
    Shared("tag_relations", ("tag_id", "related_id")),
    Shared("entity_see_also", ("entity_id", "other_id")),
    Shared("entity_names", ("entity_id", "name_key", "language")),
    Shared("rejected_suggestions", ("story_id", "entity_id")),
    Shared("translations"),
    Shared("annotations"),
    Shared("collection_stories", ("collection_id", "story_id")),
    Shared("story_changes"),
    Shared("tombstones"),
)
BY_NAME = {table.name: table for table in SHARED}
#: Tables whose rows are records of their own (deleted, they leave a tombstone).
RECORDS = frozenset({"tags", "entities", "terms", "collections", "stories", "translations", "annotations"})

#: (table, object uuid): one object.
Key = tuple[str, str]


@dataclass(frozen=True)
class Change:
    """One object as the hub has it: its values (when ``deleted``, its last
    ones, which name the row to delete)."""

    table: str
    uuid: str
    data: Mapping[str, Any]
    deleted: bool = False


@cache
def _references(name: str) -> dict[str, str]:
    return {
        column.name: next(iter(column.foreign_keys)).column.table.name
        for column in Base.metadata.tables[name].columns
        if column.foreign_keys
    }


def object_uuid(table: Shared, data: Mapping[str, Any]) -> str:
    """The uuid naming the object ``data`` of ``table`` on the hub."""
    if table.own_uuid:
        return str(data["uuid"])
    named = "\x1f".join([table.name, *(str(data[k]) for k in table.key)])
    return str(uuids.uuid5(NAMESPACE, named))


def _shipped(table: Shared) -> Select[Any]:
    """The rows of ``table`` with their references as uuids."""
    t = rows.raw(table.name)
    joined: Any = t
    picked: list[Any] = []
    for name in table.columns:
        target = table.references.get(name)
        if target is None:
            picked.append(t.c[name])
            continue
        other = rows.raw(target).alias(f"ref_{name}")
        joined = joined.outerjoin(other, t.c[name] == other.c.id)
        picked.append(other.c.uuid.label(name))
    return select(*picked).select_from(joined)


def read(connection: Connection) -> Iterator[tuple[Key, dict[str, Any]]]:
    """Every shared object of the library on ``connection``."""
    for table in SHARED:
        for row in connection.execute(_shipped(table)).mappings():
            data = dict(row)
            yield (table.name, object_uuid(table, data)), data


def same(first: Mapping[str, Any], second: Mapping[str, Any]) -> bool:
    """Whether two states of one object agree (bookkeeping aside)."""
    return all(first.get(k) == second.get(k) for k in first.keys() | second.keys() if k not in BOOKKEEPING)


class _Ids:
    """The ids here of rows named by uuid, looked up as needed."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.known: dict[str, dict[str, int]] = {}

    def of(self, table: str, uuid: object) -> int | None:
        found = self.known.setdefault(table, {})
        if uuid not in found:
            t = rows.raw(table)
            got = self.connection.execute(select(t.c.id).where(t.c.uuid == uuid)).scalar()
            if got is None:
                return None
            found[str(uuid)] = int(got)
        return found[str(uuid)]

    def forget(self, table: str, uuid: str) -> None:
        self.known.get(table, {}).pop(uuid, None)


def apply(connection: Connection, changes: Iterable[Change]) -> list[Change]:
    """Write ``changes`` into the library on ``connection`` (in its
    transaction): each object added, replaced or deleted. Returns those
    left out: rows referring to one this library lacks."""
    by_table: dict[str, list[Change]] = {}
    for change in changes:
        by_table.setdefault(change.table, []).append(change)
    ids, left_out = _Ids(connection), []
    for table in SHARED:
        waiting = by_table.get(table.name, [])
        if table.name == "tags":
            waiting = _parents_first(waiting)
        for change in waiting:
            if not _apply_one(connection, ids, table, change):
                left_out.append(change)
    return left_out


def _parents_first(changes: list[Change]) -> list[Change]:
    """Tags ordered so that a parent comes before its children."""
    by_uuid = {c.uuid: c for c in changes}
    ordered: list[Change] = []
    placed: set[str] = set()

    def place(change: Change, depth: int = 0) -> None:
        if change.uuid in placed:
            return
        parent = (change.data or {}).get("parent_id")
        if parent in by_uuid and depth < 64:
            place(by_uuid[parent], depth + 1)
        placed.add(change.uuid)
        ordered.append(change)

    for change in changes:
        place(change)
    return ordered


def _apply_one(connection: Connection, ids: _Ids, table: Shared, change: Change) -> bool:
    values: dict[str, Any] = {}
    for name in table.columns:
        value = change.data.get(name)
        target = table.references.get(name)
        if target is not None and value is not None:
            value = ids.of(target, value)
            if value is None:
                return change.deleted  # (deleting what cannot be here: done)
        values[name] = value
    t = rows.raw(table.name)
    where = [t.c.uuid == change.uuid] if table.own_uuid else [t.c[k] == values[k] for k in table.key]
    there = connection.execute(select(t.c[_identity(table)]).where(*where)).first()
    if change.deleted:
        if there is not None:
            connection.execute(t.delete().where(*where))
            if table.own_uuid:
                ids.forget(table.name, change.uuid)
        return True
    if there is None:
        connection.execute(rows.keeping_existing(connection, t), [values])
    else:
        connection.execute(t.update().where(*where).values(values))
    return True


def _identity(table: Shared) -> str:
    return "uuid" if table.own_uuid else table.key[0]
