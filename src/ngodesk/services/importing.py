"""Importing: parse files, validate and transform their records, and write
them in chunks inside ONE transaction (bulk Core inserts, search index
included), so a failure or a crash leaves the library as it was.

Large imports use a helper process: it validates and transforms each chunk
(and, for ``import_files``, reads and parses the files too) while this
process writes the chunk before.
"""

from __future__ import annotations

import dataclasses
import enum
import gc
import json
import multiprocessing
import os
import queue
import tempfile
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.context import SpawnContext, SpawnProcess
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Cancelled, ImportFailed, NgodeskError, ValidationError
from ngodesk.domain.i18n import field_name, translate
from ngodesk.domain.models import (
    ChangeSet,
    EntityKind,
    EntityRecord,
    NotedProgress,
    StoryRecord,
    StorySnapshot,
    TagRecord,
    no_progress,
)
from ngodesk.domain.text import require_encodable
from ngodesk.formats import NO_OPTIONS, ImportOptions, open_stream, parse_file
from ngodesk.search.text import index_texts
from ngodesk.services import (
    attachments,
    backups,
    duplicates,
    fields,
    snapshots,
    stories,
    translations,
)
from ngodesk.steps import authority, tagging, tombstones
from ngodesk.store import bulk, fts, history
from ngodesk.store.library import Library
from ngodesk.store.schema import Attachment, Entity, Story, StoryEntity, StoryTag, new_uuid, utcnow

CHUNK = 2000
#: Records written between two progress reports: a chunk is written in
#: parts, so that the window's counts move at least twice a second.
REPORT_EVERY = 500
#: Imports smaller than this are prepared in this process (a helper process
#: takes about half a second to start).
PARALLEL_MIN = 6000
#: Files smaller than this in all are read in this process.
STREAM_MIN_BYTES = 4 * 1024 * 1024
#: Chunks prepared ahead of the writer at most (bounds memory).
AHEAD = 10
#: Stories whose index documents are kept back and added together: ids
#: descend from chunk to chunk, and FTS5 writes a segment out whenever a
#: rowid goes down, so indexing chunk by chunk made many small segments to
#: merge again (a 100k import's index took 1.5x as long).
INDEX_BATCH = 20_000


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
    #: the uuid of the story a duplicate matched
    matched: str = field(default="", compare=False)


@dataclass
class ImportReport:
    """The outcome of an import."""

    added: int = 0
    duplicates: list[Skipped] = field(default_factory=list)
    problems: list[Skipped] = field(default_factory=list)
    #: left out on purpose (deleted upstream, WordPress pages...): not failures
    skipped: list[Skipped] = field(default_factory=list)
    #: what was odd in records imported all the same (a value normalised
    #: or kept as given, a text too long shortened and attached whole):
    #: one entry per warning, action "warning"
    warnings: list[Skipped] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)
    changes: ChangeSet = field(default_factory=ChangeSet)
    #: the stories duplicates were merged into, as they were before
    merged_before: tuple[StorySnapshot, ...] = ()


#: (where it came from, the record)
_Item = tuple[str, StoryRecord]
#: per record: (column values, index texts, duplicate key, warnings) or
#: the reason it is invalid
_Ready = tuple[dict[str, object], tuple[str, ...], duplicates.Key, tuple[str, ...]] | str


