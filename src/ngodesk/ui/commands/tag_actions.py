"""Undoable actions on tags: creating, renaming, the thesaurus entry,
moving, colouring, deleting and merging."""

from __future__ import annotations

from ngodesk.domain.models import ChangeSet, TagSnapshot
from ngodesk.services import snapshots, tags, thesaurus
from ngodesk.ui.commands.base import Command, translate


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
