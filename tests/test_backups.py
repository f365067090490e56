"""Backups: made on demand, daily and before large imports, kept to the
newest N, restored with the library closed; a damaged database is never
written to and the newest sound backup is offered."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from ngodesk.domain.errors import LibraryDamaged, LibraryLocked, NotFound, ValidationError
from ngodesk.domain.models import StoryRecord
from ngodesk.services import backups, importing, queries, stories
from ngodesk.services.library import open_library
from ngodesk.store.library import DB_NAME, Library
from tests.test_cli import ok


def _titles(library: Library) -> list[str]:
    return sorted(v.title for v in queries.stories(library, queries.matching_ids(library, "").tolist()))


def _three(library: Library) -> None:
    for title in ("Wells in Kenya", "学校在尼泊尔", "Clinics in Myanmar"):
        stories.create_story(library, {"title": title})


def test_backups_are_kept_to_the_newest_n(library: Library) -> None:
    _three(library)
    made = [backups.back_up(library) for _ in range(3)]
    assert [b.path for b in backups.listing(library.folder)] == [m.path for m in reversed(made)]
    assert backups.set_keep(library, 2) == [made[0].path]
    backups.back_up(library)
    assert len(backups.listing(library.folder)) == 2 and backups.keep(library) == 2
    with pytest.raises(ValidationError, match="between 1 and"):
        backups.set_keep(library, 0)


def test_a_restore_puts_the_library_back_and_backs_up_what_it_replaced(library_path: Path) -> None:
    with open_library(library_path) as library:
        _three(library)
        taken = backups.back_up(library)
        stories.delete_stories(library, queries.matching_ids(library, "Kenya").tolist())
        stories.create_story(library, {"title": "Written after the backup"})
        after = _titles(library)
        with pytest.raises(LibraryLocked):  # (never under an open library)
            backups.restore(library_path, taken.path)
    done = backups.restore(library_path, taken.path)
    with open_library(library_path) as library:
        assert _titles(library) == ["Clinics in Myanmar", "Wells in Kenya", "学校在尼泊尔"]
        assert queries.check(library) == []
    assert done.before is not None and done.damaged_copy is None and "backed up as" in str(done)
    backups.restore(library_path, done.before)  # (the restore itself can be undone)
    with open_library(library_path) as library:
        assert _titles(library) == after
    assert not [p.name for p in library_path.iterdir() if ".replaced-" in p.name or ".damaged-" in p.name]  # no clutter


def _damage(db_path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk would."""
    with db_path.open("r+b") as file:
        file.seek(8192 * 3)
        file.write(b"\xde\xad\xbe\xef" * 4096)


def test_a_damaged_library_is_not_written_to_and_the_newest_sound_backup_is_offered(library_path: Path) -> None:
    with open_library(library_path) as library:
        importing.import_records(
            library, [StoryRecord(f"Story {i} 故事", str(i), summary="x" * 500) for i in range(300)]
        )
        sound = backups.back_up(library)
    db_path = library_path / DB_NAME
    _damage(db_path)
    (library_path / "backups" / sound.path.name.replace("manual", "broken")).write_bytes(b"not a database")
    fingerprint = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(LibraryDamaged, match="is damaged") as refused:
        open_library(library_path)
    assert refused.value.backup == sound.path  # (the newer, broken one is passed over)
    assert f"ngodesk restore {sound.path.name}" in str(refused.value)
    with pytest.raises(LibraryDamaged):
        open_library(library_path, readonly=True)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == fingerprint  # nothing was written
    done = backups.restore(library_path, refused.value.backup)
    assert done.damaged_copy is not None and done.damaged_copy.exists() and done.before is None
    with open_library(library_path) as library:
        assert queries.story_count(library) == 300 and queries.check(library) == []


def test_a_library_is_backed_up_once_a_day_and_before_a_large_import(library_path: Path) -> None:
    with open_library(library_path) as library:
        assert backups.back_up_if_due(library) is None  # (nothing to protect yet)
        _three(library)
    with open_library(library_path) as library:
        assert [b.reason for b in backups.listing(library_path)] == ["daily"]
    with open_library(library_path) as library:
        assert len(backups.listing(library_path)) == 1  # (one a day)
        importing.import_records(library, [StoryRecord(f"Imported {i}", str(i)) for i in range(10)])
        assert len(backups.listing(library_path)) == 1  # (a small import)
        big = [StoryRecord(f"Imported {i}", str(i)) for i in range(10, 10 + backups.LARGE_IMPORT)]
        importing.import_records(library, big)
        assert [b.reason for b in backups.listing(library_path)] == ["before-import", "daily"]


def test_backup_commands(library_path: Path) -> None:
    with open_library(library_path) as library:
        _three(library)
    first = ok("--library", str(library_path), "backup", "--keep", "5")
    assert "Backed up to" in first
    listed = json.loads(ok("--library", str(library_path), "backups", "--json"))
    assert [row["reason"] for row in listed] == ["manual", "daily"]
    assert "Restored" in ok("--library", str(library_path), "restore", "latest")
    with pytest.raises(NotFound, match="no backup .* named 'nothing'"):
        backups.find(library_path, "nothing")
