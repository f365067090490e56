"""The Trash in the window: deleting moves stories there (asking first
when there are more than a few), the sidebar counts them, the Trash window
restores them (undoably) and empties itself (asking first)."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from ngodesk.services import queries, stories, trash
from ngodesk.store.library import Library
from ngodesk.store.schema import TrashEntry, utcnow
from ngodesk.ui import main_window
from ngodesk.ui.app import make_application
from ngodesk.ui.main_window import MainWindow
from tests.test_gui import titles
from tests.test_gui_editing import MYANMAR, open_window


@pytest.fixture
def window(qtbot, sample_library: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    stories.create_story(
        sample_library, {"title": MYANMAR, "published": "2019-03", "language": "zh"}, ["Region/Asia/Myanmar"]
    )
    return open_window(qtbot, sample_library)


def _asked(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a: asked.append(text) or answer)
    return asked


def test_deleting_one_story_moves_it_to_the_trash_without_asking(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked = _asked(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert window.sidebar.trash_item.text(0) == "Trash" and window.sidebar.trash_item.text(1) == ""
    window.story_list.selectRow(0)
    window.story_list.setFocus()
    qtbot.keyClick(window.story_list, Qt.Key.Key_Delete)
    assert asked == [] and MYANMAR not in titles(window)
    assert window.sidebar.trash_item.text(1) == "1"
    window.menu_actions["undo"].trigger()  # undo takes it out of the Trash again
    assert titles(window)[0] == MYANMAR and window.sidebar.trash_item.text(1) == ""
    story_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Story")
    next(a for a in story_menu.actions() if a.text() == "Show &Trash…").trigger()  # the menu's way to it
    assert window.trash_dialog is not None and window.trash_dialog.empty_hint.isVisible()


def test_deleting_more_than_a_few_asks_naming_the_count(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked = _asked(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.story_list.selectAll()
    window.delete_selected()
    assert asked[0].startswith("Move 14 stories to the Trash?") and len(titles(window)) == 14  # cancelled
    asked = _asked(monkeypatch, QMessageBox.StandardButton.Yes)
    window.delete_selected()
    assert titles(window) == [] and window.sidebar.trash_item.text(1) == "14"
    assert window.menu_actions["undo"].text() == "&Undo Delete 14 Stories"


def test_the_trash_window_restores_stories_undoably_and_empties_after_asking(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch
) -> None:
    window.story_list.selectRow(0)
    window.delete_selected()
    window.story_list.selectRow(0)
    second = titles(window)[0]
    window.delete_selected()
    qtbot.mouseClick(
        window.sidebar.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.sidebar.visualItemRect(window.sidebar.trash_item).center(),
    )
    dialog = window.trash_dialog
    assert dialog is not None and dialog.isVisible()
    listed = [dialog.list.topLevelItem(i).text(0) for i in range(dialog.list.topLevelItemCount())]
    assert listed == [second, MYANMAR]  # the last deleted first
    assert not dialog.restore_button.isEnabled()  # nothing chosen yet

    dialog.list.topLevelItem(1).setSelected(True)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert MYANMAR in titles(window) and dialog.list.topLevelItemCount() == 1
    assert [t.path for t in queries.get_story(window.library, window.selected_ids()[0]).tags] == ["Region/Asia/Myanmar"]
    assert window.sidebar.trash_item.text(1) == "1"
    assert window.menu_actions["undo"].text() == "&Undo Restore Story"
    window.menu_actions["undo"].trigger()  # back in the Trash
    assert MYANMAR not in titles(window) and dialog.list.topLevelItemCount() == 2

    asked = _asked(monkeypatch, QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert asked[0].startswith("Delete the 2 stories in the Trash for good?") and trash.count(window.library) == 2
    _asked(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert trash.count(window.library) == 0 and dialog.empty_hint.isVisible() and not dialog.list.isVisible()
    assert window.sidebar.trash_item.text(1) == "" and len(titles(window)) == 12


def test_the_window_lets_go_of_stories_deleted_30_days_ago_after_opening(  # type: ignore[no-untyped-def]
    qtbot, sample_library: Library, monkeypatch
) -> None:
    monkeypatch.setattr(main_window, "TRASH_PURGE_DELAY_MS", 300)  # (the pause after opening: 3 s)
    old = stories.create_story(sample_library, {"title": "Deleted long ago"})
    trash.move_to_trash(sample_library, [old.id])
    with sample_library.write() as session:
        session.execute(TrashEntry.__table__.update().values(deleted_at=utcnow() - timedelta(days=trash.KEEP_DAYS + 1)))
    make_application()
    window = MainWindow(sample_library)
    qtbot.addWidget(window)
    window.show()
    with sample_library.read() as session:  # not before the window shows: it is not listed meanwhile
        assert session.query(TrashEntry).count() == 1
    assert window.sidebar.trash_item.text(1) == "" and window._purge_timer.isActive()
    qtbot.waitUntil(lambda: not window._purge_timer.isActive(), timeout=10_000)
    with sample_library.read() as session:
        assert session.query(TrashEntry).count() == 0


def test_letting_go_of_old_stories_waits_for_an_import_that_holds_the_library(  # type: ignore[no-untyped-def]
    qtbot, sample_library: Library, monkeypatch, tmp_path
) -> None:
    """(It wrote from the GUI thread while the import held the library for
    writing: the window froze for the busy timeout, then "database is
    locked" was raised inside a Qt callback.)"""
    monkeypatch.setattr(main_window, "TRASH_PURGE_DELAY_MS", 600_000)  # (made due below, mid-import)
    old = stories.create_story(sample_library, {"title": "Deleted long ago"})
    trash.move_to_trash(sample_library, [old.id])
    with sample_library.write() as session:
        session.execute(TrashEntry.__table__.update().values(deleted_at=utcnow() - timedelta(days=trash.KEEP_DAYS + 1)))
    ris = tmp_path / "new.ris"
    ris.write_text("".join(f"TY  - NEWS\nTI  - Story {i}\nER  - \n\n" for i in range(50)), encoding="utf-8")
    window = open_window(qtbot, sample_library)
    base = queries.info(window.library)["stories"]
    job = window.import_flow.import_files([str(ris)])
    assert job is not None
    written = threading.Event()  # (the import has written its first stories and waits)

    def purge_comes_due(done: int, total: int, note: str) -> None:
        if done > 0 and not written.is_set():
            window._purge_timer.start(0)
            QTimer.singleShot(500, written.set)

    job.progressed.connect(purge_comes_due)
    job._worker.progressed.connect(lambda done, *_: done > 0 and written.wait(30), Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: trash.count(window.library) == 0, timeout=10_000)
    assert queries.info(window.library)["stories"] == base + 50


@pytest.fixture
def _short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """The library's connections give up after 0.2 s, not 5 s (set before
    the library is opened): the test holds the database until the purge has
    given up, however long it would wait, and the wait was idle time."""
    monkeypatch.setattr("ngodesk.store.library.BUSY_TIMEOUT_MS", 200)


def test_letting_go_of_old_stories_waits_for_another_program_that_holds_the_library(  # type: ignore[no-untyped-def]
    qtbot, _short_busy_timeout: None, sample_library: Library, monkeypatch
) -> None:
    monkeypatch.setattr(main_window, "TRASH_PURGE_DELAY_MS", 600_000)  # (made due below)
    old = stories.create_story(sample_library, {"title": "Deleted long ago"})
    trash.move_to_trash(sample_library, [old.id])
    with sample_library.write() as session:
        session.execute(TrashEntry.__table__.update().values(deleted_at=utcnow() - timedelta(days=trash.KEEP_DAYS + 1)))
    window = open_window(qtbot, sample_library)
    other = sqlite3.connect(sample_library.db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # (a script writing, for longer than the busy timeout)
    window._purge_timer.timeout.emit()  # (due now: refused after the busy timeout, no error raised)
    assert window._purge_timer.isActive() and _entries(window.library) == 1  # (to try again later)
    other.execute("ROLLBACK")
    other.close()
    window._purge_timer.start(0)
    qtbot.waitUntil(lambda: _entries(window.library) == 0, timeout=10_000)


def _entries(library: Library) -> int:
    """Trash entries, expired ones too (``trash.count`` leaves those out)."""
    with library.read() as session:
        return session.query(TrashEntry).count()
