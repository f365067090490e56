"""MODS (Metadata Object Description Schema), what library catalogues
export: a ``modsCollection`` of ``mods`` records, or one ``mods``
record, read with defusedxml (``safe_xml``: no entities, nothing fetched)
in the encoding the XML declaration names (``ISO-8859-1`` is common).
Elements are matched by their local names, so MODS with or without its
namespace (or with a ``mods:`` prefix) reads the same.

Per record: the title (``titleInfo`` without a type: non-sorting words,
title, subtitle, part), names whose role is author or creator (or that
have no role) as people or, when corporate, organisations, in order; the
first ``abstract`` as the summary; ``originInfo`` dates (the key date
first), ``language/languageTerm`` as given (a code or a name), the host
(``relatedItem type="host"``: a journal) as the source, else the
publisher; ``subject/topic`` (and temporal, genre, occupation) as tags,
``subject/geographic`` as places; the first ``location/url`` that is no
preview as the web address. Everything else (other names with their
roles, other titles, identifiers by type, notes, genre, the host's
volume, issue and pages...) is kept in extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, StoryRecord
from ngodesk.formats import NO_OPTIONS, ImportOptions, ParseResult, distinct, person_name
from ngodesk.formats.bibliographic import Draft, block_text, line_text, parse_xml, root_element

NAME = "mods"
TITLE = "MODS (library catalogues)"
EXTENSIONS = (".mods",)

_NAMESPACE = "http://www.loc.gov/mods/"
_AUTHORS = {"author", "aut", "creator", "cre"}
_EDITORS = {"editor", "edt"}
_ORGANISATIONS = {"corporate", "conference", "family"}
#: Dates of ``originInfo`` in the order they date a record.
_DATES = ("dateIssued", "dateCreated", "copyrightDate", "dateOther", "dateCaptured")
#: Subject terms that are tags (geographic ones are places).
_TAG_TERMS = {"topic", "temporal", "genre", "occupation"}
_PLACE_TERMS = {"geographic", "country", "province", "region", "state", "county", "city", "citySection", "area"}
#: Parts of ``part/detail`` kept by their type.
_DETAILS = {"volume", "issue", "number", "chapter", "section", "part"}
#: Other titles, in the order one stands in for a missing title.
_OTHER_TITLES = ("alternative", "translated", "uniform", "abbreviated")


def sniff(text: str) -> bool:
    """True for a document whose root is ``modsCollection``, or ``mods``
    in the MODS namespace (an OAI-PMH response carrying MODS records has
    another root)."""
    root = root_element(text)
    return root is not None and (root[0] == "modsCollection" or (root[0] == "mods" and _NAMESPACE in root[1]))


def _local_names(root: Element) -> None:
    """Every element's tag made its local name (MODS with or without its
    namespace then reads the same, with ElementTree's fast lookups)."""
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.rpartition("}")[2]


def _text(element: Element | None, name: str = "") -> str:
    """The text of ``element`` (or of its first child ``name``), on one line."""
    if element is not None and name:
        element = element.find(name)
    return line_text("".join(element.itertext())) if element is not None else ""


def _title(info: Element) -> str:
    """A ``titleInfo`` as one title: ``The Title: Subtitle. Part``."""
    title = _text(info, "title")
    nonsort = info.find("nonSort")
    if nonsort is not None and (words := "".join(nonsort.itertext())).strip():
        title = line_text(words + ("" if words.endswith(("'", "’", " ")) else " ") + title)
    if subtitle := _text(info, "subTitle"):
        title = f"{title}: {subtitle}" if title else subtitle
    part = ", ".join(p for p in (_text(info, "partNumber"), _text(info, "partName")) if p)
    return f"{title}. {part}" if title and part else title or part


def _name(name: Element) -> str:
    """A ``name`` as catalogued: ``Family, Given`` (Chinese names written
    together), or its parts as given."""
    family = ", ".join(_text(p) for p in name.findall("namePart") if p.get("type") == "family")
    given = " ".join(_text(p) for p in name.findall("namePart") if p.get("type") == "given")
    plain = [_text(p) for p in name.findall("namePart") if not p.get("type")]
    if family or given:
        return person_name(f"{family}, {given}" if family and given else family or given)
    if plain:
        return person_name(plain[0]) if len(plain) == 1 else ". ".join(plain)
    return _text(name, "displayForm")


def _roles(name: Element) -> list[str]:
    return [_text(term) for role in name.findall("role") for term in role.findall("roleTerm") if _text(term)]


