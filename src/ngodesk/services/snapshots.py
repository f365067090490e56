"""Snapshots of records about to be deleted or merged, and putting them
back exactly (same ids, uuids, fields and links): what undo is made of.

Restoring reuses the original integer ids, so that other undo steps that
name them stay valid; undo runs in reverse order, so the ids are free again
by then. If one is taken after all, restoring raises Conflict and changes
nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Conflict
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import AddedSnapshot, ChangeSet, EntitySnapshot, StorySnapshot, TagSnapshot, row_id
from ngodesk.services import entities, stories, tags
from ngodesk.steps import linking, lookups, search_index, tagging, tombstones
from ngodesk.store import history
from ngodesk.store.library import Library
from ngodesk.store.schema import (
    Annotation,
    Collection,
    CollectionStory,
    Entity,
    EntityName,
    EntitySeeAlso,
    RejectedSuggestion,
    Story,
    StoryEntity,
    StoryTag,
    StoryTranslation,
    Tag,
    TagRelation,
    TagSynonym,
    Term,
    utcnow,
)


def _links(
    session: Session,
    model: type[StoryTag] | type[StoryEntity] | type[CollectionStory] | type[RejectedSuggestion],
    key: str,
    story_ids: list[int],
) -> dict:
    found: dict[int, set[int]] = {}
    for chunk in lookups.chunks(story_ids):
        rows = session.execute(select(model.story_id, getattr(model, key)).where(model.story_id.in_(chunk)))
        for story_id, target in rows:
            found.setdefault(story_id, set()).add(target)
    return found


def snapshot_stories(library: Library, story_ids: Iterable[int]) -> tuple[StorySnapshot, ...]:
    """The stories (all must exist) as they are now, in the given order."""
    with library.read() as session:
        return snapshot_in(session, story_ids)


def snapshot_in(session: Session, story_ids: Iterable[int]) -> tuple[StorySnapshot, ...]:
    """``snapshot_stories`` in the caller's transaction (which sees its own
    changes)."""
    columns = list(Story.__table__.columns)
    ids = lookups.existing_story_ids(session, story_ids)
    rows: dict[int, dict[str, object]] = {}
    for chunk in lookups.chunks(ids):
        for row in session.execute(select(*columns).where(Story.id.in_(chunk))).mappings():
            rows[int(row["id"])] = dict(row)
    tag_links = _links(session, StoryTag, "tag_id", ids)
    entity_links = _links(session, StoryEntity, "entity_id", ids)
    entity_positions: dict[int, list[tuple[int, int]]] = {}
    for story_id, entity_id, position in lookups.rows_in(
        session, "SELECT story_id, entity_id, position FROM story_entities WHERE story_id IN ({ids})", ids
    ):
        entity_positions.setdefault(story_id, []).append((entity_id, position))
    translated = _rows_by_story(session, StoryTranslation, ids)
    annotated = _rows_by_story(session, Annotation, ids)
    shelved = _links(session, CollectionStory, "collection_id", ids)
    positions = {
        (c, story): position
        for chunk in lookups.chunks(ids)
        for c, story, position in session.execute(
            select(CollectionStory.collection_id, CollectionStory.story_id, CollectionStory.position).where(
                CollectionStory.story_id.in_(chunk)
            )
        )
    }
    rejected = _links(session, RejectedSuggestion, "entity_id", ids)
    return tuple(
        StorySnapshot(
            rows[i],
            frozenset(tag_links.get(i, ())),
            frozenset(entity_links.get(i, ())),
            tuple(translated.get(i, ())),
            tuple(annotated.get(i, ())),
            tuple(sorted((c, positions[(c, i)]) for c in shelved.get(i, ()))),
            frozenset(rejected.get(i, ())),
            tuple(sorted(entity_positions.get(i, ()))),
        )
        for i in ids
    )


def _rows_by_story(
    session: Session, model: type[StoryTranslation] | type[Annotation], ids: list[int]
) -> dict[int, list[dict[str, object]]]:
    """Every column of the ``model`` rows of stories ``ids``, by story."""
    found: dict[int, list[dict[str, object]]] = {}
    for chunk in lookups.chunks(ids):
        query = select(*model.__table__.columns).where(model.story_id.in_(chunk))
        for row in session.execute(query).mappings():
            found.setdefault(int(row["story_id"]), []).append(dict(row))
    return found


def restore_stories(library: Library, snapshots: Sequence[StorySnapshot]) -> ChangeSet:
    """Put deleted stories back as they were (their tombstones go). Links to
    tags or records deleted meanwhile are dropped."""
    if not snapshots:
        return ChangeSet()  # (an empty insert would add a row of NULLs)
    with library.write() as session, history.links_unrecorded(session):
        ids = [row_id(s.row) for s in snapshots]
        uuids = [str(s.row["uuid"]) for s in snapshots]
        for chunk in lookups.chunks(ids):
            if session.scalar(select(Story.id).where(Story.id.in_(chunk)).limit(1)) is not None:
                raise Conflict(
                    translate("Messages", "Cannot restore the stories: their place in the library was taken meanwhile.")
                )
        session.execute(insert(Story.__table__), [dict(s.row) for s in snapshots])
        existing_tags = set(session.scalars(select(Tag.id)))
        for model, key, attribute in ((StoryTag, "tag_id", "tag_ids"), (StoryEntity, "entity_id", "entity_ids")):
            links = [
                {"story_id": row_id(s.row), key: target}
                for s in snapshots
                for target in getattr(s, attribute)
                if model is StoryEntity or target in existing_tags
            ]
            if model is StoryEntity:  # (each record back in its place: the first author first)
                placed = {(row_id(s.row), e): p for s in snapshots for e, p in s.entity_positions}
                for link in links:
                    link["position"] = placed.get((link["story_id"], link["entity_id"]), 0)
            if links:
                session.execute(insert(model), links)
        rows = [_without_id(row) for s in snapshots for row in s.translations]
        if rows:
            session.execute(insert(StoryTranslation.__table__), rows)
            tombstones.unbury(session, [str(row["uuid"]) for row in rows])
        terms = set(session.scalars(select(Term.id)))
        notes = [
            {
                **{k: v for k, v in row.items() if k != "id"},
                "term_id": row["term_id"] if row["term_id"] in terms else None,
            }
            for s in snapshots
            for row in s.annotations
        ]
        if notes:  # (a glossary term deleted meanwhile: the annotation stays, unlinked)
            session.execute(insert(Annotation.__table__), notes)
            tombstones.unbury(session, [str(row["uuid"]) for row in notes])
        _restore_memberships(session, snapshots)
        fields = ("id", "title", "summary", "body", "source")
        search_index.add(session, search_index.docs([tuple(s.row[name] for name in fields) for s in snapshots]))  # type: ignore[misc]
        tombstones.unbury(session, uuids)
        return ChangeSet(
            stories_added=frozenset(ids),
            tags_changed=frozenset(t for s in snapshots for t in s.tag_ids if t in existing_tags),
            entities_changed=frozenset(e for s in snapshots for e in s.entity_ids),
        )


def _restore_memberships(session: Session, snapshots: Sequence[StorySnapshot]) -> None:
    """The restored stories back in their manual collections (at their
    places) and their rejected suggestions, where those still exist."""
    shelves = set(session.scalars(select(Collection.id).where(Collection.query.is_(None))))
    known = set(session.scalars(select(Entity.id)))
    shelved = [
        {"collection_id": c, "story_id": row_id(s.row), "position": position}
        for s in snapshots
        for c, position in s.collections
        if c in shelves
    ]
    if shelved:
        session.execute(insert(CollectionStory.__table__), shelved)
    rejected = [{"story_id": row_id(s.row), "entity_id": e} for s in snapshots for e in s.rejected if e in known]
    if rejected:
        session.execute(insert(RejectedSuggestion.__table__), rejected)


def _without_id(row: Mapping[str, object]) -> dict[str, object]:
    """A snapshot row to insert again: a row added meanwhile may have taken
    its id (nothing refers to translation or annotation ids)."""
    return {name: value for name, value in row.items() if name != "id"}


def put_back_stories(library: Library, snapshots: Sequence[StorySnapshot]) -> ChangeSet:
    """Make existing stories exactly as ``snapshots`` recorded them (fields,
    tags, records), in one transaction: undo of an edit made elsewhere."""
    ids = [row_id(s.row) for s in snapshots]
    with library.write():
        stories.delete_stories(library, ids)
        restored = restore_stories(library, snapshots)
    return ChangeSet(stories_changed=frozenset(ids), tags_changed=restored.tags_changed)


def reset_stories(library: Library, snapshots: Sequence[StorySnapshot]) -> ChangeSet:
    """Make the snapshot's stories exactly as they were, in one
    transaction: those that exist put back, deleted ones restored (undo of
    a merge: the survivor and the merged-away story)."""
    with library.write() as session:
        present = lookups.present_story_ids(session, [row_id(s.row) for s in snapshots])
        changes = put_back_stories(library, [s for s in snapshots if s.row["id"] in present])
        return changes | restore_stories(library, [s for s in snapshots if s.row["id"] not in present])


def snapshot_tags(library: Library, root_ids: Iterable[int]) -> TagSnapshot:
    """The tags ``root_ids`` (all must exist) and their subtrees, with their
    stories."""
    columns = list(Tag.__table__.columns)
    with library.read() as session:
        ids: list[int] = []
        for root in dict.fromkeys(root_ids):
            lookups.get(session, Tag, root, "tag")
            ids += [i for i in tagging.subtree_ids(session, root) if i not in ids]
        by_id = {
            int(row["id"]): dict(row) for row in session.execute(select(*columns).where(Tag.id.in_(ids))).mappings()
        }
        links: dict[int, set[int]] = {}
        for tag_id, story_id in session.execute(
            select(StoryTag.tag_id, StoryTag.story_id).where(StoryTag.tag_id.in_(ids))
        ):
            links.setdefault(tag_id, set()).add(story_id)
        synonyms = session.execute(select(*TagSynonym.__table__.columns).where(TagSynonym.tag_id.in_(ids))).mappings()
        involved = or_(TagRelation.tag_id.in_(ids), TagRelation.related_id.in_(ids))
        relations = [
            (low, high)
            for low, high in session.execute(select(TagRelation.tag_id, TagRelation.related_id).where(involved))
        ]
        return TagSnapshot(
            tuple(_parents_first(by_id)),
            {tag_id: frozenset(links.get(tag_id, ())) for tag_id in by_id},
            tuple(dict(row) for row in synonyms),
            tuple(relations),
        )


def _parents_first(by_id: dict[int, dict[str, object]]) -> list[dict[str, object]]:
    ordered: list[dict[str, object]] = []
    placed: set[int] = set()

    def place(tag_id: int) -> None:
        if tag_id in placed:
            return
        parent = by_id[tag_id]["parent_id"]
        if parent in by_id:
            place(int(parent))
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
            tag_id = row_id(row)
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
        existing = lookups.present_story_ids(session, (s for stories in snapshot.links.values() for s in stories))
        for tag_id, stories in snapshot.links.items():
            touched |= linking.add_links(session, StoryTag, "tag_id", tag_id, stories & existing)
            now = set(session.scalars(select(StoryTag.story_id).where(StoryTag.tag_id == tag_id)))
            touched |= linking.remove_links(session, StoryTag, "tag_id", tag_id, now - stories)
        linking.touch_stories(session, touched)
        tombstones.unbury(session, [str(row["uuid"]) for row in snapshot.rows])
        _restore_thesaurus(session, snapshot)
        return ChangeSet(
            stories_changed=frozenset(touched), tags_added=frozenset(added), tags_changed=frozenset(changed)
        )


def _restore_thesaurus(session: Session, snapshot: TagSnapshot) -> None:
    """The snapshot tags' synonyms and relations as they were."""
    ids = [row_id(row) for row in snapshot.rows]
    session.execute(delete(TagSynonym).where(TagSynonym.tag_id.in_(ids)))
    session.execute(delete(TagRelation).where(or_(TagRelation.tag_id.in_(ids), TagRelation.related_id.in_(ids))))
    taken = set(session.scalars(select(TagSynonym.label_key)))  # (by another tag meanwhile: it keeps them)
    labels = [{k: v for k, v in row.items() if k != "id"} for row in snapshot.synonyms if row["label_key"] not in taken]
    if labels:
        session.execute(insert(TagSynonym.__table__), labels)
    present = set(session.scalars(select(Tag.id).where(Tag.id.in_({i for pair in snapshot.relations for i in pair}))))
    pairs = [{"tag_id": a, "related_id": b} for a, b in snapshot.relations if a in present and b in present]
    if pairs:
        session.execute(insert(TagRelation.__table__), pairs)


