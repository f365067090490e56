"""CSV/TSV import: header-driven mapping (English, Chinese and Zotero
headers), --map overrides, multi-value cells, Excel's ="..." cells, line
numbers that count multi-line cells, and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngodesk.formats import ImportOptions, csv_table, parse_file
from ngodesk.services import importing
from ngodesk.store.library import Library
from tests.test_import import all_stories

ZOTERO_HEADER = (
    '"Key","Item Type","Publication Year","Author","Title","Publication Title","ISBN","ISSN","DOI","Url",'
    '"Abstract Note","Date","Date Added","Date Modified","Access Date","Pages","Num Pages","Issue","Volume",'
    '"Number Of Volumes","Journal Abbreviation","Short Title","Series","Series Number","Series Text",'
    '"Series Title","Publisher","Place","Language","Rights","Type","Archive","Archive Location",'
    '"Library Catalog","Call Number","Extra","Notes","File Attachments","Link Attachments","Manual Tags",'
    '"Automatic Tags","Editor"'
)


def _zotero_row(title: str, date: str) -> str:
    cells = [""] * 42
    cells[:6] = ["ABCD1234", "newspaperArticle", date[:4], "王, 芳; Li, Wei", title, "人民日报"]
    cells[9], cells[10], cells[11] = "https://example.org/a", "摘要，\n两行", date
    cells[27], cells[28], cells[39], cells[40] = "北京", "zh-CN", "民生项目; 缅甸", "走出去"
    return ",".join('"' + c.replace('"', '""') + '"' for c in cells)


def test_zotero_export_is_recognised_without_any_mapping(tmp_path: Path) -> None:
    path = tmp_path / "zotero.csv"
    path.write_text(
        ZOTERO_HEADER + "\n" + _zotero_row("中国扶贫基金会在缅甸", "2018-12-07") + "\n", encoding="utf-8-sig"
    )
    used, result = parse_file(path)
    (story,) = result.records
    assert used == "csv" and not result.problems
    assert (story.title, story.source, story.url, story.published, story.language, story.summary) == (
        "中国扶贫基金会在缅甸",
        "人民日报",
        "https://example.org/a",
        "2018-12-07",
        "zh-CN",
        "摘要，\n两行",
    )
    assert story.people == ("王芳", "Li, Wei") and story.tags == ("民生项目", "缅甸", "走出去")
    assert story.places == ()  # Zotero's Place is the publisher's city: kept, not a story place
    assert story.extra["Place"] == "北京" and story.extra["Item Type"] == "newspaperArticle"


CHINESE = """标题,日期,来源,关键词,作者,备注
"丝路一家亲：志愿者在尼泊尔","2019年3月5日",新华网,"丝路一家亲；尼泊尔; 志愿者",李伟,第一条
="00123",2019/3/6,"人民日报",,,"多行
备注"
,2019-03-07,没有标题,,,
走出去的民间组织,7 March 2019,,,,"=1+1"
"""


def test_chinese_headers_excel_cells_and_line_numbers() -> None:
    result = csv_table.CSV.parse(CHINESE)
    first, excel, last = result.records
    assert first.published == "2019-03-05" and first.tags == ("丝路一家亲", "尼泊尔", "志愿者")
    assert first.people == ("李伟",) and first.extra == {"备注": "第一条"}
    assert excel.title == "00123" and excel.published == "2019-03-06" and excel.extra == {"备注": "多行\n备注"}
    assert [(p.position, p.reason) for p in result.problems] == [("line 5", "the row has no title")]
    assert last.position == "line 6" and last.published == "2019-03-07" and last.extra == {"备注": "=1+1"}


def test_formula_guards_of_exported_tables_are_dropped() -> None:
    (story,) = csv_table.CSV.parse("title,source\n'-1 度的冬天,'@人民日报\n").records
    assert (story.title, story.source) == ("-1 度的冬天", "@人民日报")
    (kept,) = csv_table.CSV.parse("title\n'quoted' words\n").records
    assert kept.title == "'quoted' words"  # an apostrophe that guards nothing stays


def test_columns_can_be_mapped_renamed_or_ignored() -> None:
    text = "题目\t时间\t链接\t内部编号\n民间组织走出去\t2020-01\thttps://example.org/x\t17\n"
    assert not csv_table.TSV.sniff(text)  # "题目" names no field: the user must say which column is the title
    refused = csv_table.TSV.parse(text)
    assert refused.problems[0].reason.startswith("no column holds the title; map one to title")
    options = ImportOptions(columns={"题目": "title", "时间": "published", "内部编号": "ignore"})
    (story,) = csv_table.TSV.parse(text, options).records
    assert (story.title, story.published, story.url, story.extra) == (
        "民间组织走出去",
        "2020-01",
        "https://example.org/x",
        {},
    )
    wrong = csv_table.TSV.parse(text, ImportOptions(columns={"题目": "headline"}))
    assert wrong.problems[0].reason.startswith("'headline' is not a story field; fields are: title, summary")
    missing = csv_table.TSV.parse(text, ImportOptions(columns={"Title": "title"}))
    assert missing.problems[0].reason == "no column named 'Title'; the columns are: 题目, 时间, 链接, 内部编号"


def test_unreadable_dates_are_kept_and_bad_rows_reported() -> None:
    text = "title,date,tags\n第一条,下周二,a\n第二条,2019-02-01,b,c,d\n"
    result = csv_table.CSV.parse(text)
    (story,) = result.records
    assert story.published == "" and story.extra == {"date_as_given": "下周二"}
    assert [(p.position, p.reason) for p in result.problems] == [("line 3", "5 cells but the header names 3 columns")]


def test_excel_unicode_text_tsv_in_utf16_imports(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "excel.txt"
    path.write_bytes("Title\tKeywords\r\n慈善组织的国际化\t慈善; 国际化\r\n".encode("utf-16"))
    report = importing.import_files(library, [path])
    assert report.formats == {str(path): "tsv"} and report.added == 1
    (story,) = all_stories(library)
    assert story.title == "慈善组织的国际化" and [t.path for t in story.tags] == ["国际化", "慈善"]


@pytest.mark.parametrize(
    ("text", "reason"),  # (an unterminated quote at the end: a truncated file)
    [
        ("", "no header row: the first row must name the columns"),
        ('title,summary\n"unterminated,' + "x" * 10 + "\n", "not readable as CSV: line 2: unexpected end of data"),
        ("title,summary\nok," + "长" * (csv_table.FIELD_LIMIT + 1) + "\n", "not readable as CSV: line 2: field larger"),
    ],
)
def test_malformed_tables_change_nothing(library: Library, tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    report = importing.import_files(library, [path], "csv")
    assert report.added == 0 and all_stories(library) == []
    assert report.problems[0].reason.startswith(reason)


def test_a_listing_is_not_taken_for_a_table() -> None:
    assert not csv_table.CSV.sniff("Keyword: NGOs, going out\n\nTitle, with a comma\n")


def test_rows_before_a_malformed_one_are_imported_and_the_rest_reported(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "truncated.csv"
    path.write_text('title,summary\n第一篇,ok\nSecond,"cut off in the middle of a quoted cell\n', encoding="utf-8")
    report = importing.import_files(library, [path], "csv")
    assert [story.title for story in all_stories(library)] == ["第一篇"]
    (problem,) = report.problems
    assert problem.reason == "not readable as CSV: line 3: unexpected end of data (nothing after it was read)"


def test_a_backslash_escaped_quote_in_row_440_of_1308_does_not_stop_the_import(
    library: Library, tmp_path: Path
) -> None:
    # (the shape of a real export: a PHP/MySQL writer escapes quotes as \" instead of "")
    rows = [
        f'"项目 {n}","https://example.org/p/{n}","Summary of project {n}",2020-01-{n % 28 + 1:02d}'
        for n in range(1, 1309)
    ]
    rows[439] = '"项目 440","https://example.org/p/440","The NGO said \\"we will stay\\", then left",2020-01-25'
    path = tmp_path / "projects.csv"
    path.write_text("Title,URL,Summary,Date\n" + "\n".join(rows) + "\n", encoding="utf-8")
    report = importing.import_files(library, [path])
    assert (report.added, report.problems) == (1308, [])
    assert [(w.position, w.reason) for w in report.warnings] == [
        ("line 441", 'quotes written \\" in the row read as quotes')
    ]
    (story,) = [s for s in all_stories(library) if s.title == "项目 440"]
    assert story.summary == 'The NGO said "we will stay", then left' and story.url == "https://example.org/p/440"


def test_a_row_with_a_stray_quote_is_kept_as_python_reads_it_with_the_row_as_given() -> None:
    text = 'title,source,tags\nFirst,人民日报,a\nThe "Go Out" report,新华社 "Xinhua",b\nThird,"c",d\n'
    result = csv_table.CSV.parse(text)
    assert [r.title for r in result.records] == ["First", 'The "Go Out" report', "Third"] and not result.problems
    odd = result.records[1]
    assert odd.source == '新华社 "Xinhua"' and odd.warnings == ()  # (a quote inside an unquoted cell is fine)
    text = 'title,source,tags\nFirst,人民日报,a\n"The "Go Out" report",新华社,b\nThird,"c",d\n'
    result = csv_table.CSV.parse(text)
    assert [r.title for r in result.records] == ["First", 'The Go Out" report"', "Third"] and not result.problems
    (warning,) = result.records[1].warnings
    assert warning.startswith("the row is not well-formed CSV (',' expected after '\"'); read as Python's csv")
    assert result.records[1].extra == {"row_as_given": '"The "Go Out" report",新华社,b'}
    assert result.records[2].position == "line 4"
