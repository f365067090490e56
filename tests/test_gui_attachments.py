"""Attachments in the editor: files dropped on the list or chosen in a
dialog are attached (a thumbnail for a photo), opened with the system's
viewer, removed; each change one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent
from PySide6.QtWidgets import QFileDialog

from ngodesk.services import attachments
from ngodesk.ui.main_window import MainWindow
from tests.test_attachments import PNG
from tests.test_gui_editing import window  # noqa: F401 - the fixture


def _names(win: MainWindow) -> list[str]:
    box = win.editor.attachments
    return [box.list.item(i).text() for i in range(box.list.count())]


def test_attach_by_drop_and_dialog_open_and_remove(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    photo, notes = tmp_path / "井 well.png", tmp_path / "interview notes.txt"
    photo.write_bytes(PNG)
    notes.write_text("访谈记录", encoding="utf-8")
    story_id = window.selected_ids()[0]
    box = window.editor.attachments
    assert not box.list.isVisible() and box.attach_button.isEnabled()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(photo))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    box.list.dropEvent(drop)
    assert _names(window) == ["井 well.png"] and not box.list.item(0).icon().isNull()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(notes)], ""))
    box.attach_button.click()
    assert _names(window) == ["井 well.png", "interview notes.txt"]
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    box.list.setCurrentRow(1)
    box.open_button.click()
    assert Path(opened[0]).name == "interview notes.txt" and Path(opened[0]).read_text(encoding="utf-8") == "访谈记录"
    box.list.setCurrentRow(0)
    box.remove_button.click()
    assert _names(window) == ["interview notes.txt"]
    window.menu_actions["undo"].trigger()  # the removal
    assert _names(window) == ["井 well.png", "interview notes.txt"]
    window.menu_actions["undo"].trigger()  # the second attach
    window.menu_actions["undo"].trigger()  # the drop
    assert attachments.attachments(window.library, story_id) == [] and _names(window) == []
    window.menu_actions["redo"].trigger()
    assert _names(window) == ["井 well.png"]
