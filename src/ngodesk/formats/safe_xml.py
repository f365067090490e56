"""XML from files, parsed safely with defusedxml: entity declarations are
refused (no entity-expansion bombs, no external files, no network)."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from ngodesk.domain.models import RecordProblem


def root_of(text: str) -> Element | RecordProblem:
    """The document's root element, or a problem naming "the file" and why
    it cannot be read."""
    try:
        return fromstring(text.encode("utf-8"))
    except DefusedXmlException:
        return RecordProblem("the file", "declares XML entities; refused for safety")
    except ParseError as error:
        return RecordProblem("the file", f"not readable XML: {error}")


def local_name(element: Element) -> str:
    """The element's tag without its namespace."""
    return str(element.tag).rpartition("}")[2]
