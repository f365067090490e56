"""The glossary consistency check: translations that use a forbidden
rendering of a term found in their original, or none of its accepted
renderings (the preferred one or an alternative). Untranslated fields and
deprecated terms are not checked."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ngodesk.domain.models import TermRecord, TermStatus
from ngodesk.domain.text import primary
from ngodesk.services import glossary
from ngodesk.store.library import Library
from ngodesk.store.schema import Story, StoryTranslation


@dataclass(frozen=True)
class Inconsistency:
    """A translated field that does not follow the glossary."""

    story_id: int
    story_uuid: str
    story_title: str
    field: str
    language: str
    term: str
    problem: str


def _problems(term: TermRecord, translation: str) -> list[str]:
    found = [f"uses the forbidden rendering “{r}”" for r in term.forbidden if glossary.mentions(translation, r)]
    accepted = [r for r in (term.rendering, *term.alternatives) if r]
    if accepted and not any(glossary.mentions(translation, r) for r in accepted):
        found.append(f"does not use “{term.rendering or accepted[0]}”")
    return found


def check(library: Library) -> list[Inconsistency]:
    """Every inconsistency, by story (newest first), field and term."""
    by_language: dict[str, list[tuple[int, TermRecord]]] = {}
    for term_id, term in glossary.terms(library):
        if term.status is not TermStatus.DEPRECATED and term.target_language:
            by_language.setdefault(primary(term.target_language), []).append((term_id, term))
    finders = {language: glossary.TermFinder(terms) for language, terms in by_language.items()}
    records = {term_id: term for terms in by_language.values() for term_id, term in terms}
    found: list[Inconsistency] = []
    with library.read() as session:
        rows = session.execute(
            select(
                Story.id,
                Story.uuid,
                Story.title,
                Story.summary,
                Story.body,
                StoryTranslation.field,
                StoryTranslation.language,
                StoryTranslation.text,
            )
            .join(StoryTranslation, StoryTranslation.story_id == Story.id)
            .order_by(Story.id.desc(), StoryTranslation.field, StoryTranslation.language)
        )
        for row in rows:
            finder = finders.get(primary(row.language))
            if finder is None:
                continue
            original = {"title": row.title, "summary": row.summary, "body": row.body}[row.field]
            for term_id in dict.fromkeys(o.term_id for o in finder.find(original)):
                term = records[term_id]
                found += [
                    Inconsistency(row.id, row.uuid, row.title, row.field, row.language, term.term, problem)
                    for problem in _problems(term, row.text)
                ]
    return found
