"""Tags as a thesaurus: synonyms redirect (typing, importing, searching),
tag:X includes narrower tags and tag:=X does not, merges keep the old name
as a synonym, related tags and scope notes, the tree on the command line."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from ngodesk.domain.errors import Conflict
from ngodesk.domain.models import StoryRecord
from ngodesk.services import importing, queries, stories, tags, thesaurus
from ngodesk.store.library import Library
from tests.test_cli import ngodesk, ok


def _ids(library: Library, query: str) -> list[int]:
    return sorted(queries.matching_ids(library, query).tolist())


def _tag_paths(library: Library, story_id: int) -> list[str]:
    return [tag.path for tag in queries.get_story(library, story_id).tags]


@pytest.fixture
def myanmar(library: Library) -> int:
    return tags.create_tag(library, "Region/Asia/Myanmar").id


def test_a_synonym_means_its_tag_when_typed_imported_or_searched(library: Library, myanmar: int) -> None:
    thesaurus.make_synonym(library, "Burma", myanmar)
    report = importing.import_records(library, [StoryRecord("Aid to Yangon", "a", tags=("Burma",))])
    (imported,) = report.changes.stories_added
    assert _tag_paths(library, imported) == ["Region/Asia/Myanmar"]
    typed = stories.create_story(library, {"title": "Schools in Mandalay"}).id
    stories.edit_story(library, typed, {}, add_tags=["burma"])  # (any case)
    assert _tag_paths(library, typed) == ["Region/Asia/Myanmar"]
    assert _ids(library, "tag:Burma") == sorted([imported, typed])
    assert [tag.path for tag in queries.tags(library)] == ["Region", "Region/Asia", "Region/Asia/Myanmar"]
    with pytest.raises(Conflict, match="'Burma' is a synonym of the tag 'Region/Asia/Myanmar'"):
        tags.create_tag(library, "Burma")
    assert queries.tag_paths(library, synonyms=True) == ["Burma", "Region", "Region/Asia", "Region/Asia/Myanmar"]
    thesaurus.remove_synonym(library, myanmar, "BURMA")
    assert _ids(library, "tag:Burma") == []


def test_tag_searches_include_narrower_tags_unless_exact(library: Library, myanmar: int) -> None:
    records = [
        StoryRecord("In Asia", "a", tags=("Region/Asia",)),
        StoryRecord("In Myanmar", "b", tags=("Region/Asia/Myanmar",)),
        StoryRecord("In Belt and Road", "c", tags=("Belt and Road",)),
    ]
    asia, burma, belt = sorted(importing.import_records(library, records).changes.stories_added, reverse=True)
    assert _ids(library, "tag:Asia") == sorted([asia, burma])
    assert _ids(library, "tag:=Asia") == [asia]
    assert _ids(library, "tag:=Region/Asia") == [asia]
    assert _ids(library, 'tag:="Belt and Road"') == [belt]
    assert _ids(library, "tag:=Region") == []


def test_a_synonym_that_is_a_tag_merges_it_and_merged_names_stay_findable(library: Library, myanmar: int) -> None:
    report = importing.import_records(library, [StoryRecord("Old spelling", "a", tags=("Burma",))])
    (story,) = report.changes.stories_added
    changes = thesaurus.make_synonym(library, "Burma", myanmar)
    assert changes.tags_removed and _tag_paths(library, story) == ["Region/Asia/Myanmar"]
    health = tags.create_tag(library, "Topic/Health").id
    medicine = tags.create_tag(library, "Medicine").id
    thesaurus.relate(library, medicine, myanmar)
    thesaurus.make_synonym(library, "Medical care", medicine)
    tags.merge_tags(library, medicine, health)  # its name, synonyms and relations go to Topic/Health
    (node,) = [n for n in thesaurus.tree(library) if n.path == "Topic/Health"]
    assert (node.synonyms, node.related) == (("Medical care", "Medicine"), ("Region/Asia/Myanmar",))
    again = importing.import_records(library, [StoryRecord("Clinics", "b", tags=("Medicine",))])
    (clinics,) = again.changes.stories_added
    assert _tag_paths(library, clinics) == ["Topic/Health"]
    with pytest.raises(Conflict, match="already a synonym of 'Topic/Health'"):
        thesaurus.make_synonym(library, "Medicine", myanmar)


def test_the_tree_counts_stories_below_each_tag_and_carries_notes(library: Library, myanmar: int) -> None:
    importing.import_records(library, [StoryRecord("In Myanmar", "a", tags=("Region/Asia/Myanmar",))])
    thesaurus.set_scope_note(library, myanmar, "  Stories set in Myanmar.  ")
    nodes = {node.path: node for node in thesaurus.tree(library)}
    assert [(p, n.depth, n.story_count) for p, n in nodes.items()] == [
        ("Region", 0, 1),
        ("Region/Asia", 1, 1),
        ("Region/Asia/Myanmar", 2, 1),
    ]
    assert nodes["Region/Asia/Myanmar"].scope_note == "Stories set in Myanmar."
    asia = nodes["Region/Asia"].id
    thesaurus.relate(library, myanmar, asia)
    related = {node.path: node.related for node in thesaurus.tree(library)}
    assert related["Region/Asia"] == ("Region/Asia/Myanmar",) and related["Region/Asia/Myanmar"] == ("Region/Asia",)
    thesaurus.relate(library, asia, myanmar, related=False)  # (either order)
    assert all(not node.related for node in thesaurus.tree(library))


def test_tag_commands(tmp_path: Path) -> None:
    path = tmp_path / "library"
    ok("add", "--title", "Hospitals in Yangon", "summary=Burma health aid", library=path)
    ok("add", "--title", "Schools in Kenya", library=path)
    ok("tag", "create", "Region/Asia/Myanmar", library=path)
    ok("tag", "synonym", "Burma", "Region/Asia/Myanmar", library=path)
    assert "Tagged 1 of 1 stories" in ok("tag", "apply", "Burma", "--query", "hospitals", library=path)
    ok("tag", "note", "Myanmar", "Stories set in Myanmar", library=path)
    ok("tag", "create", "Topic/Health", library=path)
    ok("tag", "relate", "Myanmar", "Topic/Health", library=path)
    tree = json.loads(ok("tags", "--tree", "--json", library=path))
    (myanmar,) = [row for row in tree if row["path"] == "Region/Asia/Myanmar"]
    assert (myanmar["stories"], myanmar["synonyms"], myanmar["related"], myanmar["scope_note"]) == (
        1,
        ["Burma"],
        ["Topic/Health"],
        "Stories set in Myanmar",
    )
    text = ok("tags", "--tree", library=path)
    assert "UF Burma" in text and "SN Stories set in Myanmar" in text
    ok("tag", "merge", "Topic/Health", "Myanmar", library=path)
    (myanmar,) = [row for row in json.loads(ok("tags", "--tree", "--json", library=path)) if row["name"] == "Myanmar"]
    assert myanmar["synonyms"] == ["Burma", "Health"] and myanmar["related"] == []
    missing = ngodesk("tag", "merge", "Nowhere", "Myanmar", library=path)
    assert missing.returncode == 1 and "No tag 'Nowhere'" in missing.stderr
    ok("thesaurus", "export", "--format", "skos-rdfxml", "-o", str(tmp_path / "t.rdf"), library=path)
    report = json.loads(ok("thesaurus", "import", str(tmp_path / "t.rdf"), "--json", library=tmp_path / "copy"))
    assert (report["concepts"], report["tags_added"], report["synonyms_added"], report["failed"]) == (
        4,
        4,
        2,
        [],
    )  # (Topic stays)
    (tmp_path / "cycle.ttl").write_text(FOREIGN, encoding="utf-8")
    assert ngodesk("thesaurus", "import", str(tmp_path / "cycle.ttl"), library=path).returncode == 1


def test_undoing_a_merge_or_delete_brings_synonyms_and_relations_back(library: Library, myanmar: int) -> None:
    from ngodesk.services import snapshots

    health = tags.create_tag(library, "Topic/Health").id
    medicine = tags.create_tag(library, "Medicine").id
    thesaurus.make_synonym(library, "Burma", myanmar)
    thesaurus.make_synonym(library, "Medical care", medicine)
    thesaurus.relate(library, medicine, myanmar)
    before = thesaurus.tree(library)
    snapshot = snapshots.snapshot_tags(library, [medicine, health])
    tags.merge_tags(library, medicine, health)
    snapshots.restore_tags(library, snapshot)
    assert thesaurus.tree(library) == before
    snapshot = snapshots.snapshot_tags(library, [myanmar])
    tags.delete_tag(library, myanmar, recursive=True)
    assert _ids(library, "tag:Burma") == [] and all(not n.related for n in thesaurus.tree(library))
    snapshots.restore_tags(library, snapshot)
    assert thesaurus.tree(library) == before


@pytest.mark.parametrize("format_name", ["skos-turtle", "skos-rdfxml"])
def test_skos_export_imports_into_an_empty_library_as_it_was(
    library: Library, myanmar: int, tmp_path: Path, format_name: str
) -> None:
    from ngodesk.services.library import open_library

    thesaurus.make_synonym(library, "Burma", myanmar)
    thesaurus.set_scope_note(library, myanmar, "Stories set in Myanmar")
    thesaurus.relate(library, myanmar, tags.create_tag(library, "主题/扶贫").id)
    path = tmp_path / "thesaurus.skos"
    assert thesaurus.export(library, format_name, path) == 5
    with open_library(tmp_path / "other") as other:
        report = thesaurus.import_file(other, path)
        assert (report.tags_added, report.synonyms_added, report.relations_added, report.problems) == (5, 1, 1, [])
        assert [(n.uuid, n.path, n.synonyms, n.related, n.scope_note) for n in thesaurus.tree(other)] == [
            (n.uuid, n.path, n.synonyms, n.related, n.scope_note) for n in thesaurus.tree(library)
        ]
        again = thesaurus.import_file(other, path)  # nothing new the second time
        assert (again.tags_added, again.synonyms_added, again.relations_added, again.notes_added) == (0, 0, 0, 0)


FOREIGN = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://example.org/t/> .
ex:health a skos:Concept ; skos:prefLabel "Health"@en, "卫生"@zh ; skos:altLabel "Medical care"@en .
ex:hiv a skos:Concept ; skos:prefLabel "HIV/AIDS"@en ; skos:broader ex:health, ex:disease ;
    skos:related ex:health ; skos:scopeNote "Prevention and care."@en .
ex:disease a skos:Concept ; skos:prefLabel "Disease"@en .
ex:a a skos:Concept ; skos:prefLabel "A" ; skos:broader ex:b .
ex:b a skos:Concept ; skos:prefLabel "B" ; skos:broader ex:a .
ex:nolabel a skos:Concept ; skos:altLabel "Nameless" .
ex:myanmar a skos:Concept ; skos:prefLabel "Myanmar" ; skos:altLabel "Burma" ; skos:broader ex:asia .
ex:scheme a skos:ConceptScheme ; skos:prefLabel "My Thesaurus" .
ex:blank a skos:Concept ; skos:prefLabel "   " ; skos:broader ex:health ; skos:altLabel "Kid" .
ex:long a skos:Concept ; skos:prefLabel "%s" .
ex:british a skos:Concept ; skos:prefLabel "Organisation"@en-GB, "Organisme"@fr .
""" % ("x" * 300)


