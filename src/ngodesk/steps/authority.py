"""Authority records (organisations, people, places) inside a service's
transaction: names and notes cleaned, records found by any of their names
or made, their names, details and "see also" links written."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import AltName, EntityKind, EntityRecord
from ngodesk.domain.text import one_line, require_encodable
from ngodesk.search.text import fold, guess_language
from ngodesk.steps import linking, lookups
from ngodesk.store.schema import Entity, EntityName, EntitySeeAlso


def kind_of(kind: str | EntityKind) -> EntityKind:
    try:
        return EntityKind(kind)
    except ValueError:
        allowed = ", ".join(k.value for k in EntityKind)
        raise ValidationError(
            translate("Messages", "'{kind}' is not a kind of record; kinds are: {allowed}").format(
                kind=kind, allowed=allowed
            )
        ) from None


#: Longest name of a record: the longest names of organisations run to
#: some 100 characters (中国国际民间组织合作促进会, or in English).
NAME_MAX = 500
#: Longest note on a record (a page or two of text).
NOTE_MAX = 20_000


def clean_name(name: str) -> str:
    """A record's name with its spaces collapsed; ValidationError when it
    is empty, longer than ``NAME_MAX`` or not storable text."""
    cleaned = spaced(name, "Record name")
    if not cleaned:
        raise ValidationError(translate("Messages", "A record needs a name."))
    return cleaned


def spaced(name: str, what: str) -> str:
    """``name`` with its spaces collapsed (may be empty), or ValidationError."""
    text = require_encodable(str(name), what)
    if len(text) > 4 * NAME_MAX or len(cleaned := one_line(text)) > NAME_MAX:
        raise ValidationError(
            translate("Messages", "{what} '{start}…' is longer than {limit} characters.").format(
                what=what, start=" ".join(text[:40].split()), limit=NAME_MAX
            )
        )
    return cleaned


def clean_note(note: str) -> str:
    text = require_encodable(str(note), "note").strip()
    if len(text) > NOTE_MAX:
        raise ValidationError(
            translate("Messages", "A record's note is longer than {limit:,} characters.").format(limit=NOTE_MAX)
        )
    return text


def name_rows(preferred: str, names: Iterable[str | AltName]) -> list[EntityName]:
    """Rows for the alternative names: cleaned, without repeats of each other
    or of the preferred name (ignoring case; other scripts are kept, e.g. a
    traditional form); a name without a language gets a guessed one.
    ValidationError for two preferred names in one language."""
    seen = {preferred.casefold()}
    rows = []
    preferred_in: dict[str, str] = {}
    for given in names:
        alt = given if isinstance(given, AltName) else AltName(str(given))
        cleaned = spaced(alt.name, "Record name")
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            language = require_encodable(alt.language, "language").strip() or guess_language(cleaned)
            if alt.preferred and language in preferred_in:
                raise ValidationError(
                    translate(
                        "Messages", "'{preferred_in}' and '{cleaned}' cannot both be the preferred name in {language}."
                    ).format(preferred_in=preferred_in[language], cleaned=cleaned, language=language)
                )
            if alt.preferred:
                preferred_in[language] = cleaned
            rows.append(EntityName(name=cleaned, name_key=fold(cleaned), language=language, preferred=alt.preferred))
    return rows


def first_ids(session: Session, kind: EntityKind, keys: Iterable[str]) -> dict[str, int]:
    """Per folded name, the first made record of ``kind`` whose preferred or
    alternative name folds to it (names without one are left out)."""
    first: dict[str, int] = {}
    for chunk in lookups.chunks(sorted(set(keys))):
        # Two indexed lookups; one OR over both would scan every record of the kind.
        matching = union(
            select(Entity.id, Entity.name_key).where(Entity.kind == kind.value, Entity.name_key.in_(chunk)),
            select(EntityName.entity_id, EntityName.name_key)
            .join(Entity)
            .where(Entity.kind == kind.value, EntityName.name_key.in_(chunk)),
        )
        for entity_id, key in session.execute(matching):
            first[key] = min(entity_id, first.get(key, entity_id))
    return first


def find(session: Session, kind: str | EntityKind, name: str) -> Entity | None:
    """The record of ``kind`` whose preferred or alternative name folds to
    ``name``'s (the first made, if several)."""
    key = fold(require_encodable(name, "Record name"))
    found = first_ids(session, kind_of(kind), [key]).get(key)
    return session.get(Entity, found) if found is not None else None


