"""Changing the library from the window: the editor saves as you type,
every action undoes and redoes, drags tag stories, state persists."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ngodesk.domain.models import EntityKind
from ngodesk.services import queries, stories
from ngodesk.store.library import Library
from ngodesk.ui.app import make_application
from ngodesk.ui.main_window import MainWindow
from tests.conftest import SAMPLE
from tests.test_gui import click, entry, settle, titles, type_chinese

MYANMAR = "中国扶贫基金会在缅甸开展民生项目"


def open_window(qtbot, library: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    make_application()
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    settle(win)
    return win


@pytest.fixture
def window(qtbot, sample_library: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    stories.create_story(
        sample_library, {"title": MYANMAR, "published": "2019-03", "language": "zh"}, ["Region/Asia/Myanmar"]
    )
    return open_window(qtbot, sample_library)


def stored(win: MainWindow, field: str, story_id: int | None = None) -> object:
    story_id = story_id if story_id is not None else win.selected_ids()[0]
    return getattr(queries.get_story(win.library, story_id), field)


def retype(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def test_an_edit_is_saved_as_you_type_and_is_there_after_a_restart(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    story_id = window.selected_ids()[0]
    retype(qtbot, window.editor.title, "Myanmar livelihood project")
    qtbot.waitUntil(lambda: stored(window, "title", story_id) == "Myanmar livelihood project")  # debounced save
    assert titles(window)[0] == "Myanmar livelihood project"  # the list row follows
    window.close()
    again = open_window(qtbot, window.library)
    assert again.editor.title.text() == "Myanmar livelihood project"


def test_typing_in_one_visit_to_a_field_is_one_undo_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    summary = window.editor.summary
    summary.setFocus()
    qtbot.keyClicks(summary, "Shan ")
    qtbot.waitUntil(lambda: stored(window, "summary") == "Shan")  # (stored trimmed; the text keeps its space)
    qtbot.keyClicks(summary, "State")
    window.story_list.setFocus()  # leaving the field saves at once
    assert stored(window, "summary") == "Shan State"
    assert window.menu_actions["undo"].text() == "&Undo Edit Summary"
    window.menu_actions["undo"].trigger()
    assert stored(window, "summary") == "" and summary.toPlainText() == ""
    window.menu_actions["redo"].trigger()
    assert stored(window, "summary") == "Shan State" and summary.toPlainText() == "Shan State"


def test_a_refused_value_is_explained_and_the_typed_text_kept(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    retype(qtbot, window.editor.published, "May 2018")
    window.story_list.setFocus()
    assert window.editor.error.isVisible() and "is not a date" in window.editor.error.text()
    assert window.editor.published.text() == "May 2018" and stored(window, "published") == "2019-03"
    retype(qtbot, window.editor.published, "2018-05")
    window.story_list.setFocus()
    assert not window.editor.error.isVisible() and stored(window, "published") == "2018-05"


def test_chinese_typed_through_an_input_method_is_stored(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.editor.body.setFocus()
    event = QInputMethodEvent()
    event.setCommitString("丝路一家亲，民心相通。")
    window.editor.body.inputMethodEvent(event)
    window.story_list.setFocus()
    assert stored(window, "body") == "丝路一家亲，民心相通。"
    assert [h.story.title for h in queries.search(window.library, "民心").hits] == [MYANMAR]


def test_tags_and_records_as_chips_created_on_request_and_undone(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    chips = window.editor.tags
    chips.entry.setFocus()
    qtbot.keyClicks(chips.entry, "Topic/Water")
    qtbot.keyClick(chips.entry, Qt.Key.Key_Return)
    assert [t.path for t in stored(window, "tags")] == ["Region/Asia/Myanmar", "Topic/Water"]  # type: ignore[attr-defined]
    assert chips.values() == ["Region/Asia/Myanmar", "Topic/Water"] and chips.entry.text() == ""
    assert entry(window, "Water").text(1) == "1"  # the sidebar has the new tag
    orgs = window.editor.links[next(iter(window.editor.links))]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: next(b for b in box.buttons() if "CFPA" in b.text()).click())
    qtbot.keyClicks(orgs.entry, "CFPA")  # (a record is made when the user says so: "Create “CFPA”")
    qtbot.keyClick(orgs.entry, Qt.Key.Key_Return)
    assert [e.name for e in stored(window, "entities")] == ["CFPA"]  # type: ignore[attr-defined]
    window.menu_actions["undo"].trigger()
    window.menu_actions["undo"].trigger()
    assert [t.path for t in stored(window, "tags")] == ["Region/Asia/Myanmar"]  # type: ignore[attr-defined]
    assert (
        "Topic/Water" not in queries.tag_paths(window.library)
        and queries.entities(window.library, EntityKind.ORGANISATION) == []
    )
    assert chips.values() == ["Region/Asia/Myanmar"]
    qtbot.keyClick(chips.entry, Qt.Key.Key_Backspace)  # in the empty field: the last chip goes
    assert chips.values() == [] and not stored(window, "tags")


def test_the_keyboard_reaches_every_pane_and_filters_the_sidebar(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.story_list.setFocus()
    qtbot.keyClick(window.story_list, Qt.Key.Key_Tab)
    assert not window.story_list.hasFocus()  # Tab leaves the list
    sidebar = window.sidebar
    sidebar.setFocus()
    sidebar.setCurrentItem(entry(window, "Chinese"))
    qtbot.keyClick(sidebar, Qt.Key.Key_Return)  # like a click: only these
    assert titles(window) == [MYANMAR]
    assert entry(window, "All stories").text(1) == "14"  # "All stories" still counts the library
    qtbot.keyClick(sidebar, Qt.Key.Key_Space)  # again: exclude
    assert len(titles(window)) == 13


def test_delete_and_undo_restores_the_stories_with_their_tags(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.story_list.selectRow(0)
    window.story_list.setFocus()
    qtbot.keyClick(window.story_list, Qt.Key.Key_Delete)
    assert len(titles(window)) == 13 and MYANMAR not in titles(window)
    assert window.menu_actions["undo"].text() == "&Undo Delete Story"
    window.menu_actions["undo"].trigger()
    assert titles(window)[0] == MYANMAR and window.editor.title.text() == MYANMAR
    assert [t.path for t in stored(window, "tags")] == ["Region/Asia/Myanmar"]  # type: ignore[attr-defined]
    window.menu_actions["redo"].trigger()
    assert len(titles(window)) == 13


def test_new_story_opens_for_typing_and_undo_removes_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.menu_actions["new-story"].trigger()
    assert window.editor.title.text() == "Untitled story" and window.editor.title.hasFocus()
    assert len(titles(window)) == 15
    qtbot.keyClicks(window.editor.title, "Volunteers in Nepal")
    window.story_list.setFocus()
    assert "Volunteers in Nepal" in titles(window)
    window.menu_actions["undo"].trigger()  # the title
    window.menu_actions["undo"].trigger()  # the story
    assert len(titles(window)) == 14


def test_dropping_stories_on_a_tag_tags_them_undoably(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.story_list.selectAll()
    indexes = window.story_list.selectionModel().selectedIndexes()
    data: QMimeData = window.model.mimeData(indexes)
    target = entry(window, "Myanmar")
    position = window.sidebar.visualItemRect(target).center()
    drop = QDropEvent(
        position, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.sidebar.dropEvent(drop)
    assert entry(window, "Myanmar").text(1) == "14"
    assert window.menu_actions["undo"].text() == "&Undo Tag 14 Stories with Region/Asia/Myanmar"
    window.menu_actions["undo"].trigger()
    assert entry(window, "Myanmar").text(1) == "1"  # only the stories that changed were untagged


def test_tag_rename_merge_and_delete_from_the_sidebar_undo(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sidebar = window.sidebar
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Going Out", True))
    sidebar.setCurrentItem(entry(window, "Chinese NGOs Going Out"))
    tags_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tags")
    tags_menu.aboutToShow.emit()
    rename = next(a for a in tags_menu.actions() if a.text() == "&Rename Tag…")
    assert rename.isEnabled()
    rename.trigger()  # Tags > Rename Tag… acts on the tag selected in the sidebar
    assert "Going Out" in queries.tag_paths(window.library)
    window.menu_actions["undo"].trigger()
    assert "Chinese NGOs Going Out" in queries.tag_paths(window.library)

    asia = next(t for t in sidebar._tags.values() if t.path == "Region/Asia")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Chinese NGOs Going Out", True))
    sidebar.merge_tag(asia)
    assert "Chinese NGOs Going Out/Myanmar" in queries.tag_paths(window.library)
    assert entry(window, "Chinese NGOs Going Out").text(1) == "14"
    window.menu_actions["undo"].trigger()
    assert queries.tag_paths(window.library) == sorted(
        ["Chinese NGOs Going Out", "Region", "Region/Asia", "Region/Asia/Myanmar"], key=str.casefold
    )

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda parent, title, text: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    sidebar.delete_tag(next(t for t in sidebar._tags.values() if t.name == "Chinese NGOs Going Out"))
    assert "13 stories will lose it" in asked[0]
    assert entry(window, "All stories").text(1) == "14" and len(queries.tag_paths(window.library)) == 3
    window.menu_actions["undo"].trigger()
    assert entry(window, "Chinese NGOs Going Out").text(1) == "13"


def test_a_thesaurus_entry_edited_from_the_sidebar_is_one_undo_step(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ngodesk.services import thesaurus
    from ngodesk.ui.tag_thesaurus import ThesaurusDialog

    sidebar = window.sidebar
    myanmar = next(t for t in sidebar._tags.values() if t.path == "Region/Asia/Myanmar")
    going_out = next(t for t in sidebar._tags.values() if t.path == "Chinese NGOs Going Out")

    def fill(dialog: ThesaurusDialog) -> int:  # as a user types in the dialog and presses OK
        assert dialog.related.ids() == () and dialog.related.adder.findText("Chinese NGOs Going Out") >= 0
        qtbot.keyClicks(dialog.new_synonym, "Burma")
        qtbot.keyClick(dialog.new_synonym, Qt.Key.Key_Return)
        dialog.related.adder.setCurrentText("Chinese NGOs Going Out")
        dialog.related.add_current()
        dialog.scope_note.setPlainText("Stories set in Myanmar.")
        return ThesaurusDialog.DialogCode.Accepted

    monkeypatch.setattr(ThesaurusDialog, "exec", fill)
    sidebar.edit_thesaurus(myanmar)
    assert thesaurus.entry(window.library, myanmar.id) == thesaurus.Entry(
        ("Burma",), (going_out.id,), "Stories set in Myanmar."
    )
    assert queries.matching_ids(window.library, "tag:Burma").size == 1  # the Myanmar story
    tip = entry(window, "Myanmar").toolTip(0)  # the sidebar says what the tag is and its other names
    assert tip.startswith("Stories set in Myanmar.\nAlso: Burma\n")
    window.menu_actions["undo"].trigger()
    assert thesaurus.entry(window.library, myanmar.id) == thesaurus.Entry()
    window.menu_actions["redo"].trigger()
    assert thesaurus.entry(window.library, myanmar.id).synonyms == ("Burma",)


def test_window_state_is_kept_across_restarts(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.resize(760, 560)  # within the offscreen screen (800x600)
    window.splitter.setSizes([300, 500, 300])
    header = window.story_list.horizontalHeader()
    header.setSectionHidden(2, True)  # Source
    header.setSectionHidden(3, False)  # Language
    sizes = window.splitter.sizes()
    window.close()
    again = open_window(qtbot, window.library)
    header = again.story_list.horizontalHeader()
    assert (header.isSectionHidden(2), header.isSectionHidden(3)) == (True, False)
    assert again.size().width() == 760 and again.splitter.sizes() == sizes


def listing(path: Path, count: int) -> Path:
    """A CDB listing file of ``count`` made-up stories."""
    blocks = [f"Volunteer story number {i}\n\nA summary of story {i} about 志愿者 in Nepal.\n" for i in range(count)]
    path.write_text(
        SAMPLE.read_text(encoding="utf-8").split("\n\n", 1)[0] + "\n\n" + "\n".join(blocks), encoding="utf-8"
    )
    return path


def test_import_runs_in_the_background_and_its_stories_appear(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    job = window.import_flow.import_files([str(SAMPLE)])
    assert job is not None
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    assert shown == ["Imported 0; skipped 13 already in the library."]


def test_an_import_is_one_undo_step_that_takes_back_its_stories_and_new_tag(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: None)
    before = queries.info(window.library)["stories"]
    field = tmp_path / "field.txt"
    field.write_text(
        "Keyword: Field notes\n\n" + "\n".join(f"Field story {i}\n\nNotes from 乡村 visit {i}.\n" for i in range(3)),
        encoding="utf-8",
    )
    job = window.import_flow.import_files([str(field)])
    assert job is not None
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass

    def field_titles() -> list[str]:
        return sorted(hit.story.title for hit in queries.search(window.library, 'tag:"Field notes"').hits)

    assert field_titles() == ["Field story 0", "Field story 1", "Field story 2"]
    assert window.undo_stack.undoText() == "Import 3 Stories"
    window.undo_stack.undo()
    assert queries.info(window.library)["stories"] == before
    assert "Field notes" not in queries.tag_paths(window.library)
    assert not any(title.startswith("Field story") for title in titles(window))
    window.undo_stack.redo()
    assert field_titles() == ["Field story 0", "Field story 1", "Field story 2"]
    assert sum(title.startswith("Field story") for title in titles(window)) == 3


def test_a_cancelled_import_leaves_the_library_as_it_was(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = listing(tmp_path / "big.txt", 5000)
    job = window.import_flow.import_files([str(source)])
    assert job is not None
    with qtbot.waitSignal(job.ended, timeout=60_000):
        window.jobs.status.cancel_button.click()  # the user presses Cancel
    assert queries.info(window.library)["stories"] == 14 and len(titles(window)) == 14


def test_export_writes_the_listed_stories(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    type_chinese(window, "缅甸")
    qtbot.waitUntil(lambda: titles(window) == [MYANMAR])
    job = window.export_flow.export_stories(str(tmp_path / "out.json"))
    assert job is not None
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    exported = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [s["title"] for s in exported["stories"]] == [MYANMAR]


def test_export_of_the_selection_in_another_format(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.story_list.selectRow(0)
    first = titles(window)[0]
    job = window.export_flow.export_stories(str(tmp_path / "chosen.csv"), "csv", selected=True)
    assert job is not None
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    rows = list(csv.DictReader((tmp_path / "chosen.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [row["title"] for row in rows] == [first]


def test_a_story_that_stops_matching_while_typed_in_stays_in_the_editor(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.search.field.setText("title:Lion OR 缅甸")
    window.refresh()
    assert len(titles(window)) == 2
    window.story_list.selectRow(1)
    story_id = window.selected_ids()[0]
    retype(qtbot, window.editor.title, "Lamps for Kenya")
    qtbot.waitUntil(lambda: stored(window, "title", story_id) == "Lamps for Kenya")
    qtbot.waitUntil(lambda: titles(window) == [MYANMAR])  # the list follows the edit...
    assert window.editor.story is not None and window.editor.story.id == story_id  # ...the editor stays
    for more in (" at night", "!"):  # each saved, each followed by a refresh of the list
        qtbot.keyClicks(window.editor.title, more)
        qtbot.waitUntil(lambda: stored(window, "title", story_id).endswith(more))  # noqa: B023
        settle(window)
    assert stored(window, "title", story_id) == "Lamps for Kenya at night!"
    assert window.editor.story.id == story_id and MYANMAR in titles(window)


def test_undo_saves_the_typing_in_progress_and_takes_it_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.editor.summary.setFocus()
    qtbot.keyClicks(window.editor.summary, "Shan State")
    window.menu_actions["undo"].trigger()  # before the debounced save
    assert stored(window, "summary") == "" and window.editor.summary.toPlainText() == ""
    window.menu_actions["redo"].trigger()
    assert stored(window, "summary") == "Shan State"


def test_typing_a_field_back_to_its_value_leaves_no_undo_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    steps = window.undo_stack.count()
    retype(qtbot, window.editor.source, "Xinhua")
    qtbot.waitUntil(lambda: stored(window, "source") == "Xinhua")
    retype(qtbot, window.editor.source, "")  # e.g. the field's own Ctrl+Z
    window.story_list.setFocus()
    assert stored(window, "source") == "" and window.undo_stack.count() == steps


def test_a_refusal_is_withdrawn_and_a_half_typed_chip_dropped_when_the_user_moves_on(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    editor = window.editor
    retype(qtbot, editor.url, "www.example")
    window.story_list.setFocus()
    assert editor.error.isVisible()
    retype(qtbot, editor.url, "")  # back to the stored value
    window.story_list.setFocus()
    assert not editor.error.isVisible()
    first = window.selected_ids()[0]
    retype(qtbot, editor.published, "May 2018")
    editor.tags.entry.setFocus()
    qtbot.keyClicks(editor.tags.entry, "Unfinished")
    window.story_list.setFocus()
    qtbot.keyClick(window.story_list, Qt.Key.Key_Down)  # the next story
    assert window.selected_ids()[0] != first
    assert editor.tags.entry.text() == ""
    assert editor.error.isVisible() and "May 2018" not in editor.published.text()
    assert MYANMAR in editor.error.text() and "not a date" in editor.error.text()  # names the story left


def accept_columns_as_they_are(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The column dialog of a table import is accepted unchanged."""
    from PySide6.QtWidgets import QDialog

    from ngodesk.ui.column_map import ColumnMapDialog

    monkeypatch.setattr(ColumnMapDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)


