"""Field copies made by someone hostile (or damaged on the way): nothing
they hold becomes a path outside the library, a file that is not what it
says is not taken, links are not followed out of the copy, archives cannot
fill the disk, and their text meets the rules an import meets."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import tempfile
import zipfile
from pathlib import Path

import pytest

from ngodesk.domain.errors import NgodeskError, ValidationError
from ngodesk.domain.models import EntityKind, TermRecord
from ngodesk.services import (
    attachments,
    entities,
    field_copy,
    glossary,
    merging,
    queries,
    stories,
    story_collections,
)
from ngodesk.services.attachments import AttachmentView
from ngodesk.services.library import open_library
from ngodesk.store import backups
from tests.conftest import copy_library, read_only_view, small_disk
from tests.test_cli import ngodesk, ok

PHOTO = b"\x89PNG a photo of a well"
#: a backup newer than any the library will make
PLANTED = "20990101T000000Z-daily.sqlite"


def _listing(folder: Path, but: Path | None = None) -> dict[str, int]:
    """Every file and folder under ``folder`` (not under ``but``), with
    sizes; not the files SQLite adds beside a database it reads."""
    return {
        str(p.relative_to(folder)): p.lstat().st_size if p.is_file() else -1
        for p in folder.rglob("*")
        if (but is None or not p.is_relative_to(but)) and not p.name.endswith(("-wal", "-shm"))
    }


def _titles(library_folder: Path) -> set[str]:
    with open_library(library_folder) as library:
        return {v.title for v in queries.stories(library, queries.matching_ids(library, "").tolist())}


@pytest.fixture
def office(tmp_path: Path, _empty_template: Path) -> Path:
    """A library with two stories, and its field copy ``laptop`` in which
    a photo was attached to the first."""
    origin = copy_library(_empty_template, tmp_path / "office")
    with open_library(origin) as library:
        stories.create_story(library, {"title": "Wells in Kenya"})
        stories.create_story(library, {"title": "Schools in Nepal"})
        field_copy.make_copy(library, tmp_path / "laptop")
    photo = tmp_path / "well.png"
    photo.write_bytes(PHOTO)
    with open_library(tmp_path / "laptop") as copy:
        (kenya,) = [v.id for v in queries.stories(copy, queries.matching_ids(copy, "Kenya").tolist())]
        attachments.attach(copy, kenya, [photo])
    photo.unlink()
    return origin


def _set_hash(copy: Path, sha256: str) -> None:
    """The attachment row in ``copy`` made to say ``sha256``."""
    with sqlite3.connect(copy / "catalogue.sqlite") as db:
        db.execute("UPDATE attachments SET sha256 = ?", (sha256,))
    db.close()


def _planted_backup(copy: Path, office: Path) -> None:
    """In the copy's backups: the office's library with every title 'owned'."""
    evil = copy.parent / "evil"
    evil.mkdir()
    backups.copy_database(office / "catalogue.sqlite", evil / "catalogue.sqlite")
    with open_library(evil) as library:
        for story_id in queries.matching_ids(library, "").tolist():
            stories.edit_story(library, story_id, {"title": "owned"})
        library.backup("planted").path.rename(copy / "backups" / PLANTED)
    shutil.rmtree(evil)


TRAVERSALS = [
    "ab/../../../backups/" + PLANTED,  # (a backup that `restore latest` would swap in)
    "../../../beside.txt",  # (next to the library folder)
    "/tmp/ngodesk-absolute.txt",
    "ab/" + "../" * 12 + "etc/hostname",  # (a system file copied into <lib>/../etc/)
    "0" * 63 + "/",
    "A" * 64,  # (upper case: not how the library names files)
]


@pytest.mark.parametrize("as_archive", [False, True], ids=["folder", "archive"])
@pytest.mark.parametrize("sha256", TRAVERSALS)
def test_attachment_hashes_are_not_paths(office: Path, tmp_path: Path, sha256: str, as_archive: bool) -> None:
    copy = tmp_path / "laptop"
    _planted_backup(copy, office)
    _set_hash(copy, sha256)
    for planted in (copy / "files" / sha256[:2] / sha256, copy / "beside.txt", copy.parent / "beside.txt"):
        if Path(os.path.normpath(planted)).is_relative_to(tmp_path):
            # (whatever the value names exists, and the folders on the way)
            planted.parent.mkdir(parents=True, exist_ok=True)
            if not planted.exists():
                planted.write_bytes(b"planted")
    source = copy
    if as_archive:
        source = tmp_path / "laptop.ngodesk-copy"
        with zipfile.ZipFile(source, "w") as packed:
            for path in sorted(copy.rglob("*")):
                if path.is_file():
                    packed.write(path, path.relative_to(copy).as_posix())
    before = _listing(tmp_path, but=office)
    merged = ngodesk("merge", str(source), library=office)
    assert merged.returncode == 0, merged.stderr
    assert "attachment “well.png” was not merged: " in merged.stdout and "added 1 attachment" not in merged.stdout
    assert _listing(tmp_path, but=office) == before
    assert not Path("/tmp/ngodesk-absolute.txt").exists() and not (tmp_path / "etc").exists()
    assert [p.name for p in (office / "files").rglob("*")] == []
    assert PLANTED not in os.listdir(office / "backups")
    ok("restore", "latest", library=office)
    assert _titles(office) == {"Wells in Kenya", "Schools in Nepal"}


def test_a_file_whose_content_is_not_its_hash_is_not_taken(office: Path, tmp_path: Path) -> None:
    copy = tmp_path / "laptop"
    (stored,) = [p for p in (copy / "files").rglob("*") if p.is_file()]
    stored.write_bytes(b"something else")
    with open_library(office) as library:
        report = merging.merge(library, copy)
        assert report.left_out == [
            "attachment “well.png” was not merged: its content does not have the SHA-256 it is listed under"
        ]
        assert report.added.get("attachments") is None and report.added == {}
        assert [p for p in (office / "files").rglob("*") if p.is_file()] == []
        (kenya,) = queries.matching_ids(library, "Kenya").tolist()
        assert attachments.attachments(library, kenya) == []


def test_links_in_a_copy_are_not_followed_out_of_it(office: Path, tmp_path: Path) -> None:
    """A copy's file that is a link to a file outside it (here: with the
    hash of that file, so the content matches) is not copied in; nor is a
    database that is a link to another library's."""
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"a file of this computer")
    copy = tmp_path / "laptop"
    (stored,) = [p for p in (copy / "files").rglob("*") if p.is_file()]
    stored.unlink()
    sha256 = hashlib.sha256(secret.read_bytes()).hexdigest()
    _set_hash(copy, sha256)
    (copy / "files" / sha256[:2]).mkdir()
    (copy / "files" / sha256[:2] / sha256).symlink_to(secret)
    shutil.copytree(office, tmp_path / "unmerged")
    with open_library(office) as library:
        report = merging.merge(library, copy)
        (why,) = report.left_out
        assert why.startswith("attachment “well.png” was not merged: ") and "leads outside" in why
        assert [p for p in (office / "files").rglob("*") if p.is_file()] == []
    (copy / "files" / sha256[:2] / sha256).unlink()
    (copy / "files" / sha256[:2]).rmdir()
    (copy / "files").rename(tmp_path / "elsewhere")
    (copy / "files").symlink_to(tmp_path / "elsewhere")  # (the whole folder a link)
    (tmp_path / "elsewhere" / sha256[:2]).mkdir()
    (tmp_path / "elsewhere" / sha256[:2] / sha256).write_bytes(secret.read_bytes())
    shutil.rmtree(office)
    shutil.copytree(tmp_path / "unmerged", office)
    with open_library(office) as library:
        assert "leads outside" in merging.merge(library, copy).left_out[0]
    stranger = tmp_path / "stranger"
    with open_library(stranger) as library:
        stories.create_story(library, {"title": "Another team's story"})
    for name in ("catalogue.sqlite", "ancestor.sqlite"):
        moved = tmp_path / f"moved-{name}"
        (copy / name).rename(moved)
        (copy / name).symlink_to(stranger / "catalogue.sqlite")
        with open_library(office) as library, pytest.raises(ValidationError, match="leads outside"):
            merging.merge(library, copy)
        (copy / name).unlink()
        moved.rename(copy / name)
    assert _titles(office) == {"Wells in Kenya", "Schools in Nepal"}


