"""Tags as a thesaurus: synonyms redirect (typing, importing, searching),
tag:X includes narrower tags and tag:=X does not, merges keep the old name
as a synonym, related tags and scope notes, the tree on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ngodesk.domain.errors import Conflict
from ngodesk.domain.models import StoryRecord
from ngodesk.services import importing, queries, stories, tags, thesaurus
from ngodesk.store.library import Library
from tests.test_cli import ngodesk, ok


def _ids(library: Library, query: str) -> list[int]:
    return sorted(queries.matching_ids(library, query).tolist())


def _tag_paths(library: Library, story_id: int) -> list[str]:
    return [tag.path for tag in queries.get_story(library, story_id).tags]


@pytest.fixture
def myanmar(library: Library) -> int:
    return tags.create_tag(library, "Region/Asia/Myanmar").id


def test_a_synonym_means_its_tag_when_typed_imported_or_searched(library: Library, myanmar: int) -> None:
    thesaurus.make_synonym(library, "Burma", myanmar)
    report = importing.import_records(library, [StoryRecord("Aid to Yangon", "a", tags=("Burma",))])
    (imported,) = report.changes.stories_added
    assert _tag_paths(library, imported) == ["Region/Asia/Myanmar"]
    typed = stories.create_story(library, {"title": "Schools in Mandalay"}).id
    stories.edit_story(library, typed, {}, add_tags=["burma"])  # (any case)
    assert _tag_paths(library, typed) == ["Region/Asia/Myanmar"]
    assert _ids(library, "tag:Burma") == sorted([imported, typed])
    assert [tag.path for tag in queries.tags(library)] == ["Region", "Region/Asia", "Region/Asia/Myanmar"]
    with pytest.raises(Conflict, match="'Burma' is a synonym of the tag 'Region/Asia/Myanmar'"):
        tags.create_tag(library, "Burma")
    thesaurus.remove_synonym(library, myanmar, "BURMA")
    assert _ids(library, "tag:Burma") == []


def test_tag_searches_include_narrower_tags_unless_exact(library: Library, myanmar: int) -> None:
    records = [
        StoryRecord("In Asia", "a", tags=("Region/Asia",)),
        StoryRecord("In Myanmar", "b", tags=("Region/Asia/Myanmar",)),
        StoryRecord("In Belt and Road", "c", tags=("Belt and Road",)),
    ]
    asia, burma, belt = sorted(importing.import_records(library, records).changes.stories_added, reverse=True)
    assert _ids(library, "tag:Asia") == sorted([asia, burma])
    assert _ids(library, "tag:=Asia") == [asia]
    assert _ids(library, "tag:=Region/Asia") == [asia]
    assert _ids(library, 'tag:="Belt and Road"') == [belt]
    assert _ids(library, "tag:=Region") == []


def test_a_synonym_that_is_a_tag_merges_it_and_merged_names_stay_findable(library: Library, myanmar: int) -> None:
    report = importing.import_records(library, [StoryRecord("Old spelling", "a", tags=("Burma",))])
    (story,) = report.changes.stories_added
    changes = thesaurus.make_synonym(library, "Burma", myanmar)
    assert changes.tags_removed and _tag_paths(library, story) == ["Region/Asia/Myanmar"]
    health = tags.create_tag(library, "Topic/Health").id
    medicine = tags.create_tag(library, "Medicine").id
    thesaurus.relate(library, medicine, myanmar)
    thesaurus.make_synonym(library, "Medical care", medicine)
    tags.merge_tags(library, medicine, health)  # its name, synonyms and relations go to Topic/Health
    (node,) = [n for n in thesaurus.tree(library) if n.path == "Topic/Health"]
    assert (node.synonyms, node.related) == (("Medical care", "Medicine"), ("Region/Asia/Myanmar",))
    again = importing.import_records(library, [StoryRecord("Clinics", "b", tags=("Medicine",))])
    (clinics,) = again.changes.stories_added
    assert _tag_paths(library, clinics) == ["Topic/Health"]
    with pytest.raises(Conflict, match="already a synonym of 'Topic/Health'"):
        thesaurus.make_synonym(library, "Medicine", myanmar)


def test_the_tree_counts_stories_below_each_tag_and_carries_notes(library: Library, myanmar: int) -> None:
    importing.import_records(library, [StoryRecord("In Myanmar", "a", tags=("Region/Asia/Myanmar",))])
    thesaurus.set_scope_note(library, myanmar, "  Stories set in Myanmar.  ")
    nodes = {node.path: node for node in thesaurus.tree(library)}
    assert [(p, n.depth, n.story_count) for p, n in nodes.items()] == [
        ("Region", 0, 1),
        ("Region/Asia", 1, 1),
        ("Region/Asia/Myanmar", 2, 1),
    ]
    assert nodes["Region/Asia/Myanmar"].scope_note == "Stories set in Myanmar."
    asia = nodes["Region/Asia"].id
    thesaurus.relate(library, myanmar, asia)
    related = {node.path: node.related for node in thesaurus.tree(library)}
    assert related["Region/Asia"] == ("Region/Asia/Myanmar",) and related["Region/Asia/Myanmar"] == ("Region/Asia",)
    thesaurus.relate(library, asia, myanmar, related=False)  # (either order)
    assert all(not node.related for node in thesaurus.tree(library))


def test_tag_commands(tmp_path: Path) -> None:
    path = tmp_path / "library"
    ok("add", "--title", "Hospitals in Yangon", "summary=Burma health aid", library=path)
    ok("add", "--title", "Schools in Kenya", library=path)
    ok("tag", "create", "Region/Asia/Myanmar", library=path)
    ok("tag", "synonym", "Burma", "Region/Asia/Myanmar", library=path)
    assert "Tagged 1 of 1 stories" in ok("tag", "apply", "Burma", "--query", "hospitals", library=path)
    ok("tag", "note", "Myanmar", "Stories set in Myanmar", library=path)
    ok("tag", "create", "Topic/Health", library=path)
    ok("tag", "relate", "Myanmar", "Topic/Health", library=path)
    tree = json.loads(ok("tags", "--tree", "--json", library=path))
    (myanmar,) = [row for row in tree if row["path"] == "Region/Asia/Myanmar"]
    assert (myanmar["stories"], myanmar["synonyms"], myanmar["related"], myanmar["scope_note"]) == (
        1,
        ["Burma"],
        ["Topic/Health"],
        "Stories set in Myanmar",
    )
    text = ok("tags", "--tree", library=path)
    assert "UF Burma" in text and "SN Stories set in Myanmar" in text
    ok("tag", "merge", "Topic/Health", "Myanmar", library=path)
    (myanmar,) = [row for row in json.loads(ok("tags", "--tree", "--json", library=path)) if row["name"] == "Myanmar"]
    assert myanmar["synonyms"] == ["Burma", "Health"] and myanmar["related"] == []
    missing = ngodesk("tag", "merge", "Nowhere", "Myanmar", library=path)
    assert missing.returncode == 1 and "No tag 'Nowhere'" in missing.stderr


def test_undoing_a_merge_or_delete_brings_synonyms_and_relations_back(library: Library, myanmar: int) -> None:
    from ngodesk.services import restore

    health = tags.create_tag(library, "Topic/Health").id
    medicine = tags.create_tag(library, "Medicine").id
    thesaurus.make_synonym(library, "Burma", myanmar)
    thesaurus.make_synonym(library, "Medical care", medicine)
    thesaurus.relate(library, medicine, myanmar)
    before = thesaurus.tree(library)
    snapshot = restore.snapshot_tags(library, [medicine, health])
    tags.merge_tags(library, medicine, health)
    restore.restore_tags(library, snapshot)
    assert thesaurus.tree(library) == before
    snapshot = restore.snapshot_tags(library, [myanmar])
    tags.delete_tag(library, myanmar, recursive=True)
    assert _ids(library, "tag:Burma") == [] and all(not n.related for n in thesaurus.tree(library))
    restore.restore_tags(library, snapshot)
    assert thesaurus.tree(library) == before
