"""The main window: tag sidebar | story list | detail pane, a search field
above the list and a status bar below."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngodesk import __version__
from ngodesk.domain.errors import QueryError
from ngodesk.services import queries
from ngodesk.store.library import Library
from ngodesk.ui.detail import StoryDetail
from ngodesk.ui.story_model import StoryTableModel

SEARCH_DELAY_MS = 250
#: Columns hidden until the user shows them (header context menu).
HIDDEN_COLUMNS = (3, 6)
ALL_STORIES = -1


class MainWindow(QMainWindow):
    """One window over one open library."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.setWindowTitle(self.tr("ngodesk — {name}").format(name=library.folder.name))
        self.resize(1280, 800)

        self.tag_tree = QTreeWidget()
        self.tag_tree.setHeaderLabels([self.tr("Tags"), self.tr("Stories")])
        self.tag_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tag_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tag_tree.header().setStretchLastSection(False)
        self.tag_tree.itemSelectionChanged.connect(self._refresh_list)

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(
            self.tr('Search: words, "phrases", -exclude, tag:, org:, year:2018, 丝路…')
        )
        self.search_field.setClearButtonEnabled(True)
        self.query_error = QLabel()
        self.query_error.setStyleSheet("color: #b00020;")
        self.query_error.setWordWrap(True)
        self.query_error.hide()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._refresh_list)
        self.search_field.textChanged.connect(self._search_timer.start)

        self.model = StoryTableModel(library)
        self.story_list = QTableView()
        self.story_list.setModel(self.model)
        self.story_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.story_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.story_list.verticalHeader().hide()
        self.story_list.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.story_list.setWordWrap(False)
        self.story_list.setAlternatingRowColors(True)
        header = self.story_list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 85), (2, 110), (3, 60), (4, 150), (5, 75), (6, 115)):
            header.resizeSection(column, width)
        for column in HIDDEN_COLUMNS:
            header.hideSection(column)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.story_list.selectionModel().selectionChanged.connect(self._show_selected)

        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_field)
        layout.addWidget(self.query_error)
        layout.addWidget(self.story_list)

        self.detail = StoryDetail()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.tag_tree, centre, self.detail):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 670, 350])
        self.setCentralWidget(splitter)

        self.count_label = QLabel()
        path_label = QLabel(str(library.folder) + (self.tr("  (read-only)") if library.readonly else ""))
        path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(path_label)

        self._build_menus()
        self._load_tags()
        self._refresh_list()

    def _column_menu(self, position: QPoint) -> None:
        """Header context menu: show or hide columns (not the title)."""
        header = self.story_list.horizontalHeader()
        menu = QMenu(self)
        for column in range(1, self.model.columnCount()):
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
        menu.exec(header.mapToGlobal(position))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        find_action = QAction(self.tr("&Find"), self, shortcut=QKeySequence.StandardKey.Find)
        find_action.triggered.connect(lambda: (self.search_field.setFocus(), self.search_field.selectAll()))
        edit_menu.addAction(find_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About ngodesk"), self)
        about_action.triggered.connect(self._about)
        help_menu.addAction(about_action)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ngodesk"),
            self.tr("ngodesk {version}\nAn offline catalogue of news stories.").format(version=__version__),
        )

    def _load_tags(self) -> None:
        self.tag_tree.clear()
        everything = QTreeWidgetItem([self.tr("All stories"), ""])
        everything.setData(0, Qt.ItemDataRole.UserRole, ALL_STORIES)
        self.tag_tree.addTopLevelItem(everything)
        items: dict[int, QTreeWidgetItem] = {}
        for tag in queries.tags(self.library):
            item = QTreeWidgetItem([tag.name, f"{tag.story_count:,}"])
            item.setData(0, Qt.ItemDataRole.UserRole, tag.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            items[tag.id] = item
            parent = items.get(tag.parent_id) if tag.parent_id is not None else None
            if parent is not None:
                parent.addChild(item)
            else:
                self.tag_tree.addTopLevelItem(item)
        self.tag_tree.expandToDepth(0)

    def selected_tag(self) -> int | None:
        """Id of the tag chosen in the sidebar; None for all stories."""
        selected = self.tag_tree.selectedItems()
        tag_id = selected[0].data(0, Qt.ItemDataRole.UserRole) if selected else ALL_STORIES
        return None if tag_id == ALL_STORIES else int(tag_id)

    def _refresh_list(self) -> None:
        self._search_timer.stop()
        try:
            ids = queries.matching_ids(self.library, self.search_field.text(), self.selected_tag())
        except QueryError as error:
            self.query_error.setText(str(error))
            self.query_error.show()
            return
        self.query_error.hide()
        self.model.set_ids(ids)
        total = queries.info(self.library)["stories"]
        self.count_label.setText(self.tr("{shown:,} of {total:,} stories").format(shown=len(ids), total=total))
        if ids:
            self.story_list.selectRow(0)
        else:
            self.detail.show_story(None)

    def _show_selected(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = self.story_list.selectionModel().selectedRows()
        if len(rows) != 1:
            self.detail.show_story(None)
            return
        self.detail.show_story(queries.get_story(self.library, self.model.story_id(rows[0].row())))

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape and self.search_field.hasFocus():
            self.search_field.clear()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
