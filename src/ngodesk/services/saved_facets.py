"""The facet index kept between sessions: a file in the library's folder,
so that the sidebar's counts come at once on opening instead of after the
seconds ``facet_index.build`` takes at a million stories.

The file names the library's state it was read from (``Library.state``,
which every changing write transaction renews) and the schema revision:
``load`` returns it only while both still hold, so an index is never used
for another content (an edit by any program that writes through ngodesk, a
restored backup, an upgrade). It is a cache: a missing, stale, damaged or
unwritable file only means building the index again.

numpy's own ``.npz`` format (uncompressed, no pickles): arrays are read
back as they were written, in tens of milliseconds at a million stories.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from dataclasses import fields

import numpy as np

from ngodesk.services.facet_index import FacetIndex
from ngodesk.store.library import Library

#: The file, in the library's folder.
FILE_NAME = "facet-index.npz"
#: The layout of the file: a file of another layout is not read.
LAYOUT = "1"
_STRINGS = frozenset({"languages", "statuses", "translation_states"})


def _label(library: Library, state: str) -> list[str]:
    return [LAYOUT, state, library.schema_version]


def load(library: Library) -> FacetIndex | None:
    """The saved index when it was read from the library as it is now;
    None otherwise (no file, another state, an unreadable file)."""
    try:
        with np.load(library.folder / FILE_NAME, allow_pickle=False) as saved:
            with library.read() as session:
                state = library.state(session)
            if saved["label"].tolist() != _label(library, state):
                return None
            arrays = {field.name: saved[field.name] for field in fields(FacetIndex) if field.name != "state"}
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None
    values: dict[str, object] = dict(arrays)
    values["size"] = int(arrays["size"])
    for name in _STRINGS:
        values[name] = tuple(arrays[name].tolist())
    return FacetIndex(**values, state=state)  # type: ignore[arg-type]


def save(library: Library, index: FacetIndex) -> bool:
    """Write ``index`` for ``load`` (replacing the file at once: never
    half-written); False when the folder cannot take it (read-only, full)."""
    arrays = {field.name: getattr(index, field.name) for field in fields(FacetIndex) if field.name != "state"}
    for name in _STRINGS:
        arrays[name] = np.array(arrays[name], dtype=str)
    arrays["label"] = np.array(_label(library, index.state))
    partial = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=library.folder, prefix=".facet-index-", delete=False) as out:
            partial = out.name
            np.savez(out, **arrays)
        os.replace(partial, library.folder / FILE_NAME)
    except OSError:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)
        return False
    return True
