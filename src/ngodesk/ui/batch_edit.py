"""Story > Batch Edit: one change to many stories, previewed in full
before it is applied. The preview is worked out off the GUI thread (a
``Job``); any change to the form drops it, so what is applied is always
what was last shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ngodesk.domain.models import EntityView, Progress, StoryStatus
from ngodesk.search.chinese import sort_key
from ngodesk.services.batch import REPLACEABLE, BatchEdit, FieldChange, Plan, Replacement
from ngodesk.ui import settings
from ngodesk.ui.chips import ChipEdit
from ngodesk.ui.combo import matching_anywhere
from ngodesk.ui.editor import LANGUAGES
from ngodesk.ui.jobs import Job
from ngodesk.ui.labels import field_label, language_name, record_name, story_status
from ngodesk.ui.suggestions_view import kind_label

#: Characters of context shown on each side of a change in the preview.
_CONTEXT = 40
_PROBLEM = QBrush(QColor("#fde2e1"))


def excerpt(old: str, new: str) -> tuple[str, str]:
    """The part of ``old`` and ``new`` that differs, with a little of the
    text around it (``…`` where text is left out): a body changed in one
    word shows that word, not the whole body."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    left = max(0, start - _CONTEXT)

    def cut(text: str) -> str:
        right = min(len(text), len(text) - end + _CONTEXT)
        return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")

    return cut(old), cut(new)


