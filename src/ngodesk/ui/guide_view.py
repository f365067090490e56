"""Help > User Guide: the guide's Markdown pages (``docs/guide``, shipped
as ``ngodesk.guide``) read inside the program, offline, in the interface's
language (``docs/guide/zh`` for Chinese); links between pages are followed
here, links to the web go to the system's browser."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImageReader, QKeySequence, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ngodesk.ui import i18n, settings

#: The guide's translations: interface language -> folder in the guide.
TRANSLATED = {"zh_CN": "zh"}


def guide_folder(language: str = "en") -> Path:
    """Where the guide's pages in ``language`` (an interface language) are,
    ``index.md`` first: the English ones when it has no translation."""
    folder = Path(str(resources.files("ngodesk.guide").joinpath("guide")))
    return folder / TRANSLATED[language] if language in TRANSLATED else folder


class GuideWindow(QDialog):
    """The user guide, with Back, Forward and Contents; not modal, so it
    can stay open beside the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ngodesk User Guide"))
        self.browser = QTextBrowser()
        self._sizes: dict[str, tuple[int, int] | None] = {}
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.sourceChanged.connect(self._update_title)
        self.browser.sourceChanged.connect(self._fit_images)
        back, forward = QPushButton(self.tr("&Back")), QPushButton(self.tr("&Forward"))
        home = QPushButton(self.tr("&Contents"))
        back.setShortcut(QKeySequence.StandardKey.Back)
        forward.setShortcut(QKeySequence.StandardKey.Forward)
        back.clicked.connect(self.browser.backward)
        forward.clicked.connect(self.browser.forward)
        home.clicked.connect(self.browser.home)
        self.browser.backwardAvailable.connect(back.setEnabled)
        self.browser.forwardAvailable.connect(forward.setEnabled)
        back.setEnabled(False)
        forward.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (back, forward, home):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.browser, 1)
        settings.resize_within_screen(self, 860, 680)
        index = guide_folder(i18n.in_use()) / "index.md"
        if index.exists():
            self.browser.setSource(QUrl.fromLocalFile(str(index)))
        else:
            missing = self.tr("The user guide is not installed ({path} is missing).")
            self.browser.setPlainText(missing.format(path=index))

    def _follow(self, url: QUrl) -> None:
        """Pages of the guide open here; anything else (the web, e-mail)
        opens with the system."""
        target = self.browser.source().resolved(url)
        if target.isLocalFile() and target.path().endswith(".md"):
            self.browser.setSource(target)
        elif not target.isLocalFile() or Path(target.toLocalFile()).exists():
            QDesktopServices.openUrl(target)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_images)  # (once the page has its new width)

    def _fit_images(self) -> None:
        """Pictures wider than the page shrink to its width (screenshots are
        made at 1200 pixels; the window is often narrower)."""
        document = self.browser.document()
        room = max(200, self.browser.viewport().width() - 2 * int(document.documentMargin()) - 8)
        cursor = QTextCursor(document)
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                picture = fragment.charFormat().toImageFormat()
                if fragment.charFormat().isImageFormat():
                    size = self._natural_size(picture.name())
                    if size is not None:
                        width = min(room, size[0])
                        picture.setWidth(width)
                        picture.setHeight(size[1] * width / size[0])
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(picture)
                fragments += 1
            block = block.next()

    def _natural_size(self, name: str) -> tuple[int, int] | None:
        """A picture's own size, read from its file once (resizing the
        window fits the pictures again and again)."""
        path = self.browser.source().resolved(QUrl(name)).toLocalFile()
        if path not in self._sizes:
            size = QImageReader(path).size() if path else None
            self._sizes[path] = (size.width(), size.height()) if size is not None and size.width() > 0 else None
        return self._sizes[path]

    def _update_title(self) -> None:
        title = self.browser.document().firstBlock().text() or self.browser.source().fileName()  # (the page's heading)
        self.setWindowTitle(self.tr("ngodesk User Guide: {page}").format(page=title))
