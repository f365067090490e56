"""The review list of suggested authority records (Story > Suggest
Records): each suggestion with a tick; Link Ticked links those and
remembers the unticked ones as rejected, in one undo step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngodesk.domain.models import EntityKind
from ngodesk.services.suggestions import Suggestion


def kind_label(kind: EntityKind) -> str:
    translate = QCoreApplication.translate
    return {
        EntityKind.ORGANISATION: translate("Suggestions", "Organisation"),
        EntityKind.PERSON: translate("Suggestions", "Person"),
        EntityKind.PLACE: translate("Suggestions", "Place"),
    }[kind]


class SuggestionsDialog(QDialog):
    """Lists ``suggestions``, all ticked, each record by its name in
    ``names`` (by id: as the window shows it) or its stored name;
    ``ticked()`` and ``unticked()`` give the user's choice once accepted."""

    def __init__(
        self,
        suggestions: Sequence[Suggestion],
        stories: int,
        parent: QWidget | None = None,
        names: Mapping[int, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.suggestions = list(suggestions)
        self.setWindowTitle(self.tr("Suggested Records"))
        self.resize(900, 440)
        if self.suggestions:
            text = self.tr(
                "{n} suggestions: records that seem to be named in {m} of the {s} stories chosen and are not "
                "linked to them. Untick those that are wrong: they will not be suggested again."
            ).format(n=len(self.suggestions), m=len({s.story_id for s in self.suggestions}), s=stories)
        else:
            text = self.tr(
                "No suggestions: no record's name or alternative name stands in the {s} stories chosen "
                "that they are not linked to already."
            ).format(s=stories)
        summary = QLabel(text)
        summary.setWordWrap(True)
        self.table = QTableWidget(len(self.suggestions), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Story"), self.tr("Record"), self.tr("Kind"), self.tr("Found as")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, suggestion in enumerate(self.suggestions):
            name = (names or {}).get(suggestion.entity_id, suggestion.name)
            cells = (suggestion.story_title, name, kind_label(suggestion.kind), suggestion.found)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            self._tick(row).setCheckState(Qt.CheckState.Checked)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 240), (2, 100), (3, 170)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.link = QPushButton(self.tr("&Link Ticked"))
        self.link.setDefault(True)
        self.link.setEnabled(bool(self.suggestions))
        buttons.addButton(self.link, QDialogButtonBox.ButtonRole.AcceptRole)
        for label, state in (
            (self.tr("Tick &All"), Qt.CheckState.Checked),
            (self.tr("Tick &None"), Qt.CheckState.Unchecked),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, state=state: self._tick_all(state))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setVisible(bool(self.suggestions))  # (after adding: the box shows what it gets)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        self.table.setVisible(bool(self.suggestions))
        layout.addWidget(buttons)

    def _tick_all(self, state: Qt.CheckState) -> None:
        for row in range(self.table.rowCount()):
            self._tick(row).setCheckState(state)

    def _rows(self, state: Qt.CheckState) -> list[Suggestion]:
        return [s for row, s in enumerate(self.suggestions) if self._tick(row).checkState() == state]

    def _tick(self, row: int) -> QTableWidgetItem:
        """The item of ``row`` that holds its tick."""
        item = self.table.item(row, 0)
        assert item is not None  # (every row is made with its items)
        return item

    def ticked(self) -> list[Suggestion]:
        """The suggestions to link."""
        return self._rows(Qt.CheckState.Checked)

    def unticked(self) -> list[Suggestion]:
        """The suggestions to remember as wrong."""
        return self._rows(Qt.CheckState.Unchecked)
