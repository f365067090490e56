"""The authority record form (new or edit) and the split dialog. Nothing
is written here: ``fields()`` and ``split()`` give what the user chose."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngodesk.domain.models import AltName, EntityKind, EntityView
from ngodesk.services.entities import RecordFields
from ngodesk.ui.editor import LANGUAGES
from ngodesk.ui.pickers import IdListEdit
from ngodesk.ui.suggestions_view import kind_label


class RecordDialog(QDialog):
    """Edits an authority record: preferred name, other names (each with
    its language, one preferred per language), type, country, external
    identifier, note and "see also" records (``others``: id -> label).
    ``record`` None: a new record of the kind chosen in the form."""

    NAME, LANGUAGE, PREFERRED = range(3)

    def __init__(
        self,
        record: EntityView | None,
        others: Mapping[int, str],
        see_also: Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = self.tr("New Record") if record is None else self.tr("Record “{name}”").format(name=record.name)
        self.setWindowTitle(title)
        self.setMinimumWidth(620)
        form = QFormLayout()
        self.kind = QComboBox()
        for kind in EntityKind:
            self.kind.addItem(kind_label(kind), kind.value)
        if record is not None:
            self.kind.setCurrentIndex(self.kind.findData(record.kind.value))
            self.kind.setEnabled(False)  # (merge into a record of the right kind instead)
        form.addRow(self.tr("&Kind:"), self.kind)
        self.name = QLineEdit(record.name if record else "")
        self.name.setPlaceholderText(self.tr("The name the catalogue files it under"))
        form.addRow(self.tr("&Name:"), self.name)

        self.names = QTableWidget(0, 3)
        self.names.setHorizontalHeaderLabels([self.tr("Other name"), self.tr("Language"), self.tr("Preferred")])
        self.names.verticalHeader().hide()
        self.names.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.names.setMinimumHeight(150)
        header = self.names.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.names.setToolTip(
            self.tr(
                "Names in other languages and scripts, acronyms, old names. Tick Preferred for the name to use in "
                "that language (one per language)."
            )
        )
        for alt in record.alt_names if record else ():
            self.add_name(alt)
        add, remove = QPushButton(self.tr("Add Name")), QPushButton(self.tr("Remove Name"))
        add.clicked.connect(lambda: self.add_name(AltName("", "")))
        remove.clicked.connect(self._remove_names)
        name_buttons = QHBoxLayout()
        name_buttons.addWidget(add)
        name_buttons.addWidget(remove)
        name_buttons.addStretch(1)
        names_box = QVBoxLayout()
        names_box.addWidget(self.names)
        names_box.addLayout(name_buttons)
        form.addRow(self.tr("Other names:"), names_box)

        self.type = QLineEdit(record.type if record else "")
        self.type.setPlaceholderText(self.tr("e.g. foundation, university, city"))
        self.country = QLineEdit(record.country if record else "")
        self.external_id = QLineEdit(record.external_id if record else "")
        self.external_id.setPlaceholderText(self.tr("e.g. a Wikidata id such as Q5100608 (kept as text)"))
        form.addRow(self.tr("&Type:"), self.type)
        form.addRow(self.tr("&Country:"), self.country)
        form.addRow(self.tr("E&xternal id:"), self.external_id)
        self.note = QPlainTextEdit(record.note if record else "")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        form.addRow(self.tr("N&ote:"), self.note)
        self.see_also = IdListEdit(others, see_also, self.tr("A record to see also"), self.tr("See also"))
        form.addRow(self.tr("&See also:"), self.see_also)

        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a4262c;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _remove_names(self) -> None:
        for row in sorted(self._selected_rows(), reverse=True):
            self.names.removeRow(row)

    def _selected_rows(self) -> set[int]:
        return {index.row() for index in self.names.selectionModel().selectedRows()}

    def add_name(self, alt: AltName) -> None:
        """A row for ``alt`` (an empty one to type in)."""
        row = self.names.rowCount()
        self.names.insertRow(row)
        self.names.setItem(row, self.NAME, QTableWidgetItem(alt.name))
        language = QComboBox()
        language.setEditable(True)
        language.addItems(["", *LANGUAGES])
        language.setCurrentText(alt.language)
        self.names.setCellWidget(row, self.LANGUAGE, language)
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        tick.setCheckState(Qt.CheckState.Checked if alt.preferred else Qt.CheckState.Unchecked)
        self.names.setItem(row, self.PREFERRED, tick)
        if not alt.name and (name := self.names.item(row, self.NAME)) is not None:
            self.names.editItem(name)

    def kind_chosen(self) -> EntityKind:
        return EntityKind(self.kind.currentData())

    def fields(self) -> RecordFields:
        """The record as the form says."""
        names = []
        for row in range(self.names.rowCount()):
            text = (self.names.item(row, self.NAME) or QTableWidgetItem()).text()
            language = self.names.cellWidget(row, self.LANGUAGE)
            assert isinstance(language, QComboBox)  # (every row is made with its language box)
            tick = self.names.item(row, self.PREFERRED) or QTableWidgetItem()
            preferred = tick.checkState() == Qt.CheckState.Checked
            if text.strip():
                names.append(AltName(text.strip(), language.currentText().strip(), preferred))
        return RecordFields(
            self.name.text(),
            tuple(names),
            self.note.toPlainText().strip(),
            self.type.text().strip(),
            self.country.text().strip(),
            self.external_id.text().strip(),
            self.see_also.ids(),
        )

    def _accept(self) -> None:
        """Refuse in the form what the library would refuse."""
        fields = self.fields()
        if not fields.name.strip():
            return self._refuse(self.tr("A record needs a name."))
        seen: dict[str, str] = {}
        for alt in fields.alt_names:
            if alt.preferred and alt.language in seen:
                return self._refuse(
                    self.tr("“{a}” and “{b}” cannot both be preferred in {language}.").format(
                        a=seen[alt.language], b=alt.name, language=alt.language or self.tr("no language")
                    )
                )
            if alt.preferred:
                seen[alt.language] = alt.name
        self.accept()
        return None

    def _refuse(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()


class SplitDialog(QDialog):
    """Split ``record`` in two: the new record's name, which of the other
    names go with it and which of the linked stories (``stories``: id ->
    title) are about it."""

    def __init__(self, record: EntityView, stories: Mapping[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split “{name}”").format(name=record.name))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "A new {kind} takes the names and stories you tick away from “{name}”; the two will see each other."
            ).format(kind=kind_label(record.kind).lower(), name=record.name)
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name of the new record"))
        self.names = self._ticks([(alt.name, alt.name) for alt in record.alt_names])
        self.stories = self._ticks([(story_id, title) for story_id, title in stories.items()])
        form = QFormLayout()
        form.addRow(self.tr("New &name:"), self.name)
        form.addRow(self.tr("Names it takes:"), self.names)
        form.addRow(self.tr("Stories about it:"), self.stories)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.split_button = buttons.addButton(self.tr("&Split"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.split_button.setEnabled(False)
        self.name.textChanged.connect(lambda text: self.split_button.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _ticks(self, entries: Sequence[tuple[object, str]]) -> QListWidget:
        listed = QListWidget()
        for value, label in entries:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setCheckState(Qt.CheckState.Unchecked)
            listed.addItem(item)
        listed.setMaximumHeight(160)
        return listed

    @staticmethod
    def _ticked(listed: QListWidget) -> list[object]:
        return [
            listed.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(listed.count())
            if listed.item(row).checkState() == Qt.CheckState.Checked
        ]

    def tick(self, listed: QListWidget, label: str) -> None:
        """Tick the entry of ``listed`` shown as ``label``."""
        for row in range(listed.count()):
            if listed.item(row).text() == label:
                listed.item(row).setCheckState(Qt.CheckState.Checked)

    def split(self) -> tuple[str, list[str], list[int]]:
        """(new name, names it takes, story ids it takes)."""
        names = [str(value) for value in self._ticked(self.names)]
        return self.name.text().strip(), names, [int(value) for value in self._ticked(self.stories)]  # type: ignore[call-overload]
