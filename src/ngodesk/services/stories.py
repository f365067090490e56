"""Story actions: create, edit (fields, tags, linked records), delete."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import NotFound, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet, Created, EntityKind
from ngodesk.services import annotating, fields
from ngodesk.steps import authority, linking, lookups, search_index, tagging, tombstones
from ngodesk.store import history
from ngodesk.store.library import Library
from ngodesk.store.schema import Entity, Story, StoryEntity, StoryTag

#: (kind, name) of an organisation, person or place.
EntityName = tuple[EntityKind | str, str]


def _apply_links(
    session: Session,
    story: Story,
    add_tags: Sequence[str],
    remove_tags: Sequence[str],
    link: Sequence[EntityName],
    unlink: Sequence[EntityName],
    created_tags: list[int],
    created_entities: list[int],
) -> bool:
    changed = False
    for path in add_tags:
        tag = tagging.ensure_path(session, path, created_tags)
        changed |= bool(linking.add_links(session, StoryTag, "tag_id", tag.id, [story.id]))
    for path in remove_tags:
        existing_tag = tagging.find_path(session, path)
        if existing_tag is None:
            raise NotFound(translate("Messages", "There is no tag '{path}'.").format(path=path))
        changed |= bool(linking.remove_links(session, StoryTag, "tag_id", existing_tag.id, [story.id]))
    for kind, name in link:
        entity = authority.ensure(session, kind, name, created_entities)
        changed |= bool(linking.add_links(session, StoryEntity, "entity_id", entity.id, [story.id]))
    for kind, name in unlink:
        existing_entity = authority.find(session, kind, name)
        if existing_entity is None:
            raise NotFound(
                translate("Messages", "There is no {value} named '{name}'.").format(
                    value=EntityKind(kind).value, name=name
                )
            )
        changed |= bool(linking.remove_links(session, StoryEntity, "entity_id", existing_entity.id, [story.id]))
    return changed


def create_story(
    library: Library,
    values: Mapping[str, object],
    tag_paths: Sequence[str] = (),
    link: Sequence[EntityName] = (),
) -> Created:
    """Create a story from field values (``title`` required); tags are
    paths, created when missing; linked records found or created by name."""
    if "title" not in values:
        raise ValidationError(translate("Messages", "title: a story needs a title"))
    columns = fields.clean_all(dict(values))
    with library.write() as session:
        story = Story(**columns)
        session.add(story)
        session.flush()
        created_tags: list[int] = []
        created_entities: list[int] = []
        with history.links_unrecorded(session):  # (a story made with its tags: not a change to it)
            _apply_links(session, story, tag_paths, (), link, (), created_tags, created_entities)
        search_index.add(session, [search_index.story_doc(story)])
        return Created(
            story.id,
            story.uuid,
            ChangeSet(
                stories_added=frozenset({story.id}),
                tags_added=frozenset(created_tags),
                tags_changed=frozenset(t.id for t in story.tags) - frozenset(created_tags),
                entities_added=frozenset(created_entities),
            ),
        )


def edit_story(
    library: Library,
    story_id: int,
    values: Mapping[str, object] | None = None,
    *,
    add_tags: Sequence[str] = (),
    remove_tags: Sequence[str] = (),
    link: Sequence[EntityName] = (),
    unlink: Sequence[EntityName] = (),
    set_tags: Sequence[str] | None = None,
    order: Sequence[EntityName] = (),
) -> ChangeSet:
    """Change fields, tags and linked records of one story in one
    transaction. ``set_tags`` (paths, created when missing) replaces all
    the story's tags before ``add_tags``/``remove_tags`` apply. Records
    linked by ``link`` come after those the story has; ``order`` then puts
    the named records (linked ones; others are passed over) first among
    their kind, in the order given. Setting a field to its current value
    or records in the order they have changes nothing."""
    columns = fields.clean_all(dict(values or {}))
    with library.write() as session:
        story = lookups.get(session, Story, story_id, "story")
        before = search_index.story_doc(story)
        changed = False
        for column, value in columns.items():
            if getattr(story, column) != value:
                setattr(story, column, value)
                changed = True
        created_tags: list[int] = []
        created_entities: list[int] = []
        touched: set[int] = set()
        if set_tags is not None:
            touched = _replace_tags(session, story.id, set_tags, created_tags)
            changed |= bool(touched)
        changed |= _apply_links(session, story, add_tags, remove_tags, link, unlink, created_tags, created_entities)
        changed |= _reorder(session, story.id, order)
        if not changed:
            return ChangeSet()
        story.touch()
        after = search_index.story_doc(story)
        if after != before:
            search_index.remove(session, [before])
            search_index.add(session, [after])
            annotating.follow(session, [story.id])
        touched |= {t.id for t in (tagging.find_path(session, p) for p in [*add_tags, *remove_tags]) if t is not None}
        return ChangeSet(
            stories_changed=frozenset({story.id}),
            tags_added=frozenset(created_tags),
            tags_changed=frozenset(touched) - frozenset(created_tags),
            entities_added=frozenset(created_entities),
        )


def _reorder(session: Session, story_id: int, order: Sequence[EntityName]) -> bool:
    """Put the story's records named in ``order`` first among those of
    their kind, in that order; the kind's others follow in theirs and other
    kinds keep their places. True when a record moved."""
    if not order:
        return False
    rows = session.execute(
        select(StoryEntity.entity_id, Entity.kind)
        .join(Entity)
        .where(StoryEntity.story_id == story_id)
        .order_by(StoryEntity.position, StoryEntity.entity_id)
    ).all()
    linked = {entity_id for entity_id, _ in rows}
    wanted: dict[str, list[int]] = {}
    for kind, name in order:
        entity = authority.find(session, kind, name)
        if entity is not None and entity.id in linked and entity.id not in wanted.get(entity.kind, []):
            wanted.setdefault(entity.kind, []).append(entity.id)
    queues = {kind: [*first, *(i for i, k in rows if k == kind and i not in first)] for kind, first in wanted.items()}
    sequence = [queues[kind].pop(0) if kind in queues else entity_id for entity_id, kind in rows]
    return linking.place_entities(session, story_id, {entity_id: place for place, entity_id in enumerate(sequence)})


def _replace_tags(session: Session, story_id: int, paths: Sequence[str], created: list[int]) -> set[int]:
    """Make the story's tags exactly ``paths``; ids of tags gained or lost."""
    wanted = {tagging.ensure_path(session, path, created).id for path in paths}
    current = set(session.scalars(select(StoryTag.tag_id).where(StoryTag.story_id == story_id)))
    for tag_id in wanted - current:
        linking.add_links(session, StoryTag, "tag_id", tag_id, [story_id])
    for tag_id in current - wanted:
        linking.remove_links(session, StoryTag, "tag_id", tag_id, [story_id])
    return wanted ^ current


def delete_stories(library: Library, story_ids: Iterable[int]) -> ChangeSet:
    """Delete stories (each leaves a tombstone); all or nothing."""
    with library.write() as session:
        ids = lookups.existing_story_ids(session, story_ids)
        for chunk in lookups.chunks(ids):
            rows = session.execute(
                select(Story.id, Story.title, Story.summary, Story.body, Story.source, Story.uuid).where(
                    Story.id.in_(chunk)
                )
            ).all()
            search_index.remove(session, search_index.docs([row[:5] for row in rows]))
            tombstones.bury(session, "story", [row.uuid for row in rows])
            session.execute(delete(Story).where(Story.id.in_(chunk)), execution_options={"synchronize_session": False})
        session.expunge_all()
        return ChangeSet(stories_removed=frozenset(ids))
