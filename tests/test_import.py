"""The sample listing importer and the import service's guarantees."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from ngodesk.domain.errors import ImportFailed
from ngodesk.formats import cdb_listing
from ngodesk.services import importing, queries
from ngodesk.services.library import import_sample
from ngodesk.store.library import Library
from ngodesk.store.schema import Story
from tests.conftest import SAMPLE

SAMPLE_TITLES = [
    "Designing “Lion Lights” for Kenya: a Beijing High Schooler’s Dream for Conservation",
    "China Red Cross donates $100,000 to Sri Lanka victims",
    "Second “Silk Road NGO Cooperation Network Forum” held in Beijing",
    "Wu Peng: Bringing the Chinese Experience to the World",
    "An Overview of Chinese Foreign Aid: a Rising Player in Need of Improvement",
    "Chinese NGOs have responded to over 20 international disasters and emergencies, finds conference",
    "Chinese NGOs Working Abroad: the Top Ten Stories of 2018",
    "Ten Important Developments for China’s Foreign Aid in 2018",
    "Panel Discussion: how can International NGOs Help Chinese ones to “Go Out”?",
    "A roundup on Chinese NGOs going out",
    "Call for NGOs to be included in China’s foreign aid framework",
    "Seminar on Chinese NGOs “going out” successfully held in Tsinghua University",
    "Experts urge further cooperation among NGOs in the Lancang-Mekong region",
]


def all_stories(library: Library) -> list:
    """Every story, in the order the story list shows them."""
    return queries.stories(library, queries.matching_ids(library, "").tolist())


def test_sample_imports_as_exactly_thirteen_stories(library: Library) -> None:
    report = import_sample(library)
    assert report.added == 13 and report.problems == [] and report.duplicates == []
    views = all_stories(library)
    assert [v.title for v in views] == SAMPLE_TITLES
    assert all([t.path for t in v.tags] == ["Chinese NGOs Going Out"] for v in views)
    assert all(v.language == "en" and v.status.value == "draft" for v in views)


def test_read_more_markers_become_an_ellipsis(library: Library) -> None:
    import_sample(library)
    red_cross = next(v for v in all_stories(library) if v.title.startswith("China Red Cross"))
    assert red_cross.summary.endswith("support the protection…")
    assert "read more" not in red_cross.summary
    assert red_cross.extra == {"summary_truncated": True}
    wu = next(v for v in all_stories(library) if v.title.startswith("Wu Peng"))
    assert wu.summary.startswith("The China Foundation for Poverty Alleviation") and wu.extra == {}


def test_editors_notes_stay_in_the_story(library: Library) -> None:
    import_sample(library)
    experts = all_stories(library)[-1]
    assert experts.summary.startswith("Editor’s Note This article was originally published by China Watch")


def test_importing_twice_adds_nothing(library: Library) -> None:
    import_sample(library)
    report = import_sample(library)
    assert report.added == 0 and len(report.duplicates) == 13
    assert "already in the library" in report.duplicates[0].reason
    assert len(all_stories(library)) == 13


def test_featured_repeats_become_one_story_with_the_full_title() -> None:
    text = (
        "Keyword: Aid; 援助\n\n"
        "Panel: how can NGOs help to\n\n"
        "Panel: how can NGOs help to “Go Out”?\n\n"
        "A long summary of the panel that has enough words to be a summary.\n\n"
        "China's Aid in 2018\n\n"
        "China’s Aid in 2018\n\n"
        "Another summary with enough words to count as one …read more\n\n"
        "Editor's Note: this paragraph continues the summary of the story above.\n\n"
        "Keyword: Other\n\n"
        "A title without a summary\n"
    )
    result = cdb_listing.parse(text)
    assert [r.title for r in result.records] == [
        "Panel: how can NGOs help to “Go Out”?",
        "China’s Aid in 2018",
        "A title without a summary",
    ]
    assert result.records[0].tags == ("Aid", "援助") and result.records[2].tags == ("Other",)
    assert result.records[1].summary.endswith(
        "to count as one…\n\nEditor's Note: this paragraph continues the summary of the story above."
    )
    assert result.records[0].position == "line 3" and result.problems == []


def test_text_before_any_title_is_reported_with_its_line() -> None:
    result = cdb_listing.parse(
        "Keyword: X\n\n\nThis paragraph is a summary without any title above it at all.\n\nTitle\n"
    )
    assert [p.position for p in result.problems] == ["line 4"]
    assert [r.title for r in result.records] == ["Title"]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def story_count(library: Library) -> int:
    with library.read() as session:
        return session.scalar(select(func.count()).select_from(Story)) or 0


def test_undecodable_file_is_refused_naming_file_and_line(library: Library, tmp_path: Path) -> None:
    bad = write(tmp_path, "junk.txt", b"Keyword: x\n\n\x81\x8d\x8f\x90\x9d broken\n")
    with pytest.raises(ImportFailed, match=r"junk\.txt: not UTF-8 \(line 3, byte 12\) and not recognisably GBK"):
        importing.import_files(library, [SAMPLE, bad])
    assert story_count(library) == 0  # the good file was not imported either


@pytest.mark.parametrize(
    ("encoding", "title"),
    [
        ("gbk", "中国扶贫基金会在缅甸开展民生项目"),
        ("big5", "臺灣慈濟基金會援助尼泊爾災民重建家園"),
        ("utf-16", "丝路一家亲"),
    ],
)
def test_legacy_chinese_and_utf16_files_are_read_as_what_they_are(
    library: Library, tmp_path: Path, encoding: str, title: str
) -> None:
    text = f"Keyword: 公益\n\n{title}\n"
    path = write(tmp_path, f"{encoding}.txt", text.encode(encoding))
    importing.import_files(library, [path])
    (story,) = all_stories(library)
    assert story.title == title and [t.path for t in story.tags] == ["公益"]


REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is not here")
@pytest.mark.parametrize(
    ("name", "encoding", "expected"),
    [
        ("bibtex/bibtexparser_gbk_test_zh.bib", "gb18030", "凯撒"),
        ("rss_atom/rssparser_encoding-gb2312_qq_tech_zh.xml", "gb18030", "互联网"),
        ("rss_atom/rssparser_uolNoticias_latin1_nodecl.rss", "cp1252", "simulações"),
        ("tbx_glossary/omegat_glossary_testUTF16LE.txt", "utf-16", "\t"),
        ("ris/rispy_example_utf_chars.ris", "utf-8", "Состояние"),
    ],
)
def test_real_files_in_other_encodings_decode(name: str, encoding: str, expected: str) -> None:
    from ngodesk.formats.encoding import decode

    text, used = decode((REALWORLD / name).read_bytes(), name)
    assert used == encoding and expected in text


def test_binary_and_unknown_files_are_refused(library: Library, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="binary"):
        importing.import_files(library, [write(tmp_path, "x.txt", b"Keyword: a\x00\x01\x02")])
    with pytest.raises(ImportFailed, match="cannot tell what format it is in"):
        importing.import_files(library, [write(tmp_path, "x.dat", b"a,b\n1,2\n")])
    table = importing.import_files(library, [write(tmp_path, "x.csv", b"a,b\n1,2\n")])  # a table, by its name
    assert table.problems[0].reason.startswith("no column holds the title")
    with pytest.raises(ImportFailed, match="cannot read"):
        importing.import_files(library, [tmp_path / "missing.txt"])
    assert story_count(library) == 0


def test_utf16_and_bom_files_import(library: Library, tmp_path: Path) -> None:
    text = (
        "Keyword: 公益\r\n\r\n中国扶贫基金会在缅甸\r\n\r\n"
        "中国扶贫基金会在缅甸开展民生项目，帮助当地村民改善生活条件。\r\n"
    )
    path = write(tmp_path, "u16.txt", text.encode("utf-16"))
    report = importing.import_files(library, [path])
    assert report.added == 1
    view = all_stories(library)[0]
    assert view.title == "中国扶贫基金会在缅甸" and view.language == "zh" and [t.path for t in view.tags] == ["公益"]


def test_strict_import_of_a_file_with_problems_imports_nothing(library: Library, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "p.txt",
        b"Keyword: X\n\nThis is body text with no title above it, so it is a problem.\n\nGood title\n",
    )
    with pytest.raises(ImportFailed, match=r"p\.txt, line 3: text without a story title"):
        importing.import_files(library, [path], strict=True)
    assert story_count(library) == 0
    report = importing.import_files(library, [path])
    assert report.added == 1 and [p.position for p in report.problems] == ["line 3"]


def records(count: int, bad: int | None = None) -> list:
    from ngodesk.domain.models import StoryRecord

    return [
        StoryRecord(
            title=f"第{i}个故事 Story {i}",
            position=f"record {i}",
            summary=f"中國扶貧基金會 volunteers {i}",
            published=f"2019-{i % 12 + 1:02d}",
            url="javascript:alert(1)" if i == bad else "",
            tags=(f"Batch/{i % 3}",),
            organisations=("中国扶贫基金会",),
        )
        for i in range(count)
    ]


def test_parallel_import_matches_a_serial_one(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "PARALLEL_MIN", 10)
    monkeypatch.setattr(importing, "CHUNK", 7)
    report = importing.import_records(library, records(40), "batch", parallel=True)
    assert report.added == 40 and report.problems == []
    from ngodesk.services.library import open_library

    with open_library(tmp_path / "serial") as serial:
        importing.import_records(serial, records(40), "batch")
        for lib in (library, serial):
            page = queries.search(lib, "扶贫 tag:Batch/1", limit=100)
            assert page.total == 13
        assert {v.title for v in all_stories(library)} == {v.title for v in all_stories(serial)}
    assert queries.check(library) == []
    assert [e.story_count for e in queries.entities(library)] == [40]


def test_a_bad_record_is_reported_or_under_strict_aborts_everything(library: Library) -> None:
    with pytest.raises(ImportFailed, match=r"batch, record 5: url: 'javascript:alert\(1\)' is not a web address"):
        importing.import_records(library, records(12, bad=5), "batch", strict=True)
    assert story_count(library) == 0 and queries.tags(library) == []
    report = importing.import_records(library, records(12, bad=5), "batch")
    assert report.added == 11 and [(p.position, p.file) for p in report.problems] == [("record 5", "batch")]


def test_plain_text_that_is_not_a_listing_is_not_guessed(library: Library, tmp_path: Path) -> None:
    glossary = write(tmp_path, "glossary.txt", "走出去\tgoing out\n民生项目\tlivelihood projects\n".encode("utf-16"))
    with pytest.raises(ImportFailed, match="cannot tell what format it is in"):
        importing.import_files(library, [glossary])
    assert story_count(library) == 0


def test_dates_that_cannot_be_read_are_kept_and_the_story_imported(library: Library) -> None:
    from ngodesk.domain.models import StoryRecord

    odd = StoryRecord("日期不明的报道", "record 1", published="Spring 2019", warnings=("url: two addresses",))
    report = importing.import_records(library, [odd, StoryRecord("A plain one", "record 2")])
    assert report.added == 2 and not report.problems
    assert [(w.position, w.reason) for w in report.warnings] == [
        ("record 1", "url: two addresses"),
        ("record 1", "date 'Spring 2019' not read; kept as given, the story undated"),
    ]
    story = next(s for s in all_stories(library) if s.title == "日期不明的报道")
    assert story.published == "" and story.extra == {"date_as_given": "Spring 2019"}


def test_records_are_found_by_any_name_and_made_once_per_name(library: Library) -> None:
    from ngodesk.domain.models import StoryRecord
    from ngodesk.services import entities

    cfpa = entities.create_entity(library, "organisation", "中国扶贫基金会", ["CFPA"])
    incoming = [
        StoryRecord("报道一", "record 1", organisations=("cfpa", "Oxfam"), people=("王芳",)),
        StoryRecord("报道二", "record 2", organisations=("OXFAM", "中國扶貧基金會"), places=("王芳",)),
    ]
    report = importing.import_records(library, incoming)
    assert report.added == 2
    found = {(e.kind, e.name): e.story_count for e in queries.entities(library)}
    assert found == {
        ("organisation", "中国扶贫基金会"): 2,  # by its alternative name and its traditional form
        ("organisation", "Oxfam"): 2,  # made once, as first spelled
        ("person", "王芳"): 1,
        ("place", "王芳"): 1,  # a place is not a person of the same name
    }
    assert set(report.changes.entities_added) == {e.id for e in queries.entities(library)} - {cfpa.id}


def _table(tmp_path: Path, name: str, rows: list[str]) -> Path:
    return write(tmp_path, name, ("title,summary,tags\n" + "".join(row + "\n" for row in rows)).encode())


def _index_names(library: Library) -> list[str]:
    with library.read() as session:
        rows = session.connection().exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
        return [name for (name,) in rows]


@pytest.fixture
def streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files of any size are read in the helper process, 7 records a chunk."""
    monkeypatch.setattr(importing, "STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(importing, "CHUNK", 7)


@pytest.mark.usefixtures("streamed")
def test_files_read_in_a_helper_process_import_as_in_this_one(library: Library, tmp_path: Path) -> None:
    rows = [f"第{i}个故事 Story {i},中國扶貧基金會 volunteers {i},Batch/{i % 3}" for i in range(30)]
    rows[12] = rows[3]  # a repeat
    rows[20] = "too,many,cells,here"
    path = _table(tmp_path, "big.csv", rows)
    indexes = _index_names(library)
    report = importing.import_files(library, [path], parallel=True)
    from ngodesk.services.library import open_library

    with open_library(tmp_path / "serial") as serial:
        expected = importing.import_files(serial, [path])
        assert [v.title for v in all_stories(library)] == [v.title for v in all_stories(serial)]
    assert report.added == expected.added == 28 and report.formats == {str(path): "csv"}
    assert [(d.position, d.action) for d in report.duplicates] == [("line 14", "skipped")]
    assert [(p.position, p.reason) for p in report.problems] == [(p.position, p.reason) for p in expected.problems]
    assert [p.position for p in report.problems] == ["line 22"]
    titles = [v.title for v in all_stories(library)]
    assert titles[:2] == ["第0个故事 Story 0", "第1个故事 Story 1"]  # (file order: undated stories)
    assert queries.search(library, "扶贫 tag:Batch/1", limit=100).total == 10
    assert _index_names(library) == indexes and queries.check(library) == []


@pytest.mark.usefixtures("streamed")
def test_a_strict_or_cancelled_streamed_import_changes_nothing(library: Library, tmp_path: Path) -> None:
    import multiprocessing

    rows = [f"Story {i},summary {i},Batch" for i in range(30)]
    rows[25] = "too,many,cells,here"
    path = _table(tmp_path, "big.csv", rows)
    indexes = _index_names(library)
    with pytest.raises(ImportFailed, match=r"big\.csv, line 27: 4 cells but the header names 3 columns"):
        importing.import_files(library, [path], strict=True, parallel=True)
    assert story_count(library) == 0 and queries.tags(library) == [] and _index_names(library) == indexes

    def cancel_after_two_chunks(done: int, total: int, title: str = "") -> bool:
        return done < 14

    from ngodesk.domain.errors import Cancelled

    with pytest.raises(Cancelled):
        importing.import_files(library, [path], parallel=True, progress=cancel_after_two_chunks)
    assert story_count(library) == 0 and _index_names(library) == indexes
    assert multiprocessing.active_children() == []  # (the helper process is gone)


@pytest.mark.usefixtures("streamed")
def test_a_file_the_helper_cannot_read_is_refused_naming_it(library: Library, tmp_path: Path) -> None:
    good = _table(tmp_path, "good.csv", ["Story,summary,Batch"])
    bad = write(tmp_path, "bad.csv", b"title\n\x81\x8d\x8f\x90\x9d broken \xff\xfe\n")
    with pytest.raises(ImportFailed, match=r"bad\.csv: not UTF-8 \(line 2"):
        importing.import_files(library, [good, bad], parallel=True)
    assert story_count(library) == 0


def test_a_file_read_in_a_format_it_is_not_in_is_a_failure_not_an_empty_import(
    library: Library, tmp_path: Path
) -> None:
    bib = tmp_path / "refs.ris"  # (named as RIS, written as BibTeX)
    bib.write_text("@article{a, title = {Wells in Kenya}}\n", encoding="utf-8")
    report = importing.import_files(library, [bib], "ris")
    assert report.added == 0 and [p.reason for p in report.problems] == [
        "no ris records found in it: is it in another format?"
    ]
    assert importing.import_files(library, [bib]).added == 1  # (auto: what it is made of decides)


def test_text_that_looks_like_ris_inside_a_table_or_an_xml_file_does_not_make_it_ris(
    library: Library, tmp_path: Path
) -> None:
    table = tmp_path / "stories.csv"
    table.write_text('title,summary\nWells in Kenya,"notes:\nTY  - JOUR\nTI  - Injected\nER  - "\n', encoding="utf-8")
    report = importing.import_files(library, [table])
    assert report.formats == {str(table): "csv"} and report.added == 1
    assert queries.get_story(library, next(iter(report.changes.stories_added))).title == "Wells in Kenya"
