"""The glossary panel: browsing, the terms of the story shown, editing with
undo, and terms highlighted in the story's text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtTest import QTest

from ngodesk.services import glossary, stories
from ngodesk.store.library import Library
from ngodesk.ui.app import make_application
from ngodesk.ui.main_window import MainWindow
from tests.test_gui import settle


@pytest.fixture
def window(qtbot, library: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    make_application()
    glossary.import_terms(library, glossary.SAMPLE_TERMS)
    stories.create_story(
        library,
        {
            "title": "A seminar on going out",
            "summary": "专家讨论中国民间组织“走出去”的经验。",
            "body": "The Silk Road Family (丝路一家亲) initiative.",
            "language": "zh",
        },
    )
    stories.create_story(library, {"title": "Water for Turkana", "summary": "Wells and pumps.", "language": "en"})
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    return win


def select_story(win: MainWindow, title: str) -> None:
    settle(win)
    model = win.story_list.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == title)
    win.story_list.selectRow(row)


def listed(win: MainWindow) -> list[str]:
    table = win.glossary.table
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def bold(win: MainWindow) -> list[str]:
    table = win.glossary.table
    return [table.item(row, 0).text() for row in range(table.rowCount()) if table.item(row, 0).font().bold()]


def test_the_glossary_opens_from_the_view_menu_and_marks_the_storys_terms(window: MainWindow) -> None:
    assert not window.glossary_dock.isVisible()
    toggle = next(a for a in window.menuBar().actions() if a.text() == "&View").menu()
    next(a for a in toggle.actions() if a.text() == "&Glossary").trigger()
    assert window.glossary_dock.isVisible()
    assert listed(window) == ["民生项目", "丝路一家亲", "走出去"]  # by pinyin: min, si, zou
    select_story(window, "A seminar on going out")
    assert sorted(bold(window)) == ["丝路一家亲", "走出去"]
    assert window.glossary.summary.text() == "3 of 3 terms; 2 in this story."
    window.glossary.only_story.setChecked(True)
    assert listed(window) == ["丝路一家亲", "走出去"]
    select_story(window, "Water for Turkana")
    assert listed(window) == [] and window.glossary.summary.text() == "0 of 3 terms; 0 in this story."


@pytest.mark.parametrize(
    ("typed", "found"),
    [("zouchuqu", ["走出去"]), ("zǒu chū", ["走出去"]), ("絲路", ["丝路一家亲"]), ("LIVELIHOOD", ["民生项目"])],
)
def test_the_filter_finds_terms_by_pinyin_script_or_rendering(window: MainWindow, typed: str, found: list[str]) -> None:
    window.glossary.filter.setText(typed)
    assert listed(window) == found


def test_terms_in_the_text_are_highlighted(window: MainWindow) -> None:
    select_story(window, "A seminar on going out")
    settle(window)
    for edit, term in ((window.editor.summary, "走出去"), (window.editor.body, "丝路一家亲")):
        block = edit.document().firstBlock()
        start = block.text().index(term)
        marked = [
            (f.start, f.length)
            for f in block.layout().formats()
            if f.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
        ]
        assert marked == [(start, len(term))]


def test_a_new_term_is_saved_with_its_pinyin_and_undo_takes_it_back(window: MainWindow, library: Library) -> None:
    panel = window.glossary
    panel.new_term()
    panel.fields["term"].setText("民间组织")
    panel.fields["rendering"].setText("civil society organisations")
    panel.fields["alternatives"].setText("NGOs; non-governmental organisations")
    QTest.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    added = {t.term: t for _, t in glossary.terms(library)}["民间组织"]
    assert (added.pinyin, added.traditional) == ("mín jiān zǔ zhī", "民間組織")
    assert added.alternatives == ("NGOs", "non-governmental organisations")
    assert "民间组织" in listed(window) and panel.fields["pinyin"].text() == ""  # the form shows what was typed
    window.menu_actions["undo"].trigger()
    assert "民间组织" not in listed(window)
    assert panel.fields["term"].text() == "" and not panel.delete_button.isEnabled()  # the form let go of it
    window.menu_actions["redo"].trigger()
    assert {t.term: t.uuid for _, t in glossary.terms(library)}["民间组织"] == added.uuid


def test_editing_and_deleting_a_term_are_undoable(window: MainWindow, library: Library) -> None:
    panel = window.glossary
    panel.table.selectRow(listed(window).index("走出去"))
    assert panel.fields["rendering"].text() == "going out"
    panel.fields["rendering"].setText("going global")
    panel.fields["forbidden"].setText("go out")
    panel.save()
    assert {t.term: (t.rendering, t.forbidden) for _, t in glossary.terms(library)}["走出去"] == (
        "going global",
        ("go out",),
    )
    window.menu_actions["undo"].trigger()
    assert {t.term: t.rendering for _, t in glossary.terms(library)}["走出去"] == "going out"
    panel.table.selectRow(listed(window).index("走出去"))
    panel.delete()
    assert "走出去" not in listed(window)
    window.menu_actions["undo"].trigger()
    assert "走出去" in listed(window)


def test_a_term_that_cannot_be_saved_says_why_in_the_panel(window: MainWindow) -> None:
    panel = window.glossary
    panel.new_term()
    panel.fields["rendering"].setText("a rendering without its term")
    panel.save()
    assert panel.error.isVisibleTo(panel) and panel.error.text() == "term: a glossary entry needs a term"
    assert len(listed(window)) == 3
