"""What every undoable action shares: ``Command`` (done once by ``Actions.run``,
then redone and undone by the undo stack) and ``Actions``, which runs them
against one library and one undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import ChangeSet
from ngodesk.store.library import Library
from ngodesk.ui.hub import Hub

if TYPE_CHECKING:
    pass

translate = QCoreApplication.translate


def counted(one: str, many: str, n: int) -> str:
    """``one`` (for 1) or ``many``, both translated already (``many`` with
    ``n``, which fills its %Ln)."""
    return one if n == 1 else many


class Command(QUndoCommand):
    """A reversible change through services. Subclasses implement
    ``forward`` and ``backward``, each returning what it changed; a
    subclass without them is refused when it is defined (``abc`` does not
    work with Qt's metaclass)."""

    forward: Callable[[], ChangeSet]
    backward: Callable[[], ChangeSet]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        missing = [name for name in ("forward", "backward") if not callable(getattr(cls, name, None))]
        if missing:
            raise TypeError(f"{cls.__name__} must define {' and '.join(missing)}")

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.library: Library
        self.hub: Hub
        self._skip_first_redo = True
        #: what the next undo or redo changed, done already off the GUI
        #: thread (see ``off_thread``): it is only announced
        self.done_off_thread: ChangeSet | None = None

    def off_thread(self) -> bool:
        """True when undo and redo take long enough to run off the GUI thread
        (``forward`` and ``backward`` in a job, then ``done_off_thread``)."""
        return False

    def _apply(self, step: str) -> None:
        try:
            if self.done_off_thread is not None:
                changes, self.done_off_thread = self.done_off_thread, None
            else:
                changes = self.forward() if step == "redo" else self.backward()
        except NgodeskError as error:
            self.setObsolete(True)
            message = (
                translate("Commands", "Could not undo “{action}”: {reason}")
                if step == "undo"
                else translate("Commands", "Could not redo “{action}”: {reason}")
            )
            self.hub.failed.emit(message.format(action=self.text(), reason=error))
            return
        self.hub.publish(changes)

    def redo(self) -> None:
        if self._skip_first_redo:  # Actions.run already did it
            self._skip_first_redo = False
            return
        self._apply("redo")

    def undo(self) -> None:
        self._apply("undo")


class Actions:
    """Runs commands against one library and one undo stack."""

    def __init__(self, library: Library, hub: Hub, stack: QUndoStack) -> None:
        self.library, self.hub, self.stack = library, hub, stack
        #: why the library cannot be changed now (a background import holds
        #: it), or "": ``run`` refuses at once rather than wait for it
        self.busy = ""

    def record(self, command: Command, changes: ChangeSet, initiator: object = None) -> None:
        """Make undoable an action already done (by a background job) that
        changed ``changes``, and announce them."""
        command.library, command.hub = self.library, self.hub
        if not changes.empty:
            self.stack.push(command)  # its first redo is skipped: already done
        self.hub.publish(changes, initiator)

    def run(self, command: Command, initiator: object = None) -> ChangeSet:
        """Do ``command`` now and make it undoable. Raises NgodeskError (and
        pushes nothing) when the action is refused or ``busy`` says why
        nothing can be changed now."""
        if self.busy:
            raise NgodeskError(self.busy)
        command.library, command.hub = self.library, self.hub
        changes = command.forward()
        if changes.empty:
            return changes
        self.stack.push(command)  # its first redo is skipped: done above
        self.hub.publish(changes, initiator)
        return changes
