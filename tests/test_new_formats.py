"""The formats librarians and researchers export and ngodesk used to
refuse: Zotero RDF, MODS, EndNote XML and CNKI's NoteExpress. Real files
from other projects' test suites (tests/data/formats/SOURCES.md) and files
of the same shape with Chinese content; each is recognised with ``auto``,
its records imported whole (odd values kept with a warning), and only a
record with neither a title nor a text refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ngodesk.domain.errors import ImportFailed
from ngodesk.domain.models import StoryView
from ngodesk.formats import endnote_xml, mods, noteexpress, parse_file, zotero_rdf
from ngodesk.services import importing, queries, thesaurus
from ngodesk.store.library import Library
from tests.conftest import REALWORLD

DATA = Path(__file__).resolve().parent / "data" / "formats"
CNKI = REALWORLD / "noteexpress_cnki" / "cnki2bibtex_mixed_zh.net"


def _stories(library: Library) -> dict[str, StoryView]:
    """The library's stories by title."""
    return {s.title: s for s in queries.stories(library, queries.matching_ids(library, "").tolist())}


def _people(story: StoryView) -> list[str]:
    return [e.name for e in story.entities if e.kind == "person"]


def _warnings(report: importing.ImportReport) -> list[tuple[str, str]]:
    return [(w.position, w.reason) for w in report.warnings]


# Zotero RDF


def test_a_zotero_export_comes_in_with_its_authors_in_order_and_its_journals_by_reference(library: Library) -> None:
    report = importing.import_files(library, [DATA / "zotero_pmcid_fetcher_exported_items.rdf"])
    assert report.formats == {str(DATA / "zotero_pmcid_fetcher_exported_items.rdf"): "zotero-rdf"}
    assert (report.added, report.problems, report.warnings) == (5, [], [])  # (the attachments are no stories)
    stories = _stories(library)
    first = stories["TNF-α Blocker Therapy and Solid Malignancy Risk in ANCA-Associated Vasculitis"]
    assert _people(first) == ["Silva, Francisco", "Cisternas, Marcela", "Specks, Ulrich"]
    assert (first.source, first.published, first.url) == (
        "Current Rheumatology Reports",  # (the journal is a node of its own, urn:issn:...)
        "2012-12",  # (Zotero keeps the date as typed: 12/2012)
        "http://link.springer.com/10.1007/s11926-012-0290-2",
    )
    assert first.extra["attachments"] == [
        {
            "title": "Silva et al. - 2012 - TNF-α Blocker Therapy and Solid Malignancy Risk in.pdf",
            "type": "application/pdf",
        }
    ]
    assert first.extra["volume"] == "14" and first.extra["doi"] == "10.1007/s11926-012-0290-2"
    assert (
        len(
            _people(
                stories[
                    "The Safety and Efficacy of Infliximab in Moderate to Severe Chronic Obstructive Pulmonary Disease"
                ]
            )
        )
        == 22
    )
    undated = stories["Tumor Necrosis Factor Inhibitors"]
    assert (undated.source, undated.published) == ("", "")  # (an empty inline journal)


