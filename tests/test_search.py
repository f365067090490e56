"""Search as a user sees it: Chinese substrings, scripts and widths,
English folding and stems, the query language and its error messages."""

from __future__ import annotations

import pytest

from ngodesk.domain.errors import QueryError
from ngodesk.domain.models import FacetKind, Filter
from ngodesk.services import queries, stories
from ngodesk.store.library import Library

SILK_ROAD = "Second “Silk Road NGO Cooperation Network Forum” held in Beijing"
SEMINAR = "Seminar on Chinese NGOs “going out” successfully held in Tsinghua University"


def titles(library: Library, query: str) -> set[str]:
    return {hit.story.title for hit in queries.search(library, query, limit=100).hits}


@pytest.fixture
def zh_library(sample_library: Library) -> Library:
    stories.create_story(
        sample_library,
        {
            "title": "中国扶贫基金会在缅甸开展民生项目",
            "summary": "中国，国家之间的合作。",
            "published": "2018-12-07",
            "language": "zh",
        },
        ["Region/Asia/Myanmar"],
        [("organisation", "中国扶贫基金会"), ("place", "缅甸")],
    )
    stories.create_story(
        sample_library,
        {
            "title": "臺灣慈濟基金會 assists Nepal",
            "summary": "Café volunteers (ＮＧＯ) in Kathmandu",
            "published": "2015-05",
        },
        ["Region/Asia/Nepal"],
        [("person", "Wu Peng")],
    )
    return sample_library


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("丝路", {SILK_ROAD}),  # 2 characters inside a longer run
        ("絲路", {SILK_ROAD}),  # traditional form of the same
        ("一家亲", {SILK_ROAD}),
        ("丝", {SILK_ROAD}),  # 1 character, at the start of a run
        ("基", {"中国扶贫基金会在缅甸开展民生项目", "臺灣慈濟基金會 assists Nepal"}),  # inside runs
        ("亲", {SILK_ROAD}),  # 1 character, at the end of a run
        ("走出去", {SEMINAR}),
        ("民生项目", {SILK_ROAD, "中国扶贫基金会在缅甸开展民生项目"}),
    ],
)
def test_chinese_substrings_of_any_length(zh_library: Library, query: str, expected: set[str]) -> None:
    assert titles(zh_library, query) == expected


def test_traditional_and_simplified_find_each_other(zh_library: Library) -> None:
    assert titles(zh_library, "扶貧基金會") == {"中国扶贫基金会在缅甸开展民生项目"}
    assert titles(zh_library, "台湾慈济") == {"臺灣慈濟基金會 assists Nepal"}


def test_chinese_words_do_not_match_across_punctuation(zh_library: Library) -> None:
    # "中国，国家" holds 中国 and 国家 but not the word 中国家
    assert titles(zh_library, "中国家") == set()
    assert "中国扶贫基金会在缅甸开展民生项目" in titles(zh_library, "国家")


def test_full_width_and_half_width_match(zh_library: Library) -> None:
    assert titles(zh_library, "NGO kathmandu") == {"臺灣慈濟基金會 assists Nepal"}
    assert titles(zh_library, "ｋａｔｈｍａｎｄｕ") == {"臺灣慈濟基金會 assists Nepal"}


def test_english_case_accents_and_stems_fold(zh_library: Library) -> None:
    assert titles(zh_library, "cafe") == {"臺灣慈濟基金會 assists Nepal"}
    assert titles(zh_library, "CAFÉ") == {"臺灣慈濟基金會 assists Nepal"}
    ngo = titles(zh_library, "NGO")
    assert ngo == titles(zh_library, "NGOs") == titles(zh_library, "ngos")
    assert SEMINAR in ngo and len(ngo) >= 9
    assert "Designing “Lion Lights” for Kenya: a Beijing High Schooler’s Dream for Conservation" in titles(
        zh_library, "lion"
    )


def test_words_phrases_exclusion_and_or(zh_library: Library) -> None:
    both = titles(zh_library, "Kenya lions")
    assert both == {"Designing “Lion Lights” for Kenya: a Beijing High Schooler’s Dream for Conservation"}
    assert titles(zh_library, '"going out" Tsinghua') == {SEMINAR}
    assert titles(zh_library, '"out going"') == set()
    assert SEMINAR not in titles(zh_library, "NGOs -Tsinghua")
    assert titles(zh_library, "NGOs -Tsinghua") | {SEMINAR} == titles(zh_library, "NGOs") | {SEMINAR}
    assert titles(zh_library, "Kenya OR Nepal") == titles(zh_library, "Kenya") | titles(zh_library, "Nepal")
    assert titles(zh_library, "-NGO") & titles(zh_library, "NGO") == set()
    assert len(titles(zh_library, "-NGO")) + len(titles(zh_library, "NGO")) == 15


