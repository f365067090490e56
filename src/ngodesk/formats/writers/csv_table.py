"""CSV export for spreadsheets: UTF-8 with a byte-order mark (Excel then
reads Chinese correctly), a header row of ngodesk's field names, one row
per story; tags, people, organisations and places each in one cell joined
with "; ", then a column per translated field and language ("title (en)").
A cell starting with = + - @ (or a tab or carriage return) gets
a leading apostrophe, so a spreadsheet shows it as text instead of running
it as a formula."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import IO

from ngodesk.domain.models import STORY_TEXT_FIELDS, TRANSLATED_FIELDS, EntityKind, StoryView
from ngodesk.formats.writers import names, tag_paths, text_fields

COLUMNS = (*STORY_TEXT_FIELDS, "tags", "people", "organisations", "places", "uuid", "created_at", "updated_at")
SEPARATOR = "; "
#: A cell starting with one of these would run as a formula in a
#: spreadsheet: it gets a leading ' (which the importer drops again).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell``, with an apostrophe in front when a spreadsheet would read
    it as a formula (``=1+1`` -> ``'=1+1``)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def translation_columns(languages: Sequence[str]) -> list[tuple[str, str, str]]:
    """(heading, field, language) of the translation columns for ``languages``:
    ``title (en)``, ``summary (en)``, ``body (en)``..."""
    return [(f"{field} ({language})", field, language) for language in languages for field in TRANSLATED_FIELDS]


def _row(view: StoryView, translated: list[tuple[str, str, str]]) -> list[str]:
    values = {
        **text_fields(view),
        "tags": SEPARATOR.join(tag_paths(view)),
        "people": SEPARATOR.join(names(view, EntityKind.PERSON)),
        "organisations": SEPARATOR.join(names(view, EntityKind.ORGANISATION)),
        "places": SEPARATOR.join(names(view, EntityKind.PLACE)),
        "uuid": view.uuid,
        "created_at": view.created_at.isoformat(timespec="seconds"),
        "updated_at": view.updated_at.isoformat(timespec="seconds"),
    }
    texts = [(found.text if (found := view.translation(field, language)) else "") for _, field, language in translated]
    return [neutralise(cell) for cell in [values[column] for column in COLUMNS] + texts]


def write(out: IO[str], stories: Iterable[StoryView], languages: Sequence[str] = ()) -> None:
    """Write the byte-order mark, the header and a row per story (lines
    end in CRLF, as RFC 4180 has it; ``out`` must not translate newlines),
    with the translations into ``languages`` in columns of their own."""
    out.write("\ufeff")
    rows = csv.writer(out)
    translated = translation_columns(languages)
    rows.writerow([*COLUMNS, *(heading for heading, _, _ in translated)])
    rows.writerows(_row(view, translated) for view in stories)