def test_zotero_notes_tags_collections_and_items_of_their_own_come_in_with_chinese_intact(library: Library) -> None:
    path = DATA / "zotero_zh.rdf"
    report = importing.import_files(library, [path])
    assert report.added == 6
    assert [(p.position, p.reason) for p in report.problems] == [
        ("item 7 (#item_19)", "the record has neither a title nor a text")
    ]
    assert _warnings(report) == [
        ("item 2 (#item_14)", "date 'Spring 2018' read as 2018; kept as given in extra as date_as_given"),
        (
            "item 3 (#item_15)",
            "url 'http://paper.people.com.cn/rmrb/2017-06/02 第3版' is not a web address; "
            "kept in extra as url_as_given",
        ),
        (
            "item 4 (https://www.chinadevelopmentbrief.org.cn/news-22104.html)",
            "no title; the start of its text made the title",
        ),
        ("item 6 (#item_18)", "no title; the start of its text made the title"),
    ]
    stories = _stories(library)
    story = stories["中国扶贫基金会在缅甸开展民生项目"]
    assert _people(story) == ["王芳", "Li, Wei", "陈静"]  # (王, 芳 written together, in the file's order)
    assert sorted(t.path for t in story.tags) == ["民生项目", "缅甸", "走出去"]  # (缅甸: an automatic tag)
    assert (story.source, story.published) == ("中国发展简报", "2019-03-05")
    assert story.summary == "中国扶贫基金会与缅甸当地伙伴合作，开展水井、学校和医疗援助。\n第二段：项目惠及三千户家庭。"
    extra = story.extra
    assert extra["notes"] == ["译者注：“民生项目”译作 livelihood projects。"]
    assert extra["attachments"][0]["file"] == "files/12/王芳 - 2019 - 中国扶贫基金会在缅甸.pdf"
    assert extra["creators"] == {"editors": ["张伟"]} and extra["zotero_collections"] == ["走出去 2019"]
    # the same journal, by reference from a second article
    assert stories["丝路一家亲：民间组织合作网络论坛"].extra["issn"] == "1002-4867"
    assert stories["中国红十字会向斯里兰卡捐款"].source == "人民日报"  # (inline)
    book = stories["中国社会组织国际化发展报告"]
    assert _people(book) == ["黄浩明"] and book.source == "社会科学文献出版社"  # (its editor; its publisher)
    note = stories["待查：援外框架"]  # (a note of its own: its first line is its title, as in Zotero)
    assert note.summary == "待查：援外框架\n民间组织是否纳入对外援助框架？" and note.extra["zotero_item_type"] == "note"
    assert (
        stories["中国民间组织已参与二十多次国际灾害救援。"].url
        == "https://www.chinadevelopmentbrief.org.cn/news-22104.html"
    )


# MODS


def test_a_mods_collection_in_iso_8859_1_keeps_its_letters_and_its_hosts(library: Library) -> None:
    path = DATA / "jabref_MODSImporterTestModsCollection_latin1.xml"
    assert b"IP\xd6 @" in path.read_bytes()  # (Latin-1 bytes, as the declaration says)
    report = importing.import_files(library, [path])
    assert (report.added, report.problems, report.warnings) == (3, [], [])
    stories = _stories(library)
    article = stories["A new microcosm to investigate oxygen dynamics at the sea ice water interface"]
    assert _people(article) == ["Mock, T", "Kruse, M", "Dieckmann, GS"]
    assert (article.source, article.published, article.url) == (
        "Aquatic Microbial Ecology",
        "2003",
        "http://int-res.com/abstracts/ame/v30/n2/p197-205.html",
    )
    assert len(article.tags) == 21 and article.extra["local"] == "IPÖ @ msteffens @ 713"
    assert (article.extra["volume"], article.extra["issue"], article.extra["pages"]) == ("30", "2", "197-205")
    book = stories["Sea ice - an introduction to its physics, chemistry, biology and geology"]
    assert _people(book) == ["Thomas, DN", "Dieckmann, GS"]  # (no author: its editors)
    assert book.source == "Blackwell Science Ltd" and book.extra["local"][1] == "IPÖ @ msteffens @ IPÖ-34/436/1"


def test_mods_key_dates_preview_addresses_and_places() -> None:
    _, result = parse_file(DATA / "jabref_MODSImporterTestAllFields.xml")
    (record,) = result.records
    assert (record.title, record.published, record.source) == (
        "Telescope Peak from Zabriskie Point",
        "1955-03-22",
        "Cell",
    )
    assert record.url == "http://purl.dlib.indiana.edu/iudl/archives/cushman/P07803"  # (not the preview)
    assert record.places == ("United States", "New York") and record.people == ("Telescope",)
    assert record.extra["other_titles"] == [{"type": "alternative", "title": "Telescope PK from Zabriskie Pt."}]


