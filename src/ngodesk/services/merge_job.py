"""One three-way merge under way (``merging``): its state, what every step
shares (a field's fate and its conflict, a record's arrival or departure,
the report), and what a merge accepts of the other library's values.
The steps themselves are the mixins of ``merge_records``,
``merge_pairs``, ``merge_stories`` and ``merge_children``."""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet, FacetKind
from ngodesk.formats import nesting
from ngodesk.services import conflicts, fields, merge_plan
from ngodesk.services.conflicts import DELETED, ConflictView
from ngodesk.services.merge_plan import Arrival, Departure, Field
from ngodesk.services.merge_read import Pair, Side
from ngodesk.steps import authority, linking, tagging, tombstones
from ngodesk.store import rows as stored
from ngodesk.store.library import Library
from ngodesk.store.schema import MergeConflict

Row = dict[str, Any]
T = TypeVar("T")


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


class Job:
    """One merge, in the caller's transaction: what it knows of the three
    states and this library, and what every step uses (the steps are
    mixed in: ``merging._Merge``)."""

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


def new_columns(uuid: str) -> dict[str, object]:
    """The columns of a record made here now under ``uuid``."""
    return {"uuid": uuid, "created_at": func.current_timestamp(), "updated_at": func.current_timestamp(), "revision": 1}


def unreadable_columns(table: str, values: Mapping[str, object]) -> list[str]:
    """The columns of ``values`` (a row of ``table`` from the other
    library) that hold JSON this library cannot read back."""
    return [
        name for name, readable in _JSON_COLUMNS.get(table, {}).items() if name in values and not readable(values[name])
    ]


def cannot_read(columns: Sequence[str]) -> str:
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
