"""Field copies: a library, or the stories of a search or collection,
written as a new library folder that remembers where it came from.

Every library has an identity (a uuid in its ``meta``). A copy gets its
own, plus ``copy_of`` (the origin's) and ``ancestor.sqlite``: its database
as it was made, the common state a three-way merge starts from. After
each merge a library keeps the other one's state in
``merges/<other's uuid>.sqlite`` and starts the next merge with the same
library from there (``base_for``).
"""

from __future__ import annotations

import re
import shutil
import stat
import tempfile
import uuid as uuid_module
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ngodesk.domain.errors import LibraryError, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import Progress, no_progress
from ngodesk.services import attachments, trash
from ngodesk.steps import lookups, search_index
from ngodesk.store import backups, tracking
from ngodesk.store.library import DB_NAME, Library, stored_meta
from ngodesk.store.lock import LOCK_NAME
from ngodesk.store.schema import Attachment

if TYPE_CHECKING:  # (sqlalchemy is imported by the library)
    from sqlalchemy.orm import Session

IDENTITY = "library_uuid"
COPY_OF = "copy_of"
COPIED_AT = "copied_at"
ANCESTOR = "ancestor.sqlite"
#: File name ending of field-copy archives.
ARCHIVE_SUFFIX = ".ngodesk-copy"
BASES = "merges"
#: An archive that unpacks to more than ``SMALL`` bytes may unpack to at
#: most ``MAX_RATIO`` times its own size: a library's database and files
#: compress far less, a zip bomb far more (an empty library, small, more).
MAX_RATIO, SMALL = 100, 64_000_000
#: Bytes read at a time while unpacking.
_BLOCK = 1 << 20


def identity(library: Library) -> str:
    """The library's uuid (made the first time it is asked for)."""
    with library.read() as session:
        found = library.get_meta(session, IDENTITY)
    if found or library.readonly:
        return found or ""
    with library.write() as session:
        found = library.get_meta(session, IDENTITY) or str(uuid_module.uuid4())
        library.set_meta(session, IDENTITY, found)
    return found


def origin_of(library: Library) -> str:
    """The uuid of the library this one is a field copy of ("" if none)."""
    with library.read() as session:
        return library.get_meta(session, COPY_OF) or ""


def make_copy(
    library: Library, out: Path | str, story_ids: list[int] | None = None, progress: Progress = no_progress
) -> Path:
    """Write the library (or only the stories ``story_ids``, with every
    tag, record and glossary term) as a new library folder ``out`` that
    remembers this one. Nothing is left behind when it fails."""
    out = Path(out).expanduser().absolute()
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ValidationError(
            translate("Messages", "{out} exists and is not an empty folder: choose a new one for the copy.").format(
                out=out
            )
        )
    origin = identity(library)
    made = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        backups.copy_database(library.db_path, out / DB_NAME)
        progress(1, 4)
        with Library.open(out, program="ngodesk copy") as copy:
            with copy.write() as session:
                copy.set_meta(session, IDENTITY, str(uuid_module.uuid4()))
                copy.set_meta(session, COPY_OF, origin)
                copy.set_meta(session, COPIED_AT, datetime.now(UTC).isoformat())
                tracking.disown(session.connection())  # (the copy comes back by a merge, not through the hub)
                if story_ids is not None:
                    _keep_only(session, story_ids)
                    search_index.rebuild(session)
            progress(2, 4)
            with copy.read() as session:
                hashes = set(session.scalars(Attachment.__table__.select().with_only_columns(Attachment.sha256)))
                hashes |= trash.files_held(session)
            for sha256 in sorted(hashes):
                with suppress(ValidationError):  # (not a file's hash, not the file's content: as a missing file)
                    attachments.take_file(copy, library.folder, sha256)
        progress(3, 4)
        backups.copy_database(out / DB_NAME, out / ANCESTOR)
        progress(4, 4)
    except (OSError, LibraryError) as error:
        _remove(out, made)
        raise LibraryError(
            translate("Messages", "Could not make a field copy in {out}: {error}").format(out=out, error=error)
        ) from error
    except BaseException:
        _remove(out, made)
        raise
    return out


def make_archive(
    library: Library, out: Path | str, story_ids: list[int] | None = None, progress: Progress = no_progress
) -> Path:
    """A field copy (see ``make_copy``) as one archive file ``out`` (a zip
    of the copy's folder, ``.ngodesk-copy``), for a USB stick or e-mail.
    The file appears complete or not at all."""
    out = Path(out).expanduser().absolute()
    if out.exists():
        raise ValidationError(
            translate("Messages", "{out} exists already: choose a new file name for the copy.").format(out=out)
        )
    with tempfile.TemporaryDirectory(prefix="ngodesk-copy-", dir=out.parent) as work:
        folder = make_copy(library, Path(work) / "copy", story_ids, progress)
        partial = out.with_name(out.name + ".partial")
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
                archive.comment = stored_meta(folder / DB_NAME, IDENTITY).encode()  # (see ``worked_in``)
                for path in sorted(folder.rglob("*")):
                    if path.is_file() and path.name != LOCK_NAME:
                        archive.write(path, path.relative_to(folder).as_posix())
            partial.replace(out)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise LibraryError(
                translate("Messages", "Could not write the field copy {out}: {error}").format(out=out, error=error)
            ) from error
    return out


