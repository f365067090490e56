"""The dialog that edits a tag's thesaurus entry: its synonyms (labels that
mean this tag when typed, imported or searched), related tags and scope
note. ``entry()`` gives what the user left; nothing is written here."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ngodesk.services.thesaurus import Entry
from ngodesk.ui.pickers import IdListEdit, list_with_adder


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
        form.addRow(self.tr("&Synonyms:"), list_with_adder(self.synonyms, self.new_synonym, self._add_synonym))

        self.related = IdListEdit(others, entry.related, self.tr("A tag to see also"), self.tr("Related tags"))
        form.addRow(self.tr("&Related:"), self.related)

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

    def _add_synonym(self) -> None:
        label = " ".join(self.new_synonym.text().split())
        known = {self.synonyms.item(row).text().casefold() for row in range(self.synonyms.count())}
        if label and label.casefold() not in known:
            self.synonyms.addItem(label)
        self.new_synonym.clear()

    def entry(self) -> Entry:
        """The entry as the user left it."""
        self._add_synonym()  # (typed but not added: meant)
        synonyms = tuple(self.synonyms.item(row).text() for row in range(self.synonyms.count()))
        return Entry(synonyms, tuple(sorted(self.related.ids())), self.scope_note.toPlainText().strip())
