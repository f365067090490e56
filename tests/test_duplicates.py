"""Duplicate detection on import: same address, same title, similar title
on the same day; skip, merge or add."""

from __future__ import annotations

import json
from pathlib import Path

from ngodesk.domain.models import StoryRecord
from ngodesk.domain.text import url_key
from ngodesk.services import duplicates, importing, queries, stories
from ngodesk.services.importing import OnDuplicate
from ngodesk.store.library import Library
from tests.test_import import all_stories

TITLE = "中国扶贫基金会在缅甸开展民生项目"


def _story(library: Library, **values: str) -> None:
    stories.create_story(library, {"title": TITLE, **values}, ["缅甸"])


def test_addresses_match_whatever_the_scheme_host_case_or_tracking() -> None:
    assert url_key("https://www.Example.org/news/1/?utm_source=wechat&id=3#top") == url_key(
        "http://example.org/news/1?id=3"
    )
    assert url_key("https://example.org/news/1?id=3") != url_key("https://example.org/news/1?id=4")
    assert url_key("https://www.example.org/") == ""  # a home page names a site, not a story
    assert url_key("https://ngo.cn/#/news/1") != url_key("https://ngo.cn/#/news/2")  # pages of a one-page site


def test_same_address_or_similar_title_on_the_same_day_is_a_duplicate(library: Library) -> None:
    _story(library, url="https://www.example.org/a/", published="2018-12-07")
    incoming = [
        StoryRecord("Completely different title", "record 1", url="http://example.org/a?utm_medium=x"),
        StoryRecord("中国扶贫基金会在缅甸开展民生项目！", "record 2", published="2018-12-07"),
        StoryRecord("中国扶贫基金会在缅甸开展民生项目", "record 3", published="2019-01-01", url="https://c.org/y"),
        StoryRecord("中国扶贫基金会在尼泊尔开展教育项目", "record 4", published="2018-12-07"),
    ]
    report = importing.import_records(library, incoming)
    assert [(d.position, d.reason) for d in report.duplicates] == [
        ("record 1", f"already in the library as “{TITLE}” (the same web address)"),
        ("record 2", f"already in the library as “{TITLE}” (a 97% similar title on the same day)"),
    ]
    # a different day and address, or a different story on the same day, are new stories
    assert report.added == 2 and len(all_stories(library)) == 3


def test_similar_titles_with_other_numbers_or_addresses_are_different_stories(library: Library) -> None:
    day = "2015-05-01"
    first = [
        StoryRecord("中国红十字会援助物资第一批抵达加德满都", "line 1", published=day),
        StoryRecord("Nepal earthquake relief: day 3 update", "line 2", published=day),
        StoryRecord("中国扶贫基金会在缅甸开展民生项目", "line 3", published=day, url="https://a.org/1"),
    ]
    second = [
        StoryRecord("中国红十字会援助物资第二批抵达加德满都", "line 1", published=day),
        StoryRecord("Nepal earthquake relief: day 4 update", "line 2", published=day),
        StoryRecord("中国扶贫基金会在缅甸开展民生项目！", "line 3", published=day, url="https://b.org/2"),
    ]
    importing.import_records(library, first)
    assert importing.import_records(library, second).added == 3
    assert duplicates.find_pairs(library) == []


def test_repeats_within_one_import_are_caught_and_the_first_kept(library: Library) -> None:
    records = [StoryRecord("走出去的民间组织", f"line {n}", summary=f"第 {n} 行") for n in (1, 5)]
    report = importing.import_records(library, records)
    assert report.added == 1 and report.duplicates[0].position == "line 5"
    assert report.duplicates[0].reason == "a repeat of “走出去的民间组织” earlier in this import (the same title)"
    assert [s.summary for s in all_stories(library)] == ["第 1 行"]


def test_merge_fills_empty_fields_and_adds_tags_and_people(library: Library) -> None:
    _story(library, url="https://example.org/a", source="人民日报")
    record = StoryRecord(
        TITLE,
        "record 1",
        url="https://example.org/a",
        source="新华网",
        summary="摘要",
        tags=("民生项目",),
        people=("王芳",),
    )
    report = importing.import_records(library, [record], on_duplicate=OnDuplicate.MERGE)
    assert report.added == 0 and report.duplicates[0].action == "merged"
    (story,) = all_stories(library)
    assert (story.source, story.summary) == ("人民日报", "摘要")  # what the library had wins; gaps are filled
    assert sorted(t.path for t in story.tags) == ["民生项目", "缅甸"] and [e.name for e in story.entities] == ["王芳"]
    assert [h.story.title for h in queries.search(library, "摘要").hits] == [TITLE]  # the index knows the merge


def test_merge_keeps_what_the_story_lacks_in_extra(library: Library) -> None:
    _story(library, url="https://example.org/a")
    record = StoryRecord("另一个标题", "line 2", url="http://example.org/a", extra={"备注": "第二来源"})
    importing.import_records(library, [record], on_duplicate=OnDuplicate.MERGE)
    (story,) = all_stories(library)
    assert story.extra == {"备注": "第二来源", "other_titles": ["另一个标题"]} and story.revision == 2


