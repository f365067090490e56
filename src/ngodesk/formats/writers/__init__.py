"""Exporters: stories (``StoryView``) written to a text stream, one module
per format. Each writes what the matching importer in ``formats`` reads
back (title, summary, url, source, published, language, tags, people), so
that an export imports again. Writers are pure: they take the stories as an
iterable (consumed once, in order) and never open files themselves.

``FORMATS`` names every export format with its file extension and a
description, for ``--format`` and for file dialogs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ngodesk.domain.models import STORY_TEXT_FIELDS, EntityKind, StoryView


@dataclass(frozen=True)
class ExportFormat:
    """An export format as a user picks it: ``name`` for ``--format``,
    ``extension`` (with its dot) and ``description`` for a file dialog."""

    name: str
    extension: str
    description: str


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("json", ".json", "ngodesk JSON (everything, for another library)"),
        ExportFormat("csv", ".csv", "CSV spreadsheet (UTF-8)"),
        ExportFormat("ris", ".ris", "RIS (reference managers)"),
        ExportFormat("bibtex", ".bib", "BibTeX"),
        ExportFormat("csl-json", ".json", "CSL-JSON (Zotero, Pandoc)"),
        ExportFormat("dc-xml", ".xml", "Dublin Core XML (OAI-PMH)"),
        ExportFormat("html", ".html", "HTML catalogue (printable)"),
    )
}


def text_fields(view: StoryView) -> dict[str, str]:
    """The story's own fields (``STORY_TEXT_FIELDS``: title... status), in
    that order, as text."""
    return {name: str(getattr(view, name)) for name in STORY_TEXT_FIELDS}


def names(view: StoryView, kind: EntityKind) -> list[str]:
    """Names of the story's linked records of ``kind`` (people are its
    authors in bibliographic formats), in display order."""
    return [entity.name for entity in view.entities if entity.kind is kind]


def tag_paths(view: StoryView) -> list[str]:
    """The story's tags as paths (``Region/Africa``)."""
    return [tag.path for tag in view.tags]


def keyword_list(view: StoryView) -> str:
    """The story's tags as one keyword field: comma-separated, as reference
    managers write them, or by semicolons when a tag holds a comma (our
    importers then split on semicolons only)."""
    paths = tag_paths(view)
    return ("; " if any("," in path or "，" in path for path in paths) else ", ").join(paths)


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (line breaks too) as one space,
    for formats whose values are single lines."""
    return " ".join(text.split())


def date_parts(published: str) -> list[int]:
    """``2018-12`` -> ``[2018, 12]``; ``""`` -> ``[]``."""
    return [int(part) for part in published.split("-") if part]


def translated_title(view: StoryView) -> str:
    """The story's title in English when it is not in English, else its
    first title translation; ``""`` without one."""
    titles = [t for t in view.translations if t.field == "title" and t.text]
    english = [t for t in titles if t.language.lower().split("-")[0] == "en"]
    if english and not view.language.lower().startswith("en"):
        return one_line(english[0].text)
    others = [t for t in titles if t not in english]
    return one_line((others or english)[0].text) if titles else ""
