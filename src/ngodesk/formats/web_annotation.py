"""W3C Web Annotation JSON-LD read back (see ``writers.web_annotation``):
an AnnotationCollection (its first page, and the pages ``next`` to it when
they are in the file), an AnnotationPage, a list of annotations or one.

Only what ngodesk can hold is read: annotations whose target is a story
(``urn:uuid:...``) and whose selectors quote its text. Each one that cannot
be read is reported with its place in the file and why.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import AnnotationKind, RecordProblem
from ngodesk.domain.text import require_encodable
from ngodesk.formats.nesting import TooDeep, load_json

_KINDS = {"editing": AnnotationKind.RENDERING, "tagging": AnnotationKind.TERM}


@dataclass(frozen=True)
class ReadAnnotation:
    """One annotation as the file gives it."""

    position: str  # where in the file: ``annotation N``
    uuid: str
    story_uuid: str
    field: str  # "" when the file does not say (the quote is looked for)
    language: str
    kind: AnnotationKind
    body: str
    exact: str
    prefix: str
    suffix: str
    start: int | None
    term_uuid: str
    author: str
    created_at: datetime | None
    updated_at: datetime | None
    orphaned: bool


def _uuid(value: object) -> str:
    text = str(value or "")
    return text.removeprefix("urn:uuid:").lower() if text.startswith("urn:uuid:") else ""


def _identity(value: object) -> str:
    """An annotation's uuid: its own (``urn:uuid:``), or one derived from
    another tool's id (the same each time, so importing twice adds nothing),
    or "" without an id."""
    text = str(value or "")
    return _uuid(text) or (str(uuid.uuid5(uuid.NAMESPACE_URL, text)) if text else "")


def _time(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _items(document: object) -> list[object] | str:
    """The annotations of a parsed document, or why there are none."""
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        return translate("Messages", "not a Web Annotation document (a JSON object or list)")
    kind = document.get("type")
    if kind == "Annotation":
        return [document]
    if kind == "AnnotationPage":
        return list(document.get("items") or [])
    if kind == "AnnotationCollection":
        found, page = [], document.get("first")
        while isinstance(page, dict):
            found += list(page.get("items") or [])
            page = page.get("next")
        return found
    return translate("Messages", "not a Web Annotation document (its type is {type})").format(type=repr(kind))


def _read(item: object, position: str) -> ReadAnnotation | str:
    if not isinstance(item, dict) or item.get("type") != "Annotation":
        return translate("Messages", "not an annotation")
    target = item.get("target")
    target = target[0] if isinstance(target, list) and target else target
    if not isinstance(target, dict) or not (story := _uuid(target.get("source"))):
        return translate("Messages", "its target is not a story (urn:uuid:...)")
    selectors = target.get("selector") or []
    selectors = selectors if isinstance(selectors, list) else [selectors]
    quote = next((s for s in selectors if isinstance(s, dict) and s.get("type") == "TextQuoteSelector"), None)
    if quote is None or not str(quote.get("exact") or ""):
        return translate("Messages", "it quotes no text (no TextQuoteSelector)")
    offsets = next((s for s in selectors if isinstance(s, dict) and s.get("type") == "TextPositionSelector"), {})
    bodies = item.get("body") or []
    bodies = bodies if isinstance(bodies, list) else [bodies]
    text = next((b for b in bodies if isinstance(b, dict) and b.get("type") == "TextualBody"), {})
    term = next((b for b in bodies if isinstance(b, dict) and b.get("type") == "SpecificResource"), {})
    purpose = str(text.get("purpose") or item.get("motivation") or "commenting")
    creator = item.get("creator")
    start = offsets.get("start")
    read = ReadAnnotation(
        position=position,
        uuid=_identity(item.get("id")),
        story_uuid=story,
        field=str(target.get("ngodesk:field") or ""),
        language=str(target.get("ngodesk:language") or ""),
        kind=_KINDS.get(purpose, AnnotationKind.TERM if term and not text else AnnotationKind.COMMENT),
        body=str(text.get("value") or ""),
        exact=str(quote["exact"]),
        prefix=str(quote.get("prefix") or ""),
        suffix=str(quote.get("suffix") or ""),
        start=start if isinstance(start, int) and start >= 0 else None,
        term_uuid=_uuid(term.get("source")),
        author=str(creator.get("name") or "") if isinstance(creator, dict) else str(creator or ""),
        created_at=_time(item.get("created")),
        updated_at=_time(item.get("modified")),
        orphaned=bool(item.get("ngodesk:orphaned")),
    )
    try:  # (an escape such as \\udcff gives what no text can hold)
        for name, value in vars(read).items():
            if isinstance(value, str):
                require_encodable(value, name)
    except ValidationError as error:
        return str(error)
    return read


def read(text: str) -> tuple[list[ReadAnnotation], list[RecordProblem]]:
    """The annotations of a JSON-LD text, and per unreadable one where it
    is (``annotation N``) and why; a text that is not one at all gives a
    single problem for ``the file``."""
    try:
        document = load_json(text)
    except json.JSONDecodeError as error:
        return [], [
            RecordProblem(
                translate("Messages", "the file"),
                translate("Messages", "not JSON: {error} at line {line}").format(error=error.msg, line=error.lineno),
            )
        ]
    except TooDeep as error:
        return [], [RecordProblem(translate("Messages", "the file"), str(error))]
    items = _items(document)
    if isinstance(items, str):
        return [], [RecordProblem(translate("Messages", "the file"), items)]
    found: list[ReadAnnotation] = []
    problems: list[RecordProblem] = []
    for number, item in enumerate(items, 1):
        position = translate("Messages", "annotation {number}").format(number=number)
        result = _read(item, position)
        if isinstance(result, str):
            problems.append(RecordProblem(position, result))
        else:
            found.append(result)
    return found, problems
