"""Exports in every format (round trips through the importers, Chinese text,
escaping), the command line's export, and cancelling long operations:
nothing half done."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import bibtexparser
import pytest

from ngodesk.domain.errors import Cancelled, NgodeskError
from ngodesk.domain.models import EntityKind, StoryRecord
from ngodesk.services import exporting, importing, queries, stories
from ngodesk.services.library import open_library
from ngodesk.store.library import Library
from tests.conftest import copy_library
from tests.test_cli import ngodesk
from tests.test_import import all_stories


def test_export_writes_every_field_tags_and_records(sample_library: Library, tmp_path: Path) -> None:
    stories.create_story(
        sample_library,
        {"title": "中国扶贫基金会在缅甸", "published": "2019-03", "url": "https://example.org/a"},
        ["Region/Asia/Myanmar"],
        [("organisation", "中国扶贫基金会")],
    )
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "library.json"
    assert exporting.export_json(sample_library, out) == 14
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "ngodesk-library" and len(document["stories"]) == 14
    first = document["stories"][0]
    assert (first["title"], first["published"], first["tags"]) == (
        "中国扶贫基金会在缅甸",
        "2019-03",
        ["Region/Asia/Myanmar"],
    )
    (cfpa,) = document["entities"]
    assert first["entities"] == [cfpa["uuid"]] and cfpa["name"] == "中国扶贫基金会"
    assert {t["path"] for t in document["tags"]} >= {"Region", "Region/Asia", "Region/Asia/Myanmar"}
    assert list(out.parent.iterdir()) == [out]  # no temporary file left


def test_a_cancelled_import_changes_nothing(sample_library: Library) -> None:
    records = [StoryRecord(title=f"Story {i}", position=f"record {i}") for i in range(4500)]
    calls: list[tuple[int, int]] = []

    def cancel_after_the_first_report(done: int, total: int, title: str = "") -> bool:
        calls.append((done, total))
        return done == 0

    with pytest.raises(Cancelled):
        importing.import_records(sample_library, records, progress=cancel_after_the_first_report)
    assert calls == [(importing.REPORT_EVERY, 4500)]
    assert queries.info(sample_library)["stories"] == 13


# -- every format, on a library of Chinese (simplified and traditional) and English stories


SIMPLIFIED = {
    "title": "中国扶贫基金会在缅甸开展“民生项目”：《丝路一家亲》 & <b>粗体</b> 😀 \"引号\" '单'",
    "summary": "第一段：援助 50% 的 $5 #1 a_b ~ ^ back\\slash -- ``x''\n第二段，“继续”。 <script>alert(1)</script>",
    "url": "https://example.org/新闻/a?id=1&lang=zh_CN",
    "source": "人民日报 & 新华社",
    "published": "2018-12-07",
    "language": "zh",
}
TRADITIONAL = {
    "title": "絲路一家親：慈濟基金會在非洲「義診」",
    "summary": "臺灣與大陸的志願者\n\n攜手合作。",
    "url": "https://example.org/hant/2",
    "source": "聯合報",
    "published": "2019-03",
    "language": "zh-Hant",
}
ENGLISH = {"title": "Seminar on NGOs “going out” — Q&A", "summary": "One line.", "language": "en"}


@pytest.fixture
def mixed(tmp_path: Path, _empty_template: Path) -> Iterator[Library]:
    """Three stories: simplified Chinese (two tags, people, an organisation,
    a place), traditional Chinese (one tag, one person), English (untagged,
    undated, no one linked)."""
    with open_library(copy_library(_empty_template, tmp_path / "mixed")) as library:
        stories.create_story(
            library,
            SIMPLIFIED,
            ["Region/Asia/Myanmar", "主题/民生项目"],
            [("person", "王芳"), ("person", "Li, Wei"), ("organisation", "中国扶贫基金会"), ("place", "缅甸")],
        )
        stories.create_story(library, TRADITIONAL, ["Region/Africa/Kenya"], [("person", "陳美玲")])
        stories.create_story(library, ENGLISH)
        yield library


def _fields(library: Library) -> dict[str, dict[str, object]]:
    """What a round trip must keep, by title."""
    return {
        v.title: {
            "summary": v.summary,
            "url": v.url,
            "source": v.source,
            "published": v.published,
            "language": v.language,
            "tags": sorted(t.path for t in v.tags),
            "people": [e.name for e in v.entities if e.kind is EntityKind.PERSON],  # in order: 王芳 first
        }
        for v in all_stories(library)
    }


@pytest.mark.parametrize(
    ("format_name", "importer", "one_line_summaries"),
    [
        ("csv", "csv", False),
        ("ris", "ris", True),
        ("bibtex", "bibtex", True),
        ("csl-json", "csl-json", False),
        ("dc-xml", "oai-dc", False),
    ],
)
def test_an_export_imports_again_into_an_empty_library(
    mixed: Library, library: Library, tmp_path: Path, format_name: str, importer: str, one_line_summaries: bool
) -> None:
    out = tmp_path / f"stories{exporting.FORMATS[format_name].extension}"
    assert exporting.export(mixed, format_name, out) == 3
    report = importing.import_files(library, [out])  # the format is recognised from the contents
    assert (report.formats, report.added, report.problems) == ({str(out): importer}, 3, [])
    expected = _fields(mixed)
    if one_line_summaries:  # line breaks are spaces in RIS and BibTeX
        for fields in expected.values():
            fields["summary"] = " ".join(str(fields["summary"]).split())
    assert _fields(library) == expected


@pytest.mark.parametrize("format_name", ["bibtex", "csl-json", "ris", "csv", "dc-xml"])
def test_a_tag_with_a_comma_comes_back_as_one_tag(library: Library, tmp_path: Path, format_name: str) -> None:
    tags = ["Topic/Water, sanitation and hygiene", "Topic/Health"]
    with open_library(tmp_path / "from") as source:
        stories.create_story(source, {"title": "Wells in Kenya"}, tags)
        exporting.export(source, format_name, tmp_path / "out")
    importing.import_files(library, [tmp_path / "out"])
    (story,) = all_stories(library)
    assert sorted(t.path for t in story.tags) == sorted(tags)


def test_bibtex_keeps_urls_verbatim_and_keys_stable(mixed: Library, tmp_path: Path) -> None:
    first, second = tmp_path / "a.bib", tmp_path / "b.bib"
    exporting.export(mixed, "bibtex", first)
    exporting.export(mixed, "bibtex", second)
    text = first.read_text(encoding="utf-8")
    assert text == second.read_text(encoding="utf-8")
    assert "url = {https://example.org/新闻/a?id=1&lang=zh_CN}" in text  # BibTeX styles read urls verbatim
    uuids = [v.uuid for v in all_stories(mixed)]
    assert [e.key for e in bibtexparser.parse_string(text).entries] == [f"story-{u[:8]}" for u in uuids]


def test_dublin_core_is_an_oai_pmh_response_in_utf8(mixed: Library, tmp_path: Path) -> None:
    out = tmp_path / "stories.xml"
    exporting.export(mixed, "dc-xml", out)
    root = ElementTree.fromstring(out.read_bytes())
    oai, dc = "{http://www.openarchives.org/OAI/2.0/}", "{http://purl.org/dc/elements/1.1/}"
    records = root.findall(f"{oai}ListRecords/{oai}record")
    identifiers = [r.findtext(f"{oai}header/{oai}identifier") for r in records]
    assert identifiers == [f"oai:ngodesk:{v.uuid}" for v in all_stories(mixed)]
    titles = [r.find(f".//{dc}title") for r in records]  # newest first, undated last
    assert [(t.text, t.get("{http://www.w3.org/XML/1998/namespace}lang")) for t in titles] == [
        (TRADITIONAL["title"], "zh-Hant"),
        (SIMPLIFIED["title"], "zh"),
        (ENGLISH["title"], "en"),
    ]
    assert records[1].find(f".//{dc}description").text == SIMPLIFIED["summary"]  # line breaks kept in the file
    assert [c.text for c in records[1].iter(f"{dc}coverage")] == ["缅甸"]


def test_csv_opens_in_spreadsheets_and_runs_no_formulas(library: Library, tmp_path: Path) -> None:
    stories.create_story(
        library,
        {"title": "=1+1", "summary": "-2+3 是公式吗？\n第二行", "source": "@SUM(A1)", "language": "zh"},
        ["+tag", "Region/Africa"],
        [("person", '=HYPERLINK("http://evil.example")'), ("person", "王芳"), ("place", "肯尼亚")],
    )
    stories.create_story(library, TRADITIONAL)
    out = tmp_path / "stories.csv"
    exporting.export(library, "csv", out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbftitle,")  # UTF-8 with a byte-order mark
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    traditional, formulas = rows  # newest published first, undated last
    assert (formulas["title"], formulas["summary"], formulas["source"]) == (
        "'=1+1",
        "'-2+3 是公式吗？\n第二行",
        "'@SUM(A1)",
    )
    assert formulas["tags"] == "'+tag; Region/Africa"
    assert formulas["people"] == '\'=HYPERLINK("http://evil.example"); 王芳' and formulas["places"] == "肯尼亚"
    assert {k: traditional[k] for k in TRADITIONAL} == TRADITIONAL
    assert traditional["uuid"] == all_stories(library)[0].uuid and traditional["status"] == "draft"


class _Page(HTMLParser):
    """What a reader of the catalogue finds: the contents (link, text), the
    groups (section id -> heading, stories) and each story's parts (its
    language, link, title, meta line, summary); every element seen."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.header = ""
        self.contents: list[tuple[str, str]] = []
        self.groups: dict[str, tuple[str, list[dict[str, str]]]] = {}
        self._open: list[tuple[str, dict[str, str]]] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag == "section":
            self.groups[attributes["id"]] = ("", [])
        elif tag == "article":
            self._stories().append({"lang": attributes.get("lang", "")})
        if tag != "meta":
            self._open.append((tag, attributes))
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        _, attributes = self._open.pop()
        text, inside = "".join(self._text), [name for name, _ in self._open]
        if tag == "a" and "nav" in inside:
            self.contents.append((attributes["href"], text))
        elif tag == "a" and "article" in inside:
            self._stories()[-1]["href"] = attributes["href"]
        elif tag == "h2" and "section" in inside:
            section = next(a["id"] for name, a in self._open if name == "section")
            self.groups[section] = (text, self.groups[section][1])
        elif tag in ("h3", "p") and "article" in inside:
            self._stories()[-1][attributes.get("class", "title")] = text
        elif tag == "p" and "header" in inside:
            self.header = text

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def _stories(self) -> list[dict[str, str]]:
        return list(self.groups.values())[-1][1]


