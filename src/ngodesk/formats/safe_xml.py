"""XML from files, parsed safely with defusedxml: entity declarations are
refused (no entity-expansion bombs, no external files, no network)."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem

#: The encoding an XML declaration names: the text is decoded already.
_DECLARED_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""")


def root_of(text: str) -> Element | RecordProblem:
    """The document's root element, or a problem naming "the file" and why
    it cannot be read. ``text`` is decoded already (``formats.read_text``
    honours the declared encoding), so the declaration's encoding is
    dropped before parsing."""
    try:
        return fromstring(_DECLARED_ENCODING.sub(r"\1", text, count=1).encode("utf-8"))
    except DefusedXmlException:
        return RecordProblem(
            translate("Messages", "the file"), translate("Messages", "declares XML entities; refused for safety")
        )
    except (ParseError, ValueError) as error:
        return RecordProblem(
            translate("Messages", "the file"), translate("Messages", "not readable XML: {error}").format(error=error)
        )


def local_name(element: Element) -> str:
    """The element's tag without its namespace."""
    return str(element.tag).rpartition("}")[2]
