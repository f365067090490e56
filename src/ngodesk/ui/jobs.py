"""Background jobs: a service call run on a worker thread, with a progress
dialog (shown only if it takes longer than half a second) and Cancel.

Threading rule: the worker touches no widget. It reports through signals,
which Qt delivers on the GUI thread; the job's function gets a Progress
callback and must raise Cancelled (changing nothing) when it returns False.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ngodesk.domain.errors import Cancelled, NgodeskError
from ngodesk.domain.models import Progress

SHOW_AFTER_MS = 500


class _Worker(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work = work
        self._stop = threading.Event()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._stop.is_set()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (any thread)."""
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Cancelled:
            self.cancelled.emit()
        except NgodeskError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - a bug must reach the user, not kill the thread silently
            self.failed.emit(
                self.tr("Unexpected error: {kind}: {error}").format(kind=type(error).__name__, error=error)
            )
        else:
            self.succeeded.emit(result)
        finally:
            self.done.emit()


class Job(QObject):
    """One running job. ``progressed(done, total)`` as it goes;
    ``finished(result)`` on success, ``failed(message)``, ``cancelled()``;
    then ``ended()`` in every case."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()

    def __init__(self, parent: QWidget, title: str, work: Callable[[Progress], Any]) -> None:
        super().__init__(parent)
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self._thread = QThread(self)
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progressed)
        self._worker.succeeded.connect(self.finished)
        self._worker.failed.connect(self.failed)
        self._worker.cancelled.connect(self.cancelled)
        self._worker.done.connect(self._done)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        """Start the work (the dialog appears if it runs long)."""
        self.dialog.setValue(0)
        self._thread.start()

    def cancel(self) -> None:
        """Stop as soon as the work next reports progress."""
        self.dialog.setLabelText(self.tr("Cancelling…"))
        self._worker.cancel()

    def running(self) -> bool:
        return self._thread.isRunning()

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        self.progressed.emit(done, total)

    def _done(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.reset()
        self.dialog.hide()
        self.ended.emit()
