"""Files attached to stories. A file's content is copied into the
library's ``files/`` folder under its SHA-256 (``files/ab/abcd…``), so the
same photo attached twice, or to two stories, is stored once, and a
library folder can be moved or copied whole (no absolute paths are kept).
Removing an attachment keeps its file (undo, and other stories, may need
it); ``remove_unused`` deletes the files that neither the library nor
any of its backups refers to."""

from __future__ import annotations

import hashlib
import io
import mimetypes
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import insert, select

from ngodesk.domain.errors import LibraryError, NgodeskError, NotFound, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet
from ngodesk.services import trash
from ngodesk.steps import linking, lookups, tombstones
from ngodesk.store import backups
from ngodesk.store.faults import STORAGE_ERRORS
from ngodesk.store.library import BACKUPS_DIR, FILES_DIR, Library
from ngodesk.store.schema import Attachment, Story

#: Bytes read at a time while hashing and copying.
_BLOCK = 1 << 20
_SHA256 = re.compile("[0-9a-f]{64}")
#: What a file name is not made of.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class AttachmentView:
    """One attached file: what it was called, its type and size."""

    uuid: str
    story_id: int
    sha256: str
    name: str
    mime: str
    size: int
    created_at: datetime

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


def valid_sha256(value: object) -> bool:
    """Whether ``value`` is a SHA-256 as the library names files by: 64
    lower-case hexadecimal characters (nothing that could be a path)."""
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


def safe_child(root: Path, *parts: str) -> Path:
    """``root / parts``, refused (ValidationError naming it) unless it stays
    inside ``root`` once resolved: no ``..``, absolute part or symbolic
    link that leads out of ``root``."""
    path = root.joinpath(*parts)
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):  # (a link loop, a NUL)
        inside = False
    if not inside:
        raise ValidationError(
            translate("Messages", "{path} leads outside {root}; it was not used.").format(path=path, root=root)
        )
    return path


def _stored_in(folder: Path, sha256: str) -> Path:
    """Where the content with this hash is kept in the library folder
    ``folder``; ValidationError for a value that is not a SHA-256 or a
    place outside the folder (a link)."""
    if not valid_sha256(sha256):
        raise ValidationError(
            translate("Messages", "{value!r} is not the SHA-256 of an attached file.").format(value=sha256)
        )
    return safe_child(folder, FILES_DIR, sha256[:2], sha256)


def stored_path(library: Library, sha256: str) -> Path:
    """Where the content with this hash is kept in the library folder
    (ValidationError: see ``_stored_in``)."""
    return _stored_in(library.folder, sha256)


def _copy_in(library: Library, reading: BinaryIO, expected: str | None = None) -> tuple[str, int, bool]:
    """Copy what ``reading`` gives into ``files/`` (unless that content is
    there already); returns its SHA-256, its size and whether the file is
    new. Written under a temporary name and renamed: a crash or an error
    (a full disk, a source that cannot be read) leaves no file behind.
    With ``expected``, content with another hash is not kept (ValidationError)."""
    (library.folder / FILES_DIR).mkdir(parents=True, exist_ok=True)
    folder = safe_child(library.folder, FILES_DIR)
    handle, name = tempfile.mkstemp(dir=folder, prefix=".adding-")
    try:
        digest, size = hashlib.sha256(), 0
        with os.fdopen(handle, "wb") as copy:
            while block := reading.read(_BLOCK):
                digest.update(block)
                copy.write(block)
                size += len(block)
        sha256 = digest.hexdigest()
        if expected is not None and sha256 != expected:
            raise ValidationError(translate("Messages", "its content does not have the SHA-256 it is listed under"))
        target = stored_path(library, sha256)
        new = not target.exists()
        if new:
            target.parent.mkdir(exist_ok=True)
            os.replace(name, target)
        else:
            os.unlink(name)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return sha256, size, new


def store_file(library: Library, source: Path) -> tuple[str, int, bool]:
    """Copy ``source`` into ``files/`` (see ``_copy_in``); returns its
    SHA-256, size and whether the file is new. ValidationError naming
    ``source`` when it cannot be read or written."""
    try:
        with source.open("rb") as reading:
            return _copy_in(library, reading)
    except OSError as error:
        raise ValidationError(
            translate("Messages", "{source}: cannot be attached: {value}").format(
                source=source, value=error.strerror or error
            )
        ) from error


