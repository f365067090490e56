"""The glossary (termbase): terms, their renderings, readings and status.

A term is identified by its source language, its folded text (``走出去``
and ``走出去`` in traditional script are one term) and its target language:
importing a term that is there already fills its empty fields and adds
renderings and subjects it lacks, so importing a file twice adds nothing.
Chinese terms get their traditional form and pinyin made when not given.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ngodesk.domain.errors import ImportFailed, NgodeskError, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet, Created, RecordProblem, TermRecord, TermStatus
from ngodesk.domain.text import primary, read_language, require_encodable
from ngodesk.formats import distinct, read_text
from ngodesk.search.chinese import pinyin, traditional
from ngodesk.search.text import fold, traditional_table
from ngodesk.services.delivery import deliver
from ngodesk.steps import lookups, tombstones
from ngodesk.store.library import Library
from ngodesk.store.schema import Term

if TYPE_CHECKING:
    from ngodesk.formats import tbx

#: Glossary file formats by name (``--format``).
FORMATS = ("tbx", "csv", "tsv")
_TEXT_FIELDS = ("rendering", "traditional", "pinyin", "definition", "note")
_LIST_FIELDS = ("alternatives", "forbidden", "subjects")

#: The sample collection's terms (a new default library gets them).
SAMPLE_TERMS = (
    TermRecord("走出去", "going out", status=TermStatus.APPROVED, subjects=("Policy",)),
    TermRecord("丝路一家亲", "Silk Road Family", status=TermStatus.APPROVED, subjects=("Programme",)),
    TermRecord(
        "民生项目", "livelihood projects", status=TermStatus.APPROVED, alternatives=("people's livelihood projects",)
    ),
)


def _language(value: str, what: str) -> str:
    """``value`` as a BCP 47 tag (a code, a locale or a name: zh_CN ->
    zh-Hans, English -> en; ``domain.text.read_language``); ``und`` stays
    (a target not known). ValidationError naming ``what`` otherwise."""
    if value.strip().lower() == "und":
        return "und"
    reading = read_language(value)
    if not reading.tag or reading.several:
        raise ValidationError(
            translate("Messages", "{what}: '{value}' is not a language code such as zh, en or zh-Hant").format(
                what=what, value=value
            )
        )
    return reading.tag


#: Longest term accepted (a term is a word or phrase; readings are made for it).
TERM_MAX = 200
#: Characters XML (and so a TBX export) cannot hold.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: object, name: str) -> str:
    return _NOT_XML.sub("", require_encodable(str(value), name)).strip()


def _columns(record: TermRecord) -> dict[str, object]:
    """Column values for a term; raises ValidationError naming the field."""
    term = " ".join(_text(record.term, "term").split())
    if not term:
        raise ValidationError(translate("Messages", "term: a glossary entry needs a term"))
    if len(term) > TERM_MAX:
        raise ValidationError(
            translate("Messages", "term: longer than {TERM_MAX} characters ({n:,}); is it a definition?").format(
                TERM_MAX=TERM_MAX, n=len(term)
            )
        )
    source = _language(record.source_language, "source language")
    chinese = source.lower().startswith("zh")
    columns: dict[str, object] = {
        "term": term,
        "term_key": fold(term),
        "source_language": source,
        "target_language": _language(record.target_language or "und", "target language"),
        "status": TermStatus(record.status).value,
        "extra": json.dumps(
            {_text(k, "extra"): _text(v, "extra") for k, v in record.extra.items()}, ensure_ascii=False, sort_keys=True
        ),
    }
    for name in _TEXT_FIELDS:
        columns[name] = _text(getattr(record, name), name)
    for name in _LIST_FIELDS:
        columns[name] = json.dumps(list(distinct(_text(v, name) for v in getattr(record, name))), ensure_ascii=False)
    if chinese and not columns["traditional"]:
        columns["traditional"] = traditional(term)
    if chinese and not columns["pinyin"]:
        columns["pinyin"] = pinyin(term)
    return columns


def _record(term: Term) -> TermRecord:
    return TermRecord(
        term.term,
        term.rendering,
        "",
        term.source_language,
        term.target_language,
        traditional=term.traditional,
        pinyin=term.pinyin,
        alternatives=tuple(json.loads(term.alternatives)),
        forbidden=tuple(json.loads(term.forbidden)),
        definition=term.definition,
        note=term.note,
        subjects=tuple(json.loads(term.subjects)),
        status=TermStatus(term.status),
        extra=json.loads(term.extra),
        uuid=term.uuid,
    )


def _find(session: Session, columns: dict[str, object]) -> Term | None:
    """The term ``columns`` describe, if there: the same folded term, from
    and into the same languages (``zh`` and ``zh-CN`` are one)."""
    candidates = session.scalars(select(Term).where(Term.term_key == columns["term_key"]).order_by(Term.id))
    wanted = (primary(str(columns["source_language"])), primary(str(columns["target_language"])))
    return next((t for t in candidates if (primary(t.source_language), primary(t.target_language)) == wanted), None)


def _fill(term: Term, columns: dict[str, object]) -> bool:
    """Fill ``term``'s empty fields and add the renderings and subjects it
    lacks from ``columns``; True when it changed."""
    changed = False
    for name in _TEXT_FIELDS:
        if columns[name] and not getattr(term, name):
            setattr(term, name, columns[name])
            changed = True
    other_rendering = columns["rendering"] if columns["rendering"] != term.rendering else None
    for name in _LIST_FIELDS:
        have = json.loads(getattr(term, name))
        offered = json.loads(str(columns[name])) + (
            [other_rendering] if name == "alternatives" and other_rendering else []
        )
        more = [v for v in offered if v not in have and v != term.rendering]
        if more:
            setattr(term, name, json.dumps(have + more, ensure_ascii=False))
            changed = True
    extra = json.loads(term.extra)
    more_extra = {k: v for k, v in json.loads(str(columns["extra"])).items() if k not in extra}
    if more_extra:
        term.extra = json.dumps({**extra, **more_extra}, ensure_ascii=False, sort_keys=True)
        changed = True
    if changed:
        term.touch()
    return changed


def create_term(library: Library, record: TermRecord, term_id: int | None = None) -> Created:
    """Add a term (see ``_columns`` for what is checked and made). A
    ``record.uuid`` and ``term_id`` put a deleted term back as it was
    (undo): its tombstone goes."""
    columns = _columns(record)
    with library.write() as session:
        term = Term(**columns, **({"uuid": record.uuid} if record.uuid else {}), id=term_id)
        session.add(term)
        session.flush()
        tombstones.unbury(session, [term.uuid])
        return Created(term.id, term.uuid, ChangeSet(terms=frozenset({term.id})))


def get_term(library: Library, term_id: int) -> TermRecord:
    """One term; NotFound when there is none with ``term_id``."""
    with library.read() as session:
        return _record(lookups.get(session, Term, term_id, "glossary term"))


def update_term(library: Library, term_id: int, record: TermRecord) -> ChangeSet:
    """Replace a term's fields with ``record``'s (traditional form and
    pinyin made again when given empty)."""
    columns = _columns(record)
    with library.write() as session:
        term = lookups.get(session, Term, term_id, "glossary term")
        for name, value in columns.items():
            setattr(term, name, value)
        term.touch()
        return ChangeSet(terms=frozenset({term_id}))


def delete_term(library: Library, term_id: int) -> ChangeSet:
    """Delete a term (a tombstone remembers it for merges)."""
    with library.write() as session:
        term = lookups.get(session, Term, term_id, "glossary term")
        tombstones.bury(session, "term", [term.uuid])
        session.delete(term)
        return ChangeSet(terms=frozenset({term_id}))


def terms(library: Library) -> list[tuple[int, TermRecord]]:
    """Every term with its id, by source language, then pinyin (Chinese
    terms sort by their reading), then term."""
    with library.read() as session:
        found = session.scalars(select(Term)).all()
        ordered = sorted(found, key=lambda t: (t.source_language, fold(t.pinyin) or t.term_key, t.term_key))
        return [(term.id, _record(term)) for term in ordered]


@dataclass
class GlossaryReport:
    """The outcome of a glossary import."""

    added: int = 0
    #: terms that were there and got fields or renderings they lacked
    updated: int = 0
    unchanged: int = 0
    problems: list[RecordProblem] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)


def import_terms(library: Library, incoming: Iterable[TermRecord], strict: bool = False) -> GlossaryReport:
    """Add terms, merging those already there (see the module's text); all
    in one transaction. A term that fails validation is reported by its
    position; with ``strict`` any problem raises ImportFailed and nothing
    is written."""
    report, ready = GlossaryReport(), []
    for record in incoming:
        try:
            ready.append(_columns(record))
        except NgodeskError as error:
            report.problems.append(RecordProblem(record.position, str(error)))
    if strict and report.problems:
        first = report.problems[0]
        raise ImportFailed(
            translate("Messages", "{position}: {reason}; nothing was imported").format(
                position=first.position, reason=first.reason
            )
        )
    touched: set[int] = set()
    with library.write() as session:
        for columns in ready:
            term = _find(session, columns)
            if term is None:
                term = Term(**columns)
                session.add(term)
                session.flush()
                report.added += 1
            elif _fill(term, columns):
                session.flush()
                if term.id not in touched:
                    report.updated += 1
            else:
                report.unchanged += 1
            touched.add(term.id)
    report.changes = ChangeSet(terms=frozenset(touched))
    return report


def read_glossary(path: Path, format_name: str = "auto") -> tuple[str, tbx.TermsRead]:
    """Read a glossary file (TBX, or a CSV/TSV table; ``auto`` tells them
    apart by their content); returns the format used and what it held.
    Raises ImportFailed when the file cannot be read or the format is
    unknown."""
    from ngodesk.formats import tbx, term_table  # (the parsers: not for a window that lists terms)

    if format_name not in ("auto", *FORMATS):
        raise ImportFailed(
            translate("Messages", "unknown glossary format '{format_name}'; known: auto, {join}").format(
                format_name=format_name, join=", ".join(FORMATS)
            )
        )
    text = read_text(path)
    if format_name == "tbx" or (format_name == "auto" and (path.suffix.lower() == ".tbx" or tbx.sniff(text))):
        return "tbx", tbx.parse(text)
    delimiter = {"csv": ",", "tsv": "\t"}.get(format_name) or term_table.delimiter_of(text)
    return ("tsv" if delimiter == "\t" else "csv"), term_table.parse(text, delimiter)


def import_file(library: Library, path: Path, format_name: str = "auto", strict: bool = False) -> GlossaryReport:
    """Import a glossary file (see ``read_glossary`` and ``import_terms``)."""
    _, read = read_glossary(path, format_name)
    if strict and read.problems:
        first = read.problems[0]
        raise ImportFailed(
            translate("Messages", "{path}, {position}: {reason}; nothing was imported").format(
                path=path, position=first.position, reason=first.reason
            )
        )
    report = import_terms(library, read.terms, strict)
    report.problems = read.problems + report.problems
    return report


def export(library: Library, format_name: str, target: Path | str | None, term_ids: Sequence[int] | None = None) -> int:
    """Write the glossary (or the terms ``term_ids``) as TBX or CSV to the
    file ``target`` or standard output (see ``deliver``);
    returns how many terms were written."""
    from ngodesk.formats import tbx, term_table

    if format_name not in ("tbx", "csv"):
        raise ValidationError(
            translate("Messages", "unknown glossary export format '{format_name}'; known: tbx, csv").format(
                format_name=format_name
            )
        )
    wanted = set(term_ids) if term_ids is not None else None
    chosen = [record for term_id, record in terms(library) if wanted is None or term_id in wanted]
    text = tbx.write(chosen) if format_name == "tbx" else term_table.write(chosen)
    deliver(target, lambda out: out.write(text))
    return len(chosen)


@dataclass(frozen=True)
class Occurrence:
    """Where a glossary term occurs in a text (``start``/``end`` index it)."""

    start: int
    end: int
    term_id: int


def same_script(text: str) -> str:
    """``text`` with traditional characters made simplified, one for one
    (positions stay where they were)."""
    return text.translate(traditional_table())


def phrase_pattern(phrase: str) -> str:
    """A regular expression for ``phrase`` in text: a phrase starting or
    ending with a Latin letter or digit only as whole words (an English
    plural ending allowed: "NGO" is in "NGOs", not in "ongoing"; "UN" is
    not in "Under"); Chinese anywhere."""
    start = r"(?<![A-Za-z0-9])" if phrase[:1].isascii() and phrase[:1].isalnum() else ""
    end = r"(?:e?s)?(?![A-Za-z0-9])" if phrase[-1:].isascii() and phrase[-1:].isalnum() else ""
    return start + re.escape(phrase) + end


def mentions(text: str, phrase: str) -> bool:
    """Whether ``text`` holds ``phrase`` (see ``phrase_pattern``; case and
    Chinese script do not matter)."""
    return bool(phrase.strip()) and re.search(phrase_pattern(same_script(phrase)), same_script(text), re.I) is not None


class TermFinder:
    """Finds glossary terms in text: a term's forms in either Chinese
    script, case-insensitively, longest first (``丝路一家亲`` wins over a
    term ``丝路`` inside it); a term in Latin letters only as whole words
    (see ``phrase_pattern``). Build one per glossary state; it is cheap to
    use on every story shown."""

    def __init__(self, found: Iterable[tuple[int, TermRecord]]) -> None:
        self._ids: dict[str, int] = {}
        for term_id, term in found:
            for form in (term.term, term.traditional):
                if form.strip():
                    self._ids.setdefault(same_script(form).casefold(), term_id)
        forms = sorted(self._ids, key=len, reverse=True)
        self.pattern = re.compile("|".join(phrase_pattern(f) for f in forms), re.IGNORECASE) if forms else None

    def _term_id(self, matched: str) -> int | None:
        key = matched.casefold()
        for ending in ("", "s", "es"):  # (a plural ending matched too)
            if key.endswith(ending) and (found := self._ids.get(key[: len(key) - len(ending)])) is not None:
                return found
        return None

    def find(self, text: str) -> list[Occurrence]:
        """The occurrences in ``text``, in order, not overlapping."""
        if self.pattern is None:
            return []
        found = ((m, self._term_id(m.group())) for m in self.pattern.finditer(same_script(text)))
        return [Occurrence(m.start(), m.end(), term_id) for m, term_id in found if term_id is not None]
