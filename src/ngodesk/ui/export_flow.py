"""Exporting from a window: stories to a file in a chosen format, and
field copies (the library, or the listed or selected stories, as a folder
or one file to carry)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow

from ngodesk.domain.models import Progress
from ngodesk.services import queries
from ngodesk.ui.commands import Actions
from ngodesk.ui.flow import Flow, Stories
from ngodesk.ui.jobs import Job, JobRunner
from ngodesk.ui.labels import format_title

# (The exporters and field copies are imported when an export starts.)


class ExportFlow(Flow):
    """A window's exports; ``listed`` and ``selected`` give the stories
    the list shows and those selected in it."""

    def __init__(
        self, window: QMainWindow, jobs: JobRunner, commands: Actions, listed: Stories, selected: Stories
    ) -> None:
        super().__init__(window, jobs, commands)
        self._listed, self._selected = listed, selected

    def export_stories(
        self, path: str | None = None, format_name: str = "", selected: bool = False, story_ids: list[int] | None = None
    ) -> Job | None:
        """Export ``story_ids`` (default: the listed or the selected
        stories); asks for the file and its format when ``path`` is not
        given (the format then follows the file dialog's filter; with a
        path, ``format_name`` or json)."""
        from ngodesk.services import exporting

        ids = story_ids if story_ids is not None else self._selected() if selected else self._listed()
        if not ids:
            self.say(self.tr("No stories to export."), 5000)
            return None
        if path is None:
            filters = {f"{format_title(f.description)} (*{f.extension})": name for name, f in exporting.FORMATS.items()}
            path, chosen = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Export %Ln Stories", "", len(ids)),
                str(Path.home() / "stories.json"),
                ";;".join(filters),
            )
            format_name = filters.get(chosen, "json")
            extension = exporting.FORMATS[format_name].extension
            if path and not Path(path).suffix:
                path += extension
        if not path:
            return None
        chosen_format = format_name or "json"
        library = self.library

        def work(progress: Progress) -> int:
            return exporting.export(library, chosen_format, path, ids, progress)

        def done(count: int) -> None:
            self.say(self.tr("Exported %Ln stories to {path}", "", count).format(path=path), 8000)

        return self.jobs.start(self.tr("Exporting"), work, done)

    def export_field_copy(self) -> Job | None:
        """Write a field copy (the library, the listed or the selected
        stories) as a folder or one file, in the background."""
        from ngodesk.services import field_copy
        from ngodesk.ui.fieldwork_view import FieldCopyDialog

        library, listed, selected = self.library, self._listed(), self._selected()
        dialog = FieldCopyDialog(len(listed), len(selected), queries.story_count(library), Path.home(), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        scope, path, as_file = dialog.choice()
        ids = (None, listed, selected)[scope]
        make = field_copy.make_archive if as_file else field_copy.make_copy

        def done(out: Path) -> None:
            self.say(self.tr("Field copy written to {path}.").format(path=out), 15000)

        return self.jobs.start(
            self.tr("Writing the field copy"), lambda progress: make(library, path, ids, progress), done
        )
