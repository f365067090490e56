"""Translations of story fields: set, cleared, checked, kept through
delete and undo, and through ngodesk's own JSON with a bad one refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ngodesk.domain.errors import ValidationError
from ngodesk.domain.models import Translation, TranslationStatus
from ngodesk.formats import ImportOptions
from ngodesk.services import exporting, importing, queries, snapshots, stories, translations
from ngodesk.store.library import Library


def translated(library: Library, story_id: int) -> list[tuple[str, str, str, TranslationStatus]]:
    return [(t.field, t.language, t.text, t.status) for t in queries.get_story(library, story_id).translations]


def test_translations_are_set_changed_and_cleared(library: Library) -> None:
    story = stories.create_story(library, {"title": "中国民间组织走出去", "summary": "专家讨论。"}).id
    changes = translations.set_translations(
        library,
        story,
        [
            Translation("summary", "en", "  Experts discuss.  "),
            Translation("title", "en", "Chinese NGOs\n going out", TranslationStatus.REVIEWED, "Wang"),
            Translation("title", "zh-Hant", "中國民間組織走出去"),
        ],
    )
    assert changes.stories_changed == {story}
    assert translated(library, story) == [
        ("title", "en", "Chinese NGOs going out", TranslationStatus.REVIEWED),  # a title is one line
        ("title", "zh-Hant", "中國民間組織走出去", TranslationStatus.DRAFT),
        ("summary", "en", "Experts discuss.", TranslationStatus.DRAFT),
    ]
    view = queries.get_story(library, story)
    title = view.translation("title", "en")
    assert title is not None and title.translator == "Wang" and title.uuid
    same = translations.set_translations(library, story, [Translation("summary", "en", "Experts discuss.")])
    assert same.empty  # nothing changed: no change announced
    translations.set_translations(library, story, [Translation("summary", "en", "")])
    assert [(f, lang) for f, lang, _, _ in translated(library, story)] == [("title", "en"), ("title", "zh-Hant")]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (Translation("url", "en", "x"), "'url' has no translations"),
        (Translation("title", "qwerty", "x"), "'qwerty' is not a language code"),
        (Translation("title", "en", "x", TranslationStatus.UNTRANSLATED), "clear its text"),
    ],
)
def test_a_bad_translation_changes_nothing(library: Library, bad: Translation, message: str) -> None:
    story = stories.create_story(library, {"title": "A story"}).id
    with pytest.raises(ValidationError, match=message):
        translations.set_translations(library, story, [Translation("summary", "en", "kept?"), bad])
    assert translated(library, story) == []


def test_deleting_a_story_and_undoing_brings_its_translations_back(library: Library) -> None:
    story = stories.create_story(library, {"title": "丝路一家亲"}).id
    translations.set_translations(library, story, [Translation("title", "en", "Silk Road Family")])
    before = queries.get_story(library, story).translations
    snapshot = snapshots.snapshot_stories(library, [story])
    stories.delete_stories(library, [story])
    snapshots.restore_stories(library, snapshot)
    assert queries.get_story(library, story).translations == before


def test_a_story_imported_twice_on_purpose_gets_translations_of_its_own(library: Library, tmp_path: Path) -> None:
    story = stories.create_story(library, {"title": "民生项目"}).id
    translations.set_translations(library, story, [Translation("title", "en", "Livelihood projects")])
    exporting.export_json(library, tmp_path / "lib.json")
    report = importing.import_files(library, [tmp_path / "lib.json"], on_duplicate=importing.OnDuplicate.ADD)
    assert report.added == 1 and not report.problems
    views = queries.stories(library, queries.matching_ids(library, "").tolist())
    assert [t.text for v in views for t in v.translations] == ["Livelihood projects", "Livelihood projects"]
    assert len({t.uuid for v in views for t in v.translations}) == 2


def test_a_json_story_with_a_bad_translation_is_reported_and_the_rest_imported(
    library: Library, tmp_path: Path
) -> None:
    for title in ("第一篇", "第二篇"):
        story = stories.create_story(library, {"title": title}).id
        translations.set_translations(library, story, [Translation("title", "en", f"English of {title}")])
    exporting.export_json(library, tmp_path / "lib.json")
    document = json.loads((tmp_path / "lib.json").read_text(encoding="utf-8"))
    document["stories"][0]["translations"][0]["field"] = "source"
    (tmp_path / "bad.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    from ngodesk.services.library import open_library

    with open_library(tmp_path / "other") as other:
        report = importing.import_files(other, [tmp_path / "bad.json"])
        assert report.added == 1
        assert [p.reason for p in report.problems] == [
            "'source' has no translations; fields that do: title, summary, body"
        ]


def test_trans_queries_find_stories_by_their_translation_status(library: Library) -> None:
    ids = {
        title: stories.create_story(library, {"title": title}).id
        for title in ("未翻译", "草稿", "已审", "部分审阅", "只有繁体")
    }
    translations.set_translations(library, ids["草稿"], [Translation("title", "en", "Draft")])
    translations.set_translations(
        library, ids["已审"], [Translation("title", "en-GB", "Reviewed", TranslationStatus.REVIEWED)]
    )
    translations.set_translations(
        library,
        ids["部分审阅"],
        [Translation("title", "en", "Partly", TranslationStatus.REVIEWED), Translation("summary", "en", "draft")],
    )
    translations.set_translations(library, ids["只有繁体"], [Translation("title", "zh-Hant", "只有繁體")])

    def found(query: str) -> set[str]:
        return {
            title for title, story_id in ids.items() if story_id in set(queries.matching_ids(library, query).tolist())
        }

    assert found("trans:en") == {"草稿", "已审", "部分审阅"}  # en-GB is English too
    assert found("trans:en:draft") == {"草稿", "部分审阅"}
    assert found("trans:EN:reviewed") == {"已审"}
    assert found("trans:en:untranslated") == {"未翻译", "只有繁体"}
    assert found("trans:zh") == {"只有繁体"}
    assert found("trans:en -trans:en:reviewed") == {"草稿", "部分审阅"}


def test_csv_and_ris_exports_carry_translations_and_csv_brings_them_back(library: Library, tmp_path: Path) -> None:
    story = stories.create_story(library, {"title": "丝路一家亲", "summary": "合作网络。", "language": "zh"}).id
    translations.set_translations(
        library,
        story,
        [Translation("title", "en", "Silk Road Family"), Translation("summary", "zh-Hant", "合作網絡。")],
    )
    stories.create_story(library, {"title": "Untranslated", "language": "en"})
    exporting.export(library, "csv", tmp_path / "out.csv")
    header = (tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert header[-6:] == [
        "title (en)",
        "summary (en)",
        "body (en)",
        "title (zh-Hant)",
        "summary (zh-Hant)",
        "body (zh-Hant)",
    ]
    exporting.export(library, "ris", tmp_path / "out.ris")
    assert "TT  - Silk Road Family" in (tmp_path / "out.ris").read_text(encoding="utf-8").splitlines()
    from ngodesk.services.library import open_library

    with open_library(tmp_path / "other") as other:
        report = importing.import_files(other, [tmp_path / "out.csv"])
        assert report.added == 2 and not report.problems
        (copy,) = [v for v in queries.stories(other, queries.matching_ids(other, "").tolist()) if v.translations]
        assert [(t.field, t.language, t.text) for t in copy.translations] == [
            ("title", "en", "Silk Road Family"),
            ("summary", "zh-Hant", "合作網絡。"),
        ]
        assert not [key for key in copy.extra if "(" in key]  # (the translation columns are not kept twice)
    with open_library(tmp_path / "third") as third:  # as the window's column dialog leaves them: "extra"
        columns = {"title (en)": "extra", "summary (zh-Hant)": "extra"}
        importing.import_files(third, [tmp_path / "out.csv"], options=ImportOptions(columns=columns))
        views = queries.stories(third, queries.matching_ids(third, "").tolist())
        assert sorted(t.text for v in views for t in v.translations) == ["Silk Road Family", "合作網絡。"]