def test_html_catalogue_groups_by_tag_with_contents(mixed: Library, tmp_path: Path) -> None:
    out = tmp_path / "catalogue.html"
    exporting.export(mixed, "html", out)
    page = _Page()
    page.feed(out.read_text(encoding="utf-8"))
    assert page.elements[0] == ("html", {"lang": "en"}) and ("meta", {"charset": "utf-8"}) in page.elements
    assert page.header.startswith("3 stories, exported ")
    headings = ["Region › Africa › Kenya", "Region › Asia › Myanmar", "主题 › 民生项目", "Untagged"]
    assert page.contents == [(f"#{group}", heading) for group, (heading, _) in page.groups.items()]
    assert [heading for heading, _ in page.groups.values()] == headings
    listed = {heading: [s["title"] for s in found] for heading, found in page.groups.values()}
    assert listed == {
        "Region › Africa › Kenya": [TRADITIONAL["title"]],
        "Region › Asia › Myanmar": [SIMPLIFIED["title"]],
        "主题 › 民生项目": [SIMPLIFIED["title"]],
        "Untagged": [ENGLISH["title"]],
    }
    (simplified,) = page.groups["group-2"][1]
    assert simplified == {
        "lang": "zh",
        "href": SIMPLIFIED["url"],
        "title": SIMPLIFIED["title"],  # the <b> in it is text, not bold
        "meta": "2018-12-07 · 人民日报 & 新华社 · 王芳, Li, Wei",  # the first author first
        "summary": SIMPLIFIED["summary"],
    }
    assert not {tag for tag, _ in page.elements} & {
        "b",
        "script",
        "img",
        "link",
    }  # nothing from story text, nothing loaded
    (english,) = page.groups["group-4"][1]
    assert "href" not in english and "meta" not in english  # no url, date, source or people: no link, no line


