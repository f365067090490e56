"""A list of values shown as removable chips, with a field that completes
from known values (tags, organisations...) and adds new ones on Enter.

The chips are links in a word-wrapped rich-text label (a click removes
one; from the keyboard, Backspace in the empty field removes the last):
wrapping without a custom QLayout, whose Python itemAt() returning None
corrupts None's reference count in PySide6 6.12 (measured: the
interpreter aborts at exit). The label takes no keyboard focus: Tab and
Shift+Tab pass it by.

Chips of an ordered list (a story's people: the first author first) are
shown in the order given; a chip's context menu (right-click) can make it
the first.

Values may be shown by other labels (a record by its name in the
interface's language, linked by its stored one). Given a matcher, the
field offers what it finds for the text typed (a record by any of its
names) in a popup whose first entry Enter takes; Enter on text the
matcher finds nothing for is reported, for the owner to ask what to do."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLabel, QLineEdit, QMenu, QVBoxLayout, QWidget

CHIP_STYLE = "background-color:#e3ecf7; color:#0d3c75; text-decoration:none;"


def _unbreakable(value: str) -> str:
    """``value`` as HTML that lines never break inside (lines break between
    chips, not at a chip's spaces or after the "/" of a tag path)."""
    return escape(value).replace(" ", "&nbsp;").replace("/", "/\u2060")


@dataclass(frozen=True)
class Completion:
    """One entry a matcher offers: ``text`` shown in the popup, ``value``
    added when it is taken; ``exact`` when the text typed is wholly one of
    its names (Enter takes it even with the popup closed)."""

    text: str
    value: str
    exact: bool = False


Matcher = Callable[[str], Sequence[Completion]]


class _Entry(QLineEdit):
    """A line edit that reports Backspace pressed while it is empty."""

    def __init__(self, backspace_when_empty: Callable[[], None]) -> None:
        super().__init__()
        self._backspace_when_empty = backspace_when_empty

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Backspace and not self.text() and not event.isAutoRepeat():
            self._backspace_when_empty()
            return
        super().keyPressEvent(event)


class ChipEdit(QWidget):
    """Values as chips, in the order given; ``added(text)`` when the user
    enters one (with a matcher: takes one it offers), ``unmatched(text)``
    when Enter is pressed on text the matcher finds nothing for, and
    ``removed(text)`` when a chip's × is clicked, and (when ``orderable``)
    ``made_first(text)`` when "Make First" is chosen in a chip's context
    menu. The owner decides and then calls ``set_values`` with what is
    stored."""

    added = Signal(str)
    unmatched = Signal(str)
    removed = Signal(str)
    made_first = Signal(str)

    def __init__(
        self, placeholder: str, accessible_name: str, parent: QWidget | None = None, orderable: bool = False
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._values: list[str] = []
        self._labels: list[str] = []
        self._matcher: Matcher | None = None
        self._finder: QCompleter | None = None
        #: what the popup offers, by row
        self._offered: list[Completion] = []
        #: the chip under the mouse (-1: none), for its context menu
        self._hovered = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.chips = QLabel()
        self.chips.setWordWrap(True)
        self.chips.setTextFormat(Qt.TextFormat.RichText)
        self.chips.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.chips.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.chips.setAccessibleName(accessible_name)
        self.chips.linkActivated.connect(self._clicked)
        self.chips.linkHovered.connect(self._hover)
        if orderable:
            self.chips.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.chips.customContextMenuRequested.connect(self._show_menu)
        self.chips.hide()
        self.entry = _Entry(self._remove_last)
        self.entry.setPlaceholderText(placeholder)
        self.entry.setAccessibleName(accessible_name)
        self.entry.setToolTip(self.tr("Enter adds what you typed; Backspace in the empty field removes the last one"))
        self._completions = QStringListModel()
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entry.setCompleter(completer)
        self.entry.returnPressed.connect(self._enter)
        layout.addWidget(self.chips)
        layout.addWidget(self.entry)

    def set_matcher(self, matcher: Matcher) -> None:
        """Offer what ``matcher`` finds for the text typed, in a popup,
        instead of completing from a list of values."""
        self._matcher = matcher
        self.entry.setCompleter(None)  # type: ignore[arg-type]  # (Qt takes None: no completer; the stub wants one)
        self.entry.setToolTip(
            self.tr("Type any name of a record (中文, English, pinyin, acronym); Enter takes the first one offered")
        )
        finder = self._finder = QCompleter(QStandardItemModel(self), self)
        finder.setWidget(self.entry)
        finder.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        finder.setMaxVisibleItems(10)
        # (the overload with the index: the stub does not know signals' overloads)
        finder.activated[QModelIndex].connect(lambda index: self._take(index.row()))  # type: ignore[index]
        self._popup().installEventFilter(self)  # (after the completer's own filter: ours sees keys first)
        self.entry.textEdited.connect(self._offer)

    def popup_shown(self) -> bool:
        """True while the popup offers what the matcher found."""
        return self._finder is not None and self._popup().isVisible()

    def _popup(self) -> QAbstractItemView:
        """The matcher's popup list (``set_matcher`` made it)."""
        assert self._finder is not None
        popup = self._finder.popup()
        assert popup is not None  # (a completer always has one)
        return popup

    def offered(self) -> list[str]:
        """The texts the popup offers, in its order."""
        return [completion.text for completion in self._offered]

    def _offer(self, text: str) -> None:
        assert self._matcher is not None and self._finder is not None
        self._offered = list(self._matcher(text.strip())) if text.strip() else []
        model = self._finder.model()
        assert isinstance(model, QStandardItemModel)
        model.clear()
        for completion in self._offered:
            model.appendRow(QStandardItem(completion.text))
        if not self._offered:
            self._popup().hide()
            return
        popup = self._popup()
        # as wide as its entries need (a long name and the other name found), not only the field's width
        margins = popup.frameWidth() * 2 + popup.verticalScrollBar().sizeHint().width()
        width = max(self.entry.width(), min(popup.sizeHintForColumn(0) + margins, 3 * self.entry.width()))
        self._finder.complete(QRect(0, 0, width, self.entry.height()))
        popup.setCurrentIndex(popup.model().index(0, 0))  # (what Enter takes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self._finder is not None
            and watched is self._popup()
        ):
            self._enter()
            return True
        return super().eventFilter(watched, event)

    def _take(self, row: int) -> None:
        """Add what the popup offers in ``row``; the field is cleared."""
        if 0 <= row < len(self._offered) and self._finder is not None:
            value = self._offered[row].value
            self._popup().hide()
            self._offered = []
            self.entry.clear()
            self.added.emit(value)

    def _enter(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        if self._matcher is None:
            self.added.emit(text)
        elif self._finder is not None and self._popup().isVisible():
            self._take(max(0, self._popup().currentIndex().row()))
        elif (found := self._matcher(text)) and found[0].exact:
            self._offered = list(found)
            self._take(0)
        else:
            self.unmatched.emit(text)

    def _remove_last(self) -> None:
        if self._values:
            self.removed.emit(self._values[-1])

    def _clicked(self, link: str) -> None:
        index = int(link.removeprefix("chip:"))
        if 0 <= index < len(self._values):
            self.removed.emit(self._values[index])

    def _hover(self, link: str) -> None:
        self._hovered = int(link.removeprefix("chip:")) if link.startswith("chip:") else -1

    def _show_menu(self, point: QPoint) -> None:
        if (menu := self.menu_for(self._hovered)) is not None:
            menu.popup(self.chips.mapToGlobal(point))

    def menu_for(self, index: int) -> QMenu | None:
        """The context menu of chip ``index`` (None for no chip): Make First
        (not for the first) and Remove."""
        if not 0 <= index < len(self._values):
            return None
        value = self._values[index]
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        first = menu.addAction(self.tr("Make First"))
        first.setEnabled(index > 0)
        first.triggered.connect(lambda: self.made_first.emit(value))
        menu.addAction(self.tr("Remove {value}").format(value=self._labels[index])).triggered.connect(
            lambda: self.removed.emit(value)
        )
        return menu

    def values(self) -> list[str]:
        """The values shown as chips."""
        return list(self._values)

    def labels(self) -> list[str]:
        """The chips as shown."""
        return list(self._labels)

    def set_values(self, values: Sequence[str], labels: Sequence[str] | None = None) -> None:
        """Show ``values`` as chips, each by its label in ``labels`` (by
        default, the value); the entry is cleared when one was added."""
        if self.entry.text().strip() in values:
            self.entry.clear()
        self._values = list(values)
        self._labels = list(labels) if labels is not None else list(values)
        self._hovered = -1
        remove = self.tr("Remove {value}")
        chips = [
            f'<a href="chip:{i}" title="{escape(remove.format(value=label), quote=True)}" style="{CHIP_STYLE}">'
            f"{_unbreakable(label)}&nbsp;×</a>"
            for i, label in enumerate(self._labels)
        ]
        self.chips.setText("&nbsp; ".join(chips))
        self.chips.setVisible(bool(chips))

    def set_completions(self, values: Sequence[str]) -> None:
        """Values the entry offers as the user types."""
        self._completions.setStringList(list(values))
