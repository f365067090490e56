"""The main window driven as a user would, on a real library, offscreen."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem

from ngodesk.services import stories
from ngodesk.services.library import open_library
from ngodesk.store.library import Library
from ngodesk.ui.app import make_application, open_for_gui
from ngodesk.ui.main_window import MainWindow
from tests.conftest import held_by_another_process

SILK_ROAD = "Second “Silk Road NGO Cooperation Network Forum” held in Beijing"


@pytest.fixture
def window(qtbot, sample_library: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    make_application()
    stories.create_story(
        sample_library,
        {"title": "中国扶贫基金会在缅甸开展民生项目", "published": "2019-03", "language": "zh"},
        ["Region/Asia/Myanmar"],
    )
    win = MainWindow(sample_library)
    qtbot.addWidget(win)
    win.show()
    settle(win)
    return win


def settle(win: MainWindow) -> None:
    """Wait until the window's search (run off the GUI thread) is done."""
    deadline = time.monotonic() + 10
    while win.search_runner.busy or win.search.waiting():
        assert time.monotonic() < deadline, "the search did not finish"
        QTest.qWait(5)


def titles(win: MainWindow) -> list[str]:
    """The titles listed, once the search has settled."""
    settle(win)
    model = win.story_list.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def type_chinese(win: MainWindow, text: str) -> None:
    """Type like an input method does (QTest cannot type Chinese)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    win.search.field.setFocus()
    win.search.field.inputMethodEvent(event)


def entry(win: MainWindow, label: str) -> QTreeWidgetItem:
    """The sidebar entry labelled ``label`` (made visible), once counted."""
    settle(win)
    found = [
        item
        for item in win.sidebar.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        if item.data(0, Qt.ItemDataRole.UserRole + 2) == label or item.text(0) == label
    ]
    assert found, label
    parent = found[0].parent()
    while parent is not None:
        parent.setExpanded(True)
        parent = parent.parent()
    win.sidebar.scrollToItem(found[0])
    return found[0]


def click(qtbot, win: MainWindow, label: str, ctrl: bool = False) -> None:  # type: ignore[no-untyped-def]
    item = entry(win, label)
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    position = win.sidebar.visualItemRect(item).center()
    qtbot.mouseClick(win.sidebar.viewport(), Qt.MouseButton.LeftButton, modifier, position)


def test_first_view_lists_every_story_newest_first(window: MainWindow) -> None:
    assert titles(window)[0] == "中国扶贫基金会在缅甸开展民生项目"  # dated stories come first
    assert len(titles(window)) == 14
    assert titles(window)[1].startswith("Designing “Lion Lights”")  # then undated ones, in the sample's order
    assert window.count_label.text() == "14 of 14 stories"
    assert window.editor.title.text() == "中国扶贫基金会在缅甸开展民生项目"  # the first story is open
    assert entry(window, "All stories").text(1) == "14"


def test_search_as_you_type_in_chinese(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    type_chinese(window, "絲路")
    qtbot.waitUntil(lambda: titles(window) == [SILK_ROAD])
    assert window.count_label.text() == "1 of 14 stories"
    assert window.editor.title.text() == SILK_ROAD
    assert entry(window, "Chinese NGOs Going Out").text(1) == "1"  # counts follow the search
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(titles(window)) == 14)


def test_a_bad_query_explains_itself_and_keeps_the_list(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.search.field, '"going out')
    qtbot.waitUntil(window.search.error.isVisible)
    assert "no closing quote" in window.search.error.text()
    assert len(titles(window)) == 14
    qtbot.keyClicks(window.search.field, '"')
    qtbot.waitUntil(lambda: not window.search.error.isVisible())
    assert len(titles(window)) == 3


def test_sidebar_clicks_filter_exclude_and_combine(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window, "Region")
    assert titles(window) == ["中国扶贫基金会在缅甸开展民生项目"]
    click(qtbot, window, "Region")  # again: exclude
    assert len(titles(window)) == 13 and "中国扶贫基金会在缅甸开展民生项目" not in titles(window)
    assert entry(window, "Region").text(0) == "⊘ Region"
    click(qtbot, window, "Chinese NGOs Going Out", ctrl=True)  # AND another
    assert len(titles(window)) == 13
    click(qtbot, window, "Undated", ctrl=True)  # a year facet
    assert len(titles(window)) == 13 and entry(window, "Undated").text(1) == "13"
    type_chinese(window, "缅甸")  # only in the excluded story: none left, and the list says so
    qtbot.waitUntil(lambda: titles(window) == [])
    assert window.empty_hint.isVisible() and "No stories match" in window.empty_hint.text()
    click(qtbot, window, "All stories")
    assert len(titles(window)) == 14 and window.sidebar.filters() == []


def test_empty_library_says_what_to_do(qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
    make_application()
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    settle(win)
    assert win.empty_hint.isVisible() and "New Story" in win.empty_hint.text()
    assert "No tags yet" in entry(win, "Tags").child(0).text(0)
    assert win.editor.currentWidget() is win.editor.hint


def test_a_tag_with_quotes_filters_and_errors_point_at_the_typed_query(qtbot, sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    make_application()
    stories.create_story(sample_library, {"title": "Quoted"}, ['Projects/"Lion Lights"'])
    win = MainWindow(sample_library)
    qtbot.addWidget(win)
    win.show()
    click(qtbot, win, '"Lion Lights"')
    assert titles(win) == ["Quoted"]
    qtbot.keyClicks(win.search.field, "Quoted (")
    qtbot.waitUntil(win.search.error.isVisible)
    assert "column 8" in win.search.error.text()  # the column in what the user typed
    assert titles(win) == ["Quoted"]


def test_clicking_a_header_sorts_and_a_third_click_restores(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    header = window.story_list.horizontalHeader()
    position = header.rect().topLeft() + QPoint(header.sectionViewportPosition(0) + 20, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    shown = titles(window)
    assert shown[0] == "A roundup on Chinese NGOs going out" and shown[-1] == "中国扶贫基金会在缅甸开展民生项目"
    assert shown == sorted(shown, key=str.casefold)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert titles(window)[0] == "中国扶贫基金会在缅甸开展民生项目"  # descending: Han after Latin
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert titles(window)[1].startswith("Designing “Lion Lights”")


@pytest.mark.parametrize("index_built", [True, False])
def test_locked_library_can_be_opened_read_only(qtbot, library_path: Path, monkeypatch, index_built: bool) -> None:  # type: ignore[no-untyped-def]
    make_application()
    (open_library if index_built else Library.open)(library_path).close()
    asked: list[str] = []
    told: list[str] = []

    def answer(parent, title, text, buttons):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Open

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: told.append(text))
    with held_by_another_process(library_path) as holder_pid:
        library = open_for_gui(str(library_path))
        assert f"process {holder_pid}" in asked[0]
        if not index_built:  # read-only cannot rebuild a stale index: said, not crashed
            assert library is None and "search index" in told[0]
            return
        assert library is not None and library.readonly
        win = MainWindow(library)
        qtbot.addWidget(win)
        assert "(read-only)" in win.statusBar().findChildren(type(win.count_label))[-1].text()
        library.close()


def test_screenshot_option_renders_the_window_at_the_stated_size(tmp_path: Path) -> None:
    png = tmp_path / "window.png"
    command = [sys.executable, "-m", "ngodesk", "--library", str(tmp_path / "lib"), "--screenshot", str(png)]
    subprocess.run([*command, "--size", "1000x700"], check=True, capture_output=True, timeout=120)
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    assert (int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")) == (1000, 700)
    failed = subprocess.run(
        [*command[:-1], str(tmp_path / "missing" / "x.png")], capture_output=True, text=True, timeout=120
    )
    assert failed.returncode == 1 and "cannot write the screenshot" in failed.stderr


def test_screenshot_of_a_locked_library_opens_it_read_only_without_asking(tmp_path: Path) -> None:
    library_path, png = tmp_path / "lib", tmp_path / "window.png"
    open_library(library_path).close()
    with held_by_another_process(library_path):
        command = [sys.executable, "-m", "ngodesk", "--library", str(library_path), "--screenshot", str(png)]
        subprocess.run(command, check=True, capture_output=True, timeout=120)  # no dialog waits for an answer
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_glossary_and_annotations_open_together_fit_a_laptop_screen(window: MainWindow) -> None:
    window.glossary_dock.toggleViewAction().trigger()
    window.annotations_dock.toggleViewAction().trigger()
    assert window.glossary_dock.isVisible() and window.annotations_dock.isVisible()
    assert window.minimumSizeHint().height() < 768 - 60  # (a 1366x768 screen, less its panel and title bar)
    assert window.tabifiedDockWidgets(window.glossary_dock) == [window.annotations_dock]


def test_a_folder_of_other_files_becomes_a_library_only_when_asked_to(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_application()
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "letter.txt").write_text("Dear colleagues", encoding="utf-8")
    asked: list[str] = []

    def answer(parent, title, text, buttons):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Cancel if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert open_for_gui(str(folder)) is None and sorted(p.name for p in folder.iterdir()) == ["letter.txt"]
    library = open_for_gui(str(folder))
    assert library is not None and "no ngodesk library" in asked[0]
    library.close()
    assert (folder / "catalogue.sqlite").exists()
    reopened = open_for_gui(str(folder))  # (a library now: no question)
    assert reopened is not None and len(asked) == 2
    reopened.close()


def test_every_alt_key_of_the_window_leads_to_one_place(window: MainWindow) -> None:
    """Menus, the editor's tabs and its field labels: no two share a
    mnemonic (Alt+S would otherwise hop between the Story menu and tab)."""
    from PySide6.QtWidgets import QLabel

    texts = [action.text() for action in window.menuBar().actions()]
    texts += [window.editor.tabs.tabText(i) for i in range(window.editor.tabs.count())]
    texts += [label.text() for label in window.editor.findChildren(QLabel) if label.buddy() is not None]
    letters = [m.group(1).lower() for text in texts if (m := re.search(r"&([^&\s])", text.replace("&&", "")))]
    assert len(letters) > 15 and sorted(letters) == sorted(set(letters)), texts
