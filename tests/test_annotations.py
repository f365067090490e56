"""Annotations stay on their passage while the text around them changes,
and are orphaned, never moved to other words, when the passage goes."""

from __future__ import annotations

import pytest

from ngodesk.domain.errors import NotFound, ValidationError
from ngodesk.domain.models import AnnotationKind, StoryRecord, Translation
from ngodesk.search.anchoring import anchor, locate
from ngodesk.search.pinyin import syllables_of
from ngodesk.services import annotating, importing, queries, snapshots, stories, translations
from ngodesk.services.annotating import NewAnnotation
from ngodesk.store.library import Library
from tests.conftest import SAMPLE
from tests.test_cli import ngodesk, ok

TEXT = "中国扶贫基金会在缅甸开展民生项目。民生项目惠及当地村民。"


def test_a_passage_is_found_after_insertions_and_deletions_around_it() -> None:
    start = TEXT.index("民生项目")
    passage = anchor(TEXT, start, start + 4)
    edited = "据报道，" + TEXT.replace("在缅甸", "")
    found = locate(edited, passage)
    assert found is not None and edited[found.start : found.end] == "民生项目"
    assert found.start == edited.index("民生项目")  # (the first one, whose context matches)


def test_of_two_equal_quotes_the_one_in_its_context_is_chosen() -> None:
    second = TEXT.rindex("民生项目")
    passage = anchor(TEXT, second, second + 4)
    edited = "新：" + TEXT
    found = locate(edited, passage)
    assert found is not None and found.start == edited.rindex("民生项目")


def test_a_passage_whose_words_changed_is_lost_not_moved() -> None:
    start = TEXT.index("缅甸")
    passage = anchor(TEXT, start, start + 2)
    assert locate(TEXT.replace("缅甸", "柬埔寨"), passage) is None
    assert locate("", passage) is None
    with pytest.raises(ValueError):
        anchor(TEXT, 5, 5)


@pytest.fixture
def story_id(library: Library) -> int:
    report = importing.import_records(library, [StoryRecord("民生项目十年", "a", summary=TEXT)])
    (story_id,) = report.changes.stories_added
    return story_id


def _note(start: int, end: int, **more: object) -> NewAnnotation:
    return NewAnnotation(**{"field": "summary", "start": start, "end": end, "kind": AnnotationKind.COMMENT, **more})  # type: ignore[arg-type]


def test_annotations_follow_edits_and_are_orphaned_when_their_words_go(library: Library, story_id: int) -> None:
    start = TEXT.index("缅甸")
    uuid, _ = annotating.add(library, story_id, _note(start, start + 2, body="Myanmar", author="林"))
    term_start = TEXT.index("民生项目")
    annotating.add(
        library, story_id, _note(term_start, term_start + 4, kind=AnnotationKind.RENDERING, body="livelihood projects")
    )
    stories.edit_story(library, story_id, {"summary": "2019年，" + TEXT})
    moved = {a.exact: a for a in annotating.annotations(library, [story_id])}
    current = queries.get_story(library, story_id).summary
    assert current[moved["缅甸"].start : moved["缅甸"].end] == "缅甸" and not moved["缅甸"].orphaned
    assert moved["缅甸"].author == "林" and moved["缅甸"].body == "Myanmar"
    stories.edit_story(library, story_id, {"summary": current.replace("缅甸", "柬埔寨")})
    after = {a.exact: a for a in annotating.annotations(library, [story_id])}
    assert after["缅甸"].orphaned and not after["民生项目"].orphaned
    stories.edit_story(library, story_id, {"summary": TEXT})  # the words come back: so does the annotation
    assert not {a.exact: a for a in annotating.annotations(library, [story_id])}["缅甸"].orphaned
    annotating.delete(library, uuid)
    assert [a.exact for a in annotating.annotations(library)] == ["民生项目"]


