"""TBX termbases (ISO 30042): TBX-Basic / TBX v2 (``martif``, ``termEntry``,
``langSet``, ``tig``/``ntig``) and TBX v3 core (``tbx``, ``conceptEntry``,
``langSec``, ``termSec``), read namespace-blind with defusedxml; written as
TBX v2, which every CAT tool reads.

A concept entry holds terms in many languages; a glossary term is one
language pair. The source is the entry's Chinese terms when it has them
(else the document's language, else its first), the target English when
the source is not (else the next language). The target's preferred term is
the rendering, other preferred and admitted ones the alternatives,
deprecated, superseded and obsolete ones forbidden; a status the lists do
not tell (superseded, obsolete, one ngodesk does not know, kept as
admitted) is kept in ``extra`` as ``term statuses (en)``. Statuses come from
administrativeStatus, normativeAuthorization, usageStatus or a temporal
qualifier, with or without TBX's endings (``preferredTerm-admn-sts``,
``preferred``). What has no field (other languages, term notes, unknown
descriptions) is kept in ``extra``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, TermRecord, TermStatus
from ngodesk.formats import distinct, split_list
from ngodesk.formats.safe_xml import local_name, root_of

NAME = "tbx"
EXTENSIONS = (".tbx",)
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ENTRIES = ("termEntry", "conceptEntry")
_LANG_SETS = ("langSet", "langSec")
_TERM_GROUPS = ("tig", "ntig", "termSec")
#: Term notes that say a term's status (TBX's administrativeStatus,
#: TBX-Default's normativeAuthorization, TBX-Min's usageStatus, a temporal
#: qualifier), and their values by what ngodesk makes of them, written
#: without "Term" and the "-admn-sts"/"-tq" endings, in lower case.
_STATUS_NOTES = ("administrativeStatus", "normativeAuthorization", "usageStatus", "temporalQualifier")
_PREFERRED, _ADMITTED, _FORBIDDEN, _OBSOLETE = "preferred", "admitted", "forbidden", "obsolete"
_STATUSES = {
    **dict.fromkeys(("preferred", "standardized"), _PREFERRED),
    **dict.fromkeys(("", "admitted", "legal", "regulated"), _ADMITTED),
    **dict.fromkeys(("deprecated", "superseded", "notrecommended"), _FORBIDDEN),
    **dict.fromkeys(("obsolete", "archaic", "outdated"), _OBSOLETE),
}
_ENDING = re.compile(r"(?:term)?(?:-admn-sts|-tq)?$", re.IGNORECASE)
#: What a status written in our own files is (see ``write``).
_WRITTEN = {_PREFERRED: "preferredTerm", _ADMITTED: "admittedTerm", _FORBIDDEN: "deprecatedTerm"}
#: processStatus values for the term's status, both ways
_PROCESS = {TermStatus.DRAFT: "provisionallyProcessed", TermStatus.APPROVED: "finalized"}


@dataclass
class TermsRead:
    """What a glossary file held: its terms and, per unreadable entry, why."""

    terms: list[TermRecord] = field(default_factory=list)
    problems: list[RecordProblem] = field(default_factory=list)


@dataclass
class _Term:
    text: str
    #: what ngodesk makes of it: _PREFERRED, _ADMITTED, _FORBIDDEN or _OBSOLETE
    status: str = _ADMITTED
    notes: dict[str, str] = field(default_factory=dict)
    #: the status as the file writes it, when that says more than ``status``
    given: str = ""


def _status(notes: dict[str, str]) -> tuple[str, str]:
    """A term's status from its notes (removed from them), and the status
    as given when the file says more than that (``superseded``,
    ``obsolete``, a value ngodesk does not know: kept as admitted)."""
    given = [_ENDING.sub("", value) for kind in _STATUS_NOTES if (value := notes.pop(kind, ""))]
    known = [_STATUSES[word.lower()] for word in given if word.lower() in _STATUSES]
    rank = (_FORBIDDEN, _OBSOLETE, _PREFERRED, _ADMITTED)
    status = min(known, key=rank.index) if known else _ADMITTED
    said = ", ".join(dict.fromkeys(given))
    implied = {_PREFERRED: "preferred", _ADMITTED: "admitted", _FORBIDDEN: "deprecated"}  # (by the term's list)
    return status, "" if said.lower() in ("", implied.get(status)) else said


@dataclass
class _Language:
    code: str
    terms: list[_Term] = field(default_factory=list)
    definition: str = ""


def sniff(text: str) -> bool:
    """True for a TBX document (its root element is martif or tbx)."""
    head = text[:2000]
    return "<martif" in head or "<tbx" in head


def _text(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _language(element: Element) -> _Language:
    found = _Language(element.get(_LANG, "").strip())
    for child in element:
        name = local_name(child)
        if name in _TERM_GROUPS:
            term = next((e for e in child.iter() if local_name(e) == "term"), None)
            if term is None or not _text(term):
                continue
            notes = {e.get("type", "note"): _text(e) for e in child.iter() if local_name(e) == "termNote"}
            notes.update({local_name(e): _text(e) for e in child.iter() if local_name(e) == "usageStatus"})
            status, given = _status(notes)
            found.terms.append(_Term(_text(term), status, notes, given))
        elif name in ("descrip", "descripGrp"):
            for descrip in (e for e in child.iter() if local_name(e) == "descrip"):
                if descrip.get("type") == "definition" and not found.definition:
                    found.definition = _text(descrip)
    return found


def _pick(languages: list[_Language], default: str, stated: str) -> tuple[_Language, _Language | None]:
    """The source and target languages of an entry (see the module's text;
    ``stated`` is the source language our own files name)."""
    chinese = [lang for lang in languages if lang.code.lower().startswith("zh")]
    source = next((lang for lang in languages if stated and lang.code == stated), None) or next(
        (lang for lang in chinese if not lang.code.lower().startswith(("zh-hant", "zh-tw", "zh-hk", "zh-mo"))),
        chinese[0] if chinese else next((lang for lang in languages if lang.code == default), languages[0]),
    )
    others = [lang for lang in languages if lang is not source and not (source in chinese and lang in chinese)]
    target = next((lang for lang in others if lang.code.lower().startswith("en")), others[0] if others else None)
    return source, target


def _entry(entry: Element, position: str, default: str) -> TermRecord | str:
    languages = [_language(e) for e in entry.iter() if local_name(e) in _LANG_SETS]
    languages = [lang for lang in languages if lang.terms]
    if not languages:
        return translate("Messages", "the entry has no term")
    stated = next((_text(e) for e in entry if local_name(e) == "admin" and e.get("type") == "sourceLanguage"), "")
    source, target = _pick(languages, default, stated)
    extra: dict[str, str] = {}
    subjects: list[str] = []
    definition, notes, status = source.definition, [], TermStatus.DRAFT
    for child in entry:
        name, kind = local_name(child), child.get("type", "")
        if name == "note":
            notes.append(_text(child))
        elif kind == "subjectField":
            subjects += split_list(_text(child))
        elif kind == "definition":
            definition = definition or _text(child)
        elif kind == "processStatus":
            status = TermStatus.APPROVED if _text(child) == _PROCESS[TermStatus.APPROVED] else status
        elif name in ("descrip", "admin") and kind and kind != "sourceLanguage":
            extra[kind] = _text(child)
    # the source's preferred term (a deprecated or obsolete one only when all are); the others are kept
    head = min(source.terms, key=lambda t: (t.status in (_FORBIDDEN, _OBSOLETE), t.status != _PREFERRED))
    for kind, statuses in (
        ("other terms", (_PREFERRED, _ADMITTED)),
        ("deprecated terms", (_FORBIDDEN,)),
        ("obsolete terms", (_OBSOLETE,)),
    ):
        if others := [t.text for t in source.terms if t is not head and t.status in statuses]:
            extra[f"{kind} ({source.code})"] = "; ".join(others)
    if head.status in (_FORBIDDEN, _OBSOLETE):
        status = TermStatus.DEPRECATED
    pinyin = head.notes.pop("pronunciation", "")
    extra.update({f"{kind} ({source.code})": value for kind, value in head.notes.items()})
    traditional = next(
        (
            lang.terms[0].text
            for lang in languages
            if lang not in (source, target)
            and source.code.lower().startswith("zh")
            and lang.code.lower().startswith("zh")
        ),
        "",
    )
    rendering, alternatives, forbidden = "", [], []
    if target is not None:
        preferred = [t.text for t in target.terms if t.status == _PREFERRED]
        plain = [t.text for t in target.terms if t.status == _ADMITTED]
        rendering = (preferred or plain)[0] if preferred or plain else ""
        alternatives = [t for t in preferred + plain if t != rendering]
        # (an obsolete rendering is not to be used either: the consistency check finds it)
        forbidden = [t.text for t in target.terms if t.status in (_FORBIDDEN, _OBSOLETE)]
        said = [f"{t.text}: {t.given}" for t in target.terms if t.given]
        said += [f"{t}: preferred" for t in alternatives if t in preferred]
        if said:
            extra[f"term statuses ({target.code})"] = "; ".join(said)
        definition = definition or target.definition
        for term in target.terms:
            for kind, value in term.notes.items():
                extra.setdefault(f"{kind} ({target.code})", value)
    for lang in languages:
        if lang not in (source, target) and not lang.code.lower().startswith("zh"):
            extra[f"term ({lang.code})"] = "; ".join(t.text for t in lang.terms)
    return TermRecord(
        head.text,
        rendering,
        position,
        source.code or default or "und",
        target.code if target is not None else ("en" if source.code.lower().startswith("zh") else ""),
        traditional=traditional,
        pinyin=pinyin,
        alternatives=distinct(alternatives),
        forbidden=distinct(forbidden),
        definition=definition,
        note="\n".join(notes),
        subjects=distinct(subjects),
        status=status,
        extra=extra,
    )


def parse(text: str) -> TermsRead:
    """Every concept entry of a TBX document as a term."""
    read = TermsRead()
    root = root_of(text)
    if isinstance(root, RecordProblem):
        read.problems.append(root)
        return read
    if local_name(root) not in ("martif", "tbx"):
        read.problems.append(
            RecordProblem(
                translate("Messages", "the file"),
                translate("Messages", "not a TBX document (its root is <{root}>)").format(root=local_name(root)),
            )
        )
        return read
    default = root.get(_LANG, "").strip()
    for number, entry in enumerate((e for e in root.iter() if local_name(e) in _ENTRIES), 1):
        position = (
            translate("Messages", "entry {number} ({id})").format(number=number, id=entry.get("id"))
            if entry.get("id")
            else translate("Messages", "entry {number}").format(number=number)
        )
        found = _entry(entry, position, default)
        if isinstance(found, str):
            read.problems.append(RecordProblem(position, found))
        else:
            read.terms.append(found)
    return read


def _tig(parent: Element, text: str, status: str = "", notes: Iterable[tuple[str, str]] = ()) -> None:
    tig = ET.SubElement(parent, "tig")
    ET.SubElement(tig, "term").text = text
    for kind, value in notes:
        ET.SubElement(tig, "termNote", type=kind).text = value
    if status:
        ET.SubElement(tig, "termNote", type="administrativeStatus").text = f"{status}-admn-sts"


def write(terms: Iterable[TermRecord]) -> str:
    """A TBX v2 document of ``terms`` (entry ids are the terms' uuids)."""
    terms = list(terms)
    root = ET.Element("martif", {"type": "TBX", _LANG: terms[0].source_language if terms else "zh"})
    header = ET.SubElement(ET.SubElement(root, "martifHeader"), "fileDesc")
    ET.SubElement(ET.SubElement(header, "sourceDesc"), "p").text = "ngodesk glossary"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for term in terms:
        entry = ET.SubElement(body, "termEntry", {"id": f"_{term.uuid}"} if term.uuid else {})
        for subject in term.subjects:
            ET.SubElement(entry, "descrip", type="subjectField").text = subject
        if term.definition:
            ET.SubElement(entry, "descrip", type="definition").text = term.definition
        if term.note:
            ET.SubElement(entry, "note").text = term.note
        if term.status in _PROCESS:
            ET.SubElement(entry, "admin", type="processStatus").text = _PROCESS[term.status]
        for kind, value in term.extra.items():
            ET.SubElement(entry, "admin", type=kind).text = value
        ET.SubElement(entry, "admin", type="sourceLanguage").text = term.source_language
        source = ET.SubElement(entry, "langSet", {_LANG: term.source_language})
        deprecated = _WRITTEN[_FORBIDDEN] if term.status is TermStatus.DEPRECATED else ""
        _tig(source, term.term, deprecated, [("pronunciation", term.pinyin)] if term.pinyin else [])
        if term.traditional and term.traditional != term.term:
            _tig(ET.SubElement(entry, "langSet", {_LANG: "zh-Hant"}), term.traditional)
        renderings = [(term.rendering, _WRITTEN[_PREFERRED])] if term.rendering else []
        renderings += [(t, _WRITTEN[_ADMITTED]) for t in term.alternatives]
        renderings += [(t, _WRITTEN[_FORBIDDEN]) for t in term.forbidden]
        if renderings and term.target_language:
            target = ET.SubElement(entry, "langSet", {_LANG: term.target_language})
            for text, status in renderings:
                _tig(target, text, status)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
