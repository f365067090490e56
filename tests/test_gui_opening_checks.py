"""After the window is shown, in the background: the full check of the
library (damage found: the window says so, refuses edits and offers the
newest sound backup) and the daily backup (progress in the status bar;
closing the window mid-way keeps the previous backups and no partial file)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMessageBox

from ngodesk.domain.errors import LibraryError
from ngodesk.domain.models import StoryRecord
from ngodesk.services import backups, importing, queries, stories
from ngodesk.services.library import open_library
from ngodesk.store import backups as store_backups
from ngodesk.ui.app import Windows, make_application
from ngodesk.ui.main_window import MainWindow
from tests.test_backups import _damaged_beside_a_sound_backup


def _with_stories(library_path: Path, count: int = 300) -> None:
    with open_library(library_path) as library:
        importing.import_records(library, [StoryRecord(f"Story {i}", str(i), summary="y" * 900) for i in range(count)])


def _damage_unread(db_path: Path) -> None:
    """Overwrite a page that the window does not read to show itself (the
    tombstones'), as a failing disk would: only the full check finds it."""
    with sqlite3.connect(db_path) as connection:
        (page,) = connection.execute("SELECT pageno FROM dbstat WHERE name = 'tombstones'").fetchone()
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    with db_path.open("r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def test_damage_found_after_opening_is_said_and_edits_are_refused(qtbot, library_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _damaged_beside_a_sound_backup(library_path, _damage_unread)
    make_application()
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Cancel
    )
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    windows = Windows()
    window = windows.open(str(library_path))  # (opening checked only what SQLite meets at once)
    assert window is not None and window.isVisible()
    qtbot.waitUntil(lambda: bool(asked), timeout=20000)
    assert "is damaged" in asked[0] and "Restore the backup" in asked[0]
    assert "(damaged)" in window.path_label.text()
    assert window.editor.title.isReadOnly()
    window.new_story()
    assert "damaged" in warned[0] and queries.story_count(window.library) == 300
    with pytest.raises(LibraryError, match="damaged"):
        stories.create_story(window.library, {"title": "Written anyway"})
    window.close()
    qtbot.waitUntil(lambda: not windows.windows)


def test_the_offered_backup_is_put_back_and_the_window_reopens_on_it(qtbot, library_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _damaged_beside_a_sound_backup(library_path, _damage_unread)
    make_application()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    windows = Windows()
    window = windows.open(str(library_path))
    assert window is not None
    qtbot.waitUntil(lambda: len(windows.windows) == 1 and windows.windows[0] is not window, timeout=20000)
    reopened = windows.windows[0]
    assert queries.story_count(reopened.library) == 300 and not reopened.library.writes_refused
    assert any(p.name.startswith("catalogue.damaged-") for p in library_path.iterdir())
    reopened.close()


class _Painted(QObject):
    """Notes the first paint of the widget it watches."""

    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and "painted" not in self.events:
            self.events.append("painted")
        return False


def test_background_work_starts_only_once_the_window_is_painted(qtbot, library_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # (A window just shown has no repaint queued until the platform exposes
    # it: work queued "after the pending repaints" ran first, and the full
    # check, the backup and the team sync's imports delayed the first paint.)
    events: list[str] = []
    start_background = MainWindow.start_background
    monkeypatch.setattr(MainWindow, "start_background", lambda w: (events.append("started"), start_background(w)))
    make_application()
    windows = Windows()
    window = windows.open(str(library_path))
    assert window is not None
    painted = _Painted(events)
    window.installEventFilter(painted)
    qtbot.waitUntil(lambda: "started" in events)
    assert events == ["painted", "started"]
    qtbot.waitUntil(lambda: not window.opening_checks.running() and not window.search_runner.busy)
    window.close()


def test_the_daily_backup_is_made_after_the_window_shows(qtbot, library_path: Path) -> None:  # type: ignore[no-untyped-def]
    _with_stories(library_path)
    make_application()
    windows = Windows()
    window = windows.open(str(library_path))
    assert window is not None and window.isVisible()
    assert backups.listing(library_path) == []  # (shown first)
    qtbot.waitUntil(lambda: [b.reason for b in backups.listing(library_path)] == ["daily"], timeout=20000)
    qtbot.waitUntil(lambda: not window.opening_checks.running())
    window.close()
    qtbot.waitUntil(lambda: not windows.windows)
    reopened = windows.open(str(library_path))  # (one a day)
    assert reopened is not None
    qtbot.waitUntil(lambda: not reopened.opening_checks.running() and not reopened.search_runner.busy)
    assert len(backups.listing(library_path)) == 1
    reopened.close()


def test_closing_the_window_mid_backup_keeps_the_previous_backup_and_no_partial_file(  # type: ignore[no-untyped-def]
    qtbot, library_path: Path, monkeypatch
) -> None:
    _with_stories(library_path)
    with open_library(library_path) as library:
        previous = backups.back_up(library)
    previous.path.rename(kept := previous.path.with_name("20250101T000000Z-manual.sqlite"))  # (days ago)
    # The copy pauses after its first step until the window has been closed.
    closed, real = threading.Event(), store_backups.connect_read

    class Paused:
        def __init__(self, connection: object) -> None:
            self.connection = connection

        def __getattr__(self, name: str) -> object:
            return getattr(self.connection, name)

        def backup(self, target: object, pages: int, progress: object, **kw: object) -> None:
            def step(*args: int) -> None:
                progress(*args)  # type: ignore[operator]
                closed.wait(20)

            self.connection.backup(target, pages=pages, progress=step, **kw)  # type: ignore[attr-defined]

    monkeypatch.setattr(store_backups, "connect_read", lambda path: Paused(real(path)))
    monkeypatch.setattr(store_backups, "STEP_PAGES", 8)
    make_application()
    windows = Windows()
    window = windows.open(str(library_path))
    assert window is not None
    status = window.opening_checks.status
    qtbot.waitUntil(lambda: status.isVisible() and "Daily backup" in status.text() and " KB" in status.text())
    assert any(p.name.endswith(".partial") for p in (library_path / "backups").iterdir())
    assert not window.close()  # (it waits for the backup to stop)
    closed.set()
    qtbot.waitUntil(lambda: not windows.windows)
    assert [p.name for p in (library_path / "backups").iterdir()] == [kept.name]
