"""Importers and exporters: pure functions from file contents to records.

Each format module offers ``NAME``, ``EXTENSIONS``, ``sniff(text)`` and
``parse(text, options) -> ParseResult``; formats that can give their records
one by one (large tables and RIS files) also offer ``stream(text, options)
-> Stream``. ``read_text`` decodes bytes honestly: a file that is not valid
text is refused with the reason, never imported as mojibake.

Importing this package imports no format module: ``NAMES`` lists them
(for ``--format``), ``_registry`` imports them when a file is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ngodesk.domain.errors import ImportFailed
from ngodesk.domain.i18n import translate
from ngodesk.search.text import CJK_RUN

if TYPE_CHECKING:
    from ngodesk.domain.models import EntityRecord, RecordProblem, StoryRecord, TagRecord


@dataclass
class ParseResult:
    """What a file held: readable records and, per unreadable one, why."""

    records: list[StoryRecord] = field(default_factory=list)
    problems: list[RecordProblem] = field(default_factory=list)
    #: Records left out on purpose (deleted upstream, WordPress pages...):
    #: reported, but not failures.
    skipped: list[RecordProblem] = field(default_factory=list)
    #: Tags and authority records to create before the stories (ngodesk's
    #: own JSON only).
    tags: list[TagRecord] = field(default_factory=list)
    entities: list[EntityRecord] = field(default_factory=list)

    def add(self, entry: StoryRecord | RecordProblem) -> None:
        """Keep a record, or the problem of an unreadable one."""
        from ngodesk.domain.models import RecordProblem

        if isinstance(entry, RecordProblem):
            self.problems.append(entry)
        else:
            self.records.append(entry)


@dataclass
class Stream:
    """A file's records and unreadable records, read as they are asked for:
    at most ``bound`` records (known before any is read). ``head`` holds
    what comes before the records (left-out entries, tags, authority
    records); its records and problems are empty."""

    bound: int
    entries: Iterator[StoryRecord | RecordProblem]
    head: ParseResult = field(default_factory=ParseResult)


def collect(stream: Stream) -> ParseResult:
    """The whole ``ParseResult`` of a stream (``parse`` of a streaming format)."""
    result = stream.head
    for entry in stream.entries:
        result.add(entry)
    return result


@dataclass(frozen=True)
class ImportOptions:
    """Choices the user made for an import, read by the formats they
    concern: ``columns`` maps table columns to story fields (CSV/TSV, on
    top of the header's own names), ``post_types`` are the WordPress item
    types imported as stories."""

    columns: Mapping[str, str] = field(default_factory=dict)
    post_types: frozenset[str] = frozenset({"post"})


NO_OPTIONS = ImportOptions()


class Format(Protocol):
    """What an importer offers (a module or an object): its names are
    read, never set (so a module's ``(".bib",)`` is a ``tuple[str, ...]``)."""

    @property
    def NAME(self) -> str: ...

    @property
    def TITLE(self) -> str:
        """for a file dialog"""

    @property
    def EXTENSIONS(self) -> tuple[str, ...]: ...

    def sniff(self, text: str) -> bool: ...

    def parse(self, text: str, options: ImportOptions = ...) -> ParseResult: ...


def _registry() -> dict[str, Format]:
    """Importers by name, in the order ``auto`` tries them."""
    from ngodesk.formats import (
        bibtex,
        cdb_listing,
        csl_json,
        csv_table,
        endnote_xml,
        feeds,
        mods,
        native_json,
        noteexpress,
        oai_dc,
        ris,
        wxr,
        zotero_rdf,
    )

    formats: tuple[Format, ...] = (
        cdb_listing,
        native_json,
        ris,
        bibtex,
        csl_json,
        noteexpress,
        oai_dc,
        zotero_rdf,
        mods,
        endnote_xml,
        wxr,
        feeds,
        csv_table.TSV,
        csv_table.CSV,
    )
    return {f.NAME: f for f in formats}


#: The importers' names, in the order ``auto`` tries them (``_registry``'s
#: keys, written out so that naming them imports no format module).
NAMES = (
    *("cdb-listing", "json", "ris", "bibtex", "csl-json", "noteexpress", "oai-dc", "zotero-rdf", "mods"),
    *("endnote-xml", "wxr", "rss", "tsv", "csv"),
)


def format_names() -> list[str]:
    """Names accepted by ``--format`` besides ``auto``."""
    return sorted(NAMES)


def importers() -> list[Format]:
    """The importers, sorted by title (for a file dialog)."""
    return sorted(_registry().values(), key=lambda f: f.TITLE.casefold())


def partial_date(parts: Iterable[object]) -> str:
    """``YYYY[-MM[-DD]]`` from year, month and day parts (strings or
    numbers), up to the first missing, non-numeric or zero one (RIS's
    ``2001/00/00/`` is 2001); ``""`` without a four-digit year. Shared by
    the importers' date fields."""
    numbers: list[str] = []
    for part in list(parts)[:3]:
        text = str(part if part is not None else "").strip()
        if not text.isdigit() or (numbers and not text.strip("0")):
            break
        numbers.append(text.zfill(2) if numbers else text)
    return "-".join(numbers) if numbers and len(numbers[0]) == 4 else ""


def distinct(values: Iterable[object]) -> tuple[str, ...]:
    """The values as trimmed text, blanks and repeats dropped, in order:
    what a story's tags or people are made of."""
    return tuple(dict.fromkeys(text for value in values if (text := str(value).strip())))


_SEMICOLONS = re.compile(r"[;；]")
_SEMICOLONS_AND_COMMAS = re.compile(r"[;；,，]")


def split_list(text: str, commas: bool = False) -> tuple[str, ...]:
    """The values of a list written as text (``a; b；c``; with ``commas``
    also ``a, b，c`` when there is no semicolon: ``a, b; c`` is two
    values; ``;;`` counts as one separator), via ``distinct``. Commas
    separate keywords, never names (``Smith, John``)."""
    by_commas = commas and not _SEMICOLONS.search(text)
    return distinct((_SEMICOLONS_AND_COMMAS if by_commas else _SEMICOLONS).split(text))


def person_name(name: str) -> str:
    """A person's name as catalogued: reference managers' ``Family, Given``
    form is kept (``Smith, John``) except for Chinese names, which are
    written together (``王, 芳`` -> ``王芳``)."""
    family, comma, given = name.replace("，", ",").partition(",")
    if comma and CJK_RUN.fullmatch(family.strip()) and CJK_RUN.fullmatch(given.strip()):
        return family.strip() + given.strip()
    return " ".join(name.split())


def file_extensions() -> list[str]:
    """Extensions (``.ris``...) of the files the importers read, and
    ``.txt`` (listings are plain text)."""
    return sorted({".txt", *(ext for module in _registry().values() for ext in module.EXTENSIONS)})


def read_text(path: Path) -> str:
    """The file's text (see ``encoding.decode``), newlines normalised to
    ``\n``. Raises ImportFailed naming the file and what is wrong."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailed(
            translate("Messages", "{path}: cannot read the file: {strerror}").format(path=path, strerror=error.strerror)
        ) from error
    from ngodesk.formats.encoding import decode

    text, _ = decode(data, str(path))
    if "\x00" in text:
        raise ImportFailed(
            translate("Messages", "{path}: contains NUL characters; it looks like a binary file, not text").format(
                path=path
            )
        )
    if "\r" in text:  # (the check is a quarter of the replacing, which copies)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


#: Characters at the start of a file that sniffers of line-based formats
#: look at (splitting a large file's whole text only to read its first
#: lines took half a second per 100 MB).
SNIFF_HEAD = 1 << 18
#: Formats of XML documents and of those that start with ``{`` or ``[``
#: (JSON, and NoteExpress's ``{Field}:`` lines), by name.
_XML = ("oai-dc", "wxr", "rss", "zotero-rdf", "mods", "endnote-xml")
_JSON = ("json", "csl-json", "noteexpress")


def detect(path: Path, text: str, format_name: str = "auto") -> Format:
    """The importer for a file: ``format_name``'s, or (``auto``) the first
    that recognises the text, else the one its extension names. Raises
    ImportFailed when none fits or the name is unknown."""
    registry = _registry()
    if format_name in registry:
        return registry[format_name]
    if format_name != "auto":
        raise ImportFailed(
            translate("Messages", "unknown format '{format_name}'; known: auto, {join}").format(
                format_name=format_name, join=", ".join(registry)
            )
        )
    # What a file is made of decides first (a CSV or XML file whose text
    # holds a line like "TY  - JOUR" is not RIS), then its extension among
    # the formats that recognise it.
    start = text[:4096].lstrip("\ufeff \t\r\n")[:1]  # (not a copy of a whole large file)
    family = _XML if start == "<" else _JSON if start in ("{", "[") else None
    sniffed = [f for f in registry.values() if (family is None or f.NAME in family) and f.sniff(text)]
    by_extension = [f for f in registry.values() if path.suffix.lower() in f.EXTENSIONS]
    candidates = [f for f in sniffed if f in by_extension] or sniffed or by_extension
    if not candidates:
        raise ImportFailed(
            translate("Messages", "{path}: cannot tell what format it is in; the formats known are {join}").format(
                path=path, join=", ".join(registry)
            )
        )
    return candidates[0]


def parse_file(path: Path, format_name: str = "auto", options: ImportOptions = NO_OPTIONS) -> tuple[str, ParseResult]:
    """Read and parse one file; returns the format used and the result.

    Raises ImportFailed when the file cannot be read or its format is not
    known or not recognised.
    """
    used, stream = open_stream(path, format_name, options)
    return used, collect(stream)


def open_stream(path: Path, format_name: str = "auto", options: ImportOptions = NO_OPTIONS) -> tuple[str, Stream]:
    """Read one file and start parsing it (``parse_file``'s result, one
    record at a time where the format allows); raises as ``parse_file``."""
    text = read_text(path)
    found = detect(path, text, format_name)
    stream = getattr(found, "stream", None)
    if stream is not None:
        opened: Stream = stream(text, options)
    else:
        result = found.parse(text, options)
        head = ParseResult(skipped=result.skipped, tags=result.tags, entities=result.entities)
        opened = Stream(len(result.records), iter([*result.problems, *result.records]), head)
    head = opened.head
    told = format_name != "auto" or not found.sniff(text)  # (named, or by the extension alone)
    if told and text.strip() and not (head.skipped or head.tags or head.entities):
        opened.entries = _said_if_empty(opened.entries, found.NAME)
    return found.NAME, opened


def _said_if_empty(entries: Iterator[StoryRecord | RecordProblem], name: str) -> Iterator[StoryRecord | RecordProblem]:
    """``entries``, or a problem when there are none: a file read in the
    wrong format (``--format ris`` on a BibTeX file) is not "0 imported"."""
    empty = True
    for entry in entries:
        empty = False
        yield entry
    if empty:
        from ngodesk.domain.models import RecordProblem

        reason = translate("Messages", "no {name} records found in it: is it in another format?")
        yield RecordProblem(translate("Messages", "the file"), reason.format(name=name))
