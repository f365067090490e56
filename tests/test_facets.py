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
