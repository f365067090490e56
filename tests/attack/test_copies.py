"""Crafted field copies, merged with ``ngodesk merge``: every value that
becomes a path (an attachment's hash and name, an archive's entry names),
links in the copy's folder, zip bombs, newer schemas, empty and foreign
database files. Whatever the copy holds: not one byte is written outside
the library (the folder around it, the copy itself and the temporary
folder are listed before and after), the command ends with exit code 0 or
1 and a message, never a traceback, and the library stays sound."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import stat
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ngodesk.domain.errors import NgodeskError
from ngodesk.services import attachments, queries
from ngodesk.services.library import open_library
from tests.attack.harness import Zygote, crashed, snapshot, succeeded, written_outside
from tests.conftest import SAMPLE

SECRET = b"a file of this computer that no copy may reach"
#: Hashes that are paths, for a library in ``T/library`` and its copy in
#: ``T/deep/er/copy``: the first plants a backup (the newest, which
#: ``restore latest`` would swap in), the second writes ``T/outside/planted.txt``.
HASHES = [
    "ab/../../../backups/20990101T000000Z-daily.sqlite",
    "ab/../../../../outside/planted.txt",
    "/tmp/ngodesk-attack-absolute.txt",
    "..",
    "",
]
#: What a merge may write in the library (relative paths).
MERGE_WRITES = re.compile(
    r"catalogue\.sqlite(-wal|-shm|-journal)?|\.lock|files/[0-9a-f]{2}(/[0-9a-f]{64})?|merges(/[0-9a-f-]{36}\.sqlite)?"
    r"|backups/\d{8}T\d{6}\d*Z-before-merge\.sqlite"
)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory, zygote: Zygote) -> Path:
    """A library with the sample, and its field copy with a photo attached."""
    folder = tmp_path_factory.mktemp("pristine")
    library, copy = folder / "library", folder / "copy"
    succeeded(zygote.cli("--library", str(library), "import", str(SAMPLE)))
    succeeded(zygote.cli("--library", str(library), "copy", str(copy)))
    photo = folder / "well.png"
    photo.write_bytes(b"\x89PNG a photo of a well")
    uuid = succeeded(zygote.cli("--library", str(copy), "add", "--title", "Wells in Kenya")).strip()
    succeeded(zygote.cli("--library", str(copy), "attach", uuid, str(photo)))
    return folder


def _sql(copy: Path, statement: str, *parameters: object) -> None:
    connection = sqlite3.connect(copy / "catalogue.sqlite")
    with connection:
        connection.execute(statement, parameters)
    connection.close()


def _hash(value: str) -> Callable[[Path, Path], None]:
    def craft(copy: Path, outside: Path) -> None:
        _sql(copy, "UPDATE attachments SET sha256 = ?", value)
        named = copy / "files" / value[:2] / value
        if value and Path(os.path.normpath(named)).is_relative_to(outside.parent):  # (what it names exists,
            named.parent.mkdir(parents=True, exist_ok=True)  # and the folders on the way)
            if not named.exists():
                named.write_bytes(b"planted")

    return craft


def _linked_file(copy: Path, outside: Path) -> None:
    """The attachment's file is a link to a file outside, with its hash."""
    sha256 = hashlib.sha256(SECRET).hexdigest()
    _sql(copy, "UPDATE attachments SET sha256 = ?", sha256)
    for stored in (copy / "files").rglob("*"):
        if stored.is_file():
            stored.unlink()
    (copy / "files" / sha256[:2]).mkdir(exist_ok=True)
    (copy / "files" / sha256[:2] / sha256).symlink_to(outside / "secret.txt")


def _linked_files_folder(copy: Path, outside: Path) -> None:
    shutil.rmtree(copy / "files")
    (copy / "files").symlink_to(outside)


def _linked(name: str) -> Callable[[Path, Path], None]:
    def craft(copy: Path, outside: Path) -> None:
        shutil.copyfile(copy / "catalogue.sqlite", outside / f"other-{name}")
        (copy / name).unlink()
        (copy / name).symlink_to(outside / f"other-{name}")

    return craft


def _database(content: bytes | None = None, sql: str = "") -> Callable[[Path, Path], None]:
    def craft(copy: Path, outside: Path) -> None:
        if sql:
            _sql(copy, sql)
        else:
            (copy / "catalogue.sqlite").write_bytes(content or b"")

    return craft


def _foreign(copy: Path, outside: Path) -> None:
    (copy / "catalogue.sqlite").unlink()
    with sqlite3.connect(copy / "catalogue.sqlite") as connection:
        connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    connection.close()


CRAFTS: dict[str, Callable[[Path, Path], None]] = {
    **{f"hash {value!r}": _hash(value) for value in HASHES},
    "attachment name ../../outside/x": lambda copy, _: _sql(copy, "UPDATE attachments SET name = '../../../x.png'"),
    "attachment file a link out": _linked_file,
    "files/ a link out": _linked_files_folder,
    "catalogue.sqlite a link out": _linked("catalogue.sqlite"),
    "ancestor.sqlite a link out": _linked("ancestor.sqlite"),
    "zero-length database": _database(b""),
    "random bytes as database": _database(os.urandom(8192)),
    "foreign SQLite database": _foreign,
    "newer schema": _database(sql="UPDATE alembic_version SET version_num = 'ffff99990000'"),
    "no schema revision": _database(sql="DELETE FROM alembic_version"),
    "NUL in a title": _database(sql="UPDATE stories SET title = 'a' || char(0) || 'b' WHERE title LIKE 'Wells%'"),
    "title 2 MB": _database(sql="UPDATE stories SET title = printf('%.*c', 2000000, 'x') WHERE title LIKE 'Wells%'"),
}
#: Crafts merged as an archive too (zipped as ``ngodesk copy`` zips a copy).
AS_ARCHIVE = {"attachment file a link out"}


