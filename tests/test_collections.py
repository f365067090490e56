"""Collections: a saved search counts what it finds now (live), a manual
collection keeps its stories in the user's order; names are unique;
deleting a collection never deletes a story."""

from __future__ import annotations

import pytest

from ngodesk.domain.errors import Conflict, QueryError, ValidationError
from ngodesk.domain.models import FacetKind, Filter, StoryRecord
from ngodesk.services import importing, queries, stories
from ngodesk.services import story_collections as collections
from ngodesk.store.library import Library


@pytest.fixture
def three(library: Library) -> list[int]:
    records = [
        StoryRecord("Wells in Kenya", "a", tags=("Region/Africa/Kenya",)),
        StoryRecord("Schools in Nepal", "b", tags=("Region/Asia/Nepal",)),
        StoryRecord("Clinics in Kenya", "c", tags=("Region/Africa/Kenya",), language="en"),
    ]
    return sorted(importing.import_records(library, records).changes.stories_added)


def _counts(library: Library) -> dict[str, int]:
    return {view.name: view.story_count for view in collections.collections(library)}


def test_a_saved_search_is_live(library: Library, three: list[int]) -> None:
    kenya = next(t for t in queries.tags(library) if t.path == "Region/Africa/Kenya")
    saved = collections.save_search(library, "Kenya", "", [Filter(FacetKind.TAG, str(kenya.id))]).id
    collections.save_search(library, "Schools", "schools")
    assert _counts(library) == {"Kenya": 2, "Schools": 1}
    stories.create_story(library, {"title": "Roads in Kenya"}, ["Region/Africa/Kenya"])
    assert _counts(library)["Kenya"] == 3  # (evaluated when shown)
    assert sorted(collections.stories_of(library, saved)) == sorted(
        queries.matching_ids(library, "tag:=Region/Africa/Kenya").tolist()
    )
    with pytest.raises(QueryError):
        collections.save_search(library, "Broken", 'unclosed "quote')
    with pytest.raises(ValidationError, match="is a saved search"):
        collections.add_stories(library, saved, three)


def test_a_manual_collection_keeps_its_order_and_only_its_stories(library: Library, three: list[int]) -> None:
    wells, schools, clinics = three
    shelf = collections.create_manual(library, "Reading list", [clinics, wells]).id
    collections.add_stories(library, shelf, [wells, schools])  # (wells is in it already)
    assert collections.stories_of(library, shelf) == [clinics, wells, schools]
    collections.set_order(library, shelf, [schools, clinics, wells])
    assert collections.stories_of(library, shelf) == [schools, clinics, wells]
    with pytest.raises(ValidationError, match="exactly its 3 stories"):
        collections.set_order(library, shelf, [schools, clinics])
    ids = queries.matching_ids(library, "", [Filter(FacetKind.COLLECTION, str(shelf))]).tolist()
    assert sorted(ids) == sorted(three)  # (the sidebar filter)
    collections.remove_stories(library, shelf, [clinics])
    stories.delete_stories(library, [wells])
    assert collections.stories_of(library, shelf) == [schools] and _counts(library) == {"Reading list": 1}
    collections.delete_collection(library, shelf)
    assert collections.collections(library) == [] and queries.story_count(library) == 2


def test_names_are_unique_and_renaming_keeps_the_stories(library: Library, three: list[int]) -> None:
    shelf = collections.create_manual(library, "Reading list", three[:1]).id
    with pytest.raises(Conflict, match="named 'reading LIST' already"):
        collections.save_search(library, "reading LIST", "kenya")
    collections.rename(library, shelf, "Read later")
    assert _counts(library) == {"Read later": 1}
    with pytest.raises(ValidationError, match="needs a name"):
        collections.rename(library, shelf, "   ")


def test_a_deleted_collection_comes_back_without_stories_deleted_since(library: Library, three: list[int]) -> None:
    shelf = collections.create_manual(library, "Reading list", three).id
    taken = collections.snapshot(library, shelf)
    collections.delete_collection(library, shelf)
    stories.delete_stories(library, [three[1]])
    collections.restore(library, taken)
    assert collections.stories_of(library, shelf) == [three[0], three[2]]
    with pytest.raises(Conflict, match="place was taken"):
        collections.restore(library, taken)


def test_undoing_a_story_delete_puts_it_back_in_its_collections(library: Library, three: list[int]) -> None:
    from ngodesk.services import snapshots

    shelf = collections.create_manual(library, "Reading list", three).id
    taken = snapshots.snapshot_stories(library, [three[1]])
    stories.delete_stories(library, [three[1]])
    assert collections.stories_of(library, shelf) == [three[0], three[2]]
    snapshots.restore_stories(library, taken)
    assert collections.stories_of(library, shelf) == three  # (at its place)
    snapshots.put_back_stories(library, snapshots.snapshot_stories(library, three))  # (undo of an edit elsewhere)
    assert collections.stories_of(library, shelf) == three


def test_a_saved_search_follows_its_tag_into_a_merge(library: Library, three: list[int]) -> None:
    from ngodesk.services import tags

    kenya = next(t for t in queries.tags(library) if t.path == "Region/Africa/Kenya")
    africa = next(t for t in queries.tags(library) if t.path == "Region/Africa")
    collections.save_search(library, "Kenya", "", [Filter(FacetKind.TAG, str(kenya.id))])
    tags.merge_tags(library, kenya.id, africa.id)  # Kenya's stories are Africa's now
    assert _counts(library) == {"Kenya": 2}
    tags.delete_tag(library, africa.id, recursive=True)
    assert _counts(library) == {"Kenya": 0}  # (the tag is gone: the search finds nothing)
