"""What a merge does with the lists a librarian keeps beside the stories:
rejected suggestions merge as sets (what either side rejected, less what
either side took back), and a manual collection keeps the order it was
given: theirs when only they reordered it, ours when only we did, ours
(or theirs, preferred) when both did; stories one side added stand after
the story they followed there."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngodesk.domain.models import EntityKind
from ngodesk.services import conflicts, entities, field_copy, merging, queries, stories, suggestions
from ngodesk.services import story_collections as collections
from ngodesk.services.library import open_library
from ngodesk.services.merging import Prefer
from ngodesk.store.library import Library

TITLES = ("One", "Two", "Three", "Four", "Five")


def _ids(library: Library) -> dict[str, int]:
    views = queries.stories(library, queries.matching_ids(library, "").tolist())
    return {v.title: v.id for v in views}


def _shelf(library: Library) -> int:
    (shelf,) = collections.collections(library)
    return shelf.id


def _order(library: Library) -> list[str]:
    """The collection's stories by title, in its order."""
    titles = {i: t for t, i in _ids(library).items()}
    return [titles[i] for i in collections.stories_of(library, _shelf(library))]


def _positions(library: Library) -> list[tuple[str, int]]:
    with library.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT s.title, m.position FROM collection_stories m JOIN stories s ON s.id = m.story_id"
            " ORDER BY m.position, s.title"
        )
        return [(title, position) for title, position in rows]


def _reorder(library: Library, titles: list[str]) -> None:
    ids = _ids(library)
    collections.set_order(library, _shelf(library), [ids[t] for t in titles])


@pytest.fixture
def shelf(tmp_path: Path) -> tuple[Path, Path]:
    """An office with a reading list of five stories, and a field copy of it."""
    origin = tmp_path / "office"
    with open_library(origin) as library:
        made = [stories.create_story(library, {"title": title}).id for title in TITLES]
        collections.create_manual(library, "Reading list", made)
        field_copy.make_copy(library, tmp_path / "laptop")
    return origin, tmp_path / "laptop"


def test_only_their_new_order_is_taken_with_their_positions(shelf: tuple[Path, Path]) -> None:
    origin, copy = shelf
    with open_library(copy) as theirs:
        _reorder(theirs, ["Five", "One", "Two", "Three", "Four"])
        wanted = _positions(theirs)
    with open_library(origin) as mine:
        merging.merge(mine, copy)
        assert _order(mine) == ["Five", "One", "Two", "Three", "Four"]
        assert _positions(mine) == wanted
        merging.merge(mine, copy)  # (twice: nothing changes)
        assert _positions(mine) == wanted


def test_only_our_order_is_kept_and_their_new_story_follows_the_one_it_followed_there(
    shelf: tuple[Path, Path],
) -> None:
    origin, copy = shelf
    with open_library(copy) as theirs:
        new = stories.create_story(theirs, {"title": "Two and a half"}).id
        _ids_there = _ids(theirs)
        order = [_ids_there[t] for t in ("One", "Two")] + [new] + [_ids_there[t] for t in ("Three", "Four", "Five")]
        collections.add_stories(theirs, _shelf(theirs), [new])
        collections.set_order(theirs, _shelf(theirs), order)
    with open_library(origin) as mine:
        _reorder(mine, ["Two", "One", "Three", "Four", "Five"])
        merging.merge(mine, copy)
        assert _order(mine) == ["Two", "Two and a half", "One", "Three", "Four", "Five"]
        before = _positions(mine)
        merging.merge(mine, copy)
        assert _positions(mine) == before


def test_stories_added_at_the_end_on_both_sides_keep_ours_first(shelf: tuple[Path, Path]) -> None:
    origin, copy = shelf
    with open_library(copy) as theirs:
        collections.add_stories(theirs, _shelf(theirs), [stories.create_story(theirs, {"title": "Theirs"}).id])
    with open_library(origin) as mine:
        collections.add_stories(mine, _shelf(mine), [stories.create_story(mine, {"title": "Ours"}).id])
        merging.merge(mine, copy)
        assert _order(mine) == [*TITLES, "Ours", "Theirs"]
        assert [p for _, p in _positions(mine)][:6] == [0, 1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("prefer", "wanted"),
    [
        (Prefer.ASK, ["Two", "One", "Three", "Four", "Five"]),
        (Prefer.THEIRS, ["Five", "Four", "Three", "Two", "One"]),
    ],
)
def test_reordered_on_both_sides_ours_is_kept_unless_theirs_is_preferred(
    shelf: tuple[Path, Path], prefer: Prefer, wanted: list[str]
) -> None:
    origin, copy = shelf
    with open_library(copy) as theirs:
        _reorder(theirs, ["Five", "Four", "Three", "Two", "One"])
    with open_library(origin) as mine:
        _reorder(mine, ["Two", "One", "Three", "Four", "Five"])
        merging.merge(mine, copy, prefer)
        assert _order(mine) == wanted
        assert len(conflicts.conflicts(mine)) == (prefer is Prefer.ASK)  # (ours kept meanwhile: see below)


