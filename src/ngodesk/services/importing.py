"""Importing: parse every file, then validate, transform and write the
records in chunks inside ONE transaction (bulk Core inserts, search index
included), so a failure or a crash leaves the library as it was.

Validation and the search-index text transform of large imports run in a
helper process, overlapping with the database writes of the chunk before.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Cancelled, ImportFailed, NgodeskError, ValidationError
from ngodesk.domain.models import (
    ChangeSet,
    EntityKind,
    EntityRecord,
    Progress,
    StoryRecord,
    StorySnapshot,
    TagRecord,
    no_progress,
)
from ngodesk.formats import NO_OPTIONS, ImportOptions, parse_file
from ngodesk.search.text import index_text
from ngodesk.services import duplicates, entities, fields, records, restore, stories, tags, translations
from ngodesk.store import bulk, fts
from ngodesk.store.library import Library
from ngodesk.store.schema import Entity, Story, StoryEntity, StoryTag, new_uuid, utcnow

CHUNK = 2000
#: Imports smaller than this are prepared in this process (a helper process
#: takes about half a second to start).
PARALLEL_MIN = 6000
#: Chunks prepared ahead of the writer at most (bounds memory).
AHEAD = 3


@dataclass(frozen=True)
class Skipped:
    """A record not imported as a story of its own: where it was, why, and
    for duplicates what became of it (skipped, merged or added)."""

    file: str
    position: str
    reason: str
    action: str = "skipped"
    #: the duplicate record itself, to import it after all (``import_again``)
    record: StoryRecord | None = field(default=None, compare=False, repr=False)


@dataclass
class ImportReport:
    """The outcome of an import."""

    added: int = 0
    duplicates: list[Skipped] = field(default_factory=list)
    problems: list[Skipped] = field(default_factory=list)
    #: left out on purpose (deleted upstream, WordPress pages...): not failures
    skipped: list[Skipped] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)
    changes: ChangeSet = field(default_factory=ChangeSet)
    #: the stories duplicates were merged into, as they were before
    merged_before: tuple[StorySnapshot, ...] = ()


#: (where it came from, the record)
_Item = tuple[str, StoryRecord]
#: per record: (column values, index texts, duplicate key) or the reason
#: it is invalid
_Ready = tuple[dict[str, object], tuple[str, ...], duplicates.Key] | str


def _columns(record: StoryRecord) -> dict[str, object]:
    """Column values for a record; a date that cannot be read is kept in
    extra as ``date_as_given`` (the story stays undated), other invalid
    values raise ValidationError."""
    columns = fields.clean_all(
        {
            "title": record.title,
            "summary": record.summary,
            "body": record.body,
            "url": record.url,
            "source": record.source,
            "language": record.language,
        }
    )
    extra = record.extra
    try:
        columns.update(fields.clean("published", record.published))
    except ValidationError:
        columns.update(fields.clean("published", ""))
        extra = {**extra, "date_as_given": record.published}
    for path in record.tags:
        tags.split_path(path)  # (a bad path fails this record, not the import)
    for translation in record.translations:
        translations.checked(translation)  # (likewise)
    now, kept = utcnow(), record.provenance
    columns.update(
        uuid=kept.uuid if kept else new_uuid(),
        status=kept.status.value if kept else "draft",
        created_at=kept.created_at if kept else now,
        updated_at=kept.updated_at if kept else now,
        revision=kept.revision if kept else 1,
        extra=json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else "{}",
    )
    return columns


def _prepare_chunk(records: list[StoryRecord]) -> list[_Ready]:
    """Validate and transform records (runs in a helper process)."""
    ready: list[_Ready] = []
    for record in records:
        try:
            columns = _columns(record)
        except NgodeskError as error:
            ready.append(str(error))
            continue
        key = duplicates.Key(
            record.title,
            str(columns["title_key"]),
            str(columns["url_key"]),
            str(columns["published"]),
            str(columns["uuid"]) if record.provenance else "",
        )
        ready.append((columns, tuple(index_text(str(columns[name])) for name in fts.COLUMNS), key))
    return ready


def _prepared(items: list[_Item], parallel: bool) -> Iterator[tuple[list[_Item], list[_Ready]]]:
    """Chunks of items with their prepared records, in order."""
    chunks = [items[start : start + CHUNK] for start in range(0, len(items), CHUNK)]
    if not parallel or len(items) < PARALLEL_MIN or (os.cpu_count() or 1) < 2:
        for chunk in chunks:
            yield chunk, _prepare_chunk([record for _, record in chunk])
        return
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: deque[tuple[list[_Item], Future[list[_Ready]]]] = deque()
        later = iter(chunks[1:])

        def submit_ahead() -> None:
            while len(pending) < AHEAD and (chunk := next(later, None)) is not None:
                pending.append((chunk, pool.submit(_prepare_chunk, [record for _, record in chunk])))

        submit_ahead()
        # The first chunk is prepared here while the helper process starts.
        yield chunks[0], _prepare_chunk([record for _, record in chunks[0]])
        while pending:
            done, future = pending.popleft()
            submit_ahead()
            yield done, future.result()


class OnDuplicate(enum.StrEnum):
    """What happens to a record that matches a story already there."""

    SKIP = "skip"  # reported, not imported
    MERGE = "merge"  # fills the story's empty fields, adds its tags and records
    ADD = "add"  # imported all the same


@dataclass
class _Writer:
    """Writes prepared chunks in the caller's transaction."""

    session: Session
    report: ImportReport
    on_duplicate: OnDuplicate
    #: records to come in all; each gets id ``first_id + total - 1 - its
    #: place``, so that the first record of a file is listed first (lists
    #: show the highest id first); a skipped record leaves its id unused
    total: int
    #: records that match no story are left out (merging after the fact)
    only_matches: bool = False
    seen: int = 0
    first_id: int = 0
    story_ids: list[int] = field(default_factory=list)
    tag_ids: dict[str, int] = field(default_factory=dict)
    entity_ids: dict[tuple[EntityKind, str], int] = field(default_factory=dict)
    #: authority records of ngodesk's own JSON, by uuid
    entity_uuids: dict[str, int] = field(default_factory=dict)
    created_tags: list[int] = field(default_factory=list)
    created_entities: list[int] = field(default_factory=list)
    #: (story to merge into, the record)
    merges: list[tuple[int, StoryRecord]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Ids are assigned here so that rows go in with one executemany; the
        # write transaction (BEGIN IMMEDIATE) keeps other writers out.
        self.first_id = (self.session.scalar(select(func.max(Story.id))) or 0) + 1
        self.matcher = duplicates.Matcher(self.session, self.first_id)

    def _fresh(
        self, chunk: list[_Item], ready: list[_Ready]
    ) -> list[tuple[int, StoryRecord, dict[str, object], tuple[str, ...]]]:
        """Valid records to insert, with their ids; the others reported."""
        valid = []
        for (origin, record), result in zip(chunk, ready, strict=True):
            if isinstance(result, str):
                self.report.problems.append(Skipped(origin, record.position, result))
            else:
                valid.append((origin, record, *result))
        self.matcher.load(key for _, _, _, _, key in valid)
        fresh = []
        for origin, record, columns, texts, key in valid:
            story_id = self.first_id + self.total - 1 - self.seen
            self.seen += 1
            match = self.matcher.match(key)
            if match is None and self.only_matches:
                reason = "matches no story any more; not imported"
                self.report.duplicates.append(Skipped(origin, record.position, reason, "skipped", record))
                continue
            if match is not None:
                earlier = match.story_id >= self.first_id
                action = self._duplicate(match, record, earlier)
                where = "a repeat of “{}” earlier in this import" if earlier else "already in the library as “{}”"
                reason = f"{where.format(match.title)} ({match.reason})"
                self.report.duplicates.append(Skipped(origin, record.position, reason, action, record))
                if action != "added":
                    continue
                if key.uuid:  # (two stories cannot share one)
                    columns["uuid"] = new_uuid()
                    key = dataclasses.replace(key, uuid=str(columns["uuid"]))
            fresh.append((story_id, record, columns, texts))
            self.matcher.add(key, story_id)
        return fresh

    def _duplicate(self, match: duplicates.Match, record: StoryRecord, earlier: bool) -> str:
        if self.on_duplicate is OnDuplicate.ADD:
            return "added"
        if self.on_duplicate is OnDuplicate.MERGE and not earlier:
            self.merges.append((match.story_id, record))
            return "merged"
        return "skipped"

    def write(self, chunk: list[_Item], ready: list[_Ready]) -> None:
        fresh = self._fresh(chunk, ready)
        if not fresh:
            return
        named = {story_id: _entity_names(record) for story_id, record, _, _ in fresh if not record.provenance}
        self._ensure_entities(name for names in named.values() for name in names)
        self._ensure_tags(path for _, record, _, _ in fresh for path in record.tags)
        if uuids := [str(c["uuid"]) for _, r, c, _ in fresh if r.provenance]:
            records.unbury(self.session, uuids)  # a story deleted here once comes back: its tombstone goes
        tag_links = {(story_id, self.tag_ids[path]) for story_id, record, _, _ in fresh for path in record.tags}
        entity_links = {(story_id, self.entity_ids[name]) for story_id, names in named.items() for name in names}
        for story_id, record, _, _ in fresh:
            if record.provenance:  # linked by uuid: two records may share a name
                entity_links.update((story_id, self._entity_by_uuid(u)) for u in record.provenance.entity_uuids)
        names = list(fresh[0][2])
        rows = sorted([i, *(c[name] for name in names)] for i, _, c, _ in fresh)  # (appending is cheapest)
        connection = self.session.connection()
        bulk.insert_tuples(connection, Story.__table__, ["id", *names], rows)
        fts.add(connection, ((i, *texts) for i, _, _, texts in fresh))
        bulk.insert_tuples(connection, StoryTag.__table__, ("story_id", "tag_id"), sorted(tag_links))
        bulk.insert_tuples(connection, StoryEntity.__table__, ("story_id", "entity_id"), sorted(entity_links))
        for story_id, record, _, _ in fresh:
            for translation in record.translations:
                translations.put(self.session, story_id, translation, keep_identity=record.provenance is not None)
        self.story_ids += [story_id for story_id, _, _, _ in fresh]

    def merge(self, library: Library) -> ChangeSet:
        """Fill the matched stories' empty fields from their duplicates and
        add the duplicates' tags and records."""
        changes = ChangeSet()
        if not self.merges:
            return changes
        self.report.merged_before = restore.snapshot_stories(library, dict.fromkeys(i for i, _ in self.merges))
        for story_id, record in self.merges:
            current = self.session.get(Story, story_id)
            assert current is not None  # (found in this transaction)
            values = {
                name: value
                for name in ("summary", "body", "url", "source", "published", "language")
                if (value := getattr(record, name)) and not getattr(current, name)
            }
            extra = json.loads(current.extra or "{}")
            more = {k: v for k, v in record.extra.items() if k not in extra}
            if record.title != current.title and record.title not in extra.get("other_titles", []):
                more["other_titles"] = [*extra.get("other_titles", []), record.title]
            if more:  # what the story lacks is kept, never dropped
                current.extra = json.dumps({**extra, **more}, ensure_ascii=False, sort_keys=True)
                current.touch()
                changes |= ChangeSet(stories_changed=frozenset({story_id}))
            changes |= stories.edit_story(library, story_id, values, add_tags=record.tags, link=_entity_names(record))
            if any([translations.put(self.session, story_id, t, replace=False) for t in record.translations]):
                changes |= ChangeSet(stories_changed=frozenset({story_id}))
        return changes

    def add_authority(self, tag_records: Sequence[TagRecord], entity_records: Sequence[EntityRecord]) -> None:
        """Tags (parents first) and authority records as ngodesk's own JSON
        gives them, before its stories: found by uuid, else (tags) by path,
        else created with their uuids."""
        for record in sorted(tag_records, key=lambda t: t.path.count("/")):
            self.tag_ids[record.path] = tags.ensure_record(self.session, record, self.created_tags).id
        for entity in entity_records:
            self.entity_uuids[entity.uuid] = entities.ensure_record(self.session, entity, self.created_entities).id

    def _entity_by_uuid(self, uuid: str) -> int:
        if uuid not in self.entity_uuids:  # (a record an earlier import made: importing again)
            found = self.session.scalar(select(Entity.id).where(Entity.uuid == uuid))
            if found is None:
                raise ImportFailed(f"the authority record {uuid} is neither in the file nor in the library")
            self.entity_uuids[uuid] = found
        return self.entity_uuids[uuid]

    def _ensure_tags(self, paths: Iterable[str]) -> None:
        """Know the tag ids of ``paths``, found or created."""
        for path in dict.fromkeys(path for path in paths if path not in self.tag_ids):
            self.tag_ids[path] = tags.ensure_path(self.session, path, self.created_tags).id

    def _ensure_entities(self, names: Iterable[tuple[EntityKind, str]]) -> None:
        """Know the record ids of ``names``, found or created."""
        missing = list(dict.fromkeys(name for name in names if name not in self.entity_ids))
        if missing:
            self.entity_ids.update(entities.ensure_all(self.session, missing, self.created_entities))

    def changes(self) -> ChangeSet:
        """What the inserts changed (merges report their own)."""
        return ChangeSet(
            stories_added=frozenset(self.story_ids),
            tags_added=frozenset(self.created_tags),
            tags_changed=frozenset(self.tag_ids.values()) - frozenset(self.created_tags),
            entities_added=frozenset(self.created_entities),
            entities_changed=frozenset(self.entity_ids.values()) - frozenset(self.created_entities),
        )


def _entity_names(record: StoryRecord) -> list[tuple[EntityKind, str]]:
    return [
        (kind, name)
        for kind, names in (
            (EntityKind.PERSON, record.people),
            (EntityKind.ORGANISATION, record.organisations),
            (EntityKind.PLACE, record.places),
        )
        for name in names
    ]


@dataclass
class FilesRead:
    """What the files held, before anything is written (``read_files``)."""

    items: list[_Item] = field(default_factory=list)
    tags: list[TagRecord] = field(default_factory=list)
    entities: list[EntityRecord] = field(default_factory=list)


def _import(
    library: Library,
    read: FilesRead,
    report: ImportReport,
    strict: bool,
    parallel: bool,
    progress: Progress,
    on_duplicate: OnDuplicate,
    only_matches: bool = False,
) -> ImportReport:
    if strict and report.problems:
        _refuse(report.problems)
    with library.write() as session:
        items = read.items
        writer = _Writer(session, report, on_duplicate, len(items), only_matches)
        writer.add_authority(read.tags, read.entities)
        done = 0
        for chunk, ready in _prepared(items, parallel):
            writer.write(chunk, ready)
            done += len(chunk)
            if not progress(done, len(items)):
                raise Cancelled("The import was cancelled; nothing was imported.")  # rolls back
        if strict and report.problems:
            _refuse(report.problems)  # rolls the transaction back
        report.added = len(writer.story_ids)
        report.changes = writer.changes() | writer.merge(library)
    return report


def _refuse(problems: list[Skipped]) -> NoReturn:
    first = problems[0]
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    raise ImportFailed(f"{first.file}, {first.position}: {first.reason}{more}; nothing was imported")


def import_records(
    library: Library,
    records: Sequence[StoryRecord],
    origin: str = "",
    strict: bool = False,
    parallel: bool = False,
    progress: Progress = no_progress,
    on_duplicate: OnDuplicate = OnDuplicate.SKIP,
) -> ImportReport:
    """Import records an importer produced (see ``import_files`` for the
    rules); ``origin`` names where they came from in the report."""
    read = FilesRead([(origin, record) for record in records])
    return _import(library, read, ImportReport(), strict, parallel, progress, on_duplicate)


def read_files(
    paths: Sequence[Path | str],
    format_name: str = "auto",
    options: ImportOptions | Mapping[str, ImportOptions] = NO_OPTIONS,
    progress: Progress = no_progress,
) -> tuple[FilesRead, ImportReport]:
    """Read files without writing anything: their records, and a report of
    the formats used, the unreadable records and the entries left out.
    ``options`` may differ per file (keyed by the path as given). Raises
    ImportFailed when a file cannot be read at all, Cancelled when
    ``progress`` asks to stop."""
    report, read = ImportReport(), FilesRead()
    for given in paths:
        path = Path(given)
        chosen = options.get(str(given), NO_OPTIONS) if isinstance(options, Mapping) else options
        used, result = parse_file(path, format_name, chosen)
        report.formats[str(path)] = used
        report.problems += [Skipped(str(path), p.position, p.reason) for p in result.problems]
        report.skipped += [Skipped(str(path), p.position, p.reason) for p in result.skipped]
        read.items += [(str(path), record) for record in result.records]
        read.tags += result.tags
        read.entities += result.entities
        if not progress(0, len(read.items)):
            raise Cancelled("The import was cancelled; nothing was imported.")
    return read, report


def import_read(
    library: Library,
    read: FilesRead,
    report: ImportReport,
    strict: bool = False,
    parallel: bool = False,
    progress: Progress = no_progress,
    on_duplicate: OnDuplicate = OnDuplicate.SKIP,
) -> ImportReport:
    """Write what ``read_files`` read (see ``import_files``); ``report``
    is completed and returned."""
    return _import(library, read, report, strict, parallel, progress, on_duplicate)


def import_again(library: Library, duplicates: Sequence[Skipped], on_duplicate: OnDuplicate) -> ImportReport:
    """Import duplicates an import skipped, merging or adding them; when
    merging, a record that matches no story any more is left out."""
    read = FilesRead([(d.file, d.record) for d in duplicates if d.record is not None])
    merging = on_duplicate is OnDuplicate.MERGE
    return _import(library, read, ImportReport(), False, False, no_progress, on_duplicate, merging)


def import_files(
    library: Library,
    paths: Sequence[Path | str],
    format_name: str = "auto",
    strict: bool = False,
    parallel: bool = False,
    progress: Progress = no_progress,
    options: ImportOptions = NO_OPTIONS,
    on_duplicate: OnDuplicate = OnDuplicate.SKIP,
) -> ImportReport:
    """Import stories from files (read with ``options``).

    A record that matches a story already in the library, or one earlier in
    the same import (see ``duplicates``), is reported and, by
    ``on_duplicate``, skipped, merged into that story (only stories that
    were there before the import) or added anyway; so importing a file
    twice adds nothing. Unreadable records are skipped and reported; with
    ``strict`` any problem raises ImportFailed and nothing is written. A
    file that cannot be read at all always raises ImportFailed. All files
    are written in one transaction.

    ``parallel`` lets a large import prepare records in a helper process.
    Only programs whose main module is import-safe may ask for it (a
    ``if __name__ == "__main__"`` guard): the helper imports that module.

    ``progress`` hears of each file read (0 of N records) and each chunk
    written; cancelling raises Cancelled with the library unchanged.
    """
    read, report = read_files(paths, format_name, options, progress)
    return _import(library, read, report, strict, parallel, progress, on_duplicate)
