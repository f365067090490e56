"""The editor's attachments: the story's files as thumbnails (images) or
icons, with Attach Files…, Open (the system's viewer) and Remove, and
files dropped on the list attached. Each change is one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFileIconProvider,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ngodesk.domain.errors import NgodeskError
from ngodesk.services import attachments
from ngodesk.services.attachments import AttachmentView
from ngodesk.ui.commands import Actions, AddAttachments, RemoveAttachments

THUMB = 72
#: Thumbnails made so far, by content hash (each image is read once).
_THUMBS: dict[str, QIcon] = {}


def size_label(size: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


def _button(text: str) -> QToolButton:
    """A button as narrow as its text (the editor may be narrow)."""
    button = QToolButton()
    button.setText(text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


class _DropList(QListWidget):
    """The list, which takes files dropped from a file manager."""

    def __init__(self, dropped: object) -> None:
        super().__init__()
        self._dropped = dropped
        self.setAcceptDrops(True)

    def _files(self, event: QDragEnterEvent | QDropEvent) -> list[str]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [url.toLocalFile() for url in urls if url.isLocalFile() and Path(url.toLocalFile()).is_file()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self._files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = self._files(event)
        if files:
            event.acceptProposedAction()
            self._dropped(files)  # type: ignore[operator]


class AttachmentsBox(QWidget):
    """Shows the attachments of ``show_story``'s story."""

    def __init__(self, actions: Actions) -> None:
        super().__init__()
        self.commands = actions
        self.story_id: int | None = None
        self.views: list[AttachmentView] = []
        self.list = _DropList(self.attach)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 36, THUMB + 40))
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)  # (one row, scrolled sideways: the buttons stay in view)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setFixedHeight(THUMB + 64)
        self.list.setMinimumWidth(THUMB + 40)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName(self.tr("Attachments"))
        self.list.setToolTip(self.tr("Drop files here to attach them; double-click one to open it."))
        self.list.itemDoubleClicked.connect(lambda item: self.open(self.list.row(item)))
        self.list.itemSelectionChanged.connect(self._enable)
        self.attach_button = _button(self.tr("Attach…"))
        self.attach_button.setToolTip(self.tr("Attach files (photos, PDFs, audio notes) to this story"))
        self.attach_button.clicked.connect(lambda: self.attach(None))
        self.open_button = _button(self.tr("Open"))
        self.open_button.clicked.connect(lambda: self.open(self.list.currentRow()))
        self.remove_button = _button(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._enable()

    def show_story(self, story_id: int | None) -> None:
        """List the attachments of ``story_id`` (None: nothing)."""
        self.story_id = story_id
        self.list.clear()
        self.views = []
        if story_id is not None:
            try:
                self.views = attachments.attachments(self.commands.library, story_id)
            except NgodeskError:
                self.views = []
        provider = QFileIconProvider()
        for view in self.views:
            item = QListWidgetItem(self._icon(view, provider), view.name)
            item.setToolTip(f"{view.name}\n{view.mime}, {size_label(view.size)}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.list.addItem(item)
        self.list.setVisible(bool(self.views))
        self._enable()

    def _icon(self, view: AttachmentView, provider: QFileIconProvider) -> QIcon:
        if view.is_image and attachments.valid_sha256(view.sha256):
            if view.sha256 not in _THUMBS:
                reader = QImageReader(str(attachments.stored_path(self.commands.library, view.sha256)))
                reader.setAutoTransform(True)
                size = reader.size()
                if size.isValid() and max(size.width(), size.height()) > THUMB:
                    reader.setScaledSize(size.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
                image = reader.read()
                _THUMBS[view.sha256] = QIcon(QPixmap.fromImage(image)) if not image.isNull() else QIcon()
            if not _THUMBS[view.sha256].isNull():
                return _THUMBS[view.sha256]
        return provider.icon(QFileIconProvider.IconType.File)

    def _enable(self) -> None:
        writable = not self.commands.library.readonly and self.story_id is not None
        chosen = bool(self.list.selectedItems())
        self.attach_button.setEnabled(writable)
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(writable and chosen)

    def attach(self, files: list[str] | None) -> bool:
        """Attach ``files`` (asked for when None) to the story shown."""
        if self.story_id is None or self.commands.library.readonly:
            return False
        if files is None:
            files, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach Files"), str(Path.home()))
        if not files:
            return False
        return self._run(AddAttachments(self.story_id, files))

    def open(self, row: int) -> bool:
        """Open attachment ``row`` with the system's viewer."""
        if not 0 <= row < len(self.views):
            return False
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)) / "ngodesk-open"
        try:
            path = attachments.open_copy(self.commands.library, self.views[row], folder)
        except NgodeskError as error:
            QMessageBox.warning(self, self.tr("Open Attachment"), str(error))
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_selected(self) -> bool:
        """Detach the selected attachments (undoable)."""
        chosen = [self.views[self.list.row(item)] for item in self.list.selectedItems()]
        return bool(chosen) and self._run(RemoveAttachments(chosen))

    def _run(self, command: AddAttachments | RemoveAttachments) -> bool:
        try:
            self.commands.run(command)
        except NgodeskError as error:
            QMessageBox.warning(self, self.tr("Attachments"), str(error))
            return False
        return True