def test_unreadable_records_ask_whether_to_import_the_rest(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    table = tmp_path / "stories.csv"
    table.write_text("title,date\n走出去的民间组织,2019-03-05\n,2019-03-06\n丝路一家亲,2019-03-07\n", encoding="utf-8")
    accept_columns_as_they_are(monkeypatch)
    asked: list[str] = []

    def choose(label: str):  # type: ignore[no-untyped-def]
        def answer(box: QMessageBox) -> None:
            asked.append(box.text())
            chosen = [b for b in box.buttons() if b.text().startswith(label)]
            if chosen:
                chosen[0].click()

        return answer

    before = queries.info(window.library)["stories"]
    monkeypatch.setattr(QMessageBox, "exec", choose("Import Nothing"))
    job = window.import_flow.import_files([str(table)])
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    assert asked == ["1 record in these files cannot be read."] and queries.info(window.library)["stories"] == before

    asked.clear()
    monkeypatch.setattr(QMessageBox, "exec", choose("Import 2 Records"))
    job = window.import_flow.import_files([str(table)])
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: window.jobs.job is not job and not window.jobs.running(), timeout=60_000)
    assert queries.info(window.library)["stories"] == before + 2
    assert asked[-1] == "Imported 2; skipped 0 already in the library."


def test_skipped_duplicates_can_be_merged_in_one_undoable_step(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    wu = next(s for s in queries.search(window.library, "Wu Peng").hits).story
    table = tmp_path / "more.csv"
    table.write_text(f"title,source,tags\n{wu.title},《公益时报》,人物\n", encoding="utf-8")
    accept_columns_as_they_are(monkeypatch)
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: [b.click() for b in box.buttons() if b.text() == "Merge Into Those Stories"]
    )
    job = window.import_flow.import_files([str(table)])
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    merged = queries.get_story(window.library, wu.id)
    assert merged.source == "《公益时报》" and "人物" in [t.path for t in merged.tags]
    assert window.undo_stack.undoText() == "Merge Duplicate"
    window.undo_stack.undo()
    restored = queries.get_story(window.library, wu.id)
    assert (restored.source, [t.path for t in restored.tags]) == (wu.source, [t.path for t in wu.tags])
    assert "人物" not in queries.tag_paths(window.library)  # the tag the merge made went with it
    window.undo_stack.redo()
    redone = queries.get_story(window.library, wu.id)
    assert redone.source == "《公益时报》" and "人物" in [t.path for t in redone.tags]