def _names(mods: Element, draft: Draft) -> tuple[list[str], list[str]]:
    """(people, organisations) who wrote the record (its editors when no
    one is its author), in order; the other names kept in extra as
    ``contributors`` with their roles."""
    named = [(name, text, _roles(name)) for name in mods.findall("name") if (text := _name(name))]

    def role(roles: list[str]) -> str:
        lower = {r.lower() for r in roles}
        return "author" if not lower or lower & _AUTHORS else "editor" if lower & _EDITORS else "other"

    chosen = [n for n in named if role(n[2]) == "author"] or [n for n in named if role(n[2]) == "editor"]
    for entry in named:
        if entry not in chosen:
            draft.add("contributors", {"name": entry[1], "role": ", ".join(entry[2])})
    people = [text for name, text, _ in chosen if name.get("type") not in _ORGANISATIONS]
    organisations = [text for name, text, _ in chosen if name.get("type") in _ORGANISATIONS]
    return people, organisations


def _date(origin: list[Element]) -> str:
    """The record's date as written: the key date first, then by kind."""
    dates = [date for info in origin for date in info if date.tag in _DATES and _text(date)]
    dates.sort(key=lambda d: (d.get("keyDate") != "yes", _DATES.index(d.tag), d.get("point") == "end"))
    return _text(dates[0]) if dates else ""


def _origin(origin: list[Element], draft: Draft) -> str:
    """Publisher and place to extra; the first publisher."""
    publishers = [_text(p) for info in origin for p in info.findall("publisher") if _text(p)]
    for info in origin:
        for place in info.findall("place"):
            terms = [t for t in place.findall("placeTerm") if t.get("type") != "code"] or list(
                place.findall("placeTerm")
            )
            draft.keep("place", ", ".join(_text(t) for t in terms if _text(t)))
        draft.keep("edition", _text(info, "edition"))
        draft.keep("issuance", _text(info, "issuance"))
    draft.keep("publisher", "; ".join(publishers))
    return publishers[0] if publishers else ""


def _language(mods: Element, draft: Draft) -> str:
    """The first language as given: its code when there is one, else its
    name; further languages kept in extra."""
    found = []
    for language in mods.findall("language"):
        terms = language.findall("languageTerm")
        coded = [t for t in terms if t.get("type") == "code"]
        found.append(_text((coded or terms)[0]) if terms else _text(language))
    found = [value for value in found if value]
    draft.keep("more_languages", found[1:])
    return found[0] if found else ""


def _subjects(mods: Element, draft: Draft) -> tuple[list[str], list[str]]:
    """(tags, places) of the record's subjects; subject names and titles
    kept in extra."""
    tags: list[str] = []
    places: list[str] = []
    for subject in mods.findall("subject"):
        for term in subject:
            kind = term.tag
            if kind in _TAG_TERMS and (value := _text(term)):
                tags.append(value)
            elif kind == "hierarchicalGeographic":
                places += [_text(level) for level in term if level.tag in _PLACE_TERMS and _text(level)]
            elif kind in _PLACE_TERMS and (value := _text(term)):
                places.append(value)
            elif kind == "name" and (value := _name(term)):
                draft.add("subject_names", value)
            elif kind == "titleInfo" and (value := _title(term)):
                draft.add("subject_titles", value)
    return tags, places


def _part(part: Element, draft: Draft) -> None:
    """Volume, issue and pages of a ``part`` to extra."""
    for detail in part.findall("detail"):
        if detail.get("type") in _DETAILS and (value := _text(detail, "number") or _text(detail, "title")):
            draft.keep(str(detail.get("type")), value)
    for extent in part.findall("extent"):
        pages = "-".join(p for p in (_text(extent, "start"), _text(extent, "end")) if p) or _text(extent, "list")
        draft.keep("pages", pages or _text(extent, "total"))


def _related(mods: Element, draft: Draft) -> tuple[str, str]:
    """(the host's title, its date) of the record's related items (the
    journal an article is in); the host's parts and other related items'
    titles to extra."""
    host_title, host_date = "", ""
    for related in mods.findall("relatedItem"):
        info = next((t for t in related.findall("titleInfo") if t.get("type") not in _OTHER_TITLES), None)
        title = _title(info) if info is not None else ""
        if related.get("type") == "host" and not host_title:
            host_title, host_date = title, _date(related.findall("originInfo"))
            for part in related.findall("part"):
                _part(part, draft)
                host_date = host_date or _text(part, "date")
            for identifier in related.findall("identifier"):
                draft.keep(identifier.get("type") or "identifier", _text(identifier))
            if not draft.extra.get("publisher"):
                _origin(related.findall("originInfo"), draft)
        elif title:
            draft.add("related", {"type": related.get("type", ""), "title": title})
    return host_title, host_date


