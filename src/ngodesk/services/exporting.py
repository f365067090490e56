"""Exporting stories in one of ``FORMATS`` (see ``formats.writers``) to a
file or to standard output.

A file is written into a temporary file beside the target, which replaces
the target only when complete: a failed or cancelled export leaves no
partial file behind, and an earlier file of that name as it was. Stories
are fetched in chunks, so memory stays flat at any size. No Qt: runs on
any thread, and ``progress`` is called on that thread.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import IO

from sqlalchemy import select

from ngodesk.domain.errors import Cancelled, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import EntityKind, Progress, StoryView, no_progress
from ngodesk.formats import writers
from ngodesk.formats.writers import (
    bibtex,
    csl_json,
    csv_table,
    dublin_core,
    html_catalogue,
    native_json,
    ris,
)
from ngodesk.services import queries
from ngodesk.services.delivery import deliver
from ngodesk.steps import lookups
from ngodesk.store.library import Library
from ngodesk.store.schema import Entity, Story, StoryEntity

#: Export formats by name (``--format``): file extension and description.
FORMATS = writers.FORMATS
CHUNK = 500
#: Formats whose writer needs nothing but the stories.
_STORY_WRITERS = {"ris": ris.write, "bibtex": bibtex.write, "csl-json": csl_json.write}


class _Reader:
    """Stories fetched a chunk at a time; each story read is a unit of
    ``progress`` out of ``total``, and a refusal raises Cancelled."""

    def __init__(self, library: Library, total: int, progress: Progress) -> None:
        self.library = library
        self.total = total
        self.progress = progress
        self.done = 0

    def _counted(self, chunk: list[int]) -> list[int]:
        """``chunk``, counted as read (Cancelled when ``progress`` says stop)."""
        self.done += len(chunk)
        if not self.progress(self.done, self.total):
            raise Cancelled(translate("Messages", "The export was cancelled; no file was written."))
        return chunk

    def views(self, story_ids: list[int]) -> Iterator[StoryView]:
        """Views of ``story_ids``, in order (stories deleted meanwhile skipped)."""
        for chunk in lookups.chunks(story_ids, CHUNK):
            yield from queries.stories(self.library, self._counted(chunk))

    def entries(self, story_ids: list[int]) -> Iterator[html_catalogue.Entry | None]:
        """The catalogue's entry per id of ``story_ids`` (an id may come
        again: a story under each of its tags), None for a story deleted
        meanwhile."""
        for chunk in lookups.chunks(story_ids, CHUNK):
            found = _entries(self.library, list(dict.fromkeys(self._counted(chunk))))
            yield from (found.get(story_id) for story_id in chunk)


def _entries(library: Library, story_ids: list[int]) -> dict[int, html_catalogue.Entry]:
    """What the catalogue shows of the given stories, by id."""
    with library.read() as session:
        people: dict[int, list[str]] = {}
        linked = (
            select(StoryEntity.story_id, Entity.name)
            .join(Entity)
            .where(StoryEntity.story_id.in_(story_ids), Entity.kind == EntityKind.PERSON.value)
            .order_by(StoryEntity.story_id, StoryEntity.position, StoryEntity.entity_id)
        )
        for story_id, name in session.execute(linked):
            people.setdefault(story_id, []).append(name)
        shown = (Story.id, Story.title, Story.url, Story.published, Story.source, Story.language, Story.summary)
        return {
            story_id: html_catalogue.Entry(
                title,
                url,
                published,
                source,
                tuple(people.get(story_id, ())),  # (in their order: the first author first)
                language,
                summary,
            )
            for story_id, title, url, published, source, language, summary in session.execute(
                select(*shown).where(Story.id.in_(story_ids))
            )
        }


def _groups(library: Library, story_ids: list[int], progress: Progress) -> list[html_catalogue.Group]:
    """The catalogue's groups: one per tag in path order (a story under
    each of its tags), then the untagged stories."""
    by_tag: dict[str, list[int]] = {}
    untagged: list[int] = []
    for chunk in lookups.chunks(story_ids, CHUNK):
        tags = queries.story_tags(library, chunk)
        for story_id in chunk:
            for path in tags.get(story_id, ()):
                by_tag.setdefault(path, []).append(story_id)
            if story_id not in tags:
                untagged.append(story_id)
    members = [(path, by_tag[path]) for path in sorted(by_tag, key=str.casefold)]
    if untagged:
        members.append(("", untagged))
    # One reading of all the groups' entries in turn, in chunks that cross
    # groups (read group by group, with their tags, a story with 4,000 tags
    # took 99 s: each of its 4,000 readings loaded its 4,000 tags).
    listed = [story_id for _, ids in members for story_id in ids]
    entries = _Reader(library, len(listed), progress).entries(listed)
    return [html_catalogue.Group(path, len(ids), filter(None, islice(entries, len(ids)))) for path, ids in members]


def _write(library: Library, format_name: str, out: IO[str], story_ids: list[int], progress: Progress) -> None:
    exported_at = datetime.now(UTC)
    if format_name == "html":
        html_catalogue.write(out, _groups(library, story_ids, progress), len(story_ids), exported_at)
        return
    stories = _Reader(library, len(story_ids), progress).views(story_ids)
    if format_name == "json":
        tags, entities = queries.tag_records(library), queries.entities(library)
        native_json.write(out, tags, entities, stories, exported_at)
    elif format_name == "dc-xml":
        dublin_core.write(out, stories, exported_at)
    elif format_name == "csv":
        csv_table.write(out, stories, queries.translation_languages(library))
    else:
        _STORY_WRITERS[format_name](out, stories)


def export(
    library: Library,
    format_name: str,
    target: Path | str | None,
    story_ids: Sequence[int] | None = None,
    progress: Progress = no_progress,
) -> int:
    """Write ``story_ids`` (None: every story, newest first), in that order,
    as ``format_name`` (a key of ``FORMATS``) to the file ``target``, or to
    standard output (UTF-8, the same bytes a file gets) when it is None.
    Returns how many stories were written.

    Raises ValidationError for an unknown format, NgodeskError naming the
    file when it cannot be written, Cancelled when ``progress`` asks to
    stop; a file is then left as it was (standard output may have part of
    the export)."""
    if format_name not in FORMATS:
        raise ValidationError(
            translate("Messages", "unknown export format '{format_name}'; known: {join}").format(
                format_name=format_name, join=", ".join(FORMATS)
            )
        )
    ids = list(story_ids) if story_ids is not None else queries.matching_ids(library, "").tolist()
    deliver(target, lambda out: _write(library, format_name, out, ids, progress))
    return len(ids)


def export_json(
    library: Library, path: Path | str, story_ids: Sequence[int] | None = None, progress: Progress = no_progress
) -> int:
    """``export`` as native JSON to ``path`` (the File > Export of old)."""
    return export(library, "json", path, story_ids, progress)
