"""Libraries syncing through a team hub on a real PostgreSQL server: what
one desktop changes reaches the others, conflicts are queued as in a
merge, and a hub that refuses or goes away leaves everything whole."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import psycopg
import pytest

from ngodesk.store.library import DB_NAME
from tests.conftest import Cluster
from tests.test_cli import ngodesk, ok

pytestmark = pytest.mark.postgres

Desk = Callable[..., Path]


def _sync(folder: Path, *args: str) -> dict[str, int]:
    return json.loads(ok("sync", "--json", *args, library=folder))


def _titles(folder: Path) -> dict[str, str]:
    """Each story's title by uuid, as the library holds them."""
    with closing(sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True)) as connection:
        return dict(connection.execute("SELECT uuid, title FROM stories"))


def _team_leftovers(folder: Path) -> list[str]:
    """What a library joined to no hub should not hold: the membership's
    meta keys, the table and triggers that note changes for the hub."""
    with closing(sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True)) as connection:
        found = connection.execute(
            "SELECT key FROM meta WHERE key LIKE 'team.%'"
            " UNION ALL SELECT name FROM sqlite_master WHERE name LIKE '%team%'"
        )
        return [row[0] for row in found]


def _hub_rows(hub: str, sql: str) -> list[tuple[object, ...]]:
    with psycopg.connect(hub) as connection:
        return connection.execute(sql.encode()).fetchall()


def test_two_desks_made_apart_share_one_catalogue_through_the_hub(hub: str, desk: Desk) -> None:
    mine, theirs, empty = desk("mine"), desk("theirs"), desk("empty", sample=False)
    ok("add", "--title", "Only on my desk", library=mine)

    joined = json.loads(ok("team", "join", hub, "--json", library=mine))
    assert joined["pushed"] > 0 and joined["pulled"] == 0 and joined["conflicts"] == 0
    ok("team", "join", hub, library=theirs)  # (the sample, made apart: matched, not doubled)
    ok("team", "join", hub, library=empty)

    assert _titles(empty) == _titles(mine)
    assert "Only on my desk" in _titles(empty).values()
    _sync(theirs)
    assert _titles(theirs) == _titles(mine)
    (stories,) = _hub_rows(hub, "SELECT count(*) FROM objects WHERE kind = 'stories' AND NOT deleted")
    assert stories == (len(_titles(mine)),)


def test_an_edit_and_a_deletion_reach_the_other_desk_at_its_next_sync(hub: str, desk: Desk) -> None:
    mine, theirs = desk("mine"), desk("theirs", sample=False)
    ok("team", "join", hub, library=mine)
    ok("team", "join", hub, library=theirs)
    edited, deleted = sorted(_titles(mine))[:2]

    ok("set", edited, "title=扶贫项目在肯尼亚", "tags+=Region/Africa", library=mine)
    ok("delete", deleted, library=mine)
    sent = _sync(mine)
    assert sent["pushed"] >= 3 and sent["conflicts"] == 0

    taken = _sync(theirs)
    assert taken["pulled"] == sent["pushed"] and taken["pushed"] == 0
    titles = _titles(theirs)
    assert titles[edited] == "扶贫项目在肯尼亚" and deleted not in titles
    shown = json.loads(ok("show", edited, "--json", library=theirs))
    assert "Region/Africa" in shown["tags"]
    assert _sync(theirs) == {"pushed": 0, "pulled": 0, "conflicts": 0}


def test_a_tag_taken_off_or_put_on_alone_reaches_the_other_desk(hub: str, desk: Desk) -> None:
    mine, theirs = desk("mine"), desk("theirs", sample=False)
    ok("team", "join", hub, library=mine)
    ok("team", "join", hub, library=theirs)
    untagged, tagged = sorted(_titles(mine))[:2]
    taken_off = sorted(_tags_of(mine, untagged))[0]

    ok("set", untagged, f"tags-={taken_off}", library=mine)
    ok("set", tagged, "tags+=Theme/Education", library=mine)
    _sync(mine)
    _sync(theirs)

    assert taken_off not in _tags_of(theirs, untagged) and "Theme/Education" in _tags_of(theirs, tagged)
    assert (_tags_of(theirs, untagged), _tags_of(theirs, tagged)) == (_tags_of(mine, untagged), _tags_of(mine, tagged))


#: What a script changing a story sets beside the change (a merge tells
#: the stories a side changed by their revision and time).
_TOUCHED = "revision = revision + 1, updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now')"


