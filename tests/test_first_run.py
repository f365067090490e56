"""The first run: a new default library shows what ngodesk does with the
sample collection (stories linked to the records they name, their source,
the glossary, saved searches) and invents nothing."""

from __future__ import annotations

from ngodesk.services import glossary, queries, story_collections, suggestions
from ngodesk.services.library import SAMPLE_SOURCE, open_library


def _stories(library):  # type: ignore[no-untyped-def]
    return {v.title: v for v in queries.stories(library, queries.matching_ids(library, "").tolist())}


def test_a_new_default_library_links_the_sample_to_the_records_it_names() -> None:
    with open_library() as library:
        stories = _stories(library)
        assert len(stories) == 13
        red_cross = stories["China Red Cross donates $100,000 to Sri Lanka victims"]
        assert [e.name for e in red_cross.entities] == [
            "Red Cross Society of China",  # (named "China Red Cross" in the title)
            "Sri Lanka Red Cross Society",
            "Sri Lanka",
        ]
        seminar = next(v for t, v in stories.items() if t.startswith("Seminar on Chinese NGOs"))
        assert "China Foundation for Poverty Alleviation" in {e.name for e in seminar.entities}
        overview = next(v for t, v in stories.items() if t.startswith("An Overview of Chinese Foreign Aid"))
        assert overview.entities == ()  # (it names no record)
        assert suggestions.suggest(library) == []  # (the suggestions were taken once, all of them)
        # The listing it comes from, and nothing the listing does not say.
        assert {v.source for v in stories.values()} == {SAMPLE_SOURCE}
        assert {v.published for v in stories.values()} == {""}
        assert {v.status.value for v in stories.values()} == {"draft"}
        assert {v.revision for v in stories.values()} == {1}  # (stored as imported: no edits in the history)
        assert {t.term for _, t in glossary.terms(library)} == {"走出去", "丝路一家亲", "民生项目"}


def test_the_saved_searches_of_a_new_library_find_stories() -> None:
    with open_library() as library:
        saved = {v.name: v.story_count for v in story_collections.collections(library)}
        assert saved == {"Belt and Road": 3, "Stories naming CFPA": 2, "Not yet reviewed": 13}
        assert queries.matching_ids(library, f'source:"{SAMPLE_SOURCE}"').size == 13


def test_opening_the_default_library_again_adds_nothing() -> None:
    with open_library() as library:
        before = {t: [e.name for e in v.entities] for t, v in _stories(library).items()}
    with open_library() as library:
        assert {t: [e.name for e in v.entities] for t, v in _stories(library).items()} == before
        assert len(story_collections.collections(library, counted=False)) == 3


def test_the_sample_records_are_made_once_even_when_one_names_another(library) -> None:  # type: ignore[no-untyped-def]
    from ngodesk.services import entities

    wanted = [
        {"kind": "place", "name": "Myanmar", "alt_names": [["Burma", "en"]]},
        {"kind": "place", "name": "Burma"},  # (Myanmar's other name: the same place)
        {"kind": "organisation", "name": "Burma"},  # (another kind: another record)
    ]
    made = entities.add_missing(library, wanted)
    assert len(made.entities_added) == 2
    assert entities.add_missing(library, wanted).entities_added == frozenset()
    assert sorted((v.kind.value, v.name) for v in queries.entities(library)) == [
        ("organisation", "Burma"),
        ("place", "Myanmar"),
    ]
