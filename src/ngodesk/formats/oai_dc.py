"""Dublin Core records from an OAI-PMH ``ListRecords`` response
(metadataPrefix oai_dc), parsed with defusedxml: no DTD entities, no
external files, no network. Repeated elements are kept (creators become
people, subjects tags; further titles and descriptions go to ``extra``);
records the repository marks deleted are skipped (and reported as such).
Descriptions keep their line breaks (paragraphs of an abstract; an export
of ours carries a summary's), less the indentation a pretty-printed file
puts before each line; other values are one line."""

from __future__ import annotations

import re
import textwrap
from xml.etree.ElementTree import Element

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, StoryRecord
from ngodesk.formats import NO_OPTIONS, ImportOptions, ParseResult, distinct, partial_date, split_list
from ngodesk.formats.safe_xml import root_of

NAME = "oai-dc"
TITLE = "Dublin Core (OAI-PMH ListRecords)"
EXTENSIONS: tuple[str, ...] = ()

_OAI = "{http://www.openarchives.org/OAI/2.0/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def sniff(text: str) -> bool:
    """True for an OAI-PMH response carrying oai_dc records."""
    head = text[:5000]
    return "<OAI-PMH" in head and "oai_dc" in text[:20000]


def _values(dc: Element, name: str) -> list[str]:
    return [" ".join((e.text or "").split()) for e in dc.iter(_DC + name) if (e.text or "").strip()]


def _blocks(dc: Element, name: str) -> list[str]:
    """The texts of the elements ``name`` with their line breaks; content
    that starts on a line of its own (a pretty-printed file) loses the
    indentation its lines share."""
    texts = []
    for element in dc.iter(_DC + name):
        text = element.text or ""
        if text.lstrip(" \t").startswith("\n"):
            text = textwrap.dedent(text)
        if text := text.strip():
            texts.append(text)
    return texts


def _date(values: list[str]) -> str:
    """The first readable date, else the first as given ("circa 2003": the
    import keeps it as date_as_given)."""
    for value in values:
        match = _DATE.match(value)
        if match:
            return partial_date(match.groups())
    return values[0] if values else ""


def parse(text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
    """Every live record of a ListRecords response."""
    result = ParseResult()
    root = root_of(text)
    if isinstance(root, RecordProblem):
        result.problems.append(root)
        return result
    for number, record in enumerate(root.iter(_OAI + "record"), 1):
        header = record.find(_OAI + "header")
        identifier = (header.findtext(_OAI + "identifier") or "").strip() if header is not None else ""
        position = (
            translate("Messages", "record {number} ({identifier})").format(number=number, identifier=identifier)
            if identifier
            else translate("Messages", "record {number}").format(number=number)
        )
        if header is not None and header.get("status") == "deleted":
            result.skipped.append(RecordProblem(position, translate("Messages", "deleted in the repository")))
            continue
        dc = record.find(f"{_OAI}metadata/{{http://www.openarchives.org/OAI/2.0/oai_dc/}}dc")
        if dc is None:
            result.problems.append(RecordProblem(position, translate("Messages", "has no oai_dc metadata")))
            continue
        titles = _values(dc, "title")
        if not titles:
            result.problems.append(RecordProblem(position, translate("Messages", "the record has no dc:title")))
            continue
        descriptions = _blocks(dc, "description")
        links = [v for v in _values(dc, "identifier") if v.startswith(("http://", "https://"))]
        extra: dict[str, object] = {"oai_identifier": identifier} if identifier else {}
        for name in ("type", "format", "rights", "relation", "coverage", "contributor", "identifier"):
            if values := _values(dc, name):
                extra[f"dc_{name}"] = values
        languages = _values(dc, "language")
        language = languages[0] if languages else ""  # (a code or a name: the import reads it as a tag)
        if languages[1:]:
            extra["dc_language"] = languages
        if titles[1:] or descriptions[1:]:
            extra.update(more_titles=titles[1:], more_descriptions=descriptions[1:])
        result.records.append(
            StoryRecord(
                title=titles[0],
                position=position,
                summary=descriptions[0] if descriptions else "",
                url=links[0] if links else "",
                source=next(iter(_values(dc, "publisher") + _values(dc, "source")), ""),
                published=_date(_values(dc, "date")),
                language=language,
                tags=distinct(t for subject in _values(dc, "subject") for t in split_list(subject)),
                people=distinct(_values(dc, "creator")),
                extra=extra,
            )
        )
    return result
