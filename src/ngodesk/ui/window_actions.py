"""The main window's actions, declared once by name (text, shortcuts, icon,
tip, whether it writes); the menus and the toolbar list them by name. The
window gives each action its slot, and the menus the entries only it can
make (the recent libraries, the panes, the docks)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from ngodesk.domain.i18n import QT_TRANSLATE_NOOP
from ngodesk.ui.i18n import without_mnemonic
from ngodesk.ui.icons import icon

if TYPE_CHECKING:
    from ngodesk.domain.models import TagView
    from ngodesk.ui.sidebar import Sidebar

CONTEXT = "WindowActions"
Keys = QKeySequence.StandardKey
#: A menu's or the toolbar's separator.
SEPARATOR = "-"


@dataclass(frozen=True)
class Declared:
    """One action: ``text`` (translated in CONTEXT), ``keys`` (the first
    is shown in the menu), ``icon`` (resources/icons), ``tip``; ``writes``:
    disabled in a read-only library; ``in_list``: also one of the story
    list's actions (its context menu, its shortcuts), with ``context``
    where its shortcut works (Delete must not delete stories while typing
    elsewhere)."""

    text: str
    keys: tuple[Keys | str, ...] = ()
    icon: str = ""
    tip: str = ""
    writes: bool = False
    in_list: bool = False
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut


#: The tip of the actions on the tag selected in the sidebar.
ON_TAG = QT_TRANSLATE_NOOP("WindowActions", "Acts on the tag selected in the sidebar")


ACTIONS: dict[str, Declared] = {
    # File
    "new-library": Declared(QT_TRANSLATE_NOOP("WindowActions", "&New Library…")),
    "open-library": Declared(QT_TRANSLATE_NOOP("WindowActions", "&Open Library…"), (Keys.Open,)),
    "import": Declared(
        QT_TRANSLATE_NOOP("WindowActions", "&Import…"),
        icon="import",
        tip=QT_TRANSLATE_NOOP("WindowActions", "Import stories from files"),
        writes=True,
    ),
    "export": Declared(
        QT_TRANSLATE_NOOP("WindowActions", "&Export…"),
        icon="export",
        tip=QT_TRANSLATE_NOOP("WindowActions", "Export the listed stories"),
    ),
    "export-selected": Declared(
        QT_TRANSLATE_NOOP("WindowActions", "Export &Selected Stories…"),
        tip=QT_TRANSLATE_NOOP("WindowActions", "Export the stories selected in the list"),
    ),
    "field-copy": Declared(QT_TRANSLATE_NOOP("WindowActions", "Export Field &Copy…")),
    "merge-library": Declared(QT_TRANSLATE_NOOP("WindowActions", "&Merge Library…"), writes=True),
    "conflicts": Declared(QT_TRANSLATE_NOOP("WindowActions", "Merge Con&flicts…"), writes=True),
    "backups": Declared(QT_TRANSLATE_NOOP("WindowActions", "Restore &Backup…")),
    "reindex": Declared(QT_TRANSLATE_NOOP("WindowActions", "Rebuild Search Inde&x"), writes=True),
    "quit": Declared(QT_TRANSLATE_NOOP("WindowActions", "&Quit"), (Keys.Quit,)),
    # Edit (undo and redo name the step they take: see name_steps)
    "undo": Declared(QT_TRANSLATE_NOOP("WindowActions", "&Undo"), (Keys.Undo,), "undo"),
    "redo": Declared(QT_TRANSLATE_NOOP("WindowActions", "&Redo"), (Keys.Redo, "Ctrl+Shift+Z"), "redo"),
    "find": Declared(QT_TRANSLATE_NOOP("WindowActions", "&Find"), (Keys.Find,)),
    "select-all": Declared(
        QT_TRANSLATE_NOOP("WindowActions", "Select &All Stories"),
        (Keys.SelectAll,),
        in_list=True,
        context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
    ),
    "preferences": Declared(QT_TRANSLATE_NOOP("WindowActions", "&Preferences…"), (Keys.Preferences,)),
    # View
    "clear-filters": Declared(
        QT_TRANSLATE_NOOP("WindowActions", "&Clear Filters"),
        icon="filters-clear",
        tip=QT_TRANSLATE_NOOP("WindowActions", "Show all stories"),
    ),
    # Story
    "new-story": Declared(
        QT_TRANSLATE_NOOP("WindowActions", "&New Story"),
        (Keys.New,),
        "story-new",
        QT_TRANSLATE_NOOP("WindowActions", "Add a story to the library"),
        writes=True,
    ),
    "delete": Declared(
        QT_TRANSLATE_NOOP("WindowActions", "&Delete Stories"),
        (Keys.Delete,),
        "story-delete",
        QT_TRANSLATE_NOOP("WindowActions", "Move the selected stories to the Trash"),
        writes=True,
        in_list=True,
        context=Qt.ShortcutContext.WidgetShortcut,
    ),
    "trash": Declared(QT_TRANSLATE_NOOP("WindowActions", "Show &Trash…")),
    "remove-from-collection": Declared(
        QT_TRANSLATE_NOOP("WindowActions", "Remove from &Collection"), ("Ctrl+Shift+Del",), in_list=True
    ),
    "batch-edit": Declared(QT_TRANSLATE_NOOP("WindowActions", "&Batch Edit…"), ("Ctrl+Shift+E",)),
    "duplicates": Declared(QT_TRANSLATE_NOOP("WindowActions", "Find D&uplicates…")),
    "suggest-records": Declared(QT_TRANSLATE_NOOP("WindowActions", "Suggest &Records…")),
    "records": Declared(QT_TRANSLATE_NOOP("WindowActions", "&Authority Records…"), ("Ctrl+Shift+R",)),
    # Tags (each acts on the tag selected in the sidebar)
    "new-tag": Declared(QT_TRANSLATE_NOOP("WindowActions", "New &Tag…"), icon="tag-new", writes=True),
    "rename-tag": Declared(QT_TRANSLATE_NOOP("WindowActions", "&Rename Tag…"), tip=ON_TAG, writes=True),
    "tag-colour": Declared(QT_TRANSLATE_NOOP("WindowActions", "Set &Colour…"), tip=ON_TAG, writes=True),
    "thesaurus-entry": Declared(QT_TRANSLATE_NOOP("WindowActions", "T&hesaurus Entry…"), tip=ON_TAG, writes=True),
    "merge-tag": Declared(QT_TRANSLATE_NOOP("WindowActions", "&Merge Into…"), tip=ON_TAG, writes=True),
    "delete-tag": Declared(QT_TRANSLATE_NOOP("WindowActions", "&Delete Tag…"), tip=ON_TAG, writes=True),
    # Help
    "guide": Declared(QT_TRANSLATE_NOOP("WindowActions", "&User Guide"), (Keys.HelpContents,)),
    "about": Declared(QT_TRANSLATE_NOOP("WindowActions", "&About ngodesk")),
}

#: Actions on the tag selected in the sidebar (enabled when one is).
TAG_ACTIONS = ("rename-tag", "tag-colour", "thesaurus-entry", "merge-tag", "delete-tag")

#: The menu bar: (key, title, entries); an entry is an action's name,
#: SEPARATOR, or the name of something the window makes (``extras``).
MENUS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "file",
        QT_TRANSLATE_NOOP("WindowActions", "&File"),
        ("new-library", "open-library", "recent", SEPARATOR, "import", "export", "export-selected", SEPARATOR)
        + ("field-copy", "merge-library", "conflicts", "team", SEPARATOR, "backups", "reindex", SEPARATOR, "quit"),
    ),
    (
        "edit",
        QT_TRANSLATE_NOOP("WindowActions", "&Edit"),
        ("undo", "redo", SEPARATOR, "find", "select-all", SEPARATOR, "preferences"),
    ),
    (
        "view",
        QT_TRANSLATE_NOOP("WindowActions", "&View"),
        ("panes", SEPARATOR, "docks", "toolbar", SEPARATOR, "columns", "clear-filters"),
    ),
    (
        "story",
        QT_TRANSLATE_NOOP("WindowActions", "&Story"),
        ("new-story", "delete", "trash", SEPARATOR, "remove-from-collection", "batch-edit", "duplicates")
        + ("suggest-records", "records"),
    ),
    ("tags", QT_TRANSLATE_NOOP("WindowActions", "&Tags"), ("new-tag", SEPARATOR, *TAG_ACTIONS)),
    ("help", QT_TRANSLATE_NOOP("WindowActions", "&Help"), ("guide", "about")),
)

TOOLBAR: tuple[str, ...] = ("new-story", "delete", SEPARATOR, "undo", "redo", SEPARATOR, "new-tag", "clear-filters")
TOOLBAR += (SEPARATOR, "import", "export")

#: What the window adds to a menu by name: an action, a submenu, or several actions.
Extra = QAction | QMenu | Sequence[QAction]


def _translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class WindowActions(QObject):
    """The window's actions (``self[name]``), menus (``menus[key]``) and
    toolbar. ``slots`` gives each action what it does; ``extras`` the
    entries only the window can make; in a read-only library (not
    ``writable``) the actions that write are disabled. ``story_list``
    takes the ``in_list`` actions as its own shortcuts."""

    def __init__(
        self,
        window: QMainWindow,
        slots: Mapping[str, Callable[[], object]],
        extras: Mapping[str, Extra],
        story_list: QWidget,
        writable: bool,
    ) -> None:
        super().__init__(window)
        self._actions: dict[str, QAction] = {}
        for name, declared in ACTIONS.items():
            action = QAction(_translated(declared.text), window)
            if declared.icon:
                action.setIcon(icon(declared.icon))
            if declared.keys:
                action.setShortcuts([QKeySequence(key) for key in declared.keys])
            if declared.tip:
                action.setToolTip(_translated(declared.tip))
                action.setStatusTip(_translated(declared.tip))
            action.setShortcutContext(declared.context)
            if declared.in_list:
                story_list.addAction(action)
            action.setEnabled(writable or not declared.writes)
            action.triggered.connect(partial(_call, slots[name]))
            self._actions[name] = action
        self.toolbar = QToolBar(QCoreApplication.translate("WindowActions", "Main"), window)
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.toggleViewAction().setText(QCoreApplication.translate("WindowActions", "Tool&bar"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        window.addToolBar(self.toolbar)
        extras = {**extras, "toolbar": self.toolbar.toggleViewAction()}
        self.menus: dict[str, QMenu] = {}
        for key, title, entries in MENUS:
            menu = window.menuBar().addMenu(_translated(title))
            self.menus[key] = menu
            for entry in entries:
                self._add(menu, entry, extras)
        for entry in TOOLBAR:
            if entry == SEPARATOR:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(self[entry])
                self[entry].setIconText(without_mnemonic(self[entry].iconText()))  # (a Chinese label's "(&N)" too)

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def _add(self, menu: QMenu, entry: str, extras: Mapping[str, Extra]) -> None:
        if entry == SEPARATOR:
            menu.addSeparator()
        elif entry in self._actions:
            menu.addAction(self._actions[entry])
        elif isinstance(extra := extras[entry], QMenu):
            menu.addMenu(extra)
        elif isinstance(extra, QAction):
            menu.addAction(extra)
        else:
            menu.addActions(list(extra))


def _call(slot: Callable[[], object], *_: object) -> None:
    """Call ``slot`` without QAction.triggered's ``checked`` argument."""
    slot()


