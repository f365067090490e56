"""Story > Batch Edit from the window: the form, the preview of every
change, Apply in the background, and one undo step for all of it."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from ngodesk.services import queries
from ngodesk.ui.batch_edit import BatchEditDialog, excerpt
from ngodesk.ui.main_window import MainWindow
from tests.test_gui import settle, titles
from tests.test_gui_editing import window  # noqa: F401 - the fixture


def _state(win: MainWindow, ids: list[int]) -> list[tuple[str, str, list[str]]]:
    return [(v.title, v.status.value, sorted(t.path for t in v.tags)) for v in queries.stories(win.library, ids)]


def test_a_batch_is_previewed_applied_and_undone_in_one_step(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    window.search.field.setText("NGO")
    window.refresh()
    settle(window)
    window.story_list.selectAll()
    ids = window.selected_ids()
    assert len(ids) >= 2
    before = _state(window, ids)
    shown: dict[str, object] = {}

    def fill(dialog: BatchEditDialog) -> int:
        assert not dialog.apply_button.isEnabled() and not dialog.preview_button.isEnabled()
        qtbot.keyClicks(dialog.add_tags.entry, "Topic/Water")
        qtbot.keyClick(dialog.add_tags.entry, Qt.Key.Key_Return)
        dialog.status.box.setChecked(True)
        dialog.status.findChild(type(dialog.field)).setCurrentIndex(1)  # the second status
        dialog.find_text.setText(r"(?i)\bngo")
        dialog.replace.setText("CSO")
        dialog.preview()  # without "Regular expression" ticked, this is plain text: found nowhere
        qtbot.waitUntil(lambda: dialog.plan is not None)
        assert all(dialog.model.changes[row].field == "status" for row in range(dialog.model.rowCount()))
        dialog.regex.setChecked(True)  # the form changed: the old preview is gone
        assert dialog.plan is None and not dialog.apply_button.isEnabled() and dialog.model.rowCount() == 0
        dialog.preview()
        qtbot.waitUntil(lambda: dialog.plan is not None)
        rows = [
            [dialog.model.index(row, column).data() for column in range(4)] for row in range(dialog.model.rowCount())
        ]
        shown["rows"], shown["summary"] = rows, dialog.summary.text()
        assert dialog.apply_button.isEnabled()
        return BatchEditDialog.DialogCode.Accepted

    monkeypatch.setattr(BatchEditDialog, "exec", fill)
    window.story_tools.batch_edit()
    qtbot.waitUntil(lambda: window.jobs.job is not None and not window.jobs.running(), timeout=30_000)
    title_rows = [row for row in shown["rows"] if row[1] == "Title"]  # type: ignore[union-attr]
    assert title_rows and all("CSO" in row[3] and "NGO" in row[2] for row in title_rows)
    assert f"{len(ids)} stories will change" in str(shown["summary"])
    after = _state(window, ids)
    assert all("Topic/Water" in tags and status == after[0][1] != "" for _, status, tags in after)
    assert all(not re.search(r"(?i)\bngo", title) for title, _, _ in after)
    window.search.field.setText("CSO")
    window.refresh()
    settle(window)
    assert len(titles(window)) == len(title_rows)  # the search index follows
    assert window.menu_actions["undo"].text() == f"&Undo Batch Edit {len(ids)} Stories"
    window.menu_actions["undo"].trigger()
    assert _state(window, ids) == before
    assert "Topic/Water" not in queries.tag_paths(window.library)
    window.menu_actions["redo"].trigger()
    assert _state(window, ids) == after


def test_a_bad_expression_is_explained_and_cannot_be_applied(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = BatchEditDialog("Change 1 story.", [], [], lambda edit, progress: _plan(window, edit, progress), window)
    qtbot.addWidget(dialog)
    dialog.regex.setChecked(True)
    dialog.find_text.setText("(unclosed")
    job = dialog.preview()
    assert job is not None
    with qtbot.waitSignal(job.ended):
        pass
    assert "is not valid" in dialog.summary.text() and not dialog.apply_button.isEnabled()
    dialog.find_text.setText(".*")  # every title would become empty
    with qtbot.waitSignal(dialog.preview().ended):  # type: ignore[union-attr]
        pass
    assert "cannot be made" in dialog.summary.text() and not dialog.apply_button.isEnabled()
    assert "needs a title" in dialog.model.index(0, 3).data()


def _plan(win: MainWindow, edit, progress):  # type: ignore[no-untyped-def]
    from ngodesk.services import batch

    return batch.plan(win.library, [win.model.story_id(0)], edit, progress)


def test_the_preview_shows_where_a_long_text_changed() -> None:
    body = "a" * 200 + " Kenya " + "b" * 200
    before, after = excerpt(body, body.replace("Kenya", "Kenia"))
    assert "Kenya" in before and "Kenia" in after
    assert before.startswith("…") and before.endswith("…") and len(before) < 100
