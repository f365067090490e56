"""The editor's History tab: every change to the story shown, newest
first, by revision (when, who, what, before, after), and Go Back to a
revision (one undo step)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import ChangeSet, StoryView
from ngodesk.services import history
from ngodesk.ui.commands import Actions, RevertStory
from ngodesk.ui.labels import field_label

#: Characters of a value shown in the list (the tooltip has more).
_SHOWN = 80
_TIP = 2000
_DIM = QBrush(QColor("#777777"))


def _value(text: str | None) -> str:
    if text is None:
        return ""
    flat = " ".join(text[: _SHOWN * 4].split())  # (not the whole of a long text: a body may be huge)
    return flat if len(flat) <= _SHOWN and len(text) <= _SHOWN * 4 else flat[:_SHOWN] + "…"


class HistoryPane(QWidget):
    """Follows the editor's story (``show_story``); reads the history only
    while it is visible."""

    def __init__(self, actions: Actions) -> None:
        super().__init__()
        self.commands = actions
        self.story: StoryView | None = None
        self._stale = True
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("What"), self.tr("Before → after")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 120)
        self.back_button = QPushButton(self.tr("&Go Back to This Revision"))
        self.back_button.setToolTip(
            self.tr("Make the story as it was at the chosen revision (fields, tags and records); you can undo this.")
        )
        self.back_button.clicked.connect(self.go_back)
        self.tree.itemSelectionChanged.connect(self._enable)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        actions.hub.changed.connect(self._changed)
        self._enable()

    def show_story(self, story: StoryView | None) -> None:
        self.story = story
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.reload()

    def _changed(self, changes: ChangeSet, _initiator: object) -> None:
        if self.story is not None and self.story.id in changes.stories_changed:
            self._stale = True  # (the editor shows the story again, which reloads this)

    def reload(self) -> None:
        """Read the shown story's history again."""
        self._stale = False
        self.tree.clear()
        if self.story is None:
            self.summary.setText(self.tr("Select a story to see its history."))
            self._enable()
            return
        try:
            found = history.changes(self.commands.library, self.story.id)
        except NgodeskError as error:
            self.summary.setText(str(error))
            return
        by_revision: dict[int, list[history.Change]] = {}
        for change in found:
            by_revision.setdefault(change.revision, []).append(change)
        for revision in sorted(by_revision, reverse=True):
            group = by_revision[revision]
            first = group[0]
            when = f"{first.at.astimezone():%Y-%m-%d %H:%M}"
            head = QTreeWidgetItem(
                [self.tr("Revision {n} · {when} · {who}").format(n=revision, when=when, who=first.who)]
            )
            head.setData(0, Qt.ItemDataRole.UserRole, revision)
            for change in group:
                item = QTreeWidgetItem([field_label(change.field), self._change_text(change)])
                item.setToolTip(1, self._change_tip(change))
                item.setData(0, Qt.ItemDataRole.UserRole, revision)
                head.addChild(item)
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            head.setExpanded(True)
        created = QTreeWidgetItem(
            [self.tr("Revision 1 · {when} · added").format(when=f"{self.story.created_at.astimezone():%Y-%m-%d %H:%M}")]
        )
        created.setData(0, Qt.ItemDataRole.UserRole, 1)
        created.setForeground(0, _DIM)
        self.tree.addTopLevelItem(created)
        created.setFirstColumnSpanned(True)
        self.summary.setText(
            self.tr("%Ln changes since the story was added.", "", len(found))
            if found
            else self.tr("No changes since the story was added.")
        )
        self._enable()

    def _change_text(self, change: history.Change) -> str:
        if change.linked:
            return f"+ {change.new}" if change.new is not None else f"− {change.old}"
        empty = self.tr("(empty)")
        return f"{_value(change.old) or empty} → {_value(change.new) or empty}"

    def _change_tip(self, change: history.Change) -> str:
        return self.tr("Before: {old}\nAfter: {new}\nBy {who}").format(
            old=(change.old or "")[:_TIP], new=(change.new or "")[:_TIP], who=change.who or "?"
        )

    def chosen_revision(self) -> int | None:
        items = self.tree.selectedItems()
        return int(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def _enable(self) -> None:
        revision = self.chosen_revision()
        current = self.story.revision if self.story is not None else 0
        self.back_button.setEnabled(revision is not None and revision < current and not self.commands.library.readonly)

    def go_back(self) -> bool:
        """Revert the story to the chosen revision."""
        revision = self.chosen_revision()
        if self.story is None or revision is None:
            return False
        try:
            self.commands.run(RevertStory(self.story.id, revision, self.story.revision, self.story.title))
        except NgodeskError as error:
            self.summary.setText(str(error))
            return False
        return True
