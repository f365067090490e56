"""The detail pane: one story rendered as rich text (no remote resources)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from ngodesk.domain.models import EntityKind, StoryView


def _tr(text: str) -> str:
    return QCoreApplication.translate("StoryDetail", text)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in text.split("\n\n") if p.strip())


def story_html(story: StoryView) -> str:
    """The story's fields as HTML, every value escaped."""
    labels = {
        EntityKind.ORGANISATION: _tr("Organisations"),
        EntityKind.PERSON: _tr("People"),
        EntityKind.PLACE: _tr("Places"),
    }
    rows = [
        (_tr("Published"), escape(story.published)),
        (_tr("Source"), escape(story.source)),
        (_tr("Language"), escape(story.language)),
        (_tr("Status"), escape(_tr(story.status.value))),
        (_tr("Tags"), escape("; ".join(t.path for t in story.tags))),
    ]
    for kind, label in labels.items():
        rows.append((label, escape("; ".join(e.name for e in story.entities if e.kind is kind))))
    if story.url:
        rows.append((_tr("Link"), f'<a href="{escape(story.url, quote=True)}">{escape(story.url)}</a>'))
    table = "".join(
        f"<tr><td style='color:#666;padding-right:12px'>{label}</td><td>{value}</td></tr>"
        for label, value in rows
        if value
    )
    parts = [f"<h2>{escape(story.title)}</h2>", f"<table>{table}</table>"]
    if story.summary:
        parts.append(f"<h4>{_tr('Summary')}</h4>{_paragraphs(story.summary)}")
    if story.body:
        parts.append(f"<h4>{_tr('Text')}</h4>{_paragraphs(story.body)}")
    return "".join(parts)


class StoryDetail(QTextBrowser):
    """Shows one story, or a hint when none is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.show_story(None)

    def show_story(self, story: StoryView | None) -> None:
        """Display ``story``; None shows the empty state."""
        if story is None:
            self.setHtml(f"<p style='color:#777'>{_tr('Select a story to see it here.')}</p>")
        else:
            self.setHtml(story_html(story))
