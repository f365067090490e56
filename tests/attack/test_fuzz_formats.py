"""Fuzzing every importer from the file on: stories (each ``--format`` and
``auto``), glossaries (TBX, CSV, TSV), thesauri (SKOS Turtle and RDF/XML)
and annotations (W3C Web Annotation JSON). The files are valid documents
made by ngodesk's own exporters (or written here for the formats it does
not write) with hostile pieces put in, or random bytes. Whatever the file,
reading it gives records and per-record problems, or refuses the file
with the project's own error (an NgodeskError, shown as a message): never
any other exception, which would be a traceback.

``NGODESK_ATTACK_EXAMPLES=N`` runs N cases per reader (40 by default)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import AnnotationKind
from ngodesk.formats import format_names, parse_file, read_text, skos
from ngodesk.services import annotating, exporting, glossary, queries, stories, thesaurus
from ngodesk.services.library import import_sample, open_library
from tests.attack.harness import FIGURES, Zygote, fuzz
from tests.attack.hostile import hostile_file
from tests.conftest import REALWORLD, SAMPLE

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>NGO news</title>
<item><title>中国扶贫基金会在缅甸</title><link>https://example.org/a</link>
<pubDate>Tue, 05 Mar 2019 08:00:00 GMT</pubDate><category>走出去</category>
<description>&lt;p&gt;民生项目 in Myanmar&lt;/p&gt;</description></item>
<item><title>Second</title><link>https://example.org/b</link></item></channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>丝路一家亲</title><link href="https://example.org/c"/><updated>2019-03-05T08:00:00Z</updated>
<summary type="html">&lt;b&gt;Silk Road&lt;/b&gt; Family</summary><author><name>王芳</name></author></entry></feed>
"""
WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>NGO site</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>africa</wp:category_nicename>
<wp:cat_name><![CDATA[Africa]]></wp:cat_name></wp:category>
<item><title>Lion Lights for Kenya</title><link>https://example.org/lion</link><dc:creator>admin</dc:creator>
<content:encoded><![CDATA[<p>走出去 story body</p>]]></content:encoded><wp:post_date>2019-03-05 08:00:00</wp:post_date>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="africa"><![CDATA[Africa]]></category></item>
<item><title>Trash</title><wp:status>trash</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>
"""
TSV = "title\tdate\ttags\tsummary\n走出去的民间组织\t2019-03-05\t走出去; 民间组织\t民生项目\nSecond\t2019\t\t\n"
TERMS = "zh,en,note\n丝路一家亲,Silk Road Family,a slogan\n民生项目,livelihood projects,\n"
#: Small real-world files (from other projects' test suites) used as seeds too, when there.
REAL = {
    "rss": ["rss_atom/rssparser_encoding-gb2312_qq_tech_zh.xml"],
    "wxr": ["wordpress_wxr/wpimporter_crazy-cdata-escaped.xml"],
    "ris": ["ris/rispy_example_utf_chars.ris", "ris/jabref_RisImporterTestScience.ris"],
    "bibtex": ["bibtex/bibtexparser_traps.bib"],
    "csl-json": ["csl_json/bbt_zh-tw_standard_2212.csl.json"],
    "oai-dc": ["dublin_core/sickle_ListRecords_oai_dc.xml"],
    "tbx": ["tbx_glossary/omegat_sampleTBXfile_bom.tbx"],
}
#: Files of the formats ngodesk reads but does not write, in tests/data/formats.
OWN = {
    "zotero-rdf": ["zotero_zh.rdf"],
    "mods": ["mods_zh.xml", "jabref_MODSImporterTestModsCollection_latin1.xml"],
    "endnote-xml": ["endnote_zh.xml"],
    "noteexpress": ["noteexpress_zh.txt"],
}
#: Story formats that ngodesk writes, and the export that makes their seed.
EXPORTED = {"json": "json", "csv": "csv", "ris": "ris", "bibtex": "bibtex", "csl-json": "csl-json", "oai-dc": "dc-xml"}


def _seeds_of_a_library(folder: Path) -> dict[str, list[str]]:
    """Valid documents of every format, exported from a small library
    with tags, records, glossary terms and an annotation."""
    seeds: dict[str, list[str]] = {}
    with open_library(folder / "library") as library:
        import_sample(library)
        ids = queries.matching_ids(library, "").tolist()[:3]
        stories.edit_story(library, ids[0], add_tags=["Region/Africa/Kenya", "走出去"], link=[("organisation", "王芳")])
        glossary.import_terms(library, glossary.SAMPLE_TERMS)
        passage = annotating.NewAnnotation("title", 0, 3, AnnotationKind.COMMENT, "a note")
        annotating.add(library, ids[0], passage)
        out = folder / "out"
        for name, export in EXPORTED.items():
            exporting.export(library, export, out, ids)
            seeds[name] = [out.read_text(encoding="utf-8")]
        for name in ("tbx", "csv"):
            glossary.export(library, name, out)
            seeds["glossary-" + name] = [out.read_text(encoding="utf-8")]
        seeds["glossary-tsv"] = [seeds["glossary-csv"][0].replace(",", "\t")]
        for name in skos.FORMATS:
            thesaurus.export(library, name, out)
            seeds[name] = [out.read_text(encoding="utf-8")]
        annotating.export(library, out)
        seeds["annotations"] = [out.read_text(encoding="utf-8")]
    return seeds


class _Seeds(dict):
    def __repr__(self) -> str:  # (hypothesis prints its arguments with a failure)
        return f"<seed documents of {len(self)} readers>"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> _Seeds:
    found = _Seeds(_seeds_of_a_library(tmp_path_factory.mktemp("seeds")))
    found |= {"rss": [RSS, ATOM], "wxr": [WXR], "tsv": [TSV], "cdb-listing": [SAMPLE.read_text("utf-8")[:3000]]}
    found["glossary-csv"].append(TERMS)
    for name, paths in REAL.items():
        key = "glossary-tbx" if name == "tbx" else name
        found[key] += [read_text(REALWORLD / p) for p in paths if (REALWORLD / p).exists()]
    for name, files in OWN.items():
        found[name] = [read_text(Path(__file__).parents[1] / "data" / "formats" / f) for f in files]
    found["auto"] = [seed for name in format_names() for seed in found[name]]
    return found


def _stories(name: str) -> Callable[[Path], object]:
    return lambda path: parse_file(path, name)


def _glossary(name: str) -> Callable[[Path], object]:
    return lambda path: glossary.read_glossary(path, name)


def _skos(name: str) -> Callable[[Path], object]:
    return lambda path: skos.read(read_text(path), name)


READERS: dict[str, Callable[[Path], object]] = {
    **{name: _stories(name) for name in [*format_names(), "auto"]},
    **{"glossary-" + name: _glossary(name) for name in glossary.FORMATS},
    **{name: _skos(name) for name in skos.FORMATS},
    "annotations": lambda path: annotating.read_annotations(read_text(path)),
}


@pytest.mark.parametrize("reader", sorted(READERS))
@fuzz(40)
@given(data=st.data())
def test_a_hostile_file_gives_records_problems_or_a_message(
    reader: str, seeds: _Seeds, tmp_path: Path, data: st.DataObject
) -> None:
    FIGURES.fuzz_cases += 1
    path = tmp_path / "hostile.dat"
    path.write_bytes(data.draw(hostile_file(seeds[reader]), label="file"))
    try:
        READERS[reader](path)
    except NgodeskError:
        pass  # refused with a message


def _read(reader: str, text: str, tmp_path: Path) -> None:
    path = tmp_path / "attack.dat"
    path.write_text(text, encoding="utf-8")
    try:
        READERS[reader](path)
    except NgodeskError:
        pass


@pytest.mark.parametrize("text", ["@pre", '"a', "?x"])
def test_malformed_turtle_is_refused_with_a_message(text: str, tmp_path: Path) -> None:
    """(rdflib raised IndexError, AssertionError and AttributeError: found by the fuzzing)"""
    _read("skos-turtle", text, tmp_path)


def test_deeply_nested_braces_in_bibtex_are_refused_with_a_message(tmp_path: Path) -> None:
    """(a RecursionError in the LaTeX decoder: found by the fuzzing)"""
    _read("bibtex", "@article{k, title = " + "{" * 5000 + "x" + "}" * 5000 + "}\n", tmp_path)


@pytest.mark.parametrize(
    "reader, text",
    [
        ("json", "[" * 20_000 + "]" * 20_000),
        ("csl-json", "[" * 20_000 + "]" * 20_000),
        ("annotations", '{"a":' * 20_000 + "1" + "}" * 20_000),
        ("skos-turtle", "@prefix : <urn:x#> .\n:a :b " + "[ :p " * 20_000 + "1" + " ]" * 20_000 + " .\n"),
        ("skos-turtle", "@prefix : <urn:x#> .\n:a :b " + "( " * 20_000 + "1" + " )" * 20_000 + " .\n"),
        ("oai-dc", "<OAI-PMH>" + "<a>" * 20_000 + "</a>" * 20_000 + "</OAI-PMH>"),
        ("rss", "<rss><channel>" + "<a>" * 20_000 + "</a>" * 20_000 + "</channel></rss>"),
        ("glossary-tbx", "<martif><text><body>" + "<a>" * 20_000 + "</a>" * 20_000 + "</body></text></martif>"),
        ("ris", "TY  - JOUR\nTI  - " + "(" * 20_000 + "\nER  - \n"),
    ],
    ids=lambda value: value if len(value) < 20 else "",
)
def test_deep_nesting_is_read_or_refused_with_a_message(reader: str, text: str, tmp_path: Path) -> None:
    _read(reader, text, tmp_path)


def test_a_listing_with_a_long_run_of_spaces_is_read_at_once(tmp_path: Path, zygote: Zygote) -> None:
    """1,600 spaces in a summary took ~17 s (800: 2 s, 3,000: ~2 min; found
    by the fuzzing): the "read more" pattern backtracked over them.
    (3,000 spaces, stopped after 10 s: a regression takes minutes, reading
    3 KB a fraction of a second even on a loaded machine; not a timing test.)"""
    listing = tmp_path / "listing.txt"
    listing.write_text("Keyword: a\n\nA title\n\nSome words" + " " * 3000 + "more words\n", encoding="utf-8")
    zygote.start("cli", ["--library", str(tmp_path / "library"), "import", "--format", "cdb-listing", str(listing)])
    result = zygote.wait(timeout=10)
    assert result.code == 0, "the import of a 3 KB listing did not end in 10 s"
