"""What the readers of reference managers' own exports share (Zotero RDF,
MODS, EndNote XML, NoteExpress): telling an XML document by its root
element, dates written as people write them, web addresses that may be
something else, and a record's stand-in title.

``Draft`` collects what a reader keeps of one record besides the story's
fields: ``extra`` (everything without a field) and ``warnings`` (what was
odd and how it was kept). ``Draft.story`` makes the StoryRecord, or the
problem when the record has nothing to catalogue (neither a title nor a
text): a record without a title but with another title (a short or
translated one) or a text is kept, the stand-in title said in a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, StoryRecord
from ngodesk.formats import ParseResult, partial_date
from ngodesk.formats.safe_xml import root_of

#: What may come before an XML document's root element: the declaration,
#: processing instructions, comments, a DOCTYPE (with its internal subset).
_PROLOG = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)*", re.DOTALL)
_START_TAG = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>")


def root_element(text: str) -> tuple[str, str] | None:
    """(local name, attributes as written) of the root element of an XML
    text, read from its first characters only; None when the text does not
    start like an XML document."""
    head = text[:20000].lstrip("\ufeff")
    prolog = _PROLOG.match(head)
    found = _START_TAG.match(head, prolog.end() if prolog else 0)
    return (found.group(1), found.group(2)) if found else None


def parse_xml(text: str, read: Callable[[Element], Iterable[StoryRecord | RecordProblem]], missing: str) -> ParseResult:
    """The records of an XML export, read safely (``safe_xml.root_of``):
    ``read`` gives each record of the document's root element, or the
    problem with it; ``missing`` is the problem when there is none."""
    result = ParseResult()
    root = root_of(text)
    if isinstance(root, RecordProblem):
        result.problems.append(root)
        return result
    for entry in read(root):
        result.add(entry)
    if not result.records and not result.problems:
        result.problems.append(RecordProblem(translate("Messages", "the file"), missing))
    return result


#: Full dates (the whole value): ISO with - / . or 年月日, a time after it.
_NUMERIC = re.compile(
    r"^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?)?[-/.]*(?:[T\s]\d{1,2}:\d{2}\S*)?$"
)
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$")
_WORDS = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%Y %B %d",
    "%Y %b %d",
    "%B %Y",
    "%b %Y",
    "%Y %B",
    "%Y %b",
    "%B, %Y",
    "%b. %d, %Y",
    "%b. %Y",
)
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
_MONTH_WORD = re.compile(r"[A-Za-z]{3,}")


def read_date(given: str) -> tuple[str, bool]:
    """(``YYYY[-MM[-DD]]``, whether that is all the value says) of a date
    as people write it: ``2019-01-29``, ``2019年3月``, ``12/2012``, ``Mar
    3, 2015``, ``2015 Mar 3``. Of a value that says more or less than a
    date (``c2003``, ``[1998?]``, ``Spring 2019``, ``03/04/2015`` which may
    be March or April) the year (and month) it names, and False; of one
    that names no year, the value itself and True (the import keeps what
    it cannot read as ``date_as_given``)."""
    text = " ".join(given.split())
    if not text:
        return "", True
    if match := _NUMERIC.match(text):
        return partial_date(match.groups()) or text, True
    if (match := _MONTH_YEAR.match(text)) and 1 <= int(match.group(1)) <= 12:
        return f"{match.group(2)}-{int(match.group(1)):02d}", True
    if match := _DAY_MONTH_YEAR.match(text):
        first, second, year = (int(part) for part in match.groups())
        if first == second or second > 12 or first > 12:
            month, day = (second, first) if first > 12 else (first, second)
            if 1 <= month <= 12 and 1 <= day <= 31:
                return partial_date((year, month, day)) or text, True
        return str(year), False
    for pattern in _WORDS:
        try:
            parsed = datetime.strptime(text, pattern)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m-%d" if "%d" in pattern else "%Y-%m"), True
    years = set(_YEAR.findall(text))
    if len(years) != 1:
        return text, True
    year = years.pop()
    months = {_MONTHS[w[:3].lower()] for w in _MONTH_WORD.findall(text) if w[:3].lower() in _MONTHS}
    return (f"{year}-{months.pop():02d}" if len(months) == 1 else year), False


_WEB = re.compile(r"^(?:https?|ftp)://[^\s/?#]+\S*$", re.IGNORECASE)


def web_address(value: str) -> str:
    """``value`` if it is an absolute web address a story can hold
    (``//host/...`` made https), else ""."""
    value = value.strip()
    if value.startswith("//"):
        value = "https:" + value
    if not _WEB.match(value):
        return ""
    try:
        urlsplit(value).port  # noqa: B018 - raises for a port that is no number
    except ValueError:
        return ""
    return value


def block_text(text: str) -> str:
    """A text that may run over lines (an abstract, a note) as kept: each
    line trimmed of the indentation pretty-printed XML gives it, empty
    lines dropped, line breaks kept (EndNote writes them as ``\\r``)."""
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def line_text(text: str) -> str:
    """A one-line value (a title, a name): all whitespace made one space."""
    return " ".join(text.split())


#: Characters of a text a stand-in title is made of at most.
STAND_IN_LENGTH = 100


@dataclass
class Draft:
    """One record being read: where it is, and what is kept of it besides
    the story's fields (``extra``) and said about it (``warnings``)."""

    position: str
    extra: dict[str, object] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def keep(self, key: str, value: object) -> None:
        """``value`` in extra under ``key``, unless it is empty; a key kept
        already gets a list of its values."""
        if value in ("", None, [], {}, ()):
            return
        if key in self.extra:
            before = self.extra[key]
            self.extra[key] = [*(before if isinstance(before, list) else [before]), value]
        else:
            self.extra[key] = value

    def add(self, key: str, value: object) -> None:
        """``value`` appended to the list kept in extra under ``key``
        (notes, attachments), unless it is empty."""
        if value not in ("", None, [], {}, ()):
            cast(list[object], self.extra.setdefault(key, [])).append(value)  # (what add keeps is a list)

    def date(self, given: str) -> str:
        """The story's date of ``given`` (see ``read_date``); a value that
        says more than the date read from it is kept as ``date_as_given``,
        with a warning."""
        date, whole = read_date(given)
        if not whole:
            self.extra["date_as_given"] = given.strip()
            self.warnings.append(
                translate("Messages", "date '{value}' read as {date}; kept as given in extra as date_as_given").format(
                    value=given.strip(), date=date
                )
            )
        return date

    def url(self, values: Iterable[str]) -> str:
        """The first web address among ``values``; the others kept in
        extra as ``other_urls``, and a value that is no web address as
        ``url_as_given``, with a warning."""
        found: list[str] = []
        for value in values:
            if not value.strip():
                continue
            if address := web_address(value):
                found.append(address)
            else:
                self.keep("url_as_given", value.strip())
                self.warnings.append(
                    translate("Messages", "url '{value}' is not a web address; kept in extra as url_as_given").format(
                        value=value.strip()
                    )
                )
        found = list(dict.fromkeys(found))
        if found[1:]:
            self.extra["other_urls"] = found[1:]
        return found[0] if found else ""

    def story(
        self, title: str, stand_ins: Iterable[tuple[str, str]] = (), **fields: Any
    ) -> StoryRecord | RecordProblem:
        """The StoryRecord of this draft: ``title``, or else the first of
        ``stand_ins`` (what it is, its value) that is not empty, or else
        the start of the summary or body, said in a warning; a problem
        when there is neither a title nor a text."""
        title = line_text(title)
        if not title:
            for what, value in stand_ins:
                if value := line_text(value):
                    title = value
                    self.warnings.append(translate("Messages", "no title; its {what} made the title").format(what=what))
                    break
        if not title:
            text = str(fields.get("summary") or fields.get("body") or "").strip()
            if not text:
                return RecordProblem(self.position, translate("Messages", "the record has neither a title nor a text"))
            first = line_text(text.split("\n", 1)[0])
            title = first if len(first) <= STAND_IN_LENGTH else first[: STAND_IN_LENGTH - 1].rstrip() + "…"
            self.warnings.append(translate("Messages", "no title; the start of its text made the title"))
        return StoryRecord(
            title=title,
            position=self.position,
            extra=self.extra,
            warnings=tuple(self.warnings),
            **fields,
        )
