"""Story > Find Duplicates > Merge: the pair side by side, fields picked
one by one, one undo step that brings both stories back."""

from __future__ import annotations

from ngodesk.domain.models import StoryRecord
from ngodesk.services import importing, queries
from ngodesk.ui.main_window import MainWindow
from ngodesk.ui.merge_view import MergeStoriesDialog
from tests.test_gui_editing import window  # noqa: F401 - the fixture


def test_a_pair_is_merged_as_picked_and_undone(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    wu = next(s for s in queries.search(window.library, "Wu Peng").hits).story
    copy = StoryRecord(wu.title, "copy", url="https://elsewhere.example.org/wu", tags=("Topic/Media",))
    report = importing.import_records(window.library, [copy], on_duplicate=importing.OnDuplicate.ADD)
    window.hub.publish(report.changes)
    [copy_id] = report.changes.stories_added
    before = queries.stories(window.library, [wu.id, copy_id])
    job = window.story_tools.find_duplicates()
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    dialog = window.story_tools.duplicates_dialog
    assert dialog is not None and dialog.table.rowCount() == 1
    shown: list[dict[str, bool]] = []

    def pick(merging: MergeStoriesDialog) -> int:
        # a field the same on both sides offers no choice; the copy's address fills the empty one
        shown.append({name: group.button(0).isEnabled() for name, group in merging.picks.items()})
        assert merging.picks["url"].checkedId() == (1 if not wu.url else 0)
        merging.pick("url", 1)
        return MergeStoriesDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeStoriesDialog, "exec", pick)
    dialog.table.selectRow(0)
    dialog.merge_button.click()
    assert shown[0]["title"] is False and shown[0]["url"] is True
    assert dialog.table.rowCount() == 0 and "No likely duplicates" in dialog.summary.text()
    merged = queries.get_story(window.library, wu.id)
    assert merged.url == "https://elsewhere.example.org/wu"
    assert "Topic/Media" in [t.path for t in merged.tags]
    assert queries.resolve_story(window.library, before[1].uuid) == wu.id
    qtbot.waitUntil(lambda: window.selected_ids() == [wu.id])  # the survivor is shown
    window.menu_actions["undo"].trigger()
    assert queries.stories(window.library, [wu.id, copy_id]) == before
    window.menu_actions["redo"].trigger()
    assert queries.get_story(window.library, wu.id).url == "https://elsewhere.example.org/wu"
    assert queries.stories(window.library, [copy_id]) == []
