"""The one-writer-per-library lock.

An OS-level exclusive lock on ``<library>/.lock`` (``flock`` on POSIX,
``msvcrt.locking`` on Windows), so a crashed process never leaves a stale
lock behind. The holder writes who it is into the file so that a second
process can say which process holds the library.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path

from ngodesk.domain.errors import LibraryLocked
from ngodesk.domain.i18n import translate

LOCK_NAME = ".lock"


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

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
    """Human description of the process named in a lock file."""
    if not info:
        return "another process"
    who = f"{info.get('program', 'ngodesk')} (process {info.get('pid', '?')}"
    if info.get("host"):
        who += f" on {info['host']}"
    if info.get("user"):
        who += f", user {info['user']}"
    if info.get("since"):
        who += f", since {info['since']}"
    return who + ")"


class WriterLock:
    """Holds the library's write lock until ``release()`` (or process exit)."""

    def __init__(self, folder: Path, program: str) -> None:
        """Take the lock or raise LibraryLocked naming the holder."""
        self.path = folder / LOCK_NAME
        self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(self._fd):
            holder = self._read_holder()
            os.close(self._fd)
            self._fd = None
            raise LibraryLocked(
                translate("Messages", "The library {folder} is open for writing in {value}.").format(
                    folder=folder, value=describe_holder(holder)
                )
            )
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

    def _read_holder(self) -> dict[str, object]:
        try:
            text = self.path.read_bytes().decode("utf-8", "replace").strip()
            return json.loads(text) if text else {}
        except (OSError, ValueError):
            return {}

    def release(self) -> None:
        """Give the lock up; safe to call twice."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not worth failing over
        return ""
