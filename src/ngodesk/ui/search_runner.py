"""Searching off the GUI thread, so that typing never waits for a large
library: a worker thread answers each search in three steps, each a
signal: the first rows (to show at once), then every matching id with the
library's size, then the sidebar's counts (with the records they name,
read there too: no query on the GUI thread).

A newer search makes the steps of older ones that have not started yet
stop early; results of older searches are dropped (``generation``). The
counts come from an in-memory facet index (services.facet_index), read on
a thread of its own the first time (from the one the last session saved,
services.saved_facets, when the library has not changed since) and built
again after each change to the library; searches go on meanwhile, and only
their counts wait for it.
Malformed queries are caught before anything is sent (parsing is cheap).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from ngodesk.domain.errors import Cancelled, NgodeskError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import EntityRef, FacetKind, Facets, Filter
from ngodesk.search.query import parse
from ngodesk.services import entities, facet_index, queries, saved_facets
from ngodesk.store.faults import STORAGE_ERRORS
from ngodesk.store.library import Library
from ngodesk.ui.after_paint import after_paint
from ngodesk.ui.labels import interface_language

#: Rows fetched for the first answer: a screenful and then some.
FIRST_PAGE = 200
#: How long the worker waits for the first page to be painted at most.
PAINT_WAIT_S = 0.25


@dataclass(frozen=True)
class SearchRequest:
    """What to search for: the query text, sidebar filters, list order;
    ``language``: the interface's, which the records are named in."""

    query: str
    filters: tuple[Filter, ...]
    sort: tuple[str, bool] | None
    language: str


@dataclass(frozen=True)
class Counts:
    """A result's facets and the records the sidebar lists for them (the
    top records and those of the request's filters): each one's reference
    and name in the request's language, by id."""

    facets: Facets
    records: dict[int, EntityRef]
    names: dict[int, str]


def _named(library: Library, facets: Facets, request: SearchRequest) -> Counts:
    filtered = [int(f.value) for f in request.filters if f.kind is FacetKind.ENTITY]
    top = [record for records in facets.top_records.values() for record in records]
    refs = queries.entity_refs(library, top + filtered)
    names = entities.labels(library, [ref.id for ref in refs], request.language)
    # (two reads: a record deleted between them is left out, not shown unnamed)
    return Counts(facets, {ref.id: ref for ref in refs if ref.id in names}, names)


