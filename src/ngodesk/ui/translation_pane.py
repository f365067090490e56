"""The translation tab of the story editor: each translated field's original
beside its translation into the chosen language, with the translation's
status; long texts scroll together. Saves shortly after typing stops, each
save one undo step."""

from __future__ import annotations

import getpass

from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QWidget,
)

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import TRANSLATED_FIELDS, StoryView, Translation, TranslationStatus
from ngodesk.domain.text import same_language
from ngodesk.services import fields, translations
from ngodesk.ui import settings
from ngodesk.ui.commands import Actions, SetTranslation
from ngodesk.ui.labels import field_label, language_name, translation_status

SAVE_DELAY_MS = 800


def _scroll_together(first: QScrollBar, second: QScrollBar) -> None:
    """Keep two scroll bars at the same share of their ranges (whichever
    the user moves)."""
    moving = False
    led: list[tuple[QScrollBar, QScrollBar]] = []  # the pair the user last moved, leader first

    def follow(leader: QScrollBar, follower: QScrollBar) -> None:
        nonlocal moving
        if moving or leader.maximum() <= 0:
            return
        led[:] = [(leader, follower)]
        moving = True  # (the follower's own signal must not move the leader back)
        try:
            follower.setValue(round(leader.value() / leader.maximum() * follower.maximum()))
        finally:
            moving = False

    def relaid() -> None:  # (long texts are laid out lazily: ranges grow while scrolling)
        if led:
            follow(*led[0])

    first.valueChanged.connect(lambda _value: follow(first, second))
    second.valueChanged.connect(lambda _value: follow(second, first))
    for bar in (first, second):
        bar.rangeChanged.connect(lambda _low, _high: relaid())


