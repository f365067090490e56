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
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from ngodesk.domain.errors import LibraryError
from ngodesk.domain.i18n import translate

_NAME = re.compile(r"^(\d{8}T\d{6})(\d{6})?Z-([\w.-]+)\.sqlite$")
#: Companion files of a database in WAL mode.
_SIDECARS = ("-wal", "-shm")


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


def _connect_ro(db_path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(db_path))}?mode=ro", uri=True)


def copy_database(db_path: Path, target: Path) -> None:
    """A consistent copy of the database ``db_path`` (open or not) as the
    file ``target``, which appears complete or not at all."""
    partial = target.with_name(target.name + ".partial")
    try:
        source = _connect_ro(db_path)
        try:
            destination = sqlite3.connect(partial)
            try:
                source.backup(destination)
            finally:
                destination.close()
        finally:
            source.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise LibraryError(
            translate("Messages", "Could not copy {db_path} to {target}: {error}").format(
                db_path=db_path, target=target, error=error
            )
        ) from error


def make(db_path: Path, folder: Path, reason: str) -> Backup:
    """Copy the database ``db_path`` into ``folder`` (created if needed)."""
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
    copy_database(db_path, target)
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
    connection = _connect_ro(db_path)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "attachments" not in tables:  # (from before attachments)
            return set()
        return {row[0] for row in connection.execute("SELECT sha256 FROM attachments")}
    finally:
        connection.close()


def problems(db_path: Path) -> list[str]:
    """What SQLite's quick check finds wrong with a database file (read
    only); empty when it is sound."""
    try:
        connection = _connect_ro(db_path)
        try:
            found = [row[0] for row in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except sqlite3.Error as error:
        return [str(error)]
    return [] if found == ["ok"] else found


def put_back(db_path: Path, backup: Path, damaged: bool) -> Path | None:
    """Make ``backup`` the database at ``db_path`` (the caller holds the
    library's writer lock, has it closed and, unless it is ``damaged``, has
    backed it up). A damaged file is kept beside it, as
    ``catalogue.damaged-<when>.sqlite``: returns where (None otherwise)."""
    if problems(backup):
        raise LibraryError(
            translate("Messages", "The backup {name} is damaged itself; choose another.").format(name=backup.name)
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
    except (sqlite3.Error, OSError) as error:
        for aside, current in reversed(moved):  # (the library as it was)
            os.replace(aside, current)
        incoming.unlink(missing_ok=True)
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
