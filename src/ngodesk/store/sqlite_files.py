"""Opening database files for reading, wherever they are.

A library may sit on a medium nobody can write to (a CD, a write-protected
stick, a read-only mount) or in a folder this user may not write to.
SQLite's ``mode=ro`` still needs the ``-shm`` file of a WAL database beside
it, so it fails there unless a writer has it (or left it behind);
``immutable=1`` reads the file alone, ignoring a write-ahead log, and
assumes that no one changes the file while it is read.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection, create_engine
from sqlalchemy.pool import StaticPool


def writable(folder: Path) -> bool:
    """Whether files can be made in ``folder`` (False on a read-only
    medium or a folder without write permission)."""
    return os.access(folder, os.W_OK)


def read_uri(db_path: Path) -> str:
    """A ``file:`` URI that opens ``db_path`` for reading without writing
    anything: ``mode=ro`` where the folder can be written to or holds the
    ``-shm`` file (a writer has the library open, or left its log), else
    ``immutable=1``. Known limits of the latter: on a read-only medium a
    ``-wal`` left without its ``-shm`` is not read (the last changes before
    the copy are not seen), and a library in a folder of another user's,
    opened by its owner only after this reader, may look damaged to the
    reader until it opens the library again."""
    uri = f"file:{quote(str(db_path))}?mode=ro"
    if writable(db_path.parent) or db_path.with_name(db_path.name + "-shm").exists():
        return uri
    return uri + "&immutable=1"


def connect_read(db_path: Path) -> sqlite3.Connection:
    """A read-only connection to ``db_path`` (see ``read_uri``)."""
    return sqlite3.connect(read_uri(db_path), uri=True)


@contextmanager
def reading(db_path: Path, text: Callable[[str], str]) -> Iterator[Connection]:
    """A SQLAlchemy connection that reads ``db_path`` only (see
    ``read_uri``), every text of it passed through ``text`` and bytes that
    are not UTF-8 replaced: for a file this program did not write."""

    def connect() -> sqlite3.Connection:
        connection = connect_read(db_path)
        connection.text_factory = lambda data: data.decode("utf-8", "replace")
        if text is not str:  # (``str`` leaves every text as it is: no need to look at each)
            connection.row_factory = lambda _cursor, row: tuple(
                text(value) if isinstance(value, str) else value for value in row
            )
        return connection

    engine = create_engine("sqlite://", creator=connect, poolclass=StaticPool)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()
