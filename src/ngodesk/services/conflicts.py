"""The conflicts merges leave open: listed, settled and opened again.

A conflict is about one field of one record (a story, tag, authority
record, glossary term, collection, translation, annotation or attachment)
that both sides changed, or about a record one side deleted and the other
edited (field ``DELETED``; the record stays in the library while the
conflict is open, so nothing is lost before someone decides). Settling
writes the chosen value (either side's or a combined one) or, for a
deletion, deletes or keeps the record. ``before`` records what settling
will replace so that ``reopen`` (the undo) can put it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Conflict, NotFound
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet
from ngodesk.search.text import fold
from ngodesk.services import annotating, snapshots, stories, story_collections
from ngodesk.services.snapshots import StorySnapshot
from ngodesk.steps import linking, tombstones
from ngodesk.store import rows as stored
from ngodesk.store.library import Library
from ngodesk.store.schema import Base, MergeConflict, Story, annotation_key

#: The field of a conflict about a record one side deleted.
DELETED = "(deleted)"
#: The field of a conflict about the order of a manual collection's
#: stories, which both sides changed: each value the titles of its
#: stories in an order, one a line.
ORDER = "order"
#: The table of each kind of record a conflict can be about.
TABLES = {
    "story": "stories",
    "tag": "tags",
    "entity": "entities",
    "term": "terms",
    "collection": "collections",
    "translation": "translations",
    "annotation": "annotations",
    "attachment": "attachments",
}


@dataclass(frozen=True)
class ConflictView:
    """A conflict: both values (None: that side deleted the record) and who
    changed each, when."""

    uuid: str
    kind: str
    record_uuid: str
    label: str
    field: str
    mine: str | None
    theirs: str | None
    mine_who: str
    mine_at: str
    theirs_who: str
    theirs_at: str
    source: str


#: A row as it was: (table, its primary key's columns, all its columns,
#: the column to set again when the row was not deleted but had its
#: reference set to NULL).
Captured = tuple[str, dict[str, Any], dict[str, Any], str | None]


@dataclass(frozen=True)
class Before:
    """A conflict's record as it was before settling: a story's snapshot,
    or another record's row and the rows that refer to it."""

    stories: tuple[StorySnapshot, ...] = ()
    rows: tuple[Captured, ...] = ()


def view(row: MergeConflict) -> ConflictView:
    return ConflictView(
        row.uuid,
        row.kind,
        row.record_uuid,
        row.label,
        row.field,
        row.mine,
        row.theirs,
        row.mine_who,
        row.mine_at,
        row.theirs_who,
        row.theirs_at,
        row.source,
    )


def assign(connection: Connection, kind: str, uuid: str, values: Mapping[str, object]) -> None:
    """Write fields of the record ``uuid`` (not a story: those go through
    ``stories.edit_story``) with the columns derived from them: folded
    keys, a tag's parent given by uuid, an annotation's search key, as
    stored (``store.rows``). Raises IntegrityError when the values clash
    with another record; in a savepoint, so the transaction goes on."""
    table = TABLES[kind]
    columns = {k: v for k, v in values.items() if k not in ("parent", "name_key", "term_key")}
    if "name" in columns and kind in ("tag", "entity", "collection"):
        columns["name_key"] = fold(str(columns["name"]))
    if "term" in columns and kind == "term":
        columns["term_key"] = fold(str(columns["term"]))
    if kind == "tag" and "parent" in values:
        tag = stored.raw("tags")
        columns["parent_id"] = connection.execute(select(tag.c.id).where(tag.c.uuid == values["parent"])).scalar()
    if columns:
        with connection.begin_nested():
            stored.change(connection, table, columns, uuid=uuid)
    if kind == "annotation":  # (what annotating.py keeps in step for its own writes)
        note = stored.raw("annotations")
        body, exact = connection.execute(select(note.c.body, note.c.exact).where(note.c.uuid == uuid)).one()
        stored.change(connection, "annotations", {"search_key": annotation_key(body, exact)}, uuid=uuid)


def _row(session: Session, conflict_uuid: str) -> MergeConflict:
    row = session.scalar(select(MergeConflict).where(MergeConflict.uuid == conflict_uuid))
    if row is None:
        raise NotFound(translate("Messages", "No conflict {conflict_uuid}.").format(conflict_uuid=conflict_uuid))
    return row


