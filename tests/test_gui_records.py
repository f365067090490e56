"""Story > Authority Records: find a record by any name, edit it, make one,
split and merge records; each change is one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from ngodesk.domain.models import AltName, EntityKind, EntityView
from ngodesk.services import entities, queries
from ngodesk.services.library import add_sample_records
from ngodesk.ui.main_window import MainWindow
from ngodesk.ui.record_editor import RecordDialog, SplitDialog
from ngodesk.ui.records_view import RecordsDialog
from tests.test_gui import settle
from tests.test_gui_editing import window  # noqa: F401 - the fixture


@pytest.fixture
def win(window: MainWindow) -> MainWindow:  # noqa: F811 - the window with the sample records
    window.hub.publish(add_sample_records(window.library))
    return window


@pytest.fixture
def records(qtbot, win: MainWindow) -> RecordsDialog:  # type: ignore[no-untyped-def]
    dialog = win.show_records()
    qtbot.addWidget(dialog)
    return dialog


def _views(win: MainWindow) -> dict[str, EntityView]:
    return {v.name: v for v in queries.entities(win.library)}


def _names(dialog: RecordsDialog) -> list[str]:
    return [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]


def test_a_record_is_found_by_any_of_its_names(records: RecordsDialog) -> None:
    assert len(_names(records)) == 21
    for typed in ("CFPA", "中國扶貧", "poverty allev"):
        records.find_text.setText(typed)
        assert _names(records) == ["China Foundation for Poverty Alleviation"], typed
    records.find_text.setText("no such name")
    assert _names(records) == [] and "No record has a name like" in records.empty.text()
    records.find_text.clear()
    records.kind.setCurrentIndex(records.kind.findData("place"))
    assert "Kenya" in _names(records) and "Amity Foundation" not in _names(records)


def test_editing_a_record_in_the_form_is_one_undo_step(
    qtbot, win: MainWindow, records: RecordsDialog, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    before = _views(win)["Amity Foundation"]

    def fill(form: RecordDialog) -> int:
        assert form.name.text() == "Amity Foundation" and not form.kind.isEnabled()
        form.add_name(AltName("愛德基金會", "zh-Hant", True))
        form.external_id.setText("Q4746337")
        form.see_also.adder.setCurrentText("China Charity Federation (Organisation)")
        form.see_also.add_current()
        form._accept()
        assert form.result() == RecordDialog.DialogCode.Accepted
        return RecordDialog.DialogCode.Accepted

    monkeypatch.setattr(RecordDialog, "exec", fill)
    records.find_text.setText("爱德")
    records.table.selectRow(0)
    records.record_buttons[0].click()  # Edit…
    after = _views(win)
    amity = after["Amity Foundation"]
    assert amity.external_id == "Q4746337" and AltName("愛德基金會", "zh-Hant", True) in amity.alt_names
    assert amity.see_also == (after["China Charity Federation"].uuid,)
    assert "愛德基金會 ★" in records.table.item(0, 2).text()  # the list follows
    win.menu_actions["undo"].trigger()
    assert _views(win)["Amity Foundation"] == before
    assert _views(win)["China Charity Federation"].see_also == ()


def test_two_preferred_names_in_one_language_are_refused_in_the_form(
    qtbot, win: MainWindow, records: RecordsDialog
) -> None:  # type: ignore[no-untyped-def]
    view = _views(win)["Amity Foundation"]
    form = RecordDialog(view, {}, [], win)
    qtbot.addWidget(form)
    form.add_name(AltName("爱德", "zh-Hans", True))
    form._accept()
    assert form.result() != RecordDialog.DialogCode.Accepted
    assert "cannot both be preferred in zh-Hans" in form.problem.text()


def test_a_new_record_is_made_and_undone(qtbot, win: MainWindow, records: RecordsDialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fill(form: RecordDialog) -> int:
        form.kind.setCurrentIndex(form.kind.findData("person"))
        form.name.setText("Wu Peng")
        form.add_name(AltName("伍鹏", "zh-Hans", True))
        return RecordDialog.DialogCode.Accepted

    monkeypatch.setattr(RecordDialog, "exec", fill)
    assert records.edits.edit(None)
    wu = _views(win)["Wu Peng"]
    assert wu.kind is EntityKind.PERSON and wu.alt_names == (AltName("伍鹏", "zh-Hans", True),)
    win.menu_actions["undo"].trigger()
    assert "Wu Peng" not in _views(win)
    win.menu_actions["redo"].trigger()
    assert _views(win)["Wu Peng"].uuid == wu.uuid  # the same record back


def test_split_and_merge_from_the_list(qtbot, win: MainWindow, records: RecordsDialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    library = win.library
    red_cross = _views(win)["Red Cross Society of China"]
    linked = queries.matching_ids(library, "Red Cross").tolist()[:2]
    entities.link_entity(library, linked, red_cross.id)
    before = _views(win)

    def split(dialog: SplitDialog) -> int:
        assert dialog.stories.count() == 2 and not dialog.split_button.isEnabled()
        dialog.name.setText("China Red Cross (old name)")
        dialog.tick(dialog.names, "China Red Cross")
        dialog.tick(dialog.stories, dialog.stories.item(0).text())
        return SplitDialog.DialogCode.Accepted

    monkeypatch.setattr(SplitDialog, "exec", split)
    records.find_text.setText("RCSC")
    records.table.selectRow(0)
    records.record_buttons[2].click()  # Split…
    views = _views(win)
    old = views["China Red Cross (old name)"]
    assert [n.name for n in old.alt_names] == ["China Red Cross"] and old.story_count == 1
    assert views["Red Cross Society of China"].story_count == 1

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (next(x for x in a[3] if "Society" in x), True))
    records.find_text.setText("old name")
    records.table.selectRow(0)
    records.record_buttons[1].click()  # Merge Into…
    views = _views(win)
    assert "China Red Cross (old name)" not in views and views["Red Cross Society of China"].story_count == 2
    win.menu_actions["undo"].trigger()  # the merge
    win.menu_actions["undo"].trigger()  # the split
    assert _views(win) == before

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    records.find_text.setText("Kunming")
    records.table.selectRow(0)
    records.record_buttons[3].click()  # Delete…
    assert "Kunming" not in _views(win) and _names(records) == []
    win.menu_actions["undo"].trigger()
    assert _views(win)["Kunming"] == before["Kunming"]


def test_show_stories_filters_the_list_by_the_record(qtbot, win: MainWindow, records: RecordsDialog) -> None:  # type: ignore[no-untyped-def]
    kenya = _views(win)["Kenya"]
    story = queries.matching_ids(win.library, "Kenya").tolist()[0]
    win.hub.publish(entities.link_entity(win.library, [story], kenya.id))
    records.find_text.setText("肯尼亚")
    records.table.selectRow(0)
    records.record_buttons[4].click()
    qtbot.waitUntil(lambda: win.model.rowCount() == 1)
    settle(win)
    assert win.model.story_id(0) == story