def name_steps(undo: QAction, redo: QAction, stack: QUndoStack) -> None:
    """Keep Undo and Redo naming the step they take (in the menu and the
    tooltips; the toolbar keeps its short labels, not to move at every
    edit) and enabled when there is one."""
    undo.setIconText(QCoreApplication.translate("WindowActions", "Undo"))
    redo.setIconText(QCoreApplication.translate("WindowActions", "Redo"))
    for action, label, tip, text_changed, can_changed, text, can in (
        (
            undo,
            QT_TRANSLATE_NOOP("WindowActions", "&Undo {action}"),
            QT_TRANSLATE_NOOP("WindowActions", "Undo {action}"),
            stack.undoTextChanged,
            stack.canUndoChanged,
            stack.undoText,
            stack.canUndo,
        ),
        (
            redo,
            QT_TRANSLATE_NOOP("WindowActions", "&Redo {action}"),
            QT_TRANSLATE_NOOP("WindowActions", "Redo {action}"),
            stack.redoTextChanged,
            stack.canRedoChanged,
            stack.redoText,
            stack.canRedo,
        ),
    ):
        name_step = partial(_name_step, action, action.text(), _translated(label), _translated(tip))
        text_changed.connect(name_step)
        can_changed.connect(action.setEnabled)
        name_step(text())
        action.setEnabled(can())


