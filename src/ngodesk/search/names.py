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

import heapq
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from ngodesk.domain.models import AltName
from ngodesk.search.chinese import reading_table
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


@cache
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


def _guess(name: str) -> str:
    """The language a name is written in, as ``guess_language`` (at once
    for plain ASCII)."""
    return "en" if name.isascii() and any(ch.isalpha() for ch in name) else guess_language(name)


def display_name(name: str, alt_names: Sequence[AltName], language: str) -> str:
    """The name of a record a reader of ``language`` (a tag or locale:
    ``zh_CN``, ``zh-Hant``, ``en``) sees: a name in that language (the
    preferred one first, then the closest script, then the first listed),
    else the stored ``name``. The stored name counts as preferred in the
    language it is written in; names without a language in theirs."""
    if not alt_names:
        return name
    wanted = _language(language)
    candidates = [(name, _guess(name), True, -1)]
    candidates += [(alt.name, alt.language or _guess(alt.name), alt.preferred, i) for i, alt in enumerate(alt_names)]
    ranked = [
        (preferred, fit, -position, text)
        for text, tag, preferred, position in candidates
        if (fit := _fit(_language(tag), wanted))
    ]
    return max(ranked)[3] if ranked else name


def _syllables(folded: str) -> list[str]:
    """The pinyin syllables of a folded Chinese name, one per character
    (other words kept whole): ``中国扶贫`` -> zhong guo fu pin."""
    return _WORDS.findall(folded.translate(reading_table()))


