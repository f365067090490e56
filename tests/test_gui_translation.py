"""The editor's translation tab: originals beside translations, saving with
status and translator, one undo step per save, scrolling together."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ngodesk.domain.models import Translation, TranslationStatus
from ngodesk.services import queries, stories, translations
from ngodesk.store.library import Library
from ngodesk.ui.app import make_application
from ngodesk.ui.main_window import MainWindow
from tests.test_gui import settle
from tests.test_gui_glossary import select_story

LONG_ZH = "\n".join(f"第{i}段：中国民间组织在海外开展民生项目。" for i in range(60))
LONG_EN = "\n".join(f"Paragraph {i}: Chinese NGOs run livelihood projects abroad." for i in range(60))


@pytest.fixture
def window(qtbot, library: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    make_application()
    story = stories.create_story(
        library, {"title": "中国民间组织走出去", "summary": "专家讨论。", "body": LONG_ZH, "language": "zh"}
    ).id
    translations.set_translations(library, story, [Translation("body", "en", LONG_EN, translator="Li")])
    win = MainWindow(library)
    win.resize(1400, 900)
    qtbot.addWidget(win)
    win.show()
    select_story(win, "中国民间组织走出去")
    win.editor.tabs.setCurrentWidget(win.editor.translation)
    return win


def stored(window: MainWindow) -> dict[tuple[str, str], tuple[str, TranslationStatus, str]]:
    assert window.editor.story is not None
    view = queries.get_story(window.library, window.editor.story.id)
    return {(t.field, t.language): (t.text, t.status, t.translator) for t in view.translations}


def test_originals_sit_beside_the_translations_of_the_chosen_language(window: MainWindow) -> None:
    pane = window.editor.translation
    assert pane.code == "en"
    assert pane.originals["title"].text() == "中国民间组织走出去" and pane.originals["title"].isReadOnly()
    assert pane.translations["body"].toPlainText() == LONG_EN
    assert pane.statuses["body"].currentData() == "draft" and pane.statuses["title"].currentData() == "untranslated"
    pane.language.setCurrentIndex(pane.language.findData("zh-Hant"))
    assert pane.translations["body"].toPlainText() == ""


def test_typing_saves_a_draft_with_its_translator_and_undo_takes_it_back(window: MainWindow) -> None:
    pane = window.editor.translation
    pane.translator.setText("Wang Fang")
    pane.translations["title"].setFocus()
    QTest.keyClicks(pane.translations["title"], "Chinese NGOs going out")
    assert pane.statuses["title"].currentData() == "draft"  # typing makes it a draft
    QTest.qWait(1000)  # saved shortly after typing stops
    assert stored(window)[("title", "en")] == ("Chinese NGOs going out", TranslationStatus.DRAFT, "Wang Fang")
    pane.statuses["title"].setCurrentIndex(pane.statuses["title"].findData("reviewed"))
    pane.statuses["title"].activated.emit(pane.statuses["title"].currentIndex())
    assert stored(window)[("title", "en")][1] is TranslationStatus.REVIEWED
    QTest.keyClicks(pane.translations["title"], "!")
    assert pane.statuses["title"].currentData() == "draft"  # (a changed text is not the one reviewed)
    QTest.qWait(1000)
    assert stored(window)[("title", "en")][1] is TranslationStatus.DRAFT
    window.menu_actions["undo"].trigger()
    assert stored(window)[("title", "en")][1] is TranslationStatus.REVIEWED
    window.menu_actions["undo"].trigger()
    assert stored(window)[("title", "en")][1] is TranslationStatus.DRAFT
    window.menu_actions["undo"].trigger()
    assert ("title", "en") not in stored(window) and pane.translations["title"].text() == ""


def test_marking_a_field_untranslated_clears_it(window: MainWindow) -> None:
    pane = window.editor.translation
    pane.statuses["body"].setCurrentIndex(pane.statuses["body"].findData("untranslated"))
    pane.statuses["body"].activated.emit(pane.statuses["body"].currentIndex())
    assert ("body", "en") not in stored(window)


def test_a_translation_typed_before_moving_to_another_story_is_saved(window: MainWindow) -> None:
    window.hub.publish(stories.create_story(window.library, {"title": "Another story"}).changes)
    pane = window.editor.translation
    pane.translations["summary"].setPlainText("Experts discuss.")
    select_story(window, "Another story")
    window.story_list.setFocus()
    QTest.qWait(50)
    select_story(window, "中国民间组织走出去")
    assert stored(window)[("summary", "en")][0] == "Experts discuss."


def test_the_original_and_its_translation_scroll_together(window: MainWindow) -> None:
    pane = window.editor.translation
    QTest.qWait(50)
    original, translated = pane.originals["body"].verticalScrollBar(), pane.translations["body"].verticalScrollBar()
    assert original.maximum() > 0 and translated.maximum() > 0
    original.setValue(original.maximum() // 2)
    # (line-based and laid out lazily: the same share, give or take a few lines)
    assert 0.35 <= translated.value() / translated.maximum() <= 0.65
    translated.setValue(translated.maximum())
    assert original.value() == original.maximum()


def test_the_list_can_show_each_storys_translation_status(window: MainWindow) -> None:
    pane = window.editor.translation
    pane.translations["title"].setText("Chinese NGOs going out")
    pane._edited("title")
    pane.statuses["title"].setCurrentIndex(pane.statuses["title"].findData("reviewed"))
    pane.flush()
    model = window.story_list.model()
    column = next(
        c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Translations"
    )
    assert window.story_list.horizontalHeader().isSectionHidden(column)  # shown from the header's menu
    select_story(window, "中国民间组织走出去")
    row = window.story_list.currentIndex().row()
    assert model.index(row, column).data() == "en draft"  # the body is still a draft
    body = pane.statuses["body"]
    body.setCurrentIndex(body.findData("reviewed"))
    body.activated.emit(body.currentIndex())
    settle(window)
    assert model.index(row, column).data() == "en reviewed"


def test_typing_on_after_a_save_keeps_the_cursor_and_a_language_switch_keeps_the_text(window: MainWindow) -> None:
    pane = window.editor.translation
    title = pane.translations["title"]
    title.setFocus()
    QTest.keyClicks(title, "Chinese NGOs ")
    QTest.qWait(1000)  # saved (trimmed) while the cursor stays at the end
    QTest.keyClicks(title, "going out")
    pane.flush()
    assert stored(window)[("title", "en")][0] == "Chinese NGOs going out"
    pane.translations["summary"].setPlainText("正在翻译的摘要")
    pane._edited("summary")
    pane.language.setCurrentIndex(pane.language.findData("zh-Hant"))  # before the save was due
    assert stored(window)[("summary", "en")][0] == "正在翻译的摘要"
    assert pane.translations["summary"].toPlainText() == ""


def test_the_sidebar_counts_and_filters_translation_states(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from tests.test_gui import click, entry, titles

    window.refresh()
    assert entry(window, "English: Draft").text(1) == "1"
    click(qtbot, window, "English: Draft")
    assert titles(window) == ["中国民间组织走出去"]


def test_a_story_is_not_offered_for_translation_into_its_own_language(window: MainWindow) -> None:
    """An English story showed "translate into English" after a Chinese one."""
    pane = window.editor.translation
    created = stories.create_story(window.library, {"title": "Lion Lights for Kenya", "language": "en"})
    window.hub.publish(created.changes)
    english = created.id
    select_story(window, "Lion Lights for Kenya")
    assert window.editor.story is not None and window.editor.story.id == english
    assert pane.code == "zh-Hans" and pane.language.currentData() == pane.code
    select_story(window, "中国民间组织走出去")  # (zh: not into zh-Hans; into English, which it has)
    assert pane.code == "en"
    pane.language.setCurrentIndex(pane.language.findData("zh-Hant"))
    select_story(window, "Lion Lights for Kenya")
    assert pane.code == "zh-Hant"
