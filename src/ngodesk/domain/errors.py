"""Errors every layer may raise; each carries a message fit to show a user."""

from __future__ import annotations

from pathlib import Path


class NgodeskError(Exception):
    """Base class: the operation failed and changed nothing."""


class ValidationError(NgodeskError):
    """Input was rejected before anything was written."""


class NotFound(NgodeskError):
    """A record named by id, uuid or name does not exist."""


class Conflict(NgodeskError):
    """The change would break an invariant (duplicate name, cycle...)."""


class LibraryError(NgodeskError):
    """A library folder cannot be opened as asked."""


class LibraryLocked(LibraryError):
    """Another process holds the library's write lock."""


class LibraryReadOnly(LibraryError):
    """The library's folder cannot be written to (a read-only medium); it
    can still be opened read-only."""


class LibraryDamaged(LibraryError):
    """The library's database fails SQLite's check; nothing was written.
    ``backup`` is the newest backup that passes it (None: there is none)."""

    def __init__(self, message: str, problems: list[str], backup: Path | None) -> None:
        super().__init__(message)
        self.problems, self.backup = problems, backup


class SchemaTooNew(LibraryError):
    """The library was written by a newer ngodesk; it is left untouched."""


class HubError(NgodeskError):
    """The team hub refused or failed an operation; nothing was changed there."""


class HubLoginRefused(HubError):
    """The team hub refused the password (or was given none)."""


class HubBusy(HubError):
    """Others kept changing the hub's records under a sync: nothing was
    lost, sync again."""


class HubUnreachable(HubError):
    """The team hub cannot be reached (or went away mid-way): work on
    offline and sync later."""


class QueryError(NgodeskError):
    """A search query is malformed; ``position`` is the 0-based column at fault."""

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


class ImportFailed(NgodeskError):
    """An import was refused as a whole; the library is unchanged."""


class Cancelled(NgodeskError):
    """The user cancelled a long operation; it changed nothing."""
