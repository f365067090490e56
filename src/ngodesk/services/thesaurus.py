"""Tags as a thesaurus: synonyms (non-preferred labels that redirect to
their tag), related tags, scope notes, and the whole tree with counts.

Broader/narrower is the tag hierarchy itself (``services.tags``). A synonym
is a label of one tag only; typing, importing or searching it means that
tag (``tagging.ensure_path``, ``tag:`` in ``search.engine``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Conflict, ImportFailed, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet, RecordProblem
from ngodesk.domain.text import require_encodable
from ngodesk.formats import places, read_text, skos
from ngodesk.formats.nesting import MAX_DEPTH
from ngodesk.search.text import fold
from ngodesk.services import queries
from ngodesk.services.delivery import deliver
from ngodesk.steps import linking, lookups, tagging
from ngodesk.store.library import Library
from ngodesk.store.schema import Tag, TagRelation, TagSynonym

#: Longest scope note kept.
NOTE_MAX = 5000


@dataclass(frozen=True)
class TagNode:
    """A tag as the thesaurus sees it (``tree``)."""

    id: int
    uuid: str
    path: str
    depth: int
    #: stories with this tag or one below it
    story_count: int
    synonyms: tuple[str, ...]
    related: tuple[str, ...]  # paths
    scope_note: str
    colour: str


def make_synonym(library: Library, alias: str, preferred_id: int) -> ChangeSet:
    """From now on ``alias`` means the tag ``preferred_id``. When a tag at
    path ``alias`` exists, it is merged into the preferred one first (its
    stories, children and synonyms move there), so nothing keeps the old
    name apart."""
    with library.write() as session:
        preferred = lookups.get(session, Tag, preferred_id, "tag")
        existing = tagging.find_path(session, alias)
        changes = ChangeSet()
        if existing is not None and existing.id != preferred.id:
            changes = tagging.merge_in_session(session, existing, preferred)
        label = tagging.split_path(alias)[-1]
        if tagging.add_synonym(session, preferred, label):
            preferred.touch()
        return changes | ChangeSet(tags_changed=frozenset({preferred.id}))


def remove_synonym(library: Library, tag_id: int, label: str) -> ChangeSet:
    """``label`` no longer means tag ``tag_id``."""
    with library.write() as session:
        tag = lookups.get(session, Tag, tag_id, "tag")
        synonym = TagSynonym.label_key == fold(tagging.clean_name(label))
        if not lookups.deleted(session, delete(TagSynonym).where(TagSynonym.tag_id == tag_id, synonym)):
            raise ValidationError(
                translate("Messages", "'{label}' is not a synonym of '{path_of}'.").format(
                    label=label, path_of=tagging.path_of(session, tag)
                )
            )
        tag.touch()
        return ChangeSet(tags_changed=frozenset({tag_id}))


def _scope_note(note: str) -> str:
    note = require_encodable(note, "Scope note").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(
            translate("Messages", "A scope note is longer than {NOTE_MAX:,} characters.").format(NOTE_MAX=NOTE_MAX)
        )
    return note


def set_scope_note(library: Library, tag_id: int, note: str) -> ChangeSet:
    """What the tag is for, shown beside it (empty: none)."""
    note = _scope_note(note)
    with library.write() as session:
        tag = lookups.get(session, Tag, tag_id, "tag")
        if tag.scope_note != note:
            tag.scope_note = note
            tag.touch()
        return ChangeSet(tags_changed=frozenset({tag_id}))


def relate(library: Library, first_id: int, second_id: int, related: bool = True) -> ChangeSet:
    """Mark two tags related (``related`` False: no longer)."""
    if first_id == second_id:
        raise ValidationError(translate("Messages", "A tag cannot be related to itself."))
    with library.write() as session:
        for tag_id in (first_id, second_id):
            lookups.get(session, Tag, tag_id, "tag").touch()
        linking.set_pair(session, TagRelation, ("tag_id", "related_id"), first_id, second_id, related)
        return ChangeSet(tags_changed=frozenset({first_id, second_id}))


@dataclass(frozen=True)
class Entry:
    """A tag's thesaurus entry as one editable whole."""

    synonyms: tuple[str, ...] = ()
    related: tuple[int, ...] = ()  # tag ids
    scope_note: str = ""


