"""CDB listing pages saved as text: a ``Keyword:`` header, then per story a
title, a summary that may end in "…read more", separated by blank lines.

Featured stories repeat their title line, sometimes with other punctuation
(’ for ') or cut short; the two lines become one story with the fuller title.
A ``Keyword:`` paragraph applies to the stories after it (several are
separated by ``;``). Editor's notes stay in the summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ngodesk.domain.i18n import translate
from ngodesk.domain.models import RecordProblem, StoryRecord
from ngodesk.formats import NO_OPTIONS, SNIFF_HEAD, ImportOptions, ParseResult
from ngodesk.formats.places import line_place
from ngodesk.search.text import CJK_RUN, fold, guess_language

NAME = "cdb-listing"
TITLE = "CDB listing (plain text)"
#: Plain .txt is too common to mean this format: auto-detection needs the
#: ``Keyword:`` header (``sniff``), or the user names the format.
EXTENSIONS: tuple[str, ...] = ()

_KEYWORD = re.compile(r"^\s*keywords?\s*[:：]\s*(.*)$", re.IGNORECASE | re.DOTALL)
#: "… read more »" at the end of a summary, with the space before it. (A
#: match starts only where a run of spaces does and never gives spaces
#: back: the pattern without that took cubic time on a long run of them.)
_READ_MORE = re.compile(r"(?<!\s)\s*+(?:(?:…|\.\.\.)\s*+)?read\s++more\s*+[»>›]*+\s*+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.。!！…]['’\"”」)]*$")
_PUNCTUATION = re.compile(r"[\W_]+")
_TITLE_MAX = 120


@dataclass
class _Paragraph:
    text: str
    line: int


def sniff(text: str) -> bool:
    """True when the first non-blank line is a ``Keyword:`` header."""
    for line in text[:SNIFF_HEAD].splitlines():
        if line.strip():
            return _KEYWORD.match(line) is not None
    return False


def _paragraphs(text: str) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    lines: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines() + [""], start=1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.strip())
        elif lines:
            paragraphs.append(_Paragraph(" ".join(lines), start))
            lines = []
    return paragraphs


def _is_body(text: str) -> bool:
    if _READ_MORE.search(text) or len(text) > _TITLE_MAX:
        return True
    words = len(text.split()) + sum(len(run) for run in CJK_RUN.findall(text)) // 2
    return bool(_SENTENCE_END.search(text)) and words >= 6


def _key(text: str) -> str:
    return _PUNCTUATION.sub("", fold(text))


def _repeats(first: str, second: str) -> bool:
    """True when ``second`` is ``first`` again (other punctuation, or one
    cut short)."""
    a, b = _key(first), _key(second)
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and longer.startswith(shorter) and len(shorter) >= min(12, len(longer))


@dataclass
class _Draft:
    title: str
    line: int
    tags: tuple[str, ...]
    summary: list[str]
    truncated: bool = False

    def record(self) -> StoryRecord:
        summary = "\n\n".join(self.summary)
        extra: dict[str, object] = {"summary_truncated": True} if self.truncated else {}
        return StoryRecord(
            title=self.title,
            position=line_place(self.line),
            summary=summary,
            language=guess_language(self.title + " " + summary),
            tags=self.tags,
            extra=extra,
        )


def parse(text: str, options: ImportOptions = NO_OPTIONS) -> ParseResult:
    """Stories of a listing page, in file order."""
    result = ParseResult()
    tags: tuple[str, ...] = ()
    current: _Draft | None = None
    for paragraph in _paragraphs(text):
        keyword = _KEYWORD.match(paragraph.text)
        if keyword:
            if current is not None:
                result.records.append(current.record())
                current = None
            tags = tuple(t.strip() for t in re.split(r"[;；]", keyword.group(1)) if t.strip())
            continue
        if current is not None and not current.summary and _repeats(current.title, paragraph.text):
            if len(_key(paragraph.text)) >= len(_key(current.title)):
                current.title = paragraph.text
            continue
        if _is_body(paragraph.text):
            if current is None:
                result.problems.append(
                    RecordProblem(
                        line_place(paragraph.line),
                        translate("Messages", "text without a story title before it; skipped"),
                    )
                )
                continue
            body = _READ_MORE.sub("", paragraph.text)
            if body != paragraph.text:
                current.truncated = True
                body = body.rstrip() + "…"
            current.summary.append(body)
            continue
        if current is not None:
            result.records.append(current.record())
        current = _Draft(paragraph.text, paragraph.line, tags, [])
    if current is not None:
        result.records.append(current.record())
    if not result.records and not result.problems:
        result.problems.append(
            RecordProblem(
                line_place(1), translate("Messages", "no stories found: the file is empty or has only a header")
            )
        )
    return result
