"""BibTeX and BibLaTeX, read with bibtexparser 2: LaTeX accents become
Unicode, co-authors are split (and become people), keyword lists split on
``;;``, ``;``, ``；`` or ``,`` (as Mendeley and Better BibTeX write them when
a keyword holds a comma: ``keyword_lists``); ``year = {Null}`` (CNKI) means undated; a
``url`` holding several addresses (Mendeley) gives the first as the web
address, the others kept in ``extra`` as ``other_urls`` with a warning.
Blocks the parser cannot read are reported by line; the other entries
still come in. Fields that do not map are kept in ``extra``."""

from __future__ import annotations

import logging
import re
from typing import cast

from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string
from bibtexparser.model import Block, DuplicateBlockKeyBlock, Entry
from pylatexenc.latex2text import LatexNodes2Text

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, StoryRecord
from ngodesk.formats import (
    NO_OPTIONS,
    SNIFF_HEAD,
    ImportOptions,
    ParseResult,
    distinct,
    partial_date,
    person_name,
)
from ngodesk.formats.keyword_lists import read_keywords
from ngodesk.formats.nesting import MAX_DEPTH, TooDeep, bracket_depth
from ngodesk.formats.places import line_place

NAME = "bibtex"
TITLE = "BibTeX or BibLaTeX"
EXTENSIONS = (".bib",)

_ENTRY = re.compile(r"^\s*@\s*(article|online|misc|book|inproceedings|report|incollection|news)\s*[{(]", re.I | re.M)
_URL = re.compile(r"\\url\s*\{([^}]*)\}")
_LATEX = re.compile(r"[\\{}$~]|--|``|''|!`|\?`")
_DECODER = LatexNodes2Text(math_mode="verbatim")
_UNWRAP = middlewares.RemoveEnclosingMiddleware()
_SPLIT_AUTHORS = middlewares.SeparateCoAuthors()
# bibtexparser logs each unreadable block; the import report names them instead
logging.getLogger("bibtexparser").setLevel(logging.ERROR)
_MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
_SOURCES = ("journal", "journaltitle", "booktitle", "publisher", "organization", "institution")
_USED = {
    "title",
    "abstract",
    "url",
    "date",
    "year",
    "month",
    "language",
    "langid",
    "author",
    "keywords",
}


def sniff(text: str) -> bool:
    """True when an ``@article{``-style entry starts within the first 200 lines."""
    return _ENTRY.search("\n".join(text[:SNIFF_HEAD].splitlines()[:200])) is not None


def _clean(value: object) -> str:
    return " ".join(str(value).replace("{", "").replace("}", "").split())


def _published(fields: dict[str, str]) -> str:
    date = fields.get("date", "")
    if re.match(r"^\d{4}(-\d{2}){0,2}$", date):
        return date
    month = fields.get("month", "").strip().lower()
    return partial_date([fields.get("year", ""), _MONTHS.get(month[:3], month)])


#: What BibTeX writers escape in addresses: \% \# \& \_ \~ \$
_ESCAPED = re.compile(r"\\([%#&_~$])")


def _decode(value: str) -> str:
    """LaTeX to Unicode (``\\'e`` -> é); values without LaTeX are returned
    as they are (decoding is slow: most of a large import's time). TooDeep
    for braces nested deeper than ``MAX_DEPTH`` (the decoder follows them
    by recursion)."""
    if not _LATEX.search(value):
        return value
    if (depth := bracket_depth(value, None, "{}")) > MAX_DEPTH:
        raise TooDeep(depth)
    return cast(str, _DECODER.latex_to_text(value))  # (pylatexenc has no types)


def _urls(fields: dict[str, str]) -> tuple[str, list[str]]:
    """The field and web addresses of an entry's ``url`` (several,
    separated by spaces, in Mendeley's exports) or else its
    ``howpublished``; ("", []) when neither holds one."""
    for key in ("url", "howpublished"):
        value = fields.get(key, "")
        match = _URL.search(value)
        value = _ESCAPED.sub(r"\1", (match.group(1) if match else value).replace("{", "").replace("}", ""))
        found = [part for part in value.split() if part.startswith(("http://", "https://"))]
        if found:
            return key, list(dict.fromkeys(found))
    return "", []


def _line(block: Block) -> int:
    """The line ``block`` starts on, from 1 (the parser gives every block it reads one)."""
    assert block.start_line is not None
    return block.start_line + 1


def parse(text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
    """Every entry of a BibTeX text; unreadable blocks as problems."""
    result = ParseResult()
    library = parse_string(text)
    entries = list(library.entries)
    for block in library.failed_blocks:
        if isinstance(block, DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, Entry):
            # (two .bib files joined: both entries are stories; a @string defined twice is reported)
            entries.append(_UNWRAP.transform_entry(block.ignore_error_block, library))
            continue
        reason = str(getattr(block, "error", "")) or "a brace or quote is not closed before the next entry"
        result.problems.append(
            RecordProblem(
                line_place(_line(block)),
                translate("Messages", "not a readable entry: {reason}").format(reason=reason),
            )
        )
    for read in sorted(entries, key=_line):
        # (splitting co-authors fails on no name: the middleware's error block never comes)
        entry = cast(Entry, _SPLIT_AUTHORS.transform_entry(read, library))
        position = translate("Messages", "line {line} ({key})").format(line=_line(entry), key=entry.key)
        fields = {field.key.lower(): field.value for field in entry.fields}
        url_field, urls = _urls({k: v for k, v in fields.items() if isinstance(v, str)})  # (as written)
        authors = fields.get("author", [])
        try:
            authors = [_clean(_decode(str(a))) for a in (authors if isinstance(authors, list) else [authors])]
            strings = {k: _clean(_decode(v)) for k, v in fields.items() if isinstance(v, str)}
        except TooDeep as error:
            result.problems.append(RecordProblem(position, str(error)))
            continue
        people = [person_name(a) for a in authors if a]
        title = strings.get("title", "")
        if not title:
            result.problems.append(RecordProblem(position, translate("Messages", "the entry has no title")))
            continue
        extra: dict[str, object] = {k: v for k, v in strings.items() if k not in _USED and k not in _SOURCES}
        extra.update(bibtex_type=entry.entry_type, bibtex_key=entry.key)
        warnings = []
        if url_field == "howpublished":
            del extra["howpublished"]
        elif strings.get("url") and not urls:
            extra["url_as_given"] = strings["url"]
            warnings.append(
                translate("Messages", "url '{value}' is not a web address; kept in extra as url_as_given").format(
                    value=strings["url"]
                )
            )
        if len(urls) > 1:
            extra["other_urls"] = urls[1:]
            warnings.append(
                translate(
                    "Messages", "url holds {count} web addresses; the first kept, the others in extra as other_urls"
                ).format(count=len(urls))
            )
        result.records.append(
            StoryRecord(
                title=title,
                position=position,
                summary=strings.get("abstract", ""),
                url=urls[0] if urls else "",
                source=next((strings[k] for k in _SOURCES if strings.get(k)), ""),
                published=_published(strings),
                language=strings.get("langid", "") or strings.get("language", ""),
                tags=read_keywords(strings.get("keywords", ""), extra, warnings),
                people=distinct(people),
                extra=extra,
                warnings=tuple(warnings),
            )
        )
    return result
