"""Read-only questions about a library: stories, search, tags, counts,
integrity. They return plain values (never ORM objects)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, SQLColumnExpression, case, distinct, func, select
from sqlalchemy.orm import Session, selectinload

from ngodesk.domain.errors import NotFound, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import (
    AltName,
    EntityKind,
    EntityRef,
    EntityView,
    Facets,
    Filter,
    StoryRow,
    StoryStatus,
    StoryView,
    TagRecord,
    TagRef,
    TagView,
    TranslationStatus,
)
from ngodesk.search import engine, pinyin
from ngodesk.search.query import Node, parse
from ngodesk.search.snippet import make_snippet
from ngodesk.search.text import index_version
from ngodesk.services import translations
from ngodesk.steps import lookups, search_index
from ngodesk.store import fts
from ngodesk.store.library import Library
from ngodesk.store.schema import (
    Annotation,
    Base,
    Entity,
    EntitySeeAlso,
    Story,
    StoryEntity,
    StoryTag,
    StoryTranslation,
    Tag,
    TagRelation,
    TagSynonym,
    Term,
    Tombstone,
    TrashEntry,
)

if TYPE_CHECKING:  # (numpy is imported where used)
    import numpy as np

_UUID_PREFIX = re.compile(r"^[0-9a-fA-F-]{4,36}$")


#: Merges followed from a merged-away uuid to its survivor at most.
_REDIRECTS = 20


def resolve_story(library: Library, reference: str) -> int:
    """The id of the story whose uuid is ``reference`` or starts with it
    (at least 4 characters, unique); a story merged into another leads to
    the one it was merged into."""
    reference = reference.strip().lower()
    if not _UUID_PREFIX.match(reference):
        raise ValidationError(
            translate("Messages", "'{reference}' is not a story uuid (or its first 4 or more characters).").format(
                reference=reference
            )
        )
    with library.read() as session:
        # a range, not LIKE, so that the uuid index is used ("~" sorts after hex digits and "-")
        in_range = (Story.uuid >= reference) & (Story.uuid < reference + "~")
        ids = list(session.scalars(select(Story.id).where(in_range).limit(2)))
        if not ids:
            buried = (Tombstone.uuid >= reference) & (Tombstone.uuid < reference + "~") & (Tombstone.kind == "story")
            tomb = session.scalar(select(Tombstone).where(buried).limit(1))
            for _ in range(_REDIRECTS):  # a story merged into another (maybe merged on in turn)
                if tomb is None or not tomb.replaced_by:
                    break
                survivor = session.scalar(select(Story.id).where(Story.uuid == tomb.replaced_by))
                if survivor is not None:
                    return survivor
                tomb = session.get(Tombstone, tomb.replaced_by)
            if tomb is not None:
                deleted = translate("Messages", "Story {uuid} was deleted on {deleted_at:%Y-%m-%d %H:%M} UTC.")
                if session.scalar(select(TrashEntry.id).where(TrashEntry.story_uuid == tomb.uuid)) is not None:
                    deleted += " " + translate("Messages", "It is in the Trash, from which it can be restored.")
                raise NotFound(deleted.format(uuid=tomb.uuid, deleted_at=tomb.deleted_at))
            raise NotFound(translate("Messages", "No story with uuid {reference}.").format(reference=reference))
        if len(ids) > 1:
            raise ValidationError(
                translate("Messages", "'{reference}' is the start of several stories' uuids; give more of it.").format(
                    reference=reference
                )
            )
        return ids[0]


def _tag_paths(session: Session) -> dict[int, str]:
    return _paths(
        {tag_id: (name, parent) for tag_id, name, parent in session.execute(select(Tag.id, Tag.name, Tag.parent_id))}
    )


def _paths(rows: dict[int, tuple[str, int | None]]) -> dict[int, str]:
    """Each tag's path, from its (name, parent id) by id."""
    paths: dict[int, str] = {}

    def path(tag_id: int) -> str:
        if tag_id not in paths:
            name, parent = rows[tag_id]
            paths[tag_id] = name if parent is None else f"{path(parent)}/{name}"
        return paths[tag_id]

    for tag_id in rows:
        path(tag_id)
    return paths


