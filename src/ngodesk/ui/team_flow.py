"""The team hub in the window: File > Team (join, sync now, status,
leave), a word in the status bar on the last sync and the changes waiting
to be sent, and a sync whenever a colleague pushes (the hub's
LISTEN/NOTIFY), all in the background. A password typed here is kept for
this window only (never written); otherwise libpq's own (~/.pgpass,
PGPASSWORD) is used."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ngodesk.domain.models import ChangeSet, NotedProgress
from ngodesk.services.library import hub_of
from ngodesk.store.hub import SYNCED_KEY
from ngodesk.ui.commands import Actions
from ngodesk.ui.flow import Flow
from ngodesk.ui.i18n import number
from ngodesk.ui.jobs import Job, JobRunner, Latest
from ngodesk.ui.merge_flow import MergeFlow

if TYPE_CHECKING:
    from ngodesk.services.team import Synced, TeamStatus

# (The team service, SQLAlchemy's PostgreSQL dialect and psycopg load once
# the window is painted, and only for a library joined to a hub.)

#: After a change here, how long to wait before counting what waits to be
#: sent (the count compares the whole library with the hub's copy: ~1 s at
#: 10,000 stories; not after every keystroke).
COUNT_AFTER_MS = 5000
#: After a colleague's push, how long to wait (more may come) before syncing.
SYNC_AFTER_MS = 1000
#: How long to wait before listening again to a hub that could not be reached.
RETRY_MS = 60_000
#: How often "synced 2 minutes ago" is brought up to date.
TICK_MS = 30_000
#: Marks a sync refused for its password (the window then asks for one).
_LOGIN = "login"


class TeamFlow(Flow):
    """A window's team hub. ``menu``: File > Team; ``label``: the status
    bar's word on it (hidden for a library joined to no hub). ``start``
    once the window is painted, ``stop`` as it closes."""

    def __init__(self, window: QMainWindow, jobs: JobRunner, commands: Actions, merges: MergeFlow) -> None:
        super().__init__(window, jobs, commands)
        self.merges = merges
        #: the hub's URL (no password) while the library is joined to one
        self.hub: str | None = None
        self._password = ""  # (typed in this window: never stored)
        self._synced_at = ""
        self._waiting: int | None = None
        self._offline = ""
        self._watcher: Job | None = None
        self._stopped = False
        self.label = QLabel()
        self.label.hide()
        self.menu = QMenu(self.tr("&Team"), window)
        self.join_action = self.menu.addAction(self.tr("&Join Team Hub…"), self.join)
        self.sync_action = self.menu.addAction(self.tr("&Sync Now"), self.sync)
        self.status_action = self.menu.addAction(self.tr("Team S&tatus…"), self.show_status)
        self.leave_action = self.menu.addAction(self.tr("&Leave Team Hub…"), self.leave)
        self.menu.aboutToShow.connect(self._enable)
        self._counting = Latest(window, self.tr("Counting the changes to send"))
        self._counting.failed.connect(lambda message: self._show(offline=message))
        self._count_timer = self._timer(COUNT_AFTER_MS, self._count)
        self._sync_timer = self._timer(SYNC_AFTER_MS, self._sync_quietly)
        self._watch_timer = self._timer(RETRY_MS, self._watch)
        self._tick = self._timer(TICK_MS, self._show, repeat=True)
        commands.hub.changed.connect(self._changed)

    def _timer(self, interval: int, then: Callable[[], object], repeat: bool = False) -> QTimer:
        timer = QTimer(self, singleShot=not repeat, interval=interval)
        timer.timeout.connect(then)
        return timer

    # -- the window's life -------------------------------------------------

    def start(self) -> None:
        """Learn whether the library is joined to a hub; if so, say so,
        sync, and listen for colleagues' pushes."""
        self.hub = hub_of(self.library)  # (the team's modules are imported only for a library joined to a hub)
        if self.hub is None or self.library.readonly:
            return
        self._tick.start()
        self._show()
        self._sync_quietly()
        self._watch()

    def stop(self) -> None:
        """Stop listening and counting (the window closes): waits at most a
        second for the listener."""
        self._stopped = True
        for timer in (self._count_timer, self._sync_timer, self._watch_timer, self._tick):
            timer.stop()
        self._counting.stop()
        if self._watcher is not None:
            self._watcher.cancel()
            self._watcher.wait()

    # -- File > Team -------------------------------------------------------

    def _enable(self) -> None:
        joined, writable = self.hub is not None, not self.library.readonly
        self.join_action.setEnabled(not joined and writable)
        for action in (self.sync_action, self.status_action, self.leave_action):
            action.setEnabled(joined and writable)

    def join(self, url: str | None = None, password: str | None = None) -> Job | None:
        """Join a hub (asking for its URL and password when not given) and
        make the first sync, in the background."""
        from ngodesk.services import team

        if url is None:
            asked = _JoinDialog.ask(self.window)
            if asked is None:
                return None
            url, password = asked
        self._password = password or ""
        library = self.library

        def done(result: Any) -> None:
            if self._login_refused(result, lambda: self.join(url, self._password)):
                return
            self.hub = hub_of(library)
            self._tick.start()
            self._synced(result)
            self._watch()

        return self.jobs.start(
            self.tr("Joining the team hub"),
            self._logging_in(lambda url_now, progress: team.join(library, url_now, progress), url),
            done,
            modal=False,
        )

    def sync(self) -> Job | None:
        """Sync with the hub now, progress in the status bar; failures in
        a message box (a refused password: the window asks for one)."""
        if self.hub is None:
            return None
        return self._start_sync(quiet=False)

    def show_status(self) -> Job | None:
        """Where the library stands with its hub, asked of the hub."""
        from ngodesk.services import team

        library = self.library

        def done(now: TeamStatus) -> None:
            lines = [
                self.tr("Hub: {hub}").format(hub=now.hub),
                self.tr("Hub's version: {version}").format(
                    version=now.hub_version if now.hub_version is not None else self.tr("unknown")
                ),
                self.tr("Last synced: version {version}, {when}").format(
                    version=now.synced_version, when=self._ago(now.synced_at) or self.tr("never")
                ),
                self.tr("Changes waiting to be sent: {n}").format(n=number(now.waiting)),
            ]
            box = QMessageBox(
                QMessageBox.Icon.Information, self.tr("Team Status"), "\n".join(lines), parent=self.window
            )
            if now.offline:
                box.setInformativeText(now.offline)
            box.exec()

        return self.jobs.start(self.tr("Asking the team hub"), lambda progress: team.status(library), done)

    def leave(self) -> bool:
        """Disconnect the library from its hub, once the user confirms."""
        from ngodesk.services import team

        if self.hub is None:
            return False
        asked = QMessageBox.question(
            self.window,
            self.tr("Leave Team Hub"),
            self.tr(
                "Stop syncing this library with {hub}? The library keeps every story; changes not yet sent stay "
                "here only."
            ).format(hub=self._shown()),
        )
        if asked != QMessageBox.StandardButton.Yes:
            return False
        team.leave(self.library)
        self.hub, self._password = None, ""
        if self._watcher is not None:
            self._watcher.cancel()
        self._tick.stop()
        self.label.hide()
        self.say(self.tr("Left the team hub; the library keeps everything."))
        return True

    # -- syncing -----------------------------------------------------------

    def _url(self) -> str | None:
        from ngodesk.store.hub.connection import with_password

        if self.hub is None:
            return None
        return with_password(self.hub, self._password) if self._password else self.hub

    def _shown(self) -> str:
        from ngodesk.store.hub.connection import shown

        return shown(self.hub or "")

    def _logging_in(self, work: Any, url: str | None) -> Any:
        """``work(url, progress)`` that returns (_LOGIN, message) instead of
        raising when the hub refuses the password."""
        from ngodesk.domain.errors import HubLoginRefused
        from ngodesk.store.hub.connection import with_password

        address = with_password(url, self._password) if url and self._password else url

        def run(progress: NotedProgress) -> Any:
            try:
                return work(address, progress)
            except HubLoginRefused as refused:
                return (_LOGIN, str(refused))

        return run

    def _login_refused(self, result: Any, again: Any) -> bool:
        """When ``result`` says the password was refused, ask for one (and
        then call ``again``); True if it did."""
        if not (isinstance(result, tuple) and result[:1] == (_LOGIN,)):
            return False
        password, given = QInputDialog.getText(
            self.window,
            self.tr("Team Hub Password"),
            self.tr("{reason}\n\nPassword for this session (it is not stored):").format(reason=result[1]),
            QLineEdit.EchoMode.Password,
        )
        if given and password:
            self._password = password
            again()
        return True

    def _start_sync(self, quiet: bool) -> Job | None:
        from ngodesk.services import team

        library = self.library
        work = self._logging_in(lambda url, progress: team.sync(library, url, progress), self._url())
        if quiet:
            return self.jobs.start(
                self.tr("Syncing with the team hub"),
                work,
                lambda result: self._synced(result) if not isinstance(result, tuple) else self._show(offline=result[1]),
                modal=False,
                failed=lambda message: self._show(offline=message),
            )
        return self.jobs.start(
            self.tr("Syncing with the team hub"),
            work,
            lambda result: None if self._login_refused(result, self.sync) else self._synced(result),
            modal=False,
        )

    def _sync_quietly(self) -> None:
        """Sync without a word unless it went wrong (the status bar says
        so): at opening and after colleagues' pushes. Later if a task runs."""
        if self._stopped or self.hub is None:
            return
        if self.jobs.running():
            self._sync_timer.start()
            return
        self._start_sync(quiet=True)

    def _synced(self, synced: Synced) -> None:
        if synced.merge is not None:
            self.commands.hub.publish(synced.merge.changes)
        self._synced_at = datetime.now(UTC).isoformat(timespec="seconds")
        self._waiting = 0
        self._show(offline="")
        if synced.conflicts:
            self.say(
                self.tr("Synced: {n} conflicts to settle (File > Merge Conflicts).").format(n=number(synced.conflicts)),
                15000,
            )
            self._waiting = None
            self._count_timer.start()

    def _changed(self, changes: ChangeSet, initiator: object) -> None:
        if self.hub is not None and not self._stopped:
            self._count_timer.start()

    def _count(self) -> None:
        from ngodesk.services import team

        library = self.library

        def counted(results: list[int]) -> None:
            self._waiting = results[0]
            self._show()

        self._counting.run([lambda: team.status(library, ask_hub=False).waiting], counted)

    # -- listening ---------------------------------------------------------

    def _watch(self) -> None:
        """Listen for colleagues' pushes on a worker thread; each one
        brings a sync (SYNC_AFTER_MS later); a hub out of reach is tried
        again every RETRY_MS."""
        from ngodesk.store.hub.connection import watch

        url = self._url()
        if self._stopped or url is None or (self._watcher is not None and self._watcher.running()):
            return
        job = self._watcher = Job(
            self.window,
            self.tr("Listening to the team hub"),
            lambda progress: watch(url, lambda version: progress(version, 0)),
            modal=False,
        )
        job.progressed.connect(lambda version, total, note: self._sync_timer.start() if version > 0 else None)
        job.failed.connect(self._unheard)
        job.start()

    def _unheard(self, message: str) -> None:
        """The hub went out of reach: said, and listened to again later."""
        self._show(offline=message)
        self._watch_timer.start()

    # -- the status bar ----------------------------------------------------

    def _ago(self, when: str) -> str:
        if not when:
            return ""
        seconds = (datetime.now(UTC) - datetime.fromisoformat(when)).total_seconds()
        minutes = int(seconds // 60)
        if minutes < 1:
            return self.tr("just now")
        if minutes < 120:
            return self.tr("%n minute(s) ago", "", minutes)
        return self.tr("%n hour(s) ago", "", minutes // 60)

    def _show(self, offline: str | None = None) -> None:
        """Bring the status bar's word up to date ("Synced 2 minutes ago ·
        3 changes to send", or why the hub is out of reach)."""

        if offline is not None:
            self._offline = offline
        if self.hub is None:
            self.label.hide()
            return
        if not self._synced_at:
            with self.library.read() as session:
                self._synced_at = self.library.get_meta(session, SYNCED_KEY) or ""
        parts = [
            self.tr("Synced {when}").format(when=self._ago(self._synced_at))
            if self._synced_at
            else self.tr("Not synced yet")
        ]
        if self._waiting:
            parts.append(self.tr("%n change(s) to send", "", self._waiting))
        if self._offline:
            parts.append(self.tr("hub out of reach"))
        self.label.setText(" · ".join(parts))
        self.label.setToolTip(
            self.tr("Team hub: {hub}").format(hub=self._shown()) + (f"\n{self._offline}" if self._offline else "")
        )
        self.label.show()


class _JoinDialog(QDialog):
    """Asks for a hub's URL and, if libpq has none, its password."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join Team Hub"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql://user@host/database")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("from ~/.pgpass or PGPASSWORD if left empty"))
        about = QLabel(
            self.tr(
                "The library syncs with the team's hub whenever it can: what it lacks is sent, the rest taken. "
                "It keeps working offline. The password is used for this session only and never stored."
            )
        )
        about.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Hub &URL:"), self.url)
        form.addRow(self.tr("&Password:"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget) -> tuple[str, str] | None:
        """(URL, password) as typed; None when cancelled or left empty."""
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.url.text().strip():
            return None
        return dialog.url.text().strip(), dialog.password.text()
