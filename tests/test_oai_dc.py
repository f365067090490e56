"""OAI-PMH Dublin Core import: repeated elements, deleted records
reported, language codes tidied, entity declarations refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from ngodesk.formats import oai_dc, parse_file
from ngodesk.services import exporting, importing, stories
from ngodesk.services.library import open_library
from ngodesk.store.library import Library
from tests.test_import import REALWORLD, all_stories

RESPONSE = """<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
  <ListRecords>
    <record><header status="deleted"><identifier>oai:x:1</identifier></header></record>
    <record>
      <header><identifier>oai:x:2</identifier></header>
      <metadata>
        <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:title>中国扶贫基金会在缅甸开展民生项目</dc:title>
          <dc:title>CFPA livelihood projects in Myanmar</dc:title>
          <dc:creator>王芳</dc:creator><dc:creator>Li Wei</dc:creator>
          <dc:subject>民生项目</dc:subject><dc:subject>援助; 缅甸</dc:subject>
          <dc:date>2018-12-07T00:00:00Z</dc:date>
          <dc:language>zh_CN</dc:language>
          <dc:identifier>https://example.org/a</dc:identifier>
          <dc:publisher>人民日报</dc:publisher>
        </oai_dc:dc>
      </metadata>
    </record>
  </ListRecords>
</OAI-PMH>
"""


def test_records_map_and_deleted_ones_are_reported() -> None:
    result = oai_dc.parse(RESPONSE)
    (story,) = result.records
    assert (story.title, story.published, story.language, story.url, story.source) == (
        "中国扶贫基金会在缅甸开展民生项目",
        "2018-12-07",
        "zh_CN",  # (as given: the import stores zh-Hans)
        "https://example.org/a",
        "人民日报",
    )
    assert story.people == ("王芳", "Li Wei") and story.tags == (
        "民生项目",
        "援助",
        "缅甸",
    )  # DSpace joins subjects with ";"
    assert story.extra["more_titles"] == ["CFPA livelihood projects in Myanmar"]
    assert not result.problems
    assert [(p.position, p.reason) for p in result.skipped] == [("record 1 (oai:x:1)", "deleted in the repository")]


def test_entity_declarations_are_refused() -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE OAI-PMH [<!ENTITY a "aaaa">]><OAI-PMH>&a;</OAI-PMH>'
    result = oai_dc.parse(bomb)
    assert not result.records and [p.reason for p in result.problems] == ["declares XML entities; refused for safety"]


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is not here")
@pytest.mark.parametrize(
    ("name", "count"),
    [("sickle_ListRecords_oai_dc.xml", 1), ("pyoai_fake1_ListRecords_oai_dc_dspace_eur_2003.xml", 16)],
)
def test_real_oai_files_import(library: Library, name: str, count: int) -> None:
    used, result = parse_file(REALWORLD / "dublin_core" / name)
    assert used == "oai-dc" and len(result.records) == count
    importing.import_files(library, [REALWORLD / "dublin_core" / name])
    assert len(all_stories(library)) == count


#: A repository's record as XSLT pretty-printers write it (the abstract on
#: lines of its own, indented with the markup) and one written inline.
PARAGRAPHS = """<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
  <ListRecords>
    <record>
      <header><identifier>oai:repository.example.org:1765/1</identifier></header>
      <metadata>
        <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:title>Chinese NGOs in Myanmar</dc:title>
          <dc:description>
            The first paragraph of the abstract.
            Its second line.

            The second paragraph.
          </dc:description>
          <dc:description>Inline: one line,
  then an indented one.</dc:description>
        </oai_dc:dc>
      </metadata>
    </record>
  </ListRecords>
</OAI-PMH>
"""


def test_descriptions_keep_their_line_breaks_without_the_files_indentation() -> None:
    (story,) = oai_dc.parse(PARAGRAPHS).records
    assert story.summary == "The first paragraph of the abstract.\nIts second line.\n\nThe second paragraph."
    assert story.extra["more_descriptions"] == ["Inline: one line,\n  then an indented one."]


def test_a_summary_comes_back_from_dublin_core_as_it_was(library: Library, tmp_path: Path) -> None:
    summary = "第一段：援助。\n第二段，“继续”。\r\n\r\n    An indented line\tand a tab."
    with open_library(tmp_path / "from") as source:
        stories.create_story(source, {"title": "Paragraphs", "summary": summary})
        exporting.export(source, "dc-xml", tmp_path / "out.xml")
    importing.import_files(library, [tmp_path / "out.xml"])
    (story,) = all_stories(library)
    assert story.summary == summary