def _columns(record: StoryRecord, good_paths: set[str], warnings: list[str]) -> dict[str, object]:
    """Column values for a record, as the database stores them
    (``bulk.to_db``), always the same columns in the same order; a date
    that cannot be read is kept in extra as ``date_as_given`` (the story
    stays undated), other invalid values raise ValidationError. Tag paths
    found valid are added to ``good_paths`` (and not checked again); what
    was kept other than given is said in ``warnings``. A language is
    stored as its BCP 47 tag (``fields.imported_language``), the value as
    given kept in extra as ``language_as_given`` when it differs."""
    language, keep_given, language_warning = fields.imported_language(record.language)
    columns = fields.clean_all(
        {
            "title": record.title,
            "summary": fields.shorten("summary", record.summary),  # (the whole text: see _whole_texts)
            "body": fields.shorten("body", record.body),
            "url": record.url,
            "source": record.source,
            "language": language,
        }
    )
    extra = {"language_as_given": record.language.strip(), **record.extra} if keep_given else record.extra
    if language_warning:
        warnings.append(language_warning)
    try:
        columns.update(fields.clean("published", record.published))
    except ValidationError:
        columns.update(fields.clean("published", ""))
        extra = {**extra, "date_as_given": record.published}
        warnings.append(
            translate("Messages", "date '{value}' not read; kept as given, the story undated").format(
                value=record.published
            )
        )
    for path in record.tags:
        if path not in good_paths:
            tagging.split_path(path)  # (a bad path fails this record, not the import)
            good_paths.add(path)
    for translation in record.translations:
        translations.checked(translation)  # (likewise)
    for name in (*record.people, *record.organisations, *record.places):
        authority.clean_name(name)  # (likewise)
    extra_text = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else "{}"
    if len(extra_text) > fields.EXTRA_MAX:
        extra_text = "{}"  # (attached whole: see _whole_texts)
    now, kept = utcnow(), record.provenance
    columns.update(
        uuid=kept.uuid if kept else new_uuid(),
        status=kept.status.value if kept else "draft",
        created_at=kept.created_at if kept else now,
        updated_at=kept.updated_at if kept else now,
        revision=kept.revision if kept else 1,
        extra=require_encodable(extra_text, "extra"),
    )
    bulk.to_db(Story.__table__, columns)  # (here: in the helper process when there is one)
    return columns


#: The attachment that keeps a field's whole text, by field (see _whole_texts).
WHOLE_TEXT_FILES = {"summary": "whole summary.txt", "body": "whole body.txt", "extra": "extra data.json"}


def _whole_texts(record: StoryRecord, stored: Mapping[str, object]) -> list[tuple[str, str]]:
    """(field, whole text) of the record's texts that the story's columns
    ``stored`` hold shortened (``fields.shorten``) or not at all (extra
    data past ``fields.EXTRA_MAX``)."""
    found = [(name, text) for name in fields.SHORTENED if len(text := getattr(record, name)) > fields.LIMITS[name]]
    if record.extra and stored.get("extra") == "{}":
        found.append(("extra", json.dumps(record.extra, ensure_ascii=False, sort_keys=True, indent=1)))
    return found


def _store_text(library: Library, text: str, name: str) -> tuple[str, int, bool]:
    """``text`` stored in ``files/`` as UTF-8 (``attachments.store_file``):
    its SHA-256, size and whether the file is new."""
    with tempfile.TemporaryDirectory(prefix="ngodesk-") as folder:
        path = Path(folder) / name
        with path.open("w", encoding="utf-8", newline="") as out:
            for start in range(0, len(text), _TEXT_BLOCK):  # (no second whole copy as bytes)
                out.write(text[start : start + _TEXT_BLOCK])
        return attachments.store_file(library, path)


_TEXT_BLOCK = 1 << 20


