"""Story history: every field change and every tag or record linked or
unlinked is kept with when and who, whatever service made it; an import is
not a change; a story can go back to any revision."""

from __future__ import annotations

import sqlite3

import pytest

from ngodesk.domain.errors import ImportFailed, LibraryError, ValidationError
from ngodesk.domain.models import EntityKind, StoryRecord
from ngodesk.services import batch, history, importing, queries, stories, tags
from ngodesk.store import history as store_history
from ngodesk.store.library import Library


def _summary(library: Library, story_id: int) -> list[tuple[int, str, str | None, str | None, str]]:
    return [(c.revision, c.field, c.old, c.new, c.who) for c in history.changes(library, story_id)]


def test_field_and_link_changes_are_recorded_with_who_and_revision(library: Library) -> None:
    library.author = "Li Wei"
    story = stories.create_story(library, {"title": "Wells in Kenya"}, ["Region/Africa/Kenya"]).id
    assert history.changes(library, story) == []  # (made, not changed)
    stories.edit_story(library, story, {"title": "Wells in Kenya 肯尼亚", "status": "reviewed"})
    library.author = "王芳"
    stories.edit_story(
        library,
        story,
        add_tags=["Topic/Water"],
        remove_tags=["Region/Africa/Kenya"],
        link=[(EntityKind.PLACE, "Kenya")],
    )
    assert _summary(library, story) == [
        (2, "title", "Wells in Kenya", "Wells in Kenya 肯尼亚", "Li Wei"),
        (2, "status", "draft", "reviewed", "Li Wei"),
        (3, "tag", None, "Water", "王芳"),
        (3, "tag", "Kenya", None, "王芳"),
        (3, "place", None, "Kenya", "王芳"),
    ]
    assert queries.get_story(library, story).revision == 3
    changed = history.changes(library, story)
    assert len({c.uuid for c in changed}) == 5 and all(c.at.tzinfo is not None for c in changed)


def test_a_batch_and_a_tag_action_are_recorded_and_an_import_is_not(library: Library) -> None:
    report = importing.import_records(
        library, [StoryRecord(f"Story {i}", str(i), tags=("Imported",)) for i in range(3)]
    )
    ids = sorted(report.changes.stories_added)
    assert all(history.changes(library, i) == [] for i in ids)
    plan = batch.plan(library, ids, batch.BatchEdit(add_tags=("Checked",), values=(("language", "en"),)))
    batch.apply(library, plan)
    assert _summary(library, ids[0])[0][:4] == (2, "language", "", "en")
    assert _summary(library, ids[0])[1][:4] == (2, "tag", None, "Checked")
    assert queries.get_story(library, ids[0]).revision == 2  # (one action, one revision)
    tags.apply_path(library, ids, "Later")
    assert _summary(library, ids[1])[-1][:4] == (3, "tag", None, "Later")


def test_links_are_recorded_again_after_an_import_that_failed(library: Library) -> None:
    story = stories.create_story(library, {"title": "Here before"}).id
    bad = [StoryRecord("Good", "1", tags=("Imported",)), StoryRecord("", "2")]
    with pytest.raises(ImportFailed):
        importing.import_records(library, bad, strict=True)
    tags.apply_path(library, [story], "Later")
    assert _summary(library, story)[-1][:4] == (2, "tag", None, "Later")


def test_revert_goes_back_to_a_revision_and_is_itself_recorded(library: Library) -> None:
    story = stories.create_story(library, {"title": "First title", "summary": "one"}, ["Keep"]).id
    stories.edit_story(library, story, {"title": "Second title"})
    stories.edit_story(library, story, {"summary": "two"}, add_tags=["Added"], remove_tags=["Keep"])
    stories.edit_story(library, story, {"title": "Third title"})
    history.revert(library, story, 2)
    view = queries.get_story(library, story)
    assert (view.title, view.summary, [t.path for t in view.tags]) == ("Second title", "one", ["Keep"])
    assert view.revision == 5 and _summary(library, story)[-1][:2] == (5, "summary")
    history.revert(library, story, 1)
    assert queries.get_story(library, story).title == "First title"
    history.revert(library, story, 4)  # (forward again: the revert is in the history too)
    view = queries.get_story(library, story)
    assert (view.title, view.summary, [t.path for t in view.tags]) == ("Third title", "two", ["Added"])
    with pytest.raises(ValidationError, match="revisions 1 to 7, not 9"):
        history.revert(library, story, 9)


def test_history_outlives_the_story_and_other_programs_can_still_write(library: Library) -> None:
    story = stories.create_story(library, {"title": "Gone soon"}).id
    stories.edit_story(library, story, {"title": "Going"})
    uuid = queries.get_story(library, story).uuid
    stories.delete_stories(library, [story])
    with library.read() as session:
        kept = (
            session.connection()
            .exec_driver_sql("SELECT field, new FROM story_changes WHERE story_uuid = ?", (uuid,))
            .all()
        )
    assert [tuple(row) for row in kept] == [("title", "Going")]
    other = stories.create_story(library, {"title": "Edited elsewhere"}).id
    outside = sqlite3.connect(library.db_path)  # (no ngodesk triggers or tables of its own)
    outside.execute("UPDATE stories SET language = 'fr' WHERE id = ?", (other,))
    outside.commit()
    outside.close()
    assert history.changes(library, other) == []


def test_history_and_revert_commands(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json as json_module

    from tests.test_cli import ok

    folder = tmp_path / "cli"
    uuid = ok("add", "--title", "Wells in Kenya", library=folder).strip()
    monkeypatch.setenv("NGODESK_USER", "Li Wei")
    ok("set", uuid[:8], "title=Wells in Kenya 肯尼亚", "tags+=Water", library=folder)
    monkeypatch.delenv("NGODESK_USER")
    shown = json_module.loads(ok("history", uuid[:8], "--json", library=folder))
    assert [(c["revision"], c["field"], c["new"], c["who"]) for c in shown["changes"]] == [
        (2, "title", "Wells in Kenya 肯尼亚", "Li Wei"),
        (2, "tag", "Water", "Li Wei"),
    ]
    assert "as it was at revision 1" in ok("revert", uuid[:8], "1", library=folder)
    assert "'Wells in Kenya 肯尼亚' -> 'Wells in Kenya'" in ok("history", uuid[:8], library=folder)


def test_links_are_recorded_again_after_sqlite_itself_rolled_back_a_full_disk(library: Library) -> None:
    story = stories.create_story(library, {"title": "Here before"}).id
    with pytest.raises(LibraryError, match="the disk is full. Nothing was changed"), library.write() as session:
        with store_history.links_unrecorded(session):
            connection = session.connection()
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
            connection.exec_driver_sql(f"PRAGMA max_page_count = {pages + 2}")  # (a disk about to be full)
            for i in range(1000):
                connection.exec_driver_sql("INSERT INTO meta (key, value) VALUES (?, ?)", (f"k{i}", "x" * 5000))
    with library.write() as session:
        session.connection().exec_driver_sql("PRAGMA max_page_count = 1073741823")
    tags.apply_path(library, [story], "Later")
    assert _summary(library, story)[-1][:4] == (2, "tag", None, "Later")
