"""The main window: sidebar | story list | editor, a search field above the
list, menus, a toolbar and a status bar; one undo stack for everything
done here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ngodesk import __version__
from ngodesk.domain.models import ChangeSet, FacetKind, Filter, TagView
from ngodesk.services import story_collections, trash
from ngodesk.store.library import Library
from ngodesk.ui import settings
from ngodesk.ui.annotation_panel import AnnotationPanel
from ngodesk.ui.commands import (
    Actions,
    Command,
    CreateStory,
    DeleteStories,
    RemoveFromCollection,
)
from ngodesk.ui.editor import StoryEditor
from ngodesk.ui.export_flow import ExportFlow
from ngodesk.ui.flow import run_reporting
from ngodesk.ui.glossary_panel import GlossaryPanel
from ngodesk.ui.guide_view import GuideWindow
from ngodesk.ui.hub import Hub
from ngodesk.ui.i18n import number
from ngodesk.ui.icons import icon
from ngodesk.ui.import_flow import ImportFlow
from ngodesk.ui.jobs import JobRunner
from ngodesk.ui.library_flow import LibraryFlow
from ngodesk.ui.list_width import LIST_MIN_WIDTH
from ngodesk.ui.merge_flow import MergeFlow
from ngodesk.ui.opening_checks import OpeningChecks
from ngodesk.ui.panes import Panes
from ngodesk.ui.search_bar import SearchBar
from ngodesk.ui.search_runner import FIRST_PAGE, SearchRunner
from ngodesk.ui.sidebar import Sidebar
from ngodesk.ui.story_list import StoryList
from ngodesk.ui.story_model import StoryTableModel
from ngodesk.ui.story_tools import StoryTools
from ngodesk.ui.trash_view import TrashDialog, confirm_delete
from ngodesk.ui.undo_flow import UndoFlow
from ngodesk.ui.window_actions import TAG_ACTIONS, Extra, WindowActions, name_steps

if TYPE_CHECKING:
    from ngodesk.ui.records_view import RecordsDialog

# What a flow needs only once it runs (importing, exporting, field copies,
# merging, duplicates, suggestions) is imported by the method that starts
# it: imported here, it was a third of a second before the first paint.

#: After an edit in the editor, the list's order and counts follow this late.
EDIT_REFRESH_DELAY_MS = 1000
#: The Trash lets go of stories deleted 30 days ago this long after the window opens.
TRASH_PURGE_DELAY_MS = 3000
#: Imports of up to this many stories are one undo step (taking back 10,000
#: took ~10 s, on the GUI thread); larger ones are not undoable.
#: Files that may be tables: their columns are mapped in a dialog first.


class MainWindow(QMainWindow):
    """One window over one open library. ``open_requested(path)``: the user
    chose another library (File > New/Open/Recent); ``closed``: the window
    is gone and its library may be closed."""

    open_requested = Signal(str)
    #: a backup (path) to put back: the owner closes this window first
    restore_requested = Signal(str)
    closed = Signal()
    # (made in __init__; declared for the signal handlers connected before them)
    search: SearchBar
    export_flow: ExportFlow

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self._guide: GuideWindow | None = None
        self.records_dialog: RecordsDialog | None = None
        self.trash_dialog: TrashDialog | None = None
        self.setWindowTitle(self.tr("ngodesk — {name}").format(name=library.folder.name))
        self.setWindowIcon(icon("app"))
        self.hub = Hub(self)
        self.undo_stack = QUndoStack(self)
        self.commands = Actions(library, self.hub, self.undo_stack)
        self.hub.changed.connect(self._changed)
        self.hub.failed.connect(lambda message: QMessageBox.warning(self, self.tr("ngodesk"), message))

        self.sidebar = Sidebar(self.commands)
        self.sidebar.filters_changed.connect(self.refresh)
        self.sidebar.show_all.connect(self.clear_filters)
        self.sidebar.saved_search_chosen.connect(self.run_saved_search)
        self.sidebar.export_requested.connect(lambda ids: self.export_flow.export_stories(story_ids=ids))
        self.sidebar.trash_requested.connect(self.show_trash)
        self.sidebar.counting_failed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        self.sidebar.current_search = lambda: (self.search.text(), self.sidebar.filters())
        self.sidebar.selected_stories = self.selected_ids

        self.search = SearchBar()
        self.search.changed.connect(self.refresh)
        self._keep: list[int] = []
        self.search_runner = SearchRunner(library, self)
        self.search_runner.first_page.connect(self._first_page)
        self.search_runner.all_ids.connect(self._all_ids)
        self.search_runner.facets.connect(lambda facets: self.sidebar.show_counts(facets))
        self.search_runner.failed.connect(self._search_failed)
        self.search_runner.accepted.connect(self.search.accepted)

        self.model = StoryTableModel(library)
        self.story_list = StoryList(self.model)
        self.search_runner.hits.connect(self.model.set_hit_terms)
        self.story_list.delete_pressed.connect(self.delete_selected)
        self.story_list.open_pressed.connect(self._focus_editor)
        self.story_list.sort_changed.connect(self.refresh)
        self.story_list.selectionModel().selectionChanged.connect(self._show_selected)

        self.empty_hint = QLabel()
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: palette(placeholder-text); padding: 16px;")
        self.empty_hint.hide()
        links = Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        self.empty_hint.setTextInteractionFlags(links)
        self.empty_hint.linkActivated.connect(self._empty_hint_link)

        centre = QWidget()
        centre.setMinimumWidth(LIST_MIN_WIDTH)  # (docks and the editor give way, the list stays usable)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.story_list)

        self.editor = StoryEditor(self.commands)
        self.glossary = GlossaryPanel(self.commands)
        self.glossary_dock = self._dock(self.tr("Glossary"), "glossary", self.glossary)
        self.editor.shown.connect(self.glossary.show_story)
        self.editor.finder.failed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        self.annotations = AnnotationPanel(self.commands, self.editor)
        self.annotations_dock = self._dock(self.tr("Annotations"), "annotations", self.annotations)
        # tabbed, not stacked: both open at once stay within a 768-pixel screen
        self.tabifyDockWidget(self.glossary_dock, self.annotations_dock)
        self.search_runner.hits.connect(self.editor.show_hits)
        texts = (self.editor.summary, self.editor.body, *self.editor.translation.originals.values())
        self.glossary.mark_terms_in(edit.document() for edit in texts if hasattr(edit, "document"))
        #: Set while a refresh deselects the story being edited (it stays).
        self._holding_editor = False
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.sidebar, centre, self.editor):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        #: Until the user moves the splitter (or one is restored), the panes
        #: share the window's width in proportion: see resizeEvent.
        self._default_panes = True
        #: Whether the window was fitted to its screen when first shown.
        self._fitted = False
        self.splitter.splitterMoved.connect(self._panes_moved)
        self.setCentralWidget(self.splitter)
        self.panes = Panes(self.splitter, self.editor.tabs, self.editor.translation)

        self.count_label = QLabel()
        self.path_label = QLabel(str(library.folder) + (self.tr("  (read-only)") if library.readonly else ""))
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.jobs = JobRunner(self, self.editor.flush)
        self.jobs.pausing.connect(self._pause_edits)
        self.jobs.hidden_while_running.append(self.path_label)  # (room for the progress on a narrow screen)
        self.library_flow = LibraryFlow(self, self.jobs, self.commands)
        self.undo_flow = UndoFlow(self, self.jobs, self.commands)
        self.library_flow.open_requested.connect(self.open_requested)
        self.library_flow.restore_requested.connect(self.restore_requested)
        self.import_flow = ImportFlow(self, self.jobs, self.commands, self.sidebar)
        self.export_flow = ExportFlow(self, self.jobs, self.commands, self.listed_ids, self.selected_ids)
        self.merge_flow = MergeFlow(self, self.jobs, self.commands)
        self.story_tools = StoryTools(
            self, self.jobs, self.commands, self.listed_ids, self.selected_ids, self.show_stories, self.refresh
        )
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.jobs.status)
        self.opening_checks = OpeningChecks(self)  # (started by the owner once the window is painted)
        self.statusBar().addPermanentWidget(self.opening_checks.status)
        self.statusBar().addPermanentWidget(self.path_label)

        self._build_actions()
        self._restore_state()
        self.refresh()
        self._purge_timer = QTimer(self, singleShot=True, interval=TRASH_PURGE_DELAY_MS)
        self._purge_timer.timeout.connect(lambda: self.hub.publish(trash.purge(library)))
        if not library.readonly:
            self._purge_timer.start()
        self.opening_checks.damaged.connect(self._purge_timer.stop)  # (writes are refused from then on)

    def _dock(self, title: str, name: str, panel: QWidget) -> QDockWidget:
        """``panel`` in a dock on the right, hidden until asked for (``name``:
        its place is saved with the window's state)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        return dock

    # -- menus and toolbar ----------------------------------------------

    def _build_actions(self) -> None:
        sidebar = self.sidebar

        def on_tag(act: Callable[[TagView], object]) -> Callable[[], object]:
            return lambda: (tag := sidebar.selected_tag()) is not None and act(tag)

        slots: dict[str, Callable[[], object]] = {
            "new-library": self.library_flow.new_library,
            "open-library": self.library_flow.choose_library,
            "import": self.import_flow.import_files,
            "export": self.export_flow.export_stories,
            "export-selected": lambda: self.export_flow.export_stories(selected=True),
            "field-copy": self.export_flow.export_field_copy,
            "merge-library": self.merge_flow.merge_library,
            "conflicts": self.merge_flow.show_conflicts,
            "backups": self.library_flow.show_backups,
            "reindex": self.library_flow.rebuild_index,
            "quit": self.close,
            "undo": self.undo,
            "redo": self.undo_flow.redo,
            "find": self._find,
            "select-all": self.story_list.selectAll,
            "preferences": self.library_flow.edit_preferences,
            "clear-filters": self.clear_filters,
            "new-story": self.new_story,
            "delete": self.delete_selected,
            "trash": self.show_trash,
            "remove-from-collection": self.remove_from_collection,
            "batch-edit": self.story_tools.batch_edit,
            "duplicates": self.story_tools.find_duplicates,
            "suggest-records": self.story_tools.suggest_records,
            "records": self.show_records,
            "new-tag": lambda: sidebar.new_tag(sidebar.selected_tag()),
            "rename-tag": on_tag(sidebar.rename_tag),
            "tag-colour": on_tag(sidebar.set_colour),
            "thesaurus-entry": on_tag(sidebar.edit_thesaurus),
            "merge-tag": on_tag(sidebar.merge_tag),
            "delete-tag": on_tag(sidebar.delete_tag),
            "guide": self.show_guide,
            "about": self._about,
        }
        recent = QMenu(self.tr("Open &Recent"), self)
        recent.aboutToShow.connect(lambda: self.library_flow.fill_recent_menu(recent))
        columns = QMenu(self.tr("Colu&mns"), self)
        columns.aboutToShow.connect(lambda: self.story_list.fill_column_menu(columns))
        docks = []
        for dock, text, keys in (
            (self.glossary_dock, self.tr("&Glossary"), "Ctrl+Shift+G"),
            (self.annotations_dock, self.tr("&Annotations"), "Ctrl+Shift+N"),
        ):
            shown = dock.toggleViewAction()
            shown.setText(text)
            shown.setShortcut(QKeySequence(keys))
            shown.triggered.connect(lambda on, d=dock: d.raise_() if on else None)  # (its tab to the front)
            docks.append(shown)
        extras: dict[str, Extra] = {
            "recent": recent,
            "columns": columns,
            "panes": [*self.panes.actions.values(), self.panes.translate_action],
            "docks": docks,
        }
        writable = not self.library.readonly
        actions = self.menu_actions = WindowActions(self, slots, extras, self.story_list, writable)
        # (not QUndoStack.createUndoAction: typing not yet saved must be saved
        # first, so that Undo takes back what the user did last)
        name_steps(actions["undo"], actions["redo"], self.undo_stack)
        self.editor.typed.connect(lambda: actions["undo"].setEnabled(True))  # typing is undoable before it is saved
        actions.menus["story"].aboutToShow.connect(self._name_collection_action)

        def enable_tag_actions() -> None:
            chosen = writable and sidebar.selected_tag() is not None
            for name in TAG_ACTIONS:
                actions[name].setEnabled(chosen)

        actions.menus["tags"].aboutToShow.connect(enable_tag_actions)

    def show_guide(self) -> GuideWindow:
        """The user guide, beside the window (one at a time)."""
        if self._guide is None:
            self._guide = GuideWindow(self)
        self._guide.show()
        self._guide.raise_()
        return self._guide

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ngodesk"),
            self.tr("ngodesk {version}\nAn offline catalogue of news stories.").format(version=__version__),
        )

    # -- libraries, import, export --------------------------------------------

    def _pause_edits(self, task: str) -> None:
        """While ``task`` runs in the background, edits are refused at once
        with the reason and the editor is read-only (its saves would wait
        for the library and fail); "" ends the pause."""
        self.commands.busy = (
            self.tr("“{task}” is still running: wait for it to end (or cancel it) to make changes.").format(task=task)
            if task
            else self.library.writes_refused
        )
        self.editor.apply_editable()

    def show_records(self) -> RecordsDialog:
        """The authority file (organisations, people, places), beside the
        window."""
        from ngodesk.ui.records_view import RecordsDialog

        if self.records_dialog is None:
            self.records_dialog = RecordsDialog(self.commands, self.show_record, self)
        self.records_dialog.show()
        self.records_dialog.raise_()
        return self.records_dialog

    def show_trash(self) -> TrashDialog:
        """The stories in the Trash, to restore or let go, beside the window."""
        if self.trash_dialog is None:
            self.trash_dialog = TrashDialog(self.commands, self)
        self.trash_dialog.show()
        self.trash_dialog.raise_()
        return self.trash_dialog

    def show_record(self, entity_id: int) -> None:
        """List the stories linked to a record (the search is cleared)."""
        self.search.field.clear()
        self.sidebar.set_filter(FacetKind.ENTITY, str(entity_id), 1)

    def run_saved_search(self, query: str, filters: list[Filter]) -> None:
        """Show what a saved search finds: its text in the search field, its
        filters in the sidebar."""
        self.search.set_text(query)
        self.sidebar.apply_filters(filters)
        self.refresh()

    def show_stories(self, story_ids: list[int] | None = None) -> None:
        """Drop the search text and every sidebar filter, then select
        ``story_ids`` (default: keep the selection)."""
        self.search.field.clear()
        self.sidebar.clear_filters()
        self.refresh(keep=story_ids)

    # -- the list ---------------------------------------------------------

    def refresh(self, keep: list[int] | None = None) -> None:
        """Run the search with the sidebar's filters again (off the GUI
        thread); then select ``keep`` (default: the current selection) where
        still shown, else the first story."""
        self.search.searched()
        self._keep = keep if keep is not None else self.selected_ids()
        if self.editor.editing():  # the story being typed in is kept, listed or not
            self._keep = [*self._keep, self.editor.story.id]  # type: ignore[union-attr]
        self.search_runner.search(self.search.text(), self.sidebar.filters(), self.story_list.sort)

    def _search_failed(self, message: str) -> None:
        """A malformed query: say why, and mark the field; the last good
        result stays (list, editor, counts), without the empty list's hint,
        which would speak of a search that did not run."""
        self.search.show_error(message)
        self.empty_hint.hide()

    def _first_page(self, ids: np.ndarray) -> None:
        self.model.set_ids(ids)
        if len(ids) < FIRST_PAGE:  # that is all of them
            self._show_empty_state(len(ids) > 0, len(ids) > 0 or self.model.known_total > 0)
        self.count_label.setText(self.tr("Searching…"))
        self._select(self._keep)

    def _all_ids(self, ids: np.ndarray, total: int) -> None:
        self.model.extend_ids(ids)
        self.model.known_total = total
        self.sidebar.show_library_size(total)
        self.count_label.setText(self.tr("{shown} of %Ln stories", "", total).format(shown=number(len(ids))))
        self._show_empty_state(len(ids) > 0, total > 0)
        if self._keep and set(self._keep) != set(self.selected_ids()):
            self._select(self._keep)  # kept stories beyond the first page
        self._keep = []

    def _show_empty_state(self, any_shown: bool, any_at_all: bool) -> None:
        if any_shown or self.search.malformed():  # (after a malformed query the last result stays)
            self.empty_hint.hide()
            return
        if any_at_all:
            text = self.tr("No stories match. Change the search or click “All stories” to clear the filters.")
        elif self.library.readonly:
            text = self.tr("This library has no stories.")
        else:
            text = self.tr(
                'This library has no stories yet. <a href="import">Import</a> stories from files,'
                ' or add one with <a href="new">New Story</a>.'
            )
        self.empty_hint.setText(text)
        self.empty_hint.show()

    def _empty_hint_link(self, link: str) -> None:
        """A link of the empty library's hint: Import or New Story."""
        self.menu_actions["import" if link == "import" else "new-story"].trigger()

    def _select(self, story_ids: list[int]) -> None:
        # The story being typed in, when it no longer matches, stays in the
        # editor, unselected, until the user picks another one.
        holding = self.editor.editing() and self.editor.story.id in story_ids  # type: ignore[union-attr]
        self._holding_editor = holding
        try:
            found = self.story_list.select_stories(story_ids, or_first=not holding)
        finally:
            self._holding_editor = False
        if found or not holding:
            self._show_selected()

    def _collection_shown(self) -> story_collections.CollectionView | None:
        """The manual collection the list shows (its sidebar entry chosen
        to include), if exactly one."""
        chosen = [f.value for f in self.sidebar.filters() if f.kind is FacetKind.COLLECTION and not f.exclude]
        if len(chosen) != 1:
            return None
        found = story_collections.collections(self.library, counted=False)
        return next((c for c in found if str(c.id) == chosen[0] and c.query is None), None)

    def _name_collection_action(self) -> None:
        shown = self._collection_shown()
        action = self.menu_actions["remove-from-collection"]
        action.setEnabled(shown is not None and bool(self.selected_ids()) and not self.library.readonly)
        action.setText(
            self.tr("Remove from “{name}”").format(name=shown.name) if shown else self.tr("Remove from &Collection")
        )

    def remove_from_collection(self) -> bool:
        """Take the selected stories out of the collection the list shows
        (they stay in the library); one undo step."""
        shown, ids = self._collection_shown(), self.selected_ids()
        if shown is None or not ids:
            hint = self.tr("Show a collection (in the sidebar) and select its stories first.")
            self.statusBar().showMessage(hint, 5000)
            return False
        return self._run(RemoveFromCollection(shown.id, shown.name, ids))

    def listed_ids(self) -> list[int]:
        """Ids of the stories the list shows, in list order."""
        return self.story_list.listed_ids()

    def selected_ids(self) -> list[int]:
        """Ids of the selected stories, in list order."""
        return self.story_list.selected_ids()

    def _show_selected(self, *_: object) -> None:
        if self._holding_editor:
            return
        ids = self.selected_ids()
        self.editor.show_story(ids[0] if len(ids) == 1 else None, selected=len(ids))

    def undo(self) -> None:
        """Undo the last change (Undo, enabled by typing not yet saved, then
        says whether there is more to undo)."""
        self.undo_flow.undo()
        self.menu_actions["undo"].setEnabled(self.undo_stack.canUndo())

    def _focus_editor(self) -> None:
        if len(self.selected_ids()) == 1:
            self.panes.set_shown("editor", True)
            self.editor.title.setFocus()

    def _find(self) -> None:
        self.panes.set_shown("list", True)  # (the search field is above the list)
        self.search.focus_query()

    def clear_filters(self) -> None:
        """Drop the search text and every sidebar filter."""
        self.show_stories()  # (clearing may have changed nothing, yet a refresh is cheap and expected)

    # -- actions ----------------------------------------------------------

    def _run(self, command: Command) -> bool:
        return run_reporting(self, self.commands, command)

    def new_story(self) -> None:
        """Create an untitled story and put the cursor in its title."""
        self.editor.flush()
        command = CreateStory({"title": self.tr("Untitled story")})
        if self._run(command):
            self.search.field.clear()
            self.sidebar.clear_filters()
            self.refresh(keep=[command.story_id])
            self.editor.show_story(command.story_id)  # at once, while the list follows
            self.editor.title.setFocus()
            self.editor.title.selectAll()

    def delete_selected(self) -> None:
        """Move the selected stories to the Trash (undoable); more than a
        few only once the user agrees."""
        ids = self.selected_ids()
        if not ids or self.library.readonly or not confirm_delete(self, len(ids)):
            return
        self.editor.flush()
        self._run(DeleteStories(ids))

    def _changed(self, changes: ChangeSet, initiator: object) -> None:
        """Follow a change: rows edited in place are refetched; anything that
        can change what matches or its order runs the search again."""
        if changes.trash:
            self.sidebar.reload_trash()
            if changes == ChangeSet(trash=changes.trash):  # (emptied or purged: no story changed)
                return
        self.search_runner.invalidate()
        if changes.tags_added or changes.tags_changed or changes.tags_removed:
            self.sidebar.reload_tags()
        edited = changes.stories_changed and initiator is not self.editor  # (not at every pause in typing)
        if changes.collections or changes.stories_added or changes.stories_removed or edited:
            self.sidebar.reload_collections()  # (saved searches count what they find now)
        if initiator is self.editor and not (changes.stories_added or changes.stories_removed):
            self.model.refresh_stories(set(changes.stories_changed))
            self.search.search_later(EDIT_REFRESH_DELAY_MS)  # counts and order follow once typing pauses
            return
        keep = self.selected_ids()
        if changes.stories_added and not changes.stories_changed and initiator is not self:
            keep = sorted(changes.stories_added)  # e.g. undoing a delete: show what came back
        self.refresh(keep=keep)
        self.import_flow.follow(changes)

    # -- state --------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = settings.get(settings.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        self.restoreState(settings.get(settings.WINDOW_STATE))
        if self.splitter.restoreState(settings.get(settings.SPLITTER)):
            self._default_panes = False
        self.panes.restore()
        self.story_list.restore_state()
        settings.keep_on_screen(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._fitted:  # (again with its frame, known now: the frame too fits the screen)
            self._fitted = True
            settings.keep_on_screen(self)

    def _panes_moved(self, *_: object) -> None:
        self._default_panes = False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._default_panes and not self.panes.in_translate_layout():
            width = event.size().width()
            side = min(300, max(180, width * 21 // 100))
            editor = min(480, max(280, width * 30 // 100))
            self.splitter.setSizes([side, max(200, width - side - editor), editor])

    def save_state(self) -> None:
        """Remember geometry, splitter, columns and toolbar for next time."""
        settings.put(settings.WINDOW_GEOMETRY, self.saveGeometry())
        settings.put(settings.WINDOW_STATE, self.saveState())
        settings.put(settings.SPLITTER, self.splitter.saveState())
        self.story_list.save_state()
        self.panes.save()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.jobs.stop(then=self.close):  # (once the job has stopped and rolled back)
            event.ignore()
            return
        if self.opening_checks.stop(then=self.close):  # (a backup being made is discarded first)
            event.ignore()
            return
        self.editor.flush()
        self.save_state()
        self._purge_timer.stop()
        self.search_runner.stop()
        self.editor.finder.close()
        self.sidebar.stop()
        self.search_runner.blockSignals(True)  # (answers already on their way find no library)
        super().closeEvent(event)
        self.closed.emit()
