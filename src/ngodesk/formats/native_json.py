"""Reading ngodesk's own JSON (``formats.writers.native_json``) back,
losslessly: stories keep their uuids, status, times and revision; tags
their uuids, places in the tree and colours; authority records their
uuids, alternative names and notes. A story whose uuid the library already
has is a duplicate (see ``services.duplicates``).

Every value is checked; a story that cannot be read is reported by its
number and uuid, the others come in.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TypeVar

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import (
    AltName,
    EntityKind,
    EntityRecord,
    Provenance,
    RecordProblem,
    StoryRecord,
    StoryStatus,
    TagRecord,
    Translation,
    TranslationStatus,
)
from ngodesk.domain.text import require_encodable
from ngodesk.formats import NO_OPTIONS, ImportOptions, ParseResult
from ngodesk.formats.nesting import load_json
from ngodesk.formats.writers.native_json import FORMAT, VERSION

NAME = "json"
TITLE = "ngodesk JSON"
EXTENSIONS = (".json",)

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
Read = TypeVar("Read")


def sniff(text: str) -> bool:
    """True when the document says it is ngodesk's own format."""
    return text.lstrip()[:1] == "{" and f'"format": "{FORMAT}"' in text[:200]


class _Bad(ValueError):
    """A value that is not what the format allows (the message says which)."""


def _text(item: dict[str, object], key: str) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        raise _Bad(
            translate("Messages", "{key}: expected text, found {dumps}").format(
                key=key, dumps=json.dumps(value, ensure_ascii=False)[:40]
            )
        )
    return _storable(value, key)


def _texts(item: dict[str, object], key: str) -> tuple[str, ...]:
    values = item.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise _Bad(translate("Messages", "{key}: expected a list of texts").format(key=key))
    return tuple(_storable(value, key) for value in values)


def _storable(value: str, key: str) -> str:
    """``value``, unless it holds what no text can (a lone surrogate, as an
    escape like ``\\udcff`` gives)."""
    try:
        return require_encodable(value, key)
    except ValidationError as error:
        raise _Bad(str(error)) from None


def _uuid(item: dict[str, object]) -> str:
    value = _text(item, "uuid")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise _Bad(translate("Messages", "uuid: '{value}' is not a uuid").format(value=value)) from None


def _time(item: dict[str, object], key: str) -> datetime:
    try:
        moment = datetime.fromisoformat(_text(item, key))
    except ValueError:
        raise _Bad(
            translate("Messages", "{key}: '{get}' is not a date and time").format(key=key, get=item.get(key))
        ) from None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment  # stored as naive UTC


def _tag(item: object) -> TagRecord:
    if not isinstance(item, dict):
        raise _Bad(translate("Messages", "expected an object"))
    colour = _text(item, "colour")
    related = tuple(_uuid({"uuid": value}) for value in _texts(item, "related"))
    return TagRecord(
        _uuid(item),
        _text(item, "path"),
        colour if _COLOUR.match(colour) else "",
        _texts(item, "synonyms"),
        related,
        _text(item, "scope_note"),
    )


def _entity(item: object) -> EntityRecord:
    if not isinstance(item, dict):
        raise _Bad(translate("Messages", "expected an object"))
    try:
        kind = EntityKind(_text(item, "kind"))
    except ValueError:
        raise _Bad(
            translate("Messages", "kind: '{get}' is not organisation, person or place").format(get=item.get("kind"))
        ) from None
    names = item.get("alt_names", [])
    if not isinstance(names, list) or not all(isinstance(n, dict) for n in names):
        raise _Bad(translate("Messages", "alt_names: expected a list of objects"))
    alt = tuple(AltName(_text(n, "name"), _text(n, "language"), n.get("preferred") is True) for n in names)
    details = {key: _text(item, key) for key in ("type", "country", "external_id")}
    see_also = tuple(_uuid({"uuid": value}) for value in _texts(item, "see_also"))
    return EntityRecord(_uuid(item), kind, _text(item, "name"), alt, _text(item, "note"), **details, see_also=see_also)


