"""Faults of the library folder itself, as a hostile or unlucky user meets
them: a planted lock link, a full disk, a read-only medium, an empty or
foreign database file, a restore of something that is no library,
leftovers of killed processes, and writers that must wait their turn."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ngodesk.domain.errors import LibraryDamaged, LibraryError, LibraryReadOnly
from ngodesk.services import backups, queries, stories
from ngodesk.services.library import open_library
from ngodesk.store.library import DB_NAME, Library
from ngodesk.store.lock import LOCK_NAME, WINDOW
from tests import forked
from tests.conftest import SAMPLE, copy_library, held_by_another_process, read_only_view, small_disk
from tests.test_cli import ngodesk, ok


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(library: Path) -> int:
    return int(json.loads(ok("info", "--json", library=library))["stories"])


@pytest.fixture
def made(tmp_path: Path, _empty_template: Path) -> Path:
    """A closed library of three stories with one backup."""
    path = copy_library(_empty_template, tmp_path / "made")
    with open_library(path) as library:
        for title in ("Wells in Kenya", "学校在尼泊尔", "Clinics in Myanmar"):
            stories.create_story(library, {"title": title})
        backups.back_up(library)
    return path


# --- the lock ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("target_exists", [True, False])
def test_a_lock_planted_as_a_link_is_refused_and_its_target_left_alone(
    made: Path, tmp_path: Path, target_exists: bool
) -> None:
    target = tmp_path / "victim.txt"
    if target_exists:
        target.write_text("precious\n")
    (made / LOCK_NAME).unlink()
    (made / LOCK_NAME).symlink_to(target)
    result = ngodesk("add", "--title", "x", library=made)
    assert result.returncode == 1 and "is a link or not a plain file" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_text() == "precious\n" if target_exists else not target.exists()
    assert _count(made) == 3  # (reading does not need the lock)


def test_a_lock_that_is_a_second_name_of_another_file_is_refused(made: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (made / LOCK_NAME).unlink()
    os.link(victim, made / LOCK_NAME)
    with pytest.raises(LibraryError, match="not a plain file"):
        Library.open(made)
    assert victim.read_text() == "precious\n"


# --- writers wait for each other -----------------------------------------------------------------------------


def test_parallel_writers_wait_their_turn_and_none_is_lost(made: Path, tmp_path: Path) -> None:
    command = ["--library", str(made), "add", "--title"]  # (six processes: tests.forked)
    running = [forked.ngodesk(*command, f"Parallel {n}", scratch=tmp_path) for n in range(6)]
    failures = [p.stderr for p in running if p.wait(timeout=120) != 0]
    assert failures == []
    assert _count(made) == 9


def test_a_writer_waits_for_a_command_then_goes_on(made: Path, tmp_path: Path) -> None:
    with held_by_another_process(made) as _:
        started = forked.ngodesk("--library", str(made), "add", "--title", "After the wait", scratch=tmp_path)
        told = started.first_line_of_stderr(timeout=120)  # (after 2 s of waiting)
        assert "waiting for it" in told and "process" not in told  # who holds it: only if the wait runs out
    assert started.wait(timeout=120) == 0
    assert _count(made) == 4


def test_a_wait_that_runs_out_names_the_holder(made: Path) -> None:
    with held_by_another_process(made) as holder:
        result = ngodesk("--wait", "0.3", "set", "nothing", "title=x", library=made)
    assert result.returncode == 1 and f"process {holder}" in result.stderr and "ngodesk-test-holder" in result.stderr


def test_a_window_holding_the_library_is_named_at_once(made: Path) -> None:
    with held_by_another_process(made, program=WINDOW) as holder:
        result = ngodesk("--wait", "600", "add", "--title", "x", library=made)
    assert result.returncode == 1 and f"{WINDOW} (process {holder}" in result.stderr
    assert "waiting" not in result.stderr  # (no wait of minutes for a window that stays open for hours)


# --- the disk fills up ---------------------------------------------------------------------------------------


def test_an_import_that_fills_the_disk_changes_nothing_and_says_so(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    lines = ["title,summary"] + [f"Story {n},{'扶贫 poverty relief ' * 40}{n}" for n in range(6000)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with small_disk(tmp_path / "stick", "3m") as stick:
        library = stick / "lib"
        ok("import", str(SAMPLE), library=library)
        before = _digest(library / DB_NAME)
        result = ngodesk("import", str(big), library=library)
        assert result.returncode == 1 and "the disk is full" in result.stderr and "Nothing was changed" in result.stderr
        assert "Traceback" not in result.stderr
        assert _count(library) == 13 and ok("check", library=library).strip() == "No problems found."
        assert _digest(library / DB_NAME) == before
        assert sorted(p.name for p in (library / "files").iterdir()) == []


# --- a read-only medium --------------------------------------------------------------------------------------


@pytest.mark.parametrize("log_left", [False, True], ids=["closed cleanly", "with its -wal and -shm"])
def test_a_library_on_a_read_only_medium_is_read_and_says_what_needs_writing(
    made: Path, tmp_path: Path, log_left: bool
) -> None:
    if log_left:  # (copied off while open: its last change only in the write-ahead log)
        writer = sqlite3.connect(made / DB_NAME)
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("UPDATE stories SET title = 'Wells in Kenya, in the log' WHERE title = 'Wells in Kenya'")
        writer.commit()
        stick = tmp_path / "stick"
        stick.mkdir()
        for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
            (stick / name).write_bytes((made / name).read_bytes())
        writer.close()
        made = stick
    with read_only_view(made, tmp_path / "cd") as cd:
        found = json.loads(ok("search", "Kenya", "--json", library=cd))
        assert [s["title"] for s in found] == ["Wells in Kenya, in the log" if log_left else "Wells in Kenya"]
        assert ok("export", "--format", "csv", library=cd).count("\n") == 4
        for command in (["add", "--title", "x"], ["set", found[0]["uuid"], "title=y"], ["backup"]):
            result = ngodesk(*command, library=cd)
            assert result.returncode == 1 and "Traceback" not in result.stderr
            assert f"ngodesk {command[0]} needs to write there" in result.stderr and "Search, show" in result.stderr
        checked = ngodesk("check", library=cd)
        assert checked.returncode == 0 and "cannot be written to" in checked.stderr
        png = tmp_path / "window.png"
        shown = subprocess.run(
            [sys.executable, "-m", "ngodesk", "--library", str(cd), "--screenshot", str(png)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert shown.returncode == 0 and png.read_bytes()[:4] == b"\x89PNG", shown.stderr
    with pytest.raises(LibraryReadOnly):
        with read_only_view(made, tmp_path / "cd2") as cd:
            Library.open(cd)


# --- database files that are not a library to open -----------------------------------------------------------


def test_an_empty_schema_revision_is_refused_and_the_file_left_alone(made: Path) -> None:
    with sqlite3.connect(made / DB_NAME) as connection:
        connection.execute("DELETE FROM alembic_version")
    before = _digest(made / DB_NAME)
    result = ngodesk("info", library=made)
    assert result.returncode == 1 and "schema revision is not recorded" in result.stderr
    assert "already exists" not in result.stderr and "Traceback" not in result.stderr
    assert _digest(made / DB_NAME) == before


def test_a_zero_length_database_beside_backups_is_refused_naming_the_backup(made: Path) -> None:
    (made / DB_NAME).write_bytes(b"")
    (newest,) = backups.listing(made)
    with pytest.raises(LibraryDamaged) as caught:
        open_library(made)
    assert caught.value.backup == newest.path and f"ngodesk restore {newest.path.name}" in str(caught.value)
    assert (made / DB_NAME).stat().st_size == 0  # not made into a new library
    print(ok("restore", "latest", library=made))
    assert _count(made) == 3


def test_an_empty_database_without_backups_is_a_library_whose_first_opening_died(tmp_path: Path) -> None:
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / DB_NAME).write_bytes(b"")
    with open_library(tmp_path / "new") as library:
        assert library.schema_version


def test_a_foreign_database_is_refused_as_damaged(made: Path) -> None:
    (made / DB_NAME).unlink()
    with sqlite3.connect(made / DB_NAME) as connection:
        connection.execute("CREATE TABLE songs (title TEXT)")
    before = _digest(made / DB_NAME)
    result = ngodesk("add", "--title", "x", library=made)
    assert result.returncode == 1 and "not an ngodesk library" in result.stderr and "ngodesk restore" in result.stderr
    assert _digest(made / DB_NAME) == before


@pytest.mark.parametrize("kind", ["zero-length", "foreign", "schema 9999", "random bytes"])
def test_restore_puts_back_only_a_library_this_program_can_open(made: Path, tmp_path: Path, kind: str) -> None:
    bad = tmp_path / "bad.sqlite"
    if kind == "zero-length":
        bad.write_bytes(b"")
    elif kind == "random bytes":
        bad.write_bytes(os.urandom(8192))
    elif kind == "foreign":
        with sqlite3.connect(bad) as connection:
            connection.execute("CREATE TABLE songs (title TEXT)")
    else:
        bad.write_bytes(next(iter(backups.listing(made))).path.read_bytes())
        with sqlite3.connect(bad) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = _digest(made / DB_NAME)
    result = ngodesk("restore", str(bad), library=made)
    assert result.returncode == 1 and "cannot be restored" in result.stderr and "Traceback" not in result.stderr
    assert _digest(made / DB_NAME) == before and _count(made) == 3


# --- leftovers of killed processes ---------------------------------------------------------------------------


def test_leftovers_of_killed_processes_are_removed_on_the_next_opening(made: Path) -> None:
    leftovers = [
        made / "backups" / "20261207T000000Z-manual.sqlite.partial",
        made / "backups" / "20261207T000000Z-manual.sqlite.partial-journal",
        made / "merges" / "1234.sqlite.partial",
        made / (DB_NAME + ".restoring"),
        made / "files" / "tmpk2j3h4",
    ]
    for path in leftovers:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"half")
    ok("tag", "create", "Region/Africa", library=made)
    assert [p for p in leftovers if p.exists()] == []
    assert len(backups.listing(made)) == 1


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminated_export_leaves_no_partial_file(made: Path, tmp_path: Path, signum: int) -> None:
    out = tmp_path / "out"
    out.mkdir()
    slow = (
        "import sys, time, ngodesk.services.exporting as e\n"
        "def slow(out, stories):\n    out.write('started'); print('writing', flush=True); time.sleep(60)\n"
        "e._STORY_WRITERS['ris'] = slow\n"
        "from ngodesk.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    )
    running = subprocess.Popen(
        [sys.executable, "-c", slow, "--library", str(made), "export", "--format", "ris", "-o", str(out / "x.ris")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert running.stdout is not None and running.stdout.readline().strip() == "writing"
    running.send_signal(signum)
    assert running.wait(timeout=60) == 1
    assert "interrupted" in running.stderr.read()  # type: ignore[union-attr]
    assert list(out.iterdir()) == []


def test_a_terminated_backup_leaves_no_partial_file(made: Path) -> None:
    folder = made / "backups"
    before = sorted(p.name for p in folder.iterdir())
    slow = (
        "import sys, time, ngodesk.store.backups as b\n"
        "real = b.connect_read\n"
        "class Slow:\n"
        "    def __init__(self, c): self.c = c\n"
        "    def __getattr__(self, name): return getattr(self.c, name)\n"
        "    def backup(self, target, **kw):\n"
        "        target.execute('CREATE TABLE half (x)'); print('copying', flush=True); time.sleep(60)\n"
        "b.connect_read = lambda path: Slow(real(path))\n"
        "from ngodesk.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    )
    running = subprocess.Popen(
        [sys.executable, "-c", slow, "--library", str(made), "backup"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert running.stdout is not None and running.stdout.readline().strip() == "copying"
    assert any(p.name.endswith(".partial") for p in folder.iterdir())
    running.send_signal(signal.SIGTERM)
    assert running.wait(timeout=60) == 1
    assert sorted(p.name for p in folder.iterdir()) == before


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_window_told_to_terminate_closes_its_library_cleanly(made: Path, signum: int) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.Popen(
        [sys.executable, "-m", "ngodesk", "--library", str(made)], env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        for _ in range(1200):  # (until the window holds the library)
            if WINDOW in (made / LOCK_NAME).read_text(errors="replace"):
                break
            assert window.poll() is None, window.stderr.read()  # type: ignore[union-attr]
            time.sleep(0.05)
        window.send_signal(signum)
        assert window.wait(timeout=60) == 0
    finally:
        window.kill()
    assert not (made / (DB_NAME + "-wal")).exists()  # (closed, not cut off)
    ok("--wait", "0", "add", "--title", "After the window", library=made)


def test_what_a_killed_export_left_beside_its_file_goes_with_the_next_export(made: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    killed, recent, other = (
        out / name for name in (".x.ris.0a1b2c3d.part", ".x.ris.4e5f6a7b.part", ".y.ris.0a1b2c3d.part")
    )
    for path in (killed, recent, other):
        path.write_text("TY  - JOUR\n")
    long_ago = time.time() - 2 * 86400
    os.utime(killed, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    ok("export", "--format", "ris", "-o", str(out / "x.ris"), library=made)
    assert sorted(p.name for p in out.iterdir()) == [
        recent.name,
        other.name,
        "x.ris",
    ]  # (another export may be running)


def test_a_command_under_nohup_goes_on_after_a_hangup(made: Path, tmp_path: Path) -> None:
    slow = (
        "import sys, ngodesk.services.exporting as e\n"
        "def slow(out, stories):\n    out.write('done'); print('writing', flush=True); sys.stdin.readline()\n"
        "e._STORY_WRITERS['ris'] = slow\n"
        "from ngodesk.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    )
    running = subprocess.Popen(
        [
            sys.executable,
            "-c",
            slow,
            "--library",
            str(made),
            "export",
            "--format",
            "ris",
            "-o",
            str(tmp_path / "x.ris"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN),  # (as nohup starts it)
    )
    assert running.stdout is not None and running.stdout.readline().strip() == "writing"
    running.send_signal(signal.SIGHUP)  # (mid-export: it writes on when told, after the hangup)
    running.stdin.close()  # type: ignore[union-attr]
    assert running.wait(timeout=60) == 0, running.stderr.read()  # type: ignore[union-attr]
    assert (tmp_path / "x.ris").read_text() == "done"


def test_a_write_refused_while_another_program_writes_leaves_later_writes_whole(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(A write whose transaction could not begin, "database is locked",
    left its session as the thread's open one: every later write on that
    thread joined a dead transaction and was lost without a word.)"""
    monkeypatch.setattr("ngodesk.store.library.BUSY_TIMEOUT_MS", 200)
    with open_library(made) as library:
        other = sqlite3.connect(made / DB_NAME, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # (a script writing)
        with pytest.raises(LibraryError, match="busy"):
            stories.create_story(library, {"title": "Refused"})
        other.execute("ROLLBACK")
        other.close()
        stories.create_story(library, {"title": "Written"})
    with open_library(made) as reopened:
        titles = [hit.story.title for hit in queries.search(reopened, "", limit=100).hits]
    assert "Written" in titles and "Refused" not in titles