def keep_content(library: Library, content: bytes, sha256: str) -> None:
    """Keep ``content`` (an attachment's, from the team hub) in ``files/``
    unless it is there; ValidationError if it does not hash to ``sha256``."""
    if not stored_path(library, sha256).exists():
        _copy_in(library, io.BytesIO(content), sha256)


def take_file(library: Library, other: Path, sha256: str) -> None:
    """The file of an attachment of the library folder ``other`` (a field
    copy being merged) copied into this library's ``files/`` unless it is
    here already or missing there. Raises ValidationError (the reason) for
    a hash that is not one, a file that lies outside ``other`` (a link
    leading out of it) and content that does not hash to ``sha256``: such
    a file is not taken. LibraryError when it cannot be read or written."""
    target = stored_path(library, sha256)
    source = _stored_in(other, sha256)
    if target.exists() or not (source.exists() or source.is_symlink()):
        return
    if not source.is_file():
        raise ValidationError(translate("Messages", "it is not a file"))
    try:
        with source.open("rb") as reading:
            _copy_in(library, reading, sha256)
    except OSError as error:
        raise LibraryError(
            translate("Messages", "Could not copy {source} into {folder}: {error}").format(
                source=source, folder=library.folder / FILES_DIR, error=error.strerror or error
            )
        ) from error


def attach(library: Library, story_id: int, paths: Sequence[Path | str]) -> tuple[list[str], ChangeSet]:
    """Attach files to a story (all or none); returns the new attachments'
    uuids. A file whose content the story has already (attached before, or
    twice in ``paths``) is not attached again. A path that is not a
    readable file is refused, naming it."""
    files = [Path(p).expanduser() for p in paths]
    for path in files:
        if not path.is_file():
            raise ValidationError(translate("Messages", "{path}: not a file that can be attached.").format(path=path))
    stored: list[tuple[Path, str, int]] = []
    made: list[str] = []  # (files new in files/: removed again when the attaching fails)
    try:
        for path in files:
            sha256, size, new = store_file(library, path)
            stored.append((path, sha256, size))
            if new:
                made.append(sha256)
        return _add_rows(library, story_id, stored)
    except BaseException:
        for sha256 in made:
            unused = stored_path(library, sha256)
            unused.unlink(missing_ok=True)
            with suppress(OSError):  # (its folder, when nothing else is in it)
                unused.parent.rmdir()
        raise


def _add_rows(library: Library, story_id: int, stored: Sequence[tuple[Path, str, int]]) -> tuple[list[str], ChangeSet]:
    """Rows for files stored in ``files/`` (see ``attach``)."""
    with library.write() as session:
        lookups.get(session, Story, story_id, "story")
        held = set(session.scalars(select(Attachment.sha256).where(Attachment.story_id == story_id)))
        rows = []
        for path, sha256, size in stored:
            if sha256 not in held:
                held.add(sha256)
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                name = os.fsencode(path.name).decode(
                    "utf-8", "replace"
                )  # (a name in another encoding: shown as far as it reads)
                rows.append(Attachment(story_id=story_id, sha256=sha256, name=name, mime=mime, size=size))
        if not rows:
            return [], ChangeSet()
        session.add_all(rows)
        session.flush()
        linking.touch_stories(session, [story_id])
        return [row.uuid for row in rows], ChangeSet(stories_changed=frozenset({story_id}))


def _view(row: Attachment) -> AttachmentView:
    return AttachmentView(row.uuid, row.story_id, row.sha256, row.name, row.mime, row.size, row.created_at)


def attachments(library: Library, story_id: int) -> list[AttachmentView]:
    """The story's attachments, in the order they were attached."""
    with library.read() as session:
        lookups.get(session, Story, story_id, "story")
        ordered = (
            select(Attachment).where(Attachment.story_id == story_id).order_by(Attachment.created_at, Attachment.id)
        )
        rows = session.scalars(ordered)
        return [_view(row) for row in rows]


