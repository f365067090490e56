"""The dialog that edits a tag's thesaurus entry: its synonyms (labels that
mean this tag when typed, imported or searched), related tags and scope
note. ``entry()`` gives what the user left; nothing is written here."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ngodesk.services.thesaurus import Entry


class ThesaurusDialog(QDialog):
    """Edits ``entry`` of the tag at ``path``; ``others`` are the other
    tags (id -> path) it can be related to."""

    def __init__(self, path: str, entry: Entry, others: Mapping[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thesaurus Entry of “{path}”").format(path=path))
        self.setMinimumWidth(520)
        form = QFormLayout()

        self.synonyms = QListWidget()
        self.synonyms.setAccessibleName(self.tr("Synonyms"))
        self.synonyms.addItems(list(entry.synonyms))
        self.synonyms.setMaximumHeight(110)
        self.new_synonym = QLineEdit()
        self.new_synonym.setPlaceholderText(self.tr("Another name, e.g. Burma for Myanmar"))
        self.new_synonym.returnPressed.connect(self._add_synonym)
        form.addRow(self.tr("&Synonyms:"), self._editable(self.synonyms, self.new_synonym, self._add_synonym))

        self.others = dict(others)
        self.related = QListWidget()
        self.related.setAccessibleName(self.tr("Related tags"))
        self.related.setMaximumHeight(110)
        for tag_id in entry.related:
            self._add_related_item(tag_id)
        self.new_related = QComboBox()
        self.new_related.setEditable(True)
        self.new_related.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for tag_id, other in sorted(self.others.items(), key=lambda item: item[1].casefold()):
            self.new_related.addItem(other, tag_id)
        self.new_related.setCurrentIndex(-1)
        self.new_related.lineEdit().setPlaceholderText(self.tr("A tag to see also"))
        form.addRow(self.tr("&Related:"), self._editable(self.related, self.new_related, self._add_related))

        self.scope_note = QPlainTextEdit(entry.scope_note)
        self.scope_note.setPlaceholderText(self.tr("What this tag is for, and what it is not for"))
        self.scope_note.setTabChangesFocus(True)
        self.scope_note.setMaximumHeight(90)
        form.addRow(self.tr("Scope &note:"), self.scope_note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _editable(self, listed: QListWidget, adder: QWidget, add: object) -> QWidget:
        """``listed`` with ``adder`` and Add / Remove buttons below it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(listed)
        row = QHBoxLayout()
        row.addWidget(adder, 1)
        plus, minus = QPushButton(self.tr("Add")), QPushButton(self.tr("Remove"))
        plus.clicked.connect(add)
        minus.clicked.connect(lambda: [listed.takeItem(listed.row(item)) for item in listed.selectedItems()])
        row.addWidget(plus)
        row.addWidget(minus)
        column.addLayout(row)
        return box

    def _add_synonym(self) -> None:
        label = " ".join(self.new_synonym.text().split())
        known = {self.synonyms.item(row).text().casefold() for row in range(self.synonyms.count())}
        if label and label.casefold() not in known:
            self.synonyms.addItem(label)
        self.new_synonym.clear()

    def _add_related(self) -> None:
        index = self.new_related.findText(self.new_related.currentText(), Qt.MatchFlag.MatchFixedString)
        if index >= 0 and self.new_related.itemData(index) not in self._related_ids():
            self._add_related_item(int(self.new_related.itemData(index)))
        self.new_related.setCurrentIndex(-1)

    def _add_related_item(self, tag_id: int) -> None:
        item = QListWidgetItem(self.others.get(tag_id, str(tag_id)))
        item.setData(Qt.ItemDataRole.UserRole, tag_id)
        self.related.addItem(item)

    def _related_ids(self) -> list[int]:
        return [int(self.related.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.related.count())]

    def entry(self) -> Entry:
        """The entry as the user left it."""
        self._add_synonym()  # (typed but not added: meant)
        synonyms = tuple(self.synonyms.item(row).text() for row in range(self.synonyms.count()))
        return Entry(synonyms, tuple(sorted(self._related_ids())), self.scope_note.toPlainText().strip())