def test_mods_with_chinese_names_organisations_places_and_codes(library: Library) -> None:
    report = importing.import_files(library, [DATA / "mods_zh.xml"])
    assert report.added == 2
    assert [(p.position, p.reason) for p in report.problems] == [
        ("record 3", "the record has neither a title nor a text")
    ]
    assert _warnings(report) == [
        ("record 2", "date '[2018?]' read as 2018; kept as given in extra as date_as_given"),
        ("record 2", "no title; its alternative title made the title"),
    ]
    _, result = parse_file(DATA / "mods_zh.xml")
    first = result.records[0]
    assert (first.title, first.position) == (
        "中国扶贫基金会在缅甸开展民生项目: 水井、学校与医疗援助",
        "record 1 (cdb-2019-0042)",
    )
    assert (
        first.people == ("王芳", "Li, Wei") and first.organisations == ("中国扶贫基金会",) and first.places == ("缅甸",)
    )
    assert (first.published, first.language, first.source) == (
        "2019-03-05",
        "chi",
        "人民日报",
    )  # (the key date; the code)
    assert first.url == "https://www.cfpa.org.cn/news/myanmar-2019" and first.tags == ("走出去", "民生项目")
    assert first.extra["contributors"] == [{"name": "张伟", "role": "translator"}]
    assert first.extra["more_languages"] == ["eng"] and first.extra["subject_names"] == ["缅甸红十字会"]
    story = _stories(library)["中国扶贫基金会在缅甸开展民生项目: 水井、学校与医疗援助"]
    assert [e.name for e in story.entities if e.kind == "organisation"] == ["中国扶贫基金会"]


def test_mods_in_a_declared_chinese_encoding(tmp_path: Path) -> None:
    text = (DATA / "mods_zh.xml").read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="GBK"')
    path = tmp_path / "catalogue.xml"
    path.write_bytes(text.encode("gbk"))
    used, result = parse_file(path)
    assert used == "mods" and result.records[0].title.startswith("中国扶贫基金会在缅甸")


# EndNote XML


def test_endnote_xml_joins_styled_text_and_keeps_odd_addresses_with_a_warning(library: Library) -> None:
    files = sorted(DATA.glob("jabref_Endnote*.xml"))
    report = importing.import_files(library, files)
    assert set(report.formats.values()) == {"endnote-xml"} and (report.added, report.problems) == (5, [])
    assert _warnings(report) == [
        (
            "record 1 (rec-number 13264)",
            "url '<Go to ISI>://000200148800007' is not a web address; kept in extra as url_as_given",
        ),
        (
            "record 2 (rec-number 13265)",
            "url '<Go to ISI>://000200148800014' is not a web address; kept in extra as url_as_given",
        ),
    ]
    stories = _stories(library)
    assert "A demographic study of the south polar skua Catharacta maccormicki at Cape Crozier" in stories
    (trends,) = [story for title, story in stories.items() if title.startswith("Trends in the lifetime risk")]
    assert trends.title.endswith("Great Britain: comparison of risk for those born from 1930 to 1960")
    assert (trends.published, trends.source, trends.summary) == ("2015-03-03", "Br J Cancer", "test abstract")
    assert _people(trends) == ["Ahmad, AS", "Ormiston-Smith, N", "Sasieni, PD"]
    assert trends.extra["pdf_urls"] == [
        "file://localhost/Users/user/Documents/Bookends/Attachments/Ahmad%20et%20al%202015.pdf"
    ]
    assert trends.extra["isbn"] == "1532-1827 (Electronic)\n0007-0920 (Linking)"  # (EndNote's \r)
    laser = stories["Painless Laser Acupuncture for Smoking Cessation."]
    assert sorted(t.path for t in laser.tags) == ["anxiety", "craving", "dependency", "destress", "health restoration"]
    ecology = stories["An ecological basis for reforestation of submariginal lands in the Central Hardwood Region"]
    assert (ecology.published, ecology.url, ecology.extra["url_as_given"]) == (
        "1937-01",
        "",
        "<Go to ISI>://000200148800007",
    )


def test_endnote_xml_in_chinese() -> None:
    used, result = parse_file(DATA / "endnote_zh.xml")
    assert used == "endnote-xml"
    first, second = result.records
    assert (first.title, first.published, first.source) == (
        "中国扶贫基金会在缅甸开展民生项目",
        "2019-03-05",
        "中国发展简报",
    )
    assert first.people == ("王芳", "Li, Wei", "陈静") and first.extra["editors"] == ["张伟"]
    assert first.tags == ("走出去", "民生项目", "缅甸", "Industry, Mining, Construction")  # (a comma is no separator)
    assert first.summary == "中国扶贫基金会与缅甸当地伙伴合作，开展水井、学校和医疗援助。\n第二段：项目惠及三千户家庭。"
    assert first.extra["other_urls"] == ["https://www.cfpa.org.cn/en/news/myanmar-2019"]
    assert (second.title, second.published) == ("中国红十字会向斯里兰卡灾民捐款十万美元。", "2017-06-02")  # (6月2日)
    assert second.warnings == (
        "url '<Go to ISI>://000200148800007' is not a web address; kept in extra as url_as_given",
        "no title; the start of its text made the title",
    )
    assert [(p.position, p.reason) for p in result.problems] == [
        ("record 3 (rec-number 44)", "the record has neither a title nor a text")
    ]


