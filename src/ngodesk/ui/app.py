"""Starting the desktop application: QApplication, fonts, opening the
library (with a read-only fallback when another process writes to it)."""

from __future__ import annotations

import ctypes
import gc
import linecache
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ngodesk import __version__
from ngodesk.domain.errors import LibraryDamaged, LibraryLocked, LibraryReadOnly, NgodeskError
from ngodesk.services import backups
from ngodesk.services.library import holds_other_files, open_library, resolve
from ngodesk.store.library import Library
from ngodesk.store.lock import WINDOW
from ngodesk.ui import i18n, settings
from ngodesk.ui.after_paint import after_first_paint
from ngodesk.ui.termination import TerminationWatch

if TYPE_CHECKING:
    from ngodesk.ui.main_window import MainWindow

#: The desktop entry's id (packaging/io.github.ngodesk.Ngodesk.desktop).
DESKTOP_ID = "io.github.ngodesk.Ngodesk"
#: A window's background work (the full check, the daily backup, a sync)
#: starts after its first paint, or this long after it opened when it is
#: not painted (started minimized, say).
BACKGROUND_AT_LATEST_MS = 5000
#: Fonts with Chinese glyphs, preferred in this order after the system font;
#: the SC faces keep Simplified Chinese glyph forms (not Japanese ones).
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC")


translate = QCoreApplication.translate


#: glibc's mallopt parameters; the size from which blocks are mapped, and
#: how much freed memory the heap may keep for reuse.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MAPPED_FROM, _KEPT_FREE = 4 << 20, 64 << 20


def _give_back_large_blocks() -> None:
    """Blocks of 4 MB or more (a search's id arrays) go back to the system
    when freed. glibc raises its threshold for that after the first such
    block is freed, and later ones stay in a heap that only grows: ~30 MB
    more peak memory after the searches of benchmarks/gui.py at a million
    stories. Smaller blocks (the facet counts' temporaries) are reused from
    the heap, which keeps up to 64 MB freed: with 1 MB blocks mapped and
    the heap trimmed at once, every count faulted its temporaries' pages in
    again (3x slower at a million stories). (Other C libraries: nothing to
    do.)"""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None)
        libc.mallopt(_M_MMAP_THRESHOLD, _MAPPED_FROM)
        libc.mallopt(_M_TRIM_THRESHOLD, _KEPT_FREE)
    except (OSError, AttributeError):
        pass  # (not glibc)


def _forget_sources_read() -> None:
    """Let go of the source lines PySide6's import hook read for the
    modules imported so far (see ngodesk.ui): the window's own and its
    background work's, ~6 MB of its peak memory. A traceback reads the
    lines it shows again; lines of generated code (``<...>`` names, such
    as SQLAlchemy's) have no file to be read from and are kept."""
    for name in [name for name in linecache.cache if not name.startswith("<")]:
        del linecache.cache[name]


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), with CJK font fallbacks and, until
    ``i18n.install`` chooses a language, English's catalogue (its plurals)."""
    app = QApplication.instance()
    if app is None:
        # Searches run on a worker thread; switching the GIL more often keeps
        # the GUI thread's share (painting, typing) prompt meanwhile.
        sys.setswitchinterval(0.001)
        _give_back_large_blocks()
        app = QApplication(argv or [sys.argv[0]])
        app.setApplicationName("ngodesk")
        app.setDesktopFileName(DESKTOP_ID)  # (Wayland matches the window to the menu entry by it)
        app.setApplicationVersion(__version__)
        app.setOrganizationName("ngodesk")
    assert isinstance(app, QApplication)
    if not app.findChildren(QTranslator):  # (English's plural forms, until a language is chosen)
        i18n.install(app, "en")
    font = QFont(app.font())
    # The resolved family, not an alias like "Sans Serif": with an alias
    # first, Qt takes Latin punctuation (’ “ ”) from the CJK font, full width.
    font.setFamilies([QFontInfo(font).family(), *CJK_FAMILIES])
    app.setFont(font)
    return app


