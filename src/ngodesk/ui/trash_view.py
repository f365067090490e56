"""The Trash window (the sidebar's Trash entry opens it): deleted stories,
kept ``trash.KEEP_DAYS`` days, to restore (undoable) or let go for good
(asked first); and the question a delete of more than a few stories asks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import ChangeSet
from ngodesk.services import trash
from ngodesk.ui.commands import Actions, RestoreFromTrash

#: A delete of more stories than this asks first.
ASK_ABOVE = 3
UUID = Qt.ItemDataRole.UserRole


def confirm_delete(parent: QWidget, count: int) -> bool:
    """Whether the user agrees to move ``count`` stories to the Trash
    (asked only when there are more than ``ASK_ABOVE``)."""
    if count <= ASK_ABOVE:
        return True
    question = QCoreApplication.translate("TrashDialog", "Move %Ln stories to the Trash?", None, count)
    detail = QCoreApplication.translate(
        "TrashDialog", "They stay there for {days} days: Undo or the Trash brings them back."
    )
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("TrashDialog", "Delete Stories"),
        f"{question}\n\n{detail.format(days=trash.KEEP_DAYS)}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


class TrashDialog(QDialog):
    """The stories in the Trash, the last deleted first; follows every
    change to the Trash while open."""

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.commands = actions
        self.setWindowTitle(self.tr("Trash"))
        self.resize(720, 420)
        about = QLabel(
            self.tr(
                "Deleted stories stay here for {days} days. Restore brings a story back with its tags, records, "
                "translations, notes and attachments."
            ).format(days=trash.KEEP_DAYS)
        )
        about.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("Title"), self.tr("Deleted"), self.tr("By"), self.tr("Kept Until")])
        self.list.setAccessibleName(self.tr("Stories in the Trash"))
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setStretchLastSection(False)
        for column in (1, 2, 3):
            self.list.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemDoubleClicked.connect(lambda *_: self.restore())
        self.list.itemSelectionChanged.connect(self._enable)
        self.empty_hint = QLabel(self.tr("The Trash is empty."))
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: palette(placeholder-text); padding: 16px;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.setToolTip(self.tr("Bring the selected stories back (Undo puts them back here)"))
        self.restore_button.clicked.connect(self.restore)
        self.empty_button = QPushButton(self.tr("&Empty Trash…"))
        self.empty_button.setToolTip(self.tr("Delete every story in the Trash for good"))
        self.empty_button.clicked.connect(self.empty_trash)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.list)
        layout.addWidget(self.empty_hint)
        layout.addWidget(buttons)
        actions.hub.changed.connect(self._changed)
        self.reload()

    def _changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.trash:
            self.reload()

    def reload(self) -> None:
        """List what the Trash holds now."""
        self.list.clear()
        for story in trash.trashed(self.commands.library):
            item = QTreeWidgetItem(
                [
                    story.title,
                    f"{story.deleted_at.astimezone():%Y-%m-%d %H:%M}",
                    story.deleted_by,
                    f"{story.kept_until.astimezone():%Y-%m-%d}",
                ]
            )
            item.setData(0, UUID, story.uuid)
            item.setToolTip(0, story.title)
            self.list.addTopLevelItem(item)
        held = self.list.topLevelItemCount()
        self.list.setVisible(bool(held))
        self.empty_hint.setVisible(not held)
        self._enable()

    def _enable(self) -> None:
        writable = not self.commands.library.readonly
        self.restore_button.setEnabled(writable and bool(self.list.selectedItems()))
        self.empty_button.setEnabled(writable and self.list.topLevelItemCount() > 0)

    def chosen(self) -> list[str]:
        """The uuids of the stories selected."""
        return [item.data(0, UUID) for item in self.list.selectedItems()]

    def restore(self) -> None:
        """Bring the selected stories back (one undoable step)."""
        uuids = self.chosen()
        if not uuids or self.commands.library.readonly:
            return
        try:
            self.commands.run(RestoreFromTrash(uuids))
        except NgodeskError as error:
            QMessageBox.warning(self, self.tr("Trash"), str(error))

    def empty_trash(self) -> None:
        """Delete every story of the Trash for good, once the user agrees."""
        held = self.list.topLevelItemCount()
        if not held:
            return
        question = (
            self.tr("Delete the story in the Trash for good?")
            if held == 1
            else self.tr("Delete the %Ln stories in the Trash for good?", "", held)
        )
        cannot = self.tr("This cannot be undone.")
        answer = QMessageBox.question(
            self,
            self.tr("Empty Trash"),
            f"{question}\n\n{cannot}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.commands.hub.publish(trash.empty(self.commands.library))
        except NgodeskError as error:
            QMessageBox.warning(self, self.tr("Trash"), str(error))
