"""Settling merge conflicts: a record deleted on one side and edited on the
other stays (comes back) until someone decides; field conflicts of any kind
of record take the value chosen; undoing a settlement puts everything back
and lists the conflict again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ngodesk.domain.models import TermRecord, Translation
from ngodesk.services import annotating, conflicts, field_copy, glossary, merging, queries, stories, translations
from ngodesk.services import story_collections as collections
from ngodesk.services.annotating import NewAnnotation
from ngodesk.services.conflicts import DELETED
from ngodesk.services.library import open_library
from ngodesk.services.merging import Prefer
from ngodesk.store.library import Library
from tests.test_merge import _content, _id


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """An office library (a tagged story with a translation and a note on
    it, a glossary term) and a field copy of it."""
    origin = tmp_path / "office"
    with open_library(origin) as library:
        story = stories.create_story(library, {"title": "Clinics in Myanmar"}, ["Region/Asia/Myanmar"])
        translations.set_translations(library, story.id, [Translation("title", "zh", "缅甸的诊所")])
        term = glossary.create_term(library, TermRecord("诊所", "clinic"))
        annotating.add(library, story.id, NewAnnotation("title", 3, 5, "comment", "clinics, not hospitals", "zh"))
        assert term.id
        field_copy.make_copy(library, tmp_path / "laptop")
    return origin, tmp_path / "laptop"


def _edited_there_deleted_here(pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    origin, copy = pair
    monkeypatch.setenv("NGODESK_USER", "Amina in the field")
    with open_library(copy) as theirs:
        stories.edit_story(theirs, _id(theirs, "Clinics in Myanmar"), {"summary": "three clinics opened"})
    monkeypatch.setenv("NGODESK_USER", "Li Wei at the office")
    with open_library(origin) as mine:
        stories.delete_stories(mine, [_id(mine, "Clinics in Myanmar")])


def test_a_story_deleted_here_and_edited_there_comes_back_until_settled(
    pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    origin, copy = pair
    _edited_there_deleted_here(pair, monkeypatch)
    with open_library(origin) as mine:
        (conflict,) = merging.merge(mine, copy).conflicts
        assert (conflict.field, conflict.mine, conflict.theirs) == (DELETED, None, "Clinics in Myanmar")
        # who deleted it and who edited it, when
        assert (conflict.mine_who, conflict.theirs_who) == ("Li Wei at the office", "Amina in the field")
        assert conflict.theirs_at[:4] == conflict.mine_at[:4] == str(date.today().year)
        back = queries.get_story(mine, _id(mine, "Clinics in Myanmar"))  # (with all it had there)
        assert back.summary == "three clinics opened" and [t.path for t in back.tags] == ["Region/Asia/Myanmar"]
        assert back.translation("title", "zh") is not None and len(annotating.annotations(mine, [back.id])) == 1
        assert queries.matching_ids(mine, "three clinics").size == 1
        kept = _content(mine)
    with open_library(copy) as theirs:  # (the other way round gives the same content)
        merging.merge(theirs, origin)
        assert _content(theirs) == kept
    with open_library(origin) as mine:
        was = conflicts.before(mine, conflict.uuid)
        conflicts.resolve(mine, conflict.uuid, None)  # (keep the deletion)
        assert _content(mine) == {} and conflicts.conflicts(mine) == []
        assert merging.merge(mine, copy).conflicts == [] and _content(mine) == {}  # (settled stays settled)
        conflicts.reopen(mine, conflict.uuid, was)
        assert _content(mine) == kept and [c.uuid for c in conflicts.conflicts(mine)] == [conflict.uuid]


@pytest.mark.parametrize(("prefer", "titles"), [(Prefer.MINE, []), (Prefer.THEIRS, ["Clinics in Myanmar"])])
def test_prefer_theirs_keeps_what_they_edited_and_prefer_mine_deletes_it(
    pair: tuple[Path, Path], prefer: Prefer, titles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    origin, copy = pair
    _edited_there_deleted_here(pair, monkeypatch)
    with open_library(origin) as mine:
        merging.merge(mine, copy)  # (left open, story back)
        merging.merge(mine, copy, prefer)  # (settles what was left open)
        assert [row[0] for row in _content(mine).values()] == titles and conflicts.conflicts(mine) == []


def test_field_conflicts_of_terms_and_translations_take_the_value_chosen(pair: tuple[Path, Path]) -> None:
    origin, copy = pair
    for folder, rendering, text in ((copy, "health post", "缅甸诊所"), (origin, "medical clinic", "缅甸的医疗站")):
        with open_library(folder) as library:
            ((term_id, term),) = glossary.terms(library)
            glossary.update_term(library, term_id, TermRecord(term.term, rendering))
            story_id = _id(library, "Clinics in Myanmar")
            translations.set_translations(library, story_id, [Translation("title", "zh", text)])
    with open_library(origin) as mine:
        found = {c.kind: c for c in merging.merge(mine, copy).conflicts}
        assert (found["term"].field, found["term"].mine, found["term"].theirs) == (
            "rendering",
            "medical clinic",
            "health post",
        )
        assert found["translation"].label == "Clinics in Myanmar: title (zh)"
        was = conflicts.before(mine, found["term"].uuid)
        conflicts.resolve(mine, found["term"].uuid, found["term"].theirs)
        conflicts.resolve(mine, found["translation"].uuid, "缅甸诊所")
        assert [t.rendering for _, t in glossary.terms(mine)] == ["health post"]
        story = queries.get_story(mine, _id(mine, "Clinics in Myanmar"))
        assert story.translation("title", "zh").text == "缅甸诊所"  # type: ignore[union-attr]
        assert conflicts.story_of(mine, found["translation"].uuid) == story.id
        conflicts.reopen(mine, found["term"].uuid, was)
        assert [t.rendering for _, t in glossary.terms(mine)] == ["medical clinic"]
        assert [c.kind for c in conflicts.conflicts(mine)] == ["term"]


def test_a_note_deleted_there_and_edited_here_is_kept_until_deleted(
    pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    origin, copy = pair
    monkeypatch.setenv("NGODESK_USER", "Amina in the field")
    with open_library(copy) as theirs:
        (note,) = annotating.annotations(theirs)
        annotating.delete(theirs, note.uuid)
    with open_library(origin) as mine:
        annotating.edit(mine, note.uuid, "clinics: small ones")
        (conflict,) = merging.merge(mine, copy).conflicts
        assert (conflict.kind, conflict.field, conflict.theirs) == ("annotation", DELETED, None)
        assert conflict.theirs_who == "Amina in the field" and conflict.mine_at  # (when it was edited here)
        assert [n.body for n in annotating.annotations(mine)] == ["clinics: small ones"]
        was = conflicts.before(mine, conflict.uuid)
        conflicts.resolve(mine, conflict.uuid, None)
        assert annotating.annotations(mine) == []
        conflicts.reopen(mine, conflict.uuid, was)
        assert [n.body for n in annotating.annotations(mine)] == ["clinics: small ones"]
        assert [n.uuid for n in annotating.annotations(mine)] == [note.uuid]


def test_a_collection_made_on_both_sides_under_one_name_is_one_collection(pair: tuple[Path, Path]) -> None:
    origin, copy = pair
    with open_library(copy) as theirs:
        field_story = stories.create_story(theirs, {"title": "Written in the field"}).id
        collections.create_manual(theirs, "Reading list", [field_story])
    with open_library(origin) as mine:
        collections.create_manual(mine, "reading list", [_id(mine, "Clinics in Myanmar")])
        report = merging.merge(mine, copy)
        (shelf,) = collections.collections(mine)
        titles = {queries.get_story(mine, i).title for i in collections.stories_of(mine, shelf.id)}
        assert titles == {"Clinics in Myanmar", "Written in the field"}
        assert [(c.field, c.mine, c.theirs) for c in report.conflicts] == [("name", "reading list", "Reading list")]
        conflicts.resolve(mine, report.conflicts[0].uuid, "Reading list")
        assert [c.name for c in collections.collections(mine)] == ["Reading list"]


def test_a_newer_state_of_a_field_replaces_its_open_conflict(pair: tuple[Path, Path]) -> None:
    origin, copy = pair
    for folder, title in ((copy, "Clinics (field)"), (origin, "Clinics (office)")):
        with open_library(folder) as library:
            stories.edit_story(library, _id(library, "Clinics in Myanmar"), {"title": title})
    with open_library(origin) as mine:
        merging.merge(mine, copy)
        assert [c.theirs for c in conflicts.conflicts(mine)] == ["Clinics (field)"]
    with open_library(copy) as theirs:
        stories.edit_story(theirs, _id(theirs, "Clinics (field)"), {"title": "Clinics (field, checked)"})
    with open_library(origin) as mine:
        merging.merge(mine, copy)
        assert [(c.mine, c.theirs) for c in conflicts.conflicts(mine)] == [
            ("Clinics (office)", "Clinics (field, checked)")
        ]
        stories.edit_story(mine, _id(mine, "Clinics (office)"), {"title": "Clinics"})
    with open_library(copy) as theirs:
        stories.edit_story(theirs, _id(theirs, "Clinics (field, checked)"), {"title": "Clinics"})
    with open_library(origin) as mine:
        merging.merge(mine, copy)  # (both sides agree now)
        assert conflicts.conflicts(mine) == []


def test_a_tag_deleted_there_and_recoloured_here_comes_back_with_its_stories_when_reopened(
    pair: tuple[Path, Path],
) -> None:
    from ngodesk.services import tags

    def myanmar(library: Library) -> int:
        return next(t.id for t in queries.tags(library) if t.path == "Region/Asia/Myanmar")

    origin, copy = pair
    with open_library(copy) as theirs:
        tags.delete_tag(theirs, myanmar(theirs))
    with open_library(origin) as mine:
        tags.set_tag_colour(mine, myanmar(mine), "#aa0000")
        (conflict,) = merging.merge(mine, copy).conflicts
        assert (conflict.kind, conflict.field, conflict.mine) == ("tag", DELETED, "Myanmar")
        tagged = queries.matching_ids(mine, "tag:Region/Asia/Myanmar").tolist()
        assert tagged == [_id(mine, "Clinics in Myanmar")]
        was = conflicts.before(mine, conflict.uuid)
        conflicts.resolve(mine, conflict.uuid, None)  # (their deletion taken: the tag and its links go)
        assert "Region/Asia/Myanmar" not in [t.path for t in queries.tags(mine)]
        conflicts.reopen(mine, conflict.uuid, was)  # (the tag back as it was, on the same story)
        (back,) = [t for t in queries.tags(mine) if t.path == "Region/Asia/Myanmar"]
        assert back.colour == "#aa0000" and queries.matching_ids(mine, "tag:Region/Asia/Myanmar").tolist() == tagged
