"""Anchoring annotations to passages of text that may change later.

A passage is remembered as the W3C Web Annotation model does: the quoted
text with a little of what precedes and follows it (TextQuoteSelector), and
its character offsets (TextPositionSelector). After the text changes,
``locate`` finds the passage again: where it was if it is still there, else
the occurrence of the quote whose surroundings match best (and, between
equals, the nearest to where it was). When the quoted words themselves are
gone the passage is lost: the annotation is then orphaned, never moved to
other words.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Characters of context kept on each side of a quote.
CONTEXT = 32


@dataclass(frozen=True)
class Anchor:
    """A passage: ``exact`` at ``start``..``end`` (Python string offsets),
    between ``prefix`` and ``suffix``."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


def anchor(text: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]``; raises ValueError for an empty or
    out-of-range passage."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"no passage at {start}..{end} of a text of {len(text)} characters")
    return Anchor(text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT], start, end)


def _common_suffix(a: str, b: str) -> int:
    count = 0
    while count < min(len(a), len(b)) and a[-1 - count] == b[-1 - count]:
        count += 1
    return count


def _common_prefix(a: str, b: str) -> int:
    count = 0
    while count < min(len(a), len(b)) and a[count] == b[count]:
        count += 1
    return count


def locate(text: str, passage: Anchor) -> Anchor | None:
    """The passage in ``text`` as it is now (same quote, new offsets and
    context), or None when the quote is no longer there."""
    if text[passage.start : passage.end] == passage.exact and (
        text[max(0, passage.start - CONTEXT) : passage.start] == passage.prefix
        or text[passage.end : passage.end + CONTEXT] == passage.suffix
    ):
        return anchor(text, passage.start, passage.end)
    best: tuple[int, int] | None = None
    found = text.find(passage.exact)
    while found >= 0 and passage.exact:
        context = _common_suffix(text[max(0, found - CONTEXT) : found], passage.prefix) + _common_prefix(
            text[found + len(passage.exact) : found + len(passage.exact) + CONTEXT], passage.suffix
        )
        score = (context, -abs(found - passage.start))
        if best is None or score > (best[1], -abs(best[0] - passage.start)):
            best = (found, context)
        found = text.find(passage.exact, found + 1)
    if best is None:
        return None
    return anchor(text, best[0], best[0] + len(passage.exact))
