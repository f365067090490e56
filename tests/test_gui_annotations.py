"""The Annotations panel: annotating a selection, highlights, choosing an
annotation selects its passage, orphans shown as such, undo."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from ngodesk.domain.models import ChangeSet, Translation
from ngodesk.services import annotating, stories, translations
from ngodesk.store.library import Library
from ngodesk.ui.app import make_application
from ngodesk.ui.main_window import MainWindow
from tests.test_gui_glossary import select_story

SUMMARY = "中国扶贫基金会在缅甸开展民生项目，𠀀字也在。"


@pytest.fixture
def window(qtbot, library: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    make_application()
    story = stories.create_story(library, {"title": "民生项目在缅甸", "summary": SUMMARY, "language": "zh"}).id
    translations.set_translations(library, story, [Translation("summary", "en", "Livelihood projects in Myanmar.")])
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    win.annotations_dock.show()
    select_story(win, "民生项目在缅甸")
    return win


def select(widget, text: str, words: str) -> None:  # type: ignore[no-untyped-def]
    """Select ``words`` in a plain-text widget as a user drags over them."""
    start = len(text[: text.index(words)].encode("utf-16-le")) // 2
    cursor = widget.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(words.encode("utf-16-le")) // 2, QTextCursor.MoveMode.KeepAnchor)
    widget.setFocus()
    widget.setTextCursor(cursor)


def test_a_selection_becomes_an_annotation_listed_and_highlighted(window: MainWindow) -> None:
    panel, summary = window.annotations, window.editor.summary
    select(summary, SUMMARY, "民生项目")
    panel.body.setPlainText("livelihood projects")
    panel.kind.setCurrentIndex(panel.kind.findData("rendering"))
    panel.annotate.click()
    (view,) = annotating.annotations(window.library)
    assert (view.exact, view.kind.value, view.body, view.field, view.language) == (
        "民生项目",
        "rendering",
        "livelihood projects",
        "summary",
        "",
    )
    assert panel.list.count() == 1 and "“民生项目”" in panel.list.item(0).text()
    (mark,) = summary.extraSelections()
    assert mark.cursor.selectedText() == "民生项目"
    summary.moveCursor(QTextCursor.MoveOperation.Start)
    panel.list.setCurrentRow(0)  # choosing it selects its passage
    assert summary.textCursor().selectedText() == "民生项目"
    window.undo_stack.undo()
    assert annotating.annotations(window.library) == [] and panel.list.count() == 0


def test_passages_after_wide_characters_and_in_translations(window: MainWindow) -> None:
    panel, summary = window.annotations, window.editor.summary
    select(summary, SUMMARY, "字也")  # (after 𠀀, two UTF-16 units in Qt, one character in Python)
    panel.body.setPlainText("a note")
    panel.annotate.click()
    window.editor.tabs.setCurrentWidget(window.editor.translation)
    english = window.editor.translation.translations["summary"]
    select(english, english.toPlainText(), "Myanmar")
    panel.body.setPlainText("缅甸")
    panel.annotate.click()
    found = {(a.exact, a.language) for a in annotating.annotations(window.library)}
    assert found == {("字也", ""), ("Myanmar", "en")}
    assert any("Summary (English)" in panel.list.item(i).text() for i in range(panel.list.count()))


def test_an_orphaned_annotation_says_so_and_nothing_is_made_without_a_selection(window: MainWindow) -> None:
    panel, summary = window.annotations, window.editor.summary
    select(summary, SUMMARY, "缅甸")
    panel.body.setPlainText("Myanmar")
    panel.annotate.click()
    assert window.editor.story is not None
    stories.edit_story(window.library, window.editor.story.id, {"summary": SUMMARY.replace("缅甸", "柬埔寨")})
    window.hub.publish(ChangeSet(stories_changed=frozenset({window.editor.story.id})))
    assert "no longer in the text" in panel.list.item(0).text()
    assert summary.extraSelections() == []
    summary.moveCursor(QTextCursor.MoveOperation.Start)
    panel.body.setPlainText("another")
    panel.annotate.click()
    assert panel.list.count() == 1 and "Select the words" in panel.hint.text()


def test_words_selected_before_saving_trims_the_text_land_on_the_same_words(window: MainWindow) -> None:
    panel, body = window.annotations, window.editor.body
    body.setFocus()
    body.setPlainText("\n\n  缅甸的民生项目")  # (saved without the leading blank lines)
    select(body, body.toPlainText(), "民生项目")
    panel.body.setPlainText("note")
    panel.annotate.click()
    (view,) = annotating.annotations(window.library)
    assert view.exact == "民生项目" and (view.start, view.end) == (3, 7)


def test_a_glossary_term_annotation_links_the_term_the_words_are(window: MainWindow) -> None:
    from ngodesk.domain.models import TermRecord
    from ngodesk.services import glossary

    panel, summary = window.annotations, window.editor.summary
    glossary.create_term(window.library, TermRecord("缅甸", "Myanmar"))
    created = glossary.create_term(window.library, TermRecord("民生项目", "livelihood projects"))
    window.hub.publish(created.changes)
    panel.kind.setCurrentIndex(panel.kind.findData("term"))
    assert panel.term.isVisible() and panel.term.count() == 3  # (and no term)
    select(summary, SUMMARY, "民生项目")  # the term the words are is chosen
    assert panel.term.currentText() == "民生项目 — livelihood projects"
    panel.annotate.click()
    (view,) = annotating.annotations(window.library)
    (uuid,) = [term.uuid for _, term in glossary.terms(window.library) if term.term == "民生项目"]
    assert (view.kind.value, view.term_uuid, view.exact) == ("term", uuid, "民生项目")
    assert "民生项目 → livelihood projects" in panel.list.item(0).text()
    select(summary, SUMMARY, "中国")  # words that are no term: none is chosen
    assert panel.term.currentData() == ""
    panel.kind.setCurrentIndex(panel.kind.findData("comment"))
    assert not panel.term.isVisible()
