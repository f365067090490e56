"""Snapshots of records about to be deleted or merged, and putting them
back exactly (same ids, uuids, fields and links): what undo is made of.

Restoring reuses the original integer ids, so that other undo steps that
name them stay valid; undo runs in reverse order, so the ids are free again
by then. If one is taken after all, restoring raises Conflict and changes
nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Conflict
from ngodesk.domain.models import ChangeSet, StorySnapshot, TagSnapshot
from ngodesk.services import indexing, records, tags
from ngodesk.store.library import Library
from ngodesk.store.schema import Story, StoryEntity, StoryTag, Tag, Tombstone, utcnow


def _links(session: Session, model: type[StoryTag] | type[StoryEntity], key: str, story_ids: list[int]) -> dict:
    found: dict[int, set[int]] = {}
    for chunk in records.chunks(story_ids):
        rows = session.execute(select(model.story_id, getattr(model, key)).where(model.story_id.in_(chunk)))
        for story_id, target in rows:
            found.setdefault(story_id, set()).add(target)
    return found


def snapshot_stories(library: Library, story_ids: Iterable[int]) -> tuple[StorySnapshot, ...]:
    """The stories (all must exist) as they are now, in the given order."""
    columns = list(Story.__table__.columns)
    with library.read() as session:
        ids = records.existing_story_ids(session, story_ids)
        rows: dict[int, dict[str, object]] = {}
        for chunk in records.chunks(ids):
            for row in session.execute(select(*columns).where(Story.id.in_(chunk))).mappings():
                rows[int(row["id"])] = dict(row)
        tag_links = _links(session, StoryTag, "tag_id", ids)
        entity_links = _links(session, StoryEntity, "entity_id", ids)
    return tuple(
        StorySnapshot(rows[i], frozenset(tag_links.get(i, ())), frozenset(entity_links.get(i, ()))) for i in ids
    )


def restore_stories(library: Library, snapshots: Sequence[StorySnapshot]) -> ChangeSet:
    """Put deleted stories back as they were (their tombstones go). Links to
    tags or records deleted meanwhile are dropped."""
    with library.write() as session:
        ids = [int(s.row["id"]) for s in snapshots]  # type: ignore[call-overload]
        uuids = [str(s.row["uuid"]) for s in snapshots]
        for chunk in records.chunks(ids):
            if session.scalar(select(Story.id).where(Story.id.in_(chunk)).limit(1)) is not None:
                raise Conflict("Cannot restore the stories: their place in the library was taken meanwhile.")
        session.execute(insert(Story.__table__), [dict(s.row) for s in snapshots])
        existing_tags = set(session.scalars(select(Tag.id)))
        for model, key, attribute in ((StoryTag, "tag_id", "tag_ids"), (StoryEntity, "entity_id", "entity_ids")):
            links = [
                {"story_id": int(s.row["id"]), key: target}  # type: ignore[call-overload]
                for s in snapshots
                for target in getattr(s, attribute)
                if model is StoryEntity or target in existing_tags
            ]
            if links:
                session.execute(insert(model), links)
        indexing.add(
            session,
            [
                indexing.doc(*(s.row[name] for name in ("id", "title", "summary", "body", "source")))  # type: ignore[arg-type]
                for s in snapshots
            ],
        )
        _unbury(session, uuids)
        return ChangeSet(
            stories_added=frozenset(ids),
            tags_changed=frozenset(t for s in snapshots for t in s.tag_ids if t in existing_tags),
            entities_changed=frozenset(e for s in snapshots for e in s.entity_ids),
        )


def snapshot_tags(library: Library, root_ids: Iterable[int]) -> TagSnapshot:
    """The tags ``root_ids`` (all must exist) and their subtrees, with their
    stories."""
    columns = list(Tag.__table__.columns)
    with library.read() as session:
        ids: list[int] = []
        for root in dict.fromkeys(root_ids):
            records.get(session, Tag, root, "tag")
            ids += [i for i in tags.subtree_ids(session, root) if i not in ids]
        by_id = {
            int(row["id"]): dict(row) for row in session.execute(select(*columns).where(Tag.id.in_(ids))).mappings()
        }
        links: dict[int, set[int]] = {}
        for tag_id, story_id in session.execute(
            select(StoryTag.tag_id, StoryTag.story_id).where(StoryTag.tag_id.in_(ids))
        ):
            links.setdefault(tag_id, set()).add(story_id)
    return TagSnapshot(tuple(_parents_first(by_id)), {tag_id: frozenset(links.get(tag_id, ())) for tag_id in by_id})


def _parents_first(by_id: dict[int, dict[str, object]]) -> list[dict[str, object]]:
    ordered: list[dict[str, object]] = []
    placed: set[int] = set()

    def place(tag_id: int) -> None:
        if tag_id in placed:
            return
        parent = by_id[tag_id]["parent_id"]
        if parent in by_id:
            place(int(parent))  # type: ignore[call-overload]
        placed.add(tag_id)
        ordered.append(by_id[tag_id])

    for tag_id in by_id:
        place(tag_id)
    return ordered


def restore_tags(library: Library, snapshot: TagSnapshot) -> ChangeSet:
    """Make the snapshot's tags exactly as they were: rows recreated or
    reset (name, place, colour...) and each tag's stories set back; stories
    whose tags change are touched. Undoes a delete or a merge."""
    with library.write() as session:
        added, changed = set(), set()
        for row in snapshot.rows:
            tag_id = int(row["id"])  # type: ignore[call-overload]
            revision = session.scalar(select(Tag.revision).where(Tag.id == tag_id))
            if revision is None:
                session.execute(insert(Tag.__table__), [dict(row)])
                added.add(tag_id)
            else:  # still there: the reset is one more change to it
                values = {**row, "revision": revision + 1, "updated_at": utcnow()}
                session.execute(update(Tag).where(Tag.id == tag_id).values(**values))
                changed.add(tag_id)
        session.expire_all()
        touched: set[int] = set()
        existing = set()
        wanted_stories = {s for stories in snapshot.links.values() for s in stories}
        for chunk in records.chunks(sorted(wanted_stories)):
            existing.update(session.scalars(select(Story.id).where(Story.id.in_(chunk))))
        for tag_id, stories in snapshot.links.items():
            touched |= records.add_links(session, StoryTag, "tag_id", tag_id, stories & existing)
            now = set(session.scalars(select(StoryTag.story_id).where(StoryTag.tag_id == tag_id)))
            touched |= records.remove_links(session, StoryTag, "tag_id", tag_id, now - stories)
        records.touch_stories(session, touched)
        _unbury(session, [str(row["uuid"]) for row in snapshot.rows])
        return ChangeSet(
            stories_changed=frozenset(touched), tags_added=frozenset(added), tags_changed=frozenset(changed)
        )


def _unbury(session: Session, uuids: list[str]) -> None:
    for chunk in (uuids[start : start + 500] for start in range(0, len(uuids), 500)):
        session.execute(delete(Tombstone).where(Tombstone.uuid.in_(chunk)))
