"""A story's history (kept by ``store.history``) and going back to an
earlier revision of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import STORY_TEXT_FIELDS, ChangeSet
from ngodesk.services import stories
from ngodesk.steps import linking, lookups
from ngodesk.store.library import Library
from ngodesk.store.schema import Entity, Story, StoryChange, StoryEntity, StoryTag, Tag


@dataclass(frozen=True)
class Change:
    """One change: a field's old and new value, or a tag or record
    (``field`` "tag", "organisation", "person", "place"; ``ref`` its uuid)
    linked (``new`` its name) or unlinked (``old`` its name)."""

    uuid: str
    field: str
    old: str | None
    new: str | None
    ref: str | None
    at: datetime
    who: str
    revision: int

    @property
    def linked(self) -> bool:
        """True for a tag or record linked or unlinked (not a field)."""
        return self.field not in STORY_TEXT_FIELDS


def _view(row: StoryChange) -> Change:
    at = datetime.fromisoformat(row.at).replace(tzinfo=UTC)
    return Change(row.uuid, row.field, row.old, row.new, row.ref, at, row.who, row.revision)


def changes(library: Library, story_id: int) -> list[Change]:
    """The story's changes, oldest first (by time: the other library's
    history that a merge brings arrives after this library's own)."""
    with library.read() as session:
        story = lookups.get(session, Story, story_id, "story")
        rows = session.scalars(
            select(StoryChange).where(StoryChange.story_uuid == story.uuid).order_by(StoryChange.at, StoryChange.id)
        ).all()
        return [_view(row) for row in rows]


def revert(library: Library, story_id: int, revision: int) -> ChangeSet:
    """Make the story as it was at ``revision``: fields changed since get
    the value they had, tags and records linked since are unlinked, those
    unlinked since linked again (unless they no longer exist), in one
    transaction (itself recorded in the history). Attachments stay as
    they are."""
    with library.write() as session:
        story = lookups.get(session, Story, story_id, "story")
        if not 1 <= revision <= story.revision:
            raise ValidationError(
                translate("Messages", "The story has revisions 1 to {revision}, not {revision2}.").format(
                    revision=story.revision, revision2=revision
                )
            )
        later = [c for c in changes(library, story_id) if c.revision > revision]
        values: dict[str, object] = {}
        for change in later:  # (the oldest later change holds the value it had)
            if not change.linked:
                values.setdefault(change.field, change.old or "")
        relinked = _relink(session, story_id, later)  # (first: the edit's revision bump follows)
        edited = stories.edit_story(library, story_id, values) if values else ChangeSet()
        if edited.empty and not relinked.empty:
            linking.touch_stories(session, [story_id])
        return edited | relinked


def _relink(session: Session, story_id: int, later: Sequence[Change]) -> ChangeSet:
    """Take back the links made or removed by ``later`` (newest first)."""
    tags_touched: set[int] = set()
    entities_touched: set[int] = set()
    for change in reversed([c for c in later if c.linked and c.ref and c.field != "attachment"]):
        model, key, target = (StoryTag, "tag_id", Tag) if change.field == "tag" else (StoryEntity, "entity_id", Entity)
        target_id = session.scalar(select(target.id).where(target.uuid == change.ref))
        if target_id is None:
            continue  # (deleted since)
        undo = linking.remove_links if change.new is not None else linking.add_links
        if undo(session, model, key, target_id, [story_id]):
            (tags_touched if model is StoryTag else entities_touched).add(target_id)
    if not tags_touched and not entities_touched:
        return ChangeSet()
    return ChangeSet(
        stories_changed=frozenset({story_id}),
        tags_changed=frozenset(tags_touched),
        entities_changed=frozenset(entities_touched),
    )