def snapshot_entities(library: Library, entity_ids: Iterable[int]) -> tuple[EntitySnapshot, ...]:
    """The records ``entity_ids`` that exist, with names and story links."""
    ids = sorted(set(entity_ids))
    with library.read() as session:
        rows = {
            int(row["id"]): dict(row)
            for chunk in lookups.chunks(ids)
            for row in session.execute(select(*Entity.__table__.columns).where(Entity.id.in_(chunk))).mappings()
        }
        names: dict[int, list[dict[str, object]]] = {}
        links: dict[int, dict[int, int]] = {}
        for chunk in lookups.chunks(list(rows)):
            for name in session.execute(
                select(*EntityName.__table__.columns).where(EntityName.entity_id.in_(chunk)).order_by(EntityName.id)
            ).mappings():
                names.setdefault(int(name["entity_id"]), []).append(dict(name))
            for entity_id, story_id, position in session.execute(
                select(StoryEntity.entity_id, StoryEntity.story_id, StoryEntity.position).where(
                    StoryEntity.entity_id.in_(chunk)
                )
            ):
                links.setdefault(entity_id, {})[story_id] = position
        pairs: dict[int, list[tuple[int, int]]] = {}
        for low, high in session.execute(select(EntitySeeAlso.entity_id, EntitySeeAlso.other_id)):
            for end in {low, high} & rows.keys():
                pairs.setdefault(end, []).append((low, high))
    return tuple(
        EntitySnapshot(
            row,
            tuple(names.get(i, ())),
            frozenset(links.get(i, {})),
            tuple(pairs.get(i, ())),
            tuple(sorted(links.get(i, {}).items())),
        )
        for i, row in rows.items()
    )


