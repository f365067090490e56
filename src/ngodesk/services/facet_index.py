"""Facet counts for any result in milliseconds, at a million stories.

SQL group-bys over a large result take seconds (every story's tags and
records are looked up again for each count). Instead, one read of the
library builds numpy arrays: (story, tag) pairs with every tag's ancestors
added (so a parent counts each story once), (story, record) pairs, and per
story a year, language and status code. Counting a result is then a mask
and a few ``bincount`` calls. The index is a snapshot: build a new one
after the library changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
from sqlalchemy import func, select

from ngodesk.domain.errors import Cancelled
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import EntityKind, FacetKind, Facets, Filter, id_range
from ngodesk.store import bulk
from ngodesk.store.library import Library
from ngodesk.store.schema import Story


@dataclass(frozen=True)
class FacetIndex:
    """Arrays indexed by story id (``size`` = largest id + 1)."""

    size: int
    tag_id: np.ndarray  # every story's tags, ancestors included, story by story
    tag_start: np.ndarray  # story s's are tag_id[tag_start[s]:tag_start[s + 1]]
    entity_id: np.ndarray  # every story's records, story by story
    entity_start: np.ndarray
    year: np.ndarray  # 0: undated
    language: np.ndarray  # index into languages
    languages: tuple[str, ...]
    status: np.ndarray  # index into statuses
    statuses: tuple[str, ...]
    translation_story: np.ndarray  # per (story, translation state) pair...
    translation_state: np.ndarray  # ...its index into translation_states
    translation_states: tuple[str, ...]  # "en:draft", "en:reviewed"...
    exists: np.ndarray  # bool
    newest_first: np.ndarray  # every story id, in the list's default order
    entity_kind: np.ndarray  # per record id, its kind's index into KINDS (-1: none)
    state: str  # the library's state it was read from (``Library.state``)


def _column_arrays(read: bulk.Rows, table: str, columns: str, width: int = 2, order: str = "") -> np.ndarray:
    """``width`` integer columns of every row of ``table``, streamed (no
    Python list of millions of tuples), as an array of shape (rows, width);
    ``order``: an ORDER BY clause's terms."""
    rows = next(read(f"SELECT count(*) FROM {table}"))[0]
    cursor = read(f"SELECT {columns} FROM {table}" + (f" ORDER BY {order}" if order else ""))
    flat = np.fromiter(chain.from_iterable(cursor), dtype=np.int32, count=rows * width)
    return flat.reshape(-1, width)


def _with_ancestors(stories: np.ndarray, tags: np.ndarray, parents: dict[int, int | None]) -> np.ndarray:
    """(story, tag) pairs plus (story, ancestor) for every ancestor, each
    pair once, as int64 keys ``story * span + tag``."""
    span = (max(parents) + 1) if parents else 1
    parent_of = np.full(span, -1, dtype=np.int32)
    for tag, parent in parents.items():
        parent_of[tag] = -1 if parent is None else parent
    kind = np.int32 if (int(stories.max(initial=0)) + 1) * span < 2**31 else np.int64  # halves memory when it fits
    stories = stories.astype(kind)
    keys = [stories * span + tags.astype(kind)]
    level = tags
    while True:
        level = parent_of[level]
        keep = level >= 0
        if not keep.any():
            break
        stories, level = stories[keep], level[keep]
        keys.append(stories * span + level.astype(kind))
    del stories, level, keep
    merged = np.concatenate(keys)
    del keys  # (peak memory: the parts are freed before sorting)
    merged.sort()  # then drop repeats (np.unique hashes: several times slower here)
    if merged.size == 0:
        return merged
    first = np.empty(merged.size, dtype=bool)
    first[0] = True
    np.not_equal(merged[1:], merged[:-1], out=first[1:])
    return merged[first]


def _starts(stories: np.ndarray, size: int) -> np.ndarray:
    """Where each story's pairs begin in ``stories`` (sorted), and where
    the last ends: ``size + 1`` offsets."""
    starts = np.zeros(size + 1, dtype=np.int32 if stories.size < 2**31 else np.int64)
    np.cumsum(np.bincount(stories, minlength=size), out=starts[1:])
    return starts


