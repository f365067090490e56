"""Annotations as W3C Web Annotation JSON-LD (an AnnotationCollection with
one page), as tools such as Hypothesis exchange them.

Each annotation targets its story (``urn:uuid:`` of the story) with a
TextQuoteSelector and a TextPositionSelector; which field and which
language the passage is in are said by ``ngodesk:field`` and
``ngodesk:language`` ("" for the original) on the target. A comment is a
TextualBody with the purpose ``commenting``, a suggested rendering one with
``editing``, a glossary link a SpecificResource (the term's ``urn:uuid:``)
with ``tagging``. Orphaned annotations (their passage is gone) say so with
``ngodesk:orphaned``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ngodesk.domain.models import AnnotationKind, AnnotationView

CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"ngodesk": "urn:ngodesk:"}]
_MOTIVATION = {
    AnnotationKind.COMMENT: "commenting",
    AnnotationKind.RENDERING: "editing",
    AnnotationKind.TERM: "tagging",
}


def _body(view: AnnotationView) -> list[dict[str, object]]:
    bodies: list[dict[str, object]] = []
    if view.body:
        text = {"type": "TextualBody", "value": view.body, "format": "text/plain"}
        bodies.append({**text, "purpose": _MOTIVATION[view.kind]})
    if view.term_uuid:
        bodies.append({"type": "SpecificResource", "source": f"urn:uuid:{view.term_uuid}", "purpose": "tagging"})
    return bodies


def annotation(view: AnnotationView) -> dict[str, object]:
    """One annotation as a JSON-LD object (without its @context)."""
    item: dict[str, object] = {
        "id": f"urn:uuid:{view.uuid}",
        "type": "Annotation",
        "motivation": _MOTIVATION[view.kind],
        "created": view.created_at.isoformat(),
        "modified": view.updated_at.isoformat(),
        "body": _body(view),
        "target": {
            "source": f"urn:uuid:{view.story_uuid}",
            "ngodesk:field": view.field,
            "ngodesk:language": view.language,
            "selector": [
                {"type": "TextQuoteSelector", "exact": view.exact, "prefix": view.prefix, "suffix": view.suffix},
                {"type": "TextPositionSelector", "start": view.start, "end": view.end},
            ],
        },
    }
    if view.author:
        item["creator"] = {"type": "Person", "name": view.author}
    if view.orphaned:
        item["ngodesk:orphaned"] = True
    return item


def write(views: Sequence[AnnotationView], label: str) -> str:
    """The collection of ``views`` as JSON-LD text."""
    collection = {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(views),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": [annotation(v) for v in views]},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
