"""Undoable actions on the texts around a story: translations, glossary
terms and annotations."""

from __future__ import annotations

import dataclasses

from ngodesk.domain.models import AnnotationView, ChangeSet, TermRecord, Translation
from ngodesk.services import annotating, glossary, translations
from ngodesk.services.annotating import NewAnnotation
from ngodesk.ui.commands.base import Command, translate
from ngodesk.ui.labels import field_label


class SetTranslation(Command):
    """Set (or clear) one field's translation into one language."""

    def __init__(self, story_id: int, before: Translation | None, after: Translation) -> None:
        super().__init__(translate("Commands", "Translate {field}").format(field=field_label(after.field)))
        self.story_id, self.after = story_id, after
        self.before = before or Translation(after.field, after.language, "")

    def forward(self) -> ChangeSet:
        return translations.set_translations(self.library, self.story_id, [self.after])

    def backward(self) -> ChangeSet:
        return translations.set_translations(self.library, self.story_id, [self.before])


class AddTerm(Command):
    """A new glossary term; undo deletes it, redo puts the same term back."""

    def __init__(self, record: TermRecord) -> None:
        super().__init__(translate("Commands", "New Term {term}").format(term=record.term))
        self.record, self.term_id = record, 0

    def forward(self) -> ChangeSet:
        created = glossary.create_term(self.library, self.record, self.term_id or None)
        self.term_id, self.record = created.id, dataclasses.replace(self.record, uuid=created.uuid)
        return created.changes

    def backward(self) -> ChangeSet:
        return glossary.delete_term(self.library, self.term_id)


class EditTerm(Command):
    """Change a glossary term's fields."""

    def __init__(self, term_id: int, old: TermRecord, new: TermRecord) -> None:
        super().__init__(translate("Commands", "Edit Term {term}").format(term=new.term))
        self.term_id, self.old, self.new = term_id, old, new

    def forward(self) -> ChangeSet:
        return glossary.update_term(self.library, self.term_id, self.new)

    def backward(self) -> ChangeSet:
        return glossary.update_term(self.library, self.term_id, self.old)


class DeleteTerm(Command):
    """Delete a glossary term; undo puts it back as it was."""

    def __init__(self, term_id: int, record: TermRecord) -> None:
        super().__init__(translate("Commands", "Delete Term {term}").format(term=record.term))
        self.term_id, self.record = term_id, record

    def forward(self) -> ChangeSet:
        return glossary.delete_term(self.library, self.term_id)

    def backward(self) -> ChangeSet:
        return glossary.create_term(self.library, self.record, self.term_id).changes


class AddAnnotation(Command):
    """Annotate a passage; undo deletes the annotation, redo puts the same
    one back."""

    def __init__(self, story_id: int, new: NewAnnotation, quote: str) -> None:
        super().__init__(translate("Commands", "Annotate “{quote}”").format(quote=quote[:30]))
        self.story_id, self.new, self.uuid = story_id, new, ""

    def forward(self) -> ChangeSet:
        self.uuid, changes = annotating.add(self.library, self.story_id, self.new, self.uuid)
        return changes

    def backward(self) -> ChangeSet:
        return annotating.delete(self.library, self.uuid)


class EditAnnotation(Command):
    """Change an annotation's comment or rendering."""

    def __init__(self, view: AnnotationView, body: str) -> None:
        super().__init__(translate("Commands", "Edit Annotation on “{quote}”").format(quote=view.exact[:30]))
        self.uuid, self.old, self.new = view.uuid, view.body, body

    def forward(self) -> ChangeSet:
        return annotating.edit(self.library, self.uuid, self.new)

    def backward(self) -> ChangeSet:
        return annotating.edit(self.library, self.uuid, self.old)


class DeleteAnnotation(Command):
    """Delete an annotation; undo puts it back as it was."""

    def __init__(self, view: AnnotationView) -> None:
        super().__init__(translate("Commands", "Delete Annotation on “{quote}”").format(quote=view.exact[:30]))
        self.view = view

    def forward(self) -> ChangeSet:
        return annotating.delete(self.library, self.view.uuid)

    def backward(self) -> ChangeSet:
        return annotating.put_back(self.library, self.view)
