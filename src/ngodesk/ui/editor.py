"""The detail editor: every field of one story, saved as the user types
(debounced, and at once when a field loses focus) through undoable
commands. A save the services refuse shows why and keeps the user's text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ngodesk.domain.errors import NgodeskError, NotFound
from ngodesk.domain.models import ChangeSet, EntityKind, StoryStatus, StoryView
from ngodesk.domain.text import read_language
from ngodesk.services import fields, queries
from ngodesk.ui.attachments_box import AttachmentsBox
from ngodesk.ui.chips import ChipEdit
from ngodesk.ui.combo import line_edit
from ngodesk.ui.commands import Actions, ChangeStoryLinks, Command, EditStory, MakeLinkFirst
from ngodesk.ui.growing_text import GrowingTextEdit
from ngodesk.ui.highlighting import mark_hits
from ngodesk.ui.history_pane import HistoryPane
from ngodesk.ui.labels import field_label, language_name, record_labels, story_status
from ngodesk.ui.record_finder import RecordFinder
from ngodesk.ui.translation_pane import TranslationPane

SAVE_DELAY_MS = 800
LANGUAGES = ("en", "zh", "zh-Hans", "zh-Hant", "fr", "es", "ar", "ru", "pt", "sw")


class OfflineBrowser(QTextBrowser):
    """Renders Markdown; fetches nothing (remote images stay blank) and
    opens clicked web links in the system browser."""

    def __init__(self) -> None:
        super().__init__()
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open)

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 - Qt's name
        return None

    def _open(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)


class StoryEditor(QStackedWidget):
    """Shows an empty-state hint, or the editor of one story. ``typed``:
    the user changed a field (saved shortly after). ``shown(StoryView |
    None)``: the story shown, as saved, whenever it or its text changes."""

    typed = Signal()
    shown = Signal(object)

    def __init__(self, actions: Actions) -> None:
        super().__init__()
        self.commands = actions
        self.story: StoryView | None = None
        self.visit = 0
        self._pending: set[str] = set()
        #: Fields whose value was refused, and the last reason (shown).
        self._refused: set[str] = set()
        self._refusal = ""

        self.hint = QLabel(self.tr("Select a story to see and edit it here."))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.addWidget(self.hint)

        form_host = QWidget()
        outer = QVBoxLayout(form_host)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        outer.addWidget(self.error)
        self.cut_notice = QLabel()
        self.cut_notice.setWordWrap(True)
        self.cut_notice.setStyleSheet("color: palette(placeholder-text);")
        self.cut_notice.hide()
        outer.addWidget(self.cut_notice)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # (a narrow editor: fields below labels)
        outer.addLayout(form)

        self.title = QLineEdit()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.published = QLineEdit()
        self.published.setPlaceholderText(self.tr("2018, 2018-12 or 2018-12-07"))
        self.source = QLineEdit()
        self.language = QComboBox()
        self.language.setEditable(True)
        self.language.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.language.setMinimumContentsLength(10)  # (a narrow editor keeps it beside its label)
        for tag in LANGUAGES:
            self.language.addItem(language_name(tag), tag)
        line_edit(self.language).setPlaceholderText(language_name(""))
        self.language.setToolTip(self.tr("Choose a language, or type its name or code (中文, English, zh-Hant…)"))
        self.status = QComboBox()
        for status in StoryStatus:
            self.status.addItem(story_status(status.value), status.value)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.tags = ChipEdit(self.tr("Add a tag (Region/Asia)…"), self.tr("Tags"))
        self.links = {
            EntityKind.ORGANISATION: ChipEdit(
                self.tr("Add an organisation…"), self.tr("Organisations"), orderable=True
            ),
            EntityKind.PERSON: ChipEdit(self.tr("Add a person…"), self.tr("People"), orderable=True),
            EntityKind.PLACE: ChipEdit(self.tr("Add a place…"), self.tr("Places"), orderable=True),
        }
        self.summary = GrowingTextEdit()
        self.summary.setTabChangesFocus(True)
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.preview = OfflineBrowser()
        self.body_tabs = QTabWidget()
        self.body.setAccessibleName(self.tr("Body text"))
        self.preview.setAccessibleName(self.tr("Body preview"))
        self.body_tabs.addTab(self.body, self.tr("Text"))
        self.body_tabs.addTab(self.preview, self.tr("Preview"))
        self.body_tabs.currentChanged.connect(self._render_preview)
        self.attachments = AttachmentsBox(actions)

        rows: list[tuple[str, QWidget]] = [
            (self.tr("T&itle"), self.title),
            (self.tr("&Published"), self.published),
            (self.tr("S&ource"), self.source),
            (self.tr("&Language"), self.language),
            (self.tr("Stat&us"), self.status),
            (self.tr("&Web address"), self.url),
            (self.tr("Ta&gs"), self.tags),
            (self.tr("Organisations"), self.links[EntityKind.ORGANISATION]),
            (self.tr("People"), self.links[EntityKind.PERSON]),
            (self.tr("Places"), self.links[EntityKind.PLACE]),
            (self.tr("Atta&chments"), self.attachments),  # (above the texts: in view however long they are)
            (self.tr("Su&mmary"), self.summary),
            (self.tr("&Body"), self.body_tabs),
        ]
        for label, widget in rows:
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", ""))

        #: field name -> (read the widget, write the widget)
        self._fields: dict[str, tuple[Callable[[], str], Callable[[str], None]]] = {
            "title": (self.title.text, self.title.setText),
            "published": (self.published.text, self.published.setText),
            "source": (self.source.text, self.source.setText),
            "url": (self.url.text, self.url.setText),
            "language": (self._language_tag, self._show_language),
            "status": (lambda: str(self.status.currentData()), self._set_status),
            "summary": (self.summary.toPlainText, self.summary.setPlainText),
            "body": (self.body.toPlainText, self.body.setPlainText),
        }
        #: The text fields' widgets, by field.
        self._texts: dict[str, QLineEdit | QPlainTextEdit] = {
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "url": self.url,
            "summary": self.summary,
            "body": self.body,
        }
        #: Fields of the story shown whose text is longer than a story
        #: holds now (a library from before the limits): shown cut, read-only.
        self._cut: set[str] = set()
        #: The field widgets: focus entering one starts a visit, leaving saves.
        self._inputs: set[QWidget] = set()
        #: Tag paths offered as completions: read again only after tags changed.
        self._completions_stale = True
        #: What the record fields offer as the user types.
        self.finder = RecordFinder(actions.library, self)
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._loading = False
        for name, widget, signal in (
            ("title", self.title, self.title.textEdited),
            ("published", self.published, self.published.textEdited),
            ("source", self.source, self.source.textEdited),
            ("url", self.url, self.url.textEdited),
            ("language", self.language, self.language.currentTextChanged),
            ("status", self.status, self.status.currentIndexChanged),
            ("summary", self.summary, self.summary.textChanged),
            ("body", self.body, self.body.textChanged),
        ):
            signal.connect(lambda *_, n=name: self._edited(n))
            self._inputs.add(widget)
        self.tags.added.connect(lambda text: self._link(None, add=text))
        self.tags.removed.connect(lambda text: self._link(None, remove=text))
        for kind, chips in self.links.items():
            chips.set_matcher(partial(self.finder.completions, kind))
            chips.added.connect(lambda text, k=kind: self._link(k, add=text))
            chips.unmatched.connect(lambda text, k=kind: self._new_name(k, text))
            chips.removed.connect(lambda text, k=kind: self._link(k, remove=text))
            chips.made_first.connect(lambda text, k=kind: self._link(k, first=text))

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        self.translation = TranslationPane(actions)
        self.shown.connect(self.translation.show_story)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(scroll, self.tr("Sto&ry"))  # (mnemonics not the menus' or the form's)
        self.tabs.addTab(self.translation, self.tr("Tra&nslation"))
        self.history = HistoryPane(actions)
        self.shown.connect(self.history.show_story)
        self.tabs.addTab(self.history, self.tr("Histor&y"))
        self.addWidget(self.tabs)
        actions.hub.changed.connect(self._changed)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    # -- showing -------------------------------------------------------

    def show_story(self, story_id: int | None, selected: int = 0) -> None:
        """Edit story ``story_id`` (None: the empty state, saying how many
        stories are ``selected``), saving what is pending for the story
        shown before. Showing the story already shown changes nothing (the
        user may be typing in it)."""
        if story_id is not None and self.story is not None and self.story.id == story_id:
            return
        leaving = self.story
        saved = self.flush()
        self._pending.clear()
        self._refused.clear()
        self.error.hide()
        try:
            self.story = queries.get_story(self.commands.library, story_id) if story_id is not None else None
        except NotFound:  # (deleted meanwhile, e.g. by another program: the list follows on its next refresh)
            self.story = None
        if not saved and leaving is not None:  # say so where the user looks next
            message = self.tr("Not saved in “{title}”: {reason}. The story keeps its earlier value.")
            text = message.format(title=leaving.title, reason=self._refusal)
            self.hint.setText(text)
            if self.story is not None:
                self._show_error(text)
        elif selected > 1:
            self.hint.setText(self.tr("%Ln stories selected. Select one to edit it.", "", selected))
        else:
            self.hint.setText(self.tr("Select a story to see and edit it here."))
        for chips in (self.tags, *self.links.values()):
            chips.entry.clear()  # a half-typed value belongs to the story left
        self.setCurrentIndex(0 if self.story is None else 1)
        if self.story is not None:
            self._load(self.story)
            if self._completions_stale:
                self._load_completions()
        self.shown.emit(self.story)

    def _load(self, story: StoryView) -> None:
        self._loading = True
        self._cut = {name for name, limit in fields.LIMITS.items() if len(str(getattr(story, name))) > limit}
        try:
            for name, (_, write) in self._fields.items():
                write(str(getattr(story, name))[: fields.LIMITS.get(name)])  # (the window's memory stays bounded)
            for line in (self.title, self.published, self.source, self.url):
                line.setCursorPosition(0)  # show the start of long values
            self.tags.set_values([tag.path for tag in story.tags])
            self.attachments.show_story(story.id)
            labels = record_labels(self.commands.library, [e.id for e in story.entities])
            for kind, chips in self.links.items():
                linked = [e for e in story.entities if e.kind is kind]
                chips.set_values([e.name for e in linked], [labels.get(e.id, e.name) for e in linked])
            self._render_preview()
        finally:
            self._loading = False
        self.apply_editable()

    def apply_editable(self) -> None:
        """Fields editable unless the library is read-only, a background
        import holds it (``Actions.busy``) or a text is shown cut."""
        read_only = self.commands.library.readonly or bool(self.commands.busy)
        for name, widget in self._texts.items():
            widget.setReadOnly(read_only or name in self._cut)
        self._show_cut()
        for control in (self.language, self.status, self.tags, *self.links.values()):
            control.setEnabled(not read_only)

    def _show_cut(self) -> None:
        notes = [
            self.tr(
                "The {field} is longer than the {limit:,} characters a story keeps now: only its beginning "
                "is shown, and it cannot be edited here."
            ).format(field=field_label(name).lower(), limit=fields.LIMITS[name])
            for name in sorted(self._cut)
        ]
        self.cut_notice.setText("\n".join(notes))
        self.cut_notice.setVisible(bool(notes))

    def _language_tag(self) -> str:
        """The language chosen (its tag), or what is typed read as one
        (``read_language``: a name or code in any case); what names no
        language as typed, for the services to refuse with a suggestion."""
        typed = self.language.currentText().strip()
        index = self.language.findText(typed)
        if index >= 0:
            return str(self.language.itemData(index))
        reading = read_language(typed)
        return reading.tag if reading.readable and not reading.several else typed

    def _show_language(self, tag: str) -> None:
        """Show the language ``tag`` by its name ("" shows none)."""
        index = self.language.findData(tag) if tag else -1
        if tag and index < 0:  # (one the list does not offer: an import's)
            self.language.addItem(language_name(tag), tag)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)
        if index < 0:
            self.language.setEditText("")

    def _set_status(self, value: str) -> None:
        self.status.setCurrentIndex(max(0, self.status.findData(value)))

    def _render_preview(self) -> None:
        if self.body_tabs.currentWidget() is self.preview:
            self.preview.setMarkdown(self.body.toPlainText())

    def _load_completions(self) -> None:
        self.tags.set_completions(queries.tag_paths(self.commands.library, synonyms=True))
        self._completions_stale = False

    def _new_name(self, kind: EntityKind, text: str) -> None:
        """Link what the user says ``text``, which names no record, means."""
        if (name := self.finder.resolve(self, kind, text)) is not None:
            self.links[kind].entry.clear()
            self._link(kind, add=name)

    def _changed(self, changes: ChangeSet, initiator: object) -> None:
        if changes.tags_added or changes.tags_changed or changes.tags_removed:
            self._completions_stale = True
        self.finder.follow(changes)
        if initiator is self or self.story is None:
            return
        if self.story.id in changes.stories_removed:
            self.story = None
            self._pending.clear()
            self.setCurrentIndex(0)
            self.shown.emit(None)
        elif self.story.id in changes.stories_changed | changes.stories_added:
            self._pending.clear()
            self.story = queries.get_story(self.commands.library, self.story.id)
            self._load(self.story)
            self.shown.emit(self.story)

    # -- saving --------------------------------------------------------

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # (QApplication.focusChanged rather than event filters: a Python
        # eventFilter is called for every event of the widget it watches)
        if old is not None and self._owns(old):
            self.flush()
        if new is not None and self._owns(new):
            self.visit += 1  # typing in one visit to a field is one undo step
        if new is not None and any(new is chips.entry for chips in self.links.values()):
            self.finder.prepare()  # (the names are read while the user starts typing)

    def _owns(self, widget: QWidget) -> bool:
        """True for a field widget or a part of one (a combo box's line edit)."""
        part: QWidget | None = widget
        while part is not None:
            if part in self._inputs:
                return True
            part = part.parentWidget()
        return False

    def _edited(self, name: str) -> None:
        if self._loading or self.story is None or name in self._cut:
            return
        self._pending.add(name)
        self._timer.start()
        self.typed.emit()

    def flush(self) -> bool:
        """Save every pending field now; False if a save was refused (the
        message is shown and the text kept)."""
        self._timer.stop()
        self.translation.flush()
        if self.story is None or not self._pending:
            return True
        pending, self._pending = sorted(self._pending), set()
        ok = True
        for name in pending:
            ok &= self._save(name)
        return ok

    def _save(self, name: str) -> bool:
        assert self.story is not None
        value = self._fields[name][0]()
        before = str(getattr(self.story, name))
        if value != before:
            command = EditStory(self.story.id, {name: before}, {name: value}, self.visit)
            try:
                self.commands.run(command, initiator=self)
            except NgodeskError as error:
                self._pending.add(name)
                self._refused.add(name)
                self._refusal = str(error)
                self._show_error(self.tr("Not saved: {reason}").format(reason=error))
                return False
            self.story = queries.get_story(self.commands.library, self.story.id)
            self.shown.emit(self.story)
        self._refused.discard(name)
        if not self._refused:
            self.error.hide()
        return True

    def _link(self, kind: EntityKind | None, add: str = "", remove: str = "", first: str = "") -> None:
        if self.story is None or not self.flush():
            return
        order = self.links[kind].values() if kind is not None else []  # (undo puts them back in this order)
        label = self.finder.label(self.links[kind], kind, add or remove or first) if kind is not None else ""
        command: Command = (
            MakeLinkFirst(self.story.id, kind, first, order, label)
            if first and kind is not None
            else ChangeStoryLinks(self.story.id, kind, [add] if add else [], [remove] if remove else [], order, label)
        )
        try:
            self.commands.run(command, initiator=self)
        except NgodeskError as error:
            self._show_error(str(error))
            return
        self.error.hide()
        self.story = queries.get_story(self.commands.library, self.story.id)
        self._load(self.story)
        if self._completions_stale:
            self._load_completions()

    def show_hits(self, terms: Sequence[str]) -> None:
        """Mark the search's ``terms`` in the story's texts (summary, body,
        the originals beside its translations), as glossary terms are."""
        texts = (self.summary, self.body, *self.translation.originals.values())
        mark_hits([text.document() for text in texts if hasattr(text, "document")], terms)

    def editing(self) -> bool:
        """True while the keyboard focus is in one of the story's fields."""
        focus = QApplication.focusWidget()
        return self.story is not None and focus is not None and self.isAncestorOf(focus)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
