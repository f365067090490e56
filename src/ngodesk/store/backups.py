"""Snapshots of a library's database in ``<library>/backups/``.

A backup is made with SQLite's online backup API (a consistent copy while
the library is open), written under a temporary name and renamed, so a
crash leaves no half backup. Its name says when and why:
``20261204T055409123456Z-daily.sqlite``. Putting one back replaces the
database file only while no process has the library open (the writer
lock), after the write-ahead log of the old file is gone, so SQLite never
replays an old log onto the restored file.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ngodesk.domain.errors import Cancelled, LibraryError
from ngodesk.domain.i18n import translate
from ngodesk.store import migrate
from ngodesk.store.sqlite_files import connect_read

_NAME = re.compile(r"^(\d{8}T\d{6})(\d{6})?Z-([\w.-]+)\.sqlite$")
#: Companion files of a database in WAL mode.
_SIDECARS = ("-wal", "-shm")
#: The name ending of a copy being written (and of its rollback journal,
#: ``.partial-journal``): a process killed mid-copy leaves them behind.
PARTIAL = ".partial"
#: Pages copied per step of a backup (8 MiB-64 MiB by page size): between
#: steps progress is told and a cancel is heard.
STEP_PAGES = 2048

#: Told (bytes copied, bytes in all) after each step of a copy; returns
#: False to stop it.
CopyProgress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Backup:
    """One snapshot: its file, when it was taken (UTC), why, its size."""

    path: Path
    taken: datetime
    reason: str
    size: int


def _parse(path: Path) -> Backup | None:
    found = _NAME.match(path.name)
    if found is None:
        return None
    taken = datetime.strptime(found.group(1) + (found.group(2) or "000000"), "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)
    return Backup(path, taken, found.group(3), path.stat().st_size)


def copy_database(db_path: Path, target: Path, progress: CopyProgress | None = None) -> None:
    """A consistent copy of the database ``db_path`` (open or not) as the
    file ``target``, which appears complete or not at all.

    The copy is made in steps of STEP_PAGES pages inside one read
    transaction: it is the database as it was when the copy began, and
    writers go on meanwhile (WAL), without restarting it. ``progress`` is
    told after each step; when it returns False the partial file is
    deleted and Cancelled raised."""
    partial = target.with_name(target.name + PARTIAL)
    try:
        source = connect_read(db_path)
        try:
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # (the snapshot is taken here)
            page_size = int(source.execute("PRAGMA page_size").fetchone()[0])
            destination = sqlite3.connect(partial)
            try:
                source.backup(destination, pages=STEP_PAGES, progress=_stepper(progress, page_size))
            finally:
                destination.close()
        finally:
            source.close()
        os.replace(partial, target)
    except BaseException as error:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        if not isinstance(error, sqlite3.Error | OSError):
            raise
        raise LibraryError(
            translate("Messages", "Could not copy {db_path} to {target}: {error}").format(
                db_path=db_path, target=target, error=error
            )
        ) from error


def _stepper(progress: CopyProgress | None, page_size: int) -> Callable[[int, int, int], None] | None:
    """sqlite3's backup progress callback telling ``progress`` in bytes;
    it raises Cancelled (which aborts the copy) when told to stop."""
    if progress is None:
        return None

    def step(_status: int, remaining: int, total: int) -> None:
        if not progress((total - remaining) * page_size, total * page_size):
            raise Cancelled(translate("Messages", "The backup was cancelled."))

    return step


def make(db_path: Path, folder: Path, reason: str, progress: CopyProgress | None = None) -> Backup:
    """Copy the database ``db_path`` into ``folder`` (created if needed);
    ``progress`` as ``copy_database`` says."""
    reason = re.sub(r"[^\w.-]+", "-", reason).strip("-") or "backup"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{stamp}-{reason}.sqlite"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryError(
            translate("Messages", "Could not back up {db_path} into {folder}: {error}").format(
                db_path=db_path, folder=folder, error=error
            )
        ) from error
    copy_database(db_path, target, progress)
    found = _parse(target)
    assert found is not None
    return found


def listing(folder: Path) -> list[Backup]:
    """The backups in ``folder``, newest first (other files are ignored)."""
    if not folder.is_dir():
        return []
    found = [backup for path in folder.iterdir() if path.is_file() and (backup := _parse(path)) is not None]
    return sorted(found, key=lambda backup: backup.taken, reverse=True)


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups; the paths deleted."""
    gone = [backup.path for backup in listing(folder)[max(keep, 1) :]]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def files_needed(db_path: Path) -> set[str]:
    """The SHA-256s of the files the attachments of a database (a backup,
    say) refer to; raises sqlite3.Error when it cannot be read."""
    connection = connect_read(db_path)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "attachments" not in tables:  # (from before attachments)
            return set()
        return {row[0] for row in connection.execute("SELECT sha256 FROM attachments")}
    finally:
        connection.close()


