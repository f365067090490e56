"""RIS import: vendor variants, partial dates, junk between records, a
broken record reported by line while the others come in."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngodesk.formats import parse_file, ris
from ngodesk.services import importing, queries
from ngodesk.store.library import Library
from tests.test_import import REALWORLD, all_stories

TWO_RECORDS = """Exported by SomeTool 3.1
Record #1 of 3

TY  - NEWS
T1  - 中国扶贫基金会在缅甸开展民生项目
JF  - 人民日报
Y1  - 2018/12/07/
AU  - 王芳
KW  - Region/Asia/Myanmar
KW  - 民生项目
UR  - //example.org/story
N1  - a note kept as extra
ER  -

junk line between records
TY  - JOUR
AB  - a record without any title
ER  -

TY  - ELEC
TI  - Silk Road NGO forum
PY  - 2019//
LA  - en
"""


def test_vendor_variants_map_to_story_fields() -> None:
    result = ris.parse(TWO_RECORDS)
    first, second = result.records
    assert (first.title, first.source, first.published, first.url) == (
        "中国扶贫基金会在缅甸开展民生项目",
        "人民日报",
        "2018-12-07",
        "https://example.org/story",
    )
    assert first.people == ("王芳",) and first.tags == ("Region/Asia/Myanmar", "民生项目")
    assert first.extra["ris_type"] == "NEWS" and "a note kept as extra" in str(first.extra)
    assert (second.title, second.published, second.language, second.position) == (
        "Silk Road NGO forum",
        "2019",
        "en",
        "line 20",
    )
    assert [(p.position, p.reason) for p in result.problems] == [("line 16", "the record has no title (TI, T1 or ST)")]


def test_an_ris_file_is_recognised_and_imports_the_good_records(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "export.txt"  # no .ris extension: recognised by content
    path.write_text(TWO_RECORDS, encoding="utf-8")
    report = importing.import_files(library, [path])
    assert report.formats[str(path)] == "ris" and report.added == 2
    assert [(p.position, p.reason) for p in report.problems] == [("line 16", "the record has no title (TI, T1 or ST)")]
    assert [h.story.title for h in queries.search(library, "person:王芳 tag:Myanmar").hits] == [
        "中国扶贫基金会在缅甸开展民生项目"
    ]


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is not here")
@pytest.mark.parametrize(
    ("name", "titles"),
    [
        ("rispy_example_utf_chars.ris", 1),
        ("rispy_example_extraneous_data.ris", 2),
        ("jabref_RisImporterTestScience.ris", 1),
    ],
)
def test_real_ris_files_import(library: Library, name: str, titles: int) -> None:
    used, result = parse_file(REALWORLD / "ris" / name)
    assert used == "ris" and len(result.records) == titles and not result.problems
    importing.import_files(library, [REALWORLD / "ris" / name])
    assert len(all_stories(library)) == titles


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["2016", "12", ""], "2016-12"),
        (["2016", "", "05"], "2016"),
        ([2020, 5, 2], "2020-05-02"),
        (["Null"], ""),
        (["2001", "00", "00", ""], "2001"),
        (["2001", "05", "00"], "2001-05"),
    ],
)
def test_partial_dates_stop_at_the_first_missing_part(parts: list[object], expected: str) -> None:
    from ngodesk.formats import partial_date

    assert partial_date(parts) == expected  # "2016//05" is not May 2016


#: EndNote-style records: the first has a second TY line before its ER
#: (its abstract, address and keywords follow it), the second a PY with
#: zero month and day.
TY_TWICE = """TY  - JOUR
AU  - Wang, Fang
AU  - Li, Wei
TI  - Chinese NGOs after the Nepal earthquake
JO  - China Nonprofit Review
PY  - 2016
TY  - ELEC
AB  - How Chinese NGOs organised relief in Nepal.
UR  - https://example.org/nepal-relief
KW  - Nepal
KW  - disaster relief
ER  -

TY  - RPRT
TI  - Going out: an early report
PY  - 2001/00/00/
ER  -
"""


def test_a_ty_line_before_the_records_er_does_not_start_a_new_record(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "endnote.ris"
    path.write_text(TY_TWICE, encoding="utf-8")
    report = importing.import_files(library, [path])
    assert (report.added, report.problems) == (2, [])
    assert [(w.position, w.reason) for w in report.warnings] == [
        ("line 1", "TY given 2 times before the record's ER (JOUR, ELEC); read as one record")
    ]
    nepal, early = all_stories(library)
    assert (nepal.summary, nepal.url, [t.path for t in nepal.tags]) == (
        "How Chinese NGOs organised relief in Nepal.",
        "https://example.org/nepal-relief",
        ["disaster relief", "Nepal"],
    )
    assert nepal.extra["ris_type"] == "JOUR" and nepal.extra["ris_types_as_given"] == ["JOUR", "ELEC"]
    assert (early.title, early.published) == ("Going out: an early report", "2001")  # 2001/00/00/ keeps its year