# NoteExpress (CNKI)


def test_noteexpress_from_cnki_with_its_lists_dates_and_record_types(library: Library) -> None:
    path = DATA / "noteexpress_zh.txt"  # (UTF-8 with a BOM, CRLF, as CNKI writes it)
    report = importing.import_files(library, [path])
    assert report.formats == {str(path): "noteexpress"} and report.added == 5
    assert [(p.position, p.reason) for p in report.problems] == [
        ("line 59", "the record has neither a title nor a text")
    ]
    assert _warnings(report) == [
        ("line 42", "date 'Spring 2018' read as 2018; kept as given in extra as date_as_given"),
        ("line 52", "no title; the start of its text made the title"),
    ]
    stories = _stories(library)
    first = stories["中国民间组织“走出去”的路径与挑战"]
    assert _people(first) == ["王芳", "Li, Wei", "陈静"]
    assert sorted(t.path for t in first.tags) == ["Industry, Mining, Construction", "民生项目", "缅甸", "走出去"]
    assert first.summary == "本文考察中国民间组织在缅甸、尼泊尔和肯尼亚的项目。\n研究发现，民生项目是最常见的合作方式。"
    assert first.url.startswith("https://kns.cnki.net/") and first.extra["isbn_issn"] == "1002-4867"
    news = stories["中国红十字会向斯里兰卡捐款十万美元"]
    assert (news.source, news.published, news.extra["noteexpress_type"]) == (
        "人民日报",
        "2017-06-02",
        "Newspaper Article",
    )
    thesis = stories["中国社会组织参与对外援助研究"]
    assert sorted(t.path for t in thesis.tags) == ["对外援助", "社会组织", "走出去"]  # (commas between Chinese words)
    assert thesis.source == "清华大学" and thesis.extra["tertiary_author"] == "邓国胜"
    assert _people(stories["Chinese NGOs Going Out: A Survey"]) == ["Smith, John", "Doe, Jane"]


def test_noteexpress_in_gbk_as_older_cnki_exports_are(tmp_path: Path) -> None:
    path = tmp_path / "CNKI-export.txt"
    path.write_bytes((DATA / "noteexpress_zh.txt").read_text(encoding="utf-8-sig").encode("gb18030"))
    used, result = parse_file(path)
    assert used == "noteexpress" and len(result.records) == 5
    assert (result.records[0].title, result.records[0].people) == (
        "中国民间组织“走出去”的路径与挑战",
        ("王芳", "Li, Wei", "陈静"),
    )


def test_noteexpress_lists_split_on_semicolons_and_on_commas_between_chinese_names_only() -> None:
    assert noteexpress.split_names("唐伦;赵培培;赵国繁;陈前斌;") == ["唐伦", "赵培培", "赵国繁", "陈前斌"]
    assert noteexpress.split_names("谢昕,王小增") == ["谢昕", "王小增"]
    assert noteexpress.split_names("虚拟网络功能;;预测;;迁移") == ["虚拟网络功能", "预测", "迁移"]
    assert noteexpress.split_names("Smith, John") == ["Smith, John"]


@pytest.mark.skipif(not CNKI.exists(), reason="../shared/realworld is not here")
def test_a_real_cnki_noteexpress_export_is_read_whole(library: Library) -> None:
    report = importing.import_files(library, [CNKI])
    assert (report.formats[str(CNKI)], report.added, report.problems, report.warnings) == ("noteexpress", 12, [], [])
    stories = _stories(library)
    assert _people(stories["基于公共行政理念的政府公共关系发展历程探析"]) == ["谢昕", "王小增"]
    news = stories["莫让“任性加塞”堵了回家过年路"]
    assert (news.source, news.published) == ("人民公安报·交通安全周刊", "2019-01-29")
    # an author address broken over blank lines stays in its record
    address = stories["兽医中药复方药物动力学研究方法及展望"].extra["author_address"]
    assert address.endswith("四川雅安625014\n,四川雅安625014\n,四川雅安625014")
    assert _people(stories["人工智能驱动的数据分析技术在电力变压器状态检修中的应用综述"])[0] == "刘云鹏"