def test_a_foreign_skos_file_imports_what_it_can_and_says_what_it_left(library: Library, tmp_path: Path) -> None:
    other = tags.create_tag(library, "Elsewhere").id
    thesaurus.make_synonym(library, "Burma", other)  # (taken: left out of Myanmar)
    path = tmp_path / "foreign.ttl"
    path.write_text(FOREIGN, encoding="utf-8")
    report = thesaurus.import_file(library, path)
    assert sorted((p.position.rsplit("/", 1)[-1], p.reason[:40]) for p in report.problems) == [
        ("a", "its broader concepts form a cycle; left "),
        ("b", "its broader concepts form a cycle; left "),
        ("blank", "a concept without a skos:prefLabel"),
        ("long", "left out: Tag name 'xxxxxxxxxxxxxxxxxxxx"),
        ("nolabel", "a concept without a skos:prefLabel"),
    ]
    remarks = " | ".join(p.reason for p in report.remarks)
    assert "more than one broader concept; placed under the first (http://example.org/t/disease)" in remarks
    assert "synonym 'Burma' left out" in remarks and "http://example.org/t/asia is not in the file" in remarks
    nodes = {node.path: node for node in thesaurus.tree(library)}
    assert set(nodes) == {"Disease", "Disease/HIV-AIDS", "Elsewhere", "Health", "Myanmar", "Organisation"}
    assert nodes["Health"].synonyms == ("Medical care", "卫生")  # (another language's label: a synonym)
    assert nodes["Organisation"].synonyms == ("Organisme",)  # (en-GB is English)
    assert nodes["Disease/HIV-AIDS"].related == ("Health",)
    assert nodes["Disease/HIV-AIDS"].scope_note == "Prevention and care."
    assert _ids(library, "tag:卫生") == _ids(library, "tag:Health")


