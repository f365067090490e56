"""Story > Authority Records: every organisation, person and place, found
by any of its names, with New, Edit, Merge Into, Split and Delete (each one
undo step), and Show Stories. The same edit actions serve the sidebar's
record entries (``RecordActions``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import ChangeSet, EntityKind, EntityView, FacetKind, Filter
from ngodesk.search.chinese import sort_key
from ngodesk.search.names import NameIndex, RecordNames
from ngodesk.services import entities, queries
from ngodesk.ui.commands import Actions, ChangeRecords, Command, EditRecord, NewRecord, SplitRecord
from ngodesk.ui.i18n import number
from ngodesk.ui.labels import interface_language, record_name
from ngodesk.ui.record_editor import RecordDialog, SplitDialog
from ngodesk.ui.suggestions_view import kind_label

#: Stories listed at most when splitting a record.
SPLIT_STORIES = 2000


def _label(view: EntityView) -> str:
    return f"{record_name(view)} ({kind_label(view.kind)})"


translate = QCoreApplication.translate


class RecordActions:
    """New, edit, merge, split and delete records from ``parent`` through
    ``actions`` (dialogs ask; commands write)."""

    def __init__(self, parent: QWidget, actions: Actions) -> None:
        self.parent, self.commands = parent, actions

    def _run(self, command: Command) -> bool:
        try:
            self.commands.run(command)
        except NgodeskError as error:
            QMessageBox.warning(self.parent, translate("RecordActions", "Authority Records"), str(error))
            return False
        return True

    def view(self, entity_id: int) -> EntityView | None:
        return next((v for v in queries.entities(self.commands.library) if v.id == entity_id), None)

    def edit(self, view: EntityView | None) -> bool:
        """Edit ``view`` (None: make a new record) in the record form."""
        views = queries.entities(self.commands.library)
        ids = {v.uuid: v.id for v in views}
        others = {v.id: _label(v) for v in views if view is None or v.id != view.id}
        see_also = [ids[u] for u in view.see_also if u in ids] if view else []
        dialog = RecordDialog(view, others, see_also, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if view is None:
            return self._run(NewRecord(dialog.kind_chosen(), dialog.fields()))
        old = entities.RecordFields(
            view.name, view.alt_names, view.note, view.type, view.country, view.external_id, tuple(see_also)
        )
        new = dialog.fields()
        return new != old and self._run(EditRecord(view.id, old, new))

    def merge(self, view: EntityView) -> bool:
        """Ask which record of the same kind ``view`` goes into, and merge."""
        targets = [v for v in queries.entities(self.commands.library, view.kind) if v.id != view.id]
        if not targets:
            QMessageBox.information(
                self.parent,
                translate("RecordActions", "Merge Record"),
                translate("RecordActions", "There is no other {kind} to merge “{name}” into.").format(
                    kind=kind_label(view.kind).lower(), name=record_name(view)
                ),
            )
            return False
        labels = [
            translate("RecordActions", "{name} ({n} stories)").format(name=record_name(v), n=v.story_count)
            for v in targets
        ]
        chosen, ok = QInputDialog.getItem(
            self.parent,
            translate("RecordActions", "Merge Record"),
            translate(
                "RecordActions", "Merge “{name}” into (its stories move there, its names become alternative names):"
            ).format(name=record_name(view)),
            labels,
            0,
            False,
        )
        if not ok:
            return False
        target = targets[labels.index(chosen)]
        return self._run(ChangeRecords.merge(view.id, target.id, view.name, target.name))

    def split(self, view: EntityView) -> bool:
        """Ask what the new record takes, and split ``view``."""
        library = self.commands.library
        linked = queries.matching_ids(library, "", [Filter(FacetKind.ENTITY, str(view.id))], limit=SPLIT_STORIES)
        titles = {s.id: s.title for s in queries.stories(library, linked.tolist())}
        dialog = SplitDialog(view, titles, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        name, names, story_ids = dialog.split()
        return self._run(SplitRecord(view.id, name, names, story_ids))

    def delete(self, view: EntityView) -> bool:
        """Delete ``view`` once the user agrees."""
        answer = QMessageBox.question(
            self.parent,
            translate("RecordActions", "Delete Record"),
            translate("RecordActions", "Delete “{name}”? {n} stories lose the link to it. You can undo this.").format(
                name=record_name(view), n=view.story_count
            ),
        )
        return answer == QMessageBox.StandardButton.Yes and self._run(ChangeRecords.delete(view.id, view.name))


class RecordsDialog(QDialog):
    """The authority file. ``show_record(id)`` shows the record's stories
    in the main window."""

    COLUMNS = 6

    def __init__(self, actions: Actions, show_record: Callable[[int], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Authority Records"))
        self.commands, self.show_record = actions, show_record
        self.edits = RecordActions(self, actions)
        self.views: list[EntityView] = []
        self.names = NameIndex((), "en")
        self.find_text = QLineEdit()
        self.find_text.setPlaceholderText(self.tr("Find a record by any of its names (中文, English, acronym…)"))
        self.find_text.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), "")
        for kind in EntityKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Other names"),
                self.tr("Type"),
                self.tr("Country"),
                self.tr("Stories"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda *_: self._with_selected(self.edits.edit))
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.find_text.textChanged.connect(self._fill)
        self.kind.currentIndexChanged.connect(self._fill)
        self.table.itemSelectionChanged.connect(self._enable)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        new = buttons.addButton(self.tr("&New…"), QDialogButtonBox.ButtonRole.ActionRole)
        new.clicked.connect(lambda: self.edits.edit(None))
        self.record_buttons: list[QPushButton] = []
        for text, act in (
            (self.tr("&Edit…"), self.edits.edit),
            (self.tr("&Merge Into…"), self.edits.merge),
            (self.tr("S&plit…"), self.edits.split),
            (self.tr("&Delete…"), self.edits.delete),
            (self.tr("Show &Stories"), lambda view: self.show_record(view.id)),
        ):
            button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _=False, act=act: self._with_selected(act))
            self.record_buttons.append(button)
        for button in [new, *self.record_buttons[:4]]:
            button.setEnabled(not actions.library.readonly)
        top = QHBoxLayout()
        top.addWidget(self.find_text, 1)
        top.addWidget(self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(980, 520)
        actions.hub.changed.connect(self._changed)
        self.reload()

    def _changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.entities_added or changes.entities_changed or changes.entities_removed or changes.stories_removed:
            self.reload()

    def reload(self) -> None:
        """Read the records again (keeping the one selected)."""
        self.views = queries.entities(self.commands.library)
        self.names = NameIndex((RecordNames(v.id, v.name, v.alt_names) for v in self.views), interface_language())
        self.views.sort(key=lambda v: (v.kind.value, sort_key(self.names.label(v.id))))  # (Chinese by pinyin)
        self._fill()

    def _shown(self) -> list[EntityView]:
        """The records of the kind chosen that the text typed finds by any
        of their names (``search.names``), the best found first."""
        wanted, kind = self.find_text.text().strip(), self.kind.currentData()
        views = [v for v in self.views if not kind or v.kind.value == kind]
        if not wanted:
            return views
        by_id = {v.id: v for v in views}
        return [by_id[m.id] for m in self.names.complete(wanted, limit=len(self.views)) if m.id in by_id]

    def _fill(self) -> None:
        chosen = self.selected()
        shown = self._shown()
        self.table.setRowCount(len(shown))
        for row, view in enumerate(shown):
            name = self.names.label(view.id)
            names = [(view.name, False), *((n.name, n.preferred) for n in view.alt_names)]
            others = ", ".join(text + (" ★" if preferred else "") for text, preferred in names if text != name)
            cells = (name, kind_label(view.kind), others, view.type, view.country, number(view.story_count))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(view.note or text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, view.id)
                self.table.setItem(row, column, item)
            if chosen is not None and view.id == chosen.id:
                self.table.selectRow(row)
        if shown:
            self.empty.hide()
        else:
            self.empty.setText(
                self.tr("No record has a name like “{text}”.").format(text=self.find_text.text())
                if self.views
                else self.tr("No records yet: New… makes one; so does linking a name to a story in the editor.")
            )
            self.empty.show()
        self._enable()

    def selected(self) -> EntityView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        entity_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((v for v in self.views if v.id == entity_id), None)

    def _enable(self) -> None:
        chosen = self.selected() is not None
        for index, button in enumerate(self.record_buttons):
            button.setEnabled(chosen and (index == 4 or not self.commands.library.readonly))

    def _with_selected(self, act: Callable[[EntityView], object]) -> None:
        if (view := self.selected()) is not None:
            act(view)
