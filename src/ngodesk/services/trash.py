"""The Trash: deleted stories kept ``KEEP_DAYS`` days, to restore with
everything they had (tags, records in their order, translations, notes,
manual collections, rejected suggestions, attachments).

Moving a story to the Trash deletes it as any delete does: its row and
links go and a tombstone records the deletion, so search, facets, exports,
counts, duplicates and merges of field copies all see it gone. What it
was is kept beside, one row of the ``trash`` table per story, as a JSON
document that names tags, records, collections and glossary terms by uuid
(their integer ids may be reused within 30 days). Restoring puts the
story back in one transaction, under its old id when that is free.

Entries older than ``KEEP_DAYS`` are neither listed nor restored;
``purge`` deletes them (an indexed range: its cost follows the Trash's
expired entries, not the library).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, func, insert, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Conflict, NotFound
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet, StorySnapshot, row_id
from ngodesk.services import snapshots, stories
from ngodesk.steps import lookups, tombstones
from ngodesk.store import history
from ngodesk.store.library import Library
from ngodesk.store.schema import (
    Annotation,
    Attachment,
    Base,
    Collection,
    Entity,
    Story,
    StoryTranslation,
    Tag,
    Term,
    Tombstone,
    TrashEntry,
    UTCDateTime,
    utcnow,
)

#: Days a story stays in the Trash.
KEEP_DAYS = 30
#: Links to a record or tag merged away are followed to the one it went
#: into, this many merges deep at most.
_FOLLOW = 5
#: What a story in the Trash names by uuid.
_Named = type[Tag] | type[Entity] | type[Collection] | type[Term]


@dataclass(frozen=True)
class TrashedStory:
    """A story in the Trash."""

    uuid: str
    title: str
    deleted_at: datetime
    deleted_by: str

    @property
    def kept_until(self) -> datetime:
        """When the Trash lets it go."""
        return self.deleted_at + timedelta(days=KEEP_DAYS)


def _cutoff(now: datetime | None) -> datetime:
    return (now or utcnow()) - timedelta(days=KEEP_DAYS)


# -- moving in ------------------------------------------------------------


def move_to_trash(library: Library, story_ids: Iterable[int]) -> ChangeSet:
    """Delete stories (all must exist), keeping each in the Trash; all or
    nothing. The ChangeSet's ``trash`` names them by uuid."""
    with library.write() as session:
        ids = lookups.existing_story_ids(session, story_ids)
        if not ids:
            return ChangeSet()
        taken = snapshots.snapshot_in(session, ids)
        documents = _documents(session, taken)
        changes = stories.delete_stories(library, ids)
        uuids = [str(s.row["uuid"]) for s in taken]
        for chunk in lookups.chunks(uuids):  # (a story back by a merge and deleted again: its newer self is kept)
            session.execute(delete(TrashEntry).where(TrashEntry.story_uuid.in_(chunk)))
        now, who = utcnow(), history.author(session)
        rows = [
            {
                "story_uuid": str(s.row["uuid"]),
                "story_id": row_id(s.row),
                "title": str(s.row["title"]),
                "deleted_at": now,
                "deleted_by": who,
                "content": json.dumps(document, ensure_ascii=False, default=_plain),
            }
            for s, document in zip(taken, documents, strict=True)
        ]
        session.execute(insert(TrashEntry), rows)
        return changes | ChangeSet(trash=frozenset(uuids))


def _plain(value: object) -> object:
    """``json.dumps``'s ``default``: times as ISO text (a value of another
    type is a bug: TypeError names it)."""
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(type(value))


def _uuids(session: Session, model: _Named, ids: Iterable[int]) -> dict[int, str]:
    """The uuids of the ``model`` rows ``ids``."""
    found: dict[int, str] = {}
    for chunk in lookups.chunks(sorted(set(ids))):
        found.update(session.execute(select(model.id, model.uuid).where(model.id.in_(chunk))).all())
    return found


