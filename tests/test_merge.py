"""Field copies and three-way merges: edits to different fields merge,
the same field edited on both sides is a conflict, delete against edit is a
conflict, records made on either side arrive, merging twice changes nothing,
and merging both ways gives the same content."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from ngodesk.domain.errors import Cancelled, ValidationError
from ngodesk.domain.models import EntityKind
from ngodesk.services import attachments, conflicts, field_copy, history, merging, queries, stories
from ngodesk.services.library import open_library
from ngodesk.services.merging import Prefer
from ngodesk.store.library import Library
from tests.test_attachments import PNG


def _content(library: Library) -> dict[str, tuple[object, ...]]:
    """Every story as a user sees it, by uuid."""
    views = queries.stories(library, queries.matching_ids(library, "").tolist())
    return {
        v.uuid: (
            v.title,
            v.summary,
            v.status.value,
            v.language,
            tuple(sorted(t.path for t in v.tags)),
            tuple(sorted(e.name for e in v.entities)),
        )
        for v in views
    }


def _id(library: Library, title: str) -> int:
    (found,) = [v.id for v in queries.stories(library, queries.matching_ids(library, "").tolist()) if v.title == title]
    return found


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """An origin library with three stories and a field copy of it."""
    origin = tmp_path / "office"
    with open_library(origin) as library:
        stories.create_story(library, {"title": "Wells in Kenya", "summary": "water"}, ["Region/Africa/Kenya"])
        stories.create_story(library, {"title": "Schools in Nepal"}, ["Region/Asia/Nepal"])
        stories.create_story(library, {"title": "Clinics in Myanmar"}, [], [(EntityKind.PLACE, "Myanmar")])
        field_copy.make_copy(library, tmp_path / "laptop")
    return origin, tmp_path / "laptop"


def test_a_field_copy_is_a_library_that_knows_its_origin(pair: tuple[Path, Path]) -> None:
    origin, copy = pair
    with open_library(origin) as mine, open_library(copy) as theirs:
        assert _content(mine) == _content(theirs)
        assert field_copy.origin_of(theirs) == field_copy.identity(mine) != field_copy.identity(theirs)
        assert field_copy.base_for(mine, theirs) == copy / field_copy.ANCESTOR
    with pytest.raises(ValidationError, match="not an empty folder"):
        with open_library(origin) as mine:
            field_copy.make_copy(mine, copy)


def test_edits_to_different_fields_and_new_records_merge_cleanly(pair: tuple[Path, Path]) -> None:
    origin, copy = pair
    with open_library(copy) as theirs:
        theirs.author = "Li Wei (field)"
        kenya = _id(theirs, "Wells in Kenya")
        stories.edit_story(theirs, kenya, {"summary": "clean water for 3 villages"}, add_tags=["Topic/Water"])
        stories.edit_story(theirs, kenya, remove_tags=["Region/Africa/Kenya"])
        stories.create_story(theirs, {"title": "Written in the field 田野"}, ["Topic/Water"])
        stories.delete_stories(theirs, [_id(theirs, "Clinics in Myanmar")])
    with open_library(origin) as mine:
        stories.edit_story(mine, _id(mine, "Wells in Kenya"), {"title": "Wells in Kenya (2019)"}, add_tags=["Checked"])
        stories.create_story(mine, {"title": "Written in the office"})
        report = merging.merge(mine, copy)
        assert report.conflicts == [] and report.added["stories"] == 1 and report.deleted["stories"] == 1
        got = {row[0]: row for row in _content(mine).values()}
        assert set(got) == {
            "Wells in Kenya (2019)",
            "Schools in Nepal",
            "Written in the field 田野",
            "Written in the office",
        }
        assert got["Wells in Kenya (2019)"][1] == "clean water for 3 villages"
        assert got["Wells in Kenya (2019)"][4] == (
            "Checked",
            "Topic/Water",
        )  # (Kenya removed there, Checked added here)
        kenya = _id(mine, "Wells in Kenya (2019)")
        assert [(c.field, c.who) for c in history.changes(mine, kenya) if c.who == "Li Wei (field)"][:2] == [
            ("summary", "Li Wei (field)"),
            ("tag", "Li Wei (field)"),
        ]
        assert queries.matching_ids(mine, "田野").size == 1 and queries.check(mine) == []
        before = _content(mine)
        again = merging.merge(mine, copy)  # (the same state again: nothing)
        assert _content(mine) == before and not again.added and not again.changed and not again.deleted


def test_both_ways_give_the_same_content(pair: tuple[Path, Path]) -> None:
    origin, copy = pair
    with open_library(copy) as theirs:
        stories.edit_story(
            theirs, _id(theirs, "Schools in Nepal"), {"status": "reviewed"}, add_tags=["Topic/Education"]
        )
        stories.create_story(theirs, {"title": "From the field"})
    with open_library(origin) as mine:
        stories.edit_story(mine, _id(mine, "Schools in Nepal"), {"language": "en"})
        stories.create_story(mine, {"title": "From the office"})
        merging.merge(mine, copy)
    with open_library(copy) as theirs:
        merging.merge(theirs, origin)
        copied = _content(theirs)
    with open_library(origin) as mine:
        assert _content(mine) == copied and len(copied) == 5


def test_the_same_field_changed_on_both_sides_is_a_conflict(pair: tuple[Path, Path]) -> None:
    origin, copy = pair
    with open_library(copy) as theirs:
        theirs.author = "Li Wei"
        stories.edit_story(theirs, _id(theirs, "Schools in Nepal"), {"title": "Schools in Nepal (field)"})
        stories.edit_story(theirs, _id(theirs, "Clinics in Myanmar"), {"summary": "edited in the field"})
    with open_library(origin) as mine:
        mine.author = "王芳"
        stories.edit_story(mine, _id(mine, "Schools in Nepal"), {"title": "Schools in Nepal (office)"})
        stories.delete_stories(mine, [_id(mine, "Clinics in Myanmar")])
        report = merging.merge(mine, copy)
        assert sorted((c.field, c.mine, c.theirs) for c in report.conflicts) == [
            ("(deleted)", None, "Clinics in Myanmar"),
            ("title", "Schools in Nepal (office)", "Schools in Nepal (field)"),
        ]
        title = next(c for c in report.conflicts if c.field == "title")
        assert (title.mine_who, title.theirs_who) == ("王芳", "Li Wei") and title.theirs_at
        assert "Schools in Nepal (office)" in {row[0] for row in _content(mine).values()}  # (mine kept meanwhile)
        assert merging.merge(mine, copy).conflicts == [] and len(conflicts.conflicts(mine)) == 2  # (not twice)
        conflicts.resolve(mine, title.uuid, "Schools in Nepal")
        assert "Schools in Nepal" in {row[0] for row in _content(mine).values()}
        assert [c.field for c in conflicts.conflicts(mine)] == ["(deleted)"]


@pytest.mark.parametrize(("prefer", "title"), [(Prefer.MINE, "office"), (Prefer.THEIRS, "field")])
def test_prefer_settles_conflicts(pair: tuple[Path, Path], prefer: Prefer, title: str) -> None:
    origin, copy = pair
    with open_library(copy) as theirs:
        stories.edit_story(theirs, _id(theirs, "Schools in Nepal"), {"title": "field"})
    with open_library(origin) as mine:
        stories.edit_story(mine, _id(mine, "Schools in Nepal"), {"title": "office"})
        assert merging.merge(mine, copy, prefer).conflicts == []
        assert title in {row[0] for row in _content(mine).values()} and conflicts.conflicts(mine) == []


def test_attachments_and_a_copy_of_some_stories(tmp_path: Path) -> None:
    photo = tmp_path / "well.png"
    photo.write_bytes(PNG)
    with open_library(tmp_path / "office") as library:
        kenya = stories.create_story(library, {"title": "Wells in Kenya"}).id
        stories.create_story(library, {"title": "Schools in Nepal"})
        field_copy.make_copy(library, tmp_path / "laptop", [kenya])
    with open_library(tmp_path / "laptop") as theirs:
        assert [row[0] for row in _content(theirs).values()] == ["Wells in Kenya"]
        attachments.attach(theirs, _id(theirs, "Wells in Kenya"), [photo])
    with open_library(tmp_path / "office") as mine:
        merging.merge(mine, tmp_path / "laptop")
        assert len(_content(mine)) == 2  # (the story not copied is not deleted)
        (view,) = attachments.attachments(mine, kenya)
        assert attachments.stored_path(mine, view.sha256).read_bytes() == PNG


def test_merge_commands_and_prefer_settling_what_was_left_open(pair: tuple[Path, Path]) -> None:
    import json

    from tests.test_cli import ngodesk, ok

    origin, copy = pair
    with open_library(copy) as theirs:
        stories.edit_story(theirs, _id(theirs, "Schools in Nepal"), {"title": "field"})
    with open_library(origin) as mine:
        stories.edit_story(mine, _id(mine, "Schools in Nepal"), {"title": "office"})
    asked = ngodesk("merge", str(copy), library=origin)
    assert (
        asked.returncode == 1
        and "1 conflict to settle" in asked.stdout
        and "mine 'office' / theirs 'field'" in asked.stdout
    )
    listed = json.loads(ok("conflicts", "--json", library=origin))
    assert [(c["field"], c["mine"], c["theirs"]) for c in listed] == [("title", "office", "field")]
    unsure = ngodesk("conflicts", "--settle", listed[0]["uuid"], library=origin)
    assert unsure.returncode == 1 and "--take mine or --take theirs" in unsure.stderr
    settled = ok("conflicts", "--settle", listed[0]["uuid"][:8], "--take", "mine", library=origin)
    assert "Settled (mine); 0 conflicts left." in settled and "No open conflicts." in ok("conflicts", library=origin)
    with open_library(origin) as mine:
        conflicts.reopen(mine, listed[0]["uuid"])  # (open again, as after an undo)
    assert "Merged" in ok("merge", str(copy), "--prefer", "theirs", library=origin)
    assert "No open conflicts." in ok("conflicts", library=origin)
    with open_library(origin) as mine:
        assert "field" in {row[0] for row in _content(mine).values()}
    made = ok("copy", str(copy.parent / "kenya only"), "--query", "Kenya", library=origin)
    assert "(1 story)" in made
    ok("copy", str(copy.parent / "trip.ngodesk-copy"), library=origin)
    unpacked = ngodesk("add", "--title", "On the road", library=copy.parent / "trip.ngodesk-copy")
    assert unpacked.returncode == 0 and f"working in {copy.parent / 'trip'}" in unpacked.stderr
    assert (copy.parent / "trip" / "catalogue.sqlite").exists()
    # merging the file merges the folder it was worked in (the file itself
    # still holds the copy as it was made)
    merged = ok("merge", str(copy.parent / "trip.ngodesk-copy"), library=origin)
    where = f"Merged {copy.parent / 'trip'}, where {copy.parent / 'trip.ngodesk-copy'} was opened and worked in"
    assert where in merged and "added 1 story." in merged


def test_a_field_copy_as_one_archive_file_merges_back(tmp_path: Path) -> None:
    import zipfile

    (tmp_path / "usb").mkdir()
    with open_library(tmp_path / "office") as library:
        stories.create_story(library, {"title": "Wells in Kenya"})
        archive = field_copy.make_archive(library, tmp_path / "usb" / "kenya.ngodesk-copy")
    assert archive.exists() and not (tmp_path / "usb" / "kenya.ngodesk-copy.partial").exists()
    with zipfile.ZipFile(archive) as opened:
        assert {"catalogue.sqlite", "ancestor.sqlite"} <= set(opened.namelist())
    with field_copy.opened_archive(archive) as folder, open_library(folder) as theirs:
        stories.create_story(theirs, {"title": "Written on the road"})
        changed = tmp_path / "usb" / "changed.ngodesk-copy"
        with zipfile.ZipFile(changed, "w") as packed:
            for path in folder.rglob("*"):
                if path.is_file():
                    packed.write(path, path.relative_to(folder).as_posix())
    with open_library(tmp_path / "office") as mine:
        report = merging.merge(mine, changed)
        assert report.added == {"stories": 1}
    evil = tmp_path / "evil.ngodesk-copy"
    with zipfile.ZipFile(evil, "w") as packed:
        packed.writestr("catalogue.sqlite", b"x")
        packed.writestr("../outside.txt", b"x")
    with open_library(tmp_path / "office") as mine, pytest.raises(ValidationError, match="outside the copy"):
        merging.merge(mine, evil)
    with pytest.raises(ValidationError, match="outside the copy"):
        field_copy.unpack(evil)
    assert not (tmp_path / "outside.txt").exists() and sorted(p.name for p in tmp_path.iterdir()) == [
        "evil.ngodesk-copy",
        "office",
        "usb",
    ]


def test_a_merge_killed_at_any_point_leaves_all_of_it_or_none(tmp_path: Path) -> None:
    """A real ``ngodesk merge`` process killed with SIGKILL at several
    moments: the library opens sound, with every change of the merge or
    none. (Each is forked from a server that imported ngodesk once, as the
    attack suite's are: it merges from its first moment, where a new
    interpreter spent the first second starting up.)"""
    import shutil
    import time

    from ngodesk.domain.models import StoryRecord
    from ngodesk.services import batch, importing
    from tests.attack.harness import Zygote

    size = 3000
    pristine = tmp_path / "pristine"
    with open_library(pristine) as library:
        importing.import_records(
            library, [StoryRecord(f"Story {i} 故事", str(i), summary="s" * 300) for i in range(size)]
        )
        field_copy.make_copy(library, tmp_path / "laptop")
    with open_library(tmp_path / "laptop") as theirs:
        ids = queries.matching_ids(theirs, "").tolist()
        edit = batch.BatchEdit(replacement=batch.Replacement("title", "^", "[field] ", regex=True))
        batch.apply(theirs, batch.plan(theirs, ids, edit))
    (tmp_path / "scratch").mkdir()
    server = Zygote(tmp_path / "scratch")
    outcomes = set()
    try:
        for delay in (0.05, 0.4, 0.75, 1.1, 1.45, 60.0):  # (from the start to the commit here; the last finishes)
            office = tmp_path / f"office-{delay:.2f}"
            shutil.copytree(pristine, office)
            server.start("cli", ["--library", str(office), "merge", str(tmp_path / "laptop")])
            server.wait(timeout=delay)  # (killed when it has not ended by then)
            time.sleep(0.05)
            with open_library(office) as library:
                assert queries.check(library) == []
                fielded = queries.matching_ids(library, '"[field]"').size
                titles = [v.title for v in queries.stories(library, queries.matching_ids(library, "").tolist())]
            merged = sum(title.startswith("[field] ") for title in titles)
            assert len(titles) == size and merged in (0, size), merged
            assert fielded in (0, size)  # (the search index agrees)
            outcomes.add(merged)
    finally:
        server.close()
    assert size in outcomes  # (the last one was let finish)


def test_glossary_terms_collections_and_thesaurus_links_merge(pair: tuple[Path, Path]) -> None:
    from ngodesk.domain.models import TermRecord
    from ngodesk.services import entities, glossary, thesaurus
    from ngodesk.services import story_collections as collections

    origin, copy = pair
    with open_library(copy) as theirs:
        glossary.create_term(theirs, TermRecord("走出去", "going out"))
        nepal = _id(theirs, "Schools in Nepal")
        collections.create_manual(theirs, "Reading list", [nepal])
        kenya_tag = next(t.id for t in queries.tags(theirs) if t.path == "Region/Africa/Kenya")
        thesaurus.make_synonym(theirs, "Kenia", kenya_tag)
        myanmar = next(v.id for v in queries.entities(theirs) if v.name == "Myanmar")
        burma = entities.create_entity(theirs, "place", "Burma (historical)").id
        entities.see_also(theirs, myanmar, burma)
    with open_library(origin) as mine:
        report = merging.merge(mine, copy)
        assert report.conflicts == [] and report.added["terms"] == 1 and report.added["collections"] == 1
        assert [t.term for _, t in glossary.terms(mine)] == ["走出去"]
        (shelf,) = collections.collections(mine)
        assert collections.stories_of(mine, shelf.id) == [_id(mine, "Schools in Nepal")]
        assert queries.matching_ids(mine, "tag:Kenia").size == 1
        views = {v.name: v for v in queries.entities(mine)}
        assert views["Myanmar"].see_also == (views["Burma (historical)"].uuid,)


def test_a_records_names_from_both_sides_are_kept_one_preferred_per_language(pair: tuple[Path, Path]) -> None:
    from ngodesk.domain.models import AltName
    from ngodesk.services import entities

    def myanmar(library: Library) -> int:
        return next(v.id for v in queries.entities(library) if v.name == "Myanmar")

    origin, copy = pair
    with open_library(copy) as theirs:
        entities.update_entity(
            theirs, myanmar(theirs), alt_names=[AltName("缅甸", "zh", True), AltName("Burma", "en"), "Birmanie"]
        )
    with open_library(origin) as mine:
        entities.update_entity(
            mine, myanmar(mine), alt_names=[AltName("缅甸联邦", "zh", True), AltName(" Burma ", "en")]
        )
        report = merging.merge(mine, copy)
        assert report.conflicts == [] and report.changed["records"] == 1
        (view,) = [v for v in queries.entities(mine) if v.name == "Myanmar"]
        names = {(n.name, n.language, n.preferred) for n in view.alt_names}
        # Theirs that this library lacks come along; "缅甸" stays unpreferred
        # beside this library's preferred Chinese name, and "Burma" is not doubled.
        assert names == {
            ("缅甸联邦", "zh", True),
            ("Burma", "en", False),
            ("缅甸", "zh", False),
            ("Birmanie", "en", False),
        }


def test_a_cancelled_merge_changes_nothing_and_odd_folder_names_work(tmp_path: Path) -> None:
    origin = tmp_path / "office"
    copy = tmp_path / "laptop #2 ?50% 田野"
    with open_library(origin) as library:
        stories.create_story(library, {"title": "Wells in Kenya"})
        field_copy.make_copy(library, copy)
    with open_library(copy) as theirs:
        stories.create_story(theirs, {"title": "From the field"})
    with open_library(origin) as mine:
        before = _content(mine)
        with pytest.raises(Cancelled):
            merging.merge(mine, copy, progress=lambda done, total: done < 3)
        assert _content(mine) == before
        assert merging.merge(mine, copy).added["stories"] == 1


def test_a_deletion_merged_in_keeps_who_made_it_and_when(
    pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    origin, copy = pair
    monkeypatch.setenv("NGODESK_USER", "Amina in the field")
    with open_library(copy) as theirs:
        uuid = queries.get_story(theirs, _id(theirs, "Schools in Nepal")).uuid
        stories.delete_stories(theirs, [_id(theirs, "Schools in Nepal")])
        with theirs.read() as session:
            grave = session.execute(text("SELECT deleted_by, deleted_at FROM tombstones")).one()
    monkeypatch.setenv("NGODESK_USER", "Li Wei at the office")
    with open_library(origin) as mine:
        merging.merge(mine, copy)
        with mine.read() as session:
            found = session.execute(text("SELECT deleted_by, deleted_at FROM tombstones WHERE uuid = :u"), {"u": uuid})
            assert tuple(found.one()) == tuple(grave) and grave[0] == "Amina in the field"


def test_a_folder_of_the_same_name_from_another_copy_is_not_taken_for_this_one(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    with open_library(tmp_path / "office") as library:
        stories.create_story(library, {"title": "Wells in Kenya"})
        first = field_copy.make_archive(library, usb / "trip.ngodesk-copy")
    assert field_copy.unpack(first) == usb / "trip"
    first.unlink()  # (a new copy of the same name comes, from a partner's library)
    with open_library(tmp_path / "partner") as partner:
        stories.create_story(partner, {"title": "Partner's story"})
        second = field_copy.make_archive(partner, usb / "trip.ngodesk-copy")
    assert field_copy.worked_in(second) is None
    with open_library(tmp_path / "office") as mine:
        assert merging.merge(mine, second).added == {"stories": 1}  # (the file, not the old folder)
    assert field_copy.unpack(second) == usb / "trip (2)"
    assert field_copy.unpack(second) == usb / "trip (2)" == field_copy.worked_in(second)  # (back to the work)


def test_going_back_to_before_a_merge_brings_back_what_it_replaced(
    pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    origin, copy = pair
    monkeypatch.setenv("NGODESK_USER", "Amina in the field")
    with open_library(copy) as theirs:
        stories.edit_story(theirs, _id(theirs, "Schools in Nepal"), {"title": "Schools in Nepal (field)"})
    monkeypatch.setenv("NGODESK_USER", "Li Wei at the office")
    with open_library(origin) as mine:
        story = _id(mine, "Schools in Nepal")
        stories.edit_story(mine, story, {"title": "Schools in Nepal (office)"})
        before = queries.get_story(mine, story).revision
        merging.merge(mine, copy, Prefer.THEIRS)
        assert queries.get_story(mine, story).title == "Schools in Nepal (field)"
        last = history.changes(mine, story)[-1]
        assert (last.old, last.new, last.who, last.revision) == (
            "Schools in Nepal (office)",
            "Schools in Nepal (field)",
            "Li Wei at the office",  # (who merged)
            before + 1,
        )
        history.revert(mine, story, before)
        assert queries.get_story(mine, story).title == "Schools in Nepal (office)"


def test_a_record_made_apart_on_both_sides_under_one_name_is_one_record(tmp_path: Path) -> None:
    from ngodesk.domain.models import AltName
    from ngodesk.services import entities

    # Two libraries that never shared a state: the same foundation recorded in each.
    for folder, title, names in (
        ("office", "Wells in Kenya", ["CFPA"]),
        ("partner", "Schools in Nepal", [AltName("China Foundation for Poverty Alleviation", "en")]),
    ):
        with open_library(tmp_path / folder) as library:
            stories.create_story(library, {"title": title}, [], [(EntityKind.ORGANISATION, "中国扶贫基金会")])
            (org,) = queries.entities(library)
            entities.update_entity(library, org.id, alt_names=names)
    with open_library(tmp_path / "office") as mine:
        report = merging.merge(mine, tmp_path / "partner")
        assert report.added.get("stories") == 1 and "records" not in report.added and report.conflicts == []
        (org,) = queries.entities(mine)
        assert {n.name for n in org.alt_names} == {"CFPA", "China Foundation for Poverty Alleviation"}
        linked = queries.matching_ids(mine, f"org:{org.name}").tolist()
        assert sorted(linked) == sorted([_id(mine, "Wells in Kenya"), _id(mine, "Schools in Nepal")])
        again = merging.merge(mine, tmp_path / "partner")  # (nothing more the second time)
        assert again.added == {} and len(queries.entities(mine)) == 1


def test_a_term_made_apart_in_the_same_languages_is_one_term_its_renderings_in_conflict(tmp_path: Path) -> None:
    from ngodesk.domain.models import TermRecord
    from ngodesk.services import glossary

    for folder, rendering in (("office", "going out"), ("partner", "going global")):
        with open_library(tmp_path / folder) as library:
            glossary.create_term(library, TermRecord("走出去", rendering))
            glossary.create_term(library, TermRecord("走出去", "sortir", target_language="fr"))
    with open_library(tmp_path / "office") as mine:
        report = merging.merge(mine, tmp_path / "partner")
        assert "terms" not in report.added
        assert [(c.kind, c.field, c.mine, c.theirs) for c in report.conflicts] == [
            ("term", "rendering", "going out", "going global")
        ]
        assert sorted((t.target_language, t.rendering) for _, t in glossary.terms(mine)) == [
            ("en", "going out"),
            ("fr", "sortir"),
        ]


def test_two_libraries_started_with_the_sample_merge_without_doubling_it(tmp_path: Path) -> None:
    from ngodesk.services.library import import_sample

    for folder in ("office", "laptop"):
        with open_library(tmp_path / folder) as library:
            import_sample(library)
    with open_library(tmp_path / "laptop") as theirs:
        stories.edit_story(theirs, 1, {"summary": "seen in the field"})
    with open_library(tmp_path / "office") as mine:
        count = queries.story_count(mine)
        report = merging.merge(mine, tmp_path / "laptop")
        assert "stories" not in report.added and queries.story_count(mine) == count
        # (no state shared before: which side changed the summary is not known)
        assert [(c.kind, c.field, c.theirs) for c in report.conflicts] == [("story", "summary", "seen in the field")]
