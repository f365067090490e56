"""Undoable actions on stories: editing, linking, tagging, batch edits,
creating, deleting and restoring, imports, merging duplicates, reverting,
attachments, settling a merge conflict."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ngodesk.domain.models import AddedSnapshot, ChangeSet, EntityKind, StorySnapshot
from ngodesk.services import (
    attachments,
    batch,
    conflicts,
    entities,
    history,
    snapshots,
    stories,
    story_merge,
    tags,
    trash,
)
from ngodesk.ui.commands.base import Command, counted, translate
from ngodesk.ui.i18n import listing
from ngodesk.ui.labels import field_label

if TYPE_CHECKING:
    from ngodesk.services import importing


class EditStory(Command):
    """Set fields of one story. Successive saves of the same field in the
    same visit (``visit``, a counter the editor bumps on focus) merge into
    one step."""

    MERGE_ID = 1

    def __init__(self, story_id: int, before: Mapping[str, object], after: Mapping[str, object], visit: int) -> None:
        names = listing(field_label(name) for name in sorted(after))
        super().__init__(translate("Commands", "Edit {fields}").format(fields=names))
        self.story_id, self.before, self.after, self.visit = story_id, dict(before), dict(after), visit

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not (
            isinstance(other, EditStory)
            and other.story_id == self.story_id
            and other.visit == self.visit
            and other.after.keys() == self.after.keys()
        ):
            return False
        self.after = other.after
        if self.after == self.before:  # typed back to what was there: no step left
            self.setObsolete(True)
        return True

    def forward(self) -> ChangeSet:
        return stories.edit_story(self.library, self.story_id, self.after)

    def backward(self) -> ChangeSet:
        return stories.edit_story(self.library, self.story_id, self.before)


class ChangeStoryLinks(Command):
    """Add and remove one story's tags (paths) or linked records (names of
    ``kind``); missing ones are created, and deleted again by undo, which
    puts the records back in ``order`` (their names before: a removed
    author returns to its place). ``label`` names the step's tag or record
    as the window shows it (default: the first name given)."""

    def __init__(
        self,
        story_id: int,
        kind: EntityKind | None,
        add: Sequence[str],
        remove: Sequence[str],
        order: Sequence[str] = (),
        label: str = "",
    ) -> None:
        text = translate("Commands", "Add {name}") if add else translate("Commands", "Remove {name}")
        super().__init__(text.format(name=label or (list(add) or list(remove))[0]))
        self.story_id, self.kind, self.add, self.remove = story_id, kind, list(add), list(remove)
        self.order = list(order)
        self.created: list[int] = []

    def _edit(self, add: list[str], remove: list[str], order: Sequence[str] = ()) -> ChangeSet:
        if self.kind is None:
            return stories.edit_story(self.library, self.story_id, add_tags=add, remove_tags=remove)
        link, unlink = [(self.kind, n) for n in add], [(self.kind, n) for n in remove]
        ordered = [(self.kind, n) for n in order]
        return stories.edit_story(self.library, self.story_id, link=link, unlink=unlink, order=ordered)

    def forward(self) -> ChangeSet:
        changes = self._edit(self.add, self.remove)
        self.created = sorted(changes.tags_added if self.kind is None else changes.entities_added)
        return changes

    def backward(self) -> ChangeSet:
        changes = self._edit(self.remove, self.add, self.order)
        for record_id in reversed(self.created):  # created tags form one path: the deepest first
            if self.kind is None:
                changes |= tags.delete_tag(self.library, record_id)
            else:
                changes |= entities.delete_entity(self.library, record_id)
        return changes


class MakeLinkFirst(Command):
    """Put one of a story's records first among those of its kind (the
    first author); undo puts back ``order`` (their names before).
    ``label``: the record's name as the window shows it (default ``name``)."""

    def __init__(self, story_id: int, kind: EntityKind, name: str, order: Sequence[str], label: str = "") -> None:
        super().__init__(translate("Commands", "Make {name} First").format(name=label or name))
        self.story_id, self.kind, self.name, self.order = story_id, kind, name, list(order)

    def forward(self) -> ChangeSet:
        return stories.edit_story(self.library, self.story_id, order=[(self.kind, self.name)])

    def backward(self) -> ChangeSet:
        return stories.edit_story(self.library, self.story_id, order=[(self.kind, n) for n in self.order])


class TagStories(Command):
    """Tag (or untag) many stories; undo reverts only those that changed."""

    def __init__(self, story_ids: Sequence[int], tag_id: int, path: str, add: bool) -> None:
        count = len(set(story_ids))
        if add:
            text = counted(
                translate("Commands", "Tag 1 Story with {path}"),
                translate("Commands", "Tag %Ln Stories with {path}", None, count),
                count,
            )
        else:
            text = counted(
                translate("Commands", "Untag 1 Story from {path}"),
                translate("Commands", "Untag %Ln Stories from {path}", None, count),
                count,
            )
        super().__init__(text.format(path=path))
        self.story_ids, self.tag_id, self.add = list(story_ids), tag_id, add
        self.changed: list[int] = []

    def forward(self) -> ChangeSet:
        changes = tags.tag_stories(self.library, self.story_ids, self.tag_id, tag=self.add)
        self.changed = sorted(changes.stories_changed)
        return changes

    def backward(self) -> ChangeSet:
        return tags.tag_stories(self.library, self.changed, self.tag_id, tag=not self.add)