def test_field_filters(zh_library: Library) -> None:
    myanmar = "中国扶贫基金会在缅甸开展民生项目"
    nepal = "臺灣慈濟基金會 assists Nepal"
    assert titles(zh_library, "tag:Asia") == {myanmar, nepal}  # a parent tag includes its children
    assert titles(zh_library, "tag:Region/Asia/Nepal") == {nepal}
    assert titles(zh_library, 'tag:"chinese ngos going out"') == titles(zh_library, "") - {myanmar, nepal}
    assert titles(zh_library, "org:扶贫") == {myanmar}
    assert titles(zh_library, "org:扶貧") == {myanmar}
    assert titles(zh_library, "place:缅甸") == {myanmar}
    assert titles(zh_library, "person:peng") == {nepal}
    assert titles(zh_library, "lang:zh") == {myanmar}
    assert titles(zh_library, "year:2018") == {myanmar}
    assert titles(zh_library, "year:2010..2016") == {nepal}
    assert titles(zh_library, "date:2018-12") == {myanmar}
    assert titles(zh_library, "date:2018-01..2018-06") == set()
    assert titles(zh_library, "date:..2016") == {nepal}
    assert len(titles(zh_library, "-year:2018")) == 14  # undated stories are not in 2018
    assert titles(zh_library, "status:draft") == titles(zh_library, "")
    assert titles(zh_library, "status:reviewed") == set()
    assert titles(zh_library, "title:Wu") == {"Wu Peng: Bringing the Chinese Experience to the World"}
    assert titles(zh_library, "民生 tag:Asia") == {myanmar}
    assert titles(zh_library, "tag:Asia tag:Nepal") == {nepal}  # two tag filters in one query
    assert titles(zh_library, "tag:Myanmar OR tag:Nepal") == {myanmar, nepal}


def test_source_is_matched_like_text(zh_library: Library) -> None:
    created = stories.create_story(zh_library, {"title": "Relief in Nepal", "source": "新華社 Xinhua News Agency"})
    for query in ("source:新华社", "source:新華", "source:XINHUA", 'source:"news agency"', "source:xinhua Nepal"):
        assert titles(zh_library, query) == {"Relief in Nepal"}, query
    assert titles(zh_library, "source:Reuters") == set()
    assert created.id not in queries.matching_ids(zh_library, "-source:xinhua")


@pytest.mark.parametrize(
    ("pasted", "same_as"),
    [
        ("NGOs - Tsinghua", "NGOs Tsinghua"),  # a dash between words is punctuation
        ("NGOs – Tsinghua ！", "NGOs Tsinghua"),
        ("Seminar: Tsinghua", "Seminar Tsinghua"),  # a word ending in ':' is not a field
        ("(Tsinghua -)", "Tsinghua"),
        ("Tsinghua OR ！", "Tsinghua"),
        ("Kenya\u3000NGO", "Kenya NGO"),  # an ideographic space separates words
    ],
)
def test_pasted_text_with_punctuation_searches_its_words(zh_library: Library, pasted: str, same_as: str) -> None:
    assert titles(zh_library, pasted) == titles(zh_library, same_as)
    assert titles(zh_library, same_as)


def test_is_untagged(zh_library: Library) -> None:
    stories.create_story(zh_library, {"title": "A story without tags"})
    assert titles(zh_library, "is:untagged") == {"A story without tags"}


def test_results_are_ranked_and_counted(zh_library: Library) -> None:
    page = queries.search(zh_library, "NGO", limit=3)
    assert page.total >= 9 and len(page.hits) == 3
    scores = [hit.score for hit in page.hits]
    assert scores == sorted(scores, reverse=True)
    # a title hit outranks a passing mention in a summary
    page = queries.search(zh_library, "Tsinghua")
    assert page.hits[0].story.title == SEMINAR


