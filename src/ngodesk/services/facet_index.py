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

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
from sqlalchemy import func, select

from ngodesk.domain.models import FacetKind, Facets, Filter
from ngodesk.store.library import Library
from ngodesk.store.schema import Story


@dataclass(frozen=True)
class FacetIndex:
    """Arrays indexed by story id (``size`` = largest id + 1)."""

    size: int
    tag_story: np.ndarray
    tag_id: np.ndarray
    entity_story: np.ndarray
    entity_id: np.ndarray
    year: np.ndarray  # 0: undated
    language: np.ndarray  # index into languages
    languages: tuple[str, ...]
    status: np.ndarray  # index into statuses
    statuses: tuple[str, ...]
    exists: np.ndarray  # bool
    newest_first: np.ndarray  # every story id, in the list's default order


def _column_arrays(raw: sqlite3.Connection, table: str, columns: str, width: int = 2) -> np.ndarray:
    """``width`` integer columns of every row of ``table``, streamed (no
    Python list of millions of tuples), as an array of shape (rows, width)."""
    rows = raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    cursor = raw.execute(f"SELECT {columns} FROM {table}")
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
    merged = np.concatenate(keys)
    merged.sort()  # then drop repeats (np.unique hashes: several times slower here)
    return merged[np.concatenate(([True], merged[1:] != merged[:-1]))] if merged.size else merged


def _ids(raw: sqlite3.Connection, condition: str, value: str) -> np.ndarray:
    """Ids of the stories meeting ``condition`` (read from its index)."""
    cursor = raw.execute(f"SELECT id FROM stories WHERE {condition}", (value,))
    return np.fromiter(chain.from_iterable(cursor), dtype=np.int32)


def build(library: Library) -> FacetIndex:
    """Read the library once into a FacetIndex (seconds at a million
    stories: run it off the GUI thread)."""
    with library.read() as session:
        # The plain DB-API cursor: millions of rows, and SQLAlchemy's row
        # objects would double the time.
        raw = session.connection().connection.driver_connection
        assert raw is not None
        size = (session.scalar(select(func.max(Story.id))) or 0) + 1
        parents = dict(raw.execute("SELECT id, parent_id FROM tags").fetchall())
        tag_pairs = _column_arrays(raw, "story_tags", "story_id, tag_id")
        entity_pairs = _column_arrays(raw, "story_entities", "story_id, entity_id")
        # Story rows are wide (texts): read only what indexes cover.
        dated = _column_arrays(raw, "stories", "id, coalesce(CAST(substr(published_start, 1, 4) AS INTEGER), 0)")
        languages = tuple(r[0] for r in raw.execute("SELECT DISTINCT lower(language) FROM stories ORDER BY 1"))
        statuses = tuple(r[0] for r in raw.execute("SELECT DISTINCT status FROM stories ORDER BY 1"))
        by_language = [_ids(raw, "lower(language) = ?", value) for value in languages]
        by_status = [_ids(raw, "status = ?", value) for value in statuses]
        # the engine's default order (undated last), read from the published index
        order = raw.execute("SELECT id FROM stories ORDER BY published_start DESC, id DESC")
        newest_first = np.fromiter(chain.from_iterable(order), dtype=np.int32)
    year = np.zeros(size, dtype=np.int16)
    language = np.zeros(size, dtype=np.int32)
    status = np.zeros(size, dtype=np.int8)
    exists = np.zeros(size, dtype=bool)
    exists[dated[:, 0]] = True
    year[dated[:, 0]] = dated[:, 1]
    for code, ids in enumerate(by_language):
        language[ids] = code
    for code, ids in enumerate(by_status):
        status[ids] = code
    stories, tags = tag_pairs[:, 0], tag_pairs[:, 1]
    span = (max(parents) + 1) if parents else 1
    keys = _with_ancestors(stories, tags, parents)
    entity_story, entity_id = entity_pairs[:, 0], entity_pairs[:, 1]
    return FacetIndex(
        size,
        (keys // span).astype(np.int32),
        (keys % span).astype(np.int32),
        entity_story.astype(np.int32),
        entity_id.astype(np.int32),
        year,
        language,
        languages,
        status,
        statuses,
        exists,
        newest_first,
    )


def _counts(values: np.ndarray) -> dict[int, int]:
    if values.size == 0:
        return {}
    counted = np.bincount(values)
    found = np.nonzero(counted)[0]
    return {int(v): int(counted[v]) for v in found}


def count(index: FacetIndex, story_ids: Sequence[int] | np.ndarray | None) -> Facets:
    """Facets of the stories ``story_ids`` (None: all). Ids the index does
    not know (added after it was built) are not counted."""
    if story_ids is None:
        mask = index.exists
    else:
        ids = np.asarray(story_ids, dtype=np.int64)
        ids = ids[(ids >= 0) & (ids < index.size)]
        mask = np.zeros(index.size, dtype=bool)
        mask[ids] = True
        mask &= index.exists
    chosen = np.nonzero(mask)[0]
    years = _counts(index.year[chosen].astype(np.int64))
    languages = _counts(index.language[chosen].astype(np.int64))
    statuses = _counts(index.status[chosen].astype(np.int64))
    return Facets(
        total=int(chosen.size),
        tags=_counts(index.tag_id[mask[index.tag_story]].astype(np.int64)),
        entities=_counts(index.entity_id[mask[index.entity_story]].astype(np.int64)),
        years={(str(y) if y else ""): n for y, n in years.items()},
        languages={index.languages[code]: n for code, n in languages.items()},
        statuses={index.statuses[code]: n for code, n in statuses.items()},
    )


def _mask(index: FacetIndex, f: Filter) -> np.ndarray:
    """Stories matching one filter (as if it included)."""
    mask = np.zeros(index.size, dtype=bool)
    if f.kind is FacetKind.TAG:
        mask[index.tag_story[index.tag_id == int(f.value)]] = True
    elif f.kind is FacetKind.ENTITY:
        mask[index.entity_story[index.entity_id == int(f.value)]] = True
    elif f.kind is FacetKind.YEAR:
        mask = index.year == (int(f.value) if f.value else 0)
    elif f.kind is FacetKind.LANGUAGE:
        value = f.value.lower()
        mask = index.language == index.languages.index(value) if value in index.languages else mask
    elif f.kind is FacetKind.STATUS:
        mask = index.status == index.statuses.index(f.value) if f.value in index.statuses else mask
    return mask & index.exists


def filtered(index: FacetIndex, filters: Sequence[Filter]) -> tuple[np.ndarray, Facets]:
    """Ids (int64, newest first, as the engine orders them) and facets of
    the stories matching ``filters`` alone (no query text): milliseconds."""
    mask = index.exists.copy()
    for f in filters:
        chosen = _mask(index, f)
        mask &= ~chosen if f.exclude else chosen
    ids = index.newest_first[mask[index.newest_first]]
    return ids.astype(np.int64), count(index, ids)
