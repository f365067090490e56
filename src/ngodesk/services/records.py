"""Helpers shared by services: lookups that raise NotFound, tombstones and
bulk touching of stories."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Delete, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from ngodesk.domain.errors import NotFound
from ngodesk.domain.i18n import translate
from ngodesk.store import history
from ngodesk.store.schema import Base, Story, StoryEntity, StoryTag, Tombstone, utcnow

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
    cursor = session.connection().connection.cursor()  # (the session's own connection and transaction)
    try:
        for chunk in chunks(list(ids)):
            yield from cursor.execute(sql.format(ids=",".join("?" * len(chunk))), chunk).fetchall()
    finally:
        cursor.close()


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


def touch_stories(session: Session, story_ids: Iterable[int]) -> None:
    """Bump revision and updated_at of stories whose links changed."""
    ids = list(story_ids)
    now = utcnow()
    for chunk in chunks(ids):
        session.execute(
            update(Story).where(Story.id.in_(chunk)).values(revision=Story.revision + 1, updated_at=now),
            execution_options={"synchronize_session": False},
        )


LinkModel = type[StoryTag] | type[StoryEntity]
#: Stories linked at most by looking each chunk up (more: read all links).
_FEW = 2000


def add_links(
    session: Session,
    model: LinkModel,
    key: str,
    target_id: int,
    story_ids: Iterable[int],
    positions: Mapping[int, int] | None = None,
) -> set[int]:
    """Link stories to a tag or record (``key`` is ``tag_id`` or
    ``entity_id``); returns the stories that were not linked before. A
    record's new link takes its story's position in ``positions`` (story
    id -> position: a place it held before), else comes last."""
    ids = sorted(set(story_ids))
    table = model.__table__
    linked = f"SELECT story_id FROM {table.name} WHERE {key} = {int(target_id)}"
    if len(ids) > _FEW:  # (one indexed range read beats hundreds of chunked lookups)
        have = {row[0] for row in session.connection().exec_driver_sql(linked)}
    else:
        have = {row[0] for row in rows_in(session, linked + " AND story_id IN ({ids})", ids)}
    new = [story_id for story_id in ids if story_id not in have]
    if new:
        rows = [{"story_id": story_id, key: target_id} for story_id in new]
        if "position" in table.c:  # (a record linked later comes last: after the authors the file gave)
            placed = {story_id: positions[story_id] for story_id in new if positions and story_id in positions}
            placed |= next_positions(session, [story_id for story_id in new if story_id not in placed])
            for row in rows:
                row["position"] = placed.get(row["story_id"], 0)
        session.connection().execute(insert(table), rows)
    return set(new)


def next_positions(session: Session, story_ids: Sequence[int]) -> dict[int, int]:
    """The position after the last linked record of each of ``story_ids``
    that has one (see ``StoryEntity.position``)."""
    sql = "SELECT story_id, max(position) + 1 FROM story_entities WHERE story_id IN ({ids}) GROUP BY story_id"
    return dict(rows_in(session, sql, story_ids))


def link_positions(session: Session, entity_id: int) -> dict[int, int]:
    """The position of a record's link in each story linked to it."""
    rows = session.execute(select(StoryEntity.story_id, StoryEntity.position).where(StoryEntity.entity_id == entity_id))
    return {story_id: position for story_id, position in rows}


def place_entities(session: Session, story_id: int, positions: Mapping[int, int]) -> bool:
    """Give the story's links to records (entity id -> position) their
    positions; True when one moved. Not recorded in the story's history
    (the history triggers see links made and unmade, not moved)."""
    moved = False
    for entity_id, position in positions.items():
        result = session.connection().exec_driver_sql(
            "UPDATE story_entities SET position = ? WHERE story_id = ? AND entity_id = ? AND position != ?",
            (position, story_id, entity_id, position),
        )
        moved |= bool(result.rowcount)
    return moved


def remove_links(session: Session, model: LinkModel, key: str, target_id: int, story_ids: Iterable[int]) -> set[int]:
    """Unlink stories from a tag or record; returns those that were linked."""
    removed: set[int] = set()
    for chunk in chunks(sorted(set(story_ids))):
        statement = (
            delete(model).where(getattr(model, key) == target_id, model.story_id.in_(chunk)).returning(model.story_id)
        )
        removed.update(session.scalars(statement))
    return removed


def relink(
    session: Session, model: LinkModel, key: str, target_id: int, story_ids: Iterable[int], add: bool
) -> frozenset[int]:
    """Add (or remove) links between existing stories (NotFound otherwise)
    and a tag or record; touches and returns the stories that changed."""
    ids = existing_story_ids(session, story_ids)
    changed = (add_links if add else remove_links)(session, model, key, target_id, ids)
    touch_stories(session, changed)
    return frozenset(changed)


def bury(session: Session, kind: str, uuids: Iterable[str], replaced_by: str | None = None) -> None:
    """Record deletions (when, by whom) so that merges neither resurrect
    nor lose them."""
    now, who, buried = utcnow(), history.author(session), list(uuids)
    rows = [
        {"uuid": uuid, "kind": kind, "deleted_at": now, "deleted_by": who, "replaced_by": replaced_by}
        for uuid in buried
    ]
    # in bulk (a merge per uuid took minutes for 50,000): older tombstones of
    # the same uuids (a record deleted, restored, deleted again) are replaced
    unbury(session, buried)
    if rows:
        session.execute(insert(Tombstone), rows)


def unbury(session: Session, uuids: list[str]) -> None:
    """Forget the deletions of records that are back (restored, imported)."""
    for chunk in chunks(uuids):
        session.execute(delete(Tombstone).where(Tombstone.uuid.in_(chunk)))


def set_pair(
    session: Session, model: type[Base], columns: tuple[str, str], first_id: int, second_id: int, linked: bool = True
) -> bool:
    """In a table of pairs stored once as (low id, high id) - related tags,
    "see also" records - make the pair of two ids present (``linked``) or
    absent; True when that changed anything. An id is never paired with
    itself."""
    if first_id == second_id:
        return False
    pair = tuple(sorted((first_id, second_id)))
    row = session.get(model, pair)
    if linked == (row is not None):
        return False
    if linked:
        session.add(model(**dict(zip(columns, pair, strict=True))))
    else:
        session.delete(row)
    session.flush()
    return True


def move_pairs(session: Session, model: type[Base], columns: tuple[str, str], source_id: int, target_id: int) -> None:
    """Give ``target_id`` the pairs of ``source_id`` (see ``set_pair``);
    the caller then deletes the source."""
    first, second = (getattr(model, name) for name in columns)
    involved = or_(first == source_id, second == source_id)
    pairs = session.execute(select(first, second).where(involved)).all()
    session.execute(delete(model).where(involved))
    for low, high in pairs:
        set_pair(session, model, columns, high if low == source_id else low, target_id)
