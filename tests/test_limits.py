"""Limits that protect the user: files nested too deeply to read, text
that cannot be stored, fields too large for a catalogue; each ends in a
clear message with nothing changed (or, for a long body, the whole text
kept as an attachment), never a traceback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ngodesk.domain.errors import ImportFailed, ValidationError
from ngodesk.domain.models import AltName
from ngodesk.formats import nesting, skos
from ngodesk.services import (
    annotating,
    attachments,
    entities,
    exporting,
    fields,
    importing,
    queries,
    stories,
    tags,
    thesaurus,
)
from ngodesk.services.library import open_library
from ngodesk.store.library import Library
from tests.conftest import copy_library
from tests.test_gui_editing import open_window
from tests.test_gui_glossary import select_story

DEEP = 100_000


def _cli(*args: str | bytes, library: Path, real: bool = False) -> subprocess.CompletedProcess[str]:
    """``ngodesk --library LIBRARY ARGS`` run through ``cli.main`` here (as
    ``tests.test_cli.ngodesk`` runs it), bytes arguments as Python's start
    makes them of a shell's bytes that are not UTF-8 (``os.fsdecode``:
    "x\\udcff"); ``real``: a process of its own, given the bytes as they are."""
    if not real:
        from tests.test_cli import ngodesk

        return ngodesk(*(os.fsdecode(a) for a in args), library=library)
    command: list[str | bytes] = [sys.executable, "-m", "ngodesk", "--library", str(library), *args]
    done = subprocess.run(command, capture_output=True, env=os.environ, timeout=300)
    out, err = (stream.decode("utf-8", "replace") for stream in (done.stdout, done.stderr))
    return subprocess.CompletedProcess(command, done.returncode, out, err)


def _rows(library: Path, table: str) -> int:
    with sqlite3.connect(library / "catalogue.sqlite") as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def cli_library(tmp_path: Path, _sample_template: Path) -> Path:
    """A closed library holding the sample (a copy of the run's template)."""
    return copy_library(_sample_template, tmp_path / "cli-library")


def _csl_with_deep_note(depth: int) -> str:
    """A CSL-JSON item whose note is nested ``depth`` levels: below the
    parser's recursion limit, but deeper than anything later may walk."""
    item = json.dumps([{"type": "article", "title": "Deep", "note": "x"}])
    return item.replace('"x"', "[" * depth + "]" * depth)


#: (command, file name, text, whether in a process of its own) of files
#: nested too deeply to read. (The CSL item nested 950 levels parses at a
#: process's start, below the recursion limit; here, from the test's deeper
#: call stack, the parser itself would give up.)
_DEEP_FILES = [
    (["import"], "stories.json", "[" * DEEP, False),
    (["import"], "library.json", '{"format": "ngodesk", "version": 1, "stories": ' + "[" * DEEP, False),
    (["import", "--format", "csl-json"], "items.json", '{"a": ' * DEEP, False),
    (["import", "--format", "csl-json"], "noted.json", _csl_with_deep_note(950), True),
    (["annotations", "import"], "notes.jsonld", "[" * DEEP, False),
    (["thesaurus", "import"], "tags.ttl", "@prefix x: <http://x/> .\nx:a x:b " + "[ x:c " * DEEP, False),
    (["thesaurus", "import"], "lists.ttl", "@prefix x: <http://x/> .\nx:a x:b " + "(" * DEEP, False),
]


@pytest.mark.parametrize(("command", "name", "text", "real"), _DEEP_FILES, ids=[f[1] for f in _DEEP_FILES])
def test_a_file_nested_too_deeply_is_refused_by_name(
    cli_library: Path, tmp_path: Path, command: list[str], name: str, text: str, real: bool
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    counts = {table: _rows(cli_library, table) for table in ("stories", "tags", "annotations")}
    result = _cli(*command, str(path), library=cli_library, real=real)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert str(path) in output and "too deeply nested" in output
    assert {table: _rows(cli_library, table) for table in counts} == counts


_DEEP_MARKUP = [
    (
        "nested.xml",
        "<?xml version='1.0'?><rss version='2.0'><channel><item><title>Nested</title>"
        + "<a>" * DEEP
        + "</a>" * DEEP
        + "</item></channel></rss>",
    ),
    ("nested.bib", "@article{key, title = {" + "{" * DEEP + "}"),
]


@pytest.mark.parametrize(("name", "text"), _DEEP_MARKUP, ids=[m[0] for m in _DEEP_MARKUP])
def test_deeply_nested_xml_and_bibtex_end_in_a_report(cli_library: Path, tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = _cli("import", str(path), library=cli_library)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith("Imported")


# -- text SQLite cannot store (a shell's argument with bytes that are not UTF-8)

BAD = b"x\xff"  # (Python makes it "x\udcff": a lone surrogate)
UNSTORABLE = "has bytes that are not valid UTF-8 at column"


def _story_uuid(library: Path) -> str:
    with sqlite3.connect(library / "catalogue.sqlite") as db:
        return str(db.execute("SELECT uuid FROM stories ORDER BY id LIMIT 1").fetchone()[0])


def _counts(library: Path) -> dict[str, int]:
    tables = ("stories", "entities", "story_entities", "annotations", "tags", "story_tags")
    with sqlite3.connect(library / "catalogue.sqlite") as db:
        return {table: int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in tables}


#: (arguments, whether in a process of its own: given the bytes as a shell gives them)
_BAD_ARGUMENTS = [
    pytest.param(("set", "{uuid}", b"org+=" + BAD), False, id="set org+="),
    pytest.param(("set", "{uuid}", b"org+=" + BAD), True, id="set org+= (a process given the bytes)"),
    pytest.param(("set", "{uuid}", b"org-=" + BAD), False, id="set org-="),
    pytest.param(("set", "{uuid}", b"person+=" + BAD), False, id="set person+="),
    pytest.param(("set", "{uuid}", b"place-=" + BAD), False, id="set place-="),
    pytest.param(("add", "--title", "New", b"person+=" + BAD), False, id="add person+="),
    pytest.param(("add", "--title", "New", b"place+=" + BAD), False, id="add place+="),
    pytest.param(("tag", "note", "{tag}", BAD), False, id="tag note"),
    pytest.param(("annotations", "add", "--text", BAD, "{uuid}", "{quote}"), False, id="annotation text"),
    pytest.param(
        ("annotations", "add", "--text", "A note", "--author", BAD, "{uuid}", "{quote}"),
        False,
        id="annotation author",
    ),
]


@pytest.mark.parametrize(("arguments", "real"), _BAD_ARGUMENTS)
def test_text_that_cannot_be_stored_is_refused_with_the_column(
    cli_library: Path, arguments: tuple[str | bytes, ...], real: bool
) -> None:
    with sqlite3.connect(cli_library / "catalogue.sqlite") as db:
        title, tag = db.execute(
            "SELECT title, (SELECT name FROM tags LIMIT 1) FROM stories ORDER BY id LIMIT 1"
        ).fetchone()
    values = {"uuid": _story_uuid(cli_library), "tag": tag, "quote": title.split()[0]}
    given = [a.format(**values) if isinstance(a, str) else a for a in arguments]
    before = _counts(cli_library)
    result = _cli(*given, library=cli_library, real=real)
    assert result.returncode == 1 and f"{UNSTORABLE} 2" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
    assert _counts(cli_library) == before


def test_a_record_with_unstorable_text_fails_alone(library: Library, tmp_path: Path) -> None:
    items = [
        {"type": "article", "title": "Good"},
        {"type": "article", "title": "Bad author", "author": [{"literal": "x\udcff"}]},
        {"type": "article", "title": "Bad note", "note": "y\udcff"},
    ]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items), encoding="utf-8")  # (escaped: \udcff, as a careless writer makes it)
    report = importing.import_files(library, [path], "csl-json")
    assert report.added == 1
    assert [(p.position, UNSTORABLE in p.reason) for p in report.problems] == [("record 2", True), ("record 3", True)]
    assert queries.info(library)["entities"] == 0


def test_unstorable_text_in_a_library_file_fails_its_story(sample_library: Library, tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    entities.create_entity(sample_library, "organisation", "中国扶贫基金会")
    exporting.export(sample_library, "json", path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["stories"][0]["translations"] = [{"field": "title", "language": "en", "text": "T", "translator": "\udcff"}]
    document["entities"][0]["note"] = "\udcff"
    path.write_text(json.dumps(document), encoding="utf-8")
    with open_library(tmp_path / "other") as other:
        report = importing.import_files(other, [path])
        reasons = {p.position.split(" (")[0]: p.reason for p in report.problems}
        assert {"story 1", "entities 1"} <= set(reasons) and all(UNSTORABLE in r for r in reasons.values())
        assert report.added == len(document["stories"]) - 1


def test_unstorable_annotations_and_concepts_are_reported_each(sample_library: Library, tmp_path: Path) -> None:
    story = queries.stories(sample_library, [1])[0]
    note = {
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "\udcff"},
        "target": {
            "source": f"urn:uuid:{story.uuid}",
            "selector": {"type": "TextQuoteSelector", "exact": story.title[:4]},
        },
    }
    path = tmp_path / "notes.jsonld"
    path.write_text(json.dumps([note]), encoding="utf-8")
    report = annotating.import_file(sample_library, path)
    assert report.added == 0 and [p.position for p in report.problems] == ["annotation 1"]
    assert UNSTORABLE in report.problems[0].reason
    turtle = tmp_path / "tags.ttl"
    turtle.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<urn:uuid:not-a-uuid> skos:prefLabel "Good" .\n'
        '<http://x/bad> skos:prefLabel "Bad" ; skos:scopeNote "\\uDCFF" .\n',
        encoding="utf-8",
    )
    read = thesaurus.import_file(sample_library, turtle)
    assert read.tags_added == 1 and [p.position for p in read.problems] == ["http://x/bad"]
    assert UNSTORABLE in read.problems[0].reason


def test_record_notes_and_languages_that_cannot_be_stored_are_refused(library: Library) -> None:
    made = entities.create_entity(library, "person", "王芳")
    for change in (
        lambda: entities.create_entity(library, "person", "李伟", note="\udcff"),
        lambda: entities.update_entity(library, made.id, note="\udcff"),
        lambda: entities.update_entity(library, made.id, alt_names=[AltName("Wang Fang", "\udcff")]),
        lambda: thesaurus.set_entry(library, tags.create_tag(library, "T").id, thesaurus.Entry(synonyms=("\udcff",))),
    ):
        with pytest.raises(ValidationError, match=f"{UNSTORABLE} 1"):
            change()
    assert [view.note for view in queries.entities(library)] == [""]


# -- fields too large for a catalogue


def test_an_import_keeps_a_long_body_whole_as_an_attachment(library: Library, tmp_path: Path) -> None:
    body = "第一段 the first paragraph of a long story.\n" * 40_000  # 1,640,000 characters
    summary = "摘要 " * 60_000
    story_file, items = tmp_path / "library.json", tmp_path / "items.json"
    with open_library(tmp_path / "elsewhere") as elsewhere:
        stories.create_story(elsewhere, {"title": "Long"})
        exporting.export(elsewhere, "json", story_file)
    document = json.loads(story_file.read_text(encoding="utf-8"))
    document["stories"][0]["body"] = body
    story_file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    items.write_text(json.dumps([{"type": "article", "title": "Abstract", "abstract": summary}]), encoding="utf-8")
    report = importing.import_files(library, [story_file, items], strict=True)
    assert report.added == 2 and not report.problems
    where = [(s.file, s.position.split(" (")[0]) for s in report.warnings]
    assert where == [(str(story_file), "story 1"), (str(items), "record 1")]
    assert "body: 1,640,000 characters, more than the 1,000,000" in report.warnings[0].reason
    assert "“whole body.txt”" in report.warnings[0].reason and "“whole summary.txt”" in report.warnings[1].reason
    by_title = {view.title: view for view in queries.stories(library, sorted(report.changes.stories_added))}
    long, abstract = by_title["Long"], by_title["Abstract"]
    assert len(long.body) <= fields.BODY_MAX and body.startswith(long.body) and long.body.endswith("story.")
    assert len(abstract.summary) == fields.SUMMARY_MAX
    (attached,) = attachments.attachments(library, long.id)
    assert attached.name == "whole body.txt"
    assert attachments.stored_path(library, attached.sha256).read_text(encoding="utf-8") == body
    (kept,) = attachments.attachments(library, abstract.id)
    assert attachments.stored_path(library, kept.sha256).read_text(encoding="utf-8") == summary.strip()


def test_a_failed_import_leaves_no_whole_text_behind(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    long = {"type": "article", "title": "Abstract", "abstract": "摘要 " * 60_000}
    path.write_text(json.dumps([long, {"type": "article", "title": "x" * 2000}]), encoding="utf-8")
    with pytest.raises(ImportFailed, match="record 2: title"):
        importing.import_files(library, [path], strict=True)
    assert queries.info(library)["stories"] == 0
    assert not [path for path in (library.folder / "files").rglob("*") if path.is_file()]


@pytest.mark.parametrize(("field", "limit"), [("summary", fields.SUMMARY_MAX), ("body", fields.BODY_MAX)])
def test_setting_a_text_longer_than_its_field_holds_says_so(library: Library, field: str, limit: int) -> None:
    made = stories.create_story(library, {"title": "Story", field: "x" * limit})
    with pytest.raises(ValidationError, match=f"{field}: {limit + 1:,} characters, more than the {limit:,}"):
        stories.edit_story(library, made.id, {field: "y" * (limit + 1)})
    assert getattr(queries.get_story(library, made.id), field) == "x" * limit


def test_the_command_line_refuses_a_summary_too_long(cli_library: Path) -> None:
    result = _cli("set", _story_uuid(cli_library), "summary=" + "x" * (fields.SUMMARY_MAX + 1), library=cli_library)
    assert result.returncode == 1 and "summary: 100,001 characters, more than the 100,000" in result.stderr


def test_the_window_shows_a_text_longer_than_a_story_keeps_cut_and_read_only(qtbot, sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    other = stories.create_story(sample_library, {"title": "Another story"})
    made = stories.create_story(sample_library, {"title": "Old long story", "body": "short"})
    long = "一段很长的文字。\n" * 200_000  # 1.8 million characters, from before the limits
    with sqlite3.connect(sample_library.folder / "catalogue.sqlite") as db:
        db.execute("UPDATE stories SET body = ? WHERE id = ?", (long, made.id))
    window = open_window(qtbot, sample_library)
    select_story(window, "Old long story")
    editor = window.editor
    qtbot.waitUntil(lambda: editor.story is not None and editor.story.id == made.id)
    assert editor.body.toPlainText() == long[: fields.BODY_MAX] and editor.body.isReadOnly()
    assert editor.translation.originals["body"].toPlainText() == long[: fields.BODY_MAX]
    assert editor.cut_notice.isVisibleTo(editor) and "longer than the 1,000,000 characters" in editor.cut_notice.text()
    editor.summary.setPlainText("x" * (fields.SUMMARY_MAX + 1))  # (a paste)
    assert not editor.flush()
    assert "more than the 100,000" in editor.error.text() and editor.error.isVisibleTo(editor)
    assert queries.get_story(sample_library, made.id).body == long  # kept whole
    select_story(window, "Another story")
    qtbot.waitUntil(lambda: editor.story is not None and editor.story.id == other.id)
    assert not editor.body.isReadOnly() and not editor.cut_notice.isVisibleTo(editor)


def test_a_thesaurus_deeper_than_the_limit_is_left_out_below_it(library: Library, tmp_path: Path) -> None:
    lines = ["@prefix skos: <http://www.w3.org/2004/02/skos/core#> ."]
    for n in range(nesting.MAX_DEPTH + 3):  # (a chain of broader concepts, each a level of tags)
        broader = f"; skos:broader <http://x/c{n - 1}> " if n else ""
        lines.append(f'<http://x/c{n}> skos:prefLabel "c{n}" {broader}.')
    path = tmp_path / "deep.ttl"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = thesaurus.import_file(library, path)
    assert report.tags_added == nesting.MAX_DEPTH
    assert [p.position for p in report.problems] == [f"http://x/c{n}" for n in range(100, 103)]
    assert all("more than 100 levels of broader concepts" in p.reason for p in report.problems)


def test_record_names_and_notes_have_limits_too(library: Library, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="Record name '王王王.*' is longer than 500 characters"):
        entities.create_entity(library, "person", "王" * 501)
    with pytest.raises(ValidationError, match="note is longer than 20,000 characters"):
        entities.create_entity(library, "person", "王芳", note="n" * 20_001)
    path = tmp_path / "items.json"
    items = [
        {"type": "article", "title": f"Story {n}", "author": [{"literal": "A" * length}]}
        for n, length in ((1, 500), (2, 501))
    ]
    path.write_text(json.dumps(items), encoding="utf-8")
    report = importing.import_files(library, [path], "csl-json")
    assert report.added == 1 and [p.position for p in report.problems] == ["record 2"]
    assert [view.name for view in queries.entities(library)] == ["A" * 500]


def test_turtle_read_from_a_deep_call_stack_ends_in_a_problem_too() -> None:
    text = "@prefix x: <http://x/> .\nx:a x:b " + "[ x:c " * nesting.MAX_DEPTH + "x:d" + " ]" * nesting.MAX_DEPTH + " ."

    def read_at(depth: int) -> skos.ConceptsRead:  # (as from inside a window's slots)
        return read_at(depth - 1) if depth else skos.read(text)

    assert skos.read(text).problems == []  # (100 levels are read)
    assert "too deeply nested: 100 levels" in read_at(400).problems[0].reason


def test_braces_nested_too_deeply_fail_their_bibtex_entry_alone(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "nested.bib"
    deep = "@article{deep, title = " + "{" * 5000 + "x" + "}" * 5000 + "}\n"
    path.write_text(deep + '@article{fine, title = {Sch{\\"o}n}}\n', encoding="utf-8")
    report = importing.import_files(library, [path])
    assert report.added == 1 and [p.position for p in report.problems] == ["line 1 (deep)"]
    assert "too deeply nested: 4999 levels" in report.problems[0].reason


@pytest.mark.parametrize("text", ["@pre", '"a', "?x"])
def test_turtle_that_rdflib_trips_over_is_refused_by_name(library: Library, tmp_path: Path, text: str) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFailed, match=f"{path}: not readable as SKOS"):
        thesaurus.import_file(library, path)


def test_a_listing_with_a_long_run_of_spaces_is_read_at_once(tmp_path: Path) -> None:
    listing = tmp_path / "listing.txt"  # (1,600 spaces took 17 s, 3,000 two minutes: the time was cubic)
    listing.write_text("Keyword: a\n\nA title\n\nSome words" + " " * 100_000 + "more words\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "ngodesk", "--library", str(tmp_path / "library"), "import", str(listing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and result.stdout.startswith("Imported 1 story")


def test_the_command_line_says_which_texts_it_shortened(tmp_path: Path) -> None:
    from tests.test_cli import ngodesk

    items = tmp_path / "items.json"
    items.write_text(
        json.dumps([{"type": "article", "title": "Abstract", "abstract": "摘要 " * 60_000}]), encoding="utf-8"
    )
    said = ngodesk("import", str(items), library=tmp_path / "lib")
    assert said.returncode == 0, said.stderr
    assert "Imported 1 story, 1 with warnings." in said.stdout
    assert f"Warnings:\n  {items}, record 1" in said.stdout and "“whole summary.txt”" in said.stdout
    again = ngodesk("import", str(items), "--on-duplicate", "add", "--json", library=tmp_path / "lib")
    assert [s["record"] for s in json.loads(again.stdout)["warnings"]] == [f"{items}, record 1"]


def test_names_and_translations_with_bytes_that_are_not_utf8(library: Library, tmp_path: Path) -> None:
    """A file named in Latin-1, a user name from a Latin-1 terminal, a
    translator typed so: kept as far as they read, or refused by name."""
    from ngodesk.domain.models import Translation
    from ngodesk.services import translations
    from tests.test_cli import ngodesk

    story = stories.create_story(library, {"title": "Résumé"}).id
    named = tmp_path / os.fsdecode(b"r\xe9sum\xe9.pdf")
    named.write_bytes(b"%PDF-1.4")
    attachments.attach(library, story, [named])
    assert [a.name for a in attachments.attachments(library, story)] == ["r\ufffdsum\ufffd.pdf"]
    with pytest.raises(ValidationError, match="translator has bytes that are not valid UTF-8 at column 3"):
        translations.set_translations(library, story, [Translation("title", "en", "CV", translator="Wu\udce9")])
    with pytest.raises(ValidationError, match="summary: 100,001 characters, more than the 100,000"):
        translations.set_translations(library, story, [Translation("summary", "en", "x" * 100_001)])
    assert queries.get_story(library, story).translations == ()
    uuid = queries.get_story(library, story).uuid
    library.close()
    env = {"NGODESK_USER": os.fsdecode(b"Andr\xe9")}
    changed = ngodesk("set", uuid, "summary=changed", library=library.folder, env=env)
    assert changed.returncode == 0, changed.stderr
    history = json.loads(ngodesk("history", uuid, "--json", library=library.folder).stdout)
    assert history["changes"][-1]["who"] == "Andr\ufffd"


def test_control_characters_leave_tag_and_record_names_as_they_leave_titles(library: Library) -> None:
    """An import or a paste brings a \\x01 along: gone from names, as from
    story fields and from what a merge brings."""
    story = stories.create_story(library, {"title": "Wells\x01 in Kenya"}, ["Region/\x02Africa"]).id
    made = entities.create_entity(library, "place", "Ken\x7fya")
    view = queries.get_story(library, story)
    assert (view.title, [t.path for t in view.tags]) == ("Wells in Kenya", ["Region/Africa"])
    assert [e.name for e in queries.entities(library) if e.id == made.id] == ["Kenya"]