def _links(session: Session, story_ids: list[int]) -> tuple[dict[int, list[TagRef]], dict[int, list[EntityRef]]]:
    """Tags (sorted by path) and linked records (in their order: the first
    author first) of the given stories."""
    paths = _tag_paths(session)
    tag_refs: dict[int, list[TagRef]] = {}
    tag_rows = session.execute(
        select(StoryTag.story_id, Tag.id, Tag.uuid).join(Tag).where(StoryTag.story_id.in_(story_ids))
    )
    for story_id, tag_id, uuid in tag_rows:
        tag_refs.setdefault(story_id, []).append(TagRef(tag_id, uuid, paths[tag_id]))
    entity_refs: dict[int, list[EntityRef]] = {}
    entity_rows = session.execute(
        select(StoryEntity.story_id, Entity.id, Entity.uuid, Entity.kind, Entity.name)
        .join(Entity)
        .where(StoryEntity.story_id.in_(story_ids))
        .order_by(StoryEntity.story_id, StoryEntity.position, StoryEntity.entity_id)
    )
    for story_id, entity_id, uuid, kind, name in entity_rows:
        entity_refs.setdefault(story_id, []).append(EntityRef(entity_id, uuid, EntityKind(kind), name))
    for refs in tag_refs.values():
        refs.sort(key=lambda t: t.path.casefold())
    return tag_refs, entity_refs


_VIEW_COLUMNS = (
    Story.id, Story.uuid, Story.title, Story.summary, Story.body, Story.url, Story.source, Story.published,
    Story.language, Story.status, Story.created_at, Story.updated_at, Story.revision, Story.extra,
)  # fmt: skip


def stories(library: Library, story_ids: list[int]) -> list[StoryView]:
    """Views of the given stories, in the given order (missing ids skipped)."""
    with library.read() as session:
        tag_refs, entity_refs = _links(session, story_ids)
        translated = translations.of_stories(session, story_ids)
        found = {
            r.id: StoryView(
                id=r.id,
                uuid=r.uuid,
                title=r.title,
                summary=r.summary,
                body=r.body,
                url=r.url,
                source=r.source,
                published=r.published,
                language=r.language,
                status=StoryStatus(r.status),
                created_at=r.created_at,
                updated_at=r.updated_at,
                revision=r.revision,
                tags=tuple(tag_refs.get(r.id, ())),
                entities=tuple(entity_refs.get(r.id, ())),
                extra=json.loads(r.extra or "{}"),
                translations=tuple(translated.get(r.id, ())),
            )
            for r in session.execute(select(*_VIEW_COLUMNS).where(Story.id.in_(story_ids)))
        }
    return [found[i] for i in story_ids if i in found]


def translation_languages(library: Library) -> list[str]:
    """The languages stories are translated into, sorted."""
    with library.read() as session:
        return sorted(session.scalars(select(StoryTranslation.language).distinct()))


def get_story(library: Library, story_id: int) -> StoryView:
    """One story, or NotFound."""
    found = stories(library, [story_id])
    if not found:
        raise NotFound(translate("Messages", "No story with id {story_id}.").format(story_id=story_id))
    return found[0]


def _parsed(session: Session, query: str) -> Node | None:
    """``query`` parsed, with its pinyin also read as the Chinese words it
    may spell (``search.pinyin``). Raises QueryError."""
    return pinyin.expand(parse(query), pinyin.Vocabulary(session.connection()))


def hit_terms(library: Library, query: str) -> list[str]:
    """The words and phrases a story found by ``query`` holds, as typed and
    as the Chinese words its pinyin spells: what to highlight in it (see
    ``search.snippet.hit_spans``). Raises QueryError for a malformed query."""
    with library.read() as session:
        return engine.positive_terms(_parsed(session, query))


def matching_ids(
    library: Library,
    query: str,
    filters: Sequence[Filter] = (),
    sort: tuple[str, bool] | None = None,
    limit: int | None = None,
) -> np.ndarray:
    """Ids (int64) of every story matching ``query`` and ``filters`` (or the
    first ``limit``, found without counting the rest): best (or newest)
    first, or by ``sort`` = (key, descending), a key of ``engine.SORT_KEYS``.
    Raises QueryError for a malformed query."""
    import numpy as np

    with library.read() as session:
        node = engine.with_filters(_parsed(session, query), filters)
        if sort is not None:
            return engine.sorted_ids(session, node, *sort, limit=limit)
        if limit is not None:
            return np.array(engine.first_ids(session, node, limit), dtype=np.int64)
        return engine.all_ids(session, node)