def test_an_identity_that_is_not_a_uuid_is_refused(office: Path, tmp_path: Path) -> None:
    """The other library's identity names the file its state is kept in
    (``merges/<uuid>.sqlite``): one that is a path writes nothing."""
    copy = tmp_path / "laptop"
    with sqlite3.connect(copy / "catalogue.sqlite") as db:
        db.execute("UPDATE meta SET value = '../../../identity' WHERE key = 'library_uuid'")
    db.close()
    before = _listing(tmp_path, but=office)
    with open_library(office) as library, pytest.raises(ValidationError, match="is not a uuid"):
        merging.merge(library, copy)
    assert _listing(tmp_path, but=office) == before and not (office / "merges").exists()


def test_stored_paths_and_opened_copies_stay_in_their_folders(tmp_path: Path) -> None:
    photo = tmp_path / "well.png"
    photo.write_bytes(PHOTO)
    with open_library(tmp_path / "library") as library:
        story = stories.create_story(library, {"title": "Wells in Kenya"}).id
        attachments.attach(library, story, [photo])
        (view,) = attachments.attachments(library, story)
        with pytest.raises(ValidationError, match="not the SHA-256"):
            attachments.stored_path(library, "ab/../../../catalogue.sqlite")
        with pytest.raises(ValidationError, match="not the SHA-256"):
            attachments.put_back(library, [AttachmentView(**{**view.__dict__, "sha256": "../x"})])
        opened = tmp_path / "open"
        for name in ("../../x.png", "/etc/passwd", "..", "a\x00b.png", "dir\\..\\y.png"):
            named = AttachmentView(**{**view.__dict__, "name": name})
            made = attachments.open_copy(library, named, opened)
            assert made.resolve().is_relative_to(opened.resolve()) and made.read_bytes() == PHOTO
        assert sorted(p.name for p in opened.rglob("*") if p.is_file()) == [
            "ab.png",
            "attachment",
            "passwd",
            "x.png",
            "y.png",
        ]
        assert not (tmp_path / "x.png").exists()
        with pytest.raises(NgodeskError, match="Cannot open"):
            attachments.open_copy(library, AttachmentView(**{**view.__dict__, "sha256": "../" * 5}), opened)