class BatchEditStories(Command):
    """A batch edit (applied by a background job): undo and redo write the
    plans ``batch.apply`` returns, so each restores exactly what the other
    replaced."""

    def __init__(self, stories_changed: int, undo: batch.Plan) -> None:
        super().__init__(
            counted(
                translate("Commands", "Batch Edit 1 Story"),
                translate("Commands", "Batch Edit %Ln Stories", None, stories_changed),
                stories_changed,
            )
        )
        self.undo_plan, self.redo_plan = undo, batch.Plan()

    def forward(self) -> ChangeSet:
        changes, self.undo_plan = batch.apply(self.library, self.redo_plan)
        return changes

    def backward(self) -> ChangeSet:
        changes, self.redo_plan = batch.apply(self.library, self.undo_plan)
        return changes


class CreateStory(Command):
    """A new story; undo deletes it, redo brings the same story back."""

    def __init__(self, values: Mapping[str, object], tag_paths: Sequence[str] = ()) -> None:
        super().__init__(translate("Commands", "New Story"))
        self.values, self.tag_paths = dict(values), list(tag_paths)
        self.story_id = 0
        self.snapshot: tuple[StorySnapshot, ...] = ()

    def forward(self) -> ChangeSet:
        if self.snapshot:
            return snapshots.restore_stories(self.library, self.snapshot)
        created = stories.create_story(self.library, self.values, self.tag_paths)
        self.story_id = created.id
        return created.changes

    def backward(self) -> ChangeSet:
        self.snapshot = snapshots.snapshot_stories(self.library, [self.story_id])
        return stories.delete_stories(self.library, [self.story_id])


class DeleteStories(Command):
    """Move stories to the Trash; undo brings them back from it exactly,
    tags, records, translations and notes too."""

    def __init__(self, story_ids: Sequence[int]) -> None:
        n = len(set(story_ids))
        super().__init__(
            counted(
                translate("Commands", "Delete Story"),
                translate("Commands", "Delete %Ln Stories", None, n),
                n,
            )
        )
        self.story_ids = list(dict.fromkeys(story_ids))
        self.uuids: list[str] = []

    def forward(self) -> ChangeSet:
        changes = trash.move_to_trash(self.library, self.story_ids)
        self.uuids = sorted(changes.trash)
        return changes

    def backward(self) -> ChangeSet:
        changes = trash.restore_stories(self.library, self.uuids)
        self.story_ids = sorted(changes.stories_added)  # (new ids where theirs were taken meanwhile)
        return changes


class RestoreFromTrash(Command):
    """Bring stories back from the Trash; undo puts them back in it."""

    def __init__(self, uuids: Sequence[str]) -> None:
        n = len(set(uuids))
        super().__init__(
            counted(
                translate("Commands", "Restore Story"),
                translate("Commands", "Restore %Ln Stories", None, n),
                n,
            )
        )
        self.uuids = list(dict.fromkeys(uuids))
        self.story_ids: list[int] = []

    def forward(self) -> ChangeSet:
        changes = trash.restore_stories(self.library, self.uuids)
        self.story_ids = sorted(changes.stories_added)
        return changes

    def backward(self) -> ChangeSet:
        return trash.move_to_trash(self.library, self.story_ids)


class ImportStories(Command):
    """An import (done by a background job): undo takes back the stories,
    tags and records it added, in one transaction; redo puts them back with
    the same ids. Both run off the GUI thread for more than OFF_THREAD
    stories (20,000 take seconds)."""

    OFF_THREAD = 2000

    def __init__(self, changes: ChangeSet) -> None:
        n = len(changes.stories_added)
        super().__init__(
            counted(
                translate("Commands", "Import Story"),
                translate("Commands", "Import %Ln Stories", None, n),
                n,
            )
        )
        self.changes = changes
        self.snapshot: AddedSnapshot | None = None

    def off_thread(self) -> bool:
        return len(self.changes.stories_added) > self.OFF_THREAD

    def backward(self) -> ChangeSet:
        self.snapshot = snapshots.snapshot_added(self.library, self.changes)
        return snapshots.remove_added(self.library, self.snapshot)

    def forward(self) -> ChangeSet:
        assert self.snapshot is not None  # (redo follows an undo)
        return snapshots.restore_added(self.library, self.snapshot)


