"""Undoable actions on authority records: reviewing suggestions, making,
editing, merging or deleting and splitting records."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ngodesk.domain.models import ChangeSet, EntityKind, EntitySnapshot
from ngodesk.services import entities, snapshots, suggestions
from ngodesk.store.library import Library
from ngodesk.ui.commands.base import Command, counted, translate


class ReviewSuggestions(Command):
    """Link the suggestions the user kept and remember the others as wrong."""

    def __init__(self, accepted: Sequence[suggestions.Suggestion], rejected: Sequence[suggestions.Suggestion]) -> None:
        n = len(accepted)
        super().__init__(
            counted(
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
