"""Exporting stories as native JSON: every field ngodesk stores, with the
tag tree and the authority records the stories use.

The file is streamed story by story (memory stays flat at any size) into a
temporary file beside the target, which replaces the target only when
complete: a failed or cancelled export leaves no partial file behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from ngodesk import __version__
from ngodesk.domain.errors import Cancelled, NgodeskError
from ngodesk.domain.models import Progress, StoryView, no_progress
from ngodesk.services import queries, records
from ngodesk.store.library import Library

FORMAT = "ngodesk-library"
VERSION = 1
CHUNK = 500


def _story(view: StoryView) -> dict[str, object]:
    return {
        "uuid": view.uuid,
        "title": view.title,
        "summary": view.summary,
        "body": view.body,
        "url": view.url,
        "source": view.source,
        "published": view.published,
        "language": view.language,
        "status": view.status.value,
        "tags": [tag.path for tag in view.tags],
        "entities": [entity.uuid for entity in view.entities],
        "created_at": view.created_at.isoformat(),
        "updated_at": view.updated_at.isoformat(),
        "revision": view.revision,
        "extra": view.extra,
    }


def _write(library: Library, out: IO[str], story_ids: list[int], progress: Progress) -> None:
    tags = [{"uuid": t.uuid, "path": t.path, "colour": t.colour} for t in queries.tags(library)]
    entities = [
        {
            "uuid": e.uuid,
            "kind": e.kind.value,
            "name": e.name,
            "alt_names": [{"name": n.name, "language": n.language} for n in e.alt_names],
            "note": e.note,
        }
        for e in queries.entities(library)
    ]
    head = {
        "format": FORMAT,
        "version": VERSION,
        "program": f"ngodesk {__version__}",
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tags": tags,
        "entities": entities,
    }
    out.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "stories": [\n')
    done = 0
    for chunk in records.chunks(story_ids, CHUNK):
        for view in queries.stories(library, chunk):
            out.write(("  " if done == 0 else ",\n  ") + json.dumps(_story(view), ensure_ascii=False))
            done += 1
        if not progress(done, len(story_ids)):
            raise Cancelled("The export was cancelled; no file was written.")
    out.write("\n ]\n}\n")


def export_json(
    library: Library, path: Path | str, story_ids: Sequence[int] | None = None, progress: Progress = no_progress
) -> int:
    """Write ``story_ids`` (None: every story, newest first) to ``path``;
    returns how many stories were written. Raises NgodeskError when the file
    cannot be written, Cancelled when ``progress`` asks to stop."""
    target = Path(path)
    ids = list(story_ids) if story_ids is not None else queries.matching_ids(library, "").tolist()
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise NgodeskError(f"Cannot write {target}: {error.strerror or error}") from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            _write(library, out, ids, progress)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise NgodeskError(f"Cannot write {target}: {error.strerror or error}") from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(ids)