def test_files_outside_files_are_neither_listed_nor_deleted(tmp_path: Path) -> None:
    """``files --remove-unused`` deletes only what is in the library's
    ``files/``: a link in it leads nowhere it deletes."""
    keep = tmp_path / "documents"
    keep.mkdir()
    (keep / "thesis.pdf").write_bytes(b"%PDF years of work")
    library_folder = tmp_path / "library"
    with open_library(library_folder):
        pass
    (library_folder / "files" / "ab").mkdir()
    (library_folder / "files" / "ab" / "link").symlink_to(keep / "thesis.pdf")
    (library_folder / "files" / "cd").symlink_to(keep)
    assert "None unused." in ok("files", library=library_folder)
    ok("files", "--remove-unused", library=library_folder)
    assert (keep / "thesis.pdf").read_bytes() == b"%PDF years of work"
    (library_folder / "files" / "cd").unlink()
    shutil.rmtree(library_folder / "files")
    (library_folder / "files").symlink_to(keep)
    ok("files", "--remove-unused", library=library_folder)
    assert (keep / "thesis.pdf").read_bytes() == b"%PDF years of work"


def test_a_copy_with_a_bad_row_in_its_own_library_is_still_made(office: Path, tmp_path: Path) -> None:
    """A bad hash already in a library (an older merge let it in) is not
    a path when a field copy is made of it: the copy leaves that file out."""
    laptop = tmp_path / "laptop"
    _set_hash(laptop, "ab/../../../catalogue.sqlite")
    with open_library(laptop) as library:
        made = field_copy.make_copy(library, tmp_path / "second")
        origin = field_copy.identity(library)
    assert sorted(p.name for p in (made / "files").rglob("*")) == []
    with open_library(made) as second:  # (its database was not replaced by the one the value names)
        assert field_copy.origin_of(second) == origin