def _zip(folder: Path, archive: Path) -> None:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as packed:
        for path in sorted(folder.rglob("*")):
            if path.is_symlink():
                info = zipfile.ZipInfo(path.relative_to(folder).as_posix())
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                packed.writestr(info, os.readlink(path))
            elif path.is_file():
                packed.write(path, path.relative_to(folder).as_posix())


def _entries(*names: str, link: str = "", zeros: int = 0) -> Callable[[Path, Path], None]:
    """An archive of the copy plus entries named ``names`` (a link to
    ``link``; ``zeros`` bytes of zeros: a bomb)."""

    def craft(copy: Path, archive: Path) -> None:
        _zip(copy, archive)
        with zipfile.ZipFile(archive, "a", zipfile.ZIP_DEFLATED) as packed:
            for name in names:
                if link:
                    info = zipfile.ZipInfo(name)
                    info.external_attr = (stat.S_IFLNK | 0o777) << 16
                    packed.writestr(info, link)
                elif zeros:
                    with packed.open(name, "w", force_zip64=True) as writing:
                        for _ in range(zeros >> 20):
                            writing.write(bytes(1 << 20))
                else:
                    with warnings.catch_warnings(action="ignore"):  # (a name twice: on purpose)
                        packed.writestr(name, b"escaped")

    return craft


ARCHIVES: dict[str, Callable[[Path, Path], None]] = {
    "entry ../escape": _entries("../escape.txt", "files/../../escape.txt"),
    "entry /absolute": _entries("/tmp/ngodesk-attack-escape.txt"),
    "entry a link out": _entries("files/ab/link", link="../../../outside/secret.txt"),
    "zip bomb": _entries("files/00/bomb", zeros=120 << 20),
    "catalogue.sqlite twice": _entries("catalogue.sqlite"),
}


def _attack(
    tmp_path: Path,
    pristine: Path,
    zygote: Zygote,
    craft_archive: Callable[[Path, Path], None] | None,
    craft: Callable[[Path, Path], None] | None,
    as_archive: bool,
) -> None:
    """Merge a crafted copy into a fresh library and check the property."""
    library, copy, outside = tmp_path / "library", tmp_path / "deep" / "er" / "copy", tmp_path / "outside"
    shutil.copytree(pristine / "library", library, symlinks=True)
    shutil.copytree(pristine / "copy", copy, symlinks=True)
    outside.mkdir()
    (outside / "secret.txt").write_bytes(SECRET)
    (tmp_path / "temp").mkdir()
    if craft is not None:
        craft(copy, outside)
    source = copy
    if craft_archive is not None or as_archive:
        source = tmp_path / "laptop.ngodesk-copy"
        (craft_archive or (lambda folder, archive: _zip(folder, archive)))(copy, source)
    before, inside = snapshot(tmp_path, library), snapshot(library)
    os.environ["TMPDIR"] = str(tmp_path / "temp")  # (the child's temporary folder: listed too)
    try:
        merged = zygote.cli("--library", str(library), "merge", str(source))
    finally:
        del os.environ["TMPDIR"]
    assert not crashed(merged.stderr), merged.stderr
    assert merged.code in (0, 1), (merged.code, merged.stderr)
    assert merged.code == 0 or merged.stderr.startswith("ngodesk: "), merged.stderr
    assert written_outside(before, snapshot(tmp_path, library)) == []
    written = [
        p for p, facts in snapshot(library).items() if inside.get(p) != facts and (facts[0] != "dir" or p not in inside)
    ]
    assert [p for p in written if not MERGE_WRITES.fullmatch(p)] == []
    for path in written:  # (a stored file is named by its content's hash)
        if path.startswith("files/") and (library / path).is_file():
            assert hashlib.sha256((library / path).read_bytes()).hexdigest() == Path(path).name
    assert not Path("/tmp/ngodesk-attack-absolute.txt").exists() and not Path("/tmp/ngodesk-attack-escape.txt").exists()
    with open_library(library) as opened:
        assert queries.check(opened) == []
        for story_id in queries.matching_ids(opened, "").tolist():
            for view in attachments.attachments(opened, story_id):
                try:
                    where = attachments.open_copy(opened, view, tmp_path / "opened")
                except Exception as error:  # noqa: BLE001 - only a message is allowed
                    assert isinstance(error, NgodeskError), error
                else:
                    assert where.resolve().is_relative_to((tmp_path / "opened").resolve())


@pytest.mark.parametrize("name", sorted(CRAFTS))
def test_a_crafted_copy_writes_nothing_outside_the_library(
    name: str, tmp_path: Path, pristine: Path, zygote: Zygote
) -> None:
    _attack(tmp_path, pristine, zygote, None, CRAFTS[name], as_archive=False)


@pytest.mark.parametrize("name", sorted(AS_ARCHIVE) + sorted(ARCHIVES))
def test_a_crafted_archive_writes_nothing_outside_the_library(
    name: str, tmp_path: Path, pristine: Path, zygote: Zygote
) -> None:
    _attack(tmp_path, pristine, zygote, ARCHIVES.get(name), CRAFTS.get(name), as_archive=True)
