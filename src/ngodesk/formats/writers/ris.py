"""RIS export with rispy's writer: TY (the type a story was imported with,
else NEWS), ID (the uuid), TI, TT (a translated title: see
``translated_title``), AB, UR, T2 (the source), DA and PY, LA, one KW per
tag and one AU per person. Values are single lines: a line break
inside one would start a new tag."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from rispy import RisWriter

from ngodesk.domain.models import EntityKind, StoryView
from ngodesk.formats.writers import date_parts, names, one_line, tag_paths, translated_title


class _Writer(RisWriter):  # type: ignore[misc]  # (rispy has no types: its writer is Any)
    def set_header(self, count: int) -> str:
        return ""  # rispy numbers records ("1.") by default; other readers stumble on it


def _entry(view: StoryView) -> dict[str, object]:
    parts = date_parts(view.published)
    entry: dict[str, object] = {
        "type_of_reference": str(view.extra.get("ris_type") or "NEWS"),
        "id": view.uuid,
        "title": view.title,
        "translated_title": translated_title(view),
        "abstract": one_line(view.summary),
        "urls": [view.url],
        "secondary_title": view.source,
        "date": "/".join(f"{part:02d}" for part in parts),
        "year": str(parts[0]) if parts else "",
        "language": view.language,
        "keywords": [one_line(path) for path in tag_paths(view)],
        "authors": [one_line(name) for name in names(view, EntityKind.PERSON)],
    }
    return {key: value for key, value in entry.items() if value and value != [""]}


def write(out: IO[str], stories: Iterable[StoryView]) -> None:
    """Write ``stories`` as RIS records, a blank line after each."""
    writer = _Writer()
    for view in stories:
        out.write(writer.formats([_entry(view)]) + "\n")