def open_for_gui(folder: str | None, ask: bool = True) -> Library | None:
    """Open the library, asking whether to read only when it is locked;
    None when the user gives up or it cannot be opened (after saying why).
    Without ``ask`` (no one to answer, e.g. --screenshot) a locked library is
    opened read-only and a failure is told on stderr. A folder with other
    files and no library in it (one opened from the file manager, say)
    becomes a library only when the user says so."""
    among_other_files = False  # (without anyone to ask: refused, said on stderr)
    if ask and holds_other_files(folder):
        answer = QMessageBox.question(
            None,
            translate("App", "Not a library"),
            translate("App", "{folder} holds other files and no ngodesk library. Make a new library in it?").format(
                folder=resolve(folder)[0]
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        among_other_files = True
    try:
        return open_library(folder, program=WINDOW, among_other_files=among_other_files)
    except LibraryDamaged as damaged:
        message = str(damaged)
        if ask and damaged.backup is not None:
            if not _offer_restore(damaged):
                return None
            try:
                backups.restore(resolve(folder)[0], damaged.backup, program=WINDOW)
                return open_library(folder, program=WINDOW)
            except NgodeskError as failure:
                message = str(failure)
    except LibraryReadOnly:  # (a CD, a write-protected stick: reading is all there is)
        try:
            return open_library(folder, readonly=True)
        except NgodeskError as failure:
            message = str(failure)
    except LibraryLocked as locked:
        answer = QMessageBox.StandardButton.Open
        if ask:
            answer = QMessageBox.question(
                None,
                translate("App", "Library in use"),
                str(locked) + "\n\n" + translate("App", "Open it read-only?"),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            )
        if answer != QMessageBox.StandardButton.Open:
            return None
        try:
            return open_library(folder, readonly=True)
        except NgodeskError as failure:
            message = str(failure)
    except NgodeskError as failure:
        message = str(failure)
    if ask:
        QMessageBox.critical(None, translate("App", "Cannot open the library"), message)
    else:
        print(f"ngodesk: {message}", file=sys.stderr)
    return None


def _offer_restore(damaged: LibraryDamaged, parent: QWidget | None = None) -> bool:
    """Ask whether to put back the newest sound backup of a damaged library."""
    assert damaged.backup is not None
    answer = QMessageBox.question(
        parent,
        translate("App", "Library damaged"),
        str(damaged)
        + "\n\n"
        + translate("App", "Restore the backup {name} now? The damaged file is kept beside it.").format(
            name=damaged.backup.name
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def _has_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class Windows:
    """The open main windows, one per library; each library is closed
    with its window."""

    def __init__(self) -> None:
        self.windows: list[MainWindow] = []

    def open(self, folder: str | None, ask: bool = True) -> MainWindow | None:
        """Open ``folder`` (None: the default library) in a new window; a
        field-copy archive is opened or merged as the user chooses."""
        from ngodesk.ui.main_window import MainWindow

        if folder and Path(folder).is_file():  # (a folder: no need to load the field copies' module)
            from ngodesk.services import field_copy

            if field_copy.is_archive(folder):
                return self._open_archive(Path(folder), ask)
        library = open_for_gui(folder, ask)
        if library is None:
            return None
        window = MainWindow(library)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.open_requested.connect(lambda path, old=window: self._switch(old, path))
        window.restore_requested.connect(lambda path, old=window: self._restore(old, Path(path)))
        window.closed.connect(lambda w=window: self._closed(w))
        window.opening_checks.damaged.connect(lambda damage, w=window: self._damaged(w, damage))
        settings.remember_library(str(library.folder))
        self.windows.append(window)
        window.show()

        def painted() -> None:
            window.start_background()  # (the full check, the daily backup, a sync)
            _forget_sources_read()

        after_first_paint(window, painted, at_latest_ms=BACKGROUND_AT_LATEST_MS)
        return window

    def _damaged(self, window: MainWindow, damage: LibraryDamaged) -> None:
        """The check after opening found ``window``'s library damaged (its
        writes are refused now): offer its newest sound backup, as opening
        a library found damaged at once does."""
        if damage.backup is None or window.library.readonly:
            QMessageBox.warning(window, translate("App", "Library damaged"), str(damage))
        elif _offer_restore(damage, window):
            self._restore(window, damage.backup)

    def _open_archive(self, archive: Path, ask: bool) -> MainWindow | None:
        """A field copy from the file manager: work in it (unpacked beside
        the file, or the folder an earlier opening unpacked), or merge it
        into the library opened last."""
        if ask:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                translate("App", "Field Copy"),
                translate(
                    "App",
                    "{name} is a field copy of a library. Open it to work in it (it is unpacked into a folder"
                    " beside the file), or merge it into your library?",
                ).format(name=archive.name),
            )
            box.addButton(translate("App", "&Open the Copy"), QMessageBox.ButtonRole.AcceptRole)
            merge = box.addButton(translate("App", "&Merge into My Library"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is merge:
                recent = settings.get(settings.RECENT_LIBRARIES)
                window = self.open(recent[0] if recent else None, ask)
                if window is not None:
                    window.merge_flow.merge_library(str(archive))
                return window
            if box.buttonRole(box.clickedButton()) != QMessageBox.ButtonRole.AcceptRole:
                return None
        from ngodesk.services import field_copy

        try:
            folder = field_copy.unpack(archive)
        except NgodeskError as error:
            if ask:
                QMessageBox.critical(None, translate("App", "Cannot open the field copy"), str(error))
            else:
                print(f"ngodesk: {error}", file=sys.stderr)
            return None
        return self.open(str(folder), ask)

    def _switch(self, old: MainWindow, folder: str) -> None:
        """Open another library in place of ``old`` (which stays if that fails)."""
        if self.open(folder) is not None:
            old.close()

    def _restore(self, old: MainWindow, backup: Path) -> None:
        """Close ``old`` (once the tasks it runs have stopped), then put
        ``backup`` back as its library's database and open the library
        again (as it is, if the restore fails)."""
        folder = old.library.folder
        old.closed.connect(lambda: self._put_back(folder, backup))  # (after _closed: the library is closed)
        old.close()

    def _put_back(self, folder: Path, backup: Path) -> MainWindow | None:
        message = ""
        try:
            message = str(backups.restore(folder, backup, program=WINDOW))
        except NgodeskError as error:
            QMessageBox.warning(None, translate("App", "Restore Backup"), str(error))
        window = self.open(str(folder))
        if window is not None and message:
            window.statusBar().showMessage(message, 15000)
        return window

    def _closed(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)
            window.library.close()  # (its search thread stopped as it closed)


def run_gui(
    folder: str | None, screenshot: str | None = None, size: tuple[int, int] = (1280, 800), language: str | None = None
) -> int:
    """Run the main window until it closes, in ``language`` (default: the
    preference); with ``screenshot``, save the window (at ``size``) as a PNG
    and quit instead. Returns the exit code."""
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif not _has_display():
        print(
            "ngodesk: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset).\n"
            "Run it in a desktop session, under `xvfb-run -a ngodesk`, or use the command line (`ngodesk --help`).",
            file=sys.stderr,
        )
        return 1
    app = make_application()
    i18n.install(app, language if language is not None else settings.get(settings.LANGUAGE))
    watch = TerminationWatch(app)  # noqa: F841 - (watches while the window runs)
    windows = Windows()
    window = windows.open(folder, ask=not screenshot)
    if window is None:
        return 1
    # Start-up objects live as long as the app: keep them out of full garbage
    # collections, which otherwise pause searches by tens of milliseconds.
    # (The program held the collector back while it started: cli.run.)
    gc.freeze()
    gc.enable()
    if screenshot:
        window.resize(*size)

        def shoot() -> None:
            if window.grab().save(str(Path(screenshot))):
                app.quit()
            else:
                print(f"ngodesk: cannot write the screenshot to {screenshot}", file=sys.stderr)
                app.exit(1)

        if window.search_runner.busy:  # the first search is still filling the window
            window.search_runner.idle.connect(lambda: QTimer.singleShot(0, shoot))
        else:
            QTimer.singleShot(0, shoot)
    try:
        return app.exec()
    finally:
        for open_window in list(windows.windows):
            open_window.opening_checks.stop_now()
            open_window.stop_background()
            open_window.library.close()
