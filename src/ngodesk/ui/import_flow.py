"""Importing files into the window's library: the file dialog and its
format filters, the choices some files need first (a table's columns, a
WordPress export's item types), the import in the background, the
question when some records cannot be read, and the report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox

from ngodesk.domain.errors import ImportFailed
from ngodesk.domain.models import ChangeSet, NotedProgress
from ngodesk.ui import import_details
from ngodesk.ui.commands import Actions, ImportStories, MergeDuplicates
from ngodesk.ui.flow import Flow
from ngodesk.ui.i18n import number
from ngodesk.ui.jobs import Job, JobRunner
from ngodesk.ui.labels import format_title
from ngodesk.ui.sidebar import Sidebar

if TYPE_CHECKING:
    from ngodesk.formats import ImportOptions
    from ngodesk.services import importing

# (The formats and the importing service are imported when an import
# starts: imported with the window, they were a third of a second before
# its first paint.)

#: Files whose import may ask for choices first (tables, WordPress exports).
ASKING_SUFFIXES = (".csv", ".tsv", ".tab", ".txt", ".xml", ".wxr")


class ImportFlow(Flow):
    """A window's imports. Each is one undo step, its stories listed under
    "Last import" in the sidebar (``last_import``: their ids) until an undo
    takes them back (``follow``)."""

    def __init__(self, window: QMainWindow, jobs: JobRunner, commands: Actions, sidebar: Sidebar) -> None:
        super().__init__(window, jobs, commands)
        self._sidebar = sidebar
        self.last_import: frozenset[int] = frozenset()

    def import_files(self, paths: list[str] | None = None, format_name: str = "auto") -> Job | None:
        """Import files (asked for when not given, with their format chosen
        by the dialog's file type filter) in the background."""
        from ngodesk.formats import file_extensions, importers
        from ngodesk.services import importing

        if paths is None:
            filters = {
                self.tr("Story files, format recognised ({patterns})").format(
                    patterns=" ".join("*" + e for e in file_extensions())
                ): "auto"
            }
            for found in importers():
                patterns = " ".join("*" + e for e in found.EXTENSIONS) or "*"
                filters[f"{format_title(found.TITLE)} ({patterns})"] = found.NAME
            filters[self.tr("All files, format recognised (*)")] = "auto"
            paths, chosen = QFileDialog.getOpenFileNames(
                self.window, self.tr("Import Stories"), str(Path.home()), ";;".join(filters)
            )
            format_name = filters.get(chosen, "auto")
        if not paths:
            return None
        options = self._import_options(paths, format_name)
        if options is None:
            return None
        library = self.library

        def work(
            progress: NotedProgress,
        ) -> importing.ImportReport | tuple[importing.FilesRead, importing.ImportReport]:
            read, report = importing.read_files(paths, format_name, options, progress)
            if report.problems:
                return read, report  # the user chooses: the rest or nothing
            return importing.import_read(library, read, report, parallel=True, progress=progress)

        return self.jobs.start(self.tr("Importing"), work, self._read_or_imported, modal=False)

    def _import_options(self, paths: list[str], format_name: str) -> dict[str, ImportOptions] | None:
        """Choices for the files that need them, asked for in a dialog per
        file: the columns of a table (CSV, TSV), the item types of a
        WordPress export that has more than posts. None when the user
        cancels one."""
        from ngodesk.formats import csv_table, detect, read_text, wxr
        from ngodesk.ui.column_map import ColumnMapDialog
        from ngodesk.ui.item_types import ItemTypesDialog

        options: dict[str, ImportOptions] = {}
        for name in paths:
            path = Path(name)
            if path.suffix.lower() not in ASKING_SUFFIXES and format_name == "auto":
                continue
            try:
                text = read_text(path)
                found = detect(path, text, format_name)
            except ImportFailed:
                continue  # (the import reports it)
            dialog: ColumnMapDialog | ItemTypesDialog
            if isinstance(found, csv_table.Table):
                dialog = ColumnMapDialog(path, found, text, self.window)
            elif found is wxr and set(counts := wxr.item_types(text)) - {"post"}:
                dialog = ItemTypesDialog(path, counts, self.window)
            else:
                continue
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            options[name] = dialog.options()
        return options

    def _read_or_imported(self, result: object) -> None:
        from ngodesk.services import importing

        if isinstance(result, importing.ImportReport):
            self._imported(result)
            return
        assert isinstance(result, tuple)  # (what ``import_files``'s work returns when the user is to choose)
        read: importing.FilesRead
        report: importing.ImportReport
        read, report = result
        if not read.items:  # nothing readable: no choice to offer
            self._imported(report)
            return
        assert self.jobs.job is not None  # (the reading job, ending)
        self.jobs.job.ended.connect(lambda: self._import_the_rest(read, report))

    def _import_the_rest(self, read: importing.FilesRead, report: importing.ImportReport) -> None:
        """Ask whether to import the readable records when some are not."""
        from ngodesk.services import importing

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import"), "", parent=self.window)
        box.setText(self.tr("%Ln records in these files cannot be read.", "", len(report.problems)))
        box.setInformativeText(
            self.tr("Import the other {n} records, or nothing? The details list what cannot be read.").format(
                n=len(read.items)
            )
        )
        box.setDetailedText("\n".join(import_details.detail(p) for p in report.problems))
        rest = box.addButton(self.tr("Import %Ln Records", "", len(read.items)), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Import Nothing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(rest)
        box.exec()
        if box.clickedButton() is not rest or not read.items:
            self.say(self.tr("Nothing was imported."), 5000)
            return
        library = self.library
        self.jobs.start(
            self.tr("Importing"),
            lambda progress: importing.import_read(library, read, report, parallel=True, progress=progress),
            self._imported,
            modal=False,
        )

    def _imported(self, report: importing.ImportReport) -> None:
        """Make the import one undo step, show its stories under "Last
        import" and say how it went: in the status bar, or in a box when
        there is more to tell or to decide (duplicates, problems)."""
        from ngodesk.services import importing

        self.commands.record(ImportStories(report.changes), report.changes, initiator=self.window)
        if added := report.changes.stories_added:
            self.last_import = added
            self._sidebar.show_last_import(min(added), max(added), len(added))
        skipped = [d for d in report.duplicates if d.action == "skipped"]
        text = self.tr("Imported {added}; skipped {skipped} already in the library.").format(
            added=number(report.added), skipped=number(len(skipped))
        )
        if merged := sum(d.action == "merged" for d in report.duplicates):
            text += " " + self.tr("Merged %Ln into the stories they repeat.", "", merged)
        if warned := len({(w.file, w.position) for w in report.warnings}):
            text += " " + self.tr(
                "%Ln of them with warnings: odd values were normalised or kept as given (see the details).", "", warned
            )
        if not (report.duplicates or report.problems or report.skipped or report.warnings):
            if report.added:
                text += " " + self.tr("They are listed under “Last import”; Undo takes them all back.")
            self.say(text, 30_000)
            return
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import"), text, parent=self.window)
        details = [import_details.detail(d) for d in skipped]
        details += [import_details.left_out(s) for s in report.skipped]
        details += [import_details.detail(w) for w in report.warnings]
        if report.problems:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText(self.tr("%Ln records could not be read.", "", len(report.problems)))
            details += [import_details.detail(p) for p in report.problems]
        if details:
            box.setDetailedText("\n".join(details))
        merge = add = None
        if skipped:
            merge = box.addButton(self.tr("Merge Into Those Stories"), QMessageBox.ButtonRole.ActionRole)
            add = box.addButton(self.tr("Add Them Anyway"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()
        if box.clickedButton() in (merge, add) and box.clickedButton() is not None:
            how = importing.OnDuplicate.MERGE if box.clickedButton() is merge else importing.OnDuplicate.ADD
            self.import_duplicates(skipped, how)

    def import_duplicates(self, skipped: list[importing.Skipped], how: importing.OnDuplicate) -> None:
        """Merge or add records an import skipped as duplicates (one undo step)."""
        from ngodesk.services import importing

        library = self.library
        if how is importing.OnDuplicate.ADD:
            self._imported(importing.import_again(library, skipped, how))
            return
        self.commands.run(MergeDuplicates(skipped))
        self.say(self.tr("Merged %Ln records.", "", len(skipped)), 8000)

    def follow(self, changes: ChangeSet) -> None:
        """Undoing the last import drops its "Last import" entry; redoing
        it shows the entry again."""
        if not self.last_import:
            return
        if self.last_import <= changes.stories_removed:
            self._sidebar.forget_last_import()
        elif self.last_import <= changes.stories_added and self._sidebar.last_import is None:
            ids = self.last_import
            self._sidebar.show_last_import(min(ids), max(ids), len(ids))
