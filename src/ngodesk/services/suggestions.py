"""Suggested authority records: the organisations, people and places whose
name or alternative name occurs in a story's title, summary or body, in
either Chinese script and any case, that the story is not linked to yet.
Offline: the library's own records are the only knowledge used.

Names are matched as ``glossary.phrase_pattern`` matches terms (the longest
first, Chinese anywhere, Latin names as whole words); an acronym (CFPA)
only in capitals, so that "un" never suggests the UN. A suggestion the
user rejects is remembered and not made again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Cancelled
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet, EntityKind, Progress, no_progress
from ngodesk.services.glossary import same_script
from ngodesk.steps import linking, lookups
from ngodesk.store import rows as stored
from ngodesk.store.library import Library
from ngodesk.store.schema import Entity, EntityName, RejectedSuggestion, Story, StoryEntity

#: Names shorter than this (in characters) are not looked for: too many
#: words contain them (an acronym of two capitals is looked for).
MIN_NAME = 3
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
#: Stories read per query.
_BATCH = 500


@dataclass(frozen=True)
class Suggestion:
    """A record a story seems to mention: ``found`` is the name as it
    stands in the story's text."""

    story_id: int
    story_uuid: str
    story_title: str
    entity_id: int
    entity_uuid: str
    kind: EntityKind
    name: str
    found: str


class _Finder:
    """Every record's names as two patterns: case-insensitive names and
    case-sensitive acronyms."""

    def __init__(self, names: Iterable[tuple[int, str]]) -> None:
        self.ids: defaultdict[str, set[int]] = defaultdict(set)  # folded name -> records
        plain, acronyms = set(), set()
        for entity_id, name in names:
            if _ACRONYM.match(name):
                acronyms.add(name)
                self.ids[name].add(entity_id)
            elif len(name) >= MIN_NAME or (len(name) >= 2 and not name.isascii()):
                key = same_script(name).casefold()
                plain.add(key)
                self.ids[key].add(entity_id)
        self.plain = self._pattern(plain, re.IGNORECASE)
        self.acronyms = self._pattern(acronyms, 0)

    @staticmethod
    def _pattern(names: set[str], flags: int) -> list[re.Pattern[str]]:
        """Patterns for ``names`` as ``phrase_pattern`` reads each, longest
        first, grouped by the word-boundary checks they need: one check
        around a whole alternation lets ``re`` skip ahead to the possible
        first characters (with one per name, 3,000 names took 47 ms per
        story instead of 4)."""
        groups: dict[tuple[bool, bool], list[str]] = {}
        for name in sorted(names, key=len, reverse=True):
            latin_start, latin_end = (
                name[:1].isascii() and name[:1].isalnum(),
                name[-1:].isascii() and name[-1:].isalnum(),
            )
            groups.setdefault((latin_start, latin_end), []).append(re.escape(name))
        return [
            re.compile(
                ("(?<![A-Za-z0-9])" if start else "")
                + "(?:"
                + "|".join(alternatives)
                + ")"
                + ("(?:e?s)?(?![A-Za-z0-9])" if end else ""),
                flags,
            )
            for (start, end), alternatives in groups.items()
        ]

    def find(self, text: str) -> dict[int, str]:
        """Record id -> the words that name it in ``text`` (first place)."""
        found: dict[int, str] = {}
        simplified = same_script(text)
        for patterns, fold in ((self.plain, str.casefold), (self.acronyms, str)):
            for match in (m for pattern in patterns for m in pattern.finditer(simplified)):
                words = match.group()
                key = fold(words)
                ids = self.ids.get(key) or self.ids.get(re.sub(r"e?s$", "", key), set())  # (a plural ending)
                for entity_id in ids:
                    found.setdefault(entity_id, text[match.start() : match.end()])
        return found


def suggest(
    library: Library, story_ids: Sequence[int] | None = None, progress: Progress = no_progress
) -> list[Suggestion]:
    """Suggestions for ``story_ids`` (None: every story), by story. Raises
    Cancelled when ``progress`` says stop."""
    with library.read() as session:
        finder = _finder(session)
        entities = {row.id: row for row in session.execute(select(Entity.id, Entity.uuid, Entity.kind, Entity.name))}
        ids = list(story_ids) if story_ids is not None else list(session.scalars(select(Story.id).order_by(Story.id)))
        found: list[Suggestion] = []
        for start in range(0, len(ids), _BATCH):
            chunk = ids[start : start + _BATCH]
            known = _pairs(session, StoryEntity, chunk) | _pairs(session, RejectedSuggestion, chunk)
            rows = session.execute(
                select(Story.id, Story.uuid, Story.title, Story.summary, Story.body)
                .where(Story.id.in_(chunk))
                .order_by(Story.id)
            )
            for story_id, story_uuid, title, summary, body in rows:
                for entity_id, words in finder.find(f"{title}\n{summary}\n{body}").items():
                    if (story_id, entity_id) not in known:
                        entity = entities[entity_id]
                        found.append(
                            Suggestion(
                                story_id,
                                story_uuid,
                                title,
                                entity_id,
                                entity.uuid,
                                EntityKind(entity.kind),
                                entity.name,
                                words,
                            )
                        )
            if not progress(min(start + _BATCH, len(ids)), len(ids)):
                raise Cancelled(translate("Messages", "Looking for suggestions was cancelled."))
    return found


