"""A library is a folder: ``catalogue.sqlite``, ``files/`` and ``backups/``.

``Library.open`` validates the folder, takes the writer lock (unless opened
read-only), refuses a schema newer than this program without touching the
file, backs up and migrates an older one, and hands out sessions:
``read()`` for queries, ``write()`` for one transaction (``BEGIN IMMEDIATE``,
so two writers never deadlock half-way). Sessions are not thread-safe; a
worker thread opens its own.
"""

from __future__ import annotations

import errno
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from platformdirs import user_data_path
from sqlalchemy import Connection, Engine, create_engine, delete, event, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from ngodesk.domain.errors import LibraryDamaged, LibraryError, LibraryReadOnly, SchemaTooNew
from ngodesk.domain.i18n import translate
from ngodesk.store import backups, history, migrate
from ngodesk.store.lock import WriterLock
from ngodesk.store.schema import Meta
from ngodesk.store.sqlite_files import connect_read, read_uri, writable

DB_NAME = "catalogue.sqlite"
FILES_DIR = "files"
BACKUPS_DIR = "backups"
#: Where a library keeps the states of libraries merged into it.
MERGES_DIR = "merges"
BUSY_TIMEOUT_MS = 5000
#: Page cache per connection: writers need room for FTS segment merges;
#: readers (one per thread that searches) less, to keep memory down.
WRITE_CACHE_KIB, READ_CACHE_KIB = 65536, 16384
#: Bytes per database page of new libraries.
PAGE_SIZE = 8192
#: The ``meta`` key of ``Library.state``.
STATE_KEY = "state"
_SET_META = "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"


def _connect(db_path: Path, readonly: bool) -> sqlite3.Connection:
    uri = read_uri(db_path) if readonly else f"file:{quote(str(db_path))}"
    connection = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.isolation_level = None  # transactions are begun explicitly below
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not readonly:
        # (a new database only: story rows of ~1 KB waste a sixth of 4 KiB
        # pages, half as much of 8 KiB ones; benchmarks/README.md)
        connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
    return connection


def _engine(db_path: Path, readonly: bool, begin: str, cache_kib: int, author: Callable[[], str] | None) -> Engine:
    """Connections to ``db_path``; with ``author`` (write connections) the
    history triggers are installed and each transaction records its
    author."""

    def connect() -> sqlite3.Connection:
        connection = _connect(db_path, readonly)
        connection.execute(f"PRAGMA cache_size = -{cache_kib}")
        if author is not None:
            history.install(connection)
        return connection

    # LIFO: the connection used last (its page cache warm) is taken again;
    # FIFO would turn every pooled connection's cache warm in turn, each up
    # to ``cache_kib`` of memory.
    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=QueuePool, pool_use_lifo=True)

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql(begin)
        if author is not None and connection.exec_driver_sql(_HAS_HISTORY).first() is not None:
            connection.exec_driver_sql("UPDATE ngodesk_history SET author = ?", (author(),))

    return engine


_HAS_HISTORY = "SELECT 1 FROM sqlite_temp_master WHERE name = 'ngodesk_history'"


