"""Glossaries as tables: CSV or tab-separated text (OmegaT's and most CAT
tools' glossary files).

With a header row naming the columns (English or Chinese names, see
``_COLUMNS``) every field can be given; without one the columns are
OmegaT's: term, rendering, comment. Lists (alternatives, forbidden
renderings, subjects) are written with ``;`` between values. Columns
without a field are kept in ``extra`` under their heading. Languages not
given in the table are guessed from the text (Chinese or English).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, TermRecord, TermStatus
from ngodesk.formats import split_list
from ngodesk.formats.csv_table import unwrap
from ngodesk.formats.places import line_place
from ngodesk.formats.tbx import TermsRead
from ngodesk.formats.writers.csv_table import SEPARATOR, neutralise
from ngodesk.search.text import guess_language

#: Field -> the headings that name it (compared case-insensitively).
_COLUMNS = {
    "term": ("term", "source", "source term", "chinese", "simplified", "中文", "简体", "術語", "术语", "原文"),
    "rendering": ("rendering", "target", "translation", "english", "preferred rendering", "英文", "译文", "译名"),
    "traditional": ("traditional", "繁体", "繁體"),
    "pinyin": ("pinyin", "拼音"),
    "alternatives": ("alternatives", "alternative renderings", "其他译名"),
    "forbidden": ("forbidden", "forbidden renderings", "禁用译名"),
    "definition": ("definition", "定义"),
    "note": ("note", "notes", "comment", "comments", "备注", "注释"),
    "subjects": ("subjects", "subject", "domain", "领域"),
    "status": ("status", "状态"),
    "source_language": ("source language",),
    "target_language": ("target language",),
}
_BY_HEADING = {heading: name for name, headings in _COLUMNS.items() for heading in headings}
#: Columns of an export, in order, with their headings.
EXPORT_COLUMNS = tuple(_COLUMNS)


def _heading(cell: str) -> str:
    return " ".join(cell.replace("_", " ").split()).casefold()


def _fields(header: list[str]) -> list[str] | None:
    """The field of each column when ``header`` is a header row (it names
    the term column), else None."""
    fields = [_BY_HEADING.get(_heading(cell), "") for cell in header]
    return fields if "term" in fields else None


def delimiter_of(text: str) -> str:
    """The table's delimiter: a tab when the first line has one or no comma."""
    first = text.split("\n", 1)[0]
    return "\t" if "\t" in first or "," not in first else ","


def parse(text: str, delimiter: str = "") -> TermsRead:
    """Every row of a glossary table as a term (see the module's text);
    the delimiter is found with ``delimiter_of`` unless given."""
    read = TermsRead()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or delimiter_of(text))
    fields: list[str] | None = None
    headings: list[str] = []
    line, first_row = 1, True
    try:
        for row in reader:
            position, line = line_place(line), reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if first_row:
                first_row, fields = False, _fields(row)
                if fields is not None:
                    headings = [cell.strip() for cell in row]
                    continue
            found = _term(row, fields or ["term", "rendering", "note"], headings, position)
            if isinstance(found, RecordProblem):
                read.problems.append(found)
            else:
                read.terms.append(found)
    except csv.Error as error:
        read.problems.append(
            RecordProblem(
                line_place(line), translate("Messages", "not readable as a table: {error}").format(error=error)
            )
        )
    return read


def _term(row: list[str], fields: list[str], headings: list[str], position: str) -> TermRecord | RecordProblem:
    """The term of a row; ``headings`` name the columns (none: headerless)."""
    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    for place, cell in enumerate(row):
        field = fields[place] if place < len(fields) else ""
        value = unwrap(cell).strip()
        if field:
            values[field] = value
        elif value:
            extra[headings[place] if place < len(headings) else f"column {place + 1}"] = value
    term = " ".join(values.get("term", "").split())
    if not term:
        return RecordProblem(position, translate("Messages", "the row has no term"))
    try:
        status = TermStatus(values.get("status", "").lower() or "draft")
    except ValueError:
        allowed = ", ".join(s.value for s in TermStatus)
        return RecordProblem(
            position,
            translate("Messages", "status: '{status}' is not one of {allowed}").format(
                status=values["status"], allowed=allowed
            ),
        )
    rendering = values.get("rendering", "")
    source = values.get("source_language") or guess_language(term) or "en"
    target = values.get("target_language") or guess_language(rendering) or ("en" if source.startswith("zh") else "zh")
    return TermRecord(
        term,
        rendering,
        position,
        source,
        target,
        traditional=values.get("traditional", ""),
        pinyin=values.get("pinyin", ""),
        definition=values.get("definition", ""),
        note=values.get("note", ""),
        status=status,
        extra=extra,
        alternatives=split_list(values.get("alternatives", "")),
        forbidden=split_list(values.get("forbidden", "")),
        subjects=split_list(values.get("subjects", "")),
    )


def write(terms: Iterable[TermRecord]) -> str:
    """CSV of ``terms`` for spreadsheets: UTF-8 with a byte-order mark, a
    header of field names, formula-like cells neutralised (as story CSV)."""
    out = io.StringIO(newline="")
    rows = csv.writer(out)
    rows.writerow([name.replace("_", " ") for name in EXPORT_COLUMNS])
    for term in terms:
        values = {name: getattr(term, name) for name in EXPORT_COLUMNS}
        cells = [SEPARATOR.join(v) if isinstance(v, tuple) else str(v) for v in values.values()]
        rows.writerow([neutralise(cell) for cell in cells])
    return "\ufeff" + out.getvalue()
