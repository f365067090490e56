"""Tag actions: create (by path), rename, move, merge, colour, delete, and
tagging or untagging many stories at once."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select

from ngodesk.domain.errors import Conflict
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet, Created
from ngodesk.search.text import fold
from ngodesk.steps import linking, lookups, tagging, tombstones
from ngodesk.store.library import Library
from ngodesk.store.schema import StoryTag, Tag


def create_tag(library: Library, path: str, colour: str = "") -> Created:
    """Create the tag at ``path`` (``Region/Africa``), with any missing
    parents. Conflict if it already exists."""
    with library.write() as session:
        if tagging.find_path(session, path) is not None:
            raise Conflict(
                translate("Messages", "The tag '{join}' already exists.").format(
                    join=tagging.SEPARATOR.join(tagging.split_path(path))
                )
            )
        if (preferred := tagging.synonym_of(session, tagging.split_path(path)[-1])) is not None:
            name = tagging.split_path(path)[-1]
            raise Conflict(
                translate("Messages", "'{name}' is a synonym of the tag '{value}'.").format(
                    name=name, value=tagging.path_of(session, preferred)
                )
            )
        created: list[int] = []
        tag = tagging.ensure_path(session, path, created)
        tag.colour = tagging.clean_colour(colour)
        return Created(tag.id, tag.uuid, ChangeSet(tags_added=frozenset(created)))


def create_child_tag(library: Library, parent_id: int | None, name: str) -> Created:
    """Create tag ``name`` under ``parent_id`` (None: at the top)."""
    with library.write() as session:
        name = tagging.clean_name(name)
        if parent_id is not None:
            lookups.get(session, Tag, parent_id, "tag")
        if tagging.child_named(session, parent_id, name) is not None:
            raise Conflict(translate("Messages", "A tag named '{name}' already exists there.").format(name=name))
        tag = Tag(name=name, name_key=fold(name), parent_id=parent_id, colour="")
        session.add(tag)
        session.flush()
        return Created(tag.id, tag.uuid, ChangeSet(tags_added=frozenset({tag.id})))


def rename_tag(library: Library, tag_id: int, new_name: str) -> ChangeSet:
    """Rename a tag; Conflict if a sibling has that name."""
    with library.write() as session:
        tag = lookups.get(session, Tag, tag_id, "tag")
        name = tagging.clean_name(new_name)
        clash = tagging.child_named(session, tag.parent_id, name)
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
            if new_parent_id in tagging.subtree_ids(session, tag_id):
                raise Conflict(
                    translate("Messages", "Cannot move '{name}' under itself or one of its own children.").format(
                        name=tag.name
                    )
                )
        clash = tagging.child_named(session, new_parent_id, tag.name)
        if clash is not None and clash.id != tag.id:
            raise Conflict(
                translate("Messages", "A tag named '{name}' already exists there; merge them instead.").format(
                    name=clash.name
                )
            )
        tag.parent_id = new_parent_id
        tag.touch()
        return ChangeSet(tags_changed=frozenset({tag.id}))


def set_tag_colour(library: Library, tag_id: int, colour: str) -> ChangeSet:
    """Set a tag's colour (``#rrggbb``) or clear it (``""``)."""
    with library.write() as session:
        tag = lookups.get(session, Tag, tag_id, "tag")
        tag.colour = tagging.clean_colour(colour)
        tag.touch()
        return ChangeSet(tags_changed=frozenset({tag.id}))


def merge_tags(library: Library, source_id: int, target_id: int) -> ChangeSet:
    """Fold tag ``source`` into ``target``: its stories get ``target``, its
    children move under ``target`` (merging same-named ones), its name and
    synonyms become synonyms of ``target``, its related tags are related to
    ``target``, and it is deleted with a tombstone pointing at ``target``."""
    with library.write() as session:
        source = lookups.get(session, Tag, source_id, "tag")
        target = lookups.get(session, Tag, target_id, "tag")
        return tagging.merge_in_session(session, source, target)


def stories_affected_by_delete(library: Library, tag_id: int) -> int:
    """How many stories lose a tag if ``tag_id`` and its subtree go."""
    with library.read() as session:
        return len(tagging.story_ids_with(session, tagging.subtree_ids(session, tag_id)))


def delete_tag(library: Library, tag_id: int, recursive: bool = False) -> ChangeSet:
    """Delete a tag (untagging its stories). A tag with children is only
    deleted with ``recursive``, and then its whole subtree goes."""
    with library.write() as session:
        tag = lookups.get(session, Tag, tag_id, "tag")
        ids = tagging.subtree_ids(session, tag_id)
        if len(ids) > 1 and not recursive:
            raise Conflict(
                translate(
                    "Messages", "'{name}' has {value} tag(s) below it; move them first or delete them too."
                ).format(name=tag.name, value=len(ids) - 1)
            )
        stories = tagging.story_ids_with(session, ids)
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
        tag = tagging.ensure_path(session, path, created)
        changed = linking.relink(session, StoryTag, "tag_id", tag.id, story_ids, add=True)
        return ChangeSet(stories_changed=changed, tags_added=frozenset(created), tags_changed=frozenset({tag.id}))