def _initials(words: Sequence[str]) -> set[str]:
    """Acronyms of a name of several words: every word's first letter,
    and those of the words besides ``_SMALL_WORDS``."""
    if len(words) < 2:
        return set()
    firsts = [w[0] for w in words]
    return {"".join(firsts), "".join([f for f, w in zip(firsts, words, strict=True) if w not in _SMALL_WORDS])}


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
    suggestions, with each record's name in ``language``. Each name is
    kept folded, as pinyin (Chinese names: the syllables joined, and where
    each starts) and as initials, in lists side by side that a typed text
    is looked for in with one pass each (~60,000 names: some milliseconds)."""

    def __init__(self, records: Iterable[RecordNames], language: str) -> None:
        self._language = language
        self._records: dict[int, RecordNames] = {}
        self._labels: dict[int, str] = {}
        self._order: dict[int, str] = {}
        #: per record: where its names are in the lists below
        self._positions: dict[int, list[int]] = {}
        #: per name: its rank within a tier (the name shown first, shorter before longer, then by label)
        self._rank: list[tuple[int, int, str]] = []
        #: per name: its record, itself, whether it is the name shown
        self._owners: list[int] = []
        self._names: list[str] = []
        self._shown: list[bool] = []
        self._folded: list[str] = []
        self._pinyin: list[str] = []
        self._starts: list[frozenset[int]] = []
        #: per name: its initials, "|"-joined with "|" around ("|cfpa|cffpa|")
        self._initials: list[str] = []
        #: the names that have a pinyin or initials
        self._readable: list[int] = []
        self.update(records)

    def update(self, records: Iterable[RecordNames], removed: Iterable[int] = ()) -> None:
        """Forget the records ``removed`` and take ``records`` as they are
        now (new ones or changed ones: their names replace those known)."""
        records = list(records)
        for record_id in {*removed, *(r.id for r in records)}:
            for i in self._positions.pop(record_id, ()):
                self._folded[i] = self._pinyin[i] = self._initials[i] = ""  # (found by nothing)
            self._records.pop(record_id, None)
            self._labels.pop(record_id, None)
            self._order.pop(record_id, None)
        for r in records:
            label = self._labels[r.id] = display_name(r.name, r.alt_names, self._language)
            self._records[r.id], self._order[r.id] = r, fold(label)
            self._positions[r.id] = []
            for name in dict.fromkeys([label, r.name, *(alt.name for alt in r.alt_names)]):
                self._positions[r.id].append(len(self._names))
                self._add(r.id, name, name == label)

    def _add(self, record: int, name: str, shown: bool) -> None:
        folded = fold(name)
        pinyin: str = ""
        starts: frozenset[int] = frozenset()
        initials: set[str] = set()
        if is_cjk(folded):
            syllables = _syllables(folded)
            pinyin = "".join(syllables)
            starts = frozenset(accumulate(map(len, syllables[:-1]), initial=0))
            if len(syllables) > 1:
                initials = {"".join([s[0] for s in syllables])}
        else:
            initials = _initials(_WORDS.findall(folded))
        self._owners.append(record)
        self._names.append(name)
        self._shown.append(shown)
        self._rank.append((int(not shown), len(folded), self._order[record]))
        self._folded.append(folded)
        self._pinyin.append(pinyin)
        self._starts.append(starts)
        self._initials.append("|" + "|".join(sorted(initials)) + "|" if initials else "")
        if pinyin or initials:
            self._readable.append(len(self._names) - 1)

    def label(self, record_id: int) -> str:
        """The record's name in the index's language."""
        return self._labels[record_id]

    def labels(self) -> dict[int, str]:
        """Every record's name in the index's language, by id."""
        return dict(self._labels)

    def _tiers(self, typed: str) -> Iterator[list[int]]:
        """The names ``typed`` (folded) finds, tier by tier, each worked
        out only when asked for: the whole name, its start, a word's start,
        inside it, its pinyin from a syllable on, the start of its initials.
        (A name may come again in a later tier.)"""
        folded = self._folded
        hits = [i for i, name in enumerate(folded) if typed in name]  # (forgotten names are "")
        yield [i for i in hits if folded[i] == typed]
        yield [i for i in hits if folded[i].startswith(typed)]
        word = re.compile(r"(?<![^\W_])" + re.escape(typed))
        yield [i for i in hits if word.search(folded[i])]
        yield hits
        letters = "".join(_WORDS.findall(typed))
        if len(letters) < _SHORTEST_READING or not letters.isascii() or not letters.isalpha():
            return
        pinyin, starts, initials = self._pinyin, self._starts, self._initials
        yield [
            i
            for i in [i for i in self._readable if letters in pinyin[i]]
            if any(pinyin[i].startswith(letters, start) for start in starts[i])
        ]
        wanted = "|" + letters
        yield [i for i in self._readable if wanted in initials[i]]

    def complete(self, typed: str, limit: int = 12) -> list[Match]:
        """Records with a name ``typed`` finds, the best first: whole names,
        then starts of names, words, inside names, pinyin, initials; within
        each, displayed names before other names, shorter before longer.
        Later tiers are not looked at once ``limit`` records are found."""
        wanted = fold(typed)
        if not wanted:
            return []
        found: dict[int, Match] = {}
        owners, rank = self._owners, self._rank.__getitem__
        for tier, names in enumerate(self._tiers(wanted)):
            names = [i for i in names if owners[i] not in found]
            best = heapq.nsmallest(3 * limit, names, key=rank) if len(names) > 3 * limit else sorted(names, key=rank)
            if len(set(owners[i] for i in best)) < min(limit - len(found), len(set(owners[i] for i in names))):
                best = sorted(names, key=rank)  # (records with many names filled the few taken)
            for i in best:
                if owners[i] not in found:
                    found[owners[i]] = self._match(i, exact=tier == 0)
            if len(found) >= limit:
                break
        return list(found.values())[:limit]

    def _match(self, i: int, exact: bool = False) -> Match:
        record = self._records[self._owners[i]]
        return Match(record.id, record.name, self._labels[record.id], self._names[i], exact)

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
        if found or not fold(typed):
            return found[0] if found else None
        from rapidfuzz import fuzz, process

        closest = process.extractOne(fold(typed), self._folded, scorer=fuzz.ratio, score_cutoff=_SUGGEST_CUTOFF)
        return self._match(closest[2]) if closest else None
