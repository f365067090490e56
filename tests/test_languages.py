"""Language values (issue 21, item 1): whatever a file or a person gives
(a code, a locale, a name in English or Chinese) is stored as one BCP 47
tag, so that ``lang:zh`` finds every Chinese story; a value that names no
language keeps its record (the raw value in extra, a warning), an edit
that names none is refused with a suggestion, and the window shows the
languages' names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ngodesk.domain.errors import QueryError, ValidationError
from ngodesk.domain.models import StoryRecord, Translation
from ngodesk.domain.text import language_name, read_language
from ngodesk.search import query
from ngodesk.services import importing, queries, stories, translations
from ngodesk.store.library import Library
from tests.test_import import all_stories


@pytest.mark.parametrize(
    ("given", "tag"),
    [
        ("chinese", "zh"),
        ("Chinese", "zh"),
        ("中文", "zh"),
        ("汉语", "zh"),
        ("英文", "en"),
        ("English", "en"),
        ("english", "en"),
        ("chi", "zh"),
        ("zho", "zh"),
        ("cmn", "zh"),
        ("eng", "en"),
        ("zh", "zh"),
        ("ZH", "zh"),
        ("zh_CN", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh-SG", "zh-Hans"),
        ("zh-TW", "zh-Hant"),
        ("zh-HK", "zh-Hant"),
        ("zh-MO", "zh-Hant"),
        ("zh-hant", "zh-Hant"),
        ("zh-Hant-HK", "zh-Hant"),
        ("简体中文", "zh-Hans"),
        ("中文（简体）", "zh-Hans"),
        ("Chinese (Simplified)", "zh-Hans"),
        ("Traditional Chinese", "zh-Hant"),
        ("zh-CHS", "zh-Hans"),
        ("en_US", "en"),  # the region English usually has: no more than en
        ("en-GB", "en-GB"),  # not the usual one: kept
        ("pt-BR", "pt"),
        ("pt-PT", "pt-PT"),
        ("Français", "fr"),
        ("粤语", "yue"),  # Cantonese is not Mandarin
        ("und", ""),
        ("", ""),
    ],
)
def test_codes_locales_and_names_read_as_one_tag(given: str, tag: str) -> None:
    reading = read_language(given)
    assert (reading.tag, reading.readable, reading.several) == (tag, True, False)
    assert read_language(tag).tag == tag  # (a stored tag reads as itself)


@pytest.mark.parametrize("given", ["English; Chinese", "中英文", "en/zh", "Chinese and English"])
def test_several_languages_keep_the_first(given: str) -> None:
    reading = read_language(given)
    assert reading.several and reading.tag == ("zh" if given[0] in "中C" else "en")


@pytest.mark.parametrize("given", ["Unknown", "N/A", "other", "xyz", "qwerty", "Eng\x00lish", "中\x00文（"])
def test_values_that_name_no_language_are_not_read(given: str) -> None:
    assert read_language(given).readable is False


def test_language_names_are_given_in_the_interface_language() -> None:
    assert [language_name(t) for t in ("zh-Hans", "zh-hant", "zh", "en")] == [
        "Chinese (Simplified)",
        "Chinese (Traditional)",
        "Chinese",
        "English",
    ]
    assert [language_name(t, "zh_CN") for t in ("zh-Hans", "zh-Hant", "en")] == ["中文（简体）", "中文（繁体）", "英语"]


# -- importing -------------------------------------------------------------

BIBLATEX = """@article{cnki1, title = {中国扶贫基金会在缅甸}, langid = {chinese}, year = {2019}}
@article{mendeley1, title = {Silk Road NGO forum}, language = {English}, year = {2019}}
@article{odd1, title = {A story in no known language}, language = {Unknown}, year = {2019}}
"""
RIS = """TY  - JOUR
TI  - Wells for Turkana
LA  - English
ER  -
TY  - JOUR
TI  - 台灣的援助團體
LA  - zh-TW
ER  -
"""
CSV = """title,language
尼泊尔学校,中文
Water in Kenya,英文
缅甸的民生项目,zh_CN
Clinics in Uganda,en_US
柬埔寨的水井,chi
Schools in Laos,eng
老挝的道路,zho
普通话的报道,cmn
香港的义工,zh-HK
"""


def _import(library: Library, tmp_path: Path, name: str, text: str) -> importing.ImportReport:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return importing.import_files(library, [path])


def _languages(library: Library) -> dict[str, tuple[str, object]]:
    return {s.title: (s.language, s.extra.get("language_as_given")) for s in all_stories(library)}


def test_real_export_shapes_come_in_whole_with_their_languages_as_tags(library: Library, tmp_path: Path) -> None:
    reports = [
        _import(library, tmp_path, "cnki.bib", BIBLATEX),
        _import(library, tmp_path, "endnote.ris", RIS),
        _import(library, tmp_path, "table.csv", CSV),
    ]
    assert [r.added for r in reports] == [3, 2, 9] and not any(r.problems for r in reports)
    assert _languages(library) == {
        "中国扶贫基金会在缅甸": ("zh", "chinese"),
        "Silk Road NGO forum": ("en", "English"),
        "A story in no known language": ("", "Unknown"),
        "Wells for Turkana": ("en", "English"),
        "台灣的援助團體": ("zh-Hant", "zh-TW"),
        "尼泊尔学校": ("zh", "中文"),
        "Water in Kenya": ("en", "英文"),
        "缅甸的民生项目": ("zh-Hans", "zh_CN"),
        "Clinics in Uganda": ("en", "en_US"),
        "柬埔寨的水井": ("zh", "chi"),
        "Schools in Laos": ("en", "eng"),
        "老挝的道路": ("zh", "zho"),
        "普通话的报道": ("zh", "cmn"),
        "香港的义工": ("zh-Hant", "zh-HK"),
    }
    (warning,) = reports[0].warnings  # only the value that names no language is worth a warning
    assert warning.reason == "language 'Unknown' not read; kept as given, the story without a language"
    found = {s.title for s in queries.stories(library, queries.matching_ids(library, "lang:zh").tolist())}
    assert found == {t for t, (tag, _) in _languages(library).items() if tag.startswith("zh")} and len(found) == 8
    assert queries.matching_ids(library, "lang:zh-Hant").size == 2
    assert queries.matching_ids(library, "lang:zh-Hans").size == 1
    assert queries.matching_ids(library, "lang:Chinese").size == 8  # a name finds what its tag finds
    assert queries.matching_ids(library, "lang:中文").size == 8
    assert queries.matching_ids(library, "lang:en").size == 5


OAI_DC = """<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record>
  <header><identifier>oai:x:1</identifier></header>
  <metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
      xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:title>Schools in Nepal</dc:title><dc:language>English</dc:language>
  </oai_dc:dc></metadata>
