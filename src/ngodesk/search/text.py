"""Text normalisation shared by the index, queries, keys and snippets.

Chinese has no spaces, so a run of Han characters is indexed as its
overlapping bigrams plus its last character (``丝路一家亲`` ->
``丝路 路一 一家 家亲 亲``). Any 2+ character query is then a phrase of
bigrams, and a 1-character query a prefix query, so every substring is found
without a trigram index (see TOOLCHAIN.md). Before that, text is NFKC
normalised (full-width -> half-width) and traditional characters are mapped
to simplified ones with a per-character table made from OpenCC, so ``絲路``
and ``丝路`` are the same. Case, accents and English stems are folded by the
index's ``porter unicode61`` tokenizer.

The index depends on the exact table: ``index_version()`` changes when it
does, and libraries rebuild their index when it no longer matches.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Sequence
from contextlib import suppress
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (numpy is imported where used: reading a query or a file needs none of it)
    import numpy as np

#: Bump when index_text() changes in a way that needs a rebuild.
TRANSFORM_VERSION = 1

#: Han ideographs (with extensions and compatibility forms), kana and hangul:
#: scripts written without spaces between words.
_CJK = "\u3005\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
CJK_RUN = re.compile(f"[{_CJK}]+")
WORD = re.compile(r"[^\W_]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")

#: OpenCC conversions whose single-character results make the table.
_OPENCC_CONFIGS = ("t2s", "tw2s", "hk2s")
_CJK_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2A6E0))


@cache
def traditional_table() -> dict[int, str]:
    """Per-character traditional -> simplified map, made from OpenCC.

    Characters are converted one per line so that OpenCC's phrase rules
    cannot apply: index and query always agree, whatever surrounds them.
    Making it takes ~0.1 s, which a command with a Chinese query (and every
    command, to compare ``index_version``) would pay at each start: it is
    kept in the user's cache folder per OpenCC data (its version and its
    dictionary files' names and sizes) and made again only when those
    change or the kept copy is unusable."""
    return _kept_or_made()[0]


@cache
def _kept_or_made() -> tuple[dict[int, str], str]:
    """The table and its digest: as kept for this OpenCC data (read once
    per process), else made from OpenCC and kept."""
    kept = _kept()
    if kept is not None:
        digest, pairs = kept
        return {ord(original): simple for original, simple in zip(pairs[::2], pairs[1::2], strict=True)}, digest
    table = _made_table()
    _keep(table)
    return table, _digest(table)


def _made_table() -> dict[int, str]:
    from opencc import OpenCC

    chars = [chr(code) for start, end in _CJK_BLOCKS for code in range(start, end)]
    joined = "\n".join(chars)
    table: dict[int, str] = {}
    for config in _OPENCC_CONFIGS:
        converted = OpenCC(config).convert(joined).split("\n")
        if len(converted) != len(chars):  # a conversion merged lines: skip it
            continue
        for original, simple in zip(chars, converted, strict=True):
            if simple != original and len(simple) == 1 and ord(original) not in table:
                table[ord(original)] = simple
    return table


def _digest(table: dict[int, str]) -> str:
    return hashlib.sha1(repr(sorted(table.items())).encode()).hexdigest()[:12]


@cache
def index_version() -> str:
    """Identifies the transform; stored in a library beside its index."""
    return f"{TRANSFORM_VERSION}-{_kept_or_made()[1]}"


def _opencc_fingerprint() -> str:
    import opencc

    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    files = sorted((entry.name, entry.stat().st_size) for entry in os.scandir(share)) if share.is_dir() else []
    return f"{getattr(opencc, '__version__', '')}:{files}"


def _kept_file() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("ngodesk", appauthor=False) / "traditional-table.json"


def _kept() -> tuple[str, str] | None:
    """(digest, the table's pairs as one string) kept for this OpenCC data."""
    try:
        found = json.loads(_kept_file().read_text("utf-8"))
        if found["opencc"] == _opencc_fingerprint() and len(found["pairs"]) % 2 == 0:
            return str(found["digest"]), str(found["pairs"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def _keep(table: dict[int, str]) -> None:
    """Keep ``table`` for ``_kept`` (best effort: an unwritable cache costs time only)."""
    path = _kept_file()
    pairs = "".join(chr(original) + simple for original, simple in table.items())
    text = json.dumps({"opencc": _opencc_fingerprint(), "digest": _digest(table), "pairs": pairs}, ensure_ascii=False)
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        partial.write_text(text, "utf-8")
        partial.replace(path)


@cache
def _traditional_chars() -> frozenset[str]:
    return frozenset(chr(code) for code in traditional_table())


def simplify(text: str) -> str:
    """NFKC normalise and map traditional characters to simplified ones."""
    # (the checks cost a fraction of the work they skip: imports transform
    # every field of every story)
    if text.isascii():
        return text
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if _traditional_chars().isdisjoint(text):
        return text
    return text.translate(traditional_table())


def fold(text: str) -> str:
    """A key for comparing names and titles: simplified, NFKC, case- and
    accent-folded, with whitespace collapsed."""
    if text.isascii():
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFD", simplify(text).casefold())
    return " ".join(_COMBINING.sub("", decomposed).split())


def _grams(run: str, open_end: bool) -> str:
    if len(run) == 1:
        return f" {run} "
    grams = [run[i : i + 2] for i in range(len(run) - 1)]
    if not open_end:
        grams.append(run[-1])
    return " " + " ".join(grams) + " "


def index_text(text: str) -> str:
    """The form of ``text`` fed to the search index."""
    if not text:
        return ""
    return CJK_RUN.sub(lambda m: _grams(m.group(), False), simplify(text))


#: Code points below this have an entry in ``_char_tables`` (every CJK
#: character of ``_CJK`` among them).
_TABLE_SIZE = 0x31350
_SPACE = ord(" ")
#: Characters worked out together at most (numpy's arrays take about 40
#: bytes per character at the peak).
_BATCH_CHARS = 1 << 20


@cache
def _char_tables() -> tuple[np.ndarray, np.ndarray]:
    """Per code point below ``_TABLE_SIZE``: what ``simplify`` makes of the
    character alone (its NFKC form when that is one character, then
    simplified), and whether it is written without spaces (``CJK_RUN``)."""
    import numpy as np

    mapped = np.arange(_TABLE_SIZE, dtype=np.uint32)
    for code in range(0x80, _TABLE_SIZE):
        char = chr(code)
        if not 0xD800 <= code < 0xE000 and not unicodedata.is_normalized("NFKC", char):
            normal = unicodedata.normalize("NFKC", char)
            if len(normal) == 1:
                mapped[code] = ord(normal)
    simple = np.arange(_TABLE_SIZE, dtype=np.uint32)
    for code, target in traditional_table().items():
        if code < _TABLE_SIZE:
            simple[code] = ord(target)
    cjk = np.zeros(_TABLE_SIZE, dtype=bool)
    for low, high in re.findall(r"(.)(?:-(.))?", _CJK):
        cjk[ord(low) : ord(high or low) + 1] = True
    return simple[mapped], cjk


def _codes(texts: Sequence[str]) -> np.ndarray:
    import numpy as np

    return np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype="<u4")


def _split(codes: np.ndarray, lengths: np.ndarray) -> list[str]:
    import numpy as np

    joined = codes.astype("<u4", copy=False).tobytes().decode("utf-32-le", "surrogatepass")
    bounds = [0, *np.cumsum(lengths).tolist()]
    return [joined[start:end] for start, end in pairwise(bounds)]


def _simplified(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The code points of ``simplify(text)`` for each of ``texts``, joined,
    and their lengths. Characters are mapped one by one through a table;
    a text whose result is not NFKC normalised (where characters combine)
    is simplified the slow way. When the mapped text is normalised it is
    what NFKC makes of the whole: each character's NFKC form has the same
    compatibility decomposition as the character."""
    import numpy as np

    mapped, _ = _char_tables()
    codes = _codes(texts)
    inside = codes < _TABLE_SIZE
    codes = np.where(inside, mapped[np.where(inside, codes, 0)], codes)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    results = _split(codes, lengths)
    unusual = [i for i, text in enumerate(results) if not unicodedata.is_normalized("NFKC", text)]
    if unusual:
        for i in unusual:
            results[i] = simplify(texts[i])
        return _codes(results), np.fromiter(map(len, results), dtype=np.int64, count=len(results))
    return codes, lengths


def index_texts(texts: Sequence[str]) -> list[str]:
    """``index_text`` of each of ``texts``, worked out together with numpy
    over all their characters (an import's chunk: four times faster than
    one by one), ``_BATCH_CHARS`` at a time."""
    results = list(texts)
    todo = [i for i, text in enumerate(texts) if not text.isascii()]  # (ASCII text is indexed as it is)
    batch: list[int] = []
    size = 0
    for i in todo:
        if batch and size + len(texts[i]) > _BATCH_CHARS:
            _index_batch(texts, batch, results)
            batch, size = [], 0
        batch.append(i)
        size += len(texts[i])
    if batch:
        _index_batch(texts, batch, results)
    return results


def _index_batch(texts: Sequence[str], todo: list[int], results: list[str]) -> None:
    """Put ``index_text`` of the ``todo`` texts (all non-ASCII) in ``results``."""
    import numpy as np

    codes, lengths = _simplified([texts[i] for i in todo])
    _, cjk_table = _char_tables()
    cjk = cjk_table[np.minimum(codes, _TABLE_SIZE - 1)] & (codes < _TABLE_SIZE)
    # Each character becomes a group: a space first when it starts a run;
    # itself; in a run, the next character and a space (a bigram) when the
    # run goes on, else a space (its last character stands alone).
    last_of_text = np.zeros(len(codes), dtype=bool)
    ends = np.cumsum(lengths)
    last_of_text[ends[lengths > 0] - 1] = True
    next_cjk = np.zeros(len(codes), dtype=bool)
    next_cjk[:-1] = cjk[1:]
    next_cjk &= ~last_of_text
    previous_cjk = np.zeros(len(codes), dtype=bool)
    previous_cjk[1:] = cjk[:-1] & ~last_of_text[:-1]
    starts = cjk & ~previous_cjk
    pairs = cjk & next_cjk
    sizes = 1 + starts.astype(np.int64) + 2 * pairs + (cjk & ~next_cjk)
    at = np.cumsum(sizes) - sizes + starts
    grouped = np.full(int(sizes.sum()), _SPACE, dtype=np.uint32)
    grouped[at] = codes
    grouped[at[:-1][pairs[:-1]] + 1] = codes[1:][pairs[:-1]]
    group_ends = np.concatenate(([0], np.cumsum(sizes)))[ends]
    for i, text in zip(todo, _split(grouped, np.diff(group_ends, prepend=0)), strict=True):
        results[i] = text


def query_tokens(term: str) -> tuple[list[str], bool]:
    """Index tokens a query term must match as a phrase, and whether the
    last one is a prefix (a 1-character Chinese run at the end).

    A Chinese run at the end of the term may continue in the text, so it
    contributes only its bigrams; anywhere else it is transformed exactly as
    the index transforms it.
    """
    simple = simplify(term)
    runs = list(CJK_RUN.finditer(simple))
    last = runs[-1] if runs else None
    ends_with_cjk = last is not None and not WORD.search(simple, last.end())
    if ends_with_cjk:
        assert last is not None
        head = CJK_RUN.sub(lambda m: _grams(m.group(), False), simple[: last.start()])
        tail = _grams(last.group(), True)
        tokens = WORD.findall(head) + WORD.findall(tail)
        return tokens, len(last.group()) == 1
    return WORD.findall(index_text(simple)), False


def is_cjk(text: str) -> bool:
    """True when ``text`` contains Chinese (or other CJK) characters."""
    return CJK_RUN.search(text) is not None


def guess_language(text: str) -> str:
    """``zh`` when at least a fifth of the letters are Chinese, else ``en``;
    ``""`` for text without letters."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return ""
    cjk = sum(1 for ch in letters if CJK_RUN.match(ch))
    return "zh" if cjk * 5 >= len(letters) else "en"