class _PreviewModel(QAbstractTableModel):
    """Every field change of a plan: story, field, before, after."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.changes: list[FieldChange] = []
        self._headers = [self.tr("Story"), self.tr("Field"), self.tr("Before"), self.tr("After")]

    def show(self, changes: Sequence[FieldChange]) -> None:
        self.beginResetModel()
        self.changes = sorted(changes, key=lambda c: (not c.problem, c.story_id))  # problems first
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        change = self.changes[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and change.problem:
            return _PROBLEM
        if role == Qt.ItemDataRole.ToolTipRole:
            return change.problem or (change.new if index.column() == 3 else change.old)[:2000]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        before, after = excerpt(change.old, change.new)
        return (
            change.title,
            field_label(change.field),
            before,
            after if not change.problem else f"{after} ⚠ {change.problem}",
        )[index.column()]


class _Setting(QWidget):
    """A tick box that enables the editor beside it: "Set language to [..]"."""

    def __init__(self, label: str, editor: QWidget, read: Callable[[], str], changed: Callable[[], None]) -> None:
        super().__init__()
        self.box, self._read = QCheckBox(label), read
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(editor, 1)
        editor.setEnabled(False)
        self.box.toggled.connect(editor.setEnabled)
        self.box.toggled.connect(changed)

    def value(self) -> str | None:
        """The value to set, or None when the box is not ticked."""
        return self._read() if self.box.isChecked() else None


class BatchEditDialog(QDialog):
    """The form, the preview and Apply. ``plan`` is the previewed plan
    once the dialog is accepted. ``preview(edit, progress)`` works out a
    plan (run in a background job)."""

    def __init__(
        self,
        scope: str,
        tag_paths: Sequence[str],
        records: Sequence[EntityView],
        preview: Callable[[BatchEdit, Progress], Plan],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Batch Edit"))
        self._preview_work = preview
        self.plan: Plan | None = None
        self.job: Job | None = None
        heading = QLabel(scope)
        heading.setWordWrap(True)

        self.add_tags = self._chips(self.tr("Add a tag: type a path, press Enter"), self.tr("Tags to add"), tag_paths)
        self.remove_tags = self._chips(
            self.tr("Remove a tag: type a path, press Enter"), self.tr("Tags to remove"), tag_paths
        )
        status = QComboBox()
        for value in StoryStatus:
            status.addItem(story_status(value.value), value.value)
        language = QComboBox()
        language.setEditable(True)
        language.addItems([language_name(tag) for tag in LANGUAGES])  # (names read as their tags: fields.language_tag)
        language.setToolTip(self.tr("A language code such as en, zh-Hans or zh-Hant; empty: no language"))
        source = QLineEdit()
        source.setPlaceholderText(self.tr("e.g. Xinhua (empty: no source)"))
        self.status = _Setting(self.tr("Set status to"), status, status.currentData, self._edited)
        self.language = _Setting(self.tr("Set language to"), language, language.currentText, self._edited)
        self.source = _Setting(self.tr("Set source to"), source, source.text, self._edited)
        language.currentTextChanged.connect(self._edited)
        source.textChanged.connect(self._edited)
        status.currentIndexChanged.connect(self._edited)

        self.record = QComboBox()
        self.record.setEditable(True)
        self.record.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.record.addItem(self.tr("(none)"), 0)
        for view in sorted(records, key=lambda v: sort_key(record_name(v))):  # (by name shown; Chinese by pinyin)
            self.record.addItem(f"{record_name(view)} ({kind_label(view.kind)})", view.id)
        matching_anywhere(self.record).setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.record.currentIndexChanged.connect(self._edited)

        links = QGroupBox(self.tr("Tags and records"))
        form = QFormLayout(links)
        form.addRow(self.tr("Add tags:"), self.add_tags)
        form.addRow(self.tr("Remove tags:"), self.remove_tags)
        form.addRow(self.tr("Link record:"), self.record)
        values = QGroupBox(self.tr("Fields"))
        column = QVBoxLayout(values)
        width = max(setting.box.sizeHint().width() for setting in (self.status, self.language, self.source))
        for setting in (self.status, self.language, self.source):
            setting.box.setMinimumWidth(width)  # (the editors line up)
            column.addWidget(setting)

        self.field = QComboBox()
        for name in REPLACEABLE:
            self.field.addItem(field_label(name), name)
        self.find_text, self.replace = QLineEdit(), QLineEdit()
        self.find_text.setPlaceholderText(self.tr("text to find (empty: no replacing)"))
        self.replace.setPlaceholderText(self.tr("replace with (regular expressions: \\1 is the first group)"))
        self.regex, self.match_case = QCheckBox(self.tr("Regular expression")), QCheckBox(self.tr("Match case"))
        self.match_case.setChecked(True)
        replace_box = QGroupBox(self.tr("Find and replace"))
        replace_form = QFormLayout(replace_box)
        replace_form.addRow(self.tr("In:"), self.field)
        replace_form.addRow(self.tr("Find:"), self.find_text)
        replace_form.addRow(self.tr("Replace with:"), self.replace)
        ticks = QHBoxLayout()
        ticks.addWidget(self.regex)
        ticks.addWidget(self.match_case)
        ticks.addStretch(1)
        replace_form.addRow("", ticks)
        for signal in (self.field.currentIndexChanged, self.regex.toggled, self.match_case.toggled):
            signal.connect(self._edited)
        for line in (self.find_text, self.replace):
            line.textChanged.connect(self._edited)

        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.clicked.connect(self.preview)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = _PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 200)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(links)
        left.addWidget(values)
        top.addLayout(left, 1)
        top.addWidget(replace_box, 1)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.preview_button)
        preview_row.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addLayout(preview_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        settings.resize_within_screen(self, 980, 640)
        self._edited()

    def _chips(self, placeholder: str, name: str, completions: Sequence[str]) -> ChipEdit:
        chips = ChipEdit(placeholder, name)
        chips.set_completions(completions)

        def added(text: str) -> None:
            chips.set_values([*chips.values(), text] if text not in chips.values() else chips.values())
            self._edited()

        def removed(text: str) -> None:
            chips.set_values([v for v in chips.values() if v != text])
            self._edited()

        chips.added.connect(added)
        chips.removed.connect(removed)
        return chips

    def edit(self) -> BatchEdit:
        """What the form asks for."""
        values = tuple(
            (name, value)
            for name, setting in (("status", self.status), ("language", self.language), ("source", self.source))
            if (value := setting.value()) is not None
        )
        replacement = None
        if self.find_text.text():
            replacement = Replacement(
                self.field.currentData(),
                self.find_text.text(),
                self.replace.text(),
                regex=self.regex.isChecked(),
                ignore_case=not self.match_case.isChecked(),
            )
        record = self.record.currentData()
        return BatchEdit(
            add_tags=tuple(self.add_tags.values()),
            remove_tags=tuple(self.remove_tags.values()),
            values=values,
            link_entities=(record,) if record else (),
            replacement=replacement,
        )

    def _edited(self) -> None:
        """The form changed: the preview no longer shows what would happen."""
        self.plan = None
        self.model.show(())
        self.apply_button.setEnabled(False)
        empty = self.edit().empty
        self.preview_button.setEnabled(not empty)
        self.summary.setStyleSheet("")
        self.summary.setText(
            self.tr("Choose what to change, then Preview: every change is shown before anything is applied.")
            if empty
            else self.tr("Press Preview to see every change.")
        )

    def preview(self) -> Job | None:
        """Work out the plan in the background and show it."""
        if self.job is not None and self.job.running():
            return None
        edit = self.edit()
        self.job = Job(self, self.tr("Working out the changes"), lambda progress: self._preview_work(edit, progress))
        self.job.finished.connect(self._previewed)
        self.job.failed.connect(self._failed)
        self.preview_button.setEnabled(False)
        self.job.ended.connect(lambda: self.preview_button.setEnabled(not self.edit().empty))
        self.job.start()
        return self.job

    def _failed(self, message: str) -> None:
        self.summary.setStyleSheet("color: #a4262c;")
        self.summary.setText(message)

    def _previewed(self, plan: Plan) -> None:
        self.model.show(plan.changes)
        if problems := plan.problems:
            self._failed(
                self.tr(
                    "{n} of the changes cannot be made (shown first, in red); change the form and preview again."
                ).format(n=len(problems))
            )
            return
        if plan.empty:
            self.summary.setText(self.tr("Nothing would change: the stories are like that already."))
            return
        parts = [self.tr("%Ln stories will change.", "", len(plan.stories))]
        parts += [self.tr("Tag {path}: %Ln stories.", "", len(s)).format(path=p) for p, s in plan.tag.items()]
        parts += [self.tr("Untag {path}: %Ln stories.", "", len(s)).format(path=p) for p, s in plan.untag.items()]
        if plan.link:
            parts.append(
                self.tr("Link {record}: %Ln stories.", "", len(next(iter(plan.link.values())))).format(
                    record=self.record.currentText()
                )
            )
        if plan.changes:
            parts.append(self.tr("%Ln field values (below).", "", len(plan.changes)))
        self.summary.setStyleSheet("")
        self.summary.setText(" ".join(parts))
        self.plan = plan
        self.apply_button.setEnabled(True)
