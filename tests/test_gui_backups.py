"""File > Restore Backup from the window, and opening a damaged library:
the newest sound backup is offered and put back."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ngodesk.domain.errors import Cancelled
from ngodesk.services import backups, queries, stories
from ngodesk.services.library import open_library
from ngodesk.ui.app import Windows, make_application, open_for_gui
from ngodesk.ui.backups_view import BackupsDialog
from tests.test_backups import _damage_schema
from tests.test_gui import settle


def test_restore_backup_reopens_the_window_on_the_backup(qtbot, library_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with open_library(library_path) as library:
        stories.create_story(library, {"title": "Before the backup"})
    make_application()
    windows = Windows()
    window = windows.open(str(library_path))
    assert window is not None
    settle(window)
    qtbot.waitUntil(lambda: bool(backups.listing(library_path)))  # (the daily backup, made after the window shows)
    seen: list[list[str]] = []

    def use(dialog: BackupsDialog) -> int:
        dialog.back_up_button.click()  # Back Up Now
        seen.append([dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())])
        dialog.keep.setValue(4)
        dialog.table.selectRow(seen[0].index("daily, on opening"))  # taken as the window opened
        dialog.restore_button.click()
        return dialog.result()

    monkeypatch.setattr(BackupsDialog, "exec", use)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.hub.publish(stories.create_story(window.library, {"title": "After the backup"}).changes)
    assert seen == []
    window.library_flow.show_backups()
    assert seen[0][0] == "made by you" and "daily, on opening" in seen[0]
    qtbot.waitUntil(lambda: len(windows.windows) == 1 and windows.windows[0] is not window)
    reopened = windows.windows[0]
    assert [
        v.title for v in queries.stories(reopened.library, queries.matching_ids(reopened.library, "").tolist())
    ] == ["Before the backup"]
    assert backups.keep(reopened.library) == 4
    assert "backed up as" in reopened.statusBar().currentMessage()
    reopened.close()


def test_a_restore_asked_for_while_a_task_runs_happens_once_the_task_has_stopped(qtbot, library_path: Path) -> None:  # type: ignore[no-untyped-def]
    with open_library(library_path) as library:
        stories.create_story(library, {"title": "Before the backup"})
        backup = backups.back_up(library)
        stories.create_story(library, {"title": "After the backup"})
    make_application()
    windows = Windows()
    window = windows.open(str(library_path))
    assert window is not None
    settle(window)

    stopped: list[bool] = []

    def until_cancelled(progress) -> None:  # type: ignore[no-untyped-def]
        while progress(0, 0):
            time.sleep(0.01)
        stopped.append(True)
        raise Cancelled

    job = window.jobs.start("A long task", until_cancelled, lambda _: None, modal=False)
    assert job is not None and job.running()
    window.restore_requested.emit(str(backup.path))  # the window closes once the task has stopped, then restores
    qtbot.waitUntil(lambda: len(windows.windows) == 1 and windows.windows[0] is not window, timeout=10_000)
    reopened = windows.windows[0]
    assert stopped == [True]
    titles = [v.title for v in queries.stories(reopened.library, queries.matching_ids(reopened.library, "").tolist())]
    assert titles == ["Before the backup"]
    reopened.close()


def test_a_damaged_library_offers_its_newest_sound_backup(qtbot, library_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ngodesk.domain.models import StoryRecord
    from ngodesk.services import importing

    with open_library(library_path) as library:
        importing.import_records(library, [StoryRecord(f"Story {i}", str(i), summary="y" * 400) for i in range(300)])
        backups.back_up(library)
    _damage_schema(library_path / "catalogue.sqlite")  # (damage SQLite meets at once: refused on opening)
    make_application()
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _parent, _title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    library = open_for_gui(str(library_path))
    assert library is not None and "is damaged" in asked[0] and "The damaged file is kept" in asked[0]
    assert queries.story_count(library) == 300
    library.close()
    assert any(p.name.startswith("catalogue.damaged-") for p in library_path.iterdir())
