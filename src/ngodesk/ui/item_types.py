"""The dialog that asks which kinds of WordPress items become stories
(posts only unless the user ticks pages, attachments...)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ngodesk.formats import ImportOptions


def _label(item_type: str) -> str:
    translate = QCoreApplication.translate
    names = {
        "post": translate("ItemTypes", "Posts"),
        "page": translate("ItemTypes", "Pages"),
        "attachment": translate("ItemTypes", "Attachments (media library entries)"),
        "nav_menu_item": translate("ItemTypes", "Menu items"),
    }
    return names.get(item_type, translate("ItemTypes", "Items of type “{type}”").format(type=item_type))


class ItemTypesDialog(QDialog):
    """Lists the item types of a WordPress export with their counts; posts
    are ticked. ``options()`` gives the types ticked."""

    def __init__(self, path: Path, counts: Mapping[str, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import WordPress Export"))
        self.setMinimumWidth(400)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("<b>{name}</b> holds these kinds of items. Which of them should become stories?").format(
                name=path.name
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.boxes: dict[str, QCheckBox] = {}
        for item_type in sorted(counts, key=lambda t: (t != "post", t != "page", t)):
            box = QCheckBox(self.tr("{kind} ({n})").format(kind=_label(item_type), n=counts[item_type]))
            box.setChecked(item_type == "post")
            box.toggled.connect(self._update)
            layout.addWidget(box)
            self.boxes[item_type] = box
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(any(box.isChecked() for box in self.boxes.values()))

    def options(self) -> ImportOptions:
        """The import options with the ticked types."""
        return ImportOptions(post_types=frozenset(t for t, box in self.boxes.items() if box.isChecked()))
