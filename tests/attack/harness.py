"""What the attack suite's tests share: its figures, commands run through
the fork server (``zygote``), and a record of a folder tree to prove that
nothing was written outside a library."""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

from ngodesk.crash_report import UNEXPECTED

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


@dataclass
class Figures:
    """What the suite did and found; printed at the end of the run."""

    kills: int = 0
    committed_checked: int = 0
    committed_lost: list[str] = field(default_factory=list)
    fuzz_cases: int = 0
    commands: int = 0
    tracebacks: list[str] = field(default_factory=list)
    outside_bytes: int = 0
    outside_paths: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"SIGKILLs: {self.kills}",
            f"committed edits checked after kills: {self.committed_checked}, lost: {len(self.committed_lost)}",
            f"fuzz cases: {self.fuzz_cases}",
            f"commands run: {self.commands}, with a traceback: {len(self.tracebacks)}",
            f"bytes written outside the library: {self.outside_bytes} ({len(self.outside_paths)} paths)",
        ]


FIGURES = Figures()


def count(name: str, default: int) -> int:
    """A size of the suite: ``$NAME`` when set (to run it bigger), else ``default``."""
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() and int(value) > 0 else default


def fuzz(examples: int) -> settings:
    """Hypothesis settings of a fuzz test: ``examples`` cases (or
    ``$NGODESK_ATTACK_EXAMPLES``), failures kept in tests/attack/.hypothesis
    (replayed first next time) and printed as a reproduction blob."""
    return settings(
        max_examples=count("NGODESK_ATTACK_EXAMPLES", examples),
        deadline=None,
        database=DirectoryBasedExampleDatabase(HERE / ".hypothesis"),
        print_blob=True,
        suppress_health_check=list(HealthCheck),
    )


@dataclass(frozen=True)
class Result:
    """How a command ended: exit code (negative: killed by that signal)."""

    code: int
    stdout: str
    stderr: str


class Zygote:
    """The fork server's client (see ``tests.attack.zygote``)."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
        env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "PYTHONPATH": path}
        self.server = subprocess.Popen(
            [sys.executable, "-m", "tests.attack.zygote"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
            text=True,
        )
        self.serial = 0
        self.pid: int | None = None

    def start(self, kind: str, argv: list[str] | None = None, args: dict | None = None) -> int:
        """Start a child; returns its pid (to kill it, or ``wait``)."""
        assert self.server.stdin is not None and self.server.stdout is not None
        self.serial += 1
        self.out, self.err = (self.scratch / f"{self.serial}.{name}" for name in ("out", "err"))
        request = {"kind": kind, "argv": argv, "args": args, "out": str(self.out), "err": str(self.err)}
        request |= {"env": {**os.environ, "OPENBLAS_NUM_THREADS": "1"}, "cwd": os.getcwd()}
        self.server.stdin.write(json.dumps(request) + "\n")
        self.server.stdin.flush()
        self.pid = json.loads(self.server.stdout.readline())["pid"]
        return self.pid

    def wait(self, timeout: float | None = None) -> Result:
        """How the child started last ended (killed after ``timeout`` seconds)."""
        assert self.server.stdout is not None
        if timeout is not None and not select.select([self.server.stdout], [], [], timeout)[0]:
            self.kill()
        line = self.server.stdout.readline()
        assert line, "the fork server died"
        self.pid = None
        read = lambda path: path.read_text(encoding="utf-8", errors="replace")  # noqa: E731
        return Result(json.loads(line)["code"], read(self.out), read(self.err))

    def cli(self, *argv: str) -> Result:
        """``ngodesk ARGV`` in a child process; tracebacks are counted."""
        self.start("cli", list(argv))
        return counted(argv, self.wait())

    def kill(self) -> None:
        """SIGKILL the running child (if it has not ended by itself)."""
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)

    def close(self) -> None:
        assert self.server.stdin is not None
        self.kill()
        self.server.stdin.close()
        self.server.wait(timeout=60)


def counted(argv: tuple[str, ...] | list[str], result: Result | subprocess.CompletedProcess[str]) -> Result:
    """``result`` as a Result, counted in the figures (with its traceback)."""
    if isinstance(result, subprocess.CompletedProcess):
        result = Result(result.returncode, result.stdout, result.stderr)
    FIGURES.commands += 1
    if crashed(result.stderr):
        FIGURES.tracebacks.append(f"ngodesk {' '.join(argv)}: {result.stderr.strip().splitlines()[-1]}")
    return result


def crashed(stderr: str) -> bool:
    """Whether a command ended in a traceback (printed, or kept in a crash
    report: "unexpected error ...")."""
    return "Traceback" in stderr or UNEXPECTED in stderr


def refused(result: Result, *words: str) -> None:
    """A clean refusal: exit 1, a message on stderr naming ``words``, no traceback."""
    assert not crashed(result.stderr), result.stderr
    assert result.code == 1, (result.code, result.stdout, result.stderr)
    assert result.stderr.startswith("ngodesk: "), result.stderr
    for word in words:
        assert word.casefold() in result.stderr.casefold(), (word, result.stderr)


def succeeded(result: Result) -> str:
    assert not crashed(result.stderr), result.stderr
    assert result.code == 0, (result.code, result.stderr)
    return result.stdout


Snapshot = dict[str, tuple[str, int, int]]


def snapshot(root: Path, *inside: Path) -> Snapshot:
    """Every path under ``root`` but those under ``inside`` (the libraries
    the program may write to): kind, size, modification time. Not the
    ``-wal`` and ``-shm`` files SQLite adds beside a database that it
    reads (another library being merged)."""
    skip = [p.absolute() for p in inside]
    found: Snapshot = {}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = [d for d in dirs if (here / d).absolute() not in skip]
        for name in dirs + files:
            path = here / name
            if name.endswith(("-wal", "-shm")) and (here / name[:-4]).is_file():
                continue
            info = path.lstat()
            kind = "link" if path.is_symlink() else "dir" if path.is_dir() else "file"
            found[str(path.relative_to(root))] = (kind, info.st_size, info.st_mtime_ns)
    return found


def written_outside(before: Snapshot, after: Snapshot) -> list[str]:
    """Paths made or changed between two snapshots (counted in the figures)."""
    changed = sorted(p for p, facts in after.items() if before.get(p) != facts and facts[0] != "dir")
    changed += sorted(p for p, facts in after.items() if p not in before and facts[0] == "dir")
    FIGURES.outside_paths += changed
    FIGURES.outside_bytes += sum(after[p][1] for p in changed if after[p][0] == "file")
    return changed
