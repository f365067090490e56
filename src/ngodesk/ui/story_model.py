"""The story list's table model: ordered ids of the current result, rows
fetched in blocks as they are shown, so any library size scrolls at once."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ngodesk.domain.i18n import QT_TRANSLATE_NOOP
from ngodesk.domain.models import StoryRow
from ngodesk.search.snippet import hit_spans
from ngodesk.services import queries
from ngodesk.store.library import Library
from ngodesk.ui import mime
from ngodesk.ui.highlighting import HITS_ROLE
from ngodesk.ui.labels import language_name, story_status

BLOCK = 50
MAX_BLOCKS = 100

Index = QModelIndex | QPersistentModelIndex

#: The roles ``data`` answers, as the plain ints Qt passes (comparing with
#: the enum members costs more than the answer, a dozen times a cell a paint).
_USER, _DISPLAY, _TOOLTIP = (
    int(Qt.ItemDataRole.UserRole),
    int(Qt.ItemDataRole.DisplayRole),
    int(Qt.ItemDataRole.ToolTipRole),
)
_HITS = int(HITS_ROLE)


translate = QCoreApplication.translate


#: (attribute of StoryRow, header) in display order; the attribute is also
#: the sort key (see engine.SORT_KEYS), except for tags, which do not sort.
COLUMNS = (
    ("title", QT_TRANSLATE_NOOP("StoryTableModel", "Title")),
    ("published", QT_TRANSLATE_NOOP("StoryTableModel", "Published")),
    ("source", QT_TRANSLATE_NOOP("StoryTableModel", "Source")),
    ("language", QT_TRANSLATE_NOOP("StoryTableModel", "Language")),
    ("tags", QT_TRANSLATE_NOOP("StoryTableModel", "Tags")),
    ("status", QT_TRANSLATE_NOOP("StoryTableModel", "Status")),
    ("updated_at", QT_TRANSLATE_NOOP("StoryTableModel", "Updated")),
    ("translations", QT_TRANSLATE_NOOP("StoryTableModel", "Translations")),
)
UNSORTABLE = ("tags", "translations")


class StoryTableModel(QAbstractTableModel):
    """Rows are the stories of ``set_ids``; ``UserRole`` gives the story id,
    ``HITS_ROLE`` where the search's terms (``set_hit_terms``) occur in a
    title. Ids are kept as one int64 array (8 MB for a million rows)."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self._library = library
        self._ids = np.zeros(0, dtype=np.int64)
        #: Stories in the library when last counted (for empty-state hints).
        self.known_total = 0
        #: Recently shown blocks of rows; None marks a story deleted meanwhile.
        self._blocks: OrderedDict[int, list[StoryRow | None]] = OrderedDict()
        #: Per block, what ``data`` answered for its cells by (row, column,
        #: role): a view asks again at each paint, a dozen roles a cell.
        self._answers: dict[int, dict[tuple[int, int, int], object]] = {}
        self._hit_terms: tuple[str, ...] = ()
        self._flags: Qt.ItemFlag | None = None  # (a valid cell's, the same for all)

    def set_hit_terms(self, terms: Sequence[str]) -> None:
        """Mark these words (the search's) in the titles shown."""
        if tuple(terms) != self._hit_terms:
            self._hit_terms = tuple(terms)
            self._answers = {block: {} for block in self._answers}  # (the titles' marks change)
            if self._ids.size:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0), [HITS_ROLE])

    def set_ids(self, ids: Sequence[int] | np.ndarray) -> None:
        """Show these stories, in this order."""
        self.beginResetModel()
        self._ids = np.asarray(ids, dtype=np.int64)
        self._blocks.clear()
        self._answers.clear()
        self.endResetModel()

    def extend_ids(self, ids: Sequence[int] | np.ndarray) -> None:
        """Show ``ids``: rows are appended when the stories shown are their
        beginning (the first page of the same result), else all are reset."""
        ids = np.asarray(ids, dtype=np.int64)
        shown = len(self._ids)
        if not np.array_equal(ids[:shown], self._ids):
            self.set_ids(ids)
        elif len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()

    def story_id(self, row: int) -> int:
        """The id of the story in ``row``."""
        return int(self._ids[row])

    def ids(self) -> np.ndarray:
        """The stories shown, in order (do not modify)."""
        return self._ids

    def rows_of(self, story_ids: Sequence[int]) -> list[int]:
        """The rows showing any of ``story_ids``, top to bottom (one pass
        over the ids, whatever their number)."""
        return np.flatnonzero(np.isin(self._ids, np.asarray(story_ids, dtype=np.int64))).tolist()

    def refresh_stories(self, story_ids: set[int]) -> None:
        """Fetch these stories' rows again where they are cached and shown."""
        for block, rows in list(self._blocks.items()):
            if any(row is not None and row.id in story_ids for row in rows):
                del self._blocks[block]
                self._answers.pop(block, None)
                first = block * BLOCK
                self.dataChanged.emit(self.index(first, 0), self.index(first + len(rows) - 1, len(COLUMNS) - 1))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        if self._flags is None:  # (Python's flag arithmetic costs more than the rest: once)
            self._flags = super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled
        return self._flags

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [mime.STORY_IDS]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]  # noqa: N802
        rows = sorted({index.row() for index in indexes})
        return mime.pack(mime.STORY_IDS, [int(self._ids[row]) for row in rows])

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("StoryTableModel", COLUMNS[section][1])
        return None

    def _row(self, row: int) -> StoryRow | None:
        block = row // BLOCK
        if block not in self._blocks:
            ids = self._ids[block * BLOCK : (block + 1) * BLOCK].tolist()
            fetched = {r.id: r for r in queries.rows(self._library, ids)}
            self._blocks[block] = [fetched.get(i) for i in ids]
            while len(self._blocks) > MAX_BLOCKS:
                self._answers.pop(self._blocks.popitem(last=False)[0], None)
        else:
            self._blocks.move_to_end(block)
        return self._blocks[block][row % BLOCK]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == _USER:
            return int(self._ids[index.row()]) if index.isValid() else None
        if role != _DISPLAY and role != _TOOLTIP and role != _HITS or not index.isValid():
            return None
        row, column = index.row(), index.column()
        answers = self._answers.get(row // BLOCK)
        key = (row, column, role)
        if answers is not None and key in answers:
            return answers[key]
        value = self._value(row, column, role)
        self._answers.setdefault(row // BLOCK, {})[key] = value  # (its block is fetched by now)
        return value

    def _value(self, row: int, column_number: int, role: int) -> object:
        story = self._row(row)
        column = COLUMNS[column_number][0]
        if role == _HITS:
            return hit_spans(story.title, self._hit_terms) if story is not None and column == "title" else None
        if story is None:
            return translate("StoryTableModel", "(deleted)")
        value = getattr(story, column)
        if column == "updated_at":
            return value.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == "status":
            return story_status(value.value)
        if column == "language":
            return language_name(value) if value else ""
        if column == "tags":  # the names, each tag's path in the tooltip
            if role == _TOOLTIP:
                return "\n".join(value)
            separator = translate("StoryTableModel", ", ", "between the names of a story's tags")
            return separator.join(path.rpartition("/")[2] for path in value)
        return value
