"""Authority records: suggestions from the names a story's text holds
(accepted or rejected, never made twice), merging two records (undoable),
the records a new library starts with, and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ngodesk.domain.errors import NotFound, ValidationError
from ngodesk.domain.models import AltName, StoryRecord
from ngodesk.services import entities, importing, queries, snapshots, stories, suggestions
from ngodesk.services.library import add_sample_records, open_library
from ngodesk.store.library import Library
from tests.conftest import SAMPLE
from tests.test_cli import ok


@pytest.fixture
def sample_with_records(sample_library: Library) -> Library:
    add_sample_records(sample_library)
    return sample_library


def _found(library: Library, story_ids: list[int] | None = None) -> dict[str, list[tuple[str, str]]]:
    """Story title -> (record name, words found) for every suggestion."""
    found: dict[str, list[tuple[str, str]]] = {}
    for s in suggestions.suggest(library, story_ids):
        found.setdefault(s.story_title, []).append((s.name, s.found))
    return found


def test_the_red_cross_story_suggests_that_organisation_and_sri_lanka(sample_with_records: Library) -> None:
    found = _found(sample_with_records)
    red_cross = found["China Red Cross donates $100,000 to Sri Lanka victims"]
    assert ("Red Cross Society of China", "China Red Cross") in red_cross  # (an alternative name, in the title)
    assert ("Sri Lanka", "Sri Lanka") in red_cross
    assert ("Sri Lanka Red Cross Society", "Sri Lanka Red Cross Society") in red_cross
    assert sum(len(v) for v in found.values()) >= 15  # most stories name someone


def test_names_match_in_either_script_and_acronyms_only_in_capitals(library: Library) -> None:
    entities.create_entity(
        library, "organisation", "China Foundation for Poverty Alleviation", ["中国扶贫基金会", "CFPA"]
    )
    entities.create_entity(library, "place", "Myanmar", [AltName("缅甸", "zh"), "Burma"])
    records = [
        StoryRecord("中國扶貧基金會在緬甸", "a"),  # traditional characters
        StoryRecord("CFPA opens an office in Yangon", "b"),
        StoryRecord("Cfpa and cfpa are not the acronym", "c", summary="Burmese food is not Burma either."),
        StoryRecord("The Myanmar project", "d", summary="Two Myanmars."),
    ]
    importing.import_records(library, records)
    found = _found(library)
    assert found["中國扶貧基金會在緬甸"] == [
        ("China Foundation for Poverty Alleviation", "中國扶貧基金會"),
        ("Myanmar", "緬甸"),
    ]
    assert found["CFPA opens an office in Yangon"] == [("China Foundation for Poverty Alleviation", "CFPA")]
    assert found["Cfpa and cfpa are not the acronym"] == [("Myanmar", "Burma")]  # (a whole word: not Burmese)
    assert found["The Myanmar project"] == [("Myanmar", "Myanmar")]


def test_accepted_and_rejected_suggestions_are_not_made_again(sample_with_records: Library) -> None:
    library = sample_with_records
    made = suggestions.suggest(library)
    red_cross = [s for s in made if s.story_title.startswith("China Red Cross")]
    accepted = [s for s in red_cross if s.name == "Red Cross Society of China"]
    rejected = [s for s in red_cross if s.name == "Sri Lanka Red Cross Society"]
    suggestions.review(library, accepted=accepted, rejected=rejected)
    story = queries.get_story(library, accepted[0].story_id)
    assert [e.name for e in story.entities] == ["Red Cross Society of China"]
    left = [s.name for s in suggestions.suggest(library, [story.id])]
    assert left == ["Sri Lanka"]
    taken = snapshots.snapshot_stories(library, [story.id])
    stories.delete_stories(library, [story.id])
    snapshots.restore_stories(library, taken)  # (undo of a delete: still linked, still rejected)
    assert [s.name for s in suggestions.suggest(library, [story.id])] == ["Sri Lanka"]
    suggestions.reject(library, rejected, rejected=False)  # (undo)
    assert sorted(s.name for s in suggestions.suggest(library, [story.id])) == [
        "Sri Lanka",
        "Sri Lanka Red Cross Society",
    ]


def test_merging_records_moves_links_and_keeps_names_and_undoes(library: Library) -> None:
    target = entities.create_entity(library, "organisation", "Red Cross Society of China", ["中国红十字会"]).id
    source = entities.create_entity(
        library, "organisation", "China Red Cross", ["RCSC"], note="From an old import", country="China"
    ).id
    place = entities.create_entity(library, "place", "China").id
    one = stories.create_story(library, {"title": "Relief in Sri Lanka"}).id
    entities.link_entity(library, [one], source)
    fund = entities.create_entity(library, "organisation", "Chinese Red Cross Foundation").id
    entities.see_also(library, fund, source)
    before = snapshots.snapshot_entities(library, [source, target])
    with pytest.raises(ValidationError, match=r"\(organisation\) and 'China' \(place\) are different kinds"):
        entities.merge_entities(library, source, place)
    changes = entities.merge_entities(library, source, target)
    assert changes.entities_removed == {source} and changes.stories_changed == {one}
    (merged,) = [v for v in queries.entities(library) if v.id == target]
    assert [n.name for n in merged.alt_names] == ["中国红十字会", "China Red Cross", "RCSC"]
    assert (merged.note, merged.country, merged.story_count) == ("From an old import", "China", 1)
    assert queries.matching_ids(library, "org:RCSC").tolist() == [one]
    uuids = {v.name: v.uuid for v in queries.entities(library)}
    assert merged.see_also == (uuids["Chinese Red Cross Foundation"],)  # (moved with the merge)
    snapshots.reset_entities(library, before)
    views = {v.name: v for v in queries.entities(library)}
    assert views["China Red Cross"].story_count == 1 and views["Red Cross Society of China"].story_count == 0
    assert [n.name for n in views["Red Cross Society of China"].alt_names] == ["中国红十字会"]
    assert views["China Red Cross"].see_also == (uuids["Chinese Red Cross Foundation"],)
    assert views["Red Cross Society of China"].see_also == ()


def test_a_new_default_library_has_the_sample_records() -> None:
    with open_library() as library:
        views = {v.name: v for v in queries.entities(library)}
    assert views["Red Cross Society of China"].type == "national Red Cross society"
    assert {n.name for n in views["Myanmar"].alt_names} == {"缅甸", "Burma"}
    assert len(views) == 21


def test_entity_and_suggest_commands(tmp_path: Path) -> None:
    path = tmp_path / "library"
    ok("import", str(SAMPLE), library=path)
    with open_library(path) as library:
        add_sample_records(library)
    listed = json.loads(ok("entity", "list", "--kind", "place", "--json", library=path))
    assert {row["name"] for row in listed} >= {"Sri Lanka", "Kenya", "Beijing"}
    found = json.loads(ok("suggest", "--query", "Sri Lanka", "--json", library=path))
    assert {row["name"] for row in found} == {"Red Cross Society of China", "Sri Lanka", "Sri Lanka Red Cross Society"}
    assert "Linked 3 suggestions in 1 story." in ok("suggest", "--query", "Sri Lanka", "--apply", library=path)
    assert json.loads(ok("suggest", "--query", "Sri Lanka", "--json", library=path)) == []
    orgs = {row["name"]: row for row in json.loads(ok("entity", "list", "--kind", "org", "--json", library=path))}
    source, target = orgs["Chinese Red Cross Foundation"]["uuid"], orgs["Red Cross Society of China"]["uuid"]
    listing = ok("entity", "list", "--kind", "org", library=path)  # (shows what merge takes)
    assert any(line.startswith(source[:8]) and "Chinese Red Cross Foundation" in line for line in listing.splitlines())
    ok("entity", "merge", source[:8], target, library=path)
    orgs = {row["name"]: row for row in json.loads(ok("entity", "list", "--kind", "org", "--json", library=path))}
    assert "Chinese Red Cross Foundation" not in orgs
    assert "Chinese Red Cross Foundation" in [n["name"] for n in orgs["Red Cross Society of China"]["alt_names"]]


def test_a_rejected_suggestion_stays_rejected_after_its_record_is_merged(library: Library) -> None:
    target = entities.create_entity(library, "organisation", "Red Cross Society of China").id
    source = entities.create_entity(library, "organisation", "China Red Cross").id
    story = stories.create_story(library, {"title": "China Red Cross volunteers"}).id
    (made,) = suggestions.suggest(library, [story])
    suggestions.reject(library, [made])
    entities.merge_entities(library, source, target)  # ("China Red Cross" is now the target's name too)
    assert suggestions.suggest(library, [story]) == []


def test_splitting_a_record_moves_names_and_links_and_undoes(library: Library) -> None:
    """Two organisations filed as one (the Chinese Red Cross Foundation's
    stories under the Red Cross Society) are split apart."""
    society = entities.create_entity(
        library,
        "organisation",
        "Red Cross Society of China",
        [AltName("中国红十字会", "zh-Hans", True), AltName("中国红十字基金会", "zh-Hans"), "CRCF"],
    ).id
    relief, fund = (stories.create_story(library, {"title": t}).id for t in ("Relief in Sri Lanka", "CRCF grants"))
    entities.link_entity(library, [relief, fund], society)
    before = snapshots.snapshot_entities(library, [society])
    with pytest.raises(ValidationError, match="'RCSC' is not an alternative name"):
        entities.split_entity(library, society, "Chinese Red Cross Foundation", ["RCSC"])
    with pytest.raises(ValidationError, match="a name other than"):
        entities.split_entity(library, society, "red cross society of china")
    created = entities.split_entity(
        library, society, "Chinese Red Cross Foundation", ["中国红十字基金会", "CRCF"], [fund]
    )
    views = {v.name: v for v in queries.entities(library)}
    new, old = views["Chinese Red Cross Foundation"], views["Red Cross Society of China"]
    assert [n.name for n in new.alt_names] == ["中国红十字基金会", "CRCF"] and new.kind == old.kind
    assert [(n.name, n.preferred) for n in old.alt_names] == [("中国红十字会", True)]
    assert (new.story_count, old.story_count) == (1, 1) and new.see_also == (old.uuid,)
    assert queries.matching_ids(library, "org:CRCF").tolist() == [fund]
    snapshots.undo_split(library, new_id=created.id, before=before)
    (back,) = queries.entities(library)
    assert (back.story_count, len(back.alt_names), back.see_also) == (2, 3, ())


def test_a_new_record_is_made_with_all_its_fields_or_not_at_all(library: Library) -> None:
    fields = entities.RecordFields(
        "Amity Foundation", (AltName("爱德基金会", "zh-Hans"),), note="Nanjing", country="CN", external_id="Q4746495"
    )
    made = entities.create_record(library, "organisation", fields)
    (view,) = queries.entities(library)
    assert (view.id, view.name, [n.name for n in view.alt_names], view.note) == (
        made.id,
        "Amity Foundation",
        ["爱德基金会"],
        "Nanjing",
    )
    with pytest.raises(NotFound):  # ("see also" a record that is not there: after the record was made)
        entities.create_record(library, "person", entities.RecordFields("Wang Xing", see_also=(made.id + 99,)))
    assert [v.name for v in queries.entities(library)] == ["Amity Foundation"]


def test_a_review_of_suggestions_and_its_undo_are_whole(sample_with_records: Library) -> None:
    library = sample_with_records
    red_cross = [s for s in suggestions.suggest(library) if s.story_title.startswith("China Red Cross")]
    accepted = [s for s in red_cross if s.name == "Red Cross Society of China"]
    rejected = [s for s in red_cross if s.name == "Sri Lanka Red Cross Society"]
    story_id = accepted[0].story_id
    changes, made = suggestions.review(library, accepted=accepted, rejected=rejected)
    assert story_id in changes.stories_changed and made == [(story_id, accepted[0].entity_id)]
    suggestions.take_back_review(library, made=made, rejected=rejected)
    assert queries.get_story(library, story_id).entities == ()
    assert {s.name for s in suggestions.suggest(library, [story_id])} >= {
        "Red Cross Society of China",
        "Sri Lanka Red Cross Society",
    }


def test_one_preferred_name_per_language(library: Library) -> None:
    cfpa = entities.create_entity(
        library,
        "organisation",
        "China Foundation for Poverty Alleviation",
        [AltName("中国扶贫基金会", "zh-Hans", True)],
    ).id
    with pytest.raises(ValidationError, match="cannot both be the preferred name in zh-Hans"):
        entities.update_entity(
            library,
            cfpa,
            alt_names=[AltName("中国扶贫基金会", "zh-Hans", True), AltName("扶贫基金会", "zh-Hans", True)],
        )
    (view,) = queries.entities(library)
    assert view.alt_names == (AltName("中国扶贫基金会", "zh-Hans", True),)