def remove(library: Library, uuids: Iterable[str]) -> ChangeSet:
    """Detach attachments (their files stay in ``files/``)."""
    with library.write() as session:
        stories: set[int] = set()
        for uuid in uuids:
            row = session.scalar(select(Attachment).where(Attachment.uuid == uuid))
            if row is None:
                raise NotFound(translate("Messages", "No attachment {uuid}.").format(uuid=uuid))
            stories.add(row.story_id)
            tombstones.bury(session, "attachment", [uuid])
            session.delete(row)
        session.flush()
        linking.touch_stories(session, stories)
        return ChangeSet(stories_changed=frozenset(stories))


def put_back(library: Library, views: Sequence[AttachmentView]) -> ChangeSet:
    """Attach again what ``remove`` detached (undo), with the same uuids."""
    with library.write() as session:
        for view in views:
            lookups.get(session, Story, view.story_id, "story")
            if not stored_path(library, view.sha256).exists():
                raise NgodeskError(
                    translate("Messages", "The file of {name} is no longer in {value}.").format(
                        name=view.name, value=library.folder / FILES_DIR
                    )
                )
        rows = [
            {
                "uuid": v.uuid,
                "story_id": v.story_id,
                "sha256": v.sha256,
                "name": v.name,
                "mime": v.mime,
                "size": v.size,
                "created_at": v.created_at,
                "updated_at": v.created_at,
                "revision": 1,
            }
            for v in views
        ]
        if rows:
            session.execute(insert(Attachment), rows)
        tombstones.unbury(session, [v.uuid for v in views])
        stories = {v.story_id for v in views}
        linking.touch_stories(session, stories)
        return ChangeSet(stories_changed=frozenset(stories))


def open_copy(library: Library, view: AttachmentView, folder: Path) -> Path:
    """A copy of the attachment under its own name in ``folder`` (for the
    system's viewer, which goes by the name), made once. Only the last
    part of the name is used (a name such as ``../x`` stays in ``folder``)."""
    name = _CONTROL.sub("", re.split(r"[/\\]", view.name)[-1]).strip()
    try:
        target = safe_child(folder, view.sha256[:12], name if name not in ("", ".", "..") else "attachment")
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(stored_path(library, view.sha256), target)
    except (OSError, ValidationError) as error:
        reason = error.strerror or error if isinstance(error, OSError) else error
        raise NgodeskError(
            translate("Messages", "Cannot open {name}: {value}").format(name=view.name, value=reason)
        ) from error
    return target


@dataclass(frozen=True)
class StoredFiles:
    """What ``files/`` holds: how many files, their bytes, and those no
    attachment of the library, of its Trash or of a backup refers to
    (attachments removed long ago, the left-over of a copy cut short)."""

    count: int
    size: int
    unused: tuple[Path, ...]
    unused_size: int


def stored_files(library: Library) -> StoredFiles:
    """The files in ``files/`` and which of them are unused. Raises
    LibraryError when a backup cannot be read (which files it needs is not
    known then)."""
    with library.read() as session:
        needed = set(session.scalars(select(Attachment.sha256))) | trash.files_held(session)
    for backup in backups.listing(library.folder / BACKUPS_DIR):
        try:
            needed |= backups.files_needed(backup.path)
        except STORAGE_ERRORS as error:
            raise LibraryError(
                translate("Messages", "Cannot read the backup {path} to see which files it needs: {error}").format(
                    path=backup.path, error=error
                )
            ) from error
    found = [(path, path.stat().st_size) for path in _files_in(library.folder)]
    unused = [(path, size) for path, size in found if path.name not in needed]
    return StoredFiles(
        len(found), sum(size for _, size in found), tuple(p for p, _ in unused), sum(s for _, s in unused)
    )


def _files_in(folder: Path) -> list[Path]:
    """The files in the library folder's ``files/``: those that are there,
    not what a link leads to outside it."""
    try:
        root = safe_child(folder, FILES_DIR)
    except ValidationError:
        return []
    inside = folder.resolve()
    return [
        path
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink() and path.resolve().is_relative_to(inside)
    ]


def remove_unused(library: Library) -> StoredFiles:
    """Delete the unused files of ``files/`` (see ``stored_files``); returns
    what there was before. Only the program that holds the library's
    writer lock may: an undo in it may need a detached attachment's file."""
    if library.readonly:
        raise LibraryError(translate("Messages", "The library is open read-only; no file was deleted."))
    found = stored_files(library)
    for path in found.unused:
        path.unlink(missing_ok=True)
    return found
