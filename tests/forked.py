"""Other processes for tests whose point is another process (a writer
waiting for the lock, the holder of it), started in milliseconds: each is
forked from multiprocessing's fork server, which imports ngodesk once per
test process, where a new interpreter spends ~0.6-1 s of CPU importing it
each time. Each is still a real, separate process, with its own pid, lock
and database connections, running the real code: ``cli.main`` as
``python -m ngodesk`` runs it, or ``Library.open`` for a holder. (The
attack suite's fork server, ``tests.attack.zygote``, runs one child at a
time; these run side by side.)
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path

_SERVER = multiprocessing.get_context("forkserver")
# (what a writer's command and a holder use, imported once by the server)
_SERVER.set_forkserver_preload(["ngodesk.cli", "ngodesk.store.library", "ngodesk.services.stories"])


def _take(env: dict[str, str], cwd: str) -> None:
    """In the child: the test's environment and folder (the server was
    started with those of the test that first used it)."""
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)


def _command(argv: list[str], out: str, err: str, env: dict[str, str], cwd: str) -> None:
    """In the child: ``ngodesk ARGV``, its output in ``out`` and ``err``."""
    _take(env, cwd)
    for path, fd in ((out, 1), (err, 2)):
        target = os.open(path, os.O_WRONLY | os.O_APPEND)
        os.dup2(target, fd)
        os.close(target)
    from ngodesk.cli import main

    sys.exit(main(argv))


class Command:
    """``ngodesk ARGV`` running in a process of its own."""

    def __init__(self, argv: list[str], scratch: Path) -> None:
        scratch.mkdir(parents=True, exist_ok=True)
        self.out, self.err = (scratch / f"{os.getpid()}-{id(self)}.{name}" for name in ("out", "err"))
        for path in (self.out, self.err):
            path.touch()  # (read before the child opens them: empty)
        args = (argv, str(self.out), str(self.err), dict(os.environ), os.getcwd())
        self.process = _SERVER.Process(target=_command, args=args)
        self.process.start()

    def wait(self, timeout: float) -> int | None:
        """Its exit code (None if it still runs after ``timeout`` seconds)."""
        self.process.join(timeout)
        return self.process.exitcode

    @property
    def stderr(self) -> str:
        return self.err.read_text(encoding="utf-8", errors="replace")

    def first_line_of_stderr(self, timeout: float) -> str:
        """The first line it writes to standard error, once it has (or
        what it wrote when it ended or ``timeout`` ran out first)."""
        deadline = time.monotonic() + timeout
        while "\n" not in self.stderr and self.process.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.stderr.split("\n")[0]


def ngodesk(*argv: str, scratch: Path) -> Command:
    """Start ``ngodesk ARGV`` (its output kept in ``scratch``)."""
    return Command(list(argv), scratch)


def _hold(folder: str, program: str, ready: Connection, release: Connection, env: dict[str, str], cwd: str) -> None:
    """In the child: hold ``folder``'s write lock until told (or the test is gone)."""
    from ngodesk.store.library import Library

    _take(env, cwd)
    library = Library.open(folder, program=program)
    ready.send("ready")
    try:
        release.recv()
    except EOFError:
        pass
    library.close()


@contextmanager
def held_by_another_process(folder: Path, program: str = "ngodesk-test-holder") -> Iterator[int]:
    """Another process (saying it is ``program``) holds ``folder``'s write
    lock inside; yields its pid."""
    ready_in, ready_out = _SERVER.Pipe(duplex=False)
    release_in, release_out = _SERVER.Pipe(duplex=False)
    args = (str(folder), program, ready_out, release_in, dict(os.environ), os.getcwd())
    holder = _SERVER.Process(target=_hold, args=args)
    holder.start()
    ready_out.close()  # (so a holder that died is an EOFError, not a wait)
    release_in.close()
    try:
        assert ready_in.recv() == "ready" and holder.pid is not None
        yield holder.pid
    finally:
        release_out.close()  # (the holder's recv ends: it lets go and exits)
        holder.join(30)
        ready_in.close()