def entry(library: Library, tag_id: int) -> Entry:
    """Tag ``tag_id``'s synonyms, related tags and scope note."""
    with library.read() as session:
        tag = lookups.get(session, Tag, tag_id, "tag")
        labels = session.scalars(select(TagSynonym.label).where(TagSynonym.tag_id == tag_id).order_by(TagSynonym.label))
        return Entry(tuple(labels), tuple(sorted(_related_ids(session, tag_id))), tag.scope_note)


def _related_ids(session: Session, tag_id: int) -> set[int]:
    pairs = session.execute(
        select(TagRelation.tag_id, TagRelation.related_id).where(
            (TagRelation.tag_id == tag_id) | (TagRelation.related_id == tag_id)
        )
    )
    return {high if low == tag_id else low for low, high in pairs}


def set_entry(library: Library, tag_id: int, new: Entry) -> ChangeSet:
    """Make tag ``tag_id``'s entry ``new`` in one transaction (a synonym
    another tag has, or an unknown related tag, changes nothing)."""
    note = _scope_note(new.scope_note)
    synonyms = [tagging.clean_name(label) for label in new.synonyms]
    with library.write() as session:
        tag = lookups.get(session, Tag, tag_id, "tag")
        keep = {fold(label) for label in synonyms}
        session.execute(delete(TagSynonym).where(TagSynonym.tag_id == tag_id, TagSynonym.label_key.not_in(keep)))
        kept = {row.label_key: row for row in session.scalars(select(TagSynonym).where(TagSynonym.tag_id == tag_id))}
        for label in synonyms:
            if (row := kept.get(fold(label))) is not None:
                row.label = label  # (a new spelling of the same label: Burma -> BURMA)
            else:
                tagging.add_synonym(session, tag, label)
        before, after = _related_ids(session, tag_id), set(new.related) - {tag_id}
        for other in before ^ after:
            lookups.get(session, Tag, other, "tag")
            linking.set_pair(session, TagRelation, ("tag_id", "related_id"), tag_id, other, linked=other in after)
        tag.scope_note = note
        tag.touch()
        for other in before ^ after:
            lookups.get(session, Tag, other, "tag").touch()
        return ChangeSet(tags_changed=frozenset({tag_id, *(before ^ after)}))


def tree(library: Library) -> list[TagNode]:
    """Every tag in path order, with counts, synonyms, related tags and
    scope notes."""
    views = queries.tags(library)
    entries = {record.uuid: record for record in queries.tag_records(library, views)}
    paths = {view.uuid: view.path for view in views}
    return [
        TagNode(
            view.id,
            view.uuid,
            view.path,
            view.path.count(tagging.SEPARATOR),
            view.story_count,
            entries[view.uuid].synonyms,
            tuple(sorted((paths[uuid] for uuid in entries[view.uuid].related), key=str.casefold)),
            entries[view.uuid].scope_note,
            view.colour,
        )
        for view in views
        if view.uuid in entries  # (a tag made between the two reads waits for the next)
    ]


def export(library: Library, format_name: str, target: Path | str | None) -> int:
    """Write the thesaurus as SKOS (``skos.FORMATS``) to the file ``target``
    or standard output; returns how many tags were written."""
    if format_name not in skos.FORMATS:
        raise ValidationError(
            translate("Messages", "unknown thesaurus format '{format_name}'; known: {join}").format(
                format_name=format_name, join=", ".join(skos.FORMATS)
            )
        )
    nodes = tree(library)
    by_path = {node.path: node for node in nodes}
    concepts = [
        skos.Concept(
            skos.uri_of(node.uuid),
            node.path.rsplit(tagging.SEPARATOR, 1)[-1],
            node.synonyms,
            skos.uri_of(by_path[parent].uuid) if (parent := node.path.rpartition(tagging.SEPARATOR)[0]) else "",
            tuple(skos.uri_of(by_path[path].uuid) for path in node.related),
            node.scope_note,
        )
        for node in nodes
    ]
    text = skos.write(concepts, format_name)
    deliver(target, lambda out: out.write(text))
    return len(concepts)


@dataclass
class ThesaurusReport:
    """What a SKOS import did."""

    concepts: int = 0
    tags_added: int = 0
    synonyms_added: int = 0
    relations_added: int = 0
    notes_added: int = 0
    #: concepts left out, and why
    problems: list[RecordProblem] = field(default_factory=list)
    #: concepts imported with a remark
    remarks: list[RecordProblem] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)


