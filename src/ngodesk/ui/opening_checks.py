"""What a window does for its library once it is shown, in the background:
SQLite's full check of the database (its own read connection, on a worker
thread), then, when it passes and a backup is due, the daily backup (in
steps, its progress in the status bar after half a second; edits go on
meanwhile). Opening itself checks only what costs the same at any size
(``Library.refuse_unusable``), so neither delays the first paint.

Damage found refuses every write from then on (``Library.writes_refused``,
the editor read-only) and is announced by ``damaged`` (the owner offers
the newest sound backup). ``stop`` cancels both when the window closes: a
check is interrupted, a partial backup deleted; the previous backups stay.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal

from ngodesk.domain.errors import LibraryDamaged
from ngodesk.domain.models import NotedProgress
from ngodesk.services import backups
from ngodesk.store.backups import Backup, Checker
from ngodesk.store.library import damaged
from ngodesk.ui.jobs import SHOW_AFTER_MS, Job, JobStatus

if TYPE_CHECKING:
    from ngodesk.ui.main_window import MainWindow

#: Bytes in the status bar's units.
KB, MB = 1000, 1_000_000
#: How long the status bar says that the daily backup was made, or that
#: a check or backup failed (ms).
DONE_MESSAGE_MS, FAILED_MESSAGE_MS = 8000, 30000


class OpeningChecks(QObject):
    """The check and daily backup of one window's library: ``start`` once
    the window is painted, ``stop`` as it closes. ``damaged(LibraryDamaged)``
    when the check finds damage; ``backed_up(Backup)``; ``ended()`` once
    nothing runs any more after ``stop``."""

    damaged = Signal(object)
    backed_up = Signal(object)
    ended = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._checker = Checker()
        self._jobs: list[Job] = []
        self._stopped = False
        #: the daily backup's progress, in the window's status bar
        self.status = JobStatus()

    def start(self) -> None:
        """Check the library, after the window's first search (which fills
        the window) has settled."""
        runner = self._window.search_runner
        if self._stopped or self._jobs:
            return
        if runner.busy:
            runner.idle.connect(self._after_first_search)
            return
        self._run(self.tr("Checking the library"), self._check, self._checked)

    def _after_first_search(self) -> None:
        self._window.search_runner.idle.disconnect(self._after_first_search)
        self.start()

    def running(self) -> bool:
        """Whether a check or backup is under way."""
        return any(job.running() for job in self._jobs)

    def stop(self, then: Callable[[], object] | None = None) -> bool:
        """Cancel what runs and start nothing more; True when something was
        still running, in which case ``then`` is called once it has
        stopped (a partial backup deleted)."""
        self._stopped = True
        if not self.running():
            return False
        self._checker.cancel()
        for job in self._jobs:
            job.cancel()
        if then is not None:
            self.ended.connect(then, Qt.ConnectionType.SingleShotConnection)
        return True

    def stop_now(self) -> None:
        """Stop and wait until nothing runs: the application is quitting
        with the window open (--screenshot), so no event loop will."""
        self.stop()
        while self.running():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    # -- the jobs ---------------------------------------------------------

    def _run(self, title: str, work: Callable[[NotedProgress], object], done: Callable[[object], None]) -> Job:
        """Start ``work``; ``done(result)`` once its thread has ended (the
        window can close then: a restore offered by ``done`` closes it)."""
        job = Job(self._window, title, work, modal=False)
        self._jobs.append(job)
        results: list[object] = []
        job.finished.connect(results.append)
        job.failed.connect(lambda error: self._failed(title, error))
        job.ended.connect(lambda: self._job_ended(job, results, done))
        job.start()
        return job

    def _failed(self, title: str, error: str) -> None:
        """A check or backup that could not be made (a full disk, say) is
        told in the status bar: the window goes on."""
        self._window.statusBar().showMessage(
            self.tr("{task} failed: {error}").format(task=title, error=error), FAILED_MESSAGE_MS
        )

    def _job_ended(self, job: Job, results: list[object], done: Callable[[object], None]) -> None:
        self._jobs.remove(job)
        for result in results:
            done(result)
        if not self._jobs and self._stopped:
            self.ended.emit()

    def _check(self, _progress: NotedProgress) -> LibraryDamaged | bool:
        """(worker) The damage found, else whether a backup is due."""
        library = self._window.library
        if found := self._checker.problems(library.db_path):
            return damaged(library.db_path, found, self._checker)
        return not library.readonly and backups.due(library)

    def _checked(self, result: object) -> None:
        if self._stopped:  # (the window is closing)
            return
        if isinstance(result, LibraryDamaged):
            self._refuse_writes()
            self.damaged.emit(result)
        elif result:
            self._back_up()

    def _refuse_writes(self) -> None:
        window = self._window
        reason = self.tr(
            "The library's database is damaged: changes are refused. Restore a backup (File > Restore Backup…)."
        )
        window.library.writes_refused = reason
        window.commands.busy = reason
        window.editor.apply_editable()
        window.path_label.setText(window.path_label.text() + self.tr("  (damaged)"))

    def _back_up(self) -> None:
        library = self._window.library
        large = library.db_path.stat().st_size >= 10 * MB
        unit, name = (MB, self.tr("MB")) if large else (KB, self.tr("KB"))

        def work(progress: NotedProgress) -> Backup:
            return backups.back_up(library, "daily", lambda done, total: progress(done // unit, total // unit))

        job = self._run(self.tr("Daily backup"), work, self._backed_up)
        job.unit = name
        job.cancelled.connect(self._backup_cancelled)
        self.status.follow(job)
        self.status.hide()  # (until it has run half a second: a small library's backup is made in a blink)
        QTimer.singleShot(SHOW_AFTER_MS, self, lambda: self._show_progress(job) if job in self._jobs else None)

    def _show_progress(self, job: Job) -> None:
        """Show ``job``'s progress in the status bar, the library's path set
        aside meanwhile (room on a narrow screen)."""
        self.status.show()
        self._window.path_label.hide()
        job.ended.connect(self._show_path)

    def _show_path(self) -> None:
        if not self._window.jobs.running():  # (else it shows when that job ends)
            self._window.path_label.show()

    def _backup_cancelled(self) -> None:
        if not self._stopped:  # (the user's Cancel, not the window closing)
            self._window.statusBar().showMessage(
                self.tr("Daily backup cancelled; the previous backups are kept."), DONE_MESSAGE_MS
            )

    def _backed_up(self, made: object) -> None:
        assert isinstance(made, Backup)
        if self.status.isVisible():  # (a backup that took a while: else it passes unsaid)
            self._window.statusBar().showMessage(
                self.tr("Backed up to {name}.").format(name=made.path.name), DONE_MESSAGE_MS
            )
        self.backed_up.emit(made)