def test_annotations_of_a_translation_follow_it(library: Library, story_id: int) -> None:
    english = "Livelihood projects in Myanmar."
    translations.set_translations(library, story_id, [Translation("summary", "en", english)])
    start = english.index("Myanmar")
    annotating.add(library, story_id, _note(start, start + 7, language="en", body="缅甸: keep the English name"))
    translations.set_translations(library, story_id, [Translation("summary", "en", "New: " + english)])
    (note,) = annotating.annotations(library, [story_id])
    assert (note.language, note.start, note.orphaned) == ("en", start + 5, False)


def test_a_translation_named_by_locale_or_name_is_the_one_annotated(library: Library, story_id: int) -> None:
    english = "Livelihood projects in Myanmar."
    translations.set_translations(library, story_id, [Translation("summary", "en_US", english)])
    start = english.index("Myanmar")
    annotating.add(library, story_id, _note(start, start + 7, language="English", body="缅甸"))
    (note,) = annotating.annotations(library, [story_id])
    assert (note.language, note.exact) == ("en", "Myanmar")


def test_bad_annotations_are_refused_and_change_nothing(library: Library, story_id: int) -> None:
    with pytest.raises(ValidationError, match="summary: no passage at 5..500"):
        annotating.add(library, story_id, _note(5, 500, body="x"))
    with pytest.raises(ValidationError, match="needs a comment"):
        annotating.add(library, story_id, _note(0, 2, body="  "))
    with pytest.raises(NotFound, match="no en translation"):
        annotating.add(library, story_id, _note(0, 2, body="x", language="en"))
    with pytest.raises(ValidationError, match="'url' cannot be annotated"):
        annotating.add(library, story_id, _note(0, 2, body="x", field="url"))
    with pytest.raises(ValidationError, match="needs a term of the glossary"):
        annotating.add(library, story_id, _note(0, 2, kind=AnnotationKind.TERM))
    assert annotating.annotations(library) == []


def test_command_line_adds_lists_and_exports_w3c_json_ld(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    cli_library = tmp_path / "library"
    ok("import", str(SAMPLE), library=cli_library)
    hit = json.loads(ok("search", "走出去", "--json", library=cli_library))[0]
    uuid = ok("annotations", "add", hit["uuid"], "走出去", "--text", "going out", "--author", "林", library=cli_library)
    missing = ngodesk("annotations", "add", hit["uuid"], "不在这里", "--text", "x", library=cli_library)
    assert missing.returncode == 1 and "“不在这里” does not appear once in the summary" in missing.stderr
    untranslated = ngodesk("annotations", "add", hit["uuid"], "going", "--language", "en", library=cli_library)
    assert untranslated.returncode == 1 and "The story has no en translation of its summary." in untranslated.stderr
    (listed,) = json.loads(ok("annotations", "list", "--json", library=cli_library))
    assert (listed["uuid"], listed["quote"], listed["text"]) == (uuid.strip(), "走出去", "going out")
    assert not listed["orphaned"]
    out = tmp_path / "notes.jsonld"
    ok("annotations", "export", "--story", hit["uuid"][:8], "-o", str(out), library=cli_library)
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 1
    (item,) = collection["first"]["items"]
    quote, position = item["target"]["selector"]
    assert item["id"] == f"urn:uuid:{uuid.strip()}" and item["target"]["source"] == f"urn:uuid:{hit['uuid']}"
    assert (quote["type"], quote["exact"], quote["prefix"][-1:]) == ("TextQuoteSelector", "走出去", "(")
    assert position == {"type": "TextPositionSelector", "start": listed["start"], "end": listed["end"]}
    assert item["body"][0]["value"] == "going out" and item["creator"]["name"] == "林"


def test_undoing_a_delete_brings_the_annotations_back(library: Library, story_id: int) -> None:
    annotating.add(library, story_id, _note(0, 4, body="the first words"))
    before = annotating.annotations(library)
    snapshot = snapshots.snapshot_stories(library, [story_id])
    stories.delete_stories(library, [story_id])
    assert annotating.annotations(library) == []
    snapshots.restore_stories(library, snapshot)
    assert annotating.annotations(library) == before


def test_json_ld_round_trip_reanchors_and_imports_nothing_twice(library: Library, story_id: int, tmp_path) -> None:  # type: ignore[no-untyped-def]
    start = TEXT.index("缅甸")
    annotating.add(library, story_id, _note(start, start + 2, body="Myanmar", author="林"))
    annotating.add(library, story_id, _note(0, 2, body="China"))
    exported = tmp_path / "notes.jsonld"
    annotating.export(library, exported)
    before = annotating.annotations(library)
    for view in before:
        annotating.delete(library, view.uuid)
    stories.edit_story(library, story_id, {"summary": "新的开头。" + TEXT.replace("中国", "我国")})
    report = annotating.import_file(library, exported)
    assert (report.added, report.orphaned, report.problems) == (2, 1, [])
    after = {a.uuid: a for a in annotating.annotations(library)}
    assert set(after) == {v.uuid for v in before}
    moved = next(a for a in after.values() if a.exact == "缅甸")
    assert moved.start == start + 5 and not moved.orphaned and moved.author == "林"
    assert next(a for a in after.values() if a.exact == "中国").orphaned
    again = annotating.import_file(library, exported)
    assert (again.added, again.unchanged) == (0, 2)


def test_annotations_that_cannot_be_imported_are_reported(library: Library, story_id: int, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from ngodesk.domain.errors import ImportFailed

    story = queries.get_story(library, story_id)
    good = {
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "a note"},
        "target": {"source": f"urn:uuid:{story.uuid}", "selector": {"type": "TextQuoteSelector", "exact": "村民"}},
    }
    elsewhere = {**good, "target": {**good["target"], "source": "urn:uuid:00000000-0000-4000-8000-000000000000"}}
    unquoted = {**good, "target": {"source": f"urn:uuid:{story.uuid}"}}
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"type": "AnnotationPage", "items": [good, elsewhere, unquoted]}), encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"page\.json, annotation 2: no story 00000000"):
        annotating.import_file(library, page, strict=True)
    assert annotating.annotations(library) == []
    report = annotating.import_file(library, page)
    assert report.added == 1 and [p.position for p in report.problems] == ["annotation 2", "annotation 3"]
    (note,) = annotating.annotations(library)
    assert (note.field, note.exact, note.body) == ("summary", "村民", "a note")  # (found in the summary)
    broken = tmp_path / "broken.json"
    broken.write_text('{"type": "AnnotationPage", "items": [', encoding="utf-8")
    assert [p.reason[:8] for p in annotating.import_file(library, broken).problems] == ["not JSON"]


