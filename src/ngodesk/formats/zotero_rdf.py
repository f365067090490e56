"""Zotero RDF, Zotero's own full export (File > Export Library > Zotero
RDF): RDF/XML read with defusedxml (``safe_xml``), no entities, nothing
fetched. The graph Zotero writes is walked by hand rather than with
rdflib: its shape is fixed (one element per node, ``rdf:about`` and
``rdf:resource`` between them), and a plain tree walk reads 10,000 items
several times faster than building a graph of triples.

Each item (a node with a ``z:itemType``: ``bib:Article``, ``bib:Book``,
``rdf:Description``...) is a story. Its authors (``bib:authors``, an
``rdf:Seq`` of ``foaf:Person``, in order; for items whose first creators
are not authors, such as films or artworks, those) become people, its
tags (``dc:subject``, automatic tags too) tags, its journal, newspaper or
website (``dcterms:isPartOf``, inline or by reference, through a section)
the source. Notes (``bib:Memo``, by ``dcterms:isReferencedBy``) and
attachments (``z:Attachment``, by ``link:link``) of an item are kept in its
extra data; a note or attachment that belongs to no item is a story of its
own. Collections an item is in are kept in extra as ``zotero_collections``;
everything else without a story field (volume, pages, identifiers, other
creators, Zotero's Extra field...) in extra too.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, StoryRecord
from ngodesk.formats import NO_OPTIONS, ImportOptions, ParseResult, distinct, person_name
from ngodesk.formats.bibliographic import Draft, block_text, line_text, parse_xml, root_element
from ngodesk.formats.feeds import html_to_text
from ngodesk.formats.safe_xml import local_name

NAME = "zotero-rdf"
TITLE = "Zotero RDF"
EXTENSIONS: tuple[str, ...] = ()  # (.rdf is SKOS too: told by content alone)

_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_Z = "{http://www.zotero.org/namespaces/export#}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_BIB = "{http://purl.org/net/biblio#}"
_FOAF = "{http://xmlns.com/foaf/0.1/}"
_LINK = "{http://purl.org/rss/1.0/modules/link/}"
_PRISM = "{http://prismstandard.org/namespaces/1.2/basic/}"
_VCARD = "{http://nwalsh.com/rdf/vCard#}"
#: Namespaces only Zotero's export (and its Bibliontology ancestor) declare.
_MARKS = ("http://www.zotero.org/namespaces/export#", "http://purl.org/net/biblio#")

#: The creators that are an item's people: its authors, or when it has
#: none the first of Zotero's other primary creator types (a film's
#: directors...), or its editors.
_PRIMARY = (
    "authors",
    "artists",
    "performers",
    "sponsors",
    "programmers",
    "directors",
    "interviewees",
    "inventors",
    "podcasters",
    "presenters",
    "cartographers",
    "composers",
    "bookAuthors",
    "editors",
)
#: Properties read into story fields or walked (the rest goes to extra).
_READ = {
    _Z + "itemType",
    _DC + "title",
    _DCTERMS + "abstract",
    _DC + "date",
    _Z + "language",
    _DC + "subject",
    _DC + "identifier",
    _DCTERMS + "isPartOf",
    _DC + "publisher",
    _DCTERMS + "isReferencedBy",
    _LINK + "link",
    _DC + "relation",
    _RDF + "value",
    _RDF + "type",
    _RDF + "resource",
}
#: Identifiers Zotero writes as ``TYPE value`` literals.
_IDENTIFIERS = ("ISSN", "ISBN", "DOI")
#: Subject nodes that hold a call number, not a tag.
_CALL_NUMBERS = {"LCC", "DDC", "UDC"}


def sniff(text: str) -> bool:
    """True for an ``rdf:RDF`` document declaring Zotero's namespaces (a
    SKOS thesaurus or an RSS 1.0 feed is RDF without them)."""
    root = root_element(text)
    return root is not None and root[0] == "RDF" and any(mark in root[1] for mark in _MARKS)


class _Graph:
    """The document's top-level nodes by their identifier, and what refers
    to what."""

    def __init__(self, root: Element) -> None:
        self.nodes: list[Element] = list(root)
        self.by_id: dict[str, Element] = {}
        for node in self.nodes:
            if key := self.node_id(node):
                self.by_id.setdefault(key, node)
        self.children: set[int] = set()  # (notes and attachments of an item: id() of their elements)
        self.collections: dict[int, list[str]] = {}
        for node in self.nodes:
            if node.tag == _Z + "Collection":
                name = line_text(node.findtext(_DC + "title") or "")
                for part in node.iter(_DCTERMS + "hasPart"):
                    if (member := self.target(part)) is not None and name:
                        self.collections.setdefault(id(member), []).append(name)
                continue
            for link in (*node.findall(_LINK + "link"), *node.findall(_DCTERMS + "isReferencedBy")):
                if (child := self.target(link)) is not None and child is not node:
                    self.children.add(id(child))

    @staticmethod
    def node_id(node: Element) -> str:
        about = node.get(_RDF + "about")
        if about:
            return about
        node_id = node.get(_RDF + "nodeID")
        return "_:" + node_id if node_id else ""

    def target(self, prop: Element) -> Element | None:
        """The node a property points to: by reference, inline, or the
        property itself (``rdf:parseType="Resource"``)."""
        if ref := prop.get(_RDF + "resource"):
            return self.by_id.get(ref)
        if ref := prop.get(_RDF + "nodeID"):
            return self.by_id.get("_:" + ref)
        if prop.get(_RDF + "parseType") == "Resource":
            return prop
        return next(iter(prop), None)

    def is_item(self, node: Element) -> bool:
        """A node that is a story: an item of Zotero's (not a journal, a
        person or a collection), and not a note or attachment of one."""
        if id(node) in self.children or node.tag == _Z + "Collection":
            return False
        return node.find(_Z + "itemType") is not None or node.tag in (_BIB + "Memo", _Z + "Attachment")


def _literal(prop: Element) -> str:
    """A property's text when it is a literal (no node, no reference)."""
    if len(prop) or prop.get(_RDF + "resource") is not None:
        return ""
    return prop.text or ""


