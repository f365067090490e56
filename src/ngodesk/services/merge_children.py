"""The merge's steps for what belongs to a story (translations,
annotations, attachments), and the other library's history and
tombstones."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.models import ChangeSet
from ngodesk.services import annotating, attachments, conflicts, merge_read
from ngodesk.services.merge_job import Job
from ngodesk.services.merge_read import GRAVE_COLUMNS, HISTORY_COLUMNS
from ngodesk.steps import tombstones
from ngodesk.store import rows as stored
from ngodesk.store.schema import annotation_key


class ChildSteps(Job):
    """A story's rows, and history and tombstones."""

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