def _write(folder: Path, *statements: str) -> None:
    """Change the library as another program would (sqlite3, a script)."""
    with closing(sqlite3.connect(folder / DB_NAME)) as connection, connection:
        connection.execute("PRAGMA foreign_keys = ON")
        for statement in statements:
            connection.execute(statement)


def _tags_of(folder: Path, story: str) -> set[str]:
    return set(json.loads(ok("show", story, "--json", library=folder))["tags"])


def test_what_another_program_writes_in_a_joined_library_is_sent_at_its_next_sync(hub: str, desk: Desk) -> None:
    mine, theirs = desk("mine"), desk("theirs", sample=False)
    ok("team", "join", hub, library=mine)
    ok("team", "join", hub, library=theirs)
    retitled, untagged = sorted(_titles(mine))[:2]

    _write(
        mine,
        f"UPDATE stories SET title = '由脚本改的标题', {_TOUCHED} WHERE uuid = '{retitled}'",
        f"DELETE FROM story_tags WHERE story_id = (SELECT id FROM stories WHERE uuid = '{untagged}')",
        f"UPDATE stories SET {_TOUCHED} WHERE uuid = '{untagged}'",
    )
    assert _tags_of(mine, untagged) == set() != _tags_of(theirs, untagged)

    assert _sync(mine)["pushed"] >= 2
    _sync(theirs)
    assert _titles(theirs)[retitled] == "由脚本改的标题"
    assert _tags_of(theirs, untagged) == _tags_of(mine, untagged)
    _sync(mine)  # (the retitled story as the other desk stored it: its sort keys made, which the script left)
    assert _sync(mine) == _sync(theirs) == {"pushed": 0, "pulled": 0, "conflicts": 0}


def test_changes_made_while_nothing_noted_them_are_found_by_comparing_the_whole_library(hub: str, desk: Desk) -> None:
    mine, theirs = desk("mine"), desk("theirs", sample=False)
    ok("team", "join", hub, library=mine)
    ok("team", "join", hub, library=theirs)
    story = sorted(_titles(mine))[0]
    _write(  # (as an older ngodesk, or a schema upgrade rebuilding the table, leaves it)
        mine,
        "DROP TRIGGER ngodesk_team_stories_update",
        f"UPDATE stories SET title = 'Changed unnoted', {_TOUCHED} WHERE uuid = '{story}'",
    )

    assert json.loads(ok("team", "status", "--json", library=mine))["waiting"] == 1
    assert _sync(mine)["pushed"] >= 1
    _sync(theirs)
    assert _titles(theirs)[story] == "Changed unnoted"
    ok("set", story, "title=Noted again", library=mine)
    assert _sync(mine)["pushed"] >= 1
    _sync(theirs)
    assert _titles(theirs)[story] == "Noted again"


def test_the_same_field_changed_on_two_desks_is_a_conflict_settled_as_in_a_merge(hub: str, desk: Desk) -> None:
    mine, theirs = desk("mine"), desk("theirs")
    ok("team", "join", hub, library=mine)
    ok("team", "join", hub, library=theirs)
    story = sorted(_titles(mine))[0]
    ok("set", story, "title=Mine first", library=mine)
    _sync(mine)
    ok("set", story, "title=Theirs meanwhile", library=theirs)

    done = ngodesk("sync", "--json", library=theirs)

    assert done.returncode == 1
    assert json.loads(done.stdout)["conflicts"] == 1
    (conflict,) = json.loads(ok("conflicts", "--json", library=theirs))
    assert (conflict["field"], conflict["mine"], conflict["theirs"]) == ("title", "Theirs meanwhile", "Mine first")
    assert _titles(theirs)[story] == "Theirs meanwhile"  # (kept, and not sent, while open)
    assert _sync(mine)["pulled"] == 0

    ok("conflicts", "--settle", conflict["uuid"], "--take", "mine", library=theirs)
    assert _sync(theirs)["conflicts"] == 0
    _sync(mine)
    assert _titles(mine)[story] == _titles(theirs)[story] == "Theirs meanwhile"


def test_status_says_where_a_desk_stands_and_leave_keeps_every_story(hub: str, desk: Desk, postgres: Cluster) -> None:
    mine = desk("mine")
    ok("team", "join", hub, library=mine)
    ok("set", sorted(_titles(mine))[0], "title=Not sent yet", library=mine)

    status = json.loads(ok("team", "status", "--json", library=mine))

    assert status["waiting"] >= 1 and status["synced_version"] == status["hub_version"] > 0
    assert status["synced_at"] and postgres.password not in json.dumps(status)
    _sync(mine)
    assert json.loads(ok("team", "status", "--json", library=mine))["waiting"] == 0

    kept = _titles(mine)
    assert ok("team", "leave", library=mine).startswith("Left the hub")
    assert _titles(mine) == kept and not (mine / "team").exists()
    assert _team_leftovers(mine) == []
    done = ngodesk("sync", library=mine)
    assert done.returncode == 1 and "not joined to a team hub" in done.stderr


