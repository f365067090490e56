"""The window's centre: the search field, the story list under it (or, when
nothing is listed, a hint saying why), the count of stories found, and the
search behind them, run off the GUI thread with the sidebar's filters.
The selection decides the story in the editor."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ngodesk.domain.models import ChangeSet, FacetKind, Filter
from ngodesk.services import story_collections
from ngodesk.store.library import Library
from ngodesk.ui.after_paint import after_paint
from ngodesk.ui.editor import StoryEditor
from ngodesk.ui.i18n import number
from ngodesk.ui.list_width import LIST_MIN_WIDTH
from ngodesk.ui.search_bar import SearchBar
from ngodesk.ui.search_runner import FIRST_PAGE, SearchRunner
from ngodesk.ui.sidebar import Sidebar
from ngodesk.ui.story_list import StoryList
from ngodesk.ui.story_model import StoryTableModel

#: After an edit in the editor, the list's order and counts follow this late.
EDIT_REFRESH_DELAY_MS = 1000


class StoryPane(QWidget):
    """The stories the search and ``sidebar``'s filters find, the one
    selected shown in ``editor``. ``action_requested(name)``: a link of
    the empty library's hint asks for the window's action ``name``
    ("import" or "new-story"). ``count_label`` is for the status bar."""

    action_requested = Signal(str)

    def __init__(self, library: Library, sidebar: Sidebar, editor: StoryEditor) -> None:
        super().__init__()
        self.setMinimumWidth(LIST_MIN_WIDTH)  # (docks and the editor give way, the list stays usable)
        self._library, self._sidebar, self._editor = library, sidebar, editor
        #: The stories to select once the running search has listed them.
        self._keep: list[int] = []
        #: Set while a refresh deselects the story being edited (it stays).
        self._holding_editor = False
        #: Set while a new result is selected: the editor shows its story once
        #: the list's first rows are painted (``_editor_due`` until then), so
        #: that loading the story (~15 ms) and painting it do not hold them up.
        self._after_rows = False
        self._editor_due = False
        sidebar.filters_changed.connect(self.refresh)
        sidebar.show_all.connect(self.show_stories)
        sidebar.saved_search_chosen.connect(self.run_saved_search)
        sidebar.current_search = lambda: (self.search.text(), sidebar.filters())
        sidebar.selected_stories = self.selected_ids

        self.search = SearchBar()
        self.search.changed.connect(self.refresh)
        self.search_runner = SearchRunner(library, self)
        self.search_runner.first_page.connect(self._first_page)
        self.search_runner.all_ids.connect(self._all_ids)
        self.search_runner.counts.connect(lambda counts: sidebar.show_counts(counts))
        self.search_runner.failed.connect(self._search_failed)
        self.search_runner.accepted.connect(self.search.accepted)
        self.search_runner.idle.connect(self._show_due)  # (a settled search shows its story)

        self.model = StoryTableModel(library)
        self.story_list = StoryList(self.model)
        self.search_runner.hits.connect(self.model.set_hit_terms)
        self.search_runner.hits.connect(editor.show_hits)
        self.story_list.sort_changed.connect(self.refresh)
        self.story_list.selectionModel().selectionChanged.connect(self._show_selected)

        self.empty_hint = QLabel()
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: palette(placeholder-text); padding: 16px;")
        self.empty_hint.hide()
        links = Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        self.empty_hint.setTextInteractionFlags(links)
        self.empty_hint.linkActivated.connect(
            lambda link: self.action_requested.emit("import" if link == "import" else "new-story")
        )
        self.count_label = QLabel()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.story_list)

    # -- what is listed -----------------------------------------------------

    def refresh(self, keep: list[int] | None = None) -> None:
        """Run the search with the sidebar's filters again (off the GUI
        thread); then select ``keep`` (default: the current selection) where
        still shown, else the first story."""
        self.search.searched()
        self._keep = keep if keep is not None else self.selected_ids()
        if self._editor.editing():  # the story being typed in is kept, listed or not
            self._keep = [*self._keep, self._editor.story.id]  # type: ignore[union-attr]
        self.search_runner.search(self.search.text(), self._sidebar.filters(), self.story_list.sort)

    def show_stories(self, story_ids: list[int] | None = None) -> None:
        """Drop the search text and every sidebar filter, then select
        ``story_ids`` (default: keep the selection)."""
        self.search.field.clear()
        self._sidebar.clear_filters()
        self.refresh(keep=story_ids)

    def run_saved_search(self, query: str, filters: list[Filter]) -> None:
        """Show what a saved search finds: its text in the search field, its
        filters in the sidebar."""
        self.search.set_text(query)
        self._sidebar.apply_filters(filters)
        self.refresh()

    def show_record(self, entity_id: int) -> None:
        """List the stories linked to a record (the search is cleared)."""
        self.search.field.clear()
        self._sidebar.set_filter(FacetKind.ENTITY, str(entity_id), 1)

    def collection_shown(self) -> story_collections.CollectionView | None:
        """The manual collection the list shows (its sidebar entry chosen
        to include), if exactly one."""
        chosen = [f.value for f in self._sidebar.filters() if f.kind is FacetKind.COLLECTION and not f.exclude]
        if len(chosen) != 1:
            return None
        found = story_collections.collections(self._library, counted=False)
        return next((c for c in found if str(c.id) == chosen[0] and c.query is None), None)

    def follow(self, changes: ChangeSet, typed: bool, show_added: bool) -> None:
        """Follow a change to stories: rows edited in place are refetched;
        anything that can change what matches or its order runs the search
        again. ``typed``: the editor saved typing (the search waits for a
        pause); ``show_added``: stories added alone are selected (as when
        undoing a delete)."""
        if typed and not (changes.stories_added or changes.stories_removed):
            self.model.refresh_stories(set(changes.stories_changed))
            self.search.search_later(EDIT_REFRESH_DELAY_MS)  # counts and order follow once typing pauses
            return
        keep = self.selected_ids()
        if changes.stories_added and not changes.stories_changed and show_added:
            keep = sorted(changes.stories_added)  # e.g. undoing a delete: show what came back
        self.refresh(keep=keep)

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
        self._after_rows = True
        try:
            self.select(self._keep)
        finally:
            self._after_rows = False

    def _all_ids(self, ids: np.ndarray, total: int) -> None:
        self.model.extend_ids(ids)
        self.model.known_total = total
        self._sidebar.show_library_size(total)
        self.count_label.setText(self.tr("{shown} of %Ln stories", "", total).format(shown=number(len(ids))))
        self._show_empty_state(len(ids) > 0, total > 0)
        if self._keep and set(self._keep) != set(self.selected_ids()):
            self.select(self._keep)  # kept stories beyond the first page
        self._keep = []

    def _show_empty_state(self, any_shown: bool, any_at_all: bool) -> None:
        if any_shown or self.search.malformed():  # (after a malformed query the last result stays)
            self.empty_hint.hide()
            return
        if any_at_all:
            text = self.tr("No stories match. Change the search or click “All stories” to clear the filters.")
        elif self._library.readonly:
            text = self.tr("This library has no stories.")
        else:
            text = self.tr(
                'This library has no stories yet. <a href="import">Import</a> stories from files,'
                ' or add one with <a href="new">New Story</a>.'
            )
        self.empty_hint.setText(text)
        self.empty_hint.show()

    # -- the selection ------------------------------------------------------

    def listed_ids(self) -> list[int]:
        """Ids of the stories the list shows, in list order."""
        return self.story_list.listed_ids()

    def selected_ids(self) -> list[int]:
        """Ids of the selected stories, in list order."""
        return self.story_list.selected_ids()

    def select(self, story_ids: list[int]) -> None:
        """Select ``story_ids`` where listed, else the first story; the
        story being typed in, when it no longer matches, stays in the
        editor, unselected, until the user picks another one."""
        holding = self._editor.editing() and self._editor.story.id in story_ids  # type: ignore[union-attr]
        self._holding_editor = holding
        try:
            found = self.story_list.select_stories(story_ids, or_first=not holding)
        finally:
            self._holding_editor = False
        if found or not holding:
            self._show_selected()

    def _show_selected(self, *_: object) -> None:
        if self._holding_editor:
            return
        if self._after_rows:
            if not self._editor_due:
                self._editor_due = True
                after_paint(self._show_due, self)
            return
        self._editor_due = False
        ids = self.selected_ids()
        self._editor.show_story(ids[0] if len(ids) == 1 else None, selected=len(ids))

    def _show_due(self) -> None:
        """Show the selected story in the editor if a new result's is due."""
        if self._editor_due:
            self._show_selected()
