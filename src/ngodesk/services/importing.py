"""Importing files: parse every file first, then write all good records in
one transaction (bulk inserts, index included). A file that cannot be read,
or any bad record under ``strict``, leaves the library unchanged."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import ImportFailed, NgodeskError
from ngodesk.domain.models import ChangeSet, EntityKind, StoryRecord
from ngodesk.formats import parse_file
from ngodesk.services import entities, fields, indexing, tags
from ngodesk.store.library import Library
from ngodesk.store.schema import Story, StoryEntity, StoryTag, new_uuid, utcnow

BATCH = 2000


@dataclass(frozen=True)
class Skipped:
    """A record not imported: where it was and why."""

    file: str
    position: str
    reason: str


@dataclass
class ImportReport:
    """The outcome of an import."""

    added: int = 0
    duplicates: list[Skipped] = field(default_factory=list)
    problems: list[Skipped] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)
    changes: ChangeSet = field(default_factory=ChangeSet)


#: (origin, record, validated column values)
_Prepared = tuple[str, StoryRecord, dict[str, object]]


def _columns(record: StoryRecord) -> dict[str, object]:
    values = {
        "title": record.title,
        "summary": record.summary,
        "body": record.body,
        "url": record.url,
        "source": record.source,
        "published": record.published,
        "language": record.language,
    }
    columns = fields.clean_all(values)
    now = utcnow()
    columns.update(
        uuid=new_uuid(),
        status="draft",
        created_at=now,
        updated_at=now,
        revision=1,
        extra=json.dumps(record.extra, ensure_ascii=False, sort_keys=True) if record.extra else "{}",
    )
    return columns


def _prepare(origin: str, records: Sequence[StoryRecord], report: ImportReport) -> list[_Prepared]:
    prepared = []
    for record in records:
        try:
            prepared.append((origin, record, _columns(record)))
        except NgodeskError as error:
            report.problems.append(Skipped(origin, record.position, str(error)))
    return prepared


def _same(a: str, b: str) -> bool:
    """Two values agree unless both are known and differ."""
    return not a or not b or a == b


def _write(session: Session, prepared: list[_Prepared], report: ImportReport) -> None:
    keys = sorted({str(columns["title_key"]) for _, _, columns in prepared})
    known: dict[str, list[tuple[str, str]]] = {}
    for start in range(0, len(keys), 500):
        rows = session.execute(
            select(Story.title_key, Story.url, Story.published).where(Story.title_key.in_(keys[start : start + 500]))
        )
        for key, url, published in rows:
            known.setdefault(key, []).append((url, published))
    fresh = []
    for path, record, columns in prepared:
        key, url, published = str(columns["title_key"]), str(columns["url"]), str(columns["published"])
        if any(_same(url, u) and _same(published, p) for u, p in known.get(key, ())):
            report.duplicates.append(Skipped(path, record.position, f"already in the library: {record.title}"))
            continue
        known.setdefault(key, []).append((url, published))
        fresh.append((record, columns))
    created_tags: list[int] = []
    created_entities: list[int] = []
    tag_ids: dict[str, int] = {}
    entity_ids: dict[tuple[EntityKind, str], int] = {}
    story_ids: list[int] = []
    for start in range(0, len(fresh), BATCH):
        batch = fresh[start : start + BATCH]
        ids = list(
            session.scalars(
                insert(Story).returning(Story.id, sort_by_parameter_order=True), [columns for _, columns in batch]
            )
        )
        story_ids += ids
        indexing.add(
            session,
            (
                indexing.doc(i, str(c["title"]), str(c["summary"]), str(c["body"]), str(c["source"]))
                for i, (_, c) in zip(ids, batch, strict=True)
            ),
        )
        tag_links, entity_links = set(), set()
        for story_id, (record, _) in zip(ids, batch, strict=True):
            for path in record.tags:
                if path not in tag_ids:
                    tag_ids[path] = tags.ensure_path(session, path, created_tags).id
                tag_links.add((story_id, tag_ids[path]))
            for kind, names in (
                (EntityKind.PERSON, record.people),
                (EntityKind.ORGANISATION, record.organisations),
                (EntityKind.PLACE, record.places),
            ):
                for name in names:
                    if (kind, name) not in entity_ids:
                        entity_ids[(kind, name)] = entities.ensure(session, kind, name, created_entities).id
                    entity_links.add((story_id, entity_ids[(kind, name)]))
        if tag_links:
            session.execute(insert(StoryTag), [{"story_id": s, "tag_id": t} for s, t in sorted(tag_links)])
        if entity_links:
            session.execute(insert(StoryEntity), [{"story_id": s, "entity_id": e} for s, e in sorted(entity_links)])
    report.added = len(story_ids)
    report.changes = ChangeSet(
        stories_added=frozenset(story_ids),
        tags_added=frozenset(created_tags),
        tags_changed=frozenset(tag_ids.values()) - frozenset(created_tags),
        entities_added=frozenset(created_entities),
        entities_changed=frozenset(entity_ids.values()) - frozenset(created_entities),
    )


def _commit(library: Library, prepared: list[_Prepared], report: ImportReport, strict: bool) -> ImportReport:
    if strict and report.problems:
        first = report.problems[0]
        more = f" (and {len(report.problems) - 1} more problems)" if len(report.problems) > 1 else ""
        raise ImportFailed(f"{first.file}, {first.position}: {first.reason}{more}; nothing was imported")
    with library.write() as session:
        _write(session, prepared, report)
    return report


def import_records(
    library: Library, records: Sequence[StoryRecord], origin: str = "", strict: bool = False
) -> ImportReport:
    """Import records an importer produced (see ``import_files`` for the
    rules); ``origin`` names where they came from in the report."""
    report = ImportReport()
    return _commit(library, _prepare(origin, records, report), report, strict)


def import_files(
    library: Library,
    paths: Sequence[Path | str],
    format_name: str = "auto",
    strict: bool = False,
) -> ImportReport:
    """Import stories from files.

    A record is a duplicate, and skipped, when a story already in the
    library (or earlier in the same import) has the same folded title and
    no conflicting url or published date; so importing a file twice adds
    nothing. Unreadable records are skipped and reported; with ``strict``
    any problem raises ImportFailed and nothing is written. A file that
    cannot be read at all always raises ImportFailed. All files are written
    in one transaction.
    """
    report = ImportReport()
    prepared: list[_Prepared] = []
    for path in (Path(p) for p in paths):
        used, result = parse_file(path, format_name)
        report.formats[str(path)] = used
        report.problems += [Skipped(str(path), p.position, p.reason) for p in result.problems]
        prepared += _prepare(str(path), result.records, report)
    return _commit(library, prepared, report, strict)
