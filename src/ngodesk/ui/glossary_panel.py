"""The glossary panel (a dock): browse, filter and edit terms, see the terms
of the story being edited, and their highlighting in its text."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import ChangeSet, StoryView, TermRecord, TermStatus
from ngodesk.formats import split_list
from ngodesk.search.text import fold
from ngodesk.services import glossary
from ngodesk.ui.commands import Actions, AddTerm, DeleteTerm, EditTerm
from ngodesk.ui.highlighting import highlighter
from ngodesk.ui.labels import term_status

_LIST_SEPARATOR = "; "


class TermHighlighter:
    """Marks glossary terms in a text document (dotted underline, tint): a
    layer of the document's highlighter (``ui.highlighting``)."""

    def __init__(self, document: QTextDocument) -> None:
        self.highlighter = highlighter(document)
        self.finder = glossary.TermFinder([])
        self.format = QTextCharFormat()
        self.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        self.format.setUnderlineColor(QColor("#b06000"))
        self.format.setBackground(QColor("#fff3d6"))

    def set_finder(self, finder: glossary.TermFinder) -> None:
        self.finder = finder
        self.highlighter.set_layer("terms", lambda text: ((o.start, o.end) for o in finder.find(text)), self.format)


def _matches(term: TermRecord, words: str) -> bool:
    """Whether a filter (folded, spaces dropped) finds ``term``: in its
    Chinese forms, its pinyin without tones (``zouchuqu``) or renderings."""
    forms = (term.term, term.traditional, term.pinyin, term.rendering, *term.alternatives, term.definition)
    return any(words in fold(form).replace(" ", "") for form in forms)


