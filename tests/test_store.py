"""The library folder: layout, pragmas, writer lock, schema guard."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import LibraryError, LibraryLocked, SchemaTooNew
from ngodesk.services.library import open_library
from ngodesk.store import bulk
from ngodesk.store.library import Library
from ngodesk.store.schema import Story, new_uuid
from tests.conftest import held_by_another_process


def test_new_library_folder_layout(library: Library, library_path: Path) -> None:
    assert (library_path / "catalogue.sqlite").is_file()
    assert (library_path / "files").is_dir()
    assert (library_path / "backups").is_dir()
    with library.read() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_a_file_is_not_a_library(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("hello")
    with pytest.raises(LibraryError, match="is a file"):
        Library.open(not_a_folder)


def test_a_foreign_database_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "other"
    folder.mkdir()
    db = folder / "catalogue.sqlite"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE songs (id INTEGER)")
    before = db.read_bytes()
    with pytest.raises(LibraryError, match="not an ngodesk library"):
        Library.open(folder)
    assert db.read_bytes() == before


def test_garbage_database_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "catalogue.sqlite").write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LibraryError, match="not a readable SQLite database"):
        Library.open(folder)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_schema_is_refused_and_left_untouched(library_path: Path) -> None:
    open_library(library_path).close()
    db = library_path / "catalogue.sqlite"
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = _digest(db)
    with pytest.raises(SchemaTooNew, match="newer version of ngodesk") as caught:
        Library.open(library_path)
    assert "9999_from_the_future" in str(caught.value)
    with pytest.raises(SchemaTooNew):
        Library.open(library_path, readonly=True)
    assert _digest(db) == before


def test_second_writer_is_refused_with_the_holders_name(library_path: Path) -> None:
    open_library(library_path).close()
    with held_by_another_process(library_path) as holder_pid:
        with pytest.raises(LibraryLocked) as caught:
            Library.open(library_path)
        message = str(caught.value)
        assert f"process {holder_pid}" in message
        assert "ngodesk-test-holder" in message
        with Library.open(library_path, readonly=True) as reader, reader.read() as session:
            assert session.connection().exec_driver_sql("SELECT count(*) FROM stories").scalar() == 0
    Library.open(library_path).close()  # the lock is free again


def test_lock_is_released_when_a_writer_dies(library_path: Path) -> None:
    code = f"from ngodesk.store.library import Library; Library.open({str(library_path)!r}); import os; os._exit(0)"
    subprocess.run([sys.executable, "-c", code], check=True)
    Library.open(library_path).close()


def test_read_only_library_refuses_writes(library_path: Path) -> None:
    open_library(library_path).close()
    with Library.open(library_path, readonly=True) as reader:
        with pytest.raises(LibraryError, match="read-only"):
            with reader.write():
                pass


def test_read_only_needs_an_existing_library(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="not a library"):
        Library.open(tmp_path / "nothing-here", readonly=True)
    assert not (tmp_path / "nothing-here").exists()


def test_reads_one_after_another_take_the_connection_used_last(library: Library) -> None:
    """After reads at the same time (the window and its search thread),
    later reads take the connection whose page cache is warm, not every
    pooled connection in turn: each connection's cache is memory (16 MB
    each at a million stories) and a cold one reads its pages again."""

    def connection_of(session: Session) -> int:
        return id(session.connection().connection.driver_connection)

    with library.read() as one, library.read() as other, library.read() as third:
        at_once = {connection_of(one), connection_of(other), connection_of(third)}
    assert len(at_once) == 3
    used: set[int] = set()
    for _ in range(6):
        with library.read() as session:
            session.scalar(select(Story.id))
            used.add(connection_of(session))
    assert len(used) == 1


def test_bulk_inserted_rows_read_back_as_orm_rows(library: Library) -> None:
    """Times stored by the bulk path have the ORM's text form (a whole second
    keeps its ".000000", so text order is time order) and read back alike."""
    when = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
    with library.write() as session:
        session.add(Story(title="by the ORM", created_at=when, updated_at=when))
        session.flush()
        orm = session.scalars(select(Story)).one()
        names = [column.name for column in Story.__table__.c if column.name != "id"]
        row = {**{name: getattr(orm, name) for name in names}, "title": "in bulk", "uuid": new_uuid()}
        bulk.insert_tuples(session.connection(), Story.__table__, names, [[row[name] for name in names]])
    with library.read() as session:
        stored = session.connection().exec_driver_sql("SELECT DISTINCT created_at, updated_at FROM stories").all()
        assert stored == [("2024-05-06 07:08:09.000000", "2024-05-06 07:08:09.000000")]
        assert {story.created_at for story in session.scalars(select(Story))} == {when}
