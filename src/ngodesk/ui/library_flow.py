"""The library as a whole, from its window: opening another one (new,
chosen, recent), its backups (made now, kept, restored), the name changes
are made under, and rebuilding its search index."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu, QMessageBox

from ngodesk.services import backups, indexing
from ngodesk.store.backups import Backup
from ngodesk.store.library import DB_NAME
from ngodesk.ui import settings
from ngodesk.ui.backups_view import BackupsDialog
from ngodesk.ui.commands import Actions
from ngodesk.ui.flow import Flow
from ngodesk.ui.jobs import Job, JobRunner
from ngodesk.ui.preferences import PreferencesDialog


class LibraryFlow(Flow):
    """``open_requested(path)``: the user chose another library to open;
    ``restore_requested(path)``: a backup to put back (the window closes
    first). Changes are made under the name the preferences give, else
    the user's login name."""

    open_requested = Signal(str)
    restore_requested = Signal(str)

    def __init__(self, window: QMainWindow, jobs: JobRunner, commands: Actions) -> None:
        super().__init__(window, jobs, commands)
        self.login_name = self.library.author
        self.library.author = settings.get(settings.AUTHOR) or self.login_name

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        for path in settings.get(settings.RECENT_LIBRARIES):
            if path != str(self.library.folder):
                menu.addAction(path, partial(self.open_requested.emit, path))
        if menu.isEmpty():
            menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def new_library(self) -> None:
        """Ask for a new folder and open it as an empty library."""
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("New Library"), str(Path.home() / "ngodesk-library"))
        if not path:
            return
        if Path(path).exists():
            QMessageBox.warning(
                self.window, self.tr("New Library"), self.tr("{path} exists already.").format(path=path)
            )
            return
        self.open_requested.emit(path)

    def choose_library(self) -> None:
        """Ask for a library folder and open it."""
        path = QFileDialog.getExistingDirectory(self.window, self.tr("Open Library"), str(self.library.folder.parent))
        if not path:
            return
        if not (Path(path) / DB_NAME).exists():
            QMessageBox.warning(
                self.window,
                self.tr("Open Library"),
                self.tr("{path} is not an ngodesk library (it has no {file}).").format(path=path, file=DB_NAME),
            )
            return
        self.open_requested.emit(path)

    def edit_preferences(self) -> PreferencesDialog:
        """The preferences; the name applies to changes made from now on."""
        dialog = PreferencesDialog(self.login_name, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            dialog.save()
            self.library.author = settings.get(settings.AUTHOR) or self.login_name
        return dialog

    def show_backups(self) -> BackupsDialog:
        """The library's backups: back up now, choose how many to keep, or
        restore one (after asking; the window reopens on the backup)."""
        library = self.library

        def back_up() -> list[Backup]:
            backups.back_up(library)
            return backups.listing(library.folder)

        keep = backups.keep(library)
        dialog = BackupsDialog(backups.listing(library.folder), keep, back_up, library.readonly, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not library.readonly and dialog.keep.value() != keep:
            backups.set_keep(library, dialog.keep.value())
        if accepted and dialog.chosen is not None:
            chosen = next(b for b in dialog.found if b.path == dialog.chosen)
            answer = QMessageBox.question(
                self.window,
                self.tr("Restore Backup"),
                self.tr(
                    "Put back the library as it was on {when}? Changes made since are set aside (the current state "
                    "is backed up first, so this can be reversed by restoring that backup)."
                ).format(when=f"{chosen.taken.astimezone():%Y-%m-%d %H:%M}"),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.restore_requested.emit(str(chosen.path))
        return dialog

    def rebuild_index(self) -> Job | None:
        """Rebuild the search index in the background."""
        library = self.library
        return self.jobs.start(
            self.tr("Rebuilding the search index"),
            lambda progress: indexing.reindex(library, progress),
            lambda count: self.say(self.tr("Search index rebuilt (%Ln stories).", "", count)),
        )