def import_file(library: Library, path: Path) -> ThesaurusReport:
    """Import a SKOS thesaurus (Turtle or RDF/XML) in one transaction:
    each concept becomes the tag with its uuid (ngodesk's own exports), or
    at its path, created when missing; its alternative labels become
    synonyms, related concepts related tags; a scope note fills an empty
    one. Raises ImportFailed when the file cannot be read at all."""
    read = skos.read(read_text(path))
    if read.problems and not read.concepts and read.problems[0].position == places.the_file():
        raise ImportFailed(translate("Messages", "{path}: {reason}").format(path=path, reason=read.problems[0].reason))
    report = ThesaurusReport(concepts=len(read.concepts), problems=list(read.problems), remarks=list(read.remarks))
    paths = _paths(read.concepts, report)
    with library.write() as session:
        tag_ids: dict[str, int] = {}
        created: list[int] = []
        changed: set[int] = set()
        for concept in sorted(read.concepts, key=lambda c: paths.get(c.uri, "").count(tagging.SEPARATOR)):
            if concept.uri not in paths:
                continue
            try:
                tag = _tag_for(session, concept, paths[concept.uri], created)
            except ValidationError as error:  # (a name a tag cannot have: too long, unreadable)
                report.problems.append(
                    RecordProblem(concept.uri, translate("Messages", "left out: {error}").format(error=error))
                )
                continue
            tag_ids[concept.uri] = tag.id
            for label in concept.synonyms:
                try:
                    report.synonyms_added += tagging.add_synonym(session, tag, label.replace(tagging.SEPARATOR, "-"))
                    changed.add(tag.id)
                except (Conflict, ValidationError) as error:
                    report.remarks.append(
                        RecordProblem(
                            concept.uri,
                            translate("Messages", "synonym '{label}' left out: {error}").format(
                                label=label, error=error
                            ),
                        )
                    )
            if concept.scope_note and not tag.scope_note:
                tag.scope_note = concept.scope_note[:NOTE_MAX]
                report.notes_added += 1
                changed.add(tag.id)
        for concept in read.concepts:
            for other in concept.related:
                first, second = tag_ids.get(concept.uri), tag_ids.get(other)
                if first is None or second is None:
                    continue
                if linking.set_pair(session, TagRelation, ("tag_id", "related_id"), first, second):
                    report.relations_added += 1
                    changed.update((first, second))
        for tag_id in changed - set(created):
            lookups.get(session, Tag, tag_id, "tag").touch()
        report.tags_added = len(created)
        report.changes = ChangeSet(tags_added=frozenset(created), tags_changed=frozenset(changed - set(created)))
    return report


def _paths(concepts: list[skos.Concept], report: ThesaurusReport) -> dict[str, str]:
    """Each usable concept's tag path (its broader concepts' labels first);
    concepts in a broader cycle are reported and left out."""
    by_uri = {concept.uri: concept for concept in concepts}
    paths: dict[str, str] = {}
    for concept in concepts:
        names: list[str] = []
        seen: set[str] = set()
        current: skos.Concept | None = concept
        while current is not None and current.uri not in seen and len(names) <= MAX_DEPTH:
            seen.add(current.uri)
            names.append(current.label.replace(tagging.SEPARATOR, "-"))
            current = by_uri.get(current.broader) if current.broader else None
        if len(names) > MAX_DEPTH:  # (each level is a tag to find or make: a chain of 400 took 33 s)
            reason = translate("Messages", "more than {limit} levels of broader concepts; left out")
            report.problems.append(RecordProblem(concept.uri, reason.format(limit=MAX_DEPTH)))
            continue
        if current is not None:
            report.problems.append(
                RecordProblem(concept.uri, translate("Messages", "its broader concepts form a cycle; left out"))
            )
            continue
        if concept.broader and concept.broader not in by_uri:
            report.remarks.append(
                RecordProblem(
                    concept.uri,
                    translate("Messages", "broader concept {broader} is not in the file").format(
                        broader=concept.broader
                    ),
                )
            )
        paths[concept.uri] = tagging.SEPARATOR.join(reversed(names))
    return paths


def _tag_for(session: Session, concept: skos.Concept, path: str, created: list[int]) -> Tag:
    """The tag with the concept's uuid, else at its path (created, with the
    uuid, when missing)."""
    if concept.uuid and (tag := session.scalar(select(Tag).where(Tag.uuid == concept.uuid))) is not None:
        return tag
    before = len(created)
    tag = tagging.ensure_path(session, path, created)
    if concept.uuid and created[before:] and created[-1] == tag.id:
        tag.uuid = concept.uuid
        session.flush()
    return tag