def _prepare_chunk(records: list[StoryRecord]) -> list[_Ready]:
    """Validate and transform records (runs in a helper process)."""
    cleaned: list[tuple[dict[str, object], duplicates.Key, tuple[str, ...]] | str] = []
    good_paths: set[str] = set()
    for record in records:
        warnings = list(record.warnings)
        try:
            columns = _columns(record, good_paths, warnings)
        except NgodeskError as error:
            cleaned.append(str(error))
            continue
        key = duplicates.Key(
            record.title,
            str(columns["title_key"]),
            str(columns["url_key"]),
            str(columns["published"]),
            str(columns["uuid"]) if record.provenance else "",
            record.people,
            record.extra,
        )
        cleaned.append((columns, key, tuple(warnings)))
    texts = iter(index_texts([str(c[0][name]) for c in cleaned if not isinstance(c, str) for name in fts.COLUMNS]))
    return [c if isinstance(c, str) else (c[0], tuple(islice(texts, len(fts.COLUMNS))), c[1], c[2]) for c in cleaned]


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

    library: Library
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
    #: (story to merge into, the record, where it came from)
    merges: list[tuple[int, StoryRecord, str]] = field(default_factory=list)
    #: (where it came from, story id, record, whole texts) of new stories
    #: that keep a text shortened, to attach once the stories are in
    overlong: list[tuple[str, int, StoryRecord, list[tuple[str, str]]]] = field(default_factory=list)
    #: files new in files/ (whole texts): removed again when the import fails
    new_files: list[str] = field(default_factory=list)
    #: index documents not added yet (see INDEX_BATCH)
    index_docs: list[fts.Doc] = field(default_factory=list)

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
        self.matcher.load(key for _, _, _, _, key, _ in valid)
        fresh = []
        for origin, record, columns, texts, key, warnings in valid:
            if self.seen >= self.total:  # (a format's count of its records was too low: a bug)
                raise RuntimeError(
                    translate(
                        "Messages", "more than the {total} records counted in advance; nothing was imported"
                    ).format(total=self.total)
                )
            story_id = self.first_id + self.total - 1 - self.seen
            self.seen += 1
            match = self.matcher.match(key)
            if match is None and self.only_matches:
                reason = translate("Messages", "matches no story any more; not imported")
                self.report.duplicates.append(Skipped(origin, record.position, reason, "skipped", record))
                continue
            if match is not None:
                earlier = match.story_id >= self.first_id
                action = self._duplicate(match, record, earlier, origin)
                where = (
                    translate("Messages", "a repeat of “{title}” earlier in this import ({reason})")
                    if earlier
                    else translate("Messages", "already in the library as “{title}” ({reason})")
                )
                reason = where.format(title=match.title, reason=match.reason)
                self.report.duplicates.append(Skipped(origin, record.position, reason, action, record, match.uuid))
                if action != "added":
                    continue
                if key.uuid:  # (two stories cannot share one)
                    columns["uuid"] = new_uuid()
                    key = dataclasses.replace(key, uuid=str(columns["uuid"]))
            fresh.append((story_id, record, columns, texts))
            self.report.warnings += [Skipped(origin, record.position, warning, "warning") for warning in warnings]
            self.matcher.add(key, story_id, str(columns["uuid"]))
            if whole := _whole_texts(record, columns):
                self.overlong.append((origin, story_id, record, whole))
        return fresh

    def _duplicate(self, match: duplicates.Match, record: StoryRecord, earlier: bool, origin: str) -> str:
        if self.on_duplicate is OnDuplicate.ADD:
            return "added"
        if self.on_duplicate is OnDuplicate.MERGE and not earlier:
            self.merges.append((match.story_id, record, origin))
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
            tombstones.unbury(self.session, uuids)  # a story deleted here once comes back: its tombstone goes
        tag_links = {(story_id, self.tag_ids[path]) for story_id, record, _, _ in fresh for path in record.tags}
        # (story, record) -> position: the file's order (the first author
        # first); a name given twice (or two spellings of one record) keeps
        # its first place
        entity_links: dict[tuple[int, int], int] = {}
        for story_id, names in named.items():
            for position, name in enumerate(names):
                entity_links.setdefault((story_id, self.entity_ids[name]), position)
        for story_id, record, _, _ in fresh:
            if record.provenance:  # linked by uuid: two records may share a name
                for position, uuid in enumerate(record.provenance.entity_uuids):
                    entity_links.setdefault((story_id, self._entity_by_uuid(uuid)), position)
        column_names = list(fresh[0][2])  # (``_columns`` makes every record's columns in the same order)
        rows = sorted((i, *c.values()) for i, _, c, _ in fresh)  # (appending is cheapest)
        connection = self.session.connection()
        bulk.insert_tuples(connection, Story.__table__, ["id", *column_names], rows, converted=True)
        for origin, story_id, record, whole in self.overlong:
            self._attach_whole(origin, record.position, story_id, whole)
        self.overlong = []
        self.index_docs += [(i, *texts) for i, _, _, texts in fresh]  # type: ignore[misc]
        # (the chunks near the end are indexed at once, so that little is
        # left to do when the helper process has finished)
        if len(self.index_docs) >= INDEX_BATCH or self.seen >= self.total - CHUNK:
            self.index()
        bulk.insert_tuples(connection, StoryTag.__table__, ("story_id", "tag_id"), sorted(tag_links))
        links = sorted((*pair, position) for pair, position in entity_links.items())
        bulk.insert_tuples(connection, StoryEntity.__table__, ("story_id", "entity_id", "position"), links)
        for story_id, record, _, _ in fresh:
            for translation in record.translations:
                translations.put(self.session, story_id, translation, keep_identity=record.provenance is not None)
        self.story_ids += [story_id for story_id, _, _, _ in fresh]

    def index(self) -> None:
        """Add the index documents kept back (before the transaction ends)."""
        fts.add(self.session.connection(), self.index_docs)
        self.index_docs = []

    def merge(self, library: Library) -> ChangeSet:
        """Fill the matched stories' empty fields from their duplicates and
        add the duplicates' tags and records."""
        changes = ChangeSet()
        if not self.merges:
            return changes
        self.report.merged_before = snapshots.snapshot_stories(library, dict.fromkeys(i for i, _, _ in self.merges))
        for story_id, record, origin in self.merges:
            current = self.session.get(Story, story_id)
            assert current is not None  # (found in this transaction)
            language, keep_given, _ = fields.imported_language(record.language)  # (as a tag; none if none read)
            values = {
                name: fields.shorten(name, value)
                for name in ("summary", "body", "url", "source", "published", "language")
                if (value := language if name == "language" else getattr(record, name)) and not getattr(current, name)
            }
            whole = [(name, text) for name, text in _whole_texts(record, {}) if name in values]
            extra = json.loads(current.extra or "{}")
            given = {"language_as_given": record.language.strip()} if keep_given and not current.language else {}
            more = {k: v for k, v in {**given, **record.extra}.items() if k not in extra}
            if record.title != current.title and record.title not in extra.get("other_titles", []):
                more["other_titles"] = [*extra.get("other_titles", []), record.title]
            merged = json.dumps({**extra, **more}, ensure_ascii=False, sort_keys=True)
            if more and len(merged) > fields.EXTRA_MAX:
                whole.append(("extra", json.dumps(more, ensure_ascii=False, sort_keys=True, indent=1)))
            elif more:  # what the story lacks is kept, never dropped
                current.extra = merged
                current.touch()
                changes |= ChangeSet(stories_changed=frozenset({story_id}))
            changes |= stories.edit_story(library, story_id, values, add_tags=record.tags, link=_entity_names(record))
            if whole:
                self._attach_whole(origin, record.position, story_id, whole)
                changes |= ChangeSet(stories_changed=frozenset({story_id}))
            if any([translations.put(self.session, story_id, t, replace=False) for t in record.translations]):
                changes |= ChangeSet(stories_changed=frozenset({story_id}))
        return changes

    def _attach_whole(self, origin: str, position: str, story_id: int, whole: list[tuple[str, str]]) -> None:
        """Attach each (field, whole text) to the story, and report it."""
        for name, text in whole:
            file_name = WHOLE_TEXT_FILES[name]
            sha256, size, new = _store_text(self.library, text, file_name)
            if new:
                self.new_files.append(sha256)
            mime = "application/json" if name == "extra" else "text/plain"
            self.session.add(Attachment(story_id=story_id, sha256=sha256, name=file_name, mime=mime, size=size))
            limit = fields.EXTRA_MAX if name == "extra" else fields.LIMITS[name]
            reason = translate(
                "Messages", "{field}: {length:,} characters, more than the {limit:,} a story keeps; {done} “{file}”"
            ).format(
                field=field_name(name),
                length=len(text),
                limit=limit,
                done=translate("Messages", "left out, attached whole as")
                if name == "extra"
                else translate("Messages", "shortened, the whole text attached as"),
                file=file_name,
            )
            self.report.warnings.append(Skipped(origin, position, reason, "warning"))

    def add_authority(self, tag_records: Sequence[TagRecord], entity_records: Sequence[EntityRecord]) -> None:
        """Tags (parents first) and authority records as ngodesk's own JSON
        gives them, before its stories: found by uuid, else (tags) by path,
        else created with their uuids."""
        for record in sorted(tag_records, key=lambda t: t.path.count("/")):
            self.tag_ids[record.path] = tagging.ensure_record(self.session, record, self.created_tags).id
        tagging.add_thesaurus(self.session, tag_records, self.tag_ids)
        for entity in entity_records:
            self.entity_uuids[entity.uuid] = authority.ensure_record(self.session, entity, self.created_entities).id
        authority.add_see_also(self.session, entity_records)

    def _entity_by_uuid(self, uuid: str) -> int:
        if uuid not in self.entity_uuids:  # (a record an earlier import made: importing again)
            found = self.session.scalar(select(Entity.id).where(Entity.uuid == uuid))
            if found is None:
                raise ImportFailed(
                    translate(
                        "Messages", "the authority record {uuid} is neither in the file nor in the library"
                    ).format(uuid=uuid)
                )
            self.entity_uuids[uuid] = found
        return self.entity_uuids[uuid]

    def _ensure_tags(self, paths: Iterable[str]) -> None:
        """Know the tag ids of ``paths``, found or created."""
        for path in dict.fromkeys(path for path in paths if path not in self.tag_ids):
            self.tag_ids[path] = tagging.ensure_path(self.session, path, self.created_tags).id

    def _ensure_entities(self, names: Iterable[tuple[EntityKind, str]]) -> None:
        """Know the record ids of ``names``, found or created."""
        missing = list(dict.fromkeys(name for name in names if name not in self.entity_ids))
        if missing:
            self.entity_ids.update(authority.ensure_all(self.session, missing, self.created_entities))

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


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused: an import makes hundreds of
    thousands of objects that it would scan again and again (a tenth of a
    large import's time). Reference counting still frees them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def _removed_unless_committed(library: Library) -> Iterator[list[str]]:
    """A list for the SHA-256s of files the block adds to ``files/`` (whole
    texts): they are removed again when the block fails."""
    new_files: list[str] = []
    try:
        yield new_files
    except BaseException:
        for sha256 in new_files:
            attachments.stored_path(library, sha256).unlink(missing_ok=True)
        raise


def _import(
    library: Library,
    report: ImportReport,
    head: FilesRead,
    total: int,
    chunks: Iterable[tuple[list[_Item], list[_Ready]]],
    strict: bool,
    progress: NotedProgress,
    on_duplicate: OnDuplicate,
    only_matches: bool = False,
) -> ImportReport:
    """Write ``chunks`` (at most ``total`` records) after ``head``'s tags
    and authority records. Problems may still be added to the report while
    the chunks come (a streamed import). A large import into a library
    with stories is preceded by a backup (deleted again when the import
    fails or is cancelled)."""
    with (
        backups.backed_up_before_import(library, total),
        _removed_unless_committed(library) as new_files,
        library.write() as session,
        _without_cycle_collection(),
        history.links_unrecorded(session),
    ):
        writer = _Writer(library, session, report, on_duplicate, total, only_matches, new_files=new_files)
        writer.add_authority(head.tags, head.entities)
        done = 0
        filling = writer.first_id == 1 and total > CHUNK  # (an empty library: nothing to look up meanwhile)
        indexed = (Story.__table__, StoryTag.__table__, StoryEntity.__table__)
        with bulk.indexes_built_after(session.connection(), *indexed) if filling else nullcontext():
            for chunk, ready in chunks:
                if strict and report.problems:
                    _refuse(report.problems)  # rolls the transaction back
                for start in range(0, len(chunk), REPORT_EVERY):
                    part = slice(start, start + REPORT_EVERY)
                    writer.write(chunk[part], ready[part])
                    done += len(chunk[part])
                    if not progress(done, total, chunk[part][-1][1].title):
                        raise Cancelled(
                            translate("Messages", "The import was cancelled; nothing was imported.")
                        )  # rolls back
            writer.index()
        if strict and report.problems:
            _refuse(report.problems)
        report.added = len(writer.story_ids)
        report.changes = writer.changes() | writer.merge(library)
    return report


def _import_read(
    library: Library,
    read: FilesRead,
    report: ImportReport,
    strict: bool,
    parallel: bool,
    progress: NotedProgress,
    on_duplicate: OnDuplicate,
    only_matches: bool = False,
) -> ImportReport:
    if strict and report.problems:
        _refuse(report.problems)
    chunks = _prepared(read.items, parallel)
    return _import(library, report, read, len(read.items), chunks, strict, progress, on_duplicate, only_matches)


def _read_in_helper(paths: list[str], format_name: str, options: ImportOptions, chunk: int, out: Any) -> None:
    """Helper process of a streamed import: reads every file, sends
    ``("start", formats, bound, head, left out)``, then per chunk
    ``("chunk", items, prepared, problems)``, then ``("end",)``; or
    ``("failed", error)`` / ``("crashed", traceback)``. A chunk goes
    unprepared (None) when the writer has nothing left to do: it prepares
    that one itself, so neither process waits for the other for long,
    whichever is faster."""
    gc.disable()  # (see _without_cycle_collection; this process ends with the import)
    try:
        opened = [(path, *open_stream(Path(path), format_name, options)) for path in paths]
        head, left_out = FilesRead(), []
        for path, _, stream in opened:
            head.tags += stream.head.tags
            head.entities += stream.head.entities
            left_out += [Skipped(path, p.position, p.reason) for p in stream.head.skipped]
        bound = sum(stream.bound for _, _, stream in opened)
        _put(out, ("start", {path: used for path, used, _ in opened}, bound, head, left_out))
        for path, _, stream in opened:
            records: list[StoryRecord] = []
            problems: list[Skipped] = []
            for entry in stream.entries:
                if isinstance(entry, StoryRecord):
                    records.append(entry)
                else:
                    problems.append(Skipped(path, entry.position, entry.reason))
                if len(records) == chunk:
                    _send_chunk(out, path, records, problems)
                    records, problems = [], []
            if records or problems:
                _send_chunk(out, path, records, problems)
        _put(out, ("end",))
    except NgodeskError as error:
        _put(out, ("failed", error))
    except Exception:  # noqa: BLE001 - a bug: the importing process raises it
        _put(out, ("crashed", traceback.format_exc()))


def _send_chunk(out: Any, path: str, records: list[StoryRecord], problems: list[Skipped]) -> None:
    ready = None if out.empty() else _prepare_chunk(records)
    _put(out, ("chunk", [(path, r) for r in records], ready, problems))


def _put(out: Any, message: tuple[Any, ...]) -> None:
    """Send ``message``, waiting while the writer is behind; ends this
    helper when the importing process is gone (it would wait forever)."""
    while True:
        try:
            out.put(message, timeout=1)
            return
        except queue.Full:
            parent = multiprocessing.parent_process()
            if parent is not None and not parent.is_alive():
                raise SystemExit(1) from None


class _Reader:
    """A helper process reading, parsing and preparing files (see
    ``_read_in_helper``); a context manager that stops it on the way out."""

    def __init__(self, paths: Sequence[Path | str], format_name: str, options: ImportOptions) -> None:
        context: SpawnContext = multiprocessing.get_context("spawn")
        self.messages = context.Queue(maxsize=AHEAD)
        self.process: SpawnProcess = context.Process(
            target=_read_in_helper,
            args=([str(p) for p in paths], format_name, options, CHUNK, self.messages),
            daemon=True,
        )
        self.process.start()

    def __enter__(self) -> _Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.messages.close()

    def receive(self, progress: NotedProgress = no_progress) -> tuple[Any, ...]:
        """The next message; raises what the helper met, and Cancelled
        when ``progress`` (asked while waiting) says stop."""
        while True:
            try:
                message: tuple[Any, ...] = self.messages.get(timeout=0.25)
            except queue.Empty:
                if self.process.is_alive():
                    if not progress(0, 0, ""):
                        raise Cancelled(
                            translate("Messages", "The import was cancelled; nothing was imported.")
                        ) from None
                    continue
                try:  # (what it sent last may still be on its way)
                    message = self.messages.get(timeout=1)
                except queue.Empty:
                    died = "the process reading the files stopped unexpectedly; nothing was imported"
                    raise ImportFailed(died) from None
            if message[0] == "failed":
                raise message[1]
            if message[0] == "crashed":
                raise RuntimeError(
                    translate("Messages", "reading the files failed in the helper process:\n{message}").format(
                        message=message[1]
                    )
                )
            return message


def _import_streamed(
    library: Library,
    paths: Sequence[Path | str],
    format_name: str,
    strict: bool,
    progress: NotedProgress,
    options: ImportOptions,
    on_duplicate: OnDuplicate,
) -> ImportReport:
    """``import_files`` with the files read and parsed in a helper process
    while the chunks before are written."""
    report = ImportReport()
    with _Reader(paths, format_name, options) as reader:
        _, report.formats, bound, head, report.skipped = reader.receive(progress)

        def chunks() -> Iterator[tuple[list[_Item], list[_Ready]]]:
            while (message := reader.receive())[0] == "chunk":
                _, items, ready, problems = message
                report.problems += problems
                yield items, ready if ready is not None else _prepare_chunk([record for _, record in items])

        return _import(library, report, head, bound, chunks(), strict, progress, on_duplicate)


def _refuse(problems: list[Skipped]) -> NoReturn:
    first = problems[0]
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    raise ImportFailed(
        translate("Messages", "{file}, {position}: {reason}{more}; nothing was imported").format(
            file=first.file, position=first.position, reason=first.reason, more=more
        )
    )


def import_records(
    library: Library,
    records: Sequence[StoryRecord],
    origin: str = "",
    strict: bool = False,
    parallel: bool = False,
    progress: NotedProgress = no_progress,
    on_duplicate: OnDuplicate = OnDuplicate.SKIP,
) -> ImportReport:
    """Import records an importer produced (see ``import_files`` for the
    rules); ``origin`` names where they came from in the report."""
    read = FilesRead([(origin, record) for record in records])
    return _import_read(library, read, ImportReport(), strict, parallel, progress, on_duplicate)


def read_files(
    paths: Sequence[Path | str],
    format_name: str = "auto",
    options: ImportOptions | Mapping[str, ImportOptions] = NO_OPTIONS,
    progress: NotedProgress = no_progress,
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
        if not progress(0, len(read.items), ""):
            raise Cancelled(translate("Messages", "The import was cancelled; nothing was imported."))
    return read, report


def import_read(
    library: Library,
    read: FilesRead,
    report: ImportReport,
    strict: bool = False,
    parallel: bool = False,
    progress: NotedProgress = no_progress,
    on_duplicate: OnDuplicate = OnDuplicate.SKIP,
) -> ImportReport:
    """Write what ``read_files`` read (see ``import_files``); ``report``
    is completed and returned."""
    return _import_read(library, read, report, strict, parallel, progress, on_duplicate)


def import_again(library: Library, duplicates: Sequence[Skipped], on_duplicate: OnDuplicate) -> ImportReport:
    """Import duplicates an import skipped, merging or adding them; when
    merging, a record that matches no story any more is left out."""
    read = FilesRead([(d.file, d.record) for d in duplicates if d.record is not None])
    merging = on_duplicate is OnDuplicate.MERGE
    return _import_read(library, read, ImportReport(), False, False, no_progress, on_duplicate, merging)


def import_files(
    library: Library,
    paths: Sequence[Path | str],
    format_name: str = "auto",
    strict: bool = False,
    parallel: bool = False,
    progress: NotedProgress = no_progress,
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

    ``parallel`` lets a large import read the files and prepare records
    in a helper process. Only programs whose main module is import-safe may
    ask for it (a ``if __name__ == "__main__"`` guard): the helper imports
    that module.

    ``progress`` hears of each file read (0 of N records) and each
    REPORT_EVERY records written (N is then an upper bound), with the title
    of the last one; cancelling raises Cancelled with the library unchanged.
    """
    if parallel and (os.cpu_count() or 1) >= 2 and _size(paths) >= STREAM_MIN_BYTES:
        return _import_streamed(library, paths, format_name, strict, progress, options, on_duplicate)
    read, report = read_files(paths, format_name, options, progress)
    return _import_read(library, read, report, strict, parallel, progress, on_duplicate)


def _size(paths: Sequence[Path | str]) -> int:
    """Bytes in all the files (those that cannot be read count nothing:
    reading them reports why)."""
    total = 0
    for path in paths:
        try:
            total += Path(path).stat().st_size
        except OSError:
            continue
    return total