class _IndexKeeper:
    """Builds the facet index on a thread of its own (seconds at a million
    stories), so that searches go on meanwhile; hands out the index of the
    library as it is now, once built."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._changed = threading.Condition()
        self._version = 0  # of the library, bumped by invalidate()
        self._index: facet_index.FacetIndex | None = None
        self._index_version = -1
        self._builder: threading.Thread | None = None
        self._error: Exception | None = None
        self._closed = False
        #: The state of the index saved in the library's folder, if known.
        self._saved_state: str | None = None

    def invalidate(self) -> None:
        with self._changed:
            self._version += 1
            self._index = None  # stale: its memory is better spent on the next one

    def current(self) -> facet_index.FacetIndex | None:
        """The index, if it is up to date (without waiting)."""
        with self._changed:
            return self._index if self._index_version == self._version else None

    def wait(self, keep_waiting: Callable[[], bool]) -> facet_index.FacetIndex | None:
        """The up-to-date index, built first if needed; None when
        ``keep_waiting()`` turns false (checked every 50 ms) or on close.
        Raises NgodeskError when the build failed."""
        with self._changed:
            while not self._closed:
                if self._error is not None:
                    error, self._error = self._error, None
                    raise NgodeskError(
                        translate("Messages", "Could not count the sidebar's entries: {error}").format(error=error)
                    ) from error
                if self._index_version == self._version:
                    return self._index
                self._start_build()
                if not keep_waiting():
                    return None
                self._changed.wait(0.05)
            return None

    def prepare(self) -> None:
        """Start building the index now if it is out of date."""
        with self._changed:
            if self._index_version != self._version and not self._closed:
                self._start_build()

    def _start_build(self) -> None:  # (holding the lock)
        if self._builder is None:
            self._builder = threading.Thread(target=self._build, args=(self._version,), name="facet index")
            self._builder.start()

    def _build(self, version: int) -> None:
        index: facet_index.FacetIndex | None = None
        error: Exception | None = None
        try:
            index = self._read(lambda: self._closed or version != self._version)
        except Cancelled:
            pass
        except Exception as failure:  # noqa: BLE001 - handed to the waiting search, which reports it
            error = failure
        with self._changed:
            if version == self._version:  # (else stale already: dropped, and so is its error)
                if index is not None:
                    self._index, self._index_version = index, version
                self._error = error
            self._builder = None
            self._changed.notify_all()

    def _read(self, stop: Callable[[], bool]) -> facet_index.FacetIndex:
        """(builder) The saved index if it is current, else a new one, saved
        when it is the first of this session (the library as it was opened,
        or changed by another program since): later ones are saved by
        ``close``, not after every edit (a hundred megabytes at a million
        stories)."""
        index = saved_facets.load(self._library)
        if index is None:
            index = facet_index.build(self._library, stop=stop)
            if self._saved_state is None and saved_facets.save(self._library, index):
                self._saved_state = index.state
        else:
            self._saved_state = index.state
        return index

    def close(self) -> None:
        """Stop a build in progress (at its next step) and wait for it; save
        the index for the next session if it is current and not saved."""
        with self._changed:
            self._closed = True
            builder = self._builder
            self._changed.notify_all()
        if builder is not None:
            builder.join()
        index = self.current()
        if index is not None and index.state != self._saved_state:
            saved_facets.save(self._library, index)


class _Worker(QObject):
    hits = Signal(int, object)  # generation, terms to highlight (list[str])
    first_page = Signal(int, object)  # generation, ids (np.ndarray)
    all_ids = Signal(int, object, int)  # generation, ids (np.ndarray), stories in the library
    counts = Signal(int, object)  # generation, Counts
    failed = Signal(int, str)  # generation, message

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.latest = 0
        self._lock = threading.Lock()
        self.indexes = _IndexKeeper(library)
        #: Set by the GUI once the first page is on screen: the next steps
        #: hold the GIL for long stretches, and the GUI needs it to paint.
        self.page_shown = threading.Event()

    def stale(self, generation: int) -> bool:
        with self._lock:
            return generation != self.latest

    def mark(self, generation: int) -> None:
        with self._lock:
            self.latest = generation

    @Slot(int, object)
    def run(self, generation: int, request: SearchRequest) -> None:
        try:
            self._run(generation, request)
        except NgodeskError as error:
            self.failed.emit(generation, str(error))
        except STORAGE_ERRORS as error:  # e.g. the disk failed: say so, stay usable
            self.failed.emit(generation, self.tr("The search failed: {error}").format(error=error))

    def _run(self, generation: int, request: SearchRequest) -> None:
        library, query, filters, sort = self.library, request.query, request.filters, request.sort
        if self.stale(generation):
            return
        text = parse(query) is not None
        self.hits.emit(generation, queries.hit_terms(library, query) if text else [])
        index = self.indexes.current()
        if index is not None and not text and sort is None and facet_index.answers(filters):
            # filters alone, and an up-to-date index: ids and counts in milliseconds
            # (counted while the list shows the ids)
            ids = facet_index.matching(index, filters)
            self.first_page.emit(generation, ids[:FIRST_PAGE])
            self.all_ids.emit(generation, ids, int(index.exists.sum()))
            facets = facet_index.count(index, ids)
        else:
            self.page_shown.clear()
            self.first_page.emit(generation, queries.matching_ids(library, query, filters, sort, FIRST_PAGE))
            self.page_shown.wait(PAINT_WAIT_S)
            if self.stale(generation):
                return
            self.indexes.prepare()  # (builds while the ids are read)
            ids = queries.matching_ids(library, query, filters, sort)
            total = int(index.exists.sum()) if index is not None else queries.story_count(library)
            self.all_ids.emit(generation, ids, total)
            index = self.indexes.wait(lambda: not self.stale(generation))
            if index is None:
                return
            facets = facet_index.count(index, ids if text or filters else None)
        if not self.stale(generation):
            self.counts.emit(generation, _named(library, facets, request))


class SearchRunner(QObject):
    """Runs searches on one worker thread. Signals carry only the results of
    the latest search: ``first_page(ids)``, ``all_ids(ids, library_size)``,
    ``counts(Counts)``, ``failed(message)``; ``idle`` after its last step;
    ``hits(terms)`` before its first page: the words to highlight in what
    it finds (``queries.hit_terms``).
    ``accepted`` when a query is well-formed and its search starts; a
    malformed one is ``failed`` at once and starts nothing, so the steps of
    the last well-formed search still come (the last good result stays)."""

    accepted = Signal()
    hits = Signal(object)
    first_page = Signal(object)
    all_ids = Signal(object, int)
    counts = Signal(object)
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
        self._worker.hits.connect(self._hits)
        self._worker.first_page.connect(self._first_page)
        self._worker.all_ids.connect(self._all_ids)
        self._worker.counts.connect(self._counts)
        self._worker.failed.connect(self._failed)
        self._thread.start()

    def invalidate(self) -> None:
        """The library changed: counts must be taken afresh."""
        self._worker.indexes.invalidate()

    def search(self, query: str, filters: Sequence[Filter] = (), sort: tuple[str, bool] | None = None) -> None:
        """Start a search; a malformed query fails at once (``failed``)."""
        try:
            parse(query)
        except NgodeskError as error:
            self.failed.emit(str(error))
            return
        self.accepted.emit()
        self.generation += 1
        self.busy = True
        self._worker.mark(self.generation)
        self._requested.emit(self.generation, SearchRequest(query, tuple(filters), sort, interface_language()))

    def _current(self, generation: int) -> bool:
        return generation == self.generation

    def _hits(self, generation: int, terms: list[str]) -> None:
        if self._current(generation):
            self.hits.emit(terms)

    def _first_page(self, generation: int, ids: np.ndarray) -> None:
        if self._current(generation):
            self.first_page.emit(ids)
        after_paint(self._worker.page_shown.set)

    def _all_ids(self, generation: int, ids: np.ndarray, total: int) -> None:
        if self._current(generation):
            self.all_ids.emit(ids, total)

    def _counts(self, generation: int, counts: object) -> None:
        if self._current(generation):
            self.busy = False
            self.counts.emit(counts)
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
        self._worker.indexes.close()
        self._thread.quit()
        self._thread.wait()
