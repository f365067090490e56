"""CSL-JSON export (Zotero, Pandoc, citeproc): a list of
``article-newspaper`` items with ``id`` (the uuid), ``title``, ``abstract``,
``URL``, ``container-title`` (the source), ``issued`` (``date-parts``),
``language``, ``keyword`` (tags, comma-separated; by semicolons when a
tag holds a comma) and ``author`` (people: "Family, Given" split at the
comma, any other name ``literal``, as Chinese names are best kept)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from ngodesk.domain.models import EntityKind, StoryView
from ngodesk.formats.writers import date_parts, keyword_list, names


def _name(name: str) -> dict[str, str]:
    family, comma, given = name.partition(", ")
    return {"family": family, "given": given} if comma and family and given else {"literal": name}


def _item(view: StoryView) -> dict[str, object]:
    parts = date_parts(view.published)
    item: dict[str, object] = {
        "id": view.uuid,
        "type": "article-newspaper",
        "title": view.title,
        "abstract": view.summary,
        "URL": view.url,
        "container-title": view.source,
        "issued": {"date-parts": [parts]} if parts else None,
        "language": view.language,
        "keyword": keyword_list(view),
        "author": [_name(n) for n in names(view, EntityKind.PERSON)],
    }
    return {key: value for key, value in item.items() if value}


def write(out: IO[str], stories: Iterable[StoryView]) -> None:
    """Write ``stories`` as one JSON array, an item per line."""
    out.write("[")
    for number, view in enumerate(stories):
        out.write(("\n" if number == 0 else ",\n") + json.dumps(_item(view), ensure_ascii=False))
    out.write("\n]\n")
