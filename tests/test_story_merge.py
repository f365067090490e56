"""Merging a duplicate pair: fields picked one by one, everything else of
both stories kept, the merged-away uuid leading to the survivor."""

from __future__ import annotations

import pytest

from ngodesk.domain.errors import Conflict, NotFound, ValidationError
from ngodesk.domain.models import AnnotationKind, EntityKind, Translation
from ngodesk.services import annotating, duplicates, queries, snapshots, stories, story_merge, translations
from ngodesk.services import story_collections as collections
from ngodesk.store.library import Library


@pytest.fixture
def pair(library: Library) -> tuple[int, int]:
    keep = stories.create_story(
        library,
        {"title": "中国扶贫基金会在尼泊尔建学校", "summary": "学校 opened in Nepal.", "published": "2019-05-02"},
        ["Region/Asia/Nepal"],
        [(EntityKind.ORGANISATION, "中国扶贫基金会")],
    ).id
    other = stories.create_story(
        library,
        {
            "title": "中国扶贫基金会在尼泊尔建学校！",
            "summary": "A school opened in Nepal by CFPA.",
            "url": "https://example.org/nepal-school",
            "published": "2019-05-02",
        },
        ["Topic/Education"],
        [(EntityKind.PLACE, "Nepal")],
    ).id
    translations.set_translations(library, keep, [Translation("title", "en", "CFPA builds a school in Nepal")])
    translations.set_translations(
        library,
        other,
        [Translation("summary", "zh-Hans", "扶贫基金会在尼泊尔开学"), Translation("title", "en", "CFPA school, Nepal")],
    )
    annotating.add(library, other, annotating.NewAnnotation("summary", 2, 8, AnnotationKind.COMMENT, "which school?"))
    shelf = collections.create_manual(library, "Reading list", [other]).id
    assert shelf
    return keep, other


def test_the_pair_is_found_and_merged_keeping_everything(library: Library, pair: tuple[int, int]) -> None:
    keep, other = pair
    assert [(p.first.id, p.second.id) for p in duplicates.find_pairs(library)] == [(keep, other)]
    other_uuid = queries.get_story(library, other).uuid
    story_merge.merge(library, keep, other, from_other=["summary", "url"])
    merged = queries.get_story(library, keep)
    assert merged.title == "中国扶贫基金会在尼泊尔建学校"  # the survivor's
    assert merged.summary == "A school opened in Nepal by CFPA." and merged.url == "https://example.org/nepal-school"
    assert sorted(t.path for t in merged.tags) == ["Region/Asia/Nepal", "Topic/Education"]
    assert sorted(e.name for e in merged.entities) == ["Nepal", "中国扶贫基金会"]
    assert {(t.field, t.language, t.text) for t in merged.translations} == {
        ("title", "en", "CFPA builds a school in Nepal"),  # the title kept is the survivor's: so is its translation
        ("summary", "zh-Hans", "扶贫基金会在尼泊尔开学"),
    }
    [note] = annotating.annotations(library, [keep])
    assert note.body == "which school?" and note.exact == "school" and not note.orphaned
    assert collections.stories_of(library, collections.collections(library)[0].id) == [keep]
    assert queries.resolve_story(library, other_uuid) == keep  # the tombstone redirects
    assert queries.matching_ids(library, "CFPA").tolist() == [keep]
    assert duplicates.find_pairs(library) == []
    assert queries.check(library) == []


def test_merge_is_undone_by_snapshots(library: Library, pair: tuple[int, int]) -> None:
    keep, other = pair
    taken = snapshots.snapshot_stories(library, [keep, other])
    views = queries.stories(library, [keep, other])
    notes = annotating.annotations(library)
    story_merge.merge(library, keep, other, from_other=["title"])
    snapshots.reset_stories(library, taken)
    assert queries.stories(library, [keep, other]) == views
    assert annotating.annotations(library) == notes
    assert queries.resolve_story(library, views[1].uuid) == other


def test_bad_merges_are_refused(library: Library, pair: tuple[int, int]) -> None:
    keep, other = pair
    with pytest.raises(ValidationError, match="'colour' is not a field"):
        story_merge.merge(library, keep, other, from_other=["colour"])
    with pytest.raises(Conflict, match="into itself"):
        story_merge.merge(library, keep, keep)
    with pytest.raises(NotFound, match="No story with id 99"):
        story_merge.merge(library, keep, 99)
    assert len(queries.stories(library, [keep, other])) == 2 and queries.check(library) == []


def test_importing_the_merged_away_story_again_finds_the_survivor(
    library: Library, pair: tuple[int, int], tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from ngodesk.services import exporting, importing

    keep, other = pair
    exported = tmp_path / "before.json"
    exporting.export(library, "json", exported)
    story_merge.merge(library, keep, other)
    report = importing.import_files(library, [exported])
    assert report.added == 0
    assert sorted(d.reason.split(" (")[-1] for d in report.duplicates) == [
        "the same story: it was merged into this one)",
        "the same story: its uuid)",
    ]
    assert queries.story_count(library) == 1
