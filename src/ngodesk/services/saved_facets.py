"""The facet index kept between sessions: a file in the library's folder,
so that the sidebar's counts come at once on opening instead of after the
seconds ``facet_index.build`` takes at a million stories.

The file names the library's state it was read from (``Library.state``,
which every changing write transaction renews) and the schema revision:
``load`` returns it only while both still hold, so an index is never used
for another content (an edit by any program that writes through ngodesk, a
restored backup, an upgrade). It is a cache: a missing, stale, damaged or
unwritable file only means building the index again.

The file is numpy's ``.npy`` records one after another (the label first,
then the index's arrays; no pickles): read back with plain reads, no
archive to unpack or checksum, in milliseconds at 100,000 stories.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import fields

import numpy as np
from numpy.lib import format as npy

from ngodesk.services.facet_index import FacetIndex
from ngodesk.store.library import Library

#: The file, in the library's folder.
FILE_NAME = "facet-index.npy"
#: The layout of the file: a file of another layout is not read.
LAYOUT = "2"
_STRINGS = frozenset({"languages", "statuses", "translation_states"})
_NAMES = tuple(field.name for field in fields(FacetIndex) if field.name != "state")


def _label(library: Library, state: str) -> list[str]:
    return [LAYOUT, state, library.schema_version]


def _arrays(index: FacetIndex) -> list[np.ndarray]:
    """``index``'s fields but its state, in field order, as arrays."""
    return [np.asarray(getattr(index, name), dtype=str if name in _STRINGS else None) for name in _NAMES]


def load(library: Library) -> FacetIndex | None:
    """The saved index when it was read from the library as it is now;
    None otherwise (no file, another state, an unreadable file)."""
    try:
        with open(library.folder / FILE_NAME, "rb") as saved:
            label = npy.read_array(saved, allow_pickle=False).tolist()
            with library.read() as session:
                state = library.state(session)
            if label != _label(library, state):
                return None
            arrays = {name: npy.read_array(saved, allow_pickle=False) for name in _NAMES}
    except (OSError, ValueError, EOFError, MemoryError):  # (MemoryError: a header claiming terabytes)
        return None
    values: dict[str, object] = dict(arrays)
    values["size"] = int(arrays["size"])
    for name in _STRINGS:
        values[name] = tuple(arrays[name].tolist())
    return FacetIndex(**values, state=state)  # type: ignore[arg-type]


def save(library: Library, index: FacetIndex) -> bool:
    """Write ``index`` for ``load`` (replacing the file at once: never
    half-written); False when the folder cannot take it (read-only, full)."""
    partial = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=library.folder, prefix=".facet-index-", delete=False) as out:
            partial = out.name
            for array in [np.array(_label(library, index.state)), *_arrays(index)]:
                npy.write_array(out, array, allow_pickle=False)
        os.replace(partial, library.folder / FILE_NAME)
    except OSError:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)
        return False
    return True