def named_in(library: Library, texts: Sequence[str]) -> list[list[tuple[EntityKind, str]]]:
    """For each of ``texts`` (a story not in the library yet), the records
    its words name, as (kind, preferred name), in the order they first
    stand in it: what ``suggest`` would suggest once it is stored."""
    with library.read() as session:
        finder = _finder(session)
        names = {
            row.id: (EntityKind(row.kind), row.name)
            for row in session.execute(select(Entity.id, Entity.kind, Entity.name))
        }
    named = []
    for text in texts:
        found = finder.find(text)
        named.append([names[entity_id] for entity_id in sorted(found, key=lambda e: text.find(found[e]))])
    return named


def _finder(session: Session) -> _Finder:
    names = [
        *session.execute(select(Entity.id, Entity.name)),
        *session.execute(select(EntityName.entity_id, EntityName.name)),
    ]
    return _Finder((entity_id, name) for entity_id, name in names)


def _pairs(
    session: Session, model: type[StoryEntity] | type[RejectedSuggestion], story_ids: list[int]
) -> set[tuple[int, int]]:
    rows = session.execute(select(model.story_id, model.entity_id).where(model.story_id.in_(story_ids)))
    return {(story_id, entity_id) for story_id, entity_id in rows}


def accept(library: Library, suggestions: Iterable[Suggestion]) -> tuple[ChangeSet, list[tuple[int, int]]]:
    """Link each suggestion's story to its record, in one transaction;
    returns what changed and the (story, record) links it made (those
    linked meanwhile are not among them)."""
    by_entity: defaultdict[int, set[int]] = defaultdict(set)
    for suggestion in suggestions:
        by_entity[suggestion.entity_id].add(suggestion.story_id)
    made: list[tuple[int, int]] = []
    with library.write() as session:
        for entity_id, story_ids in by_entity.items():
            lookups.get(session, Entity, entity_id, "record")
            made += [
                (story_id, entity_id)
                for story_id in linking.relink(session, StoryEntity, "entity_id", entity_id, story_ids, add=True)
            ]
        changes = ChangeSet(stories_changed=frozenset(s for s, _ in made), entities_changed=frozenset(by_entity))
    return changes, made


def unlink(library: Library, pairs: Iterable[tuple[int, int]]) -> ChangeSet:
    """Take back links ``accept`` made: (story, record) pairs."""
    by_entity: defaultdict[int, set[int]] = defaultdict(set)
    for story_id, entity_id in pairs:
        by_entity[entity_id].add(story_id)
    with library.write() as session:
        changed: set[int] = set()
        for entity_id, story_ids in by_entity.items():
            changed |= linking.relink(session, StoryEntity, "entity_id", entity_id, story_ids, add=False)
        return ChangeSet(stories_changed=frozenset(changed), entities_changed=frozenset(by_entity))


def reject(library: Library, suggestions: Iterable[Suggestion], rejected: bool = True) -> ChangeSet:
    """Remember that these stories do not mention these records (or, with
    ``rejected`` False, forget it: undo)."""
    pairs = [{"story_id": s, "entity_id": e} for s, e in sorted({(x.story_id, x.entity_id) for x in suggestions})]
    if not pairs:
        return ChangeSet()
    with library.write() as session:
        if rejected:
            session.execute(stored.keeping_existing(session.connection(), RejectedSuggestion.__table__), pairs)
        else:
            session.connection().execute(
                delete(RejectedSuggestion.__table__).where(
                    RejectedSuggestion.story_id == bindparam("story_id"),
                    RejectedSuggestion.entity_id == bindparam("entity_id"),
                ),
                pairs,
            )
    return ChangeSet()


def review(
    library: Library, *, accepted: Iterable[Suggestion], rejected: Iterable[Suggestion]
) -> tuple[ChangeSet, list[tuple[int, int]]]:
    """A review of suggestions, in one transaction: link the ``accepted``
    (see ``accept``) and remember the ``rejected`` as wrong; returns what
    changed and the links made (for ``take_back_review``)."""
    with library.write():
        changes, made = accept(library, accepted)
        return changes | reject(library, rejected), made


def take_back_review(library: Library, *, made: Iterable[tuple[int, int]], rejected: Iterable[Suggestion]) -> ChangeSet:
    """Undo ``review`` in one transaction: the links it ``made`` taken
    back, its ``rejected`` suggestions forgotten."""
    with library.write():
        return unlink(library, made) | reject(library, rejected, rejected=False)