def test_add_imports_duplicates_anyway_and_says_so(library: Library) -> None:
    _story(library, url="https://example.org/a")
    record = StoryRecord(TITLE, "record 1", url="https://example.org/a")
    report = importing.import_records(library, [record], on_duplicate=OnDuplicate.ADD)
    assert report.added == 1 and report.duplicates[0].action == "added"
    assert len(all_stories(library)) == 2


def test_find_pairs_lists_likely_duplicates_already_in_the_library(library: Library) -> None:
    add = importing.import_records
    add(library, [StoryRecord(TITLE, "1", url="https://example.org/a", published="2018-12-07")])
    add(
        library,
        [StoryRecord("Other words entirely", "2", url="http://www.example.org/a/")],
        on_duplicate=OnDuplicate.ADD,
    )
    add(library, [StoryRecord(TITLE + "！", "3", published="2018-12-07")], on_duplicate=OnDuplicate.ADD)
    add(
        library,
        [StoryRecord("走出去", "4"), StoryRecord("走出去", "5", published="2020")],
        on_duplicate=OnDuplicate.ADD,
    )
    more = [StoryRecord("走出去", "6", url="https://x.org/1"), StoryRecord("走出去", "7", url="https://x.org/2")]
    add(library, more, on_duplicate=OnDuplicate.ADD)
    pairs = duplicates.find_pairs(library)
    described = {(p.first.title, p.second.title, p.reason) for p in pairs}
    assert described == {
        (TITLE, "Other words entirely", "the same web address"),
        (TITLE, TITLE + "！", "a 97% similar title on the same day"),
        ("走出去", "走出去", "the same title"),
    }
    same_title = [p for p in pairs if p.reason == "the same title"]
    assert len(same_title) == 5  # every two of 4-7 but 6 and 7: their addresses differ


def test_the_same_title_with_a_month_and_a_day_of_that_month_is_one_story(library: Library) -> None:
    _story(library, published="2019-05")
    incoming = [
        StoryRecord(TITLE, "record 1", published="2019-05-04"),  # (the day the month left open)
        StoryRecord(TITLE, "record 2", published="2019-06-04"),  # (another month: another story)
    ]
    report = importing.import_records(library, incoming)
    assert [(d.position, d.reason) for d in report.duplicates] == [
        ("record 1", f"already in the library as “{TITLE}” (the same title)")
    ]
    assert report.added == 1
    assert {p.reason for p in duplicates.find_pairs(library)} == set()  # (2019-05 and 2019-06-04 differ)
    assert duplicates._dates_agree("2019", "2019-06-04") and duplicates._dates_agree("", "2019-06")
    assert not duplicates._dates_agree("2019-1", "2019-10")  # (a prefix only at a component boundary)


#: Two papers of one day whose titles are 93% alike (rapidfuzz) by other
#: authors with other DOIs, as Zotero's CSL-JSON gives them.
TWO_PAPERS = [
    {
        "id": "myanmar-development",
        "type": "article-journal",
        "title": "Chinese NGOs in Myanmar: community development and the Belt and Road",
        "author": [{"family": "Zhang", "given": "Wei"}],
        "issued": {"date-parts": [[2019, 5, 28]]},
        "DOI": "10.1000/cdb.2019.17",
    },
    {
        "id": "myanmar-engagement",
        "type": "article-journal",
        "title": "Chinese NGOs in Myanmar: community engagement and the Belt and Road",
        "author": [{"family": "Li", "given": "Na"}, {"family": "Chen", "given": "Jie"}],
        "issued": {"date-parts": [[2019, 5, 28]]},
        "DOI": "10.1000/cdb.2019.18",
    },
]


def test_alike_titles_of_one_day_by_other_authors_with_other_dois_are_two_stories(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "zotero.json"
    path.write_text(json.dumps(TWO_PAPERS), encoding="utf-8")
    report = importing.import_files(library, [path])
    assert (report.added, report.duplicates) == (2, [])
    assert duplicates.find_pairs(library) == []
    # the same paper again, its DOI written as an address and its author name turned round: a duplicate,
    # and the report names the story it matched
    again = {**TWO_PAPERS[0], "title": TWO_PAPERS[0]["title"] + ".", "DOI": "https://doi.org/10.1000/CDB.2019.17"}
    again["author"] = [{"literal": "Wei Zhang"}]
    path.write_text(json.dumps([again]), encoding="utf-8")
    report = importing.import_files(library, [path])
    (duplicate,) = report.duplicates
    first = next(s for s in all_stories(library) if s.title == TWO_PAPERS[0]["title"])
    assert duplicate.reason == f"already in the library as “{first.title}” (a 99% similar title on the same day)"
    assert duplicate.matched == first.uuid and report.added == 0


def test_one_title_by_other_authors_is_two_stories_and_without_authors_one(library: Library) -> None:
    records = [
        StoryRecord("Editorial", "record 1", people=("Wang, Fang",)),
        StoryRecord("Editorial", "record 2", people=("Li, Wei",)),
        StoryRecord("Editorial", "record 3"),
    ]
    report = importing.import_records(library, records)
    assert report.added == 2 and [d.position for d in report.duplicates] == ["record 3"]
    assert [p.reason for p in duplicates.find_pairs(library)] == []