def test_stories_with_more_of_the_words_in_their_title_come_first_then_the_newest(library: Library) -> None:
    def add(title: str, summary: str = "", body: str = "") -> None:
        stories.create_story(library, {"title": title, "summary": summary, "body": body})

    add("Summary mention", summary="Kenya")
    add("Old Kenya story")
    add("Body mention", body="Flood relief in Kenya and a long report about water")
    add("Kenya water wells")
    add("New Kenya story")
    add("Water only", summary="wells")

    def ranked(query: str) -> list[str]:
        return [hit.story.title for hit in queries.search(library, query, limit=10).hits]

    assert ranked("kenya") == [
        "New Kenya story",
        "Kenya water wells",
        "Old Kenya story",
        "Body mention",
        "Summary mention",
    ]
    assert ranked("kenya water") == ["Kenya water wells", "Body mention"]
    assert ranked("kenya OR water") == [
        "Kenya water wells",  # both words in the title
        "Water only",
        "New Kenya story",
        "Old Kenya story",
        "Body mention",
        "Summary mention",
    ]
    # a term limited to a field matches in that field only; the newest first
    assert ranked("title:kenya") == ["New Kenya story", "Kenya water wells", "Old Kenya story"]


def test_snippets_highlight_the_hit_in_the_original_text(zh_library: Library) -> None:
    hit = queries.search(zh_library, "絲路").hits[0]
    assert "[丝路]一家亲" in hit.snippet
    hit = queries.search(zh_library, "kathmandu").hits[0]
    assert "[Kathmandu]" in hit.snippet
    hit = queries.search(zh_library, "NGOs").hits[0]
    assert "[NGO" in hit.snippet


def test_the_index_follows_edits_and_deletes(zh_library: Library) -> None:
    created = stories.create_story(zh_library, {"title": "Temporary 志愿者 story"})
    assert titles(zh_library, "志愿") == {"Temporary 志愿者 story"}
    stories.edit_story(zh_library, created.id, {"title": "Renamed 医疗队 story"})
    assert titles(zh_library, "志愿") == set()
    assert titles(zh_library, "医疗") == {"Renamed 医疗队 story"}
    stories.delete_stories(zh_library, [created.id])
    assert titles(zh_library, "医疗") == set()
    assert queries.check(zh_library) == []


@pytest.mark.parametrize(
    ("query", "message", "column"),
    [
        ('"going out', "no closing quote", 1),
        ("NGO OR", "needs a search term after it", 5),
        ("OR NGO", "needs a search term before it", 1),
        ("(NGO Kenya", "never closed", 1),
        ("NGO)", "Unmatched ')'", 4),
        ("colour:red", "Unknown field 'colour:'", 1),
        ("tag:", "needs a value", 1),
        ("status:finished", "status is one of draft, catalogued, reviewed", 1),
        ("year:2018-05", "years only", 1),
        ("date:2018-13", "month must be 01-12", 1),
        ("date:2019..2018", "ends before it starts", 1),
        ("is:lost", "is:untagged", 1),
        ("NGO -OR Kenya", "must be followed by what to exclude", 5),
        ("(" * 41 + "NGO" + ")" * 41, "nests too deeply", 41),
        ("-" * 100 + "NGO", "nests too deeply", 41),
        ("NGO \udcff", "not valid UTF-8", 5),
        ("()", "Empty parentheses", 1),
        ("！！", "no letters or digits", 1),
    ],
)
def test_malformed_queries_explain_themselves(sample_library: Library, query: str, message: str, column: int) -> None:
    with pytest.raises(QueryError, match=message.replace("(", r"\(").replace(")", r"\)")) as caught:
        queries.search(sample_library, query)
    assert caught.value.position == column - 1
    assert f"column {column}" in str(caught.value)


@pytest.mark.parametrize("query", ['"NGO" AND "', "NEAR(a b)", "a* b", "^title", "x:", '"""', "*", "{title}: x"])
def test_fts_syntax_in_user_input_never_reaches_sqlite_raw(sample_library: Library, query: str) -> None:
    try:
        queries.search(sample_library, query)
    except QueryError:
        pass  # a clear message is fine; an SQL error is not