def _children(session: Session, model: type[Base], story_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Every column but ``id`` and ``story_id`` of the ``model`` rows of
    the stories, by story."""
    table = model.__table__
    found: dict[int, list[dict[str, Any]]] = {}
    for chunk in lookups.chunks(story_ids):
        for row in session.execute(select(*table.columns).where(table.c.story_id.in_(chunk))).mappings():
            kept = {k: v for k, v in row.items() if k not in ("id", "story_id")}
            found.setdefault(int(row["story_id"]), []).append(kept)
    return found


def _documents(session: Session, taken: Sequence[StorySnapshot]) -> list[dict[str, Any]]:
    """What the Trash keeps of each story: ``taken`` with tags,
    records, collections and terms named by uuid, and its attachments."""
    tags = _uuids(session, Tag, (t for s in taken for t in s.tag_ids))
    entities = _uuids(session, Entity, (e for s in taken for e in (*s.entity_ids, *s.rejected)))
    shelves = _uuids(session, Collection, (c for s in taken for c, _ in s.collections))
    terms = _uuids(session, Term, (t for s in taken for n in s.annotations if isinstance(t := n["term_id"], int)))
    files = _children(session, Attachment, [row_id(s.row) for s in taken])
    return [
        {
            "story": dict(s.row),
            "tags": sorted(tags[t] for t in s.tag_ids if t in tags),
            "records": [[entities[e], p] for e, p in s.entity_positions if e in entities],
            "translations": [{k: v for k, v in row.items() if k not in ("id", "story_id")} for row in s.translations],
            "notes": [
                {
                    **{k: v for k, v in row.items() if k not in ("id", "story_id", "term_id")},
                    "term": terms.get(term_id) if isinstance(term_id := row["term_id"], int) else None,
                }
                for row in s.annotations
            ],
            "collections": [[shelves[c], p] for c, p in s.collections if c in shelves],
            "rejected": sorted(entities[e] for e in s.rejected if e in entities),
            "attachments": files.get(row_id(s.row), []),
        }
        for s in taken
    ]


# -- looking ---------------------------------------------------------------


def trashed(library: Library, now: datetime | None = None) -> list[TrashedStory]:
    """The stories in the Trash, the last deleted first."""
    query = (
        select(TrashEntry.story_uuid, TrashEntry.title, TrashEntry.deleted_at, TrashEntry.deleted_by)
        .where(TrashEntry.deleted_at >= _cutoff(now))
        .order_by(TrashEntry.deleted_at.desc(), TrashEntry.id.desc())
    )
    with library.read() as session:
        return [TrashedStory(*row) for row in session.execute(query)]


def count(library: Library, now: datetime | None = None) -> int:
    """How many stories the Trash holds."""
    with library.read() as session:
        return int(session.scalar(select(func.count()).where(TrashEntry.deleted_at >= _cutoff(now))) or 0)


def files_held(session: Session) -> set[str]:
    """The SHA-256 of every attachment of the stories in the Trash (their
    files must stay in ``files/``)."""
    held: set[str] = set()
    for (content,) in session.execute(select(TrashEntry.content)):
        held |= {str(a.get("sha256")) for a in json.loads(content).get("attachments", [])}
    return held


# -- restoring -------------------------------------------------------------


def restore_stories(library: Library, uuids: Sequence[str], now: datetime | None = None) -> ChangeSet:
    """Put stories of the Trash back (by uuid; a unique start of one will
    do) with what they had, in one transaction; links to tags, records,
    collections and terms deleted meanwhile are dropped, those merged into
    another follow it. Raises NotFound for a uuid not in the Trash and
    Conflict for a story already back in the library (a merge or an import
    brought it): then nothing changes."""
    with library.write() as session:
        entries = _entries(session, uuids, now)
        restored = [e.story_uuid for e in entries]
        already = {
            u
            for chunk in lookups.chunks(restored)
            for u in session.scalars(select(Story.uuid).where(Story.uuid.in_(chunk)))
        }
        if already:
            raise Conflict(
                translate(
                    "Messages",
                    "“{title}” is in the library again (a merge or an import brought it back); "
                    "the Trash's copy was left as it was.",
                ).format(title=next(e.title for e in entries if e.story_uuid in already))
            )
        places = _places(session, [e.story_id for e in entries])
        documents = [json.loads(e.content) for e in entries]
        known = _Known.of(session, documents)
        back = [_snapshot(known, d, place) for d, place in zip(documents, places, strict=True)]
        changes = snapshots.restore_stories(library, back)
        files = [
            {**_typed(Attachment, a), "story_id": place}
            for d, place in zip(documents, places, strict=True)
            for a in d["attachments"]
        ]
        if files:
            session.execute(insert(Attachment.__table__), files)
            tombstones.unbury(session, [str(a["uuid"]) for a in files])
        for chunk in lookups.chunks(restored):
            session.execute(delete(TrashEntry).where(TrashEntry.story_uuid.in_(chunk)))
        return changes | ChangeSet(trash=frozenset(restored))


def _entries(session: Session, uuids: Iterable[str], now: datetime | None) -> list[TrashEntry]:
    """The Trash's entries of ``uuids`` (each a uuid or the unique start of
    one), in order, each once; NotFound names the first missing one."""
    texts = list(dict.fromkeys(u.strip().lower() for u in uuids))
    kept = TrashEntry.deleted_at >= _cutoff(now)
    exact: dict[str, TrashEntry] = {}
    for chunk in lookups.chunks(texts):
        exact |= {
            e.story_uuid: e for e in session.scalars(select(TrashEntry).where(kept, TrashEntry.story_uuid.in_(chunk)))
        }
    found: dict[str, TrashEntry] = {}
    for text in texts:
        entry = exact.get(text) or _started(session, text, kept)
        found.setdefault(entry.story_uuid, entry)
    return list(found.values())


def _started(session: Session, text: str, kept: ColumnElement[bool]) -> TrashEntry:
    """The one entry whose uuid starts with ``text`` (4 characters at least)."""
    found: Sequence[TrashEntry] = []
    if len(text) >= 4:
        found = session.scalars(select(TrashEntry).where(kept, TrashEntry.story_uuid.startswith(text)).limit(2)).all()
    if len(found) != 1:
        message = (
            translate("Messages", "More than one story in the Trash starts with {uuid}; give more of it.")
            if found
            else translate("Messages", "No story {uuid} in the Trash.")
        )
        raise NotFound(message.format(uuid=text))
    return found[0]


def _places(session: Session, wanted: list[int]) -> list[int]:
    """Story ids to restore under: each one it had if free, else a new one."""
    taken = lookups.present_story_ids(session, wanted)
    following = int(session.scalar(select(func.max(Story.id))) or 0)
    places: list[int] = []
    for story_id in wanted:
        if story_id in taken or story_id in places:
            following = max(following, *wanted) + 1
            story_id = following
        places.append(story_id)
    return places


def _typed(model: type[Base], row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored row with its times as datetimes again."""
    table = model.__table__
    times = {c.name for c in table.columns if isinstance(c.type, UTCDateTime)}
    return {k: datetime.fromisoformat(v) if k in times and isinstance(v, str) else v for k, v in row.items()}


