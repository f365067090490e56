"""Merging another copy of a library into the open one, three ways.

The common state ("base") is the other library as it was at the last
merge between the two, or the ancestor a field copy carries
(``field_copy.base_for``). Records are matched by uuid. For each record:
created on one side only: added; a field changed on one side only: taken;
changed on both sides to different values: a conflict; deleted on one side
and untouched on the other: deleted; deleted on one side and edited on the
other: a conflict, and the record stays (comes back, with its links and
rows) until it is settled. Tags and records linked to a story merge as
sets (what either side added, less what either side removed), and so do
the suggestions rejected (a record said not to be in a story) and a
manual collection's stories, the collection in the order of the side
that reordered it (ours when both did; ``merge_plan.order``); a
collection made on both sides under one name is one collection. The other
library's history and tombstones come along, so both sides' changes
appear in the history and later merges neither resurrect nor lose records;
the fields the merge itself changes are recorded as well (by whoever
merges, at the story's next revision), so going back to the revision
before the merge brings back what it replaced.

A conflict keeps this library's value (``Prefer.ASK``, the conflict is
kept in ``merge_conflicts`` until settled with ``conflicts.resolve``) or
takes one side's (``MINE``/``THEIRS``, which also settle what an earlier
merge of the same library left open). The whole merge is one transaction,
after a backup: killed half-way, the library is as before. Merging the
same state twice changes nothing the second time.

The steps, in ``_Merge.run``'s order, live by what they merge:
``merge_records`` (tags, authority records, terms, collections),
``merge_pairs`` (links between records, rejected suggestions),
``merge_stories`` (stories and their links), ``merge_children``
(translations, annotations, attachments; history and tombstones), on
what ``merge_job.Job`` holds for all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from ngodesk.domain.errors import Cancelled, ValidationError
from ngodesk.domain.i18n import translate
from ngodesk.domain.models import ChangeSet, Progress, no_progress
from ngodesk.domain.text import CONTROL
from ngodesk.services import attachments, backups, conflicts, field_copy
from ngodesk.services.merge_children import ChildSteps
from ngodesk.services.merge_job import MergeReport, Prefer, unreadable_columns
from ngodesk.services.merge_pairs import PairSteps
from ngodesk.services.merge_read import Side
from ngodesk.services.merge_records import RecordSteps
from ngodesk.services.merge_stories import StorySteps
from ngodesk.store import backups as store_backups
from ngodesk.store import history, sqlite_files
from ngodesk.store.library import DB_NAME, Library

__all__ = ["MergeReport", "Prefer", "merge", "merge_states", "unreadable_columns"]


@contextmanager
def _reading(path: Path) -> Iterator[Side]:
    """The library (or earlier state) in file ``path``, to read. Its text
    comes as the services would have written it: without control
    characters (``fields.clean``), undecodable bytes replaced."""
    with sqlite_files.reading(path, lambda text: CONTROL.sub("", text)) as connection:
        yield Side(connection)


def merge(
    library: Library, source: Path | str, prefer: Prefer = Prefer.ASK, progress: Progress = no_progress
) -> MergeReport:
    """Merge the library in folder ``source`` (or in a field-copy archive
    file) into ``library`` (see the module's doc). An archive opened
    before (``field_copy.unpack``) is merged from the folder it was
    unpacked into, where its work is; the report's ``source`` names the
    folder merged then. Raises LibraryError for a folder that is not a
    library, ValidationError for this library itself, Cancelled when
    ``progress`` says stop; nothing changes then."""
    path = Path(source).expanduser().absolute()
    if path.is_file() and (folder := field_copy.worked_in(path)) is not None:
        return _merge_folder(library, folder, str(folder), prefer, progress)
    if path.is_file():
        with field_copy.opened_archive(path) as folder:
            return _merge_folder(library, folder, str(path), prefer, progress)
    return _merge_folder(library, path, str(path), prefer, progress)


def _merge_folder(library: Library, folder: Path, source: str, prefer: Prefer, progress: Progress) -> MergeReport:
    if folder == library.folder:
        raise ValidationError(translate("Messages", "A library cannot be merged into itself."))
    _check_copy(folder)
    with Library.open(folder, readonly=True) as other:
        if field_copy.identity(other) and field_copy.identity(other) == field_copy.identity(library):
            raise ValidationError(
                translate("Messages", "{folder} is this library (a copy of its folder, not a field copy).").format(
                    folder=folder
                )
            )
        base_path = field_copy.base_for(library, other)
        if base_path is not None and (found := store_backups.problems(base_path)):
            raise ValidationError(
                translate(
                    "Messages",
                    "{path}, the state both libraries share, cannot be read ({problems}); nothing was merged.",
                ).format(path=base_path, problems="; ".join(found[:3]))
            )
        backups.back_up(library, "before-merge")
        with ExitStack() as stack:
            theirs = stack.enter_context(_reading(other.db_path))
            base = stack.enter_context(_reading(base_path)) if base_path is not None else None
            report = merge_states(library, (theirs, other.folder), base, source, prefer, progress)
        field_copy.remember(library, other)
    return report


def merge_states(
    library: Library,
    theirs: tuple[Side, Path],
    base: Side | None,
    source: str,
    prefer: Prefer = Prefer.ASK,
    progress: Progress = no_progress,
    focus: Collection[str] | None = None,
) -> MergeReport:
    """Merge the state ``theirs`` (read on its side, its files in its
    folder) into ``library`` three ways from ``base``, in one transaction;
    conflicts are kept under ``source``. ``focus``, when the caller knows
    it, names every story theirs changed since ``base`` (or whose links,
    history or texts changed): no other story is read. Cancelled when
    ``progress`` says stop (nothing changes then)."""
    with library.write() as session:
        with history.links_unrecorded(session):  # (their links come with their history)
            job = _Merge(library, session, theirs, base, prefer, source, focus)
            job.run(progress)
            report = job.report
        if prefer is not Prefer.ASK:
            report.changes |= _settle_open(library, source, prefer)
    return report


def _check_copy(folder: Path) -> None:
    """ValidationError unless the database files in ``folder`` are its own
    (no link leading out of it: nothing outside is read or copied) and
    its database is not an empty file."""
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", field_copy.ANCESTOR):
        attachments.safe_child(folder, name)
    if (folder / DB_NAME).is_file() and (folder / DB_NAME).stat().st_size == 0:
        raise ValidationError(
            translate("Messages", "{path} is an empty file, not a library that can be merged.").format(
                path=folder / DB_NAME
            )
        )


class _Merge(RecordSteps, PairSteps, StorySteps, ChildSteps):
    """One merge, in the caller's transaction: the steps in their order."""

    def run(self, progress: Progress) -> None:
        steps: list[Callable[[], None]] = [
            self.tags,
            self.entities,
            self.terms,
            self.pairs,
            self.stories,
            self.rejections,
            self.collections,
            self.translations,
            self.annotations,
            self.attachments,
            self.history_and_tombstones,
        ]
        for done, step in enumerate(steps, 1):
            step()
            if not progress(done, len(steps)):
                raise Cancelled(translate("Messages", "The merge was cancelled; nothing changed."))
        self.report.changes = self.changes


def _settle_open(library: Library, source: str, prefer: Prefer) -> ChangeSet:
    """Settle the conflicts an earlier merge of ``source`` left open the
    way ``prefer`` says."""
    changes = ChangeSet()
    for c in conflicts.conflicts(library):
        if c.source == source:
            changes |= conflicts.resolve(library, c.uuid, c.theirs if prefer is Prefer.THEIRS else c.mine)
    return changes
