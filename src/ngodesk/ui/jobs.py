"""Background jobs: a service call run on a worker thread, with Cancel and
progress shown either in a window-modal dialog (shown only if it takes
longer than half a second) or, for work the user may browse during (an
import), in the status bar (``JobStatus``: counts, what the work has got
to, rate and time left, Cancel).

Threading rule: the worker touches no widget. It reports through signals,
which Qt delivers on the GUI thread; the job's function gets a Progress
callback (which also takes a note: see NotedProgress) and must raise
Cancelled (changing nothing) when it returns False.

Work whose newest request alone counts (the saved searches' counts, the
names a record field offers) runs through ``Latest``: Jobs beside the
window's JobRunner, an older one cancelled by a newer one.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QToolButton,
    QWidget,
)

from ngodesk.domain.errors import Cancelled, NgodeskError
from ngodesk.domain.models import NotedProgress
from ngodesk.ui.i18n import number

SHOW_AFTER_MS = 500
#: How often the status bar's text is brought up to date (ms).
TICK_MS = 250
#: Seconds of reports the rate is worked out over.
RATE_WINDOW_S = 5.0
#: Pixels of a note (a title) shown at most.
NOTE_WIDTH = 240

T = TypeVar("T")


class _Worker(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, work: Callable[[NotedProgress], Any]) -> None:
        super().__init__()
        self._work = work
        self._stop = threading.Event()
        #: set once the work has returned and said how it ended
        self.returned = threading.Event()

    def _progress(self, done: int, total: int, note: str = "") -> bool:
        self.progressed.emit(done, total, note)
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
            self.returned.set()


class Job(QObject):
    """One running job. ``progressed(done, total, note)`` as it goes;
    ``finished(result)`` on success, ``failed(message)``, ``cancelled()``;
    then ``ended()`` in every case. With ``modal`` a progress dialog
    blocks the window while the job runs (after half a second); without,
    the owner shows progress (``JobStatus``) and the window stays usable.
    Work that never reports progress cannot stop: not ``cancellable``."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        work: Callable[[NotedProgress], Any],
        modal: bool = True,
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.title, self.cancellable = title, cancellable
        #: what the counts count when it is not items ("MB"), or ""
        self.unit = ""
        self.dialog: QProgressDialog | None = None
        if modal:
            self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(SHOW_AFTER_MS)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel)
        self._thread = QThread(self)
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._progressed)
        self._worker.succeeded.connect(self.finished)
        self._worker.failed.connect(self.failed)
        self._worker.cancelled.connect(self.cancelled)
        self._worker.done.connect(self._done)
        self.cancelling = False

    def start(self) -> None:
        """Start the work (a modal job's dialog appears if it runs long)."""
        if self.dialog is not None:
            self.dialog.setValue(0)
        self._thread.start()

    def cancel(self) -> None:
        """Stop as soon as the work next reports progress."""
        self.cancelling = True
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))
        self._worker.cancel()

    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self) -> None:
        """Block (the GUI thread) until the work has returned (a cancelled
        job: at its next progress report), then deliver what it said
        (``finished``, ``failed`` or ``cancelled``, then ``ended``) before
        returning; its thread has ended then."""
        self._worker.returned.wait()
        QCoreApplication.sendPostedEvents(self, 0)

    def _progressed(self, done: int, total: int, note: str) -> None:
        if total > 0 and self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        self.progressed.emit(done, total, note)

    def _done(self) -> None:
        self._thread.quit()
        self._thread.wait()
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
        self.ended.emit()


