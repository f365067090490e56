"""Opening database files for reading, wherever they are.

A library may sit on a medium nobody can write to (a CD, a write-protected
stick, a read-only mount). SQLite's ``mode=ro`` still needs to make the
``-shm`` file of a WAL database beside it, so it fails there unless the
writer left its ``-wal``/``-shm`` behind; ``immutable=1`` reads the file
alone and ignores a write-ahead log. The URI chosen here reads what was
committed in either case.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote


def writable(folder: Path) -> bool:
    """Whether files can be made in ``folder`` (False on a read-only
    medium or a folder without write permission)."""
    return os.access(folder, os.W_OK)


def read_uri(db_path: Path) -> str:
    """A ``file:`` URI that opens ``db_path`` for reading without writing
    anything: ``mode=ro``, or ``immutable=1`` in a folder that cannot be
    written to and holds no write-ahead log with committed pages."""
    uri = f"file:{quote(str(db_path))}?mode=ro"
    if writable(db_path.parent):
        return uri
    wal, shm = (db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm"))
    if wal.exists() and shm.exists() and wal.stat().st_size > 0:
        return uri
    return uri + "&immutable=1"


def connect_read(db_path: Path) -> sqlite3.Connection:
    """A read-only connection to ``db_path`` (see ``read_uri``)."""
    return sqlite3.connect(read_uri(db_path), uri=True)
