"""A library's first pull from a team hub when it holds nothing the team
shares (a new, empty library joining): the hub's objects written into it
as they are, in a few statements per table, instead of merged record by
record.

A three-way merge of the hub's state into a library holding none of its
records (and a base holding none) adds every record, cleaned as the
services clean what they are given (``merging``). Rows another ngodesk
wrote are clean already: ``fit`` checks, object by object, that the merge's
cleaning would leave each as it is (names, derived keys, a story's fields,
JSON a library can read, no two rows a unique key refuses); when one is
not, the caller merges as usual and the merge cleans it. When all are,
writing them as stored (``replica.apply``, as the hub's copy beside the
library is written) is what the merge would have made, and the library
then holds exactly what its copy of the hub holds: nothing to send back,
nothing left to compare (what SQLite noted while the rows went in is
forgotten). The objects the merge takes as they are (links and history,
most of a hub's objects) are not parsed here: SQLite reads them from the
JSON text the hub sent (``replica.add_texts``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.models import STORY_TEXT_FIELDS, ChangeSet
from ngodesk.search.text import fold
from ngodesk.services import attachments, fields, merging
from ngodesk.steps import authority, search_index, tagging
from ngodesk.store import fts, history, replica, tracking
from ngodesk.store.library import Library
from ngodesk.store.rows import raw
from ngodesk.store.schema import annotation_key

#: Stories indexed at a time (their texts transformed together).
INDEX_BATCH = 2000
#: The report's name for each table's records (as the merge counts them).
_KINDS = {
    "tags": "tags",
    "entities": "records",
    "terms": "terms",
    "collections": "collections",
    "stories": "stories",
    "translations": "translations",
    "annotations": "annotations",
    "attachments": "attachments",
}


def fit(changes: Iterable[replica.Change]) -> bool:
    """Whether every object of ``changes`` is as a merge into an empty
    library would store it (see the module's doc); deletions, links and
    history aside (taken as they are)."""
    live = [change for change in changes if not change.deleted]
    by_table: dict[str, list[Mapping[str, Any]]] = {}
    for change in live:
        if change.table in _CHECKS or change.table == "tombstones":  # (links and history are taken as they are)
            by_table.setdefault(change.table, []).append(change.data)
    records = {change.uuid for change in live if change.table in replica.RECORDS}
    try:
        if any(row.get("uuid") in records for row in by_table.get("tombstones", [])):
            return False  # (a record the hub has again: the merge leaves its tombstone out)
        return all(check(by_table.get(table, [])) for table, check in _CHECKS.items())
    except TypeError:  # (a list or an object where a column holds text or a number: not as stored)
        return False


def take(library: Library, read: Sequence[replica.Read], source: str) -> merging.MergeReport | None:
    """Write ``read`` (a hub's whole state) into ``library`` when every
    object is ``fit`` and the library holds nothing the team shares, in
    one transaction, with their search index; the report a merge would
    give. None (nothing written) otherwise: the caller merges instead."""
    checked = [obj.change() for obj in read if obj.table not in _UNCHECKED]
    if not fit(checked):
        return None
    texts: dict[str, list[str]] = {}
    for obj in read:
        if obj.table in _UNCHECKED and not obj.deleted:  # (nothing here to delete)
            texts.setdefault(obj.table, []).append(obj.text)
    report = merging.MergeReport(source)
    with library.write() as session:
        connection = session.connection()
        if not replica.holds_nothing_shared(connection):
            return None
        tracking.stop(connection)  # (what goes in is what the hub's copy holds: nothing to note)
        with history.unrecorded(session):  # (their history arrives as rows)
            left_out = replica.apply(connection, checked)
            for table in _UNCHECKED:  # (after the records they refer to)
                replica.add_texts(connection, table, texts.get(table, []))
        tracking.start(connection)
        library.delete_meta(session, tracking.COMPARE_ALL)
        _index(connection)
        added = Counter(obj.table for obj in read if not obj.deleted and obj.table in _KINDS)
        for change in left_out:
            added[change.table] -= 1
        for table, n in added.items():
            if n > 0:
                report.count(report.added, _KINDS[table], n)
        report.changes = ChangeSet(
            stories_added=_ids(connection, "stories"),
            tags_added=_ids(connection, "tags"),
            entities_added=_ids(connection, "entities"),
            terms=frozenset({0}) if added["terms"] else frozenset(),
            collections=frozenset({0}) if added["collections"] else frozenset(),
        )
    return report


def _index(connection: Connection) -> None:
    """Every story in the search index (the library's index held none)."""
    story = raw("stories")
    found = connection.execute(
        select(story.c.id, story.c.title, story.c.summary, story.c.body, story.c.source).order_by(story.c.id)
    )
    while batch := found.fetchmany(INDEX_BATCH):
        fts.add(connection, search_index.docs([tuple(row) for row in batch]))


def _ids(connection: Connection, table: str) -> frozenset[int]:
    return frozenset(connection.execute(select(raw(table).c.id)).scalars())


# -- what the merge's cleaning would leave as it is ------------------------


def _same(clean: Callable[[str], str], value: object) -> bool:
    """Whether ``clean`` leaves ``value`` (a text) as it is."""
    try:
        return isinstance(value, str) and clean(value) == value
    except ValidationError:
        return False


def _unique(rows: list[Mapping[str, Any]], *columns: str) -> bool:
    """Whether no two ``rows`` share the values of ``columns`` (a unique key
    of the table: the second would be refused, or made one with the first)."""
    keys = [tuple(row.get(c) or 0 if c == "parent_id" else row.get(c) for c in columns) for row in rows]
    return len(set(keys)) == len(keys)


def _keyed(row: Mapping[str, Any], name: str, key: str) -> bool:
    return row.get(key) == fold(str(row.get(name)))


def _tags(rows: list[Mapping[str, Any]]) -> bool:
    return _unique(rows, "parent_id", "name_key") and all(
        _same(tagging.clean_name, row.get("name")) and _keyed(row, "name", "name_key") for row in rows
    )


def _entities(rows: list[Mapping[str, Any]]) -> bool:
    return all(_same(authority.clean_name, row.get("name")) and _keyed(row, "name", "name_key") for row in rows)


def _entity_names(rows: list[Mapping[str, Any]]) -> bool:
    preferred = [(row.get("entity_id"), row.get("language")) for row in rows if row.get("preferred")]
    return (
        _unique(rows, "entity_id", "name_key")
        and len(set(preferred)) == len(preferred)
        and all(
            isinstance(name := row.get("name"), str)
            and name
            and " ".join(name.split()) == name
            and _keyed(row, "name", "name_key")
            for row in rows
        )
    )


def _synonyms(rows: list[Mapping[str, Any]]) -> bool:
    return _unique(rows, "label_key") and all(
        _same(tagging.clean_name, row.get("label")) and _keyed(row, "label", "label_key") for row in rows
    )


def _readable(table: str, label: str) -> Callable[[list[Mapping[str, Any]]], bool]:
    def check(rows: list[Mapping[str, Any]]) -> bool:
        return all(_keyed(row, label, f"{label}_key") and not merging.unreadable_columns(table, row) for row in rows)

    return check


def _collections(rows: list[Mapping[str, Any]]) -> bool:
    return _unique(rows, "name_key") and _readable("collections", "name")(rows)


def _stories(rows: list[Mapping[str, Any]]) -> bool:
    """Whether ``fields.clean`` leaves every story's fields (and what is
    derived from them) as they are; a field most stories share the values
    of (a language, a status, a date, a source) cleaned once per value."""
    known: dict[tuple[str, object], dict[str, object]] = {}
    try:
        for row in rows:
            for name in STORY_TEXT_FIELDS:
                value = row.get(name)
                if name in _FEW_VALUES:
                    if (cleaned := known.get((name, value))) is None:
                        cleaned = known[(name, value)] = fields.clean(name, value)
                else:
                    cleaned = fields.clean(name, value)
                if any(row.get(column) != v for column, v in cleaned.items()):
                    return False
            if merging.unreadable_columns("stories", row):
                return False
    except ValidationError:
        return False
    return True


#: Story fields whose values many stories share.
_FEW_VALUES = frozenset({"language", "status", "published", "source"})


def _translations(rows: list[Mapping[str, Any]]) -> bool:
    return _unique(rows, "story_id", "field", "language")


def _annotations(rows: list[Mapping[str, Any]]) -> bool:
    return all(row.get("search_key") == annotation_key(str(row.get("body")), str(row.get("exact"))) for row in rows)


def _attachments(rows: list[Mapping[str, Any]]) -> bool:
    return all(attachments.valid_sha256(row.get("sha256")) for row in rows)


_CHECKS: dict[str, Callable[[list[Mapping[str, Any]]], bool]] = {
    "tags": _tags,
    "entities": _entities,
    "entity_names": _entity_names,
    "tag_synonyms": _synonyms,
    "terms": _readable("terms", "term"),
    "collections": _collections,
    "stories": _stories,
    "translations": _translations,
    "annotations": _annotations,
    "attachments": _attachments,
}
#: The tables whose objects ``fit`` does not look at (links and history:
#: the merge takes them as they are), in the order they are written.
_UNCHECKED = tuple(t.name for t in replica.SHARED if t.name not in _CHECKS and t.name != "tombstones")
