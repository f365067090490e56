"""The merge's steps for records of their own: tags, authority records,
glossary terms and collections (with a manual collection's stories)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet
from ngodesk.search.text import fold
from ngodesk.services import conflicts, merge_plan, merge_read
from ngodesk.services.merge_job import Job, Prefer, Row, cannot_read, new_columns, unreadable_columns
from ngodesk.services.merge_read import AltName, Side
from ngodesk.steps import authority, tagging, tombstones
from ngodesk.store import rows as stored
from ngodesk.store.rows import raw

TAG_FIELDS = ("name", "colour", "scope_note", "parent")


class RecordSteps(Job):
    """Tags, authority records, terms and collections, merged by uuid."""

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
                    details = {k: t[k] for k in ("colour", "scope_note")}
                    made = stored.add(self.db, "tags", new_columns(uuid) | new | details)
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
                    self.db, "entities", new_columns(uuid) | {"name": name, "name_key": fold(name)} | details
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
                    self._leave_out(kind, str(t[label]), cannot_read(unreadable))
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
        grown = self._members()
        self._count("collections", added, changed + grown, deleted)
        if added or changed or deleted or grown:
            self.changes |= ChangeSet(collections=frozenset({0}))

    def _members(self) -> int:
        """Manual collections' stories, merged as sets, each collection in
        the order ``merge_plan.order`` gives (positions kept where they
        can be: a merge renumbering them would send every desk's renumbering
        to the hub). Returns how many rows changed here."""
        base, mine, theirs = (
            {self.aliases.get(c, c): stories for c, stories in side.items()} for side in self._three(Side.members)
        )
        pairs = [{(c, s) for c, stories in side.items() for s in stories} for side in (base, mine, theirs)]
        before = {pair for pair in pairs[0] if not self.revived.intersection(pair)}
        gained, lost = merge_plan.set_changes(before, pairs[1], sorted(pairs[2]))
        touched = {c for c, _ in (*gained, *lost)} | {c for c in theirs if theirs[c] != mine.get(c, {})}
        changed = 0
        for uuid in sorted(touched):
            b, m, t = base.get(uuid, {}), mine.get(uuid, {}), theirs.get(uuid, {})
            collection_id = self._id("collections", uuid)
            if collection_id is None or (t == b and not any(c == uuid for c, _ in gained)):
                continue  # (not here, or they changed nothing of it: as it is here)
            going = {s for c, s in lost if c == uuid}
            coming = [s for c, s in gained if c == uuid]
            ids = self.here.ids_of("stories", [*m, *coming])
            members = [s for s in [*m, *coming] if s in ids and s not in going]
            placed = merge_plan.order(b, m, t, members, prefer_theirs=self.prefer is Prefer.THEIRS)
            if merge_plan.reordered_apart(b, m, t):
                self._order_conflict(uuid, m, t)
            for story in going:
                stored.remove(self.db, "collection_stories", collection_id=collection_id, story_id=ids[story])
            moved = {s: p for s, p in placed.items() if s in m and m[s] != p}
            for story, position in moved.items():
                where = {"collection_id": collection_id, "story_id": ids[story]}
                stored.change(self.db, "collection_stories", {"position": position}, **where)
            new = [
                {"collection_id": collection_id, "story_id": ids[s], "position": placed[s]}
                for s in placed
                if s not in m
            ]
            stored.add_all(self.db, "collection_stories", new, keep_existing=True)
            changed += len(going) + len(moved) + len(new)
        return changed

    def _order_conflict(self, uuid: str, mine: Mapping[str, int], theirs: Mapping[str, int]) -> None:
        """A conflict about the order of collection ``uuid``, which both
        sides reordered otherwise (``merge_plan.order`` kept one side's):
        each side's order of the stories both have, as their titles here,
        one a line (``conflicts.ORDER``)."""
        both = [story for story in mine if story in theirs]
        titles = {story: str(row["title"]) for story, row in self.here.whole("stories", both, ["title"]).items()}
        mine_shown, theirs_shown = (
            "\n".join(titles[s] for s in sorted(side, key=side.__getitem__) if s in titles) for side in (mine, theirs)
        )
        name = self.here.record("collections", uuid, ["name"]) or {"name": ""}
        self._conflict("collection", uuid, str(name["name"]), conflicts.ORDER, mine_shown, theirs_shown, ("",) * 4)