def story_count(library: Library) -> int:
    """How many stories the library holds."""
    with library.read() as session:
        return session.scalar(select(func.count()).select_from(Story)) or 0


def _tag_lists(session: Session, story_ids: list[int]) -> dict[int, list[str]]:
    paths = _tag_paths(session)
    tag_lists: dict[int, list[str]] = {}
    links = session.execute(select(StoryTag.story_id, StoryTag.tag_id).where(StoryTag.story_id.in_(story_ids)))
    for story_id, tag in links:
        tag_lists.setdefault(story_id, []).append(paths[tag])
    for found in tag_lists.values():
        found.sort(key=str.casefold)
    return tag_lists


def story_tags(library: Library, story_ids: list[int]) -> dict[int, list[str]]:
    """Tag paths of each given story that has tags, sorted as displayed
    (untagged and missing stories are left out)."""
    with library.read() as session:
        return _tag_lists(session, story_ids)


def _translation_states(session: Session, story_ids: list[int]) -> dict[int, dict[str, str]]:
    """Per story and language translated into: draft while a field is a
    draft, else reviewed (as the ``trans:`` search has it)."""
    states: dict[int, dict[str, str]] = {}
    query = (
        select(StoryTranslation.story_id, StoryTranslation.language, StoryTranslation.status)
        .where(StoryTranslation.story_id.in_(story_ids))
        .order_by(StoryTranslation.story_id, StoryTranslation.language)
    )
    for story_id, language, status in session.execute(query):
        by_language = states.setdefault(story_id, {})
        if by_language.get(language) != TranslationStatus.DRAFT.value:
            by_language[language] = status
    return states


def rows(library: Library, story_ids: list[int]) -> list[StoryRow]:
    """List rows for the given stories, in the given order (missing skipped)."""
    with library.read() as session:
        tag_lists = _tag_lists(session, story_ids)
        states = _translation_states(session, story_ids)
        found = {
            r.id: StoryRow(
                r.id,
                r.uuid,
                r.title,
                r.published,
                r.source,
                r.language,
                StoryStatus(r.status),
                tuple(tag_lists.get(r.id, ())),
                r.updated_at,
                ", ".join(f"{language} {status}" for language, status in states.get(r.id, {}).items()),
            )
            for r in session.execute(
                select(
                    Story.id,
                    Story.uuid,
                    Story.title,
                    Story.published,
                    Story.source,
                    Story.language,
                    Story.status,
                    Story.updated_at,
                ).where(Story.id.in_(story_ids))
            )
        }
    return [found[i] for i in story_ids if i in found]


@dataclass(frozen=True)
class SearchHit:
    story: StoryView
    score: float
    snippet: str


@dataclass(frozen=True)
class SearchPage:
    total: int
    hits: list[SearchHit]


def search(library: Library, query: str, limit: int = 50, offset: int = 0) -> SearchPage:
    """Stories matching ``query``, best first, with highlighted snippets.
    Raises QueryError for a malformed query."""
    with library.read() as session:
        node = _parsed(session, query)
        results = engine.run(session, node, limit, offset)
    views = {v.id: v for v in stories(library, [h.id for h in results.hits])}
    terms = engine.positive_terms(node)
    hits = []
    for hit in results.hits:
        view = views.get(hit.id)
        if view is not None:
            snippet = make_snippet([view.summary, view.body, view.title], terms)
            hits.append(SearchHit(view, round(hit.score, 4), snippet))
    return SearchPage(results.total, hits)


def _tag_counts(session: Session, ids: Select[int] | None) -> dict[int, int]:
    """Stories (among ``ids``; None: all) per tag, a parent counting those
    of the tags below it too."""
    closure = select(Tag.id.label("ancestor"), Tag.id.label("descendant")).cte("closure", recursive=True)
    closure = closure.union_all(select(closure.c.ancestor, Tag.id).where(Tag.parent_id == closure.c.descendant))
    counts = (
        select(closure.c.ancestor, func.count(distinct(StoryTag.story_id)))
        .join(StoryTag, StoryTag.tag_id == closure.c.descendant)
        .group_by(closure.c.ancestor)
    )
    if ids is not None:
        counts = counts.where(StoryTag.story_id.in_(ids))
    return {int(tag_id): int(n) for tag_id, n in session.execute(counts)}


