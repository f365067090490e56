"""The dialog that maps a table file's columns onto story fields before
an import, with a preview of the first stories as they will come in."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngodesk.formats import ImportOptions, csv_table, places

#: Rows shown in the preview.
PREVIEW_ROWS = 8
#: Sample values shown per column.
SAMPLES = 3


def _field_labels() -> list[tuple[str, str]]:
    """(field, label) in the order the field lists offer them."""
    translate = QCoreApplication.translate
    return [
        ("title", translate("ColumnMap", "Title")),
        ("summary", translate("ColumnMap", "Summary")),
        ("body", translate("ColumnMap", "Body")),
        ("url", translate("ColumnMap", "Web address")),
        ("source", translate("ColumnMap", "Source")),
        ("published", translate("ColumnMap", "Published")),
        ("language", translate("ColumnMap", "Language")),
        ("tags", translate("ColumnMap", "Tags (several: a; b)")),
        ("people", translate("ColumnMap", "People (several: a; b)")),
        ("organisations", translate("ColumnMap", "Organisations (several: a; b)")),
        ("places", translate("ColumnMap", "Places (several: a; b)")),
        (csv_table.EXTRA, translate("ColumnMap", "Keep in extra data")),
        (csv_table.IGNORE, translate("ColumnMap", "Leave out")),
    ]


def _head(table: csv_table.Table, text: str, rows: int) -> str:
    """The text of the file's first ``rows`` rows (header included)."""
    lines = text.split("\n")
    try:
        for count, (start, _) in enumerate(table.rows(text)):
            if count == rows:
                return "\n".join(lines[: start - 1]) + "\n"
    except csv.Error:
        pass  # (malformed: the preview shows what parse() reports)
    return text


class ColumnMapDialog(QDialog):
    """Choose the field each column fills; ``options()`` gives the choice."""

    def __init__(self, path: Path, table: csv_table.Table, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table, self.head = table, _head(table, text, PREVIEW_ROWS + 1)
        self.header = table.header(text)
        self.setWindowTitle(self.tr("Import {file}").format(file=path.name))
        intro = QLabel(
            self.tr(
                "Choose the story field each column of {file} fills. Columns kept in extra data stay with the story "
                "under their heading."
            ).format(file=path.name)
        )
        intro.setWordWrap(True)
        self.columns = QTableWidget(len(self.header), 3)
        self.columns.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Story field"), self.tr("Examples")])
        self.columns.verticalHeader().hide()
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.choosers: list[QComboBox] = []
        automatic = csv_table.automatic_mapping(self.header)
        samples = self._samples()
        for row, column in enumerate(self.header):
            self.columns.setItem(row, 0, QTableWidgetItem(column))
            chooser = QComboBox()
            for field, label in _field_labels():
                chooser.addItem(label, field)
            chooser.setCurrentIndex(chooser.findData(automatic.get(column, csv_table.EXTRA)))
            chooser.currentIndexChanged.connect(self._update)
            self.columns.setCellWidget(row, 1, chooser)
            self.choosers.append(chooser)
            self.columns.setItem(row, 2, QTableWidgetItem(" | ".join(samples.get(column, []))))
        self.columns.resizeColumnsToContents()
        self.preview = QTableWidget(0, 5)
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Title"), self.tr("Published"), self.tr("Tags"), self.tr("People")]
        )
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.columns, 3)
        layout.addWidget(QLabel(self.tr("The first stories, as they will be imported:")))
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(820, 560)
        self._update()

    def _samples(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        try:
            rows = [cells for _, cells in self.table.rows(self.head)][1:]
        except csv.Error:
            rows = []  # (the preview names the fault)
        for cells in rows:
            for column, cell in zip(self.header, cells, strict=False):
                value = " ".join(csv_table.unwrap(cell).split())
                if value and len(found.setdefault(column, [])) < SAMPLES:
                    found[column].append(value[:40])
        return found

    def options(self) -> ImportOptions:
        """The import options for the choice made."""
        return ImportOptions(columns={c: str(w.currentData()) for c, w in zip(self.header, self.choosers, strict=True)})

    def _update(self) -> None:
        result = self.table.parse(self.head, self.options())
        self.preview.setRowCount(len(result.records))
        for row, record in enumerate(result.records):
            values = [places.line_of(record.position), record.title, record.published]
            values += ["; ".join(record.tags), "; ".join(record.people)]
            for column, value in enumerate(values):
                self.preview.setItem(row, column, QTableWidgetItem(value))
        self.preview.resizeColumnToContents(0)
        blocking = [p for p in result.problems if p.position in (places.the_file(), places.line_place(1))]
        if "title" not in self.options().columns.values():
            text = self.tr("Choose the column that holds the title.")
        else:
            text = "\n".join(f"{p.position}: {p.reason}" for p in (blocking or result.problems)[:3])
        self.problem.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not blocking)
