"""Regenerate every picture of the user guide with the program itself, in
English (docs/images/*.png) and with the Chinese interface for the Chinese
guide (docs/images/zh/*.png, the same names):

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [en|zh_CN]

(``make docs`` runs exactly that, for both languages, each in a process of
its own). The library is the one a first start makes, in a temporary user
data folder, with the interface in the language of the pictures: the
sample collection linked to its authority records, its glossary terms and
saved searches. The main window is rendered on it as a new user first sees
it, by the real command line (``ngodesk --library ... --screenshot ...
--size 1200x760``). It is then catalogued a little through ngodesk's
services (tags, dates, a translation, notes, a collection) for the other
pictures: the dialogs and states the command line cannot reach, made by
ngodesk's own widgets opened in this process. Settings and data go to temporary XDG folders, so
the user's own settings neither leak in nor change; nothing is left
behind.

``SHOTS`` (at the end) is the one table of (file name, how it is made);
``tests/test_docs.py`` reads it to check that every picture is used by a
page of the guide and every picture a page uses is made here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
IMAGES = DOCS / "images"
WINDOW_SIZE = (1200, 760)
#: Pictures of parts of the window and dialogs are made this wide (or
#: their narrowest), and never wider than GUIDE, so that the guide's window
#: (Help > User Guide, 860 pixels wide) shows them whole.
NARROW, GUIDE = 800, 860
#: The history's author for changes made "in the office", and in the field.
OFFICE, FIELD = "Li Hua", "Wang Fang"
MYANMAR = "中国扶贫基金会在缅甸开展民生项目"
MYANMAR_SUMMARY = "中国扶贫基金会“走出去”，在缅甸开展民生项目。项目与当地合作伙伴一起实施。"


@dataclass
class Context:
    """What the shots share: the scratch folders, the library's path, and
    (opened on first use) the application and one main window."""

    tmp: Path
    #: The interface's language ("en" or "zh_CN").
    language: str = "en"
    library_path: Path = field(init=False)
    env: dict[str, str] = field(default_factory=dict)
    app: Any = None
    windows: Any = None
    window: Any = None
    catalogued: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    # -- the main window, in this process -------------------------------

    def main_window(self) -> Any:
        """The window (opened on the library the first time)."""
        if self.window is None:
            from ngodesk.ui.app import Windows

            self.application()
            self.windows = Windows()
            self.window = self.windows.open(str(self.library_path), ask=False)
            if self.window is None:
                raise RuntimeError(f"could not open {self.library_path}")
            self.window.resize(*WINDOW_SIZE)
            self.settle()
        return self.window

    def application(self) -> Any:
        """The QApplication, in the pictures' language."""
        if self.app is None:
            from ngodesk.ui import i18n
            from ngodesk.ui.app import make_application

            self.app = make_application()
            i18n.install(self.app, self.language)
        return self.app

    def close_window(self) -> None:
        if self.window is not None:
            self.window.close()
            self.pump(100)
            self.window = None

    def pump(self, ms: int = 50) -> None:
        """Let Qt process events for ``ms`` milliseconds."""
        from PySide6.QtTest import QTest

        QTest.qWait(ms)

    def wait(self, condition: Callable[[], bool], what: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            self.pump(10)

    def settle(self) -> None:
        """Wait until the window's search, its counts and the saved
        searches' counts are in."""
        win = self.window
        self.pump(50)
        self.wait(lambda: not win.search_runner.busy and not win._search_timer.isActive(), "the search")
        collections = win.sidebar.collections_item
        self.wait(
            lambda: all(collections.child(i).text(1) != "…" for i in range(collections.childCount())),
            "the saved searches' counts",
        )
        self.pump(150)

    def show_only(self, query: str = "", keep: list[int] | None = None) -> None:
        """Type ``query`` in the search field (sidebar filters dropped)
        and select ``keep`` (default: the first story)."""
        win = self.main_window()
        win.sidebar.clear_filters()
        win.search_field.setText(query)
        win.refresh(keep=keep)
        self.settle()

    def story_id(self, title: str) -> int:
        from ngodesk.services import queries

        library = self.main_window().library
        ids = queries.matching_ids(library, "").tolist()
        return next(v.id for v in queries.stories(library, ids) if v.title == title)

    def layout(self, sidebar: int, listing: int, editor: int, dock: str = "") -> None:
        """Pane widths, and which dock (glossary, annotations) shows."""
        win = self.main_window()
        for name, widget in (("glossary", win.glossary_dock), ("annotations", win.annotations_dock)):
            if name != dock:  # (hidden first: two docks at once would make the window taller)
                widget.hide()
        if dock:
            (win.glossary_dock if dock == "glossary" else win.annotations_dock).show()
        win.resize(*WINDOW_SIZE)
        if dock:
            from PySide6.QtCore import Qt

            chosen = win.glossary_dock if dock == "glossary" else win.annotations_dock
            win.resizeDocks([chosen], [WINDOW_SIZE[0] - sidebar - listing - editor], Qt.Orientation.Horizontal)
        win.splitter.setSizes([sidebar, listing, editor])
        self.pump(100)


def save(widget: Any, path: Path, area: Any = None) -> None:
    """Render ``widget`` (shown), or the rectangle ``area`` of it, as a
    PNG, compressed hard."""
    pixmap = widget.grab() if area is None else widget.grab(area)
    if pixmap.width() > GUIDE or pixmap.height() > WINDOW_SIZE[1]:
        raise RuntimeError(f"{path.name} would be {pixmap.width()}x{pixmap.height()}: too large for the guide")
    if pixmap.isNull() or not pixmap.save(str(path), "PNG", 0):
        raise RuntimeError(f"could not write {path}")


def panes(win: Any, first: Any, last: Any) -> Any:
    """The rectangle of ``win`` from the left of widget ``first`` to the
    right of ``last``, between the toolbar and the status bar."""
    from PySide6.QtCore import QPoint, QRect

    left = first.mapTo(win, QPoint(0, 0)).x()
    right = last.mapTo(win, QPoint(last.width(), 0)).x()
    top = win.splitter.mapTo(win, QPoint(0, 0)).y()
    return QRect(left, top, right - left, win.splitter.height())


def show_dialog(ctx: Context, dialog: Any, path: Path, size: tuple[int, int] | None = None) -> None:
    """Show ``dialog`` non-modally (at ``size`` or its natural size), save
    it, close it."""
    if size is not None:
        dialog.resize(max(size[0], dialog.minimumSizeHint().width()), size[1])
    else:
        dialog.adjustSize()
    dialog.show()
    ctx.pump(200)
    save(dialog, path)
    dialog.close()
    dialog.deleteLater()
    ctx.pump(50)


# -- the scratch library ----------------------------------------------------


def first_run(ctx: Context) -> None:
    """Make the library a first start makes, in the temporary user data
    folder, with the interface in the pictures' language (the names of
    the saved searches are in it)."""
    from ngodesk.services.library import open_library

    ctx.application()
    with open_library(None) as library:  # the default library: $XDG_DATA_HOME/ngodesk/library, with the sample
        ctx.library_path = library.folder


def catalogue(ctx: Context) -> None:
    """Catalogue the first run's library a little, as a librarian and a
    translator would, through ngodesk's services."""
    from ngodesk.domain.models import AnnotationKind, Translation, TranslationStatus
    from ngodesk.services import (
        annotating,
        glossary,
        queries,
        stories,
        story_collections,
        suggestions,
        tags,
        thesaurus,
        translations,
    )
    from ngodesk.services.annotating import NewAnnotation
    from ngodesk.services.library import open_library

    ctx.close_window()
    library = open_library(ctx.library_path)
    ctx.catalogued = True
    try:
        library.author = OFFICE

        def ids(query: str) -> list[int]:
            return queries.matching_ids(library, query).tolist()

        def by_title(start: str) -> int:
            every = queries.stories(library, ids(""))
            return next(v.id for v in every if v.title.startswith(start))

        # A story in Chinese, as a translator would add it.
        created = stories.create_story(
            library,
            {"title": MYANMAR, "summary": MYANMAR_SUMMARY, "language": "zh", "published": "2019-03"},
            ["Region/Asia/Myanmar"],
        )
        myanmar = created.id
        suggestions.accept(library, suggestions.suggest(library))  # Story > Suggest Records…, all ticked
        for path, query in (
            ("Region/Africa/Kenya", "Kenya"),
            ("Region/Asia/Sri Lanka", '"Sri Lanka"'),
            ("Region/Asia/Nepal", "Nepal"),
            ("Region/Asia/Myanmar", "Mekong"),
            ("Topic/Disaster relief", "disaster OR bombings"),
            ("Topic/Foreign aid", '"foreign aid"'),
            ("Topic/Belt and Road", '"Belt and Road" OR "Silk Road"'),
        ):
            tags.apply_path(library, ids(query), path)
        paths = {t.path: t.id for t in queries.tags(library, counted=False)}
        thesaurus.make_synonym(library, "Burma", paths["Region/Asia/Myanmar"])
        for alias in ("Development assistance", "对外援助"):
            thesaurus.make_synonym(library, alias, paths["Topic/Foreign aid"])
        thesaurus.set_scope_note(
            library,
            paths["Topic/Foreign aid"],
            "Aid given by the Chinese state. For projects of NGOs and foundations use Chinese NGOs Going Out.",
        )
        thesaurus.relate(library, paths["Topic/Foreign aid"], paths["Topic/Disaster relief"])
        tags.set_tag_colour(library, paths["Region"], "#2e7d32")
        for start, published, status in (
            ("China Red Cross donates", "2019-05", "reviewed"),
            ("Second “Silk Road NGO", "2019-04", "reviewed"),
            ("Chinese NGOs have responded", "2018-12", "catalogued"),
            ("Chinese NGOs Working Abroad", "2019-01", "catalogued"),
            ("Designing “Lion Lights”", "", "catalogued"),
        ):
            values = {"status": status} | ({"published": published} if published else {})
            stories.edit_story(library, by_title(start), values)
        # The Chinese story: catalogued, translated into English, annotated.
        stories.edit_story(library, myanmar, {"status": "catalogued"}, add_tags=["Topic/Poverty"])
        stories.edit_story(library, myanmar, {"source": "China Development Brief"})
        translations.set_translations(
            library,
            myanmar,
            [
                Translation("title", "en", "CFPA runs livelihood projects in Myanmar", TranslationStatus.DRAFT, OFFICE),
                Translation(
                    "summary",
                    "en",
                    "The China Foundation for Poverty Alleviation is “going out”: it runs livelihood projects "
                    "in Myanmar. The projects are carried out with local partners.",
                    TranslationStatus.REVIEWED,
                    OFFICE,
                ),
            ],
        )
        term_uuid = {record.term: record.uuid for _, record in glossary.terms(library)}["民生项目"]
        for words, kind, body, term in (
            ("走出去", AnnotationKind.COMMENT, "Keep the quotation marks: CDB writes “going out”.", ""),
            ("民生项目", AnnotationKind.TERM, "", term_uuid),
        ):
            start = MYANMAR_SUMMARY.index(words)
            annotating.add(
                library,
                myanmar,
                NewAnnotation("summary", start, start + len(words), kind, body, term_uuid=term, author=OFFICE),
            )
        chinese = ctx.language == "zh_CN"
        asia, reading_list = ("亚洲，尚未审校", "阅读清单") if chinese else ("Asia, not yet reviewed", "Reading list")
        story_collections.save_search(library, asia, "tag:Asia -status:reviewed")
        reading = [by_title(s) for s in ("Wu Peng", "A roundup on Chinese NGOs", "Call for NGOs")]
        story_collections.create_manual(library, reading_list, reading)
    finally:
        library.close()


# -- the shots ----------------------------------------------------------------


def ngodesk_command() -> list[str]:
    """The installed ``ngodesk`` beside this Python (else ``python -m ngodesk``)."""
    script = Path(sys.executable).with_name("ngodesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ngodesk"]


def cli_window(language: str = "") -> Callable[[Context, Path], None]:
    """The main window rendered by ``ngodesk --screenshot`` (in ``language``,
    else the pictures' language)."""

    def shoot(ctx: Context, path: Path) -> None:
        ctx.close_window()  # (the command line opens the library itself)
        command = [*ngodesk_command(), "--library", str(ctx.library_path), "--screenshot", str(path)]
        command += ["--size", "x".join(map(str, WINDOW_SIZE)), "--language", language or ctx.language]
        subprocess.run(command, env=ctx.env, check=True, capture_output=True, timeout=120)

    return shoot


def shoot_search(ctx: Context, path: Path) -> None:
    """Pinyin typed in the search field finds Chinese."""
    from PySide6.QtCore import QRect

    win = ctx.main_window()
    ctx.layout(230, NARROW - 230 - 2 * win.splitter.handleWidth(), WINDOW_SIZE[0] - NARROW)
    ctx.show_only("zouchuqu")
    for index in range(win.sidebar.tags_item.childCount()):
        win.sidebar.tags_item.child(index).setExpanded(True)
    ctx.pump(100)
    area = panes(win, win.sidebar, win.story_list)  # (with the status bar: "2 of 14 stories")
    save(win, path, QRect(area.left(), area.top(), area.width(), win.height() - area.top()))


def shoot_sidebar(ctx: Context, path: Path) -> None:
    """The sidebar with a tag filter picked, counts within the result."""
    from ngodesk.domain.models import EntityKind, FacetKind
    from ngodesk.services import queries

    win = ctx.main_window()
    ctx.layout(300, 520, 380)
    ctx.show_only("")
    sidebar = win.sidebar
    asia = next(t.id for t in queries.tags(win.library, counted=False) if t.path == "Region/Asia")
    sidebar.set_filter(FacetKind.TAG, str(asia), 1)
    ctx.settle()
    for index in range(sidebar.topLevelItemCount()):
        sidebar.topLevelItem(index).setExpanded(False)
    for item in (sidebar.collections_item, sidebar.tags_item, sidebar.sections[EntityKind.PLACE]):
        item.setExpanded(True)
    for section in (FacetKind.YEAR, FacetKind.STATUS, FacetKind.TRANSLATION):
        sidebar.sections[section].setExpanded(True)
    for index in range(sidebar.tags_item.childCount()):
        top = sidebar.tags_item.child(index)
        top.setExpanded(True)
        if top.text(0).endswith("Region"):  # (the filter picked is inside it)
            for child in range(top.childCount()):
                top.child(child).setExpanded(True)
    sidebar.setCurrentItem(None)
    ctx.pump(100)
    save(sidebar, path)


def _editor_on(ctx: Context, tab: int) -> Any:
    """The Chinese story selected, its editor on tab ``tab``."""
    win = ctx.main_window()
    ctx.show_only("", keep=[ctx.story_id(MYANMAR)])
    win.editor.tabs.setCurrentIndex(tab)
    ctx.pump(200)
    return win


def shoot_translation(ctx: Context, path: Path) -> None:
    """The editor's Translation tab: originals beside the English (the
    editor alone)."""
    ctx.main_window()
    ctx.layout(200, 200, NARROW)
    win = _editor_on(ctx, 1)
    save(win.editor, path)


def shoot_annotations(ctx: Context, path: Path) -> None:
    """View > Annotations beside the story, one note chosen."""
    ctx.main_window()
    ctx.layout(170, 300, 390, dock="annotations")
    win = _editor_on(ctx, 0)
    panel = win.annotations
    panel.list.setCurrentRow(0)
    ctx.pump(200)
    save(win, path, panes(win, win.editor, win.annotations_dock))


def shoot_glossary(ctx: Context, path: Path) -> None:
    """View > Glossary beside the story: its terms in bold and highlighted."""
    ctx.main_window()
    ctx.layout(170, 300, 390, dock="glossary")
    win = _editor_on(ctx, 0)
    summary = win.editor.summary
    cursor = summary.textCursor()
    cursor.clearSelection()  # (the annotation chosen before selected its words)
    summary.setTextCursor(cursor)
    glossary = win.glossary
    row = next(i for i in range(glossary.table.rowCount()) if glossary.table.item(i, 0).text() == "民生项目")
    glossary.table.selectRow(row)
    ctx.pump(200)
    save(win, path, panes(win, win.editor, win.glossary_dock))


def shoot_history(ctx: Context, path: Path) -> None:
    """The editor's History tab (the editor alone)."""
    ctx.main_window()
    ctx.layout(220, 480, 500)
    win = _editor_on(ctx, 2)
    history = win.editor.history
    history.tree.expandAll()
    revisions = history.tree.topLevelItemCount()
    history.tree.setCurrentItem(history.tree.topLevelItem(min(2, revisions - 1)))  # an earlier revision
    ctx.pump(200)
    save(win.editor, path)


def shoot_batch_edit(ctx: Context, path: Path) -> None:
    """Story > Batch Edit on the stories a search finds, previewed."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ngodesk.services import batch, queries
    from ngodesk.ui.batch_edit import BatchEditDialog

    win = ctx.main_window()
    ctx.layout(220, 560, 420)
    ctx.show_only("seminar OR panel")
    win.story_list.selectAll()
    ids = win.selected_ids()
    library = win.library
    dialog = BatchEditDialog(
        win.tr("Change the {n} selected stories.").format(n=len(ids)),
        queries.tag_paths(library, synonyms=True),
        queries.entities(library),
        lambda edit, progress: batch.plan(library, ids, edit, progress),
        win,
    )
    dialog.show()
    QTest.keyClicks(dialog.add_tags.entry, "Topic/Conferences")
    QTest.keyClick(dialog.add_tags.entry, Qt.Key.Key_Return)
    dialog.status.box.setChecked(True)
    combo = dialog.status.findChild(type(dialog.field))
    combo.setCurrentIndex(combo.findData("catalogued"))
    dialog.find.setText("“going out”")
    dialog.replace.setText("“going out” (走出去)")
    dialog.field.setCurrentIndex(dialog.field.findData("title"))
    dialog.preview()
    ctx.wait(lambda: dialog.plan is not None, "the batch edit's preview")
    show_dialog(ctx, dialog, path, (NARROW, 560))


def shoot_thesaurus(ctx: Context, path: Path) -> None:
    """Tags > Thesaurus Entry… of Topic/Foreign aid."""
    from ngodesk.services import queries, thesaurus
    from ngodesk.ui.tag_thesaurus import ThesaurusDialog

    win = ctx.main_window()
    every = {t.id: t.path for t in queries.tags(win.library, counted=False)}
    chosen = next(i for i, p in every.items() if p == "Topic/Foreign aid")
    others = {i: p for i, p in every.items() if i != chosen}
    dialog = ThesaurusDialog("Topic/Foreign aid", thesaurus.entry(win.library, chosen), others, win)
    show_dialog(ctx, dialog, path)


def shoot_records(ctx: Context, path: Path) -> None:
    """Story > Authority Records…, found by a Chinese name."""
    win = ctx.main_window()
    dialog = win.show_records()
    dialog.find.setText("中国")
    ctx.pump(100)
    rows = range(dialog.table.rowCount())
    cfpa = ("China Foundation", "中国扶贫基金会")  # (its name in either interface language)
    dialog.table.selectRow(next(r for r in rows if dialog.table.item(r, 0).text().startswith(cfpa)))
    dialog.resize(NARROW, 420)
    ctx.pump(200)
    save(dialog, path)
    dialog.close()
    ctx.pump(50)


def shoot_merge_stories(ctx: Context, path: Path) -> None:
    """Story > Find Duplicates…, Merge…: a pair side by side (the second
    story is added for the picture and deleted again)."""
    from ngodesk.services import duplicates, stories, story_merge
    from ngodesk.ui.merge_view import MergeStoriesDialog

    win = ctx.main_window()
    library = win.library
    title = "China Red Cross donates $100,000 to Sri Lanka victims"
    created = stories.create_story(
        library,
        {
            "title": title,
            "published": "2019-05",
            "source": "Xinhua",
            "summary": "The Red Cross Society of China gave $100,000 to the Sri Lanka Red Cross Society.",
        },
        ["Topic/Disaster relief"],
    )
    pair = next(p for p in duplicates.find_pairs(library) if created.id in (p.first.id, p.second.id))
    first, second = story_merge.sides(library, pair.first.id, pair.second.id)
    dialog = MergeStoriesDialog(first, second, pair.reason, win)
    show_dialog(ctx, dialog, path, (NARROW, 500))
    stories.delete_stories(library, [created.id])


def shoot_column_map(ctx: Context, path: Path) -> None:
    """File > Import… of a table: the columns mapped, a preview."""
    from ngodesk.formats import detect, read_text
    from ngodesk.ui.column_map import ColumnMapDialog

    win = ctx.main_window()
    table_file = ctx.tmp / "境外项目.csv"
    table_file.write_text(
        "标题,日期,关键词,作者,备注\n"
        "中国扶贫基金会在尼泊尔开展灾后重建,2016年4月,Region/Asia/Nepal;Topic/Disaster relief,张明,已核实\n"
        "爱德基金会在埃塞俄比亚的水项目,2018-09-12,Region/Africa/Ethiopia,李红;王芳,\n"
        "丝路沿线民间组织合作网络论坛在北京举行,2017-11-21,Topic/Belt and Road,,待翻译\n",
        encoding="utf-8",
    )
    text = read_text(table_file)
    dialog = ColumnMapDialog(table_file, detect(table_file, text, "auto"), text, win)
    show_dialog(ctx, dialog, path, (NARROW, 500))


def shoot_field_copy(ctx: Context, path: Path) -> None:
    """File > Export Field Copy…, for the stories of a search."""
    from ngodesk.services import queries
    from ngodesk.ui.fieldwork_view import FieldCopyDialog

    win = ctx.main_window()
    ctx.show_only("tag:Asia")
    win.story_list.selectAll()
    listed, selected = win.model.rowCount(), len(win.selected_ids())
    total = queries.story_count(win.library)
    dialog = FieldCopyDialog(listed, selected, total, Path("/home/researcher"), win)
    dialog.scope.button(1).setChecked(True)
    show_dialog(ctx, dialog, path)


def _merged_with_conflicts(ctx: Context) -> list[Any]:
    """Make a real field copy, change the same things on both sides (and
    delete on one side a story edited on the other), merge it back:
    the open conflicts."""
    if "conflicts" in ctx.extra:
        return ctx.extra["conflicts"]
    from ngodesk.services import conflicts, field_copy, merging, stories
    from ngodesk.services.library import open_library

    win = ctx.main_window()
    library = win.library
    myanmar = ctx.story_id(MYANMAR)
    lancang = ctx.story_id("Experts urge further cooperation among NGOs in the Lancang-Mekong region")
    copy = field_copy.make_copy(library, ctx.tmp / "field-copy")
    with open_library(copy) as theirs:
        theirs.author = FIELD
        stories.edit_story(
            theirs,
            myanmar,
            {"summary": "中国扶贫基金会“走出去”，2019年在缅甸掸邦开展民生项目（实地核实）。"},
        )
        stories.delete_stories(theirs, [lancang])
    win.hub.publish(stories.edit_story(library, myanmar, {"summary": MYANMAR_SUMMARY + "另见基金会年报。"}))
    win.hub.publish(stories.edit_story(library, lancang, {"status": "reviewed"}))
    report = merging.merge(library, copy)
    win.hub.publish(report.changes)
    ctx.settle()
    ctx.extra["conflicts"] = conflicts.conflicts(library)
    return ctx.extra["conflicts"]


def _conflicts_dialog(ctx: Context, path: Path, deleted: bool) -> None:
    from ngodesk.services.conflicts import DELETED
    from ngodesk.ui.commands import SettleConflict
    from ngodesk.ui.fieldwork_view import ConflictsDialog

    found = _merged_with_conflicts(ctx)
    win = ctx.main_window()
    dialog = ConflictsDialog(found, lambda conflict, value: win._run(SettleConflict(conflict, value)), win)
    row = next(i for i, c in enumerate(found) if (c.field == DELETED) == deleted)
    dialog.list.setCurrentRow(row)
    show_dialog(ctx, dialog, path, (NARROW, 440))


def shoot_conflicts(ctx: Context, path: Path) -> None:
    """File > Merge Conflicts… after a real merge: the same field changed
    on both sides."""
    _conflicts_dialog(ctx, path, deleted=False)


def shoot_conflict_deleted(ctx: Context, path: Path) -> None:
    """The same dialog: a story deleted in the field, edited here."""
    _conflicts_dialog(ctx, path, deleted=True)


def shoot_backups(ctx: Context, path: Path) -> None:
    """File > Restore Backup…: daily, before the merge, and one made now."""
    from ngodesk.services import backups
    from ngodesk.ui.backups_view import BackupsDialog

    win = ctx.main_window()
    library = win.library
    _merged_with_conflicts(ctx)  # (the merge backs up first)
    backups.back_up(library)

    def back_up() -> list[Any]:
        backups.back_up(library)
        return backups.listing(library.folder)

    dialog = BackupsDialog(backups.listing(library.folder), backups.keep(library), back_up, False, win)
    dialog.table.selectRow(1)
    show_dialog(ctx, dialog, path, (620, 360))


def shoot_preferences(ctx: Context, path: Path) -> None:
    """Edit > Preferences…: your name, the interface language."""
    from ngodesk.ui.preferences import PreferencesDialog

    win = ctx.main_window()
    dialog = PreferencesDialog("lihua", win)
    dialog.name.setText(OFFICE)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    show_dialog(ctx, dialog, path)


#: Every picture of the guide: (file name in docs/images, how it is made),
#: made in this order; those of FIRST_RUN on the library as a first start
#: makes it, the others once it is catalogued.
SHOTS: list[tuple[str, Callable[[Context, Path], None]]] = [
    ("main-window.png", cli_window()),
    ("main-window-zh_CN.png", cli_window("zh_CN")),
    ("search.png", shoot_search),
    ("sidebar.png", shoot_sidebar),
    ("translation.png", shoot_translation),
    ("annotations.png", shoot_annotations),
    ("glossary.png", shoot_glossary),
    ("history.png", shoot_history),
    ("batch-edit.png", shoot_batch_edit),
    ("thesaurus.png", shoot_thesaurus),
    ("authority-records.png", shoot_records),
    ("merge-stories.png", shoot_merge_stories),
    ("column-map.png", shoot_column_map),
    ("field-copy.png", shoot_field_copy),
    ("conflicts.png", shoot_conflicts),
    ("conflict-deleted.png", shoot_conflict_deleted),
    ("backups.png", shoot_backups),
    ("preferences.png", shoot_preferences),
]


FIRST_RUN = {"main-window.png", "main-window-zh_CN.png"}
#: The pictures' languages and their folders (the Chinese guide's are docs/images/zh).
LANGUAGES = {"en": IMAGES, "zh_CN": IMAGES / "zh"}


def main(argv: list[str]) -> int:
    """Make the pictures in the languages ``argv`` names (default: each,
    in a process of its own, as Qt's settings and translations are read
    once per process)."""
    languages = argv or list(LANGUAGES)
    if any(language not in LANGUAGES for language in languages):
        print(f"usage: make_screenshots.py [{'|'.join(LANGUAGES)}]", file=sys.stderr)
        return 2
    if len(languages) > 1:
        for language in languages:
            subprocess.run([sys.executable, __file__, language], check=True)
        return 0
    return make_pictures(languages[0])


def make_pictures(language: str) -> int:
    """Every picture of ``SHOTS`` with the interface in ``language``."""
    started = time.monotonic()
    images = LANGUAGES[language]
    images.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ngodesk-guide-") as scratch:
        tmp = Path(scratch)
        # Set before Qt or ngodesk read them: a private user data folder
        # (where the default library is made) and settings folder.
        env = {k: v for k, v in os.environ.items() if k != "NGODESK_LIBRARY"}
        env |= {
            "XDG_DATA_HOME": str(tmp / "data"),
            "XDG_CONFIG_HOME": str(tmp / "config"),
            "QT_QPA_PLATFORM": "offscreen",
            "NGODESK_USER": OFFICE,
            "LOGNAME": "lihua",  # (the login name, where ngodesk shows one)
            "LANG": "en_GB.UTF-8" if language == "en" else f"{language}.UTF-8",
            "LANGUAGE": language,
        }
        os.environ.clear()
        os.environ.update(env)
        ctx = Context(tmp, language, env=env)
        first_run(ctx)
        try:
            for name, shoot in SHOTS:
                if name not in FIRST_RUN and not ctx.catalogued:
                    catalogue(ctx)
                out = images / name
                partial = tmp / name
                shoot(ctx, partial)
                shutil.move(partial, out)
                print(f"wrote {out.relative_to(DOCS.parent)} ({out.stat().st_size // 1024} KB)", flush=True)
        finally:
            ctx.close_window()
            if ctx.app is not None:
                ctx.pump(100)
    print(f"{len(SHOTS)} pictures ({language}) in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
