"""The tag thesaurus as SKOS (Turtle or RDF/XML), read and written with
rdflib: a well-kept RDF library that knows both syntaxes, prefixes and
literals with languages, which a hand-written reader would get wrong.

Each tag is a ``skos:Concept`` named ``urn:uuid:UUID`` with its name as
``skos:prefLabel``, synonyms as ``skos:altLabel``, its parent as
``skos:broader`` (and the reverse ``skos:narrower``), ``skos:related`` and
``skos:scopeNote``, in one ``skos:ConceptScheme``. Reading takes any SKOS
file: a concept's label is its prefLabel (English or without a language
first, else the first), its parent the first broader concept.

RDF/XML is checked with defusedxml before rdflib reads it: entity
declarations are refused (no expansion bombs, no external files).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from uuid import UUID

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem
from ngodesk.domain.text import require_encodable
from ngodesk.formats.nesting import MAX_DEPTH, TURTLE_TOKENS, TooDeep, bracket_depth
from ngodesk.formats.safe_xml import root_of

FORMATS = {"skos-turtle": "turtle", "skos-rdfxml": "xml"}
#: The scheme every export describes.
SCHEME = "urn:ngodesk:thesaurus"
_UUID_PREFIX = "urn:uuid:"


@dataclass(frozen=True)
class Concept:
    """One concept as a file gives it (``uri`` names it there)."""

    uri: str
    label: str
    synonyms: tuple[str, ...] = ()
    broader: str = ""
    related: tuple[str, ...] = ()
    scope_note: str = ""

    @property
    def uuid(self) -> str:
        """The tag uuid an ngodesk export gave it, or "" (also for a
        ``urn:uuid:`` name that holds no uuid)."""
        if not self.uri.startswith(_UUID_PREFIX):
            return ""
        try:
            return str(UUID(self.uri.removeprefix(_UUID_PREFIX)))
        except ValueError:
            return ""

    def unstorable(self) -> str:
        """Why the concept's text cannot be stored (an escape such as
        ``\\udcff`` gives what no text can hold), or ""."""
        try:
            for name, value in (
                ("label", self.label),
                ("altLabel", " ".join(self.synonyms)),
                ("scopeNote", self.scope_note),
            ):
                require_encodable(value, f"skos:{name}")
        except ValidationError as error:
            return str(error)
        return ""


@dataclass
class ConceptsRead:
    """A file's concepts and, per concept that cannot be used, why."""

    concepts: list[Concept] = field(default_factory=list)
    problems: list[RecordProblem] = field(default_factory=list)
    #: concepts read with a remark (e.g. a second broader concept left out)
    remarks: list[RecordProblem] = field(default_factory=list)


def uri_of(uuid: str) -> str:
    return _UUID_PREFIX + uuid


def write(concepts: Iterable[Concept], format_name: str) -> str:
    """The concepts as SKOS in ``format_name`` (a key of FORMATS)."""
    from rdflib import RDF, SKOS, Graph, Literal, URIRef

    graph = Graph()
    graph.bind("skos", SKOS)
    scheme = URIRef(SCHEME)
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    for concept in concepts:
        node = URIRef(concept.uri)
        graph.add((node, RDF.type, SKOS.Concept))
        graph.add((node, SKOS.inScheme, scheme))
        graph.add((node, SKOS.prefLabel, Literal(concept.label)))
        for label in concept.synonyms:
            graph.add((node, SKOS.altLabel, Literal(label)))
        if concept.broader:
            graph.add((node, SKOS.broader, URIRef(concept.broader)))
            graph.add((URIRef(concept.broader), SKOS.narrower, node))
        else:
            graph.add((node, SKOS.topConceptOf, scheme))
            graph.add((scheme, SKOS.hasTopConcept, node))
        for other in concept.related:
            graph.add((node, SKOS.related, URIRef(other)))
        if concept.scope_note:
            graph.add((node, SKOS.scopeNote, Literal(concept.scope_note)))
    return graph.serialize(format=FORMATS[format_name])