def test_reordered_on_both_sides_is_a_conflict_settled_by_either_order(shelf: tuple[Path, Path]) -> None:
    origin, copy = shelf
    with open_library(copy) as theirs:
        _reorder(theirs, ["Five", "Four", "Three", "Two", "One"])
    with open_library(origin) as mine:
        _reorder(mine, ["Two", "One", "Three", "Four", "Five"])
        merging.merge(mine, copy)
        merging.merge(mine, copy)  # (twice: still one conflict)
        (conflict,) = conflicts.conflicts(mine)
        assert (conflict.kind, conflict.label, conflict.field) == ("collection", "Reading list", conflicts.ORDER)
        assert (conflict.mine or "").splitlines() == ["Two", "One", "Three", "Four", "Five"]
        assert (conflict.theirs or "").splitlines() == ["Five", "Four", "Three", "Two", "One"]

        conflicts.resolve(mine, conflict.uuid, conflict.theirs)

        assert _order(mine) == ["Five", "Four", "Three", "Two", "One"]
        assert conflicts.conflicts(mine) == []
        merging.merge(mine, copy)  # (both in one order now: nothing to ask)
        assert conflicts.conflicts(mine) == []


def test_a_story_taken_out_on_one_side_and_the_order_changed_on_the_other(shelf: tuple[Path, Path]) -> None:
    origin, copy = shelf
    with open_library(copy) as theirs:
        collections.remove_stories(theirs, _shelf(theirs), [_ids(theirs)["Three"]])
    with open_library(origin) as mine:
        _reorder(mine, ["Five", "Four", "Three", "Two", "One"])
        merging.merge(mine, copy)
        assert _order(mine) == ["Five", "Four", "Two", "One"]


def _rejected(library: Library) -> set[tuple[str, str]]:
    with library.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT s.title, e.name FROM rejected_suggestions r JOIN stories s ON s.id = r.story_id"
            " JOIN entities e ON e.id = r.entity_id"
        )
        return {(title, name) for title, name in rows}


def test_suggestions_rejected_or_taken_back_in_a_field_copy_are_so_after_the_merge(tmp_path: Path) -> None:
    origin = tmp_path / "office"
    with open_library(origin) as library:
        entities.create_entity(library, EntityKind.ORGANISATION.value, "China Red Cross")
        entities.create_entity(library, EntityKind.PLACE.value, "Kenya")
        volunteers = stories.create_story(library, {"title": "China Red Cross volunteers in Kenya"}).id
        wells = stories.create_story(library, {"title": "Wells in Kenya"}).id
        suggestions.reject(library, [s for s in suggestions.suggest(library, [wells])])
        field_copy.make_copy(library, tmp_path / "laptop")
        assert {(s.name) for s in suggestions.suggest(library, [volunteers])} == {"China Red Cross", "Kenya"}
    with open_library(tmp_path / "laptop") as theirs:
        found = suggestions.suggest(theirs, [_ids(theirs)["China Red Cross volunteers in Kenya"]])
        suggestions.reject(theirs, [s for s in found if s.name == "Kenya"])
        wells_there = _ids(theirs)["Wells in Kenya"]
        suggestions.reject(theirs, [_suggestion(theirs, wells_there, "Kenya")], rejected=False)  # (taken back)
        made_there = _rejected(theirs)
    with open_library(origin) as mine:
        merging.merge(mine, tmp_path / "laptop")
        assert _rejected(mine) == made_there == {("China Red Cross volunteers in Kenya", "Kenya")}
        assert [s.name for s in suggestions.suggest(mine, [volunteers])] == ["China Red Cross"]
        assert [s.name for s in suggestions.suggest(mine, [wells])] == ["Kenya"]


def _suggestion(library: Library, story_id: int, name: str) -> suggestions.Suggestion:
    """A suggestion of the record ``name`` for a story (rejected or not)."""
    (record,) = [e for e in queries.entities(library) if e.name == name]
    return suggestions.Suggestion(story_id, "", "", record.id, "", EntityKind.PLACE, name, name)