class TranslationPane(QWidget):
    """Originals (read-only) and translations of the story's title,
    summary and body for one target language."""

    def __init__(self, actions: Actions) -> None:
        super().__init__()
        self.commands = actions
        self.story: StoryView | None = None
        self._loading = False
        self._pending: set[str] = set()
        self.language = QComboBox()
        for code in translations.LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language.currentIndexChanged.connect(self._language_changed)
        self._code = str(self.language.currentData())
        self.translator = QLineEdit(settings.get(settings.AUTHOR) or getpass.getuser())
        self.translator.setPlaceholderText(self.tr("Your name, kept with what you translate"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        # Two rows of choices above, then each field's name and status above
        # its original and translation: the two texts share the pane's whole
        # width, and the pane stays usable in a narrow editor.
        choices = QFormLayout()
        choices.addRow(self.tr("Translate into"), self.language)
        choices.addRow(self.tr("Translator"), self.translator)
        layout = QGridLayout(self)
        layout.addLayout(choices, 0, 0, 1, 2)
        layout.addWidget(QLabel(self.tr("Original")), 1, 0)
        layout.addWidget(QLabel(self.tr("Translation")), 1, 1)
        labels = {name: field_label(name) for name in TRANSLATED_FIELDS}
        self.originals: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.translations: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.statuses: dict[str, QComboBox] = {}
        for row, name in enumerate(TRANSLATED_FIELDS):
            original: QLineEdit | QPlainTextEdit
            edit: QLineEdit | QPlainTextEdit
            if name == "title":
                original, edit = QLineEdit(), QLineEdit()
                edit.textEdited.connect(lambda _text, n=name: self._edited(n))
            else:
                original, edit = QPlainTextEdit(), QPlainTextEdit()
                edit.setTabChangesFocus(True)
                edit.textChanged.connect(lambda n=name: self._edited(n))
                _scroll_together(original.verticalScrollBar(), edit.verticalScrollBar())
            original.setReadOnly(True)
            original.setAccessibleName(self.tr("Original {field}").format(field=labels[name]))
            edit.setAccessibleName(self.tr("Translated {field}").format(field=labels[name]))
            status = QComboBox()
            for value in TranslationStatus:
                status.addItem(translation_status(value.value), value.value)
            status.activated.connect(lambda _index, n=name: self._save(n))
            head = QHBoxLayout()  # the field's name, its translation's status beside it
            head.addWidget(QLabel(f"<b>{labels[name]}</b>"))
            head.addWidget(status)
            head.addStretch(1)
            layout.addLayout(head, 2 + 2 * row, 0, 1, 2)
            layout.addWidget(original, 3 + 2 * row, 0)
            layout.addWidget(edit, 3 + 2 * row, 1)
            self.originals[name], self.translations[name], self.statuses[name] = original, edit, status
        layout.addWidget(self.error, 8, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        layout.setRowStretch(5, 1)  # (the summary)
        layout.setRowStretch(7, 2)  # (the body)
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    @property
    def code(self) -> str:
        """The language translated into (what is typed belongs to it until
        saved, also while the language chooser changes)."""
        return self._code

    def _language_changed(self) -> None:
        self.flush()  # (what was typed is in the language it was typed for)
        self._code = str(self.language.currentData())
        self._load()

    def show_story(self, story: StoryView | None) -> None:
        """Show ``story`` (None: nothing); typing pending for the story
        shown before is saved first."""
        if self.story is not None and (story is None or story.id != self.story.id):
            self.flush()
        same = story is not None and self.story is not None and story.id == self.story.id
        self.story = story
        for tag in dict.fromkeys(t.language for t in story.translations) if story else ():
            if self.language.findData(tag) < 0:  # (a language the chooser does not offer: an import's)
                self.language.addItem(language_name(tag), tag)
        if story is not None and not same:
            self._target_other_than(story)
        self._load(keep_typing=same)

    def _target_other_than(self, story: StoryView) -> None:
        """When the language chosen is the story's own (an English story, to
        be translated into English), choose another: one the story has
        translations in, else the first offered. (zh-Hant is another
        language than a Chinese story's zh or zh-Hans: a script to convert to.)"""
        if not story.language or not same_language(self._code, story.language):
            return
        offered = [str(self.language.itemData(i)) for i in range(self.language.count())]
        kept = [t.language for t in story.translations]
        other = next((code for code in (*kept, *offered) if not same_language(code, story.language)), None)
        if other is None:
            return
        with QSignalBlocker(self.language):  # (nothing typed is pending: the story shown before was saved)
            self.language.setCurrentIndex(self.language.findData(other))
        self._code = other

    def _load(self, *_args: object, keep_typing: bool = False) -> None:
        self._loading = True
        try:
            for name in TRANSLATED_FIELDS:
                limit = fields.LIMITS[name]  # (longer texts, from before the limits, are shown cut)
                original = str(getattr(self.story, name)) if self.story else ""
                found = self.story.translation(name, self.code) if self.story else None
                self._write(self.originals[name], original[:limit])
                edit, stored = self.translations[name], found.text if found else ""
                cut = len(stored) > limit
                stored = stored[:limit]
                pending = keep_typing and name in self._pending
                # what is being typed stays; so does the cursor in a field just saved (its text
                # is what was stored, but for spaces the save trimmed)
                just_saved = edit.hasFocus() and self._read(edit).split() == stored.split()
                if not (pending or just_saved):
                    self._write(edit, stored)
                if not pending:
                    status = found.status if found else TranslationStatus.UNTRANSLATED
                    self.statuses[name].setCurrentIndex(self.statuses[name].findData(status.value))
                for widget in (self.translations[name], self.statuses[name]):
                    widget.setEnabled(self.story is not None and not self.commands.library.readonly and not cut)
        finally:
            self._loading = False

    @staticmethod
    def _write(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
        if isinstance(widget, QLineEdit):
            widget.setText(text)
            widget.setCursorPosition(0)
        elif widget.toPlainText() != text:
            widget.setPlainText(text)

    @staticmethod
    def _read(widget: QLineEdit | QPlainTextEdit) -> str:
        return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        status = self.statuses[name]
        if status.currentData() != TranslationStatus.DRAFT.value:  # (a changed text is not the one reviewed)
            status.setCurrentIndex(status.findData(TranslationStatus.DRAFT.value))
        self._pending.add(name)
        self._timer.start()

    def flush(self) -> None:
        """Save what was typed and not saved yet."""
        self._timer.stop()
        for name in list(self._pending):
            self._save(name)

    def _save(self, name: str) -> None:
        self._pending.discard(name)
        if self.story is None:
            return
        text = self._read(self.translations[name])
        status = TranslationStatus(self.statuses[name].currentData())
        if status is TranslationStatus.UNTRANSLATED:
            text, status = "", TranslationStatus.DRAFT  # (an untranslated field has no text)
        before = self.story.translation(name, self.code)
        after = Translation(name, self.code, text, status, self.translator.text())
        if before is None and not text.strip():
            return
        if before is not None and (before.text, before.status) == (after.text.strip(), after.status):
            return
        try:
            self.commands.run(SetTranslation(self.story.id, before, after), self)
        except NgodeskError as error:
            self.error.setText(self.tr("Not saved: {reason}").format(reason=error))
            self.error.show()
            return
        self.error.hide()