class GlossaryPanel(QWidget):
    """Lists terms (all, or those of the story shown) and edits the chosen
    one through undoable commands. ``finder_changed(TermFinder)``: the
    glossary changed; highlighters follow it."""

    finder_changed = Signal(object)

    def __init__(self, actions: Actions) -> None:
        super().__init__()
        self.commands = actions
        self.terms: list[tuple[int, TermRecord]] = []
        self.by_id: dict[int, TermRecord] = {}
        self.finder = glossary.TermFinder([])
        self._highlighters: list[TermHighlighter] = []
        self.story: StoryView | None = None
        self.in_story: set[int] = set()
        self.current: int | None = None  # the term in the form (None: a new one)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter: Chinese, pinyin or English…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._fill_table)
        self.only_story = QCheckBox(self.tr("Only terms in this story"))
        self.only_story.toggled.connect(self._fill_table)
        self.table = QTableWidget(0, 4)
        headings = [self.tr("Term"), self.tr("Pinyin"), self.tr("Rendering"), self.tr("Status")]
        self.table.setHorizontalHeaderLabels(headings)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)  # (long values are elided; the form shows them whole)
        fit, share = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        for column, mode in enumerate((fit, share, share, fit)):  # term, pinyin, rendering, status
            self.table.horizontalHeader().setSectionResizeMode(column, mode)
        self.table.itemSelectionChanged.connect(self._selected)
        self.summary = QLabel()

        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, label in (
            ("term", self.tr("Te&rm")),
            ("traditional", self.tr("Traditional")),
            ("pinyin", self.tr("Pinyin")),
            ("rendering", self.tr("Re&ndering")),
            ("alternatives", self.tr("Alternatives")),
            ("forbidden", self.tr("Forbidden")),
            ("subjects", self.tr("Subjects")),
        ):
            self.fields[name] = QLineEdit()
            form.addRow(label, self.fields[name])
        self.fields["traditional"].setPlaceholderText(self.tr("made from the term when empty"))
        self.fields["pinyin"].setPlaceholderText(self.tr("made from the term when empty"))
        for name in ("alternatives", "forbidden", "subjects"):
            self.fields[name].setPlaceholderText(self.tr("separated by ;"))
        self.status = QComboBox()
        for status in TermStatus:
            self.status.addItem(term_status(status.value), status.value)
        form.addRow(self.tr("Status"), self.status)
        self.definition = QPlainTextEdit()
        self.definition.setTabChangesFocus(True)
        self.definition.setMaximumHeight(70)
        form.addRow(self.tr("Definition"), self.definition)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(50)
        form.addRow(self.tr("Note"), self.note)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        self.new_button = QPushButton(self.tr("New Term"))
        self.new_button.clicked.connect(self.new_term)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.filter, self.only_story, self.table, self.summary):
            top_layout.addWidget(widget)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(form)
        bottom_layout.addWidget(self.error)
        form_area = QScrollArea()  # (the form scrolls, its buttons stay: the panel fits a 600-pixel screen)
        form_area.setWidgetResizable(True)
        form_area.setFrameShape(QFrame.Shape.NoFrame)
        form_area.setWidget(bottom)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(form_area)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addLayout(buttons)
        actions.hub.changed.connect(self._changed)
        self.reload()
        self.new_term()

    def mark_terms_in(self, documents: Iterable[QTextDocument]) -> None:
        """Mark the glossary's terms in ``documents`` from now on, following
        the glossary as it changes."""
        for document in documents:
            marks = TermHighlighter(document)
            marks.set_finder(self.finder)
            self.finder_changed.connect(marks.set_finder)
            self._highlighters.append(marks)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as it can be: its dock opens without crowding the
        story list (the user may widen it)."""
        return QSize(self.minimumSizeHint().width(), super().sizeHint().height())

    def reload(self) -> None:
        """Read the glossary again (after a change) and show it."""
        self.terms = glossary.terms(self.commands.library)
        self.by_id = dict(self.terms)
        if self.current is not None and self.current not in self.by_id:  # (deleted, or its adding undone)
            self._edit(None, TermRecord(""))
        self.finder = glossary.TermFinder(self.terms)
        self.finder_changed.emit(self.finder)
        self._find_in_story()
        self._fill_table()

    def show_story(self, story: StoryView | None) -> None:
        """Mark the terms occurring in ``story`` (None: no story shown)."""
        self.story = story
        self._find_in_story()
        self._fill_table()

    def _find_in_story(self) -> None:
        text = "\n".join((self.story.title, self.story.summary, self.story.body)) if self.story else ""
        self.in_story = {found.term_id for found in self.finder.find(text)}

    def _changed(self, changes: ChangeSet, initiator: object) -> None:
        if changes.terms:
            self.reload()

    def _fill_table(self) -> None:
        words = fold(self.filter.text()).replace(" ", "")
        shown = [
            (term_id, term)
            for term_id, term in self.terms
            if (not words or _matches(term, words)) and (not self.only_story.isChecked() or term_id in self.in_story)
        ]
        self.table.blockSignals(True)
        self.table.setRowCount(len(shown))
        for row, (term_id, term) in enumerate(shown):
            status = term_status(term.status)
            for column, text in enumerate((term.term, term.pinyin, term.rendering, status)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, term_id)
                if term_id in self.in_story:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if term.forbidden and column == 2:
                    item.setToolTip(self.tr("Not: {forbidden}").format(forbidden=_LIST_SEPARATOR.join(term.forbidden)))
                self.table.setItem(row, column, item)
            if term_id == self.current:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self.summary.setText(
            self.tr("{shown} of %Ln terms; {in_story} in this story.", "", len(self.terms)).format(
                shown=len(shown), in_story=len(self.in_story)
            )
        )

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            term_id = rows[0].data(Qt.ItemDataRole.UserRole)
            self._edit(term_id, self.by_id[term_id])

    def _edit(self, term_id: int | None, term: TermRecord) -> None:
        self.current = term_id
        for name, line in self.fields.items():
            value = getattr(term, name)
            line.setText(_LIST_SEPARATOR.join(value) if isinstance(value, tuple) else value)
            line.setCursorPosition(0)
        self.status.setCurrentIndex(self.status.findData(term.status.value))
        self.definition.setPlainText(term.definition)
        self.note.setPlainText(term.note)
        self.delete_button.setEnabled(term_id is not None and not self.commands.library.readonly)
        self.save_button.setEnabled(not self.commands.library.readonly)
        self.error.hide()

    def new_term(self) -> None:
        """Clear the form for a new term (Chinese to English)."""
        self.table.clearSelection()
        self._edit(None, TermRecord(""))
        self.fields["term"].setFocus()

    def _form(self) -> TermRecord:
        """The term as the form has it (languages and extra kept)."""
        base = self.by_id[self.current] if self.current is not None else TermRecord("")
        values = {name: line.text().strip() for name, line in self.fields.items()}
        if values["term"] != base.term:  # readings made for the old term are made again
            for name in ("traditional", "pinyin"):
                if values[name] == getattr(base, name):
                    values[name] = ""
        return dataclasses.replace(
            base,
            term=values["term"],
            traditional=values["traditional"],
            pinyin=values["pinyin"],
            rendering=values["rendering"],
            alternatives=split_list(values["alternatives"]),
            forbidden=split_list(values["forbidden"]),
            subjects=split_list(values["subjects"]),
            definition=self.definition.toPlainText().strip(),
            note=self.note.toPlainText().strip(),
            status=TermStatus(self.status.currentData()),
        )

    def save(self) -> None:
        """Save the form: a new term, or the changes to the one chosen."""
        record = self._form()
        if self.current is None:
            command: AddTerm | EditTerm = AddTerm(record)
        else:
            command = EditTerm(self.current, self.by_id[self.current], record)
        try:
            self.commands.run(command, self)
        except NgodeskError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.current = command.term_id
        self._fill_table()

    def delete(self) -> None:
        """Delete the term chosen (undoable)."""
        if self.current is None:
            return
        self.commands.run(DeleteTerm(self.current, self.by_id[self.current]), self)
        self.new_term()
