"""Collections: saved searches (smart: a query and sidebar filters,
evaluated whenever they are shown, so their counts are live) and manual
collections (an ordered list of stories the user puts together).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Conflict, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet, Created, FacetKind, Filter, row_id
from ngodesk.domain.text import require_encodable
from ngodesk.search.query import parse
from ngodesk.search.text import fold
from ngodesk.services import queries
from ngodesk.steps import lookups, tombstones
from ngodesk.store.library import Library
from ngodesk.store.schema import Collection, CollectionStory, Entity, Tag, Tombstone


@dataclass(frozen=True)
class CollectionView:
    """A collection with the number of stories it holds now (None: a saved
    search not run yet)."""

    id: int
    uuid: str
    name: str
    #: the saved search's text; None for a manual collection
    query: str | None
    filters: tuple[Filter, ...]
    story_count: int | None

    @property
    def smart(self) -> bool:
        """True for a saved search."""
        return self.query is not None


def _name(name: str) -> str:
    cleaned = " ".join(require_encodable(str(name), "Collection name").split())
    if not cleaned:
        raise ValidationError(translate("Messages", "A collection needs a name."))
    if len(cleaned) > 200:
        raise ValidationError(
            translate("Messages", "Collection name '{cleaned}…' is longer than 200 characters.").format(
                cleaned=cleaned[:40]
            )
        )
    return cleaned


def _unique(session: Session, name: str, but: int | None = None) -> None:
    found = session.scalar(select(Collection.id).where(Collection.name_key == fold(name)))
    if found is not None and found != but:
        raise Conflict(translate("Messages", "There is a collection named '{name}' already.").format(name=name))


#: Filters whose values are record ids: stored by uuid, so that a merge
#: (the tombstone's replaced_by) or a copy of the library keeps them.
_BY_RECORD: dict[FacetKind, type[Tag] | type[Entity]] = {FacetKind.TAG: Tag, FacetKind.ENTITY: Entity}


def _filters_json(session: Session, filters: Sequence[Filter]) -> str:
    if any(f.kind in (FacetKind.COLLECTION, FacetKind.STORIES) for f in filters):
        raise ValidationError(translate("Messages", "A saved search cannot hold a collection filter."))
    stored = []
    for f in filters:
        value = f.value
        if (model := _BY_RECORD.get(f.kind)) is not None:
            value = lookups.get(session, model, int(f.value), f.kind.value).uuid
        stored.append({"kind": f.kind.value, "value": value, "exclude": f.exclude})
    return json.dumps(stored)


def _filters(session: Session, text: str) -> tuple[Filter, ...]:
    """The stored filters with record uuids made ids again (a merged
    record's through its tombstone; a deleted one's filter finds nothing)."""
    found = []
    for item in json.loads(text):
        kind, value = FacetKind(item["kind"]), str(item["value"])
        if (model := _BY_RECORD.get(kind)) is not None:
            value = str(_current_id(session, model, value))
        found.append(Filter(kind, value, bool(item["exclude"])))
    return tuple(found)


def _current_id(session: Session, model: type[Tag] | type[Entity], uuid: str) -> int:
    for _ in range(20):  # (a record merged into one merged later...)
        if (found := session.scalar(select(model.id).where(model.uuid == uuid))) is not None:
            return found
        uuid = session.scalar(select(Tombstone.replaced_by).where(Tombstone.uuid == uuid)) or ""
        if not uuid:
            break
    return 0  # (no such record: an including filter finds nothing)


def save_search(library: Library, name: str, query: str, filters: Sequence[Filter] = ()) -> Created:
    """Save a search (its text and sidebar filters) as a smart collection.
    Raises QueryError for a malformed query, Conflict for a name in use."""
    parse(query)  # (a malformed query is refused now, not each time it is shown)
    with library.write() as session:
        name = _name(name)
        _unique(session, name)
        stored = _filters_json(session, filters)
        row = Collection(name=name, name_key=fold(name), query=query.strip(), filters=stored)
        session.add(row)
        session.flush()
        return Created(row.id, row.uuid, ChangeSet(collections=frozenset({row.id})))


def create_manual(library: Library, name: str, story_ids: Sequence[int] = ()) -> Created:
    """A manual collection holding ``story_ids`` in that order."""
    with library.write() as session:
        name = _name(name)
        _unique(session, name)
        row = Collection(name=name, name_key=fold(name), query=None)
        session.add(row)
        session.flush()
        _append(session, row, story_ids)
        return Created(row.id, row.uuid, ChangeSet(collections=frozenset({row.id})))


def _manual(session: Session, collection_id: int) -> Collection:
    row = lookups.get(session, Collection, collection_id, "collection")
    if row.query is not None:
        raise ValidationError(
            translate("Messages", "'{name}' is a saved search: its stories are those it finds.").format(name=row.name)
        )
    return row


def _append(session: Session, row: Collection, story_ids: Iterable[int], skip_missing: bool = False) -> list[int]:
    """Add ``story_ids`` after the collection's stories; NotFound for a
    story that does not exist (with ``skip_missing``: left out)."""
    have = set(session.scalars(select(CollectionStory.story_id).where(CollectionStory.collection_id == row.id)))
    wanted = list(dict.fromkeys(story_ids))
    if skip_missing:
        present = lookups.present_story_ids(session, wanted)
        wanted = [i for i in wanted if i in present]
    new = [i for i in lookups.existing_story_ids(session, wanted) if i not in have]
    last = session.scalar(select(func.max(CollectionStory.position)).where(CollectionStory.collection_id == row.id))
    start = -1 if last is None else last
    session.add_all(
        CollectionStory(collection_id=row.id, story_id=i, position=start + 1 + n) for n, i in enumerate(new)
    )
    session.flush()
    return new


def add_stories(library: Library, collection_id: int, story_ids: Sequence[int]) -> ChangeSet:
    """Append stories to a manual collection (those in it stay where they are)."""
    with library.write() as session:
        row = _manual(session, collection_id)
        if _append(session, row, story_ids):
            row.touch()
        return ChangeSet(collections=frozenset({row.id}))


def remove_stories(library: Library, collection_id: int, story_ids: Sequence[int]) -> ChangeSet:
    """Take stories out of a manual collection (the stories stay in the library)."""
    with library.write() as session:
        row = _manual(session, collection_id)
        gone = delete(CollectionStory).where(
            CollectionStory.collection_id == collection_id, CollectionStory.story_id.in_(list(story_ids))
        )
        if lookups.deleted(session, gone):
            row.touch()
        return ChangeSet(collections=frozenset({row.id}))


def set_order(library: Library, collection_id: int, story_ids: Sequence[int]) -> ChangeSet:
    """Put a manual collection's stories in the order ``story_ids`` (which
    must be exactly its stories)."""
    with library.write() as session:
        row = _manual(session, collection_id)
        current = {
            link.story_id: link
            for link in session.scalars(select(CollectionStory).where(CollectionStory.collection_id == collection_id))
        }
        if sorted(current) != sorted(story_ids):
            count = len(current)
            raise ValidationError(
                translate(
                    "Messages", "The new order of '{name}' must hold exactly its %Ln stories.", None, count
                ).format(name=row.name)
            )
        for position, story_id in enumerate(story_ids):
            current[story_id].position = position
        row.touch()
        return ChangeSet(collections=frozenset({row.id}))


def put_back(library: Library, collection_id: int, *, story_ids: Sequence[int], order: Sequence[int]) -> ChangeSet:
    """Undo ``remove_stories`` in one transaction: ``story_ids`` back in
    the manual collection, in their places in ``order`` (its stories
    before they were removed)."""
    taken = set(story_ids)
    with library.write():
        changes = add_stories(library, collection_id, [i for i in order if i in taken])
        return changes | set_order(library, collection_id, order)


def stories_of(library: Library, collection_id: int) -> list[int]:
    """A collection's story ids: a manual one's in its order, a saved
    search's as the search lists them (evaluated now)."""
    with library.read() as session:
        row = lookups.get(session, Collection, collection_id, "collection")
        query, filters = row.query, _filters(session, row.filters)
        if query is None:
            ordered = select(CollectionStory.story_id).where(CollectionStory.collection_id == collection_id)
            return list(session.scalars(ordered.order_by(CollectionStory.position)))
    return queries.matching_ids(library, query, filters).tolist()


