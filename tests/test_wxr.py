"""WordPress WXR import: posts only unless asked, categories with their
parents and tags to tags, drafts marked, CDATA split across sections,
entity declarations refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ngodesk.formats import ImportOptions, parse_file, wxr
from ngodesk.services import importing
from ngodesk.store.library import Library
from tests.test_import import REALWORLD, all_stories


def _item(post_id: int, title: str, post_type: str = "post", status: str = "publish", more: str = "") -> str:
    return f"""
  <item>
    <title>{title}</title>
    <link>https://ngo.example.org/?p={post_id}</link>
    <dc:creator>wang</dc:creator>
    <content:encoded><![CDATA[<p>正文 {post_id}</p><p>第二段 ]]]]><![CDATA[> 结束</p>]]></content:encoded>
    <excerpt:encoded><![CDATA[摘要 <b>{post_id}</b>]]></excerpt:encoded>
    <wp:post_id>{post_id}</wp:post_id>
    <wp:post_date>2019-03-0{post_id % 9 + 1} 10:00:00</wp:post_date>
    <wp:status>{status}</wp:status>
    <wp:post_type>{post_type}</wp:post_type>
    {more}
  </item>"""


def _export(*items: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>公益之声</title><language>zh-CN</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:author><wp:author_login>wang</wp:author_login><wp:author_display_name><![CDATA[王芳]]></wp:author_display_name></wp:author>
  <wp:category><wp:category_nicename>asia</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[亚洲]]></wp:cat_name></wp:category>
  <wp:category><wp:category_nicename>myanmar</wp:category_nicename><wp:category_parent>asia</wp:category_parent><wp:cat_name><![CDATA[缅甸]]></wp:cat_name></wp:category>
  {"".join(items)}
</channel>
</rss>
"""


TAGGED = """<category domain="category" nicename="myanmar"><![CDATA[缅甸]]></category>
    <category domain="post_tag" nicename="x"><![CDATA[民生项目]]></category>
    <wp:postmeta><wp:meta_key>_edit_last</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta>
    <wp:postmeta><wp:meta_key>来源</wp:meta_key><wp:meta_value><![CDATA[人民日报]]></wp:meta_value></wp:postmeta>
    <wp:comment><wp:comment_author>李伟</wp:comment_author><wp:comment_content><![CDATA[好文章]]></wp:comment_content></wp:comment>"""


def test_posts_map_with_category_paths_authors_and_cdata() -> None:
    result = wxr.parse(_export(_item(1, "中国扶贫基金会在缅甸", more=TAGGED)))
    (story,) = result.records
    assert (story.title, story.url, story.published, story.source, story.language) == (
        "中国扶贫基金会在缅甸",
        "https://ngo.example.org/?p=1",
        "2019-03-02",
        "公益之声",
        "zh-CN",
    )
    assert story.body == "正文 1\n第二段 ]]> 结束" and story.summary == "摘要 1"
    assert story.tags == ("亚洲/缅甸", "民生项目") and story.people == ("王芳",)
    assert story.extra["wp_custom_fields"] == {"来源": "人民日报"}  # WordPress's own "_" fields left out
    assert story.extra["wp_comments"] == [{"author": "李伟", "date": "", "text": "好文章"}]


def test_drafts_are_marked_and_pages_left_out_unless_asked() -> None:
    text = _export(
        _item(1, "已发布"),
        _item(2, "草稿", status="draft"),
        _item(3, "关于我们", post_type="page"),
        _item(4, "照片", post_type="attachment", status="inherit"),
        _item(5, "废弃", status="trash"),
        _item(6, "菜单", post_type="nav_menu_item"),
    )
    result = wxr.parse(text)
    assert [r.title for r in result.records] == ["已发布", "草稿"]
    assert result.records[1].tags == ("WordPress/draft",) and result.records[1].extra["wp_status"] == "draft"
    assert not result.problems
    assert [s.reason for s in result.skipped] == [
        "in the WordPress trash",
        "1 item(s) of type 'attachment' left out (importing: post)",
        "1 item(s) of type 'nav_menu_item' left out (importing: post)",
        "1 item(s) of type 'page' left out (importing: post)",
    ]
    asked = wxr.parse(text, ImportOptions(post_types=frozenset({"post", "page"})))
    assert [r.title for r in asked.records] == ["已发布", "草稿", "关于我们"]


