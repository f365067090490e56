"""The editor's Organisations, People and Places fields find records by
any of their names, never make a record without asking, and show records
by their names in the interface's language."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QMessageBox

from ngodesk.domain.models import EntityKind
from ngodesk.search.names import NameIndex
from ngodesk.services import entities, queries, stories
from ngodesk.services.library import add_sample_records
from ngodesk.store.library import Library
from ngodesk.ui import i18n, labels, record_finder
from ngodesk.ui.app import make_application
from ngodesk.ui.chips import ChipEdit
from ngodesk.ui.main_window import MainWindow
from ngodesk.ui.suggestions_view import SuggestionsDialog
from tests.test_gui import entry
from tests.test_gui_editing import open_window

TITLE = "中国扶贫基金会在缅甸开展民生项目"


@pytest.fixture
def window(qtbot, sample_library: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    add_sample_records(sample_library)
    stories.create_story(sample_library, {"title": TITLE, "published": "2019-03"})
    return open_window(qtbot, sample_library)


def _linked(win: MainWindow, kind: EntityKind) -> list[str]:
    story = queries.get_story(win.library, win.selected_ids()[0])
    return [e.name for e in story.entities if e.kind is kind]


def _type(qtbot, chips: ChipEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` in the field: Latin letters as keys, Chinese as an
    input method commits it."""
    chips.entry.setFocus()
    if text.isascii():
        qtbot.keyClicks(chips.entry, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        chips.entry.inputMethodEvent(event)


@pytest.mark.parametrize(
    ("kind", "typed", "offered"),
    [
        (EntityKind.ORGANISATION, "CFPA", "China Foundation for Poverty Alleviation (CFPA)"),
        (EntityKind.ORGANISATION, "cfpa", "China Foundation for Poverty Alleviation (CFPA)"),
        (EntityKind.ORGANISATION, "扶贫", "China Foundation for Poverty Alleviation (中国扶贫基金会)"),
        (EntityKind.ORGANISATION, "扶貧", "China Foundation for Poverty Alleviation (中国扶贫基金会)"),
        (EntityKind.ORGANISATION, "fupin", "China Foundation for Poverty Alleviation (中国扶贫基金会)"),
        (EntityKind.PLACE, "缅甸", "Myanmar (缅甸)"),
        (EntityKind.PLACE, "Burma", "Myanmar (Burma)"),
        (EntityKind.PLACE, "burma", "Myanmar (Burma)"),
    ],
)
def test_every_name_offers_the_record_and_enter_links_it(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, kind: EntityKind, typed: str, offered: str
) -> None:
    chips = window.editor.links[kind]
    _type(qtbot, chips, typed)
    qtbot.waitUntil(chips.popup_shown)
    assert chips.offered()[0] == offered
    qtbot.keyClick(chips.entry, Qt.Key.Key_Return)
    assert _linked(window, kind) == [offered.split(" (")[0]]
    assert chips.entry.text() == "" and not chips.popup_shown()


def test_enter_on_a_name_begun_links_the_record_the_popup_shows(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    places = window.editor.links[EntityKind.PLACE]
    before = len(queries.entities(window.library, EntityKind.PLACE))
    _type(qtbot, places, "Keny")
    qtbot.waitUntil(places.popup_shown)
    assert places.offered() == ["Kenya"]
    qtbot.keyClick(places.entry, Qt.Key.Key_Return)
    assert _linked(window, EntityKind.PLACE) == ["Kenya"] and places.entry.text() == ""
    assert len(queries.entities(window.library, EntityKind.PLACE)) == before  # (none made)
    assert window.menu_actions["undo"].text() == "&Undo Add Kenya"


def test_the_arrow_keys_choose_another_record_in_the_popup(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    organisations = window.editor.links[EntityKind.ORGANISATION]
    _type(qtbot, organisations, "red cross")
    qtbot.waitUntil(organisations.popup_shown)
    offered = organisations.offered()
    assert offered[0] == "Red Cross Society of China"  # (the name begins so; the others hold it)
    assert {"Chinese Red Cross Foundation", "Sri Lanka Red Cross Society"} <= set(offered)
    popup = organisations._finder.popup()  # type: ignore[union-attr]  # (a real keyboard's keys go to the popup)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert _linked(window, EntityKind.ORGANISATION) == [offered[1]]
    assert organisations.entry.text() == "" and not organisations.popup_shown()


def _answer(monkeypatch: pytest.MonkeyPatch, button: str, asked: list[str]) -> None:
    """Answer the question a new name asks by clicking ``button``."""

    def exec_(box: QMessageBox) -> None:
        asked.append(f"{box.text()} {box.informativeText()}")
        asked.append(" | ".join(sorted(b.text() for b in box.buttons())))
        next(b for b in box.buttons() if b.text() == button).click()

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def test_a_new_name_asks_and_links_the_record_meant(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    places = window.editor.links[EntityKind.PLACE]
    asked: list[str] = []
    _answer(monkeypatch, "Link Kenya", asked)
    _type(qtbot, places, "Kenia")
    assert not places.popup_shown()  # (nothing begins so)
    qtbot.keyClick(places.entry, Qt.Key.Key_Return)
    assert asked == ["Create a new place “Kenia”? Did you mean Kenya?", "Cancel | Create “Kenia” | Link Kenya"]
    assert _linked(window, EntityKind.PLACE) == ["Kenya"] and places.entry.text() == ""


def test_a_new_name_is_made_a_record_only_when_told(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    people = window.editor.links[EntityKind.PERSON]
    asked: list[str] = []
    _answer(monkeypatch, "Cancel", asked)
    _type(qtbot, people, "Wang Fang")
    qtbot.keyClick(people.entry, Qt.Key.Key_Return)
    assert asked[0] == "Create a new person “Wang Fang”? " and "Link" not in asked[1]  # (no person to suggest)
    assert _linked(window, EntityKind.PERSON) == [] and people.entry.text() == "Wang Fang"  # (kept to correct)
    assert queries.entities(window.library, EntityKind.PERSON) == []
    _answer(monkeypatch, "Create “Wang Fang”", asked)
    qtbot.keyClick(people.entry, Qt.Key.Key_Return)
    assert _linked(window, EntityKind.PERSON) == ["Wang Fang"] and people.entry.text() == ""
    _type(qtbot, window.editor.links[EntityKind.PERSON], "wang")
    qtbot.waitUntil(people.popup_shown)  # (the new record is offered from now on)
    assert people.offered() == ["Wang Fang"]
    people.entry.clear()
    window.menu_actions["undo"].trigger()
    assert queries.entities(window.library, EntityKind.PERSON) == []  # (undo takes the new record away)


def test_escape_closes_the_popup_and_then_enter_asks(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    places = window.editor.links[EntityKind.PLACE]
    asked: list[str] = []
    _answer(monkeypatch, "Create “Ken”", asked)
    _type(qtbot, places, "Ken")
    qtbot.waitUntil(places.popup_shown)
    qtbot.keyClick(places._finder.popup(), Qt.Key.Key_Escape)  # type: ignore[union-attr]  # (the popup has the keys)
    assert not places.popup_shown() and places.entry.text() == "Ken"
    qtbot.keyClick(places.entry, Qt.Key.Key_Return)
    assert asked[0] == "Create a new place “Ken”? Did you mean Kenya?"
    assert _linked(window, EntityKind.PLACE) == ["Ken"]


@pytest.fixture
def chinese() -> Iterator[None]:
    """The interface in Chinese while the test runs."""
    app = make_application()
    assert i18n.install(app, "zh_CN") == "zh_CN"
    yield
    i18n.install(app, "en")


def test_the_chinese_interface_shows_records_by_their_chinese_names(  # type: ignore[no-untyped-def]
    qtbot, sample_library: Library, chinese: None, monkeypatch
) -> None:
    add_sample_records(sample_library)
    stories.create_story(
        sample_library,
        {"title": TITLE},
        link=[("organisation", "China Foundation for Poverty Alleviation"), ("place", "Myanmar")],
    )
    win = open_window(qtbot, sample_library)
    organisations = win.editor.links[EntityKind.ORGANISATION]
    assert organisations.labels() == ["中国扶贫基金会"]
    assert organisations.values() == ["China Foundation for Poverty Alleviation"]
    assert win.editor.links[EntityKind.PLACE].labels() == ["缅甸"]
    _type(qtbot, organisations, "CFPA")
    qtbot.waitUntil(organisations.popup_shown)
    assert organisations.offered()[0].startswith("中国扶贫基金会")
    assert entry(win, "中国扶贫基金会").text(1) == "1" and entry(win, "缅甸") is not None  # (the sidebar's facets)
    records = win.show_records()
    shown = [records.table.item(r, 0).text() for r in range(records.table.rowCount())]
    assert shown[:2] == ["爱德基金会", "北京师范大学"]  # (by pinyin: ai de, bei jing)
    other_names = records.table.item(shown.index("中国扶贫基金会"), 2).text()
    assert other_names.startswith("China Foundation for Poverty Alleviation, 中國扶貧基金會 ★, CFPA")
    records.find_text.setText("miandian")  # (pinyin finds the record in the authority file too)
    assert [records.table.item(r, 0).text() for r in range(records.table.rowCount())] == ["缅甸"]
    records.close()
    organisations.chips.linkActivated.emit("chip:0")  # (removing by the chip shown)
    assert [e.name for e in queries.get_story(sample_library, win.selected_ids()[0]).entities] == ["Myanmar"]
    assert "中国扶贫基金会" in win.menu_actions["undo"].text()  # (the step named as the chip was)
    shown: list[str] = []

    def review(dialog: SuggestionsDialog) -> int:
        shown.extend(dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount()))
        return SuggestionsDialog.DialogCode.Rejected

    monkeypatch.setattr(SuggestionsDialog, "exec", review)
    job = win.story_tools.suggest_records()  # (Story > Suggest Records names them in Chinese too)
    assert job is not None
    with qtbot.waitSignal(job.ended, timeout=60_000):
        pass
    assert shown == ["中国扶贫基金会"]  # (the story names it, and it was unlinked above)


def test_names_are_read_while_the_user_starts_typing_and_follow_new_records(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch
) -> None:
    """Focus on a record field reads every kind's names on a worker thread
    (the GUI thread never reads a whole library's names); a record made
    meanwhile is found too."""
    read_on: list[threading.Thread] = []  # (the threads the names were read on)

    def watched(*args: object) -> NameIndex:
        read_on.append(threading.current_thread())
        return labels.record_index(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(record_finder, "record_index", watched)
    organisations = window.editor.links[EntityKind.ORGANISATION]
    organisations.entry.setFocus()
    qtbot.waitUntil(organisations.entry.hasFocus)
    qtbot.waitUntil(lambda: len(read_on) >= len(EntityKind))
    changes = entities.add_missing(window.library, [{"kind": "organisation", "name": "Amity Foundation Kenya Office"}])
    window.commands.hub.changed.emit(changes, None)
    _type(qtbot, organisations, "Amity Foundation K")
    qtbot.waitUntil(organisations.popup_shown)
    assert organisations.offered()[0] == "Amity Foundation Kenya Office"
    assert threading.main_thread() not in read_on
