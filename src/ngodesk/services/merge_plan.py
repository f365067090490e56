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