def test_a_table_is_imported_through_the_column_dialog(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog

    from ngodesk.ui.column_map import ColumnMapDialog

    table = tmp_path / "stories.csv"
    table.write_text('题目,日期,作者,编号\n民间组织走出去,2019年3月5日,"王, 芳",17\n', encoding="utf-8")
    seen: list[tuple[list[str], bool]] = []

    def choose_title(dialog: ColumnMapDialog) -> int:
        import_button = dialog.buttons.buttons()[0]
        seen.append(
            ([dialog.preview.item(0, 1).text()] if dialog.preview.rowCount() else [], import_button.isEnabled())
        )
        dialog.choosers[0].setCurrentIndex(dialog.choosers[0].findData("title"))  # 题目 holds the title
        seen.append(([dialog.preview.item(0, c).text() for c in range(5)], import_button.isEnabled()))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ColumnMapDialog, "exec", choose_title)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: None)
    job = window.import_flow.import_files([str(table)])
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    assert seen == [([], False), (["2", "民间组织走出去", "2019-03-05", "", "王芳"], True)]
    (hit,) = queries.search(window.library, "民间组织走出去").hits
    assert hit.story.extra == {"编号": "17"} and [e.name for e in hit.story.entities] == ["王芳"]


def test_cancelling_the_column_dialog_imports_nothing(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ngodesk.ui.column_map import ColumnMapDialog

    table = tmp_path / "stories.csv"
    table.write_text("title\n不会导入\n", encoding="utf-8")
    monkeypatch.setattr(ColumnMapDialog, "exec", lambda dialog: 0)
    assert window.import_flow.import_files([str(table)]) is None
    assert queries.search(window.library, "不会导入").total == 0


def test_find_duplicates_lists_pairs_and_shows_them_in_the_list(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from ngodesk.domain.models import StoryRecord
    from ngodesk.services import importing

    wu = next(s for s in queries.search(window.library, "Wu Peng").hits).story
    copy = StoryRecord(wu.title, "copy", url="https://elsewhere.example.org/wu")
    report = importing.import_records(window.library, [copy], on_duplicate=importing.OnDuplicate.ADD)
    window.hub.publish(report.changes)  # (as the window's own import does)
    window.search.field.setText("缅甸")
    window.refresh()
    job = window.story_tools.find_duplicates()
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    dialog = window.story_tools.duplicates_dialog
    assert dialog is not None and dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in range(3)] == [wu.title, wu.title, "the same title"]
    dialog.table.selectRow(0)
    dialog.show_button.click()
    qtbot.waitUntil(lambda: len(window.selected_ids()) == 2)
    assert window.search.field.text() == "" and wu.id in window.selected_ids()


def test_the_open_dialogs_file_type_chooses_the_format(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A tab-separated .txt whose headings nothing recognises cannot be
    guessed; picking "TSV table" in the dialog imports it, the column
    dialog mapping its Story column to the title."""
    from PySide6.QtWidgets import QDialog, QFileDialog

    from ngodesk.ui.column_map import ColumnMapDialog

    notes = tmp_path / "field notes.txt"
    notes.write_text("Story\tWhen\n乡村图书馆开放\t2021-05-04\nWells for Turkana\t2021-06-01\n", encoding="utf-8")
    offered: list[str] = []

    def choose(filter_name: str):  # type: ignore[no-untyped-def]
        def dialog(parent, caption, folder, filters):  # type: ignore[no-untyped-def]
            offered[:] = filters.split(";;")
            return [str(notes)], next(f for f in offered if f.startswith(filter_name))

        return dialog

    def map_story(dialog: ColumnMapDialog) -> QDialog.DialogCode:
        chooser = dialog.choosers[dialog.header.index("Story")]
        chooser.setCurrentIndex(chooser.findData("title"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ColumnMapDialog, "exec", map_story)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(f"{box.text()} {box.informativeText()}"))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    before = queries.info(window.library)["stories"]
    for filter_name in ("Story files, format recognised", "TSV table"):
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose(filter_name))
        job = window.import_flow.import_files()
        assert job is not None
        with qtbot.waitSignal(job.ended, timeout=60_000):
            pass
    assert "RIS (reference managers) (*.ris)" in offered and offered[-1] == "All files, format recognised (*)"
    assert "cannot tell what format it is in" in shown[0]
    assert window.statusBar().currentMessage().startswith("Imported 2;")  # (nothing to decide: no box)
    assert queries.info(window.library)["stories"] == before + 2
    assert {"乡村图书馆开放", "Wells for Turkana"} <= set(titles(window))


def test_a_wordpress_export_with_pages_asks_which_items_become_stories(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from ngodesk.ui.item_types import ItemTypesDialog
    from tests.test_wxr import _export, _item

    export = tmp_path / "site.xml"
    items = _item(1, "一篇文章"), _item(2, "关于我们", "page"), _item(3, "logo.png", "attachment")
    export.write_text(_export(*items), encoding="utf-8")
    offered: list[tuple[list[str], bool]] = []

    def tick_pages(dialog: ItemTypesDialog) -> int:
        offered.append(([box.text() for box in dialog.boxes.values()], dialog.boxes["post"].isChecked()))
        dialog.boxes["page"].setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ItemTypesDialog, "exec", tick_pages)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: None)
    job = window.import_flow.import_files([str(export)])
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    assert offered == [(["Posts (1)", "Pages (1)", "Attachments (media library entries) (1)"], True)]
    assert (
        queries.search(window.library, "关于我们").total == 1 and queries.search(window.library, "一篇文章").total == 1
    )
    assert queries.search(window.library, "logo").total == 0


def test_suggested_records_are_reviewed_in_a_list_and_linked_in_one_undo_step(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ngodesk.services import suggestions
    from ngodesk.services.library import add_sample_records
    from ngodesk.ui.suggestions_view import SuggestionsDialog

    add_sample_records(window.library)
    red_cross = next(s for s in queries.search(window.library, "Red Cross Society of China").hits).story
    window.refresh(keep=[red_cross.id])
    qtbot.waitUntil(lambda: window.selected_ids() == [red_cross.id])
    shown: list[list[str]] = []

    def review(dialog: SuggestionsDialog) -> int:  # the user unticks one and links the rest
        shown.append([dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())])
        row = shown[0].index("Sri Lanka Red Cross Society")
        dialog.table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
        return SuggestionsDialog.DialogCode.Accepted

    monkeypatch.setattr(SuggestionsDialog, "exec", review)
    job = window.story_tools.suggest_records()
    assert job is not None
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    assert sorted(shown[0]) == ["Red Cross Society of China", "Sri Lanka", "Sri Lanka Red Cross Society"]
    linked = sorted(e.name for e in queries.get_story(window.library, red_cross.id).entities)
    assert linked == ["Red Cross Society of China", "Sri Lanka"]
    assert suggestions.suggest(window.library, [red_cross.id]) == []  # (the unticked one is not proposed again)
    window.menu_actions["undo"].trigger()
    assert queries.get_story(window.library, red_cross.id).entities == ()
    assert len(suggestions.suggest(window.library, [red_cross.id])) == 3


def test_a_saved_search_that_cannot_be_counted_says_so(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Counting runs off the GUI thread; what goes wrong there is shown,
    not swallowed: the entry says "?" and the status bar says why."""
    from ngodesk.services import story_collections

    window.search.field.setText("Kenya")
    window.refresh()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Kenya stories", True))

    def broken(*_: object) -> int:
        raise RuntimeError("the counting broke")

    monkeypatch.setattr(story_collections, "count", broken)
    window.sidebar.save_search()
    qtbot.waitUntil(lambda: "Could not count the saved searches" in window.statusBar().currentMessage())
    assert "RuntimeError: the counting broke" in window.statusBar().currentMessage()
    assert entry(window, "Kenya stories").text(1) == "?"


def test_saved_searches_and_collections_in_the_sidebar(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ngodesk.services import story_collections

    sidebar = window.sidebar
    window.search.field.setText("Kenya")
    window.refresh()
    kenya = titles(window)
    names = iter(["Kenya stories", "Reading list"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (next(names), True))
    sidebar.save_search()
    qtbot.waitUntil(lambda: entry(window, "Kenya stories").text(1) == str(len(kenya)))  # counted off the GUI thread
    window.clear_filters()
    assert len(titles(window)) == 14
    click(qtbot, window, "Kenya stories")  # runs the saved search
    assert window.search.field.text() == "Kenya" and titles(window) == kenya

    window.search.field.clear()
    window.refresh()
    settle(window)
    chosen = window.model.ids().tolist()[:2]
    window.refresh(keep=chosen)
    qtbot.waitUntil(lambda: sorted(window.selected_ids()) == sorted(chosen))
    sidebar.new_collection()
    shelf = next(c for c in story_collections.collections(window.library) if c.name == "Reading list")
    assert entry(window, "Reading list").text(1) == "2"
    click(qtbot, window, "Reading list")  # a manual collection filters the list
    assert len(titles(window)) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    sidebar.delete_collection(shelf)
    assert [c.name for c in story_collections.collections(window.library)] == ["Kenya stories"]
    assert len(titles(window)) == 14  # (its filter went with it)
    window.menu_actions["undo"].trigger()
    assert story_collections.stories_of(window.library, shelf.id) == chosen
    assert entry(window, "Reading list").text(1) == "2"
    window.hub.publish(stories.create_story(window.library, {"title": "Wells in Kenya"}).changes)
    qtbot.waitUntil(lambda: entry(window, "Kenya stories").text(1) == str(len(kenya) + 1))  # counts what it finds now


def test_remove_stories_from_the_collection_shown_and_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from ngodesk.services import story_collections

    ids = window.model.ids().tolist()[:3]
    shelf = story_collections.create_manual(window.library, "Reading list", ids)
    window.hub.publish(shelf.changes)
    assert not window.remove_from_collection()  # (no collection shown: nothing happens)
    click(qtbot, window, "Reading list")
    settle(window)
    assert window.model.ids().tolist() == ids
    window.refresh(keep=[ids[1]])
    qtbot.waitUntil(lambda: window.selected_ids() == [ids[1]])
    window.menu_actions.menus["story"].aboutToShow.emit()  # (the Story menu names its action as it opens)
    assert window.menu_actions["remove-from-collection"].text() == "Remove from “Reading list”"
    assert window.menu_actions["remove-from-collection"].isEnabled()
    window.menu_actions["remove-from-collection"].trigger()
    settle(window)
    assert story_collections.stories_of(window.library, shelf.id) == [ids[0], ids[2]]
    assert window.model.ids().tolist() == [ids[0], ids[2]] and queries.get_story(window.library, ids[1])
    window.menu_actions["undo"].trigger()
    assert story_collections.stories_of(window.library, shelf.id) == ids  # (back in its place)
