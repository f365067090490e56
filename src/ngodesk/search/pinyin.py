"""Pinyin in queries: ``zouchuqu``, ``zou chu qu`` and ``zǒu chū qù`` find
stories with 走出去.

There is no pinyin index (a pinyin column costs minutes per 100,000
stories: TOOLCHAIN.md). Instead, query words that spell two or more pinyin
syllables are matched against the Chinese the library holds: the search
index's vocabulary (its character pairs) is asked which pairs read like each
pair of syllables, and chains of pairs make the candidate words, the most
frequent first (everyday characters before rare ones). Each candidate joins the query as an alternative
to the words as typed, which still match as before. What the vocabulary
answered is kept while the index is unchanged.

Words the library uses as words are not read as pinyin (``china`` is not
吃哪, ``Xian`` in an English library stays Xian); with tone marks they
always are. Text in quotes is never read as pinyin. Tone marks narrow the
characters to that tone; ``v`` stands for ``ü`` (``lv`` is 绿 or 律).
"""

from __future__ import annotations

import threading
import unicodedata
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeGuard, overload

from sqlalchemy.engine import Connection, Engine

from ngodesk.search import query as q
from ngodesk.search.chinese import character_readings
from ngodesk.search.text import fold
from ngodesk.store import fts

#: Candidate words per pinyin term at most (the most frequent in the library).
MAX_WORDS = 6
#: Words kept between steps of the chain search (bounds the work per step).
_KEPT = 20
#: Characters whose vocabulary ranges are kept between queries, per library.
_CACHED_CHARACTERS = 2000
#: Terms of more syllables are not read as pinyin (nor are segmentations
#: beyond _MAX_SPLITS: ``xian`` is xian or xi'an).
MAX_SYLLABLES = 8
_MAX_SPLITS = 4
_TONES = frozenset("\u0304\u0301\u030c\u0300")  # ā á ǎ à as combining marks
_U_WITH_DIAERESIS = {"lv": "lu", "nv": "nu", "lve": "lue", "nve": "nue"}
#: Readings of interjections (嗯 n, 呣 m...): as syllables they would cut
#: ``xian`` into xia-n.
_NOT_SYLLABLES = frozenset({"m", "n", "ng", "hm", "hng"})
#: Every toneless syllable (``lv`` for ``lü``), as ``_readings`` would
#: list them: written out so that an English query need not load pypinyin's
#: tables (0.8 s) to find it is no pinyin; a test checks the two agree.
SYLLABLES = frozenset(
    (
        "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao "
        "ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui "
        "chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei deng di dia dian diao die ding "
        "diu dong dou du duan dui dun duo e ei en er fa fan fang fei fen feng fo fou fu ga gai gan gang gao "
        "ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong "
        "hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun "
        "ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao "
        "le lei len leng li lia lian liang liao lie lin ling liu lo long lou lu luan lue lun luo lv lve ma "
        "mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei "
        "nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nue nuo nv nve o ou pa pai pan pang "
        "pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu "
        "qu quan que qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen "
        "seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun "
        "shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou "
        "tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu "
        "xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze "
        "zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang "
        "zhui zhun zhuo zi zong zou zu zuan zui zun zuo"
    ).split()
)


class _RangeCache:
    """The index's character pairs by first character, per open library
    (its engine) while its index stays as it was: typing ``z``, ``zo``,
    ``zou``... asks for the same ranges again, and each costs ~30 us per
    pair (fts5vocab counts the stories of every term it returns)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._libraries: weakref.WeakKeyDictionary[Engine, tuple[bytes, OrderedDict[str, dict[str, int]]]]
        self._libraries = weakref.WeakKeyDictionary()

    def pairs(self, connection: Connection, firsts: set[str]) -> dict[str, dict[str, int]]:
        """First character -> {pair: stories holding it}, for ``firsts``."""
        key, state = connection.engine, fts.index_state(connection)
        with self._lock:
            known_state, ranges = self._libraries.get(key, (state, OrderedDict()))
            if known_state != state:
                ranges = OrderedDict()
            self._libraries[key] = (state, ranges)
            result = {char: ranges[char] for char in firsts if char in ranges}
        missing = firsts - result.keys()
        if missing:
            found: dict[str, dict[str, int]] = {char: {} for char in missing}
            for term, count in fts.terms_starting(connection, missing):
                if len(term) == 2:
                    found[term[0]][term] = count
            result.update(found)
        with self._lock:
            ranges.update(result)
            for char in result:
                ranges.move_to_end(char)
            while len(ranges) > _CACHED_CHARACTERS:
                ranges.popitem(last=False)
        return result


_ranges = _RangeCache()


@dataclass(frozen=True)
class Vocabulary:
    """What the library's search index holds."""

    connection: Connection

    def pairs(self, firsts: str, seconds: str) -> dict[str, int]:
        """The character pairs the index holds that are a character of
        ``firsts`` then one of ``seconds``, with the number of stories
        holding each."""
        wanted = set(seconds)
        return {
            pair: count
            for pairs in _ranges.pairs(self.connection, set(firsts)).values()
            for pair, count in pairs.items()
            if pair[1] in wanted
        }

    def holds(self, word: str) -> bool:
        """True when some story has ``word`` (letters a-z) as a word."""
        return fts.holds_phrase(self.connection, f'"{word}"')


