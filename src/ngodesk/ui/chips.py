"""A list of values shown as removable chips, with a field that completes
from known values (tags, organisations...) and adds new ones on Enter.

The chips are links in a word-wrapped rich-text label (a click removes
one; from the keyboard, Backspace in the empty field removes the last):
wrapping without a custom QLayout, whose Python itemAt() returning None
corrupts None's reference count in PySide6 6.12 (measured: the
interpreter aborts at exit). The label takes no keyboard focus: Tab and
Shift+Tab pass it by.

Chips of an ordered list (a story's people: the first author first) are
shown in the order given; a chip's context menu (right-click) can make it
the first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QPoint, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QMenu, QVBoxLayout, QWidget

CHIP_STYLE = "background-color:#e3ecf7; color:#0d3c75; text-decoration:none;"


def _unbreakable(value: str) -> str:
    """``value`` as HTML that lines never break inside (lines break between
    chips, not at a chip's spaces or after the "/" of a tag path)."""
    return escape(value).replace(" ", "&nbsp;").replace("/", "/\u2060")


class _Entry(QLineEdit):
    """A line edit that reports Backspace pressed while it is empty."""

    def __init__(self, backspace_when_empty: Callable[[], None]) -> None:
        super().__init__()
        self._backspace_when_empty = backspace_when_empty

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Backspace and not self.text() and not event.isAutoRepeat():
            self._backspace_when_empty()
            return
        super().keyPressEvent(event)


class ChipEdit(QWidget):
    """Values as chips, in the order given; ``added(text)`` when the user
    enters one, ``removed(text)`` when a chip's × is clicked, and (when
    ``orderable``) ``made_first(text)`` when "Make First" is chosen in a
    chip's context menu. The owner decides and then calls ``set_values``
    with what is stored."""

    added = Signal(str)
    removed = Signal(str)
    made_first = Signal(str)

    def __init__(
        self, placeholder: str, accessible_name: str, parent: QWidget | None = None, orderable: bool = False
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._values: list[str] = []
        #: the chip under the mouse (-1: none), for its context menu
        self._hovered = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.chips = QLabel()
        self.chips.setWordWrap(True)
        self.chips.setTextFormat(Qt.TextFormat.RichText)
        self.chips.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.chips.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.chips.setAccessibleName(accessible_name)
        self.chips.linkActivated.connect(self._clicked)
        self.chips.linkHovered.connect(self._hover)
        if orderable:
            self.chips.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.chips.customContextMenuRequested.connect(self._show_menu)
        self.chips.hide()
        self.entry = _Entry(self._remove_last)
        self.entry.setPlaceholderText(placeholder)
        self.entry.setAccessibleName(accessible_name)
        self.entry.setToolTip(self.tr("Enter adds what you typed; Backspace in the empty field removes the last one"))
        self._completions = QStringListModel()
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entry.setCompleter(completer)
        self.entry.returnPressed.connect(self._enter)
        layout.addWidget(self.chips)
        layout.addWidget(self.entry)

    def _enter(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.added.emit(text)

    def _remove_last(self) -> None:
        if self._values:
            self.removed.emit(self._values[-1])

    def _clicked(self, link: str) -> None:
        index = int(link.removeprefix("chip:"))
        if 0 <= index < len(self._values):
            self.removed.emit(self._values[index])

    def _hover(self, link: str) -> None:
        self._hovered = int(link.removeprefix("chip:")) if link.startswith("chip:") else -1

    def _show_menu(self, point: QPoint) -> None:
        if (menu := self.menu_for(self._hovered)) is not None:
            menu.popup(self.chips.mapToGlobal(point))

    def menu_for(self, index: int) -> QMenu | None:
        """The context menu of chip ``index`` (None for no chip): Make First
        (not for the first) and Remove."""
        if not 0 <= index < len(self._values):
            return None
        value = self._values[index]
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        first = menu.addAction(self.tr("Make First"))
        first.setEnabled(index > 0)
        first.triggered.connect(lambda: self.made_first.emit(value))
        menu.addAction(self.tr("Remove {value}").format(value=value)).triggered.connect(
            lambda: self.removed.emit(value)
        )
        return menu

    def values(self) -> list[str]:
        """The values shown as chips."""
        return list(self._values)

    def set_values(self, values: Sequence[str]) -> None:
        """Show ``values`` as chips (the entry is cleared when one was added)."""
        if self.entry.text().strip() in values:
            self.entry.clear()
        self._values = list(values)
        self._hovered = -1
        remove = self.tr("Remove {value}")
        chips = [
            f'<a href="chip:{i}" title="{escape(remove.format(value=v), quote=True)}" style="{CHIP_STYLE}">'
            f"{_unbreakable(v)}&nbsp;×</a>"
            for i, v in enumerate(self._values)
        ]
        self.chips.setText("&nbsp; ".join(chips))
        self.chips.setVisible(bool(chips))

    def set_completions(self, values: Sequence[str]) -> None:
        """Values the entry offers as the user types."""
        self._completions.setStringList(list(values))
