"""Field work dialogs: what a field copy holds and where it goes (File >
Export Field Copy), and settling merge conflicts (File > Merge Conflicts):
both values side by side with who changed them and when; keep mine, take
theirs, or write a combined value; or leave it for later."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ngodesk.services.conflicts import DELETED, ConflictView
from ngodesk.services.field_copy import ARCHIVE_SUFFIX
from ngodesk.ui.i18n import number
from ngodesk.ui.labels import field_label


class FieldCopyDialog(QDialog):
    """Which stories go (all, those listed, those selected) and where: a
    new folder or one archive file. ``choice()`` once accepted."""

    def __init__(self, listed: int, selected: int, total: int, start: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Field Copy"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "A field copy is a library of its own to take where there is no connection. Merge it back later "
                "with File > Merge Library…: changes on both sides are combined, and conflicts are shown to you."
            )
        )
        intro.setWordWrap(True)
        self.scope = QButtonGroup(self)
        scope_box = QGroupBox(self.tr("Stories"))
        scope_layout = QVBoxLayout(scope_box)
        for key, text, count in (
            (0, self.tr("The whole library (%Ln stories)", "", total), total),
            (1, self.tr("The stories listed now ({n})").format(n=number(listed)), listed),
            (2, self.tr("The selected stories ({n})").format(n=number(selected)), selected),
        ):
            button = QRadioButton(text)
            button.setEnabled(count > 0 or key == 0)
            self.scope.addButton(button, key)
            scope_layout.addWidget(button)
        self.scope.button(0).setChecked(True)
        one_file = self.tr("One file ({suffix}), for a USB stick or e-mail").format(suffix=ARCHIVE_SUFFIX)
        self.as_file = QRadioButton(one_file)
        self.as_folder = QRadioButton(self.tr("A library folder"))
        self.as_file.setChecked(True)
        self.path = QLineEdit(str(start / f"field-copy{ARCHIVE_SUFFIX}"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.as_folder.toggled.connect(self._kind_changed)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("As:"), self.as_file)
        form.addRow("", self.as_folder)
        form.addRow(self.tr("To:"), where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scope_box)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _kind_changed(self, folder: bool) -> None:
        path = Path(self.path.text())
        if folder and path.name.endswith(ARCHIVE_SUFFIX):
            self.path.setText(str(path.with_name(path.name.removesuffix(ARCHIVE_SUFFIX))))
        elif not folder and not path.name.endswith(ARCHIVE_SUFFIX):
            self.path.setText(str(path) + ARCHIVE_SUFFIX)

    def _browse(self) -> None:
        if self.as_folder.isChecked():
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("New Folder for the Copy"), self.path.text())
        else:
            kind = self.tr("Field copies")
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Field Copy File"), self.path.text(), f"{kind} (*{ARCHIVE_SUFFIX})"
            )
        if chosen:
            self.path.setText(chosen)
            self._kind_changed(self.as_folder.isChecked())

    def choice(self) -> tuple[int, Path, bool]:
        """(0 all / 1 listed / 2 selected, where, as one file)."""
        return self.scope.checkedId(), Path(self.path.text()).expanduser(), self.as_file.isChecked()


class ConflictsDialog(QDialog):
    """The open conflicts; ``settle(conflict, value)`` settles one (value
    None: delete the record, for a deletion conflict) and returns whether
    it could; settled ones leave the list, the others stay for later."""

    def __init__(
        self,
        found: Sequence[ConflictView],
        settle: Callable[[ConflictView, str | None], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge Conflicts"))
        self.found, self._settle = list(found), settle
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show)
        self.mine_head, self.theirs_head = QLabel(), QLabel()
        self.mine, self.theirs = QPlainTextEdit(), QPlainTextEdit()
        for box in (self.mine, self.theirs):
            box.setReadOnly(True)
        self.combined = QPlainTextEdit()
        self.combined.setPlaceholderText(self.tr("Write the value to keep, e.g. from both"))
        self.keep_mine = QPushButton(self.tr("Keep &Mine"))
        self.take_theirs = QPushButton(self.tr("Take &Theirs"))
        self.use_combined = QPushButton(self.tr("Use &Combined"))
        self.keep_mine.clicked.connect(lambda: self._choose(current.mine if (current := self.current()) else None))
        self.take_theirs.clicked.connect(lambda: self._choose(current.theirs if (current := self.current()) else None))
        self.use_combined.clicked.connect(lambda: self._choose(self.combined.toPlainText()))
        detail = QWidget()
        grid = QVBoxLayout(detail)
        sides = QHBoxLayout()
        for head, box in ((self.mine_head, self.mine), (self.theirs_head, self.theirs)):
            column = QVBoxLayout()
            head.setWordWrap(True)
            column.addWidget(head)
            column.addWidget(box)
            sides.addLayout(column)
        grid.addLayout(sides, 2)
        self.combined_label = QLabel(self.tr("Combined value:"))
        grid.addWidget(self.combined_label)
        grid.addWidget(self.combined, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.keep_mine, self.take_theirs, self.use_combined):
            row.addWidget(button)
        grid.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setSizes([260, 640])
        buttons = QDialogButtonBox()
        later = buttons.addButton(self.tr("Settle &Later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setToolTip(self.tr("The conflicts left stay listed (File > Merge Conflicts…); your values are kept."))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(920, 520)
        self._fill()

    def current(self) -> ConflictView | None:
        row = self.list.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def _fill(self) -> None:
        self.list.clear()
        kinds = {
            "tag": self.tr("Tag"),
            "entity": self.tr("Authority record"),
            "term": self.tr("Glossary term"),
            "collection": self.tr("Collection"),
            "translation": self.tr("Translation"),
            "annotation": self.tr("Note"),
            "attachment": self.tr("Attachment"),
        }
        for c in self.found:
            what = self.tr("Deleted on one side") if c.field == DELETED else field_label(c.field).capitalize()
            if c.kind in kinds:
                what = f"{kinds[c.kind]} · {what}"
            item = QListWidgetItem(self.tr("{what}: {label}").format(what=what, label=c.label))
            item.setToolTip(f"{c.label}\n{what}\n{c.source}")
            self.list.addItem(item)
        if not self.found:
            self.summary.setText(self.tr("No conflicts left to settle."))
        elif len(self.found) == 1:
            self.summary.setText(self.tr("1 conflict to settle. Your library keeps its own value until you choose."))
        else:
            self.summary.setText(
                self.tr("{n} conflicts to settle. Your library keeps its own values until you choose.").format(
                    n=len(self.found)
                )
            )
        if self.found:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        c = self.current()
        for widget in (self.keep_mine, self.take_theirs, self.use_combined, self.combined):
            widget.setEnabled(c is not None)
        if c is None:
            for box in (self.mine, self.theirs, self.combined):
                box.clear()
            self.mine_head.clear()
            self.theirs_head.clear()
            return
        deletion = c.field == DELETED
        self.mine_head.setText(self._side(self.tr("This library"), c.mine_who, c.mine_at))
        self.theirs_head.setText(self._side(self.tr("Merged in"), c.theirs_who, c.theirs_at))
        self.theirs_head.setToolTip(c.source)
        if deletion:
            edited = self.tr("{label}\n\n(edited since the last merge; kept here until you choose)")
            self.mine.setPlainText(self.tr("(deleted here)") if c.mine is None else edited.format(label=c.mine))
            self.theirs.setPlainText(self.tr("(deleted there)") if c.theirs is None else edited.format(label=c.theirs))
            self.keep_mine.setText(self.tr("&Delete It") if c.mine is None else self.tr("&Keep It"))
            self.take_theirs.setText(self.tr("&Delete It") if c.theirs is None else self.tr("&Keep It"))
        else:
            self.mine.setPlainText(c.mine or "")
            self.theirs.setPlainText(c.theirs or "")
            self.keep_mine.setText(self.tr("Keep &Mine"))
            self.take_theirs.setText(self.tr("Take &Theirs"))
        self.combined.setPlainText(c.mine or c.theirs or "")
        self.combined.setVisible(not deletion)
        self.combined_label.setVisible(not deletion)
        self.use_combined.setVisible(not deletion)

    def _side(self, name: str, who: str, at: str) -> str:
        if who or at:
            return self.tr("{side} · {who} · {at}").format(side=name, who=who or "?", at=at[:16] or "?")
        return name

    def _choose(self, value: str | None) -> None:
        c = self.current()
        if c is not None and self._settle(c, value):
            self.found.remove(c)
            self._fill()
