"""The sidebar's Collections section: saved searches (a click runs one)
and manual collections (an entry filtering the list, like a tag), each
with how many stories it holds now, and the context menu's entries that
save, make, fill, rename, export and delete them (undoable commands).

A saved search's count is a full search: they are counted on a worker
thread (``Latest``: a reload while counting supersedes the count under
way); a failure is said through the sidebar's ``counting_failed``."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QStyle, QTreeWidgetItem

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import FacetKind
from ngodesk.services import story_collections
from ngodesk.services.story_collections import CollectionView
from ngodesk.store.faults import STORAGE_ERRORS
from ngodesk.store.library import Library
from ngodesk.ui.commands import AddToCollection, DeleteCollection, NewCollection, RenameCollection
from ngodesk.ui.i18n import number
from ngodesk.ui.jobs import Latest
from ngodesk.ui.sidebar_items import ALL, KEY, SAVED, children, entry, hint, section

if TYPE_CHECKING:
    from ngodesk.ui.sidebar import Sidebar

#: A saved search's count (or "?") and what went wrong counting it ("").
Count = tuple[int | str, str]


class CollectionsSection(QObject):
    """The Collections heading (``item``) of ``sidebar`` and what is under
    it: ``views`` by id, as last reloaded."""

    def __init__(self, sidebar: Sidebar) -> None:
        super().__init__(sidebar)
        self._sidebar = sidebar
        self.item = section(self.tr("Collections"))
        self.views: dict[int, CollectionView] = {}
        self._counting = Latest(sidebar, self.tr("Counting the saved searches"))
        self._counting.failed.connect(self._count_failed)

    def reload(self) -> None:
        """List the saved searches (a click runs one) and manual collections
        (a filter, like a tag) with how many stories each holds now (a
        saved search's once counted)."""
        library = self._sidebar.commands.library
        self.views = {c.id: c for c in story_collections.collections(library, counted=False)}
        self.item.takeChildren()
        style = self._sidebar.style()
        for view in self.views.values():
            if view.smart:
                item = QTreeWidgetItem([view.name, ""])
                item.setData(0, SAVED, view.id)
                item.setIcon(0, style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView))
                shown = view.query or self.tr("(sidebar filters only)")
                item.setToolTip(0, self.tr("Saved search: {query}. Click to run it.").format(query=shown))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            else:
                item = entry(FacetKind.COLLECTION, str(view.id), view.name)
                item.setIcon(0, style.standardIcon(QStyle.StandardPixmap.SP_DirIcon))
            item.setText(1, "…" if view.story_count is None else number(view.story_count))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            self.item.addChild(item)
        saved = [view for view in self.views.values() if view.smart]
        ids = [view.id for view in saved]
        self._counting.run(
            [partial(_count, library, view) for view in saved],
            lambda counts: self._show_counts(dict(zip(ids, counts, strict=True))),
        )
        if not self.views:
            self.item.addChild(line := hint(self.tr("None yet (right-click to save a search or make one)")))
            line.setFirstColumnSpanned(True)

    def stop(self) -> None:
        """Stop counting for good (the window closes): returns once the
        count under way has stopped."""
        self._counting.stop()

    def _show_counts(self, counts: dict[int, Count]) -> None:
        """Show the saved searches' counts (by id); say the first failure."""
        for item in self._saved_items():
            if (saved := item.data(0, SAVED)) in counts:
                count = counts[saved][0]
                item.setText(1, number(count) if isinstance(count, int) else count)
        if failures := [failure for _, failure in counts.values() if failure]:
            self._count_failed(failures[0])

    def _count_failed(self, error: str) -> None:
        """Say ``error`` in the status bar; the saved searches not counted
        say "?"."""
        for item in self._saved_items():
            if item.text(1) == "…":
                item.setText(1, "?")
        self._sidebar.counting_failed.emit(self.tr("Could not count the saved searches: {error}").format(error=error))

    def _saved_items(self) -> list[QTreeWidgetItem]:
        return [item for item in children(self.item) if item.data(0, SAVED) is not None]

    def selected(self) -> CollectionView | None:
        """The collection (saved search or manual) selected, if one is."""
        item = self._sidebar.currentItem()
        if item is None or item.parent() is not self.item:
            return None
        key = item.data(0, KEY)
        found = item.data(0, SAVED) if key is None else int(key[1])
        return self.views.get(found) if found is not None else None

    def at(self, position: QPoint) -> CollectionView | None:
        """The manual collection whose entry is at ``position``, if any."""
        item = self._sidebar.itemAt(position)
        key = item.data(0, KEY) if item else None
        if not key or key == ALL or key[0] is not FacetKind.COLLECTION:
            return None
        return self.views.get(int(key[1]))

    # -- actions -------------------------------------------------------

    def add_menu(self, menu: QMenu, change: Callable[[str, Callable[[], object]], None]) -> None:
        """Add the section's entries to ``menu`` (``change`` adds one that
        writes)."""
        menu.addSeparator()
        change(self.tr("Save Current Search…"), self.save_search)
        change(self.tr("New Collection from Selected Stories…"), self.new_collection)
        chosen = self.selected()
        if chosen is None:
            return
        menu.addSeparator()
        if not chosen.smart:
            change(self.tr("Add Selected Stories"), lambda: self.add(chosen, self._sidebar.selected_stories()))
        change(self.tr("Rename…"), lambda: self.rename(chosen))
        library = self._sidebar.commands.library
        menu.addAction(
            self.tr("Export…"),
            lambda: self._sidebar.export_requested.emit(story_collections.stories_of(library, chosen.id)),
        )
        change(self.tr("Delete…"), lambda: self.delete(chosen))

    def save_search(self) -> None:
        """Save what the window searches for now (text and filters)."""
        query, filters = self._sidebar.current_search()
        filters = [f for f in filters if f.kind not in (FacetKind.COLLECTION, FacetKind.STORIES)]
        name, ok = QInputDialog.getText(
            self._sidebar, self.tr("Save Search"), self.tr("Name of the saved search:"), text=query.strip()[:60]
        )
        if ok and name.strip():
            self._sidebar.run_command(NewCollection(name.strip(), query, filters))

    def new_collection(self) -> None:
        """A manual collection of the selected stories (maybe none yet)."""
        story_ids = self._sidebar.selected_stories()
        name, ok = QInputDialog.getText(self._sidebar, self.tr("New Collection"), self.tr("Name of the collection:"))
        if ok and name.strip():
            self._sidebar.run_command(NewCollection(name.strip(), None, story_ids=story_ids))

    def add(self, chosen: CollectionView, story_ids: list[int]) -> None:
        """Add stories to the manual collection ``chosen``."""
        if story_ids:
            self._sidebar.run_command(AddToCollection(chosen.id, chosen.name, story_ids))

    def rename(self, chosen: CollectionView) -> None:
        name, ok = QInputDialog.getText(
            self._sidebar, self.tr("Rename Collection"), self.tr("New name:"), text=chosen.name
        )
        if ok and name.strip() and name.strip() != chosen.name:
            self._sidebar.run_command(RenameCollection(chosen.id, chosen.name, name.strip()))

    def delete(self, chosen: CollectionView) -> None:
        """Delete ``chosen`` once the user agrees (its stories stay)."""
        text = self.tr("Delete the collection “{name}”? Its stories stay in the library. You can undo this.")
        answer = QMessageBox.question(self._sidebar, self.tr("Delete Collection"), text.format(name=chosen.name))
        if answer == QMessageBox.StandardButton.Yes:
            self._sidebar.run_command(DeleteCollection(chosen.id, chosen.name))


def _count(library: Library, view: CollectionView) -> Count:
    """(worker) How many stories the saved search ``view`` finds now: "?"
    when its text no longer parses (its tooltip says what it was), or when
    the disk, the file or a bug failed (then said)."""
    try:
        return story_collections.count(library, view), ""
    except NgodeskError:
        return "?", ""
    except STORAGE_ERRORS as error:
        return "?", str(error)
    except Exception as error:  # noqa: BLE001 - a bug: said, its details kept for a report
        from ngodesk import crash_report

        return "?", crash_report.save(error)