def _ids(session: Session, model: _Named, uuids: Iterable[str]) -> dict[str, int]:
    """The ids of the ``model`` rows named by ``uuids``, a row merged into
    another standing for that one."""
    wanted = set(uuids)
    found: dict[str, int] = {}
    for chunk in lookups.chunks(sorted(wanted)):
        found.update(session.execute(select(model.uuid, model.id).where(model.uuid.in_(chunk))).all())
    for uuid in wanted - found.keys():
        current = uuid
        for _ in range(_FOLLOW):
            current = session.scalar(select(Tombstone.replaced_by).where(Tombstone.uuid == current))
            if current is None:
                break
            if (current_id := session.scalar(select(model.id).where(model.uuid == current))) is not None:
                found[uuid] = current_id
                break
    return found


@dataclass(frozen=True)
class _Known:
    """The ids of the tags, records, collections and terms stored stories
    name by uuid (those that still exist, or that they were merged into)."""

    tags: Mapping[str, int]
    entities: Mapping[str, int]
    collections: Mapping[str, int]
    terms: Mapping[str, int]

    @classmethod
    def of(cls, session: Session, documents: Sequence[Mapping[str, Any]]) -> _Known:
        return cls(
            _ids(session, Tag, (u for d in documents for u in d["tags"])),
            _ids(session, Entity, (u for d in documents for u in [*(u for u, _ in d["records"]), *d["rejected"]])),
            _ids(session, Collection, (u for d in documents for u, _ in d["collections"])),
            _ids(session, Term, (n["term"] for d in documents for n in d["notes"] if n["term"])),
        )


def _snapshot(known: _Known, document: Mapping[str, Any], story_id: int) -> StorySnapshot:
    """A stored story as ``snapshots.restore_stories`` puts one back, under
    ``story_id``, linked to what still exists."""
    positions: dict[int, int] = {}
    for uuid, position in document["records"]:
        if uuid in known.entities:
            positions.setdefault(known.entities[uuid], position)  # (two merged into one: the first place)
    notes = [
        {
            **{k: v for k, v in _typed(Annotation, n).items() if k != "term"},
            "term_id": known.terms.get(n["term"] or ""),
            "story_id": story_id,
        }
        for n in document["notes"]
    ]
    return StorySnapshot(
        {**_typed(Story, document["story"]), "id": story_id},
        frozenset(known.tags[u] for u in document["tags"] if u in known.tags),
        frozenset(positions),
        tuple({**_typed(StoryTranslation, t), "story_id": story_id} for t in document["translations"]),
        tuple(notes),
        tuple((known.collections[u], p) for u, p in document["collections"] if u in known.collections),
        frozenset(known.entities[u] for u in document["rejected"] if u in known.entities),
        tuple(sorted(positions.items())),
    )


# -- letting go ------------------------------------------------------------


def empty(library: Library, uuids: Sequence[str] | None = None) -> ChangeSet:
    """Delete stories of the Trash for good (all of them by default; not
    undoable). Their tombstones stay: merges still see them deleted."""
    with library.write() as session:
        query = select(TrashEntry.story_uuid)
        if uuids is not None:
            query = query.where(TrashEntry.story_uuid.in_([e.story_uuid for e in _entries(session, uuids, None)]))
        gone = list(session.scalars(query))
        for chunk in lookups.chunks(gone):
            session.execute(delete(TrashEntry).where(TrashEntry.story_uuid.in_(chunk)))
        return ChangeSet(trash=frozenset(gone))


def purge(library: Library, now: datetime | None = None) -> ChangeSet:
    """Let go of the stories deleted more than ``KEEP_DAYS`` days ago."""
    with library.write() as session:
        expired = TrashEntry.deleted_at < _cutoff(now)
        gone = list(session.scalars(select(TrashEntry.story_uuid).where(expired)))
        if gone:
            session.execute(delete(TrashEntry).where(expired))
        return ChangeSet(trash=frozenset(gone))