# Recognising the formats, and files they must not take


@pytest.mark.parametrize(
    ("name", "format_name"),
    [
        ("zotero_pmcid_fetcher_exported_items.rdf", "zotero-rdf"),
        ("zotero_zh.rdf", "zotero-rdf"),
        ("jabref_MODSImporterTestModsCollection_latin1.xml", "mods"),
        ("mods_zh.xml", "mods"),
        ("jabref_EndnoteXmlImporterTestArticle.xml", "endnote-xml"),
        ("endnote_zh.xml", "endnote-xml"),
        ("noteexpress_zh.txt", "noteexpress"),
    ],
)
def test_each_format_is_recognised_by_its_content(name: str, format_name: str, tmp_path: Path) -> None:
    renamed = tmp_path / "export.dat"  # (the content decides, not the name)
    renamed.write_bytes((DATA / name).read_bytes())
    assert parse_file(renamed)[0] == format_name


OAI_MODS = """<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record>
<header><identifier>oai:x:1</identifier></header>
<metadata><mods xmlns="http://www.loc.gov/mods/v3"><titleInfo><title>走出去</title></titleInfo></mods></metadata>
</record></ListRecords></OAI-PMH>
"""
RSS_1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org/"><title>NGO news</title></channel>
<item rdf:about="https://example.org/a"><title>走出去</title><dc:date>2019-03-05</dc:date></item>
</rdf:RDF>
"""


def test_a_skos_thesaurus_an_oai_pmh_response_or_an_rss_1_feed_is_not_taken_for_these_formats(
    sample_library: Library, tmp_path: Path
) -> None:
    skos = tmp_path / "thesaurus.rdf"
    thesaurus.export(sample_library, "skos-rdfxml", skos)
    oai = tmp_path / "oai.xml"
    oai.write_text(OAI_MODS, encoding="utf-8")
    rss = tmp_path / "feed.rdf"
    rss.write_text(RSS_1, encoding="utf-8")
    for path in (skos, oai, rss):
        with pytest.raises(ImportFailed, match="cannot tell what format it is in"):
            parse_file(path)
    for module in (zotero_rdf, mods, endnote_xml, noteexpress):
        assert not any(module.sniff(p.read_text(encoding="utf-8")) for p in (skos, oai, rss))
    csl = tmp_path / "items.json"
    csl.write_text('[{"type": "article", "title": "{Title}: 走出去"}]', encoding="utf-8")
    assert parse_file(csl)[0] == "csl-json"


@pytest.mark.parametrize("name", ["zotero_zh.rdf", "mods_zh.xml", "endnote_zh.xml"])
def test_xml_that_declares_entities_is_refused(name: str, tmp_path: Path) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    start = text.index("<", 1) if text.startswith("<?xml") else 0
    bomb = text[:start] + '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>\n' + text[start:]
    path = tmp_path / name
    path.write_text(bomb, encoding="utf-8")
    used, result = parse_file(path)
    assert not result.records and [p.reason for p in result.problems] == ["declares XML entities; refused for safety"]


def test_the_command_line_imports_them_and_reports_warnings_in_json(tmp_path: Path) -> None:
    library = tmp_path / "library"
    command = [sys.executable, "-m", "ngodesk", "--library", str(library), "import", str(DATA / "noteexpress_zh.txt")]
    done = subprocess.run([*command, "--format", "noteexpress", "--json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr  # (one record has nothing to catalogue)
    report = json.loads(done.stdout)
    assert report["imported"] == 5 and report["formats"] == {str(DATA / "noteexpress_zh.txt"): "noteexpress"}
    assert [w["reason"] for w in report["warnings"]] == [
        "date 'Spring 2018' read as 2018; kept as given in extra as date_as_given",
        "no title; the start of its text made the title",
    ]
    assert report["failed"] == [
        {"record": f"{DATA / 'noteexpress_zh.txt'}, line 59", "reason": "the record has neither a title nor a text"}
    ]
