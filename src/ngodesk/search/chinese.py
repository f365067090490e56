"""Readings and script forms of Chinese text, for glossary terms.

pypinyin reads characters in context (its phrase dictionary knows 银行
yín háng from 行走 xíng zǒu); OpenCC's ``s2t`` converts by phrase too.
Both are called per term, never over whole libraries (pypinyin reads
~230k characters/s: see TOOLCHAIN.md).
"""

from __future__ import annotations

from functools import cache

from pypinyin import Style, lazy_pinyin

from ngodesk.search.text import is_cjk


def pinyin(text: str) -> str:
    """Hanyu pinyin with tone marks, a syllable per character, separated by
    spaces (``走出去`` -> ``zǒu chū qù``); text that is not Chinese is kept
    as it is (``NGO项目`` -> ``NGO xiàng mù``); ``""`` without Chinese."""
    if not is_cjk(text):
        return ""
    return " ".join(word for part in lazy_pinyin(text, style=Style.TONE) for word in part.split())


@cache
def _to_traditional():  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    return OpenCC("s2t")


def traditional(text: str) -> str:
    """The traditional-character form of simplified Chinese text (unchanged
    when it has none to change)."""
    return str(_to_traditional().convert(text)) if is_cjk(text) else text
