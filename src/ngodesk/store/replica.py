"""A library's rows as the team hub keeps them: one object per row of
every table the team shares, named by a uuid, its references to other rows
by their uuids (integer ids are each library's own).

``SHARED`` lists those tables, parents before children. A row with a uuid
of its own is that object; a row without (a story's link to a tag, an
alternative name) is named by a uuid made from its table and natural key,
the same in every library. ``differences`` gives the objects two
libraries hold otherwise (SQLite compares them); ``apply`` writes objects
(or their deletions) into a library's tables, as stored: the hub's copy
kept beside a library (``services.team``) is written by it.
Local matters (the Trash, merge conflicts, settings) are not shared.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid as uuids
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

import sqlalchemy
from sqlalchemy import Connection, Select, TableClause, bindparam, column, except_, func, literal, select, tuple_
from sqlalchemy.dialects import sqlite

from ngodesk.store import rows, sqlite_files
from ngodesk.store.library import WRITE_CACHE_KIB
from ngodesk.store.schema import Base

#: The namespace of the uuids made from a row's natural key.
NAMESPACE = uuids.UUID("6f1b7c36-52a4-4a0e-9a55-1d2a8f0c3e71")
_NAMESPACE_BYTES = NAMESPACE.bytes
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
    def owner(self) -> str:
        """The column naming the record a row belongs to (``store.tracking``
        notes it; a sync compares what it noted): a record's own uuid, a
        history row's story, or a link's or name's first record (a
        reference)."""
        if self.name == "story_changes":
            return "story_uuid"
        if self.own_uuid:
            return "uuid"
        return next(name for name in (*self.key, *self.references) if name in self.references)

    @property
    def columns(self) -> list[str]:
        """The columns an object carries (all but the integer id)."""
        return _columns(self.name)


@cache
def _columns(name: str) -> list[str]:
    return [c.name for c in Base.metadata.tables[name].columns if c.name != "id"]


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
    Shared("attachments"),
    Shared("collection_stories", ("collection_id", "story_id")),
    Shared("story_changes"),
    Shared("tombstones"),
)
BY_NAME = {table.name: table for table in SHARED}
#: Tables whose rows are records of their own (deleted, they leave a tombstone).
RECORDS = frozenset(
    {"tags", "entities", "terms", "collections", "stories", "translations", "annotations", "attachments"}
)

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


class Read(NamedTuple):
    """One object as read from the hub, its values as the JSON text the
    hub sent (parsed only when needed: ``change``)."""

    table: str
    uuid: str
    text: str
    deleted: bool

    def change(self) -> Change:
        """The object with its values parsed."""
        return Change(self.table, self.uuid, json.loads(self.text), self.deleted)


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
    return _uuid5("\x1f".join([table.name, *(str(data[k]) for k in table.key)]))


def _uuid5(name: str) -> str:
    """``str(uuid.uuid5(NAMESPACE, name))``, without making a UUID object
    (a first join names some 60,000 links: a third of its time went there)."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name.encode()).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # (version 5)
    digest[8] = (digest[8] & 0x3F) | 0x80  # (RFC 4122 variant)
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _shipped(
    table: Shared, schema: str | None = None, compared: bool = False, owners: str | None = None
) -> Select[Any]:
    """The rows of ``table`` (in the database attached as ``schema``) with
    their references as uuids; only the columns compared when ``compared``;
    only the rows of the records named in the table ``owners`` (of the
    main database, its column ``owner``) when given."""
    t = _in(table.name, schema)
    joined: Any = t
    picked: list[Any] = []
    for name in table.columns:
        if compared and name in BOOKKEEPING:
            continue
        target = table.references.get(name)
        if target is None:
            picked.append(t.c[name])
            continue
        other = _in(target, schema).alias(f"ref_{name}")
        joined = joined.outerjoin(other, t.c[name] == other.c.id)
        picked.append(other.c.uuid.label(name))
    shipped = select(*picked).select_from(joined)
    if owners is None:
        return shipped
    named: Select[Any] = select(column("owner")).select_from(sqlalchemy.table(owners, schema="main"))
    target = table.references.get(table.owner)
    if target is None:
        return shipped.where(t.c[table.owner].in_(named))
    records = _in(target, schema)
    return shipped.where(t.c[table.owner].in_(select(records.c.id).where(records.c.uuid.in_(named))))