def _story(item: object, position: str, entities: dict[str, EntityRecord]) -> StoryRecord:
    if not isinstance(item, dict):
        raise _Bad(translate("Messages", "expected an object"))
    extra = item.get("extra", {})
    if not isinstance(extra, dict):
        raise _Bad(translate("Messages", "extra: expected an object"))
    try:
        status = StoryStatus(_text(item, "status") or "draft")
    except ValueError:
        raise _Bad(
            translate("Messages", "status: '{get}' is not draft, catalogued or reviewed").format(get=item.get("status"))
        ) from None
    revision = _revision(item)
    translations = item.get("translations", [])
    if not isinstance(translations, list):
        raise _Bad(translate("Messages", "translations: expected a list"))
    linked = _texts(item, "entities")
    unknown = [uuid for uuid in linked if uuid not in entities]
    if unknown:
        raise _Bad(
            translate("Messages", "entities: {join} not among the file's records").format(join=", ".join(unknown))
        )
    names = {kind: tuple(entities[u].name for u in linked if entities[u].kind is kind) for kind in EntityKind}
    return StoryRecord(
        title=_text(item, "title"),
        position=position,
        summary=_text(item, "summary"),
        body=_text(item, "body"),
        url=_text(item, "url"),
        source=_text(item, "source"),
        published=_text(item, "published"),
        language=_text(item, "language"),
        tags=_texts(item, "tags"),
        people=names[EntityKind.PERSON],
        organisations=names[EntityKind.ORGANISATION],
        places=names[EntityKind.PLACE],
        extra=extra,
        provenance=Provenance(
            _uuid(item), status, _time(item, "created_at"), _time(item, "updated_at"), revision, linked
        ),
        translations=tuple(_translation(t) for t in translations),
    )


def _revision(item: dict[str, object]) -> int:
    revision = item.get("revision", 1)
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        raise _Bad(
            translate("Messages", "revision: '{revision}' is not a positive whole number").format(revision=revision)
        )
    return revision


def _translation(item: object) -> Translation:
    if not isinstance(item, dict):
        raise _Bad(translate("Messages", "translations: expected objects"))
    try:
        status = TranslationStatus(_text(item, "status") or "draft")
    except ValueError:
        raise _Bad(
            translate("Messages", "translations: status '{get}' is not draft or reviewed").format(
                get=item.get("status")
            )
        ) from None
    return Translation(
        _text(item, "field"),
        _text(item, "language"),
        _text(item, "text"),
        status,
        _text(item, "translator"),
        _uuid(item),
        _time(item, "created_at"),
        _time(item, "updated_at"),
        _revision(item),
    )


def _each(
    items: list[object], read: Callable[[object], Read], place: str, problems: list[RecordProblem]
) -> Iterator[Read]:
    """What ``read`` makes of each of ``items``; the unreadable ones as
    problems at ``place`` (which takes their ``{number}``)."""
    for number, item in enumerate(items, 1):
        try:
            yield read(item)
        except _Bad as error:
            problems.append(RecordProblem(place.format(number=number), str(error)))


def parse(text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
    """The file's stories, with its tags and records in ``tags`` and
    ``entities`` (created before the stories)."""
    result = ParseResult()
    try:
        document = load_json(text)
    except ValueError as error:
        result.problems.append(
            RecordProblem(
                translate("Messages", "the file"),
                translate("Messages", "not readable JSON: {error}").format(error=error),
            )
        )
        return result
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        result.problems.append(
            RecordProblem(
                translate("Messages", "the file"),
                translate("Messages", 'not an ngodesk library file (no "format": "{format}")').format(format=FORMAT),
            )
        )
        return result
    if not isinstance(document.get("version"), int) or document["version"] > VERSION:
        result.problems.append(
            RecordProblem(
                translate("Messages", "the file"),
                translate("Messages", "written by a newer ngodesk (format version {version})").format(
                    version=document.get("version")
                ),
            )
        )
        return result
    wrong = [key for key in ("tags", "entities", "stories") if not isinstance(document.get(key, []), list)]
    if wrong:
        result.problems.append(
            RecordProblem(
                translate("Messages", "the file"),
                translate("Messages", "{keys}: expected a list").format(keys=", ".join(wrong)),
            )
        )
        return result
    result.tags.extend(_each(document.get("tags", []), _tag, translate("Messages", "tags {number}"), result.problems))
    result.entities.extend(
        _each(document.get("entities", []), _entity, translate("Messages", "entities {number}"), result.problems)
    )
    entities = {entity.uuid: entity for entity in result.entities}
    for number, item in enumerate(document.get("stories", []), 1):
        given = item.get("uuid") if isinstance(item, dict) else None
        position = (
            translate("Messages", "story {number} ({uuid})").format(number=number, uuid=given)
            if isinstance(given, str) and given
            else translate("Messages", "story {number}").format(number=number)
        )
        try:
            result.records.append(_story(item, position, entities))
        except _Bad as error:
            result.problems.append(RecordProblem(position, str(error)))
    return result
