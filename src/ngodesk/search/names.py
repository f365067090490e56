"""Finding authority records by any of their names, and naming them in
the reader's language.

A record has a stored name and alternative names, each in a language
(``zh-Hans``, ``zh-Hant``, ``en``...), one of them perhaps preferred in its
language. ``display_name`` picks the one to show a reader of a language.
``NameIndex`` completes what a user types against every name of every
record: the names themselves (any case, accents, Chinese in either script:
``fold``), the pinyin of Chinese names (``fupin``, ``zhong guo``, the
initials ``zgfp``), the initials of long English names (``CFPA``), and,
for a name that matches none, the closest name by spelling (``Keny`` ->
Kenya, rapidfuzz). Pure Python, no Qt, no database: the caller hands it the
records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from ngodesk.domain.models import AltName
from ngodesk.search.text import fold, guess_language, is_cjk

#: Words left out of a name's initials ("China Foundation for Poverty
#: Alleviation" is CFPA).
_SMALL_WORDS = frozenset({"a", "an", "and", "at", "de", "for", "in", "of", "on", "the", "to", "&"})
_WORDS = re.compile(r"[^\W_]+")
#: Typed text shorter than this is not read as pinyin or initials.
_SHORTEST_READING = 2
#: The least rapidfuzz ratio (0-100) a name needs to be suggested.
_SUGGEST_CUTOFF = 70


@dataclass(frozen=True)
class RecordNames:
    """One record's names: ``name`` is the stored one (by which stories
    link it), ``alt_names`` the others with their languages."""

    id: int
    name: str
    alt_names: tuple[AltName, ...] = ()


def _language(tag: str) -> tuple[str, str]:
    """(language, script) of a BCP 47 tag or locale (``zh_CN`` ->
    ``("zh", "hans")``, ``zh-Hant`` -> ``("zh", "hant")``, ``en`` ->
    ``("en", "")``); Chinese takes its script from its region."""
    parts = [part.casefold() for part in re.split(r"[-_]", tag.strip()) if part]
    if not parts:
        return "", ""
    script = next((part for part in parts[1:] if len(part) == 4 and part.isalpha()), "")
    if parts[0] == "zh" and not script:
        regions = {part for part in parts[1:] if len(part) == 2}
        script = "hant" if regions & {"tw", "hk", "mo"} else "hans" if regions & {"cn", "sg"} else ""
    return parts[0], script


def _fit(name_language: tuple[str, str], wanted: tuple[str, str]) -> int:
    """How well a name's language suits a reader's: 0 another language,
    1 another script of it, 2 the language with a script unsaid, 3 exactly."""
    if not wanted[0] or name_language[0] != wanted[0]:
        return 0
    if name_language[1] == wanted[1]:
        return 3
    return 2 if not name_language[1] or not wanted[1] else 1


def display_name(name: str, alt_names: Sequence[AltName], language: str) -> str:
    """The name of a record a reader of ``language`` (a tag or locale:
    ``zh_CN``, ``zh-Hant``, ``en``) sees: a name in that language (the
    preferred one first, then the closest script, then the first listed),
    else the stored ``name``. The stored name counts as preferred in the
    language it is written in; names without a language in theirs."""
    wanted = _language(language)
    candidates = [(name, guess_language(name), True, -1)]
    candidates += [
        (alt.name, alt.language or guess_language(alt.name), alt.preferred, i) for i, alt in enumerate(alt_names)
    ]
    ranked = [
        (preferred, fit, -position, text)
        for text, tag, preferred, position in candidates
        if (fit := _fit(_language(tag), wanted))
    ]
    return max(ranked)[3] if ranked else name


@cache
def _readings() -> dict[int, str]:
    """Han character -> its most common pinyin reading without tones and a
    space (``走`` -> ``"zou "``)."""
    from pypinyin.pinyin_dict import pinyin_dict

    return {code: fold(readings.split(",")[0]) + " " for code, readings in pinyin_dict.items()}


def _syllables(folded: str) -> list[str]:
    """The pinyin syllables of a folded Chinese name, one per character
    (other words kept whole): ``中国扶贫`` -> zhong guo fu pin."""
    return [word for word in _WORDS.findall(folded.translate(_readings()))]


def _initials(words: Sequence[str]) -> set[str]:
    """Acronyms of a name of several words: every word's first letter,
    and those of the words besides ``_SMALL_WORDS``."""
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in _SMALL_WORDS)}


@dataclass(frozen=True)
class _Key:
    """What one name of a record is matched by."""

    record: int
    name: str
    folded: str
    #: its pinyin, joined, and where each syllable starts (Chinese names)
    pinyin: str
    starts: tuple[int, ...]
    initials: frozenset[str]
    #: the record's displayed name (rather than another of its names)
    shown: bool


def _key(record: int, name: str, shown: bool) -> _Key:
    folded = fold(name)
    words = _WORDS.findall(folded)
    pinyin, starts = "", ()
    if is_cjk(folded):
        syllables = _syllables(folded)
        pinyin = "".join(syllables)
        starts = tuple(sum(len(s) for s in syllables[:i]) for i in range(len(syllables)))
        initials = {"".join(s[0] for s in syllables)} if len(syllables) > 1 else set()
    else:
        initials = _initials(words)
    return _Key(record, name, folded, pinyin, starts, frozenset(initials), shown)


@dataclass(frozen=True)
class Match:
    """A record a typed text finds: ``name`` its stored name (to link it
    by), ``label`` its displayed name, ``matched`` the name the text
    found (may be ``label``), ``exact`` when the text is that whole name."""

    id: int
    name: str
    label: str
    matched: str
    exact: bool = False


class NameIndex:
    """Every name of some records (of one kind), for completion and
    suggestions, with each record's name in ``language``."""

    def __init__(self, records: Iterable[RecordNames], language: str) -> None:
        self._records = {r.id: r for r in records}
        self._labels = {r.id: display_name(r.name, r.alt_names, language) for r in self._records.values()}
        self._keys: list[_Key] = []
        for r in self._records.values():
            label = self._labels[r.id]
            names = dict.fromkeys([label, r.name, *(alt.name for alt in r.alt_names)])
            self._keys += [_key(r.id, name, name == label) for name in names]

    def label(self, record_id: int) -> str:
        """The record's name in the index's language."""
        return self._labels[record_id]

    def labels(self) -> dict[int, str]:
        """Every record's name in the index's language, by id."""
        return dict(self._labels)

    def _tier(self, key: _Key, typed: str, letters: str) -> int | None:
        """How ``typed`` (folded) finds ``key``: 0 the whole name, 1 its
        start, 2 a word's start, 3 inside it, 4 its pinyin from a syllable,
        5 its initials; None not at all."""
        if key.folded == typed:
            return 0
        if key.folded.startswith(typed):
            return 1
        at = key.folded.find(typed)
        if at > 0:
            return 2 if not key.folded[at - 1].isalnum() else 3
        if len(letters) < _SHORTEST_READING or not letters.isascii() or not letters.isalpha():
            return None
        if key.pinyin and any(key.pinyin.startswith(letters, start) for start in key.starts):
            return 4
        if any(initials.startswith(letters) for initials in key.initials):
            return 5
        return None

    def complete(self, typed: str, limit: int = 12) -> list[Match]:
        """Records with a name ``typed`` finds, the best first: whole names,
        then starts of names, words, inside names, pinyin, initials; within
        each, displayed names before other names, shorter before longer."""
        wanted = fold(typed)
        if not wanted:
            return []
        letters = "".join(_WORDS.findall(wanted))
        best: dict[int, tuple[tuple[int, int, int, str], _Key]] = {}
        for key in self._keys:
            tier = self._tier(key, wanted, letters)
            if tier is None:
                continue
            rank = (tier, int(not key.shown), len(key.folded), fold(self._labels[key.record]))
            if key.record not in best or rank < best[key.record][0]:
                best[key.record] = (rank, key)
        ranked = sorted(best.values(), key=lambda item: item[0])[:limit]
        return [self._match(key, exact=rank[0] == 0) for rank, key in ranked]

    def _match(self, key: _Key, exact: bool = False) -> Match:
        record = self._records[key.record]
        return Match(record.id, record.name, self._labels[record.id], key.name, exact)

    def exact(self, typed: str) -> Match | None:
        """The record one of whose names is ``typed`` (folded alike), if any
        (the displayed name's record first)."""
        found = self.complete(typed, limit=1)
        return found[0] if found and found[0].exact else None

    def suggest(self, typed: str) -> Match | None:
        """The record ``typed`` most likely means: the best completion, else
        the name closest in spelling (rapidfuzz's ratio over folded names,
        at least ``_SUGGEST_CUTOFF``); None when no name is close."""
        found = self.complete(typed, limit=1)
        if found:
            return found[0]
        from rapidfuzz import fuzz, process

        wanted = fold(typed)
        closest = process.extractOne(
            wanted, [key.folded for key in self._keys], scorer=fuzz.ratio, score_cutoff=_SUGGEST_CUTOFF
        )
        return self._match(self._keys[closest[2]]) if closest else None
