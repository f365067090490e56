"""Batch editing: one change made to many stories in one transaction.

``plan`` works out, without writing, exactly what a ``BatchEdit`` would
change in each story (the preview: every field's old and new value, with
any value that would be refused); ``apply`` writes a ``Plan`` in one
transaction and returns the plan that takes it back (undo), whose own
``apply`` returns the redo. A plan records values and story ids, so undo
restores exactly what the batch replaced, not a recomputation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, bindparam, select, update
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Cancelled, NotFound, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import TRANSLATED_FIELDS, ChangeSet, Progress, no_progress
from ngodesk.search.text import index_texts
from ngodesk.services import annotating, fields, tags
from ngodesk.steps import linking, lookups, tagging
from ngodesk.store import fts
from ngodesk.store.library import Library
from ngodesk.store.schema import Entity, Story, StoryEntity, StoryTag, utcnow

#: Fields a batch can set to one value for every story.
SETTABLE = ("status", "language", "source")
#: Fields find-and-replace works in.
REPLACEABLE = ("title", "summary", "body", "source")
#: Stories read or written per step (progress is reported per step).
_STEP = 500
#: Fields the annotations are anchored in (their passages follow an edit).
_ANCHORED = frozenset(TRANSLATED_FIELDS)


@dataclass(frozen=True)
class Replacement:
    """Find ``find`` in ``field`` and put ``replace`` instead: plain text,
    or with ``regex`` a Python regular expression whose replacement may
    name groups (``\\1``, ``\\g<name>``)."""

    field: str
    find: str
    replace: str
    regex: bool = False
    ignore_case: bool = False

    def pattern(self) -> re.Pattern[str]:
        """The compiled search; ValidationError saying what is wrong."""
        if self.field not in REPLACEABLE:
            raise ValidationError(
                translate("Messages", "Find and replace works in {join}, not in '{field}'.").format(
                    join=", ".join(REPLACEABLE), field=self.field
                )
            )
        if not self.find:
            raise ValidationError(translate("Messages", "Find and replace needs something to find."))
        flags = re.IGNORECASE if self.ignore_case else 0
        try:
            pattern = re.compile(self.find if self.regex else re.escape(self.find), flags)
            if self.regex:
                pattern.sub(self.replace, "")  # a bad group reference shows up only when substituting
        except re.error as error:
            raise ValidationError(
                translate("Messages", "The regular expression '{find}' is not valid: {error}").format(
                    find=self.find, error=error
                )
            ) from None
        return pattern

    def apply(self, pattern: re.Pattern[str], text: str) -> str:
        """``text`` with every match replaced (ValidationError for a
        replacement naming a group the expression does not have)."""
        if not self.regex:
            return pattern.sub(lambda _: self.replace, text)
        try:
            return pattern.sub(self.replace, text)
        except (re.error, IndexError) as error:
            raise ValidationError(
                translate("Messages", "The replacement '{replace}' is not valid: {error}").format(
                    replace=self.replace, error=error
                )
            ) from None


@dataclass(frozen=True)
class BatchEdit:
    """What to do to every chosen story (each part optional)."""

    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    #: (field, value) for fields in SETTABLE
    values: tuple[tuple[str, str], ...] = ()
    link_entities: tuple[int, ...] = ()
    replacement: Replacement | None = None

    @property
    def empty(self) -> bool:
        return not (self.add_tags or self.remove_tags or self.values or self.link_entities or self.replacement)


@dataclass(frozen=True)
class FieldChange:
    """One field of one story before and after; ``problem`` says why the
    new value would be refused (then the batch cannot be applied)."""

    story_id: int
    title: str
    field: str
    old: str
    new: str
    problem: str = ""


@dataclass(frozen=True)
class Plan:
    """Exactly what a batch changes: field values per story, and the
    stories each tag (by path) or record (by id) gains or loses. Tags in
    ``delete_tags`` (made by the batch being undone) go after unlinking."""

    changes: tuple[FieldChange, ...] = ()
    tag: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    untag: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    link: Mapping[int, tuple[int, ...]] = field(default_factory=dict)
    unlink: Mapping[int, tuple[int, ...]] = field(default_factory=dict)
    delete_tags: tuple[int, ...] = ()

    @property
    def problems(self) -> list[FieldChange]:
        """The changes that would be refused."""
        return [change for change in self.changes if change.problem]

    @property
    def stories(self) -> set[int]:
        """Every story the plan changes."""
        ids = {change.story_id for change in self.changes}
        for links in (self.tag, self.untag, self.link, self.unlink):
            for story_ids in links.values():
                ids.update(story_ids)
        return ids

    @property
    def empty(self) -> bool:
        return not self.stories and not self.delete_tags


def _step(progress: Progress, done: int, total: int) -> None:
    """Report progress; Cancelled when asked to stop."""
    if not progress(done, total):
        raise Cancelled(translate("Messages", "The batch edit was cancelled; nothing changed."))


def _chunks(ids: Sequence[int], progress: Progress, done: int, total: int) -> Iterable[list[int]]:
    """``ids`` by steps, reporting progress after each."""
    for chunk in lookups.chunks(list(ids), _STEP):
        yield chunk
        done += len(chunk)
        _step(progress, done, total)


def _tagged(session: Session, model: type[StoryTag] | type[StoryEntity], key: str, target: int) -> set[int]:
    return set(session.scalars(select(model.story_id).where(getattr(model, key) == target)))


def plan(library: Library, story_ids: Sequence[int], edit: BatchEdit, progress: Progress = no_progress) -> Plan:
    """What ``edit`` would change in the stories ``story_ids`` (NotFound for
    a story, tag to remove or record that does not exist; ValidationError
    for a bad value or expression). Writes nothing."""
    wanted = {name: str(fields.clean(name, value)[name]) for name, value in edit.values}
    for name in wanted:
        if name not in SETTABLE:
            raise ValidationError(
                translate("Messages", "A batch sets {join}, not '{name}'.").format(join=", ".join(SETTABLE), name=name)
            )
    for path in edit.add_tags:
        tagging.split_path(path)
    replacement = edit.replacement
    pattern = replacement.pattern() if replacement else None
    with library.read() as session:
        ids = lookups.existing_story_ids(session, story_ids)
        chosen = set(ids)
        tag_plan: dict[str, tuple[int, ...]] = {}
        for path in dict.fromkeys(edit.add_tags):
            tag = tagging.resolve_path(session, path)
            have = _tagged(session, StoryTag, "tag_id", tag.id) if tag else set()
            if gaining := tuple(i for i in ids if i not in have):
                tag_plan[tagging.path_of(session, tag) if tag else "/".join(tagging.split_path(path))] = gaining
        untag_plan: dict[str, tuple[int, ...]] = {}
        for path in dict.fromkeys(edit.remove_tags):
            tag = tagging.resolve_path(session, path)
            if tag is None:
                raise NotFound(translate("Messages", "There is no tag '{path}' to remove.").format(path=path))
            have = _tagged(session, StoryTag, "tag_id", tag.id) & chosen
            if have:
                untag_plan[tagging.path_of(session, tag)] = tuple(i for i in ids if i in have)
        link_plan: dict[int, tuple[int, ...]] = {}
        for entity_id in dict.fromkeys(edit.link_entities):
            lookups.get(session, Entity, entity_id, "record")
            have = _tagged(session, StoryEntity, "entity_id", entity_id)
            if gaining := tuple(i for i in ids if i not in have):
                link_plan[entity_id] = gaining
        changes = _field_changes(session, ids, wanted, replacement, pattern, progress)
    return Plan(changes, tag_plan, untag_plan, link_plan)


def _field_changes(
    session: Session,
    ids: list[int],
    wanted: Mapping[str, str],
    replacement: Replacement | None,
    pattern: re.Pattern[str] | None,
    progress: Progress,
) -> tuple[FieldChange, ...]:
    """Every field change of setting ``wanted`` and then replacing."""
    names = sorted(set(wanted) | ({replacement.field} if replacement else set()))
    if not names:
        return ()
    sql = f"SELECT id, title, {', '.join(names)} FROM stories WHERE id IN ({{ids}})"
    found: list[FieldChange] = []
    cleaned: dict[tuple[str, str], tuple[str, str]] = {}  # (a value set for all is checked once)
    for chunk in _chunks(ids, progress, 0, len(ids)):
        rows = {row[0]: row for row in lookups.rows_in(session, sql, chunk)}
        for story_id in chunk:
            row = rows[story_id]
            old = dict(zip(names, row[2:], strict=True))
            new = {**old, **wanted}
            if replacement is not None and pattern is not None:
                new[replacement.field] = replacement.apply(pattern, new[replacement.field])
            for name in names:
                if new[name] != old[name]:
                    key = (name, new[name])
                    if key not in cleaned:
                        cleaned[key] = _cleaned(name, new[name])
                    value, problem = cleaned[key]
                    found.append(FieldChange(story_id, row[1], name, old[name], value, problem))
    return tuple(found)


def _cleaned(name: str, value: str) -> tuple[str, str]:
    """``value`` as ``fields.clean`` stores it, and why it is refused ("")."""
    try:
        return str(fields.clean(name, value)[name]), ""
    except ValidationError as error:
        return value, str(error)


def apply(library: Library, given: Plan, progress: Progress = no_progress) -> tuple[ChangeSet, Plan]:
    """Write ``given`` in one transaction; returns what changed and the
    plan that undoes it. ValidationError (nothing written) when a change
    has a problem; Cancelled (nothing written) when ``progress`` says stop."""
    if problems := given.problems:
        first = problems[0]
        raise ValidationError(
            f"Story {first.story_id} ('{first.title}'): {first.problem}"
            + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "")
        )
    edited = {change.story_id for change in given.changes}
    total = len(edited) + sum(len(s) for m in (given.tag, given.untag, given.link, given.unlink) for s in m.values())
    with library.write() as session:
        lookups.existing_story_ids(session, given.stories)
        write_values(session, given.changes, progress, total)
        done = len(edited)
        created: list[int] = []
        touched_tags: set[int] = set()
        for path, story_ids in given.tag.items():
            tag = tagging.ensure_path(session, path, created)
            touched_tags.add(tag.id)
            linking.add_links(session, StoryTag, "tag_id", tag.id, story_ids)
            done += len(story_ids)
            _step(progress, done, total)
        for path, story_ids in given.untag.items():
            existing_tag = tagging.resolve_path(session, path)
            if existing_tag is None:
                raise NotFound(translate("Messages", "There is no tag '{path}' any more.").format(path=path))
            touched_tags.add(existing_tag.id)
            linking.remove_links(session, StoryTag, "tag_id", existing_tag.id, story_ids)
            done += len(story_ids)
            _step(progress, done, total)
        for model_links, add in ((given.link, True), (given.unlink, False)):
            for entity_id, story_ids in model_links.items():
                lookups.get(session, Entity, entity_id, "record")
                (linking.add_links if add else linking.remove_links)(
                    session, StoryEntity, "entity_id", entity_id, story_ids
                )
                done += len(story_ids)
                _step(progress, done, total)
        linking.touch_stories(session, sorted(given.stories))
        changes = ChangeSet(
            stories_changed=frozenset(given.stories),
            tags_added=frozenset(created),
            tags_changed=frozenset(touched_tags - set(created)),
            entities_changed=frozenset(given.link) | frozenset(given.unlink),
        )
        for tag_id in given.delete_tags:
            changes |= tags.delete_tag(library, tag_id)
    undo = Plan(
        tuple(FieldChange(c.story_id, c.title, c.field, c.new, c.old) for c in given.changes),
        tag=given.untag,
        untag=given.tag,
        link=given.unlink,
        unlink=given.link,
        delete_tags=tuple(reversed(created)),  # (deepest first)
    )
    return changes, undo


def _touched(now: datetime) -> dict[str, object]:
    """Column values that mark a story changed (its revision is bumped
    once all of the batch is written)."""
    return {"updated_at": now}


def write_values(session: Session, changes: Sequence[FieldChange], progress: Progress, total: int) -> None:
    """Set the changed fields of many stories in the session's transaction
    (with what derives from them), re-index the stories whose indexed text
    changed and let their annotations follow; the caller bumps their
    revisions. Reports progress per chunk (Cancelled when told to stop)."""
    by_story: dict[int, dict[str, str]] = {}
    for change in changes:
        by_story.setdefault(change.story_id, {})[change.field] = change.new
    ids = sorted(by_story)
    table = Story.__table__
    now = utcnow()
    indexed_sql = f"SELECT id, {', '.join(fts.COLUMNS)} FROM stories WHERE id IN ({{ids}})"
    for chunk in _chunks(ids, progress, 0, total):
        reindexed = [i for i in chunk if set(by_story[i]) & set(fts.COLUMNS)]
        rows = {row[0]: row[1:] for row in lookups.rows_in(session, indexed_sql, reindexed)}
        alike: dict[tuple[tuple[str, str], ...], list[int]] = {}  # stories given the same values
        for story_id in chunk:
            alike.setdefault(tuple(sorted(by_story[story_id].items())), []).append(story_id)
        news = {
            i: tuple(by_story[i].get(name, value) for name, value in zip(fts.COLUMNS, old, strict=True))
            for i, old in rows.items()
        }
        values = list(dict.fromkeys(value for i, old in rows.items() for value in (*old, *news[i])))  # (each once)
        texts = dict(zip(values, index_texts(values), strict=True))
        old_docs = [(i, *(texts[value] for value in old)) for i, old in rows.items()]
        new_docs = [(i, *(texts[value] for value in new)) for i, new in news.items()]
        one_by_one: dict[tuple[str, ...], list[dict[str, object]]] = {}
        for given, story_ids in alike.items():
            columns = fields.clean_all(dict(given))
            if len(story_ids) > 1:  # (a value set for all: one statement)
                session.connection().execute(
                    update(table).where(table.c.id.in_(story_ids)).values(**columns, **_touched(now))
                )
            else:
                one_by_one.setdefault(tuple(columns), []).append({"b_id": story_ids[0], **columns})
        for names, params in one_by_one.items():
            bound: dict[str, BindParameter[Any]] = {name: bindparam(name) for name in names}
            statement = update(table).where(table.c.id == bindparam("b_id")).values(**bound, **_touched(now))
            session.connection().execute(statement, params)
        fts.remove(session.connection(), old_docs)
        fts.add(session.connection(), new_docs)
        anchored = [i for i in chunk if set(by_story[i]) & _ANCHORED]
        if anchored:
            annotating.follow(session, anchored)
    session.expire_all()