def _restore_see_also(session: Session, snapshots: Sequence[EntitySnapshot]) -> None:
    """The snapshot records' "see also" pairs as they were (with records
    that still exist)."""
    ids = [row_id(s.row) for s in snapshots]
    involved = or_(EntitySeeAlso.entity_id.in_(ids), EntitySeeAlso.other_id.in_(ids))
    session.execute(delete(EntitySeeAlso).where(involved))
    wanted = {pair for s in snapshots for pair in s.see_also}
    present = set(session.scalars(select(Entity.id).where(Entity.id.in_({i for pair in wanted for i in pair}))))
    rows = [{"entity_id": a, "other_id": b} for a, b in sorted(wanted) if a in present and b in present]
    if rows:
        session.execute(insert(EntitySeeAlso.__table__), rows)


def restore_entities(library: Library, snapshots: Sequence[EntitySnapshot]) -> ChangeSet:
    """Put deleted records back as they were, linked again to those of
    their stories that exist."""
    with library.write() as session:
        ids = [row_id(s.row) for s in snapshots]
        if session.scalar(select(Entity.id).where(Entity.id.in_(ids)).limit(1)) is not None:
            raise Conflict(
                translate("Messages", "Cannot restore the records: their place in the library was taken meanwhile.")
            )
        if not snapshots:
            return ChangeSet()
        session.execute(insert(Entity.__table__), [dict(s.row) for s in snapshots])
        names = [dict(name) for s in snapshots for name in s.names]
        if names:
            session.execute(insert(EntityName.__table__), names)
        touched: set[int] = set()
        existing = lookups.present_story_ids(session, (i for s in snapshots for i in s.story_ids))
        for snapshot in snapshots:
            entity_id = row_id(snapshot.row)
            linked = snapshot.story_ids & existing
            touched |= linking.add_links(session, StoryEntity, "entity_id", entity_id, linked, dict(snapshot.positions))
        linking.touch_stories(session, touched)
        tombstones.unbury(session, [str(s.row["uuid"]) for s in snapshots])
        _restore_see_also(session, snapshots)
        return ChangeSet(stories_changed=frozenset(touched), entities_added=frozenset(ids))