def read(text: str, format_name: str = "auto") -> ConceptsRead:
    """The concepts of a SKOS file (Turtle, or RDF/XML when ``text`` starts
    with ``<`` or ``format_name`` says so). A file that is not readable RDF
    gives one problem naming "the file"."""
    from xml.sax import SAXException

    from rdflib import RDF, SKOS, Graph
    from rdflib.exceptions import ParserError

    # (rdflib logs "… does not look like a valid URI, trying to serialize this
    # will break" for each odd concept name: a line on the command line's
    # stderr in rdflib's words, carrying the file's raw text, lone surrogates
    # and all. ngodesk serializes none; what is wrong is said as a problem.)
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)

    syntax = FORMATS.get(format_name) or ("xml" if text.lstrip().startswith("<") else "turtle")
    if syntax == "xml" and isinstance(checked := root_of(text), RecordProblem):
        return ConceptsRead(problems=[checked])
    # (rdflib's Turtle reader follows brackets by recursion; its RDF/XML reader does not)
    if syntax == "turtle" and (depth := bracket_depth(text, TURTLE_TOKENS)) > MAX_DEPTH:
        return ConceptsRead(problems=[RecordProblem(translate("Messages", "the file"), str(TooDeep(depth)))])
    graph = Graph()
    try:
        graph.parse(data=text, format=syntax)
    # (rdflib's parsers raise these; its Turtle parser also the others on some broken
    # files: IndexError on "@pre", AssertionError on '"a', AttributeError on "?x"; its
    # RDF/XML parser lets SAX's error through on a declaration such as encoding=":utf-8")
    except (ParserError, SyntaxError, ValueError, IndexError, AssertionError, AttributeError, SAXException) as error:
        return ConceptsRead(
            problems=[
                RecordProblem(
                    translate("Messages", "the file"),
                    translate("Messages", "not readable as SKOS ({syntax}): {error}").format(
                        syntax=syntax, error=error
                    ),
                )
            ]
        )
    except RecursionError:  # (fewer levels than MAX_DEPTH, from a call stack already deep)
        return ConceptsRead(
            problems=[
                RecordProblem(translate("Messages", "the file"), str(TooDeep(bracket_depth(text, TURTLE_TOKENS))))
            ]
        )
    found = ConceptsRead()
    not_concepts = {SKOS.ConceptScheme, SKOS.Collection, SKOS.OrderedCollection}
    subjects = {s for s in graph.subjects(RDF.type, SKOS.Concept)} | {
        s for s in graph.subjects(SKOS.prefLabel, None) if not set(graph.objects(s, RDF.type)) & not_concepts
    }
    for subject in sorted(subjects, key=str):
        labels = [x for x in graph.objects(subject, SKOS.prefLabel) if str(x).strip()]
        english = [x for x in labels if str(getattr(x, "language", None) or "en").lower().split("-")[0] == "en"]
        preferred = english or labels
        if not preferred:
            found.problems.append(
                RecordProblem(str(subject), translate("Messages", "a concept without a skos:prefLabel"))
            )
            continue
        broader = sorted(str(x) for x in graph.objects(subject, SKOS.broader))
        label = " ".join(str(preferred[0]).split())
        others = {" ".join(str(x).split()) for x in [*labels, *graph.objects(subject, SKOS.altLabel)]} - {label, ""}
        concept = Concept(
            str(subject),
            label,
            tuple(sorted(others)),
            broader[0] if broader else "",
            tuple(sorted(str(x) for x in graph.objects(subject, SKOS.related))),
            "\n".join(sorted(str(x) for x in graph.objects(subject, SKOS.scopeNote))),
        )
        if problem := concept.unstorable():
            found.problems.append(RecordProblem(str(subject), problem))
            continue
        found.concepts.append(concept)
        if len(broader) > 1:
            reason = translate("Messages", "more than one broader concept; placed under the first ({first})").format(
                first=broader[0]
            )
            found.remarks.append(RecordProblem(str(subject), reason))
    return found