def _value(graph: _Graph, prop: Element) -> str:
    """A property's text: its literal, or the ``rdf:value`` of the node it
    points to (``dcterms:URI``, ``z:AutomaticTag``)."""
    literal = _literal(prop)
    if literal.strip():
        return literal
    node = graph.target(prop)
    return (node.findtext(_RDF + "value") or "") if node is not None else ""


def _person(node: Element) -> str:
    surname = line_text(node.findtext(_FOAF + "surname") or "")
    given = line_text(node.findtext(_FOAF + "givenName") or node.findtext(_FOAF + "givenname") or "")
    if surname or given:
        return person_name(f"{surname}, {given}" if surname and given else surname or given)
    return line_text(node.findtext(_FOAF + "name") or "")


def _creators(graph: _Graph, seq: Element) -> list[str]:
    """The names in an ``rdf:Seq`` of creators, in order."""
    names = []
    for member in seq:
        if member.tag == _RDF + "li" or member.tag.startswith(_RDF + "_"):
            node = graph.target(member)
            if node is not None and (name := _person(node)):
                names.append(name)
    return names


def _container(graph: _Graph, item: Element, draft: Draft) -> str:
    """The title of the journal, newspaper, website or book the item is
    part of (through a section and into a series); what else the
    container says goes to extra."""
    source = ""
    seen: set[int] = {id(item)}
    node: Element | None = item
    while node is not None:
        parent = next((graph.target(p) for p in node.findall(_DCTERMS + "isPartOf")), None)
        if parent is None or id(parent) in seen:
            break
        seen.add(id(parent))
        title = line_text(parent.findtext(_DC + "title") or "")
        kind = local_name(parent)
        if kind in ("Part", "Series"):
            draft.keep("section" if kind == "Part" else "series", title)
        elif not source and title:
            source = title
            draft.keep("container_type", kind)
            draft.keep("journal_abbreviation", line_text(parent.findtext(_DCTERMS + "alternative") or ""))
            draft.keep("volume", line_text(parent.findtext(_PRISM + "volume") or ""))
            draft.keep("issue", line_text(parent.findtext(_PRISM + "number") or ""))
            for identifier in parent.findall(_DC + "identifier"):
                _identifier(_literal(identifier), draft)
        node = parent
    return source


def _identifier(text: str, draft: Draft) -> None:
    kind, _, value = line_text(text).partition(" ")
    if kind in _IDENTIFIERS and value:
        draft.keep(kind.lower(), value)
    elif text.strip():
        draft.keep("identifier", line_text(text))


def _publisher(graph: _Graph, item: Element, draft: Draft) -> str:
    """The name of the item's publisher (kept in extra, with its place)."""
    names = []
    for prop in item.findall(_DC + "publisher"):
        node = graph.target(prop)
        names.append(line_text(_literal(prop) if node is None else node.findtext(_FOAF + "name") or ""))
        for place in node.iter(_VCARD + "locality") if node is not None else ():
            draft.keep("place", line_text(place.text or ""))
    names = [name for name in names if name]
    draft.keep("publisher", ", ".join(names))
    return names[0] if names else ""


