"""Undoable actions: one QUndoCommand per user-visible action, named for
the Edit menu. Commands carry ids and before/after values and call
services; they never read widget state.

``Actions.run`` does an action once (a failure raises, and nothing is
pushed), then pushes its command; later redo/undo run it again. A redo or
undo that fails (the library changed in a way undo cannot follow) is told
through the hub and drops the command instead of half-applying it.

The actions live in modules by what they act on (stories, tags,
collections, records, texts); they are all importable from here.
"""

from ngodesk.ui.commands.base import Actions, Command
from ngodesk.ui.commands.collection_actions import (
    AddToCollection,
    DeleteCollection,
    NewCollection,
    RemoveFromCollection,
    RenameCollection,
)
from ngodesk.ui.commands.record_actions import ChangeRecords, EditRecord, NewRecord, ReviewSuggestions, SplitRecord
from ngodesk.ui.commands.story_actions import (
    AddAttachments,
    BatchEditStories,
    ChangeStoryLinks,
    CreateStory,
    DeleteStories,
    EditStory,
    ImportStories,
    MakeLinkFirst,
    MergeDuplicates,
    MergeStories,
    RemoveAttachments,
    RestoreFromTrash,
    RevertStory,
    SettleConflict,
    TagStories,
)
from ngodesk.ui.commands.tag_actions import (
    CreateTag,
    DeleteTag,
    EditThesaurusEntry,
    MergeTags,
    MoveTag,
    RenameTag,
    SetTagColour,
)
from ngodesk.ui.commands.text_actions import (
    AddAnnotation,
    AddTerm,
    DeleteAnnotation,
    DeleteTerm,
    EditAnnotation,
    EditTerm,
    SetTranslation,
)

__all__ = [
    "Actions",
    "Command",
    "AddAnnotation",
    "AddAttachments",
    "AddTerm",
    "AddToCollection",
    "BatchEditStories",
    "ChangeRecords",
    "ChangeStoryLinks",
    "CreateStory",
    "CreateTag",
    "DeleteAnnotation",
    "DeleteCollection",
    "DeleteStories",
    "DeleteTag",
    "DeleteTerm",
    "EditAnnotation",
    "EditRecord",
    "EditStory",
    "EditTerm",
    "EditThesaurusEntry",
    "ImportStories",
    "MakeLinkFirst",
    "MergeDuplicates",
    "MergeStories",
    "MergeTags",
    "MoveTag",
    "NewCollection",
    "NewRecord",
    "RemoveAttachments",
    "RemoveFromCollection",
    "RenameCollection",
    "RenameTag",
    "RestoreFromTrash",
    "RevertStory",
    "ReviewSuggestions",
    "SetTagColour",
    "SetTranslation",
    "SettleConflict",
    "SplitRecord",
    "TagStories",
]
