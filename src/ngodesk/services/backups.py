"""Backups of a library: made on demand, once a day by the window (in the
background, after its first paint: see ``ui.opening_checks``), before
merges and large imports; the newest ``keep`` kept (a setting of the
library); put back while the library is closed (see ``store.backups``).

The command line makes no daily backup: a command's answer must not wait
for a copy of the whole database (seconds that grow with the library, 15
at a million stories), and a copy left running after the answer would be
killed with the script, cron job or container that ran the command, or
hold up its next command. ``ngodesk backup`` makes one when asked (from
cron, say); imports and merges still back up first when large.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from ngodesk.domain.errors import LibraryError, NotFound, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.store import backups
from ngodesk.store.backups import Backup, CopyProgress
from ngodesk.store.hub import MIRROR
from ngodesk.store.library import BACKUPS_DIR, DB_NAME, Library
from ngodesk.store.lock import WriterLock
from ngodesk.store.schema import Story

#: File in the backups folder saying how many backups are kept (there, not
#: in the database, so that restoring an older backup does not change it).
KEEP_FILE = "keep.txt"
DEFAULT_KEEP = 10
MAX_KEEP = 1000
#: A library opened when its newest backup is older than this is backed up.
DAILY = timedelta(days=1)
#: Imports of at least this many stories into a non-empty library are
#: preceded by a backup.
LARGE_IMPORT = 1000


def keep(library: Library) -> int:
    """How many backups the library keeps."""
    try:
        value = (library.folder / BACKUPS_DIR / KEEP_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return DEFAULT_KEEP
    return min(int(value), MAX_KEEP) if value.isdigit() and int(value) >= 1 else DEFAULT_KEEP


def set_keep(library: Library, count: int) -> list[Path]:
    """Keep the newest ``count`` backups from now on (older ones go now);
    the backups deleted."""
    if not 1 <= count <= MAX_KEEP:
        raise ValidationError(
            translate("Messages", "Keep between 1 and {MAX_KEEP} backups, not {count}.").format(
                MAX_KEEP=MAX_KEEP, count=count
            )
        )
    if library.readonly:
        raise LibraryError(translate("Messages", "{folder} is open read-only.").format(folder=library.folder))
    setting = library.folder / BACKUPS_DIR / KEEP_FILE
    try:
        setting.parent.mkdir(parents=True, exist_ok=True)
        setting.with_suffix(".tmp").write_text(f"{count}\n", encoding="utf-8")
        setting.with_suffix(".tmp").replace(setting)
    except OSError as error:
        raise LibraryError(
            translate("Messages", "Could not save the number of backups to keep in {setting}: {error}").format(
                setting=setting, error=error
            )
        ) from error
    return backups.prune(library.folder / BACKUPS_DIR, count)


def listing(folder: Path) -> list[Backup]:
    """The backups of the library in ``folder``, newest first."""
    return backups.listing(folder / BACKUPS_DIR)


def back_up(library: Library, reason: str = "manual", progress: CopyProgress | None = None) -> Backup:
    """Back the library up now, then keep only the newest ``keep``;
    ``progress`` may cancel it (see ``store.backups.copy_database``)."""
    made = library.backup(reason, progress)
    backups.prune(library.folder / BACKUPS_DIR, keep(library))
    return made


def due(library: Library) -> bool:
    """Whether the library has stories and no backup from the last day
    (a look at the backups folder and one row: instant at any size)."""
    newest = next(iter(listing(library.folder)), None)
    if newest is not None and datetime.now(UTC) - newest.taken < DAILY:
        return False
    return _has_stories(library)


def back_up_if_due(library: Library, progress: CopyProgress | None = None) -> Backup | None:
    """Make the daily backup when it is ``due``."""
    return back_up(library, "daily", progress) if due(library) else None


@contextmanager
def backed_up_before_import(library: Library, incoming: int) -> Iterator[Backup | None]:
    """Back up before an import of ``incoming`` stories, when it is large
    and the library holds stories to protect; the backup is deleted again
    when the import (the block) fails or is cancelled, having changed
    nothing (on a full disk, its space is what the user needs back)."""
    made = back_up(library, "before-import") if incoming >= LARGE_IMPORT and _has_stories(library) else None
    try:
        yield made
    except BaseException:
        if made is not None:
            made.path.unlink(missing_ok=True)
        raise


def _has_stories(library: Library) -> bool:
    with library.read() as session:
        return session.scalar(select(Story.id).limit(1)) is not None


def find(folder: Path, name: str) -> Path:
    """The backup of the library in ``folder`` that ``name`` means: a file
    name from ``listing`` (or its start), a path, or ``latest``."""
    found = listing(folder)
    if name == "latest":
        if not found:
            raise NotFound(translate("Messages", "{folder} has no backups.").format(folder=folder))
        return found[0].path
    given = Path(name).expanduser()
    if given.is_file():
        return given
    matching = [b.path for b in found if b.path.name.startswith(name)]
    if len(matching) != 1:
        what = "no backup" if not matching else f"{len(matching)} backups"
        raise NotFound(
            translate("Messages", "{what} of {folder} named '{name}'; `ngodesk backups` lists them.").format(
                what=what, folder=folder, name=name
            )
        )
    return matching[0]


@dataclass(frozen=True)
class Restored:
    """What a restore did: the state it replaced was backed up as
    ``before``, or (damaged) kept aside as ``damaged_copy``."""

    backup: Path
    before: Path | None
    damaged_copy: Path | None

    def __str__(self) -> str:
        if self.damaged_copy is not None:
            return f"Restored {self.backup.name}; the damaged database is kept as {self.damaged_copy}."
        return f"Restored {self.backup.name}; the state it replaced is backed up as {self.before}."


def restore(folder: Path | str, backup: Path, program: str = "ngodesk", wait: float = 0) -> Restored:
    """Put ``backup`` back as the database of the (closed) library in
    ``folder``, after backing up its current state (if sound; a damaged
    file is kept aside instead). Only a backup this program can open as a
    library is put back (LibraryError saying why not, nothing changed).
    LibraryLocked when the library is open anywhere (after waiting up to
    ``wait`` seconds for a command)."""
    folder = Path(folder).expanduser().absolute()
    db_path = folder / DB_NAME
    lock = WriterLock(folder, program, wait=wait)
    try:
        damaged = db_path.exists() and bool(backups.problems(db_path))
        before = None
        if db_path.exists() and not damaged:
            before = backups.make(db_path, folder / BACKUPS_DIR, "before-restore").path
        put_back = backups.put_back(db_path, backup, damaged)
        # (the team hub's state as last synced is not the restored library's:
        # the next sync starts from the hub's whole state, and loses nothing)
        shutil.rmtree(folder / MIRROR, ignore_errors=True)
        return Restored(backup, before, put_back)
    except OSError as error:
        raise LibraryError(
            translate("Messages", "Could not restore {backup}: {error}").format(backup=backup, error=error)
        ) from error
    finally:
        lock.release()
