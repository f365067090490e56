"""A plain-text field as tall as its text: from a few lines up to a limit,
beyond which it scrolls (the editor's summary)."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit


class GrowingTextEdit(QPlainTextEdit):
    """Between ``min_lines`` and ``max_lines`` lines tall, following the
    text as it is typed or set and as the width changes its wrapping."""

    def __init__(self, min_lines: int = 3, max_lines: int = 12) -> None:
        super().__init__()
        self.min_lines, self.max_lines = min_lines, max_lines
        self.textChanged.connect(self.fit)
        self.fit()

    def _height_for(self, lines_height: float) -> int:
        margins = self.contentsMargins()
        document_margin = self.document().documentMargin()
        return round(lines_height + 2 * document_margin) + margins.top() + margins.bottom()

    def fit(self) -> None:
        """Take the height the text needs now, within the limits."""
        line = self.fontMetrics().lineSpacing()
        low, high = self.min_lines * line, self.max_lines * line
        layout = self.document().documentLayout()
        needed = 0.0
        block = self.document().begin()
        while block.isValid() and needed < high:  # (a long text is laid out only as far as shown)
            needed += layout.blockBoundingRect(block).height()  # (lays the block out at the width shown)
            block = block.next()
        height = self._height_for(min(max(needed, low), high))
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # (wrapping changed)
            self.fit()