def problems(db_path: Path, full: bool = True) -> list[str]:
    """What keeps the database file ``db_path`` from being opened as a
    library by this program (read only): not an SQLite database, not an
    ngodesk library, no schema revision or one newer than this program,
    and (``full``) what SQLite's quick check finds, which reads the whole
    file (seconds at a million stories). Empty when it is sound."""
    return Checker().problems(db_path, full)


class Checker:
    """Runs ``problems`` on one thread; ``cancel`` (from any thread) stops
    the check running and those after it, which raise Cancelled."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self.cancelled = False

    def problems(self, db_path: Path, full: bool = True) -> list[str]:
        """See the module's ``problems``."""
        try:
            with self._lock:
                if self.cancelled:
                    raise Cancelled(translate("Messages", "The check was cancelled."))
                self._connection = connection = connect_read(db_path)
            try:
                return _library_problems(connection) or (_checked(connection) if full else [])
            finally:
                with self._lock:
                    self._connection = None
                    connection.close()
        except sqlite3.Error as error:
            if self.cancelled:
                raise Cancelled(translate("Messages", "The check was cancelled.")) from error
            return [translate("Messages", "not a readable SQLite database: {error}").format(error=error)]

    def cancel(self) -> None:
        """Stop the check (SQLite's interrupt: at once, even mid-file)."""
        with self._lock:
            self.cancelled = True
            if self._connection is not None:
                self._connection.interrupt()


def _library_problems(connection: sqlite3.Connection) -> list[str]:
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return [translate("Messages", "the file is empty: it holds no tables")]
    if not {"alembic_version", "stories", "meta"} <= tables:
        return [translate("Messages", "an SQLite database, but not an ngodesk library")]
    revisions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
    connection.execute("SELECT count(*) FROM meta").fetchone()  # (a small table: unreadable pages show at once)
    if len(revisions) != 1:
        return [translate("Messages", "its schema revision is not recorded")]
    if revisions[0] not in migrate.LIBRARY.known_revisions():
        return [
            translate("Messages", "written by a newer version of ngodesk (schema {revision})").format(
                revision=revisions[0]
            )
        ]
    return []


def _checked(connection: sqlite3.Connection) -> list[str]:
    found = [row[0] for row in connection.execute("PRAGMA quick_check")]
    return [] if found == ["ok"] else found


def put_back(db_path: Path, backup: Path, damaged: bool) -> Path | None:
    """Make ``backup`` the database at ``db_path`` (the caller holds the
    library's writer lock, has it closed and, unless it is ``damaged``, has
    backed it up). A damaged file is kept beside it, as
    ``catalogue.damaged-<when>.sqlite``: returns where (None otherwise)."""
    if found := problems(backup):
        raise LibraryError(
            translate("Messages", "{name} cannot be restored ({problems}); choose another backup.").format(
                name=backup.name, problems="; ".join(found[:3])
            )
        )
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = db_path.with_name(f"{db_path.stem}.{'damaged' if damaged else 'replaced'}-{stamp}{db_path.suffix}")
    incoming = db_path.with_name(db_path.name + ".restoring")
    moved: list[tuple[Path, Path]] = []
    try:
        shutil.copyfile(backup, incoming)
        if not damaged and db_path.exists():  # (its log holds committed changes: fold them in first)
            connection = sqlite3.connect(db_path)
            try:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                connection.close()
        for suffix in ("", *_SIDECARS):
            current = db_path.with_name(db_path.name + suffix)
            if current.exists():
                os.replace(current, aside := kept.with_name(kept.name + suffix))
                moved.append((aside, current))
        os.replace(incoming, db_path)
    except BaseException as error:  # (Ctrl-C and SIGTERM too)
        for aside, current in reversed(moved):  # (the library as it was)
            os.replace(aside, current)
        incoming.unlink(missing_ok=True)
        if not isinstance(error, sqlite3.Error | OSError):
            raise
        raise LibraryError(
            translate("Messages", "Could not restore {name} into {parent}: {error}").format(
                name=backup.name, parent=db_path.parent, error=error
            )
        ) from error
    if damaged:
        return kept
    for aside, _ in moved:  # (backed up by the caller)
        aside.unlink(missing_ok=True)
    return None