def _ids(read: bulk.Rows, condition: str, value: str) -> np.ndarray:
    """Ids of the stories meeting ``condition`` (read from its index)."""
    cursor = read(f"SELECT id FROM stories WHERE {condition}", (value,))
    return np.fromiter(chain.from_iterable(cursor), dtype=np.int32)


def _tag_links(read: bulk.Rows) -> tuple[np.ndarray, np.ndarray]:
    """(story, tag) pairs, ancestors included, each once: two int32 arrays."""
    parents: dict[int, int | None] = dict(read("SELECT id, parent_id FROM tags"))
    span = (max(parents) + 1) if parents else 1
    pairs = _column_arrays(read, "story_tags", "story_id, tag_id")
    keys = _with_ancestors(pairs[:, 0], pairs[:, 1], parents)
    del pairs
    stories, tags = np.divmod(keys, span)
    return stories.astype(np.int32, copy=False), tags.astype(np.int32, copy=False)


def _codes(
    read: bulk.Rows, size: int, expression: str, dtype: type[np.signedinteger[Any]]
) -> tuple[np.ndarray, tuple[str, ...]]:
    """Per story, the index of its value of ``expression`` (an indexed
    column) in the sorted distinct values; and those values."""
    values = tuple(r[0] for r in read(f"SELECT DISTINCT {expression} FROM stories ORDER BY 1"))
    codes = np.zeros(size, dtype=dtype)
    for code, value in enumerate(values):
        codes[_ids(read, f"{expression} = ?", value)] = code
    return codes, values


def build(library: Library, stop: Callable[[], bool] = lambda: False) -> FacetIndex:
    """Read the library once into a FacetIndex (seconds at a million
    stories: run it off the GUI thread). Parts are read one after another
    so that each one's temporary arrays are freed before the next; between
    parts, ``stop()`` returning True raises Cancelled."""

    def check() -> None:
        if stop():
            raise Cancelled(translate("Messages", "The facet index was not built: stopped."))

    with library.read() as session:
        # The driver's cursor: millions of rows, and SQLAlchemy's row
        # objects would double the time.
        read = bulk.reader(session)
        state = library.state(session)
        size = (session.scalar(select(func.max(Story.id))) or 0) + 1
        tag_story, tag_id = _tag_links(read)
        tag_start = _starts(tag_story, size)
        del tag_story
        check()
        entity_pairs = _column_arrays(read, "story_entities", "story_id, entity_id", order="story_id, entity_id")
        entity_start = _starts(entity_pairs[:, 0], size)
        entity_id = entity_pairs[:, 1].copy()  # (not a view: the stories' column is freed)
        del entity_pairs
        entity_kind = record_kinds(read("SELECT id, kind FROM entities"))
        check()
        # Story rows are wide (texts): read only what indexes cover.
        dated = _column_arrays(read, "stories", "id, coalesce(CAST(substr(published_start, 1, 4) AS INTEGER), 0)")
        year = np.zeros(size, dtype=np.int16)
        exists = np.zeros(size, dtype=bool)
        exists[dated[:, 0]] = True
        year[dated[:, 0]] = dated[:, 1]
        del dated
        check()
        language, languages = _codes(read, size, "lower(language)", np.int16)
        status, statuses = _codes(read, size, "status", np.int8)
        translation_story, translation_state, translation_states = _translation_states(read)
        # the engine's default order (undated last), read from the published index
        order = read("SELECT id FROM stories ORDER BY published_start DESC, id DESC")
        newest_first = np.fromiter(chain.from_iterable(order), dtype=np.int32)
    return FacetIndex(
        size,
        tag_id,
        tag_start,
        entity_id,
        entity_start,
        year,
        language,
        languages,
        status,
        statuses,
        translation_story,
        translation_state,
        translation_states,
        exists,
        newest_first,
        entity_kind,
        state,
    )


