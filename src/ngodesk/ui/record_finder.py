"""Finding the record a user means as they type a name in the editor's
Organisations, People and Places fields: the records any of whose names
the text finds (shown by their names in the interface's language), and,
for a name that matches none, a question before a record is made:
"Create a new place “Keny”? Did you mean Kenya?", with buttons to link
the record meant, to create the new one, or to do neither."""

from __future__ import annotations

import enum
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ngodesk.domain.models import ChangeSet, EntityKind
from ngodesk.search.names import NameIndex
from ngodesk.search.text import fold
from ngodesk.services import entities
from ngodesk.store.library import Library
from ngodesk.ui.chips import ChipEdit, Completion
from ngodesk.ui.jobs import Latest
from ngodesk.ui.labels import interface_language, record_index

translate = QCoreApplication.translate


class Answer(enum.Enum):
    LINK = "link"  # the record suggested
    CREATE = "create"
    CANCEL = "cancel"


def _question(kind: EntityKind, name: str) -> str:
    if kind is EntityKind.ORGANISATION:
        return translate("NewRecord", "Create a new organisation “{name}”?").format(name=name)
    if kind is EntityKind.PERSON:
        return translate("NewRecord", "Create a new person “{name}”?").format(name=name)
    return translate("NewRecord", "Create a new place “{name}”?").format(name=name)


def ask(parent: QWidget, kind: EntityKind, typed: str, suggestion: str = "") -> Answer:
    """Ask whether ``typed``, which names no record of ``kind``, makes a
    new record, or means the record named ``suggestion`` ("": none)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("NewRecord", "New Record"))
    box.setText(_question(kind, typed))
    if suggestion:
        box.setInformativeText(translate("NewRecord", "Did you mean {name}?").format(name=suggestion))
        link = box.addButton(
            translate("NewRecord", "Link {name}").format(name=suggestion), QMessageBox.ButtonRole.AcceptRole
        )
    create = box.addButton(
        translate("NewRecord", "Create “{name}”").format(name=typed), QMessageBox.ButtonRole.ActionRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(link if suggestion else create)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if suggestion and clicked is link:
        return Answer.LINK
    return Answer.CREATE if clicked is create else Answer.CANCEL


class RecordFinder(QObject):
    """Every name of the library's records, by kind, read on a worker
    thread from ``prepare`` (the editor calls it when a record field gets
    the focus: at 20,000 records the names take a second or so to read,
    which a keystroke must not wait for); asked for while being read, they
    are waited for, asked for before (or after the reading failed), read at
    once. ``follow`` keeps them as the records change; ``failed(message)``
    says why reading them failed; ``close`` stops the reading."""

    failed = Signal(str)

    def __init__(self, library: Library, parent: QWidget) -> None:
        super().__init__(parent)
        self.library = library
        self._indexes: dict[EntityKind, NameIndex] = {}
        self._reading = Latest(parent, translate("RecordFinder", "Reading the records' names"))
        self._reading.failed.connect(self._failed)

    def prepare(self) -> None:
        """Start reading the names of every kind not read, unless being read."""
        if not self._reading.running():
            self._read()

    def reading(self) -> bool:
        """Whether names are being read (on a worker thread)."""
        return self._reading.running()

    def _read(self) -> None:
        """Read the names of every kind not read (superseding a reading)."""
        missing = [kind for kind in EntityKind if kind not in self._indexes]
        if missing:
            language = interface_language()  # (Qt's, asked on this thread)
            self._reading.run(
                [partial(record_index, self.library, kind, language) for kind in missing],
                lambda indexes: self._indexes.update(zip(missing, indexes, strict=True)),
            )

    def _failed(self, error: str) -> None:
        self.failed.emit(translate("RecordFinder", "Could not read the records' names: {error}").format(error=error))

    def follow(self, changes: ChangeSet) -> None:
        """Read again the names of the records ``changes`` adds or changes,
        and forget those it removes (only those: a whole library's names
        take a second or two to read at 20,000 records). Names being read
        may miss the change: they are read again."""
        fresh = changes.entities_added | changes.entities_changed
        if not fresh and not changes.entities_removed:
            return
        for kind, index in self._indexes.items():
            index.update(entities.names_of(self.library, kind, fresh), changes.entities_removed | fresh)
        if self._reading.running():
            self._read()

    def index(self, kind: EntityKind) -> NameIndex:
        if kind not in self._indexes:
            self._reading.wait()
        if kind not in self._indexes:
            self._indexes[kind] = record_index(self.library, kind)
        return self._indexes[kind]

    def close(self) -> None:
        """Stop reading names for good (a kind being read is finished
        first: it holds a connection to the library)."""
        self._reading.stop()

    def label(self, chips: ChipEdit, kind: EntityKind, name: str) -> str:
        """The name shown of the record of ``kind`` linked by ``name``: its
        chip's in ``chips``, else the one the names of ``kind`` give."""
        if name in (values := chips.values()):
            return chips.labels()[values.index(name)]
        return match.label if (match := self.index(kind).exact(name)) is not None else name

    def completions(self, kind: EntityKind, text: str) -> list[Completion]:
        """The records of ``kind`` ``text`` finds by any of their names, the
        best first, each offered by its name and, when another of its names
        was found, that one too ("Myanmar (Burma)"); taking one gives its
        stored name."""
        return [
            Completion(
                m.label
                if fold(m.matched) == fold(m.label)
                else translate("RecordFinder", "{name} ({other})").format(name=m.label, other=m.matched),
                m.name,
                m.exact,
            )
            for m in self.index(kind).complete(text)
        ]

    def resolve(self, parent: QWidget, kind: EntityKind, typed: str) -> str | None:
        """``typed`` names no record of ``kind``: ask (``ask``) and give the
        name to link, the suggested record's stored name or ``typed`` (a
        new record), or None for neither."""
        suggestion = self.index(kind).suggest(typed)
        answer = ask(parent, kind, typed, suggestion.label if suggestion else "")
        if answer is Answer.LINK and suggestion is not None:
            return suggestion.name
        return typed if answer is Answer.CREATE else None
