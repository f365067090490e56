"""A new, empty library's first pull from a team hub takes the hub's
objects as they are (``services.first_pull``) instead of merging them
record by record: it must give what the merge gives, and leave an object
the merge would clean to the merge."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import psycopg
import pytest

from ngodesk.domain.models import AnnotationKind, EntityKind, TermRecord, Translation
from ngodesk.services import (
    annotating,
    attachments,
    entities,
    first_pull,
    glossary,
    merging,
    queries,
    stories,
    suggestions,
    team,
    thesaurus,
    translations,
)
from ngodesk.services import story_collections as collections
from ngodesk.services.annotating import NewAnnotation
from ngodesk.services.library import open_library
from ngodesk.store import replica
from ngodesk.store.hub import MIRROR, objects
from ngodesk.store.library import DB_NAME, Library

pytestmark = pytest.mark.postgres

#: Searches whose hits must be the same in both libraries.
SEARCHES = ("", "扶贫", "Kenya", "tag:Kenia", "going", "note:缅甸", "lang:en")


def _every_kind_of_record(folder: Path, tmp_path: Path) -> None:
    """The sample, and one of everything a library shares besides."""
    with open_library(folder) as library:
        ids = queries.matching_ids(library, "").tolist()
        kenya = stories.create_story(
            library,
            {
                "title": "扶贫项目在肯尼亚 Wells in Kenya",
                "summary": '缅甸 and Kenya: C:\\new\ttab "quoted"\nnext line \\N',
            },
            ["Region/Africa/Kenya"],
        ).id
        stories.edit_story(library, kenya, {"title": "扶贫项目在肯尼亚: wells in Kenya"})  # (history)
        stories.delete_stories(library, [ids[-1]])  # (a tombstone)
        glossary.create_term(library, TermRecord("走出去", "going out"))
        collections.create_manual(library, "Reading list", [ids[2], kenya, ids[0]])
        tag = next(t.id for t in queries.tags(library) if t.path == "Region/Africa/Kenya")
        thesaurus.make_synonym(library, "Kenia", tag)
        place = entities.create_entity(library, "place", "Myanmar").id
        burma = entities.create_entity(library, "place", "Burma (historical)").id
        entities.see_also(library, place, burma)
        from ngodesk.domain.models import AltName

        entities.update_entity(library, place, alt_names=[AltName("缅甸", "zh", True), AltName("Burma", "en")])
        stories.edit_story(library, kenya, {}, link=[(EntityKind.PLACE, "Myanmar")])
        translations.set_translations(library, kenya, [Translation("title", "en", "Poverty relief in Kenya")])
        annotating.add(
            library,
            kenya,
            NewAnnotation(field="summary", start=0, end=2, kind=AnnotationKind.COMMENT, body="Myanmar", author="林"),
        )
        (tmp_path / "report.txt").write_text("项目报告")
        attachments.attach(library, kenya, [tmp_path / "report.txt"])
        org = entities.create_entity(library, "organisation", "China Red Cross").id
        red_cross = stories.create_story(library, {"title": "China Red Cross volunteers"}).id
        suggestions.reject(library, suggestions.suggest(library, [red_cross]))
        assert org


def _differences(first: Path, second: Path) -> list[tuple[tuple[str, str], bool]]:
    """What the libraries in ``first`` and ``second`` hold otherwise (the
    second a library joined to no hub: SQLite attaches no file whose
    triggers name its main database)."""
    with replica.beside(first / DB_NAME, second / DB_NAME) as both:
        return sorted((key, gone) for key, _, gone in replica.differences(both))


def _unjoined(folder: Path, copy: Path) -> Path:
    """A copy of the library in ``folder`` without the triggers noting
    changes for its hub."""
    copy.mkdir()
    shutil.copy(folder / DB_NAME, copy / DB_NAME)
    with closing(sqlite3.connect(copy / DB_NAME)) as connection:
        names = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'ngodesk_team_%'"
        )
        for (name,) in names.fetchall():
            connection.execute(f"DROP TRIGGER {name}")
    return copy


def _seen(library: Library) -> dict[str, object]:
    """What a user sees: each search's hits (by uuid), the sidebar's tags
    and their counts, the records, terms and collections."""
    uuids = {view.id: view.uuid for view in queries.stories(library, queries.matching_ids(library, "").tolist())}
    hits = {query: sorted(uuids[i] for i in queries.matching_ids(library, query).tolist()) for query in SEARCHES}
    return {
        "hits": hits,
        "tags": sorted((t.path, t.story_count) for t in queries.tags(library)),
        "records": sorted(
            (e.name, e.kind, tuple(sorted(n.name for n in e.alt_names))) for e in queries.entities(library)
        ),
        "terms": sorted(t.term for _, t in glossary.terms(library)),
        "collections": sorted(c.name for c in collections.collections(library)),
    }


def test_a_first_pull_into_an_empty_library_gives_what_the_merge_gives(
    hub: str, desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office, fast, slow = desk("office"), desk("fast", sample=False), desk("slow", sample=False)
    _every_kind_of_record(office, tmp_path)
    with monkeypatch.context() as patched, open_library(office) as library:
        patched.setattr(objects, "push", None)  # (an empty hub takes it all by COPY: objects.push_whole)
        team.join(library, hub)
    with monkeypatch.context() as patched, open_library(fast) as library:
        patched.setattr(merging, "merge_states", None)  # (taken whole: no merge)
        taken = team.join(library, hub)
        assert taken.merge is not None and taken.merge.added["stories"] > 0
    with monkeypatch.context() as patched, open_library(later := desk("later", sample=False)) as library:
        patched.setattr(
            replica.WholeCopy, "holds_rows", lambda *_: True
        )  # (written meanwhile: the mirror takes objects)
        team.join(library, hub)
    assert _differences(later, later / MIRROR) == [] == _differences(office, later / MIRROR)
    with monkeypatch.context() as patched:
        patched.setattr(first_pull, "fit", lambda changes: False)  # (the merge, record by record)
        with open_library(slow) as library:
            team.join(library, hub)

    # The library taken whole holds exactly what its copy of the hub holds,
    # and what the office holds; the merged one too; and both show the same.
    assert _differences(office, office / MIRROR) == [] == _differences(office, fast / MIRROR)
    assert _differences(fast, fast / MIRROR) == []
    assert _differences(office, _unjoined(fast, tmp_path / "fast-copy")) == []
    assert _differences(fast, _unjoined(slow, tmp_path / "slow-copy")) == []
    with open_library(fast) as fast_library, open_library(slow) as slow_library, open_library(office) as origin:
        seen = _seen(fast_library)
        assert seen == _seen(slow_library) == _seen(origin)
        assert all(seen["hits"][query] for query in SEARCHES)
        assert (team.sync(origin).pushed, team.sync(origin).pulled) == (0, 0)
        for library in (fast_library, slow_library):
            assert team.sync(library).pushed == 0
        (attached,) = attachments.attachments(fast_library, int(queries.matching_ids(fast_library, "tag:Kenia")[0]))
        assert attachments.stored_path(fast_library, attached.sha256).read_text() == "项目报告"


def test_an_object_the_merge_would_clean_is_merged_not_taken_as_it_is(hub: str, desk) -> None:
    office, newcomer = desk("office"), desk("newcomer", sample=False)
    with open_library(office) as library:
        team.join(library, hub)
    with psycopg.connect(hub) as connection:
        (uuid,) = connection.execute(
            "UPDATE objects SET data = jsonb_set(data, '{title}', to_jsonb('  Two   spaces\u0007 '::text)) "
            "WHERE uuid = (SELECT uuid FROM objects WHERE kind = 'stories' ORDER BY uuid LIMIT 1) RETURNING uuid::text"
        ).fetchone()
    with open_library(newcomer) as library:
        team.join(library, hub)
        (story,) = queries.stories(library, [queries.resolve_story(library, uuid)])
        assert story.title == "Two spaces"


def test_fit_refuses_what_the_merge_would_change() -> None:
    story = {
        "uuid": "u1",
        "title": "Wells in Kenya",
        "summary": "",
        "body": "",
        "url": "",
        "source": "",
        "published": "",
        "language": "en",
        "status": "draft",
        "extra": "{}",
    }
    from ngodesk.services import fields

    story |= fields.clean_all({name: story[name] for name in ("title", "published", "url", "language", "status")})
    clean = replica.Change("stories", "u1", story)
    assert first_pull.fit([clean])
    for dirty in (
        {"title": " Wells in Kenya"},
        {"title_key": "x"},
        {"extra": "[1"},
        {"summary": "a\x00b"},
        {"language": ["en"]},
    ):
        assert not first_pull.fit([replica.Change("stories", "u1", story | dirty)])
    tag = {"uuid": "t1", "name": "Kenya", "name_key": "kenya", "parent_id": None}
    assert first_pull.fit([replica.Change("tags", "t1", tag)])
    assert not first_pull.fit([replica.Change("tags", "t1", tag), replica.Change("tags", "t2", tag | {"uuid": "t2"})])
    assert not first_pull.fit([replica.Change("tags", "t1", tag | {"name": "A/B", "name_key": "a/b"})])
    assert not first_pull.fit([replica.Change("tags", "t1", tag | {"name_key": ["kenya"]})])
    grave = {"uuid": "t1", "kind": "tag"}
    assert not first_pull.fit([replica.Change("tags", "t1", tag), replica.Change("tombstones", "t1", grave)])
