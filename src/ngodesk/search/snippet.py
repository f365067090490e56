"""Highlighted snippets built from a story's original text.

The index only holds transformed text, so hits are found again here with the
same folding (simplified script, width, case, accents) and a light English
stemming, and marked in the original characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from ngodesk.search.text import CJK_RUN, WORD, traditional_table

OPEN, CLOSE = "[", "]"
_SUFFIXES = ("ing", "ed", "es", "s")


class _CharFold(dict[int, str]):
    """``str.translate`` table folding each character to exactly one
    (simplified script, compatibility form, case, accents), so folded and
    original text share positions. Filled on first sight of a character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        decomposed = unicodedata.normalize("NFKD", char.translate(traditional_table())).casefold()
        kept = [piece for piece in decomposed if not unicodedata.combining(piece)]
        self[code] = folded = kept[0] if kept else char
        return folded


_FOLD = _CharFold()


def fold_in_place(text: str) -> str:
    """``text`` folded for matching, one character for one."""
    return text.translate(_FOLD)


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=64)
def _patterns(terms: tuple[str, ...]) -> list[re.Pattern[str]]:
    patterns = []
    for term in terms:
        folded = fold_in_place(term)
        for run in CJK_RUN.findall(folded):
            patterns.append(re.compile(re.escape(run)))
        for word in WORD.findall(CJK_RUN.sub(" ", folded)):
            patterns.append(re.compile(r"(?<![^\W_])" + re.escape(_stem(word)) + r"[^\W_]*"))
    return patterns


def _spans(text: str, patterns: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    folded = fold_in_place(text)
    spans = [(m.start(), m.end()) for pattern in patterns for m in pattern.finditer(folded) if m.end() > m.start()]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def hit_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Where ``terms`` occur in ``text`` (matched as the snippets match
    them): (start, end) indexes of ``text``, in order, not overlapping."""
    patterns = _patterns(tuple(terms))
    return _spans(text, patterns) if patterns and text else []


def make_snippet(texts: Sequence[str], terms: Sequence[str], width: int = 160) -> str:
    """About ``width`` characters of the first text that contains a term,
    with every hit wrapped in ``[`` ``]``; the start of the first non-empty
    text when none does. Whitespace is collapsed."""
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    if not texts:
        return ""
    patterns = _patterns(tuple(terms))
    for text in texts:
        spans = _spans(text, patterns) if patterns else []
        if spans:
            start = max(0, min(spans[0][0] - width // 3, len(text) - width))
            return _render(text, spans, start, width)
    return _render(texts[0], [], 0, width)


def _render(text: str, spans: list[tuple[int, int]], start: int, width: int) -> str:
    end = min(len(text), start + width)
    pieces = ["…" if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces += [text[cursor:span_start], OPEN, text[span_start:span_end], CLOSE]
        cursor = span_end
    pieces.append(text[cursor:end])
    if end < len(text):
        pieces.append("…")
    return "".join(pieces)
