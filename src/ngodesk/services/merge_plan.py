"""The merge's decisions, three ways: pure functions of one record (or one
set of links) as it is in the state both libraries share ("base"), in
this library ("mine") and in the other ("theirs"). No database: the merge
reads the three states, asks these what to do, then does it
(services/merging.py).

A record is a mapping of field names to values; None where a side does
not have it (never made there, or deleted)."""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, TypeVar

Row = Mapping[str, Any]
T = TypeVar("T")


class Field(enum.Enum):
    """What becomes of one field of a record both sides have."""

    #: both sides hold the same value (an open conflict of it is moot)
    SAME = "same"
    #: only this library changed it, or neither did: kept
    MINE = "mine"
    #: only the other library changed it: taken
    THEIRS = "theirs"
    #: both changed it to different values, or there is no base to tell
    CONFLICT = "conflict"


class Arrival(enum.Enum):
    """What becomes of a record the other library has and this one lacks."""

    #: nothing: deleted here and not changed there since
    NONE = "none"
    #: made there since the base (and never deleted here): added here
    ADD = "add"
    #: deleted here, edited there since: a conflict; back here while it is open
    REVIVE = "revive"


class Departure(enum.Enum):
    """What becomes of a record the other library deleted since the base."""

    #: nothing to do (never in the base, still there, or gone here too)
    NONE = "none"
    #: unchanged here since the base: deleted here too
    DELETE = "delete"
    #: edited here since the base: a conflict; it stays while the conflict is open
    CONFLICT = "conflict"


def field_fate(name: str, base: Row | None, mine: Row, theirs: Row) -> Field:
    """The fate of field ``name`` of a record on both sides."""
    if mine[name] == theirs[name]:
        return Field.SAME
    if base is not None and theirs[name] == base[name]:
        return Field.MINE
    if base is not None and mine[name] == base[name]:
        return Field.THEIRS
    return Field.CONFLICT


def edited(before: Row, after: Row, names: Iterable[str]) -> bool:
    """Whether any of the fields ``names`` differs between two states."""
    return any(after[name] != before[name] for name in names)


def arrival(base: Row | None, mine: Row | None, theirs: Row, names: Sequence[str], buried: bool) -> Arrival:
    """The fate of their record here (``buried``: this library has a
    tombstone for it: it was deleted here)."""
    if mine is not None:
        return Arrival.NONE
    if base is None:
        return Arrival.NONE if buried else Arrival.ADD
    return Arrival.REVIVE if edited(base, theirs, names) else Arrival.NONE


def departure(base: Row | None, mine: Row | None, theirs: Row | None, names: Sequence[str]) -> Departure:
    """The fate here of a record the other library may have deleted."""
    if base is None or theirs is not None or mine is None:
        return Departure.NONE
    return Departure.CONFLICT if edited(base, mine, names) else Departure.DELETE


def set_changes(base: Collection[T], mine: Collection[T], theirs: Iterable[T]) -> tuple[list[T], list[T]]:
    """A set merged three ways (a story's tags, a collection's members):
    what the other side added that this one lacks (in their order), and
    what the other side removed that this one still has."""
    theirs = list(dict.fromkeys(theirs))
    gained = [item for item in theirs if item not in base and item not in mine]
    kept = set(theirs)
    lost = [item for item in mine if item in base and item not in kept]
    return gained, lost


def link_changes(
    base: Collection[str], mine: Collection[str], theirs: Sequence[str], their_targets: Collection[str]
) -> tuple[list[str], list[str]]:
    """A story's links (to tags or records, by uuid) merged as a set, but a
    link the other side lost only with its target (``their_targets``: the
    uuids it still has) stays: the target's deletion decides it (a
    conflict while edited here), not the link."""
    gained, lost = set_changes(base, mine, theirs)
    return gained, [uuid for uuid in lost if uuid in their_targets]


def order(
    base: Mapping[str, int],
    mine: Mapping[str, int],
    theirs: Mapping[str, int],
    members: Collection[str],
    prefer_theirs: bool = False,
) -> dict[str, int]:
    """The positions of an ordered list's ``members`` after a merge (a
    manual collection's stories, merged as a set), from each side's
    positions (member -> position). The order is one side's ("the lead"):
    theirs when only they reordered what they kept of the base (or this
    side changed nothing), else this side's, unless both reordered and
    theirs is preferred. What the other side added stands after the
    member it followed there (and after what the lead added right after
    that one), or last when it came after every member the lead has.
    Each member keeps the lead's position (an addition its side's) where
    it still fits; others go just after the one before: so a side's list
    taken whole keeps its positions, and nothing is renumbered that need
    not be."""
    they_reordered, we_reordered = _reordered(base, theirs), _reordered(base, mine)
    if they_reordered and we_reordered:
        lead_theirs = prefer_theirs
    else:
        lead_theirs = they_reordered or (not we_reordered and dict(mine) == dict(base))
    lead, other = (theirs, mine) if lead_theirs else (mine, theirs)
    wanted = set(members)
    listed = [m for m in _sequence(lead) if m in wanted]
    placed, shared = set(listed), set(listed)
    sequence = _sequence(other)
    last_shared = max((i for i, m in enumerate(sequence) if m in shared), default=-1)
    after: str | None = None  # (the member the next addition follows)
    for i, member in enumerate(sequence):
        if member in wanted and member not in placed:
            at = len(listed)  # (added after every member both have: last, still)
            if i < last_shared:
                at = listed.index(after) + 1 if after is not None else 0
                while at < len(listed) and listed[at] not in other:  # (past what the lead added there)
                    at += 1
            listed.insert(at, member)
            placed.add(member)
        if member in placed:
            after = member
    listed += sorted(wanted - placed)  # (in neither list: not expected, kept last)
    return _positions(listed, lead, other)


def _sequence(positions: Mapping[str, int]) -> list[str]:
    """Members by position (ties by member: the same on every side)."""
    return sorted(positions, key=lambda member: (positions[member], member))


def reordered_apart(base: Mapping[str, int], mine: Mapping[str, int], theirs: Mapping[str, int]) -> bool:
    """Whether both sides reordered what they kept of ``base`` and the
    members both have stand in another order on each: ``order`` keeps one
    side's, the other's is a conflict."""
    if not (_reordered(base, mine) and _reordered(base, theirs)):
        return False
    return [m for m in _sequence(mine) if m in theirs] != [m for m in _sequence(theirs) if m in mine]


def _reordered(base: Mapping[str, int], side: Mapping[str, int]) -> bool:
    """Whether ``side`` put the members it kept of ``base`` in another order."""
    return [m for m in _sequence(base) if m in side] != [m for m in _sequence(side) if m in base]


def _positions(listed: Sequence[str], lead: Mapping[str, int], other: Mapping[str, int]) -> dict[str, int]:
    """Positions for ``listed`` in its order: the lead's, or for another
    member its own side's when it falls before the lead's next member;
    else just after the one before."""
    upcoming: list[int | None] = []  # (the lead's position of the next member from the lead)
    following = None
    for member in reversed(listed):
        upcoming.append(following)
        if member in lead:
            following = lead[member]
    upcoming.reverse()
    found: dict[str, int] = {}
    last: int | None = None
    for member, limit in zip(listed, upcoming, strict=True):
        if member in lead:
            wanted: int | None = lead[member]
        else:
            wanted = other.get(member)
            if wanted is not None and limit is not None and wanted >= limit:
                wanted = None
        if wanted is None:
            wanted = last + 1 if last is not None else 0
        last = found[member] = wanted if last is None or wanted > last else last + 1
    return found
