"""The story list: one row per story of the search's result, its columns
(chosen in the header's menu, resized, moved), sorting by a column header
and the selection; rows drag onto tags."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from ngodesk.ui import settings
from ngodesk.ui.highlighting import HitDelegate
from ngodesk.ui.list_width import fit_title, keep_title_readable
from ngodesk.ui.story_model import COLUMNS, UNSORTABLE, StoryTableModel

#: Columns hidden until the user shows them (header context menu).
HIDDEN_COLUMNS = ("language", "updated_at", "translations")
#: The columns' first widths, in pixels (room for "Chinese (Simplified)", "catalogued").
FIRST_WIDTHS = (330, 85, 100, 130, 120, 85, 115)
#: Rows selected at most when a selection is put back (after a search).
RESELECTED_AT_MOST = 200

#: Sorting by a column: (its key, descending); None: the search's own
#: order (relevance, or newest first).
Sort = tuple[str, bool] | None


class StoryList(QTableView):
    """The list over ``model``. Signals: ``delete_pressed`` (the Delete
    key), ``open_pressed`` (Enter, or a double click: edit the story),
    ``sort_changed`` (a header was clicked: ``sort`` is the new order)."""

    delete_pressed = Signal()
    open_pressed = Signal()
    sort_changed = Signal()

    def __init__(self, model: StoryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.story_model = model
        self.sort: Sort = None
        self.setModel(model)
        self.setTabKeyNavigation(False)  # Tab leaves the list (arrows move within it)
        self.setItemDelegateForColumn(0, HitDelegate(self))  # (the search's hits in titles)
        self.setAccessibleName(self.tr("Stories"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.doubleClicked.connect(lambda _: self.open_pressed.emit())
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        for column, width in enumerate(FIRST_WIDTHS):
            header.resizeSection(column, width)
        for column, (name, _) in enumerate(COLUMNS):
            header.setSectionHidden(column, name in HIDDEN_COLUMNS)
        keep_title_readable(self)  # the title takes the room left, and keeps a readable width
        header.sectionResized.connect(lambda column, *_: fit_title(self) if column else None)
        header.setSortIndicatorShown(False)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)

    # -- rows -----------------------------------------------------------

    def listed_ids(self) -> list[int]:
        """Ids of the stories listed, in list order."""
        return self.story_model.ids().tolist()

    def selected_ids(self) -> list[int]:
        """Ids of the selected stories, in list order."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [self.story_model.story_id(row) for row in rows]

    def select_stories(self, story_ids: list[int], or_first: bool = True) -> bool:
        """Select the rows of ``story_ids`` (the first of them current and
        scrolled to); none listed: the first row (``or_first``) or none.
        False when none of them is listed."""
        model = self.story_model
        rows = model.rows_of(story_ids)[:RESELECTED_AT_MOST]
        found = bool(rows)
        if not rows and or_first and model.rowCount():
            rows = [0]
        selection = QItemSelection()
        for row in rows:
            selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().select(selection, flags)
        if rows:
            self.selectionModel().setCurrentIndex(model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(model.index(rows[0], 0))
        return found

    # -- columns and sorting ----------------------------------------------

    def fill_column_menu(self, menu: QMenu) -> None:
        """Check items to show or hide columns (the title always shows)."""
        header = self.horizontalHeader()
        menu.clear()
        for column in range(1, self.story_model.columnCount()):
            action = menu.addAction(str(self.story_model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))

    def _column_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        self.fill_column_menu(menu)
        menu.exec(self.horizontalHeader().mapToGlobal(position))

    def _header_clicked(self, column: int) -> None:
        """Sort by a column: ascending, then descending, then back to the
        search's own order."""
        key = COLUMNS[column][0]
        if key in UNSORTABLE:
            return
        if self.sort is None or self.sort[0] != key:
            self.sort = (key, False)
        elif not self.sort[1]:
            self.sort = (key, True)
        else:
            self.sort = None
        header = self.horizontalHeader()
        header.setSortIndicatorShown(self.sort is not None)
        if self.sort is not None:
            order = Qt.SortOrder.DescendingOrder if self.sort[1] else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(column, order)
        self.sort_changed.emit()

    # -- state ------------------------------------------------------------

    def restore_state(self) -> None:
        """The columns and the sort the user left last time."""
        header = self.horizontalHeader()
        header.restoreState(settings.get(settings.LIST_HEADER))
        keep_title_readable(self)
        column = header.sortIndicatorSection()
        if header.isSortIndicatorShown() and 0 <= column < len(COLUMNS) and COLUMNS[column][0] not in UNSORTABLE:
            self.sort = (COLUMNS[column][0], header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)

    def save_state(self) -> None:
        settings.put(settings.LIST_HEADER, self.horizontalHeader().saveState())

    # -- Qt's events --------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_pressed.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_pressed.emit()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        fit_title(self)
