"""The sidebar's items: the data roles its entries carry and the makers
of its section headings, entries and hints (shared by the sidebar and its
Collections section)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidgetItem

from ngodesk.domain.models import FacetKind

KEY = Qt.ItemDataRole.UserRole  # (FacetKind, value) of a filterable entry
STATE = Qt.ItemDataRole.UserRole + 1  # 0 off, 1 include, 2 exclude
LABEL = Qt.ItemDataRole.UserRole + 2  # an entry's name, without the mark of its state
SAVED = Qt.ItemDataRole.UserRole + 3  # id of a saved search (a click runs it)
ABOUT = Qt.ItemDataRole.UserRole + 4  # what the tooltip says of an entry (a tag's synonyms, scope note)
ALL = "all"


def section(title: str) -> QTreeWidgetItem:
    """A section's heading (bold, not selectable)."""
    item = QTreeWidgetItem([title, ""])
    font = QFont(item.font(0))
    font.setBold(True)
    item.setFont(0, font)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    return item


def hint(text: str) -> QTreeWidgetItem:
    """A greyed line saying how to fill an empty section (the whole of it
    in a tooltip when the sidebar is narrow)."""
    item = QTreeWidgetItem([text])
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    item.setToolTip(0, text)
    return item


def entry(kind: FacetKind, value: str, label: str) -> QTreeWidgetItem:
    """An entry filtering by ``(kind, value)`` (a tag's takes drops and can
    be dragged)."""
    item = QTreeWidgetItem([label, ""])
    item.setData(0, KEY, (kind, value))
    item.setData(0, LABEL, label)
    item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if kind is FacetKind.TAG:
        flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
    item.setFlags(flags)
    return item


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The items right under ``item``."""
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]
