"""The newest stories holding one Chinese character, without the index.

A query of one Chinese character is a prefix query on the index (every
bigram that starts with it), and FTS5 merges the postings of all those
terms before its first row: 126-148 ms for ``贫`` at a million stories
(1.27 million postings), the same again to score the titles. A frequent
character is found faster by reading the newest stories' text: the
thousand newest holding ``贫`` are among the newest ~2,500 stories.

The index holds each field's ``simplify``d text, so a story matches when
one of its fields holds a character whose simplified form holds the
query's character (its traditional forms, compatibility ideographs,
enclosed forms such as ㈱): ``variants``. The scan reads at most
``SCAN_ROWS`` stories; a rarer character (fewer matches among them than
asked for) is left to the index, where its postings are few.
"""

from __future__ import annotations

import re
from functools import cache

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ngodesk.search.text import simplify, traditional_table
from ngodesk.store.schema import Story

#: Stories read at most before the index answers instead.
SCAN_ROWS = 20_000
#: A Chinese ideograph (the unified blocks; compatibility ones are folded
#: to these by ``simplify``).
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")
#: Every block holding characters whose NFKC form holds a Han ideograph
#: (radicals, Hangzhou and kanbun numerals, enclosed and squared forms,
#: compatibility ideographs): test_single_character checks the list
#: against the whole of Unicode.
COMPATIBLE = (
    (0x2E80, 0x2FDF),
    (0x3000, 0x303F),
    (0x3190, 0x319F),
    (0x3200, 0x33FF),
    (0xF900, 0xFAFF),
    (0x1F200, 0x1F2FF),
    (0x2F800, 0x2FA1F),
)
_FIELDS = (Story.title, Story.summary, Story.body, Story.source)


@cache
def variants(char: str) -> tuple[str, ...]:
    """The characters whose simplified form holds ``char`` (itself first)."""
    candidates = {chr(code) for code, simple in traditional_table().items() if char in simple}
    candidates.update(chr(code) for low, high in COMPATIBLE for code in range(low, high + 1))
    return (char, *sorted(c for c in candidates if c != char and char in simplify(c)))


def newest_holding(session: Session, char: str, limit: int) -> tuple[list[int], set[int]] | None:
    """The ids of the ``limit`` most recently added stories whose indexed
    text holds the Chinese character ``char`` (all of them if fewer), newest
    first, and those of them whose title holds it; None when the newest
    ``SCAN_ROWS`` stories hold fewer and older ones remain (ask the index)."""
    if not HAN.fullmatch(char):
        return None
    forms = variants(char)
    oldest_read = session.scalar(select(Story.id).order_by(Story.id.desc()).limit(1).offset(SCAN_ROWS - 1))
    holds = [or_(*(func.instr(field, form) > 0 for form in forms)) for field in _FIELDS]
    found = session.execute(
        select(Story.id, holds[0])
        .where(or_(*holds), *([Story.id >= oldest_read] if oldest_read is not None else []))
        .order_by(Story.id.desc())
        .limit(limit)
    ).all()
    if len(found) < limit and oldest_read is not None and session.scalar(select(func.min(Story.id))) != oldest_read:
        return None
    return [story_id for story_id, _ in found], {story_id for story_id, titled in found if titled}
