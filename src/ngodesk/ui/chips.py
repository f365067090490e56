"""A list of values shown as removable chips, with a field that completes
from known values (tags, organisations...) and adds new ones on Enter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetItem,
)


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping like words in a line."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's names below
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def insert_widget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line_height > 0:
                x, y, line_height = rect.x(), y + line_height + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class ChipEdit(QWidget):
    """Values as chips; ``added(text)`` when the user enters one,
    ``removed(text)`` when a chip's × is clicked. The owner decides and
    then calls ``set_values`` with what is stored."""

    added = Signal(str)
    removed = Signal(str)

    def __init__(self, placeholder: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._layout = FlowLayout(self)
        self._chips: list[QToolButton] = []
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(placeholder)
        self.entry.setAccessibleName(accessible_name)
        self.entry.setMinimumWidth(140)
        self._completions = QStringListModel()
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entry.setCompleter(completer)
        self.entry.returnPressed.connect(self._enter)
        self._layout.addWidget(self.entry)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def _enter(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.added.emit(text)

    def values(self) -> list[str]:
        """The values shown as chips."""
        return [chip.property("value") for chip in self._chips]

    def set_values(self, values: Sequence[str]) -> None:
        """Show ``values`` as chips (the entry is cleared when one was added)."""
        if self.entry.text().strip() in values:
            self.entry.clear()
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        for value in values:
            chip = QToolButton()
            chip.setText(f"{value}  ×")
            chip.setProperty("value", value)
            chip.setToolTip(self.tr("Remove {value}").format(value=value))
            chip.setAccessibleName(self.tr("Remove {value}").format(value=value))
            chip.setAutoRaise(False)
            chip.clicked.connect(lambda _=False, v=value: self.removed.emit(v))
            self._layout.insert_widget(len(self._chips), chip)
            self._chips.append(chip)
        self.updateGeometry()

    def set_completions(self, values: Sequence[str]) -> None:
        """Values the entry offers as the user types."""
        self._completions.setStringList(list(values))
