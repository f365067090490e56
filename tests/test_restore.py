"""Snapshots and restores behind undo: what comes back is exactly what went."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ngodesk.domain.errors import Conflict
from ngodesk.services import queries, snapshots, stories, tags
from ngodesk.store.library import Library
from ngodesk.store.schema import Tombstone
from tests.test_services import tag_id


def tree(library: Library) -> list[tuple[str, int, str]]:
    """(path, stories, colour) of every tag."""
    return [(t.path, t.story_count, t.colour) for t in queries.tags(library)]


def test_deleted_stories_come_back_with_ids_fields_tags_records_and_search(library: Library) -> None:
    kept = stories.create_story(library, {"title": "Kept"}, ["Topic/Water"])
    gone = stories.create_story(
        library,
        {"title": "缅甸 well project", "summary": "Shan State", "published": "2019-03", "status": "reviewed"},
        ["Region/Asia/Myanmar", "Topic/Water"],
        [("organisation", "中国扶贫基金会")],
    )
    before = queries.get_story(library, gone.id)
    taken = snapshots.snapshot_stories(library, [gone.id])
    stories.delete_stories(library, [gone.id])
    assert queries.search(library, "缅甸").total == 0

    changes = snapshots.restore_stories(library, taken)

    assert changes.stories_added == {gone.id}
    assert queries.get_story(library, gone.id) == before  # same id, uuid, fields, revision, tags and records
    assert [h.story.id for h in queries.search(library, "缅甸 tag:Myanmar").hits] == [gone.id]
    with library.read() as session:
        assert session.get(Tombstone, gone.uuid) is None
    with pytest.raises(Conflict):  # already back: nothing is written twice
        snapshots.restore_stories(library, taken)
    assert queries.get_story(library, kept.id).title == "Kept"


def test_a_deleted_tag_subtree_comes_back_with_its_stories(library: Library) -> None:
    a = stories.create_story(library, {"title": "A"}, ["Region/Africa/Kenya"])
    b = stories.create_story(library, {"title": "B"}, ["Region/Africa", "Region/Asia"])
    tags.set_tag_colour(library, tag_id(library, "Region/Africa"), "#aa0000")
    before = tree(library)
    africa = tag_id(library, "Region/Africa")
    snapshot = snapshots.snapshot_tags(library, [africa])
    tags.delete_tag(library, africa, recursive=True)

    changes = snapshots.restore_tags(library, snapshot)

    assert tree(library) == before
    assert tag_id(library, "Region/Africa") == africa
    assert changes.stories_changed == {a.id, b.id}
    assert [t.path for t in queries.get_story(library, a.id).tags] == ["Region/Africa/Kenya"]
    assert queries.get_story(library, a.id).revision == 3  # tagged, untagged by the delete, tagged again


def test_a_merge_is_undone_by_restoring_both_subtrees(library: Library) -> None:
    stories.create_story(library, {"title": "A"}, ["NGOs/Health", "Charities"])
    stories.create_story(library, {"title": "B"}, ["Charities/Health", "Charities/Schools"])
    before = tree(library)
    source, target = tag_id(library, "NGOs"), tag_id(library, "Charities")
    snapshot = snapshots.snapshot_tags(library, [source, target])
    tags.merge_tags(library, source, target)
    assert [path for path, _, _ in tree(library)] == ["Charities", "Charities/Health", "Charities/Schools"]

    snapshots.restore_tags(library, snapshot)

    assert tree(library) == before
    tags.merge_tags(library, source, target)  # and it can be redone with the same ids
    assert [path for path, _, _ in tree(library)] == ["Charities", "Charities/Health", "Charities/Schools"]
    with library.read() as session:
        assert session.scalars(select(Tombstone.kind)).all() == ["tag", "tag"]


def test_what_an_import_added_is_taken_back_and_put_back_with_its_records(library: Library) -> None:
    from ngodesk.domain.models import StoryRecord
    from ngodesk.services import entities, importing

    old = stories.create_story(library, {"title": "Old"}, ["Topic"])
    report = importing.import_records(
        library,
        [
            StoryRecord(title="New one", position="1", tags=("Topic/Field notes",), people=("王芳",)),
            StoryRecord(title="New two", position="2", tags=("Topic/Field notes", "Topic")),
        ],
    )
    other = queries.entities(library)[0]
    entities.update_entity(library, other.id, alt_names=["Wang Fang"])  # edited after the import
    stories.edit_story(library, old.id, link=[("person", "王芳")])  # an old story linked to a new record
    before = (tree(library), queries.entities(library), queries.get_story(library, old.id))
    snapshot = snapshots.snapshot_added(library, report.changes)

    snapshots.remove_added(library, snapshot)
    assert queries.tag_paths(library) == ["Topic"] and queries.entities(library) == []
    assert [h.story.title for h in queries.search(library, "").hits] == ["Old"]

    snapshots.restore_added(library, snapshot)
    assert (tree(library), queries.entities(library), queries.get_story(library, old.id).entities) == (
        before[0],
        before[1],
        before[2].entities,
    )
    assert sorted(h.story.title for h in queries.search(library, "person:王芳").hits) == ["New one", "Old"]


def test_nested_writes_are_one_transaction(library: Library) -> None:
    kept = stories.create_story(library, {"title": "Kept"})
    with pytest.raises(Conflict), library.write():
        stories.delete_stories(library, [kept.id])
        tags.create_tag(library, "Topic")
        tags.create_tag(library, "Topic")  # refused: the whole block is undone
    assert queries.get_story(library, kept.id).title == "Kept" and queries.tag_paths(library) == []
