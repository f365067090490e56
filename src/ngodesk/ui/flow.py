"""What a window's flows (importing, exporting, merging, the story tools)
have in common: the window they speak in, its library, its one job
runner and its commands."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from ngodesk.domain.errors import NgodeskError
from ngodesk.store.library import Library
from ngodesk.ui.commands import Actions, Command
from ngodesk.ui.jobs import JobRunner

#: The ids of the stories a flow acts on: those listed, or those selected.
Stories = Callable[[], list[int]]


class Flow(QObject):
    """A flow started from ``window``: its dialogs are the window's, its
    messages in the window's status bar, its background work on ``jobs``
    and its changes through ``commands`` (one undo stack)."""

    def __init__(self, window: QMainWindow, jobs: JobRunner, commands: Actions) -> None:
        super().__init__(window)
        self.window, self.jobs, self.commands = window, jobs, commands
        self.library: Library = commands.library

    def say(self, text: str, milliseconds: int = 5000) -> None:
        """Show ``text`` in the window's status bar for a while."""
        self.window.statusBar().showMessage(text, milliseconds)

    def run(self, command: Command) -> bool:
        """Do ``command`` as one undo step; False (the reason shown) when
        the library refuses it."""
        return run_reporting(self.window, self.commands, command)


def run_reporting(window: QWidget, commands: Actions, command: Command) -> bool:
    """Do ``command`` as one undo step; False when the library refuses it,
    the reason shown in a message box over ``window``."""
    try:
        commands.run(command)
    except NgodeskError as error:
        QMessageBox.warning(window, QCoreApplication.translate("Flow", "ngodesk"), str(error))
        return False
    return True
