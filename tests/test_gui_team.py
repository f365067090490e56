"""The team hub in the window, on a real PostgreSQL server: joining from
File > Team, the status bar's word on the last sync, and a colleague's
push reaching an open window without anyone asking."""

from __future__ import annotations

import pytest

from ngodesk.services import queries, team
from ngodesk.store.library import Library
from ngodesk.ui import team_flow
from tests.conftest import Cluster
from tests.test_cli import ok
from tests.test_gui_editing import open_window
from tests.test_team_sync import Desk, _titles

pytestmark = pytest.mark.postgres


def test_joining_from_the_window_syncs_and_says_so_in_the_status_bar(
    qtbot,
    sample_library: Library,
    hub_database: str,
    postgres: Cluster,  # type: ignore[no-untyped-def]
) -> None:
    ok("team", "create", hub_database)
    window = open_window(qtbot, sample_library)
    window.team.start()
    assert window.team.label.isHidden()
    window.team.menu.aboutToShow.emit()
    assert window.team.join_action.isEnabled() and not window.team.sync_action.isEnabled()

    without_password = hub_database.replace(f":{postgres.password}@", "@")
    job = window.team.join(without_password, postgres.password)
    assert job is not None
    qtbot.waitUntil(lambda: not job.running(), timeout=30000)

    qtbot.waitUntil(lambda: window.team.label.isVisible())
    assert window.team.label.text().startswith("Synced just now")
    assert team.hub_of(sample_library) == without_password  # (the password was not stored)
    window.team.menu.aboutToShow.emit()
    assert window.team.sync_action.isEnabled() and not window.team.join_action.isEnabled()


def test_a_colleagues_push_reaches_an_open_window_by_itself(qtbot, hub: str, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    colleague, mine = desk("colleague"), desk("mine")
    ok("team", "join", hub, library=colleague)
    ok("team", "join", hub, library=mine)
    story = sorted(_titles(mine))[0]
    library = Library.open(mine)
    try:
        window = open_window(qtbot, library)
        window.team.start()
        qtbot.waitUntil(lambda: window.team._watcher is not None and window.team._watcher.running())
        story_id = queries.resolve_story(library, story)

        ok("set", story, "title=A colleague's new title", library=colleague)
        ok("sync", library=colleague)

        qtbot.waitUntil(lambda: _titles(mine)[story] == "A colleague's new title", timeout=30000)
        assert queries.get_story(library, story_id).title == "A colleague's new title"
        qtbot.waitUntil(lambda: not window.jobs.running(), timeout=30000)  # (the sync ends: the list shows it)

        def listed() -> list[str]:
            return [window.model.index(row, 0).data() for row in range(window.model.rowCount())]

        qtbot.waitUntil(lambda: "A colleague's new title" in listed())
        qtbot.waitUntil(lambda: window.team.label.text().startswith("Synced just now"))
        window.close()
    finally:
        library.close()


def test_changes_made_in_the_window_are_counted_until_sent(qtbot, hub: str, desk: Desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(team_flow, "COUNT_AFTER_MS", 300)  # (the pause after a change before counting: 5 s)
    mine = desk("mine")
    ok("team", "join", hub, library=mine)
    library = Library.open(mine)
    try:
        window = open_window(qtbot, library)
        window.team.start()
        qtbot.waitUntil(lambda: window.team.label.text().startswith("Synced just now"))
        qtbot.waitUntil(lambda: not window.jobs.running())

        window.new_story()  # (Story > New Story)

        qtbot.waitUntil(lambda: "1 change to send" in window.team.label.text(), timeout=20000)
        job = window.team.sync()
        assert job is not None
        qtbot.waitUntil(lambda: not job.running(), timeout=30000)
        assert "to send" not in window.team.label.text()
        window.close()
    finally:
        library.close()