def _in(name: str, schema: str | None) -> TableClause:
    """Table ``name`` with untyped columns, in the database ``schema``."""
    if schema is None:
        return rows.raw(name)
    return sqlalchemy.table(name, *(column(c.name) for c in rows.raw(name).c), schema=schema)


def _key_columns(table: Shared) -> tuple[str, ...]:
    return ("uuid",) if table.own_uuid else table.key


@contextmanager
def beside(db_path: Path, other_path: Path) -> Iterator[Connection]:
    """A connection reading the library in ``db_path`` with the one in
    ``other_path`` beside it (``differences`` compares them)."""
    with sqlite_files.reading(db_path, str) as connection:
        connection.exec_driver_sql("ATTACH DATABASE ? AS other", (sqlite_files.read_uri(other_path),))
        yield connection


def differences(connection: Connection, owners: str | None = None) -> Iterator[tuple[Key, dict[str, Any], bool]]:
    """On a connection from ``beside``: each object the first library has
    and the other lacks or holds otherwise (bookkeeping aside), as the
    first has it (False), and each object only the other has, as it has it
    (True); with ``owners`` (a table of the first library, its column
    ``owner``), only the objects of the records it names (``Shared.owner``).
    SQLite compares the tables (EXCEPT, then rows by key: neither subquery
    depends on the row at hand, so each is made once); only what differs
    reaches Python."""
    if owners is not None and not _holds_rows(connection, owners, "main"):
        return  # (nothing noted: nothing to compare)
    for table in SHARED:
        statements = _comparisons(table.name, owners)
        if owners is None and not _holds_rows(connection, table.name, "other"):
            statements = (_whole(table.name, None), "")  # (all of mine differs: nothing to compare)
        elif owners is None and not _holds_rows(connection, table.name, "main"):
            statements = ("", _whole(table.name, "other"))
        for statement, gone in zip(statements, (False, True), strict=True):
            if not statement:
                continue
            result = connection.exec_driver_sql(statement)
            names = list(result.keys())
            for row in result:
                data = dict(zip(names, row, strict=True))
                yield (table.name, object_uuid(table, data)), data, gone


def _holds_rows(connection: Connection, name: str, schema: str) -> bool:
    return connection.exec_driver_sql(f'SELECT 1 FROM {schema}."{name}" LIMIT 1').first() is not None


def holds_nothing_shared(connection: Connection) -> bool:
    """Whether the library on ``connection`` has no row of any table the
    team shares."""
    return not any(_holds_rows(connection, table.name, "main") for table in SHARED)


@cache
def _whole(name: str, schema: str | None) -> str:
    """The SQL reading every object of table ``name`` (in ``schema``)."""
    return _sql(_shipped(BY_NAME[name], schema))


@cache
def _comparisons(name: str, owners: str | None) -> tuple[str, str]:
    """The SQL of ``differences`` for table ``name``: the first library's
    rows that the other lacks or holds otherwise, the other's rows the
    first lacks (made once: the same for every sync)."""
    table = BY_NAME[name]
    keys = _key_columns(table)
    mine, theirs = _shipped(table, owners=owners).subquery(), _shipped(table, "other", owners=owners).subquery()
    changed = except_(
        _shipped(table, compared=True, owners=owners), _shipped(table, "other", compared=True, owners=owners)
    ).subquery()
    only_theirs = except_(select(*_key_of(theirs, keys)), select(*_key_of(mine, keys))).subquery()
    statements = (
        select(shipped).where(_row_key(shipped, keys).in_(select(*_key_of(wanted, keys))))
        for shipped, wanted in ((mine, changed), (theirs, only_theirs))
    )
    first, second = (_sql(statement) for statement in statements)
    return first, second


def _sql(statement: Select[Any]) -> str:
    return str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def records(connection: Connection, name: str, uuids: Iterable[str]) -> Iterator[Change]:
    """The records ``uuids`` of table ``name`` (one with a uuid of its
    own) as objects, those the library on ``connection`` has."""
    shipped = _shipped(BY_NAME[name]).subquery()
    result = connection.execute(select(shipped).where(shipped.c.uuid.in_(_listed(1))), {"listed": _json(uuids)})
    names = list(result.keys())
    for row in result:
        data = dict(zip(names, row, strict=True))
        yield Change(name, str(data["uuid"]), data)