def test_many_matches_rank_the_newest_candidates_and_count_all(
    zh_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ngodesk.search import engine

    everything = queries.search(zh_library, "NGO", limit=100)
    monkeypatch.setattr(engine, "RANK_CAP", 3)
    capped = queries.search(zh_library, "NGO", limit=100)
    assert capped.total == everything.total >= 9  # the count is exact
    newest = sorted((hit.story.id for hit in everything.hits), reverse=True)[:3]
    assert sorted(hit.story.id for hit in capped.hits[:3]) == sorted(newest)  # only these are ranked
    scores = [hit.score for hit in capped.hits[:3]]
    assert scores == sorted(scores, reverse=True)
    pages = [queries.search(zh_library, "NGO", limit=2, offset=start).hits for start in range(0, 20, 2)]
    paged = [hit.story.id for page in pages for hit in page]
    assert paged == [hit.story.id for hit in capped.hits]  # past the candidates, older matches follow
    assert sorted(paged) == sorted(hit.story.id for hit in everything.hits)
    assert paged[3:] == sorted(paged[3:], reverse=True)
    ids = queries.matching_ids(zh_library, "NGO").tolist()  # the list shows every match once
    assert sorted(ids) == sorted(hit.story.id for hit in everything.hits)
    assert ids == paged


def test_sidebar_filters_combine_with_the_query_and_counts_follow(zh_library: Library) -> None:
    ids = {t.path: t.id for t in queries.tags(zh_library)}
    asia = Filter(FacetKind.TAG, str(ids["Region/Asia"]))
    facets = queries.facets(zh_library, "", [asia])
    assert facets.total == 2
    assert (facets.tags[ids["Region"]], facets.tags[ids["Region/Asia/Nepal"]]) == (2, 1)  # parents count children
    assert facets.tags.get(ids["Chinese NGOs Going Out"], 0) == 0
    assert facets.years == {"2018": 1, "2015": 1} and facets.languages == {"zh": 1, "": 1}
    not_asia = Filter(FacetKind.TAG, str(ids["Region/Asia"]), exclude=True)
    assert len(queries.matching_ids(zh_library, "", [not_asia])) == 13
    assert queries.facets(zh_library, "基金会", [not_asia]).total == 0
    undated = queries.facets(zh_library, "NGO", [Filter(FacetKind.YEAR, "")])
    assert undated.total == len(titles(zh_library, "NGO")) - 1 and undated.years.keys() == {""}  # not Nepal, 2015
    cfpa = next(e for e in queries.entities(zh_library) if e.name == "中国扶贫基金会")
    by_record = [Filter(FacetKind.ENTITY, str(cfpa.id)), Filter(FacetKind.LANGUAGE, "ZH")]
    first = queries.matching_ids(zh_library, "", by_record)[0]
    assert queries.get_story(zh_library, int(first)).title.startswith("中国扶贫")
    assert queries.facets(zh_library, "", [Filter(FacetKind.STATUS, "reviewed")]).total == 0


@pytest.mark.parametrize("strategy", ["probe", "walk", "sort"])
@pytest.mark.parametrize(
    "query",
    [
        "NGO",
        "tag:Asia",
        "-tag:Asia",
        "year:2015..2020",
        "is:untagged",
        "NGO tag:Region -year:2015",
        "org:扶贫",
        "org:扶贫 tag:Asia",
        "基金会 place:缅甸",
    ],
)
def test_a_first_page_is_the_start_of_the_whole_list(
    zh_library: Library, query: str, strategy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a page probes each row, or reads small id sets first (whole, or sorted
    # when tiny: chosen by their size); the whole list builds id sets: same answer
    from ngodesk.search import engine

    every = queries.matching_ids(zh_library, query).tolist()
    monkeypatch.setattr(engine, "_page_strategy", lambda session, p: strategy)
    for size in (1, 3, 50):
        assert queries.matching_ids(zh_library, query, limit=size).tolist() == every[:size]


def test_a_pasted_label_like_note_is_text_not_a_field(sample_library: Library) -> None:
    # ("note:" is a field, but "Note: " with a space after it is a label pasted with the text)
    found = queries.matching_ids(sample_library, "Note: NGOs").tolist()
    assert len(found) == 1 and found == queries.matching_ids(sample_library, "note NGOs").tolist()


def test_minus_signs_in_a_row_cancel_out_however_many(sample_library: Library) -> None:
    def found(query: str) -> list[int]:
        return sorted(queries.matching_ids(sample_library, query).tolist())

    everything, ngos = found(""), found("NGOs")
    assert found("--NGOs") == ngos
    assert found("---NGOs") == found("-NGOs") == sorted(set(everything) - set(ngos))
    assert found("-" * 30 + "NGOs") == ngos  # (was one nested subquery per sign: SQLite's parser gave up at ~11)
    assert found("-(-(NGOs))") == ngos
    with pytest.raises(QueryError, match="nests too deeply"):  # (more than the query language's depth: said)
        found("-" * 200 + "NGOs")
