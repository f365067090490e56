"""The full-text search index inside a service's transaction: a story's
indexed text made, added and removed as the story is written, the whole
index rebuilt, and whether it was built with this program's text
transform."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import Cancelled
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import Progress, no_progress
from ngodesk.search.text import index_text, index_texts, index_version
from ngodesk.store import fts
from ngodesk.store.schema import Meta, Story

INDEX_VERSION_KEY = "search_index_version"


def doc(story_id: int, title: str, summary: str, body: str, source: str) -> fts.Doc:
    """The index document of one story's fields."""
    return (story_id, index_text(title), index_text(summary), index_text(body), index_text(source))


def docs(rows: Sequence[tuple[int, str, str, str, str]]) -> list[fts.Doc]:
    """The index documents of many stories' fields (each row: the story
    id, then title, summary, body and source), worked out together."""
    texts = iter(index_texts([text for row in rows for text in row[1:]]))
    return [(row[0], *islice(texts, len(fts.COLUMNS))) for row in rows]  # type: ignore[misc]


def story_doc(story: Story) -> fts.Doc:
    """The index document of a story as it is now."""
    return doc(story.id, story.title, story.summary, story.body, story.source)


def add(session: Session, docs: Iterable[fts.Doc]) -> None:
    """Index documents in the session's transaction."""
    fts.add(session.connection(), docs)


def remove(session: Session, docs: Iterable[fts.Doc]) -> None:
    """Unindex documents (as they were indexed) in the session's transaction."""
    fts.remove(session.connection(), docs)


def rebuild(session: Session, progress: Progress = no_progress) -> int:
    """Re-index every story and record the transform version, in the
    session's transaction; returns the number of stories indexed. Raises
    Cancelled when ``progress`` asks to stop."""
    connection = session.connection()
    total = session.scalar(select(func.count()).select_from(Story)) or 0
    fts.clear(connection)
    count = 0
    rows = session.execute(select(Story.id, Story.title, Story.summary, Story.body, Story.source))
    while batch := rows.fetchmany(2000):
        fts.add(connection, docs(batch))
        count += len(batch)
        if not progress(count, total):
            raise Cancelled(translate("Messages", "Rebuilding the search index was cancelled; the old index is kept."))
    fts.optimize(connection)
    session.merge(Meta(key=INDEX_VERSION_KEY, value=index_version()))
    return count


def is_current(session: Session) -> bool:
    """True when the index was built with this program's text transform."""
    return session.scalar(select(Meta.value).where(Meta.key == INDEX_VERSION_KEY)) == index_version()
