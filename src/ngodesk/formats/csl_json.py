"""CSL-JSON, the citation data of Zotero, Better BibTeX, Pandoc...: a list
of items (or one item). Dates come as ``date-parts`` (strings or numbers),
``raw`` or ``literal``; a range keeps its start, an approximate date
(``circa``, a season) its year, and these and years a story cannot have
(``-334``) are kept as given in ``extra`` as ``issued_as_given``, with a
warning. Names come as family/given or literal; ``keyword`` as a comma-
or semicolon-separated string (read as ``keyword_lists`` says) or a list. What does not map onto a story
is kept in ``extra``."""

from __future__ import annotations

import re

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, StoryRecord
from ngodesk.formats import NO_OPTIONS, ImportOptions, ParseResult, distinct, partial_date, person_name
from ngodesk.formats.keyword_lists import read_keywords
from ngodesk.formats.nesting import load_json

NAME = "csl-json"
TITLE = "CSL-JSON (Zotero, Pandoc)"
EXTENSIONS = (".json",)

_USED = {"title", "abstract", "URL", "container-title", "publisher", "issued", "language", "author", "keyword"}
#: Where a date that a story cannot hold as it is given is kept.
_DATE_KEPT = "issued_as_given"
_RAW_DATE = re.compile(r"^\s*(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?")


def _items(text: str) -> list[object] | None:
    try:
        data = load_json(text)
    except ValueError:
        return None
    items = data if isinstance(data, list) else [data]
    return items if items and all(isinstance(i, dict) and "type" in i for i in items) else None


def sniff(text: str) -> bool:
    """True for JSON whose items (objects) all carry a CSL ``type``."""
    return text.lstrip()[:1] in ("[", "{") and _items(text) is not None


def _date(issued: object) -> tuple[str, str]:
    """The story's date from CSL's ``issued``, and why it is kept as given
    too (a range, an approximate date, a season, a year before 1000 or
    before the year 1), or ""."""
    if not isinstance(issued, dict):
        return str(issued or ""), ""
    parts = issued.get("date-parts")
    ranges = [p for p in parts if isinstance(p, list) and p] if isinstance(parts, list) else []
    date = partial_date(ranges[0]) if ranges else ""
    if not date:
        for key in ("raw", "literal"):
            match = _RAW_DATE.match(str(issued.get(key, "")))
            if match:
                date = partial_date(match.groups())
                break
    given = _given(issued, ranges)
    if ranges and not date:
        why = translate(
            "Messages", "date {given} cannot be a story's date; kept as given in extra as {key}, the story undated"
        )
    elif len(ranges) > 1:
        why = translate("Messages", "date range {given}: its start kept as the date, the range in extra as {key}")
    elif date and (issued.get("circa") or issued.get("season")):
        why = translate("Messages", "date {given} is approximate: kept as {date}, as given in extra as {key}")
    else:
        # as given ("Spring 2019"): the import keeps it as date_as_given
        return date or str(issued.get("raw") or issued.get("literal") or ""), ""
    return date, why.format(given=given, date=date, key=_DATE_KEPT)


def _given(issued: dict[str, object], ranges: list[list[object]]) -> str:
    """``issued`` as a person would write it: ``-334``, ``2019-03/2019-05``,
    ``circa 1950``, ``1998 (season 2)``."""
    text = "/".join("-".join(str(p) if i == 0 else str(p).zfill(2) for i, p in enumerate(d)) for d in ranges) or str(
        issued.get("raw") or issued.get("literal") or ""
    )
    if issued.get("circa"):
        text = f"circa {text}"
    if issued.get("season"):
        text = f"{text} (season {issued['season']})"
    return text


def _name(person: object) -> str:
    if not isinstance(person, dict):
        return str(person or "").strip()
    if person.get("literal"):
        return str(person["literal"]).strip()
    return person_name(", ".join(str(person[k]).strip() for k in ("family", "given") if person.get(k)))


def _keywords(value: object, extra: dict[str, object], warnings: list[str]) -> tuple[str, ...]:
    return distinct(value) if isinstance(value, list) else read_keywords(str(value or ""), extra, warnings)


def _text(item: dict[str, object], key: str) -> str:
    value = item.get(key, "")
    return str(value[0] if isinstance(value, list) and value else value or "").strip()


def parse(text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
    """Every item of a CSL-JSON text; unreadable ones as problems."""
    result = ParseResult()
    try:
        data = load_json(text)
    except ValueError as error:
        result.problems.append(
            RecordProblem(
                translate("Messages", "the file"), translate("Messages", "not valid JSON: {error}").format(error=error)
            )
        )
        return result
    items = data if isinstance(data, list) else [data]
    for number, item in enumerate(items, 1):
        position = translate("Messages", "record {number}").format(number=number)
        if not isinstance(item, dict):
            result.problems.append(
                RecordProblem(position, translate("Messages", "not a CSL item (an object with a type)"))
            )
            continue
        title = _text(item, "title")
        if not title:
            result.problems.append(RecordProblem(position, translate("Messages", "the item has no title")))
            continue
        authors = given if isinstance(given := item.get("author"), list) else []
        published, why = _date(item.get("issued"))
        extra = {k: v for k, v in item.items() if k not in _USED}
        if why:
            extra[_DATE_KEPT] = item["issued"]
        warnings = [why] if why else []
        keywords = _keywords(item.get("keyword"), extra, warnings)
        result.records.append(
            StoryRecord(
                title=title,
                position=position,
                summary=_text(item, "abstract"),
                url=_text(item, "URL"),
                source=_text(item, "container-title") or _text(item, "publisher"),
                published=published,
                language=_text(item, "language"),
                tags=keywords,
                people=distinct(_name(p) for p in authors),
                extra=extra,
                warnings=tuple(warnings),
            )
        )
    return result