</record></ListRecords></OAI-PMH>
"""
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>公益新闻</title><link>https://example.org/</link><language>zh-cn</language>
<item><title>民间组织走出去</title><link>https://example.org/1</link></item></channel></rss>
"""
CSL_JSON = '[{"id": "a", "type": "article-newspaper", "title": "丝路一家亲", "language": "Chinese"}]'


def test_every_importer_hands_its_language_to_the_same_reading(library: Library, tmp_path: Path) -> None:
    for name, text in (("dc.xml", OAI_DC), ("feed.rss", RSS), ("items.json", CSL_JSON)):
        assert _import(library, tmp_path, name, text).added == 1
    assert _languages(library) == {
        "Schools in Nepal": ("en", "English"),
        "民间组织走出去": ("zh-Hans", "zh-cn"),
        "丝路一家亲": ("zh", "Chinese"),
    }


def test_a_record_naming_several_languages_keeps_the_first_and_says_so(library: Library) -> None:
    report = importing.import_records(library, [StoryRecord("双语报道", "record 1", language="Chinese; English")])
    assert report.added == 1
    assert [w.reason for w in report.warnings] == [
        "language 'Chinese; English' names several languages; zh kept, the value as given"
    ]
    assert _languages(library) == {"双语报道": ("zh", "Chinese; English")}