def test_unsafe_or_unreadable_skos_is_refused_and_changes_nothing(library: Library, tmp_path: Path) -> None:
    from ngodesk.domain.errors import ImportFailed

    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">&a;</rdf:RDF>',
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed, match=r"bomb\.rdf: declares XML entities; refused for safety"):
        thesaurus.import_file(library, bomb)
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\nthis is not turtle", encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"broken\.ttl: not readable as SKOS \(turtle\)"):
        thesaurus.import_file(library, broken)
    assert queries.tags(library) == []


def test_an_entry_is_set_whole_or_not_at_all(library: Library, myanmar: int) -> None:
    other = tags.create_tag(library, "Topic/Health").id
    thesaurus.set_entry(library, other, thesaurus.Entry(("Medicine",), (), ""))
    entry = thesaurus.Entry(("Burma", "缅甸"), (other,), "Stories set in Myanmar.")
    thesaurus.set_entry(library, myanmar, entry)
    assert thesaurus.entry(library, myanmar) == entry
    assert thesaurus.entry(library, other).related == (myanmar,)
    with pytest.raises(Conflict, match="'Medicine' is already a synonym of 'Topic/Health'"):
        thesaurus.set_entry(library, myanmar, thesaurus.Entry(("Medicine",), (), "changed"))
    assert thesaurus.entry(library, myanmar) == entry
    thesaurus.set_entry(library, myanmar, thesaurus.Entry(("BURMA", "缅甸"), (), ""))  # (a new spelling)
    assert thesaurus.entry(library, myanmar) == thesaurus.Entry(("BURMA", "缅甸"), (), "")
    thesaurus.set_entry(library, myanmar, thesaurus.Entry(("缅甸",), (), ""))
    assert thesaurus.entry(library, myanmar) == thesaurus.Entry(("缅甸",), (), "")
    assert thesaurus.entry(library, other).related == ()


