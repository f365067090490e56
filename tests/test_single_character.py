"""A search for one Chinese character reads the newest stories instead of
merging the index's postings: it must find what the index finds."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import select

from ngodesk.domain.models import StoryRecord
from ngodesk.search import engine, single_character
from ngodesk.search.query import parse
from ngodesk.search.text import simplify, traditional_table
from ngodesk.services import importing, stories
from ngodesk.store.library import Library
from ngodesk.store.schema import Story

#: Stories whose characters reach the index in another form than written.
ODD_FORMS = [
    {"title": "貧困地區的學校", "summary": "扶貧", "language": "zh-Hant"},  # traditional
    {"title": "㈱ 株式会社", "source": "㍻ 年報"},  # enclosed and squared forms
    {"title": "Kangxi radical ⼀ and compatibility 更", "body": "〸 and ㆒"},  # (U+2F00, U+F901, U+3038, U+3192)
    {"title": "English only", "summary": "no Chinese at all"},
]


@pytest.fixture
def mixed(sample_library: Library) -> Library:
    for fields in ODD_FORMS:
        stories.create_story(sample_library, fields)
    return sample_library


def _ranked(library: Library, char: str, fast: bool, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, float]]:
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(single_character, "newest_holding", lambda *args: None)  # (the index's answer)
        with library.read() as session:
            return engine._ranked(session, engine.plan(parse(char)))


def test_every_character_finds_what_the_index_finds_in_the_same_order(
    mixed: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    with mixed.read() as session:
        texts = session.execute(select(Story.title, Story.summary, Story.body, Story.source)).all()
    chars = sorted({c for row in texts for text in row for c in simplify(text or "") if single_character.HAN.match(c)})
    assert {"贫", "株", "一", "十", "更"} <= set(chars)
    for char in chars:
        assert _ranked(mixed, char, True, monkeypatch) == _ranked(mixed, char, False, monkeypatch), char
    assert _ranked(mixed, "貧", True, monkeypatch) == _ranked(mixed, "贫", False, monkeypatch)  # (typed traditional)


def test_the_newest_few_and_a_rare_character_left_to_the_index(mixed: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    importing.import_records(mixed, [StoryRecord(f"贫困县第{n}号报告", "2020") for n in range(5)])
    with mixed.read() as session:
        everything = engine._ranked(session, engine.plan(parse("贫")))
        newest = sorted(story_id for story_id, _ in everything)[-3:][::-1]
        found = single_character.newest_holding(session, "贫", 3)
        assert found is not None and found[0] == newest
        monkeypatch.setattr(single_character, "SCAN_ROWS", 2)  # (fewer matches among them than asked for)
        assert single_character.newest_holding(session, "株", 3) is None
        assert [story_id for story_id, _ in engine._ranked(session, engine.plan(parse("株")))]  # (the index answers)


def test_no_character_outside_the_blocks_read_folds_to_a_chinese_one() -> None:
    """``variants`` looks for a character's other forms in the traditional
    table and in the blocks ``COMPATIBLE`` names: no other code point's
    simplified form holds a Han ideograph."""
    table = traditional_table()
    inside = [range(low, high + 1) for low, high in single_character.COMPATIBLE]
    for code in range(0x80, 0x110000):
        if code in table or any(code in block for block in inside) or single_character.HAN.match(chr(code)):
            continue
        if unicodedata.decomposition(chr(code)):
            assert not single_character.HAN.search(simplify(chr(code))), hex(code)


def test_a_query_of_one_character_in_a_field_or_with_more_keeps_the_index() -> None:
    assert engine.plan(parse("贫")).character == "贫"
    assert engine.plan(parse("貧")).character == "贫"
    for query in ("贫困", "title:贫", "贫 tag:Region/Asia", "-贫 扶", "贫 OR 困", "a"):
        assert engine.plan(parse(query)).character == "", query