def _urls(mods: Element, draft: Draft) -> list[str]:
    """The record's addresses, the best first: a primary one, then any
    but previews; an identifier of type uri when there is no location."""
    urls = [u for location in mods.findall("location") for u in location.findall("url")]
    urls.sort(key=lambda u: (u.get("usage") not in ("primary display", "primary"), u.get("access") == "preview"))
    found = [_text(u).replace(" ", "") for u in urls if u.get("access") != "preview"]  # (broken over lines)
    draft.keep("preview_urls", [_text(u).replace(" ", "") for u in urls if u.get("access") == "preview"])
    for location in mods.findall("location"):
        draft.keep("physical_location", _text(location, "physicalLocation"))
        draft.keep("shelf_locator", _text(location, "shelfLocator"))
    if not found:
        found = [_text(i) for i in mods.findall("identifier") if i.get("type") in ("uri", "url")]
    return found


def _title_kind(kind: str) -> str:
    """What a title of ``kind`` (``titleInfo``'s type) is, in words."""
    if kind == "alternative":
        return translate("Messages", "alternative title")
    if kind == "translated":
        return translate("Messages", "translated title")
    return translate("Messages", "uniform title") if kind == "uniform" else translate("Messages", "abbreviated title")


def _record(mods: Element, position: str) -> StoryRecord | RecordProblem:
    draft = Draft(position)
    draft.keep("mods_id", mods.get("ID", ""))
    infos = mods.findall("titleInfo")
    main = next((i for i in infos if i.get("type") not in _OTHER_TITLES), None)
    others = [(str(i.get("type")), _title(i)) for i in infos if i is not main]
    for kind, title in others:
        draft.add("other_titles", {"type": kind, "title": title})
    people, organisations = _names(mods, draft)
    origin = mods.findall("originInfo")
    publisher = _origin(origin, draft)
    host, host_date = _related(mods, draft)
    for part in mods.findall("part"):
        _part(part, draft)
    abstracts = [block_text("".join(a.itertext())) for a in mods.findall("abstract")]
    abstracts = [a for a in abstracts if a]
    draft.keep("more_abstracts", abstracts[1:])
    tags, places = _subjects(mods, draft)
    for identifier in mods.findall("identifier"):
        draft.keep(identifier.get("type") or "identifier", _text(identifier))
    for name in ("genre", "typeOfResource", "classification", "accessCondition", "tableOfContents"):
        for element in mods.findall(name):
            draft.keep(name, block_text("".join(element.itertext())))
    for note in mods.findall("note"):
        draft.add("notes", block_text("".join(note.itertext())))
    for physical in mods.findall("physicalDescription"):
        draft.keep("extent", ", ".join(_text(e) for e in physical.findall("extent") if _text(e)))
    for info in mods.findall("recordInfo"):
        draft.keep("record_identifier", _text(info, "recordIdentifier"))
    stand_ins = ((_title_kind(kind), title) for wanted in _OTHER_TITLES for kind, title in others if kind == wanted)
    return draft.story(
        _title(main) if main is not None else "",
        stand_ins,
        summary=abstracts[0] if abstracts else "",
        url=draft.url(_urls(mods, draft)),
        source=host or publisher,
        published=draft.date(_date(origin) or host_date),
        language=_language(mods, draft),
        tags=distinct(tags),
        people=distinct(people),
        organisations=distinct(organisations),
        places=distinct(places),
    )


def _records(root: Element) -> Iterator[StoryRecord | RecordProblem]:
    _local_names(root)
    for number, mods in enumerate([root] if root.tag == "mods" else root.findall("mods"), 1):
        infos = mods.findall("recordInfo")
        identifier = mods.get("ID") or next((i for info in infos if (i := _text(info, "recordIdentifier"))), "")
        yield _record(
            mods,
            translate("Messages", "record {number} ({identifier})").format(number=number, identifier=identifier)
            if identifier
            else translate("Messages", "record {number}").format(number=number),
        )


def parse(text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
    """Every ``mods`` record of a MODS document; one with neither a title
    nor a text as a problem."""
    return parse_xml(text, _records, translate("Messages", "no MODS records (mods) found in it"))
