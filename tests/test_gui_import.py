"""A large import as the user lives it: progress in the status bar (counts,
the title being written, rate and time left) while the window stays usable,
the new stories under "Last import", one Undo that takes back exactly them,
and Cancel part-way that changes nothing. (20,000 stories: see
benchmarks/import_undo.py; here a few thousand keep the run short.)"""

from __future__ import annotations

import importlib.util
import re
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ngodesk.services import queries
from ngodesk.store.library import Library
from ngodesk.ui.main_window import MainWindow
from tests.test_gui import entry, settle, titles
from tests.test_gui_editing import open_window

#: More than the 2,000 stories an import could be undone with before (and
#: ImportStories.OFF_THREAD: undone in the background), and more than one
#: chunk (the importer writes 2,000 records at a time).
SIZE = 2500
GENERATE = Path(__file__).parent.parent / "benchmarks" / "generate.py"
PROGRESS = re.compile(r"^Importing ([\d,]+) of ([\d,]+) — (.+)")


@pytest.fixture(scope="module")
def ris_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A RIS file of SIZE generated stories, written by ngodesk's writer."""
    spec = importlib.util.spec_from_file_location("generate", GENERATE)
    assert spec is not None and spec.loader is not None
    generate = sys.modules[spec.name] = importlib.util.module_from_spec(spec)  # (its dataclasses look it up)
    spec.loader.exec_module(generate)
    path = tmp_path_factory.mktemp("import") / "stories.ris"
    generate.write_ris(generate.records(SIZE), path)
    return path


@pytest.fixture
def window(qtbot, sample_library: Library, monkeypatch) -> MainWindow:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(f"a message box: {box.text()}"))
    return open_window(qtbot, sample_library)


def listed(win: MainWindow) -> int:
    settle(win)
    return len(win.model.ids())


def ended_after(qtbot, win: MainWindow, start: Callable[[], None]) -> list[str]:  # type: ignore[no-untyped-def]
    """What the status bar's progress said while the job ``start`` started
    ran, once it has ended."""
    start()
    job = win.jobs.job
    assert job is not None and job.running() and win.jobs.status.isVisible()
    said = [win.jobs.status.text()]
    with qtbot.waitSignal(job.ended, timeout=120_000):
        pass
    return said


def test_a_large_import_shows_progress_keeps_the_window_usable_and_is_one_undo_step(
    qtbot, window: MainWindow, ris_file: Path
) -> None:  # type: ignore[no-untyped-def]
    before = sorted(titles(window))
    base, steps = len(before), window.undo_stack.count()
    texts: list[str] = []
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    job = window.import_flow.import_files([str(ris_file)])
    assert job is not None
    job.progressed.connect(lambda *_: texts.append(window.jobs.status.text()))
    assert window.jobs.status.isVisible() and QApplication.activeModalWidget() is None
    with qtbot.waitSignal(job.ended, timeout=120_000):
        pass
    timer.stop()

    counted = [m for text in texts if (m := PROGRESS.match(text))]
    assert counted, texts
    assert counted[-1].group(2) == f"{SIZE:,}" and counted[-1].group(1) == f"{SIZE:,}"
    assert not window.jobs.status.isVisible()
    # the window kept handling events while the import ran (no modal dialog, no long freeze): a window
    # that waited for the import would show one gap as long as the whole import (the bound grows with a
    # loaded machine's import, so that only a freeze fails, not a slow machine)
    longest = max(b - a for a, b in zip(ticks, ticks[1:], strict=False))
    assert longest < max(2.0, (ticks[-1] - ticks[0]) / 2), (longest, ticks[-1] - ticks[0])
    assert f"Imported {SIZE:,}; skipped 0 already in the library." in window.statusBar().currentMessage()

    # the new stories are listed as "Last import", not all left selected
    last = entry(window, "Last import")
    assert last.text(1) == f"{SIZE:,}" and last.text(0) == "✓ Last import"
    assert listed(window) == SIZE and len(window.selected_ids()) <= 1
    assert queries.info(window.library)["stories"] == base + SIZE

    # one Undo takes back exactly them, whatever their number
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == f"Import {SIZE:,} Stories"
    # (off the GUI thread: the status bar says so meanwhile)
    undone = ended_after(qtbot, window, window.undo)
    assert undone == [f"Undoing “Import {SIZE:,} Stories”…"]
    assert queries.info(window.library)["stories"] == base and window.undo_stack.index() == steps
    assert sorted(titles(window)) == before
    assert window.sidebar.last_import is None
    assert ended_after(qtbot, window, window.undo_flow.redo) == [f"Redoing “Import {SIZE:,} Stories”…"]
    assert queries.info(window.library)["stories"] == base + SIZE
    assert entry(window, "Last import").text(1) == f"{SIZE:,}"


def test_cancel_part_way_changes_nothing_and_says_so(qtbot, window: MainWindow, ris_file: Path) -> None:  # type: ignore[no-untyped-def]
    base, steps = queries.info(window.library)["stories"], window.undo_stack.count()
    job = window.import_flow.import_files([str(ris_file)])
    assert job is not None
    cancel = window.jobs.status.cancel_button
    clicked = threading.Event()

    def click(done: int, total: int, note: str) -> None:
        if done > 0 and not clicked.is_set() and cancel.isEnabled():
            cancel.click()
            clicked.set()

    job.progressed.connect(click)
    # The work waits at its first report for the click (on a loaded machine
    # it could otherwise finish before the window handled that report).
    job._worker.progressed.connect(
        lambda done, total, note: done > 0 and clicked.wait(60), Qt.ConnectionType.DirectConnection
    )
    with qtbot.waitSignal(job.ended, timeout=120_000):
        pass
    assert clicked.is_set()
    assert queries.info(window.library)["stories"] == base and listed(window) == base
    assert window.statusBar().currentMessage() == "Cancelled; nothing changed."
    assert window.undo_stack.count() == steps and window.sidebar.last_import is None


def test_undo_waits_for_a_running_import(qtbot, window: MainWindow, ris_file: Path) -> None:  # type: ignore[no-untyped-def]
    window.new_story()
    steps = window.undo_stack.count()
    job = window.import_flow.import_files([str(ris_file)])
    assert job is not None
    window.undo()  # refused while the import runs: Undo would not name the last step
    assert window.undo_stack.count() == steps and window.undo_stack.index() == steps
    assert "“Importing” is still running: wait for it to end" in window.statusBar().currentMessage()
    with qtbot.waitSignal(job.ended, timeout=120_000):
        pass
    assert window.undo_stack.undoText() == f"Import {SIZE:,} Stories"


def test_edits_wait_for_a_running_import_and_say_so(qtbot, window: MainWindow, ris_file: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The import holds the library: an edit is refused at once, naming the
    import (it would wait for the library and fail), and the editor is
    read-only meanwhile; both come back when the import ends."""
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    window.stories.select([window.model.ids()[0]])
    base = queries.info(window.library)["stories"]
    job = window.import_flow.import_files([str(ris_file)])
    assert job is not None
    assert window.editor.title.isReadOnly()
    started = time.monotonic()
    window.new_story()
    assert time.monotonic() - started < 2.0 and len(said) == 1
    assert "Import" in said[0] and "wait for it to end" in said[0]
    with qtbot.waitSignal(job.ended, timeout=120_000):
        pass
    assert not window.editor.title.isReadOnly()
    assert queries.info(window.library)["stories"] == base + SIZE
    window.new_story()
    assert queries.info(window.library)["stories"] == base + SIZE + 1 and len(said) == 1
