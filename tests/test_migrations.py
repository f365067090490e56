"""Schema migrations: libraries made by every earlier schema open, keep
their data, and end at the models' schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from ngodesk.domain.models import StoryRecord
from ngodesk.services import importing, queries, stories
from ngodesk.services.library import open_library
from ngodesk.store import migrate, tracking
from ngodesk.store.migrate import include_object
from ngodesk.store.schema import Base

FIRST = "0001"


def _library_at(folder: Path, revision: str) -> Path:
    """A library folder whose database stops at ``revision``, holding one
    story written with plain SQL as that schema had it."""
    folder.mkdir(parents=True)
    db = folder / "catalogue.sqlite"
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        migrate.LIBRARY.upgrade(connection, revision)
        connection.commit()
    engine.dispose()
    with sqlite3.connect(db) as connection:
        connection.execute(
            "INSERT INTO stories (uuid, created_at, updated_at, revision, title, summary, body, url, source,"
            " published, published_start, published_end, language, status, title_key, extra)"
            " VALUES ('6f1c0d52-0000-4000-8000-000000000001', '2019-01-01 00:00:00', '2019-01-01 00:00:00', 3,"
            " '丝路一家亲 forum', 'Old summary', '', 'https://www.example.org/forum/?utm_source=x', 'CDB',"
            " '2019-05', '2019-05-01', '2019-05-31', 'en',"
            " 'catalogued', '丝路一家亲 forum', '{}')"
        )
        record = "'2019-01-01 00:00:00', '2019-01-01 00:00:00', 1"
        connection.execute(
            "INSERT INTO tags (uuid, created_at, updated_at, revision, name, name_key, parent_id, colour)"
            f" VALUES ('6f1c0d52-0000-4000-8000-000000000002', {record}, 'Kenya', 'kenya', NULL, '')"
        )
        connection.execute(
            "INSERT INTO entities (uuid, created_at, updated_at, revision, kind, name, name_key, note)"
            f" VALUES ('6f1c0d52-0000-4000-8000-000000000003', {record}, 'organisation', 'CFPA', 'cfpa', '')"
        )
        connection.execute("INSERT INTO story_tags VALUES (1, 1)")
        connection.execute("INSERT INTO story_entities (story_id, entity_id) VALUES (1, 1)")
    connection.close()
    return folder


@pytest.mark.parametrize("revision", sorted(migrate.LIBRARY.known_revisions()))
def test_library_from_an_earlier_schema_opens_with_its_data(tmp_path: Path, revision: str) -> None:
    folder = _library_at(tmp_path / "old", revision)
    with open_library(folder) as library:
        assert library.schema_version == migrate.LIBRARY.head_revision()
        page = queries.search(library, "一家")  # found: the index was (re)built on open
        assert [hit.story.title for hit in page.hits] == ["丝路一家亲 forum"]
        story = page.hits[0].story
        assert (story.uuid, story.revision, story.published) == ("6f1c0d52-0000-4000-8000-000000000001", 3, "2019-05")
        assert queries.matching_ids(library, "tag:Kenya org:CFPA").tolist() == [story.id]
        assert queries.check(library) == []


def test_a_library_joined_to_a_hub_upgrades_and_its_next_sync_compares_everything(tmp_path: Path) -> None:
    previous = sorted(migrate.LIBRARY.known_revisions())[-2]
    folder = _library_at(tmp_path / "joined", previous)
    engine = create_engine(f"sqlite:///{folder / 'catalogue.sqlite'}")
    with engine.begin() as connection:
        tracking.start(connection)  # (as a library joined to a hub holds them)
    engine.dispose()

    with open_library(folder) as library:
        assert library.schema_version == migrate.LIBRARY.head_revision()
        with library.read() as session:
            assert not tracking.started(session.connection())
            assert library.get_meta(session, tracking.COMPARE_ALL) == "1"
        stories.edit_story(library, queries.matching_ids(library, "").tolist()[0], {"title": "Edited after"})


def test_upgrade_to_0002_keys_the_addresses_already_there(tmp_path: Path) -> None:
    with open_library(_library_at(tmp_path / "old", FIRST)) as library:
        record = StoryRecord("Another title", "record 1", url="http://example.org/forum")
        report = importing.import_records(library, [record])
    assert report.added == 0 and report.duplicates[0].reason.endswith("(the same web address)")


def test_sorting_by_title_puts_chinese_titles_by_pinyin_also_in_upgraded_libraries(tmp_path: Path) -> None:
    with open_library(_library_at(tmp_path / "old", "0004")) as library:  # 丝路一家亲 forum, stored before 0005
        for title in ("Water for Turkana", "走出去的经验", "Schools in Nepal", "《民生项目》报告", "Aid to Myanmar"):
            stories.create_story(library, {"title": title})
        ordered = queries.stories(library, queries.matching_ids(library, "", sort=("title", False)).tolist())
    assert [story.title for story in ordered] == [
        "Aid to Myanmar",
        "《民生项目》报告",  # min sheng ...; the brackets are not sorted on
        "Schools in Nepal",
        "丝路一家亲 forum",  # si lu ...
        "Water for Turkana",
        "走出去的经验",  # zou chu qu ...
    ]


def test_first_schema_library_is_backed_up_before_upgrading(tmp_path: Path) -> None:
    if migrate.LIBRARY.head_revision() == FIRST:
        pytest.skip("only one schema so far: nothing to upgrade")
    folder = _library_at(tmp_path / "old", FIRST)
    open_library(folder).close()
    assert list((folder / "backups").glob("*before-upgrade-from-0001*"))


@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migrations_build_exactly_the_models_schema(library_path: Path) -> None:
    open_library(library_path).close()
    engine = create_engine(f"sqlite:///{library_path / 'catalogue.sqlite'}")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_annotations_made_before_note_search_are_found_by_it(tmp_path: Path) -> None:
    folder = _library_at(tmp_path / "old", "0009")
    with sqlite3.connect(folder / "catalogue.sqlite") as connection:
        connection.execute(
            "INSERT INTO annotations (uuid, created_at, updated_at, revision, story_id, field, language, kind, body,"
            " term_id, exact, prefix, suffix, quote_start, quote_end, orphaned, author)"
            " VALUES ('6f1c0d52-0000-4000-8000-000000000004', '2019-01-01 00:00:00', '2019-01-01 00:00:00', 1, 1,"
            " 'title', '', 'comment', 'Silk Road 家親', NULL, '丝路', '', '一家亲', 0, 2, 0, '')"
        )
    connection.close()
    with open_library(folder) as library:
        assert queries.matching_ids(library, "note:家亲").size == 1
        assert queries.matching_ids(library, "note:絲路").size == 1


def test_the_search_index_writes_through_a_large_buffer(tmp_path: Path) -> None:
    """Migration 0018: FTS5 keeps 64 MB of new terms before writing a
    segment (bulk imports write the index 40% faster), in old and new
    libraries alike."""
    import sqlite3

    from ngodesk.store import fts

    for folder in (_library_at(tmp_path / "old", "0017"), tmp_path / "new"):
        with open_library(folder):
            pass
        connection = sqlite3.connect(folder / "catalogue.sqlite")
        (size,) = connection.execute("SELECT v FROM story_fts_config WHERE k = 'hashsize'").fetchone()
        connection.close()
        assert size == fts.HASH_BYTES == 64 * 1024 * 1024