@contextmanager
def opened_archive(path: Path) -> Iterator[Path]:
    """The library folder inside a field-copy archive, unpacked into a
    temporary folder for as long as the block runs (see ``_unpack``)."""
    with tempfile.TemporaryDirectory(prefix="ngodesk-merge-") as work:
        _unpack(path, Path(work))
        yield Path(work)


def _unpack(path: Path, folder: Path) -> None:
    """Unpack the field-copy archive ``path`` into the empty ``folder``.
    Refuses (ValidationError naming the archive, before writing anything)
    an archive that is not one: no database, names that would land outside
    the folder, entries that are links or devices, more than it can hold
    (``_check_room``); stops when an entry gives more than the archive
    says it holds. LibraryError when writing fails. The caller removes
    ``folder`` on failure."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            _check_entries(path, folder, entries)
            declared = sum(entry.file_size for entry in entries)
            _check_room(path, folder, declared)
            written = 0
            for entry in entries:
                target = folder / entry.filename
                if entry.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(entry) as reading, target.open("wb") as writing:
                    while block := reading.read(_BLOCK):
                        written += len(block)
                        if written > declared:
                            raise ValidationError(
                                translate(
                                    "Messages",
                                    "{path} holds more than it says ({size}); it was not unpacked.",
                                ).format(path=path, size=_megabytes(declared))
                            )
                        writing.write(block)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as error:
        raise ValidationError(
            translate("Messages", "{path} is not a readable field-copy archive: {error}").format(path=path, error=error)
        ) from error
    except OSError as error:
        raise _unpack_failed(path, folder, error) from error


def _check_entries(path: Path, folder: Path, entries: list[zipfile.ZipInfo]) -> None:
    """ValidationError unless the entries of the archive ``path`` hold a
    library's database and only files and folders that land in ``folder``."""
    if DB_NAME not in {entry.filename for entry in entries}:
        raise ValidationError(
            translate("Messages", "{path} is not a field copy (it holds no {DB_NAME}).").format(
                path=path, DB_NAME=DB_NAME
            )
        )
    for entry in entries:
        try:
            attachments.safe_child(folder, entry.filename)
        except ValidationError:
            raise ValidationError(
                translate("Messages", "{path}: the entry {name!r} would be written outside the copy.").format(
                    path=path, name=entry.filename
                )
            ) from None
        if stat.S_IFMT(entry.external_attr >> 16) not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise ValidationError(
                translate(
                    "Messages", "{path}: the entry {name!r} is a link or a device; a field copy holds only files."
                ).format(path=path, name=entry.filename)
            )


