"""RSS and Atom import: relative links, HTML to text, categories, dates;
entity declarations refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngodesk.formats import feeds, parse_file
from ngodesk.services import importing
from ngodesk.store.library import Library
from tests.test_import import REALWORLD, all_stories

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh">
  <title>公益时报</title>
  <link href="https://example.org/news/"/>
  <entry>
    <title>中国扶贫基金会在缅甸开展民生项目</title>
    <link href="/story/1"/>
    <id>tag:example.org,2018:1</id>
    <published>2018-12-07T08:00:00Z</published>
    <author><name>王芳</name></author>
    <category term="民生项目"/>
    <summary type="html">&lt;p&gt;丝路一家亲，&lt;b&gt;民心相通&lt;/b&gt;。&lt;/p&gt;
      &lt;p&gt;Second paragraph&lt;/p&gt;</summary>
  </entry>
  <entry><summary>no title</summary></entry>
</feed>
"""


def test_atom_entries_become_stories() -> None:
    result = feeds.parse(ATOM)
    (story,) = result.records
    assert (story.title, story.url, story.published, story.source) == (
        "中国扶贫基金会在缅甸开展民生项目",
        "https://example.org/story/1",
        "2018-12-07",
        "公益时报",
    )
    assert story.summary == "丝路一家亲，民心相通。\nSecond paragraph"
    assert story.tags == ("民生项目",) and story.people == ("王芳",)
    assert [(p.position, p.reason) for p in result.problems] == [("entry 2", "the entry has no title")]


def test_entity_declarations_are_refused(library: Library, tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">]>'
        "<rss><channel><item><title>&a;</title></item></channel></rss>"
    )
    path = tmp_path / "bomb.rss"
    path.write_text(bomb, encoding="utf-8")
    report = importing.import_files(library, [path])
    assert report.added == 0 and [p.reason for p in report.problems] == ["declares XML entities; refused for safety"]


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is not here")
@pytest.mark.parametrize(
    ("name", "count", "expected"),
    [
        ("rssparser_encoding-gb2312_qq_tech_zh.xml", 1, "世纪华通"),
        ("nodefeedparser_tpm.atom", 20, "Hannity"),
        ("rssparser_uolNoticias_latin1_nodecl.rss", 15, "simulações"),
    ],
)
def test_real_feeds_import(library: Library, name: str, count: int, expected: str) -> None:
    used, result = parse_file(REALWORLD / "rss_atom" / name)
    assert used == "rss" and len(result.records) == count and not result.problems
    assert any(expected in r.title for r in result.records)
    assert all(r.url.startswith("http") for r in result.records)  # relative links resolved
    importing.import_files(library, [REALWORLD / "rss_atom" / name])
    assert len(all_stories(library)) == count


def test_dates_are_the_feeds_own_calendar_dates() -> None:
    rss = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>公益</title>
    <item><title>早上的新闻</title><pubDate>Wed, 01 Jan 2020 06:30:00 +0800</pubDate></item>
    <item><title>不存在的日子</title><pubDate>Sun, 30 Feb 2020 06:30:00 +0800</pubDate></item>
    </channel></rss>"""
    morning, impossible = feeds.parse(rss).records
    assert morning.published == "2020-01-01"  # not 2019-12-31, as in UTC
    assert impossible.published == "" and impossible.extra["date_as_given"] == "Sun, 30 Feb 2020 06:30:00 +0800"


def test_a_character_reference_beyond_unicode_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    """Found by the attack suite's fuzzing: feedparser raised ValueError."""
    feed = '<feed xmlns="http://www.w3.org/2005/Atom"><title>&#2000000;t</title><entry><title>x</title></entry></feed>'
    result = feeds.parse(feed)
    assert [p.position for p in result.problems] == ["the file"] and not result.records