def reset_entities(library: Library, snapshots: Sequence[EntitySnapshot]) -> ChangeSet:
    """Make the snapshot's records exactly as they were: rows put back or
    reset, their alternative names and story links set back (undoes a
    merge)."""
    with library.write() as session:
        added, changed, touched = set(), set(), set()
        for snapshot in snapshots:
            entity_id = row_id(snapshot.row)
            revision = session.scalar(select(Entity.revision).where(Entity.id == entity_id))
            if revision is None:
                session.execute(insert(Entity.__table__), [dict(snapshot.row)])
                added.add(entity_id)
            else:
                values = {**snapshot.row, "revision": revision + 1, "updated_at": utcnow()}
                session.execute(update(Entity).where(Entity.id == entity_id).values(**values))
                changed.add(entity_id)
            session.execute(delete(EntityName).where(EntityName.entity_id == entity_id))
            if snapshot.names:
                session.execute(insert(EntityName.__table__), [dict(name) for name in snapshot.names])
            existing = lookups.present_story_ids(session, snapshot.story_ids)
            linked = snapshot.story_ids & existing
            touched |= linking.add_links(session, StoryEntity, "entity_id", entity_id, linked, dict(snapshot.positions))
            now = set(session.scalars(select(StoryEntity.story_id).where(StoryEntity.entity_id == entity_id)))
            touched |= linking.remove_links(session, StoryEntity, "entity_id", entity_id, now - snapshot.story_ids)
        session.expire_all()
        linking.touch_stories(session, touched)
        tombstones.unbury(session, [str(s.row["uuid"]) for s in snapshots])
        _restore_see_also(session, snapshots)
        return ChangeSet(
            stories_changed=frozenset(touched), entities_added=frozenset(added), entities_changed=frozenset(changed)
        )


