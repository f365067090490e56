"""The list of likely duplicate stories (Story > Find Duplicates)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ngodesk.services.duplicates import Pair


class DuplicatesDialog(QDialog):
    """Pairs of stories that look like one; Show (or a double click)
    selects the two in the story list via ``show_pair``; Merge asks
    ``merge_pair`` to merge them (True when it did), and the pairs of the
    story merged away leave the list."""

    def __init__(
        self,
        pairs: Sequence[Pair],
        show_pair: Callable[[list[int]], None],
        merge_pair: Callable[[Pair], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pairs, self.show_pair, self.merge_pair = list(pairs), show_pair, merge_pair
        self.setWindowTitle(self.tr("Likely Duplicates"))
        summary = QLabel(self._count_text())
        summary.setWordWrap(True)
        self.summary = summary
        self.table = QTableWidget(len(self.pairs), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Story"), self.tr("Looks like"), self.tr("Why")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._fill()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(lambda row, _: self._show(row))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_button = buttons.addButton(self.tr("Show in List"), QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button = buttons.addButton(self.tr("&Merge…"), QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.show_button, self.merge_button):
            button.setEnabled(False)
        self.show_button.clicked.connect(lambda: self._show(self.table.currentRow()))
        self.merge_button.clicked.connect(lambda: self.merge(self.table.currentRow()))
        self.table.itemSelectionChanged.connect(self._selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def _count_text(self) -> str:
        n = len(self.pairs)
        if n == 1:
            return self.tr("1 pair of stories looks like the same story.")
        if n:
            return self.tr("{n} pairs of stories look like the same story.").format(n=n)
        return self.tr("No likely duplicates: no two stories share an address, a title or a day with a similar title.")

    def _fill(self) -> None:
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            for column, text in enumerate((pair.first.title, pair.second.title, pair.reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)

    def _selected(self) -> None:
        for button in (self.show_button, self.merge_button):
            button.setEnabled(bool(self.table.selectedItems()))

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.pairs):
            self.show_pair([self.pairs[row].first.id, self.pairs[row].second.id])

    def merge(self, row: int) -> None:
        """Merge the pair in ``row`` (the user picks the fields); the pairs
        of the story merged away go from the list."""
        if not 0 <= row < len(self.pairs):
            return
        gone = self.merge_pair(self.pairs[row])
        if gone is None:
            return
        self.pairs = [p for p in self.pairs if gone not in (p.first.id, p.second.id)]
        self._fill()
        self.summary.setText(self.tr("Merged. ") + self._count_text())
