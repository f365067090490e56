"""Reading the states a merge compares (the shared base, this library,
the other one) through SQLAlchemy Core, each as a ``Side``.

The tables are read with untyped columns (``sqlalchemy.table``): values
come as the file stores them, so the three states compare alike and are
written back unchanged. The other library's text arrives cleaned by its
connection (``merging.connect``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Select, desc, func, literal, select

from ngodesk.steps.lookups import chunks
from ngodesk.store.rows import raw
from ngodesk.store.schema import Base

Row = dict[str, Any]
#: (first uuid, second uuid or label): a link merged as a member of a set
Pair = tuple[str, str]
#: A name of an authority record: (name, name key, language, preferred)
AltName = tuple[str, str, str, Any]


def columns(name: str, leave_out: Sequence[str] = ("id",)) -> list[str]:
    """The columns of this program's table ``name``, but ``leave_out``."""
    return [c.name for c in Base.metadata.tables[name].columns if c.name not in leave_out]


def _among(statement: Select[Any], key: Any, among: Sequence[str] | None) -> list[Select[Any]]:
    """``statement``, or when ``among`` is given, its rows whose ``key`` is
    one of them, asked a chunk at a time."""
    if among is None:
        return [statement]
    return [statement.where(key.in_(chunk)) for chunk in chunks(list(among))]


