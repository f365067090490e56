"""CSV export for spreadsheets: UTF-8 with a byte-order mark (Excel then
reads Chinese correctly), a header row of ngodesk's field names, one row
per story; tags, people, organisations and places each in one cell joined
with "; ". A cell starting with = + - @ (or a tab or carriage return) gets
a leading apostrophe, so a spreadsheet shows it as text instead of running
it as a formula."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from ngodesk.domain.models import STORY_TEXT_FIELDS, EntityKind, StoryView
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


def _row(view: StoryView) -> list[str]:
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
    return [neutralise(values[column]) for column in COLUMNS]


def write(out: IO[str], stories: Iterable[StoryView]) -> None:
    """Write the byte-order mark, the header and a row per story (lines
    end in CRLF, as RFC 4180 has it; ``out`` must not translate newlines)."""
    out.write("\ufeff")
    rows = csv.writer(out)
    rows.writerow(COLUMNS)
    rows.writerows(_row(view) for view in stories)