def test_a_tag_named_like_another_tags_synonym_merges(library: Library, myanmar: int) -> None:
    thesaurus.make_synonym(library, "Burma", myanmar)
    topics = tags.create_tag(library, "Topics").id
    burma = tags.create_child_tag(library, topics, "Burma").id  # (the sidebar does not look at synonyms)
    countries = tags.create_child_tag(library, topics, "Countries").id
    tags.merge_tags(library, burma, countries)
    nodes = {n.path: n for n in thesaurus.tree(library)}
    assert "Topics/Burma" not in nodes and nodes["Region/Asia/Myanmar"].synonyms == ("Burma",)


def test_an_rdfxml_declaration_expat_cannot_read_is_a_problem_not_a_traceback() -> None:
    """Found by the attack suite's fuzzing: rdflib let expat's error through."""
    from ngodesk.formats import skos

    text = (
        '<?xml version="1.0" encoding=":utf-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n'
    )
    assert [p.position for p in skos.read(text).problems] == ["the file"]


def test_a_concept_named_by_an_odd_uri_is_read_without_rdflibs_log(caplog: pytest.LogCaptureFixture) -> None:
    """(rdflib logged a warning in its own words with the raw name, a lone
    surrogate included: printed on the command line's stderr, and it
    crashed a test worker that had to send it on.)"""
    from ngodesk.formats import skos

    text = (
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<urn:x\\ud800 y> a skos:Concept ; skos:prefLabel "Relief" .\n'
    )
    with caplog.at_level(logging.DEBUG):
        skos.read(text, "skos-turtle")
    assert [record.getMessage() for record in caplog.records if record.name.startswith("rdflib")] == []
