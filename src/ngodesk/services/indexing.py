"""Rebuilding the search index, the user action (File > Rebuild Search
Index, ``ngodesk reindex``); its steps are in ``steps/search_index.py``."""

from __future__ import annotations

from ngodesk.domain.models import Progress, no_progress
from ngodesk.steps import search_index
from ngodesk.store.library import Library


def reindex(library: Library, progress: Progress = no_progress) -> int:
    """Rebuild the search index of ``library`` in one transaction (see
    ``rebuild``)."""
    with library.write() as session:
        return search_index.rebuild(session, progress)
