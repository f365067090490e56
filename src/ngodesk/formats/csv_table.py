"""Spreadsheet tables: CSV and TSV with a header row, read with the standard
``csv`` module.

Columns map onto story fields by their header (English or Chinese names,
e.g. ``Title``/``标题``, ``Keywords``/``关键词``; Zotero's CSV export header
is recognised), and ``ImportOptions.columns`` maps or overrides any column
(``--map 题名=title``; ``ignore`` leaves a column out, ``extra`` keeps it
in ``extra``). Cells of tags,
people, organisations and places hold several values separated by ``;``.
Excel's ``="..."`` cells are unwrapped. Unmapped columns are kept in
``extra`` under their header; dates that cannot be read are kept there as
``date_as_given``. Positions are the line where a row starts. A row that
breaks the quoting rules (a ``\"`` escape, a stray quote) is read as
Python's csv module reads it, with a warning, and the rows after it come
in too.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, StoryRecord, Translation
from ngodesk.formats import (
    NO_OPTIONS,
    SNIFF_HEAD,
    ImportOptions,
    ParseResult,
    Stream,
    collect,
    distinct,
    partial_date,
    person_name,
    split_list,
)
from ngodesk.formats.places import line_place
from ngodesk.formats.writers.csv_table import FORMULA_START
from ngodesk.search.text import fold

#: Story fields a column can map onto; the last four hold lists.
SINGLE = ("title", "summary", "body", "url", "source", "published", "language")
MULTIPLE = ("tags", "people", "organisations", "places")
FIELDS = (*SINGLE, *MULTIPLE)
#: A column mapped to this is left out on purpose; to EXTRA, kept in the
#: story's extra data under its header (what unmapped columns get).
IGNORE = "ignore"
EXTRA = "extra"

_ALIASES = {
    "title": ("title", "headline", "标题", "題名", "题名", "標題"),
    "summary": ("summary", "abstract", "abstract note", "description", "摘要", "简介", "簡介"),
    "body": ("body", "text", "content", "full text", "正文", "全文", "内容", "內容"),
    "url": ("url", "link", "web address", "链接", "鏈接", "网址", "網址"),
    "source": ("source", "publication", "publication title", "journal", "newspaper", "来源", "來源", "媒体", "媒體"),
    "published": ("published", "date", "pubdate", "publication date", "日期", "发布日期", "發布日期", "出版日期"),
    "language": ("language", "lang", "语言", "語言"),
    "tags": (
        "tags",
        "tag",
        "keywords",
        "subjects",
        "manual tags",
        "automatic tags",
        "标签",
        "標籤",
        "关键词",
        "關鍵詞",
    ),
    "people": ("people", "person", "author", "authors", "creator", "creators", "作者", "人物"),
    "organisations": ("organisations", "organizations", "organisation", "organization", "org", "机构", "機構", "组织"),
    "places": ("places", "place", "location", "地点", "地點"),
}
#: Zotero's CSV export: its "Place" is where the publisher is, not a place
#: the story is about.
_ZOTERO_MARKS = {"key", "item type", "publication year", "abstract note"}
_ZOTERO_KEPT = {"place"}
_BY_ALIAS = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_EXCEL = re.compile(r'^="(.*)"$', re.DOTALL)
#: Columns our export writes for translations: "title (en)", "body (zh-Hant)"...
_TRANSLATION_HEADING = re.compile(r"^(title|summary|body) \(([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\)$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"^\s*(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?)?")
_ENGLISH_DATES = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%B %Y", "%b %Y")
#: Cells larger than this are refused (the csv module's own limit is 128 KB;
#: the limit is process-wide, so it is set once, here).
FIELD_LIMIT = 16 * 1024 * 1024
csv.field_size_limit(FIELD_LIMIT)


#: Errors of the csv module after which no row can be told apart (a
#: quoted cell open at the end of the file; a cell past FIELD_LIMIT).
_FATAL = ("unexpected end of data", "field larger than field limit")


def _at_line(start: int, error: csv.Error) -> str:
    return translate("Messages", "line {start}: {error}").format(start=start, error=error)


def _header_key(name: str) -> str:
    return " ".join(fold(name).replace("_", " ").split())


def automatic_mapping(header: list[str]) -> dict[str, str]:
    """Column -> field for the columns whose header names a field."""
    zotero = _ZOTERO_MARKS <= {_header_key(name) for name in header}
    mapping: dict[str, str] = {}
    for name in header:
        key = _header_key(name)
        if key in _BY_ALIAS and not (zotero and key in _ZOTERO_KEPT):
            mapping[name] = _BY_ALIAS[key]
    return mapping


def unwrap(cell: str) -> str:
    """A cell's value: Excel's ``="0123"`` becomes ``0123``, and the ``'``
    that keeps ``'=1+1`` from being run as a formula (ngodesk's own CSV
    export writes it) is dropped."""
    match = _EXCEL.match(cell)
    if match:
        return match.group(1).replace('""', '"')
    value = cell.strip()
    return value[1:] if value[:1] == "'" and value[1:].startswith(FORMULA_START) else value


def read_date(value: str) -> str:
    """``YYYY[-MM[-DD]]`` from ISO, slashed, Chinese (``2018年12月7日``) or
    English (``7 December 2018``, ``Dec 7, 2018``) dates; ``""`` if none."""
    match = _NUMERIC_DATE.match(value)
    if match:
        return partial_date(match.groups())
    for pattern in _ENGLISH_DATES:
        try:
            parsed = datetime.strptime(" ".join(value.split()), pattern)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m" if "%d" not in pattern else "%Y-%m-%d")
    return ""


@dataclass(frozen=True)
class Table:
    """A delimited-text format (CSV or TSV)."""

    NAME: str
    EXTENSIONS: tuple[str, ...]
    delimiter: str
    TITLE: str

    def rows(self, text: str) -> Iterator[tuple[int, list[str]]]:
        """(line where the row starts, cells) for each row (``read``)."""
        for start, cells, _, _ in self.read(text):
            yield start, cells

    def read(self, text: str) -> Iterator[tuple[int, list[str], str, str]]:
        """(line where the row starts, cells, how the row was read if not
        by CSV's rules, and then its text as given if that reading may be
        wrong, else "" and "") for each row, read as they are asked for.
        A row that breaks the quoting rules is read as Python's csv module
        reads it (quotes written ``\\"`` as quotes) and reading goes on
        after it. Raises csv.Error naming the line for a quoted cell that
        the file ends in (a truncated file: the rest is that cell) or an
        oversized cell."""
        offset, start = 0, 1
        while offset < len(text):
            first = start
            reader = csv.reader(_lines(text, offset), delimiter=self.delimiter, strict=True)
            try:
                for cells in reader:
                    yield start, cells, "", ""
                    start = first + reader.line_num
                return
            except csv.Error as error:
                if str(error).startswith(_FATAL):
                    raise csv.Error(_at_line(start, error)) from error
                odd = error
            offset = _skip_lines(text, offset, start - first)  # (where the row refused starts)
            try:
                cells, count, how, guessed = self._odd_row(text, offset, odd)
            except csv.Error as error:
                raise csv.Error(_at_line(start, error)) from error
            following = _skip_lines(text, offset, count)
            yield start, cells, how, text[offset:following].rstrip("\n") if guessed else ""
            offset, start = following, start + count

    def _odd_row(self, text: str, offset: int, error: csv.Error) -> tuple[list[str], int, str, bool]:
        """The row at ``offset`` that the strict reading refused (with
        ``error``): its cells, how many lines it spans, how it was read and
        whether that is a guess."""
        lenient = csv.reader(_lines(text, offset), delimiter=self.delimiter, strict=False)
        cells = next(lenient)
        repaired = csv.reader(
            (line.replace('\\"', '""') for line in _lines(text, offset)), delimiter=self.delimiter, strict=True
        )
        try:
            escaped = next(repaired)
        except csv.Error:
            escaped = None
        if escaped is not None and repaired.line_num == lenient.line_num:  # (not running into the next rows)
            return (
                escaped,
                repaired.line_num,
                translate("Messages", 'quotes written \\" in the row read as quotes'),
                False,
            )
        how = translate(
            "Messages",
            "the row is not well-formed {name} ({error}); read as Python's csv module reads it, the row as given"
            " kept in extra as row_as_given",
        )
        return cells, lenient.line_num, how.format(name=self.NAME.upper(), error=error), True

    def header(self, text: str) -> list[str]:
        """The header row (cells stripped), or [] for an empty file."""
        try:
            for _, cells in self.rows(text):
                if any(cell.strip() for cell in cells):
                    return [cell.strip() for cell in cells]
        except csv.Error:
            return []
        return []

    def sniff(self, text: str) -> bool:
        """True when the first row has two or more columns split by this
        format's delimiter and one of them names the title."""
        first = text[:SNIFF_HEAD].lstrip("\n").split("\n", 1)[0]
        if self.delimiter not in first:
            return False
        header = self.header(text[:SNIFF_HEAD])
        return len(header) >= 2 and "title" in automatic_mapping(header).values()

    def parse(self, text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
        """Every row below the header as a story."""
        return collect(self.stream(text, options))

    def stream(self, text: str, options: ImportOptions = NO_OPTIONS) -> Stream:
        """``parse``, one row at a time. A row that breaks the quoting
        rules is read all the same (see ``read``) with a warning; a quoted
        cell the file ends in or an oversized one ends the table (with a
        problem saying so)."""
        header = self.header(text)
        if not header:
            return Stream(
                0,
                iter(
                    [
                        RecordProblem(
                            translate("Messages", "the file"),
                            translate("Messages", "no header row: the first row must name the columns"),
                        )
                    ]
                ),
            )
        mapping = _mapping(header, options.columns)
        if isinstance(mapping, str):
            return Stream(0, iter([RecordProblem(line_place(1), mapping)]))
        # (every row but the header ends with a line break, or the text does)
        return Stream(text.count("\n"), self._entries(text, header, mapping))

    def _entries(self, text: str, header: list[str], mapping: dict[str, str]) -> Iterator[StoryRecord | RecordProblem]:
        header_seen = False
        try:
            for line, cells, how, given in self.read(text):
                if not any(cell.strip() for cell in cells):
                    continue
                if not header_seen:
                    header_seen = True
                    continue
                record = _record(line_place(line), header, mapping, cells)
                if isinstance(record, str):
                    yield RecordProblem(line_place(line), f"{record} ({how})" if how else record)
                elif how:
                    extra = {**record.extra, "row_as_given": given} if given else record.extra
                    yield dataclasses.replace(record, extra=extra, warnings=(how,))
                else:
                    yield record
        except csv.Error as error:
            reason = translate("Messages", "not readable as {name}: {error} (nothing after it was read)").format(
                name=self.NAME.upper(), error=error
            )
            yield RecordProblem(translate("Messages", "the file"), reason)


def _lines(text: str, offset: int = 0) -> Iterator[str]:
    """The lines of ``text`` from ``offset`` on with their line breaks
    (``\n`` only: str.splitlines would also split at U+2028...), one at a
    time: a copy of a large text would cost as much as reading it."""
    size = len(text)
    while offset < size:
        end = text.find("\n", offset) + 1 or size
        yield text[offset:end]
        offset = end


def _skip_lines(text: str, offset: int, count: int) -> int:
    """Where the line ``count`` lines after the one at ``offset`` starts."""
    for _ in range(count):
        offset = text.find("\n", offset) + 1 or len(text)
    return offset


def _mapping(header: list[str], chosen: Mapping[str, str]) -> dict[str, str] | str:
    """Column -> field (or ``ignore``), or why the columns cannot be used."""
    unknown = [column for column in chosen if column not in header]
    if unknown:
        return translate("Messages", "no column named {names}; the columns are: {columns}").format(
            names=", ".join(repr(c) for c in unknown), columns=", ".join(header)
        )
    wrong = [field for field in chosen.values() if field not in (*FIELDS, EXTRA, IGNORE)]
    if wrong:
        allowed = ", ".join((*FIELDS, EXTRA, IGNORE))
        return translate("Messages", "{names} is not a story field; fields are: {allowed}").format(
            names=", ".join(repr(f) for f in wrong), allowed=allowed
        )
    mapping = {**automatic_mapping(header), **chosen}
    if "title" not in mapping.values():
        return translate("Messages", "no column holds the title; map one to title (columns: {columns})").format(
            columns=", ".join(header)
        )
    return mapping


def _record(position: str, header: list[str], mapping: dict[str, str], cells: list[str]) -> StoryRecord | str:
    if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
        return translate("Messages", "{cells} cells but the header names {columns} columns").format(
            cells=len(cells), columns=len(header)
        )
    single: dict[str, str] = {}
    multiple: dict[str, tuple[str, ...]] = {name: () for name in MULTIPLE}
    extra: dict[str, object] = {}
    translations: list[Translation] = []
    for column, cell in zip(header, cells, strict=False):
        value, field = unwrap(cell), mapping.get(column)
        if not value or field == IGNORE:
            continue
        if field in MULTIPLE:
            values = split_list(value)
            if field == "people":
                values = tuple(person_name(v) for v in values)
            multiple[field] = distinct((*multiple[field], *values))
        elif field and field != EXTRA and field not in single:
            single[field] = value
        elif field in (None, EXTRA) and (translated := _TRANSLATION_HEADING.match(column.strip())):
            translations.append(Translation(translated.group(1).lower(), translated.group(2), value))
        elif column:
            extra[column] = value
    if not single.get("title"):
        return translate("Messages", "the row has no title")
    if "published" in single and not (date := read_date(single["published"])):
        extra["date_as_given"] = single.pop("published")
    elif "published" in single:
        single["published"] = date
    # (the keys are SINGLE's names, str fields, and MULTIPLE's, tuple fields: names mypy cannot follow)
    fields: dict[str, Any] = {**single, **multiple}
    return StoryRecord(position=position, **fields, extra=extra, translations=tuple(translations))


CSV = Table("csv", (".csv",), ",", "CSV table")
TSV = Table("tsv", (".tsv", ".tab"), "\t", "TSV table (tab-separated)")