@pytest.mark.parametrize(("given", "kept"), [("English", ("en", "English")), ("Unknown", ("", "Unknown"))])
def test_a_duplicate_merged_in_brings_its_language_as_a_tag(library: Library, given: str, kept: tuple) -> None:
    importing.import_records(library, [StoryRecord("Wells for Turkana", "1", url="https://example.org/wells")])
    report = importing.import_records(
        library,
        [StoryRecord("Wells for Turkana", "1", url="https://example.org/wells", language=given)],
        on_duplicate=importing.OnDuplicate.MERGE,
    )
    assert [d.action for d in report.duplicates] == ["merged"] and not report.problems
    assert _languages(library)["Wells for Turkana"] == kept  # (one that names none is kept as given)


# -- a person's edits ------------------------------------------------------


def test_set_takes_names_and_locales_and_refuses_with_a_suggestion(library: Library) -> None:
    story = stories.create_story(library, {"title": "缅甸的民生项目", "language": "中文"}).id
    assert queries.get_story(library, story).language == "zh"
    stories.edit_story(library, story, {"language": "zh_CN"})
    assert queries.get_story(library, story).language == "zh-Hans"
    with pytest.raises(ValidationError, match=r"'Chinse' is not a language; did you mean Chinese \(zh\)\?"):
        stories.edit_story(library, story, {"language": "Chinse"})
    with pytest.raises(ValidationError, match="names several languages; a story has one, such as en"):
        stories.edit_story(library, story, {"language": "English; Chinese"})
    with pytest.raises(ValidationError, match="give a name such as English or 中文, or a code such as en"):
        stories.edit_story(library, story, {"language": "qwerty"})
    assert queries.get_story(library, story).language == "zh-Hans"  # (a refused edit changes nothing)


def test_translations_are_stored_under_the_tag_of_their_language(library: Library) -> None:
    story = stories.create_story(library, {"title": "丝路一家亲"}).id
    translations.set_translations(library, story, [Translation("title", "english", "Silk Road Family")])
    translations.set_translations(library, story, [Translation("title", "en_US", "Silk Road, One Family")])
    assert [(t.language, t.text) for t in queries.get_story(library, story).translations] == [
        ("en", "Silk Road, One Family")
    ]
    assert queries.matching_ids(library, "trans:english").tolist() == [story]


def test_a_query_language_that_names_none_is_refused_with_a_suggestion() -> None:
    assert query.parse("lang:zh_CN") == query.Field("lang", "zh-Hans")
    with pytest.raises(QueryError, match="did you mean lang:zh"):
        query.parse("lang:Chinse")
    with pytest.raises(QueryError, match="not one language"):
        query.parse("lang:qwerty")


def test_reading_a_language_does_not_load_langcodes_before_a_command_needs_it() -> None:
    code = "import sys, ngodesk.domain.text, ngodesk.services.fields; print('langcodes' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# -- the window ------------------------------------------------------------


@pytest.fixture
def window(qtbot, library: Library):  # type: ignore[no-untyped-def]
    from tests.test_gui_editing import open_window

    for title, language in (("Wells for Turkana", "English"), ("台灣的援助團體", "zh-TW"), ("缅甸的项目", "zh_CN")):
        importing.import_records(library, [StoryRecord(title, "1", language=language)])
    importing.import_records(library, [StoryRecord("A story in no known language", "1", language="Unknown")])
    story = stories.create_story(library, {"title": "尼泊尔学校", "language": "zh", "published": "2020"}).id
    translations.set_translations(library, story, [Translation("title", "French", "Écoles au Népal")])
    return open_window(qtbot, library)


