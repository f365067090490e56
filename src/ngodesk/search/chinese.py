"""Readings and script forms of Chinese text, for glossary terms.

pypinyin reads characters in context (its phrase dictionary knows 银行
yín háng from 行走 xíng zǒu); OpenCC's ``s2t`` converts by phrase too.
Both are called per term, never over whole libraries (pypinyin reads
~230k characters/s: see TOOLCHAIN.md).
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ngodesk.search.text import fold, is_cjk

if TYPE_CHECKING:  # (imported where used: its dictionaries take time to load)
    from opencc import OpenCC

_PUNCTUATION = re.compile(r"[^\w\s]")


def pinyin(text: str) -> str:
    """Hanyu pinyin with tone marks, a syllable per character, separated by
    spaces (``走出去`` -> ``zǒu chū qù``); text that is not Chinese is kept
    as it is (``NGO项目`` -> ``NGO xiàng mù``); ``""`` without Chinese."""
    if not is_cjk(text):
        return ""
    from pypinyin import Style, lazy_pinyin  # (here: its phrase tables take 0.2 s to load)

    return " ".join(word for part in lazy_pinyin(text, style=Style.TONE) for word in part.split())


@cache
def _to_traditional() -> OpenCC:
    from opencc import OpenCC

    return OpenCC("s2t")


def traditional(text: str) -> str:
    """The traditional-character form of simplified Chinese text (unchanged
    when it has none to change)."""
    return str(_to_traditional().convert(text)) if is_cjk(text) else text


@cache
def character_readings() -> dict[int, str]:
    """pypinyin's character dictionary: code point -> its readings with
    tone marks, the most common first, joined by commas (``走`` -> ``zǒu``).

    Read from pypinyin's data file without importing pypinyin, whose
    package loads its phrase dictionary too (0.5 s and ~50 MB that only
    ``pinyin`` needs)."""
    spec = importlib.util.find_spec("pypinyin")
    for folder in (spec and spec.submodule_search_locations) or ():
        data = Path(folder) / "pinyin_dict.json"
        if data.is_file():
            return {int(code): readings for code, readings in json.loads(data.read_bytes()).items()}
    from pypinyin.pinyin_dict import pinyin_dict  # (a pypinyin that keeps it elsewhere)

    return dict(pinyin_dict)


@cache
def reading_table() -> dict[int, str]:
    """Han character -> its most common reading without tones, then a space
    (``走`` -> ``"zou "``), from pypinyin's character dictionary."""

    def toneless(reading: str) -> str:  # (fold without its traditional-character table: not needed here)
        return "".join(ch for ch in unicodedata.normalize("NFD", reading) if not unicodedata.combining(ch))

    return {code: toneless(readings.split(",")[0]) + " " for code, readings in character_readings().items()}


def sort_key(title: str) -> str:
    """A key that sorts titles alphabetically with Chinese by pinyin, as
    Chinese catalogues do: each Han character becomes its reading
    (``走出去的 NGO`` -> ``zou chu qu de ngo``), traditional and simplified
    alike; case and accents folded, punctuation ignored. Characters read several ways take
    their most common reading (行 is xing, also in 银行)."""
    folded = fold(title)
    if not folded.isascii():
        folded = folded.translate(reading_table())
    return " ".join(_PUNCTUATION.sub(" ", folded).split())