def test_the_same_words_among_other_words_are_not_the_passage() -> None:
    text = "The NGO opened a school. Later, funding for another NGO ended."
    passage = anchor(text, 4, 7)
    assert locate(text.replace("The NGO opened a school. ", ""), passage) is None  # (not the other NGO)
    moved = locate("Last year the NGO opened a school. Later, funding for another NGO ended.", passage)
    assert moved is not None and moved.start == 14  # (only what came before it changed)


def test_a_story_restored_after_others_were_annotated_keeps_its_annotations(library: Library) -> None:
    report = importing.import_records(
        library, [StoryRecord("一", "a", summary=TEXT), StoryRecord("二", "b", summary=TEXT)]
    )
    first, second = sorted(report.changes.stories_added)
    annotating.add(library, first, _note(0, 2, body="one"))
    annotating.add(library, second, _note(0, 2, body="two"))
    snapshot = snapshots.snapshot_stories(library, [second])
    stories.delete_stories(library, [second])
    annotating.add(library, first, _note(2, 4, body="three"))  # (may take the freed row id)
    snapshots.restore_stories(library, snapshot)
    assert sorted(a.body for a in annotating.annotations(library)) == ["one", "three", "two"]


def test_other_tools_annotations_are_imported_once(library: Library, story_id: int, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    story = queries.get_story(library, story_id)
    foreign = {
        "id": "https://hypothes.is/a/abc123",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "seen"},
        "target": {"source": f"urn:uuid:{story.uuid}", "selector": {"type": "TextQuoteSelector", "exact": "村民"}},
    }
    path = tmp_path / "h.json"
    path.write_text(json.dumps([foreign]), encoding="utf-8")
    assert annotating.import_file(library, path).added == 1
    assert annotating.import_file(library, path).unchanged == 1


