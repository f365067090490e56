"""Translations of story fields: per story, field (title, summary, body) and
language, a text with a status (draft, reviewed) and its translator.
Clearing a translation's text makes the field untranslated again."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import TRANSLATED_FIELDS, ChangeSet, Translation, TranslationStatus
from ngodesk.domain.text import read_language, require_encodable
from ngodesk.services import fields
from ngodesk.steps import lookups, tombstones
from ngodesk.store.library import Library
from ngodesk.store.schema import Story, StoryTranslation

#: Languages offered for translation, besides any other language code.
LANGUAGES = ("en", "zh-Hans", "zh-Hant")


def checked(translation: Translation) -> Translation:
    """``translation`` with its text trimmed and its language a BCP 47 tag
    (zh_CN: zh-Hans; ``domain.text.read_language``); ValidationError
    naming what is wrong (the field, the language, the status)."""
    if translation.field not in TRANSLATED_FIELDS:
        raise ValidationError(
            translate("Messages", "'{field}' has no translations; fields that do: {fields}").format(
                field=translation.field, fields=", ".join(TRANSLATED_FIELDS)
            )
        )
    reading = read_language(translation.language)
    if not reading.tag or reading.several:
        raise ValidationError(
            translate("Messages", "'{language}' is not a language code such as en, zh-Hans or zh-Hant").format(
                language=translation.language
            )
        )
    status = TranslationStatus(translation.status)
    if status is TranslationStatus.UNTRANSLATED:
        raise ValidationError(
            translate("Messages", "a translation is a draft or reviewed (clear its text to make it untranslated)")
        )
    text = fields.plain_text(translation.field, translation.text).strip()
    if translation.field == "title":
        text = " ".join(text.split())
    translator = require_encodable(translation.translator, "translator").strip()
    return Translation(translation.field, reading.tag, text, status, translator)


def view(row: StoryTranslation) -> Translation:
    """A stored translation as a value."""
    return Translation(
        row.field,
        row.language,
        row.text,
        TranslationStatus(row.status),
        row.translator,
        row.uuid,
        row.created_at,
        row.updated_at,
        row.revision,
    )


def of_stories(session: Session, story_ids: list[int]) -> dict[int, list[Translation]]:
    """The translations of stories, by story id, ordered by field and language."""
    found: dict[int, list[Translation]] = {}
    for chunk in lookups.chunks(story_ids):
        rows = session.scalars(select(StoryTranslation).where(StoryTranslation.story_id.in_(chunk)))
        for row in rows:
            found.setdefault(row.story_id, []).append(view(row))
    for translations in found.values():
        translations.sort(key=lambda t: (TRANSLATED_FIELDS.index(t.field), t.language))
    return found


def put(
    session: Session, story_id: int, translation: Translation, keep_identity: bool = False, replace: bool = True
) -> bool:
    """Store ``translation`` of a story in the caller's transaction (empty
    text: remove it); True when something changed. ``keep_identity`` keeps
    a given uuid, times and revision (imports of ngodesk's own JSON);
    without ``replace`` a translation already there is left as it is."""
    clean = checked(translation)
    row = session.scalars(
        select(StoryTranslation).where(
            StoryTranslation.story_id == story_id,
            StoryTranslation.field == clean.field,
            StoryTranslation.language == clean.language,
        )
    ).first()
    if row is not None and not replace:
        return False
    if not clean.text:
        if row is None:
            return False
        tombstones.bury(session, "translation", [row.uuid])
        session.delete(row)
        return True
    if row is None:
        identity = {}
        taken = keep_identity and session.scalar(  # (a story imported twice on purpose gets new uuids)
            select(StoryTranslation.id).where(StoryTranslation.uuid == translation.uuid)
        )
        if keep_identity and translation.uuid and not taken:
            given = (
                ("uuid", translation.uuid),
                ("created_at", translation.created_at),
                ("updated_at", translation.updated_at),
                ("revision", translation.revision),
            )
            identity = {key: value for key, value in given if value}
            tombstones.unbury(session, [translation.uuid])
        session.add(
            StoryTranslation(
                story_id=story_id,
                field=clean.field,
                language=clean.language,
                text=clean.text,
                status=clean.status.value,
                translator=clean.translator,
                **identity,
            )
        )
        return True
    if (row.text, row.status, row.translator) == (clean.text, clean.status.value, clean.translator):
        return False
    row.text, row.status, row.translator = clean.text, clean.status.value, clean.translator
    row.touch()
    return True


def set_translations(library: Library, story_id: int, translations: Iterable[Translation]) -> ChangeSet:
    """Set translations of one story (one transaction; see ``put``)."""
    with library.write() as session:
        lookups.get(session, Story, story_id, "story")
        changed = [put(session, story_id, translation) for translation in translations]
        if not any(changed):
            return ChangeSet()
        from ngodesk.services import annotating  # (its formats cost every reading command ~0.03 s)

        annotating.follow(session, [story_id])  # (annotations of a translation move with its text)
        return ChangeSet(stories_changed=frozenset({story_id}))
