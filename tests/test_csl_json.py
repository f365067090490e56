"""CSL-JSON import: dates in every shape, names, keywords, unmapped data
kept, items without a title reported by number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ngodesk.formats import csl_json, parse_file
from ngodesk.services import importing
from ngodesk.store.library import Library
from tests.test_import import REALWORLD, all_stories

ITEMS = [
    {
        "id": "a",
        "type": "article-newspaper",
        "title": "中国扶贫基金会在缅甸开展民生项目",
        "container-title": "人民日报",
        "issued": {"date-parts": [["2018", "12", "7"], ["2018", "12", "9"]]},
        "author": [{"family": "王", "given": "芳"}, {"literal": "Xinhua"}],
        "keyword": "民生项目; Myanmar, aid",
        "URL": "https://example.org/a",
        "volume": "3",
    },
    {"id": "b", "type": "webpage", "title": "Silk Road NGO forum", "issued": {"raw": "2019/5"}, "language": "en"},
    {"id": "c", "type": "webpage", "note": "no title here"},
    {"id": "d", "type": "report", "title": "Annual report", "issued": {"date-parts": [[2020]]}},
]


def test_items_map_to_story_fields() -> None:
    result = csl_json.parse(json.dumps(ITEMS, ensure_ascii=False))
    first, second, third = result.records
    assert (first.source, first.published, first.people, first.tags, first.url) == (
        "人民日报",
        "2018-12-07",
        ("王芳", "Xinhua"),  # Chinese family, given written together
        ("民生项目", "Myanmar, aid"),  # (with semicolons, commas are inside keywords: see formats.split_list)
        "https://example.org/a",
    )
    assert first.extra == {
        "id": "a",
        "type": "article-newspaper",
        "volume": "3",
        "issued_as_given": {"date-parts": [["2018", "12", "7"], ["2018", "12", "9"]]},
    }
    assert first.warnings == (
        "date range 2018-12-07/2018-12-09: its start kept as the date, the range in extra as issued_as_given",
    )
    assert (second.published, second.language, third.published) == ("2019-05", "en", "2020")
    assert [(p.position, p.reason) for p in result.problems] == [("record 3", "the item has no title")]


def test_a_csl_file_is_recognised_by_content(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "zotero export"
    path.write_text(json.dumps(ITEMS, ensure_ascii=False), encoding="utf-8")
    report = importing.import_files(library, [path])
    assert report.formats[str(path)] == "csl-json" and report.added == 3 and len(report.problems) == 1


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is not here")
@pytest.mark.parametrize(
    ("name", "count"), [("bbt_deterministic_ordering_1178_1400.csl.json", 26), ("bbt_zh-tw_standard_2212.csl.json", 1)]
)
def test_real_csl_files_import(library: Library, name: str, count: int) -> None:
    used, result = parse_file(REALWORLD / "csl_json" / name)
    assert used == "csl-json" and len(result.records) == count and not result.problems
    importing.import_files(library, [REALWORLD / "csl_json" / name])
    assert len(all_stories(library)) == count


#: Zotero's CSL-JSON for a classical text, an undated photograph and a
#: conference: a year before the year 1, an approximate date, a range.
ODD_DATES = [
    {
        "id": "politics",
        "type": "book",
        "title": "Politics",
        "author": [{"literal": "Aristotle"}],
        "issued": {"date-parts": [[-334]]},
    },
    {
        "id": "photo",
        "type": "graphic",
        "title": "The first aid team in Laos",
        "issued": {"date-parts": [[1965]], "circa": True},
    },
    {
        "id": "forum",
        "type": "paper-conference",
        "title": "Silk Road NGO Cooperation Network Forum",
        "issued": {"date-parts": [["2019", "5", "28"], ["2019", "5", "29"]]},
    },
    {"id": "plain", "type": "article-newspaper", "title": "A plain date", "issued": {"date-parts": [[2019, 5, 28]]}},
]


def test_dates_before_the_year_1_ranges_and_circa_are_kept_as_given_and_reported(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "zotero.json"
    path.write_text(json.dumps(ODD_DATES), encoding="utf-8")
    report = importing.import_files(library, [path])
    assert (report.added, report.problems) == (4, [])
    assert [(w.position, w.reason) for w in report.warnings] == [
        (
            "record 1",
            "date -334 cannot be a story's date; kept as given in extra as issued_as_given, the story undated",
        ),
        ("record 2", "date circa 1965 is approximate: kept as 1965, as given in extra as issued_as_given"),
        (
            "record 3",
            "date range 2019-05-28/2019-05-29: its start kept as the date, the range in extra as issued_as_given",
        ),
    ]
    stories = {s.title: s for s in all_stories(library)}
    assert (stories["Politics"].published, stories["Politics"].extra["issued_as_given"]) == (
        "",
        {"date-parts": [[-334]]},
    )
    assert stories["The first aid team in Laos"].published == "1965"
    assert stories["The first aid team in Laos"].extra["issued_as_given"] == {"date-parts": [[1965]], "circa": True}
    assert stories["Silk Road NGO Cooperation Network Forum"].published == "2019-05-28"
    assert "issued_as_given" not in stories["A plain date"].extra


def test_a_keyword_holding_commas_written_the_mendeley_way_stays_one_tag(library: Library, tmp_path: Path) -> None:
    """Pandoc and citation.js carry a Mendeley ``keywords`` field into CSL's
    ``keyword`` string as it was; a list of keywords stays a list."""
    items = [
        {
            "id": "a",
            "type": "article-journal",
            "title": "Contractors",
            "keyword": "Industry, Mining, Construction,Water",
        },
        {
            "id": "b",
            "type": "article-journal",
            "title": "Wells",
            "keyword": ["Industry, Mining, Construction", "Water"],
        },
        {"id": "c", "type": "article-journal", "title": "Schools", "keyword": "Education, Nepal"},
    ]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    report = importing.import_files(library, [path])
    tags = {s.title: sorted(t.path for t in s.tags) for s in all_stories(library)}
    assert tags == {
        "Contractors": ["Industry, Mining, Construction", "Water"],
        "Wells": ["Industry, Mining, Construction", "Water"],
        "Schools": ["Education", "Nepal"],
    }
    assert [w.position for w in report.warnings] == ["record 1"]