def _archive(path: Path, entries: dict[str | zipfile.ZipInfo, bytes], zeros: int = 0) -> Path:
    """A field-copy archive of ``entries`` and a file of ``zeros`` zero bytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as packed:
        for name, data in entries.items():
            packed.writestr(name, data)
        if zeros:
            with packed.open("files/00/zeros", "w", force_zip64=True) as writing:
                for _ in range(zeros // (1 << 20)):
                    writing.write(bytes(1 << 20))
    return path


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own temporary folder (where merges unpack archives)."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(office: Path, tmp_path: Path, own_temp: Path) -> None:
    database = (tmp_path / "laptop" / "catalogue.sqlite").read_bytes()
    bomb = _archive(tmp_path / "bomb.ngodesk-copy", {"catalogue.sqlite": database}, zeros=200 << 20)
    assert bomb.stat().st_size < 2_000_000
    before = _listing(tmp_path, but=office)
    with open_library(office) as library, pytest.raises(ValidationError) as refused:
        merging.merge(library, bomb)
    assert re.match(rf"{re.escape(str(bomb))} would unpack to 210.3 MB, [\d,]+ times its own size", str(refused.value))
    with pytest.raises(ValidationError, match="times its own size"):
        field_copy.unpack(bomb)
    assert _listing(tmp_path, but=office) == before and list(own_temp.iterdir()) == []
    merged = ngodesk("merge", str(bomb), library=office)
    assert merged.returncode == 1 and "times its own size" in merged.stderr and "Traceback" not in merged.stderr


def test_an_archive_that_holds_more_than_it_says_is_not_unpacked(office: Path, tmp_path: Path, own_temp: Path) -> None:
    """Sizes an archive declares can lie: it is read no further than them."""
    database = (tmp_path / "laptop" / "catalogue.sqlite").read_bytes()
    liar = _archive(tmp_path / "liar.ngodesk-copy", {"catalogue.sqlite": database}, zeros=8 << 20)
    data = bytearray(liar.read_bytes())
    central = data.rfind(b"PK\x01\x02")  # (the central directory's entry of the zeros, the last one)
    data[central + 24 : central + 28] = (1000).to_bytes(4, "little")  # (uncompressed size: 1,000 bytes)
    liar.write_bytes(bytes(data))
    before = _listing(tmp_path, but=office)
    with open_library(office) as library, pytest.raises(ValidationError, match="not a readable field-copy archive"):
        merging.merge(library, liar)
    with pytest.raises(ValidationError, match="not a readable field-copy archive"):
        field_copy.unpack(liar)
    assert _listing(tmp_path, but=office) == before and list(own_temp.iterdir()) == []


@pytest.mark.parametrize("kind", [stat.S_IFLNK, stat.S_IFIFO, stat.S_IFCHR])
def test_links_and_devices_in_an_archive_are_refused(office: Path, tmp_path: Path, own_temp: Path, kind: int) -> None:
    database = (tmp_path / "laptop" / "catalogue.sqlite").read_bytes()
    special = zipfile.ZipInfo("files/ab/" + "ab" * 32)
    special.external_attr = (kind | 0o777) << 16
    archive = _archive(tmp_path / "links.ngodesk-copy", {"catalogue.sqlite": database, special: b"/etc/passwd"})
    with open_library(office) as library, pytest.raises(ValidationError, match="is a link or a device"):
        merging.merge(library, archive)
    with pytest.raises(ValidationError, match="is a link or a device"):
        field_copy.unpack(archive)
    assert not (tmp_path / "links").exists() and list(own_temp.iterdir()) == []


def test_an_archive_larger_than_the_free_space_is_refused(office: Path, tmp_path: Path) -> None:
    """On a nearly full stick: refused before unpacking, nothing left."""
    database = (tmp_path / "laptop" / "catalogue.sqlite").read_bytes()
    with small_disk(tmp_path / "usb", "256k") as usb:
        archive = _archive(usb / "trip.ngodesk-copy", {"catalogue.sqlite": database}, zeros=4 << 20)
        with pytest.raises(ValidationError, match=r"would unpack to 4\.\d MB, but .*usb has 0\.\d MB free"):
            field_copy.unpack(archive)
        assert sorted(p.name for p in usb.iterdir()) == ["trip.ngodesk-copy"]
        tempfile.tempdir = str(usb)
        try:
            with open_library(office) as library, pytest.raises(ValidationError, match="free. Nothing was unpacked"):
                merging.merge(library, archive)
        finally:
            tempfile.tempdir = None
        assert sorted(p.name for p in usb.iterdir()) == ["trip.ngodesk-copy"]


def _sql(copy: Path, *statements: str) -> None:
    with sqlite3.connect(copy / "catalogue.sqlite") as db:
        for statement in statements:
            db.execute(statement)
    db.close()


def test_text_that_an_import_would_clean_or_refuse_is_cleaned_or_left_out(office: Path, tmp_path: Path) -> None:
    """Control characters go (as an import removes them); a value an
    import refuses leaves its record out, with the reason in the report."""
    copy = tmp_path / "laptop"
    with open_library(copy) as library:
        for title in ("Fresh water", "Empty", "Bad link"):
            stories.create_story(library, {"title": title}, ["Topic/Water", "Bad"])
        stories.create_story(library, {"title": "Under a bad tag"}, ["Bad/Child"])
        entity = entities.create_entity(library, EntityKind.ORGANISATION, "CFPA").id
        entities.link_entity(library, queries.matching_ids(library, "Fresh").tolist(), entity)
        entities.create_entity(library, EntityKind.PLACE, "Nowhere")
    _sql(
        copy,
        "UPDATE stories SET title = 'Fresh' || char(0) || ' water' || char(0, 1, 27),"
        " summary = 'clean' || char(0) || 'ed' WHERE title = 'Fresh water'",
        "UPDATE stories SET title = char(0, 1, 2) WHERE title = 'Empty'",
        "UPDATE stories SET url = 'javascript:alert(1)' WHERE title = 'Bad link'",
        "UPDATE stories SET title = 'Schools in ' || char(0) || 'Nepal (2)', revision = revision + 1"
        " WHERE title = 'Schools in Nepal'",
        "UPDATE stories SET url = 'file:///etc/passwd' WHERE title = 'Wells in Kenya'",
        "UPDATE tags SET name = 'Wa' || char(0) || 'ter' WHERE name = 'Water'",
        "UPDATE tags SET name = 'a/b' WHERE name = 'Bad'",
        "UPDATE entities SET name = 'CF' || char(0) || 'PA' WHERE name = 'CFPA'",
        "UPDATE entities SET name = char(0, 9) WHERE name = 'Nowhere'",
    )
    with open_library(office) as library:
        report = merging.merge(library, copy)
        assert sorted(report.left_out) == [
            "entity “\t” was not merged: A record needs a name.",
            "story “Bad link” was not merged: url: 'javascript:alert(1)' is not a web address (http://... or https://...)",
            "story “Wells in Kenya” was not merged: url: 'file:///etc/passwd' is not a web address"
            " (http://... or https://...)",
            "story “” was not merged: title: a story needs a title",
            "tag “Child” was not merged: its parent tag was not merged",
            "tag “a/b” was not merged: Tag name 'a/b': '/' separates levels and cannot be part of a name.",
        ]
        found = queries.stories(library, queries.matching_ids(library, "").tolist())
        by_title = {v.title: v for v in found}
        assert sorted(by_title) == ["Fresh water", "Schools in Nepal (2)", "Under a bad tag", "Wells in Kenya"]
        fresh = by_title["Fresh water"]
        assert fresh.summary == "cleaned" and [t.path for t in fresh.tags] == ["Topic/Water"]
        assert [e.name for e in fresh.entities] == ["CFPA"] and by_title["Wells in Kenya"].url == ""
        assert queries.matching_ids(library, "water").tolist() == [fresh.id]  # (indexed as cleaned)
        assert by_title["Under a bad tag"].tags == ()


def test_a_copy_that_is_no_library_this_program_can_read_is_refused(office: Path, tmp_path: Path) -> None:
    copy = tmp_path / "laptop"
    database = copy / "catalogue.sqlite"
    _sql(copy, "UPDATE alembic_version SET version_num = '9999_from_the_future'")
    for reason, broken in (
        ("written by a newer version of ngodesk", None),
        ("is an empty file, not a library", b""),
        ("not a readable SQLite database", b"SQLite format 3\x00" + b"\xff" * 4000),
        ("not a readable SQLite database", b"%PDF-1.4 " * 1000),
    ):
        if broken is not None:
            for sidecar in copy.glob("catalogue.sqlite-*"):
                sidecar.unlink()
            database.write_bytes(broken)
        merged = ngodesk("merge", str(copy), library=office)
        assert merged.returncode == 1 and reason in merged.stderr and "Traceback" not in merged.stderr, merged.stderr
    assert _titles(office) == {"Wells in Kenya", "Schools in Nepal"}


def test_a_bad_hash_already_in_a_library_does_not_stop_listing(office: Path, tmp_path: Path) -> None:
    """A row an older merge let in is listed (without a path), not a failure."""
    laptop = tmp_path / "laptop"
    _set_hash(laptop, "ab/../../../catalogue.sqlite")
    with open_library(laptop) as library:
        (kenya,) = [v.uuid for v in queries.stories(library, queries.matching_ids(library, "Kenya").tolist())]
    (listed,) = json.loads(ok("attachments", kenya, "--json", library=laptop))
    assert listed["name"] == "well.png" and listed["path"] == ""


def test_collections_whose_filters_cannot_be_read_are_left_out(office: Path, tmp_path: Path) -> None:
    copy = tmp_path / "laptop"
    with open_library(copy) as library:
        story_collections.save_search(library, "Water", "water")
        story_collections.save_search(library, "Broken", "water")
    _sql(
        copy,
        "UPDATE collections SET filters = '{' WHERE name = 'Broken'",
        "UPDATE collections SET name_key = 'schools' WHERE name = 'Water'",  # (a key that is not its name's)
    )
    with open_library(office) as library:
        report = merging.merge(library, copy)
        assert report.left_out == ["collection “Broken” was not merged: its filters cannot be read"]
        assert [c.name for c in story_collections.collections(library)] == ["Water"]
        story_collections.save_search(library, "Schools", "schools")  # (the key is the name's again)


def test_json_the_library_could_not_read_back_stays_out(office: Path, tmp_path: Path) -> None:
    """A story's extra data, a term's lists and a collection's filters that
    are not JSON, or nested too deep to read back: left out, said so; what
    came is shown and exported as before (it failed on every later run)."""
    copy = tmp_path / "laptop"
    with open_library(copy) as library:
        stories.create_story(library, {"title": "Clinics in Myanmar"})
        glossary.create_term(library, TermRecord("民生项目", "livelihood projects"))
        story_collections.save_search(library, "Deep", "water")
    deep = "[" * 5000 + "]" * 5000
    _sql(
        copy,
        f"UPDATE stories SET extra = '{deep}' WHERE title = 'Clinics in Myanmar'",
        "UPDATE terms SET alternatives = 'not json'",
        f"UPDATE collections SET filters = '{deep}'",
    )
    with open_library(office) as library:
        report = merging.merge(library, copy)
        assert sorted(report.left_out) == [
            "collection “Deep” was not merged: its filters cannot be read",
            "story “Clinics in Myanmar” was merged without its extra, which cannot be read",
            "term “民生项目” was not merged: its alternatives cannot be read",
        ]
        (clinics,) = queries.stories(library, queries.matching_ids(library, "Clinics").tolist())
        assert clinics.extra == {} and glossary.terms(library) == [] and story_collections.collections(library) == []
    assert ok("export", "--format", "json", library=office).count("Clinics in Myanmar") == 1


def test_a_shared_state_that_cannot_be_read_is_named_not_the_library(office: Path, tmp_path: Path) -> None:
    copy = tmp_path / "laptop"
    with open_library(copy) as library:
        stories.create_story(library, {"title": "Clinics in Myanmar"})
    (copy / field_copy.ANCESTOR).write_bytes(os.urandom(5000))
    merged = ngodesk("merge", str(copy), library=office)
    assert merged.returncode == 1 and f"{copy / field_copy.ANCESTOR}, the state both libraries share" in merged.stderr
    assert "Could not write to" not in merged.stderr
    assert ok("check", library=office).strip() == "No problems found."


def test_a_copy_on_a_write_protected_stick_merges(office: Path, tmp_path: Path) -> None:
    copy = tmp_path / "laptop"
    with open_library(copy) as library:
        stories.create_story(library, {"title": "Clinics in Myanmar"})
    with read_only_view(copy, tmp_path / "stick") as stick:
        merged = ngodesk("merge", str(stick), library=office)
        assert merged.returncode == 0, merged.stderr
    assert "Clinics in Myanmar" in _titles(office)
