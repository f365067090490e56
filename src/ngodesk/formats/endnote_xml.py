"""EndNote XML (File > Export > XML in EndNote; Bookends, Papers and
JabRef write it too): ``xml/records/record``, read with defusedxml
(``safe_xml``: no entities, nothing fetched). Text sits in ``style``
wrappers, a value in several when part of it is styled (an italic species
name in a title): a field's text is all of them joined. EndNote writes
line breaks as ``\\r``; they are kept in abstracts and notes.

Per record: ``titles/title`` (the short, alternative or translated title
standing in when there is none), ``contributors/authors/author`` as
people in order (secondary, tertiary and subsidiary authors kept in extra
as editors and so on), the journal (``periodical/full-title`` or
``titles/secondary-title``) or else the publisher as the source,
``dates/year`` with ``pub-dates/date`` (``Mar 3``) as the date,
``keywords`` as tags (one keyword holding several separated by ``;`` or
line breaks is split), the first web address of ``urls`` (related, then
web URLs; a value that is no web address, such as ``<Go to ISI>://...``,
kept with a warning), ``abstract`` and ``language`` as given. The
reference type and every other field (pages, volume, ISBN, DOI in
``electronic-resource-num``, notes, label, custom fields...) is kept in
extra under EndNote's name for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, StoryRecord
from ngodesk.formats import NO_OPTIONS, ImportOptions, ParseResult, distinct, person_name, split_list
from ngodesk.formats.bibliographic import Draft, block_text, line_text, parse_xml, root_element
from ngodesk.formats.safe_xml import local_name

NAME = "endnote-xml"
TITLE = "EndNote XML"
EXTENSIONS: tuple[str, ...] = ()

#: Fields read into story fields (the rest goes to extra).
_READ = {"titles", "contributors", "dates", "keywords", "urls", "abstract", "language", "periodical", "ref-type"}
#: Other contributors, by EndNote's name for them and what they are.
_CONTRIBUTORS = {
    "secondary-authors": "editors",
    "tertiary-authors": "tertiary_authors",
    "subsidiary-authors": "subsidiary_authors",
    "translated-authors": "translated_authors",
}
#: Address lists of ``urls`` that are the record's web addresses.
_WEB_URLS = ("related-urls", "web-urls")
_LINE_BREAKS = re.compile(r"[\r\n]+")
_CHINESE_DAY = re.compile(r"^\d{1,2}\s*月")
#: Fields whose line breaks are kept.
_BLOCKS = {"notes", "research-notes", "auth-address", "isbn", "caption"}


def sniff(text: str) -> bool:
    """True for a document whose root is EndNote's ``<xml>`` holding
    ``<records>``."""
    root = root_element(text)
    return root is not None and root[0] == "xml" and "<records" in text[:20000]


def _text(element: Element | None) -> str:
    """All the text of an element (its ``style`` pieces joined), with
    EndNote's ``\\r`` line breaks as ``\\n``."""
    return "".join(element.itertext()).replace("\r", "\n") if element is not None else ""


def _at(element: Element | None, *path: str) -> Element | None:
    """The element at ``path`` below ``element`` (a child's child...),
    found a step at a time (ElementTree's fast lookup of a plain name)."""
    for name in path:
        if element is None:
            return None
        element = element.find(name)
    return element


def _children(element: Element | None) -> list[Element]:
    return list(element) if element is not None else []


def _names(element: Element | None) -> list[str]:
    return [person_name(name) for author in _children(element) if (name := line_text(_text(author)))]


def _value(field: Element) -> object:
    """A field's value as kept in extra: its text, or for a field made of
    named parts (``alt-periodical``'s ``full-title`` and ``abbr-1``) the
    text of each part by its name."""
    parts = [part for part in field if local_name(part) != "style"]
    if not parts:
        return block_text(_text(field)) if local_name(field) in _BLOCKS else line_text(_text(field))
    found: dict[str, list[str]] = {}
    for part in parts:
        if text := line_text(_text(part)):
            found.setdefault(local_name(part).replace("-", "_"), []).append(text)
    return {key: texts[0] if len(texts) == 1 else texts for key, texts in found.items()}


def _keywords(record: Element) -> list[str]:
    return [
        tag
        for keyword in _children(record.find("keywords"))
        for line in _LINE_BREAKS.split(_text(keyword))
        for tag in split_list(line)
    ]


def _date(record: Element, draft: Draft) -> str:
    """``dates/year`` with ``pub-dates/date``: ``2015`` and ``Mar 3`` are
    2015-03-03, ``2017`` and ``6月2日`` 2017-06-02; a publication date with
    its own year is read alone."""
    year = line_text(_text(_at(record, "dates", "year")))
    day = line_text(_text(_at(record, "dates", "pub-dates", "date")))
    if day and re.search(r"\d{4}", day):
        return draft.date(day)
    if year and day:
        return draft.date(f"{year}年{day}" if _CHINESE_DAY.match(day) else f"{year} {day}")
    return draft.date(year or day)


def _record(record: Element, position: str) -> StoryRecord | RecordProblem:
    draft = Draft(position)
    kind = record.find("ref-type")
    if kind is not None:
        draft.keep("endnote_type", kind.get("name") or line_text(_text(kind)))
    titles = {local_name(t): line_text(_text(t)) for t in _children(record.find("titles"))}
    for name in ("secondary-title", "tertiary-title", "alt-title", "short-title", "translated-title"):
        draft.keep(name.replace("-", "_"), titles.get(name, ""))
    people = _names(_at(record, "contributors", "authors"))
    for name, key in _CONTRIBUTORS.items():
        draft.keep(key, _names(_at(record, "contributors", name)))
    links = _at(record, "urls")
    urls = [_text(u) for group in _WEB_URLS for u in _children(_at(links, group)) if u.tag == "url"]
    for group in _children(links):
        if local_name(group) not in _WEB_URLS:
            draft.keep(local_name(group).replace("-", "_"), [line_text(_text(u)) for u in group if _text(u).strip()])
    for field in record:
        if (name := local_name(field)) not in _READ:
            draft.keep(name.replace("-", "_"), _value(field))
    periodical = line_text(_text(_at(record, "periodical", "full-title")))
    draft.keep("journal_abbreviation", line_text(_text(_at(record, "periodical", "abbr-1"))))
    source = periodical or titles.get("secondary-title", "") or str(draft.extra.get("publisher", ""))
    return draft.story(
        titles.get("title", ""),
        [
            (translate("Messages", "short title"), titles.get("short-title", "")),
            (translate("Messages", "translated title"), titles.get("translated-title", "")),
            (translate("Messages", "alternative title"), titles.get("alt-title", "")),
        ],
        summary=block_text(_text(record.find("abstract"))),
        url=draft.url(line_text(u) for u in urls),
        source=source,
        published=_date(record, draft),
        language=line_text(_text(record.find("language"))),
        tags=distinct(_keywords(record)),
        people=distinct(people),
    )


def _records(root: Element) -> Iterator[StoryRecord | RecordProblem]:
    for number, element in enumerate(root.findall("records/record"), 1):
        rec_number = line_text(_text(element.find("rec-number")))
        yield _record(
            element,
            translate("Messages", "record {number} (rec-number {rec_number})").format(
                number=number, rec_number=rec_number
            )
            if rec_number
            else translate("Messages", "record {number}").format(number=number),
        )


def parse(text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
    """Every record of an EndNote XML export; one with neither a title nor
    a text as a problem."""
    return parse_xml(text, _records, translate("Messages", "no EndNote records (records/record) found in it"))
