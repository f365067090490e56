"""Typing and searching in the main window: an unfinished query keeps what
is shown, hits are marked in the list and the editor, the list names tags
and languages readably, every kind of record keeps its facet, and an empty
library offers Import and New Story."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ngodesk.domain.models import EntityKind
from ngodesk.services import glossary, stories
from ngodesk.store.library import Library
from ngodesk.ui.app import make_application
from ngodesk.ui.main_window import MainWindow
from ngodesk.ui.story_model import COLUMNS
from tests.test_gui import entry, settle, titles

MYANMAR = "中国扶贫基金会在缅甸开展民生项目"


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


def column(name: str) -> int:
    return [key for key, _ in COLUMNS].index(name)


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
