"""The in-memory facet index counts exactly what SQL counts."""

from __future__ import annotations

import pytest

from ngodesk.domain.models import FacetKind, Filter
from ngodesk.services import facet_index, queries
from ngodesk.store.library import Library
from tests.test_search import zh_library  # noqa: F401 - fixture


@pytest.mark.parametrize("query", ["", "NGO", "基金会", "year:2015..2020", "tag:Asia", "-tag:Asia", "lang:zh OR Nepal"])
def test_index_counts_equal_sql_counts(zh_library: Library, query: str) -> None:  # noqa: F811
    index = facet_index.build(zh_library)
    expected = queries.facets(zh_library, query)
    counted = facet_index.count(index, queries.matching_ids(zh_library, query) if query else None)
    assert counted == expected


def test_index_counts_a_filtered_result_and_ignores_unknown_ids(zh_library: Library) -> None:  # noqa: F811
    index = facet_index.build(zh_library)
    asia = next(t.id for t in queries.tags(zh_library) if t.path == "Region/Asia")
    filters = [Filter(FacetKind.TAG, str(asia))]
    ids = queries.matching_ids(zh_library, "", filters)
    assert facet_index.count(index, [*ids.tolist(), 10**6]) == queries.facets(zh_library, "", filters)


def test_filters_alone_are_answered_by_the_index_like_sql(zh_library: Library) -> None:  # noqa: F811
    index = facet_index.build(zh_library)
    tags = {t.path: t.id for t in queries.tags(zh_library)}
    cfpa = next(e.id for e in queries.entities(zh_library) if e.name == "中国扶贫基金会")
    cases = [
        [],
        [Filter(FacetKind.TAG, str(tags["Region/Asia"]))],
        [Filter(FacetKind.TAG, str(tags["Region"]), exclude=True), Filter(FacetKind.YEAR, "")],
        [Filter(FacetKind.ENTITY, str(cfpa))],
        [Filter(FacetKind.LANGUAGE, "ZH")],
        [Filter(FacetKind.LANGUAGE, "fr")],
        [Filter(FacetKind.STATUS, "draft"), Filter(FacetKind.YEAR, "2015", exclude=True)],
    ]
    for filters in cases:
        ids, facets = facet_index.filtered(index, filters)
        assert ids.tolist() == queries.matching_ids(zh_library, "", filters).tolist(), filters
        assert facets == queries.facets(zh_library, "", filters), filters


def test_translation_states_are_counted_and_filtered_alike(zh_library: Library) -> None:  # noqa: F811
    from ngodesk.domain.models import Translation, TranslationStatus
    from ngodesk.services import translations

    first, second, third = queries.matching_ids(zh_library, "")[:3].tolist()
    translations.set_translations(zh_library, first, [Translation("title", "en", "One")])  # a draft
    done = [Translation(f, "en", "Two", TranslationStatus.REVIEWED) for f in ("title", "summary")]
    translations.set_translations(zh_library, second, done)
    mixed = [Translation("title", "en", "Three", TranslationStatus.REVIEWED), Translation("summary", "en", "3")]
    translations.set_translations(zh_library, third, [*mixed, Translation("title", "zh-Hant", "三")])
    facets = queries.facets(zh_library, "")
    assert facets.translations == {"en:draft": 2, "en:reviewed": 1, "zh-hant:draft": 1}
    index = facet_index.build(zh_library)
    assert facet_index.count(index, None) == facets
    for filters, expected in (
        ([Filter(FacetKind.TRANSLATION, "en:draft")], {first, third}),
        ([Filter(FacetKind.TRANSLATION, "en:reviewed")], {second}),
        (
            [Filter(FacetKind.TRANSLATION, "en:draft", exclude=True), Filter(FacetKind.TRANSLATION, "zh-Hant:draft")],
            set(),
        ),
    ):
        ids, counted = facet_index.filtered(index, filters)
        assert set(ids.tolist()) == set(queries.matching_ids(zh_library, "", filters).tolist()) == expected
        assert counted == queries.facets(zh_library, "", filters)


def test_each_kind_of_record_has_its_own_top_records(library: Library) -> None:
    from ngodesk.domain.models import EntityKind
    from ngodesk.services import stories

    people = [(EntityKind.PERSON, f"Delegate {n:03}") for n in range(2 * facet_index.TOP_RECORDS + 40)]
    for day in range(2):
        stories.create_story(library, {"title": f"Forum day {day}"}, link=people)
    stories.create_story(library, {"title": "CFPA in Myanmar"}, link=[(EntityKind.ORGANISATION, "CFPA")])
    index = facet_index.build(library)
    counted = facet_index.count(index, None)
    assert counted == queries.facets(library, "")  # (the SQL counts name the same records)
    top = counted.top_records
    cfpa = next(e.id for e in queries.entities(library, EntityKind.ORGANISATION))
    assert top[EntityKind.ORGANISATION] == (cfpa,)
    assert len(top[EntityKind.PERSON]) == facet_index.TOP_RECORDS and EntityKind.PLACE not in top
    assert list(top[EntityKind.PERSON]) == sorted(top[EntityKind.PERSON])  # (ties: the older record first)
