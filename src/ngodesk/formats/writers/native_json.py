"""ngodesk's own JSON: every field it stores, with the tag tree and the
authority records, so that a library can be rebuilt from it. One object:
a head (``format``, ``version``, ``program``, ``exported_at``, ``tags``,
``entities``) then ``stories``, written one story per line as they come
(memory stays flat at any size)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import IO

from ngodesk import __version__
from ngodesk.domain.models import EntityView, StoryView, TagRecord
from ngodesk.formats.writers import text_fields

FORMAT = "ngodesk-library"
VERSION = 1


def _story(view: StoryView) -> dict[str, object]:
    return {
        "uuid": view.uuid,
        **text_fields(view),
        "tags": [tag.path for tag in view.tags],
        "entities": [entity.uuid for entity in view.entities],
        "created_at": view.created_at.isoformat(),
        "updated_at": view.updated_at.isoformat(),
        "revision": view.revision,
        "extra": view.extra,
        "translations": [
            {
                "uuid": t.uuid,
                "field": t.field,
                "language": t.language,
                "text": t.text,
                "status": t.status.value,
                "translator": t.translator,
                "created_at": t.created_at.isoformat() if t.created_at else "",
                "updated_at": t.updated_at.isoformat() if t.updated_at else "",
                "revision": t.revision,
            }
            for t in view.translations
        ],
    }


def write(
    out: IO[str],
    tags: Sequence[TagRecord],
    entities: Sequence[EntityView],
    stories: Iterable[StoryView],
    exported_at: datetime,
) -> None:
    """Write the document: the library's ``tags`` and ``entities`` (all of
    them), then ``stories``."""
    head = {
        "format": FORMAT,
        "version": VERSION,
        "program": f"ngodesk {__version__}",
        "exported_at": exported_at.isoformat(timespec="seconds"),
        "tags": [
            {
                "uuid": t.uuid,
                "path": t.path,
                "colour": t.colour,
                "synonyms": list(t.synonyms),
                "related": list(t.related),
                "scope_note": t.scope_note,
            }
            for t in tags
        ],
        "entities": [
            {
                "uuid": e.uuid,
                "kind": e.kind.value,
                "name": e.name,
                "alt_names": [
                    {"name": n.name, "language": n.language, **({"preferred": True} if n.preferred else {})}
                    for n in e.alt_names
                ],
                "note": e.note,
                "type": e.type,
                "country": e.country,
                "external_id": e.external_id,
                "see_also": list(e.see_also),
            }
            for e in entities
        ],
    }
    out.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "stories": [\n')
    for number, view in enumerate(stories):
        out.write(("  " if number == 0 else ",\n  ") + json.dumps(_story(view), ensure_ascii=False))
    out.write("\n ]\n}\n")