def _attachment(graph: _Graph, node: Element) -> dict[str, str]:
    found = {
        "title": line_text(node.findtext(_DC + "title") or ""),
        "url": next((_value(graph, p) for p in node.findall(_DC + "identifier")), ""),
        "file": next((p.get(_RDF + "resource", "") for p in node.findall(_RDF + "resource")), ""),
        "type": line_text(node.findtext(_LINK + "type") or ""),
        "accessed": line_text(node.findtext(_DCTERMS + "dateSubmitted") or ""),
    }
    return {key: value for key, value in found.items() if value}


def _note(node: Element) -> str:
    return html_to_text(node.findtext(_RDF + "value") or "")


def _record(graph: _Graph, item: Element, position: str) -> StoryRecord | RecordProblem:
    draft = Draft(position)
    item_type = line_text(item.findtext(_Z + "itemType") or "") or (
        "note" if item.tag == _BIB + "Memo" else "attachment" if item.tag == _Z + "Attachment" else ""
    )
    draft.keep("zotero_item_type", item_type)
    draft.keep("rdf_about", item.get(_RDF + "about", ""))
    creators: dict[str, list[str]] = {}
    tags: list[str] = []
    urls: list[str] = []
    for prop in item:
        tag, name = prop.tag, local_name(prop)
        node = graph.target(prop) if len(prop) or prop.attrib else None
        if node is not None and local_name(node) == "Seq":  # (Zotero's only sequences are of creators)
            creators.setdefault(name, []).extend(_creators(graph, node))
        elif tag == _DC + "subject":
            if node is not None and local_name(node) in _CALL_NUMBERS:
                draft.keep("call_number", line_text(node.findtext(_RDF + "value") or ""))
            elif value := line_text(_value(graph, prop)):
                tags.append(value)
        elif tag == _DC + "identifier":
            if node is not None and local_name(node) == "URI":
                urls.append(node.findtext(_RDF + "value") or "")
            else:
                _identifier(_literal(prop), draft)
        elif tag == _DCTERMS + "isReferencedBy" and node is not None:
            draft.add("notes", _note(node))
        elif tag == _LINK + "link" and node is not None:
            draft.add("attachments", _attachment(graph, node))
        elif tag == _DC + "relation":
            draft.add("related", prop.get(_RDF + "resource") or (graph.node_id(node) if node is not None else ""))
        elif tag == _RDF + "resource":
            draft.keep("file", prop.get(_RDF + "resource", ""))
        elif tag not in _READ and node is None:
            draft.keep(name, block_text(_literal(prop)))
        elif tag not in _READ and node is not None:  # (a conference it was presented at...: the node's title or value)
            draft.keep(name, line_text(node.findtext(_DC + "title") or node.findtext(_RDF + "value") or ""))
    primary = next((role for role in _PRIMARY if creators.get(role)), "")
    people = creators.pop(primary, [])
    draft.keep("creators", {role: names for role, names in creators.items() if names})
    draft.keep("zotero_collections", graph.collections.get(id(item), []))
    source = _container(graph, item, draft)
    publisher = _publisher(graph, item, draft)
    summary = _note(item) if item_type == "note" else block_text(item.findtext(_DCTERMS + "abstract") or "")
    file_name = str(draft.extra.get("file", "")).rpartition("/")[2]
    return draft.story(
        item.findtext(_DC + "title") or "",
        [
            (translate("Messages", "short title"), item.findtext(_Z + "shortTitle") or ""),
            (translate("Messages", "file name"), file_name),
        ],
        summary=summary,
        url=draft.url(urls),
        source=source or publisher,
        published=draft.date(item.findtext(_DC + "date") or ""),
        language=line_text(item.findtext(_Z + "language") or ""),
        tags=distinct(tags),
        people=distinct(people),
    )


def _records(root: Element) -> Iterator[StoryRecord | RecordProblem]:
    graph = _Graph(root)
    for number, item in enumerate((node for node in graph.nodes if graph.is_item(node)), 1):
        about = item.get(_RDF + "about", "")
        yield _record(
            graph,
            item,
            translate("Messages", "item {number} ({about})").format(number=number, about=about)
            if about
            else translate("Messages", "item {number}").format(number=number),
        )


def parse(text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
    """Every item of a Zotero RDF export; an item with neither a title nor
    a text as a problem."""
    return parse_xml(text, _records, translate("Messages", "no Zotero items (z:itemType) found in it"))
