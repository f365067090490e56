"""The Story menu's actions: a new story, moving stories to the Trash or
out of the collection shown, and the tools over many stories: duplicates
(found, then merged pair by pair), batch edits and record suggestions,
each found or applied in the background."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from ngodesk.domain.errors import NgodeskError
from ngodesk.domain.models import ChangeSet
from ngodesk.services import queries
from ngodesk.ui.commands import (
    Actions,
    BatchEditStories,
    CreateStory,
    DeleteStories,
    MergeStories,
    RemoveFromCollection,
    ReviewSuggestions,
)
from ngodesk.ui.editor import StoryEditor
from ngodesk.ui.flow import Flow
from ngodesk.ui.jobs import Job, JobRunner
from ngodesk.ui.labels import record_labels
from ngodesk.ui.merge_view import MergeStoriesDialog
from ngodesk.ui.story_pane import StoryPane
from ngodesk.ui.suggestions_view import SuggestionsDialog
from ngodesk.ui.trash_view import confirm_delete

if TYPE_CHECKING:
    from ngodesk.services import batch, duplicates, suggestions
    from ngodesk.ui.batch_edit import BatchEditDialog
    from ngodesk.ui.duplicates_view import DuplicatesDialog

# (The services behind each tool are imported when it starts.)


class StoryTools(Flow):
    """The actions on the ``stories`` selected in the pane (the tools: on
    those listed when none is), a new story opened in ``editor``."""

    def __init__(
        self, window: QMainWindow, jobs: JobRunner, commands: Actions, stories: StoryPane, editor: StoryEditor
    ) -> None:
        super().__init__(window, jobs, commands)
        self._stories, self._editor = stories, editor
        self.duplicates_dialog: DuplicatesDialog | None = None

    def new_story(self) -> None:
        """Create an untitled story, list it (the search and filters
        dropped) and put the cursor in its title."""
        self.jobs.flush()
        command = CreateStory({"title": self.tr("Untitled story")})
        if self.run(command):
            self._stories.show_stories([command.story_id])
            self._editor.show_story(command.story_id)  # at once, while the list follows
            self._editor.title.setFocus()
            self._editor.title.selectAll()

    def delete_selected(self) -> None:
        """Move the selected stories to the Trash (undoable); more than a
        few only once the user agrees."""
        ids = self._stories.selected_ids()
        if not ids or self.library.readonly or not confirm_delete(self.window, len(ids)):
            return
        self.jobs.flush()
        self.run(DeleteStories(ids))

    def name_collection_action(self, action: QAction) -> None:
        """Name ``action`` (Remove from Collection) for the collection the
        list shows, enabled when stories of it are selected."""
        shown = self._stories.collection_shown()
        action.setEnabled(shown is not None and bool(self._stories.selected_ids()) and not self.library.readonly)
        action.setText(
            self.tr("Remove from “{name}”").format(name=shown.name) if shown else self.tr("Remove from &Collection")
        )

    def remove_from_collection(self) -> bool:
        """Take the selected stories out of the collection the list shows
        (they stay in the library); one undo step."""
        shown, ids = self._stories.collection_shown(), self._stories.selected_ids()
        if shown is None or not ids:
            self.say(self.tr("Show a collection (in the sidebar) and select its stories first."), 5000)
            return False
        return self.run(RemoveFromCollection(shown.id, shown.name, ids))

    def find_duplicates(self) -> Job | None:
        """List likely duplicate stories (searched in the background)."""
        from ngodesk.services import duplicates
        from ngodesk.ui.duplicates_view import DuplicatesDialog

        library = self.library

        def done(pairs: list[duplicates.Pair]) -> None:
            self.duplicates_dialog = DuplicatesDialog(pairs, self._stories.show_stories, self.merge_pair, self.window)
            self.duplicates_dialog.show()

        return self.jobs.start(
            self.tr("Finding duplicates"), lambda progress: duplicates.find_pairs(library, progress), done
        )

    def batch_edit(self) -> BatchEditDialog | None:
        """Change the selected stories (all listed ones when none is
        selected) at once: a form, a full preview, then the change applied
        in the background as one undo step."""
        from ngodesk.services import batch
        from ngodesk.ui.batch_edit import BatchEditDialog

        library, ids = self.library, self._stories.selected_ids()
        scope = self.tr("Change the %Ln selected stories.", "", len(ids))
        if not ids:
            ids = self._stories.listed_ids()
            scope = self.tr("No story is selected: change all %Ln stories listed.", "", len(ids))
        if not ids:
            self.say(self.tr("No stories to edit."), 5000)
            return None
        self.jobs.flush()
        dialog = BatchEditDialog(
            scope,
            queries.tag_paths(library, synonyms=True),
            queries.entities(library),
            lambda edit, progress: batch.plan(library, ids, edit, progress),
            self.window,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.plan is not None:
            plan = dialog.plan

            def done(result: tuple[ChangeSet, batch.Plan]) -> None:
                changes, undo = result
                self.commands.record(BatchEditStories(len(plan.stories), undo), changes)
                self.say(self.tr("Changed %Ln stories.", "", len(plan.stories)), 5000)

            self.jobs.start(self.tr("Changing stories"), lambda progress: batch.apply(library, plan, progress), done)
        return dialog

    def merge_pair(self, pair: duplicates.Pair) -> int | None:
        """Show a duplicate pair side by side and merge it as the user
        picks; the id of the story merged away, or None (cancelled, or the
        stories changed meanwhile: the reason is shown)."""
        from ngodesk.services import story_merge

        try:
            first, second = story_merge.sides(self.library, pair.first.id, pair.second.id)
        except NgodeskError as error:
            QMessageBox.warning(self.window, self.tr("Merge Duplicate Stories"), str(error))
            return None
        dialog = MergeStoriesDialog(first, second, pair.reason, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        keep, other = dialog.keep_id, dialog.other_id
        if not self.run(MergeStories(keep, other, dialog.from_other(), first.values["title"])):
            return None
        self._stories.refresh(keep=[keep])
        return other

    def suggest_records(self) -> Job | None:
        """Suggest organisations, people and places for the selected stories
        (all listed ones when none is selected), found in the background,
        for review in a list."""
        from ngodesk.services import suggestions

        library, ids = self.library, self._stories.selected_ids() or self._stories.listed_ids()
        if not ids:
            self.say(self.tr("No stories to look at."), 5000)
            return None

        def done(found: list[suggestions.Suggestion]) -> None:
            names = record_labels(library, {s.entity_id for s in found})  # (in the interface's language)
            dialog = SuggestionsDialog(found, len(ids), self.window, names)
            if dialog.exec() == QDialog.DialogCode.Accepted and found:
                self.commands.run(ReviewSuggestions(dialog.ticked(), dialog.unticked()))

        return self.jobs.start(
            self.tr("Looking for records named in the stories"),
            lambda progress: suggestions.suggest(library, ids, progress),
            done,
        )
