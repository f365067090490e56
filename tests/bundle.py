"""The PyInstaller bundle the suite runs as a user would (NGODESK_TEST_DIST=1).

It is built once per run with ``make dist``, or reused when it is newer
than every source file it is made from. The build starts in the background
as soon as the tests are collected (``start``, by one test process), and
the bundle's tests come last (``tests/conftest.py``): the build's minute
runs beside the other tests instead of keeping a worker waiting for it.

One build at a time, whoever starts it: a lock on ``dist/.building``, held
by the build's own processes while they run, so a test that needs the
bundle waits for the build under way (``built``), and builds it itself if
that one failed (its output then shows why).
"""

from __future__ import annotations

import fcntl
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "ngodesk" / "ngodesk"
LOCK = ROOT / "dist" / ".building"
#: What the build started in the background said.
LOG = ROOT / "build" / "make-dist.log"
BUILD = ["make", "dist"]


def current() -> bool:
    """Whether the bundle is there and newer than every file it is made from."""
    if not BUNDLE.exists():
        return False
    sources = [
        *(ROOT / "src").rglob("*"),
        *(ROOT / "resources").rglob("*"),
        *(ROOT / "docs").rglob("*"),
        *(ROOT / "packaging").iterdir(),
    ]
    newest = max(p.stat().st_mtime for p in sources if p.is_file() and "__pycache__" not in p.parts)
    return BUNDLE.stat().st_mtime >= newest


def _lock() -> int:
    LOCK.parent.mkdir(exist_ok=True)
    return os.open(LOCK, os.O_WRONLY | os.O_CREAT, 0o644)


def start() -> subprocess.Popen[bytes] | None:
    """Start building the bundle in the background, unless it is current or
    a build is under way; the build's process (None when none was started)."""
    lock = _lock()
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return None  # (another build is under way: ``built`` waits for it)
        if current():
            return None
        LOG.parent.mkdir(exist_ok=True)
        with LOG.open("wb") as log:
            # (the lock passes to the build, whose processes hold it until they end)
            return subprocess.Popen(
                BUILD, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, pass_fds=(lock,), start_new_session=True
            )
    finally:
        os.close(lock)


def built() -> Path:
    """The bundle, once the build under way has ended; built here if it is
    still not current (no build was started, or it failed)."""
    lock = _lock()
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not current():
            subprocess.run(BUILD, cwd=ROOT, check=True, timeout=1800)
    finally:
        os.close(lock)
    return BUNDLE
