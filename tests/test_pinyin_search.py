"""Searching Chinese by pinyin: with or without spaces and tone marks,
switched off by quotes, never taking the library's own English words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ngodesk.domain.models import StoryRecord
from ngodesk.search import pinyin
from ngodesk.search.pinyin import syllables_of
from ngodesk.services import importing, queries
from ngodesk.store.library import Library


@pytest.fixture
def stories(library: Library) -> Library:
    records = [
        StoryRecord("民间组织走出去的十年", "a", summary="社会组织走出去，服务当地民生。"),
        StoryRecord("扶貧基金會在緬甸", "b", summary="中國扶貧基金會的項目。"),  # (traditional)
        StoryRecord("China aid grows", "c", summary="NGOs from China work abroad."),
        StoryRecord("我们支持那些志愿者", "d", summary="志愿者在西安培训。"),
        StoryRecord("NGO 走出去 论坛", "e"),
    ]
    importing.import_records(library, records)
    return library


def titles(library: Library, query: str) -> list[str]:
    return sorted(hit.story.title for hit in queries.search(library, query, limit=100).hits)


GOING_OUT = ["NGO 走出去 论坛", "民间组织走出去的十年"]


@pytest.mark.parametrize("query", ["zouchuqu", "zou chu qu", "ZouChuQu", "zǒu chū qù", "zǒuchūqù", "zou'chu'qu"])
def test_pinyin_finds_the_chinese_it_spells(stories: Library, query: str) -> None:
    assert titles(stories, query) == GOING_OUT


def test_pinyin_finds_traditional_text_and_highlights_the_characters(stories: Library) -> None:
    assert titles(stories, "fupin jijinhui") == ["扶貧基金會在緬甸"]
    (hit,) = queries.search(stories, "fupin").hits
    assert "[扶貧]" in hit.snippet


def test_quotes_a_wrong_tone_or_a_word_of_the_library_switch_pinyin_off(stories: Library) -> None:
    assert titles(stories, '"zouchuqu"') == []
    assert titles(stories, "zóu chū qù") == []  # 走 is zǒu
    assert titles(stories, "china") == ["China aid grows"]  # not 支持那 (zhi-chi-na)
    assert titles(stories, "chí nà") == ["我们支持那些志愿者"]  # (tone marks: meant as pinyin)


def test_pinyin_mixes_with_other_words_and_fields(stories: Library) -> None:
    assert titles(stories, "NGO zouchuqu") == ["NGO 走出去 论坛"]
    assert titles(stories, "zouchuqu -NGO") == ["民间组织走出去的十年"]
    assert titles(stories, "xi'an zhiyuanzhe") == ["我们支持那些志愿者"]
    assert queries.matching_ids(stories, "fupin").size == 1
    assert queries.facets(stories, "zou chu qu").total == 2


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("zouchuqu", [["zou", "chu", "qu"]]),
        ("fangan", [["fang", "an"], ["fan", "gan"]]),
        ("xian", [["xi", "an"]]),  # (one syllable is not read as pinyin: too many characters)
        ("xi'an", [["xi", "an"]]),
        ("lvse", [["lv", "se"]]),
        ("hello", []),
        ("zhōngguó", [["zhōng", "guó"]]),
        ("Kenya", [["ken", "ya"]]),  # (read as pinyin only where the library has no word Kenya)
        ("Nairobi", []),
    ],
)
def test_what_is_read_as_syllables(typed: str, read: list[list[str]]) -> None:
    assert syllables_of([typed]) == read


def test_the_written_out_syllables_are_those_of_the_character_tables() -> None:
    toneless, _ = pinyin._readings()
    assert pinyin.SYLLABLES == (toneless.keys() - pinyin._NOT_SYLLABLES) | pinyin._U_WITH_DIAERESIS.keys()


def test_reading_pinyin_loads_no_phrase_dictionary(tmp_path: Path) -> None:
    # (an English query loaded pypinyin's character tables, 0.5-0.8 s on the first one after opening a
    # library; a pinyin one its phrase dictionary too, 50 MB of memory the window kept)
    script = (
        "import sys; from ngodesk.search.pinyin import syllables_of;"
        "assert syllables_of(['NGOs']) == [] and syllables_of(['Kenya']) == [['ken', 'ya']];"
        "print('pypinyin.pinyin_dict' in sys.modules);"
        "from ngodesk.services import importing, library, queries; from ngodesk.domain.models import StoryRecord;"
        "lib = library.open_library(sys.argv[1]); importing.import_records(lib, [StoryRecord('走出去的十年', 'a')]);"
        "print([hit.story.title for hit in queries.search(lib, 'zouchuqu').hits], 'pypinyin' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path / "lib")], capture_output=True, text=True)
    assert run.stdout.split("\n")[:2] == ["False", "['走出去的十年'] False"], run.stderr


def test_a_word_added_after_a_search_is_found_by_the_next(stories: Library) -> None:
    assert titles(stories, "cishan") == []
    importing.import_records(stories, [StoryRecord("慈善的力量", "f")])
    assert titles(stories, "cishan") == ["慈善的力量"]


def test_rare_characters_are_read_when_everyday_ones_spell_nothing(stories: Library) -> None:
    importing.import_records(stories, [StoryRecord("名媛慈善晚会", "f")])  # (媛: GB2312's second level)
    assert titles(stories, "mingyuan") == ["名媛慈善晚会"]


def test_a_rare_word_is_found_beside_a_frequent_pair_across_words(library: Library) -> None:
    # 是一 (of 这是一个) in 120 stories reads shi-yi too; 释义 in one must still be found
    records = [StoryRecord(f"这是一个项目 {n}", f"p{n}") for n in range(120)]
    importing.import_records(library, [*records, StoryRecord("词语释义", "g")])
    assert queries.search(library, "shiyi").total == 121
