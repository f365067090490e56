"""Editable combo boxes: the parts Qt creates once a box is editable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit


def line_edit(combo: QComboBox) -> QLineEdit:
    """The line an editable ``combo`` is typed in."""
    line = combo.lineEdit()
    assert line is not None, "the combo box is not editable"
    return line


def matching_anywhere(combo: QComboBox) -> QCompleter:
    """``combo``'s completer, set to offer items that contain what is
    typed anywhere (not only at their start)."""
    completer = combo.completer()
    assert completer is not None, "the combo box is not editable"
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer
