"""NoteExpress's tagged text, what CNKI (中国知网) exports for Chinese
researchers ("NoteExpress" in CNKI's export menu): one ``{Field}: value``
line per field, a record starting at its ``{Reference Type}:`` line.

Read by hand (no maintained Python library reads it): a line that does
not start with ``{Field}:`` continues the field above it (CNKI breaks
long author addresses over several lines, blank ones among them), so a
blank line ends a record only in a file without ``{Reference Type}``
lines or when the field after it is one the record has already.

Lists are separated by ``;`` or ``；`` (``;;`` in CNKI's keywords, a
``;`` after the last author); older CNKI records separate Chinese names
and keywords by commas (``谢昕,王小增``), which are split only when every
part is Chinese, so ``Industry, Mining, Construction`` stays one keyword.
``{Author}`` gives the people in order, ``{Keywords}`` tags, ``{Journal}``
(else the newspaper's ``{Secondary Title}``, the conference's
``{Tertiary Title}``, the ``{Publisher}``) the source, ``{Date}`` or
``{Year}`` the date, ``{Abstract}`` the summary, ``{URL}`` the web address
and ``{Language}`` the language as given; every other field (author
addresses, ISSN, CNKI's notes, pages...) is kept in extra under its name
in snake case (``{ISBN/ISSN}`` as ``isbn_issn``, Chinese names as given).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, StoryRecord
from ngodesk.formats import NO_OPTIONS, SNIFF_HEAD, ImportOptions, ParseResult, Stream, collect, distinct, person_name
from ngodesk.formats.bibliographic import Draft, block_text, line_text
from ngodesk.formats.places import line_place
from ngodesk.search.text import CJK_RUN

NAME = "noteexpress"
TITLE = "NoteExpress (CNKI)"
EXTENSIONS = (".net",)

_FIELD = re.compile(r"^\{([^{}\n]{1,60})\}[ \t]*[:：][ \t]?(.*)$")
_TYPE_LINE = re.compile(r"^\{Reference Type\}[ \t]*[:：]", re.MULTILINE)
_SEMICOLONS = re.compile(r"[;；]")
_COMMAS = re.compile(r"[,，、]")
_KEY = re.compile(r"[^\w]+")
_TYPE = "Reference Type"
#: Fields read into story fields (the rest goes to extra).
_SOURCES = ("Journal", "Secondary Title", "Tertiary Title", "Publisher")
_READ = {_TYPE, "Title", "Author", "Keywords", "Abstract", "Year", "Date", "URL", "Language"}


def sniff(text: str) -> bool:
    """True when the first line that is not blank is a ``{Field}:`` line
    and a ``{Reference Type}:`` or ``{Title}:`` line comes within the
    first 50 lines."""
    lines = [line for line in text[:SNIFF_HEAD].lstrip("\ufeff").splitlines()[:50] if line.strip()]
    return (
        bool(lines)
        and _FIELD.match(lines[0]) is not None
        and any(line.startswith(("{Reference Type}", "{Title}")) for line in lines)
    )


def _records(text: str) -> Iterator[tuple[int, list[tuple[str, list[str]]]]]:
    """(line where it starts, its fields as (name, lines)) of each record."""
    typed = _TYPE_LINE.search(text) is not None
    fields: list[tuple[str, list[str]]] = []
    start, blank = 1, False
    for number, line in enumerate(text.lstrip("\ufeff").split("\n"), 1):
        match = _FIELD.match(line)
        if match is None:
            if fields and line.strip():
                fields[-1][1].append(line)
            blank = blank or not line.strip()
            continue
        name = match.group(1).strip()
        repeated = any(name == known for known, _ in fields)
        if fields and (name == _TYPE or (blank and (not typed or repeated))):
            yield start, fields
            fields = []
        if not fields:
            start = number
        fields.append((name, [match.group(2)]))
        blank = False
    if fields:
        yield start, fields


def _chinese(part: str) -> bool:
    return CJK_RUN.fullmatch(part.replace(" ", "").replace("·", "")) is not None


def split_names(text: str) -> list[str]:
    """The values of a NoteExpress list: split on semicolons, or, when
    there is none, on commas between Chinese values only."""
    parts = [part.strip() for part in _SEMICOLONS.split(text)]
    if len(parts) == 1 and (commas := [p.strip() for p in _COMMAS.split(text)])[1:]:
        if all(_chinese(part) for part in commas if part):
            parts = commas
    return [part for part in parts if part]


def _key(name: str) -> str:
    return _KEY.sub("_", name.strip().lower()).strip("_") or name


def _record(start: int, fields: list[tuple[str, list[str]]]) -> StoryRecord | RecordProblem:
    draft = Draft(line_place(start))
    values: dict[str, list[str]] = {}
    for name, lines in fields:
        values.setdefault(name, []).append(block_text("\n".join(lines)))
    first = {name: next((v for v in given if v), "") for name, given in values.items()}
    source = next((name for name in _SOURCES if first.get(name)), "")
    for name, given in values.items():
        if name not in _READ and name != source:
            draft.keep(_key(name), given[0] if len(given) == 1 else given)
    draft.keep("noteexpress_type", first.get(_TYPE, ""))
    for name in ("Title", "Abstract", "Year", "Date", "URL", "Language", "Journal"):
        draft.keep(f"more_{_key(name)}", [v for v in values.get(name, [])[1:] if v])
    date = first.get("Date", "")
    year = first.get("Year", "")
    if year and date and not date.startswith(year):
        draft.keep("year", year)
    people = [person_name(n) for v in values.get("Author", []) for n in split_names(v.replace("\n", ";"))]
    tags = [t for v in values.get("Keywords", []) for t in split_names(v.replace("\n", ";"))]
    return draft.story(
        first.get("Title", ""),
        [(translate("Messages", "translated title"), first.get("Translated Title", ""))],
        summary=first.get("Abstract", ""),
        url=draft.url(line_text(u) for v in values.get("URL", []) for u in v.split()),
        source=line_text(first.get(source, "")),
        published=draft.date(date if len(date) > len(year) else year or date),
        language=line_text(first.get("Language", "")),
        tags=distinct(tags),
        people=distinct(people),
    )


def parse(text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
    """Every record of a NoteExpress text; one with neither a title nor a
    text as a problem."""
    return collect(stream(text, options))


def stream(text: str, options: ImportOptions = NO_OPTIONS) -> Stream:
    """``parse``, one record at a time (the records are found first: a
    quick pass over the lines)."""
    records = list(_records(text))
    return Stream(len(records), (_record(start, fields) for start, fields in records))
