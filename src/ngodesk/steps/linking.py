"""Links between stories and tags or authority records, and pairs of
records (related tags, "see also"), changed inside a service's
transaction; stories whose links changed are touched (revision, time)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from ngodesk.steps.lookups import chunks, existing_story_ids, rows_in
from ngodesk.store import bulk
from ngodesk.store.schema import Base, Story, StoryEntity, StoryTag, utcnow


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
        have = {row[0] for row in bulk.reader(session)(linked)}
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
        result = session.connection().execute(
            update(StoryEntity)
            .where(
                StoryEntity.story_id == story_id, StoryEntity.entity_id == entity_id, StoryEntity.position != position
            )
            .values(position=position)
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
