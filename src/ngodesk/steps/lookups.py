"""Finding rows inside a service's transaction: a record by id or
NotFound, stories that exist, ids in chunks any SQLite takes, rows read
as plain tuples, the count of a DELETE."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Delete
from sqlalchemy.orm import Session

from ngodesk.domain.errors import NotFound
from ngodesk.domain.i18n import translate
from ngodesk.store import bulk
from ngodesk.store.schema import Base

Model = TypeVar("Model", bound=Base)
Key = TypeVar("Key", int, str)


def get(session: Session, model: type[Model], record_id: int, what: str) -> Model:
    """The record with ``record_id`` or NotFound naming ``what``."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFound(translate("Messages", "No {what} with id {record_id}.").format(what=what, record_id=record_id))
    return record


def deleted(session: Session, statement: Delete) -> int:
    """Run the DELETE ``statement``; how many rows it removed."""
    result = cast(CursorResult[Any], session.execute(statement))  # (Session.execute is typed for queries)
    return result.rowcount


def chunks(ids: list[Key], size: int = 500) -> Iterator[list[Key]]:
    """``ids`` in slices small enough for any SQLite's parameter limit."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def rows_in(session: Session, sql: str, ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    """The rows of ``sql`` (whose ``{ids}`` stands for a list of ids, as in
    ``WHERE id IN ({ids})``) for all of ``ids``, asked a chunk at a time,
    as plain tuples: at 100,000 ids SQLAlchemy's statement building and row
    objects cost more than SQLite's work."""
    read = bulk.reader(session)  # (the session's own connection and transaction)
    for chunk in chunks(list(ids)):
        yield from list(read(sql.format(ids=",".join("?" * len(chunk))), chunk))  # (each chunk read whole)


def present_story_ids(session: Session, story_ids: Iterable[int]) -> set[int]:
    """Those of ``story_ids`` that exist."""
    return {row[0] for row in rows_in(session, "SELECT id FROM stories WHERE id IN ({ids})", sorted(set(story_ids)))}


def existing_story_ids(session: Session, story_ids: Iterable[int]) -> list[int]:
    """``story_ids`` in order, all checked to exist (NotFound otherwise)."""
    wanted = list(dict.fromkeys(story_ids))
    found = present_story_ids(session, wanted)
    missing = [story_id for story_id in wanted if story_id not in found]
    if missing:
        raise NotFound(
            f"No story with id {missing[0]}" + (f" (and {len(missing) - 1} more)." if len(missing) > 1 else ".")
        )
    return wanted
