"""The Annotations panel: the annotations of the story shown, listed by
place and highlighted in its texts. Selecting words in the title, summary
or body (original or translation) and pressing Annotate Selection makes a
new one; choosing one in the list selects its passage."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QColor, QKeySequence, QResizeEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import AnnotationKind, AnnotationView, ChangeSet, StoryView, TermRecord
from ngodesk.services import annotating, glossary
from ngodesk.services.annotating import NewAnnotation
from ngodesk.ui.commands import Actions, AddAnnotation, DeleteAnnotation, EditAnnotation
from ngodesk.ui.editor import StoryEditor
from ngodesk.ui.highlighting import py_index, qt_offset
from ngodesk.ui.labels import field_label, language_name

TextWidget = QLineEdit | QPlainTextEdit
HIGHLIGHT = QColor(255, 236, 150)


@dataclass(frozen=True)
class _Place:
    """A text widget and what it shows: a field, "" or a language."""

    widget: TextWidget
    field: str
    language: str


def _kind_labels() -> dict[AnnotationKind, str]:
    translate = QCoreApplication.translate
    return {
        AnnotationKind.COMMENT: translate("Annotations", "Comment"),
        AnnotationKind.RENDERING: translate("Annotations", "Suggested rendering"),
        AnnotationKind.TERM: translate("Annotations", "Glossary term"),
    }


def _text(widget: TextWidget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


class AnnotationPanel(QWidget):
    """Lists, highlights and makes the annotations of the editor's story."""

    def __init__(self, actions: Actions, editor: StoryEditor) -> None:
        super().__init__()
        self.commands, self.editor = actions, editor
        self.story: StoryView | None = None
        self.views: list[AnnotationView] = []
        #: the text widget the user was last in (buttons take the focus)
        self.last: _Place | None = None
        layout = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Select words in the story, then Annotate Selection."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.hint)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setAccessibleName(self.tr("Annotations of this story"))
        self.list.currentRowChanged.connect(self._chosen)
        layout.addWidget(self.list, 1)
        self.kind = QComboBox()
        for kind, label in _kind_labels().items():
            self.kind.addItem(label, kind.value)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        layout.addWidget(self.kind)
        #: the glossary's terms (id, record), for term annotations
        self.terms: list[tuple[int, TermRecord]] = []
        self.finder = glossary.TermFinder([])
        self.term = QComboBox()
        self.term.setAccessibleName(self.tr("Glossary term"))
        self.term.setToolTip(self.tr("The glossary term these words are (found in the selection when it holds one)"))
        self.term.setVisible(False)
        for combo in (self.kind, self.term):  # (as narrow as the dock: long entries are elided)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        layout.addWidget(self.term)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("Comment, or the rendering you suggest"))
        self.body.setTabChangesFocus(True)
        self.body.setMaximumHeight(90)
        layout.addWidget(self.body)
        buttons = QGridLayout()  # (two rows: the dock stays narrow beside the story list)
        self.annotate = QPushButton(self.tr("&Annotate Selection"))
        self.annotate.setShortcut(QKeySequence("Ctrl+Alt+A"))
        self.annotate.setToolTip(self.tr("Annotate the words selected in the story (Ctrl+Alt+A)"))
        self.annotate.clicked.connect(self.annotate_selection)
        self.save = QPushButton(self.tr("Save Text"))
        self.save.clicked.connect(self._save_body)
        self.delete = QPushButton(self.tr("Delete"))
        self.delete.clicked.connect(self._delete)
        buttons.addWidget(self.annotate, 0, 0, 1, 2)
        buttons.addWidget(self.save, 1, 0)
        buttons.addWidget(self.delete, 1, 1)
        layout.addLayout(buttons)
        editor.shown.connect(self.show_story)
        actions.hub.changed.connect(self._changed)
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]
        for place in self.places():
            place.widget.selectionChanged.connect(self._guess_term)
        self._load_terms()
        self._update_buttons()

    # -- where the story's texts are --------------------------------------

    def places(self) -> list[_Place]:
        """Every widget showing a text annotations can anchor in."""
        pane = self.editor.translation
        found = [
            _Place(self.editor.title, "title", ""),
            _Place(self.editor.summary, "summary", ""),
            _Place(self.editor.body, "body", ""),
        ]
        found += [_Place(widget, field, "") for field, widget in pane.originals.items()]
        found += [_Place(widget, field, pane.code) for field, widget in pane.translations.items()]
        return found

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        place = next((p for p in self.places() if p.widget is new), None)
        if place is not None:
            self.last = place

    def _selection(self) -> tuple[_Place, int, int] | None:
        """The place and Python offsets of the words selected last."""
        place = self.last
        if place is None:
            return None
        text = _text(place.widget)
        if isinstance(place.widget, QLineEdit):
            if not place.widget.hasSelectedText():
                return None
            start, end = place.widget.selectionStart(), place.widget.selectionEnd()
        else:
            cursor = place.widget.textCursor()
            if not cursor.hasSelection():
                return None
            start, end = cursor.selectionStart(), cursor.selectionEnd()
        return place, py_index(text, start), py_index(text, end)

    # -- showing ----------------------------------------------------------

    def show_story(self, story: StoryView | None) -> None:
        self.story = story
        self.reload()

    def _changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.terms:
            self._load_terms()
        if self.story is not None and (self.story.id in changes.stories_changed or changes.terms):
            self.reload()

    def _load_terms(self) -> None:
        """Offer the glossary's terms (Chinese, then the preferred rendering)."""
        self.terms = glossary.terms(self.commands.library)
        self.finder = glossary.TermFinder(self.terms)
        chosen = self.term.currentData()
        self.term.clear()
        none = (
            self.tr("(no term: the note says what it is)") if self.terms else self.tr("(the glossary has no terms yet)")
        )
        self.term.addItem(none, "")
        for _, term in self.terms:
            self.term.addItem(f"{term.term} — {term.rendering}" if term.rendering else term.term, term.uuid)
        self.term.setCurrentIndex(max(0, self.term.findData(chosen)))

    def _term_label(self, uuid: str) -> str:
        term = next((t for _, t in self.terms if t.uuid == uuid), None)
        if term is None:
            return ""
        return f"{term.term} → {term.rendering}" if term.rendering else term.term

    def _kind_changed(self, _index: int) -> None:
        is_term = self.kind.currentData() == AnnotationKind.TERM.value
        self.term.setVisible(is_term)
        self.body.setPlaceholderText(
            self.tr("Note (optional)") if is_term else self.tr("Comment, or the rendering you suggest")
        )
        self._guess_term()

    def _guess_term(self) -> None:
        """Choose the term the selected words hold, if one does."""
        if self.kind.currentData() != AnnotationKind.TERM.value or (selected := self._selection()) is None:
            return
        place, start, end = selected
        found = self.finder.find(_text(place.widget)[start:end])
        uuid = next(t.uuid for i, t in self.terms if i == found[0].term_id) if found else ""
        self.term.setCurrentIndex(max(0, self.term.findData(uuid)))

    def reload(self) -> None:
        """List and highlight the story's annotations as stored."""
        self.views = annotating.annotations(self.commands.library, [self.story.id]) if self.story else []
        labels = _kind_labels()
        self.list.blockSignals(True)
        self.list.clear()
        for view in self.views:
            where = field_label(view.field)
            if view.language:
                where += f" ({language_name(view.language)})"
            term = f"\n{self._term_label(view.term_uuid)}" if view.term_uuid else ""
            item = QListWidgetItem(f"{where} · {labels[view.kind]}\n“{view.exact}”{term}\n{view.body}".rstrip())
            if view.orphaned:
                item.setText(item.text() + "\n" + self.tr("The words are no longer in the text."))
                item.setForeground(QColor(128, 128, 128))
            item.setToolTip(self.tr("By {author}").format(author=view.author) if view.author else "")
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._fit_items()
        self.hint.setVisible(not self.views)
        self._highlight()
        self._update_buttons()

    def _fit_items(self) -> None:
        """Give each item the height of its wrapped text (a list widget
        measures items unwrapped and elides the rest)."""
        width = max(self.list.viewport().width() - 12, 80)
        metrics = self.list.fontMetrics()
        for row in range(self.list.count()):
            item = self.list.item(row)
            bounds = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, item.text())
            item.setSizeHint(QSize(width, bounds.height() + 10))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_items()

    def _highlight(self) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        for place in self.places():
            if not isinstance(place.widget, QPlainTextEdit):
                continue
            text = place.widget.toPlainText()
            marks = []
            for view in self.views:
                if view.orphaned or (view.field, view.language) != (place.field, place.language):
                    continue
                if text[view.start : view.end] != view.exact:  # (typing not saved yet)
                    continue
                mark = QTextEdit.ExtraSelection()
                mark.cursor = self._cursor(place.widget, text, view.start, view.end)
                mark.format = fmt
                marks.append(mark)
            place.widget.setExtraSelections(marks)

    @staticmethod
    def _cursor(widget: QPlainTextEdit, text: str, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(widget.document())
        cursor.setPosition(qt_offset(text, start))
        cursor.setPosition(qt_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _current(self) -> AnnotationView | None:
        row = self.list.currentRow()
        return self.views[row] if 0 <= row < len(self.views) else None

    def _chosen(self, _row: int) -> None:
        """Select the chosen annotation's passage and show its text."""
        view = self._current()
        self._update_buttons()
        if view is None:
            return
        self.kind.setCurrentIndex(max(0, self.kind.findData(view.kind.value)))
        if view.term_uuid:
            self.term.setCurrentIndex(max(0, self.term.findData(view.term_uuid)))
        self.body.setPlainText(view.body)
        if view.orphaned:
            return
        place = self._place_for(view)
        if place is None:
            return
        text = _text(place.widget)
        if text[view.start : view.end] != view.exact:
            return
        if isinstance(place.widget, QLineEdit):
            first = qt_offset(text, view.start)
            place.widget.setSelection(first, qt_offset(text, view.end) - first)
        else:
            place.widget.setTextCursor(self._cursor(place.widget, text, view.start, view.end))
            place.widget.ensureCursorVisible()

    def _place_for(self, view: AnnotationView) -> _Place | None:
        """The widget to show ``view``'s passage in: its translation in the
        Translation tab (when that language is chosen there), the original
        in the tab shown."""
        pane = self.editor.translation
        if view.language:
            if pane.code != view.language:
                return None
            self.editor.tabs.setCurrentWidget(pane)
            return _Place(pane.translations[view.field], view.field, view.language)
        if self.editor.tabs.currentWidget() is pane:
            return _Place(pane.originals[view.field], view.field, "")
        widgets: dict[str, TextWidget] = {
            "title": self.editor.title,
            "summary": self.editor.summary,
            "body": self.editor.body,
        }
        if view.field == "body":
            self.editor.body_tabs.setCurrentWidget(self.editor.body)
        return _Place(widgets[view.field], view.field, "")

    def _update_buttons(self) -> None:
        writable = self.story is not None and not self.commands.library.readonly
        self.annotate.setEnabled(writable)
        chosen = self._current() is not None
        self.save.setEnabled(writable and chosen)
        self.delete.setEnabled(writable and chosen)

    # -- changing -----------------------------------------------------------

    def annotate_selection(self) -> None:
        """Annotate the words selected last in one of the story's texts."""
        if self.story is None:
            return
        selected = self._selection()
        if selected is None:
            self._say(self.tr("Select the words to annotate in the title, summary or body first."))
            return
        place, start, end = selected
        if not self.editor.flush():  # (offsets are those of the text as saved)
            return
        self.editor.translation.flush()
        kind = AnnotationKind(self.kind.currentData())
        author = self.editor.translation.translator.text()
        quote = _text(place.widget)[start:end]
        term_uuid = self.term.currentData() if kind is AnnotationKind.TERM else ""
        new = NewAnnotation(
            place.field,
            start,
            end,
            kind,
            self.body.toPlainText(),
            place.language,
            term_uuid=term_uuid,
            author=author,
            quote=quote,
        )
        try:
            self.commands.run(AddAnnotation(self.story.id, new, quote))
        except NgodeskError as error:
            self._say(str(error))
            return
        self.body.clear()

    def _save_body(self) -> None:
        view = self._current()
        if view is None or self.body.toPlainText().strip() == view.body:
            return
        try:
            self.commands.run(EditAnnotation(view, self.body.toPlainText()))
        except NgodeskError as error:
            self._say(str(error))

    def _delete(self) -> None:
        view = self._current()
        if view is not None:
            self.commands.run(DeleteAnnotation(view))

    def _say(self, message: str) -> None:
        self.hint.setText(message)
        self.hint.setVisible(True)
        self.hint.setStyleSheet("color: #b00020;")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft)