def tags(library: Library, counted: bool = True) -> list[TagView]:
    """Every tag, in path order, with the number of stories carrying it or
    any tag below it (0 without ``counted``: that takes a while at a
    million stories)."""
    with library.read() as session:
        counts = _tag_counts(session, None) if counted else {}
        rows = session.execute(select(Tag.id, Tag.uuid, Tag.name, Tag.parent_id, Tag.colour)).all()
    paths = _paths({r.id: (r.name, r.parent_id) for r in rows})
    views = [TagView(r.id, r.uuid, r.name, paths[r.id], r.parent_id, r.colour, counts.get(r.id, 0)) for r in rows]
    return sorted(views, key=lambda v: v.path.casefold())


def tag_records(library: Library, views: Sequence[TagView] | None = None) -> list[TagRecord]:
    """Every tag (or those of ``views``, already read by ``tags``) as
    ngodesk's own JSON carries it, with its synonyms, related tags' uuids
    and scope note, in path order."""
    views = tags(library, counted=False) if views is None else views
    uuids = {view.id: view.uuid for view in views}
    with library.read() as session:
        synonyms: dict[int, list[str]] = {}
        for tag_id, label in session.execute(select(TagSynonym.tag_id, TagSynonym.label).order_by(TagSynonym.label)):
            synonyms.setdefault(tag_id, []).append(label)
        related: dict[int, list[str]] = {}
        for low, high in session.execute(select(TagRelation.tag_id, TagRelation.related_id)):
            if low in uuids and high in uuids:  # (a tag made since ``views`` were read waits for the next)
                related.setdefault(low, []).append(uuids[high])
                related.setdefault(high, []).append(uuids[low])
        notes = {i: note for i, note in session.execute(select(Tag.id, Tag.scope_note).where(Tag.scope_note != ""))}
    return [
        TagRecord(
            v.uuid,
            v.path,
            v.colour,
            tuple(synonyms.get(v.id, ())),
            tuple(sorted(related.get(v.id, ()))),
            notes.get(v.id, ""),
        )
        for v in views
    ]


def facets(library: Library, query: str, filters: Sequence[Filter] = ()) -> Facets:
    """How the stories matching ``query`` and ``filters`` spread over tags,
    records, years, languages and statuses. Raises QueryError."""
    from ngodesk.services import facet_index  # (numpy: the command line's reading needs none of it)

    with library.read() as session:
        node = engine.with_filters(_parsed(session, query), filters)
        ids = engine.id_set(node)

        def grouped(
            key: SQLColumnExpression[Any], model: type[Base], story_key: SQLColumnExpression[int]
        ) -> dict[Any, int]:
            counted = select(key, func.count()).select_from(model).group_by(key)
            if ids is not None:
                counted = counted.where(story_key.in_(ids))
            return {value: int(n) for value, n in session.execute(counted)}

        year = func.coalesce(func.substr(Story.published_start, 1, 4), "")
        state = case((func.max(StoryTranslation.status == "draft") == 1, "draft"), else_="reviewed")
        per_story = select((func.lower(StoryTranslation.language) + ":" + state).label("value")).group_by(
            StoryTranslation.story_id, func.lower(StoryTranslation.language)
        )
        if ids is not None:
            per_story = per_story.where(StoryTranslation.story_id.in_(ids))
        inner = per_story.subquery()
        translated = {
            str(v): int(n) for v, n in session.execute(select(inner.c.value, func.count()).group_by(inner.c.value))
        }
        entities = grouped(StoryEntity.entity_id, StoryEntity, StoryEntity.story_id)
        kinds = facet_index.record_kinds(session.execute(select(Entity.id, Entity.kind)))
        return Facets(
            total=engine.count(session, node),
            tags=_tag_counts(session, ids),
            entities=entities,
            years=grouped(year, Story, Story.id),
            languages=grouped(func.lower(Story.language), Story, Story.id),
            statuses=grouped(Story.status, Story, Story.id),
            translations=translated,
            top_records=facet_index.top_records(entities, kinds),
        )


def tag_paths(library: Library, synonyms: bool = False) -> list[str]:
    """Every tag's path, sorted (for completion); with ``synonyms``, the
    tags' synonyms too (typing one applies its tag)."""
    with library.read() as session:
        found = list(_tag_paths(session).values())
        if synonyms:
            found += session.scalars(select(TagSynonym.label))
        return sorted(found, key=str.casefold)


