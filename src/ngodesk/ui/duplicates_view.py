"""The list of likely duplicate stories (Story > Find Duplicates)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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

from ngodesk.services.duplicates import Pair


class DuplicatesDialog(QDialog):
    """Pairs of stories that look like one; Show (or a double click)
    selects the two in the story list via ``show_pair``."""

    def __init__(
        self, pairs: Sequence[Pair], show_pair: Callable[[list[int]], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pairs, self.show_pair = list(pairs), show_pair
        self.setWindowTitle(self.tr("Likely Duplicates"))
        summary = QLabel(
            self.tr("{n} pairs of stories look like the same story.").format(n=len(self.pairs))
            if self.pairs
            else self.tr(
                "No likely duplicates: no two stories share an address, a title or a day with a similar title."
            )
        )
        summary.setWordWrap(True)
        self.table = QTableWidget(len(self.pairs), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Story"), self.tr("Looks like"), self.tr("Why")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for row, pair in enumerate(self.pairs):
            for column, text in enumerate((pair.first.title, pair.second.title, self.tr(pair.reason))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(lambda row, _: self._show(row))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_button = buttons.addButton(self.tr("Show in List"), QDialogButtonBox.ButtonRole.ActionRole)
        self.show_button.setEnabled(False)
        self.show_button.clicked.connect(lambda: self._show(self.table.currentRow()))
        self.table.itemSelectionChanged.connect(lambda: self.show_button.setEnabled(bool(self.table.selectedItems())))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.pairs):
            self.show_pair([self.pairs[row].first.id, self.pairs[row].second.id])
