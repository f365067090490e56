"""CSL-JSON, the citation data of Zotero, Better BibTeX, Pandoc...: a list
of items (or one item). Dates come as ``date-parts`` (strings or numbers;
a range keeps its start), ``raw`` or ``literal``; names as family/given or
literal; ``keyword`` as a comma- or semicolon-separated string or a list.
What does not map onto a story is kept in ``extra``."""

from __future__ import annotations

import re

from ngodesk.domain.models import RecordProblem, StoryRecord
from ngodesk.formats import NO_OPTIONS, ImportOptions, ParseResult, distinct, partial_date, person_name, split_list
from ngodesk.formats.nesting import load_json

NAME = "csl-json"
TITLE = "CSL-JSON (Zotero, Pandoc)"
EXTENSIONS = (".json",)

_USED = {"title", "abstract", "URL", "container-title", "publisher", "issued", "language", "author", "keyword"}
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


def _date(issued: object) -> str:
    if not isinstance(issued, dict):
        return str(issued or "")
    parts = issued.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and partial_date(parts[0]):
        return partial_date(parts[0])  # (a range keeps its start)
    for key in ("raw", "literal"):
        match = _RAW_DATE.match(str(issued.get(key, "")))
        if match:
            return partial_date(match.groups())
    # as given ("Spring 2019"): the import keeps it as date_as_given
    return str(issued.get("raw") or issued.get("literal") or "")


def _name(person: object) -> str:
    if not isinstance(person, dict):
        return str(person or "").strip()
    if person.get("literal"):
        return str(person["literal"]).strip()
    return person_name(", ".join(str(person[k]).strip() for k in ("family", "given") if person.get(k)))


def _keywords(value: object) -> tuple[str, ...]:
    return distinct(value) if isinstance(value, list) else split_list(str(value or ""), commas=True)


def _text(item: dict[str, object], key: str) -> str:
    value = item.get(key, "")
    return str(value[0] if isinstance(value, list) and value else value or "").strip()


def parse(text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
    """Every item of a CSL-JSON text; unreadable ones as problems."""
    result = ParseResult()
    try:
        data = load_json(text)
    except ValueError as error:
        result.problems.append(RecordProblem("the file", f"not valid JSON: {error}"))
        return result
    items = data if isinstance(data, list) else [data]
    for number, item in enumerate(items, 1):
        position = f"record {number}"
        if not isinstance(item, dict):
            result.problems.append(RecordProblem(position, "not a CSL item (an object with a type)"))
            continue
        title = _text(item, "title")
        if not title:
            result.problems.append(RecordProblem(position, "the item has no title"))
            continue
        authors = item.get("author") if isinstance(item.get("author"), list) else []
        result.records.append(
            StoryRecord(
                title=title,
                position=position,
                summary=_text(item, "abstract"),
                url=_text(item, "URL"),
                source=_text(item, "container-title") or _text(item, "publisher"),
                published=_date(item.get("issued")),
                language=_text(item, "language"),
                tags=_keywords(item.get("keyword")),
                people=distinct(_name(p) for p in authors),  # type: ignore[union-attr]
                extra={k: v for k, v in item.items() if k not in _USED},
            )
        )
    return result
