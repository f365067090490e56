"""RIS (reference managers' tagged format), read with rispy.

Records are found by their ``TY  -`` line and end at their ``ER  -``
line, so export junk before or between records is skipped (a ``TY`` line
before a record's ``ER`` is part of that record, with a warning, as rispy
and JabRef read it), and each record is parsed on its own: one that
cannot be read is reported with its line and the others still come in.
Vendor variants map to one field each (title: TI/T1/ST; source:
JO/JF/T2/JA; date: DA/PY/Y1 with partial dates such as ``2016/12//`` or
``2001/00/00/``); authors become people, keywords tags; every other tag
is kept in ``extra`` under rispy's name for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import rispy

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, StoryRecord
from ngodesk.formats import (
    NO_OPTIONS,
    SNIFF_HEAD,
    ImportOptions,
    ParseResult,
    Stream,
    collect,
    distinct,
    partial_date,
    person_name,
)
from ngodesk.formats.places import line_place

NAME = "ris"
TITLE = "RIS (reference managers)"
EXTENSIONS = (".ris",)

_START = re.compile(r"^TY  - ", re.MULTILINE)
_TYPE = re.compile(r"^TY  -(.*)$", re.MULTILINE)
_TAG_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ", re.MULTILINE)
_TITLES = ("primary_title", "title", "short_title", "translated_title")
_SOURCES = ("journal_name", "alternate_title3", "secondary_title", "alternate_title2", "alternate_title1")
_SUMMARIES = ("abstract", "notes_abstract")
_DATES = ("date", "publication_year", "year")
_PEOPLE = ("authors", "first_authors")
_USED = {*_TITLES, *_SOURCES, *_SUMMARIES, *_DATES, *_PEOPLE, "keywords", "urls", "language", "type_of_reference"}


def sniff(text: str) -> bool:
    """True when a record starts (``TY  -``) among the first 50 lines."""
    return _START.search("\n".join(text[:SNIFF_HEAD].splitlines()[:50])) is not None


def _first(entry: dict[str, object], names: tuple[str, ...]) -> str:
    for name in names:
        value = entry.get(name)
        if isinstance(value, list):
            value = next((v for v in value if str(v).strip()), "")
        if value and str(value).strip():
            return str(value).strip()
    return ""


def _date(value: str) -> str:
    """``2016/12//`` -> ``2016-12``; ``2009`` -> ``2009``; else as given
    (the story's validation then explains what is wrong)."""
    return partial_date(value.split("/")) or value


def _url(entry: dict[str, object]) -> str:
    url = _first(entry, ("urls",))
    return "https:" + url if url.startswith("//") else url


def _record(entry: dict[str, Any], line: int, types: list[str]) -> StoryRecord:
    """``entry`` as rispy reads it (untyped: a list or a text per tag)."""
    people = [person_name(str(name)) for key in _PEOPLE for name in entry.get(key, []) or [] if str(name).strip()]
    extra = {key: value for key, value in entry.items() if key not in _USED and value not in ("", [], None)}
    if "unknown_tag" in extra:
        extra["unknown_tag"] = dict(extra["unknown_tag"])
    reference_type = _first(entry, ("type_of_reference",))
    if reference_type:
        extra["ris_type"] = reference_type
    warnings = []
    if len(types) > 1:
        extra["ris_types_as_given"] = types
        warnings.append(
            translate("Messages", "TY given {count} times before the record's ER ({types}); read as one record").format(
                count=len(types), types=", ".join(types)
            )
        )
    return StoryRecord(
        title=_first(entry, _TITLES),
        position=line_place(line),
        summary=_first(entry, _SUMMARIES),
        url=_url(entry),
        source=_first(entry, _SOURCES),
        published=_date(_first(entry, _DATES)),
        language=_first(entry, ("language",)),
        tags=distinct(entry.get("keywords", []) or []),
        people=distinct(people),
        extra=extra,
        warnings=tuple(warnings),
    )


def parse(text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
    """Every record of an RIS text; unreadable ones as problems."""
    return collect(stream(text, options))


def stream(text: str, options: ImportOptions = NO_OPTIONS) -> Stream:
    """``parse``, one record at a time (one per ``TY  -`` line at most)."""
    starts = [match.start() for match in _START.finditer(text)]
    return Stream(len(starts), _entries(text, starts))


def _entries(text: str, starts: list[int]) -> Iterator[StoryRecord | RecordProblem]:
    line, counted, end = 1, 0, 0
    for start in starts:
        if start < end:  # a TY line before the record's ER: part of that record (as rispy and JabRef read it)
            continue
        found = text.find("\nER  -", start)  # (a regular expression took a tenth of the reading)
        end = len(text) if found < 0 else text.find("\n", found + 1) + 1 or len(text)
        chunk = text[start:end]  # (junk after ER is not part of it)
        if found < 0:  # the last record may lack its end tag
            chunk = chunk.rstrip("\n") + "\nER  - \n"
        line += text.count("\n", counted, start)  # (counting from the start each time was quadratic)
        counted = start
        try:
            entries = rispy.loads(chunk, skip_unknown_tags=False)
        except Exception as error:  # noqa: BLE001 - rispy raises several kinds for malformed input
            yield RecordProblem(
                line_place(line), translate("Messages", "not a readable RIS record: {error}").format(error=error)
            )
            continue
        for entry in entries:
            types = [t.strip() for t in _TYPE.findall(chunk)] if "\nTY  -" in chunk else []
            record = _record(entry, line, types)
            if not record.title:
                yield RecordProblem(line_place(line), translate("Messages", "the record has no title (TI, T1 or ST)"))
            else:
                yield record