def _check_room(path: Path, folder: Path, size: int) -> None:
    """ValidationError when the archive ``path`` would unpack to ``size``
    bytes that look like a zip bomb (more than ``MAX_RATIO`` times its own
    size, when that is more than ``SMALL``) or do not fit into ``folder``."""
    if size > SMALL and size > MAX_RATIO * path.stat().st_size:
        raise ValidationError(
            translate(
                "Messages",
                "{path} would unpack to {size}, {ratio:,} times its own size: that is not a field copy. "
                "Nothing was unpacked.",
            ).format(path=path, size=_megabytes(size), ratio=size // max(path.stat().st_size, 1))
        )
    free = shutil.disk_usage(folder).free
    if size > free:
        raise ValidationError(
            translate(
                "Messages", "{path} would unpack to {size}, but {folder} has {free} free. Nothing was unpacked."
            ).format(path=path, size=_megabytes(size), folder=folder.parent, free=_megabytes(free))
        )


def _megabytes(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def is_archive(path: str | None) -> bool:
    """Whether ``path`` names a field-copy archive file (not a folder)."""
    return bool(path) and str(path).endswith(ARCHIVE_SUFFIX) and Path(str(path)).is_file()


def _beside(path: Path, n: int = 1) -> Path:
    """Where ``unpack`` puts the archive ``path``: ``NAME``, or ``NAME (n)``."""
    name = path.name.removesuffix(ARCHIVE_SUFFIX) or "copy"
    return path.with_name(name if n == 1 else f"{name} ({n})")


def _archive_identity(path: Path) -> str:
    """The identity of the copy in an archive (its zip comment; "" for
    an archive made before archives carried it, or no archive at all)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.comment.decode("ascii", "replace")
    except (OSError, zipfile.BadZipFile):
        return ""


def worked_in(path: Path | str) -> Path | None:
    """The library folder ``unpack`` made of the archive ``path`` earlier,
    if there is one: the copy's work is there, not in the file. Known by
    the copy's identity, not by its name: a folder of that name may hold
    another copy (an older archive of the same name, unpacked before)."""
    path = Path(path).expanduser().absolute()
    wanted = _archive_identity(path)
    if not wanted or not path.parent.is_dir():
        return None
    pattern = re.compile(re.escape(_beside(path).name) + r"( \(\d+\))?")
    for folder in sorted(path.parent.iterdir()):
        if pattern.fullmatch(folder.name) and stored_meta(folder / DB_NAME, IDENTITY) == wanted:
            return folder
    return None


def unpack(path: Path | str) -> Path:
    """The library folder to work in from a field-copy archive: unpacked
    beside it (``NAME.ngodesk-copy`` -> ``NAME``, or ``NAME (2)``... when
    that is taken), or the folder an earlier unpacking made (``worked_in``:
    work done in it is never overwritten). Refuses what
    ``opened_archive`` refuses; a failure leaves no folder behind."""
    path = Path(path).expanduser().absolute()
    if (earlier := worked_in(path)) is not None:
        return earlier
    if not _archive_identity(path) and (_beside(path) / DB_NAME).exists():
        return _beside(path)  # (an archive from before identities: as then, by name)
    n = 1
    while _beside(path, n).exists():
        n += 1
    target = _beside(path, n)
    partial = target.with_name(target.name + ".partial")
    try:
        partial.mkdir()
    except OSError as error:
        raise _unpack_failed(path, target, error) from error
    try:
        _unpack(path, partial)
        partial.rename(target)
    except BaseException as error:
        shutil.rmtree(partial, ignore_errors=True)
        if isinstance(error, OSError):
            raise _unpack_failed(path, target, error) from error
        raise
    return target


def _unpack_failed(path: Path, target: Path, error: OSError) -> LibraryError:
    return LibraryError(
        translate("Messages", "Could not unpack {path} into {target}: {error}").format(
            path=path, target=target, error=error
        )
    )


def _keep_only(session: Session, story_ids: list[int]) -> None:
    """Delete every story but ``story_ids`` from a new copy, without
    tombstones or history: they were never in it. Its Trash is empty."""
    connection = session.connection()
    keep = set(lookups.present_story_ids(session, story_ids))
    connection.exec_driver_sql("CREATE TEMP TABLE ngodesk_keep (id INTEGER PRIMARY KEY)")
    connection.exec_driver_sql("INSERT INTO ngodesk_keep VALUES (?)", [(i,) for i in sorted(keep)] or [(0,)])
    connection.exec_driver_sql(
        "DELETE FROM story_changes WHERE story_uuid NOT IN"
        " (SELECT uuid FROM stories WHERE id IN (SELECT id FROM ngodesk_keep))"
    )
    connection.exec_driver_sql("DELETE FROM stories WHERE id NOT IN (SELECT id FROM ngodesk_keep)")
    connection.exec_driver_sql("DROP TABLE ngodesk_keep")
    connection.exec_driver_sql("DELETE FROM trash")


def _remove(out: Path, made: bool) -> None:
    if made:
        shutil.rmtree(out, ignore_errors=True)
    else:
        for child in out.iterdir():
            shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink(missing_ok=True)


def base_for(library: Library, other: Library) -> Path | None:
    """The common state to merge ``other`` into ``library`` from: what
    ``other`` was at the last merge between them, else the ancestor of
    whichever is a field copy of the other; None when they share none."""
    mine, theirs = identity(library), identity(other)
    seen = _seen(library, other)
    if theirs and seen.exists():
        return seen
    if origin_of(other) == mine and (other.folder / ANCESTOR).exists():
        return other.folder / ANCESTOR
    if origin_of(library) == theirs and (library.folder / ANCESTOR).exists():
        return library.folder / ANCESTOR
    return None


def remember(library: Library, other: Library) -> None:
    """After a merge: ``other`` as it is now is the common state for the
    next merge of it into ``library``."""
    seen = _seen(library, other)
    seen.parent.mkdir(exist_ok=True)
    backups.copy_database(other.db_path, seen)


def _seen(library: Library, other: Library) -> Path:
    """Where ``library`` keeps the state of ``other`` at their last merge
    (a file named by its identity). ValidationError for an identity that
    is not a uuid (a crafted copy's, a path in disguise)."""
    theirs = identity(other)
    try:
        valid = not theirs or str(uuid_module.UUID(theirs)) == theirs
    except ValueError:
        valid = False
    if not valid:
        raise ValidationError(
            translate("Messages", "{folder} is not a field copy: its identity {value!r} is not a uuid.").format(
                folder=other.folder, value=theirs
            )
        )
    return library.folder / BASES / f"{theirs}.sqlite"
