"""Undoable actions: one QUndoCommand per user-visible action, named for
the Edit menu. Commands carry ids and before/after values and call
services; they never read widget state.

``Actions.run`` does an action once (a failure raises, and nothing is
pushed), then pushes its command; later redo/undo run it again. A redo or
undo that fails (the library changed in a way undo cannot follow) is told
through the hub and drops the command instead of half-applying it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import (
    AddedSnapshot,
    AnnotationView,
    ChangeSet,
    EntityKind,
    EntitySnapshot,
    Filter,
    StorySnapshot,
    TagSnapshot,
    TermRecord,
    Translation,
)
from ngodesk.services import (
    annotating,
    attachments,
    batch,
    conflicts,
    entities,
    glossary,
    history,
    snapshots,
    stories,
    story_collections,
    story_merge,
    suggestions,
    tags,
    thesaurus,
    translations,
    trash,
)
from ngodesk.services.annotating import NewAnnotation
from ngodesk.store.library import Library
from ngodesk.ui.hub import Hub
from ngodesk.ui.i18n import listing
from ngodesk.ui.labels import field_label

if TYPE_CHECKING:
    from ngodesk.services import importing

translate = QCoreApplication.translate


def _counted(one: str, many: str, n: int) -> str:
    """``one`` (for 1) or ``many``, both translated already (``many`` with
    ``n``, which fills its %Ln)."""
    return one if n == 1 else many


class Command(QUndoCommand):
    """A reversible change through services. Subclasses implement
    ``forward`` and ``backward``, each returning what it changed; a
    subclass without them is refused when it is defined (``abc`` does not
    work with Qt's metaclass)."""

    forward: Callable[[], ChangeSet]
    backward: Callable[[], ChangeSet]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        missing = [name for name in ("forward", "backward") if not callable(getattr(cls, name, None))]
        if missing:
            raise TypeError(f"{cls.__name__} must define {' and '.join(missing)}")

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.library: Library
        self.hub: Hub
        self._skip_first_redo = True
        #: what the next undo or redo changed, done already off the GUI
        #: thread (see ``off_thread``): it is only announced
        self.done_off_thread: ChangeSet | None = None

    def off_thread(self) -> bool:
        """True when undo and redo take long enough to run off the GUI thread
        (``forward`` and ``backward`` in a job, then ``done_off_thread``)."""
        return False

    def _apply(self, step: str) -> None:
        try:
            if self.done_off_thread is not None:
                changes, self.done_off_thread = self.done_off_thread, None
            else:
                changes = self.forward() if step == "redo" else self.backward()
        except NgodeskError as error:
            self.setObsolete(True)
            message = (
                translate("Commands", "Could not undo “{action}”: {reason}")
                if step == "undo"
                else translate("Commands", "Could not redo “{action}”: {reason}")
            )
            self.hub.failed.emit(message.format(action=self.text(), reason=error))
            return
        self.hub.publish(changes)

    def redo(self) -> None:
        if self._skip_first_redo:  # Actions.run already did it
            self._skip_first_redo = False
            return
        self._apply("redo")

    def undo(self) -> None:
        self._apply("undo")


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
            text = _counted(
                translate("Commands", "Tag 1 Story with {path}"),
                translate("Commands", "Tag %Ln Stories with {path}", None, count),
                count,
            )
        else:
            text = _counted(
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
            _counted(
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
            _counted(
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
            _counted(
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


class CreateTag(Command):
    """A new tag under ``parent_id`` (None: at the top)."""

    def __init__(self, parent_id: int | None, name: str) -> None:
        super().__init__(translate("Commands", "New Tag {name}").format(name=name))
        self.parent_id, self.name = parent_id, name
        self.tag_id = 0
        self.snapshot: TagSnapshot | None = None

    def forward(self) -> ChangeSet:
        if self.snapshot is not None:
            return snapshots.restore_tags(self.library, self.snapshot)
        created = tags.create_child_tag(self.library, self.parent_id, self.name)
        self.tag_id = created.id
        return created.changes

    def backward(self) -> ChangeSet:
        self.snapshot = snapshots.snapshot_tags(self.library, [self.tag_id])
        return tags.delete_tag(self.library, self.tag_id, recursive=True)


class RenameTag(Command):
    def __init__(self, tag_id: int, old: str, new: str) -> None:
        super().__init__(translate("Commands", "Rename Tag {old} to {new}").format(old=old, new=new))
        self.tag_id, self.old, self.new = tag_id, old, new

    def forward(self) -> ChangeSet:
        return tags.rename_tag(self.library, self.tag_id, self.new)

    def backward(self) -> ChangeSet:
        return tags.rename_tag(self.library, self.tag_id, self.old)


class EditThesaurusEntry(Command):
    """Set a tag's synonyms, related tags and scope note at once."""

    def __init__(self, tag_id: int, path: str, old: thesaurus.Entry, new: thesaurus.Entry) -> None:
        super().__init__(translate("Commands", "Edit Thesaurus Entry of {path}").format(path=path))
        self.tag_id, self.old, self.new = tag_id, old, new

    def forward(self) -> ChangeSet:
        return thesaurus.set_entry(self.library, self.tag_id, self.new)

    def backward(self) -> ChangeSet:
        return thesaurus.set_entry(self.library, self.tag_id, self.old)


class ReviewSuggestions(Command):
    """Link the suggestions the user kept and remember the others as wrong."""

    def __init__(self, accepted: Sequence[suggestions.Suggestion], rejected: Sequence[suggestions.Suggestion]) -> None:
        n = len(accepted)
        super().__init__(
            _counted(
                translate("Commands", "Link 1 Suggested Record"),
                translate("Commands", "Link %Ln Suggested Records", None, n),
                n,
            )
        )
        self.accepted, self.rejected = list(accepted), list(rejected)
        self.made: list[tuple[int, int]] = []

    def forward(self) -> ChangeSet:
        changes, self.made = suggestions.review(self.library, accepted=self.accepted, rejected=self.rejected)
        return changes

    def backward(self) -> ChangeSet:
        return suggestions.take_back_review(self.library, made=self.made, rejected=self.rejected)


class NewCollection(Command):
    """Save a search, or make a manual collection; undo deletes it, redo
    puts the same one back."""

    def __init__(
        self, name: str, query: str | None, filters: Sequence[Filter] = (), story_ids: Sequence[int] = ()
    ) -> None:
        text = (
            translate("Commands", "Save Search {name}")
            if query is not None
            else translate("Commands", "New Collection {name}")
        )
        super().__init__(text.format(name=name))
        self.name, self.query, self.filters, self.story_ids = name, query, list(filters), list(story_ids)
        self.collection_id = 0
        self.taken: story_collections.CollectionSnapshot | None = None

    def forward(self) -> ChangeSet:
        if self.taken is not None:
            return story_collections.restore(self.library, self.taken)
        if self.query is not None:
            created = story_collections.save_search(self.library, self.name, self.query, self.filters)
        else:
            created = story_collections.create_manual(self.library, self.name, self.story_ids)
        self.collection_id = created.id
        return created.changes

    def backward(self) -> ChangeSet:
        self.taken = story_collections.snapshot(self.library, self.collection_id)
        return story_collections.delete_collection(self.library, self.collection_id)


class DeleteCollection(Command):
    """Delete a collection (never its stories); undo puts it back."""

    def __init__(self, collection_id: int, name: str) -> None:
        super().__init__(translate("Commands", "Delete Collection {name}").format(name=name))
        self.collection_id = collection_id
        self.taken: story_collections.CollectionSnapshot | None = None

    def forward(self) -> ChangeSet:
        self.taken = story_collections.snapshot(self.library, self.collection_id)
        return story_collections.delete_collection(self.library, self.collection_id)

    def backward(self) -> ChangeSet:
        assert self.taken is not None
        return story_collections.restore(self.library, self.taken)


class RenameCollection(Command):
    def __init__(self, collection_id: int, old: str, new: str) -> None:
        super().__init__(translate("Commands", "Rename Collection {old} to {new}").format(old=old, new=new))
        self.collection_id, self.old, self.new = collection_id, old, new

    def forward(self) -> ChangeSet:
        return story_collections.rename(self.library, self.collection_id, self.new)

    def backward(self) -> ChangeSet:
        return story_collections.rename(self.library, self.collection_id, self.old)


class AddToCollection(Command):
    """Add stories to a manual collection; undo takes out those it added."""

    def __init__(self, collection_id: int, name: str, story_ids: Sequence[int]) -> None:
        n = len(story_ids)
        super().__init__(
            _counted(
                translate("Commands", "Add 1 Story to {name}"),
                translate("Commands", "Add %Ln Stories to {name}", None, n),
                n,
            ).format(name=name)
        )
        self.collection_id, self.story_ids = collection_id, list(story_ids)
        self.added: list[int] = []

    def forward(self) -> ChangeSet:
        before = set(story_collections.stories_of(self.library, self.collection_id))
        self.added = [i for i in dict.fromkeys(self.story_ids) if i not in before]
        return story_collections.add_stories(self.library, self.collection_id, self.added)

    def backward(self) -> ChangeSet:
        return story_collections.remove_stories(self.library, self.collection_id, self.added)


class RemoveFromCollection(Command):
    """Take stories out of a manual collection (never out of the library);
    undo puts them back in their places."""

    def __init__(self, collection_id: int, name: str, story_ids: Sequence[int]) -> None:
        n = len(story_ids)
        super().__init__(
            _counted(
                translate("Commands", "Remove 1 Story from {name}"),
                translate("Commands", "Remove %Ln Stories from {name}", None, n),
                n,
            ).format(name=name)
        )
        self.collection_id, self.story_ids = collection_id, list(story_ids)
        self.order: list[int] = []

    def forward(self) -> ChangeSet:
        self.order = story_collections.stories_of(self.library, self.collection_id)
        return story_collections.remove_stories(self.library, self.collection_id, self.story_ids)

    def backward(self) -> ChangeSet:
        return story_collections.put_back(self.library, self.collection_id, story_ids=self.story_ids, order=self.order)


class MoveTag(Command):
    def __init__(self, tag_id: int, name: str, old_parent: int | None, new_parent: int | None) -> None:
        super().__init__(translate("Commands", "Move Tag {name}").format(name=name))
        self.tag_id, self.old_parent, self.new_parent = tag_id, old_parent, new_parent

    def forward(self) -> ChangeSet:
        return tags.move_tag(self.library, self.tag_id, self.new_parent)

    def backward(self) -> ChangeSet:
        return tags.move_tag(self.library, self.tag_id, self.old_parent)


class SetTagColour(Command):
    def __init__(self, tag_id: int, name: str, old: str, new: str) -> None:
        super().__init__(translate("Commands", "Set Colour of {name}").format(name=name))
        self.tag_id, self.old, self.new = tag_id, old, new

    def forward(self) -> ChangeSet:
        return tags.set_tag_colour(self.library, self.tag_id, self.new)

    def backward(self) -> ChangeSet:
        return tags.set_tag_colour(self.library, self.tag_id, self.old)


class DeleteTag(Command):
    """Delete a tag and the tags below it; undo restores them with their stories."""

    def __init__(self, tag_id: int, name: str) -> None:
        super().__init__(translate("Commands", "Delete Tag {name}").format(name=name))
        self.tag_id = tag_id
        self.snapshot: TagSnapshot | None = None

    def forward(self) -> ChangeSet:
        self.snapshot = snapshots.snapshot_tags(self.library, [self.tag_id])
        return tags.delete_tag(self.library, self.tag_id, recursive=True)

    def backward(self) -> ChangeSet:
        assert self.snapshot is not None
        return snapshots.restore_tags(self.library, self.snapshot)


class MergeTags(Command):
    """Merge ``source`` into ``target``; undo restores both subtrees."""

    def __init__(self, source_id: int, target_id: int, source: str, target: str) -> None:
        super().__init__(translate("Commands", "Merge Tag {source} into {target}").format(source=source, target=target))
        self.source_id, self.target_id = source_id, target_id
        self.snapshot: TagSnapshot | None = None

    def forward(self) -> ChangeSet:
        self.snapshot = snapshots.snapshot_tags(self.library, [self.source_id, self.target_id])
        return tags.merge_tags(self.library, self.source_id, self.target_id)

    def backward(self) -> ChangeSet:
        assert self.snapshot is not None
        return snapshots.restore_tags(self.library, self.snapshot)


class ImportStories(Command):
    """An import (done by a background job): undo takes back the stories,
    tags and records it added, in one transaction; redo puts them back with
    the same ids. Both run off the GUI thread for more than OFF_THREAD
    stories (20,000 take seconds)."""

    OFF_THREAD = 2000

    def __init__(self, changes: ChangeSet) -> None:
        n = len(changes.stories_added)
        super().__init__(
            _counted(
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
            _counted(
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


class NewRecord(Command):
    """A new authority record; undo deletes it, redo puts the same one back."""

    def __init__(self, kind: EntityKind, fields: entities.RecordFields) -> None:
        super().__init__(translate("Commands", "New Record {name}").format(name=fields.name))
        self.kind, self.fields = kind, fields
        self.entity_id = 0
        self.taken: tuple[EntitySnapshot, ...] = ()

    def forward(self) -> ChangeSet:
        if self.taken:
            return snapshots.restore_entities(self.library, self.taken)
        created = entities.create_record(self.library, self.kind, self.fields)
        self.entity_id = created.id
        return created.changes

    def backward(self) -> ChangeSet:
        self.taken = snapshots.snapshot_entities(self.library, [self.entity_id])
        return entities.delete_entity(self.library, self.entity_id)


class EditRecord(Command):
    """Change an authority record's names, details, note and see-also."""

    def __init__(self, entity_id: int, old: entities.RecordFields, new: entities.RecordFields) -> None:
        super().__init__(translate("Commands", "Edit Record {name}").format(name=new.name))
        self.entity_id, self.old, self.new = entity_id, old, new

    def forward(self) -> ChangeSet:
        return entities.set_fields(self.library, self.entity_id, self.new)

    def backward(self) -> ChangeSet:
        return entities.set_fields(self.library, self.entity_id, self.old)


class ChangeRecords(Command):
    """A change to authority records (``change(library)``), undone by
    putting the records ``entity_ids`` back as they were just before."""

    def __init__(self, text: str, entity_ids: Sequence[int], change: Callable[[Library], ChangeSet]) -> None:
        super().__init__(text)
        self.entity_ids, self.change = list(entity_ids), change
        self.taken: tuple[EntitySnapshot, ...] = ()

    @classmethod
    def merge(cls, source_id: int, target_id: int, source: str, target: str) -> ChangeRecords:
        """Merge one record into another (its stories and names move)."""
        text = translate("Commands", "Merge {source} into {target}").format(source=source, target=target)
        return cls(text, [source_id, target_id], lambda library: entities.merge_entities(library, source_id, target_id))

    @classmethod
    def delete(cls, entity_id: int, name: str) -> ChangeRecords:
        """Delete a record (its stories lose the link)."""
        text = translate("Commands", "Delete Record {name}").format(name=name)
        return cls(text, [entity_id], lambda library: entities.delete_entity(library, entity_id))

    def forward(self) -> ChangeSet:
        self.taken = snapshots.snapshot_entities(self.library, self.entity_ids)
        return self.change(self.library)

    def backward(self) -> ChangeSet:
        return snapshots.reset_entities(self.library, self.taken)


class SplitRecord(Command):
    """Split a record in two; undo deletes the new one and puts the first
    back as it was."""

    def __init__(self, entity_id: int, name: str, names: Sequence[str], story_ids: Sequence[int]) -> None:
        super().__init__(translate("Commands", "Split Record {name}").format(name=name))
        self.entity_id, self.name, self.names, self.story_ids = entity_id, name, list(names), list(story_ids)
        self.new_id = 0
        self.taken: tuple[EntitySnapshot, ...] = ()

    def forward(self) -> ChangeSet:
        self.taken = snapshots.snapshot_entities(self.library, [self.entity_id])
        created = entities.split_entity(self.library, self.entity_id, self.name, self.names, self.story_ids)
        self.new_id = created.id
        return created.changes

    def backward(self) -> ChangeSet:
        return snapshots.undo_split(self.library, new_id=self.new_id, before=self.taken)


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
            _counted(
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
            _counted(
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


class SetTranslation(Command):
    """Set (or clear) one field's translation into one language."""

    def __init__(self, story_id: int, before: Translation | None, after: Translation) -> None:
        super().__init__(translate("Commands", "Translate {field}").format(field=field_label(after.field)))
        self.story_id, self.after = story_id, after
        self.before = before or Translation(after.field, after.language, "")

    def forward(self) -> ChangeSet:
        return translations.set_translations(self.library, self.story_id, [self.after])

    def backward(self) -> ChangeSet:
        return translations.set_translations(self.library, self.story_id, [self.before])


class AddTerm(Command):
    """A new glossary term; undo deletes it, redo puts the same term back."""

    def __init__(self, record: TermRecord) -> None:
        super().__init__(translate("Commands", "New Term {term}").format(term=record.term))
        self.record, self.term_id = record, 0

    def forward(self) -> ChangeSet:
        created = glossary.create_term(self.library, self.record, self.term_id or None)
        self.term_id, self.record = created.id, dataclasses.replace(self.record, uuid=created.uuid)
        return created.changes

    def backward(self) -> ChangeSet:
        return glossary.delete_term(self.library, self.term_id)


class EditTerm(Command):
    """Change a glossary term's fields."""

    def __init__(self, term_id: int, old: TermRecord, new: TermRecord) -> None:
        super().__init__(translate("Commands", "Edit Term {term}").format(term=new.term))
        self.term_id, self.old, self.new = term_id, old, new

    def forward(self) -> ChangeSet:
        return glossary.update_term(self.library, self.term_id, self.new)

    def backward(self) -> ChangeSet:
        return glossary.update_term(self.library, self.term_id, self.old)


class DeleteTerm(Command):
    """Delete a glossary term; undo puts it back as it was."""

    def __init__(self, term_id: int, record: TermRecord) -> None:
        super().__init__(translate("Commands", "Delete Term {term}").format(term=record.term))
        self.term_id, self.record = term_id, record

    def forward(self) -> ChangeSet:
        return glossary.delete_term(self.library, self.term_id)

    def backward(self) -> ChangeSet:
        return glossary.create_term(self.library, self.record, self.term_id).changes


class Actions:
    """Runs commands against one library and one undo stack."""

    def __init__(self, library: Library, hub: Hub, stack: QUndoStack) -> None:
        self.library, self.hub, self.stack = library, hub, stack
        #: why the library cannot be changed now (a background import holds
        #: it), or "": ``run`` refuses at once rather than wait for it
        self.busy = ""

    def record(self, command: Command, changes: ChangeSet, initiator: object = None) -> None:
        """Make undoable an action already done (by a background job) that
        changed ``changes``, and announce them."""
        command.library, command.hub = self.library, self.hub
        if not changes.empty:
            self.stack.push(command)  # its first redo is skipped: already done
        self.hub.publish(changes, initiator)

    def run(self, command: Command, initiator: object = None) -> ChangeSet:
        """Do ``command`` now and make it undoable. Raises NgodeskError (and
        pushes nothing) when the action is refused or ``busy`` says why
        nothing can be changed now."""
        if self.busy:
            raise NgodeskError(self.busy)
        command.library, command.hub = self.library, self.hub
        changes = command.forward()
        if changes.empty:
            return changes
        self.stack.push(command)  # its first redo is skipped: done above
        self.hub.publish(changes, initiator)
        return changes


class AddAnnotation(Command):
    """Annotate a passage; undo deletes the annotation, redo puts the same
    one back."""

    def __init__(self, story_id: int, new: NewAnnotation, quote: str) -> None:
        super().__init__(translate("Commands", "Annotate “{quote}”").format(quote=quote[:30]))
        self.story_id, self.new, self.uuid = story_id, new, ""

    def forward(self) -> ChangeSet:
        self.uuid, changes = annotating.add(self.library, self.story_id, self.new, self.uuid)
        return changes

    def backward(self) -> ChangeSet:
        return annotating.delete(self.library, self.uuid)


class EditAnnotation(Command):
    """Change an annotation's comment or rendering."""

    def __init__(self, view: AnnotationView, body: str) -> None:
        super().__init__(translate("Commands", "Edit Annotation on “{quote}”").format(quote=view.exact[:30]))
        self.uuid, self.old, self.new = view.uuid, view.body, body

    def forward(self) -> ChangeSet:
        return annotating.edit(self.library, self.uuid, self.new)

    def backward(self) -> ChangeSet:
        return annotating.edit(self.library, self.uuid, self.old)


class DeleteAnnotation(Command):
    """Delete an annotation; undo puts it back as it was."""

    def __init__(self, view: AnnotationView) -> None:
        super().__init__(translate("Commands", "Delete Annotation on “{quote}”").format(quote=view.exact[:30]))
        self.view = view

    def forward(self) -> ChangeSet:
        return annotating.delete(self.library, self.view.uuid)

    def backward(self) -> ChangeSet:
        return annotating.put_back(self.library, self.view)