@cache
def _gb2312() -> str:
    """Every character of GB2312 (its 6,763 characters of everyday
    simplified Chinese, and its symbols): the index holds text simplified,
    and rarer characters would only multiply the pairs to look up."""
    found = []
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(found)


def _is_everyday(char: str) -> bool:
    """A character of GB2312's first level (the 3,755 most used)."""
    return 0xB0 <= char.encode("gb2312")[0] <= 0xD7


@cache
def _readings() -> tuple[dict[str, str], dict[str, str]]:
    """(toneless syllable -> characters, toned syllable -> characters), from
    pypinyin's character dictionary."""
    toneless: dict[str, set[str]] = {}
    toned: dict[str, set[str]] = {}
    readings_of = character_readings()
    for char in _gb2312():
        for reading in readings_of[ord(char)].split(",") if ord(char) in readings_of else ():
            toned.setdefault(unicodedata.normalize("NFC", reading), set()).add(char)
            toneless.setdefault(fold(reading), set()).add(char)
    return (
        {syllable: "".join(sorted(chars)) for syllable, chars in toneless.items()},
        {syllable: "".join(sorted(chars)) for syllable, chars in toned.items()},
    )


def _splits(letters: str) -> list[list[str]]:
    """Ways to cut ``letters`` (folded, a-z) into syllables, fewest
    syllables first, at most _MAX_SPLITS of them."""
    syllables = SYLLABLES

    @cache
    def from_(start: int) -> list[list[str]]:
        if start == len(letters):
            return [[]]
        found = []
        for end in range(min(len(letters), start + 6), start, -1):  # (no syllable is longer than 6)
            if letters[start:end] in syllables:
                found += [[letters[start:end], *rest] for rest in from_(end)]
        return found[:_MAX_SPLITS]

    return sorted(from_(0), key=len)


def syllables_of(words: Sequence[str]) -> list[list[str]]:
    """The ways ``words`` (as typed, tone marks allowed, apostrophes between
    syllables) spell two or more pinyin syllables, as few as they can
    (``fangan``: fang-an and fan-gan), each syllable with its tone mark if
    it had one; [] when they do not."""
    typed = unicodedata.normalize("NFC", "'".join(words).lower())  # (a space ends a syllable too)
    if not typed or not all(("a" <= ch <= "z") or ch == "'" or fold(ch).isalpha() for ch in typed):
        return []
    folded = fold(typed)
    if len(folded) != len(typed) or not folded.replace("'", "").isascii():
        return []  # (letters pinyin does not have)
    if len(folded.replace("'", "")) > MAX_SYLLABLES * 6:  # (no syllable is longer than 6 letters)
        return []
    options: list[list[str]] = [[]]
    start = 0
    for part in folded.split("'"):  # (an apostrophe always ends a syllable)
        cuts = _splits(part) if part else [[]]
        if not cuts:
            return []
        joined = []
        for cut in cuts:
            marked, position = [], start
            for syllable in cut:  # the syllables as typed, with their tones
                marked.append(typed[position : position + len(syllable)])
                position += len(syllable)
            joined.append(marked)
        options = [[*before, *cut] for before in options for cut in joined][:_MAX_SPLITS]
        start += len(part) + 1
    options = [option for option in options if 2 <= len(option) <= MAX_SYLLABLES]
    fewest = min((len(option) for option in options), default=0)
    return [option for option in options if len(option) == fewest]  # (zhongguo: not zhong-gu-o)