def _name_step(action: QAction, bare: str, label: str, tip: str, step: str) -> None:
    """Name the step Undo (or Redo) takes back in ``action``'s menu item
    and tooltip (``bare``: the item without a step)."""
    action.setText(label.format(action=step) if step else bare)
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tooltip = tip.format(action=step) if step else action.iconText()
    action.setToolTip(f"{tooltip} ({shortcut})" if shortcut else tooltip)


def tag_slots(sidebar: Sidebar) -> dict[str, Callable[[], object]]:
    """The Tags menu's slots: New Tag (under the tag selected in
    ``sidebar``, if any) and the TAG_ACTIONS on the selected tag (they do
    nothing while none is)."""

    def on_tag(act: Callable[[TagView], object]) -> Callable[[], object]:
        return lambda: (tag := sidebar.selected_tag()) is not None and act(tag)

    return {
        "new-tag": lambda: sidebar.new_tag(sidebar.selected_tag()),
        "rename-tag": on_tag(sidebar.rename_tag),
        "tag-colour": on_tag(sidebar.set_colour),
        "thesaurus-entry": on_tag(sidebar.edit_thesaurus),
        "merge-tag": on_tag(sidebar.merge_tag),
        "delete-tag": on_tag(sidebar.delete_tag),
    }


def enable_tag_actions(actions: WindowActions, sidebar: Sidebar, writable: bool) -> None:
    """Each time the Tags menu opens, enable the TAG_ACTIONS if a tag is
    selected in ``sidebar`` (never in a library not ``writable``)."""

    def enable() -> None:
        chosen = writable and sidebar.selected_tag() is not None
        for name in TAG_ACTIONS:
            actions[name].setEnabled(chosen)

    actions.menus["tags"].aboutToShow.connect(enable)