class Latest(QObject):
    """Background work of which only the newest request counts: each
    ``run`` cancels the work before it (whose result is dropped) and starts
    a Job beside the window's JobRunner, neither modal nor shown. The work
    is steps, run in order on the Job's thread and cancelled between them;
    the newest run's ``done(results)`` is called on the GUI thread, its
    failure emitted as ``failed(message)``. ``stop`` as the window closes:
    no thread runs after it, nothing more is delivered."""

    failed = Signal(str)

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self._parent, self._title = parent, title
        self._jobs: list[Job] = []  # (running)
        self._newest: Job | None = None
        self._stopped = False

    def run(self, steps: Sequence[Callable[[], T]], done: Callable[[list[T]], object]) -> None:
        """Run ``steps`` on a worker thread, then ``done`` with their results
        unless a newer ``run`` came meanwhile (no steps: ``done([])`` now;
        nothing after ``stop``)."""
        if self._stopped:
            return
        for older in self._jobs:
            older.cancel()
        if not steps:
            self._newest = None
            done([])
            return

        def work(progress: NotedProgress) -> list[T]:
            results = []
            for at, step in enumerate(steps):
                if not progress(at, len(steps)):
                    raise Cancelled
                results.append(step())
            return results

        job = self._newest = Job(self._parent, self._title, work, modal=False)
        self._jobs.append(job)
        job.finished.connect(lambda results: done(results) if job is self._newest else None)
        job.failed.connect(lambda message: self.failed.emit(message) if job is self._newest else None)
        job.ended.connect(lambda: self._ended(job))
        job.start()

    def running(self) -> bool:
        """Whether the newest run has yet to end."""
        return self._newest is not None

    def wait(self) -> None:
        """Block until the newest work has ended, its ``done`` called (or
        its failure emitted) before this returns."""
        if self._newest is not None:
            self._newest.wait()

    def stop(self) -> None:
        """Cancel every run and wait for their threads (each stops at its
        next step); run nothing and deliver nothing from then on."""
        self._stopped, self._newest = True, None
        for job in self._jobs:
            job.cancel()
        for job in list(self._jobs):
            job.wait()

    def _ended(self, job: Job) -> None:
        self._jobs.remove(job)
        if job is self._newest:
            self._newest = None
        job.deleteLater()


class Pace:
    """Rate and time left of work reported as (seconds, done) samples, over
    the last RATE_WINDOW_S seconds of reports; reports of nothing done yet
    (reading, starting) do not count."""

    def __init__(self) -> None:
        self._samples: deque[tuple[float, int]] = deque()

    def add(self, at: float, done: int) -> None:
        if done <= 0:
            return
        if self._samples and done < self._samples[-1][1]:
            self._samples.clear()  # (a new phase: counting again)
        self._samples.append((at, done))
        while len(self._samples) > 2 and at - self._samples[1][0] >= RATE_WINDOW_S:
            self._samples.popleft()

    def rate(self) -> float:
        """Units a second (0 until two reports apart in time)."""
        if len(self._samples) < 2:
            return 0.0
        (t0, d0), (t1, d1) = self._samples[0], self._samples[-1]
        return (d1 - d0) / (t1 - t0) if t1 > t0 else 0.0

    def left(self, total: int, now: float) -> float | None:
        """Seconds left to reach ``total`` at the current rate, counted
        from ``now`` (None while the rate is unknown)."""
        rate = self.rate()
        if rate <= 0:
            return None
        at, done = self._samples[-1]
        return max(0.0, (total - done) / rate - (now - at))


class JobStatus(QWidget):
    """The status bar's view of a running job: "Importing 16,000 of
    20,000 — <title>", the rate and time left (brought up to date every
    TICK_MS, between reports too), a bar and Cancel. Hidden when no job
    runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(140)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Progress of the running task"))
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the task; nothing it did is kept"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self._cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._show)
        self.job: Job | None = None
        self.hide()

    def follow(self, job: Job) -> None:
        """Show ``job``'s progress until it ends."""
        self.job = job
        self._pace = Pace()
        self._done, self._total, self._note = 0, 0, ""
        job.progressed.connect(self._progressed)
        job.ended.connect(self._ended)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setVisible(job.cancellable)
        self.bar.setRange(0, 0)
        self._show()
        self.show()
        self._timer.start()

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self._show()

    def text(self) -> str:
        """What the label says now."""
        return self.label.text()

    def _progressed(self, done: int, total: int, note: str) -> None:
        self._done, self._total = done, total
        self._note = note or self._note
        self._pace.add(time.monotonic(), done)
        self._show()

    def _show(self) -> None:
        job = self.job
        if job is None:
            return
        if job.cancelling:
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("{task}: cancelling…").format(task=job.title))
            return
        if self._total <= 0 or self._done <= 0:
            self.bar.setRange(0, 0)
            self.label.setText(self.tr("{task}…").format(task=job.title))
            return
        self.bar.setRange(0, self._total)
        self.bar.setValue(min(self._done, self._total))
        text = self.tr("{task} {done} of {total}").format(
            task=job.title, done=number(self._done), total=number(self._total)
        )
        if job.unit:
            text += " " + job.unit
        if self._note:
            metrics = self.label.fontMetrics()
            text += " — " + metrics.elidedText(self._note, Qt.TextElideMode.ElideRight, NOTE_WIDTH)
        if (left := self._pace.left(self._total, time.monotonic())) is not None:
            rate, left_text = number(round(self._pace.rate())), self._duration(left)
            if job.unit:  # (in Chinese the plain form counts stories: 每秒 {rate} 篇)
                text += "  " + self.tr("({rate} {unit} a second, {left} left)").format(
                    rate=rate, unit=job.unit, left=left_text
                )
            else:
                text += "  " + self.tr("({rate} a second, {left} left)").format(rate=rate, left=left_text)
        self.label.setText(text)

    def _duration(self, seconds: float) -> str:
        """A short length of time: "8 s", "2 min 5 s"."""
        minutes, rest = divmod(max(0, round(seconds)), 60)
        if minutes:
            return self.tr("{m} min {s} s").format(m=minutes, s=rest)
        return self.tr("{s} s").format(s=rest)

    def _ended(self) -> None:
        self._timer.stop()
        self.job = None
        self.hide()


