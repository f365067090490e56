"""BibTeX import: LaTeX accents, Chinese keys and keyword lists, CNKI's
``year = {Null}``, unreadable blocks reported by line."""

from __future__ import annotations

import pytest

from ngodesk.formats import bibtex, parse_file
from ngodesk.services import importing
from ngodesk.store.library import Library
from tests.test_import import REALWORLD, all_stories

TEXT = r"""% exported
@article{扶贫2018,
  title = {中国扶贫基金会在缅甸开展{民生}项目},
  author = {王芳 and Caf{\'e}, Jos{\'e} and {Bill and Melinda Gates Foundation}},
  journal = {人民日报},
  year = {2018}, month = dec,
  keywords = {民生项目;;缅甸；援助},
  url = {https://example.org/a},
  pages = {1-8},
}

@online{silk, title = {Silk Road NGO forum}, date = {2019-05-02}, langid = {english}}

@misc{cnki, title = {无日期的报道}, year = {Null}}

@misc{notitle, author = {Nobody}}
"""


def test_entries_map_to_story_fields() -> None:
    result = bibtex.parse(TEXT)
    first, second, third = result.records
    assert (first.title, first.source, first.published, first.url) == (
        "中国扶贫基金会在缅甸开展民生项目",
        "人民日报",
        "2018-12",
        "https://example.org/a",
    )
    assert first.people == ("王芳", "Café, José", "Bill and Melinda Gates Foundation")  # braces keep a name whole
    assert first.tags == ("民生项目", "缅甸", "援助")
    assert first.extra["pages"] == "1-8" and first.extra["bibtex_key"] == "扶贫2018"
    assert (second.published, second.language, third.published) == ("2019-05-02", "english", "")
    assert [p.reason for p in result.problems] == ["the entry has no title"]
    assert result.problems[0].position.startswith("line 16")


def test_joined_files_with_one_key_twice_and_an_unclosed_brace() -> None:
    text = "@article{k1, title={第一}, author={A and B}}\n@article{k1, title={第二}, author={C and {D and E}}}\n"
    text += "@article{k2, title={未闭合, year={2019}\n@article{k3, title={第三}}\n"
    result = bibtex.parse(text)
    assert [(r.title, r.people) for r in result.records] == [
        ("第一", ("A", "B")),
        ("第二", ("C", "D and E")),
        ("第三", ()),
    ]
    assert [(p.position, p.reason) for p in result.problems] == [
        ("line 3", "not a readable entry: a brace or quote is not closed before the next entry")
    ]


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is not here")
@pytest.mark.parametrize(
    ("name", "count"),
    [("cnki2bibtex_mixed_zh.bib", 12), ("bibtexparser_gbk_test_zh.bib", 1), ("bibtexparser_traps.bib", 1)],
)
def test_real_bibtex_files_import(library: Library, name: str, count: int) -> None:
    used, result = parse_file(REALWORLD / "bibtex" / name)
    assert used == "bibtex" and len(result.records) == count
    importing.import_files(library, [REALWORLD / "bibtex" / name])
    assert len(all_stories(library)) == count
