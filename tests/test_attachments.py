"""Attachments: files copied into the library under their content's hash
(the same file stored once), listed with name, type and size, removed and
put back, recorded in the history, and nothing refers outside the folder."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from ngodesk.domain.errors import NotFound, ValidationError
from ngodesk.services import attachments, backups, history, stories
from ngodesk.services.library import open_library
from ngodesk.store.library import Library
from tests.conftest import small_disk
from tests.test_cli import ok

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "field notes"
    folder.mkdir()
    photo = folder / "井 well.png"
    photo.write_bytes(PNG)
    same = folder / "copy of the photo.png"
    same.write_bytes(PNG)
    notes = folder / "interview.pdf"
    notes.write_bytes(b"%PDF-1.4 " + b"x" * 3_000_000)
    return {"photo": photo, "same": same, "notes": notes}


def test_files_are_stored_once_by_content_and_listed(library: Library, files: dict[str, Path]) -> None:
    story = stories.create_story(library, {"title": "Wells in Kenya"}).id
    other = stories.create_story(library, {"title": "Clinics"}).id
    uuids, changes = attachments.attach(library, story, [files["photo"], files["notes"]])
    attachments.attach(library, other, [files["same"]])
    assert changes.stories_changed == {story} and len(uuids) == 2
    listed = attachments.attachments(library, story)
    assert [(a.name, a.mime, a.size, a.is_image) for a in listed] == [
        ("井 well.png", "image/png", len(PNG), True),
        ("interview.pdf", "application/pdf", 3_000_009, False),
    ]
    stored = sorted(p for p in (library.folder / "files").rglob("*") if p.is_file())
    assert len(stored) == 2  # (the same photo twice is one file)
    assert attachments.stored_path(library, listed[0].sha256).read_bytes() == PNG
    assert listed[0].sha256 == hashlib.sha256(PNG).hexdigest()
    assert [c.field for c in history.changes(library, story)] == ["attachment", "attachment"]


def test_remove_and_put_back(library: Library, files: dict[str, Path], tmp_path: Path) -> None:
    story = stories.create_story(library, {"title": "Wells in Kenya"}).id
    attachments.attach(library, story, [files["photo"]])
    (view,) = attachments.attachments(library, story)
    attachments.remove(library, [view.uuid])
    assert attachments.attachments(library, story) == []
    assert attachments.stored_path(library, view.sha256).exists()  # (kept for undo)
    attachments.put_back(library, [view])
    assert attachments.attachments(library, story) == [view]
    opened = attachments.open_copy(library, view, tmp_path / "open")
    assert opened.name == "井 well.png" and opened.read_bytes() == PNG


def test_a_missing_file_attaches_nothing(library: Library, files: dict[str, Path]) -> None:
    story = stories.create_story(library, {"title": "Wells in Kenya"}).id
    with pytest.raises(ValidationError, match="nowhere.jpg: not a file"):
        attachments.attach(library, story, [files["photo"], files["photo"].parent / "nowhere.jpg"])
    assert attachments.attachments(library, story) == []


def test_a_library_folder_moved_elsewhere_keeps_its_attachments(tmp_path: Path, files: dict[str, Path]) -> None:
    with open_library(tmp_path / "here") as library:
        story = stories.create_story(library, {"title": "Wells in Kenya"}).id
        attachments.attach(library, story, [files["photo"]])
    shutil.move(tmp_path / "here", tmp_path / "usb stick")
    with open_library(tmp_path / "usb stick") as library:
        (view,) = attachments.attachments(library, story)
        assert attachments.stored_path(library, view.sha256).read_bytes() == PNG


def test_attach_commands(tmp_path: Path, files: dict[str, Path]) -> None:
    folder = tmp_path / "cli"
    uuid = ok("add", "--title", "Wells in Kenya", library=folder).strip()
    assert "Attached 2 files" in ok("attach", uuid[:8], str(files["photo"]), str(files["notes"]), library=folder)
    listed = json.loads(ok("attachments", uuid[:8], "--json", library=folder))
    assert [(a["name"], a["size"]) for a in listed] == [("井 well.png", len(PNG)), ("interview.pdf", 3_000_009)]
    assert "井 well.png" in ok("attachments", uuid[:8], library=folder)


def test_files_nothing_refers_to_are_listed_and_deleted_on_request(tmp_path: Path, files: dict[str, Path]) -> None:
    folder = tmp_path / "cli"
    with open_library(folder) as library:
        story = stories.create_story(library, {"title": "Wells in Kenya"}).id
        attachments.attach(library, story, [files["photo"], files["notes"]])
        backups.back_up(library)  # (the backup still has the interview when it is removed below)
        scan = tmp_path / "scan.pdf"
        scan.write_bytes(b"%PDF-1.4 scan")
        attachments.attach(library, story, [scan])
        views = {a.name: a for a in attachments.attachments(library, story)}
        attachments.remove(library, [views["interview.pdf"].uuid, views["scan.pdf"].uuid])
    left = "ab" + "0" * 62  # (a file no attachment refers to any more)
    (folder / "files" / "ab").mkdir(exist_ok=True)
    (folder / "files" / "ab" / left).write_bytes(b"a copy cut short")
    listed = json.loads(ok("files", "--json", library=folder))
    assert listed["files"] == 4 and {Path(p).name for p in listed["unused"]} == {
        left,
        hashlib.sha256(b"%PDF-1.4 scan").hexdigest(),
    }
    assert "2 unused (29 bytes): `ngodesk files --remove-unused` deletes them." in ok("files", library=folder)
    assert "Deleted 2 unused (29 bytes)." in ok("files", "--remove-unused", library=folder)
    assert "2 stored files, 3.0 MB.\nNone unused." in ok("files", library=folder)
    with open_library(folder) as library:  # (what the library and its backup need is still there)
        assert attachments.stored_path(library, views["interview.pdf"].sha256).exists()
        assert attachments.stored_path(library, views["井 well.png"].sha256).read_bytes() == PNG


def test_the_same_content_is_attached_to_a_story_once(library: Library, files: dict[str, Path]) -> None:
    story = stories.create_story(library, {"title": "Wells in Kenya"}).id
    first, _ = attachments.attach(library, story, [files["photo"], files["same"]])  # (the same bytes twice)
    again, changes = attachments.attach(library, story, [files["photo"]])
    assert len(first) == 1 and again == [] and changes.empty
    assert [a.name for a in attachments.attachments(library, story)] == ["井 well.png"]


def test_an_attach_that_fails_leaves_no_file(library: Library, files: dict[str, Path]) -> None:
    """A full disk half-way through a copy, or a story that is not there:
    nothing is left in ``files/`` (no temporary file, no stored file)."""
    story = stories.create_story(library, {"title": "Wells in Kenya"}).id
    with pytest.raises(NotFound):
        attachments.attach(library, story + 1, [files["photo"]])
    assert list((library.folder / "files").iterdir()) == []
    with small_disk(library.folder / "files", "256k"):
        with pytest.raises(ValidationError, match="interview.pdf: cannot be attached: No space left on device"):
            attachments.attach(library, story, [files["photo"], files["notes"]])
        assert list((library.folder / "files").iterdir()) == []
        assert attachments.attachments(library, story) == []