def rename(library: Library, collection_id: int, name: str) -> ChangeSet:
    with library.write() as session:
        row = lookups.get(session, Collection, collection_id, "collection")
        name = _name(name)
        _unique(session, name, but=collection_id)
        row.name, row.name_key = name, fold(name)
        row.touch()
        return ChangeSet(collections=frozenset({row.id}))


def delete_collection(library: Library, collection_id: int) -> ChangeSet:
    """Delete a collection (never its stories); a tombstone remembers it."""
    with library.write() as session:
        row = lookups.get(session, Collection, collection_id, "collection")
        tombstones.bury(session, "collection", [row.uuid])
        session.delete(row)
        return ChangeSet(collections=frozenset({row.id}))


def collections(library: Library, counted: bool = True) -> list[CollectionView]:
    """Every collection by name, with how many stories it holds now (a
    saved search is run for its count; with ``counted`` False it is not, and
    ``count`` gives it later)."""
    with library.read() as session:
        rows = session.execute(
            select(Collection.id, Collection.uuid, Collection.name, Collection.query, Collection.filters)
        ).all()
        counts = dict(
            session.execute(
                select(CollectionStory.collection_id, func.count()).group_by(CollectionStory.collection_id)
            ).all()
        )
        filters_of = {row.id: _filters(session, row.filters) for row in rows}
    views = []
    for row in rows:
        filters = filters_of[row.id]
        view = CollectionView(row.id, row.uuid, row.name, row.query, filters, counts.get(row.id, 0))
        if view.smart:
            view = replace(view, story_count=count(library, view) if counted else None)
        views.append(view)
    return sorted(views, key=lambda v: v.name.casefold())