def _translation_states(read: bulk.Rows) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """(story, state) pairs of every story's translations per language:
    ``en:draft`` when a field is still a draft, else ``en:reviewed``."""
    rows = list(
        read(
            "SELECT story_id, lower(language) || ':' || CASE WHEN max(status = 'draft') THEN 'draft' ELSE 'reviewed'"
            " END FROM translations GROUP BY story_id, lower(language)"
        )
    )
    states = tuple(sorted({state for _, state in rows}))
    place = {state: i for i, state in enumerate(states)}
    stories = np.fromiter((story for story, _ in rows), dtype=np.int32, count=len(rows))
    codes = np.fromiter((place[state] for _, state in rows), dtype=np.int16, count=len(rows))
    return stories, codes, states


#: Elements counted at a time: bounds the temporary arrays (a few MB).
_CHUNK = 1 << 20
_STORIES = 1 << 16


def _counted(counted: np.ndarray) -> dict[int, int]:
    found = np.flatnonzero(counted)
    return dict(zip(found.tolist(), counted[found].tolist(), strict=True))


def _tally_of(values: np.ndarray, starts: np.ndarray, ids: np.ndarray) -> dict[int, int]:
    """How often each value occurs among the stories ``ids`` (each once;
    story s has ``values[starts[s]:starts[s + 1]]``): reads theirs alone,
    _STORIES stories at a time (the temporary arrays stay a few MB)."""
    counted = np.zeros(0, dtype=np.int64)
    for start in range(0, ids.size, _STORIES):
        chosen = ids[start : start + _STORIES]
        first = starts[chosen].astype(np.int64)
        lengths = starts[chosen + 1] - first
        positions = np.repeat(first - (np.cumsum(lengths) - lengths), lengths)
        positions += np.arange(positions.size)
        found = np.bincount(values[positions])
        if found.size > counted.size:
            counted = np.pad(counted, (0, found.size - counted.size))
        counted[: found.size] += found
    return _counted(counted)


