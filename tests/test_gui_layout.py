"""The window on screens that are not 1920 pixels wide: it fits a 1024x600
laptop in English and Chinese, docks never crush the story list, and a
narrow list keeps its titles readable; the toolbar does not move after an
edit; the editor shows attachments and a summary as tall as its text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea, QToolBar, QWidget

from ngodesk.services import attachments, stories
from ngodesk.store.library import Library
from ngodesk.ui import i18n
from ngodesk.ui.app import make_application
from ngodesk.ui.list_width import LIST_MIN_WIDTH, TITLE_MIN_WIDTH
from ngodesk.ui.main_window import MainWindow
from tests.test_attachments import PNG
from tests.test_gui import settle
from tests.test_gui_editing import open_window, retype

#: A 1024x600 screen less a title bar and a desktop panel.
LAPTOP = (1024, 530)


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = make_application()
    assert i18n.install(app, request.param) == request.param
    yield request.param
    i18n.install(app, "en")


def fully_shown(widget: QWidget, area: QScrollArea) -> bool:
    """Whether ``widget`` lies within what ``area`` shows now."""
    top_left = widget.mapTo(area.viewport(), QPoint(0, 0))
    return area.viewport().rect().contains(top_left) and area.viewport().rect().contains(
        top_left + QPoint(widget.width() - 1, widget.height() - 1)
    )


def story_form(win: MainWindow) -> QScrollArea:
    area = win.editor.tabs.widget(0)
    assert isinstance(area, QScrollArea)
    return area


def test_the_window_fits_a_laptop_screen_with_a_panel_open(qtbot, sample_library: Library, language: str) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, sample_library)
    for dock in (win.glossary_dock, win.annotations_dock):
        dock.show()
        dock.raise_()
        win.resize(*LAPTOP)
        qtbot.waitUntil(lambda: win.size().toTuple() == LAPTOP)
        for tab in (0, 1):  # the story, its translation
            win.editor.tabs.setCurrentIndex(tab)
            hint = win.minimumSizeHint()
            assert hint.width() <= LAPTOP[0] and hint.height() <= LAPTOP[1], (language, dock.objectName(), tab)
        qtbot.waitUntil(lambda: win.story_list.width() >= LIST_MIN_WIDTH)
        assert dock.width() >= dock.minimumSizeHint().width()
        win.editor.tabs.setCurrentIndex(0)
        qtbot.waitUntil(lambda: story_form(win).horizontalScrollBar().maximum() == 0)  # no field cut at the right
        dock.hide()


def test_a_narrow_list_keeps_the_titles_readable(qtbot, sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, sample_library)
    win.resize(*LAPTOP)
    win.glossary_dock.show()
    header = win.story_list.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(0) == TITLE_MIN_WIDTH)  # the other columns scroll into view
    win.glossary_dock.hide()
    win.resize(1600, 900)
    settle(win)
    qtbot.waitUntil(lambda: win.story_list.horizontalScrollBar().maximum() == 0)  # all in view, the title widest
    header.setSectionHidden(4, True)  # Tags
    qtbot.waitUntil(lambda: win.story_list.horizontalScrollBar().maximum() == 0)
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) == win.story_list.viewport().width()


def test_undo_and_redo_keep_their_toolbar_labels(qtbot, sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, sample_library)
    toolbar = win.findChild(QToolBar)
    undo, redo = toolbar.widgetForAction(win.undo_action), toolbar.widgetForAction(win.redo_action)
    widths = (undo.width(), redo.width())
    retype(qtbot, win.editor.title, "A new title")
    win.editor.flush()
    assert win.undo_action.text() == "&Undo Edit Title"  # the Edit menu names the step
    assert win.undo_action.toolTip().startswith("Undo Edit Title")
    win.undo_action.trigger()
    assert win.redo_action.text() == "&Redo Edit Title" and win.redo_action.toolTip().startswith("Redo Edit Title")
    qtbot.waitUntil(lambda: redo.isEnabled())
    assert (undo.text(), redo.text()) == ("Undo", "Redo")
    assert (undo.width(), redo.width()) == widths


def test_the_editor_shows_attachments_without_scrolling_and_a_growing_summary(  # type: ignore[no-untyped-def]
    qtbot, sample_library: Library, tmp_path: Path
) -> None:
    photo, notes = tmp_path / "well.png", tmp_path / "notes.txt"
    photo.write_bytes(PNG)
    notes.write_text("访谈记录", encoding="utf-8")
    story_id = stories.create_story(sample_library, {"title": "With files", "summary": "Short."}).id
    attachments.attach(sample_library, story_id, [photo, notes])
    win = open_window(qtbot, sample_library)
    win.resize(1280, 800)
    win.refresh(keep=[story_id])
    settle(win)
    box = win.editor.attachments
    qtbot.waitUntil(lambda: box.list.count() == 2 and box.list.isVisible())
    qtbot.waitUntil(lambda: fully_shown(box, story_form(win)))
    summary = win.editor.summary
    short = summary.height()
    summary.setPlainText("\n".join(f"Paragraph {i} of a long summary." for i in range(10)))
    qtbot.waitUntil(lambda: summary.height() >= short + 5 * summary.fontMetrics().lineSpacing())
    assert summary.verticalScrollBar().maximum() == 0  # all of it in view
    summary.setPlainText("Short.")
    qtbot.waitUntil(lambda: summary.height() == short)
