"""Tags inside a service's transaction: names cleaned, paths found or
made (parents first), synonyms and the thesaurus, a tag's subtree and its
stories, one tag folded into another."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Conflict, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet, TagRecord
from ngodesk.domain.text import one_line, require_encodable
from ngodesk.search.text import fold
from ngodesk.steps import linking, lookups, tombstones
from ngodesk.store.schema import StoryTag, Tag, TagRelation, TagSynonym

SEPARATOR = "/"
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def clean_name(name: str) -> str:
    """A valid tag name or ValidationError (empty, ``/`` inside, too long)."""
    cleaned = one_line(require_encodable(str(name), "Tag name"))
    if not cleaned:
        raise ValidationError(translate("Messages", "A tag needs a name."))
    if SEPARATOR in cleaned:
        raise ValidationError(
            translate("Messages", "Tag name '{cleaned}': '/' separates levels and cannot be part of a name.").format(
                cleaned=cleaned
            )
        )
    if len(cleaned) > 200:
        raise ValidationError(
            translate("Messages", "Tag name '{cleaned}…' is longer than 200 characters.").format(cleaned=cleaned[:40])
        )
    return cleaned


def split_path(path: str) -> list[str]:
    """``Region/Africa/Kenya`` -> names, each validated."""
    parts = [part for part in str(path).split(SEPARATOR)]
    if not any(part.strip() for part in parts):
        raise ValidationError(translate("Messages", "A tag needs a name."))
    return [clean_name(part) for part in parts if part.strip()]


def child_named(session: Session, parent_id: int | None, name: str) -> Tag | None:
    """The tag called ``name`` (folded) under ``parent_id`` (None: the top)."""
    key = fold(name)
    return session.scalar(select(Tag).where(func.coalesce(Tag.parent_id, 0) == (parent_id or 0), Tag.name_key == key))


def synonym_of(session: Session, name: str) -> Tag | None:
    """The tag ``name`` is a synonym of (non-preferred label), or None."""
    labelled = select(TagSynonym.tag_id).where(TagSynonym.label_key == fold(name))
    return session.scalar(select(Tag).where(Tag.id.in_(labelled)))


def ensure_path(session: Session, path: str, created: list[int] | None = None) -> Tag:
    """The tag at ``path``, creating missing levels (their ids are appended
    to ``created``). A level that is missing but a synonym means its
    preferred tag (``Region/Burma`` -> ``Region/Asia/Myanmar``)."""
    parent: Tag | None = None
    for name in split_path(path):
        tag = child_named(session, parent.id if parent else None, name) or synonym_of(session, name)
        if tag is None:
            tag = Tag(name=name, name_key=fold(name), parent_id=parent.id if parent else None, colour="")
            session.add(tag)
            session.flush()
            if created is not None:
                created.append(tag.id)
        parent = tag
    assert parent is not None
    return parent


def resolve_path(session: Session, path: str) -> Tag | None:
    """The tag ``path`` means, as ``ensure_path`` reads it (a level may be
    a synonym), or None when a level does not exist; creates nothing."""
    tag: Tag | None = None
    for name in split_path(path):
        tag = child_named(session, tag.id if tag else None, name) or synonym_of(session, name)
        if tag is None:
            return None
    return tag


def ensure_record(session: Session, record: TagRecord, created: list[int]) -> Tag:
    """The tag with ``record.uuid``; else the tag at its path, created (with
    its uuid and colour; ids to ``created``) when missing. Parents are
    created as for ``ensure_path``: give parents first to keep theirs."""
    tag = session.scalar(select(Tag).where(Tag.uuid == record.uuid))
    if tag is None:
        before = len(created)
        tag = ensure_path(session, record.path, created)
        if created[before:] and created[-1] == tag.id:
            tag.uuid, tag.colour = record.uuid, clean_colour(record.colour)
            session.flush()
    return tag


def add_thesaurus(session: Session, given: Sequence[TagRecord], ids: Mapping[str, int]) -> None:
    """What ngodesk's own JSON says of its tags' thesaurus entries, added
    to the tags ``ids`` (path -> id) gave them: synonyms (a label another
    tag has stays that tag's), related tags (by uuid, when both are here)
    and a scope note where the tag has none."""
    wanted = sorted({uuid for record in given for uuid in record.related})
    by_uuid = {
        uuid: tag_id
        for chunk in lookups.chunks(wanted)
        for uuid, tag_id in session.execute(select(Tag.uuid, Tag.id).where(Tag.uuid.in_(chunk)))
    }
    for record in given:
        tag = session.get(Tag, ids[record.path])
        assert tag is not None  # (ensured just before)
        for label in record.synonyms:
            try:
                add_synonym(session, tag, label)
            except (Conflict, ValidationError):
                continue
        if record.scope_note and not tag.scope_note:
            tag.scope_note = record.scope_note
        for uuid in record.related:
            if (other := by_uuid.get(uuid)) is not None:
                linking.set_pair(session, TagRelation, ("tag_id", "related_id"), tag.id, other)


def find_path(session: Session, path: str) -> Tag | None:
    """The tag at ``path`` (root first) or None."""
    parent: Tag | None = None
    for name in split_path(path):
        parent = child_named(session, parent.id if parent else None, name)
        if parent is None:
            return None
    return parent


def path_of(session: Session, tag: Tag) -> str:
    """Full path of a tag, root first."""
    names = [tag.name]
    while tag.parent_id is not None:
        tag = lookups.get(session, Tag, tag.parent_id, "tag")
        names.append(tag.name)
    return SEPARATOR.join(reversed(names))


def subtree_ids(session: Session, tag_id: int) -> list[int]:
    """``tag_id`` and the ids of all its descendants."""
    tree = select(Tag.id).where(Tag.id == tag_id).cte("subtree", recursive=True)
    tree = tree.union_all(select(Tag.id).where(Tag.parent_id == tree.c.id))
    return list(session.scalars(select(tree.c.id)))


def clean_colour(colour: str) -> str:
    colour = colour.strip()
    if colour and not _COLOUR.match(colour):
        raise ValidationError(
            translate("Messages", "Colour '{colour}' is not of the form #RRGGBB.").format(colour=colour)
        )
    return colour.lower()


def story_ids_with(session: Session, tag_ids: Iterable[int]) -> set[int]:
    return set(session.scalars(select(StoryTag.story_id).where(StoryTag.tag_id.in_(list(tag_ids)))))


def add_synonym(session: Session, tag: Tag, label: str) -> bool:
    """Make ``label`` a synonym of ``tag`` in the caller's transaction;
    False when it is one already or is the tag's own name. Conflict when it
    is another tag's synonym."""
    label = clean_name(label)
    key = fold(label)
    if key == tag.name_key:
        return False
    found = session.scalar(select(TagSynonym).where(TagSynonym.label_key == key))
    if found is not None:
        if found.tag_id == tag.id:
            return False
        owner = lookups.get(session, Tag, found.tag_id, "tag")
        raise Conflict(
            translate("Messages", "'{label}' is already a synonym of '{value}'.").format(
                label=label, value=path_of(session, owner)
            )
        )
    session.add(TagSynonym(tag_id=tag.id, label=label, label_key=key))
    session.flush()
    return True


def _merge_into(session: Session, source: Tag, target: Tag, changes: dict[str, set[int]]) -> None:
    stories = story_ids_with(session, [source.id])
    linking.add_links(session, StoryTag, "tag_id", target.id, stories)
    changes["stories"] |= stories
    for child in list(session.scalars(select(Tag).where(Tag.parent_id == source.id))):
        twin = child_named(session, target.id, child.name)
        if twin is None:
            child.parent_id = target.id
            child.touch()
            changes["changed"].add(child.id)
        else:
            _merge_into(session, child, twin, changes)
    # its labels stay findable: they, and its own name, now mean the target
    # (a label another tag has as a synonym stays that tag's)
    labels = [source.name, *session.scalars(select(TagSynonym.label).where(TagSynonym.tag_id == source.id))]
    session.execute(delete(TagSynonym).where(TagSynonym.tag_id == source.id))
    for label in labels:
        try:
            add_synonym(session, target, label)
        except Conflict:
            continue
    linking.move_pairs(session, TagRelation, ("tag_id", "related_id"), source.id, target.id)
    session.execute(delete(StoryTag).where(StoryTag.tag_id == source.id))
    tombstones.bury(session, "tag", [source.uuid], replaced_by=target.uuid)
    changes["removed"].add(source.id)
    session.delete(source)
    session.flush()


def merge_in_session(session: Session, source: Tag, target: Tag) -> ChangeSet:
    """``merge_tags`` in the caller's transaction."""
    if target.id in subtree_ids(session, source.id):
        raise Conflict(
            translate("Messages", "Cannot merge '{name}' into itself or one of its own children.").format(
                name=source.name
            )
        )
    changes: dict[str, set[int]] = {"stories": set(), "changed": {target.id}, "removed": set()}
    _merge_into(session, source, target, changes)
    target.touch()
    linking.touch_stories(session, changes["stories"])
    return ChangeSet(
        stories_changed=frozenset(changes["stories"]),
        tags_changed=frozenset(changes["changed"] - changes["removed"]),
        tags_removed=frozenset(changes["removed"]),
    )
