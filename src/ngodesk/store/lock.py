"""The one-writer-per-library lock.

An OS-level exclusive lock on ``<library>/.lock`` (``flock`` on POSIX,
``msvcrt.locking`` on Windows), so a crashed process never leaves a stale
lock behind. The holder writes who it is into the file so that a second
process can say which process holds the library.

The lock file is opened without following links and must be a plain file
of its own: a link planted at ``.lock`` would otherwise make every writer
overwrite the file it points to. A writer may wait for the lock: a command
holds it for seconds, so another command waits its turn; a window holds it
for hours, so waiting for one is pointless and it is named at once.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import stat
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from ngodesk.domain.errors import LibraryError, LibraryLocked
from ngodesk.domain.i18n import translate

LOCK_NAME = ".lock"
#: The ``program`` a main window takes the lock as.
WINDOW = "ngodesk window"
#: How long a waiting writer sleeps between tries (seconds).
_POLL = 0.05
#: Bytes of holder information read back at most.
_HOLDER_BYTES = 4096


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)  # (msvcrt locks bytes from the file's position)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def describe_holder(info: dict[str, object]) -> str:
    """Human description of the process named in a lock file, in the
    interface's language."""
    if not info:
        return translate("Messages", "another process")
    pid = info.get("pid", "?")
    parts = [
        translate("Messages", "process {pid} on {host}").format(pid=pid, host=info["host"])
        if info.get("host")
        else translate("Messages", "process {pid}").format(pid=pid)
    ]
    if info.get("user"):
        parts.append(translate("Messages", "user {user}").format(user=info["user"]))
    if info.get("since"):
        parts.append(translate("Messages", "since {since}").format(since=info["since"]))
    return translate("Messages", "{program} ({details})").format(
        program=info.get("program", "ngodesk"), details=translate("Messages", ", ").join(parts)
    )


def _open_plain(path: Path) -> int:
    """A descriptor of the lock file ``path``, made when missing, never
    through a link; LibraryError when it is a link, not a plain file, or a
    second name of another file."""
    flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not hasattr(os, "O_NOFOLLOW") and path.is_symlink():  # pragma: no cover - Windows
        raise _not_plain(path)
    try:
        try:
            fd = os.open(path, flags)
        except FileNotFoundError:
            try:
                fd = os.open(path, flags | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:  # (another writer made it meanwhile)
                fd = os.open(path, flags)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.EMLINK):  # (O_NOFOLLOW met a link)
            raise _not_plain(path) from error
        raise
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
        os.close(fd)
        raise _not_plain(path)
    return fd


def _not_plain(path: Path) -> LibraryError:
    return LibraryError(
        translate(
            "Messages",
            "{path} is a link or not a plain file; ngodesk writes nothing through it. Remove it (it is made "
            "again) and try again.",
        ).format(path=path)
    )


class WriterLock:
    """Holds the library's write lock until ``release()`` (or process exit)."""

    def __init__(
        self, folder: Path, program: str, *, wait: float = 0, waiting: Callable[[], None] | None = None
    ) -> None:
        """Take the lock, waiting up to ``wait`` seconds while another
        command holds it (``waiting`` is called once when the wait has
        lasted 2 seconds), or raise LibraryLocked naming the holder: at
        once when the holder is a window. LibraryError when ``.lock`` is a
        link or not a plain file; OSError when it cannot be made."""
        self.path = folder / LOCK_NAME
        self._fd: int | None = _open_plain(self.path)
        started = time.monotonic()
        told = False
        while not _try_lock(self._fd):
            holder = self._holder()
            waited = time.monotonic() - started
            if waited >= wait or str(holder.get("program", "")) == WINDOW:
                os.close(self._fd)  # (not ``release``: the holder's text stays)
                self._fd = None
                raise LibraryLocked(
                    translate("Messages", "The library {folder} is open for writing in {value}.").format(
                        folder=folder, value=describe_holder(holder)
                    )
                )
            if waiting is not None and not told and waited >= 2:
                told = True
                waiting()
            time.sleep(min(_POLL, max(wait - waited, 0)))
        info = {
            "program": program,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": _user_name(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        # Lock byte 0 only on Windows; the holder text goes after it.
        os.ftruncate(self._fd, 0)
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, b" " + json.dumps(info).encode())

    def _holder(self) -> dict[str, object]:
        """Who the lock file says holds it ({} while unknown: being written)."""
        assert self._fd is not None
        try:  # (from byte 1: byte 0 is the one locked on Windows, unreadable there)
            os.lseek(self._fd, 1, os.SEEK_SET)
            text = os.read(self._fd, _HOLDER_BYTES).decode("utf-8", "replace").strip()
            found = json.loads(text) if text else {}
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def release(self) -> None:
        """Give the lock up; safe to call twice. The holder's text goes first
        (a writer waiting next must not read it as its own holder's)."""
        if self._fd is not None:
            try:
                os.ftruncate(self._fd, 0)
            except OSError:
                pass  # (read-only, say: the text only names who had it)
            os.close(self._fd)
            self._fd = None


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not worth failing over
        return ""
