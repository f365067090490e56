"""Merging another copy of a library into the open one, three ways.

The common state ("base") is the other library as it was at the last
merge between the two, or the ancestor a field copy carries
(``field_copy.base_for``). Records are matched by uuid. For each record:
created on one side only: added; a field changed on one side only: taken;
changed on both sides to different values: a conflict; deleted on one side
and untouched on the other: deleted; deleted on one side and edited on the
other: a conflict, and the record stays (comes back, with its links and
rows) until it is settled. Tags and records linked to a story merge as
sets (what either side added, less what either side removed); a
collection made on both sides under one name is one collection. The other
library's history and tombstones come along, so both sides' changes
appear in the history and later merges neither resurrect nor lose records;
the fields the merge itself changes are recorded as well (by whoever
merges, at the story's next revision), so going back to the revision
before the merge brings back what it replaced.

A conflict keeps this library's value (``Prefer.ASK``, the conflict is
kept in ``merge_conflicts`` until settled with ``conflicts.resolve``) or
takes one side's (``MINE``/``THEIRS``, which also settle what an earlier
merge of the same library left open). The whole merge is one transaction,
after a backup: killed half-way, the library is as before. Merging the
same state twice changes nothing the second time.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Cancelled, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import STORY_TEXT_FIELDS, ChangeSet, FacetKind, Progress, no_progress
from ngodesk.domain.text import CONTROL
from ngodesk.formats import nesting
from ngodesk.search.text import fold
from ngodesk.services import (
    annotating,
    attachments,
    backups,
    batch,
    conflicts,
    field_copy,
    fields,
    merge_plan,
    merge_read,
    trash,
)
from ngodesk.services.conflicts import DELETED, ConflictView
from ngodesk.services.merge_plan import Arrival, Departure, Field
from ngodesk.services.merge_read import GRAVE_COLUMNS, HISTORY_COLUMNS, AltName, Pair, Side
from ngodesk.steps import authority, linking, search_index, tagging, tombstones
from ngodesk.store import backups as store_backups
from ngodesk.store import history, sqlite_files
from ngodesk.store import rows as stored
from ngodesk.store.library import DB_NAME, Library
from ngodesk.store.rows import raw
from ngodesk.store.schema import MergeConflict, annotation_key

Row = dict[str, Any]
T = TypeVar("T")
TAG_FIELDS = ("name", "colour", "scope_note", "parent")
#: A story's links merged as sets: (table, the records', their column)
STORY_LINKS = (("story_tags", "tags", "tag_id"), ("story_entities", "entities", "entity_id"))


class Prefer(enum.StrEnum):
    """What a conflict gets: kept open with this library's value (ask), or
    settled for this library's or the other's value."""

    ASK = "ask"
    MINE = "mine"
    THEIRS = "theirs"


@dataclass
class MergeReport:
    """What a merge did, per kind of record, and the conflicts it left."""

    source: str
    added: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    conflicts: list[ConflictView] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)
    #: what was not taken (a value this library cannot hold, a file that
    #: is not what it says), each with why
    left_out: list[str] = field(default_factory=list)

    def count(self, what: dict[str, int], kind: str, n: int = 1) -> None:
        what[kind] = what.get(kind, 0) + n


@contextmanager
def _reading(path: Path) -> Iterator[Side]:
    """The library (or earlier state) in file ``path``, to read. Its text
    comes as the services would have written it: without control
    characters (``fields.clean``), undecodable bytes replaced."""
    with sqlite_files.reading(path, lambda text: CONTROL.sub("", text)) as connection:
        yield Side(connection)


def merge(
    library: Library, source: Path | str, prefer: Prefer = Prefer.ASK, progress: Progress = no_progress
) -> MergeReport:
    """Merge the library in folder ``source`` (or in a field-copy archive
    file) into ``library`` (see the module's doc). An archive opened
    before (``field_copy.unpack``) is merged from the folder it was
    unpacked into, where its work is; the report's ``source`` names the
    folder merged then. Raises LibraryError for a folder that is not a
    library, ValidationError for this library itself, Cancelled when
    ``progress`` says stop; nothing changes then."""
    path = Path(source).expanduser().absolute()
    if path.is_file() and (folder := field_copy.worked_in(path)) is not None:
        return _merge_folder(library, folder, str(folder), prefer, progress)
    if path.is_file():
        with field_copy.opened_archive(path) as folder:
            return _merge_folder(library, folder, str(path), prefer, progress)
    return _merge_folder(library, path, str(path), prefer, progress)


def _merge_folder(library: Library, folder: Path, source: str, prefer: Prefer, progress: Progress) -> MergeReport:
    if folder == library.folder:
        raise ValidationError(translate("Messages", "A library cannot be merged into itself."))
    _check_copy(folder)
    with Library.open(folder, readonly=True) as other:
        if field_copy.identity(other) and field_copy.identity(other) == field_copy.identity(library):
            raise ValidationError(
                translate("Messages", "{folder} is this library (a copy of its folder, not a field copy).").format(
                    folder=folder
                )
            )
        base_path = field_copy.base_for(library, other)
        if base_path is not None and (found := store_backups.problems(base_path)):
            raise ValidationError(
                translate(
                    "Messages",
                    "{path}, the state both libraries share, cannot be read ({problems}); nothing was merged.",
                ).format(path=base_path, problems="; ".join(found[:3]))
            )
        backups.back_up(library, "before-merge")
        with ExitStack() as stack:
            theirs = stack.enter_context(_reading(other.db_path))
            base = stack.enter_context(_reading(base_path)) if base_path is not None else None
            report = merge_states(library, (theirs, other.folder), base, source, prefer, progress)
        field_copy.remember(library, other)
    return report


def merge_states(
    library: Library,
    theirs: tuple[Side, Path],
    base: Side | None,
    source: str,
    prefer: Prefer = Prefer.ASK,
    progress: Progress = no_progress,
    focus: Collection[str] | None = None,
) -> MergeReport:
    """Merge the state ``theirs`` (read on its side, its files in its
    folder) into ``library`` three ways from ``base``, in one transaction;
    conflicts are kept under ``source``. ``focus``, when the caller knows
    it, names every story theirs changed since ``base`` (or whose links,
    history or texts changed): no other story is read. Cancelled when
    ``progress`` says stop (nothing changes then)."""
    with library.write() as session:
        with history.links_unrecorded(session):  # (their links come with their history)
            job = _Merge(library, session, theirs, base, prefer, source, focus)
            job.run(progress)
            report = job.report
        if prefer is not Prefer.ASK:
            report.changes |= _settle_open(library, source, prefer)
    return report


def _check_copy(folder: Path) -> None:
    """ValidationError unless the database files in ``folder`` are its own
    (no link leading out of it: nothing outside is read or copied) and
    its database is not an empty file."""
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", field_copy.ANCESTOR):
        attachments.safe_child(folder, name)
    if (folder / DB_NAME).is_file() and (folder / DB_NAME).stat().st_size == 0:
        raise ValidationError(
            translate("Messages", "{path} is an empty file, not a library that can be merged.").format(
                path=folder / DB_NAME
            )
        )


class _Merge:
    """One merge, in the caller's transaction."""

    def __init__(
        self,
        library: Library,
        session: Session,
        theirs: tuple[Side, Path],
        base: Side | None,
        prefer: Prefer,
        source: str,
        focus: Collection[str] | None = None,
    ) -> None:
        """``theirs``: the other library's database and its folder;
        ``focus``: see ``merge_states``."""
        self.library, self.session, self.prefer = library, session, prefer
        self.focus = sorted(focus) if focus is not None else None
        #: this library, written (rows as stored: ``store.rows``) and read
        self.db = session.connection()
        self.here = Side(self.db)
        (self.there, self.their_folder), self.before = theirs, base
        self.report = MergeReport(source)
        self.open_conflicts = {
            (c.record_uuid, c.field, c.theirs)
            for c in session.scalars(select(MergeConflict).where(MergeConflict.resolved.is_(False)))
        }
        self.open_fields = {(uuid, name) for uuid, name, _ in self.open_conflicts}
        self.revived: set[str] = set()
        #: deletions made before this merge (those it makes take who and
        #: when from the other side's tombstones)
        self.graves_before = self._tombstoned()
        #: their uuid -> the uuid of the same record here (made on both sides)
        self.aliases: dict[str, str] = {}
        self.changes = ChangeSet()
        #: the stories' links the merge looks at, as base, mine and theirs
        #: have them: table -> (story uuid -> linked uuids) for each
        self.links: dict[str, tuple[dict[str, list[str]], ...]] = {}
        #: the ids here of the tags and records stories link to, by uuid
        #: (known once they are merged, before the stories)
        self.record_ids: dict[str, dict[str, int]] = {}
        #: the uuids of the tags and records the other library has
        self.their_records: dict[str, set[str]] = {}

    # -- helpers -------------------------------------------------------

    def _three(self, read: Callable[[Side], T]) -> tuple[T, T, T]:
        """What ``read`` reads from base (an empty one of the same kind
        without a base), mine and theirs."""
        mine, theirs = read(self.here), read(self.there)
        return read(self.before) if self.before is not None else type(mine)(), mine, theirs

    def _id(self, table: str, uuid: str | None) -> int | None:
        return None if uuid is None else self.here.id_of(table, self.aliases.get(uuid, uuid))

    def _conflict(
        self, kind: str, uuid: str, label: str, name: str, mine: object, theirs: object, who: tuple[str, str, str, str]
    ) -> bool:
        """Record a conflict (unless one like it is open); True when the
        other side's value is to be taken (``Prefer.THEIRS``)."""
        if self.prefer is not Prefer.ASK:
            return self.prefer is Prefer.THEIRS
        shown_mine = None if mine is None else str(mine)
        shown_theirs = None if theirs is None else str(theirs)
        if (uuid, name, shown_theirs) in self.open_conflicts:
            return False
        self._supersede(uuid, name)  # (an older conflict of this field: this one replaces it)
        self.open_conflicts.add((uuid, name, shown_theirs))
        self.open_fields.add((uuid, name))
        row = MergeConflict(
            kind=kind,
            record_uuid=uuid,
            label=label[:200],
            field=name,
            mine=shown_mine,
            theirs=shown_theirs,
            mine_who=who[0],
            mine_at=who[1],
            theirs_who=who[2],
            theirs_at=who[3],
            source=self.report.source,
        )
        self.session.add(row)
        self.session.flush()
        self.report.conflicts.append(conflicts.view(row))
        return False

    def _who(self, story_uuid: str, name: str) -> tuple[str, str, str, str]:
        """Who last changed a story's field on each side, and when."""
        return (*self.here.last_story_change(story_uuid, name), *self.there.last_story_change(story_uuid, name))

    def _fields(
        self, kind: str, uuid: str, label: str, names: Sequence[str], b: Row | None, m: Row, t: Row, story: bool
    ) -> dict[str, object]:
        """The fields of a record on both sides to take from theirs (three
        ways; conflicts recorded)."""
        taken: dict[str, object] = {}
        for name in names:
            fate = merge_plan.field_fate(name, b, m, t)
            if fate is Field.SAME:
                self._supersede(uuid, name)  # (both sides agree now: nothing left to settle)
            elif fate is Field.THEIRS:
                taken[name] = t[name]
            elif fate is Field.CONFLICT:
                who = self._who(uuid, name) if story else ("", "", "", "")
                if self._conflict(kind, uuid, label, name, m[name], t[name], who):
                    taken[name] = t[name]
        return taken

    def _supersede(self, uuid: str, name: str) -> None:
        """Settle the open conflicts of one field that a newer state of
        both sides makes moot (listed, they would show stale values)."""
        if (uuid, name) not in self.open_fields:
            return
        self.open_fields.discard((uuid, name))
        self.open_conflicts = {c for c in self.open_conflicts if c[:2] != (uuid, name)}
        self.session.execute(
            update(MergeConflict)
            .where(MergeConflict.record_uuid == uuid, MergeConflict.field == name, MergeConflict.resolved.is_(False))
            .values(resolved=True)
        )

    def _deleted_vs(self, kind: str, uuid: str, label: str, mine_deleted: bool, value: str) -> bool:
        """A record one side deleted and the other edited: True to delete
        it (mine_deleted False) / to bring it back (mine_deleted True)."""
        mine, theirs = (None, value) if mine_deleted else (value, None)
        deleted, edited = (self.here, self.there) if mine_deleted else (self.there, self.here)
        deletion = deleted.grave(uuid)
        kept = edited.last_edit(uuid, None if kind == "story" else conflicts.TABLES[kind])
        who = (*deletion, *kept) if mine_deleted else (*kept, *deletion)
        return self._conflict(kind, uuid, label, DELETED, mine, theirs, who)

    def _arriving(
        self,
        kind: str,
        uuid: str,
        label: str,
        sides: tuple[Row | None, Row | None, Row],
        names: Sequence[str],
        gone: set[str],
    ) -> bool:
        """True for their record to add here: made there, or deleted here
        and edited there (``_revive``)."""
        b, m, t = sides
        fate = merge_plan.arrival(b, m, t, names, uuid in gone)
        return fate is Arrival.ADD or (fate is Arrival.REVIVE and self._revive(kind, uuid, label))

    def _revive(self, kind: str, uuid: str, label: str) -> bool:
        """A record deleted here that they edited since: a conflict, and
        True to bring it back (while the conflict is open, or settled their
        way); its links and children come back with it."""
        if not self._deleted_vs(kind, uuid, label, True, label) and self.prefer is not Prefer.ASK:
            return False
        self.revived.add(uuid)
        tombstones.unbury(self.session, [uuid])
        return True

    def _relink(self, table: str, target: str, key: str, uuid: str, target_id: int) -> None:
        """A revived tag or record linked again to their stories that are here."""
        # (a record comes back in its place in their story)
        linked = self.there.linking(table, key, target, uuid)
        here = self.here.ids_of("stories", [self.aliases.get(story, story) for story, _ in linked])
        found = [(here.get(self.aliases.get(story, story)), at) for story, at in linked]
        story_ids = [i for i, _ in found if i is not None]
        links = [
            {"story_id": i, key: target_id} | ({"position": at} if table == "story_entities" else {})
            for i, at in found
            if i is not None
        ]
        stored.add_all(self.db, table, links, keep_existing=True)
        linking.touch_stories(self.session, story_ids)
        self.changes |= ChangeSet(stories_changed=frozenset(story_ids))

    def _term(self, their_id: int | None) -> int | None:
        """This library's glossary term that is their term ``their_id``."""
        if their_id is None:
            return None
        return self._id("terms", self.there.uuid_of("terms", their_id))

    def _leave_out(self, kind: str, label: str, reason: object) -> None:
        """Their record not taken, and why, in the report."""
        self.report.left_out.append(
            translate("Messages", "{kind} “{label}” was not merged: {reason}").format(
                kind=kind, label=label, reason=reason
            )
        )

    def _leave_out_part(self, kind: str, label: str, columns: Sequence[str]) -> None:
        """Their record taken without ``columns``, and why, in the report."""
        self.report.left_out.append(
            translate("Messages", "{kind} “{label}” was merged without its {columns}, which cannot be read").format(
                kind=kind, label=label, columns=", ".join(columns)
            )
        )

    def _tombstoned(self) -> set[str]:
        return self.here.buried()

    # -- the merge -----------------------------------------------------

    def run(self, progress: Progress) -> None:
        steps: list[Callable[[], None]] = [
            self.tags,
            self.entities,
            self.terms,
            self.pairs,
            self.stories,
            self.collections,
            self.translations,
            self.annotations,
            self.attachments,
            self.history_and_tombstones,
        ]
        for done, step in enumerate(steps, 1):
            step()
            if not progress(done, len(steps)):
                raise Cancelled(translate("Messages", "The merge was cancelled; nothing changed."))
        self.report.changes = self.changes

    def tags(self) -> None:
        base, mine, theirs = self._three(Side.tags)
        tag = raw("tags")
        gone = self._tombstoned()
        added, changed = set(), set()
        left_out: set[str] = set()
        for uuid, t in sorted(theirs.items(), key=lambda item: item[1]["depth"] or 0):
            b, m = base.get(uuid), mine.get(uuid)
            if self._arriving("tag", uuid, t["name"], (b, m, t), TAG_FIELDS, gone):
                if t["parent"] in left_out:
                    self._leave_out("tag", t["name"], translate("Messages", "its parent tag was not merged"))
                    left_out.add(uuid)
                    continue
                if (name := self._name("tag", t["name"], tagging.clean_name)) is None:
                    left_out.add(uuid)
                    continue
                parent = self._id("tags", t["parent"])
                twin = self.here.scalar(
                    select(tag.c.id).where(
                        func.coalesce(tag.c.parent_id, 0) == (parent or 0), tag.c.name_key == fold(name)
                    )
                )
                if twin is None:  # (a tag of the same path made on both sides stays one tag)
                    new = {"name": name, "name_key": fold(name), "parent_id": parent}
                    made = stored.add(self.db, "tags", _new(uuid) | new | {k: t[k] for k in ("colour", "scope_note")})
                    added.add(made)
                    self._relink("story_tags", "tags", "tag_id", uuid, made)
            elif m is not None:
                taken = self._named("tag", self._fields("tag", uuid, t["name"], TAG_FIELDS, b, m, t, False))
                if taken:
                    conflicts.assign(self.db, "tag", uuid, taken)
                    changed.add(self._id("tags", uuid))
        removed = self._deletions("tag", base, mine, theirs, TAG_FIELDS, "name")
        for uuid in removed:
            tag_id = self._id("tags", uuid)
            if tag_id is not None and self.here.scalar(select(tag.c.id).where(tag.c.parent_id == tag_id)) is None:
                stored.remove(self.db, "story_tags", tag_id=tag_id)
                stored.remove(self.db, "tags", id=tag_id)
                tombstones.bury(self.session, "tag", [uuid])
                self.changes |= ChangeSet(tags_removed=frozenset({tag_id}))
        self._count("tags", len(added), len(changed), len(removed))
        self.changes |= ChangeSet(tags_added=frozenset(added), tags_changed=frozenset(i for i in changed if i))

    def _deletions(
        self,
        kind: str,
        base: Mapping[str, Row],
        mine: Mapping[str, Row],
        theirs: Mapping[str, Row],
        names: Sequence[str],
        label: str,
    ) -> list[str]:
        """Records the other side deleted that are to go here too: those
        unchanged here (or whose conflict goes their way)."""
        going = []
        for uuid, b in base.items():
            fate = merge_plan.departure(b, mine.get(uuid), theirs.get(uuid), names)
            if fate is Departure.DELETE or (
                fate is Departure.CONFLICT
                and self._deleted_vs(kind, uuid, str(mine[uuid][label]), False, str(mine[uuid][label]))
            ):
                going.append(uuid)
        return going

    def _count(self, kind: str, added: int, changed: int, deleted: int) -> None:
        for what, n in ((self.report.added, added), (self.report.changed, changed), (self.report.deleted, deleted)):
            if n:
                self.report.count(what, kind, n)

    def entities(self) -> None:
        names = ("name", "note", "type", "country", "external_id")
        base, mine, theirs = self._three(lambda side: side.records("entities", ("kind", *names)))
        their_names, my_names = self.there.record_names(), self.here.record_names()
        gone = self._tombstoned()
        added, changed = set(), set()
        for uuid, t in theirs.items():
            b, m = base.get(uuid), mine.get(uuid)
            if self._arriving("entity", uuid, t["name"], (b, m, t), names, gone):
                if (name := self._name("entity", t["name"], authority.clean_name)) is None:
                    continue
                if (twin := self._twin_record(str(t["kind"]), name, theirs)) is not None:
                    same, m = twin  # (made apart under the same name: one record, their uuid its alias)
                    self.aliases[uuid] = same
                    taken = self._named("entity", self._fields("entity", same, m["name"], names, None, m, t, False))
                    if taken:
                        conflicts.assign(self.db, "entity", same, taken)
                    if self._alt_names(their_names.get(t["id"], ()), m["id"], my_names.get(m["id"], ())) or taken:
                        changed.add(m["id"])
                    continue
                details = {k: t[k] for k in ("kind", "note", "type", "country", "external_id")}
                entity_id = stored.add(
                    self.db, "entities", _new(uuid) | {"name": name, "name_key": fold(name)} | details
                )
                added.add(entity_id)
                self._alt_names(their_names.get(t["id"], ()), entity_id, ())
                self._relink("story_entities", "entities", "entity_id", uuid, entity_id)
            elif m is not None:
                taken = self._named("entity", self._fields("entity", uuid, m["name"], names, b, m, t, False))
                if taken:
                    conflicts.assign(self.db, "entity", uuid, taken)
                    changed.add(m["id"])
                if self._alt_names(their_names.get(t["id"], ()), m["id"], my_names.get(m["id"], ())):
                    changed.add(m["id"])
        removed = self._deletions("entity", base, mine, theirs, names, "name")
        for uuid in removed:
            entity_id = mine[uuid]["id"]
            stored.remove(self.db, "entities", id=entity_id)
            tombstones.bury(self.session, "entity", [uuid])
        self._count("records", len(added), len(changed), len(removed))
        self.changes |= ChangeSet(
            entities_added=frozenset(added),
            entities_changed=frozenset(changed),
            entities_removed=frozenset(mine[u]["id"] for u in removed),
        )

    def _twin_record(self, kind: str, name: str, theirs: Mapping[str, Row]) -> tuple[str, Row] | None:
        """This library's record of ``kind`` called ``name`` (folded) that
        the other library does not have under its own uuid, if any: the
        same organisation, person or place recorded on both sides apart."""
        fields = ("kind", "name", "note", "type", "country", "external_id")
        found = self.here.records("entities", fields, kind=kind, name_key=fold(name))
        return next(((uuid, row) for uuid, row in found.items() if uuid not in theirs), None)

    def _records(
        self, table: str, kind: str, names: Sequence[str], label: str, same: Sequence[str] = ()
    ) -> tuple[int, int, int]:
        """Top-level records (glossary terms, collections) merged by uuid:
        added, fields taken or in conflict, deletions honoured. A record
        made on both sides apart - under one name (a collection), or with
        the same values of the columns ``same`` (a term in the same
        languages) - is one record here, their fields in conflict where
        they differ. Returns (added, changed, deleted)."""
        base, mine, theirs = self._three(lambda side: side.records(table, names))
        gone = self._tombstoned()
        columns = merge_read.columns(table)
        added = changed = 0
        for uuid, t in theirs.items():
            b, m = base.get(uuid), mine.get(uuid)
            if self._arriving(kind, uuid, str(t[label]), (b, m, t), names, gone):
                values = self.there.record(table, uuid, columns)
                assert values is not None  # (read from there a moment ago, in the same transaction)
                values[f"{label}_key"] = fold(str(values[label]))  # (not their key: it may not be the name's)
                if unreadable := unreadable_columns(table, values):
                    self._leave_out(kind, str(t[label]), _cannot_read(unreadable))
                    continue
                twins = self.here.records(table, names, **{c: values[c] for c in same}) if same else {}
                if twin := next(((u, row) for u, row in twins.items() if u not in theirs), None):
                    same_uuid, m = twin  # (made apart: one record, their uuid its alias)
                    self.aliases[uuid] = same_uuid
                    if taken := self._fields(kind, same_uuid, str(m[label]), names, None, m, t, False):
                        conflicts.assign(self.db, kind, same_uuid, taken)
                        changed += 1
                    continue
                try:
                    with self.db.begin_nested():
                        stored.add(self.db, table, values)
                    added += 1
                except IntegrityError:  # (made on both sides under one name)
                    named = self.here.records(table, names, name_key=fold(str(t[label])))
                    ((same_uuid, m),) = named.items()
                    self.aliases[uuid] = same_uuid
                    if taken := self._fields(kind, same_uuid, str(m[label]), names, None, m, t, False):
                        conflicts.assign(self.db, kind, same_uuid, taken)
                        changed += 1
            elif m is not None:
                taken = self._fields(kind, uuid, str(m[label]), names, b, m, t, False)
                if unreadable := unreadable_columns(table, taken):
                    self._leave_out_part(kind, str(m[label]), unreadable)
                    for name in unreadable:
                        del taken[name]
                if taken:
                    try:
                        conflicts.assign(self.db, kind, uuid, taken)
                        changed += 1
                    except IntegrityError:
                        self._conflict(kind, uuid, str(m[label]), label, m[label], t[label], ("", "", "", ""))
        removed = self._deletions(kind, base, mine, theirs, names, label)
        for uuid in removed:
            stored.remove(self.db, table, uuid=uuid)
            tombstones.bury(self.session, kind, [uuid])
        return added, changed, len(removed)

    def terms(self) -> None:
        names = ("term", "traditional", "pinyin", "rendering", "alternatives", "forbidden")
        same = ("source_language", "term_key", "target_language")
        added, changed, deleted = self._records("terms", "term", (*names, "definition", "note", "status"), "term", same)
        self._count("terms", added, changed, deleted)
        if added or changed or deleted:
            self.changes |= ChangeSet(terms=frozenset({0}))  # (the glossary panel reloads)

    def collections(self) -> None:
        added, changed, deleted = self._records("collections", "collection", ("name", "query", "filters"), "name")
        grown = self._merge_pairs(Side.members, self._add_member, self._remove_member)
        self._count("collections", added, changed + grown, deleted)
        if added or changed or deleted or grown:
            self.changes |= ChangeSet(collections=frozenset({0}))

    def _add_member(self, collection: str, story: str) -> None:
        collection_id, story_id = self._id("collections", collection), self._id("stories", story)
        if collection_id is not None and story_id is not None:
            m = raw("collection_stories")
            last = self.here.scalar(
                select(func.coalesce(func.max(m.c.position), 0)).where(m.c.collection_id == collection_id)
            )
            member = {"collection_id": collection_id, "story_id": story_id, "position": last + 1}
            stored.add_all(self.db, "collection_stories", [member], keep_existing=True)

    def _remove_member(self, collection: str, story: str) -> None:
        collection_id, story_id = self._id("collections", collection), self._id("stories", story)
        if collection_id is not None and story_id is not None:
            stored.remove(self.db, "collection_stories", collection_id=collection_id, story_id=story_id)

    def _merge_pairs(
        self, read: Callable[[Side], set[Pair]], add: Callable[[str, str], None], remove: Callable[[str, str], None]
    ) -> int:
        """Pairs (of uuids, or a uuid and a label: ``read`` gives a side's)
        merged as sets: what either side added, less what either side
        removed. Returns how many changed here."""
        base, mine, theirs = self._three(read)
        base = {pair for pair in base if not self.revived.intersection(pair)}
        gained, lost = merge_plan.set_changes(base, mine, sorted(theirs))
        for pair in gained:
            add(*pair)
        for pair in lost:
            remove(*pair)
        return len(gained) + len(lost)

    def pairs(self) -> None:
        """Related tags, synonyms and "see also" records, merged as sets."""

        def relate(table: str, target: str, columns: tuple[str, str], linked: bool) -> Callable[[str, str], None]:
            def change(first: str, second: str) -> None:
                first_id, second_id = self._id(target, first), self._id(target, second)
                if first_id is None or second_id is None:
                    return
                pair = dict(zip(columns, sorted((first_id, second_id)), strict=True))
                if linked:
                    stored.add_all(self.db, table, [pair], keep_existing=True)
                else:
                    stored.remove(self.db, table, **pair)

            return change

        for table, target, columns in (
            ("tag_relations", "tags", ("tag_id", "related_id")),
            ("entity_see_also", "entities", ("entity_id", "other_id")),
        ):
            self._merge_pairs(
                partial(Side.pairs, name=table, first=columns[0], second=columns[1], target=target),
                relate(table, target, columns, True),
                relate(table, target, columns, False),
            )
        self._merge_pairs(Side.synonyms, self._add_synonym, self._remove_synonym)

    def _add_synonym(self, tag: str, label: str) -> None:
        if (tag_id := self._id("tags", tag)) is not None and (name := self._name("synonym", label, tagging.clean_name)):
            synonym = {"tag_id": tag_id, "label": name, "label_key": fold(name)}
            stored.add_all(self.db, "tag_synonyms", [synonym], keep_existing=True)

    def _remove_synonym(self, tag: str, label: str) -> None:
        if (tag_id := self._id("tags", tag)) is not None:
            stored.remove(self.db, "tag_synonyms", tag_id=tag_id, label=label)

    def _alt_names(self, theirs: Sequence[AltName], my_id: int, mine: Sequence[AltName]) -> bool:
        """Their names of a record (``theirs``) that mine (``mine``, record
        ``my_id``) lacks, added; one preferred name per language."""
        have = {key for _, key, _, _ in mine}
        preferred_in = {language for _, _, language, preferred in mine if preferred}
        cleaned = [(" ".join(str(name).split()), language, preferred) for name, _, language, preferred in theirs]
        new = [(name, fold(name), *rest) for name, *rest in cleaned if name and fold(name) not in have]
        for name, key, language, preferred in new:
            preferred = bool(preferred) and language not in preferred_in
            if preferred:
                preferred_in.add(language)
            alt_name = {"entity_id": my_id, "name": name, "name_key": key, "language": language, "preferred": preferred}
            stored.add_all(self.db, "entity_names", [alt_name], keep_existing=False)
        return bool(new)

    def stories(self) -> None:
        """Stories: added, fields merged, links merged as sets, deleted."""
        base_fp = self.before.fingerprints(self.focus) if self.before is not None else {}
        theirs_fp = self.there.fingerprints(self.focus)
        wanted = [u for u, t in theirs_fp.items() if base_fp.get(u) != t] + [u for u in base_fp if u not in theirs_fp]
        uuids = sorted(set(wanted))
        base, mine, theirs = self._three(lambda side: side.stories(uuids, STORY_TEXT_FIELDS))
        # (tags and records are merged by now: their ids here are known)
        self.record_ids = {target: self.here.ids_of(target) for _, target, _ in STORY_LINKS}
        for theirs_uuid, ours in self.aliases.items():  # (their records kept under ours)
            for known in self.record_ids.values():
                if ours in known:
                    known[theirs_uuid] = known[ours]
        self.their_records = {target: self.there.uuids([target]) for _, target, _ in STORY_LINKS}
        for table, target, key in STORY_LINKS:  # (read at once: a story at a time took most of the merge)
            self.links[table] = self._three(partial(Side.linked, name=table, key=key, target=target, story_uuids=uuids))
        gone = self._tombstoned()
        added: list[str] = []
        values: list[batch.FieldChange] = []
        here_too: dict[int, str] = {}  # (stories both have: id here -> uuid)
        for uuid in sorted(set(wanted)):
            b, m, t = base.get(uuid), mine.get(uuid), theirs.get(uuid)
            if t is None:
                continue  # (deleted there: below)
            if m is None:
                if self._arriving("story", uuid, t["title"], (b, m, t), STORY_TEXT_FIELDS, gone):
                    added.append(uuid)
                continue
            taken = self._storable(
                m["title"], self._fields("story", uuid, m["title"], STORY_TEXT_FIELDS, b, m, t, True)
            )
            values += [batch.FieldChange(m["id"], m["title"], k, str(m[k]), str(v)) for k, v in taken.items()]
            here_too[m["id"]] = uuid
        linked = self._links(here_too)
        new_ids = self._add_stories(added)
        batch.write_values(self.session, values, no_progress, len(values))
        edited = {c.story_id for c in values} | linked
        linking.touch_stories(self.session, sorted(edited))
        removed = [mine[u]["id"] for u in self._deletions("story", base, mine, theirs, STORY_TEXT_FIELDS, "title")]
        if removed:  # (to the Trash, as a delete here: it can be restored from there)
            self.changes |= trash.move_to_trash(self.library, removed)
        self._count("stories", len(new_ids), len(edited), len(removed))
        self.changes |= ChangeSet(
            stories_added=frozenset(new_ids), stories_changed=frozenset(edited), stories_removed=frozenset(removed)
        )

    def _links(self, stories: Mapping[int, str]) -> set[int]:
        """The tags and records of ``stories`` (id here -> uuid) merged as
        sets, each table's new links written at once; the ids of the
        stories whose links changed."""
        changed: set[int] = set()
        for table, target, key in STORY_LINKS:
            before, here, there = self.links[table]
            known = self.record_ids[target]
            fates = {}
            for story_id, uuid in stories.items():
                base = set(before.get(uuid, [])) if uuid not in self.revived else set()
                gained, lost = merge_plan.link_changes(
                    base, set(here.get(uuid, [])), there.get(uuid, []), self.their_records[target]
                )
                fates[story_id] = ([g for g in gained if g in known], [g for g in lost if g in known])
            ordered = table == "story_entities"  # (records in their order: gained ones after mine, as they had them)
            after = linking.next_positions(self.session, [s for s, (g, _) in fates.items() if g]) if ordered else {}
            links: list[dict[str, int]] = []
            for story_id, (gained, lost) in fates.items():
                start = after.get(story_id, 0)
                links += [
                    {"story_id": story_id, key: known[uuid]} | ({"position": start + place} if ordered else {})
                    for place, uuid in enumerate(gained)
                ]
                for uuid in lost:
                    stored.remove(self.db, table, story_id=story_id, **{key: known[uuid]})
                if gained or lost:
                    changed.add(story_id)
            stored.add_all(self.db, table, links, keep_existing=True)
        return changed

    def _storable(self, label: str, taken: dict[str, object]) -> dict[str, object]:
        """Of the fields of a story to take from theirs, those it can hold
        (``fields.clean`` takes them); the others left out."""
        kept = {}
        for name, value in taken.items():
            try:
                fields.clean(name, value)
                kept[name] = value
            except ValidationError as error:
                self._leave_out("story", label, error)
        return kept

    def _name(self, kind: str, value: object, clean: Callable[[str], str]) -> str | None:
        """Their name of a tag or record as the services ``clean`` it; None
        (left out, in the report) for one they refuse."""
        try:
            return clean(str(value))
        except ValidationError as error:
            self._leave_out(kind, str(value), error)
            return None

    def _named(self, kind: str, taken: dict[str, object]) -> dict[str, object]:
        """Fields of a tag or record to take from theirs, with a name the
        services refuse left out."""
        if "name" in taken:
            clean = tagging.clean_name if kind == "tag" else authority.clean_name
            if (name := self._name(kind, taken.pop("name"), clean)) is not None:
                taken["name"] = name
        return taken

    def _add_stories(self, uuids: Iterable[str]) -> list[int]:
        """Their stories that this library lacks, with their links, indexed;
        their fields cleaned as an import cleans them, a story an import
        would refuse left out."""
        taken: list[Row] = []
        for values in self.there.whole("stories", list(uuids), merge_read.columns("stories")).values():
            try:
                values.update(fields.clean_all({name: values[name] for name in STORY_TEXT_FIELDS}))
            except ValidationError as error:
                self._leave_out("story", str(values["title"]), error)
                continue
            if unreadable := unreadable_columns("stories", values):  # (the story comes, without what cannot be read)
                self._leave_out_part("story", str(values["title"]), unreadable)
                values.update(dict.fromkeys(unreadable, "{}"))
            taken.append(values)
        stored.add_all(self.db, "stories", taken, keep_existing=False)
        made = [str(values["uuid"]) for values in taken]
        ids = self.here.ids_of("stories", made)
        tombstones.unbury(self.session, made)
        self._links({ids[uuid]: uuid for uuid in made})
        docs = [search_index.doc(ids[v["uuid"]], v["title"], v["summary"], v["body"], v["source"]) for v in taken]
        search_index.add(self.session, docs)
        return [ids[uuid] for uuid in made]

    def _children(self, table: str, names: Sequence[str], kind: str, what: Sequence[str]) -> set[int]:
        """Rows that belong to stories (translations, annotations,
        attachments) merged by uuid: added where their story is here (all
        of a revived story's), fields taken or in conflict, deletions
        honoured. The columns ``what`` name a row after its story's title.
        Returns the ids of the stories whose rows changed."""
        base, mine, theirs = self._three(lambda side: side.children(table, names, what))
        gone = self._tombstoned()
        columns = merge_read.columns(table, ("id", "story_id"))
        added = changed = 0
        touched: set[int] = set()
        for uuid, t in theirs.items():
            b, m = base.get(uuid), mine.get(uuid)
            story_id = self._id("stories", t["story"])
            if story_id is None:
                continue
            whole = m is None and t["story"] in self.revived  # (a story brought back comes with all its rows)
            if whole or self._arriving(kind, uuid, t["label"], (b, m, t), names, gone):
                if self._add_child(table, columns, uuid, story_id, names, kind):
                    added += 1
                    touched.add(story_id)
            elif m is not None:
                taken = self._fields(kind, uuid, t["label"], names, b, m, t, False)
                if taken:
                    conflicts.assign(self.db, kind, uuid, taken)
                    changed += 1
                    touched.add(story_id)
        removed = self._deletions(kind, base, mine, theirs, names, "label")
        for uuid in removed:
            story = self._id("stories", mine[uuid]["story"])
            stored.remove(self.db, table, uuid=uuid)
            tombstones.bury(self.session, kind, [uuid])
            if story is not None:
                touched.add(story)
        self._count(table, added, changed, len(removed))
        self.changes |= ChangeSet(stories_changed=frozenset(touched))
        return touched

    def _add_child(
        self, table: str, columns: Sequence[str], uuid: str, story_id: int, names: Sequence[str], kind: str
    ) -> bool:
        """Their row ``uuid`` added to this library's story ``story_id``;
        False when a translation of the same field and language was made
        on both sides (one translation then, their values in conflict)."""
        values = self.there.record(table, uuid, columns)
        assert values is not None  # (read from there a moment ago, in the same transaction)
        if table == "annotations":
            values["term_id"] = self._term(values["term_id"])
            values["search_key"] = annotation_key(values["body"], values["exact"])
        if table == "attachments":
            try:  # (the file first: an orphan file is harmless, a missing one is not)
                attachments.take_file(self.library, self.their_folder, values["sha256"])
            except ValidationError as error:
                self._leave_out("attachment", str(values["name"]), error)
                return False
        try:
            with self.db.begin_nested():
                stored.add(self.db, table, {"story_id": story_id} | values)
            return True
        except IntegrityError:
            m = self.here.translation(story_id, values["field"], values["language"], names)
            assert m is not None  # (the clash: a translation of the same field and language)
            same = m["uuid"]
            self.aliases[uuid] = same
            if taken := self._fields(kind, same, m["label"], names, None, m, values, False):
                conflicts.assign(self.db, kind, same, taken)
            return False

    def translations(self) -> None:
        touched = self._children("translations", ("text", "status", "translator"), "translation", ("field", "language"))
        annotating.follow(self.session, touched)  # (annotations of a translation move with its text)

    def annotations(self) -> None:
        self._children("annotations", ("body", "kind", "exact", "orphaned"), "annotation", ("exact",))

    def attachments(self) -> None:
        self._children("attachments", ("name",), "attachment", ("name",))

    def history_and_tombstones(self) -> None:
        """Their history rows and tombstones that this library lacks."""
        since = self.before.newest_change() if self.before is not None else 0
        changes = [dict(zip(HISTORY_COLUMNS, row, strict=True)) for row in self.there.changes_after(since)]
        stored.add_all(self.db, "story_changes", changes, keep_existing=True)
        graves = [dict(zip(GRAVE_COLUMNS, row, strict=True)) for row in self.there.graves()]
        records = ("stories", "tags", "entities", "translations", "annotations", "attachments")
        present = self.here.uuids(records, among=[g["uuid"] for g in graves])
        stored.add_all(self.db, "tombstones", [g for g in graves if g["uuid"] not in present], keep_existing=True)
        made_here = self._tombstoned() - self.graves_before
        for grave in graves:  # (who deleted it there, and when, not who merged)
            if grave["uuid"] in made_here:
                when_who = {"deleted_at": grave["deleted_at"], "deleted_by": grave["deleted_by"]}
                stored.change(self.db, "tombstones", when_who, uuid=grave["uuid"])


def _new(uuid: str) -> dict[str, object]:
    """The columns of a record made here now under ``uuid``."""
    return {"uuid": uuid, "created_at": func.current_timestamp(), "updated_at": func.current_timestamp(), "revision": 1}


def unreadable_columns(table: str, values: Mapping[str, object]) -> list[str]:
    """The columns of ``values`` (a row of ``table`` from the other
    library) that hold JSON this library cannot read back."""
    return [
        name for name, readable in _JSON_COLUMNS.get(table, {}).items() if name in values and not readable(values[name])
    ]


def _cannot_read(columns: Sequence[str]) -> str:
    return translate("Messages", "its {columns} cannot be read").format(columns=", ".join(columns))


def _json(text: object) -> object:
    """``text`` read as JSON as an import reads it (at most
    ``fields.EXTRA_MAX`` characters, nested at most ``nesting.MAX_DEPTH``);
    None when it cannot be."""
    if not isinstance(text, str) or len(text) > fields.EXTRA_MAX:
        return None
    try:
        return nesting.load_json(text)
    except ValueError:
        return None


def _filters(text: object) -> bool:
    """Whether a collection's stored filters are what ``story_collections``
    reads: a JSON list of {kind, value, exclude}."""
    items = _json(str(text))
    return isinstance(items, list) and all(
        isinstance(item, dict) and item.get("kind") in set(FacetKind) and {"value", "exclude"} <= set(item)
        for item in items
    )


def _texts(text: object) -> bool:
    """Whether ``text`` is a JSON list of texts (a term's alternatives)."""
    items = _json(text)
    return isinstance(items, list) and all(isinstance(item, str) for item in items)


def _object(text: object) -> bool:
    """Whether ``text`` is a JSON object (extra data)."""
    return isinstance(_json(text), dict)


#: JSON columns of the rows a merge takes whole, and what each must hold.
_JSON_COLUMNS: dict[str, dict[str, Callable[[object], bool]]] = {
    "collections": {"filters": _filters},
    "terms": {"alternatives": _texts, "forbidden": _texts, "subjects": _texts, "extra": _object},
    "stories": {"extra": _object},
}


def _settle_open(library: Library, source: str, prefer: Prefer) -> ChangeSet:
    """Settle the conflicts an earlier merge of ``source`` left open the
    way ``prefer`` says."""
    changes = ChangeSet()
    for c in conflicts.conflicts(library):
        if c.source == source:
            changes |= conflicts.resolve(library, c.uuid, c.theirs if prefer is Prefer.THEIRS else c.mine)
    return changes
