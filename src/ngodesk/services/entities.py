"""Authority records (organisations, people, places) and their links to
stories."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import literal, select

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import AltName, ChangeSet, Created, EntityKind
from ngodesk.search.names import RecordNames, display_name
from ngodesk.search.text import fold, guess_language
from ngodesk.steps import authority, linking, lookups, tombstones
from ngodesk.store import rows as stored
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


def names_of(
    library: Library, kind: str | EntityKind | None = None, ids: Iterable[int] | None = None
) -> list[RecordNames]:
    """Every name of the records of ``kind`` (None: all kinds), or of those
    of ``ids`` that exist, for finding and naming them (``search.names``)."""
    names = select(Entity.id, Entity.name)
    others = select(EntityName.entity_id, EntityName.name, EntityName.language, EntityName.preferred).join(Entity)
    if kind is not None:
        names = names.where(Entity.kind == authority.kind_of(kind).value)
        others = others.where(Entity.kind == authority.kind_of(kind).value)
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


def create_entity(
    library: Library,
    kind: str | EntityKind,
    name: str,
    alt_names: Sequence[str | AltName] = (),
    note: str = "",
    **details: str,
) -> Created:
    """Create an authority record; ``details`` may give its type, country
    and external identifier (``authority.DETAILS``)."""
    with library.write() as session:
        name = authority.clean_name(name)
        entity = Entity(
            kind=authority.kind_of(kind).value, name=name, name_key=fold(name), note=authority.clean_note(note)
        )
        entity.alt_names = authority.name_rows(name, alt_names)
        authority.set_details(entity, details)
        session.add(entity)
        session.flush()
        return Created(entity.id, entity.uuid, ChangeSet(entities_added=frozenset({entity.id})))


def create_record(library: Library, kind: str | EntityKind, fields: RecordFields) -> Created:
    """A new record of ``kind`` holding all of ``fields``, in one transaction."""
    with library.write():
        created = create_entity(library, kind, fields.name)
        return Created(created.id, created.uuid, created.changes | set_fields(library, created.id, fields))


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
            touched |= authority.set_see_also(session, entity_id, see_also)
        if name is not None:
            entity.name = authority.clean_name(name)
            entity.name_key = fold(entity.name)
        if alt_names is not None:
            entity.alt_names = authority.name_rows(entity.name, alt_names)
        if note is not None:
            entity.note = authority.clean_note(note)
        authority.set_details(entity, details)
        entity.touch()
        return ChangeSet(entities_changed=frozenset(touched))


def split_entity(
    library: Library, entity_id: int, name: str, alt_names: Sequence[str] = (), story_ids: Sequence[int] = ()
) -> Created:
    """Split a record in two: a new record of the same kind named ``name``
    (which may be one of the record's alternative names) takes the
    alternative names ``alt_names`` and the links of ``story_ids`` away from
    it, and the two records see each other ("see also")."""
    with library.write() as session:
        source = lookups.get(session, Entity, entity_id, "record")
        name = authority.clean_name(name)
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
        source.alt_names = authority.name_rows(source.name, [n for n in names if fold(n.name) not in leaving])
        new = Entity(kind=source.kind, name=name, name_key=fold(name), note="")
        new.alt_names = authority.name_rows(name, [n for n in names if fold(n.name) in taken])
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
    as [name, language] or [name, language, preferred], note and ``authority.DETAILS``) that ``authority.find`` does not
    authority.find by their name, in one transaction."""
    items = [(authority.kind_of(str(item["kind"])), authority.clean_name(str(item["name"])), item) for item in wanted]
    with library.write() as session:
        # (looked up at once and written at once, a later item maybe named
        # by an earlier one: a query and a flush per record took 0.1-0.2 s
        # of a first start)
        known = {
            (kind, key)
            for kind in {kind for kind, _, _ in items}
            for key in authority.first_ids(session, kind, (fold(name) for k, name, _ in items if k is kind))
        }
        made: list[Entity] = []
        for kind, name, item in items:
            if (kind, fold(name)) in known:
                continue
            names = [_alt_name(given) for given in item.get("alt_names", ())]  # type: ignore[attr-defined]
            entity = Entity(
                kind=kind.value, name=name, name_key=fold(name), note=authority.clean_note(str(item.get("note", "")))
            )
            entity.alt_names = authority.name_rows(name, names)
            authority.set_details(entity, {key: str(item[key]) for key in authority.DETAILS if key in item})
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
        target.alt_names = authority.name_rows(target.name, names)
        target.note = target.note or source.note
        for key in authority.DETAILS:
            if not getattr(target, key):
                setattr(target, key, getattr(source, key))
        linking.move_pairs(session, EntitySeeAlso, ("entity_id", "other_id"), source_id, target_id)
        # what the user rejected for it stays rejected (its names are the target's now)
        rejected = select(RejectedSuggestion.story_id, literal(target_id)).where(
            RejectedSuggestion.entity_id == source_id
        )
        keeping = stored.keeping_existing(session.connection(), RejectedSuggestion.__table__)
        session.execute(keeping.from_select(["story_id", "entity_id"], rejected))
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
