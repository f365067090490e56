"""Rows of the library's tables written by table name, with values as
stored: for code that copies rows from another library (the merge), where
the ORM's types would reinterpret them. What engines spell differently
(keeping the row already there) is spelt here, for the engine at hand."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from importlib import import_module
from typing import Any

from sqlalchemy import Connection, Insert, TableClause, column, delete, insert, table, update

from ngodesk.store.schema import Base


@cache
def raw(name: str) -> TableClause:
    """Table ``name`` with untyped columns (values read and written as stored)."""
    return table(name, *(column(c.name) for c in Base.metadata.tables[name].columns))


def _matching(name: str, where: Mapping[str, object]) -> list[Any]:
    t = raw(name)
    return [t.c[key] == value for key, value in where.items()]


def add(connection: Connection, name: str, values: Mapping[str, object]) -> int:
    """Insert one row into table ``name``; its new id."""
    new_id = connection.execute(insert(raw(name)).values(dict(values)).returning(raw(name).c.id)).scalar_one()
    return int(new_id)


def add_all(connection: Connection, name: str, rows: Sequence[Mapping[str, object]], keep_existing: bool) -> None:
    """Insert ``rows`` into table ``name``; with ``keep_existing`` a row
    that clashes with one there (a unique key) is left out, not an error."""
    if not rows:
        return
    statement = keeping_existing(connection, raw(name)) if keep_existing else insert(raw(name))
    connection.execute(statement, [dict(row) for row in rows])


def keeping_existing(connection: Connection, table: TableClause) -> Insert:
    """An INSERT into ``table`` that leaves out rows clashing with one
    there (a unique key), as the engine of ``connection`` spells it.
    (The dialect's module is imported here: PostgreSQL's costs every
    command that opens a library ~0.05 s, and only the hub needs it.)"""
    dialect = import_module(f"sqlalchemy.dialects.{connection.dialect.name}")
    statement: Insert = dialect.insert(table).on_conflict_do_nothing()
    return statement


def change(connection: Connection, name: str, values: Mapping[str, object], **where: object) -> None:
    """Set ``values`` in the rows of table ``name`` that match ``where``."""
    connection.execute(update(raw(name)).where(*_matching(name, where)).values(dict(values)))


def remove(connection: Connection, name: str, **where: object) -> None:
    """Delete the rows of table ``name`` that match ``where``."""
    connection.execute(delete(raw(name)).where(*_matching(name, where)))
