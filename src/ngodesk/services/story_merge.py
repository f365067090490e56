"""Merging two stories that are one (a duplicate pair) into the survivor.

The user picks, field by field, which story's value to keep; everything
else either story has is kept: tags, linked records, translations,
annotations (re-anchored in the merged text, or shown orphaned), places in
manual collections and rejected suggestions. The merged-away story leaves
a tombstone whose ``replaced_by`` names the survivor, so its uuid (in a
link, an old export, a field copy) still leads to the survivor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import SQLColumnExpression, select, update
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Conflict, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import STORY_TEXT_FIELDS, TRANSLATED_FIELDS, ChangeSet
from ngodesk.services import annotating, stories
from ngodesk.steps import linking, lookups, tombstones
from ngodesk.store.library import Library
from ngodesk.store.schema import (
    Annotation,
    CollectionStory,
    RejectedSuggestion,
    Story,
    StoryEntity,
    StoryTag,
    StoryTranslation,
)

#: The fields a merge picks between, in the order they are shown.
#: Fields whose translations and annotations belong to their text.


@dataclass(frozen=True)
class Side:
    """One story of a pair as the merge dialog shows it."""

    id: int
    uuid: str
    values: dict[str, str]
    tags: int
    records: int
    translations: int
    annotations: int


def _count(session: Session, story_key: SQLColumnExpression[int], story_id: int) -> int:
    return len(session.scalars(select(story_key).where(story_key == story_id)).all())


def sides(library: Library, first_id: int, second_id: int) -> tuple[Side, Side]:
    """Both stories' field values and how much else each has."""
    with library.read() as session:
        found = []
        for story_id in (first_id, second_id):
            story = lookups.get(session, Story, story_id, "story")
            values = {name: _text(getattr(story, name)) for name in STORY_TEXT_FIELDS}
            found.append(
                Side(
                    story.id,
                    story.uuid,
                    values,
                    _count(session, StoryTag.story_id, story_id),
                    _count(session, StoryEntity.story_id, story_id),
                    _count(session, StoryTranslation.story_id, story_id),
                    _count(session, Annotation.story_id, story_id),
                )
            )
        return found[0], found[1]


def merge(library: Library, keep_id: int, other_id: int, from_other: Iterable[str] = ()) -> ChangeSet:
    """Merge story ``other_id`` into ``keep_id`` in one transaction: the
    fields named in ``from_other`` take the other's value, the rest keep
    the survivor's; the other story is then deleted (tombstone redirecting
    to the survivor). Of two translations of one text into one language,
    the one of the text kept stays."""
    taken = list(dict.fromkeys(from_other))
    if unknown := [name for name in taken if name not in STORY_TEXT_FIELDS]:
        raise ValidationError(
            translate("Messages", "'{unknown}' is not a field a merge can take; fields are: {join}").format(
                unknown=unknown[0], join=", ".join(STORY_TEXT_FIELDS)
            )
        )
    if keep_id == other_id:
        raise Conflict(translate("Messages", "A story cannot be merged into itself."))
    with library.write() as session:
        keep = lookups.get(session, Story, keep_id, "story")
        other = lookups.get(session, Story, other_id, "story")
        keep_uuid, other_uuid = keep.uuid, other.uuid
        values = {name: getattr(other, name) for name in taken}
        for model, key in ((StoryTag, "tag_id"), (StoryEntity, "entity_id")):
            order = (StoryEntity.position,) if model is StoryEntity else ()  # (its authors after ours, in order)
            linked = select(getattr(model, key)).where(model.story_id == other_id).order_by(*order, getattr(model, key))
            for target in session.scalars(linked).all():
                linking.add_links(session, model, key, target, [keep_id])
        _move_translations(session, keep_id, other_id, [name for name in taken if name in TRANSLATED_FIELDS])
        session.execute(
            update(Annotation).where(Annotation.story_id == other_id).values(story_id=keep_id),
            execution_options={"synchronize_session": False},
        )
        _move_memberships(session, keep_id, other_id)
        tags_touched = set(session.scalars(select(StoryTag.tag_id).where(StoryTag.story_id == other_id)))
        changes = stories.delete_stories(library, [other_id])
        tombstones.bury(session, "story", [other_uuid], replaced_by=keep_uuid)
        changes |= stories.edit_story(library, keep_id, {k: _text(v) for k, v in values.items()})
        annotating.follow(session, [keep_id])
        linking.touch_stories(session, [keep_id])
        return changes | ChangeSet(stories_changed=frozenset({keep_id}), tags_changed=frozenset(tags_touched))


def _text(value: object) -> str:
    """A column value as ``fields.clean`` takes it (the status enum too)."""
    return str(getattr(value, "value", value) or "")


def _move_translations(session: Session, keep_id: int, other_id: int, texts_taken: list[str]) -> None:
    """The other story's translations the survivor lacks move to it; for a
    text taken from the other story, its translations replace the
    survivor's."""
    have = {
        (row.field, row.language): row.id
        for row in session.execute(
            select(StoryTranslation.id, StoryTranslation.field, StoryTranslation.language).where(
                StoryTranslation.story_id == keep_id
            )
        )
    }
    theirs = session.execute(
        select(StoryTranslation.id, StoryTranslation.field, StoryTranslation.language).where(
            StoryTranslation.story_id == other_id
        )
    ).all()
    for row in theirs:
        mine = have.get((row.field, row.language))
        if mine is not None and row.field not in texts_taken:
            continue  # (goes with the other story)
        if mine is not None:
            dropped = session.get(StoryTranslation, mine)
            assert dropped is not None  # (its id was read in this transaction)
            tombstones.bury(session, "translation", [dropped.uuid])
            session.delete(dropped)
            session.flush()
        session.execute(
            update(StoryTranslation).where(StoryTranslation.id == row.id).values(story_id=keep_id),
            execution_options={"synchronize_session": False},
        )


def _move_memberships(session: Session, keep_id: int, other_id: int) -> None:
    """The survivor joins the manual collections the other story was in
    (at its place) and keeps its rejected suggestions."""
    in_already = set(session.scalars(select(CollectionStory.collection_id).where(CollectionStory.story_id == keep_id)))
    session.execute(
        update(CollectionStory)
        .where(CollectionStory.story_id == other_id, CollectionStory.collection_id.not_in(in_already))
        .values(story_id=keep_id),
        execution_options={"synchronize_session": False},
    )
    rejected = set(session.scalars(select(RejectedSuggestion.entity_id).where(RejectedSuggestion.story_id == keep_id)))
    session.execute(
        update(RejectedSuggestion)
        .where(RejectedSuggestion.story_id == other_id, RejectedSuggestion.entity_id.not_in(rejected))
        .values(story_id=keep_id),
        execution_options={"synchronize_session": False},
    )
