"""Tag actions: create (by path), rename, move, merge, colour, delete, and
tagging or untagging many stories at once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Conflict, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet, Created, TagRecord
from ngodesk.domain.text import one_line, require_encodable
from ngodesk.search.text import fold
from ngodesk.steps import linking, lookups, tombstones
from ngodesk.store.library import Library
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


def _child(session: Session, parent_id: int | None, name: str) -> Tag | None:
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
        tag = _child(session, parent.id if parent else None, name) or synonym_of(session, name)
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
        tag = _child(session, tag.id if tag else None, name) or synonym_of(session, name)
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
            tag.uuid, tag.colour = record.uuid, _clean_colour(record.colour)
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
        parent = _child(session, parent.id if parent else None, name)
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


def create_tag(library: Library, path: str, colour: str = "") -> Created:
    """Create the tag at ``path`` (``Region/Africa``), with any missing
    parents. Conflict if it already exists."""
    with library.write() as session:
        if find_path(session, path) is not None:
            raise Conflict(
                translate("Messages", "The tag '{join}' already exists.").format(join=SEPARATOR.join(split_path(path)))
            )
        if (preferred := synonym_of(session, split_path(path)[-1])) is not None:
            name = split_path(path)[-1]
            raise Conflict(
                translate("Messages", "'{name}' is a synonym of the tag '{value}'.").format(
                    name=name, value=path_of(session, preferred)
                )
            )
        created: list[int] = []
        tag = ensure_path(session, path, created)
        tag.colour = _clean_colour(colour)
        return Created(tag.id, tag.uuid, ChangeSet(tags_added=frozenset(created)))


def create_child_tag(library: Library, parent_id: int | None, name: str) -> Created:
    """Create tag ``name`` under ``parent_id`` (None: at the top)."""
    with library.write() as session:
        name = clean_name(name)
        if parent_id is not None:
            lookups.get(session, Tag, parent_id, "tag")
        if _child(session, parent_id, name) is not None:
            raise Conflict(translate("Messages", "A tag named '{name}' already exists there.").format(name=name))
        tag = Tag(name=name, name_key=fold(name), parent_id=parent_id, colour="")
        session.add(tag)
        session.flush()
        return Created(tag.id, tag.uuid, ChangeSet(tags_added=frozenset({tag.id})))


def rename_tag(library: Library, tag_id: int, new_name: str) -> ChangeSet:
    """Rename a tag; Conflict if a sibling has that name."""
    with library.write() as session:
        tag = lookups.get(session, Tag, tag_id, "tag")
        name = clean_name(new_name)
        clash = _child(session, tag.parent_id, name)
        if clash is not None and clash.id != tag.id:
            raise Conflict(
                translate("Messages", "A tag named '{name}' already exists beside '{name2}'.").format(
                    name=clash.name, name2=tag.name
                )
            )
        tag.name, tag.name_key = name, fold(name)
        tag.touch()
        return ChangeSet(tags_changed=frozenset({tag.id}))


def move_tag(library: Library, tag_id: int, new_parent_id: int | None) -> ChangeSet:
    """Move a tag (with its subtree) under another tag, or to the top."""
    with library.write() as session:
        tag = lookups.get(session, Tag, tag_id, "tag")
        if new_parent_id is not None:
            lookups.get(session, Tag, new_parent_id, "tag")
            if new_parent_id in subtree_ids(session, tag_id):
                raise Conflict(
                    translate("Messages", "Cannot move '{name}' under itself or one of its own children.").format(
                        name=tag.name
                    )
                )
        clash = _child(session, new_parent_id, tag.name)
        if clash is not None and clash.id != tag.id:
            raise Conflict(
                translate("Messages", "A tag named '{name}' already exists there; merge them instead.").format(
                    name=clash.name
                )
            )
        tag.parent_id = new_parent_id
        tag.touch()
        return ChangeSet(tags_changed=frozenset({tag.id}))


def _clean_colour(colour: str) -> str:
    colour = colour.strip()
    if colour and not _COLOUR.match(colour):
        raise ValidationError(
            translate("Messages", "Colour '{colour}' is not of the form #RRGGBB.").format(colour=colour)
        )
    return colour.lower()


def set_tag_colour(library: Library, tag_id: int, colour: str) -> ChangeSet:
    """Set a tag's colour (``#rrggbb``) or clear it (``""``)."""
    with library.write() as session:
        tag = lookups.get(session, Tag, tag_id, "tag")
        tag.colour = _clean_colour(colour)
        tag.touch()
        return ChangeSet(tags_changed=frozenset({tag.id}))


