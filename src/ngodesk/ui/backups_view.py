"""File > Restore Backup: the library's backups, newest first, how many
to keep, Back Up Now, and Restore (which reopens the library)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngodesk.store.backups import Backup


def reason_label(reason: str) -> str:
    """Why a backup was made, in the interface's words."""
    translate = QCoreApplication.translate
    labels = {
        "daily": translate("Backups", "daily, on opening"),
        "manual": translate("Backups", "made by you"),
        "before-import": translate("Backups", "before a large import"),
        "before-merge": translate("Backups", "before a merge"),
        "before-restore": translate("Backups", "before a restore"),
    }
    return labels.get(reason, reason.replace("-", " "))


def size_label(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(size, 1024) / 1024:.0f} KB"


class BackupsDialog(QDialog):
    """Lists ``found``; ``back_up()`` makes one and returns the new list.
    Accepted with ``chosen`` set: restore that backup. ``keep`` is the
    number of backups to keep as the user left it."""

    def __init__(
        self,
        found: Sequence[Backup],
        keep: int,
        back_up: Callable[[], Sequence[Backup]],
        readonly: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups"))
        self._back_up = back_up
        self.chosen: Path | None = None
        intro = QLabel(
            self.tr(
                "ngodesk backs the library up when you open it (once a day) and before merges and large imports. "
                "Restoring closes the library, puts the backup back and opens it again; the state it replaces is "
                "backed up first."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Why"), self.tr("Size")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No backups yet: Back Up Now makes one."))
        self.keep = QSpinBox()
        self.keep.setRange(1, 1000)
        self.keep.setValue(keep)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Keep the newest")))
        keep_row.addWidget(self.keep)
        keep_row.addWidget(QLabel(self.tr("backups")))
        keep_row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.back_up_button = buttons.addButton(self.tr("Back Up &Now"), QDialogButtonBox.ButtonRole.ActionRole)
        self.back_up_button.clicked.connect(lambda: self._show(self._back_up()))
        self.restore_button = buttons.addButton(self.tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.clicked.connect(self._restore)
        for widget in (self.back_up_button, self.restore_button, self.keep):
            widget.setEnabled(not readonly)
        self.table.itemSelectionChanged.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(keep_row)
        layout.addWidget(buttons)
        self.readonly = readonly
        self.resize(620, 420)
        self._show(found)

    def _show(self, found: Sequence[Backup]) -> None:
        self.found = list(found)
        self.table.setRowCount(len(self.found))
        for row, backup in enumerate(self.found):
            local = backup.taken.astimezone()
            cells = (f"{local:%Y-%m-%d %H:%M}", reason_label(backup.reason), size_label(backup.size))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.empty.setVisible(not self.found)
        self._enable()

    def _enable(self) -> None:
        self.restore_button.setEnabled(not self.readonly and bool(self.table.selectionModel().selectedRows()))

    def _restore(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.chosen = self.found[rows[0].row()].path
            self.accept()
