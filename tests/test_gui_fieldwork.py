"""File > Export Field Copy, File > Merge Library and the conflicts
dialog, from the window."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ngodesk.services import attachments, conflicts, field_copy, queries, stories
from ngodesk.services.library import open_library
from ngodesk.ui.fieldwork_view import ConflictsDialog, FieldCopyDialog
from ngodesk.ui.main_window import MainWindow
from tests.test_gui_editing import MYANMAR, window  # noqa: F401 - the fixture


def _titles(win: MainWindow) -> set[str]:
    return {v.title for v in queries.stories(win.library, queries.matching_ids(win.library, "").tolist())}


def test_copy_out_merge_back_settle(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    target = tmp_path / "usb" / "myanmar.ngodesk-copy"
    target.parent.mkdir()
    window.search.field.setText("缅甸")
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)

    def choose(dialog: FieldCopyDialog) -> int:
        dialog.scope.button(1).setChecked(True)  # the stories listed now
        dialog.path.setText(str(target))
        return FieldCopyDialog.DialogCode.Accepted

    monkeypatch.setattr(FieldCopyDialog, "exec", choose)
    job = window.export_flow.export_field_copy()
    assert job is not None
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    assert target.exists() and "Field copy written" in window.statusBar().currentMessage()

    with field_copy.opened_archive(target) as folder:
        with open_library(folder) as theirs:
            (story_id,) = queries.matching_ids(theirs, "").tolist()
            stories.edit_story(theirs, story_id, {"title": "缅甸民生项目 (field)", "summary": "from the field"})
            stories.create_story(theirs, {"title": "Written in Yangon"})
        window.hub.publish(stories.edit_story(window.library, story_id, {"title": "缅甸民生项目 (office)"}))
        shown: list[list[str]] = []

        def settle(dialog: ConflictsDialog) -> int:
            shown.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
            assert dialog.mine.toPlainText() == "缅甸民生项目 (office)"
            assert dialog.theirs.toPlainText() == "缅甸民生项目 (field)"
            dialog.combined.setPlainText("缅甸民生项目")
            dialog.use_combined.click()
            assert dialog.list.count() == 0 and "No conflicts left" in dialog.summary.text()
            return 0

        monkeypatch.setattr(ConflictsDialog, "exec", settle)
        job = window.merge_flow.merge_library(str(folder))
        assert job is not None
        with qtbot.waitSignal(job.ended, timeout=60_000):
            pass
    assert shown and shown[0][0].startswith("Title: ")
    assert {"缅甸民生项目", "Written in Yangon"} <= _titles(window)
    assert queries.get_story(window.library, story_id).summary == "from the field"
    assert conflicts.conflicts(window.library) == []
    window.menu_actions["undo"].trigger()  # settling the conflict
    assert "缅甸民生项目 (office)" in _titles(window) and len(conflicts.conflicts(window.library)) == 1
    assert MYANMAR not in _titles(window)


def test_delete_or_keep_in_the_dialog(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """A story deleted here and edited there is back until deleted in the dialog."""
    field_copy.make_copy(window.library, tmp_path / "laptop")
    with open_library(tmp_path / "laptop") as theirs:
        (story_id,) = queries.matching_ids(theirs, "缅甸").tolist()
        stories.edit_story(theirs, story_id, {"summary": "edited in the field"})
    window.hub.publish(stories.delete_stories(window.library, [story_id]))
    seen: list[tuple[str, str, str]] = []

    def delete_it(dialog: ConflictsDialog) -> int:
        seen.append((dialog.list.item(0).text(), dialog.keep_mine.text(), dialog.take_theirs.text()))
        assert MYANMAR in _titles(window)  # (back while the conflict is open)
        dialog.keep_mine.click()
        return 0

    monkeypatch.setattr(ConflictsDialog, "exec", delete_it)
    job = window.merge_flow.merge_library(str(tmp_path / "laptop"))
    assert job is not None
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    assert seen == [(f"Deleted on one side: {MYANMAR}", "&Delete It", "&Keep It")]
    assert MYANMAR not in _titles(window) and conflicts.conflicts(window.library) == []
    window.menu_actions["undo"].trigger()
    assert MYANMAR in _titles(window) and len(conflicts.conflicts(window.library)) == 1
    assert queries.get_story(window.library, story_id).summary == "edited in the field"


def test_a_field_copy_file_opened_from_the_file_manager(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``ngodesk --library NAME.ngodesk-copy``: Open the Copy unpacks it
    beside the file and opens it (again: the same folder, work kept);
    Merge into My Library merges it into the library opened last."""
    from PySide6.QtWidgets import QMessageBox

    from ngodesk.ui import settings
    from ngodesk.ui.app import Windows, make_application
    from tests.test_gui import settle

    with open_library(tmp_path / "office") as library:
        stories.create_story(library, {"title": "Wells in Kenya"})
        archive = field_copy.make_archive(library, tmp_path / "laptop.ngodesk-copy")
    make_application()
    windows = Windows()
    answers = iter(["&Open the Copy", "&Open the Copy", "&Merge into My Library"])

    def answer(box: QMessageBox) -> int:
        wanted = next(answers)
        (button,) = [b for b in box.buttons() if b.text() == wanted]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    field = windows.open(str(archive))
    assert field is not None and field.library.folder == tmp_path / "laptop"
    settle(field)
    field.hub.publish(stories.create_story(field.library, {"title": "Written in the field"}).changes)
    with qtbot.waitSignal(field.closed):  # (once its opening check has stopped: the library is free)
        field.close()
    again = windows.open(str(archive))
    assert again is not None and again.library.folder == tmp_path / "laptop"
    assert "Written in the field" in _titles(again) and not (tmp_path / "laptop (2)").exists()
    with qtbot.waitSignal(again.closed):  # (once its opening check has stopped: the library is free)
        again.close()
    settings.remember_library(str(tmp_path / "office"))
    monkeypatch.setattr(ConflictsDialog, "exec", lambda dialog: 0)
    office = windows.open(str(archive))
    assert office is not None and office.library.folder == tmp_path / "office"
    assert office.jobs.job is not None
    with qtbot.waitSignal(office.jobs.job.ended, timeout=60_000):
        pass
    # (the file was opened and worked in here: its folder is merged, where the work is)
    assert _titles(office) == {"Wells in Kenya", "Written in the field"}
    assert "Merged laptop:" in office.statusBar().currentMessage()
    office.close()


def test_what_a_merge_leaves_out_is_shown(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """A crafted copy's attachment that names no real file is left out,
    and the window says so instead of a status line alone."""
    from PySide6.QtWidgets import QMessageBox

    field_copy.make_copy(window.library, tmp_path / "laptop")
    photo = tmp_path / "well.png"
    photo.write_bytes(b"\x89PNG a photo of a well")
    with open_library(tmp_path / "laptop") as theirs:
        (story_id,) = queries.matching_ids(theirs, "缅甸").tolist()
        attachments.attach(theirs, story_id, [photo])
    with sqlite3.connect(tmp_path / "laptop" / "catalogue.sqlite") as db:
        db.execute("UPDATE attachments SET sha256 = 'ab/../../../x'")
    db.close()
    told: list[tuple[str, str]] = []

    def tell(box: QMessageBox) -> int:
        told.append((box.informativeText(), box.detailedText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", tell)
    job = window.merge_flow.merge_library(str(tmp_path / "laptop"))
    assert job is not None
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    assert told == [
        (
            "1 record of the other library could not be taken and was left out.",
            "attachment “well.png” was not merged: 'ab/../../../x' is not the SHA-256 of an attached file.",
        )
    ]
    assert attachments.attachments(window.library, story_id) == []
