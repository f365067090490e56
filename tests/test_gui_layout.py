"""The window on screens that are not 1920 pixels wide: it fits a 1024x600
laptop in English and Chinese, docks never crush the story list, panes are
hidden and shown from the View menu, the Translate layout, all remembered;
the toolbar does not move after an edit; the editor shows attachments and
a summary as tall as its text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
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


def test_panes_are_hidden_and_shown_from_the_view_menu_and_remembered(qtbot, sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, sample_library)
    view = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    items = {a.text(): a for a in view.actions()}
    for text in ("&Sidebar", "Story &List", "&Editor", "&Translate Layout", "&Glossary", "&Annotations", "Tool&bar"):
        assert text in items, text
    shortcuts = [a.shortcut() for a in win.findChildren(QAction) if not a.shortcut().isEmpty()]
    for text in ("&Sidebar", "Story &List", "&Editor", "&Translate Layout"):
        assert not items[text].shortcut().isEmpty() and shortcuts.count(items[text].shortcut()) == 1, text
    mnemonics = [t[t.index("&") + 1].lower() for t in items if "&" in t]
    assert len(mnemonics) == len(set(mnemonics))

    items["&Sidebar"].trigger()
    items["&Editor"].trigger()
    assert not win.sidebar.isVisible() and not win.editor.isVisible() and win.story_list.isVisible()
    assert not items["&Sidebar"].isChecked()
    items["Story &List"].trigger()  # the last pane shown stays
    assert win.story_list.isVisible() and items["Story &List"].isChecked()
    items["Tool&bar"].trigger()
    assert not win.findChild(QToolBar).isVisible()
    win.close()

    again = open_window(qtbot, sample_library)
    assert not again.sidebar.isVisible() and not again.editor.isVisible() and again.story_list.isVisible()
    assert not again.findChild(QToolBar).isVisible()
    again.panes.actions["sidebar"].trigger()
    assert again.sidebar.isVisible() and again.panes.actions["sidebar"].isChecked()
    again.panes.actions["list"].trigger()
    find = next(a for a in again.findChildren(QAction) if a.text() == "&Find")
    find.trigger()  # the search field is in the list's pane: Find shows it
    assert again.story_list.isVisible() and again.search.field.hasFocus()


def test_translate_layout_gives_the_texts_the_width_and_goes_back(qtbot, sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, sample_library)
    win.resize(1366, 768)
    settle(win)
    before = win.splitter.sizes()
    pane = win.editor.translation
    win.panes.translate_action.trigger()
    qtbot.waitUntil(lambda: pane.isVisible())
    assert not win.sidebar.isVisible() and win.editor.tabs.currentWidget() is pane
    original, translation = pane.originals["summary"], pane.translations["summary"]
    qtbot.waitUntil(lambda: original.width() >= 450)
    assert abs(original.width() - translation.width()) <= 2
    assert LIST_MIN_WIDTH <= win.story_list.width() <= 360
    win.resize(1600, 900)  # a wider window widens the texts, not the list
    qtbot.waitUntil(lambda: original.width() >= 550)
    assert win.story_list.width() <= 360
    win.close()

    again = open_window(qtbot, sample_library)
    assert again.panes.translate_action.isChecked() and not again.sidebar.isVisible()
    assert again.editor.tabs.currentWidget() is again.editor.translation
    again.panes.translate_action.trigger()  # back
    assert again.sidebar.isVisible() and again.editor.tabs.currentIndex() == 0
    again.resize(1366, 768)
    qtbot.waitUntil(lambda: again.splitter.sizes() == before)


def test_undo_and_redo_keep_their_toolbar_labels(qtbot, sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, sample_library)
    toolbar = win.findChild(QToolBar)
    undo, redo = toolbar.widgetForAction(win.menu_actions["undo"]), toolbar.widgetForAction(win.menu_actions["redo"])
    widths = (undo.width(), redo.width())
    retype(qtbot, win.editor.title, "A new title")
    win.editor.flush()
    assert win.menu_actions["undo"].text() == "&Undo Edit Title"  # the Edit menu names the step
    assert win.menu_actions["undo"].toolTip().startswith("Undo Edit Title")
    win.menu_actions["undo"].trigger()
    assert win.menu_actions["redo"].text() == "&Redo Edit Title" and win.menu_actions["redo"].toolTip().startswith(
        "Redo Edit Title"
    )
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
    summary.setPlainText("\n".join(f"Paragraph {i} of a long summary." for i in range(8)))
    qtbot.waitUntil(lambda: summary.height() >= short + 5 * summary.fontMetrics().lineSpacing())
    assert summary.verticalScrollBar().maximum() == 0  # all of it in view
    summary.setPlainText("A summary that goes on. " * 200)  # as tall as it may be, then it scrolls
    qtbot.waitUntil(lambda: summary.verticalScrollBar().maximum() > 0)
    assert fully_shown(box, story_form(win))
    summary.setPlainText("Short.")
    qtbot.waitUntil(lambda: summary.height() == short)


def test_a_new_window_fits_its_screen(qtbot, sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, sample_library)  # (1280x800 unless the screen is smaller)
    free = win.screen().availableGeometry()
    qtbot.waitUntil(lambda: free.contains(win.frameGeometry()))  # (its frame is known once it is shown)
    assert min(1280, free.width()) - 10 <= win.width() <= 1280 and min(800, free.height()) - 40 <= win.height() <= 800


LAPTOP_SCREEN = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
from ngodesk.ui.batch_edit import BatchEditDialog
from ngodesk.ui.guide_view import GuideWindow
app = QApplication(sys.argv)
parent = QWidget()
batch = BatchEditDialog("Change 2 stories.", [], [], lambda edit, progress: None, parent)
guide = GuideWindow(parent)
free = app.primaryScreen().availableGeometry()
print(free.width(), free.height(), batch.width(), batch.height(), guide.width(), guide.height())
"""


def test_the_batch_edit_and_the_guide_open_within_a_1024x600_screen(tmp_path: Path) -> None:
    """Their buttons (Apply, Cancel) at the bottom stay on the screen: they
    opened 640 and 680 pixels tall, under a 600-pixel laptop screen's edge."""
    screen = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1024, "height": 600}]}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(screen), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    out = subprocess.run(
        [sys.executable, "-c", LAPTOP_SCREEN], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    free_w, free_h, *sizes = map(int, out.stdout.split())
    assert (free_w, free_h) == (1024, 600)
    for width, height in zip(sizes[::2], sizes[1::2], strict=True):
        assert width <= free_w and height <= free_h - 30, sizes
