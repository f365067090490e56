"""Translatable names of story fields, as every dialog shows them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def field_label(name: str) -> str:
    """The label of story field ``name``, or of a kind of link (tag,
    organisation, person, place); the name itself if unknown."""
    tr = QCoreApplication.translate
    labels = {
        "title": tr("Fields", "Title"),
        "summary": tr("Fields", "Summary"),
        "body": tr("Fields", "Body"),
        "url": tr("Fields", "Web address"),
        "source": tr("Fields", "Source"),
        "published": tr("Fields", "Published"),
        "language": tr("Fields", "Language"),
        "status": tr("Fields", "Status"),
        "tag": tr("Fields", "Tag"),
        "organisation": tr("Fields", "Organisation"),
        "person": tr("Fields", "Person"),
        "place": tr("Fields", "Place"),
        "attachment": tr("Fields", "Attachment"),
    }
    return labels.get(name, name)
