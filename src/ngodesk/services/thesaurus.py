"""Tags as a thesaurus: synonyms (non-preferred labels that redirect to
their tag), related tags, scope notes, and the whole tree with counts.

Broader/narrower is the tag hierarchy itself (``services.tags``). A synonym
is a label of one tag only; typing, importing or searching it means that
tag (``tags.ensure_path``, ``tag:`` in ``search.engine``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import delete, select

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.models import ChangeSet
from ngodesk.search.text import fold
from ngodesk.services import queries, records, tags
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
        preferred = records.get(session, Tag, preferred_id, "tag")
        existing = tags.find_path(session, alias)
        changes = ChangeSet()
        if existing is not None and existing.id != preferred.id:
            changes = tags.merge_in_session(session, existing, preferred)
        label = tags.split_path(alias)[-1]
        if tags.add_synonym(session, preferred, label):
            preferred.touch()
        return changes | ChangeSet(tags_changed=frozenset({preferred.id}))


def remove_synonym(library: Library, tag_id: int, label: str) -> ChangeSet:
    """``label`` no longer means tag ``tag_id``."""
    with library.write() as session:
        tag = records.get(session, Tag, tag_id, "tag")
        gone = session.execute(
            delete(TagSynonym).where(TagSynonym.tag_id == tag_id, TagSynonym.label_key == fold(label))
        )
        if not gone.rowcount:  # type: ignore[attr-defined]
            raise ValidationError(f"'{label}' is not a synonym of '{tags.path_of(session, tag)}'.")
        tag.touch()
        return ChangeSet(tags_changed=frozenset({tag_id}))


def set_scope_note(library: Library, tag_id: int, note: str) -> ChangeSet:
    """What the tag is for, shown beside it (empty: none)."""
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(f"A scope note is longer than {NOTE_MAX:,} characters.")
    with library.write() as session:
        tag = records.get(session, Tag, tag_id, "tag")
        if tag.scope_note != note:
            tag.scope_note = note
            tag.touch()
        return ChangeSet(tags_changed=frozenset({tag_id}))


def relate(library: Library, first_id: int, second_id: int, related: bool = True) -> ChangeSet:
    """Mark two tags related (``related`` False: no longer)."""
    if first_id == second_id:
        raise ValidationError("A tag cannot be related to itself.")
    low, high = sorted((first_id, second_id))
    with library.write() as session:
        for tag_id in (low, high):
            records.get(session, Tag, tag_id, "tag").touch()
        known = session.get(TagRelation, (low, high)) is not None
        if related and not known:
            session.add(TagRelation(tag_id=low, related_id=high))
        elif not related and known:
            session.execute(delete(TagRelation).where(TagRelation.tag_id == low, TagRelation.related_id == high))
        return ChangeSet(tags_changed=frozenset({low, high}))


def tree(library: Library) -> list[TagNode]:
    """Every tag in path order, with counts, synonyms, related tags and
    scope notes."""
    views = queries.tags(library)
    paths = {view.id: view.path for view in views}
    with library.read() as session:
        synonyms: defaultdict[int, list[str]] = defaultdict(list)
        for tag_id, label in session.execute(select(TagSynonym.tag_id, TagSynonym.label).order_by(TagSynonym.label)):
            synonyms[tag_id].append(label)
        related: defaultdict[int, list[str]] = defaultdict(list)
        for low, high in session.execute(select(TagRelation.tag_id, TagRelation.related_id)):
            related[low].append(paths[high])
            related[high].append(paths[low])
        notes = {i: note for i, note in session.execute(select(Tag.id, Tag.scope_note).where(Tag.scope_note != ""))}
    return [
        TagNode(
            view.id,
            view.uuid,
            view.path,
            view.path.count(tags.SEPARATOR),
            view.story_count,
            tuple(synonyms[view.id]),
            tuple(sorted(related[view.id], key=str.casefold)),
            notes.get(view.id, ""),
            view.colour,
        )
        for view in views
    ]
