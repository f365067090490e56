"""Undoable actions on collections: making, deleting, renaming, adding
stories to one and removing them."""

from __future__ import annotations

from collections.abc import Sequence

from ngodesk.domain.models import ChangeSet, Filter
from ngodesk.services import story_collections
from ngodesk.ui.commands.base import Command, counted, translate


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
            counted(
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
            counted(
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
