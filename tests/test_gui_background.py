"""Work the window does in the background beside its tasks (``Latest``
Jobs): the saved searches' counts in the sidebar and the names the record
fields offer. Each shows its result, says its failure, gives way to a
newer request, and stops when the window closes without crashing it or
keeping it open for long."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QInputDialog, QWidget

from ngodesk.domain.models import EntityKind
from ngodesk.services import entities, queries, story_collections
from ngodesk.services.library import open_library
from ngodesk.store.library import Library
from ngodesk.ui.app import Windows, make_application
from ngodesk.ui.jobs import Latest
from ngodesk.ui.main_window import MainWindow
from tests.test_gui import entry
from tests.test_gui_editing import open_window

#: Seconds each saved search takes to count in the slow library below.
SLOW_S = 0.3


def _save_searches(library: Library, count: int) -> None:
    """``count`` saved searches, each for the stories naming Kenya."""
    for number in range(count):
        story_collections.save_search(library, f"Kenya {number}", "Kenya")


def _kenya_stories(library: Library) -> int:
    return len(queries.matching_ids(library, "Kenya"))


@pytest.fixture
def slow_counts(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Counting a saved search takes SLOW_S more (a slow disk); the event is
    set once a count has begun."""
    begun, real = threading.Event(), story_collections.count

    def slow(library: Library, view: story_collections.CollectionView) -> int:
        begun.set()
        time.sleep(SLOW_S)
        return real(library, view)

    monkeypatch.setattr(story_collections, "count", slow)
    return begun


def test_saved_searches_are_counted_once_the_window_shows(qtbot, sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    _save_searches(sample_library, 3)
    found = _kenya_stories(sample_library)
    window = open_window(qtbot, sample_library)
    for number in range(3):
        qtbot.waitUntil(lambda n=number: entry(window, f"Kenya {n}").text(1) == str(found))


def test_closing_the_window_while_saved_searches_are_counted_stops_the_counting(  # type: ignore[no-untyped-def]
    qtbot, sample_library: Library, slow_counts: threading.Event
) -> None:
    """The window closes at once (the count under way ends, the rest are not
    made), the process goes on, and the library opens again."""
    _save_searches(sample_library, 20)  # (6 s of counting)
    folder = sample_library.folder
    sample_library.close()
    make_application()
    windows = Windows()
    window = windows.open(str(folder))
    assert window is not None
    assert slow_counts.wait(10)
    assert entry(window, "Kenya 19").text(1) == "…"  # (still counting)
    began = time.monotonic()
    window.close()  # (once the opening check, if still running, has stopped)
    qtbot.waitUntil(lambda: not windows.windows)
    assert time.monotonic() - began < 10 * SLOW_S  # (not the 6 s the counts take)
    with open_library(folder) as again:  # (closed cleanly: its lock let go)
        assert len(story_collections.collections(again, counted=False)) == 20


def test_a_search_saved_while_counting_shows_the_counts_of_now(  # type: ignore[no-untyped-def]
    qtbot, sample_library: Library, slow_counts: threading.Event, monkeypatch
) -> None:
    """A search saved while the others are counted starts the counting
    again (the count under way gives way); every entry ends with its count."""
    _save_searches(sample_library, 3)
    found = _kenya_stories(sample_library)
    window = open_window(qtbot, sample_library)
    assert slow_counts.wait(10)
    window.search.field.setText("Nepal")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Newest", True))
    window.sidebar.save_search()
    newest = len(queries.matching_ids(window.library, "Nepal"))
    qtbot.waitUntil(lambda: entry(window, "Newest").text(1) == str(newest), timeout=15_000)
    assert [entry(window, f"Kenya {n}").text(1) for n in range(3)] == [str(found)] * 3


def test_names_that_cannot_be_read_are_said_in_the_status_bar(  # type: ignore[no-untyped-def]
    qtbot, sample_library: Library, monkeypatch
) -> None:
    window: MainWindow = open_window(qtbot, sample_library)

    def broken(*_: object) -> object:
        raise RuntimeError("the names broke")

    monkeypatch.setattr(entities, "names_of", broken)
    window.editor.links[EntityKind.PLACE].entry.setFocus()  # (starts reading the names)
    qtbot.waitUntil(lambda: "Could not read the records' names" in window.statusBar().currentMessage())
    assert "RuntimeError: the names broke" in window.statusBar().currentMessage()


# -- Latest itself, with real threads ------------------------------------


def _step(name: str, ran: list[str], release: threading.Event) -> Callable[[], str]:
    def run() -> str:
        ran.append(name)
        assert release.wait(10)
        return name

    return run


def test_a_newer_run_supersedes_an_older_one_which_stops_at_its_next_step(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_application()
    owner = QWidget()
    qtbot.addWidget(owner)
    latest = Latest(owner, "Counting")
    ran: list[str] = []
    delivered: list[list[str]] = []
    failures: list[str] = []
    latest.failed.connect(failures.append)
    first, second = threading.Event(), threading.Event()
    latest.run([_step("old 1", ran, first), _step("old 2", ran, first)], delivered.append)
    qtbot.waitUntil(lambda: ran == ["old 1"])
    latest.run([_step("new", ran, second)], delivered.append)
    first.set()  # (the old run's step ends: it stops there)
    second.set()
    qtbot.waitUntil(lambda: not latest.running())
    latest.stop()  # (waits for the old one too)
    assert delivered == [["new"]]
    assert "old 2" not in ran and failures == []


def test_the_newest_failure_is_said_and_stop_waits_without_delivering(qtbot) -> None:  # type: ignore[no-untyped-def]
    make_application()
    owner = QWidget()
    qtbot.addWidget(owner)
    latest = Latest(owner, "Counting")
    failures: list[str] = []
    latest.failed.connect(failures.append)

    def broken() -> str:
        raise RuntimeError("a bug")

    latest.run([broken], print)
    qtbot.waitUntil(lambda: bool(failures))
    assert failures == ["Unexpected error: RuntimeError: a bug"]
    ran: list[str] = []
    delivered: list[list[str]] = []
    release = threading.Event()
    latest.run([_step("1", ran, release), _step("2", ran, release)], delivered.append)
    qtbot.waitUntil(lambda: ran == ["1"])
    threading.Timer(SLOW_S, release.set).start()
    latest.stop()  # (blocks until the step under way returns)
    assert ran == ["1"] and delivered == [] and not latest.running()
    latest.run([_step("after", ran, release)], delivered.append)  # (nothing runs after stop)
    assert ran == ["1"] and not latest.running()
