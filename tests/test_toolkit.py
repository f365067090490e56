"""Guards against known defects of the Qt bindings that crash long sessions."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView

from ngodesk.ui.app import make_application

Index = QModelIndex | QPersistentModelIndex


class _Model(QAbstractTableModel):
    nones = 0  # how many times data() returned None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 40

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return "x"
        self.nones += 1
        return None


def test_returning_none_from_a_python_override_keeps_nones_reference_count(qtbot) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 releases a reference to None each time an override such
    # as data() returns it; on Python 3.11 None is then freed mid-session and
    # the program aborts ("deallocating None"). pyproject.toml excludes it.
    make_application()
    view = QTableView()
    qtbot.addWidget(view)
    model = _Model()
    view.setModel(model)
    view.show()
    QTest.qWait(20)  # (objects earlier tests left to delete go first: freeing them also drops Nones)
    before, nones = sys.getrefcount(None), model.nones
    for width in range(300, 340):
        view.resize(width, 300)
        QTest.qWait(1)
    returned = model.nones - nones
    # With the defect every None returned is one reference lost; other
    # objects freed meanwhile (other threads) move the count by a few.
    assert returned > 1000 and sys.getrefcount(None) > before - returned // 10


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


def test_after_first_paint_comes_once_and_at_the_latest_for_a_widget_never_painted(qtbot) -> None:  # type: ignore[no-untyped-def]
    # (A window started minimized is not painted: its background work, the
    # daily backup among it, must start all the same.)
    from PySide6.QtWidgets import QLabel

    from ngodesk.ui.after_paint import after_first_paint

    calls: list[str] = []
    hidden, shown = QLabel("never shown"), QLabel("shown")
    qtbot.addWidget(hidden)
    qtbot.addWidget(shown)
    after_first_paint(hidden, lambda: calls.append("hidden"), at_latest_ms=50)
    after_first_paint(shown, lambda: calls.append("shown"), at_latest_ms=300)
    shown.show()
    qtbot.waitUntil(lambda: "hidden" in calls and "shown" in calls)
    qtbot.wait(400)  # (past the shown one's deadline: it came with its paint, and only then)
    assert sorted(calls) == ["hidden", "shown"]


def test_an_undo_command_without_a_way_back_is_refused_when_written() -> None:
    import pytest

    from ngodesk.domain.models import ChangeSet
    from ngodesk.ui.commands import Command

    with pytest.raises(TypeError, match="OneWay must define backward"):

        class OneWay(Command):
            def forward(self) -> ChangeSet:
                return ChangeSet()
