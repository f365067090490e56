"""Searching off the GUI thread, so that typing never waits for a large
library: a worker thread answers each search in three steps, each a
signal: the first rows (to show at once), then every matching id with the
library's size, then the sidebar's counts.

A newer search makes the steps of older ones that have not started yet
stop early; results of older searches are dropped (``generation``). The
counts come from an in-memory facet index (services.facet_index), built on
the worker the first time and again after each change to the library.
Malformed queries are caught before anything is sent (parsing is cheap).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import Filter
from ngodesk.search.query import parse
from ngodesk.services import facet_index, queries
from ngodesk.store.library import Library
from ngodesk.ui.after_paint import after_paint

#: Rows fetched for the first answer: a screenful and then some.
FIRST_PAGE = 200
#: How long the worker waits for the first page to be painted at most.
PAINT_WAIT_S = 0.25


@dataclass(frozen=True)
class SearchRequest:
    """What to search for: the query text, sidebar filters, list order."""

    query: str
    filters: tuple[Filter, ...] = ()
    sort: tuple[str, bool] | None = None


class _Worker(QObject):
    first_page = Signal(int, object)  # generation, ids (np.ndarray)
    all_ids = Signal(int, object, int)  # generation, ids (np.ndarray), stories in the library
    facets = Signal(int, object)  # generation, Facets
    failed = Signal(int, str)  # generation, message

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.latest = 0
        self._lock = threading.Lock()
        #: Bumped (from the GUI thread) when the library changes; the facet
        #: index is rebuilt before it is next used.
        self.data_version = 0
        self._index: facet_index.FacetIndex | None = None
        self._index_version = -1
        #: Set by the GUI once the first page is on screen: the next steps
        #: hold the GIL for long stretches, and the GUI needs it to paint.
        self.page_shown = threading.Event()

    def stale(self, generation: int) -> bool:
        with self._lock:
            return generation != self.latest

    def mark(self, generation: int) -> None:
        with self._lock:
            self.latest = generation

    def _current_index(self) -> facet_index.FacetIndex:
        version = self.data_version
        if self._index is None or self._index_version != version:
            self._index = facet_index.build(self.library)
            self._index_version = version
        return self._index

    @Slot(int, object)
    def run(self, generation: int, request: SearchRequest) -> None:
        try:
            self._run(generation, request)
        except NgodeskError as error:
            self.failed.emit(generation, str(error))

    def _run(self, generation: int, request: SearchRequest) -> None:
        library, query, filters, sort = self.library, request.query, request.filters, request.sort
        if self.stale(generation):
            return
        text = parse(query) is not None
        if text or sort is not None or self._index is None or self._index_version != self.data_version:
            # (a filter-only search with a current index skips this: the index answers at once)
            self.page_shown.clear()
            self.first_page.emit(generation, queries.matching_ids(library, query, filters, sort, FIRST_PAGE))
            self.page_shown.wait(PAINT_WAIT_S)
            if self.stale(generation):
                return
        index = self._current_index()
        if self.stale(generation):
            return
        if text or sort is not None:
            ids = queries.matching_ids(library, query, filters, sort)
            facets = facet_index.count(index, ids if text or filters else None)
        else:  # filters alone: ids and counts from the index, in milliseconds
            ids, facets = facet_index.filtered(index, filters)
            self.first_page.emit(generation, ids[:FIRST_PAGE])
        self.all_ids.emit(generation, ids, int(index.exists.sum()))
        if not self.stale(generation):
            self.facets.emit(generation, facets)


class SearchRunner(QObject):
    """Runs searches on one worker thread. Signals carry only the results of
    the latest search: ``first_page(ids)``, ``all_ids(ids, library_size)``,
    ``facets(Facets)``, ``failed(message)``; ``idle`` after its last step."""

    first_page = Signal(object)
    all_ids = Signal(object, int)
    facets = Signal(object)
    failed = Signal(str)
    idle = Signal()
    _requested = Signal(int, object)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self.busy = False
        self._thread = QThread(self)
        self._worker = _Worker(library)
        self._worker.moveToThread(self._thread)
        self._requested.connect(self._worker.run)
        self._worker.first_page.connect(self._first_page)
        self._worker.all_ids.connect(self._all_ids)
        self._worker.facets.connect(self._facets)
        self._worker.failed.connect(self._failed)
        self._thread.start()

    def invalidate(self) -> None:
        """The library changed: counts must be taken afresh."""
        self._worker.data_version += 1

    def search(self, query: str, filters: Sequence[Filter] = (), sort: tuple[str, bool] | None = None) -> None:
        """Start a search; a malformed query fails at once (``failed``)."""
        try:
            parse(query)
        except NgodeskError as error:
            self.failed.emit(str(error))
            return
        self.generation += 1
        self.busy = True
        self._worker.mark(self.generation)
        self._requested.emit(self.generation, SearchRequest(query, tuple(filters), sort))

    def _current(self, generation: int) -> bool:
        return generation == self.generation

    def _first_page(self, generation: int, ids: np.ndarray) -> None:
        if self._current(generation):
            self.first_page.emit(ids)
        after_paint(self._worker.page_shown.set)

    def _all_ids(self, generation: int, ids: np.ndarray, total: int) -> None:
        if self._current(generation):
            self.all_ids.emit(ids, total)

    def _facets(self, generation: int, facets: object) -> None:
        if self._current(generation):
            self.busy = False
            self.facets.emit(facets)
            self.idle.emit()

    def _failed(self, generation: int, message: str) -> None:
        if self._current(generation):
            self.busy = False
            self.failed.emit(message)
            self.idle.emit()

    def stop(self) -> None:
        """Let the running step finish and end the thread (before the
        library closes)."""
        self._worker.mark(-1)
        self._thread.quit()
        self._thread.wait()