def _key_of(rows_of: Any, keys: tuple[str, ...]) -> list[Any]:
    """The key columns of ``rows_of``, a missing value as "" (so that keys
    with one compare equal in IN and EXCEPT)."""
    return [func.coalesce(rows_of.c[k], "").label(k) for k in keys]


def _row_key(rows_of: Any, keys: tuple[str, ...]) -> Any:
    columns = _key_of(rows_of, keys)
    return tuple_(*columns) if len(columns) > 1 else columns[0]


def _listed(width: int) -> Select[Any]:
    """The values of the JSON array bound as ``listed`` (one statement for
    any number of them; SQL's IN lists are capped and compiled anew per
    length): each value, or with ``width`` > 1 each array's items."""
    value: Any = column("value")
    items = [value] if width == 1 else [func.json_extract(value, f"$[{n}]") for n in range(width)]
    return select(*items).select_from(func.json_each(bindparam("listed")))


def _ids_of(connection: Connection, table: str, uuids: set[Any]) -> dict[str, int]:
    """The ids here of the rows of ``table`` named ``uuids`` (those here)."""
    t = rows.raw(table)
    found = connection.execute(select(t.c.uuid, t.c.id).where(t.c.uuid.in_(_listed(1))), {"listed": _json(uuids)})
    return {str(u): int(i) for u, i in found}


