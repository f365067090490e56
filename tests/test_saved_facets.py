"""The facet index saved between sessions is used only for the library
content it was read from: any change, by any route, makes it stale."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.lib import format as npy

from ngodesk.services import backups, facet_index, queries, saved_facets, stories, tags
from ngodesk.services.library import open_library
from ngodesk.store.library import Library
from tests.conftest import read_only_view
from tests.test_cli import ok


def _asia(library: Library) -> int:
    return next(t.id for t in queries.tags(library) if t.path == "Region/Asia")


def _a_tag(library: Library) -> int:
    return queries.tags(library)[0].id


def _same(one: facet_index.FacetIndex, other: facet_index.FacetIndex) -> bool:
    return (
        np.array_equal(one.tag_id, other.tag_id)
        and np.array_equal(one.newest_first, other.newest_first)
        and facet_index.count(one, None) == facet_index.count(other, None)
    )


def test_a_saved_index_is_read_back_while_the_library_is_unchanged(sample_library: Library) -> None:
    assert saved_facets.load(sample_library) is None  # (none saved yet)
    built = facet_index.build(sample_library)
    assert saved_facets.save(sample_library, built)
    read = saved_facets.load(sample_library)
    assert read is not None and _same(read, built)
    assert read.languages == built.languages and read.translation_states == built.translation_states


def test_an_edit_a_command_or_a_restored_backup_makes_it_stale(sample_library: Library) -> None:
    folder = sample_library.folder
    before = backups.back_up(sample_library, "manual")
    first = int(queries.matching_ids(sample_library, "")[0])
    tags.tag_stories(sample_library, [first], _a_tag(sample_library))
    assert not saved_facets.load(sample_library)
    saved_facets.save(sample_library, facet_index.build(sample_library))
    assert saved_facets.load(sample_library) is not None
    sample_library.close()

    ok("--library", str(folder), "add", "--title", "Added by a script", "tags=Region/Asia")
    with open_library(folder) as library:
        assert saved_facets.load(library) is None  # (the command's story is not in it)
        saved_facets.save(library, facet_index.build(library))
    backups.restore(folder, before.path)
    with open_library(folder) as library:
        assert saved_facets.load(library) is None  # (the backup's content is older than the saved index)
        assert facet_index.count(facet_index.build(library), None).total == queries.story_count(library)


def test_reading_or_checking_the_library_keeps_it(sample_library: Library) -> None:
    saved_facets.save(sample_library, facet_index.build(sample_library))
    story = int(queries.matching_ids(sample_library, "")[0])
    queries.get_story(sample_library, story)
    with sample_library.write():  # (a write transaction that changes no row)
        pass
    assert queries.check(sample_library) == []  # (the search index's check writes only a command row)
    assert saved_facets.load(sample_library) is not None


def test_a_damaged_or_foreign_file_is_built_again_not_trusted(sample_library: Library) -> None:
    path = sample_library.folder / saved_facets.FILE_NAME
    for content in (b"", b"\x93NUMPY not really", np.arange(5).tobytes()):
        path.write_bytes(content)
        assert saved_facets.load(sample_library) is None
    with path.open("wb") as out:  # (a header claiming terabytes)
        npy.write_array_header_1_0(out, {"descr": "<i8", "fortran_order": False, "shape": (10**12,)})
    assert saved_facets.load(sample_library) is None
    saved_facets.save(sample_library, facet_index.build(sample_library))
    path.write_bytes(path.read_bytes()[:-100])  # (cut short)
    assert saved_facets.load(sample_library) is None
    with path.open("wb") as out:  # (another layout)
        npy.write_array(out, np.array(["0", "x", "y"]))
    assert saved_facets.load(sample_library) is None


def test_on_a_read_only_medium_the_saved_index_is_read_and_none_written(library_path: Path, tmp_path: Path) -> None:
    with open_library(library_path) as library:
        stories.create_story(library, {"title": "On a CD"}, ["Region/Asia"])
        saved_facets.save(library, facet_index.build(library))
    with read_only_view(library_path, tmp_path / "cd") as cd, open_library(cd, readonly=True) as library:
        read = saved_facets.load(library)
        assert read is not None and facet_index.count(read, None).tags[_asia(library)] == 1
        assert not saved_facets.save(library, read)
