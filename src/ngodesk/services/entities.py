"""Authority records (organisations, people, places) and their links to
stories."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import literal, select, union
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import AltName, ChangeSet, Created, EntityKind, EntityRecord
from ngodesk.domain.text import one_line, require_encodable
from ngodesk.search.names import RecordNames, display_name
from ngodesk.search.text import fold, guess_language
from ngodesk.steps import linking, lookups, tombstones
from ngodesk.store.library import Library
from ngodesk.store.schema import Entity, EntityName, EntitySeeAlso, RejectedSuggestion, StoryEntity


@dataclass(frozen=True)
class RecordFields:
    """Everything the user edits of a record, as the record form gives it;
    ``see_also`` are record ids."""

    name: str
    alt_names: tuple[AltName, ...] = ()
    note: str = ""
    type: str = ""
    country: str = ""
    external_id: str = ""
    see_also: tuple[int, ...] = ()


def set_fields(library: Library, entity_id: int, given: RecordFields) -> ChangeSet:
    """Make the record exactly ``given`` (see ``update_entity``)."""
    return update_entity(
        library,
        entity_id,
        name=given.name,
        alt_names=given.alt_names,
        note=given.note,
        see_also=given.see_also,
        type=given.type,
        country=given.country,
        external_id=given.external_id,
    )


def _kind(kind: str | EntityKind) -> EntityKind:
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
    cleaned = _spaced(name, "Record name")
    if not cleaned:
        raise ValidationError(translate("Messages", "A record needs a name."))
    return cleaned


def _spaced(name: str, what: str) -> str:
    """``name`` with its spaces collapsed (may be empty), or ValidationError."""
    text = require_encodable(str(name), what)
    if len(text) > 4 * NAME_MAX or len(cleaned := one_line(text)) > NAME_MAX:
        raise ValidationError(
            translate("Messages", "{what} '{start}…' is longer than {limit} characters.").format(
                what=what, start=" ".join(text[:40].split()), limit=NAME_MAX
            )
        )
    return cleaned


def _note(note: str) -> str:
    text = require_encodable(str(note), "note").strip()
    if len(text) > NOTE_MAX:
        raise ValidationError(
            translate("Messages", "A record's note is longer than {limit:,} characters.").format(limit=NOTE_MAX)
        )
    return text


def _alt_names(preferred: str, names: Iterable[str | AltName]) -> list[EntityName]:
    """Rows for the alternative names: cleaned, without repeats of each other
    or of the preferred name (ignoring case; other scripts are kept, e.g. a
    traditional form); a name without a language gets a guessed one.
    ValidationError for two preferred names in one language."""
    seen = {preferred.casefold()}
    rows = []
    preferred_in: dict[str, str] = {}
    for given in names:
        alt = given if isinstance(given, AltName) else AltName(str(given))
        cleaned = _spaced(alt.name, "Record name")
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


def _first_ids(session: Session, kind: EntityKind, keys: Iterable[str]) -> dict[str, int]:
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
    found = _first_ids(session, _kind(kind), [key]).get(key)
    return session.get(Entity, found) if found is not None else None


def names_of(
    library: Library, kind: str | EntityKind | None = None, ids: Iterable[int] | None = None
) -> list[RecordNames]:
    """Every name of the records of ``kind`` (None: all kinds), or of those
    of ``ids`` that exist, for finding and naming them (``search.names``)."""
    names = select(Entity.id, Entity.name)
    others = select(EntityName.entity_id, EntityName.name, EntityName.language, EntityName.preferred).join(Entity)
    if kind is not None:
        names = names.where(Entity.kind == _kind(kind).value)
        others = others.where(Entity.kind == _kind(kind).value)
    others = others.order_by(EntityName.id)
    with library.read() as session:
        if ids is None:
            found = dict(session.execute(names).all())  # (.all(): dict() reads a Result by keys())
            rows = list(session.execute(others))
        else:
            found, rows = {}, []
            for chunk in lookups.chunks(sorted(set(ids))):
                found.update(session.execute(names.where(Entity.id.in_(chunk))).all())
                rows += session.execute(others.where(Entity.id.in_(chunk)))
    alternatives: dict[int, list[AltName]] = {entity_id: [] for entity_id in found}
    for entity_id, name, language, preferred in rows:
        alternatives[entity_id].append(AltName(name, language, preferred))
    return [RecordNames(i, name, tuple(alternatives[i])) for i, name in found.items()]


def labels(library: Library, ids: Iterable[int], language: str) -> dict[int, str]:
    """The names readers of ``language`` see of the records ``ids`` (those
    that exist; see ``search.names.display_name``)."""
    return {r.id: display_name(r.name, r.alt_names, language) for r in names_of(library, ids=ids)}


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
        found = _first_ids(session, kind, (key for (k, _), key in wanted.items() if k == kind))
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
    kind = _kind(kind)
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
            uuid=record.uuid, kind=record.kind.value, name=name, name_key=fold(name), note=_note(record.note)
        )
        entity.alt_names = _alt_names(name, record.alt_names)
        _set_details(entity, {key: getattr(record, key) for key in DETAILS})
        session.add(entity)
        session.flush()
        created.append(entity.id)
    return entity


#: What ``create_entity`` and ``update_entity`` set besides names and note.
DETAILS = ("type", "country", "external_id")


def create_entity(
    library: Library,
    kind: str | EntityKind,
    name: str,
    alt_names: Sequence[str | AltName] = (),
    note: str = "",
    **details: str,
) -> Created:
    """Create an authority record; ``details`` may give its type, country
    and external identifier (``DETAILS``)."""
    with library.write() as session:
        name = clean_name(name)
        entity = Entity(kind=_kind(kind).value, name=name, name_key=fold(name), note=_note(note))
        entity.alt_names = _alt_names(name, alt_names)
        _set_details(entity, details)
        session.add(entity)
        session.flush()
        return Created(entity.id, entity.uuid, ChangeSet(entities_added=frozenset({entity.id})))


def create_record(library: Library, kind: str | EntityKind, fields: RecordFields) -> Created:
    """A new record of ``kind`` holding all of ``fields``, in one transaction."""
    with library.write():
        created = create_entity(library, kind, fields.name)
        return Created(created.id, created.uuid, created.changes | set_fields(library, created.id, fields))


def _set_details(entity: Entity, details: dict[str, str]) -> None:
    for key, value in details.items():
        if key not in DETAILS:
            raise ValidationError(
                translate("Messages", "'{key}' is not a detail of a record; details are: {join}").format(
                    key=key, join=", ".join(DETAILS)
                )
            )
        setattr(entity, key, " ".join(require_encodable(str(value), key).split()))


def update_entity(
    library: Library,
    entity_id: int,
    *,
    name: str | None = None,
    alt_names: Sequence[str | AltName] | None = None,
    note: str | None = None,
    see_also: Sequence[int] | None = None,
    **details: str,
) -> ChangeSet:
    """Change a record's preferred name, alternative names, note, details
    or "see also" records (ids: exactly these afterwards)."""
    with library.write() as session:
        entity = lookups.get(session, Entity, entity_id, "record")
        touched = {entity_id}
        if see_also is not None:
            touched |= _set_see_also(session, entity_id, see_also)
        if name is not None:
            entity.name = clean_name(name)
            entity.name_key = fold(entity.name)
        if alt_names is not None:
            entity.alt_names = _alt_names(entity.name, alt_names)
        if note is not None:
            entity.note = _note(note)
        _set_details(entity, details)
        entity.touch()
        return ChangeSet(entities_changed=frozenset(touched))


def _set_see_also(session: Session, entity_id: int, wanted: Sequence[int]) -> set[int]:
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


def split_entity(
    library: Library, entity_id: int, name: str, alt_names: Sequence[str] = (), story_ids: Sequence[int] = ()
) -> Created:
    """Split a record in two: a new record of the same kind named ``name``
    (which may be one of the record's alternative names) takes the
    alternative names ``alt_names`` and the links of ``story_ids`` away from
    it, and the two records see each other ("see also")."""
    with library.write() as session:
        source = lookups.get(session, Entity, entity_id, "record")
        name = clean_name(name)
        if fold(name) == source.name_key:
            raise ValidationError(
                translate("Messages", "The new record needs a name other than '{name}'.").format(name=source.name)
            )
        taken = {fold(n) for n in alt_names}
        if missing := taken - {n.name_key for n in source.alt_names}:
            wrong = next(n for n in alt_names if fold(n) in missing)
            raise ValidationError(
                translate("Messages", "'{wrong}' is not an alternative name of '{name}'.").format(
                    wrong=wrong, name=source.name
                )
            )
        linked = set(session.scalars(select(StoryEntity.story_id).where(StoryEntity.entity_id == entity_id)))
        if unlinked := set(story_ids) - linked:
            raise ValidationError(
                translate("Messages", "Story {value} is not linked to '{name}'.").format(
                    value=min(unlinked), name=source.name
                )
            )
        leaving = taken | {fold(name)}
        names = [AltName(n.name, n.language, n.preferred) for n in source.alt_names]
        source.alt_names = _alt_names(source.name, [n for n in names if fold(n.name) not in leaving])
        new = Entity(kind=source.kind, name=name, name_key=fold(name), note="")
        new.alt_names = _alt_names(name, [n for n in names if fold(n.name) in taken])
        session.add(new)
        session.flush()
        places = linking.link_positions(session, entity_id)  # (the new record takes the old one's place)
        linking.remove_links(session, StoryEntity, "entity_id", entity_id, story_ids)
        linking.add_links(session, StoryEntity, "entity_id", new.id, story_ids, places)
        linking.set_pair(session, EntitySeeAlso, ("entity_id", "other_id"), entity_id, new.id)
        source.touch()
        linking.touch_stories(session, story_ids)
        return Created(
            new.id,
            new.uuid,
            ChangeSet(
                entities_added=frozenset({new.id}),
                entities_changed=frozenset({entity_id}),
                stories_changed=frozenset(story_ids),
            ),
        )


def delete_entity(library: Library, entity_id: int) -> ChangeSet:
    """Delete a record; stories that mention it lose the link."""
    with library.write() as session:
        entity = lookups.get(session, Entity, entity_id, "record")
        stories = set(session.scalars(select(StoryEntity.story_id).where(StoryEntity.entity_id == entity_id)))
        tombstones.bury(session, "entity", [entity.uuid])
        session.delete(entity)
        linking.touch_stories(session, stories)
        return ChangeSet(stories_changed=frozenset(stories), entities_removed=frozenset({entity_id}))


def link_entity(library: Library, story_ids: Iterable[int], entity_id: int, link: bool = True) -> ChangeSet:
    """Record that stories mention an organisation, person or place (or,
    with ``link=False``, that they do not)."""
    with library.write() as session:
        lookups.get(session, Entity, entity_id, "record")
        changed = linking.relink(session, StoryEntity, "entity_id", entity_id, story_ids, add=link)
        return ChangeSet(stories_changed=changed, entities_changed=frozenset({entity_id}))


def _alt_name(given: Sequence[object]) -> AltName:
    """``[name, language]`` or ``[name, language, preferred]``."""
    return AltName(str(given[0]), str(given[1]), len(given) > 2 and given[2] is True)


def add_missing(library: Library, wanted: Iterable[dict[str, object]]) -> ChangeSet:
    """Create the records of ``wanted`` (dicts with kind, name, alt_names
    as [name, language] or [name, language, preferred], note and ``DETAILS``) that ``find`` does not
    find by their name, in one transaction."""
    items = [(_kind(str(item["kind"])), clean_name(str(item["name"])), item) for item in wanted]
    with library.write() as session:
        # (looked up at once and written at once, a later item maybe named
        # by an earlier one: a query and a flush per record took 0.1-0.2 s
        # of a first start)
        known = {
            (kind, key)
            for kind in {kind for kind, _, _ in items}
            for key in _first_ids(session, kind, (fold(name) for k, name, _ in items if k is kind))
        }
        made: list[Entity] = []
        for kind, name, item in items:
            if (kind, fold(name)) in known:
                continue
            names = [_alt_name(given) for given in item.get("alt_names", ())]  # type: ignore[attr-defined]
            entity = Entity(kind=kind.value, name=name, name_key=fold(name), note=_note(str(item.get("note", ""))))
            entity.alt_names = _alt_names(name, names)
            _set_details(entity, {key: str(item[key]) for key in DETAILS if key in item})
            session.add(entity)
            made.append(entity)
            known |= {(kind, fold(name)), *((kind, row.name_key) for row in entity.alt_names)}
        session.flush()
        return ChangeSet(entities_added=frozenset(entity.id for entity in made))


def merge_entities(library: Library, source_id: int, target_id: int) -> ChangeSet:
    """Fold record ``source`` into ``target`` (the same kind): its stories
    are linked to ``target``, its names become ``target``'s alternative
    names, its note and details fill ``target``'s empty ones, its "see
    also" links move; it is deleted with a tombstone pointing at
    ``target``."""
    if source_id == target_id:
        raise ValidationError(translate("Messages", "A record cannot be merged into itself."))
    with library.write() as session:
        source = lookups.get(session, Entity, source_id, "record")
        target = lookups.get(session, Entity, target_id, "record")
        if source.kind != target.kind:
            kinds = f"'{source.name}' ({source.kind}) and '{target.name}' ({target.kind})"
            raise ValidationError(
                translate("Messages", "{kinds} are different kinds of record: not merged.").format(kinds=kinds)
            )
        places = linking.link_positions(session, source_id)  # (where the target is new, it takes the source's place)
        stories = set(places)
        linking.add_links(session, StoryEntity, "entity_id", target_id, stories, places)
        names = [AltName(n.name, n.language, n.preferred) for n in target.alt_names]
        names += [
            AltName(source.name, guess_language(source.name)),
            *(AltName(n.name, n.language) for n in source.alt_names),  # (the target's preferred names stay so)
        ]
        target.alt_names = _alt_names(target.name, names)
        target.note = target.note or source.note
        for key in DETAILS:
            if not getattr(target, key):
                setattr(target, key, getattr(source, key))
        linking.move_pairs(session, EntitySeeAlso, ("entity_id", "other_id"), source_id, target_id)
        # what the user rejected for it stays rejected (its names are the target's now)
        rejected = select(RejectedSuggestion.story_id, literal(target_id)).where(
            RejectedSuggestion.entity_id == source_id
        )
        session.execute(
            sqlite_insert(RejectedSuggestion).from_select(["story_id", "entity_id"], rejected).on_conflict_do_nothing()
        )
        tombstones.bury(session, "entity", [source.uuid], replaced_by=target.uuid)
        session.delete(source)
        target.touch()
        linking.touch_stories(session, stories)
        return ChangeSet(
            stories_changed=frozenset(stories),
            entities_changed=frozenset({target_id}),
            entities_removed=frozenset({source_id}),
        )


def see_also(library: Library, entity_id: int, other_id: int, linked: bool = True) -> ChangeSet:
    """Mark two records to be seen together ("see also"; ``linked`` False:
    no longer)."""
    if entity_id == other_id:
        raise ValidationError(translate("Messages", "A record cannot be its own “see also”."))
    with library.write() as session:
        for record_id in (entity_id, other_id):
            lookups.get(session, Entity, record_id, "record").touch()
        linking.set_pair(session, EntitySeeAlso, ("entity_id", "other_id"), entity_id, other_id, linked)
        return ChangeSet(entities_changed=frozenset({entity_id, other_id}))


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
