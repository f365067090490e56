"""Run a callable once the widgets' pending repaints are done.

Qt posts a widget's repaint request (QEvent.UpdateRequest) at low priority,
so a zero-delay timer started after changing a widget fires *before* the
change is painted. An event posted at the same low priority is delivered
after the repaint requests already queued: that is when the user sees the
change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

_EVENT = QEvent.Type(QEvent.registerEventType())
#: Relays waiting for their event (kept alive until it arrives).
_waiting: set[_Relay] = set()


class _Relay(QObject):
    """Receives only its own events: cheap to override ``event``. Owned by
    the application, and deleted by Qt once its event has been delivered:
    dropping its last Python reference inside ``event`` deleted it while Qt
    was still delivering the event to it."""

    def __init__(self, callback: Callable[[], object], owner: QObject | None) -> None:
        super().__init__(owner if owner is not None else QCoreApplication.instance())
        self._callback = callback

    def event(self, event: QEvent) -> bool:
        if event.type() == _EVENT:
            self.deleteLater()
            _waiting.discard(self)
            self._callback()
            return True
        return super().event(event)


def after_paint(callback: Callable[[], object], owner: QObject | None = None) -> None:
    """Call ``callback`` (on the GUI thread) after the repaints pending now;
    not at all if ``owner`` is deleted first."""
    relay = _Relay(callback, owner)  # (deleted with ``owner``, and its event with it)
    _waiting.add(relay)
    QCoreApplication.postEvent(relay, QEvent(_EVENT), Qt.EventPriority.LowEventPriority.value)


class _FirstPaint(QObject):
    """Watches a widget for its first paint, then hands over to
    ``after_paint``; or calls at the latest when its timer runs out."""

    def __init__(self, widget: QWidget, callback: Callable[[], object], at_latest_ms: int | None) -> None:
        super().__init__(widget)
        self._widget, self._callback = widget, callback
        widget.installEventFilter(self)
        if at_latest_ms is not None:
            QTimer.singleShot(at_latest_ms, self, self._unpainted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self._done()
            after_paint(self._callback, watched)
        return False

    def _unpainted(self) -> None:
        self._done()
        self._callback()

    def _done(self) -> None:
        self._widget.removeEventFilter(self)
        self.deleteLater()  # (and its timer with it: the callback comes once)


def after_first_paint(widget: QWidget, callback: Callable[[], object], at_latest_ms: int | None = None) -> None:
    """Call ``callback`` once ``widget`` (just shown) has been painted and
    the repaints pending then are done; with ``at_latest_ms``, then at the
    latest, painted or not (a window started minimized); not at all if it
    is deleted first. (``after_paint`` alone is too early here: a window
    just shown has no repaint queued until the platform exposes it, so
    its event came first.)"""
    _FirstPaint(widget, callback, at_latest_ms)