def _listed(win, kind_name: str = "LANGUAGE") -> list[str]:  # type: ignore[no-untyped-def]
    """The entries of a sidebar section (languages; translations)."""
    from ngodesk.domain.models import FacetKind
    from tests.test_gui import settle

    settle(win)
    section = win.sidebar.sections[FacetKind[kind_name]]
    return sorted(section.child(i).text(0) for i in range(section.childCount()))


def test_the_sidebar_names_the_languages_and_filters_by_them(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from ngodesk.ui import story_model
    from tests.test_gui import click, titles

    assert _listed(window) == ["Chinese", "Chinese (Simplified)", "Chinese (Traditional)", "English", "No language"]
    assert _listed(window, "TRANSLATION") == ["French: Draft"]
    click(qtbot, window, "Chinese (Traditional)")
    assert titles(window) == ["台灣的援助團體"]
    column = [name for name, _ in story_model.COLUMNS].index("language")  # (the list's column, when shown)
    assert window.story_list.model().index(0, column).data() == "Chinese (Traditional)"


def test_the_editor_shows_a_name_and_takes_a_typed_one(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from tests.test_gui_editing import retype, stored

    editor = window.editor
    assert window.selected_ids() and editor.title.text() == "尼泊尔学校"
    assert editor.language.currentText() == "Chinese"
    assert [editor.translation.language.itemText(i) for i in range(editor.translation.language.count())] == [
        "English",
        "Chinese (Simplified)",
        "Chinese (Traditional)",
        "French",  # (the story has a French translation)
    ]
    retype(qtbot, editor.language.lineEdit(), "Chinse")
    window.story_list.setFocus()  # leaving the field saves at once
    assert "'Chinse' is not a language; did you mean Chinese (zh)?" in editor.error.text()
    assert stored(window, "language") == "zh"
    retype(qtbot, editor.language.lineEdit(), "spanish")
    window.story_list.setFocus()
    assert stored(window, "language") == "es" and editor.error.isHidden()
    window.menu_actions["undo"].trigger()
    assert stored(window, "language") == "zh" and editor.language.currentText() == "Chinese"


def test_the_chinese_interface_names_languages_in_chinese(qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
    from ngodesk.ui import i18n
    from ngodesk.ui.app import make_application
    from tests.test_gui_editing import open_window

    if not Path(i18n.catalogue("zh_CN")).exists():
        pytest.skip("the Chinese catalogue is built by `make`")
    importing.import_records(library, [StoryRecord("台灣的援助團體", "1", language="zh-TW")])
    stories.create_story(library, {"title": "Wells for Turkana", "language": "English"})
    app = make_application()
    assert i18n.install(app, "zh_CN") == "zh_CN"
    try:
        win = open_window(qtbot, library)
        assert _listed(win) == sorted(["中文（繁体）", "英语"])
        assert win.editor.language.currentText() in ("中文（繁体）", "英语")
    finally:
        i18n.install(app, "en")


@pytest.mark.parametrize("interface", ["en", "zh_CN"])
def test_a_language_name_the_window_shows_reads_back_as_its_tag(interface: str) -> None:
    """What the editor and the batch dialog offer by name is saved as the tag it names."""
    for tag in ("en", "zh", "zh-Hans", "zh-Hant", "fr", "es", "ar", "ru", "pt", "sw", "en-GB", "pt-PT", "yue"):
        assert read_language(language_name(tag, interface)).tag == tag


# -- libraries made before -------------------------------------------------


def test_an_older_library_gets_its_languages_as_tags_and_keeps_what_was_stored(tmp_path: Path) -> None:
    import sqlite3

    from ngodesk.services import annotating, history
    from ngodesk.services.library import open_library
    from tests.test_migrations import _library_at

    folder = _library_at(tmp_path / "old", "0020")  # one story, in "en"
    record = "'2019-01-01 00:00:00', '2019-01-01 00:00:00', 2"
    with sqlite3.connect(folder / "catalogue.sqlite") as db:
        for n, (title, language, extra) in enumerate(
            [
                ("中国扶贫基金会在缅甸", "chinese", "{}"),  # BibLaTeX from CNKI, as imported with a fix-up
                ("Wells for Turkana", "en-us", '{"pages": "1-8"}'),
                ("台灣的援助團體", "zh-TW", "{}"),
                ("尼泊尔学校", "ZH", "{}"),  # letter case only: not worth keeping as given
                ("老挝的道路", "xyz", "{}"),
                ("缅甸的民生项目", "zh-CN", "{}"),
            ],
            start=2,
        ):
            db.execute(
                "INSERT INTO stories (id, uuid, created_at, updated_at, revision, title, summary, body, url, source,"
                " published, language, status, title_key, extra)"
                f" VALUES (?, ?, {record}, ?, '', '', '', '', '', ?, 'draft', ?, ?)",
                (n, f"6f1c0d52-0000-4000-8000-0000000001{n:02}", title, language, title, extra),
            )
        for n, (story, field, language, text) in enumerate(
            [(2, "title", "en_US", "CFPA in Myanmar"), (2, "summary", "EN", "x"), (2, "summary", "en", "y")]
        ):
            db.execute(
                "INSERT INTO translations (uuid, created_at, updated_at, revision, story_id, field, language, text,"
                f" status, translator) VALUES (?, {record}, ?, ?, ?, ?, 'draft', 'Li')",
                (f"6f1c0d52-0000-4000-8000-0000000002{n:02}", story, field, language, text),
            )
        db.execute(
            "INSERT INTO annotations (uuid, created_at, updated_at, revision, story_id, field, language, kind, body,"
            " exact, prefix, suffix, quote_start, quote_end, orphaned, author)"
            f" VALUES ('6f1c0d52-0000-4000-8000-000000000300', {record}, 2, 'title', 'en_US', 'comment', 'CFPA?',"
            " 'CFPA', '', ' in', 0, 4, 0, 'Li')"
        )
    db.close()
    with open_library(folder) as library:
        shown = {s.title: (s.language, s.extra, s.revision) for s in all_stories(library)}
        assert shown == {  # (a changed value is an edit: the revision moves on)
            "丝路一家亲 forum": ("en", {}, 3),
            "中国扶贫基金会在缅甸": ("zh", {"language_as_given": "chinese"}, 3),
            "Wells for Turkana": ("en", {"language_as_given": "en-us", "pages": "1-8"}, 3),
            "台灣的援助團體": ("zh-Hant", {"language_as_given": "zh-TW"}, 3),
            "尼泊尔学校": ("zh", {}, 3),
            "老挝的道路": ("", {"language_as_given": "xyz"}, 3),
            "缅甸的民生项目": ("zh-Hans", {"language_as_given": "zh-CN"}, 3),
        }
        assert queries.matching_ids(library, "lang:zh").size == 4
        story = queries.get_story(library, 2)
        assert sorted((t.field, t.language, t.text) for t in story.translations) == [
            ("summary", "EN", "x"),  # (the story has an "en" summary already: both stay)
            ("summary", "en", "y"),
            ("title", "en", "CFPA in Myanmar"),
        ]
        (note,) = annotating.annotations(library, [2])
        assert (note.language, note.exact, note.orphaned) == ("en", "CFPA", False)
        assert queries.check(library) == []
        changes = history.changes(library, 2)
        assert [(c.field, c.old, c.new, c.revision) for c in changes] == [("language", "chinese", "zh", 3)]


def test_a_translator_sees_regions_as_one_language_and_chinese_scripts_as_two() -> None:
    from ngodesk.domain.text import same_language

    assert same_language("en", "en-GB") and same_language("zh", "zh-Hans")
    assert not same_language("zh", "zh-Hant") and not same_language("zh-Hans", "zh-Hant")
    assert not same_language("en", "zh")
