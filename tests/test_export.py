"""Native JSON export, and cancelling long operations: nothing half done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ngodesk.domain.errors import Cancelled, NgodeskError
from ngodesk.domain.models import StoryRecord
from ngodesk.services import exporting, importing, queries, stories
from ngodesk.store.library import Library


def test_export_writes_every_field_tags_and_records(sample_library: Library, tmp_path: Path) -> None:
    stories.create_story(
        sample_library,
        {"title": "中国扶贫基金会在缅甸", "published": "2019-03", "url": "https://example.org/a"},
        ["Region/Asia/Myanmar"],
        [("organisation", "中国扶贫基金会")],
    )
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "library.json"
    assert exporting.export_json(sample_library, out) == 14
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "ngodesk-library" and len(document["stories"]) == 14
    first = document["stories"][0]
    assert (first["title"], first["published"], first["tags"]) == (
        "中国扶贫基金会在缅甸",
        "2019-03",
        ["Region/Asia/Myanmar"],
    )
    (cfpa,) = document["entities"]
    assert first["entities"] == [cfpa["uuid"]] and cfpa["name"] == "中国扶贫基金会"
    assert {t["path"] for t in document["tags"]} >= {"Region", "Region/Asia", "Region/Asia/Myanmar"}
    assert list(out.parent.iterdir()) == [out]  # no temporary file left


def test_a_cancelled_export_leaves_no_file(sample_library: Library, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "library.json"
    out.write_text("the previous export")
    with pytest.raises(Cancelled):
        exporting.export_json(sample_library, out, progress=lambda done, total: False)
    assert out.read_text() == "the previous export" and list(out.parent.iterdir()) == [out]
    with pytest.raises(NgodeskError, match="Cannot write"):
        exporting.export_json(sample_library, tmp_path / "missing" / "x.json")


def test_a_cancelled_import_changes_nothing(sample_library: Library) -> None:
    records = [StoryRecord(title=f"Story {i}", position=f"record {i}") for i in range(4500)]
    calls: list[tuple[int, int]] = []

    def cancel_after_the_first_chunk(done: int, total: int) -> bool:
        calls.append((done, total))
        return done == 0

    with pytest.raises(Cancelled):
        importing.import_records(sample_library, records, progress=cancel_after_the_first_chunk)
    assert calls == [(importing.CHUNK, 4500)]
    assert queries.info(sample_library)["stories"] == 13