def _json(values: Iterable[Any]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def apply(connection: Connection, changes: Iterable[Change]) -> list[Change]:
    """Write ``changes`` into the library on ``connection`` (in its
    transaction): each object added, replaced or deleted (the last change
    of an object counts). Returns those left out: rows referring to one
    this library lacks. A table's rows are written in a few statements,
    not one at a time (a first pull brings every row of the hub)."""
    by_table: dict[str, dict[str, Change]] = {}
    for change in changes:
        by_table.setdefault(change.table, {})[change.uuid] = change
    left_out: list[Change] = []
    for table in SHARED:
        waiting = list(by_table.get(table.name, {}).values())
        for layer in _parents_first(waiting) if table.name == "tags" else [waiting]:
            left_out += _apply_table(connection, table, layer)
    return left_out


def _parents_first(changes: list[Change]) -> list[list[Change]]:
    """Tags in layers: a tag's parent, when it comes too, in an earlier one."""
    by_uuid = {c.uuid: c for c in changes}
    depth: dict[str, int] = {}

    def depth_of(change: Change, seen: int = 0) -> int:
        if change.uuid not in depth:
            parent = by_uuid.get(str(change.data.get("parent_id")))
            depth[change.uuid] = 0 if parent is None or seen > 64 else depth_of(parent, seen + 1) + 1
        return depth[change.uuid]

    layers: dict[int, list[Change]] = {}
    for change in changes:
        layers.setdefault(depth_of(change), []).append(change)
    return [layers[n] for n in sorted(layers)]


def _apply_table(connection: Connection, table: Shared, changes: list[Change]) -> list[Change]:
    """Write one table's ``changes``; those left out."""
    if not changes:
        return []
    t = rows.raw(table.name)
    columns = table.columns
    references = table.references
    refs = {  # (by column: a see-also's two columns name the same table)
        name: _ids_of(connection, target, {c.data.get(name) for c in changes if c.data.get(name) is not None})
        for name, target in references.items()
    }
    looked_up = [(name, refs.get(name)) for name in columns]
    resolved: list[tuple[Change, tuple[Any, ...]]] = []
    left_out: list[Change] = []
    for change in changes:
        data = change.data
        values: list[Any] = []
        for name, ids in looked_up:
            value = data.get(name)
            if ids is not None and value is not None:
                value = ids.get(str(value))
                if value is None:
                    break
            values.append(value)
        else:
            resolved.append((change, tuple(values)))
            continue
        if not change.deleted:  # (deleting what cannot be here: done)
            left_out.append(change)
    key = _key_columns(table)
    at = [columns.index(k) for k in key]
    here = _present(connection, table, [tuple(v[i] for i in at) for _, v in resolved])
    gone: list[tuple[Any, ...]] = []
    changed: list[tuple[Any, ...]] = []
    added: list[tuple[Any, ...]] = []
    for change, row in resolved:
        present = tuple(row[i] for i in at) in here
        if change.deleted:
            if present:
                gone.append(row)
        else:
            (changed if present else added).append(row)
    match = [t.c[k] == bindparam(f"k_{k}") for k in key]
    if gone:
        connection.execute(
            t.delete().where(*match), [{f"k_{k}": v[i] for k, i in zip(key, at, strict=True)} for v in gone]
        )
    if changed:
        settable = [c for c in columns if c not in key]
        statement = t.update().where(*match).values({c: bindparam(c) for c in settable})
        named = [dict(zip(columns, v, strict=True)) for v in changed]
        connection.execute(statement, [{**{c: v[c] for c in settable}, **{f"k_{k}": v[k] for k in key}} for v in named])
    if added:  # (the rows as tuples, straight to the driver: a first pull adds every row of the hub)
        if all(k in references for k in key):  # (links in the order of their key: SQLite's tree grows at its end)
            added.sort(key=lambda v: tuple(v[i] for i in at))
        connection.exec_driver_sql(_insert_sql(table.name), added)
    return left_out


@cache
def _insert_sql(name: str) -> str:
    """An INSERT of a row of ``name``'s object columns (in order), a row
    clashing with one there (a unique key) left out."""
    columns = _columns(name)
    listed = ", ".join(f'"{c}"' for c in columns)
    return f'INSERT INTO "{name}" ({listed}) VALUES ({", ".join("?" for _ in columns)}) ON CONFLICT DO NOTHING'


def add_texts(connection: Connection, name: str, texts: Iterable[str]) -> None:
    """Add to the library on ``connection`` the objects of table ``name``
    (one with no columns to check) given as their JSON texts, as ``apply``
    adds objects the library lacks: in the order of their key when it is
    all references, one referring to a row missing here or clashing with
    one here (a unique key) left out. SQLite reads the texts (``json_each``
    over arrays of them): none is parsed in Python."""
    for array in _arrays(texts):
        connection.exec_driver_sql(_add_texts_sql(name), (array,))


#: An array ``add_texts`` hands SQLite holds at most this many objects, and
#: this many characters but for a longer object alone (SQLite's longest
#: text is a billion bytes; history rows hold whole bodies).
TEXTS_AT_ONCE, CHARS_AT_ONCE = 20_000, 50_000_000


def _arrays(texts: Iterable[str]) -> Iterator[str]:
    """JSON arrays of ``texts``, each within ``TEXTS_AT_ONCE`` and ``CHARS_AT_ONCE``."""
    chunk: list[str] = []
    size = 0
    for text in texts:
        if chunk and (len(chunk) == TEXTS_AT_ONCE or size + len(text) > CHARS_AT_ONCE):
            yield f"[{','.join(chunk)}]"
            chunk, size = [], 0
        chunk.append(text)
        size += len(text)
    if chunk:
        yield f"[{','.join(chunk)}]"


@cache
def _add_texts_sql(name: str) -> str:
    """``add_texts``'s INSERT of table ``name``: each object's columns from
    its JSON text, a reference as the id here of the row its uuid names (a
    row whose reference names none here is left out)."""
    table = BY_NAME[name]
    joined, picked, found = ["json_each(?) AS j"], [], []
    for c in table.columns:
        value = f"json_extract(j.value, '$.\"{c}\"')"
        target = table.references.get(c)
        if target is None:
            picked.append(value)
            continue
        joined.append(f'LEFT JOIN main."{target}" AS "ref_{c}" ON "ref_{c}".uuid = {value}')
        picked.append(f'"ref_{c}".id')
        found.append(f'("ref_{c}".id IS NOT NULL OR {value} IS NULL)')
    key = _key_columns(table)
    ordered = [f'"ref_{k}".id' for k in key] if all(k in table.references for k in key) else []
    listed = ", ".join(f'"{c}"' for c in table.columns)
    return (
        f'INSERT INTO main."{name}" ({listed}) SELECT {", ".join(picked)} FROM {" ".join(joined)}'
        f"{' WHERE ' + ' AND '.join(found) if found else ''} ORDER BY {', '.join([*ordered, 'j.key'])}"
        " ON CONFLICT DO NOTHING"
    )


def _present(connection: Connection, table: Shared, keys: list[tuple[Any, ...]]) -> set[tuple[Any, ...]]:
    """Which of ``keys`` (values of the table's key columns) have a row here."""
    t = rows.raw(table.name)
    columns = [t.c[k] for k in _key_columns(table)]
    if len(columns) == 1:
        where, listed = columns[0].in_(_listed(1)), _json({k[0] for k in keys})
    else:
        where, listed = tuple_(*columns).in_(_listed(len(columns))), _json({tuple(k) for k in keys})
    return {tuple(row) for row in connection.execute(select(*columns).where(where), {"listed": listed})}


class Uncopyable(Exception):
    """A library's rows could not be sent as they are stored (text that is
    not UTF-8, a value JSON cannot hold): send what ``differences`` reads."""


class WholeCopy:
    """A library's every shared object, read in one snapshot (``copying``)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        #: the contents (SHA-256) its attachments name, once read
        self.files: set[str] = set()
        self.count = 0
        self.kept = False

    def objects(self) -> Iterator[tuple[str, str, str]]:
        """Each object as (table, uuid, its values as JSON text), made by
        SQLite: nothing but a link's uuid is made in Python."""
        for table in SHARED:
            for data, sha256, *key in self._connection.execute(_json_rows(table.name)):
                self.count += 1
                if sha256 is not None:
                    self.files.add(str(sha256))
                named = str(key[0]) if table.own_uuid else _uuid5("\x1f".join([table.name, *(str(k) for k in key)]))
                yield table.name, named, data

    def holds_rows(self, table: str) -> bool:
        """Whether the library's table ``table`` holds rows, in the snapshot
        read."""
        return self._connection.execute(f'SELECT 1 FROM main."{table}" LIMIT 1').fetchone() is not None

    def keep(self, key: str, value: str) -> None:
        """Commit the copy when the block ends, with meta ``key`` set to
        ``value`` (the hub's version it holds)."""
        self._connection.execute("INSERT OR REPLACE INTO copy.meta (key, value) VALUES (?, ?)", (key, value))
        self.kept = True


@contextmanager
def copying(db_path: Path, into: Path) -> Iterator[WholeCopy]:
    """The library in ``db_path`` read in one snapshot (``WholeCopy``), and
    its shared rows written as they are (their ids too) into the library in
    ``into``, which holds none: committed when the block ends if
    ``WholeCopy.keep`` was called, else rolled back. Uncopyable when SQLite
    cannot read a row as text or JSON."""
    connection = sqlite3.connect(sqlite_files.read_uri(db_path), uri=True, isolation_level=None)
    try:  # (the library is the main database: a joined one's triggers name it so)
        connection.execute("ATTACH DATABASE ? AS copy", (f"file:{quote(str(into))}",))
        connection.execute(f"PRAGMA copy.cache_size = -{WRITE_CACHE_KIB}")  # (2 MB: 100,000 stories took 5 s, not 3)
        connection.execute("BEGIN")
        try:
            for table in SHARED:  # (the first read of the library takes the snapshot every later one sees)
                listed = ", ".join(f'"{c.name}"' for c in rows.raw(table.name).c)
                connection.execute(
                    f'INSERT INTO copy."{table.name}" ({listed}) SELECT {listed} FROM main."{table.name}"'
                )
            copy = WholeCopy(connection)
            yield copy
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT" if copy.kept else "ROLLBACK")
    except sqlite3.Error as error:
        raise Uncopyable(str(error)) from error
    finally:
        connection.close()


@cache
def _json_rows(name: str) -> str:
    """The SQL reading each row of ``name`` as (its object as JSON text,
    its SHA-256 or NULL, its key columns)."""
    table = BY_NAME[name]
    shipped = _shipped(table).subquery("shipped")
    document = func.json_object(*(part for c in table.columns for part in (literal(c), shipped.c[c])))
    sha256 = shipped.c.sha256 if name == "attachments" else literal(None)
    return _sql(select(document, sha256, *(shipped.c[k] for k in _key_columns(table))))
