"""Dublin Core export as an OAI-PMH ``ListRecords`` response carrying
``oai_dc`` records: the container repositories harvest and the oai-dc
importer reads. Per story: the uuid as the record's identifier
(``oai:ngodesk:UUID``) and its last change as the datestamp; dc:title,
dc:creator (people), dc:subject (tags), dc:description (summary),
dc:publisher (source), dc:date, dc:type (Text), dc:identifier (url),
dc:language and dc:coverage (places). Written as it goes, so memory stays
flat; characters XML 1.0 cannot hold are left out. Line breaks are written
as they are (a carriage return as ``&#13;``, which XML readers would
otherwise turn into a line feed), so a summary's paragraphs come back."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from ngodesk.domain.models import EntityKind, StoryView
from ngodesk.formats.writers import names, tag_paths

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">
 <responseDate>{date}</responseDate>
 <request verb="ListRecords" metadataPrefix="oai_dc"></request>
 <ListRecords>
"""
_DC = (
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">'
)
_TAIL = " </ListRecords>\n</OAI-PMH>\n"
#: a carriage return as XML keeps it (written as it is, a reader gets a line feed)
_CARRIAGE_RETURN = {"\r": "&#13;"}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _utc(moment: datetime) -> str:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _element(name: str, text: str, lang: str = "") -> str:
    attribute = f" xml:lang={quoteattr(lang)}" if lang else ""
    value = escape(_NOT_XML.sub("", text), _CARRIAGE_RETURN)
    return f"    <dc:{name}{attribute}>{value}</dc:{name}>\n"


def _record(view: StoryView) -> str:
    elements = [
        ("title", [view.title]),
        ("creator", names(view, EntityKind.PERSON)),
        ("subject", tag_paths(view)),
        ("description", [view.summary]),
        ("publisher", [view.source]),
        ("date", [view.published]),
        ("type", ["Text"]),
        ("identifier", [view.url]),
        ("language", [view.language]),
        ("coverage", names(view, EntityKind.PLACE)),
    ]
    texts = "".join(
        _element(name, value, view.language if name in ("title", "description") else "")
        for name, values in elements
        for value in values
        if value
    )
    return (
        f"  <record>\n   <header>\n    <identifier>oai:ngodesk:{view.uuid}</identifier>\n"
        f"    <datestamp>{_utc(view.updated_at)}</datestamp>\n   </header>\n"
        f"   <metadata>\n   {_DC}\n{texts}   </oai_dc:dc>\n   </metadata>\n  </record>\n"
    )


def write(out: IO[str], stories: Iterable[StoryView], exported_at: datetime) -> None:
    """Write ``stories`` as one ListRecords response dated ``exported_at``."""
    out.write(_HEAD.format(date=_utc(exported_at)))
    for view in stories:
        out.write(_record(view))
    out.write(_TAIL)
