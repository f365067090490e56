"""Merging another copy of the library (a field copy, a folder) into the
window's, in the background; then the report, and the conflicts to
settle."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ngodesk.store.library import DB_NAME
from ngodesk.ui.commands import SettleConflict
from ngodesk.ui.flow import Flow
from ngodesk.ui.i18n import listing
from ngodesk.ui.jobs import Job
from ngodesk.ui.labels import record_kind

if TYPE_CHECKING:
    from ngodesk.services import merging
    from ngodesk.ui.fieldwork_view import ConflictsDialog

# (The merge and its views are imported when a merge starts.)


class MergeFlow(Flow):
    """A window's merges of other libraries and their conflicts."""

    def merge_library(self, path: str | None = None) -> Job | None:
        """Merge another copy of the library (a folder or a field-copy file)
        into this one, in the background; conflicts are shown after."""
        from ngodesk.services import conflicts, field_copy, merging

        if path is None:
            filters = ";;".join(
                [
                    self.tr("Field copies and libraries (*{suffix} {db})").format(
                        suffix=field_copy.ARCHIVE_SUFFIX, db=DB_NAME
                    ),
                    self.tr("All files (*)"),
                ]
            )
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Merge Library"), str(Path.home()), filters)
            if not path:
                return None
            if Path(path).name == DB_NAME:
                path = str(Path(path).parent)
        library = self.library

        def done(report: merging.MergeReport) -> None:
            self.commands.hub.publish(report.changes)
            parts = [
                self.tr("{records} {how}").format(records=record_kind(kind, n), how=how)
                for how, counts in (
                    (self.tr("added"), report.added),
                    (self.tr("changed"), report.changed),
                    (self.tr("deleted"), report.deleted),
                )
                for kind, n in sorted(counts.items())
            ]
            summary = listing(parts) or self.tr("nothing to change")
            merged = self.tr("Merged {name}: {summary}.").format(name=Path(report.source).name, summary=summary)
            self.say(merged, 15000)
            if report.left_out:
                box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Merge Library"), merged, parent=self.window)
                box.setInformativeText(
                    self.tr("1 record of the other library could not be taken and was left out.")
                    if len(report.left_out) == 1
                    else self.tr("{n} records of the other library could not be taken and were left out.").format(
                        n=len(report.left_out)
                    )
                )
                box.setDetailedText("\n".join(report.left_out))
                box.exec()
            if conflicts.conflicts(library):
                self.show_conflicts()

        return self.jobs.start(
            self.tr("Merging"), lambda progress: merging.merge(library, path, merging.Prefer.ASK, progress), done
        )

    def show_conflicts(self) -> ConflictsDialog:
        """The open merge conflicts, to settle now or later."""
        from ngodesk.services import conflicts
        from ngodesk.ui.fieldwork_view import ConflictsDialog

        dialog = ConflictsDialog(
            conflicts.conflicts(self.library),
            lambda conflict, value: self.run(SettleConflict(conflict, value)),
            self.window,
        )
        dialog.exec()
        return dialog
