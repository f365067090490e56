"""The application-level signal hub: every change a service made is
broadcast once, so each pane refreshes only what the change touched."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ngodesk.domain.models import ChangeSet


class Hub(QObject):
    """``changed(ChangeSet, initiator)``: a pane that made the change passes
    itself as initiator and may ignore its own echo. ``failed(str)``: an
    action could not be done or undone; the message is for the user."""

    changed = Signal(object, object)
    failed = Signal(str)

    def publish(self, changes: ChangeSet, initiator: object = None) -> None:
        """Broadcast ``changes`` unless nothing changed."""
        if not changes.empty:
            self.changed.emit(changes, initiator)