def test_very_long_words_and_typed_spaces_in_pinyin_queries(library: Library) -> None:
    assert syllables_of(["a" * 1200]) == []
    assert syllables_of(["fang", "an"]) == [["fang", "an"]]  # (the space is a syllable break)
    assert queries.search(library, "e" * 2000).total == 0


def test_note_search_finds_comments_and_passages_in_either_script(library: Library, story_id: int) -> None:
    other = importing.import_records(library, [StoryRecord("Another story", "b", summary="Nothing noted here.")])
    start = TEXT.index("缅甸")
    uuid, _ = annotating.add(library, story_id, _note(start, start + 2, body="Keep 「走出去」 as Going Out"))
    assert queries.matching_ids(library, "note:走出去").tolist() == [story_id]
    assert queries.matching_ids(library, "note:緬甸").tolist() == [story_id]  # the passage, in traditional
    assert queries.matching_ids(library, 'note:"going out"').tolist() == [story_id]
    assert queries.matching_ids(library, "-note:going").tolist() == sorted(other.changes.stories_added)
    annotating.edit(library, uuid, "Myanmar, not Burma")
    assert queries.matching_ids(library, "note:going").size == 0
    assert queries.matching_ids(library, "note:burma").tolist() == [story_id]
    snapshot = snapshots.snapshot_stories(library, [story_id])
    stories.delete_stories(library, [story_id])
    assert queries.matching_ids(library, "note:burma").size == 0
    snapshots.restore_stories(library, snapshot)
    assert queries.matching_ids(library, "note:burma").tolist() == [story_id]


def test_command_line_term_annotations_link_the_glossary_term_the_words_are(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from ngodesk.domain.models import TermRecord
    from ngodesk.services import glossary
    from ngodesk.services.library import open_library

    cli_library = tmp_path / "library"
    ok("import", str(SAMPLE), library=cli_library)
    with open_library(cli_library) as library:
        term = glossary.create_term(library, TermRecord("走出去", "going out"))
        term_uuid = glossary.get_term(library, term.id).uuid
    hit = json.loads(ok("search", "走出去", "--json", library=cli_library))[0]
    ok("annotations", "add", hit["uuid"], "走出去", "--kind", "term", library=cli_library)
    (listed,) = json.loads(ok("annotations", "list", "--json", library=cli_library))
    assert listed["term"] == term_uuid and listed["kind"] == "term"
    none = ngodesk("annotations", "add", hit["uuid"], "NGOs", "--kind", "term", library=cli_library)
    assert none.returncode == 1 and "glossary term" in none.stderr


def test_a_note_without_an_author_is_by_whoever_writes_it(library: Library) -> None:
    story = stories.create_story(library, {"title": "Clinics in Myanmar"}).id
    library.author = "Alice (Edit > Preferences)"
    annotating.add(library, story, NewAnnotation("title", 0, 7, "comment", "clinics, not hospitals"))
    annotating.add(library, story, NewAnnotation("title", 0, 7, "comment", "agreed", author="Bo"))
    assert [n.author for n in annotating.annotations(library, [story])] == ["Alice (Edit > Preferences)", "Bo"]


def test_the_note_filter_key_is_kept_by_the_store_whoever_writes(sample_library: Library) -> None:
    """An annotation written through any session, by a program that never
    imports the annotation services, gets its ``note:`` key (folded:
    traditional characters found by simplified ones)."""
    import subprocess
    import sys

    folder = sample_library.folder
    sample_library.close()
    code = (
        "import sys\n"
        "from ngodesk.store.library import Library\n"
        "from ngodesk.store.schema import Annotation, Story\n"
        f"library = Library.open({str(folder)!r})\n"
        "with library.write() as session:\n"
        "    story = session.query(Story).first()\n"
        "    session.add(Annotation(story_id=story.id, field='summary', kind='comment', body='扶貧項目',"
        " exact='NGO', quote_start=0, quote_end=3))\n"
        "with library.read() as session:\n"
        "    print(repr(session.query(Annotation.search_key).one()[0]))\n"
        "library.close()\n"
        "print('ngodesk.services.annotating' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["'扶贫项目 ngo'", "False"]