class JobRunner(QObject):
    """A window's jobs, one at a time: ``start`` runs one, its progress in
    ``status`` (a status-bar widget), a failure in a message box, a cancel
    said in the status bar. The widgets in ``hidden_while_running`` give
    their room to the progress meanwhile. ``pausing(task)``: a job the
    window stays usable during begins; ``pausing("")``: it ended (before
    its ``done``, which may edit) — the owner refuses edits in between."""

    pausing = Signal(str)

    def __init__(self, window: QMainWindow, flush: Callable[[], object]) -> None:
        super().__init__(window)
        self._window = window
        #: saves typing not yet saved (before a job reads the library)
        self.flush = flush
        self.job: Job | None = None
        self.status = JobStatus()
        self.hidden_while_running: list[QWidget] = []

    def running(self) -> bool:
        return self.job is not None and self.job.running()

    def start(
        self,
        title: str,
        work: Callable[[NotedProgress], Any],
        done: Callable[[Any], None],
        modal: bool = True,
        cancellable: bool = True,
        failed: Callable[[str], object] | None = None,
    ) -> Job | None:
        """Run ``work`` off the GUI thread (``modal``: behind a dialog that
        blocks the window meanwhile), then ``done`` with its result; a
        failure said in a message box, or told to ``failed``. None when
        another job still runs (the user is told)."""
        if self.running():
            QMessageBox.information(self._window, title, self.tr("Another task is still running."))
            return None
        self.flush()
        job = self.job = Job(self._window, title, work, modal, cancellable)
        if not modal:
            self.pausing.emit(title)
            for ending in (job.finished, job.failed, job.cancelled):
                ending.connect(lambda *_: self.pausing.emit(""))
        job.finished.connect(done)
        job.failed.connect(failed or (lambda message: QMessageBox.warning(self._window, title, message)))
        bar = self._window.statusBar()
        job.cancelled.connect(lambda: bar.showMessage(self.tr("Cancelled; nothing changed."), 8000))
        self.status.follow(job)
        bar.clearMessage()  # (it would be drawn over the progress)
        for widget in self.hidden_while_running:
            widget.hide()
            job.ended.connect(widget.show)
        job.start()
        return job

    def browsing(self) -> bool:
        """True (and the status bar says why) while a job the window stays
        usable during runs: undo and redo wait for it."""
        if not self.running() or self.job is None or self.job.dialog is not None:
            return False
        text = self.tr("“{task}” is still running: wait for it to end (or cancel it) to undo or redo.").format(
            task=self.job.title
        )
        self._window.statusBar().showMessage(text, 5000)
        return True

    def stop(self, then: Callable[[], Any]) -> bool:
        """Cancel the running job, then call ``then`` once it has stopped
        (and rolled back); False when none runs."""
        if not self.running() or self.job is None:
            return False
        self.job.cancel()
        self.job.ended.connect(then)
        return True
