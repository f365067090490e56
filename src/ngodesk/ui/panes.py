"""The main window's panes (sidebar, story list, editor) shown and hidden
from the View menu, the Translate layout, and both remembered across runs.

The Translate layout hides the sidebar, keeps a narrow story list and gives
the rest of the width to the editor's Translation tab, where the original
and the translation stand side by side; turning it off puts back the
panes, their widths and the editor's tab as they were."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from ngodesk.ui import settings
from ngodesk.ui.list_width import LIST_MIN_WIDTH

#: In the Translate layout the list takes this share of the width (at least
#: LIST_MIN_WIDTH).
TRANSLATE_LIST_SHARE = 0.22


#: The splitter's panes, in its order.
PANES = ("sidebar", "list", "editor")


class Panes(QObject):
    """Shows and hides the ``splitter``'s panes (sidebar, story list,
    editor, in that order) by checkable actions, one always shown;
    ``translate_action`` switches the Translate layout, which shows
    ``translation_tab`` of ``editor_tabs``."""

    def __init__(self, splitter: QSplitter, editor_tabs: QTabWidget, translation_tab: QWidget) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.names = list(PANES)
        self.editor_tabs, self.translation_tab = editor_tabs, translation_tab
        #: How the panes were before the Translate layout (None when it is off).
        self._before: Arrangement | None = None
        self.actions: dict[str, QAction] = {}
        for name, text, shortcut in (
            ("sidebar", self.tr("&Sidebar"), "Ctrl+Shift+B"),
            ("list", self.tr("Story &List"), "Ctrl+Shift+L"),
            ("editor", self.tr("&Editor"), "Ctrl+Shift+D"),
        ):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(True)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda shown, n=name: self.set_shown(n, shown))
            self.actions[name] = action
        self.translate_action = QAction(self.tr("&Translate Layout"), self)
        self.translate_action.setCheckable(True)
        self.translate_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.translate_action.setStatusTip(
            self.tr("Original and translation side by side across the window, beside a narrow story list")
        )
        self.translate_action.triggered.connect(self.set_translate_layout)

    def widget(self, name: str) -> QWidget:
        """The pane called ``name``."""
        widget = self.splitter.widget(self.names.index(name))
        assert widget is not None  # (one per name, made with the splitter)
        return widget

    def hidden(self) -> list[str]:
        """The names of the hidden panes."""
        return [name for name in self.names if self.widget(name).isHidden()]

    def set_shown(self, name: str, shown: bool) -> None:
        """Show or hide a pane (hiding the last one shown does nothing)."""
        if not shown and all(self.widget(other).isHidden() for other in self.names if other != name):
            shown = True
        self.widget(name).setVisible(shown)
        self.actions[name].setChecked(shown)

    def _show_only(self, hidden: list[str]) -> None:
        for name in sorted(self.names, key=lambda n: n in hidden):  # (showing first: one is always shown)
            self.set_shown(name, name not in hidden)

    # -- the Translate layout ---------------------------------------------

    def in_translate_layout(self) -> bool:
        return self._before is not None

    def set_translate_layout(self, on: bool) -> None:
        """Switch to the Translate layout, or back to the layout before it."""
        self.translate_action.setChecked(on)
        if on == self.in_translate_layout():
            return
        if on:
            self._before = Arrangement(self.splitter.sizes(), self.hidden(), self.editor_tabs.currentIndex())
            self._show_only(["sidebar"])
            width = sum(self.splitter.sizes())
            narrow = max(LIST_MIN_WIDTH, round(width * TRANSLATE_LIST_SHARE))
            self.splitter.setSizes([0, narrow, max(1, width - narrow)])
            self._editor_takes_the_room(True)
            return
        assert self._before is not None
        before, self._before = self._before, None
        self._show_only(before.hidden)
        if before.sizes:
            self.splitter.setSizes(before.sizes)
        self.editor_tabs.setCurrentIndex(before.tab)
        self._editor_takes_the_room(False)

    def _editor_takes_the_room(self, translating: bool) -> None:
        """Let the editor (translating: on its Translation tab) or else the
        list take what the window gains or loses in width."""
        if translating:
            self.editor_tabs.setCurrentWidget(self.translation_tab)
        self.splitter.setStretchFactor(PANES.index("list"), 0 if translating else 1)
        self.splitter.setStretchFactor(PANES.index("editor"), 1 if translating else 0)

    # -- remembered across runs -------------------------------------------

    def save(self) -> None:
        """Remember which panes are hidden and the Translate layout."""
        settings.put(settings.HIDDEN_PANES, self.hidden())
        settings.put(settings.TRANSLATE_LAYOUT, self._before.to_json() if self._before else "")

    def restore(self) -> None:
        """Hide the panes hidden last time; the Translate layout stays on
        if it was (the splitter's widths are restored with the window's)."""
        self._show_only([name for name in settings.get(settings.HIDDEN_PANES) if name in self.names])
        self._before = Arrangement.from_json(settings.get(settings.TRANSLATE_LAYOUT))
        self.translate_action.setChecked(self.in_translate_layout())
        if self._before is not None:
            self._editor_takes_the_room(True)


@dataclass(frozen=True)
class Arrangement:
    """The panes as they were: the splitter's widths, the hidden panes,
    the editor's tab."""

    sizes: list[int] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    tab: int = 0

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Arrangement | None:
        """The arrangement saved as ``text``; None if empty or unreadable."""
        try:
            found = json.loads(text) if text else None
        except ValueError:
            return None
        if not isinstance(found, dict):
            return None
        sizes, hidden, tab = found.get("sizes"), found.get("hidden"), found.get("tab")
        if not (
            isinstance(sizes, list)
            and all(type(size) is int for size in sizes)
            and isinstance(hidden, list)
            and all(isinstance(name, str) for name in hidden)
            and type(tab) is int
        ):
            return None
        return cls(sizes, hidden, tab)
