"""Opening libraries as the applications do: the default one (created with
the sample collection on first start), a named one, read-only fallback, and
an up-to-date search index."""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ngodesk.domain.errors import Conflict, LibraryError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet, EntityKind, StoryRecord
from ngodesk.steps import search_index
from ngodesk.store.hub import HUB_KEY
from ngodesk.store.library import BACKUPS_DIR, DB_NAME, FILES_DIR, Library, user_default_folder

if TYPE_CHECKING:  # (the sample's services are imported by a first start only)
    from sqlalchemy.orm import Session

    from ngodesk.services import importing

SAMPLE = "chinese_ngos_going_out.txt"
SAMPLE_RECORDS = "authorities.json"
#: Where the sample's stories were published: the listing it was saved from.
SAMPLE_SOURCE = "China Development Brief"
ENV_VAR = "NGODESK_LIBRARY"
#: Meta key set once the default library has received the sample collection.
SAMPLE_OFFERED = "sample_offered"


def resolve(folder: Path | str | None) -> tuple[Path, bool]:
    """The library folder to open and whether it is the default one:
    ``folder`` if given, else ``$NGODESK_LIBRARY``, else the per-user folder."""
    if folder:
        return Path(folder).expanduser(), False
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser(), False
    return user_default_folder(), True


def import_sample(library: Library, complete: bool = False) -> importing.ImportReport:
    """Import the bundled sample collection through the real importer.
    ``complete`` gives each story what a first start shows: the listing it
    comes from as its source, and links to the library's authority records
    its text names (what Suggest Records would suggest)."""
    from ngodesk.services import importing, suggestions

    with resources.as_file(resources.files("ngodesk.resources") / "sample" / SAMPLE) as path:
        read, report = importing.read_files([path], "cdb-listing")
    if complete:
        named = suggestions.named_in(library, [f"{r.title}\n{r.summary}\n{r.body}" for _, r in read.items])
        read.items = [
            (origin, _completed(record, links)) for (origin, record), links in zip(read.items, named, strict=True)
        ]
    with library.write() as session:  # (one transaction: the stories come with their lasting uuids)
        imported = importing.import_read(library, read, report)
        _sample_identities(session, imported.changes)
    return imported


#: The namespace of the sample's stories' uuids (``_sample_identities``).
SAMPLE_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/ngodesk/ngodesk/sample")


def _sample_identities(session: Session, changes: ChangeSet) -> None:
    """Give the sample's stories uuids made from their titles, its new tags
    from their names and its history from what it records, the same in
    every library: two libraries started with the sample, merged or synced
    with one hub, have each of them once (uuids made at random made them
    twice)."""
    from sqlalchemy import select, update

    from ngodesk.store.schema import Story, StoryChange, Tag

    for story_id, title in session.execute(select(Story.id, Story.title).where(Story.id.in_(changes.stories_added))):
        old = session.scalar(select(Story.uuid).where(Story.id == story_id))
        new = str(uuid.uuid5(SAMPLE_NAMESPACE, title))
        if session.scalar(select(Story.id).where(Story.uuid == new)) is not None:
            continue  # (the sample imported again, this story's first copy edited: this one keeps its own)
        session.execute(update(Story).where(Story.id == story_id).values(uuid=new))
        recorded = select(StoryChange.id, StoryChange.field).where(StoryChange.story_uuid == old)
        for n, (change_id, field) in enumerate(session.execute(recorded.order_by(StoryChange.id)).all()):
            made = str(uuid.uuid5(SAMPLE_NAMESPACE, f"{new} {n} {field}"))
            session.execute(update(StoryChange).where(StoryChange.id == change_id).values(uuid=made, story_uuid=new))
    made_tags = select(Tag.id, Tag.name, Tag.parent_id).where(Tag.id.in_(changes.tags_added)).order_by(Tag.id)
    for tag_id, name, parent_id in session.execute(made_tags).all():
        parent = session.scalar(select(Tag.uuid).where(Tag.id == parent_id)) if parent_id is not None else ""
        new = str(uuid.uuid5(SAMPLE_NAMESPACE, f"tag {parent} {name}"))
        if session.scalar(select(Tag.id).where(Tag.uuid == new)) is None:
            session.execute(update(Tag).where(Tag.id == tag_id).values(uuid=new))


def _completed(record: StoryRecord, links: list[tuple[EntityKind, str]]) -> StoryRecord:
    def of(kind: EntityKind) -> tuple[str, ...]:
        return tuple(name for k, name in links if k is kind)

    return replace(
        record,
        source=SAMPLE_SOURCE,
        people=of(EntityKind.PERSON),
        organisations=of(EntityKind.ORGANISATION),
        places=of(EntityKind.PLACE),
    )