def _referring(table: str) -> list[tuple[str, str, str | None]]:
    """(table, column, on delete) of the foreign keys that refer to ``table``."""
    return [
        (other.name, key.parent.name, key.ondelete)
        for other in Base.metadata.sorted_tables
        for key in other.foreign_keys
        if key.column.table.name == table and other.name != table
    ]


def _key(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """The primary key's columns of ``row``, a row of ``table``."""
    return {column.name: row[column.name] for column in Base.metadata.tables[table].primary_key}


def _rows(connection: Connection, table: str, **where: object) -> list[dict[str, Any]]:
    t = stored.raw(table)
    statement = select(t).where(*(t.c[name] == value for name, value in where.items()))
    return [dict(row) for row in connection.execute(statement).mappings()]


def _capture(connection: Connection, table: str, uuid: str) -> tuple[Captured, ...]:
    found = _rows(connection, table, uuid=uuid)
    if not found:
        return ()
    record = found[0]
    rows: list[Captured] = [(table, _key(table, record), record, None)]
    for other, column, action in _referring(table):
        for row in _rows(connection, other, **{column: record["id"]}):
            rows.append((other, _key(other, row), row, column if action == "SET NULL" else None))
    return tuple(rows)


def _put_back(connection: Connection, rows: tuple[Captured, ...]) -> None:
    """The captured rows as they were: the record updated or inserted
    again, the rows that referred to it inserted again (or their set-null
    column set again)."""
    for table, key, row, set_null in rows:
        if set_null is not None:
            stored.change(connection, table, {set_null: row[set_null]}, **key)
        elif _rows(connection, table, **key):
            stored.change(connection, table, row, **key)
        else:
            stored.add_all(connection, table, [row], keep_existing=False)


def _changes(kind: str, how: str, record_id: int, story_id: int | None) -> ChangeSet:
    """What the windows reload after a record of ``kind`` was ``how``
    ("added", "changed" or "removed")."""
    ids = frozenset({record_id})
    if kind == "tag":
        return (
            ChangeSet(tags_added=ids)
            if how == "added"
            else ChangeSet(tags_changed=ids)
            if how == "changed"
            else ChangeSet(tags_removed=ids)
        )
    if kind == "entity":
        return (
            ChangeSet(entities_added=ids)
            if how == "added"
            else ChangeSet(entities_changed=ids)
            if how == "changed"
            else ChangeSet(entities_removed=ids)
        )
    if kind == "term":
        return ChangeSet(terms=ids)
    if kind == "collection":
        return ChangeSet(collections=ids)
    return ChangeSet(stories_changed=frozenset({story_id} if story_id is not None else ()))


def _story_of_child(connection: Connection, kind: str, uuid: str) -> int | None:
    if kind not in ("translation", "annotation", "attachment"):
        return None
    t = stored.raw(TABLES[kind])
    found: int | None = connection.execute(select(t.c.story_id).where(t.c.uuid == uuid)).scalar()
    return found


def conflicts(library: Library) -> list[ConflictView]:
    """The open conflicts, oldest first."""
    with library.read() as session:
        rows = session.scalars(
            select(MergeConflict).where(MergeConflict.resolved.is_(False)).order_by(MergeConflict.id)
        )
        return [view(row) for row in rows]


def story_of(library: Library, conflict_uuid: str) -> int | None:
    """The id of the story a conflict is about (or whose translation,
    annotation or attachment it is about), if it is in the library."""
    with library.read() as session:
        row = _row(session, conflict_uuid)
        if row.kind == "story":
            return session.scalar(select(Story.id).where(Story.uuid == row.record_uuid))
        return _story_of_child(session.connection(), row.kind, row.record_uuid)


def before(library: Library, conflict_uuid: str) -> Before:
    """What settling the conflict would replace (for ``reopen``)."""
    with library.read() as session:
        row = _row(session, conflict_uuid)
        if row.kind == "story":
            story_id = session.scalar(select(Story.id).where(Story.uuid == row.record_uuid))
            return Before(stories=snapshots.snapshot_stories(library, [story_id]) if story_id is not None else ())
        return Before(rows=_capture(session.connection(), TABLES[row.kind], row.record_uuid))


def resolve(library: Library, conflict_uuid: str, value: str | None) -> ChangeSet:
    """Settle a conflict with ``value`` (either side's or a combined one;
    for a deletion conflict, None deletes the record and anything else
    keeps it), in one transaction. Raises NotFound for an unknown conflict
    or a record no longer here, Conflict for one settled already or a
    value that clashes with another record (nothing changes then)."""
    with library.write() as session:
        row = _row(session, conflict_uuid)
        if row.resolved:
            raise Conflict(translate("Messages", "That conflict is settled already."))
        settle = _settle_story if row.kind == "story" else _settle_record
        changes = settle(library, session, view(row), value)
        _row(session, conflict_uuid).resolved = True
        return changes


def _settle_story(library: Library, session: Session, conflict: ConflictView, value: str | None) -> ChangeSet:
    story_id = session.scalar(select(Story.id).where(Story.uuid == conflict.record_uuid))
    if conflict.field == DELETED:
        return stories.delete_stories(library, [story_id]) if value is None and story_id else ChangeSet()
    if story_id is None:
        raise NotFound(
            translate("Messages", "The story of this conflict ({label}) is no longer in the library.").format(
                label=conflict.label
            )
        )
    return stories.edit_story(library, story_id, {conflict.field: value})


def _settle_record(library: Library, session: Session, conflict: ConflictView, value: str | None) -> ChangeSet:
    connection = session.connection()
    table = TABLES[conflict.kind]
    found = [row["id"] for row in _rows(connection, table, uuid=conflict.record_uuid)]
    story_id = _story_of_child(connection, conflict.kind, conflict.record_uuid)
    if conflict.field == DELETED:
        if value is not None or not found:
            return ChangeSet()
        if conflict.kind == "tag" and _rows(connection, "tags", parent_id=found[0]):
            raise Conflict(
                translate("Messages", "The tag {label} has narrower tags now; delete or move them first.").format(
                    label=conflict.label
                )
            )
        stored.remove(connection, table, id=found[0])
        tombstones.bury(session, conflict.kind, [conflict.record_uuid])
        how = "removed"
    else:
        if not found:
            raise NotFound(
                translate("Messages", "The record of this conflict ({label}) is no longer in the library.").format(
                    label=conflict.label
                )
            )
        if conflict.kind == "collection" and conflict.field == ORDER:
            story_collections.set_order(library, found[0], _ordered(connection, found[0], value or ""))
            return _changes(conflict.kind, "changed", found[0], None)
        try:
            assign(connection, conflict.kind, conflict.record_uuid, {conflict.field: value})
        except IntegrityError as error:
            raise Conflict(
                translate("Messages", "{value!r} is taken by another {kind} already.").format(
                    value=value, kind=conflict.kind
                )
            ) from error
        how = "changed"
    if story_id is not None:
        if conflict.kind == "translation":
            annotating.follow(session, [story_id])
        linking.touch_stories(session, [story_id])
    return _changes(conflict.kind, how, found[0], story_id)


def _ordered(connection: Connection, collection_id: int, value: str) -> list[int]:
    """The stories of a manual collection in the order ``value`` names
    them (their titles, one a line: ``ORDER``; a title some stories share
    names them in their order now), then those it does not name, in their
    order now."""
    member, story = stored.raw("collection_stories"), stored.raw("stories")
    now = connection.execute(
        select(story.c.id, story.c.title)
        .select_from(member.join(story, story.c.id == member.c.story_id))
        .where(member.c.collection_id == collection_id)
        .order_by(member.c.position)
    ).all()
    titled: dict[str, list[int]] = {}
    for story_id, title in now:
        titled.setdefault(title, []).append(story_id)
    named = [titled[line].pop(0) for line in value.splitlines() if titled.get(line)]
    left = {story_id for stories_left in titled.values() for story_id in stories_left}
    return named + [story_id for story_id, _ in now if story_id in left]


def reopen(library: Library, conflict_uuid: str, was: Before = Before()) -> ChangeSet:
    """List a settled conflict again, putting back what settling it
    replaced (the undo of ``resolve``), in one transaction."""
    with library.write() as session:
        changes = snapshots.reset_stories(library, was.stories) if was.stories else ChangeSet()
        row = _row(session, conflict_uuid)
        if was.rows:
            connection = session.connection()
            table, _, record, _ = was.rows[0]
            there = _rows(connection, table, id=record["id"])
            _put_back(connection, was.rows)
            tombstones.unbury(session, [row.record_uuid])
            story_id = _story_of_child(connection, row.kind, row.record_uuid)
            changes |= _changes(row.kind, "changed" if there else "added", record["id"], story_id)
        row.resolved = False
        return changes
