"""Services: validation, transactions, revisions, tombstones, change sets."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from ngodesk.domain.errors import Conflict, NotFound, ValidationError
from ngodesk.domain.models import AltName
from ngodesk.services import entities, queries, stories, tags
from ngodesk.store.library import Library
from ngodesk.store.schema import Story, Tombstone


def tag_id(library: Library, path: str) -> int:
    return next(t.id for t in queries.tags(library) if t.path == path)


def story_count(library: Library) -> int:
    with library.read() as session:
        return session.scalar(select(func.count()).select_from(Story)) or 0


def test_create_story_validates_and_derives(library: Library) -> None:
    created = stories.create_story(
        library,
        {"title": "  Relief   in Nepal ", "published": "2015/5", "url": "//example.org/a", "status": "Catalogued"},
        ["Region/Asia/Nepal"],
    )
    view = queries.get_story(library, created.id)
    assert view.title == "Relief in Nepal"
    assert view.published == "2015-05"
    assert view.url == "https://example.org/a"
    assert view.status.value == "catalogued"
    assert [t.path for t in view.tags] == ["Region/Asia/Nepal"]
    assert view.revision == 1 and len(view.uuid) == 36
    assert created.changes.stories_added == {created.id}
    assert len(created.changes.tags_added) == 3


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"title": "   "}, "needs a title"),
        ({"title": "x", "published": "May 2018"}, "is not a date"),
        ({"title": "x", "published": "2018-02-30"}, "day must be 01-28"),
        ({"title": "x", "url": "not a url"}, "is not a web address"),
        ({"title": "x", "url": "javascript:alert(1)"}, "is not a web address"),
        ({"title": "x", "status": "done"}, "is not one of draft, catalogued, reviewed"),
        ({"title": "x", "language": "qwerty"}, "is not a language"),
        ({"title": "x", "colour": "red"}, "'colour' is not a story field"),
        ({"title": "x", "url": "http://[::1"}, "is not a web address: Invalid IPv6 URL"),
        ({"title": "x", "url": "http://example.org:99999/"}, "is not a web address: Port out of range"),
        ({"title": "bad \udcff bytes"}, "title has bytes that are not valid UTF-8 at column 5"),
    ],
)
def test_invalid_values_are_refused_and_nothing_is_written(library: Library, values: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        stories.create_story(library, values, ["Should/Not/Exist"])
    assert story_count(library) == 0
    assert queries.tags(library) == []


def test_edit_bumps_revision_only_when_something_changes(library: Library) -> None:
    created = stories.create_story(library, {"title": "A"})
    assert stories.edit_story(library, created.id, {"title": "A"}).empty
    assert queries.get_story(library, created.id).revision == 1
    changes = stories.edit_story(library, created.id, {"summary": "new"}, add_tags=["T"])
    assert changes.stories_changed == {created.id}
    view = queries.get_story(library, created.id)
    assert view.revision == 2 and view.summary == "new" and view.updated_at > view.created_at


def test_failed_edit_changes_nothing(library: Library) -> None:
    created = stories.create_story(library, {"title": "Original"})
    with pytest.raises(ValidationError):
        stories.edit_story(library, created.id, {"title": "Changed", "published": "never"}, add_tags=["New"])
    view = queries.get_story(library, created.id)
    assert view.title == "Original" and view.tags == () and view.revision == 1
    assert queries.tags(library) == []
    with pytest.raises(NotFound, match="no tag 'Missing'"):
        stories.edit_story(library, created.id, {"title": "Changed"}, remove_tags=["Missing"])
    assert queries.get_story(library, created.id).title == "Original"


def test_delete_leaves_tombstones(library: Library) -> None:
    a = stories.create_story(library, {"title": "A"}, ["T"])
    b = stories.create_story(library, {"title": "B"})
    changes = stories.delete_stories(library, [a.id, b.id])
    assert changes.stories_removed == {a.id, b.id}
    assert story_count(library) == 0
    with library.read() as session:
        assert set(session.scalars(select(Tombstone.uuid).where(Tombstone.kind == "story"))) == {a.uuid, b.uuid}
    assert queries.tags(library)[0].story_count == 0
    with pytest.raises(NotFound, match="was deleted"):
        queries.resolve_story(library, a.uuid)


def test_delete_is_all_or_nothing(library: Library) -> None:
    a = stories.create_story(library, {"title": "A"})
    with pytest.raises(NotFound):
        stories.delete_stories(library, [a.id, 9999])
    assert story_count(library) == 1


def test_tag_names_are_unique_among_siblings_only(library: Library) -> None:
    tags.create_tag(library, "Region/Africa")
    tags.create_tag(library, "Topic/Africa")  # same name, other parent: fine
    with pytest.raises(Conflict, match="already exists"):
        tags.create_tag(library, "region/AFRICA")
    with pytest.raises(Conflict):
        tags.create_child_tag(library, None, "Region")
    with pytest.raises(ValidationError, match="'/' separates levels"):
        tags.create_child_tag(library, None, "a/b")


def test_rename_move_and_cycles(library: Library) -> None:
    tags.create_tag(library, "Region/Africa/Kenya")
    tags.create_tag(library, "Region/Asia")
    africa, asia, region = (tag_id(library, p) for p in ("Region/Africa", "Region/Asia", "Region"))
    with pytest.raises(Conflict, match="already exists beside"):
        tags.rename_tag(library, africa, "asia")
    tags.rename_tag(library, africa, "非洲")
    assert "Region/非洲/Kenya" in [t.path for t in queries.tags(library)]
    with pytest.raises(Conflict, match="under itself"):
        tags.move_tag(library, region, tag_id(library, "Region/非洲/Kenya"))
    tags.move_tag(library, tag_id(library, "Region/非洲/Kenya"), asia)
    assert "Region/Asia/Kenya" in [t.path for t in queries.tags(library)]
    tags.move_tag(library, asia, None)
    assert "Asia/Kenya" in [t.path for t in queries.tags(library)]


def test_merge_tags_moves_stories_and_children(library: Library) -> None:
    one = stories.create_story(library, {"title": "One"}, ["NGO/Kenya", "NGOs"])
    two = stories.create_story(library, {"title": "Two"}, ["NGOs/Kenya", "NGOs/Nepal"])
    source, target = tag_id(library, "NGOs"), tag_id(library, "NGO")
    changes = tags.merge_tags(library, source, target)
    paths = {t.path: t.story_count for t in queries.tags(library)}
    assert paths == {"NGO": 2, "NGO/Kenya": 2, "NGO/Nepal": 1}
    assert {t.path for t in queries.get_story(library, one.id).tags} == {"NGO", "NGO/Kenya"}
    assert {t.path for t in queries.get_story(library, two.id).tags} == {"NGO/Kenya", "NGO/Nepal"}
    assert source in changes.tags_removed
    with library.read() as session:
        tomb = session.scalars(select(Tombstone).where(Tombstone.kind == "tag")).all()
        assert {t.replaced_by for t in tomb} == {queries.tags(library)[0].uuid, queries.tags(library)[1].uuid}


def test_delete_tag_needs_recursive_for_children(library: Library) -> None:
    created = stories.create_story(library, {"title": "One"}, ["Region/Africa"])
    region = tag_id(library, "Region")
    assert tags.stories_affected_by_delete(library, region) == 1
    with pytest.raises(Conflict, match="1 tag\\(s\\) below it"):
        tags.delete_tag(library, region)
    changes = tags.delete_tag(library, region, recursive=True)
    assert changes.stories_changed == {created.id}
    assert queries.tags(library) == []
    view = queries.get_story(library, created.id)
    assert view.tags == () and view.revision == 2


def test_tag_and_untag_many(library: Library) -> None:
    ids = [stories.create_story(library, {"title": f"S{i}"}).id for i in range(5)]
    topic = tags.create_tag(library, "Topic").id
    assert tags.tag_stories(library, ids[:3], topic).stories_changed == set(ids[:3])
    assert tags.tag_stories(library, ids, topic).stories_changed == set(ids[3:])
    assert tags.tag_stories(library, ids[1:], topic, tag=False).stories_changed == set(ids[1:])
    assert queries.tags(library)[0].story_count == 1
    with pytest.raises(NotFound):
        tags.tag_stories(library, [ids[0], 12345], topic)


def test_setting_a_storys_tags_replaces_them_whatever_the_case(library: Library) -> None:
    created = stories.create_story(library, {"title": "S"}, ["Region/Africa/Kenya", "Topic/Health"])
    changes = stories.edit_story(library, created.id, set_tags=["region/africa/KENYA", "Topic/Water"])
    assert [tag.path for tag in queries.get_story(library, created.id).tags] == ["Region/Africa/Kenya", "Topic/Water"]
    assert len(changes.tags_added) == 1 and len(changes.tags_changed) == 1  # Water new; Health lost its story
    assert stories.edit_story(library, created.id, set_tags=["Topic/Water", "Region/Africa/Kenya"]).empty
    with pytest.raises(ValidationError, match="Tag name has bytes that are not valid UTF-8"):
        stories.edit_story(library, created.id, set_tags=["Topic/\udcff"])
    assert [tag.path for tag in queries.get_story(library, created.id).tags] == ["Region/Africa/Kenya", "Topic/Water"]


def test_tag_colour(library: Library) -> None:
    topic = tags.create_tag(library, "Topic").id
    tags.set_tag_colour(library, topic, "#FFAA00")
    assert queries.tags(library)[0].colour == "#ffaa00"
    with pytest.raises(ValidationError):
        tags.set_tag_colour(library, topic, "orange")


def test_entities_are_found_by_any_name(library: Library) -> None:
    cfpa = entities.create_entity(
        library,
        "organisation",
        "中国扶贫基金会",
        ["China Foundation for Poverty Alleviation", AltName("CFPA", "en"), AltName("中國扶貧基金會", "zh-Hant")],
    )
    assert [(n.name, n.language) for n in queries.entities(library)[0].alt_names] == [
        ("China Foundation for Poverty Alleviation", "en"),  # guessed
        ("CFPA", "en"),
        ("中國扶貧基金會", "zh-Hant"),
    ]
    story = stories.create_story(library, {"title": "Aid"}, link=[("organisation", "cfpa")])
    view = queries.get_story(library, story.id)
    assert [(e.uuid, e.name) for e in view.entities] == [(cfpa.uuid, "中国扶贫基金会")]
    assert titles_for(library, "org:Poverty") == {"Aid"}
    entities.update_entity(
        library, cfpa.id, name="China Foundation for Poverty Alleviation", alt_names=["中国扶贫基金会"]
    )
    assert queries.entities(library)[0].alt_names == (AltName("中国扶贫基金会", "zh"),)
    assert entities.link_entity(library, [story.id], cfpa.id, link=False).stories_changed == {story.id}
    assert entities.link_entity(library, [story.id], cfpa.id).stories_changed == {story.id}
    assert queries.entities(library)[0].story_count == 1
    entities.delete_entity(library, cfpa.id)
    assert queries.get_story(library, story.id).entities == ()
    with pytest.raises(ValidationError, match="not a kind of record"):
        entities.create_entity(library, "company", "X")


def titles_for(library: Library, query: str) -> set[str]:
    return {hit.story.title for hit in queries.search(library, query).hits}
