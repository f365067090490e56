"""Backups: made on demand, daily (by the window) and before large imports,
kept to the newest N, restored with the library closed; a damaged database
is never written to by a check and the newest sound backup is offered."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ngodesk.domain.errors import Cancelled, LibraryDamaged, LibraryLocked, NotFound, ValidationError
from ngodesk.domain.models import StoryRecord
from ngodesk.services import backups, importing, queries, stories
from ngodesk.services.library import open_library
from ngodesk.store import backups as store_backups
from ngodesk.store.library import DB_NAME, Library
from tests.test_cli import ngodesk, ok


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


def _damage_schema(db_path: Path) -> None:
    """Overwrite the schema's page: SQLite cannot even list the tables."""
    with db_path.open("r+b") as file:
        file.seek(100)
        file.write(b"\xde\xad\xbe\xef" * 1000)


def _damaged_beside_a_sound_backup(library_path: Path, damage: Callable[[Path], None] = _damage) -> Path:
    """A library of 300 stories damaged (by default mid-file) after a
    backup (and a newer backup that is no database); the sound backup's
    path."""
    with open_library(library_path) as library:
        importing.import_records(
            library, [StoryRecord(f"Story {i} 故事", str(i), summary="x" * 500) for i in range(300)]
        )
        sound = backups.back_up(library)
    damage(library_path / DB_NAME)
    (library_path / "backups" / sound.path.name.replace("manual", "broken")).write_bytes(b"not a database")
    return sound.path


def test_the_full_check_finds_damage_and_offers_the_newest_sound_backup(library_path: Path) -> None:
    sound = _damaged_beside_a_sound_backup(library_path)
    db_path = library_path / DB_NAME
    fingerprint = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(LibraryDamaged, match="is damaged") as refused:
        Library.refuse_unusable(db_path, full=True)
    assert refused.value.backup == sound  # (the newer, broken one is passed over)
    assert f"ngodesk restore {sound.name}" in str(refused.value)
    checked = ngodesk("check", library=library_path)  # the command line's full check
    assert checked.returncode == 1 and "is damaged" in checked.stderr
    assert f"ngodesk restore {sound.name}" in checked.stderr
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == fingerprint  # nothing was written
    done = backups.restore(library_path, refused.value.backup)
    assert done.damaged_copy is not None and done.damaged_copy.exists() and done.before is None
    with open_library(library_path) as library:
        assert queries.story_count(library) == 300 and queries.check(library) == []


def test_damage_sqlite_meets_at_once_is_refused_on_opening_and_nothing_written(library_path: Path) -> None:
    sound = _damaged_beside_a_sound_backup(library_path)
    db_path = library_path / DB_NAME
    _damage_schema(db_path)
    fingerprint = hashlib.sha256(db_path.read_bytes()).hexdigest()
    for readonly in (False, True):
        with pytest.raises(LibraryDamaged, match="is damaged") as refused:
            open_library(library_path, readonly=readonly)
        assert refused.value.backup == sound
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == fingerprint


def test_a_backup_cancelled_mid_way_leaves_the_previous_ones_and_no_partial_file(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_backups, "STEP_PAGES", 4)
    with open_library(library_path) as library:
        importing.import_records(library, [StoryRecord(f"Story {i}", str(i), summary="y" * 900) for i in range(300)])
        before = backups.back_up(library)
        told: list[tuple[int, int]] = []
        with pytest.raises(Cancelled):
            backups.back_up(library, "daily", lambda done, total: told.append((done, total)) or done < total // 2)
    assert 0 < told[-1][0] < told[-1][1]  # (stopped half-way)
    assert sorted(p.name for p in (library_path / "backups").iterdir()) == [before.path.name]


def test_opening_makes_no_backup_the_window_makes_the_daily_one(library_path: Path) -> None:
    with open_library(library_path) as library:
        assert backups.back_up_if_due(library) is None  # (nothing to protect yet)
        _three(library)
    with open_library(library_path) as library:
        assert backups.listing(library_path) == [] and backups.due(library)  # (opening costs no copy)
        assert backups.back_up_if_due(library) is not None  # (what the window does after its first paint)
    with open_library(library_path) as library:
        assert not backups.due(library) and backups.back_up_if_due(library) is None  # (one a day)
        importing.import_records(library, [StoryRecord(f"Imported {i}", str(i)) for i in range(10)])
        assert len(backups.listing(library_path)) == 1  # (a small import)
        big = [StoryRecord(f"Imported {i}", str(i)) for i in range(10, 10 + backups.LARGE_IMPORT)]
        with pytest.raises(Cancelled):
            importing.import_records(library, big, progress=lambda *_: False)
        assert len(backups.listing(library_path)) == 1  # (nothing imported: its backup deleted again)
        importing.import_records(library, big)
        assert [b.reason for b in backups.listing(library_path)] == ["before-import", "daily"]
    for n, old in enumerate(backups.listing(library_path)):  # (days later)
        old.path.rename(old.path.with_name(f"2025010{n + 1}T000000Z-{old.reason}.sqlite"))
    ok("--library", str(library_path), "add", "--title", "Added from a script")
    assert len(backups.listing(library_path)) == 2  # (a command leaves the daily backup to the window)


def test_backup_commands(library_path: Path) -> None:
    with open_library(library_path) as library:
        _three(library)
    first = ok("--library", str(library_path), "backup", "--keep", "5")
    assert "Backed up to" in first
    listed = json.loads(ok("--library", str(library_path), "backups", "--json"))
    assert [row["reason"] for row in listed] == ["manual"]  # (and no daily one: that is the window's)
    assert "Restored" in ok("--library", str(library_path), "restore", "latest")
    with pytest.raises(NotFound, match="no backup .* named 'nothing'"):
        backups.find(library_path, "nothing")