def add_sample_records(library: Library) -> ChangeSet:
    """Create the authority records of the sample collection's
    organisations and places (bundled; those the library has are left)."""
    from ngodesk.services import entities

    text = (resources.files("ngodesk.resources") / "sample" / SAMPLE_RECORDS).read_text(encoding="utf-8")
    return entities.add_missing(library, json.loads(text)["records"])


def _sample_searches() -> tuple[tuple[str, str], ...]:
    """(name, query) of the saved searches a new default library starts
    with: a topic in both languages, a record's stories, the work to do."""
    return (
        (translate("Messages", "Belt and Road"), '"Belt and Road" OR "Silk Road" OR 一带一路 OR 丝路'),
        (translate("Messages", "Stories naming CFPA"), "org:CFPA"),
        (translate("Messages", "Not yet reviewed"), "-status:reviewed"),
    )


def add_sample(library: Library) -> None:
    """Fill a new default library with the sample collection: its stories
    (source: the listing they come from), the authority records they name
    and each story linked to those its text names (the suggestions,
    accepted once), the glossary terms and a few saved searches. Nothing
    is made up: a story has the date, language and text the listing gives.
    Safe to run again after an interrupted first start (what is there is
    left as it is)."""
    from ngodesk.services import glossary, story_collections

    add_sample_records(library)
    import_sample(library, complete=True)
    glossary.import_terms(library, glossary.SAMPLE_TERMS)
    for name, query in _sample_searches():
        with contextlib.suppress(Conflict):  # (saved by a first start that was cut short)
            story_collections.save_search(library, name, query)


def hub_of(library: Library) -> str | None:
    """The URL of the team hub ``library`` is joined to (no password), if
    any. (Here, not in ``team``: a window asks it of every library it
    opens, and most are joined to none.)"""
    with library.read() as session:
        return library.get_meta(session, HUB_KEY)


def holds_other_files(folder: Path | str | None) -> bool:
    """True when the library folder (see ``resolve``) has files in it but
    no library: opening it would make a library among someone's files.
    Hidden files (``.DS_Store``...) and a library's own folders (left by
    a first opening that failed) do not count."""
    path, _ = resolve(folder)
    if not path.is_dir() or (path / DB_NAME).exists():
        return False
    try:
        return any(not p.name.startswith(".") and p.name not in (FILES_DIR, BACKUPS_DIR) for p in path.iterdir())
    except OSError:
        return False  # (opening it says what is wrong)


def open_library(
    folder: Path | str | None = None,
    *,
    readonly: bool = False,
    program: str = "ngodesk",
    among_other_files: bool = False,
    wait: float = 0,
    waiting: Callable[[], None] | None = None,
) -> Library:
    """Open a library for the user (see ``resolve``), making it when there
    is none. The default library gets the sample collection once, on first
    start (stories the user deletes later stay deleted); a stale search
    index is rebuilt. Nothing here reads the whole database: the full
    integrity check and the daily backup are the window's, after it is
    shown (``ui.opening_checks``), and ``ngodesk check`` and ``backup``'s
    (see ``services.backups``). A library is made in a folder that holds other files only when
    ``among_other_files`` says so (else LibraryError, nothing written).
    A writer waits for another command's lock as ``Library.open`` says."""
    path, is_default = resolve(folder)
    if not among_other_files and holds_other_files(path):
        raise LibraryError(
            translate(
                "Messages",
                "{path} holds other files and no ngodesk library; nothing was made there. Give an empty or new "
                "folder, or make a library there on purpose with: ngodesk --library {path} init",
            ).format(path=path)
        )
    library = Library.open(path, readonly=readonly, program=program, wait=wait, waiting=waiting)
    try:
        if readonly:
            with library.read() as session:
                if not search_index.is_current(session):
                    raise LibraryError(
                        translate(
                            "Messages",
                            "The search index of {path} was built by another version of ngodesk; open the library for "
                            "writing once to rebuild it.",
                        ).format(path=path)
                    )
        else:
            with library.write() as session:
                if not search_index.is_current(session):
                    search_index.rebuild(session)
                offer_sample = is_default and library.get_meta(session, SAMPLE_OFFERED) is None
            if offer_sample:  # first start; or a first start that died mid-import (duplicates are skipped)
                add_sample(library)
                with library.write() as session:
                    library.set_meta(session, SAMPLE_OFFERED, "1")
    except BaseException:
        library.close()
        raise
    return library