def count(library: Library, view: CollectionView) -> int:
    """How many stories a saved search finds now (QueryError if its text
    no longer parses)."""
    return int(queries.matching_ids(library, view.query or "", view.filters).size)


@dataclass(frozen=True)
class CollectionSnapshot:
    """A collection exactly as stored, with its stories in order (undo)."""

    row: dict[str, object]
    story_ids: tuple[int, ...]


def snapshot(library: Library, collection_id: int) -> CollectionSnapshot:
    with library.read() as session:
        lookups.get(session, Collection, collection_id, "collection")
        row = (
            session.execute(select(*Collection.__table__.columns).where(Collection.id == collection_id))
            .mappings()
            .one()
        )
        ordered = select(CollectionStory.story_id).where(CollectionStory.collection_id == collection_id)
        return CollectionSnapshot(dict(row), tuple(session.scalars(ordered.order_by(CollectionStory.position))))


def restore(library: Library, taken: CollectionSnapshot) -> ChangeSet:
    """Put a deleted collection back as it was (its stories that exist)."""
    with library.write() as session:
        collection_id = row_id(taken.row)
        if session.get(Collection, collection_id) is not None:
            raise Conflict(translate("Messages", "Cannot restore the collection: its place was taken meanwhile."))
        _unique(session, str(taken.row["name"]))
        session.execute(insert(Collection.__table__), [taken.row])
        row = lookups.get(session, Collection, collection_id, "collection")
        _append(session, row, taken.story_ids, skip_missing=True)  # (stories deleted since stay deleted)
        tombstones.unbury(session, [row.uuid])
        return ChangeSet(collections=frozenset({collection_id}))
