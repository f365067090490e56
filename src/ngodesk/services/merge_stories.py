"""The merge's step for stories: added, their fields merged three ways,
their links to tags and records merged as sets, deleted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.models import STORY_TEXT_FIELDS, ChangeSet, no_progress
from ngodesk.services import batch, fields, merge_plan, merge_read, trash
from ngodesk.services.merge_job import Job, Row, unreadable_columns
from ngodesk.services.merge_read import Side
from ngodesk.steps import linking, search_index, tombstones
from ngodesk.store import rows as stored

#: A story's links merged as sets: (table, the records', their column)
STORY_LINKS = (("story_tags", "tags", "tag_id"), ("story_entities", "entities", "entity_id"))


class StorySteps(Job):
    """Stories and their links."""

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
