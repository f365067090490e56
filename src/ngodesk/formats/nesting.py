"""Documents nested deeper than their parsers can follow.

Python's JSON reader and rdflib's Turtle reader follow each level of
brackets with a recursive call and fail near a thousand levels with a
RecursionError; a value nested just below that parses, but later walks
over it (``json.dumps`` of a story's extra data, ``repr``) from a deeper
call stack fail in turn. Real files nest a few levels (a CSL item's
``issued.date-parts``, a web annotation's ``target.selector``: 4 to 6),
so a file nested deeper than ``MAX_DEPTH`` is refused whole, with a
message saying how deep it goes.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from ngodesk.domain.i18n import translate

#: Levels of nesting a file may have: twenty times what real exports use,
#: and far below where Python's recursion limit (1,000 calls) is reached.
MAX_DEPTH = 100

#: What is skipped when counting brackets: JSON strings.
JSON_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
#: Turtle's long and short strings, IRIs and comments.
TURTLE_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*',
)
_STEP = {"[": 1, "(": 1, "{": 1, "]": -1, ")": -1, "}": -1}


class TooDeep(ValueError):
    """A document nested deeper than ``MAX_DEPTH``; the message says how deep."""

    def __init__(self, depth: int) -> None:
        super().__init__(
            translate(
                "Messages", "too deeply nested: {depth} levels of brackets, ngodesk reads at most {limit}"
            ).format(depth=depth, limit=MAX_DEPTH)
        )
        self.depth = depth


def bracket_depth(text: str, skipped: re.Pattern[str] | None = JSON_STRINGS, brackets: str = "[](){}") -> int:
    """The deepest nesting of ``brackets`` in ``text`` outside what
    ``skipped`` matches (strings, comments). Linear, but a regular
    expression pass over the whole text."""
    found = re.sub(f"[^{re.escape(brackets)}]+", "", skipped.sub("", text) if skipped else text)
    return max(accumulate(_STEP[b] for b in found), default=0)


def value_depth(value: object) -> int:
    """Levels of lists and objects in a parsed JSON value (0 for a scalar),
    found without recursion, a level at a time (what ``json.loads`` makes
    is exactly dict and list: ``type(...) is`` is enough and fast)."""
    depth = 0
    level: list[Any] = [value] if type(value) in (dict, list) else []  # (JSON's dicts and lists)
    while level:
        depth += 1
        below: list[Any] = []
        for node in level:
            below += [c for c in (node.values() if type(node) is dict else node) if type(c) in (dict, list)]
        level = below
    return depth


def load_json(text: str) -> object:
    """``json.loads(text)``; raises ValueError as it does, and TooDeep (a
    ValueError) for a document nested deeper than ``MAX_DEPTH``."""
    try:
        document = json.loads(text)
    except RecursionError:
        raise TooDeep(bracket_depth(text)) from None
    depth = value_depth(document)
    if depth > MAX_DEPTH:
        raise TooDeep(depth)
    return document
