"""Author order (issue 21, item 4): a story's people, organisations and
places keep the order the file or the user gave them - the first author
first - on import, in the story's view and ``show --json``, in every
export, through edits, undo, merges and upgrades."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import create_engine

from ngodesk.domain.models import EntityKind
from ngodesk.services import entities, exporting, field_copy, history, importing, merging, queries, snapshots, stories
from ngodesk.services.library import open_library
from ngodesk.store import migrate
from ngodesk.store.library import Library
from tests.test_cli import ok
from tests.test_import import all_stories

#: The first author sorts last by name: sorting would put him last.
AUTHORS = ["Zhou, Yi", "Abbott, Ann", "Mbeki, Thabo"]

RIS = """TY  - JOUR
TI  - Chinese NGOs in East Africa
AU  - Zhou, Yi
AU  - Abbott, Ann
AU  - Mbeki, Thabo
PY  - 2019
ER  -
"""

BIBTEX = """@article{zhou2019,
  title = {Chinese NGOs in East Africa},
  author = {Zhou, Yi and Abbott, Ann and Mbeki, Thabo},
  year = {2019},
}
"""

CSL_JSON = json.dumps(
    [
        {
            "id": "zhou2019",
            "type": "article-journal",
            "title": "Chinese NGOs in East Africa",
            "author": [
                {"family": "Zhou", "given": "Yi"},
                {"family": "Abbott", "given": "Ann"},
                {"family": "Mbeki", "given": "Thabo"},
            ],
            "issued": {"date-parts": [[2019]]},
        }
    ]
)

FILES = {"ris": ("refs.ris", RIS), "bibtex": ("refs.bib", BIBTEX), "csl-json": ("refs.json", CSL_JSON)}


def _people(library: Library, title: str | None = None) -> list[str]:
    (story,) = [v for v in all_stories(library) if title is None or v.title == title]
    return [e.name for e in story.entities if e.kind is EntityKind.PERSON]


def _only_id(library: Library) -> int:
    (story,) = all_stories(library)
    return story.id


def _authors_written(format_name: str, text: str) -> list[str]:
    """The authors an export wrote, in the file's order."""
    if format_name == "ris":
        return re.findall(r"^AU  - (.*)$", text, re.M)
    if format_name == "bibtex":
        return re.search(r"author = \{(.*)\}", text).group(1).split(" and ")  # type: ignore[union-attr]
    if format_name == "csl-json":
        return [f"{a['family']}, {a['given']}" for a in json.loads(text)[0]["author"]]
    if format_name == "dc-xml":
        return re.findall(r"<dc:creator>(.*?)</dc:creator>", text)
    raise AssertionError(format_name)


@pytest.mark.parametrize("format_name", sorted(FILES))
def test_the_files_first_author_stays_first_there_and_back(library: Library, tmp_path: Path, format_name: str) -> None:
    name, text = FILES[format_name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    report = importing.import_files(library, [tmp_path / name])
    assert report.added == 1
    assert _people(library) == AUTHORS
    for written in ("ris", "bibtex", "csl-json", "dc-xml"):
        out = tmp_path / f"out-{written}"
        exporting.export(library, written, out)
        assert _authors_written(written, out.read_text(encoding="utf-8")) == AUTHORS, written
    for written in ("csv", "html"):  # (a cell, a line: the names in order)
        out = tmp_path / f"out-{written}"
        exporting.export(library, written, out)
        places = [out.read_text(encoding="utf-8").find(author) for author in AUTHORS]
        assert -1 not in places and places == sorted(places), written
    exporting.export(library, "json", tmp_path / "out-json")
    with open_library(tmp_path / "again") as again:  # and back: still first
        importing.import_files(again, [tmp_path / f"out-{format_name}"])
        assert _people(again) == AUTHORS
    with open_library(tmp_path / "native") as native:  # ngodesk's own JSON keeps the order too
        importing.import_files(native, [tmp_path / "out-json"])
        assert _people(native) == AUTHORS


def test_show_json_lists_people_in_order(tmp_path: Path) -> None:
    path = tmp_path / "cli"
    (tmp_path / "refs.ris").write_text(RIS, encoding="utf-8")
    ok("import", str(tmp_path / "refs.ris"), library=path)
    with open_library(path) as library:
        uuid = all_stories(library)[0].uuid
    ok("set", uuid, "person+=Aaron, Ben", "org+=CFPA", library=path)
    shown = json.loads(ok("show", "--json", uuid, library=path))
    people = [e["name"] for e in shown["entities"] if e["kind"] == "person"]
    assert people == [*AUTHORS, "Aaron, Ben"]  # added later: last, although it sorts first


def test_records_added_later_come_last_and_can_be_put_first(library: Library) -> None:
    created = stories.create_story(library, {"title": "Wells"}, [], [("person", p) for p in AUTHORS])
    stories.edit_story(library, created.id, link=[("person", "Aaron, Ben"), ("place", "Kenya")])
    assert _people(library) == [*AUTHORS, "Aaron, Ben"]
    before = len(history.changes(library, created.id))
    changes = stories.edit_story(library, created.id, order=[("person", "Mbeki, Thabo")])
    assert created.id in changes.stories_changed
    assert _people(library) == ["Mbeki, Thabo", "Zhou, Yi", "Abbott, Ann", "Aaron, Ben"]
    assert len(history.changes(library, created.id)) == before  # a reorder is not a change in the history
    again = stories.edit_story(library, created.id, order=[("person", "Mbeki, Thabo"), ("person", "Nobody")])
    assert again.empty  # already so; a name not linked is passed over
    (story,) = all_stories(library)
    assert [e.name for e in story.entities if e.kind is EntityKind.PLACE] == ["Kenya"]


def test_a_story_deleted_and_restored_keeps_its_order(library: Library) -> None:
    created = stories.create_story(library, {"title": "Wells"}, [], [("person", p) for p in AUTHORS])
    snapshot = snapshots.snapshot_stories(library, [created.id])
    stories.delete_stories(library, [created.id])
    snapshots.restore_stories(library, snapshot)
    assert _people(library) == AUTHORS


def test_a_record_deleted_and_restored_takes_its_place_again(library: Library) -> None:
    created = stories.create_story(library, {"title": "Wells"}, [], [("person", p) for p in AUTHORS])
    (view,) = [e for e in all_stories(library)[0].entities if e.name == "Zhou, Yi"]
    snapshot = snapshots.snapshot_entities(library, [view.id])
    entities.delete_entity(library, view.id)
    stories.edit_story(library, created.id, link=[("person", "Aaron, Ben")])
    snapshots.restore_entities(library, snapshot)
    assert _people(library) == [*AUTHORS, "Aaron, Ben"]


def test_a_merged_or_split_record_keeps_the_authors_place(library: Library) -> None:
    stories.create_story(library, {"title": "Wells"}, [], [("person", p) for p in AUTHORS])
    other = stories.create_story(library, {"title": "Schools"}, [], [("person", "Y. Zhou")])
    refs = {e.name: e.id for v in all_stories(library) for e in v.entities}
    entities.merge_entities(library, refs["Zhou, Yi"], refs["Y. Zhou"])  # the same man, the other spelling kept
    assert _people(library, "Wells") == ["Y. Zhou", "Abbott, Ann", "Mbeki, Thabo"]
    entities.split_entity(library, refs["Y. Zhou"], "Zhou, Yi", ["Zhou, Yi"], [_id(library, "Wells")])
    assert _people(library, "Wells") == AUTHORS
    assert _people(library, "Schools") == ["Y. Zhou"] and other.id


def _id(library: Library, title: str) -> int:
    (found,) = [v.id for v in all_stories(library) if v.title == title]
    return found


def test_a_field_copy_brings_its_authors_in_order(tmp_path: Path) -> None:
    with open_library(tmp_path / "office") as office:
        stories.create_story(office, {"title": "Wells"}, [], [("person", "Zhou, Yi")])
        field_copy.make_copy(office, tmp_path / "laptop")
    with open_library(tmp_path / "laptop") as laptop:
        stories.create_story(laptop, {"title": "Clinics"}, [], [("person", p) for p in AUTHORS])
        stories.edit_story(laptop, _id(laptop, "Wells"), link=[("person", "Mbeki, Thabo"), ("person", "Abbott, Ann")])
    with open_library(tmp_path / "office") as office:
        stories.edit_story(office, _id(office, "Wells"), link=[("person", "Aaron, Ben")])
        merging.merge(office, tmp_path / "laptop")
        assert _people(office, "Clinics") == AUTHORS  # a new story: their order
        assert _people(office, "Wells") == ["Zhou, Yi", "Aaron, Ben", "Mbeki, Thabo", "Abbott, Ann"]


def test_an_upgraded_library_shows_its_records_as_before(tmp_path: Path) -> None:
    """Links made before schema 0020 are numbered in the order they were
    shown (kind, then name), so nothing moves on upgrading."""
    folder = tmp_path / "old"
    folder.mkdir()
    db = folder / "catalogue.sqlite"
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        migrate.LIBRARY.upgrade(connection, "0019")
        connection.commit()
    engine.dispose()
    with sqlite3.connect(db) as connection:
        connection.execute(
            "INSERT INTO stories (uuid, created_at, updated_at, revision, title, summary, body, url, source,"
            " published, language, status, title_key, extra) VALUES ('6f1c0d52-0000-4000-8000-000000000001',"
            " '2019-01-01', '2019-01-01', 1, 'Wells', '', '', '', '', '', 'en', 'draft', 'wells', '{}')"
        )
        for number, (kind, name) in enumerate(
            [("person", "Zhou, Yi"), ("place", "Kenya"), ("person", "abbott, ann"), ("organisation", "CFPA")], 2
        ):
            connection.execute(
                "INSERT INTO entities (uuid, created_at, updated_at, revision, kind, name, name_key, note)"
                f" VALUES ('6f1c0d52-0000-4000-8000-00000000000{number}', '2019-01-01', '2019-01-01', 1, ?, ?, ?, '')",
                (kind, name, name.lower()),
            )
            connection.execute("INSERT INTO story_entities VALUES (1, ?)", (number - 1,))
    connection.close()
    with open_library(folder) as library:
        (story,) = all_stories(library)
        assert [e.name for e in story.entities] == ["CFPA", "abbott, ann", "Zhou, Yi", "Kenya"]
        stories.edit_story(library, story.id, link=[("person", "Aaron, Ben")])
        assert _people(library) == ["abbott, ann", "Zhou, Yi", "Aaron, Ben"]
        assert queries.check(library) == []


def test_the_editor_shows_authors_in_order_and_puts_one_first_undoably(qtbot, library: Library, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.test_gui_editing import open_window

    story = stories.create_story(library, {"title": "Wells"}, [], [("person", p) for p in AUTHORS])
    window = open_window(qtbot, library)
    assert window.selected_ids() == [story.id]
    people = window.editor.links[EntityKind.PERSON]
    assert people.values() == AUTHORS
    assert not people.menu_for(0).actions()[0].isEnabled()  # (the first is first already)
    people.menu_for(2).actions()[0].trigger()  # "Make First" on Mbeki
    assert people.values() == ["Mbeki, Thabo", "Zhou, Yi", "Abbott, Ann"] == _people(library)
    assert window.menu_actions["undo"].text() == "&Undo Make Mbeki, Thabo First"
    window.menu_actions["undo"].trigger()
    assert people.values() == AUTHORS == _people(library)
    people.chips.linkActivated.emit("chip:0")  # the first author's × removes him
    assert people.values() == AUTHORS[1:]
    people.entry.setFocus()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: next(b for b in box.buttons() if "Aaron" in b.text()).click())
    qtbot.keyClicks(people.entry, "Aaron, Ben")  # (a new person: made when the user says so)
    qtbot.keyClick(people.entry, Qt.Key.Key_Return)
    assert people.values() == [*AUTHORS[1:], "Aaron, Ben"]  # a new one comes last
    window.menu_actions["undo"].trigger()
    window.menu_actions["undo"].trigger()  # the removed first author comes back first
    assert people.values() == AUTHORS == _people(library)
