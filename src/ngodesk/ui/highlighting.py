"""Marked spans of text: glossary terms and search hits in the editor's
texts, search hits in the story list's titles.

A document has one highlighter (two QSyntaxHighlighters on one document
undo each other's formats), holding named layers drawn in the order they
were first set, each merged over the ones before (a hit inside a glossary
term keeps the term's underline). Spans are Python string indexes; Qt
counts UTF-16 units, so they are converted where text holds characters
beyond the BMP.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument, QTextLayout
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ngodesk.search.snippet import hit_spans

#: Finds the spans to mark in a text: (start, end) string indexes.
Finder = Callable[[str], Iterable[tuple[int, int]]]

#: The item data role giving the spans of a list item's text to mark.
HITS_ROLE = Qt.ItemDataRole.UserRole + 20


def hit_format() -> QTextCharFormat:
    """How a search hit looks: dark text on yellow, readable on a selected
    row as on a plain one."""
    marked = QTextCharFormat()
    marked.setBackground(QColor("#ffe066"))
    marked.setForeground(QColor("#000000"))
    return marked


def qt_offset(text: str, index: int) -> int:
    """Qt's position (UTF-16 units) of Python string index ``index``."""
    return len(text[:index].encode("utf-16-le")) // 2


def py_index(text: str, offset: int) -> int:
    """The Python string index of Qt position ``offset`` in ``text``."""
    return len(text.encode("utf-16-le")[: offset * 2].decode("utf-16-le", errors="ignore"))


def utf16_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` of ``text`` as Qt counts positions (UTF-16 units)."""
    if all(ord(char) < 0x10000 for char in text):
        return list(spans)
    return [(qt_offset(text, start), qt_offset(text, end)) for start, end in spans]


class Highlighter(QSyntaxHighlighter):
    """The highlighter of one document: layers of marked spans. Get it with
    ``highlighter(document)``."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._layers: dict[str, tuple[Finder, QTextCharFormat]] = {}
        self._sought: dict[str, object] = {}

    def set_layer(self, name: str, find: Finder, marked: QTextCharFormat, sought: object = None) -> None:
        """Mark what ``find`` finds with ``marked`` (replacing the layer
        ``name``'s earlier finder) and highlight the document again, quietly:
        its editor does not take new marks for an edit (to save, to undo).
        Nothing is done when ``sought`` (if given) is what the layer's
        finder sought already."""
        if sought is not None and self._sought.get(name) == sought:
            return
        self._layers[name] = (find, marked)
        self._sought[name] = sought
        document = self.document()
        quiet = document.blockSignals(True)
        try:
            self.rehighlight()
        finally:
            document.blockSignals(quiet)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for find, marked in self._layers.values():
            for start, end in utf16_spans(text, find(text)):
                for position in range(start, end):  # (merged with the layers before, one unit at a time)
                    merged = self.format(position)
                    merged.merge(marked)
                    self.setFormat(position, 1, merged)


def highlighter(document: QTextDocument) -> Highlighter:
    """The one highlighter of ``document`` (made on first use; the
    document owns it)."""
    found = document.findChild(Highlighter)
    return found if isinstance(found, Highlighter) else Highlighter(document)


def mark_hits(documents: Iterable[QTextDocument], terms: Sequence[str]) -> None:
    """Mark the search's ``terms`` (none: nothing) wherever they occur in
    ``documents``, as ``search.snippet.hit_spans`` finds them."""
    sought = tuple(terms)
    for document in documents:
        highlighter(document).set_layer("hits", lambda text: hit_spans(text, sought), hit_format(), sought)


class HitDelegate(QStyledItemDelegate):
    """Paints an item's text with the spans its ``HITS_ROLE`` gives marked
    (elided at the right like any other item); items without spans are
    painted as usual."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        spans = index.data(HITS_ROLE)
        if not spans:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)  # background, selection
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        area = area.adjusted(margin, 0, -margin, 0)
        shown = item.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width())
        kept = qt_offset(shown, len(shown)) - (shown != text)  # (the ellipsis is not marked)
        layout = QTextLayout(shown, item.font)
        marks = []
        for start, end in utf16_spans(text, spans):
            if start < kept:
                mark = QTextLayout.FormatRange()
                mark.start, mark.length, mark.format = start, min(end, kept) - start, hit_format()
                marks.append(mark)
        layout.setFormats(marks)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(area.width())
        layout.endLayout()
        state = item.state
        group = QPalette.ColorGroup.Normal if state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        selected = state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(item.palette.color(group, role))
        painter.setClipRect(area)
        layout.draw(painter, QPointF(area.left(), area.top() + (area.height() - line.height()) / 2))
        painter.restore()
