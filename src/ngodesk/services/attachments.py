"""Files attached to stories. A file's content is copied into the
library's ``files/`` folder under its SHA-256 (``files/ab/abcd…``), so the
same photo attached twice, or to two stories, is stored once, and a
library folder can be moved or copied whole (no absolute paths are kept).
Removing an attachment keeps its file (undo, and other stories, may need
it); ``remove_unused`` deletes the files that neither the library nor
any of its backups refers to."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, select

from ngodesk.domain.errors import LibraryError, NgodeskError, NotFound, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet
from ngodesk.services import records
from ngodesk.store import backups
from ngodesk.store.library import BACKUPS_DIR, FILES_DIR, Library
from ngodesk.store.schema import Attachment, Story

#: Bytes read at a time while hashing and copying.
_BLOCK = 1 << 20


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


def stored_path(library: Library, sha256: str) -> Path:
    """Where the content with this hash is kept in the library folder."""
    return library.folder / FILES_DIR / sha256[:2] / sha256


def store_file(library: Library, source: Path) -> tuple[str, int]:
    """Copy ``source`` into ``files/`` (unless that content is there
    already); returns its SHA-256 and size. The copy is written under a
    temporary name and renamed, so a crash leaves no half file."""
    digest = hashlib.sha256()
    folder = library.folder / FILES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with source.open("rb") as reading, tempfile.NamedTemporaryFile(dir=folder, delete=False) as copy:
            size = 0
            while block := reading.read(_BLOCK):
                digest.update(block)
                copy.write(block)
                size += len(block)
        sha256 = digest.hexdigest()
        target = stored_path(library, sha256)
        if target.exists():
            os.unlink(copy.name)
        else:
            target.parent.mkdir(exist_ok=True)
            os.replace(copy.name, target)
    except OSError as error:
        raise ValidationError(
            translate("Messages", "{source}: cannot be attached: {value}").format(
                source=source, value=error.strerror or error
            )
        ) from error
    return sha256, size


def attach(library: Library, story_id: int, paths: Sequence[Path | str]) -> tuple[list[str], ChangeSet]:
    """Attach files to a story (all or none); returns the new attachments'
    uuids. A file whose content the story has already (attached before, or
    twice in ``paths``) is not attached again. A path that is not a
    readable file is refused, naming it."""
    files = [Path(p).expanduser() for p in paths]
    for path in files:
        if not path.is_file():
            raise ValidationError(translate("Messages", "{path}: not a file that can be attached.").format(path=path))
    stored = [(path, *store_file(library, path)) for path in files]
    with library.write() as session:
        records.get(session, Story, story_id, "story")
        held = set(session.scalars(select(Attachment.sha256).where(Attachment.story_id == story_id)))
        rows = []
        for path, sha256, size in stored:
            if sha256 not in held:
                held.add(sha256)
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                rows.append(Attachment(story_id=story_id, sha256=sha256, name=path.name, mime=mime, size=size))
        if not rows:
            return [], ChangeSet()
        session.add_all(rows)
        session.flush()
        records.touch_stories(session, [story_id])
        return [row.uuid for row in rows], ChangeSet(stories_changed=frozenset({story_id}))


def _view(row: Attachment) -> AttachmentView:
    return AttachmentView(row.uuid, row.story_id, row.sha256, row.name, row.mime, row.size, row.created_at)


def attachments(library: Library, story_id: int) -> list[AttachmentView]:
    """The story's attachments, in the order they were attached."""
    with library.read() as session:
        records.get(session, Story, story_id, "story")
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
            records.bury(session, "attachment", [uuid])
            session.delete(row)
        session.flush()
        records.touch_stories(session, stories)
        return ChangeSet(stories_changed=frozenset(stories))


def put_back(library: Library, views: Sequence[AttachmentView]) -> ChangeSet:
    """Attach again what ``remove`` detached (undo), with the same uuids."""
    with library.write() as session:
        for view in views:
            records.get(session, Story, view.story_id, "story")
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
        records.unbury(session, [v.uuid for v in views])
        stories = {v.story_id for v in views}
        records.touch_stories(session, stories)
        return ChangeSet(stories_changed=frozenset(stories))


def open_copy(library: Library, view: AttachmentView, folder: Path) -> Path:
    """A copy of the attachment under its own name in ``folder`` (for the
    system's viewer, which goes by the name), made once."""
    target = folder / view.sha256[:12] / view.name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(stored_path(library, view.sha256), target)
        except OSError as error:
            raise NgodeskError(
                translate("Messages", "Cannot open {name}: {value}").format(
                    name=view.name, value=error.strerror or error
                )
            ) from error
    return target


@dataclass(frozen=True)
class StoredFiles:
    """What ``files/`` holds: how many files, their bytes, and those no
    attachment of the library or of a backup refers to (attachments removed
    long ago, the left-over of a copy cut short)."""

    count: int
    size: int
    unused: tuple[Path, ...]
    unused_size: int


def stored_files(library: Library) -> StoredFiles:
    """The files in ``files/`` and which of them are unused. Raises
    LibraryError when a backup cannot be read (which files it needs is not
    known then)."""
    with library.read() as session:
        needed = set(session.scalars(select(Attachment.sha256)))
    for backup in backups.listing(library.folder / BACKUPS_DIR):
        try:
            needed |= backups.files_needed(backup.path)
        except sqlite3.Error as error:
            raise LibraryError(
                translate("Messages", "Cannot read the backup {path} to see which files it needs: {error}").format(
                    path=backup.path, error=error
                )
            ) from error
    folder = library.folder / FILES_DIR
    found = [(path, path.stat().st_size) for path in sorted(folder.rglob("*")) if path.is_file()]
    unused = [(path, size) for path, size in found if path.name not in needed]
    return StoredFiles(
        len(found), sum(size for _, size in found), tuple(p for p, _ in unused), sum(s for _, s in unused)
    )


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
