"""Drag-and-drop payloads: story ids and tag ids as comma-separated text
under private MIME types."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData

STORY_IDS = "application/x-ngodesk-story-ids"
TAG_IDS = "application/x-ngodesk-tag-ids"


def pack(kind: str, ids: list[int]) -> QMimeData:
    """Drag data carrying ``ids`` as ``kind``."""
    mime = QMimeData()
    mime.setData(kind, QByteArray(",".join(map(str, ids)).encode()))
    return mime


def unpack(mime: QMimeData, kind: str) -> list[int]:
    """The ids ``mime`` carries as ``kind`` (none if it carries none)."""
    raw = bytes(mime.data(kind).data()).decode(errors="replace")
    return [int(part) for part in raw.split(",") if part.strip().isdigit()]