def test_html_catalogue_lists_a_story_under_each_of_many_tags(library: Library, tmp_path: Path) -> None:
    many = [f"Topic/T{n:04d}" for n in range(1200)]
    stories.create_story(library, {"title": "Everywhere", "summary": "短"}, many, [(EntityKind.PERSON, "王芳")])
    stories.create_story(library, {"title": "Once"}, [many[600]])
    out = tmp_path / "catalogue.html"
    exporting.export(library, "html", out, progress=lambda done, total: done <= total)
    page = _Page()
    page.feed(out.read_text(encoding="utf-8"))
    listed = [(heading, [s["title"] for s in found]) for heading, found in page.groups.values()]
    assert listed == [
        (f"Topic › T{n:04d}", ["Once", "Everywhere"] if n == 600 else ["Everywhere"]) for n in range(1200)
    ]
    everywhere = page.groups["group-1"][1][0]
    assert (everywhere["meta"], everywhere["summary"]) == ("王芳", "短")


def test_json_exports_the_same_twice(mixed: Library, tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    exporting.export(mixed, "json", first)
    exporting.export(mixed, "json", second)
    documents = [json.loads(path.read_text(encoding="utf-8")) for path in (first, second)]
    for document in documents:
        document.pop("exported_at")
    assert documents[0] == documents[1] and len(documents[0]["stories"]) == 3
    assert documents[0]["stories"][1]["title"] == SIMPLIFIED["title"]


@pytest.mark.parametrize("format_name", list(exporting.FORMATS))
def test_a_cancelled_or_failed_export_leaves_no_file(mixed: Library, tmp_path: Path, format_name: str) -> None:
    out = tmp_path / "out" / "stories"
    out.parent.mkdir()
    out.write_text("the previous export")
    with pytest.raises(Cancelled):
        exporting.export(mixed, format_name, out, progress=lambda done, total: False)
    assert out.read_text() == "the previous export" and list(out.parent.iterdir()) == [out]
    missing = tmp_path / "missing" / "stories"
    with pytest.raises(NgodeskError, match=f"Cannot write {missing}: No such file or directory"):
        exporting.export(mixed, format_name, missing)


def test_an_exported_file_gets_the_usual_permissions(mixed: Library, tmp_path: Path) -> None:
    out = tmp_path / "stories.ris"
    previous = os.umask(0o022)
    try:
        exporting.export(mixed, "ris", out)
    finally:
        os.umask(previous)
    assert out.stat().st_mode & 0o777 == 0o644  # others may read it, as any new file (a temporary file is private)


# -- the command line


def run(*args: str, library: Path) -> subprocess.CompletedProcess[bytes]:
    """A real ``ngodesk`` process: the bytes it writes to standard output."""
    return subprocess.run(
        [sys.executable, "-m", "ngodesk", "--library", str(library), *args], capture_output=True, timeout=120
    )


def test_cli_exports_to_standard_output_or_a_file(sample_library: Library, library_path: Path, tmp_path: Path) -> None:
    shown = run("export", "--format", "csv", library=library_path)
    assert shown.returncode == 0 and shown.stderr == b""
    assert shown.stdout.startswith(b"\xef\xbb\xbftitle,")  # the same bytes as a file gets
    assert len(list(csv.reader(io.StringIO(shown.stdout.decode("utf-8-sig"))))) == 14
    out = tmp_path / "beijing.json"
    written = ngodesk("export", "--format", "json", "--query", "Beijing", "-o", str(out), library=library_path)
    assert written.returncode == 0 and written.stdout == ""
    found = [v.title for v in queries.stories(sample_library, queries.matching_ids(sample_library, "Beijing").tolist())]
    assert [s["title"] for s in json.loads(out.read_text(encoding="utf-8"))["stories"]] == found  # as search finds them
    assert len(found) == 5 and written.stderr == f"Exported 5 stories to {out}\n"


def test_cli_refuses_unknown_formats_and_unwritable_files(
    sample_library: Library, library_path: Path, tmp_path: Path
) -> None:
    unknown = ngodesk("export", "--format", "docx", library=library_path)
    assert unknown.returncode == 2 and "invalid choice: 'docx'" in unknown.stderr
    target = tmp_path / "missing" / "stories.ris"
    failed = ngodesk("export", "--format", "ris", "-o", str(target), library=library_path)
    assert failed.returncode == 1 and failed.stderr == f"ngodesk: Cannot write {target}: No such file or directory\n"
    assert not target.parent.exists()


@pytest.mark.parametrize("target", [".", "", "/", "..", "a folder"])
def test_exporting_to_a_folder_says_so_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    (tmp_path / "a folder").mkdir()
    monkeypatch.chdir(tmp_path)  # (where the command is run: the library and the target are relative)
    result = ngodesk("--library", "lib", "export", "--format", "json", "-o", target)
    assert result.returncode == 1 and "it is a folder; give the name of a file." in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a folder", "lib"] and not any(
        (tmp_path / "a folder").iterdir()
    )