class MergeDuplicates(Command):
    """Merge records an import skipped into the stories they repeat; undo
    puts those stories back as they were and takes back the tags and
    records the merge created."""

    def __init__(self, duplicates: Sequence[importing.Skipped]) -> None:
        n = len(duplicates)
        super().__init__(
            counted(
                translate("Commands", "Merge Duplicate"),
                translate("Commands", "Merge %Ln Duplicates", None, n),
                n,
            )
        )
        self.duplicates = list(duplicates)
        self.before: tuple[StorySnapshot, ...] = ()
        self.after: tuple[StorySnapshot, ...] = ()
        self.created = ChangeSet()
        self.created_snapshot: AddedSnapshot | None = None

    def forward(self) -> ChangeSet:
        if self.created_snapshot is not None:  # redo
            snapshots.restore_added(self.library, self.created_snapshot)
            return snapshots.put_back_stories(self.library, self.after) | self.created
        from ngodesk.services import importing  # (0.06 s: not before the window's first paint)

        report = importing.import_again(self.library, self.duplicates, importing.OnDuplicate.MERGE)
        self.before = report.merged_before
        self.after = snapshots.snapshot_stories(self.library, [int(s.row["id"]) for s in self.before])  # type: ignore[call-overload]
        self.created = ChangeSet(tags_added=report.changes.tags_added, entities_added=report.changes.entities_added)
        return report.changes

    def backward(self) -> ChangeSet:
        changes = snapshots.put_back_stories(self.library, self.before)  # (their links to new tags go first)
        self.created_snapshot = snapshots.snapshot_added(self.library, self.created)
        return changes | snapshots.remove_added(self.library, self.created_snapshot)


class MergeStories(Command):
    """Merge one story of a duplicate pair into the other (fields picked by
    the user); undo puts both back exactly as they were."""

    def __init__(self, keep_id: int, other_id: int, from_other: Sequence[str], title: str) -> None:
        super().__init__(translate("Commands", "Merge Duplicate of {title}").format(title=title[:40]))
        self.keep_id, self.other_id, self.from_other = keep_id, other_id, list(from_other)
        self.taken: tuple[StorySnapshot, ...] = ()

    def forward(self) -> ChangeSet:
        self.taken = snapshots.snapshot_stories(self.library, [self.keep_id, self.other_id])
        return story_merge.merge(self.library, self.keep_id, self.other_id, self.from_other)

    def backward(self) -> ChangeSet:
        return snapshots.reset_stories(self.library, self.taken)


class RevertStory(Command):
    """Take a story back to an earlier revision; undo takes it to the
    revision it had before (both are changes in its history)."""

    def __init__(self, story_id: int, revision: int, current: int, title: str) -> None:
        super().__init__(
            translate("Commands", "Go Back to Revision {n} of {title}").format(n=revision, title=title[:40])
        )
        self.story_id, self.revision, self.current = story_id, revision, current

    def forward(self) -> ChangeSet:
        return history.revert(self.library, self.story_id, self.revision)

    def backward(self) -> ChangeSet:
        return history.revert(self.library, self.story_id, self.current)


class AddAttachments(Command):
    """Attach files to a story; undo detaches them, redo attaches the same
    ones again (their files stay in the library meanwhile)."""

    def __init__(self, story_id: int, files: Sequence[str]) -> None:
        n = len(files)
        super().__init__(
            counted(
                translate("Commands", "Attach 1 File"),
                translate("Commands", "Attach %Ln Files", None, n),
                n,
            )
        )
        self.story_id, self.files = story_id, list(files)
        self.views: list[attachments.AttachmentView] = []

    def forward(self) -> ChangeSet:
        if self.views:
            return attachments.put_back(self.library, self.views)
        uuids, changes = attachments.attach(self.library, self.story_id, self.files)
        self.views = [v for v in attachments.attachments(self.library, self.story_id) if v.uuid in uuids]
        return changes

    def backward(self) -> ChangeSet:
        return attachments.remove(self.library, [v.uuid for v in self.views])


class RemoveAttachments(Command):
    """Detach attachments; undo puts them back."""

    def __init__(self, views: Sequence[attachments.AttachmentView]) -> None:
        n = len(views)
        super().__init__(
            counted(
                translate("Commands", "Remove 1 Attachment"),
                translate("Commands", "Remove %Ln Attachments", None, n),
                n,
            )
        )
        self.views = list(views)

    def forward(self) -> ChangeSet:
        return attachments.remove(self.library, [v.uuid for v in self.views])

    def backward(self) -> ChangeSet:
        return attachments.put_back(self.library, self.views)


class SettleConflict(Command):
    """Settle a merge conflict with a value; undo puts the record back as
    it was and lists the conflict again."""

    def __init__(self, conflict: conflicts.ConflictView, value: str | None) -> None:
        super().__init__(translate("Commands", "Settle Conflict in {label}").format(label=conflict.label[:40]))
        self.conflict, self.value = conflict, value
        self.before = conflicts.Before()

    def forward(self) -> ChangeSet:
        self.before = conflicts.before(self.library, self.conflict.uuid)
        story_id = conflicts.story_of(self.library, self.conflict.uuid)
        changes = conflicts.resolve(self.library, self.conflict.uuid, self.value)
        return changes | ChangeSet(stories_changed=frozenset({story_id} if story_id is not None else ()))

    def backward(self) -> ChangeSet:
        return conflicts.reopen(self.library, self.conflict.uuid, self.before)
