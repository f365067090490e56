"""The library's folder and files under attack: a full disk, a read-only
medium, damaged and foreign database files, a ``.lock`` planted as a link.
Each command ends with a result or a clear message (exit code 1), never a
traceback; a refused library's database file is left byte for byte as it
was; nothing is written outside the library.

The disk and medium attacks mount file systems, so they need root (as CI
has); they are skipped, saying so, elsewhere."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.attack.harness import Result, Zygote, refused, snapshot, succeeded, written_outside
from tests.conftest import SAMPLE, read_only_view, small_disk

DB = "catalogue.sqlite"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, zygote: Zygote) -> Path:
    """A library with the sample, closed cleanly, backed up."""
    library = tmp_path_factory.mktemp("made") / "library"
    succeeded(zygote.cli("--library", str(library), "import", str(SAMPLE)))
    succeeded(zygote.cli("--library", str(library), "backup"))
    return library


def _fresh(made: Path, tmp_path: Path) -> Path:
    library = tmp_path / "library"
    shutil.copytree(made, library)
    return library


def _a_story(library: Path, zygote: Zygote) -> str:
    return json.loads(succeeded(zygote.cli("--library", str(library), "search", "Kenya", "--json")))[0]["uuid"]


def _stories(library: Path) -> int:
    connection = sqlite3.connect(f"file:{library / DB}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM stories").fetchone()[0]
    finally:
        connection.close()


# --- a full disk ---------------------------------------------------------------------------------------------


def test_a_full_disk_stops_import_attach_and_backup_with_a_message_and_nothing_changed(
    made: Path, tmp_path: Path, zygote: Zygote
) -> None:
    big = tmp_path / "big.csv"
    big.write_text("title,summary\n" + "".join(f"Story {n},{'扶贫 relief ' * 60}{n}\n" for n in range(5000)), "utf-8")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(os.urandom(3 << 20))
    with small_disk(tmp_path / "stick", "2m") as stick:
        library = stick / "library"
        shutil.copytree(made, library)
        uuid = _a_story(library, zygote)
        names = sorted(p.name for p in library.rglob("*") if not p.name.endswith(("-wal", "-shm")))
        before = snapshot(tmp_path, stick)
        refused(zygote.cli("--library", str(library), "import", str(big)), "full")
        refused(zygote.cli("--library", str(library), "attach", uuid, str(photo)), "full")
        filler = stick / "filler"
        with filler.open("wb") as out:  # (the rest of the disk, but a few KB)
            out.write(bytes(shutil.disk_usage(stick).free - (16 << 10)))
        refused(zygote.cli("--library", str(library), "backup"), "full")
        filler.unlink()
        assert _stories(library) == 13
        assert succeeded(zygote.cli("--library", str(library), "check")).strip() == "No problems found."
        left = sorted(p.name for p in library.rglob("*") if not p.name.endswith(("-wal", "-shm")))
        assert left == names  # (no temporary file left, no half backup)
        assert written_outside(before, snapshot(tmp_path, stick)) == []


# --- a read-only medium --------------------------------------------------------------------------------------


READS = (["search", "Kenya"], ["info"], ["export", "--format", "csv"])
WRITES = (["add", "--title", "x"], ["set", "UUID", "title=y"], ["backup"])


@pytest.mark.parametrize("log_left", [False, True], ids=["closed cleanly", "with its -wal and -shm"])
def test_a_library_on_a_read_only_medium_reads_and_says_what_needs_writing(
    made: Path, tmp_path: Path, zygote: Zygote, log_left: bool
) -> None:
    library = _fresh(made, tmp_path)
    if log_left:  # (copied off while open: its last change only in the write-ahead log)
        writer = sqlite3.connect(library / DB)
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("UPDATE stories SET title = title || ' (in the log)' WHERE title LIKE '%Kenya%'")
        writer.commit()
        for name in (DB, DB + "-wal", DB + "-shm"):
            shutil.copyfile(library / name, tmp_path / name)
        writer.close()
        for name in (DB, DB + "-wal", DB + "-shm"):
            shutil.copyfile(tmp_path / name, library / name)
    uuid = _a_story(library, zygote)
    digests = {p.name: _sha(p) for p in library.iterdir() if p.is_file()}
    with read_only_view(library, tmp_path / "cd") as cd:
        for command in READS:
            succeeded(zygote.cli("--library", str(cd), *command))
        shown = succeeded(zygote.cli("--library", str(cd), "show", uuid))
        assert ("(in the log)" in shown) is log_left
        for command in WRITES:
            refused(zygote.cli("--library", str(cd), *[uuid if part == "UUID" else part for part in command]), "write")
        checked = zygote.cli("--library", str(cd), "check")
        assert checked.code == 0 and "No problems found." in checked.stdout, checked
        if log_left:  # (the window, once: it takes seconds)
            png = tmp_path / "window.png"
            succeeded(zygote.cli("--library", str(cd), "--screenshot", str(png)))
            assert png.read_bytes()[:4] == b"\x89PNG"
    assert {p.name: _sha(p) for p in library.iterdir() if p.is_file()} == digests


# --- damaged and foreign database files -----------------------------------------------------------------------


def _zero_length(db: Path) -> None:
    db.write_bytes(b"")


def _random_bytes(db: Path) -> None:
    db.write_bytes(os.urandom(64 << 10))


def _foreign(db: Path) -> None:
    db.unlink()
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        connection.execute("INSERT INTO invoices (total) VALUES (9.5)")
    connection.close()


def _sql(statement: str):  # noqa: ANN202
    def damage(db: Path) -> None:
        with sqlite3.connect(db) as connection:
            connection.execute(statement)
        connection.close()

    return damage


def _cut_in_half(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


DAMAGES = {
    "zero-length": _zero_length,
    "random bytes": _random_bytes,
    "a foreign SQLite file": _foreign,
    "an empty alembic_version": _sql("DELETE FROM alembic_version"),
    "an unknown revision": _sql("UPDATE alembic_version SET version_num = 'ffff99990000'"),
    "cut in half": _cut_in_half,
}
COMMANDS = (["info"], ["add", "--title", "x"], ["check"], ["backup"])


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_or_foreign_database_is_refused_and_left_byte_for_byte(
    damage: str, made: Path, tmp_path: Path, zygote: Zygote
) -> None:
    library = _fresh(made, tmp_path)
    DAMAGES[damage](library / DB)
    digest = _sha(library / DB)
    before = snapshot(tmp_path, library)
    for command in COMMANDS:
        result: Result = zygote.cli("--library", str(library), *command)
        refused(result, str(library))
        assert _sha(library / DB) == digest, command
        if damage != "an unknown revision":  # (a newer program's library: upgrade, do not restore)
            assert "restore" in result.stderr, result.stderr  # (names the backup to put back)
    assert written_outside(before, snapshot(tmp_path, library)) == []


# --- the lock -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["symlink", "hard link"])
def test_a_lock_planted_as_a_link_leaves_its_target_alone(how: str, made: Path, tmp_path: Path, zygote: Zygote) -> None:
    library = _fresh(made, tmp_path)
    uuid = _a_story(library, zygote)
    target = tmp_path / "outside" / "precious.txt"
    target.parent.mkdir()
    target.write_text("a file the lock must never overwrite\n", encoding="utf-8")
    (library / ".lock").unlink(missing_ok=True)
    if how == "symlink":
        (library / ".lock").symlink_to(target)
    else:
        os.link(target, library / ".lock")
    before = snapshot(tmp_path, library)
    for command in (["set", uuid, "title=y"], ["backup"], ["check"]):
        result = zygote.cli("--library", str(library), *command)
        if result.code != 0:
            refused(result, ".lock")
    assert target.read_text(encoding="utf-8") == "a file the lock must never overwrite\n"
    assert written_outside(before, snapshot(tmp_path, library)) == []