def _story_ids_with(session: Session, tag_ids: Iterable[int]) -> set[int]:
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
    stories = _story_ids_with(session, [source.id])
    linking.add_links(session, StoryTag, "tag_id", target.id, stories)
    changes["stories"] |= stories
    for child in list(session.scalars(select(Tag).where(Tag.parent_id == source.id))):
        twin = _child(session, target.id, child.name)
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


def merge_tags(library: Library, source_id: int, target_id: int) -> ChangeSet:
    """Fold tag ``source`` into ``target``: its stories get ``target``, its
    children move under ``target`` (merging same-named ones), its name and
    synonyms become synonyms of ``target``, its related tags are related to
    ``target``, and it is deleted with a tombstone pointing at ``target``."""
    with library.write() as session:
        source = lookups.get(session, Tag, source_id, "tag")
        target = lookups.get(session, Tag, target_id, "tag")
        return merge_in_session(session, source, target)


def stories_affected_by_delete(library: Library, tag_id: int) -> int:
    """How many stories lose a tag if ``tag_id`` and its subtree go."""
    with library.read() as session:
        return len(_story_ids_with(session, subtree_ids(session, tag_id)))


def delete_tag(library: Library, tag_id: int, recursive: bool = False) -> ChangeSet:
    """Delete a tag (untagging its stories). A tag with children is only
    deleted with ``recursive``, and then its whole subtree goes."""
    with library.write() as session:
        tag = lookups.get(session, Tag, tag_id, "tag")
        ids = subtree_ids(session, tag_id)
        if len(ids) > 1 and not recursive:
            raise Conflict(
                translate(
                    "Messages", "'{name}' has {value} tag(s) below it; move them first or delete them too."
                ).format(name=tag.name, value=len(ids) - 1)
            )
        stories = _story_ids_with(session, ids)
        uuids = list(session.scalars(select(Tag.uuid).where(Tag.id.in_(ids))))
        session.execute(delete(StoryTag).where(StoryTag.tag_id.in_(ids)))
        tombstones.bury(session, "tag", uuids)
        session.execute(delete(Tag).where(Tag.id.in_(ids)), execution_options={"synchronize_session": False})
        session.expunge_all()
        linking.touch_stories(session, stories)
        return ChangeSet(stories_changed=frozenset(stories), tags_removed=frozenset(ids))


def tag_stories(library: Library, story_ids: Iterable[int], tag_id: int, tag: bool = True) -> ChangeSet:
    """Add a tag to many stories (those that have it are left), or with
    ``tag=False`` remove it; all stories must exist."""
    with library.write() as session:
        lookups.get(session, Tag, tag_id, "tag")
        changed = linking.relink(session, StoryTag, "tag_id", tag_id, story_ids, add=tag)
        return ChangeSet(stories_changed=changed, tags_changed=frozenset({tag_id}))


def apply_path(library: Library, story_ids: Iterable[int], path: str) -> ChangeSet:
    """Tag many stories with the tag at ``path`` (created when missing; a
    synonym means its tag) in one transaction; stories that have it are
    left as they are."""
    with library.write() as session:
        created: list[int] = []
        tag = ensure_path(session, path, created)
        changed = linking.relink(session, StoryTag, "tag_id", tag.id, story_ids, add=True)
        return ChangeSet(stories_changed=changed, tags_added=frozenset(created), tags_changed=frozenset({tag.id}))
