"""Undo and Redo from the window: typing not yet saved is saved first, and
a step that takes long (a large import taken back) runs in the background
while the window stays usable."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from ngodesk.domain.models import ChangeSet
from ngodesk.ui.commands import Actions, Command
from ngodesk.ui.flow import Flow
from ngodesk.ui.jobs import JobRunner


class UndoFlow(Flow):
    """Steps through ``commands``' undo stack; waits while a job the
    window stays usable during runs (its step would not be the last)."""

    def __init__(self, window: QMainWindow, jobs: JobRunner, commands: Actions) -> None:
        super().__init__(window, jobs, commands)
        self.stack = commands.stack

    def undo(self) -> None:
        """Undo the last change, after saving typing still pending."""
        self._step(undoing=True)

    def redo(self) -> None:
        """Redo the last change undone (typing saved now would end redo)."""
        self._step(undoing=False)

    def _step(self, undoing: bool) -> None:
        if self.jobs.browsing():
            return
        self.jobs.flush()
        if not self._off_thread(undoing):
            (self.stack.undo if undoing else self.stack.redo)()

    def _off_thread(self, undoing: bool) -> bool:
        """Start undoing (or redoing) the next step in a job when it takes
        long (``Command.off_thread``): the window stays usable, the status
        bar says what runs, and the stack moves when the job is done. False
        when the step is not such a one."""
        command = self.stack.command(self.stack.index() - 1 if undoing else self.stack.index())
        if not isinstance(command, Command) or not command.off_thread():
            return False
        step = self.stack.undo if undoing else self.stack.redo
        work = command.backward if undoing else command.forward
        title = (self.tr("Undoing “{action}”") if undoing else self.tr("Redoing “{action}”")).format(
            action=command.text()
        )

        def done(changes: ChangeSet) -> None:
            command.done_off_thread = changes
            step()

        self.jobs.start(title, lambda progress: work(), done, modal=False, cancellable=False)
        return True