class Side:
    """One state of a library, read on ``connection``."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def keyed(self, statement: Select[Any]) -> dict[str, Row]:
        """Rows of ``statement`` (its first column the key) by key."""
        result = self.connection.execute(statement)
        names = list(result.keys())
        return {row[0]: dict(zip(names, row, strict=True)) for row in result}

    def scalar(self, statement: Select[Any]) -> Any:
        return self.connection.execute(statement).scalar()

    def rows(self, statement: Select[Any]) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.connection.execute(statement)]

    # -- records ---------------------------------------------------------

    def record(self, name: str, uuid: str, wanted: Sequence[str]) -> Row | None:
        """The columns ``wanted`` of record ``uuid`` of table ``name``."""
        t = raw(name)
        found = self.connection.execute(select(*(t.c[c] for c in wanted)).where(t.c.uuid == uuid)).first()
        return dict(zip(wanted, found, strict=True)) if found is not None else None

    def whole(self, name: str, uuids: Sequence[str], wanted: Sequence[str]) -> dict[str, Row]:
        """The columns ``wanted`` (with ``uuid``) of the records ``uuids``
        of table ``name``, by uuid, in the order of ``uuids``."""
        t = raw(name)
        found: dict[str, Row] = {}
        for chunk in chunks(list(uuids)):
            statement = select(t.c.uuid.label("_key"), *(t.c[c] for c in wanted)).where(t.c.uuid.in_(chunk))
            for key, row in self.keyed(statement).items():
                del row["_key"]
                found[key] = row
        return {uuid: found[uuid] for uuid in uuids if uuid in found}

    def ids_of(self, name: str, uuids: Sequence[str] | None = None) -> dict[str, int]:
        """The ids of the records of table ``name`` (those of ``uuids``
        only, when given) by uuid."""
        t = raw(name)
        return {
            uuid: record_id
            for part in _among(select(t.c.uuid, t.c.id), t.c.uuid, uuids)
            for uuid, record_id in self.rows(part)
        }

    def records(self, name: str, names: Sequence[str], **where: object) -> dict[str, Row]:
        """uuid, id and ``names`` of the records of table ``name`` (those
        whose columns have the values ``where`` gives), by uuid."""
        t = raw(name)
        statement = select(t.c.uuid, t.c.id, *(t.c[n] for n in names))
        for key, value in where.items():
            statement = statement.where(t.c[key] == value)
        return self.keyed(statement)

    def id_of(self, name: str, uuid: str) -> int | None:
        t = raw(name)
        found: int | None = self.scalar(select(t.c.id).where(t.c.uuid == uuid))
        return found

    def uuid_of(self, name: str, record_id: int) -> str | None:
        t = raw(name)
        found: str | None = self.scalar(select(t.c.uuid).where(t.c.id == record_id))
        return found

    def uuids(self, names: Iterable[str], among: Sequence[str] | None = None) -> set[str]:
        """The uuids of every record of the tables ``names`` (of those
        ``among``, when given)."""
        found: set[str] = set()
        for name in names:
            t = raw(name)
            found |= {row[0] for part in _among(select(t.c.uuid), t.c.uuid, among) for row in self.rows(part)}
        return found

    def tags(self) -> dict[str, Row]:
        """Tags by uuid: name, colour, scope note, the parent's uuid and
        the depth (0 at the top; a cycle in a damaged file stops it)."""
        t, parent = raw("tags"), raw("tags").alias("parent")
        found = self.keyed(
            select(t.c.uuid, t.c.name, t.c.colour, t.c.scope_note, parent.c.uuid.label("parent")).outerjoin(
                parent, parent.c.id == t.c.parent_id
            )
        )
        for row in found.values():
            depth, up, seen = 0, row["parent"], {row["uuid"]}
            while up in found and up not in seen:
                seen.add(up)
                depth, up = depth + 1, found[up]["parent"]
            row["depth"] = depth
        return found

    def record_names(self) -> dict[int, list[AltName]]:
        """Every record's names by its id."""
        n = raw("entity_names")
        found: dict[int, list[AltName]] = {}
        for record_id, *name in self.rows(select(n.c.entity_id, n.c.name, n.c.name_key, n.c.language, n.c.preferred)):
            found.setdefault(record_id, []).append((name[0], name[1], name[2], name[3]))
        return found

    # -- links between records -------------------------------------------

    def pairs(self, name: str, first: str, second: str, target: str) -> set[Pair]:
        """Links of table ``name`` between two records of ``target`` (its
        columns ``first`` and ``second``), as pairs of their uuids."""
        link, a, b = raw(name), raw(target).alias("a"), raw(target).alias("b")
        statement = select(a.c.uuid, b.c.uuid).select_from(
            link.join(a, a.c.id == link.c[first]).join(b, b.c.id == link.c[second])
        )
        return {(x, y) for x, y in self.rows(statement)}

    def members(self) -> dict[str, dict[str, int]]:
        """Manual collections' stories: collection uuid -> story uuid -> position."""
        m, c, s = raw("collection_stories"), raw("collections"), raw("stories")
        statement = select(c.c.uuid, s.c.uuid, m.c.position).select_from(
            m.join(c, c.c.id == m.c.collection_id).join(s, s.c.id == m.c.story_id)
        )
        found: dict[str, dict[str, int]] = {}
        for collection, story, position in self.rows(statement):
            found.setdefault(collection, {})[story] = position
        return found

    def rejected(self) -> set[Pair]:
        """Suggestions rejected: (story uuid, record uuid)."""
        r, s, e = raw("rejected_suggestions"), raw("stories"), raw("entities")
        statement = select(s.c.uuid, e.c.uuid).select_from(
            r.join(s, s.c.id == r.c.story_id).join(e, e.c.id == r.c.entity_id)
        )
        return {(x, y) for x, y in self.rows(statement)}

    def synonyms(self) -> set[Pair]:
        """Tags' synonyms: (tag uuid, label)."""
        syn, t = raw("tag_synonyms"), raw("tags")
        return {(x, y) for x, y in self.rows(select(t.c.uuid, syn.c.label).join(t, t.c.id == syn.c.tag_id))}

    def linked(self, name: str, key: str, target: str, story_uuids: Sequence[str]) -> dict[str, list[str]]:
        """For each of ``story_uuids``, the uuids of the ``target`` records
        table ``name`` links it to (through its column ``key``); a story's
        records (story_entities) in their order."""
        link, t, s = raw(name), raw(target), raw("stories")
        ordered = name == "story_entities"
        found: dict[str, list[str]] = {}
        for chunk in chunks(list(story_uuids)):
            statement = (
                select(s.c.uuid, t.c.uuid)
                .select_from(link.join(t, t.c.id == link.c[key]).join(s, s.c.id == link.c.story_id))
                .where(s.c.uuid.in_(chunk))
            )
            if ordered:
                statement = statement.order_by(link.c.position, link.c.entity_id)
            for story, record in self.rows(statement):
                found.setdefault(story, []).append(record)
        return found

    def linking(self, name: str, key: str, target: str, uuid: str) -> list[tuple[str, int]]:
        """The stories record ``uuid`` of ``target`` is linked to by table
        ``name``: (story uuid, the record's place in the story, 0 for tags)."""
        link, t, s = raw(name), raw(target), raw("stories")
        place = link.c.position if name == "story_entities" else literal(0)
        statement = (
            select(s.c.uuid, place)
            .select_from(link.join(s, s.c.id == link.c.story_id).join(t, t.c.id == link.c[key]))
            .where(t.c.uuid == uuid)
        )
        return [(story, at) for story, at in self.rows(statement)]

    # -- stories and what belongs to them ---------------------------------

    def fingerprints(self, uuids: Sequence[str] | None = None) -> dict[str, tuple[Any, Any]]:
        """Every story's revision and last change by its uuid (what tells
        which ones a side changed); of the stories ``uuids`` only, when given."""
        s = raw("stories")
        parts = _among(select(s.c.uuid, s.c.revision, s.c.updated_at), s.c.uuid, uuids)
        return {uuid: (revision, at) for part in parts for uuid, revision, at in self.rows(part)}

    def stories(self, uuids: Sequence[str], names: Sequence[str]) -> dict[str, Row]:
        """uuid, id and ``names`` of the stories ``uuids``, by uuid."""
        s = raw("stories")
        found: dict[str, Row] = {}
        for chunk in chunks(list(uuids)):
            found.update(self.keyed(select(s.c.uuid, s.c.id, *(s.c[n] for n in names)).where(s.c.uuid.in_(chunk))))
        return found

    def children(self, name: str, names: Sequence[str], what: Sequence[str]) -> dict[str, Row]:
        """Rows of table ``name`` that belong to stories, by uuid: their
        story's uuid, ``names``, and a label (the story's title, then the
        row's columns ``what``: "Title: body (en)"; None when one of them
        is missing)."""
        c, s = raw(name), raw("stories")
        parts = [c.c[w] for w in what]
        statement = select(c.c.uuid, s.c.uuid.label("story"), s.c.title, *parts, *(c.c[n] for n in names)).join(
            s, s.c.id == c.c.story_id
        )
        found = self.keyed(statement)
        for row in found.values():
            row["label"] = _label(name, row["title"], [row[w] for w in what])
        return found

    def translation(self, story_id: int, field: str, language: str, names: Sequence[str]) -> Row | None:
        """A story's translation of ``field`` into ``language``: its uuid,
        a label and ``names``."""
        c, s = raw("translations"), raw("stories")
        statement = (
            select(c.c.uuid, s.c.title, *(c.c[n] for n in names))
            .join(s, s.c.id == c.c.story_id)
            .where(c.c.story_id == story_id, c.c.field == field, c.c.language == language)
        )
        found = self.connection.execute(statement).first()
        if found is None:
            return None
        row = dict(zip(["uuid", "title", *names], found, strict=True))
        row["label"] = _label("translations", row["title"], [field, language])
        return row

    # -- history and deletions ----------------------------------------------

    def last_story_change(self, story_uuid: str, name: str = "") -> tuple[str, str]:
        """Who last changed a story (or its field ``name``), and when."""
        h = raw("story_changes")
        statement = select(h.c.who, h.c.at).where(h.c.story_uuid == story_uuid)
        if name:
            statement = statement.where(h.c.field == name)
        found = self.connection.execute(statement.order_by(desc(h.c.at), desc(h.c.id)).limit(1)).first()
        return (str(found[0] or ""), str(found[1] or "")) if found else ("", "")

    def last_edit(self, uuid: str, name: str | None) -> tuple[str, str]:
        """Who last changed record ``uuid`` and when: a story's (``name``
        None) from its history, another's (of table ``name``) by its last
        update, who is not kept for those."""
        return self.last_story_change(uuid) if name is None else ("", self.last_update(name, uuid))

    def last_update(self, name: str, uuid: str) -> str:
        """When record ``uuid`` of table ``name`` was last changed, or ""."""
        t = raw(name)
        return str(self.scalar(select(t.c.updated_at).where(t.c.uuid == uuid)) or "")

    def newest_change(self) -> int:
        """The id of the newest history row, 0 without one."""
        found: int = self.scalar(select(func.coalesce(func.max(raw("story_changes").c.id), 0)))
        return found

    def changes_after(self, change_id: int) -> list[tuple[Any, ...]]:
        """The history rows after ``change_id``, as the history table's
        columns but its id."""
        h = raw("story_changes")
        return self.rows(select(*(h.c[n] for n in HISTORY_COLUMNS)).where(h.c.id > change_id))

    def graves(self) -> list[tuple[Any, ...]]:
        """Every tombstone: uuid, kind, deleted_at, deleted_by, replaced_by."""
        g = raw("tombstones")
        return self.rows(select(*(g.c[n] for n in GRAVE_COLUMNS)))

    def grave(self, uuid: str) -> tuple[str, str]:
        """Who deleted record ``uuid``, and when ("" when not deleted)."""
        g = raw("tombstones")
        found = self.connection.execute(select(g.c.deleted_by, g.c.deleted_at).where(g.c.uuid == uuid)).first()
        return (str(found[0]), str(found[1])) if found else ("", "")

    def buried(self) -> set[str]:
        return {row[0] for row in self.connection.execute(select(raw("tombstones").c.uuid))}


HISTORY_COLUMNS = ("uuid", "story_uuid", "field", "old", "new", "ref", "at", "who", "revision")
GRAVE_COLUMNS = ("uuid", "kind", "deleted_at", "deleted_by", "replaced_by")


def _label(name: str, title: object, parts: Sequence[object]) -> str | None:
    """How a row of table ``name`` is named in a conflict or a report."""
    if title is None or any(part is None for part in parts):
        return None
    if name == "translations":
        return f"{title}: {parts[0]} ({parts[1]})"
    if name == "annotations":
        return f"{title}: note on {parts[0]}"
    return f"{title}: {parts[0]}"
