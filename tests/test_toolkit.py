"""Guards against known defects of the Qt bindings that crash long sessions."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from ngodesk.ui.app import make_application

Index = QModelIndex | QPersistentModelIndex


class _Model(QAbstractTableModel):
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 40

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return "x" if role == Qt.ItemDataRole.DisplayRole else None


def test_returning_none_from_a_python_override_keeps_nones_reference_count(qtbot) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 releases a reference to None each time an override such
    # as data() returns it; on Python 3.11 None is then freed mid-session and
    # the program aborts ("deallocating None"). pyproject.toml excludes it.
    make_application()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(_Model())
    view.show()
    before = sys.getrefcount(None)
    for width in range(300, 340):
        view.resize(width, 300)
        QTest.qWait(1)
    assert sys.getrefcount(None) >= before - 5


def test_after_paint_runs_once_the_pending_repaint_is_done(qtbot) -> None:  # type: ignore[no-untyped-def]
    # The search thread waits for this before its GIL-heavy steps: a
    # zero-delay timer would fire before Qt's low-priority repaint.
    from PySide6.QtWidgets import QLabel

    from ngodesk.ui.after_paint import after_paint

    order: list[str] = []

    class Label(QLabel):
        def paintEvent(self, event: object) -> None:  # type: ignore[override]  # noqa: N802
            order.append("paint")
            super().paintEvent(event)  # type: ignore[arg-type]

    label = Label("before")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitUntil(lambda: "paint" in order)
    order.clear()
    label.setText("after")
    after_paint(lambda: order.append("after_paint"))
    qtbot.waitUntil(lambda: "after_paint" in order)
    assert order.index("paint") < order.index("after_paint")


def test_an_undo_command_without_a_way_back_is_refused_when_written() -> None:
    import pytest

    from ngodesk.domain.models import ChangeSet
    from ngodesk.ui.commands import Command

    with pytest.raises(TypeError, match="OneWay must define backward"):

        class OneWay(Command):
            def forward(self) -> ChangeSet:
                return ChangeSet()
