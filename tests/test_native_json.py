"""ngodesk's own JSON imports losslessly: export, import into an empty
library, export again gives the same file (but for its date)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ngodesk.domain.models import AltName, EntityKind, StoryStatus, Translation, TranslationStatus
from ngodesk.formats import native_json, parse_file
from ngodesk.services import entities, exporting, importing, queries, stories, tags, thesaurus, translations
from ngodesk.services.importing import OnDuplicate
from ngodesk.services.library import open_library
from ngodesk.store.library import Library
from ngodesk.store.schema import StoryEntity, Tombstone
from tests.test_import import all_stories


def _fill(library: Library) -> None:
    myanmar = tags.create_tag(library, "地区/亚洲/缅甸", colour="#aa3300").id
    empty = tags.create_tag(library, "Unused/Empty").id
    thesaurus.set_entry(library, myanmar, thesaurus.Entry(("Burma", "Union of Myanmar"), (empty,), "缅甸的故事"))
    entities.create_entity(
        library,
        EntityKind.ORGANISATION,
        "中国扶贫基金会",
        [AltName("CFPA", "en"), AltName("中國扶貧基金會", "zh-Hant", True)],
        note="1989 年成立",
        type="foundation",
        country="China",
        external_id="Q5100608",
    )
    rural = entities.create_entity(library, EntityKind.ORGANISATION, "中国乡村发展基金会").id
    (cfpa,) = [v.id for v in queries.entities(library) if v.name == "中国扶贫基金会"]
    entities.see_also(library, cfpa, rural)
    first = stories.create_story(
        library,
        {"title": "中国扶贫基金会在缅甸开展“民生项目”", "published": "2018-12-07", "url": "https://example.org/a"},
        ["地区/亚洲/缅甸", "民生项目"],
        [(EntityKind.ORGANISATION, "CFPA"), (EntityKind.PERSON, "王芳")],
    )
    stories.edit_story(library, first.id, {"status": "reviewed", "summary": "第一行\n第二行 & <b>"})
    translations.set_translations(
        library,
        first.id,
        [
            Translation("title", "en", "CFPA runs livelihood projects in Myanmar", TranslationStatus.REVIEWED, "Li"),
            Translation("summary", "en", "First line\nsecond line", translator="Li"),
        ],
    )
    stories.create_story(library, {"title": "Silk Road Family 丝路一家亲", "language": "en"})


def _export(library: Library, path: Path) -> dict[str, object]:
    exporting.export_json(library, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("exported_at")
    return document


def test_export_import_export_gives_the_same_content(library: Library, tmp_path: Path) -> None:
    _fill(library)
    first = _export(library, tmp_path / "first.json")
    with open_library(tmp_path / "copy") as copy:
        report = importing.import_files(copy, [tmp_path / "first.json"])
        assert report.formats == {str(tmp_path / "first.json"): "json"} and report.added == 2
        assert not report.problems and not report.duplicates
        again = _export(copy, tmp_path / "again.json")
        (reviewed,) = [s for s in all_stories(copy) if s.status is StoryStatus.REVIEWED]
    assert again == first
    assert reviewed.summary == "第一行\n第二行 & <b>" and reviewed.revision == 2
    (cfpa,) = [e for e in first["entities"] if e["name"] == "中国扶贫基金会"]  # type: ignore[union-attr]
    assert cfpa["alt_names"][1] == {"name": "中國扶貧基金會", "language": "zh-Hant", "preferred": True}
    (myanmar,) = [t for t in first["tags"] if t["path"] == "地区/亚洲/缅甸"]  # type: ignore[union-attr]
    assert (myanmar["synonyms"], myanmar["scope_note"], len(myanmar["related"])) == (
        ["Burma", "Union of Myanmar"],
        "缅甸的故事",
        1,
    )
    (cfpa,) = [e for e in first["entities"] if e["name"] == "中国扶贫基金会"]  # type: ignore[union-attr]
    assert (cfpa["type"], cfpa["country"], cfpa["external_id"]) == ("foundation", "China", "Q5100608")
    assert len(cfpa["see_also"]) == 1


def test_importing_a_library_file_twice_finds_every_story_by_its_uuid(library: Library, tmp_path: Path) -> None:
    _fill(library)
    exporting.export_json(library, tmp_path / "lib.json")
    report = importing.import_files(library, [tmp_path / "lib.json"])
    assert report.added == 0 and [d.reason.endswith("(the same story: its uuid)") for d in report.duplicates] == [
        True,
        True,
    ]
    added = importing.import_files(library, [tmp_path / "lib.json"], on_duplicate=OnDuplicate.ADD)
    assert added.added == 2 and len({s.uuid for s in all_stories(library)}) == 4  # copies get uuids of their own


@pytest.mark.parametrize(
    ("change", "position", "reason"),
    [
        (lambda d: d["stories"][0].update(status="done"), "story 1", "status: 'done' is not draft"),
        (lambda d: d["stories"][1].update(uuid="x"), "story 2 (x)", "uuid: 'x' is not a uuid"),
        (lambda d: d["stories"][0].update(tags=["a//b", 3]), "story 1", "tags: expected a list of texts"),
        (lambda d: d["stories"][0].update(entities=["6f1c0d52-0000-4000-8000-000000000009"]), "story 1", "entities:"),
        (lambda d: d["stories"][1].update(created_at="yesterday"), "story 2", "created_at: 'yesterday' is not"),
        (lambda d: d["entities"][0].update(kind="company"), "entities 1", "kind: 'company' is not"),
        (lambda d: d["stories"][0].update(revision=True), "story 1", "revision: 'True' is not a positive"),
        (lambda d: d["stories"][0]["translations"][0].update(status="final"), "story 1", "translations: status"),
        (lambda d: d["stories"][0]["translations"][0].update(uuid=""), "story 1", "uuid: '' is not a uuid"),
    ],
)
def test_bad_values_are_reported_by_story_and_the_rest_imported(
    library: Library, tmp_path: Path, change, position: str, reason: str
) -> None:
    _fill(library)
    exporting.export_json(library, tmp_path / "lib.json")
    document = json.loads((tmp_path / "lib.json").read_text(encoding="utf-8"))
    change(document)
    (tmp_path / "bad.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    _, result = parse_file(tmp_path / "bad.json")
    assert len(result.problems) >= 1
    assert result.problems[0].position.startswith(position) and result.problems[0].reason.startswith(reason)


def test_not_our_format_or_a_newer_one_is_refused() -> None:
    assert not native_json.sniff('[{"type": "article-newspaper", "title": "x"}]')  # CSL-JSON is not ours
    newer = native_json.parse('{"format": "ngodesk-library", "version": 99, "stories": []}')
    assert newer.problems[0].reason == "written by a newer ngodesk (format version 99)"
    not_a_list = native_json.parse('{"format": "ngodesk-library", "version": 1, "stories": {"a": 1}}')
    assert not_a_list.problems[0].reason == "stories: expected a list"
    broken = native_json.parse('{"format": "ngodesk-library", "version": 1, "stories": [')
    assert broken.problems[0].reason.startswith("not readable JSON: Expecting value: line 1")


def test_times_with_an_offset_are_stored_in_utc(tmp_path: Path) -> None:
    document = {
        "format": "ngodesk-library",
        "version": 1,
        "stories": [
            {
                "uuid": "6f1c0d52-0000-4000-8000-000000000001",
                "title": "北京时间",
                "created_at": "2020-01-01T08:00:00+08:00",
                "updated_at": "2020-01-01T00:00:00",
            }
        ],
    }
    (story,) = native_json.parse(json.dumps(document)).records
    assert story.provenance is not None and story.provenance.created_at.isoformat() == "2020-01-01T00:00:00"


def test_two_records_with_one_name_stay_two(library: Library, tmp_path: Path) -> None:
    for note, title in (("记者", "第一篇"), ("志愿者", "第二篇")):
        person = entities.create_entity(library, EntityKind.PERSON, "王芳", note=note)
        with library.write() as session:  # linked by id: the name is shared
            session.execute(
                StoryEntity.__table__.insert(),
                [{"story_id": stories.create_story(library, {"title": title}).id, "entity_id": person.id}],
            )
    first = _export(library, tmp_path / "first.json")
    with open_library(tmp_path / "copy") as copy:
        importing.import_files(copy, [tmp_path / "first.json"])
        assert _export(copy, tmp_path / "again.json") == first


def test_a_deleted_story_imported_back_is_no_longer_buried(library: Library, tmp_path: Path) -> None:
    created = stories.create_story(library, {"title": "删了又回来"})
    exporting.export_json(library, tmp_path / "one.json")
    stories.delete_stories(library, [created.id])
    assert importing.import_files(library, [tmp_path / "one.json"]).added == 1
    with library.read() as session:
        assert session.get(Tombstone, created.uuid) is None
