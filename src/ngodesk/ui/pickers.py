"""Small editors shared by dialogs: a list with a field to add to it, and
a list of records (by id) picked from a combo box."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ngodesk.ui.combo import line_edit, matching_anywhere


def list_with_adder(listed: QListWidget, adder: QWidget, add: Callable[[], None]) -> QWidget:
    """``listed`` with ``adder`` (where the next entry is typed or picked)
    and Add / Remove buttons below it; Remove takes the selected entries."""
    translate = QCoreApplication.translate
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(listed)
    row = QHBoxLayout()
    row.addWidget(adder, 1)
    plus, minus = QPushButton(translate("Pickers", "Add")), QPushButton(translate("Pickers", "Remove"))
    plus.clicked.connect(add)
    minus.clicked.connect(lambda: [listed.takeItem(listed.row(item)) for item in listed.selectedItems()])
    row.addWidget(plus)
    row.addWidget(minus)
    column.addLayout(row)
    return box


class IdListEdit(QWidget):
    """Some of ``choices`` (id -> label), listed; the combo box below offers
    the others (type to find one). ``ids()`` gives the ids listed."""

    def __init__(
        self,
        choices: Mapping[int, str],
        chosen: Iterable[int],
        placeholder: str,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choices = dict(choices)
        self.listed = QListWidget()
        self.listed.setAccessibleName(name)
        self.listed.setMaximumHeight(110)
        for item_id in chosen:
            self._list(item_id)
        self.adder = QComboBox()
        self.adder.setEditable(True)
        self.adder.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for item_id, label in sorted(self.choices.items(), key=lambda item: item[1].casefold()):
            self.adder.addItem(label, item_id)
        self.adder.setCurrentIndex(-1)
        line_edit(self.adder).setPlaceholderText(placeholder)
        matching_anywhere(self.adder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(list_with_adder(self.listed, self.adder, self.add_current))

    def add_current(self) -> None:
        """List what the combo box shows (if it is one of the choices)."""
        index = self.adder.findText(self.adder.currentText(), Qt.MatchFlag.MatchFixedString)
        if index >= 0 and self.adder.itemData(index) not in self.ids():
            self._list(int(self.adder.itemData(index)))
        self.adder.setCurrentIndex(-1)

    def _list(self, item_id: int) -> None:
        item = QListWidgetItem(self.choices.get(item_id, str(item_id)))
        item.setData(Qt.ItemDataRole.UserRole, item_id)
        self.listed.addItem(item)

    def ids(self) -> tuple[int, ...]:
        return tuple(int(self.listed.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.listed.count()))