def _characters(syllable: str) -> str:
    toneless, toned = _readings()
    plain = fold(syllable)
    plain = _U_WITH_DIAERESIS.get(plain, plain)
    if _TONES.isdisjoint(unicodedata.normalize("NFD", syllable)):
        return toneless.get(plain, "")
    return toned.get(syllable.replace("v", "ü"), "")


def words(syllables: Sequence[str], vocabulary: Vocabulary) -> list[str]:
    """Chinese words of the library that read as ``syllables``, the most
    frequent first (at most MAX_WORDS); each pair of neighbouring characters
    is known to the index, the whole word is left for the query to check.
    Everyday characters (GB2312's first level, 3,755) are tried first, the
    rarer ones only when those spell nothing the library holds."""
    sets = [_characters(syllable) for syllable in syllables]
    if len(sets) < 2 or not all(sets):
        return []
    everyday = ["".join(filter(_is_everyday, chars)) for chars in sets]
    return (all(everyday) and _chains(everyday, vocabulary)) or _chains(sets, vocabulary)


def _chains(sets: Sequence[str], vocabulary: Vocabulary) -> list[str]:
    """Words of a character of each of ``sets`` in turn whose neighbouring
    pairs the index holds, the most frequent first. (Rarer candidates are
    kept: a pair across a word boundary, 是一 of 这是一个, can be far more
    frequent than the word meant, 释义.)"""
    found = vocabulary.pairs(sets[0], sets[1])
    chains = dict(found)
    for following in sets[2:]:
        best = sorted(chains.items(), key=lambda item: -item[1])[:_KEPT]
        found = vocabulary.pairs("".join(word[-1] for word, _ in best), following)
        chains = {
            word + pair[1]: min(count, found[pair])
            for word, count in best
            for char in following
            if (pair := word[-1] + char) in found
        }
    ranked = sorted(chains.items(), key=lambda item: (-item[1], item[0]))
    return [word for word, _ in ranked[:MAX_WORDS]]


def _run_words(run: Sequence[q.Text], vocabulary: Vocabulary) -> list[str]:
    """Chinese words the text of ``run`` (neighbouring words) may spell."""
    typed = [node.text for node in run]
    options = syllables_of(typed)
    toned = not _TONES.isdisjoint(unicodedata.normalize("NFD", "".join(typed)))
    if not options or (not toned and vocabulary.holds(fold("".join(typed)).replace("'", ""))):
        return []
    found: dict[str, None] = {}
    for option in options:
        found.update(dict.fromkeys(words(option, vocabulary)))
    return list(found)[:MAX_WORDS]


def _pinyin_like(node: q.Node) -> TypeGuard[q.Text]:
    return isinstance(node, q.Text) and not node.quoted and node.column is None and " " not in node.text


@overload
def expand(node: q.Node, vocabulary: Vocabulary) -> q.Node: ...
@overload
def expand(node: None, vocabulary: Vocabulary) -> None: ...
def expand(node: q.Node | None, vocabulary: Vocabulary) -> q.Node | None:
    """``node`` with its pinyin read as the Chinese words it may spell: a
    word (``zouchuqu``), or neighbouring words together (``zou chu qu``),
    becomes itself OR each word found."""
    if isinstance(node, q.Text):
        found = _run_words([node], vocabulary) if _pinyin_like(node) else []
        return q.Or((node, *(q.Text(word) for word in found))) if found else node
    if isinstance(node, q.Or):
        return q.Or(tuple(expand(child, vocabulary) for child in node.children))
    if isinstance(node, q.And):
        return q.And(tuple(_expand_runs(node.children, vocabulary)))
    return node  # (NOT, fields, dates: as they are)


def _expand_runs(children: Sequence[q.Node], vocabulary: Vocabulary) -> list[q.Node]:
    """``children`` of an AND with each run of neighbouring plain words
    that spells Chinese joined by an OR with the words it spells."""
    result: list[q.Node] = []
    run: list[q.Text] = []

    def close() -> None:
        found = _run_words(run, vocabulary) if len(run) > 1 else []
        if found:
            result.append(q.Or((q.And(tuple(run)), *(q.Text(word) for word in found))))
        else:
            result.extend(expand(node, vocabulary) for node in run)
        run.clear()

    for child in children:
        if _pinyin_like(child):
            run.append(child)
            continue
        close()
        result.append(expand(child, vocabulary))
    close()
    return result