def _driver(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under ``session``'s transaction."""
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def stored_meta(db_path: Path, key: str) -> str:
    """A ``meta`` value of a library's database file, read without writing;
    "" when it has none or the file cannot be read."""
    try:
        connection = connect_read(db_path)
        try:
            found = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return ""
    return str(found[0]) if found else ""


def stored_revision(db_path: Path) -> str | None:
    """The schema revision recorded in a database file, read without writing.

    None for a missing or empty (new) database. Raises LibraryError when the file is
    not an SQLite database, not an ngodesk library, or records no revision.
    """
    if not db_path.exists():
        return None
    try:
        connection = connect_read(db_path)
    except sqlite3.Error as error:
        raise LibraryError(
            translate("Messages", "Cannot open {db_path}: {error}").format(db_path=db_path, error=error)
        ) from error
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise LibraryError(
                translate("Messages", "{db_path} is an SQLite database but not an ngodesk library.").format(
                    db_path=db_path
                )
            )
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if len(rows) != 1:
            raise LibraryError(
                translate("Messages", "{db_path} records no schema revision; it was not changed.").format(
                    db_path=db_path
                )
            )
        return str(rows[0][0])
    except sqlite3.DatabaseError as error:
        raise LibraryError(
            translate("Messages", "{db_path} is not a readable SQLite database: {error}").format(
                db_path=db_path, error=error
            )
        ) from error
    finally:
        connection.close()


def damaged(db_path: Path, found: list[str], checker: backups.Checker | None = None) -> LibraryDamaged:
    """The error saying that the database ``db_path`` is damaged (``found``:
    the problems), naming the newest backup that passes the full check
    (made by ``checker``, which may cancel it: see ``backups.Checker``)."""
    checker = checker or backups.Checker()
    good = next((b.path for b in backups.listing(db_path.parent / BACKUPS_DIR) if not checker.problems(b.path)), None)
    shown = "; ".join(found[:3]) + (f" (and {len(found) - 3} more)" if len(found) > 3 else "")
    advice = (
        translate("Messages", "The newest sound backup is {name}: restore it (ngodesk restore {name}).").format(
            name=good.name
        )
        if good
        else translate("Messages", "There is no sound backup to restore.")
    )
    return LibraryDamaged(
        translate("Messages", "The database of {parent} is damaged ({shown}); it was not changed. {advice}").format(
            parent=db_path.parent, shown=shown, advice=advice
        ),
        found,
        good,
    )


class Library:
    """An open library folder; close it with ``close()`` or use ``with``."""

    def __init__(self, folder: Path, readonly: bool, lock: WriterLock | None) -> None:
        self.folder = folder
        self.readonly = readonly
        self._lock = lock
        self.db_path = folder / DB_NAME
        #: who the history records as making the changes written from now on
        self.author = history.default_author()
        self._read_engine = _engine(self.db_path, readonly, "BEGIN", READ_CACHE_KIB, None)
        self._read_sessions = sessionmaker(self._read_engine, expire_on_commit=False)
        self._write_engine: Engine | None = None
        if not readonly:
            self._write_engine = _engine(self.db_path, False, "BEGIN IMMEDIATE", WRITE_CACHE_KIB, lambda: self.author)
            self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        #: The write session open in each thread (writes nest: see ``write``).
        self._writing = threading.local()
        #: Why ``write`` refuses now (damage found after opening), or "".
        self.writes_refused = ""

    @classmethod
    def open(
        cls,
        folder: Path | str,
        *,
        readonly: bool = False,
        program: str = "ngodesk",
        wait: float = 0,
        waiting: Callable[[], None] | None = None,
    ) -> Library:
        """Open (or create) the library in ``folder``.

        A folder that does not exist becomes a new, empty library (not when
        ``readonly``). A writer waits up to ``wait`` seconds for another
        command's lock (``waiting`` is told after 2 s; see
        ``WriterLock``). Raises LibraryLocked when another process writes
        to it, LibraryReadOnly when the folder cannot be written to,
        SchemaTooNew when a newer ngodesk wrote it, LibraryDamaged when its
        database is damaged where SQLite meets it at once (its tables),
        empty beside backups, or not an ngodesk library (the file is left
        untouched in all three), LibraryError for anything else that is
        wrong. Nothing here reads the whole file: damage deeper in it is
        found by the full check (``refuse_unusable(full=True)``), which the
        window runs in the background and ``ngodesk check`` first.
        """
        folder = Path(folder).expanduser().absolute()
        db_path = folder / DB_NAME
        if folder.exists() and not folder.is_dir():
            raise LibraryError(translate("Messages", "{folder} is a file, not a library folder.").format(folder=folder))
        if readonly and not db_path.exists():
            raise LibraryError(
                translate("Messages", "{folder} is not a library (no {DB_NAME}).").format(
                    folder=folder, DB_NAME=DB_NAME
                )
            )
        if db_path.exists():
            cls.refuse_unusable(db_path)
        if readonly:
            if stored_revision(db_path) != migrate.LIBRARY.head_revision():
                raise LibraryError(
                    translate(
                        "Messages",
                        "{folder} needs a schema upgrade, which read-only mode cannot do; open it for writing once.",
                    ).format(folder=folder)
                )
            return cls(folder, True, None)
        if folder.exists() and not writable(folder):
            raise _read_only(folder, program)
        try:
            for sub in (folder, folder / FILES_DIR, folder / BACKUPS_DIR):
                sub.mkdir(parents=True, exist_ok=True)
            lock = WriterLock(folder, program, wait=wait, waiting=waiting)
        except OSError as error:
            if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise _read_only(folder, program) from error
            raise LibraryError(
                translate("Messages", "Cannot create the library folder {folder}: {strerror}").format(
                    folder=folder, strerror=error.strerror
                )
            ) from error
        try:
            _remove_leftovers(folder)
            library = cls(folder, False, lock)
            library._upgrade_schema()
        except BaseException:
            lock.release()
            raise
        return library

    @staticmethod
    def refuse_unusable(db_path: Path, full: bool = False) -> None:
        """Refuse a database file this program must not open (see ``open``);
        an empty one beside no backups is a library whose first opening did
        not finish, made anew. Without ``full`` only what costs the same at
        any size is checked (the file, its tables and schema revision):
        damage that SQLite meets at once; ``full`` adds SQLite's quick check
        of the whole file (``store.backups.problems``)."""
        found = backups.problems(db_path, full)
        if not found:
            return
        try:
            revision = stored_revision(db_path)
        except LibraryError:
            revision = None
        else:
            if revision is None and not backups.listing(db_path.parent / BACKUPS_DIR):
                return
        if revision is not None and revision not in migrate.LIBRARY.known_revisions():
            raise SchemaTooNew(
                translate(
                    "Messages",
                    "{db_path} was written by a newer version of ngodesk (schema {revision}); this version "
                    "knows schemas up to {head_revision}. Upgrade ngodesk to open it. The library was not "
                    "changed.",
                ).format(db_path=db_path, revision=revision, head_revision=migrate.LIBRARY.head_revision())
            )
        raise damaged(db_path, found)

    def _upgrade_schema(self) -> None:
        revision = stored_revision(self.db_path)
        if revision == migrate.LIBRARY.head_revision():
            return
        if revision is not None:
            self.backup(f"before-upgrade-from-{revision}")
        from ngodesk.store import tracking  # (and the team's tables: only an upgrade needs them)

        assert self._write_engine is not None
        with self._write_engine.connect() as connection:
            tracking.before_upgrade(connection)
            migrate.LIBRARY.upgrade(connection)
            connection.commit()
        self._write_engine.dispose()  # (new connections get what the new schema has: the history triggers)

    @property
    def schema_version(self) -> str:
        """The schema revision of the open database."""
        return stored_revision(self.db_path) or ""

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; it sees one consistent snapshot."""
        with self._read_sessions() as session, session.begin():
            yield session

    @contextmanager
    def write(self, content: bool = True) -> Iterator[Session]:
        """A session in one write transaction: committed when the block ends,
        rolled back (nothing changed) when it raises.

        Writes nest: inside another ``write`` block of the same thread, the
        block joins the enclosing transaction, so several service calls can
        form one all-or-nothing change. (Reads in ``read`` sessions do not
        see a transaction's changes before it commits.) A disk or database
        file that fails (full, read-only, damaged) is a LibraryError saying
        so; the transaction is rolled back. While ``writes_refused`` says
        why, every write is refused with that LibraryError.

        ``content=False`` says the block changes no content, only an
        index's own bookkeeping (its integrity check writes a command row):
        the library's ``state`` is kept."""
        if self._write_engine is None:
            raise LibraryError(translate("Messages", "{folder} is open read-only.").format(folder=self.folder))
        if self.writes_refused:
            raise LibraryError(self.writes_refused)
        enclosing: Session | None = getattr(self._writing, "session", None)
        if enclosing is not None:
            yield enclosing
            return
        try:
            with self._write_sessions() as session, session.begin():
                raw = _driver(session)  # (begins the transaction: "locked" fails here)
                changed_before = raw.total_changes
                self._writing.session = session
                try:
                    yield session
                    session.flush()
                    if content and raw.total_changes != changed_before:
                        raw.execute(_SET_META, (STATE_KEY, uuid.uuid4().hex))
                finally:
                    self._writing.session = None
        except (sqlite3.DatabaseError, DBAPIError) as error:
            if (reason := _storage_fault(error)) is None:
                raise
            raise LibraryError(
                translate("Messages", "Could not write to {folder}: {reason}. Nothing was changed.").format(
                    folder=self.folder, reason=reason
                )
            ) from error

    def state(self, session: Session) -> str:
        """A token naming the library's content as ``session`` sees it: it
        changes with every write transaction that changes a row (a fresh
        random one each time, so a restored backup never reuses a token
        its successors had). Derived data kept outside the database
        (``services.facet_index``'s saved index) is valid while it
        matches; "" before the first change."""
        return self.get_meta(session, STATE_KEY) or ""

    def get_meta(self, session: Session, key: str) -> str | None:
        """A library-wide setting, or None."""
        return session.scalar(select(Meta.value).where(Meta.key == key))

    def set_meta(self, session: Session, key: str, value: str) -> None:
        """Store a library-wide setting in the caller's transaction."""
        session.merge(Meta(key=key, value=value))

    def delete_meta(self, session: Session, key: str) -> None:
        """Drop a library-wide setting in the caller's transaction."""
        session.execute(delete(Meta).where(Meta.key == key))

    def backup(self, reason: str, progress: backups.CopyProgress | None = None) -> backups.Backup:
        """Snapshot the database into ``backups/`` (see ``store.backups``)."""
        return backups.make(self.db_path, self.folder / BACKUPS_DIR, reason, progress)

    def close(self) -> None:
        """Release connections and the writer lock."""
        self._read_engine.dispose()
        if self._write_engine is not None:
            self._write_engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


#: SQLite's primary result codes that say the storage failed, not the
#: program (see https://sqlite.org/rescode.html).
_FULL, _IOERR, _READONLY, _BUSY, _CORRUPT, _NOTADB, _CANTOPEN = 13, 10, 8, 5, 11, 26, 14


def _storage_fault(error: BaseException) -> str | None:
    """What went wrong with the storage, for people, when ``error`` (a
    sqlite3 error, maybe wrapped by SQLAlchemy) says the disk or file
    failed; None for other errors (the program's own)."""
    cause = error.orig if isinstance(error, DBAPIError) else error
    code = getattr(cause, "sqlite_errorcode", None)
    if code is None:
        return None
    reasons = {
        _FULL: translate("Messages", "the disk is full"),
        _IOERR: translate("Messages", "the disk could not be read or written (an input/output error)"),
        _READONLY: translate("Messages", "the database cannot be written to (read-only)"),
        _BUSY: translate("Messages", "another program kept the database busy"),
        _CORRUPT: translate("Messages", "the database file is damaged"),
        _NOTADB: translate("Messages", "the database file is damaged"),
        _CANTOPEN: translate("Messages", "the database file cannot be opened"),
    }
    return reasons.get(code & 0xFF)


def _read_only(folder: Path, program: str) -> LibraryReadOnly:
    return LibraryReadOnly(
        translate(
            "Messages",
            "{folder} cannot be written to (a read-only medium or folder), and {program} needs to write there. "
            "Search, show, info, tags, history and export work; to change the library, copy its folder to a "
            "writable disk.",
        ).format(folder=folder, program=program)
    )


def _remove_leftovers(folder: Path) -> None:
    """Delete what a process killed mid-way left in the library folder (the
    caller holds the writer lock, so no one is writing them now): partial
    backups and merge states, a restore not swapped in, files being
    attached (``files/`` keeps content only in its sub-folders)."""
    found = [folder / (DB_NAME + ".restoring")]
    for sub in (BACKUPS_DIR, MERGES_DIR):
        found += [
            p for p in _children(folder / sub) if p.name.endswith((backups.PARTIAL, backups.PARTIAL + "-journal"))
        ]
    found += [p for p in _children(folder / FILES_DIR) if p.is_file()]
    for path in found:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # (tried again next time)


def _children(folder: Path) -> list[Path]:
    """What the library's own sub-folder ``folder`` holds; nothing when it
    is a link (to a folder of someone's files, not the library's)."""
    if folder.is_symlink():
        return []
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def user_default_folder() -> Path:
    """The platform's per-user library folder (used when none is named)."""
    return user_data_path("ngodesk", appauthor=False) / "library"
