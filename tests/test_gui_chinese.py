"""The interface in Chinese without gaps, and counts that read right in
English: menus with one mnemonic per item, a toolbar without "(N)", query
errors and undo steps in Chinese, plural forms through Qt's %n."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMenu, QToolBar

from ngodesk.domain.errors import ValidationError
from ngodesk.services import fields, stories, story_merge
from ngodesk.store.library import Library
from ngodesk.ui import i18n
from ngodesk.ui.app import make_application
from ngodesk.ui.labels import record_kind
from ngodesk.ui.main_window import MainWindow
from ngodesk.ui.merge_view import MergeStoriesDialog
from tests.test_gui import settle
from tests.test_gui_glossary import select_story
from tests.test_gui_search import opened

TITLE = "中国民间组织走出去"


def _window(qtbot, library: Library, language: str) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The window in ``language`` (chosen before it is made, as at start-up)."""
    app = make_application()
    assert i18n.install(app, language) == language
    try:
        stories.create_story(library, {"title": TITLE, "summary": "专家讨论。", "language": "zh"})
        win = opened(qtbot, library)
        win.resize(1024, 600)
        settle(win)
        yield win
    finally:
        i18n.install(app, "en")


@pytest.fixture(params=["en", "zh_CN"])
def window(request, qtbot, library: Library) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    yield from _window(qtbot, library, request.param)


@pytest.fixture
def chinese(qtbot, library: Library) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    yield from _window(qtbot, library, "zh_CN")


def mnemonic(text: str) -> str:
    """The key that goes with ``text`` in its menu ("" when none)."""
    found = re.findall(r"&([^&\s])", text.replace("&&", ""))
    return found[0].lower() if found else ""


def menus(win: MainWindow) -> Iterator[tuple[str, list[str]]]:
    """Every menu of the menu bar and its submenus: (title, item texts),
    the menus filled as they are when opened."""
    todo: list[tuple[str, list]] = [("", win.menuBar().actions())]
    while todo:
        title, actions = todo.pop()
        yield title, [a.text() for a in actions if not a.isSeparator() and a.isVisible()]
        for action in actions:
            if isinstance(menu := action.menu(), QMenu):
                menu.aboutToShow.emit()
                todo.append((action.text(), menu.actions()))


def test_every_menu_has_one_mnemonic_per_item(window: MainWindow) -> None:
    """In English and in Chinese: Alt and a letter reach one item only."""
    clashes = {}
    for title, texts in menus(window):
        keys = [mnemonic(text) for text in texts if mnemonic(text)]
        if doubles := {key for key in keys if keys.count(key) > 1}:
            clashes[title] = sorted(doubles)
    assert clashes == {}
    file_menu = dict(menus(window))[window.menuBar().actions()[0].text()]
    assert len(file_menu) >= 10  # (the walk saw the File menu's items)


def test_the_chinese_toolbar_shows_its_labels_without_mnemonics(chinese: MainWindow) -> None:
    toolbar = chinese.findChild(QToolBar)
    labels = [toolbar.widgetForAction(a).text() for a in toolbar.actions() if not a.isSeparator()]
    assert "新建报道" in labels and "导入" in labels
    assert [label for label in labels if re.search(r"\(.\)|&", label)] == []
    assert "新建报道(&N)" in [a.text() for a in chinese.menuBar().actions()[3].menu().actions()]  # (the menu keeps it)


def test_a_bad_query_is_explained_in_chinese(chinese: MainWindow) -> None:
    chinese.search.field.setText("silk (NGO")
    settle(chinese)
    said = chinese.search.error.text()
    assert chinese.search.error.isVisible() and "第 6 列" in said
    assert not re.search("[A-Za-z]{3}", said.replace("silk", "")), said
    chinese.search.field.setText("silk fld:x")
    settle(chinese)
    assert "字段" in chinese.search.error.text() and "Fields are" not in chinese.search.error.text()


def test_an_undo_step_names_the_field_in_chinese(qtbot, chinese: MainWindow) -> None:  # type: ignore[no-untyped-def]
    select_story(chinese, TITLE)
    pane = chinese.editor.translation
    chinese.editor.tabs.setCurrentWidget(pane)
    pane.translations["title"].setFocus()
    QTest.keyClicks(pane.translations["title"], "Chinese NGOs going out")
    qtbot.waitUntil(lambda: "标题" in chinese.menu_actions["undo"].text(), timeout=5000)
    assert chinese.menu_actions["undo"].text() == "撤销翻译标题(&U)"


def test_counts_take_their_plural_form_in_english(qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
    """ "%n stories" is "1 story" in English, whatever the count's place."""
    window = next(_window(qtbot, library, "en"))
    assert window.count_label.text() == "1 of 1 story"
    assert record_kind("stories", 1) == "1 story" and record_kind("stories", 20000) == "20,000 stories"
    assert QCoreApplication.translate("ExportFlow", "Export %Ln Stories", "", 1) == "Export 1 Story"
    assert QCoreApplication.translate("ExportFlow", "Exported %Ln stories to {path}", "", 20000).startswith(
        "Exported 20,000 "
    )
    i18n.install(make_application(), "en")


def test_the_merge_dialog_names_statuses_and_languages_in_chinese(qtbot, chinese: MainWindow) -> None:  # type: ignore[no-untyped-def]
    first = stories.create_story(chinese.library, {"title": "A", "language": "zh"}).id
    other = stories.create_story(chinese.library, {"title": "A", "status": "reviewed", "language": "en"}).id
    dialog = MergeStoriesDialog(*story_merge.sides(chinese.library, first, other), "标题相同", chinese)
    qtbot.addWidget(dialog)
    shown = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"草稿", "已审校", "英语"} <= shown and not shown & {"draft", "reviewed", "en", "zh"}


def test_a_refusal_names_the_field_in_chinese(chinese: MainWindow) -> None:
    """What the editor shows after "未保存：" names the field as its label does."""
    with pytest.raises(ValidationError) as refused:
        fields.clean("published", "May 2018")
    assert str(refused.value).startswith("发布日期：") and "不是日期" in str(refused.value)
    with pytest.raises(ValidationError) as too_long:
        fields.clean("summary", "x" * (fields.LIMITS["summary"] + 1))
    assert str(too_long.value).startswith("摘要：") and "summary" not in str(too_long.value)


def test_the_program_holding_a_library_is_described_in_chinese(chinese: MainWindow) -> None:
    """The box saying a library is open elsewhere was half English."""
    from ngodesk.store.lock import describe_holder

    info = {"program": "ngodesk", "pid": 4242, "host": "field-laptop", "user": "lin", "since": "2026-12-07T09:00"}
    assert describe_holder(info) == "ngodesk（field-laptop 上的进程 4242，用户 lin，自 2026-12-07T09:00 起）"
    assert describe_holder({}) == "另一个进程"
