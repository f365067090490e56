"""The merge's three-way decisions, without a database: what becomes of a
field, a record, a set of links and an ordered list given base, mine and
theirs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ngodesk.services.merge_plan import (
    Arrival,
    Departure,
    Field,
    arrival,
    departure,
    field_fate,
    link_changes,
    order,
    reordered_apart,
    set_changes,
)

values = st.sampled_from(["a", "b", "c", None])
items = st.sets(st.integers(0, 6))


def row(title: object, summary: object = "s") -> dict[str, object]:
    return {"title": title, "summary": summary}


def test_a_field_changed_on_one_side_is_that_sides_and_on_both_a_conflict() -> None:
    base = row("Old")
    assert field_fate("title", base, row("Old"), row("New")) is Field.THEIRS
    assert field_fate("title", base, row("Mine"), row("Old")) is Field.MINE
    assert field_fate("title", base, row("Mine"), row("Theirs")) is Field.CONFLICT
    assert field_fate("title", base, row("Same"), row("Same")) is Field.SAME
    # Without a common state nothing tells which side changed it.
    assert field_fate("title", None, row("Mine"), row("Theirs")) is Field.CONFLICT


@given(values, values, values)
def test_swapping_the_sides_swaps_whose_value_is_kept(b: object, m: object, t: object) -> None:
    mirrored = {Field.MINE: Field.THEIRS, Field.THEIRS: Field.MINE}
    fate = field_fate("title", row(b), row(m), row(t))
    swapped = field_fate("title", row(b), row(t), row(m))
    assert swapped is mirrored.get(fate, fate)


@given(values, values)
def test_a_side_that_changed_nothing_never_makes_a_conflict(b: object, t: object) -> None:
    fate = field_fate("title", row(b), row(b), row(t))
    assert fate is (Field.SAME if b == t else Field.THEIRS)


def test_a_record_made_there_is_added_unless_it_was_deleted_here() -> None:
    names = ("title", "summary")
    assert arrival(None, None, row("New"), names, buried=False) is Arrival.ADD
    assert arrival(None, None, row("New"), names, buried=True) is Arrival.NONE
    assert arrival(None, row("Here"), row("New"), names, buried=False) is Arrival.NONE


def test_a_record_deleted_here_comes_back_only_if_they_edited_it() -> None:
    names = ("title", "summary")
    assert arrival(row("Old"), None, row("Old"), names, buried=True) is Arrival.NONE
    assert arrival(row("Old"), None, row("Old", "edited there"), names, buried=True) is Arrival.REVIVE


def test_a_record_deleted_there_goes_here_unless_edited_here() -> None:
    names = ("title", "summary")
    assert departure(row("Old"), row("Old"), None, names) is Departure.DELETE
    assert departure(row("Old"), row("Edited here"), None, names) is Departure.CONFLICT
    assert departure(row("Old"), row("Old"), row("Old"), names) is Departure.NONE  # (still there)
    assert departure(row("Old"), None, None, names) is Departure.NONE  # (gone on both sides)
    assert departure(None, row("Mine"), None, names) is Departure.NONE  # (made here)


def test_links_merge_as_sets_in_their_order() -> None:
    gained, lost = set_changes(base={1, 2}, mine={1, 2, 5}, theirs=[9, 2, 7, 9])
    assert gained == [9, 7] and lost == [1]


@given(items, items, items)
def test_a_set_merge_keeps_what_either_side_added_and_drops_what_either_removed(
    base: set[int], mine: set[int], theirs: set[int]
) -> None:
    gained, lost = set_changes(base, mine, sorted(theirs))
    merged = (mine | set(gained)) - set(lost)
    expected = {x for x in base | mine | theirs if (x in mine) + (x in theirs) + (x not in base) >= 2}
    assert merged == expected


def test_a_link_lost_only_with_its_deleted_target_stays_for_the_deletion_to_decide() -> None:
    # They untagged "kenya" and deleted the tag "nepal" (its links went with it).
    gained, lost = link_changes({"kenya", "nepal"}, {"kenya", "nepal"}, [], their_targets={"kenya"})
    assert gained == [] and lost == ["kenya"]


#: An ordered list: member -> position, positions distinct.
lists = st.lists(st.sampled_from("abcdefg"), unique=True).flatmap(
    lambda members: st.lists(st.integers(0, 20), min_size=len(members), max_size=len(members), unique=True).map(
        lambda positions: dict(zip(members, positions, strict=True))
    )
)


def listed(positions: dict[str, int]) -> list[str]:
    return sorted(positions, key=positions.__getitem__)


@given(lists, lists)
def test_a_list_one_side_left_alone_is_the_other_sides_positions_and_all(
    base: dict[str, int], changed: dict[str, int]
) -> None:
    assert order(base, base, changed, changed) == changed
    assert order(base, changed, base, changed) == changed


@given(lists, lists, lists, st.booleans())
def test_a_merged_list_merged_again_stays_as_it_is(
    base: dict[str, int], mine: dict[str, int], theirs: dict[str, int], prefer_theirs: bool
) -> None:
    members = set(mine) | set(theirs)
    merged = order(base, mine, theirs, members, prefer_theirs)
    assert set(merged) == members and len(set(merged.values())) == len(members)
    assert order(base, merged, theirs, members, prefer_theirs) == merged


def test_a_list_reordered_on_one_side_takes_that_order_and_additions_follow_their_predecessor() -> None:
    base = {"a": 0, "b": 1, "c": 2}
    theirs = {"c": 0, "a": 1, "b": 2}
    assert listed(order(base, base | {"d": 3}, theirs, "abcd")) == ["c", "a", "b", "d"]
    assert listed(order(base, {"a": 0, "x": 1, "b": 2, "c": 3}, theirs, "abcx")) == ["c", "a", "x", "b"]
    both = order(base, base | {"m": 3}, base | {"t": 3}, "abcmt")
    assert both == {"a": 0, "b": 1, "c": 2, "m": 3, "t": 4}  # (ours first, nothing of ours moved)


def test_a_list_reordered_on_both_sides_keeps_ours_unless_theirs_is_preferred() -> None:
    base, mine, theirs = {"a": 0, "b": 1, "c": 2}, {"b": 0, "a": 1, "c": 2}, {"c": 0, "b": 1, "a": 2}
    assert order(base, mine, theirs, "abc") == mine
    assert order(base, mine, theirs, "abc", prefer_theirs=True) == theirs


def test_a_list_reordered_on_both_sides_into_other_orders_is_a_clash() -> None:
    base, mine, theirs = {"a": 0, "b": 1, "c": 2}, {"b": 0, "a": 1, "c": 2}, {"c": 0, "b": 1, "a": 2}
    assert reordered_apart(base, mine, theirs)
    assert not reordered_apart(base, mine, {"b": 0, "d": 1, "a": 2})  # (what both have, in one order)
    assert not reordered_apart(base, base | {"d": 3}, theirs)  # (reordered on one side only)
