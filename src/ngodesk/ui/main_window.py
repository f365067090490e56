"""The main window: sidebar | story list | editor, a search field above the
list, menus, a toolbar and a status bar; one undo stack for everything
done here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QWidget,
)

from ngodesk import __version__
from ngodesk.domain.errors import LibraryError
from ngodesk.domain.models import ChangeSet
from ngodesk.services import trash
from ngodesk.store.library import Library
from ngodesk.ui import settings
from ngodesk.ui.annotation_panel import AnnotationPanel
from ngodesk.ui.commands import Actions
from ngodesk.ui.editor import StoryEditor
from ngodesk.ui.export_flow import ExportFlow
from ngodesk.ui.glossary_panel import GlossaryPanel
from ngodesk.ui.guide_view import GuideWindow
from ngodesk.ui.hub import Hub
from ngodesk.ui.icons import icon
from ngodesk.ui.import_flow import ImportFlow
from ngodesk.ui.jobs import JobRunner
from ngodesk.ui.library_flow import LibraryFlow
from ngodesk.ui.merge_flow import MergeFlow
from ngodesk.ui.opening_checks import OpeningChecks
from ngodesk.ui.panes import Panes
from ngodesk.ui.sidebar import Sidebar
from ngodesk.ui.story_pane import StoryPane
from ngodesk.ui.story_tools import StoryTools
from ngodesk.ui.team_flow import TeamFlow
from ngodesk.ui.trash_view import TrashDialog
from ngodesk.ui.undo_flow import UndoFlow
from ngodesk.ui.window_actions import Extra, WindowActions, enable_tag_actions, name_steps, tag_slots

if TYPE_CHECKING:
    from ngodesk.ui.records_view import RecordsDialog

# What a flow needs only once it runs (importing, exporting, field copies,
# merging, duplicates, suggestions) is imported by the method that starts
# it: imported here, it was a third of a second before the first paint.

#: The Trash lets go of stories deleted 30 days ago this long after the window opens.
TRASH_PURGE_DELAY_MS = 3000


class MainWindow(QMainWindow):
    """One window over one open library. ``open_requested(path)``: the user
    chose another library (File > New/Open/Recent); ``closed``: the window
    is gone and its library may be closed."""

    open_requested = Signal(str)
    #: a backup (path) to put back: the owner closes this window first
    restore_requested = Signal(str)
    closed = Signal()
    # (made in __init__; declared for the signal handlers connected before them)
    export_flow: ExportFlow
    menu_actions: WindowActions

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
        self.sidebar.export_requested.connect(lambda ids: self.export_flow.export_stories(story_ids=ids))
        self.sidebar.trash_requested.connect(self.show_trash)
        self.sidebar.counting_failed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        self.editor = StoryEditor(self.commands)
        stories = self.stories = StoryPane(library, self.sidebar, self.editor)
        stories.action_requested.connect(lambda name: self.menu_actions[name].trigger())
        stories.story_list.open_pressed.connect(self._focus_editor)
        # (the pane's parts by the names the flows, the opening checks and the tests use)
        self.search, self.search_runner = stories.search, stories.search_runner
        self.model, self.story_list = stories.model, stories.story_list
        self.empty_hint, self.count_label = stories.empty_hint, stories.count_label
        self.refresh, self.selected_ids, self.listed_ids = stories.refresh, stories.selected_ids, stories.listed_ids
        self.clear_filters = stories.show_stories  # (clearing may have changed nothing, yet a refresh is expected)

        self.glossary = GlossaryPanel(self.commands)
        self.glossary_dock = self._dock(self.tr("Glossary"), "glossary", self.glossary)
        self.editor.shown.connect(self.glossary.show_story)
        self.editor.finder.failed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        self.annotations = AnnotationPanel(self.commands, self.editor)
        self.annotations_dock = self._dock(self.tr("Annotations"), "annotations", self.annotations)
        # tabbed, not stacked: both open at once stay within a 768-pixel screen
        self.tabifyDockWidget(self.glossary_dock, self.annotations_dock)
        texts = (self.editor.summary, self.editor.body, *self.editor.translation.originals.values())
        self.glossary.mark_terms_in(edit.document() for edit in texts if hasattr(edit, "document"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.sidebar, stories, self.editor):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        #: Until the user moves the splitter (or one is restored), the panes
        #: share the window's width in proportion: see resizeEvent.
        self._default_panes = True
        #: Whether the window was fitted to its screen when first shown.
        self._fitted = False
        #: Whether its background work was stopped (the window closes).
        self._stopped = False
        self.splitter.splitterMoved.connect(self._panes_moved)
        self.setCentralWidget(self.splitter)
        self.panes = Panes(self.splitter, self.editor.tabs, self.editor.translation)

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
        self.team = TeamFlow(self, self.jobs, self.commands, self.merge_flow)  # (started with start_background)
        self.story_tools = StoryTools(self, self.jobs, self.commands, stories, self.editor)
        self.new_story, self.delete_selected = self.story_tools.new_story, self.story_tools.delete_selected
        self.remove_from_collection = self.story_tools.remove_from_collection
        stories.story_list.delete_pressed.connect(self.delete_selected)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.jobs.status)
        self.opening_checks = OpeningChecks(self)  # (started with start_background)
        self.statusBar().addPermanentWidget(self.opening_checks.status)
        self.statusBar().addPermanentWidget(self.team.label)
        self.statusBar().addPermanentWidget(self.path_label)

        self._build_actions()
        self._restore_state()
        self.refresh()
        self._purge_timer = QTimer(self, singleShot=True, interval=TRASH_PURGE_DELAY_MS)
        self._purge_timer.timeout.connect(self._purge_trash)
        if not library.readonly:
            self._purge_timer.start()
        self.opening_checks.damaged.connect(self._purge_timer.stop)  # (writes are refused from then on)

    def _purge_trash(self) -> None:
        """Let go of the stories deleted long ago (soon after opening): once
        the job that may hold the library for writing has ended, if one
        runs (the GUI thread would wait for it, then fail "locked")."""
        if self._stopped:
            return
        job = self.jobs.job
        if job is not None and job.running():
            job.ended.connect(self._purge_trash)
            return
        try:
            self.hub.publish(trash.purge(self.library))
        except LibraryError:  # (another program writing: housekeeping waits for another time)
            self._purge_timer.start()

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
            **tag_slots(self.sidebar),
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
            "team": self.team.menu,
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
        remove = actions["remove-from-collection"]
        actions.menus["story"].aboutToShow.connect(lambda: self.story_tools.name_collection_action(remove))
        enable_tag_actions(actions, self.sidebar, writable)

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

    # -- dialogs, edits and changes -------------------------------------------

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
            self.records_dialog = RecordsDialog(self.commands, self.stories.show_record, self)
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

    def _changed(self, changes: ChangeSet, initiator: object) -> None:
        """Follow a change: the sidebar reloads what it touched (tags,
        collections, the Trash), then the list (``StoryPane.follow``) and
        the last import's entry follow."""
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
        self.stories.follow(changes, typed=initiator is self.editor, show_added=initiator is not self)
        self.import_flow.follow(changes)  # (no import's stories among those typed in)

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
        self.stop_background()
        super().closeEvent(event)
        self.closed.emit()

    def start_background(self) -> None:
        """Start what waits for the first paint: the library's full check
        and daily backup, and a sync with the team hub (nothing for a
        window closed before it was painted: its library is closed)."""
        if self._stopped:
            return
        self.opening_checks.start()
        self.team.start()

    def stop_background(self) -> None:
        """Stop the background work that goes on beside the jobs (searches,
        counts, record names, listening to the team hub): nothing runs or
        arrives after it."""
        self._stopped = True
        self.search_runner.stop()
        self.editor.finder.close()
        self.sidebar.stop()
        self.team.stop()
        self.search_runner.blockSignals(True)  # (answers already on their way find no library)
