"""The editor's History tab: changes listed by revision with who made
them; Go Back to a revision is one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ngodesk.services import queries, stories
from ngodesk.ui.main_window import MainWindow
from tests.test_gui_editing import retype, stored, window  # noqa: F401 - the fixture


def _rows(win: MainWindow) -> list[list[str]]:
    tree = win.editor.history.tree
    found = []
    for i in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(i)
        found.append([head.text(0)])
        found += [[head.child(j).text(c) for c in range(2)] for j in range(head.childCount())]
    return found


def test_the_history_tab_lists_changes_and_goes_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    window.library.author = "Li Wei"
    story_id = window.selected_ids()[0]
    original = stored(window, "title", story_id)
    retype(qtbot, window.editor.title, "Myanmar livelihood project")
    qtbot.waitUntil(lambda: stored(window, "title", story_id) == "Myanmar livelihood project")
    window.hub.publish(stories.edit_story(window.library, story_id, add_tags=["Topic/Livelihoods"]))
    window.editor.tabs.setCurrentWidget(window.editor.history)
    qtbot.waitUntil(lambda: len(_rows(window)) == 5)
    rows = _rows(window)
    assert rows[0][0].startswith("Revision 3") and rows[0][0].endswith("Li Wei") and rows[1] == ["Tag", "+ Livelihoods"]
    assert rows[2][0].startswith("Revision 2") and rows[3] == ["Title", f"{original} → Myanmar livelihood project"]
    assert rows[4][0].startswith("Revision 1") and "added" in rows[4][0]
    pane = window.editor.history
    assert not pane.back_button.isEnabled()
    pane.tree.setCurrentItem(pane.tree.topLevelItem(2))  # revision 1
    assert pane.back_button.isEnabled()
    qtbot.mouseClick(pane.back_button, Qt.MouseButton.LeftButton)
    view = queries.get_story(window.library, story_id)
    assert view.title == original and "Topic/Livelihoods" not in [t.path for t in view.tags]
    assert window.editor.title.text() == original  # the editor follows
    qtbot.waitUntil(lambda: _rows(window)[0][0].startswith("Revision 4"))
    window.menu_actions["undo"].trigger()
    view = queries.get_story(window.library, story_id)
    assert view.title == "Myanmar livelihood project" and "Topic/Livelihoods" in [t.path for t in view.tags]


def test_the_name_in_preferences_is_recorded_with_changes(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from ngodesk.services import history
    from ngodesk.ui.preferences import PreferencesDialog

    def fill(dialog: PreferencesDialog) -> int:
        assert dialog.name.placeholderText() == window.library_flow.login_name
        dialog.name.setText("  王芳 ")
        return PreferencesDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", fill)
    window.library_flow.edit_preferences()
    story_id = window.selected_ids()[0]
    window.hub.publish(stories.edit_story(window.library, story_id, {"status": "reviewed"}))
    assert history.changes(window.library, story_id)[-1].who == "王芳"
    again = PreferencesDialog("login")
    qtbot.addWidget(again)
    assert again.name.text() == "王芳"  # (kept for the next start)
