"""Bulk inserts for large writes (imports, restores).

SQLAlchemy's per-row parameter handling of an ``insert()`` executemany costs
more than SQLite's insert itself (~2.5 s per 100,000 story rows); here rows
go to the driver as plain tuples, converted only by the column types that
need it (e.g. ``UTCDateTime``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

#: Bulk writes go to SQLite; values are converted as its dialect binds them.
_DIALECT = sqlite.dialect()


@cache
def _processors(table: Table) -> dict[str, Callable[[Any], Any]]:
    """Column name -> bind processor, for the columns that have one."""
    return {
        column.name: processor
        for column in table.columns
        if (processor := column.type.dialect_impl(_DIALECT).bind_processor(_DIALECT)) is not None
    }


def to_db(table: Table, values: dict[str, object]) -> None:
    """Convert ``values`` (column name -> value) in place as SQLAlchemy
    would bind them, for ``insert_tuples(..., converted=True)``. Needs no
    connection: a helper process preparing rows can do it."""
    for name, processor in _processors(table).items():
        if name in values:
            values[name] = processor(values[name])


def insert_tuples(
    connection: Connection,
    table: Table,
    names: Sequence[str],
    rows: Iterable[Sequence[object]],
    converted: bool = False,
) -> None:
    """Insert ``rows``, each the values of the columns ``names`` of
    ``table`` in that order, in one executemany, converting values as
    SQLAlchemy would unless they are ``converted`` already (``to_db``).
    Python-side column defaults do not apply: give every column that has no
    default in the database."""
    processors = {} if converted else _processors(table)
    convert = [(place, processors[name]) for place, name in enumerate(names) if name in processors]
    values = [_converted(row, convert) for row in rows] if convert else [tuple(row) for row in rows]
    if values:
        columns, marks = ", ".join(names), ", ".join("?" for _ in names)
        connection.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", values)


def _converted(row: Sequence[object], convert: list[tuple[int, Callable[[Any], Any]]]) -> tuple[object, ...]:
    value = list(row)
    for place, processor in convert:
        value[place] = processor(value[place])
    return tuple(value)


def insert_rows(connection: Connection, table: Table, rows: Sequence[Mapping[str, object]]) -> None:
    """``insert_tuples`` for rows given as mappings (all with the same keys)."""
    if rows:
        names = list(rows[0])
        insert_tuples(connection, table, names, ([row[name] for name in names] for row in rows))


@contextmanager
def indexes_built_after(connection: Connection, *tables: Table) -> Iterator[None]:
    """Drop the ``tables``' secondary indexes and create them again on
    leaving (in the caller's transaction). Filling an empty table is faster
    so: one sorted build per index instead of a random insert per row and
    index (100,000 stories: 0.8 s instead of 2.4 s). Unique constraints
    stay. When the block raises, the indexes are not made again: the
    caller's transaction must roll back."""
    names = [table.name for table in tables]
    found = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({', '.join('?' for _ in names)})",
        tuple(names),
    ).fetchall()
    for name, _ in found:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in found:
        connection.exec_driver_sql(sql)


#: Plain SQL and its parameters in, its rows out as tuples (see ``reader``).
Rows = Callable[..., Iterator[tuple[Any, ...]]]


def reader(session: Session) -> Rows:
    """Reads plain SQL in ``session``'s transaction through the driver's
    cursor, row tuples streamed: for millions of rows, where SQLAlchemy's
    row objects would double the time. Parameters are positional (``?``)."""
    raw = session.connection().connection.driver_connection
    assert raw is not None

    def rows(sql: str, parameters: Sequence[object] = ()) -> Iterator[tuple[Any, ...]]:
        return iter(raw.execute(sql, tuple(parameters)))

    return rows
