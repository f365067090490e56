"""The sidebar: the tag tree and facet sections (organisations, people,
places, years, languages, status) with counts within the current result.

Clicking an entry filters by it; clicking it again excludes it, a third
time drops it (calibre's cycle). Ctrl-click keeps the other filters (AND).
Tags take dropped stories (tagging them) and can be dragged onto other
tags (moving them); the context menu creates, renames, colours, merges and
deletes tags, all through undoable commands."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QHeaderView,
    QInputDialog,
    QMenu,
    QMessageBox,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
)

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import EntityKind, FacetKind, Facets, Filter, StoryStatus, TagView
from ngodesk.services import queries, tags, thesaurus, trash
from ngodesk.services.story_collections import CollectionView
from ngodesk.ui import mime
from ngodesk.ui.commands import (
    Actions,
    Command,
    CreateTag,
    DeleteTag,
    EditThesaurusEntry,
    MergeTags,
    MoveTag,
    RenameTag,
    SetTagColour,
    TagStories,
)
from ngodesk.ui.i18n import number
from ngodesk.ui.labels import language_name, story_status, translation_status
from ngodesk.ui.records_view import RecordActions
from ngodesk.ui.sidebar_collections import CollectionsSection
from ngodesk.ui.sidebar_items import ABOUT, ALL, KEY, LABEL, SAVED, STATE, children, entry, hint, section
from ngodesk.ui.tag_thesaurus import ThesaurusDialog

if TYPE_CHECKING:
    from ngodesk.ui.search_runner import Counts


class Sidebar(QTreeWidget):
    """``filters_changed`` when the user picks or drops a filter;
    ``show_all`` when "All stories" is clicked (the owner clears the search
    too)."""

    filters_changed = Signal()
    show_all = Signal()
    #: (query text, filters) of a saved search the user chose
    saved_search_chosen = Signal(str, object)
    #: story ids to export (a collection's)
    export_requested = Signal(object)
    #: the Trash entry was clicked
    trash_requested = Signal()
    #: counting the saved searches failed: what to tell the user
    counting_failed = Signal(str)

    def __init__(self, actions: Actions) -> None:
        super().__init__()
        self.commands = actions
        self.records = RecordActions(self, actions)
        self.setHeaderLabels([self.tr("Browse"), self.tr("Stories")])
        self.setAccessibleName(self.tr("Tags and facets"))
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemClicked.connect(self._clicked)
        self._states: dict[tuple[FacetKind, str], int] = {}
        self._modifiers = Qt.KeyboardModifier.NoModifier
        self._tags: dict[int, TagView] = {}
        #: what the window searches for now and which stories are selected
        #: (set by the window; saving a search and making a collection use them)
        self.current_search: Callable[[], tuple[str, list[Filter]]] = lambda: ("", [])
        self.selected_stories: Callable[[], list[int]] = list
        self.all_item = QTreeWidgetItem([self.tr("All stories"), ""])
        self.all_item.setData(0, KEY, ALL)
        self.all_item.setToolTip(0, self.tr("Show all stories: clear the search and the filters"))
        self.last_import: QTreeWidgetItem | None = None  # (see show_last_import)
        self.collections = CollectionsSection(self)
        self.collections_item = self.collections.item
        self.tags_item = section(self.tr("Tags"))
        self.sections = {
            FacetKind.TAG: self.tags_item,
            EntityKind.ORGANISATION: section(self.tr("Organisations")),
            EntityKind.PERSON: section(self.tr("People")),
            EntityKind.PLACE: section(self.tr("Places")),
            FacetKind.YEAR: section(self.tr("Years")),
            FacetKind.LANGUAGE: section(self.tr("Languages")),
            FacetKind.STATUS: section(self.tr("Status")),
            FacetKind.TRANSLATION: section(self.tr("Translations")),
        }
        self.addTopLevelItem(self.all_item)
        self.addTopLevelItem(self.collections_item)
        self.addTopLevelItems(list(self.sections.values()))
        self.trash_item = QTreeWidgetItem([self.tr("Trash"), ""])
        self.trash_item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.trash_item.setToolTip(0, self.tr("Deleted stories, kept 30 days: click to restore or let go"))
        self.trash_item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        self.addTopLevelItem(self.trash_item)
        self.reload_trash()
        self.tags_item.setExpanded(True)
        self.collections_item.setExpanded(True)
        self.reload_tags()
        self.reload_collections()

    # -- filters -------------------------------------------------------

    def filters(self) -> list[Filter]:
        """The filters picked, in the order they were picked."""
        return [Filter(kind, value, state == 2) for (kind, value), state in self._states.items() if state]

    def clear_filters(self) -> None:
        """Drop every filter."""
        if self._states:
            self._states.clear()
            self._paint_states()
            self.filters_changed.emit()

    def set_filter(self, kind: FacetKind, value: str, state: int, keep_others: bool = False) -> None:
        """Set one entry's state (0 off, 1 include, 2 exclude)."""
        if not keep_others:
            self._states = {key: s for key, s in self._states.items() if key == (kind, value)}
        self._states.pop((kind, value), None)
        if state:
            self._states[(kind, value)] = state
        self._paint_states()
        self.filters_changed.emit()

    def _clicked(self, item: QTreeWidgetItem, column: int) -> None:
        key = item.data(0, KEY)
        if (saved := item.data(0, SAVED)) is not None and saved in self.collections.views:
            view = self.collections.views[saved]
            self.saved_search_chosen.emit(view.query, list(view.filters))
        elif key == ALL:
            self.show_all.emit()
        elif item is self.trash_item:
            self.trash_requested.emit()
        elif key:
            kind, value = key
            keep = bool(self._modifiers & Qt.KeyboardModifier.ControlModifier)
            current = self._states.get((kind, value), 0)
            if not keep and current and len(self._states) > 1:
                current = 0  # a plain click on one of several filters: just this one
            self.set_filter(kind, value, (current + 1) % 3, keep_others=keep)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._modifiers = event.modifiers()  # for the click that follows
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter, Return or Space on an entry acts like a click on it (with
        Ctrl: adds it to the other filters)."""
        item = self.currentItem()
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in keys and item is not None and (item.data(0, KEY) or item is self.trash_item):
            self._modifiers = event.modifiers()
            self._clicked(item, 0)
            return
        super().keyPressEvent(event)

    def _paint_states(self) -> None:
        """Show each entry's filter state (mark, font, tip); entries already
        showing theirs are left alone (each change costs Qt a redraw: all
        of them took 20-30 ms per filter)."""
        tips = {
            0: self.tr("Click to show only these"),
            1: self.tr("Click again to exclude these"),
            2: self.tr("Click again to drop this filter"),
        }
        for item, key in self._entries():
            state = self._states.get(key, 0)
            if item.data(0, STATE) == state:
                continue
            item.setData(0, STATE, state)
            font = QFont(item.font(0))
            font.setBold(state == 1)
            font.setStrikeOut(state == 2)
            item.setFont(0, font)
            label = item.data(0, LABEL)
            item.setText(0, {0: label, 1: "✓ " + label, 2: "⊘ " + label}[state])
            about = item.data(0, ABOUT)
            click = tips[state]
            item.setToolTip(0, f"{about}\n{click}" if about else click)

    def _entries(self) -> list[tuple[QTreeWidgetItem, tuple[FacetKind, str]]]:
        """Every filtering entry with its key (the sections' headings and
        "All stories" are none; leaves are not asked for children)."""
        found = []
        stack = children(self.invisibleRootItem())
        while stack:
            item = stack.pop()
            key = item.data(0, KEY)
            if key is not None and key != ALL:
                found.append((item, key))
            if item.childCount():
                stack += children(item)
        return found

    # -- contents ------------------------------------------------------

    def reload_tags(self) -> None:
        """Rebuild the tag tree (after tags were added, renamed, moved...);
        counts come with the next ``show_counts``."""
        expanded = {key for item, key in self._entries() if item.isExpanded()}
        self.tags_item.takeChildren()
        self._tags = {tag.id: tag for tag in queries.tags(self.commands.library, counted=False)}
        entries = {
            record.uuid: record for record in queries.tag_records(self.commands.library, list(self._tags.values()))
        }
        items: dict[int, QTreeWidgetItem] = {}
        for tag in self._tags.values():
            item = entry(FacetKind.TAG, str(tag.id), tag.name)
            if (record := entries.get(tag.uuid)) is not None and (record.synonyms or record.scope_note):
                about = [record.scope_note] if record.scope_note else []
                if record.synonyms:
                    about.append(self.tr("Also: {names}").format(names=", ".join(record.synonyms)))
                item.setData(0, ABOUT, "\n".join(about))
            if tag.colour:
                pixmap = QPixmap(12, 12)
                pixmap.fill(QColor(tag.colour))
                item.setIcon(0, QIcon(pixmap))
            items[tag.id] = item
            parent = items.get(tag.parent_id) if tag.parent_id is not None else None
            (parent or self.tags_item).addChild(item)
            item.setExpanded(item.data(0, KEY) in expanded)
        if not self._tags:
            self.tags_item.addChild(line := hint(self.tr("No tags yet (right-click to add one)")))
            line.setFirstColumnSpanned(True)
        known = {(FacetKind.TAG, str(tag_id)) for tag_id in self._tags}
        self._states = {k: s for k, s in self._states.items() if k[0] is not FacetKind.TAG or k in known}
        self._paint_states()

    def reload_collections(self) -> None:
        """List the saved searches and manual collections again (see
        ``CollectionsSection.reload``); a filter by a collection gone goes."""
        self.collections.reload()
        known = {(FacetKind.COLLECTION, str(i)) for i, c in self.collections.views.items() if not c.smart}
        dropped = {k for k in self._states if k[0] is FacetKind.COLLECTION and k not in known}
        self._states = {k: s for k, s in self._states.items() if k not in dropped}
        self._paint_states()
        if dropped:
            self.filters_changed.emit()

    def reload_trash(self) -> None:
        """Show how many stories the Trash holds."""
        held = trash.count(self.commands.library)
        self.trash_item.setText(1, number(held) if held else "")

    def stop(self) -> None:
        """Stop the background work (the window closes): returns once the
        count of the saved searches under way has stopped."""
        self.collections.stop()

    def apply_filters(self, filters: Sequence[Filter]) -> None:
        """Make ``filters`` the sidebar's filters (a saved search's)."""
        self._states = {(f.kind, f.value): 2 if f.exclude else 1 for f in filters}
        self._paint_states()

    def show_last_import(self, first: int, last: int, count: int) -> None:
        """Show the stories of the session's last import (ids ``first`` to
        ``last``, ``count`` of them) under "Last import", chosen alone; the
        entry of an earlier import goes."""
        self.forget_last_import()
        value = f"{first}-{last}"
        self.last_import = entry(FacetKind.STORIES, value, self.tr("Last import"))
        self.last_import.setData(0, ABOUT, self.tr("The stories the last import added (until the window closes)"))
        self.last_import.setText(1, number(count))
        self.insertTopLevelItem(1, self.last_import)
        self.set_filter(FacetKind.STORIES, value, 1)

    def forget_last_import(self) -> None:
        """Drop the "Last import" entry (and its filter, if chosen)."""
        item, self.last_import = self.last_import, None
        if item is None:
            return
        self.takeTopLevelItem(self.indexOfTopLevelItem(item))
        if self._states.pop(item.data(0, KEY), 0):
            self.filters_changed.emit()

    def show_library_size(self, total: int) -> None:
        """Show how many stories "All stories" stands for."""
        self.all_item.setText(1, number(total))

    def show_counts(self, result: Counts) -> None:
        """Show how the current result spreads over the entries."""
        facets, refs, names = result.facets, result.records, result.names
        self._show_tag_counts(self.tags_item, facets)
        active = [int(value) for kind, value in self._states if kind is FacetKind.ENTITY]
        for kind in (EntityKind.ORGANISATION, EntityKind.PERSON, EntityKind.PLACE):
            of_kind = [i for i in facets.top_records.get(kind, ()) if i in refs]
            of_kind += [i for i in active if i in refs and refs[i].kind is kind and i not in of_kind]
            counts = {str(i): facets.entities.get(i, 0) for i in of_kind}
            self._fill(self.sections[kind], FacetKind.ENTITY, counts, lambda v: names[int(v)])
        years = dict(sorted(facets.years.items(), reverse=True))
        self._fill(self.sections[FacetKind.YEAR], FacetKind.YEAR, years, lambda v: v or self.tr("Undated"))
        self._fill(self.sections[FacetKind.LANGUAGE], FacetKind.LANGUAGE, facets.languages, language_name)
        statuses = {s.value: facets.statuses.get(s.value, 0) for s in StoryStatus}
        self._fill(self.sections[FacetKind.STATUS], FacetKind.STATUS, statuses, story_status)
        translations = dict(sorted(facets.translations.items()))
        self._fill(self.sections[FacetKind.TRANSLATION], FacetKind.TRANSLATION, translations, self._translation_label)
        self._paint_states()

    def _translation_label(self, value: str) -> str:
        """``en:draft`` -> ``English: draft`` (in the interface's words)."""
        language, _, state = value.partition(":")
        return self.tr("{language}: {state}").format(language=language_name(language), state=translation_status(state))

    def _show_tag_counts(self, parent: QTreeWidgetItem, facets: Facets) -> None:
        for item in children(parent):
            key = item.data(0, KEY)
            if key:
                count = facets.tags.get(int(key[1]), 0)
                text = number(count)
                if item.text(1) != text:  # (each change costs Qt a signal and a redraw; the grey follows the count)
                    item.setText(1, text)
                    item.setForeground(0, QBrush() if count else QBrush(QColor("#999999")))
                if item.childCount():
                    self._show_tag_counts(item, facets)

    def _fill(self, section: QTreeWidgetItem, kind: FacetKind, counts: Mapping[str, int], label: object) -> None:
        """Entries for ``counts`` (plus active filters of ``kind`` with none)."""
        if kind is not FacetKind.ENTITY:  # (active records are in ``counts`` already)
            counts = {**counts, **{v: 0 for k, v in self._states if k is kind and v not in counts}}
        shown = children(section)
        keys = [item.data(0, KEY) for item in shown]
        # Entries already shown are kept (with their marks and tips), their
        # counts and names updated: making and marking ~300 new ones took
        # ~25 ms of each count at a million stories.
        kept = dict(zip(keys, shown, strict=True))
        items = []
        for value, count in counts.items():
            name = label(value)  # type: ignore[operator]
            item = kept.get((kind, value))
            if item is None:
                item = entry(kind, value, name)
            elif item.data(0, LABEL) != name:  # (renamed meanwhile)
                item.setData(0, LABEL, name)
                item.setData(0, STATE, None)  # (its text is shown anew with its state)
            if item.text(1) != (text := number(count)):
                item.setText(1, text)
            items.append(item)
        if keys != [(kind, value) for value in counts]:  # (else the same entries in the same order)
            current = self.currentItem()
            current_key = current.data(0, KEY) if current is not None and current.parent() is section else None
            section.takeChildren()
            section.addChildren(items)
            for item in items:
                if item.data(0, KEY) == current_key:
                    self.setCurrentItem(item)  # the keyboard stays where it was
        section.setHidden(not counts)

    # -- tag actions ---------------------------------------------------

    def selected_tag(self) -> TagView | None:
        """The tag under the selection, if a tag is selected."""
        item = self.currentItem()
        key = item.data(0, KEY) if item else None
        if not key or key == ALL or key[0] is not FacetKind.TAG:
            return None
        return self._tags.get(int(key[1]))

    def run_command(self, command: Command) -> bool:
        """Run ``command`` (undoable); False, the user told why, if it failed."""
        try:
            self.commands.run(command)
        except NgodeskError as error:
            QMessageBox.warning(self, self.tr("Tags"), str(error))
            return False
        return True

    def _menu(self, position: QPoint) -> None:
        item = self.itemAt(position)
        if item is not None:
            self.setCurrentItem(item)
        tag = self.selected_tag()
        menu = QMenu(self)
        writable = not self.commands.library.readonly

        def change(text: str, slot: Callable[[], object]) -> None:  # an entry that writes
            menu.addAction(text, slot).setEnabled(writable)

        change(self.tr("New Tag…"), lambda: self.new_tag(None))
        if tag is not None:
            change(self.tr("New Tag Inside “{name}”…").format(name=tag.name), lambda: self.new_tag(tag))
            menu.addSeparator()
            change(self.tr("Rename…"), lambda: self.rename_tag(tag))
            change(self.tr("Set Colour…"), lambda: self.set_colour(tag))
            change(self.tr("Thesaurus Entry…"), lambda: self.edit_thesaurus(tag))
            change(self.tr("Merge Into…"), lambda: self.merge_tag(tag))
            if tag.parent_id is not None:
                to_top = MoveTag(tag.id, tag.name, tag.parent_id, None)
                change(self.tr("Move to the Top"), lambda: self.run_command(to_top))
            change(self.tr("Delete…"), lambda: self.delete_tag(tag))
        if item is not None and (item is self.collections_item or item.parent() is self.collections_item):
            self.collections.add_menu(menu, change)
        key = item.data(0, KEY) if item is not None else None
        if key and key != ALL and key[0] is FacetKind.ENTITY and (view := self.records.view(int(key[1]))):
            menu.addSeparator()
            change(self.tr("Edit Record…"), lambda: self.records.edit(view))
            change(self.tr("Merge Into…"), lambda: self.records.merge(view))
            change(self.tr("Split…"), lambda: self.records.split(view))
            change(self.tr("Delete Record…"), lambda: self.records.delete(view))
        if key and key != ALL:
            menu.addSeparator()
            menu.addAction(self.tr("Show Only These"), lambda: self.set_filter(key[0], key[1], 1))
            menu.addAction(self.tr("Exclude These"), lambda: self.set_filter(key[0], key[1], 2, keep_others=True))
        menu.addAction(self.tr("Clear Filters"), self.clear_filters)
        menu.exec(self.viewport().mapToGlobal(position))

    def save_search(self) -> None:
        """Save what the window searches for now (text and filters)."""
        self.collections.save_search()

    def new_collection(self) -> None:
        """A manual collection of the selected stories (maybe none yet)."""
        self.collections.new_collection()

    def delete_collection(self, chosen: CollectionView) -> None:
        """Delete ``chosen`` once the user agrees (its stories stay)."""
        self.collections.delete(chosen)

    def new_tag(self, parent: TagView | None) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New Tag"), self.tr("Name:"))
        if ok and name.strip():
            self.run_command(CreateTag(parent.id if parent else None, name))

    def rename_tag(self, tag: TagView) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Rename Tag"), self.tr("New name:"), text=tag.name)
        if ok and name.strip() and name.strip() != tag.name:
            self.run_command(RenameTag(tag.id, tag.name, name.strip()))

    def set_colour(self, tag: TagView) -> None:
        colour = QColorDialog.getColor(QColor(tag.colour or "#808080"), self, self.tr("Tag Colour"))
        if colour.isValid():
            self.run_command(SetTagColour(tag.id, tag.name, tag.colour, colour.name()))

    def edit_thesaurus(self, tag: TagView) -> None:
        """Edit the tag's synonyms, related tags and scope note (one undo step)."""
        before = thesaurus.entry(self.commands.library, tag.id)
        others = {t.id: t.path for t in self._tags.values() if t.id != tag.id}
        dialog = ThesaurusDialog(tag.path, before, others, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and (after := dialog.entry()) != before:
            self.run_command(EditThesaurusEntry(tag.id, tag.path, before, after))

    def merge_tag(self, tag: TagView) -> None:
        others = [t.path for t in self._tags.values() if t.id != tag.id]
        if not others:
            return
        path, ok = QInputDialog.getItem(
            self, self.tr("Merge Tag"), self.tr("Merge “{name}” into:").format(name=tag.path), others, 0, False
        )
        if ok:
            target = next(t for t in self._tags.values() if t.path == path)
            self.run_command(MergeTags(tag.id, target.id, tag.path, target.path))

    def delete_tag(self, tag: TagView) -> None:
        affected = tags.stories_affected_by_delete(self.commands.library, tag.id)
        below = sum(1 for t in self._tags.values() if t.path.startswith(tag.path + "/"))
        if affected == 1:
            text = self.tr("Delete the tag “{path}”? 1 story will lose it.")
        else:
            text = self.tr("Delete the tag “{path}”? %Ln stories will lose it.", "", affected)
        text = text.format(path=tag.path)
        if below:
            text += " " + (
                self.tr("The tag inside it goes too.")
                if below == 1
                else self.tr("The %Ln tags inside it go too.", "", below)
            )
        answer = QMessageBox.question(self, self.tr("Delete Tag"), text + "\n" + self.tr("You can undo this."))
        if answer == QMessageBox.StandardButton.Yes:
            self.run_command(DeleteTag(tag.id, tag.path))

    # -- drag and drop -------------------------------------------------

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:  # type: ignore[override]  # noqa: N802
        keys = [item.data(0, KEY) for item in items]
        return mime.pack(mime.TAG_IDS, [int(key[1]) for key in keys if key and key != ALL and key[0] is FacetKind.TAG])

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [mime.STORY_IDS, mime.TAG_IDS]

    def _target(self, position: QPoint) -> TagView | None:
        item = self.itemAt(position)
        key = item.data(0, KEY) if item else None
        if not key or key == ALL or key[0] is not FacetKind.TAG:
            return None
        return self._tags.get(int(key[1]))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if not self.commands.library.readonly and any(event.mimeData().hasFormat(m) for m in self.mimeTypes()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(mime.STORY_IDS) and self.collections.at(event.position().toPoint()):
            event.acceptProposedAction()
            return
        target = self._target(event.position().toPoint())
        on_section = self.itemAt(event.position().toPoint()) is self.tags_item
        moving_tag = event.mimeData().hasFormat(mime.TAG_IDS)
        if target is not None or (moving_tag and on_section):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        target = self._target(event.position().toPoint())
        data = event.mimeData()
        event.acceptProposedAction()
        if data.hasFormat(mime.STORY_IDS) and (shelf := self.collections.at(event.position().toPoint())):
            self.collections.add(shelf, mime.unpack(data, mime.STORY_IDS))
            return
        if data.hasFormat(mime.STORY_IDS) and target is not None:
            self.tag_stories(mime.unpack(data, mime.STORY_IDS), target)
        elif data.hasFormat(mime.TAG_IDS):
            for tag_id in mime.unpack(data, mime.TAG_IDS):
                tag = self._tags.get(tag_id)
                new_parent = target.id if target is not None else None
                if tag is not None and tag.parent_id != new_parent and tag_id != new_parent:
                    self.run_command(MoveTag(tag_id, tag.name, tag.parent_id, new_parent))

    def tag_stories(self, story_ids: list[int], tag: TagView) -> None:
        """Tag stories (a drop onto ``tag``), undoably."""
        if story_ids:
            self.run_command(TagStories(story_ids, tag.id, tag.path, add=True))
