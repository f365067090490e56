"""A library's rows as the team hub's objects (``store.replica``): what
two libraries hold otherwise is found by SQLite, and writing it into the
other makes them hold the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ngodesk.domain.models import EntityKind
from ngodesk.services import attachments, queries, stories
from ngodesk.services.library import open_library
from ngodesk.store import history, replica
from ngodesk.store.library import Library


def _differences(first: Library, second: Library) -> list[tuple[tuple[str, str], bool]]:
    with replica.beside(first.db_path, second.db_path) as both:
        return sorted((key, gone) for key, _, gone in replica.differences(both))


def _copy_into(first: Library, second: Library) -> None:
    """Everything ``first`` holds otherwise, written into ``second``."""
    with replica.beside(first.db_path, second.db_path) as both:
        found = list(replica.differences(both))
    with second.write() as session, history.unrecorded(session):
        left_out = replica.apply(
            session.connection(),
            [replica.Change(key[0], key[1], data, deleted=gone) for key, data, gone in found],
        )
    assert left_out == []


def test_writing_what_differs_makes_two_libraries_hold_the_same(sample_library: Library, tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text("项目报告")
    story_id = stories.create_story(
        sample_library, {"title": "Wells in Kenya", "language": "en"}, ["Region/Africa/Kenya"]
    ).id
    attachments.attach(sample_library, story_id, [tmp_path / "report.txt"])
    with open_library(tmp_path / "other") as other:
        assert {gone for _, gone in _differences(sample_library, other)} == {False}

        _copy_into(sample_library, other)

        assert _differences(sample_library, other) == []
        assert _differences(other, sample_library) == []


def test_an_edit_a_new_link_and_a_deletion_are_all_that_differ(sample_library: Library, tmp_path: Path) -> None:
    with open_library(tmp_path / "other") as other:
        _copy_into(sample_library, other)
        first, second = sorted(_uuids(sample_library))[:2]
        edited = queries.resolve_story(sample_library, first)
        stories.edit_story(sample_library, edited, {"title": "改过的标题"}, add_tags=["Region/Asia"])
        stories.delete_stories(sample_library, [queries.resolve_story(sample_library, second)])

        found = _differences(sample_library, other)

    changed = {key for key, gone in found if not gone}
    gone = {key for key, gone in found if gone}
    assert ("stories", first) in changed
    assert ("tombstones", second) in changed
    assert ("stories", second) in gone
    assert {table for table, _ in changed} <= {"stories", "tags", "story_tags", "story_changes", "tombstones"}
    assert all(table in {"stories", "story_tags", "story_entities"} for table, _ in gone)


def _uuids(library: Library) -> list[str]:
    return [view.uuid for view in queries.stories(library, queries.matching_ids(library, "").tolist())]


def test_a_link_is_named_by_the_uuid5_of_its_table_and_key() -> None:
    import uuid

    for key in (("1", "2"), ("扶贫", "zh"), ("", "x" * 300)):
        data = dict(zip(("story_id", "tag_id"), key, strict=True))
        named = "\x1f".join(["story_tags", *key])
        assert replica.object_uuid(replica.BY_NAME["story_tags"], data) == str(uuid.uuid5(replica.NAMESPACE, named))


def test_links_and_history_added_from_their_json_text_are_what_apply_writes(
    sample_library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replica, "TEXTS_AT_ONCE", 3)  # (several arrays, as a large hub's)
    monkeypatch.setattr(replica, "CHARS_AT_ONCE", 200)
    first = sorted(_uuids(sample_library))[0]
    edited = {"title": "改过的标题"}
    stories.edit_story(
        sample_library, queries.resolve_story(sample_library, first), edited, link=[(EntityKind.PLACE, "缅甸")]
    )
    as_text = {"story_tags", "story_entities", "story_changes"}
    with open_library(tmp_path / "applied") as applied, open_library(tmp_path / "from-text") as from_text:
        with replica.beside(sample_library.db_path, applied.db_path) as both:
            found = [replica.Change(table, uuid, data) for (table, uuid), data, _ in replica.differences(both)]
        assert as_text <= {change.table for change in found}
        story = next(c for c in found if c.table == "story_tags")
        stray = replica.Change("story_tags", "stray", {**story.data, "story_id": "no such story"})
        with applied.write() as session, history.unrecorded(session):
            assert replica.apply(session.connection(), [*found, stray]) == [stray]  # (refers to no story here)
        with from_text.write() as session, history.unrecorded(session):
            replica.apply(session.connection(), [c for c in found if c.table not in as_text])
            for table in sorted(as_text):
                texts = [json.dumps(dict(c.data)) for c in [*found, stray, *found] if c.table == table]  # (twice)
                replica.add_texts(session.connection(), table, texts)
        assert _differences(applied, from_text) == [] == _differences(from_text, applied)
