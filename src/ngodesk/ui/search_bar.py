"""The search field above the story list, and under it, while a query
cannot run, why."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

#: How long typing pauses before the search runs.
SEARCH_DELAY_MS = 250
#: The field's look while its query is malformed.
INVALID_FIELD = "QLineEdit { border: 2px solid #b00020; border-radius: 3px; padding: 1px; }"


class SearchBar(QWidget):
    """``changed``: the query changed and typing has paused (or the wait
    ``search_later`` asked for is over). Escape in the field clears it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText(
            self.tr('Search: words, "phrases", -exclude, tag:, org:, year:2018, 丝路 or silu…')
        )
        self.field.setAccessibleName(self.tr("Search"))
        self.field.setToolTip(
            self.tr(
                'Words must all match; "exact phrase"; -word excludes; a OR b; (groups);\n'
                "fields: tag: org: person: place: source: title: lang: status: year:2015..2018 date: is:untagged"
            )
        )
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.field.textChanged.connect(lambda: self._timer.start(SEARCH_DELAY_MS))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.error)

    def text(self) -> str:
        return self.field.text()

    def set_text(self, text: str) -> None:
        """Show ``text`` as the query without running it (the caller does)."""
        self.field.blockSignals(True)
        self.field.setText(text)
        self.field.blockSignals(False)

    def search_later(self, milliseconds: int) -> None:
        """Emit ``changed`` in ``milliseconds`` (unless the search runs first)."""
        self._timer.start(milliseconds)

    def searched(self) -> None:
        """The search has run: no ``changed`` is due any more."""
        self._timer.stop()

    def waiting(self) -> bool:
        """Whether a ``changed`` is due (typing has not paused yet)."""
        return self._timer.isActive()

    def show_error(self, message: str) -> None:
        """The query is malformed: say why, and mark the field."""
        self.error.setText(message)
        self.error.show()
        self.field.setStyleSheet(INVALID_FIELD)

    def accepted(self) -> None:
        """The query runs: no error to show."""
        self.error.hide()
        self.field.setStyleSheet("")

    def malformed(self) -> bool:
        return not self.error.isHidden()

    def focus_query(self) -> None:
        """Put the cursor in the field, its query selected (Edit > Find)."""
        self.field.setFocus()
        self.field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                return True
        return super().eventFilter(watched, event)
