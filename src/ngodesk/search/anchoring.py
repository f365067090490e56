"""Anchoring annotations to passages of text that may change later.

A passage is remembered as the W3C Web Annotation model does: the quoted
text with a little of what precedes and follows it (TextQuoteSelector), and
its character offsets (TextPositionSelector). After the text changes,
``locate`` finds the passage again: where it was if it is still there, else
the occurrence of the quote whose surroundings match best (and, between
equals, the nearest to where it was), provided at least half of what
preceded or of what followed it still agrees. When the quoted words themselves are
gone, or only stand among other words, the passage is lost: the annotation
is then orphaned, never moved to other words.
"""

from __future__ import annotations

from dataclasses import dataclass

from ngodesk.domain.i18n import translate

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
        raise ValueError(
            translate("Messages", "no passage at {start}..{end} of a text of {n} characters").format(
                start=start, end=end, n=len(text)
            )
        )
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
    best: tuple[int, int, float] | None = None  # (start, context characters that agree, agreement)
    found = text.find(passage.exact)
    while found >= 0 and passage.exact:
        before = text[max(0, found - CONTEXT) : found]
        after = text[found + len(passage.exact) : found + len(passage.exact) + CONTEXT]
        same_before, same_after = _common_suffix(before, passage.prefix), _common_prefix(after, passage.suffix)
        agreement = max(_share(passage.prefix, before, same_before), _share(passage.suffix, after, same_after))
        context = same_before + same_after
        if best is None or (context, -abs(found - passage.start)) > (best[1], -abs(best[0] - passage.start)):
            best = (found, context, agreement)
        found = text.find(passage.exact, found + 1)
    # (one side of the remembered context must still half agree: the same
    # words elsewhere, among other words, are another passage)
    if best is None or best[2] < 0.5:
        return None
    return anchor(text, best[0], best[0] + len(passage.exact))


def _share(remembered: str, now: str, agreeing: int) -> float:
    """How much of one side of the remembered context still agrees (a side
    that was empty agrees when it still is: the start or end of the text)."""
    if not remembered:
        return 1.0 if not now else 0.0
    return agreeing / len(remembered)


def nearest(text: str, quote: str, start: int) -> int | None:
    """Where ``quote`` stands in ``text`` nearest to ``start``, if anywhere."""
    places = []
    found = text.find(quote)
    while found >= 0 and quote:
        places.append(found)
        found = text.find(quote, found + 1)
    return min(places, key=lambda place: abs(place - start), default=None)