def undo_split(library: Library, *, new_id: int, before: Sequence[EntitySnapshot]) -> ChangeSet:
    """Undo ``entities.split_entity`` in one transaction: the record it
    made (``new_id``) deleted, the split one put back as ``before`` (its
    snapshot taken before the split)."""
    with library.write():
        return entities.delete_entity(library, new_id) | reset_entities(library, before)


def snapshot_added(library: Library, changes: ChangeSet) -> AddedSnapshot:
    """Snapshot what ``changes`` added (stories, tags, records) and still
    exists, to take it back with ``remove_added``."""
    with library.read() as session:
        story_ids = sorted(lookups.present_story_ids(session, changes.stories_added))
        parents = dict(
            session.execute(select(Tag.id, Tag.parent_id).where(Tag.id.in_(sorted(changes.tags_added)))).all()
        )
    roots = tuple(sorted(t for t, parent in parents.items() if parent not in parents))
    return AddedSnapshot(
        snapshot_stories(library, story_ids),
        roots,
        snapshot_tags(library, roots) if roots else None,
        snapshot_entities(library, changes.entities_added),
    )


def remove_added(library: Library, snapshot: AddedSnapshot) -> ChangeSet:
    """Delete what ``snapshot`` holds, in one transaction."""
    with library.write():
        changes = stories.delete_stories(library, [row_id(s.row) for s in snapshot.stories])
        for root in snapshot.tag_roots:
            changes |= tags.delete_tag(library, root, recursive=True)
        return changes | _delete_entities(library, [row_id(e.row) for e in snapshot.entities])


def _delete_entities(library: Library, entity_ids: Sequence[int]) -> ChangeSet:
    """Delete records (all must exist) as ``entities.delete_entity`` does,
    all at once: an import's hundreds took seconds one by one."""
    with library.write() as session:
        stories: set[int] = set()
        uuids: list[str] = []
        for chunk in lookups.chunks(list(entity_ids)):
            stories.update(session.scalars(select(StoryEntity.story_id).where(StoryEntity.entity_id.in_(chunk))))
            uuids += session.scalars(select(Entity.uuid).where(Entity.id.in_(chunk)))
        tombstones.bury(session, "entity", uuids)
        for chunk in lookups.chunks(list(entity_ids)):
            session.execute(
                delete(Entity).where(Entity.id.in_(chunk)), execution_options={"synchronize_session": False}
            )
        session.expunge_all()
        linking.touch_stories(session, stories)
        return ChangeSet(stories_changed=frozenset(stories), entities_removed=frozenset(entity_ids))


def restore_added(library: Library, snapshot: AddedSnapshot) -> ChangeSet:
    """Put back what ``remove_added`` deleted, in one transaction."""
    with library.write():
        changes = restore_entities(library, snapshot.entities)
        if snapshot.tags is not None:
            changes |= restore_tags(library, snapshot.tags)
        return changes | restore_stories(library, snapshot.stories)
