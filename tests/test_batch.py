"""Batch editing: the preview shows every change before anything is
written; applying writes all of it in one transaction; the plan it returns
undoes exactly that, and undoing the undo redoes it."""

from __future__ import annotations

import pytest

from ngodesk.domain.errors import Cancelled, NotFound, ValidationError
from ngodesk.domain.models import EntityKind, StoryRecord
from ngodesk.services import batch, entities, importing, queries
from ngodesk.services.batch import BatchEdit, Replacement
from ngodesk.store.library import Library


@pytest.fixture
def ids(library: Library) -> list[int]:
    records = [
        StoryRecord("Wells in Kenya", "1", "Water for 2018 villages", source="Xinhua", tags=("Region/Africa/Kenya",)),
        StoryRecord("中国扶贫基金会在尼泊尔", "2", "学校 2019 年", source="人民网", language="zh"),
        StoryRecord("Clinics in Kenya", "3", "Clinics, 2020", source="Xinhua", tags=("Topic/Health",)),
    ]
    return sorted(importing.import_records(library, records).changes.stories_added)


def _state(library: Library) -> list[tuple[object, ...]]:
    """What a user sees of every story: fields, tags, records."""
    views = queries.stories(library, queries.matching_ids(library, "").tolist())
    return sorted(
        (
            v.title,
            v.summary,
            v.source,
            v.language,
            v.status.value,
            sorted(t.path for t in v.tags),
            sorted(e.name for e in v.entities),
        )
        for v in views
    )


def test_a_plan_previews_every_change_and_writes_nothing(library: Library, ids: list[int]) -> None:
    before = _state(library)
    edit = BatchEdit(
        add_tags=("Region/Africa/Kenya",),
        values=(("status", "reviewed"),),
        replacement=Replacement("summary", r"(\d{4})", r"in \1", regex=True),
    )
    plan = batch.plan(library, ids, edit)
    assert _state(library) == before
    summaries = {(c.old, c.new) for c in plan.changes if c.field == "summary"}
    assert summaries == {
        ("Water for 2018 villages", "Water for in 2018 villages"),
        ("学校 2019 年", "学校 in 2019 年"),
        ("Clinics, 2020", "Clinics, in 2020"),
    }
    assert {c.story_id for c in plan.changes if c.field == "status"} == set(ids)
    assert len(plan.tag["Region/Africa/Kenya"]) == 2  # (the first story has it already)
    assert not plan.problems


def test_apply_undo_redo(library: Library, ids: list[int]) -> None:
    org = entities.create_entity(library, EntityKind.ORGANISATION, "China Foundation for Poverty Alleviation").id
    before = _state(library)
    edit = BatchEdit(
        add_tags=("Region/Asia/Nepal",),
        remove_tags=("Region/Africa/Kenya",),
        values=(("language", "en"), ("source", "Xinhua News Agency")),
        link_entities=(org,),
        replacement=Replacement("title", "kenya", "Kenia", ignore_case=True),
    )
    changes, undo = batch.apply(library, batch.plan(library, ids, edit))
    assert changes.stories_changed == set(ids)
    assert changes.tags_added  # Region/Asia and Region/Asia/Nepal were made
    after = _state(library)
    assert [row[0] for row in after] == ["Clinics in Kenia", "Wells in Kenia", "中国扶贫基金会在尼泊尔"]
    assert {row[2] for row in after} == {"Xinhua News Agency"} and {row[3] for row in after} == {"en"}
    assert all("Region/Asia/Nepal" in row[5] and "Region/Africa/Kenya" not in row[5] for row in after)
    assert queries.matching_ids(library, "kenia").size == 2  # the index follows
    assert queries.matching_ids(library, 'source:"Xinhua News Agency"').size == 3
    _, redo = batch.apply(library, undo)
    assert _state(library) == before
    assert "Region/Asia/Nepal" not in queries.tag_paths(library)  # the tags the batch made are gone
    assert queries.matching_ids(library, "kenia").size == 0 and queries.matching_ids(library, "kenya").size == 2
    batch.apply(library, redo)
    assert _state(library) == after
    assert queries.check(library) == []


def test_a_replacement_that_empties_a_title_is_shown_and_refused(library: Library, ids: list[int]) -> None:
    plan = batch.plan(library, ids, BatchEdit(replacement=Replacement("title", ".*", "", regex=True)))
    assert len(plan.problems) == 3 and "needs a title" in plan.problems[0].problem
    before = _state(library)
    with pytest.raises(ValidationError, match="needs a title"):
        batch.apply(library, plan)
    assert _state(library) == before


@pytest.mark.parametrize(
    ("edit", "error"),
    [
        (BatchEdit(replacement=Replacement("title", "(", "x", regex=True)), "regular expression '\\(' is not valid"),
        (BatchEdit(replacement=Replacement("title", "a", r"\2", regex=True)), "invalid group reference"),
        (BatchEdit(replacement=Replacement("url", "a", "b")), "not in 'url'"),
        (BatchEdit(values=(("status", "finished"),)), "status: 'finished' is not one of"),
        (BatchEdit(values=(("language", "qwerty"),)), "is not a language"),
        (BatchEdit(values=(("title", "x"),)), "not 'title'"),
        (BatchEdit(add_tags=("Region/" + "x" * 201,)), "longer than 200 characters"),
    ],
)
def test_bad_edits_are_refused_with_the_reason(library: Library, ids: list[int], edit: BatchEdit, error: str) -> None:
    with pytest.raises(ValidationError, match=error):
        batch.plan(library, ids, edit)


def test_removing_a_missing_tag_or_editing_a_missing_story_is_refused(library: Library, ids: list[int]) -> None:
    with pytest.raises(NotFound, match="no tag 'Nowhere'"):
        batch.plan(library, ids, BatchEdit(remove_tags=("Nowhere",)))
    with pytest.raises(NotFound, match="No story with id 999"):
        batch.plan(library, [*ids, 999], BatchEdit(values=(("status", "reviewed"),)))


def test_plain_text_replacement_takes_backslashes_literally(library: Library, ids: list[int]) -> None:
    plan = batch.plan(library, ids, BatchEdit(replacement=Replacement("source", "Xinhua", r"\1 新华社")))
    assert {c.new for c in plan.changes} == {r"\1 新华社"}


def test_a_cancelled_batch_changes_nothing(library: Library, ids: list[int]) -> None:
    before = _state(library)
    plan = batch.plan(library, ids, BatchEdit(add_tags=("New",), values=(("status", "reviewed"),)))
    with pytest.raises(Cancelled):
        batch.apply(library, plan, progress=lambda done, total: done < total)
    assert _state(library) == before and "New" not in queries.tag_paths(library)


def test_a_synonym_tags_with_its_preferred_tag(library: Library, ids: list[int]) -> None:
    from ngodesk.services import thesaurus

    kenya = next(t.id for t in queries.tags(library) if t.path == "Region/Africa/Kenya")
    thesaurus.make_synonym(library, "Kenia", kenya)
    plan = batch.plan(library, ids, BatchEdit(add_tags=("Kenia",)))
    assert set(plan.tag) == {"Region/Africa/Kenya"}
    batch.apply(library, plan)
    assert queries.matching_ids(library, "tag:=Region/Africa/Kenya").size == 3