def _owners(starts: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """The stories whose values are at ``positions``."""
    return np.searchsorted(starts, positions, side="right") - 1


def _tally(values: np.ndarray, chosen: tuple[np.ndarray, np.ndarray] | None = None) -> dict[int, int]:
    """How often each value occurs among the chosen ones (None: all):
    with ``chosen`` = (mask, owners), ``values[i]`` is chosen when
    ``mask[owners[i]]``. A chunk at a time: ``bincount`` copies its input
    to int64, 40 MB at once for the tags of a million stories (the
    window's peak memory)."""
    if values.size == 0:
        return {}
    counted = np.zeros(int(values.max()) + 1, dtype=np.int64)
    for start in range(0, values.size, _CHUNK):
        part = values[start : start + _CHUNK]
        if chosen is not None:
            mask, owners = chosen
            part = part[mask[owners[start : start + _CHUNK]]]
        counted += np.bincount(part, minlength=counted.size)
    return _counted(counted)


#: Records of each kind the facets name (the sidebar lists them).
TOP_RECORDS = 100
KINDS = tuple(EntityKind)


def record_kinds(rows: Iterable[tuple[int, str]]) -> np.ndarray:
    """Per record id of ``rows`` (id, kind), its kind's index into KINDS;
    -1 for ids no row has."""
    code = {kind.value: i for i, kind in enumerate(KINDS)}
    pairs = np.array([(record, code[kind]) for record, kind in rows], dtype=np.int64).reshape(-1, 2)
    codes = np.full(int(pairs[:, 0].max(initial=0)) + 1, -1, dtype=np.int8)
    codes[pairs[:, 0]] = pairs[:, 1]
    return codes


def top_records(
    counts: Mapping[int, int], kind_of: np.ndarray, limit: int = TOP_RECORDS
) -> dict[EntityKind, tuple[int, ...]]:
    """Per kind (``kind_of``: see ``record_kinds``), the ``limit`` records
    of ``counts`` with the most stories, ties the lower id first. Each kind
    has its own: 440 people linked to every story do not leave the
    organisations out. Milliseconds for 100,000 records."""
    records = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    stories = np.fromiter(counts.values(), dtype=np.int64, count=len(counts))
    known = records < kind_of.size
    records, stories = records[known], stories[known]
    kinds = kind_of[records]
    order = np.lexsort((records, -stories))  # (the last key sorts first)
    chosen = {kind: order[kinds[order] == code][:limit] for code, kind in enumerate(KINDS)}
    return {kind: tuple(records[rows].tolist()) for kind, rows in chosen.items() if rows.size}


def count(index: FacetIndex, story_ids: Sequence[int] | np.ndarray | None) -> Facets:
    """Facets of the stories ``story_ids`` (None: all). Ids the index does
    not know (added after it was built) are not counted."""
    if story_ids is None:
        mask = index.exists
    else:
        ids = np.asarray(story_ids, dtype=np.int64)
        mask = np.zeros(index.size, dtype=bool)
        mask[ids[(ids >= 0) & (ids < index.size)]] = True
        mask &= index.exists
    chosen = np.flatnonzero(mask)
    if story_ids is None or chosen.size == np.count_nonzero(index.exists):  # (all: every value counts)
        tags, entities = _tally(index.tag_id), _tally(index.entity_id)
    else:
        tags = _tally_of(index.tag_id, index.tag_start, chosen)
        entities = _tally_of(index.entity_id, index.entity_start, chosen)

    def per_story(values: np.ndarray) -> dict[int, int]:
        return _counted(np.bincount(values[chosen]))

    return Facets(
        total=int(chosen.size),
        tags=tags,
        entities=entities,
        years={(str(y) if y else ""): n for y, n in per_story(index.year).items()},
        languages={index.languages[code]: n for code, n in per_story(index.language).items()},
        statuses={index.statuses[code]: n for code, n in per_story(index.status).items()},
        translations={
            index.translation_states[code]: n
            for code, n in _tally(index.translation_state, (mask, index.translation_story)).items()
        },
        top_records=top_records(entities, index.entity_kind),
    )


def _mask(index: FacetIndex, f: Filter) -> np.ndarray:
    """Stories matching one filter (as if it included)."""
    mask = np.zeros(index.size, dtype=bool)
    if f.kind is FacetKind.TAG:
        mask[_owners(index.tag_start, np.flatnonzero(index.tag_id == int(f.value)))] = True
    elif f.kind is FacetKind.ENTITY:
        mask[_owners(index.entity_start, np.flatnonzero(index.entity_id == int(f.value)))] = True
    elif f.kind is FacetKind.STORIES:
        first, last = id_range(f.value)
        mask[max(first, 0) : last + 1] = True
    elif f.kind is FacetKind.YEAR:
        mask = index.year == (int(f.value) if f.value else 0)
    elif f.kind is FacetKind.LANGUAGE:
        value = f.value.lower()
        mask = index.language == index.languages.index(value) if value in index.languages else mask
    elif f.kind is FacetKind.STATUS:
        mask = index.status == index.statuses.index(f.value) if f.value in index.statuses else mask
    elif f.kind is FacetKind.TRANSLATION and f.value.lower() in index.translation_states:
        chosen = index.translation_state == index.translation_states.index(f.value.lower())
        mask[index.translation_story[chosen]] = True
    return mask & index.exists


#: Filters the index answers (a manual collection's stories are asked of SQL).
ANSWERED = frozenset(FacetKind) - {FacetKind.COLLECTION}


def answers(filters: Sequence[Filter]) -> bool:
    """True when ``filtered`` can answer these filters."""
    return all(f.kind in ANSWERED for f in filters)


def matching(index: FacetIndex, filters: Sequence[Filter]) -> np.ndarray:
    """Ids (int64, newest first, as the engine orders them) of the stories
    matching ``filters`` alone (no query text): milliseconds."""
    mask = index.exists.copy()
    for f in filters:
        chosen = _mask(index, f)
        mask &= ~chosen if f.exclude else chosen
    return index.newest_first[mask[index.newest_first]].astype(np.int64)


def filtered(index: FacetIndex, filters: Sequence[Filter]) -> tuple[np.ndarray, Facets]:
    """``matching`` ids and their facets."""
    ids = matching(index, filters)
    return ids, count(index, ids)