def test_untitled_items_and_unsafe_or_broken_xml_are_reported() -> None:
    result = wxr.parse(_export(_item(1, ""), _item(2, "有标题")))
    assert [r.title for r in result.records] == ["有标题"]
    assert [(p.position, p.reason) for p in result.problems] == [("item 1 (post 1)", "the item has no title")]
    bomb = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>'
    assert wxr.parse(bomb).problems[0].reason == "declares XML entities; refused for safety"
    truncated = _export(_item(1, "标题"))[:-40]
    assert re.fullmatch(r"not readable XML: .*: line \d+, column \d+", wxr.parse(truncated).problems[0].reason)


def test_a_wxr_file_is_not_taken_for_a_plain_feed(tmp_path, library: Library) -> None:
    path = tmp_path / "site.xml"
    path.write_text(_export(_item(1, "已发布"), _item(3, "关于我们", post_type="page")), encoding="utf-8")
    report = importing.import_files(library, [path])
    assert report.formats == {str(path): "wxr"} and report.added == 1 and not report.problems
    assert [s.reason for s in report.skipped] == ["1 item(s) of type 'page' left out (importing: post)"]


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is not here")
@pytest.mark.parametrize(
    ("name", "posts", "with_pages"),
    [("wpimporter_small-export.xml", 6, 11), ("wpimporter_crazy-cdata-escaped.xml", 1, 1)],
)
def test_real_wordpress_exports_import(library: Library, name: str, posts: int, with_pages: int) -> None:
    path = REALWORLD / "wordpress_wxr" / name
    used, result = parse_file(path)
    assert used == "wxr" and len(result.records) == posts and not result.problems
    _, result = parse_file(path, options=ImportOptions(post_types=frozenset({"post", "page"})))
    assert len(result.records) == with_pages
    importing.import_files(library, [path])
    assert len(all_stories(library)) == posts


#: The shape of a WordPress 2.x export (WXR 1.0): no authors in the
#: channel, each category written twice (plainly, for older readers, and
#: with its domain), and tags as domain "tag", also twice.
WXR_1_0 = """<?xml version="1.0" encoding="UTF-8"?>
<!-- generator="WordPress/2.8.4" created="2009-11-02 08:15"-->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.0/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.0/">
<channel>
	<title>NGO Going Out</title>
	<language>en</language>
	<wp:wxr_version>1.0</wp:wxr_version>
	<wp:category><wp:category_nicename>africa</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Africa]]></wp:cat_name></wp:category>
	<wp:tag><wp:tag_slug>ngos</wp:tag_slug><wp:tag_name><![CDATA[NGOs]]></wp:tag_name></wp:tag>
	<wp:tag><wp:tag_slug>%e8%b5%b0%e5%87%ba%e5%8e%bb</wp:tag_slug><wp:tag_name><![CDATA[走出去]]></wp:tag_name></wp:tag>
	<item>
		<title>Chinese NGOs in Ethiopia</title>
		<link>http://ngo.example.org/2009/10/ethiopia/</link>
		<dc:creator><![CDATA[admin]]></dc:creator>

		<category><![CDATA[Africa]]></category>

		<category domain="category" nicename="africa"><![CDATA[Africa]]></category>

		<category domain="tag"><![CDATA[NGOs]]></category>

		<category domain="tag" nicename="ngos"><![CDATA[NGOs]]></category>

		<category domain="tag"><![CDATA[走出去]]></category>

		<category domain="tag" nicename="%e8%b5%b0%e5%87%ba%e5%8e%bb"><![CDATA[走出去]]></category>
		<content:encoded><![CDATA[<p>Three NGOs opened offices in Addis Ababa.</p>]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>12</wp:post_id>
		<wp:post_date>2009-10-30 09:00:00</wp:post_date>
		<wp:status>publish</wp:status>
		<wp:post_type>post</wp:post_type>
	</item>
</channel>
</rss>
"""


def test_wxr_1_0_tags_come_in_like_1_1_post_tags(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "wordpress.2009-11-02.xml"
    path.write_text(WXR_1_0, encoding="utf-8")
    report = importing.import_files(library, [path])
    assert (report.formats[str(path)], report.added, report.problems) == ("wxr", 1, [])
    (story,) = all_stories(library)
    assert sorted(t.path for t in story.tags) == ["Africa", "NGOs", "走出去"]
    assert ([e.name for e in story.entities], story.published) == (["admin"], "2009-10-30")
