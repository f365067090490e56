"""Merging a duplicate pair side by side: the user picks, field by field,
which story's value stays (an empty value never wins over a filled one
unless picked) and which story's record survives; tags, records,
translations and annotations of both are kept either way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ngodesk.domain.models import STORY_TEXT_FIELDS
from ngodesk.services.story_merge import Side
from ngodesk.ui.labels import field_label, language_name, story_status

#: Characters of a value shown (the tooltip holds more).
_SHOWN = 300
_TIP = 2000


def _shown(value: str) -> str:
    return value if len(value) <= _SHOWN else value[:_SHOWN] + "…"


def _readable(name: str, value: str) -> str:
    """Field ``name``'s stored ``value`` as the interface names it (a
    status or language in the interface's language)."""
    if not value:
        return value
    return story_status(value) if name == "status" else language_name(value) if name == "language" else value


class MergeStoriesDialog(QDialog):
    """Two stories side by side. Once accepted, ``keep_id`` survives,
    ``other_id`` is merged into it, and ``from_other()`` names the fields
    whose values come from the other story."""

    def __init__(self, first: Side, second: Side, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge Duplicate Stories"))
        self.sides = (first, second)
        self.picks: dict[str, QButtonGroup] = {}
        intro = QLabel(
            self.tr(
                "These stories look like one ({reason}). Pick the value to keep in each row; tags, linked records, "
                "translations, annotations and collection places of both are kept. The other story's uuid will "
                "lead to the one kept."
            ).format(reason=reason)
        )
        intro.setWordWrap(True)
        self.survivor = QComboBox()
        self.survivor.addItem(self.tr("Story A (left)"), 0)
        self.survivor.addItem(self.tr("Story B (right)"), 1)
        survivor_row = QHBoxLayout()
        survivor_row.addWidget(QLabel(self.tr("Keep the record of:")))
        survivor_row.addWidget(self.survivor)
        survivor_row.addStretch(1)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setVerticalSpacing(10)
        grid.setRowStretch(len(STORY_TEXT_FIELDS) + 1, 1)  # (rows stay together at the top)
        for column, (title, side) in enumerate(((self.tr("Story A"), first), (self.tr("Story B"), second)), 1):
            heading = QLabel(f"<b>{title}</b>")
            heading.setToolTip(side.uuid)
            grid.addWidget(heading, 0, column)
        for row, name in enumerate(STORY_TEXT_FIELDS, 1):
            grid.addWidget(QLabel(field_label(name)), row, 0, Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(self)
            values = (first.values[name], second.values[name])
            for column, value in enumerate(values):
                button = QRadioButton(_shown(_readable(name, value)) or self.tr("(empty)"))
                button.setToolTip(value[:_TIP])
                button.setStyleSheet("QRadioButton { text-align: left; }")
                button.setEnabled(values[0] != values[1])
                group.addButton(button, column)
                grid.addWidget(_wrapping(button), row, column + 1, Qt.AlignmentFlag.AlignTop)
            group.button(1 if not values[0] and values[1] else 0).setChecked(True)
            self.picks[name] = group
        rest = QLabel(
            self.tr(
                "Kept from both: tags {a} + {b}, records {c} + {d}, translations {e} + {f}, annotations {g} + {h}."
            ).format(
                a=first.tags,
                b=second.tags,
                c=first.records,
                d=second.records,
                e=first.translations,
                f=second.translations,
                g=first.annotations,
                h=second.annotations,
            )
        )
        rest.setWordWrap(True)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(survivor_row)
        layout.addWidget(scroll, 1)
        layout.addWidget(rest)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def pick(self, name: str, side: int) -> None:
        """Choose the value of story A (0) or B (1) for field ``name``."""
        self.picks[name].button(side).setChecked(True)

    @property
    def keep_id(self) -> int:
        return self.sides[self.survivor.currentData()].id

    @property
    def other_id(self) -> int:
        return self.sides[1 - self.survivor.currentData()].id

    def from_other(self) -> list[str]:
        """Fields whose picked value is the merged-away story's."""
        other = 1 - self.survivor.currentData()
        return [
            name for name, group in self.picks.items() if group.checkedId() == other and group.button(0).isEnabled()
        ]


def _wrapping(button: QRadioButton) -> QWidget:
    """A radio button whose long text wraps: the button with no text and a
    word-wrapped label beside it that clicks it."""
    text = button.text()
    button.setText("")
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setToolTip(button.toolTip())
    label.mousePressEvent = lambda _event: button.setChecked(True) if button.isEnabled() else None  # type: ignore[method-assign]
    label.setEnabled(button.isEnabled())
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    return box
