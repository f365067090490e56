"""Typing and searching in the main window: an unfinished query keeps what
is shown, hits are marked in the list and the editor, the list names tags
and languages readably, every kind of record keeps its facet, and an empty
library offers Import and New Story."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextCharFormat
from PySide6.QtWidgets import QFileDialog

from ngodesk.domain.models import EntityKind
from ngodesk.services import glossary, saved_facets, stories
from ngodesk.store.library import Library
from ngodesk.ui.app import make_application
from ngodesk.ui.highlighting import HITS_ROLE, hit_format
from ngodesk.ui.main_window import MainWindow
from ngodesk.ui.story_model import COLUMNS
from tests.test_gui import SILK_ROAD, entry, settle, titles, type_chinese

MYANMAR = "中国扶贫基金会在缅甸开展民生项目"
ERROR_RED = QColor("#b00020")


def opened(qtbot, library: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window on ``library``, shown at 1280x800, its first search done."""
    make_application()
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    settle(win)
    return win


@pytest.fixture
def window(qtbot, sample_library: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    glossary.import_terms(sample_library, glossary.SAMPLE_TERMS)
    summary = "中国扶贫基金会“走出去”，在缅甸开展民生项目。"
    tags = ["Region/Asia/Myanmar", "Topic/Poverty alleviation"]
    stories.create_story(sample_library, {"title": MYANMAR, "summary": summary, "language": "zh-Hans"}, tags)
    return opened(qtbot, sample_library)


def search(win: MainWindow, text: str) -> None:
    win.search.field.setText(text)
    settle(win)


def column(name: str) -> int:
    return [key for key, _ in COLUMNS].index(name)


def frame_colour(win: MainWindow) -> QColor:
    """The colour of the search field's frame (its left edge, halfway down)."""
    image = win.search.field.grab().toImage()
    return image.pixelColor(1, image.height() // 2)


def marked(edit, format_test) -> list[str]:  # type: ignore[no-untyped-def]
    """The pieces of the first block of ``edit`` formatted as ``format_test`` says."""
    block = edit.document().firstBlock()
    return [block.text()[f.start : f.start + f.length] for f in block.layout().formats() if format_test(f.format)]


def is_hit(char_format: QTextCharFormat) -> bool:
    return char_format.background().color() == hit_format().background().color()


def test_an_unfinished_query_keeps_the_last_result_and_marks_the_field(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    search(window, "silk")
    assert titles(window) == [SILK_ROAD] and window.editor.title.text() == SILK_ROAD
    assert entry(window, "Chinese NGOs Going Out").text(1) == "1"
    assert frame_colour(window) != ERROR_RED
    for unfinished, said in (
        ('silk "Silk Road', "no closing quote"),
        ("silk (NGO", "'(' at column 6 is never closed"),
        ("silk year:abc", "'abc' is not a date"),
    ):
        search(window, unfinished)
        assert window.search.error.isVisible() and said in window.search.error.text()
        assert frame_colour(window) == ERROR_RED
        assert titles(window) == [SILK_ROAD] and window.editor.title.text() == SILK_ROAD  # the last good result
        assert window.count_label.text() == "1 of 14 stories"
        assert entry(window, "Chinese NGOs Going Out").text(1) == "1"  # and its counts
    search(window, "zzzz")  # nothing matches: the list says so...
    assert window.empty_hint.isVisible() and "No stories match" in window.empty_hint.text()
    search(window, "zzzz (")  # ...but not of a query that did not run
    assert window.search.error.isVisible() and not window.empty_hint.isVisible()
    search(window, "silk")
    assert not window.search.error.isVisible() and frame_colour(window) != ERROR_RED
    assert titles(window) == [SILK_ROAD]


def test_the_error_stays_when_the_last_good_search_answers_after_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.search.field.setText("silk")
    window.refresh()  # (started now, answered on the worker thread...)
    window.search.field.setText("silk (")
    window.refresh()  # (...after this one failed at once)
    settle(window)
    assert titles(window) == [SILK_ROAD]
    assert window.search.error.isVisible() and frame_colour(window) == ERROR_RED


def test_hits_are_marked_in_the_list_titles_and_the_editor(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    search(window, "silk forum")
    title = window.model.index(0, column("title"))
    assert [title.data()[a:b] for a, b in title.data(HITS_ROLE)] == ["Silk", "Forum"]
    other = window.model.index(0, column("source"))
    assert other.data(HITS_ROLE) is None
    # the list paints the hit: the hit's colour inside the title's cell
    rect = window.story_list.visualRect(title)
    image: QImage = window.story_list.viewport().grab(rect).toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert hit_format().background().color().name() in colours
    assert marked(window.editor.summary, is_hit) == ["Silk", "Forum", "forum", "Silk", "Silk", "Forum", "Silk"]
    search(window, "")  # no search: nothing marked
    assert window.model.index(0, column("title")).data(HITS_ROLE) == []
    assert marked(window.editor.summary, is_hit) == []


def test_pinyin_and_chinese_hits_are_marked_beside_glossary_terms(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    type_chinese(window, "走出")
    qtbot.waitUntil(lambda: titles(window)[0] == MYANMAR and len(titles(window)) == 2)
    assert marked(window.editor.summary, is_hit) == ["走出"]

    def term(f: QTextCharFormat) -> bool:
        return f.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine

    assert "".join(marked(window.editor.summary, term)) == "走出去民生项目"  # the glossary's terms keep their mark
    assert "".join(marked(window.editor.summary, lambda f: term(f) and is_hit(f))) == "走出"  # a hit within one too
    search(window, "fupin")
    assert titles(window) == [MYANMAR]
    title = window.model.index(0, column("title"))
    assert [title.data()[a:b] for a, b in title.data(HITS_ROLE)] == ["扶贫"]
    assert marked(window.editor.summary, is_hit) == ["扶贫"]
    assert not window.menu_actions["undo"].isEnabled()  # marking is not an edit


def test_the_list_names_tags_with_their_paths_in_the_tooltip_and_languages_by_name(window: MainWindow) -> None:
    row = titles(window).index(MYANMAR)
    tags = window.model.index(row, column("tags"))
    assert tags.data() == "Myanmar, Poverty alleviation"
    assert tags.data(Qt.ItemDataRole.ToolTipRole) == "Region/Asia/Myanmar\nTopic/Poverty alleviation"
    assert window.model.index(row, column("language")).data() == "Chinese (Simplified)"


def test_many_people_do_not_push_the_organisations_out_of_the_sidebar(qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
    people = [(EntityKind.PERSON, f"Delegate {n:03}") for n in range(440)]
    for n in range(2):
        stories.create_story(library, {"title": f"Forum day {n}"}, link=people)
    stories.create_story(
        library,
        {"title": MYANMAR},
        link=[(EntityKind.ORGANISATION, "China Foundation for Poverty Alleviation"), (EntityKind.PLACE, "Myanmar")],
    )
    win = opened(qtbot, library)
    organisations = entry(win, "Organisations")
    assert organisations.childCount() == 1 and not organisations.isHidden()
    assert organisations.child(0).text(0) == "China Foundation for Poverty Alleviation"
    assert entry(win, "Places").child(0).text(0) == "Myanmar"
    people_entry = entry(win, "People")
    assert people_entry.childCount() == 100 and people_entry.child(0).text(1) == "2"


def test_the_sidebar_shows_its_counts_without_reading_the_library(qtbot, library: Library, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The records a count lists are read with the count, on the search's
    thread: showing the counts makes the window wait for no query."""
    link = [(EntityKind.ORGANISATION, "China Foundation for Poverty Alleviation"), (EntityKind.PLACE, "Myanmar")]
    stories.create_story(library, {"title": MYANMAR}, link=link)
    win = opened(qtbot, library)
    read, reads, during = Library.read, [], []  # (reads on the GUI thread: the search's go on beside)
    gui_thread = threading.current_thread()
    monkeypatch.setattr(
        Library, "read", lambda self: (threading.current_thread() is gui_thread and reads.append(self)) or read(self)
    )
    show_counts = win.sidebar.show_counts

    def showing(result: object) -> None:
        before = len(reads)
        show_counts(result)  # type: ignore[arg-type]
        during.append(len(reads) - before)

    monkeypatch.setattr(win.sidebar, "show_counts", showing)
    search(win, "缅甸")
    assert during and set(during) == {0}
    assert entry(win, "China Foundation for Poverty Alleviation").text(1) == "1"
    assert entry(win, "Myanmar").text(1) == "1"


def test_an_empty_library_offers_import_and_new_story(qtbot, library: Library, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win = opened(qtbot, library)
    hint = win.empty_hint.text()
    assert win.empty_hint.isVisible() and 'href="import"' in hint and 'href="new"' in hint
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([], ""))  # (the user cancels)
    with qtbot.waitSignal(win.menu_actions["import"].triggered):
        win.empty_hint.linkActivated.emit("import")
    win.empty_hint.linkActivated.emit("new")
    qtbot.waitUntil(lambda: titles(win) == ["Untitled story"])
    assert not win.empty_hint.isVisible()


def test_the_sidebar_counts_of_the_last_session_come_back_until_the_library_changes(qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
    stories.create_story(library, {"title": "First"}, link=[(EntityKind.PLACE, "Myanmar")])
    saved = library.folder / saved_facets.FILE_NAME
    first = opened(qtbot, library)
    assert entry(first, "Myanmar").text(1) == "1" and saved.exists()  # (the first session's index, kept)
    first.close()
    stories.create_story(library, {"title": "Second"}, link=[(EntityKind.PLACE, "Myanmar")])  # (between sessions)
    second = opened(qtbot, library)
    assert entry(second, "Myanmar").text(1) == "2"  # (not the saved index: it is stale)
    second.close()
    unchanged = saved.stat().st_mtime_ns
    third = opened(qtbot, library)
    assert entry(third, "Myanmar").text(1) == "2" and saved.stat().st_mtime_ns == unchanged  # (read, not rebuilt)
