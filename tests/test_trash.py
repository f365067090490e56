"""The Trash: a deleted story is gone from everything a user sees, kept 30
days, and comes back with everything it had."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from ngodesk.domain.errors import Conflict, NotFound
from ngodesk.domain.models import AnnotationKind, Translation
from ngodesk.services import (
    annotating,
    attachments,
    duplicates,
    entities,
    exporting,
    field_copy,
    merging,
    queries,
    stories,
    story_collections,
    tags,
    translations,
    trash,
)
from ngodesk.services.library import open_library
from ngodesk.store.library import Library
from ngodesk.store.schema import Story, Tombstone, utcnow
from tests.test_merge import _id
from tests.test_services import tag_id

WELLS = "缅甸 wells for Shan State"


def _full_story(library: Library, tmp_path: Path) -> int:
    """A story with tags, three people in their order, a translation, a
    note on it, a manual collection and an attachment."""
    created = stories.create_story(
        library,
        {"title": WELLS, "summary": "民生项目 in Shan State", "published": "2019-03", "status": "reviewed"},
        ["Region/Asia/Myanmar", "Topic/Water"],
        [("person", "Zhang San"), ("person", "Aung Min"), ("person", "Li Si"), ("organisation", "中国扶贫基金会")],
    )
    translations.set_translations(library, created.id, [Translation("summary", "en", "Livelihood projects in Shan")])
    note = annotating.NewAnnotation("summary", 0, 11, AnnotationKind.COMMENT, "the usual rendering", language="en")
    annotating.add(library, created.id, note)
    story_collections.create_manual(library, "Field visit", [created.id])
    photo = tmp_path / "well.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of a well")
    attachments.attach(library, created.id, [photo])
    return created.id


def _everything(library: Library, story_id: int) -> tuple[object, ...]:
    view = queries.get_story(library, story_id)
    notes = [(n.body, n.exact, n.language) for n in annotating.annotations(library, [story_id])]
    files = [(a.name, a.sha256) for a in attachments.attachments(library, story_id)]
    return view, notes, files


def test_a_trashed_story_is_gone_from_search_facets_exports_counts_and_duplicates(
    library: Library, tmp_path: Path
) -> None:
    story_id = _full_story(library, tmp_path)
    stories.create_story(library, {"title": WELLS})  # a duplicate of it, while it is there
    assert len(duplicates.find_pairs(library)) == 1

    changes = trash.move_to_trash(library, [story_id])

    assert changes.stories_removed == {story_id} and len(changes.trash) == 1
    assert queries.search(library, "缅甸 tag:Myanmar").total == 0
    assert queries.search(library, "Zhang").total == 0
    facets = queries.facets(library, "")
    assert facets.total == 1 and tag_id(library, "Region/Asia/Myanmar") not in facets.tags
    assert queries.info(library)["stories"] == 1
    assert duplicates.find_pairs(library) == []
    out = tmp_path / "all.json"
    assert exporting.export(library, "json", out) == 1
    assert "民生项目" not in out.read_text(encoding="utf-8")
    assert [t.title for t in trash.trashed(library)] == [WELLS] and trash.count(library) == 1
    with library.read() as session:  # merges of field copies see it deleted
        assert session.scalar(select(Tombstone.kind).where(Tombstone.uuid == next(iter(changes.trash)))) == "story"


def test_restore_brings_the_story_back_with_everything_it_had(library: Library, tmp_path: Path) -> None:
    story_id = _full_story(library, tmp_path)
    before = _everything(library, story_id)
    uuid = queries.get_story(library, story_id).uuid
    trash.move_to_trash(library, [story_id])

    changes = trash.restore_stories(library, [uuid[:8]])  # a unique start of its uuid will do

    assert changes.stories_added == {story_id} and changes.trash == {uuid}
    assert _everything(library, story_id) == before  # id, fields, tags, people in order, translation, note, file
    assert [p.name for p in before[0].entities] == ["Zhang San", "Aung Min", "Li Si", "中国扶贫基金会"]  # type: ignore[attr-defined]
    collection = story_collections.collections(library)[0]
    assert story_collections.stories_of(library, collection.id) == [story_id]
    assert [h.story.id for h in queries.search(library, "缅甸 tag:Myanmar").hits] == [story_id]
    assert trash.trashed(library) == [] and trash.count(library) == 0
    with library.read() as session:
        assert session.get(Tombstone, uuid) is None
    assert queries.check(library) == []


def test_a_restored_story_follows_records_merged_and_skips_tags_deleted_meanwhile(library: Library) -> None:
    story = stories.create_story(library, {"title": "Clinic"}, ["Topic/Health"], [("place", "Burma")])
    trash.move_to_trash(library, [story.id])
    burma = next(e.id for e in queries.entities(library) if e.name == "Burma")
    myanmar = entities.create_entity(library, "place", "Myanmar").id
    entities.merge_entities(library, burma, myanmar)
    tags.delete_tag(library, tag_id(library, "Topic/Health"), recursive=True)
    stories.create_story(library, {"title": "Took its place"}, ["Topic/Other"])  # the old id is taken

    changes = trash.restore_stories(library, [story.uuid])

    (new_id,) = changes.stories_added
    view = queries.get_story(library, new_id)
    assert new_id != story.id and view.uuid == story.uuid and view.title == "Clinic"
    assert [e.name for e in view.entities] == ["Myanmar"] and view.tags == ()


def test_restoring_a_story_a_merge_brought_back_says_so_and_changes_nothing(library: Library) -> None:
    kept = stories.create_story(library, {"title": "Kept"})
    gone = stories.create_story(library, {"title": "Schools in Nepal"})
    trash.move_to_trash(library, [kept.id, gone.id])
    back = stories.create_story(library, {"title": "Schools in Nepal"})
    with library.write() as session:  # (as a merge of a field copy that still has it brings it back)
        session.execute(update(Story).where(Story.id == back.id).values(uuid=gone.uuid))

    with pytest.raises(Conflict, match="“Schools in Nepal” is in the library again"):
        trash.restore_stories(library, [kept.uuid, gone.uuid])

    assert trash.count(library) == 2 and queries.info(library)["stories"] == 1  # "Kept" is not back either
    with pytest.raises(NotFound, match="No story 0000 in the Trash"):
        trash.restore_stories(library, ["0000"])


def test_stories_older_than_30_days_leave_the_trash(library: Library) -> None:
    old = stories.create_story(library, {"title": "Old"})
    new = stories.create_story(library, {"title": "New"})
    trash.move_to_trash(library, [old.id])
    later = utcnow() + timedelta(days=trash.KEEP_DAYS - 1)
    trash.move_to_trash(library, [new.id])
    month_on = utcnow() + timedelta(days=trash.KEEP_DAYS, hours=1)

    assert [t.title for t in trash.trashed(library, later)] == ["New", "Old"]
    assert [t.title for t in trash.trashed(library, month_on)] == []  # neither is listed once expired

    assert trash.purge(library, later).trash == frozenset()
    assert trash.purge(library, month_on).trash == {old.uuid, new.uuid}
    with pytest.raises(NotFound):
        trash.restore_stories(library, [old.uuid])
    with library.read() as session:  # still deleted for merges
        assert session.scalar(select(Tombstone.kind).where(Tombstone.uuid == old.uuid)) == "story"


def test_emptying_the_trash_lets_every_story_go_for_good(library: Library, tmp_path: Path) -> None:
    story_id = _full_story(library, tmp_path)
    other = stories.create_story(library, {"title": "Other"})
    trash.move_to_trash(library, [story_id, other.id])
    assert attachments.stored_files(library).unused == ()  # a trashed story's file is kept

    assert trash.empty(library, [other.uuid]).trash == {other.uuid}
    assert [t.title for t in trash.trashed(library)] == [WELLS]
    assert len(trash.empty(library).trash) == 1

    assert trash.count(library) == 0
    assert [p.name for p in attachments.stored_files(library).unused] != []


def test_merges_see_a_trashed_story_deleted_bring_theirs_to_the_trash_and_one_they_bring_back_stays(
    tmp_path: Path,
) -> None:
    office = tmp_path / "office"
    with open_library(office) as mine:
        for title in ("Wells in Kenya", "Schools in Nepal", "Clinics in Myanmar"):
            stories.create_story(mine, {"title": title})
        field_copy.make_copy(mine, tmp_path / "laptop")
        field_copy.make_copy(mine, tmp_path / "nepal", [_id(mine, "Schools in Nepal")])
    with open_library(tmp_path / "laptop") as theirs:  # edited and deleted in the field meanwhile
        stories.edit_story(theirs, _id(theirs, "Clinics in Myanmar"), {"summary": "seen in the field"})
        trash.move_to_trash(theirs, [_id(theirs, "Schools in Nepal")])
    with open_library(office) as mine:
        wells, clinics = (queries.get_story(mine, _id(mine, t)).uuid for t in ("Wells in Kenya", "Clinics in Myanmar"))
        trash.move_to_trash(mine, [_id(mine, "Wells in Kenya"), _id(mine, "Clinics in Myanmar")])

        report = merging.merge(mine, tmp_path / "laptop")

        titles = {v.title for v in queries.stories(mine, queries.matching_ids(mine, "").tolist())}
        assert "Wells in Kenya" not in titles  # deleted here, untouched there: stays deleted
        assert "Schools in Nepal" not in titles  # deleted there: here it goes to the Trash too
        trashed = {t.title for t in trash.trashed(mine)}
        assert trashed == {"Schools in Nepal", "Wells in Kenya", "Clinics in Myanmar"}
        assert "Clinics in Myanmar" in titles and [c.field for c in report.conflicts] == ["(deleted)"]
        with pytest.raises(Conflict, match="“Clinics in Myanmar” is in the library again"):
            trash.restore_stories(mine, [clinics])
        assert trash.restore_stories(mine, [wells]).stories_added
    with open_library(tmp_path / "nepal") as part:  # a copy of some stories carries no Trash
        assert trash.count(part) == 0
