"""Highlighted snippets built from a story's original text.

The index only holds transformed text, so hits are found again here with the
same folding (simplified script, width, case, accents) and a light English
stemming, and marked in the original characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from ngodesk.search.text import CJK_RUN, WORD, traditional_table

OPEN, CLOSE = "[", "]"
_SUFFIXES = ("ing", "ed", "es", "s")


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text and, per folded character, its index in ``text``."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    table = traditional_table()
    out: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        folded = unicodedata.normalize("NFKD", char.translate(table)).casefold()
        for piece in folded:
            if not unicodedata.combining(piece):
                out.append(piece)
                positions.append(index)
    return "".join(out), positions


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _patterns(terms: Sequence[str]) -> list[re.Pattern[str]]:
    patterns = []
    for term in terms:
        folded, _ = _fold_with_map(term)
        for run in CJK_RUN.findall(folded):
            patterns.append(re.compile(re.escape(run)))
        for word in WORD.findall(CJK_RUN.sub(" ", folded)):
            patterns.append(re.compile(r"(?<![^\W_])" + re.escape(_stem(word)) + r"[^\W_]*"))
    return patterns


def _spans(folded: str, positions: list[int], patterns: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    spans = []
    for pattern in patterns:
        for match in pattern.finditer(folded):
            if match.end() > match.start():
                spans.append((positions[match.start()], positions[match.end() - 1] + 1))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(texts: Sequence[str], terms: Sequence[str], width: int = 160) -> str:
    """About ``width`` characters of the first text that contains a term,
    with every hit wrapped in ``[`` ``]``; the start of the first non-empty
    text when none does. Whitespace is collapsed."""
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    if not texts:
        return ""
    patterns = _patterns(terms)
    for text in texts:
        spans = _spans(*_fold_with_map(text), patterns) if patterns else []
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