def test_a_reader_pulls_but_its_changes_are_refused_naming_its_role(
    hub: str, desk: Desk, postgres: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok("team", "join", hub, library=desk("editor"))
    postgres.sql("DROP ROLE IF EXISTS rita")
    postgres.sql("CREATE ROLE rita LOGIN PASSWORD 'rita-secret'")
    ok("team", "grant", hub, "rita", "--reader")
    reader = desk("reader", sample=False)
    as_rita = hub.replace("ngodesk_admin@", "rita@")
    monkeypatch.setenv("PGPASSWORD", "rita-secret")

    ok("team", "join", as_rita, library=reader)
    assert len(_titles(reader)) > 0
    ok("add", "--title", "A reader's story", library=reader)
    done = ngodesk("sync", library=reader)

    assert done.returncode == 1
    assert "lets you pull only (a reader)" in done.stderr and "--editor" in done.stderr
    assert "Traceback" not in done.stderr
    monkeypatch.setenv("PGPASSWORD", postgres.password)
    assert _hub_rows(hub, "SELECT count(*) FROM objects WHERE data->>'title' = 'A reader''s story'") == [(0,)]


def test_a_hub_killed_mid_push_keeps_nothing_of_it_and_the_next_sync_completes(
    hub: str, desk: Desk, postgres: Cluster
) -> None:
    mine = desk("mine")
    ok("team", "join", hub, library=mine)
    edited = sorted(_titles(mine))[:3]
    for n, story in enumerate(edited):
        ok("set", story, f"title=Edited {n}", library=mine)
    # Someone holds the last of the three: the push writes the others, then waits.
    blocker = psycopg.connect(hub)
    (last,) = _hub_rows(
        hub,
        f"SELECT uuid FROM objects WHERE kind = 'stories' AND uuid IN "
        f"({', '.join(repr(s) for s in edited)}) ORDER BY uuid DESC LIMIT 1",
    )
    blocker.execute(f"SELECT 1 FROM objects WHERE uuid = '{last[0]}' FOR UPDATE".encode())
    sync = subprocess.Popen(
        [sys.executable, "-m", "ngodesk", "--library", str(mine), "sync"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not _hub_rows(hub, "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'"):
        assert time.monotonic() < deadline and sync.poll() is None, sync.communicate()
        time.sleep(0.1)

    postgres.kill()
    _, said = sync.communicate(timeout=60)
    postgres.start()

    assert sync.returncode == 1
    assert "Cannot reach the hub" in said and "Traceback" not in said
    assert _hub_rows(hub, "SELECT count(*) FROM objects WHERE data->>'title' LIKE 'Edited %'") == [(0,)]
    assert _sync(mine)["pushed"] >= 3
    titles = {row[0] for row in _hub_rows(hub, "SELECT data->>'title' FROM objects WHERE kind = 'stories'")}
    assert {"Edited 0", "Edited 1", "Edited 2"} <= titles


def test_a_hub_made_by_a_newer_program_is_not_synced_with(hub: str, desk: Desk) -> None:
    mine = desk("mine")
    ok("team", "join", hub, library=mine)
    with psycopg.connect(hub) as connection:
        connection.execute("UPDATE ngodesk_hub_schema SET version_num = '0999'")
    ok("set", sorted(_titles(mine))[0], "title=Waiting", library=mine)

    done = ngodesk("sync", library=mine)

    assert done.returncode == 1 and "made by a newer ngodesk" in done.stderr
    assert _hub_rows(hub, "SELECT count(*) FROM objects WHERE data->>'title' = 'Waiting'") == [(0,)]


def test_an_attached_file_reaches_the_other_desk_with_its_content(hub: str, desk: Desk, tmp_path: Path) -> None:
    mine, theirs = desk("mine"), desk("theirs", sample=False)
    ok("team", "join", hub, library=mine)
    ok("team", "join", hub, library=theirs)
    story = sorted(_titles(mine))[0]
    report = tmp_path / "项目报告.pdf"
    report.write_bytes(b"%PDF-1.4 field report from Kenya\n" * 100)
    ok("attach", story, str(report), library=mine)

    _sync(mine)
    _sync(theirs)

    (attached,) = json.loads(ok("attachments", story, "--json", library=theirs))
    assert attached["name"] == "项目报告.pdf"
    stored = theirs / "files" / attached["sha256"][:2] / attached["sha256"]
    assert stored.read_bytes() == report.read_bytes()
    assert _hub_rows(hub, "SELECT count(*) FROM blobs") == [(1,)]


def test_a_field_copy_of_a_joined_library_comes_back_by_a_merge_not_through_the_hub(
    hub: str, desk: Desk, tmp_path: Path
) -> None:
    office = desk("office")
    ok("team", "join", hub, library=office)
    laptop = tmp_path / "laptop"
    ok("copy", str(laptop), library=office)

    done = ngodesk("sync", library=laptop)

    assert done.returncode == 1 and "not joined to a team hub" in done.stderr
    assert not (laptop / "team").exists() and _team_leftovers(laptop) == []
    story = sorted(_titles(laptop))[0]
    ok("set", story, "title=Edited in the field", library=laptop)
    ok("merge", str(laptop), library=office)
    assert _sync(office)["pushed"] >= 1
    assert _hub_rows(hub, f"SELECT data->>'title' FROM objects WHERE uuid = '{story}'") == [("Edited in the field",)]


def test_a_backup_put_back_takes_from_the_hub_what_came_after_it(hub: str, desk: Desk) -> None:
    office = desk("office")
    ok("team", "join", hub, library=office)
    ok("backup", library=office)
    ok("add", "--title", "Catalogued after the backup", library=office)
    _sync(office)

    ok("restore", "latest", library=office)
    assert "Catalogued after the backup" not in _titles(office).values()
    synced = _sync(office)

    assert "Catalogued after the backup" in _titles(office).values()
    assert synced["conflicts"] == 0
    (stories,) = _hub_rows(hub, "SELECT count(*) FROM objects WHERE kind = 'stories' AND NOT deleted")
    assert stories == (len(_titles(office)),)


def test_a_hub_made_again_at_the_same_address_gets_the_whole_library_back(
    hub: str, desk: Desk, postgres: Cluster
) -> None:
    office = desk("office")
    ok("team", "join", hub, library=office)
    ok("add", "--title", "Catalogued before the hub was lost", library=office)
    _sync(office)
    database = hub.split("/")[3].split("?")[0]
    postgres.sql(f'DROP DATABASE "{database}" WITH (FORCE)')
    postgres.sql(f'CREATE DATABASE "{database}"')
    ok("team", "create", postgres.url(database))

    synced = _sync(office)

    assert synced["conflicts"] == 0 and synced["pushed"] > 0
    titles = {row[0] for row in _hub_rows(hub, "SELECT data->>'title' FROM objects WHERE kind = 'stories'")}
    assert titles == set(_titles(office).values())
    assert "Catalogued before the hub was lost" in titles


def test_a_desk_that_merges_the_hub_keeps_its_rejected_suggestions_and_collection_order(hub: str, desk: Desk) -> None:
    from ngodesk.services import queries, stories, suggestions, team
    from ngodesk.services import story_collections as collections
    from ngodesk.services.library import open_library

    office, other = desk("office"), desk("other")  # (the other holds the sample: it joins through the merge)
    with open_library(office) as library:
        ids = queries.matching_ids(library, "").tolist()
        shelf = collections.create_manual(library, "Reading list", ids[:4]).id
        collections.set_order(library, shelf, [ids[3], ids[0], ids[2], ids[1]])
        red_cross = stories.create_story(library, {"title": "China Red Cross volunteers"}).id
        from ngodesk.services import entities

        entities.create_entity(library, "organisation", "China Red Cross")
        suggestions.reject(library, suggestions.suggest(library, [red_cross]))
        team.join(library, hub)
    sql = "SELECT data::text FROM objects WHERE kind = '{}' AND NOT deleted ORDER BY 1"
    rejected = _hub_rows(hub, sql.format("rejected_suggestions"))
    members = _hub_rows(hub, sql.format("collection_stories"))
    assert len(rejected) == 1 and len(members) == 4
    with open_library(other) as library:
        joined, synced = team.join(library, hub), team.sync(library)
        (volunteers,) = queries.matching_ids(library, '"China Red Cross volunteers"').tolist()
        proposed = suggestions.suggest(library, [volunteers])
    assert (_hub_rows(hub, sql.format("rejected_suggestions")), proposed) == (rejected, [])
    assert _hub_rows(hub, sql.format("collection_stories")) == members
    assert synced.pushed == 0, joined
