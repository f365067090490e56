"""Translatable names of story fields and of the values the lower layers
use (statuses, languages, file formats, duplicate reasons), as every
window shows them, and authority records by their names in the
interface's language (``search.names``). Language names come from the language data langcodes
reads (CLDR: every language, in the interface's language), not from our
catalogue. The tables mark each name for ``lupdate``
(``QT_TRANSLATE_NOOP``); the functions translate at call time, so a
language chosen at start-up applies everywhere."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTranslator

from ngodesk.domain import text
from ngodesk.domain.i18n import QT_TRANSLATE_NOOP
from ngodesk.domain.models import EntityKind, EntityView
from ngodesk.search.names import NameIndex, display_name
from ngodesk.services import entities
from ngodesk.store.library import Library

translate = QCoreApplication.translate

_FIELDS = {
    "title": QT_TRANSLATE_NOOP("Fields", "Title"),
    "summary": QT_TRANSLATE_NOOP("Fields", "Summary"),
    "body": QT_TRANSLATE_NOOP("Fields", "Body"),
    "url": QT_TRANSLATE_NOOP("Fields", "Web address"),
    "source": QT_TRANSLATE_NOOP("Fields", "Source"),
    "published": QT_TRANSLATE_NOOP("Fields", "Published"),
    "language": QT_TRANSLATE_NOOP("Fields", "Language"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "tag": QT_TRANSLATE_NOOP("Fields", "Tag"),
    "organisation": QT_TRANSLATE_NOOP("Fields", "Organisation"),
    "person": QT_TRANSLATE_NOOP("Fields", "Person"),
    "place": QT_TRANSLATE_NOOP("Fields", "Place"),
    "attachment": QT_TRANSLATE_NOOP("Fields", "Attachment"),
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "note": QT_TRANSLATE_NOOP("Fields", "Note"),
    "colour": QT_TRANSLATE_NOOP("Fields", "Colour"),
    "scope_note": QT_TRANSLATE_NOOP("Fields", "Scope note"),
    "parent": QT_TRANSLATE_NOOP("Fields", "Broader tag"),
    "type": QT_TRANSLATE_NOOP("Fields", "Type"),
    "country": QT_TRANSLATE_NOOP("Fields", "Country"),
    "external_id": QT_TRANSLATE_NOOP("Fields", "External id"),
    "term": QT_TRANSLATE_NOOP("Fields", "Term"),
    "traditional": QT_TRANSLATE_NOOP("Fields", "Traditional form"),
    "pinyin": QT_TRANSLATE_NOOP("Fields", "Pinyin"),
    "rendering": QT_TRANSLATE_NOOP("Fields", "Rendering"),
    "alternatives": QT_TRANSLATE_NOOP("Fields", "Alternatives"),
    "forbidden": QT_TRANSLATE_NOOP("Fields", "Forbidden renderings"),
    "definition": QT_TRANSLATE_NOOP("Fields", "Definition"),
    "query": QT_TRANSLATE_NOOP("Fields", "Search"),
    "filters": QT_TRANSLATE_NOOP("Fields", "Filters"),
    "text": QT_TRANSLATE_NOOP("Fields", "Text"),
    "translator": QT_TRANSLATE_NOOP("Fields", "Translator"),
    "kind": QT_TRANSLATE_NOOP("Fields", "Kind"),
    "exact": QT_TRANSLATE_NOOP("Fields", "Passage"),
    "orphaned": QT_TRANSLATE_NOOP("Fields", "Passage lost"),
    "order": QT_TRANSLATE_NOOP("Fields", "Order"),  # (of a collection's stories: conflicts.ORDER)
}

#: Story statuses (``StoryStatus``), story-list and sidebar words.
STORY_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("Statuses", "draft"),
    "catalogued": QT_TRANSLATE_NOOP("Statuses", "catalogued"),
    "reviewed": QT_TRANSLATE_NOOP("Statuses", "reviewed"),
}
#: Translation statuses (``TranslationStatus``).
TRANSLATION_STATUSES = {
    "untranslated": QT_TRANSLATE_NOOP("Statuses", "Untranslated"),
    "draft": QT_TRANSLATE_NOOP("Statuses", "Draft"),
    "reviewed": QT_TRANSLATE_NOOP("Statuses", "Reviewed"),
}
#: Glossary term statuses (``TermStatus``).
TERM_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("Statuses", "Draft"),
    "approved": QT_TRANSLATE_NOOP("Statuses", "Approved"),
    "deprecated": QT_TRANSLATE_NOOP("Statuses", "Deprecated"),
}
#: File formats by their English titles (``formats`` TITLE, ``exporting``
#: descriptions).
FORMATS = (
    QT_TRANSLATE_NOOP("Formats", "BibTeX or BibLaTeX"),
    QT_TRANSLATE_NOOP("Formats", "CDB listing (plain text)"),
    QT_TRANSLATE_NOOP("Formats", "CSL-JSON (Zotero, Pandoc)"),
    QT_TRANSLATE_NOOP("Formats", "RSS or Atom feed"),
    QT_TRANSLATE_NOOP("Formats", "ngodesk JSON"),
    QT_TRANSLATE_NOOP("Formats", "Dublin Core (OAI-PMH ListRecords)"),
    QT_TRANSLATE_NOOP("Formats", "RIS (reference managers)"),
    QT_TRANSLATE_NOOP("Formats", "WordPress export (WXR)"),
    QT_TRANSLATE_NOOP("Formats", "Zotero RDF"),
    QT_TRANSLATE_NOOP("Formats", "MODS (library catalogues)"),
    QT_TRANSLATE_NOOP("Formats", "EndNote XML"),
    QT_TRANSLATE_NOOP("Formats", "NoteExpress (CNKI)"),
    QT_TRANSLATE_NOOP("Formats", "CSV table"),
    QT_TRANSLATE_NOOP("Formats", "TSV table (tab-separated)"),
    QT_TRANSLATE_NOOP("Formats", "ngodesk JSON (everything, for another library)"),
    QT_TRANSLATE_NOOP("Formats", "CSV spreadsheet (UTF-8)"),
    QT_TRANSLATE_NOOP("Formats", "BibTeX"),
    QT_TRANSLATE_NOOP("Formats", "Dublin Core XML (OAI-PMH)"),
    QT_TRANSLATE_NOOP("Formats", "HTML catalogue (printable)"),
)


def field_label(name: str) -> str:
    """The label of a field of a story or other record, or of a kind of
    link (tag, organisation, person, place); the name itself if unknown."""
    return translate("Fields", _FIELDS[name]) if name in _FIELDS else name


def story_status(value: str) -> str:
    return translate("Statuses", STORY_STATUSES.get(value, value))


def translation_status(value: str) -> str:
    return translate("Statuses", TRANSLATION_STATUSES.get(value, value))


def term_status(value: str) -> str:
    return translate("Statuses", TERM_STATUSES.get(value, value))


def interface_language() -> str:
    """The language the window speaks, as ``ui.i18n`` installed it: its
    locale ("zh_CN") when a translation of ngodesk is installed (QLocale's
    default is set to it then), else English."""
    app = QCoreApplication.instance()
    if app is None or not app.findChildren(QTranslator, options=Qt.FindChildOption.FindDirectChildrenOnly):
        return "en"
    return QLocale().name()


#: The names of the languages the editor offers, per interface language
#: (as ``interface_language`` says it), written out as langcodes gives
#: them: the editor needs them before the window's first paint, and
#: langcodes takes 0.1 s to import (a test compares them with langcodes').
KNOWN_LANGUAGE_NAMES = {
    "en_US": {
        "en": "English",
        "zh": "Chinese",
        "zh-Hans": "Chinese (Simplified)",
        "zh-Hant": "Chinese (Traditional)",
        "fr": "French",
        "es": "Spanish",
        "ar": "Arabic",
        "ru": "Russian",
        "pt": "Portuguese",
        "sw": "Swahili",
    },
    "zh_CN": {
        "en": "英语",
        "zh": "中文",
        "zh-Hans": "中文（简体）",
        "zh-Hant": "中文（繁体）",
        "fr": "法语",
        "es": "西班牙语",
        "ar": "阿拉伯语",
        "ru": "俄语",
        "pt": "葡萄牙语",
        "sw": "斯瓦希里语",
    },
}
#: The same by tag in lower case (the sidebar's counts fold the tags).
_KNOWN_BY_FOLDED_TAG = {
    speaking: {tag.casefold(): name for tag, name in names.items()} for speaking, names in KNOWN_LANGUAGE_NAMES.items()
}


def language_name(tag: str) -> str:
    """The name of the language ``tag`` (a story's or a translation's, any
    letter case) in the interface's language, from the language data
    langcodes reads ("Chinese (Simplified)", 中文（简体）); for no
    language, words that say so. A tag that names no language stays as
    it is."""
    if not tag:
        return translate("Languages", "No language")
    speaking = interface_language()
    known = _KNOWN_BY_FOLDED_TAG.get(QLocale(speaking).name(), {})  # ("en": en_US's)
    return known.get(tag.casefold()) or text.language_name(tag, speaking)


def format_title(title: str) -> str:
    return translate("Formats", title)


class Kinds(QObject):
    """What a merge counts (``merging.MergeReport``), by kind: the counts
    are ``tr`` calls so that lupdate gives each its plural forms."""

    def count(self, kind: str, n: int) -> str:
        """``n`` records of ``kind`` ("1 story", "3 stories")."""
        counts = {
            "stories": lambda: self.tr("%Ln stories", "", n),
            "tags": lambda: self.tr("%Ln tags", "", n),
            "records": lambda: self.tr("%Ln authority records", "", n),
            "terms": lambda: self.tr("%Ln glossary terms", "", n),
            "collections": lambda: self.tr("%Ln collections", "", n),
            "translations": lambda: self.tr("%Ln translations", "", n),
            "annotations": lambda: self.tr("%Ln notes", "", n),
            "attachments": lambda: self.tr("%Ln attachments", "", n),
        }
        return counts[kind]() if kind in counts else f"{n} {kind}"


def record_kind(kind: str, n: int) -> str:
    """``n`` records of ``kind`` ("1 story", "3 stories")."""
    return Kinds().count(kind, n)


def record_labels(library: Library, entity_ids: Iterable[int]) -> dict[int, str]:
    """The names of the records ``entity_ids`` (those that exist) in the
    interface's language (中国扶贫基金会 in the Chinese interface)."""
    return entities.labels(library, entity_ids, interface_language())


def record_index(library: Library, kind: EntityKind | None = None, language: str = "") -> NameIndex:
    """Every name of the records of ``kind`` (None: all), named in
    ``language`` (default: the interface's; a worker thread passes it),
    for finding them as the user types."""
    return NameIndex(entities.names_of(library, kind), language or interface_language())


def record_name(view: EntityView) -> str:
    """The name of the record ``view`` in the interface's language."""
    return display_name(view.name, view.alt_names, interface_language())