def entity_refs(library: Library, entity_ids: Sequence[int]) -> list[EntityRef]:
    """The records with these ids (missing ones skipped)."""
    refs: list[EntityRef] = []
    with library.read() as session:
        for chunk in lookups.chunks(sorted(set(entity_ids))):
            rows = session.execute(select(Entity.id, Entity.uuid, Entity.kind, Entity.name).where(Entity.id.in_(chunk)))
            refs += [EntityRef(r.id, r.uuid, EntityKind(r.kind), r.name) for r in rows]
    return refs


def entities(library: Library, kind: EntityKind | None = None) -> list[EntityView]:
    """Authority records (of one kind, or all) by name, with story counts."""
    with library.read() as session:
        rows = session.execute(select(StoryEntity.entity_id, func.count()).group_by(StoryEntity.entity_id))
        counts = {row[0]: row[1] for row in rows}
        query = select(Entity).options(selectinload(Entity.alt_names))
        if kind is not None:
            query = query.where(Entity.kind == EntityKind(kind).value)
        uuids = {i: u for i, u in session.execute(select(Entity.id, Entity.uuid))}
        see_also: dict[int, list[str]] = {}
        for low, high in session.execute(select(EntitySeeAlso.entity_id, EntitySeeAlso.other_id)):
            see_also.setdefault(low, []).append(uuids[high])
            see_also.setdefault(high, []).append(uuids[low])
        return sorted(
            (
                EntityView(
                    e.id,
                    e.uuid,
                    EntityKind(e.kind),
                    e.name,
                    tuple(AltName(n.name, n.language, n.preferred) for n in e.alt_names),
                    e.note,
                    counts.get(e.id, 0),
                    e.type,
                    e.country,
                    e.external_id,
                    tuple(sorted(see_also.get(e.id, ()))),
                )
                for e in session.scalars(query)
            ),
            key=lambda v: (v.kind.value, v.name.casefold()),
        )


def info(library: Library) -> dict[str, object]:
    """Counts and identity of the library (what ``ngodesk info`` prints)."""
    with library.read() as session:
        counts = {
            name: session.scalar(select(func.count()).select_from(model)) or 0
            for name, model in (
                ("stories", Story),
                ("tags", Tag),
                ("entities", Entity),
                ("translations", StoryTranslation),
                ("glossary_terms", Term),
                ("annotations", Annotation),
                ("tombstones", Tombstone),
                ("in_trash", TrashEntry),
            )
        }
        index_current = search_index.is_current(session)
    size = sum(f.stat().st_size for f in library.folder.glob("catalogue.sqlite*") if f.is_file())
    return {
        "path": str(library.folder),
        **counts,
        "schema_version": library.schema_version,
        "search_index_version": index_version(),
        "search_index_current": index_current,
        "database_bytes": size,
    }


def check(library: Library) -> list[str]:
    """Problems found by SQLite's and the index's integrity checks and the
    library's own invariants; empty when the library is sound."""
    problems: list[str] = []
    with library.read() as session:
        connection = session.connection()
        result = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check").all()]
        if result != ["ok"]:
            problems += [f"database: {line}" for line in result]
        for row in connection.exec_driver_sql("PRAGMA foreign_key_check").all():
            problems.append(f"database: row {row[1]} of table {row[0]} points at a missing {row[2]} record")
        if not search_index.is_current(session):
            problems.append(
                "search index: built by another version of ngodesk; open the library for writing to rebuild it"
            )
        indexed = connection.exec_driver_sql(f"SELECT count(*) FROM {fts.TABLE}").scalar()
        stored = session.scalar(select(func.count()).select_from(Story))
        if indexed != stored:
            problems.append(f"search index: holds {indexed} stories, the library {stored}")
        untitled = session.scalar(select(func.count()).select_from(Story).where(func.trim(Story.title) == ""))
        if untitled:
            problems.append(f"stories: {untitled} without a title")
        orphans = session.scalar(select(func.count()).select_from(StoryTag).where(~StoryTag.tag_id.in_(select(Tag.id))))
        if orphans:
            problems.append(f"tags: {orphans} story links to missing tags")
    if not library.readonly:
        with library.write(content=False) as session:  # (the check's command row is no change)
            problems += fts.integrity_problems(session.connection())
    return problems