def ensure_all(
    session: Session, names: Iterable[tuple[EntityKind, str]], created: list[int] | None = None
) -> dict[tuple[EntityKind, str], int]:
    """Record ids for (kind, name) pairs: the record ``find`` finds, else a
    new one, made once for names that fold alike (ids go to ``created``).
    ValidationError for a name no record can have."""
    wanted: dict[tuple[EntityKind, str], str] = {}
    for kind, name in names:
        clean_name(name)  # (checked before any lookup: a name SQLite cannot take fails here)
        wanted[(kind, name)] = fold(name)
    ids: dict[tuple[EntityKind, str], int] = {}
    for kind in {kind for kind, _ in wanted}:
        found = first_ids(session, kind, (key for (k, _), key in wanted.items() if k == kind))
        ids.update({(kind, key): entity_id for key, entity_id in found.items()})
    new: dict[tuple[EntityKind, str], Entity] = {}
    for (kind, name), key in wanted.items():
        if (kind, key) not in ids and (kind, key) not in new:
            cleaned = clean_name(name)
            new[(kind, key)] = Entity(kind=kind.value, name=cleaned, name_key=key, note="")
    if new:
        session.add_all(new.values())
        session.flush()
        ids.update({kind_key: entity.id for kind_key, entity in new.items()})
        if created is not None:
            created += [entity.id for entity in new.values()]
    return {(kind, name): ids[(kind, key)] for (kind, name), key in wanted.items()}


def ensure(session: Session, kind: str | EntityKind, name: str, created: list[int] | None = None) -> Entity:
    """The record found by ``find`` or a new one (its id goes to ``created``)."""
    kind = kind_of(kind)
    entity = session.get(Entity, ensure_all(session, [(kind, name)], created)[(kind, name)])
    assert entity is not None  # (found or made in this session)
    return entity


def ensure_record(session: Session, record: EntityRecord, created: list[int]) -> Entity:
    """The record with ``record.uuid``, else a new one with its uuid, names,
    note and details (id to ``created``): never another record that shares
    its name (two people may be called 王芳)."""
    entity = session.scalar(select(Entity).where(Entity.uuid == record.uuid))
    if entity is None:
        name = clean_name(record.name)
        entity = Entity(
            uuid=record.uuid, kind=record.kind.value, name=name, name_key=fold(name), note=clean_note(record.note)
        )
        entity.alt_names = name_rows(name, record.alt_names)
        set_details(entity, {key: getattr(record, key) for key in DETAILS})
        session.add(entity)
        session.flush()
        created.append(entity.id)
    return entity


#: What ``create_entity`` and ``update_entity`` set besides names and note.
DETAILS = ("type", "country", "external_id")


def set_details(entity: Entity, details: dict[str, str]) -> None:
    for key, value in details.items():
        if key not in DETAILS:
            raise ValidationError(
                translate("Messages", "'{key}' is not a detail of a record; details are: {join}").format(
                    key=key, join=", ".join(DETAILS)
                )
            )
        setattr(entity, key, " ".join(require_encodable(str(value), key).split()))


def set_see_also(session: Session, entity_id: int, wanted: Sequence[int]) -> set[int]:
    """Make ``wanted`` the record's "see also" records; the ids of the
    records whose pairs changed."""
    pairs = session.execute(
        select(EntitySeeAlso.entity_id, EntitySeeAlso.other_id).where(
            (EntitySeeAlso.entity_id == entity_id) | (EntitySeeAlso.other_id == entity_id)
        )
    ).all()
    current = {low if high == entity_id else high for low, high in pairs}
    changed = set()
    for other in set(wanted) ^ current:
        lookups.get(session, Entity, other, "record")
        if linking.set_pair(session, EntitySeeAlso, ("entity_id", "other_id"), entity_id, other, other in wanted):
            changed.add(other)
    return changed


def add_see_also(session: Session, records_given: Sequence[EntityRecord]) -> None:
    """The "see also" links ngodesk's own JSON gives, between records that
    are in the library (by uuid)."""
    wanted = sorted({uuid for record in records_given for uuid in (record.uuid, *record.see_also) if record.see_also})
    by_uuid = {
        uuid: entity_id
        for chunk in lookups.chunks(wanted)
        for uuid, entity_id in session.execute(select(Entity.uuid, Entity.id).where(Entity.uuid.in_(chunk)))
    }
    for record in records_given:
        for uuid in record.see_also:
            if (first := by_uuid.get(record.uuid)) and (second := by_uuid.get(uuid)):
                linking.set_pair(session, EntitySeeAlso, ("entity_id", "other_id"), first, second)
